"""The retraining flow on the Prefect test harness: the gate's comparison becomes an artifact; the
deployment runs weekly (forced) and hourly (only with enough new decisions)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.prefect


def test_retrain_flow_without_new_decisions_trains_nothing_and_says_why(prefect_harness, tmp_path: Path, monkeypatch):
    from prefect.client.orchestration import get_client

    from flows.retrain import COMPARISON_KEY, retrain_flow

    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("GONGKAI_DATABASE_URL", raising=False)
    models = tmp_path / "models"
    models.mkdir()
    result = retrain_flow(models_dir=str(models))
    assert result["skipped"] and not result["promoted"] and "new reviewed decisions" in result["reasons"][0]
    assert list(models.iterdir()) == []

    async def latest_artifact():
        async with get_client() as client:
            return await client.read_latest_artifacts()

    import asyncio

    artifacts = [a for a in asyncio.run(latest_artifact()) if a.key == COMPARISON_KEY]
    assert artifacts and "未训练" in artifacts[0].data


def test_retrain_deployment_is_weekly_forced_and_hourly_gated(tmp_path: Path):
    from flows.deployments import deployments

    retrain = next(d for d in deployments(str(tmp_path)) if d.name == "retrain")
    weekly, hourly = retrain.schedules
    assert (weekly.schedule.cron, weekly.schedule.timezone, weekly.parameters) == ("0 3 * * 1", "Asia/Shanghai", {"force": True})
    assert hourly.schedule.interval.total_seconds() == 3600 and hourly.parameters == {"force": False}
