"""Every output format, on one small report that holds every awkward case.

The report comes from the real engine: a catalog and a progress CSV written to a
temporary directory (a numeric at-least target, an at-most one with a baseline, a
milestone, a target with no deadline; a Vietnamese entity, a spreadsheet-formula entity
full of Markdown and HTML, a ``source`` cell with ``%``, ``,``, ``:``, ``|``, ``<b>`` and a
newline, a row after the as-of date). A ``validate`` run over a broken CSV gives the
problems.

Golden files: ``tests/golden/formats/status.<format>.txt`` and ``problems.<format>.txt``.
After an intended change of output, regenerate them and review the diff::

    DXCHECK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_formats.py

The tool version in the JSON documents is written as ``<version>`` in the goldens, so a
release does not touch them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxcheck import __version__
from dxcheck.check import Options, run_status, run_validate
from dxcheck.findings import Code, Finding, Location, Severity
from dxcheck.formats import Format, Style, renderer
from dxcheck.formats.csv_format import FINDING_COLUMNS, RESULT_COLUMNS, csv_safe
from dxcheck.formats.document import finding_document, result_document
from dxcheck.formats.github import escape_data, escape_property, result_message
from dxcheck.formats.lexicon import Words
from dxcheck.formats.markdown import cell
from dxcheck.i18n import Msg
from dxcheck.report import Outlook, ProblemReport, Report, Result, Status
from dxcheck.text import printable

GOLDEN = Path(__file__).parent / "golden" / "formats"
XSD = Path(__file__).parent / "data" / "junit.xsd"
UPDATE = os.environ.get("DXCHECK_UPDATE_GOLDEN") == "1"
AS_OF = date(2026, 1, 15)
STYLE = Style(color=False, width=120)

FORMULA = "=cmd|' /C calc'!A0 <b>x</b> `y` \\z"
SOURCE = 'Report 100%, page 3: "final"\nsecond line | <b>bold</b>'

CATALOG = """\
version: 1
targets:
  - id: online-services
    title: Public services offered fully online
    category: public-services
    agency: Bộ Công an
    deadline: end of 2025
    target: 80
    unit: percent
  - id: paper-records
    title: Share of records still kept on paper
    category: records
    deadline: end of 2026
    target: 10
    direction: at_most
    unit: percent
    baseline:
      value: 60
      date: 2024-01-01
  - id: data-centre
    title: National data centre in operation
    category: infrastructure
    type: milestone
    deadline: Q3 2025
  - id: digital-skills
    title: People trained in basic digital skills
    target: 1000000
    unit: people
