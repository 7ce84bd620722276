"""DCAT-AP 3, robots.txt and Satu Data Indonesia: the metadata other machines read.

The catalogue built from the frozen package is checked against the SEMICeu
DCAT-AP 3.0.1 SHACL shapes vendored in tests/fixtures/dcat-ap/ (no network:
the shapes come from the files, pyshacl follows no owl:imports, no inference).
"""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil
from pathlib import Path

import openpyxl
import pyshacl
import pytest
import rdflib
from rdflib.namespace import SH

from conftest import FIXTURE
from kinerja import model, paths
from kinerja.domain import satu_data
from kinerja.outputs import formats, metadata, publish, registry
from kinerja.outputs.pages import lists, render
from kinerja.validate.descriptor import check_satu_data

SHAPES = Path(__file__).parent / "fixtures" / "dcat-ap"
EPOCH = 1709251200  # 2024-03-01T00:00:00Z
BASE = "https://contoh.test/rkt/"
#: rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph; nothing this project can change.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
FILLED = {"produsen_data": "Unit contoh A", "walidata": "Unit contoh B", "kode_referensi": "Kode contoh C"}


@pytest.fixture(scope="module")
def package() -> model.Package:
    return model.load(FIXTURE)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory, package: model.Package):
    """The downloads of the frozen package, written once (with a real address) for every test here."""
    content = tmp_path_factory.mktemp("content")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", BASE)
        return content, registry.write_downloads(package, content, EPOCH)


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    graph = rdflib.Graph()
    for name in ("dcat-ap-SHACL.ttl", "deprecateduris.ttl"):
        graph.parse(SHAPES / name, format="turtle")
    return graph


def _results(catalogue: dict, shapes: rdflib.Graph) -> list[tuple[str, str, str]]:
    """(severity, path, message) of every SHACL result for a JSON-LD catalogue."""
    data = rdflib.Graph().parse(data=json.dumps(catalogue), format="json-ld")
    _, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", do_owl_imports=False, allow_warnings=True
    )
    return sorted(
        (
            str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
            str(report.value(r, SH.resultPath)),
            str(report.value(r, SH.resultMessage)),
        )
        for r in report.subjects(rdflib.RDF.type, SH.ValidationResult)
    )


