"""Deadline phrases as the speeches word them, resolved to the last day of the period.

Grammar (case-insensitive, surrounding spaces ignored)::

    phrase   := "none" | ["by" | "in"] core
    core     := "before" ISO-DATE             the day before
              | "before" period               the last day before the period starts
              | ["the"] "end of" ["the"] period
              | period | ISO-DATE
    period   := YYYY | YYYY-MM | MONTH YYYY | Qn YYYY | Hn YYYY
              | "first" N "months of" YYYY
              | "this year" | "next year"     relative to the speech date

Every phrase resolves to one exact date; an unknown phrase is an error, never a guess.
A phrase outside this grammar may still name a dated event the catalog lists ("at the 9th
session of the 15th National Assembly"): dxcheck.events resolves those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

NO_DEADLINE = frozenset({"none", "no deadline", "ongoing"})

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")
_MONTH_YEAR = re.compile(r"([a-z]+)\.? (\d{4})")
_QUARTER = re.compile(r"q([1-4]) (\d{4})")
_HALF = re.compile(r"h([12]) (\d{4})")
_FIRST_MONTHS = re.compile(r"first (\d{1,2}) months of (\d{4})")
_RELATIVE_YEAR = re.compile(r"(this|next) year")


class DeadlinePhraseError(ValueError):
    """The phrase is not in the grammar, or needs a speech date it was not given."""


@dataclass(frozen=True, slots=True)
class Period:
    """A span of whole days, ``start`` and ``end`` inclusive."""

    start: date
    end: date


def _months(year: int, first_month: int, count: int) -> Period:
    try:
        start = date(year, first_month, 1)
        # relativedelta clamps to the month's length, so this is the true last day.
        end = start + relativedelta(months=count, days=-1)
    except (ValueError, OverflowError):
        raise DeadlinePhraseError(f"the year {year} is out of range") from None
    return Period(start, end)


def _period(text: str, speech_date: date | None) -> Period | None:
    if m := _YEAR.fullmatch(text):
        return _months(int(m[1]), 1, 12)
    if m := _YEAR_MONTH.fullmatch(text):
        month = int(m[2])
        return _months(int(m[1]), month, 1) if 1 <= month <= 12 else None
    if m := _QUARTER.fullmatch(text):
        return _months(int(m[2]), 3 * int(m[1]) - 2, 3)
    if m := _HALF.fullmatch(text):
        return _months(int(m[2]), 6 * int(m[1]) - 5, 6)
    if m := _FIRST_MONTHS.fullmatch(text):
        count = int(m[1])
        return _months(int(m[2]), 1, count) if 1 <= count <= 12 else None
    if m := _MONTH_YEAR.fullmatch(text):
        named = MONTHS.get(m[1])
        return _months(int(m[2]), named, 1) if named else None
    if m := _RELATIVE_YEAR.fullmatch(text):
        if speech_date is None:
            raise DeadlinePhraseError(f"'{text}' is relative: the target needs a source date")
        return _months(speech_date.year + (m[1] == "next"), 1, 12)
    return None


def _iso(text: str) -> date | None:
    if not _ISO.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise DeadlinePhraseError(f"'{text}' is not a real date ({exc})") from None


def normalise(phrase: str) -> str:
    return " ".join(phrase.strip().lower().replace(",", " ").split())


def resolve(phrase: str, speech_date: date | None = None) -> date | None:
    """The exact due date of ``phrase``, or None for a commitment with no deadline.

    Raises DeadlinePhraseError for a phrase outside the grammar.
    """
    text = normalise(phrase)
    if text in NO_DEADLINE:
        return None
    for prefix in ("by ", "in "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    if text.startswith("before "):
        rest = text[len("before ") :]
        day = _iso(rest)
        if day is not None:
            if day == date.min:
                raise DeadlinePhraseError(f"there is no day before {day.isoformat()}")
            return day - timedelta(days=1)
        period = _period(rest, speech_date)
        if period is None:
            raise DeadlinePhraseError(f"unknown deadline phrase '{phrase}'")
        if period.start == date.min:
            raise DeadlinePhraseError(f"there is no day before {period.start.isoformat()}")
        return period.start - timedelta(days=1)
    for prefix in ("the end of the ", "the end of ", "end of the ", "end of "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    day = _iso(text)
    if day is not None:
        return day
    period = _period(text, speech_date)
    if period is None:
        raise DeadlinePhraseError(f"unknown deadline phrase '{phrase}'")
    return period.end


EXAMPLES = (
    "2025-09-30",
    "2025",
    "2025-06",
    "June 2025",
    "Q1 2026",
    "H1 2025",
    "first 6 months of 2025",
    "end of 2025",
    "by 2030",
    "before 2025-02-15",
    "end of this year",
    "none",
)
