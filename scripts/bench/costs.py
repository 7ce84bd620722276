"""What each kind of file costs in a built site (issue 22): count, raw bytes, gzip bytes, shares.

A national site is paid for in bytes and files (a static host's limits per
shard, site/shards.json), so this walks a built site and sorts every file into
a kind: HTML pages by page kind, the embed cards, API JSON and CSV per row
kind, the API's own index files, downloads per format, search indexes, share
pictures, assets, the rest. For each kind: files, raw bytes, gzip bytes (as a
server sends text; pictures and archives are counted as they are), and its
share of the whole site; and for each shard of site/shards.json the share of
each group of kinds.

Within HTML it splits a sample of pages of each kind (SAMPLE, spread evenly
over the kind's sorted paths) into the page's own content (Material's
<article>) and the shared chrome around it: head (meta tags, CSP, links,
title), inline scripts and styles, inline SVG icons, header, navigation
(tabs, menu, table of contents), footer, the rest of the frame, and how many
of those bytes are whitespace between tags that a browser collapses anyway.
The sample's mean per page times the kind's pages is an estimate, said so in
the report. gzip of a part is marginal: the page's gzip bytes minus those of
the page without that part.

`python -m bench.costs SITE` prints the tables for any built site (the 553×
site of a finished build, a copy of it); `make bench` measures every scale.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kinerja import paths
from kinerja.outputs import deploy
from kinerja.outputs import shards as shards_module

from .tables import format_table, markdown_table
from .units import num
from .weight import compressible, gzip_size

#: Pages of each HTML kind whose chrome is taken apart (the rest are counted whole).
SAMPLE = 40
MB = 1000 * 1000  # decimal, as the hosts' limits (shards.MAX_BYTES)

_ROW_KINDS = ("indikator", "sasaran", "program", "dokumen")
_ROW_API = re.compile(r"^api/v1/(?P<kind>[a-z]+)/[^/]+\.(?P<ext>json|csv)$")
_DOWNLOAD_FOLDERS = ("berkas/", "data/")
_FORMATS = {
    ".csv": "CSV", ".json": "JSON", ".xlsx": "XLSX", ".sqlite": "SQLite", ".zip": "ZIP", ".xml": "XML (Atom)",
    ".yml": "YAML", ".txt": "teks sumber", "": "SHA256SUMS",
}  # fmt: skip
#: Groups of kinds for the table per shard, in its column order.
GROUPS = ("Halaman HTML", "Kartu sematan", "API", "Unduhan", "Indeks cari", "Gambar bagikan", "Aset", "Lain")


def kind_of(path: str) -> tuple[str, str]:
    """(group, kind) of one file of the site, from its path under site/ with '/'."""
    name = path.rsplit("/", 1)[-1]
    if name == "bagikan.png":
        return "Gambar bagikan", "Gambar bagikan (PNG)"
    if name == "sematkan.html":
        return "Kartu sematan", "Kartu sematan (HTML)"
    if path.endswith(".html"):
        return "Halaman HTML", "HTML: " + _page_kind(path)
    row = _ROW_API.match(path)
    if row:
        return "API", f"API {row['ext'].upper()} per {row['kind']}"
    if path.startswith("api/"):
        return "API", "API: indeks, manifes, OpenAPI, DCAT"
    if path.startswith("cari/indeks/"):
        return "Indeks cari", "Indeks cari"
    if path.startswith("assets/"):
        return "Aset", "Aset (CSS, JS, ikon, peta sumber)"
    if path.startswith(_DOWNLOAD_FOLDERS) or path == "datapackage.json":
        office = "/kantor/" in f"/{path}"
        suffix = Path(name).suffix.lower()
        label = _FORMATS.get(suffix, suffix.lstrip(".").upper())
        return "Unduhan", f"Unduhan {label}" + (" per kantor" if office else "")
    return "Lain", "Lain (sitemap, feed, robots, shards.json)"


def _page_kind(path: str) -> str:
    parts = path.split("/")
    if parts[0] == "kinerja" and len(parts) == 4 and parts[1] in _ROW_KINDS:
        return f"halaman {parts[1]}"
    if parts[0] == "kinerja" and len(parts) >= 4 and parts[1] == "kantor":
        return "halaman kantor"
    if parts[0] == "kinerja" and len(parts) >= 4 and parts[1] == "banding":
        return "banding"
    return "daftar dan halaman lain"


@dataclass
class Cost:
    """What one kind of file (or one part of HTML pages) costs: files, raw and gzip bytes."""

    kind: str
    files: int = 0
    raw: int = 0
    gz: int = 0
    #: For a part of HTML pages: bytes of whitespace between tags (runs with a newline, less one byte).
    space: int = 0


@dataclass
class ShardCost:
    """One shard of site/shards.json: its files and raw bytes, and raw bytes per group."""

    name: str
    files: int = 0
    raw: int = 0
    groups: Counter[str] = field(default_factory=Counter)


@dataclass
class SiteCosts:
    """Everything costs.measure found in one built site."""

    kinds: list[Cost]
    #: Per HTML page kind: the chrome parts of its sampled pages, scaled to all its pages.
    chrome: dict[str, list[Cost]]
    shards: list[ShardCost]
    sampled: dict[str, int]

    @property
    def total(self) -> Cost:
        """The whole site."""
        return Cost(
            "Seluruh situs",
            sum(c.files for c in self.kinds),
            sum(c.raw for c in self.kinds),
            sum(c.gz for c in self.kinds),
        )


def _prefixes(site: Path) -> shards_module.PrefixTable:
    """The site's shards.json as a prefix table (one shard '' named 'situs' when there is none)."""
    if not (site / paths.SHARDS).is_file():
        return shards_module.PrefixTable({"": "situs"})
    return shards_module.prefix_table(deploy.read_shards(site))


