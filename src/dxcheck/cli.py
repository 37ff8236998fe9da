"""The command line: parse options, build objects, call the core, render, exit.

Report on stdout; diagnostics and notices on stderr; the exit code comes from
``Outcome.exit_code`` (0 gate passed, 1 gate failed, 2 bad input or usage). The options
shared by several commands, and their parsing, are in ``cli_options``.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

# Only light modules at import time: `dxcheck --version` must start fast. The core
# (pydantic, the reader, rich) is imported by the commands that use it.
from dxcheck import __version__
from dxcheck.cli_options import (
    AgencyFilter,
    AsOfOpt,
    CategoryFilter,
    CsvArgs,
    DateOrderOpt,
    DecimalOpt,
    DueBeforeOpt,
    DueWithinOpt,
    EntityFilter,
    ExitZeroOpt,
    GateFormatOpt,
    NoColorOpt,
    OutputOpt,
    QuietOpt,
    ReportOpt,
    StrictOpt,
    TargetFilter,
    TargetsOpt,
    github_actions,
    notice,
    parse_date,
    parse_gate_words,
    parse_reports,
    selection,
    usage_error,
)
from dxcheck.exit_codes import EXIT_BAD_INPUT
from dxcheck.formats import TERMINAL_LIMIT, Format, Lang, Style, renderer
from dxcheck.report import DEFAULT_FAIL_ON, Outlook, Report, Status
from dxcheck.schemas import SchemaName
from dxcheck.selection import parse_within
from dxcheck.timeline_words import DeadlineFormat, DiffFormat, GroupBy

# Every status and outlook word, as the table prints them (either spelling is accepted).
GATE_WORD_LIST = ", ".join(
    w.replace("_", " ") for w in (*(s.value for s in Status), *(o.value for o in Outlook))
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from dxcheck.check import Outcome
    from dxcheck.findings import Finding
    from dxcheck.output import Protected
    from dxcheck.report import ProblemReport

app = typer.Typer(
    name="dxcheck",
    help="Check Vietnam's digital-transformation progress against the Prime Minister's targets.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

SCOREBOARD_FORMATS = (Format.TABLE, Format.JSON, Format.CSV, Format.MARKDOWN)


# --- terminal and streams ---------------------------------------------------------------


@dataclass(frozen=True)
class Terminal:
    """Whether each stream is a terminal and may be coloured (NO_COLOR, FORCE_COLOR)."""

    stdout_color: bool
    stderr_color: bool
    width: int
    annotate: bool = False  # findings as GitHub workflow annotations (status, validate)
    lang: str = "en"  # the HTML report's language (status --lang)

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

    @property
    def style(self) -> Style:
        return Style(color=self.stdout_color, width=self.width, lang=self.lang)


def _emit_findings(
    findings: tuple[Finding, ...] | list[Finding], terminal: Terminal, quiet: bool = False
) -> None:
    if not findings:
        return
    from dxcheck.formats.diagnostics import render_findings

    shown = [f for f in findings if not quiet or f.effective_severity.value == "error"]
    if terminal.annotate:
        from dxcheck.formats.github import finding_annotations

        sys.stderr.write(finding_annotations(shown))
        return
    sys.stderr.write(render_findings(shown, color=terminal.stderr_color))


def _usage_errors(messages: Sequence[str]) -> None:
    """Every usage error, then exit 2; nothing when there is none."""
    for message in messages:
        notice(f"error: {message}")
    if messages:
        raise typer.Exit(EXIT_BAD_INPUT)


def _preamble(outcome: Outcome, terminal: Terminal, quiet: bool = False) -> None:
    """What every command that reads progress says first, on stderr: the sample notice,
    the findings, then the selection's usage errors (exit 2) or notices."""
    if outcome.used_sample:
        notice(
            "no CSV given: using the bundled sample progress "
            "(published figures with their sources: dxcheck show TARGET)"
        )
    _emit_findings(outcome.findings, terminal, quiet)
    _usage_errors(outcome.usage)
    for message in outcome.notices:
        notice(message)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"dxcheck {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="PATH",
            help="Read defaults for long options from PATH (default: dxcheck.toml or [tool.dxcheck] "
            "in pyproject.toml, here or in a parent folder).",
        ),
    ] = None,
    no_config: Annotated[
        bool, typer.Option("--no-config", help="Ignore any configuration file (and DXCHECK_LANG).")
    ] = False,
) -> None:
    """dxcheck: where Vietnam stands against its digital-transformation targets."""
    from dxcheck import config

    if no_config:
        ctx.obj = config.Config(None)
        return
    if config_file is not None and not config_file.is_file():
        usage_error(f"--config: no such file '{config_file}'")
    loaded = config.load(config_file if config_file is not None else config.find(Path.cwd()))
    if loaded.findings:
        _emit_findings(loaded.findings, Terminal.detect(no_color=False))
        raise typer.Exit(EXIT_BAD_INPUT)
    ctx.obj = loaded
    if loaded.settings and isinstance(ctx.command, typer.core.TyperGroup):
        commands = {
            name: [(p.name or "", p.opts, getattr(p.type, "choices", None)) for p in command.params]
            for name, command in ctx.command.commands.items()
        }
        ctx.default_map = config.default_map(loaded, commands)


