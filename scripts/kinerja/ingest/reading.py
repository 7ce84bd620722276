"""Reading a signed document safely: every way a file can be wrong becomes a clear problem.

A document is read completely before anything is written: a missing or
empty file, a PDF or a Word file saved under the wrong name, text in the
Windows code page, a damaged .docx, a scanned or locked PDF or a table
without its target column each give a Problem naming the file and, where it
applies, the line (or the Word table and row, or the PDF page, table and
row), what is wrong and how to fix it. Hostile files (an archive that expands
to gigabytes, XML entities, a PDF of thousands of pages) are refused by
guard.py before any parser sees them.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, ProblemsFound
from ..problems import (
    BERKAS_BUKAN_TEKS,
    BERKAS_IMPOR_KOSONG,
    BERKAS_IMPOR_TIDAK_ADA,
    BERKAS_PDF,
    BERKAS_WORD_BERNAMA_TXT,
    BUKAN_BERKAS,
    DOCX_BERISI_PDF,
    DOCX_RUSAK,
    DOCX_TIDAK_TERBACA,
    JENIS_TIDAK_DIDUKUNG,
    PDF_BERISI_WORD,
    PDF_BUKAN_PDF,
    PDF_RUSAK,
    PDF_TANPA_TEKS,
    PDF_TERKUNCI,
    SUSUNAN_DOKUMEN,
    TEKS_BUKAN_UTF8,
    TIDAK_DAPAT_DIBACA,
)
from ..problems import Kind as ProblemKind
from . import guard
from .docx import docx_lines
from .source_text import PrintedTable, SourceTextError, read_tables

NOT_CHANGED = "masalah di berkas impor. Tidak ada yang diubah di data/."
RESAVE_DOCX = "buka di Word atau LibreOffice, simpan ulang sebagai Dokumen Word (.docx), lalu impor lagi."
RESAVE_PDF = (
    "impor berkas Word (.docx) dokumen itu, atau buka berkas Word-nya lalu ekspor ulang sebagai PDF "
    "(Word: Simpan Sebagai → PDF; LibreOffice: Berkas → Ekspor sebagai PDF), lalu impor lagi."
)


@dataclass(frozen=True)
class Source:
    """A document read into memory: its bytes as received, their SHA-256 and its text form."""

    path: Path
    data: bytes
    sha256: str
    kind: str
    text: str
    places: list[str] | None = None
    """For a .docx or .pdf, where each line of the text form is in the file; None for a text export."""

    @property
    def name(self) -> str:
        """The file name, as it will be kept under data/sumber/."""
        return self.path.name

    def place(self, line: int | None) -> tuple[str, int | None]:
        """(file label, row) of a line of the text form, for a Problem."""
        if line is None or self.places is None or not 0 < line <= len(self.places):
            return self.name, line
        return f"{self.name} ({self.places[line - 1]})", None


def _problem(path: Path, kind: ProblemKind, row: int | None = None, /, **values: object) -> ProblemsFound:
    return ProblemsFound([kind.at(path.name, row, **values)], NOT_CHANGED)


def _refuse(problems: list[Problem]) -> None:
    """Raise the guard's problems, if any: the file is not parsed."""
    if problems:
        raise ProblemsFound(problems, NOT_CHANGED)


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"%PDF"):
        raise _problem(path, BERKAS_PDF, stem=path.stem)
    if data.startswith(b"PK\x03\x04"):
        raise _problem(path, BERKAS_WORD_BERNAMA_TXT, stem=path.stem)
    if b"\x00" in data:
        raise _problem(path, BERKAS_BUKAN_TEKS)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        guess = data[error.start : error.start + 1].decode("cp1252", errors="replace")
        shown = f" (kemungkinan '{guess}' dari Windows-1252)" if guess != "\ufffd" else ""
        raise _problem(path, TEKS_BUKAN_UTF8, line, byte=data[error.start], guess=shown) from error


def read_bytes(path: Path, example: str = "masukan/rkt-2025.docx") -> bytes:
    """The bytes of the file at `path`, or ProblemsFound: missing, a folder, unreadable or empty.

    Shared by the document import and the realisation sheet (`example` is the file the fix names).
    """
    if not path.exists():
        raise _problem(path, BERKAS_IMPOR_TIDAK_ADA, path=path, example=example)
    if path.is_dir():
        raise _problem(path, BUKAN_BERKAS, path=path)
    try:
        _refuse(guard.check_file_size(path, path.stat().st_size))
        data = path.read_bytes()
    except OSError as error:
        raise _problem(path, TIDAK_DAPAT_DIBACA, reason=error.strerror) from error
    if not data.strip():
        raise _problem(path, BERKAS_IMPOR_KOSONG)
    return data


def kind_of(path: Path) -> InputKind | None:
    """The kind of file at `path` by its suffix (KINDS), or None when `make import` does not take it."""
    return KINDS.get(path.suffix.lower())


