"""Status rules: from series to results. Pure: no files, no terminal.

For each target in force: one national result from the national rows (those with a blank
entity), and one result per entity with observations; take the latest observation on or
before the as-of date:

- ``pass``    it meets the target; ``late`` when first met after the due date;
- ``pending`` not met, and the as-of date is on or before the due date (or no deadline);
- ``fail``    not met, past the due date, and there is numeric data that misses it;
- ``overdue`` past the due date with no observation, or a milestone not done.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from datetime import date
from types import ModuleType
from typing import Any, Protocol

from dxcheck.catalog import Catalog, Direction, Projection, Target, TargetType
from dxcheck.native import series_rules
from dxcheck.progress.summary import SeriesSummary
from dxcheck.report import Observation, Result, Status, Superseded
from dxcheck.trend import target_rules


class SeriesSource(Protocol):
    """What evaluation reads: the series of a target, as values (a ``ProgressIndex``)."""

    def series(
        self, target_id: str, order: Callable[[list[str | None]], list[int]] | None = None
    ) -> Iterable[SeriesSummary]:
        """A target's series; ``order``, given their entity names (None: the nation) as
        the source has them, gives the positions in that list to give them in."""
        ...


def status_of(target: Target, latest: Observation | None, as_of: date, *, met: bool | None = None) -> Status:
    due = target.due
    before_due = due is None or as_of <= due
    if met is None:
        met = latest is not None and target.is_met(latest.value)
    if latest is not None and met:
        return Status.PASS
    if before_due:
        return Status.PENDING
    if latest is None or target.type is TargetType.MILESTONE:
        return Status.OVERDUE
    return Status.FAIL


def progress_of(target: Target, value: float | None, *, national: bool = True) -> float | None:
    """Share of the way from the baseline (or zero) to the target; 1.0 when met.

    The catalog's baseline is national: an entity's progress is counted from zero."""
    if value is None:
        return None
    if target.type is TargetType.MILESTONE:
        return value
    level = target.level
    if target.baseline is not None and national:
        base = target.baseline.value
        if base == level:
            return 1.0 if target.is_met(value) else 0.0
        return (value - base) / (level - base)
    if target.direction is Direction.AT_LEAST:
        return value / level if level > 0 else (1.0 if target.is_met(value) else None)
    return 1.0 if target.is_met(value) else None


def in_force(catalog: Catalog, as_of: date) -> tuple[list[Target], list[Superseded]]:
    """The targets to evaluate at ``as_of``: of each supersedes chain, the newest version
    already stated on that date (or the oldest, if none was yet)."""
    successor: dict[str, Target] = {}
    for target in catalog.targets:
        if target.supersedes is not None:
            successor[target.supersedes] = target
    active: list[Target] = []
    superseded: list[Superseded] = []
    for target in catalog.targets:
        newer = successor.get(target.id)
        chosen_newer: Target | None = None
        while newer is not None:
            if newer.source is None or newer.source.date <= as_of:
                chosen_newer = newer
            newer = successor.get(newer.id)
        stated = target.supersedes is None or target.source is None or target.source.date <= as_of
        if chosen_newer is not None:
            since = chosen_newer.source.date if chosen_newer.source else as_of
            superseded.append(Superseded(target, chosen_newer.id, since))
        elif stated:
            active.append(target)
    return active, superseded


def evaluate(catalog: Catalog, index: SeriesSource, as_of: date) -> tuple[list[Result], list[Superseded]]:
    targets, superseded = in_force(catalog, as_of)
    # Evaluation makes several objects per series and no cycles; with the collector on,
    # its full collections walk every series and result again and again (a third of the
    # evaluation at 100,000s of series).
    collecting = gc.isenabled()
    gc.disable()
    order = _EntityOrder()  # one for all targets: they share their entities' names
    kernel = series_rules()  # the series rules as built (compiled, when they could be)
    try:
        results: list[Result] = []
        for target in targets:
            results.extend(evaluate_target(target, index, as_of, order, kernel))
    finally:
        if collecting:
            gc.enable()
    return results, superseded


def evaluate_target(
    target: Target,
    index: SeriesSource,
    as_of: date,
    order: _EntityOrder | None = None,
    kernel: ModuleType | None = None,
) -> list[Result]:
    """The national result, from national rows only, then one result per entity with
    observations. A province's rows never stand in for the nation: with no national row
    the national result has no data (``overdue`` once past due)."""
    rules = rules_of(target, as_of, kernel)
    # Each series read as it is made, and let go: no list of a target's series is kept.
    results: list[Result] = rules.results(index.series(target.id, (order or _EntityOrder()).positions))
    if not results or results[0].entity is not None:
        results.insert(0, rules.result(None))
    return results


def rules_of(target: Target, as_of: date, kernel: ModuleType | None = None) -> Any:
    """The status rules, progress and outlook of ``target`` at ``as_of``, worked out once
    for all its series (``dxcheck.rules.TargetRules``): its ``result(series)`` is
    ``status_of``, ``progress_of`` and ``trend.outlook`` on one series (a test keeps them
    equal, compiled and not)."""

    def progress(value: float, national: bool) -> float | None:
        return progress_of(target, value, national=national)

    return target_rules(
        target,
        level=target.level,
        at_most=target.direction is Direction.AT_MOST,
        due=target.due,
        as_of=as_of,
        compound=target.projection is Projection.COMPOUND,
        milestone=target.type is TargetType.MILESTONE,
        yearly=target.projection is Projection.OPEN_SDG,
        baseline=target.baseline.value if target.baseline is not None else None,
        progress=progress,
        kernel=kernel,
    )


class _EntityOrder:
    """The order results are listed in: the nation first, then the entities by their
    case-folded names (names that fold alike keep the order they were read in)."""

    def __init__(self) -> None:
        # Each name's place among the case-folded names met so far (names that fold alike
        # share one): at 3,300 entities a target, sorting by a small int instead of by a
        # string is most of the sort's cost, and the targets share their entities.
        self._rank: dict[str, int] = {}

    def positions(self, names: list[str | None]) -> list[int]:
        """The order to list a target's series in, given their entities' names as read
        (None: the nation): the positions in ``names``."""
        rank = self._rank
        if any(name not in rank for name in names if name is not None):
            rank = self._place({name for name in names if name is not None})
        # the nation first, then the places; a stable sort: ties keep their order
        places = [-1 if name is None else rank[name] for name in names]
        return sorted(range(len(names)), key=places.__getitem__)

    def _place(self, names: set[str]) -> dict[str, int]:
        names.update(self._rank)
        folded = {name: name.casefold() for name in names}
        place = {text: i for i, text in enumerate(sorted(set(folded.values())))}
        self._rank = {name: place[text] for name, text in folded.items()}
        return self._rank


def count_by_status(results: Iterable[Result]) -> dict[Status, int]:
    out = dict.fromkeys(Status, 0)
    for r in results:
        out[r.status] += 1
    return out
