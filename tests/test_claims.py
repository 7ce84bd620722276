"""Every claim names its source: hand-written pages, the glossary, the anomalies and the metadata.

The convention is documented in docs/keputusan.md ("Klaim dan sumber"). In short: every paragraph,
list item and table row of a hand-written page (content/*.md) ends with a source marker,

- "Sumber: Dokumen RKT, baris 12" (lines of data/sumber/rkt-2024-kpu-kaltim.txt; "baris 3–5, 20 dan
  57"; "Dokumen RKT, seluruh teks" for what the document does not contain),
- "Sumber: UU 14/2008 Pasal 22 ayat (7)" (a regulation by name and article, "(judul)" or "Lampiran"),
- "Sumber: support.google.com, …" (another public source, named by its site),
- "Sumber: situs ini: tests/test_downloads.py" or "Sumber: data/sasaran.csv" (a file of this
  repository that shows the claim about the site itself; it must exist),

or is marked as our own reading: "*tafsiran*", "Tafsiran kami" or "(tafsiran)". Forms and lines of
markup only (a script, an empty result list, a button) are interface, not claims. In a table with a
"Sumber" column that cell carries the marker. A macro that prints a table is followed by a caption
with its source. Glossary rows carry their source in `rujukan`. This module is fast: no build.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE

ROOT = Path(__file__).resolve().parents[1]
SOURCE_LINES = (
    (FIXTURE / "data" / "sumber" / "rkt-2024-kpu-kaltim.txt").read_text(encoding="utf-8").split("\n")
)
PAGES = sorted((ROOT / "content").glob("*.md"))

#: Our own reading, marked on the page.
TAFSIRAN = re.compile(r"\*tafsiran\*|\btafsiran kami\b|\(tafsiran\)", re.IGNORECASE)
#: Where a source marker starts: "Sumber:", "Sumber tabel:", "Sumber contoh:".
SUMBER = re.compile(r"Sumber(?: [a-z]+)?:", re.IGNORECASE)
#: "Dokumen RKT, baris 3–5, 20 dan 57" (the numbers are parsed by `doc_lines`).
DOC = re.compile(r"\bDokumen RKT\b")
DOC_ALL = re.compile(r"\bDokumen RKT,\s*seluruh teks\b")
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
#: A file of this repository.
PATH = re.compile(
    r"(?<![\w/.-])((?:data|tests|scripts|docs|content|overrides)/[\w./-]*\w|\.github/[\w./-]*\w|\.ci/\w+"
    r"|datapackage\.json|mkdocs\.yml|LICENSE|Makefile|README\.md)"
)
#: Identifiers of rows, which must exist where a text names them.
CODE = re.compile(r"\b(?:IK|SS|PG|AN)24-(?:[KS]\d{2}|\d{2,3})\b|\bRKT24-[KS]\b")
#: Macros that print something visible (jsonld_dataset prints a script for search engines only).
VISIBLE_MACROS = re.compile(r"^\{\{\s*(tabel_\w+\(\)|csv_note)\s*\}\}$")


#: Markup and control labels, removed to see whether an HTML line says anything.
INTERFACE = re.compile(r"<(button|label)\b.*?</\1>|<[^>]+>")


@dataclass
class Block:
    kind: str  # paragraph, item, row, macro
    line: int
    text: str
    source_cell: str | None = None  # the "Sumber" column of a table row


def blocks(text: str) -> list[Block]:
    """The paragraphs, list items, table rows and macro lines of a Markdown page."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0] == "---":
        start = lines.index("---", 1) + 1
    found: list[Block] = []
    current: Block | None = None
    fenced = False
    in_form = False
    table_header: list[str] | None = None
    previous_was_table = False

    def close() -> None:
        nonlocal current
        if current is not None:
            found.append(current)
        current = None

    for number, raw in enumerate(lines[start:], start=start + 1):
        line = raw.rstrip()
        stripped = line.strip()
        if stripped.startswith("```"):
            close()
            fenced = not fenced
            continue
        if fenced:
            continue
        if re.match(r"<form\b", stripped) or in_form:
            close()  # a form is the interface: its labels and hints tell how to use it, not facts
            in_form = not stripped.endswith("</form>")
            continue
        if stripped.startswith("<") and not INTERFACE.sub("", stripped).strip():
            close()  # a line of markup only: a script, an empty list or status line, a button
            continue
        if stripped.startswith("|"):
            close()
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if not previous_was_table:
                table_header = cells
            elif not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                assert table_header is not None
                column = next((i for i, h in enumerate(table_header) if h.lower() == "sumber"), None)
                cell = cells[column] if column is not None and column < len(cells) else None
                found.append(Block("row", number, stripped, cell))
            previous_was_table = True
            continue
        previous_was_table = False
        if not stripped:
            close()
            continue
        if stripped.startswith("#") or re.match(r"</?div\b", stripped):
            close()
            continue
        if re.fullmatch(r"\{\{.*\}\}", stripped):
            close()
            found.append(Block("macro", number, stripped))
            continue
        if re.match(r"(?:[-*+]|\d+\.)\s+", line):
            close()
            current = Block("item", number, stripped)
            continue
        if current is not None and (current.kind == "paragraph" or line.startswith((" ", "\t"))):
            current.text += " " + stripped
            continue
        close()
        current = Block("paragraph", number, stripped)
    close()
    return found


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


