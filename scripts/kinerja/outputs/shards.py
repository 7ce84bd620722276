"""The site cut into shards that a static host accepts: site/shards.json.

A national site (553 offices) is larger than any one static host takes
(GitHub Pages: 1 GB; Cloudflare Pages: 20,000 files on the free plan), so the
build lists how to cut site/ into shards, each within LIMITS, that one domain
serves together by routing path prefixes (docs/hosting-nasional.md):

- `bersama` (shared): every page and file that is not one office's: home page,
  lists, Banding, search page and its shared indexes, downloads of the whole
  package, assets, shards.json itself. Its one prefix is '' (the rest).
- one shard per province (`provinsi-64`), holding the pages and files of the
  province's offices (the provincial KPU and its kabupaten/kota); KPU RI is
  its own (`kantor-ri`). A province above the limits is split, in the order of
  the office codes, into `provinsi-64-1`, `provinsi-64-2` …

When the whole site is within the limits (one office: the real package) there
is exactly one shard, `bersama`, with the prefix '' — the site as it is today.

**Matching rule.** A file (its path under site/, with '/') belongs to the shard
that holds the *longest* prefix its path starts with. The prefixes of office
shards never start one another (checked here), so only the shared shard's ''
competes with them: a path that starts with an office prefix is that office's.
Prefixes are string prefixes of today's published paths, never new URLs
(codes and URLs are forever): an office's row pages share no folder, but their
codes do share a beginning (`kinerja/indikator/ik24-6472-` for IK24-6472-S07;
`kinerja/indikator/ik24-s` and `…/ik24-k` for the home office, whose codes carry
no office part).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .. import model, paths
from ..domain import ids
from ..errors import BuildError
from .job import Site

#: The most bytes one shard may hold: GitHub Pages publishes at most 1 GB (decimal megabytes).
MAX_BYTES = 1_000 * 1_000 * 1_000
#: The most files one shard may hold: Cloudflare Pages' free plan takes 20,000 files per site.
MAX_FILES = 20_000
#: The shard of every page and file that is not one office's (its prefix is '', the rest).
SHARED = "bersama"

#: The kinds of row that have a page (kinerja/<kind>/<code>/) and an API file (api/v1/<kind>/<CODE>.json).
_ROW_KINDS = "dokumen|program|sasaran|indikator"
_ROW_FILE = re.compile(
    rf"^(?P<folder>(?:{re.escape(paths.PAGES)}|{re.escape(paths.API)})/(?:{_ROW_KINDS})/)"
    r"(?P<code>[^/.]+)(?:/|\.json$|\.csv$)"
)
#: One office's own folders and files, named by its code (kinerja/kantor/6472/, cari/indeks/kantor-6472.json).
_OFFICE_PATHS = (
    re.compile(rf"^(?P<prefix>{re.escape(paths.PAGES)}/kantor/(?P<office>[^/]+)/)"),
    re.compile(rf"^(?P<prefix>{re.escape(paths.BERKAS)}/kantor/(?P<office>[^/]+)/)"),
    re.compile(rf"^(?P<prefix>{re.escape(paths.API)}/kantor/(?P<office>[^/.]+)\.json)$"),
    re.compile(r"^(?P<prefix>cari/indeks/kantor-(?P<office>[^/.]+)\.json)$"),
)


@dataclass(frozen=True)
class Limits:
    """How large one shard may be (tests pass small limits to exercise the splitting)."""

    bytes: int = MAX_BYTES
    files: int = MAX_FILES

    def fits(self, size: int, count: int) -> bool:
        """Whether `count` files of `size` bytes in all fit in one shard."""
        return size <= self.bytes and count <= self.files


@dataclass
class Shard:
    """One part of the site: its name, its path prefixes, and the bytes and files it holds."""

    name: str
    paths: list[str]
    bytes: int = 0
    files: int = 0

    def as_json(self) -> dict[str, object]:
        """The shard as shards.json lists it."""
        return {"name": self.name, "paths": self.paths, "bytes": self.bytes, "files": self.files}


@dataclass
class _Office:
    code: str
    prefixes: set[str] = field(default_factory=set)
    bytes: int = 0
    files: int = 0


def owner(path: str, offices: Mapping[str, str], home: str) -> tuple[str, str] | None:
    """The office a site file belongs to and the prefix that names it, or None for a shared file.

    `offices` maps each office code in lower case to the code itself (6472, RI); `home` is the
    code of the home office, whose row codes carry no office part (IK24-S07).
    """
    match = _ROW_FILE.match(path)
    if match is not None:
        code = match["code"]
        parsed = ids.parse(code.upper())
        if parsed is None:
            return None
        head = code[: code.index("-") + 1]  # ik24-
        part = parsed.dokumen.kantor
        office_part = code[len(head) : len(head) + len(part) + 1] if part else code[len(head)]
        return (part or home), match["folder"] + head + office_part
    for pattern in _OFFICE_PATHS:
        match = pattern.match(path)
        if match is not None:
            office = offices.get(match["office"].lower())
            return (office, match["prefix"]) if office is not None else None
    return None


class PrefixTable(dict[str, str]):
    """Prefix → shard name, with the prefixes' lengths, longest first, worked out once for all lookups."""

    @cached_property
    def lengths(self) -> list[int]:
        """The distinct prefix lengths, longest first: the order of the matching rule."""
        return sorted({len(prefix) for prefix in self}, reverse=True)


