"""The GitHub workflows: audited by zizmor, valid by schema, and on the tests' own ground.

Fast and offline. zizmor (`--offline`) and check-jsonschema (its vendored schema of
GitHub workflows) run from this venv; each has a negative control on a deliberately
bad workflow, so that a broken tool or a changed output format fails here instead of
passing quietly. The rest reads the YAML:

- every `uses:` is pinned to a full commit SHA with a version comment;
- every checkout has `persist-credentials: false`;
- every job that runs make, pip or .ci/run does so in a Debian container
  (python:*-bookworm or debian:*), marks the workspace safe for git before it,
  and holds no write permission;
- nothing is granted at workflow level, every job says what its token may do;
- no `${{ }}` in a `run:` or a github-script `script:` (values go through env);
- the upload check runs on pull_request (never pull_request_target), imports on the
  branch's head brought up to date with main, publishes its report even when the check
  fails; the job that pushes only pushes the tree the check job checked and starts CI on
  it; the comment's verdict is that of both jobs.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
EXPECTED = {"ci.yml", "pages.yml", "periksa-unggahan.yml"}
#: Console scripts of this venv (next to the interpreter running the tests, also in CI).
BIN = Path(sys.executable).parent

SHA_PIN = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?P<comment>#.*)?$")
VERSION_COMMENT = re.compile(r"^#\s*v\d+(\.\d+)*\b")
DEBIAN_IMAGE = re.compile(
    r"^(?:docker\.io/)?(?:library/)?(?:python:[\w.-]*-bookworm[\w.-]*|debian:[\w.-]+)(?:@sha256:[0-9a-f]{64})?$"
)
#: A command (at the start of a line or after ; && || then do) that runs make, pip or .ci/run;
#: `apt-get install make` is not one.
BUILDS = re.compile(
    r"(?:^|[;&|]|\bthen\b|\bdo\b)\s*(?:sudo\s+)?"
    r"(?:make|pip3?|python[\d.]*\s+-m\s+pip|(?:bash\s+)?\.?/?\.ci/run)(?![\w.-])",
    re.MULTILINE,
)

#: The four kinds of finding this issue was about, plus template injection, in one workflow.
BAD_WORKFLOW = """\
name: Buruk
on: pull_request
permissions:
  contents: read
  id-token: write
jobs:
  x:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
  y:
    runs-on: ubuntu-24.04
    steps:
      - run: echo halo
