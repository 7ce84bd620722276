"""Every format of a published file, in one place: its name, media type and whether catalogues list it.

The lists of downloads (berkas/manifest.json, api/v1/manifest.json), the
DCAT catalogue and the schema.org Dataset all read a file's format from
here, so a format added here is known to all of them at once. A format that
is missing is a clear build error, never a file left out in silence.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import BuildError


@dataclass(frozen=True)
class Format:
    """A file format as the lists of downloads name it."""

    name: str
    """How the lists of downloads and DCAT's dct:format name it: CSV, XLSX."""
    mediatype: str
    """Its IANA media type."""
    catalogued: bool = False
    """Whether a download of this format under berkas/ is a way to get the dataset, announced as a
    distribution in the DCAT catalogue and the schema.org Dataset (checksums, feeds and the source
    documents are not)."""
    file_type: str = ""
    """Its code in the EU Publications Office file-type authority, which DCAT-AP's dct:format names
    (http://publications.europa.eu/resource/authority/file-type/CSV); empty when it has none: the
    catalogue then gives no dct:format rather than a guessed one."""
    suffix: str = ""
    """For a source document kept as received: its file suffix (.docx)."""
    label: str = ""
    """For a source document kept as received: how the list of downloads names the kind (Word)."""


#: The formats, by name. A new format is one line here.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("ZIP", "application/zip", catalogued=True, file_type="ZIP"),
        Format("CSV", "text/csv", catalogued=True, file_type="CSV"),
        Format("JSON", "application/json", catalogued=True, file_type="JSON"),
        Format(
            "XLSX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            catalogued=True,
            file_type="XLSX",
        ),
        Format("TXT", "text/plain", file_type="TXT"),
        Format(
            "DOCX",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            file_type="DOCX",
            suffix=".docx",
            label="Word",
        ),
        Format("PDF", "application/pdf", file_type="PDF", suffix=".pdf", label="PDF"),
        Format("ATOM", "application/atom+xml", file_type="ATOM"),
        Format("SQLite", "application/vnd.sqlite3", catalogued=True),
        Format("YAML", "application/yaml"),
    )
}

#: The media type of a JSON-LD file (the DCAT catalogue), which the lists of downloads call JSON.
JSON_LD = "application/ld+json"


def get(name: str) -> Format:
    """The format called `name`, or BuildError saying where to add it."""
    try:
        return FORMATS[name]
    except KeyError:
        raise BuildError(
            f"format berkas '{name}' belum dikenal. Tambahkan satu baris untuknya (jenis media, dan apakah "
            "katalog DCAT mengumumkannya) di FORMATS, scripts/kinerja/outputs/formats.py."
        ) from None


def catalogued() -> set[str]:
    """The names of the formats that DCAT and the schema.org Dataset announce."""
    return {f.name for f in FORMATS.values() if f.catalogued}


def originals() -> list[Format]:
    """The formats of source documents kept as received (by suffix), in the order above."""
    return [f for f in FORMATS.values() if f.suffix]
