"""Import a signed RKT document (text export or Word .docx) into the rows of a package folder.

The functions here read and write the CSVs of the package they are given (a
DataPackage, whose descriptor names every file); `kinerja.update` gives them a
temporary copy of the package and swaps
it in only when the whole result validates, so the real data/ is never
half-written. Rows already in the package keep their identifiers; new rows
get new ones. The report lists what looks doubtful (ingest.hints), for a person to
record in data/anomali.csv.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..datapackage import DESCRIPTOR, DataPackage, of
from ..domain import ids, versions
from ..domain.entities import from_row
from ..domain.printed import normalise, program_key
from ..domain.targets import BOUND_DIRECTION, Kategori, Scales
from .hints import doubts, hint_report
from .notes import add_layout_notes
from .reading import Source
from .transcribe import Existing, Office, Rows, transcribe

SUMBER = "data/sumber"
RESOURCES = ("dokumen", "program", "program_kode", "sasaran", "indikator")


def existing_ids(package: DataPackage) -> Existing:
    """Identifiers already in the package, keyed the way transcribe() recognises rows."""
    known = Existing()
    for row in package.rows("dokumen"):
        parsed = ids.parse(row["id"])
        if parsed is not None and parsed.dokumen.seq == 1:
            known.dokumen[(row["kantor_id"], row["tahun"], parsed.dokumen.jenis)] = row["id"]
    for row in package.rows("program"):
        known.program[(row["dokumen_id"], *program_key(row["teks_dicetak"]))] = row["id"]
    occurrences: dict[tuple[str, str], int] = {}
    for row in sorted(package.rows("sasaran"), key=lambda r: (r["dokumen_id"], int(r["urutan"]))):
        text = (row["dokumen_id"], normalise(row["teks"]))
        occurrences[text] = occurrences.get(text, 0) + 1
        known.sasaran[(*text, str(occurrences[text]))] = row["id"]
    for row in package.rows("indikator"):
        known.indikator[(normalise(row["teks"]), row["sasaran_id"])] = row["id"]
    return known


def merge(package: DataPackage, rows: Rows) -> dict[str, list[dict[str, str]]]:
    """Current rows with the imported documents' rows replaced (other documents and years kept)."""
    replaced = {row["id"] for row in rows.dokumen}
    merged: dict[str, list[dict[str, str]]] = {}
    current = {name: package.rows(name) for name in RESOURCES}
    programs_of_replaced = {r["id"] for r in current["program"] if r["dokumen_id"] in replaced}
    for name in RESOURCES:
        if name == "program_kode":
            keep = [r for r in current[name] if r["program_id"] not in programs_of_replaced]
        elif name == "dokumen":
            keep = [r for r in current[name] if r["id"] not in replaced]
        else:
            keep = [r for r in current[name] if r["dokumen_id"] not in replaced]
        merged[name] = keep + getattr(rows, name)
    return merged


_COMPARED = {
    "program": ("id", "teks_dicetak"),
    "program_kode": ("program_id", "urutan", "kode"),
    "sasaran": ("id", "urutan", "teks", "sama_dengan"),
    "indikator": ("id", "urutan", "sasaran_id", "program_id", "program_dicetak", "teks", "target_dicetak"),
}


def _document_rows(
    rows: dict[str, list[dict[str, str]]], dokumen_id: str, names: tuple[str, ...] = versions.ARCHIVED
) -> dict[str, list[dict[str, str]]]:
    programs = {r["id"] for r in rows["program"] if r["dokumen_id"] == dokumen_id}
    return {
        name: [
            r
            for r in rows[name]
            if (
                r["program_id"] in programs
                if name == "program_kode"
                else (r["id"] if name == "dokumen" else r["dokumen_id"]) == dokumen_id
            )
        ]
        for name in names
    }


def _same(a: dict[str, list[dict[str, str]]], b: dict[str, list[dict[str, str]]]) -> bool:
    return all(
        [tuple(r[f] for f in fields) for r in a[name]] == [tuple(r[f] for f in fields) for r in b[name]]
        for name, fields in _COMPARED.items()
    )


@dataclass(frozen=True)
class Revision:
    """A document already in the package whose imported rows differ: a new version of it."""

    dokumen_id: str
    versi: int  # the version this import makes
    previous_date: str  # signing date (ISO) of the version it replaces
    before: dict[str, list[dict[str, str]]]  # the document's current rows (dokumen, program, …)
    after: dict[str, list[dict[str, str]]]  # its imported rows


