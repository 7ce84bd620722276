"""Versions of a document during its year: archived rows and a readable list of changes.

The current CSVs always hold the latest version. When a revision is imported,
the rows the document had until then are kept under data/arsip/<dokumen>/v<n>/
(the same CSV columns), and revisi.csv gains a row for the new version, so
older versions stay readable at their own URL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

ARCHIVED = ("program", "program_kode", "sasaran", "indikator")
#: The folder of the older versions' rows, one subfolder per document and version.
ARCHIVE = "data/arsip"
#: The kinds of row an anomaly can point at (anomali.tabel).
KINDS = ("dokumen", "program", "sasaran", "indikator")


@dataclass(frozen=True)
class Change:
    """One difference between two versions, told for people."""

    jenis: str  # ditambah | dihapus | teks | target
    kode: str
    uraian: str


def archive_folder(dokumen_id: str, versi: int) -> str:
    """Where the rows of one older version are kept, as a package path: data/arsip/RKT24-S/v1."""
    return f"{ARCHIVE}/{dokumen_id}/v{versi}"


def write_archive(
    package: RowWriter, dokumen_id: str, versi: int, rows: dict[str, list[dict[str, str]]]
) -> None:
    """Keep the rows a document had in version `versi`, written through the package."""
    folder = archive_folder(dokumen_id, versi)
    for name in ARCHIVED:
        fields = list(rows[name][0]) if rows[name] else []
        package.write_rows(f"{folder}/{name}.csv", fields, rows[name])


class RowReader(Protocol):
    """What reads the package's CSV files (kinerja.datapackage.DataPackage), as this module needs it."""

    def rows_at(self, rel: str) -> list[dict[str, str]] | None:
        """The rows of the CSV file at package path `rel`, or None when there is none."""


class RowWriter(Protocol):
    """What writes the package's CSV files (kinerja.datapackage.DataPackage), as this module needs it."""

    def write_rows(self, rel: str, fieldnames: Sequence[str], rows: Iterable[dict[str, str]]) -> None:
        """Write a CSV file at package path `rel` in the package dialect."""


def read_archive(package: RowReader, dokumen_id: str, versi: int) -> dict[str, list[dict[str, str]]]:
    """The rows of an older version, as written by write_archive, read through the package."""
    folder = archive_folder(dokumen_id, versi)
    return {name: package.rows_at(f"{folder}/{name}.csv") or [] for name in ARCHIVED}


def changes(old: list[dict[str, str]], new: list[dict[str, str]]) -> list[Change]:
    """What changed in the indicators between two versions, matched by identifier."""
    before = {row["id"]: row for row in old}
    after = {row["id"]: row for row in new}
    found: list[Change] = []
    for identifier, row in after.items():
        if identifier not in before:
            found.append(
                Change(
                    "ditambah",
                    identifier,
                    f"Indikator baru: «{row['teks']}», target {row['target_dicetak']}.",
                )
            )
            continue
        previous = before[identifier]
        if previous["teks"] != row["teks"]:
            found.append(
                Change("teks", identifier, f"Teks berubah dari «{previous['teks']}» menjadi «{row['teks']}».")
            )
        if previous["target_dicetak"] != row["target_dicetak"]:
            found.append(
                Change(
                    "target",
                    identifier,
                    f"Target berubah dari {previous['target_dicetak']} menjadi {row['target_dicetak']}.",
                )
            )
    for identifier, row in before.items():
        if identifier not in after:
            found.append(Change("dihapus", identifier, f"Indikator dihapus: «{row['teks']}»."))
    return found
