"""Reading progress CSVs into per-(target, entity) series, streaming, in constant memory.

Memory grows with the number of target x entity pairs, never with the number of rows:
each pair keeps its latest observation, the date it was first met, running sums for the
trend fit, and a bitset of the dates it has seen (to catch two rows for one date).
Rows are checked in a tight loop that tries the strict fast forms first (ISO date from a
cache, ``float``) and falls back to ``cells`` for located, explained errors.

When two rows share target, entity and date, the bitset only says so; the files are read
a second time for just those keys to name both lines and compare their values.
"""

from __future__ import annotations

import codecs
import csv
import functools
import gc
import io
import math
import sys
import unicodedata
from collections.abc import Callable, Collection, Hashable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from operator import itemgetter
from pathlib import Path
from types import ModuleType
from typing import IO, Any, NamedTuple

from typing_extensions import TypedDict

from dxcheck import DATA_DIR, cells, split
from dxcheck.catalog import Catalog, Target, TargetType
from dxcheck.findings import Code, Finding, FindingSink, Location, suggestion
from dxcheck.names import display_name, entity_key, fold_accents
from dxcheck.native import row_loop
from dxcheck.report import Observation
from dxcheck.reporting import Reporting, due_of, index_of
from dxcheck.rowscan import ALWAYS, LOW, NEVER, SHIFT, Series
from dxcheck.units import canonical_unit


class _RequiredCells(TypedDict):
    target: str
    date: str
    value: str


class ProgressRow(_RequiredCells, total=False):
    """One row of a progress CSV, as written (the public contract; ``dxcheck schema
    progress`` publishes it). Cells are text; ``value`` is a number for a numeric target
    and ``done``/``not done`` for a milestone; a blank ``entity`` is the whole country."""

    entity: str
    unit: str
    source: str
    note: str
    reported: str  # the day the figure was sent (dxcheck coverage: after the due date is late)


# The order a template writes; the reader accepts any order.
COLUMNS: tuple[str, ...] = ("target", "entity", "date", "value", "unit", "source", "note", "reported")
REQUIRED: tuple[str, ...] = tuple(c for c in COLUMNS if c in ProgressRow.__required_keys__)
HEADER_ALIASES = {"target_id": "target", "indicator": "target"}
FIELD_SIZE_LIMIT = 64 * 1024
# Lines are read at most this long: a 1 GB line arrives in pieces, so memory stays bounded
# (the pieces then fail as rows or hit the field limit, and the file is reported).
LINE_LIMIT = FIELD_SIZE_LIMIT + 1024
SNIFF_BYTES = 64 * 1024

EPOCH = date(2000, 1, 1).toordinal()
DAYS_PER_MONTH = 365.2425 / 12


@dataclass(frozen=True, slots=True)
class InputFile:
    """A progress file as given on the command line; ``path`` None means standard input."""

    display: str
    path: Path | None = None


class SeriesSummary(NamedTuple):
    """Everything evaluation needs about one target x entity pair (a tuple: one is built
    per pair, and at national scale that is 100,000s)."""

    entity: str | None
    latest: Observation | None
    first_met: date | None
    observations: int
    earliest: tuple[date, float] | None
    fit: tuple[float, ...]  # trend.FitSums: n, St, Sy, Stt, Sty, Sly, Stly, nonpositive, ylo, yhi
    # projection: open-sdg: the last point of the fit's first calendar year (the base value)
    first_year: tuple[date, float] | None = None


class Arrivals(NamedTuple):
    """The rows of one target x entity pair as ``dxcheck coverage`` sees them: the dates
    (ordinals) it has rows for, and those whose ``reported`` cell is after the period's due
    date (late) or after the as-of date (not yet sent on that day)."""

    entity: str | None
    key: str  # names.entity_key of the entity ("" for the nation)
    dates: frozenset[int]
    late: frozenset[int]
    after: frozenset[int]


