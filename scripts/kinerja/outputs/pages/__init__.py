"""Markdown pages generated from the validated package, from the Jinja2 templates in templates/.

One page per indicator, sasaran, program and document (and per older version
of a document), plus the lists, the performance tree, the glossary and the
data dictionary. Pages are plain Markdown files under content/kinerja/ so that
MkDocs and Zensical build them alike. The templates escape every value unless
it is markup on purpose (see render.py): data is shown, never run. The lists,
the tree, the glossary and the dictionary are still assembled here, every
data value wrapped in fmt.teks.
"""

from __future__ import annotations

import html
from pathlib import Path

from ... import paths
from ...model import Dokumen, Indikator, Package, Program, Sasaran
from ...paths import slug as url_slug
from .. import fmt
from . import render, rows

#: attr_list mark that keeps a section or block out of the search index: lists and citations
#: repeat text that has its own page, and would make the index (loaded on every page) heavy.
NOT_INDEXED = " { data-search-exclude }"
T = fmt.teks


def _link(from_kind: str, kind: str, identifier: str, label: str) -> str:
    prefix = "" if from_kind == kind else f"../{kind}/"
    return f"[{label}]({prefix}{url_slug(identifier)}.md)"


def _front(title: str, description: str, boost: float | None = None) -> str:
    """Front matter; the theme prints title and description unescaped, so they are escaped here."""
    title, description = html.escape(title, quote=True), html.escape(description, quote=True)
    lines = ["---", f"title: {fmt.yaml_string(title)}", f"description: {fmt.yaml_string(description)}"]
    if boost is not None:
        lines += ["search:", f"  boost: {boost}"]
    return "\n".join(lines + ["---", ""])


def _program_label(program: Program) -> str:
    codes = ", ".join(k.kode for k in program.kode)
    return f"{program.id} · {T(program.nama)}" + (f" ({codes})" if codes else "")


def indikator_page(pkg: Package, item: Indikator, changed: int) -> str:
    """The page of one indicator: printed text, target, links, anomalies, realisation, citation, data."""
    return render.template("indikator.md.j2", **rows.indikator(pkg, item, changed))


def sasaran_page(pkg: Package, sasaran: Sasaran, changed: int) -> str:
    """The page of one sasaran: text, document, programs, its indicators, anomalies."""
    return render.template("sasaran.md.j2", **rows.sasaran(pkg, sasaran, changed))


def program_page(pkg: Package, program: Program, changed: int) -> str:
    """The page of one program/activity: name, budget code parts, sasaran and indicators."""
    return render.template("program.md.j2", **rows.program(pkg, program, changed))


def dokumen_page(pkg: Package, doc: Dokumen, changed: int) -> str:
    """The page of one signed table, reading like the paper: every row, in printed order."""
    return render.template("dokumen.md.j2", **rows.dokumen(pkg, doc, changed))


def version_page(pkg: Package, doc: Dokumen, versi: int) -> str:
    """An older version of a document: its table as it was, and what the next version changed."""
    return render.template("versi.md.j2", **rows.version(pkg, doc, versi))


def indikator_index(pkg: Package) -> str:
    """All indicators in one table that the browser can sort and filter."""
    lines = [
        _front(
            "Semua indikator",
            f"Daftar {len(pkg.indikator)} indikator kinerja RKT, dapat diurutkan dan disaring.",
            boost=0.2,
        ),
        "# Semua indikator kinerja",
        "",
        f"{len(pkg.indikator)} indikator dari {len(pkg.dokumen)} dokumen. Ketik di kotak saring untuk "
        "mempersempit daftar; klik judul kolom untuk mengurutkan.",
        "",
        '<div class="tabel-saring" markdown data-search-exclude>',
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
        _front("Sasaran strategis", "Daftar sasaran strategis per dokumen RKT.", boost=0.2),
        "# Sasaran strategis",
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
        _front("Program/kegiatan", "Daftar program/kegiatan dengan kode anggarannya.", boost=0.2),
        "# Program/kegiatan",
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
        _front("Dokumen RKT", "Tabel RKT yang ditandatangani, per tahun.", boost=0.2),
        "# Dokumen RKT",
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
        _front("Pohon kinerja", "Bagan berjenjang dokumen → program → sasaran → indikator.", boost=0.2),
        "# Pohon kinerja",
        "",
        "Setiap dokumen RKT bercabang ke program/kegiatan, lalu ke sasaran strategis, lalu ke indikator "
        "kinerja dengan targetnya. Setiap kotak adalah tautan. Bagan ini juga dapat dibaca sebagai daftar "
        "berjenjang oleh pembaca layar.",
        "",
    ]
    for doc in pkg.dokumen.values():
        lines += [f"## {doc.nama}", "", '<div class="pohon" markdown data-search-exclude>', ""]
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
        _front("Glosarium", "Kepanjangan singkatan yang dipakai dalam RKT.", boost=0.5),
        "# Glosarium singkatan",
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
            boost=0.5,
        ),
        "# Kamus data",
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
        lines += ["", "<div markdown data-search-exclude>", ""]
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
    """Write every generated page under content/kinerja/; returns the files written.

    `changed` is when the data last changed (the date shown on row pages and in citations).
    """
    written: list[Path] = []

    def put(relative: str, text: str) -> None:
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)

    for item in pkg.indikator.values():
        put(paths.page_source("indikator", item.id), indikator_page(pkg, item, changed))
    for sasaran in pkg.sasaran.values():
        put(paths.page_source("sasaran", sasaran.id), sasaran_page(pkg, sasaran, changed))
    for program in pkg.program.values():
        put(paths.page_source("program", program.id), program_page(pkg, program, changed))
    for doc in pkg.dokumen.values():
        put(paths.page_source("dokumen", doc.id), dokumen_page(pkg, doc, changed))
        for entry in doc.versi[:-1]:
            put(paths.version_source(doc.id, entry.versi), version_page(pkg, doc, entry.versi))
    put(paths.list_source("indikator"), indikator_index(pkg))
    put(paths.list_source("sasaran"), sasaran_index(pkg))
    put(paths.list_source("program"), program_index(pkg))
    put(paths.list_source("dokumen"), dokumen_index(pkg))
    put(paths.section_source("pohon"), pohon(pkg))
    put(paths.section_source("glosarium"), glosarium(pkg))
    put(paths.section_source("kamus-data"), kamus_data(pkg))
    put(paths.section_source("_singkatan"), abbreviations(pkg))
    return written
