"""The per-row loop over a progress CSV: the one place every row passes.

This module is compiled with mypyc when dxcheck is installed on a machine with a C
compiler (see ``hatch_build.py``) and runs as plain Python otherwise; both behave the
same, and the test suite runs both. So it imports only the standard library and keeps
to what mypyc compiles well: typed attributes on a native class, ints and floats.

A line without a double quote is split on the delimiter directly, which is exactly what
the ``csv`` module makes of it and about twice as fast; a line with a quote (or too long
to trust) is handed to a ``csv.reader`` that reads on from the same lines, so quoted
cells may still span lines. Anything unusual in a row goes back to ``RowChecks``, which
repairs the cell or records a located finding: the loop itself never reports.
"""

from __future__ import annotations

import csv
import sys
from array import array
from collections.abc import Callable, Hashable, Iterator, Sequence
from datetime import date
from math import log
from typing import Any, Final, Protocol

# Empty here; the compiled copy says which source it was built from (hatch_build.py),
# so that an edited source is never shadowed by a stale build (dxcheck.native).
COMPILED_FROM: Final = ""

# A date is carried as one int: its ordinal in the high bits, a small per-run index in the
# low 16 (its bit in a series' seen-dates mask). Comparing codes compares dates.
SHIFT: Final = 16
LOW: Final = (1 << SHIFT) - 1
NEVER: Final = 1 << 60  # later than any date code; below mypyc's boxed-int threshold
ALWAYS: Final = -(1 << 30)
# A cell longer than this goes to the csv module, which enforces the field-size limit.
FAST_LINE_LIMIT: Final = 4096
# t counts days from 2000-01-01, whose ordinal this is (as in dxcheck.trend and dxcheck.progress).
DAY0: Final = 730120
_PROGRESS_EVERY: Final = 0x3FFF  # rows between progress callbacks, minus one


