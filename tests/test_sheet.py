"""The realisation sheet: `make template` writes it, a maintainer fills it, `make import` reads it back.

Structure (locked cells, data validation, pre-filled published realisation), a
filled sheet imported into a copy of the package (data/realisasi.csv, the
report, the capaian the model computes), a changed published value listed as a
change, category and bound targets (the made-up plan
tests/fixtures/impor/rkt-uji-kategori.txt), and the corpus of broken sheets
tests/fixtures/impor/lembar-rusak.yaml: one problem per bad cell with sheet,
row and column, and data/ byte-identical afterwards. Fast tier: no site build.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from openpyxl import Workbook, load_workbook

from conftest import copy_package
from kinerja import cli, csvio, model, paths, update
from kinerja.domain import sheet_layout as layout
from kinerja.errors import ProblemsFound
from kinerja.outputs.sheet_writer import list_formula
from test_import_errors import package_digest

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "tests" / "fixtures" / "impor" / "rkt-uji-kategori.txt"
CASES = yaml.safe_load(
    (ROOT / "tests" / "fixtures" / "impor" / "lembar-rusak.yaml").read_text(encoding="utf-8")
)
#: The day the tests import on (the wall clock is read only by update.today(), replaced here).
TODAY = date(2027, 6, 30)
SOURCE = "LKjIP uji (bukan data resmi)"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(update, "today", lambda: TODAY)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_package(tmp_path / "paket")


@pytest.fixture
def kategori_root(tmp_path: Path) -> Path:
    """A copy of the package with the made-up plan RKT26-S (WTP, Informatif, BB, ≥ 90%, …) imported."""
    root = copy_package(tmp_path / "paket-kategori")
    assert "7 indikator" in update.import_document(root, PLAN)
    return root


def template(root: Path, dokumen: str) -> Path:
    (path,) = update.write_templates(root, root / "lembar", dokumen)
    return path


def row_of(sheet: Any, code: str) -> int:
    """The sheet row of an indicator (found by its code in column A)."""
    for row in range(layout.FIRST_ROW, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == code:
            return row
    raise KeyError(code)


def cell(sheet: Any, code: str, periode: str, key: str) -> Any:
    return sheet.cell(row=row_of(sheet, code), column=layout.column(key, periode).index)


def fill(
    path: Path, values: list[dict[str, Any]], cells: Sequence[dict] = (), day: date | None = None
) -> None:
    """Type realisations into the sheet as a maintainer would (openpyxl: open, set cells, save)."""
    workbook = load_workbook(path)
    sheet = workbook[layout.SHEET]
    for item in cells:
        sheet[item["sel"]] = item["nilai"]
    for item in values:
        given = {"sumber": SOURCE, "tanggal": day or date(2025, 2, 28), "catatan": None, **item}
        for key in ("nilai", "sumber", "tanggal", "catatan"):
            target = cell(sheet, item["kode"], item["periode"], key)
            target.value = given[key]
            if key == "nilai" and "format" in item:
                target.number_format = item["format"]
    workbook.save(path)


def add_published(root: Path, rows: list[dict[str, str]]) -> None:
    fields = [f.name for f in model.load(root).tables["realisasi"].fields]
    csvio.write(root / "data" / "realisasi.csv", fields, csvio.read(root / "data" / "realisasi.csv") + rows)


PUBLISHED = {
    "indikator_id": "IK24-K03", "periode": "TW4", "nilai": "80.1", "satuan": "persen", "kategori": "",
    "sumber_dokumen": "Laporan Kinerja Triwulan IV uji (bukan data resmi)", "tanggal_sumber": "2025-01-15",
    "catatan": "Angka karangan untuk uji otomatis.",
}  # fmt: skip


# --- structure -------------------------------------------------------------------------------------------


def test_template_writes_one_sheet_per_document_into_the_default_folder(root: Path) -> None:
    code = cli.main(["--root", str(root), "template"])
    assert code == 0
    written = sorted(p.name for p in (root / paths.SHEETS).iterdir())
    assert written == ["realisasi-RKT24-K.xlsx", "realisasi-RKT24-S.xlsx"]
    assert "masukan/lembar/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert (
        "-m kinerja template $(if $(OUT),--output $(OUT)) $(if $(DOKUMEN),--dokumen $(DOKUMEN))" in makefile
    )


def test_sheet_has_its_title_block_rows_in_printed_order_and_locked_cells(root: Path) -> None:
    workbook = load_workbook(template(root, "RKT24-S"))
    assert workbook.sheetnames == [layout.SHEET, layout.SCALES_SHEET]
    assert workbook.security.lockStructure
    sheet = workbook[layout.SHEET]
    package = model.load(root)
    dokumen = package.dokumen["RKT24-S"]
    info = {key: sheet.cell(row=row, column=2).value for key, (row, _) in layout.INFO_ROWS.items()}
    assert info["dokumen"] == "RKT 2024 Sekretariat KPU Provinsi Kalimantan Timur"
    assert (info["kode"], info["tahun"], info["kantor"]) == ("RKT24-S", 2024, "KPU Provinsi Kalimantan Timur")
    assert info["format"] == layout.FORMAT
    assert sheet.cell(row=layout.HELP_ROW, column=1).value == "Cara mengisi"
    assert (
        "make import SRC=lembar/realisasi-RKT24-S.xlsx" in sheet.cell(row=layout.HELP_ROW + 4, column=2).value
    )
    headings = [sheet.cell(row=layout.HEADER_ROW, column=c.index).value for c in layout.COLUMNS]
    assert headings[:5] == [
        "Kode indikator",
        "Indikator",
        "Target tercetak",
        "Jenis target",
        "Satuan atau kategori",
    ]
    assert headings[5:9] == ["Realisasi TW1", "Dokumen sumber TW1", "Tanggal dokumen TW1", "Catatan TW1"]
    assert headings[-4] == "Realisasi tahunan" and len(headings) == 5 + 4 * 5
    codes = [sheet.cell(row=r, column=1).value for r in range(layout.FIRST_ROW, sheet.max_row + 1)]
    assert codes == [i.id for i in dokumen.indikator] and len(codes) == 56
    s44 = row_of(sheet, "IK24-S44")
    assert [sheet.cell(row=s44, column=c).value for c in range(1, 6)] == [
        "IK24-S44", package.indikator["IK24-S44"].teks, "36,36% (4 satker)", "angka", "persen"
    ]  # fmt: skip
    assert sheet.protection.sheet and sheet.protection.password is None
    for row in range(1, sheet.max_row + 1):
        for column in layout.COLUMNS:
            locked = sheet.cell(row=row, column=column.index).protection.locked
            assert locked == (row < layout.FIRST_ROW or column.locked), (row, column.label)
    assert workbook[layout.SCALES_SHEET].protection.sheet


def test_sheet_validates_numbers_and_dates_with_indonesian_messages(root: Path) -> None:
    sheet = load_workbook(template(root, "RKT24-S"))[layout.SHEET]
    found = {v.type: v for v in sheet.data_validations.dataValidation}
    assert set(found) == {"decimal", "date"}, "no category target in the 2024 plans: no dropdown"
    numbers, dates = found["decimal"], found["date"]
    assert (numbers.operator, numbers.formula1) == ("greaterThanOrEqual", "0")
    letters = {key: [layout.column(key, p).letter for p in layout.PERIODS] for key in ("nilai", "tanggal")}
    assert str(numbers.sqref).split() == [f"{x}17:{x}72" for x in letters["nilai"]], "every number cell"
    assert (dates.operator, dates.formula1, dates.formula2) == ("between", "DATE(2024,1,1)", "TODAY()")
    assert str(dates.sqref).split() == [f"{x}17:{x}72" for x in letters["tanggal"]], "every date cell"
    for validation in (numbers, dates):
        assert validation.showErrorMessage and validation.showInputMessage and validation.allow_blank
        assert validation.errorStyle in (None, "stop"), "a wrong value is refused, not only warned about"
    assert "80,5 (Indonesia) atau 80.5 (Inggris, en-US)" in numbers.error and len(numbers.error) <= 225
    assert "tidak setelah hari ini" in dates.error
    assert cell(sheet, "IK24-S01", "TW1", "tanggal").number_format == "yyyy-mm-dd"


def test_category_target_gets_a_dropdown_of_its_scale_and_a_bound_a_number(kategori_root: Path) -> None:
    workbook = load_workbook(template(kategori_root, "RKT26-S"))
    sheet = workbook[layout.SHEET]
    lists = {v.formula1: v for v in sheet.data_validations.dataValidation if v.type == "list"}
    assert set(lists) == {
        '"WTP,WDP,TW,TMP"',
        '"Informatif,Menuju Informatif,Cukup Informatif,Kurang Informatif,Tidak Informatif"',
        '"AA,A,BB,B,CC,C,D"',
        '"WBBM,WBK"',
    }
    wtp = lists['"WTP,WDP,TW,TMP"']
    row = row_of(sheet, "IK26-S01")
    assert str(wtp.sqref).split() == [f"{layout.column('nilai', p).letter}{row}" for p in layout.PERIODS]
    assert not wtp.showDropDown and "WTP, WDP, TW, TMP" in wtp.error
    assert cell(sheet, "IK26-S01", "", "satuan").value == "kategori: WTP / WDP / TW / TMP"
    numbers = next(v for v in sheet.data_validations.dataValidation if v.type == "decimal")
    bound = cell(sheet, "IK26-S04", "tahunan", "nilai").coordinate
    assert any(bound in r for r in numbers.sqref), "≥ 90% is a number"
    assert cell(sheet, "IK26-S04", "", "satuan").value == "persen"
    scales = workbook[layout.SCALES_SHEET]
    assert [scales.cell(row=r, column=4).value for r in range(2, 6)] == ["WTP", "WDP", "TW", "TMP"]


def test_a_list_that_excel_cannot_inline_points_at_the_scales_sheet() -> None:
    assert list_formula(["WTP", "WDP"], "'Skala'!$D$2:$D$3") == '"WTP,WDP"'
    assert list_formula(["Baik, sekali", "Baik"], "'Skala'!$D$2:$D$3") == "'Skala'!$D$2:$D$3"
    assert list_formula(["x" * 200, "y" * 60], "'Skala'!$D$2:$D$3") == "'Skala'!$D$2:$D$3"


def test_template_prefills_published_realisation_and_round_trips_unchanged(root: Path) -> None:
    add_published(root, [PUBLISHED])
    path = template(root, "RKT24-K")
    sheet = load_workbook(path)[layout.SHEET]
    assert cell(sheet, "IK24-K03", "TW4", "nilai").value == 80.1
    assert cell(sheet, "IK24-K03", "TW4", "sumber").value == PUBLISHED["sumber_dokumen"]
    assert cell(sheet, "IK24-K03", "TW4", "tanggal").value.date() == date(2025, 1, 15)
    assert cell(sheet, "IK24-K03", "TW4", "catatan").value == PUBLISHED["catatan"]
    assert cell(sheet, "IK24-K03", "TW3", "nilai").value is None
    before = package_digest(root)
    report = update.import_document(root, path)
    assert "0 ditambah, 0 diubah, 1 tidak berubah" in report and "Tidak ada yang diubah" in report
    assert package_digest(root) == before
    assert update.write_templates(root, root / "lembar", "RKT24-K") == [path], "nothing pending: rewritten"


def test_template_is_reproducible(root: Path, tmp_path: Path) -> None:
    first = template(root, "RKT24-S").read_bytes()
    (again,) = update.write_templates(root, tmp_path / "lain", "RKT24-S")
    sheet_a, sheet_b = (load_workbook(p)[layout.SHEET] for p in (root / "lembar" / again.name, again))
    assert first == (root / "lembar" / again.name).read_bytes()
    assert [list(r) for r in sheet_a.iter_rows(min_row=layout.FIRST_ROW, values_only=True)] == [
        list(r) for r in sheet_b.iter_rows(min_row=layout.FIRST_ROW, values_only=True)
    ]


# --- importing a filled sheet ----------------------------------------------------------------------------


def test_filled_sheet_is_imported_with_report_and_computed_capaian(root: Path) -> None:
    path = template(root, "RKT24-S")
    fill(path, [
        {"kode": "IK24-S04", "periode": "TW4", "nilai": 4},
        {"kode": "IK24-S04", "periode": "tahunan", "nilai": 5, "catatan": "Angka karangan untuk uji."},
        {"kode": "IK24-S22", "periode": "tahunan", "nilai": 90.25},
    ])  # fmt: skip
    report = update.import_document(root, path).splitlines()
    assert report[0] == (
        "Lembar realisasi-RKT24-S.xlsx (RKT24-S, RKT 2024 Sekretariat KPU Provinsi Kalimantan Timur): "
        "3 ditambah, 0 diubah, 0 tidak berubah."
    )
    assert f"Ditambah: IK24-S04 TW4 4 kegiatan ({SOURCE}, 28 Februari 2025)" in report
    assert "- IK24-S04 TW4: capaian 80 % (target tercetak 5 keg)" in report
    assert "- IK24-S04 tahunan: capaian 100 % (target tercetak 5 keg)" in report
    assert "- IK24-S22 tahunan: capaian 103,14 % (target tercetak 87.5%)" in report
    assert report[-1].startswith("Paket data sah.")
    rows = csvio.read(root / "data" / "realisasi.csv")
    assert rows == [
        {"indikator_id": "IK24-S04", "periode": "TW4", "nilai": "4", "satuan": "kegiatan", "kategori": "",
         "sumber_dokumen": SOURCE, "tanggal_sumber": "2025-02-28", "catatan": ""},
        {"indikator_id": "IK24-S04", "periode": "tahunan", "nilai": "5", "satuan": "kegiatan", "kategori": "",
         "sumber_dokumen": SOURCE, "tanggal_sumber": "2025-02-28", "catatan": "Angka karangan untuk uji."},
        {"indikator_id": "IK24-S22", "periode": "tahunan", "nilai": "90.25", "satuan": "persen",
         "kategori": "", "sumber_dokumen": SOURCE, "tanggal_sumber": "2025-02-28", "catatan": ""},
    ]  # fmt: skip
    shown = {(r.periode, r.nilai, r.capaian) for r in model.load(root).indikator["IK24-S04"].realisasi}
    assert shown == {("TW4", Decimal("4"), Decimal("80.00")), ("tahunan", Decimal("5"), Decimal("100.00"))}
    assert not list(root.glob(".paket-baru-*"))


def test_a_changed_published_value_is_applied_and_listed_as_a_change(root: Path) -> None:
    add_published(root, [PUBLISHED, {**PUBLISHED, "periode": "tahunan"}])
    path = template(root, "RKT24-K")
    fill(path, [{"kode": "IK24-K03", "periode": "TW4", "nilai": 81, "sumber": "LKjIP uji (bukan data resmi)",
                 "tanggal": date(2025, 2, 28), "catatan": PUBLISHED["catatan"]}])  # fmt: skip
    report = update.import_document(root, path).splitlines()
    assert "0 ditambah, 1 diubah, 1 tidak berubah." in report[0]
    assert report[1] == (
        "Diubah: IK24-K03 TW4 80,1 % → 81 %; dokumen sumber 'Laporan Kinerja Triwulan IV uji (bukan data "
        "resmi)' → 'LKjIP uji (bukan data resmi)'; tanggal 15 Januari 2025 → 28 Februari 2025"
    )
    assert "- IK24-K03 TW4: capaian 104,52 % (target tercetak 77,5%)" in report
    rows = csvio.read(root / "data" / "realisasi.csv")
    assert [r["nilai"] for r in rows] == ["81", "80.1"], "changed in place, the other period kept"
    assert rows[0]["tanggal_sumber"] == "2025-02-28"
    item = model.load(root).indikator["IK24-K03"]
    assert {r.periode: r.capaian for r in item.realisasi} == {
        "TW4": Decimal("104.52"),
        "tahunan": Decimal("103.35"),
    }


def test_a_published_value_left_empty_is_kept_and_reported(root: Path) -> None:
    add_published(root, [PUBLISHED])
    path = template(root, "RKT24-K")
    fill(path, [{"kode": "IK24-K01", "periode": "TW1", "nilai": 12.5}])
    workbook = load_workbook(path)
    sheet = workbook[layout.SHEET]
    for key in ("nilai", "sumber", "tanggal", "catatan"):
        cell(sheet, "IK24-K03", "TW4", key).value = None
    workbook.save(path)
    report = update.import_document(root, path)
    assert "1 ditambah, 0 diubah, 0 tidak berubah" in report
    assert "Kosong di lembar, realisasi yang sudah terbit tetap: IK24-K03 TW4." in report
    assert [r["indikator_id"] for r in csvio.read(root / "data" / "realisasi.csv")] == [
        "IK24-K03",
        "IK24-K01",
    ]


def test_category_and_bound_realisation_is_imported_with_capaian(kategori_root: Path) -> None:
    path = template(kategori_root, "RKT26-S")
    fill(path, [
        {"kode": "IK26-S01", "periode": "tahunan", "nilai": "WTP"},
        {"kode": "IK26-S02", "periode": "tahunan", "nilai": "menuju informatif"},
        {"kode": "IK26-S04", "periode": "tahunan", "nilai": 85},
        {"kode": "IK26-S05", "periode": "TW4", "nilai": 2},
    ], day=date(2027, 2, 1))  # fmt: skip
    report = update.import_sheet(kategori_root, path).splitlines()
    assert "4 ditambah, 0 diubah, 0 tidak berubah." in report[0]
    assert f"Ditambah: IK26-S01 tahunan WTP ({SOURCE}, 1 Februari 2027)" in report
    assert "- IK26-S01 tahunan: memenuhi target (target tercetak WTP)" in report
    assert "- IK26-S02 tahunan: belum memenuhi target (target tercetak Informatif)" in report
    assert "- IK26-S04 tahunan: capaian 94,44 %, belum memenuhi target (target tercetak ≥ 90%)" in report
    assert "- IK26-S05 TW4: capaian 133,33 %, memenuhi target (target tercetak maksimal 3 perkara)" in report
    rows = {r["indikator_id"]: r for r in csvio.read(kategori_root / "data" / "realisasi.csv")}
    assert (rows["IK26-S02"]["kategori"], rows["IK26-S02"]["nilai"], rows["IK26-S02"]["satuan"]) == (
        "Menuju Informatif", "", ""
    )  # fmt: skip
    assert (rows["IK26-S04"]["nilai"], rows["IK26-S04"]["satuan"]) == ("85", "persen")
    package = model.load(kategori_root)
    result = {i: (r.capaian, r.memenuhi) for i in package.indikator for r in package.indikator[i].realisasi}
    assert result == {
        "IK26-S01": (None, True),
        "IK26-S02": (None, False),
        "IK26-S04": (Decimal("94.44"), False),
        "IK26-S05": (Decimal("133.33"), True),
    }


def test_the_future_is_counted_from_the_day_of_the_import(root: Path) -> None:
    path = template(root, "RKT24-S")
    fill(path, [{"kode": "IK24-S09", "periode": "TW1", "nilai": 90}], day=date(2025, 3, 1))
    with pytest.raises(ProblemsFound) as caught:
        update.import_sheet(root, path, on=date(2025, 2, 28))
    assert [p.code for p in caught.value.problems] == ["tanggal_masa_depan"]
    assert "1 ditambah" in update.import_sheet(root, path, on=date(2025, 3, 1))


def test_a_sheet_with_input_not_imported_is_never_overwritten(root: Path) -> None:
    path = template(root, "RKT24-S")
    fill(path, [{"kode": "IK24-S09", "periode": "TW1", "nilai": 90}])
    filled = path.read_bytes()
    assert cli.main(["--root", str(root), "template", "--output", str(root / "lembar")]) == 1
    with pytest.raises(ProblemsFound) as caught:
        update.write_templates(root, root / "lembar", "RKT24-S")
    (problem,) = caught.value.problems
    assert problem.code == "lembar_sudah_ada" and "IK24-S09 TW1" in problem.what
    assert path.read_bytes() == filled and not (root / "lembar" / "realisasi-RKT24-K.xlsx").exists()
    update.write_templates(root, root / "lembar", "RKT24-S", overwrite=True)
    assert path.read_bytes() != filled


def test_template_of_an_unknown_document_is_refused(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(root), "template", "--dokumen", "RKT99-S"]) == 1
    err = capsys.readouterr().err
    assert "dokumen 'RKT99-S' tidak ada" in err and "RKT24-K, RKT24-S" in err and "Traceback" not in err
    assert not (root / paths.SHEETS).exists()


# --- broken sheets ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The packages the cases start from (copied per case), built once: the real one, the category one."""
    folder = tmp_path_factory.mktemp("pakete")
    real = copy_package(folder / "nyata")
    kategori = copy_package(folder / "kategori")
    update.import_document(kategori, PLAN)
    return {"nyata": real, "kategori": kategori}


