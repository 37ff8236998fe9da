"""``dxcheck explain [CODE]``: what a finding code means, an example, and how to fix it.

Registered on the app by ``cli``; the words come from ``codes`` (English) and
``explain_vi`` (``--lang vi``) through ``explain``.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from dxcheck.cli_options import LangOpt, usage_error, use_lang
from dxcheck.i18n import Lang, msg


def explain(
    code: Annotated[
        str | None,
        typer.Argument(
            metavar="[CODE]", help="A finding code, e.g. DX213. None: list every code.", show_default=False
        ),
    ] = None,
    markdown: Annotated[
        bool,
        typer.Option(
            "--markdown",
            help="Every code as a Markdown table: the README's in English, in Vietnamese with --lang vi.",
        ),
    ] = False,
    lang: LangOpt = Lang.EN,
) -> None:
    """What a finding code means, an example of the problem, and how to fix it.

    Examples:

    \b
      dxcheck explain DX213
      dxcheck explain --lang vi DX213
      dxcheck explain
    """
    use_lang(lang.value)  # usage errors found from here on speak it
    from dxcheck import explain as words

    if markdown:
        if code is not None:
            usage_error(msg("--markdown prints the table of every code: give no CODE"))
        sys.stdout.write(words.markdown_table(lang.value))
    elif code is None:
        sys.stdout.write(words.listing(lang.value))
    else:
        found = words.find(code)
        if found is None:
            usage_error(msg("no finding code '{code}' ({hint})", code=code, hint=words.suggest(code)))
        import shutil

        # Prose fits the terminal; piped, the full width (the example lines never wrap).
        width = shutil.get_terminal_size((words.WIDTH, 24)).columns if sys.stdout.isatty() else words.WIDTH
        sys.stdout.write(words.explanation(found, width, lang.value))
    raise typer.Exit(0)
