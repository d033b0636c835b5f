"""Retraining on reviewers' decisions as a Prefect flow over `gongkai.classify.retrain`.

Two schedules on one deployment: weekly (Monday 03:00 Asia/Shanghai) a retraining runs whatever the
number of new decisions (`force`), and every hour a check retrains once at least
`retraining.min_new_decisions` (rules/policy.yaml) reviewed documents are new — the library decides,
so the hourly run is a cheap count when there is nothing to do. The gate's comparison of candidate
and current model is a Markdown artifact (`gongkai-retrain-comparison`) in the Prefect UI."""
from __future__ import annotations

from flows.nightly import configure_prefect_env

configure_prefect_env()

from prefect import flow, get_run_logger, task  # noqa: E402  (after the environment is set)
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

COMPARISON_KEY = "gongkai-retrain-comparison"
WEEKLY_CRON = "0 3 * * 1"
CHECK_EVERY_SECONDS = 3600
TIMEZONE = "Asia/Shanghai"


@task(name="retrain-gated", cache_policy=NO_CACHE)
def retrain_task(force: bool, settings_overrides: dict | None, models_dir: str | None, corpus_dir: str | None) -> dict:
    from pathlib import Path

    from gongkai.classify.retrain import retrain
    from gongkai.settings import Settings
    from gongkai.store.db import open_store

    settings = Settings(settings_overrides or {})
    result = retrain(open_store(settings), force=force,
                     models_dir=Path(models_dir) if models_dir else None,
                     corpus_dir=Path(corpus_dir) if corpus_dir else None)
    return {**result.as_dict(), "markdown": result.markdown()}


@flow(name="gongkai-retrain")
def retrain_flow(force: bool = False, settings_overrides: dict | None = None, models_dir: str | None = None,
                 corpus_dir: str | None = None) -> dict:
    logger = get_run_logger()
    result = retrain_task(force, settings_overrides, models_dir, corpus_dir)
    if result["skipped"]:
        logger.info("nothing to retrain: %s", "; ".join(result["reasons"]))
    else:
        logger.info("candidate %s %s", result["candidate_version"], "promoted" if result["promoted"] else "refused")
    create_markdown_artifact(key=COMPARISON_KEY, markdown=result.pop("markdown"),
                             description="候选模型与当前模型对比 / candidate vs current model")
    return result


def deployment():
    """Picked up by flows/deployments.py (`gongkai schedule`)."""
    from prefect.schedules import Cron, Interval

    return retrain_flow.to_deployment(
        name="retrain",
        schedules=[Cron(WEEKLY_CRON, timezone=TIMEZONE, parameters={"force": True}),
                   Interval(CHECK_EVERY_SECONDS, timezone=TIMEZONE, parameters={"force": False})],
        description="每周及决定累积后再训练模型（闸门把关）/ gated retraining, weekly and on new decisions",
        tags=["gongkai"])


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(retrain_flow(force="--force" in sys.argv[1:]), ensure_ascii=False, default=str))
