"""``dxcheck validate-catalog CATALOG...``: the command behind the catalog pre-commit hook.

Registered on the app by ``cli``; the work is ``catalog_check.run_catalogs``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dxcheck.cli_options import (
    AsOfOpt,
    DateOrderOpt,
    DecimalOpt,
    LangOpt,
    NoColorOpt,
    StrictOpt,
    parse_date,
    reading_options,
    use_lang,
)
from dxcheck.formats import Lang


def validate_catalog(
    catalogs: Annotated[
        list[Path],
        typer.Argument(metavar="CATALOG...", help="Catalog files (targets.yaml), each checked alone."),
    ],
    data: Annotated[
        list[str] | None,
        typer.Option(
            "--data",
            metavar="GLOB",
            help="CSVs (or globs) to check against each catalog (repeatable). "
            "Default: the CSVs git tracks in the catalog's folder and below.",
        ),
    ] = None,
    as_of: AsOfOpt = None,
    date_order: DateOrderOpt = None,
    decimal: DecimalOpt = None,
    strict: StrictOpt = False,
    no_color: NoColorOpt = False,
    lang: LangOpt = Lang.EN,
) -> None:
    """Check each catalog alone, then the data CSVs against it. Exit 0 or 2.

    Examples:

    \b
      dxcheck validate-catalog targets.yaml
      dxcheck validate-catalog targets.yaml --data "data/**/*.csv"
    """
    use_lang(lang.value)  # usage errors found from here on speak it
    from dxcheck.catalog_check import run_catalogs
    from dxcheck.cli_terminal import Terminal, _emit_findings
    from dxcheck.formats.lexicon import verdict_line

    terminal = Terminal.detect(no_color, lang.value)
    options = reading_options(None, None, date_order, decimal, strict, as_of=parse_date(as_of, "--as-of"))
    checked = run_catalogs(catalogs, options, data or ())
    for catalog, outcome in checked:
        _emit_findings(outcome.findings, terminal)
        sys.stdout.write(f"{catalog}: {verdict_line(outcome.problems, terminal.lang)}\n")
    raise typer.Exit(max(outcome.exit_code for _, outcome in checked))
