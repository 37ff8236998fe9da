"""``--format junit``: JUnit XML, the test-report format every CI system reads.

``render``: one test suite, one test case per result. A result whose status or outlook
is in the gate's ``fail_on`` is a ``<failure>``; a pending one that does not fail the gate
is ``<skipped>``; the rest pass. ``render_problems``: one test case per file checked,
with a ``<failure>`` per error in that file and its warnings in ``<system-out>``.

Built with ElementTree, which escapes markup; characters XML 1.0 cannot carry at all
(control characters other than tab, newline and carriage return; lone surrogates;
U+FFFE and U+FFFF) are shown as ``\\xNN`` instead. No timestamps, host names or
durations: the same report gives the same bytes. Valid against the Jenkins JUnit schema
(tests/data/junit.xsd).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence

from dxcheck.findings import Finding, Severity
from dxcheck.formats import Style
from dxcheck.formats.diagnostics import format_finding
from dxcheck.formats.lexicon import Words
from dxcheck.formats.made import Made
from dxcheck.formats.parts import Pieces, Streamed
from dxcheck.report import Outlook, ProblemReport, Report, Result, Status
from dxcheck.text import printable

SUITE = "dxcheck"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids, and every control or bidi format
    character a report viewer would act on, made visible as ``\\xNN``/``\\uNNNN``."""
    return printable(text, keep="\t\n\r")


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    made = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attributes.items()})
    if text is not None:
        made.text = xml_text(text)
    return made


def _serialise(root: ET.Element) -> str:
    ET.indent(root, space="  ")
    return DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


def case_name(result: Result) -> str:
    return f"{result.target.id} [{result.entity or 'national'}]"


class _Details:
    """A failure's details: several lines, everything a person needs to find the numbers
    behind it. Escaping maps each character on its own, so a line's escaped text is the
    escaped texts of its parts joined; the parts that repeat (a target's lines, an
    entity, a status, a file, a source) are escaped once each (a test keeps the whole
    equal to the text escaped at once)."""

    def __init__(self, words: Words) -> None:
        self.words = words
        # "Entity: ", "Status: "...: the labels, said once
        self._label = {
            key: words(key) + ": "
            for key in (
                *("h_entity", "h_status", "h_outlook", "h_latest", "h_progress"),
                *("s_observations", "s_agency", "j_read_from"),
            )
        }
        national, label = words("national"), self._label
        # each line that repeats across results, escaped once (``_cdata``)
        self._entity = Made[str | None](lambda e: _cdata(label["h_entity"] + (e or national)))
        self._status = Made[tuple[Status, bool]](lambda s: _cdata(label["h_status"] + words.status(*s)))
        self._outlook = Made[Outlook](lambda o: _cdata(label["h_outlook"] + words.outlook(o)))
        self._progress = Made[str](lambda p: _cdata(label["h_progress"] + p))
        self._observations = Made[int](lambda n: _cdata(label["s_observations"] + str(n)))
        self._agency = Made[str](lambda a: _cdata(label["s_agency"] + a))
        self._file = Made[str](lambda f: _cdata(label["j_read_from"] + f))
        self._source = Made[str](lambda s: _cdata(words("r_source", source=s)))

    def cdata(self, result: Result, latest_text: str) -> str:
        """The details, escaped as element text (``_cdata``)."""
        w = self.words
        latest = result.latest
        lines = [
            w.of_target(result, "j_head", _target_cdata),
            self._entity[result.entity],
            self._status[(result.status, result.late)],
            self._outlook[result.trend.outlook],
            w.of_target(result, "j_foot", _goal_cdata),
            _cdata(self._label["h_latest"] + latest_text),
            self._progress[w.percent(result.progress, none="-")],
            self._observations[result.observations],
        ]
        if result.target.agency:
            lines.append(self._agency[result.target.agency])
        if latest is not None:
            # the line number is digits: nothing in it to escape
            lines.append(f"{self._file[latest.file]}:{latest.line}")
            if latest.source:
                lines.append(self._source[latest.source])
        return "\n".join(lines) + "\n"


