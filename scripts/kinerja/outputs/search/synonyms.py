"""Everyday names and acronyms that the plan does not print, each with a public source (sinonim.csv).

People type "DPT", "pilkada" or "diklat"; the documents print "Pemilu/Pemilihan"
or "pendidikan dan pelatihan", or nothing at all. sinonim.csv, next to this
module, is the one list of such words (data/glosarium.csv holds the acronyms
the documents print). A row: `istilah` (what people type), `padanan` (the
words it stands for; one row per form, so an istilah may have several),
`sumber` (the regulation and article, or the named public page, that says
so; required) and `keterangan` (optional).

The build uses the rows like glossary rows (terms.glossary_pairs): a page that
prints a padanan gets the istilah as an index-only word, a page that prints
the istilah gets the padanan. The browser also gets the list (akar.json), so
that an istilah no page answers ("dpt") also searches its padanan's words.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ... import csvio
from ...errors import BuildError

PATH = Path(__file__).with_name("sinonim.csv")
FIELDS = ("istilah", "padanan", "sumber", "keterangan")


@dataclass(frozen=True)
class Synonym:
    """One row of sinonim.csv: what people type, what it stands for, and who says so."""

    istilah: str
    padanan: str
    sumber: str
    keterangan: str = ""


def load(path: Path = PATH) -> list[Synonym]:
    """The rows of sinonim.csv; a row without istilah, padanan or sumber stops the build with its line."""
    rows = csvio.read(path)
    if rows and list(rows[0]) != list(FIELDS):
        raise BuildError(f"{path.name}: kolomnya harus {', '.join(FIELDS)}, bukan {', '.join(rows[0])}.")
    found = []
    for line, row in enumerate(rows, start=2):
        empty = [name for name in FIELDS[:3] if not (row.get(name) or "").strip()]
        if empty:
            raise BuildError(
                f"{path.name}, baris {line}: kolom {', '.join(empty)} kosong. "
                "Cara memperbaiki: isi kolom itu; setiap padanan memerlukan sumber publik "
                "(peraturan dan pasalnya, atau halaman yang disebut)."
            )
        found.append(Synonym(*(row[name].strip() for name in FIELDS)))
    return found


#: The list as shipped with the code.
SYNONYMS: tuple[Synonym, ...] = tuple(load())