def citation_problems(segment: str) -> list[str]:
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
        if DOC.search(item):
            numbers = doc_lines(item)
            if not numbers and not DOC_ALL.search(item):
                problems.append(f"'{item}': Dokumen RKT tanpa nomor baris (atau 'seluruh teks')")
            for n in numbers:
                if not 1 <= n <= len(SOURCE_LINES) or not SOURCE_LINES[n - 1].strip():
                    problems.append(f"'{item}': baris {n} tidak ada atau kosong di teks sumber")
            recognised = True
        for match in REGULATION.finditer(item):
            recognised = True
            if not ARTICLE.search(item):
                problems.append(f"'{item}': {match.group(0)} tanpa pasal, judul atau lampiran")
        if SITE.search(item):
            recognised = True
        paths = PATH.findall(item)
        for path in paths:
            recognised = True
            if not (ROOT / path).exists():
                problems.append(f"'{item}': berkas {path} tidak ada")
        if "situs ini" in item and not paths:
            problems.append(f"'{item}': 'situs ini' tanpa berkas yang menunjukkannya")
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


def block_problems(block: Block) -> list[str]:
    """Why a block is not marked, or how its citations fail; empty when it is fine."""
    if block.kind == "row" and block.source_cell is not None:
        cell = block.source_cell
        if not cell.strip():
            return ["kolom Sumber kosong"]
        return citation_problems(cell)
    parts = segments(block.text)
    if not parts:
        return [] if TAFSIRAN.search(block.text) else ["tanpa penanda sumber atau tafsiran"]
    return [p for part in parts for p in citation_problems(part)]


def licence_is_proposal() -> bool:
    descriptor = json.loads((FIXTURE / "datapackage.json").read_text(encoding="utf-8"))
    return "usulan" in descriptor["licenses"][0]["title"].lower()


def page_problems(text: str, licence_proposed: bool = True) -> list[str]:
    """Every problem of one page, as 'line N: …'."""
    found = blocks(text)
    problems = []
    for index, block in enumerate(found):
        if block.kind == "macro":
            if VISIBLE_MACROS.match(block.text):
                following = found[index + 1] if index + 1 < len(found) else None
                caption = following.text.lstrip("*( ") if following is not None else ""
                if following is None or following.kind == "macro" or not SUMBER.match(caption):
                    problems.append(
                        f"baris {block.line}: {block.text} tanpa keterangan 'Sumber tabel:' sesudahnya"
                    )
            continue
        problems += [f"baris {block.line}: {p} — {block.text[:70]}" for p in block_problems(block)]
        if (
            licence_proposed
            and re.search(r"CC BY|CC-BY|Creative Commons", block.text)
            and "usul" not in block.text.lower()
        ):
            problems.append(f"baris {block.line}: lisensi disebut tanpa kata 'usulan' — {block.text[:70]}")
    problems += [f"kode {c} tidak ada di data" for c in sorted(set(CODE.findall(text)) - known_codes())]
    return problems


