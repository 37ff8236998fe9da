"""``dxcheck validate-catalog``: each catalog checked alone, then the data CSVs it governs
checked against it (the ``dxcheck-catalog`` pre-commit hook).

``dxcheck validate --targets A B`` reads B as a CSV, and a renamed target passes a
catalog-only check while it breaks every CSV that names it. Here each catalog is checked
on its own, and the CSVs are re-read against it: by default the CSVs tracked by git in
the catalog's folder and below (for ./targets.yaml, every CSV of the repository: the
files the ``dxcheck-validate`` hook checks against it); ``--data`` names them instead.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from dxcheck.check import Options, Outcome, run_validate


def tracked_csvs(folder: Path) -> list[str] | None:
    """CSVs git tracks (or has staged) in ``folder`` and below, as paths from the current
    folder; None outside a git work tree or without git."""
    spec = "*.csv" if folder == Path() else f"{folder.as_posix()}/*.csv"
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--", spec],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if listed.returncode != 0:
        return None
    names = [n for n in listed.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    # A file deleted from the work tree but not yet from the index is not data.
    return [n for n in names if Path(n).is_file()]


def found_csvs(folder: Path) -> list[str]:
    """Outside git: every CSV in ``folder`` and below, hidden folders left out."""
    found = (p for p in folder.rglob("*.csv") if p.is_file())
    return sorted(
        str(p) for p in found if not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def governed_csvs(catalog: Path, data: Sequence[str] = ()) -> tuple[str, ...]:
    """The CSVs to check against ``catalog``: ``data`` when given (globs are expanded by the
    reader), else the CSVs in its folder and below."""
    if data:
        return tuple(data)
    folder = catalog.parent
    tracked = tracked_csvs(folder)
    return tuple(found_csvs(folder) if tracked is None else tracked)


def run_catalogs(
    catalogs: Sequence[Path], options: Options, data: Sequence[str] = ()
) -> list[tuple[Path, Outcome]]:
    """Each catalog alone with its CSVs, as ``validate --targets CATALOG CSV...`` would."""
    out: list[tuple[Path, Outcome]] = []
    for catalog in dict.fromkeys(catalogs):  # each once, in order
        checked = replace(options, catalog=catalog, inputs=governed_csvs(catalog, data), use_sample=False)
        out.append((catalog, run_validate(checked)))
    return out
