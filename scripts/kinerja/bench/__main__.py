"""`python -m kinerja.bench --pipeline PROJECT OUTPUT`: the timed pipeline, run by measure_scale in a child.

It prints the seconds per stage as JSON on one line starting with
scale.RESULT_LINE, which the parent reads back.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .scale import RESULT_LINE, timed_build


def main(argv: Sequence[str]) -> int:
    """Run the timed pipeline of one project copy and print its stages; 2 on a wrong command line."""
    if len(argv) == 3 and argv[0] == "--pipeline":
        stages = timed_build(Path(argv[1]), Path(argv[2]))
        print(RESULT_LINE + json.dumps(stages), flush=True)
        return 0
    print("pemakaian: python -m kinerja.bench --pipeline PROYEK KELUARAN (dipakai oleh 'kinerja bench')")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
