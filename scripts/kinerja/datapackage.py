"""The data package as files: datapackage.json and every file it names, each read from disk once.

One `DataPackage` is handed from step to step (validation's four layers, the
model, the importer, the downloads), so that a build reads `data/indikator.csv`
once instead of once per layer. Every resource path comes from datapackage.json
(`paths`); nothing else spells `data/<name>.csv`.

Files are read lazily, on first use, and kept as bytes; CSV rows are parsed once
per file. Nothing is read until asked for, so validation can refuse a path
outside data/ before any byte of it is opened. A package can also be built in
memory: `DataPackage(root, changed={"data/indikator.csv": b"..."})` reads the
changed files from the mapping (None = the file is missing) and the rest from
`root` (the tests validate broken packages this way, without copying them).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from . import csvio

#: The descriptor, at the root of the package folder.
DESCRIPTOR = "datapackage.json"
#: The folder every resource and source file lives in.
DATA = "data"


class DataPackage:
    """datapackage.json and the files it names (resources, source texts, archives), read once.

    `root` is the package folder (a project or a temporary copy); `changed` maps
    package paths (POSIX, relative to root) to bytes that replace the file on
    disk, or to None for a file that is missing.
    """

    def __init__(self, root: Path, changed: Mapping[str, bytes | None] | None = None) -> None:
        self.root = root
        self._bytes: dict[str, bytes | None] = dict(changed or {})
        self._rows: dict[str, list[dict[str, str]]] = {}
        self._descriptor: dict | None = None

    def read(self, rel: str) -> bytes | None:
        """The bytes of the file at package path `rel`, or None when it is not a file.

        Only datapackage.json and files inside data/ are ever read: any other path (absolute,
        leaving data/, a symlink pointing out) reads as missing. Validation names such a path
        (validate.descriptor.safe_path) before anything asks for it.
        """
        if rel not in self._bytes:
            path = self._inside(rel)
            self._bytes[rel] = path.read_bytes() if path is not None and path.is_file() else None
        return self._bytes[rel]

    def exists(self, rel: str) -> bool:
        """Whether the file at package path `rel` exists (in memory or on disk)."""
        if rel in self._bytes:
            return self._bytes[rel] is not None
        path = self._inside(rel)
        return path is not None and path.is_file()

    def _inside(self, rel: str) -> Path | None:
        """The file of a package path on disk, or None when it lies outside data/."""
        if rel == DESCRIPTOR:
            return self.root / rel
        path = (self.root / rel).resolve()
        return path if path.is_relative_to((self.root / DATA).resolve()) else None

    def text(self, rel: str) -> str:
        """A text file (a source document's text form) as text; undecodable bytes become U+FFFD."""
        return (self.read(rel) or b"").decode("utf-8", errors="replace")

    def rows_at(self, rel: str) -> list[dict[str, str]] | None:
        """The rows of a CSV file in the package dialect (strict UTF-8), or None when it is missing.

        Parsed once per file; callers share the list and must not change it.
        """
        if rel not in self._rows:
            data = self.read(rel)
            if data is None:
                return None
            self._rows[rel] = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
        return self._rows[rel]

    @property
    def descriptor(self) -> dict:
        """datapackage.json parsed; {} when it is missing or no JSON object (validation says why)."""
        if self._descriptor is None:
            try:
                found = json.loads((self.read(DESCRIPTOR) or b"{}").decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                found = {}
            self._descriptor = found if isinstance(found, dict) else {}
        return self._descriptor

    @property
    def paths(self) -> dict[str, str]:
        """Resource name → path, as datapackage.json declares them (the only source of these paths)."""
        resources = self.descriptor.get("resources")
        return {
            r["name"]: r["path"]
            for r in (resources if isinstance(resources, list) else [])
            if isinstance(r, dict) and isinstance(r.get("name"), str) and isinstance(r.get("path"), str)
        }

    def path(self, name: str) -> str:
        """The path of resource `name` (data/indikator.csv for 'indikator')."""
        return self.paths[name]

    def rows(self, name: str) -> list[dict[str, str]]:
        """The rows of resource `name`; [] when the package has no such resource or file."""
        rel = self.paths.get(name)
        return (self.rows_at(rel) or []) if rel else []

    def files_under(self, folder: str, suffix: str = ".csv") -> list[str]:
        """The package paths of the files directly in `folder` ending with `suffix`, sorted."""
        found = {f"{folder}/{p.name}" for p in (self.root / folder).glob(f"*{suffix}") if p.is_file()}
        for rel, data in self._bytes.items():
            if rel.rpartition("/")[0] == folder and rel.endswith(suffix):
                (found.add if data is not None else found.discard)(rel)
        return sorted(found)

    def write(self, rel: str, data: bytes) -> None:
        """Write a file of the package folder (an import into a copy) and keep its new bytes."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self._bytes[rel] = data
        self._rows.pop(rel, None)
        if rel == DESCRIPTOR:
            self._descriptor = None

    def write_rows(self, rel: str, fieldnames: Sequence[str], rows: Iterable[dict[str, str]]) -> None:
        """Write a CSV file of the package in the package dialect (csvio)."""
        self.write(rel, csvio.to_text(fieldnames, rows).encode("utf-8"))


def of(package: DataPackage | Path) -> DataPackage:
    """`package` itself, or the package in the folder `package` (read lazily, once)."""
    return package if isinstance(package, DataPackage) else DataPackage(package)
