"""What each finding code means, an example that produces it, and how to fix it.

The one source of ``dxcheck explain``, of the README's code table (``dxcheck explain
--markdown`` prints it; a test keeps the two equal) and of the rules in the SARIF output.
Every example is run by the tests (tests/test_explain.py): its files are written to an
empty folder, its command is run there, and dxcheck must say exactly its first line
(and, run with ``--lang vi``, the Vietnamese one, which ``explain_vi`` holds with the
Vietnamese words of each code).

Plain data: ``dxcheck explain`` imports nothing else but ``explain_vi`` and the findings'
Vietnamese labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from dxcheck.findings import Code


@dataclass(frozen=True)
class Example:
    """Files to write in an empty folder, a command to run there, and the line it says.

    ``repeat``: the last line of the last file is written that many more times (and
    shown once); ``encoding``: how the files are saved."""

    files: tuple[tuple[str, str], ...]
    command: str
    says: str
    repeat: int = 0
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Explanation:
    meaning: str  # the README table's "meaning"
    fix: str  # the README table's "what to do"
    details: str
    example: Example
    severity: str | None = None  # as the table shows it, when the code can be either


def _csv(text: str, says: str, *, command: str = "dxcheck validate data.csv", **more: int | str) -> Example:
    return Example((("data.csv", text),), command, says, **more)  # type: ignore[arg-type]


def _catalog(targets: str, says: str) -> Example:
    return Example((("targets.yaml", "version: 1\ntargets:\n" + targets),), "dxcheck validate", says)


_TARGET = "  - id: online-services\n    title: Public services online\n    deadline: end of 2025\n"
CSV_HEAD = "target,date,value\n"
_ROW = "adults-with-bank-accounts,2025-06-30,"  # a percent target of the bundled catalog
_LOCAL = (  # a catalog with a baseline and a list of entities
    "version: 1\ntargets:\n" + _TARGET + "    target: 80\n    unit: percent\n"
    "    baseline: {value: 43, date: 2024-12-31}\n"
    "entities:\n  - name: Hà Nội\n    aliases: [TP. Hà Nội]\n"
)

EXPLANATIONS: dict[Code, Explanation] = {
    Code.CATALOG_UNREADABLE: Explanation(
        "the catalog cannot be read (missing, a directory, not UTF-8)",
        "check the `--targets` path; save as UTF-8",
        "The file given to --targets (or ./targets.yaml) does not exist, is a folder, cannot be "
        "opened, or is not UTF-8 text. Nothing else is checked until it can be read.",
        Example(
            (),
            "dxcheck validate --targets target.yaml",
            says="target.yaml: DX100 error: cannot read catalog: no such file",
        ),
    ),
    Code.YAML_SYNTAX: Explanation(
        "YAML syntax error (tabs, unclosed brackets)",
        "indent with spaces; fix the line shown",
        "The catalog is not valid YAML. The usual causes are a tab used to indent, an unclosed "
        "bracket or quote, and a colon followed by a space inside an unquoted value.",
        _catalog(
            "\t- id: online-services\n",
            says="targets.yaml:3:1: DX101 error: YAML syntax error: while scanning for the next token (started at line 3, column 1): found character that cannot start any token",
        ),
    ),
    Code.YAML_DUPLICATE_KEY: Explanation(
        "a key appears twice in one mapping",
        "keep one",
        "YAML loaders silently keep the last of two equal keys; dxcheck refuses the file instead "
        "and names both lines, so that no value is dropped without a word.",
        _catalog(
            _TARGET + "    target: 80\n    target: 90\n",
            says="targets.yaml:7:5 (targets[0].target): DX102 error: duplicate key 'target' (first at line 6)",
        ),
    ),
    Code.UNKNOWN_KEY: Explanation(
        "unknown key",
        "use the suggested key",
        "A key the catalog does not define, usually a typo: ignored, it would leave the value it "
        "was meant to set at its default without a word.",
        _catalog(
            _TARGET + "    taget: 80\n",
            says="targets.yaml:6:5 (targets[0].taget): DX103 error: unknown key 'taget'",
        ),
    ),
    Code.MISSING_KEY: Explanation(
        "a required key is missing",
        "add it",
        "Every target needs an id and a title; a numeric target needs its level (`target`).",
        _catalog(
            "  - id: online-services\n    target: 80\n",
            says="targets.yaml:3:5 (targets[0].title): DX104 error: missing required key 'title'",
        ),
    ),
    Code.INVALID_FIELD: Explanation(
        "a value has the wrong type or form",
        "follow the hint (numbers, YYYY-MM-DD, slugs)",
        "A value of the wrong kind: text where a number belongs, a date not written YYYY-MM-DD, "
        "an id that is not a lowercase slug, a direction other than at_least or at_most.",
        _catalog(
            _TARGET + "    target: eighty\n",
            says="targets.yaml:6:13 (targets[0].target): DX105 error: targets[0].target: Input should be a valid number (got 'eighty')",
        ),
    ),
    Code.DUPLICATE_TARGET_ID: Explanation(
        "two targets share an id",
        "give each its own id; link restatements with `supersedes`",
        "Progress rows name targets by id, so an id names one target. A target that a later "
        "speech restates gets an id of its own and `supersedes: <the older id>`.",
        _catalog(
            _TARGET + "    target: 80\n" + _TARGET + "    target: 90\n",
            says="targets.yaml:7:9 (targets[1].id): DX106 error: duplicate target id 'online-services' (first at line 3)",
        ),
    ),
    Code.UNKNOWN_DEADLINE: Explanation(
        "unknown deadline phrase",
        "use a phrase from the table above",
        "The deadline is a phrase as the speech words it ('end of 2025', 'Q1 2026', 'before "
        "2025-02-15'); dxcheck resolves it to a date, and refuses a phrase it cannot resolve "
        "rather than guess.",
        _catalog(
            "  - id: online-services\n    title: Public services online\n    deadline: soonish\n"
            "    target: 80\n",
            says="targets.yaml:5:15 (targets[0].deadline): DX107 error: target 'online-services': unknown deadline phrase 'soonish'",
        ),
    ),
    Code.DUE_MISMATCH: Explanation(
        "`due` disagrees with the deadline phrase",
        "correct one of them",
        "`due` is optional; when given, it must be the date the deadline phrase resolves to, so "
        "that a typo in either is caught.",
        _catalog(
            _TARGET + "    due: 2025-06-30\n    target: 80\n",
            says="targets.yaml:6:10 (targets[0].due): DX108 error: target 'online-services': deadline 'end of 2025' resolves to 2025-12-31, but due says 2025-06-30",
        ),
    ),
    Code.UNKNOWN_SUPERSEDES: Explanation(
        "`supersedes` names an unknown target",
        "use the suggested id",
        "A restated target names the id of the target it replaces; that id must be in the same catalog.",
        _catalog(
            _TARGET + "    target: 80\n    supersedes: online-service\n",
            says="targets.yaml:7:17 (targets[0].supersedes): DX109 error: target 'online-services' supersedes unknown target 'online-service'",
        ),
    ),
    Code.YAML_LIMIT: Explanation(
        "the catalog exceeds a safety limit (size, alias expansion, depth)",
        "a catalog is small: check the file",
        "A catalog is at most 10 MiB and 200,000 nodes after expanding aliases, nested at most 64 "
        "levels deep, so that a hostile file (a 'billion laughs') cannot exhaust the machine.",
        Example(
            (("targets.yaml", "version: 1\ntargets: " + "[" * 70 + "]" * 70 + "\n"),),
            "dxcheck validate",
            says="targets.yaml: DX110 error: catalog exceeds a safety limit: nested deeper than 64 levels",
        ),
    ),
    Code.TYPE_FIELDS: Explanation(
        "fields that do not fit the target type (a level for a milestone, none for a number, "
        "a percentage over 100)",
        "follow the hint",
        "A milestone is done or not done: it has no level, unit or direction. A numeric target "
        "needs a level, and a percentage lies between 0 and 100.",
        _catalog(
            _TARGET + "    type: milestone\n    target: 80\n",
            says="targets.yaml:7:13 (targets[0].target): DX111 error: target 'online-services': 'target' is for numeric targets; a milestone is done or not",
        ),
    ),
    Code.SUPERSEDES_CYCLE: Explanation(
        "a `supersedes` chain loops",
        "break the loop",
        "Restatements form a chain from the oldest target to the newest; a chain that comes back "
        "to where it started has no newest version to evaluate.",
        _catalog(
            _TARGET + "    target: 80\n    supersedes: online-services-2026\n"
            "  - id: online-services-2026\n    title: Public services online\n"
            "    deadline: end of 2026\n    target: 90\n    supersedes: online-services\n",
            says="targets.yaml:7:17 (targets[0].supersedes): DX112 error: supersedes chain of 'online-services' loops back on itself",
        ),
    ),
    Code.UNKNOWN_TARGET_ENTITY: Explanation(
        "a target's `entities` names an entity not in the catalog's `entities`",
        "use a name or alias from the catalog's `entities`, or `national`",
        "A target may list the entities expected to report it; each must be a name or an alias "
        "from the catalog's own list of entities (or `national`), so that a misspelt province "
        "is caught in the catalog and not taken for one that never reports.",
        Example(
            (
                (
                    "targets.yaml",
                    "version: 1\ntargets:\n" + _TARGET + "    target: 80\n    entities: [Ha Noi]\n"
                    "entities:\n  - name: Hà Nội\n",
                ),
            ),
            "dxcheck validate",
            says="targets.yaml:7:16 (targets[0].entities[0]): DX113 error: target 'online-services': entity 'Ha Noi' is not in the catalog's entities",
        ),
    ),
    Code.DUPLICATE_EVENT: Explanation(
        "two events in the catalog's `events` share a name",
        "list each event once",
        "A deadline may name a dated event ('at the 9th session of the 15th National Assembly'); "
        "the catalog lists each event once with its date and source, so that a deadline names "
        "one date. Names compare as deadlines do: case, spaces and a leading 'the' ignored.",
        Example(
            (
                (
                    "targets.yaml",
                    "version: 1\ntargets:\n" + _TARGET + "    target: 80\nevents:\n"
                    "  - {name: 9th session, date: 2025-06-27}\n  - {name: The 9th Session, date: 2025-06-30}\n",
                ),
            ),
            "dxcheck validate",
            says="targets.yaml:9:12 (events[1].name): DX114 error: event 'The 9th Session' is listed twice (first at line 8)",
        ),
    ),
    Code.INPUT_UNREADABLE: Explanation(
        "an input cannot be read (missing, directory, permission)",
        "check the path",
        "A CSV named on the command line does not exist, is a folder, or cannot be opened.",
        Example(
            (),
            "dxcheck validate progress.csv",
            says="progress.csv: DX200 error: cannot read input: no such file",
        ),
    ),
    Code.ENCODING: Explanation(
        "not UTF-8/UTF-16, or a binary file",
        're-export as "CSV UTF-8"',
        "dxcheck reads UTF-8 (with or without a BOM) and UTF-16 with a BOM. A file saved in "
        "another encoding (here Windows-1258, the old Vietnamese code page) would turn names "
        "into garbage, so it is refused at the line and column of its first bad byte.",
        _csv(
            "target,entity,date,value\nadults-with-bank-accounts,Cà Mau,2025-06-30,87\n",
            says="data.csv:2:28: DX201 error: the file is not valid UTF-8 (byte 0xe0; it looks like Windows-1258 or another legacy code page)",
            encoding="cp1258",
        ),
    ),
    Code.EMPTY_FILE: Explanation(
        "empty file",
        "the first row names the columns",
        "A progress CSV starts with a header row that names its columns (target, date, value, "
        "and optionally entity, unit, source, note).",
        _csv("", says="data.csv:1:1: DX202 error: the file is empty: no header row"),
    ),
    Code.MISSING_COLUMN: Explanation(
        "a required column is missing",
        "add it, or rename the suggested column",
        "Every progress CSV has the columns target, date and value (in any order, any case).",
        _csv(
            "target,date,valeu\n" + _ROW + "87\n",
            says="data.csv:1:1: DX203 error: missing required column 'value'",
        ),
    ),
    Code.DUPLICATE_COLUMN: Explanation(
        "a column appears twice",
        "remove one",
        "Two columns with the same name would leave dxcheck to guess which one holds the value.",
        _csv(
            "target,date,value,value\n" + _ROW + "87,88\n",
            says="data.csv:1:19: DX204 error: column 'value' appears twice (columns 3 and 4) (row 1, column \"value\", D)",
        ),
    ),
    Code.UNKNOWN_COLUMN: Explanation(
        "an unknown column is ignored",
        "remove or rename it",
        "A column dxcheck does not read. Often harmless (a comment column), sometimes a typo of "
        "a column that matters (`sorce` for `source`).",
        _csv(
            "target,date,value,colour\n" + _ROW + "87,green\n",
            says="data.csv:1:19: DX205 warning: unknown column 'colour' is ignored (row 1, column \"colour\", D)",
        ),
    ),
    Code.MALFORMED_CSV: Explanation(
        "malformed CSV (an unclosed quote, a cell over 64 KiB)",
        "check the quotes",
        "A quote that opens a cell and never closes swallows the rest of the file into one "
        "cell. dxcheck reports it and goes on from the line after the row's first line.",
        _csv(
            CSV_HEAD + _ROW + '"87\n', says="data.csv:2: DX206 error: malformed CSV: unexpected end of data"
        ),
    ),
    Code.FIELD_COUNT: Explanation(
        "a row has more or fewer cells than the header",
        "quote cells that contain the delimiter",
        "Usually a value with a comma that is not quoted (`87,5` for 87.5): the row gains a "
        "cell, and every cell after it moves one column.",
        _csv(CSV_HEAD + _ROW + "87,5\n", says="data.csv:2: DX207 error: row has 4 fields, the header has 3"),
    ),
    Code.NO_ROWS: Explanation(
        "a header but no data rows",
        "add the rows",
        "The file names its columns and reports nothing: often a template that was never filled "
        "in, or an export that lost its rows.",
        _csv(CSV_HEAD, says="data.csv:1: DX208 warning: the file has a header but no data rows"),
    ),
    Code.NOT_REPORTED: Explanation(
        "rows with no value (a template's rows left blank) are skipped as not reported yet",
        "fill in the value when the figure is known, or delete the row",
        "A template (dxcheck template) has a row for every target; the ones not filled in are "
        "not reported yet, not zero and not an error: one warning a file says how many were "
        "skipped. A row with a value but no date is still an error (DX219).",
        _csv(
            CSV_HEAD + _ROW + "87\n" + "online-public-services,2025-06-30,\n",
            says="data.csv:3: DX209 warning: 1 row(s) with no value are skipped as not reported yet (first: line 3)",
        ),
    ),
    Code.UNKNOWN_TARGET: Explanation(
        "unknown target id",
        "use the suggested id; `dxcheck targets` lists them",
        "The target column names a target the catalog does not have: a typo, or a target that "
        "was renamed in the catalog (every CSV row that names the old id is then reported).",
        _csv(
            CSV_HEAD + "adults-with-bank-acounts,2025-06-30,87\n",
            says="data.csv:2:1: DX210 error: unknown target 'adults-with-bank-acounts' (row 2, column \"target\", A)",
        ),
    ),
    Code.INVALID_DATE: Explanation(
        "not a date, an impossible date, a serial number, a year outside 2000\u20132100",
        "write YYYY-MM-DD",
        "Dates are written YYYY-MM-DD. A spreadsheet serial number (45828) is refused with the "
        "date it would be; 2025-13-01 and 2025-02-30 do not exist.",
        _csv(
            CSV_HEAD + "adults-with-bank-accounts,2025-13-01,87\n",
            says="data.csv:2:27: DX211 error: invalid date '2025-13-01': no such day (month must be in 1..12) (row 2, column \"date\", B)",
        ),
    ),
    Code.AMBIGUOUS_DATE: Explanation(
        "ambiguous day/month",
        "write YYYY-MM-DD or pass `--date-order dmy`",
        "05/06/2025 is 5 June in Vietnam and May 6 in the United States. dxcheck never guesses: "
        "write the date YYYY-MM-DD, or say which order the file uses.",
        _csv(
            CSV_HEAD + "adults-with-bank-accounts,05/06/2025,87\n",
            says="data.csv:2:27: DX212 error: ambiguous date '05/06/2025': day and month could be either way (row 2, column \"date\", B)",
        ),
    ),
    Code.INVALID_NUMBER: Explanation(
        "not a number, ambiguous thousands separator, or N/A/NaN",
        "a plain number; leave out rows with no value",
        "12.500 is twelve thousand five hundred in Vietnamese and twelve and a half in English. "
        "dxcheck never guesses: a decimal comma elsewhere in the file settles it, and so does "
        "--decimal comma or --decimal dot. N/A, NaN and - are refused: leave the row out.",
        _csv(
            CSV_HEAD + "essential-public-services-online,2025-06-30,12.500\n",
            says="data.csv:2:45: DX213 error: invalid number '12.500' for numeric target 'essential-public-services-online': could be 12500 (a dot separating thousands, as in Vietnamese) or 12.5 (a decimal point) (row 2, column \"value\", C)",
        ),
    ),
    Code.INVALID_MILESTONE: Explanation(
        "not a milestone value",
        "`done` or `not done`",
        "A milestone's value is done or not done (also yes/no, true/false, 1/0, hoàn thành/chưa "
        "hoàn thành and the other words the README lists).",
        _csv(
            CSV_HEAD + "national-data-center-operation,2025-06-30,maybe\n",
            says="data.csv:2:43: DX214 error: invalid milestone value 'maybe' for target 'national-data-center-operation' (row 2, column \"value\", C)",
        ),
    ),
    Code.UNIT_MISMATCH: Explanation(
        "the unit contradicts the target's",
        "report in the target's unit, or leave the cell empty",
        "The unit column, when given, must agree with the target's unit (% is percent): a count "
        "of people reported against a percentage target would be compared as a percentage.",
        _csv(
            "target,date,value,unit\n" + _ROW + "87,people\n",
            says="data.csv:2:41: DX215 error: unit 'people' contradicts target 'adults-with-bank-accounts', measured in 'percent' (row 2, column \"unit\", D)",
        ),
    ),
    Code.CONFLICTING_ROWS: Explanation(
        "two rows, same target, entity and date, different values",
        "keep one row",
        "Two values for one target, entity and day: dxcheck cannot know which is right, so it "
        "names both lines.",
        _csv(
            CSV_HEAD + _ROW + "87\n" + _ROW + "88\n",
            says="data.csv:3: DX216 error: conflicting values for target 'adults-with-bank-accounts', entity '(national)', date 2025-06-30: 87 at data.csv:2; 88 at data.csv:3",
        ),
    ),
    Code.DUPLICATE_ROW: Explanation(
        "the same row twice",
        "remove the repeat",
        "The same observation twice (often two files that overlap) is read once.",
        _csv(
            CSV_HEAD + _ROW + "87\n" + _ROW + "87\n",
            says="data.csv:2: DX217 warning: the same observation for target 'adults-with-bank-accounts', entity '(national)', date 2025-06-30 appears again at data.csv:3",
        ),
    ),
    Code.AFTER_AS_OF: Explanation(
        "rows dated after the as-of date are ignored",
        "pass a later `--as-of`",
        "A run evaluates the targets on its as-of date (today by default): rows dated later are "
        "left out, with one warning per file that says how many.",
        _csv(
            CSV_HEAD + "adults-with-bank-accounts,2025-12-31,87\n",
            says="data.csv:2: DX218 warning: 1 row(s) dated after the as-of date 2025-06-30 are ignored (first: line 2)",
            command="dxcheck validate data.csv --as-of 2025-06-30",
        ),
    ),
    Code.EMPTY_CELL: Explanation(
        "a required cell is empty",
        "fill it, or delete the row",
        "The target and date of every row with a value must be filled in (a row with no value "
        "is not reported yet: DX209).",
        _csv(
            CSV_HEAD + "adults-with-bank-accounts,,87\n",
            says="data.csv:2:27: DX219 error: required cell 'date' is empty (row 2, column \"date\", B)",
        ),
    ),
    Code.OUT_OF_RANGE: Explanation(
        "a percentage outside 0\u2013100",
        "check the value",
        "A percentage lies between 0 and 100: 870 is usually 87.0 with its decimal mark lost.",
        _csv(
            CSV_HEAD + _ROW + "870\n",
            says='data.csv:2:38: DX220 error: value 870 is out of range for a percentage (0 to 100) (row 2, column "value", C)',
        ),
    ),
    Code.UNKNOWN_ENTITY: Explanation(
        "an entity not in the catalog's `entities` list",
        "use the suggested name, or add an alias",
        "A catalog may list the provinces and ministries it knows, with aliases. A row for "
        "another name is read, with this warning, so that a misspelt province does not become "
        "a province of its own.",
        Example(
            (
                ("targets.yaml", _LOCAL),
                ("data.csv", "target,entity,date,value\nonline-services,Ha Noi,2025-06-30,87\n"),
            ),
            "dxcheck validate data.csv",
            says="data.csv:2:17: DX223 warning: entity 'Ha Noi' is not in the catalog's entity list (row 2, column \"entity\", B)",
        ),
    ),
    Code.BASELINE_CONFLICT: Explanation(
        "a row on the catalog baseline's date contradicts the baseline (the baseline stays the "
        "trend's point)",
        "correct the row or the catalog",
        "The catalog's baseline is the national series' first point. A CSV row on that date "
        "with another value is not a second point: the baseline is kept, and this warning says "
        "that one of the two is wrong.",
        Example(
            (("targets.yaml", _LOCAL), ("data.csv", CSV_HEAD + "online-services,2024-12-31,45\n")),
            "dxcheck validate data.csv",
            says="data.csv:2:28: DX224 warning: value 45 for target 'online-services' on 2024-12-31 contradicts the catalog's baseline (43 on that date) (row 2, column \"value\", C)",
        ),
    ),
    Code.ENTITY_SPELLING: Explanation(
        'an entity written without any accent beside the same name with them ("Ha Noi" beside "Hà Nội")',
        "use the suggested name (names that differ in their accents are different places and are "
        "not flagged)",
        "Names compare with case, spacing and the placement of tone marks ignored, but not the "
        "accents themselves: Xã Thắng Thành and Xã Thắng Thạnh are two communes. A name written "
        "with no accent at all beside the same name with them is read as an entity of its own, "
        "with this warning.",
        # A catalog with no list of entities: the bundled one lists Hà Nội, and there "Ha Noi"
        # is an entity not in the list (DX223) with the same "did you mean".
        Example(
            (
                ("targets.yaml", "version: 1\ntargets:\n" + _TARGET + "    target: 80\n"),
                (
                    "data.csv",
                    "target,entity,date,value\nonline-services,Hà Nội,2025-06-30,87\n"
                    "online-services,Ha Noi,2025-07-31,88\n",
                ),
            ),
            "dxcheck validate data.csv",
            says="data.csv:3:17: DX225 warning: entity 'Ha Noi' is written without accents, like 'Hà Nội': read as a different entity (row 3, column \"entity\", B)",
        ),
    ),
    Code.FORMER_ENTITY: Explanation(
        "a row for a former unit (an entity's `former`) dated on or after its merger",
        "report it under the unit it was merged into (the hint names it)",
        "A catalog entity may list the former units merged into it (`former`, with the date "
        "of the merger in `since`): their names are known and each stays a series of its own, "
        "since a former province's figure is not its successor's. A row dated on or after the "
        "merger names a unit that no longer exists: one warning per unit, at its first row.",
        Example(
            (
                (
                    "targets.yaml",
                    "version: 1\ntargets:\n" + _TARGET + "    target: 80\n"
                    "entities:\n  - name: Đà Nẵng\n    former: [Quảng Nam]\n    since: 2025-07-01\n",
                ),
                ("data.csv", "target,entity,date,value\nonline-services,Quảng Nam,2025-09-30,87\n"),
            ),
            "dxcheck validate data.csv",
            says="data.csv:2:17: DX226 warning: former entity 'Quảng Nam' has 1 row(s) dated on or after its merger (latest: 2025-09-30) (row 2, column \"entity\", B)",
        ),
    ),
    Code.TOO_MANY: Explanation(
        "more problems in the file than shown",
        "fix the ones shown first",
        "At most 100 problems are kept per file, then a count: a file of a million bad rows "
        "gives a readable report. It is an error when one of the problems not shown is.",
        _csv(
            CSV_HEAD + "adults-with-bank-acounts,2025-06-30,87\n",
            says="data.csv: DX230 error: 1 more problem(s) in this file not shown",
            repeat=100,
        ),
        severity="warning/error",
    ),
    Code.SAME_INPUT_TWICE: Explanation(
        "the same input given twice",
        "it is read once",
        "A file named twice (also through a glob, a link or another spelling of its path) is "
        "read once, so that its rows are not counted twice.",
        _csv(
            CSV_HEAD + _ROW + "87\n",
            says="./data.csv: DX300 warning: input given more than once; read once",
            command="dxcheck validate data.csv ./data.csv",
        ),
    ),
    Code.OUTPUT_UNWRITABLE: Explanation(
        "a report cannot be written",
        "check the path and permissions",
        "A --report or -o path that is a folder, or in a folder that cannot be created or written to.",
        _csv(
            CSV_HEAD + _ROW + "87\n",
            says=".: DX301 error: cannot write report: it is a directory",
            command="dxcheck validate data.csv --report junit:.",
        ),
    ),
    Code.OUTPUT_IS_INPUT: Explanation(
        "an output path (`--report`, `-o`) names the catalog, an input CSV or dxcheck's bundled "
        "data (also through a symlink or hard link)",
        "choose another path",
        "No output may replace a file the run reads: a report written over the CSV it checks "
        "would destroy the data. The file is left untouched.",
        _csv(
            CSV_HEAD + _ROW + "87\n",
            says="data.csv: DX302 error: refusing to overwrite an input CSV",
            command="dxcheck validate data.csv --report json:data.csv",
        ),
    ),
    Code.NO_MATCH: Explanation(
        "a glob matches no file",
        "check the pattern",
        "A pattern the shell left unexpanded (quoted, or matching nothing) that dxcheck expands "
        "itself: it must name at least one file, so that a moved folder does not pass the gate "
        "on no data.",
        Example(
            (), "dxcheck validate 'data/*.csv'", says="data/*.csv: DX303 error: no file matches 'data/*.csv'"
        ),
    ),
    Code.OUTPUT_EXISTS: Explanation(
        "`template -o` names an existing file",
        "pass `--force` to replace it, or choose another path",
        "A template is the file people fill in by hand: writing a new one over it would lose their figures.",
        _csv(
            CSV_HEAD + _ROW + "87\n",
            says="data.csv: DX304 error: refusing to replace existing file",
            command="dxcheck template -o data.csv",
        ),
    ),
    Code.CONFIG_KEY: Explanation(
        "`dxcheck.toml` (or `[tool.dxcheck]`) has a key that is no option",
        "use the suggested key; `dxcheck config` shows what is set",
        "The configuration holds defaults for long options (targets, date-order, decimal, "
        "entity, fail-on, format, lang). A misspelt key would otherwise change nothing, silently.",
        Example(
            (("dxcheck.toml", 'decimals = "comma"\n'),),
            "dxcheck config",
            says="dxcheck.toml:1:1: DX305 error: unknown key 'decimals' in the configuration",
        ),
    ),
    Code.CONFIG_VALUE: Explanation(
        "a configuration value is not one the option takes (or the file is not TOML)",
        "use a value the option takes, as its `--help` lists",
        "Each key takes what its option takes: date-order dmy or mdy, decimal comma or dot, "
        "fail-on statuses and outlooks, format one of the formats, lang en or vi, targets a path "
        "relative to the file.",
        Example(
            (("dxcheck.toml", 'date-order = "dmyy"\n'),),
            "dxcheck config",
            says="dxcheck.toml:1:1: DX306 error: configuration 'date-order': takes one of dmy, mdy, not 'dmyy' (did you mean 'dmy'?)",
        ),
    ),
}

# The rules a status report's results break: the gate's words (README, "Status rules" and
# "Outlook"). SARIF and GitLab Code Quality name them status/<word> and outlook/<word>.
GATE_RULES: dict[str, str] = {
    "status/pass": "the target is met",
    "status/fail": "the due date has passed and the latest value misses the target",
    "status/overdue": "the due date has passed with no observation, or a milestone is not done",
    "status/pending": "not met yet, and the due date has not passed",
    "outlook/met": "the target is met on the as-of date",
    "outlook/met_late": "the target was met after its due date",
    "outlook/missed": "the due date has passed and the target is not met",
    "outlook/on_track": "the trend reaches at least 95% of the way by the due date "
    "(open-sdg: the observed growth is at least 95% of the growth required)",
    "outlook/needs_acceleration": "the trend reaches 60% to 95% of the way by the due date "
    "(open-sdg: 60% to 95% of the growth required)",
    "outlook/off_track": "the trend reaches less than 60% of the way by the due date "
    "(open-sdg: less than 60% of the growth required)",
    "outlook/regressing": "the trend moves away from the target",
    "outlook/insufficient_data": "fewer than two observations: no trend (open-sdg: one calendar year)",
}
