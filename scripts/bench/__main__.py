"""`python -m bench` (`make bench`): the benchmarks, outside the product (they import kinerja).

`python -m bench --hanya-pasang` only installs .venv-bench (`make test` needs it for the Zensical search
tests). `python -m bench --pipeline PROJECT OUTPUT` is the timed pipeline that measure_scale runs in a
child: it prints the seconds per stage as JSON on one line starting with scale.RESULT_LINE, which the
parent reads back.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from kinerja import paths
from kinerja.errors import KinerjaError

from . import DEFAULT_SCALES, install_bench_venv, run
from .scale import RESULT_LINE, timed_build


def make_parser() -> argparse.ArgumentParser:
    """The benchmark's command line (for people in Indonesian, like `python -m kinerja`)."""
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Ukur berat halaman, skala pembangunan, pencarian dan Zensical."
    )
    parser.add_argument(
        "--root", type=Path, default=paths.PROJECT, help="folder proyek (berisi datapackage.json)"
    )
    parser.add_argument(
        "--skala", default=DEFAULT_SCALES, help="jumlah kantor paket sintetis, misalnya 1,100,553"
    )
    parser.add_argument("--tanpa-zensical", action="store_true", help="lewati pembangunan dengan Zensical")
    parser.add_argument(
        "--tambahan",
        action="store_true",
        help="tambahkan hasil di bawah putaran sebelumnya di docs/benchmarks.md",
    )
    parser.add_argument(
        "--hanya-pasang", action="store_true", help="hanya pasang .venv-bench (Zensical, Pagefind)"
    )
    parser.add_argument(
        "--banding",
        metavar="KOMIT",
        help="ukur juga waktu bangun 1× komit ini bergantian dengan pohon kerja saat ini (isu 21)",
    )
    parser.add_argument(
        "--hanya-banding", action="store_true", help="ukur hanya waktu bangun berdampingan (perlu --banding)"
    )
    parser.add_argument("--pipeline", nargs=2, metavar=("PROYEK", "KELUARAN"), help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run what the command line asks for; the exit code of that step (2 for a wrong command line).

    A problem in the package (KinerjaError) is printed as `python -m kinerja` prints it, without a traceback.
    """
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.hanya_banding and not args.banding:
        parser.error("--hanya-banding perlu --banding KOMIT")
    try:
        if args.pipeline:
            stages = timed_build(Path(args.pipeline[0]), Path(args.pipeline[1]))
            print(RESULT_LINE + json.dumps(stages), flush=True)
            return 0
        if args.hanya_pasang:
            return install_bench_venv(args.root)
        return run(
            args.root,
            scales=args.skala,
            zensical=not args.tanpa_zensical,
            addendum=args.tambahan,
            banding=args.banding,
            banding_only=args.hanya_banding,
        )
    except KinerjaError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return error.exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
