"""``--format markdown``: GitHub-flavoured Markdown for ``$GITHUB_STEP_SUMMARY`` and PR comments.

A heading, a one-line verdict, the count per status, then the results with the ones that
fail the gate and the overdue ones first. Every string that comes from an input goes
through ``cell``: it renders as literal text inside one table cell, whatever it holds
(pipes, backslashes, HTML, backticks, emphasis, links, newlines, control characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from dxcheck.findings import Finding
from dxcheck.formats import Style
from dxcheck.formats.lexicon import Words
from dxcheck.formats.made import Made
from dxcheck.formats.parts import Pieces, Streamed
from dxcheck.i18n import Lang
from dxcheck.report import Outlook, ProblemReport, Report, Result, Status
from dxcheck.text import printable

if TYPE_CHECKING:
    from dxcheck.catalog import Target

STATUS_EMOJI = {
    Status.FAIL: "❌",
    Status.OVERDUE: "⏰",
    Status.PASS: "✅",
    Status.PENDING: "⏳",
}
RESULT_COLUMNS = ("status", "target", "entity", "due", "latest", "goal", "progress", "outlook")
_EN = Words("en")
PROBLEM_COLUMNS = ("location", "code", "severity", "message", "hint")

# Characters with a meaning in (GitHub-flavoured) Markdown inline text or table rows.
# CommonMark lets a backslash escape any ASCII punctuation, and GFM's table splitter
# treats ``\|`` as a literal pipe, so a backslash before each is enough.
_SPECIAL = re.compile(r"([\\`*_\[\]|~!#])")
_NEWLINE = re.compile(r"\r\n|\r|\n")
# Anything ``cell`` would change in a printable line: most cells (ids, names, numbers and
# dates) have none, and at commune scale there are half a million cells.
_TO_ESCAPE = re.compile(r"[\\`*_\[\]|~!#&<>]")


def cell(text: str) -> str:
    """``text`` as literal Markdown inside one table cell; newlines become ``<br>``."""
    if text.isprintable() and _TO_ESCAPE.search(text) is None:
        return text.strip() or " "
    return _escaped_cell(text)


def _escaped_cell(text: str) -> str:
    """``cell`` for any text, line by line (the fast path above must equal it)."""
    lines = []
    for line in _NEWLINE.split(text):
        line = printable(line)
        line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lines.append(_SPECIAL.sub(r"\\\1", line))
    return "<br>".join(lines).strip() or " "


def row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def table(
    columns: Sequence[str], rows: Iterable[Sequence[str]], *, right: frozenset[str] = frozenset()
) -> str:
    """A table; cells must already be escaped."""
    return "".join(table_lines(columns, rows, right=right))


def table_lines(
    columns: Sequence[str], rows: Iterable[Sequence[str]], *, right: frozenset[str] = frozenset()
) -> Iterator[str]:
    """``table`` a line at a time."""
    yield row(columns) + "\n"
    yield row("---:" if c in right else "---" for c in columns) + "\n"
    for cells in rows:
        yield row(cells) + "\n"


def status_cell(result: Result, w: Words | None = None) -> str:
    return _status_text(result.status, result.late, w or _EN)


def _status_text(status: Status, late: bool, w: Words) -> str:
    return f"{STATUS_EMOJI[status]} {w.status(status, late)}"


def _failing(report: Report, result: Result) -> bool:
    return not report.fail_on.isdisjoint(result.gate_words)


def ordered(report: Report) -> list[Result]:
    """Results failing the gate first, then overdue ones, then the rest; stable."""

    def rank(result: Result) -> int:
        if _failing(report, result):
            return 0
        return 1 if result.status is Status.OVERDUE else 2

    return sorted(report.results, key=rank)


class _ResultRows:
    """A result's row of the results table (``RESULT_COLUMNS``) and its line end. The cells
    that repeat across results (a status, a target's, an entity's, an outlook) are made
    once each: at commune scale the table has 132,000 rows (a test keeps each row equal
    to its cells made one by one)."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self._status = Made[tuple[Status, bool]](lambda s: _status_text(*s, words))
        self._entity = Made[str | None](lambda e: cell(e) if e else words("national"))
        self._outlook = Made[Outlook](words.outlook)
        # a target's id and due cells (Words.of_target would be a call each a row)
        self._targets: dict[str, tuple[Target, str, str]] = {}

    def __call__(self, result: Result) -> str:
        w, target = self.words, result.target
        known = self._targets.get(target.id)
        if known is None or known[0] is not target:
            due = w.day(target.due) if target.due else w("none")
            known = self._targets[target.id] = (target, cell(target.id), due)
        cells = (
            self._status[(result.status, result.late)],
            known[1],
            self._entity[result.entity],
            known[2],
            cell(w.latest(result)),
            w.of_target(result, "md_goal", _goal_cell),
            w.percent(result.progress, none="-"),
            self._outlook[result.trend.outlook],
        )
        return "| " + " | ".join(cells) + " |\n"


