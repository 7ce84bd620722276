"""A small Indonesian stemmer that only accepts known roots, and the word lists around it.

Nazief–Adriani / Sastrawi in spirit, without a downloaded dictionary:
inflectional suffixes (-lah, -kah, -tah, -pun, -nya, -ku, -mu), derivational
suffixes (-kan, -an, -i) and up to three prefixes (di-, ke-, se-, ter-, ber-,
me(N)-, pe(N)-, per-) with the usual sound changes (meny- → s, mem- → p,
men- → t, meng- → k). A candidate counts only if it is a known root;
otherwise the word is returned unchanged. Known roots are `ROOTS` (curated
for this corpus), the glossary's acronyms and every word of the site that
cannot itself be reduced to another known word (`root_list`).

The search engine has its own Snowball stemmer for Indonesian; this one adds
what Snowball cannot know (roots that look affixed, such as "pemilu" or
"peserta", and compound roots), and content/assets/cari.js carries a
line-by-line port of `Stemmer` for queries. A test runs both on the whole
vocabulary of the site.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol

from .synonyms import SYNONYMS

MIN_ROOT = 3
MAX_PREFIXES = 3

PARTICLES = ("lah", "kah", "tah", "pun")
POSSESSIVES = ("nya", "ku", "mu")
#: Prefix classes that cannot combine with a derivational suffix (Nazief–Adriani).
DISALLOWED = frozenset(
    {
        ("ber", "i"),
        ("di", "an"),
        ("ke", "i"),
        ("ke", "kan"),
        ("me", "an"),
        ("se", "i"),
        ("se", "kan"),
        ("ter", "an"),
    }
)
VOWELS = frozenset("aiueo")

#: Roots needed by the corpus and by what citizens type. Words that look
#: affixed but are roots (pemilu, peserta, berkas, persen…) are listed too, so
#: that they are never cut.
# fmt: off
ROOTS = frozenset(
    {
        "ada", "adu", "agenda", "ajar", "aju", "akhir", "akses", "akuntabel", "akurat", "alih", "aman",
        "ambil", "anggar", "anggota", "angkat", "antar", "antarwaktu", "arah", "arsip", "asal", "atur",
        "awal", "awas", "baca", "badan", "bagi", "bahas", "baik", "baku", "banding", "bangun", "barang",
        "basis", "batas", "bayar", "beban", "bebas", "beda", "bedah", "beli", "bendahara", "bentuk",
        "beranda", "beri", "berikut", "berita", "berkas", "besar", "bijak", "bimbing", "bina", "birokrasi",
        "buat", "buka", "bukti", "butuh", "calon", "capai", "cari", "catat", "cepat", "cetak", "cipta",
        "contoh", "daftar", "damai", "dapat", "data", "demokrasi", "dengar", "diam", "didik", "digital",
        "dinas", "disiplin", "distribusi", "dokumen", "dokumentasi", "duduk", "dukung", "edar", "efektif",
        "efisien", "evaluasi", "fasilitas", "fasilitasi", "fungsi", "gabung", "gagal", "gambar", "ganggu",
        "ganti", "gedung", "giat", "golong", "gudang", "guna", "hadap", "hadir", "hasil", "hilang",
        "hitung", "hubung", "hukum", "ikut", "ingat", "integrasi", "integritas", "intern", "isi", "jabat",
        "jadi", "jadwal", "jalan", "jamin", "janji", "jawab", "jelas", "jual", "kait", "kampanye", "kantor",
        "kasih", "kawal", "kecil", "kelola", "kembang", "kena", "kenal", "kerja", "kerjasama", "ketik",
        "ketua", "kinerja", "kirim", "kompetensi", "koordinasi", "korupsi", "kota", "kuasa", "kuat",
        "kumpul", "kurang", "laksana", "laku", "lancar", "langgar", "lanjut", "lantik", "lapor", "latih",
        "layan", "lembaga", "lengkap", "lihat", "lindung", "logistik", "luas", "lulus", "mahkamah", "maju",
        "makna", "manfaat", "masalah", "masuk", "media", "menang", "milik", "minta", "mohon", "muat",
        "mulai", "mutakhir", "nilai", "olah", "pakai", "panjang", "pantau", "pasang", "patuh", "pegawai",
        "peka", "peluang", "pemilu", "penuh", "periksa", "perintah", "perkara", "perlu", "persen",
        "persentase", "peserta", "pilih", "pimpin", "pindah", "pintar", "proses", "publik", "publikasi",
        "pungut", "pusat", "putus", "rangka", "rasa", "realisasi", "rekapitulasi", "rekomendasi", "rencana",
        "revisi", "ringkas", "rumah", "rumus", "saji", "salah", "salin", "sama", "sampai", "sarana",
        "sasar", "satu", "sebar", "sebut", "sedia", "sekretariat", "seleksi", "selenggara", "selesai",
        "selisih", "sengketa", "serah", "serta", "siap", "siar", "sidang", "simpan", "sosialisasi", "suara",
        "sumpah", "surat", "susun", "tahap", "tahu", "tambah", "tampil", "tanda", "tangan", "tanggal",
        "tanggulang", "tanggung", "tanggungjawab", "tata", "tebak", "tegak", "teknologi", "teliti", "temu",
        "tentu", "tepat", "terap", "terbit", "terima", "tertib", "tetap", "tetapi", "tiba", "tindak",
        "tindaklanjut", "tinggal", "tingkat", "tolak", "tugas", "tuju", "tulis", "tunjuk", "turun", "uang",
        "ubah", "uji", "ukur", "umum", "undang", "urus", "urut", "usul", "wakil", "waktu", "wenang",
        "wibawa", "wujud",
    }
)
# fmt: on

#: Compound roots whose parts are also typed as separate words.
COMPOUNDS: Mapping[str, tuple[str, ...]] = {
    "tindaklanjut": ("tindak", "lanjut"),
    "tanggungjawab": ("tanggung", "jawab"),
    "kerjasama": ("kerja", "sama"),
    "antarwaktu": ("antar", "waktu"),
}

#: Indonesian function words that the client drops from queries (they match
#: nearly every page; a trailing wildcard makes "di*" match all "di-" verbs).
# fmt: off
STOPWORDS = frozenset(
    {
        "ada", "adalah", "agar", "akan", "atas", "atau", "bagi", "bahwa", "bila", "dalam", "dan", "dari",
        "dengan", "di", "hingga", "ia", "ini", "itu", "juga", "ke", "kepada", "ketika", "lalu", "maupun",
        "melalui", "mengenai", "menurut", "oleh", "pada", "para", "per", "saat", "sebagai", "secara",
        "sedang", "sejak", "seperti", "serta", "setiap", "tanpa", "telah", "tentang", "terhadap", "untuk",
        "tetapi", "yaitu", "yakni", "yang",
    }
)
# fmt: on

_LETTERS = re.compile(r"[^\W\d_]+")


class Stemmer:
    """Affix-stripping Indonesian stemmer that only accepts known roots.

    `stem` returns the first candidate, in a fixed order, that is in `roots`;
    a word without such a candidate is returned unchanged (lower case).
    """

    def __init__(self, roots: Iterable[str]) -> None:
        self.roots = frozenset(roots)
        self._cache: dict[str, str] = {}

    def stem(self, word: str) -> str:
        """The root of `word`, or `word` itself in lower case when none is known."""
        word = word.lower()
        if word not in self._cache:
            self._cache[word] = self._stem(word)
        return self._cache[word]

    def _stem(self, word: str) -> str:
        if len(word) <= MIN_ROOT or word in self.roots or not word.isalpha():
            return word
        for candidate in candidates(word):
            if candidate in self.roots:
                return candidate
        return word


class Stems(Protocol):
    """Anything that gives the root of a word: a Stemmer, or a StemLog in front of one."""

    def stem(self, word: str) -> str:
        """The root of `word`."""


class StemLog:
    """A Stemmer that remembers every word it was asked for and the root it gave.

    What a page's index-only words depend on besides the page itself is the root of each word they
    asked for, so a later build whose stemmer gives the same roots for those words (another root list
    or not) would work out the same words: search.indexed keeps them then.
    """

    def __init__(self, stemmer: Stemmer) -> None:
        self.stemmer = stemmer
        self.asked: dict[str, str] = {}

    def stem(self, word: str) -> str:
        """The stemmer's root of `word`, noted in `asked` (strings interned: one copy in the cache)."""
        root = self.stemmer.stem(word)
        self.asked[sys.intern(word)] = sys.intern(root)
        return root


