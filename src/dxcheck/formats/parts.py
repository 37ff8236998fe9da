"""A large report written by two processes at once.

A renderer that can (``Renderer.pieces``) gives its report as text and results, with the
function that makes a result's text when it is written. The items are listed first (the
headings, layouts and counts are worked out once, here); then a forked process makes the
text of the second half of the results into a temporary file while this one writes the
first half, and that file is copied after it. At commune scale (132,000 results) that takes
about 40 % off the time spent writing a report, on any machine with a second core.

The bytes are those of writing every piece here, in order (a test compares them for each
renderer): the child encodes as the output does, and only UTF-8 outputs are shared.
Whatever stops the child (a full disk, an error), this process writes the rest itself;
without ``fork`` or a temporary file, it writes everything.
"""

from __future__ import annotations

import codecs
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, NamedTuple, TextIO

if TYPE_CHECKING:
    from dxcheck.report import Report, Result

# Below this many results one process writes the report: forking costs more than it saves.
MIN_RESULTS = 20_000
_COPY = 1 << 20
_BATCH = 256  # pieces a write: some 40 KB of a JSON report


class Pieces(NamedTuple):
    """A report as text and results: ``make(result)`` is a result's text, made when it is
    written (a renderer's ``pieces``)."""

    make: Callable[[Result], str]
    items: Iterable[str | Result]


class Streamed:
    """A renderer that gives its report as ``pieces`` gets ``chunks`` (the pieces as text,
    to write as they come) and ``render`` (the whole text) from them."""

    def pieces(self, report: Report) -> Pieces:
        raise NotImplementedError

    def chunks(self, report: Report) -> Iterator[str]:
        return resolved(self.pieces(report))

    def render(self, report: Report) -> str:
        return "".join(self.chunks(report))


def resolved(pieces: Pieces) -> Iterator[str]:
    """The pieces as text, in order (what one process writes)."""
    make = pieces.make
    for item in pieces.items:
        yield item if isinstance(item, str) else make(item)


def write_in_two(pieces: Pieces, out: TextIO) -> None:
    """Write ``pieces`` to ``out``, the second half of the results made by a forked process
    when there are enough of them and ``out`` is a file or pipe that takes bytes."""
    items = list(pieces.items)  # text and results: two list slots a result
    at = [i for i, item in enumerate(items) if not isinstance(item, str)]  # the results
    binary = _byte_stream(out)
    if len(at) < MIN_RESULTS or binary is None or not hasattr(os, "fork"):
        _write(Pieces(pieces.make, items), out)
        return
    from dxcheck.split import Beside

    cut = at[len(at) // 2]  # the second half starts at its first result
    first, second = Pieces(pieces.make, items[:cut]), Pieces(pieces.make, items[cut:])
    try:
        # in $TMPDIR, about half the report; closed by the "with" below
        spill = tempfile.TemporaryFile()  # noqa: SIM115
    except OSError:
        _write(Pieces(pieces.make, items), out)
        return
    with spill:
        encoding, errors = out.encoding, out.errors or "strict"

        def second_half() -> bool:
            text = io.TextIOWrapper(
                io.FileIO(os.dup(spill.fileno()), "w"), encoding=encoding, errors=errors, newline=""
            )
            with text:
                _write(second, text)
            return True

        beside = Beside(second_half)
        try:
            _write(first, out)
            done = beside.result()
        finally:
            beside.cancel()
        if not done:
            _write(second, out)  # the child failed: the rest is written here
            return
        out.flush()
        spill.seek(0)
        shutil.copyfileobj(spill, binary, _COPY)
        binary.flush()


def _write(pieces: Pieces, out: TextIO) -> None:
    """The pieces, written a batch at a time: a text stream that writes through (standard
    output under ``PYTHONUNBUFFERED``, set in many container images) makes a system call
    of each write, and a report has two pieces a result."""
    write = out.write
    batch: list[str] = []
    add = batch.append
    for text in resolved(pieces):
        add(text)
        if len(batch) >= _BATCH:
            write("".join(batch))
            batch.clear()
    if batch:
        write("".join(batch))


def _byte_stream(out: TextIO) -> IO[bytes] | None:
    """The byte stream under ``out``, when its text can be made elsewhere and added as
    bytes: UTF-8 (a text made in two parts is the same bytes as in one: no byte-order mark,
    no state carried over), and no line ends translated (on POSIX, where ``fork`` exists,
    ``\\n`` is written as it is)."""
    binary: IO[bytes] | None = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    if binary is None or not isinstance(encoding, str) or os.linesep != "\n":
        return None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    return binary if name == "utf-8" else None
