"""The realisation sheet reads what the person meant, in an Indonesian or an English spreadsheet.

Numbers and day-first dates the spreadsheet kept as text are read (35,5 in en-US, 77.5 in id-ID,
15/04/2024 in en-US, 15.07.2024 in id-ID); what could mean two things (1.234) is refused with both
readings; a percent cell of a persen indicator is read as it shows (0,995 → 99,5); fix texts write the
decimal comma and name the language setting. The sheets in tests/fixtures/lembar/ were typed and saved
by LibreOffice 7.4 in id-ID and en-US (README.md there says how) and are imported into a copy of the
package. Fast tier: no site build, no office suite.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from kinerja import csvio, update
from kinerja.domain import sheet_layout as layout
from kinerja.domain.entities import Indikator
from kinerja.errors import ProblemsFound
from kinerja.ingest import cells
from kinerja.ingest.cells import Fault, cell_value
from test_import_errors import package_digest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lembar"
#: The day the fixtures are imported on: after every date typed in them.
ON = date(2025, 6, 30)


def indikator(satuan: str) -> Indikator:
    """A made-up indicator of a number target in `satuan` (80 of it)."""
    return Indikator(
        "IK99-X01", "RKT99-X", 1, 1, "1", "SS99-X01", "", "", "Indikator karangan", f"80 {satuan}", "angka",
        Decimal(80), satuan, "", None, None, "", "", "",
    )  # fmt: skip


PERSEN, KEGIATAN = indikator("persen"), indikator("kegiatan")


def read(value: Any, item: Indikator = PERSEN, number_format: str = "General") -> str | Fault:
    """The nilai a cell holding `value` gives, or its Fault (as the sheet reader calls cells.number)."""
    found = cells.number(cell_value(value), number_format, item)
    return found if isinstance(found, Fault) else found[0]


# --- numbers typed as text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "nilai"),
    [
        ("35,5", "35.5"),  # id-ID decimal comma, kept as text by an en-US sheet
        ("35.5", "35.5"),  # en-US decimal point, kept as text by an id-ID sheet
        ("77.5", "77.5"),
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
        ("1.234.567", "1234567"),
        ("1,234,567", "1234567"),
        ("1.234.567,89", "1234567.89"),
        ("0,125", "0.125"),  # a thousands group never starts with 0
        ("1234,567", "1234.567"),  # nor has four digits
        ("12", "12"),
        (" 35,5 ", "35.5"),
        ("\u00a035,5\u00a0", "35.5"),  # no-break spaces, pasted from a document
        ("'88,5", "88.5"),  # the apostrophe that forces text (LibreOffice en-US keeps it)
        ("35,5%", "35.5"),
        ("99,5 %", "99.5"),
        ("99.5%", "99.5"),
    ],
)
def test_a_number_typed_as_text_is_read_in_either_locale(typed: str, nilai: str) -> None:
    assert read(typed) == nilai


def test_a_percent_sign_is_read_only_in_a_persen_indicator() -> None:
    assert read("80%", KEGIATAN).code == "satuan_beda"  # type: ignore[union-attr]
    with_unit = read("77.5 keg", KEGIATAN)
    assert isinstance(with_unit, Fault) and with_unit.code == "satuan_dalam_sel"
    assert "ketik 77,5 saja" in with_unit.fix, "the fix writes the decimal comma"
    assert read("-2,5").code == "angka_negatif"  # type: ignore[union-attr]
    assert read("1.234 keg", KEGIATAN).code == "angka_meragukan"  # type: ignore[union-attr]
    assert read("1.234 orang", KEGIATAN).code == "satuan_beda"  # type: ignore[union-attr]
    assert read("-1.234").code == "angka_meragukan", "never read, so never called negative"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("typed", "thousands", "point"),
    [
        ("1.234", "seribu dua ratus tiga puluh empat (1234", "satu koma dua tiga empat (1,234)"),
        ("1,234", "seribu dua ratus tiga puluh empat (1234", "satu koma dua tiga empat (1,234)"),
        ("12.345", "dua belas ribu tiga ratus empat puluh lima (12345", "dua belas koma tiga empat lima"),
        ("100,001", "seratus ribu satu (100001", "seratus koma nol nol satu (100,001)"),
        ("1.234%", "seribu dua ratus tiga puluh empat", "satu koma dua tiga empat"),
        ("'1,234", "tanda ',' sebagai pemisah ribuan", "satu koma dua tiga empat (1,234)"),
    ],
)
def test_an_ambiguous_number_is_refused_with_both_readings(typed: str, thousands: str, point: str) -> None:
    fault = read(typed)
    assert isinstance(fault, Fault) and fault.code == "angka_meragukan", "never guessed"
    assert thousands in fault.what and point in fault.what
    number = typed.strip("'%").replace(",", "").replace(".", "")
    assert f"ketik {number} tanpa pemisah ribuan" in fault.fix
    assert "Locale setting" in fault.fix and "Use system separators" in fault.fix


@pytest.mark.parametrize("typed", ["1.23,4", "35,5,5", "1,234,56", "1.234,5.6", "12,34.5", "lima", "5 buah"])
def test_text_that_is_no_clear_number_is_refused(typed: str) -> None:
    fault = read(typed)
    assert isinstance(fault, Fault) and fault.code == "bukan_angka"
    assert f"'{typed}'" in fault.what


def test_words_say_a_number_in_indonesian() -> None:
    assert [cells.words(n) for n in (0, 10, 11, 15, 20, 100, 110, 1000, 1001, 21000, 999999)] == [
        "nol", "sepuluh", "sebelas", "lima belas", "dua puluh", "seratus", "seratus sepuluh", "seribu",
        "seribu satu", "dua puluh satu ribu",
        "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan",
    ]  # fmt: skip


# --- a percent-formatted cell ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "number_format", "nilai"),
    [
        (0.995, "0.00%", "99.5"),  # 99,5% typed in id-ID, 99.5% in en-US
        (0.9225, "[$-421]0.0%", "92.25"),  # shown rounded as 92,3%: the value typed is kept
        (1, "0%", "100"),
        (0.8, "0%", "80"),
        (5, '0" %"', "5"),  # a quoted % is only a label
        (5, "0\\%", "5"),
        (99.5, "General", "99.5"),
    ],
)
def test_a_percent_cell_of_a_persen_indicator_is_read_as_it_shows(
    value: float, number_format: str, nilai: str
) -> None:
    assert read(value, PERSEN, number_format) == nilai


def test_a_percent_cell_of_another_unit_is_refused_with_a_comma_fix() -> None:
    fault = read(0.8, KEGIATAN, "0%")
    assert isinstance(fault, Fault) and fault.code == "format_persen"
    assert "'80%'" in fault.what and "kegiatan" in fault.what and "80,5" in fault.fix


# --- dates typed as text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("15/04/2024", date(2024, 4, 15)),
        ("15-04-2024", date(2024, 4, 15)),
        ("15.04.2024", date(2024, 4, 15)),
        ("5/4/2024", date(2024, 4, 5)),
        ("2024-04-15", date(2024, 4, 15)),
        ("2024/4/5", date(2024, 4, 5)),
        ("15 April 2024", date(2024, 4, 15)),
        ("15 Apr 2024", date(2024, 4, 15)),
        ("15-Apr-2024", date(2024, 4, 15)),
        ("15 Mei 2024", date(2024, 5, 15)),
        ("1 Agustus 2024", date(2024, 8, 1)),
        ("1 Agt 2024", date(2024, 8, 1)),
        ("1 Agu 2024", date(2024, 8, 1)),
        ("1 Okt. 2024", date(2024, 10, 1)),
        ("31 Desember 2024", date(2024, 12, 31)),
        ("29 Pebruari 2024", date(2024, 2, 29)),
        ("April 15, 2024", date(2024, 4, 15)),
        ("'15/04/2024", date(2024, 4, 15)),
        (" 15/04/2024\u00a0", date(2024, 4, 15)),
        (datetime(2024, 4, 15, 0, 0), date(2024, 4, 15)),  # a real date cell keeps working
        (date(2024, 4, 15), date(2024, 4, 15)),
    ],
)
def test_a_date_typed_day_first_as_text_is_read(typed: Any, day: date) -> None:
    assert cells.when(cell_value(typed), 2024, ON) == day


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("31/04/2024", "bukan tanggal yang ada: April 2024 hanya punya 30 hari"),
        ("29/02/2023", "Februari 2023 hanya punya 28 hari"),
        ("31 Juni 2024", "Juni 2024 hanya punya 30 hari"),
        ("04/15/2024", "bulan 15 tidak ada (dibaca hari/bulan/tahun)"),
        ("2024-13-01", "bulan 13 tidak ada (dibaca tahun-bulan-hari)"),
        ("15/04/24", "tidak menulis tahunnya dengan empat angka"),
        ("akhir Februari", "bukan tanggal"),
        ("15 Aprel 2024", "bukan tanggal"),
    ],
)
def test_a_date_that_names_no_real_day_is_refused(typed: str, said: str) -> None:
    fault = cells.when(typed, 2024, ON)
    assert isinstance(fault, Fault) and fault.code == "tanggal_tidak_sah"
    assert said in fault.what and f"'{typed}'" in fault.what


def test_fix_texts_write_the_decimal_comma() -> None:
    faults = [read(t) for t in ("1.234", "1,234", "1.23,4", "lima")]
    faults += [read("77.5 keg", KEGIATAN), read(0.8, KEGIATAN, "0%"), read("80%", KEGIATAN)]
    faults += [cells.when(t, 2024, ON) for t in ("31/04/2024", "04/15/2024", "15/04/24", "kemarin")]
    assert all(isinstance(f, Fault) for f in faults)
    for fault in faults:
        fix = str(fault.fix)  # type: ignore[union-attr]
        for found in re.finditer(r"\b[0-9]+\.[0-9]+\b", fix):
            near = fix[max(0, found.start() - 20) : found.end() + 45]
            assert "Inggris" in near or "en-US" in near, f"{found[0]} without its locale in: {fix}"
    assert "77,5" in cells.LOCALE_HINT and "Tools → Options → Language Settings" in cells.LOCALE_HINT


# --- sheets typed and saved by LibreOffice ---------------------------------------------------------------


def sheet_cell(path: Path, code: str, periode: str, key: str) -> Any:
    """A cell of a fixture sheet, found by the indicator code in column A."""
    sheet = load_workbook(path)[layout.SHEET]
    row = next(
        r for r in range(layout.FIRST_ROW, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == code
    )
    return sheet.cell(row=row, column=layout.column(key, periode).index)


#: (indicator, period) → (nilai, satuan, tanggal_sumber) the import writes, by fixture.
COMMON = {
    ("IK24-S04", "TW1"): ("4", "kegiatan", "2024-04-15"),
    ("IK24-S06", "TW1"): ("35.5", "persen", "2024-04-15"),
    ("IK24-S08", "TW1"): ("99.5", "persen", "2024-04-15"),
    ("IK24-S09", "TW1"): ("77.5", "persen", "2024-05-15"),
    ("IK24-S15", "TW2"): ("10", "satker", "2024-07-15"),
    ("IK24-S05", "TW3"): ("9", "kali", "2024-08-15"),
    ("IK24-S16", "TW2"): ("88.5", "persen", "2024-08-01"),
    ("IK24-S18", "TW2"): ("80.5", "persen", "2024-08-02"),
    ("IK24-S19", "TW2"): ("1234.5", "persen", "2024-07-16"),
}
EXPECTED = {
    "id-ID": {**COMMON, ("IK24-S13", "TW2"): ("92.25", "persen", "2024-07-15")},
    "en-US": {
        **COMMON,
        ("IK24-S13", "TW2"): ("92.25", "persen", "2024-04-15"),
        ("IK24-S20", "TW2"): ("99.5", "persen", "2024-07-16"),
    },
}
#: Cells the locale kept as text (what makes the fixture test the text path): (code, period, key, value).
KEPT_AS_TEXT = {
    "id-ID": [
        ("IK24-S09", "TW1", "nilai", "77.5"),
        ("IK24-S16", "TW2", "nilai", "88,5"),
        ("IK24-S13", "TW2", "tanggal", "15.07.2024"),
        ("IK24-S16", "TW2", "tanggal", "1 Agt 2024"),
    ],
    "en-US": [
        ("IK24-S06", "TW1", "nilai", "35,5"),
        ("IK24-S08", "TW1", "nilai", "99,5%"),
        ("IK24-S16", "TW2", "nilai", "'88,5"),
        ("IK24-S18", "TW2", "nilai", "\u00a080,5\u00a0"),
        ("IK24-S04", "TW1", "tanggal", "15/04/2024"),
        ("IK24-S06", "TW1", "tanggal", "15-04-2024"),
        ("IK24-S08", "TW1", "tanggal", "15 April 2024"),
        ("IK24-S09", "TW1", "tanggal", "15 Mei 2024"),
        ("IK24-S20", "TW2", "tanggal", "16.07.2024"),
    ],
}

#: Where 99,5% (id-ID) or 99.5% (en-US) was typed and the spreadsheet made a percent cell of it.
TYPED_PERCENT = {"id-ID": ("IK24-S08", "TW1"), "en-US": ("IK24-S20", "TW2")}


@pytest.mark.parametrize("locale", ["id-ID", "en-US"])
def test_a_sheet_saved_by_libreoffice_is_imported_as_typed(locale: str, package_copy: Path) -> None:
    path = FIXTURES / f"realisasi-RKT24-S-{locale}.xlsx"
    for code, periode, key, value in KEPT_AS_TEXT[locale]:
        assert sheet_cell(path, code, periode, key).value == value, (code, periode, key)
    shown = sheet_cell(path, *TYPED_PERCENT[locale], "nilai")
    assert (shown.value, "%" in shown.number_format) == (0.995, True), "99,5% typed: a percent cell"
    report = update.import_sheet(package_copy, path, on=ON)
    assert "Paket data sah." in report and "IK24-S08 TW1 99,5 %" in report
    rows = {(r["indikator_id"], r["periode"]): r for r in csvio.read(package_copy / "data" / "realisasi.csv")}
    got = {
        key: (rows[key]["nilai"], rows[key]["satuan"], rows[key]["tanggal_sumber"])
        for key in EXPECTED[locale]
    }
    assert got == EXPECTED[locale]
    assert all(locale in rows[key]["catatan"] for key in EXPECTED[locale])


def test_a_sheet_with_unclear_cells_saved_by_libreoffice_is_refused(package_copy: Path) -> None:
    path = FIXTURES / "realisasi-RKT24-S-id-ID-salah.xlsx"
    assert sheet_cell(path, "IK24-S06", "TW1", "nilai").value == "1.234", "typed in a cell formatted as Text"
    before = package_digest(package_copy)
    with pytest.raises(ProblemsFound) as caught:
        update.import_sheet(package_copy, path, on=ON)
    problems = caught.value.problems
    where = [(p.code, p.field) for p in problems]
    assert where == [
        ("angka_meragukan", "F (Realisasi TW1)"),
        ("tanggal_tidak_sah", "H (Tanggal dokumen TW1)"),
        ("tanggal_tidak_sah", "H (Tanggal dokumen TW1)"),
    ]
    assert [p.row for p in problems] == [
        sheet_cell(path, c, "TW1", "nilai").row for c in ("IK24-S06", "IK24-S08", "IK24-S09")
    ]
    assert "seribu dua ratus tiga puluh empat" in problems[0].what and "ketik 1234" in problems[0].fix
    assert "April 2024 hanya punya 30 hari" in problems[1].what
    assert "bulan 15 tidak ada" in problems[2].what and "15/04/2024" in problems[2].fix
    assert package_digest(package_copy) == before, "nothing changed in data/"
