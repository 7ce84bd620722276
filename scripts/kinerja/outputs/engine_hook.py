"""MkDocs hook (mkdocs.yml `hooks:`): leave out of the engine's build the files the build cache holds.

pipeline.build names a plan file in the environment (PLAN_VARIABLE) listing the
files of content/ whose finished output it already has (outputs/tembolok.py).
This hook marks those files excluded, so MkDocs neither renders nor copies them
(a link to an excluded page keeps its address and is logged at INFO only), and
writes back what it left out and where each candidate would have been written,
so the build restores exactly those outputs. Without the variable (`mkdocs
serve`, a plain `mkdocs build`, tests of the engines) it does nothing.

It imports nothing from kinerja: MkDocs loads it as a file of its own.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

#: The environment variable naming the plan file (JSON: {"lewati": [src_uri, …], "laporan": path}).
PLAN_VARIABLE = "KINERJA_RENCANA_TEMBOLOK"


def _nav_sources(nav: Any) -> set[str]:
    """Every Markdown file named in mkdocs.yml's nav, at any depth."""
    found: set[str] = set()
    if isinstance(nav, str):
        found.add(nav)
    elif isinstance(nav, list):
        for entry in nav:
            found |= _nav_sources(entry)
    elif isinstance(nav, dict):
        for value in nav.values():
            found |= _nav_sources(value)
    return found


def on_files(files: Any, config: Any) -> Any:
    """Exclude the planned files that are not in the nav; report them and every candidate's output path."""
    plan_file = os.environ.get(PLAN_VARIABLE)
    if not plan_file:
        return files
    plan = json.loads(Path(plan_file).read_text(encoding="utf-8"))
    prefixes = tuple(plan["folders"])
    wanted = set(plan["lewati"])
    in_nav = _nav_sources(config.get("nav"))
    candidates: dict[str, str] = {}
    excluded: list[str] = []
    for file in files:
        src = file.src_uri
        if not src.startswith(prefixes) or src in in_nav or file.inclusion.is_excluded():
            continue
        candidates[src] = file.dest_uri
        if src in wanted:
            file.inclusion = type(file.inclusion).EXCLUDED  # the running engine's InclusionLevel
            excluded.append(src)
    report = {"calon": candidates, "dilewati": excluded}
    Path(plan["laporan"]).write_text(json.dumps(report), encoding="utf-8")
    return files
