"""`gongkai models list|show VERSION|promote VERSION|rollback|retrain [--force]|feedback`."""
from __future__ import annotations

import argparse
import json
import sys


def register(sub) -> None:
    p = sub.add_parser("models", help="model versions: list, show, promote, rollback, retrain on reviewers' decisions")
    msub = p.add_subparsers(dest="models_command", required=True)
    q = msub.add_parser("list", help="every model version; * marks the current one")
    q.set_defaults(func=cmd_list)
    q = msub.add_parser("show", help="the meta data of one version (gate verdict and comparison included)")
    q.add_argument("version")
    q.set_defaults(func=cmd_show)
    q = msub.add_parser("promote", help="make a version current by hand (a refused candidate: administrators only)")
    q.add_argument("version")
    q.add_argument("--admin", help="the administrator who promotes a candidate the gate did not promote")
    q.add_argument("--reason", help="why (required with --admin; recorded in the audit trail)")
    q.set_defaults(func=cmd_promote)
    q = msub.add_parser("confirm-decision", help="second person: let retraining learn from a decision that "
                                                 "loosens what the model and rules propose")
    q.add_argument("document_id", type=int)
    q.add_argument("--by", required=True, help="a secrecy officer or administrator who did not make the decision")
    q.add_argument("--reason", required=True)
    q.set_defaults(func=cmd_confirm_decision)
    q = msub.add_parser("rollback", help="return to the model that was current before")
    q.set_defaults(func=cmd_rollback)
    q = msub.add_parser("retrain", help="train on corpus + reviewed decisions; promote only through the gate")
    q.add_argument("--force", action="store_true", help="even with fewer new decisions than retraining.min_new_decisions")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_retrain)
    q = msub.add_parser("feedback", help="per rule: fired / confirmed / overridden by reviewers")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_feedback)


def cmd_list(args: argparse.Namespace) -> int:
    from gongkai.classify.retrain import model_table

    rows = model_table()
    if not rows:
        print("没有模型 / no model versions", file=sys.stderr)
        return 1
    for r in rows:
        verdict = {True: "promoted", False: "refused", None: ""}[r["promoted"]]
        print(f"{'*' if r['current'] else ' '} {r['version']}  {r['created']}  {r['kind']:<9} "
              f"decisions={r['n_decisions']:<5} {verdict}")
        for reason in r["reasons"][:3]:
            print(f"      - {reason}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from gongkai.classify import registry
    from gongkai.errors import GongkaiError

    meta = next((m for m in registry.list_versions() if m.get("version") == args.version), None)
    if meta is None:
        raise GongkaiError("model_missing", f"no model version {args.version!r}")
    meta["current"] = registry.current_version() == args.version
    print(json.dumps(meta, ensure_ascii=False, indent=2))
    return 0


def cmd_promote(args: argparse.Namespace) -> int:
    from gongkai.classify import registry
    from gongkai.classify.retrain import promote
    from gongkai.store.db import open_store

    meta = next((m for m in registry.list_versions() if m.get("version") == args.version), {})
    if (meta.get("gate") or {}).get("promoted") is False:
        print(f"警告 / warning: the gate did not promote {args.version}: " + "; ".join(meta["gate"]["reasons"]),
              file=sys.stderr)
    promote(args.version, store=open_store(), admin=args.admin, reason=args.reason)
    print(f"current model: {args.version}")
    return 0


def cmd_confirm_decision(args: argparse.Namespace) -> int:
    from gongkai.classify.retrain import confirm_loosening
    from gongkai.store.db import open_store

    labels = confirm_loosening(open_store(), args.document_id, args.by, args.reason)
    print(f"已复核 / confirmed: document {args.document_id} {labels['disclosure']}/{labels['secrecy']} "
          f"(decision {labels['decision_id']}) may be learnt from")
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    from gongkai.classify.retrain import rollback
    from gongkai.store.db import open_store

    print(f"current model: {rollback(store=open_store())}")
    return 0


def cmd_retrain(args: argparse.Namespace) -> int:
    from gongkai.classify.retrain import retrain
    from gongkai.store.db import open_store

    result = retrain(open_store(), force=args.force)
    print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) if args.json else result.markdown())
    return 0 if result.promoted or result.skipped else 3


def cmd_feedback(args: argparse.Namespace) -> int:
    from gongkai.classify.feedback import rule_feedback
    from gongkai.store.db import open_store

    report = rule_feedback(open_store())
    print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) if args.json else report.markdown())
    return 0
