"""The command line: parse options, build objects, call the core, render, exit.

Report on stdout; diagnostics and notices on stderr; the exit code comes from
``Outcome.exit_code`` (0 gate passed, 1 gate failed, 2 bad input or usage). The options
shared by several commands, and their parsing, are in ``cli_options``.
"""

from __future__ import annotations

import gc
import os
import sys
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

# Only light modules at import time: `dxcheck --version` must start fast. The core
# (pydantic, the reader, rich) is imported by the commands that use it.
from dxcheck import __version__
from dxcheck.cli_help import ASKS_FOR_HELP, HelpGroup
from dxcheck.cli_options import (
    GATE_WORD_LIST,
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
    LangOpt,
    NoColorOpt,
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
    reading_options,
    said,
    selection,
    usage_error,
    use_lang,
)
from dxcheck.cli_reports import write_reports
from dxcheck.cli_terminal import Terminal, _emit_findings, _preamble
from dxcheck.exit_codes import EXIT_BAD_INPUT
from dxcheck.formats import TERMINAL_LIMIT, Format, Lang, renderer, write_report
from dxcheck.i18n import msg
from dxcheck.report import DEFAULT_FAIL_ON
from dxcheck.timeline_words import GroupBy

if TYPE_CHECKING:
    from dxcheck.check import Outcome
    from dxcheck.output import Protected

