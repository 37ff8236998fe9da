"""``--format json``: one JSON object on stdout (schema: ``dxcheck schema report``)."""

from __future__ import annotations

import json

from dxcheck.formats import Style
from dxcheck.formats.document import problems_document, report_document
from dxcheck.report import ProblemReport, Report


class Renderer:
    def __init__(self, style: Style) -> None:
        self.style = style

    def render(self, report: Report) -> str:
        return json.dumps(report_document(report), ensure_ascii=False, indent=2) + "\n"

    def render_problems(self, problems: ProblemReport) -> str:
        return json.dumps(problems_document(problems), ensure_ascii=False, indent=2) + "\n"