@dataclass
class _Slot:
    """Per-target constants and series for the row loop."""

    target: Target
    numeric: bool
    level: float
    at_most: bool
    percent: bool
    unit: str | None
    base_t: int
    base_value: float | None
    compound: bool
    yearly: bool = False  # projection: open-sdg (the base year's point is kept per series)
    series: dict[str, Series] = field(default_factory=dict)
    units_ok: set[str] = field(default_factory=set)
    record: list[tuple[str, Observation]] | None = None
    reporting: Reporting | None = None  # how often it is reported (a ``reported`` cell's due date)
    dues: dict[int, int] = field(default_factory=dict)  # a row's date -> its period's due date


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
        self._is_half = False
        self._inherited_spellings = 0  # a half: how many entity spellings it started with
        self.read_in_halves: list[str] = []  # files that were (tests check the path taken)
        # the row loop: compiled when it was built, else rowscan's source (dxcheck.native)
        self._loop = loop if loop is not None else row_loop()
        self.date_order = date_order
        self.decimal = decimal
        # the file being read: how its numbers are read (a declared or settled decimal mark)
        self._numbers = _FileNumbers(decimal)
        self._file_marks: dict[str, cells.DecimalMark | None] = {}  # for the duplicate pass
        self.files: list[str] = []
        self.sources: list[InputFile] = []  # what was read, for a second pass (chart_points)
        self._slots: dict[str, _Slot] = {}
        for target in catalog.targets:
            unit = canonical_unit(target.unit) if target.unit else None
            base = target.baseline
            slot = _Slot(
                target=target,
                numeric=target.type is TargetType.NUMERIC,
                level=target.level,
                at_most=target.direction.value == "at_most",
                percent=unit == "percent",
                unit=unit,
                base_t=(base.date.toordinal() - EPOCH) if base else ALWAYS,
                base_value=base.value if base else None,
                compound=target.projection is not None and target.projection.value == "compound",
                yearly=target.projection is not None and target.projection.value == "open-sdg",
                record=[] if target.id in record else None,
                reporting=catalog.reporting_of(target),
            )
            self._slots[target.id] = slot
        self._target_ids = tuple(self._slots)
        self._keys: dict[Hashable, Series] = {}
        self._date_info: dict[str, tuple[int, int, int]] = {}
        self._recording = bool(record)
        # ``validate`` needs every check but no latest value, first-met date or trend:
        # skipping them is about half the per-row work beyond parsing.
        self._checking_only = checking_only
        self._target_lookup: dict[str, _Slot | None] = dict(self._slots)
        self._dates: dict[str, int] = {}
        self._date_index: dict[int, int] = {}
        self._entities: dict[str, str] = {"": ""}  # as written -> key
        self._entity_names: dict[str, str] = {}  # key -> as first written (NFC, spaces folded)
        self._name_keys: dict[str, str] = {}  # the reverse, for the chart pass
        self._milestones = cells.milestone_fast_table()
        self._known_entities: dict[str, str] | None = None
        if catalog.entities is not None:
            self._known_entities = {}
            for known in catalog.entities:
                for spelling in (known.name, *known.aliases):
                    self._known_entities[entity_key(spelling)] = display_name(known.name)
        self._as_of_code = (as_of.toordinal() << SHIFT) | LOW
        self._reported_days: dict[str, int] = {}  # a ``reported`` cell -> its date's ordinal
        self._candidates: set[tuple[str, str, int]] = set()
        # where each entity key was first written (for DX225: two spellings, one place?)
        self._entity_places: dict[str, Location] = {}
        self._future: dict[str, list[Any]] = {}

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
        self._numbers = _FileNumbers(self.decimal)
        with _open_text(source, sink) as text:
            if text is None:
                return
            # The reader makes millions of short-lived lists and no cycles: the cyclic
            # collector would only walk the growing series again and again (about a
            # third of the run time at a million rows).
            collecting = gc.isenabled()
            gc.disable()
            try:
                header = _Header.read(text, source.display, sink)
                if header is None:
                    return
                counted = self._read_in_halves(
                    source, getattr(text, "encoding", ""), header, file_index, sink, on_rows
                )
                if counted is None:
                    counted = self._scan(text, header, file_index, sink, on_rows)[:2]
                if self._numbers.waiting:
                    self._read_waiting(header, file_index, sink)
                self._file_marks[source.display] = self._numbers.mark
            except UnicodeDecodeError as exc:
                sink.add(_decode_finding(source, exc))
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
                        "first": f"line {future[1]}",
                    },
                    hint="pass --as-of with a later date to include them",
                )
            )

    def resolve_duplicates(self, sources: list[InputFile], sink: FindingSink) -> None:
        """Second pass over the inputs for the keys seen twice: name every line."""
        if not self._candidates:
            return
        found: dict[tuple[str, str, int], list[tuple[float, str, int]]] = {}
        for source in sources:
            with _open_text(source, FindingSink()) as text:
                if text is None:
                    continue
                # The first pass already reported what is wrong with the file; this one
                # only collects what it can up to the same point.
                try:
                    header = _Header.read(text, source.display, FindingSink())
                    if header is None:
                        continue
                    for line, row in header.rows(text):
                        key_value = self._key_of(row, header)
                        if key_value is not None and key_value[0] in self._candidates:
                            found.setdefault(key_value[0], []).append((key_value[1], source.display, line))
                except (csv.Error, UnicodeDecodeError):
                    continue
        for (tid, entity, ordinal), places in sorted(found.items()):
            if len(places) < 2:
                continue
            first = places[0]
            values = {v for v, _, _ in places}
            where = ", ".join(f"{f}:{ln}" for _, f, ln in places[1:])
            args = {
                "target": tid,
                "entity": self._entity_names.get(entity, entity) or "(national)",
                "date": date.fromordinal(ordinal).isoformat(),
            }
            if len(values) > 1:
                shown = "; ".join(f"{_fmt(v)} at {f}:{ln}" for v, f, ln in places)
                sink.add(
                    Finding(
                        Code.CONFLICTING_ROWS,
                        Location(places[1][1], places[1][2], None),
                        {**args, "values": shown},
                        hint="keep one row per target, entity and date",
                    )
                )
            else:
                sink.add(
                    Finding(
                        Code.DUPLICATE_ROW,
                        Location(first[1], first[2], None),
                        {**args, "others": where},
                        hint="remove the repeated row",
                    )
                )

    def check_spellings(self, sink: FindingSink) -> None:
        """An entity written without any accent beside one written with them ("Ha Noi"
        beside "Hà Nội"): one warning with a "did you mean", at its first row. Names
        that differ in their accents ("Thắng Thành", "Thắng Thạnh") are different places
        in Vietnam, not typos; tone-mark placement, case, spaces and NFC/NFD are already
        folded (names.entity_key)."""
        accented: dict[str, list[str]] = {}
        plain: list[str] = []
        for key in self._entity_places:
            folded = fold_accents(key)
            if folded == key:
                plain.append(key)
            else:
                accented.setdefault(folded, []).append(key)
        for key in sorted(plain):
            matches = accented.get(key)
            if not matches:
                continue
            names = " or ".join(f"'{self._entity_names.get(k, k)}'" for k in sorted(matches))
            spelling = self._entity_names.get(key, key)
            sink.add(
                Finding(
                    Code.ENTITY_SPELLING,
                    self._entity_places[key],
                    {"text": spelling, "other": names},
                    hint=f"did you mean {names}? (if they are different places, ignore this warning)",
                    text=spelling,
                )
            )

    def series(self, target_id: str) -> Iterator[SeriesSummary]:
        slot = self._slots[target_id]
        for state in slot.series.values():
            latest = None
            if state.latest >= 0:
                latest = Observation(
                    date=date.fromordinal(state.latest >> SHIFT),
                    value=state.value,
                    file=self.files[state.file],
                    line=state.line,
                    source=state.source or None,
                )
            first_met = None if state.first_met == NEVER else date.fromordinal(state.first_met >> SHIFT)
            first_year = None
            if state.yearly and state.n:
                first_year = (date.fromordinal(EPOCH + state.year_t), state.year_y)
            yield SeriesSummary(
                entity=self._entity_names.get(state.name, state.name) or None,
                latest=latest,
                first_met=first_met,
                observations=state.count,
                earliest=None
                if state.earliest == NEVER
                else (date.fromordinal(state.earliest >> SHIFT), state.earliest_value),
                fit=(
                    state.n,
                    state.st,
                    state.sy,
                    state.stt,
                    state.sty,
                    state.sly,
                    state.stly,
                    state.nonpositive,
                    state.ylo,
                    state.yhi,
                ),
                first_year=first_year,
            )

    def fit_of(self, target_id: str, entity: str | None) -> tuple[float, ...] | None:
        """The running sums (``trend.FitSums`` fields) of one series; None if it has no rows."""
        slot = self._slots[target_id]
        state = slot.series.get(self._key_of_name(entity))
        if state is None:
            return None
        fields = (state.n, state.st, state.sy, state.stt, state.sty, state.sly, state.stly)
        return (*fields, state.nonpositive, state.ylo, state.yhi)

    def chart_points(
        self, wanted: Mapping[str, Collection[str | None]]
    ) -> dict[tuple[str, str | None], tuple[tuple[date, float], ...]]:
        """The observations (date, value) up to the as-of date of a few series, read in a
        second pass over ``sources``: ``wanted`` maps a target id to entity names as the
        results give them (None: national). The first pass keeps running sums only (memory
        grows with series, never rows); a chart needs the points of the series it draws,
        and which entities those are is known only once every row has been evaluated. So
        this reads the files again, as ``resolve_duplicates`` does, keeping the rows of the
        wanted series only: memory is bounded by what is drawn. The inputs must still exist
        (check.read_progress keeps a copy of standard input until the caller is done)."""
        keys = {tid: {self._key_of_name(name): name for name in names} for tid, names in wanted.items()}
        every = set().union(*(names.keys() for names in keys.values()))
        # The spellings already read of the wanted entities: most rows are someone else's,
        # and a dictionary lookup of the cell as written is all it takes to skip them.
        spellings = {raw: key for raw, key in self._entities.items() if key in every}
        found: dict[tuple[str, str | None], dict[date, float]] = {}
        collecting = gc.isenabled()
        gc.disable()  # millions of short-lived rows and no cycles (as in ``read``)
        try:
            for source in self.sources:
                self._chart_rows(source, keys, spellings, found)
        finally:
            if collecting:
                gc.enable()
        return {key: tuple(sorted(points.items())) for key, points in found.items()}

    def _chart_rows(
        self,
        source: InputFile,
        keys: dict[str, dict[str, str | None]],
        spellings: dict[str, str],
        found: dict[tuple[str, str | None], dict[date, float]],
    ) -> None:
        """The wanted rows of one file into ``found`` (``chart_points``). The file was read
        without an error (else there is no report), so the csv module reads it whole."""
        with _open_text(source, FindingSink()) as text:
            if text is None:
                return
            header = _Header.read(text, source.display, FindingSink())
            if header is None:
                return
            i_target, i_entity = header.index["target"], header.index.get("entity", -1)
            width = max(i_target, i_entity)
            as_of = self.as_of.toordinal()
            try:
                for row in csv.reader(bounded_lines(text), dialect=header.dialect):
                    if len(row) <= width:
                        continue
                    raw = row[i_entity] if i_entity >= 0 else ""
                    entity = spellings.get(raw)
                    if entity is None:
                        if raw in self._entities:
                            continue  # an entity not drawn
                        self._learn_entity(raw)  # a spelling first read here: not expected
                        entity = self._entities[raw]
                    slot = self._target_lookup.get(row[i_target])
                    if (
                        slot is None
                        or (entities := keys.get(slot.target.id)) is None
                        or entity not in entities
                    ):
                        continue
                    point = self._key_of(row, header)
                    if point is None or point[0][2] > as_of:
                        continue
                    series = found.setdefault((slot.target.id, entities[entity]), {})
                    series.setdefault(date.fromordinal(point[0][2]), point[1])  # a repeat: the first
            except (csv.Error, UnicodeDecodeError):
                return

    def _key_of_name(self, name: str | None) -> str:
        """The series key of an entity as results name it (None: national)."""
        if not name:
            return ""
        if len(self._name_keys) != len(self._entity_names):  # built once reading is done
            self._name_keys = {shown: key for key, shown in self._entity_names.items()}
        return self._name_keys.get(name) or entity_key(name)

    def entity_names(self) -> list[str]:
        """Every entity with a row, by the name results give it (the nation is not one)."""
        return [name for key, name in self._entity_names.items() if key]

    def arrivals(self, target_id: str) -> Iterator[Arrivals]:
        """For each series of a target, the dates it has rows for (from its bitset of dates
        seen: nothing is kept per row) and which of those rows arrived late or after the
        as-of date (by their ``reported`` cells)."""
        ordinals = {i: ordinal for ordinal, i in self._date_index.items()}

        def dates(mask: int) -> frozenset[int]:
            out = []
            while mask:
                low = mask & -mask
                out.append(ordinals[low.bit_length() - 1])
                mask ^= low
            return frozenset(out)

        for state in self._slots[target_id].series.values():
            yield Arrivals(
                self._entity_names.get(state.name, state.name) or None,
                state.name,
                dates(state.seen),
                dates(state.reported_late),
                dates(state.reported_after),
            )

    def recorded(self, target_id: str) -> dict[str | None, tuple[Observation, ...]]:
        """Every observation of a target named in ``record``, by entity, oldest first."""
        by_entity: dict[str | None, list[Observation]] = {}
        for entity, observed in self._slots[target_id].record or []:
            name = self._entity_names.get(entity, entity) or None
            by_entity.setdefault(name, []).append(observed)
        return {name: tuple(sorted(obs, key=lambda o: o.date)) for name, obs in by_entity.items()}

    # --- the row loop ---------------------------------------------------------------

    def _read_waiting(self, header: _Header, file_index: int, sink: FindingSink) -> None:
        """The rows whose number waited for the end of the file ("12.500": thousands or a
        fraction?), read now that the file has settled its decimal mark, or not."""
        numbers = self._numbers
        numbers.final = True
        for line, text in numbers.waiting:
            self._scan(io.StringIO(text), header, file_index, sink, None, first_line=line)
        numbers.waiting.clear()

    def _scan(
        self,
        text: IO[str],
        header: _Header,
        file_index: int,
        sink: FindingSink,
        on_rows: Callable[[int, int], None] | None,
        *,
        first_line: int | None = None,
        scale: float = 1.0,
        ends_at_cut: bool = False,
    ) -> _Scanned:
        """Every row of ``text`` into the series."""
        index = header.index
        key_columns = [index[c] for c in ("target", "entity", "unit") if c in index]
        scanner = self._loop.RowScanner(
            width=header.width,
            delimiter=header.dialect.delimiter,
            key_of=itemgetter(*key_columns),
            i_date=index["date"],
            i_value=index["value"],
            i_source=index.get("source", -1),
            i_reported=index.get("reported", -1),
            keys=self._keys,
            dates=self._date_info,
            milestones=self._milestones,
            checking_only=self._checking_only,
            recording=self._recording,
            dot_is_decimal=self.decimal is not cells.DecimalMark.COMMA,
        )
        checks = _FileChecks(self, header, sink, scanner, ends_at_cut=ends_at_cut)
        progress: Callable[[int], None] | None = None
        if on_rows is not None:
            report_rows = on_rows

            def progress(rows: int) -> None:
                report_rows(int(rows * scale), int(_position(text) * scale))

        count: int = scanner.scan(
            bounded_lines(text),
            checks,
            dialect=header.dialect,
            file_index=file_index,
            first_line=header.line + 1 if first_line is None else first_line,
            on_rows=progress,
        )
        if progress is not None:
            progress(count)
        return _Scanned(count, checks.was_malformed, scanner.end_line, checks.open_at_cut, scanner.binary)

    # --- a large file in two halves, the second in a forked process (dxcheck.split) -----

    def _read_in_halves(
        self,
        source: InputFile,
        encoding: str,
        header: _Header,
        file_index: int,
        sink: FindingSink,
        on_rows: Callable[[int, int], None] | None,
    ) -> tuple[int, bool] | None:
        """(rows, malformed) when the file was read in two halves; None when it is to be
        read in one piece (small, not UTF-8, ``show``, or the halves did not fit)."""
        if self._split_min_bytes is None or self._recording or source.path is None:
            return None
        if encoding not in ("utf-8", "utf-8-sig") or header.line > 1000:
            return None
        try:
            size = source.path.stat().st_size
            cut = split.cut_point(source.path, size, minimum=self._split_min_bytes)
        except OSError:
            return None
        if cut is None:
            return None
        path = source.path

        def second_half() -> _Half:
            return self._new_half()._read_half(path, cut, size, "utf-8", header, file_index)

        beside = split.Beside(second_half)
        try:
            # The first half is read here, straight into this index: exactly as in one
            # piece, only stopping at the cut.
            with split.open_range(path, 0, cut, encoding) as text:
                again = _Header.read(text, header.file, FindingSink())  # reported already
                if again is None or again.line != header.line:
                    beside.cancel()  # the cut is not past the header (blank lines before it)
                    return None
                first = self._scan(
                    text, header, file_index, sink, on_rows, scale=size / cut, ends_at_cut=True
                )
            if first.binary:
                beside.cancel()  # a NUL: the file is binary, the rest is not read
                return first.rows, first.malformed
            if first.open_at_cut is not None:
                # A quoted cell open at the cut: the cut was not between rows after all.
                beside.cancel()
                return self._read_on_from(
                    path, encoding, header, file_index, sink, first.open_at_cut, first.rows
                )
        except BaseException:
            beside.cancel()
            raise
        second = beside.result()
        if second is not None and second.decimal_comma:
            self._numbers.comma_seen = True
        if (
            second is not None
            and not second.failed
            and self._merge_half(second, source.display, sink, first.end_line - 1)
        ):
            count, malformed = first.rows + second.count, first.malformed or second.malformed
            self.read_in_halves.append(source.display)
        else:
            # The second half shares an observation with the first (or with an earlier
            # file), or its process failed: read it here, row by row, after the first.
            with split.open_range(path, cut, size, "utf-8") as text:
                rest = self._scan(text, header, file_index, sink, None, first_line=first.end_line)
            count, malformed = first.rows + rest.rows, first.malformed or rest.malformed
        if on_rows is not None:
            on_rows(count, size)
        return count, malformed

    def _read_on_from(
        self,
        path: Path,
        encoding: str,
        header: _Header,
        file_index: int,
        sink: FindingSink,
        line: int,
        counted: int,
    ) -> tuple[int, bool]:
        """Read the file in one piece from ``line`` on (the rows before it are read)."""
        with split.open_range(path, 0, path.stat().st_size, encoding) as text:
            _Header.read(text, header.file, FindingSink())
            for _ in range(line - header.line - 1):
                text.readline(LINE_LIMIT)  # the lines the row loop has read (as it counts them)
            rest = self._scan(text, header, file_index, sink, None, first_line=line)
        return counted + rest.rows, rest.malformed

    def _new_half(self) -> ProgressIndex:
        """An empty index with this one's settings and caches: what it reads is merged
        back (``_merge_half``), so it must not repeat the catalog baseline."""
        half = ProgressIndex(
            self._catalog,
            self.as_of,
            date_order=self.date_order,
            decimal=self.decimal,
            checking_only=self._checking_only,
            loop=self._loop,
            split_min_bytes=None,
        )
        half._is_half = True
        half.files = list(self.files)
        half._entities = dict(self._entities)
        half._entity_names = dict(self._entity_names)
        half._inherited_spellings = len(half._entities)
        half._dates = dict(self._dates)
        half._date_index = dict(self._date_index)
        half._date_info = dict(self._date_info)
        return half

    def _read_half(
        self,
        path: Path,
        start: int,
        end: int,
        encoding: str,
        header: _Header,
        file_index: int,
    ) -> _Half:
        """The second half of a file (from the cut), in an index of its own, as plain
        values to be merged into the whole."""
        sink = FindingSink()
        try:
            with split.open_range(path, start, end, encoding) as text:
                # lines counted from 1 here; shifted when merged (``_merge_half``)
                scanned = self._scan(text, header, file_index, sink, None, first_line=1)
        except (UnicodeDecodeError, OSError):
            return _Half(failed=True)
        if self._numbers.waiting:
            # Numbers that wait for the whole file's decimal mark: the half is read again
            # in the parent, which sees the whole file.
            return _Half(failed=True, decimal_comma=self._numbers.comma_seen)
        # Column by column, per target: a tuple per series would cost more than the
        # series themselves while the whole index holds both.
        names = _CHECKED_FIELDS if self._checking_only else _STATE_FIELDS
        states = [
            (target_id, list(slot.series), [[getattr(s, n) for s in slot.series.values()] for n in names])
            for target_id, slot in self._slots.items()
            if slot.series
        ]
        # A series and its slot refer to each other, and the collector is off: let go of
        # this half's series now, not never.
        for slot in self._slots.values():
            slot.series.clear()
        self._keys.clear()
        return _Half(
            failed=False,
            count=scanned.rows,
            malformed=scanned.malformed,
            end_line=scanned.end_line,
            states=states,
            ordinals={i: ordinal for ordinal, i in self._date_index.items()},
            # only the spellings this half learnt (it started from a copy): the whole
            # index has met most of them already, and would hold both copies at once
            entities=list(self._entities)[self._inherited_spellings :],
            candidates=self._candidates,
            entity_places=self._entity_places,
            future=self._future.get(header.file),
            findings=sink.findings,
            dropped=sink.dropped(),
            decimal_comma=self._numbers.comma_seen,
        )

    def _merge_half(self, half: _Half, display: str, sink: FindingSink, offset: int) -> bool:
        """Add a half to this index as if its rows had been read here, its lines shifted
        by ``offset``; False, with nothing changed, when a series has a date both here
        and in the half: that duplicate must be found row by row."""
        code_map = self._code_map(half)
        remapped: dict[int, int] = {}
        for target_id, entities, columns in half.states:
            in_index = self._slots[target_id].series
            for entity, mask in zip(entities, columns[_SEEN], strict=True):
                bits = remapped.get(mask)
                if bits is None:
                    bits = remapped[mask] = _remap_bits(mask, code_map)
                existing = in_index.get(entity)
                if existing is not None and existing.seen & bits:
                    return False
        for finding in half.findings:
            if finding.code is Code.UNKNOWN_ENTITY and finding.text in self._entities:
                continue  # reported once per spelling, as when read in one piece
            sink.add(_shifted(finding, display, offset))
        sink.add_dropped(display, *half.dropped)
        for target_id, entities, columns in half.states:
            slot = self._slots[target_id]
            for i, entity in enumerate(entities):
                values = [column[i] for column in columns]
                self._merge_state(slot, entity, values, remapped[values[_SEEN]], code_map, offset)
        for spelling in half.entities:
            if spelling not in self._entities:
                self._learn_entity(spelling)
        self._candidates |= half.candidates
        for key, place in half.entity_places.items():
            if key not in self._entity_places:
                self._entity_places[key] = _moved(place, display, offset)
        if half.future:
            entry = self._future.setdefault(display, [0, half.future[1] + offset])
            entry[0] += half.future[0]
        return True

    def _code_map(self, half: _Half) -> dict[int, int]:
        """The half's date index -> this index's (new dates get new indices here)."""
        out = {}
        for i, ordinal in sorted(half.ordinals.items()):
            index = self._date_index.get(ordinal)
            if index is None:
                index = self._date_index[ordinal] = len(self._date_index)
            out[i] = index
        return out

    def _merge_state(
        self, slot: _Slot, entity: str, values: list[Any], bits: int, code_map: dict[int, int], offset: int
    ) -> None:
        series = slot.series.get(entity)
        if series is None:
            series = self._new_state(slot, entity)
        series.seen |= bits
        series.count += values[0]
        if len(values) == len(_CHECKED_FIELDS):  # from ``validate``: the count and dates seen
            return
        late, after, *state = values[2:]
        (latest, value, file, line, source, earliest, earliest_value, first_met, *sums) = state
        if late:
            series.reported_late |= _remap_bits(late, code_map)
        if after:
            series.reported_after |= _remap_bits(after, code_map)
        if latest >= 0:
            code = _recode(latest, code_map)
            if code > series.latest:
                series.latest = code
                series.value = value
                series.file = file
                series.line = line + offset
                series.source = source
        if earliest != NEVER:
            code = _recode(earliest, code_map)
            if code < series.earliest:
                series.earliest = code
                series.earliest_value = earliest_value
        if first_met != NEVER:
            series.first_met = min(series.first_met, _recode(first_met, code_map))
        n, st, sy, stt, sty, sly, stly, nonpositive, ylo, yhi, year_start, year_end, year_t, year_y = sums
        if year_start < series.year_start or (year_start == series.year_start and year_t > series.year_t):
            # the half's first year is earlier, or the same with a later point in it
            series.year_start, series.year_end = year_start, year_end
            series.year_t, series.year_y = year_t, year_y
        if n:
            if series.n == 0:
                series.ylo, series.yhi = ylo, yhi
            else:
                series.ylo, series.yhi = min(series.ylo, ylo), max(series.yhi, yhi)
        series.n += n
        series.st += st
        series.sy += sy
        series.stt += stt
        series.sty += sty
        series.sly += sly
        series.stly += stly
        series.nonpositive += nonpositive

    def _series_for(
        self, key: Any, row: list[str], header: _Header, line: int, sink: FindingSink
    ) -> Series | None:
        """The series a new (target, entity, unit) spelling belongs to, checked cell by
        cell; remembered only when every cell is valid, so each bad row is reported."""
        index = header.index
        t_text = row[index["target"]]
        slot = self._target_lookup.get(t_text)
        if slot is None:
            slot = self._slow_target(t_text, row, header, line, sink)
            if slot is None:
                return None
        i_unit = index.get("unit", -1)
        if i_unit >= 0:
            unit = row[i_unit]
            if (
                unit
                and unit not in slot.units_ok
                and not self._check_unit(unit, slot, row, header, line, sink)
            ):
                return None
        entity = ""
        i_entity = index.get("entity", -1)
        if i_entity >= 0:
            e_text = row[i_entity]
            found = self._entities.get(e_text)
            entity = found if found is not None else self._slow_entity(e_text, row, header, line, sink)
        state = slot.series.get(entity)
        if state is None:
            state = self._new_state(slot, entity)
        self._keys[key] = state
        return state

    def _slow_day(
        self, text: str, row: list[str], header: _Header, line: int, sink: FindingSink
    ) -> tuple[int, int, int] | None:
        """(code, bit, days since 2000) of a date on or before the as-of date; None, with a
        finding or a count of later rows, otherwise."""
        code = self._dates.get(text)
        if code is None:
            code = self._slow_date(text, row, header, line, sink)
            if code is None:
                return None
        if code > self._as_of_code:
            self._note_future(header.file, line)
            return None
        day = (code, 1 << (code & LOW), (code >> SHIFT) - EPOCH)
        if text in self._dates:  # a strict ISO spelling: cached like the code
            self._date_info[text] = day
        return day

    def _new_state(self, slot: _Slot, entity: str) -> Series:
        low, high = (0.0, 100.0) if slot.percent else (-sys.float_info.max, sys.float_info.max)
        state: Series = self._loop.Series(
            entity,
            slot,
            slot.numeric,
            low,
            high,
            -1.0 if slot.at_most else 1.0,
            slot.compound,
            slot.level,
        )
        if slot.yearly:
            state.yearly = state.shaped = True
        if slot.base_value is not None and not entity:
            # The catalog's baseline is the national one: the first point of the national
            # trend (SDG method), which then counts only observations from its date on.
            # An entity's trend starts from its own first observation.
            state.base_t = slot.base_t
            if not self._is_half:  # a half's series is added to one that has it already
                state.add_point(slot.base_t, slot.base_value)
        slot.series[entity] = state
        return state

    def _note_future(self, display: str, line: int) -> None:
        entry = self._future.get(display)
        if entry is None:
            self._future[display] = [1, line]
        else:
            entry[0] += 1

    # --- slow paths: each either repairs the cell or records a located finding ------

    def _fix_width(self, row: list[str], expected: int, line: int, display: str, sink: FindingSink) -> bool:
        if not any(cell.strip() for cell in row):
            return False  # a blank line, or a line of empty cells
        if len(row) > expected and not any(cell.strip() for cell in row[expected:]):
            del row[expected:]  # trailing empty columns from a spreadsheet export
            return True
        sink.add(
            Finding(
                Code.FIELD_COUNT,
                Location(display, line, None),
                {"found": len(row), "expected": expected},
                hint="quote cells that contain the delimiter, or fix the row's columns",
            )
        )
        return False

    def _slow_target(
        self, text: str, row: list[str], header: _Header, line: int, sink: FindingSink
    ) -> _Slot | None:
        key = unicodedata.normalize("NFC", text).strip().lower()
        slot = self._slots.get(key)
        if slot is not None:
            self._target_lookup[text] = slot
            return slot
        if not key and not any(cell.strip() for cell in row):
            return None  # a line of empty cells, as spreadsheets export below the data
        if not key:
            sink.add(header.finding(Code.EMPTY_CELL, row, line, "target", {"column": "target"}))
        else:
            sink.add(
                header.finding(
                    Code.UNKNOWN_TARGET,
                    row,
                    line,
                    "target",
                    {"text": text},
                    hint=suggestion(key, self._target_ids) or "run 'dxcheck targets' for the list of ids",
                )
            )
        return None

    def _slow_date(
        self, text: str, row: list[str], header: _Header, line: int, sink: FindingSink
    ) -> int | None:
        try:
            value = cells.parse_date(text, self.date_order)
        except cells.CellError as exc:
            problem = Code.AMBIGUOUS_DATE if exc.ambiguous else Code.INVALID_DATE
            if not text.strip():
                sink.add(header.finding(Code.EMPTY_CELL, row, line, "date", {"column": "date"}))
            else:
                sink.add(
                    header.finding(problem, row, line, "date", {"text": text, "reason": exc.reason}, exc.hint)
                )
            return None
        ordinal = value.toordinal()
        index = self._date_index.get(ordinal)
        if index is None:
            index = self._date_index[ordinal] = len(self._date_index)
        code = (ordinal << SHIFT) | index
        # Only strict ISO spellings are cached: a lenient one is re-checked for its
        # order each time, which is rare and keeps the cache honest.
        if len(text) == 10 and text == value.isoformat():
            self._dates[text] = code
        return code

    def _reported(
        self,
        series: Series,
        code: int,
        bit: int,
        text: str,
        header: _Header,
        row: list[str],
        line: int,
        sink: FindingSink,
    ) -> None:
        """A ``reported`` cell: whether the row arrived after its period's due date (late)
        or after the as-of date (unknown on that day); kept as bits beside ``seen``."""
        day = self._reported_days.get(text)
        if day is None:
            if not text.strip():
                return  # blank: when it was sent is not known, so it is on time
            try:
                day = cells.parse_date(text, self.date_order).toordinal()
            except cells.CellError as exc:
                problem = Code.AMBIGUOUS_DATE if exc.ambiguous else Code.INVALID_DATE
                args: dict[str, object] = {"text": text, "reason": exc.reason}
                sink.add(header.finding(problem, row, line, "reported", args, exc.hint))
                return
            self._reported_days[text] = day
        slot: _Slot = series.owner  # type: ignore[assignment]
        if day > self.as_of.toordinal():
            series.reported_after |= bit
            return
        reporting = slot.reporting
        if reporting is None:
            return  # not reported periodically: nothing is due, nothing is late
        ordinal = code >> SHIFT
        due = slot.dues.get(ordinal)
        if due is None:
            number = index_of(date.fromordinal(ordinal), reporting.every)
            due = slot.dues[ordinal] = due_of(number, reporting).toordinal()
        if day > due:
            series.reported_late |= bit

    def _slow_value(
        self, text: str, slot: _Slot, row: list[str], header: _Header, line: int, sink: FindingSink
    ) -> float | None:
        numbers = self._numbers
        try:
            if slot.numeric:
                value = cells.parse_number(
                    text, percent=slot.percent, decimal=numbers.declared, settled=numbers.mark
                )
                if not math.isfinite(value):
                    raise cells.CellError("is not a finite number", cells.NUMBER_HINT)
                if not numbers.comma_seen and cells.shows_decimal_comma(text):
                    numbers.comma_seen = True
            else:
                value = cells.parse_milestone(text)
        except cells.CellError as exc:
            if exc.ambiguous and numbers.can_wait():
                numbers.waiting.append((line, header.row_text))
                return None
            args: dict[str, object]
            code, args = (
                (Code.INVALID_NUMBER, {"text": text, "target": slot.target.id, "reason": f": {exc.reason}"})
                if slot.numeric
                else (Code.INVALID_MILESTONE, {"text": text, "target": slot.target.id})
            )
            if not text.strip():
                code, args = Code.EMPTY_CELL, {"column": "value"}
            sink.add(header.finding(code, row, line, "value", args, exc.hint))
            return None
        if slot.percent and not 0.0 <= value <= 100.0:
            hint = "a share is between 0 and 100 percent"
            sink.add(header.finding(Code.OUT_OF_RANGE, row, line, "value", {"text": text}, hint))
            return None
        return value

    def _check_unit(
        self, text: str, slot: _Slot, row: list[str], header: _Header, line: int, sink: FindingSink
    ) -> bool:
        given = canonical_unit(text)
        if not given or given == slot.unit:
            slot.units_ok.add(text)
            return True
        expected = slot.target.unit or "(no unit: a milestone)"
        sink.add(
            header.finding(
                Code.UNIT_MISMATCH,
                row,
                line,
                "unit",
                {"text": text, "target": slot.target.id, "unit": expected},
                hint=f"report '{slot.target.id}' in {expected}, or leave the unit cell empty",
            )
        )
        return False

    def _slow_entity(self, text: str, row: list[str], header: _Header, line: int, sink: FindingSink) -> str:
        new = entity_key(text) not in self._entity_names
        key = self._learn_entity(text)
        if key and new:
            self._entity_places[key] = header.location(row, line, "entity")
        if key is None:
            key = entity_key(text)
            assert self._known_entities is not None  # only a list of entities leaves one unknown
            sink.add(
                header.finding(
                    Code.UNKNOWN_ENTITY,
                    row,
                    line,
                    "entity",
                    {"text": text},
                    hint=_entity_hint(key, self._known_entities),
                )
            )
        return key

    def _learn_entity(self, text: str) -> str | None:
        """Remember a new spelling of an entity: its key, and its name if the key is new.
        None (remembered all the same) for a spelling the catalog's entities do not know."""
        key = entity_key(text)
        canonical = self._known_entities.get(key) if self._known_entities is not None and key else None
        if canonical is not None:
            key = entity_key(canonical)
        self._entities[text] = key
        self._entity_names.setdefault(key, canonical or display_name(text))
        unknown = self._known_entities is not None and key != "" and canonical is None
        return None if unknown else key

    def _key_of(self, row: list[str], header: _Header) -> tuple[tuple[str, str, int], float] | None:
        """(target, entity, ordinal) and value of a row, for the duplicate pass."""
        try:
            t_text = row[header.index["target"]]
            d_text = row[header.index["date"]]
            v_text = row[header.index["value"]]
        except IndexError:
            return None
        slot = self._target_lookup.get(t_text) or self._slots.get(t_text.strip().lower())
        if slot is None:
            return None
        try:
            day = cells.parse_date(d_text, self.date_order)
            mark = self._file_marks.get(header.file)
            value = (
                cells.parse_number(v_text, percent=slot.percent, decimal=self.decimal, settled=mark)
                if slot.numeric
                else cells.parse_milestone(v_text)
            )
        except cells.CellError:
            return None
        i_entity = header.index.get("entity", -1)
        entity = entity_key(row[i_entity]) if 0 <= i_entity < len(row) else ""
        return (slot.target.id, entity, day.toordinal()), value