app = typer.Typer(
    name="dxcheck",
    cls=HelpGroup,  # --help in Vietnamese when the run speaks it (cli_help)
    help="Check Vietnam's digital-transformation progress against the Prime Minister's targets.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

SCOREBOARD_FORMATS = (Format.TABLE, Format.JSON, Format.CSV, Format.MARKDOWN)


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

    use_lang("en")  # until a command says its own (each run starts afresh, tests included)
    if config_file is not None and not no_config and not config_file.is_file():
        usage_error(msg("--config: no such file '{path}'", path=str(config_file)))
    loaded = config.in_effect(config_file, ignore=no_config)
    if loaded.findings:
        # In the configured language when that setting itself is good (or DXCHECK_LANG).
        lang = loaded.value("lang")
        _emit_findings(loaded.findings, Terminal.detect(no_color=False, lang=str(lang) if lang else "en"))
        if not ctx.meta.get(ASKS_FOR_HELP):
            raise typer.Exit(EXIT_BAD_INPUT)
        # ``COMMAND --help`` still shows the command's help, without the file's defaults: a
        # broken file must not hide how to write the command line (or the file) right.
        return
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
    lang: LangOpt = Lang.EN,
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
    use_lang(lang.value)  # usage errors found from here on speak it
    # More results than a person reads, on a terminal, with no --format: an overview.
    overview = fmt is None and not everything and _stdout_is_terminal()
    # Under GitHub Actions, no --format keeps the table and annotates what fails the gate.
    terminal = replace(Terminal.detect(no_color, lang.value), annotate=fmt is None and github_actions())
    fmt = fmt or Format.TABLE
    day = parse_date(as_of, "--as-of")
    gate = parse_gate_words(fail_on, "--fail-on") if fail_on else DEFAULT_FAIL_ON
    reports = parse_reports(report or [], Format)
    if by is not None and fmt not in SCOREBOARD_FORMATS:
        usage_error(msg("--by supports --format table, json, csv or markdown"))
    chosen = selection(target, category, agency, entity, status_filter, due_before, due_within, as_of=day)
    from dxcheck.check import protected_paths, run_status

    options = reading_options(
        targets,
        csv,
        date_order,
        decimal,
        strict,
        as_of=day,
        fail_on=gate,
        selection=chosen,
        exit_zero=exit_zero,
        # The HTML report draws charts: their series are read in a second pass (chart_series).
        charts=_chart_entities() if Format.HTML in (fmt, *(f for f, _ in reports)) else None,
    )
    from dxcheck.progressbar import progress_hook

    with progress_hook(enabled=progress if progress is not None else sys.stderr.isatty()) as on_file:
        outcome = run_status(options, on_file=on_file)
    # The report lives until exit: keep the collector from walking its 100,000s of objects
    # again and again while the output is rendered (what rendering leaves is still collected).
    gc.freeze()
    _held[:] = [outcome]
    protected = protected_paths(targets, options.inputs)
    _finish_status(outcome, fmt, reports, protected, terminal, quiet, by, overview=overview)


# The last status run's outcome (its results, series and index), held past the exception
# that ends the command: otherwise unwinding the command's frames takes the 100,000s of
# objects apart one by one (0.08-0.13 s at commune scale) just before ``_leave`` ends the
# process without doing so. One run's worth: the next run replaces it.
_held: list[Outcome] = []


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
        write_reports(problems, reports, protected, lang=terminal.lang)
        if fmt is Format.TABLE:
            notice(said("no_report", terminal.lang))
        else:
            sys.stdout.write(renderer(fmt, terminal.style).render_problems(problems))
        raise typer.Exit(outcome.exit_code)
    write_reports(report, reports, protected, lang=terminal.lang)
    if terminal.annotate:
        from dxcheck.formats.github import result_annotations

        sys.stderr.write(result_annotations(report, terminal.lang))
    if by is not None:
        from dxcheck.timeline import scoreboard
        from dxcheck.views import render_scoreboard

        sys.stdout.write(
            render_scoreboard(scoreboard(report.results, by, report.fail_on), by, fmt, report, terminal.style)
        )
    elif quiet and fmt is Format.TABLE:
        from dxcheck.formats.lexicon import summary_line

        sys.stdout.write(summary_line(report, terminal.lang) + "\n")
    elif overview and len(report.results) > TERMINAL_LIMIT:
        from dxcheck.overview import render_overview

        sys.stdout.write(render_overview(report, terminal.style))
    else:
        write_report(renderer(fmt, terminal.style), report, sys.stdout)  # streamed when it can be
    raise typer.Exit(outcome.exit_code)


# Commands that live in modules of their own (cli.py holds status, the gate most runs).
from dxcheck.cli_catalog import validate_catalog  # noqa: E402
from dxcheck.cli_config import config  # noqa: E402
from dxcheck.cli_coverage import coverage  # noqa: E402
from dxcheck.cli_explain import explain  # noqa: E402
from dxcheck.cli_validate import validate  # noqa: E402
from dxcheck.cli_views import (  # noqa: E402
    deadlines,
    diff,
    schema,
    show,
    targets_command,
    template,
)

app.command("validate")(validate)
app.command("targets")(targets_command)
app.command("show")(show)
app.command("deadlines")(deadlines)
app.command("diff")(diff)
app.command("schema")(schema)
app.command("template")(template)
app.command("validate-catalog")(validate_catalog)
app.command("config")(config)
app.command("explain")(explain)
app.command("coverage")(coverage)


def main() -> None:
    # dxcheck uses no pydantic plugins: skip their entry-point scan at start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app()
    except SystemExit as done:
        _leave(done.code)
    except KeyboardInterrupt:
        notice(said("interrupted"))
        sys.exit(130)
    except Exception as exc:  # a bug in dxcheck: say so plainly, never a traceback
        if os.environ.get("DXCHECK_DEBUG"):
            raise
        notice(said("internal_error", error=f"{type(exc).__name__}: {exc}"))
        notice(said("bug"))
        sys.exit(EXIT_BAD_INPUT)


def _leave(code: object) -> NoReturn:
    """Exit with ``code`` as soon as the output is flushed. The interpreter would first
    take apart every object of the run, one by one: 0.07-0.09 s after 132,000 results,
    for nothing (dxcheck leaves no temporary file and registers no exit handler)."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("text"): the interpreter prints it and exits 1
        print(code, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a reader that left early (| head) has what it read
            stream.flush()
    os._exit(status)
