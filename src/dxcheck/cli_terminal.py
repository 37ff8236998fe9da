"""The terminal side shared by every command: whether a stream may be coloured and how
wide it is, how findings and usage errors are printed (stderr), and what every command
that reads progress says first."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import typer

# Only light modules at import time: `dxcheck --version` must start fast. The core
# (pydantic, the reader, rich) is imported by the commands that use it.
from dxcheck.cli_options import (
    controlling_terminal_width,
    current_lang,
    notice,
    said,
    stderr_width,
)
from dxcheck.exit_codes import EXIT_BAD_INPUT
from dxcheck.formats import Style
from dxcheck.i18n import Msg, msg

if TYPE_CHECKING:
    from collections.abc import Sequence

    from dxcheck.check import Outcome
    from dxcheck.findings import Finding


# --- terminal and streams ---------------------------------------------------------------


@dataclass(frozen=True)
class Terminal:
    """Whether each stream is a terminal and may be coloured (NO_COLOR, FORCE_COLOR)."""

    stdout_color: bool
    stderr_color: bool
    width: int
    annotate: bool = False  # findings as GitHub workflow annotations (status, validate)
    lang: str = "en"  # --lang: the language of every human-facing text
    stderr_width: int | None = None  # stderr is a terminal this wide: findings wrap between words

    @classmethod
    def detect(cls, no_color: bool, lang: str | None = None) -> Terminal:
        """The streams as they are; ``lang`` None: the running command's (``use_lang``)."""
        env = os.environ
        forced = bool(env.get("FORCE_COLOR")) and not env.get("NO_COLOR")
        allowed = not no_color and not env.get("NO_COLOR") and env.get("TERM") != "dumb"

        def colored(stream: object) -> bool:
            isatty = getattr(stream, "isatty", None)
            return allowed and (forced or bool(isatty and isatty()))

        width = int(env["COLUMNS"]) if env.get("COLUMNS", "").isdigit() else 0
        if not width:
            if sys.stdout.isatty():
                width = shutil.get_terminal_size((120, 24)).columns
            else:
                # Piped to head or less, redirected to a file: as wide as the terminal the
                # person is at (stderr's; with stderr piped too, the one the run was
                # started from), else (CI, cron, a service) 140.
                width = stderr_width() or controlling_terminal_width() or 140
        return cls(
            colored(sys.stdout),
            colored(sys.stderr),
            max(60, width),
            lang=lang or current_lang(),
            stderr_width=stderr_width(),
        )

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

        sys.stderr.write(finding_annotations(shown, lang=terminal.lang))
        return
    sys.stderr.write(
        render_findings(shown, color=terminal.stderr_color, lang=terminal.lang, width=terminal.stderr_width)
    )


def _usage_errors(messages: Sequence[Msg], lang: str = "en") -> None:
    """Every usage error, then exit 2; nothing when there is none."""
    for message in messages:
        notice(msg("error: {message}", message=message).text(lang))
    if messages:
        raise typer.Exit(EXIT_BAD_INPUT)


def _preamble(outcome: Outcome, terminal: Terminal, quiet: bool = False) -> None:
    """What every command that reads progress says first, on stderr: the sample notice,
    the findings, then the selection's usage errors (exit 2) or notices."""
    if outcome.used_sample:
        notice(said("sample", terminal.lang))
    _emit_findings(outcome.findings, terminal, quiet)
    _usage_errors(outcome.usage, terminal.lang)
    for message in outcome.notices:
        notice(message.text(terminal.lang))
