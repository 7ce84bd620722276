"""Every claim about the world names its source: hand-written pages, glossary, anomalies, metadata.

The convention is documented in docs/keputusan.md ("Klaim dan sumber"). On a hand-written page
(content/*.md) a statement about the law (a regulation, an article) carries a source marker a reader
can check, and every marker that is given must be checkable:

- "Sumber: Dokumen RKT, baris 12" (lines of the text of the package's first source; "Dokumen RKT
  2025, baris 12" for the text of that year's documents; "baris 3–5, 20 dan 57"; "Dokumen RKT,
  seluruh teks" for what the document does not contain),
- "Sumber: UU 14/2008 Pasal 22 ayat (7)" (a regulation by name and article, "(judul)" or "Lampiran"),
- "Sumber: support.google.com, …" (another public source, named by its site),
- "Sumber: data/sasaran.csv" (a published data file; it must exist),

or our own reading is marked: "*tafsiran*", "Tafsiran kami" or "(tafsiran)". Statements about the
site itself need none. No page names code, tests or developer notes (tests/…, scripts/…, docs/…):
a reader cannot check them. Forms and lines of markup only (a script, an empty result list, a
button) are interface, not claims. In a table with a "Sumber" column that cell carries the marker.
Glossary rows carry their source in `rujukan`; codes named anywhere must exist.

The pages and mkdocs.yml are checked when the folder validated holds them (a project, not a bare
package); the page parser is in claims_pages.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..datapackage import DataPackage, of
from ..domain import ids, layout, versions
from ..errors import Problem
from ..problems import KLAIM_TANPA_SUMBER
from .claims_pages import SNIPPET, TAFSIRAN, Block, blocks

#: Where a source marker starts: "Sumber:", "Sumber tabel:", "Sumber contoh:".
SUMBER = re.compile(r"Sumber(?: [a-z]+)?:", re.IGNORECASE)
#: "Dokumen RKT, baris 3–5, 20 dan 57", "Dokumen RKT 2025, baris 4" (the numbers are parsed by `doc_lines`).
DOC = re.compile(r"\bDokumen RKT(?:\s+(\d{4}))?\b")
DOC_ALL = re.compile(r"\bDokumen RKT(?:\s+\d{4})?,\s*seluruh teks\b")
LINES = re.compile(r"\bbaris\s+(\d+(?:\s*[–-]\s*\d+)?(?:\s*(?:,|dan)\s*\d+(?:\s*[–-]\s*\d+)?)*)")
#: A regulation by kind, number and year, e.g. "UU 14/2008", "PMK 171/PMK.05/2007".
REGULATION = re.compile(
    r"\b(?:UU|PP|Perpres|Perki|PKPU|PermenPAN-RB|PMK|Permenkominfo)\s+\d+(?:/PMK\.\d+)?/\d{4}\b"
)
#: A regulation kind not followed by its number and year.
BARE_REGULATION = re.compile(
    r"\b(?:UU|PP|Perpres|Perki|PKPU|PermenPAN-RB|PMK)\b(?!\s+\d+(?:/PMK\.\d+)?/\d{4})"
)
#: ... and where in it: an article, its title, or an annex.
ARTICLE = re.compile(r"\bPasal\b|\bjudul\b|\bLampiran\b", re.IGNORECASE)
#: Another public source, named by its site.
SITE = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go\.id|ac\.id|or\.id|org|com|net)\b")
#: What makes a block a statement about the law, which must name its source.
LEGAL = re.compile(
    r"\b(?:UU|PP|Perpres|Perki|PKPU|PermenPAN-RB|PMK|Permenkominfo|Pasal)\b|\b(?:Undang-Undang|Peraturan)\b"
)
#: Files of the repository that only developers read: never named on a public page.
DEV_PATH = re.compile(
    r"(?<![\w/.-])((?:tests|scripts|docs|overrides|content)/[\w./-]*\w|\.github/[\w./-]*\w|\.ci/\w+"
    r"|mkdocs\.yml|Makefile|README\.md)"
)
#: A file of this repository.
PATH = re.compile(
    r"(?<![\w/.-])((?:data|tests|scripts|docs|content|overrides)/[\w./-]*\w|\.github/[\w./-]*\w|\.ci/\w+"
    r"|datapackage\.json|mkdocs\.yml|LICENSE|Makefile|README\.md)"
)
#: Something shaped like a code of a row or document (checked with kinerja.domain.ids).
CODE = re.compile(r"\b(?:RKT|IK|SS|PG|AN)\d{2}-[0-9A-Z]+(?:-[0-9A-Z]+)*\b")
#: A confirmation letter: "Nomor 123/PP.01/2026 tanggal 2 Maret 2026" (a number with a digit, a full date).
CONFIRMED = re.compile(
    r"\bNomor\s+[\w./-]*\d[\w./-]*.*\btanggal\s+\d{1,2}\s+\w+\s+\d{4}\b", re.IGNORECASE | re.DOTALL
)
#: How to mark a claim, for every fix text.


@dataclass
class Context:
    """What citations are checked against: the documents' text lines, the codes, the repository files."""

    files: Path
    texts: dict[str, list[str]] = field(default_factory=dict)  # "" = the first source; "2025" = that year's
    codes: set[str] = field(default_factory=set)
    proposed: bool = True

    def lines(self, year: str | None) -> list[str]:
        """The lines of the text 'Dokumen RKT' (or 'Dokumen RKT <year>') refers to."""
        return self.texts.get(year or "", [])


