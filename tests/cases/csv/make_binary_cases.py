"""Write the byte-exact CSV cases of the corpus: encodings, BOMs, line endings, NFD text,
significant whitespace. Editors, git and hooks may rewrite such bytes, so they are made by
this script, deterministically, and the outputs are committed;
``tests/test_corpus.py::test_generated_cases_are_up_to_date`` checks the two agree.

    .venv/bin/python tests/cases/csv/make_binary_cases.py

Expectations for every file are in ``expectations.toml`` next to this script.
"""

from __future__ import annotations

import codecs
import unicodedata
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).parent

HANOI = "Hà Nội"
HANOI_NFD = unicodedata.normalize("NFD", HANOI)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _excel_unicode_text(rows: list[list[str]], bom: bytes, codec: str) -> bytes:
    """What Excel's "Unicode text" export writes: UTF-16 with a BOM, tabs, CRLF."""
    text = "".join("\t".join(row) + "\r\n" for row in rows)
    return bom + text.encode(codec)


def cases() -> dict[str, bytes]:
    """File name (relative to this folder) -> exact bytes."""
    header = "target,entity,date,value,unit,source\n"
    out: dict[str, bytes] = {}

    # --- good: encodings -------------------------------------------------------------
    out["good/utf8-bom.csv"] = codecs.BOM_UTF8 + _utf8(
        header + f"online-public-services,{HANOI},2025-06-01,83,percent,city report\n"
    )
    excel_rows = [
        ["target", "entity", "date", "value", "unit", "source"],
        ["online-public-services", "Đà Nẵng", "2025-06-01", "81", "percent", "Sở TT&TT, báo cáo"],
    ]
    out["good/utf16le-bom-tab.csv"] = _excel_unicode_text(excel_rows, codecs.BOM_UTF16_LE, "utf-16-le")
    excel_rows[1][1] = "Thừa Thiên Huế"
    excel_rows[1][3] = "79"
    out["good/utf16be-bom-tab.csv"] = _excel_unicode_text(excel_rows, codecs.BOM_UTF16_BE, "utf-16-be")

    # --- good: one entity typed on Windows (NFC) and on a Mac (NFD) ------------------
    out["good/entity-nfc.csv"] = _utf8(
        "target,entity,date,value\n" + f"online-public-services,{HANOI},2025-01-31,60\n"
    )
    out["good/entity-nfd.csv"] = _utf8(
        "target,entity,date,value\n" + f"online-public-services,{HANOI_NFD},2025-02-28,85\n"
    )

    # --- good: stray whitespace and case in the header, the ids and the entities ------
    out["good/whitespace-and-case.csv"] = _utf8(
        " Target ,  ENTITY ,Date , Value \n"
        " Online-Public-Services ,  HÀ   nội  , 2025-06-01 , 82 \n"
        "ONLINE-PUBLIC-SERVICES,hà nội,2025-07-01,\t83\t\n"
    )

    # --- good: line endings ------------------------------------------------------------
    crlf_rows = [
        "target,entity,date,value",
        "online-public-services,,2025-05-01,70",
        "online-public-services,,2025-06-01,81",
    ]
    out["good/crlf.csv"] = _utf8("\r\n".join(crlf_rows) + "\r\n")
    cr_rows = [*crlf_rows[:2], "online-public-services,,2025-06-01,82"]
    out["good/cr.csv"] = _utf8("\r".join(cr_rows) + "\r")
    # A quoted cell with a CRLF inside, in a CRLF file: the next row's line is still right.
    out["good/crlf-quoted-newline.csv"] = _utf8(
        "target,date,value,note\r\n"
        'online-public-services,2025-05-01,70,"first line\r\nsecond line"\r\n'
        "online-public-services,2025-06-01,86,\r\n"
    )

    # --- bad: encodings ----------------------------------------------------------------
    # "Hà Nội" in Windows-1258: à is 0xE0, ô is 0xF4 followed by the combining dot below 0xF2.
    out["bad/windows-1258.csv"] = (
        b"target,entity,date,value\n" + b"online-public-services,H\xe0 N\xf4\xf2i,2025-06-01,82\n"
    )
    out["bad/invalid-utf8.csv"] = (
        b"target,entity,date,value\n"
        + b"online-public-services,,2025-05-01,80\n"
        + b"online-public-services,Bad \xff\xfe bytes,2025-06-01,82\n"
    )
    # The start of an .xlsx workbook (a zip file): NUL bytes in the first block.
    out["bad/binary-nul.csv"] = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml\x00\x00"
    # A CSV whose NUL byte comes after the first 64 KiB (the part the encoding sniffer
    # reads): binary all the same, found by the row loop at its line and column.
    first = date(2018, 1, 1)
    rows = "".join(
        f"online-public-services,,{(first + timedelta(days=i)).isoformat()},80\n" for i in range(2000)
    )
    out["bad/nul-after-64k.csv"] = _utf8(
        "target,entity,date,value\n" + rows + "online-public-services,Hà\x00Nội,2025-07-01,80\n"
    )
    # UTF-16 with a BOM, cut off in the middle of a character (an odd number of bytes).
    out["bad/utf16-truncated.csv"] = (
        codecs.BOM_UTF16_LE
        + "target\tdate\tvalue\r\nonline-public-services\t2025-06-01\t82\r\n".encode("utf-16-le")
        + b"o"
    )
    # Duplicate rows, then a bad byte past the first 8 KiB the decoder reads at once:
    # the second pass that names duplicate lines meets the bad byte too.
    rows = "".join("online-public-services,,2025-06-01,82\n" for _ in range(300))
    out["bad/duplicate-then-invalid-utf8.csv"] = (
        _utf8("target,entity,date,value\n" + rows) + b"online-public-services,H\xe0,2025-06-02,82\n"
    )
    return out


def main() -> None:
    for name, data in cases().items():
        path = HERE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(HERE)} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