# The state of a series as a half sends it back (plain values: it crosses a pipe).
_STATE_FIELDS = (
    "count",
    "seen",
    "reported_late",
    "reported_after",
    "latest",
    "value",
    "file",
    "line",
    "source",
    "earliest",
    "earliest_value",
    "first_met",
    "n",
    "st",
    "sy",
    "stt",
    "sty",
    "sly",
    "stly",
    "nonpositive",
    "ylo",
    "yhi",
    "year_start",
    "year_end",
    "year_t",
    "year_y",
)
_CHECKED_FIELDS = ("count", "seen")  # all that ``validate`` keeps
_SEEN = 1  # position of "seen" in both


class _Scanned(NamedTuple):
    """What the row loop did with one text."""

    rows: int
    malformed: bool  # the csv module refused a row (reading went on after it)
    end_line: int  # the line after the last row
    open_at_cut: int | None  # reading a first half: the line of a row still open at the cut
    binary: bool = False  # stopped at a NUL character


@dataclass
class _FileNumbers:
    """How the numbers of one file are read. Without ``--decimal``, a number with one
    group of three digits after a comma or a dot ("12.500", "80,000") waits for the end
    of the file: a decimal comma anywhere in its value column ("87,5") settles it, and
    otherwise it is refused with both readings. At most MAX_WAITING rows wait (memory
    stays bounded); past that they are refused at once."""

    MAX_WAITING = 10_000

    declared: cells.DecimalMark | None
    comma_seen: bool = False
    waiting: list[tuple[int, str]] = field(default_factory=list)  # (line, the row's text)
    final: bool = False  # the end of the file: nothing waits any more

    @property
    def mark(self) -> cells.DecimalMark | None:
        if self.declared is not None:
            return self.declared
        return cells.DecimalMark.COMMA if self.comma_seen else None

    def can_wait(self) -> bool:
        return not self.final and len(self.waiting) < self.MAX_WAITING


