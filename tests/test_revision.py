"""A revised signed document is shown change by change, and published only with a reason and its date.

Each revised copy is made from the source text of the package copy itself
(data/sumber/, found through data/dokumen.csv), changing the line an indicator
was read from (its `baris_sumber`), so the tests follow whatever package the
fixtures hold. Imports run in-process (kinerja.update, kinerja.cli.main); one
test runs the command line as a separate process.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kinerja import cli, csvio, update
from kinerja.domain import revision
from kinerja.domain.printed import long_date, typed_date
from kinerja.errors import ProblemsFound
from kinerja.ingest import hints, revising
from kinerja.ingest.transcribe import Rows
from kinerja.validate import validate

ROOT = Path(__file__).resolve().parents[1]
REASON = "Surat Sekretaris Jenderal KPU tentang perubahan target, diterima 3 Mei 2024."


def package_digest(root: Path) -> dict[str, str]:
    """SHA-256 of datapackage.json and of every file under data/ (as `make import` stages them)."""
    return cli.package_files(root)


def source_lines(root: Path) -> list[str]:
    """The text of the package's first signed document, line by line."""
    sumber = csvio.read(root / "data" / "dokumen.csv")[0]["sumber"]
    return (root / sumber).read_text(encoding="utf-8").split("\n")


def indicator(root: Path, test: Callable[[dict[str, str]], bool]) -> dict[str, str]:
    """The first indicator of the package that passes `test`."""
    found = next((r for r in csvio.read(root / "data" / "indikator.csv") if test(r)), None)
    assert found is not None, "the fixture package has no indicator of this kind"
    return found


def percentage(row: dict[str, str]) -> bool:
    return row["target_satuan"] == "persen" and row["teks"].lower().startswith("persentase")


def revised(root: Path, folder: Path, change: Callable[[list[str]], None], name: str = "revisi.txt") -> Path:
    """A copy of the package's source text with `change` applied to its lines, written into folder."""
    lines = source_lines(root)
    change(lines)
    path = folder / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def set_target(row: dict[str, str], target: str) -> Callable[[list[str]], None]:
    """A change: the printed target of one indicator's line replaced."""

    def change(lines: list[str]) -> None:
        at = int(row["baris_sumber"]) - 1
        assert lines[at].endswith("\t" + row["target_dicetak"]), "baris_sumber no longer points at the row"
        lines[at] = lines[at][: -len(row["target_dicetak"])] + target

    return change


def refused(root: Path, path: Path, **given: str) -> ProblemsFound:
    before = package_digest(root)
    with pytest.raises(ProblemsFound) as caught:
        update.import_document(root, path, **given)
    assert package_digest(root) == before, (
        "a refused revision leaves data/ and datapackage.json byte-identical"
    )
    return caught.value


def test_a_changed_target_is_named_with_its_old_and_new_value(package_copy: Path, tmp_path: Path) -> None:
    row = indicator(package_copy, lambda r: r["target_dicetak"] == "77,5%")
    path = revised(package_copy, tmp_path, set_target(row, "80%"))
    error = refused(package_copy, path)
    assert f"{row['id']} target: '77,5%' → '80%'" in error.found
    assert f"Perubahan {row['dokumen_id']} dari versi 1" in error.found[0]
    assert error.found[0].endswith("1 perubahan:"), "one changed cell is one change"
    assert not [line for line in error.found if line.startswith(revision.MARK)], "a small move is not odd"
    (problem,) = error.problems
    assert problem.code == "revisi_tanpa_alasan" and problem.file == path.name
    assert "ALASAN=" in problem.fix and "TANGGAL=" in problem.fix, "the command-line way"
    assert "'Alasan: …'" in problem.fix and "masukan/revisi.txt" in problem.fix, "the browser way"
    lines = error.lines()
    assert lines.index(f"{row['id']} target: '77,5%' → '80%'") < len(error.found), "changes come first"


