"""``--format azure``: Azure DevOps logging commands, shown as errors and warnings on the
pipeline run (``##vso[task.logissue type=error;sourcepath=...;linenumber=...;
columnnumber=...;code=DX210]message``).

One command per problem (``render_problems``), or per result that fails the gate and per
warning (``render``), then the verdict or summary line for people reading the log.

Escaped as Azure Pipelines' task library escapes (azure-pipelines-task-lib,
``escapedata``/``escape``) and the agent unescapes: in a message ``%`` becomes ``%AZP25``,
CR ``%0D`` and LF ``%0A``; in a property also ``;`` becomes ``%3B`` and ``]`` ``%5D``. No
input text can end a command early or start another; control and bidi characters from
the inputs are made visible first, as in every format.
"""

from __future__ import annotations

from dxcheck.formats import Style
from dxcheck.formats.issues import Issue, finding_issues, report_issues
from dxcheck.formats.lexicon import summary_line, verdict_line
from dxcheck.report import ProblemReport, Report
from dxcheck.text import printable


def escape_data(text: str) -> str:
    return printable(text, keep="\r\n").replace("%", "%AZP25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace("]", "%5D").replace(";", "%3B")


def logissue(issue: Issue) -> str:
    properties: dict[str, str | int | None] = {
        "type": "error" if issue.error else "warning",
        "sourcepath": issue.file,
        "linenumber": issue.line,
        "columnnumber": issue.column,
        "code": issue.rule,
    }
    given = ";".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"##vso[task.logissue {given}]{escape_data(issue.message)}\n"


class Renderer:
    def __init__(self, style: Style) -> None:
        self.style = style

    def render(self, report: Report) -> str:
        return (
            "".join(logissue(i) for i in report_issues(report, self.style.lang))
            + summary_line(report, self.style.lang)
            + "\n"
        )

    def render_problems(self, problems: ProblemReport) -> str:
        return (
            "".join(logissue(i) for i in finding_issues(problems.findings, self.style.lang))
            + verdict_line(problems, self.style.lang)
            + "\n"
        )
