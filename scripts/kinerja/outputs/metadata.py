"""Metadata about the dataset for machines and people: site URL, schema.org, DCAT, citations.

Search engines read the schema.org Dataset (Google Dataset Search), data
portals (CKAN, data.go.id) harvest the DCAT catalogue, and people copy the
ready citation. All three are built from the package descriptor and the list
of published files, with dates from the build epoch, never from the clock.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from .. import model, paths
from ..clock import epoch_date
from . import fmt, formats

PLACE = "Provinsi Kalimantan Timur"
_ID_YEAR = re.compile(r"^[A-Z]+([0-9]{2})-")
DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
#: The EU Publications Office file-type authority: DCAT-AP wants dct:format as one of its IRIs.
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
#: The IANA media-type register, whose page IRIs DCAT-AP uses for dcat:mediaType.
IANA_MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"
LANGUAGE = "http://publications.europa.eu/resource/authority/language/IND"


def _plain(file: Any) -> dict:
    """A DownloadFile (or the dict read back from manifest.json) as a dict."""
    return (
        dataclasses.asdict(file)
        if dataclasses.is_dataclass(file) and not isinstance(file, type)
        else dict(file)
    )


def distributions(files: Iterable[Any]) -> list[dict]:
    """The files worth announcing to catalogues: downloads under berkas/ and datapackage.json.

    The formats announced are those formats.py marks `catalogued`. Checksums, manifests and the
    per-item API files are left out: they are plumbing, not ways to get the dataset.
    """
    out = []
    announced = formats.catalogued()
    for file in map(_plain, files):
        path = file["path"]
        wanted = path.startswith(paths.BERKAS + "/") and file["format"] in announced
        if (wanted and not path.endswith("manifest.json")) or path == "datapackage.json":
            out.append(file)
    return out


def catalog_title(package: model.Package) -> str:
    """The name of the site's data catalogue, shared by DCAT and schema.org."""
    return f"Katalog data {package.publisher}"


def dataset_jsonld(package: model.Package, files: Iterable[Any], epoch: int) -> dict:
    """The schema.org Dataset describing the package, for a <script type="application/ld+json">.

    `includedInDataCatalog` names the DCAT catalogue (api/v1/dcat.jsonld), so a
    search engine can tie the page to the catalogue that portals harvest.
    """
    base = paths.site_url()
    years = package.tahun
    organization = {"@type": "Organization", "name": package.publisher, "url": base}
    producer = package.satu_data.get("produsen_data")
    extra = {"producer": {"@type": "Organization", "name": producer}} if producer else {}
    return {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": base + "#dataset",
        "name": package.title,
        "description": package.description,
        "url": base,
        "identifier": package.name,
        "version": package.version,
        "license": {
            "@type": "CreativeWork",
            "url": package.licence.get("path", ""),
            "name": package.licence.get("title", ""),
        },
        "creator": organization,
        "publisher": organization,
        "temporalCoverage": "/".join(str(y) for y in (years[0], years[-1]))
        if len(years) > 1
        else str(years[0]),
        "spatialCoverage": {
            "@type": "Place",
            "name": PLACE,
            "address": {
                "@type": "PostalAddress",
                "addressRegion": "Kalimantan Timur",
                "addressCountry": "ID",
            },
        },
        "keywords": list(package.keywords),
        "inLanguage": "id",
        "isAccessibleForFree": True,
        "includedInDataCatalog": {
            "@type": "DataCatalog",
            "@id": base + paths.api("dcat.jsonld"),
            "name": catalog_title(package),
            "url": base,
        },
        "dateModified": epoch_date(epoch).isoformat(),
        "distribution": [
            {
                "@type": "DataDownload",
                "name": file["title"],
                "contentUrl": base + file["path"],
                "encodingFormat": file["mediatype"],
                "contentSize": f"{file['size']} B",
                "sha256": file["sha256"],
            }
            for file in distributions(files)
        ],
        **extra,
    }


def _typed(value: str, datatype: str) -> dict:
    return {"@value": value, "@type": f"xsd:{datatype}"}


def _term(iri: str, *classes: str) -> dict:
    """A linked term with its class(es): DCAT-AP checks the class of every linked resource."""
    return {"@id": iri, "@type": list(classes) if len(classes) > 1 else classes[0]}


def _dcat_distribution(file: dict, base: str, licence: dict) -> dict:
    url = base + file["path"]
    out = {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": file["title"],
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": _term(IANA_MEDIA_TYPE + file["mediatype"], "dct:MediaType"),
        "dcat:byteSize": _typed(str(file["size"]), "nonNegativeInteger"),
        "dct:license": licence,
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": _term("spdx:checksumAlgorithm_sha256", "spdx:ChecksumAlgorithm"),
            "spdx:checksumValue": _typed(file["sha256"], "hexBinary"),
        },
    }
    file_type = formats.get(file["format"]).file_type
    if file_type:
        out["dct:format"] = _term(EU_FILE_TYPE + file_type, "dct:MediaTypeOrExtent")
    return out


