"""A synthetic package N times the size of the real one, for the build-scale benchmark.

The whole set of documents is copied N times, as if N offices had published
the same RKT. Identifiers keep the patterns of ids.py and datapackage.json
(``RKT24-K``, ``IK24-S07``, ``AN24-03``): copy 0 is the real package unchanged
and every other copy takes a two-digit year that the real package does not
use (00, 01, … 99 without 24), so document RKT24-K becomes RKT00-K, RKT01-K, …
and each row's code follows its document (IK24-S07 → IK00-S07). The
document's ``tahun`` becomes 2000 + that year so that the document code still
agrees with it. With one year in the real package this gives at most 100
copies (200 documents); more would need a wider identifier pattern. The
copies stand for other offices, so the text of their indicators and sasaran
ends with "(salinan 03)": the site must not take them for the same indicator
in other years.

Rows are tied to their document through any identifier column (``dokumen_id``,
``sasaran_id``, ``indikator_id``, …), so resources added later follow without
changes here; rows tied to no document (glossary, rating scale) are written once.

``write_project`` writes a complete project copy (datapackage.json, data/, the
hand-written pages of content/, overrides/, main.py, mkdocs.yml, scripts/)
that `python -m kinerja build` and `mkdocs build` accept as they are.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import csvio
from ..paths import GENERATED

#: A row or document code: type prefix, two-digit year, hyphen, the rest (RKT24-K, IK24-S07, AN24-03).
CODE = re.compile(r"^(?P<prefix>[A-Z]{2,3})(?P<year>[0-9]{2})-(?P<rest>[A-Z]?[0-9]*)$")
#: Files and folders of the project that a build reads (content/ is copied without its generated part).
PROJECT_FILES = ("datapackage.json", "main.py", "mkdocs.yml")
PROJECT_DIRS = ("data", "overrides", "scripts")
#: Text columns marked with the copy's number. The copies stand for other offices of the same
#: year, not for the same office in other years: without the mark the site would link every
#: indicator to its 99 twins as "the same indicator in other years" (model._link_years).
MARKED = {"indikator": ("teks",), "sasaran": ("teks",)}
COPY_MARK = "(salinan {number:02d})"
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", ".ruff_cache")


class TooLarge(ValueError):
    """The factor asks for more copies than the two-digit years allow."""


@dataclass
class Synthetic:
    """What write_project made: where, how large, and which years each copy uses."""

    root: Path
    factor: int
    years: list[dict[str, str]]
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def indikator(self) -> int:
        """The number of indicators (one page each)."""
        return self.rows.get("indikator", 0)


def _is_code_column(spec: Mapping) -> bool:
    """Columns that hold identifiers: id, *_id, sama_dengan, or any column whose pattern is a code."""
    name = str(spec.get("name", ""))
    constraints = spec.get("constraints") if isinstance(spec.get("constraints"), dict) else {}
    pattern = str(constraints.get("pattern", ""))
    return (
        name in ("id", "sama_dengan")
        or name.endswith("_id")
        or bool(re.match(r"\^?[A-Z]{2,3}\[0-9\]\{2\}", pattern))
    )


def code_columns(resource: Mapping) -> list[str]:
    """The identifier columns of one resource of the descriptor."""
    schema = resource.get("schema") if isinstance(resource.get("schema"), dict) else {}
    return [str(f["name"]) for f in schema.get("fields", []) if isinstance(f, dict) and _is_code_column(f)]


def original_years(dokumen: Iterable[Mapping[str, str]]) -> list[str]:
    """The two-digit years of the real package's documents, in first-seen order."""
    years: list[str] = []
    for row in dokumen:
        match = CODE.match(row["id"])
        if match and match["year"] not in years:
            years.append(match["year"])
    return years


def max_factor(years: Sequence[str]) -> int:
    """The largest factor the two-digit years allow: every copy needs one free year per real year."""
    return 1 + (100 - len(years)) // max(len(years), 1)