@pytest.fixture(scope="module")
def templates(packages: dict[str, Path]) -> dict[str, bytes]:
    """The untouched sheets the cases start from, by document (written once)."""
    written = {}
    for name, dokumen in (("nyata", "RKT24-S"), ("kategori", "RKT26-S")):
        (path,) = update.write_templates(packages[name], packages[name] / "lembar", dokumen)
        written[dokumen] = path.read_bytes()
    return written


def make_case(
    case: dict[str, Any], folder: Path, packages: dict[str, Path], templates: dict[str, bytes]
) -> Path:
    """The broken sheet of a case, in folder."""
    dokumen = case.get("dokumen", "RKT24-S")
    make = case.get("make", {})
    path = folder / layout.file_name(dokumen)
    if make.get("missing"):
        return path
    if "text" in make:
        path.write_text(make["text"], encoding="utf-8")
    elif "bytes_hex" in make:
        path.write_bytes(bytes.fromhex(make["bytes_hex"]))
    elif make.get("workbook_lain"):
        workbook = Workbook()
        workbook.active["A1"] = "indikator_id"
        workbook.save(path)
    elif "potong" in make:
        path.write_bytes(templates[dokumen][: make["potong"]])
    else:
        path.write_bytes(templates[dokumen])
        day = date(2027, 2, 1) if case.get("paket") == "kategori" else None
        fill(path, case.get("isi", []), case.get("sel", []), day)
    return path


