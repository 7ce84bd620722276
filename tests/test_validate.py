"""The validator: the real package passes, and each check fails on a copy broken for it.

Every broken copy must give exactly the expected problems, located by code,
file, row (as a spreadsheet shows it: header = row 1) and column, with a
message in plain Indonesian that says how to fix it.

A copy broken in its content is the frozen package with the changed files held in memory
(`mutated_copy` and `broken_copy` here give a DataPackage, `memory` the files to change; nothing
is copied); only the tests about copies on disk use a temporary folder (`package_copy`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import frictionless
import pytest

from conftest import (
    FIXTURE,
    Files,
    broken_package,
    copy_package,
    expected_problems,
    mutated_package,
)
from kinerja.datapackage import DESCRIPTOR, DataPackage
from kinerja.errors import Problem
from kinerja.validate import COLUMNS, EXPECTED_FIELDS, load_verdicts, save_verdicts, schema, validate

Located = tuple[str, str, int | str | dict | None, str | None]
Mutate = Callable[[str, list[dict[str, Any]]], DataPackage]

IND = "data/indikator.csv"
SAS = "data/sasaran.csv"
PRG = "data/program.csv"
KOD = "data/program_kode.csv"
DOK = "data/dokumen.csv"
ANO = "data/anomali.csv"
SRC = "data/sumber/rkt-2024-kpu-kaltim.txt"


SAME_AS_S08 = "Persentase pegawai yang mendapatkan layanan kepegawaian secara tepat dan akurat"


def cell(row: str | int, column: str, value: str) -> dict[str, Any]:
    """A step setting one cell (row = id in the first column, or spreadsheet row number)."""
    return {"set_cell": {"row": row, "column": column, "value": value}}


#: One broken copy per domain check: (file changed, steps, expected problems).
DOMAIN_CASES = [
    pytest.param(IND, [cell("IK24-S28", "target_dicetak", "sembilan puluh persen")],
                 [("target_tidak_terbaca", IND, "IK24-S28", "target_dicetak")], id="target-tidak-terbaca"),
    pytest.param(IND, [cell("IK24-S28", "target_dicetak", "90 apel")],
                 [("target_tidak_terbaca", IND, "IK24-S28", "target_dicetak")], id="target-satuan-asing"),
    pytest.param(IND, [cell("IK24-K03", "target_nilai", "75.7")],
                 [("nilai_tidak_cocok", IND, "IK24-K03", "target_nilai")], id="nilai-tidak-cocok"),
    pytest.param(IND, [cell("IK24-S44", "target_sekunder_nilai", "5")],
                 [("nilai_tidak_cocok", IND, "IK24-S44", "target_sekunder_nilai")], id="nilai-2-salah"),
    pytest.param(IND, [cell("IK24-S05", "target_sekunder_nilai", "1")],
                 [("nilai_tidak_cocok", IND, "IK24-S05", "target_sekunder_nilai")], id="nilai-2-lebih"),
    pytest.param(IND, [cell("IK24-S04", "target_satuan", "kali")],
                 [("satuan_tidak_cocok", IND, "IK24-S04", "target_satuan")], id="satuan-tidak-cocok"),
    pytest.param(IND, [cell("IK24-S44", "target_sekunder_satuan", "kegiatan")],
                 [("satuan_tidak_cocok", IND, "IK24-S44", "target_sekunder_satuan")], id="satuan-2-salah"),
    pytest.param(SAS, [{"insert_row": {"row": "SS24-K05", "values": {
                     "id": "SS24-K06", "dokumen_id": "RKT24-K", "urutan": "6", "teks": "Sasaran baru"}}}],
                 [("sasaran_tanpa_indikator", SAS, 7, "id")], id="sasaran-tanpa-indikator"),
    pytest.param(IND, [cell("IK24-S05", "urutan", "57")],
                 [("urutan_tidak_berurutan", IND, "IK24-S05", "urutan")], id="urutan-melompat"),
    pytest.param(SAS, [cell("SS24-S05", "urutan", "4")],
                 [("urutan_tidak_berurutan", SAS, "SS24-S05", "urutan")], id="urutan-ganda"),
    pytest.param(PRG, [cell("PG24-S11", "urutan", "13")],
                 [("urutan_tidak_berurutan", PRG, "PG24-S11", "urutan")], id="urutan-program-hilang"),
    pytest.param(ANO, [cell("AN24-02", "id", "AN24-2")],
                 [("format_salah", ANO, "AN24-02", "id")], id="pola-kode"),
    pytest.param(IND, [cell("IK24-S05", "id", "IK24-S5")],
                 [("format_salah", IND, "IK24-S05", "id")], id="pola-kode-yang-dirujuk"),
    pytest.param(IND, [{"rename_id": {"old": "IK24-S05", "new": "IK24-K55"}}],
                 [("kode_tidak_sesuai_dokumen", IND, "IK24-S05", "id")], id="kode-beda-dokumen"),
    pytest.param(SAS, [{"rename_id": {"old": "SS24-S05", "new": "SS25-S05"}}],
                 [("kode_tidak_sesuai_dokumen", SAS, "SS24-S05", "id")], id="kode-sasaran-beda-tahun"),
    pytest.param(ANO, [cell("AN24-02", "id", "AN23-02")],
                 [("kode_tidak_sesuai_dokumen", ANO, "AN24-02", "id")], id="kode-anomali-beda-tahun"),
    pytest.param(DOK, [cell("RKT24-K", "jenis", "sekretariat")],
                 [("kode_tidak_sesuai_dokumen", DOK, "RKT24-K", "id")], id="kode-dokumen-beda-jenis"),
    pytest.param(DOK, [cell("RKT24-K", "tanggal", "2024-03-02")],
                 [("tanggal_tidak_cocok", DOK, "RKT24-K", "tanggal")], id="tanggal-tidak-cocok"),
    pytest.param(IND, [cell("IK24-S09", "teks", SAME_AS_S08)],
                 [("indikator_berulang", IND, "IK24-S09", "teks")], id="indikator-berulang"),
    pytest.param(ANO, [cell("AN24-02", "rujukan_id", "IK24-S99")],
                 [("anomali_tanpa_rujukan", ANO, "AN24-02", "rujukan_id")], id="anomali-tanpa-rujukan"),
    pytest.param(ANO, [cell("AN24-02", "kolom", "judul")],
                 [("anomali_kolom_salah", ANO, "AN24-02", "kolom")], id="anomali-kolom-salah"),
    pytest.param(ANO, [cell("AN24-02", "teks_dicetak", "logistik")],
                 [("anomali_teks_tidak_ada", ANO, "AN24-02", "teks_dicetak")], id="anomali-teks-tidak-ada"),
    pytest.param(ANO, [cell("AN24-02", "dokumen_id", "RKT24-K")],
                 [("beda_dokumen", ANO, "AN24-02", "dokumen_id")], id="anomali-beda-dokumen"),
    pytest.param(SAS, [cell("SS24-S20", "sama_dengan", "SS24-S21")],
                 [("sama_dengan_salah", SAS, "SS24-S20", "sama_dengan")], id="sama-dengan-lebih-akhir"),
    pytest.param(SAS, [cell("SS24-S20", "sama_dengan", "SS24-S01")],
                 [("sama_dengan_salah", SAS, "SS24-S20", "sama_dengan")], id="sama-dengan-teks-lain"),
    pytest.param(SAS, [cell("SS24-S20", "sama_dengan", "SS24-K02")],
                 [("sama_dengan_salah", SAS, "SS24-S20", "sama_dengan")], id="sama-dengan-dokumen-lain"),
    pytest.param(IND, [cell("IK24-S09", "sasaran_id", "SS24-K01")],
                 [("beda_dokumen", IND, "IK24-S09", "sasaran_id")], id="sasaran-dokumen-lain"),
    pytest.param(IND, [cell("IK24-K01", "program_id", "PG24-S01")],
                 [("beda_dokumen", IND, "IK24-K01", "program_id")], id="program-dokumen-lain"),
    pytest.param(KOD, [cell("PG24-S02", "kode_ro", "005")],
                 [("kode_tidak_cocok", KOD, "PG24-S02", "kode")], id="bagian-kode-tidak-cocok"),
    pytest.param(KOD, [cell("PG24-S03", "nama_kegiatan", "Perencanaan Pemilu")],
                 [("kode_tidak_tercetak", KOD, "PG24-S03", "nama_kegiatan")], id="nama-kegiatan-lain"),
    pytest.param(KOD, [{"delete_row": {"row": 9}}],
                 [("kode_tidak_tercetak", PRG, "PG24-S07", "teks_dicetak")], id="kode-anggaran-hilang"),
    pytest.param(PRG, [cell("PG24-S03", "nama", "Perencanaan Pemilu")],
                 [("nama_tidak_cocok", PRG, "PG24-S03", "nama")], id="nama-program-tidak-cocok"),
    pytest.param(IND, [cell("IK24-S05", "program_id", "PG24-S04")],
                 [("program_tidak_cocok", IND, "IK24-S05", "program_id")], id="program-tidak-cocok"),
    pytest.param(IND, [cell("IK24-K01", "program_dicetak", "Masa Kampanye Pemilu (6870)")],
                 [("program_tidak_cocok", IND, "IK24-K01", "program_id")], id="program-tanpa-kode"),
    pytest.param(SRC, [{"replace": {"old": "Fahmi Idris", "new": "Fahmi Idrus"}}],
                 [("sumber_berubah", SRC, None, None)], id="sumber-berubah"),
]  # fmt: skip


@pytest.fixture
def mutated_copy() -> Mutate:
    """`mutated_copy(file, steps)`: the frozen package with `steps` applied in memory."""
    return mutated_package


@pytest.fixture
def broken_copy() -> Callable[[str], DataPackage]:
    """`broken_copy(case)`: the frozen package with a corpus case applied in memory."""
    return broken_package


def resolve(
    expected: list[Located], root: Path | DataPackage
) -> list[tuple[str, str, int | None, str | None]]:
    """Expected problems with rows given as ids or `{line_of: ...}` turned into numbers."""
    items = [{"code": c, "file": f, "row": r, "field": x} for c, f, r, x in expected]
    return expected_problems({"expect": items}, root)


def located(problems: list[Problem]) -> list[tuple[str, str, int | None, str | None]]:
    """The (code, file, row, field) of each problem, in order."""
    return [(p.code, p.file, p.row, p.field) for p in problems]


def assert_messages(problems: list[Problem]) -> None:
    """Each message says what is wrong and how to fix it, in Indonesian."""
    for problem in problems:
        text = str(problem)
        assert problem.what.strip() and problem.fix.strip(), text
        assert "Cara memperbaiki:" in text and text.endswith(f"[{problem.code}]"), text
        assert _INDONESIAN.search(problem.what) and _INDONESIAN.search(problem.fix), text
        assert not re.search(r"\b(the|is not|invalid|expected|found|Traceback)\b", text), text


_INDONESIAN = re.compile(
    r"\b(tidak|ada|bukan|harus|isi|hapus|ganti|gunakan|periksa|kembalikan|pilih|samakan|catat|salin|"
    r"tambahkan|tulis|simpan|beri|nomori|lengkapi|perbaiki|kosongkan|ikuti|pecah|bandingkan|berkas|baris|"
    r"kolom|sel|nilai|kode|teks|dengan|yang|dari)\b"
)


def write_json(files: Files, descriptor: dict) -> None:
    """Write datapackage.json the way the project keeps it (in memory)."""
    files.write_text(DESCRIPTOR, json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n")


def read_json(files: Files | Path) -> dict:
    """The descriptor of the package (in memory, or in a folder)."""
    files = files if isinstance(files, Files) else Files(files)
    return json.loads(files.read_text(DESCRIPTOR))


@pytest.fixture
def memory() -> Files:
    """The frozen package, its files changed in memory only (`memory.package()` is what is validated)."""
    return Files(FIXTURE, memory=True)


def resource(descriptor: dict, name: str) -> dict:
    """One resource of a descriptor, by name."""
    return next(r for r in descriptor["resources"] if r["name"] == name)


# --- the frozen package (tests/fixtures/paket/) ---------------------------------------------------


def test_frozen_package_has_no_problem() -> None:
    assert validate(FIXTURE) == []


def test_copy_of_the_package_has_no_problem(package_copy: Path) -> None:
    assert sorted(p.name for p in (package_copy / "data").iterdir()) == sorted(
        p.name for p in (FIXTURE / "data").iterdir()
    )
    assert validate(package_copy) == []


def test_expected_fields_are_the_model_fields() -> None:
    """The columns the validator insists on are those the site builder reads, as the schema declares."""
    assert EXPECTED_FIELDS["indikator"][:3] == ("id", "dokumen_id", "urutan")
    assert {"target_dicetak", "target_nilai", "target_satuan", "sasaran_id"} <= set(
        EXPECTED_FIELDS["indikator"]
    )
    assert EXPECTED_FIELDS["program_kode"][:3] == ("program_id", "urutan", "kode")
    assert "anomali" not in EXPECTED_FIELDS["indikator"], "links between rows are not columns"
    descriptor = read_json(FIXTURE)
    for name, fields in EXPECTED_FIELDS.items():
        declared = [f["name"] for f in resource(descriptor, name)["schema"]["fields"]]
        assert set(fields) <= set(declared) <= set(COLUMNS[name][1]), name


# --- each domain check --------------------------------------------------------------------------


@pytest.mark.parametrize(("rel", "steps", "expected"), DOMAIN_CASES)
def test_domain_check_fails_on_its_broken_copy(
    rel: str, steps: list[dict[str, Any]], expected: list[Located], mutated_copy: Mutate
) -> None:
    root = mutated_copy(rel, steps)
    problems = validate(root)
    assert located(problems) == resolve(expected, root), "\n".join(map(str, problems))
    assert_messages(problems)


def test_every_domain_check_of_the_brief_is_covered() -> None:
    codes = {expected[0][0] for _, _, expected in (case.values for case in DOMAIN_CASES)}
    brief = {
        "target_tidak_terbaca", "nilai_tidak_cocok", "satuan_tidak_cocok", "sasaran_tanpa_indikator",
        "urutan_tidak_berurutan", "format_salah", "indikator_berulang", "anomali_tanpa_rujukan",
        "anomali_kolom_salah", "anomali_teks_tidak_ada", "sama_dengan_salah", "beda_dokumen",
        "kode_tidak_cocok", "sumber_berubah",
    }  # fmt: skip
    assert brief <= codes


# --- layer 1: the descriptor and the files -------------------------------------------------------


def test_missing_descriptor(tmp_path: Path) -> None:
    problems = validate(tmp_path)
    assert located(problems) == [("paket_tidak_ada", "datapackage.json", None, None)]
    assert_messages(problems)


def test_descriptor_with_bom(memory: Files) -> None:
    memory.write_bytes(DESCRIPTOR, b"\xef\xbb\xbf" + memory.read_bytes(DESCRIPTOR))
    assert located(validate(memory.package())) == [("ada_bom", "datapackage.json", 1, None)]


def test_descriptor_not_utf8(memory: Files) -> None:
    data = memory.read_bytes(DESCRIPTOR).replace(b'"title": "Dokumen"', b'"title": "Dok\xe9men"')
    memory.write_bytes(DESCRIPTOR, data)
    line = data[: data.index(b"Dok\xe9men")].count(b"\n") + 1
    assert located(validate(memory.package())) == [("paket_bukan_utf8", "datapackage.json", line, None)]


@pytest.mark.parametrize("resources", [None, {}, "data/indikator.csv"])
def test_descriptor_without_resources(memory: Files, resources: object) -> None:
    descriptor = read_json(memory)
    descriptor["resources"] = resources
    write_json(memory, descriptor)
    assert [p.code for p in validate(memory.package())] == ["paket_tanpa_resource"]


def test_json_error_is_told_in_indonesian_with_its_line(memory: Files) -> None:
    text = memory.read_text(DESCRIPTOR)
    memory.write_text(DESCRIPTOR, text.replace('"version": "1.0.0",', '"version": "1.0.0",,'))
    (problem,) = validate(memory.package())
    assert (problem.code, problem.row) == (
        "paket_json_rusak",
        text[: text.index('"version"')].count("\n") + 1,
    )
    assert "Expecting" not in str(problem)
    assert_messages([problem])


def test_resource_without_a_name(memory: Files) -> None:
    descriptor = read_json(memory)
    resource(descriptor, "anomali").pop("name")
    write_json(memory, descriptor)
    codes = [p.code for p in validate(memory.package())]
    assert codes == ["resource_tanpa_nama", "resource_hilang"]


def test_missing_resource(memory: Files) -> None:
    descriptor = read_json(memory)
    descriptor["resources"].remove(resource(descriptor, "anomali"))
    write_json(memory, descriptor)
    assert located(validate(memory.package())) == [("resource_hilang", "datapackage.json", None, "resources")]


def test_schema_field_removed_from_schema_and_file(memory: Files) -> None:
    """Dropping a column everywhere would pass frictionless and break the site builder: refused."""
    descriptor = read_json(memory)
    fields = resource(descriptor, "sasaran")["schema"]["fields"]
    fields.remove(next(f for f in fields if f["name"] == "sama_dengan"))
    write_json(memory, descriptor)
    text = memory.read_text(DESCRIPTOR)
    line = text[: text.index('"name": "sasaran"')].count("\n") + 1
    assert located(validate(memory.package())) == [
        ("skema_kolom_hilang", "datapackage.json", line, "sama_dengan")
    ]


def test_schema_field_added_that_the_builder_does_not_know(memory: Files) -> None:
    descriptor = read_json(memory)
    resource(descriptor, "sasaran")["schema"]["fields"].append({"name": "catatan", "type": "string"})
    write_json(memory, descriptor)
    assert [(p.code, p.field) for p in validate(memory.package())] == [("skema_kolom_asing", "catatan")]


def test_an_extra_resource_is_allowed(memory: Files) -> None:
    descriptor = read_json(memory)
    descriptor["resources"].append(
        {"name": "catatan", "path": "data/catatan.csv", "profile": "tabular-data-resource",
         "schema": {"fields": [{"name": "kode", "type": "string"}, {"name": "isi", "type": "string"}]}}
    )  # fmt: skip
    write_json(memory, descriptor)
    memory.write_text("data/catatan.csv", "kode,isi\nA1,Catatan pertama\n")
    assert validate(memory.package()) == []
    memory.write_text("data/catatan.csv", "kode,isi\nA1 ,Catatan pertama\n")
    assert located(validate(memory.package())) == [("spasi_berlebih", "data/catatan.csv", 2, "kode")]


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("", "path_kosong"),
        (["data/a.csv", "data/b.csv"], "path_kosong"),
        ("data/sumber/rkt-2024-kpu-kaltim.txt", "path_bukan_csv"),
        ("https://contoh.go.id/program.csv", "path_di_luar_data"),
        ("C:\\data\\program.csv", "path_di_luar_data"),
        ("datapackage.json", "path_di_luar_data"),
    ],
)
def test_resource_paths_are_refused(memory: Files, path: object, code: str) -> None:
    descriptor = read_json(memory)
    resource(descriptor, "program")["path"] = path
    write_json(memory, descriptor)
    problems = validate(memory.package())
    assert [(p.code, p.file, p.field) for p in problems] == [(code, "datapackage.json", "path")]
    assert_messages(problems)


def test_missing_data_file(memory: Files) -> None:
    memory.remove(PRG)
    assert located(validate(memory.package())) == [("berkas_tidak_ada", PRG, None, None)]


def test_missing_source_file(memory: Files) -> None:
    memory.remove(SRC)
    text = memory.read_text(DESCRIPTOR)
    line = text[: text.index(f'"path": "{SRC}"')].count("\n") + 1
    assert located(validate(memory.package())) == [("sumber_tidak_ada", "datapackage.json", line, "path")]


def test_duplicate_header(mutated_copy: Mutate) -> None:
    root = mutated_copy(SAS, [{"replace": {"old": "id,dokumen_id,urutan,teks,sama_dengan",
                                           "new": "id,dokumen_id,urutan,teks,teks"}}])  # fmt: skip
    assert located(validate(root)) == [
        ("kolom_hilang", SAS, 1, "sama_dengan"),
        ("kolom_ganda", SAS, 1, "teks"),
    ]


def test_columns_in_another_order(mutated_copy: Mutate) -> None:
    root = mutated_copy(PRG, [{"delete_column": {"column": "nama"}},
                              {"add_column": {"column": "nama", "value": "x"}}])  # fmt: skip
    # Same columns, same order: no problem from the header; the name no longer matches the text.
    assert {p.code for p in validate(root)} == {"nama_tidak_cocok"}
    root = mutated_copy(SAS, [{"replace": {"old": "id,dokumen_id,urutan,teks,sama_dengan",
                                           "new": "dokumen_id,id,urutan,teks,sama_dengan"}}])  # fmt: skip
    assert located(validate(root)) == [("urutan_kolom", SAS, 1, None)]


def test_value_below_minimum(mutated_copy: Mutate) -> None:
    root = mutated_copy(IND, [cell("IK24-S05", "halaman_tabel", "0")])
    problems = validate(root)
    assert located(problems) == resolve([("batas_nilai", IND, "IK24-S05", "halaman_tabel")], root)
    assert "lebih kecil dari batas bawah 1" in problems[0].what


def test_invisible_characters_in_text(mutated_copy: Mutate) -> None:
    root = mutated_copy(SAS, [cell("SS24-S03", "teks", "Terwujudnya data\u200bpemilih secara berkelanjutan")])
    (problem,) = validate(root)
    assert (problem.code, problem.field) == ("spasi_berlebih", "teks")
    assert "U+200B" in problem.what and "⟨U+200B⟩" in problem.what


def test_tab_and_line_break_inside_a_cell(mutated_copy: Mutate) -> None:
    root = mutated_copy(SAS, [cell("SS24-S03", "teks", "Terwujudnya data pemilih\nsecara\tberkelanjutan")])
    (problem,) = validate(root)
    assert (problem.code, problem.field) == ("spasi_berlebih", "teks")
    assert "baris baru" in problem.what and "tab" in problem.what


def test_long_text_with_a_stray_space_is_shown_around_it(mutated_copy: Mutate) -> None:
    long = " ".join(["kata"] * 200) + " " + "akhir "
    root = mutated_copy(ANO, [cell("AN24-13", "uraian", long)])
    (problem,) = validate(root)
    assert problem.code == "spasi_berlebih" and "spasi di akhir" in problem.what
    assert "akhir" in problem.what and len(problem.what) < 200


def test_problem_text_names_file_row_and_column() -> None:
    problem = Problem("kode", "data/x.csv", "ada yang salah.", "perbaiki.", 3, "teks")
    assert (
        str(problem)
        == "data/x.csv, baris 3, kolom 'teks': ada yang salah. Cara memperbaiki: perbaiki. [kode]"
    )
    assert str(Problem("kode", "data/x.csv", "salah.", "perbaiki.")) == (
        "data/x.csv: salah. Cara memperbaiki: perbaiki. [kode]"
    )


def test_messages_of_the_corpus_read_as_indonesian(broken_copy: Callable[[str], DataPackage]) -> None:
    for name in ("windows_1252", "json_rusak", "rujukan_sasaran", "kode_ganda", "skema_tipe_tidak_dikenal"):
        problems = validate(broken_copy(name))
        assert problems, f"{name}: the broken copy must give at least one problem"
        assert_messages(problems)


def test_a_fresh_copy_is_independent_of_the_repository(package_copy: Path) -> None:
    original = (FIXTURE / "data" / "sasaran.csv").read_bytes()
    (package_copy / "data" / "sasaran.csv").write_text("rusak", encoding="utf-8")
    assert validate(package_copy), "the damaged copy must be invalid"
    assert (FIXTURE / "data" / "sasaran.csv").read_bytes() == original
    second = copy_package(package_copy.parent / "lagi")
    assert (second / "data" / "sasaran.csv").read_bytes() == original
    assert validate(second) == [] and validate(FIXTURE) == []


def test_format_message_gives_an_example_of_the_right_kind(mutated_copy: Mutate) -> None:
    root = mutated_copy(ANO, [cell("AN24-02", "id", "AN24-2")])
    (problem,) = validate(root)
    assert "misalnya AN24-01" in problem.fix and "IK24" not in problem.fix


def _new_process() -> Any:
    """Validation as in a new process: nothing of frictionless' verdicts remembered in memory."""
    return mock.patch.multiple(schema, _RESULTS={}, _ERRORS={}, _DESCRIPTORS={})


