"""Rendering for ``show``, ``deadlines``, ``diff`` and ``status --by``: text for people,
JSON for tools, plus iCalendar for deadlines and markdown for diffs and scoreboards."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from dxcheck import __version__
from dxcheck.chart import render_chart
from dxcheck.formats import Format, Style
from dxcheck.formats.document import SCHEMA_VERSION, result_document
from dxcheck.formats.grid import Column, table
from dxcheck.formats.lexicon import Words
from dxcheck.report import Outlook, Report, Result, Status
from dxcheck.text import csv_safe, number, printable, with_unit
from dxcheck.timeline import Deadline, Difference, Group, TargetHistory
from dxcheck.timeline_words import GroupBy


def _json(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _head(kind: str, as_of: date | None) -> dict[str, Any]:
    head: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "kind": kind,
        "tool": {"name": "dxcheck", "version": __version__},
    }
    if as_of is not None:
        head["as_of"] = as_of.isoformat()
    return head


def _rate(value: float | None, unit: str | None) -> str:
    if value is None:
        return "-"
    if unit == "percent":
        return f"{number(round(value, 2))} points a month"
    return f"{with_unit(round(value, 2), unit)} a month"


# --- show -------------------------------------------------------------------------------


def render_history(history: TargetHistory, fmt: Format, style: Style, as_of: date) -> str:
    target = history.target
    if fmt is Format.JSON:
        doc = _head("history", as_of)
        doc["target"] = target.model_dump(mode="json", exclude_none=True)
        doc["target"]["due"] = target.due.isoformat() if target.due else None
        doc["versions"] = [t.id for t in history.versions]
        doc["results"] = [result_document(r) for r in history.results]
        doc["observations"] = [
            {
                "entity": entity,
                "date": o.date.isoformat(),
                "value": o.value,
                "file": o.file,
                "line": o.line,
                "source": o.source,
            }
            for entity, observed in history.observations.items()
            for o in observed
        ]
        return _json(doc)
    w = Words(style.lang)
    lines = [f"{target.id}: {printable(target.title_in(style.lang))}"]

    def field(key: str, value: str) -> None:
        lines.append(f"  {w(key):<12}{value}")

    if target.agency:
        field("s_agency", printable(target.agency))
    due = f"{printable(target.deadline or '')} -> {w.day(target.due)}" if target.due else w("no_deadline")
    field("s_due", due)
    field("s_goal", level_text_of(target, w))
    if len(history.versions) > 1:
        this = w("s_this")
        field(
            "s_versions",
            " -> ".join(t.id + (f" ({this})" if t.id == target.id else "") for t in history.versions),
        )
    if target.source:
        occasion = printable(target.source.occasion or w("s_speech"))
        field("s_source", f"{w.day(target.source.date)}, {occasion}")
        quote = textwrap.wrap(f'"{printable(target.source.quote)}"', max(40, style.width - 14))
        field("s_quote", quote[0])
        lines += [" " * 14 + part for part in quote[1:]]
    for result in history.results:
        lines += ["", *_history_block(result, history.observations.get(result.entity, ()), style, as_of)]
    return "\n".join(lines) + "\n"


def level_text_of(target: Any, w: Words | None = None) -> str:
    if target.type.value == "milestone":
        return w("done") if w else "done"
    sign = "<=" if target.direction.value == "at_most" else ">="
    value = w.value(target.target, target.unit) if w else with_unit(target.target, target.unit)
    return f"{sign} {value}"


def _rate_in(value: float | None, unit: str | None, w: Words) -> str:
    if value is None:
        return "-"
    if unit == "percent":
        return w("s_points_a_month", value=w.number(round(value, 2)))
    return w("s_a_month", value=w.value(round(value, 2), unit))


def _history_block(result: Result, observed: Sequence[Any], style: Style, as_of: date) -> list[str]:
    w = Words(style.lang)
    unit = result.target.unit
    trend = result.trend
    name = printable(result.entity) if result.entity else w("national")
    lines = [
        w("s_head", name=name, status=w.status(result.status, result.late), outlook=w.outlook(trend.outlook)),
        "  "
        + w(
            "s_latest",
            latest=printable(w.latest(result)),
            goal=w.level(result, ascii_signs=True),
            progress=w.percent(result.progress, none="-"),
        ),
        "  "
        + w(
            "s_rates",
            current=_rate_in(trend.current_rate, unit, w),
            required=_rate_in(trend.required_rate, unit, w),
        ),
    ]
    if trend.projected is not None and result.target.due is not None:
        ratio = f" (r = {w.decimals(trend.ratio)})" if trend.ratio is not None else ""
        projected = w.value(round(trend.projected, 2), unit)
        lines.append(
            "  "
            + w(
                "s_projected",
                value=projected,
                date=w.day(result.target.due),
                method=w.method(trend.method),
                ratio=ratio,
            )
        )
    if trend.method == "open-sdg" and trend.ratio is not None:
        lines.append("  " + w("s_open_sdg", ratio=w.decimals(trend.ratio)))
    pace = _pace(result, as_of, w)
    if pace:
        lines.append(f"  {pace}")
    if observed:
        lines.append("  " + w("s_observations"))
        for o in observed:
            milestone = result.target.type.value == "milestone"
            value = w.reading(result, o.value) if milestone else w.number(o.value)
            source = f"  {printable(o.source)}" if o.source else ""
            lines.append(f"    {w.day(o.date)}  {value:>12}  {printable(o.file)}:{o.line}{source}")
        points = [(o.date, o.value) for o in observed]
        projection = None
        if trend.projected is not None and result.target.due is not None and result.latest is not None:
            projection = (result.latest.date, result.latest.value, result.target.due, trend.projected)
        chart = render_chart(
            points,
            level=result.target.level,
            due=result.target.due,
            projection=projection,
            width=max(30, min(72, style.width - 20)),
            names=(w("c_observed"), w("c_target"), w("c_projection"), w("c_due")),
            show_number=w.number,
            show_date=w.day,
        )
        lines += ["", *(f"  {row}" for row in chart)]
    return lines


def _pace(result: Result, as_of: date, w: Words) -> str:
    """When the fitted trend reaches the goal; said only where the question is open: a
    numeric target not met yet, with a trend to ask."""
    trend = result.trend
    if trend.eta is not None:
        if trend.eta == as_of:
            return w("s_pace_now", month=w.month(trend.eta))
        return w("s_pace", month=w.month(trend.eta), date=w.day(trend.eta))
    open_question = result.target.type.value == "numeric" and result.status.value != "pass"
    if open_question and trend.current_rate is not None:
        return w("s_pace_never")
    return ""


# --- deadlines ----------------------------------------------------------------------------


def render_deadlines(items: Sequence[Deadline], fmt: Format, as_of: date, style: Style | None = None) -> str:
    if fmt is Format.JSON:
        doc = _head("deadlines", as_of)
        doc["deadlines"] = [
            {
                "target": d.target.id,
                "title": d.target.title,
                "due": d.target.due.isoformat() if d.target.due else None,
                "days_left": d.days_left,
                "status": d.status.value,
                "counts": d.counts,
            }
            for d in items
        ]
        return _json(doc)
    style = style or Style()
    w = Words(style.lang)
    if not items:
        return w("no_deadlines") + "\n"
    columns = [  # in order of importance: what a narrow terminal keeps
        Column("due", w("h_due"), keep=True),
        Column("target", w("h_target"), keep=True),
        Column("status", w("h_status")),
        Column("when", w("h_when")),
        Column("title", w("h_title"), shrink=16),
    ]
    rows = [
        {
            "due": w.day(d.target.due) if d.target.due else "-",
            "when": w.days_left(d.days_left),
            "status": w.status(d.status),
            "target": d.target.id,
            "title": printable(d.target.title_in(style.lang)),
        }
        for d in items
    ]
    return _lines(table(columns, rows, style.width, order=("due", "when", "status", "target", "title")))


def _lines(lines: Sequence[str]) -> str:
    return "".join(line + "\n" for line in lines)


def _ics_escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """RFC 5545 3.1: lines longer than 75 octets continue on a line starting with a space."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode("utf-8")) > 75:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    out.append(current)
    return "\r\n".join(out)


