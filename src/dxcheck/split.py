"""Reading one large file as two halves at once: where to cut it, how to read a byte
range of it as text, and how to run the second half in a forked process.

The cut is always at the same place for the same file (a little past half way, at the
next line end outside double quotes), whatever the machine, so results never depend on the
number of cores: with no ``os.fork`` the second half simply runs after the first. Whether
the cut really fell between two rows is proved by the first half, which must end cleanly
at it (``progress.ProgressIndex``); otherwise the file is read again in one piece.
"""

from __future__ import annotations

import io
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Generic, TypeVar

T = TypeVar("T")

# Below this a file is read in one piece: forking and merging cost more than they save.
SPLIT_MIN_BYTES = 32 * 1024 * 1024
_WINDOW = 1 << 20  # where to look for a line end after the middle
# How much further than half way the cut is: a 25th of the file, at most 4 MiB. Once read,
# the second half's process still sends its series back, which at commune scale (132,000
# series) takes about as long as reading 4 MiB more; so the halves end together. (Measured:
# 0.09 s less reading at 1M rows, 8 interleaved pairs; at 10M rows 4 MiB is 0.4 %.)
_LEAD = 4 << 20
_CHUNK = 1 << 20


def cut_point(path: Path, size: int, *, minimum: int) -> int | None:
    """The byte offset where the second half starts: just after the first line feed past
    the middle (``_LEAD`` past half way) with an even number of double quotes before it
    (so not inside a quoted cell, if the file quotes correctly). None when the file is
    small or no such line end lies within a MiB of the middle (e.g. old Mac line ends,
    only CR)."""
    if size < max(minimum, 2):
        return None
    middle = size // 2 + min(size // 25, _LEAD)
    quotes = 0
    with path.open("rb") as handle:
        done = 0
        while done < middle:
            chunk = handle.read(min(_CHUNK, middle - done))
            if not chunk:
                return None
            quotes += chunk.count(b'"')
            done += len(chunk)
        window = handle.read(_WINDOW)
    counted = 0
    end = window.find(b"\n")
    while end >= 0:
        quotes += window.count(b'"', counted, end)
        counted = end
        if quotes % 2 == 0 and middle + end + 1 < size:
            return middle + end + 1
        end = window.find(b"\n", end + 1)
    return None


class _ByteRange(io.RawIOBase):
    """Bytes ``start`` to ``end`` of a file, as a raw stream."""

    def __init__(self, path: Path, start: int, end: int) -> None:
        super().__init__()
        self._file = path.open("rb", buffering=0)
        self._file.seek(start)
        self._position = start
        self._end = end

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        left = self._end - self._position
        if left <= 0:
            return 0
        view = memoryview(buffer)
        got = self._file.readinto(view[: min(len(view), left)]) or 0
        self._position += got
        return got

    def tell(self) -> int:
        return self._position

    def close(self) -> None:
        self._file.close()
        super().close()


@contextmanager
def open_range(path: Path, start: int, end: int, encoding: str) -> Iterator[IO[str]]:
    """Bytes ``start`` to ``end`` of ``path`` as text, lines untranslated (as the reader
    opens whole files)."""
    raw = _ByteRange(path, start, end)
    text = io.TextIOWrapper(io.BufferedReader(raw, 1 << 16), encoding=encoding, errors="strict", newline="")
    try:
        yield text
    finally:
        text.close()


def trim_heap() -> bool:
    """Give the free pages of the C heap back to the system; True when that was done
    (glibc's ``malloc_trim``), False where there is no such call (musl, macOS, Windows:
    the memory then stays with the process, to be reused).

    For after a large, short-lived transfer is freed: the second half's series arrive as
    a few dozen MiB of columns, are merged, and are let go. glibc keeps freed memory
    unless it lies at the top of its heap, and whether it does depends on the order the
    pipe's reads and the unpickled values were allocated in, which depends on timing: at
    10M rows about one run in five kept 51 MiB, and the peak RSS grew by as much (264-271
    MiB instead of 222). ``malloc_trim(0)`` releases every free page wherever it lies,
    in a few milliseconds."""
    try:
        import ctypes  # here: only a run that read a file in halves needs it

        trim = ctypes.CDLL(None).malloc_trim
    except (ImportError, OSError, TypeError, AttributeError):
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True


class Beside(Generic[T]):
    """``work()`` run in a forked child while the caller goes on; ``result()`` waits for
    it. None when the child failed in any way: the caller then does the work itself.
    Without ``os.fork`` (Windows), ``result()`` runs the work there and then."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work: Callable[[], T] | None = None
        self._pid = 0
        self._read_fd = -1
        if not hasattr(os, "fork"):
            self._work = work
            return
        import pickle  # here, not at the top: start-up time of every other run

        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: do the work, send the result, leave at once
            status = 1
            try:
                os.close(read_fd)
                value = work()
                # Streamed: the parent unpickles each frame as this one pickles the next.
                with os.fdopen(write_fd, "wb") as out:
                    pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
                status = 0
            finally:
                os._exit(status)  # no atexit handlers, no flushing the parent's buffers
        os.close(write_fd)
        self._pid = pid
        self._read_fd = read_fd

    def result(self) -> T | None:
        if self._work is not None:
            return self._work()
        import pickle

        value: T | None = None
        try:
            # Unpickled as it arrives: the bytes are never all held at once.
            with os.fdopen(self._read_fd, "rb") as incoming:
                value = pickle.load(incoming)
        except (EOFError, pickle.UnpicklingError, OSError):
            value = None  # the child failed before sending it all
        finally:
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
        return value if status == 0 else None

    def cancel(self) -> None:
        """The result is not wanted (or the caller failed): stop the child and reap it."""
        if self._pid:
            with suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
            with suppress(OSError):
                os.close(self._read_fd)
            os.waitpid(self._pid, 0)
            self._pid = 0
