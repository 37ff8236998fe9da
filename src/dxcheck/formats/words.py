"""Words and numbers for results, shared by every human-readable format (no rich here:
markdown, junit and github must not pay for importing it)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dxcheck.text import number, with_unit

if TYPE_CHECKING:
    from dxcheck.report import ProblemReport, Report, Result

BAR_WIDTH = 8


def level_text(result: Result) -> str:
    target = result.target
    if target.type.value == "milestone":
        return "done"
    sign = "<=" if target.direction.value == "at_most" else ">="
    return f"{sign} {with_unit(target.target, target.unit)}"


def latest_text(result: Result) -> str:
    latest = result.latest
    if latest is None:
        return "no data"
    if result.target.type.value == "milestone":
        value = "done" if latest.value >= 1 else "not done"
    else:
        value = with_unit(latest.value, result.target.unit)
    return f"{value} ({latest.date.isoformat()})"


def days_text(result: Result) -> str:
    if result.days_left is None:
        return "no deadline"
    n = abs(result.days_left)
    unit = "day" if n == 1 else "days"
    return f"{n} {unit} left" if result.days_left >= 0 else f"{n} {unit} ago"


def eta_text(eta: date | None, *, long: bool = False) -> str:
    """When the fitted trend reaches the level, to the month: ``at this pace: 2026-04``
    (``eta 2026-04`` where a table has no room); empty when it never does."""
    if eta is None:
        return ""
    month = eta.strftime("%Y-%m")
    return f"at this pace: {month}" if long else f"eta {month}"


def percent(fraction: float | None) -> str:
    return "-" if fraction is None else f"{number(hundredths(fraction))}%"


def hundredths(fraction: float) -> int:
    """Whole percent; rounded down short of the target, so 99.9% never reads 100%."""
    return int(fraction * 100) if 0 <= fraction < 1 else round(fraction * 100)


def bar(fraction: float | None, *, fancy: bool) -> str:
    if fraction is None:
        return "-"
    shown = max(0.0, min(1.0, fraction))
    # Rounded down: a bar is full only when the target is reached (76 of 80 is 7 of 8).
    filled = int(shown * BAR_WIDTH) if shown < 1.0 else BAR_WIDTH
    full, empty = ("█", "░") if fancy else ("#", ".")
    return f"{full * filled}{empty * (BAR_WIDTH - filled)} {number(hundredths(fraction))}%"


def status_text(result: Result) -> str:
    return f"{result.status.value} (late)" if result.late else result.status.value


def summary_line(report: Report, lang: str = "en") -> str:
    """The counts and the gate's verdict on one line (CI logs), in ``lang``."""
    from dxcheck.formats.lexicon import Words  # it imports this module

    w = Words(lang)
    return f"{w.counts(report)} {w.gate(report)}"


def verdict_line(problems: ProblemReport, lang: str = "en") -> str:
    """``validation failed: 2 file(s) checked, 1 error(s), 0 warning(s)`` in ``lang``."""
    from dxcheck.formats.lexicon import Words  # it imports this module

    w = Words(lang)
    found = (
        w("v_found", errors=problems.errors, warnings=problems.warnings) if problems.findings else w("v_none")
    )
    verdict = w("v_passed") if problems.passed else w("v_failed")
    return w("v_line", verdict=verdict, files=len(problems.files), found=found)
