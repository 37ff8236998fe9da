"""``--format gitlab``: a GitLab Code Quality report, so that merge requests show the
problems on their lines (``artifacts: reports: codequality:``).

A JSON array with one issue per problem (``render_problems``), or per result that fails
the gate and per warning (``render``): ``description``, ``check_name`` (the code, or the
gate's rule such as ``status/overdue``), ``fingerprint`` (stable across runs, unique in
the report: ``formats.issues``), ``severity`` in GitLab's words (an error is ``major``, a
warning ``minor``), ``location.path`` and ``location.lines.begin`` (line 1 when the problem
is the whole file). An empty report is ``[]``.
"""

from __future__ import annotations

import json

from typing_extensions import TypedDict

from dxcheck.formats import Style
from dxcheck.formats.issues import Issue, finding_issues, report_issues
from dxcheck.report import ProblemReport, Report


class Lines(TypedDict):
    begin: int


class IssueLocation(TypedDict):
    path: str
    lines: Lines


class CodeQualityIssue(TypedDict):
    type: str
    check_name: str
    description: str
    categories: list[str]
    severity: str
    fingerprint: str
    location: IssueLocation


def code_quality(issue: Issue) -> CodeQualityIssue:
    return {
        "type": "issue",
        "check_name": issue.rule,
        "description": f"{issue.rule}: {issue.message}",
        "categories": ["Bug Risk"],
        "severity": "major" if issue.error else "minor",
        "fingerprint": issue.fingerprint,
        "location": {"path": (issue.file or "").removeprefix("./"), "lines": {"begin": issue.line or 1}},
    }


def _dump(issues: list[Issue]) -> str:
    return json.dumps([code_quality(i) for i in issues], ensure_ascii=False, indent=2) + "\n"


class Renderer:
    def __init__(self, style: Style) -> None:
        self.style = style

    def render(self, report: Report) -> str:
        return _dump(report_issues(report, self.style.lang))

    def render_problems(self, problems: ProblemReport) -> str:
        return _dump(finding_issues(problems.findings, self.style.lang))
