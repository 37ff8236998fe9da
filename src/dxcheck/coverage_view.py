"""``dxcheck coverage`` as text, JSON, CSV and Markdown.

The JSON document's types are the contract (``dxcheck schema coverage`` is generated from
them); every format lists the same reports in the same order: grouped by entity, the
longest silences first (``coverage.silences``). A missing report is said in one sentence,
the same everywhere: "Đà Nẵng has not reported online-public-services for 2025-05 (due
2025-06-10)".
"""

from __future__ import annotations

import csv
import io
import json
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


def who(expected: Expected) -> str:
    return printable(expected.entity) if expected.entity else "national"


def message(expected: Expected) -> str | None:
    """The sentence for a report that is missing or late; None for one on time."""
    subject = printable(expected.entity) if expected.entity else "The nation"
    what = f"{expected.target.id} for {expected.label}"
    due = f"(due {expected.due.isoformat()})"
    if expected.state is State.LATE:
        return f"{subject} reported {what} late {due}"
    if expected.state is State.REPORTED:
        return None
    sentence = f"{subject} has not reported {what} {due}"
    since = expected.missing_since
    if since is not None and expected.missed_in_a_row > 1:
        sentence += f"; {expected.missed_in_a_row} periods in a row, since {since.label(expected.every)}"
    return sentence


def ordered(report: CoverageReport) -> list[Expected]:
    return [r for _, members in silences(report.reports) for r in members]


def expected_document(expected: Expected) -> ExpectedDoc:
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
        "message": message(expected),
    }


def coverage_document(report: CoverageReport, *, with_reports: bool = True) -> CoverageDoc:
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "coverage",
        "tool": tool(),
        "as_of": report.as_of.isoformat(),
        "catalog": report.catalog,
        "inputs": list(report.inputs),
        "summary": report.summary,
        "gate": {"fail_on": sorted(FAIL_ON), "passed": report.gate_passed, "failing": len(report.failing)},
        "reports": [expected_document(r) for r in ordered(report)] if with_reports else [],
        "warnings": [finding_document(f) for f in report.findings],
    }


def summary_line(report: CoverageReport) -> str:
    counts = report.summary
    parts = ", ".join(f"{counts[s.value]} {s.value}" for s in State)
    gate = "passed" if report.gate_passed else f"FAILED ({len(report.failing)})"
    return (
        f"{len(report.reports)} expected report(s) as of {report.as_of.isoformat()}: {parts}. "
        f"Gate (fail on missing): {gate}."
    )


def coverage_json(report: CoverageReport) -> str:
    """Exactly ``json.dumps(coverage_document(report), ensure_ascii=False)``, each report
    encoded as it is made: at commune scale the list of dicts would outweigh the text."""
    doc = coverage_document(report, with_reports=False)
    tail = _encode({"warnings": doc.pop("warnings")})  # type: ignore[misc]
    del doc["reports"]  # type: ignore[misc]
    pieces = [_encode(doc)[:-1] + ', "reports": [']
    for i, expected in enumerate(ordered(report)):
        pieces += [", " if i else "", _encode(expected_document(expected))]
    pieces.append("], " + tail[1:])
    return "".join(pieces)  # one copy of the text, not one per concatenation


def render(report: CoverageReport, fmt: str) -> str:
    """``fmt``: table, json, csv or markdown."""
    if fmt == "json":
        return coverage_json(report) + "\n"
    if fmt == "csv":
        return _csv(report)
    if fmt == "markdown":
        return _markdown(report)
    return _table(report)


def _missed(expected: Expected) -> str:
    since = expected.missing_since
    if since is None:
        return "-"
    if expected.missed_in_a_row == 1:
        return "1"
    return f"{expected.missed_in_a_row} (since {since.label(expected.every)})"


def _table(report: CoverageReport) -> str:
    headers = ["entity", "state", "target", "period", "due", "missed in a row"]
    rows: list[list[str]] = []
    for entity, members in silences(report.reports):
        for i, r in enumerate(members):
            name = (printable(entity) if entity else "national") if i == 0 else ""
            rows.append([name, r.state.value, r.target.id, r.label, r.due.isoformat(), _missed(r)])
    out: list[str] = []
    if rows:
        widths = [max([len(h), *(len(row[i]) for row in rows)]) for i, h in enumerate(headers)]
        line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
        out += [line, "-" * len(line)]
        out += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    else:
        out.append("No report is due yet.")
    out += [m for r in ordered(report) if r.state is State.MISSING and (m := message(r))]
    out.append(summary_line(report))
    return "\n".join(out) + "\n"


def _csv(report: CoverageReport) -> str:
    from dxcheck.formats.csv_format import cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for expected in ordered(report):
        doc = expected_document(expected)
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