class Series:
    """One target x entity pair: its latest and earliest observation, the date it was
    first met, running sums for the trend fit, and a bitset of the dates it has seen; for
    ``projection: open-sdg``, the last point of the fit's first calendar year (sdg-build's
    base value). Memory per pair is constant, whatever the number of rows."""

    def __init__(
        self,
        name: str,
        owner: object,
        numeric: bool,
        low: float,
        high: float,
        sign: float,
        compound: bool,
        level: float,
    ) -> None:
        self.name = name  # the entity key ("" for the nation)
        self.owner = owner  # what the caller keeps per target
        # checks: a numeric value must lie within [low, high]; met when value * sign >= level
        self.numeric = numeric
        self.low = low
        self.high = high
        self.sign = sign
        self.signed_level = sign * level
        self.compound = compound
        self.count = 0
        self.seen = 0  # bitset of date indices
        # of those, the rows whose ``reported`` cell is after their period's due date, and
        # after the as-of date (dxcheck coverage; zero without that column)
        self.reported_late = 0
        self.reported_after = 0
        self.latest = -1
        self.value = 0.0
        self.file = 0
        self.line = 0
        self.source = ""
        self.earliest = NEVER
        self.earliest_value = 0.0
        self.first_met = NEVER
        # trend sums over t (days since 2000) and y; ly = ln y for compound projections.
        # The day sums are integers, so exact in any order; the lowest and highest y let
        # a series that never changes have a slope of exactly zero (trend.FitSums).
        self.base_t = ALWAYS
        self.n = 0
        self.st = 0
        self.sy = 0.0
        self.stt = 0
        self.sty = 0.0
        self.sly = 0.0
        self.stly = 0.0
        self.nonpositive = 0
        self.ylo = 0.0
        self.yhi = 0.0
        # ``projection: open-sdg`` (set by the caller): the first calendar year of the fit's
        # points (its first and last day, as t) and the latest point in it, whatever order
        # the rows come in. ``shaped`` says the fit keeps more than the linear sums, so that
        # a linear series pays one test a point, as before.
        self.shaped = compound
        self.yearly = False
        self.year_start = NEVER
        self.year_end = ALWAYS
        self.year_t = ALWAYS
        self.year_y = 0.0

    def add_point(self, t: int, y: float) -> None:
        """One point of the trend fit (rows and the catalog baseline)."""
        if self.n == 0:
            self.ylo = y
            self.yhi = y
        elif y < self.ylo:
            self.ylo = y
        elif y > self.yhi:
            self.yhi = y
        self.n += 1
        self.st += t
        self.sy += y
        self.stt += t * t
        self.sty += t * y
        if self.shaped:
            if self.yearly:
                if t < self.year_start:
                    self.first_year(t, y)
                elif self.year_t < t <= self.year_end:
                    self.year_t = t
                    self.year_y = y
            elif y > 0:
                ly = log(y)
                self.sly += ly
                self.stly += t * ly
            else:
                self.nonpositive += 1

    def first_year(self, t: int, y: float) -> None:
        """A point in a year before every point so far: that year is now the first, and the
        point the latest in it (rare: once per series when rows come in date order, at most
        once per year of data in any order)."""
        year = date.fromordinal(DAY0 + t).year
        self.year_start = date(year, 1, 1).toordinal() - DAY0
        self.year_end = date(year, 12, 31).toordinal() - DAY0
        self.year_t = t
        self.year_y = y

    def merge(
        self, columns: list[Sequence[Any]], i: int, bits: int, code_map: dict[int, int], offset: int
    ) -> None:
        """Add the same series as read in a later half of the file: entry ``i`` of that
        half's ``state_columns``, its dates renumbered by ``code_map`` (``bits``: its
        bitset of dates seen, renumbered already), its lines shifted by ``offset``."""
        self.seen |= bits
        count: int = columns[0][i]
        self.count += count
        if len(columns) == 2:  # from ``validate``: the count and the dates seen
            return
        late: int = columns[2][i]
        after: int = columns[3][i]
        if late:
            self.reported_late |= remap_bits(late, code_map)
        if after:
            self.reported_after |= remap_bits(after, code_map)
        latest: int = columns[4][i]
        if latest >= 0:
            code = recode(latest, code_map)
            if code > self.latest:
                self.latest = code
                value: float = columns[5][i]
                file: int = columns[6][i]
                line: int = columns[7][i]
                source: str = columns[8][i]
                self.value = value
                self.file = file
                self.line = line + offset
                self.source = source
        earliest: int = columns[9][i]
        if earliest != NEVER:
            code = recode(earliest, code_map)
            if code < self.earliest:
                self.earliest = code
                earliest_value: float = columns[10][i]
                self.earliest_value = earliest_value
        first_met: int = columns[11][i]
        if first_met != NEVER:
            code = recode(first_met, code_map)
            if code < self.first_met:  # min(), as it picks between equals
                self.first_met = code
        n: int = columns[12][i]
        st: int = columns[13][i]
        sy: float = columns[14][i]
        stt: int = columns[15][i]
        sty: float = columns[16][i]
        sly: float = columns[17][i]
        stly: float = columns[18][i]
        nonpositive: int = columns[19][i]
        ylo: float = columns[20][i]
        yhi: float = columns[21][i]
        year_start: int = columns[22][i]
        year_end: int = columns[23][i]
        year_t: int = columns[24][i]
        year_y: float = columns[25][i]
        if year_start < self.year_start or (year_start == self.year_start and year_t > self.year_t):
            # the half's first year is earlier, or the same with a later point in it
            self.year_start = year_start
            self.year_end = year_end
            self.year_t = year_t
            self.year_y = year_y
        if n:
            if self.n == 0:
                self.ylo = ylo
                self.yhi = yhi
            else:
                # min() and max(), as they pick between equals (0.0 and -0.0)
                if ylo < self.ylo:
                    self.ylo = ylo
                if yhi > self.yhi:
                    self.yhi = yhi
        self.n += n
        self.st += st
        self.sy += sy
        self.stt += stt
        self.sty += sty
        self.sly += sly
        self.stly += stly
        self.nonpositive += nonpositive