def test_a_category_replacing_a_percentage_is_called_out(package_copy: Path, tmp_path: Path) -> None:
    row = indicator(package_copy, percentage)
    path = revised(package_copy, tmp_path, set_target(row, "WTP"))
    found = refused(package_copy, path).found
    assert f"{row['id']} target: '{row['target_dicetak']}' → 'WTP'" in found
    odd = [line for line in found if line.startswith(f"{revision.MARK}: {row['id']}")]
    assert len(odd) == 1 and "kategori" in odd[0] and "persentase" in odd[0]


def test_a_removed_indicator_is_named_and_called_out(package_copy: Path, tmp_path: Path) -> None:
    # A row whose program and sasaran cells are empty (read from the rows above), so only it goes.
    lines = source_lines(package_copy)
    row = indicator(package_copy, lambda r: lines[int(r["baris_sumber"]) - 1].startswith("\t\t"))
    path = revised(package_copy, tmp_path, lambda lines: lines.pop(int(row["baris_sumber"]) - 1))
    found = refused(package_copy, path).found
    assert f"dihapus: {row['id']} {row['teks']} (target '{row['target_dicetak']}')" in found
    assert any(line.startswith(f"{revision.MARK}: indikator {row['id']} dihapus") for line in found)
    assert not [line for line in found if " → " in line and line.startswith(row["id"])]


def test_a_target_moving_by_more_than_half_is_called_out(package_copy: Path, tmp_path: Path) -> None:
    row = indicator(package_copy, lambda r: r["target_satuan"] == "persen" and r["target_nilai"] == "90")
    path = revised(package_copy, tmp_path, set_target(row, "30%"))
    found = refused(package_copy, path).found
    assert f"{row['id']} target: '90%' → '30%'" in found
    assert any(
        line.startswith(f"{revision.MARK}: {row['id']}: target berubah lebih dari separuh") for line in found
    )


def target(
    code: str, printed: str, nilai: str, satuan: str = "persen", jenis: str = "angka"
) -> dict[str, str]:
    return {
        "id": code,
        "teks": "Jumlah laporan",
        "target_dicetak": printed,
        "target_jenis": jenis,
        "target_nilai": nilai,
        "target_satuan": satuan,
    }


@pytest.mark.parametrize(
    ("old", "new", "odd"),
    [
        (("10", "10"), ("15", "15"), False),  # +50 %: exactly half is not more than half
        (("10", "10"), ("16", "16"), True),
        (("10", "10"), ("4", "4"), True),
        (("0", "0"), ("1", "1"), True),
        (("90%", "90"), ("45%", "45"), False),
        (("90%", "90"), ("44%", "44"), True),
    ],
)
def test_the_more_than_half_rule(old: tuple[str, str], new: tuple[str, str], odd: bool) -> None:
    before = {"indikator": [target("IK99-S01", *old)]}
    after = {"indikator": [target("IK99-S01", *new)]}
    assert bool(revision.concerns(before, after)) is odd


def test_a_change_of_unit_is_called_out_and_layout_is_not_a_change() -> None:
    before = {
        "indikator": [{**target("IK99-S01", "10 kali", "10", "kali"), "baris_sumber": "4", "urutan": "1"}]
    }
    after = {
        "indikator": [
            {**target("IK99-S01", "10 laporan", "10", "laporan"), "baris_sumber": "9", "urutan": "2"}
        ]
    }
    assert [str(d) for d in revision.compare(before, after)] == ["IK99-S01 target: '10 kali' → '10 laporan'"]
    assert ["satuan target berubah" in line for line in revision.concerns(before, after)] == [True]