def shard_of(path: str, table: PrefixTable) -> str | None:
    """The shard of a path by the matching rule (longest prefix wins); `table` is prefix_table's."""
    for length in table.lengths:
        if length <= len(path) and path[:length] in table:
            return table[path[:length]]
    return None


def prefix_table(shards: Iterable[Shard]) -> PrefixTable:
    """Every prefix of every shard, with the shard's name."""
    return PrefixTable((prefix, shard.name) for shard in shards for prefix in shard.paths)


def partition(
    files: Mapping[str, int], groups: Mapping[str, str], home: str, limits: Limits = Limits()
) -> list[Shard]:
    """Cut the site's files (path → bytes) into shards within `limits`, the shared shard first.

    `groups` maps each office code to the shard group its pages go to (provinsi-64), `home` is the
    home office's code. One shard when everything fits; otherwise the shared shard and, per group,
    shards filled office by office in the order of their codes (next fit, offices kept whole). Raises
    BuildError when one office alone, or the shared part, exceeds the limits.
    """
    total = sum(files.values())
    if limits.fits(total, len(files)):
        return [Shard(SHARED, [""], total, len(files))]
    lower = {code.lower(): code for code in groups} | {home.lower(): home}
    shared = Shard(SHARED, [""])
    offices: dict[str, _Office] = {}
    for path, size in sorted(files.items()):
        found = owner(path, lower, home)
        if found is None:
            shared.bytes += size
            shared.files += 1
            continue
        office = offices.setdefault(found[0], _Office(found[0]))
        office.prefixes.add(found[1])
        office.bytes += size
        office.files += 1
    _check(shared, limits)
    by_group: dict[str, list[_Office]] = {}
    for code in sorted(offices):
        by_group.setdefault(groups.get(code, f"kantor-{paths.slug(code)}"), []).append(offices[code])
    shards = [shared]
    for group in sorted(by_group):
        shards += _pack(group, by_group[group], limits)
    _check_rule(shards, files)
    return shards


def _pack(group: str, members: list[_Office], limits: Limits) -> list[Shard]:
    """A group's offices in shards within the limits, filled in the order of their codes (next fit)."""
    bins: list[list[_Office]] = [[]]
    for office in members:
        _check(Shard(f"{group} (kantor {office.code})", [], office.bytes, office.files), limits)
        current = bins[-1]
        size = sum(o.bytes for o in current) + office.bytes
        count = sum(o.files for o in current) + office.files
        if current and not limits.fits(size, count):
            bins.append([office])
        else:
            current.append(office)
    names = [group] if len(bins) == 1 else [f"{group}-{i}" for i in range(1, len(bins) + 1)]
    return [
        Shard(
            name,
            sorted(p for o in part for p in o.prefixes),
            sum(o.bytes for o in part),
            sum(o.files for o in part),
        )
        for name, part in zip(names, bins, strict=True)
    ]


