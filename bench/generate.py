"""Deterministic, realistic progress data for benchmarking dxcheck.

Writes, under ``bench/data/`` by default:

- ``catalog.yaml``: 40 targets (percent shares, counts in several units, two milestones),
  valid for ``dxcheck validate``;
- ``progress-<size>.csv``: exactly ``--rows`` data rows (plus the header) with the columns
  target,entity,date,value,unit,source,note;
- ``progress-<size>.meta.json``: what was generated (rows, series, seed, bytes), written
  last, so an interrupted run is never mistaken for a finished file;
- ``schema.json``: a Frictionless table schema for the same files (for the peer run).

The data: 3,300 communes ("Xã Tân Phú (Đồng Nai)", "Phường Hòa Bình (Hà Nội)", ...) in
the 34 provinces and cities, the provinces themselves and the nation (empty entity).
Every (target, entity) pair is one *series* reporting monthly at month ends between
2016-01 and 2025-12; each (target, entity, date) appears once. By default there are
min(all 133,400 pairs, rows / 36) series, each of about rows / series months (at least
three years): 2,778 series at 100k rows, 27,778 at 1M, all 133,400 (75 months) at 10M.
``--series N`` fixes the count instead (N up to 133,400, rows / N up to 120 months), to
measure memory against rows at a constant number of series. Rows are written month by
month (as monthly submissions are appended), then by target, then by entity.

Values drift realistically: shares within 0..100 with noise, counts growing by compound
monthly rates, milestones flipping from "not done" to "done". About 60 % of rows name a source (a third of those contain a comma and are quoted);
about 4 % carry a note, some with commas and double quotes.

Only ``random.Random(seed)``: the same arguments give byte-identical files. Rows are
produced and written one month at a time, so memory is the per-series state only
(about 140 MB peak with all 133,400 series), never the rows.

    python bench/generate.py --rows 1000000          # or 100k, 1m, 10m
    python bench/generate.py --rows 10m --series 83400
"""

from __future__ import annotations

import argparse
import calendar
import csv
import json
import math
import random
import sys
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = 1
DEFAULT_SEED = 20250619
DATA_DIR = Path(__file__).resolve().parent / "data"
HEADER = ("target", "entity", "date", "value", "unit", "source", "note")
MINIMAL_HEADER = ("target", "entity", "date", "value", "unit")
FIRST_YEAR = 2016
MONTHS = 120  # 2016-01 .. 2025-12: before the --as-of 2030-01-01 of the runs, and before today
MIN_MONTHS = 36  # monthly over at least three years
COMMUNES = 3300

PROVINCES = (
    # the 6 centrally governed cities and 28 provinces after the 2025 merger
    "Hà Nội",
    "Huế",
    "Hải Phòng",
    "Đà Nẵng",
    "Thành phố Hồ Chí Minh",
    "Cần Thơ",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Đồng Nai",
    "Tây Ninh",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
)
CITIES = frozenset(PROVINCES[:6])

SYLLABLES = (
    "Hòa", "Bình", "Tân", "Phú", "An", "Long", "Thạnh", "Đông", "Tây", "Nam", "Bắc", "Hưng",
    "Thịnh", "Mỹ", "Phước", "Lộc", "Quảng", "Hải", "Sơn", "Trung", "Thuận", "Vĩnh", "Khánh",
    "Đức", "Thành", "Lợi", "Xuân", "Hiệp", "Nghĩa", "Lạc", "Thủy", "Cường", "Định", "Hội",
    "Yên", "Phong", "Quang", "Minh", "Tiến", "Thắng", "Lâm", "Hồng", "Kim", "Ngọc", "Châu",
    "Điền", "Lương", "Thái", "Hậu", "Mới",
)  # fmt: skip

AGENCIES = (
    "Sở Khoa học và Công nghệ",
    "Văn phòng UBND",
    "Sở Tài chính",
    "Công an tỉnh",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
)

NOTES = (
    "ước tính, chưa chính thức",
    'số liệu "sơ bộ", sẽ cập nhật',
    "đã hợp nhất số liệu các xã sau sắp xếp, sáp nhập",
    "estimate; includes merged communes",
    'theo Kế hoạch số 02-KH/BCĐTW, "đạt" khi có xác nhận',
    "báo cáo nộp muộn",
)


