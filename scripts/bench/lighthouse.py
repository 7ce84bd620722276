"""Lighthouse 12 (npx, mobile preset) on one page, run with Debian's Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kinerja.browser import CHROMIUM

from .weight import serve

LIGHTHOUSE = ["npx", "--yes", "lighthouse@12"]
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_TIMEOUT = 600
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


@dataclass
class Lighthouse:
    """Lighthouse scores (0–100) of one page, or why it could not run."""

    scores: dict[str, int] = field(default_factory=dict)
    metrics: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    """The metrics as numbers (milliseconds; layout shift as a score), for comparing two pages."""
    failing: list[str] = field(default_factory=list)
    version: str = ""
    reason: str = ""


def lighthouse(url: str, workdir: Path) -> Lighthouse:
    """Run Lighthouse 12 on `url` with Debian's Chromium; never raises, a failure is its `reason`.

    A missing Node.js or a failing run must not stop the other benchmarks, so
    every failure becomes a sentence for the report.
    """
    result = Lighthouse()
    if shutil.which("npx") is None:
        result.reason = "npx tidak ditemukan (Node.js/npm tidak terpasang)"
        return result
    if not CHROMIUM.exists():
        result.reason = f"{CHROMIUM} tidak ada"
        return result
    output = workdir / "lighthouse.json"
    command = [
        *LIGHTHOUSE,
        url,
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
        "--chrome-flags=--headless --no-sandbox --disable-gpu",
    ]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    try:
        run = subprocess.run(
            command, capture_output=True, text=True, timeout=LIGHTHOUSE_TIMEOUT, env=env, cwd=workdir
        )
    except subprocess.TimeoutExpired:
        result.reason = "Lighthouse tidak selesai dalam 10 menit"
        return result
    if run.returncode != 0 or not output.is_file():
        lines = [line for line in (run.stderr + run.stdout).splitlines() if line.strip()]
        result.reason = f"Lighthouse gagal (kode {run.returncode}): {lines[-1] if lines else 'tanpa pesan'}"
        return result
    report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        result.reason = f"Lighthouse: {report['runtimeError'].get('message', report['runtimeError'])}"
        return result
    result.version = report.get("lighthouseVersion", "")
    for name in LIGHTHOUSE_CATEGORIES:
        score = report["categories"].get(name, {}).get("score")
        if score is not None:
            result.scores[name] = round(score * 100)
    for audit in METRICS:
        value = report["audits"].get(audit, {}).get("displayValue")
        if value:
            result.metrics[audit] = str(value).replace("\xa0", " ")
        number = report["audits"].get(audit, {}).get("numericValue")
        if isinstance(number, (int, float)):
            result.numbers[audit] = float(number)
    for name in LIGHTHOUSE_CATEGORIES:
        for ref in report["categories"].get(name, {}).get("auditRefs", []):
            audit = report["audits"].get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 0.9:
                result.failing.append(f"{name}: {audit.get('title', ref['id'])}")
    return result


def lighthouse_pages(site: Path, pages: Sequence[tuple[str, str]], workdir: Path) -> dict[str, Lighthouse]:
    """Lighthouse on each (label, path) of a built site, served with gzip; label → result.

    Stops after the first page on which Lighthouse cannot run (the reason is the same for all).
    """
    results: dict[str, Lighthouse] = {}
    with serve(site) as (base, _):
        for label, path in pages:
            results[label] = lighthouse(base + path, workdir)
            if results[label].reason:
                break
    return results
