"""`gongkai classify`, `gongkai train`, `gongkai evaluate`."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("classify", help="propose disclosure attribute and secrecy level for files or folders")
    p.add_argument("paths", nargs="+")
    p.add_argument("--json", action="store_true", help="one JSON object per document (the stable contract)")
    p.set_defaults(func=cmd_classify)

    p = sub.add_parser("train", help="train the classifier on corpus/ and make it the current model")
    p.add_argument("--corpus", type=Path, default=None)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--if-missing", action="store_true",
                   help="only when no compatible current model exists (then without the leave-writer-out evaluation)")
    p.add_argument("--no-evaluate", action="store_true", help="fit the model only, without leave-writer-out")
    p.add_argument("--details", type=Path, default=None,
                   help="write every held-out proposal (leave-writer-out and dev) to this JSON-lines file")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("evaluate", help="measure proposals against labels ({file, disclosure, secrecy} per line)")
    p.add_argument("--labels", type=Path, required=True)
    p.add_argument("--out", type=Path, default=None, help="report folder (default var/reports/evaluate-TIME)")
    p.set_defaults(func=cmd_evaluate)


def _table_row(r) -> str:
    p = r.proposal
    name = Path(p.source).name
    if p.error:
        return f"✗ {name}\n    [{p.error['code']}] {p.error['message']}"
    seal = "  【已封存】" if p.sealed else ""
    dup = f"  近似重复于 {Path(p.duplicate_of).name}" if p.duplicate_of else ""
    lines = [f"● {name}{seal}{dup}",
             f"    {p.disclosure} / {p.secrecy}  置信度 {p.confidence:.2f}  → {p.route}"]
    for reason in p.reasons[:4]:
        ev = "；".join(e.text for e in reason.evidence[:3])
        feats = "，".join(f["feature"] for f in reason.features[:4])
        lines.append(f"    - {reason.code}（{reason.article}）{ev or feats}")
    if p.pii:
        lines.append("    个人信息：" + "，".join(f"{x['type']} {x['masked']}" for x in p.pii[:5]))
    lines += [f"    ! {flag}" for flag in p.flags]
    return "\n".join(lines)


def cmd_classify(args: argparse.Namespace) -> int:
    from gongkai.proposer import Proposer
    from gongkai.sealing import seal

    reviewer = Proposer.from_settings()
    for r in reviewer.review_paths(args.paths):
        if r.proposal.sealed:
            seal(Path(r.document.source), r.document.sha256, r.proposal.marks, Path(reviewer.settings.data_dir))
        if args.json:
            print(json.dumps(r.proposal.as_dict(), ensure_ascii=False), flush=True)
        else:
            print(_table_row(r), flush=True)
    return 0


def _existing_store():
    """The store, if one exists already (set-up trains before any store is made; that needs no event)."""
    from pathlib import Path

    from gongkai.settings import Settings
    from gongkai.store.db import open_store

    settings = Settings()
    if settings.database_url or (Path(settings.data_dir) / "gongkai.db").is_file():
        return open_store(settings)
    return None


def cmd_train(args: argparse.Namespace) -> int:
    from gongkai.classify import registry
    from gongkai.classify.train import train
    from gongkai.errors import GongkaiError

    if args.if_missing:
        try:
            loaded = registry.load()
            print(f"current model {loaded.version} is compatible; nothing to train", file=sys.stderr)
            return 0
        except GongkaiError:
            pass
    from gongkai.proposer import Proposer

    store = _existing_store()
    result = train(args.corpus, seed=args.seed, evaluate_writers=not args.if_missing and not args.no_evaluate,
                   proposer=Proposer.from_settings(model=None), make_current=store is None)
    if store is not None:  # an office already at work: the new current model is an audit event
        from gongkai.classify.retrain import set_current_audited

        set_current_audited(store, result.version, None, actor="cli", reason="gongkai train")
    if args.details:
        with args.details.open("w", encoding="utf-8") as fh:
            for row in result.details:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    out = {"version": result.version, "n_train": result.n_train}
    if result.leave_writer_out:
        out["leave_writer_out"] = result.leave_writer_out.summary()
        out["per_writer"] = result.per_writer
        from gongkai.classify.train import best_thresholds

        out["best_thresholds"] = best_thresholds(result.threshold_sweep)
    if result.held_out:
        out["held_out"] = result.held_out.summary()
    if result.dev:
        out["dev"] = result.dev.summary()
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from gongkai.classify.corpus import read_labels
    from gongkai.classify.evaluate import Outcome, evaluate, write_report
    from gongkai.extract import extract_file
    from gongkai.proposer import Proposer

    rows = read_labels(args.labels)
    reviewer = Proposer.from_settings()
    outcomes, failed = [], []
    for row in rows:
        path = Path(row["file"])
        path = path if path.is_absolute() else args.labels.parent / path
        r = reviewer.review(extract_file(path, reviewer.settings))
        if r.proposal.error:
            failed.append((row["file"], r.proposal.error["code"]))
            continue
        outcomes.append(Outcome(row["file"], row["disclosure"], row["secrecy"], r.proposal.disclosure,
                                r.proposal.secrecy, r.proposal.confidence, row.get("marked"),
                                bool(row.get("hard_negative")), row.get("writer", "")))
    report = evaluate(outcomes)
    out = args.out or Path(reviewer.settings.data_dir) / "reports" / f"evaluate-{datetime.now():%Y%m%d-%H%M%S}"
    path = write_report(report, out, title=f"gongkai evaluation — model {reviewer.model.version}")
    print(json.dumps({**report.summary(), "failed": failed, "report": str(path)}, ensure_ascii=False, indent=2))
    return 0
