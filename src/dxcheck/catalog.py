"""The target catalog (``targets.yaml``): pydantic models and a loader with located errors.

Pydantic checks shape and types; the checks that need the whole catalog (deadline
phrases, ``due`` agreement, duplicate ids, ``supersedes`` links) run afterwards with the
same key-path positions, so every problem names file, line and key path.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, WithJsonSchema, field_validator

from dxcheck import DATA_DIR, deadlines, events, yamlsource
from dxcheck.events import Event
from dxcheck.findings import Code, Finding, Location, suggestion
from dxcheck.i18n import Msg, msg
from dxcheck.reporting import OwnReporting, Reporting, entity_findings, none_allowed
from dxcheck.units import canonical_unit

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
BUNDLED_NAME = "targets.yaml"


class Direction(enum.StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class TargetType(enum.StrEnum):
    NUMERIC = "numeric"
    MILESTONE = "milestone"


class Projection(enum.StrEnum):
    """How the outlook extrapolates a series (see README, "Outlook")."""

    LINEAR = "linear"
    COMPOUND = "compound"
    OPEN_SDG = "open-sdg"  # Open SDG's progress measure (dxcheck.opensdg)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(_Strict):
    """Where a target was set: the speech, and the sentence quoted verbatim."""

    date: date
    occasion: str | None = None
    file: str | None = Field(default=None, description="speech file name in shared/speeches")
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    quote: str = Field(min_length=1)


class Baseline(_Strict):
    value: float = Field(allow_inf_nan=False, strict=True)
    date: date


class Target(_Strict):
    id: Annotated[str, Field(pattern=SLUG, max_length=80)]
    title: str = Field(min_length=1, max_length=200)
    title_vi: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="the title in Vietnamese (output in Vietnamese shows it; absent: the title)",
    )
    agency: str | None = None
    category: Annotated[str, Field(pattern=SLUG)] | None = None
    deadline: Annotated[
        str | None,
        # YAML reads "deadline: 2025" as a number: the schema says so too.
        WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]}),
    ] = Field(
        default=None,
        description="deadline phrase, e.g. 'end of 2025', 'Q1 2026', 'before 2025-02-15'; "
        "'none' or absent for a commitment with no deadline",
    )
    due: date | None = Field(default=None, description="the resolved deadline; checked against it")
    type: TargetType = TargetType.NUMERIC
    target: float | None = Field(default=None, allow_inf_nan=False, strict=True)
    direction: Direction = Direction.AT_LEAST
    unit: str | None = None
    baseline: Baseline | None = None
    projection: Projection | None = None
    source: Source | None = None
    supersedes: Annotated[str, Field(pattern=SLUG)] | None = None
    note: str | None = None
    reporting: OwnReporting = Field(
        default=None,
        description="how often the target is reported (dxcheck coverage); absent: the catalog's "
        "reporting; 'none': not reported periodically",
        json_schema_extra=none_allowed,
    )
    entities: list[Annotated[str, Field(min_length=1)]] | None = Field(
        default=None,
        min_length=1,
        description="the entities expected to report this target (names or aliases from the catalog's "
        "entities, or 'national'); absent: all the catalog's entities",
    )

    @field_validator("deadline", mode="before")
    @classmethod
    def _phrase_from_scalar(cls, value: object) -> object:
        # YAML reads "deadline: 2025" as an int and "deadline: 2025-09-30" as a date.
        if isinstance(value, int | date) and not isinstance(value, bool):
            return value.isoformat() if isinstance(value, date) else str(value)
        return value

    @functools.cached_property
    def level(self) -> float:
        """The level to reach; a milestone is 1 (done) reached from 0."""
        return 1.0 if self.type is TargetType.MILESTONE else float(self.target or 0.0)

    def title_in(self, lang: str) -> str:
        """The title to show in ``lang``: ``title_vi`` for "vi" when the catalog gives one,
        else ``title`` (a user catalog may be written in either language, or both)."""
        if lang == "vi" and self.title_vi is not None:
            return self.title_vi
        return self.title

    def is_met(self, value: float) -> bool:
        if self.direction is Direction.AT_MOST:
            return value <= self.level
        return value >= self.level


class Entity(_Strict):
    """A province, city or ministry that reports progress, with the other spellings of
    its name that should count as the same entity."""

    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    kind: str | None = Field(default=None, description="e.g. province, city, ministry")
    # A former unit merged into this one is not an alias: its rows are its own series (a
    # former province's 2024 figure is not the merged province's), but its name is known.
    former: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=list,
        description="names of former units merged into this one: known names (no DX223), each "
        "its own series; a row for one dated on or after 'since' is flagged (DX226)",
    )
    since: date | None = Field(
        default=None,
        description="the date the 'former' units were merged into this one (e.g. 2025-07-01)",
    )


class Catalog(_Strict):
    version: Literal[1]
    targets: list[Target] = Field(min_length=1)
    entities: list[Entity] | None = Field(
        default=None,
        description="Known entities: when given, a CSV entity not listed (by name or alias) is flagged",
    )
    reporting: Reporting | None = Field(
        default=None, description="how often every target is reported, unless it says otherwise"
    )
    events: list[Event] | None = Field(
        default=None, description="dated events that deadline phrases may name ('at the 9th session of ...')"
    )

    def by_id(self) -> dict[str, Target]:
        return {t.id: t for t in self.targets}

    def reporting_of(self, target: Target) -> Reporting | None:
        """The target's own ``reporting`` (as a whole), else the catalog's; None for a
        target that says ``reporting: none`` or when neither says anything."""
        if "reporting" in target.model_fields_set:
            return target.reporting
        return self.reporting


class CatalogLoad(typing.NamedTuple):
    catalog: Catalog | None
    findings: list[Finding]
    display_path: str
    is_bundled: bool = False  # the bundled catalog (or a byte-identical copy): the sample fits it


def bundled_catalog_bytes() -> bytes:
    return (DATA_DIR / BUNDLED_NAME).read_bytes()


def _bundled_or_empty() -> bytes:
    try:
        return bundled_catalog_bytes()
    except OSError:
        return b""


def load_catalog(path: Path | None, *, display: str | None = None) -> CatalogLoad:
    """Read and validate a catalog; ``path=None`` means the bundled one."""
    if path is None:
        name = display or f"<bundled>/{BUNDLED_NAME}"
        return parse_catalog(bundled_catalog_bytes(), name)
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        return _unreadable(name, msg("it is a directory"), msg("name the targets.yaml file itself"))
    except FileNotFoundError:
        return _unreadable(name, msg("no such file"), msg("check the path given to --targets"))
    except PermissionError:
        return _unreadable(name, msg("permission denied"), None)
    except OSError as exc:
        return _unreadable(name, exc.strerror or str(exc), None)
    return parse_catalog(raw, name)


def _unreadable(name: str, reason: str | Msg, hint: Msg | None) -> CatalogLoad:
    """``reason``: dxcheck's words (a ``Msg``), or the system's (a ``str``: stays English)."""
    return CatalogLoad(
        None, [Finding(Code.CATALOG_UNREADABLE, Location(name), {"reason": reason}, hint)], name
    )


def parse_catalog(raw: bytes, file: str) -> CatalogLoad:
    document, findings = yamlsource.load(raw, file)
    if document is None:
        return CatalogLoad(None, findings, file)
    if not isinstance(document.data, dict):
        kind = msg("an empty document") if document.data is None else type(document.data).__name__
        line, col = document.positions.of_value(()) or (1, 1)
        findings.append(
            Finding(
                Code.INVALID_FIELD,
                Location(file, line, col),
                {
                    "reason": msg(
                        "the catalog must be a mapping with 'version' and 'targets', not {kind}", kind=kind
                    )
                },
                hint=msg("start the file with 'version: 1' and 'targets:'"),
            )
        )
        return CatalogLoad(None, findings, file)
    try:
        catalog = Catalog.model_validate(document.data)
    except ValidationError as exc:
        # A scalar the YAML layer already rejected (e.g. due: 2025-02-30) is reported once.
        reported = {f.location.key_path for f in findings}
        findings.extend(
            f for f in _located(exc, document.positions, file) if f.location.key_path not in reported
        )
        # Semantic checks still run on the targets that are well-formed, so one run
        # reports everything.
        targets = _valid_targets(document.data)
        known = events.valid(document.data)
        findings.extend(events.duplicate_findings(known, document.positions, file))
        findings.extend(_semantic_findings(targets, document.positions, file, known))
        return CatalogLoad(None, findings, file)
    known = catalog.events or []
    findings.extend(events.duplicate_findings(known, document.positions, file))
    semantic = _semantic_findings(list(enumerate(catalog.targets)), document.positions, file, known)
    findings.extend(semantic)
    findings.extend(entity_findings(catalog, document.positions, file))
    if findings:
        return CatalogLoad(None, findings, file)
    resolved = [t.model_copy(update={"due": _resolve(t, known)}) for t in catalog.targets]
    bundled = raw == _bundled_or_empty()
    return CatalogLoad(catalog.model_copy(update={"targets": resolved}), [], file, bundled)


def _valid_targets(data: dict[str, Any]) -> list[tuple[int, Target]]:
    out: list[tuple[int, Target]] = []
    items = data.get("targets")
    if not isinstance(items, list):
        return out
    for i, item in enumerate(items):
        try:
            out.append((i, Target.model_validate(item)))
        except ValidationError:
            continue
    return out


def _resolve(target: Target, known: list[Event]) -> date | None:
    """The due date of a deadline phrase: the grammar's (dxcheck.deadlines), else the date
    of the catalog event it names (dxcheck.events)."""
    if target.deadline is None:
        return None
    try:
        return deadlines.resolve(target.deadline, target.source.date if target.source else None)
    except deadlines.DeadlinePhraseError:
        event = events.lookup(target.deadline, known)
        if event is None:
            raise
        return event.date


def _semantic_findings(
    targets: list[tuple[int, Target]], positions: yamlsource.Positions, file: str, known: list[Event]
) -> Iterator[Finding]:
    def at(index: int, *keys: str) -> Location:
        path: yamlsource.KeyPath = ("targets", index, *keys)
        line_col = positions.of_value(path)
        line, col = line_col or (None, None)
        return Location(file, line, col, yamlsource.format_key_path(path))

    first_seen: dict[str, int] = {}
    ids = {t.id for _, t in targets}
    for index, target in targets:
        tid = target.id
        if tid in first_seen:
            first_line = (positions.of_value(("targets", first_seen[tid], "id")) or (0, 0))[0]
            yield Finding(
                Code.DUPLICATE_TARGET_ID,
                at(index, "id"),
                {"id": tid, "first_line": first_line},
                hint=msg("give each target its own id; a restated target links with 'supersedes'"),
            )
        else:
            first_seen[tid] = index
        yield from _deadline_findings(target, at(index, "deadline"), at(index, "due"), known)
        yield from _type_findings(target, functools.partial(at, index))
        if target.supersedes is not None:
            if target.supersedes not in ids:
                yield Finding(
                    Code.UNKNOWN_SUPERSEDES,
                    at(index, "supersedes"),
                    {"id": tid, "ref": target.supersedes},
                    hint=suggestion(target.supersedes, ids),
                )
            elif _loops(tid, {t.id: t.supersedes for _, t in targets}):
                yield Finding(Code.SUPERSEDES_CYCLE, at(index, "supersedes"), {"id": tid})


def _loops(start: str, links: dict[str, str | None]) -> bool:
    seen = {start}
    current = links.get(start)
    while current is not None:
        if current in seen:
            return True
        seen.add(current)
        current = links.get(current)
    return False


def _deadline_findings(
    target: Target, where: Location, due_where: Location, known: list[Event]
) -> Iterator[Finding]:
    if target.deadline is None:
        if target.due is not None:
            yield Finding(
                Code.DUE_MISMATCH,
                due_where,
                {"id": target.id, "phrase": msg("none"), "resolved": msg("no date"), "due": target.due},
                hint=msg("add the deadline phrase the date comes from, or remove 'due'"),
            )
        return
    try:
        resolved = _resolve(target, known)
    except deadlines.DeadlinePhraseError as exc:
        yield Finding(
            Code.UNKNOWN_DEADLINE,
            where,
            {"id": target.id, "phrase": target.deadline},
            # the deadline parser's reason (exc) stays English
            hint=events.hint(target.deadline, known)
            or msg(
                "{reason}; write e.g. {examples}",
                reason=str(exc),
                examples=", ".join(f"'{e}'" for e in deadlines.EXAMPLES[:8]),
            ),
        )
        return
    if target.due is not None and resolved != target.due:
        yield Finding(
            Code.DUE_MISMATCH,
            due_where,
            {"id": target.id, "phrase": target.deadline, "resolved": resolved, "due": target.due},
            hint=msg("set 'due: {resolved}', or correct the deadline phrase", resolved=resolved),
        )


def _type_findings(target: Target, at: typing.Callable[[str], Location]) -> Iterator[Finding]:
    numeric_only = ("target", "unit", "baseline", "projection")
    if target.type is TargetType.NUMERIC:
        if target.target is None:
            yield Finding(
                Code.TYPE_FIELDS,
                at("type"),
                {"id": target.id, "reason": msg("a numeric target needs 'target' (the level to reach)")},
                hint=msg("add 'target: <number>', or set 'type: milestone'"),
            )
        percent = target.unit is not None and canonical_unit(target.unit) == "percent"
        if percent and target.target is not None and not 0 <= target.target <= 100:
            yield Finding(
                Code.TYPE_FIELDS,
                at("target"),
                {
                    "id": target.id,
                    "reason": msg("a percentage target of {level} is impossible", level=f"{target.target:g}"),
                },
            )
        if target.projection is Projection.OPEN_SDG and (
            target.deadline is None or deadlines.normalise(target.deadline) in deadlines.NO_DEADLINE
        ):
            yield Finding(
                Code.TYPE_FIELDS,
                at("projection"),
                {
                    "id": target.id,
                    "reason": msg("'projection: open-sdg' measures progress toward a target year"),
                },
                hint=msg("give the target a deadline, or remove 'projection: open-sdg'"),
            )
        return
    for key in numeric_only:
        if getattr(target, key) is not None:
            yield Finding(
                Code.TYPE_FIELDS,
                at(key),
                {
                    "id": target.id,
                    "reason": msg("'{key}' is for numeric targets; a milestone is done or not", key=key),
                },
                hint=msg("remove '{key}', or set 'type: numeric'", key=key),
            )
    if target.direction is not Direction.AT_LEAST:
        yield Finding(
            Code.TYPE_FIELDS,
            at("direction"),
            {"id": target.id, "reason": msg("'direction' is for numeric targets")},
            hint=msg("remove 'direction'"),
        )


# --- pydantic errors to located findings -----------------------------------------------


def _model_at(loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The pydantic model that validates the mapping at ``loc`` (for "did you mean")."""
    model: Any = Catalog
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        info = model.model_fields.get(str(part))
        if info is None:
            return None
        model = _unwrap(info.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """list[Target] -> Target; Baseline | None -> Baseline."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return None
            annotation = args[0]
        else:
            return annotation


def _located(exc: ValidationError, positions: yamlsource.Positions, file: str) -> list[Finding]:
    found = list(_each_located(exc, positions, file))
    # "titel" for "title" is one mistake, not two: the unknown key's "did you mean"
    # already says what is missing.
    suggested = {
        (f.location.key_path or "").rpartition(".")[0] + "." + str(f.hint.args["match"])
        for f in found
        if f.code is Code.UNKNOWN_KEY and f.hint and "match" in f.hint.args  # a did-you-mean (suggestion)
    }
    return [f for f in found if not (f.code is Code.MISSING_KEY and f.location.key_path in suggested)]


def _each_located(exc: ValidationError, positions: yamlsource.Positions, file: str) -> Iterator[Finding]:
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if isinstance(part, str | int))
        key_path = yamlsource.format_key_path(loc)
        kind = error["type"]
        if kind == "extra_forbidden":
            parent = _model_at(loc[:-1])
            allowed = list(parent.model_fields) if parent else []
            line, col = positions.of_key(loc) or (None, None)
            yield Finding(
                Code.UNKNOWN_KEY,
                Location(file, line, col, key_path),
                {"key": loc[-1]},
                hint=suggestion(str(loc[-1]), allowed)
                or (msg("allowed keys: {keys}", keys=", ".join(allowed)) if allowed else None),
            )
        elif kind == "missing":
            line, col = positions.of_value(loc[:-1]) or (None, None)
            yield Finding(Code.MISSING_KEY, Location(file, line, col, key_path), {"key": loc[-1]})
        else:
            line, col = positions.of_value(loc) or (None, None)
            given = error.get("input")
            shown = repr(given) if not isinstance(given, dict | list) else type(given).__name__
            if len(shown) > 60:
                shown = shown[:57] + "..."
            # pydantic's words for what is wrong stay English
            reason = msg(
                "{path}: {reason} (got {shown})", path=key_path, reason=error["msg"].rstrip("."), shown=shown
            )
            yield Finding(
                Code.INVALID_FIELD,
                Location(file, line, col, key_path),
                {"reason": reason},
                _hint(kind),
            )


def _hint(kind: str) -> Msg | None:
    return {
        "literal_error": msg("the only catalog version is 1: write 'version: 1'"),
        "string_pattern_mismatch": msg(
            "ids, categories and supersedes are lowercase slugs like 'online-public-services'"
        ),
        "date_from_datetime_parsing": msg("write dates as YYYY-MM-DD"),
        "date_type": msg("write dates as YYYY-MM-DD"),
        "float_parsing": msg("write a plain number like 80 or 87.5"),
    }.get(kind)
