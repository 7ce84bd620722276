"""The browser path as it is really used, without GitHub: branches, two uploads a quarter, the bot's job.

Real git repositories in temporary folders stand in for GitHub: a `main` with the package, and
pull-request branches made from it. The check job's part runs in-process (`upload.prepare`, then
`upload.check` without building the site); the pushing job's part is the very `run:` script of
.github/workflows/periksa-unggahan.yml, run with bash, its push redirected to the local
repository and `gh` replaced by a recorder. Realisation sheets are written by `make template`'s
code (`update.write_templates`) and filled with openpyxl, with indicators chosen from the
package (no live code is named). The comment's script runs under Node.js with GitHub's API recorded.
Fast tier: no site build.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook, load_workbook

from _site import copy_upload_folder
from conftest import copy_package
from kinerja import csvio, model, update, upload
from kinerja.domain import sheet_layout as layout
from kinerja.upload import branch, note

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "periksa-unggahan.yml"
BOT = ["-c", "user.name=uji", "-c", "user.email=uji@contoh.test"]
SERVER, REPO, TOKEN = "https://github.invalid", "pemilik/situs", "token-uji"


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *BOT, *args], cwd=folder, check=True, capture_output=True, text=True
    ).stdout.strip()


def commit(folder: Path, message: str) -> str:
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", message)
    return git(folder, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The repository on 'GitHub': main holds the package, masukan/README.md and a workflow file.

    The package's published realisations are emptied (they are the data's, not the test's), so
    that every sheet cell is free to fill whatever the live data holds.
    """
    root = copy_package(tmp_path / "github")
    published = root / "data" / "realisasi.csv"
    published.write_text(published.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")
    copy_upload_folder(root)
    (root / ".github" / "workflows").mkdir(parents=True)
    shutil.copy2(ROOT / ".github" / "workflows" / "ci.yml", root / ".github" / "workflows" / "ci.yml")
    git(root, "init", "-q", "-b", "main")
    commit(root, "awal")
    return root


@pytest.fixture
def plan(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """A document's realisation sheet as downloaded before any upload, and two numeric indicators of it."""
    package = model.load(repo)
    for dokumen in package.dokumen.values():
        (sheet,) = update.write_templates(repo, tmp_path / "unduhan", dokumen.id)
        cells = load_workbook(sheet)[layout.SHEET]
        rows = range(layout.FIRST_ROW, cells.max_row + 1)
        numeric = [
            cells.cell(row=r, column=1).value for r in rows if cells.cell(row=r, column=4).value == "angka"
        ]
        if len(numeric) >= 2:
            monkeypatch.setattr(update, "today", lambda day=date(dokumen.tahun + 1, 6, 30): day)
            return {"sheet": sheet, "codes": numeric[:2], "day": date(dokumen.tahun, 4, 15)}
    raise AssertionError("the package needs a document with two numeric indicators")


def upload_sheet(repo: Path, name: str, plan: dict[str, object], code: str, value: float) -> str:
    """Fill the downloaded sheet for one indicator, upload it into masukan/lembar/ on branch `name`."""
    git(repo, "checkout", "-q", name)
    target = repo / "masukan" / "lembar" / Path(str(plan["sheet"])).name
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook = load_workbook(str(plan["sheet"]))
    cells = workbook[layout.SHEET]
    row = next(
        r for r in range(layout.FIRST_ROW, cells.max_row + 1) if cells.cell(row=r, column=1).value == code
    )
    for key, given in (("nilai", value), ("sumber", "Laporan triwulan uji"), ("tanggal", plan["day"])):
        cells.cell(row=row, column=layout.column(key, "TW1").index).value = given
    workbook.save(target)
    git(repo, "add", "-f", "-A")  # GitHub's upload ignores .gitignore (masukan/lembar/ is ignored locally)
    git(repo, "commit", "-qm", f"Upload {target.name}")
    head = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "main")
    return head


def check_job(repo: Path, head: str, work: Path, description: str = "") -> tuple[int, str, Path]:
    """What the check job does: the head, main merged in, the import; (exit, report, artifact folder)."""
    git(work.parent, "clone", "-q", str(repo), str(work))
    git(work, "checkout", "-q", "--detach", head)
    impor, report = work.parent / f"{work.name}-impor", work.parent / f"{work.name}-laporan.md"
    impor.mkdir()
    dasar = git(work, "rev-parse", "--verify", "refs/remotes/origin/main^{commit}")
    (impor / "dasar").write_text(dasar + "\n", encoding="utf-8")
    code = upload.prepare(work, dasar, report)
    if code == 0:
        code = upload.check(work, report, impor / "impor.patch", impor / "pohon", description, build=False)
    return code, report.read_text(encoding="utf-8"), impor


def apply_job(repo: Path, head: str, name: str, impor: Path, tmp: Path) -> tuple[int, str, list[str]]:
    """The pushing job's own script: (exit, its message for the comment, the CI runs it started)."""
    script = next(
        step["run"]
        for step in yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["terapkan"]["steps"]
        if "git apply" in step.get("run", "")
    )
    work = tmp / f"terapkan-{name}"
    git(tmp, "clone", "-q", str(repo), str(work))
    git(work, "checkout", "-q", "--detach", head)
    stub = tmp / "bin"
    stub.mkdir(exist_ok=True)
    (stub / "gh").write_text('#!/bin/sh\necho "$*" >> "$GH_LOG"\n', encoding="utf-8")
    (stub / "gh").chmod(0o755)
    output, log = tmp / f"output-{name}", tmp / f"gh-{name}.log"
    output.touch()
    env = {
        **os.environ,
        "PATH": f"{stub}:{os.environ['PATH']}",
        "IMPOR": str(impor),
        "BRANCH": name,
        "BASE_REF": "main",
        "REPO": REPO,
        "SERVER": SERVER,
        "TOKEN": TOKEN,
        "GH_TOKEN": TOKEN,
        "GH_LOG": str(log),
        "GITHUB_OUTPUT": str(output),
        # The push URL the script builds leads to the local repository.
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": f"url.{repo}.insteadOf",
        "GIT_CONFIG_VALUE_0": f"https://x-access-token:{TOKEN}@github.invalid/{REPO}.git",
    }
    shell = ["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c"]  # as GitHub runs `run:`
    done = subprocess.run([*shell, script], cwd=work, env=env, capture_output=True, text=True)
    message = "".join(
        line[6:] for line in output.read_text(encoding="utf-8").splitlines() if line.startswith("pesan=")
    )
    runs = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return done.returncode, message, runs


def realisasi(repo: Path, ref: str, tmp: Path) -> set[tuple[str, str, str]]:
    """The (indicator, period, value) rows of data/realisasi.csv at a commit."""
    path = tmp / f"realisasi-{ref}.csv"
    path.write_text(git(repo, "show", f"{ref}:data/realisasi.csv") + "\n", encoding="utf-8")
    return {(r["indikator_id"], r["periode"], r["nilai"]) for r in csvio.read(path)}


# --- two uploads in one quarter ----------------------------------------------------------------------


def test_a_second_upload_of_the_quarter_is_imported_on_main_as_it_is_now(
    repo: Path, plan: dict[str, object], tmp_path: Path
) -> None:
    first, second = plan["codes"]  # type: ignore[misc]
    git(repo, "branch", "a", "main")
    git(repo, "branch", "b", "main")  # a second person's branch, made before the first upload lands
    head_a = upload_sheet(repo, "a", plan, first, 10)
    head_b = upload_sheet(repo, "b", plan, second, 20)

    code, report, impor = check_job(repo, head_a, tmp_path / "periksa-a")
    assert code == 0, report
    assert "**Hasil pemeriksaan: lolos.**" in report
    assert f"| `masukan/lembar/{Path(str(plan['sheet'])).name}` | diimpor |" in report, (
        "masukan/lembar/ is read"
    )
    assert f"Ditambah: {first} TW1 10" in report
    done, message, runs = apply_job(repo, head_a, "a", impor, tmp_path)
    assert done == 0 and message == "", message
    assert runs == [f"workflow run ci.yml --repo {REPO} --ref a"], "the bot's commit gets CI"
    assert git(repo, "log", "-1", "--format=%an %s", "a").startswith("github-actions[bot] Impor unggahan")
    git(repo, "merge", "-q", "--no-ff", "a", "-m", "Merge pull request a")

    code, report, impor = check_job(repo, head_b, tmp_path / "periksa-b")
    assert code == 0, report
    assert f"Ditambah: {second} TW1 20" in report
    patch = impor / "impor.patch"
    stale = tmp_path / "kepala-b"
    git(tmp_path, "clone", "-q", str(repo), str(stale))
    git(stale, "checkout", "-q", "--detach", head_b)
    refused = subprocess.run(["git", "apply", "--check", str(patch)], cwd=stale, capture_output=True)
    assert refused.returncode != 0, "on the branch's own head (without main) this patch cannot apply"
    done, message, runs = apply_job(repo, head_b, "b", impor, tmp_path)
    assert done == 0 and message == "", message
    assert runs == [f"workflow run ci.yml --repo {REPO} --ref b"]
    pushed = git(repo, "rev-parse", "b")
    assert git(repo, "rev-parse", f"{pushed}^{{tree}}") == (impor / "pohon").read_text().strip()
    assert {(first, "TW1", "10"), (second, "TW1", "20")} <= realisasi(repo, "b", tmp_path)
    assert subprocess.run(["git", "merge-base", "--is-ancestor", "main", "b"], cwd=repo).returncode == 0
    assert "masukan/lembar" not in git(repo, "ls-tree", "-r", "--name-only", "b"), "the upload was consumed"


def test_the_push_job_refuses_a_tree_other_than_the_one_checked(
    repo: Path, plan: dict[str, object], tmp_path: Path
) -> None:
    git(repo, "branch", "a", "main")
    head = upload_sheet(repo, "a", plan, plan["codes"][0], 10)  # type: ignore[index]
    code, report, impor = check_job(repo, head, tmp_path / "periksa")
    assert code == 0, report
    (impor / "pohon").write_text("0" * 40 + "\n", encoding="utf-8")
    done, message, runs = apply_job(repo, head, "a", impor, tmp_path)
    assert done == 1 and "berbeda dari yang diperiksa" in message and runs == []
    assert git(repo, "rev-parse", "a") == head, "nothing was pushed"


def test_a_branch_that_moved_during_the_check_is_not_overwritten(
    repo: Path, plan: dict[str, object], tmp_path: Path
) -> None:
    git(repo, "branch", "a", "main")
    head = upload_sheet(repo, "a", plan, plan["codes"][0], 10)  # type: ignore[index]
    code, report, impor = check_job(repo, head, tmp_path / "periksa")
    assert code == 0, report
    git(repo, "checkout", "-q", "a")
    (repo / "masukan" / "catatan.txt").write_text("unggahan lain\n", encoding="utf-8")
    moved = commit(repo, "another upload while the check ran")
    git(repo, "checkout", "-q", "main")
    done, message, runs = apply_job(repo, head, "a", impor, tmp_path)
    assert done == 1 and "berubah selama pemeriksaan" in message and runs == []
    assert git(repo, "rev-parse", "a") == moved


# --- when the branch cannot be brought up to date ----------------------------------------------------


def diverge(repo: Path, path: str, ours: str, theirs: str) -> str:
    """Branch 'c' (with an upload) and main both change `path` after c was made; c's head."""
    git(repo, "checkout", "-q", "-b", "c")
    (repo / "masukan" / "rkt.txt").write_text("unggahan\n", encoding="utf-8")
    target = repo / path
    target.write_text(target.read_text(encoding="utf-8") + ours, encoding="utf-8")
    head = commit(repo, "on the branch")
    git(repo, "checkout", "-q", "main")
    target.write_text(target.read_text(encoding="utf-8") + theirs, encoding="utf-8")
    commit(repo, "on main")
    return head


def test_a_conflict_with_main_is_told_with_what_to_press_and_changes_nothing(
    repo: Path, tmp_path: Path
) -> None:
    head = diverge(repo, "data/anomali.csv", "baris cabang\n", "baris main\n")
    code, report, _ = check_job(repo, head, tmp_path / "periksa")
    work = tmp_path / "periksa"
    assert code == 1
    assert "**Hasil pemeriksaan: cabang perlu diperbarui dulu.**" in report and "lolos" not in report
    assert "data/anomali.csv" in report and "Close pull request" in report and "Resolve conflicts" in report
    assert "berjalan lagi dengan sendirinya" in report, "what happens next"
    assert git(work, "rev-parse", "HEAD") == head and git(work, "status", "--porcelain") == ""
    assert (work / "masukan" / "rkt.txt").exists(), "the upload waits for the next run"


def test_main_changed_workflows_asks_for_update_branch(repo: Path, tmp_path: Path) -> None:
    head = diverge(repo, ".github/workflows/ci.yml", "", "# diubah di main\n")
    code, report, _ = check_job(repo, head, tmp_path / "periksa")
    work = tmp_path / "periksa"
    assert code == 1 and "Update branch" in report and ".github/workflows/ci.yml" in report
    assert git(work, "rev-parse", "HEAD") == head and git(work, "status", "--porcelain") == ""


def test_a_branch_up_to_date_is_left_as_it_is(repo: Path) -> None:
    head = git(repo, "rev-parse", "HEAD")
    assert branch.prepare(repo, "main") == ""
    assert git(repo, "rev-parse", "HEAD") == head


# --- what was uploaded --------------------------------------------------------------------------------


def test_nothing_uploaded_is_never_a_pass_and_says_where_to_upload(repo: Path, tmp_path: Path) -> None:
    (repo / "masukan" / "lembar").mkdir()
    (repo / "masukan" / "lembar" / ".gitkeep").touch()
    (repo / "masukan" / "revisi.txt").write_text("Alasan: tanpa dokumen\n", encoding="utf-8")
    report = tmp_path / "laporan.md"
    assert upload.check(repo, report, build=False) == 1
    text = report.read_text(encoding="utf-8")
    assert "**Hasil pemeriksaan: tidak ada berkas unggahan.**" in text and "lolos" not in text
    assert "`masukan/`" in text and "`masukan/lembar/`" in text and "Add file → Upload files" in text


def test_uploads_are_found_in_every_subfolder_but_not_the_folders_own_files(repo: Path) -> None:
    base = repo / "masukan"
    for name in (
        "a.docx",
        "lembar/b.xlsx",
        "lembar/2025/c.xlsx",
        "lembar/.gitkeep",
        ".tersembunyi",
        "revisi.txt",
    ):
        (base / name).parent.mkdir(parents=True, exist_ok=True)
        (base / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(base).as_posix() for p in upload.uploads(repo)] == [
        "a.docx",
        "lembar/2025/c.xlsx",
        "lembar/b.xlsx",
    ]
    assert [p.name for p in upload.notes(repo)] == ["revisi.txt"]


def test_a_file_that_is_no_sheet_is_told_in_browser_terms(repo: Path, tmp_path: Path) -> None:
    (repo / "masukan" / "lembar").mkdir()
    Workbook().save(repo / "masukan" / "lembar" / "buku.xlsx")
    report = tmp_path / "laporan.md"
    assert upload.check(repo, report, build=False) == 1
    text = report.read_text(encoding="utf-8")
    assert (
        "| `masukan/lembar/buku.xlsx` | 1 masalah |" in text and "**Hasil pemeriksaan: 1 masalah.**" in text
    )
    assert "make " not in text, "the report names no make command"
    assert (repo / "masukan" / "lembar" / "buku.xlsx").exists()


# --- the reason and date of a revision ---------------------------------------------------------------


def test_note_lines_are_read_from_plain_text_and_from_markdown() -> None:
    text = (
        "<!-- Alasan: contoh dari templat -->\r\n"
        "Revisi karena perubahan anggaran.\r\n"
        "- **Alasan:** Penyesuaian target setelah revisi DIPA\r\n"
        "**Tanggal**: 15 Juli 2024\r\n"
        "kantor : 6472\r\n"
        "Alasan: Penyesuaian target setelah revisi DIPA\r\n"
        "Tanggal:\r\n"
    )
    found, problems = note.parse_note(text, "keterangan pull request")
    assert found == {
        "alasan": "Penyesuaian target setelah revisi DIPA",
        "tanggal": "15 Juli 2024",
        "kantor": "6472",
    }
    assert problems == []


def test_a_field_given_twice_differently_is_a_problem_not_a_guess() -> None:
    found, problems = note.parse_note("Tanggal: 1 Juli 2024\nTanggal: 2 Juli 2024\n", "masukan/revisi.txt")
    assert found == {"tanggal": "1 Juli 2024"}
    assert [(p.code, p.file) for p in problems] == [("keterangan_ganda", "masukan/revisi.txt")]
    assert "'1 Juli 2024' dan '2 Juli 2024'" in problems[0].what


def test_revisi_txt_wins_over_the_description_and_both_reach_the_import(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, dict[str, str]]] = []

    def imported(root: Path, path: Path, **given: str) -> str:
        calls.append((path.name, given))
        return "revisi dicatat sebagai versi 2\nIK-UJI Target: 77,5% → 80%"

    monkeypatch.setattr(update, "import_file", imported)
    (repo / "masukan" / "rkt-revisi.txt").write_text("dokumen", encoding="utf-8")
    (repo / "masukan" / "revisi.txt").write_text("Alasan: Revisi DIPA\n", encoding="utf-8")
    description = "Mohon diperiksa.\n\nAlasan: dari keterangan\nTanggal: 15 Juli 2024\n"
    report = tmp_path / "laporan.md"
    assert upload.check(repo, report, description=description, build=False) == 0
    assert calls == [("rkt-revisi.txt", {"kantor": "", "alasan": "Revisi DIPA", "tanggal": "15 Juli 2024"})]
    text = report.read_text(encoding="utf-8")
    assert "- Alasan revisi: Revisi DIPA (dari masukan/revisi.txt)" in text
    assert "- Tanggal tanda tangan dokumen revisi: 15 Juli 2024 (dari keterangan pull request)" in text
    assert "```text\nrevisi dicatat sebagai versi 2\nIK-UJI Target: 77,5% → 80%\n```" in text, "verbatim"
    assert not (repo / "masukan" / "revisi.txt").exists(), "the note is consumed like an upload"
    assert not (repo / "masukan" / "rkt-revisi.txt").exists()


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ({"revisi.txt": b"Terlampir.\n"}, "catatan_revisi_kosong"),
        ({"revisi.txt": b"Alasan: \xff\xfe\n"}, "catatan_revisi_tidak_terbaca"),
        ({"revisi.txt": b"Alasan: a\n", "lembar/REVISI.TXT": b"Alasan: b\n"}, "catatan_revisi_ganda"),
    ],
)
def test_a_note_that_cannot_be_used_stops_everything(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, bytes], code: str
) -> None:
    monkeypatch.setattr(update, "import_file", lambda *args, **kwargs: "diimpor")
    (repo / "masukan" / "rkt.txt").write_text("dokumen", encoding="utf-8")
    for name, data in files.items():
        (repo / "masukan" / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / "masukan" / name).write_bytes(data)
    report = tmp_path / "laporan.md"
    assert upload.check(repo, report, build=False) == 1
    text = report.read_text(encoding="utf-8")
    assert f"[{code}]" in text and "**Hasil pemeriksaan: 1 masalah.**" in text
    assert (repo / "masukan" / "rkt.txt").exists() and (repo / "masukan" / "revisi.txt").exists()


