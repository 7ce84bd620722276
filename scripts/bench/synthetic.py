"""A synthetic package of N offices, for the build-scale benchmark and the tests of several offices.

Office 1 is the real package unchanged (KPU Provinsi Kalimantan Timur, the
home office). Every other office gets a copy of the real documents, with the
office's code in every identifier (RKT24-K → RKT24-6472-K, IK24-S07 →
IK24-6472-S07, AN24-03 → AN24-6472-03) and `kantor_id` set, so that the copy
is what that office's own RKT would look like in the package. Offices are
taken in this order, up to KPU's 553:

1. the ten kabupaten/kota of Kalimantan Timur, with their real names and
   region codes (Kemendagri and BPS, docs/keputusan.md);
2. KPU RI;
3. synthetic provinces and kabupaten/kota, with codes from ranges that no
   real region uses (province codes 22–30, 40–50, 54–60, 66–70, 77–80,
   83–90) and names that say "Sintetis".

Every added office says so in its name (MARK, or "Sintetis" in the invented
ones): its documents are copies made for measuring, never data. The package
is written only into a new project copy, never into the real data/, and the
published schema has no column for it (docs/keputusan.md, "Kantor sintetis
hanya di salinan tolok ukur"). ``write_project`` writes a complete project
copy (datapackage.json, data/, content/ without its generated part,
overrides/, main.py, mkdocs.yml, scripts/) that `python -m kinerja build`
accepts as it is.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kinerja import csvio
from kinerja.domain import ids
from kinerja.paths import GENERATED

#: KPU has 553 offices: KPU RI, 38 provincial and 514 district/city offices.
MAX_OFFICES = 553
PROVINCES = 38
DISTRICTS = 514
#: The ten kabupaten/kota of Kalimantan Timur: id (Kemendagri code without the dot), name, kind,
#: Kemendagri code, BPS code.
KALTIM = (
    ("6401", "KPU Kabupaten Paser", "kabupaten", "64.01", "6401"),
    ("6402", "KPU Kabupaten Kutai Kartanegara", "kabupaten", "64.02", "6403"),
    ("6403", "KPU Kabupaten Berau", "kabupaten", "64.03", "6405"),
    ("6407", "KPU Kabupaten Kutai Barat", "kabupaten", "64.07", "6402"),
    ("6408", "KPU Kabupaten Kutai Timur", "kabupaten", "64.08", "6404"),
    ("6409", "KPU Kabupaten Penajam Paser Utara", "kabupaten", "64.09", "6409"),
    ("6411", "KPU Kabupaten Mahakam Ulu", "kabupaten", "64.11", "6411"),
    ("6471", "KPU Kota Balikpapan", "kota", "64.71", "6471"),
    ("6472", "KPU Kota Samarinda", "kota", "64.72", "6472"),
    ("6474", "KPU Kota Bontang", "kota", "64.74", "6474"),
)
#: Added to the names of the real offices copied in, so that no page of a copy passes for theirs.
MARK = " (sintetis)"
#: Two-digit codes that no real province uses: the synthetic provinces take them in this order.
FREE_PROVINCES = tuple(
    f"{n:02d}"
    for n in [*range(22, 31), *range(40, 51), *range(54, 61), *range(66, 71), *range(77, 81), *range(83, 91)]
)
#: Files and folders of the project that a build reads (content/ is copied without its generated part).
PROJECT_FILES = ("datapackage.json", "main.py", "mkdocs.yml")
PROJECT_DIRS = ("data", "overrides", "scripts")
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", ".ruff_cache")


class TooLarge(ValueError):
    """More offices were asked for than KPU has."""


@dataclass
class Synthetic:
    """What write_project made: where, how many offices, and how many rows of each resource."""

    root: Path
    factor: int
    offices: list[dict[str, str]]
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def indikator(self) -> int:
        """The number of indicators (one page each)."""
        return self.rows.get("indikator", 0)


def office_plan(factor: int, home: str = "64") -> list[dict[str, str]]:
    """The `factor - 1` offices added to the real one: real names and codes first, then synthetic ones."""
    if factor < 1:
        raise ValueError("jumlah kantor harus 1 atau lebih")
    if factor > MAX_OFFICES:
        raise TooLarge(
            f"{factor} kantor melebihi {MAX_OFFICES}, jumlah kantor KPU (KPU RI, 38 provinsi, 514 kab/kota)"
        )
    plan = [
        {"id": i, "nama": n + MARK, "jenis": j, "kode_kemendagri": k, "kode_bps": b, "induk": home}
        for i, n, j, k, b in KALTIM
    ]
    plan.append(
        {"id": "RI", "nama": "KPU RI" + MARK, "jenis": "ri", "kode_kemendagri": "", "kode_bps": "",
         "induk": ""}
    )  # fmt: skip
    provinces = FREE_PROVINCES[: PROVINCES - 1]  # the home office is the 38th province
    per_province = -(-(DISTRICTS - len(KALTIM)) // len(provinces))
    for province in provinces:
        plan.append(
            {"id": province, "nama": f"KPU Provinsi Sintetis {province}", "jenis": "provinsi",
             "kode_kemendagri": province, "kode_bps": province, "induk": "RI"}
        )  # fmt: skip
        for number in range(1, per_province + 1):
            code = f"{province}{number:02d}"
            plan.append(
                {"id": code, "nama": f"KPU Kabupaten Sintetis {code}", "jenis": "kabupaten",
                 "kode_kemendagri": f"{province}.{number:02d}", "kode_bps": code, "induk": province}
            )  # fmt: skip
    return [{**o, "utama": ""} for o in plan[: factor - 1]]


def recode(value: str, office: str) -> str:
    """A home-office code with the office's code put in (IK24-S07 → IK24-6472-S07); other text unchanged."""
    parsed = ids.parse(value)
    if parsed is None or parsed.dokumen.kantor:
        return value
    doc = ids.Dokumen(parsed.dokumen.yy, office, parsed.dokumen.jenis, parsed.dokumen.seq)
    if parsed.kind == "dokumen":
        return doc.code
    if parsed.kind == "anomali":
        return doc.anomali(parsed.number or 0)
    return doc.row(parsed.kind, parsed.number or 0)


