"""The whole package as one SQLite database, with the metadata Datasette reads beside it.

Each resource becomes a table of the same name: columns in schema order, typed
as the Table Schema declares them (integer → INTEGER, number → REAL, boolean →
INTEGER 0/1, everything else TEXT, dates as ISO text), NOT NULL where a value is
required, and the primary and foreign keys of datapackage.json. Codes are text,
so `004` stays `004`; an empty cell is NULL, never an empty string; a resource
with no rows is still an empty table. Each column's description is written as
an SQL comment in its CREATE TABLE, so any SQLite tool that shows the schema
shows what a column means.

Reproducible: the same package gives the same bytes. Nothing time-based is
stored; tables and rows are written in package order into a database in
memory, VACUUMed and serialised. The file header names the SQLite library that
wrote it, so another SQLite version may give other bytes (docs/keputusan.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from decimal import Decimal

import yaml

from ... import model, paths
from ...errors import BuildError
from ..job import Job

#: SQLite column types by Table Schema type; any other type (string, date, year…) is TEXT.
SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
#: The page size of the file, fixed so the layout never depends on a library default. 1024, not the
#: default 4096: each small table and index takes at least one page, and the file is a third smaller.
PAGE_SIZE = 1024


def _quote(name: str) -> str:
    """An SQL identifier, quoted (resource and column names are plain, but never trust that)."""
    return '"' + name.replace('"', '""') + '"'


def _comment(text: str) -> str:
    """A description as a one-line SQL comment."""
    return " -- " + " ".join(text.split()) if text.strip() else ""


def _columns(names: Sequence[str]) -> str:
    return ", ".join(_quote(n) for n in names)


def create_table(table: model.Table) -> str:
    """The CREATE TABLE statement of one resource: typed columns, keys, descriptions as comments."""
    lines: list[tuple[str, str]] = []
    for field in table.fields:
        sql = f"{_quote(field.name)} {SQL_TYPES.get(field.type, 'TEXT')}"
        if field.constraints.get("required"):
            sql += " NOT NULL"
        if field.constraints.get("unique") and table.primary_key != [field.name]:
            sql += " UNIQUE"
        lines.append((sql, _comment(field.description)))
    if table.primary_key:
        lines.append((f"PRIMARY KEY ({_columns(table.primary_key)})", ""))
    for key in table.foreign_keys:
        own, parent, theirs = _columns(key.fields), _quote(key.resource), _columns(key.reference)
        lines.append((f"FOREIGN KEY ({own}) REFERENCES {parent} ({theirs})", ""))
    body = "\n".join(
        f"  {sql}{',' if number < len(lines) - 1 else ''}{comment}"
        for number, (sql, comment) in enumerate(lines)
    )
    return f"CREATE TABLE {_quote(table.name)} ({_comment(table.title)}\n{body}\n)"


def _value(text: str, field_type: str) -> object:
    """A CSV cell as SQLite stores it: NULL when empty, a number or 0/1 when typed so, else the text."""
    if text == "":
        return None
    if field_type == "integer":
        return int(text)
    if field_type == "number":
        return float(Decimal(text))
    if field_type == "boolean":
        return int(text in ("true", "True", "TRUE", "1"))
    return text


def database_bytes(package: model.Package) -> bytes:
    """The SQLite file of the whole package (see the module docstring for what it holds)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        with connection:
            for table in package.tables.values():
                connection.execute(create_table(table))
                names = [f.name for f in table.fields]
                marks = ", ".join("?" for _ in names)
                connection.executemany(
                    f"INSERT INTO {_quote(table.name)} ({_columns(names)}) VALUES ({marks})",
                    ([_value(row.get(f.name, ""), f.type) for f in table.fields] for row in table.rows),
                )
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            table, rowid, parent, _ = broken[0]
            raise BuildError(
                f"basis data SQLite: {len(broken)} baris merujuk baris yang tidak ada (pertama: tabel "
                f"{table}, baris ke-{rowid}, ke tabel {parent}). Jalankan 'make validate' dan perbaiki "
                "kode rujukan yang dilaporkan."
            )
        connection.execute("VACUUM")
        return connection.serialize()
    finally:
        connection.close()


def datasette_metadata(package: model.Package, base: str) -> dict:
    """Datasette's metadata for the database: title, description, licence, source, tables and columns."""
    tables = {}
    for table in package.tables.values():
        entry: dict = {"title": table.title}
        if table.description:
            entry["description"] = table.description
        columns = {f.name: f.description for f in table.fields if f.description}
        if columns:
            entry["columns"] = columns
        tables[table.name] = entry
    licence = package.licence
    return {
        "title": package.title,
        "description": package.description,
        "license": licence.get("title") or licence.get("name", ""),
        "license_url": licence.get("path", ""),
        "source": "Dokumen Rencana Kinerja Tahunan (RKT) resmi yang ditandatangani; berkas sumber dan "
        "SHA-256-nya tercantum di datapackage.json",
        "source_url": base + "datapackage.json",
        "databases": {package.name: {"title": package.title, "tables": tables}},
    }


def file_names(package: model.Package) -> tuple[str, str]:
    """The site paths of the database and of its Datasette metadata."""
    return paths.berkas(f"{package.name}.sqlite"), paths.berkas(f"{package.name}.datasette.yml")


def write(job: Job) -> None:
    """Write the SQLite database and its Datasette metadata under berkas/, listed with their checksums."""
    out, package = job.out, job.package
    database, metadata = file_names(package)
    out.put(database, database_bytes(package),
            "Seluruh paket data dalam satu basis data SQLite (SQLite)", "SQLite")  # fmt: skip
    text = yaml.safe_dump(
        datasette_metadata(package, paths.site_url()), allow_unicode=True, sort_keys=False, width=100
    )
    out.put(metadata, text.encode("utf-8"),
            "Metadata basis data SQLite untuk Datasette (YAML)", "YAML")  # fmt: skip