def _catalogue(package: model.Package, listed: list, monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.setenv("SITE_URL", BASE)
    return metadata.dcat_catalog(package, listed, EPOCH)


def test_the_published_catalogue_conforms_to_dcat_ap_3_0_1(written, shapes: rdflib.Graph) -> None:
    content, _ = written
    catalogue = json.loads((content / "api" / "v1" / "dcat.jsonld").read_text(encoding="utf-8"))
    assert _results(catalogue, shapes) == []  # no violation, and no warning about a deprecated term


def test_the_shapes_catch_a_literal_format_and_an_untyped_term(written, shapes: rdflib.Graph) -> None:
    content, _ = written
    catalogue = json.loads((content / "api" / "v1" / "dcat.jsonld").read_text(encoding="utf-8"))
    broken = copy.deepcopy(catalogue)
    first = broken["dcat:dataset"][0]["dcat:distribution"][0]
    first["dct:format"] = "CSV"
    first["dcat:mediaType"] = {"@id": first["dcat:mediaType"]["@id"]}
    found = {(severity, path) for severity, path, _ in _results(broken, shapes)}
    assert ("Violation", "http://purl.org/dc/terms/format") in found
    assert ("Violation", "http://www.w3.org/ns/dcat#mediaType") in found


def test_recorded_satu_data_values_keep_the_catalogue_conforming(
    package: model.Package, written, shapes: rdflib.Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, listed = written
    filled = dataclasses.replace(package, satu_data=FILLED)
    catalogue = _catalogue(filled, listed, monkeypatch)
    assert catalogue["dcat:dataset"][0]["dct:creator"]["foaf:name"] == "Unit contoh A"
    assert _results(catalogue, shapes) == []
    assert "dct:creator" not in _catalogue(package, listed, monkeypatch)["dcat:dataset"][0]


def test_formats_and_media_types_are_eu_and_iana_iris(
    package: model.Package, written, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, listed = written
    by_url = {BASE + f.path: f for f in listed}
    distributions = _catalogue(package, listed, monkeypatch)["dcat:dataset"][0]["dcat:distribution"]
    codes = {d["dct:format"]["@id"].rsplit("/", 1)[-1] for d in distributions if "dct:format" in d}
    assert codes == {"ZIP", "CSV", "JSON", "XLSX"}
    for dist in distributions:
        file = by_url[dist["@id"]]
        file_type = formats.get(file.format).file_type
        if not file_type:  # no code in the EU list (SQLite): no dct:format rather than a guessed one
            assert "dct:format" not in dist
        else:
            assert dist["dct:format"] == {
                "@id": "http://publications.europa.eu/resource/authority/file-type/" + file_type,
                "@type": "dct:MediaTypeOrExtent",
            }
        assert dist["dcat:mediaType"] == {
            "@id": "https://www.iana.org/assignments/media-types/" + file.mediatype,
            "@type": "dct:MediaType",
        }


def test_schema_org_dataset_names_its_catalogue(
    package: model.Package, written, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, listed = written
    monkeypatch.setenv("SITE_URL", BASE)
    doc = metadata.dataset_jsonld(package, listed, EPOCH)
    catalogue = metadata.dcat_catalog(package, listed, EPOCH)
    assert doc["includedInDataCatalog"] == {
        "@type": "DataCatalog",
        "@id": catalogue["@id"],
        "name": catalogue["dct:title"],
        "url": BASE,
    }
    assert catalogue["@id"] == BASE + "api/v1/dcat.jsonld"
    assert "producer" not in doc
    filled = metadata.dataset_jsonld(dataclasses.replace(package, satu_data=FILLED), listed, EPOCH)
    assert filled["producer"] == {"@type": "Organization", "name": "Unit contoh A"}


# ------------------------------------------------------------------ robots.txt


def _directives(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_robots_names_the_absolute_sitemap_when_the_address_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://cermin.test/rkt")
    text = metadata.robots_txt()
    assert _directives(text) == ["User-agent: *", "Allow: /", "Sitemap: https://cermin.test/rkt/sitemap.xml"]
    assert text.endswith("\n")


def test_robots_names_no_guessed_sitemap_when_the_address_is_provisional(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    assert not paths.site_url_is_set()
    text = metadata.robots_txt()
    assert _directives(text) == ["User-agent: *", "Allow: /"]
    assert "alamat tetap situs belum ditetapkan" in text and paths.site_url() not in text


def test_finish_site_writes_robots_at_the_site_root(
    package: model.Package, written, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content, _ = written
    site = tmp_path / "site"
    shutil.copytree(content, site)
    monkeypatch.setenv("SITE_URL", BASE)
    publish.finish_site(package, site, EPOCH)
    assert f"Sitemap: {BASE}sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")


# ------------------------------------------------------------------ Satu Data Indonesia


def test_satu_data_values_are_read_from_the_descriptor_and_never_guessed() -> None:
    assert satu_data.read({}) == {}
    assert satu_data.read({"satu_data": "teks"}) == {}
    assert satu_data.read({"satu_data": {"walidata": "  Unit B ", "lain": "x", "produsen_data": 3}}) == {
        "walidata": "Unit B"
    }
    rows = satu_data.rows({"walidata": "Unit B"})
    assert [r["unsur"] for r in rows] == ["Produsen Data", "Walidata", "Kode Referensi"]
    assert [(r["nilai"], r["status"]) for r in rows] == [
        ("", "belum ditetapkan"),
        ("Unit B", "ditetapkan"),
        ("", "belum ditetapkan"),
    ]
    assert all("Perpres 39/2019" in r["dasar_hukum"] and "Pasal" in r["dasar_hukum"] for r in rows)


def test_the_frozen_package_has_no_satu_data_values(package: model.Package) -> None:
    assert package.satu_data == {}


def test_workbook_lists_the_satu_data_elements(written) -> None:
    content, _ = written
    book = openpyxl.load_workbook(content / "berkas" / "rkt-2024-kpu-kaltim.xlsx")
    rows = list(book["satu_data"].iter_rows(values_only=True))
    assert rows[0] == ("unsur", "kunci", "nilai", "status", "dasar_hukum", "pengertian")
    assert [(r[0], r[1], r[2], r[3]) for r in rows[1:]] == [
        ("Produsen Data", "satu_data.produsen_data", None, "belum ditetapkan"),
        ("Walidata", "satu_data.walidata", None, "belum ditetapkan"),
        ("Kode Referensi", "satu_data.kode_referensi", None, "belum ditetapkan"),
    ]
    assert all(r[4].startswith("Perpres 39/2019") for r in rows[1:])


def test_kamus_data_page_shows_values_or_says_they_are_not_set(package: model.Package) -> None:
    page = render.template("kamus-data.md.j2", **lists.kamus_data(package))
    assert "## Unsur Satu Data Indonesia" in page
    assert page.count("| *belum ditetapkan* |") == 3
    filled = dataclasses.replace(package, satu_data={"walidata": "Unit B"})
    page = render.template("kamus-data.md.j2", **lists.kamus_data(filled))
    assert "| Walidata | Unit B |" in page and page.count("| *belum ditetapkan* |") == 2


def test_validation_refuses_a_misspelt_element_or_a_block_that_is_no_object() -> None:
    text = '{\n  "satu_data": {\n    "produsen": "Unit A"\n  }\n}'
    (problem,) = check_satu_data(json.loads(text), text)
    assert (problem.code, problem.row, problem.field) == ("satu_data_tidak_sah", 3, "satu_data.produsen")
    assert "produsen_data, walidata, kode_referensi" in problem.fix
    (problem,) = check_satu_data({"satu_data": ["Unit A"]}, '{"satu_data": ["Unit A"]}')
    assert (problem.row, problem.field) == (1, "satu_data") and "objek" in problem.what
    assert check_satu_data({"satu_data": {"walidata": ""}}, "") == []
    assert check_satu_data({}, "") == []
