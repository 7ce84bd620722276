"""Shards: site/shards.json cuts the site into parts a static host accepts, and the deploy dry run.

The partition is checked on made-up file lists shaped like the site's paths
(several offices, the home office without an office part in its codes);
the built 1× site must be exactly one shard; the deploy's dry run prints
rclone commands and writes, runs and uploads nothing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from kinerja import cli
from kinerja.errors import BuildError
from kinerja.outputs import deploy, shards
from kinerja.paths import SHARDS, site_url

HOME = "64"
GROUPS = {
    "64": "provinsi-64",
    "6401": "provinsi-64",
    "6402": "provinsi-64",
    "22": "provinsi-22",
    "2201": "provinsi-22",
    "RI": "kantor-ri",
}
SHARED_FILES = (
    "index.html",
    "404.html",
    "assets/javascripts/bundle.a5f9d56c.min.js",
    "assets/kinerja.css",
    "kinerja/indikator/index.html",
    "kinerja/kantor/index.html",
    "kinerja/banding/ik24-s01/index.html",
    "berkas/indikator.csv",
    "berkas/kantor.csv",
    "api/v1/index.json",
    "api/v1/kantor/index.json",
    "cari/indeks/kantor.json",
    "cari/indeks/umum.json",
    "datapackage.json",
    SHARDS,
)


def office_files(office: str, rows: int = 3) -> list[str]:
    """The paths of one office's pages and files, as the build lays them out."""
    part = "" if office == HOME else f"{office}-"
    lower = part.lower()
    files = [
        f"kinerja/kantor/{office.lower()}/index.html",
        f"berkas/kantor/{office.lower()}/perubahan.xml",
        f"api/v1/kantor/{office}.json",
        f"cari/indeks/kantor-{office.lower()}.json",
        f"kinerja/dokumen/rkt24-{lower}s/index.html",
        f"kinerja/dokumen/rkt24-{lower}s/v1/index.html",
        f"api/v1/dokumen/RKT24-{part}S.json",
    ]
    for n in range(1, rows + 1):
        for letter in "KS":
            files += [
                f"kinerja/indikator/ik24-{lower}{letter.lower()}{n:02d}/index.html",
                f"api/v1/indikator/IK24-{part}{letter}{n:02d}.json",
                f"api/v1/indikator/IK24-{part}{letter}{n:02d}.csv",
                f"kinerja/sasaran/ss24-{lower}{letter.lower()}{n:02d}/index.html",
                f"api/v1/sasaran/SS24-{part}{letter}{n:02d}.json",
            ]
    files.append(f"kinerja/indikator/ik24-{lower}k2-01/index.html")  # a second K document
    return files


def site_files() -> dict[str, int]:
    """A made-up site: shared files and the files of six offices, with sizes."""
    paths = [*SHARED_FILES, *(f for office in GROUPS for f in office_files(office))]
    return {path: 100 + 7 * i for i, path in enumerate(paths)}


def test_owner_reads_the_office_from_today_s_paths() -> None:
    offices = {code.lower(): code for code in GROUPS}
    assert shards.owner("kinerja/indikator/ik24-s07/index.html", offices, HOME) == (
        "64",
        "kinerja/indikator/ik24-s",
    )
    assert shards.owner("kinerja/indikator/ik24-k2-03/index.html", offices, HOME) == (
        "64",
        "kinerja/indikator/ik24-k",
    )
    assert shards.owner("api/v1/indikator/IK24-6401-S07.csv", offices, HOME) == (
        "6401",
        "api/v1/indikator/IK24-6401-",
    )
    assert shards.owner("kinerja/sasaran/ss24-ri-k01/index.html", offices, HOME) == (
        "RI",
        "kinerja/sasaran/ss24-ri-",
    )
    assert shards.owner("kinerja/kantor/ri/index.html", offices, HOME) == ("RI", "kinerja/kantor/ri/")
    assert shards.owner("cari/indeks/kantor-2201.json", offices, HOME) == (
        "2201",
        "cari/indeks/kantor-2201.json",
    )
    for shared in SHARED_FILES:
        assert shards.owner(shared, offices, HOME) is None, shared


