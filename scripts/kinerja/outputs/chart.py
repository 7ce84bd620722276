"""Target against realisation, as a table and as an SVG chart that reads without colour.

The chart is drawn at build time (no script). Bars differ by pattern, not
only by colour, and every bar carries its value as text; the table below it
holds the same numbers for screen readers and for copying.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from ..model import Indikator
from . import fmt

PERIODE_LABEL = {
    "TW1": "Triwulan I",
    "TW2": "Triwulan II",
    "TW3": "Triwulan III",
    "TW4": "Triwulan IV",
    "tahunan": "Tahunan",
}
ARAH_LABEL = {"naik": "makin tinggi makin baik", "turun": "makin rendah makin baik"}


BAR_MAX = 250  # px in the viewBox; labels need the rest of its 420 px width
BAR_HEIGHT = 18


def _bar(y: int, value: Decimal, scale: Decimal, label: str, css: str) -> list[str]:
    width = 0 if scale == 0 else int(Decimal(BAR_MAX) * value / scale)
    return [
        f'<rect class="{css}" x="0" y="{y}" width="{max(width, 1)}" height="{BAR_HEIGHT}"/>',
        f'<text x="{width + 6}" y="{y + 14}">{escape(label)}</text>',
    ]


def svg(item: Indikator) -> str:
    """A horizontal bar chart: per period a hatched target bar and a solid realisation bar.

    Period names sit above their bars so that the chart stays legible when a phone
    shrinks it to the width of the screen.
    """
    values = [item.target_nilai, *(r.nilai for r in item.realisasi)]
    scale = max(values) if values else Decimal(1)
    height = 76 * len(item.realisasi) + 4
    unit = fmt.SATUAN_LABEL.get(item.target_satuan, item.target_satuan)
    parts = [
        f'<svg class="grafik-capaian" viewBox="0 0 420 {height}" role="img" '
        f'aria-labelledby="grafik-judul-{item.id}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="grafik-judul-{item.id}">Target dan realisasi {item.id} ({escape(unit)}); '
        "angka lengkap ada di tabel di bawah grafik.</title>",
        '<defs><pattern id="arsir" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="arsir-garis"/>'
        "</pattern></defs>",
    ]
    y = 0
    for entry in item.realisasi:
        parts.append(
            f'<text class="periode" x="0" y="{y + 15}">{escape(PERIODE_LABEL[entry.periode])}</text>'
        )
        parts += _bar(
            y + 22, item.target_nilai, scale, f"Target {fmt.angka(item.target_nilai)}", "batang-target"
        )
        parts += _bar(y + 44, entry.nilai, scale, f"Realisasi {fmt.angka(entry.nilai)}", "batang-realisasi")
        y += 76
    parts.append("</svg>")
    return "".join(parts)


def section(item: Indikator, tahun: int) -> list[str]:
    """Markdown lines of the 'Target dan realisasi' section of an indicator page."""
    lines = ["## Target dan realisasi { data-cari-abaikan }", ""]
    if item.polaritas:
        dasar = "tafsiran kami" if item.polaritas_dasar == "tafsiran" else "dinyatakan dokumen"
        lines += [
            f"Arah indikator: **{ARAH_LABEL[item.polaritas]}** ({dasar}: {fmt.teks(item.polaritas_alasan)})",
            "",
        ]
    if not item.realisasi:
        lines += [
            f"**Realisasi {tahun} belum diterbitkan.** Situs ini hanya menampilkan realisasi dari dokumen "
            "resmi (misalnya LKjIP) setelah terbit, dan tidak mengisi angka perkiraan. Capaian dihitung "
            "otomatis dari target dan realisasi, tidak pernah diketik.",
            "",
        ]
        return lines
    caption = "<figcaption>Batang berarsir = target, batang penuh = realisasi.</figcaption>"
    lines += [f'<figure class="grafik">{svg(item)}{caption}</figure>', ""]
    lines += [
        "| Periode | Target | Realisasi | Capaian | Kategori | Sumber |",
        "|---|---|---|---|---|---|",
    ]
    for entry in item.realisasi:
        capaian = f"{fmt.angka(entry.capaian)} %" if entry.capaian is not None else "tidak dapat dihitung"
        lines.append(
            f"| {PERIODE_LABEL[entry.periode]} | {fmt.teks(item.target_dicetak)} "
            f"| {fmt.nilai_satuan(entry.nilai, entry.satuan)} | {capaian} "
            f"| {fmt.teks(entry.kategori) or '—'} "
            f"| {fmt.teks(entry.sumber_dokumen)}, {fmt.tanggal(entry.tanggal_sumber)} |"
        )
    rumus = (
        "realisasi ÷ target × 100 %" if item.polaritas == "naik" else "(1 + (1 − realisasi ÷ target)) × 100 %"
    )
    lines += ["", f"Capaian dihitung dengan rumus SAKIP: {rumus}.", ""]
    return lines
