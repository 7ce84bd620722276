"""The recipes of docs/arsitektur.md ("Ke mana perubahan yang umum"), followed to the letter.

Each test adds a toy module and the lines its recipe names (in a monkeypatched
registry, never in the checkout) and checks that the change reaches every
place the recipe promises: a new download format reaches the files, SHA256SUMS,
the manifests, the API index and the DCAT and schema.org distributions; a new
page type reaches content/ and the search scope of its office; a new input
kind is read into the text form without touching update.py.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from conftest import FIXTURE
from kinerja import model, paths
from kinerja.errors import BuildError, ProblemsFound
from kinerja.ingest import reading
from kinerja.outputs import formats, metadata, registry
from kinerja.outputs.job import Job
from kinerja.outputs.search import lunr

ROOT = Path(__file__).resolve().parents[1]
EPOCH = 1709251200
BASE = "https://contoh.test/rkt/"
TOY_PATH = paths.berkas("indikator-mainan.mnn")

#: A download format module as the recipe writes it (outputs/downloads/<format>.py).
TOY_DOWNLOAD = f'''
"""The indicator codes, one a line, in the toy format MNN."""

from kinerja import paths
from kinerja.outputs.job import Job


def write(job: Job) -> None:
    """Write the toy download under berkas/."""
    data = "".join(f"{{code}}\\n" for code in job.package.indikator).encode("utf-8")
    job.out.put(paths.berkas("{TOY_PATH.rsplit("/", 1)[-1]}"), data, "Kode indikator (MNN)", "MNN")
'''

#: A page type module as the recipe writes it (outputs/pages/<kind>.py): one page per indicator.
TOY_PAGES = '''
"""One toy page per indicator: kinerja/mainan/<code>/."""

from kinerja import paths
from kinerja.outputs.job import Job


def write(job: Job) -> None:
    """Write the toy pages."""
    for item in job.package.indikator.values():
        job.page(paths.page_source("mainan", item.id), f"# {item.id}\\n\\n{item.teks}\\n")
'''

#: A reader module as the recipe writes it (ingest/<kind>.py): the text form with where each line is.
TOY_READER = '''
"""The toy document kind: UTF-8 text, every line placed by its number."""

from pathlib import Path


def mainan_lines(path: Path, data: bytes) -> list[tuple[str, str]]:
    """The text form of a toy document, one (line, place) per line."""
    return [(line, f"baris mainan {n}") for n, line in enumerate(data.decode("utf-8").splitlines(), 1)]
'''


def _module(tmp_path: Path, name: str, source: str) -> ModuleType:
    """The toy module `name` written as a file and imported from it, as a module of the package would be."""
    path = tmp_path / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def package() -> model.Package:
    return model.load(FIXTURE)


def test_the_recipe_names_the_lines_this_test_adds() -> None:
    """The recipe and this test stay one: if the registry's names change, both change."""
    recipe = (ROOT / "docs" / "arsitektur.md").read_text(encoding="utf-8")
    for name in ("`DOWNLOADS`", "`PAGES`", "`FORMATS`", "`KINDS`", "`ROW_KINDS`", "write(job)"):
        assert name in recipe, name
    assert hasattr(registry, "DOWNLOADS") and hasattr(registry, "PAGES")