def inflection_forms(word: str) -> list[str]:
    """The word, then without a particle, then also without a possessive (-nya, -ku, -mu)."""
    forms = [word]
    current = word
    for group in (PARTICLES, POSSESSIVES):
        for suffix in group:
            if current.endswith(suffix) and len(current) - len(suffix) >= MIN_ROOT:
                current = current[: -len(suffix)]
                forms.append(current)
                break
    return forms


def derivation_forms(word: str) -> list[tuple[str, str]]:
    """(form, derivational suffix removed): the word itself first, then without -an/-i, then -kan.

    "-kan" is tried after "-an", so that roots ending in k keep it ("tindakan" → "tindak").
    """
    forms = [(word, "")]
    if word.endswith("an") and len(word) - 2 >= MIN_ROOT:
        forms.append((word[:-2], "an"))
    elif word.endswith("i") and len(word) - 1 >= MIN_ROOT:
        forms.append((word[:-1], "i"))
    if word.endswith("kan") and len(word) - 3 >= MIN_ROOT:
        forms.append((word[:-3], "kan"))
    return forms


def _vowel(text: str, index: int) -> bool:
    return len(text) > index and text[index] in VOWELS


def prefix_options(word: str) -> list[tuple[str, str]]:
    """Ways to remove one prefix from `word`: (prefix class, remainder), in order."""
    options: list[tuple[str, str]] = []
    for simple in ("di", "ke", "se"):
        if word.startswith(simple):
            options.append((simple, word[2:]))
    for cls in ("me", "pe"):
        if not word.startswith(cls):
            continue
        rest = word[2:]
        if rest.startswith("ny") and _vowel(rest, 2):
            options += [(cls, "s" + rest[2:]), (cls, rest)]
        elif rest.startswith("ng"):
            after = rest[2:]
            if _vowel(after, 0):
                options += [(cls, after), (cls, "k" + after)]
            elif after[:1] in ("g", "h", "q", "k"):
                options.append((cls, after))
        elif rest.startswith("n"):
            after = rest[1:]
            if _vowel(after, 0):
                options += [(cls, "n" + after), (cls, "t" + after)]
            elif after[:1] in ("c", "d", "j", "s", "z"):
                options.append((cls, after))
        elif rest.startswith("m"):
            after = rest[1:]
            if after[:1] in ("b", "f", "v", "p"):
                options.append((cls, after))
            elif _vowel(after, 0) or after[:1] == "r":
                options += [(cls, "m" + after), (cls, "p" + after)]
        elif rest[:1] in ("l", "r", "w", "y") and _vowel(rest, 1):
            options.append((cls, rest))
        if cls == "pe":
            if rest.startswith("r"):
                options.append(("per", rest[1:]))
            elif rest[:1] and rest[0] not in VOWELS and rest[0] not in "lrwymn":
                options.append(("pe", rest))
    for cls in ("ber", "ter"):
        if word.startswith(cls):
            options.append((cls, word[3:]))
            if _vowel(word, 3):
                options.append((cls, word[2:]))
        elif word.startswith(cls[:2]) and word[3:5] == "er" and word[2:3] not in VOWELS and word[2:3] != "r":
            options.append((cls, word[2:]))
    return options


