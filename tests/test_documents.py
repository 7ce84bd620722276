"""Every document an office holds: Word and PDF files from real clients, scans, and hostile files.

The fixtures in tests/fixtures/dokumen/ were made by LibreOffice (id-ID and en-US
profiles) from a Word version of the 2024 plan (README.md there says how). A PDF
exported from Word must give the same rows as the Word file and the text export;
a scanned or locked PDF, a zip bomb, XML entities or a PDF of too many pages are
refused with an Indonesian message, before any parser reads them, and nothing in
data/ changes.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import struct
import time
import tracemalloc
import zipfile
import zlib
from functools import cache
from pathlib import Path

import docx
import pytest

from kinerja import cli, csvio
from kinerja.errors import ProblemsFound
from kinerja.ingest import guard, importer, offices, reading
from kinerja.ingest.pdf import TooManyPages, pdf_lines
from kinerja.ingest.source_text import SourceTextError, read_tables
from kinerja.outputs.downloads.files import source_format, source_title
from kinerja.outputs.formats import FORMATS
from kinerja.update import import_document

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "dokumen"
TEXT = "rkt-2024.txt"
#: Where a row was found differs between forms; what was printed may not.
WHERE = {"baris_sumber", "sumber"}


@cache
def read(name: str) -> reading.Source:
    return reading.read_source(FIXTURES / name)


def planned(root: Path, source: reading.Source, ignore: set[str] = WHERE) -> dict[str, list[dict[str, str]]]:
    """The rows importer.plan makes of a document in the package at root, without `ignore` fields."""
    tables = reading.tables_of(source)
    signed_by, problems = offices.resolve(source, tables, offices.offices(root), "")
    assert problems == []
    rows = importer.plan(root, source, tables, signed_by)
    assert rows.unreadable == []
    return {
        name: [{k: v for k, v in row.items() if k not in ignore} for row in getattr(rows, name)]
        for name in importer.RESOURCES
    }


#: SHA-256 of datapackage.json and of every file under data/ (the helper `make import` stages with).
package_digest = cli.package_files


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("rkt-2024.docx", "dokumen Word"),
        ("rkt-2024-libreoffice-id.docx", "dokumen Word"),
        ("rkt-2024-ttd-tabel-libreoffice-en.docx", "dokumen Word"),
        ("rkt-2024-libreoffice-id.pdf", "PDF"),
        ("rkt-2024-libreoffice-en.pdf", "PDF"),
        ("rkt-2024-ttd-tabel-libreoffice-id.pdf", "PDF"),
    ],
)
def test_word_and_pdf_give_the_rows_of_the_text(package_copy: Path, name: str, kind: str) -> None:
    source = read(name)
    assert source.kind == kind and source.places is not None
    rows = planned(package_copy, source)
    assert rows["indikator"] and rows["dokumen"]
    assert rows == planned(package_copy, read(TEXT))


def test_a_pdf_whose_rows_break_across_pages_gives_the_same_rows(package_copy: Path) -> None:
    """One Word table per signed table, its header repeated by Word, rows split where the page broke."""
    source = read("rkt-2024-mengalir-libreoffice-id.pdf")
    ignore = WHERE | {"halaman_tabel"}  # the printed pages of this layout are not those of the signed copy
    assert planned(package_copy, source, ignore) == planned(package_copy, read(TEXT), ignore)
    tables = reading.tables_of(source)
    pages = [
        {source.places[line - 1].split(",")[0] for line in row.source_lines} for t in tables for row in t.rows
    ]
    assert any(len(on) > 1 for on in pages), "a row continued on the next page is joined"


def test_a_pdf_row_is_named_by_page_table_and_row() -> None:
    source = read("rkt-2024-libreoffice-id.pdf")
    table = reading.tables_of(source)[0]
    assert source.place(table.rows[0].source_lines[0]) == (
        "rkt-2024-libreoffice-id.pdf (halaman 1, tabel 1, baris 3)",
        None,
    )


def test_the_pdf_is_kept_and_listed_like_the_word_file(package_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "rkt-2024-kpu-kaltim.pdf"
    shutil.copy(FIXTURES / "rkt-2024-libreoffice-id.pdf", path)
    source = dataclasses.replace(read("rkt-2024-libreoffice-id.pdf"), path=path)
    tables = reading.tables_of(source)
    signed_by, _ = offices.resolve(source, tables, offices.offices(package_copy), "")
    importer.write_import(package_copy, source, importer.plan(package_copy, source, tables, signed_by))
    kept = package_copy / "data" / "sumber" / path.name
    assert kept.read_bytes() == path.read_bytes()
    assert (package_copy / "data" / "sumber" / f"{path.name}.txt").read_text(encoding="utf-8") == source.text
    listed = {s["path"]: s for s in csvio_json(package_copy)["sources"]}
    assert listed["data/sumber/rkt-2024-kpu-kaltim.pdf"]["sha256"] == source.sha256
    assert "data/sumber/rkt-2024-kpu-kaltim.pdf.txt" in listed
    assert {r["sumber"] for r in csvio.read(package_copy / "data" / "dokumen.csv")} >= {
        f"data/sumber/{path.name}"
    }
    assert source_format(f"data/sumber/{path.name}") == "PDF"
    assert FORMATS["PDF"].mediatype == "application/pdf"
    assert "PDF" in source_title(f"data/sumber/{path.name}")
    assert "PDF" in source_title(f"data/sumber/{path.name}.txt")


def csvio_json(root: Path) -> dict:
    import json

    return json.loads((root / "datapackage.json").read_text(encoding="utf-8"))


def refused(root: Path, path: Path) -> ProblemsFound:
    """The problems of importing `path` into root, checking that nothing in the package changed."""
    before = package_digest(root)
    with pytest.raises(ProblemsFound) as caught:
        import_document(root, path)
    assert package_digest(root) == before, "data/ dan datapackage.json tidak boleh berubah"
    assert not list(root.glob(".paket-baru-*"))
    for problem in caught.value.problems:
        assert problem.file.startswith(path.name) and problem.what and problem.fix
        assert "Error" not in problem.what + problem.fix and "Traceback" not in problem.what
    return caught.value


def copied(name: str, folder: Path, as_name: str) -> Path:
    target = folder / as_name
    shutil.copy(FIXTURES / name, target)
    return target


def test_a_scanned_pdf_is_refused_with_what_to_do(package_copy: Path, tmp_path: Path) -> None:
    (problem,) = refused(package_copy, copied("rkt-2024-pindaian.pdf", tmp_path, "rkt-2025.pdf")).problems
    assert problem.code == "pdf_tanpa_teks"
    assert "pindai" in problem.what and "Word" in problem.fix and "ekspor" in problem.fix


def test_a_locked_pdf_is_refused(package_copy: Path, tmp_path: Path) -> None:
    (problem,) = refused(
        package_copy, copied("rkt-2024-berkata-sandi.pdf", tmp_path, "rkt-2025.pdf")
    ).problems
    assert problem.code == "pdf_terkunci" and "kata sandi" in problem.what


def test_a_truncated_pdf_is_refused(package_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "rkt-2025.pdf"
    path.write_bytes((FIXTURES / "rkt-2024-libreoffice-id.pdf").read_bytes()[:15000])
    (problem,) = refused(package_copy, path).problems
    assert problem.code == "pdf_rusak"


def test_a_word_row_with_a_missing_cell_is_told_in_word_terms(package_copy: Path, tmp_path: Path) -> None:
    document = docx.Document(str(FIXTURES / "rkt-2024.docx"))
    row = document.tables[0].rows[3]._tr
    row.remove(row.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc")[-1])
    path = tmp_path / "rkt-2025.docx"
    document.save(str(path))
    (problem,) = refused(package_copy, path).problems
    assert problem.code == "susunan_dokumen" and problem.file == "rkt-2025.docx (tabel 1, baris 4)"
    assert "baris tabel Word ini punya 2 sel" in problem.what
    assert "tab" not in problem.fix.replace("tabel", "")


def test_a_pdf_table_without_ruling_is_told_so() -> None:
    """Without cell borders pdfplumber finds no table: the header comes as plain text, named as such."""
    text = "Nama/Unit Organisasi : KPU X\nTahun Anggaran : 2025\nSasaran Strategis Indikator Kinerja Target\n"
    with pytest.raises(SourceTextError) as caught:
        read_tables(text, "PDF")
    assert caught.value.line == 3 and "tanpa garis" in caught.value.what and "Word" in caught.value.fix
    with pytest.raises(SourceTextError) as caught:
        read_tables(text, "Word")
    assert "di antara baris tabel Word" in caught.value.what and "tab" not in caught.value.fix.replace(
        "tabel", ""
    )


# Hostile files: built here, refused from the archive directory or a bounded scan, in milliseconds.

CHUNK = 16 * 1024 * 1024


def deflated(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


@cache
def deflated_zeros(chunks: int) -> tuple[list[bytes], int]:
    """A raw deflate stream of chunks × 16 MB of zeros, made from two compressed chunks, and its CRC-32."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = bytes(CHUNK)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(chunks):
        crc = zlib.crc32(zeros, crc)
    return [first, *[again] * (chunks - 1), compressor.flush()], crc


