"""Findings for people: ``file:line:col: DX210 error: message`` plus the offending text and
a hint, the way compilers and linters print them (editors and terminals link the
location). Plain text; colour only when asked, and without importing rich.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from dxcheck.findings import Finding, Severity
from dxcheck.i18n import Lang
from dxcheck.text import printable

_RED = "\033[31m"
_YELLOW = "\033[33m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"


def format_finding(
    finding: Finding, *, color: bool = False, lang: Lang | str = Lang.EN, width: int | None = None
) -> str:
    """One finding, in ``lang``: its message, hint and labels (``error``: ``lỗi``); the
    location, the code and the offending text as they are. With ``width`` (a terminal),
    long lines wrap between words, indented under the first: a terminal would cut
    them mid-word. Without it (a log, a pipe, an editor) each stays one line."""
    loc = finding.location
    where = printable(str(loc))
    if loc.key_path:
        where += f" ({printable(loc.key_path)})"
    severity = finding.effective_severity
    label = f"{finding.code.id} {label_in(severity.value, lang)}"
    message = finding.message_in(lang)
    cell = finding.location.cell_in(lang)
    head = _wrap(
        f"{_glued(where)}: {_glued(label)}: {printable(message)}" + (f" ({printable(cell)})" if cell else ""),
        width,
        4,
    )
    if color:
        paint = _RED if severity is Severity.ERROR else _YELLOW
        head = head.replace(where, f"{_BOLD}{where}{_RESET}", 1).replace(
            label, f"{_BOLD}{paint}{label}{_RESET}", 1
        )
    lines = [head]
    if finding.text is not None and finding.text not in message:
        lines.append(f"    {label_in('cell', lang)}: {printable(finding.text)!r}")
    hint_text = finding.hint_in(lang)
    if hint_text:
        prefix = f"    {label_in('hint', lang)}: "
        hint = _wrap(prefix + printable(hint_text), width, len(prefix))
        lines.append(f"{_DIM}{hint}{_RESET}" if color else hint)
    return "\n".join(lines)


_GLUE = "\u2060"  # a word joiner: holds a location or a label together while wrapping


def _glued(text: str) -> str:
    return text.replace(" ", _GLUE)


def _wrap(text: str, width: int | None, indent: int) -> str:
    if width is not None and len(text) > width:
        text = "\n".join(
            textwrap.wrap(
                text, width, subsequent_indent=" " * indent, break_long_words=False, break_on_hyphens=False
            )
        )
    return text.replace(_GLUE, " ")


def render_findings(
    findings: Iterable[Finding], *, color: bool = False, lang: Lang | str = Lang.EN, width: int | None = None
) -> str:
    return "".join(format_finding(f, color=color, lang=lang, width=width) + "\n" for f in findings)


def label_in(word: str, lang: Lang | str) -> str:
    """``error``, ``warning``, ``cell`` or ``hint`` in ``lang``."""
    if lang != Lang.VI:
        return word
    from dxcheck.messages_vi import LABELS

    return LABELS[word]
