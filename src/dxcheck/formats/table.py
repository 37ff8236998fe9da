"""``--format table``: a rich table for people, grouped by category, with a summary line.

Colours only when the style says so (a terminal, no NO_COLOR); otherwise plain ASCII that
reads well in a CI log or a pipe. Every string that comes from an input goes through
``rich.text.Text`` (no markup parsing) after ``printable`` (no terminal escapes).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from itertools import groupby

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dxcheck.formats import Style
from dxcheck.formats.words import (
    bar,
    days_text,
    eta_text,
    latest_text,
    level_text,
    percent,
    status_text,
    summary_line,
    verdict_line,
)
from dxcheck.report import Outlook, ProblemReport, Report, Result, Status
from dxcheck.text import printable

STATUS_STYLE = {
    Status.PASS: "bold green",
    Status.FAIL: "bold red",
    Status.OVERDUE: "bold magenta",
    Status.PENDING: "yellow",
}
OUTLOOK_STYLE = {
    Outlook.MET: "green",
    Outlook.MET_LATE: "green",
    Outlook.ON_TRACK: "green",
    Outlook.NEEDS_ACCELERATION: "yellow",
    Outlook.OFF_TRACK: "red",
    Outlook.REGRESSING: "red",
    Outlook.MISSED: "red",
    Outlook.INSUFFICIENT_DATA: "dim",
}
WIDE = 110  # below this many columns the progress bar gives way to a bare percentage
# No vertical rules; a line of dashes under the header: reads well in logs and pipes.
PLAIN_BOX = box.Box("    \n    \n -- \n    \n    \n -- \n    \n    \n", ascii=True)
_FAR = date.max


class Renderer:
    def __init__(self, style: Style) -> None:
        self.style = style

    def _console(self, buffer: io.StringIO) -> Console:
        return make_console(buffer, self.style)

    def render(self, report: Report) -> str:
        buffer = io.StringIO()
        console = self._console(buffer)
        if report.results:
            console.print(results_table(report.results, self.style))
        else:
            console.print(Text("No results match the selection."))
        restated = superseded_line(report)
        if restated:
            console.print(Text(restated, style="dim"))
        fancy = self.style.color
        line = Text(
            summary_line(report),
            style=("bold green" if report.gate_passed else "bold red") if fancy else "",
        )
        console.print(line)
        return trim(buffer.getvalue())

    def render_problems(self, problems: ProblemReport) -> str:
        from dxcheck.formats.diagnostics import render_findings

        findings = render_findings(problems.findings, color=self.style.color, lang=self.style.lang)
        return findings + verdict_line(problems) + "\n"


def superseded_line(report: Report) -> str:
    """Once, briefly, and only for versions whose successor is shown: ``superseded by a
    restatement: a, b (dxcheck targets ID shows each version)``."""
    shown = {r.target.id for r in report.results}
    items = [s.target.id for s in report.superseded if s.by in shown]
    if not items:
        return ""
    return f"superseded by a restatement: {', '.join(items)} (dxcheck targets ID shows each version)"


def results_table(results: Sequence[Result], style: Style) -> Table:
    """One row per result (the status over the outlook, the id over the title), grouped by
    category, soonest due first."""
    fancy = style.color
    table = Table(
        box=box.SIMPLE_HEAD if fancy else PLAIN_BOX,
        show_edge=False,
        pad_edge=False,
        header_style="bold" if fancy else "",
        collapse_padding=True,
    )
    with_entities = any(r.entity for r in results)
    with_bars = style.width >= WIDE
    table.add_column("status", max_width=12)
    table.add_column("target", ratio=1, min_width=16, overflow="fold")
    if with_entities:
        table.add_column("entity", max_width=18, overflow="fold")
    table.add_column("due", no_wrap=True)
    table.add_column("latest", max_width=18, overflow="fold")
    table.add_column("goal", max_width=14, overflow="fold")
    table.add_column("progress", no_wrap=True, justify="left" if with_bars else "right")
    ordered = sorted(
        results,
        key=lambda r: (r.target.category or "~", r.target.due or _FAR, r.target.id),
    )
    for category, group in groupby(ordered, key=lambda r: r.target.category or "uncategorised"):
        heading = [Text(""), Text(category.upper(), style="bold cyan" if fancy else "")]
        table.add_row(*heading, *([Text("")] * (len(table.columns) - 2)))
        for result in group:
            state = Text(status_text(result), style=STATUS_STYLE[result.status] if fancy else "")
            outlook = result.trend.outlook
            state.append(
                "\n" + outlook.value.replace("_", " "),
                style=OUTLOOK_STYLE[outlook] if fancy else "",
            )
            title = Text(result.target.id, style="bold" if fancy else "")
            title.append("\n")
            title.append(printable(result.target.title), style="dim" if fancy else "")
            due = Text(result.target.due.isoformat() if result.target.due else "-")
            due.append("\n" + days_text(result), style="dim" if fancy else "")
            cells = [state, title]
            if with_entities:
                cells.append(Text(printable(result.entity) if result.entity else "national"))
            cells += [
                due,
                Text(printable(latest_text(result))),
                Text(level_text(result)),
                _progress(result, fancy=fancy, with_bars=with_bars),
            ]
            table.add_row(*cells)
    return table


def _progress(result: Result, *, fancy: bool, with_bars: bool) -> Text:
    """The share of the way, and under it when the trend gets there (``eta``): only in a
    wide table, where it takes no room from the other columns."""
    if not with_bars:
        return Text(percent(result.progress))
    cell = Text(bar(result.progress, fancy=fancy))
    pace = eta_text(result.trend.eta)
    if pace:
        cell.append("\n" + pace, style="dim" if fancy else "")
    return cell


def make_console(buffer: io.StringIO, style: Style) -> Console:
    """A console that writes to ``buffer``: colour and width from the style, no markup,
    no emoji codes, no highlighting (input text is shown as it is)."""
    return Console(
        file=buffer,
        width=style.width,
        force_terminal=style.color,
        no_color=not style.color,
        color_system="standard" if style.color else None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        soft_wrap=False,
    )


def trim(text: str) -> str:
    """No trailing blanks from cell padding: they only make diffs and logs noisy."""
    return "".join(line.rstrip() + "\n" for line in text.splitlines())