def test_a_site_within_the_limits_is_one_shard() -> None:
    files = site_files()
    result = shards.partition(files, GROUPS, HOME)
    assert [s.as_json() for s in result] == [
        {"name": "bersama", "paths": [""], "bytes": sum(files.values()), "files": len(files)}
    ]


@pytest.mark.parametrize("limit", [40, 80, 200])
def test_every_file_is_in_exactly_one_shard_within_the_limits(limit: int) -> None:
    files = site_files()
    limits = shards.Limits(bytes=10**9, files=limit)
    result = shards.partition(files, GROUPS, HOME, limits)
    assert result[0].name == shards.SHARED and result[0].paths == [""]
    assert len(result) > 1
    assert all(s.files <= limits.files and s.bytes <= limits.bytes for s in result)
    table = shards.prefix_table(result)
    members: dict[str, list[str]] = {}
    for path in files:
        # exactly one shard: the longest matching prefix, and never two office prefixes of equal claim
        claims = [p for p in table if path.startswith(p) and p]
        assert len(claims) <= 1 or len({table[c] for c in claims}) == 1, (path, claims)
        members.setdefault(shards.shard_of(path, table) or "?", []).append(path)
    assert "?" not in members
    assert sum(len(m) for m in members.values()) == len(files)
    for shard in result:
        assert shard.files == len(members[shard.name])
        assert shard.bytes == sum(files[p] for p in members[shard.name])
    assert set(members[shards.SHARED]) == set(SHARED_FILES)
    for office, group in GROUPS.items():
        homes = {shards.shard_of(p, table) for p in office_files(office)}
        assert len(homes) == 1, f"kantor {office} utuh dalam satu shard"
        assert homes.pop().startswith(group)


def test_the_partition_is_deterministic() -> None:
    files = site_files()
    limits = shards.Limits(bytes=10**9, files=80)
    first = shards.render(shards.partition(files, GROUPS, HOME, limits))
    again = shards.render(shards.partition(dict(reversed(list(files.items()))), GROUPS, HOME, limits))
    assert first == again
    names = [s["name"] for s in json.loads(first)]
    assert names == ["bersama", "kantor-ri", "provinsi-22", "provinsi-64-1", "provinsi-64-2"]


def test_an_office_above_the_limits_is_refused_clearly() -> None:
    with pytest.raises(BuildError, match=r"terlalu besar untuk satu shard.*MAX_FILES"):
        shards.partition(site_files(), GROUPS, HOME, shards.Limits(bytes=10**9, files=20))


def test_offices_are_grouped_by_province() -> None:
    def office(id: str, jenis: str, induk: str) -> SimpleNamespace:  # noqa: A002 - the column's name
        return SimpleNamespace(id=id, jenis=jenis, induk=induk)

    package = SimpleNamespace(
        kantor={
            "RI": office("RI", "ri", ""),
            "64": office("64", "provinsi", "RI"),
            "6472": office("6472", "kota", "64"),
            "22": office("22", "provinsi", "RI"),
            "2201": office("2201", "kabupaten", "22"),
        }
    )
    assert shards.groups_of(package) == {  # type: ignore[arg-type]
        "RI": "kantor-ri",
        "64": "provinsi-64",
        "6472": "provinsi-64",
        "22": "provinsi-22",
        "2201": "provinsi-22",
    }


