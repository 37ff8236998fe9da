"""``--report FORMAT:PATH``: the reports a command writes besides its output on stdout,
shared by ``status`` and ``validate``."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from dxcheck.cli_terminal import Terminal, _emit_findings
from dxcheck.exit_codes import EXIT_BAD_INPUT
from dxcheck.formats import Format, Style, renderer, write_report
from dxcheck.report import Report

if TYPE_CHECKING:
    from dxcheck.findings import Finding
    from dxcheck.output import Protected
    from dxcheck.report import ProblemReport


def write_reports(
    content: Report | ProblemReport,
    reports: list[tuple[Format, Path]],
    protected: tuple[Protected, ...],
    *,
    lang: str = "en",
) -> None:
    from dxcheck.output import Content
    from dxcheck.output import write_report as write_report_file

    failures: list[Finding] = []
    for fmt, path in reports:
        made = renderer(fmt, Style(color=False, width=120, lang=lang))
        # A status report is written as it is rendered (streamed when the format can be).
        text: Content = (
            partial(write_report, made, content)
            if isinstance(content, Report)
            else made.render_problems(content)
        )
        problem = write_report_file(path, text, protected=protected)  # appends to $GITHUB_STEP_SUMMARY
        if problem is not None:
            failures.append(problem)
    if failures:
        _emit_findings(failures, Terminal.detect(no_color=True))
        raise typer.Exit(EXIT_BAD_INPUT)