@dataclass(frozen=True)
class TargetSpec:
    """One catalog target and how its values move."""

    id: str
    title: str
    category: str
    unit: str | None  # None: a milestone
    level: float
    deadline: str
    kind: str  # "share", "count" or "milestone"
    start: tuple[float, float]  # a commune's first value (counts: scaled up for provinces)
    drift: tuple[float, float]  # per month: points for shares, a growth rate for counts
    direction: str = "at_least"
    decimals: int = 1
    baseline: tuple[float, str] | None = None
    projection: str | None = None
    agency: str | None = None


T = TargetSpec
TARGETS: tuple[TargetSpec, ...] = (
    # digital government
    T("online-public-services", "Administrative procedures offered as full-process online public services",
      "digital-government", "percent", 80, "end of 2025", "share", (20, 60), (0.2, 1.2),
      baseline=(40, "2015-12-31"), agency="Ministry of Public Security"),
    T("online-applications", "Share of applications filed online", "digital-government", "percent", 50,
      "end of 2025", "share", (5, 40), (0.1, 0.9)),
    T("records-digitised", "Share of administrative records digitised", "digital-government", "percent", 90,
      "2026", "share", (10, 50), (0.3, 1.1)),
    T("e-signature-officials", "Civil servants using digital signatures", "digital-government", "percent", 100,
      "H1 2026", "share", (30, 80), (0.2, 0.8)),
    T("vneid-level2-accounts", "Residents with a level-2 electronic identity (VNeID)", "digital-government",
      "people", 10000, "end of 2025", "count", (1500, 7000), (0.005, 0.03), decimals=0,
      projection="compound", agency="Ministry of Public Security"),
    T("results-issued-online", "Procedure results issued electronically", "digital-government", "percent", 100,
      "end of 2026", "share", (20, 70), (0.1, 0.7)),
    T("late-dossiers", "Share of dossiers processed late", "digital-government", "percent", 5, "end of 2025",
      "share", (8, 30), (-0.4, -0.05), direction="at_most"),
    T("paper-documents", "Internal documents still circulated on paper", "digital-government", "percent", 10,
      "2026", "share", (20, 60), (-0.8, -0.1), direction="at_most"),
    T("shared-data-services", "Data services connected to the national data-sharing platform",
      "digital-government", "services", 40, "2027", "count", (3, 20), (0.005, 0.03), decimals=0),
    T("national-data-center", "National Data Center in operation", "digital-government", None, 1, "2025",
      "milestone", (0, 0), (0, 0), agency="Ministry of Public Security"),
    T("commune-data-portal", "Commune open-data portal published", "digital-government", None, 1, "Q4 2026",
      "milestone", (0, 0), (0, 0)),
    # digital economy
    T("digital-enterprises", "Digital technology enterprises", "digital-economy", "enterprises", 60,
      "by 2030", "count", (5, 40), (0.004, 0.02), decimals=0, projection="compound"),
    T("cashless-payments", "Share of payments made without cash", "digital-economy", "percent", 80, "2030",
      "share", (20, 60), (0.1, 0.6)),
    T("cash-payments", "Share of payments in cash", "digital-economy", "percent", 10, "2030", "share",
      (30, 70), (-0.6, -0.1), direction="at_most"),
    T("e-commerce-retail-share", "E-commerce share of retail sales", "digital-economy", "percent", 20, "2030",
      "share", (2, 12), (0.02, 0.2)),
    T("digital-economy-gdp", "Digital economy share of GRDP", "digital-economy", "percent", 30, "by 2030",
      "share", (5, 18), (0.05, 0.25), baseline=(12, "2015-12-31")),
    T("sme-digital-platforms", "SMEs using digital platforms", "digital-economy", "enterprises", 200,
      "end of 2027", "count", (20, 120), (0.003, 0.02), decimals=0),
    T("e-invoices", "Electronic invoices issued per month", "digital-economy", "invoices", 50000,
      "none", "count", (2000, 30000), (0.002, 0.02), decimals=0, projection="compound"),
    T("qr-merchants", "Merchants accepting QR payments", "digital-economy", "merchants", 500, "2026",
      "count", (20, 300), (0.005, 0.04), decimals=0),
    T("online-tax-filing", "Businesses filing taxes online", "digital-economy", "percent", 98, "end of 2025",
      "share", (70, 95), (0.02, 0.2)),
    T("online-business-registration", "Business registrations filed online", "digital-economy", "percent", 100,
      "Q2 2026", "share", (40, 85), (0.1, 0.5)),
    # digital society
    T("adults-with-bank-account", "Adults with a bank account", "digital-society", "percent", 80, "2025",
      "share", (40, 80), (0.05, 0.4)),
    T("smartphone-users", "Residents using a smartphone", "digital-society", "percent", 85, "2026", "share",
      (50, 80), (0.05, 0.35)),
    T("digital-skills-trained", "People trained in basic digital skills", "digital-society", "people", 3000,
      "end of 2026", "count", (100, 1500), (0.005, 0.04), decimals=0),
    T("community-tech-teams", "Members of community digital technology teams", "digital-society", "people", 30,
      "2025", "count", (3, 25), (0.002, 0.02), decimals=0),
    T("e-health-records", "Residents with an electronic health record", "digital-society", "percent", 90,
      "end of 2025", "share", (20, 70), (0.2, 1.0), agency="Ministry of Health"),
    T("cashless-social-payments", "Social benefits paid without cash", "digital-society", "percent", 80, "2025",
      "share", (10, 60), (0.2, 1.0)),
    T("digital-school-records", "Schools keeping digital school records", "digital-society", "schools", 10,
      "June 2026", "count", (1, 8), (0.002, 0.02), decimals=0),
    T("telemedicine-clinics", "Health stations offering telemedicine", "digital-society", "services", 5,
      "2027", "count", (1, 4), (0.002, 0.02), decimals=0),
    T("online-learning-students", "Secondary students with online learning accounts", "digital-society",
      "percent", 95, "first 6 months of 2026", "share", (40, 85), (0.1, 0.6)),
    # infrastructure
    T("fibre-households", "Households with fibre broadband", "infrastructure", "percent", 80, "2026", "share",
      (30, 75), (0.1, 0.7)),
    T("5g-population-coverage", "Population covered by 5G", "infrastructure", "percent", 99, "by 2030",
      "share", (0, 30), (0.3, 1.5)),
    T("mobile-download-speed", "Median mobile download speed", "infrastructure", "Mbps", 100, "2027", "count",
      (20, 60), (0.005, 0.025)),
    T("public-wifi-hotspots", "Public Wi-Fi hotspots", "infrastructure", "hotspots", 20, "end of 2026", "count",
      (1, 12), (0.004, 0.03), decimals=0),
    T("cloud-migrated-systems", "Information systems migrated to the government cloud", "infrastructure",
      "systems", 12, "2027", "count", (1, 8), (0.003, 0.02), decimals=0),
    T("iot-devices", "Connected sensors in public services", "infrastructure", "devices", 200, "none", "count",
      (5, 120), (0.01, 0.05), decimals=0, projection="compound"),
    # security
    T("security-incidents", "Cyber-security incidents affecting public systems", "cybersecurity",
      "incidents", 2, "2026", "count", (3, 15), (-0.03, -0.002), direction="at_most", decimals=0),
    T("systems-security-level", "Information systems approved for their security level", "cybersecurity",
      "percent", 100, "end of 2025", "share", (30, 80), (0.2, 0.9)),
    T("soc-monitored-systems", "Systems monitored by a security operations centre", "cybersecurity", "percent",
      100, "2026", "share", (20, 70), (0.2, 1.0)),
    T("phishing-reports-handled", "Phishing reports handled within 24 hours", "cybersecurity", "percent", 95,
      "Q1 2026", "share", (50, 85), (0.05, 0.5)),
)  # fmt: skip
del T


