"""The report: tables for the terminal and docs/benchmarks.md, in Indonesian.

The part of docs/benchmarks.md above HAND_MARK is rewritten by every run;
what is written by hand below it is kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import cari, compare, costs
from .bare import SideBySide
from .lighthouse import Lighthouse
from .scale import ScaleRun
from .settings import FIRST_QUERY_LIMITS, GZIP_LEVEL, RATIO_GOAL
from .tables import (
    BARE_HEADERS,
    LIGHTHOUSE_HEADERS,
    SCALE_HEADERS,
    WEIGHT_HEADERS,
    ZENSICAL_HEADERS,
    bare_rows,
    bare_verdict,
    format_table,
    lighthouse_rows,
    markdown_table,
    scale_notes,
    scale_rows,
    weight_rows,
    weight_verdicts,
    zensical_rows,
)
from .units import KB, kb, num
from .weight import PageWeight
from .zensical import ZensicalRun

REPORT = Path("docs") / "benchmarks.md"
#: Everything after this line of docs/benchmarks.md is written by hand and kept by every run.
#: Missed queries named in a search note; the rest are counted.
MISSES_SHOWN = 5
HAND_MARK = "<!-- catatan-tangan: bagian di bawah baris ini ditulis tangan dan dipertahankan oleh bench -->"


@dataclass
class Findings:
    """Everything one run measured, as the report shows it."""

    facts: Sequence[tuple[str, str]]
    #: The first visit of each page type, per scale (number of offices).
    weights: dict[int, list[PageWeight]] = field(default_factory=dict)
    #: Lighthouse per page type at 1×.
    lights: Mapping[str, Lighthouse] = field(default_factory=dict)
    bare: SideBySide | None = None
    search: list[cari.EngineRun] = field(default_factory=list)
    runs: Sequence[ScaleRun] = ()
    #: Zensical's build per scale factor, for the scales where it ran.
    zensical: dict[int, ZensicalRun] = field(default_factory=dict)
    #: What each kind of file costs, per scale (costs.py).
    site_costs: dict[int, costs.SiteCosts] = field(default_factory=dict)
    #: The 1× build of an earlier commit beside the current tree's (--banding).
    comparison: compare.Comparison | None = None

    @property
    def comparison_only(self) -> bool:
        """Whether the run measured only the side-by-side build (--hanya-banding)."""
        return self.comparison is not None and not self.runs and not self.weights


def search_notes(results: Sequence[cari.EngineRun]) -> list[str]:
    """Verdicts in words: nothing before a query, the first query within its limit, and the misses."""
    notes = []
    for r in results:
        factor = int(r.scale.split("×")[0])
        limit = FIRST_QUERY_LIMITS.get(factor)
        biggest = r.maximum()
        line = f"{r.scale} {r.engine}: sebelum mencari {kb(r.before)} KB" + (
            " (tidak ada yang dimuat: tercapai)" if not r.before else " (TIDAK tercapai)"
        )
        if biggest and limit:
            verdict = "tercapai" if biggest.wire <= limit else "TIDAK tercapai"
            line += f"; kueri pertama terberat {kb(biggest.wire)} KB (batas {limit // KB} KB: {verdict})"
        if r.hits is not None:
            line += f"; mutu {r.hits}/{r.total}"
        notes.append(line + ".")
        if r.misses:
            shown = "; ".join(r.misses[:MISSES_SHOWN])
            more = len(r.misses) - MISSES_SHOWN
            notes.append(
                f"{r.scale} {r.engine} meleset: {shown}" + (f"; dan {more} kueri lain." if more > 0 else ".")
            )
    return notes


def print_report(findings: Findings) -> None:
    """All tables to the terminal, for whoever ran the benchmark."""
    print("\n== Mesin ==")
    print(format_table(["Unsur", "Nilai"], findings.facts))
    if findings.weights:
        print(f"\n== Berat muat pertama per jenis halaman (gzip level {GZIP_LEVEL}) ==")
        print(format_table(WEIGHT_HEADERS, weight_rows(findings.weights)))
        for note in weight_verdicts(findings.weights):
            print(f"- {note}")
    if findings.lights:
        print("\n== Lighthouse per jenis halaman (1×, preset seluler) ==")
        print(format_table(LIGHTHOUSE_HEADERS, lighthouse_rows(findings.lights)))
    if findings.bare:
        print("\n== Halaman indikator di samping Material polos (1×) ==")
        print(format_table(BARE_HEADERS, bare_rows(findings.bare)))
        print(bare_verdict(findings.bare))
    if findings.runs:
        print("\n== Skala pembangunan ==")
        print(format_table(SCALE_HEADERS, scale_rows(findings.runs)))
        for note in scale_notes(findings.runs):
            print(f"- {note}")
    if findings.search:
        print("\n== Pencarian ==")
        print(cari.table(findings.search))
        for note in search_notes(findings.search):
            print(f"- {note}")
    z = zensical_rows(findings.runs, findings.zensical)
    if z:
        print("\n== Zensical di samping MkDocs ==")
        print(format_table(ZENSICAL_HEADERS, z))
    for factor, measured in sorted(findings.site_costs.items()):
        print(f"\n== Biaya per jenis berkas ({factor}×) ==")
        costs.print_costs(measured)
    if findings.comparison:
        print("\n== Waktu bangun 1× berdampingan dengan komit lain ==")
        print(format_table(compare.ROUND_HEADERS, compare.round_rows(findings.comparison)))
        print(format_table(compare.SUMMARY_HEADERS, compare.summary_rows(findings.comparison)))
        for note in compare.notes(findings.comparison):
            print(f"- {note}")


def _hand_notes(path: Path) -> str:
    """What is written by hand below HAND_MARK in the report, to be kept."""
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8")
    return text.split(HAND_MARK, 1)[1].strip("\n") if HAND_MARK in text else ""


def _weights_section(findings: Findings) -> list[str]:
    out = [
        "## 1. Berat muat pertama per jenis halaman",
        "",
        "Setiap situs yang dibangun dilayani di 127.0.0.1 oleh server berulir kecil yang memampatkan teks "
        f"dengan gzip level {GZIP_LEVEL} (seperti server web umum); setiap halaman dimuat sekali dalam "
        "konteks Chromium baru (tanpa cache, ponsel 360×740, sentuh) sampai jaringan diam, dan server "
        "mencatat setiap permintaan dan bita yang dikirim. Contohnya baris pertama setiap jenis; "
        "*HTML terbesar* adalah halaman dengan HTML terkompresi terbesar di seluruh situs pada skala itu. "
        "Kolom *Indeks cari* harus 0: indeks baru dimuat pada kueri pertama (bagian 3). 1 KB = 1024 bita.",
        "",
        markdown_table(WEIGHT_HEADERS, weight_rows(findings.weights)),
        "",
    ]
    out += [f"- {note}" for note in weight_verdicts(findings.weights)] + [""]
    if findings.lights:
        version = next((x.version for x in findings.lights.values() if x.version), "12")
        out += [
            "### Lighthouse pada setiap jenis halaman (1×)",
            "",
            f"Lighthouse {version} (`npx --yes lighthouse@12`, preset seluler bawaan dengan pelambatan "
            "simulasi, Chromium Debian tanpa kepala), lewat server gzip yang sama:",
            "",
            markdown_table(LIGHTHOUSE_HEADERS, lighthouse_rows(findings.lights)),
            "",
        ]
        failing = [f"{label}: {item}" for label, x in findings.lights.items() for item in x.failing]
        if failing:
            out += ["Audit berbobot dengan skor di bawah 0,9:", ""] + [f"- {f}" for f in failing] + [""]
    if findings.bare:
        out += [
            "### Halaman indikator di samping Material polos (1×)",
            "",
            "Konten yang sama dibangun dalam putaran yang sama dengan Material saja (tema, bahasa, ekstensi "
            "Markdown, makro, navigasi, dan pencarian bawaan Material; tanpa CSS/JS, override dan CSP "
            "situs ini: `scripts/bench/bare.py`). Keduanya diukur dengan gzip dan tanpa kompresi; "
            "FCP adalah median tiga putaran Lighthouse per situs.",
            "",
            markdown_table(BARE_HEADERS, bare_rows(findings.bare)),
            "",
            bare_verdict(findings.bare),
            "",
        ]
    return out


def _scale_section(findings: Findings) -> list[str]:
    out = [
        "## 2. Skala pembangunan",
        "",
        "Paket sintetis dibuat oleh `scripts/bench/synthetic.py`: paket nyata ditambah N−1 kantor "
        "yang menerbitkan dokumen yang sama dengan kode kantornya sendiri (IK24-S07 → IK24-6472-S07). "
        "Kantor ke-2 sampai ke-11 memakai nama dan kode wilayah nyata (sepuluh kabupaten/kota Kalimantan "
        "Timur dan KPU RI, namanya diberi akhiran `(sintetis)`), sisanya provinsi dan kabupaten "
        "sintetis dengan kode yang tidak dipakai Kemendagri. Paket ini hanya ditulis ke salinan proyek "
        "lengkap di `.bench/`, tidak pernah ke `data/`; skema terbitan tidak punya kolom untuknya dan "
        "pipeline memeriksa serta membangunnya seperti paket lain (teks sumber setiap salinan ikut "
        "diperiksa).",
        "",
        "*Total* adalah waktu dinding `python -m kinerja build` yang sebenarnya (termasuk memulai Python); "
        "tahapnya diukur dengan membungkus fungsi yang dipanggil pipeline. *Generasi* = membaca model + "
        "menulis halaman dan unduhan; *Pascaproses* = semua sesudah MkDocs (indeks cari, salin paket, "
        "periksa berkas, CSP, publikasi atomik). *MkDocs polos* = `mkdocs build --strict` atas konten yang "
        f"sudah dibuat. *Rasio* = total / MkDocs polos (sasaran ≤ {num(RATIO_GOAL)}). *Ulang* = berapa "
        "kali dibangun; yang tercepat dicatat. *ms/halaman* = total / jumlah halaman HTML. *RAM puncak* = "
        "resident set size terbesar proses pembangunan dan anaknya.",
        "",
        markdown_table(SCALE_HEADERS, scale_rows(findings.runs)),
        "",
    ]
    return out + [f"- {note}" for note in scale_notes(findings.runs)] + [""]


def _search_section(findings: Findings) -> list[str]:
    limits = ", ".join(f"≤ {v // KB} KB pada {k}×" for k, v in FIRST_QUERY_LIMITS.items())
    return [
        "## 3. Pencarian: lunr per kantor, semua kantor dan Pagefind",
        "",
        "Kedua mesin diindeks dari situs yang sama dan diukur dalam putaran yang sama lewat halaman "
        "pencarian situs (`/cari/`; Pagefind lewat halaman yang sama dengan adaptornya, `/cari-pagefind/`), "
        "di Chromium dengan server gzip di atas (`scripts/bench/cari.py`). *Sebelum mencari* = "
        "bita indeks yang diminta oleh kunjungan pertama ke beberapa halaman dan ke halaman cari sebelum "
        f"mengetik (harus 0). *Kueri pertama* = semua yang diminta sejak kueri diisi sampai hasil tampil "
        f"({limits}), dalam konteks baru per kueri, untuk setiap kueri `tests/fixtures/search_queries.yml`. "
        "*Mutu* = kueri yang halaman harapannya ada di tiga hasil teratas. *Semua kantor sekaligus* = "
        "seluruh berkas lunr, yaitu biaya bila satu pencarian meliputi semua kantor dengan lunr. "
        "*Semua kantor* = mode `/cari/?kantor=semua` (indeks terbagi per kata, `outputs/search/semua.py`): "
        "halaman yang dicetak sama oleh beberapa kantor menjadi satu hasil; *tanpa kelompok* = indeks yang "
        "sama dengan setiap halaman sebagai hasil sendiri, kasus terburuk bila kantor tidak berbagi teks.",
        "",
        cari.table(findings.search),
        "",
        *[f"- {note}" for note in search_notes(findings.search)],
        "",
    ]


def _zensical_section(findings: Findings, zensical_note: str) -> list[str]:
    out = ["## 4. Zensical di samping MkDocs", "", zensical_note, ""]
    z = zensical_rows(findings.runs, findings.zensical)
    if not z:
        return out
    out += [
        "Perintah: `zensical build --clean -f mkdocs.yml` dalam salinan yang sama, sesudah generator menulis "
        "content/kinerja, content/api dan content/berkas, dengan batas 30 menit. *Hilang* = halaman MkDocs "
        "yang tidak dibuat Zensical; *Makro* = apakah beranda menampilkan angka dari main.py alih-alih "
        "`{{ rkt.indikator }}`. Pencarian situs bekerja pada hasil Zensical sesudah `python -m kinerja cari "
        "--situs site` (diuji di `tests/test_search_browser.py`).",
        "",
        markdown_table(ZENSICAL_HEADERS, z),
        "",
    ]
    one = next((r for r in findings.runs if r.factor == 1), None)
    zw = findings.zensical[1].weight if 1 in findings.zensical else None
    if one and zw and one.weight:
        out += [
            f"Halaman indikator 1× hasil Zensical: {kb(zw.wire)} KB terkompresi, {zw.requests} permintaan "
            f"(MkDocs: {kb(one.weight.wire)} KB, {one.weight.requests} permintaan).",
            "",
        ]
    return out


ADDENDUM = "## Putaran tambahan"
HOW_TO = "## Cara mengulang"
#: The heading of a side-by-side build measured alone (--hanya-banding), kept until the next one.
COMPARISON_ALONE = "## Waktu bangun 1× berdampingan"
COMPARISON = "## 5. Waktu bangun 1× berdampingan dengan komit lain"


def _sections(findings: Findings, zensical_note: str) -> list[str]:
    out: list[str] = []
    if findings.weights:
        out += _weights_section(findings)
    if findings.runs:
        out += _scale_section(findings)
    if findings.search:
        out += _search_section(findings)
    if zensical_note:
        out += _zensical_section(findings, zensical_note)
    if findings.comparison:
        out += compare.section(findings.comparison, COMPARISON)
    if findings.site_costs:
        out += costs.section(findings.site_costs)
    return out


def _comparison_alone(previous: str, command: str, findings: Findings, started: datetime) -> str:
    """The previous report with this side-by-side build put before HOW_TO, replacing an earlier one."""
    assert findings.comparison is not None
    kept, how_to = previous.split(HOW_TO, 1)
    kept = kept.split(COMPARISON_ALONE, 1)[0].rstrip("\n")
    heading = f"{COMPARISON_ALONE}: `{command}`, {started:%Y-%m-%d} pukul {started:%H:%M %Z}"
    return "\n".join([kept, "", *compare.section(findings.comparison, heading), HOW_TO + how_to.rstrip("\n")])


def _addendum(previous: str, command: str, findings: Findings, note: str, started: datetime) -> str:
    """The previous run's generated text with this run's sections added, one heading level down."""
    kept = previous.split(ADDENDUM, 1)[0].split(HOW_TO, 1)[0].rstrip("\n")
    how_to = HOW_TO + previous.split(HOW_TO, 1)[1].split(HAND_MARK, 1)[0].rstrip("\n")
    lines = [
        line[:1] + "#" + line[1:] if line.startswith("#") else line for line in _sections(findings, note)
    ]
    return "\n".join(
        [
            kept,
            "",
            f"{ADDENDUM}: `{command}`, {started:%Y-%m-%d} pukul {started:%H:%M %Z}",
            "",
            "Putaran ini mengukur ulang skala yang disebut dalam perintahnya sesudah perubahan kode; "
            "bagian bernomor di atas tetap dari putaran utama. Catatan tangan di bawah menjelaskan mengapa.",
            "",
            *lines,
            how_to,
        ]
    )


def write_report(
    path: Path,
    command: str,
    findings: Findings,
    zensical_note: str,
    started: datetime,
    minutes: float,
    addendum: bool = False,
) -> None:
    """docs/benchmarks.md: the figures of this run, dated; hand-written notes below the mark are kept.

    With `addendum` this run's figures are added below the previous run's (which
    stay as they were), for re-measuring one scale after a change without
    repeating a run of several hours. A side-by-side build measured alone
    (--hanya-banding) is put before HOW_TO, keeping everything else.
    """
    notes = _hand_notes(path)
    previous = path.read_text(encoding="utf-8") if path.is_file() else ""
    if findings.comparison_only and HOW_TO in previous and HAND_MARK in previous:
        out = [_comparison_alone(previous.split(HAND_MARK, 1)[0], command, findings, started), ""]
    elif addendum and HOW_TO in previous and HAND_MARK in previous:
        out = [_addendum(previous.split(HAND_MARK, 1)[0], command, findings, zensical_note, started), ""]
    else:
        out = _main_report(command, findings, zensical_note, started, minutes)
    out += [HAND_MARK, ""]
    if notes:
        out += [notes, ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out), encoding="utf-8")


def _main_report(command: str, findings: Findings, note: str, started: datetime, minutes: float) -> list[str]:
    out = [
        "# Tolok ukur: berat halaman, skala sampai 553 kantor, pencarian, Zensical",
        "",
        f"Diukur **{started:%Y-%m-%d}** (pukul {started:%H:%M %Z}) dengan `{command}`, "
        f"selama {num(minutes)} menit. Bagian di atas tanda catatan tangan ditulis ulang oleh setiap "
        "`make bench`; jangan diedit tangan.",
        "",
        "## Mesin",
        "",
        markdown_table(["Unsur", "Nilai"], findings.facts),
        "",
        "Waktu diukur sebagai waktu dinding pada mesin yang juga menjalankan pekerjaan lain; beban mesin di "
        "atas menunjukkan seberapa sibuk mesin saat itu (2 inti: beban di atas 2 berarti proses antre). "
        "Bandingkan angka antarskala dalam satu putaran, bukan antarputaran.",
        "",
        *_sections(findings, note),
        HOW_TO,
        "",
        "```bash",
        "make bench                                   # 1, 100 dan 553 kantor (±2 jam)",
        "make bench SKALA=1,10                        # skala lain",
        "make bench SKALA=1 TAMBAHAN=1                # ukur ulang 1× di bawah putaran utama",
        "make bench SKALA=1 TAMBAHAN=1 BANDING=c0abf6f  # 1× dan waktu bangun berdampingan dengan komit itu",
        "make bench BANDING=c0abf6f HANYA_BANDING=1   # waktu bangun berdampingan saja",
        "PYTHONPATH=scripts .venv/bin/python -m bench --skala 1 --tanpa-zensical   # cepat",
        "PYTHONPATH=scripts .venv/bin/python -m bench.cari --skala 1        # pencarian saja",
        "```",
        "",
    ]
    return out