# --- commands -------------------------------------------------------------------------------


@app.command()
def status(
    csv: CsvArgs = None,
    targets: TargetsOpt = None,
    as_of: AsOfOpt = None,
    fmt: GateFormatOpt = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            metavar="STATUS,...",
            help="Statuses/outlooks that fail the gate (repeatable or comma-separated; default: "
            "fail,overdue; 'none' turns the gate off): " + GATE_WORD_LIST + ".",
        ),
    ] = None,
    report: ReportOpt = None,
    date_order: DateOrderOpt = None,
    decimal: DecimalOpt = None,
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
        typer.Option(
            "--status",
            metavar="STATUS,...",
            help="Show only these statuses/outlooks (repeatable): " + GATE_WORD_LIST + ".",
        ),
    ] = None,
    due_before: DueBeforeOpt = None,
    due_within: DueWithinOpt = None,
    by: Annotated[
        GroupBy | None,
        typer.Option("--by", help="A scoreboard: counts per entity, category, agency or target."),
    ] = None,
    exit_zero: ExitZeroOpt = False,
    lang: Annotated[
        Lang,
        typer.Option("--lang", help="Language of the HTML report (for now the HTML report only)."),
    ] = Lang.EN,
    everything: Annotated[
        bool,
        typer.Option(
            "--all",
            help=f"On a terminal, list every result even when there are more than "
            f"{TERMINAL_LIMIT} (default: an overview).",
        ),
    ] = False,
) -> None:
    """Where each target stands: pass, fail, overdue or pending, per entity. Exit 0/1/2.

    Examples:

    \b
      dxcheck status data/*.csv --as-of 2025-12-31
      dxcheck status data/*.csv --entity Huế --fail-on fail,overdue,off_track
      dxcheck status data/*.csv -f json | jq .gate
    """
    # More results than a person reads, on a terminal, with no --format: an overview.
    overview = fmt is None and not everything and _stdout_is_terminal()
    # Under GitHub Actions, no --format keeps the table and annotates what fails the gate.
    terminal = replace(Terminal.detect(no_color), annotate=fmt is None and github_actions())
    fmt = fmt or Format.TABLE
    terminal = replace(terminal, lang=lang.value)
    day = parse_date(as_of, "--as-of")
    gate = parse_gate_words(fail_on, "--fail-on") if fail_on else DEFAULT_FAIL_ON
    reports = parse_reports(report or [], Format)
    if by is not None and fmt not in SCOREBOARD_FORMATS:
        usage_error("--by supports --format table, json, csv or markdown")
    chosen = selection(target, category, agency, entity, status_filter, due_before, due_within, as_of=day)
    from dxcheck.check import Options, protected_paths, run_status

    options = Options(
        catalog=targets,
        inputs=tuple(csv or ()),
        as_of=day,
        fail_on=gate,
        date_order=date_order,
        decimal=decimal,
        strict=strict,
        selection=chosen,
        exit_zero=exit_zero,
        # The HTML report draws charts: their series are read in a second pass (chart_series).
        charts=_chart_entities() if Format.HTML in (fmt, *(f for f, _ in reports)) else None,
    )
    from dxcheck.progressbar import progress_hook

    with progress_hook(enabled=progress if progress is not None else sys.stderr.isatty()) as on_file:
        outcome = run_status(options, on_file=on_file)
    protected = protected_paths(targets, options.inputs)
    _finish_status(outcome, fmt, reports, protected, terminal, quiet, by, overview=overview)


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _chart_entities() -> int:
    from dxcheck.chart_series import CHART_ENTITIES

    return CHART_ENTITIES


