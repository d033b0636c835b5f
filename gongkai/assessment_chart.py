"""The assessment page's chart: per review stage, the on-time, changed and returned shares side by side, as a
PNG (matplotlib, Agg: no display). The font is the CJK family of rules/assessment.yaml, looked up by name in
matplotlib's font manager; without it Chinese would come out as empty boxes, so its absence is an error."""
from __future__ import annotations

import io
from functools import lru_cache

from gongkai.assessment import Assessment, AssessmentRules, load_assessment_rules
from gongkai.errors import GongkaiError

SERIES = (("按期率", "on_time_share", "#1e7e34"), ("改动率", "changed_share", "#1a56db"),
          ("退回率", "returned_share", "#b00020"))


@lru_cache(maxsize=4)
def cjk_font_path(family: str) -> str:
    from matplotlib import font_manager

    try:
        return font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    except ValueError:
        raise GongkaiError("config_invalid", f"图表字体 {family!r} 未安装（apt-get install fonts-wqy-microhei）/ "
                                             f"chart font {family!r} is not installed") from None


def chart_png(result: Assessment, rules: AssessmentRules | None = None) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    rules = rules or load_assessment_rules()
    font = font_manager.FontProperties(fname=cjk_font_path(rules.chart_font))
    names = [f.name for f in result.sections]
    figure = Figure(figsize=(8, 1.2 + 0.6 * max(len(names), 1)), dpi=100)
    axes = figure.add_subplot()
    height = 0.25
    for k, (label, attribute, colour) in enumerate(SERIES):
        values = [getattr(f, attribute) for f in result.sections]
        positions = [i + (k - 1) * height for i in range(len(names))]
        bars = axes.barh(positions, [100 * (v or 0) for v in values], height=height, color=colour, label=label)
        for bar, value in zip(bars, values):  # a missing share is written, not drawn as 0
            text = "—" if value is None else f"{value * 100:.0f}%"
            axes.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2, text, va="center", fontsize=8,
                      fontproperties=font)
    axes.axvline(100 * result.on_time_target, color="#555", linestyle="--", linewidth=0.8)
    axes.set_yticks(range(len(names)), names, fontproperties=font)
    axes.invert_yaxis()  # the chain's order, top to bottom
    axes.set_xlim(0, 110)
    axes.set_xlabel("%", fontproperties=font)
    axes.set_title(f"按审核环节 {result.start.isoformat()} 至 {result.end.isoformat()}"
                   f"（虚线：按期率目标 {result.on_time_target * 100:.0f}%）", fontproperties=font, fontsize=10)
    if names:
        axes.legend(prop=font, loc="lower right")
    else:
        axes.text(55, 0, "本期间没有审核记录", ha="center", va="center", fontproperties=font)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
