"""Upload a built site, shard by shard, to an object store behind a CDN with rclone.

For national scale (docs/hosting-nasional.md): site/shards.json says which
files form each shard (outputs/shards.py); this module lists them, sorts each
shard's files by how long a browser or CDN may keep them, and runs one
`rclone copy --files-from-raw` per shard and kind, with that kind's
Cache-Control header. Hashed assets go first, HTML last, so that a new page
never reaches a reader before the assets it names. Nothing is ever deleted
from the store: published URLs stay (codes and URLs are forever).

`--dry-run` prints the exact commands and writes, uploads and runs nothing.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..errors import BuildError
from .shards import Shard, prefix_table, shard_of, site_files

#: Cache-Control per kind of file, in upload order. Hashed assets never change under their name (a
#: year, immutable); downloads and API (JSON, CSV, XML, XLSX, ZIP) an hour; pages and unhashed scripts
#: and styles five minutes, so an update reaches readers quickly.
CACHE_CONTROL = {
    "aset-berhash": "public, max-age=31536000, immutable",
    "data": "public, max-age=3600",
    "halaman": "public, max-age=300",
}
#: A file name carrying a content hash (bundle.a5f9d56c.min.js, gabungan.e74e351b.css).
_HASHED = re.compile(r"\.[0-9a-f]{8,}\.")
_SHORT = (".html", ".js", ".css", ".map")


@dataclass
class Upload:
    """One upload: the files of one kind in one shard, and the command that sends them."""

    shard: str
    kind: str
    files: list[str]
    bytes: int

    @property
    def list_name(self) -> str:
        """The name of the file listing this upload's paths (one a line, for --files-from-raw)."""
        return f"{self.shard}.{self.kind}.txt"

    def command(self, site: Path, remote: str, lists: str) -> list[str]:
        """The rclone command of this upload; `lists` is the folder of the file lists."""
        return [
            "rclone",
            "copy",
            str(site),
            remote,
            "--files-from-raw",
            f"{lists}/{self.list_name}",
            "--header-upload",
            f"Cache-Control: {CACHE_CONTROL[self.kind]}",
            "--checksum",
            "--no-traverse",
        ]


def cache_kind(path: str) -> str:
    """The Cache-Control kind of a site file (a key of CACHE_CONTROL)."""
    name = path.rsplit("/", 1)[-1]
    if _HASHED.search(name):
        return "aset-berhash"
    return "halaman" if name.endswith(_SHORT) else "data"


def read_shards(site: Path) -> list[Shard]:
    """The shards of a built site from its shards.json; BuildError when the site has none."""
    listing = site / paths.SHARDS
    if not listing.is_file():
        raise BuildError(f"{listing} tidak ada. Bangun situs dulu dengan 'make site'.")
    try:
        return [Shard(**entry) for entry in json.loads(listing.read_text(encoding="utf-8"))]
    except (ValueError, TypeError) as error:
        raise BuildError(f"{listing} rusak ({error}). Bangun ulang situs dengan 'make site'.") from error


def plan(site: Path) -> list[Upload]:
    """Every upload of the site, hashed assets first and pages last, each in shards.json's order.

    The site's files are matched to shards by the rule of shards.json (longest prefix wins) and
    counted again: a site changed since it was built is refused, so nothing half-right is uploaded.
    """
    shards = read_shards(site)
    table = prefix_table(shards)
    found: dict[tuple[str, str], Upload] = {}
    counted = {s.name: [0, 0] for s in shards}
    files = site_files(site) | {paths.SHARDS: (site / paths.SHARDS).stat().st_size}
    for path, size in sorted(files.items()):
        name = shard_of(path, table)
        if name is None or name not in counted:
            raise BuildError(f"{path} tidak masuk shard mana pun di {paths.SHARDS}. Bangun ulang situs.")
        counted[name][0] += 1
        counted[name][1] += size
        kind = cache_kind(path)
        upload = found.setdefault((kind, name), Upload(name, kind, [], 0))
        upload.files.append(path)
        upload.bytes += size
    for shard in shards:
        if counted[shard.name] != [shard.files, shard.bytes]:
            count, size = counted[shard.name]
            raise BuildError(
                f"shard '{shard.name}' berisi {count} berkas, {size} bita, tetapi {paths.SHARDS} mencatat "
                f"{shard.files} berkas, {shard.bytes} bita: situs berubah sesudah dibangun. "
                "Bangun ulang dengan 'make site', lalu unggah lagi."
            )
    order = {s.name: i for i, s in enumerate(shards)}
    kinds = list(CACHE_CONTROL)
    return sorted(found.values(), key=lambda u: (kinds.index(u.kind), order[u.shard]))


def deploy(
    site: Path,
    remote: str,
    dry_run: bool,
    say: Callable[[str], None] = print,
    run: Callable[[list[str]], int] | None = None,
) -> list[list[str]]:
    """Upload every shard of the site to `remote` (rclone remote:bucket); return the commands.

    With `dry_run` the commands are printed (with the file lists they would read) and nothing is
    written or run. `run` runs one command and returns its exit code (tests replace it).
    """
    uploads = plan(site)
    if dry_run:
        lists = "<daftar>"
        say("# Uji kering: tidak ada yang ditulis, diunggah atau dijalankan.")
        say("# <daftar> = folder sementara berisi satu daftar berkas per perintah, dibuat saat dijalankan.")
        commands = [u.command(site, remote, lists) for u in uploads]
        for upload, command in zip(uploads, commands, strict=True):
            say(f"# {upload.shard}, {upload.kind}: {len(upload.files)} berkas, {upload.bytes} bita")
            say(shlex.join(command))
        return commands
    runner = run or _run
    with tempfile.TemporaryDirectory(prefix="kinerja-unggah-") as folder:
        commands = [u.command(site, remote, folder) for u in uploads]
        for upload, command in zip(uploads, commands, strict=True):
            (Path(folder) / upload.list_name).write_text("\n".join(upload.files) + "\n", encoding="utf-8")
            say(f"Mengunggah {upload.shard}, {upload.kind}: {len(upload.files)} berkas …")
            code = runner(command)
            if code != 0:
                raise BuildError(
                    f"rclone gagal (kode {code}) pada shard '{upload.shard}', {upload.kind}; unggahan "
                    "berhenti. Yang sudah terkirim tetap benar: ulangi perintah yang sama, rclone hanya "
                    "mengirim berkas yang berbeda."
                )
    say(f"Selesai: {len(commands)} unggahan ke {remote}.")
    return commands


def _run(command: list[str]) -> int:
    try:
        return subprocess.run(command).returncode
    except FileNotFoundError as error:
        raise BuildError(
            "rclone tidak ditemukan. Pasang rclone (https://rclone.org/install/) dan atur tujuannya "
            "('rclone config'), atau lihat perintahnya dulu dengan --dry-run."
        ) from error


def routes(site: Path) -> list[tuple[str, str]]:
    """The routing table of shards.json: (prefix, shard), longest prefix first, for one domain's router."""
    table = prefix_table(read_shards(site))
    return sorted(table.items(), key=lambda item: (-len(item[0]), item[0]))