def _finish_status(
    outcome: Outcome,
    fmt: Format,
    reports: list[tuple[Format, Path]],
    protected: tuple[Protected, ...],
    terminal: Terminal,
    quiet: bool,
    by: GroupBy | None = None,
    *,
    overview: bool = False,
) -> NoReturn:
    _preamble(outcome, terminal, quiet)
    report = outcome.report
    if report is None:
        # Bad input: no status, but CI still gets every report it asked for, and a machine
        # format on stdout, listing the problems as validate does (never an empty stdout
        # that a JSON reader takes for success).
        problems = outcome.problems
        _write_reports(problems, reports, protected, lang=terminal.lang)
        if fmt is Format.TABLE:
            notice("no report: fix the errors above (exit 2)")
        else:
            sys.stdout.write(renderer(fmt, terminal.style).render_problems(problems))
        raise typer.Exit(outcome.exit_code)
    _write_reports(report, reports, protected, lang=terminal.lang)
    if terminal.annotate:
        from dxcheck.formats.github import result_annotations

        sys.stderr.write(result_annotations(report))
    if by is not None:
        from dxcheck.timeline import scoreboard
        from dxcheck.views import render_scoreboard

        sys.stdout.write(render_scoreboard(scoreboard(report.results, by, report.fail_on), by, fmt, report))
    elif quiet and fmt is Format.TABLE:
        from dxcheck.formats.words import summary_line

        sys.stdout.write(summary_line(report) + "\n")
    elif overview and len(report.results) > TERMINAL_LIMIT:
        from dxcheck.overview import render_overview

        sys.stdout.write(render_overview(report, terminal.style))
    else:
        sys.stdout.write(renderer(fmt, terminal.style).render(report))
    raise typer.Exit(outcome.exit_code)


def _write_reports(
    content: Report | ProblemReport,
    reports: list[tuple[Format, Path]],
    protected: tuple[Protected, ...],
    *,
    lang: str = "en",
) -> None:
    from dxcheck.output import write_report

    failures: list[Finding] = []
    for fmt, path in reports:
        made = renderer(fmt, Style(color=False, width=120, lang=lang))
        text = made.render(content) if isinstance(content, Report) else made.render_problems(content)
        problem = write_report(path, text, protected=protected)  # appends to $GITHUB_STEP_SUMMARY
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
    fmt: GateFormatOpt = None,
    report: ReportOpt = None,
    date_order: DateOrderOpt = None,
    decimal: DecimalOpt = None,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
    no_color: NoColorOpt = False,
    exit_zero: ExitZeroOpt = False,
    statistics: Annotated[
        bool,
        typer.Option("--statistics", help="One line per finding code with its count, most frequent first."),
    ] = False,
) -> None:
    """The submission gate: check the catalog and the CSVs, print every problem. Exit 0 or 2.

    Examples:

    \b
      dxcheck validate data/*.csv
      dxcheck validate data/*.csv --date-order dmy --decimal comma
      dxcheck validate data/*.csv --statistics
    """
    from dxcheck.check import Options, protected_paths, run_validate

    if statistics and fmt not in (None, Format.TABLE):
        usage_error("--statistics prints a table: leave out --format (--report FORMAT:PATH still writes)")
    terminal = Terminal.detect(no_color)
    options = Options(
        catalog=targets,
        inputs=tuple(csv or ()),
        as_of=parse_date(as_of, "--as-of"),
        date_order=date_order,
        decimal=decimal,
        strict=strict,
        use_sample=False,
        exit_zero=exit_zero,
    )
    reports = parse_reports(report or [], Format)
    outcome = run_validate(options)
    problems = outcome.problems
    _write_reports(problems, reports, protected_paths(targets, options.inputs))
    from dxcheck.formats.words import verdict_line

    if statistics:
        from dxcheck.statistics import statistics_text

        sys.stdout.write(statistics_text(outcome.findings) + verdict_line(problems) + "\n")
    elif fmt is None and github_actions():
        # Under GitHub Actions: the problems as annotations on stdout, the verdict on stderr.
        from dxcheck.formats.github import finding_annotations

        shown = [f for f in outcome.findings if not quiet or f.effective_severity.value == "error"]
        sys.stdout.write(finding_annotations(shown))
        sys.stderr.write(verdict_line(problems) + "\n")
    elif fmt in (None, Format.TABLE):
        # People read problems on stderr; stdout keeps only the verdict line.
        _emit_findings(outcome.findings, terminal, quiet)
        sys.stdout.write(verdict_line(problems) + "\n")
    else:
        sys.stdout.write(renderer(fmt, terminal.style).render_problems(problems))
    raise typer.Exit(outcome.exit_code)


