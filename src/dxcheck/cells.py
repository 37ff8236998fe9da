"""Parsing of single CSV cells: dates, numbers, milestone values.

The per-row loop tries the fast, strict forms first (ISO dates, ``float``); these
functions are the slow path that accepts the unambiguous spreadsheet forms documented in
the README and explains everything else. Each returns a value or raises CellError with a
reason and a fix hint.
"""

from __future__ import annotations

import enum
import math
import re
import unicodedata
from datetime import date, time, timedelta

from dxcheck.i18n import Msg, msg

MIN_DATE = date(2000, 1, 1)
MAX_DATE = date(2100, 12, 31)


class CellError(ValueError):
    """A cell that is not read: why (a finding's ``{reason}``) and how to fix it, both
    translatable."""

    def __init__(self, reason: Msg, hint: Msg | None = None, *, ambiguous: bool = False) -> None:
        super().__init__(str(reason))
        self.reason = reason
        self.hint = hint
        self.ambiguous = ambiguous


class DecimalMark(enum.StrEnum):
    """Which mark separates decimals, when a file (or ``--decimal``) declares it: with
    ``comma`` a dot groups thousands (Vietnamese ``12.500`` is 12500), with ``dot`` a
    comma does (``12,500`` is 12500)."""

    COMMA = "comma"
    DOT = "dot"


class DateOrder(enum.StrEnum):
    """How to read ``a/b/yyyy`` dates whose day and month could be swapped."""

    DMY = "dmy"
    MDY = "mdy"


_ISO_LOOSE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ISO_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?")
_SLASHED = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_SERIAL = re.compile(r"\d{5}(\.\d+)?")
_EXCEL_EPOCH = date(1899, 12, 30)

ISO_HINT = msg("write dates as YYYY-MM-DD, e.g. 2025-06-20")


def parse_date(text: str, order: DateOrder | None = None) -> date:
    raw = text.strip()
    if not raw:
        raise CellError(msg("the date is empty"), ISO_HINT)
    if m := _ISO_LOOSE.fullmatch(raw):
        return _checked(int(m[1]), int(m[2]), int(m[3]), raw)
    if m := _ISO_DATETIME.fullmatch(raw):
        year, month, day = (int(part) for part in m[1].split("-"))
        _checked_time(m[2])
        return _checked(year, month, day, raw)
    if m := _SLASHED.fullmatch(raw):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        if order is DateOrder.DMY:
            return _checked(year, second, first, raw)
        if order is DateOrder.MDY:
            return _checked(year, first, second, raw)
        if first > 12 >= second:
            return _checked(year, second, first, raw)
        if second > 12 >= first:
            return _checked(year, first, second, raw)
        if first == second:
            return _checked(year, first, second, raw)
        raise CellError(
            msg("day and month could be either way"),
            msg(
                "write it as YYYY-MM-DD ({iso} if day first), "
                "or pass --date-order dmy (Vietnamese day/month/year) or --date-order mdy",
                iso=f"{year}-{second:02d}-{first:02d}",
            ),
            ambiguous=True,
        )
    if _SERIAL.fullmatch(raw):
        serial = float(raw)
        guess = _EXCEL_EPOCH + timedelta(days=int(serial))
        raise CellError(
            msg("looks like a spreadsheet serial number, not a date"),
            msg(
                "format the column as a date and export YYYY-MM-DD ({raw} would be {date})",
                raw=raw,
                date=guess.isoformat(),
            ),
        )
    raise CellError(msg("not a date"), ISO_HINT)


def _checked(year: int, month: int, day: int, raw: str) -> date:
    try:
        value = date(year, month, day)
    except ValueError as exc:
        # Python's own words for why (month must be in 1..12): they stay English.
        raise CellError(msg("no such day ({reason})", reason=str(exc)), ISO_HINT) from None
    if not MIN_DATE <= value <= MAX_DATE:
        raise CellError(
            msg(
                "{date} is outside {first} .. {last}",
                date=value.isoformat(),
                first=MIN_DATE.isoformat(),
                last=MAX_DATE.isoformat(),
            ),
            msg("check the year"),
        )
    return value


def _checked_time(text: str) -> None:
    """The time part of a date-time must be a real time: "T25:00" is a typo, not a date."""
    try:
        time.fromisoformat(text)
    except ValueError:
        raise CellError(msg("no such time of day ({text})", text=text), ISO_HINT) from None


