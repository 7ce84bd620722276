"""Shared session fixtures: the real site built once, and served on 127.0.0.1.

Registered in conftest.py through `pytest_plugins`. Every test of built HTML,
downloads or the browser uses the same build, made by the same command as
`make site` (`python -m kinerja build`), into a temporary folder.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the repository's package by the real pipeline."""
    output = tmp_path_factory.mktemp("situs") / "site"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    result = subprocess.run(
        [sys.executable, "-m", "kinerja", "build", "--output", str(output)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
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


PROJECT_PARTS = ("datapackage.json", "data", "content", "overrides", "scripts", "main.py", "mkdocs.yml")
GENERATED = ("content/kinerja", "content/api", "content/berkas")


def copy_project(destination: Path) -> Path:
    """A copy of everything the build reads, without generated files, for tests that change it."""
    import shutil

    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source,
                destination / part,
                ignore=shutil.ignore_patterns("__pycache__", "kinerja", "api", "berkas")
                if part == "content"
                else shutil.ignore_patterns("__pycache__"),
            )
        else:
            shutil.copy2(source, destination / part)
    return destination


def run_build(project: Path, output: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m kinerja build` for a project copy, as `make site` does."""
    return subprocess.run(
        [sys.executable, "-m", "kinerja", "--root", str(project), "build", "--output", str(output)],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project / "scripts"), **env},
        capture_output=True,
        text=True,
    )
