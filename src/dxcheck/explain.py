"""``dxcheck explain``: the finding codes in words, from ``codes.EXPLANATIONS``.

``listing`` is every code on one line each, ``explanation`` one code in full (what it
means, an example and what dxcheck says about it, what to do), ``markdown_table`` the
README's table (between its ``codes:start`` and ``codes:end`` markers).
"""

from __future__ import annotations

import textwrap

from dxcheck.codes import EXPLANATIONS, Example, Explanation
from dxcheck.findings import Code, did_you_mean

WIDTH = 88


def severity_text(code: Code) -> str:
    return EXPLANATIONS[code].severity or code.severity.value


def find(word: str) -> Code | None:
    """The code ``word`` names: ``DX213``, ``dx213`` or ``213``."""
    text = word.strip().upper()
    if text.isdigit():
        text = "DX" + text
    return next((c for c in Code if c.id == text), None)


def suggest(word: str) -> str:
    close = did_you_mean(word.strip().upper(), [c.id for c in Code])
    return f"did you mean {close}?" if close else "run 'dxcheck explain' for the list"


def markdown_table() -> str:
    lines = ["| code | severity | meaning | what to do |", "|---|---|---|---|"]
    for code in Code:
        known = EXPLANATIONS[code]
        lines.append(f"| {code.id} | {severity_text(code)} | {known.meaning} | {known.fix} |")
    return "\n".join(lines) + "\n"


def listing() -> str:
    width = max(len(severity_text(c)) for c in Code)
    lines = [f"{c.id}  {severity_text(c):<{width}}  {EXPLANATIONS[c].meaning}" for c in Code]
    return "\n".join(lines) + "\n" + "dxcheck explain CODE says more about one.\n"


def example_files(example: Example) -> list[tuple[str, bytes]]:
    """The example's files as bytes, as the example says to write them."""
    out: list[tuple[str, bytes]] = []
    for number, (name, text) in enumerate(example.files, start=1):
        if number == len(example.files) and example.repeat:
            text += text.splitlines(keepends=True)[-1] * example.repeat
        out.append((name, text.encode(example.encoding)))
    return out


def _example(example: Example) -> list[str]:
    lines: list[str] = []
    for number, (name, text) in enumerate(example.files, start=1):
        saved = f" (saved as {example.encoding})" if example.encoding != "utf-8" else ""
        lines.append(f"  {name}{saved}:")
        lines += [f"    {line}" for line in text.splitlines()] or ["    (empty)"]
        if number == len(example.files) and example.repeat:
            lines.append(f"    ... the last line {example.repeat} more times")
        lines.append("")
    lines += [f"  $ {example.command}", f"  {example.says}"]
    return lines


def explanation(code: Code, width: int = WIDTH) -> str:
    """One code in full; prose wrapped to ``width`` (the terminal's, at most WIDTH), while
    the example's file lines and dxcheck's message stay whole, as they are written."""
    known: Explanation = EXPLANATIONS[code]
    width = max(40, min(width, WIDTH))
    lines = [*textwrap.wrap(f"{code.id} ({severity_text(code)}): {known.meaning}", width), ""]
    lines += textwrap.wrap(known.details, width)
    lines += ["", "Example:", *_example(known.example), ""]
    lines += textwrap.wrap(f"What to do: {known.fix}.", width)
    return "\n".join(lines) + "\n"
