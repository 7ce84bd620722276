"""Downloads, API and metadata: every file agrees with the canonical data and with each other."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import zipfile
from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import frictionless
import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from conftest import FIXTURE
from kinerja import csvio, model, paths
from kinerja.errors import BuildError
from kinerja.outputs import metadata, publish, registry
from kinerja.outputs.downloads import files, lengkap, tabular
from kinerja.outputs.downloads.archive import fixed_zip

ROOT = Path(__file__).resolve().parents[1]
EPOCH = 1709251200  # 2024-03-01T00:00:00Z
BASE = "https://contoh.test/rkt/"
FORMULA = '=HYPERLINK("http://contoh.test","klik")'
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def package() -> model.Package:
    return model.load(FIXTURE)


def _write(package: model.Package, content: Path, epoch: int = EPOCH) -> list[files.DownloadFile]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", BASE)
        return registry.write_downloads(package, content, epoch)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, package: model.Package):
    content = tmp_path_factory.mktemp("content")
    return content, _write(package, content)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, package: model.Package, built) -> Path:
    """What `mkdocs build` would produce from content/ (a plain copy), finished by finish_site."""
    content, _ = built
    folder = tmp_path_factory.mktemp("site") / "site"
    shutil.copytree(content, folder)
    publish.finish_site(package, folder, EPOCH)
    return folder


def _fields(package: model.Package, name: str) -> list[tuple[str, str]]:
    return package.tables[name].types


def _read_download_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} tanpa BOM"
    assert b"\r" not in raw.replace(b'\r"', b"")  # LF line ends (a CR may only sit inside a quoted cell)
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def _csv_expected(value: str, kind: str) -> str:
    return "'" + value if kind == "string" and value.startswith(DANGEROUS) else value


def _same_typed(actual: object, text: str, kind: str) -> bool:
    """Whether a typed JSON/XLSX value stands for the CSV text, with the right Python type."""
    if text == "":
        return actual is None
    if kind == "integer":
        return type(actual) is int and actual == int(text)
    if kind == "number":
        whole = Decimal(text) == Decimal(text).to_integral_value()
        return type(actual) is (int if whole else float) and Decimal(str(actual)) == Decimal(text)
    if kind == "date":
        day = actual.date() if isinstance(actual, datetime) else actual
        return day == date.fromisoformat(text) or actual == text
    return actual == text


# ------------------------------------------------------------------ per-resource copies


def test_resource_csv_copies_equal_canonical_rows(package: model.Package, built) -> None:
    content, _ = built
    for name, rows in ((n, t.rows) for n, t in package.tables.items()):
        fields = _fields(package, name)
        path = content / "berkas" / f"{name}.csv"
        copy = _read_download_csv(path)
        header = path.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
        assert header == [n for n, _ in fields]
        expected = [{n: _csv_expected(row[n], kind) for n, kind in fields} for row in rows]
        assert copy == expected, name


def test_resource_json_copies_are_typed(package: model.Package, built) -> None:
    content, _ = built
    for name, rows in ((n, t.rows) for n, t in package.tables.items()):
        fields = _fields(package, name)
        data = json.loads((content / "berkas" / f"{name}.json").read_text(encoding="utf-8"))
        assert len(data) == len(rows), name
        for obj, row in zip(data, rows, strict=True):
            assert list(obj) == [n for n, _ in fields]
            for field, kind in fields:
                assert _same_typed(obj[field], row[field], kind), (name, row, field, obj[field])
    indikator = json.loads((content / "berkas" / "indikator.json").read_text(encoding="utf-8"))
    by_id = {i["id"]: i for i in indikator}
    assert by_id["IK24-K03"]["target_nilai"] == 77.5
    assert by_id["IK24-K01"]["target_nilai"] == 40 and type(by_id["IK24-K01"]["target_nilai"]) is int
    assert by_id["IK24-K01"]["program_id"] is None


def test_workbook_has_a_typed_sheet_per_resource_and_a_data_dictionary(package: model.Package, built) -> None:
    content, _ = built
    book = openpyxl.load_workbook(content / "berkas" / "rkt-2024-kpu-kaltim.xlsx")
    names = list(package.tables)
    assert book.sheetnames == [*names, "kamus_data", "satu_data"]
    for name in names:
        sheet, fields = book[name], _fields(package, name)
        assert sheet.freeze_panes == "A2"
        last = get_column_letter(len(fields))
        assert sheet.auto_filter.ref == f"A1:{last}{len(package.tables[name].rows) + 1}"
        assert sheet.column_dimensions["A"].width >= len(fields[0][0]) + 2
        header = [c.value for c in sheet[1]]
        assert header == [n for n, _ in fields]
        assert all(c.font.b for c in sheet[1])
        values = list(sheet.iter_rows(min_row=2, values_only=True))
        assert len(values) == len(package.tables[name].rows)
        for cells, row in zip(values, package.tables[name].rows, strict=True):
            for value, (field, kind) in zip(cells, fields, strict=True):
                assert _same_typed(value, row[field], kind), (name, field, value)
    tanggal = book["dokumen"].cell(row=2, column=header_index(book["dokumen"], "tanggal")).value
    assert isinstance(tanggal, datetime)
    kamus = list(book["kamus_data"].iter_rows(values_only=True))
    assert kamus[0] == ("resource", "name", "title", "type", "constraints", "description")
    expected = [
        (t.name, f.name, f.title, f.type, f.description) for t in package.tables.values() for f in t.fields
    ]
    assert [(r[0], r[1], r[2], r[3], r[5]) for r in kamus[1:]] == expected
    pattern = next(r for r in kamus if r[0] == "indikator" and r[1] == "id")[4]
    assert "wajib" in pattern and "IK[0-9]{2}" in pattern


def header_index(sheet, name: str) -> int:
    return [c.value for c in sheet[1]].index(name) + 1


# ------------------------------------------------------------------ ZIP


def test_zip_holds_exactly_the_package_and_validates(package: model.Package, built, tmp_path: Path) -> None:
    content, _ = built
    archive_path = content / "berkas" / "rkt-2024-kpu-kaltim.zip"
    expected = {"datapackage.json", *(t.path for t in package.tables.values())}
    expected |= {p.relative_to(FIXTURE).as_posix() for p in (FIXTURE / "data" / "sumber").iterdir()}
    with zipfile.ZipFile(archive_path) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert set(names) == expected
        for info in archive.infolist():
            assert archive.read(info) == (FIXTURE / info.filename).read_bytes()
            assert info.date_time == (2024, 3, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644
    report = frictionless.validate(str(archive_path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(report.tasks) == len(package.tables)


def test_zip_timestamp_never_before_1980() -> None:
    data = fixed_zip([("a.txt", b"x")], 0)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)


# ------------------------------------------------------------------ indikator lengkap


def test_indikator_lengkap_has_every_indicator_in_printed_order(package: model.Package, built) -> None:
    content, _ = built
    rows = _read_download_csv(content / "berkas" / "indikator-lengkap.csv")
    assert len(rows) == 62 == len(package.indikator)
    printed = [i.id for d in package.dokumen.values() for i in sorted(d.indikator, key=lambda i: i.urutan)]
    assert [r["indikator_id"] for r in rows] == printed
    assert list(rows[0]) == [c.name for c in lengkap.LENGKAP_COLUMNS]
    for row in rows:
        item = package.indikator[row["indikator_id"]]
        assert row["url"] == f"{BASE}kinerja/indikator/{item.id.lower()}/"
        assert row["dokumen_nama"] == package.dokumen[item.dokumen_id].nama
        assert row["sasaran_teks"] == package.sasaran[item.sasaran_id].teks
        assert row["indikator_teks"] == item.teks
        assert Decimal(row["target_nilai"]) == item.target_nilai
        assert row["ada_anomali"] == ("ya" if item.anomali else "tidak")
        assert row["anomali_id"] == "; ".join(a.id for a in item.anomali)
        assert row["halaman_tabel"] == str(item.halaman_tabel)
    by_id = {r["indikator_id"]: r for r in rows}
    assert by_id["IK24-S16"]["anomali_id"] == "AN24-05"
    assert by_id["IK24-S34"]["kode_anggaran"] == "6981; 6982"
    assert by_id["IK24-S34"]["kode_kegiatan"] == "6981; 6982"
    assert (by_id["IK24-S04"]["kode_kro"], by_id["IK24-S04"]["kode_ro"]) == ("QGE", "004")
    assert by_id["IK24-S44"]["target_sekunder_nilai"] == "4"
    assert by_id["IK24-S44"]["target_sekunder_satuan"] == "satker"
    assert by_id["IK24-K01"]["program_id"] == "" and by_id["IK24-K01"]["kode_anggaran"] == ""


def test_indikator_lengkap_workbook_matches_csv(built) -> None:
    content, _ = built
    rows = _read_download_csv(content / "berkas" / "indikator-lengkap.csv")
    sheet = openpyxl.load_workbook(content / "berkas" / "indikator-lengkap.xlsx")["indikator_lengkap"]
    cells = list(sheet.iter_rows(min_row=2))
    assert len(cells) == len(rows)
    for row, line in zip(rows, cells, strict=True):
        for column, cell in zip(lengkap.LENGKAP_COLUMNS, line, strict=True):
            assert _same_typed(cell.value, row[column.name], column.type), (column.name, cell.value)
        assert line[-1].hyperlink.target == row["url"]


def test_each_indicator_has_a_one_row_csv_like_indikator_lengkap(package: model.Package, built) -> None:
    content, _ = built
    rows = {r["indikator_id"]: r for r in _read_download_csv(content / "berkas" / "indikator-lengkap.csv")}
    for identifier in package.indikator:
        links = paths.indikator_files(identifier)
        assert links == {
            "CSV": f"api/v1/indikator/{identifier}.csv",
            "JSON": f"api/v1/indikator/{identifier}.json",
        }
        assert _read_download_csv(content / links["CSV"]) == [rows[identifier]]
        assert (content / links["JSON"]).is_file()


# ------------------------------------------------------------------ API


def _links(value: object) -> list[str]:
    """Every URL found under a "links" key, at any depth."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "links":
                found += [u for u in _flatten(item) if u is not None]
            else:
                found += _links(item)
    elif isinstance(value, list):
        for item in value:
            found += _links(item)
    return found


