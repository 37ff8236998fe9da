"""Build hook: compile the row loop (src/dxcheck/rowscan.py, with the series state it fills,
src/dxcheck/series.py) and the series rules (src/dxcheck/rules.py) with mypyc, and the row
loop's fast path, written in C (src/dxcheck/_fastrows.c).

The row loop is where every row of a progress CSV passes, the series rules where every
series does; compiled, each runs about twice as fast, and the C reader in front of the
loop takes about a fifth off reading again (bench/README.md). Compiling needs a C compiler and
the Python headers. Without them, or with DXCHECK_NO_COMPILE=1, the build says so and
installs the same modules as plain Python (and no C reader): nothing else changes.

Each compiled copy records a checksum of the source it was built from (COMPILED_FROM),
so that dxcheck falls back to the source when someone edits it in an editable install
without rebuilding (``dxcheck.native``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zlib
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MODULES = (  # as dxcheck.native.COMPILED
    Path("src/dxcheck/series.py"),
    Path("src/dxcheck/series_values.py"),
    Path("src/dxcheck/rowtext.py"),
    Path("src/dxcheck/rowscan.py"),
    Path("src/dxcheck/rules.py"),
)
MARKER = 'COMPILED_FROM: Final = ""'
# The row loop's fast path, hand-written in C (dxcheck.native.fast_rows); built with the
# mypyc modules and stamped the same way, with its source's checksum.
FAST_ROWS = Path("src/dxcheck/_fastrows.c")


def source_checksum(source: bytes) -> str:
    """Kept in step with dxcheck.native.source_checksum (a test checks both)."""
    return f"{zlib.crc32(source):08x}-{len(source)}"


def _libraries(directory: Path) -> list[Path]:
    """The shared libraries a build wrote under ``directory``."""
    return sorted(directory.rglob("*.so")) + sorted(directory.rglob("*.pyd"))


def _reason(exc: Exception) -> str:
    """Why a build failed, in one line of at most 160 characters."""
    reason = (str(exc).strip().splitlines() or [""])[0]
    reason = reason if len(reason) <= 160 else reason[:157] + "..."
    return f"{type(exc).__name__}: {reason}"


def _build(distribution: Any, extensions: list[Any], lib: Path, temp: Path) -> None:
    """setuptools' build_ext on ``extensions``, the shared libraries into ``lib``."""
    dist = distribution({"name": "dxcheck-rowscan", "ext_modules": extensions})
    command: Any = dist.get_command_obj("build_ext")
    command.build_lib = str(lib)
    command.build_temp = str(temp)
    command.ensure_finalized()
    command.run()


class NativeCompiler(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        if os.environ.get("DXCHECK_NO_COMPILE"):
            self.app.display_info(
                "dxcheck: DXCHECK_NO_COMPILE is set: the row loop and series rules stay pure Python"
            )
            return
        with tempfile.TemporaryDirectory(prefix="dxcheck-mypyc-") as work:
            try:
                built = self._compile(Path(self.root), Path(work))
            except Exception as exc:  # any failure means: install the pure-Python module
                self.app.display_warning(
                    f"dxcheck: could not compile the row loop and series rules with mypyc "
                    f"({_reason(exc)}); installing them as pure Python "
                    "(correct, about half as fast on large files)"
                )
                return
            package = Path(self.root) / "src" / "dxcheck"
            if version == "editable":
                # An editable install imports from src/: the extension goes beside the
                # source (git-ignored), replacing any earlier build.
                for module in (*MODULES, FAST_ROWS):
                    for old in package.glob(f"{module.stem}*.so"):
                        old.unlink()
                for so in built:
                    shutil.copy2(so, package / so.name)
            else:
                keep = Path(self.directory) / "dxcheck-compiled"
                keep.mkdir(parents=True, exist_ok=True)
                for so in built:
                    shutil.copy2(so, keep / so.name)
                    build_data["force_include"][str(keep / so.name)] = f"dxcheck/{so.name}"
                build_data["pure_python"] = False
                build_data["infer_tag"] = True
        self.app.display_info(
            f"dxcheck: compiled the row loop and series rules with mypyc, and the loop's C reader "
            f"where it built ({', '.join(p.name for p in built)})"
        )

    def _compile(self, root: Path, work: Path) -> list[Path]:
        from mypyc.build import mypycify
        from setuptools import Distribution, Extension

        package = work / "src" / "dxcheck"
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("")
        for module in MODULES:
            source = (root / module).read_bytes()
            text = source.decode("utf-8")
            if text.count(MARKER) != 1:
                raise RuntimeError(f"{module} must define {MARKER} exactly once")
            stamped = text.replace(MARKER, f'COMPILED_FROM: Final = "{source_checksum(source)}"')
            (package / module.name).write_text(stamped, encoding="utf-8")
        config = work / "mypy.ini"  # not the project's: its pydantic plugin is not installed here
        config.write_text("[mypy]\nstrict = True\n")
        cwd = Path.cwd()
        os.chdir(work / "src")
        try:
            # separate: a shared library per module, beside it in the package (one for
            # both would be named by a hash and go to the top of site-packages)
            extensions = mypycify(
                [f"--config-file={config}", *(f"dxcheck/{module.name}" for module in MODULES)],
                opt_level="3",
                debug_level="0",
                target_dir=str(work / "c"),
                separate=True,
            )
            _build(Distribution, extensions, work / "lib", work / "tmp")
        finally:
            os.chdir(cwd)
        built = _libraries(work / "lib")
        if not built:
            raise RuntimeError("mypyc produced no extension module")
        # The C reader is an addition: if it does not build (another compiler's dialect),
        # the compiled loop runs without it, as it did before it.
        fast_rows = Extension(
            "dxcheck._fastrows",
            [str(root / FAST_ROWS)],
            define_macros=[("DXCHECK_SOURCE", f'"{source_checksum((root / FAST_ROWS).read_bytes())}"')],
        )
        try:
            _build(Distribution, [fast_rows], work / "lib-c", work / "tmp-c")
        except Exception as exc:
            self.app.display_warning(
                f"dxcheck: could not compile the row loop's C reader ({_reason(exc)}); "
                "the compiled loop runs without it (correct, a little slower on large files)"
            )
            return built
        return built + _libraries(work / "lib-c")
