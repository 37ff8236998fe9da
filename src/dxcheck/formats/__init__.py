"""Output formats: one module each, behind one small interface, picked by one enum.

Modules are imported only when their format is asked for, so ``--format json`` never
imports rich.

A renderer may also stream (``Streaming``, built on ``parts.Streamed``): its ``pieces``
are text and results, each result's text made only when it is written, and
``write_report`` writes them as they come, so a report of 100,000s of results is never
one string in memory; a large one is written by two processes (``parts.write_in_two``).
"""

from __future__ import annotations

import enum
import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

from dxcheck.i18n import Lang

__all__ = ["TERMINAL_LIMIT", "Format", "Lang", "Renderer", "Style", "renderer"]

if TYPE_CHECKING:
    from collections.abc import Iterator

    from dxcheck.formats.parts import Pieces
    from dxcheck.report import ProblemReport, Report


class Format(enum.StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"
    JUNIT = "junit"
    GITHUB = "github"
    SARIF = "sarif"
    GITLAB = "gitlab"
    AZURE = "azure"
    HTML = "html"


# Results beyond which a terminal gets an overview instead of every one (dxcheck.overview).
TERMINAL_LIMIT = 200


@dataclass(frozen=True)
class Style:
    """How a human-facing format may decorate its output."""

    color: bool = False
    width: int = 120
    # the language of what the format writes for people (en, vi): the HTML report's
    # words, findings' messages and hints; keys and enum values stay English
    lang: str = "en"


class Renderer(Protocol):
    def render(self, report: Report) -> str:
        """The status report, complete, ready to write to stdout or a file."""
        ...

    def render_problems(self, problems: ProblemReport) -> str:
        """``validate``'s findings in this format."""
        ...


class Streaming(Renderer, Protocol):
    """A renderer that writes its report as it goes (``parts.Streamed``): ``pieces`` are
    its text and its results, each result's text made when it is written, so that two
    processes can write a large report; ``chunks`` are those pieces as text."""

    def pieces(self, report: Report) -> Pieces:
        """The report as text and results (``parts.Pieces``)."""
        ...

    def chunks(self, report: Report) -> Iterator[str]:
        """``render(report)`` in pieces: ``"".join(chunks(report)) == render(report)``."""
        ...


def write_report(renderer: Renderer, report: Report, out: TextIO) -> None:
    """The report to ``out``: piece by piece when the renderer streams (a large one by two
    processes, ``parts.write_in_two``), else in one piece."""
    pieces = getattr(renderer, "pieces", None)
    if pieces is None:
        out.write(renderer.render(report))
        return
    from dxcheck.formats.parts import write_in_two

    write_in_two(pieces(report), out)


_MODULES = {
    Format.TABLE: "table",
    Format.JSON: "json_format",
    Format.JSONL: "jsonl",
    Format.CSV: "csv_format",
    Format.MARKDOWN: "markdown",
    Format.JUNIT: "junit",
    Format.GITHUB: "github",
    Format.SARIF: "sarif",
    Format.GITLAB: "gitlab",
    Format.AZURE: "azure",
    Format.HTML: "html",
}


def renderer(fmt: Format, style: Style | None = None) -> Renderer:
    module = importlib.import_module(f"dxcheck.formats.{_MODULES[fmt]}")
    made: Renderer = module.Renderer(style or Style())
    return made
