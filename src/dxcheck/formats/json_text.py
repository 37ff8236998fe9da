"""The JSON text of a result's outcome, written directly: exactly what the stdlib encoder
makes of ``document.outcome_fields(result)``, without building that dict (and its
``latest`` dict) and an encoder pass per result. At 100,000s of results that was most
of the time spent writing a JSON or JSON Lines report. A test keeps the two identical,
separators and odd values (NaN, infinities, escapes) included."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from json.encoder import encode_basestring  # what the encoder quotes text with (ensure_ascii=False)
from typing import Any

from dxcheck.formats.document import DECIMALS
from dxcheck.report import Outlook, Result, Status

_INFINITY = float("inf")
_encode = json.JSONEncoder(ensure_ascii=False).encode  # anything the fast paths do not know

# OutcomeFieldsDoc's keys, in its order (the JSON keeps it).
_OUTCOME = (
    "status",
    "late",
    "days_left",
    "progress",
    "observations",
    "latest",
    "first_met",
    "outlook",
    "projection",
    "projected",
    "ratio",
    "required_rate",
    "current_rate",
    "eta",
)
_LATEST = ("date", "value", "file", "line", "source")  # ObservationDoc's
# Every status and outlook word, quoted once.
_WORDS = {word: encode_basestring(word) for word in (*Status, *Outlook)}


def value(item: object) -> str:
    """One JSON value as the encoder writes it: the C encoder's order of checks."""
    if item is None:
        return "null"
    if item is True:
        return "true"
    if item is False:
        return "false"
    if isinstance(item, str):
        return encode_basestring(item)
    if isinstance(item, int):
        return int.__repr__(item)
    if isinstance(item, float):
        if item != item:
            return "NaN"
        if item == _INFINITY:
            return "Infinity"
        if item == -_INFINITY:
            return "-Infinity"
        return float.__repr__(item)
    return _encode(item)


# The fast paths below take the types the engine gives (an exact int, a finite float, a
# str, None) and hand anything else to ``value``: ``repr`` of an exact int or a finite
# float is what the encoder writes.


def _int(item: int | None) -> str:
    return repr(item) if type(item) is int else value(item)


def _float(item: float | None) -> str:
    return repr(item) if type(item) is float and item - item == 0.0 else value(item)


def _text(item: str | None) -> str:
    return encode_basestring(item) if type(item) is str else value(item)


def _day(day: date | None) -> str:
    return "null" if day is None else '"' + day.isoformat() + '"'


# Below this magnitude a number with DECIMALS decimals has at most 15 significant digits.
PRINTF_BELOW = 1e11
# printf with DECIMALS decimals: what a number below PRINTF_BELOW is written from (JSON, CSV)
PRINTF = f"%.{DECIMALS}f".__mod__


def _rounded(number: float | None) -> str:
    """``_float(rounded(number))`` in one call: five of a result's numbers.

    For a float below ``PRINTF_BELOW`` (NaN is not), printf's ``%.4f`` without its
    trailing zeros is that text, at half the cost: printf and ``round`` both round the
    exact binary value correctly (ties to even) to the same 4-decimal number; it has at
    most 15 significant digits, so no shorter text names the same float, and ``repr``
    writes the shortest, in this notation (from 1e-4 up to 1e16). A test checks it
    against ``repr(round(x, 4))`` over every float (hypothesis) and the ties."""
    if number is None:
        return "null"
    if type(number) is float and -PRINTF_BELOW < number < PRINTF_BELOW:
        text = PRINTF(number).rstrip("0")
        return text + "0" if text[-1] == "." else text
    item = round(number, DECIMALS)
    return repr(item) if type(item) is float and item - item == 0.0 else value(item)


class OutcomeText:
    """Writes outcomes with the given separators: ``", "`` and ``": "`` (json.dumps'
    defaults, the JSON report) or ``","`` and ``":"`` (JSON Lines).

    The values that repeat across results (a date, a file, a source, a method, a count of
    observations, the days left of a target) are written once each and remembered, by
    exact type: 1, 1.0 and True are equal keys but not the same JSON."""

    def __init__(self, item: str = ", ", key: str = ": ") -> None:
        # Each member's text before its value: the separator, the key, the colon.
        o = {name: ("" if i == 0 else item) + f'"{name}"{key}' for i, name in enumerate(_OUTCOME)}
        self._status, self._late, self._days_left, self._progress = (
            o["status"], o["late"], o["days_left"], o["progress"]
        )  # fmt: skip
        self._observations, self._latest, self._first_met = o["observations"], o["latest"], o["first_met"]
        self._outlook, self._projection, self._projected = o["outlook"], o["projection"], o["projected"]
        self._ratio, self._required_rate = o["ratio"], o["required_rate"]
        self._current_rate, self._eta = o["current_rate"], o["eta"]
        o = {name: ("{" if i == 0 else item) + f'"{name}"{key}' for i, name in enumerate(_LATEST)}
        self._date, self._value, self._file, self._line, self._source = (o[name] for name in _LATEST)
        self._days: dict[Any, str] = {None: "null"}  # dates
        self._texts: dict[Any, str] = {None: "null"}  # files, sources, methods
        self._ints: dict[Any, str] = {None: "null"}  # observations, days left

    def _missed(self, known: dict[Any, str], item: Any, write: Callable[[Any], str], kind: type) -> str:
        text = write(item)
        if type(item) is kind:  # a subclass may write otherwise (a datetime)
            known[item] = text
        return text

    def __call__(self, result: Result) -> str:
        """The outcome's members and the closing brace: ``encode(outcome_fields(r))[1:]``."""
        # Unpacked, not read field by field: a named tuple's field is an attribute lookup
        # through its class, and a result's outcome reads twenty of them.
        _, _, status, late, latest, first_met, observations, progress, left, trend = result
        outlook, method, projected, ratio, required_rate, current_rate, eta = trend
        # Looked up inline (a method call a value would cost what it saves). A date or text
        # key equals no key of another type; an int does (True == 1): checked first.
        days, texts, ints, missed = self._days, self._texts, self._ints, self._missed
        if latest is None:
            observed = "null"
        else:
            day, number, file_name, line, source_name = latest
            seen = days.get(day) or missed(days, day, _day, date)
            file = texts.get(file_name) or missed(texts, file_name, _text, str)
            source = texts.get(source_name) or missed(texts, source_name, _text, str)
            observed = "".join((
                self._date, seen,
                self._value, _float(number),
                self._file, file,
                self._line, _int(line),
                self._source, source,
                "}",
            ))  # fmt: skip
        left_text = (ints.get(left) if type(left) is int or left is None else None) or missed(
            ints, left, _int, int
        )
        count = (ints.get(observations) if type(observations) is int else None) or missed(
            ints, observations, _int, int
        )
        # One join, not a chain of +: each + would copy the growing text again.
        return "".join((
            self._status, _WORDS.get(status) or value(status),
            self._late, value(late),
            self._days_left, left_text,
            self._progress, _rounded(progress),
            self._observations, count,
            self._latest, observed,
            self._first_met, days.get(first_met) or missed(days, first_met, _day, date),
            self._outlook, _WORDS.get(outlook) or value(outlook),
            self._projection, texts.get(method) or missed(texts, method, _text, str),
            self._projected, _rounded(projected),
            self._ratio, _rounded(ratio),
            self._required_rate, _rounded(required_rate),
            self._current_rate, _rounded(current_rate),
            self._eta, days.get(eta) or missed(days, eta, _day, date),
            "}",
        ))  # fmt: skip
