"""Which build of the row loop runs: the mypyc-compiled one when it was built from the
source beside it, else the source itself.

``DXCHECK_PURE_PYTHON=1`` forces the source (to compare the two, or to rule the compiled
one out when chasing a bug).
"""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path
from types import ModuleType

PURE_NAME = "dxcheck._rowscan_source"


def source_checksum(source: bytes) -> str:
    """Kept in step with hatch_build.source_checksum (a test checks both)."""
    return f"{zlib.crc32(source):08x}-{len(source)}"


def row_loop(*, pure: bool | None = None) -> ModuleType:
    """The row-loop module to use; ``pure`` None means: decide from the environment."""
    from dxcheck import rowscan

    if pure is None:
        pure = bool(os.environ.get("DXCHECK_PURE_PYTHON"))
    stamp: str = rowscan.COMPILED_FROM
    if not stamp:
        return rowscan  # the source: nothing was compiled
    source = Path(__file__).with_name("rowscan.py")
    try:
        current = source_checksum(source.read_bytes())
    except OSError:
        current = stamp  # an install without sources: the compiled module is all there is
    if not pure and current == stamp:
        return rowscan
    return _load_source(source)


def is_compiled(module: ModuleType) -> bool:
    return bool(getattr(module, "COMPILED_FROM", ""))


def _load_source(path: Path) -> ModuleType:
    import importlib.util  # only for a stale build or DXCHECK_PURE_PYTHON

    loaded = sys.modules.get(PURE_NAME)
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location(PURE_NAME, path)
    if spec is None or spec.loader is None:  # pragma: no cover - a file that exists always has one
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[PURE_NAME] = module
    spec.loader.exec_module(module)
    return module
