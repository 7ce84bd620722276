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
from .wording import INVISIBLE, ODD_SPACE, SPACE_NAMES


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
        return [
            Problem(
                "berkas_tidak_ada",
                rel,
                "berkas tidak ditemukan.",
                "kembalikan berkas itu atau perbaiki 'path' di datapackage.json.",
            )
        ]
    if not data.strip():
        return [
            Problem(
                "berkas_kosong",
                rel,
                "berkas kosong, bahkan baris judul kolom tidak ada.",
                f"baris pertama harus berisi judul kolom: {','.join(fields)}; kembalikan isi berkas "
                f"dari versi terakhir di git (git checkout -- {rel}).",
                row=1,
            )
        ]
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(
            Problem(
                "ada_bom",
                rel,
                "berkas diawali tanda BOM (UTF-8 dengan BOM).",
                "simpan sebagai 'CSV UTF-8' tanpa BOM (di editor teks: Encoding → UTF-8, "
                "bukan 'UTF-8 with BOM').",
                row=1,
            )
        )
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        row, cell, header = _record_at(data[: error.start].decode("utf-8"))
        guess = data[error.start : error.start + 1].decode("cp1252", errors="replace")
        shown = f" (kemungkinan karakter '{guess}' dari Windows-1252/Latin-1)" if guess != "\ufffd" else ""
        return problems + [
            Problem(
                "bukan_utf8",
                rel,
                f"berkas bukan UTF-8: bita 0x{data[error.start]:02X} tidak sah{shown}; "
                "berkas tampaknya tersimpan sebagai Windows-1252/Latin-1.",
                "di spreadsheet pilih Simpan Sebagai → 'CSV UTF-8 (dipisah koma)'; "
                "di editor teks simpan ulang dengan Encoding → UTF-8.",
                row,
                header[cell] if cell < len(header) else None,
            )
        ]
    if "\r" in text:
        row, _, _ = _record_at(text[: text.find("\r")])
        kind = "Windows (CRLF)" if "\r\n" in text else "Mac lama (CR)"
        problems.append(
            Problem(
                "akhir_baris_crlf",
                rel,
                f"akhir baris berformat {kind}.",
                "simpan dengan akhir baris LF (Unix); di editor teks pilih 'LF' di bilah status.",
                row=row,
            )
        )
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
            Problem(
                "csv_rusak",
                rel,
                "susunan CSV rusak: "
                + (
                    "tanda kutip ganda yang membuka sel ini tidak pernah ditutup."
                    if unclosed
                    else "ada teks setelah tanda kutip penutup sel ini."
                ),
                "teks yang memuat koma atau tanda kutip harus diapit tanda kutip ganda, dan tanda "
                'kutip di dalamnya ditulis dua kali (""); bila berkas terpotong, kembalikan dari git.',
                len(records) + 1,
                header[cell] if cell < len(header) else None,
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
            problems.append(
                Problem(
                    "baris_kosong",
                    rel,
                    "baris kosong di tengah data.",
                    "hapus baris itu (juga baris kosong di akhir berkas).",
                    row,
                )
            )
            continue
        if len(cells) < len(header):
            problems.append(
                Problem(
                    "jumlah_sel",
                    rel,
                    f"baris ini hanya punya {len(cells)} sel, padahal ada {len(header)} kolom; "
                    f"kolom '{header[len(cells)]}' dan sesudahnya tidak ada.",
                    "lengkapi sel yang hilang (sel kosong tetap ditulis dengan koma); bila berkas "
                    "terpotong, kembalikan dari git.",
                    row,
                    header[len(cells)],
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
                Problem(
                    "jumlah_sel",
                    rel,
                    f"baris ini punya {len(cells)} sel, padahal hanya ada {len(header)} kolom{where}.",
                    "teks yang memuat koma harus diapit tanda kutip ganda, misalnya "
                    '"Pengelolaan, Pengadaan"; hapus sel berlebih bila ada.',
                    row,
                    split or header[-1],
                )
            )
            continue
        for name, value in zip(header, cells, strict=True):
            issue = _space_issue(value)
            if issue is None:
                continue
            if name in id_like:
                problems.append(
                    Problem(
                        "spasi_di_kode",
                        rel,
                        f"nilai {_visible(value)} mengandung {issue}.",
                        "hapus semua spasi di sel itu; kode ditulis tanpa spasi, misalnya IK24-S07.",
                        row,
                        name,
                    )
                )
            else:
                problems.append(
                    Problem(
                        "spasi_berlebih",
                        rel,
                        f"teks {_visible(value)} mengandung {issue}.",
                        "teks resmi tidak pernah memuatnya: hapus spasi di awal dan akhir sel, "
                        "jadikan spasi ganda satu spasi, dan ganti spasi tak-putus atau karakter "
                        "tak terlihat dengan spasi biasa (di spreadsheet: Cari & Ganti).",
                        row,
                        name,
                    )
                )
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
    constraints = spec.get("constraints") if isinstance(spec.get("constraints"), dict) else {}
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
            problems.append(
                Problem(
                    "kolom_hilang",
                    rel,
                    f"kolom '{name}' tidak ada di baris judul.",
                    f"tambahkan kolom '{name}' (urutan kolom: {','.join(fields)}).",
                    row=1,
                    field=name,
                )
            )
    for name, count in Counter(header).items():
        if name not in fields:
            problems.append(
                Problem(
                    "kolom_asing",
                    rel,
                    f"kolom '{name}' tidak dikenal dalam skema.",
                    "hapus kolom itu, atau tambahkan dulu ke skema di datapackage.json "
                    "beserta judul dan keterangannya.",
                    row=1,
                    field=name,
                )
            )
        elif count > 1:
            problems.append(
                Problem(
                    "kolom_ganda",
                    rel,
                    f"kolom '{name}' muncul {count} kali di baris judul.",
                    "hapus kolom yang ganda.",
                    row=1,
                    field=name,
                )
            )
    if not problems and header != fields:
        problems.append(
            Problem(
                "urutan_kolom",
                rel,
                "urutan kolom berbeda dari skema.",
                f"susun kolom sebagai: {','.join(fields)}.",
                row=1,
            )
        )
    return problems


def _space_issue(value: str) -> str | None:
    """What is wrong with the spacing of a cell, in words, or None when it is clean."""
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
