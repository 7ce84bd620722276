"""The plan at a glance, for the home page: headline targets, programs, one picture, realisation status.

Written as a Markdown fragment (content/kinerja/_beranda.md, never a page of
its own) that content/index.md includes where the home page shows it, so the
home page stays real Markdown before the build, on any engine. It speaks of
the newest year of the site's own documents (model.Package.site_documents).
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import paths
from ...domain.sheet_layout import PERIODS
from ...model import Dokumen, Indikator, Package, Realisasi
from ..job import Job
from . import render
from .render import href
from .rows import Context

#: The fragment's file under content/ (excluded from the pages in mkdocs.yml).
FRAGMENT = paths.section_source("_beranda")
#: What the status overview counts, in the order it shows them.
STATUS = ("tercapai", "belum tercapai", "belum dapat dinilai", "belum dilaporkan")


def reached(entry: Realisasi) -> bool | None:
    """Whether a realisation meets its target: the bound or category test, else capaian ≥ 100 %.

    None when neither can be said (a category without a published scale, a number without a target).
    """
    if entry.memenuhi is not None:
        return entry.memenuhi
    if entry.capaian is not None:
        return entry.capaian >= 100
    return None


def status_of(item: Indikator, periode: str) -> str:
    """One indicator's status for a period, one of STATUS."""
    entry = next((r for r in item.realisasi if r.periode == periode), None)
    if entry is None:
        return "belum dilaporkan"
    result = reached(entry)
    return "belum dapat dinilai" if result is None else ("tercapai" if result else "belum tercapai")


@dataclass
class PeriodStatus:
    """How many indicators of the year stand where, for one reporting period."""

    periode: str
    counts: dict[str, int]
    total: int

    def share(self, status: str) -> int:
        """The status's share of the indicators, in whole percent (for the bar's width)."""
        return round(100 * self.counts[status] / self.total) if self.total else 0


def overview(indikator: list[Indikator]) -> list[PeriodStatus]:
    """The status per period, for the periods that have at least one realisation."""
    reported = {r.periode for item in indikator for r in item.realisasi}
    found = []
    for periode in (p for p in PERIODS if p in reported):
        counts = dict.fromkeys(STATUS, 0)
        for item in indikator:
            counts[status_of(item, periode)] += 1
        found.append(PeriodStatus(periode, counts, len(indikator)))
    return found


def _link(kind: str, identifier: str):  # noqa: ANN202 - Markup
    return href(paths.page_source(kind, identifier))


def _distinct(doc: Dokumen) -> int:
    """Sasaran of a document counted once each (a text printed again is a cell, not a new sasaran)."""
    return sum(1 for s in doc.sasaran if not s.sama_dengan)


def beranda(pkg: Package) -> Context:
    """Context of _beranda.md.j2: the newest year's headline indicators, programs and status."""
    documents = pkg.site_documents
    year = max((d.tahun for d in documents), default=0)
    current: list[Dokumen] = [d for d in documents if d.tahun == year]
    headline = [i for d in current if d.jenis != "sekretariat" for i in d.indikator]
    programs = [p for d in current if d.jenis == "sekretariat" for p in d.program]
    indikator = [i for d in current for i in d.indikator]
    return {
        "here": None,
        "tahun": year,
        "documents": current,
        "headline": [(item, _link("indikator", item.id)) for item in headline],
        "programs": [(program, _link("program", program.id)) for program in programs],
        "rows": [
            (
                doc,
                _link("dokumen", doc.id),
                sum(1 for s in doc.sasaran if not s.sama_dengan),
                len(doc.indikator),
            )
            for doc in current
        ],
        "lists": {kind: href(paths.list_source(kind)) for kind in ("indikator", "sasaran", "program")},
        "status": overview(indikator),
        "status_names": STATUS,
    }


def write(job: Job) -> None:
    """Write the home page's overview, the fragment content/index.md includes."""
    job.page(FRAGMENT, render.template("_beranda.md.j2", **beranda(job.package)))
