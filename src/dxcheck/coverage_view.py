"""``dxcheck coverage`` as text, JSON, CSV and Markdown.

The JSON document's types are the contract (``dxcheck schema coverage`` is generated from
them); every format lists the same reports in the same order: grouped by entity, the
longest silences first (``coverage.silences``). A missing report is said in one sentence,
the same everywhere: "Đà Nẵng has not reported online-public-services for 2025-05 (due
2025-06-10)".
"""

from __future__ import annotations

import csv
import functools
import io
import json
import textwrap
from datetime import date
from typing import Literal

from typing_extensions import TypedDict

from dxcheck.coverage import FAIL_ON, CoverageReport, Expected, State, silences
from dxcheck.formats.document import (
    SCHEMA_VERSION,
    FindingDoc,
    GateDoc,
    ToolDoc,
    finding_document,
    tool,
)
from dxcheck.formats.lexicon import Words
from dxcheck.reporting import Every
from dxcheck.text import printable

_encode = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(..., ensure_ascii=False) uses
STATE_EMOJI = {State.REPORTED: "✅", State.LATE: "🕒", State.MISSING: "❌"}


class ExpectedDoc(TypedDict):
    target: str
    title: str
    entity: str | None  # null: the nation
    every: Every
    period: str  # 2025-05, 2025-Q2 or 2025
    period_start: str
    period_end: str
    due: str
    state: State
    missed_in_a_row: int  # this period and those just before it, missed without a break
    missing_since: str | None  # the first day of the first period of that silence
    counted_from: str  # the first day of the first period counted (first report, or reporting.start)
    message: str | None  # the sentence for a late or missing report


class CoverageDoc(TypedDict):
    schema_version: int
    kind: Literal["coverage"]
    tool: ToolDoc
    as_of: str
    catalog: str
    inputs: list[str]
    summary: dict[str, int]
    gate: GateDoc
    reports: list[ExpectedDoc]
    warnings: list[FindingDoc]


CSV_COLUMNS = tuple(k for k in ExpectedDoc.__annotations__ if k != "message")


def who(expected: Expected, lang: str = "en") -> str:
    return printable(expected.entity) if expected.entity else _said("national", lang)


def _said(key: str, lang: str, **args: object) -> str:
    """Coverage's words (``lexicon``, keys ``cov_*``) in ``lang``."""
    return _words(lang)(f"cov_{key}", **args)


@functools.cache
def _words(lang: str) -> Words:
    return Words(lang)  # once a language: a sentence is said for each of 100,000s of reports


def state_word(state: State, lang: str) -> str:
    key = {State.REPORTED: "reported", State.LATE: "late_word", State.MISSING: "missing_word"}[state]
    return _said(key, lang)


def _day(day: date, lang: str) -> str:
    return _words(lang).day(day)


def message(expected: Expected, lang: str = "en") -> str | None:
    """The sentence for a report that is missing or late; None for one on time."""
    if expected.state is State.REPORTED:
        return None
    subject = printable(expected.entity) if expected.entity else _said("nation", lang)
    fields = {"subject": subject, "target": expected.target.id, "period": expected.label}
    due = _day(expected.due, lang)
    if expected.state is State.LATE:
        return _said("late", lang, **fields, due=due)
    sentence = _said("missing", lang, **fields, due=due)
    since = expected.missing_since
    if since is not None and expected.missed_in_a_row > 1:
        sentence += _said("in_a_row", lang, count=expected.missed_in_a_row, since=since.label(expected.every))
    return sentence


def ordered(report: CoverageReport) -> list[Expected]:
    return [r for _, members in silences(report.reports) for r in members]


def expected_document(expected: Expected, lang: str = "en") -> ExpectedDoc:
    since = expected.missing_since
    return {
        "target": expected.target.id,
        "title": expected.target.title,
        "entity": expected.entity,
        "every": expected.every,
        "period": expected.label,
        "period_start": expected.period.start.isoformat(),
        "period_end": expected.period.end.isoformat(),
        "due": expected.due.isoformat(),
        "state": expected.state,
        "missed_in_a_row": expected.missed_in_a_row,
        "missing_since": since.start.isoformat() if since else None,
        "counted_from": expected.first.start.isoformat(),
        "message": message(expected, lang),
    }


def coverage_document(report: CoverageReport, *, with_reports: bool = True, lang: str = "en") -> CoverageDoc:
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "coverage",
        "tool": tool(),
        "as_of": report.as_of.isoformat(),
        "catalog": report.catalog,
        "inputs": list(report.inputs),
        "summary": report.summary,
        "gate": {"fail_on": sorted(FAIL_ON), "passed": report.gate_passed, "failing": len(report.failing)},
        "reports": [expected_document(r, lang) for r in ordered(report)] if with_reports else [],
        "warnings": [finding_document(f) for f in report.findings],
    }


