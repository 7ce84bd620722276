"""Build steps of the RKT transparency site: ingest → package → validate → model → outputs.

See docs/arsitektur.md for the rooms of this package and where a change belongs.
"""