def render_ics(items: Sequence[Deadline], as_of: date) -> str:
    """An RFC 5545 calendar: one all-day event per deadline; UIDs stay the same from run
    to run so that re-importing updates the events instead of duplicating them."""
    stamp = as_of.strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//dxcheck//dxcheck {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Digital transformation deadlines",
    ]
    for d in items:
        target = d.target
        assert target.due is not None
        description = f"Goal: {level_text_of(target)}. Status on {as_of.isoformat()}: {d.status.value}."
        if target.source:
            description += f' Source: {target.source.date.isoformat()}, "{target.source.quote}"'
        lines += [
            "BEGIN:VEVENT",
            f"UID:{target.id}@dxcheck",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{target.due.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(target.due + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_escape(f'{target.title} ({d.status.value})')}",
            f"DESCRIPTION:{_ics_escape(description)}",
            f"CATEGORIES:{_ics_escape(target.category or 'dxcheck')}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


# --- diff ----------------------------------------------------------------------------------


def render_diff(
    items: Sequence[Difference], fmt: Format, start: date, end: date, style: Style | None = None
) -> str:
    if fmt is Format.JSON:
        doc = _head("diff", None)
        doc["from"], doc["to"] = start.isoformat(), end.isoformat()
        doc["changes"] = [
            {
                "target": d.target.id,
                "entity": d.entity,
                "changes": [c.value for c in d.changes],
                "before": result_document(d.before) if d.before else None,
                "after": result_document(d.after) if d.after else None,
            }
            for d in items
        ]
        return _json(doc)
    style = style or Style()
    w = Words(style.lang)
    cells = [
        {
            "target": d.target.id,
            "entity": _entity(d.entity, w),
            "change": ", ".join(w.change(c.value) for c in d.changes),
            "before": _short_in(d.before, w),
            "after": _short_in(d.after, w),
        }
        for d in items
    ]
    order = ("target", "entity", "change", "before", "after")
    if fmt is Format.MARKDOWN:
        from dxcheck.formats.markdown import cell

        out = [f"## {w('md_diff_title', start=w.day(start), end=w.day(end))}", ""]
        if not cells:
            return "\n".join([*out, w("md_no_changes"), ""])
        headers = [w("h_target"), w("h_entity"), w("h_change"), w.day(start), w.day(end)]
        out.append("| " + " | ".join(headers) + " |")
        out.append("|" + "---|" * len(headers))
        out += ["| " + " | ".join(cell(row[k]) for k in order) + " |" for row in cells]
        return "\n".join(out) + "\n"
    if not cells:
        return w("no_changes", start=w.day(start), end=w.day(end)) + "\n"
    columns = [  # in order of importance: what a narrow terminal keeps
        Column("target", w("h_target"), keep=True),
        Column("change", w("h_change"), shrink=12),
        Column("entity", w("h_entity"), shrink=12, keep=True),
        Column("after", w.day(end), shrink=16),
        Column("before", w.day(start), shrink=16),
    ]
    lines = table(columns, cells, style.width, order=order)
    return _lines([*lines, w("changes_footer", count=len(cells), start=w.day(start), end=w.day(end))])


def _short_in(result: Result | None, w: Words) -> str:
    if result is None:
        return "-"
    status = w.status(result.status, result.late)
    return printable(f"{status}, {w.outlook(result.trend.outlook)}, {w.latest(result)}")


def _entity(entity: str | None, w: Words) -> str:
    return printable(entity) if entity else w("national")


# --- scoreboard ---------------------------------------------------------------------------

_STATUS_COLUMNS = ("pass", "fail", "overdue", "pending")
_OUTLOOK_COLUMNS = ("on_track", "needs_acceleration", "off_track", "regressing")


def render_scoreboard(
    groups: Sequence[Group], by: GroupBy, fmt: Format, report: Report, style: Style | None = None
) -> str:
    """The counts per group, and the gate's verdict: the exit code of ``status --by`` is
    the gate's, so every format says whether it passed (csv: per group, ``gate_failing``)."""
    as_of = report.as_of
    if fmt is Format.JSON:
        doc = _head("scoreboard", as_of)
        doc["by"] = by.value
        doc["gate"] = {
            "fail_on": sorted(report.fail_on),
            "passed": report.gate_passed,
            "failing": len(report.failing),
        }
        doc["groups"] = [
            {
                "name": g.name,
                "total": g.total,
                "statuses": g.statuses,
                "outlooks": g.outlooks,
                "gate_failing": g.gate_failing,
            }
            for g in groups
        ]
        return _json(doc)
    headers = [by.value, "total", *_STATUS_COLUMNS, *(c.replace("_", " ") for c in _OUTLOOK_COLUMNS)]
    rows = [
        [
            g.name,
            str(g.total),
            *(str(g.statuses[c]) for c in _STATUS_COLUMNS),
            *(str(g.outlooks[c]) for c in _OUTLOOK_COLUMNS),
        ]
        for g in groups
    ]
    if fmt is Format.CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([*headers, "gate_failing"])
        writer.writerows(
            [[csv_safe(row[0]), *row[1:], str(g.gate_failing)] for row, g in zip(rows, groups, strict=True)]
        )
        return buffer.getvalue()
    if fmt is Format.MARKDOWN:
        from dxcheck.formats.markdown import cell, gate_verdict

        out = [
            gate_verdict(report, Words(style.lang if style else "en")),
            "",
            "| " + " | ".join(headers) + " |",
            "|" + "---|" * len(headers),
        ]
        out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
        return "\n".join(out) + "\n"
    style = style or Style()
    w = Words(style.lang)
    name = {"entity": "h_entity", "category": "h_category", "agency": "h_agency", "target": "h_target"}[
        by.value
    ]
    columns = [  # in order of importance: what a narrow terminal keeps
        Column("name", w(name), shrink=16, keep=True),
        Column("total", w("h_total"), align="right"),
        *(Column(c, w.status(Status(c)), align="right") for c in _STATUS_COLUMNS),
        *(Column(c, w.outlook(Outlook(c)), align="right") for c in _OUTLOOK_COLUMNS),
    ]
    cells = [
        {
            "name": w.group(g.name, by.value),
            "total": w.number(g.total),
            **{c: w.number(g.statuses[c]) for c in _STATUS_COLUMNS},
            **{c: w.number(g.outlooks[c]) for c in _OUTLOOK_COLUMNS},
        }
        for g in groups
    ]
    keys = [c.key for c in columns]
    footer = w("groups_footer", count=len(groups), by=w(name), date=w.day(as_of))
    return _lines([*table(columns, cells, style.width, order=keys), footer, w.gate(report)])