def known_codes() -> set[str]:
    codes = set()
    for name in ("dokumen", "program", "sasaran", "indikator", "anomali"):
        codes |= {r["id"] for r in read_csv(name)}
    return codes


def read_csv(name: str) -> list[dict[str, str]]:
    with (FIXTURE / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- the hand-written pages -----------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_block_of_a_page_names_its_source(page: Path) -> None:
    problems = page_problems(page.read_text(encoding="utf-8"), licence_is_proposal())
    assert not problems, f"{page.relative_to(ROOT)}:\n" + "\n".join(problems)


def test_the_pages_have_blocks_of_every_kind() -> None:
    """The parser sees paragraphs, list items, table rows and macros (a parser that sees nothing passes)."""
    kinds = {b.kind for page in PAGES for b in blocks(page.read_text(encoding="utf-8"))}
    assert kinds == {"paragraph", "item", "row", "macro"}
    assert sum(len(blocks(p.read_text(encoding="utf-8"))) for p in PAGES) > 80


SAMPLE = """---
title: Contoh
---

# Contoh

Paragraf dengan sumber dokumen. *Sumber: Dokumen RKT, baris 3–5 dan 31.*

Paragraf dengan pasal. *Sumber: UU 14/2008 Pasal 22 ayat (7); situs ini: tests/test_claims.py.*

- Butir yang bacaan kami. *Tafsiran kami.*
- Butir dengan sumber di dalam kurung *(Sumber: data/sasaran.csv)*

| Tahap | Batas | Sumber |
|---|---|---|
| Jawaban | 10 hari kerja | UU 14/2008 Pasal 22 ayat (7) |

{{ tabel_anomali() }}

*Sumber tabel: data/anomali.csv.*

Usulan lisensi CC BY 4.0. *Sumber: situs ini: datapackage.json.*

{{ jsonld_dataset() }}
"""

BROKEN = {
    "paragraf-tanpa-penanda": (
        "Paragraf dengan sumber dokumen. *Sumber: Dokumen RKT, baris 3–5 dan 31.*",
        "Paragraf dengan sumber dokumen.",
    ),
    "butir-tanpa-penanda": ("Butir yang bacaan kami. *Tafsiran kami.*", "Butir yang bacaan kami."),
    "butir-tanpa-sumber-dalam-kurung": (" *(Sumber: data/sasaran.csv)*", ""),
    "kolom-sumber-kosong": ("| 10 hari kerja | UU 14/2008 Pasal 22 ayat (7) |", "| 10 hari kerja | |"),
    "tabel-makro-tanpa-keterangan": ("*Sumber tabel: data/anomali.csv.*", ""),
    "baris-dokumen-kosong": ("baris 3–5 dan 31", "baris 3–5 dan 36"),
    "baris-dokumen-di-luar-teks": ("baris 3–5 dan 31", "baris 3–5 dan 999"),
    "dokumen-tanpa-baris": ("Dokumen RKT, baris 3–5 dan 31", "Dokumen RKT"),
    "peraturan-tanpa-pasal": ("Sumber: UU 14/2008 Pasal 22 ayat (7);", "Sumber: UU 14/2008;"),
    "berkas-situs-tidak-ada": ("situs ini: tests/test_claims.py", "situs ini: tests/tidak_ada.py"),
    "situs-ini-tanpa-berkas": ("situs ini: tests/test_claims.py", "situs ini"),
    "sumber-tak-dikenal": ("Sumber tabel: data/anomali.csv.", "Sumber tabel: kata orang."),
    "lisensi-tanpa-usulan": ("Usulan lisensi CC BY 4.0.", "Lisensi CC BY 4.0."),
    "kode-tidak-ada": ("Paragraf dengan pasal.", "Paragraf tentang IK24-S99."),
}


def test_the_sample_page_is_clean() -> None:
    assert page_problems(SAMPLE) == []


@pytest.mark.parametrize(("old", "new"), BROKEN.values(), ids=BROKEN.keys())
def test_a_removed_or_broken_marker_is_caught(old: str, new: str) -> None:
    assert old in SAMPLE
    assert page_problems(SAMPLE.replace(old, new, 1)), f"tidak tertangkap: {old!r} → {new!r}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_removing_any_marker_of_a_real_page_is_caught(page: Path) -> None:
    """Each real block, stripped of its marker, fails on its own (the check is not vacuous)."""
    for block in blocks(page.read_text(encoding="utf-8")):
        if block.kind in ("paragraph", "item"):
            bare = re.split(r"\*?\(?Sumber(?: [a-z]+)?:", block.text, flags=re.IGNORECASE)[0]
            bare = TAFSIRAN.sub("", bare).replace("Saran kami", "")
            assert block_problems(Block(block.kind, block.line, bare)), f"{page.name} baris {block.line}"
        elif block.kind == "row" and block.source_cell is not None:
            assert block_problems(Block("row", block.line, block.text, "")), f"{page.name} baris {block.line}"


def test_home_page_wording_matches_the_data() -> None:
    """The home page counts distinct sasaran (rkt.sasaran_berbeda), and printed cells only as cells."""
    text = (ROOT / "content" / "index.md").read_text(encoding="utf-8")
    assert "**{{ rkt.sasaran_berbeda }}** sasaran strategis berbeda" in text
    assert "{{ rkt.sasaran }}** sasaran strategis" not in text, "rkt.sasaran menghitung sel tercetak"


# --- the glossary ---------------------------------------------------------------------------------


def glossary_problems(rows: list[dict[str, str]]) -> list[str]:
    problems = []
    for row in rows:
        name, rujukan = row["singkatan"], row["rujukan"]
        if not (row["kepanjangan"] or row["keterangan"]):
            continue
        if not rujukan.strip():
            if not re.search(r"\btafsiran\b", row["keterangan"], re.IGNORECASE):
                problems.append(f"{name}: tanpa rujukan dan tanpa tanda tafsiran")
            continue
        problems += [f"{name}: {p}" for p in citation_problems(rujukan)]
        cited = [SOURCE_LINES[n - 1] for n in doc_lines(rujukan) if 1 <= n <= len(SOURCE_LINES)]
        if cited and not any(name.lower() in line.lower() for line in cited):
            problems.append(f"{name}: singkatan tidak tercetak di baris yang dirujuk")
        if row["sumber"] == "dokumen":
            printed = row["kepanjangan"] or name
            if not any(" ".join(printed.lower().split()) in " ".join(line.lower().split()) for line in cited):
                problems.append(
                    f"{name}: sumber 'dokumen', tetapi '{printed}' tidak tercetak di baris rujukan"
                )
        problems += [
            f"{name}: kode {c} tidak ada" for c in set(CODE.findall(row["keterangan"])) - known_codes()
        ]
    return problems


def test_every_glossary_row_names_its_source() -> None:
    rows = read_csv("glosarium")
    assert rows and "rujukan" in rows[0]
    assert glossary_problems(rows) == []


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("rujukan", ""),
        ("rujukan", "kata orang"),
        ("rujukan", "UU 14/2008"),
        ("rujukan", "Dokumen RKT, baris 36"),
        ("rujukan", "Dokumen RKT, baris 3"),
        ("keterangan", "Lihat AN24-99."),
    ],
    ids=[
        "kosong",
        "tak-dikenal",
        "tanpa-pasal",
        "baris-kosong",
        "singkatan-tidak-tercetak",
        "kode-tidak-ada",
    ],
)
def test_a_glossary_row_without_its_source_is_caught(column: str, value: str) -> None:
    rows = [dict(r) for r in read_csv("glosarium") if r["singkatan"] == "SPIP"]
    rows[0][column] = value
    assert glossary_problems(rows)


