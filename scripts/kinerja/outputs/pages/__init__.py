"""Markdown pages generated from the validated package.

One page per indicator, sasaran, program and document, plus the lists, the
performance tree, the glossary and the data dictionary. Pages are plain
Markdown files under content/kinerja/ so that MkDocs and Zensical build
them alike. Data text always passes through fmt.teks: it is shown, never run.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from ... import paths
from ...domain import versions
from ...model import Anomali, Dokumen, Indikator, Package, Program, Sasaran
from ...paths import slug as url_slug
from .. import chart, fmt, metadata
from ..labels import KATEGORI_LABEL

OUT = "kinerja"
#: attr_list mark that keeps a section or block out of the search index (outputs/search/pages.py):
#: lists and citations repeat text that has its own page, and would make results and index heavy.
NOT_INDEXED = " { data-cari-abaikan }"
T = fmt.teks


def page_path(kind: str, identifier: str) -> str:
    """Path of a generated page relative to content/, e.g. kinerja/indikator/ik24-s01.md."""
    return f"{OUT}/{kind}/{url_slug(identifier)}.md"


def page_url(kind: str, identifier: str) -> str:
    """Site-relative URL of a generated page, e.g. kinerja/indikator/ik24-s01/."""
    return f"{OUT}/{kind}/{url_slug(identifier)}/"


def _link(from_kind: str, kind: str, identifier: str, label: str) -> str:
    prefix = "" if from_kind == kind else f"../{kind}/"
    return f"[{label}]({prefix}{url_slug(identifier)}.md)"


def _front(title: str, description: str) -> str:
    """Front matter; the theme prints title and description unescaped, so they are escaped here."""
    title, description = html.escape(title, quote=True), html.escape(description, quote=True)
    lines = ["---", f"title: {fmt.yaml_string(title)}", f"description: {fmt.yaml_string(description)}"]
    return "\n".join(lines + ["---", ""])


def _boost(weight: float) -> str:
    """attr_list mark for a page's h1: the page's weight in search (1 = a hand-written page).

    The search step reads it from the built HTML (outputs/search/pages.py): an
    indicator's page (3) ranks above its sasaran (2) and far above the lists that
    repeat its text (0.2), on any engine.
    """
    return f' {{ data-cari-bobot="{weight:g}" }}'


def _target(item: Indikator) -> str:
    text = fmt.nilai_satuan(item.target_nilai, item.target_satuan)
    if item.target_sekunder_nilai is not None:
        text += f" ({fmt.nilai_satuan(item.target_sekunder_nilai, item.target_sekunder_satuan)})"
    return text


def _anomali_blocks(notes: Iterable[Anomali]) -> list[str]:
    out: list[str] = []
    for note in notes:
        label = KATEGORI_LABEL.get(note.kategori, note.kategori)
        out.append(f'!!! warning "Catatan {note.id}: {label}"')
        if note.teks_dicetak:
            out.append(f"    Tercetak: «{T(note.teks_dicetak)}» (kolom `{note.kolom}`).")
        else:
            out.append(f"    Kolom `{note.kolom}` tercetak kosong.")
        out.append("")
        out.append(f"    {T(note.uraian)}")
        out.append("")
        out.append(f"    **Dampak:** {T(note.dampak)}")
        out.append("")
    return out


def _citation(pkg: Package, title: str, identifier: str, url: str, changed: int) -> list[str]:
    return [
        "## Cara mengutip" + NOT_INDEXED,
        "",
        "Salin kutipan ini ke surat atau tulisan Anda (tombol salin ada di pojok kanan kotak):",
        "",
        "```text",
        metadata.citation(pkg.publisher, title, identifier, url, changed),
        "```",
        "",
        f"Alamat tetap halaman ini: <{url}>",
        "",
    ]


def _fact_table(rows: list[tuple[str, str]]) -> list[str]:
    """The facts of a row as a two-column table (kept out of the search index: its words have pages)."""
    out = ["<div markdown data-cari-abaikan>", "", "| Unsur | Keterangan |", "|---|---|"]
    out += [f"| {label} | {value} |" for label, value in rows]
    return out + ["", "</div>", ""]


def _program_label(program: Program) -> str:
    codes = ", ".join(k.kode for k in program.kode)
    return f"{program.id} · {T(program.nama)}" + (f" ({codes})" if codes else "")


def _code_parts(program: Program) -> str:
    parts = []
    for kode in program.kode:
        bits = [f"kegiatan {kode.kode_kegiatan}"]
        if kode.kode_kro:
            bits.append(f"KRO {kode.kode_kro}")
        if kode.kode_ro:
            bits.append(f"RO {kode.kode_ro}")
        parts.append(f"{kode.kode} = " + " · ".join(bits))
    return "; ".join(parts) or "—"


def indikator_page(pkg: Package, item: Indikator, changed: int) -> str:
    """The page of one indicator: printed text, target, links, anomalies, citation, data."""
    doc = pkg.dokumen[item.dokumen_id]
    sasaran = pkg.sasaran[item.sasaran_id]
    program = pkg.program.get(item.program_id)
    url = paths.site_url() + page_url("indikator", item.id)
    rows = [
        ("Kode indikator", f"**{item.id}**"),
        ("Target tercetak", f"**{T(item.target_dicetak)}**"),
        ("Nilai dan satuan", _target(item)),
        ("Sasaran strategis", _link("indikator", "sasaran", sasaran.id, f"{sasaran.id} · {T(sasaran.teks)}")),
    ]
    if program:
        rows.append(("Program/kegiatan", _link("indikator", "program", program.id, _program_label(program))))
        rows.append(("Kode anggaran", _code_parts(program)))
        if not item.program_dicetak:
            rows.append(
                ("Sel program", "kosong di dokumen; dibaca sebagai sel gabungan dengan baris di atasnya")
            )
    elif doc.jenis == "sekretariat":
        rows.append(("Program/kegiatan", "tidak tercetak di dokumen"))
    rows += [
        ("Dokumen", _link("indikator", "dokumen", doc.id, f"{doc.id} · {doc.nama}")),
        ("Letak di dokumen", f"baris ke-{item.urutan} tabel, halaman tabel {item.halaman_tabel}"),
        ("Tahun anggaran", str(doc.tahun)),
        ("Data terakhir diubah", fmt.tanggal_epoch(changed)),
    ]
    if item.tahun_lain:
        others = [
            _link("indikator", "indikator", i, f"{i} ({pkg.dokumen[pkg.indikator[i].dokumen_id].tahun})")
            for i in item.tahun_lain
        ]
        rows.append(("Tahun lain", " · ".join(others)))
    links = paths.indikator_files(item.id)
    lines = [
        _front(
            f"{item.id} · {item.teks}",
            f"Indikator kinerja {item.id} RKT {doc.tahun}: {item.teks}. Target {item.target_dicetak}.",
        ),
        f"# {T(item.teks)}" + _boost(3),
        "",
        f"Indikator kinerja **{item.id}** dalam {doc.nama}. Teks di atas dan target di bawah disalin "
        "kata demi kata dari dokumen resmi.",
        NOT_INDEXED.strip(),
        "",
        *_fact_table(rows),
        *_anomali_blocks(item.anomali),
        *chart.section(item, doc.tahun),
        "## Data indikator ini" + NOT_INDEXED,
        "",
        *[f"- [Indikator {item.id} sebagai {name}](../../{path})" for name, path in sorted(links.items())],
        "- Semua data: [Unduh data](../../unduh.md) · [API](../../api.md)",
        "",
        *_citation(pkg, item.teks, item.id, url, changed),
    ]
    return "\n".join(lines)


def _indikator_table(items: Iterable[Indikator], from_kind: str) -> list[str]:
    out = ["| Kode | Indikator kinerja | Target |", "|---|---|---|"]
    for item in items:
        link = _link(from_kind, "indikator", item.id, item.id)
        out.append(f"| {link} | {T(item.teks)} | {T(item.target_dicetak)} |")
    return out + [""]


def sasaran_page(pkg: Package, sasaran: Sasaran, changed: int) -> str:
    """The page of one sasaran: text, document, programs, its indicators, anomalies."""
    doc = pkg.dokumen[sasaran.dokumen_id]
    url = paths.site_url() + page_url("sasaran", sasaran.id)
    programs = sorted({i.program_id for i in sasaran.indikator if i.program_id})
    rows = [
        ("Kode sasaran", f"**{sasaran.id}**"),
        ("Dokumen", _link("sasaran", "dokumen", doc.id, f"{doc.id} · {doc.nama}")),
        ("Urutan di dokumen", f"sasaran ke-{sasaran.urutan}"),
        ("Jumlah indikator", str(len(sasaran.indikator))),
        ("Data terakhir diubah", fmt.tanggal_epoch(changed)),
    ]
    if programs:
        rows.append(
            (
                "Program/kegiatan",
                "<br>".join(_link("sasaran", "program", p, _program_label(pkg.program[p])) for p in programs),
            )
        )
    if sasaran.sama_dengan:
        same = pkg.sasaran[sasaran.sama_dengan]
        rows.append(
            ("Sama dengan", _link("sasaran", "sasaran", same.id, f"{same.id} (beda huruf besar/kecil)"))
        )
    for twin in sasaran.tercetak_lagi:
        rows.append(("Tercetak lagi sebagai", _link("sasaran", "sasaran", twin, twin)))
    lines = [
        _front(
            f"{sasaran.id} · {sasaran.teks}",
            f"Sasaran strategis {sasaran.id} RKT {doc.tahun}: {sasaran.teks}.",
        ),
        f"# {T(sasaran.teks)}" + _boost(2),
        "",
        f"Sasaran strategis **{sasaran.id}** dalam {doc.nama}, dengan indikator kinerja dan targetnya.",
        NOT_INDEXED.strip(),
        "",
        *_fact_table(rows),
        "## Indikator kinerja" + NOT_INDEXED,
        "",
        *_indikator_table(sasaran.indikator, "sasaran"),
        *_anomali_blocks(sasaran.anomali),
        *_citation(pkg, sasaran.teks, sasaran.id, url, changed),
    ]
    return "\n".join(lines)


def program_page(pkg: Package, program: Program, changed: int) -> str:
    """The page of one program/activity: name, budget code parts, sasaran and indicators."""
    doc = pkg.dokumen[program.dokumen_id]
    url = paths.site_url() + page_url("program", program.id)
    kode_rows = [
        "| Kode tercetak | Kegiatan | KRO | RO | Nama tercetak sebelum kode |",
        "|---|---|---|---|---|",
    ]
    for kode in program.kode:
        kode_rows.append(
            f"| {kode.kode} | {kode.kode_kegiatan} | {kode.kode_kro or '—'} | {kode.kode_ro or '—'} "
            f"| {T(kode.nama_kegiatan)} |"
        )
    lines = [
        _front(
            f"{program.id} · {program.nama}",
            f"Program/kegiatan {program.id} RKT {doc.tahun}: {program.teks_dicetak}.",
        ),
        f"# {T(program.nama)}" + _boost(2),
        "",
        f"Program/kegiatan **{program.id}** dalam {doc.nama}.",
        NOT_INDEXED.strip(),
        "",
        *_fact_table(
            [
                ("Kode program", f"**{program.id}**"),
                ("Teks tercetak", T(program.teks_dicetak)),
                ("Dokumen", _link("program", "dokumen", doc.id, f"{doc.id} · {doc.nama}")),
                ("Jumlah indikator", str(len(program.indikator))),
                ("Data terakhir diubah", fmt.tanggal_epoch(changed)),
            ]
        ),
        "## Kode anggaran",
        "",
        "Kode anggaran KPU (bagian anggaran 076) terdiri atas kegiatan (4 digit), KRO (3 huruf) dan RO "
        "(3 digit). Nama resmi kegiatan dan KRO tidak tercantum dalam dokumen dan tidak kami tebak.",
        NOT_INDEXED.strip(),
        "",
        *kode_rows,
        "",
        "## Sasaran dan indikator" + NOT_INDEXED,
        "",
    ]
    by_sasaran: dict[str, list[Indikator]] = {}
    for item in program.indikator:
        by_sasaran.setdefault(item.sasaran_id, []).append(item)
    for sasaran_id, items in by_sasaran.items():
        sasaran = pkg.sasaran[sasaran_id]
        lines += [f"### {sasaran.id} · {T(sasaran.teks)}" + NOT_INDEXED, ""]
        lines += [_link("program", "sasaran", sasaran.id, "Halaman sasaran ini"), ""]
        lines += _indikator_table(items, "program")
    lines += _anomali_blocks(program.anomali)
    lines += _citation(pkg, program.teks_dicetak, program.id, url, changed)
    return "\n".join(lines)


def dokumen_page(pkg: Package, doc: Dokumen, changed: int) -> str:
    """The page of one signed table, reading like the paper: every row, in printed order."""
    url = paths.site_url() + page_url("dokumen", doc.id)
    columns = doc.kolom_dicetak.split(" | ")
    has_program = len(columns) == 4
    lines = [
        _front(
            doc.nama,
            f"Tabel {doc.nama} yang ditandatangani {fmt.tanggal(doc.tanggal)}: "
            f"{len(doc.sasaran)} sasaran, {len(doc.indikator)} indikator.",
        ),
        f"# {doc.nama}" + _boost(1),
        "",
        *_fact_table(
            [
                ("Kode dokumen", f"**{doc.id}**"),
                ("Judul tercetak", T(doc.judul_dicetak)),
                ("Nama/Unit Organisasi (tercetak)", T(doc.unit_dicetak)),
                ("Tahun anggaran", _other_years(pkg, doc)),
                ("Ditandatangani", f"{T(doc.tempat)}, {fmt.tanggal(doc.tanggal)}"),
                ("Penanda tangan", f"{T(doc.nama_penanda_tangan)} — {T(doc.jabatan_penanda_tangan)}"),
                (
                    "Isi",
                    f"{len(doc.program)} program/kegiatan, {len(doc.sasaran)} sasaran, "
                    f"{len(doc.indikator)} indikator",
                ),
                (
                    "Teks sumber",
                    f"[{doc.sumber.split('/')[-1]}](../../berkas/sumber/{doc.sumber.split('/')[-1]})",
                ),
                ("Data terakhir diubah", fmt.tanggal_epoch(changed)),
            ]
        ),
        "## Tabel seperti tercetak" + NOT_INDEXED,
        "",
        "Baris disusun sesuai urutan cetak. Sel kosong dibiarkan kosong seperti di kertas: artinya sama "
        "dengan sel di atasnya (sel gabungan). Setiap baris tertaut ke halamannya.",
        "",
    ]
    header = ["No.", *columns]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    page = 0
    previous_sasaran = ""
    for item in doc.indikator:
        if item.halaman_tabel != page:
            page = item.halaman_tabel
            blank = " |" * (len(header) - 1)
            lines.append(f"| **Halaman tabel {page}** |{blank}")
        sasaran_cell = ""
        if item.sasaran_id != previous_sasaran:
            sasaran = pkg.sasaran[item.sasaran_id]
            sasaran_cell = _link("dokumen", "sasaran", sasaran.id, T(sasaran.teks))
            previous_sasaran = item.sasaran_id
        cells = [str(item.urutan)]
        if has_program:
            cells.append(
                _link("dokumen", "program", item.program_id, T(item.program_dicetak))
                if item.program_dicetak and item.program_id
                else T(item.program_dicetak)
            )
        cells += [sasaran_cell, _link("dokumen", "indikator", item.id, T(item.teks)), T(item.target_dicetak)]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        f"{T(doc.tempat)}, {T(doc.tanggal_dicetak)}  ",
        f"{T(doc.jabatan_penanda_tangan)}  ",
        f"**{T(doc.nama_penanda_tangan)}**",
        "",
        "## Catatan atas dokumen ini" + NOT_INDEXED,
        "",
    ]
    if doc.anomali:
        lines += ["| Kode | Letak | Kategori | Uraian |", "|---|---|---|---|"]
        for note in doc.anomali:
            where = _anomali_where(note, "dokumen")
            lines.append(
                f"| {note.id} | {where} | {KATEGORI_LABEL.get(note.kategori, note.kategori)} "
                f"| {T(note.uraian)} |"
            )
        lines.append("")
    else:
        lines += ["Tidak ada catatan.", ""]
    lines += _versions_section(pkg, doc)
    lines += _citation(pkg, doc.nama, doc.id, url, changed)
    return "\n".join(lines)


def _other_years(pkg: Package, doc: Dokumen) -> str:
    others = [d for d in pkg.dokumen.values() if d.jenis == doc.jenis and d.tahun != doc.tahun]
    links = [_link("dokumen", "dokumen", d.id, str(d.tahun)) for d in sorted(others, key=lambda d: d.tahun)]
    return str(doc.tahun) + (f" (tahun lain: {' · '.join(links)})" if links else "")


def _versions_section(pkg: Package, doc: Dokumen) -> list[str]:
    entries = doc.versi
    if len(entries) < 2:
        return []
    lines = ["## Versi dokumen", "", "| Versi | Tanggal | Halaman |", "|---|---|---|"]
    for entry in entries:
        versi = entry.versi
        day = fmt.tanggal(entry.tanggal)
        where = (
            "halaman ini (terbaru)"
            if entry is entries[-1]
            else f"[versi {versi}]({url_slug(doc.id)}/v{versi}.md)"
        )
        lines.append(f"| {versi} | {day} | {where} |")
    previous = pkg.arsip[(doc.id, entries[-2].versi)]
    lines += ["", f"### Perubahan dari versi {entries[-2].versi}", ""]
    lines += _change_list(previous["indikator"], pkg.rows_of(doc.id))
    return lines + [""]


def _change_list(old: list[dict[str, str]], new: list[dict[str, str]]) -> list[str]:
    found = versions.changes(old, new)
    if not found:
        return ["Tidak ada perubahan indikator atau target.", ""]
    label = {"ditambah": "Ditambah", "dihapus": "Dihapus", "teks": "Teks diubah", "target": "Target diubah"}
    return [f"- **{label[c.jenis]}** ({c.kode}): {T(c.uraian)}" for c in found] + [""]


def version_page(pkg: Package, doc: Dokumen, versi: int) -> str:
    """An older version of a document: its table as it was, and what the next version changed."""
    entries = doc.versi
    entry = next(e for e in entries if e.versi == versi)
    rows = pkg.arsip[(doc.id, versi)]
    sasaran = {r["id"]: r["teks"] for r in rows["sasaran"]}
    following = next(e for e in entries if e.versi == versi + 1)
    newer = pkg.arsip.get((doc.id, versi + 1))
    next_rows = newer["indikator"] if newer else pkg.rows_of(doc.id)
    lines = [
        _front(
            f"{doc.nama} — versi {versi}",
            f"Versi {versi} {doc.nama}, {entry.tanggal.isoformat()}.",
        ),
        f"# {doc.nama} — versi {versi}" + _boost(0.1),
        "",
        '!!! note "Versi lama"',
        f"    Ini versi {versi} bertanggal {fmt.tanggal(entry.tanggal)}. "
        "Versi terbaru ada "
        f"di [halaman dokumen](../{url_slug(doc.id)}.md).",
        "",
        "| No. | Kode | Sasaran | Indikator kinerja | Target |",
        "|---|---|---|---|---|",
    ]
    for row in sorted(rows["indikator"], key=lambda r: int(r["urutan"])):
        lines.append(
            f"| {row['urutan']} | {row['id']} | {T(sasaran.get(row['sasaran_id'], ''))} | {T(row['teks'])} "
            f"| {T(row['target_dicetak'])} |"
        )
    lines += ["", f"## Perubahan di versi {following.versi}", ""]
    lines += _change_list(rows["indikator"], next_rows)
    return "\n".join(lines)


def _anomali_where(note: Anomali, from_kind: str) -> str:
    return _link(from_kind, note.tabel, note.rujukan_id, note.rujukan_id)


def indikator_index(pkg: Package) -> str:
    """All indicators in one table that the browser can sort and filter."""
    lines = [
        _front(
            "Semua indikator",
            f"Daftar {len(pkg.indikator)} indikator kinerja RKT, dapat diurutkan dan disaring.",
        ),
        "# Semua indikator kinerja" + _boost(0.2),
        "",
        f"{len(pkg.indikator)} indikator dari {len(pkg.dokumen)} dokumen. Ketik di kotak saring untuk "
        "mempersempit daftar; klik judul kolom untuk mengurutkan.",
        "",
        '<div class="tabel-saring" markdown data-cari-abaikan>',
        "",
        "| Kode | Indikator kinerja | Target | Sasaran | Program | Dokumen |",
        "|---|---|---|---|---|---|",
    ]
    for doc in pkg.dokumen.values():
        for item in doc.indikator:
            program = pkg.program.get(item.program_id)
            lines.append(
                f"| {_link('indikator', 'indikator', item.id, item.id)} | {T(item.teks)} "
                f"| {T(item.target_dicetak)} "
                f"| {_link('indikator', 'sasaran', item.sasaran_id, item.sasaran_id)} "
                f"| {_link('indikator', 'program', program.id, program.id) if program else '—'} "
                f"| {_link('indikator', 'dokumen', doc.id, doc.id)} |"
            )
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def sasaran_index(pkg: Package) -> str:
    """All sasaran, per document, in printed order."""
    lines = [
        _front("Sasaran strategis", "Daftar sasaran strategis per dokumen RKT."),
        "# Sasaran strategis" + _boost(0.2),
        "",
    ]
    for doc in pkg.dokumen.values():
        lines += [
            f"## {doc.nama}" + NOT_INDEXED,
            "",
            "| Kode | Sasaran strategis | Indikator |",
            "|---|---|---|",
        ]
        for sasaran in doc.sasaran:
            lines.append(
                f"| {_link('sasaran', 'sasaran', sasaran.id, sasaran.id)} | {T(sasaran.teks)} "
                f"| {len(sasaran.indikator)} |"
            )
        lines.append("")
    return "\n".join(lines)


def program_index(pkg: Package) -> str:
    """All programs/activities with their codes."""
    lines = [
        _front("Program/kegiatan", "Daftar program/kegiatan dengan kode anggarannya."),
        "# Program/kegiatan" + _boost(0.2),
        "",
        "Hanya tabel Sekretariat yang mencantumkan program/kegiatan.",
        "",
    ]
    for doc in pkg.dokumen.values():
        if not doc.program:
            continue
        lines += [
            f"## {doc.nama}" + NOT_INDEXED,
            "",
            "| Kode | Program/kegiatan | Kode anggaran | Indikator |",
            "|---|---|---|---|",
        ]
        for program in doc.program:
            codes = ", ".join(k.kode for k in program.kode)
            lines.append(
                f"| {_link('program', 'program', program.id, program.id)} | {T(program.nama)} | {codes} "
                f"| {len(program.indikator)} |"
            )
        lines.append("")
    return "\n".join(lines)


def dokumen_index(pkg: Package) -> str:
    """The signed tables, grouped by year (newest first), so readers can move between years."""
    years = sorted(pkg.tahun, reverse=True)
    lines = [
        _front("Dokumen RKT", "Tabel RKT yang ditandatangani, per tahun."),
        "# Dokumen RKT" + _boost(0.2),
        "",
        "Tahun: " + " · ".join(f"[{year}](#tahun-{year})" for year in years),
        "",
    ]
    for year in years:
        lines += [
            f"## Tahun {year} {{ #tahun-{year} }}",
            "",
            "| Kode | Dokumen | Ditandatangani | Versi | Sasaran | Indikator |",
            "|---|---|---|---|---|---|",
        ]
        for doc in (d for d in pkg.dokumen.values() if d.tahun == year):
            lines.append(
                f"| {_link('dokumen', 'dokumen', doc.id, doc.id)} | {doc.nama} "
                f"| {T(doc.tempat)}, {fmt.tanggal(doc.tanggal)} oleh {T(doc.nama_penanda_tangan)} "
                f"| {len(doc.versi) or 1} | {len(doc.sasaran)} | {len(doc.indikator)} |"
            )
        lines.append("")
    return "\n".join(lines)


def pohon(pkg: Package) -> str:
    """The performance tree: document → program → sasaran → indicator, as nested linked lists.

    Nested lists are both the picture (styled as connected boxes by CSS) and
    the text equivalent, so screen readers and phones get the same content.
    """
    lines = [
        _front("Pohon kinerja", "Bagan berjenjang dokumen → program → sasaran → indikator."),
        "# Pohon kinerja" + _boost(0.2),
        "",
        "Setiap dokumen RKT bercabang ke program/kegiatan, lalu ke sasaran strategis, lalu ke indikator "
        "kinerja dengan targetnya. Setiap kotak adalah tautan. Bagan ini juga dapat dibaca sebagai daftar "
        "berjenjang oleh pembaca layar.",
        "",
    ]
    for doc in pkg.dokumen.values():
        lines += [f"## {doc.nama}", "", '<div class="pohon" markdown data-cari-abaikan>', ""]
        lines.append(f"- [{doc.id} · {doc.nama}](dokumen/{url_slug(doc.id)}.md)")
        groups: list[tuple[Program | None, list[Indikator]]] = []
        for item in doc.indikator:
            program = pkg.program.get(item.program_id)
            if not groups or groups[-1][0] is not program:
                groups.append((program, []))
            groups[-1][1].append(item)
        for program, items in groups:
            depth = 1
            if doc.program:
                label = (
                    f"[Program {_program_label(program)}](program/{url_slug(program.id)}.md)"
                    if program
                    else "Tanpa program (sel kosong di dokumen)"
                )
                lines.append("    " + f"- {label}")
                depth = 2
            current = ""
            for item in items:
                if item.sasaran_id != current:
                    current = item.sasaran_id
                    sasaran = pkg.sasaran[current]
                    lines.append(
                        "    " * depth + f"- [Sasaran {sasaran.id} · {T(sasaran.teks)}]"
                        f"(sasaran/{url_slug(sasaran.id)}.md)"
                    )
                lines.append(
                    "    " * (depth + 1) + f"- [{item.id} · {T(item.teks)} — target "
                    f"{T(item.target_dicetak)}](indikator/{url_slug(item.id)}.md)"
                )
        lines += ["", "</div>", ""]
    return "\n".join(lines)


def glosarium(pkg: Package) -> str:
    """Every acronym in the data with its expansion."""
    lines = [
        _front("Glosarium", "Kepanjangan singkatan yang dipakai dalam RKT."),
        "# Glosarium singkatan" + _boost(0.5),
        "",
        "Di setiap halaman, singkatan bergaris bawah titik-titik menampilkan kepanjangannya bila disentuh "
        "atau ditunjuk. Kolom *Sumber* menyatakan apakah kepanjangan tercetak di dokumen RKT atau istilah "
        "baku di luar dokumen.",
        "",
        "| Singkatan | Kepanjangan | Keterangan | Sumber |",
        "|---|---|---|---|",
    ]
    for row in sorted(pkg.glosarium, key=lambda r: r.singkatan.casefold()):
        expansion = T(row.kepanjangan) if row.kepanjangan else "*(tidak diketahui)*"
        source = "dokumen RKT" if row.sumber == "dokumen" else "istilah baku"
        lines.append(f"| **{T(row.singkatan)}** | {expansion} | {T(row.keterangan)} | {source} |")
    return "\n".join(lines + [""])


def abbreviations(pkg: Package) -> str:
    """Abbreviation definitions appended to every page (hover and tap show the expansion)."""
    lines = []
    for row in pkg.glosarium:
        title = row.kepanjangan or row.keterangan
        title = title.replace("[", "(").replace("]", ")")
        lines.append(f"*[{row.singkatan}]: {title}")
    return "\n".join(lines) + "\n"


def kamus_data(pkg: Package) -> str:
    """The data dictionary: every field of every resource, from the schemas."""
    lines = [
        _front(
            "Kamus data",
            "Setiap kolom setiap berkas data: nama, judul, tipe, batasan dan keterangan.",
        ),
        "# Kamus data" + _boost(0.5),
        "",
        "Dibuat otomatis dari skema di `datapackage.json`. Berkas CSV memakai titik sebagai pemisah desimal "
        "dan tanggal ISO 8601 (TTTT-BB-HH).",
        "",
    ]
    for table in pkg.tables.values():
        lines += [f"## {T(table.title)} (`{table.name}`)", ""]
        lines += [
            T(table.description),
            NOT_INDEXED.strip(),
            "",
            f"Berkas: `{table.path}`. Kunci utama: `{', '.join(table.primary_key)}`.",
            "",
        ]
        for fk in table.foreign_keys:
            target = fk["reference"]["resource"] or table.name
            lines.append(
                f"- Kolom `{', '.join(_as_list(fk['fields']))}` merujuk ke `{target}`."
                f"`{', '.join(_as_list(fk['reference']['fields']))}`."
            )
        lines += ["", "<div markdown data-cari-abaikan>", ""]
        lines += ["| Kolom | Judul | Tipe | Batasan | Keterangan |", "|---|---|---|---|---|"]
        for field in table.fields:
            lines.append(
                f"| `{field.name}` | {T(field.title)} | {field.type} "
                f"| {T(fmt.constraints_text(field.constraints)) or '—'} "
                f"| {T(field.description)} |"
            )
        lines += ["", "</div>", ""]
    return "\n".join(lines)


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)  # type: ignore[arg-type]


def write_all(pkg: Package, content: Path, changed: int) -> list[Path]:
    """Write every generated page under content/kinerja/; returns the files written."""
    written: list[Path] = []

    def put(relative: str, text: str) -> None:
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)

    for item in pkg.indikator.values():
        put(page_path("indikator", item.id), indikator_page(pkg, item, changed))
    for sasaran in pkg.sasaran.values():
        put(page_path("sasaran", sasaran.id), sasaran_page(pkg, sasaran, changed))
    for program in pkg.program.values():
        put(page_path("program", program.id), program_page(pkg, program, changed))
    for doc in pkg.dokumen.values():
        put(page_path("dokumen", doc.id), dokumen_page(pkg, doc, changed))
        for entry in doc.versi[:-1]:
            versi = entry.versi
            put(f"{OUT}/dokumen/{url_slug(doc.id)}/v{versi}.md", version_page(pkg, doc, versi))
    put(f"{OUT}/indikator/index.md", indikator_index(pkg))
    put(f"{OUT}/sasaran/index.md", sasaran_index(pkg))
    put(f"{OUT}/program/index.md", program_index(pkg))
    put(f"{OUT}/dokumen/index.md", dokumen_index(pkg))
    put(f"{OUT}/pohon.md", pohon(pkg))
    put(f"{OUT}/glosarium.md", glosarium(pkg))
    put(f"{OUT}/kamus-data.md", kamus_data(pkg))
    put(f"{OUT}/_singkatan.md", abbreviations(pkg))
    return written
