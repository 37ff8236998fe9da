"""The columns of a progress CSV (the public contract) and the reader's limits."""

from __future__ import annotations

from typing_extensions import TypedDict


class _RequiredCells(TypedDict):
    target: str
    date: str
    value: str


class ProgressRow(_RequiredCells, total=False):
    """One row of a progress CSV, as written (the public contract; ``dxcheck schema
    progress`` publishes it). Cells are text; ``value`` is a number for a numeric target
    and ``done``/``not done`` for a milestone; a blank ``entity`` is the whole country."""

    entity: str
    unit: str
    source: str
    note: str
    reported: str  # the day the figure was sent (dxcheck coverage: after the due date is late)


# The order a template writes; the reader accepts any order.
COLUMNS: tuple[str, ...] = ("target", "entity", "date", "value", "unit", "source", "note", "reported")
REQUIRED: tuple[str, ...] = tuple(c for c in COLUMNS if c in ProgressRow.__required_keys__)
# Other names for the columns, as header names are compared: case folded, spaces as "_",
# and without accents, so that "Mã chỉ tiêu", "MA CHI TIEU" and "ma_chi_tieu" are one name.
# Vietnamese: "đơn vị" is the reporting unit (the entity), "đơn vị tính" the unit of measure.
HEADER_ALIASES = {
    "target_id": "target",
    "indicator": "target",
    "ma_chi_tieu": "target",
    "chi_tieu": "target",
    "don_vi": "entity",
    "dia_phuong": "entity",
    "ngay": "date",
    "gia_tri": "value",
    "don_vi_tinh": "unit",
    "nguon": "source",
    "ghi_chu": "note",
    "ngay_bao_cao": "reported",
}
FIELD_SIZE_LIMIT = 64 * 1024
# Lines are read at most this long: a 1 GB line arrives in pieces, so memory stays bounded
# (the pieces then fail as rows or hit the field limit, and the file is reported).
LINE_LIMIT = FIELD_SIZE_LIMIT + 1024
SNIFF_BYTES = 64 * 1024