def fast_iso(text: str) -> date:
    """Strict ISO ``YYYY-MM-DD`` only; the per-row fast path. Raises ValueError."""
    if len(text) != 10:
        raise ValueError(text)
    return date.fromisoformat(text)


# --- numbers ---------------------------------------------------------------------------

_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
# A decimal comma: any number of digits after it but exactly three (those could be a
# thousands group): "87,5", "87,25", "1,2345".
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,(\d{1,2}|\d{4,})")
_COMMA_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3}){2,}(\.\d+)?|[+-]?\d{1,3},\d{3}\.\d+")
_DOT_THOUSANDS = re.compile(r"[+-]?\d{1,3}(\.\d{3})+,\d+|[+-]?\d{1,3}(\.\d{3}){2,}")
# One group of three after a comma or a dot, and no leading zero: "80,000" and "12.500" are
# thousands in one convention and a fraction in the other.
_AMBIGUOUS_GROUP = re.compile(r"([+-]?[1-9]\d{0,2})([.,])(\d{3})")
# Under a declared convention: that convention's thousands groups and decimal mark only.
_GROUPED = {
    DecimalMark.COMMA: re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?"),
    DecimalMark.DOT: re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?"),
}
# A space (or a no-break, thin or narrow no-break space) only as a thousands separator:
# "1 234 567" and "80 000", never "8 2".
_SPACES = "\u0020\u00a0\u2009\u202f"
_SPACE_THOUSANDS = re.compile(rf"[+-]?\d{{1,3}}([{_SPACES}]\d{{3}})+([.,]\d+)?")
_MISSING = {"", "-", "--", "n/a", "na", "null", "none", "nan", "?", "#n/a", "không có"}
_INFINITE = {"inf", "-inf", "+inf", "infinity", "+infinity", "-infinity"}

NUMBER_HINT = msg("write a plain number with '.' as the decimal point and no thousands separator")


def parse_number(
    text: str,
    *,
    percent: bool,
    decimal: DecimalMark | None = None,
    settled: DecimalMark | None = None,
) -> float:
    """A number from a spreadsheet cell; raises CellError when it is not unambiguous.

    ``decimal`` is the convention declared with ``--decimal``: only its forms are read.
    ``settled`` is the one the file itself shows (a decimal comma elsewhere in its value
    column): it decides only what is otherwise ambiguous. With neither, a single group of
    three digits after a comma or a dot ("12.500", "80,000") is refused with both
    readings (``ambiguous``), unless only one reading is possible (no share is 12500%).
    """
    raw = text.strip()
    folded = " ".join(raw.casefold().split())
    if folded in _MISSING or folded in _INFINITE:
        raise CellError(
            msg("is not a measured value"), msg("leave out a row with no value; do not write N/A or NaN")
        )
    if raw.endswith("%"):
        if not percent:
            raise CellError(msg("has a % sign but the target is not measured in percent"), NUMBER_HINT)
        raw = raw[:-1].rstrip()
    if _SPACE_THOUSANDS.fullmatch(raw):
        raw = re.sub(f"[{_SPACES}]", "", raw)
    elif any(ch.isspace() for ch in raw):
        # "8 2" is a number with a stray space, never silently 82; "about eighty" is text.
        squeezed = "".join(raw.split())
        if _PLAIN.fullmatch(squeezed) or _DECIMAL_COMMA.fullmatch(squeezed):
            raise CellError(msg("has a space inside"), NUMBER_HINT)
        raise CellError(msg("is not a number"), NUMBER_HINT)
    value = _number(raw, percent, settled) if decimal is None else _declared(raw, decimal)
    if not math.isfinite(value):
        raise CellError(msg("is too large to be a measured value"), NUMBER_HINT)
    return value


def shows_decimal_comma(text: str) -> bool:
    """Whether a number cell is written with a decimal comma beyond doubt ("87,5",
    "1.234,5"): it settles how the rest of its column is read."""
    raw = text.strip().removesuffix("%").rstrip()
    return bool(_DECIMAL_COMMA.fullmatch(raw) or (_DOT_THOUSANDS.fullmatch(raw) and "," in raw))