def test_frictionless_verdicts_kept_by_a_build_spare_the_next_one_checking_unchanged_files(
    tmp_path: Path,
) -> None:
    """A build keeps frictionless' verdicts in its cache (save_verdicts); the next build's process takes
    them (load_verdicts) and has frictionless check only the files whose bytes changed. A damaged file
    gives nothing, so everything is checked again."""
    path = tmp_path / "verdicts.pickle"
    real = frictionless.Resource.validate
    glossary = (FIXTURE / "data" / "glosarium.csv").read_bytes()
    changed = DataPackage(
        FIXTURE,
        {"data/glosarium.csv": glossary.replace(b"Dokumen menyebut", b"Tercatat: Dokumen menyebut", 1)},
    )
    assert changed.read("data/glosarium.csv") != glossary
    with _new_process():
        assert validate(DataPackage(FIXTURE)) == []
        save_verdicts(DataPackage(FIXTURE), path)
    with (
        _new_process(),
        mock.patch.object(frictionless.Resource, "validate", autospec=True, side_effect=real) as checked,
    ):
        load_verdicts(path)
        assert validate(DataPackage(FIXTURE)) == []
        assert checked.call_count == 0, "an unchanged package was checked by frictionless again"
        assert validate(changed) == []
        names = [call.args[0].name for call in checked.call_args_list]
        assert "glosarium" in names and "indikator" not in names, names
    path.write_bytes(b"\x80 rusak")
    with _new_process():
        load_verdicts(path)
        assert schema._ERRORS == {} and schema._DESCRIPTORS == {}