def _code_columns(resource: Mapping) -> list[str]:
    """The columns of a resource that hold identifiers: id, *_id and sama_dengan."""
    fields = resource.get("schema", {}).get("fields", [])
    return [f["name"] for f in fields if f["name"] in ("id", "sama_dengan") or f["name"].endswith("_id")]


def synthesise(
    descriptor: Mapping, rows: Mapping[str, list[dict[str, str]]], factor: int
) -> tuple[dict[str, list[dict[str, str]]], list[dict[str, str]]]:
    """The rows of the package with `factor` offices, and the offices added."""
    plan = office_plan(factor)
    documents = {row["id"] for row in rows.get("dokumen", [])}
    out: dict[str, list[dict[str, str]]] = {}
    for resource in descriptor["resources"]:
        name = resource["name"]
        if name not in rows:
            continue
        result = list(rows[name])
        columns = [c for c in _code_columns(resource) if c != "kantor_id"]
        if name == "kantor":
            result += plan
        elif any(c in columns for c in ("dokumen_id", "indikator_id", "program_id")) or name == "dokumen":
            for office in plan:
                for row in rows[name]:
                    copy = {k: recode(v, office["id"]) if k in columns else v for k, v in row.items()}
                    if name == "dokumen":
                        copy["kantor_id"] = office["id"]
                    result.append(copy)
        out[name] = result
    assert documents, "paket nyata tanpa dokumen"
    return out, plan


def _copy_content(source: Path, destination: Path) -> None:
    """The hand-written part of content/: everything except the generator's folders."""
    destination.mkdir(parents=True, exist_ok=True)
    for item in sorted(source.iterdir()):
        if item.name in GENERATED:
            continue
        if item.is_dir():
            shutil.copytree(item, destination / item.name, ignore=_IGNORE)
        else:
            shutil.copy2(item, destination / item.name)


def write_project(root: Path, destination: Path, factor: int) -> Synthetic:
    """Write a full project copy at `destination` holding `factor` offices (1 = the real package).

    `destination` must not exist yet (or be empty); the real project at `root` is only read.
    """
    plan = office_plan(factor)  # refuse an impossible factor before writing anything
    destination.mkdir(parents=True, exist_ok=True)
    if any(destination.iterdir()):
        raise FileExistsError(f"{destination} tidak kosong; paket sintetis hanya ditulis ke folder baru")
    for name in PROJECT_FILES:
        if (root / name).exists():
            shutil.copy2(root / name, destination / name)
    for name in PROJECT_DIRS:
        if (root / name).is_dir():
            shutil.copytree(root / name, destination / name, ignore=_IGNORE)
    if (root / "content").is_dir():
        _copy_content(root / "content", destination / "content")
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    rows = {
        r["name"]: csvio.read(root / r["path"])
        for r in descriptor["resources"]
        if (root / r["path"]).is_file()
    }
    grown, plan = synthesise(descriptor, rows, factor)
    for resource in descriptor["resources"]:
        if resource["name"] not in grown:
            continue
        # The real rows keep their bytes (office 1 is the real package); the copies are appended.
        original = (root / resource["path"]).read_text(encoding="utf-8")
        added = grown[resource["name"]][len(rows[resource["name"]]) :]
        header = [str(f["name"]) for f in resource["schema"]["fields"]]
        text = csvio.to_text(header, added).split("\n", 1)[1] if added else ""
        if text and not original.endswith("\n"):
            original += "\n"
        (destination / resource["path"]).write_text(original + text, encoding="utf-8", newline="")
    return Synthetic(destination, factor, plan, {name: len(items) for name, items in grown.items()})


def add_realisation(root: Path, office: str) -> str:
    """Append one valid realisation (the next quarter not yet reported) for an indicator of `office`.

    What a quarterly update of one office looks like: one row more in data/realisasi.csv, for the
    office's first indicator with a numeric target. Returns that indicator's code.
    """
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    where = {r["name"]: root / r["path"] for r in descriptor["resources"]}
    item = next(
        row
        for row in csvio.read(where["indikator"])
        if row["id"].startswith(f"IK24-{office}-") and row["target_jenis"] == "angka" and row["target_satuan"]
    )
    done = {row["periode"] for row in csvio.read(where["realisasi"]) if row["indikator_id"] == item["id"]}
    quarter = next(q for q in ("TW1", "TW2", "TW3", "TW4") if q not in done)
    text = where["realisasi"].read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    source = f"Laporan Kinerja {quarter} 2024"
    text += f"{item['id']},{quarter},12.5,{item['target_satuan']},,{source},2024-10-15,\n"
    where["realisasi"].write_text(text, encoding="utf-8", newline="")
    return item["id"]


__all__ = [
    "MAX_OFFICES",
    "Synthetic",
    "TooLarge",
    "add_realisation",
    "office_plan",
    "recode",
    "synthesise",
    "write_project",
]
