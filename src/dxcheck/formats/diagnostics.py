"""Findings for people: ``file:line:col: DX210 error: message`` plus the offending text and
a hint, the way compilers and linters print them (editors and terminals link the
location). Plain text; colour only when asked, and without importing rich.
"""

from __future__ import annotations

from collections.abc import Iterable

from dxcheck.findings import Finding, Severity
from dxcheck.i18n import Lang
from dxcheck.text import printable

_RED = "\033[31m"
_YELLOW = "\033[33m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"


def format_finding(finding: Finding, *, color: bool = False, lang: Lang | str = Lang.EN) -> str:
    """One finding, in ``lang``: its message, hint and labels (``error``: ``lỗi``); the
    location, the code and the offending text as they are."""
    loc = finding.location
    where = printable(str(loc))
    if loc.key_path:
        where += f" ({printable(loc.key_path)})"
    severity = finding.effective_severity
    label = f"{finding.code.id} {label_in(severity.value, lang)}"
    if color:
        paint = _RED if severity is Severity.ERROR else _YELLOW
        label = f"{_BOLD}{paint}{label}{_RESET}"
        where = f"{_BOLD}{where}{_RESET}"
    message = finding.message_in(lang)
    cell = finding.location.cell_in(lang)
    lines = [f"{where}: {label}: {printable(message)}" + (f" ({printable(cell)})" if cell else "")]
    if finding.text is not None and finding.text not in message:
        lines.append(f"    {label_in('cell', lang)}: {printable(finding.text)!r}")
    hint_text = finding.hint_in(lang)
    if hint_text:
        hint = f"    {label_in('hint', lang)}: {printable(hint_text)}"
        lines.append(f"{_DIM}{hint}{_RESET}" if color else hint)
    return "\n".join(lines)


def render_findings(findings: Iterable[Finding], *, color: bool = False, lang: Lang | str = Lang.EN) -> str:
    return "".join(format_finding(f, color=color, lang=lang) + "\n" for f in findings)


def label_in(word: str, lang: Lang | str) -> str:
    """``error``, ``warning``, ``cell`` or ``hint`` in ``lang``."""
    if lang != Lang.VI:
        return word
    from dxcheck.messages_vi import LABELS

    return LABELS[word]
