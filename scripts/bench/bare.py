"""The project's page beside bare Material: the same content built with Material and nothing added.

The site adds to Material its own CSS and JavaScript, overrides (Open Graph,
print footer, feed link), a CSP meta tag and abbreviations; Material alone
adds its built-in search (worker and index on every page). This module builds
the same generated content with a configuration that keeps only what renders
the Markdown (theme, language, extensions, macros, nav), so that the indicator
page of both can be weighed and timed side by side, in one run.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .lighthouse import Lighthouse, lighthouse
from .settings import GZIP_LEVEL
from .weight import PageWeight, browser_weights, serve

#: Keys of mkdocs.yml kept for the bare build: everything needed to render the same pages.
KEPT = ("site_name", "site_url", "docs_dir", "use_directory_urls", "markdown_extensions", "nav",
        "not_in_nav", "exclude_docs", "validation")  # fmt: skip
LIGHTHOUSE_RUNS = 3
BARE_CONFIG = "mkdocs-polos.yml"


@dataclass
class SideBySide:
    """The same page from the project's site and from bare Material, with and without compression."""

    path: str
    ours: dict[str, PageWeight] = field(default_factory=dict)
    bare: dict[str, PageWeight] = field(default_factory=dict)
    fcp_ours: list[float] = field(default_factory=list)
    fcp_bare: list[float] = field(default_factory=list)
    light_ours: Lighthouse | None = None
    light_bare: Lighthouse | None = None
    error: str = ""

    def gap(self, mode: str = "gzip") -> int:
        """Bytes the project's page transfers more than bare Material's (negative: fewer)."""
        return self.ours[mode].wire - self.bare[mode].wire

    def fcp_ratio(self) -> float:
        """The project's median first contentful paint over bare Material's."""
        if not self.fcp_ours or not self.fcp_bare:
            return 0.0
        return statistics.median(self.fcp_ours) / statistics.median(self.fcp_bare)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV) read as plain values; the bare build needs no environment."""


def _env_default(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> object:
    """`!ENV [NAME, default]` read as its default."""
    return loader.construct_sequence(node)[-1]


_Loader.add_constructor("!ENV", _env_default)


def bare_config(project: Path) -> Path:
    """Write mkdocs-polos.yml beside mkdocs.yml: the same pages, Material and its search only."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    bare = {key: config[key] for key in KEPT if key in config}
    bare["theme"] = {"name": "material", "language": "id", "font": False}
    macros = next((p for p in config.get("plugins", []) if isinstance(p, dict) and "macros" in p), None)
    bare["plugins"] = ["search", macros] if macros else ["search"]
    path = project / BARE_CONFIG
    path.write_text(yaml.safe_dump(bare, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_bare(project: Path, destination: Path, env: dict[str, str]) -> str:
    """`mkdocs build` of the project's generated content with the bare configuration; '' or the error."""
    config = bare_config(project)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(destination)]
    run = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        lines = [line for line in (run.stderr + run.stdout).splitlines() if line.strip()]
        return f"Material polos gagal dibangun: {lines[-1] if lines else run.returncode}"
    return ""


def compare(ours: Path, bare: Path, path: str, work: Path) -> SideBySide:
    """Weigh one page of both sites (gzip level 6 and uncompressed) and run Lighthouse on both."""
    result = SideBySide(path)
    for mode, level in (("gzip", GZIP_LEVEL), ("mentah", 0)):
        result.ours[mode] = browser_weights(ours, [("Situs ini", path)], level)[0]
        result.bare[mode] = browser_weights(bare, [("Material polos", path)], level)[0]
    for site, times, name in ((ours, result.fcp_ours, "ours"), (bare, result.fcp_bare, "bare")):
        with serve(site) as (base, _):
            for _ in range(LIGHTHOUSE_RUNS):
                light = lighthouse(base + path, work)
                if light.reason:
                    result.error = light.reason
                    break
                times.append(light.numbers.get("first-contentful-paint", 0.0))
                setattr(result, f"light_{name}", light)
    return result
