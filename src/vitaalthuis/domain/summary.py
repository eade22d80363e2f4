"""``vitaalthuis summary``: one week's result per dimension and the comparisons the window shows, as plain
data (the JSON of ``--format json``; its schema is docs/summary.schema.json, described in
docs/exchange-format.md, "Summary")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from vitaalthuis.domain.benchmarks import PERCENT, BenchmarkSet
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.comparison import FigureLine
from vitaalthuis.domain.dashboard import DIMENSIONS, DimensionResult, dimension_result
from vitaalthuis.domain.weeks import IsoWeek

UNITS = {PERCENT: "%"}


def week_results(history: Sequence[CheckIn], week: IsoWeek,
                 benchmarks: BenchmarkSet | None) -> list[DimensionResult] | None:
    """The dashboard of ``week`` as the window would show it then; None when that week has no check-in."""
    current = next((c for c in history if c.week == week), None)
    if current is None:
        return None
    earlier = [c for c in history if c.week < week]
    return [dimension_result(d, current, earlier, benchmarks) for d in DIMENSIONS]


def figure_json(line: FigureLine) -> dict[str, Any]:
    figure = line.figure
    value = round(line.value, 1)
    return {
        "value": int(value) if value == int(value) else value,
        "unit": UNITS.get(figure.unit, figure.unit),
        "period": figure.period,
        "year": figure.year,
        "group": figure.group,
        "source": figure.cite,
        "comparability": figure.comparability.value,
        "derived": line.derived,
    }


def summary_json(week: IsoWeek, results: Sequence[DimensionResult], *, show_figures: bool) -> dict[str, Any]:
    dimensions = []
    for result in results:
        score = None if result.value is None else int(result.value)
        change = result.change.direction if result.change is not None else None
        figures = [figure_json(line) for line in result.lines] if show_figures else []
        dimensions.append({"id": result.dimension, "score": score, "category": result.category,
                           "change": change, "figures": figures})
    return {"week": str(week), "dimensions": dimensions}