#: Prefixes that only occur outermost (di-, meN-), and se-, which may follow ke- only.
OUTER_ONLY = frozenset({"di", "me"})


def _prefix_chain(form: str, suffix: str, used: tuple[str, ...]) -> Iterator[str]:
    """Forms with one more prefix removed, depth first; `used` are the prefixes already removed."""
    if len(used) == MAX_PREFIXES:
        return
    for cls, rest in prefix_options(form):
        if len(rest) < MIN_ROOT or cls in used:
            continue
        if used and (cls in OUTER_ONLY or (cls == "se" and used[-1] != "ke")):
            continue
        if not used and (cls, suffix) in DISALLOWED:
            continue
        yield rest
        yield from _prefix_chain(rest, suffix, (*used, cls))


def candidates(word: str) -> list[str]:
    """Every reading of `word` without affixes, in the order `Stemmer` tries them.

    Least stripped first: for the word, then without particle, then without
    possessive; within each, the form without derivational suffix (none, then
    -an/-i, then -kan) followed by that form with one to three prefixes removed.
    Trying the shorter strip first keeps "bermasalah" → "masalah" (not "masa")
    and "difasilitasi" → "fasilitasi" (not "fasilitas").
    """
    seen: dict[str, None] = {}
    for base in inflection_forms(word):
        for form, suffix in derivation_forms(base):
            seen.setdefault(form, None)
            for rest in _prefix_chain(form, suffix, ()):
                seen.setdefault(rest, None)
    seen.pop(word, None)
    return list(seen)


_DEFAULT = Stemmer(ROOTS)


def stem(word: str) -> str:
    """Root of one Indonesian word with the built-in root list (lower case).

    >>> stem("dimutakhirkan"), stem("pengelolaan"), stem("ditindaklanjuti")
    ('mutakhir', 'kelola', 'tindaklanjut')
    """
    return _DEFAULT.stem(word)


def words(text: str) -> list[str]:
    """Lower-case letter runs of a plain text (digits and punctuation split words)."""
    return _LETTERS.findall(text.lower())


def root_list(vocabulary: Iterable[str], glossary: Iterable[Mapping[str, str]] = ()) -> list[str]:
    """The roots shipped with the index: ROOTS, acronyms, synonyms, and irreducible words of the site.

    A word of the site is a root when none of its affix-stripped readings is
    a word of the site or a known root (so "mutakhir" is one, "memutakhirkan"
    is not, and "pemilu" is, because "pilu" and "milu" never occur).
    """
    vocabulary = {w for w in vocabulary if w.isalpha() and len(w) >= MIN_ROOT}
    known = vocabulary | ROOTS
    roots = set(ROOTS)
    for row in glossary:
        roots.update(w for w in words(row.get("singkatan", "")) if len(w) >= 2)
    for synonym in SYNONYMS:
        roots.update(words(synonym.istilah))
    for word in vocabulary:
        if word not in roots and not any(c in known for c in candidates(word)):
            roots.add(word)
    return sorted(roots)
