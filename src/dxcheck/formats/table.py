"""``--format table``: the status for people, one line per result, fitted to the terminal.

What matters comes first: the counts and the gate's verdict, then the results that fail
the gate (worst first), then the rest by category, and last one line saying what to do
next. Columns are kept in order of importance (``grid.fit``): at 80 columns a line holds
the status, the target's id (never cut), the entity and the progress; wider terminals add
the outlook, the due date, the latest value, the goal, the title and when the trend gets
there. Words follow ``--lang`` (``lexicon``).

Written line by line (``chunks``): a table of 132,000 results streams to a pipe or file.
Colours are ANSI codes written here, only when the style says so (a terminal, no
NO_COLOR); input text goes through ``printable`` first (no terminal escapes).
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import groupby
from operator import attrgetter

from dxcheck.formats import Style
from dxcheck.formats.grid import Column, Grid, cell_width, fit, measure
from dxcheck.formats.lexicon import BAR_WIDTH, Words, bar
from dxcheck.formats.parts import Pieces, Streamed
from dxcheck.report import Outlook, ProblemReport, Report, Result, Status, worst_first
from dxcheck.text import printable

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
STATUS_PAINT = {
    Status.PASS: "\033[1;32m",
    Status.FAIL: "\033[1;31m",
    Status.OVERDUE: "\033[1;35m",
    Status.PENDING: "\033[33m",
}
OUTLOOK_PAINT = {
    Outlook.MET: "\033[32m",
    Outlook.MET_LATE: "\033[32m",
    Outlook.ON_TRACK: "\033[32m",
    Outlook.NEEDS_ACCELERATION: "\033[33m",
    Outlook.OFF_TRACK: "\033[31m",
    Outlook.REGRESSING: "\033[31m",
    Outlook.MISSED: "\033[31m",
    Outlook.INSUFFICIENT_DATA: DIM,
}
BARS_FROM = 120  # columns from which the progress column draws a bar
_FAR = date.max
_ENTITY = attrgetter("entity")


class ResultLines:
    """The cells of a result as the terminal shows them, and the grid they fit in."""

    def __init__(self, results: Sequence[Result], style: Style) -> None:
        self.words = Words(style.lang)
        self.style = style
        self.bars = style.width >= BARS_FROM
        self._entities: dict[str | None, str] = {}
        self._when: dict[int | None, str] = {}
        w = self.words
        with_entities = any(r.entity for r in results)
        # In order of importance: what a line keeps when the terminal is narrow.
        columns = [
            Column("status", w("h_status"), keep=True),
            Column("target", w("h_target"), keep=True),
            Column("progress", w("h_progress"), align="left" if self.bars else "right"),
            *([Column("entity", w("h_entity"), shrink=12, keep=True)] if with_entities else []),
            Column("outlook", w("h_outlook")),
            Column("due", w("h_due")),
            Column("latest", w("h_latest"), shrink=14),
            Column("goal", w("h_goal")),
            Column("title", w("h_title"), shrink=16),
            Column("when", w("h_when")),
            Column("eta", w("h_eta")),
        ]
        order = (
            "status",
            "target",
            "entity",
            "due",
            "when",
            "latest",
            "goal",
            "progress",
            "outlook",
            "eta",
            "title",
        )
        self.grid: Grid = fit(columns, self._natural(results), style.width, order=order)
        self._keys = frozenset(self.grid.keys)

    def _natural(self, results: Sequence[Result]) -> dict[str, int]:
        """The widest cell of each column. Cells that depend only on the target or the
        entity are measured once a target or entity, so measuring 132,000 results stays
        a light pass."""
        seen: dict[str, Result] = {}
        names: dict[str | None, Result] = {}
        for r in results:
            seen.setdefault(r.target.id, r)
            names.setdefault(r.entity, r)
        per_result = {"latest": self._latest_width(results)}
        per_entity = measure(({"entity": self.entity(r)} for r in names.values()), ("entity",))
        per_target = measure(
            (
                {"target": r.target.id, "goal": self.goal(r), "due": self.due(r), "title": self.title(r)}
                for r in seen.values()
            ),
            ("target", "goal", "due", "title"),
        )
        words = self.words
        statuses = {(r.status, r.late) for r in results}
        outlooks = {r.trend.outlook for r in results}
        days = [r.days_left for r in results if r.days_left is not None]
        # The longest "N days left/ago" is at one of the two ends.
        when = {self.when_text(d) for d in (min(days, default=None), max(days, default=None))}
        if len(days) < len(results):
            when.add(self.when_text(None))
        natural = {
            **per_result,
            **per_entity,
            **per_target,
            "status": max(len(words.status(s, late)) for s, late in statuses),
            "outlook": max(len(words.outlook(o)) for o in outlooks),
            "when": max(len(text) for text in when),
            "progress": self._progress_width(results),
            "eta": 7 if any(r.trend.eta for r in results) else 0,
        }
        if not any(r.trend.eta for r in results):
            natural.pop("eta")
        return natural

    def entity(self, result: Result) -> str:
        name = result.entity
        text = self._entities.get(name)
        if text is None:
            text = self._entities[name] = printable(name) if name else self.words("national")
        return text

    def latest(self, result: Result) -> str:
        return printable(self.words.latest(result))

    def _progress(self, fraction: float | None) -> str:
        if self.bars:
            return bar(fraction, fancy=self.style.color, words=self.words)
        return self.words.percent(fraction, none="-")

    def _progress_width(self, results: Sequence[Result]) -> int:
        """Room for ``100%`` (and its bar), or for the widest share: at the largest or the
        smallest (a share of 1,032% or -50% is wider, and a wider cell would push the rest
        of its row onto a second line)."""
        least = BAR_WIDTH + 5 if self.bars else 4
        shares = [r.progress for r in results if r.progress is not None]
        if not shares:
            return least
        return max(least, *(cell_width(self._progress(share)) for share in (min(shares), max(shares))))

    def _latest_width(self, results: Sequence[Result]) -> int:
        """The widest ``latest`` cell: measured a reading and a date at a time (a cell is
        ``reading (date)``, and both ``printable`` and ``cell_width`` go a character at a
        time), each reading once per target and value, each date once, not one text per
        result (a test keeps it the widest cell's width)."""
        readings: dict[int, dict[float, int]] = {}  # id(target) -> value -> its reading's width
        days: dict[date, int] = {}
        widest = 0
        words = self.words
        for result in results:
            latest = result.latest
            if latest is None:
                width = cell_width(self.latest(result))
            else:
                per_value = readings.get(id(result.target))
                if per_value is None:
                    per_value = readings[id(result.target)] = {}
                w_reading = per_value.get(latest.value)
                if w_reading is None:
                    reading = words.latest_parts(result)[0]  # type: ignore[index]
                    w_reading = per_value[latest.value] = cell_width(printable(reading))
                w_day = days.get(latest.date)
                if w_day is None:
                    w_day = days[latest.date] = cell_width(printable(words.day(latest.date)))
                width = w_reading + w_day + 3  # " (" and ")"
            if width > widest:
                widest = width
        return widest

    # The goal, due date and title cells are the same for each of a target's results
    # (3,300 of them at commune scale): said once per target (``Words.of_target``).
    def goal(self, result: Result) -> str:
        return self.words.of_target(result, "t_goal", _goal_cell)

    def due(self, result: Result) -> str:
        return self.words.of_target(result, "t_due", _due_cell)

    def title(self, result: Result) -> str:
        return self.words.of_target(result, "t_title", _title_cell)

    def when(self, result: Result) -> str:
        days = result.days_left
        text = self._when.get(days)
        if text is None:
            text = self._when[days] = self.when_text(days)
        return text

    def when_text(self, days: int | None) -> str:
        return self.words("no_deadline_short") if days is None else self.words.days_left(days)

    def cells(self, result: Result) -> dict[str, str]:
        keys = self._keys
        words = self.words
        out = {
            "status": words.status(result.status, result.late),
            "target": result.target.id,
        }
        if "entity" in keys:
            out["entity"] = self.entity(result)
        if "progress" in keys:
            out["progress"] = self._progress(result.progress)
        if "outlook" in keys:
            out["outlook"] = words.outlook(result.trend.outlook)
        if "due" in keys:
            out["due"] = self.due(result)
        if "latest" in keys:
            out["latest"] = self.latest(result)
        if "goal" in keys:
            out["goal"] = self.goal(result)
        if "when" in keys:
            out["when"] = self.when(result)
        if "eta" in keys and result.trend.eta:
            out["eta"] = words.month(result.trend.eta)
        if "title" in keys:
            out["title"] = self.title(result)
        return out

    def lines(self, result: Result) -> list[str]:
        paint = None
        if self.style.color:
            paint = {
                "status": STATUS_PAINT[result.status],
                "outlook": OUTLOOK_PAINT[result.trend.outlook],
                "target": BOLD,
                "when": DIM,
                "title": DIM,
            }
        return self.grid.line(self.cells(result), paint)

    def text(self, result: Result) -> str:
        """``lines(result)``, each ended."""
        return "".join(line + "\n" for line in self.lines(result))

    def header(self) -> list[str]:
        head, rule = self.grid.header()
        return [f"{BOLD}{head}{RESET}" if self.style.color else head, rule]


def _goal_cell(w: Words, result: Result) -> str:
    return w.level(result, ascii_signs=True)


def _due_cell(w: Words, result: Result) -> str:
    due = result.target.due
    return w.day(due) if due else "-"


def _title_cell(w: Words, result: Result) -> str:
    return printable(result.target.title_in(w.lang))


class Renderer(Streamed):
    def __init__(self, style: Style) -> None:
        self.style = style
        self.words = Words(style.lang)

    def pieces(self, report: Report) -> Pieces:
        """The counts and the gate, the failing results, the others by category, the next
        steps; a result's lines are made when they are written (``parts``)."""
        if not report.results:
            return Pieces(_no_text, self._items(report, None))
        table = ResultLines(report.results, self.style)
        return Pieces(table.text, self._items(report, table))

    def _items(self, report: Report, table: ResultLines | None) -> Iterator[str | Result]:
        words, width, fancy = self.words, self.style.width, self.style.color
        for line in (words.counts(report), words.gate(report)):
            yield "".join(part + "\n" for part in textwrap.wrap(line, width))
        if table is None:
            yield words("no_results") + "\n"
            return
        failing = worst_first(report.failing)  # sorted once: the next steps name the worst
        if failing:
            yield "\n" + _heading(words("failing_section", count=f"{len(failing):,}"), fancy) + "\n"
            yield from _block(table, failing)
            shown = {id(r) for r in failing}
            rest = [r for r in report.results if id(r) not in shown]
            if rest:
                yield "\n" + _heading(words("others_section", count=f"{len(rest):,}"), fancy) + "\n"
        else:
            rest = list(report.results)
        if rest:
            yield from _by_category(table, rest, fancy)
        restated = superseded_line(report, words)
        tail = textwrap.wrap(restated, width, break_on_hyphens=False) if restated else []
        tail += next_lines(report, words, width, failing=failing)
        if tail:
            yield "\n" + "".join(line + "\n" for line in tail)

    def render_problems(self, problems: ProblemReport) -> str:
        from dxcheck.formats.diagnostics import render_findings
        from dxcheck.formats.lexicon import verdict_line

        findings = render_findings(problems.findings, color=self.style.color, lang=self.style.lang)
        return findings + verdict_line(problems, self.style.lang) + "\n"


def _heading(text: str, fancy: bool) -> str:
    return f"{BOLD}{text}{RESET}" if fancy else text


def _no_text(result: Result) -> str:
    raise AssertionError("never called: a report without results gives no result to write")


def _block(table: ResultLines, results: Iterable[Result]) -> Iterator[str | Result]:
    yield "".join(line + "\n" for line in table.header())
    yield from results


def _by_category(table: ResultLines, results: Sequence[Result], fancy: bool) -> Iterator[str | Result]:
    """The results by category (a heading line each), soonest due first."""
    yield "".join(line + "\n" for line in table.header())
    # A target's results keep their order (a stable sort on the target's key): so the
    # targets are sorted, not the 100,000s of results.
    by_target: dict[str, list[Result]] = {}
    for result in results:
        by_target.setdefault(result.target.id, []).append(result)
    groups = sorted(
        by_target.values(),
        key=lambda g: (g[0].target.category or "~", g[0].target.due or _FAR, g[0].target.id),
    )
    ordered = [result for group in groups for result in group]
    for category, group in groupby(ordered, key=lambda r: r.target.category):
        name = table.words.category(category).upper()
        yield (f"\033[1;36m{name}{RESET}" if fancy else name) + "\n"
        yield from group


def superseded_line(report: Report, words: Words) -> str:
    """Once, briefly, and only for versions whose successor is shown."""
    if not report.superseded:  # most runs: no pass over the results
        return ""
    shown = {r.target.id for r in report.results}
    items = [s.target.id for s in report.superseded if s.by in shown]
    return words("superseded_line", ids=", ".join(items)) if items else ""


def next_lines(
    report: Report, words: Words, width: int = 80, *, failing: list[Result] | None = None
) -> list[str]:
    """What to do next: look at the worst result, or narrow to the entity that fails most.
    A command is never wrapped: when a line is too narrow it goes on its own line.
    ``failing``: the failing results worst first, when the caller has them sorted."""
    failing = worst_first(report.failing) if failing is None else failing
    if not failing:
        return []
    worst = failing[0]
    entity = f" --entity {quoted(worst.entity)}" if worst.entity else ""
    steps = [(words("next_show"), f"dxcheck show {worst.target.id}{entity}")]
    if _two_or_more(map(_ENTITY, report.results)):
        # counted by C code: 100,000s of failing results at commune scale
        tally = Counter(map(_ENTITY, failing))
        tally.pop(None, None)
        tally.pop("", None)
        if tally:
            most = min(tally, key=lambda e: (-tally[e], e))
            steps.append((words("next_entity"), f"dxcheck status --entity {quoted(most)}"))
    out = []
    for label, command in steps:
        line = f"{label}: {command}"
        out += [line] if cell_width(line) <= width else [f"{label}:", f"  {command}"]
    return out


def _two_or_more(names: Iterable[str | None]) -> bool:
    """Whether ``names`` holds two different ones (read only as far as the second)."""
    rest = iter(names)
    first = next(rest, None)
    return any(name != first for name in rest)


def quoted(text: str) -> str:
    """A value as a shell argument a person can paste: bare when safe, else in quotes."""
    shown = printable(text)
    if shown and all(ch.isalnum() or ch in "-_.," for ch in shown):
        return shown
    return "'" + shown.replace("'", "'\\''") + "'"
