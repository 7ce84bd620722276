"""Downloads, all written from the one validated package: ZIP, XLSX, CSV and JSON per table,
the flat indicator table, the source documents, checksums and manifests.

Each format is a module here with `write(job)`, listed once in
outputs/registry.py; files go under content/berkas/ (paths.py) through
`files.Output`, which lists them for the manifests. This file imports
nothing: importing `downloads.files` from the API or the realisation sheet
must never run the writers (no import circle, tests/test_architecture.py).
"""
