"""Printed numbers as search words: one rule for the index (here) and the query (content/assets/cari.js).

The search engine splits words at "," and ".", so "77,5%" is printed as the
words "77" and "5" and a visitor's "77.5" finds neither as one word. The rule:

- a **number** is a run of digits with single "," or "." between digit
  groups (77,5 · 87.5 · 1.000 · 2024); it becomes one word, its digit groups
  joined by "_" — the decimal mark does not matter, so 77,5 and 77.5 are the
  same word, *77_5*;
- a number followed by "%" (with or without one space) or by the word
  "persen" is a **percentage**, and gets a second word with "persen" joined:
  89% → *89*, *89persen*; 77,5 % → *77_5*, *77_5persen*.

The printed text is searched with its numbers whole (cari.js `joinNumbers`
writes 77,5 as 77_5 before indexing; `printed_numbers` is the same rule here), so
only whole numbers match: "5" does not find 77,5. A page also gets, as
index-only words, the words of the numbers in its title, its text and its
description (an indicator page's description names its printed target, which
its fact table prints but search leaves out because lists repeat it) that are
not printed words already: the percentages, and the description's numbers.
cari.js carries a port of `number_terms` for queries; tests run both on the
same inputs.
"""

from __future__ import annotations

import re

#: A printed number, then an optional "%" or "persen"; never part of a code (IK24, IK24-6472-S07, 6709.QGE).
NUMBER = re.compile(
    r"(?<![\w.,-])([0-9]+(?:[.,][0-9]+)*)(?![0-9]|[.,][0-9]|[^\W\d])(\s?%|\s+persen\b)?", re.IGNORECASE
)
PERCENT = "persen"


def printed_numbers(text: str) -> list[str]:
    """The numbers with a decimal mark in `text` as the search engine reads them: "77,5%" → ["77_5"]."""
    return [re.sub(r"[.,]", "_", m[1]) for m in NUMBER.finditer(text) if "," in m[1] or "." in m[1]]


def number_terms(text: str) -> list[str]:
    """The search words of the numbers in `text`, in order, each once.

    "Target 77,5%" → ["77_5", "77_5persen"]; "89 persen" → ["89", "89persen"].
    """
    found: dict[str, None] = {}
    for match in NUMBER.finditer(text):
        term = re.sub(r"[.,]", "_", match[1])
        found.setdefault(term, None)
        if match[2]:
            found.setdefault(term + PERCENT, None)
    return list(found)