def context(package: DataPackage | Path, descriptor: dict) -> Context:
    """The context of the package (or of the project folder holding it)."""
    package = of(package)
    root = package.root
    paths = {r["name"]: r["path"] for r in descriptor.get("resources", [])}
    texts: dict[str, list[str]] = {}
    for source in descriptor.get("sources", []):
        rel = layout.text_form(root, source.get("path", ""))
        if rel is not None:
            texts.setdefault("", package.text(rel).split("\n"))
            break

    def rows(name: str) -> list[dict[str, str]]:
        return (package.rows_at(paths[name]) or []) if name in paths else []

    codes: set[str] = set()
    for name in ("dokumen", "program", "sasaran", "indikator", "anomali"):
        codes |= {r["id"] for r in rows(name)}
    # Codes are forever: a row a revision removed keeps its code in its version's archive.
    for revision in rows("revisi"):
        folder = versions.archive_folder(revision["dokumen_id"], int(revision["versi"]))
        for rel in package.files_under(folder):
            codes |= {r["id"] for r in package.rows_at(rel) or [] if r.get("id")}
    for doc in rows("dokumen"):
        rel = layout.text_form(root, doc.get("sumber", ""))
        if rel is not None:
            texts.setdefault(doc["tahun"], package.text(rel).split("\n"))
    licences = descriptor.get("licenses") or [{}]
    return Context(root, texts, codes, "usulan" in str(licences[0].get("title", "")).lower())


def doc_lines(item: str) -> list[int]:
    """Every line number an item cites ("baris 3–5 dan 9" gives 3, 5 and 9: range ends)."""
    numbers = []
    for group in LINES.findall(item):
        for low, high in re.findall(r"(\d+)(?:\s*[–-]\s*(\d+))?", group):
            numbers.append(int(low))
            if high:
                numbers.append(int(high))
    return numbers


def split_items(text: str) -> list[str]:
    """Citation items separated by ';' outside parentheses."""
    items, depth, part = [], 0, ""
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == ";" and depth == 0:
            items.append(part)
            part = ""
        else:
            part += char
    return [i.strip() for i in items + [part] if i.strip()]


def citation_problems(segment: str, ctx: Context) -> list[str]:
    """What is wrong with the citation text after "Sumber:" (or in a "Sumber" table cell)."""
    text = segment.replace("*", " ").strip().rstrip(".").strip()
    if text.count(")") > text.count("("):
        text = text[: text.rfind(")")].strip().rstrip(".")
    problems = []
    items = split_items(text)
    if not items:
        return ["sumber kosong"]
    for item in items:
        recognised = False
        if match := DOC.search(item):
            numbers = doc_lines(item)
            if not numbers and not DOC_ALL.search(item):
                problems.append(f"'{item}': Dokumen RKT tanpa nomor baris (atau 'seluruh teks')")
            lines = ctx.lines(match.group(1))
            for n in numbers:
                if not 1 <= n <= len(lines) or not lines[n - 1].strip():
                    problems.append(f"'{item}': baris {n} tidak ada atau kosong di teks sumber")
            recognised = True
        for found in REGULATION.finditer(item):
            recognised = True
            if not ARTICLE.search(item):
                problems.append(f"'{item}': {found.group(0)} tanpa pasal, judul atau lampiran")
        if SITE.search(item):
            recognised = True
        for path in PATH.findall(item):
            recognised = True
            if DEV_PATH.fullmatch(path):
                problems.append(f"'{item}': {path} hanya dibaca pengembang; rujuk berkas data yang terbit")
            elif (ctx.files / path.split("/")[0]).exists() and not (ctx.files / path).exists():
                problems.append(f"'{item}': berkas {path} tidak ada")
        if not recognised and not TAFSIRAN.search(item) and not re.search(r"\btafsiran\b", item):
            problems.append(f"'{item}': sumber tidak dikenali")
    return problems