# --- the report speaks to a browser -------------------------------------------------------------------


SITE = "Paket data sah. Langkah berikutnya: periksa data/anomali.csv, lalu 'make site'."
TEMPLATE = "x.xlsx: kode diubah. Cara memperbaiki: salin isian ke lembar baru dari 'make template'."
KANTOR = "sebutkan kantornya saat impor: 'make import SRC=… KANTOR=6472'."
ADDED = "Ditambah: IK-UJI TW1 10 % (Laporan, 15 April 2024)"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (SITE, "Paket data sah."),
        (TEMPLATE, TEMPLATE.replace("'make template'", "halaman *Untuk pemelihara* di situs "
                                    "(lembar realisasi terbaru)")),
        (KANTOR, KANTOR.replace("'make import SRC=… KANTOR=6472'", "baris 'Kantor: <kode kantor>' di "
                                "keterangan pull request (tombol Edit)")),
        (ADDED, ADDED),
    ],
)  # fmt: skip
def test_command_line_hints_become_browser_steps(line: str, expected: str) -> None:
    assert upload.for_browser(line) == expected


# --- main never holds an upload that was not imported -------------------------------------------------


def test_ci_refuses_uploads_waiting_in_masukan_the_same_files_the_import_reads(repo: Path) -> None:
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    script = next(s["run"] for s in ci["jobs"]["unggahan"]["steps"] if "git ls-files" in s.get("run", ""))

    def guard() -> subprocess.CompletedProcess[str]:
        commit(repo, "state")
        return subprocess.run(["bash", "-c", script], cwd=repo, capture_output=True, text=True)

    for name in ("lembar/.gitkeep", "lembar/README.md", ".tersembunyi"):
        (repo / "masukan" / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / "masukan" / name).write_text("x", encoding="utf-8")
    assert guard().returncode == 0 and upload.uploads(repo) == upload.notes(repo) == []
    for name in ("lembar/realisasi.xlsx", "revisi.txt"):
        (repo / "masukan" / name).write_text("x", encoding="utf-8")
        git(repo, "add", "-f", f"masukan/{name}")
    done = guard()
    assert done.returncode == 1 and "belum diimpor" in done.stdout
    listed = set(done.stdout.split("\n")[1:-1])
    waiting = {p.relative_to(repo).as_posix() for p in [*upload.uploads(repo), *upload.notes(repo)]}
    assert listed == waiting == {"masukan/lembar/realisasi.xlsx", "masukan/revisi.txt"}


