"""YAML with positions: ``yaml.safe_load`` semantics, plus what PyYAML does not give.

PyYAML silently keeps the last of two duplicate keys, forgets where each value came from,
and expands aliases without limit ("billion laughs"). This module composes the node tree
with the safe loader, then builds plain Python data itself so that it can
- report duplicate keys with both lines,
- remember the line and column of every key and value by key path,
- refuse documents that expand to more than a fixed number of nodes or nest too deep.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from dxcheck.findings import Code, Finding, Location
from dxcheck.i18n import Msg, msg

KeyPath = tuple[str | int, ...]

# libyaml's parser when PyYAML was built with it (ten times faster); the same safe
# resolution of tags either way.
_COMPOSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 10 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64


def format_key_path(path: KeyPath) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class Positions:
    """1-based (line, column) of each key and each value, by key path."""

    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def of_key(self, path: KeyPath) -> tuple[int, int] | None:
        """Where the key of ``path`` is written, else its value, else its nearest parent."""
        for probe in (self.keys, self.values):
            if path in probe:
                return probe[path]
        return self.of_value(path[:-1]) if path else None

    def of_value(self, path: KeyPath) -> tuple[int, int] | None:
        while True:
            if path in self.values:
                return self.values[path]
            if not path:
                return None
            path = path[:-1]


class _LimitExceeded(Exception):
    def __init__(self, reason: Msg) -> None:
        super().__init__(str(reason))
        self.reason = reason


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.positions = Positions()
        self.findings: list[Finding] = []
        self.nodes = 0
        self._scalars = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _LimitExceeded(
                msg("more than {count} nodes after expanding aliases", count=f"{MAX_NODES:,}")
            )
        if depth > MAX_DEPTH:
            raise _LimitExceeded(msg("nested deeper than {depth} levels", depth=MAX_DEPTH))
        self.positions.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        try:
            return self._scalars.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            # e.g. "due: 2025-02-30" matches the timestamp tag but is no real date.
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
            self.findings.append(
                Finding(
                    Code.INVALID_FIELD,
                    Location(self.file, line, col, format_key_path(path)),
                    # the YAML parser's words for why stay English
                    {
                        "reason": msg(
                            "{path}: '{value}' is not valid: {reason}",
                            path=format_key_path(path),
                            value=node.value,
                            reason=str(exc),
                        )
                    },
                )
            )
            return node.value

    def _mapping(self, node: yaml.MappingNode, path: KeyPath, depth: int) -> dict[Any, Any]:
        # Merge keys ("<<") are flattened by the safe constructor's own logic first.
        self._scalars.flatten_mapping(node)
        out: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            try:
                key = self._scalars.construct_object(key_node, deep=True)
            except (yaml.YAMLError, ValueError, OverflowError, TypeError) as exc:
                # e.g. a key "2025-02-30:" matches the timestamp tag but is no real date.
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else key_node.tag
                self.findings.append(
                    Finding(
                        Code.INVALID_FIELD,
                        Location(self.file, line, col, format_key_path(path)),
                        {
                            "reason": msg(
                                "key '{key}' is not valid: {reason}", key=shown, reason=_first_line(exc)
                            )
                        },
                    )
                )
                continue
            if not isinstance(key, str | int | float | bool) and key is not None:
                key = str(key)
            if key in first_line:
                self.findings.append(
                    Finding(
                        Code.YAML_DUPLICATE_KEY,
                        Location(self.file, line, col, format_key_path((*path, str(key)))),
                        {"key": key, "first_line": first_line[key]},
                        hint=msg("remove one of the two, or rename it"),
                    )
                )
                continue
            first_line[key] = line
            child: KeyPath = (*path, key if isinstance(key, str | int) else str(key))
            self.positions.keys[child] = (line, col)
            out[key] = self.build(value_node, child, depth + 1)
        return out


@dataclass
class YamlDocument:
    data: Any
    positions: Positions


def load(raw: bytes, file: str) -> tuple[YamlDocument | None, list[Finding]]:
    """Parse ``raw`` as a single YAML document with positions, or return why not."""
    if len(raw) > MAX_BYTES:
        reason = msg(
            "file is {size} bytes, the limit is {limit}", size=f"{len(raw):,}", limit=f"{MAX_BYTES:,}"
        )
        return None, [Finding(Code.YAML_LIMIT, Location(file), {"reason": reason})]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Finding(
                Code.CATALOG_UNREADABLE,
                Location(file, line, column),
                {"reason": msg("byte 0x{byte} is not valid UTF-8", byte=f"{raw[exc.start]:02x}")},
                hint=msg("save the catalog as UTF-8"),
            )
        ]
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except RecursionError:
        # PyYAML's parser recurses once per level of nesting: "[[[[..." a few thousand
        # deep exhausts the stack before our own depth limit can say so.
        reason = msg("nested deeper than {depth} levels", depth=MAX_DEPTH)
        return None, [Finding(Code.YAML_LIMIT, Location(file), {"reason": reason})]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
        if "maximum nesting depth" in str(exc.problem):
            # libyaml 0.2.6 (PyYAML 6.0.4 wheels) stops deep nesting itself, before the
            # Python recursion limit or our own depth check can.
            return None, [
                Finding(
                    Code.YAML_LIMIT,
                    where,
                    {"reason": msg("nested deeper than {depth} levels", depth=MAX_DEPTH)},
                )
            ]
        context = exc.context or ""
        if exc.context_mark is not None and exc.context_mark is not mark:
            start = exc.context_mark
            context += f" (started at line {start.line + 1}, column {start.column + 1})"
        # the YAML parser's words stay English
        problem = ": ".join(part for part in (context.strip(), str(exc.problem or "")) if part)
        hint = None
        if "\\t" in problem or "tab" in problem.lower():
            hint = msg("YAML does not allow tabs for indentation: indent with spaces")
        return None, [Finding(Code.YAML_SYNTAX, where, {"reason": problem}, hint)]
    except yaml.YAMLError as exc:
        return None, [Finding(Code.YAML_SYNTAX, Location(file), {"reason": str(exc)})]
    if node is None:
        return YamlDocument(None, Positions()), []
    builder = _Builder(file)
    try:
        data = builder.build(node, (), 0)
    except _LimitExceeded as exc:
        return None, [Finding(Code.YAML_LIMIT, Location(file), {"reason": exc.reason})]
    except RecursionError:
        # A chain of merge keys ("<<") is flattened recursively by PyYAML.
        reason = msg("nested deeper than {depth} levels", depth=MAX_DEPTH)
        return None, [Finding(Code.YAML_LIMIT, Location(file), {"reason": reason})]
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        # The safe constructor rejects a few scalars (e.g. a timestamp like 2025-02-30).
        mark = getattr(exc, "problem_mark", None)
        where = Location(file, mark.line + 1) if mark else Location(file)
        return None, [Finding(Code.YAML_SYNTAX, where, {"reason": str(exc)})]
    return YamlDocument(data, builder.positions), builder.findings


def _first_line(exc: BaseException) -> str:
    """The gist of a PyYAML or constructor error, without its multi-line context."""
    problem = getattr(exc, "problem", None)
    text = str(problem) if problem else str(exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