@dataclass
class _Half:
    """What reading one half of a file gives, to be merged into the whole."""

    failed: bool
    count: int = 0
    malformed: bool = False
    end_line: int = 0
    # per target: the entities, and a column of values per field (_STATE_FIELDS)
    states: list[tuple[str, list[str], list[list[Any]]]] = field(default_factory=list)
    ordinals: dict[int, int] = field(default_factory=dict)  # date index -> ordinal
    entities: list[str] = field(default_factory=list)  # spellings learnt, in order
    candidates: set[tuple[str, str, int]] = field(default_factory=set)
    entity_places: dict[str, Location] = field(default_factory=dict)
    future: list[Any] | None = None
    findings: list[Finding] = field(default_factory=list)
    dropped: tuple[int, bool] = (0, False)
    decimal_comma: bool = False  # a number written with a decimal comma beyond doubt


def _remap_bits(mask: int, code_map: dict[int, int]) -> int:
    out = 0
    while mask:
        low = mask & -mask
        out |= 1 << code_map[low.bit_length() - 1]
        mask ^= low
    return out


def _recode(code: int, code_map: dict[int, int]) -> int:
    return (code & ~LOW) | code_map[code & LOW]


def _shifted(finding: Finding, display: str, offset: int) -> Finding:
    moved = _moved(finding.location, display, offset)
    return finding if moved is finding.location else replace(finding, location=moved)


