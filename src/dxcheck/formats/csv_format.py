"""``--format csv``: one row per result (or per finding), for spreadsheets and pandas.

Streamed (``chunks``): the header, then one row at a time.

Values are those of the JSON report (``result_document`` / ``finding_document``), so the
two cannot disagree; nested ``latest`` is flattened to ``latest_*`` columns, ``null`` is
an empty cell, booleans are ``true``/``false``. UTF-8, ``\\n`` line endings, quoting only
where the csv module needs it.

Spreadsheet-safe: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is prefixed with ``'`` so Excel, LibreOffice and Google Sheets show it
as text instead of running it as a formula (OWASP, "CSV Injection"). Numbers this
module writes itself are never prefixed: -5 stays -5.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date

from dxcheck.formats import Style
from dxcheck.formats.document import finding_document, rounded, target_fields
from dxcheck.formats.json_text import PRINTF, PRINTF_BELOW
from dxcheck.formats.made import Made
from dxcheck.formats.parts import Pieces, Streamed
from dxcheck.report import ProblemReport, Report, Result
from dxcheck.text import csv_safe

__all__ = ["FINDING_COLUMNS", "RESULT_COLUMNS", "Renderer", "cell", "csv_safe"]

RESULT_COLUMNS = (
    "target",
    "title",
    "entity",
    "category",
    "agency",
    "status",
    "late",
    "due",
    "days_left",
    "target_level",
    "unit",
    "latest_date",
    "latest_value",
    "latest_file",
    "latest_line",
    "progress",
    "outlook",
    "projected",
    "ratio",
    "required_rate",
    "current_rate",
    "eta",
)
FINDING_COLUMNS = ("code", "severity", "file", "line", "column", "key_path", "message", "text", "hint")


def cell(value: object) -> str:
    """One cell: text made safe; numbers and booleans as written, never prefixed."""
    # Text and floats first (no value is both, nor a bool or an int): the common cells,
    # and this runs for every cell of 100,000s of rows.
    if isinstance(value, str):
        return csv_safe(str(value))
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return csv_safe(str(value))


class _Echo:
    """A file that gives back what is written to it: ``csv.writer(...).writerow`` returns
    what its file's ``write`` returns, so each row comes back as its text."""

    def write(self, text: str) -> str:
        return text


def _lines(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> Iterator[str]:
    writer = csv.writer(_Echo(), lineterminator="\n")
    yield writer.writerow(columns)
    for row in rows:
        yield writer.writerow([cell(row[c]) for c in columns])


def _table(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    return "".join(_lines(columns, rows))


class Renderer(Streamed):
    def __init__(self, style: Style) -> None:
        self.style = style

    def pieces(self, report: Report) -> Pieces:
        """The header, then a row per result (``_Rows``), made when it is written."""
        rows = _Rows()
        return Pieces(rows.of, itertools.chain((rows.writer.writerow(RESULT_COLUMNS),), report.results))

    def render_problems(self, problems: ProblemReport) -> str:
        return _table(FINDING_COLUMNS, ({**finding_document(f, self.style.lang)} for f in problems.findings))


class _Rows:
    """A result's row: ``_row(result)``'s cells, the ones a row takes from its target made
    once per target, and those that repeat across results (an entity, a status, an
    outlook, a file, a date) once each (at 100,000s of results, building a document per
    row was most of the time; a test keeps the cells those of ``cell``)."""

    def __init__(self) -> None:
        self.writer = csv.writer(_Echo(), lineterminator="\n")
        self._per_target: dict[str, tuple[str, ...]] = {}
        # an entity, status, outlook, file or date -> its cell
        self._cells = Made[object](lambda v: cell(v.isoformat() if isinstance(v, date) else v))

    def of(self, result: Result) -> str:
        target = result.target
        fixed = self._per_target.get(target.id)
        if fixed is None:
            fields = target_fields(target)
            fixed = self._per_target[target.id] = tuple(
                cell(v)
                for v in (
                    target.id,
                    target.title,
                    fields["category"],
                    fields["agency"],
                    fields["due"],
                    fields["target_level"],
                    fields["unit"],
                )
            )
        latest = result.latest
        trend = result.trend
        again = self._cells.__getitem__
        # RESULT_COLUMNS' order; values as outcome_fields gives them
        row: str = self.writer.writerow((
            fixed[0], fixed[1], again(result.entity), fixed[2], fixed[3],
            again(result.status), "true" if result.late else "false", fixed[4], cell(result.days_left),
            fixed[5], fixed[6],
            "" if latest is None else again(latest.date),
            "" if latest is None else cell(latest.value),
            "" if latest is None else again(latest.file),
            "" if latest is None else str(latest.line),
            rounded_cell(result.progress),
            again(trend.outlook),
            rounded_cell(trend.projected),
            rounded_cell(trend.ratio),
            rounded_cell(trend.required_rate),
            rounded_cell(trend.current_rate),
            "" if trend.eta is None else again(trend.eta),
        ))  # fmt: skip
        return row


def rounded_cell(number: float | None) -> str:
    """``cell(rounded(number))``: a computed number, rounded as every report rounds it.
    Below 1e11 printf's text without its trailing zeros, as ``json_text._rounded``
    (why it is the same number: there); a whole number without its point, as ``cell``
    writes it ("-0" included: ``cell`` writes 0). A test checks it over every float."""
    if number is None:
        return ""
    if type(number) is float and -PRINTF_BELOW < number < PRINTF_BELOW:
        text = PRINTF(number).rstrip("0")
        if text[-1] != ".":
            return text
        return "0" if text == "-0." else text[:-1]
    return cell(rounded(number))