def test_a_new_download_format_is_one_module_and_its_lines(
    tmp_path: Path, package: model.Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    toy = _module(tmp_path, "mainan_unduhan", TOY_DOWNLOAD)
    monkeypatch.setenv("SITE_URL", BASE)
    monkeypatch.setattr(registry, "DOWNLOADS", (*registry.DOWNLOADS, toy))
    monkeypatch.setitem(formats.FORMATS, "MNN", formats.Format("MNN", "text/x-mainan", catalogued=True))
    content = tmp_path / "content"

    files = registry.write_downloads(package, content, EPOCH)

    data = (content / TOY_PATH).read_bytes()
    assert data.decode("utf-8").split() == list(package.indikator)
    listed = [f for f in files if f.path == TOY_PATH]
    assert [(f.format, f.mediatype) for f in listed] == [("MNN", "text/x-mainan")]
    assert f"  {TOY_PATH}\n" in (content / paths.berkas("SHA256SUMS")).read_text(encoding="utf-8")
    manifest = json.loads((content / paths.berkas("manifest.json")).read_text(encoding="utf-8"))
    assert TOY_PATH in [entry["path"] for entry in manifest]
    assert TOY_PATH in [e["path"] for e in json.loads((content / paths.API_MANIFEST).read_text("utf-8"))]
    index = json.loads((content / paths.api("index.json")).read_text(encoding="utf-8"))
    assert BASE + TOY_PATH in [d["url"] for d in index["downloads"]]
    dcat = json.loads((content / paths.api("dcat.jsonld")).read_text(encoding="utf-8"))
    announced = {d["@id"]: d["dcat:mediaType"]["@id"] for d in dcat["dcat:dataset"][0]["dcat:distribution"]}
    assert announced[BASE + TOY_PATH] == "https://www.iana.org/assignments/media-types/text/x-mainan"
    # The schema.org Dataset of the pages is made, as main.py makes it, from berkas/manifest.json.
    dataset = metadata.dataset_jsonld(package, manifest, EPOCH)
    assert BASE + TOY_PATH in [d["contentUrl"] for d in dataset["distribution"]]


def test_a_format_left_out_of_catalogues_stays_out(
    tmp_path: Path, package: model.Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    toy = _module(tmp_path, "mainan_unduhan_lain", TOY_DOWNLOAD)
    monkeypatch.setitem(formats.FORMATS, "MNN", formats.Format("MNN", "text/x-mainan"))
    job = Job.start(package, tmp_path / "content", EPOCH)
    toy.write(job)
    assert [f.path for f in job.out.files] == [TOY_PATH]
    assert metadata.distributions(job.out.files) == []


def test_a_format_missing_from_formats_is_a_clear_error(tmp_path: Path, package: model.Package) -> None:
    toy = _module(tmp_path, "mainan_tanpa_format", TOY_DOWNLOAD)
    with pytest.raises(BuildError, match=r"'MNN'.*outputs/formats\.py"):
        toy.write(Job.start(package, tmp_path / "content", EPOCH))


def test_a_new_page_type_is_one_module_and_one_line(
    tmp_path: Path, package: model.Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    toy = _module(tmp_path, "mainan_halaman", TOY_PAGES)
    monkeypatch.setattr(registry, "PAGES", (*registry.PAGES, toy))
    content = tmp_path / "content"

    written = {p.relative_to(content).as_posix() for p in registry.write_pages(package, content, EPOCH)}

    for code in package.indikator:
        assert paths.page_source("mainan", code) in written
        page = (content / paths.page_source("mainan", code)).read_text(encoding="utf-8")
        assert page.startswith(f"# {code}")
    assert paths.page_source("indikator", next(iter(package.indikator))) in written, "the others stay"


def test_a_page_type_of_rows_joins_its_offices_search_scope(monkeypatch: pytest.MonkeyPatch) -> None:
    url = paths.page_url("mainan", "IK24-6472-S01")
    assert lunr.office_of(url) == lunr.COMMON, "not a row page until the recipe's line is added"
    monkeypatch.setattr(paths, "ROW_KINDS", (*paths.ROW_KINDS, "mainan"))
    assert lunr.office_of(url) == "kantor-6472"
    assert lunr.office_of(paths.page_url("mainan", "IK24-S01")) == lunr.OFFICE


def test_a_new_input_kind_is_one_module_and_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reader = _module(tmp_path, "mainan_baca", TOY_READER)
    monkeypatch.setitem(
        reading.KINDS,
        ".mnn",
        reading.InputKind("dokumen mainan", ".mnn (mainan)", "mainan", reader.mainan_lines),
    )
    text = FIXTURE / "data" / "sumber" / "rkt-2024-kpu-kaltim.txt"
    toy = tmp_path / "rkt-2024.mnn"
    toy.write_bytes(text.read_bytes())

    source = reading.read_source(toy)

    assert source.kind == "dokumen mainan" and source.places and source.places[0] == "baris mainan 1"
    assert reading.tables_of(source) == reading.tables_of(reading.read_source(text))
    kind = reading.kind_of(toy)
    assert kind is not None and not kind.sheet, "update.import_document takes it as a signed document"


def test_a_new_input_kind_has_advice_for_its_broken_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without words of its own in source_text, a new kind's broken table still gets plain advice."""
    reader = _module(tmp_path, "mainan_baca_rusak", TOY_READER)
    monkeypatch.setitem(
        reading.KINDS,
        ".mnn",
        reading.InputKind("dokumen mainan", ".mnn (mainan)", "mainan", reader.mainan_lines),
    )
    lines = (FIXTURE / "data" / "sumber" / "rkt-2024-kpu-kaltim.txt").read_text(encoding="utf-8").splitlines()
    row = max(i for i, line in enumerate(lines) if line.count("\t") >= 3)
    lines[row] += "\tsel lebih"
    toy = tmp_path / "rkt-2024.mnn"
    toy.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with pytest.raises(ProblemsFound) as raised:
        reading.tables_of(reading.read_source(toy))

    problem = raised.value.problems[0]
    assert problem.code == "susunan_dokumen" and f"baris mainan {row + 1}" in problem.file
    assert "berkas asal" in problem.fix
