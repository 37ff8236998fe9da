"""``--format json``: one JSON object on one line (schema: ``dxcheck schema report``).

Compact on purpose: it is for tools (``jq .`` pretty-prints it), and the stdlib encoder is
C code only without ``indent``; at national scale that is 0.8 s instead of 2.8 s."""

from __future__ import annotations

import json

from dxcheck.formats import Style
from dxcheck.formats.document import outcome_fields, problems_document, report_document, target_fields
from dxcheck.report import ProblemReport, Report

_encode = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(..., ensure_ascii=False) uses


class Renderer:
    def __init__(self, style: Style) -> None:
        self.style = style

    def render(self, report: Report) -> str:
        return report_json(report) + "\n"

    def render_problems(self, problems: ProblemReport) -> str:
        return json.dumps(problems_document(problems, self.style.lang), ensure_ascii=False) + "\n"


def report_json(report: Report) -> str:
    """Exactly ``json.dumps(report_document(report), ensure_ascii=False)``, but the fields
    a result takes from its target are encoded once per target, not once per entity:
    at national scale that is most of the encoding (a test keeps the two identical)."""
    doc = report_document(report, with_results=False)
    tail = {"superseded": doc.pop("superseded"), "warnings": doc.pop("warnings")}  # type: ignore[misc]
    del doc["results"]  # type: ignore[misc]
    per_target: dict[str, tuple[str, str]] = {}
    results: list[str] = []
    for result in report.results:
        target = result.target
        encoded = per_target.get(target.id)
        if encoded is None:
            head = _encode({"target": target.id, "title": target.title})[:-1] + ', "entity": '
            middle = ", " + _encode(target_fields(target))[1:-1] + ", "
            encoded = per_target[target.id] = (head, middle)
        results.append(encoded[0] + _encode(result.entity) + encoded[1] + _encode(outcome_fields(result))[1:])
    return _encode(doc)[:-1] + ', "results": [' + ", ".join(results) + "], " + _encode(tail)[1:]
