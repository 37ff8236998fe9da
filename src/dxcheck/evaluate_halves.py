"""Evaluating a commune-scale run in two processes at once.

At 132,000 series evaluation takes most of a second on one core, and the second core is
idle by then (the file is read). So the targets are cut in two at about the middle of
their series: a forked process evaluates the second part (``split.Beside``) while this one
evaluates the first, and sends its results back as plain values, which are made into
results here again. The results are the very values one process makes (a test compares
them field by field, -0.0 and odd floats included); whatever stops the other process,
this one evaluates its part itself, and without ``fork`` everything is evaluated here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from dxcheck.report import Observation, Outlook, Result, Status, Trend

if TYPE_CHECKING:
    from dxcheck.catalog import Target

# Below this many series one process evaluates: forking and sending cost more than they save.
MIN_SERIES = 20_000
# The share of the series evaluated here: this process also makes the other part's
# results again from their values, which costs about a third of evaluating them.
HERE = 0.57
_BATCH = 4096  # results a batch sent back

_STATUSES = tuple(Status)
_STATUS_INDEX = {s: i for i, s in enumerate(_STATUSES)}
_OUTLOOKS = tuple(Outlook)
_OUTLOOK_INDEX = {o: i for i, o in enumerate(_OUTLOOKS)}

# A result as plain values (what crosses the pipe): the target's index in the part's
# targets, then Result's fields in order, the trend's inline; statuses and outlooks as
# their index, days as ordinals.
EncodedLatest = tuple[int, float, str, int, "str | None"]
Encoded = tuple[
    int, "str | None", int, bool, "EncodedLatest | None", "int | None", int, "float | None", "int | None",
    int, "str | None", "float | None", "float | None", "float | None", "float | None", "int | None",
]  # fmt: skip


def cut_targets(series_counts: Sequence[int], here: float = HERE) -> int:
    """How many of the targets (in order) make the first part: the fewest whose series
    reach ``here`` of all of them."""
    total = sum(series_counts)
    wanted = total * here
    running = 0
    for i, count in enumerate(series_counts):
        running += count
        if running >= wanted:
            return i + 1
    return len(series_counts)


def in_two(
    targets: Sequence[Target],
    series_counts: Sequence[int],
    evaluate_part: Callable[[Sequence[Target]], list[Result]],
) -> list[Result]:
    """``evaluate_part(targets)``, the second part evaluated beside this process when
    there are enough series."""
    import os

    if sum(series_counts) < MIN_SERIES or not hasattr(os, "fork") or len(targets) < 2:
        return evaluate_part(targets)
    from dxcheck.split import Beside

    cut = cut_targets(series_counts)
    first, second = targets[:cut], targets[cut:]
    if not second:
        return evaluate_part(targets)
    beside = Beside(lambda: _batches(encode(evaluate_part(second), second)))
    try:
        results = evaluate_part(first)
        sent = beside.result()
    finally:
        beside.cancel()
    if sent is None:  # the other process failed: its part is evaluated here
        results += evaluate_part(second)
        return results
    import pickle

    for batch in sent:
        results += decode(pickle.loads(batch), second)
    return results


def _batches(values: list[Encoded]) -> list[bytes]:
    """The values pickled a batch at a time: the process they are sent to holds the values
    of one batch at once, not of all 56,000 results (14 MiB at commune scale)."""
    import pickle

    return [
        pickle.dumps(values[start : start + _BATCH], protocol=pickle.HIGHEST_PROTOCOL)
        for start in range(0, len(values), _BATCH)
    ]


def encode(results: list[Result], targets: Sequence[Target]) -> list[Encoded]:
    """The results as plain values (``decode`` makes them again)."""
    index = {id(t): i for i, t in enumerate(targets)}
    out: list[Encoded] = []
    for r in results:
        latest = r.latest
        trend = r.trend
        out.append((
            index[id(r.target)], r.entity, _STATUS_INDEX[r.status], r.late,
            None if latest is None else (
                latest.date.toordinal(), latest.value, latest.file, latest.line, latest.source
            ),
            None if r.first_met is None else r.first_met.toordinal(),
            r.observations, r.progress, r.days_left,
            _OUTLOOK_INDEX[trend.outlook], trend.method, trend.projected, trend.ratio,
            trend.required_rate, trend.current_rate,
            None if trend.eta is None else trend.eta.toordinal(),
        ))  # fmt: skip
    return out


def decode(values: list[Encoded], targets: Sequence[Target]) -> list[Result]:
    """The results ``encode`` gave the values of, with these targets."""
    day = date.fromordinal
    statuses, outlooks = _STATUSES, _OUTLOOKS
    out: list[Result] = []
    add = out.append
    for (
        target, entity, status, late, latest, first_met, observations, progress, days_left,
        outlook, method, projected, ratio, required_rate, current_rate, eta,
    ) in values:  # fmt: skip
        seen = None
        if latest is not None:
            seen = Observation(day(latest[0]), latest[1], latest[2], latest[3], latest[4])
        trend = Trend(
            outlooks[outlook], method, projected, ratio, required_rate, current_rate,
            None if eta is None else day(eta),
        )  # fmt: skip
        result = Result(
            targets[target], entity, statuses[status], late, seen,
            None if first_met is None else day(first_met),
            observations, progress, days_left, trend,
        )  # fmt: skip
        add(result)
    return out
