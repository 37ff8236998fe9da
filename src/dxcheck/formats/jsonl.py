"""``--format jsonl``: one compact JSON object per line, for ``jq``, log shippers and
line-oriented tools.

``render`` writes one object per result: the same fields as a result in the JSON report
(``result_document``) plus ``as_of``; ``render_problems`` one object per finding
(``finding_document``). Nothing else: no header, no summary, and no input gives no lines.
JSON escapes every newline inside a string, so an object never spans two lines.
Streamed (``chunks``): one line per result.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from dxcheck.formats import Style
from dxcheck.formats.document import finding_document, target_fields
from dxcheck.formats.json_text import OutcomeText, value
from dxcheck.formats.made import Made
from dxcheck.formats.parts import Pieces, Streamed
from dxcheck.report import ProblemReport, Report, Result

# What json.dumps(o, ensure_ascii=False, separators=(",", ":")) uses, made once: dumps
# builds a new encoder on every call with those arguments.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _lines(objects: Iterable[Mapping[str, object]]) -> str:
    return "".join(_encode(o) + "\n" for o in objects)


class Renderer(Streamed):
    def __init__(self, style: Style) -> None:
        self.style = style

    def pieces(self, report: Report) -> Pieces:
        """A line per result (``_Lines``), made when it is written."""
        return Pieces(_Lines(report.as_of.isoformat()).of, report.results)

    def render_problems(self, problems: ProblemReport) -> str:
        return _lines(finding_document(f, self.style.lang) for f in problems.findings)


class _Lines:
    """Each line is ``{"as_of": ..., **result_document(result)}`` encoded; the fields a
    line takes from its target are encoded once per target (as in the JSON report)."""

    def __init__(self, as_of: str) -> None:
        self._as_of = as_of
        self._outcome = OutcomeText(",", ":")
        self._per_target: dict[str, tuple[str, str]] = {}
        self._entities = Made[str | None](value)  # an entity's name, encoded once

    def of(self, result: Result) -> str:
        target = result.target
        encoded = self._per_target.get(target.id)
        if encoded is None:
            head = (
                _encode({"as_of": self._as_of, "target": target.id, "title": target.title})[:-1]
                + ',"entity":'
            )
            middle = "," + _encode(target_fields(target))[1:-1] + ","
            encoded = self._per_target[target.id] = (head, middle)
        return encoded[0] + self._entities[result.entity] + encoded[1] + self._outcome(result) + "\n"
