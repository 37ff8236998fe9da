"""The command line's shared options and their parsing: dates, report specs, gate words,
selections. A bad value is a usage error (exit 2) with a message in one style:
``dxcheck: error: --entity: no entity matches 'Ha Noi' (did you mean 'Hà Nội'?)``.

Light on purpose (no pydantic, no reader): ``dxcheck --version`` imports this.
"""

from __future__ import annotations

import enum
import os
import sys
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from dxcheck import cells
from dxcheck.exit_codes import EXIT_BAD_INPUT
from dxcheck.formats import Format, Lang
from dxcheck.i18n import Msg, msg
from dxcheck.report import Outlook, Status, parse_fail_on
from dxcheck.selection import Selection, parse_within

if TYPE_CHECKING:
    from dxcheck.check import Options


def notice(message: str) -> None:
    """A line for people on stderr (``wrapped``)."""
    sys.stderr.write(wrapped(f"dxcheck: {message}") + "\n")


def wrapped(line: str) -> str:
    """A line for stderr: on a terminal it wraps between words, the rest four spaces in (a
    terminal would cut it mid-word); in a log it stays one line."""
    width = stderr_width()
    if width is None or len(line) <= width:
        return line
    import textwrap

    return "\n".join(textwrap.wrap(line, width, subsequent_indent="    ", break_on_hyphens=False))


# The narrowest width dxcheck lays text out for, whatever a terminal says.
_NARROWEST = 40


def stderr_width() -> int | None:
    """The width of stderr when it is a terminal (COLUMNS first), else None."""
    if not sys.stderr.isatty():
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return max(_NARROWEST, int(columns))
    try:
        return max(_NARROWEST, os.get_terminal_size(sys.stderr.fileno()).columns)
    except (OSError, ValueError):
        return None


