"""The JSON report: its types, and the one function that builds it from a Report.

These TypedDicts are the contract. mypy checks that ``report_document`` builds exactly
them, and ``dxcheck schema report`` derives the published JSON Schema from them, so
code and schema cannot drift. Bump SCHEMA_VERSION on a breaking change (README, "JSON
report"): removing or renaming a field, changing a type or meaning. Adding a field is not
breaking.
"""

from __future__ import annotations

from typing import Literal, NotRequired

from typing_extensions import TypedDict

from dxcheck import __version__
from dxcheck.catalog import Direction, Target, TargetType
from dxcheck.findings import Finding
from dxcheck.i18n import Lang
from dxcheck.report import Outlook, ProblemReport, Report, Result, Status

SCHEMA_VERSION = 1


class ToolDoc(TypedDict):
    name: Literal["dxcheck"]
    version: str


class ObservationDoc(TypedDict):
    date: str
    value: float
    file: str
    line: int
    source: str | None


class FindingDoc(TypedDict):
    code: str
    severity: Literal["error", "warning"]
    message: str
    file: str
    line: int | None
    column: int | None
    key_path: str | None
    text: str | None
    hint: str | None
    # Only for a finding about one CSV cell: where a spreadsheet shows it. ``row`` is the
    # spreadsheet row (not the line when quoted cells span lines), ``field`` the 0-based
    # cell index, ``header`` the column's header as written, ``column_letter`` A, B, AA.
    row: NotRequired[int]
    field: NotRequired[int]
    header: NotRequired[str]
    column_letter: NotRequired[str]


class GateDoc(TypedDict):
    fail_on: list[str]
    passed: bool
    failing: int


class SupersededDoc(TypedDict):
    target: str
    by: str
    since: str


class ReportDoc(TypedDict):
    schema_version: int
    kind: Literal["status"]
    tool: ToolDoc
    as_of: str
    catalog: str
    inputs: list[str]
    summary: dict[str, int]
    outlook_summary: dict[str, int]
    gate: GateDoc
    results: list[ResultDoc]
    superseded: list[SupersededDoc]
    warnings: list[FindingDoc]


class ProblemsDoc(TypedDict):
    schema_version: int
    kind: Literal["validation"]
    tool: ToolDoc
    files: list[str]
    passed: bool
    errors: int
    warnings: int
    problems: list[FindingDoc]


DECIMALS = 4  # the decimals of a computed number in every report


def rounded(value: float | None, digits: int = DECIMALS) -> float | None:
    """A number as reports give it: four decimals."""
    return None if value is None else round(value, digits)


def tool() -> ToolDoc:
    return {"name": "dxcheck", "version": __version__}


def result_document(result: Result) -> ResultDoc:
    target = result.target
    return {
        "target": target.id,
        "title": target.title,
        "entity": result.entity,
        **target_fields(target),
        **outcome_fields(result),
    }


class TargetFieldsDoc(TypedDict):
    """The fields of a result that only depend on its target (the same for every entity)."""

    category: str | None
    agency: str | None
    type: TargetType
    direction: Direction
    target_level: float | None
    unit: str | None
    deadline: str | None
    due: str | None


class OutcomeFieldsDoc(TypedDict):
    """The fields of a result that depend on its series."""

    status: Status
    late: bool
    days_left: int | None
    progress: float | None
    observations: int
    latest: ObservationDoc | None
    first_met: str | None
    outlook: Outlook
    projection: str | None
    projected: float | None
    ratio: float | None
    required_rate: float | None
    current_rate: float | None
    eta: str | None  # YYYY-MM-DD: the day the fitted trend reaches the level ("at this pace")


class _ResultHeadDoc(TypedDict):
    target: str
    title: str
    entity: str | None


# One result: its target and entity, the target's fields, then the outcome, in that order
# (the keys of a TypedDict follow its bases; the schema and the JSON keep this order).
class ResultDoc(_ResultHeadDoc, TargetFieldsDoc, OutcomeFieldsDoc):
    pass


def target_fields(target: Target) -> TargetFieldsDoc:
    return {
        "category": target.category,
        "agency": target.agency,
        "type": target.type,
        "direction": target.direction,
        "target_level": target.target,
        "unit": target.unit,
        "deadline": target.deadline,
        "due": target.due.isoformat() if target.due else None,
    }


def outcome_fields(result: Result) -> OutcomeFieldsDoc:
    latest = result.latest
    trend = result.trend
    return {
        "status": result.status,
        "late": result.late,
        "days_left": result.days_left,
        "progress": rounded(result.progress),
        "observations": result.observations,
        "latest": None
        if latest is None
        else {
            "date": latest.date.isoformat(),
            "value": latest.value,
            "file": latest.file,
            "line": latest.line,
            "source": latest.source,
        },
        "first_met": result.first_met.isoformat() if result.first_met else None,
        "outlook": trend.outlook,
        "projection": trend.method,
        "projected": rounded(trend.projected),
        "ratio": rounded(trend.ratio),
        "required_rate": rounded(trend.required_rate),
        "current_rate": rounded(trend.current_rate),
        "eta": trend.eta.isoformat() if trend.eta else None,
    }


def finding_document(finding: Finding, lang: Lang | str = Lang.EN) -> FindingDoc:
    """A finding; its message and hint in ``lang``, everything else as it is."""
    loc = finding.location
    doc: FindingDoc = {
        "code": finding.code.id,
        "severity": finding.effective_severity.value,
        "message": finding.message_in(lang),
        "file": loc.file,
        "line": loc.line,
        "column": loc.column,
        "key_path": loc.key_path,
        "text": finding.text,
        "hint": finding.hint_in(lang),
    }
    if loc.field is not None:
        doc["row"] = loc.row if loc.row is not None else (loc.line or 0)
        doc["field"] = loc.field
        doc["header"] = loc.header or ""
        doc["column_letter"] = loc.column_letter or ""
    return doc


def report_document(report: Report, *, with_results: bool = True, lang: Lang | str = Lang.EN) -> ReportDoc:
    """The whole report; ``with_results=False`` leaves the results list empty (for a
    writer that adds them one by one)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "status",
        "tool": tool(),
        "as_of": report.as_of.isoformat(),
        "catalog": report.catalog,
        "inputs": list(report.inputs),
        "summary": report.summary,
        "outlook_summary": report.outlook_summary,
        "gate": {
            "fail_on": sorted(report.fail_on),
            "passed": report.gate_passed,
            "failing": len(report.failing),
        },
        "results": [result_document(r) for r in report.results] if with_results else [],
        "superseded": [
            {"target": s.target.id, "by": s.by, "since": s.since.isoformat()} for s in report.superseded
        ],
        "warnings": [finding_document(f, lang) for f in report.findings],
    }


def problems_document(problems: ProblemReport, lang: Lang | str = Lang.EN) -> ProblemsDoc:
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "validation",
        "tool": tool(),
        "files": list(problems.files),
        "passed": problems.passed,
        "errors": problems.errors,
        "warnings": problems.warnings,
        "problems": [finding_document(f, lang) for f in problems.findings],
    }
