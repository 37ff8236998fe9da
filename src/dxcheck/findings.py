"""Located problems in the inputs: stable codes, one message template each.

A finding is a value, not an exception: readers collect them and carry on, so one run
reports every problem. Codes are a public contract (README, "When dxcheck rejects your
file"); never reuse a retired code for a different problem.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dxcheck.i18n import Lang, Msg, fields_in, msg, text_in


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(enum.Enum):
    """Stable finding codes with their severity and message template.

    Templates use ``str.format`` fields filled from ``Finding.args``.
    """

    # --- catalog (targets.yaml) -----------------------------------------------------
    CATALOG_UNREADABLE = ("DX100", Severity.ERROR, "cannot read catalog: {reason}")
    YAML_SYNTAX = ("DX101", Severity.ERROR, "YAML syntax error: {reason}")
    YAML_DUPLICATE_KEY = (
        "DX102",
        Severity.ERROR,
        "duplicate key '{key}' (first at line {first_line})",
    )
    UNKNOWN_KEY = ("DX103", Severity.ERROR, "unknown key '{key}'")
    MISSING_KEY = ("DX104", Severity.ERROR, "missing required key '{key}'")
    INVALID_FIELD = ("DX105", Severity.ERROR, "{reason}")
    DUPLICATE_TARGET_ID = (
        "DX106",
        Severity.ERROR,
        "duplicate target id '{id}' (first at line {first_line})",
    )
    UNKNOWN_DEADLINE = (
        "DX107",
        Severity.ERROR,
        "target '{id}': unknown deadline phrase '{phrase}'",
    )
    DUE_MISMATCH = (
        "DX108",
        Severity.ERROR,
        "target '{id}': deadline '{phrase}' resolves to {resolved}, but due says {due}",
    )
    UNKNOWN_SUPERSEDES = (
        "DX109",
        Severity.ERROR,
        "target '{id}' supersedes unknown target '{ref}'",
    )
    YAML_LIMIT = ("DX110", Severity.ERROR, "catalog exceeds a safety limit: {reason}")
    TYPE_FIELDS = ("DX111", Severity.ERROR, "target '{id}': {reason}")
    SUPERSEDES_CYCLE = ("DX112", Severity.ERROR, "supersedes chain of '{id}' loops back on itself")
    UNKNOWN_TARGET_ENTITY = (
        "DX113",
        Severity.ERROR,
        "target '{id}': entity '{name}' is not in the catalog's entities",
    )
    DUPLICATE_EVENT = ("DX114", Severity.ERROR, "event '{name}' is listed twice (first at line {first_line})")

    # --- progress CSV: file level --------------------------------------------------
    INPUT_UNREADABLE = ("DX200", Severity.ERROR, "cannot read input: {reason}")
    ENCODING = ("DX201", Severity.ERROR, "{reason}")
    EMPTY_FILE = ("DX202", Severity.ERROR, "{reason}")
    MISSING_COLUMN = ("DX203", Severity.ERROR, "missing required column '{column}'")
    DUPLICATE_COLUMN = (
        "DX204",
        Severity.ERROR,
        "column '{column}' appears twice (columns {first} and {second})",
    )
    UNKNOWN_COLUMN = ("DX205", Severity.WARNING, "unknown column '{column}' is ignored")
    MALFORMED_CSV = ("DX206", Severity.ERROR, "malformed CSV: {reason}")
    FIELD_COUNT = ("DX207", Severity.ERROR, "row has {found} fields, the header has {expected}")
    NO_ROWS = ("DX208", Severity.WARNING, "the file has a header but no data rows")
    NOT_REPORTED = (
        "DX209",
        Severity.WARNING,
        "{count} row(s) with no value are skipped as not reported yet (first: {first})",
    )

    # --- progress CSV: cell level --------------------------------------------------
    UNKNOWN_TARGET = ("DX210", Severity.ERROR, "unknown target '{text}'")
    INVALID_DATE = ("DX211", Severity.ERROR, "invalid date '{text}': {reason}")
    AMBIGUOUS_DATE = (
        "DX212",
        Severity.ERROR,
        "ambiguous date '{text}': day and month could be either way",
    )
    INVALID_NUMBER = (
        "DX213",
        Severity.ERROR,
        "invalid number '{text}' for numeric target '{target}'{reason}",
    )
    INVALID_MILESTONE = (
        "DX214",
        Severity.ERROR,
        "invalid milestone value '{text}' for target '{target}'",
    )
    UNIT_MISMATCH = (
        "DX215",
        Severity.ERROR,
        "unit '{text}' contradicts target '{target}', measured in '{unit}'",
    )
    CONFLICTING_ROWS = (
        "DX216",
        Severity.ERROR,
        "conflicting values for target '{target}', entity '{entity}', date {date}: {values}",
    )
    DUPLICATE_ROW = (
        "DX217",
        Severity.WARNING,
        "the same observation for target '{target}', entity '{entity}', date {date} appears again at {others}",
    )
    AFTER_AS_OF = (
        "DX218",
        Severity.WARNING,
        "{count} row(s) dated after the as-of date {as_of} are ignored (first: {first})",
    )
    EMPTY_CELL = ("DX219", Severity.ERROR, "required cell '{column}' is empty")
    OUT_OF_RANGE = (
        "DX220",
        Severity.ERROR,
        "value {text} is out of range for a percentage (0 to 100)",
    )
    UNKNOWN_ENTITY = ("DX223", Severity.WARNING, "entity '{text}' is not in the catalog's entity list")
    BASELINE_CONFLICT = (
        "DX224",
        Severity.WARNING,
        "value {text} for target '{target}' on {date} contradicts the catalog's baseline "
        "({baseline} on that date)",
    )
    ENTITY_SPELLING = (
        "DX225",
        Severity.WARNING,
        "entity '{text}' is written without accents, like {other}: read as a different entity",
    )
    FORMER_ENTITY = (
        "DX226",
        Severity.WARNING,
        "former entity '{text}' has {count} row(s) dated on or after its merger (latest: {latest})",
    )
    TOO_MANY = ("DX230", Severity.WARNING, "{count} more problem(s) in this file not shown")

    # --- invocation ----------------------------------------------------------------
    SAME_INPUT_TWICE = ("DX300", Severity.WARNING, "input given more than once; read once")
    OUTPUT_UNWRITABLE = ("DX301", Severity.ERROR, "cannot write report: {reason}")
    # {what}: "the catalog", "an input CSV" or "dxcheck's bundled data" (output.Protected).
    OUTPUT_IS_INPUT = ("DX302", Severity.ERROR, "refusing to overwrite {what}")
    NO_MATCH = ("DX303", Severity.ERROR, "no file matches '{pattern}'")
    OUTPUT_EXISTS = ("DX304", Severity.ERROR, "refusing to replace existing file")
    CONFIG_KEY = ("DX305", Severity.ERROR, "unknown key '{key}' in the configuration")
    CONFIG_VALUE = ("DX306", Severity.ERROR, "configuration '{key}': {reason}")

    @property
    def id(self) -> str:
        return self.value[0]

    @property
    def severity(self) -> Severity:
        return self.value[1]

    @property
    def template(self) -> str:
        return self.value[2]

    @property
    def invocation(self) -> bool:
        """A problem with how dxcheck was run (DX3xx), not with the catalog or the data."""
        return self.id.startswith("DX3")


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding points. ``line``/``column`` are 1-based; ``key_path`` is for YAML.

    A finding about one CSV cell also says where a person finds that cell in a
    spreadsheet: ``field`` (0-based index of the cell in its row), ``header`` (that
    column's header text as written in the file) and ``row`` (the spreadsheet row: the
    record's first line, less the extra lines of earlier rows whose quoted cells span
    lines). ``column`` stays the character column in the line, for editors.
    """

    file: str
    line: int | None = None
    column: int | None = None
    key_path: str | None = None
    field: int | None = None
    header: str | None = None
    row: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    @property
    def column_letter(self) -> str | None:
        """The spreadsheet column of a cell finding (A, B, ..., AA), else None."""
        return None if self.field is None else column_letter(self.field + 1)

    @property
    def cell(self) -> str | None:
        """``row 3, column "date", C``: the cell as a person finds it in Excel; None for
        a finding that is not about one cell."""
        return self.cell_in(Lang.EN)

    def cell_in(self, lang: Lang | str) -> str | None:
        if self.field is None:
            return None
        row = self.row if self.row is not None else self.line
        header = self.header or ""
        return msg(
            'row {row}, column "{header}", {letter}',
            row=row,
            header=header,
            letter=column_letter(self.field + 1),
        ).text(lang)


