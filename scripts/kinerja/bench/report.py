"""The report: tables for the terminal and docs/benchmarks.md, in Indonesian.

The part of docs/benchmarks.md above HAND_MARK is rewritten by every run;
what is written by hand below it is kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .lighthouse import LIGHTHOUSE_CATEGORIES, Lighthouse
from .scale import SUBSTAGES, ScaleRun
from .settings import BUDGET_BYTES, BUDGET_REQUESTS, GZIP_LEVEL, RATIO_GOAL
from .units import KB, kb, num
from .weight import PageWeight
from .zensical import ZensicalRun

REPORT = Path("docs") / "benchmarks.md"
#: Everything after this line of docs/benchmarks.md is written by hand and kept by every run.
HAND_MARK = "<!-- catatan-tangan: bagian di bawah baris ini ditulis tangan dan dipertahankan oleh bench -->"
WEIGHT_HEADERS = [
    "Halaman", "Alamat", "Permintaan", "HTML KB", "CSS KB", "JS KB", "Indeks cari KB", "Lain KB",
    "Total gz KB", "Total mentah KB",
]  # fmt: skip
SCALE_HEADERS = [
    "Skala", "Ulang", "Indikator", "Halaman", "Validasi s", "Generasi s", "MkDocs s", "Pascaproses s",
    "Total s", "MkDocs polos s", "Rasio", "ms/halaman", "Situs MB", "Halaman terbesar KB", "RAM puncak MB",
    "Indeks cari gz KB", "Halaman indikator gz KB",
]  # fmt: skip
ZENSICAL_HEADERS = [
    "Skala", "Zensical s", "MkDocs polos s", "Zensical/MkDocs", "Halaman (Zensical/MkDocs)", "Hilang",
    "Halaman indikator", "Makro", "Indeks cari", "RAM puncak MB",
]  # fmt: skip


@dataclass
class Findings:
    """Everything one run measured, as the report shows it."""

    facts: Sequence[tuple[str, str]]
    weights: Sequence[PageWeight] = ()
    budget: str = ""
    heaviest: tuple[str, int, int] | None = None
    light: Lighthouse | None = None
    runs: Sequence[ScaleRun] = ()
    #: Zensical's build per scale factor, for the scales where it ran.
    zensical: Mapping[int, ZensicalRun] = field(default_factory=dict)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table with aligned columns (numbers right-aligned), for the terminal."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) if i < len(row) else 0 for row in cells) for i in range(len(headers))]

    def numeric(text: str) -> bool:
        """Whether a cell holds a number (right-aligned)."""
        return bool(re.fullmatch(r"[-+]?[0-9][0-9 ]*(,[0-9]+)?( ?[%×x])?", text))

    lines = []
    for number, row in enumerate(cells):
        row = row + [""] * (len(headers) - len(row))
        parts = [
            cell.rjust(width) if number and numeric(cell) else cell.ljust(width)
            for cell, width in zip(row, widths, strict=True)
        ]
        lines.append("  ".join(parts).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table (pipes in cells escaped)."""

    def cell(value: object) -> str:
        """A value as one Markdown cell."""
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def weight_rows(weights: Sequence[PageWeight]) -> list[list[object]]:
    """One row per page: requests and compressed bytes by kind."""
    rows = []
    for w in weights:
        other = w.by_kind("font") + w.by_kind("gambar") + w.by_kind("lain")
        rows.append([
            w.label, "/" + w.path, w.requests, kb(w.by_kind("HTML")), kb(w.by_kind("CSS")),
            kb(w.by_kind("JS")), kb(w.by_kind("indeks cari")), kb(other), kb(w.wire), kb(w.raw),
        ])  # fmt: skip
    return rows


def scale_rows(runs: Sequence[ScaleRun]) -> list[list[object]]:
    """One row per scale (or the reason it could not be measured)."""
    rows: list[list[object]] = []
    for r in runs:
        if r.site is None:
            rows.append([f"{r.factor}×", "—", r.indikator or "—", "—", *["—"] * 13])
            continue
        s = r.stages
        generation = s.get("model", 0.0) + s.get("generasi", 0.0)
        index = r.weight.by_kind("indeks cari") if r.weight else 0
        rows.append([
            f"{r.factor}×", r.repeats, r.indikator, len(r.site.pages), num(s.get("validasi", 0.0)),
            num(generation), num(s.get("mkdocs", 0.0)), num(s.get("pascaproses", 0.0)), num(r.total),
            num(r.bare), num(r.ratio, 2), num(r.ms_per_page), num(r.site.mb), kb(r.site.largest[1]),
            num(max(r.rss_mb, s.get("rss_anak_mb", 0.0)), 0), kb(index) if r.weight else "—",
            kb(r.weight.wire) if r.weight else "—",
        ])  # fmt: skip
    return rows


