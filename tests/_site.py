"""Shared fixtures for tests that build: the real site built once from a copy, served on 127.0.0.1.

Registered in conftest.py through `pytest_plugins`. Every build runs the same
step as `make site` (`python -m kinerja build`) on a copy of the project
in a temporary folder, never on the checkout's own content/.

Steps run in this process (`run_kinerja`: the command line's `cli.main`), which
spares the start of a Python process per step; the environment a step needs is
given to it explicitly and put back afterwards. tests/test_build.py still kills
a real `python -m kinerja build` process, and tests/test_import_errors.py runs
the real command line, so the module entry point stays tested end to end.

The unchanged project is built once per test session (`built_site`), shared by
every pytest-xdist worker; tests that change the project build their own copy.

Tests that build use the `builder` fixture (or `built_site`/`site_url`), which
puts them in the `site` tier (see conftest.py).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest

from conftest import FIXTURE
from kinerja import cli, paths
from kinerja.clock import DEFAULT_EPOCH
from kinerja.paths import GENERATED

ROOT = Path(__file__).resolve().parents[1]
#: The parts of the project the build reads: the package from the frozen fixture, the rest from the checkout.
PACKAGE_PARTS = ("datapackage.json", "data")
PROJECT_PARTS = ("content", "overrides", "scripts", "main.py", "mkdocs.yml")


def copy_project(destination: Path) -> Path:
    """A copy of everything the build reads, without generated files, for tests that change it.

    The package (datapackage.json, data/) is the frozen one of tests/fixtures/paket/ (conftest.FIXTURE),
    never the checkout's live data/; content, templates, code and configuration are the checkout's.
    """
    destination.mkdir(parents=True, exist_ok=True)
    for part in PACKAGE_PARTS + PROJECT_PARTS:
        source = (FIXTURE if part in PACKAGE_PARTS else ROOT) / part
        if source.is_dir():
            ignore = ("__pycache__", *GENERATED) if part == "content" else ("__pycache__",)
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns(*ignore))
        else:
            shutil.copy2(source, destination / part)
    return destination


def run_kinerja(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m kinerja --root project ARGS` in this process; its exit code, stdout and stderr.

    The step sees the environment a `make` step in the copy would: the copy's scripts/ on
    PYTHONPATH (for the site engine's own process), a fixed SOURCE_DATE_EPOCH, and `env`; the
    environment is restored afterwards. The code that runs is the checkout's, which the copy's
    scripts/ is a copy of. Relative paths in `args` are the caller's to resolve (the project
    folder is `--root`, and `build --output` is relative to it). Any exception other than the
    command line's own exit is a bug and fails the test, as a traceback would.
    """
    command = [sys.executable, "-m", "kinerja", "--root", str(project), *args]
    values = {"PYTHONPATH": str(project / "scripts"), "SOURCE_DATE_EPOCH": str(DEFAULT_EPOCH), **env}
    out, err = io.StringIO(), io.StringIO()
    redirect = contextlib.redirect_stdout(out), contextlib.redirect_stderr(err)
    with mock.patch.dict(os.environ, values), redirect[0], redirect[1]:
        try:
            code = cli.main(command[3:])
        except SystemExit as exit:  # argparse's usage errors
            code = exit.code if isinstance(exit.code, int) else 1
    return subprocess.CompletedProcess(command, code, out.getvalue(), err.getvalue())


def copy_upload_folder(project: Path) -> Path:
    """The checkout's masukan/ as git has it (its README), into `project`: never a maintainer's own files.

    `make template` writes filled-in sheets to masukan/lembar/ (git-ignored), and a maintainer may
    leave them there; a test repository built from the checkout must not pick them up as uploads.
    """
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "--", paths.UPLOADS], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split("\0")
    for name in filter(None, tracked):
        target = project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    return project / paths.UPLOADS


class Builder:
    """Runs `python -m kinerja …` steps on a project copy, as `make` does, with a fixed build date."""

    def env(self, project: Path, **extra: str) -> dict[str, str]:
        """The environment of a step run as its own process: the copy's scripts, a fixed SOURCE_DATE_EPOCH."""
        return {
            **os.environ,
            "PYTHONPATH": str(project / "scripts"),
            "SOURCE_DATE_EPOCH": str(DEFAULT_EPOCH),
            **extra,
        }

    def command(self, project: Path, *args: str, **env: str) -> list[str]:
        """The command line of one step for a project copy (for a test that needs a real process)."""
        return [sys.executable, "-m", "kinerja", "--root", str(project), *args]

    def run(self, project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        """Run one step (validate, build, import …) in this process and return its result."""
        return run_kinerja(project, *args, **env)

    def build(self, project: Path, output: Path, **env: str) -> subprocess.CompletedProcess[str]:
        """Run `python -m kinerja build` for a project copy into output/."""
        return self.run(project, "build", "--output", str(output), **env)


def session_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary folder of this test session shared by its pytest-xdist workers.

    Each worker's base folder lies inside the session's own (pytest-N/popen-gwK), so the
    parent is shared by the workers and by no other session.
    """
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file `path` (created if missing) for the block."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def builder() -> Builder:
    """Runs build steps on project copies (puts the test in the `site` tier)."""
    return Builder()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, builder: Builder) -> Path:
    """The site built by the real pipeline from a copy of the repository's project (read only).

    Built once per session, under a lock, by whichever xdist worker asks first; the others
    wait and read the same folder. Its project (the site's parent) holds the generated content/.
    A test that changes the project or the site copies it or builds its own.
    """
    folder = session_folder(tmp_path_factory) / "situs-bersama"
    folder.mkdir(exist_ok=True)
    output = folder / "p" / "site"
    with locked(folder / "kunci"):
        if not (folder / "selesai").exists():
            shutil.rmtree(folder / "p", ignore_errors=True)
            project = copy_project(folder / "p")
            result = builder.build(project, output)
            assert result.returncode == 0, result.stderr + result.stdout
            (folder / "selesai").touch()
    return output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from stdlib
        pass


_QuietHandler.extensions_map = {
    **http.server.SimpleHTTPRequestHandler.extensions_map,
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".zip": "application/zip",
    ".txt": "text/plain",
    ".xml": "application/xml",
    ".js": "text/javascript",
}


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL (ending in '/') of the built site served on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
