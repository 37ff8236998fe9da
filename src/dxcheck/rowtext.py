"""The text of a progress file's rows as the row loop (``dxcheck.rowscan``) reads it: one
line with quoted cells split as the csv module splits it (``split_quoted``), and the
lines fed to the csv module for a row the loop cannot split itself (``Lines``, with the
line just read pushed back in front; ``Replay``, lines to read again after a malformed
row).

Compiled with mypyc beside the row loop and run as plain Python otherwise, like it: so it
imports only the standard library. ``dxcheck.native`` uses the builds only together.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

# Empty here; the compiled copy says which source it was built from (hatch_build.py),
# so that an edited source is never shadowed by a stale build (dxcheck.native).
COMPILED_FROM: Final = ""


class Lines:
    """The file's lines for the csv module, with the line the loop has just read pushed
    back in front; the lines it takes for one row are kept, to show the row's text and to
    read them again as rows after a malformed one."""

    def __init__(self, source: Iterator[str]) -> None:
        self.source = source
        self.pushed: str | None = None
        self.taken: list[str] = []

    def __iter__(self) -> Lines:
        return self

    def __next__(self) -> str:
        pushed = self.pushed
        if pushed is not None:
            self.pushed = None
            self.taken.append(pushed)
            return pushed
        line = next(self.source)
        self.taken.append(line)
        return line


def split_quoted(text: str, delimiter: str) -> list[str] | None:
    """The cells of one line with double-quoted cells, as the csv module reads them
    (excel dialect, strict); None when the line is not that simple (a quoted cell left
    open, to go on on the next line, or anything the csv module would refuse)."""
    end = len(text)
    if text.endswith("\n"):
        end -= 2 if text.endswith("\r\n") else 1
    elif text.endswith("\r"):
        end -= 1
    cells: list[str] = []
    pos = 0
    while True:
        if pos < end and text[pos] == '"':
            # A quoted cell: up to the next quote that is not doubled.
            start = pos + 1
            close = text.find('"', start, end)
            while 0 <= close < end - 1 and text[close + 1] == '"':
                close = text.find('"', close + 2, end)
            if close < 0:
                return None
            cell = text[start:close]
            cells.append(cell.replace('""', '"') if '""' in cell else cell)
            after = close + 1
            if after == end:
                return cells
            if text[after] != delimiter:
                return None
            pos = after + 1
        else:
            stop = text.find(delimiter, pos, end)
            if stop < 0:
                stop = end
            cell = text[pos:stop]
            if '"' in cell:
                return None
            cells.append(cell)
            if stop == end:
                return cells
            pos = stop + 1


class Replay:
    """Lines to read again, then the rest of the file."""

    def __init__(self, again: list[str], rest: Iterator[str]) -> None:
        self.again = again
        self.position = 0
        self.rest = rest

    def __iter__(self) -> Replay:
        return self

    def __next__(self) -> str:
        position = self.position
        if position < len(self.again):
            self.position = position + 1
            return self.again[position]
        return next(self.rest)
