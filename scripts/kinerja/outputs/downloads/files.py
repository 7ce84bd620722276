"""The published files as a list a reader can trust: path, title, format, size and SHA-256.

Every download and API file is written through `Output`, which records it;
the records become berkas/manifest.json, api/v1/manifest.json and SHA256SUMS,
and are checked against the built site after MkDocs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ... import model
from .. import formats
from ..writer import ContentWriter


def source_format(path: str) -> str:
    """The format of a source document by its suffix: DOCX for Word, PDF, TXT for a text export."""
    for found in formats.originals():
        if path.lower().endswith(found.suffix):
            return found.name
    return "TXT"


def source_title(path: str) -> str:
    """How a source document is named in the list of downloads."""
    for found in formats.originals():
        if path.lower().endswith(found.suffix):
            return f"Dokumen sumber resmi, berkas {found.label} apa adanya ({found.name})"
        if path.lower().endswith(found.suffix + ".txt"):
            return f"Bentuk teks dokumen {found.label} sumber, dibuat importir (TXT)"
    return "Teks sumber dokumen resmi (TXT)"


@dataclass(frozen=True)
class DownloadFile:
    """One published file with what a reader needs to trust it: size and SHA-256."""

    path: str
    title: str
    format: str
    mediatype: str
    size: int
    sha256: str
    resource: str


def sha256(data: bytes) -> str:
    """The hex SHA-256 of some bytes."""
    return hashlib.sha256(data).hexdigest()


def json_bytes(value: object) -> bytes:
    """JSON as every published download writes it: UTF-8, indented by two, one final newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def compact_json_bytes(value: object) -> bytes:
    """JSON as the API (api/v1/) writes it: UTF-8, no space between items, one final newline.

    Programs read the API; the indentation of json_bytes added 12–25 % to each of its files, one
    per row (35.000 at 553 offices; docs/keputusan.md). Same keys and values: only the spacing differs.
    """
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class Output:
    """Writes files under content/ and records each as a DownloadFile, in call order."""

    def __init__(self, content: Path, writer: ContentWriter | None = None) -> None:
        self.content = content
        self.writer = writer or ContentWriter()
        self.files: list[DownloadFile] = []

    def record(
        self, path: str, data: bytes, title: str, format: str, resource: str = "", mediatype: str = ""
    ) -> None:
        """List a file without writing it under content/ (publish.finish_site publishes it)."""
        mediatype = mediatype or formats.get(format).mediatype
        self.files.append(DownloadFile(path, title, format, mediatype, len(data), sha256(data), resource))

    def put(
        self, path: str, data: bytes, title: str, format: str, resource: str = "", mediatype: str = ""
    ) -> None:
        """Write a file under content/ and list it."""
        self.writer.write(self.content / path, data)
        self.record(path, data, title, format, resource, mediatype)


def package_files(package: model.Package) -> dict[str, bytes]:
    """The package's own files by POSIX path: datapackage.json, every resource, the listed sources.

    Only the source documents that datapackage.json lists are published: a file
    left in data/sumber/ by hand (or by an import that was refused) is not part
    of the package.
    """
    paths = ["datapackage.json", *(t.path for t in package.tables.values())]
    sources = [s["path"] for s in package.sources if "://" not in s.get("path", "://")]
    for path in sorted(set(sources)):
        if path not in paths and package.files.exists(path):
            paths.append(path)
    return {path: package.files.read(path) or b"" for path in paths}
