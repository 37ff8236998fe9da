"""``dxcheck validate``: the submission gate. Check the catalog and the CSVs, print every
problem, exit 0 or 2 (registered on the app by ``cli``)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from dxcheck.cli_options import (
    AsOfOpt,
    CsvArgs,
    DateOrderOpt,
    DecimalOpt,
    ExitZeroOpt,
    GateFormatOpt,
    LangOpt,
    NoColorOpt,
    QuietOpt,
    ReportOpt,
    StrictOpt,
    TargetsOpt,
    github_actions,
    parse_date,
    parse_reports,
    reading_options,
    usage_error,
    use_lang,
)
from dxcheck.cli_reports import write_reports
from dxcheck.cli_terminal import Terminal, _emit_findings
from dxcheck.formats import Format, Lang, renderer
from dxcheck.i18n import msg


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
    lang: LangOpt = Lang.EN,
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
    use_lang(lang.value)  # usage errors found from here on speak it
    from dxcheck.check import protected_paths, run_validate

    if statistics and fmt not in (None, Format.TABLE):
        usage_error(
            msg("--statistics prints a table: leave out --format (--report FORMAT:PATH still writes)")
        )
    terminal = Terminal.detect(no_color, lang.value)
    options = reading_options(
        targets,
        csv,
        date_order,
        decimal,
        strict,
        as_of=parse_date(as_of, "--as-of"),
        use_sample=False,
        exit_zero=exit_zero,
    )
    reports = parse_reports(report or [], Format)
    outcome = run_validate(options)
    problems = outcome.problems
    write_reports(problems, reports, protected_paths(targets, options.inputs), lang=terminal.lang)
    from dxcheck.formats.lexicon import verdict_line

    if statistics:
        from dxcheck.statistics import statistics_text

        sys.stdout.write(statistics_text(outcome.findings) + verdict_line(problems, terminal.lang) + "\n")
    elif fmt is None and github_actions():
        # Under GitHub Actions: the problems as annotations on stdout, the verdict on stderr.
        from dxcheck.formats.github import finding_annotations

        shown = [f for f in outcome.findings if not quiet or f.effective_severity.value == "error"]
        sys.stdout.write(finding_annotations(shown, lang=terminal.lang))
        sys.stderr.write(verdict_line(problems, terminal.lang) + "\n")
    elif fmt in (None, Format.TABLE):
        # People read problems on stderr; stdout keeps only the verdict line.
        _emit_findings(outcome.findings, terminal, quiet)
        sys.stdout.write(verdict_line(problems, terminal.lang) + "\n")
    else:
        sys.stdout.write(renderer(fmt, terminal.style).render_problems(problems))
    raise typer.Exit(outcome.exit_code)