def _fake_site(folder: Path, limit: int = 60) -> Path:
    """A folder holding the made-up site's files and its shards.json, as the build writes it."""
    files = site_files()
    for path, size in files.items():
        if path != SHARDS:
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_bytes(b"x" * size)
    result = shards.partition({**files, SHARDS: 0}, GROUPS, HOME, shards.Limits(10**9, limit))
    text = shards.render(result)
    for _ in range(5):
        result[0].bytes = sum(files[p] for p in files if p in SHARED_FILES and p != SHARDS) + len(text)
        text = shards.render(result)
    (folder / SHARDS).write_text(text, encoding="utf-8")
    return folder


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_dry_run_prints_the_commands_and_touches_nothing(tmp_path: Path) -> None:
    site = _fake_site(tmp_path / "site")
    before = _listing(tmp_path)
    said: list[str] = []

    def never(command: list[str]) -> int:
        raise AssertionError(f"uji kering menjalankan {command}")

    commands = deploy.deploy(site, "contoh:ember", True, said.append, never)
    assert _listing(tmp_path) == before
    printed = [line for line in said if line.startswith("rclone ")]
    assert len(printed) == len(commands) >= 5
    assert all(c[:5] == ["rclone", "copy", str(site), "contoh:ember", "--files-from-raw"] for c in commands)
    headers = [f"Cache-Control: {value}" for value in deploy.CACHE_CONTROL.values()]
    order = [headers.index(c[c.index("--header-upload") + 1]) for c in commands]
    assert order == sorted(order) and order[0] == 0 and order[-1] == 2, "hashed assets first, pages last"
    assert headers[0].endswith("immutable") and headers[2] == "Cache-Control: public, max-age=300"
    named = {s["name"] for s in json.loads((site / SHARDS).read_text(encoding="utf-8"))}
    assert {c[5].rsplit("/", 1)[-1].split(".")[0] for c in commands} == named


def test_the_upload_lists_every_file_once(tmp_path: Path) -> None:
    site = _fake_site(tmp_path / "site")
    sent: list[str] = []

    def fake_rclone(command: list[str]) -> int:
        sent.extend(Path(command[5]).read_text(encoding="utf-8").split())
        return 0

    deploy.deploy(site, "contoh:ember", False, lambda _: None, fake_rclone)
    assert sorted(sent) == sorted(site_files())


def test_a_site_changed_after_its_build_is_not_uploaded(tmp_path: Path) -> None:
    site = _fake_site(tmp_path / "site")
    (site / "kinerja" / "indikator" / "ik24-6401-s01" / "index.html").write_text("diubah")
    with pytest.raises(BuildError, match="situs berubah sesudah dibangun"):
        deploy.deploy(site, "contoh:ember", True, lambda _: None)


def test_the_deploy_step_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _fake_site(tmp_path / "site")
    assert cli.main(["deploy", "--situs", str(site), "--tujuan", "r2:ember", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "rclone copy" in out and "r2:ember" in out
    assert cli.main(["deploy", "--situs", str(site), "--rute"]) == 0
    routes = capsys.readouterr().out.splitlines()
    assert routes[-1] == "(sisanya)\tbersama"
    assert cli.main(["deploy", "--situs", str(tmp_path / "tidak-ada"), "--tujuan", "r2:ember"]) == 2
    assert "shards.json tidak ada" in capsys.readouterr().err


def test_the_one_office_site_is_one_shard(built_site: Path) -> None:
    listing = json.loads((built_site / SHARDS).read_text(encoding="utf-8"))
    files = [p for p in built_site.rglob("*") if p.is_file()]
    assert listing == [
        {
            "name": "bersama",
            "paths": [""],
            "bytes": sum(p.stat().st_size for p in files),
            "files": len(files),
        }
    ]


def test_links_between_pages_are_relative(built_site: Path) -> None:
    """One domain routing prefixes to shards serves the site: no page link names a host or the root.

    The only absolute addresses are a page's own public address (canonical link, citation) and those
    of 404.html, which MkDocs writes from the site's root because it is served at any depth.
    """
    base = site_url()
    for page in built_site.rglob("*.html"):
        if page.name == "404.html" and page.parent == built_site:
            continue
        # Code blocks show text to copy (the embed snippet names the card's public address), not links.
        text = re.sub(r"<pre\b.*?</pre>", "", page.read_text(encoding="utf-8"), flags=re.S)
        canonical = re.search(r'<link rel="canonical" href="([^"]*)"', text)
        for link in re.findall(r'(?:href|src|action)="([^"]*)"', text):
            assert not link.startswith("/"), f"{page}: {link}"
            if link.startswith(base):
                assert canonical and link == canonical.group(1), f"{page}: {link}"