"""

FORMULA_CELL = '"' + FORMULA.replace('"', '""') + '"'
SOURCE_CELL = '"' + SOURCE.replace('"', '""') + '"'
PROGRESS = f"""\
target,entity,date,value,unit,source
online-services,Hà Nội,2025-06-30,70,%,Sở TT&TT Hà Nội
online-services,Hà Nội,2025-12-31,78,%,Sở TT&TT Hà Nội
online-services,Hà Nội,2026-01-10,82,%,Sở TT&TT Hà Nội
online-services,{FORMULA_CELL},2025-06-30,40,%,
online-services,{FORMULA_CELL},2025-12-31,55,%,{SOURCE_CELL}
paper-records,,2025-01-31,40,%,
paper-records,,2025-12-31,8,%,
paper-records,Hà Nội,2025-12-31,30,%,
data-centre,{FORMULA_CELL},2025-10-01,no,,
digital-skills,,2025-06-30,500000,people,
digital-skills,,2025-12-31,650000,people,
digital-skills,,2026-02-01,700000,people,
"""

BAD = """\
target,entity,date,value,colour
online-servics,Hà Nội,2025-06-30,70,red
online-services,Hà Nội,2025-13-45,70,red
online-services,Hà Nội,2025-06-30,"7,0: 100%",red
data-centre,,2025-06-30,"maybe
later",red
"""

HEADER_ONLY = "target,entity,date,value\n"


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Report, ProblemReport]:
    return make_reports(tmp_path, monkeypatch)


def make_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Report, ProblemReport]:
    """The status report and the validation problems, with relative, stable paths."""
    for name, text in {
        "targets.yaml": CATALOG,
        "progress.csv": PROGRESS,
        "bad.csv": BAD,
        "header-only.csv": HEADER_ONLY,
    }.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    # charts: the series the HTML report draws (the other formats ignore them)
    options = Options(catalog=Path("targets.yaml"), inputs=("progress.csv",), as_of=AS_OF, charts=6)
    status = run_status(options)
    assert status.report is not None, status.findings
    checked = run_validate(
        Options(
            catalog=Path("targets.yaml"),
            inputs=("bad.csv", "header-only.csv"),
            as_of=AS_OF,
            use_sample=False,
        )
    )
    return status.report, ProblemReport(checked.files, checked.findings)


def test_fixture_covers_every_case(reports: tuple[Report, ProblemReport]) -> None:
    report, problems = reports
    assert {r.status for r in report.results} == set(Status)
    assert any(r.late for r in report.results)
    assert {r.entity for r in report.results} == {None, "Hà Nội", FORMULA}
    assert any(r.latest is not None and r.latest.source == SOURCE for r in report.results)
    assert any(r.target.due is None for r in report.results)
    assert report.findings and not report.gate_passed
    assert problems.errors and problems.warnings
    assert {f.location.file for f in problems.findings} == {"bad.csv", "header-only.csv"}


# --- golden files ------------------------------------------------------------------------------


def _stable(text: str) -> str:
    text = text.replace(f'"version": "{__version__}"', '"version": "<version>"')
    return text.replace(f"dxcheck {__version__}", "dxcheck <version>")


@pytest.mark.parametrize("kind", ["status", "problems"])
@pytest.mark.parametrize("fmt", list(Format), ids=[f.value for f in Format])
def test_golden(reports: tuple[Report, ProblemReport], fmt: Format, kind: str) -> None:
    report, problems = reports
    made = renderer(fmt, STYLE)
    text = _stable(made.render(report) if kind == "status" else made.render_problems(problems))
    golden = GOLDEN / f"{kind}.{fmt.value}.txt"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(text.encode("utf-8"))
    assert golden.exists(), f"no golden file {golden.name}: run with DXCHECK_UPDATE_GOLDEN=1"
    assert text == golden.read_bytes().decode("utf-8")


# --- JUnit -------------------------------------------------------------------------------------


def _validate_junit(text: str) -> ET.Element:
    xmlschema = pytest.importorskip("xmlschema")
    xmlschema.XMLSchema(str(XSD)).validate(io.StringIO(text))
    return ET.fromstring(text.encode("utf-8"))


def test_junit_status(reports: tuple[Report, ProblemReport]) -> None:
    report, _ = reports
    root = _validate_junit(renderer(Format.JUNIT, STYLE).render(report))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == len(report.results) == int(suite.get("tests", ""))
    failing = [c for c in cases if c.find("failure") is not None]
    skipped = [c for c in cases if c.find("skipped") is not None]
    assert len(failing) == len(report.failing) == int(suite.get("failures", ""))
    assert len(skipped) == int(suite.get("skipped", "")) == report.summary["pending"]
    assert suite.get("errors") == "0" and "timestamp" not in suite.attrib
    for case, result in zip(cases, report.results, strict=True):
        assert case.get("name") == f"{result.target.id} [{result.entity or 'national'}]"
        assert case.get("classname") == (result.target.category or "dxcheck")
        failure = case.find("failure")
        if failure is not None:
            assert failure.get("type") == result.status.value
    # Input text survives escaping: the hostile entity and the multi-line source.
    names = {c.get("name") for c in cases}
    assert f"online-services [{FORMULA}]" in names
    bodies = "".join(c.findtext("failure") or "" for c in cases)
    assert f"source: {SOURCE}" in bodies


@pytest.mark.parametrize(
    "fail_on",
    [frozenset(), frozenset({"pending"}), frozenset({"fail", "overdue", *(o.value for o in Outlook)})],
    ids=["nothing", "pending", "every-outlook"],
)
def test_junit_counts_are_its_cases(reports: tuple[Report, ProblemReport], fail_on: frozenset[str]) -> None:
    """The suite's failures and skipped (from the report's counts) are its failing and
    skipped cases, also when a pending result fails the gate by its outlook."""
    report = replace(reports[0], fail_on=fail_on)
    (suite,) = _validate_junit(renderer(Format.JUNIT, STYLE).render(report)).findall("testsuite")
    cases = suite.findall("testcase")
    assert int(suite.get("failures", "")) == sum(1 for c in cases if c.find("failure") is not None)
    assert int(suite.get("skipped", "")) == sum(1 for c in cases if c.find("skipped") is not None)
    if fail_on and "pending" not in fail_on:
        assert any(r.status is Status.PENDING for r in report.failing)  # the subtraction is used


def test_junit_problems(reports: tuple[Report, ProblemReport]) -> None:
    _, problems = reports
    root = _validate_junit(renderer(Format.JUNIT, STYLE).render_problems(problems))
    (suite,) = root.findall("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert list(cases) == list(problems.files)
    for name, case in cases.items():
        mine = [f for f in problems.findings if f.location.file == name]
        errors = [f for f in mine if f.effective_severity is Severity.ERROR]
        failures = case.findall("failure")
        assert [f.get("message") for f in failures] == [
            f"{f.location} {f.code.id} {f.located_message}" for f in errors
        ]
        out = case.findtext("system-out") or ""
        for warning in (f for f in mine if f not in errors):
            assert warning.code.id in out
    assert int(suite.get("failures", "")) == sum(1 for c in cases.values() if c.find("failure") is not None)


def test_junit_shows_characters_xml_cannot_carry(reports: tuple[Report, ProblemReport]) -> None:
    report, _ = reports
    hostile = "\x1b[31mred\x00 \ufffe end\ttab"
    failing = next(r for r in report.failing if r.latest is not None)
    assert failing.latest is not None
    changed = failing._replace(latest=failing.latest._replace(source=hostile), entity="a\x07b")
    text = renderer(Format.JUNIT, STYLE).render(replace(report, results=(changed,)))
    root = _validate_junit(text)
    case = root.find("testsuite/testcase")
    assert case is not None
    assert case.get("name") == f"{failing.target.id} [a\\x07b]"
    assert "source: \\x1b[31mred\\x00 \\ufffe end\ttab" in (case.findtext("failure") or "")


_HOSTILE = st.text(alphabet=st.sampled_from('a&<>"\r\n\t\x00\x1b\u202e\ufffe{}é '), max_size=12)


@given(parts=st.lists(_HOSTILE, min_size=1, max_size=4), template=_HOSTILE)
def test_junit_escapes_a_part_at_a_time_as_the_whole(parts: list[str], template: str) -> None:
    """JUnit escapes a failure's text a part at a time, and its message as escaped parts
    in an escaped template (``junit._Details.cdata``, ``junit._Message``): right only
    because escaping maps each character on its own."""
    from dxcheck.formats.junit import _attribute, _cdata

    assert "\n".join(_cdata(p) for p in parts) == _cdata("\n".join(parts))
    shape = template.replace("{", "").replace("}", "") + "".join(f"{{p{i}}}" for i in range(len(parts)))
    values = {f"p{i}": p for i, p in enumerate(parts)}
    escaped = {k: _attribute(v) for k, v in values.items()}
    assert _attribute(shape).format(**escaped) == _attribute(shape.format(**values))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_junit_messages_are_the_result_lines_escaped(
    reports: tuple[Report, ProblemReport], lang: str
) -> None:
    """Hostile text in the entity, the source and the unit reaches the message as the
    whole line escaped would."""
    from dxcheck.formats.junit import _attribute, _Message
    from dxcheck.formats.lexicon import Words

    report, _ = reports
    words = Words(lang)
    message = _Message(words)
    for result in report.results:
        odd = result._replace(entity='a"<b>&\t\x1b', late=not result.late)
        for r in (result, odd):
            assert message(r, words.latest(r)) == _attribute(words.result_line(r))
            goal, when = words.goal_and_when(r)
            status, outlook = words.status(r.status, r.late), words.outlook(r.trend.outlook)
            line = words("r_line", status=status, outlook=outlook, latest='<x>&"\n', goal=goal, when=when)
            assert message(r, '<x>&"\n') == _attribute(line)


def _hostile(result: Result, text: str) -> Result:
    """``result`` with ``text`` as its entity, and its latest row's file and source."""
    latest = result.latest
    return result._replace(
        entity=text, latest=None if latest is None else latest._replace(file=f"{text}.csv", source=text)
    )