def revisions(package: DataPackage | Path, rows: Rows) -> list[Revision]:
    """The imported documents that revise a document of the package (same code, other content)."""
    package = of(package)
    revisi = package.rows("revisi")
    names = ("dokumen", *versions.ARCHIVED)
    current = {name: package.rows(name) for name in names}
    imported = {name: getattr(rows, name) for name in names}
    found = []
    for doc in rows.dokumen:
        known = sorted((int(r["versi"]), r["tanggal"]) for r in revisi if r["dokumen_id"] == doc["id"])
        before = _document_rows(current, doc["id"], names)
        after = _document_rows(imported, doc["id"], names)
        if known and not _same(before, after):
            found.append(Revision(doc["id"], known[-1][0] + 1, known[-1][1], before, after))
    return found


def record_versions(
    package: DataPackage, rows: Rows, relative: str, alasan: str = "", tanggal: str = ""
) -> list[Revision]:
    """Note each imported document in revisi.csv; archive the old rows when the content changed.

    A new document's version 1 carries its printed signing date; a revision carries `tanggal`
    (ISO, the date the person gave; else the printed one) and `alasan` as its description.
    """
    path = package.paths.get("revisi")
    revisi = list(package.rows("revisi"))
    revised = {r.dokumen_id: r for r in revisions(package, rows)}
    for doc in rows.dokumen:
        if any(r["dokumen_id"] == doc["id"] for r in revisi) and doc["id"] not in revised:
            continue
        revision = revised.get(doc["id"])
        if revision is not None:
            versions.write_archive(
                package,
                doc["id"],
                revision.versi - 1,
                {n: revision.before[n] for n in versions.ARCHIVED},
            )
        revisi.append(
            {
                "dokumen_id": doc["id"],
                "versi": str(revision.versi if revision else 1),
                "tanggal": (tanggal or doc["tanggal"]) if revision else doc["tanggal"],
                "sumber": relative,
                "keterangan": " ".join(alasan.split()) if revision else "Dokumen awal bertanda tangan.",
            }
        )
    if path is not None:
        package.write_rows(path, ["dokumen_id", "versi", "tanggal", "sumber", "keterangan"], revisi)
    return list(revised.values())


def _source_entry(relative: str, data: bytes, title: str, description: str) -> dict[str, str]:
    digest = hashlib.sha256(data).hexdigest()
    return {
        "title": title,
        "path": relative,
        "description": f"{description} SHA-256: {digest}",
        "sha256": digest,
    }


def text_form_path(relative: str) -> str:
    """Where the text form of a Word or PDF source is kept beside it: data/sumber/x.docx → x.docx.txt."""
    return relative + ".txt"


