"""The build cache: a page whose source, code and settings are unchanged is not built again.

Every build still validates the whole package and renders all of content/ (the
downloads of the whole package change with any office), writing only the files
whose bytes changed (writer.py). What it skips is the costly part after that:
the site engine and the steps that rewrite each page.

- The global key is the SHA-256 of the code (scripts/kinerja, main.py,
  overrides/, mkdocs.yml, requirements.lock), the engine and its libraries'
  versions, SITE_URL, the hand-written files of content/,
  the snippet appended to every page, and the list of every file under
  content/ (a page's links resolve against it). Not the build's date
  (SOURCE_DATE_EPOCH, by default the last commit): no page shows it, only the
  engine's sitemap did, which sitemap.py now writes whole every build; so a
  new commit does not make every page new.
- A page's key is the SHA-256 of the global key, its path and its Markdown
  (or, for a static HTML file such as an embed card, its bytes). A generated
  page's Markdown holds everything the page shows, so an office whose data did
  not change gives the same Markdown and the same key.
- The cache (paths.BUILD_CACHE) holds, by key, the finished HTML of each such
  page (after every SITE step) as a hard link of the published file, with
  what the search step read from its HTML before the rewrites; its index is
  written last, after the site is published.
- A page found in the cache is left out of the engine's build (engine_hook.py)
  and its finished HTML linked into the new site; the steps that rewrite pages
  skip it (Site.kept) and the search step takes what it read last time
  (Site.found). The other generated files (downloads, API, pictures) are
  linked from content/ instead of copied.

Nothing in the cache is trusted blindly: an index that cannot be read, of
another format or another global key, starts an empty cache (a clean build);
a cached file whose size or modification time differs from the index is
built again. The cache is only written after the site was published, so a
failed build leaves it as it was. Nav pages and hand-written pages are always
built (they are few, and the macros of main.py read the whole package).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from .. import atomic, paths

FORMAT = 2
#: The code whose every byte is part of the global key (besides scripts/kinerja itself).
CODE = ("main.py", "overrides", "mkdocs.yml", "requirements.lock")
#: Libraries whose version is part of the code's key: what turns Markdown into HTML, draws, templates.
LIBRARIES = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-macros-plugin",
    "pymdown-extensions",
    "markdown",
    "jinja2",
    "pillow",
)
INDEX = "indeks.pickle"
BLOBS = "berkas"
#: Bytes an output made from a few facts (Job.memo), by the code's key, then by the facts' key.
MEMO = "hasil"
#: Sources whose finished output is cached by key; other generated files are linked from content/.
PAGE_SUFFIXES = (".md", ".html")
#: An entry whose HTML the search step has not read (Entry.found).
_MISSING = "-"


def _digest_tree(digest: Any, base: Path, relative: str) -> None:
    path = base / relative
    if path.is_file():
        digest.update(f"{relative}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
        return
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            file = Path(folder, name)
            digest.update(f"{file.relative_to(base).as_posix()}\0{file.stat().st_size}\0".encode())
            digest.update(file.read_bytes())


def code_key(root: Path) -> str:
    """SHA-256 of the code that makes the site: this package, main.py, overrides/, mkdocs.yml, the lock.

    The versions of LIBRARIES count too (a project copy may have no lock of its own).
    """
    digest = hashlib.sha256(json.dumps(_versions(LIBRARIES)).encode())
    package = Path(__file__).resolve().parents[1]
    _digest_tree(digest, package.parent, package.name)
    for name in CODE:
        if (root / name).exists():
            _digest_tree(digest, root, name)
    return digest.hexdigest()


def _versions(names: tuple[str, ...]) -> dict[str, str]:
    found = {}
    for name in names:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = ""
    return found


def auto_appended(root: Path) -> list[str]:
    """The snippets that pymdownx.snippets appends to every page (mkdocs.yml), relative to root."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader) or {}
    for extension in config.get("markdown_extensions") or []:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            return list((extension["pymdownx.snippets"] or {}).get("auto_append") or [])
    return []


def content_files(content: Path) -> list[str]:
    """Every file under a folder (content/, or the built site), relative (POSIX), folder by folder in
    name order."""
    found = []
    for folder, dirs, files in os.walk(content):
        dirs.sort()
        base = Path(folder).relative_to(content).as_posix()
        found += [name if base == "." else f"{base}/{name}" for name in sorted(files)]
    return found


