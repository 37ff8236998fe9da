"""The progress bar appears only when asked (a terminal, or --progress) and only after a
file has taken more than the delay; it never writes to stdout."""

from __future__ import annotations

import pytest

from dxcheck import progressbar
from dxcheck.progress import InputFile
from tests.conftest import REPO, Run


def test_disabled_gives_no_hook() -> None:
    with progressbar.progress_hook(enabled=False) as hook:
        assert hook is None


def test_hook_waits_for_the_delay(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with progressbar.progress_hook(enabled=True) as hook:
        assert hook is not None
        on_rows = hook(InputFile("x.csv", REPO / "tests" / "data" / "progress.csv"))
        assert on_rows is not None
        on_rows(10, 100)  # well within the delay: nothing is started
    assert capsys.readouterr().out == ""


def test_hook_starts_a_bar_after_the_delay(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import rich.progress

    updates: list[dict[str, object]] = []
    started: list[bool] = []
    monkeypatch.setattr(progressbar, "DELAY_SECONDS", 0.0)
    monkeypatch.setattr(rich.progress.Progress, "start", lambda self: started.append(True))
    monkeypatch.setattr(rich.progress.Progress, "stop", lambda self: None)
    real_update = rich.progress.Progress.update

    def spy(self: rich.progress.Progress, task_id: rich.progress.TaskID, **fields: object) -> None:
        updates.append(fields)
        real_update(self, task_id, **fields)  # type: ignore[arg-type]

    monkeypatch.setattr(rich.progress.Progress, "update", spy)
    with progressbar.progress_hook(enabled=True) as hook:
        assert hook is not None
        on_rows = hook(InputFile("x.csv", REPO / "tests" / "data" / "progress.csv"))
        assert on_rows is not None
        on_rows(16384, 500)
        on_rows(32768, 900)
    assert started == [True]
    assert updates == [{"completed": 500, "rows": 16384}, {"completed": 900, "rows": 32768}]
    assert capsys.readouterr().out == ""


def test_progress_flag_keeps_stdout_clean(run_cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(progressbar, "DELAY_SECONDS", 0.0)
    args = (
        "status",
        "tests/data/progress.csv",
        "-t",
        "tests/data/catalog.yaml",
        "--as-of",
        "2025-07-01",
        "-f",
        "json",
    )
    with_bar = run_cli(*args, "--progress")
    without = run_cli(*args)
    assert with_bar.stdout == without.stdout
    assert with_bar.exit_code == without.exit_code == 1
