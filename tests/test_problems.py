"""The problem catalogue (scripts/kinerja/problems/): every code in it, used, tested and listed in docs.

Call sites name a kind of the catalogue (`KOLOM_HILANG.at(...)`, `Fault.of(BUKAN_ANGKA, ...)`), never
a bare code string, so that a code is spelled in one place and docs/kode-masalah.md lists them all.
The second half exercises the codes no other test produced.
"""

from __future__ import annotations

import ast
import json
import re
import string
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURE, ROOT, copy_package
from kinerja import problems, update
from kinerja.errors import Problem, ProblemsFound
from kinerja.ingest import cells, reading
from kinerja.problems import Kind
from kinerja.upload import branch
from kinerja.validate import realisation, validate

PACKAGE = ROOT / "scripts" / "kinerja"
CATALOGUE = problems.catalogue()
CODES = {kind.code for kind in CATALOGUE.values()}
#: Calls whose first argument (after the file, for the two helpers) was once a bare problem code.
BUILDERS = {"Problem": 0, "Fault": 0, "_problem": 1, "_fail": 1, "refuse": 0}


def program_files() -> list[Path]:
    """The modules that report problems: the package outside the catalogue itself."""
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "problems" not in p.relative_to(PACKAGE).parts]


def name_of(node: ast.AST) -> str | None:
    """The called name of a call (`Problem`, `_fail`, `at`), if it has one."""
    func = node.func if isinstance(node, ast.Call) else node
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


# --- the catalogue itself ------------------------------------------------------------------------


def test_catalogue_holds_every_code_once_per_wording() -> None:
    assert len(CODES) > 100, "the catalogue is not where this test looks"
    for name, kind in CATALOGUE.items():
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", name), name
        assert re.fullmatch(r"[a-z][a-z0-9_]*", kind.code), name
        assert kind.title and kind.title[0].isupper() and not kind.title.endswith("."), name
        assert kind.what and kind.fix, name
    wordings = [(k.code, k.what, k.fix) for k in CATALOGUE.values()]
    assert len(wordings) == len(set(wordings)), "two kinds with the same code and wording: keep one"


def test_kinds_sharing_a_code_share_its_title() -> None:
    titles: dict[str, set[str]] = {}
    for kind in CATALOGUE.values():
        titles.setdefault(kind.code, set()).add(kind.title)
    assert {code: t for code, t in titles.items() if len(t) > 1} == {}


def test_templates_name_their_gaps() -> None:
    """Every gap has a name (no `{}` or `{0}`), so that a call site says what it fills in."""
    for name, kind in CATALOGUE.items():
        for template in (kind.what, kind.fix):
            gaps = [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]
            assert all(re.fullmatch(r"[a-z_]+", gap) for gap in gaps), (name, gaps)


def test_a_kind_makes_the_problem_and_its_message() -> None:
    kind = Kind("kode_uji", "Uji", "nilai '{value}' salah di {column}.", "ganti dengan {value:>3}.")
    problem = kind.at("data/x.csv", 3, "teks", value=7, column="teks")
    assert problem == Problem(
        "kode_uji", "data/x.csv", "nilai '7' salah di teks.", "ganti dengan   7.", 3, "teks"
    )
    assert str(problem) == (
        "data/x.csv, baris 3, kolom 'teks': nilai '7' salah di teks. Cara memperbaiki: ganti dengan   7. "
        "[kode_uji]"
    )
    # `row` and `field` are the location; a gap may still be called so.
    located = Kind("k", "K", "{row} {field} {file}", "x").at("f", 2, "c", row="r", field="g", file="h")
    assert (located.row, located.field, located.what) == (2, "c", "r g h")


# --- call sites name the catalogue ---------------------------------------------------------------


def test_no_bare_problem_code_at_a_call_site() -> None:
    """A problem is made from a catalogue kind; a Problem is built directly only to copy another one."""
    found = []
    for path in program_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and name_of(node) == "Kind":
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} (a kind outside the catalogue)")
            if not isinstance(node, ast.Call) or name_of(node) not in BUILDERS:
                continue
            args = node.args[BUILDERS[name_of(node)] :]
            code = args[0] if args else next((k.value for k in node.keywords if k.arg == "code"), None)
            copied = isinstance(code, ast.Attribute) and code.attr == "code"
            if isinstance(code, ast.Constant) or (name_of(node) == "Problem" and not copied):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == [], "kode masalah tanpa katalog (pakai kinerja.problems):\n" + "\n".join(found)


