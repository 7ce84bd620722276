"""The columns the model needs from each resource, derived from its row classes."""

from __future__ import annotations

import dataclasses

from ..domain import entities as model
from ..domain.targets import Kategori


def _columns(cls: type, before: tuple[str, ...] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The columns a model class needs (fields without default) and those it accepts."""
    fields = [f for f in dataclasses.fields(cls) if f.init and f.default_factory is dataclasses.MISSING]
    required = before + tuple(f.name for f in fields if f.default is dataclasses.MISSING)
    return required, before + tuple(f.name for f in fields)


#: For each resource the site builder reads (model.load), the columns it needs and those it accepts.
#: Derived from the model, so a column added there is expected here without a second edit.
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "dokumen": _columns(model.Dokumen),
    "program": _columns(model.Program),
    "program_kode": _columns(model.Kode, ("program_id",)),
    "sasaran": _columns(model.Sasaran),
    "indikator": _columns(model.Indikator),
    "anomali": _columns(model.Anomali),
    "skala_kategori": _columns(Kategori),
    "kantor": _columns(model.Kantor),
}
#: The columns each of those resources must declare.
EXPECTED_FIELDS: dict[str, tuple[str, ...]] = {name: needed for name, (needed, _) in COLUMNS.items()}
