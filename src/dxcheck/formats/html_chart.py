"""One target's chart as inline SVG: the observations over time (the national series and
a few entities), the target level, the due date, the fitted trend and its projection to
the due date, with axis labels, a legend and a text alternative.

Colour-blind-safe: the Okabe-Ito palette, and every series also has its own marker shape
(and the legend names it), so nothing depends on telling colours apart; a status is
always written as a word beside its series, never shown by colour. The markers and
colours are classes of the page's stylesheet (``html_page``): a chart is plain shapes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from dxcheck.formats.lexicon import DASH, Words
from dxcheck.report import ChartSeries, Result
from dxcheck.text import printable
from dxcheck.trend import FitSums, days

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 20, 28, 50
PALETTE_SIZE = 7  # series classes s0 (national, black) .. s6; more entities reuse them


def esc(text: str) -> str:
    """Input text as HTML/SVG text or attribute: markup-free, controls made visible."""
    return escape(printable(text), quote=True)


@dataclass(frozen=True)
class Drawn:
    """A series to draw and the result it belongs to."""

    series: ChartSeries
    result: Result


@dataclass(frozen=True)
class _Scale:
    x0: int  # days since 2000 at the left edge
    x1: int
    y0: float
    y1: float

    def x(self, day: date) -> float:
        return LEFT + (days(day) - self.x0) / (self.x1 - self.x0) * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        return TOP + (self.y1 - value) / (self.y1 - self.y0) * (HEIGHT - TOP - BOTTOM)


def _nice(span: float) -> float:
    """A tick step of 1, 2 or 5 times a power of ten giving about five ticks."""
    raw = span / 5 or 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _trend_at(fit: FitSums, compound: bool, day: date) -> float | None:
    """The engine's fit at ``day``: compound when the target asks and it exists, else linear."""
    t = float(days(day))
    value = fit.compound_at(t) if compound else None
    return value if value is not None else fit.linear_at(t)


def _name(words: Words, entity: str | None) -> str:
    return words("national") if entity is None else entity


