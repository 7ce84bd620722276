"""The share picture (Open Graph image) of every indicator: a PNG of 1200×630 px made at build time.

A link to an indicator pasted in WhatsApp, Facebook or X shows this picture: the
indicator's printed text, its printed target exactly as printed, the office,
the year and the code, in Indonesian, large enough to read in a phone's
preview. It is drawn with Pillow from the font vendored in fonts/ (DejaVu Sans,
its licence beside it), without network, and the same package gives the same
bytes on every machine: Pillow's basic layout (no system shaping library), no
PNG metadata, a fixed compression level. Pages name it in their front matter
(`image`), the theme's override (overrides/main.html) prints the meta tags; no
page loads the picture itself, so page weight is unchanged.

The drawing is a grey-level image whose levels 0–127 are the body (text on
white) and 128–255 the band (white on the site's red). Before it is saved,
each level becomes the nearest of 16 (STEPS: 8 per scheme, among them every
level a colour is drawn with), so the PNG holds 4 bits per pixel and a
16-colour palette: the colours of text, rule and paper are exactly the
site's, only the anti-aliased edges of the letters take 8 shades instead of
128. That cut the pictures by a third (±32 KB → ±22 KB each; 34.000 of them
at 553 offices) in the same time (docs/keputusan.md).
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .. import paths
from ..model import Dokumen, Indikator, Package
from .job import Job

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
MARGIN = 64
BAND = 104
ELLIPSIS = "…"
#: The site's colours (content/assets/kinerja.css): text, muted text, the band's red, white.
INK = (26, 26, 26)
MUTED = (84, 84, 84)
RED = (159, 28, 28)
WHITE = (255, 255, 255)
#: Grey levels of the drawing: body from INK (0) to white (127), band from white (128) to RED (255).
BODY_INK, BODY_MUTED, BODY_RULE, BODY_PAPER = 0, 30, 90, 127
BAND_INK, BAND_PAPER = 128, 255
INNER = WIDTH - 2 * MARGIN
#: The indicator's text: the largest size whose lines fit in TEXT_HEIGHT, else the smallest, cut with "…".
TEXT_SIZES = (60, 54, 48, 42)
TEXT_TOP, TEXT_HEIGHT = BAND + 32, 266
#: The code and the target: the largest size that fits on their line, else the smallest, cut with "…".
CODE_SIZES = (40, 34, 28)
TARGET_SIZES = (46, 40, 34)
TARGET_BASELINE = 474
TARGET_LINES = 2
FOOTER_TOP = 548
HEAD_LABEL = "Indikator kinerja "
TARGET_LABEL = "Target tercetak: "
FOOTER = "Rencana Kinerja Tahunan · disalin kata demi kata dari dokumen resmi"
LEADING = 1.22
#: Pixels a wrapped line keeps free of the box's width (see wrap).
SLACK = 2
#: zlib level 3: half the time of level 6, for a file about a fifth larger (±22 KB at 16 colours).
COMPRESS_LEVEL = 3


@dataclass(frozen=True)
class Facts:
    """What a share picture and an embed card say about one indicator, as printed."""

    code: str
    teks: str
    target: str
    office: str
    year: int

    @property
    def alt(self) -> str:
        """The picture's text alternative (og:image:alt): everything it shows, in one sentence."""
        return (
            f"Indikator kinerja {self.code}: {self.teks}. Target tercetak: {self.target}. "
            f"{self.office}, tahun anggaran {self.year}."
        )


def office_of(doc: Dokumen) -> str:
    """The office that signed a document, as people name it: 'Sekretariat KPU Provinsi …' or 'KPU …'."""
    office = doc.kantor.nama if doc.kantor else doc.kantor_id
    return f"Sekretariat {office}" if doc.jenis == "sekretariat" else office


def facts(pkg: Package, item: Indikator) -> Facts:
    """The printed facts of an indicator that its picture and its embed card show."""
    doc = pkg.dokumen[item.dokumen_id]
    return Facts(item.id, item.teks, item.target_dicetak, office_of(doc), doc.tahun)


@lru_cache(maxsize=32)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _width(text: str, font: ImageFont.FreeTypeFont) -> float:
    return font.getlength(text)