def column_letter(number: int) -> str:
    """The spreadsheet name of the 1-based column ``number``: 1 -> A, 26 -> Z, 27 -> AA,
    702 -> ZZ, 703 -> AAA (bijective base 26: there is no zero digit)."""
    if number < 1:
        raise ValueError(f"a column number starts at 1, not {number}")
    letters: list[str] = []
    while number:
        number, rest = divmod(number - 1, 26)
        letters.append(chr(ord("A") + rest))
    return "".join(reversed(letters))


@dataclass(frozen=True, slots=True)
class Finding:
    code: Code
    location: Location
    args: dict[str, object] = field(default_factory=dict)
    # Every hint dxcheck writes is translatable (i18n.Msg); plain text would stay English.
    hint: Msg | None = None
    text: str | None = None  # the offending text, verbatim
    severity: Severity | None = None  # overrides the code's default (``--strict``)

    @property
    def effective_severity(self) -> Severity:
        return self.severity or self.code.severity

    @property
    def message(self) -> str:
        return self.message_in(Lang.EN)

    def message_in(self, lang: Lang | str) -> str:
        """The message in ``lang``: the code's template there, filled in with the fields,
        those dxcheck writes (``Msg``) in the same language."""
        template = self.code.template
        if lang == Lang.VI:
            from dxcheck.messages_vi import CODES  # only when Vietnamese is asked for

            template = CODES[self.code.id]
        return template.format(**fields_in(self.args, lang))

    def hint_in(self, lang: Lang | str) -> str | None:
        return text_in(self.hint, lang)

    @property
    def located_message(self) -> str:
        """The message, with the cell as a spreadsheet names it when the finding is about
        one (for outputs whose location is only a line and a character column)."""
        return self.located_message_in(Lang.EN)

    def located_message_in(self, lang: Lang | str) -> str:
        message = self.message_in(lang)
        cell = self.location.cell_in(lang)
        return f"{message} ({cell})" if cell else message

    def as_error(self) -> Finding:
        return Finding(self.code, self.location, self.args, self.hint, self.text, Severity.ERROR)