def _details_as_one_text(words: Words, result: Result, latest_text: str) -> str:
    """A failure's details as plain text, line by line (what ``_Details.cdata`` escapes)."""
    from dxcheck.formats.junit import _goal_lines, _target_line

    def said(key: str) -> str:
        return f"{words(key)}: "

    lines = [
        _target_line(words, result),
        said("h_entity") + (result.entity or words("national")),
        said("h_status") + words.status(result.status, result.late),
        said("h_outlook") + words.outlook(result.trend.outlook),
        _goal_lines(words, result),
        said("h_latest") + latest_text,
        said("h_progress") + words.percent(result.progress, none="-"),
        said("s_observations") + str(result.observations),
    ]
    if result.target.agency:
        lines.append(said("s_agency") + result.target.agency)
    if result.latest is not None:
        lines.append(f"{said('j_read_from')}{result.latest.file}:{result.latest.line}")
        if result.latest.source:
            lines.append(words("r_source", source=result.latest.source))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_junit_details_and_names_are_the_whole_text_escaped(
    reports: tuple[Report, ProblemReport], lang: str
) -> None:
    """A case's details and name are escaped a part at a time, the parts that repeat once
    each: the same text as the whole escaped at once, hostile entity, file and source too."""
    from dxcheck.formats.junit import _attribute, _Cases, _cdata, case_name

    report, _ = reports
    words = Words(lang)
    cases = _Cases(report, words)
    hostile = 'a"<b>&\t\x1b\u202e]'
    checked = 0
    for result in report.results:
        odd = _hostile(result, hostile)
        for r in (result, odd, odd):  # twice: the second time from what was escaped already
            latest_text = words.latest(r)
            assert cases.details.cdata(r, latest_text) == _cdata(_details_as_one_text(words, r, latest_text))
            assert cases._name(r) == _attribute(case_name(r))
            checked += 1
    assert checked == 3 * len(report.results) > 10


