"""Check the package before anything is built: structure, types, links and meaning.

Four layers, each run only when the one before passed, so that a single
mistake gives a single clear message rather than a cascade:
1. the files themselves (descriptor, paths, encoding, line ends, header row,
   cell count, stray spaces and invisible characters), read without frictionless;
2. frictionless validation of the schemas (types, constraints, keys);
3. domain checks that no schema can express (targets, order, links);
4. the package against the text of its signed documents: every printed word in
   place, and a tafsiran note for every reading of the layout (source.py); and
   every claim with its source marker: glossary, anomalies, metadata and, in a
   project, the hand-written pages and mkdocs.yml (claims.py).

Every problem names the file, the row as a spreadsheet shows it (header = row 1)
and the column, says what is wrong and how to fix it, in plain Indonesian.
"""

from __future__ import annotations

from pathlib import Path

from ..datapackage import DataPackage, of
from ..errors import Problem
from . import claims
from .columns import COLUMNS, EXPECTED_FIELDS
from .descriptor import (
    check_contract,
    check_satu_data,
    check_sources,
    field_specs,
    read_descriptor,
    safe_path,
)
from .files import check_file
from .plan import domain_checks
from .schema import check_with_frictionless, load_verdicts, save_verdicts
from .source import source_checks


def validate(package: DataPackage | Path) -> list[Problem]:
    """Every problem in the package (or the package folder); an empty list means it may be built.

    Each file is read once, through the DataPackage, however many layers look at it.
    """
    package = of(package)
    root = package.root
    descriptor, text, problems = read_descriptor(package)
    if descriptor is None:
        return problems
    problems += check_contract(descriptor, text) + check_satu_data(descriptor, text)
    if problems:
        return problems
    for resource in descriptor["resources"]:
        _, problem = safe_path(root, resource, text)
        if problem:
            problems.append(problem)
            continue
        problems += check_file(package, resource["path"], field_specs(resource))
    problems += check_sources(package, descriptor, text)
    if problems:
        return problems
    problems = check_with_frictionless(package, descriptor, text)
    if problems:
        return problems
    problems = domain_checks(package, descriptor)
    if problems:
        return problems
    return source_checks(package, descriptor) + claims.check(package, descriptor)


__all__ = [
    "COLUMNS",
    "EXPECTED_FIELDS",
    "domain_checks",
    "load_verdicts",
    "save_verdicts",
    "source_checks",
    "validate",
]