def _generated(relative: str) -> bool:
    return relative.split("/", 1)[0] in paths.GENERATED


def global_key(root: Path, files: list[str], engine: str) -> str:
    """The key every page's key includes: code, engine, settings, hand-written content, the file list."""
    content = root / paths.CONTENT
    digest = hashlib.sha256()
    settings = {
        "format": FORMAT,
        "code": code_key(root),
        "engine": engine,
        "versions": _versions((engine,)),
        "site_url": os.environ.get("SITE_URL", ""),
    }
    digest.update(json.dumps(settings, sort_keys=True).encode())
    digest.update("\n".join(files).encode())
    for relative in files:
        if not _generated(relative):
            _digest_tree(digest, content, relative)
    for snippet in auto_appended(root):
        if (root / snippet).is_file():
            _digest_tree(digest, root, snippet)
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    """One cached output: the page's key, where the engine writes it, and its file's size and time."""

    key: str
    dest: str
    size: int
    mtime_ns: int
    found: Any = _MISSING
    """What the search step read from the page's HTML (None: not a search result); _MISSING: not read."""


def _read_index(cache: Path, key: str) -> dict[str, Entry]:
    """The entries of the cache's index when it is whole and of this global key; else none."""
    try:
        with (cache / INDEX).open("rb") as stream:
            index = pickle.load(stream)
        if index.get("format") != FORMAT or index.get("global") != key:
            return {}
        return {src: Entry(*values) for src, values in index["entries"].items()}
    except Exception:  # noqa: BLE001 - any unreadable or foreign index means: start empty
        return {}


def _intact(blob: str, entry: Entry) -> bool:
    try:
        stat = os.stat(blob)
    except OSError:
        return False
    return stat.st_size == entry.size and stat.st_mtime_ns == entry.mtime_ns


def memo(root: Path, code: str, name: str, facts: object, make: Callable[[], bytes]) -> bytes:
    """make(), or the bytes it gave for the same `name` and `facts` under the same code in an earlier build.

    For outputs that are a pure function of a small value with a stable repr (a frozen dataclass of
    text and numbers), such as an indicator's share picture. Each file holds the SHA-256 of its bytes
    first: a file cut short or changed is made again.
    """
    key = hashlib.sha256(f"{name}\0{facts!r}".encode()).hexdigest()
    path = root / paths.BUILD_CACHE / MEMO / code[:32] / key[:2] / key
    with contextlib.suppress(OSError):
        stored = path.read_bytes()
        if hashlib.sha256(stored[32:]).digest() == stored[:32]:
            return stored[32:]
    data = make()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{key}.{os.getpid()}")
        temporary.write_bytes(hashlib.sha256(data).digest() + data)
        os.replace(temporary, path)
    return data