def test_a_document_expansion_must_be_printed_where_cited() -> None:
    row = {"singkatan": "SPIP", "kepanjangan": "Sistem Pengawasan Intern Pemerintah", "sumber": "dokumen",
           "rujukan": "Dokumen RKT, baris 106", "keterangan": ""}  # fmt: skip
    assert glossary_problems([row])


# --- the anomalies --------------------------------------------------------------------------------


def anomaly_problems(rows: list[dict[str, str]]) -> list[str]:
    problems = []
    codes = known_codes() | {r["id"] for r in rows}
    for row in rows:
        text = f"{row['uraian']} {row['dampak']}"
        if row["kategori"] == "tafsiran" and not re.search(r"\btafsiran\b", text, re.IGNORECASE):
            problems.append(f"{row['id']}: kategori tafsiran tanpa kata tafsiran di uraian/dampak")
        if row["kategori"] == "istilah" and not REGULATION.search(text):
            problems.append(f"{row['id']}: istilah tanpa peraturan yang dirujuk (nama, nomor/tahun)")
        for word in BARE_REGULATION.finditer(text):
            problems.append(f"{row['id']}: '{word.group(0)}' tanpa nomor/tahun")
        problems += [f"{row['id']}: kode {c} tidak ada" for c in sorted(set(CODE.findall(text)) - codes)]
    return problems


