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

A page gets the words of the numbers in its title, its text and its
description (an indicator page's description names its printed target, which
its fact table prints but search leaves out because lists repeat it), except
words already printed (a plain 2024 is a word of the text anyway). Only whole
numbers match: "5" is not the word *77_5*, so typing 5 does not find every 77,5.
cari.js carries a port of `number_terms` for queries; a test runs both on the
same inputs.
"""

from __future__ import annotations

import re

#: A printed number, then an optional "%" or "persen"; never part of a code (IK24, IK24-6472-S07, 6709.QGE).
NUMBER = re.compile(
    r"(?<![\w.,-])([0-9]+(?:[.,][0-9]+)*)(?![0-9]|[.,][0-9]|[^\W\d])(\s?%|\s+persen\b)?", re.IGNORECASE
)
PERCENT = "persen"


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
