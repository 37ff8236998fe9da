"""``--format json``: one JSON object on one line (schema: ``dxcheck schema report``).

Compact on purpose: it is for tools (``jq .`` pretty-prints it), and the stdlib encoder is
C code only without ``indent``; at national scale that is 0.8 s instead of 2.8 s.

Streamed (``chunks``): the document's head (everything before the results), then each
result, then the tail (superseded targets and warnings), so that 100,000s of results are
never one string in memory."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator

from dxcheck.formats import Style
from dxcheck.formats.document import problems_document, report_document, target_fields
from dxcheck.formats.json_text import OutcomeText
from dxcheck.formats.made import Made
from dxcheck.formats.parts import Pieces, Streamed, resolved
from dxcheck.report import ProblemReport, Report, Result

_encode = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(..., ensure_ascii=False) uses


class Renderer(Streamed):
    def __init__(self, style: Style) -> None:
        self.style = style

    def pieces(self, report: Report) -> Pieces:
        made = report_pieces(report, self.style.lang)
        return Pieces(made.make, itertools.chain(made.items, ("\n",)))

    def render_problems(self, problems: ProblemReport) -> str:
        return json.dumps(problems_document(problems, self.style.lang), ensure_ascii=False) + "\n"


def report_json(report: Report) -> str:
    """Exactly ``json.dumps(report_document(report), ensure_ascii=False)`` (a test keeps
    the two identical)."""
    return "".join(report_chunks(report))


def report_chunks(report: Report, lang: str = "en") -> Iterator[str]:
    """``report_json`` in pieces: the head, one piece per result, the tail."""
    return resolved(report_pieces(report, lang))


def report_pieces(report: Report, lang: str = "en") -> Pieces:
    """``report_chunks`` with each result's text made when it is written."""
    return Pieces(_ResultText().of, _report_items(report, lang))


def _report_items(report: Report, lang: str) -> Iterator[str | Result]:
    doc = report_document(report, with_results=False, lang=lang)  # warnings' text in ``lang``
    tail = {"superseded": doc.pop("superseded"), "warnings": doc.pop("warnings")}  # type: ignore[misc]
    del doc["results"]  # type: ignore[misc]
    yield _encode(doc)[:-1] + ', "results": ['
    for i, result in enumerate(report.results):
        if i:
            yield ", "
        yield result
    yield "], " + _encode(tail)[1:]


class _ResultText:
    """A result's JSON object. The fields it takes from its target are encoded once per
    target, not once per entity: at national scale that is most of the encoding."""

    def __init__(self) -> None:
        self._per_target: dict[str, tuple[str, str]] = {}
        self._outcome = OutcomeText()
        self._entities = Made[str | None](_encode)  # an entity's name, encoded once

    def of(self, result: Result) -> str:
        target = result.target
        encoded = self._per_target.get(target.id)
        if encoded is None:
            head = _encode({"target": target.id, "title": target.title})[:-1] + ', "entity": '
            middle = ", " + _encode(target_fields(target))[1:-1] + ", "
            encoded = self._per_target[target.id] = (head, middle)
        return encoded[0] + self._entities[result.entity] + encoded[1] + self._outcome(result)
