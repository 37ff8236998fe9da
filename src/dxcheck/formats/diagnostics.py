"""Findings for people: ``file:line:col: DX210 error: message`` plus the offending text and
a hint, the way compilers and linters print them (editors and terminals link the
location). Plain text; colour only when asked, and without importing rich.
"""

from __future__ import annotations

from collections.abc import Iterable

from dxcheck.findings import Finding, Severity
from dxcheck.text import printable

_RED = "\033[31m"
_YELLOW = "\033[33m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"


def format_finding(finding: Finding, *, color: bool = False) -> str:
    loc = finding.location
    where = printable(str(loc))
    if loc.key_path:
        where += f" ({printable(loc.key_path)})"
    severity = finding.effective_severity
    label = f"{finding.code.id} {severity.value}"
    if color:
        paint = _RED if severity is Severity.ERROR else _YELLOW
        label = f"{_BOLD}{paint}{label}{_RESET}"
        where = f"{_BOLD}{where}{_RESET}"
    lines = [f"{where}: {label}: {printable(finding.located_message)}"]
    if finding.text is not None and finding.text not in finding.message:
        lines.append(f"    cell: {printable(finding.text)!r}")
    if finding.hint:
        hint = f"    hint: {printable(finding.hint)}"
        lines.append(f"{_DIM}{hint}{_RESET}" if color else hint)
    return "\n".join(lines)


def render_findings(findings: Iterable[Finding], *, color: bool = False) -> str:
    return "".join(format_finding(f, color=color) + "\n" for f in findings)
