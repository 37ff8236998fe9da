"""The command line: parse options, build objects, call the core, render, exit.

Report on stdout; diagnostics and notices on stderr; the exit code comes from
``Outcome.exit_code`` (0 gate passed, 1 gate failed, 2 bad input or usage).
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

# Only light modules at import time: `dxcheck --version` must start fast. The core
# (pydantic, the reader, rich) is imported by the commands that use it.
from dxcheck import __version__, cells
from dxcheck.exit_codes import EXIT_BAD_INPUT
from dxcheck.formats import Format, Style, renderer
from dxcheck.report import DEFAULT_FAIL_ON, ProblemReport, parse_fail_on
from dxcheck.schemas import SchemaName
from dxcheck.selection import Selection, parse_within
from dxcheck.timeline_words import DeadlineFormat, DiffFormat, GroupBy

if TYPE_CHECKING:
    from dxcheck.check import Outcome
    from dxcheck.findings import Finding
    from dxcheck.report import Report

app = typer.Typer(
    name="dxcheck",
    help="Check Vietnam's digital-transformation progress against the Prime Minister's targets.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# --- terminal and streams ---------------------------------------------------------------


@dataclass(frozen=True)
class Terminal:
    """Whether each stream is a terminal and may be coloured (NO_COLOR, FORCE_COLOR)."""

    stdout_color: bool
    stderr_color: bool
    width: int

    @classmethod
    def detect(cls, no_color: bool) -> Terminal:
        env = os.environ
        forced = bool(env.get("FORCE_COLOR")) and not env.get("NO_COLOR")
        allowed = not no_color and not env.get("NO_COLOR") and env.get("TERM") != "dumb"

        def colored(stream: object) -> bool:
            isatty = getattr(stream, "isatty", None)
            return allowed and (forced or bool(isatty and isatty()))

        width = int(env["COLUMNS"]) if env.get("COLUMNS", "").isdigit() else 0
        if not width:
            width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 140
        return cls(colored(sys.stdout), colored(sys.stderr), max(60, width))


def _emit_findings(
    findings: tuple[Finding, ...] | list[Finding], terminal: Terminal, quiet: bool = False
) -> None:
    if not findings:
        return
    from dxcheck.formats.diagnostics import render_findings

    shown = [f for f in findings if not quiet or f.effective_severity.value == "error"]
    sys.stderr.write(render_findings(shown, color=terminal.stderr_color))


def _notice(message: str) -> None:
    sys.stderr.write(f"dxcheck: {message}\n")


def _usage_error(message: str) -> NoReturn:
    _notice(f"error: {message}")
    raise typer.Exit(EXIT_BAD_INPUT)


# --- option parsing -------------------------------------------------------------------------


def _parse_date(text: str | None, option: str) -> date:
    if text is None or text == "today":
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        _usage_error(f"{option} takes a date as YYYY-MM-DD, not '{text}'")


def _parse_reports(specs: list[str]) -> list[tuple[Format, Path]]:
    out: list[tuple[Format, Path]] = []
    for spec in specs:
        name, sep, path = spec.partition(":")
        if not sep or not path:
            _usage_error(f"--report takes FORMAT:PATH (e.g. junit:out/dx.xml), not '{spec}'")
        try:
            out.append((Format(name.strip().lower()), Path(path)))
        except ValueError:
            _usage_error(f"--report: unknown format '{name}' (one of {', '.join(f.value for f in Format)})")
    return out


def _selection(
    target: list[str],
    category: list[str],
    agency: list[str],
    entity: list[str],
    status: list[str],
    due_before: str | None,
    due_within: str | None,
    as_of: date,
) -> Selection:
    try:
        statuses = parse_fail_on(status)
    except ValueError as exc:
        _usage_error(f"--status: unknown status or outlook '{exc}'")
    limit = _parse_date(due_before, "--due-before") if due_before else None
    if due_within:
        try:
            within = parse_within(due_within, as_of)
        except ValueError as exc:
            _usage_error(f"--due-within: {exc}")
        limit = min(limit, within) if limit else within
    return Selection(
        targets=tuple(target),
        categories=tuple(category),
        agencies=tuple(agency),
        entities=tuple(entity),
        statuses=statuses,
        due_before=limit,
    )


# --- shared options ---------------------------------------------------------------------------

CsvArgs = Annotated[
    list[str] | None,
    typer.Argument(
        help="Progress CSV files ('-' reads standard input). None: the bundled sample.",
        show_default=False,
    ),
]
TargetsOpt = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        "-t",
        help="Catalog file. Default: ./targets.yaml if present, else the bundled one.",
    ),
]
AsOfOpt = Annotated[
    str | None, typer.Option("--as-of", help="Evaluate on this date (YYYY-MM-DD). Default: today.")
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format on stdout.")]
ReportOpt = Annotated[
    list[str] | None,
    typer.Option("--report", help="Also write FORMAT:PATH (repeatable), e.g. junit:out/dx.xml."),
]
DateOrderOpt = Annotated[
    cells.DateOrder | None,
    typer.Option("--date-order", help="Read a/b/yyyy dates as day-first (dmy) or month-first (mdy)."),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colours (also: NO_COLOR=1).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary (and errors).")]
TargetFilter = Annotated[list[str] | None, typer.Option("--target", help="Target id or glob (repeatable).")]
CategoryFilter = Annotated[list[str] | None, typer.Option("--category", help="Category (repeatable).")]
AgencyFilter = Annotated[
    list[str] | None, typer.Option("--agency", help="Agency, part of its name (repeatable).")
]
EntityFilter = Annotated[
    list[str] | None, typer.Option("--entity", help="Entity name, or 'national' (repeatable).")
]
StatusFilter = Annotated[list[str] | None, typer.Option("--status", help="Status or outlook (repeatable).")]
DueBeforeOpt = Annotated[str | None, typer.Option("--due-before", help="Only targets due on or before DATE.")]
DueWithinOpt = Annotated[
    str | None, typer.Option("--due-within", help="Only targets due within e.g. 90d, 6m.")
]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"dxcheck {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """dxcheck: where Vietnam stands against its digital-transformation targets."""


# --- commands -------------------------------------------------------------------------------


@app.command()
def status(
    csv: CsvArgs = None,
    targets: TargetsOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = Format.TABLE,
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            help="Statuses/outlooks that fail the gate (default: fail,overdue; 'none').",
        ),
    ] = None,
    report: ReportOpt = None,
    date_order: DateOrderOpt = None,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
    no_color: NoColorOpt = False,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: on a terminal)."),
    ] = None,
    target: TargetFilter = None,
    category: CategoryFilter = None,
    agency: AgencyFilter = None,
    entity: EntityFilter = None,
    status_filter: Annotated[
        list[str] | None,
        typer.Option("--status", help="Show only these statuses/outlooks (repeatable)."),
    ] = None,
    due_before: DueBeforeOpt = None,
    due_within: DueWithinOpt = None,
    by: Annotated[
        GroupBy | None,
        typer.Option("--by", help="A scoreboard: counts per entity, category, agency or target."),
    ] = None,
) -> None:
    """Where each target stands: pass, fail, overdue or pending, per entity. Exit 0/1/2."""
    terminal = Terminal.detect(no_color)
    day = _parse_date(as_of, "--as-of")
    try:
        gate = parse_fail_on(fail_on) if fail_on else DEFAULT_FAIL_ON
    except ValueError as exc:
        _usage_error(f"--fail-on: unknown status or outlook '{exc}'")
    reports = _parse_reports(report or [])
    selection = _selection(
        target or [],
        category or [],
        agency or [],
        entity or [],
        status_filter or [],
        due_before,
        due_within,
        day,
    )
    from dxcheck.check import Options, run_status

    options = Options(
        catalog=targets,
        inputs=tuple(csv or ()),
        as_of=day,
        fail_on=gate,
        date_order=date_order,
        strict=strict,
        selection=selection,
    )
    from dxcheck.progressbar import progress_hook

    with progress_hook(enabled=progress if progress is not None else sys.stderr.isatty()) as on_file:
        outcome = run_status(options, on_file=on_file)
    _finish_status(outcome, fmt, reports, terminal, quiet, selection, by)


def _finish_status(
    outcome: Outcome,
    fmt: Format,
    reports: list[tuple[Format, Path]],
    terminal: Terminal,
    quiet: bool,
    selection: Selection,
    by: GroupBy | None = None,
) -> NoReturn:
    _sample_notice(outcome)
    _emit_findings(outcome.findings, terminal, quiet)
    if outcome.catalog is not None and selection.targets:
        unknown = selection.unknown_targets(t.id for t in outcome.catalog.targets)
        if unknown:
            _usage_error(f"--target: no target matches {', '.join(repr(u) for u in unknown)}")
    report = outcome.report
    if report is None:
        _notice("no report: fix the errors above (exit 2)")
        raise typer.Exit(EXIT_BAD_INPUT)
    style = Style(color=terminal.stdout_color, width=terminal.width)
    _write_reports(report, None, reports, outcome.files)
    if by is not None:
        from dxcheck.timeline import scoreboard
        from dxcheck.views import render_scoreboard

        if fmt not in (Format.TABLE, Format.JSON, Format.CSV, Format.MARKDOWN):
            _usage_error("--by supports --format table, json, csv or markdown")
        sys.stdout.write(render_scoreboard(scoreboard(report.results, by), by, fmt, report.as_of))
    elif quiet and fmt is Format.TABLE:
        from dxcheck.formats.words import summary_line

        sys.stdout.write(summary_line(report) + "\n")
    else:
        sys.stdout.write(renderer(fmt, style).render(report))
    raise typer.Exit(outcome.exit_code)


def _write_reports(
    report: Report | None,
    problems: ProblemReport | None,
    reports: list[tuple[Format, Path]],
    inputs: tuple[str, ...],
) -> None:
    from dxcheck.output import write_atomic

    failures: list[Finding] = []
    for fmt, path in reports:
        made = renderer(fmt, Style(color=False, width=120))
        text = made.render(report) if report is not None else made.render_problems(problems)  # type: ignore[arg-type]
        problem = write_atomic(path, text, inputs=inputs)
        if problem is not None:
            failures.append(problem)
    if failures:
        _emit_findings(failures, Terminal.detect(no_color=True))
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command()
def validate(
    csv: CsvArgs = None,
    targets: TargetsOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = Format.TABLE,
    report: ReportOpt = None,
    date_order: DateOrderOpt = None,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """The submission gate: check the catalog and the CSVs, print every problem. Exit 0 or 2."""
    from dxcheck.check import Options, run_validate

    terminal = Terminal.detect(no_color)
    options = Options(
        catalog=targets,
        inputs=tuple(csv or ()),
        as_of=_parse_date(as_of, "--as-of"),
        date_order=date_order,
        strict=strict,
        use_sample=False,
    )
    reports = _parse_reports(report or [])
    outcome = run_validate(options)
    problems = ProblemReport(outcome.files, outcome.findings)
    _write_reports(None, problems, reports, outcome.files)
    if fmt is Format.TABLE:
        # People read problems on stderr; stdout keeps only the verdict line.
        from dxcheck.formats.words import verdict_line

        _emit_findings(outcome.findings, terminal, quiet)
        sys.stdout.write(verdict_line(problems) + "\n")
    else:
        style = Style(color=terminal.stdout_color, width=terminal.width)
        sys.stdout.write(renderer(fmt, style).render_problems(problems))
    raise typer.Exit(outcome.exit_code)


@app.command("targets")
def targets_command(
    target_id: Annotated[
        str | None, typer.Argument(help="Show this target in full.", show_default=False)
    ] = None,
    targets: TargetsOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.TABLE,
    as_of: AsOfOpt = None,
    no_color: NoColorOpt = False,
    target: TargetFilter = None,
    category: CategoryFilter = None,
    agency: AgencyFilter = None,
    due_before: DueBeforeOpt = None,
    due_within: DueWithinOpt = None,
) -> None:
    """List the catalog with resolved due dates, or one target in full with its source."""
    from dxcheck import catalog_view
    from dxcheck.catalog import load_catalog
    from dxcheck.check import discover_catalog

    terminal = Terminal.detect(no_color)
    day = _parse_date(as_of, "--as-of")
    selection = _selection(target or [], category or [], agency or [], [], [], due_before, due_within, day)
    loaded = load_catalog(discover_catalog(targets))
    _emit_findings(loaded.findings, terminal)
    if loaded.catalog is None:
        raise typer.Exit(EXIT_BAD_INPUT)
    if fmt not in (Format.TABLE, Format.JSON):
        _usage_error("dxcheck targets supports --format table or json")
    style = Style(color=terminal.stdout_color, width=terminal.width)
    if target_id is not None:
        found = loaded.catalog.by_id().get(target_id.strip().lower())
        if found is None:
            from dxcheck.findings import suggestion

            hint = suggestion(target_id, loaded.catalog.by_id()) or "run 'dxcheck targets' for the list"
            _usage_error(f"no target '{target_id}' in {loaded.display_path} ({hint})")
        sys.stdout.write(catalog_view.render_one(loaded.catalog, found, fmt, style))
        raise typer.Exit(0)
    chosen = [t for t in loaded.catalog.targets if selection.matches_target(t)]
    sys.stdout.write(catalog_view.render_list(loaded.catalog, chosen, fmt, style, loaded.display_path))
    raise typer.Exit(0)


@app.command()
def show(
    target_id: Annotated[str, typer.Argument(metavar="TARGET", help="The target's id.")],
    csv: CsvArgs = None,
    targets: TargetsOpt = None,
    as_of: AsOfOpt = None,
    entity: EntityFilter = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.TABLE,
    date_order: DateOrderOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Everything about one target: source, versions, status and outlook per entity,
    every observation with its file and line, and a chart of the history."""
    from dxcheck.check import Options, run_history
    from dxcheck.views import render_history

    if fmt not in (Format.TABLE, Format.JSON):
        _usage_error("dxcheck show supports --format table or json")
    terminal = Terminal.detect(no_color)
    day = _parse_date(as_of, "--as-of")
    options = Options(
        catalog=targets,
        inputs=tuple(csv or ()),
        as_of=day,
        date_order=date_order,
        selection=Selection(entities=tuple(entity or ())),
    )
    outcome, history = run_history(options, target_id)
    _sample_notice(outcome)
    _emit_findings(outcome.findings, terminal)
    if outcome.catalog is not None and history is None and not outcome.has_errors:
        from dxcheck.findings import suggestion

        hint = (
            suggestion(target_id, [t.id for t in outcome.catalog.targets])
            or "run 'dxcheck targets' for the list"
        )
        _usage_error(f"no target '{target_id}' ({hint})")
    if history is None:
        raise typer.Exit(EXIT_BAD_INPUT)
    sys.stdout.write(render_history(history, fmt, Style(terminal.stdout_color, terminal.width), day))
    raise typer.Exit(0)


