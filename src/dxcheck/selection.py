"""Which results to look at: ``--target``, ``--category``, ``--agency``, ``--entity``,
``--status``, ``--due-before``/``--due-within``.

A selection narrows the gate as well as the display: ``dxcheck status --category
digital-economy`` passes or fails on the digital-economy targets alone.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dxcheck.catalog import Target
    from dxcheck.report import Result

_WITHIN = re.compile(r"(\d+)\s*([dwmy])")
_UNIT_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}


def parse_within(text: str, as_of: date) -> date:
    """``90d``, ``12w``, ``6m`` (30-day months), ``1y`` from the as-of date, inclusive."""
    m = _WITHIN.fullmatch(text.strip().lower())
    if not m:
        raise ValueError(f"'{text}' is not a duration like 90d, 12w, 6m or 1y")
    return as_of + timedelta(days=int(m[1]) * _UNIT_DAYS[m[2]])


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True)
class Selection:
    targets: tuple[str, ...] = ()  # ids or globs
    categories: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()  # case-insensitive substrings
    entities: tuple[str, ...] = ()  # "national" selects the whole-country results
    statuses: frozenset[str] = frozenset()
    due_before: date | None = None  # inclusive

    @property
    def is_empty(self) -> bool:
        return self == Selection()

    def matches_target(self, target: Target) -> bool:
        if self.targets and not any(fnmatch.fnmatchcase(target.id, p.strip().lower()) for p in self.targets):
            return False
        if self.categories and (target.category or "") not in {c.strip().lower() for c in self.categories}:
            return False
        if self.agencies and not any(_fold(a) in _fold(target.agency or "") for a in self.agencies):
            return False
        return self.due_before is None or (target.due is not None and target.due <= self.due_before)

    def matches(self, result: Result) -> bool:
        if not self.matches_target(result.target):
            return False
        if self.entities:
            wanted = {_fold(e) for e in self.entities}
            name = _fold(result.entity) if result.entity else "national"
            if name not in wanted:
                return False
        return (
            not self.statuses
            or result.status.value in self.statuses
            or result.trend.outlook.value in self.statuses
        )

    def apply(self, results: Iterable[Result]) -> list[Result]:
        return [r for r in results if self.matches(r)]

    def unknown_targets(self, ids: Iterable[str]) -> list[str]:
        """Patterns that match no id in the catalog (a typo deserves an error)."""
        known = list(ids)
        return [p for p in self.targets if not any(fnmatch.fnmatchcase(i, p.strip().lower()) for i in known)]
