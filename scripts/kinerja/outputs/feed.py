"""An Atom feed of the changes to the data: new documents and revisions, realisation, anomalies.

Readers who follow the plan (journalists, PPID staff, portals) subscribe once
instead of revisiting pages. Every entry's date comes from the data itself (a
version's signing date, a realisation's source date, the day a note was
recorded), never from the build clock, and its id is a URN built from the
package name and the row's permanent code, so it never changes. With several
offices each office has its own feed; the site's feed is the home office's.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date

from .. import model, paths
from ..clock import epoch_date
from . import fmt, formats, rules
from .job import Job
from .labels import KATEGORI_LABEL, PERIODE_LABEL

ATOM = "http://www.w3.org/2005/Atom"
MEDIATYPE = formats.get("ATOM").mediatype


@dataclass(frozen=True)
class Entry:
    """One change, told for people, with its permanent id, its date and the page it concerns."""

    id: str
    title: str
    updated: date
    url: str
    summary: str


def _urn(package: model.Package, *parts: str) -> str:
    return ":".join(["urn:kinerja", package.name, *parts])


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def entries(package: model.Package, office: model.Kantor | None, base: str) -> list[Entry]:
    """The changes of one office's data (every office's when `office` is None), newest first."""
    docs = [d for d in package.dokumen.values() if office is None or d.kantor_id == office.id]
    found: list[Entry] = []
    for doc in docs:
        url = paths.absolute(paths.page_url("dokumen", doc.id), base)
        for entry in doc.versi:
            first = entry.versi == 1
            title = f"{'Dokumen baru' if first else f'Revisi versi {entry.versi}'}: {doc.nama}"
            summary = (
                f"{doc.nama} ditandatangani {fmt.tanggal(entry.tanggal)}: {len(doc.sasaran)} sasaran, "
                f"{len(doc.indikator)} indikator."
                if first
                else f"Versi {entry.versi} {doc.nama} bertanggal {fmt.tanggal(entry.tanggal)}. "
                f"{entry.keterangan}"
            )
            found.append(Entry(_urn(package, "dokumen", doc.id, f"v{entry.versi}"), title, entry.tanggal, url,
                               summary.strip()))  # fmt: skip
        for item in doc.indikator:
            item_url = paths.absolute(paths.page_url("indikator", item.id), base)
            for real in item.realisasi:
                value = fmt.nilai_satuan(real.nilai, real.satuan) if real.nilai is not None else real.kategori
                result = ""
                if real.capaian is not None:
                    result += f" Capaian {fmt.angka(real.capaian)} %."
                if real.memenuhi is not None:
                    result += " Memenuhi target." if real.memenuhi else " Belum memenuhi target."
                found.append(
                    Entry(
                        _urn(package, "realisasi", item.id, real.periode),
                        f"Realisasi {PERIODE_LABEL[real.periode]} {item.id}: {value}",
                        real.tanggal_sumber,
                        item_url,
                        f"{item.teks}. Target {item.target_dicetak}; realisasi {value} menurut "
                        f"{real.sumber_dokumen} ({fmt.tanggal(real.tanggal_sumber)}).{result} "
                        f"Aturan: {rules.aturan(item, package)}.",
                    )
                )
        for note in doc.anomali:
            found.append(
                Entry(
                    _urn(package, "anomali", note.id),
                    f"Catatan {note.id} ({KATEGORI_LABEL.get(note.kategori, note.kategori)}) "
                    f"atas {note.rujukan_id}",
                    note.dicatat,
                    paths.absolute(paths.page_url(note.tabel, note.rujukan_id), base),
                    note.uraian,
                )
            )
    return sorted(found, key=lambda e: (e.updated, e.id), reverse=True)


def atom(package: model.Package, office: model.Kantor | None, path: str, epoch: int) -> bytes:
    """The Atom document of one office's changes (RFC 4287), published at the site path `path`."""
    base = paths.site_url()
    found = entries(package, office, base)
    who = office.nama if office else package.publisher
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "id"})

    def add(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text:
            element.text = text
        return element

    add(feed, "id", _urn(package, "umpan", office.id if office else "semua"))
    add(feed, "title", f"Perubahan data kinerja {who}")
    add(
        feed, "subtitle", "Dokumen baru dan revisi, realisasi, dan catatan anomali, dengan tanggal dari data."
    )
    add(feed, "updated", _stamp(found[0].updated if found else epoch_date(epoch)))
    add(add(feed, "author"), "name", package.publisher or who)
    add(feed, "link", rel="self", type=MEDIATYPE, href=paths.absolute(path, base))
    add(feed, "link", rel="alternate", type="text/html", href=base)
    for item in found:
        entry = add(feed, "entry")
        add(entry, "id", item.id)
        add(entry, "title", item.title)
        add(entry, "updated", _stamp(item.updated))
        add(entry, "link", rel="alternate", type="text/html", href=item.url)
        add(entry, "summary", item.summary)
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8") + b"\n"


def write(job: Job) -> None:
    """The Atom feeds of the changes: the site's (the home office's), and one per office if several."""
    package, out = job.package, job.out
    home = package.home if package.multi_office else None
    out.put(paths.FEED, atom(package, home, paths.FEED, job.changed_for(home)), "Umpan Atom perubahan data",
            "ATOM")  # fmt: skip
    if package.multi_office:
        for office in package.offices_with_documents:
            path = paths.office_feed(office.id)
            data = atom(package, office, path, job.changed_for(office))
            out.put(path, data, f"Umpan Atom perubahan {office.nama}", "ATOM")
