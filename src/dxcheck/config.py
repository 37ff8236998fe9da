"""Options configured once: ``dxcheck.toml``, or ``[tool.dxcheck]`` in ``pyproject.toml``.

The file is looked for in the working directory, then its parents (the first of the two
names found wins, ``dxcheck.toml`` before ``pyproject.toml`` in the same folder). It holds
defaults for long options, by their names::

    targets = "catalog/targets.yaml"   # relative to the file's folder
    date-order = "dmy"
    decimal = "comma"
    entity = ["Đà Nẵng"]
    fail-on = ["fail", "overdue", "off track"]
    format = "table"
    lang = "vi"

Every command that has the option takes the default; a command-line option always wins.
``DXCHECK_LANG`` sets ``lang`` over the file. An unknown key or a bad value is a located
error with a "did you mean" (DX305, DX306), so a misspelt setting never silently does
nothing. Standard library only: the CLI reads it at every start.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dxcheck import cells
from dxcheck.findings import Code, Finding, Location, did_you_mean
from dxcheck.formats import Format, Lang
from dxcheck.i18n import Msg, msg
from dxcheck.report import parse_fail_on

FILE_NAME = "dxcheck.toml"
PYPROJECT = "pyproject.toml"
LANG_VARIABLE = "DXCHECK_LANG"

Value = str | list[str]


class BadValue(ValueError):
    """A configuration value that is refused, and why in words that can be translated
    (``str()`` is the English, for whoever reads it as a plain ValueError)."""

    def __init__(self, reason: Msg) -> None:
        super().__init__(str(reason))
        self.reason = reason


def _reason(exc: ValueError) -> str | Msg:
    return exc.reason if isinstance(exc, BadValue) else str(exc)


def _choice(allowed: Sequence[str]) -> Callable[[object], Value]:
    def check(value: object) -> Value:
        if not isinstance(value, str) or value.strip().lower() not in allowed:
            close = did_you_mean(str(value).strip().lower(), allowed)
            choices = ", ".join(allowed)
            hint = (
                msg("did you mean '{match}'?", match=close) if close else msg("one of {words}", words=choices)
            )
            raise BadValue(
                msg(
                    "takes one of {choices}, not {value} ({hint})",
                    choices=choices,
                    value=repr(value),
                    hint=hint,
                )
            )
        return value.strip().lower()

    return check


def _text(value: object) -> Value:
    if not isinstance(value, str) or not value.strip():
        raise BadValue(msg("takes a path as a string, not {value}", value=repr(value)))
    return value


def _words(value: object) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(v, str) and v.strip() for v in items):
        raise BadValue(msg("takes a string or a list of strings, not {value}", value=repr(value)))
    return [str(v) for v in items]


def _gate_words(value: object) -> Value:
    words = _words(value)
    try:
        parse_fail_on(words)
    except ValueError as exc:
        from dxcheck.report import gate_word_hint

        raise BadValue(
            msg("unknown status or outlook '{word}' ({hint})", word=str(exc), hint=gate_word_hint(str(exc)))
        ) from None
    return words


# The options a configuration may set, and how each value is checked.
KEYS: dict[str, Callable[[object], Value]] = {
    "targets": _text,
    "date-order": _choice([o.value for o in cells.DateOrder]),
    "decimal": _choice([d.value for d in cells.DecimalMark]),
    "entity": _words,
    "fail-on": _gate_words,
    "format": _choice([f.value for f in Format]),
    "lang": _choice([lang.value for lang in Lang]),
}


@dataclass(frozen=True)
class Setting:
    key: str  # the option's long name, without the dashes
    value: Value
    origin: str  # where it was set: "dxcheck.toml:3" or "DXCHECK_LANG"


@dataclass(frozen=True)
class Config:
    path: Path | None  # the file read, if any
    settings: tuple[Setting, ...] = ()
    findings: tuple[Finding, ...] = ()

    def value(self, key: str) -> Value | None:
        return next((s.value for s in self.settings if s.key == key), None)


def find(start: Path) -> Path | None:
    """``dxcheck.toml``, or a ``pyproject.toml`` with ``[tool.dxcheck]``, in ``start`` or
    the nearest parent that has one."""
    for folder in (start, *start.parents):
        own = folder / FILE_NAME
        if own.is_file():
            return own
        project = folder / PYPROJECT
        if project.is_file() and _has_table(project):
            return project
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*dxcheck\s*\]", text, re.M) is not None


def in_effect(path: Path | None, *, ignore: bool = False) -> Config:
    """The configuration a run uses: ``path`` (``--config``; None: the file found from the
    working directory) with DXCHECK_LANG over it, or nothing at all (``--no-config``).
    The root command reads it, and so does ``--help`` to know its language (cli_help)."""
    if ignore:
        return Config(None)
    return load(path if path is not None else find(Path.cwd()))


def load(path: Path | None, *, environ: dict[str, str] | None = None) -> Config:
    """The settings of ``path`` (None: no file), then the environment's."""
    env = os.environ if environ is None else environ
    settings: list[Setting] = []
    findings: list[Finding] = []
    if path is not None:
        settings, findings = _read(path)
    lang = env.get(LANG_VARIABLE, "").strip()
    if lang:
        try:
            value = KEYS["lang"](lang)
        except ValueError as exc:
            findings.append(
                Finding(Code.CONFIG_VALUE, Location(LANG_VARIABLE), {"key": "lang", "reason": _reason(exc)})
            )
        else:
            settings = [s for s in settings if s.key != "lang"] + [Setting("lang", value, LANG_VARIABLE)]
    return Config(path, tuple(settings), tuple(findings))