def _goal_cell(w: Words, result: Result) -> str:
    return cell(w.level(result, ascii_signs=True))


def _finding_row(finding: Finding, lang: Lang | str) -> list[str]:
    loc = finding.location
    where = str(loc) + (f" ({loc.key_path})" if loc.key_path else "")
    return [
        cell(where),
        finding.code.id,
        finding.effective_severity.value,
        cell(finding.located_message_in(lang)),
        cell(finding.hint_in(lang) or "") if finding.hint else " ",
    ]


def findings_table(findings: Sequence[Finding], lang: Lang | str = Lang.EN) -> str:
    """Findings, their messages and hints in ``lang`` (the headings stay English)."""
    return table(PROBLEM_COLUMNS, (_finding_row(f, lang) for f in findings))


def gate_verdict(report: Report, w: Words | None = None) -> str:
    """One line: whether the gate passed, and on how many results it failed."""
    w = w or _EN
    words = ", ".join(sorted(report.fail_on)) or "nothing"
    as_of = w.day(report.as_of)
    if report.gate_passed:
        return w("md_gate_passed", date=as_of, words=words)
    return w(
        "md_gate_failed",
        date=as_of,
        words=words,
        failing=w.number(len(report.failing)),
        total=w.number(len(report.results)),
    )


class Renderer(Streamed):
    def __init__(self, style: Style) -> None:
        self.style = style
        self.words = Words(style.lang)

    def pieces(self, report: Report) -> Pieces:
        """The parts of the page, a blank line between them; the results table a row at
        a time, each row made when it is written."""
        return Pieces(_ResultRows(self.words), self._items(report))

    def _items(self, report: Report) -> Iterator[str | Result]:
        w = self.words
        yield "## dxcheck status\n"
        yield "\n" + gate_verdict(report, w) + "\n"
        counts = report.summary
        yield "\n" + table(
            (w("h_status"), w("h_results")),
            ([f"{STATUS_EMOJI[s]} {w.status(s)}", str(counts[s.value])] for s in Status),
            right=frozenset({w("h_results")}),
        )
        if report.results:
            yield "\n"
            headers = tuple(w(f"h_{c}") for c in RESULT_COLUMNS)
            yield from table_lines(headers, (), right=frozenset({w("h_progress")}))  # the heading rows
            yield from ordered(report)
        else:
            yield "\n" + w("no_results") + "\n"
        if report.superseded:
            yield "\n" + "".join(
                "- " + w("md_superseded", id=cell(s.target.id), by=cell(s.by), date=w.day(s.since)) + "\n"
                for s in report.superseded
            )
        if report.findings:
            yield f"\n### {w('warnings')}\n"
            yield "\n" + findings_table(report.findings, self.style.lang)
        sources = ", ".join(cell(i) for i in report.inputs) or w("none")
        yield "\n" + w("md_footer", catalog=cell(report.catalog), inputs=sources) + "\n"

    def render_problems(self, problems: ProblemReport) -> str:
        found = (
            f"{problems.errors} error(s), {problems.warnings} warning(s)"
            if problems.findings
            else "no problems"
        )
        files = len(problems.files)
        if problems.passed:
            verdict = f"✅ **Validation passed**: {files} file(s) checked, {found}."
        else:
            verdict = f"❌ **Validation failed**: {files} file(s) checked, {found}."
        parts = ["## dxcheck validate\n", verdict + "\n"]
        if problems.findings:
            parts.append(findings_table(problems.findings, self.style.lang))
        return "\n".join(parts)
