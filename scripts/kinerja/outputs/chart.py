"""Target against realisation as an SVG chart that reads without colour.

The chart is drawn at build time (no script). Bars differ by pattern, not
only by colour, and every bar carries its value as text; the table below it
(templates/_capaian.md.j2) holds the same numbers for screen readers and for copying.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from markupsafe import Markup

from ..model import Indikator
from . import fmt
from .labels import PERIODE_LABEL

BAR_MAX = 250  # px in the viewBox; labels need the rest of its 420 px width
BAR_HEIGHT = 18
#: What the chart says before any realisation is published.
NOT_YET_PERIOD = "Setahun"
NOT_YET = "Realisasi: belum diterbitkan"


def _bar(y: int, value: Decimal, scale: Decimal, label: str, css: str) -> list[str]:
    width = 0 if scale == 0 else int(Decimal(BAR_MAX) * value / scale)
    return [
        f'<rect class="{css}" x="0" y="{y}" width="{max(width, 1)}" height="{BAR_HEIGHT}"/>',
        f'<text x="{width + 6}" y="{y + 14}">{fmt.teks(label)}</text>',
    ]


def svg(item: Indikator) -> Markup:
    """A horizontal bar chart: per period a hatched target bar and a solid realisation bar.

    Period names sit above their bars so that the chart stays legible when a phone
    shrinks it to the width of the screen. Every text in it passes html.escape (labels with
    printed text pass fmt.teks, which also neutralises Markdown and Jinja syntax), so the drawing is
    returned as Markup for the page templates to print as it is.
    """
    target = item.target_nilai
    if target is None:
        raise ValueError(f"{item.id}: the chart is drawn only for a numeric target")
    values = [v for v in (target, *(r.nilai for r in item.realisasi)) if v is not None]
    scale = max(values) if values else Decimal(1)
    height = 76 * max(len(item.realisasi), 1) + 4
    unit = fmt.SATUAN_LABEL.get(item.target_satuan, item.target_satuan)
    code = escape(item.id)
    parts = [
        f'<svg class="grafik-capaian" viewBox="0 0 420 {height}" role="img" '
        f'aria-labelledby="grafik-judul-{code}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="grafik-judul-{code}">Target dan realisasi {code} ({escape(unit)}); '
        "angka lengkap ada di tabel di bawah grafik.</title>",
        '<defs><pattern id="arsir" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="arsir-garis"/>'
        "</pattern></defs>",
    ]
    y = 0
    if not item.realisasi:  # the target alone, and an honest empty place for the realisation
        parts.append(f'<text class="periode" x="0" y="{y + 15}">{escape(NOT_YET_PERIOD)}</text>')
        parts += _bar(y + 22, target, scale, f"Target {item.target_dicetak}", "batang-target")
        parts.append(f'<text x="0" y="{y + 58}">{escape(NOT_YET)}</text>')
    for entry in item.realisasi:
        parts.append(
            f'<text class="periode" x="0" y="{y + 15}">{escape(PERIODE_LABEL[entry.periode])}</text>'
        )
        parts += _bar(y + 22, target, scale, f"Target {item.target_dicetak}", "batang-target")
        if entry.nilai is not None:
            label = f"Realisasi {fmt.nilai_satuan(entry.nilai, entry.satuan)}"
            parts += _bar(y + 44, entry.nilai, scale, label, "batang-realisasi")
        y += 76
    parts.append("</svg>")
    return Markup("".join(parts))