def expected(case: dict[str, Any], path: Path) -> list[tuple[str, str, int | None, str | None]]:
    """(code, file, row, column) of each problem the case expects, rows of `kode` looked up in the sheet."""
    rows: dict[str, int] = {}
    if not case.get("make"):
        sheet = load_workbook(path)[layout.SHEET]
        rows = {sheet.cell(row=r, column=1).value: r for r in range(layout.FIRST_ROW, sheet.max_row + 1)}
    where = {True: f"{path.name}, lembar {layout.SHEET}", False: path.name}
    return [
        (e["code"], where["kolom" in e], rows[e["kode"]] if "kode" in e else e.get("row"), e.get("kolom"))
        for e in case["expect"]
    ]


#: One printed problem: file (and sheet), row, column, what, how to fix, [code] (kinerja.errors.Problem).
LINE = re.compile(
    r"^(?P<file>.+?)(?:, baris (?P<row>\d+))?(?:, kolom '(?P<field>[^']*)')?: (?P<what>.+) "
    r"Cara memperbaiki: (?P<fix>.+) \[(?P<code>[a-z_0-9]+)\]$"
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_broken_sheet_names_every_bad_cell_and_changes_nothing(
    case: dict[str, Any],
    tmp_path: Path,
    packages: dict[str, Path],
    templates: dict[str, bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = copy_package(tmp_path / "paket", packages[case.get("paket", "nyata")])
    path = make_case(case, tmp_path, packages, templates)
    before = package_digest(root)
    code = cli.main(["--root", str(root), "import", str(path)])  # as `make import SRC=…` runs it
    out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 1 and not out and "Traceback" not in err
    found = [LINE.match(line) for line in lines]
    problems = [m for m in found if m is not None]
    assert len(problems) == len(case["expect"]), lines
    got = [(m["code"], m["file"], int(m["row"]) if m["row"] else None, m["field"]) for m in problems]
    assert got == expected(case, path), lines
    assert lines[len(problems) :] == (
        [f"GAGAL: {len(problems)} masalah di berkas impor. Tidak ada yang diubah di data/."]
        if len(problems) > 1
        else []
    )
    assert package_digest(root) == before, "data/ dan datapackage.json tidak boleh berubah"
    assert not list(root.glob(".paket-baru-*")), "salinan sementara harus dihapus"


def test_corpus_covers_what_the_issue_names() -> None:
    codes = {e["code"] for case in CASES for e in case["expect"]}
    wanted = {"bukan_angka", "kode_tidak_dikenal", "kode_dokumen_lain", "satuan_beda", "satuan_dalam_sel"}
    wanted |= {"tanggal_masa_depan", "kategori_di_luar_skala", "sel_terkunci_diubah", "berkas_kosong"}
    wanted |= {
        "bukan_xlsx",
        "xlsx_rusak",
        "sumber_kosong",
        "tanggal_kosong",
        "angka_negatif",
        "format_persen",
        "angka_meragukan",
        "tanggal_tidak_sah",
    }
    assert wanted <= codes and len(CASES) >= 20


def test_no_traceback_from_the_command_line(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "realisasi-RKT24-S.xlsx"
    fake.write_text("bukan lembar", encoding="utf-8")
    assert cli.main(["--root", str(root), "import", str(fake)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("realisasi-RKT24-S.xlsx: berkas ini bukan buku kerja Excel (.xlsx)")


def test_the_site_offers_the_sheets_on_the_maintainers_page(built_site: Path) -> None:
    page = (built_site / "pemeliharaan" / "index.html").read_text(encoding="utf-8")
    for code in ("RKT24-K", "RKT24-S"):
        assert f'href="../berkas/lembar/realisasi-{code}.xlsx"' in page
        book = openpyxl.load_workbook(built_site / "berkas" / "lembar" / f"realisasi-{code}.xlsx")
        assert book["Realisasi"]["B3"].value == code
