"""SHA256SUMS and berkas/manifest.json: every download written before them, with size and SHA-256."""

from __future__ import annotations

from dataclasses import asdict

from ... import paths
from ..job import Job
from .files import json_bytes


def write(job: Job) -> None:
    """List the downloads written so far in SHA256SUMS and berkas/manifest.json; keep them as job.downloads.

    The registry calls this after every output of registry.DOWNLOADS and before the API, whose
    index and DCAT catalogue list `job.downloads`.
    """
    out = job.out
    lines = "".join(f"{f.sha256}  {f.path}\n" for f in out.files)
    out.put(paths.berkas("SHA256SUMS"), lines.encode("utf-8"), "Daftar SHA-256 semua berkas unduhan (TXT)",
            "TXT")  # fmt: skip
    job.downloads = list(out.files)
    out.put(paths.berkas("manifest.json"), json_bytes([asdict(f) for f in job.downloads]),
            "Daftar berkas unduhan dengan ukuran dan SHA-256 (JSON)", "JSON")  # fmt: skip