@app.command("targets")
def targets_command(
    target_id: Annotated[
        str | None, typer.Argument(help="Show this target in full.", show_default=False)
    ] = None,
    targets: TargetsOpt = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", metavar="FORMAT", help="table or json.")
    ] = Format.TABLE,
    as_of: AsOfOpt = None,
    no_color: NoColorOpt = False,
    target: TargetFilter = None,
    category: CategoryFilter = None,
    agency: AgencyFilter = None,
    due_before: DueBeforeOpt = None,
    due_within: DueWithinOpt = None,
) -> None:
    """List the catalog with resolved due dates, or one target in full with its source.

    Examples:

    \b
      dxcheck targets
      dxcheck targets online-public-services
      dxcheck targets --category digital-government --due-within 6m
    """
    from dxcheck import catalog_view
    from dxcheck.catalog import load_catalog
    from dxcheck.check import discover_catalog

    terminal = Terminal.detect(no_color)
    day = parse_date(as_of, "--as-of")
    chosen = selection(target, category, agency, due_before=due_before, due_within=due_within, as_of=day)
    loaded = load_catalog(discover_catalog(targets))
    _emit_findings(loaded.findings, terminal)
    if loaded.catalog is None:
        raise typer.Exit(EXIT_BAD_INPUT)
    if fmt not in (Format.TABLE, Format.JSON):
        usage_error("dxcheck targets supports --format table or json")
    if target_id is not None:
        found = loaded.catalog.by_id().get(target_id.strip().lower())
        if found is None:
            from dxcheck.findings import suggestion

            hint = suggestion(target_id, loaded.catalog.by_id()) or "run 'dxcheck targets' for the list"
            usage_error(f"no target '{target_id}' in {loaded.display_path} ({hint})")
        sys.stdout.write(catalog_view.render_one(loaded.catalog, found, fmt, terminal.style))
        raise typer.Exit(0)
    # A listing decides no gate: an empty one is an answer, a word that names nothing is not.
    _usage_errors(chosen.review(loaded.catalog).errors)
    shown = [t for t in loaded.catalog.targets if chosen.matches_target(t)]
    sys.stdout.write(
        catalog_view.render_list(loaded.catalog, shown, fmt, terminal.style, loaded.display_path)
    )
    raise typer.Exit(0)


@app.command()
def show(
    target_id: Annotated[str, typer.Argument(metavar="TARGET", help="The target's id.")],
    csv: CsvArgs = None,
    targets: TargetsOpt = None,
    as_of: AsOfOpt = None,
    entity: EntityFilter = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", metavar="FORMAT", help="table or json.")
    ] = Format.TABLE,
    date_order: DateOrderOpt = None,
    decimal: DecimalOpt = None,
    strict: StrictOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """Everything about one target: source, versions, status and outlook per entity,
    every observation with its file and line, and a chart of the history.

    Examples:

    \b
      dxcheck show online-public-services
      dxcheck show online-public-services data/*.csv --entity "Hà Nội"
    """
    from dxcheck.check import Options, run_history
    from dxcheck.views import render_history

    if fmt not in (Format.TABLE, Format.JSON):
        usage_error("dxcheck show supports --format table or json")
    terminal = Terminal.detect(no_color)
    day = parse_date(as_of, "--as-of")
    options = Options(
        catalog=targets,
        inputs=tuple(csv or ()),
        as_of=day,
        date_order=date_order,
        decimal=decimal,
        strict=strict,
        selection=selection(entity=entity, as_of=day),
    )
    outcome, history = run_history(options, target_id)
    _preamble(outcome, terminal)
    if outcome.catalog is not None and history is None and not outcome.has_errors:
        from dxcheck.findings import suggestion

        hint = (
            suggestion(target_id, [t.id for t in outcome.catalog.targets])
            or "run 'dxcheck targets' for the list"
        )
        usage_error(f"no target '{target_id}' ({hint})")
    if history is None:
        raise typer.Exit(EXIT_BAD_INPUT)
    sys.stdout.write(render_history(history, fmt, terminal.style, day))
    raise typer.Exit(0)