def measure(site: Path, sample: int = SAMPLE) -> SiteCosts:
    """Walk `site` once: every file's kind, raw and gzip bytes; chrome on a sample of each page kind."""
    kinds: dict[str, Cost] = {}
    prefixes = _prefixes(site)
    shards: dict[str, ShardCost] = {}
    pages: dict[str, list[Path]] = defaultdict(list)
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        path = file.relative_to(site).as_posix()
        group, kind = kind_of(path)
        data = file.read_bytes()
        cost = kinds.setdefault(kind, Cost(kind))
        cost.files += 1
        cost.raw += len(data)
        cost.gz += gzip_size(data) if compressible(path) else len(data)
        shard = shards_module.shard_of(path, prefixes) or ""
        entry = shards.setdefault(shard, ShardCost(shard))
        entry.files += 1
        entry.raw += len(data)
        entry.groups[group] += len(data)
        if path.endswith(".html"):
            pages[kind].append(file)
    chrome: dict[str, list[Cost]] = {}
    sampled: dict[str, int] = {}
    for kind, files in pages.items():
        step = max(1, len(files) // sample)
        chosen = files[::step][:sample]
        sampled[kind] = len(chosen)
        chrome[kind] = _scaled(_chrome_of(chosen), len(files), len(chosen))
    ordered = sorted(kinds.values(), key=lambda c: -c.raw)
    return SiteCosts(ordered, chrome, sorted(shards.values(), key=lambda s: s.name), sampled)


def _scaled(parts: list[Cost], count: int, sampled: int) -> list[Cost]:
    factor = count / sampled
    return [
        Cost(p.kind, count, round(p.raw * factor), round(p.gz * factor), round(p.space * factor))
        for p in parts
    ]


#: Parts of a page, in the order a byte is given to the first that holds it.
PARTS = (
    "Isi halaman (<article>)",
    "Skrip dan gaya sisipan",
    "Ikon SVG sisipan",
    "Kepala dokumen (meta, CSP, tautan, judul)",
    "Navigasi (tab, menu, daftar isi)",
    "Kepala dan kaki halaman (header, footer)",
    "Kerangka lain",
)
_INLINE = re.compile(r"<(script|style)\b(?![^>]*\bsrc=)[^>]*>.*?</\1>", re.S)
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_SPACE = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")
_RUN = re.compile(rb"(.)\1*", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")


def _element(page: str, start: int) -> tuple[int, int] | None:
    """The span of the element whose start tag begins at `start`, counting nested tags of its name."""
    if start < 0:
        return None
    first = _TAG.match(page, start)
    if first is None:
        return None
    name, depth = first[2].lower(), 0
    for tag in _TAG.finditer(page, start):
        if tag[2].lower() != name or tag[3]:
            continue
        depth += -1 if tag[1] else 1
        if depth == 0:
            return start, tag.end()
    return start, len(page)


def _spans(page: str) -> dict[int, list[tuple[int, int]]]:
    """For each part (its index in PARTS) the spans of the page that belong to it."""
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)

    def add(part: int, span: tuple[int, int] | None) -> None:
        if span is not None:
            found[part].append(span)

    add(0, _element(page, page.find("<article")))
    found[1] += [m.span() for m in _INLINE.finditer(page)]
    found[2] += [m.span() for m in _SVG.finditer(page)]
    head = page.find("<head")
    add(3, (head, page.find("</head>") + len("</head>")) if head >= 0 else None)
    add(4, _element(page, page.find('<nav class="md-tabs"')))
    for match in re.finditer(r'<div class="md-sidebar\b', page):
        add(4, _element(page, match.start()))
    add(5, _element(page, page.find("<header")))
    add(5, _element(page, page.find("<footer")))
    return found


def _chrome_of(files: Iterable[Path]) -> list[Cost]:
    parts = [Cost(name) for name in PARTS]
    for file in files:
        page = file.read_text(encoding="utf-8")
        owner = bytearray([len(PARTS) - 1]) * len(page)
        spans = _spans(page)
        for part in sorted(spans, reverse=True):  # later parts first: an earlier part wins a byte
            for start, end in spans[part]:
                owner[start:end] = bytes([part]) * (end - start)
        runs = [(m.start(), m.end(), owner[m.start()]) for m in _RUN.finditer(owner)]
        whole = gzip_size(page.encode("utf-8"))
        for match in _SPACE.finditer(page):
            parts[owner[match.start()]].space += match.end() - match.start() - 1
        for index, cost in enumerate(parts):
            mine = "".join(page[s:e] for s, e, o in runs if o == index).encode("utf-8")
            if not mine:
                continue
            kept = "".join(page[s:e] for s, e, o in runs if o != index).encode("utf-8")
            cost.raw += len(mine)
            cost.gz += whole - gzip_size(kept)
    return parts


KIND_HEADERS = [
    "Jenis berkas",
    "Berkas",
    "Mentah MB",
    "gzip MB",
    "Bagian situs (mentah)",
    "Mentah per berkas KB",
]
CHROME_HEADERS = [
    "Jenis halaman", "Bagian", "Mentah MB", "gzip MB (marginal)", "Bagian HTML jenis ini",
    "Spasi antar-tag MB",
]  # fmt: skip


def _mb(size: float, digits: int = 1) -> str:
    return num(size / MB, digits)


def _digits(costs: SiteCosts) -> int:
    """Decimals of MB in the tables: three for a small site (1×), where 0,1 MB would hide every kind."""
    return 3 if costs.total.raw < 100 * MB else 1


def _share(part: float, whole: float) -> str:
    return f"{num(100 * part / whole)} %" if whole else "—"


def kind_rows(costs: SiteCosts) -> list[list[str]]:
    """One row per kind of file, largest first, and the whole site last."""
    total, digits = costs.total, _digits(costs)
    rows = [
        [c.kind, f"{c.files:,}".replace(",", "."), _mb(c.raw, digits), _mb(c.gz, digits),
         _share(c.raw, total.raw), num(c.raw / c.files / 1024) if c.files else "—"]
        for c in [*costs.kinds, total]
    ]  # fmt: skip
    return rows


def chrome_rows(costs: SiteCosts) -> list[list[str]]:
    """Per HTML kind (largest first): its content and each part of its chrome, estimated from a sample."""
    rows, digits = [], _digits(costs)
    raw_of = {c.kind: c.raw for c in costs.kinds}
    for kind in sorted(costs.chrome, key=lambda k: -raw_of.get(k, 0)):
        for part in costs.chrome[kind]:
            if part.raw:
                rows.append(
                    [kind, part.kind, _mb(part.raw, digits), _mb(part.gz, digits),
                     _share(part.raw, raw_of.get(kind, 0)), _mb(part.space, digits)]
                )  # fmt: skip
    return rows


def shard_headers() -> list[str]:
    """Columns of the table per shard: its size, then each group's share of it."""
    return ["Shard", "Berkas", "Mentah MB", *GROUPS]


def shard_rows(costs: SiteCosts) -> list[list[str]]:
    """One row per shard: files, raw MB, and the share of each group of kinds in its raw bytes."""
    return [
        [s.name or "(tanpa shard)", f"{s.files:,}".replace(",", "."), _mb(s.raw, _digits(costs)),
         *(_share(s.groups[g], s.raw) for g in GROUPS)]
        for s in costs.shards
    ]  # fmt: skip


def section(measured: dict[int, SiteCosts], level: str = "##") -> list[str]:
    """The report's section: per scale, the costs per kind, the chrome of HTML pages, the shards."""
    out = [
        f"{level} 6. Biaya per jenis berkas",
        "",
        "Setiap berkas situs yang dibangun digolongkan menurut jenisnya (`scripts/bench/costs.py`): "
        "*Mentah* = bita di disk (yang dihitung host dan batas shard), *gzip* = bita terkirim bila server "
        "memampatkan teks (gambar dan arsip apa adanya). 1 MB = 1.000.000 bita (seperti batas host). "
        "*Bagian* HTML diukur pada contoh halaman setiap jenis (paling banyak "
        f"{SAMPLE}, tersebar rata), dikalikan jumlah halamannya: perkiraan. gzip suatu bagian = gzip halaman "
        "dikurangi gzip halaman tanpa bagian itu. *Spasi antar-tag* = spasi dan baris baru yang dilipat "
        "peramban menjadi satu.",
        "",
    ]
    for factor, costs in sorted(measured.items()):
        out += [
            f"{level}# {factor}×",
            "",
            markdown_table(KIND_HEADERS, kind_rows(costs)),
            "",
            markdown_table(CHROME_HEADERS, chrome_rows(costs)),
            "",
            markdown_table(shard_headers(), shard_rows(costs)),
            "",
        ]
    return out


def print_costs(costs: SiteCosts) -> None:
    """The three tables to the terminal."""
    print(format_table(KIND_HEADERS, kind_rows(costs)))
    print()
    print(format_table(CHROME_HEADERS, chrome_rows(costs)))
    print()
    print(format_table(shard_headers(), shard_rows(costs)))


def main(argv: Sequence[str]) -> int:
    """`python -m bench.costs SITE [--markdown]`: the tables for one built site."""
    if not argv or not Path(argv[0]).is_dir():
        print("Pakai: python -m bench.costs FOLDER_SITUS [--markdown]", file=sys.stderr)
        return 2
    costs = measure(Path(argv[0]))
    if "--markdown" in argv:
        print("\n".join(section({0: costs})))
    else:
        print_costs(costs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