def test_with_reason_and_date_the_revision_is_recorded(package_copy: Path, tmp_path: Path) -> None:
    row = indicator(package_copy, lambda r: r["target_dicetak"] == "77,5%")
    path = revised(package_copy, tmp_path, set_target(row, "80%"), "rkt-revisi-1.txt")
    for given in ({"alasan": REASON}, {"tanggal": "2 Mei 2024"}, {"alasan": "  ", "tanggal": "2/5/2024"}):
        (problem,) = refused(package_copy, path, **given).problems
        assert problem.code == "revisi_tanpa_alasan"
    report = update.import_document(package_copy, path, alasan=REASON, tanggal="2/5/2024").splitlines()
    assert f"{row['id']} target: '77,5%' → '80%'" in report
    assert (
        f"{row['dokumen_id']}: revisi dicatat sebagai versi 2; versi sebelumnya disimpan di data/arsip/."
        in report
    )
    assert any(
        line.startswith(f"{revision.MARK}: {row['dokumen_id']} mencetak tanggal") for line in report
    ), "the copy still prints the first version's date"
    last = csvio.read(package_copy / "data" / "revisi.csv")[-1]
    assert last == {
        "dokumen_id": row["dokumen_id"],
        "versi": "2",
        "tanggal": "2024-05-02",
        "sumber": "data/sumber/rkt-revisi-1.txt",
        "keterangan": REASON,
    }
    assert validate(package_copy) == []
    again = update.import_document(package_copy, path, alasan=REASON, tanggal="2/5/2024")
    assert "sudah diimpor" in again, "the same file again changes nothing"


def test_a_new_document_needs_no_reason(package_copy: Path, tmp_path: Path) -> None:
    def next_year(lines: list[str]) -> None:
        for number, line in enumerate(lines):
            lines[number] = line.replace("Tahun Anggaran : 2024", "Tahun Anggaran : 2025")

    path = revised(package_copy, tmp_path, next_year, "rkt-2025.txt")
    report = update.import_document(package_copy, path)
    assert "revisi dicatat" not in report and not report.startswith("Perubahan")
    added = [
        r for r in csvio.read(package_copy / "data" / "revisi.csv") if r["sumber"].endswith("rkt-2025.txt")
    ]
    assert added and all(
        r["versi"] == "1" and r["keterangan"] == "Dokumen awal bertanda tangan." for r in added
    )
    again = revised(
        package_copy, tmp_path, lambda lines: next_year(lines) or lines.append(""), "rkt-2025b.txt"
    )
    told = update.import_document(package_copy, again, alasan=REASON, tanggal="2/5/2025")
    assert "Perubahan" not in told, "the same rows again are no revision"
    assert "Alasan dan tanggal revisi tidak dipakai" in told


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2024-05-02", date(2024, 5, 2)),
        ("2/5/2024", date(2024, 5, 2)),
        ("02-05-2024", date(2024, 5, 2)),
        ("02.05.2024", date(2024, 5, 2)),
        ("2 Mei 2024", date(2024, 5, 2)),
        (" 17 agustus 2024 ", date(2024, 8, 17)),
        ("31/02/2024", None),
        ("2 May 2024", None),
        ("5/2024", None),
        ("2024-13-01", None),
        ("kemarin", None),
    ],
)
def test_signing_dates_as_people_type_them(typed: str, day: date | None) -> None:
    assert typed_date(typed) == day
    if day is not None:
        assert typed_date(long_date(day)) == day


@pytest.mark.parametrize(
    ("typed", "told"),
    [("31/02/2024", "tidak terbaca"), ("1/1/2024", "lebih awal dari versi 1"), ("1/1/2999", "belum lewat")],
)
def test_a_wrong_date_is_refused_after_the_changes(
    package_copy: Path, tmp_path: Path, typed: str, told: str
) -> None:
    row = indicator(package_copy, lambda r: r["target_dicetak"] == "77,5%")
    path = revised(package_copy, tmp_path, set_target(row, "80%"))
    error = refused(package_copy, path, alasan=REASON, tanggal=typed)
    (problem,) = error.problems
    assert problem.code == "tanggal_revisi_salah" and problem.field == "tanggal" and told in problem.what
    assert "2/5/2024" in problem.fix and f"{row['id']} target: '77,5%' → '80%'" in error.found


