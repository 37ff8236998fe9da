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
from dxcheck.formats.grid import Column, table
from dxcheck.formats.lexicon import Words
from dxcheck.formats.table import ResultLines, next_lines
from dxcheck.report import Report, Status, worst_first
from dxcheck.timeline import Group, scoreboard
from dxcheck.timeline_words import GroupBy

SHOWN_ENTITIES = 15
SHOWN_FAILING = 20


def render_overview(report: Report, style: Style) -> str:
    w = Words(style.lang)
    width = style.width
    lines = [
        *textwrap.wrap(w.counts(report), width),
        *textwrap.wrap(w.gate(report), width),
        "",
    ]
    by_category = scoreboard(report.results, GroupBy.CATEGORY, report.fail_on)
    lines += _groups(w("h_category"), by_category, w, width, categories=True)
    by_entity = scoreboard(report.results, GroupBy.ENTITY, report.fail_on)
    lines += ["", *_groups(w("h_entity"), by_entity[:SHOWN_ENTITIES], w, width)]
    if len(by_entity) > SHOWN_ENTITIES:
        lines.append(w("more_groups", count=w.number(len(by_entity) - SHOWN_ENTITIES)))
    failing = worst_first(report.failing)
    if failing:
        shown = failing[:SHOWN_FAILING]
        results = ResultLines(shown, style)
        lines += ["", w("worst_shown", shown=len(shown), count=w.number(len(failing)))]
        lines += results.header()
        for result in shown:
            lines += results.lines(result)
        lines += ["", *next_lines(report, w, width, failing=failing)]
    lines += textwrap.wrap(w("see_all", count=w.number(len(report.results))), width, break_on_hyphens=False)
    return "\n".join(lines) + "\n"


def _groups(
    name: str, groups: Sequence[Group], w: Words, width: int, *, categories: bool = False
) -> list[str]:
    """A compact count table: the group, its results, how many fail the gate, by status."""
    columns = [
        Column("name", name, shrink=12, keep=True),
        Column("total", w("h_total"), align="right"),
        Column("failing", w("h_failing"), align="right"),
        *(Column(s.value, w.status(s), align="right") for s in Status),
    ]
    rows = [
        {
            "name": w.group(g.name, "category" if categories else "entity"),
            "total": w.number(g.total),
            "failing": w.number(g.gate_failing),
            **{s.value: w.number(g.statuses[s.value]) for s in Status},
        }
        for g in groups
    ]
    return table(columns, rows, width)