# --- entities ------------------------------------------------------------------------------


def entity_key(text: str) -> str:
    """As dxcheck matches entities: NFC, spaces folded, case folded."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def commune_names(rng: random.Random, count: int = COMMUNES) -> list[str]:
    """``count`` distinct commune names, e.g. "Xã Tân Phú (Đồng Nai)"."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        province = rng.choice(PROVINCES)
        roll = rng.random()
        if province in CITIES and roll < 0.03:
            name = f"Phường {rng.randint(1, 15)}"  # numbered wards in the big cities
        else:
            prefix = "Xã" if roll < 0.72 else ("Phường" if roll < 0.96 else "Thị trấn")
            first, second = rng.sample(SYLLABLES, 2)
            name = f"{prefix} {first} {second}"
        full = f"{name} ({province})"
        key = entity_key(full)
        if key not in seen:
            seen.add(key)
            names.append(full)
    return names


def all_entities(rng: random.Random) -> list[tuple[str, float]]:
    """(name, scale): the communes, then the provinces, then the nation ("")."""
    out = [(name, 1.0) for name in commune_names(rng)]
    out += [(province, 60.0) for province in PROVINCES]
    out.append(("", 2500.0))
    return out


# --- the catalog -----------------------------------------------------------------------------


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def catalog_yaml() -> str:
    lines = [
        "# Generated by bench/generate.py: the benchmark catalog (40 targets, 2 milestones).",
        "version: 1",
        "targets:",
    ]
    for t in TARGETS:
        lines.append(f"  - id: {t.id}")
        lines.append(f"    title: {_q(t.title)}")
        if t.agency:
            lines.append(f"    agency: {_q(t.agency)}")
        lines.append(f"    category: {t.category}")
        lines.append(f"    deadline: {_q(t.deadline)}")
        if t.kind == "milestone":
            lines.append("    type: milestone")
        else:
            lines.append(f"    target: {t.level:g}")
            if t.direction != "at_least":
                lines.append(f"    direction: {t.direction}")
            lines.append(f"    unit: {t.unit}")
            if t.baseline:
                lines.append(f"    baseline: {{value: {t.baseline[0]:g}, date: {t.baseline[1]}}}")
            if t.projection:
                lines.append(f"    projection: {t.projection}")
    return "\n".join(lines) + "\n"


