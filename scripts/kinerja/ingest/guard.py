"""Hostile files are refused before any parser sees them: one home for the limits and the checks.

A .docx or .xlsx is a ZIP archive of XML parts. A few kilobytes can expand to
gigabytes (a "zip bomb"), and an XML part can declare entities that expand
a billion times ("billion laughs"). Both are told here from the archive's own
directory and a bounded scan of each part, before python-docx or openpyxl
parse anything; XML entities are never resolved, because a part that declares
any is refused. A PDF is checked for its size and page count before pdfplumber
lays out its pages.

The checks return Problems (empty when the file may be read); the caller adds
its own summary. The limits are generous: a signed RKT document or a filled
realisation sheet is far below each of them.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..errors import Problem
from ..problems import (
    ARSIP_DIPADATKAN,
    ARSIP_MENGEMBANG,
    ARSIP_TERLALU_BANYAK_BAGIAN,
    BERKAS_TERLALU_BESAR,
    PDF_TERLALU_BANYAK_HALAMAN,
    XML_BERBAHAYA,
    Kind,
)

MB = 1024 * 1024
#: Largest file `make import` reads at all (a .txt, .docx, .pdf or .xlsx as received).
MAX_FILE_BYTES = 50 * MB
#: Largest sum of the uncompressed sizes of every part of a .docx or .xlsx.
MAX_ARCHIVE_BYTES = 50 * MB
#: Most parts an archive may have (a document has tens, a sheet a few dozen).
MAX_PARTS = 2000
#: Largest expansion of one part (uncompressed ÷ compressed); checked on parts above RATIO_FROM bytes.
MAX_RATIO = 200
RATIO_FROM = 1 * MB
#: Most pages a PDF may have (an RKT is a few pages; an appendix with it a few dozen).
MAX_PDF_PAGES = 300

_CHUNK = 64 * 1024
#: A DTD in an XML part, in the encodings XML allows without a declaration (UTF-8, UTF-16 LE/BE).
_DECLARATIONS = [word.encode(codec) for word in ("<!DOCTYPE", "<!ENTITY") for codec in ("utf-8", "utf-16-le")]
_DECLARATIONS += [word.encode("utf-16-be") for word in ("<!DOCTYPE", "<!ENTITY")]
_LONGEST = max(len(d) for d in _DECLARATIONS)
_XML_PART = re.compile(r"\.(xml|rels|vml)$", re.IGNORECASE)
_PAGE_COUNT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f}".replace(".", ",") + " MB"


def check_file_size(path: Path, size: int) -> list[Problem]:
    """A file larger than MAX_FILE_BYTES is refused unread."""
    if size <= MAX_FILE_BYTES:
        return []
    return [BERKAS_TERLALU_BESAR.at(path.name, size=_megabytes(size), limit=_megabytes(MAX_FILE_BYTES))]


def check_archive(path: Path, data: bytes, kind: str, fix: str) -> list[Problem]:
    """Problems of a .docx/.xlsx (`kind`, e.g. 'dokumen Word') that must not be parsed; [] when it may be.

    Looks only at the archive directory (sizes, counts) and at most MAX_ARCHIVE_BYTES of XML in
    small chunks, so a bomb costs milliseconds and little memory. A file that is no ZIP at all is
    left to the caller's own message. `fix` says how to make a clean copy of this kind of file.
    """

    def refuse(problem: Kind, /, **values: object) -> list[Problem]:
        return [problem.at(path.name, fix=fix, **values)]

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                return refuse(ARSIP_TERLALU_BANYAK_BAGIAN, kind=kind, parts=len(parts), limit=MAX_PARTS)
            total = sum(part.file_size for part in parts)
            if total > MAX_ARCHIVE_BYTES:
                return refuse(
                    ARSIP_MENGEMBANG, kind=kind, size=_megabytes(total), limit=_megabytes(MAX_ARCHIVE_BYTES)
                )
            for part in parts:
                if part.file_size > RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
                    ratio = part.file_size // max(part.compress_size, 1)
                    return refuse(
                        ARSIP_DIPADATKAN, part=part.filename, kind=kind, ratio=ratio, limit=MAX_RATIO
                    )
            for part in parts:
                if _XML_PART.search(part.filename) and _declares_entities(archive, part):
                    return refuse(XML_BERBAHAYA, part=part.filename, kind=kind)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
        return []  # not a readable ZIP: the caller tells the person what the file is instead
    return []


def _declares_entities(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> bool:
    """Whether an XML part holds a DOCTYPE or ENTITY declaration, read in chunks (never parsed)."""
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            window = tail + chunk
            if any(word in window for word in _DECLARATIONS):
                return True
            tail = window[-_LONGEST:]
    return False


def check_pdf(path: Path, data: bytes, fix: str) -> list[Problem]:
    """Problems of a PDF that must not be laid out: too many pages by a bounded count of page objects.

    The count is a scan of the bytes for page objects (an upper bound when objects are compressed
    streams, where it finds none; pdfplumber's own page count is checked again by the reader).
    """
    pages = len(_PAGE_COUNT.findall(data))
    return too_many_pages(path, pages, fix)


def too_many_pages(path: Path, pages: int, fix: str) -> list[Problem]:
    """A PDF with more than MAX_PDF_PAGES pages is refused."""
    if pages <= MAX_PDF_PAGES:
        return []
    return [PDF_TERLALU_BANYAK_HALAMAN.at(path.name, pages=pages, limit=MAX_PDF_PAGES, fix=fix)]
