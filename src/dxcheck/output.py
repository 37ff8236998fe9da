"""Writing reports and other outputs to files: atomically, parents created, and never
over a file the run reads or depends on. A report aimed at GitHub's job summary
($GITHUB_STEP_SUMMARY) is appended to it instead: earlier steps wrote there too."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from dxcheck.findings import Code, Finding, Location
from dxcheck.i18n import Msg, msg

CATALOG = msg("the catalog")
INPUT = msg("an input CSV")
BUNDLED = msg("dxcheck's bundled data")


# What a file gets: its text, or a function that writes it to the open file (a report
# streamed piece by piece, never whole in memory: formats.write_report).
Content = str | Callable[[TextIO], None]


def _put(handle: TextIO, content: Content) -> None:
    if isinstance(content, str):
        handle.write(content)
    else:
        content(handle)


@dataclass(frozen=True)
class Protected:
    """A file no output may replace, and what it is (for the DX302 message)."""

    path: Path
    what: Msg  # CATALOG, INPUT or BUNDLED


def _identity(path: Path | str) -> tuple[int, int] | None:
    """(device, inode) of the file a path reaches, through symlinks; None if none."""
    try:
        st = Path(path).stat()
    except (OSError, ValueError):
        return None
    # Some file systems (and Windows before NTFS ids) report inode 0: no identity then.
    return (st.st_dev, st.st_ino) if st.st_ino else None


def clash(path: Path, protected: Iterable[Protected]) -> Protected | None:
    """The protected file that ``path`` names, or None.

    The same path after symlinks (realpath), or the same file under another name (a hard
    link, a bind mount: device and inode): writing through either would destroy it.
    """
    real = os.path.realpath(path)
    identity = _identity(path)
    for guarded in protected:
        if os.path.realpath(guarded.path) == real:
            return guarded
        if identity is not None and _identity(guarded.path) == identity:
            return guarded
    return None


def write_atomic(
    path: Path, text: Content, *, protected: Iterable[Protected] = (), overwrite: bool = True
) -> Finding | None:
    """Write ``text`` to ``path`` via a temporary file and a rename; None on success.

    Readers of ``path`` see the old content or the new, never a half-written file. A path
    that names a protected file is refused (DX302); with ``overwrite=False`` so is an
    existing regular file (DX304: ``template -o`` writes a file people fill in by hand).
    """
    target = Path(os.path.realpath(path))
    guarded = clash(path, protected)
    if guarded is not None:
        alias = Path(guarded.path).absolute() != Path(path).absolute()  # a link or another spelling
        return Finding(
            Code.OUTPUT_IS_INPUT,
            Location(str(path)),
            {"what": guarded.what},
            hint=msg("it is {path} under another name: choose another path", path=str(guarded.path))
            if alias
            else msg("choose another path"),
        )
    try:
        # stat() can fail for reasons Path.exists() does not swallow: a parent folder
        # without search permission raises PermissionError.
        is_dir = target.is_dir()
        special = target.exists() and not target.is_file()
    except OSError as exc:
        return Finding(Code.OUTPUT_UNWRITABLE, Location(str(path)), {"reason": exc.strerror or str(exc)})
    if is_dir:
        return Finding(Code.OUTPUT_UNWRITABLE, Location(str(path)), {"reason": msg("it is a directory")})
    if special:
        # A device or a pipe (/dev/stdout, a FIFO): nothing to replace, write through.
        try:
            with target.open("w", encoding="utf-8", newline="") as handle:
                _put(handle, text)
        except OSError as exc:
            return Finding(Code.OUTPUT_UNWRITABLE, Location(str(path)), {"reason": exc.strerror or str(exc)})
        return None
    if not overwrite and target.is_file():
        # Checked here, not by an exclusive create: the rename below stays atomic for
        # readers; a file created in between by another process would still be replaced.
        return Finding(Code.OUTPUT_EXISTS, Location(str(path)), hint=msg("pass --force to replace it"))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing: start-up time

        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        return Finding(Code.OUTPUT_UNWRITABLE, Location(str(path)), {"reason": exc.strerror or str(exc)})
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            _put(handle, text)
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
    except BaseException:
        # A streamed report renders while it is written: whatever stops it (a bug, ^C)
        # must not leave the temporary file behind.
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
    return None


def is_step_summary(path: Path, environ: Mapping[str, str]) -> bool:
    """Whether ``path`` is the file $GITHUB_STEP_SUMMARY names (after symlinks)."""
    summary = environ.get("GITHUB_STEP_SUMMARY")
    return bool(summary) and os.path.realpath(path) == os.path.realpath(str(summary))


def write_report(
    path: Path,
    text: Content,
    *,
    protected: Iterable[Protected] = (),
    environ: Mapping[str, str] | None = None,
) -> Finding | None:
    """A ``--report`` file: appended to when it is $GITHUB_STEP_SUMMARY (what earlier steps
    or commands wrote there stays, and one blank line separates the two), else written
    atomically; None on success. Protected paths are refused either way (DX302)."""
    if not is_step_summary(path, os.environ if environ is None else environ):
        return write_atomic(path, text, protected=protected)
    guarded = clash(path, protected)
    if guarded is not None:
        return Finding(
            Code.OUTPUT_IS_INPUT, Location(str(path)), {"what": guarded.what}, hint=msg("choose another path")
        )
    try:
        with Path(path).open("ab+") as handle:
            size = handle.seek(0, os.SEEK_END)
            if size:
                handle.seek(size - 1)
                separator = b"\n" if handle.read(1) == b"\n" else b"\n\n"
                handle.seek(0, os.SEEK_END)
                handle.write(separator)
            with io.TextIOWrapper(handle, encoding="utf-8", newline="") as text_handle:
                _put(text_handle, text)
    except OSError as exc:
        return Finding(Code.OUTPUT_UNWRITABLE, Location(str(path)), {"reason": exc.strerror or str(exc)})
    return None
