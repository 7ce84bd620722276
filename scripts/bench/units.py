"""Bytes and numbers as the report writes them: 1 KB = 1024 B, Indonesian decimal comma."""

from __future__ import annotations

KB = 1024


def num(value: float, digits: int = 1) -> str:
    """A number with a decimal comma and a space between thousands, as Indonesian readers expect."""
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")


def kb(size: float) -> str:
    """A byte count in KB (1 KB = 1024 B) with one decimal, written as `num` writes numbers."""
    return num(size / KB)
