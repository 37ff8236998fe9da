"""A target's series as values: the columns a later half of a file sends back
(``state_columns``), checked for clashes and merged into the whole's series
(``clash_free``, ``merge_all``), and what evaluation reads of each (``entity_names``,
``summaries``, ``fit_sums``).

Compiled with mypyc beside the series state and the row loop (``dxcheck.series``,
``dxcheck.rowscan``, which re-exports these) and run as plain Python otherwise, like them:
so it imports only the standard library and the series state, whose fields it reads and
sets as plain numbers. ``dxcheck.native`` uses the builds only together.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, Final

from dxcheck.series import DAY0, NEVER, SHIFT, Series, SeriesKind, remap_bits

# Empty here; the compiled copy says which source it was built from (hatch_build.py),
# so that an edited source is never shadowed by a stale build (dxcheck.native).
COMPILED_FROM: Final = ""


def clash_free(
    kind: SeriesKind,
    keys: list[str],
    seen: Sequence[Any],
    code_map: dict[int, int],
    remapped: dict[int, int],
    bits: list[int],
) -> bool:
    """Whether no series of a later half of a file (its ``keys`` and the ``seen`` column
    of its ``state_columns``) has a date its series here has too: then it can be merged
    (``merge_all``). Appends each one's dates, renumbered, to ``bits`` (``remapped``:
    the renumbered bitsets so far)."""
    series = kind.series
    for i in range(len(keys)):
        mask: int = seen[i]
        renumbered = remapped.get(mask)
        if renumbered is None:
            renumbered = remapped[mask] = remap_bits(mask, code_map)
        bits.append(renumbered)
        existing = series.get(keys[i])
        if existing is not None and existing.seen & renumbered:
            return False
    return True


def merge_all(
    kind: SeriesKind,
    keys: list[str],
    columns: list[Sequence[Any]],
    bits: list[int],
    code_map: dict[int, int],
    offset: int,
) -> None:
    """Add every series of a later half of a file to the same series here (made if new):
    ``Series.merge``, ``bits`` from ``clash_free``."""
    series = kind.series
    # As lists, which the merge indexes directly: an array's item is made by a call
    # through the sequence protocol each time (26 a series). One target's at a time, so
    # the half's columns stay compact arrays until then.
    listed = [_listed(column) for column in columns]
    for i in range(len(keys)):
        entity = keys[i]
        state = series.get(entity)
        if state is None:
            state = kind.new(entity)
        state.merge(listed, i, bits[i], code_map, offset)


def _listed(column: Sequence[Any]) -> list[Any]:
    if isinstance(column, list):
        return column
    if isinstance(column, array):
        return column.tolist()
    return list(column)


def entity_names(states: list[Series], names: dict[str, str]) -> list[str | None]:
    """The name results give each series' entity (None: the nation), in order; ``names``
    maps an entity key to it (as ``progress.entities.Entities.name_of`` says it, without
    a Python call a series)."""
    return [names.get(state.name, state.name) or None for state in states]


def summaries(
    states: list[Series],
    files: list[str],
    shown: list[str | None],
    observation: Any,
    fit_type: Any,
    summary_type: Any,
    days: dict[int, date],
) -> Iterator[Any]:
    """What evaluation reads of each series, as ``progress.summary.SeriesSummary`` values
    (``summary_type``, with a ``trend.FitSums``, ``fit_type``, and the latest row as an
    ``observation``): made here, where a series' fields are read as plain numbers, not
    looked up one by one, and one at a time, as they are asked for, so that evaluation
    reads each while it is fresh in the CPU's caches and lets it go before the next is
    made (made all at once, the 3,300 of a target at commune scale were built, walked
    again and freed: a quarter of evaluating). ``shown``: ``entity_names(states)``; ``days``:
    the dates made so far, by ordinal (a few hundred dates for 100,000s of series: one
    object each, not one per series)."""
    new = tuple.__new__  # a NamedTuple's own constructor is a Python function
    for i in range(len(states)):
        state = states[i]
        latest: Any = None
        if state.latest >= 0:
            latest = new(
                observation,
                (
                    day_of(days, state.latest >> SHIFT),
                    state.value,
                    files[state.file],
                    state.line,
                    state.source or None,
                ),
            )
        first_met: Any = None if state.first_met == NEVER else day_of(days, state.first_met >> SHIFT)
        earliest: Any = None
        if state.earliest != NEVER:
            earliest = (day_of(days, state.earliest >> SHIFT), state.earliest_value)
        first_year: Any = None
        if state.yearly and state.n:
            first_year = (day_of(days, DAY0 + state.year_t), state.year_y)
        fit = fit_sums(state, fit_type)
        yield new(
            summary_type,
            (
                shown[i],
                latest,
                first_met,
                state.count,
                earliest,
                fit,
                first_year,
            ),
        )


def day_of(days: dict[int, date], ordinal: int) -> date:
    """The date of an ordinal, made once (``days``: those made so far)."""
    known = days.get(ordinal)
    if known is None:
        known = days[ordinal] = date.fromordinal(ordinal)
    return known


def fit_sums(state: Series, fit_type: Any) -> Any:
    """The running sums of a series' trend fit, as a ``trend.FitSums`` (``fit_type``)."""
    return tuple.__new__(
        fit_type,
        (state.n, state.st, state.sy, state.stt, state.sty, state.sly, state.stly, state.nonpositive, state.ylo, state.yhi),
    )  # fmt: skip


def state_columns(states: list[Series], full: bool) -> list[Sequence[Any]]:
    """The state of a half's series, a column per field (the order ``Series.merge`` reads
    them in): plain values to send back to the whole; only the count and the dates seen
    without ``full`` (``validate``). Numbers go in typed arrays (``_packed``)."""
    out: list[Sequence[Any]] = [_packed("q", [s.count for s in states]), [s.seen for s in states]]
    if not full:
        return out
    out += [
        [s.reported_late for s in states],
        [s.reported_after for s in states],
        _packed("q", [s.latest for s in states]),
        _packed("d", [s.value for s in states]),
        _packed("q", [s.file for s in states]),
        _packed("q", [s.line for s in states]),
        [s.source for s in states],
        _packed("q", [s.earliest for s in states]),
        _packed("d", [s.earliest_value for s in states]),
        _packed("q", [s.first_met for s in states]),
        _packed("q", [s.n for s in states]),
        _packed("q", [s.st for s in states]),
        _packed("d", [s.sy for s in states]),
        _packed("q", [s.stt for s in states]),
        _packed("d", [s.sty for s in states]),
        _packed("d", [s.sly for s in states]),
        _packed("d", [s.stly for s in states]),
        _packed("q", [s.nonpositive for s in states]),
        _packed("d", [s.ylo for s in states]),
        _packed("d", [s.yhi for s in states]),
        _packed("q", [s.year_start for s in states]),
        _packed("q", [s.year_end for s in states]),
        _packed("q", [s.year_t for s in states]),
        _packed("d", [s.year_y for s in states]),
    ]
    return out


def _packed(typecode: str, column: list[Any]) -> Sequence[Any]:
    """A column of numbers as an ``array`` (8 bytes a value, not a Python object each):
    at 133,400 series the second half's columns arrive while the whole index is held,
    and were the peak of the run. Exact: an array keeps a float's bits; an integer beyond
    64 bits (the day-squared sum of an absurdly long series) keeps the column a list."""
    try:
        return array(typecode, column)
    except OverflowError:
        return column
