"""The commands that look at the catalog and the data rather than gate them: ``targets``,
``show``, ``deadlines``, ``diff``, ``schema`` and ``template``. Registered on the app by
``cli``; each parses its options, calls the core and renders, as the gate commands do."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

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
    LangOpt,
    NoColorOpt,
    OutputOpt,
    StrictOpt,
    TargetFilter,
    TargetsOpt,
    notice,
    parse_date,
    reading_options,
    said,
    selection,
    usage_error,
    use_lang,
)
from dxcheck.cli_terminal import Terminal, _emit_findings, _preamble, _usage_errors
from dxcheck.exit_codes import EXIT_BAD_INPUT
from dxcheck.formats import Format, Lang

# Only light modules at import time: `dxcheck --version` must start fast. The core
# (pydantic, the reader, rich) is imported by the commands that use it.
from dxcheck.i18n import msg
from dxcheck.schemas import SchemaName
from dxcheck.selection import parse_within
from dxcheck.timeline_words import DeadlineFormat, DiffFormat

if TYPE_CHECKING:
    from collections.abc import Sequence

    from dxcheck.output import Protected


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
    lang: LangOpt = Lang.EN,
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
    use_lang(lang.value)  # usage errors found from here on speak it
    from dxcheck import catalog_view
    from dxcheck.catalog import load_catalog
    from dxcheck.check import discover_catalog

    terminal = Terminal.detect(no_color, lang.value)
    day = parse_date(as_of, "--as-of")
    chosen = selection(target, category, agency, due_before=due_before, due_within=due_within, as_of=day)
    loaded = load_catalog(discover_catalog(targets))
    _emit_findings(loaded.findings, terminal)
    if loaded.catalog is None:
        raise typer.Exit(EXIT_BAD_INPUT)
    if fmt not in (Format.TABLE, Format.JSON):
        usage_error(msg("dxcheck targets supports --format table or json"))
    if target_id is not None:
        found = loaded.catalog.by_id().get(target_id.strip().lower())
        if found is None:
            from dxcheck.findings import suggestion

            hint = suggestion(target_id, loaded.catalog.by_id()) or msg("run 'dxcheck targets' for the list")
            usage_error(
                msg("no target '{id}' in {path} ({hint})", id=target_id, path=loaded.display_path, hint=hint)
            )
        sys.stdout.write(catalog_view.render_one(loaded.catalog, found, fmt, terminal.style))
        raise typer.Exit(0)
    # A listing decides no gate: an empty one is an answer, a word that names nothing is not.
    _usage_errors(chosen.review(loaded.catalog).errors)
    shown = [t for t in loaded.catalog.targets if chosen.matches_target(t)]
    sys.stdout.write(
        catalog_view.render_list(loaded.catalog, shown, fmt, terminal.style, loaded.display_path)
    )
    raise typer.Exit(0)


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
    lang: LangOpt = Lang.EN,
) -> None:
    """Everything about one target: source, versions, status and outlook per entity,
    every observation with its file and line, and a chart of the history.

    Examples:

    \b
      dxcheck show online-public-services
      dxcheck show online-public-services data/*.csv --entity "Hà Nội"
    """
    use_lang(lang.value)  # usage errors found from here on speak it
    from dxcheck.check import run_history
    from dxcheck.views import render_history

    if fmt not in (Format.TABLE, Format.JSON):
        usage_error(msg("dxcheck show supports --format table or json"))
    terminal = Terminal.detect(no_color, lang.value)
    day = parse_date(as_of, "--as-of")
    options = reading_options(
        targets,
        csv,
        date_order,
        decimal,
        strict,
        as_of=day,
        selection=selection(entity=entity, as_of=day),
    )
    outcome, history = run_history(options, target_id)
    _preamble(outcome, terminal)
    if outcome.catalog is not None and history is None and not outcome.has_errors:
        from dxcheck.findings import suggestion

        ids = [t.id for t in outcome.catalog.targets]
        hint = suggestion(target_id, ids) or msg("run 'dxcheck targets' for the list")
        usage_error(msg("no target '{id}' ({hint})", id=target_id, hint=hint))
    if history is None:
        raise typer.Exit(EXIT_BAD_INPUT)
    sys.stdout.write(render_history(history, fmt, terminal.style, day))
    raise typer.Exit(0)


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
    lang: LangOpt = Lang.EN,
) -> None:
    """What falls due soon and what is already missed, soonest first, with the status of each.

    Examples:

    \b
      dxcheck deadlines --within 90d
      dxcheck deadlines data/*.csv --overdue
      dxcheck deadlines -f ics -o deadlines.ics
    """
    use_lang(lang.value)  # usage errors found from here on speak it
    from dxcheck.check import protected_paths, run_status
    from dxcheck.timeline import deadlines as due_list
    from dxcheck.views import render_deadlines, render_ics

    terminal = Terminal.detect(no_color, lang.value)
    day = parse_date(as_of, "--as-of")
    limit = None
    if within:
        try:
            limit = parse_within(within, day)
        except ValueError as exc:
            usage_error(msg("{option}: {reason}", option="--within", reason=str(exc)))
    options = reading_options(
        targets,
        csv,
        date_order,
        decimal,
        strict,
        as_of=day,
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
        text = render_deadlines(items, Format(fmt.value), day, terminal.style)
    _write_or_print(text, output, protected_paths(targets, options.inputs) if output else ())


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
    lang: LangOpt = Lang.EN,
) -> None:
    """What changed between two as-of dates: newly passed, failed or overdue, outlook
    changes, regressions; the content of a weekly or monthly progress note.

    Examples:

    \b
      dxcheck diff --from 2025-06-30 --to 2025-12-31 data/*.csv
      dxcheck diff --from 2025-06-30 data/*.csv -f markdown
    """
    use_lang(lang.value)  # usage errors found from here on speak it
    from dxcheck.check import run_diff
    from dxcheck.timeline import diff as compare
    from dxcheck.views import render_diff

    terminal = Terminal.detect(no_color, lang.value)
    first, second = parse_date(start, "--from"), parse_date(end, "--to")
    if second < first:
        usage_error(msg("--to {to} is before --from {start}", to=str(second), start=str(first)))
    options = reading_options(
        targets,
        csv,
        date_order,
        decimal,
        strict,
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
    sys.stdout.write(render_diff(changes, Format(fmt.value), first, second, terminal.style))
    raise typer.Exit(0)


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
    lang: LangOpt = Lang.EN,
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

    use_lang(lang.value)
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
        usage_error(
            msg(
                "the selection matches no target in force on {date}: {selection}",
                date=when.isoformat(),
                selection=chosen.describe(),
            )
        )
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
    notice(said("wrote", path=output))
    raise typer.Exit(0)