def did_you_mean(word: str, choices: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The closest choice, for a "did you mean" hint, or None."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return matches[0] if matches else None


def suggestion(word: str, choices: Iterable[str]) -> Msg | None:
    match = did_you_mean(word, choices)
    return msg("did you mean '{match}'?", match=match) if match else None


def has_errors(findings: Sequence[Finding]) -> bool:
    return any(f.effective_severity is Severity.ERROR for f in findings)


class FindingSink:
    """Collects findings, capping how many are kept per file.

    A file of ten million bad rows must not become ten million messages in memory: past
    ``cap`` per file only a count is kept, reported as one DX230 finding at the end.
    """

    def __init__(self, cap: int = 100) -> None:
        self.cap = cap
        self.findings: list[Finding] = []
        self._per_file: dict[str, int] = {}
        self._dropped: dict[str, int] = {}
        self._dropped_errors: set[str] = set()

    def add(self, finding: Finding) -> None:
        file = finding.location.file
        count = self._per_file.get(file, 0)
        if count >= self.cap:
            self._dropped[file] = self._dropped.get(file, 0) + 1
            if finding.effective_severity is Severity.ERROR:
                self._dropped_errors.add(file)
            return
        self._per_file[file] = count + 1
        self.findings.append(finding)

    def dropped(self) -> tuple[int, bool]:
        """How many findings were dropped past the cap, and whether any was an error."""
        return sum(self._dropped.values()), bool(self._dropped_errors)

    def add_dropped(self, file: str, count: int, errors: bool) -> None:
        """Count findings another sink dropped for ``file`` (a file read in halves)."""
        if count:
            self._dropped[file] = self._dropped.get(file, 0) + count
            if errors:
                self._dropped_errors.add(file)

    def extend(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            self.add(f)

    def close(self) -> list[Finding]:
        """All findings kept, plus one DX230 per file whose findings were capped."""
        out = list(self.findings)
        for file, count in self._dropped.items():
            severity = Severity.ERROR if file in self._dropped_errors else None
            out.append(Finding(Code.TOO_MANY, Location(file), {"count": count}, severity=severity))
        return out
