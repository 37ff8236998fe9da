"""Which results to look at: ``--target``, ``--category``, ``--agency``, ``--entity``,
``--status``, ``--due-before``/``--due-within``.

A selection narrows the gate as well as the display: ``dxcheck status --category
digital-economy`` passes or fails on the digital-economy targets alone.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from dxcheck.i18n import Msg, msg
from dxcheck.names import entity_key, fold_accents

if TYPE_CHECKING:
    from dxcheck.catalog import Catalog, Target
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
    """Names compare as the reader compares entities (NFC, case, spaces, tone marks)."""
    return entity_key(text)


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
        if not self.matches_entity(result.entity):
            return False
        return self.matches_status(result)

    def apply(self, results: Iterable[Result]) -> list[Result]:
        """The results this selection matches, in order (``matches`` on each). Asked of
        every result of a commune-scale run (132,000 results of 40 targets and 3,300
        entities): each target and each entity is judged once."""
        if self.is_empty:
            return list(results)
        by_target: dict[int, bool] = {}
        by_entity: dict[str | None, bool] = {}
        out: list[Result] = []
        for r in results:
            target, entity = r.target, r.entity
            chosen = by_target.get(id(target))
            if chosen is None:
                chosen = by_target[id(target)] = self.matches_target(target)
            if not chosen:
                continue
            named = by_entity.get(entity)
            if named is None:
                named = by_entity[entity] = self.matches_entity(entity)
            if named and self.matches_status(r):
                out.append(r)
        return out

    def matches_entity(self, entity: str | None) -> bool:
        """``--entity`` (None is the nation, ``national``); call on ``with_aliases``."""
        if not self.entities:
            return True
        return (_fold(entity) if entity else "national") in self._folded_entities

    @cached_property
    def _folded_entities(self) -> frozenset[str]:
        """The ``--entity`` names as the reader compares them, folded once."""
        return frozenset(_fold(e) for e in self.entities)

    def matches_status(self, result: Result) -> bool:
        return (
            not self.statuses
            or result.status.value in self.statuses
            or result.trend.outlook.value in self.statuses
        )

    def unknown_targets(self, ids: Iterable[str]) -> list[str]:
        """Patterns that match no id in the catalog (a typo deserves an error)."""
        known = list(ids)
        return [p for p in self.targets if not any(fnmatch.fnmatchcase(i, p.strip().lower()) for i in known)]

    def with_aliases(self, catalog: Catalog) -> Selection:
        """``--entity`` given as one of the catalog's aliases selects the entity's results,
        which the reader files under its name."""
        if not self.entities or not catalog.entities:
            return self
        names = {_fold(s): e.name for e in catalog.entities for s in (e.name, *e.aliases)}
        return replace(self, entities=tuple(names.get(_fold(e), e) for e in self.entities))

    def describe(self) -> str:
        """The narrowing options as typed, e.g. ``--target 'x' --entity 'Hà Nội'``."""
        parts = [f"--target '{t}'" for t in self.targets]
        parts += [f"--category '{c}'" for c in self.categories]
        parts += [f"--agency '{a}'" for a in self.agencies]
        parts += [f"--entity '{e}'" for e in self.entities]
        if self.due_before is not None:
            parts.append(f"due on or before {self.due_before.isoformat()}")
        return " ".join(parts)

    def review(
        self,
        catalog: Catalog,
        results: Sequence[Result] | None = None,
        *,
        gate: bool = True,
        entities: Iterable[str] = (),
    ) -> Review:
        """What is wrong with this selection, as usage errors with a "did you mean", and
        what deserves a notice. A typo must never select nothing and pass the gate.

        ``results``: every result before the selection (None when the inputs could not be
        read: only the catalog's words are checked then). ``gate``: the command decides
        an exit code (the message says so). ``entities``: more entity names that are no
        typo (``show``: those with results for other targets).
        """
        errors = [*self._unknown_words(catalog)]
        if results is None:
            return Review(tuple(errors))
        if self.entities:
            errors += self._unknown_entities(catalog, [*(r.entity for r in results), *entities])
        if errors:
            return Review(tuple(errors))
        narrowing = replace(self.with_aliases(catalog), statuses=frozenset())
        matched = narrowing.apply(results)
        if not matched and not narrowing.is_empty:
            return Review((self.matches_nothing("result", gate=gate),))
        notices: tuple[Msg, ...] = ()
        if self.statuses and matched and not any(self.matches_status(r) for r in matched):
            words = ", ".join(f"'{w}'" for w in sorted(self.statuses))
            notices = (
                msg(
                    "--status: none of the {count} selected result(s) has status or outlook {words}",
                    count=len(matched),
                    words=words,
                ),
            )
        return Review((), notices)

    def matches_nothing(self, what: str, *, gate: bool = True) -> Msg:
        """The usage error for a selection that leaves nothing (``what``: result, expected
        report)."""
        if what == "result":
            if gate:
                return msg(
                    "the selection matches no result: {selection} (an empty selection cannot pass the gate)",
                    selection=self.describe(),
                )
            return msg(
                "the selection matches no result: {selection} (nothing to show)", selection=self.describe()
            )
        return msg(
            "the selection matches no expected report: {selection} (an empty selection cannot pass the gate)",
            selection=self.describe(),
        )

    def review_names(self, catalog: Catalog, entities: Iterable[str | None]) -> Review:
        """The words of the selection checked against the catalog and these entity names,
        for a command whose items are not status results (``coverage``)."""
        errors = [*self._unknown_words(catalog)]
        if self.entities:
            errors += self._unknown_entities(catalog, entities)
        return Review(tuple(errors))

    def _unknown_words(self, catalog: Catalog) -> Iterable[Msg]:
        ids = [t.id for t in catalog.targets]
        for pattern in self.unknown_targets(ids):
            close = None if glob_pattern(pattern) else suggest(pattern, ids)
            yield _unknown("--target", "target", pattern, close, msg("run 'dxcheck targets' for the list"))
        categories = sorted({t.category for t in catalog.targets if t.category})
        for category in self.categories:
            if category.strip().lower() not in categories:
                listing = (
                    msg("one of {names}", names=", ".join(categories))
                    if categories
                    else msg("the catalog has no categories")
                )
                yield _unknown("--category", "category", category, suggest(category, categories), listing)
        agencies = sorted({t.agency for t in catalog.targets if t.agency})
        for agency in self.agencies:
            if not any(_fold(agency) in _fold(a) for a in agencies):
                close = suggest(agency, agencies, part=True)
                hint = msg("run 'dxcheck targets' to see the agencies")
                yield _unknown("--agency", "agency", agency, close, hint)

    def _unknown_entities(self, catalog: Catalog, seen: Iterable[str | None]) -> Iterable[Msg]:
        names = dict.fromkeys(name for name in seen if name)
        for known in catalog.entities or ():
            # a former unit (merged into this one) is a known name too, with results of its own
            names.update(dict.fromkeys((known.name, *known.aliases, *known.former)))
        choices = ["national", *names]
        folded = {_fold(n) for n in choices}
        for entity in self.entities:
            if _fold(entity) not in folded:
                hint = msg("run 'dxcheck status --by entity' for the list")
                yield _unknown("--entity", "entity", entity, suggest(entity, choices), hint)


@dataclass(frozen=True)
class Review:
    """A selection checked against the catalog and the results (``Selection.review``)."""

    errors: tuple[Msg, ...] = ()
    notices: tuple[Msg, ...] = ()


def _unknown(option: str, noun: str, word: str, close: str | None, otherwise: Msg) -> Msg:
    hint = msg("did you mean '{match}'?", match=close) if close else otherwise
    nouns = {
        "target": msg("no target matches '{word}'", word=word),
        "category": msg("no category matches '{word}'", word=word),
        "agency": msg("no agency matches '{word}'", word=word),
        "entity": msg("no entity matches '{word}'", word=word),
    }
    return msg("{option}: {problem} ({hint})", option=option, problem=nouns[noun], hint=hint)


def glob_pattern(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def _accentless(text: str) -> str:
    return " ".join(fold_accents(text).split())


def suggest(word: str, choices: Iterable[str], *, part: bool = False) -> str | None:
    """The choice ``word`` most likely meant: the same but for accents, case and spaces
    ("Ha Noi" for "Hà Nội"), with ``part`` one that contains it so, else the closest."""
    from dxcheck.findings import did_you_mean

    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(_accentless(choice), choice)
    key = _accentless(word)
    if key in by_key:
        return by_key[key]
    if part and key:
        within = [choice for folded, choice in by_key.items() if key in folded]
        if within:
            return within[0]
    close = did_you_mean(key, by_key)
    return by_key[close] if close else None
