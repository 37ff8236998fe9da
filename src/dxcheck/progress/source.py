"""Opening a progress file: standard input or a path, its encoding (UTF-8, with or without
a BOM, or UTF-16), the line and column of a byte that is not UTF-8, and lines of bounded
length."""

from __future__ import annotations

import codecs
import csv
import functools
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO

from dxcheck import DATA_DIR
from dxcheck.findings import Code, Finding, FindingSink, Location, did_you_mean
from dxcheck.i18n import Msg, msg
from dxcheck.progress.columns import FIELD_SIZE_LIMIT, LINE_LIMIT, SNIFF_BYTES


@dataclass(frozen=True, slots=True)
class InputFile:
    """A progress file as given on the command line; ``path`` None means standard input."""

    display: str
    path: Path | None = None


def bounded_lines(text: IO[str]) -> Iterator[str]:
    """The lines of ``text``, none longer than LINE_LIMIT characters; all in C (no Python
    frame per line), as cheap as iterating the stream itself."""
    return iter(functools.partial(text.readline, LINE_LIMIT), "")


def position(text: IO[str]) -> int:
    buffer = getattr(text, "buffer", None)
    try:
        return int(buffer.tell()) if buffer is not None else 0
    except (OSError, ValueError):
        return 0


def decode_finding(source: InputFile, exc: UnicodeDecodeError) -> Finding:
    if exc.encoding.replace("_", "-").lower().startswith("utf-16"):
        return Finding(
            Code.ENCODING,
            Location(source.display),
            {"reason": msg("the file is UTF-16 but not valid UTF-16 ({reason})", reason=exc.reason)},
            hint=msg("the file looks cut short or damaged: export it again, preferably as 'CSV UTF-8'"),
        )
    line, column = (None, None)
    if source.path is not None and exc.encoding.replace("_", "-").lower().startswith("utf-8"):
        line, column = _locate_bad_utf8(source.path)
    bad = exc.object[exc.start : exc.start + 1]
    return Finding(
        Code.ENCODING,
        Location(source.display, line, column),
        {
            "reason": msg(
                "the file is not valid UTF-8 (byte 0x{byte}; it looks like Windows-1258 or another legacy code page)",
                byte=bad.hex(),
            )
        },
        hint=msg(
            "re-export it as 'CSV UTF-8' (Excel: File > Save As > CSV UTF-8; "
            "LibreOffice: Character set: Unicode (UTF-8))"
        ),
    )


def _locate_bad_utf8(path: Path) -> tuple[int | None, int | None]:
    """Line and column of the first byte that is not UTF-8 (the error path: re-reads)."""
    line, line_start, offset, carry = 1, 0, 0, b""
    try:
        with path.open("rb") as handle:
            while True:
                chunk = handle.read(1 << 16)
                buf = carry + chunk
                if not buf:
                    return None, None
                try:
                    buf.decode("utf-8")
                    good = len(buf)
                except UnicodeDecodeError as exc:
                    truncated = exc.end == len(buf) and exc.reason == "unexpected end of data" and chunk
                    if not truncated:
                        head = buf[: exc.start]
                        newlines = head.count(b"\n")
                        if newlines:
                            line += newlines
                            line_start = offset + head.rfind(b"\n") + 1
                        text_before = buf[max(0, line_start - offset) : exc.start].decode("utf-8", "replace")
                        return line, len(text_before.removeprefix("\ufeff")) + 1
                    good = exc.start
                done = buf[:good]
                newlines = done.count(b"\n")
                if newlines:
                    line += newlines
                    line_start = offset + done.rfind(b"\n") + 1
                offset += good
                carry = buf[good:]
                if not chunk:
                    return None, None
    except OSError:
        return None, None


@contextmanager
def open_text(source: InputFile, sink: FindingSink) -> Iterator[IO[str] | None]:
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    try:
        raw = sys.stdin.buffer if source.path is None else source.path.open("rb")
    except IsADirectoryError:
        sink.add(
            _unreadable(source.display, msg("it is a directory"), msg("give the CSV files, e.g. data/*.csv"))
        )
        yield None
        return
    except FileNotFoundError:
        sink.add(_unreadable(source.display, msg("no such file"), _beside(source)))
        yield None
        return
    except PermissionError:
        sink.add(_unreadable(source.display, msg("permission denied"), msg("check the file's permissions")))
        yield None
        return
    except OSError as exc:
        sink.add(_unreadable(source.display, exc.strerror or str(exc), None))
        yield None
        return
    try:
        buffered: io.BufferedReader = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
        head = buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]
        encoding = _encoding_of(head, source.display, sink)
        if encoding is None:
            yield None
            return
        text = io.TextIOWrapper(buffered, encoding=encoding, errors="strict", newline="")
        try:
            yield text
        finally:
            text.detach()
    finally:
        if source.path is not None:
            raw.close()


# The files beside a missing one that a "did you mean" looks at, at most (a folder of
# 100,000s would make the hint cost seconds).
_BESIDE_AT_MOST = 5_000


def _beside(source: InputFile) -> Msg | None:
    """A file in the missing one's folder with a close name (a typo in the path), written
    as the path was given; None when there is none (or no such folder)."""
    assert source.path is not None
    path = source.path
    try:
        names = [entry.name for entry in islice(path.parent.iterdir(), _BESIDE_AT_MOST)]
    except OSError:
        return None
    match = did_you_mean(path.name, names)
    if match is None:
        return None
    given = source.display
    shown = (
        given[: len(given) - len(path.name)] + match
        if given.endswith(path.name)
        else str(path.with_name(match))
    )
    return msg("did you mean '{match}'?", match=shown)


def _unreadable(display: str, reason: str | Msg, hint: Msg | None) -> Finding:
    """``reason``: dxcheck's words (a ``Msg``), or the system's (a ``str``: stays English)."""
    return Finding(Code.INPUT_UNREADABLE, Location(display), {"reason": reason}, hint)


def _encoding_of(head: bytes, display: str, sink: FindingSink) -> str | None:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > len(head) // 4 and even == 0:
            return "utf-16-le"
        if even > len(head) // 4 and odd == 0:
            return "utf-16-be"
        sink.add(binary_finding(display, 1, None))
        return None
    return "utf-8"


def binary_finding(display: str, line: int, column: int | None) -> Finding:
    return Finding(
        Code.ENCODING,
        Location(display, line, column),
        {"reason": msg("this is a binary file, not a CSV (it contains NUL bytes)")},
        hint=msg("export the sheet as CSV; an .xlsx workbook cannot be read directly"),
    )


def spool_stdin() -> Path:
    """Copy standard input to a temporary file, so that it can be read twice if needed."""
    import shutil  # only here: start-up time
    import tempfile

    handle = tempfile.NamedTemporaryFile(prefix="dxcheck-stdin-", suffix=".csv", delete=False)  # noqa: SIM115
    with handle:
        shutil.copyfileobj(sys.stdin.buffer, handle, 1 << 20)
    return Path(handle.name)


def bundled_sample() -> InputFile:
    return InputFile("<bundled>/sample-progress.csv", DATA_DIR / "sample-progress.csv")
