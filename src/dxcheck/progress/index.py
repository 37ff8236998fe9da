"""ProgressIndex: reading progress CSVs into per-(target, entity) series, streaming, in
constant memory.

Memory grows with the number of target x entity pairs, never with the number of rows:
each pair keeps its latest observation, the date it was first met, running sums for the
trend fit, and a bitset of the dates it has seen (to catch two rows for one date).
Rows are checked in a tight loop (dxcheck.rowscan) that tries the strict fast forms first
(ISO date from a cache, ``float``) and falls back to the slow paths (``checks``) for
located, explained errors.

When two rows share target, entity and date, the bitset only says so; the files are read
a second time for just those keys to name both lines and compare their values
(``duplicates``). A large file is read in two halves at once (``halves``).
"""

from __future__ import annotations

import gc
import io
from collections.abc import Callable, Collection, Iterator, Mapping
from datetime import date
from types import ModuleType
from typing import IO, TYPE_CHECKING, NamedTuple

from dxcheck import cells, split
from dxcheck.catalog import Catalog
from dxcheck.findings import Code, Finding, FindingSink, Location
from dxcheck.i18n import msg
from dxcheck.native import fast_rows, row_loop
from dxcheck.progress.checks import Candidates, FileChecks, LaterRows
from dxcheck.progress.columns import LINE_LIMIT
from dxcheck.progress.entities import Entities
from dxcheck.progress.header import Header
from dxcheck.progress.numbers import FileNumbers
from dxcheck.progress.source import InputFile, bounded_lines, decode_finding, open_text, position
from dxcheck.progress.store import DateCodes, SeriesStore
from dxcheck.progress.summary import Arrivals, SeriesSummary
from dxcheck.report import Observation
from dxcheck.trend import FitSums

if TYPE_CHECKING:
    from dxcheck.progress.duplicates import RowKeys


# The columns the row loop reads besides the key (target, entity, unit): a row's last
# cell keeps its line end unless it is one of them (``RowScanner.strip_last``).
_READ = ("date", "value", "source", "reported")


class Scanned(NamedTuple):
    """What the row loop did with one text."""

    rows: int
    malformed: bool  # the csv module refused a row (reading went on after it)
    end_line: int  # the line after the last row
    open_at_cut: int | None  # reading a first half: the line of a row still open at the cut
    binary: bool = False  # stopped at a NUL character
    spanned: int = 0  # extra lines of rows spanning lines, up to the end (for spreadsheet rows)