class SeriesKind:
    """What the series of one target share: the settings a new one starts from, and the
    target's series by entity (its ``Slot.series``). ``new`` is the one place a series is
    made, by the row loop on a new key and by ``progress.store`` otherwise."""

    def __init__(
        self,
        owner: object,
        series: dict[str, Series],
        units_ok: set[str],
        *,
        numeric: bool,
        percent: bool,
        at_most: bool,
        compound: bool,
        yearly: bool,
        level: float,
        base_t: int,
        base_value: float | None,
    ) -> None:
        self.owner = owner  # the caller's per-target object (a Slot)
        self.series = series
        self.units_ok = units_ok  # unit cells already accepted for the target
        self.numeric = numeric
        self.low = 0.0 if percent else -sys.float_info.max
        self.high = 100.0 if percent else sys.float_info.max
        self.sign = -1.0 if at_most else 1.0
        self.compound = compound
        self.yearly = yearly
        self.level = level
        self.base_t = base_t
        self.has_base = base_value is not None
        self.base_value = base_value if base_value is not None else 0.0
        # False in a half of a file: its series are added to the whole's, which has the
        # catalog baseline's point already
        self.adds_base = True

    def new(self, entity: str) -> Series:
        state = Series(
            entity, self.owner, self.numeric, self.low, self.high, self.sign, self.compound, self.level
        )
        if self.yearly:
            state.yearly = True
            state.shaped = True
        if self.has_base and not entity:
            # The catalog's baseline is the national one: the first point of the national
            # trend (SDG method), which then counts only observations from its date on.
            # An entity's trend starts from its own first observation.
            state.base_t = self.base_t
            if self.adds_base:
                state.add_point(self.base_t, self.base_value)
        self.series[entity] = state
        return state


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
    for i in range(len(keys)):
        entity = keys[i]
        state = series.get(entity)
        if state is None:
            state = kind.new(entity)
        state.merge(columns, i, bits[i], code_map, offset)


def summaries(
    states: list[Series],
    files: list[str],
    name_of: Callable[[str], str | None],
    observation: Any,
    fit_type: Any,
    summary_type: Any,
    days: dict[int, date],
) -> list[Any]:
    """What evaluation reads of each series, as ``progress.summary.SeriesSummary`` values
    (``summary_type``, with a ``trend.FitSums``, ``fit_type``, and the latest row as an
    ``observation``): made here, where a series' fields are read as plain numbers, not
    looked up one by one. ``days``: the dates made so far, by ordinal (a few hundred
    dates for 100,000s of series: one object each, not one per series)."""
    out: list[Any] = []
    new = tuple.__new__  # a NamedTuple's own constructor is a Python function
    for state in states:
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
        out.append(
            new(
                summary_type, (name_of(state.name), latest, first_met, state.count, earliest, fit, first_year)
            )
        )
    return out


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


def remap_bits(mask: int, code_map: dict[int, int]) -> int:
    """A bitset of date indices of a half, renumbered to the whole's (``code_map``)."""
    out = 0
    while mask:
        low = mask & -mask
        out |= 1 << code_map[low.bit_length() - 1]
        mask ^= low
    return out


def recode(code: int, code_map: dict[int, int]) -> int:
    """A date code of a half, with the whole's index of that date."""
    return (code & ~LOW) | code_map[code & LOW]


class RowChecks(Protocol):
    """The slow paths: each repairs the cell and returns the value, or records a located
    finding and returns None (or False)."""

    def fix_width(self, row: list[str], line: int) -> bool: ...

    def series_for(self, key: Hashable, row: list[str], line: int) -> Series | None: ...

    def day(self, text: str, row: list[str], line: int) -> tuple[int, int, int] | None: ...

    def value(self, text: str, series: Series, row: list[str], line: int) -> float | None: ...

    def duplicate(self, series: Series, code: int) -> None: ...

    def at_baseline(self, series: Series, value: float, row: list[str], line: int) -> None: ...

    def record(self, series: Series, code: int, value: float, row: list[str], line: int) -> None: ...

    def reported(self, series: Series, code: int, bit: int, text: str, row: list[str], line: int) -> None:
        """A non-empty ``reported`` cell: check it, and mark the row late (or sent after
        the as-of date) in the series' bits."""
        ...

    def malformed(self, line: int, reason: str) -> bool:
        """Record a row the csv module refused; True to read on from the line after the
        row's first line, False to stop (the row goes on past the end of a half)."""
        ...

    def binary(self, line: int, column: int) -> None: ...


