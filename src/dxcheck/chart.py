"""A text chart of one series: the values over time, the target level, the due date and
the projection. Plain characters, so it reads the same in a terminal, a pipe or a log."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from dxcheck.text import number

POINT = "o"
TARGET = "-"
PROJECTION = "."
DUE = "|"


def render_chart(
    points: Sequence[tuple[date, float]],
    *,
    level: float,
    due: date | None,
    projection: tuple[date, float, date, float] | None = None,
    width: int = 60,
    height: int = 12,
    names: tuple[str, str, str, str] = ("observed", "target", "projection", "due"),
    show_number: Callable[[float], str] = number,
    show_date: Callable[[date], str] = date.isoformat,
) -> list[str]:
    """Lines of the chart (no trailing newlines). ``projection`` is a segment
    (from_date, from_value, to_date, to_value); ``names``: the legend's words for the
    observations, the target, the projection and the due date; ``show_number`` and
    ``show_date`` write the axes' values and dates (as the rest of the page writes them: 1.234,5 and
    31/12/2025 in Vietnamese)."""
    if not points:
        return ["(no observations)"]
    dates = [d for d, _ in points]
    start = min(dates)
    end = max([*dates, *([due] if due else []), *([projection[2]] if projection else [])])
    if end <= start:
        end = start + timedelta(days=1)
    values = [v for _, v in points] + [level]
    if projection:
        values += [projection[1], projection[3]]
    low, high = min(values), max(values)
    if high == low:
        high, low = high + 1, low - 1
    span_days = (end - start).days

    def col(day: date) -> int:
        return round((day - start).days / span_days * (width - 1))

    def row(value: float) -> int:
        return round((high - value) / (high - low) * (height - 1))

    grid = [[" "] * width for _ in range(height)]
    target_row = row(level)
    for x in range(width):
        grid[target_row][x] = TARGET
    if due is not None and start <= due <= end:
        for y in range(height):
            grid[y][col(due)] = DUE
    if projection is not None:
        (d0, v0, d1, v1) = projection
        c0, c1 = col(d0), col(d1)
        for x in range(c0, c1 + 1):
            t = 0.0 if c1 == c0 else (x - c0) / (c1 - c0)
            y = row(v0 + (v1 - v0) * t)
            if grid[y][x] == " ":
                grid[y][x] = PROJECTION
    for day, value in points:
        grid[row(value)][col(day)] = POINT
    label_width = max(len(show_number(high)), len(show_number(low)), len(show_number(level)))
    lines = []
    for y, cells in enumerate(grid):
        if y == 0:
            label = show_number(high)
        elif y == height - 1:
            label = show_number(low)
        elif y == target_row:
            label = show_number(level)
        else:
            label = ""
        lines.append(f"{label:>{label_width}} |{''.join(cells).rstrip()}")
    axis = " " * label_width + " +" + "-" * width
    left, right = show_date(start), show_date(end)
    dates_line = " " * (label_width + 2) + left + " " * max(1, width - len(left) - len(right)) + right
    observed, level_name, projected, due_name = names
    legend = (
        f"{' ' * (label_width + 2)}{POINT} {observed}  {TARGET} {level_name}  "
        f"{PROJECTION} {projected}  {DUE} {due_name}"
    )
    return [*lines, axis, dates_line, legend]