def test_a_revision_may_not_overwrite_the_source_of_the_version_it_replaces(
    package_copy: Path, tmp_path: Path
) -> None:
    row = indicator(package_copy, lambda r: r["target_dicetak"] == "77,5%")
    name = Path(csvio.read(package_copy / "data" / "dokumen.csv")[0]["sumber"]).name
    path = revised(package_copy, tmp_path, set_target(row, "80%"), name)
    error = refused(package_copy, path, alasan=REASON, tanggal="2/5/2024")
    assert [p.code for p in error.problems] == ["nama_sumber_terpakai"]
    assert "-revisi-1." in error.problems[0].fix and f"{row['id']} target: '77,5%' → '80%'" in error.found


def test_the_fix_text_can_name_one_way_only() -> None:
    browser = revising.revision_fix("masukan/x.txt", (revising.BROWSER_WAY,))
    assert "Alasan:" in browser and "make" not in browser
    both = revising.revision_fix("masukan/x.txt")
    assert "make import SRC=masukan/x.txt" in both and "Alasan:" in both


def test_recorded_hints_are_not_listed_again_and_new_ones_come_as_ready_rows(
    package_copy: Path, tmp_path: Path
) -> None:
    notes = csvio.read(package_copy / "data" / "anomali.csv")
    header = list(notes[0])
    dropped = next((n for n in notes if n["kategori"] == "format_angka" and n["tabel"] == "indikator"), None)
    assert dropped is not None, "the fixture records a decimal point as an anomaly"
    csvio.write(package_copy / "data" / "anomali.csv", header, [n for n in notes if n is not dropped])
    row = indicator(package_copy, lambda r: r["target_dicetak"] == "77,5%")
    path = revised(package_copy, tmp_path, set_target(row, "80%"))
    report = update.import_document(package_copy, path, alasan=REASON, tanggal="2024-05-02").splitlines()
    listed = [line for line in report if line.startswith("- ")]
    assert listed == [
        f"- {dropped['rujukan_id']}: target '{dropped['teks_dicetak']}' memakai titik desimal."
    ], "only the hint no longer in data/anomali.csv is new work"
    assert any(line.endswith("sudah tercatat di data/anomali.csv dan tidak diulang.") for line in report)
    at = next(i for i, line in enumerate(report) if line.startswith(hints.ROWS_MARK))
    pasted = report[at + 1]
    with (package_copy / "data" / "anomali.csv").open("a", encoding="utf-8") as handle:
        handle.write(pasted + "\n")
    new = csvio.read(package_copy / "data" / "anomali.csv")[-1]
    assert list(new) == header
    assert new["id"] not in {n["id"] for n in notes if n is not dropped}
    assert (new["tabel"], new["rujukan_id"], new["kolom"], new["kategori"], new["teks_dicetak"]) == (
        "indikator",
        dropped["rujukan_id"],
        "target_dicetak",
        "format_angka",
        dropped["teks_dicetak"],
    )
    assert new["dampak"] == "", "what it means for readers is for a person to write, never invented"
    assert new["dicatat"] == update.today().isoformat()
    problems = validate(package_copy)
    assert problems and all(p.field == "dampak" for p in problems), "validation asks for the missing field"
    new["dampak"] = "Ditulis oleh petugas."
    rows = csvio.read(package_copy / "data" / "anomali.csv")
    csvio.write(package_copy / "data" / "anomali.csv", header, [*rows[:-1], new])
    assert validate(package_copy) == []


def test_a_category_target_on_a_percentage_indicator_is_a_hint_in_any_document() -> None:
    row = {
        **target("IK99-S01", "WTP", "", "", "kategori"),
        "teks": "Persentase opini laporan keuangan",
        "dokumen_id": "RKT99-S",
        "program_id": "PG99-S01",
    }
    (hint,) = hints.doubts(Rows(indikator=[row]))
    assert (hint.rujukan_id, hint.kolom, hint.teks_dicetak) == ("IK99-S01", "target_dicetak", "WTP")
    assert str(hint) == "IK99-S01: indikator persentase dengan target kategori 'WTP'."


