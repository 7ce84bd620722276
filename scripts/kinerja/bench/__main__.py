"""`python -m kinerja.bench --pipeline ROOT OUTPUT`: the timed pipeline that `kinerja bench` runs in a child.

bench became a package (bench/__init__.py) and lost the `if __name__ == "__main__"`
entry of the old module, so `make bench` failed at every scale ("No module named
kinerja.bench.__main__").
"""

import sys

from . import _main

sys.exit(_main(sys.argv[1:]))
