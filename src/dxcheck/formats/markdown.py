"""``--format markdown``: GitHub-flavoured Markdown for ``$GITHUB_STEP_SUMMARY`` and PR comments.

A heading, a one-line verdict, the count per status, then the results with the ones that
fail the gate and the overdue ones first. Every string that comes from an input goes
through ``cell``: it renders as literal text inside one table cell, whatever it holds
(pipes, backslashes, HTML, backticks, emphasis, links, newlines, control characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from dxcheck.findings import Finding
from dxcheck.formats import Style
from dxcheck.formats.words import latest_text, level_text, percent
from dxcheck.report import ProblemReport, Report, Result, Status
from dxcheck.text import printable

STATUS_EMOJI = {
    Status.FAIL: "❌",
    Status.OVERDUE: "⏰",
    Status.PASS: "✅",
    Status.PENDING: "⏳",
}
RESULT_COLUMNS = ("status", "target", "entity", "due", "latest", "goal", "progress", "outlook")
PROBLEM_COLUMNS = ("location", "code", "severity", "message", "hint")

# Characters with a meaning in (GitHub-flavoured) Markdown inline text or table rows.
# CommonMark lets a backslash escape any ASCII punctuation, and GFM's table splitter
# treats ``\|`` as a literal pipe, so a backslash before each is enough.
_SPECIAL = re.compile(r"([\\`*_\[\]|~!#])")
_NEWLINE = re.compile(r"\r\n|\r|\n")


def cell(text: str) -> str:
    """``text`` as literal Markdown inside one table cell; newlines become ``<br>``."""
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


def status_cell(result: Result) -> str:
    word = f"{result.status.value} (late)" if result.late else result.status.value
    return f"{STATUS_EMOJI[result.status]} {word}"


def _failing(report: Report, result: Result) -> bool:
    return not report.fail_on.isdisjoint(result.gate_words)


def ordered(report: Report) -> list[Result]:
    """Results failing the gate first, then overdue ones, then the rest; stable."""

    def rank(result: Result) -> int:
        if _failing(report, result):
            return 0
        return 1 if result.status is Status.OVERDUE else 2

    return sorted(report.results, key=rank)


def _result_row(result: Result) -> list[str]:
    target = result.target
    return [
        status_cell(result),
        cell(target.id),
        cell(result.entity) if result.entity else "national",
        target.due.isoformat() if target.due else "none",
        cell(latest_text(result)),
        cell(level_text(result)),
        percent(result.progress),
        result.trend.outlook.value.replace("_", " "),
    ]


def _finding_row(finding: Finding) -> list[str]:
    loc = finding.location
    where = str(loc) + (f" ({loc.key_path})" if loc.key_path else "")
    return [
        cell(where),
        finding.code.id,
        finding.effective_severity.value,
        cell(finding.message),
        cell(finding.hint) if finding.hint else " ",
    ]


def findings_table(findings: Sequence[Finding]) -> str:
    return table(PROBLEM_COLUMNS, (_finding_row(f) for f in findings))


def gate_verdict(report: Report) -> str:
    """One line: whether the gate passed, and on how many results it failed."""
    failing = len(report.failing)
    words = ", ".join(sorted(report.fail_on)) or "nothing"
    as_of = report.as_of.isoformat()
    if report.gate_passed:
        return f"✅ **Gate passed** as of {as_of}: no result fails the gate (fail on: {words})."
    return (
        f"❌ **Gate failed** as of {as_of}: {failing} of {len(report.results)} "
        f"result(s) fail the gate (fail on: {words})."
    )


class Renderer:
    def __init__(self, style: Style) -> None:
        self.style = style

    def render(self, report: Report) -> str:
        return "".join(self.chunks(report))

    def chunks(self, report: Report) -> Iterator[str]:
        """The parts of the page, a blank line between them; the results table a row at
        a time."""
        yield "## dxcheck status\n"
        yield "\n" + gate_verdict(report) + "\n"
        counts = report.summary
        yield "\n" + table(
            ("status", "results"),
            ([f"{STATUS_EMOJI[s]} {s.value}", str(counts[s.value])] for s in Status),
            right=frozenset({"results"}),
        )
        if report.results:
            yield "\n"
            yield from table_lines(
                RESULT_COLUMNS, (_result_row(r) for r in ordered(report)), right=frozenset({"progress"})
            )
        else:
            yield "\nNo results match the selection.\n"
        if report.superseded:
            yield "\n" + "".join(
                f"- superseded: {cell(s.target.id)} (restated as {cell(s.by)} on {s.since.isoformat()})\n"
                for s in report.superseded
            )
        if report.findings:
            yield "\n### Warnings\n"
            yield "\n" + findings_table(report.findings)
        sources = ", ".join(cell(i) for i in report.inputs) or "none"
        yield f"\nCatalog: {cell(report.catalog)}. Inputs: {sources}.\n"

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
            parts.append(findings_table(problems.findings))
        return "\n".join(parts)
