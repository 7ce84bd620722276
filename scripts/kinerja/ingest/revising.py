"""What an import that revises a signed document tells a person, and what it needs from them.

A revision (`importer.revisions`) is shown before anything is written: each
change on its own line (domain.revision), then the changes that look like a
copying mistake. It is recorded only with a reason in a person's own words and
the signing date of the revised document, given on the command line
(`make import … ALASAN=… TANGGAL=…`) or, in the browser, as 'Alasan:' and
'Tanggal:' lines; `revision_fix` words how, for either path.
"""

from __future__ import annotations

from datetime import date

from ..domain import printed, revision
from ..errors import Problem
from ..problems import (
    NAMA_SUMBER_TERPAKAI,
    REVISI_TANPA_ALASAN,
    TANGGAL_REVISI_BELUM_LEWAT,
    TANGGAL_REVISI_SEBELUM_VERSI,
    TANGGAL_REVISI_TIDAK_TERBACA,
)
from .importer import Revision

#: How a person gives a revision's reason and date, from the command line and from the browser.
COMMAND_LINE_WAY = (
    'dari baris perintah: make import SRC={source} ALASAN="<alasan revisi>" TANGGAL=<tanggal tanda tangan, '
    "misalnya 2/5/2024 atau 2 Mei 2024>"
)
BROWSER_WAY = (
    "lewat peramban: tulis baris 'Alasan: …' dan 'Tanggal: …' di deskripsi pull request atau di "
    "masukan/revisi.txt, lalu jalankan pemeriksaan lagi"
)


def revision_fix(source: str, ways: tuple[str, ...] = (COMMAND_LINE_WAY, BROWSER_WAY)) -> str:
    """The fix text of a revision without reason or date: what to write, and the ways to give it."""
    told = "; ".join(way.format(source=source) for way in ways)
    return (
        "periksa daftar perubahan di atas dengan dokumen bertanda tangan. Bila benar, tulis alasan revisi "
        "dengan kata-kata Anda (misalnya nomor dan perihal surat yang mengubahnya) dan tanggal tanda tangan "
        f"dokumen revisi — {told}."
    )


def terms(
    name: str,
    shown: str,
    revised: list[Revision],
    alasan: str,
    tanggal: str,
    today: date,
    taken: bool = False,
) -> tuple[date | None, list[Problem]]:
    """The signing date given for a revision, and what is missing or wrong in its reason and date.

    `taken`: data/sumber/ already holds a file of this name, which a revision must not overwrite
    (it is the source of the version being replaced).
    """
    signed = printed.typed_date(tanggal) if tanggal.strip() else None
    problems = []
    if revised and taken:
        stem, dot, suffix = name.partition(".")
        problems.append(NAMA_SUMBER_TERPAKAI.at(name, name=name, stem=stem, dot=dot, suffix=suffix))
    if tanggal.strip() and signed is None:
        problems.append(TANGGAL_REVISI_TIDAK_TERBACA.at(name, None, "tanggal", tanggal=tanggal))
    elif signed is not None and signed > today:
        problems.append(
            TANGGAL_REVISI_BELUM_LEWAT.at(name, None, "tanggal", tanggal=printed.long_date(signed))
        )
    for earlier in revised:
        if signed is not None and earlier.previous_date and signed.isoformat() < earlier.previous_date:
            problems.append(
                TANGGAL_REVISI_SEBELUM_VERSI.at(
                    name,
                    None,
                    "tanggal",
                    tanggal=printed.long_date(signed),
                    versi=earlier.versi - 1,
                    dokumen=earlier.dokumen_id,
                    previous=printed.long_date(date.fromisoformat(earlier.previous_date)),
                )
            )
    missing = [
        part for part, given in (("alasan", alasan), ("tanggal tanda tangan", tanggal)) if not given.strip()
    ]
    if revised and missing:
        codes = ", ".join(f"{r.dokumen_id} (versi {r.versi})" for r in revised)
        problems.append(
            REVISI_TANPA_ALASAN.at(name, codes=codes, missing=" dan ".join(missing), fix=revision_fix(shown))
        )
    return signed, problems


def report(revised: list[Revision], signed: date | None) -> list[str]:
    """Each change of each revised document on its own line, then the changes that look wrong."""
    lines = []
    for found in revised:
        differences = revision.compare(found.before, found.after)
        was = (
            printed.long_date(date.fromisoformat(found.previous_date))
            if found.previous_date
            else "tanpa tanggal"
        )
        lines.append(
            f"Perubahan {found.dokumen_id} dari versi {found.versi - 1} ({was}) ke versi {found.versi}: "
            f"{len(differences)} perubahan{':' if differences else ' (hanya urutan atau letak baris)'}"
        )
        lines += [str(d) for d in differences]
        lines += revision.concerns(found.before, found.after)
        concern = signed and revision.date_concern(
            found.after["dokumen"][0], signed, printed.long_date(signed)
        )
        if concern:
            lines.append(concern)
    return lines