class _Lines:
    """The file's lines for the csv module, with the line the loop has just read pushed
    back in front; the lines it takes for one row are kept, to show the row's text and to
    read them again as rows after a malformed one."""

    def __init__(self, source: Iterator[str]) -> None:
        self.source = source
        self.pushed: str | None = None
        self.taken: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        pushed = self.pushed
        if pushed is not None:
            self.pushed = None
            self.taken.append(pushed)
            return pushed
        line = next(self.source)
        self.taken.append(line)
        return line


def split_quoted(text: str, delimiter: str) -> list[str] | None:
    """The cells of one line with double-quoted cells, as the csv module reads them
    (excel dialect, strict); None when the line is not that simple (a quoted cell left
    open, to go on on the next line, or anything the csv module would refuse)."""
    end = len(text)
    if text.endswith("\n"):
        end -= 2 if text.endswith("\r\n") else 1
    elif text.endswith("\r"):
        end -= 1
    cells: list[str] = []
    pos = 0
    while True:
        if pos < end and text[pos] == '"':
            # A quoted cell: up to the next quote that is not doubled.
            start = pos + 1
            close = text.find('"', start, end)
            while 0 <= close < end - 1 and text[close + 1] == '"':
                close = text.find('"', close + 2, end)
            if close < 0:
                return None
            cell = text[start:close]
            cells.append(cell.replace('""', '"') if '""' in cell else cell)
            after = close + 1
            if after == end:
                return cells
            if text[after] != delimiter:
                return None
            pos = after + 1
        else:
            stop = text.find(delimiter, pos, end)
            if stop < 0:
                stop = end
            cell = text[pos:stop]
            if '"' in cell:
                return None
            cells.append(cell)
            if stop == end:
                return cells
            pos = stop + 1


class _Replay:
    """Lines to read again, then the rest of the file."""

    def __init__(self, again: list[str], rest: Iterator[str]) -> None:
        self.again = again
        self.position = 0
        self.rest = rest

    def __iter__(self) -> _Replay:
        return self

    def __next__(self) -> str:
        position = self.position
        if position < len(self.again):
            self.position = position + 1
            return self.again[position]
        return next(self.rest)


