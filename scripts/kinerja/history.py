"""When each office's data last changed, read from git: which rows each commit of the data changed.

A page of one office shows when *its* data last changed, not when any office's did: otherwise one
office's quarterly realisation would change the date on every page of the site (and every page would
have to be built again). A commit is told by the rows it changed: each changed line of a data CSV is
read with the file's header and named by its key (kantor_id, dokumen_id, program_id or indikator_id);
the caller knows which office each key belongs to. A change of the descriptor that only records a
source document (an import) is named by that document's path. What cannot be named (the licence or
the schemas, a table every office shares, a header, a line that is not a whole row, an unknown code)
concerns every office: a date may come out too new, never too old.

What each commit changed never changes, so it is kept (`load_known`, `save_known`) and only new
commits are read from git again.
"""

from __future__ import annotations

import contextlib
import csv
import json
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import atomic, paths
from .clock import DATA_PATHS, git

#: The descriptor (the second of clock.DATA_PATHS), read whole when a commit changed it.
DESCRIPTOR = DATA_PATHS[1]

#: Columns that name whose row a line is, in the order they are looked for in a file's header.
KEY_COLUMNS = ("kantor_id", "dokumen_id", "program_id", "indikator_id")
#: The key of a file that is not a table (a source document): ("sumber", its path).
SOURCE = "sumber"
#: Version of what save_known writes; another version is read as nothing known.
FORMAT = 1
_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_BINARY = re.compile(r"^Binary files (?:a/(\S+)|/dev/null) and (?:b/(\S+)|/dev/null) differ$")

Reader = Callable[[str], bytes | None]
"""A data file's bytes as they are now, by its path in the package (None when it is not there)."""
Keys = frozenset[tuple[str, str]] | None
"""(column, value) of each changed row, or None when the change concerns every office."""


@dataclass(frozen=True)
class Change:
    """One commit of the data: when (committer time) and the keys of what it changed."""

    epoch: int
    keys: Keys


class _Headers:
    """The columns of each data file as it is now (its first line), from `read`; None when it is gone."""

    def __init__(self, read: Reader) -> None:
        self.read = read
        self.known: dict[str, list[str] | None] = {}

    def __call__(self, path: str) -> list[str] | None:
        if path not in self.known:
            data = self.read(path)
            try:
                first = None if data is None else data.decode("utf-8-sig").split("\n", 1)[0]
                self.known[path] = None if first is None else next(csv.reader([first]), None)
            except (UnicodeDecodeError, csv.Error):
                self.known[path] = None
        return self.known[path]


def _disk(root: Path) -> Reader:
    """Read data files from disk under root."""

    def read(path: str) -> bytes | None:
        try:
            return (root / path).read_bytes()
        except OSError:
            return None

    return read


def _key(path: str, line: str, header_of: _Headers) -> tuple[str, str] | None:
    """The key of one changed line of a data file, or None when it cannot be named."""
    if not path.endswith(".csv"):
        return (SOURCE, path)
    header = header_of(path)
    try:
        row = next(csv.reader([line]), [])
    except csv.Error:
        return None
    if header is None or len(row) != len(header):
        return None
    own = Path(path).stem + "_id"
    for column in KEY_COLUMNS:
        if column in header:
            return (column, row[header.index(column)])
        if column == own and "id" in header:
            return (column, row[header.index("id")])
    return None


def _read_diff(text: str, header_of: _Headers) -> tuple[Keys, bool]:
    """The keys of every line of a data file a `git diff -U0` changed (None as soon as one cannot be
    named), and whether it changed the descriptor too (read as a whole: _descriptor_keys)."""
    keys: set[tuple[str, str]] = set()
    descriptor = False
    lines = iter(text.splitlines())
    path: str | None = None
    for line in lines:
        if line.startswith("diff --git "):
            path = None
        elif line.startswith("--- ") and path is None:
            old = line[4:]
            new = next(lines, "+++ /dev/null")[4:]
            name = new if new != "/dev/null" else old
            path = name[2:] if name[:2] in ("a/", "b/") else None
            if path is None:  # a name git had to quote
                return None, descriptor
            descriptor = descriptor or path == DESCRIPTOR
        elif match := _BINARY.match(line):  # a file that is no text: a Word or PDF source document
            name = match[2] or match[1]
            if name is None or name.endswith(".csv"):
                return None, descriptor
            keys.add((SOURCE, name))
        elif match := _HUNK.match(line):
            if path is None:
                return None, descriptor
            old_start, old_count, new_start, new_count = (
                int(match[1]), int(match[2] or 1), int(match[3]), int(match[4] or 1),
            )  # fmt: skip
            header = (old_start == 1 and old_count) or (new_start == 1 and new_count)
            if header and path.endswith(".csv"):
                return None, descriptor  # the header (or a file's whole text) changed
            for _ in range(old_count + new_count):
                changed = next(lines, "")
                while changed.startswith("\\"):  # "\ No newline at end of file"
                    changed = next(lines, "")
                if path == DESCRIPTOR:
                    continue
                key = _key(path, changed[1:], header_of)
                if key is None:
                    return None, descriptor
                keys.add(key)
    return frozenset(keys), descriptor


