"""``dxcheck coverage [CSV...]``: which expected reports are missing (the reporting gate).

Registered on the app by ``cli``. Parses the options, calls ``check_coverage.run_coverage``
and renders its outcome; the exit code is ``Outcome.exit_code`` (1 when a report is
missing, 2 for bad input or usage).
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dxcheck.cli_options import (
    AgencyFilter,
    AsOfOpt,
    CategoryFilter,
    CsvArgs,
    DateOrderOpt,
    DecimalOpt,
    EntityFilter,
    ExitZeroOpt,
    LangOpt,
    NoColorOpt,
    StrictOpt,
    TargetFilter,
    TargetsOpt,
    notice,
    parse_date,
    parse_reports,
    reading_options,
    said,
    selection,
    use_lang,
)
from dxcheck.formats import Lang

if TYPE_CHECKING:
    from dxcheck.check import Outcome
    from dxcheck.output import Protected


class CoverageFormat(enum.StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


def coverage(
    csv: CsvArgs = None,
    targets: TargetsOpt = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[
        CoverageFormat, typer.Option("--format", "-f", help="Output format on stdout.")
    ] = CoverageFormat.TABLE,
    report: Annotated[
        list[str] | None,
        typer.Option(
            "--report",
            metavar="FORMAT:PATH",
            help="Also write FORMAT:PATH (repeatable), e.g. markdown:coverage.md.",
        ),
    ] = None,
    target: TargetFilter = None,
    category: CategoryFilter = None,
    agency: AgencyFilter = None,
    entity: EntityFilter = None,
    date_order: DateOrderOpt = None,
    decimal: DecimalOpt = None,
    strict: StrictOpt = False,
    no_color: NoColorOpt = False,
    lang: LangOpt = Lang.EN,
    exit_zero: ExitZeroOpt = False,
) -> None:
    """Who has not reported: the latest period due of every target with 'reporting', per
    expected entity, reported, late or missing. Exit 1 when one is missing.

    Examples:

    \b
      dxcheck coverage data/*.csv
      dxcheck coverage data/*.csv --entity "Đà Nẵng" --as-of 2025-06-15
      dxcheck coverage data/*.csv --report markdown:$GITHUB_STEP_SUMMARY
    """
    use_lang(lang.value)  # usage errors found from here on speak it
    from dxcheck.check import protected_paths
    from dxcheck.check_coverage import run_coverage
    from dxcheck.cli_terminal import Terminal, _preamble

    day = parse_date(as_of, "--as-of")
    reports = _parse_reports(report or [])
    options = reading_options(
        targets,
        csv,
        date_order,
        decimal,
        strict,
        as_of=day,
        selection=selection(target, category, agency, entity, as_of=day),
        exit_zero=exit_zero,
    )
    outcome = run_coverage(options)
    terminal = Terminal.detect(no_color, lang.value)
    _preamble(outcome, terminal)
    _write_reports(outcome, reports, protected_paths(targets, options.inputs), terminal.lang)
    sys.stdout.write(_render(outcome, fmt, terminal.lang, terminal.width))
    raise typer.Exit(outcome.exit_code)


def _render(outcome: Outcome, fmt: CoverageFormat, lang: str = "en", width: int = 140) -> str:
    """The coverage in ``fmt``; with bad input, the problems as ``validate`` renders them
    (never an empty stdout that a JSON reader takes for success; the table says so on
    stderr)."""
    if outcome.coverage is not None:
        from dxcheck.coverage_view import render

        return render(outcome.coverage, fmt.value, lang, width)
    if fmt is CoverageFormat.TABLE:
        notice(said("no_report", lang))
        return ""
    from dxcheck.formats import Format, Style, renderer

    return renderer(Format(fmt.value), Style(lang=lang)).render_problems(outcome.problems)


def _parse_reports(specs: list[str]) -> list[tuple[CoverageFormat, Path]]:
    return parse_reports(specs, CoverageFormat, example="markdown:coverage.md", command=" for coverage")


def _write_reports(
    outcome: Outcome,
    reports: list[tuple[CoverageFormat, Path]],
    protected: tuple[Protected, ...],
    lang: str = "en",
) -> None:
    """Every ``--report``, atomically (appended to $GITHUB_STEP_SUMMARY), never over an
    input (DX302); a report that cannot be written is exit 2."""
    from dxcheck.exit_codes import EXIT_BAD_INPUT
    from dxcheck.output import write_report

    failures = []
    for fmt, path in reports:
        if outcome.coverage is None and fmt is CoverageFormat.TABLE:
            from dxcheck.formats import Format, Style, renderer

            text = renderer(Format.TABLE, Style(lang=lang)).render_problems(outcome.problems)
        else:
            text = _render(outcome, fmt, lang)
        problem = write_report(path, text, protected=protected)
        if problem is not None:
            failures.append(problem)
    if failures:
        from dxcheck.cli_terminal import Terminal, _emit_findings

        _emit_findings(failures, Terminal.detect(no_color=True))
        raise typer.Exit(EXIT_BAD_INPUT)
