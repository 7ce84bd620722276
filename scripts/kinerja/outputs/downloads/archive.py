"""Reproducible ZIP archives: the bytes depend only on the entries and the build's timestamp."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from ...clock import epoch_utc

ZIP_MIN_EPOCH = 315532800  # 1980-01-01T00:00:00Z, the earliest date a ZIP entry can carry


def fixed_zip(entries: Iterable[tuple[str, bytes]], epoch: int) -> bytes:
    """A ZIP whose bytes depend only on its entries and epoch: fixed time, mode and compression."""
    stamp = epoch_utc(max(epoch, ZIP_MIN_EPOCH)).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()
