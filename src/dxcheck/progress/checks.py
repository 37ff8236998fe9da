"""The slow paths of the row loop (``rowscan.RowChecks``): a row the strict fast forms do
not read goes here, cell by cell, and each cell is either repaired or reported as a
located finding."""

from __future__ import annotations

import math
import unicodedata
from datetime import date
from typing import Any

from dxcheck import cells
from dxcheck.findings import Code, Finding, FindingSink, Location, suggestion
from dxcheck.i18n import Msg, msg
from dxcheck.names import entity_key
from dxcheck.progress.entities import Entities
from dxcheck.progress.header import Header, csv_hint
from dxcheck.progress.numbers import FileNumbers
from dxcheck.progress.source import binary_finding
from dxcheck.progress.store import DateCodes, SeriesStore, Slot
from dxcheck.report import Observation
from dxcheck.reporting import due_of, index_of
from dxcheck.series import LOW, SHIFT, Series
from dxcheck.trend import EPOCH
from dxcheck.units import canonical_unit

Candidates = set[tuple[str, str, int]]  # (target, entity key, ordinal) met twice
LaterRows = dict[str, list[Any]]  # file -> [rows after the as-of date, the first one's line]


class FileChecks:
    """The slow paths for one file (or one half of it): what they read into is given,
    the series, entities, dates and numbers of the reading, and what they find goes to
    ``sink``."""

    def __init__(
        self,
        header: Header,
        sink: FindingSink,
        scanner: Any,
        *,
        store: SeriesStore,
        entities: Entities,
        dates: DateCodes,
        numbers: FileNumbers,
        candidates: Candidates,
        future: LaterRows,
        not_reported: LaterRows,
        date_order: cells.DateOrder | None,
        ends_at_cut: bool,
        spanned_before: int = 0,
    ) -> None:
        self.header = header
        self.sink = sink
        self.scanner = scanner  # rowscan.RowScanner, compiled or not: its row_text
        self.store = store
        self.entities = entities
        self.dates = dates
        self.numbers = numbers
        self.candidates = candidates
        self.future = future
        # rows with no value: "not reported yet" (a template's rows left blank), one warning a file
        self.not_reported = not_reported
        self.date_order = date_order
        self.was_malformed = False
        # Reading the first half of a file: its end is the cut, not the end of the file.
        self.ends_at_cut = ends_at_cut
        self.open_at_cut: int | None = None  # the line of a quoted cell still open there
        # Extra lines of rows spanning lines before this text (read on after a first half,
        # or one row read again): spreadsheet rows are counted from the file's start.
        self.spanned_before = spanned_before

    def _finding(
        self,
        code: Code,
        row: list[str],
        line: int,
        column: str,
        args: dict[str, object],
        hint: Msg | None = None,
    ) -> Finding:
        """A finding at the cell of ``column``, located in the row's own text (the row loop
        keeps it), so the column is exact however the row was quoted."""
        return self.header.finding(
            code,
            row,
            line,
            column,
            args,
            hint,
            row_text=self.scanner.row_text,
            sheet_row=self.sheet_row(line),
        )

    def _location(self, row: list[str], line: int, column: str) -> Location:
        return self.header.location(
            row, line, column, row_text=self.scanner.row_text, sheet_row=self.sheet_row(line)
        )

    def sheet_row(self, line: int) -> int:
        """The spreadsheet row of the row that starts on ``line`` (the one being read):
        its line, less the extra lines of the rows before it whose quoted cells span
        lines. Worked out here, when a finding is made, from what the row loop counts
        for such rows only (rowscan.RowScanner.spanned)."""
        scanner = self.scanner
        spanned: int = scanner.spanned
        if scanner.spanned_at == line:
            spanned -= scanner.spanned_last  # the row being read spans lines itself
        return line - self.spanned_before - spanned

    # --- rowscan.RowChecks ------------------------------------------------------------

    def fix_width(self, row: list[str], line: int) -> bool:
        if not any(cell.strip() for cell in row):
            return False  # a blank line, or a line of empty cells
        expected = self.header.width
        if len(row) > expected and not any(cell.strip() for cell in row[expected:]):
            del row[expected:]  # trailing empty columns from a spreadsheet export
            return True
        self.sink.add(
            Finding(
                Code.FIELD_COUNT,
                Location(self.header.file, line, None),
                {"found": len(row), "expected": expected},
                hint=msg("quote cells that contain the delimiter, or fix the row's columns"),
            )
        )
        return False

    def series_for(self, row: list[str], line: int) -> Series | None:
        """The series of a row whose (target, entity, unit) cells the loop has not met
        together, checked cell by cell; its target and entity cells are remembered
        (``SeriesStore.kinds``) only when every cell is valid, so each bad row is reported."""
        header = self.header
        index = header.index
        t_text = row[index["target"]]
        slot = self.store.target_lookup.get(t_text)
        if slot is None:
            slot = self._target(t_text, row, line)
            if slot is None:
                return None
        i_unit = index.get("unit", -1)
        if i_unit >= 0:
            unit = row[i_unit]
            if unit and unit not in slot.units_ok and not self._unit_ok(unit, slot, row, line):
                return None
        entity = e_text = ""
        i_entity = index.get("entity", -1)
        if i_entity >= 0:
            e_text = row[i_entity]
            found = self.entities.spellings.get(e_text)
            entity = found if found is not None else self._entity(e_text, row, line)
        state = slot.series.get(entity)
        if state is None:
            state = slot.kind.new(entity)
        slot.kind.remember(self.store.kinds, t_text, e_text, state)
        return state

    def day(self, text: str, row: list[str], line: int) -> tuple[int, int, int] | None:
        """(code, bit, days since 2000) of a date on or before the as-of date; None, with a
        finding or a count of later rows, otherwise."""
        dates = self.dates
        code = dates.codes.get(text)
        if code is None:
            code = self._date(text, row, line)
            if code is None:
                return None
        if code > dates.as_of_code:
            self._note_future(line)
            return None
        day = (code, 1 << (code & LOW), (code >> SHIFT) - EPOCH)
        if text in dates.codes:  # a strict ISO spelling: cached like the code
            dates.info[text] = day
        return day

    def value(self, text: str, series: Series, row: list[str], line: int) -> float | None:
        slot: Slot = series.owner  # type: ignore[assignment]
        header = self.header
        numbers = self.numbers
        try:
            if slot.numeric:
                value = cells.parse_number(
                    text, percent=slot.percent, decimal=numbers.declared, settled=numbers.mark
                )
                if not math.isfinite(value):
                    raise cells.CellError(msg("is not a finite number"), cells.NUMBER_HINT)
                if not numbers.comma_seen and cells.shows_decimal_comma(text):
                    numbers.comma_seen = True
            else:
                value = cells.parse_milestone(text)
        except cells.CellError as exc:
            if exc.ambiguous and numbers.can_wait():
                numbers.waiting.append((line, self.scanner.row_text, line - self.sheet_row(line)))
                return None
            code = Code.INVALID_NUMBER if slot.numeric else Code.INVALID_MILESTONE
            args: dict[str, object] = {"text": text, "target": slot.target.id}
            if slot.numeric:
                args["reason"] = msg(": {reason}", reason=exc.reason)
            if not text.strip():
                _count_row(self.not_reported, header.file, line)
                return None
            self.sink.add(self._finding(code, row, line, "value", args, exc.hint))
            return None
        if slot.percent and not 0.0 <= value <= 100.0:
            hint = msg("a share is between 0 and 100 percent")
            self.sink.add(self._finding(Code.OUT_OF_RANGE, row, line, "value", {"text": text}, hint))
            return None
        return value

    def duplicate(self, series: Series, code: int) -> None:
        slot: Slot = series.owner  # type: ignore[assignment]
        self.candidates.add((slot.target.id, series.name, code >> SHIFT))

    def at_baseline(self, series: Series, value: float, row: list[str], line: int) -> None:
        slot: Slot = series.owner  # type: ignore[assignment]
        if slot.base_value is None or value == slot.base_value:
            return
        base = slot.target.baseline
        assert base is not None  # a series has a baseline date only from the catalog
        self.sink.add(
            self._finding(
                Code.BASELINE_CONFLICT,
                row,
                line,
                "value",
                {
                    "text": row[self.header.index["value"]],
                    "target": slot.target.id,
                    "date": base.date.isoformat(),
                    "baseline": fmt(slot.base_value),
                },
                hint=msg(
                    "the catalog's baseline is the trend's point for that date: correct the row or the baseline"
                ),
            )
        )

    def reported(self, series: Series, code: int, bit: int, text: str, row: list[str], line: int) -> None:
        """A ``reported`` cell: whether the row arrived after its period's due date (late)
        or after the as-of date (unknown on that day); kept as bits beside ``seen``."""
        day = self.dates.reported_days.get(text)
        if day is None:
            if not text.strip():
                return  # blank: when it was sent is not known, so it is on time
            try:
                day = cells.parse_date(text, self.date_order).toordinal()
            except cells.CellError as exc:
                problem = Code.AMBIGUOUS_DATE if exc.ambiguous else Code.INVALID_DATE
                args: dict[str, object] = {"text": text, "reason": exc.reason}
                self.sink.add(self._finding(problem, row, line, "reported", args, exc.hint))
                return
            self.dates.reported_days[text] = day
        slot: Slot = series.owner  # type: ignore[assignment]
        if day > self.dates.as_of:
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

    def record(self, series: Series, code: int, value: float, row: list[str], line: int) -> None:
        slot: Slot = series.owner  # type: ignore[assignment]
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
                hint=csv_hint(reason),
            )
        )
        return True

    def binary(self, line: int, column: int) -> None:
        self.sink.add(binary_finding(self.header.file, line, column))

    # --- cell by cell -----------------------------------------------------------------

    def _target(self, text: str, row: list[str], line: int) -> Slot | None:
        store = self.store
        key = unicodedata.normalize("NFC", text).strip().lower()
        slot = store.slots.get(key)
        if slot is not None:
            store.target_lookup[text] = slot
            return slot
        if not key and not any(cell.strip() for cell in row):
            return None  # a line of empty cells, as spreadsheets export below the data
        if not key:
            self.sink.add(self._finding(Code.EMPTY_CELL, row, line, "target", {"column": "target"}))
        else:
            self.sink.add(
                self._finding(
                    Code.UNKNOWN_TARGET,
                    row,
                    line,
                    "target",
                    {"text": text},
                    hint=suggestion(key, store.target_ids)
                    or msg("run 'dxcheck targets' for the list of ids"),
                )
            )
        return None

    def _date(self, text: str, row: list[str], line: int) -> int | None:
        try:
            value = cells.parse_date(text, self.date_order)
        except cells.CellError as exc:
            problem = Code.AMBIGUOUS_DATE if exc.ambiguous else Code.INVALID_DATE
            if not text.strip() and not row[self.header.index["value"]].strip():
                _count_row(self.not_reported, self.header.file, line)  # a row left blank
            elif not text.strip():
                self.sink.add(self._finding(Code.EMPTY_CELL, row, line, "date", {"column": "date"}))
            else:
                args: dict[str, object] = {"text": text, "reason": exc.reason}
                self.sink.add(self._finding(problem, row, line, "date", args, exc.hint))
            return None
        ordinal = value.toordinal()
        code = (ordinal << SHIFT) | self.dates.bit_of(ordinal)
        # Only strict ISO spellings are cached: a lenient one is re-checked for its
        # order each time, which is rare and keeps the cache honest.
        if len(text) == 10 and text == value.isoformat():
            self.dates.codes[text] = code
        return code

    def _note_future(self, line: int) -> None:
        _count_row(self.future, self.header.file, line)

    def _unit_ok(self, text: str, slot: Slot, row: list[str], line: int) -> bool:
        given = canonical_unit(text)
        if not given or given == slot.unit:
            slot.units_ok.add(text)
            return True
        expected: str | Msg = slot.target.unit or msg("(no unit: a milestone)")
        self.sink.add(
            self._finding(
                Code.UNIT_MISMATCH,
                row,
                line,
                "unit",
                {"text": text, "target": slot.target.id, "unit": expected},
                hint=msg(
                    "report '{target}' in {unit}, or leave the unit cell empty",
                    target=slot.target.id,
                    unit=expected,
                ),
            )
        )
        return False

    def _entity(self, text: str, row: list[str], line: int) -> str:
        entities = self.entities
        typed = entity_key(text)  # given to learn, not worked out twice: 5 us a name
        new = typed not in entities.names
        key = entities.learn(text, typed)
        if key and new:
            entities.places[key] = self._location(row, line, "entity")
        if key is None:
            key = typed
            self.sink.add(
                self._finding(
                    Code.UNKNOWN_ENTITY,
                    row,
                    line,
                    "entity",
                    {"text": text},
                    hint=entities.unknown_hint(key),
                )
            )
        return key


def fmt(value: float) -> str:
    return f"{value:g}"


def _count_row(rows: LaterRows, file: str, line: int) -> None:
    """One more row of a kind counted per file, and the first one's line."""
    entry = rows.get(file)
    if entry is None:
        rows[file] = [1, line]
    else:
        entry[0] += 1