def _moved(location: Location, display: str, offset: int) -> Location:
    """A location in a half, in the whole file (its lines counted from the cut)."""
    if not offset or location.file != display or location.line is None:
        return location
    return replace(location, line=location.line + offset)


class _FileChecks:
    """The slow paths of the row loop for one file (``rowscan.RowChecks``)."""

    def __init__(
        self,
        index: ProgressIndex,
        header: _Header,
        sink: FindingSink,
        scanner: Any,
        *,
        ends_at_cut: bool,
    ) -> None:
        self.index = index
        self.header = header
        self.sink = sink
        self.scanner = scanner  # rowscan.RowScanner, compiled or not: its row_text
        self.was_malformed = False
        # Reading the first half of a file: its end is the cut, not the end of the file.
        self.ends_at_cut = ends_at_cut
        self.open_at_cut: int | None = None  # the line of a quoted cell still open there

    def fix_width(self, row: list[str], line: int) -> bool:
        return self.index._fix_width(row, self.header.width, line, self.header.file, self.sink)

    def series_for(self, key: Hashable, row: list[str], line: int) -> Series | None:
        self.header.row_text = self.scanner.row_text
        return self.index._series_for(key, row, self.header, line, self.sink)

    def day(self, text: str, row: list[str], line: int) -> tuple[int, int, int] | None:
        self.header.row_text = self.scanner.row_text
        return self.index._slow_day(text, row, self.header, line, self.sink)

    def value(self, text: str, series: Series, row: list[str], line: int) -> float | None:
        slot: _Slot = series.owner  # type: ignore[assignment]
        self.header.row_text = self.scanner.row_text
        return self.index._slow_value(text, slot, row, self.header, line, self.sink)

    def duplicate(self, series: Series, code: int) -> None:
        slot: _Slot = series.owner  # type: ignore[assignment]
        self.index._candidates.add((slot.target.id, series.name, code >> SHIFT))

    def at_baseline(self, series: Series, value: float, row: list[str], line: int) -> None:
        slot: _Slot = series.owner  # type: ignore[assignment]
        if slot.base_value is None or value == slot.base_value:
            return
        base = slot.target.baseline
        assert base is not None  # a series has a baseline date only from the catalog
        self.header.row_text = self.scanner.row_text
        self.sink.add(
            self.header.finding(
                Code.BASELINE_CONFLICT,
                row,
                line,
                "value",
                {
                    "text": row[self.header.index["value"]],
                    "target": slot.target.id,
                    "date": base.date.isoformat(),
                    "baseline": _fmt(slot.base_value),
                },
                hint="the catalog's baseline is the trend's point for that date: correct the row or the baseline",
            )
        )

    def reported(self, series: Series, code: int, bit: int, text: str, row: list[str], line: int) -> None:
        self.header.row_text = self.scanner.row_text
        self.index._reported(series, code, bit, text, self.header, row, line, self.sink)

    def record(self, series: Series, code: int, value: float, row: list[str], line: int) -> None:
        slot: _Slot = series.owner  # type: ignore[assignment]
        if slot.record is None:
            return
        i_source = self.header.index.get("source", -1)
        source_text = (row[i_source] if i_source >= 0 else "") or None
        observed = Observation(date.fromordinal(code >> SHIFT), value, self.header.file, line, source_text)
        slot.record.append((series.name, observed))

    def malformed(self, line: int, reason: str) -> bool:
        if self.ends_at_cut and "unexpected end of data" in reason:
            # Not an error: the row goes on past the cut (a quoted cell spanning lines).
            self.open_at_cut = line
            return False
        self.was_malformed = True
        self.sink.add(
            Finding(
                Code.MALFORMED_CSV,
                Location(self.header.file, line, None),
                {"reason": reason},
                hint=_csv_hint(reason),
            )
        )
        return True

    def binary(self, line: int, column: int) -> None:
        self.sink.add(_binary_finding(self.header.file, line, column))


