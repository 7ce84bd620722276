"""After MkDocs: the package's own files at the site root, and every published file checked.

MkDocs copies content/berkas/ and content/api/ into the site; this step adds
datapackage.json and data/ at the root (so the descriptor resolves over HTTP)
and checks every file against api/v1/manifest.json, so nothing half-right is
published.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .. import model, paths
from ..errors import BuildError
from . import metadata
from .downloads.files import package_files, sha256
from .job import Site


def publish_package(package: model.Package, site: Path, epoch: int) -> None:
    """Copy datapackage.json and its data/ files to the site root, so the descriptor works over HTTP."""
    stamp = max(epoch, 0)
    for path, data in package_files(package).items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        os.utime(target, (stamp, stamp))


def check_files(site: Path, manifest: str) -> list[str]:
    """Every problem (in Indonesian) between a manifest and the files under site/."""
    listing = site / manifest
    if not listing.is_file():
        return [f"{manifest} tidak ada di situs hasil bangun; jalankan ulang 'python -m kinerja generate'."]
    problems = []
    for entry in json.loads(listing.read_text(encoding="utf-8")):
        target = site / entry["path"]
        if not target.is_file():
            problems.append(f"{entry['path']}: berkas tidak ada di situs.")
            continue
        data = target.read_bytes()
        if len(data) != entry["size"] or sha256(data) != entry["sha256"]:
            problems.append(f"{entry['path']}: ukuran atau SHA-256 berbeda dari {manifest}.")
    return problems


def finish_site(package: model.Package, site: Path, epoch: int) -> None:
    """After `mkdocs build`: publish the package files and robots.txt at the site root, check every file.

    Checks that MkDocs copied every download and API file unchanged and that
    the published datapackage.json and data/ match what the manifests announce.
    Raises BuildError with every problem found, so nothing half-right is published.
    """
    publish_package(package, site, epoch)
    problems = check_files(site, paths.API_MANIFEST)
    if problems:
        shown = "\n".join(f"- {p}" for p in problems[:20])
        more = f"\n- … dan {len(problems) - 20} lagi" if len(problems) > 20 else ""
        raise BuildError(f"{len(problems)} berkas unduhan/API tidak cocok dengan daftarnya:\n{shown}{more}")
    (site / "robots.txt").write_text(metadata.robots_txt(), encoding="utf-8")


def finish(site: Site) -> None:
    """The registry's step: finish_site on the built site."""
    finish_site(site.package, site.folder, site.epoch)
