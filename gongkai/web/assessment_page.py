"""/admin/assessment: the 内部考核 figures of a period (gongkai.assessment) for the administrator — tables per
review stage, per reviewer and per request assignee, a chart, and the 定期报送 files (CSV, XLSX).

Administrators only; any other role gets the refusal the other administrator pages give. The period comes
from the query string (?from=2026-11-01&to=2026-11-30, both included); without one, this month so far."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from gongkai.errors import GongkaiError

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def today(zone: str) -> date:
    return datetime.now(ZoneInfo(zone)).date()


def quick_periods(day: date) -> list[tuple[str, date, date]]:
    """Periods one click (or one Tab and Enter) away: this month, last month, this quarter, this year."""
    month_start = day.replace(day=1)
    last_end = month_start - timedelta(days=1)
    quarter_start = day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)
    return [("本月", month_start, day), ("上月", last_end.replace(day=1), last_end),
            ("本季度", quarter_start, day), ("本年", day.replace(month=1, day=1), day)]


def mount(app: FastAPI, desk) -> None:
    """Add the routes. `desk` carries what gongkai.web.app builds once: the store and the page helpers
    (current, page, error, login_redirect)."""
    from gongkai.assessment import assess, load_assessment_rules

    def _admin(request: Request):
        who = desk.current(request)
        if who is None:
            return None, desk.login_redirect()
        if who[0].role != "admin":
            return who, desk.error(request, who, 403, "仅管理员可查看")
        return who, None

    def _period(request: Request, who):
        """(start, end, None) or (None, None, the error page) for a malformed or reversed period."""
        rules = load_assessment_rules()
        now = today(rules.timezone)
        given_from, given_to = request.query_params.get("from"), request.query_params.get("to")
        try:
            start = date.fromisoformat(given_from) if given_from else now.replace(day=1)
            end = date.fromisoformat(given_to) if given_to else now
        except ValueError:
            return None, None, desk.error(request, who, 422, "日期格式应为 2026-11-30")
        if end < start:
            return None, None, desk.error(request, who, 422, f"结束日期 {end} 早于开始日期 {start}")
        return start, end, None

    def _figures(request: Request):
        who, refused = _admin(request)
        if refused:
            return who, None, refused
        start, end, bad = _period(request, who)
        if bad:
            return who, None, bad
        try:
            with desk.store.session() as s:
                return who, assess(s, start, end), None
        except GongkaiError as exc:
            return who, None, desk.error(request, who, 400, exc.kind.zh + (f"：{exc.detail}" if exc.detail else ""))

    @app.get("/admin/assessment", response_class=HTMLResponse)
    def assessment_page(request: Request):
        from gongkai.assessment_export import percent

        who, result, refused = _figures(request)
        if refused:
            return refused
        query = f"from={result.start.isoformat()}&to={result.end.isoformat()}"
        rules = load_assessment_rules()
        return desk.page(request, "admin_assessment.html", {
            "result": result, "query": query, "percent": percent,
            "quick": quick_periods(today(rules.timezone))}, who=who)

    @app.get("/admin/assessment/chart.png")
    def assessment_chart(request: Request):
        from gongkai.assessment_chart import chart_png

        _who, result, refused = _figures(request)
        if refused:
            return refused
        return Response(chart_png(result), media_type="image/png")

    def _download(request: Request, kind: str):
        from gongkai.assessment_export import csv_bytes, xlsx_bytes

        _who, result, refused = _figures(request)
        if refused:
            return refused
        name = f"assessment-{result.start.isoformat()}-{result.end.isoformat()}.{kind}"
        if kind == "csv":
            data, media = csv_bytes(result), "text/csv; charset=utf-8"
        else:
            data, media = xlsx_bytes(result), XLSX_TYPE
        return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/admin/assessment/export.csv")
    def assessment_csv(request: Request):
        return _download(request, "csv")

    @app.get("/admin/assessment/export.xlsx")
    def assessment_xlsx(request: Request):
        return _download(request, "xlsx")