def test_every_anomaly_marks_its_readings_and_names_its_sources() -> None:
    assert anomaly_problems(read_csv("anomali")) == []


@pytest.mark.parametrize(
    ("identifier", "column", "value"),
    [
        ("AN24-19", "dampak", "Pengelompokan ini dapat diubah di kolom program_id."),
        ("AN24-14", "uraian", 'Kepanjangan resmi PPPK adalah "Pegawai Pemerintah dengan Perjanjian Kerja".'),
        ("AN24-18", "uraian", "Peserta pemilu menurut UU adalah partai politik."),
        ("AN24-10", "uraian", "Sama dengan IK24-S99."),
    ],
    ids=["tafsiran-tanpa-tanda", "istilah-tanpa-peraturan", "uu-tanpa-nomor", "kode-tidak-ada"],
)
def test_an_anomaly_without_its_marker_is_caught(identifier: str, column: str, value: str) -> None:
    rows = [dict(r) for r in read_csv("anomali")]
    row = next(r for r in rows if r["id"] == identifier)
    row[column] = value
    if column == "uraian" and identifier == "AN24-19":
        row["dampak"] = ""
    assert anomaly_problems(rows)


# --- the metadata ---------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV tags read as plain values."""


_Loader.add_constructor("!ENV", lambda loader, node: None)

#: A confirmation letter: "Nomor 123/PP.01/2026 tanggal 2 Maret 2026" (a number with a digit, a full date).
CONFIRMED = re.compile(
    r"\bNomor\s+[\w./-]*\d[\w./-]*.*\btanggal\s+\d{1,2}\s+\w+\s+\d{4}\b", re.IGNORECASE | re.DOTALL
)


