"""The site's address: permanent only when the build is given it (SITE_URL), provisional otherwise."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from _site import Builder, copy_project
from kinerja import paths
from kinerja.outputs import metadata

REAL = "https://contoh.go.id/kinerja/"
PAGE = Path("kinerja") / "indikator"


def test_address_is_set_only_by_site_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty or missing SITE_URL means the address in mkdocs.yml is only a default."""
    monkeypatch.delenv("SITE_URL", raising=False)
    assert not paths.site_url_is_set()
    monkeypatch.setenv("SITE_URL", "  ")
    assert not paths.site_url_is_set()
    monkeypatch.setenv("SITE_URL", REAL)
    assert paths.site_url_is_set()


def test_citation_says_when_its_address_is_provisional() -> None:
    """A pasted citation never presents a guessed host as the permanent address."""
    args = ("KPU", "Judul", "IK24-K03", "https://x.test/a/", date(2024, 3, 1))
    assert metadata.citation(*args).endswith("Diakses dari https://x.test/a/")
    assert metadata.citation(*args, provisional=True).endswith(
        "Diakses dari https://x.test/a/ (alamat sementara)"
    )


def _first_indicator_page(site: Path) -> str:
    page = sorted((site / PAGE).glob("*/index.html"))[0]
    return page.read_text(encoding="utf-8")


@pytest.mark.skipif("SITE_URL" in os.environ, reason="this run gives the build a real address")
def test_build_without_address_calls_it_provisional(built_site: Path) -> None:
    """Without SITE_URL the citation, its address line and the printed footer say 'sementara'."""
    html = _first_indicator_page(built_site)
    assert "(alamat sementara)" in html
    assert "Alamat halaman ini (sementara" in html
    assert "Alamat sementara (alamat tetap situs belum ditetapkan)" in html
    assert "Alamat tetap" not in html


def test_build_with_address_calls_it_permanent(tmp_path: Path, builder: Builder) -> None:
    """With SITE_URL (as the Pages workflow sets it) every address is permanent and on that host."""
    project = copy_project(tmp_path / "p")
    result = builder.build(project, tmp_path / "site", SITE_URL=REAL)
    assert result.returncode == 0, result.stderr + result.stdout
    html = _first_indicator_page(tmp_path / "site")
    assert f'Alamat tetap halaman ini: <a href="{REAL}kinerja/indikator/' in html
    assert f"Alamat tetap: {REAL}kinerja/indikator/" in html
    assert "sementara" not in html
