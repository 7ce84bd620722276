"""Markdown pages generated from the validated package, from the Jinja2 templates in templates/.

One page per indicator, sasaran, program and document (and per older version
of a document: row_pages.py), plus the lists, the performance tree, the
glossary and the data dictionary (lists.py), the home page's overview
(home.py) and, with several offices, the office and comparison pages
(offices.py). Each of those modules has `write(job)`, listed once in
outputs/registry.py. Pages are plain Markdown files under content/kinerja/ so
that MkDocs and Zensical build them alike. The templates escape every value
unless it is markup on purpose (see render.py): data is shown, never run.
"""

from __future__ import annotations

from .row_pages import dokumen_page, indikator_page, program_page, sasaran_page, version_page

__all__ = ["dokumen_page", "indikator_page", "program_page", "sasaran_page", "version_page"]
