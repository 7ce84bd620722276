"""Shared fixtures for tests that build: the real site built once from a copy, served on 127.0.0.1.

Registered in conftest.py through `pytest_plugins`. Every build runs the same
command as `make site` (`python -m kinerja build`) on a copy of the project
in a temporary folder, never on the checkout's own content/.

Tests that build use the `builder` fixture (or `built_site`/`site_url`), which
puts them in the `site` tier (see conftest.py).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FIXTURE
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


class Builder:
    """Runs `python -m kinerja …` on a project copy, as `make` does, with a fixed build date."""

    def env(self, project: Path, **extra: str) -> dict[str, str]:
        """The environment of a step: the copy's own scripts, a fixed SOURCE_DATE_EPOCH."""
        return {
            **os.environ,
            "PYTHONPATH": str(project / "scripts"),
            "SOURCE_DATE_EPOCH": str(DEFAULT_EPOCH),
            **extra,
        }

    def command(self, project: Path, *args: str, **env: str) -> list[str]:
        """The command line of one step for a project copy."""
        return [sys.executable, "-m", "kinerja", "--root", str(project), *args]

    def run(self, project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        """Run one step (validate, build, import …) and return its result."""
        return subprocess.run(
            self.command(project, *args),
            cwd=project,
            env=self.env(project, **env),
            capture_output=True,
            text=True,
        )

    def build(self, project: Path, output: Path, **env: str) -> subprocess.CompletedProcess[str]:
        """Run `python -m kinerja build` for a project copy into output/."""
        return self.run(project, "build", "--output", str(output), **env)


@pytest.fixture(scope="session")
def builder() -> Builder:
    """Runs build steps on project copies (puts the test in the `site` tier)."""
    return Builder()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, builder: Builder) -> Path:
    """The site built by the real pipeline from a copy of the repository's project."""
    project = copy_project(tmp_path_factory.mktemp("proyek-situs") / "p")
    output = project / "site"
    result = builder.build(project, output)
    assert result.returncode == 0, result.stderr + result.stdout
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