def bounded_lines(text: IO[str]) -> Iterator[str]:
    """The lines of ``text``, none longer than LINE_LIMIT characters; all in C (no Python
    frame per line), as cheap as iterating the stream itself."""
    return iter(functools.partial(text.readline, LINE_LIMIT), "")


def _position(text: IO[str]) -> int:
    buffer = getattr(text, "buffer", None)
    try:
        return int(buffer.tell()) if buffer is not None else 0
    except (OSError, ValueError):
        return 0


def _entity_hint(key: str, known: dict[str, str]) -> str:
    folded = {fold_accents(k): name for k, name in known.items()}
    stripped = fold_accents(key)
    if stripped in folded:
        return f"did you mean '{folded[stripped]}'? (or add the spelling to its aliases)"
    close = suggestion(stripped, folded)
    if close:
        name = folded[close.split("'")[1]]
        return f"did you mean '{name}'? (or add it to the catalog's entities)"
    return "add it to the catalog's entities, with any other spellings as aliases"


def _fmt(value: float) -> str:
    return f"{value:g}"


def _csv_hint(reason: str) -> str | None:
    if "expected after" in reason:
        return 'a double quote inside a quoted cell is written twice ("")'

    if "field larger than field limit" in reason:
        return f"a cell is longer than {FIELD_SIZE_LIMIT:,} characters: is this really a progress CSV?"
    if "new-line character" in reason or "unexpected end of data" in reason or "EOF" in reason:
        return "a quoted cell is not closed: check the double quotes"
    return None


