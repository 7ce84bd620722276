"""The build's one clock: every date written into a page, a file or an archive comes from here.

Builds never read the wall clock, so that two builds of one commit are
byte-identical: the timestamp is SOURCE_DATE_EPOCH, else the last commit,
else the day the 2024 documents were signed.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

#: 2024-03-01T00:00:00Z, the day the 2024 documents were signed: the timestamp when git has none.
DEFAULT_EPOCH = 1709251200
#: What the data's last change is read from (git log of these paths).
DATA_PATHS = ("data", "datapackage.json")


def git(root: Path, *args: str) -> str | None:
    """What `git ARGS` prints in root (paths as typed, not quoted), or None where git or a repository
    is missing or the command fails."""
    command = ["git", "-c", "core.quotePath=false", *args]
    try:
        return subprocess.run(command, cwd=root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError, UnicodeDecodeError):
        return None


def _git_epoch(root: Path, *paths: str) -> int | None:
    out = (git(root, "log", "-1", "--format=%ct", *(["--", *paths] if paths else [])) or "").strip()
    return int(out) if out else None


def source_date_epoch(root: Path) -> int:
    """The build's timestamp: SOURCE_DATE_EPOCH, else the last commit, else DEFAULT_EPOCH."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    found = _git_epoch(root)
    return DEFAULT_EPOCH if found is None else found


def data_changed_epoch(root: Path) -> int:
    """When the data last changed: the last commit touching data/ or datapackage.json."""
    found = _git_epoch(root, *DATA_PATHS)
    return source_date_epoch(root) if found is None else found


def epoch_date(epoch: int) -> date:
    """The UTC calendar date of a timestamp."""
    return datetime.fromtimestamp(epoch, tz=UTC).date()


def epoch_utc(epoch: int) -> datetime:
    """A timestamp as a naive UTC datetime (what ZIP and XLSX store)."""
    return datetime.fromtimestamp(epoch, tz=UTC).replace(tzinfo=None)