def _target_line(w: Words, result: Result) -> str:
    target = result.target
    return f"{w('h_target')}: {target.id}: {target.title_in(w.lang)}"


def _target_cdata(w: Words, result: Result) -> str:
    return _cdata(_target_line(w, result))


def _goal_cdata(w: Words, result: Result) -> str:
    return _cdata(_goal_lines(w, result))


class _Message:
    """A result's one-line message (``Words.result_line``) escaped as an attribute, its
    parts escaped once each where they repeat (the template, the words, a target's goal
    and due date); a test keeps it equal to the whole line escaped at once."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self._template = _attribute(words.template("r_line"))
        self._said: dict[object, str] = {}

    def __call__(self, result: Result, latest_text: str) -> str:
        w, said = self.words, self._said
        status_key = (result.status, result.late)
        status = said.get(status_key)
        if status is None:
            status = said[status_key] = _attribute(w.status(result.status, result.late))
        outlook = said.get(result.trend.outlook)
        if outlook is None:
            outlook = said[result.trend.outlook] = _attribute(w.outlook(result.trend.outlook))
        return self._template.format(
            status=status,
            outlook=outlook,
            latest=_attribute(latest_text),
            goal=w.of_target(result, "j_goal", _goal_attribute),
            when=w.of_target(result, "j_when", _when_attribute),
        )


def _goal_attribute(w: Words, result: Result) -> str:
    return _attribute(w.goal_and_when(result)[0])


def _when_attribute(w: Words, result: Result) -> str:
    return _attribute(w.goal_and_when(result)[1])


def _goal_lines(w: Words, result: Result) -> str:
    """The goal and the due date (``days_left`` comes from the due and as-of dates)."""
    due = result.target.due
    return "\n".join((
        f"{w('h_goal')}: {w.level(result, ascii_signs=True)}",
        f"{w('h_due')}: {f'{w.day(due)} ({w.days_left(result.days_left)})' if due else w('no_deadline')}",
    ))  # fmt: skip


class Renderer(Streamed):
    def __init__(self, style: Style) -> None:
        self.style = style

    def pieces(self, report: Report) -> Pieces:
        """The document around its test cases, then one test case at a time: at commune
        scale a tree of 132,000 cases would be most of the memory. Each case is serialised
        by ElementTree as the whole tree would be (same escaping, same indentation)."""
        return Pieces(_Cases(report, Words(self.style.lang)), self._items(report))

    def _items(self, report: Report) -> Iterator[str | Result]:
        # From the report's own counts: two passes over 132,000 results cost more than
        # the document's head (``_failing`` is the report's own rule, a test keeps them so).
        failures = len(report.failing)
        skipped = report.summary[Status.PENDING.value] - sum(
            1 for r in report.failing if r.status is Status.PENDING
        )
        counts = {"tests": str(len(report.results)), "failures": str(failures), "errors": "0"}
        root = ET.Element("testsuites", {"name": SUITE, **counts})
        suite = _element(root, "testsuite", name=f"{SUITE} status", **counts, skipped=str(skipped))
        properties = _element(suite, "properties")
        _element(properties, "property", name="as_of", value=report.as_of.isoformat())
        _element(properties, "property", name="catalog", value=report.catalog)
        _element(properties, "property", name="fail_on", value=",".join(sorted(report.fail_on)))
        for index, name in enumerate(report.inputs, 1):
            _element(properties, "property", name=f"input.{index}", value=name)
        if report.results:
            ET.SubElement(suite, _CASES)  # where the cases go, written one by one
        if report.findings:
            lang = self.style.lang
            _element(
                suite, "system-out", "".join(format_finding(f, lang=lang) + "\n" for f in report.findings)
            )
        document = _serialise(root)
        if not report.results:
            yield document
            return
        head, tail = document.split(f"<{_CASES} />", 1)
        yield head
        for i, result in enumerate(report.results):
            if i:
                yield "\n    "
            yield result
        yield tail

    def render_problems(self, problems: ProblemReport) -> str:
        by_file: dict[str, list[Finding]] = {name: [] for name in problems.files}
        for finding in problems.findings:
            by_file.setdefault(finding.location.file, []).append(finding)
        failed = sum(1 for found in by_file.values() if _errors(found))
        counts = {"tests": str(len(by_file)), "failures": str(failed), "errors": "0"}
        root = ET.Element("testsuites", {"name": SUITE, **counts})
        suite = _element(root, "testsuite", name=f"{SUITE} validate", **counts, skipped="0")
        for name, found in by_file.items():
            case = _element(suite, "testcase", classname=SUITE, name=name)
            for finding in _errors(found):
                _element(
                    case,
                    "failure",
                    format_finding(finding, lang=self.style.lang) + "\n",
                    message=f"{finding.location} {finding.code.id} {finding.located_message_in(self.style.lang)}",
                    type=finding.code.id,
                )
            warnings = [f for f in found if f.effective_severity is not Severity.ERROR]
            if warnings:
                lines = "".join(format_finding(f, lang=self.style.lang) + "\n" for f in warnings)
                _element(case, "system-out", lines)
        return _serialise(root)


_CASES = "dxcheck-cases"


class _Cases:
    """One ``<testcase>`` at a time, exactly as ElementTree writes it two levels deep
    (tests keep the two equal): building an element per case cost more than the case."""

    def __init__(self, report: Report, words: Words) -> None:
        self.report = report
        self.words = words
        self.details = _Details(words)
        self.message = _Message(words)
        self._classnames: dict[str | None, str] = {}
        # a case's name escaped in two parts: its target's, its entity's
        self._target_part = Made[str](lambda t: _attribute(f"{t} ["))
        self._entity_part = Made[str](lambda e: _attribute(f"{e}]"))

    def _name(self, result: Result) -> str:
        """``_attribute(case_name(result))``, from its two parts escaped once each."""
        return self._target_part[result.target.id] + self._entity_part[result.entity or "national"]

    def __call__(self, result: Result) -> str:
        category = result.target.category
        classname = self._classnames.get(category)
        if classname is None:
            classname = self._classnames[category] = _attribute(category or SUITE)
        head = f'<testcase classname="{classname}" name="{self._name(result)}"'
        failing = _failing(self.report, result)
        if failing:
            latest = self.words.latest(result)
            failure = (
                f'<failure message="{self.message(result, latest)}" '
                f'type="{result.status}">'  # a status word needs no escaping
                f"{self.details.cdata(result, latest)}</failure>"
            )
            return f"{head}>\n      {failure}\n    </testcase>"
        if result.status is Status.PENDING:  # and not failing: skipped
            message = self.message(result, self.words.latest(result))
            return f'{head}>\n      <skipped message="{message}" />\n    </testcase>'
        return f"{head} />"


# What each escaping changes: most texts have none of it (one search, no replacing).
_MARKUP = re.compile("[&<>]").search
_IN_ATTRIBUTE = re.compile('["\r\n\t]').search  # beyond the markup


def _cdata(text: str) -> str:
    """ElementTree's escaping of element text (after ``xml_text``)."""
    text = xml_text(text)
    if not _MARKUP(text):
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(text: str) -> str:
    """ElementTree's escaping of an attribute value: markup, quotes, and the whitespace an
    attribute would otherwise lose."""
    text = _cdata(text)
    if not _IN_ATTRIBUTE(text):
        return text
    return text.replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


def _failing(report: Report, result: Result) -> bool:
    return not report.fail_on.isdisjoint(result.gate_words)


def _errors(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.effective_severity is Severity.ERROR]