def _descriptor_keys(old: str | None, new: str | None) -> Keys:
    """What a change of datapackage.json concerns: the sources it added, changed or removed (an
    import records its document there), else every office (licence, schemas, title)."""
    try:
        before, after = json.loads(old or "{}"), json.loads(new or "{}")
        sources = [
            {str(s["path"]): json.dumps(s, sort_keys=True) for s in side.pop("sources", [])}
            for side in (before, after)
        ]
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if before != after:
        return None
    changed = {p for p in sources[0].keys() | sources[1].keys() if sources[0].get(p) != sources[1].get(p)}
    return frozenset((SOURCE, path) for path in changed)


def changes(root: Path, known: dict[str, Keys], read: Reader | None = None) -> Iterator[Change]:
    """The commits that changed the data (clock.DATA_PATHS under root), newest first, with their keys.

    `known` holds the keys of commits read before (by commit id) and takes those read now. `read` gives
    a data file's bytes as they are now (the package's DataPackage.read, so no file is read twice; by
    default from disk). Nothing is yielded where git or its history is missing.
    """
    header_of = _Headers(read or _disk(root))
    log = git(root, "log", "--format=%H %ct %P", "--", *DATA_PATHS)
    if not log:
        return
    empty: str | None = None
    for entry in log.splitlines():
        commit, epoch, *parents = entry.split()
        if commit not in known:
            if not parents and empty is None:
                empty = (git(root, "hash-object", "-t", "tree", "/dev/null") or "").strip()
            base = parents[0] if parents else empty
            plain = ("-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", "--relative")
            diff = git(root, "diff", *plain, f"{base}", commit, "--", *DATA_PATHS)
            if diff is None:  # not read: every office, and read again next time
                yield Change(int(epoch), None)
                return
            keys, descriptor = _read_diff(diff, header_of)
            if keys is not None and descriptor:
                found = _descriptor_keys(*(git(root, "show", f"{c}:./{DESCRIPTOR}") for c in (base, commit)))
                keys = None if found is None else keys | found
            known[commit] = keys
        yield Change(int(epoch), known[commit])


def office_epochs(
    root: Path,
    offices: Collection[str],
    office_of: Callable[[str, str], str | None],
    known: dict[str, Keys],
    read: Reader | None = None,
) -> dict[str, int]:
    """When each office's data last changed: the newest commit that changed a row of that office.

    `office_of(column, value)` names the office of a key (None: not known, so every office). Offices no
    commit names (data not committed yet, no git) are left out; the caller gives them the package's date.
    """
    found: dict[str, int] = {}
    for change in changes(root, known, read):
        named = None if change.keys is None else {office_of(*key) for key in change.keys}
        if named is None or None in named:
            return {office: found.get(office, change.epoch) for office in offices}
        for office in named:
            if office is not None:  # none is: checked above (for the type checker)
                found.setdefault(office, change.epoch)
        if len(found) >= len(offices):
            break
    return found


def load_known(path: Path) -> dict[str, Keys]:
    """The keys of commits read by an earlier build (save_known); nothing when missing or unreadable."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved.get("format") != FORMAT:
            return {}
        return {
            commit: None if keys is None else frozenset((str(c), str(v)) for c, v in keys)
            for commit, keys in saved["commits"].items()
        }
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return {}


def save_known(path: Path, known: dict[str, Keys]) -> None:
    """Keep what each commit changed at `path` for the next build (written whole or not at all)."""
    commits = {c: None if k is None else sorted(k) for c, k in sorted(known.items())}
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps({"format": FORMAT, "commits": commits}, ensure_ascii=False, separators=(",", ":"))
    atomic.replace_file(path, data.encode("utf-8"))


def office_dates(
    root: Path,
    offices: Collection[str],
    office_of: Callable[[str, str], str | None],
    read: Reader | None = None,
) -> dict[str, int]:
    """office_epochs of the package at root, with what earlier builds read kept in the build cache.

    The cache only saves reading old commits again: without it (or when it cannot be written) the
    dates are the same.
    """
    path = root / paths.BUILD_CACHE / paths.HISTORY
    known = load_known(path)
    before = len(known)
    found = office_epochs(root, offices, office_of, known, read)
    if len(known) != before:
        with contextlib.suppress(OSError):
            save_known(path, known)
    return found
