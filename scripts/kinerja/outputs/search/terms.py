"""Index-only words: what a page means but does not spell.

For each page the index gets, next to its printed text, a few words that are
searched but never shown (in the result snippet or anywhere else):

- the **stems** of its words that differ from the printed words
  (memutakhirkan → *mutakhir*) and the parts of compound roots
  (ditindaklanjuti → *tindak*, *lanjut*);
- **acronym ↔ expansion**: the expansion of every acronym of the glossary
  (data/glosarium.csv) and of the synonym list (sinonim.csv: everyday names
  the documents never print, each with its source) that the page prints
  (PAW → *pergantian antarwaktu*), and the acronym of every expansion it
  spells out (Rumah Pintar Pemilu → *rpp*, Pemilu/Pemilihan → *pilkada*),
  also when spelt with other affixes; an acronym printed on more than a
  quarter of the pages (KPU) gets no expansion, or "pemilihan" and "umum"
  would match nearly everything;
- **numbers** as one word each, whatever their decimal mark, from the title,
  the text and the page's description (numbers.py: 77,5% → *77_5*,
  *77_5persen*);
- words split by a printed hyphen, joined again ("logis-tik" → *logistik*);
- for the title: the words of the page's own address (an indicator page is
  found by its code: "kinerja/indikator/ik24-s40/" → *ik24*, *s40*,
  *ik24s40*).

Words already printed in the same part (title or text) are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .numbers import number_terms, printed_numbers
from .stemmer import COMPOUNDS, Stems, words
from .synonyms import SYNONYMS

#: An acronym printed on more than this share of the pages (KPU) gets no expansion.
COMMON_SHARE = 0.25
_HYPHENATED = re.compile(r"([^\W\d_]+)-([^\W\d_]+)")
_TOKEN = re.compile(r"[^\W_]+")
_CODE = re.compile(r"[^\W_]+(?:-[^\W_]+)+")

Pair = tuple[list[str], list[str]]


@dataclass
class Hidden:
    """The index-only words of one page: for its title (weighed like the title) and for its text."""

    title: list[str]
    text: list[str]


def glossary_pairs(glossary: Iterable[Mapping[str, str]]) -> list[Pair]:
    """(acronym words, expansion words) for each glossary row with an expansion."""
    pairs = []
    for row in glossary:
        short, long = row.get("singkatan", ""), row.get("kepanjangan", "")
        if short and long:
            pairs.append((words(short), words(long)))
    return [(short, long) for short, long in pairs if short and long]


def synonym_pairs() -> list[Pair]:
    """(istilah words, padanan words) for each row of the synonym list (sinonim.csv)."""
    return [(words(s.istilah), words(s.padanan)) for s in SYNONYMS]


def joined(words_: Sequence[str]) -> str:
    """Words as one string, one space around each, so that a phrase is a substring search."""
    return " " + " ".join(words_) + " "


def contains(sequence: Sequence[str] | str, phrase: Sequence[str]) -> bool:
    """Whether `phrase` occurs as consecutive words in `sequence` (a list of words, or `joined` words)."""
    text = sequence if isinstance(sequence, str) else joined(sequence)
    return bool(phrase) and joined(phrase) in text


def usable_pairs(pairs: list[Pair], pages: Sequence[Sequence[str]]) -> list[Pair]:
    """The pairs whose acronym is not printed on more than COMMON_SHARE of the pages (their words)."""
    limit = COMMON_SHARE * len(pages)
    texts = [joined(seq) for seq in pages]
    return [(short, long) for short, long in pairs if sum(contains(text, short) for text in texts) <= limit]


def printed_tokens(text: str) -> set[str]:
    """The words a search engine finds in the printed text itself: letter/digit runs, lower case,
    and numbers with a decimal mark whole (numbers.py)."""
    return {t.lower() for t in _TOKEN.findall(text)} | set(printed_numbers(text))


def extra_terms(text: str, stemmer: Stems, pairs: list[Pair]) -> list[str]:
    """The index-only words of one part of a page (see the module docstring), in first-seen order."""
    printed = printed_tokens(text)
    seq = words(text)
    stems = [stemmer.stem(w) for w in seq]
    extra: dict[str, None] = {}

    def add(term: str) -> None:
        if term and term not in printed:
            extra.setdefault(term, None)

    for word, stemmed in zip(seq, stems, strict=True):
        if word not in printed:  # the letters of "IK24", not a word
            continue
        add(stemmed)
        for part in COMPOUNDS.get(stemmed, ()):
            add(part)
    for term in number_terms(text):
        add(term)
    for left, right in _HYPHENATED.findall(text):
        whole = (left + right).lower()
        add(whole)
        add(stemmer.stem(whole))
    stem_set, text_words, text_stems = set(stems), joined(seq), joined(stems)
    for short, long in pairs:
        long_stems = [stemmer.stem(w) for w in long]
        if contains(text_words, short):
            for w, s in zip(long, long_stems, strict=True):
                add(w)
                add(s)
        if contains(text_words, long) or (set(long_stems) <= stem_set and contains(text_stems, long_stems)):
            for w in short:
                add(w)
    return list(extra)


def code_term(part: str) -> str:
    """The joined form of a hyphenated code with a digit ("IK24-S40" → "ik24s40"), else ""."""
    part = part.lower()
    if _CODE.fullmatch(part) and any(c.isdigit() for c in part):
        return part.replace("-", "")
    return ""


def own_terms(url: str, title: str) -> list[str]:
    """Words of a page's own address missing from its title: an indicator page is found by its code.

    "kinerja/indikator/ik24-s40/" → ["ik24", "s40", "ik24s40"]; the page's h1 is
    the indicator text, while lists and program pages print the code in their text.
    """
    slug = url.split("#")[0].rstrip("/").rsplit("/", 1)[-1].lower()
    if not slug or not any(c.isdigit() for c in slug):
        return []
    printed = printed_tokens(title)
    terms = [t.lower() for t in _TOKEN.findall(slug)]
    if code_term(slug):
        terms.append(code_term(slug))
    return [t for t in dict.fromkeys(terms) if t not in printed]


def hidden_terms(
    url: str,
    title: str,
    text: str,
    stemmer: Stems,
    pairs: list[Pair],
    description: str = "",
    synonyms: Sequence[Pair] = (),
) -> Hidden:
    """The index-only words of one page, for its title and for its text.

    The text's also get the synonyms of title and text (an everyday name weighs less than the
    printed title, and does not dilute the title's own words) and the numbers of the description.
    """
    title_terms = extra_terms(title, stemmer, pairs)
    title_terms += [t for t in own_terms(url, title) if t not in title_terms]
    in_title = set(title_terms) | printed_tokens(title)
    found = extra_terms(text, stemmer, [*pairs, *synonyms]) + extra_terms(title, stemmer, list(synonyms))
    text_terms = [t for t in dict.fromkeys(found) if t not in in_title]
    printed = printed_tokens(text) | in_title | set(text_terms)
    text_terms += [t for t in dict.fromkeys(number_terms(description)) if t not in printed]
    return Hidden(title_terms, text_terms)