def test_no_code_string_outside_the_catalogue() -> None:
    """No module spells a problem code, not even to compare one (`problem.code == KIND.code`)."""
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.value}"
        for path in program_files()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in CODES and node.value not in _ALSO_WORDS
    ]
    assert found == [], "\n".join(found)


#: Codes that are also ordinary Indonesian words elsewhere in the program (the search stemmer knows "rumus").
_ALSO_WORDS = {"rumus"}


def test_every_kind_is_used_somewhere() -> None:
    used: set[str] = set()
    for path in program_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name) and node.id in CATALOGUE:
                used.add(node.id)
            elif isinstance(node, ast.alias) and node.name in CATALOGUE:
                used.add(node.name)
    assert set(CATALOGUE) - used == set(), "jenis masalah di katalog yang tidak dipakai"


def test_the_catalogue_imports_nothing_above_errors() -> None:
    for path in sorted((PACKAGE / "problems").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 2:
                assert node.module == "errors", f"{path.name} imports kinerja.{node.module}"
            elif isinstance(node, ast.ImportFrom | ast.Import) and not node.level:
                modules = [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                assert not any(str(m).startswith("kinerja") for m in modules), path.name


# --- the page for maintainers ----------------------------------------------------------------------


def test_docs_list_every_code_as_the_catalogue_says() -> None:
    page = ROOT / problems.PAGE
    fix = "PYTHONPATH=scripts python -c 'from kinerja import problems; problems.write_page()'"
    assert page.read_text(encoding="utf-8") == problems.page(), f"docs/kode-masalah.md usang: jalankan {fix}"
    assert {c for c in CODES if f"| `{c}` |" not in problems.page()} == set()
    guide = (ROOT / "docs" / "panduan-pemeliharaan.md").read_text(encoding="utf-8")
    assert "kode-masalah.md" in guide, "the maintainers' guide links the list of codes"


# --- every code is produced by some test ---------------------------------------------------------------

#: Any other frictionless error, reachable only if layer 1 of validation missed it (kept as a safety net).
FALLBACK = {"tidak_sah"}
#: Codes no test produces yet; each needs a test, then leaves this set.
NOT_YET_TESTED: set[str] = set()


def _codes_in(value: Any) -> set[str]:
    """The `code:` and `codes:` values anywhere in a YAML case file."""
    if isinstance(value, dict):
        found = {value["code"]} if isinstance(value.get("code"), str) else set()
        found |= set(value.get("codes") or []) if isinstance(value.get("codes"), list) else set()
        return found.union(*(_codes_in(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_codes_in(v) for v in value))
    return set()


def test_every_problem_code_is_tested() -> None:
    """Each code is asserted by a test file or expected by a case of a fixture corpus (or is a fallback)."""
    others = "".join(
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "tests").glob("test_*.py"))
        if p.name != Path(__file__).name
    )
    tested = {code for code in CODES if f'"{code}"' in others or f"'{code}'" in others}
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.yaml")):
        tested |= _codes_in(yaml.safe_load(path.read_text(encoding="utf-8")))
    tested |= {
        code
        for code in CODES
        if f'"{code}"'
        in Path(__file__).read_text(encoding="utf-8").split("# --- codes no other test produced", 1)[1]
    }
    assert CODES - tested - FALLBACK == NOT_YET_TESTED


# --- codes no other test produced -------------------------------------------------------------------

#: Three targets as the realisation checks see them: a number, a category of a scale, and a bound.
ANGKA = {"id": "IK24-S01", "target_jenis": "angka", "target_dicetak": "90%", "target_satuan": "persen"}
KATEGORI = {
    "id": "IK24-S02",
    "target_jenis": "kategori",
    "target_dicetak": "WTP",
    "target_skala": "opini_bpk",
}
BATAS = {
    "id": "IK24-S03", "target_jenis": "batas", "target_dicetak": "maksimal 3 perkara",
    "target_satuan": "perkara", "target_batas": "paling_banyak",
}  # fmt: skip
OPINI = [
    {"skala": "opini_bpk", "nama_skala": "Opini BPK", "urutan": str(n), "kategori": k, "sumber": "UU 15/2004"}
    for n, k in ((1, "WTP"), (2, "WDP"))
]


def checked(**tables: list[dict[str, str]]) -> list[tuple[str, str, int | None, str | None]]:
    """(code, file, row, field) of the realisation checks on the given tables, in memory."""
    rows = {"indikator": [ANGKA, KATEGORI, BATAS], "skala_kategori": OPINI, **tables}
    paths = {name: f"data/{name}.csv" for name in ("indikator", *tables)}
    return [(p.code, p.file, p.row, p.field) for p in realisation.check(FIXTURE, paths, rows)]


def realisasi(indikator: str, nilai: str = "", satuan: str = "", kategori: str = "") -> dict[str, str]:
    """A row of data/realisasi.csv."""
    return {
        "indikator_id": indikator,
        "periode": "tahunan",
        "nilai": nilai,
        "satuan": satuan,
        "kategori": kategori,
    }


def test_a_category_target_is_realised_by_a_category_of_its_scale_only() -> None:
    rows = [realisasi("IK24-S02", kategori="Baik"), realisasi("IK24-S02", "90", kategori="WTP")]
    assert checked(realisasi=rows) == [
        ("kategori_realisasi", "data/realisasi.csv", 2, "kategori"),
        ("kategori_tanpa_angka", "data/realisasi.csv", 3, "nilai"),
    ]
    rows = [realisasi("IK24-S02", kategori="Baik")]
    (problem,) = realisation.check(
        FIXTURE,
        {"realisasi": "data/realisasi.csv"},
        {"indikator": [KATEGORI], "skala_kategori": OPINI, "realisasi": rows},
    )
    assert str(problem) == (
        "data/realisasi.csv, baris 2, kolom 'kategori': indikator IK24-S02 bertarget kategori 'WTP' (skala "
        "opini_bpk); realisasinya harus kategori skala itu, bukan 'Baik'. Cara memperbaiki: isi kolom "
        "'kategori' dengan salah satu: WDP, WTP; kosongkan 'nilai' dan 'satuan'. [kategori_realisasi]"
    )


def test_a_number_target_is_realised_by_a_number_without_a_category() -> None:
    rows = [realisasi("IK24-S01", satuan="persen"), realisasi("IK24-S01", "90", "persen", "WTP")]
    assert checked(realisasi=rows) == [
        ("realisasi_tanpa_nilai", "data/realisasi.csv", 2, "nilai"),
        ("kategori_untuk_angka", "data/realisasi.csv", 3, "kategori"),
    ]


def test_a_printed_bound_decides_which_way_is_better() -> None:
    polaritas = [{"indikator_id": i, "polaritas": "naik"} for i in ("IK24-S01", "IK24-S02", "IK24-S03")]
    assert checked(polaritas=polaritas) == [("arah_bertentangan", "data/polaritas.csv", 4, "polaritas")]
    (problem,) = realisation.check(
        FIXTURE, {"polaritas": "data/polaritas.csv"}, {"indikator": [BATAS], "polaritas": polaritas[2:]}
    )
    assert (problem.what, problem.fix) == (
        "target tercetak 'maksimal 3 perkara' indikator IK24-S03 adalah batas yang berarti makin rendah "
        "makin baik, tetapi arahnya 'naik'.",
        "isi 'polaritas' dengan 'turun' dan 'dasar' dengan 'dokumen'.",
    )


def test_a_scale_is_ranked_without_gaps_under_one_name_and_source() -> None:
    scale = [OPINI[0], {**OPINI[1], "urutan": "3", "nama_skala": "Opini BPK RI"}]
    assert checked(skala_kategori=scale) == [
        ("urutan_skala", "data/skala_kategori.csv", 2, "urutan"),
        ("skala_tidak_konsisten", "data/skala_kategori.csv", 2, "nama_skala"),
    ]


def test_exactly_one_office_is_the_home_of_the_site(mutated_copy: Callable[..., Path]) -> None:
    office = {"id": "6472", "nama": "KPU Kota Samarinda", "jenis": "kota", "kode_kemendagri": "64.72",
              "kode_bps": "6472", "induk": "64", "utama": "ya"}  # fmt: skip
    root = mutated_copy("data/kantor.csv", [{"insert_row": {"row": "64", "values": office}}])
    problems_found = validate(root)
    assert [(p.code, p.file, p.row, p.field) for p in problems_found] == [
        ("kantor_utama", "data/kantor.csv", 3, "utama")
    ]
    assert problems_found[0].what.startswith("2 kantor ditandai utama; tepat satu kantor")


def test_a_stored_target_kind_must_be_the_printed_ones(mutated_copy: Callable[..., Path]) -> None:
    step = {"set_cell": {"row": "IK24-S28", "column": "target_jenis", "value": "batas"}}
    root = mutated_copy("data/indikator.csv", [step])
    (problem,) = validate(root)
    assert (problem.code, problem.file, problem.field) == (
        "target_tidak_cocok",
        "data/indikator.csv",
        "target_jenis",
    )
    assert (problem.what, problem.fix) == (
        "'batas' tidak cocok dengan target tercetak '90%' (seharusnya 'angka').",
        "isi 'target_jenis' dengan 'angka'.",
    )


def test_a_file_that_cannot_be_read_is_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "rkt.txt"
    path.write_text("isi\n", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ProblemsFound) as raised:
        reading.read_bytes(path)
    (problem,) = raised.value.problems
    assert (problem.code, problem.file) == ("tidak_dapat_dibaca", "rkt.txt")
    assert problem.what == "berkas tidak dapat dibaca (Permission denied)."


def test_a_sheet_into_a_package_without_realisation_is_refused(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "paket")
    (sheet,) = update.write_templates(root, tmp_path / "lembar", "RKT24-S")
    descriptor = root / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["resources"] = [r for r in data["resources"] if r["name"] != "realisasi"]
    descriptor.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (root / "data" / "realisasi.csv").unlink()
    with pytest.raises(ProblemsFound) as raised:
        update.import_sheet(root, sheet)
    assert [(p.code, p.file) for p in raised.value.problems] == [("realisasi_tidak_ada", "datapackage.json")]


def _git(folder: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=uji", "-c", "user.email=uji@contoh.test", *args]
    return subprocess.run(command, cwd=folder, check=True, capture_output=True, text=True).stdout.strip()


@pytest.mark.parametrize(
    ("path", "code"),
    [("data/anomali.csv", "cabang_bentrok"), (".github/workflows/ci.yml", "cabang_tertinggal")],
)
def test_a_branch_behind_main_is_told_what_to_press(tmp_path: Path, path: str, code: str) -> None:
    """Both sides changed the same line, or main changed a workflow: the person acts on GitHub."""
    (tmp_path / path).parent.mkdir(parents=True)
    (tmp_path / path).write_text("awal\n", encoding="utf-8")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "awal")
    _git(tmp_path, "checkout", "-q", "-b", "c")
    (tmp_path / "data" / "x.csv").parent.mkdir(exist_ok=True)
    (tmp_path / "data" / "x.csv").write_text("cabang\n", encoding="utf-8")
    if code == "cabang_bentrok":
        (tmp_path / path).write_text("cabang\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "cabang")
    head = _git(tmp_path, "rev-parse", "HEAD")
    _git(tmp_path, "checkout", "-q", "main")
    (tmp_path / path).write_text("main\n", encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "main")
    _git(tmp_path, "checkout", "-q", "c")
    with pytest.raises(ProblemsFound) as raised:
        branch.prepare(tmp_path, "main")
    (problem,) = raised.value.problems
    assert (problem.code, problem.file) == (code, "cabang pull request") and path in problem.what
    assert _git(tmp_path, "rev-parse", "HEAD") == head and _git(tmp_path, "status", "--porcelain") == ""


def test_a_number_in_a_text_cell_of_the_sheet_is_told() -> None:
    fault = cells.text(5)
    assert isinstance(fault, cells.Fault)
    assert (fault.code, fault.what) == ("bukan_teks", "sel berisi angka atau tanggal ('5'), bukan teks.")
    assert cells.text("LKjIP 2024") == "LKjIP 2024"
