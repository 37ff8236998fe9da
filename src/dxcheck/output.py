"""Writing reports to files: atomically, never over an input, parents created."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from dxcheck.findings import Code, Finding, Location


def write_atomic(path: Path, text: str, *, inputs: Iterable[str] = ()) -> Finding | None:
    """Write ``text`` to ``path`` via a temporary file and a rename; None on success.

    Readers of ``path`` see the old content or the new, never a half-written file.
    """
    target = Path(os.path.realpath(path))
    protected = {os.path.realpath(p) for p in inputs}
    if str(target) in protected:
        return Finding(Code.OUTPUT_IS_INPUT, Location(str(path)), hint="choose another path for the report")
    try:
        # stat() can fail for reasons Path.exists() does not swallow: a parent folder
        # without search permission raises PermissionError.
        is_dir = target.is_dir()
        special = target.exists() and not target.is_file()
    except OSError as exc:
        return Finding(Code.OUTPUT_UNWRITABLE, Location(str(path)), {"reason": exc.strerror or str(exc)})
    if is_dir:
        return Finding(Code.OUTPUT_UNWRITABLE, Location(str(path)), {"reason": "it is a directory"})
    if special:
        # A device or a pipe (/dev/stdout, a FIFO): nothing to replace, write through.
        try:
            with target.open("w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            return Finding(Code.OUTPUT_UNWRITABLE, Location(str(path)), {"reason": exc.strerror or str(exc)})
        return None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing: start-up time

        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        return Finding(Code.OUTPUT_UNWRITABLE, Location(str(path)), {"reason": exc.strerror or str(exc)})
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            # Keep the permissions a user gave the file (mkstemp creates 0600).
            Path(temporary).chmod(target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            Path(temporary).chmod(0o666 & ~umask)
        Path(temporary).replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        return Finding(Code.OUTPUT_UNWRITABLE, Location(str(path)), {"reason": exc.strerror or str(exc)})
    return None
