"""The header row of a progress CSV (its delimiter, its columns, found however they are
spelt) and where a cell starts in a row, for located findings."""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from dxcheck.findings import Code, Finding, FindingSink, Location, suggestion
from dxcheck.i18n import Msg, msg
from dxcheck.names import fold_accents
from dxcheck.progress.columns import COLUMNS, FIELD_SIZE_LIMIT, HEADER_ALIASES, LINE_LIMIT, REQUIRED
from dxcheck.progress.source import bounded_lines


@dataclass
class Header:
    """The header row of one file: its columns, its dialect, and the line it is on."""

    file: str
    names: list[str]
    index: dict[str, int]
    width: int
    dialect: type[csv.Dialect]
    line: int

    @classmethod
    def read(cls, text: IO[str], file: str, sink: FindingSink) -> Header | None:
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
                    {"reason": msg("the file is empty: no header row")},
                    hint=msg("the first row names the columns: target,entity,date,value,unit,source"),
                )
            )
            return None
        dialect = dialect_for(first)
        try:
            names = next(csv.reader([first], dialect=dialect))
        except csv.Error as exc:
            # A quote left open in the header (or a header cell over the field limit).
            sink.add(
                Finding(
                    Code.MALFORMED_CSV,
                    Location(file, line, None),
                    # the csv module's words for what is wrong stay English
                    {"reason": msg("the header row: {reason}", reason=str(exc))},
                    hint=csv_hint(str(exc)) or msg("the header is one line of plain column names"),
                )
            )
            return None
        while names and not names[-1].strip():
            names.pop()
        starts = column_starts(names, dialect.delimiter)
        index: dict[str, int] = {}
        ok = True
        unknown: list[tuple[int, str]] = []
        for i, raw in enumerate(names):
            name = _header_name(raw)
            name = HEADER_ALIASES.get(fold_accents(name), name)
            if name in index:
                sink.add(
                    Finding(
                        Code.DUPLICATE_COLUMN,
                        _header_cell(file, line, starts[i], i, raw),
                        {"column": name, "first": index[name] + 1, "second": i + 1},
                        hint=msg("remove or rename one of them"),
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
                    hint=msg("the first row must be the header: target,entity,date,value,unit,source"),
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
            hint = (
                msg("did you mean '{column}' for column '{raw}'?", column=column, raw=close[0][1])
                if close
                else None
            )
            if close:
                used_hints.add(close[0][0])
            sink.add(
                Finding(
                    Code.MISSING_COLUMN,
                    Location(file, line, 1),
                    {"column": column},
                    hint=hint
                    or (
                        msg(
                            "the header needs {required}; found {found}",
                            required=", ".join(REQUIRED),
                            found=", ".join(names),
                        )
                        if names
                        else msg("the header needs {required}; found nothing", required=", ".join(REQUIRED))
                    ),
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
                    _header_cell(file, line, starts[i], i, raw),
                    {"column": raw},
                    hint=hint or msg("known columns: {columns}", columns=", ".join(COLUMNS)),
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
        hint: Msg | None = None,
        *,
        row_text: str = "",
        sheet_row: int | None = None,
    ) -> Finding:
        i = self.index[column]
        text = row[i] if i < len(row) else None
        where = self.location(row, line, column, row_text=row_text, sheet_row=sheet_row)
        return Finding(code, where, args, hint, text)

    def location(
        self, row: list[str], line: int, column: str, *, row_text: str = "", sheet_row: int | None = None
    ) -> Location:
        """Where the cell of ``column`` starts in a row that starts on ``line``: exact from
        the row's text when given, else estimated from its cells; with the cell as a
        spreadsheet names it (``sheet_row``: the row's number there, when it is not
        ``line``)."""
        i = self.index[column]
        lines_down, col = cell_start(row_text, row, i, self.dialect.delimiter)
        return Location(
            self.file,
            line + lines_down,
            col,
            field=i,
            header=self.header_text(i),
            row=line if sheet_row is None else sheet_row,
        )

    def header_text(self, i: int) -> str:
        """Column ``i``'s header as written (a byte order mark is not part of it)."""
        return self.names[i].replace("\ufeff", "")


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


def _header_cell(file: str, line: int, column: int, i: int, raw: str) -> Location:
    """A cell of the header row (nothing spans lines above it: its row is its line)."""
    return Location(file, line, column, field=i, header=raw.replace("\ufeff", ""), row=line)


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
        return 0, column_starts(row[:index], delimiter)[-1]
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


def column_starts(row: list[str], delimiter: str) -> list[int]:
    """The start column of every field, and of the one after the last: O(len(row))."""
    starts = [1]
    for cell in row:
        quoted = any(ch in cell for ch in (delimiter, '"', "\n", "\r"))
        starts.append(starts[-1] + len(cell) + (2 + cell.count('"') if quoted else 0) + 1)
    return starts


def dialect_for(header_line: str) -> type[csv.Dialect]:
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


def csv_hint(reason: str) -> Msg | None:
    """A hint for the csv module's reason (which stays English: it is not dxcheck's)."""
    if "expected after" in reason:
        return msg('a double quote inside a quoted cell is written twice ("")')

    if "field larger than field limit" in reason:
        return msg(
            "a cell is longer than {limit} characters: is this really a progress CSV?",
            limit=f"{FIELD_SIZE_LIMIT:,}",
        )
    if "new-line character" in reason or "unexpected end of data" in reason or "EOF" in reason:
        return msg("a quoted cell is not closed: check the double quotes")
    return None
