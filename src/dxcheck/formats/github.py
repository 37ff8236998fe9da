"""``--format github``: GitHub Actions workflow commands, shown as annotations on the run
and on the pull request's changed files.

``render``: an ``::error`` per result that fails the gate, pointing at the CSV line of its
latest observation when there is one, then the summary line. ``render_problems``: an
``::error`` or ``::warning`` per finding, at its file, line and column, then the verdict
line. The plain lines are for people reading the log; the runner ignores them.

Values are escaped exactly as the runner unescapes them (actions/toolkit,
``command.ts``), so no input text can end a command early or start another.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dxcheck.findings import Finding, Severity
from dxcheck.formats import Style
from dxcheck.formats.lexicon import Words, summary_line, verdict_line
from dxcheck.formats.made import Made
from dxcheck.formats.parts import Pieces, Streamed
from dxcheck.i18n import Lang
from dxcheck.report import ProblemReport, Report, Result
from dxcheck.text import printable


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF percent-encoded; other control and bidi
    characters from the inputs made visible, so they cannot drive the CI log."""
    return printable(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as a message, plus ``:`` and ``,`` (they delimit properties)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    """``::name key=value,...::message``; properties that are None are left out."""
    given = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{name}{' ' + given if given else ''}::{escape_data(message)}\n"


def result_message(result: Result, lang: Lang | str = Lang.EN, *, words: Words | None = None) -> str:
    """A result that fails the gate, in ``lang``: where it stands, its title, its source.
    (``words``: the report's, which remember what they said of each target.)"""
    w = words or Words(str(lang))
    message = f"{w.result_line(result)}. {result.target.title_in(w.lang)}"
    if result.latest is not None and result.latest.source:
        message += "\n" + w("r_source", source=result.latest.source)
    return message


def finding_command(finding: Finding, lang: Lang | str = Lang.EN) -> str:
    """One annotation: its message and hint in ``lang``; the command and title as GitHub reads them."""
    loc = finding.location
    name = "error" if finding.effective_severity is Severity.ERROR else "warning"
    hint = finding.hint_in(lang)
    message = finding.located_message_in(lang) + (f" ({hint})" if hint else "")
    return command(name, message, file=loc.file, line=loc.line, col=loc.column, title=finding.code.id)


class Renderer(Streamed):
    def __init__(self, style: Style) -> None:
        self.style = style

    def pieces(self, report: Report) -> Pieces:
        """An annotation a result that fails the gate, made when it is written; then the
        findings' annotations and the summary line."""
        return Pieces(_ResultCommand(Words(self.style.lang)), self._items(report))

    def _items(self, report: Report) -> Iterator[str | Result]:
        yield from report.failing
        # Warnings about the inputs (e.g. rows after the as-of date) annotate their lines too.
        yield from (finding_command(f, self.style.lang) for f in report.findings)
        yield summary_line(report, self.style.lang) + "\n"

    def render_problems(self, problems: ProblemReport) -> str:
        return (
            finding_annotations(problems.findings, lang=self.style.lang)
            + verdict_line(problems, self.style.lang)
            + "\n"
        )


def result_annotations(report: Report, lang: Lang | str = Lang.EN) -> str:
    """An ``::error`` per result that fails the gate, at its latest observation's line."""
    return "".join(result_commands(report, lang))


def result_commands(report: Report, lang: Lang | str = Lang.EN) -> Iterator[str]:
    """``result_annotations`` one annotation at a time."""
    return map(_ResultCommand(Words(str(lang))), report.failing)


class _ResultCommand:
    """The ``::error`` of a result that fails the gate, at its latest observation's line:
    ``command("error", result_message(...), file=..., line=..., title=...)``. Escaping maps
    each character on its own, so the parts that repeat across results (a file, a
    target's title, a source, the halves of a case's title) are escaped once each (a test
    keeps the two equal)."""

    def __init__(self, words: Words) -> None:
        self.words = words  # one for the report: it says each target's goal and due once
        # texts that repeat across results, escaped once: a file, the halves of a title
        self._property = Made[str](escape_property)
        self._data = Made[str](escape_data)  # a target's title, a source

    def __call__(self, result: Result) -> str:
        w, prop, data = self.words, self._property, self._data
        latest, target = result.latest, result.target
        title = prop[f"{target.id} ["] + prop[f"{result.entity or 'national'}]"]
        message = escape_data(w.result_line(result)) + data[f". {target.title_in(w.lang)}"]
        if latest is None:
            return f"::error title={title}::{message}\n"
        if latest.source:
            message += data["\n" + w("r_source", source=latest.source)]
        # a line number is digits: nothing in it to escape
        return f"::error file={prop[latest.file]},line={latest.line},title={title}::{message}\n"


def finding_annotations(findings: Iterable[Finding], *, lang: Lang | str = Lang.EN) -> str:
    return "".join(finding_command(f, lang) for f in findings)