def zensical_rows(runs: Sequence[ScaleRun], zensical: Mapping[int, ZensicalRun]) -> list[list[object]]:
    """One row per scale for Zensical (by scale factor) beside the bare MkDocs build."""
    rows: list[list[object]] = []
    for r in runs:
        z = zensical.get(r.factor)
        if z is None:
            continue
        if z.error:
            rows.append(
                [f"{r.factor}×", num(z.seconds), num(r.bare), "—", "GAGAL", z.error, "—", "—", "—", "—"]
            )
            continue
        mk = len(r.site.pages) if r.site else 0
        missing = f"{len(z.missing)}" + (f" (mis. {', '.join(z.missing[:3])})" if z.missing else "")
        rows.append([
            f"{r.factor}×", num(z.seconds), num(r.bare), num(z.seconds / r.bare, 2) if r.bare else "—",
            f"{z.pages}/{mk}", missing, f"{z.indicator_pages}/{r.indikator}", z.macros, z.search_index,
            num(z.rss_mb, 0),
        ])  # fmt: skip
    return rows


def scale_notes(runs: Sequence[ScaleRun]) -> list[str]:
    """Verdicts in words: ratio goal and whether the cost per page stays flat."""
    notes = []
    done = [r for r in runs if r.site is not None and r.bare]
    for r in done:
        verdict = "tercapai" if r.ratio <= RATIO_GOAL else "TIDAK tercapai"
        # The MkDocs step inside the pipeline is the same command as the bare build: replacing its time
        # by the bare build's leaves only what the pipeline adds (and removes the noise of that step).
        net = (r.total - r.stages.get("mkdocs", 0.0) + r.bare) / r.bare
        notes.append(
            f"{r.factor}×: pipeline/mkdocs polos = {num(r.ratio, 2)} "
            f"(sasaran ≤ {num(RATIO_GOAL)}: {verdict}); tanpa derau langkah MkDocs "
            f"(total − MkDocs dalam pipeline + MkDocs polos) {num(net, 2)}; "
            f"{num(r.ms_per_page)} ms per halaman."
        )
    grown = [r for r in done if r.factor >= 10]
    if len(grown) >= 2:
        low, high = grown[0], grown[-1]
        change = high.ms_per_page / low.ms_per_page if low.ms_per_page else 0.0
        flat = "datar (±25 %)" if 0.75 <= change <= 1.25 else "TIDAK datar"
        notes.append(
            f"Biaya per halaman {high.factor}× dibanding {low.factor}×: ×{num(change, 2)} — {flat}. "
            "Skala 1× didominasi biaya tetap (memulai Python, MkDocs, tema), jadi dibandingkan dari 10×."
        )
    for r in done:
        parts = [(label, r.stages[label]) for _, _, label in SUBSTAGES if label in r.stages]
        if parts:
            notes.append(
                f"Rincian {r.factor}×: "
                + ", ".join(f"{label} {num(seconds)} s" for label, seconds in parts)
                + "."
            )
    for r in runs:
        if r.error:
            notes.append(f"{r.factor}×: {r.error}")
    return notes


def print_report(findings: Findings) -> None:
    """All tables to the terminal, for whoever ran the benchmark."""
    facts, weights, budget, heaviest = findings.facts, findings.weights, findings.budget, findings.heaviest
    light, runs = findings.light, findings.runs
    print("\n== Mesin ==")
    print(format_table(["Unsur", "Nilai"], facts))
    if weights:
        print(f"\n== Berat halaman (muat pertama, gzip level {GZIP_LEVEL}; cara: {weights[0].method}) ==")
        print(format_table(WEIGHT_HEADERS, weight_rows(weights)))
        print(f"Anggaran halaman indikator: {budget}")
        if heaviest:
            print(
                f"Halaman indikator terberat: /{heaviest[0]} — {kb(heaviest[1])} KB, {heaviest[2]} permintaan"
            )
    if light:
        print("\n== Lighthouse (halaman indikator, preset seluler) ==")
        if light.reason:
            print(f"Tidak berjalan: {light.reason}")
        else:
            print(", ".join(f"{k}: {v}" for k, v in light.scores.items()))
    if runs:
        print("\n== Skala pembangunan ==")
        print(format_table(SCALE_HEADERS, scale_rows(runs)))
        for note in scale_notes(runs):
            print(f"- {note}")
        z = zensical_rows(runs, findings.zensical)
        if z:
            print("\n== Zensical di samping MkDocs ==")
            print(format_table(ZENSICAL_HEADERS, z))