"""


def _tool(name: str) -> str:
    path = BIN / name
    assert path.exists(), f"{name} tidak ada di {BIN}: jalankan `make setup` (requirements.lock)"
    return str(path)


def _workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.y*ml"))


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: bukan workflow (YAML tingkat atas bukan mapping)"
    return data


def _triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    """The `on:` block (PyYAML reads the bare key `on` as True)."""
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on or {}


def _jobs() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path in _workflow_files():
        for job_id, job in (_load(path).get("jobs") or {}).items():
            yield path.name, job_id, job


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job.get("steps") or []


def _runs_build(job: dict[str, Any]) -> bool:
    return any(BUILDS.search(step.get("run") or "") for step in _steps(job))


def _image(job: dict[str, Any]) -> str | None:
    container = job.get("container")
    if isinstance(container, dict):
        return container.get("image")
    return container


def _zizmor(*inputs: Path | str) -> tuple[list[dict[str, Any]], set[str]]:
    """zizmor's findings (JSON) and the names of the files it says it audited."""
    proc = subprocess.run(
        [_tool("zizmor"), "--offline", "--no-config", "--no-ignores", "--no-progress"]
        + ["--color", "never", "--format", "json", *map(str, inputs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    # 0: nothing found; 10-14: findings, by their highest severity; anything else: zizmor failed.
    assert proc.returncode == 0 or 10 <= proc.returncode <= 14, (
        f"zizmor gagal (kode {proc.returncode}):\n{proc.stderr}"
    )
    findings = json.loads(proc.stdout)
    log = re.sub(r"\x1b\[[0-9;]*m", "", proc.stderr)  # colours, should a CI variable force them
    audited = {Path(m).name for m in re.findall(r"completed (\S+)", log)}
    return findings, audited


def _describe(finding: dict[str, Any]) -> str:
    where = []
    for location in finding.get("locations", []):
        path = location.get("symbolic", {}).get("key", {}).get("Local", {}).get("verbatim_path", "?")
        row = location.get("concrete", {}).get("location", {}).get("start_point", {}).get("row")
        where.append(f"{path}:{'?' if row is None else row + 1}")
    return f"{finding['ident']} ({finding['determinations']['severity']}) di {', '.join(where)}"


def test_the_three_workflows_are_there() -> None:
    assert {p.name for p in _workflow_files()} == EXPECTED


def test_zizmor_finds_nothing() -> None:
    findings, audited = _zizmor(".github/workflows")
    assert audited == EXPECTED, f"zizmor tidak mengaudit semua workflow: {sorted(audited)}"
    assert findings == [], "zizmor menemukan:\n" + "\n".join(map(_describe, findings))


def test_zizmor_catches_a_bad_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "buruk.yml"
    bad.write_text(BAD_WORKFLOW, encoding="utf-8")
    findings, audited = _zizmor(bad)
    assert audited == {"buruk.yml"}
    found = {f["ident"] for f in findings}
    missing = {"unpinned-uses", "artipacked", "template-injection", "excessive-permissions"} - found
    assert not missing, f"zizmor tidak lagi melaporkan {sorted(missing)} (ditemukan: {sorted(found)})"


def _check_jsonschema(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_workflow_matches_schema(name: str) -> None:
    proc = _check_jsonschema(WORKFLOWS / name)
    assert proc.returncode == 0, f"{name} tidak sesuai skema workflow GitHub:\n{proc.stdout}{proc.stderr}"


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps: nanti\n", encoding="utf-8")
    assert _check_jsonschema(bad).returncode != 0, "check-jsonschema menerima workflow yang rusak"


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    seen = 0
    for path in _workflow_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = USES_LINE.match(line)
            if not match or match["ref"].startswith("./"):
                continue
            seen += 1
            where = f"{path.name}:{number}: {match['ref']}"
            assert SHA_PIN.match(match["ref"]), f"{where} tidak disematkan ke SHA commit 40 hex"
            assert VERSION_COMMENT.match(match["comment"] or ""), f"{where} tanpa komentar versi (# vX.Y.Z)"
    uses = sum(1 for _, _, job in _jobs() for step in _steps(job) if "uses" in step)
    assert seen == uses > 0, f"{seen} baris uses: dibaca, {uses} langkah uses: di YAML"


def test_every_checkout_drops_its_credentials() -> None:
    checkouts = 0
    for name, job_id, job in _jobs():
        for step in _steps(job):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                checkouts += 1
                assert (step.get("with") or {}).get("persist-credentials") is False, (
                    f"{name} job {job_id}: actions/checkout tanpa persist-credentials: false"
                )
    assert checkouts >= len(EXPECTED)


def test_jobs_that_build_run_in_debian() -> None:
    building = []
    for name, job_id, job in _jobs():
        if not _runs_build(job):
            continue
        building.append((name, job_id))
        image = _image(job)
        assert image and DEBIAN_IMAGE.match(image), (
            f"{name} job {job_id} menjalankan make/pip/.ci/run di luar kontainer Debian (image: {image})"
        )
        runs = [step.get("run") or "" for step in _steps(job)]
        first_build = next(i for i, run in enumerate(runs) if BUILDS.search(run))
        assert any("safe.directory" in run for run in runs[:first_build]), (
            f"{name} job {job_id}: git safe.directory belum diatur sebelum make (tanggal commit hilang)"
        )
    assert {("ci.yml", "test"), ("pages.yml", "build"), ("periksa-unggahan.yml", "periksa")} <= set(building)


def test_ci_runs_the_projects_own_entry() -> None:
    job = _load(WORKFLOWS / "ci.yml")["jobs"]["test"]
    assert any((step.get("run") or "").strip() == "bash .ci/run" for step in _steps(job))


def test_no_write_permission_at_workflow_level() -> None:
    for path in _workflow_files():
        permissions = _load(path).get("permissions")
        assert isinstance(permissions, dict), f"{path.name}: permissions workflow harus {{}} atau hanya baca"
        writes = {scope: level for scope, level in permissions.items() if level not in ("read", "none")}
        assert not writes, f"{path.name}: izin tulis di tingkat workflow: {writes}"


def test_every_job_says_what_its_token_may_do() -> None:
    for name, job_id, job in _jobs():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict), f"{name} job {job_id}: tanpa blok permissions sendiri"
        if _runs_build(job):
            writes = [scope for scope, level in permissions.items() if level == "write"]
            assert not writes, f"{name} job {job_id} menjalankan kode proyek dengan izin tulis {writes}"


def test_no_expressions_inside_scripts() -> None:
    for name, job_id, job in _jobs():
        for step in _steps(job):
            scripts = [step.get("run") or ""]
            if str(step.get("uses", "")).startswith("actions/github-script@"):
                scripts.append((step.get("with") or {}).get("script") or "")
            for script in scripts:
                assert "${{" not in script, (
                    f"{name} job {job_id} langkah {step.get('name', step.get('uses'))!r}: "
                    "ekspresi ${{ }} di dalam skrip; lewatkan nilainya lewat env"
                )


def test_upload_check_runs_on_pull_request_and_always_reports() -> None:
    for path in _workflow_files():
        assert "pull_request_target" not in _triggers(_load(path)), f"{path.name} memakai pull_request_target"
    workflow = _load(WORKFLOWS / "periksa-unggahan.yml")
    trigger = _triggers(workflow)["pull_request"]
    assert trigger["paths"] == ["masukan/**"]
    assert "edited" in trigger["types"], "a changed description (reason, date of a revision) is checked again"
    check = workflow["jobs"]["periksa"]
    steps = _steps(check)
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["ref"] == "${{ github.event.pull_request.head.sha }}", "the head, not a merge"
    prepare = next(i for i, s in enumerate(steps) if "make prepare-upload" in (s.get("run") or ""))
    index = next(i for i, s in enumerate(steps) if "make check-upload" in (s.get("run") or ""))
    assert prepare < index, "the branch is brought up to date with main before the import"
    assert 'BASE="$dasar"' in steps[prepare]["run"] and '"$RUNNER_TEMP/impor/dasar"' in steps[prepare]["run"]
    options = (
        "REPORT=laporan.md",
        "PATCH=impor/impor.patch",
        "TREE=impor/pohon",
        "KETERANGAN=keterangan.txt",
    )
    for option in options:
        name, value = option.split("=")
        assert f'{name}="$RUNNER_TEMP/{value}"' in steps[index]["run"]
    body = [s for s in steps if "pull_request.body" in str(s.get("env", {}))]
    assert len(body) == 1 and "$KETERANGAN" in body[0]["run"], "the description reaches the script via env"
    after = steps[index + 1 :]
    assert any("GITHUB_STEP_SUMMARY" in (s.get("run") or "") for s in after)
    reports = [s for s in after if (s.get("with") or {}).get("name") != "impor"]
    assert reports and all(s.get("if") == "always()" for s in reports), "laporan harus terbit juga saat gagal"
    kept = [s for s in after if (s.get("with") or {}).get("name") == "impor"]
    assert len(kept) == 1 and "if" not in kept[0], "the import is kept only when the check passed"
    assert check["permissions"] == {"contents": "read"}
    apply = workflow["jobs"]["terapkan"]
    assert apply["needs"] == "periksa" and "needs.periksa.result == 'success'" in apply["if"]
    assert apply["permissions"] == {"contents": "write", "actions": "write"}
    assert not _runs_build(apply) and "container" not in apply, "the job that can push runs no PR code"
    script = next(s["run"] for s in _steps(apply) if "git apply" in (s.get("run") or ""))
    assert 'git apply --index "$IMPOR/impor.patch"' in script
    assert '"$(git write-tree)" != "$pohon"' in script, "only the tree the check job checked is pushed"
    assert "gh workflow run ci.yml" in script, "the bot's commit gets its checks from a dispatched CI run"
    assert "workflow_dispatch" in _triggers(_load(WORKFLOWS / "ci.yml"))
    comment = workflow["jobs"]["komentar"]
    assert comment["needs"] == ["periksa", "terapkan"], "the comment tells the result of both jobs"
    assert "cancelled()" in comment["if"] or "always()" in comment["if"]
    assert comment["permissions"] == {"pull-requests": "write"}
    assert not _runs_build(comment) and "container" not in comment
    script = _steps(comment)[-1]["with"]["script"]
    assert 'periksa === "success" && terapkan === "success"' in script and script.count("✅") == 1