def git(folder: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "uji", "GIT_AUTHOR_EMAIL": "uji@contoh.test"}
    env |= {"GIT_COMMITTER_NAME": "uji", "GIT_COMMITTER_EMAIL": "uji@contoh.test"}
    return subprocess.run(
        ["git", *args], cwd=folder, env=env, check=True, capture_output=True, text=True
    ).stdout


def test_the_command_line_import_stages_what_it_wrote(
    package_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (package_copy / "catatan-pribadi.txt").write_text("bukan bagian paket\n", encoding="utf-8")
    git(package_copy, "init", "-q")
    git(package_copy, "add", "-A")
    git(package_copy, "commit", "-qm", "awal")
    (package_copy / "catatan-pribadi.txt").write_text("diubah, belum untuk dikomit\n", encoding="utf-8")
    row = indicator(package_copy, lambda r: r["target_dicetak"] == "77,5%")
    path = revised(package_copy, tmp_path, set_target(row, "80%"), "rkt-revisi-1.txt")
    assert cli.main(["--root", str(package_copy), "import", str(path)]) == 1
    assert git(package_copy, "status", "--porcelain", "--", "data", "datapackage.json") == ""
    code = cli.main(
        ["--root", str(package_copy), "import", str(path), "--alasan", REASON, "--tanggal", "2 Mei 2024"]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "Ditambahkan ke git (git add)" in out
    staged = git(package_copy, "diff", "--cached", "--name-status").splitlines()
    assert "A\tdata/sumber/rkt-revisi-1.txt" in staged, "the new source file is part of the commit"
    assert any(line.startswith("A\tdata/arsip/") for line in staged), "so is the archive of version 1"
    assert "M\tdata/revisi.csv" in staged
    assert not [line for line in staged if "catatan-pribadi" in line], "other work is not staged"
    status = git(package_copy, "status", "--porcelain", "--", "data", "datapackage.json").splitlines()
    assert status and all(line[1] == " " for line in status), "nothing the import wrote is left unstaged"


def test_outside_git_the_import_says_what_to_add(
    package_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = indicator(package_copy, lambda r: r["target_dicetak"] == "77,5%")
    path = revised(package_copy, tmp_path, set_target(row, "80%"), "rkt-revisi-1.txt")
    assert (
        cli.main(
            ["--root", str(package_copy), "import", str(path), "--alasan", REASON, "--tanggal", "2/5/2024"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "data/sumber/rkt-revisi-1.txt" in out and "git add data datapackage.json" in out


def test_the_command_line_refuses_a_revision_without_reason(
    package_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = indicator(package_copy, lambda r: r["target_dicetak"] == "77,5%")
    path = revised(package_copy, tmp_path, set_target(row, "80%"))
    before = package_digest(package_copy)
    assert cli.main(["--root", str(package_copy), "import", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert f"{row['id']} target: '77,5%' → '80%'" in lines
    assert any("[revisi_tanpa_alasan]" in line for line in lines)
    assert lines[-1] == "GAGAL: 1 masalah di berkas impor. Tidak ada yang diubah di data/."
    assert package_digest(package_copy) == before


def test_make_import_passes_reason_and_date() -> None:
    # Run as a top-level make even under `make test` (no "make[1]: Leaving directory" lines).
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-n",
            "import",
            "SRC=x.txt",
            'ALASAN=Surat "KPU", no. 1',
            "TANGGAL=2 Mei 2024",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    command = result.stdout.strip().splitlines()[-1]
    assert command.endswith('-m kinerja import "x.txt"  --alasan "$ALASAN" --tanggal "$TANGGAL"'), command