def table_schema(minimal: bool = False) -> dict[str, object]:
    """A Frictionless table schema for the generated CSVs (types, a value pattern, the key)."""
    fields: list[dict[str, object]] = [
        {"name": "target", "type": "string", "constraints": {"required": True, "pattern": "[a-z0-9-]+"}},
        {"name": "entity", "type": "string"},
        {"name": "date", "type": "date", "constraints": {"required": True}},
        {
            "name": "value",
            "type": "string",
            "constraints": {
                "required": True,
                "pattern": r"-?[0-9]+(\.[0-9]+)?|done|not done|Hoàn thành|Chưa hoàn thành",
            },
        },
        {"name": "unit", "type": "string"},
    ]
    if not minimal:
        fields += [{"name": "source", "type": "string"}, {"name": "note", "type": "string"}]
    # No missing values: an empty entity is the nation, not a null in the primary key.
    return {"fields": fields, "missingValues": [], "primaryKey": ["target", "entity", "date"]}


# --- rows --------------------------------------------------------------------------------------


def month_ends() -> list[str]:
    out = []
    for i in range(MONTHS):
        year, month = FIRST_YEAR + i // 12, i % 12 + 1
        out.append(f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}")
    return out


@dataclass
class Series:
    target: TargetSpec
    entity: str
    start: int  # month index of the first row
    length: int  # months reported
    value0: float
    drift: float
    unit_text: str
    source: str
    done_at: int  # milestones: the month index from which the value is "done"
    vietnamese: bool  # milestones written "Hoàn thành" / "Chưa hoàn thành"


