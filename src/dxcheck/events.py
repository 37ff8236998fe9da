"""Dated events a deadline can name: "at the 9th session of the 15th National Assembly".

A speech may set a deadline by an event rather than a date. The catalog lists such events
once, each with the day it ends and the public page that states that day::

    events:
      - name: 9th session of the 15th National Assembly
        date: 2025-06-27          # the day it ends; absent while it is not known
        source: {url: https://..., published: 2025-06-27, quote: "... wrapped up on June 27 ..."}

and a deadline phrase that names one (``at``, ``by`` or ``in``, an optional ``the``, then
the name; case, spaces and commas ignored) resolves to that day, after every other phrase
of the grammar (dxcheck.deadlines) has been tried. An event without a date gives the target
no due date (it cannot fall due) until the date is added.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dxcheck import yamlsource
from dxcheck.deadlines import normalise
from dxcheck.findings import Code, Finding, Location, did_you_mean
from dxcheck.i18n import Msg, msg

_PREFIXES = ("at ", "by ", "in ")


class EventSource(BaseModel):
    """The public page that states the event's date."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    url: str = Field(pattern=r"^https?://\S+$")
    published: dt.date | None = Field(default=None, description="the page's publication date")
    quote: str | None = Field(default=None, description="the sentence that states the date, verbatim")


class Event(BaseModel):
    """A dated event that deadline phrases may name."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: str = Field(min_length=1, description="as deadline phrases name it, e.g. '9th session of the ...'")
    date: dt.date | None = Field(
        default=None,
        description="the day the event ends (a deadline at it falls due that day); absent: not known",
    )
    source: EventSource | None = None
    note: str | None = None


def key(text: str) -> str:
    """A phrase or an event name as compared: normalised, without ``at``/``by``/``in`` and ``the``."""
    text = normalise(text)
    for prefix in _PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    return text.removeprefix("the ")


def lookup(phrase: str, events: Sequence[Event]) -> Event | None:
    """The event a deadline phrase names, or None."""
    wanted = key(phrase)
    return next((event for event in events if key(event.name) == wanted), None)


def hint(phrase: str, events: Sequence[Event]) -> Msg | None:
    """A "did you mean" for a phrase that names no event but is close to one's name; for a
    phrase that reads like an event ("at ..."), how to list one."""
    names = {key(event.name): event.name for event in events}
    close = did_you_mean(key(phrase), names)
    if close is not None:
        name = names[close]
        return msg(
            "did you mean '{match}'?",
            match=f"at {name if name.lower().startswith('the ') else 'the ' + name}",
        )
    if normalise(phrase).startswith("at "):
        return msg(
            "name an event from the catalog's 'events' (each with its date and source), or write a date"
        )
    return None


def valid(data: dict[str, Any]) -> list[Event]:
    """The events of a catalog that failed validation, so that its deadlines are still
    checked against them: an event with a problem elsewhere (its source, say) keeps its
    name and, if well-formed, its date, and the problem is reported once, not again at
    every deadline that names it."""
    out: list[Event] = []
    items = data.get("events")
    for item in items if isinstance(items, list) else ():
        for fields in (("name", "date", "source", "note"), ("name", "date"), ("name",)):
            try:
                kept = {k: v for k, v in item.items() if k in fields} if isinstance(item, dict) else item
                out.append(Event.model_validate(kept))
                break
            except ValidationError:
                continue
    return out


def duplicate_findings(
    events: Sequence[Event], positions: yamlsource.Positions, file: str
) -> Iterator[Finding]:
    """Two events of one name (as deadlines compare them): a deadline could not say which (DX114)."""
    first: dict[str, int] = {}
    for index, event in enumerate(events):
        seen = first.setdefault(key(event.name), index)
        if seen == index:
            continue
        path: yamlsource.KeyPath = ("events", index, "name")
        line, col = positions.of_value(path) or (None, None)
        first_line = (positions.of_value(("events", seen, "name")) or (0, 0))[0]
        yield Finding(
            Code.DUPLICATE_EVENT,
            Location(file, line, col, yamlsource.format_key_path(path)),
            {"name": event.name, "first_line": first_line},
            hint=msg("list each event once; deadlines name it by its name"),
        )