@app.command()
def deadlines(
    csv: CsvArgs = None,
    targets: TargetsOpt = None,
    as_of: AsOfOpt = None,
    within: Annotated[
        str | None,
        typer.Option("--within", metavar="SPAN", help="Only what falls due within e.g. 90d, 6m, 1y."),
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only what is past due and not passed.")] = False,
    fmt: Annotated[
        DeadlineFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DeadlineFormat.TABLE,
    output: OutputOpt = None,
    target: TargetFilter = None,
    category: CategoryFilter = None,
    agency: AgencyFilter = None,
    date_order: DateOrderOpt = None,
    decimal: DecimalOpt = None,
    strict: StrictOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """What falls due soon and what is already missed, soonest first, with the status of each.

    Examples:

    \b
      dxcheck deadlines --within 90d
      dxcheck deadlines data/*.csv --overdue
      dxcheck deadlines -f ics -o deadlines.ics
    """
    from dxcheck.check import Options, protected_paths, run_status
    from dxcheck.timeline import deadlines as due_list
    from dxcheck.views import render_deadlines, render_ics

    terminal = Terminal.detect(no_color)
    day = parse_date(as_of, "--as-of")
    limit = None
    if within:
        try:
            limit = parse_within(within, day)
        except ValueError as exc:
            usage_error(f"--within: {exc}")
    options = Options(
        catalog=targets,
        inputs=tuple(csv or ()),
        as_of=day,
        date_order=date_order,
        decimal=decimal,
        strict=strict,
        selection=selection(target, category, agency, as_of=day),
    )
    outcome = run_status(options)
    _preamble(outcome, terminal)
    if outcome.report is None:
        raise typer.Exit(EXIT_BAD_INPUT)
    items = due_list(outcome.report.results, day, within=limit, overdue_only=overdue)
    if fmt is DeadlineFormat.ICS:
        text = render_ics(items, day)
    else:
        text = render_deadlines(items, Format(fmt.value), day)
    _write_or_print(text, output, protected_paths(targets, options.inputs) if output else ())


@app.command()
def diff(
    start: Annotated[
        str, typer.Option("--from", metavar="DATE", help="The earlier as-of date (YYYY-MM-DD).")
    ],
    end: Annotated[
        str | None, typer.Option("--to", metavar="DATE", help="The later as-of date. Default: today.")
    ] = None,
    csv: CsvArgs = None,
    targets: TargetsOpt = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.TABLE,
    category: CategoryFilter = None,
    target: TargetFilter = None,
    entity: EntityFilter = None,
    date_order: DateOrderOpt = None,
    decimal: DecimalOpt = None,
    strict: StrictOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """What changed between two as-of dates: newly passed, failed or overdue, outlook
    changes, regressions; the content of a weekly or monthly progress note.

    Examples:

    \b
      dxcheck diff --from 2025-06-30 --to 2025-12-31 data/*.csv
      dxcheck diff --from 2025-06-30 data/*.csv -f markdown
    """
    from dxcheck.check import Options, run_diff
    from dxcheck.timeline import diff as compare
    from dxcheck.views import render_diff

    terminal = Terminal.detect(no_color)
    first, second = parse_date(start, "--from"), parse_date(end, "--to")
    if second < first:
        usage_error(f"--to {second} is before --from {first}")
    options = Options(
        catalog=targets,
        inputs=tuple(csv or ()),
        date_order=date_order,
        decimal=decimal,
        strict=strict,
        selection=selection(target, category, entity=entity, as_of=second),
    )
    before, after = run_diff(options, first, second)
    # Both runs read the same inputs: the problems are shown once, from the later run.
    _preamble(after, terminal)
    if after.report is None:
        raise typer.Exit(EXIT_BAD_INPUT)
    if before.report is None:  # not expected (same inputs), but never exit 2 in silence
        _emit_findings(before.findings, terminal)
        raise typer.Exit(EXIT_BAD_INPUT)
    changes = compare(before.report.results, after.report.results)
    sys.stdout.write(render_diff(changes, Format(fmt.value), first, second))
    raise typer.Exit(0)


@app.command()
def schema(
    name: Annotated[SchemaName, typer.Argument(help="Which schema.")],
    output: OutputOpt = None,
) -> None:
    """JSON Schema for the catalog, a progress row, or the JSON reports.

    Examples:

    \b
      dxcheck schema report -o schemas/report.schema.json
      dxcheck schema catalog
    """
    from dxcheck.schemas import dumps

    protected: tuple[Protected, ...] = ()
    if output is not None:
        from dxcheck.check import protected_paths

        protected = protected_paths(None)  # ./targets.yaml and the bundled data
    _write_or_print(dumps(name), output, protected)


@app.command()
def template(
    targets: TargetsOpt = None,
    target: TargetFilter = None,
    category: CategoryFilter = None,
    agency: AgencyFilter = None,
    entity: Annotated[
        list[str] | None,
        typer.Option("--entity", metavar="NAME", help="One row per target for each entity (repeatable)."),
    ] = None,
    day: Annotated[
        str | None, typer.Option("--date", metavar="DATE", help="Fill the date column with DATE.")
    ] = None,
    as_of: AsOfOpt = None,
    output: OutputOpt = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Let -o replace an existing file (it may hold figures filled in by hand)."
        ),
    ] = False,
) -> None:
    """A CSV to fill in: the header and one row per target in force (unit filled, value blank).

    Examples:

    \b
      dxcheck template -o bao-cao.csv --entity "Đà Nẵng" --date 2025-12-31
      dxcheck template --category digital-government
    """
    from dxcheck.catalog import load_catalog
    from dxcheck.check import discover_catalog, protected_paths
    from dxcheck.evaluate import in_force
    from dxcheck.template import template_csv

    when = parse_date(as_of, "--as-of")
    fill = parse_date(day, "--date") if day else None
    chosen = selection(target, category, agency, as_of=when)
    loaded = load_catalog(discover_catalog(targets))
    _emit_findings(loaded.findings, Terminal.detect(no_color=False))
    if loaded.catalog is None:
        raise typer.Exit(EXIT_BAD_INPUT)
    _usage_errors(chosen.review(loaded.catalog).errors)
    active, _ = in_force(loaded.catalog, when)
    rows = [t for t in active if chosen.matches_target(t)]
    if not rows:
        # A header alone is no template: say which options left nothing to fill in.
        usage_error(f"the selection matches no target in force on {when.isoformat()}: {chosen.describe()}")
    text = template_csv(rows, entity or [], fill)
    if output is not None:
        # A file people open in Excel: with a BOM, Excel reads it as UTF-8 ("Hà Nội", not
        # "HÃ  Ná»™i"); dxcheck reads either.
        text = "\ufeff" + text
    _write_or_print(text, output, protected_paths(targets) if output else (), overwrite=force)


def _write_or_print(
    text: str, output: Path | None, protected: Sequence[Protected] = (), *, overwrite: bool = True
) -> NoReturn:
    if output is None:
        # Bytes, so that formats with their own line endings (iCalendar's CRLF) keep them.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        raise typer.Exit(0)
    from dxcheck.output import write_atomic

    problem = write_atomic(output, text, protected=protected, overwrite=overwrite)
    if problem is not None:
        _emit_findings([problem], Terminal.detect(no_color=False))
        raise typer.Exit(EXIT_BAD_INPUT)
    notice(f"wrote {output}")
    raise typer.Exit(0)


# Commands that live in modules of their own (cli.py holds the gate and the views).
from dxcheck.cli_catalog import validate_catalog  # noqa: E402
from dxcheck.cli_config import config  # noqa: E402
from dxcheck.cli_coverage import coverage  # noqa: E402
from dxcheck.cli_explain import explain  # noqa: E402

app.command("validate-catalog")(validate_catalog)
app.command("config")(config)
app.command("explain")(explain)
app.command("coverage")(coverage)


def main() -> None:
    # dxcheck uses no pydantic plugins: skip their entry-point scan at start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app()
    except KeyboardInterrupt:
        notice("interrupted")
        sys.exit(130)
    except Exception as exc:  # a bug in dxcheck: say so plainly, never a traceback
        if os.environ.get("DXCHECK_DEBUG"):
            raise
        notice(f"internal error: {type(exc).__name__}: {exc}")
        notice("this is a bug in dxcheck; set DXCHECK_DEBUG=1 for details and please report it")
        sys.exit(EXIT_BAD_INPUT)
