"""Layer 1 of validation: the CSV files as bytes and text — encoding, BOM, line ends, quoting,
header row, cell counts, stray or invisible spaces — read without frictionless, so that
one mistake in a spreadsheet gives one clear message.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter

from ..datapackage import DataPackage
from ..errors import Problem
from ..problems import (
    ADA_BOM,
    AKHIR_BARIS_CRLF,
    BARIS_KOSONG,
    BERKAS_KOSONG,
    BERKAS_TIDAK_ADA,
    BUKAN_UTF8,
    CSV_RUSAK,
    JUMLAH_SEL_KURANG,
    JUMLAH_SEL_LEBIH,
    KOLOM_ASING,
    KOLOM_GANDA,
    KOLOM_HILANG,
    SPASI_BERLEBIH,
    SPASI_DI_KODE,
    URUTAN_KOLOM,
)
from .wording import INVISIBLE, ODD_SPACE, SPACE_NAMES

#: Anything in a cell that _space_issue would name, save a plain space at either end: most cells
#: have none, and one search of this pattern clears them.
_SUSPECT = re.compile(f"  |{ODD_SPACE.pattern}|{INVISIBLE.pattern}")


def _record_at(text: str) -> tuple[int, int, list[str]]:
    """Where `text` (the start of a CSV) ends: record number (header = 1), cell index, and the header."""
    records = list(csv.reader(io.StringIO(text + "\uffff", newline="")))
    if not records:
        return 1, 0, []
    return len(records), max(len(records[-1]) - 1, 0), records[0] if len(records) > 1 else []


def check_file(package: DataPackage, rel: str, specs: list[dict]) -> list[Problem]:
    """Problems of one CSV file of the package as bytes and text, found before any parser is trusted."""
    fields = [str(f.get("name")) for f in specs]
    data = package.read(rel)
    if data is None:
        return [BERKAS_TIDAK_ADA.at(rel)]
    if not data.strip():
        return [BERKAS_KOSONG.at(rel, 1, header=",".join(fields), path=rel)]
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(ADA_BOM.at(rel, 1))
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        row, cell, header = _record_at(data[: error.start].decode("utf-8"))
        guess = data[error.start : error.start + 1].decode("cp1252", errors="replace")
        shown = f" (kemungkinan karakter '{guess}' dari Windows-1252/Latin-1)" if guess != "\ufffd" else ""
        return problems + [
            BUKAN_UTF8.at(
                rel, row, header[cell] if cell < len(header) else None, byte=data[error.start], guess=shown
            )
        ]
    if "\r" in text:
        row, _, _ = _record_at(text[: text.find("\r")])
        kind = "Windows (CRLF)" if "\r\n" in text else "Mac lama (CR)"
        problems.append(AKHIR_BARIS_CRLF.at(rel, row, kind=kind))
    return problems + _check_rows(text, rel, fields, specs)


def _check_rows(text: str, rel: str, fields: list[str], specs: list[dict]) -> list[Problem]:
    """Header row, cell count, blank rows, broken quotes and stray spaces, one problem per cell."""
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    consumed = 0
    try:
        for record in reader:
            records.append(record)
            consumed = reader.line_num
    except csv.Error:
        rest = "\n".join(text.split("\n")[consumed:])
        cell, unclosed = _broken_quote(rest)
        header = records[0] if records else []
        problems.append(
            CSV_RUSAK.at(
                rel,
                len(records) + 1,
                header[cell] if cell < len(header) else None,
                reason=(
                    "tanda kutip ganda yang membuka sel ini tidak pernah ditutup."
                    if unclosed
                    else "ada teks setelah tanda kutip penutup sel ini."
                ),
            )
        )
    if not records:
        return problems
    header = records[0]
    problems += _check_header(header, rel, fields)
    id_like = {
        str(f.get("name"))
        for f in specs
        if f.get("name") in ("id", "sama_dengan")
        or str(f.get("name")).endswith("_id")
        or (isinstance(f.get("constraints"), dict) and "pattern" in f["constraints"])
    }
    for row, cells in enumerate(records[1:], start=2):
        if not any(cells):
            problems.append(BARIS_KOSONG.at(rel, row))
            continue
        if len(cells) < len(header):
            problems.append(
                JUMLAH_SEL_KURANG.at(
                    rel,
                    row,
                    header[len(cells)],
                    cells=len(cells),
                    columns=len(header),
                    first_missing=header[len(cells)],
                )
            )
            continue
        if len(cells) > len(header):
            split = _split_cell(cells, header, specs)
            where = (
                f"; kemungkinan teks di kolom '{split}' memuat koma tetapi tidak diapit tanda kutip ganda"
                if split
                else ""
            )
            problems.append(
                JUMLAH_SEL_LEBIH.at(
                    rel, row, split or header[-1], cells=len(cells), columns=len(header), where=where
                )
            )
            continue
        for name, value in zip(header, cells, strict=True):
            issue = _space_issue(value)
            if issue is None:
                continue
            if name in id_like:
                problems.append(SPASI_DI_KODE.at(rel, row, name, value=_visible(value), issue=issue))
            else:
                problems.append(SPASI_BERLEBIH.at(rel, row, name, value=_visible(value), issue=issue))
    return problems


def _broken_quote(raw: str) -> tuple[int, bool]:
    """In the raw text of a record the csv module refused: the index of the bad cell, and
    whether its quote was left open (else text follows a closing quote)."""
    cell, quoted, closed, start = 0, False, False, True
    at = 0
    while at < len(raw):
        char = raw[at]
        if quoted:
            if char == '"' and raw[at + 1 : at + 2] == '"':
                at += 1
            elif char == '"':
                quoted, closed = False, True
        elif char == ",":
            cell, closed, start = cell + 1, False, True
            at += 1
            continue
        elif char in "\r\n":
            break
        elif closed:
            return cell, False
        elif char == '"' and start:
            quoted = True
        start = False
        at += 1
    return cell, quoted


def _fits(value: str, spec: dict) -> bool:
    """Whether a cell could belong to a column: no stray spaces, and type, pattern and choices fit."""
    if value != value.strip():
        return False
    if not value:
        return True
    declared = spec.get("constraints")
    constraints = declared if isinstance(declared, dict) else {}
    kind = spec.get("type", "string")
    if kind == "integer" and not re.fullmatch(r"-?[0-9]+", value):
        return False
    if kind == "number" and not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value):
        return False
    if kind == "date" and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return False
    if "pattern" in constraints and not re.fullmatch(str(constraints["pattern"]), value):
        return False
    return "enum" not in constraints or value in constraints["enum"]


def _split_cell(cells: list[str], header: list[str], specs: list[dict]) -> str | None:
    """The text column whose unquoted commas most likely split a row into too many cells."""
    extra = len(cells) - len(header)
    by_name = {str(f.get("name")): f for f in specs}
    for index, name in enumerate(header):
        merged = cells[:index] + [",".join(cells[index : index + extra + 1])] + cells[index + extra + 1 :]
        if by_name.get(name, {}).get("type", "string") != "string":
            continue
        if all(_fits(value, by_name.get(column, {})) for column, value in zip(header, merged, strict=True)):
            return name
    return None


def _check_header(header: list[str], rel: str, fields: list[str]) -> list[Problem]:
    problems = []
    for name in fields:
        if name not in header:
            problems.append(KOLOM_HILANG.at(rel, 1, name, column=name, header=",".join(fields)))
    for name, count in Counter(header).items():
        if name not in fields:
            problems.append(KOLOM_ASING.at(rel, 1, name, column=name))
        elif count > 1:
            problems.append(KOLOM_GANDA.at(rel, 1, name, column=name, count=count))
    if not problems and header != fields:
        problems.append(URUTAN_KOLOM.at(rel, 1, header=",".join(fields)))
    return problems


def _space_issue(value: str) -> str | None:
    """What is wrong with the spacing of a cell, in words, or None when it is clean."""
    if not _SUSPECT.search(value) and value[:1] != " " and value[-1:] != " ":
        return None
    issues = []
    if value[:1].isspace():
        issues.append("spasi di awal")
    if value[-1:].isspace():
        issues.append("spasi di akhir")
    if "  " in value:
        issues.append("dua spasi berturut-turut")
    odd = sorted({c for c in value if ODD_SPACE.match(c) or INVISIBLE.match(c)})
    for char in odd:
        name = SPACE_NAMES.get(char) or unicodedata.name(char, "karakter tak terlihat").lower()
        issues.append(f"{name} (U+{ord(char):04X})")
    return ", ".join(issues) if issues else None


def _visible(value: str, limit: int = 60) -> str:
    """The value quoted, with invisible characters written out so people can see them."""

    def odd(char: str) -> bool:
        return char != " " and bool(char.isspace() or INVISIBLE.match(char))

    shown = value
    if len(value) > limit:
        spots = [i for i, c in enumerate(value) if odd(c)] + [value.find("  ")] * ("  " in value)
        spots += [len(value) - 1] * value[-1:].isspace()
        start = max(0, min(spots, default=0) - limit // 2)
        end = start + limit
        shown = ("…" if start else "") + value[start:end] + ("…" if end < len(value) else "")
    return "'" + "".join(f"⟨U+{ord(c):04X}⟩" if odd(c) else c for c in shown) + "'"