def segments(text: str) -> list[str]:
    """The citation texts of a block: after each "Sumber:", to its closing parenthesis or the end."""
    found = []
    for match in SUMBER.finditer(text):
        before = text[: match.start()].rstrip("* ")
        rest = text[match.end() :]
        if before.endswith("("):
            depth = 1
            for i, char in enumerate(rest):
                depth += {"(": 1, ")": -1}.get(char, 0)
                if depth == 0:
                    rest = rest[:i]
                    break
        found.append(rest)
    return found


def unknown_codes(text: str, ctx: Context) -> list[str]:
    """Codes named in `text` that the package does not have (a code of the wrong shape is not a code)."""
    return sorted({c for c in CODE.findall(text) if ids.parse(c) is not None} - ctx.codes)


def block_problems(block: Block, ctx: Context) -> list[str]:
    """Why a block is not marked, or how its citations fail; empty when it is fine."""
    if block.kind == "row" and block.source_cell is not None:
        cell = block.source_cell
        if not cell.strip():
            return ["kolom Sumber kosong"]
        return citation_problems(cell, ctx)
    parts = segments(block.text)
    if not parts:
        if TAFSIRAN.search(block.text) or not LEGAL.search(block.text):
            return []  # a statement about the site itself needs no source
        return ["menyebut peraturan tanpa penanda sumber atau tafsiran"]
    return [p for part in parts for p in citation_problems(part, ctx)]


def page_problems(text: str, ctx: Context) -> list[tuple[int | None, str]]:
    """(line, what) for every problem of one page."""
    problems: list[tuple[int | None, str]] = []
    for block in blocks(text):
        if block.kind == "macro":
            continue
        problems += [(block.line, f"{p} — {block.text[:70]}") for p in block_problems(block, ctx)]
        if (
            ctx.proposed
            and re.search(r"CC BY|CC-BY|Creative Commons", block.text)
            and "usul" not in block.text.lower()
        ):
            problems.append((block.line, f"lisensi disebut tanpa kata 'usulan' — {block.text[:70]}"))
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.startswith(SNIPPET):  # the include line of a generated fragment is not shown
            problems += [(number, f"menyebut berkas pengembang {p}") for p in DEV_PATH.findall(line)]
    problems += [(None, f"kode {c} tidak ada di data") for c in unknown_codes(text, ctx)]
    return problems


def check_pages(content: Path, ctx: Context) -> list[tuple[str, int | None, str]]:
    """(page, line, what) for the hand-written pages content/*.md (none when the folder has no content/)."""
    return [
        (page.name, line, what)
        for page in sorted(content.glob("*.md"))
        for line, what in page_problems(page.read_text(encoding="utf-8"), ctx)
    ]


def glossary_problems(rows: list[dict[str, str]], ctx: Context) -> list[tuple[int, str]]:
    """(spreadsheet row, what) for every glossary row without its source."""
    problems = []
    for number, row in enumerate(rows, start=2):
        name, rujukan = row["singkatan"], row["rujukan"]
        if not (row["kepanjangan"] or row["keterangan"]):
            continue
        if not rujukan.strip():
            if not re.search(r"\btafsiran\b", row["keterangan"], re.IGNORECASE):
                problems.append((number, f"{name}: tanpa rujukan dan tanpa tanda tafsiran"))
            continue
        problems += [(number, f"{name}: {p}") for p in citation_problems(rujukan, ctx)]
        match = DOC.search(rujukan)
        lines = ctx.lines(match.group(1) if match else None)
        cited = [lines[n - 1] for n in doc_lines(rujukan) if 1 <= n <= len(lines)]
        if cited and not any(name.lower() in line.lower() for line in cited):
            problems.append((number, f"{name}: singkatan tidak tercetak di baris yang dirujuk"))
        if row["sumber"] == "dokumen":
            printed = " ".join((row["kepanjangan"] or name).lower().split())
            if not any(printed in " ".join(line.lower().split()) for line in cited):
                problems.append(
                    (number, f"{name}: sumber 'dokumen', tetapi '{printed}' tidak tercetak di baris rujukan")
                )
        problems += [(number, f"{name}: kode {c} tidak ada") for c in unknown_codes(row["keterangan"], ctx)]
    return problems