def _update_sources(package: DataPackage, source: Source, relative: str, signed: str) -> None:
    """Record the source (and, for Word or PDF, its text form) in datapackage.json with their SHA-256."""
    descriptor = json.loads(package.read(DESCRIPTOR) or b"{}")
    entries = [
        _source_entry(
            relative,
            source.data,
            f"Dokumen sumber {source.name}",
            f"Dokumen resmi bertanda tangan {signed}, disimpan apa adanya ({source.kind}).",
        )
    ]
    if source.places is not None:
        entries.append(
            _source_entry(
                text_form_path(relative),
                source.text.encode("utf-8"),
                f"Bentuk teks {source.name}",
                f"Teks tabel dan paragraf {source.name}, dibuat oleh importir; nomor baris di kolom "
                "'baris_sumber' merujuk ke berkas ini.",
            )
        )
    known = {s.get("path"): s for s in descriptor.get("sources", [])}
    for entry in entries:
        previous = known.get(entry["path"])
        if previous is not None:  # a document imported again under its name keeps its title and wording
            entry["title"] = previous.get("title", entry["title"])
            entry["description"] = (
                re.sub(
                    r"SHA-256: [0-9a-f]{64}", f"SHA-256: {entry['sha256']}", previous.get("description", "")
                )
                or entry["description"]
            )
    by_path = {entry["path"]: entry for entry in entries}
    sources = [by_path.pop(s.get("path"), s) for s in descriptor.get("sources", [])]
    descriptor["sources"] = [*sources, *by_path.values()]
    package.write(DESCRIPTOR, (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def default_polaritas(row: dict[str, str]) -> tuple[str, str, str]:
    """A direction for a new indicator: (arah, dasar, alasan), to be reviewed by a person.

    A printed bound states the direction itself ("≤ 3 perkara": lower is better); otherwise
    it is our reading of the wording.
    """
    implied = BOUND_DIRECTION.get(row.get("target_batas", ""))
    if implied:
        word = (
            "batas bawah: makin tinggi makin baik"
            if implied == "naik"
            else ("batas atas: makin rendah makin baik")
        )
        return implied, "dokumen", f"Target tercetak '{row['target_dicetak']}' adalah {word}."
    if row["teks"].lower().startswith("penurunan jumlah"):
        why = 'Ditetapkan otomatis saat impor dari rumusan "Penurunan jumlah ..."; tinjau.'
        return "turun", "tafsiran", why
    return "naik", "tafsiran", "Ditetapkan otomatis saat impor: makin tinggi makin baik; tinjau."


def _update_polaritas(package: DataPackage, indikator: list[dict[str, str]]) -> None:
    path = package.paths.get("polaritas")
    if path is None or not package.exists(path):
        return
    present = {r["id"]: r for r in indikator}
    rows = [r for r in package.rows_at(path) or [] if r["indikator_id"] in present]
    known = {r["indikator_id"] for r in rows}
    for identifier, row in present.items():
        if identifier not in known:
            arah, dasar, alasan = default_polaritas(row)
            rows.append({"indikator_id": identifier, "polaritas": arah, "dasar": dasar, "alasan": alasan})
    package.write_rows(path, ["indikator_id", "polaritas", "dasar", "alasan"], rows)


def _retire_stale_notes(package: DataPackage, revised: list[tuple[str, int]]) -> list[str]:
    """Notes whose row a revision removed move to the archive of the version they were written for.

    A reworded indicator gets a new code (the old one stays in the older version), so a note
    about the old row no longer has a row to point at; it is kept, beside that version's rows,
    and the report asks a person whether it also holds for the new row.
    """
    path = package.path("anomali")
    if not package.exists(path) or not revised:
        return []
    notes = package.rows_at(path) or []
    present = {n: {r["id"] for r in package.rows(n)} for n in versions.KINDS}
    latest = dict(revised)
    keep, lines = [], []
    for note in notes:
        if note["rujukan_id"] in present.get(note["tabel"], set()) or note["dokumen_id"] not in latest:
            keep.append(note)
            continue
        older = latest[note["dokumen_id"]] - 1
        target = f"{versions.archive_folder(note['dokumen_id'], older)}/anomali.csv"
        archived = package.rows_at(target) or []
        package.write_rows(target, list(note), [*archived, note])
        lines.append(
            f"{note['id']} atas {note['rujukan_id']} tidak lagi menunjuk baris yang ada di versi baru; "
            f"catatan itu dipindah ke {target}. Tinjau apakah ia juga berlaku "
            "untuk baris "
            "penggantinya, dan catat ulang dengan kode anomali baru bila perlu."
        )
    if lines:
        package.write_rows(path, list(notes[0]), keep)
    return lines


def _fields(package: DataPackage, name: str) -> list[str]:
    resource = next(r for r in package.descriptor["resources"] if r["name"] == name)
    return [f["name"] for f in resource["schema"]["fields"]]


def scales(package: DataPackage) -> Scales:
    """The category scales of the package (skala_kategori.csv), for reading targets."""
    rows = package.rows("skala_kategori")
    return Scales(from_row(Kategori, r, urutan=int(r["urutan"])) for r in rows)


def plan(package: DataPackage | Path, source: Source, tables: list, offices: list[Office]) -> Rows:
    """The rows of an imported document, keeping the identifiers of rows the package already has."""
    package = of(package)
    return transcribe(tables, f"{SUMBER}/{source.name}", existing_ids(package), scales(package), offices)


def write_import(
    package: DataPackage | Path,
    source: Source,
    rows: Rows,
    alasan: str = "",
    tanggal: str = "",
    dicatat: str = "",
) -> list[str]:
    """Write the document and its rows into the package (a copy); returns the report's lines.

    A revision's row in revisi.csv carries `alasan` and `tanggal` (ISO); `dicatat` (ISO) is the
    day written into the ready rows for data/anomali.csv.
    """
    package = of(package)
    relative = f"{SUMBER}/{source.name}"
    package.write(relative, source.data)
    if source.places is not None:
        package.write(text_form_path(relative), source.text.encode("utf-8"))
    revised = [(r.dokumen_id, r.versi) for r in record_versions(package, rows, relative, alasan, tanggal)]
    merged = merge(package, rows)
    for name in RESOURCES:
        package.write_rows(package.path(name), _fields(package, name), merged[name])
    retired = _retire_stale_notes(package, revised)
    signed = ", ".join(sorted({r["tanggal_dicetak"] for r in rows.dokumen})) or "(tanpa tanggal)"
    _update_sources(package, source, relative, signed)
    _update_polaritas(package, merged["indikator"])
    # The day of the import (the caller's, else read here at the edge): the notes' date.
    day = date.fromisoformat(dicatat) if dicatat else date.today()
    laid_out = add_layout_notes(package, {r["id"] for r in rows.dokumen}, day)
    lines = [
        f"Diimpor dari {source.name}: {len(rows.dokumen)} dokumen, {len(rows.program)} program, "
        f"{len(rows.sasaran)} sasaran, {len(rows.indikator)} indikator.",
    ]
    for dokumen_id, versi in revised:
        lines.append(
            f"{dokumen_id}: revisi dicatat sebagai versi {versi}; versi sebelumnya disimpan di data/arsip/."
        )
    lines += retired
    lines += laid_out
    return lines + hint_report(package, doubts(rows), _fields(package, "anomali"), dicatat)