def summary_line(report: CoverageReport, lang: str = "en") -> str:
    counts = report.summary
    parts = ", ".join(f"{counts[s.value]} {state_word(s, lang)}" for s in State)
    gate = _said("passed", lang) if report.gate_passed else _said("failed", lang, count=len(report.failing))
    return _said(
        "summary", lang, count=len(report.reports), date=_day(report.as_of, lang), parts=parts, verdict=gate
    )


def coverage_json(report: CoverageReport, lang: str = "en") -> str:
    """Exactly ``json.dumps(coverage_document(report), ensure_ascii=False)``, each report
    encoded as it is made: at commune scale the list of dicts would outweigh the text."""
    doc = coverage_document(report, with_reports=False)
    tail = _encode({"warnings": doc.pop("warnings")})  # type: ignore[misc]
    del doc["reports"]  # type: ignore[misc]
    pieces = [_encode(doc)[:-1] + ', "reports": [']
    for i, expected in enumerate(ordered(report)):
        pieces += [", " if i else "", _encode(expected_document(expected, lang))]
    pieces.append("], " + tail[1:])
    return "".join(pieces)  # one copy of the text, not one per concatenation


def render(report: CoverageReport, fmt: str, lang: str = "en", width: int = 140) -> str:
    """``fmt``: table, json, csv or markdown; people's words in ``lang``."""
    if fmt == "json":
        return coverage_json(report, lang) + "\n"
    if fmt == "csv":
        return _csv(report, lang)
    if fmt == "markdown":
        return _markdown(report)
    return _table(report, lang, width)


def _missed(expected: Expected, lang: str = "en") -> str:
    since = expected.missing_since
    if since is None:
        return "-"
    if expected.missed_in_a_row == 1:
        return "1"
    return _said("since", lang, count=expected.missed_in_a_row, since=since.label(expected.every))


def _table(report: CoverageReport, lang: str = "en", width: int = 140) -> str:
    from dxcheck.formats.grid import Column, table

    columns = [  # in order of importance: what a narrow terminal keeps
        Column("entity", _said("h_entity", lang), shrink=12, keep=True),
        Column("state", _said("h_state", lang)),
        Column("target", _said("h_target", lang), keep=True),
        Column("period", _said("h_period", lang)),
        Column("due", _said("h_due", lang)),
        Column("missed", _said("h_missed", lang), shrink=8),
    ]
    rows: list[dict[str, str]] = []
    for entity, members in silences(report.reports):
        for i, r in enumerate(members):
            name = (printable(entity) if entity else _said("national", lang)) if i == 0 else ""
            rows.append(
                {
                    "entity": name,
                    "state": state_word(r.state, lang),
                    "target": r.target.id,
                    "period": r.label,
                    "due": _day(r.due, lang),
                    "missed": _missed(r, lang),
                }
            )
    out: list[str] = []
    if rows:
        out += table(columns, rows, width, order=("entity", "state", "target", "period", "due", "missed"))
    else:
        out.append(_said("none_due", lang))
    sentences = [m for r in ordered(report) if r.state is State.MISSING and (m := message(r, lang))]
    for sentence in [*sentences, summary_line(report, lang)]:
        out += textwrap.wrap(sentence, width, subsequent_indent="  ", break_on_hyphens=False)
    return "\n".join(out) + "\n"


def _csv(report: CoverageReport, lang: str = "en") -> str:
    from dxcheck.formats.csv_format import cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for expected in ordered(report):
        doc = expected_document(expected, lang)
        writer.writerow([cell(doc[c]) for c in CSV_COLUMNS])  # type: ignore[literal-required]
    return buffer.getvalue()


def _markdown(report: CoverageReport) -> str:
    from dxcheck.formats.markdown import cell, table

    as_of = report.as_of.isoformat()
    total = len(report.reports)
    if report.gate_passed:
        verdict = f"✅ **Gate passed** as of {as_of}: no expected report is missing ({total} expected)."
    else:
        verdict = (
            f"❌ **Gate failed** as of {as_of}: {len(report.failing)} of {total} expected report(s) missing."
        )
    parts = ["## dxcheck coverage\n", verdict + "\n"]
    missing = [m for r in ordered(report) if r.state is State.MISSING and (m := message(r))]
    if missing:
        parts.append("".join(f"- {cell(m)}\n" for m in missing))
    if report.reports:
        rows = (
            [
                cell(who(r)),
                f"{STATE_EMOJI[r.state]} {r.state.value}",
                cell(r.target.id),
                r.label,
                r.due.isoformat(),
                _missed(r),
            ]
            for r in ordered(report)
        )
        headers = ("entity", "state", "target", "period", "due", "missed in a row")
        parts.append(table(headers, rows))
    else:
        parts.append("No report is due yet.\n")
    sources = ", ".join(cell(i) for i in report.inputs) or "none"
    parts.append(f"Catalog: {cell(report.catalog)}. Inputs: {sources}.\n")
    return "\n".join(parts)
