"""mkdocs-macros module: data for the hand-written pages (counts, tables).

The package is read once when MkDocs starts, after `python -m kinerja build`
has validated it and written the downloads manifest; pages only look values
up. Generated pages are never rendered by Jinja (render_by_default: false).
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "scripts"))

from kinerja import clock, model, paths  # noqa: E402
from kinerja.outputs import fmt, metadata  # noqa: E402
from kinerja.outputs.downloads.tabular import CSV_NOTE  # noqa: E402
from kinerja.outputs.labels import KATEGORI_LABEL  # noqa: E402

#: The format a download's title ends with: "Tabel Sasaran strategis (CSV)".
FORMAT_SUFFIX = re.compile(r"\s*\([A-Z][A-Za-z]{1,5}\)$")


def _size(size: int) -> str:
    if size < 1024:
        return f"{size}\u00a0B"
    if size < 1024 * 1024:
        return f"{fmt.angka(round(size / 1024, 1))}\u00a0KB"
    return f"{fmt.angka(round(size / 1024 / 1024, 1))}\u00a0MB"


def define_env(env) -> None:  # noqa: ANN001 - mkdocs-macros passes its own type
    """Expose the package's figures and tables to pages that ask for them."""
    package = model.load_cached(ROOT)
    manifest_path = ROOT / paths.DOWNLOAD_MANIFEST
    files = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else []
    # The hand-written pages speak of the site's own office; other offices have their own pages.
    documents = package.site_documents
    sasaran = [s for d in documents for s in d.sasaran]
    anomali = [n for n in package.anomali.values() if package.dokumen[n.dokumen_id] in documents]
    env.variables["csv_note"] = CSV_NOTE
    env.variables["rkt"] = {
        "sasaran": len(sasaran),
        "indikator": sum(len(d.indikator) for d in documents),
        "program": sum(len(d.program) for d in documents),
        "anomali": len(anomali),
        "site_url": paths.site_url(),
        "paket": package.name,
    }

    def _listed(kind: str, under: str) -> list[dict]:
        """The downloads of one kind or folder; the site's own files unless a folder is named."""
        listed = []
        for item in files:
            if under and not item["path"].startswith(under):
                continue
            if not under and item["path"].startswith((paths.berkas("kantor/"), paths.berkas("lembar/"))):
                continue  # each office's files are on its page, the sheets on the maintainers' page
            if kind and item["format"] != kind and not (kind == "berkas" and not item["resource"]):
                continue
            listed.append(item)
        return listed

    def _link(item: dict, text: str) -> str:
        if (ROOT / paths.CONTENT / item["path"]).exists():
            return f"[{text}]({item['path']})"  # checked by MkDocs
        # published beside the pages by publish.finish_site after MkDocs
        return f'<a href="../{item["path"]}">{text}</a>'

    @env.macro
    def unduhan_utama() -> str:
        """The complete indicator table as one clear choice of format, each a button with its size."""
        wanted = [paths.berkas(f"{paths.LENGKAP}.{ext}") for ext in ("csv", "xlsx", "json")]
        by_path = {item["path"]: item for item in files}
        buttons = []
        for number, path in enumerate(p for p in wanted if p in by_path):
            item = by_path[path]
            style = ".md-button .md-button--primary" if number == 0 else ".md-button"
            buttons.append(f"[{item['format']} ({_size(item['size'])})]({item['path']}){{ {style} }}")
        return " ".join(buttons)

    @env.macro
    def tabel_unduhan(kind: str = "", under: str = "") -> str:
        """Every download (of one kind, or under a folder), one row per content with its formats and sizes.

        "Tabel Indikator kinerja (CSV)" and "… (JSON)" share a row, so the page stays short on a phone;
        checksums are apart (`daftar_sha256`, SHA256SUMS).
        """
        grouped: dict[str, list[dict]] = {}
        for item in _listed(kind, under):
            grouped.setdefault(FORMAT_SUFFIX.sub("", item["title"]), []).append(item)
        rows = ["| Berkas | Unduh |", "|---|---|"]
        for title, items in grouped.items():
            links = " · ".join(f"{_link(item, item['format'])}\u00a0{_size(item['size'])}" for item in items)
            rows.append(f"| {fmt.teks(title)} | {links} |")
        return "\n".join(rows)

    @env.macro
    def daftar_sha256(kind: str = "", under: str = "") -> str:
        """The SHA-256 of the same downloads, in a collapsed detail (the full list is in SHA256SUMS)."""
        lines = [f"{item['sha256']}  {item['path']}" for item in _listed(kind, under)]
        body = html.escape("\n".join(lines))
        return (
            '<details class="sha-daftar"><summary>SHA-256 setiap berkas di atas</summary>'
            f'<pre><code class="sha">{body}</code></pre></details>'
        )

    @env.macro
    def tabel_anomali() -> str:
        """All anomalies of the official document, each linked to the row it concerns."""
        rows = ["| Kode | Letak | Kategori | Tercetak | Uraian | Dampak |", "|---|---|---|---|---|---|"]
        for note in anomali:
            link = f"[{note.rujukan_id}]({paths.page_source(note.tabel, note.rujukan_id)})"
            rows.append(
                f"| {note.id} | {link} | {KATEGORI_LABEL.get(note.kategori, note.kategori)} "
                f"| {fmt.teks(note.teks_dicetak) or '*(kosong)*'} | {fmt.teks(note.uraian)} "
                f"| {fmt.teks(note.dampak)} |"
            )
        return "\n".join(rows)

    @env.macro
    def jsonld_dataset() -> str:
        """The schema.org Dataset block for search engines (home and download pages)."""
        data = metadata.dataset_jsonld(package, files, clock.data_changed_epoch(ROOT))
        text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
        return f'<script type="application/ld+json">{text}</script>'

    @env.macro
    def tanggal_data() -> str:
        """The date the published data was last changed, in Indonesian."""
        return fmt.tanggal_epoch(clock.data_changed_epoch(ROOT))
