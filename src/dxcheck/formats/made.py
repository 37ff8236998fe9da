"""Texts made once per report from values that repeat across its results.

At commune scale a report has 132,000 results but only thousands of distinct entities,
files, sources, dates and words: each writer keeps what it made of them in a ``Made``,
a dict that makes a missing text on first use (``__missing__``), so that a value met
again costs one lookup in C and no Python call.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class Made(dict[K, str], Generic[K]):
    """``made[value]`` is ``make(value)``, made the first time it is asked for. Keys that
    are equal are one key (``1 == 1.0 == True``): give it values of one type."""

    def __init__(self, make: Callable[[K], str]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: K) -> str:
        text = self[key] = self._make(key)
        return text
