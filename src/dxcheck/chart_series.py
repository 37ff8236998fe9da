"""Which series the HTML report draws for each target, and their points.

A target's chart shows its national series and at most ``limit`` entities: those furthest
from the target (the shortfall of their latest value, as a share of the target level;
ties by name). At commune scale (3,300 entities a target) a chart with every entity would
be unreadable and the file huge; the worst few are the ones a reader must act on, and the
scoreboards count every entity.

The points come from a second pass over the inputs (``ProgressIndex.chart_points``): the
first pass keeps running sums only, and which entities are the worst is known only once
every row is in. The trend drawn is the engine's own fit (the index's running sums), so a
chart and the outlook beside it cannot disagree.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

from dxcheck.catalog import Direction
from dxcheck.progress import ProgressIndex
from dxcheck.report import ChartSeries, Result

# Entities drawn beside the national series: the colour-blind-safe palette (Okabe-Ito)
# has eight colours; black is the nation's and yellow is too light on white.
CHART_ENTITIES = 6


def shortfall(result: Result) -> float:
    """How far the latest value is from the target level, as a share of the level (0 or
    less: met). A milestone not done is 1."""
    assert result.latest is not None
    target = result.target
    level = target.level
    gap = (
        result.latest.value - level if target.direction is Direction.AT_MOST else level - result.latest.value
    )
    return gap / (abs(level) or 1.0)


def chosen(results: Iterable[Result], limit: int) -> dict[str, list[str | None]]:
    """Per target id, in the results' order: None (national) when the national result is
    among the results, then at most ``limit`` entities with data, the worst first."""
    national: dict[str, bool] = {}
    candidates: dict[str, list[Result]] = {}
    for result in results:
        tid = result.target.id
        national.setdefault(tid, False)
        if result.entity is None:
            national[tid] = True
        elif result.latest is not None:
            candidates.setdefault(tid, []).append(result)
    plan: dict[str, list[str | None]] = {}
    for tid, has_national in national.items():
        worst = heapq.nsmallest(
            limit,
            candidates.get(tid, ()),
            key=lambda r: (-shortfall(r), (r.entity or "").casefold(), r.entity or ""),
        )
        names: list[str | None] = [None] if has_national else []
        plan[tid] = names + [r.entity for r in worst]
    return plan


def collect(
    index: ProgressIndex, results: Sequence[Result], limit: int = CHART_ENTITIES
) -> dict[str, tuple[ChartSeries, ...]]:
    """The series each target's chart draws, with their points and trend sums."""
    plan = chosen(results, limit)
    points = index.chart_points(plan)
    return {
        tid: tuple(ChartSeries(name, points.get((tid, name), ()), index.fit_of(tid, name)) for name in names)
        for tid, names in plan.items()
    }