def _cut(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """The longest start of `text` that fits in `width` with '…' after it (the whole text if it fits)."""
    if _width(text, font) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1 and _width(" ".join(words) + ELLIPSIS, font) > width:
        words.pop()
    shown = " ".join(words)
    while shown and _width(shown + ELLIPSIS, font) > width:
        shown = shown[:-1]
    return shown.rstrip(" ,.;:-") + ELLIPSIS


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """`text` in lines no wider than `width`, broken between words (a word too long, between letters).

    A line's width is the sum of its words' and spaces' widths, each measured once per font (a word
    recurs across indicators); SLACK covers any kerning the sum leaves out.
    """
    lines: list[str] = []
    line, used = "", 0.0
    space = _word_width(" ", font)
    room = width - SLACK
    for word in text.split():
        size = _word_width(word, font)
        if line and used + space + size <= room:
            line, used = f"{line} {word}", used + space + size
            continue
        if line:
            lines.append(line)
        while size > room:
            cut = len(word) - 1
            while cut > 1 and _width(word[:cut], font) > room:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
            size = _word_width(word, font)
        line, used = word, size
    if line:
        lines.append(line)
    return lines


@lru_cache(maxsize=8192)
def _word_width(word: str, font: ImageFont.FreeTypeFont) -> float:
    return font.getlength(word)


def fit(
    text: str, path: Path, sizes: tuple[int, ...], width: float, height: float
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest of `sizes` at which `text` fits the box, with its lines; at the smallest, cut with '…'."""
    for size in sizes:
        font = _font(path, size)
        lines = wrap(text, font, width)
        if len(lines) * size * LEADING <= height:
            return font, lines
    most = max(1, int(height // (size * LEADING)))
    if len(lines) > most:
        lines = lines[: most - 1] + [_cut(" ".join(lines[most - 1 :]), font, width)]
    return font, lines


#: The 16 grey levels a saved picture keeps: 8 for the body (with INK, MUTED, RULE, PAPER), 8 for the band.
STEPS = (
    (BODY_INK, 15, BODY_MUTED, 50, 70, BODY_RULE, 110, BODY_PAPER)
    + (BAND_INK, 146, 164, 182, 200, 218, 237, BAND_PAPER)
)  # fmt: skip


def _colour(level: int) -> list[int]:
    """Grey level → colour: 0–127 from INK to white (body), 128–255 from white to RED (band)."""
    start, end, share = (INK, WHITE, level / 127) if level < 128 else (WHITE, RED, (level - 128) / 127)
    return [round(a + (b - a) * share) for a, b in zip(start, end, strict=True)]


def _nearest(level: int) -> int:
    """The index in STEPS of the step nearest to `level`, within its own scheme (body or band)."""
    scheme = [i for i, step in enumerate(STEPS) if (step < 128) == (level < 128)]
    return min(scheme, key=lambda i: abs(STEPS[i] - level))


#: Grey level → index in STEPS, and the palette of those indices.
LEVELS = [_nearest(level) for level in range(256)]
PALETTE = [part for step in STEPS for part in _colour(step)]


@lru_cache(maxsize=16)
def _base(year: int, office: str) -> Image.Image:
    """What the pictures of one document share: the band with the year, the office, the footer."""
    image = Image.new("L", (WIDTH, HEIGHT), BODY_PAPER)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, WIDTH, BAND), fill=BAND_PAPER)
    pen.text((MARGIN, BAND // 2), HEAD_LABEL, font=_font(REGULAR, 32), fill=BAND_INK, anchor="lm")
    pen.text((WIDTH - MARGIN, BAND // 2), _year(year), font=_font(REGULAR, 32), fill=BAND_INK, anchor="rm")
    pen.line((MARGIN, FOOTER_TOP - 24, WIDTH - MARGIN, FOOTER_TOP - 24), fill=BODY_RULE, width=2)
    pen.text((MARGIN, FOOTER_TOP), _cut(office, _font(BOLD, 30), INNER), font=_font(BOLD, 30), fill=BODY_INK)
    pen.text((MARGIN, FOOTER_TOP + 44), FOOTER, font=_font(REGULAR, 24), fill=BODY_MUTED)
    return image


def _year(year: int) -> str:
    return f"Tahun anggaran {year}"


def _largest(text: str, path: Path, sizes: tuple[int, ...], width: float) -> ImageFont.FreeTypeFont:
    """The largest of `sizes` at which `text` fits on one line of `width` (the smallest if none does)."""
    return next(
        (f for f in (_font(path, s) for s in sizes) if _width(text, f) <= width), _font(path, sizes[-1])
    )


def draw(card: Facts) -> Image.Image:
    """The share picture of one indicator: a 16-colour palette image, WIDTH × HEIGHT (module notes)."""
    image = _base(card.year, card.office).copy()
    pen = ImageDraw.Draw(image)
    left = MARGIN + _width(HEAD_LABEL, _font(REGULAR, 32))
    room = WIDTH - MARGIN - 32 - _width(_year(card.year), _font(REGULAR, 32)) - left
    code = _largest(card.code, BOLD, CODE_SIZES, room)
    pen.text((left, BAND // 2), _cut(card.code, code, room), font=code, fill=BAND_INK, anchor="lm")

    target = " ".join(card.target.split())
    left = MARGIN + _width(TARGET_LABEL, _font(REGULAR, 36))
    room = WIDTH - MARGIN - left
    value = _largest(target, BOLD, TARGET_SIZES, room)
    # A printed target too long for one line takes two (the second cut with "…"), the text one line less.
    values = [target] if _width(target, value) <= room else wrap(target, value, room)
    if len(values) > TARGET_LINES:
        values = values[: TARGET_LINES - 1] + [_cut(" ".join(values[TARGET_LINES - 1 :]), value, room)]
    target_step = round(value.size * LEADING)
    top = TARGET_BASELINE - (len(values) - 1) * target_step

    font, lines = fit(
        " ".join(card.teks.split()), BOLD, TEXT_SIZES, INNER, TEXT_HEIGHT - (TARGET_BASELINE - top)
    )
    step = round(font.size * LEADING)
    for number, line in enumerate(lines):
        pen.text((MARGIN, TEXT_TOP + number * step), line, font=font, fill=BODY_INK)

    pen.text((MARGIN, top), TARGET_LABEL, font=_font(REGULAR, 36), fill=BODY_MUTED, anchor="ls")
    for number, line in enumerate(values):
        pen.text((left, top + number * target_step), line, font=value, fill=BODY_INK, anchor="ls")

    image = image.point(LEVELS)
    image.putpalette(PALETTE)  # an "L" image with a palette becomes "P" (16 colours: 4 bits per pixel)
    return image


def png(card: Facts) -> bytes:
    """The share picture as PNG bytes: no metadata, fixed compression (same facts, same bytes)."""
    out = io.BytesIO()
    draw(card).save(out, "PNG", compress_level=COMPRESS_LEVEL)
    return out.getvalue()


def write(job: Job) -> None:
    """Write the share picture of every indicator under content/ (paths.share_image); a PAGES step."""
    for item in job.package.indikator.values():
        card = facts(job.package, item)
        data = job.memo("bagikan.png", card, functools.partial(png, card))
        job.writer.write(job.content / paths.share_image(item.id), data)