def _number(raw: str, percent: bool, settled: DecimalMark | None) -> float:
    if m := _AMBIGUOUS_GROUP.fullmatch(raw):
        whole, mark, group = m[1], m[2], m[3]
        fraction = f"{whole}.{group}".rstrip("0").rstrip(".")
        decimal_mark = None if settled is None else ("," if settled is DecimalMark.COMMA else ".")
        if percent:
            if decimal_mark is not None and mark != decimal_mark:
                # The file's own convention reads a thousands group: over 100%. Which of
                # the two the person meant cannot be known: refused, never guessed.
                raise CellError(
                    msg(
                        "is {thousands} with the decimal mark this file uses elsewhere ('{used}'): "
                        "more than any percentage",
                        thousands=f"{whole}{group}",
                        used=decimal_mark,
                    ),
                    msg(
                        "write {written} if {fraction}% is meant",
                        written=fraction.replace(".", decimal_mark),
                        fraction=fraction,
                    ),
                )
            return float(fraction)  # read with a thousands group it would be over 100%
        if decimal_mark is not None:
            return float(fraction if mark == decimal_mark else f"{whole}{group}")
        thousands = f"{whole}{group}"
        if mark == ".":
            reason = msg(
                "could be {thousands} (a dot separating thousands, as in Vietnamese) or {fraction} (a decimal point)",
                thousands=thousands,
                fraction=fraction,
            )
        else:
            reason = msg(
                "could be {thousands} (a comma separating thousands) or {fraction} (a decimal comma, as in Vietnamese)",
                thousands=thousands,
                fraction=fraction,
            )
        # The declaration that reads the group as thousands first, then as a fraction.
        as_thousands, as_fraction = ("comma", "dot") if mark == "." else ("dot", "comma")
        declared = msg(
            "{either} or {other}",
            either=f"--decimal {as_thousands} ({raw} = {thousands})",
            other=f"--decimal {as_fraction} ({raw} = {fraction})",
        )
        raise CellError(
            reason,
            msg(
                "write {thousands} or {fraction}, or declare the file's decimal mark: {declared}",
                thousands=thousands,
                fraction=fraction,
                declared=declared,
            ),
            ambiguous=True,
        )
    if _PLAIN.fullmatch(raw):
        return float(raw)
    if _DECIMAL_COMMA.fullmatch(raw):
        return float(raw.replace(",", "."))
    if _COMMA_THOUSANDS.fullmatch(raw):
        return float(raw.replace(",", ""))
    if _DOT_THOUSANDS.fullmatch(raw):
        return float(raw.replace(".", "").replace(",", "."))
    raise CellError(msg("is not a number"), NUMBER_HINT)


def _declared(raw: str, decimal: DecimalMark) -> float:
    if not _GROUPED[decimal].fullmatch(raw):
        if decimal is DecimalMark.COMMA:
            reason = msg("is not a number with a decimal comma ('.' separates thousands: 12.500,5)")
        else:
            reason = msg("is not a number with a decimal point (',' separates thousands: 12,500.5)")
        raise CellError(
            reason,
            msg(
                "write it as the rest of the file does, or change --decimal {decimal}", decimal=decimal.value
            ),
        )
    if decimal is DecimalMark.COMMA:
        return float(raw.replace(".", "").replace(",", "."))
    return float(raw.replace(",", ""))


# --- milestones ------------------------------------------------------------------------

DONE = frozenset(
    {
        "done",
        "yes",
        "y",
        "true",
        "complete",
        "completed",
        "achieved",
        "1",
        "hoàn thành",
        "đã hoàn thành",
        "xong",
        "đạt",
    }
)
NOT_DONE = frozenset(
    {
        "not done",
        "no",
        "n",
        "false",
        "incomplete",
        "not completed",
        "in progress",
        "0",
        "chưa hoàn thành",
        "chưa xong",
        "chưa",
        "không đạt",
        "chưa đạt",
    }
)

MILESTONE_HINT = msg("write 'done' or 'not done'")


def parse_milestone(text: str) -> float:
    key = " ".join(unicodedata.normalize("NFC", text).casefold().replace("_", " ").split())
    if key in DONE:
        return 1.0
    if key in NOT_DONE:
        return 0.0
    raise CellError(msg("is not a milestone value"), MILESTONE_HINT)


def milestone_fast_table() -> dict[str, float]:
    """Exact spellings the row loop looks up before falling back to parse_milestone."""
    table: dict[str, float] = {}
    for words, value in ((DONE, 1.0), (NOT_DONE, 0.0)):
        for word in words:
            for variant in (word, word.upper(), word.capitalize(), word.title()):
                table[variant] = value
    return table
