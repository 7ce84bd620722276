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


def _plain(file: Any) -> dict:
    """A DownloadFile (or the dict read back from manifest.json) as a dict."""
    return dataclasses.asdict(file) if dataclasses.is_dataclass(file) else dict(file)


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


def dataset_jsonld(package: model.Package, files: Iterable[Any], epoch: int) -> dict:
    """The schema.org Dataset describing the package, for a <script type="application/ld+json">."""
    base = paths.site_url()
    years = package.tahun
    organization = {"@type": "Organization", "name": package.publisher, "url": base}
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
    }


def _typed(value: str, datatype: str) -> dict:
    return {"@value": value, "@type": f"xsd:{datatype}"}


def _dcat_distribution(file: dict, base: str, license_url: str) -> dict:
    url = base + file["path"]
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": file["title"],
        "dct:format": file["format"],
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": "https://www.iana.org/assignments/media-types/" + file["mediatype"]},
        "dcat:byteSize": _typed(str(file["size"]), "nonNegativeInteger"),
        "dct:license": {"@id": license_url},
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
            "spdx:checksumValue": _typed(file["sha256"], "hexBinary"),
        },
    }


def dcat_catalog(package: model.Package, files: Iterable[Any], epoch: int) -> dict:
    """A DCAT catalogue (JSON-LD) with one dataset and a distribution per download.

    Portals that harvest DCAT (CKAN's dcat extension, data.go.id) can list
    the dataset with its licence, period, place and checksummed files.
    """
    base = paths.site_url()
    years = package.tahun
    license_url = package.licence.get("path", "")
    title = package.title
    publisher = {"@type": "foaf:Organization", "foaf:name": package.publisher, "foaf:homepage": {"@id": base}}
    dataset = {
        "@id": base + "#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": package.name,
        "dct:title": title,
        "dct:description": package.description,
        "dct:publisher": publisher,
        "dct:license": {"@id": license_url, "dct:title": package.licence.get("title", "")},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/IND"},
        "dct:issued": _typed(epoch_date(epoch).isoformat(), "date"),
        "dct:modified": _typed(epoch_date(epoch).isoformat(), "date"),
        "owl:versionInfo": package.version,
        "dct:temporal": {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": _typed(f"{years[0]}-01-01", "date"),
            "dcat:endDate": _typed(f"{years[-1]}-12-31", "date"),
        },
        "dct:spatial": {"@type": "dct:Location", "skos:prefLabel": {"@value": PLACE, "@language": "id"}},
        "dcat:keyword": list(package.keywords),
        "dcat:landingPage": {"@id": base},
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": package.publisher,
            "vcard:hasURL": {"@id": base},
        },
        "dcat:distribution": [_dcat_distribution(f, base, license_url) for f in distributions(files)],
    }
    return {
        "@context": {**DCAT_CONTEXT, "owl": "http://www.w3.org/2002/07/owl#"},
        "@id": base + paths.api("dcat.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": f"Katalog data {package.publisher}",
        "dct:description": f"Data terbuka {title}.",
        "dct:publisher": publisher,
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/IND"},
        "dct:modified": _typed(epoch_date(epoch).isoformat(), "date"),
        "foaf:homepage": {"@id": base},
        "dcat:dataset": [dataset],
    }


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