def dcat_catalog(package: model.Package, files: Iterable[Any], epoch: int) -> dict:
    """A DCAT-AP 3 catalogue (JSON-LD) with one dataset and a distribution per download.

    Portals that harvest DCAT (CKAN's dcat extension, data.go.id) can list
    the dataset with its licence, period, place and checksummed files. It
    conforms to the DCAT-AP 3.0.1 SHACL shapes (tests/fixtures/dcat-ap/):
    formats and media types are EU file-type and IANA IRIs, and every linked
    term carries its class. The Produsen Data of Satu Data Indonesia, once
    recorded, is the dataset's dct:creator; Walidata and Kode Referensi have
    no DCAT counterpart and stay in datapackage.json and the kamus data.
    """
    base = paths.site_url()
    years = package.tahun
    licence = _term(package.licence.get("path", ""), "dct:LicenseDocument")
    title = package.title
    homepage = _term(base, "foaf:Document")
    publisher = {
        "@type": ["foaf:Organization", "foaf:Agent"],
        "foaf:name": package.publisher,
        "foaf:homepage": homepage,
    }
    language = _term(LANGUAGE, "dct:LinguisticSystem")
    dataset = {
        "@id": base + "#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": package.name,
        "dct:title": title,
        "dct:description": package.description,
        "dct:publisher": publisher,
        "dct:license": {**licence, "dct:title": package.licence.get("title", "")},
        "dct:language": language,
        "dct:issued": _typed(epoch_date(epoch).isoformat(), "date"),
        "dct:modified": _typed(epoch_date(epoch).isoformat(), "date"),
        "dcat:version": package.version,
        "dct:temporal": {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": _typed(f"{years[0]}-01-01", "date"),
            "dcat:endDate": _typed(f"{years[-1]}-12-31", "date"),
        },
        "dct:spatial": {"@type": "dct:Location", "skos:prefLabel": {"@value": PLACE, "@language": "id"}},
        "dcat:keyword": list(package.keywords),
        "dcat:landingPage": homepage,
        "dcat:contactPoint": {
            "@type": ["vcard:Organization", "vcard:Kind"],
            "vcard:fn": package.publisher,
            "vcard:hasURL": {"@id": base},
        },
        "dcat:distribution": [_dcat_distribution(f, base, licence) for f in distributions(files)],
    }
    if producer := package.satu_data.get("produsen_data"):
        dataset["dct:creator"] = {"@type": ["foaf:Organization", "foaf:Agent"], "foaf:name": producer}
    return {
        "@context": DCAT_CONTEXT,
        "@id": base + paths.api("dcat.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": catalog_title(package),
        "dct:description": f"Data terbuka {title}.",
        "dct:publisher": publisher,
        "dct:language": language,
        "dct:modified": _typed(epoch_date(epoch).isoformat(), "date"),
        "foaf:homepage": homepage,
        "dcat:dataset": [dataset],
    }


def robots_txt() -> str:
    """The site's robots.txt: everything may be crawled, and the sitemap is named when the address is known.

    A Sitemap line must carry the sitemap's full address (sitemaps.org protocol),
    so it is written only when the build was given the site's real address
    (paths.site_url_is_set). Without it the address in mkdocs.yml is only a
    default that may not be where the site lives, so the line is left out and the
    file says why. (Crawlers read robots.txt only at a host's root: under a
    project path such as <user>.github.io/<repo>/ it is ignored; see keputusan.md.)
    """
    lines = [
        "# Transparansi Kinerja: seluruh halaman dan berkas data terbuka untuk mesin pencari.",
        "User-agent: *",
        "Allow: /",
        "",
    ]
    if paths.site_url_is_set():
        lines.append(f"Sitemap: {paths.site_url()}sitemap.xml")
    else:
        lines += [
            "# Peta situs belum disebut: alamat tetap situs belum ditetapkan (dibangun tanpa SITE_URL),",
            "# dan baris Sitemap harus memuat alamat lengkap yang pasti.",
        ]
    return "\n".join(lines) + "\n"


def citation(
    publisher: str, item_title: str, identifier: str, url: str, epoch: int | date, provisional: bool = False
) -> str:
    """A ready-to-paste Indonesian citation of one item (indicator, sasaran, program, document).

    The year is the one written in the identifier (IK24-… → 2024, see ids.py);
    the date is when the data last changed, so a citation names its version.
    A `provisional` address (a build without the site's real address) says so.
    """
    day = epoch if isinstance(epoch, date) else epoch_date(epoch)
    match = _ID_YEAR.match(identifier)
    year = 2000 + int(match.group(1)) if match else day.year
    return (
        f'{publisher}. ({year}). "{item_title}" [{identifier}]. Dalam Rencana Kinerja Tahunan {year} '
        f"{publisher}. Versi data {fmt.tanggal(day)}. Diakses dari {url}"
        + (" (alamat sementara)" if provisional else "")
    )
