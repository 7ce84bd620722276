"""Run the pipeline and publish site/ atomically.

validate → model → pages and downloads (written under content/) → MkDocs into
a temporary folder → swap with site/ in one step. A failure at any point, or
a process killed mid-way, leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import harden, model
from .problems import ValidationFailed
from .validate import validate

#: Folders under content/ that the generator owns (ignored by git).
GENERATED = ("kinerja", "api", "berkas")


class BuildError(Exception):
    """A failure of the build itself (tool, disk, permissions), told in one line."""


def source_date_epoch(root: Path) -> int:
    """The build's timestamp: SOURCE_DATE_EPOCH, else the last commit, else the data's date.

    Never the clock, so that two builds of one commit are byte-identical.
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        if out:
            return int(out)
    except (OSError, subprocess.CalledProcessError):
        pass
    return 1709251200  # 2024-03-01, the date the documents were signed


def data_changed_epoch(root: Path) -> int:
    """When the data last changed: the last commit touching data/ or datapackage.json."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "data", "datapackage.json"],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        if out:
            return int(out)
    except (OSError, subprocess.CalledProcessError):
        pass
    return source_date_epoch(root)


def load_valid(root: Path) -> model.Package:
    """The package as a model, or ValidationFailed listing every problem."""
    problems = validate(root)
    if problems:
        raise ValidationFailed(problems)
    return model.load(root)


def generate(root: Path, package: model.Package | None = None) -> model.Package:
    """Write every generated page and download under content/, from one validated package."""
    from . import downloads, pages

    package = package or load_valid(root)
    content = root / "content"
    try:
        for name in GENERATED:
            shutil.rmtree(content / name, ignore_errors=True)
        changed = data_changed_epoch(root)
        downloads.write_all(package, content, changed)
        pages.write_all(package, content, changed)
    except OSError as error:
        raise BuildError(_os_message(error, content)) from error
    return package


def _os_message(error: OSError, where: Path) -> str:
    if error.errno == errno.ENOSPC:
        return f"disk penuh saat menulis ke {where}. Kosongkan ruang disk lalu ulangi 'make site'."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"tidak boleh menulis ke {error.filename or where}. Periksa izin folder itu "
            "(misalnya 'chmod u+w') lalu ulangi."
        )
    return f"{error.strerror} ({error.filename or where})."


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result != 0:
        code = ctypes.get_errno()
        if code in (errno.ENOSYS, errno.EINVAL):
            return False
        raise OSError(code, os.strerror(code), str(b))
    return True


def publish(built: Path, output: Path) -> None:
    """Replace output/ by built/ in one step; the old site is removed only afterwards."""
    if output.exists():
        if not _exchange(built, output):
            old = output.with_name(output.name + ".lama")
            shutil.rmtree(old, ignore_errors=True)
            output.rename(old)
            built.rename(output)
            built = old
        shutil.rmtree(built, ignore_errors=True)
    else:
        built.rename(output)


def mkdocs_build(root: Path, destination: Path, epoch: int) -> None:
    """Run `mkdocs build --strict` into destination; a failure becomes BuildError."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(destination)]
    try:
        result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BuildError(
            f"program '{command[0]}' tidak ditemukan. Jalankan 'make site' agar lingkungan dipasang."
        ) from error
    if result.returncode != 0:
        if "No module named mkdocs" in result.stderr:
            raise BuildError("MkDocs belum terpasang. Jalankan 'make site' agar lingkungan dipasang.")
        raise BuildError("MkDocs gagal membangun situs:\n" + (result.stderr or result.stdout).strip())


def build(root: Path, output: Path) -> None:
    """The whole pipeline; publishes output/ only when every step succeeded."""
    output = output if output.is_absolute() else root / output
    package = load_valid(root)
    generate(root, package)
    epoch = source_date_epoch(root)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        for stale in output.parent.glob(f".{output.name}-baru-*"):
            shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-baru-", dir=output.parent))
        staging.chmod(0o755)
    except OSError as error:
        raise BuildError(_os_message(error, output.parent)) from error
    try:
        mkdocs_build(root, staging, epoch)
        from . import downloads, search

        search.augment_index(staging, package.rows.get("glosarium", []))

        downloads.finish_site(package, staging, epoch)
        harden.harden_site(staging)
        publish(staging, output)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(_os_message(error, output)) from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