def _check(shard: Shard, limits: Limits) -> None:
    if not limits.fits(shard.bytes, shard.files):
        raise BuildError(
            f"bagian situs '{shard.name}' terlalu besar untuk satu shard: {_number(shard.files)} berkas, "
            f"{_number(shard.bytes)} bita (batas {_number(limits.files)} berkas, {_number(limits.bytes)} "
            "bita; MAX_FILES dan MAX_BYTES di scripts/kinerja/outputs/shards.py). Pecah bagian itu, "
            "atau naikkan batasnya bila host menerimanya."
        )


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _check_rule(shards: list[Shard], files: Mapping[str, int]) -> None:
    """Office prefixes never start one another, and the matching rule gives back every shard's count."""
    prefixes = sorted(p for shard in shards[1:] for p in shard.paths)
    for before, after in zip(prefixes, prefixes[1:], strict=False):
        if after.startswith(before):
            raise AssertionError(f"awalan shard bertumpuk: {before!r} dan {after!r}")
    table = prefix_table(shards)
    counted: dict[str, int] = {}
    for path in files:
        name = shard_of(path, table) or ""
        counted[name] = counted.get(name, 0) + 1
    expected = {shard.name: shard.files for shard in shards if shard.files}
    if counted != expected:
        raise AssertionError(f"aturan awalan tidak memberi pembagian yang sama: {counted} ≠ {expected}")


def groups_of(package: model.Package) -> dict[str, str]:
    """The shard group of each office: its province (provinsi-64); KPU RI and others above, their own."""
    groups = {}
    for code, office in package.kantor.items():
        seen = {code}
        while office.jenis != "provinsi" and office.induk in package.kantor and office.induk not in seen:
            seen.add(office.induk)
            office = package.kantor[office.induk]
        kind = "provinsi" if office.jenis == "provinsi" else "kantor"
        groups[code] = f"{kind}-{paths.slug(office.id)}"
    return groups


def render(shards: list[Shard]) -> str:
    """shards.json's text: the shards in order, no timestamps, so the same site gives the same bytes."""
    return json.dumps([s.as_json() for s in shards], ensure_ascii=False, indent=1) + "\n"


def site_files(site: Path) -> dict[str, int]:
    """Every file under site/ (path with '/', relative to it) with its bytes, except shards.json."""
    files = {}
    for folder, _, names in os.walk(site):
        base = Path(folder).relative_to(site).as_posix()
        prefix = "" if base == "." else base + "/"
        for name in names:
            files[prefix + name] = os.stat(os.path.join(folder, name)).st_size
    files.pop(paths.SHARDS, None)
    return files


def write_shards(site: Path, package: model.Package, limits: Limits = Limits()) -> list[Shard]:
    """List the shards of a built site in site/shards.json (itself in the shared shard); return them.

    Runs last (registry.SITE), after every step that writes into the site, so the counts are those
    published.
    """
    files = site_files(site)
    files[paths.SHARDS] = 0
    shards = partition(files, groups_of(package), package.home.id, limits)
    shared, rest = shards[0], shards[0].bytes  # shards.json is counted in the shared shard with 0 bytes
    size, text = 0, render(shards)
    for _ in range(10):  # shards.json counts its own bytes: settle on the size that states itself
        if len(text.encode("utf-8")) == size:
            break
        size = len(text.encode("utf-8"))
        shared.bytes = rest + size
        text = render(shards)
    _check(shared, limits)
    (site / paths.SHARDS).write_text(text, encoding="utf-8")
    return shards


def finish(site: Site) -> None:
    """The registry's step, last of SITE: shards.json of the finished site, so its counts are final."""
    write_shards(site.folder, site.package)
