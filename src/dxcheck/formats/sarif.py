"""``--format sarif``: SARIF 2.1.0, the format GitHub code scanning (and other viewers)
read, valid against the official OASIS schema (tests/data/sarif-schema-2.1.0.json).

One run; its tool lists one rule per finding code, with the help text of
``dxcheck explain`` (codes.EXPLANATIONS), then the gate's rules (``status/fail``...) a
status report can break. Each problem (``render_problems``), or each result that fails
the gate and each warning (``render``), is a result with its rule, level, message and
location: file (a URI relative to the folder dxcheck ran in, ``%SRCROOT%``), line and
column (counted in Unicode code points), and the YAML key path as a logical location.
Fingerprints are stable across runs (``formats.issues``). No timestamps: the same report
gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from dxcheck import __version__
from dxcheck.codes import EXPLANATIONS, GATE_RULES
from dxcheck.findings import Code
from dxcheck.formats import Style
from dxcheck.formats.issues import Issue, finding_issues, report_issues
from dxcheck.report import ProblemReport, Report

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "dxcheck/v1"


def artifact_uri(path: str) -> dict[str, str] | None:
    """The artifactLocation of a path as dxcheck names it; None when it names no file
    (standard input, the bundled catalog)."""
    if path.startswith("<"):
        return None
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return {"uri": "file://" + quote(posix, safe="/")}
    # Quoting makes every path a relative reference: ``a:b.csv`` is no URI scheme.
    return {"uri": quote(posix.removeprefix("./"), safe="/"), "uriBaseId": "%SRCROOT%"}


def _text(text: str) -> dict[str, str]:
    return {"text": text}


def code_rule(code: Code) -> dict[str, Any]:
    known = EXPLANATIONS[code]
    example = known.example
    help_text = f"{known.fix}.\n\nExample: {example.command}\n{example.says}"
    return {
        "id": code.id,
        "name": "".join(part.capitalize() for part in code.name.split("_")),
        "shortDescription": _text(known.meaning.replace("`", "")),
        "fullDescription": _text(known.details),
        "help": {
            "text": help_text.replace("`", ""),
            "markdown": f"{known.fix}.\n\nExample: `{example.command}`\n\n```\n{example.says}\n```",
        },
        "defaultConfiguration": {"level": code.severity.value},
    }


def gate_rule(rule: str) -> dict[str, Any]:
    kind, word = rule.split("/")
    text = f"fails the gate on {kind} {word}: {GATE_RULES[rule]}"
    return {
        "id": rule,
        "name": "".join(part.capitalize() for part in (kind, *word.split("_"))),
        "shortDescription": _text(text),
        "help": _text(f"see where the target stands with: dxcheck show TARGET ({GATE_RULES[rule]})"),
        "defaultConfiguration": {"level": "error"},
    }


def _location(issue: Issue) -> list[dict[str, Any]]:
    artifact = artifact_uri(issue.file) if issue.file else None
    location: dict[str, Any] = {}
    if artifact is not None:
        physical: dict[str, Any] = {"artifactLocation": artifact}
        if issue.line is not None:
            region = {"startLine": issue.line}
            if issue.column is not None:
                region["startColumn"] = issue.column
            physical["region"] = region
        location["physicalLocation"] = physical
    if issue.key_path:
        location["logicalLocations"] = [{"fullyQualifiedName": issue.key_path}]
    return [location] if location else []


def _result(issue: Issue, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": issue.rule,
        "ruleIndex": index[issue.rule],
        "level": "error" if issue.error else "warning",
        "message": _text(issue.message),
    }
    locations = _location(issue)
    if locations:
        result["locations"] = locations
    result["partialFingerprints"] = {FINGERPRINT: issue.fingerprint}
    return result


def sarif_log(issues: list[Issue], gate_rules: list[str]) -> dict[str, Any]:
    rules = [code_rule(c) for c in Code] + [gate_rule(r) for r in gate_rules]
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dxcheck",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {
                    "%SRCROOT%": {
                        "description": _text("the folder dxcheck ran in (the repository root in CI)")
                    }
                },
                "results": [_result(i, index) for i in issues],
            }
        ],
    }


def _dump(log: dict[str, Any]) -> str:
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


class Renderer:
    def __init__(self, style: Style) -> None:
        self.style = style

    def render(self, report: Report) -> str:
        issues = report_issues(report, self.style.lang)
        words = sorted(GATE_RULES)
        gates = [r for r in words if r.split("/")[1] in report.fail_on]
        return _dump(sarif_log(issues, gates))

    def render_problems(self, problems: ProblemReport) -> str:
        return _dump(sarif_log(finding_issues(problems.findings, self.style.lang), []))