def write_zip(path: Path, parts: list[tuple[str, list[bytes], int, int]]) -> None:
    """A ZIP of deflated parts (name, compressed pieces, CRC-32, size), written piece by piece."""
    central = []
    with path.open("wb") as out:
        for name, pieces, crc, size in parts:
            offset, encoded, length = out.tell(), name.encode(), sum(len(p) for p in pieces)
            out.write(
                struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, length, size, len(encoded), 0)
            )
            out.write(encoded)
            for piece in pieces:
                out.write(piece)
            header = (0x02014B50, 20, 20, 0, 8, 0, 0, crc, length, size, len(encoded), 0, 0, 0, 0, 0, offset)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", *header) + encoded)
        start = out.tell()
        for entry in central:
            out.write(entry)
        end = (0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0)
        out.write(struct.pack("<IHHHHIIH", *end))


def small_part(name: str, data: bytes) -> tuple[str, list[bytes], int, int]:
    return name, [deflated(data)], zlib.crc32(data), len(data)


CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)


def timed_refusal(root: Path, path: Path) -> tuple[ProblemsFound, float, int]:
    """The refusal of `path`, the seconds it took and the peak memory Python allocated meanwhile."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        error = refused(root, path)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return error, seconds, peak


@pytest.mark.parametrize(
    ("name", "part"), [("rkt-2025.docx", "word/document.xml"), ("lembar.xlsx", "xl/workbook.xml")]
)
def test_a_zip_bomb_is_refused_before_it_is_read(
    package_copy: Path, tmp_path: Path, name: str, part: str
) -> None:
    path = tmp_path / name
    pieces, crc = deflated_zeros(90)  # 1.5 GB of zeros in about 1.5 MB
    write_zip(path, [small_part("[Content_Types].xml", CONTENT_TYPES), (part, pieces, crc, 90 * CHUNK)])
    assert path.stat().st_size < 2 * 1024 * 1024
    error, seconds, peak = timed_refusal(package_copy, path)
    (problem,) = error.problems
    assert (
        problem.code == "arsip_berbahaya" and "mengembang" in problem.what and "simpan" in problem.fix.lower()
    )
    assert seconds < 1.0, f"{seconds:.2f} s"
    assert peak < 50 * 1024 * 1024, f"{peak / 1e6:.0f} MB"


def test_a_highly_compressed_part_is_refused(package_copy: Path, tmp_path: Path) -> None:
    """Within the total limit, but one part expands far more than any document's XML."""
    path = tmp_path / "rkt-2025.docx"
    pieces, crc = deflated_zeros(2)
    write_zip(
        path,
        [small_part("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", pieces, crc, 2 * CHUNK)],
    )
    (problem,) = refused(package_copy, path).problems
    assert problem.code == "arsip_berbahaya" and "dipadatkan" in problem.what


LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">{entities}]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
<w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
@pytest.mark.parametrize(
    ("name", "part"), [("rkt-2025.docx", "word/document.xml"), ("lembar.xlsx", "xl/workbook.xml")]
)
def test_xml_entities_are_refused_never_expanded(
    package_copy: Path, tmp_path: Path, name: str, part: str, encoding: str
) -> None:
    entities = "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10)
    )
    xml = LAUGHS.format(entities=entities).encode(encoding)
    path = tmp_path / name
    source = FIXTURES / "rkt-2024.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in original.infolist():
            if item.filename != part:
                bomb.writestr(item.filename, original.read(item))
        bomb.writestr(part, xml)
    error, seconds, peak = timed_refusal(package_copy, path)
    (problem,) = error.problems
    assert problem.code == "xml_berbahaya" and part in problem.what and "ENTITY" in problem.what
    assert seconds < 1.0 and peak < 50 * 1024 * 1024


def test_a_pdf_of_too_many_pages_is_refused(package_copy: Path, tmp_path: Path) -> None:
    pages = guard.MAX_PDF_PAGES + 1
    kids = " ".join(f"{n + 3} 0 R" for n in range(pages))
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>"]
    objects += ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    body = "%PDF-1.4\n" + "".join(f"{n} 0 obj\n{obj}\nendobj\n" for n, obj in enumerate(objects, start=1))
    path = tmp_path / "rkt-2025.pdf"
    path.write_bytes((body + "trailer\n<< /Root 1 0 R >>\n%%EOF\n").encode("ascii"))
    error, seconds, _ = timed_refusal(package_copy, path)
    (problem,) = error.problems
    assert problem.code == "pdf_terlalu_banyak_halaman" and f"{pages} halaman" in problem.what
    assert seconds < 1.0


def test_the_page_tree_is_counted_before_pages_are_laid_out() -> None:
    with pytest.raises(TooManyPages) as caught:
        pdf_lines((FIXTURES / "rkt-2024-libreoffice-id.pdf").read_bytes(), max_pages=5)
    assert caught.value.pages == 11


def test_a_file_larger_than_the_limit_is_not_read(package_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "rkt-2025.docx"
    with path.open("wb") as sparse:
        sparse.truncate(guard.MAX_FILE_BYTES + 1)  # no disk or memory used: refused by its size alone
    (problem,) = refused(package_copy, path).problems
    assert problem.code == "berkas_terlalu_besar" and "MB" in problem.what


def test_a_plain_sheet_passes_the_guard() -> None:
    """The guard refuses what is hostile, not what is ordinary: a real document and its bytes pass."""
    data = (FIXTURES / "rkt-2024-libreoffice-id.docx").read_bytes()
    assert guard.check_archive(Path("x.docx"), data, "dokumen Word", "") == []
    assert guard.check_pdf(Path("x.pdf"), (FIXTURES / "rkt-2024-libreoffice-en.pdf").read_bytes(), "") == []
    assert guard.check_archive(Path("x.docx"), io.BytesIO(b"bukan zip").getvalue(), "dokumen Word", "") == []