def _hand_notes(path: Path) -> str:
    """What is written by hand below HAND_MARK in the report, to be kept."""
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8")
    return text.split(HAND_MARK, 1)[1].strip("\n") if HAND_MARK in text else ""


def write_report(
    path: Path, command: str, findings: Findings, zensical_note: str, started: datetime, minutes: float
) -> None:
    """docs/benchmarks.md: the figures of this run, dated; hand-written notes below the mark are kept."""
    facts, weights, budget, heaviest = findings.facts, findings.weights, findings.budget, findings.heaviest
    light, runs = findings.light, findings.runs
    notes = _hand_notes(path)
    out = [
        "# Tolok ukur: berat halaman, skala pembangunan, Zensical",
        "",
        f"Diukur **{started:%Y-%m-%d}** (pukul {started:%H:%M %Z}) dengan `{command}`, "
        f"selama {num(minutes)} menit. Bagian di atas tanda catatan tangan ditulis ulang oleh setiap "
        "`make bench`; jangan diedit tangan.",
        "",
        "## Mesin",
        "",
        markdown_table(["Unsur", "Nilai"], facts),
        "",
        "Waktu diukur sebagai waktu dinding pada mesin yang juga menjalankan pekerjaan lain; "
        "beban mesin di atas menunjukkan seberapa sibuk mesin saat itu (2 inti: beban di atas 2 berarti "
        "proses antre). Bandingkan angka antarskala dalam satu putaran, bukan antarputaran.",
        "",
    ]
    if weights:
        out += [
            "## 1. Berat halaman per jenis halaman",
            "",
            f"Situs nyata (1×) dilayani di 127.0.0.1 oleh server berulir kecil yang memampatkan teks dengan "
            f"gzip level {GZIP_LEVEL} (seperti server web umum); setiap halaman dimuat sekali dalam konteks "
            "Chromium baru (tanpa cache, layar ponsel 360×740) sampai jaringan diam. Server mencatat setiap "
            "permintaan dan bita yang dikirim, termasuk indeks pencarian yang diambil pencarian Material "
            f"saat muat pertama. Cara: {weights[0].method}. 1 KB = 1024 bita.",
            "",
            markdown_table(WEIGHT_HEADERS, weight_rows(weights)),
            "",
            f"**Anggaran halaman indikator** (≤ {BUDGET_BYTES // KB} KB terkompresi, ≤ {BUDGET_REQUESTS} "
            f"permintaan): {budget}.",
            "",
        ]
        if heaviest:
            out += [
                "Halaman indikator terberat (aset sama, HTML terbesar): "
                f"`/{heaviest[0]}` — {kb(heaviest[1])} KB, {heaviest[2]} permintaan.",
                "",
            ]
    if light:
        out += ["### Lighthouse", ""]
        if light.reason:
            out += [f"Lighthouse tidak berjalan di mesin ini: {light.reason}.", ""]
        else:
            out += [
                f"Lighthouse {light.version} (`npx --yes lighthouse@12`, preset seluler bawaan dengan "
                "pelambatan simulasi, Chromium Debian tanpa kepala) pada halaman indikator yang sama, "
                "lewat server gzip di atas:",
                "",
                markdown_table(
                    ["Kinerja", "Aksesibilitas", "Praktik terbaik", "SEO"],
                    [[light.scores.get(c, "—") for c in LIGHTHOUSE_CATEGORIES]],
                ),
                "",
            ]
            if light.metrics:
                out += ["Metrik: " + "; ".join(f"{k} {v}" for k, v in light.metrics.items()) + ".", ""]
            if light.failing:
                out += ["Audit berbobot dengan skor di bawah 0,9:", ""]
                out += [f"- {item}" for item in light.failing]
                out += [""]
    if runs:
        out += [
            "## 2. Skala pembangunan",
            "",
            "Paket sintetis dibuat oleh `scripts/kinerja/synthetic.py`: seluruh dokumen disalin N kali, "
            "seolah-olah N kantor menerbitkan RKT yang sama. Salinan 0 adalah paket nyata tanpa perubahan; "
            "setiap salinan lain memakai tahun dua digit yang belum dipakai (00, 01, … 99 kecuali 24), "
            "sehingga RKT24-K menjadi RKT00-K, RKT01-K, … dan kode baris mengikuti dokumennya "
            "(IK24-S07 → IK00-S07); `tahun` dokumen ikut menjadi 2000 + tahun itu. Teks indikator dan "
            'sasaran salinan diakhiri "(salinan 03)" agar situs tidak menautkannya sebagai indikator yang '
            "sama pada tahun lain (salinan mewakili kantor lain, bukan tahun lain). Pola kode di "
            "`ids.py` dan `datapackage.json` tidak diubah, jadi batasnya 100 salinan (200 dokumen, "
            "6.200 indikator). Salinan proyek lengkap (datapackage.json, data/, halaman tulisan tangan "
            "content/, overrides/, main.py, mkdocs.yml, scripts/) ditulis di `.bench/`.",
            "",
            "*Total* adalah waktu dinding `python -m kinerja build` yang sebenarnya (termasuk memulai "
            "Python); "
            "tahapnya diukur dengan membungkus fungsi yang dipanggil `build.build`. *Generasi* = membaca "
            "model + menulis halaman dan unduhan; *Pascaproses* = semua sesudah MkDocs (augmentasi indeks "
            "cari, salin paket, periksa berkas, CSP, publikasi atomik). *MkDocs polos* = `mkdocs build "
            "--strict` atas konten yang sudah dibuat, tanpa validasi/generasi/pascaproses. *Rasio* = "
            f"total / MkDocs polos (sasaran ≤ {num(RATIO_GOAL)}). *Ulang* = berapa kali pipeline dan MkDocs "
            "polos dibangun pada skala itu; yang tercepat dicatat (mesin dipakai bersama, jadi waktu "
            "berderau). *ms/halaman* = total / jumlah halaman "
            "HTML. *Indeks cari* dan *Halaman indikator* = bita terkompresi muat pertama halaman indikator "
            "pada skala itu.",
            "",
            markdown_table(SCALE_HEADERS, scale_rows(runs)),
            "",
        ]
        out += [f"- {note}" for note in scale_notes(runs)]
        out += [""]
        z = zensical_rows(runs, findings.zensical)
        out += ["## 3. Zensical di samping MkDocs", "", zensical_note, ""]
        if z:
            out += [
                "Perintah: `zensical build --clean -f mkdocs.yml` dalam salinan yang sama, sesudah generator "
                "menulis content/kinerja, content/api dan content/berkas. *Hilang* = halaman MkDocs yang "
                "tidak dibuat Zensical; *Makro* = apakah beranda menampilkan angka dari main.py alih-alih "
                "`{{ rkt.indikator }}`.",
                "",
                markdown_table(ZENSICAL_HEADERS, z),
                "",
            ]
            weighed = [(r, findings.zensical[r.factor].weight) for r in runs if r.factor in findings.zensical]
            one, zw = next(((r, w) for r, w in weighed if w), (None, None))
            if one and zw and one.weight:
                out += [
                    f"Halaman indikator 1× hasil Zensical: {kb(zw.wire)} KB terkompresi, "
                    f"{zw.requests} permintaan (MkDocs: {kb(one.weight.wire)} KB, "
                    f"{one.weight.requests} permintaan).",
                    "",
                ]
    out += [
        "## Cara mengulang",
        "",
        "```bash",
        "make bench                                   # skala bawaan 1,10,100",
        "make bench SKALA=1,10,100,552                # skala lain (di atas 100× ditolak: lihat di atas)",
        "PYTHONPATH=scripts .venv/bin/python -m kinerja bench --skala 1 --tanpa-zensical   # cepat",
        "```",
        "",
        HAND_MARK,
        "",
    ]
    if notes:
        out += [notes, ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out), encoding="utf-8")