def metadata_problems(descriptor: dict, config: dict) -> list[str]:
    problems = []
    for name, text in [("description", descriptor.get("description", ""))] + [
        (f"sources[{i}].description", s.get("description", ""))
        for i, s in enumerate(descriptor.get("sources", []))
    ]:
        parts = segments(text)
        if not parts:
            problems.append(f"datapackage.json {name}: tanpa penanda sumber")
        problems += [f"datapackage.json {name}: {p}" for part in parts for p in citation_problems(part)]
    licence = descriptor["licenses"][0]
    proposed = "usulan" in licence.get("title", "").lower()
    if not proposed and not CONFIRMED.search(licence.get("description", "")):
        problems.append(
            "lisensi tidak ditandai usulan dan tidak menyebut nomor dan tanggal surat konfirmasi KPU"
        )
    if proposed and "usulan" not in licence.get("description", "").lower():
        problems.append("deskripsi lisensi tidak menyebut bahwa lisensinya usulan")
    publisher = next(c for c in descriptor["contributors"] if c.get("role") == "publisher")
    if "usulan" not in publisher.get("description", "").lower() and not CONFIRMED.search(
        publisher.get("description", "")
    ):
        problems.append("penerbit tidak ditandai usulan dan tidak menyebut surat konfirmasi KPU")
    for key in ("site_author", "copyright"):
        value = str(config.get(key, ""))
        if proposed and "usulan" not in value.lower():
            problems.append(f"mkdocs.yml {key}: tidak menyebut bahwa penerbit/lisensi masih usulan")
    parts = segments(str(config.get("site_description", "")))
    if not parts:
        problems.append("mkdocs.yml site_description: tanpa penanda sumber")
    problems += [f"mkdocs.yml site_description: {p}" for part in parts for p in citation_problems(part)]
    return problems


def _metadata() -> tuple[dict, dict]:
    descriptor = json.loads((FIXTURE / "datapackage.json").read_text(encoding="utf-8"))
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    return descriptor, config


def test_metadata_names_its_sources_and_the_proposal() -> None:
    descriptor, config = _metadata()
    assert metadata_problems(descriptor, config) == []


def test_glossary_rujukan_is_described_in_the_schema() -> None:
    descriptor, _ = _metadata()
    glossary = next(r for r in descriptor["resources"] if r["name"] == "glosarium")
    field = next(f for f in glossary["schema"]["fields"] if f["name"] == "rujukan")
    assert field["type"] == "string" and field["title"] and "Pasal" in field["description"]


@pytest.mark.parametrize(
    "change",
    ["licence-title", "licence-description", "publisher", "author", "copyright", "description"],
)
def test_metadata_stating_a_proposal_as_fact_is_caught(change: str) -> None:
    descriptor, config = _metadata()
    licence = descriptor["licenses"][0]
    if change == "licence-title":
        licence["title"] = "Creative Commons Attribution 4.0 International"
    elif change == "licence-description":
        licence["description"] = "Lisensi data."
    elif change == "publisher":
        descriptor["contributors"][0]["description"] = "Penerbit data."
    elif change == "author":
        config["site_author"] = "KPU Provinsi Kalimantan Timur"
    elif change == "copyright":
        config["copyright"] = "Data: KPU Provinsi Kalimantan Timur, lisensi CC BY 4.0"
    else:
        descriptor["description"] = "Sasaran strategis, indikator kinerja dan target."
    assert metadata_problems(descriptor, config)


def test_a_confirmed_licence_needs_the_letter() -> None:
    """Once KPU confirms, the title loses "usulan" and the description names the letter's number and date."""
    descriptor, config = _metadata()
    licence = descriptor["licenses"][0]
    licence["title"] = "Creative Commons Attribution 4.0 International"
    config["site_author"] = config["copyright"] = "KPU Provinsi Kalimantan Timur"
    licence["description"] = "Dikonfirmasi KPU Provinsi Kalimantan Timur."
    assert any("lisensi" in p for p in metadata_problems(descriptor, config))
    licence["description"] = (
        "Dikonfirmasi dengan surat KPU Provinsi Kalimantan Timur Nomor 123/PP.01/2026 tanggal 2 Maret 2026."
    )
    assert not any(p.startswith("lisensi") for p in metadata_problems(descriptor, config))