_TOML_PLACE = re.compile(r" \(at line (\d+), column (\d+)\)$")


def _read(path: Path) -> tuple[list[Setting], list[Finding]]:
    display = shown(path)
    try:
        text = path.read_text(encoding="utf-8")
        document = tomllib.loads(text)
    except OSError as exc:
        return [], [
            Finding(
                Code.CONFIG_VALUE, Location(display), {"key": display, "reason": exc.strerror or str(exc)}
            )
        ]
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        # The parser says where as words ("... (at line 2, column 9)"): made a location.
        place = _TOML_PLACE.search(str(exc))
        line, column = (int(place[1]), int(place[2])) if place else (None, None)
        # the TOML parser's (or the codec's) words stay English
        reason = msg("not a TOML file: {reason}", reason=_TOML_PLACE.sub("", str(exc)))
        return [], [
            Finding(Code.CONFIG_VALUE, Location(display, line, column), {"key": display, "reason": reason})
        ]
    table: object = document
    table_start = 0
    if path.name == PYPROJECT:
        table = document.get("tool", {}).get("dxcheck", {})
        header = re.search(r"^\s*\[\s*tool\s*\.\s*dxcheck\s*\]", text, re.M)
        table_start = header.end() if header else 0
    if not isinstance(table, dict):
        return [], [
            Finding(Code.CONFIG_VALUE, Location(display, 1), {"key": display, "reason": msg("not a table")})
        ]
    settings: list[Setting] = []
    findings: list[Finding] = []
    for raw_key, raw_value in table.items():
        key = raw_key.strip().lower().replace("_", "-")
        line, column = _place(text, raw_key, table_start)
        where = Location(display, line, column)
        check = KEYS.get(key)
        if check is None:
            close = did_you_mean(key, KEYS)
            hint = (
                msg("did you mean '{match}'?", match=close)
                if close
                else msg("the keys are {keys}", keys=", ".join(KEYS))
            )
            findings.append(Finding(Code.CONFIG_KEY, where, {"key": raw_key}, hint, raw_key))
            continue
        try:
            value = check(raw_value)
        except ValueError as exc:
            findings.append(Finding(Code.CONFIG_VALUE, where, {"key": raw_key, "reason": _reason(exc)}))
            continue
        if key == "targets" and isinstance(value, str) and not Path(value).is_absolute():
            value = str(path.parent / value)  # relative to the file, wherever dxcheck runs
        settings.append(Setting(key, value, f"{display}:{line}" if line else display))
    return settings, findings


def shown(path: Path) -> str:
    """The file's name as messages give it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _place(text: str, key: str, start: int) -> tuple[int | None, int | None]:
    """Line and column of ``key =`` at or after ``start`` (tomllib keeps no positions)."""
    pattern = re.compile(rf"^([ \t]*)([\"']?){re.escape(key)}\2[ \t]*=", re.M)
    found = pattern.search(text, start)
    if found is None:
        return None, None
    line = text.count("\n", 0, found.start()) + 1
    return line, len(found.group(1)) + 1


def default_map(
    config: Config, commands: Mapping[str, Sequence[tuple[str, Sequence[str], Sequence[str] | None]]]
) -> dict[str, dict[str, object]]:
    """Click's ``default_map`` for the given commands: for each, its parameters named
    ``--KEY`` get the setting's value (``format`` only where the command accepts it).

    ``commands`` maps a command's name to its parameters: (name, option strings, choices)."""
    out: dict[str, dict[str, object]] = {}
    for command, params in commands.items():
        defaults: dict[str, object] = {}
        for setting in config.settings:
            for name, opts, choices in params:
                if f"--{setting.key}" not in opts:
                    continue
                if choices is not None and (
                    not isinstance(setting.value, str) or setting.value not in choices
                ):
                    continue  # e.g. format = "sarif" on a command without sarif
                defaults[name] = setting.value
        if defaults:
            out[command] = defaults
    return out
