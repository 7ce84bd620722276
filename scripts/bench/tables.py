"""Tables of the benchmark report: rows for the terminal and for Markdown, in Indonesian."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from kinerja.outputs import shards

from .bare import SideBySide
from .lighthouse import LIGHTHOUSE_CATEGORIES, Lighthouse
from .scale import SUBSTAGES, ScaleRun
from .settings import (
    BARE_GAP_BYTES,
    BUDGET_BYTES,
    BUDGET_REQUESTS,
    FCP_TOLERANCE,
    FLAT_TOLERANCE,
    HTML_LIMIT,
    INCREMENTAL_GOAL,
    RATIO_GOAL,
)
from .synthetic import MAX_OFFICES
from .units import KB, kb, num
from .weight import PageWeight
from .zensical import ZensicalRun

WEIGHT_HEADERS = [
    "Skala", "Halaman", "Alamat", "Permintaan", "HTML KB", "CSS KB", "JS KB", "Indeks cari KB", "Lain KB",
    "Total gz KB", "Total mentah KB",
]  # fmt: skip
SCALE_HEADERS = [
    "Skala", "Ulang", "Indikator", "Halaman", "Validasi s", "Generasi s", "MkDocs s", "Pascaproses s",
    "Total s", "MkDocs polos s", "Rasio", "ms/halaman", "Situs MB", "HTML terbesar KB",
    "HTML terbesar gz KB", "RAM puncak MB", "Halaman indikator gz KB",
]  # fmt: skip
LIGHTHOUSE_HEADERS = ["Halaman", "Kinerja", "Aksesibilitas", "Praktik terbaik", "SEO", "FCP", "LCP", "TBT"]
BARE_HEADERS = [
    "Situs", "Kompresi", "Permintaan", "HTML KB", "CSS KB", "JS KB", "Indeks cari KB", "Total KB",
    "FCP median ms", "Kinerja", "Aksesibilitas",
]  # fmt: skip
ZENSICAL_HEADERS = [
    "Skala", "Zensical s", "MkDocs polos s", "Zensical/MkDocs", "Halaman (Zensical/MkDocs)", "Hilang",
    "Halaman indikator", "Makro", "Indeks cari", "RAM puncak MB",
]  # fmt: skip


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


def weight_rows(weights: Mapping[int, Sequence[PageWeight]]) -> list[list[object]]:
    """One row per scale and page: requests and compressed bytes by kind."""
    rows = []
    for factor, pages in sorted(weights.items()):
        for w in pages:
            other = w.by_kind("font") + w.by_kind("gambar") + w.by_kind("lain")
            rows.append([
                f"{factor}×", w.label, "/" + w.path, w.requests, kb(w.by_kind("HTML")), kb(w.by_kind("CSS")),
                kb(w.by_kind("JS")), kb(w.by_kind("indeks cari")), kb(other), kb(w.wire), kb(w.raw),
            ])  # fmt: skip
    return rows


def weight_verdicts(weights: Mapping[int, Sequence[PageWeight]]) -> list[str]:
    """Per scale: whether every page type stays within the first-visit budget, and the heaviest one."""
    notes = []
    for factor, pages in sorted(weights.items()):
        if not pages:
            continue
        over = [w for w in pages if w.wire > BUDGET_BYTES or w.requests > BUDGET_REQUESTS or w.failed]
        heaviest = max(pages, key=lambda w: w.wire)
        word = "PASS (lulus)" if not over else "FAIL (gagal): " + ", ".join(w.label for w in over)
        notes.append(
            f"{factor}×: {word} — setiap jenis halaman ≤ {BUDGET_BYTES // KB} KB terkompresi dan "
            f"≤ {BUDGET_REQUESTS} permintaan; terberat {heaviest.label} (/{heaviest.path}) "
            f"{kb(heaviest.wire)} KB dalam {heaviest.requests} permintaan."
        )
    return notes


def lighthouse_rows(lights: Mapping[str, Lighthouse]) -> list[list[object]]:
    """One row per page type: the four Lighthouse scores and the paint metrics."""
    rows: list[list[object]] = []
    for label, light in lights.items():
        if light.reason:
            rows.append([label, light.reason, "—", "—", "—", "—", "—", "—"])
            continue
        scores = [light.scores.get(c, "—") for c in LIGHTHOUSE_CATEGORIES]
        metrics = [
            light.metrics.get(m, "—")
            for m in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
        ]
        rows.append([label, *scores, *metrics])
    return rows


def bare_rows(side: SideBySide) -> list[list[object]]:
    """The indicator page of the site and of bare Material, with gzip and without compression."""
    rows: list[list[object]] = []
    for name, weights, fcp, light in (
        ("Situs ini", side.ours, side.fcp_ours, side.light_ours),
        ("Material polos", side.bare, side.fcp_bare, side.light_bare),
    ):
        for mode, w in weights.items():
            rows.append([
                name, "gzip 6" if mode == "gzip" else "tanpa", w.requests, kb(w.by_kind("HTML")),
                kb(w.by_kind("CSS")), kb(w.by_kind("JS")), kb(w.by_kind("indeks cari")), kb(w.wire),
                num(_median(fcp), 0) if fcp else "—",
                light.scores.get("performance", "—") if light else "—",
                light.scores.get("accessibility", "—") if light else "—",
            ])  # fmt: skip
    return rows


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def bare_verdict(side: SideBySide) -> str:
    """Whether the indicator page stays within 5 KB gzip and 5 % first contentful paint of bare Material."""
    if side.error and not side.ours:
        return f"Tidak diukur: {side.error}."
    gap = side.gap("gzip")
    raw_gap = side.gap("mentah")
    size_ok = gap <= BARE_GAP_BYTES
    parts = [
        f"selisih terkompresi {kb(gap)} KB (batas {BARE_GAP_BYTES // KB} KB: "
        f"{'tercapai' if size_ok else 'TIDAK tercapai'}), tanpa kompresi {kb(raw_gap)} KB"
    ]
    if side.fcp_ours and side.fcp_bare:
        ratio = side.fcp_ratio()
        fcp_ok = ratio <= 1 + FCP_TOLERANCE
        parts.append(
            f"FCP median {num(_median(side.fcp_ours), 0)} ms lawan {num(_median(side.fcp_bare), 0)} ms "
            f"(×{num(ratio, 3)}; batas ±{num(FCP_TOLERANCE * 100, 0)} %: "
            f"{'tercapai' if fcp_ok else 'TIDAK tercapai'})"
        )
    elif side.error:
        parts.append(f"FCP tidak diukur: {side.error}")
    return "; ".join(parts) + "."


def scale_rows(runs: Sequence[ScaleRun]) -> list[list[object]]:
    """One row per scale (or the reason it could not be measured)."""
    rows: list[list[object]] = []
    for r in runs:
        if r.site is None:
            rows.append([f"{r.factor}×", "—", r.indikator or "—", "—", *["—"] * 13])  # 17 columns
            continue
        s = r.stages
        generation = s.get("model", 0.0) + s.get("generasi", 0.0)
        rows.append([
            f"{r.factor}×", r.repeats, r.indikator, len(r.site.pages), num(s.get("validasi", 0.0)),
            num(generation), num(s.get("mkdocs", 0.0)), num(s.get("pascaproses", 0.0)), num(r.total),
            num(r.bare), num(r.ratio, 2), num(r.ms_per_page), num(r.site.mb), kb(r.site.largest[1]),
            kb(r.site.largest_gz[1]), num(max(r.rss_mb, s.get("rss_anak_mb", 0.0)), 0),
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
    for r in runs:
        if r.incremental or r.incremental_error:
            verdict = "tercapai" if r.incremental <= INCREMENTAL_GOAL else "TIDAK tercapai"
            notes.append(
                f"{r.factor}×: bangun ulang sesudah realisasi satu kantor berubah (tembolok hangat): "
                + (
                    f"{num(r.incremental)} s, CPU {num(r.incremental_cpu)} s"
                    + (f" (sasaran ≤ {INCREMENTAL_GOAL} s: {verdict})." if r.factor >= MAX_OFFICES else ".")
                    + _identity(r.incremental_differs, r.incremental_check_error)
                    if not r.incremental_error
                    else f"GAGAL: {r.incremental_error}"
                )
            )
    for r in done:
        largest, size = r.site.largest_gz if r.site else ("", 0)
        verdict = "tercapai" if size <= HTML_LIMIT else "TIDAK tercapai"
        notes.append(
            f"{r.factor}×: HTML terbesar {kb(size)} KB terkompresi (/{largest}); batas "
            f"{HTML_LIMIT // KB} KB: {verdict}."
        )
    grown = [r for r in done if r.factor >= 10]
    if len(grown) >= 2:
        low, high = grown[0], grown[-1]
        change = high.ms_per_page / low.ms_per_page if low.ms_per_page else 0.0
        flat = "TIDAK datar"
        if abs(change - 1) <= FLAT_TOLERANCE:
            flat = f"datar (±{num(FLAT_TOLERANCE * 100, 0)} %)"
        notes.append(f"Biaya per halaman {high.factor}× dibanding {low.factor}×: ×{num(change, 2)} — {flat}.")
    small = [r for r in done if r.factor < 10]
    if small and grown:
        one, big = small[0], grown[0]
        if one.site and big.site:
            more = len(big.site.pages) - len(one.site.pages)
            if more > 0:
                notes.append(
                    f"Pada {one.factor}× ({len(one.site.pages)} halaman, "
                    f"{num(one.ms_per_page)} ms per halaman) biaya tetap memulai Python, MkDocs dan tema "
                    f"mendominasi; tiap halaman tambahan dari {one.factor}× ke {big.factor}× berbiaya "
                    f"{num((big.total - one.total) * 1000 / more)} ms."
                )
    for r in done:
        parts = [(label, r.stages[label]) for _, _, label in SUBSTAGES if label in r.stages]
        if parts:
            notes.append(
                f"Rincian {r.factor}×: "
                + ", ".join(f"{label} {num(seconds)} s" for label, seconds in parts)
                + "."
            )
    notes += [line for r in done if (line := shard_note(r))]
    for r in runs:
        if r.error:
            notes.append(f"{r.factor}×: {r.error}")
    return notes


def _identity(differs: list[str] | None, error: str = "") -> str:
    """What the comparison with a clean build of the same data found, as the end of a note."""
    if error:
        return f" Pembangunan bersih pembanding GAGAL: {error}"
    if differs is None:
        return ""
    if not differs:
        return " Situsnya sama byte demi byte dengan pembangunan bersih data yang sama."
    shown = ", ".join(differs[:3]) + (" …" if len(differs) > 3 else "")
    return f" BERBEDA dengan pembangunan bersih data yang sama: {len(differs)} berkas ({shown})."


def shard_note(run: ScaleRun) -> str:
    """The shards of one scale's site/shards.json in words: how many, the largest, the limits kept."""
    listing = run.site.shards if run.site else []
    if not listing:
        return ""
    largest = max(listing, key=lambda s: (s["bytes"], s["files"]))
    most = max(listing, key=lambda s: s["files"])
    shared = next((s for s in listing if s["name"] == shards.SHARED), None)
    kept = all(s["bytes"] <= shards.MAX_BYTES and s["files"] <= shards.MAX_FILES for s in listing)
    mb = KB * KB
    parts = [
        f"{run.factor}×: {len(listing)} shard (site/shards.json)",
        f"terbesar {largest['name']} {num(largest['bytes'] / mb)} MB",
        f"berkas terbanyak {most['name']} {most['files']}",
    ]
    if shared and len(listing) > 1:
        parts.append(f"bersama {num(shared['bytes'] / mb)} MB, {shared['files']} berkas")
    limits = f"{shards.MAX_BYTES // 1_000_000} MB (desimal) dan {shards.MAX_FILES} berkas per shard"
    return "; ".join(parts) + f"; batas {limits}: {'tercapai' if kept else 'TIDAK tercapai'}."