# --- header -----------------------------------------------------------------------------


@dataclass
class _Header:
    file: str
    names: list[str]
    index: dict[str, int]
    width: int
    dialect: type[csv.Dialect]
    line: int
    # the text of the row being checked (set by the row loop's slow paths): a finding
    # points at the character where the cell starts, however the row was quoted
    row_text: str = ""

    @classmethod
    def read(cls, text: IO[str], file: str, sink: FindingSink) -> _Header | None:
        first = text.readline(LINE_LIMIT)
        line = 1
        while first and not first.strip(" \t\r\n,;"):
            first = text.readline(LINE_LIMIT)
            line += 1
        if not first:
            sink.add(
                Finding(
                    Code.EMPTY_FILE,
                    Location(file, 1, 1),
                    {"reason": "the file is empty: no header row"},
                    hint="the first row names the columns: target,entity,date,value,unit,source",
                )
            )
            return None
        dialect = _dialect_for(first)
        try:
            names = next(csv.reader([first], dialect=dialect))
        except csv.Error as exc:
            # A quote left open in the header (or a header cell over the field limit).
            sink.add(
                Finding(
                    Code.MALFORMED_CSV,
                    Location(file, line, None),
                    {"reason": f"the header row: {exc}"},
                    hint=_csv_hint(str(exc)) or "the header is one line of plain column names",
                )
            )
            return None
        while names and not names[-1].strip():
            names.pop()
        starts = _column_starts(names, dialect.delimiter)
        index: dict[str, int] = {}
        ok = True
        unknown: list[tuple[int, str]] = []
        for i, raw in enumerate(names):
            name = _header_name(raw)
            name = HEADER_ALIASES.get(name, name)
            if name in index:
                sink.add(
                    Finding(
                        Code.DUPLICATE_COLUMN,
                        Location(file, line, starts[i]),
                        {"column": name, "first": index[name] + 1, "second": i + 1},
                        hint="remove or rename one of them",
                    )
                )
                ok = False
            elif name in COLUMNS:
                index[name] = i
            else:
                unknown.append((i, raw))
        missing = [c for c in REQUIRED if c not in index]
        if missing and not index and any(_looks_like_data(n) for n in names):
            # No column name at all, and cells that look like values: the header is missing.
            sink.add(
                Finding(
                    Code.MISSING_COLUMN,
                    Location(file, line, 1),
                    {"column": ", ".join(missing)},
                    hint="the first row must be the header: target,entity,date,value,unit,source",
                )
            )
            return None
        used_hints: set[int] = set()
        for column in missing:
            close = [
                (i, raw)
                for i, raw in unknown
                if i not in used_hints and suggestion(_header_name(raw), [column])
            ]
            hint = f"did you mean '{column}' for column '{close[0][1]}'?" if close else None
            if close:
                used_hints.add(close[0][0])
            sink.add(
                Finding(
                    Code.MISSING_COLUMN,
                    Location(file, line, 1),
                    {"column": column},
                    hint=hint
                    or f"the header needs {', '.join(REQUIRED)}; found {', '.join(names) or 'nothing'}",
                )
            )
            ok = False
        for i, raw in unknown:
            if i in used_hints:
                continue
            hint = suggestion(_header_name(raw), COLUMNS)
            sink.add(
                Finding(
                    Code.UNKNOWN_COLUMN,
                    Location(file, line, starts[i]),
                    {"column": raw},
                    hint=hint or f"known columns: {', '.join(COLUMNS)}",
                )
            )
        if not ok:
            return None
        return cls(file, names, index, len(names), dialect, line)

    def rows(self, text: IO[str]) -> Iterator[tuple[int, list[str]]]:
        """(line, cells) of every row, read on after a malformed row from the line after
        its first line, as the row loop does (the duplicate pass reads with this)."""
        lines = _Taken(bounded_lines(text))
        line = self.line + 1
        while True:
            reader = csv.reader(lines, dialect=self.dialect)
            try:
                for row in reader:
                    start, line = line, line + len(lines.taken)
                    lines.taken.clear()
                    if row:
                        yield start, row
                return
            except csv.Error:
                lines.again = lines.taken[1:] + lines.again
                lines.taken = []
                line += 1

    def finding(
        self,
        code: Code,
        row: list[str],
        line: int,
        column: str,
        args: dict[str, object],
        hint: str | None = None,
    ) -> Finding:
        i = self.index[column]
        text = row[i] if i < len(row) else None
        return Finding(code, self.location(row, line, column), args, hint, text)

    def location(self, row: list[str], line: int, column: str) -> Location:
        """Where the cell of ``column`` starts in a row that starts on ``line``."""
        i = self.index[column]
        lines_down, col = cell_start(self.row_text, row, i, self.dialect.delimiter)
        return Location(self.file, line + lines_down, col)