def _unsupported(path: Path) -> ProblemsFound:
    documents = [k.hint for k in KINDS.values() if not k.sheet]
    either = ", ".join(documents[:-1]) + " atau " + documents[-1] if len(documents) > 1 else documents[0]
    sheets = "".join(" " + k.hint for k in KINDS.values() if k.sheet)
    return _problem(
        path, JENIS_TIDAK_DIDUKUNG, suffix=path.suffix or "(tanpa akhiran)", kinds=either, sheets=sheets
    )


def read_source(path: Path) -> Source:
    """The document at `path` read into memory, or ProblemsFound saying exactly why it cannot be."""
    kind = kind_of(path)
    if (kind is None or kind.sheet) and path.exists() and not path.is_dir():
        raise _unsupported(path)
    data = read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    if kind is None or kind.read is None:
        return Source(path, data, digest, KINDS[".txt"].name, _decode(path, data))
    return _with_places(path, data, digest, kind.name, kind.read(path, data))


def _docx_lines(path: Path, data: bytes) -> list[tuple[str, str]]:
    if not zipfile.is_zipfile(path):
        kind = DOCX_BERISI_PDF if data.startswith(b"%PDF") else DOCX_RUSAK
        raise _problem(path, kind, fix=RESAVE_DOCX)
    _refuse(guard.check_archive(path, data, "dokumen Word", RESAVE_DOCX))
    try:
        lines = docx_lines(path)
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds for a damaged file
        raise _problem(path, DOCX_TIDAK_TERBACA, error=type(error).__name__, fix=RESAVE_DOCX) from error
    return lines


def _with_places(path: Path, data: bytes, digest: str, kind: str, lines: list[tuple[str, str]]) -> Source:
    text = "\n".join(line for line, _ in lines) + "\n"
    return Source(path, data, digest, kind, text, [place for _, place in lines])


def _pdf_lines(path: Path, data: bytes) -> list[tuple[str, str]]:
    """A PDF with a text layer, read into the text form; a scan, a locked or damaged PDF is refused."""
    from .pdf import NoTextLayer, TooManyPages, pdf_lines

    if b"%PDF-" not in data[:1024]:
        kind = PDF_BERISI_WORD if data.startswith(b"PK\x03\x04") else PDF_BUKAN_PDF
        raise _problem(path, kind, fix=RESAVE_PDF)
    _refuse(guard.check_pdf(path, data, RESAVE_PDF))
    try:
        lines = pdf_lines(data, guard.MAX_PDF_PAGES)
    except TooManyPages as error:
        _refuse(guard.too_many_pages(path, error.pages, RESAVE_PDF))
        raise
    except NoTextLayer as error:
        raise _problem(path, PDF_TANPA_TEKS) from error
    except Exception as error:  # noqa: BLE001 - pdfplumber wraps every pdfminer error in one class
        cause = error.args[0] if error.args else error
        if type(cause).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError"):
            raise _problem(path, PDF_TERKUNCI) from error
        raise _problem(path, PDF_RUSAK, fix=RESAVE_PDF) from error
    return lines


@dataclass(frozen=True)
class InputKind:
    """One kind of file `make import` takes, by suffix (KINDS)."""

    name: str
    """How messages and the import report name it: 'dokumen Word'."""
    hint: str
    """How the message for an unsupported file offers it: '.docx (Word)'."""
    medium: str = ""
    """How messages about its tables name it ('Word', 'PDF'); '' for the text export, which has tabs."""
    read: Callable[[Path, bytes], list[tuple[str, str]]] | None = None
    """Its reader: the text form, one (line, where the line is in the file) per line, or ProblemsFound
    for a file it cannot read; None for the text export, which is the text form already."""
    sheet: bool = False
    """A realisation sheet (update.import_sheet), not a signed document (update.import_document)."""


#: What `make import` takes, by suffix. A new kind is a reader module in ingest/ and one line here.
KINDS: dict[str, InputKind] = {
    ".docx": InputKind("dokumen Word", ".docx (Word)", "Word", _docx_lines),
    ".pdf": InputKind("PDF", ".pdf (PDF hasil ekspor dari Word atau LibreOffice)", "PDF", _pdf_lines),
    ".txt": InputKind("ekspor teks", ".txt (ekspor teks UTF-8)"),
    ".xlsx": InputKind(
        "lembar realisasi", "Realisasi diimpor dari lembar .xlsx buatan 'make template'.", sheet=True
    ),
}


def tables_of(source: Source) -> list[PrintedTable]:
    """The printed tables of a document, or ProblemsFound with the line (or Word/PDF table row) at fault."""
    try:
        medium = next((k.medium for k in KINDS.values() if k.name == source.kind), "")
        return read_tables(source.text, medium)
    except SourceTextError as error:
        name, row = source.place(error.line)
        raise ProblemsFound(
            [SUSUNAN_DOKUMEN.at(name, row, what=error.what, fix=error.fix)], NOT_CHANGED
        ) from error
