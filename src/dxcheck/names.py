"""How names of entities are compared: one key per name, however it was typed.

Standard library only: the selection options and the reader both use it, and
``dxcheck --version`` must not pay for the reader.
"""

from __future__ import annotations

import unicodedata

# Vietnamese tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters. Vowel marks
# (circumflex, breve, horn) are part of the letter and stay where they are.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def entity_key(text: str) -> str:
    """The key two spellings of one entity share: Unicode NFC, case and white space
    folded, and the tone mark of each syllable in one place.

    Vietnamese has two conventions for where the tone mark of ``oa``, ``oe`` and ``uy``
    goes, and both are in official use: "Khánh Hòa" and "Khánh Hoà", "Thanh Hóa" and
    "Thanh Hoá", "Thủy" and "Thuỷ". A syllable carries one tone, so moving it to the end
    of the syllable loses nothing and makes both spellings one key.
    """
    return " ".join(_tones_last(text).casefold().split())


def _tones_last(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    if _TONE_MARKS.isdisjoint(decomposed):
        return unicodedata.normalize("NFC", text)
    out: list[str] = []
    tones: list[str] = []
    for ch in decomposed:
        if ch in _TONE_MARKS:
            tones.append(ch)
        elif ch.isalpha() or unicodedata.combining(ch):
            out.append(ch)
        else:  # the end of a syllable
            out.extend(tones)
            tones.clear()
            out.append(ch)
    out.extend(tones)
    return unicodedata.normalize("NFC", "".join(out))


class _WithoutMarks(dict[int, int | None]):
    """A ``str.translate`` table that drops combining marks, filled as characters come
    (3,300 commune names are folded at each run: a table, not a test per character)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _WithoutMarks()


def fold_accents(text: str) -> str:
    """'Hà Nội' -> 'ha noi': for suggestions only, never for matching."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return decomposed.translate(_WITHOUT_MARKS).casefold()


def display_name(text: str) -> str:
    """A name as first written, for output: NFC, inner white space folded."""
    return " ".join(unicodedata.normalize("NFC", text).split())
