"""What the benchmarks measure against: the compression a server applies and the goals they judge."""

from __future__ import annotations

from .units import KB

#: The gzip level of the server that sends the site (a common web-server default).
GZIP_LEVEL = 6
#: The indicator page's budget on first load: compressed bytes and requests.
BUDGET_BYTES = 100 * KB
BUDGET_REQUESTS = 15
#: The goal for the pipeline's build time over a bare `mkdocs build` of the same content.
RATIO_GOAL = 1.2
