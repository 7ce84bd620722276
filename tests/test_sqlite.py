"""The SQLite download: every resource a typed table with its keys, codes as text, ready for Datasette."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE
from kinerja import csvio, model
from kinerja.errors import BuildError
from kinerja.outputs import registry
from kinerja.outputs.downloads import sqlite
from kinerja.outputs.downloads.files import sha256

EPOCH = 1709251200
BASE = "https://contoh.test/rkt/"
DATABASE = "berkas/rkt-2024-kpu-kaltim.sqlite"
METADATA = "berkas/rkt-2024-kpu-kaltim.datasette.yml"
DESCRIPTOR = json.loads((FIXTURE / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in DESCRIPTOR["resources"]}


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """content/ as the build writes it from the frozen package."""
    folder = tmp_path_factory.mktemp("content")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", BASE)
        registry.write_downloads(model.load(FIXTURE), folder, EPOCH)
    return folder


@pytest.fixture(scope="module")
def db(content: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{content / DATABASE}?mode=ro", uri=True)
    yield connection
    connection.close()


def _csv_rows(name: str) -> list[dict[str, str]]:
    return csvio.read(FIXTURE / RESOURCES[name]["path"])


def test_every_resource_is_a_table_with_its_typed_columns(db: sqlite3.Connection) -> None:
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
    assert tables == list(RESOURCES)
    expected_type = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
    for name, resource in RESOURCES.items():
        columns = db.execute(f'PRAGMA table_info("{name}")').fetchall()
        fields = resource["schema"]["fields"]
        assert [c[1] for c in columns] == [f["name"] for f in fields], name
        assert [c[2] for c in columns] == [expected_type.get(f["type"], "TEXT") for f in fields], name
        required = [bool(f.get("constraints", {}).get("required")) for f in fields]
        assert [bool(c[3]) for c in columns] == required, name
        count = db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        assert count == len(_csv_rows(name)), name


def test_62_indicators_with_their_texts_and_typed_values(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT id, teks, target_dicetak, urutan, typeof(urutan), target_nilai, typeof(target_nilai) "
        "FROM indikator ORDER BY rowid"
    ).fetchall()
    expected = _csv_rows("indikator")
    assert len(rows) == len(expected) == 62
    for row, source in zip(rows, expected, strict=True):
        assert row[:3] == (source["id"], source["teks"], source["target_dicetak"])
        assert row[3:5] == (int(source["urutan"]), "integer")
        if source["target_nilai"]:
            assert row[5] == float(source["target_nilai"]) and row[6] == "real"
        else:
            assert row[5] is None and row[6] == "null", "an empty cell is NULL, not ''"
    s16 = db.execute("SELECT target_nilai FROM indikator WHERE id = 'IK24-S16'").fetchone()
    assert s16 == (90.0,)


def test_codes_stay_text(db: sqlite3.Connection) -> None:
    ro = db.execute(
        "SELECT kode_ro, typeof(kode_ro) FROM program_kode WHERE kode = '6709.QGE.004'"
    ).fetchall()
    assert ro and set(ro) == {("004", "text")}
    kantor = db.execute("SELECT id, typeof(id) FROM kantor").fetchall()
    assert kantor == [(r["id"], "text") for r in _csv_rows("kantor")]
    assert db.execute(
        "SELECT count(*) FROM program_kode WHERE typeof(kode_kegiatan) != 'text'"
    ).fetchone() == (0,)


def test_primary_and_foreign_keys_as_declared(db: sqlite3.Connection) -> None:
    for name, resource in RESOURCES.items():
        schema = resource["schema"]
        columns = db.execute(f'PRAGMA table_info("{name}")').fetchall()
        primary = [c[1] for c in sorted(columns, key=lambda c: c[5]) if c[5]]
        declared = schema.get("primaryKey", [])
        assert primary == ([declared] if isinstance(declared, str) else declared), name
        found: dict[int, list] = {}
        for key_id, _, parent, own, theirs, *_ in db.execute(f'PRAGMA foreign_key_list("{name}")'):
            found.setdefault(key_id, [parent, [], []])
            found[key_id][1].append(own)
            found[key_id][2].append(theirs)
        keys = sorted((parent, tuple(own), tuple(theirs)) for parent, own, theirs in found.values())
        wanted = sorted(
            (k["reference"]["resource"] or name, tuple(k["fields"]), tuple(k["reference"]["fields"]))
            for k in schema.get("foreignKeys", [])
        )
        assert keys == wanted, name
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert ("kantor", ("induk",), ("id",)) in [
        (p, (o,), (t,)) for _, _, p, o, t, *_ in db.execute("PRAGMA foreign_key_list(kantor)")
    ], "a self-reference (resource '') points to the table itself"


def test_foreign_keys_hold_when_enforced(content: Path, tmp_path: Path) -> None:
    copy = tmp_path / "salinan.sqlite"
    copy.write_bytes((content / DATABASE).read_bytes())
    connection = sqlite3.connect(copy)
    connection.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute("UPDATE indikator SET sasaran_id = 'SS24-S99' WHERE id = 'IK24-S01'")
    connection.close()


def test_an_empty_resource_is_an_empty_table(db: sqlite3.Connection) -> None:
    header = next(csv.reader(io.StringIO((FIXTURE / "data" / "realisasi.csv").read_text(encoding="utf-8"))))
    assert _csv_rows("realisasi") == [], "the fixture's realisasi.csv holds a header only"
    columns = [c[1] for c in db.execute("PRAGMA table_info(realisasi)")]
    assert columns == header
    assert db.execute("SELECT count(*) FROM realisasi").fetchone() == (0,)


def test_descriptions_are_in_the_schema(db: sqlite3.Connection) -> None:
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'indikator'").fetchone()
    fields = {f["name"]: f for f in RESOURCES["indikator"]["schema"]["fields"]}
    assert f'"target_dicetak" TEXT NOT NULL, -- {fields["target_dicetak"]["description"]}' in sql


def test_same_bytes_every_time_and_listed_with_its_checksum(content: Path) -> None:
    data = (content / DATABASE).read_bytes()
    assert data.startswith(b"SQLite format 3\x00")
    assert sqlite.database_bytes(model.load(FIXTURE)) == data
    manifest = json.loads((content / "berkas" / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["path"]: entry for entry in manifest}
    for path, mediatype in ((DATABASE, "application/vnd.sqlite3"), (METADATA, "application/yaml")):
        entry = listed[path]
        assert entry["sha256"] == sha256((content / path).read_bytes()) and entry["mediatype"] == mediatype
        assert f"{entry['sha256']}  {path}" in (content / "berkas" / "SHA256SUMS").read_text(encoding="utf-8")


def test_a_broken_reference_is_refused_in_indonesian() -> None:
    package = model.load(FIXTURE)
    package.tables["indikator"].rows[0]["sasaran_id"] = "SS24-S99"
    with pytest.raises(BuildError, match="merujuk baris yang tidak ada.*indikator"):
        sqlite.database_bytes(package)


def test_datasette_opens_it_with_its_metadata(content: Path) -> None:
    """Datasette serves the file (in-process, no port) with titles, licence, source and descriptions."""
    from datasette.app import Datasette

    metadata = yaml.safe_load((content / METADATA).read_text(encoding="utf-8"))
    name = Path(DATABASE).stem

    async def requests() -> dict[str, object]:
        datasette = Datasette([str(content / DATABASE)], metadata=metadata)
        get = datasette.client.get
        return {
            "meta": (await get("/-/metadata.json")).json(),
            "indikator": (await get(f"/{name}/indikator.json?_shape=array&_size=max")).json(),
            "kode": (await get(f"/{name}/program_kode.json?_shape=array&kode_ro=004")).json(),
            "realisasi": (await get(f"/{name}/realisasi.json")).json(),
            "database": (await get(f"/{name}.json")).json(),
            "page": (await get(f"/{name}/indikator")).text,
        }

    # In a thread: a browser test of the same worker may have left an event loop running here.
    with ThreadPoolExecutor(1) as pool:
        found = pool.submit(asyncio.run, requests()).result()
    meta = found["meta"]
    assert meta["title"] == DESCRIPTOR["title"]
    assert meta["license_url"] == DESCRIPTOR["licenses"][0]["path"] and meta["source"]
    assert meta["source_url"] == BASE + "datapackage.json"
    indikator = found["indikator"]
    assert [(r["id"], r["teks"]) for r in indikator] == [(r["id"], r["teks"]) for r in _csv_rows("indikator")]
    assert {r["kode_ro"] for r in found["kode"]} == {"004"}
    assert found["realisasi"]["rows"] == [] and "periode" in found["realisasi"]["columns"]
    tables = {t["name"]: t for t in found["database"]["tables"]}
    outgoing = {(k["column"], k["other_table"]) for k in tables["indikator"]["foreign_keys"]["outgoing"]}
    assert {("sasaran_id", "sasaran"), ("dokumen_id", "dokumen"), ("program_id", "program")} <= outgoing
    page = found["page"]
    table = RESOURCES["indikator"]
    assert table["title"] in page and table["schema"]["fields"][0]["description"] in page