def _link(source: Path, target: Path) -> None:
    """Hard-link source at target (a copy where links are impossible), replacing target in one step."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = atomic.partial(target)
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    try:
        os.link(source, temporary)
    except OSError:
        shutil.copyfile(source, temporary)
    os.replace(temporary, target)


def _blob(cache: Path, key: str) -> str:
    return f"{cache}/{BLOBS}/{key[:2]}/{key}"


def _link_new(source: str, target: str, folders: set[str]) -> None:
    """Hard-link source at target in a site still being built (nothing reads it yet): one link call, its
    folder made once; a target already there, or a file system without links, goes the careful way."""
    folder = os.path.dirname(target)
    if folder not in folders:
        os.makedirs(folder, exist_ok=True)
        folders.add(folder)
    try:
        os.link(source, target)
    except OSError:
        _link(Path(source), Path(target))


@dataclass
class Plan:
    """What one build takes from the cache, and what it adds to it afterwards."""

    root: Path
    cache: Path
    global_key: str
    keys: dict[str, str]
    """Every generated page (or static HTML) of content/ → its key."""
    reuse: dict[str, Entry]
    """The pages whose finished output the cache holds, intact."""
    static: list[str]
    """The other generated files, linked from content/ rather than copied by the engine."""
    report: dict[str, Any] = field(default_factory=dict)

    def blob(self, key: str) -> str:
        """Where the cache keeps the finished output of the page with this key."""
        return _blob(self.cache, key)

    def request(self, folder: Path) -> Path:
        """Write the plan file for engine_hook.py into folder; return its path."""
        path = folder / "rencana.json"
        plan = {
            "folders": [f"{name}/" for name in paths.GENERATED],
            "lewati": [*self.reuse, *self.static],
            "laporan": str(folder / "laporan.json"),
        }
        path.write_text(json.dumps(plan), encoding="utf-8")
        return path

    def restore(self, folder: Path, site: Path) -> tuple[frozenset[str], dict[str, Any]]:
        """Put what the engine left out into the built site; the kept pages and what search read of them.

        Reads the hook's report from folder. A cached file that changed since the plan stops the build
        (run it again: the cache then starts over for that page).
        """
        self.report = json.loads((folder / "laporan.json").read_text(encoding="utf-8"))
        content = os.fspath(self.root / paths.CONTENT)
        top = os.fspath(site)
        candidates: dict[str, str] = self.report["calon"]
        kept: set[str] = set()
        found: dict[str, Any] = {}
        folders: set[str] = set()
        for src in self.report["dilewati"]:
            dest = candidates[src]
            entry = self.reuse.get(src)
            if entry is None:
                _link_new(f"{content}/{src}", f"{top}/{dest}", folders)
                continue
            blob = self.blob(entry.key)
            if not _intact(blob, entry) or entry.dest != dest:
                raise OSError(f"tembolok berubah selama pembangunan: {blob}")
            _link_new(blob, f"{top}/{dest}", folders)
            kept.add(dest)
            if entry.found != _MISSING:
                found[dest] = entry.found
        return frozenset(kept), found

    def save(self, site: Path, found: dict[str, Any]) -> None:
        """After publishing: keep each built page's finished output by key, write the index, drop the rest."""
        candidates: dict[str, str] = self.report.get("calon", {})
        entries: dict[str, tuple] = {}
        top = os.fspath(site)
        for src, dest in candidates.items():
            key = self.keys.get(src)
            output = f"{top}/{dest}"
            if key is None or not os.path.isfile(output):
                continue
            blob = self.blob(key)
            old = self.reuse.get(src)
            if old is None or not _intact(blob, old):
                _link(Path(output), Path(blob))
            stat = os.stat(blob)
            entries[src] = (key, dest, stat.st_size, stat.st_mtime_ns, found.get(dest, _MISSING))
        index = {"format": FORMAT, "global": self.global_key, "entries": entries}
        self.cache.mkdir(parents=True, exist_ok=True)
        atomic.replace_file(self.cache / INDEX, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        wanted = {values[0] for values in entries.values()}
        blobs = self.cache / BLOBS
        for shelf in os.scandir(blobs) if blobs.is_dir() else ():
            for stored in os.scandir(shelf.path) if shelf.is_dir() else ():
                if stored.name not in wanted:
                    os.unlink(stored.path)
        code = code_key(self.root)[:32]
        for folder in (self.cache / MEMO).glob("*"):
            if folder.name != code:
                shutil.rmtree(folder, ignore_errors=True)


def plan(root: Path, engine: str) -> Plan:
    """What this build can take from the cache at root/paths.BUILD_CACHE (content/ already written)."""
    content = root / paths.CONTENT
    cache = root / paths.BUILD_CACHE
    files = content_files(content)
    key = global_key(root, files, engine)
    known = _read_index(cache, key)
    keys: dict[str, str] = {}
    reuse: dict[str, Entry] = {}
    static: list[str] = []
    prefix = key.encode()
    for relative in files:
        if not _generated(relative):
            continue
        if not relative.endswith(PAGE_SUFFIXES):
            static.append(relative)
            continue
        page = hashlib.sha256(prefix + b"\0" + relative.encode() + b"\0")
        with open(f"{content}/{relative}", "rb") as source:
            page.update(source.read())
        keys[relative] = page.hexdigest()
        entry = known.get(relative)
        blob = _blob(cache, keys[relative])
        if entry is not None and entry.key == keys[relative] and _intact(blob, entry):
            reuse[relative] = entry
    return Plan(root, cache, key, keys, reuse, static)
