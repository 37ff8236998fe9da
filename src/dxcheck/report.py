"""What an evaluation produces: results per target and entity, and the gate.

Immutable values: the engine builds them, renderers read them, nothing here knows about
terminals or files. The three made once per series (``Observation``, ``Trend``,
``Result``) are NamedTuples, which the compiled rules build in one C call each
(``dxcheck.rules.Words``); the rest are frozen dataclasses.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from dxcheck.catalog import Target
    from dxcheck.findings import Finding
    from dxcheck.i18n import Msg
    from dxcheck.trend import FitSums


class Status(enum.StrEnum):
    """Where a target stands at the as-of date (rules: README, "Status rules")."""

    PASS = "pass"
    FAIL = "fail"
    OVERDUE = "overdue"
    PENDING = "pending"


class Outlook(enum.StrEnum):
    """Where a target is heading (method: README, "Outlook")."""

    MET = "met"
    MET_LATE = "met_late"
    MISSED = "missed"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    OFF_TRACK = "off_track"
    REGRESSING = "regressing"
    INSUFFICIENT_DATA = "insufficient_data"


DEFAULT_FAIL_ON: frozenset[str] = frozenset({Status.FAIL.value, Status.OVERDUE.value})
GATE_WORDS: frozenset[str] = frozenset(s.value for s in Status) | frozenset(o.value for o in Outlook)


class Observation(NamedTuple):
    """One progress row as evaluated: its value and where it was read."""

    date: date
    value: float
    file: str
    line: int
    source: str | None = None


class Trend(NamedTuple):
    """The projection behind an outlook; rates are per month in the target's unit."""

    outlook: Outlook
    method: str | None = None
    projected: float | None = None
    ratio: float | None = None
    required_rate: float | None = None
    current_rate: float | None = None
    eta: date | None = None  # the day the fitted trend reaches the level (README, "Outlook")


class Result(NamedTuple):
    target: Target
    entity: str | None
    status: Status
    late: bool
    latest: Observation | None
    first_met: date | None
    observations: int
    progress: float | None
    days_left: int | None
    trend: Trend

    @property
    def gate_words(self) -> tuple[str, str]:
        # StrEnum members are their values: no ``.value`` lookups (slow at national scale).
        return self.status, self.trend.outlook


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """One series as a chart draws it (the HTML report): its observations up to the as-of
    date, oldest first, and the running sums its trend was fitted from (None when the
    index has no such series)."""

    entity: str | None
    points: tuple[tuple[date, float], ...]
    fit: FitSums | None = None


@dataclass(frozen=True, slots=True)
class Superseded:
    target: Target
    by: str
    since: date


@dataclass(frozen=True)
class Report:
    as_of: date
    catalog: str
    inputs: tuple[str, ...]
    results: tuple[Result, ...]
    fail_on: frozenset[str] = DEFAULT_FAIL_ON
    superseded: tuple[Superseded, ...] = ()
    findings: tuple[Finding, ...] = field(default=())
    # Per target id, the series its chart draws (national first); None: not collected
    # (only the HTML report asks for them: check.Options.charts).
    charts: Mapping[str, tuple[ChartSeries, ...]] | None = None

    @cached_property
    def summary(self) -> dict[str, int]:
        counts = Counter(r.status for r in self.results)
        return {s.value: counts.get(s, 0) for s in Status}

    @cached_property
    def outlook_summary(self) -> dict[str, int]:
        counts = Counter(r.trend.outlook for r in self.results)
        return {o.value: counts.get(o, 0) for o in Outlook}

    @cached_property
    def failing(self) -> tuple[Result, ...]:
        fail_on = self.fail_on
        return tuple(r for r in self.results if r.status in fail_on or r.trend.outlook in fail_on)

    @property
    def gate_passed(self) -> bool:
        return not self.failing


_STATUS_ORDER = {Status.OVERDUE: 0, Status.FAIL: 1, Status.PENDING: 2, Status.PASS: 3}


def worst_first(results: Iterable[Result]) -> list[Result]:
    """Overdue before failed before pending; then the least progress; then by id, entity.

    Sorted a key at a time, the last first (each sort is stable, so it keeps the order of
    the keys after it among equal ones): three sorts on plain ints and floats cost less
    than one on a tuple per result, 100,000 of them at commune scale."""
    listed = list(results)
    # (id, entity) as one int: their places among the ids and among the entity names
    ids = {i: n for n, i in enumerate(sorted({r.target.id for r in listed}))}
    names = {e: n for n, e in enumerate(sorted({r.entity or "" for r in listed}))}
    across = len(names)
    ties = [ids[r.target.id] * across + names[r.entity or ""] for r in listed]
    shares = [-1.0 if r.progress is None else r.progress for r in listed]
    ranks = [_STATUS_ORDER[r.status] for r in listed]
    order = sorted(range(len(listed)), key=ties.__getitem__)
    order.sort(key=shares.__getitem__)
    order.sort(key=ranks.__getitem__)
    return [listed[i] for i in order]


def parse_fail_on(words: Iterable[str]) -> frozenset[str]:
    """``--fail-on fail,overdue`` (repeatable, comma-separated); ``none`` disables the gate.

    Outlooks are also accepted as the table prints them: ``off track``, ``off-track``.
    An unknown word raises ValueError with the word (``gate_word_hint`` suggests one)."""
    out: set[str] = set()
    for word in words:
        for typed in word.split(","):
            part = gate_word(typed)
            if not part:
                continue
            if part == "none":
                continue
            if part not in GATE_WORDS:
                raise ValueError(typed.strip())
            out.add(part)
    return frozenset(out)


def gate_word(text: str) -> str:
    """``Off track``, ``off-track`` and ``off_track`` are one word: ``off_track``."""
    return "_".join(text.lower().replace("-", " ").replace("_", " ").split())


def gate_word_hint(word: str) -> Msg:
    """A "did you mean" for an unknown ``--status``/``--fail-on`` word, else the list."""
    from dxcheck.findings import suggestion
    from dxcheck.i18n import msg

    return suggestion(gate_word(word), sorted(GATE_WORDS)) or msg(
        "one of {words}", words=", ".join(sorted(GATE_WORDS))
    )


@dataclass(frozen=True)
class ProblemReport:
    """What ``validate`` produces: the files checked and every problem found."""

    files: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.effective_severity.value == "error")

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    @property
    def passed(self) -> bool:
        return self.errors == 0
