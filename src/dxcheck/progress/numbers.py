"""How the numbers of one file are read: its decimal mark, declared or settled by the file."""

from __future__ import annotations

from dataclasses import dataclass, field

from dxcheck import cells


@dataclass
class FileNumbers:
    """How the numbers of one file are read. Without ``--decimal``, a number with one
    group of three digits after a comma or a dot ("12.500", "80,000") waits for the end
    of the file: a decimal comma anywhere in its value column ("87,5") settles it, and
    otherwise it is refused with both readings. At most MAX_WAITING rows wait (memory
    stays bounded); past that they are refused at once."""

    MAX_WAITING = 10_000

    declared: cells.DecimalMark | None
    comma_seen: bool = False
    # (line, the row's text, extra lines of rows spanning lines before it)
    waiting: list[tuple[int, str, int]] = field(default_factory=list)
    final: bool = False  # the end of the file: nothing waits any more

    @property
    def mark(self) -> cells.DecimalMark | None:
        if self.declared is not None:
            return self.declared
        return cells.DecimalMark.COMMA if self.comma_seen else None

    def can_wait(self) -> bool:
        return not self.final and len(self.waiting) < self.MAX_WAITING
