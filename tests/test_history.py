"""When each office's data last changed (scripts/kinerja/history.py), read from a git history.

Small repositories are written here commit by commit, each commit at a fixed time: a table of
offices, documents, indicators and realisations of two offices (A and B), a shared glossary, a source
text and a descriptor. A change to one office's rows dates that office only; what every office shares
(a glossary row, a header, the licence, a line that is no whole row) dates them all.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import git_at
from kinerja import history

T1, T2, T3, T4 = 1_710_000_000, 1_720_000_000, 1_730_000_000, 1_740_000_000
DESCRIPTOR = {
    "name": "uji",
    "licenses": [{"name": "CC-BY-4.0"}],
    "sources": [{"path": "data/sumber/a.txt", "sha256": "1"}],
}
FILES = {
    "data/kantor.csv": "id,nama\nA,Kantor A\nB,Kantor B\n",
    "data/dokumen.csv": "id,kantor_id,sumber\nDA,A,data/sumber/a.txt\nDB,B,data/sumber/b.txt\n",
    "data/indikator.csv": 'id,dokumen_id,teks\nIA1,DA,"Satu"\nIB1,DB,"Dua"\n',
    "data/realisasi.csv": "indikator_id,periode,nilai\nIA1,TW1,10\n",
    "data/glosarium.csv": "singkatan,kepanjangan\nKPU,Komisi Pemilihan Umum\n",
    "data/sumber/a.txt": "RENCANA KINERJA TAHUNAN\n",
    "datapackage.json": json.dumps(DESCRIPTOR, indent=2) + "\n",
}
OWNERS = {
    ("kantor_id", "A"): "A", ("kantor_id", "B"): "B", ("dokumen_id", "DA"): "A", ("dokumen_id", "DB"): "B",
    ("indikator_id", "IA1"): "A", ("indikator_id", "IB1"): "B",
    ("sumber", "data/sumber/a.txt"): "A", ("sumber", "data/sumber/b.txt"): "B",
    ("sumber", "data/sumber/b.docx"): "B",
}  # fmt: skip


def office_of(column: str, value: str) -> str | None:
    return OWNERS.get((column, value))


def commit(root: Path, epoch: int, files: dict[str, str | bytes]) -> str:
    """Write `files` into root and commit them at `epoch`; the commit's id."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
    git_at(root, epoch, "add", "-A")
    git_at(root, epoch, "commit", "-q", "-m", f"uji {epoch}")
    return git_at(root, epoch, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit (T1) holds FILES."""
    root = tmp_path / "paket"
    root.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    commit(root, T1, dict(FILES))
    return root


def dates(root: Path, known: dict[str, history.Keys] | None = None) -> dict[str, int]:
    return history.office_epochs(root, ["A", "B"], office_of, {} if known is None else known)


def test_a_realisation_dates_only_its_office(repo: Path) -> None:
    commit(repo, T2, {"data/realisasi.csv": FILES["data/realisasi.csv"] + "IB1,TW1,20\n"})
    assert dates(repo) == {"A": T1, "B": T2}
    commit(repo, T3, {"data/realisasi.csv": FILES["data/realisasi.csv"].replace("10", "11") + "IB1,TW1,20\n"})
    assert dates(repo) == {"A": T3, "B": T2}


def test_the_first_commit_dates_every_office(repo: Path) -> None:
    assert dates(repo) == {"A": T1, "B": T1}


@pytest.mark.parametrize(
    "files",
    [
        {"data/glosarium.csv": FILES["data/glosarium.csv"] + "RKT,Rencana Kinerja Tahunan\n"},
        {"data/realisasi.csv": FILES["data/realisasi.csv"].replace("nilai", "nilai_baru")},
        {"datapackage.json": json.dumps({**DESCRIPTOR, "licenses": []}, indent=2) + "\n"},
        {"data/indikator.csv": FILES["data/indikator.csv"].replace('"Dua"', '"Dua\nbaris"')},
        {"data/realisasi.csv": FILES["data/realisasi.csv"] + "IX9,TW1,5\n"},
        {"data/sumber/a.pdf": b"%PDF-1.4\x00\x01\x02"},
    ],
    ids=["glosarium", "kepala-kolom", "lisensi", "sel-dua-baris", "kode-tak-dikenal", "berkas-biner"],
)
def test_what_every_office_shares_dates_them_all(repo: Path, files: dict[str, str | bytes]) -> None:
    commit(repo, T2, {"data/realisasi.csv": FILES["data/realisasi.csv"] + "IB1,TW1,20\n"})
    commit(repo, T3, files)
    assert dates(repo) == {"A": T3, "B": T3}


def test_a_document_import_dates_its_office_even_through_the_descriptor(repo: Path) -> None:
    sources = [*DESCRIPTOR["sources"], {"path": "data/sumber/b.txt", "sha256": "2"}]
    commit(
        repo,
        T2,
        {
            "data/sumber/b.txt": "RENCANA KINERJA TAHUNAN B\n",
            "datapackage.json": json.dumps({**DESCRIPTOR, "sources": sources}, indent=2) + "\n",
            "data/indikator.csv": FILES["data/indikator.csv"].replace('"Dua"', '"Dua (revisi)"'),
        },
    )
    assert dates(repo) == {"A": T1, "B": T2}


def test_a_word_source_dates_its_office_only(repo: Path) -> None:
    commit(repo, T2, {"data/sumber/b.docx": b"PK\x03\x04\x00\x00 bukan teks \x00\xff"})
    assert dates(repo) == {"A": T1, "B": T2}


def test_a_merge_is_read_against_its_first_parent(repo: Path) -> None:
    git_at(repo, T3, "checkout", "-q", "-b", "unggahan")
    commit(repo, T2, {"data/realisasi.csv": FILES["data/realisasi.csv"] + "IB1,TW1,20\n"})
    git_at(repo, T3, "checkout", "-q", "main")
    commit(repo, T3, {"data/glosarium.csv": FILES["data/glosarium.csv"] + "RKT,Rencana\n"})
    git_at(repo, T4, "merge", "-q", "--no-ff", "-m", "gabung", "unggahan")
    found = dates(repo)
    assert found == {"A": T3, "B": T4}


def test_what_was_read_is_kept_and_only_new_commits_are_read(repo: Path, tmp_path: Path) -> None:
    second = commit(repo, T2, {"data/realisasi.csv": FILES["data/realisasi.csv"] + "IB1,TW1,20\n"})
    known: dict[str, history.Keys] = {}
    assert dates(repo, known) == {"A": T1, "B": T2}
    assert known[second] == frozenset({("indikator_id", "IB1")})
    saved = tmp_path / "riwayat.json"
    history.save_known(saved, known)
    assert history.load_known(saved) == known
    # A commit already read is not read again: what is kept for it is what counts.
    kept = {**known, second: frozenset({("kantor_id", "A")})}
    assert dates(repo, kept) == {"A": T2, "B": T1}
    saved.write_text("{rusak", encoding="utf-8")
    assert history.load_known(saved) == {}
    saved.write_text(json.dumps({"format": history.FORMAT + 1, "commits": {}}), encoding="utf-8")
    assert history.load_known(saved) == {}


def test_office_dates_keeps_what_it_read_in_the_build_cache(repo: Path) -> None:
    commit(repo, T2, {"data/realisasi.csv": FILES["data/realisasi.csv"] + "IB1,TW1,20\n"})
    assert history.office_dates(repo, ["A", "B"], office_of) == {"A": T1, "B": T2}
    cache = repo / ".tembolok" / "riwayat.json"
    assert len(history.load_known(cache)) == 2
    assert history.office_dates(repo, ["A", "B"], office_of) == {"A": T1, "B": T2}


def test_without_git_no_office_is_dated(tmp_path: Path) -> None:
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert dates(tmp_path) == {}
