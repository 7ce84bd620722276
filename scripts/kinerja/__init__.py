"""Build steps of the RKT transparency site: read → validate → model → outputs."""

ROOT_FILES = ("datapackage.json",)