def plan_series(rows: int, rng: random.Random, series: int | None = None) -> tuple[list[Series], int]:
    """The series to write (sorted by target, then entity) and how many pairs there are."""
    entities = all_entities(rng)
    universe = len(TARGETS) * len(entities)
    count = series or min(universe, math.ceil(rows / MIN_MONTHS))
    if count > universe:
        raise SystemExit(f"at most {universe:,} series: {len(TARGETS)} targets x {len(entities):,} entities")
    if rows < count or rows > count * MONTHS:
        raise SystemExit(f"{count:,} series hold {count:,} to {count * MONTHS:,} rows ({MONTHS} months)")
    base, extra = divmod(rows, count)
    chosen = sorted(rng.sample(range(universe), count))
    order = list(range(count))
    rng.shuffle(order)  # which series get one month more
    longer = set(order[:extra])
    out: list[Series] = []
    for n, pair in enumerate(chosen):
        spec = TARGETS[pair // len(entities)]
        entity, scale = entities[pair % len(entities)]
        length = base + (n in longer)
        start = rng.randint(0, MONTHS - length)
        if spec.kind == "count":
            value0 = rng.uniform(*spec.start) * scale
        else:
            value0 = rng.uniform(*spec.start)
        if spec.unit == "percent":
            unit_text = rng.choice(("%", "%", "percent", ""))
        else:
            unit_text = rng.choice((spec.unit or "", spec.unit or "", ""))
        province = entity.rsplit("(", 1)[-1].rstrip(")") if "(" in entity else entity or "Trung ương"
        source = f"{rng.choice(AGENCIES)} {province}"
        out.append(
            Series(
                target=spec,
                entity=entity,
                start=start,
                length=length,
                value0=value0,
                drift=rng.uniform(*spec.drift),
                unit_text=unit_text,
                source=source,
                done_at=start + rng.randint(0, length + length // 2),
                vietnamese=rng.random() < 0.1,
            )
        )
    return out, universe


def _value(s: Series, k: int, month: int, rng: random.Random) -> str:
    spec = s.target
    if spec.kind == "milestone":
        done = month >= s.done_at
        if s.vietnamese:
            return "Hoàn thành" if done else "Chưa hoàn thành"
        return "done" if done else "not done"
    if spec.kind == "share":
        x = s.value0 + s.drift * k + rng.gauss(0.0, 1.2)
        x = min(100.0, max(0.0, x))
        return f"{x:.1f}"
    x = s.value0 * (1.0 + s.drift) ** k * (1.0 + rng.gauss(0.0, 0.02))
    x = max(0.0, x)
    return f"{x:.{spec.decimals}f}"


def rows_by_month(series: list[Series], rng: random.Random, minimal: bool) -> Iterator[list[list[str]]]:
    """One batch of rows per month, in (target, entity) order within the month."""
    dates = month_ends()
    starting: list[list[int]] = [[] for _ in range(MONTHS)]
    for i, s in enumerate(series):
        starting[s.start].append(i)
    active: list[int] = []
    for month in range(MONTHS):
        if starting[month]:
            active = sorted(active + starting[month])
        day = dates[month]
        year, mon = day[:4], int(day[5:7])
        batch: list[list[str]] = []
        still: list[int] = []
        for i in active:
            s = series[i]
            k = month - s.start
            if k >= s.length:
                continue
            still.append(i)
            value = _value(s, k, month, rng)
            if minimal:
                batch.append([s.target.id, s.entity, day, value, s.unit_text])
                continue
            roll = rng.random()
            if roll < 0.4:
                source = s.source
            elif roll < 0.6:
                source = f"Báo cáo tháng {mon}/{year}, {s.source}"
            else:
                source = ""
            note = rng.choice(NOTES) if rng.random() < 0.04 else ""
            batch.append([s.target.id, s.entity, day, value, s.unit_text, source, note])
        active = still
        if batch:
            yield batch


# --- files ---------------------------------------------------------------------------------------


def size_label(rows: int) -> str:
    for unit, suffix in ((1_000_000, "m"), (1_000, "k")):
        if rows >= unit and rows % unit == 0:
            return f"{rows // unit}{suffix}"
    return str(rows)


def parse_rows(text: str) -> int:
    t = text.strip().lower().replace("_", "").replace(",", "")
    factor = 1
    if t.endswith("k"):
        factor, t = 1_000, t[:-1]
    elif t.endswith("m"):
        factor, t = 1_000_000, t[:-1]
    value = int(float(t) * factor)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"--rows must be positive, not {text!r}")
    return value


@dataclass(frozen=True)
class DataSpec:
    """What to generate; the same spec always gives the same bytes."""

    rows: int
    series: int | None = None  # None: min(all pairs, rows / MIN_MONTHS)
    seed: int = DEFAULT_SEED
    minimal: bool = False

    @property
    def label(self) -> str:
        return size_label(self.rows) + (f"-s{size_label(self.series)}" if self.series else "")

    @property
    def stem(self) -> str:
        return f"progress-{self.label}" + ("-minimal" if self.minimal else "")

    def meta(self) -> dict[str, object]:
        return {
            "generator": GENERATOR_VERSION,
            "rows": self.rows,
            "requested_series": self.series,
            "seed": self.seed,
            "minimal": self.minimal,
        }


@dataclass(frozen=True)
class Generated:
    csv: Path
    meta: Path
    catalog: Path
    schema: Path


def paths_for(spec: DataSpec, out_dir: Path = DATA_DIR) -> Generated:
    return Generated(
        csv=out_dir / f"{spec.stem}.csv",
        meta=out_dir / f"{spec.stem}.meta.json",
        catalog=out_dir / "catalog.yaml",
        schema=out_dir / ("schema-minimal.json" if spec.minimal else "schema.json"),
    )


def is_current(spec: DataSpec, out_dir: Path = DATA_DIR) -> bool:
    """True when the CSV for this spec exists and was finished by this generator."""
    paths = paths_for(spec, out_dir)
    if not (paths.csv.is_file() and paths.meta.is_file() and paths.catalog.is_file()):
        return False
    try:
        meta = json.loads(paths.meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        all(meta.get(k) == v for k, v in spec.meta().items())
        and meta.get("bytes") == paths.csv.stat().st_size
        and paths.catalog.read_text(encoding="utf-8") == catalog_yaml()
    )


def write_support_files(out_dir: Path = DATA_DIR) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "catalog.yaml").write_text(catalog_yaml(), encoding="utf-8")
    for minimal, name in ((False, "schema.json"), (True, "schema-minimal.json")):
        text = json.dumps(table_schema(minimal), ensure_ascii=False, indent=2) + "\n"
        (out_dir / name).write_text(text, encoding="utf-8")