class ProgressIndex:
    """Series per target and entity, built from any number of CSV files."""

    def __init__(
        self,
        catalog: Catalog,
        as_of: date,
        *,
        date_order: cells.DateOrder | None = None,
        decimal: cells.DecimalMark | None = None,
        record: frozenset[str] = frozenset(),
        checking_only: bool = False,
        loop: ModuleType | None = None,
        split_min_bytes: int | None = split.SPLIT_MIN_BYTES,
    ) -> None:
        self.as_of = as_of
        self._catalog = catalog
        # files this large are read in two halves at once; None: always in one piece
        self._split_min_bytes = split_min_bytes
        self.read_in_halves: list[str] = []  # files that were (tests check the path taken)
        self.cuts: dict[str, int] = {}  # where each of those was cut (the chart pass cuts there too)
        # the row loop: compiled when it was built, else rowscan's source (dxcheck.native)
        self._loop = loop if loop is not None else row_loop()
        self._fast_rows = fast_rows(self._loop)  # its fast path in C, or None
        self.date_order = date_order
        self.decimal = decimal
        # the file being read: how its numbers are read (a declared or settled decimal mark)
        self._numbers = FileNumbers(decimal)
        self._file_marks: dict[str, cells.DecimalMark | None] = {}  # for the passes after the first
        self.files: list[str] = []
        self.sources: list[InputFile] = []  # what was read, for a second pass (chart_points)
        self._store = SeriesStore(catalog, record=record, loop=self._loop)
        self._entities = Entities(catalog)
        self._dates = DateCodes(as_of)
        self._recording = bool(record)
        # ``validate`` needs every check but no latest value, first-met date or trend:
        # skipping them is about half the per-row work beyond parsing.
        self._checking_only = checking_only
        self._milestones = cells.milestone_fast_table()
        self._candidates: Candidates = set()
        self._future: LaterRows = {}
        self._days: dict[int, date] = {}  # the dates of the summaries, by ordinal (series.day_of)
        self._not_reported: LaterRows = {}

    # --- public ---------------------------------------------------------------------

    def read(
        self,
        source: InputFile,
        sink: FindingSink,
        on_rows: Callable[[int, int], None] | None = None,
    ) -> None:
        """Read one file into the index; problems go to ``sink``."""
        file_index = len(self.files)
        self.files.append(source.display)
        self.sources.append(source)
        self._numbers = FileNumbers(self.decimal)
        with open_text(source, sink) as text:
            if text is None:
                return
            # The reader makes millions of short-lived lists and no cycles: the cyclic
            # collector would only walk the growing series again and again (about a
            # third of the run time at a million rows).
            collecting = gc.isenabled()
            gc.disable()
            try:
                header = Header.read(text, source.display, sink)
                if header is None:
                    return
                counted = None
                cut = self._cut_of(source, getattr(text, "encoding", ""), header)
                if cut is not None:
                    from dxcheck.progress.halves import read_in_halves  # only for a large file

                    counted = read_in_halves(
                        self, source, getattr(text, "encoding", ""), header, file_index, sink, on_rows, *cut
                    )
                if counted is None:
                    counted = self._scan(text, header, file_index, sink, on_rows)[:2]
                if self._numbers.waiting:
                    self._read_waiting(header, file_index, sink)
                self._file_marks[source.display] = self._numbers.mark
            except UnicodeDecodeError as exc:
                sink.add(decode_finding(source, exc))
                return
            finally:
                if collecting:
                    gc.enable()
        count, malformed = counted
        if count == 0 and not malformed:
            sink.add(Finding(Code.NO_ROWS, Location(source.display, 1, None)))
        future = self._future.pop(source.display, None)
        if future:
            sink.add(
                Finding(
                    Code.AFTER_AS_OF,
                    Location(source.display, future[1], None),
                    {
                        "count": future[0],
                        "as_of": self.as_of.isoformat(),
                        "first": msg("line {line}", line=future[1]),
                    },
                    hint=msg("pass --as-of with a later date to include them"),
                )
            )
        blank = self._not_reported.pop(source.display, None)
        if blank:
            sink.add(
                Finding(
                    Code.NOT_REPORTED,
                    Location(source.display, blank[1], None),
                    {"count": blank[0], "first": msg("line {line}", line=blank[1])},
                    hint=msg("fill in the value when the figure is known, or delete the row"),
                )
            )

    def resolve_duplicates(self, sources: list[InputFile], sink: FindingSink) -> None:
        """Second pass over the inputs for the keys seen twice: name every line."""
        if not self._candidates:
            return
        from dxcheck.progress.duplicates import name_duplicates

        name_duplicates(self._candidates, sources, self._row_keys(), self._entities, sink)

    def check_spellings(self, sink: FindingSink) -> None:
        """An entity written without any accent beside one written with them: one
        warning with a "did you mean", at its first row (``Entities.check_spellings``)."""
        self._entities.check_spellings(sink)

    def check_former(self, sink: FindingSink) -> None:
        """Rows for a former unit (an entity's ``former``) dated on or after its merger:
        one warning per unit naming its successor (``Entities.check_former``)."""
        former = self._entities.former
        if not former:
            return
        ordinals = {i: ordinal for ordinal, i in self._dates.index.items()}
        self._entities.check_former(
            sink,
            (
                (state.name, _ordinals(state.seen, ordinals))
                for slot in self._store.slots.values()
                for state in slot.series.values()
                if state.name in former
            ),
        )

    def series(
        self, target_id: str, order: Callable[[list[str | None]], list[int]] | None = None
    ) -> Iterator[SeriesSummary]:
        """Every series of a target, as values, each made as it is read (by the row
        loop's module). ``order``, given the series' entity names as read (None: the
        nation), gives the positions in that list to give them in."""
        states = list(self._store.slots[target_id].series.values())
        shown = self._loop.entity_names(states, self._entities.names)  # once: order and values
        if order is not None:
            positions = order(shown)
            states = list(map(states.__getitem__, positions))
            shown = list(map(shown.__getitem__, positions))
        made: Iterator[SeriesSummary] = self._loop.summaries(
            states, self.files, shown, Observation, FitSums, SeriesSummary, self._days
        )
        return made

    def fit_of(self, target_id: str, entity: str | None) -> FitSums | None:
        """The running sums of one series; None if it has no rows."""
        state = self._store.slots[target_id].series.get(self._entities.key_of_name(entity))
        if state is None:
            return None
        fit: FitSums = self._loop.fit_sums(state, FitSums)
        return fit

    def chart_points(
        self, wanted: Mapping[str, Collection[str | None]]
    ) -> dict[tuple[str, str | None], tuple[tuple[date, float], ...]]:
        """The observations (date, value) up to the as-of date of a few series, read in a
        second pass over ``sources``: ``wanted`` maps a target id to entity names as the
        results give them (None: national). The inputs must still exist (check.read_progress
        keeps a copy of standard input until the caller is done). See ``charts``."""
        from dxcheck.progress.charts import chart_points

        return chart_points(
            wanted,
            self.sources,
            store=self._store,
            entities=self._entities,
            key_of=self._row_keys(),
            as_of=self.as_of,
            cuts=self.cuts,
        )

    def entity_names(self) -> list[str]:
        """Every entity with a row, by the name results give it (the nation is not one)."""
        return [name for key, name in self._entities.names.items() if key]

    def arrivals(self, target_id: str) -> Iterator[Arrivals]:
        """For each series of a target, the dates it has rows for (from its bitset of dates
        seen: nothing is kept per row) and which of those rows arrived late or after the
        as-of date (by their ``reported`` cells)."""
        ordinals = {i: ordinal for ordinal, i in self._dates.index.items()}

        def dates(mask: int) -> frozenset[int]:
            return frozenset(_ordinals(mask, ordinals))

        for state in self._store.slots[target_id].series.values():
            yield Arrivals(
                self._entities.name_of(state.name),
                state.name,
                dates(state.seen),
                dates(state.reported_late),
                dates(state.reported_after),
            )

    def recorded(self, target_id: str) -> dict[str | None, tuple[Observation, ...]]:
        """Every observation of a target named in ``record``, by entity, oldest first."""
        by_entity: dict[str | None, list[Observation]] = {}
        for entity, observed in self._store.slots[target_id].record or []:
            by_entity.setdefault(self._entities.name_of(entity), []).append(observed)
        return {name: tuple(sorted(obs, key=lambda o: o.date)) for name, obs in by_entity.items()}

    # --- the row loop ---------------------------------------------------------------

    def _cut_of(self, source: InputFile, encoding: str, header: Header) -> tuple[int, int] | None:
        """(cut, size) when the file is to be read in two halves; None when it is read in
        one piece (small, not UTF-8, ``show``, or no cut between rows)."""
        if self._split_min_bytes is None or self._recording or source.path is None:
            return None
        if encoding not in ("utf-8", "utf-8-sig") or header.line > 1000:
            return None
        try:
            size = source.path.stat().st_size
            cut = split.cut_point(source.path, size, minimum=self._split_min_bytes)
        except OSError:
            return None
        return None if cut is None else (cut, size)

    def _read_waiting(self, header: Header, file_index: int, sink: FindingSink) -> None:
        """The rows whose number waited for the end of the file ("12.500": thousands or a
        fraction?), read now that the file has settled its decimal mark, or not."""
        numbers = self._numbers
        numbers.final = True
        for line, text, spanned in numbers.waiting:
            self._scan(
                io.StringIO(text), header, file_index, sink, None, first_line=line, spanned_before=spanned
            )
        numbers.waiting.clear()

    def _scan(
        self,
        text: IO[str],
        header: Header,
        file_index: int,
        sink: FindingSink,
        on_rows: Callable[[int, int], None] | None,
        *,
        first_line: int | None = None,
        scale: float = 1.0,
        ends_at_cut: bool = False,
        spanned_before: int = 0,
    ) -> Scanned:
        """Every row of ``text`` into the series."""
        index = header.index
        key_columns = [index[c] for c in ("target", "entity", "unit") if c in index]
        scanner = self._loop.RowScanner(
            width=header.width,
            delimiter=header.dialect.delimiter,
            i_date=index["date"],
            i_value=index["value"],
            i_source=index.get("source", -1),
            i_reported=index.get("reported", -1),
            kinds=self._store.kinds,
            dates=self._dates.info,
            milestones=self._milestones,
            checking_only=self._checking_only,
            recording=self._recording,
            dot_is_decimal=self.decimal is not cells.DecimalMark.COMMA,
            targets=self._store.target_lookup,
            spellings=self._entities.spellings,
            i_target=index["target"],
            i_entity=index.get("entity", -1),
            i_unit=index.get("unit", -1),
            strip_last=header.width - 1 in {*key_columns, *(index.get(c, -1) for c in _READ)},
            fast_rows=self._fast_rows,
        )
        checks = FileChecks(
            header,
            sink,
            scanner,
            store=self._store,
            entities=self._entities,
            dates=self._dates,
            numbers=self._numbers,
            candidates=self._candidates,
            future=self._future,
            not_reported=self._not_reported,
            date_order=self.date_order,
            ends_at_cut=ends_at_cut,
            spanned_before=spanned_before,
        )
        progress: Callable[[int], None] | None = None
        if on_rows is not None:
            report_rows = on_rows

            def progress(rows: int) -> None:
                report_rows(int(rows * scale), int(position(text) * scale))

        count: int = scanner.scan(
            bounded_lines(text),
            checks,
            dialect=header.dialect,
            file_index=file_index,
            first_line=header.line + 1 if first_line is None else first_line,
            on_rows=progress,
            readline=text.readline,
            line_limit=LINE_LIMIT,
        )
        if progress is not None:
            progress(count)
        spanned = spanned_before + int(scanner.spanned)
        return Scanned(
            count, checks.was_malformed, scanner.end_line, checks.open_at_cut, scanner.binary, spanned
        )

    def _row_keys(self) -> RowKeys:
        from dxcheck.progress.duplicates import RowKeys

        return RowKeys(self._store, self.date_order, self.decimal, self._file_marks)


def _ordinals(mask: int, ordinals: Mapping[int, int]) -> list[int]:
    """The date ordinals of a bitset of dates seen (``ordinals``: a bit's index -> its date)."""
    out = []
    while mask:
        low = mask & -mask
        out.append(ordinals[low.bit_length() - 1])
        mask ^= low
    return out