def _flatten(value: object) -> list:
    if isinstance(value, dict):
        return [u for item in value.values() for u in _flatten(item)]
    if isinstance(value, list):
        return [u for item in value for u in _flatten(item)]
    return [value]


PAGE = re.compile(r"^kinerja/(dokumen|program|sasaran|indikator)/([a-z0-9-]+)/$")


def test_every_api_link_resolves(package: model.Package, site: Path) -> None:
    ids = {
        kind: {i.lower() for i in getattr(package, kind)}
        for kind in ("dokumen", "program", "sasaran", "indikator")
    }
    checked = 0
    for path in sorted((site / "api" / "v1").rglob("*.json")):
        if path.name == "openapi.json":
            continue  # a description: its schemas have properties named "links" (tests/test_openapi.py)
        for url in _links(json.loads(path.read_text(encoding="utf-8"))):
            assert url.startswith(BASE), (path.name, url)
            target = url[len(BASE) :]
            page = PAGE.match(target)
            if page:
                assert page.group(2) in ids[page.group(1)], (path.name, url)
            elif target:
                assert (site / target).is_file(), (path.name, url)
            checked += 1
    assert checked > 1000


def test_api_objects_link_to_each_other(package: model.Package, built) -> None:
    content, _ = built
    api = content / "api" / "v1"
    index = json.loads((api / "index.json").read_text(encoding="utf-8"))
    assert index["title"] == package.title
    assert index["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    counts = {"dokumen": 2, "program": 12, "sasaran": len(package.sasaran), "indikator": 62}
    assert index["counts"] == {**counts, "anomali": len(package.anomali), "kantor": len(package.kantor)}
    for kind in ("dokumen", "program", "sasaran", "indikator"):
        assert [e["id"] for e in index[kind]] == list(getattr(package, kind))
    item = json.loads((api / "indikator" / "IK24-S16.json").read_text(encoding="utf-8"))
    assert item["target_nilai"] == 90 and item["urutan"] == 16
    assert item["links"]["sasaran"] == f"{BASE}api/v1/sasaran/SS24-S14.json"
    assert item["links"]["program"] == f"{BASE}api/v1/program/PG24-S05.json"
    assert item["links"]["html"] == f"{BASE}kinerja/indikator/ik24-s16/"
    assert [a["id"] for a in item["anomali"]] == ["AN24-05"]
    assert "[IK24-S16]" in item["sitasi"]
    program = json.loads((api / "program" / "PG24-S05.json").read_text(encoding="utf-8"))
    assert item["links"]["self"] in program["links"]["indikator"]
    sasaran = json.loads((api / "sasaran" / "SS24-S14.json").read_text(encoding="utf-8"))
    assert item["links"]["self"] in sasaran["links"]["indikator"]
    assert program["links"]["self"] in sasaran["links"]["program"]
    dokumen = json.loads((api / "dokumen" / "RKT24-S.json").read_text(encoding="utf-8"))
    assert sasaran["links"]["self"] in dokumen["links"]["sasaran"]
    assert len(dokumen["links"]["indikator"]) == len(package.dokumen["RKT24-S"].indikator)
    notes = json.loads((api / "anomali.json").read_text(encoding="utf-8"))
    assert [n["id"] for n in notes["anomali"]] == list(package.anomali)


# ------------------------------------------------------------------ manifests, finish_site


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_manifests_match_the_published_files(built, site: Path) -> None:
    content, files = built
    full = json.loads((site / "api" / "v1" / "manifest.json").read_text(encoding="utf-8"))
    assert full == [asdict(f) for f in files]
    written = {p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file()}
    listed = {f.path for f in files}
    assert written - listed == {"api/v1/manifest.json"}
    assert listed - written == {"datapackage.json", *(p for p in listed if p.startswith("data/"))}
    for entry in full:
        path = site / entry["path"]
        assert path.stat().st_size == entry["size"] and _sha(path) == entry["sha256"], entry["path"]
        formats = ("ZIP", "CSV", "JSON", "XLSX", "TXT", "DOCX", "ATOM", "SQLite", "YAML")
        assert entry["mediatype"] and entry["format"] in formats
    people = json.loads((site / "berkas" / "manifest.json").read_text(encoding="utf-8"))
    assert not any(e["path"].startswith("api/") for e in people)
    main = {"berkas/rkt-2024-kpu-kaltim.zip", "berkas/indikator-lengkap.csv", "berkas/SHA256SUMS"}
    assert {e["path"] for e in people} >= main | {"datapackage.json", "data/indikator.csv"}
    sums = (site / "berkas" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert sums == [f"{e['sha256']}  {e['path']}" for e in people if e["path"] != "berkas/SHA256SUMS"]


def test_published_datapackage_validates_from_the_site(site: Path) -> None:
    report = frictionless.validate(str(site / "datapackage.json"))
    assert report.valid


def test_finish_site_refuses_a_changed_or_missing_file(
    package: model.Package, site: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    (broken / "berkas" / "indikator-lengkap.csv").write_bytes(b"diubah\n")
    (broken / "api" / "v1" / "sasaran" / "SS24-S01.json").unlink()
    with pytest.raises(BuildError) as caught:
        publish.finish_site(package, broken, EPOCH)
    message = str(caught.value)
    assert "berkas/indikator-lengkap.csv" in message and "SS24-S01.json" in message
    shutil.rmtree(broken / "api")
    with pytest.raises(BuildError, match="manifest.json"):
        publish.finish_site(package, broken, EPOCH)


# ------------------------------------------------------------------ reproducibility


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_two_runs_are_byte_identical_and_use_the_epoch(package: model.Package, built, tmp_path: Path) -> None:
    content, files = built
    again = _write(package, tmp_path / "again")
    assert again == files
    assert _tree(tmp_path / "again") == _tree(content)
    for name in ("rkt-2024-kpu-kaltim.xlsx", "indikator-lengkap.xlsx"):
        with zipfile.ZipFile(content / "berkas" / name) as book:
            assert {i.date_time for i in book.infolist()} == {(2024, 3, 1, 0, 0, 0)}
            core = book.read("docProps/core.xml").decode("utf-8")
            assert re.findall(r"\d{4}-\d\d-\d\dT[\d:]+Z", core) == ["2024-03-01T00:00:00Z"] * 2
    later = _write(package, tmp_path / "later", EPOCH + 86400)
    changed = {a.path for a, b in zip(files, later, strict=True) if a.sha256 != b.sha256}
    assert "berkas/rkt-2024-kpu-kaltim.zip" in changed and "berkas/indikator.csv" not in changed


# ------------------------------------------------------------------ formula injection


@pytest.fixture
def hostile(tmp_path: Path) -> model.Package:
    """A copy of the package whose texts look like formulas and with a negative number."""
    root = tmp_path / "paket"
    root.mkdir()
    shutil.copy(FIXTURE / "datapackage.json", root / "datapackage.json")
    shutil.copytree(FIXTURE / "data", root / "data")
    path = root / "data" / "indikator.csv"
    rows = csvio.read(path)
    rows[0].update(teks=FORMULA, target_sekunder_nilai="-1.5", target_sekunder_satuan="persen")
    rows[1].update(teks="@SUM(A1:A9)", target_dicetak="-5%")
    csvio.write(path, list(rows[0]), rows)
    path = root / "data" / "sasaran.csv"
    rows = csvio.read(path)
    rows[0].update(teks="+62 sasaran")
    rows[1].update(teks="\tTab di depan")
    csvio.write(path, list(rows[0]), rows)
    return model.load(root)


def test_formula_like_text_is_neutralised_only_in_spreadsheet_files(
    hostile: model.Package, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    _write(hostile, content)
    first, second = hostile.tables["indikator"].rows[0]["id"], hostile.tables["indikator"].rows[1]["id"]
    copy = _read_download_csv(content / "berkas" / "indikator.csv")
    assert copy[0]["teks"] == "'" + FORMULA
    assert copy[1]["teks"] == "'@SUM(A1:A9)" and copy[1]["target_dicetak"] == "'-5%"
    assert copy[0]["target_sekunder_nilai"] == "-1.5"  # a number is a number, never prefixed
    flat = _read_download_csv(content / "berkas" / "indikator-lengkap.csv")
    assert flat[0]["indikator_teks"] == "'" + FORMULA and flat[0]["sasaran_teks"] == "'+62 sasaran"
    assert _read_download_csv(content / "api" / "v1" / "indikator" / f"{first}.csv")[0]["indikator_teks"] == (
        "'" + FORMULA
    )
    sasaran = _read_download_csv(content / "berkas" / "sasaran.csv")
    assert sasaran[1]["teks"] == "'\tTab di depan"
    data = json.loads((content / "berkas" / "indikator.json").read_text(encoding="utf-8"))
    assert data[0]["teks"] == FORMULA and data[0]["target_sekunder_nilai"] == -1.5
    assert (
        json.loads((content / "api" / "v1" / "indikator" / f"{second}.json").read_text())["teks"]
        == "@SUM(A1:A9)"
    )
    for name, sheet_name, column in (
        ("rkt-2024-kpu-kaltim.xlsx", "indikator", "teks"),
        ("indikator-lengkap.xlsx", "indikator_lengkap", "indikator_teks"),
    ):
        path = content / "berkas" / name
        sheet = openpyxl.load_workbook(path)[sheet_name]
        cell = sheet.cell(row=2, column=header_index(sheet, column))
        assert cell.value == FORMULA and cell.data_type == "s"
        assert sheet.cell(row=3, column=header_index(sheet, column)).value == "@SUM(A1:A9)"
        with zipfile.ZipFile(path) as book:
            xml = "".join(
                book.read(n).decode("utf-8") for n in book.namelist() if n.startswith("xl/worksheets/")
            )
        assert "<f>" not in xml and "<f " not in xml
    sheet = openpyxl.load_workbook(content / "berkas" / "rkt-2024-kpu-kaltim.xlsx")["indikator"]
    assert sheet.cell(row=2, column=header_index(sheet, "target_sekunder_nilai")).value == -1.5
    with zipfile.ZipFile(content / "berkas" / "rkt-2024-kpu-kaltim.zip") as archive:
        assert archive.read("data/indikator.csv") == (hostile.root / "data" / "indikator.csv").read_bytes()
        assert FORMULA.replace('"', '""').encode() in archive.read("data/indikator.csv")


# ------------------------------------------------------------------ metadata


def test_site_url_comes_from_env_or_mkdocs_yml(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.utils.yaml import yaml_load

    monkeypatch.setenv("SITE_URL", "https://cermin.test/rkt")
    assert paths.site_url() == "https://cermin.test/rkt/"
    monkeypatch.delenv("SITE_URL")
    configured = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    assert paths.site_url() == configured.rstrip("/") + "/"


def test_dataset_jsonld_describes_the_dataset(package: model.Package, built, monkeypatch) -> None:
    _, files = built
    monkeypatch.setenv("SITE_URL", BASE)
    doc = metadata.dataset_jsonld(package, files, EPOCH)
    assert doc["@context"] == "https://schema.org/" and doc["@type"] == "Dataset"
    assert doc["name"] == package.title and doc["description"]
    assert doc["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "usulan" in doc["license"]["name"], "the licence is stated as the project's proposal"
    assert doc["publisher"] == {"@type": "Organization", "name": "KPU Provinsi Kalimantan Timur", "url": BASE}
    assert doc["temporalCoverage"] == "2024"
    assert doc["spatialCoverage"]["@type"] == "Place"
    assert doc["spatialCoverage"]["name"] == "Provinsi Kalimantan Timur"
    assert "RKT" in doc["keywords"] and doc["identifier"] and doc["isAccessibleForFree"] is True
    assert (doc["inLanguage"], doc["dateModified"]) == ("id", "2024-03-01")
    by_url = {BASE + f.path: f for f in files}
    urls = [d["contentUrl"] for d in doc["distribution"]]
    assert f"{BASE}berkas/rkt-2024-kpu-kaltim.zip" in urls and f"{BASE}berkas/indikator-lengkap.csv" in urls
    assert not any("/api/" in u or u.endswith("SHA256SUMS") for u in urls)
    for item in doc["distribution"]:
        assert item["@type"] == "DataDownload"
        assert item["encodingFormat"] == by_url[item["contentUrl"]].mediatype
    manifest_dicts = json.loads(json.dumps([asdict(f) for f in files]))
    assert metadata.dataset_jsonld(package, manifest_dicts, EPOCH) == doc


def test_dcat_catalogue_has_the_required_keys(built) -> None:
    content, files = built
    catalog = json.loads((content / "api" / "v1" / "dcat.jsonld").read_text(encoding="utf-8"))
    assert {"dcat", "dct", "foaf", "vcard"} <= set(catalog["@context"])
    assert catalog["@type"] == "dcat:Catalog"
    (dataset,) = catalog["dcat:dataset"]
    assert dataset["@type"] == "dcat:Dataset"
    for key in (
        "dct:title",
        "dct:description",
        "dct:publisher",
        "dct:license",
        "dct:spatial",
        "dcat:keyword",
    ):
        assert dataset[key], key
    assert dataset["dct:temporal"]["dcat:startDate"]["@value"] == "2024-01-01"
    assert dataset["dct:temporal"]["dcat:endDate"]["@value"] == "2024-12-31"
    sizes = {BASE + f.path: f for f in files}
    assert len(dataset["dcat:distribution"]) >= 10
    for dist in dataset["dcat:distribution"]:
        file = sizes[dist["dcat:downloadURL"]["@id"]]
        assert dist["dcat:mediaType"]["@id"].endswith(file.mediatype)
        assert dist["dcat:byteSize"]["@value"] == str(file.size)
        assert dist["spdx:checksum"]["spdx:checksumValue"]["@value"] == file.sha256


def test_citation_names_item_identifier_version_and_url() -> None:
    text = metadata.citation(
        "KPU Provinsi Kalimantan Timur",
        "Nilai Keterbukaan Informasi Publik",
        "IK24-K02",
        "https://contoh.test/x/",
        EPOCH,
    )
    assert text.startswith("KPU Provinsi Kalimantan Timur. (2024). ")
    assert '"Nilai Keterbukaan Informasi Publik" [IK24-K02]' in text
    assert "Rencana Kinerja Tahunan 2024" in text and "1 Maret 2024" in text
    assert text.endswith("Diakses dari https://contoh.test/x/")
    assert metadata.citation("P", "x", "IK24-K02", "u", date(2024, 3, 1)) == metadata.citation(
        "P", "x", "IK24-K02", "u", EPOCH
    )


def test_csv_note_explains_the_dialect_and_formula_guard() -> None:
    note = tabular.CSV_NOTE
    assert "\n" not in note
    for phrase in ("UTF-8 dengan BOM", "koma", "titik koma", "XLSX", "rumus", "tanpa BOM"):
        assert phrase in note, phrase


def test_typed_values_and_neutralise_rules() -> None:
    assert tabular.typed("", "string") is None and tabular.typed("", "integer") is None
    assert tabular.typed("7", "integer") == 7 and tabular.typed("7.0", "number") == 7
    assert tabular.typed("-0.25", "number") == -0.25
    assert tabular.typed("true", "boolean") is True and tabular.typed("false", "boolean") is False
    assert tabular.typed("2024-03-01", "date") == "2024-03-01"
    for text in ("=1+1", "+62", "-x", "@A1", "\tx", "\rx"):
        assert tabular.neutralise(text) == "'" + text
    assert tabular.neutralise("Persentase -5") == "Persentase -5"
