"""Replacing a folder or a file in one step, so that readers see the old version or the new one, never half.

Used by the build (site/) and the importer (data/): the new version is
written into a temporary sibling folder and swapped in with renameat2
RENAME_EXCHANGE (Linux), or with two renames where that is unsupported.
A single file is written beside its place and renamed over it (`replace_file`).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import BuildError

#: Suffix of a file being written beside its place (`.<name>.baru`), before it is renamed over it.
PARTIAL = ".baru"


def partial(path: Path) -> Path:
    """Where `path`'s next version is written before it replaces it: a hidden sibling."""
    return path.with_name(f".{path.name}{PARTIAL}")


def replace_file(path: Path, data: bytes) -> None:
    """Make `path` hold `data` in one step: written beside it, then renamed over it. A crash leaves the
    old file (and hard links of it, as the published site and the build cache hold, keep their bytes)."""
    temporary = partial(path)
    temporary.write_bytes(data)
    os.replace(temporary, path)


def os_message(error: OSError, where: Path) -> str:
    """An operating-system error in one Indonesian line that says what to do."""
    if error.errno == errno.ENOSPC:
        return f"disk penuh saat menulis ke {where}. Kosongkan ruang disk lalu ulangi 'make site'."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"tidak boleh menulis ke {error.filename or where}. Periksa izin folder itu "
            "(misalnya 'chmod u+w') lalu ulangi."
        )
    return f"{error.strerror} ({error.filename or where})."


def exchange(a: Path, b: Path) -> bool:
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
    """Replace output/ by built/ in one step; the old version is removed only afterwards."""
    if output.exists():
        if not exchange(built, output):
            old = output.with_name(output.name + ".lama")
            shutil.rmtree(old, ignore_errors=True)
            output.rename(old)
            built.rename(output)
            built = old
        shutil.rmtree(built, ignore_errors=True)
    else:
        built.rename(output)


def fresh_folder(parent: Path, prefix: str) -> Path:
    """A new empty folder `parent/<prefix>…`, after removing the ones with that prefix a killed process left.

    An OSError is the caller's to tell (where it happened differs).
    """
    for stale in parent.glob(f"{prefix}*"):
        shutil.rmtree(stale, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))


@contextmanager
def staging(output: Path) -> Iterator[Path]:
    """A fresh temporary folder beside output/, removed again if anything inside the block fails.

    Folders left by a process that was killed are removed first. An OSError
    (disk full, no permission) becomes a BuildError in one line.
    """
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        folder = fresh_folder(output.parent, f".{output.name}-baru-")
        folder.chmod(0o755)
    except OSError as error:
        raise BuildError(os_message(error, output.parent)) from error
    try:
        yield folder
    except OSError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise BuildError(os_message(error, output)) from error
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
