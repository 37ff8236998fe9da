"""``dxcheck explain``: the finding codes in words, from ``codes.EXPLANATIONS`` (English)
and ``explain_vi`` (``--lang vi``).

``listing`` is every code on one line each, ``explanation`` one code in full (what it
means, an example and what dxcheck says about it, what to do), ``markdown_table`` the
README's table (between its ``codes:start`` and ``codes:end`` markers; the README's is
the English one).
"""

from __future__ import annotations

import textwrap

from dxcheck.codes import EXPLANATIONS, Example
from dxcheck.explain_vi import EXPLANATIONS as EXPLANATIONS_VI
from dxcheck.explain_vi import PAGE as PAGE_VI
from dxcheck.explain_vi import CodeText
from dxcheck.findings import Code, did_you_mean
from dxcheck.i18n import Lang, Msg, msg
from dxcheck.messages_vi import LABELS

WIDTH = 88

# The page's own words; explain_vi.PAGE has the same keys.
PAGE_EN: dict[str, str] = {
    "example": "Example:",
    "what_to_do": "What to do: {fix}.",
    "saved_as": " (saved as {encoding})",
    "repeat": "... the last line {count} more times",
    "empty": "(empty)",
    "footer": "dxcheck explain CODE says more about one.",
    "table_head": "| code | severity | meaning | what to do |",
}


def _page(key: str, lang: str, **args: object) -> str:
    return (PAGE_VI if lang == Lang.VI else PAGE_EN)[key].format(**args)


def texts(code: Code, lang: str = Lang.EN) -> CodeText:
    """What ``code`` means, its details, its fix and what its example says, in ``lang``."""
    if lang == Lang.VI:
        return EXPLANATIONS_VI[code]
    known = EXPLANATIONS[code]
    return CodeText(known.meaning, known.details, known.fix, known.example.says)


def severity_text(code: Code, lang: str = Lang.EN) -> str:
    """``error``, ``warning`` or ``warning/error``, in the words findings print (vi: ``lỗi``)."""
    words = EXPLANATIONS[code].severity or code.severity.value
    if lang != Lang.VI:
        return words
    return "/".join(LABELS[word] for word in words.split("/"))


def example_command(example: Example, lang: str = Lang.EN) -> str:
    """The example's command as run in ``lang``. ``dxcheck config`` has no ``--lang``: a
    configuration's findings are said before any command reads its options, in the
    language DXCHECK_LANG names."""
    if lang == Lang.EN:
        return example.command
    if example.command.split()[:2] == ["dxcheck", "config"]:
        return f"DXCHECK_LANG={lang} {example.command}"
    return f"{example.command} --lang {lang}"


def find(word: str) -> Code | None:
    """The code ``word`` names: ``DX213``, ``dx213`` or ``213``."""
    text = word.strip().upper()
    if text.isdigit():
        text = "DX" + text
    return next((c for c in Code if c.id == text), None)


def suggest(word: str) -> Msg:
    close = did_you_mean(word.strip().upper(), [c.id for c in Code])
    return msg("did you mean {code}?", code=close) if close else msg("run 'dxcheck explain' for the list")


def markdown_table(lang: str = Lang.EN) -> str:
    lines = [_page("table_head", lang), "|---|---|---|---|"]
    for code in Code:
        known = texts(code, lang)
        lines.append(f"| {code.id} | {severity_text(code, lang)} | {known.meaning} | {known.fix} |")
    return "\n".join(lines) + "\n"


def listing(lang: str = Lang.EN) -> str:
    width = max(len(severity_text(c, lang)) for c in Code)
    lines = [f"{c.id}  {severity_text(c, lang):<{width}}  {texts(c, lang).meaning}" for c in Code]
    return "\n".join(lines) + "\n" + _page("footer", lang) + "\n"


def example_files(example: Example) -> list[tuple[str, bytes]]:
    """The example's files as bytes, as the example says to write them."""
    out: list[tuple[str, bytes]] = []
    for number, (name, text) in enumerate(example.files, start=1):
        if number == len(example.files) and example.repeat:
            text += text.splitlines(keepends=True)[-1] * example.repeat
        out.append((name, text.encode(example.encoding)))
    return out


def _example(example: Example, says: str, lang: str) -> list[str]:
    lines: list[str] = []
    for number, (name, text) in enumerate(example.files, start=1):
        saved = _page("saved_as", lang, encoding=example.encoding) if example.encoding != "utf-8" else ""
        lines.append(f"  {name}{saved}:")
        lines += [f"    {line}" for line in text.splitlines()] or [f"    {_page('empty', lang)}"]
        if number == len(example.files) and example.repeat:
            lines.append(f"    {_page('repeat', lang, count=example.repeat)}")
        lines.append("")
    lines += [f"  $ {example_command(example, lang)}", f"  {says}"]
    return lines


def explanation(code: Code, width: int = WIDTH, lang: str = Lang.EN) -> str:
    """One code in full; prose wrapped to ``width`` (the terminal's, at most WIDTH), while
    the example's file lines and dxcheck's message stay whole, as they are written."""
    known = texts(code, lang)
    width = max(40, min(width, WIDTH))
    lines = [*textwrap.wrap(f"{code.id} ({severity_text(code, lang)}): {known.meaning}", width), ""]
    lines += textwrap.wrap(known.details, width)
    lines += ["", _page("example", lang), *_example(EXPLANATIONS[code].example, known.says, lang), ""]
    lines += textwrap.wrap(_page("what_to_do", lang, fix=known.fix), width)
    return "\n".join(lines) + "\n"