class RowScanner:
    """The columns of one file and the caches shared by every file of a run."""

    def __init__(
        self,
        *,
        width: int,
        delimiter: str,
        key_of: Callable[[list[str]], Hashable],
        i_date: int,
        i_value: int,
        i_source: int,
        keys: dict[Hashable, Series],
        dates: dict[str, tuple[int, int, int]],
        milestones: dict[str, float],
        checking_only: bool,
        recording: bool,
        dot_is_decimal: bool = True,
        i_reported: int = -1,
        targets: dict[str, Any] | None = None,
        spellings: dict[str, str] | None = None,
        i_target: int = -1,
        i_entity: int = -1,
        i_unit: int = -1,
        strip_last: bool = True,
    ) -> None:
        self.width = width
        self.delimiter = delimiter
        self.key_of = key_of
        self.i_date = i_date
        self.i_value = i_value
        self.i_source = i_source
        self.i_reported = i_reported  # the optional ``reported`` column; -1 without one
        self.keys = keys
        self.dates = dates
        self.milestones = milestones
        self.checking_only = checking_only
        self.recording = recording
        # False under --decimal comma: a dot groups thousands, so no cell with a dot is
        # read by float()
        self.dot_is_decimal = dot_is_decimal
        # A new key whose target, entity and unit cells are known spellings is added here
        # (``known_series``); any other goes to ``RowChecks.series_for``, which checks it.
        self.targets: dict[str, Any] = targets if targets is not None else {}  # cell -> Slot
        self.spellings: dict[str, str] = spellings if spellings is not None else {}  # cell -> entity
        self.i_target = i_target
        self.i_entity = i_entity
        self.i_unit = i_unit
        # False when the last column is one the loop never reads (a note): its line end
        # is then left on it, one new string a row fewer.
        self.strip_last = strip_last
        self.end_line = 0  # after ``scan``: the line the next row would start on
        self.row_text = ""  # the text of the row being read, for the slow paths
        self.binary = False  # after ``scan``: stopped at a NUL character
        # Rows whose quoted cells span lines: a spreadsheet shows each as one row, so its
        # row numbers fall behind the line numbers. Counted only on the csv module's path
        # (the only one that reads such a row), never per row: the extra lines of every
        # such row so far, and the first line and extra lines of the last one, from
        # which a finding works out its spreadsheet row (FileChecks.sheet_row).
        self.spanned = 0
        self.spanned_at = 0
        self.spanned_last = 0

    def known_series(self, key: Hashable, row: list[str]) -> Series | None:
        """The series of a new key whose cells are all known spellings (a target met
        before, an entity the catalog or the file has named, a unit accepted for the
        target), made if it is new; None for ``RowChecks.series_for`` to check."""
        if self.i_target < 0:
            return None
        slot = self.targets.get(row[self.i_target])
        if slot is None:
            return None
        kind: SeriesKind = slot.kind
        if self.i_unit >= 0:
            unit = row[self.i_unit]
            if unit and unit not in kind.units_ok:
                return None
        entity = ""
        if self.i_entity >= 0:
            found = self.spellings.get(row[self.i_entity])
            if found is None:
                return None
            entity = found
        state = kind.series.get(entity)
        if state is None:
            state = kind.new(entity)
        self.keys[key] = state
        return state

    def scan(
        self,
        lines: Iterator[str],
        checks: RowChecks,
        *,
        dialect: type[csv.Dialect],
        file_index: int,
        first_line: int,
        on_rows: Callable[[int], None] | None = None,
    ) -> int:
        """Read every row from ``lines`` (which start after the header, on line
        ``first_line``) into the series; return the number of rows.

        A row the csv module refuses (a stray or unclosed quote) is reported and reading
        goes on from the line after its first line, so the rest of the file is checked.
        A NUL character ends the file: it is binary, not a CSV.
        """
        pushback = _Lines(lines)
        reader = csv.reader(pushback, dialect=dialect)
        width = self.width
        delimiter = self.delimiter
        key_of = self.key_of
        i_date = self.i_date
        i_value = self.i_value
        i_source = self.i_source
        has_source = i_source >= 0
        i_reported = self.i_reported
        # Plain local names for the dictionaries: mypyc calls their methods directly.
        keys = self.keys
        dates = self.dates
        milestones = self.milestones
        checking_only = self.checking_only
        recording = self.recording
        dot_is_decimal = self.dot_is_decimal
        strip_last = self.strip_last
        line = first_line  # where the next row starts
        count = 0
        x: float
        source: Iterator[str] = lines
        previous: _Replay | None = None
        while True:
            replay: list[str] | None = None
            for text in source:
                row_line = line
                if "\x00" in text:
                    checks.binary(line, text.index("\x00") + 1)
                    self.binary = True
                    break
                quoted = '"' in text
                split = None
                if len(text) <= FAST_LINE_LIMIT:
                    split = split_quoted(text, delimiter) if quoted else text.split(delimiter)
                if split is None:
                    # A quoted cell that spans lines or breaks the quoting rules, or a
                    # line long enough for the field-size limit: the csv module reads
                    # this row (and reports what is wrong with it).
                    pushback.pushed = text
                    pushback.taken = []
                    before = reader.line_num
                    try:
                        row = next(reader)
                    except csv.Error as exc:
                        if checks.malformed(row_line, str(exc)):
                            replay = pushback.taken[1:]
                            line = row_line + 1
                        break
                    row_lines = reader.line_num - before
                    line += row_lines
                    if row_lines > 1:
                        self.spanned += row_lines - 1
                        self.spanned_at = row_line
                        self.spanned_last = row_lines - 1
                    self.row_text = "".join(pushback.taken)
                    if "\x00" in self.row_text:
                        for down, taken in enumerate(pushback.taken):
                            if "\x00" in taken:
                                checks.binary(row_line + down, taken.index("\x00") + 1)
                                break
                        self.binary = True
                        break
                else:
                    row = split
                    self.row_text = text
                    if strip_last and not quoted:
                        last = row[-1]
                        if last.endswith(("\n", "\r")):
                            row[-1] = last.rstrip("\r\n")
                    line += 1
                count += 1
                if on_rows is not None and not count & _PROGRESS_EVERY:
                    on_rows(count)
                if len(row) != width and not checks.fix_width(row, row_line):
                    continue
                key = key_of(row)
                series = keys.get(key)
                if series is None:
                    series = self.known_series(key, row)
                    if series is None:
                        series = checks.series_for(key, row, row_line)
                        if series is None:
                            continue
                d_text = row[i_date]
                day = dates.get(d_text)
                if day is None:
                    day = checks.day(d_text, row, row_line)
                    if day is None:
                        continue
                code, bit, t = day
                v_text = row[i_value]
                if series.numeric:
                    try:
                        x = float(v_text)
                        # One chained comparison: the range (a share within 0..100), and
                        # finite (NaN fails it); and no digit separators ("1_0": float()
                        # takes them); and nothing float() reads one way but a person may
                        # mean another: "12.500" is 12500 in Vietnamese, and a cell not
                        # ending in a digit may be padded ("12.500 ").
                        # (Indexing, not slicing: a slice would be a new string per row.)
                        tail = len(v_text) - 1  # float() read it: not empty
                        ok = (
                            series.low <= x <= series.high
                            and "_" not in v_text
                            and "0" <= v_text[tail] <= "9"
                            and (tail < 3 or v_text[tail - 3] != ".")
                            and (dot_is_decimal or "." not in v_text)
                        )
                    except ValueError:
                        ok = False
                    if not ok:
                        checked = checks.value(v_text, series, row, row_line)
                        if checked is None:
                            continue
                        x = checked
                else:
                    milestone = milestones.get(v_text)
                    if milestone is None:
                        milestone = checks.value(v_text, series, row, row_line)
                        if milestone is None:
                            continue
                    x = milestone
                seen = series.seen
                if seen & bit:
                    checks.duplicate(series, code)
                    continue
                series.seen = seen | bit
                series.count += 1
                if i_reported >= 0 and row[i_reported]:
                    # When the figure was sent: only coverage asks, so a file without
                    # the column pays one comparison a row.
                    checks.reported(series, code, bit, row[i_reported], row, row_line)
                if t == series.base_t:
                    # The catalog's baseline is this series' point for that date.
                    checks.at_baseline(series, x, row, row_line)
                if checking_only:
                    continue
                if code > series.latest:
                    series.latest = code
                    series.value = x
                    series.file = file_index
                    series.line = row_line
                    series.source = row[i_source] if has_source else ""
                if code < series.earliest:
                    series.earliest = code
                    series.earliest_value = x
                if code < series.first_met and x * series.sign >= series.signed_level:
                    series.first_met = code
                if t > series.base_t:
                    series.add_point(t, x)
                if recording:
                    checks.record(series, code, x, row, row_line)
            if replay is None:
                break
            # Read on after a malformed row: the lines the csv module took for it (but
            # its first), then the rest of the file.
            source = _Replay(replay, lines)
            if previous is not None:  # still replaying: one list, never a chain of them
                source = _Replay(replay + previous.again[previous.position :], previous.rest)
            previous = source
            pushback.source = source
            reader = csv.reader(pushback, dialect=dialect)
        self.end_line = line
        return count
