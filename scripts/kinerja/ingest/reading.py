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


def _problem(path: Path, code: str, what: str, fix: str, row: int | None = None) -> ProblemsFound:
    return ProblemsFound([Problem(code, path.name, what, fix, row)], NOT_CHANGED)


def _refuse(problems: list[Problem]) -> None:
    """Raise the guard's problems, if any: the file is not parsed."""
    if problems:
        raise ProblemsFound(problems, NOT_CHANGED)


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"%PDF"):
        raise _problem(
            path,
            "berkas_pdf",
            "berkas ini PDF, bukan ekspor teks (isinya diawali '%PDF').",
            f"ganti akhiran namanya menjadi .pdf ({path.stem}.pdf) lalu impor lagi, atau impor berkas Word "
            "(.docx) aslinya.",
        )
    if data.startswith(b"PK\x03\x04"):
        raise _problem(
            path,
            "berkas_bukan_teks",
            "berkas ini dokumen Word atau arsip ZIP yang diberi nama .txt.",
            f"ganti akhiran namanya menjadi .docx ({path.stem}.docx) lalu impor lagi.",
        )
    if b"\x00" in data:
        raise _problem(
            path,
            "berkas_bukan_teks",
            "berkas ini bukan teks (memuat bita nol, mungkin UTF-16 atau berkas biner).",
            "simpan ulang sebagai Teks Biasa dengan pengodean UTF-8.",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        guess = data[error.start : error.start + 1].decode("cp1252", errors="replace")
        shown = f" (kemungkinan '{guess}' dari Windows-1252)" if guess != "\ufffd" else ""
        raise _problem(
            path,
            "bukan_utf8",
            f"berkas bukan UTF-8: bita 0x{data[error.start]:02X} tidak sah{shown}.",
            "simpan ulang teks dengan pengodean UTF-8 (di Notepad: Simpan Sebagai → Encoding UTF-8; "
            "di Word: Teks Biasa → Unicode (UTF-8)).",
            line,
        ) from error


def read_bytes(path: Path, example: str = "masukan/rkt-2025.docx") -> bytes:
    """The bytes of the file at `path`, or ProblemsFound: missing, a folder, unreadable or empty.

    Shared by the document import and the realisation sheet (`example` is the file the fix names).
    """
    if not path.exists():
        raise _problem(
            path,
            "berkas_tidak_ada",
            f"berkas '{path}' tidak ditemukan.",
            "periksa nama dan foldernya; jalankan perintah dari folder utama proyek, misalnya "
            f"'make import SRC={example}'.",
        )
    if path.is_dir():
        raise _problem(path, "bukan_berkas", f"'{path}' adalah folder.", "sebut satu berkas, bukan folder.")
    try:
        _refuse(guard.check_file_size(path, path.stat().st_size))
        data = path.read_bytes()
    except OSError as error:
        raise _problem(
            path,
            "tidak_dapat_dibaca",
            f"berkas tidak dapat dibaca ({error.strerror}).",
            "periksa izin berkas (misalnya 'chmod u+r') atau salin berkasnya ke folder proyek.",
        ) from error
    if not data.strip():
        raise _problem(
            path,
            "berkas_kosong",
            "berkas kosong.",
            "simpan ulang berkasnya; berkas ini tidak berisi apa pun.",
        )
    return data


def kind_of(path: Path) -> Kind | None:
    """The kind of file at `path` by its suffix (KINDS), or None when `make import` does not take it."""
    return KINDS.get(path.suffix.lower())


def _unsupported(path: Path) -> ProblemsFound:
    documents = [k.hint for k in KINDS.values() if not k.sheet]
    either = ", ".join(documents[:-1]) + " atau " + documents[-1] if len(documents) > 1 else documents[0]
    sheets = "".join(" " + k.hint for k in KINDS.values() if k.sheet)
    return _problem(
        path,
        "jenis_tidak_didukung",
        f"jenis berkas '{path.suffix or '(tanpa akhiran)'}' tidak dapat diimpor.",
        f"impor dokumen RKT sebagai {either}; dokumen .doc lama disimpan dulu sebagai .docx.{sheets}",
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
        what = "berkas .docx ini rusak atau bukan dokumen Word."
        if data.startswith(b"%PDF"):
            what = "berkas ini PDF yang diberi nama .docx."
        raise _problem(path, "docx_rusak", what, RESAVE_DOCX)
    _refuse(guard.check_archive(path, data, "dokumen Word", RESAVE_DOCX))
    try:
        lines = docx_lines(path)
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds for a damaged file
        raise _problem(
            path, "docx_rusak", f"berkas .docx ini tidak dapat dibaca ({type(error).__name__}).", RESAVE_DOCX
        ) from error
    return lines


def _with_places(path: Path, data: bytes, digest: str, kind: str, lines: list[tuple[str, str]]) -> Source:
    text = "\n".join(line for line, _ in lines) + "\n"
    return Source(path, data, digest, kind, text, [place for _, place in lines])


def _pdf_lines(path: Path, data: bytes) -> list[tuple[str, str]]:
    """A PDF with a text layer, read into the text form; a scan, a locked or damaged PDF is refused."""
    from .pdf import NoTextLayer, TooManyPages, pdf_lines

    if b"%PDF-" not in data[:1024]:
        what = "berkas ini bukan PDF (isinya tidak diawali '%PDF')."
        if data.startswith(b"PK\x03\x04"):
            what = "berkas ini dokumen Word atau arsip ZIP yang diberi nama .pdf."
        raise _problem(path, "pdf_rusak", what, RESAVE_PDF)
    _refuse(guard.check_pdf(path, data, RESAVE_PDF))
    try:
        lines = pdf_lines(data, guard.MAX_PDF_PAGES)
    except TooManyPages as error:
        _refuse(guard.too_many_pages(path, error.pages, RESAVE_PDF))
        raise
    except NoTextLayer as error:
        raise _problem(
            path,
            "pdf_tanpa_teks",
            "PDF ini hanya berisi gambar halaman (hasil pindai atau foto), tanpa lapisan teks; gambar "
            "hasil pindaian tidak dapat dibaca sebagai teks.",
            "minta berkas Word (.docx) dokumen itu kepada bagian perencanaan, atau PDF yang diekspor "
            "langsung dari Word atau LibreOffice (bukan hasil pindai), lalu impor berkas itu.",
        ) from error
    except Exception as error:  # noqa: BLE001 - pdfplumber wraps every pdfminer error in one class
        cause = error.args[0] if error.args else error
        if type(cause).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError"):
            raise _problem(
                path,
                "pdf_terkunci",
                "PDF ini dikunci dengan kata sandi pembukaan, sehingga isinya tidak dapat dibaca.",
                "ekspor ulang PDF dari berkas Word-nya tanpa kata sandi, atau impor berkas Word (.docx)-nya.",
            ) from error
        what = "berkas PDF ini rusak atau tidak lengkap; isinya tidak dapat dibaca."
        raise _problem(path, "pdf_rusak", what, RESAVE_PDF) from error
    return lines


@dataclass(frozen=True)
class Kind:
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
KINDS: dict[str, Kind] = {
    ".docx": Kind("dokumen Word", ".docx (Word)", "Word", _docx_lines),
    ".pdf": Kind("PDF", ".pdf (PDF hasil ekspor dari Word atau LibreOffice)", "PDF", _pdf_lines),
    ".txt": Kind("ekspor teks", ".txt (ekspor teks UTF-8)"),
    ".xlsx": Kind(
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
            [Problem("susunan_dokumen", name, error.what, error.fix, row)], NOT_CHANGED
        ) from error
