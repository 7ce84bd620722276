"""The OpenAPI description of the static API: valid, complete, and true of every file it describes."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate

from conftest import FIXTURE
from kinerja import model
from kinerja.outputs import registry

ROOT = Path(__file__).resolve().parents[1]
EPOCH = 1709251200
BASE = "https://contoh.test/rkt/"
API = "api/v1/"
DESCRIPTOR = json.loads((FIXTURE / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in DESCRIPTOR["resources"]}


@pytest.fixture(scope="module")
def package() -> model.Package:
    return model.load(FIXTURE)


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory, package: model.Package) -> Path:
    """content/ as the build writes it from the frozen package (MkDocs copies it unchanged)."""
    folder = tmp_path_factory.mktemp("content")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", BASE)
        registry.write_downloads(package, folder, EPOCH)
    return folder


@pytest.fixture(scope="module")
def document(content: Path) -> dict:
    return json.loads((content / API / "openapi.json").read_text(encoding="utf-8"))


def _template(path: str) -> re.Pattern[str]:
    """A path of the document as a pattern over site paths under api/v1/."""
    return re.compile("^" + re.escape(path.lstrip("/")).replace(r"\{kode\}", "(?P<kode>[^/]+)") + "$")


def _strict(schema: object) -> object:
    """The schema with no undescribed property allowed, so a new field in api.py must be described."""
    if isinstance(schema, dict):
        out = {key: _strict(value) for key, value in schema.items()}
        if "properties" in schema:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [_strict(item) for item in schema]
    return schema


def _validator(document: dict, path: str) -> tuple[str, Draft202012Validator]:
    content = document["paths"][path]["get"]["responses"]["200"]["content"]
    ((media, body),) = content.items()
    schema = {**body["schema"], "components": _strict(document["components"])}
    return media, Draft202012Validator(schema, format_checker=FormatChecker())


def test_the_document_is_valid_openapi_3_1(document: dict) -> None:
    validate(document)
    assert document["openapi"].startswith("3.1")
    assert document["servers"] == [{"url": BASE + "api/v1", "description": "Situs ini"}]
    assert document["info"]["license"]["url"] == DESCRIPTOR["licenses"][0]["path"]


def test_each_path_with_real_codes_names_a_served_file(
    package: model.Package, content: Path, document: dict
) -> None:
    """Every path, filled with every code of the package, is a file of the API manifest (which the build
    checks against the site), and every file under api/v1/ is described by exactly one path."""
    manifest = json.loads((content / API / "manifest.json").read_text(encoding="utf-8"))
    served = {e["path"] for e in manifest if e["path"].startswith(API)} | {API + "manifest.json"}
    filled = set()
    for path, item in document["paths"].items():
        parameters = item["get"].get("parameters", [])
        if not parameters:
            filled.add(API + path.lstrip("/"))
            continue
        kind = path.split("/")[1]
        pattern = re.compile(parameters[0]["schema"]["pattern"])
        codes = list(getattr(package, kind))
        assert codes and parameters[0]["example"] == codes[0]
        for code in codes:
            assert pattern.match(code), (path, code)
            filled.add(API + path.lstrip("/").replace("{kode}", code))
    assert filled <= served, sorted(filled - served)[:5]
    for target in filled:
        assert (content / target).is_file(), target
    templates = [_template(p) for p in document["paths"]]
    for target in served:
        matches = [t for t in templates if t.match(target[len(API) :])]
        assert len(matches) == 1, f"{target} is described by {len(matches)} paths"


def test_every_api_file_matches_its_response_schema(content: Path, document: dict) -> None:
    checked = 0
    for path in document["paths"]:
        media, validator = _validator(document, path)
        if media == "text/csv":
            continue
        template = _template(path)
        for file in sorted((content / API).rglob("*")):
            relative = file.relative_to(content / API).as_posix()
            if file.is_file() and template.match(relative):
                errors = [
                    f"{e.json_path}: {e.message}" for e in validator.iter_errors(json.loads(file.read_text()))
                ]
                assert not errors, (relative, errors[:3])
                checked += 1
    assert checked > 100


def test_a_file_that_drifts_from_the_description_fails(content: Path, document: dict) -> None:
    """The check above can fail: a new undescribed field, a wrong type, a missing field are caught."""
    _, validator = _validator(document, "/indikator/{kode}.json")
    item = json.loads((content / API / "indikator" / "IK24-S16.json").read_text(encoding="utf-8"))
    assert validator.is_valid(item)
    for change in (
        lambda i: i.update(baru="tidak dijelaskan"),
        lambda i: i.update(urutan="16"),
        lambda i: i.pop("target_dicetak"),
        lambda i: i.update(target_jenis="lain"),
        lambda i: i["links"].update(csv=None),
    ):
        changed = copy.deepcopy(item)
        change(changed)
        assert not validator.is_valid(changed)


def test_schemas_come_from_the_table_schema(document: dict) -> None:
    schemas = document["components"]["schemas"]
    for component, resource in (("Indikator", "indikator"), ("Sasaran", "sasaran"), ("Anomali", "anomali")):
        properties = schemas[component]["properties"]
        for field in RESOURCES[resource]["schema"]["fields"]:
            schema = properties[field["name"]]
            constraints = field.get("constraints", {})
            assert schema["description"] == field["description"]
            kind = {"integer": "integer", "number": "number"}.get(field["type"], "string")
            assert schema["type"] == (kind if constraints.get("required") else [kind, "null"])
            if "enum" in constraints:
                assert [v for v in schema["enum"] if v is not None] == constraints["enum"]
            if "pattern" in constraints:
                assert schema["pattern"] == f"^(?:{constraints['pattern']})$"
    assert schemas["Dokumen"]["properties"]["tanggal"]["format"] == "date"
    assert schemas["KodeAnggaran"]["properties"]["kode_ro"]["type"] == ["string", "null"]


def test_the_api_page_and_index_link_the_document(content: Path) -> None:
    page = (ROOT / "content" / "api.md").read_text(encoding="utf-8")
    assert "](api/v1/openapi.json)" in page
    index = json.loads((content / API / "index.json").read_text(encoding="utf-8"))
    assert index["links"]["openapi"] == BASE + API + "openapi.json"