def generate(spec: DataSpec, out_dir: Path = DATA_DIR, verbose: bool = False) -> Generated:
    """Write the catalog, the schema and the CSV for ``spec``; returns the paths."""
    started = time.perf_counter()
    write_support_files(out_dir)
    paths = paths_for(spec, out_dir)
    rng = random.Random(spec.seed)
    series, universe = plan_series(spec.rows, rng, spec.series)
    tmp = paths.csv.with_name(paths.csv.name + ".part")
    paths.meta.unlink(missing_ok=True)
    written = 0
    with tmp.open("w", encoding="utf-8", newline="", buffering=1 << 20) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(MINIMAL_HEADER if spec.minimal else HEADER)
        for batch in rows_by_month(series, rng, spec.minimal):
            writer.writerows(batch)
            written += len(batch)
    if written != spec.rows:  # pragma: no cover - a bug in the plan, never the data
        raise RuntimeError(f"wrote {written} rows, expected {spec.rows}")
    tmp.replace(paths.csv)
    lengths = [s.length for s in series]
    meta = {
        **spec.meta(),
        "bytes": paths.csv.stat().st_size,
        "series": len(series),
        "months_per_series": [min(lengths), max(lengths)],
        "possible_series": universe,
        "targets": len(TARGETS),
        "entities": universe // len(TARGETS),
        "first_date": month_ends()[0],
        "last_date": month_ends()[-1],
        "seconds": round(time.perf_counter() - started, 1),
    }
    paths.meta.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    if verbose:
        print(
            f"{paths.csv}: {spec.rows:,} rows, {len(series):,} series of {min(lengths)}-{max(lengths)} months, "
            f"{paths.csv.stat().st_size / 2**20:,.1f} MiB, {meta['seconds']} s",
            file=sys.stderr,
        )
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--rows", type=parse_rows, required=True, help="data rows: 100000, 1m, 10m, ...")
    parser.add_argument(
        "--series",
        type=parse_rows,
        default=None,
        help=f"number of (target, entity) series; default min(all pairs, rows / {MIN_MONTHS})",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--minimal", action="store_true", help="only target,entity,date,value,unit")
    parser.add_argument("--force", action="store_true", help="rewrite even if an identical file exists")
    args = parser.parse_args(argv)
    spec = DataSpec(args.rows, args.series, args.seed, args.minimal)
    if not args.force and is_current(spec, args.out_dir):
        print(f"{paths_for(spec, args.out_dir).csv}: up to date", file=sys.stderr)
        return 0
    generate(spec, args.out_dir, verbose=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