def anomaly_problems(rows: list[dict[str, str]], ctx: Context) -> list[tuple[int, str]]:
    """(spreadsheet row, what) for every anomaly whose text does not mark its reading or sources."""
    problems = []
    codes = Context(ctx.files, ctx.texts, ctx.codes | {r["id"] for r in rows}, ctx.proposed)
    for number, row in enumerate(rows, start=2):
        text = f"{row['uraian']} {row['dampak']}"
        if row["kategori"] == "tafsiran" and not re.search(r"\btafsiran\b", text, re.IGNORECASE):
            problems.append((number, f"{row['id']}: kategori tafsiran tanpa kata tafsiran di uraian/dampak"))
        if row["kategori"] == "istilah" and not REGULATION.search(text):
            problems.append(
                (number, f"{row['id']}: istilah tanpa peraturan yang dirujuk (nama, nomor/tahun)")
            )
        for word in BARE_REGULATION.finditer(text):
            problems.append((number, f"{row['id']}: '{word.group(0)}' tanpa nomor/tahun"))
        problems += [(number, f"{row['id']}: kode {c} tidak ada") for c in unknown_codes(text, codes)]
    return problems


def metadata_problems(descriptor: dict, config: dict | None, ctx: Context) -> list[str]:
    """Descriptions cite their sources; licence and publisher are marked proposals or name KPU's letter."""
    problems = []
    for name, text in [("description", descriptor.get("description", ""))] + [
        (f"sources[{i}].description", s.get("description", ""))
        for i, s in enumerate(descriptor.get("sources", []))
    ]:
        parts = segments(text)
        if not parts and name == "description":
            problems.append(f"datapackage.json {name}: tanpa penanda sumber")
        problems += [f"datapackage.json {name}: {p}" for part in parts for p in citation_problems(part, ctx)]
    licence = (descriptor.get("licenses") or [{}])[0]
    proposed = "usulan" in licence.get("title", "").lower()
    if not proposed and not CONFIRMED.search(licence.get("description", "")):
        problems.append(
            "lisensi tidak ditandai usulan dan tidak menyebut nomor dan tanggal surat konfirmasi KPU"
        )
    if proposed and "usulan" not in licence.get("description", "").lower():
        problems.append("deskripsi lisensi tidak menyebut bahwa lisensinya usulan")
    publisher: dict = next(
        (c for c in descriptor.get("contributors", []) if c.get("role") == "publisher"), {}
    )
    if "usulan" not in publisher.get("description", "").lower() and not CONFIRMED.search(
        publisher.get("description", "")
    ):
        problems.append("penerbit tidak ditandai usulan dan tidak menyebut surat konfirmasi KPU")
    if config is None:
        return problems
    for key in ("site_author", "copyright"):
        if proposed and "usulan" not in str(config.get(key, "")).lower():
            problems.append(f"mkdocs.yml {key}: tidak menyebut bahwa penerbit/lisensi masih usulan")
    parts = segments(str(config.get("site_description", "")))
    if not parts:
        problems.append("mkdocs.yml site_description: tanpa penanda sumber")
    problems += [f"mkdocs.yml site_description: {p}" for part in parts for p in citation_problems(part, ctx)]
    return problems


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV tags read as plain values."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


def read_config(path: Path) -> dict | None:
    """mkdocs.yml of a project (its !ENV values as None), or None when the folder has none."""
    if not path.is_file():
        return None
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - SafeLoader subclass


def check(package: DataPackage, descriptor: dict) -> list[Problem]:
    """Every unmarked claim of the package and, in a project, of its pages and mkdocs.yml."""
    root = package.root
    ctx = context(package, descriptor)
    paths = {r["name"]: r["path"] for r in descriptor.get("resources", [])}
    problems = []
    if "glosarium" in paths:
        for number, what in glossary_problems(package.rows_at(paths["glosarium"]) or [], ctx):
            problems.append(KLAIM_TANPA_SUMBER.at(paths["glosarium"], number, "rujukan", what=what))
    if "anomali" in paths:
        for number, what in anomaly_problems(package.rows_at(paths["anomali"]) or [], ctx):
            problems.append(KLAIM_TANPA_SUMBER.at(paths["anomali"], number, "uraian", what=what))
    for what in metadata_problems(descriptor, read_config(root / "mkdocs.yml"), ctx):
        file = "mkdocs.yml" if what.startswith("mkdocs.yml") else "datapackage.json"
        problems.append(KLAIM_TANPA_SUMBER.at(file, what=what))
    for page, line, what in check_pages(root / "content", ctx):
        problems.append(KLAIM_TANPA_SUMBER.at(f"content/{page}", line, what=what))
    return problems
