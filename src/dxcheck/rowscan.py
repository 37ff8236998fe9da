"""The per-row loop over a progress CSV: the one place every row passes.

This module is compiled with mypyc when dxcheck is installed on a machine with a C
compiler (see ``hatch_build.py``) and runs as plain Python otherwise; both behave the
same, and the test suite runs both. So it imports only the standard library and the
series state it fills (``dxcheck.series``, compiled with it), and keeps to what mypyc
compiles well: typed attributes on native classes, ints and floats.

A line without a double quote is split on the delimiter directly, which is exactly what
the ``csv`` module makes of it and about twice as fast; a line with a quote (or too long
to trust) is handed to a ``csv.reader`` that reads on from the same lines, so quoted
cells may still span lines. Anything unusual in a row goes back to ``RowChecks``, which
repairs the cell or records a located finding: the loop itself never reports.

Where it was built (``dxcheck.native.fast_rows``), a reader written in C stands in front of
the compiled loop (``dxcheck/_fastrows.c``): it reads the lines itself, records each row
that is plain throughout with ``Series.take`` (the loop's own bookkeeping) and hands the
loop every other line. It never decides differently: what it does not take, the loop
reads as it would without it, and the tests compare the two on every kind of file.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from typing import Any, Final, Protocol

# The lines of a row as the loop reads them, compiled beside it too (the builds go
# together, dxcheck.native); ``split_quoted`` re-exported for the tests.
from dxcheck.rowtext import Lines, Replay
from dxcheck.rowtext import split_quoted as split_quoted

# The series state the loop fills and the series as values, compiled beside it (the
# builds go together, dxcheck.native). Re-exported: the one module ``native.row_loop``
# gives carries them all.
from dxcheck.series import Series as Series
from dxcheck.series import SeriesKind as SeriesKind
from dxcheck.series_values import clash_free as clash_free
from dxcheck.series_values import entity_names as entity_names
from dxcheck.series_values import fit_sums as fit_sums
from dxcheck.series_values import merge_all as merge_all
from dxcheck.series_values import state_columns as state_columns
from dxcheck.series_values import summaries as summaries

# Empty here; the compiled copy says which source it was built from (hatch_build.py),
# so that an edited source is never shadowed by a stale build (dxcheck.native).
COMPILED_FROM: Final = ""

# A cell longer than this goes to the csv module, which enforces the field-size limit.
FAST_LINE_LIMIT: Final = 4096
_PROGRESS_EVERY: Final = 0x3FFF  # rows between progress callbacks, minus one


class RowChecks(Protocol):
    """The slow paths: each repairs the cell and returns the value, or records a located
    finding and returns None (or False)."""

    def fix_width(self, row: list[str], line: int) -> bool: ...

    def series_for(self, row: list[str], line: int) -> Series | None: ...

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


class RowScanner:
    """The columns of one file and the caches shared by every file of a run."""

    def __init__(
        self,
        *,
        width: int,
        delimiter: str,
        i_date: int,
        i_value: int,
        i_source: int,
        kinds: dict[str, SeriesKind],
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
        fast_rows: Any = None,
    ) -> None:
        self.width = width
        self.delimiter = delimiter
        self.i_date = i_date
        self.i_value = i_value
        self.i_source = i_source
        self.i_reported = i_reported  # the optional ``reported`` column; -1 without one
        # The loop's memo: a target cell as written -> its series' kind, whose
        # ``cell_ids`` and ``slots`` give the series of an entity cell (filled by
        # ``SeriesKind.remember``, from ``known_series`` and ``RowChecks.series_for``,
        # once the cells are found valid).
        self.kinds = kinds
        self.dates = dates
        self.milestones = milestones
        self.checking_only = checking_only
        self.recording = recording
        # False under --decimal comma: a dot groups thousands, so no cell with a dot is
        # read by float()
        self.dot_is_decimal = dot_is_decimal
        # A row whose target, entity and unit cells are known spellings, but not yet met
        # together, finds its series here (``known_series``); any other goes to
        # ``RowChecks.series_for``, which checks it.
        self.targets: dict[str, Any] = targets if targets is not None else {}  # cell -> Slot
        self.spellings: dict[str, str] = spellings if spellings is not None else {}  # cell -> entity
        self.i_target = i_target
        self.i_entity = i_entity
        self.i_unit = i_unit
        # False when the last column is one the loop never reads (a note): its line end
        # is then left on it, one new string a row fewer.
        self.strip_last = strip_last
        # The fast path in C (dxcheck._fastrows.FastRows), when built: it records the
        # plain rows itself (asking ``series_of`` for a pair of cells it has not met) and
        # hands this loop every other line (``scan``).
        self.fast_rows = fast_rows
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

    def series_of(self, t_cell: str, e_cell: str, unit: str) -> tuple[Series, SeriesKind] | None:
        """For the C reader, a row's series and its kind as this loop finds them before any
        slow path: from the memo, else ``known_series`` (which makes it, if new, and
        remembers it); None for this loop to read the row."""
        kind = self.kinds.get(t_cell)
        if kind is not None:
            number = kind.cell_ids.get(e_cell)
            if number is not None and number < len(kind.slots):
                series = kind.slots[number]
                if series is not None and not (unit and unit not in kind.units_ok):
                    return series, kind
        row = [""] * self.width
        row[self.i_target] = t_cell
        if self.i_entity >= 0:
            row[self.i_entity] = e_cell
        if self.i_unit >= 0:
            row[self.i_unit] = unit
        found = self.known_series(row)
        if found is None:
            return None
        kind = self.kinds[t_cell]  # remembered there by known_series
        return found, kind

    def known_series(self, row: list[str]) -> Series | None:
        """The series of a row whose cells are all known spellings (a target met before,
        an entity the catalog or the file has named, a unit accepted for the target), made
        if it is new and remembered for the cells as written (``kinds``); None for
        ``RowChecks.series_for`` to check."""
        if self.i_target < 0:
            return None
        t_cell = row[self.i_target]
        slot = self.targets.get(t_cell)
        if slot is None:
            return None
        kind: SeriesKind = slot.kind
        if self.i_unit >= 0:
            unit = row[self.i_unit]
            if unit and unit not in kind.units_ok:
                return None
        entity = ""
        e_cell = ""
        if self.i_entity >= 0:
            e_cell = row[self.i_entity]
            found = self.spellings.get(e_cell)
            if found is None:
                return None
            entity = found
        state = kind.series.get(entity)
        if state is None:
            state = kind.new(entity)
        kind.remember(self.kinds, t_cell, e_cell, state)
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
        readline: Any = None,
        line_limit: int = 0,
    ) -> int:
        """Read every row from ``lines`` (which start after the header, on line
        ``first_line``) into the series; return the number of rows.

        A row the csv module refuses (a stray or unclosed quote) is reported and reading
        goes on from the line after its first line, so the rest of the file is checked.
        A NUL character ends the file: it is binary, not a CSV.

        ``readline``, when given, is what ``lines`` calls for each line (with
        ``line_limit``): the C reader calls it itself.
        """
        pushback = Lines(lines)
        reader = csv.reader(pushback, dialect=dialect)
        width = self.width
        delimiter = self.delimiter
        i_date = self.i_date
        i_value = self.i_value
        i_source = self.i_source
        has_source = i_source >= 0
        i_reported = self.i_reported
        # Plain local names for the dictionaries: mypyc calls their methods directly.
        kinds = self.kinds
        i_target = self.i_target
        i_entity = self.i_entity
        i_unit = self.i_unit
        dates = self.dates
        milestones = self.milestones
        checking_only = self.checking_only
        recording = self.recording
        dot_is_decimal = self.dot_is_decimal
        strip_last = self.strip_last
        line = first_line  # where the next row starts
        count = 0
        # The last target cell found in ``kinds`` and the last date cell found in
        # ``dates``, with what they map to (None: none yet; a row's cells are never None).
        last_target: str | None = None
        last_kind: SeriesKind | None = None
        last_date: str | None = None
        last_day: tuple[int, int, int] = (0, 0, 0)
        x: float
        source: Iterator[str] = lines
        previous: Replay | None = None
        # The C reader, in front: it takes the lines, records the plain rows itself and
        # gives this loop the other lines, counting lines and rows for both (its ``line``
        # is the line after the one it gives). A quoted cell spanning lines takes the
        # lines after it through its ``passthrough``, counted there.
        fast: Any = None
        if (
            self.fast_rows is not None
            and readline is not None
            and not recording
            and i_target >= 0
            and len(delimiter) == 1
        ):
            fast = self.fast_rows(
                readline,
                line_limit,
                Series.take,
                self.series_of,
                dates,
                milestones,
                width=width,
                delimiter=delimiter,
                i_target=i_target,
                i_entity=i_entity,
                i_unit=i_unit,
                i_date=i_date,
                i_value=i_value,
                i_source=i_source,
                i_reported=i_reported,
                strip_last=strip_last,
                dot_is_decimal=dot_is_decimal,
                checking_only=checking_only,
                file_index=file_index,
                first_line=first_line,
                on_rows=on_rows,
            )
            source = fast
            pushback.source = fast.passthrough()
        while True:
            replay: list[str] | None = None
            ended = True  # the lines ran out (no break)
            for text in source:
                if fast is not None:
                    line = fast.line - 1
                    count = fast.rows
                row_line = line
                if "\x00" in text:
                    checks.binary(line, text.index("\x00") + 1)
                    self.binary = True
                    ended = False
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
                        ended = False
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
                        ended = False
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
                if fast is not None:
                    fast.rows = count
                if on_rows is not None and not count & _PROGRESS_EVERY:
                    on_rows(count)
                if len(row) != width and not checks.fix_width(row, row_line):
                    continue
                # The series: by the target cell, then the entity cell (two small
                # dictionaries, no key made; SeriesKind.slots); a unit cell is checked on
                # every row.
                series: Series | None = None
                kind: SeriesKind | None = None
                if i_target >= 0:
                    t_text = row[i_target]
                    # Most files list a target's rows together: the previous row's cell,
                    # compared, costs less than hashing this one to look it up.
                    if t_text == last_target:
                        kind = last_kind
                    else:
                        kind = kinds.get(t_text)
                        if kind is not None:
                            last_target, last_kind = t_text, kind
                if kind is not None:
                    number = kind.cell_ids.get(row[i_entity] if i_entity >= 0 else "")
                    if number is not None and number < len(kind.slots):
                        series = kind.slots[number]
                    if series is not None and i_unit >= 0:
                        unit = row[i_unit]
                        if unit and unit not in kind.units_ok:
                            series = None
                if series is None:
                    series = self.known_series(row)
                    if series is None:
                        series = checks.series_for(row, row_line)
                        if series is None:
                            continue
                d_text = row[i_date]
                if d_text == last_date:  # the rows of one date together, as the targets'
                    day = last_day
                else:
                    found = dates.get(d_text)
                    if found is None:
                        # not remembered (a spelling checked on each row, as ``day`` says)
                        found = checks.day(d_text, row, row_line)
                        if found is None:
                            continue
                    else:
                        last_date, last_day = d_text, found
                    day = found
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
                if series.observe(code, t, x, file_index, row_line):
                    series.source = row[i_source] if has_source else ""
                if recording:
                    checks.record(series, code, x, row, row_line)
            if fast is not None:
                if ended:
                    line = fast.line
                    count = fast.rows
                # After a malformed row the lines are read again from a list, by this
                # loop alone; the count and line are its own from here.
                fast = None
            if replay is None:
                break
            # Read on after a malformed row: the lines the csv module took for it (but
            # its first), then the rest of the file.
            source = Replay(replay, lines)
            if previous is not None:  # still replaying: one list, never a chain of them
                source = Replay(replay + previous.again[previous.position :], previous.rest)
            previous = source
            pushback.source = source
            reader = csv.reader(pushback, dialect=dialect)
        self.end_line = line
        return count
