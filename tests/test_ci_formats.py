"""The code-scanning formats on the report of tests/test_formats.py: SARIF validated
against the official SARIF 2.1.0 schema, GitLab Code Quality against GitLab's documented
fields, Azure logging commands parsed back as the agent parses them. (Their golden files
are checked by test_formats.test_golden, which loops over every format.)"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxcheck.codes import EXPLANATIONS, GATE_RULES
from dxcheck.findings import Code, Finding, Location, Severity
from dxcheck.formats import Format, renderer
from dxcheck.formats.azure import escape_data, escape_property
from dxcheck.formats.issues import gate_rule
from dxcheck.formats.sarif import artifact_uri
from dxcheck.i18n import Msg
from dxcheck.report import ProblemReport, Report
from dxcheck.text import printable
from tests.test_formats import STYLE, make_reports

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
SARIF_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
Reports = tuple[Report, ProblemReport]


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Reports:
    return make_reports(tmp_path, monkeypatch)


# --- SARIF -------------------------------------------------------------------------------------


def test_the_schema_is_the_official_file() -> None:
    assert hashlib.sha256(SARIF_SCHEMA.read_bytes()).hexdigest() == SARIF_SHA256
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")


# RFC 3986 URI-reference characters; jsonschema does not check the "uri" format itself.
_URI_CHARS = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*")


def _check_uri(uri: str, base: str | None) -> None:
    assert _URI_CHARS.fullmatch(uri), uri
    if base is None:
        assert uri.startswith("file:///"), uri
    else:  # a relative reference: its first segment cannot be read as a scheme
        assert ":" not in uri.split("/")[0], uri


def _sarif(text: str) -> dict[str, Any]:
    doc = json.loads(text)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
    run: dict[str, Any]
    (run,) = doc["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        for location in result.get("locations", []):
            artifact = location["physicalLocation"]["artifactLocation"]
            _check_uri(artifact["uri"], artifact.get("uriBaseId"))
    fingerprints = [r["partialFingerprints"]["dxcheck/v1"] for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)
    return run


def test_sarif_problems(reports: Reports) -> None:
    _, problems = reports
    run = _sarif(renderer(Format.SARIF, STYLE).render_problems(problems))
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.id for c in Code]  # one rule per code, with its help
    for rule, code in zip(rules, Code, strict=True):
        assert rule["fullDescription"]["text"] == EXPLANATIONS[code].details
        assert EXPLANATIONS[code].example.says in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] == code.severity.value
    assert len(run["results"]) == len(problems.findings)
    for result, finding in zip(run["results"], problems.findings, strict=True):
        loc = finding.location
        assert result["ruleId"] == finding.code.id
        assert result["level"] == finding.effective_severity.value
        assert result["message"]["text"].startswith(finding.message)
        physical = result["locations"][0]["physicalLocation"]
        assert unquote(physical["artifactLocation"]["uri"]) == loc.file
        region = physical.get("region", {})
        assert region.get("startLine") == loc.line and region.get("startColumn") == loc.column
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_status(reports: Reports) -> None:
    report, _ = reports
    run = _sarif(renderer(Format.SARIF, STYLE).render(report))
    gates = {r["id"] for r in run["tool"]["driver"]["rules"]} - {c.id for c in Code}
    assert gates == {"status/fail", "status/overdue"}  # the gate's words
    results = run["results"]
    assert len(results) == len(report.failing) + len(report.findings)
    for result, failing in zip(results, report.failing, strict=False):
        assert result["ruleId"] == gate_rule(report, failing) == f"status/{failing.status.value}"
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        expected = failing.latest.file if failing.latest else report.catalog
        assert unquote(artifact["uri"]) == expected
    assert [r["ruleId"] for r in results[len(report.failing) :]] == [f.code.id for f in report.findings]


def test_sarif_gate_on_an_outlook(reports: Reports) -> None:
    report, _ = reports
    early = replace(report, fail_on=frozenset({"missed"}))
    run = _sarif(renderer(Format.SARIF, STYLE).render(early))
    assert {r["ruleId"] for r in run["results"]} - {f.code.id for f in report.findings} == {"outlook/missed"}
    assert set(GATE_RULES) >= {r["id"] for r in run["tool"]["driver"]["rules"][len(Code) :]}


@pytest.mark.parametrize(
    ("path", "uri", "base"),
    [
        ("data/bad.csv", "data/bad.csv", "%SRCROOT%"),
        ("./data/bad.csv", "data/bad.csv", "%SRCROOT%"),
        ("dữ liệu/a b:c%.csv", "d%E1%BB%AF%20li%E1%BB%87u/a%20b%3Ac%25.csv", "%SRCROOT%"),
        ("a:b.csv", "a%3Ab.csv", "%SRCROOT%"),
        ("/tmp/x y.csv", "file:///tmp/x%20y.csv", None),
    ],
)
def test_sarif_uris(path: str, uri: str, base: str | None) -> None:
    made = artifact_uri(path)
    assert made is not None and made["uri"] == uri and made.get("uriBaseId") == base
    _check_uri(uri, base)


def test_sarif_leaves_standard_input_unlocated() -> None:
    assert artifact_uri("<stdin>") is None
    finding = Finding(Code.UNKNOWN_TARGET, Location("<stdin>", 2, 1), {"text": "x"})
    run = _sarif(renderer(Format.SARIF, STYLE).render_problems(ProblemReport(("<stdin>",), (finding,))))
    assert "locations" not in run["results"][0]


# --- fingerprints (SARIF and GitLab share them) ------------------------------------------------


def _finding(line: int, text: str = "x") -> Finding:
    return Finding(Code.UNKNOWN_TARGET, Location("a.csv", line, 1), {"text": text})


def _fingerprints(fmt: Format, findings: tuple[Finding, ...]) -> list[str]:
    text = renderer(fmt, STYLE).render_problems(ProblemReport(("a.csv",), findings))
    if fmt is Format.SARIF:
        return [r["partialFingerprints"]["dxcheck/v1"] for r in json.loads(text)["runs"][0]["results"]]
    return [issue["fingerprint"] for issue in json.loads(text)]


@pytest.mark.parametrize("fmt", [Format.SARIF, Format.GITLAB])
def test_fingerprints_are_stable_and_unique(fmt: Format) -> None:
    first = _fingerprints(fmt, (_finding(2), _finding(3), _finding(4, "y")))
    assert len(set(first)) == 3  # the same problem twice: two issues
    assert first == _fingerprints(fmt, (_finding(2), _finding(3), _finding(4, "y")))  # another run
    # Rows added above move every problem down a line: the issues are the same ones.
    assert first == _fingerprints(fmt, (_finding(12), _finding(13), _finding(14, "y")))
    # A problem fixed before them leaves the others' fingerprints alone.
    assert _fingerprints(fmt, (_finding(4, "y"),)) == [first[2]]


# --- GitLab Code Quality -----------------------------------------------------------------------

# The fields GitLab documents for a Code Quality report (docs.gitlab.com, "Code Quality",
# "Code Quality report format"): required ones, their types, and the severities it knows.
GITLAB_ISSUE = {
    "type": "object",
    "required": ["description", "check_name", "fingerprint", "severity", "location"],
    "properties": {
        "description": {"type": "string", "minLength": 1},
        "check_name": {"type": "string", "minLength": 1},
        "fingerprint": {"type": "string", "minLength": 1},
        "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
        "location": {
            "type": "object",
            "required": ["path", "lines"],
            "properties": {
                "path": {"type": "string", "minLength": 1, "not": {"pattern": "^(/|\\./)"}},
                "lines": {
                    "type": "object",
                    "required": ["begin"],
                    "properties": {"begin": {"type": "integer", "minimum": 1}},
                },
            },
        },
    },
}
GITLAB_REPORT = {"type": "array", "items": GITLAB_ISSUE}


def _gitlab(text: str) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = json.loads(text)
    jsonschema.Draft202012Validator(GITLAB_REPORT).validate(issues)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    return issues


def test_gitlab_problems(reports: Reports) -> None:
    _, problems = reports
    issues = _gitlab(renderer(Format.GITLAB, STYLE).render_problems(problems))
    assert len(issues) == len(problems.findings)
    for issue, finding in zip(issues, problems.findings, strict=True):
        assert issue["check_name"] == finding.code.id
        assert issue["severity"] == ("major" if finding.effective_severity is Severity.ERROR else "minor")
        assert finding.message in issue["description"]
        assert issue["location"]["path"] == finding.location.file
        assert issue["location"]["lines"]["begin"] == (finding.location.line or 1)


def test_gitlab_status(reports: Reports) -> None:
    report, _ = reports
    issues = _gitlab(renderer(Format.GITLAB, STYLE).render(report))
    assert [i["check_name"] for i in issues] == [
        *(gate_rule(report, r) for r in report.failing),
        *(f.code.id for f in report.findings),
    ]
    assert _gitlab(renderer(Format.GITLAB, STYLE).render(replace(report, results=(), findings=()))) == []


# --- Azure Pipelines ---------------------------------------------------------------------------


def _azure_unescape(text: str) -> str:
    """As the agent does (CommandStringConvertor): the mappings, then %AZP25 last."""
    for code, char in (("%3B", ";"), ("%0D", "\r"), ("%0A", "\n"), ("%5D", "]"), ("%AZP25", "%")):
        text = text.replace(code, char)
    return text


def _azure(line: str) -> tuple[dict[str, str], str]:
    """One logging command, parsed as the agent parses it (Command.TryParse)."""
    prefix = "##vso[task.logissue "
    assert line.startswith(prefix), line
    body, _, message = line[len(prefix) :].partition("]")
    props = {}
    for part in body.split(";"):
        if part:
            key, _, value = part.partition("=")
            props[key] = _azure_unescape(value)
    return props, _azure_unescape(message)


def test_azure_problems(reports: Reports) -> None:
    _, problems = reports
    *commands, verdict = renderer(Format.AZURE, STYLE).render_problems(problems).splitlines()
    assert verdict.startswith("validation failed") and "##vso" not in verdict
    assert len(commands) == len(problems.findings)
    for line, finding in zip(commands, problems.findings, strict=True):
        props, message = _azure(line)
        loc = finding.location
        assert props["type"] == finding.effective_severity.value
        assert props["code"] == finding.code.id and props["sourcepath"] == loc.file
        assert props.get("linenumber") == (None if loc.line is None else str(loc.line))
        assert props.get("columnnumber") == (None if loc.column is None else str(loc.column))
        assert message.startswith(printable(finding.message, keep="\r\n"))


def test_azure_status(reports: Reports) -> None:
    report, _ = reports
    *commands, summary = renderer(Format.AZURE, STYLE).render(report).splitlines()
    assert "##vso" not in summary and "Gate" in summary
    assert [_azure(c)[0]["code"] for c in commands] == [
        *(gate_rule(report, r) for r in report.failing),
        *(f.code.id for f in report.findings),
    ]


def test_azure_survives_delimiters_in_every_field() -> None:
    nasty = "50%; a]b\r\nnext ##vso[task.setvariable variable=x]y %AZP25"
    finding = Finding(
        Code.INVALID_FIELD,
        Location("dir;1/a]b%.yaml", 3, 7, "targets[0].id"),
        {"reason": nasty},
        hint=Msg("fix; then]"),
        severity=Severity.WARNING,
    )
    text = renderer(Format.AZURE, STYLE).render_problems(ProblemReport(("x",), (finding,)))
    line, _verdict = text.splitlines()  # one command, whatever the message holds
    props, message = _azure(line)
    assert props == {
        "type": "warning",
        "sourcepath": "dir;1/a]b%.yaml",
        "linenumber": "3",
        "columnnumber": "7",
        "code": "DX105",
    }
    assert message == f"{nasty} (fix; then])"


@given(st.text())
def test_azure_escaping_round_trips(text: str) -> None:
    data, prop = escape_data(text), escape_property(text)
    assert "\n" not in data and "\r" not in data
    assert not {"\n", "\r", ";", "]"} & set(prop)
    shown = printable(text, keep="\r\n")
    assert _azure_unescape(data) == shown
    assert _azure_unescape(prop) == shown