def year_plan(years: Sequence[str], factor: int) -> list[dict[str, str]]:
    """For each copy, the year each real year becomes: copy 0 keeps its years, the others take free ones."""
    if factor < 1:
        raise ValueError("kelipatan harus 1 atau lebih")
    if factor > max_factor(years):
        raise TooLarge(
            f"kelipatan {factor}× melebihi {max_factor(years)}×, batas kode dua digit tahun "
            f"({len(years)} tahun asli, 100 tahun 00–99); kode dengan pola lebih lebar diperlukan."
        )
    free = [f"{n:02d}" for n in range(100) if f"{n:02d}" not in years]
    plan = [{year: year for year in years}]
    for copy in range(1, factor):
        chunk = free[(copy - 1) * len(years) : copy * len(years)]
        plan.append(dict(zip(years, chunk, strict=True)))
    return plan


def recode(value: str, years: Mapping[str, str]) -> str:
    """A code with its year replaced (IK24-S07 with {'24': '03'} → IK03-S07); other text unchanged."""
    match = CODE.match(value)
    if not match or match["year"] not in years:
        return value
    return f"{match['prefix']}{years[match['year']]}-{match['rest']}"


def _owners(descriptor: Mapping, rows: Mapping[str, list[dict[str, str]]]) -> dict[str, list[str | None]]:
    """For each resource, the document each row belongs to (None: shared by all documents)."""
    documents = {row["id"] for row in rows.get("dokumen", [])}
    owner_of: dict[str, str] = {doc: doc for doc in documents}
    owners: dict[str, list[str | None]] = {}
    pending = [r for r in descriptor["resources"] if r["name"] in rows]
    # Resources may refer to resources listed after them: repeat until nothing new is learnt.
    for _ in range(len(pending) + 1):
        changed = False
        for resource in pending:
            columns = code_columns(resource)
            found: list[str | None] = []
            for row in rows[resource["name"]]:
                owner = row.get("dokumen_id") if row.get("dokumen_id") in documents else None
                for column in columns:
                    owner = owner or owner_of.get(row.get(column, ""))
                found.append(owner)
                if owner and row.get("id") and row["id"] not in owner_of:
                    owner_of[row["id"]] = owner
                    changed = True
            owners[resource["name"]] = found
        if not changed:
            break
    return owners


def synthesise(
    descriptor: Mapping, rows: Mapping[str, list[dict[str, str]]], factor: int
) -> tuple[dict[str, list[dict[str, str]]], list[dict[str, str]]]:
    """The rows of the N× package and the year plan used: copies appended after the real rows."""
    plan = year_plan(original_years(rows.get("dokumen", [])), factor)
    owners = _owners(descriptor, rows)
    out: dict[str, list[dict[str, str]]] = {}
    for resource in descriptor["resources"]:
        name = resource["name"]
        if name not in rows:
            continue
        columns = code_columns(resource)
        result = list(rows[name])
        for number, years in enumerate(plan[1:], start=1):
            for row, owner in zip(rows[name], owners[name], strict=True):
                if owner is None:
                    continue
                copy = dict(row)
                for column in columns:
                    if copy.get(column):
                        copy[column] = recode(copy[column], years)
                for column in MARKED.get(name, ()):
                    copy[column] = f"{row[column]} {COPY_MARK.format(number=number)}"
                if name == "dokumen" and (old := CODE.match(row["id"])):
                    # The document code must agree with its year: RKT03-K is a table of 2003.
                    century = int(row["tahun"]) // 100 * 100
                    copy["tahun"] = str(century + int(years[old["year"]]))
                result.append(copy)
        out[name] = result
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
    """Write a full project copy at `destination` whose package is `factor` times the real one.

    `destination` must not exist yet (or be empty); the real project at `root` is only read.
    """
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
        # The real rows keep their bytes (copy 0 is the real package); the copies are appended.
        original = (root / resource["path"]).read_text(encoding="utf-8")
        added = grown[resource["name"]][len(rows[resource["name"]]) :]
        header = [str(f["name"]) for f in resource["schema"]["fields"]]
        text = csvio.to_text(header, added).split("\n", 1)[1] if added else ""
        if text and not original.endswith("\n"):
            original += "\n"
        (destination / resource["path"]).write_text(original + text, encoding="utf-8", newline="")
    return Synthetic(destination, factor, plan, {name: len(items) for name, items in grown.items()})


__all__ = ["Synthetic", "TooLarge", "max_factor", "recode", "synthesise", "write_project", "year_plan"]
