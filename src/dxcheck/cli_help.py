"""``--help`` in the run's language: Vietnamese with ``--lang vi`` among the words, else
with ``lang = "vi"`` as ``dxcheck config`` would show it (DXCHECK_LANG, the configuration
file; neither with ``--no-config``).

The help texts are declared in English (typer options, docstrings); ``help_vi`` maps each
to Vietnamese. Only a run that asks for help (``-h``, ``--help``, or no words at all) looks
for its language, and only a Vietnamese one loads the translations and rewrites the
command tree typer built for this run: ``dxcheck --version`` imports this module, and
neither it nor any other run pays for more than a look at its words.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer
from typer.core import TyperArgument, TyperGroup, TyperOption

if TYPE_CHECKING:
    from typer._click import Context
    from typer._click.exceptions import UsageError
    from typer._click.formatting import HelpFormatter
else:
    # The formatter typer's own contexts use, taken from them, and the usage error its
    # BadParameter is one of: no import of a private module.
    HelpFormatter = typer.Context.formatter_class
    UsageError = typer.BadParameter.__mro__[1]

HELP_WORDS = frozenset({"-h", "--help"})


# In ``Context.meta``: whether the run's words ask for help (``COMMAND --help``), which
# a broken configuration file must not stop (cli._root); and the words themselves, which
# say the language of a usage error.
ASKS_FOR_HELP = "dxcheck.asks_for_help"
RUN_WORDS = "dxcheck.run_words"


class HelpGroup(TyperGroup):
    """The root command: before a run is parsed, its help is made Vietnamese if it asks
    for help in Vietnamese."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any
    ) -> Context:
        # No words at all is help too (no_args_is_help).
        if parent is None and (not args or not HELP_WORDS.isdisjoint(args)) and help_lang(args) == "vi":
            translate(self)
        try:
            context = super().make_context(info_name, args, parent, **extra)
        except UsageError as error:  # in the root's own words: an unknown option before the command
            raise in_run_language(with_suggestion(error), args) from None
        context.meta[ASKS_FOR_HELP] = not HELP_WORDS.isdisjoint(args)
        context.meta[RUN_WORDS] = tuple(args)
        return context

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as error:  # no such command, or the command's words (parsed here)
            raise in_run_language(with_suggestion(error), ctx.meta.get(RUN_WORDS, ())) from None


def help_lang(args: Sequence[str]) -> str:
    """The language of this run's help: the last ``--lang`` among its words (the value
    the command will take), else the ``lang`` of the configuration the run reads."""
    said = None
    for index, word in enumerate(args):
        if word == "--lang" and index + 1 < len(args):
            said = args[index + 1]
        elif word.startswith("--lang="):
            said = word.partition("=")[2]
    if said is not None:
        return said
    path, ignore = _config_words(args)
    from dxcheck import config

    lang = config.in_effect(path, ignore=ignore).value("lang")
    return lang if isinstance(lang, str) else "en"


def _config_words(args: Sequence[str]) -> tuple[Path | None, bool]:
    """``--config PATH`` and ``--no-config``: the root's options, before the command."""
    path: Path | None = None
    ignore = False
    words = iter(args)
    for word in words:
        if word == "--no-config":
            ignore = True
        elif word == "--config":
            following = next(words, None)
            path = Path(following) if following else None
        elif word.startswith("--config="):
            path = Path(word.partition("=")[2])
        elif not word.startswith("-"):
            break  # the command: what follows is its own
    return path, ignore


def translate(group: TyperGroup) -> None:
    """Every help text of ``group`` and its commands in Vietnamese, and their help laid
    out with click's own words in Vietnamese too. typer builds the tree anew for each run,
    so this never outlives the run. A text with no translation stays English
    (tests/test_help.py sees that none is missing)."""
    from dxcheck.help_vi import HELP

    for command in (group, *group.commands.values()):
        command.context_class = _VietnameseContext
        command.help = translated(command.help, HELP)
        command.short_help = translated(command.short_help, HELP)
        for param in command.params:
            if isinstance(param, TyperOption | TyperArgument):
                param.help = translated(param.help, HELP)


def translated(text: str | None, words: Mapping[str, str]) -> str | None:
    """``text`` with each paragraph that people read replaced by its translation; the
    examples' command lines stay as they are typed."""
    if not text:
        return text
    return "\n\n".join(words.get(key(part), part) if is_prose(part) else part for part in text.split("\n\n"))


def key(paragraph: str) -> str:
    """A paragraph as ``help_vi`` writes it: on one line, since click rewraps it anyway."""
    return " ".join(paragraph.split())


def is_prose(paragraph: str) -> bool:
    """Not a block of ``dxcheck ...`` command lines kept as written (click's ``\\b``)."""
    lines = paragraph.split("\n")
    return not (lines[0] == "\b" and all(line.strip().startswith("dxcheck ") for line in lines[1:]))


