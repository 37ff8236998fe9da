"""The languages dxcheck writes in, and texts that can be written in either.

A finding's message comes from its code's template (``findings.Code``); its hint, and
the parts of a message that dxcheck itself fills in (a reason, "line 3"), are ``Msg``
values: an English template and its fields, rendered in the language asked for only
when shown. The English template is also the key of its translation
(``messages_vi.TEXTS``), so a text cannot be translated under a stale key, and a test
reads every ``msg(...)`` in the source to check that each has one.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


class Lang(enum.StrEnum):
    """The language of what dxcheck writes for people (``--lang``)."""

    EN = "en"
    VI = "vi"


@dataclass(frozen=True, slots=True)
class Msg:
    """A text dxcheck writes: its English ``str.format`` template and its fields. A field
    may itself be a ``Msg`` (rendered in the same language); ``str()`` is the English."""

    template: str
    args: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.text(Lang.EN)

    def text(self, lang: Lang | str = Lang.EN) -> str:
        return translate(self.template, lang).format(**fields_in(self.args, lang))


def msg(template: str, /, **args: object) -> Msg:
    """A ``Msg``. Write the template as a literal: tests/test_i18n.py finds every call in
    the source and checks that its template has a translation."""
    return Msg(template, args)


def joined(parts: Sequence[str | Msg], separator: str) -> Msg:
    """Parts, each in the reader's language, joined by a mark that needs no translation."""
    args = {f"p{i}": part for i, part in enumerate(parts)}
    return Msg(separator.join(f"{{p{i}}}" for i in range(len(parts))), args)


def translate(template: str, lang: Lang | str) -> str:
    """The template in ``lang``; the English one when it has no translation (a test keeps
    that from happening to a text dxcheck writes)."""
    if lang != Lang.VI:
        return template
    from dxcheck.messages_vi import TEXTS  # only when Vietnamese is asked for

    return TEXTS.get(template, template)


def fields_in(args: Mapping[str, object], lang: Lang | str) -> dict[str, object]:
    """Template fields with every ``Msg`` among them rendered in ``lang``."""
    return {key: value.text(lang) if isinstance(value, Msg) else value for key, value in args.items()}


def text_in(value: str | Msg | None, lang: Lang | str) -> str | None:
    """A text that may be translatable, in ``lang`` (a plain ``str`` is shown as it is)."""
    if value is None or isinstance(value, str):
        return value
    return value.text(lang)
