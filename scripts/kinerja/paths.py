"""Every output folder and URL of the site, in one place.

Pages, downloads, the API, the metadata and the macros of main.py ask this
module where a thing lives; none of them spells a path itself. Published
URLs never change meaning (see docs/keputusan.md): `kinerja/indikator/ik24-s07/`
is the page of IK24-S07 forever, `api/v1/indikator/IK24-S07.json` its data.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

#: The project folder of this code (holding mkdocs.yml), used when no other root is given.
PROJECT = Path(__file__).resolve().parents[2]
MKDOCS_YML = PROJECT / "mkdocs.yml"
#: The hand-written pages and everything generated for MkDocs live under content/.
CONTENT = "content"
#: Folders under content/ that the generator owns (ignored by git, rewritten by every build).
GENERATED = ("kinerja", "api", "berkas")
#: Generated pages of the rows of the package, their lists, the tree, the glossary.
PAGES = "kinerja"
#: Downloads: ZIP, XLSX, CSV and JSON per resource, the source documents, checksums.
BERKAS = "berkas"
#: The name (without extension) of the complete indicator table under berkas/: CSV, XLSX and JSON.
LENGKAP = "indikator-lengkap"
#: The static JSON API, version 1 (only ever extended, never changed incompatibly).
API = "api/v1"
#: The Atom feed of the changes to the data (the home office's when there are several offices).
FEED = f"{BERKAS}/perubahan.xml"
#: Where the list of downloads is written for the macros of the hand-written pages.
DOWNLOAD_MANIFEST = f"{CONTENT}/{BERKAS}/manifest.json"
#: The manifest of every published file, checked after MkDocs.
API_MANIFEST = f"{API}/manifest.json"
#: The build cache (outputs/tembolok.py): finished pages by key, so an unchanged page is not built again.
#: Ignored by git, removed by `make clean`; deleting it only makes the next build a clean one.
BUILD_CACHE = ".tembolok"
#: In the build cache: frictionless' verdicts on the package's files by their bytes (validate/schema.py), so
#: a build after one file changed has only that file (and those pointing into it) checked by frictionless.
VERDICTS = "frictionless.pickle"
#: What each commit of the data changed (kinerja.history), in the build cache.
HISTORY = "riwayat.json"
#: A build's scratch folder beside the cache (the cache's plan, the engine's report), removed when the build
#: ends; one left by a killed build is removed by the next build, as atomic.staging does for the site.
BUILD_WORK_PREFIX = ".tembolok-kerja-"
#: How the built site is cut into shards for size-limited hosts (outputs/shards.py, docs/hosting-nasional.md).
SHARDS = "shards.json"
#: The upload folder of the browser path: every file anywhere under it is imported (`make check-upload`).
UPLOADS = "masukan"
#: Where `make template` writes the realisation sheets by default (git-ignored; never part of the site).
SHEETS = f"{UPLOADS}/lembar"

#: The kinds of row with a page of their own named by the row's code (kinerja/indikator/ik24-s07/); a
#: search scope gives such a page to the office its code names (outputs/search/lunr.py).
ROW_KINDS = ("indikator", "sasaran", "program", "dokumen")
#: The kind of the page of an office (kinerja/kantor/6472/), named by the office's code.
OFFICE_KIND = "kantor"
_NAMED_PAGE = re.compile(rf"^{PAGES}/(?P<kind>[^/]+)/(?P<code>[^/]+)/")

_SITE_URL_LINE = re.compile(
    r"""^site_url:\s*(?:!ENV\s*\[\s*\w+\s*,\s*(?P<default>"[^"]*"|'[^']*'|[^\]\s]+)\s*\]|(?P<plain>\S+))""",
    re.MULTILINE,
)


def slug(identifier: str) -> str:
    """An identifier as it appears in URLs: lower case (IK24-S07 → ik24-s07)."""
    return identifier.lower()


def page_source(kind: str, identifier: str) -> str:
    """The Markdown file of a row's page under content/: kinerja/indikator/ik24-s01.md."""
    return f"{PAGES}/{kind}/{slug(identifier)}.md"


def page_url(kind: str, identifier: str) -> str:
    """The site-relative URL of a row's page: kinerja/indikator/ik24-s01/."""
    return f"{PAGES}/{kind}/{slug(identifier)}/"


def named_page(url: str) -> tuple[str, str] | None:
    """(kind, code) of the site-relative URL of a page named by a code, or of a page under it; else None.

    kinerja/indikator/ik24-s07/ → ("indikator", "ik24-s07"); kinerja/dokumen/rkt24-s/v1/ (an older
    version) → ("dokumen", "rkt24-s"); a list page (kinerja/indikator/) or any other page → None.
    """
    match = _NAMED_PAGE.match(url)
    return (match["kind"], match["code"]) if match else None


def page_link(from_kind: str, kind: str, identifier: str) -> str:
    """A Markdown link target from a row page of `from_kind` to the page of another row."""
    prefix = "" if from_kind == kind else f"../{kind}/"
    return f"{prefix}{slug(identifier)}.md"


def list_link(from_kind: str | None, kind: str) -> str:
    """A link target to the list page of a kind (kinerja/kantor/index.md) from a row page or a section."""
    return f"{kind}/index.md" if from_kind is None else f"../{kind}/index.md"


def section_link(kind: str, identifier: str) -> str:
    """A link target from a generated page that is not a row (kinerja/pohon.md) to a row's page."""
    return f"{kind}/{slug(identifier)}.md"


def list_source(kind: str) -> str:
    """The list page of a kind of row: kinerja/indikator/index.md."""
    return f"{PAGES}/{kind}/index.md"


def section_source(name: str) -> str:
    """A generated page that is not a row: kinerja/pohon.md, kinerja/glosarium.md."""
    return f"{PAGES}/{name}.md"


def section_from_row(name: str, anchor: str = "") -> str:
    """A link target from a row's page to a generated page that is not a row: ../skala.md#opini_bpk."""
    return f"../{name}.md" + (f"#{anchor}" if anchor else "")


def anchor(code: str) -> str:
    """The anchor of a heading named by a code (opini_bpk → opini-bpk): letters, digits, hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")


def version_source(dokumen_id: str, versi: int) -> str:
    """The page of an older version of a document: kinerja/dokumen/rkt24-s/v1.md."""
    return f"{PAGES}/dokumen/{slug(dokumen_id)}/v{versi}.md"


def version_link(dokumen_id: str, versi: int) -> str:
    """A link from the document's page to one of its older versions."""
    return f"{slug(dokumen_id)}/v{versi}.md"


def version_document_link(dokumen_id: str) -> str:
    """A link from the page of an older version back to its document's page: ../rkt24-s.md."""
    return f"../{slug(dokumen_id)}.md"


#: An indicator's share picture and embeddable card, in its page's folder (kinerja/indikator/ik24-s01/).
SHARE_IMAGE = "bagikan.png"
EMBED = "sematkan.html"


def share_image(identifier: str) -> str:
    """The site path of an indicator's share picture (og:image): kinerja/indikator/ik24-s01/bagikan.png."""
    return page_url("indikator", identifier) + SHARE_IMAGE


def embed(identifier: str) -> str:
    """The site path of an indicator's embeddable card: kinerja/indikator/ik24-s01/sematkan.html."""
    return page_url("indikator", identifier) + EMBED


def share_image_link(identifier: str) -> str:
    """A link from an indicator's page (kinerja/indikator/ik24-s01.md) to its share picture."""
    return f"{slug(identifier)}/{SHARE_IMAGE}"


def embed_link(identifier: str) -> str:
    """A link from an indicator's page (kinerja/indikator/ik24-s01.md) to its embeddable card."""
    return f"{slug(identifier)}/{EMBED}"


def handwritten(name: str) -> str:
    """A hand-written page under content/: unduh.md, api.md."""
    return f"{name}.md"


#: The search page's address under the site root (content/cari.md).
SEARCH_PAGE = "cari/"
#: The search files beside the search page: lunr.js, the list of scopes, one file of documents per scope.
SEARCH_FILES = f"{SEARCH_PAGE}indeks"


def site_link(path: str) -> str:
    """A link target from a row's page (kinerja/<kind>/x.md) to a file of the site: ../../unduh.md."""
    return f"../../{path}"


def office_search(kantor_id: str, home: bool) -> str:
    """A link from an office's page to the search page, searching that office's documents.

    The home office is what the search page searches by default; another office is named by
    `?kantor=` (content/assets/cari.js reads it).
    """
    return site_link("cari.md") if home else site_link(f"cari.md?kantor={slug(kantor_id)}")


def office_feed(kantor_id: str) -> str:
    """The Atom feed of one office's changes: berkas/kantor/6472/perubahan.xml."""
    return berkas(f"kantor/{slug(kantor_id)}/perubahan.xml")


def sheet_download(name: str) -> str:
    """Where a realisation sheet to fill in is offered on the site: berkas/lembar/realisasi-RKT24-S.xlsx."""
    return berkas(f"lembar/{name}")


def berkas(name: str) -> str:
    """The site path of a download: berkas/indikator.csv."""
    return f"{BERKAS}/{name}"


def source_download(sumber: str) -> str:
    """Where a source document (data/sumber/x.txt) is offered for download: berkas/sumber/x.txt."""
    return berkas("sumber/" + sumber.rsplit("/", 1)[-1])


def api(name: str) -> str:
    """The site path of an API file: api/v1/index.json."""
    return f"{API}/{name}"


def api_item(kind: str, identifier: str, suffix: str = "json") -> str:
    """The API file of one row: api/v1/indikator/IK24-S01.json (codes keep their case)."""
    return f"{API}/{kind}/{identifier}.{suffix}"


def indikator_files(identifier: str) -> dict[str, str]:
    """The site paths of one indicator's data files, by format (linked from its page)."""
    return {"CSV": api_item("indikator", identifier, "csv"), "JSON": api_item("indikator", identifier)}


def site_url() -> str:
    """The public base URL of the site, always ending with '/'.

    SITE_URL from the environment when set (forks, previews), otherwise the
    default written in mkdocs.yml, the one place the URL is configured.
    """
    url = os.environ.get("SITE_URL") or _configured_site_url()
    return url if url.endswith("/") else url + "/"


def site_url_is_set() -> bool:
    """Whether this build was given the site's real address (SITE_URL, set by the Pages workflow).

    Without it the address in mkdocs.yml is only a default, so pages call their
    address provisional instead of printing a guessed host as permanent.
    """
    return bool(os.environ.get("SITE_URL", "").strip())


@lru_cache(maxsize=1)
def _mkdocs_yml() -> str:
    """The text of mkdocs.yml, read once: the site's name and default address are configured there."""
    return MKDOCS_YML.read_text(encoding="utf-8")


def site_name() -> str:
    """The site's name as mkdocs.yml gives it (`site_name`), for what is made outside the engine (embeds)."""
    match = re.search(r"^site_name:\s*(.+?)\s*$", _mkdocs_yml(), re.MULTILINE)
    if match is None:
        raise ValueError(f"baris 'site_name' tidak ditemukan di {MKDOCS_YML}. Isi nama situs di sana.")
    return match.group(1).strip("\"'")


def _configured_site_url() -> str:
    match = _SITE_URL_LINE.search(_mkdocs_yml())
    if match is None:
        raise ValueError(f"baris 'site_url' tidak ditemukan di {MKDOCS_YML}. Isi alamat situs di sana.")
    return (match.group("default") or match.group("plain")).strip("\"'")


def absolute(path: str, base: str | None = None) -> str:
    """The absolute URL of a site path."""
    return (base if base is not None else site_url()) + path
