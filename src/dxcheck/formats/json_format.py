"""``--format json``: one JSON object on one line (schema: ``dxcheck schema report``).

Compact on purpose: it is for tools (``jq .`` pretty-prints it), and the stdlib encoder is
C code only without ``indent``; at national scale that is 0.8 s instead of 2.8 s."""

from __future__ import annotations

import json

from dxcheck.formats import Style
from dxcheck.formats.document import problems_document, report_document
from dxcheck.report import ProblemReport, Report


class Renderer:
    def __init__(self, style: Style) -> None:
        self.style = style

    def render(self, report: Report) -> str:
        return json.dumps(report_document(report), ensure_ascii=False) + "\n"

    def render_problems(self, problems: ProblemReport) -> str:
        return json.dumps(problems_document(problems), ensure_ascii=False) + "\n"