def controlling_terminal_width() -> int | None:
    """The width of the terminal the run was started from (``/dev/tty``), whatever its
    streams are: ``dxcheck status 2>&1 | less`` at a terminal. None without one (CI, cron,
    a service, Windows)."""
    try:
        fd = os.open("/dev/tty", os.O_RDONLY | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return None
    try:
        columns = os.get_terminal_size(fd).columns
    except OSError:
        return None
    finally:
        os.close(fd)
    return max(_NARROWEST, columns) if columns > 0 else None


def said(key: str, lang: str | None = None, **args: object) -> str:
    """A notice of the command line in ``lang`` (``lexicon``, keys ``said_*``; each short
    enough for one line of an 80-column terminal); None: the running command's language."""
    from dxcheck.formats.lexicon import Words

    return Words(lang or current_lang())(f"said_{key}", **args)


# The command's --lang, for the usage errors found while its options are read (a command
# says it first: use_lang). A context variable, so that tests invoking commands in one
# process never see another's.
_LANG: ContextVar[str] = ContextVar("dxcheck_lang", default="en")


def use_lang(lang: str) -> None:
    _LANG.set(lang)


def current_lang() -> str:
    """The language the running command said it speaks (``use_lang``)."""
    return _LANG.get()


def usage_error(message: str | Msg) -> NoReturn:
    notice(msg("error: {message}", message=message).text(current_lang()))
    raise typer.Exit(EXIT_BAD_INPUT)


def github_actions() -> bool:
    """Running as a GitHub Actions step (the runner sets GITHUB_ACTIONS=true)."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def parse_date(text: str | None, option: str) -> date:
    if text is None or text == "today":
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        usage_error(msg("{option} takes a date as YYYY-MM-DD, not '{text}'", option=option, text=text))


FormatT = TypeVar("FormatT", bound=enum.StrEnum)


def parse_reports(
    specs: list[str], formats: type[FormatT], *, example: str = "junit:out/dx.xml", command: str = ""
) -> list[tuple[FormatT, Path]]:
    """``--report FORMAT:PATH`` specs, each format one of ``formats``."""
    out: list[tuple[FormatT, Path]] = []
    for spec in specs:
        name, sep, path = spec.partition(":")
        if not sep or not path:
            usage_error(
                msg("--report takes FORMAT:PATH (e.g. {example}), not '{spec}'", example=example, spec=spec)
            )
        try:
            out.append((formats(name.strip().lower()), Path(path)))
        except ValueError:
            words = ", ".join(f.value for f in formats)
            usage_error(
                msg(
                    "--report: unknown format '{name}'{command} (one of {words})",
                    name=name,
                    command=command,
                    words=words,
                )
            )
    return out


def parse_gate_words(words: list[str], option: str) -> frozenset[str]:
    """``--status``/``--fail-on`` words: statuses and outlooks, as the table prints them too."""
    try:
        return parse_fail_on(words)
    except ValueError as exc:
        from dxcheck.report import gate_word_hint

        hint = gate_word_hint(str(exc))
        usage_error(
            msg(
                "{option}: unknown status or outlook '{word}' ({hint})",
                option=option,
                word=str(exc),
                hint=hint,
            )
        )


def reading_options(
    targets: Path | None,
    csv: list[str] | None,
    date_order: cells.DateOrder | None,
    decimal: cells.DecimalMark | None,
    strict: bool,
    **more: Any,
) -> Options:
    """What every command that reads progress is given the same way (the catalog, the
    CSVs and how to read them), with what is its own (``more``: as_of, selection, ...)."""
    from dxcheck.check import Options

    return Options(
        catalog=targets,
        inputs=tuple(csv or ()),
        date_order=date_order,
        decimal=decimal,
        strict=strict,
        **more,
    )


def selection(
    target: list[str] | None = None,
    category: list[str] | None = None,
    agency: list[str] | None = None,
    entity: list[str] | None = None,
    status: list[str] | None = None,
    due_before: str | None = None,
    due_within: str | None = None,
    *,
    as_of: date,
) -> Selection:
    """The options as a Selection; whether its words name anything is for the core to
    say (``Selection.review``) once the catalog and the results are known."""
    statuses = parse_gate_words(status or [], "--status")
    limit = parse_date(due_before, "--due-before") if due_before else None
    if due_within:
        try:
            within = parse_within(due_within, as_of)
        except ValueError as exc:
            usage_error(msg("{option}: {reason}", option="--due-within", reason=str(exc)))
        limit = min(limit, within) if limit else within
    return Selection(
        targets=tuple(target or ()),
        categories=tuple(category or ()),
        agencies=tuple(agency or ()),
        entities=tuple(entity or ()),
        statuses=statuses,
        due_before=limit,
    )


# --- option declarations ------------------------------------------------------------------

# Every status and outlook word, as the table prints them (either spelling is accepted),
# and every output format: named once for the help texts and their translations (help_vi).
GATE_WORD_LIST = ", ".join(
    w.replace("_", " ") for w in (*(s.value for s in Status), *(o.value for o in Outlook))
)
FORMAT_LIST = ", ".join(f.value for f in Format)

CsvArgs = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[CSV]...",
        help="Progress CSV files ('-' reads standard input). None: the bundled sample.",
        show_default=False,
    ),
]
TargetsOpt = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        "-t",
        metavar="PATH",
        help="Catalog file. Default: ./targets.yaml if present, else the bundled one.",
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", metavar="DATE", help="Evaluate on this date (YYYY-MM-DD). Default: today."),
]
FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", metavar="FORMAT", help="Output format on stdout.")
]
# status and validate: no --format is table, with workflow annotations under GitHub Actions.
GateFormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="Output format on stdout: " + FORMAT_LIST + ". Default: table "
        "(under GitHub Actions, with annotations).",
        show_default=False,
    ),
]
ExitZeroOpt = Annotated[
    bool,
    typer.Option(
        "--exit-zero",
        help="Report everything, exit 0 for a failed gate or bad input (2 stays for usage errors).",
    ),
]
ReportOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--report", metavar="FORMAT:PATH", help="Also write FORMAT:PATH (repeatable), e.g. junit:out/dx.xml."
    ),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.")
]
DateOrderOpt = Annotated[
    cells.DateOrder | None,
    typer.Option("--date-order", help="Read a/b/yyyy dates as day-first (dmy) or month-first (mdy)."),
]
DecimalOpt = Annotated[
    cells.DecimalMark | None,
    typer.Option(
        "--decimal",
        help="Decimal mark of the CSVs: comma (Vietnamese: 12.500 is twelve thousand five hundred) "
        "or dot. Default: each file settles it; an ambiguous number is refused.",
    ),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]
LangOpt = Annotated[
    Lang,
    typer.Option(
        "--lang",
        metavar="LANG",
        help="Language of what people read: en or vi (also DXCHECK_LANG or the config's lang).",
    ),
]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colours (also: NO_COLOR=1).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary (and errors).")]
TargetFilter = Annotated[
    list[str] | None, typer.Option("--target", metavar="ID", help="Target id or glob (repeatable).")
]
CategoryFilter = Annotated[
    list[str] | None, typer.Option("--category", metavar="NAME", help="Category (repeatable).")
]
AgencyFilter = Annotated[
    list[str] | None, typer.Option("--agency", metavar="TEXT", help="Agency, part of its name (repeatable).")
]
EntityFilter = Annotated[
    list[str] | None,
    typer.Option("--entity", metavar="NAME", help="Entity name, or 'national' (repeatable)."),
]
DueBeforeOpt = Annotated[
    str | None, typer.Option("--due-before", metavar="DATE", help="Only targets due on or before DATE.")
]
DueWithinOpt = Annotated[
    str | None, typer.Option("--due-within", metavar="SPAN", help="Only targets due within e.g. 90d, 6m.")
]