def test_the_push_job_pushes_nothing_outside_the_package_and_the_upload_folder(
    repo: Path, plan: dict[str, object], tmp_path: Path
) -> None:
    git(repo, "branch", "a", "main")
    head = upload_sheet(repo, "a", plan, plan["codes"][0], 10)  # type: ignore[index]
    code, report, impor = check_job(repo, head, tmp_path / "periksa")
    assert code == 0, report
    work = tmp_path / "periksa"
    (work / ".github" / "workflows" / "ci.yml").write_text("name: diganti\n", encoding="utf-8")
    tree = branch.write_patch(work, impor / "impor.patch", [*upload.PACKAGE, "masukan", ".github"])
    (impor / "pohon").write_text(tree + "\n", encoding="utf-8")
    done, message, runs = apply_job(repo, head, "a", impor, tmp_path)
    assert done == 1 and "di luar data/" in message and runs == []
    assert git(repo, "rev-parse", "a") == head


# --- the comment ---------------------------------------------------------------------------------------

#: github-script's frame around the workflow's script, with GitHub's API recorded instead of called.
COMMENT_HARNESS = """
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const script = require("fs").readFileSync(process.argv[2], "utf8");
const posted = [];
const record = async (call) => posted.push(call.body);
const github = {
  paginate: async () => [],
  rest: { issues: { listComments: null, createComment: record, updateComment: record } },
};
const context = {
  serverUrl: "https://github.invalid", repo: { owner: "o", repo: "r" }, runId: 1,
  payload: { pull_request: { number: 3 } },
};
const core = { warning: () => {} };
new AsyncFunction("require", "github", "context", "core", script)(require, github, context, core)
  .then(() => process.stdout.write(posted.join("\\n=====\\n")));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js (the runtime of github-script) is absent")
@pytest.mark.parametrize(
    ("periksa", "terapkan", "pesan", "title"),
    [
        ("success", "success", "", "### ✅ Unggahan lolos pemeriksaan dan hasil impornya tersimpan"),
        (
            "success",
            "failure",
            "Cabang a berubah.",
            "### ❌ Unggahan lolos pemeriksaan, tetapi hasil impornya",
        ),
        ("success", "failure", "", "### ❌ Unggahan lolos pemeriksaan, tetapi hasil impornya"),
        ("failure", "skipped", "", "### ❌ Unggahan belum dapat diimpor"),
    ],
)
def test_the_comment_shows_a_pass_only_when_the_check_and_the_push_both_passed(
    tmp_path: Path, periksa: str, terapkan: str, pesan: str, title: str
) -> None:
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["komentar"]["steps"]
    (tmp_path / "skrip.js").write_text(steps[-1]["with"]["script"], encoding="utf-8")
    (tmp_path / "bingkai.js").write_text(COMMENT_HARNESS, encoding="utf-8")
    (tmp_path / "laporan.md").write_text("# Laporan pemeriksaan unggahan\n\nisi laporan\n", encoding="utf-8")
    env = {
        **os.environ,
        "LAPORAN": str(tmp_path / "laporan.md"),
        "PERIKSA": periksa,
        "TERAPKAN": terapkan,
        "PESAN_TERAPKAN": pesan,
    }
    done = subprocess.run(
        ["node", str(tmp_path / "bingkai.js"), str(tmp_path / "skrip.js")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "<!-- periksa-unggahan -->" and lines[1].startswith(title)
    assert "isi laporan" in done.stdout
    if terapkan == "failure":
        assert (f"**{pesan}**" if pesan else "Langkah penyimpanan gagal") in done.stdout


def test_every_command_line_hint_in_the_code_reads_without_make_in_the_browser() -> None:
    """Each message text of the package that names a make command loses it in the report."""
    found = []
    for path in sorted((ROOT / "scripts" / "kinerja").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                text = "…".join(v.value for v in node.values if isinstance(v, ast.Constant))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
            else:
                continue
            if "'make " in text and text.count("'") % 2 == 0:
                found.append((path.name, text))
    assert len(found) >= 5, "the messages that name make commands were found"
    for name, text in found:
        assert "make " not in upload.for_browser(text), f"{name}: {text!r}"


def test_the_push_job_without_the_check_jobs_results_pushes_nothing(repo: Path, tmp_path: Path) -> None:
    head = git(repo, "rev-parse", "main")
    (tmp_path / "kosong").mkdir()
    done, message, runs = apply_job(repo, head, "main", tmp_path / "kosong", tmp_path)
    assert done == 1 and "tidak lengkap" in message and runs == []
    assert git(repo, "rev-parse", "main") == head


def test_report_shows_a_refused_revisions_changes_and_ready_anomaly_rows() -> None:
    """A revision refused for want of a reason still lists its changes; ready rows sit with the hints."""
    from kinerja.ingest.hints import HINTS_MARK, ROWS_MARK
    from kinerja.upload.report import Checked, render

    refused = Checked(
        "masukan/rkt.txt",
        report=[
            "Perubahan RKT24-K dari versi 1 ke versi 2: 1 perubahan:",
            "IK24-K03 target: '77,5%' → '80%'",
        ],
        problems=["masukan/rkt.txt: alasan dan tanggal tanda tangan revisi tidak diberikan"],
    )
    imported = Checked(
        "masukan/rkt-2025.txt",
        report=[
            "Dokumen baru RKT25-K.",
            f"{HINTS_MARK} (catat di data/anomali.csv bila memang keliru di dokumen):",
            "- IK25-K01: koma berlebih",
            f"{ROWS_MARK} di akhir data/anomali.csv:",
            "AN25-01,RKT25-K,indikator,IK25-K01,teks,ketik,x,koma berlebih,,2026-12-02",
            "Paket data sah.",
        ],
    )
    text = render([refused, imported], "pratinjau", [])
    changes = text.split("## Yang ditambah atau diubah")[1].split("## Masalah")[0]
    assert "(ditemukan, belum disimpan)" in changes and "IK24-K03 target: '77,5%' → '80%'" in changes
    assert "AN25-01" not in changes and "Paket data sah." in changes
    anomalies = text.split("## Catat sebagai anomali")[1]
    assert "IK25-K01: koma berlebih" in anomalies
    assert "AN25-01,RKT25-K,indikator" in anomalies.split("## Pratinjau")[0]