class _Taken:
    """Lines for the csv module, keeping those it takes for the current row, with lines
    to read again in front."""

    def __init__(self, source: Iterator[str]) -> None:
        self.source = source
        self.again: list[str] = []
        self.taken: list[str] = []

    def __iter__(self) -> _Taken:
        return self

    def __next__(self) -> str:
        line = self.again.pop(0) if self.again else next(self.source)
        self.taken.append(line)
        return line


def _header_name(raw: str) -> str:
    return "_".join(unicodedata.normalize("NFC", raw).replace("\ufeff", "").strip().casefold().split())


def _looks_like_data(cell: str) -> bool:
    """A header cell that is a value: a date, a number, a slug-like target id."""
    text = cell.strip()
    return any(ch.isdigit() for ch in text) or ("-" in text and " " not in text and text.islower())


def cell_start(text: str, row: list[str], index: int, delimiter: str) -> tuple[int, int]:
    """(lines down from the row's first line, 1-based column) where cell ``index`` of a
    row starts, read from the row's text as the csv module reads it: exact with cells
    quoted without need (R's write.csv, pandas QUOTE_ALL) and in rows that span lines.
    Without the text (or one that does not give these cells), estimated from the cells."""
    starts = _starts_in_text(text, delimiter, len(row)) if text else None
    if starts is None or index >= len(starts):
        return 0, _column_starts(row[:index], delimiter)[-1]
    return starts[index]


def _starts_in_text(text: str, delimiter: str, cells: int) -> list[tuple[int, int]] | None:
    starts = [(0, 1)]
    down, column = 0, 1
    quoted = closed = False
    at_start = True
    previous = ""
    for ch in text:
        if ch in "\r\n" and not quoted:
            break  # the end of the row
        if quoted:
            if ch == '"':
                quoted, closed = False, True
            elif ch == "\n" or (ch == "\r"):
                if not (ch == "\n" and previous == "\r"):
                    down += 1
                column = 0
        elif ch == '"' and (at_start or closed):
            quoted, closed = True, False  # an opening quote, or a doubled one inside
        elif ch == delimiter:
            starts.append((down, column + 1))
            closed = False
            at_start = True
            previous = ch
            column += 1
            continue
        at_start = False
        previous = ch
        column += 1
    return starts if len(starts) >= cells else None


def _column_starts(row: list[str], delimiter: str) -> list[int]:
    """The start column of every field, and of the one after the last: O(len(row))."""
    starts = [1]
    for cell in row:
        quoted = any(ch in cell for ch in (delimiter, '"', "\n", "\r"))
        starts.append(starts[-1] + len(cell) + (2 + cell.count('"') if quoted else 0) + 1)
    return starts


def _dialect_for(header_line: str) -> type[csv.Dialect]:
    """Comma unless the header is clearly split by ';' or tab (Excel in decimal-comma locales)."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: (counts[d], d == ","))
    if counts[delimiter] == 0:
        delimiter = ","

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    Dialect.strict = True
    return Dialect


# --- opening and decoding -----------------------------------------------------------------


def _decode_finding(source: InputFile, exc: UnicodeDecodeError) -> Finding:
    if exc.encoding.replace("_", "-").lower().startswith("utf-16"):
        return Finding(
            Code.ENCODING,
            Location(source.display),
            {"reason": f"the file is UTF-16 but not valid UTF-16 ({exc.reason})"},
            hint="the file looks cut short or damaged: export it again, preferably as 'CSV UTF-8'",
        )
    line, column = (None, None)
    if source.path is not None and exc.encoding.replace("_", "-").lower().startswith("utf-8"):
        line, column = _locate_bad_utf8(source.path)
    bad = exc.object[exc.start : exc.start + 1]
    return Finding(
        Code.ENCODING,
        Location(source.display, line, column),
        {
            "reason": f"the file is not valid UTF-8 (byte 0x{bad.hex()}; "
            "it looks like Windows-1258 or another legacy code page)"
        },
        hint="re-export it as 'CSV UTF-8' (Excel: File > Save As > CSV UTF-8; "
        "LibreOffice: Character set: Unicode (UTF-8))",
    )


def _locate_bad_utf8(path: Path) -> tuple[int | None, int | None]:
    """Line and column of the first byte that is not UTF-8 (the error path: re-reads)."""
    line, line_start, offset, carry = 1, 0, 0, b""
    try:
        with path.open("rb") as handle:
            while True:
                chunk = handle.read(1 << 16)
                buf = carry + chunk
                if not buf:
                    return None, None
                try:
                    buf.decode("utf-8")
                    good = len(buf)
                except UnicodeDecodeError as exc:
                    truncated = exc.end == len(buf) and exc.reason == "unexpected end of data" and chunk
                    if not truncated:
                        head = buf[: exc.start]
                        newlines = head.count(b"\n")
                        if newlines:
                            line += newlines
                            line_start = offset + head.rfind(b"\n") + 1
                        text_before = buf[max(0, line_start - offset) : exc.start].decode("utf-8", "replace")
                        return line, len(text_before.removeprefix("\ufeff")) + 1
                    good = exc.start
                done = buf[:good]
                newlines = done.count(b"\n")
                if newlines:
                    line += newlines
                    line_start = offset + done.rfind(b"\n") + 1
                offset += good
                carry = buf[good:]
                if not chunk:
                    return None, None
    except OSError:
        return None, None


@contextmanager
def _open_text(source: InputFile, sink: FindingSink) -> Iterator[IO[str] | None]:
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    try:
        raw = sys.stdin.buffer if source.path is None else source.path.open("rb")
    except IsADirectoryError:
        sink.add(_unreadable(source.display, "it is a directory", "give the CSV files, e.g. data/*.csv"))
        yield None
        return
    except FileNotFoundError:
        sink.add(_unreadable(source.display, "no such file", None))
        yield None
        return
    except PermissionError:
        sink.add(_unreadable(source.display, "permission denied", "check the file's permissions"))
        yield None
        return
    except OSError as exc:
        sink.add(_unreadable(source.display, exc.strerror or str(exc), None))
        yield None
        return
    try:
        buffered: io.BufferedReader = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
        head = buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]
        encoding = _encoding_of(head, source.display, sink)
        if encoding is None:
            yield None
            return
        text = io.TextIOWrapper(buffered, encoding=encoding, errors="strict", newline="")
        try:
            yield text
        finally:
            text.detach()
    finally:
        if source.path is not None:
            raw.close()


def _unreadable(display: str, reason: str, hint: str | None) -> Finding:
    return Finding(Code.INPUT_UNREADABLE, Location(display), {"reason": reason}, hint)


def _encoding_of(head: bytes, display: str, sink: FindingSink) -> str | None:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > len(head) // 4 and even == 0:
            return "utf-16-le"
        if even > len(head) // 4 and odd == 0:
            return "utf-16-be"
        sink.add(_binary_finding(display, 1, None))
        return None
    return "utf-8"


def _binary_finding(display: str, line: int, column: int | None) -> Finding:
    return Finding(
        Code.ENCODING,
        Location(display, line, column),
        {"reason": "this is a binary file, not a CSV (it contains NUL bytes)"},
        hint="export the sheet as CSV; an .xlsx workbook cannot be read directly",
    )


def spool_stdin() -> Path:
    """Copy standard input to a temporary file, so that it can be read twice if needed."""
    import shutil  # only here: start-up time
    import tempfile

    handle = tempfile.NamedTemporaryFile(prefix="dxcheck-stdin-", suffix=".csv", delete=False)  # noqa: SIM115
    with handle:
        shutil.copyfileobj(sys.stdin.buffer, handle, 1 << 20)
    return Path(handle.name)


def bundled_sample() -> InputFile:
    return InputFile("<bundled>/sample-progress.csv", DATA_DIR / "sample-progress.csv")