@app.command()
def deadlines(
    csv: CsvArgs = None,
    targets: TargetsOpt = None,
    as_of: AsOfOpt = None,
    within: Annotated[
        str | None, typer.Option("--within", help="Only what falls due within e.g. 90d, 6m, 1y.")
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only what is past due and not passed.")] = False,
    fmt: Annotated[
        DeadlineFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DeadlineFormat.TABLE,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")
    ] = None,
    target: TargetFilter = None,
    category: CategoryFilter = None,
    agency: AgencyFilter = None,
    no_color: NoColorOpt = False,
) -> None:
    """What falls due soon and what is already missed, soonest first, with the status of each."""
    from dxcheck.check import Options, run_status
    from dxcheck.timeline import deadlines as due_list
    from dxcheck.views import render_deadlines, render_ics

    terminal = Terminal.detect(no_color)
    day = _parse_date(as_of, "--as-of")
    limit = None
    if within:
        try:
            limit = parse_within(within, day)
        except ValueError as exc:
            _usage_error(f"--within: {exc}")
    selection = _selection(target or [], category or [], agency or [], [], [], None, None, day)
    outcome = run_status(Options(catalog=targets, inputs=tuple(csv or ()), as_of=day, selection=selection))
    _sample_notice(outcome)
    _emit_findings(outcome.findings, terminal)
    if outcome.report is None:
        raise typer.Exit(EXIT_BAD_INPUT)
    items = due_list(outcome.report.results, day, within=limit, overdue_only=overdue)
    if fmt is DeadlineFormat.ICS:
        text = render_ics(items, day)
    else:
        text = render_deadlines(items, Format(fmt.value), day)
    _write_or_print(text, output)


@app.command()
def diff(
    start: Annotated[str, typer.Option("--from", help="The earlier as-of date (YYYY-MM-DD).")],
    end: Annotated[str | None, typer.Option("--to", help="The later as-of date. Default: today.")] = None,
    csv: CsvArgs = None,
    targets: TargetsOpt = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.TABLE,
    category: CategoryFilter = None,
    target: TargetFilter = None,
    entity: EntityFilter = None,
    no_color: NoColorOpt = False,
) -> None:
    """What changed between two as-of dates: newly passed, failed or overdue, outlook
    changes, regressions; the content of a weekly or monthly progress note."""
    from dxcheck.check import Options, run_status
    from dxcheck.timeline import diff as compare
    from dxcheck.views import render_diff

    terminal = Terminal.detect(no_color)
    first, second = _parse_date(start, "--from"), _parse_date(end, "--to")
    if second < first:
        _usage_error(f"--to {second} is before --from {first}")
    selection = _selection(target or [], category or [], [], entity or [], [], None, None, second)
    base = Options(catalog=targets, inputs=tuple(csv or ()), selection=selection)
    before = run_status(replace(base, as_of=first))
    after = run_status(replace(base, as_of=second))
    _sample_notice(after)
    # Both runs read the same inputs: the problems are shown once, from the later run.
    _emit_findings(after.findings, terminal)
    if before.report is None or after.report is None:
        raise typer.Exit(EXIT_BAD_INPUT)
    changes = compare(before.report.results, after.report.results)
    sys.stdout.write(render_diff(changes, Format(fmt.value), first, second))
    raise typer.Exit(0)


def _sample_notice(outcome: Outcome) -> None:
    if outcome.used_sample:
        _notice("no CSV given: using the bundled sample progress (figures quoted in the speeches)")


@app.command()
def schema(
    name: Annotated[SchemaName, typer.Argument(help="Which schema.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")
    ] = None,
) -> None:
    """JSON Schema for the catalog, a progress row, or the JSON reports."""
    from dxcheck.schemas import dumps

    _write_or_print(dumps(name), output)


@app.command()
def template(
    targets: TargetsOpt = None,
    target: TargetFilter = None,
    category: CategoryFilter = None,
    agency: AgencyFilter = None,
    entity: Annotated[
        list[str] | None, typer.Option("--entity", help="One row per target for each entity (repeatable).")
    ] = None,
    day: Annotated[str | None, typer.Option("--date", help="Fill the date column with DATE.")] = None,
    as_of: AsOfOpt = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")
    ] = None,
) -> None:
    """A CSV to fill in: the header and one row per target in force (unit filled, value blank)."""
    from dxcheck.catalog import load_catalog
    from dxcheck.check import discover_catalog
    from dxcheck.evaluate import in_force
    from dxcheck.template import template_csv

    when = _parse_date(as_of, "--as-of")
    fill = _parse_date(day, "--date") if day else None
    loaded = load_catalog(discover_catalog(targets))
    _emit_findings(loaded.findings, Terminal.detect(no_color=False))
    if loaded.catalog is None:
        raise typer.Exit(EXIT_BAD_INPUT)
    selection = Selection(
        targets=tuple(target or ()), categories=tuple(category or ()), agencies=tuple(agency or ())
    )
    unknown = selection.unknown_targets(t.id for t in loaded.catalog.targets)
    if unknown:
        _usage_error(f"--target: no target matches {', '.join(repr(u) for u in unknown)}")
    active, _ = in_force(loaded.catalog, when)
    chosen = [t for t in active if selection.matches_target(t)]
    _write_or_print(template_csv(chosen, entity or [], fill), output)


def _write_or_print(text: str, output: Path | None) -> None:
    if output is None:
        # Bytes, so that formats with their own line endings (iCalendar's CRLF) keep them.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        raise typer.Exit(0)
    from dxcheck.output import write_atomic

    problem = write_atomic(output, text)
    if problem is not None:
        _emit_findings([problem], Terminal.detect(no_color=False))
        raise typer.Exit(EXIT_BAD_INPUT)
    _notice(f"wrote {output}")
    raise typer.Exit(0)


def main() -> None:
    # dxcheck uses no pydantic plugins: skip their entry-point scan at start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app()
    except KeyboardInterrupt:
        _notice("interrupted")
        sys.exit(130)
    except Exception as exc:  # a bug in dxcheck: say so plainly, never a traceback
        if os.environ.get("DXCHECK_DEBUG"):
            raise
        _notice(f"internal error: {type(exc).__name__}: {exc}")
        _notice("this is a bug in dxcheck; set DXCHECK_DEBUG=1 for details and please report it")
        sys.exit(EXIT_BAD_INPUT)
