"""``--format html``: one self-contained page to read, forward by e-mail or publish.

In order: the as-of date, the gate verdict and the counts by status and outlook; a
summary by category and by agency; a scoreboard by entity, worst first; a table of the
targets; then a section per target with its title, quote and source, due date, status,
outlook and a chart (``html_chart``). Words in English or Vietnamese (``Style.lang``,
``lexicon``); the frame, styles and script in ``html_page``.

Bounded at any scale: the summaries count results, the entity scoreboard shows the worst
ENTITY_ROWS entities and says how many more there are, and each chart draws the series
``Report.charts`` holds (the nation and a few entities, ``chart_series``). Every string
from an input goes through ``esc``: it is text, never markup.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from dxcheck import __version__
from dxcheck.findings import Finding
from dxcheck.formats import Style
from dxcheck.formats.html_chart import Chart, Drawn, esc
from dxcheck.formats.html_page import document
from dxcheck.formats.lexicon import DASH, Words
from dxcheck.report import ChartSeries, Outlook, ProblemReport, Report, Result, Status
from dxcheck.timeline import Group, scoreboard
from dxcheck.timeline_words import GroupBy

ENTITY_ROWS = 100  # entities in the scoreboard; the rest are counted, not listed
MARKS = {Status.PASS: "✓", Status.FAIL: "✗", Status.OVERDUE: "!", Status.PENDING: "…"}
_STATUSES = frozenset(s.value for s in Status)
_FORWARD = (Outlook.ON_TRACK, Outlook.NEEDS_ACCELERATION, Outlook.OFF_TRACK, Outlook.REGRESSING)


def badge(words: Words, status: Status, late: bool = False) -> str:
    """A status as a mark and a word (never by colour alone)."""
    return (
        f'<span class="badge st-{status.value}"><span aria-hidden="true">{MARKS[status]}</span> '
        f"{esc(words.status(status, late))}</span>"
    )


def _counts(words: Words, counts: dict[Status, int]) -> str:
    return ", ".join(f"{words.number(n)} {words.status(s)}" for s, n in counts.items() if n)


class Renderer:
    def __init__(self, style: Style) -> None:
        self.style = style
        self.words = Words(style.lang)

    # --- the status report ---------------------------------------------------------------

    def render(self, report: Report) -> str:
        w = self.words
        by_target: dict[str, list[Result]] = {}
        for result in report.results:
            by_target.setdefault(result.target.id, []).append(result)
        verdict = w("gate_passed") if report.gate_passed else w("gate_failed")
        body = [
            f"<header><h1>{esc(w('title'))}</h1>"
            f'<p class="asof">{esc(w("as_of", date=w.day(report.as_of)))}</p></header>\n',
            self._verdict(report),
            self._tiles(report),
            self._groups(report, GroupBy.CATEGORY, "by_category", "category"),
            self._groups(report, GroupBy.AGENCY, "by_agency", "agency"),
            self._groups(report, GroupBy.ENTITY, "by_entity", "entity", limit=ENTITY_ROWS),
            self._target_table(by_target),
            self._sections(report, by_target),
            self._footer(report),
        ]
        title = f"dxcheck {report.as_of.isoformat()}: {verdict}"
        return document(w.lang, title, "".join(body))

    def _verdict(self, report: Report) -> str:
        w = self.words
        words = ", ".join(
            w.status(Status(x)) if x in _STATUSES else w.outlook(Outlook(x)) for x in sorted(report.fail_on)
        )
        if report.gate_passed:
            head, text, css, mark = (
                w("gate_passed"),
                w("gate_passed_text", words=words or w("gate_nothing")),
                "passed",
                "✓",
            )
        else:
            text = w(
                "gate_failed_text",
                failing=w.number(len(report.failing)),
                total=w.number(len(report.results)),
                words=words,
            )
            head, css, mark = w("gate_failed"), "failed", "✗"
        return (
            f'<section class="verdict {css}" id="gate" data-gate="{css}" data-failing="{len(report.failing)}">'
            f'<span class="mark" aria-hidden="true">{mark}</span><div><p><strong>{esc(head)}</strong></p>'
            f"<p>{esc(text)}</p></div></section>\n"
        )

    def _tiles(self, report: Report) -> str:
        w = self.words
        statuses = "".join(
            f"<li>{badge(w, s)}<b>{w.number(report.summary[s.value])}</b></li>" for s in Status
        )
        outlooks = "".join(
            f"<li>{esc(w.outlook(o))}<b>{w.number(report.outlook_summary[o.value])}</b></li>" for o in Outlook
        )
        return (
            f'<h2 id="counts">{esc(w("by_status"))}</h2><ul class="tiles">{statuses}</ul>'
            f'<h2 id="outlooks">{esc(w("by_outlook"))}</h2><ul class="tiles">{outlooks}</ul>\n'
        )

    def _groups(self, report: Report, by: GroupBy, heading: str, column: str, limit: int = 0) -> str:
        w = self.words
        groups = scoreboard(report.results, by, report.fail_on)
        shown = groups[:limit] if limit else groups
        table_id = f"by-{by.value}"
        heads = [
            f'<th scope="col">{esc(w(column))}</th>',
            f'<th scope="col" class="n">{esc(w("total"))}</th>',
        ]
        heads += [f'<th scope="col" class="n">{esc(w.status(s))}</th>' for s in Status]
        heads += [f'<th scope="col" class="n">{esc(w.outlook(o))}</th>' for o in _FORWARD]
        heads.append(f'<th scope="col" class="n">{esc(w("gate_failing"))}</th>')
        rows = "".join(self._group_row(g, by) for g in shown)
        parts = [f'<h2 id="{table_id}-heading">{esc(w(heading))}</h2>']
        if by is GroupBy.ENTITY:
            parts.append(
                f'<p class="controls" hidden><label>{esc(w("filter"))}<input type="search" '
                f'data-rows="{table_id}" placeholder="{esc(w("filter_hint"))}"></label></p>'
            )
        parts.append(
            f'<div class="scroll"><table class="sortable" id="{table_id}"><thead><tr>{"".join(heads)}</tr>'
            f"</thead><tbody>{rows}</tbody></table></div>"
        )
        if len(shown) < len(groups):
            parts.append(
                f'<p class="muted">{esc(w("more_entities", shown=w.number(len(shown)), total=w.number(len(groups))))}</p>'
            )
        return "".join(parts) + "\n"

    def _group_row(self, group: Group, by: GroupBy) -> str:
        w = self.words
        if by is GroupBy.CATEGORY:
            name = w.category(None if group.name == "uncategorised" else group.name)
        elif by is GroupBy.ENTITY and group.name == "national":
            name = w("national")
        elif by is GroupBy.AGENCY and group.name == "unspecified":
            name = w("unspecified")
        else:
            name = group.name
        cells = [f'<th scope="row">{esc(name)}</th>', f'<td class="n">{w.number(group.total)}</td>']
        cells += [f'<td class="n">{w.number(group.statuses[s.value])}</td>' for s in Status]
        cells += [f'<td class="n">{w.number(group.outlooks[o.value])}</td>' for o in _FORWARD]
        cells.append(f'<td class="n">{w.number(group.gate_failing)}</td>')
        return f"<tr>{''.join(cells)}</tr>"

    def _target_table(self, by_target: dict[str, list[Result]]) -> str:
        w = self.words
        heads = ["target", "due", "status", "outlook", "entities"]
        rows = []
        for tid, group in by_target.items():
            head = group[0]
            target = head.target
            entities = sum(1 for r in group if r.entity is not None)
            due = w.day(target.due) if target.due else DASH
            rows.append(
                f'<tr><td><a href="#t-{esc(tid)}">{esc(target.title_in(w.lang))}</a></td><td class="d">{due}</td>'
                f"<td>{badge(w, head.status, head.late)}</td><td>{esc(w.outlook(head.trend.outlook))}</td>"
                f'<td class="n">{w.number(entities)}</td></tr>'
            )
        numeric = ' class="n"'
        cols = "".join(f'<th scope="col"{numeric if h == "entities" else ""}>{esc(w(h))}</th>' for h in heads)
        return (
            f'<h2 id="targets-heading">{esc(w("targets"))}</h2><div class="scroll"><table class="sortable" '
            f'id="target-table"><thead><tr>{cols}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>\n'
        )

    def _sections(self, report: Report, by_target: dict[str, list[Result]]) -> str:
        w = self.words
        options = "".join(f'<option value="{s.value}">{esc(w.status(s))}</option>' for s in Status)
        parts = [
            f'<div id="target-sections"><p class="controls" hidden><label>{esc(w("show_status"))}'
            f'<select data-sections="target-sections"><option value="">{esc(w("all"))}</option>{options}'
            "</select></label></p>\n"
        ]
        charts = report.charts or {}
        for n, (tid, group) in enumerate(by_target.items()):
            parts.append(self._section(group, charts.get(tid), f"c{n}"))
        parts.append("</div>\n")
        return "".join(parts)

    def _section(self, group: Sequence[Result], series: Sequence[ChartSeries] | None, chart_id: str) -> str:
        w = self.words
        head = group[0]  # the national result when the selection kept it
        target = head.target
        meta = [f"<code>{esc(target.id)}</code>", esc(w.category(target.category))]
        if target.agency:
            meta.append(esc(target.agency))
        due = (
            w("no_deadline") if target.due is None else f"{w.day(target.due)} · {w.days_left(head.days_left)}"
        )
        if target.due is not None and target.deadline:
            due = f"{esc(target.deadline)} → {esc(due)}"
        else:
            due = esc(due)
        where = w("national") if head.entity is None else head.entity
        facts = [
            (w("goal"), esc(w.level(head))),
            (w("due"), due),
            (
                f"{w('latest')} ({where})",
                esc(w.latest(head))
                + (f" · {w('progress')} {w.percent(head.progress)}" if head.progress is not None else ""),
            ),
        ]
        if head.trend.eta is not None:
            # When the fitted trend reaches the goal (issue 17's eta): a phrase, to the month.
            facts.append((w("at_this_pace"), esc(w("eta_reached", month=w.month(head.trend.eta)))))
        entities = [r for r in group if r.entity is not None and r is not head]
        if entities:
            counts = Counter(r.status for r in entities)
            ordered = {s: counts.get(s, 0) for s in Status}
            facts.append(
                (
                    w("entities"),
                    esc(w("entity_counts", total=w.number(len(entities)), counts=_counts(w, ordered))),
                )
            )
        dl = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in facts)
        parts = [
            f'<section class="target" id="t-{esc(target.id)}" data-status="{head.status.value}" '
            f'data-outlook="{head.trend.outlook.value}">',
            f"<h3>{esc(target.title_in(w.lang))}</h3>",
            f'<p class="tid">{" · ".join(meta)}</p>',
            f"<p>{badge(w, head.status, head.late)} {esc(w('outlook'))}: <strong>{esc(w.outlook(head.trend.outlook))}</strong></p>",
            f'<dl class="facts">{dl}</dl>',
            self._source(head),
            self._figure(group, series, chart_id),
            "</section>\n",
        ]
        return "".join(parts)

    def _source(self, result: Result) -> str:
        w = self.words
        source = result.target.source
        if source is None:
            return ""
        bits = [esc(w("said", date=w.day(source.date)))]
        if source.occasion:
            bits.append(esc(source.occasion))
        if source.file:
            bits.append(f"<code>{esc(source.file)}</code>")
        # The catalog accepts http(s) URLs only; checked again here, as a link is markup.
        if source.url and source.url.startswith(("https://", "http://")):
            bits.append(f'<a href="{esc(source.url)}" rel="noopener noreferrer">{esc(w("link"))}</a>')
        return (
            f"<blockquote>“{esc(source.quote)}”</blockquote>"
            f'<p class="source">{esc(w("source"))}: {", ".join(bits)}</p>'
        )

    def _figure(self, group: Sequence[Result], series: Sequence[ChartSeries] | None, chart_id: str) -> str:
        w = self.words
        if series is None:
            return ""  # no series were read (a Report built without the chart pass)
        by_entity = {r.entity: r for r in group}
        drawn = [Drawn(s, by_entity[s.entity]) for s in series if s.entity in by_entity]
        chart = Chart(drawn, w, chart_id) if drawn else None
        if chart is None or not chart.has_data:
            return f'<p class="nochart">{esc(w("chart_none"))}</p>'
        entities = sum(1 for r in group if r.entity is not None)
        shown = sum(1 for d in chart.drawn if d.series.entity is not None)
        national = chart.drawn[0].series.entity is None
        if shown >= entities:
            note = w("chart_all_entities" if national else "chart_every_entity")
        else:
            note = w("chart_entities" if national else "chart_worst", shown=shown, total=w.number(entities))
        caption = f"<figcaption>{esc(note)}</figcaption>" if entities else ""
        return f'<figure><div class="scroll">{chart.svg()}</div>{caption}{chart.legend()}</figure>{chart.table()}'

    def _footer(self, report: Report) -> str:
        w = self.words
        parts = []
        if report.superseded:
            items = "".join(
                f"<li>{esc(w('superseded_item', id=s.target.id, by=s.by, date=w.day(s.since)))}</li>"
                for s in report.superseded
            )
            parts.append(f'<h2 id="superseded">{esc(w("superseded"))}</h2><ul>{items}</ul>')
        if report.findings:
            parts.append(f'<h2 id="warnings">{esc(w("warnings"))}</h2>{self._findings(report.findings)}')
        inputs = ", ".join(report.inputs) or w("none")
        note = w("catalog_language")
        parts.append(
            f"<footer><p>{esc(w('footer', catalog=report.catalog, inputs=inputs, version=__version__))}</p>"
            + (f"<p>{esc(note)}</p>" if note else "")
            + "</footer>\n"
        )
        return "".join(parts)

    def _findings(self, findings: Sequence[Finding]) -> str:
        w = self.words
        heads = "".join(
            f'<th scope="col">{esc(w(h))}</th>' for h in ("location", "code", "severity", "message", "hint")
        )
        rows = []
        for f in findings:
            loc = f.location
            where = str(loc) + (f" ({loc.key_path})" if loc.key_path else "")
            lang = self.style.lang
            cells = [
                where,
                f.code.id,
                w(f.effective_severity.value),
                f.located_message_in(lang),
                f.hint_in(lang) or "",
            ]
            rows.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
        return f'<div class="scroll"><table><thead><tr>{heads}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>\n'

    # --- validate's problems ---------------------------------------------------------------

    def render_problems(self, problems: ProblemReport) -> str:
        w = self.words
        head = w("validation_passed") if problems.passed else w("validation_failed")
        css, mark = ("passed", "✓") if problems.passed else ("failed", "✗")
        counts = w("checked", files=len(problems.files), errors=problems.errors, warnings=problems.warnings)
        body = [
            f"<header><h1>{esc(w('problems_title'))}</h1></header>",
            f'<section class="verdict {css}" id="gate" data-gate="{css}" data-failing="{problems.errors}">'
            f'<span class="mark" aria-hidden="true">{mark}</span><div><p><strong>{esc(head)}</strong></p>'
            f"<p>{esc(counts)}</p></div></section>\n",
        ]
        if problems.findings:
            body.append(self._findings(problems.findings))
        files = ", ".join(problems.files) or w("none")
        body.append(f"<footer><p>{esc(files)}. dxcheck {esc(__version__)}.</p></footer>\n")
        return document(w.lang, f"dxcheck: {head}", "".join(body), script=False)
