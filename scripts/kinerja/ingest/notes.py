"""The importer's own readings of the layout, written down as notes of category `tafsiran`.

Reading an empty program or sasaran cell as merged with the one above, or joining a
row continued on the next page, is an interpretation (kinerja.domain.layout). The
importer records each one it makes in data/anomali.csv, as it gives each new
indicator a direction marked `tafsiran` in data/polaritas.csv, so that a new year
is valid as imported and a person can review every reading in one place.
"""

from __future__ import annotations

from datetime import date

from ..datapackage import DataPackage
from ..domain import ids, layout


def add_layout_notes(package: DataPackage, dokumen_ids: set[str], recorded: date) -> list[str]:
    """Add a `tafsiran` note for every layout reading of the documents `dokumen_ids` that has none.

    `recorded` is the day of the import (the notes' `dicatat`). Returns the report's lines: how many
    notes were written and under which codes.
    """
    resource = next((r for r in package.descriptor["resources"] if r["name"] == "anomali"), None)
    path = package.paths.get("anomali")
    if resource is None or path is None or not package.exists(path):
        return []
    fields = [f["name"] for f in resource["schema"]["fields"]]
    notes = package.rows_at(path) or []
    known = {(n["rujukan_id"], n["kolom"]) for n in notes if n["kategori"] == "tafsiran"}
    dokumen = {d["id"]: d for d in package.rows("dokumen") if d["id"] in dokumen_ids}
    added: list[dict[str, str]] = []
    for row in package.rows("indikator"):
        doc = dokumen.get(row["dokumen_id"])
        rel = layout.text_form(package.root, doc["sumber"]) if doc else None
        if doc is None or rel is None:
            continue
        lines = package.text(rel).split("\n")
        for reading in layout.readings(row, len(doc["kolom_dicetak"].split(" | ")), lines):
            if (reading.indikator_id, reading.column) in known:
                continue
            note = {name: "" for name in fields}
            note.update(
                id=_next_code(doc["id"], notes + added),
                dokumen_id=doc["id"],
                tabel="indikator",
                rujukan_id=reading.indikator_id,
                kolom=reading.column,
                kategori="tafsiran",
                uraian=reading.uraian(),
                dampak=reading.dampak(),
                dicatat=recorded.isoformat(),
            )
            added.append(note)
    if not added:
        return []
    package.write_rows(path, fields, notes + added)
    codes = f"{added[0]['id']}–{added[-1]['id']}" if len(added) > 1 else added[0]["id"]
    return [
        f"{len(added)} catatan tafsiran tata letak (sel gabungan, baris yang pindah halaman) ditulis ke "
        f"{path} ({codes}); periksa uraiannya dan ubah bila dokumen menyatakan lain."
    ]


def _next_code(dokumen_id: str, notes: list[dict[str, str]]) -> str:
    """The next anomaly code of the document's year and office: AN25-01 after none, AN24-49 after AN24-48."""
    parsed = ids.parse(dokumen_id)
    assert parsed is not None, dokumen_id  # the importer made this code
    own = (parsed.dokumen.yy, parsed.dokumen.kantor)
    numbers = [
        p.number or 0
        for n in notes
        if (p := ids.parse(n["id"])) is not None and (p.dokumen.yy, p.dokumen.kantor) == own
    ]
    return parsed.dokumen.anomali(max(numbers, default=0) + 1)
