"""The entities met while reading: each spelling as written, the key it folds to
(names.entity_key), the name results give it, and where it was first written."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from dxcheck.catalog import Catalog
from dxcheck.findings import Code, Finding, FindingSink, Location, did_you_mean
from dxcheck.i18n import Msg, msg
from dxcheck.names import display_name, entity_key, fold_accents


class Entities:
    """Every entity spelling met so far, and what it stands for."""

    def __init__(self, catalog: Catalog) -> None:
        self.spellings: dict[str, str] = {"": ""}  # as written -> key
        self.names: dict[str, str] = {}  # key -> as first written (NFC, spaces folded)
        self._name_keys: dict[str, str] = {}  # the reverse, for the chart pass
        # where each entity key was first written (for DX225: two spellings, one place?)
        self.places: dict[str, Location] = {}
        self.known: dict[str, str] | None = None  # the catalog's entities: key -> name
        self._inherited = 0  # a half of a file: how many spellings it started with
        # a former unit (merged into another) -> its name, its successor's, the merger date
        self.former: dict[str, tuple[str, str, date]] = {}
        if catalog.entities is not None:
            self.known = {}
            # A former unit is known by its own name and stays its own series: its figures
            # before the merger are not its successor's. Names and aliases come second, so
            # that a current unit's spelling always wins.
            for known in catalog.entities:
                for old in known.former:
                    self.known[entity_key(old)] = display_name(old)
                    if known.since is not None:
                        self.former[entity_key(old)] = (
                            display_name(old),
                            display_name(known.name),
                            known.since,
                        )
            for known in catalog.entities:
                for spelling in (known.name, *known.aliases):
                    key = entity_key(spelling)
                    self.known[key] = display_name(known.name)
                    self.former.pop(key, None)

    def inherit(self, whole: Entities) -> None:
        """Start from a copy of what ``whole`` has met (a half of a file: dxcheck.progress.halves)."""
        self.spellings = dict(whole.spellings)
        self.names = dict(whole.names)
        self._inherited = len(self.spellings)

    def learnt(self) -> list[str]:
        """The spellings met since ``inherit``, in order (only those: the whole has met most
        of the others already, and would hold both copies at once)."""
        return list(self.spellings)[self._inherited :]

    def learn(self, text: str, key: str | None = None) -> str | None:
        """Remember a new spelling of an entity: its key, and its name if the key is new.
        None (remembered all the same) for a spelling the catalog's entities do not know.
        ``key``: ``entity_key(text)``, when the caller has it already."""
        if key is None:
            key = entity_key(text)
        canonical = self.known.get(key) if self.known is not None and key else None
        if canonical is not None:
            key = entity_key(canonical)
        self.spellings[text] = key
        self.names.setdefault(key, canonical or display_name(text))
        unknown = self.known is not None and key != "" and canonical is None
        return None if unknown else key

    def name_of(self, key: str) -> str | None:
        """The name results give an entity key (None: the nation)."""
        return self.names.get(key, key) or None

    def key_of_name(self, name: str | None) -> str:
        """The series key of an entity as results name it (None: national)."""
        if not name:
            return ""
        if len(self._name_keys) != len(self.names):  # built once reading is done
            self._name_keys = {shown: key for key, shown in self.names.items()}
        return self._name_keys.get(name) or entity_key(name)

    def unknown_hint(self, key: str) -> Msg:
        """What to say about an entity the catalog's list does not have."""
        assert self.known is not None  # only a list of entities leaves one unknown
        folded = {fold_accents(k): name for k, name in self.known.items()}
        stripped = fold_accents(key)
        if stripped in folded:
            return msg("did you mean '{name}'? (or add the spelling to its aliases)", name=folded[stripped])
        close = did_you_mean(stripped, folded)
        if close:
            return msg("did you mean '{name}'? (or add it to the catalog's entities)", name=folded[close])
        return msg("add it to the catalog's entities, with any other spellings as aliases")

    def check_former(self, sink: FindingSink, dated: Iterable[tuple[str, Iterable[int]]]) -> None:
        """Rows for a former unit dated on or after its merger (``dated``: an entity key and
        the ordinals of its rows' dates, per series): one warning per unit, at its first
        row, naming its successor. Its earlier rows are history and stay as they are."""
        if not self.former:
            return
        after: dict[str, list[int]] = {}
        for key, ordinals in dated:
            merged = self.former.get(key)
            if merged is not None:
                since = merged[2].toordinal()
                after.setdefault(key, []).extend(o for o in ordinals if o >= since)
        for key, late in sorted(after.items()):
            if not late or key not in self.places:
                continue
            name, successor, since_day = self.former[key]
            spelling = self.names.get(key, name)
            sink.add(
                Finding(
                    Code.FORMER_ENTITY,
                    self.places[key],
                    {"text": spelling, "count": len(late), "latest": date.fromordinal(max(late)).isoformat()},
                    hint=msg(
                        "'{name}' was merged into '{successor}' on {since}: report it as '{successor}'",
                        name=name,
                        successor=successor,
                        since=since_day.isoformat(),
                    ),
                    text=spelling,
                )
            )

    def check_spellings(self, sink: FindingSink) -> None:
        """An entity written without any accent beside one written with them ("Ha Noi"
        beside "Hà Nội"): one warning with a "did you mean", at its first row. Names
        that differ in their accents ("Thắng Thành", "Thắng Thạnh") are different places
        in Vietnam, not typos; tone-mark placement, case, spaces and NFC/NFD are already
        folded (names.entity_key)."""
        accented: dict[str, list[str]] = {}
        plain: list[str] = []
        for key in self.places:
            folded = fold_accents(key)
            if folded == key:
                plain.append(key)
            else:
                accented.setdefault(folded, []).append(key)
        for key in sorted(plain):
            matches = accented.get(key)
            if not matches:
                continue
            names = _either([f"'{self.names.get(k, k)}'" for k in sorted(matches)])
            spelling = self.names.get(key, key)
            sink.add(
                Finding(
                    Code.ENTITY_SPELLING,
                    self.places[key],
                    {"text": spelling, "other": names},
                    hint=msg(
                        "did you mean {names}? (if they are different places, ignore this warning)",
                        names=names,
                    ),
                    text=spelling,
                )
            )


def _either(names: list[str]) -> str | Msg:
    """'A', or 'A' or 'B' (the "or" in the reader's language), and so on."""
    either: str | Msg = names[0]
    for name in names[1:]:
        either = msg("{either} or {other}", either=either, other=name)
    return either
