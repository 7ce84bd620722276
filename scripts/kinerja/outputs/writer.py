"""Writing the generated files under content/: a file that already holds the same bytes is left alone.

Every build renders all of content/ again, but after one office's change almost every file comes out
the same. Creating a file costs the build machines' disks about thirty times what reading one does
(measured: 10,000 files of 3 KB created in 4.6 s, read and compared in 0.16 s), and a build used to
remove the folders it owns before writing them all again (at 100 offices, after one office's change,
generation took 37-53 s that way and 24-25 s this way; docs/benchmarks.md).

A changed file is replaced (written beside it, then renamed over it), never rewritten in place: the
published site and the build cache hold hard links of these files (outputs/tembolok.py), and they
must keep their bytes until the new site is published. Files of an earlier generation that this one
did not write are removed at the end (`remove_others`), so content/ holds exactly what one clean
generation writes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .. import atomic


class ContentWriter:
    """Writes files under content/ and remembers them, so that the files not written can be removed."""

    def __init__(self) -> None:
        self.written: set[Path] = set()
        self._folders: set[Path] = set()

    def write(self, path: Path, data: bytes) -> None:
        """Make `path` hold `data`: untouched when it already does, else replaced in one step."""
        self.written.add(path)
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                return
        except OSError:
            pass  # missing (or unreadable): written below
        folder = path.parent
        if folder not in self._folders:
            folder.mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)
        atomic.replace_file(path, data)  # a partial file a crash leaves is removed with the leftovers

    def write_text(self, path: Path, text: str) -> None:
        """Write UTF-8 text as given (LF line ends stay LF on every system)."""
        self.write(path, text.encode("utf-8"))

    def remove_others(self, folders: Iterable[Path]) -> None:
        """Remove every file under `folders` that was not written, then the folders left empty."""
        # Compared as text: one path object per file cost some 20 s at national scale (180,000 files).
        written = {os.fspath(path) for path in self.written}
        for top in folders:
            for folder, dirs, files in os.walk(top, topdown=False):
                for name in files:
                    path = os.path.join(folder, name)
                    if path not in written:
                        os.unlink(path)
                for name in dirs:
                    path = os.path.join(folder, name)
                    with os.scandir(path) as entries:
                        empty = next(entries, None) is None
                    if empty:
                        os.rmdir(path)