# --- click's own words -------------------------------------------------------------------

# The note click puts after an option's help: "  [default: en]", "[required]".
_NOTES = re.compile(r"(?P<help>(?:.*  )?)\[(?P<notes>[^\[\]]*)\]", re.S)


class _VietnameseFormatter(HelpFormatter):
    """Click's help layout with its fixed words ("Usage:", "Options", "[default: ...]")
    in Vietnamese; the layout is click's, so Vietnamese wraps at the same width."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        from dxcheck.help_vi import CLICK

        super().write_usage(prog, args, CLICK["Usage: "] if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        from dxcheck.help_vi import CLICK

        super().write_heading(CLICK.get(heading, heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, with_notes(text)) for term, text in rows], col_max, col_spacing)


def with_notes(text: str) -> str:
    """An option's help as click wrote it, its notes and the help option's own line in
    Vietnamese; a note that is not known leaves the text as it is."""
    from dxcheck.help_vi import CLICK

    text = CLICK.get(text, text)  # -h, --help: "Show this message and exit."
    found = _NOTES.fullmatch(text)
    if found is None:
        return text
    notes = []
    for note in found["notes"].split("; "):
        name, sep, value = note.partition(": ")
        said = CLICK.get(f"{name}{sep}")
        if said is None:
            return text
        notes.append(said + value)
    return f"{found['help']}[{'; '.join(notes)}]"


class _VietnameseContext(typer.Context):
    """Click's words in Vietnamese for the help (a usage error says its own: ``ShownUsageError``)."""

    def get_help(self) -> str:
        self.formatter_class = _VietnameseFormatter
        return super().get_help()


# --- click's usage errors ----------------------------------------------------------------


# Click's words for a value that is not one of an option's choices (typer's Choice).
_NOT_ONE_OF = re.compile(r"'(?P<value>[^']*)' is not one of (?P<choices>.+)\.")


def with_suggestion(error: UsageError) -> UsageError:
    """A value that is not one of an option's choices (``-f jsn``) with the closest choice,
    as dxcheck's own errors say it; any other error as it is."""
    found = _NOT_ONE_OF.fullmatch(error.message)
    if found is not None:
        choices = re.findall(r"'([^']*)'", found["choices"])
        close = difflib.get_close_matches(found["value"], choices, n=1)
        if close:
            error.message += f" (did you mean '{close[0]}'?)"
    return error


def in_run_language(error: UsageError, args: Sequence[str]) -> UsageError:
    """A usage error of click's (an unknown option or command, a missing or bad value) in
    the language of the run's help (``help_lang``), shown as ``ShownUsageError`` shows it.
    Looked for only when there is such an error. One that shows itself otherwise (no words
    at all: the help, already in the run's language) is left as it is."""
    if type(error).show is not UsageError.show:
        return error
    return ShownUsageError(error, vietnamese=help_lang(args) == "vi")


class ShownUsageError(UsageError):
    """Click's usage error, laid out as click lays it out ("Usage: ...", "Try ... for
    help.", "Error: ..."), in English or in Vietnamese (the message by
    ``help_vi.USAGE_ERRORS``, one no pattern matches staying English; the words around it
    by ``help_vi.CLICK``); on a terminal its error line wraps between words, as dxcheck's
    own errors do (``cli_options.wrapped``), where click's would be cut mid-word. Exit 2 as
    any usage error."""

    def __init__(self, error: UsageError, *, vietnamese: bool) -> None:
        message = error.format_message()
        super().__init__(vietnamese_usage_message(message) if vietnamese else message, error.ctx)
        self.vietnamese = vietnamese

    def format_message(self) -> str:
        return self.message

    def show(self, file: IO[Any] | None = None) -> None:
        from dxcheck.cli_options import wrapped

        words: Mapping[str, str] = {}
        if self.vietnamese:
            from dxcheck.help_vi import CLICK

            words = CLICK

        def said(english: str) -> str:
            return words.get(english, english)

        out = file if file is not None else sys.stderr
        context = self.ctx
        if context is not None:
            out.write(said("Usage: ") + context.get_usage().removeprefix("Usage: ") + "\n")
            if context.command.get_help_option(context) is not None:
                command = f"{context.command_path} {context.help_option_names[0]}"
                out.write(said("Try '{command}' for help.").format(command=command) + "\n")
            out.write("\n")
        said_error = said("Error: ") + self.message
        out.write("\n".join(wrapped(line) for line in said_error.splitlines()) + "\n")


def vietnamese_usage_message(message: str) -> str:
    from dxcheck.help_vi import USAGE_ERRORS

    for pattern, said in USAGE_ERRORS:
        found = re.fullmatch(pattern, message, re.S)
        if found is not None:
            return said.format(**found.groupdict())
    return message