class Chart:
    """Builds the SVG, its legend and its table for one target."""

    def __init__(self, drawn: Sequence[Drawn], words: Words, chart_id: str) -> None:
        self.drawn = [d for d in drawn if d.series.points]
        self.words = words
        self.id = chart_id
        self.result = drawn[0].result
        self.target = self.result.target
        self.milestone = self.target.type.value == "milestone"
        self.trend = self._trend()

    @property
    def has_data(self) -> bool:
        return bool(self.drawn)

    def _trend(self) -> tuple[Drawn, list[tuple[date, float]], tuple[date, float] | None] | None:
        """The series whose trend is drawn (national, else the worst entity), the fitted
        line over its observations and, when the outlook projected, the projection."""
        if self.milestone or not self.drawn:
            return None
        first = self.drawn[0]
        fit = first.series.fit
        if fit is None:
            return None
        if fit.slope() is None:
            return None
        compound = (first.result.trend.method or getattr(self.target.projection, "value", "")) == "compound"
        start = first.series.points[0][0]
        baseline = self.target.baseline
        if first.series.entity is None and baseline is not None:
            start = min(start, baseline.date)
        end = first.series.points[-1][0]
        line = [(d, v) for d in (start, end) if (v := _trend_at(fit, compound, d)) is not None]
        due, projected = self.target.due, first.result.trend.projected
        projection = (due, projected) if due is not None and projected is not None and due > end else None
        return first, line, projection

    def _scale(self) -> _Scale:
        dates = [d for s in self.drawn for d, _ in s.series.points]
        values = [v for s in self.drawn for _, v in s.series.points]
        if self.target.due is not None:
            dates.append(self.target.due)
        baseline = self.target.baseline
        if baseline is not None and self.drawn[0].series.entity is None:
            dates.append(baseline.date)
            values.append(baseline.value)
        if self.trend is not None:
            values += [v for _, v in self.trend[1]]
            if self.trend[2] is not None:
                values.append(self.trend[2][1])
        values.append(self.target.level)
        x0, x1 = days(min(dates)), days(max(dates))
        pad = max(15, (x1 - x0) // 30)
        if self.milestone:
            return _Scale(x0 - pad, x1 + pad, -0.15, 1.15)
        low, high = min(values), max(values)
        if low >= 0:
            low = 0.0
        step = _nice(high - low)
        return _Scale(
            x0 - pad, x1 + pad, math.floor(low / step) * step, math.ceil(high / step) * step or step
        )

    # --- the SVG -------------------------------------------------------------------------

    def svg(self) -> str:
        scale = self._scale()
        w = self.words
        parts = [
            f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-labelledby="{self.id}-t {self.id}-d" data-series="{len(self.drawn)}">',
            f'<title id="{self.id}-t">{esc(w("chart_of", title=self.target.title_in(w.lang)))}</title>',
            f'<desc id="{self.id}-d">{esc(self.description())}</desc>',
            *self._axes(scale),
        ]
        level_y = scale.y(self.target.level)
        parts.append(
            f'<line class="level" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{level_y:.1f}" y2="{level_y:.1f}"/>'
        )
        label = esc(w("legend_target", level=w.level(self.result)))
        label_y = level_y + 16 if level_y < TOP + 20 else level_y - 6  # under the line at the top
        parts.append(
            f'<text class="note" x="{WIDTH - RIGHT - 4}" y="{label_y:.1f}" text-anchor="end">{label}</text>'
        )
        due = self.target.due
        if due is not None:
            x = scale.x(due)
            anchor = "end" if x > WIDTH / 2 else "start"
            shift = -4 if anchor == "end" else 4
            parts.append(f'<line class="due" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}"/>')
            parts.append(
                f'<text class="note" x="{x + shift:.1f}" y="{TOP - 8}" text-anchor="{anchor}">'
                f"{esc(w('legend_due'))} {esc(w.day(due))}</text>"
            )
        parts += self._trend_shapes(scale)
        for i, drawn in reversed(list(enumerate(self.drawn))):  # the nation on top
            points = drawn.series.points
            coords = " ".join(f"{scale.x(d):.1f},{scale.y(v):.1f}" for d, v in points)
            if len(points) == 1:
                coords += " " + coords  # one point: the markers still show it
            parts.append(f'<polyline class="s{self._style(i)}" points="{coords}"/>')
        baseline = self.target.baseline
        if baseline is not None and self.drawn[0].series.entity is None:
            parts.append(
                f'<rect class="baseline" x="{scale.x(baseline.date) - 5:.1f}" '
                f'y="{scale.y(baseline.value) - 5:.1f}" width="10" height="10"/>'
            )
        parts.append("</svg>")
        return "".join(parts)

    def _style(self, i: int) -> int:
        """The series class: s0 (black) for the nation, then s1..s6 for the entities."""
        k = i if self.drawn[0].series.entity is None else i + 1
        return 0 if k == 0 else 1 + (k - 1) % (PALETTE_SIZE - 1)

    def _axes(self, scale: _Scale) -> list[str]:
        w = self.words
        out = []
        bottom, right = HEIGHT - BOTTOM, WIDTH - RIGHT
        if self.milestone:
            ticks = [(0.0, w("not_done")), (1.0, w("done"))]
        else:
            step = _nice(scale.y1 - scale.y0)
            count = round((scale.y1 - scale.y0) / step)
            ticks = [(scale.y0 + k * step, "") for k in range(count + 1)]
            ticks = [(v, w.compact(round(v, 10))) for v, _ in ticks]
        for value, label in ticks:
            y = scale.y(value)
            out.append(f'<line class="grid" x1="{LEFT}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}"/>')
            if self.milestone:  # words, not numbers: inside the plot, above their line
                out.append(f'<text class="tick" x="{LEFT + 6}" y="{y - 5:.1f}">{esc(label)}</text>')
            else:
                out.append(
                    f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{esc(label)}</text>'
                )
        for day, label in self._x_ticks(scale):
            x = scale.x(day)
            # A label at either end stays inside the chart (phones show the text larger).
            anchor = "end" if x > right - 36 else "start" if x < LEFT + 36 else "middle"
            out.append(f'<line class="tickmark" x1="{x:.1f}" x2="{x:.1f}" y1="{bottom}" y2="{bottom + 5}"/>')
            out.append(
                f'<text class="tick" x="{x:.1f}" y="{bottom + 18}" text-anchor="{anchor}">{label}</text>'
            )
        out.append(f'<line class="axis" x1="{LEFT}" x2="{right}" y1="{bottom}" y2="{bottom}"/>')
        out.append(f'<line class="axis" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{bottom}"/>')
        unit = self.target.unit
        if self.milestone:
            y_label = w("axis_milestone")
        else:
            y_label = (
                w("axis_value", unit="%" if unit == "percent" else unit) if unit else w("axis_value_plain")
            )
        out.append(
            f'<text class="axis-label" x="14" y="{(TOP + bottom) / 2:.0f}" text-anchor="middle" '
            f'transform="rotate(-90 14 {(TOP + bottom) / 2:.0f})">{esc(y_label)}</text>'
        )
        out.append(
            f'<text class="axis-label" x="{(LEFT + right) / 2:.0f}" y="{HEIGHT - 8}" '
            f'text-anchor="middle">{esc(w("axis_date"))}</text>'
        )
        return out

    def _x_ticks(self, scale: _Scale) -> list[tuple[date, str]]:
        start = date(2000, 1, 1) + timedelta(days=scale.x0)
        end = date(2000, 1, 1) + timedelta(days=scale.x1)
        months = (end.year - start.year) * 12 + end.month - start.month
        step = next(s for s in (1, 2, 3, 6, 12, 24, 60, 120) if months / s <= 6)
        out = []
        year, month = start.year, start.month
        while True:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            day = date(year, month, 1)
            if day > end:
                break
            if (year * 12 + month - 1) % step == 0:
                if step >= 12:
                    out.append((day, str(year)))
                else:
                    out.append(
                        (day, f"{month:02d}/{year}" if self.words.lang == "vi" else f"{year}-{month:02d}")
                    )
        if len(out) < 2:  # a short span: the dates of the first and last points
            first, last = self.drawn[0].series.points[0][0], self.drawn[0].series.points[-1][0]
            out = [(d, self.words.day(d)) for d in sorted({first, last})]
        return out

    def _trend_shapes(self, scale: _Scale) -> list[str]:
        if self.trend is None:
            return []
        _, line, projection = self.trend
        out = []
        if len(line) == 2:
            (d0, v0), (d1, v1) = line
            out.append(
                f'<line class="fit" x1="{scale.x(d0):.1f}" y1="{scale.y(v0):.1f}" '
                f'x2="{scale.x(d1):.1f}" y2="{scale.y(v1):.1f}"/>'
            )
        if projection is not None and line:
            (d0, v0), (d1, v1) = line[-1], projection
            x1, y1 = scale.x(d1), scale.y(v1)
            out.append(
                f'<line class="projection" x1="{scale.x(d0):.1f}" y1="{scale.y(v0):.1f}" '
                f'x2="{x1:.1f}" y2="{y1:.1f}"/>'
            )
            out.append(f'<circle class="projected" cx="{x1:.1f}" cy="{y1:.1f}" r="5"/>')
            value = self.words.value(round(v1, 1), self.target.unit)
            anchor = "end" if x1 > WIDTH / 2 else "start"
            out.append(
                f'<text class="note" x="{x1 + (-8 if anchor == "end" else 8):.1f}" y="{y1 + 16:.1f}" '
                f'text-anchor="{anchor}">{esc(value)}</text>'
            )
        return out

    # --- words around it ---------------------------------------------------------------

    def description(self) -> str:
        """The text alternative: each series, the target, and the projection."""
        w = self.words
        sentences = [
            w(
                "desc_series" if len(d.series.points) > 1 else "desc_series_one",
                name=_name(w, d.series.entity),
                count=len(d.series.points),
                first=w.day(d.series.points[0][0]),
                last=w.day(d.series.points[-1][0]),
                latest=w.reading(d.result, d.series.points[-1][1]),
            )
            + f" ({w.status(d.result.status, d.result.late)}, {w.outlook(d.result.trend.outlook)})."
            for d in self.drawn
        ]
        due = self.target.due
        level = w("legend_target", level=w.level(self.result))
        sentences.append(
            level[:1].upper() + level[1:] + (f", {w('legend_due')} {w.day(due)}." if due else ".")
        )
        if self.trend is not None and self.trend[2] is not None:
            day, value = self.trend[2]
            projected = w("projected_text", value=w.value(round(value, 1), self.target.unit), date=w.day(day))
            sentences.append(f"{_name(w, self.trend[0].series.entity)}: {projected}.")
        return " ".join(sentences)

    def legend(self) -> str:
        w = self.words
        items = []
        for i, drawn in enumerate(self.drawn):
            result = drawn.result
            words = f"{w.status(result.status, result.late)}, {w.outlook(result.trend.outlook)}"
            items.append(
                f'<li><svg class="key" viewBox="0 0 30 12" aria-hidden="true"><polyline class="s{self._style(i)}" '
                f'points="2,6 15,6 28,6"/></svg>{esc(_name(w, drawn.series.entity))} '
                f'<span class="muted">({esc(words)})</span></li>'
            )
        keys = [("level", w("legend_target", level=w.level(self.result)))]
        if self.target.due is not None:
            keys.append(("due", w("legend_due")))
        if self.trend is not None:
            # the line drawn: the compound fit or the linear one (open-sdg draws the linear fit)
            method = "compound" if self.trend[0].result.trend.method == "compound" else "linear"
            keys.append(("fit", w("legend_trend", method=w(method))))
            if self.trend[2] is not None:
                keys.append(("projection", w("legend_projection")))
        baseline = self.target.baseline
        if baseline is not None and self.drawn[0].series.entity is None:
            keys.append(("baseline", w("legend_baseline")))
        for css, label in keys:
            shape = (
                '<rect class="baseline" x="10" y="1" width="10" height="10"/>'
                if css == "baseline"
                else f'<line class="{css}" x1="2" x2="28" y1="6" y2="6"/>'
            )
            items.append(
                f'<li><svg class="key" viewBox="0 0 30 12" aria-hidden="true">{shape}</svg>{esc(label)}</li>'
            )
        return f'<ul class="legend">{"".join(items)}</ul>'

    def table(self) -> str:
        """The numbers behind the chart, one row per series."""
        w = self.words
        rows = []
        for drawn in self.drawn:
            result, points = drawn.result, drawn.series.points
            projected = DASH
            if self.trend is not None and self.trend[0] is drawn and self.trend[2] is not None:
                projected = w.value(round(self.trend[2][1], 1), self.target.unit)
            cells = [
                esc(_name(w, drawn.series.entity)),
                w.number(len(points)),
                esc(f"{w.reading(result, points[0][1])} ({w.day(points[0][0])})"),
                esc(f"{w.reading(result, points[-1][1])} ({w.day(points[-1][0])})"),
                esc(projected),
                esc(w.status(result.status, result.late)),
                esc(w.outlook(result.trend.outlook)),
            ]
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        heads = ("series", "observations", "first", "latest", "projected", "status", "outlook")
        head = "".join(f'<th scope="col">{esc(w(h))}</th>' for h in heads)
        return (
            f'<details class="numbers"><summary>{esc(w("numbers"))}</summary><div class="scroll"><table>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></details>"
        )
