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
#: The build after one office's realisation changed, with the cache warm, at 553 offices (issue 22).
INCREMENTAL_GOAL = 120
#: No HTML page of the site may be larger than this after gzip (lists are split by office and year).
HTML_LIMIT = 100 * KB
#: What a first search query may transfer, by scale (offices): at 1× and at every KPU office.
FIRST_QUERY_LIMITS = {1: 100 * KB, 553: 300 * KB}
#: The indicator page beside bare Material: bytes more (gzip) and first contentful paint ratio allowed.
BARE_GAP_BYTES = 5 * KB
FCP_TOLERANCE = 0.05
#: Build time per page counts as flat when it stays within this ratio of the smallest large scale.
FLAT_TOLERANCE = 0.25
#: The most the 1× build time may grow over an earlier commit (issue 21), and the rounds of each to time.
GROWTH_LIMIT = 1.2
COMPARE_ROUNDS = 5
