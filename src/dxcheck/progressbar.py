"""A progress bar on stderr for long reads: only on a terminal (or when asked), and only
once a file has taken more than a second, so quick runs and CI logs stay clean."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from dxcheck.progress import InputFile

DELAY_SECONDS = 1.0
RowHook = Callable[[int, int], None]


@contextmanager
def progress_hook(*, enabled: bool) -> Iterator[Callable[[InputFile], RowHook | None] | None]:
    if not enabled:
        yield None
        return
    state: dict[str, Any] = {"progress": None}

    def on_file(source: InputFile) -> RowHook:
        started = time.monotonic()
        total = None
        if source.path is not None:
            try:
                total = source.path.stat().st_size
            except OSError:
                total = None
        task: list[Any] = []

        def on_rows(rows: int, read: int) -> None:
            progress = state["progress"]
            if progress is None:
                if time.monotonic() - started < DELAY_SECONDS:
                    return
                from rich.console import Console
                from rich.progress import (
                    BarColumn,
                    DownloadColumn,
                    Progress,
                    TextColumn,
                    TimeElapsedColumn,
                )

                progress = Progress(
                    TextColumn("{task.description}"),
                    BarColumn(),
                    DownloadColumn(),
                    TextColumn("{task.fields[rows]:,} rows"),
                    TimeElapsedColumn(),
                    console=Console(stderr=True),
                    transient=True,
                )
                progress.start()
                state["progress"] = progress
            if not task:
                task.append(progress.add_task(source.display, total=total, rows=0))
            progress.update(task[0], completed=read, rows=rows)

        return on_rows

    try:
        yield on_file
    finally:
        if state["progress"] is not None:
            state["progress"].stop()
