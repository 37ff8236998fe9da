"""How often a target is reported, and its reporting periods (README, "Reporting coverage").

A target (or the catalog, for all its targets) may say ``reporting: {every: month,
due_after: 10}``: one figure per calendar month, due ten days after the month's last day.
Periods are numbered (months, quarters or years since year 0), so that walking back from
the latest one due is integer arithmetic and the same whatever order rows come in.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from dxcheck import yamlsource
from dxcheck.findings import Code, Finding, Location
from dxcheck.i18n import msg
from dxcheck.names import display_name, entity_key

if TYPE_CHECKING:
    from dxcheck.catalog import Catalog, Target

NATIONAL = "national"  # in a target's ``entities``: the whole country's figure


class Every(enum.StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class Reporting(BaseModel):
    """How often a target is reported and how long after a period's end its figure is due."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    every: Every = Field(description="one figure per calendar month, quarter or year")
    due_after: int = Field(
        ge=0, le=3660, strict=True, description="days after the period's last day on which its figure is due"
    )
    start: date | None = Field(
        default=None,
        description="the first period expected is the one containing this date; without it, the "
        "first period for which any entity reported the target",
    )


def _none_is_null(value: object) -> object:
    # 'reporting: none' opts a target out of the catalog's reporting: the key is then set
    # (``model_fields_set``) with no value, unlike a target that says nothing.
    if isinstance(value, str) and value.strip().lower() == "none":
        return None
    return value


# A target's ``reporting``: a mapping, or 'none'.
OwnReporting = Annotated[Reporting | None, BeforeValidator(_none_is_null)]


def none_allowed(schema: dict[str, Any]) -> None:
    """The JSON Schema of a target's ``reporting`` also allows 'none'."""
    schema["anyOf"].insert(1, {"const": "none"})


def entity_names(catalog: Catalog) -> dict[str, str]:
    """Every name and alias of the catalog's entities (by ``entity_key``) -> the name."""
    return {
        entity_key(spelling): display_name(known.name)
        for known in catalog.entities or ()
        for spelling in (known.name, *known.aliases)
    }


def expected_entities(
    catalog: Catalog, target: Target, names: dict[str, str] | None = None
) -> tuple[str | None, ...]:
    """Who is expected to report a target: its ``entities``, else the catalog's, else the
    nation alone (None stands for the nation). ``names``: ``entity_names(catalog)``, when
    the caller asks for many targets (a commune-scale list is thousands of names)."""
    names = entity_names(catalog) if names is None else names
    if target.entities is not None:
        chosen = (None if entity_key(n) == NATIONAL else names.get(entity_key(n), n) for n in target.entities)
        return tuple(dict.fromkeys(chosen))
    if catalog.entities:
        return tuple(dict.fromkeys(names.values()))
    return (None,)


def entity_findings(catalog: Catalog, positions: yamlsource.Positions, file: str) -> Iterator[Finding]:
    """A name in a target's ``entities`` must be one of the catalog's (or ``national``): a
    typo would otherwise expect reports from no one (DX113)."""
    from dxcheck.selection import suggest  # accents, case and spaces ignored, as --entity does

    names = entity_names(catalog)
    choices = [NATIONAL, *(display_name(e.name) for e in catalog.entities or ())]
    for index, target in enumerate(catalog.targets):
        for position, name in enumerate(target.entities or ()):
            if entity_key(name) == NATIONAL or entity_key(name) in names:
                continue
            path: yamlsource.KeyPath = ("targets", index, "entities", position)
            line, col = positions.of_value(path) or (None, None)
            close = suggest(name, choices)
            if close:
                hint = msg("did you mean '{match}'?", match=close)
            elif catalog.entities:
                hint = msg("add it to the catalog's entities")
            else:
                hint = msg("list the entities in the catalog's 'entities:' first")
            yield Finding(
                Code.UNKNOWN_TARGET_ENTITY,
                Location(file, line, col, yamlsource.format_key_path(path)),
                {"id": target.id, "name": name},
                hint=hint,
                text=name,
            )


_MONTHS = {Every.MONTH: 1, Every.QUARTER: 3, Every.YEAR: 12}


class Period(NamedTuple):
    """One reporting period: its number (``index_of``), first and last day."""

    number: int
    start: date
    end: date

    def label(self, every: Every) -> str:
        """``2025-05``, ``2025-Q2`` or ``2025``: how people name the period."""
        if every is Every.MONTH:
            return self.start.strftime("%Y-%m")
        if every is Every.QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return str(self.start.year)


def index_of(day: date, every: Every) -> int:
    """The number of the period containing ``day``: periods since January of year 0."""
    return (day.year * 12 + day.month - 1) // _MONTHS[every]


def period(index: int, every: Every) -> Period:
    months = _MONTHS[every]
    year, month0 = divmod(index * months, 12)
    start = date(year, month0 + 1, 1)
    after_year, after_month0 = divmod(index * months + months, 12)
    end = date(after_year, after_month0 + 1, 1) - timedelta(days=1)
    return Period(index, start, end)


def due_of(index: int, reporting: Reporting) -> date:
    """The day a period's figure is due: ``due_after`` days after its last day."""
    return period(index, reporting.every).end + timedelta(days=reporting.due_after)


def last_due(as_of: date, reporting: Reporting) -> int:
    """The latest period whose due date has passed on ``as_of`` (is before it)."""
    latest_end = as_of - timedelta(days=reporting.due_after + 1)
    index = index_of(latest_end, reporting.every)
    if period(index, reporting.every).end > latest_end:
        index -= 1
    return index