def test_junit_empty_report(reports: tuple[Report, ProblemReport]) -> None:
    report, _ = reports
    root = _validate_junit(renderer(Format.JUNIT, STYLE).render(replace(report, results=(), findings=())))
    assert root.find("testsuite/testcase") is None


# --- GitHub Actions ----------------------------------------------------------------------------

_COMMAND = re.compile(r"::(?P<name>[a-z]+)(?: (?P<props>[^:]*))?::(?P<message>.*)")


def _unescape(text: str) -> str:
    """As the runner does (ActionCommand.cs): ``%25`` last."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    match = _COMMAND.fullmatch(line)
    assert match, line
    props: dict[str, str] = {}
    for part in (match["props"] or "").split(","):
        if part:
            key, _, value = part.partition("=")
            props[key] = _unescape(value)
    return match["name"], props, _unescape(match["message"])


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_github_result_commands_are_escaped_as_one_command(
    reports: tuple[Report, ProblemReport], lang: str
) -> None:
    """A result's ``::error``, its repeated parts escaped once each, is ``command()`` of the
    whole message and properties (hostile entity, file, source and title too)."""
    from dxcheck.formats.github import _ResultCommand, command
    from dxcheck.formats.lexicon import Words

    report, _ = reports
    words = Words(lang)
    made = _ResultCommand(words)
    hostile = "a%b:c,d\r\n\x1b\u202e]["
    checked = 0
    for result in report.results:
        odd = _hostile(result, hostile)._replace(target=result.target.model_copy(update={"title": hostile}))
        for r in (result, odd, odd):
            where = r.latest
            expected = command(
                "error",
                result_message(r, words=words),
                file=where.file if where else None,
                line=where.line if where else None,
                title=f"{r.target.id} [{r.entity or 'national'}]",
            )
            assert made(r) == expected
            checked += 1
    assert checked == 3 * len(report.results) > 10


def test_github_status(reports: tuple[Report, ProblemReport]) -> None:
    report, _ = reports
    lines = renderer(Format.GITHUB, STYLE).render(report).splitlines()
    *commands, summary = lines
    assert not summary.startswith("::")
    assert len(commands) == len(report.failing) + len(report.findings)
    warnings = commands[len(report.failing) :]
    assert [_parse(w)[0] for w in warnings] == ["warning"] * len(report.findings)
    assert [_parse(w)[1]["title"] for w in warnings] == [f.code.id for f in report.findings]
    for line, result in zip(commands, report.failing, strict=False):
        name, props, message = _parse(line)
        assert name == "error"
        assert message == result_message(result)
        assert props["title"] == f"{result.target.id} [{result.entity or 'national'}]"
        if result.latest is None:
            assert "file" not in props and "line" not in props
        else:
            assert props["file"] == result.latest.file
            assert props["line"] == str(result.latest.line)
    assert any(SOURCE in _parse(line)[2] for line in commands)


def test_github_problems(reports: tuple[Report, ProblemReport]) -> None:
    _, problems = reports
    lines = renderer(Format.GITHUB, STYLE).render_problems(problems).splitlines()
    *commands, verdict = lines
    assert verdict.startswith("validation failed")
    assert len(commands) == len(problems.findings)
    for line, finding in zip(commands, problems.findings, strict=True):
        name, props, message = _parse(line)
        assert name == finding.effective_severity.value
        assert props["title"] == finding.code.id
        assert props["file"] == finding.location.file
        assert props.get("line") == (None if finding.location.line is None else str(finding.location.line))
        assert props.get("col") == (None if finding.location.column is None else str(finding.location.column))
        assert message.startswith(finding.message)


def test_github_survives_delimiters_in_every_field() -> None:
    nasty = "50%, a:b\r\nnext line %0A::error::x"
    finding = Finding(
        Code.INVALID_FIELD,
        Location("dir,1/a:b%.yaml", 3, None, "targets[0].id"),
        {"reason": nasty},
        hint=Msg("fix: this, then %that"),
        severity=Severity.WARNING,
    )
    text = renderer(Format.GITHUB, STYLE).render_problems(ProblemReport(("x",), (finding,)))
    line, verdict = text.splitlines()  # one command, whatever the message holds
    assert not verdict.startswith("::")
    name, props, message = _parse(line)
    assert name == "warning"
    assert props == {"file": "dir,1/a:b%.yaml", "line": "3", "title": "DX105"}
    assert message == f"{nasty} (fix: this, then %that)"


@given(st.text())
def test_github_escaping_round_trips(text: str) -> None:
    data = escape_data(text)
    prop = escape_property(text)
    assert "\n" not in data and "\r" not in data
    assert not {"\n", "\r", ":", ","} & set(prop)
    # What comes back is the text as dxcheck shows it: control and bidi characters made
    # visible (printable), CR and LF kept for the runner to restore.
    shown = printable(text, keep="\r\n")
    assert _unescape(data) == shown
    assert _unescape(prop) == shown


# --- Markdown ----------------------------------------------------------------------------------


def _pipes(line: str) -> int:
    """Pipes that delimit cells: those not escaped by an odd run of backslashes."""
    return sum(1 for m in re.finditer(r"(\\*)\|", line) if len(m[1]) % 2 == 0)


def _tables(text: str) -> list[list[str]]:
    tables: list[list[str]] = []
    current: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def _check_tables(text: str) -> int:
    tables = _tables(text)
    for rows in tables:
        header, rule, *body = rows
        assert re.fullmatch(r"\|( -{3}:? \|)+", rule)
        assert all(_pipes(row) == _pipes(header) for row in [rule, *body]), rows
    # No HTML from the inputs: the only tag is the line break the renderer writes.
    assert not re.search(r"<(?!br>)", text)
    return len(tables)


def test_markdown_status(reports: tuple[Report, ProblemReport]) -> None:
    report, _ = reports
    text = renderer(Format.MARKDOWN, STYLE).render(report)
    assert text.startswith("## ")
    assert "**Gate failed**" in text and AS_OF.isoformat() in text
    assert _check_tables(text) == 3  # counts, results, warnings
    results = _tables(text)[1][2:]
    assert len(results) == len(report.results)
    failing = len(report.failing)
    assert all(("❌" in row or "⏰" in row) for row in results[:failing])
    assert "`" not in text.replace("\\`", "")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_markdown_rows_are_their_cells_made_one_by_one(
    reports: tuple[Report, ProblemReport], lang: str
) -> None:
    """Each results row, its repeated cells made once, is the row of its cells made one by
    one (hostile entities and a target changed under the same id too)."""
    from dxcheck.formats.markdown import _ResultRows, cell, row, status_cell

    report, _ = reports
    words = Words(lang)
    rows = _ResultRows(words)

    def one_by_one(r: Result) -> str:
        target = r.target
        cells = [
            status_cell(r, words),
            cell(target.id),
            cell(r.entity) if r.entity else words("national"),
            words.day(target.due) if target.due else words("none"),
            cell(words.latest(r)),
            cell(words.level(r, ascii_signs=True)),
            words.percent(r.progress, none="-"),
            words.outlook(r.trend.outlook),
        ]
        return row(cells) + "\n"

    checked = 0
    for result in report.results:
        odd = result._replace(entity="a|b*`<c>&\x1b", late=not result.late)
        moved = result._replace(target=result.target.model_copy(update={"target": 12345.0, "due": None}))
        for r in (result, odd, moved, result):
            assert rows(r) == one_by_one(r)
            checked += 1
    assert checked == 4 * len(report.results) > 10


def test_markdown_problems(reports: tuple[Report, ProblemReport]) -> None:
    _, problems = reports
    text = renderer(Format.MARKDOWN, STYLE).render_problems(problems)
    assert "**Validation failed**" in text
    assert _check_tables(text) == 1
    assert len(_tables(text)[0]) == 2 + len(problems.findings)


@given(st.text())
def test_markdown_cell_stays_one_cell(text: str) -> None:
    line = "| " + cell(text) + " | x |"
    assert _pipes(line) == 3
    assert "\n" not in line and "\r" not in line
    assert not re.search(r"<(?!br>)", line)
    assert not re.search(r"(?<!\\)(\\\\)*`", line)


def test_markdown_cell_examples() -> None:
    assert cell(SOURCE) == 'Report 100%, page 3: "final"<br>second line \\| &lt;b&gt;bold&lt;/b&gt;'
    assert cell("a\\|b") == "a\\\\\\|b"
    assert cell("[x](http://e) ![i](u) *em* _u_ ~s~") == (
        "\\[x\\](http://e) \\!\\[i\\](u) \\*em\\* \\_u\\_ \\~s\\~"
    )
    assert cell("") == " "


# --- CSV ---------------------------------------------------------------------------------------

_DANGER = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _check_cells(rows: list[list[str]]) -> None:
    for row in rows:
        for value in row:
            assert not value.startswith(_DANGER) or _is_number(value), value


def _expected(value: object, got: str) -> None:
    if value is None:
        assert got == ""
    elif isinstance(value, bool):
        assert got == str(value).lower()
    elif isinstance(value, int | float):
        assert float(got) == value
    else:
        assert got == csv_safe(str(value))


def test_csv_status(reports: tuple[Report, ProblemReport]) -> None:
    report, _ = reports
    text = renderer(Format.CSV, STYLE).render(report)
    assert "\r" not in text
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(header) == RESULT_COLUMNS
    assert len(rows) == len(report.results)
    _check_cells(rows)
    for row, result in zip(rows, report.results, strict=True):
        doc: dict[str, object] = {**result_document(result)}
        latest = result.latest
        doc |= {
            "latest_date": latest.date.isoformat() if latest else None,
            "latest_value": latest.value if latest else None,
            "latest_file": latest.file if latest else None,
            "latest_line": latest.line if latest else None,
        }
        for column, got in zip(header, row, strict=True):
            _expected(doc[column], got)
    entities = [row[header.index("entity")] for row in rows]
    assert "'" + FORMULA in entities and "Hà Nội" in entities
    assert "-15" in [row[header.index("days_left")] for row in rows]


def test_csv_problems(reports: tuple[Report, ProblemReport]) -> None:
    _, problems = reports
    text = renderer(Format.CSV, STYLE).render_problems(problems)
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(header) == FINDING_COLUMNS
    _check_cells(rows)
    for row, finding in zip(rows, problems.findings, strict=True):
        doc: dict[str, object] = {**finding_document(finding)}
        for column, got in zip(header, row, strict=True):
            _expected(doc[column], got)
    assert any("\n" in row[header.index("text")] for row in rows)  # a quoted multi-line cell survives


def test_csv_safe() -> None:
    for danger in _DANGER:
        assert csv_safe(danger + "1+1") == "'" + danger + "1+1"
    assert csv_safe("Hà Nội") == "Hà Nội"
    assert csv_safe("a=b") == "a=b"
    assert csv_safe("") == ""
    assert csv_safe("'=x") == "'=x"


# --- JSON Lines --------------------------------------------------------------------------------


def test_jsonl_status(reports: tuple[Report, ProblemReport]) -> None:
    report, _ = reports
    text = renderer(Format.JSONL, STYLE).render(report)
    lines = text.splitlines()
    assert text.endswith("\n") and len(lines) == len(report.results)
    for line, result in zip(lines, report.results, strict=True):
        doc = json.loads(line)
        assert doc.pop("as_of") == AS_OF.isoformat()
        assert doc == json.loads(json.dumps(result_document(result)))


def test_jsonl_problems(reports: tuple[Report, ProblemReport]) -> None:
    _, problems = reports
    lines = renderer(Format.JSONL, STYLE).render_problems(problems).splitlines()
    assert [json.loads(line) for line in lines] == [finding_document(f) for f in problems.findings]


def test_jsonl_empty(reports: tuple[Report, ProblemReport]) -> None:
    report, _ = reports
    made = renderer(Format.JSONL, STYLE)
    assert made.render(replace(report, results=())) == ""
    assert made.render_problems(ProblemReport(("a.csv",), ())) == ""


@pytest.mark.parametrize(
    ("fraction", "expected"),
    [
        (0.95, "#######. 95%"),
        (0.999, "#######. 99%"),
        (1.0, "######## 100%"),
        (1.06, "######## 106%"),
        (0.0, "........ 0%"),
        (10.32, "######## 1,032%"),
    ],
)
def test_a_bar_is_full_only_when_the_target_is_reached(fraction: float, expected: str) -> None:
    from dxcheck.formats.lexicon import bar

    assert bar(fraction, fancy=False, words=Words("en")) == expected
    # the share as the language writes numbers
    assert bar(fraction, fancy=False, words=Words("vi")) == expected.replace(",", ".")


def test_a_result_sentence_says_each_results_own_days_left(reports: tuple[Report, ProblemReport]) -> None:
    """The words remember what they said of a target's goal and due date, per days left:
    the same target on another as-of date (``diff``) or another catalog is said anew."""
    from dxcheck.formats.lexicon import Words

    report, _ = reports
    result = next(r for r in report.results if r.target.due is not None)
    words = Words("en")
    first = words.result_line(result)
    later = words.result_line(result._replace(days_left=(result.days_left or 0) - 400))
    assert first != later and first == Words("en").result_line(result)
    other = result._replace(target=result.target.model_copy(update={"target": 12345.0}))
    assert "12,345" in words.result_line(other) and "12,345" not in first


def test_a_made_text_is_made_once_per_value() -> None:
    from dxcheck.formats.made import Made

    calls: list[str] = []

    def make(value: str) -> str:
        calls.append(value)
        return value.upper()

    made = Made[str](make)
    assert [made[v] for v in ("hà nội", "huế", "hà nội", "huế")] == ["HÀ NỘI", "HUẾ", "HÀ NỘI", "HUẾ"]
    assert calls == ["hà nội", "huế"] and len(made) == 2
