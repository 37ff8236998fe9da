"""What a person sees when a status has more results than anyone reads in a terminal.

At commune scale a status has 132,000 results (40 targets x 3,300 communes): 264,000
table lines scroll past unread. On a terminal, for the default table and above
TERMINAL_LIMIT results, ``status`` prints instead the verdict, the scoreboards by
category and by entity (worst first), the results that fail the gate (worst first), and
how to see everything. Piped, redirected or with an explicit ``--format``, everything is
printed: a tool or a file wants all of it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from dxcheck.formats import Style
from dxcheck.formats.words import latest_text, summary_line
from dxcheck.report import Report, Result, Status
from dxcheck.text import printable
from dxcheck.timeline import Group, scoreboard
from dxcheck.timeline_words import GroupBy

SHOWN_ENTITIES = 15
SHOWN_FAILING = 20
_STATUS_ORDER = {Status.OVERDUE: 0, Status.FAIL: 1, Status.PENDING: 2, Status.PASS: 3}


def worst_first(results: Sequence[Result]) -> list[Result]:
    """Overdue before failed before pending; then the least progress; then by id, entity."""
    return sorted(
        results,
        key=lambda r: (
            _STATUS_ORDER[r.status],
            r.progress if r.progress is not None else -1.0,
            r.target.id,
            r.entity or "",
        ),
    )


def render_overview(report: Report, style: Style) -> str:
    lines = [*textwrap.wrap(summary_line(report), style.width), ""]
    by_category = scoreboard(report.results, GroupBy.CATEGORY, report.fail_on)
    lines += _groups("category", by_category, style.width)
    by_entity = scoreboard(report.results, GroupBy.ENTITY, report.fail_on)
    lines += ["", *_groups("entity", by_entity[:SHOWN_ENTITIES], style.width)]
    if len(by_entity) > SHOWN_ENTITIES:
        lines.append(
            f"... and {len(by_entity) - SHOWN_ENTITIES:,} more entities (dxcheck status --by entity)"
        )
    failing = worst_first(report.failing)
    if failing:
        shown = failing[:SHOWN_FAILING]
        lines += ["", f"The {len(shown)} results that fail the gate worst, of {len(failing):,}:"]
        lines += _result_lines(shown, style.width)
        worst = shown[0]
        entity = f" --entity {_quoted(worst.entity)}" if worst.entity else ""
        lines += ["", f"Next: dxcheck show {worst.target.id}{entity}"]
    lines += textwrap.wrap(
        f"{len(report.results):,} results in all: --all lists every one here; --format json, csv or "
        "jsonl, or a pipe, gives them to a tool; --entity or --category narrows the selection.",
        style.width,
    )
    return "\n".join(lines) + "\n"


def _result_lines(results: Sequence[Result], width: int) -> list[str]:
    """One line a result: its status, the target's id whole (never cut), the entity and the
    latest value, shortened to fit ``width``."""
    ids = max(len("target"), *(len(r.target.id) for r in results))
    entities = [printable(r.entity) if r.entity else "national" for r in results]
    latest = [printable(latest_text(r)) for r in results]
    room = max(16, width - 7 - 2 - ids - 2 - 2)
    latest_need = max(len(v) for v in latest)
    entity_room = min(max(len("entity"), *(len(e) for e in entities)), max(room - latest_need, room // 2))
    latest_room = room - entity_room
    out = [f"{'status':<7}  {'target':<{ids}}  {'entity':<{entity_room}}  latest".rstrip()]
    out.append("-" * min(width, len(out[0]) + latest_room - len("latest")))
    for result, entity, value in zip(results, entities, latest, strict=True):
        line = (
            f"{result.status.value:<7}  {result.target.id:<{ids}}  "
            f"{_fit(entity, entity_room):<{entity_room}}  {_fit(value, latest_room)}"
        )
        out.append(line.rstrip())
    return out


def _groups(name: str, groups: Sequence[Group], width: int) -> list[str]:
    """A compact count table: the group, its results, how many fail the gate, by status."""
    headers = ["results", "failing", "pass", "fail", "overdue", "pending"]
    counts = [[g.total, g.gate_failing, *(g.statuses[s.value] for s in Status)] for g in groups]
    widths = [max(len(h), *(len(f"{row[i]:,}") for row in counts)) for i, h in enumerate(headers)]
    numbers = sum(w + 2 for w in widths)
    room = max(12, min(max((len(g.name) for g in groups), default=0), width - numbers))
    room = max(room, len(name))
    out = [name.ljust(room) + "".join(f"  {h:>{w}}" for h, w in zip(headers, widths, strict=True))]
    out.append("-" * len(out[0]))
    for group, row in zip(groups, counts, strict=True):
        label = _fit(printable(group.name), room)
        out.append(label.ljust(room) + "".join(f"  {v:>{w},}" for v, w in zip(row, widths, strict=True)))
    return out


def _fit(text: str, room: int) -> str:
    return text if len(text) <= room else text[: room - 1] + "…"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'
