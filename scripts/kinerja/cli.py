"""One entry point for every step: `python -m kinerja <step>`.

Each step is also a make target (see the Makefile). Messages for people are
in Indonesian. Every error a person can cause is a KinerjaError, caught here
and printed as one clear line per problem with a non-zero exit; no command
prints a traceback for any input a person gives it.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

from . import paths, pipeline
from .errors import KinerjaError
from .validate import validate


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate the package: `python -m kinerja validate`."""
    problems = validate(args.root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"GAGAL: {len(problems)} masalah di paket data. Tidak ada yang dibangun.", file=sys.stderr)
        return 1
    print("Paket data sah.")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    """Write the generated pages and files into content/: `python -m kinerja generate`."""
    pipeline.generate(args.root)
    print("Halaman dan berkas unduhan dibuat di content/.")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Validate, generate and build the site into site/ atomically: `python -m kinerja build`."""
    pipeline.build(args.root, Path(args.output), args.engine)
    print(f"Situs selesai dibangun di {args.output}/.")
    return 0


def cmd_cari(args: argparse.Namespace) -> int:
    """Index an already built site for its search page, whatever engine built it: `python -m kinerja cari`.

    The same step that `build` runs after MkDocs, for a site built by Zensical
    (`zensical build`) or copied from elsewhere: it writes site/cari/indeks/.
    """
    from . import model
    from .outputs import search

    site = Path(args.situs)
    if not (site / "index.html").is_file():
        print(f"GAGAL: {site} bukan situs yang sudah dibangun (index.html tidak ada).", file=sys.stderr)
        return 2
    report = search.index_package_site(site, model.load(args.root))
    print(f"Indeks pencarian: {report.pages} halaman, {report.files} berkas di {site}/cari/indeks/.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import an RKT document (.txt, .docx, .pdf) or a realisation sheet (.xlsx): `kinerja import F`.

    What the import wrote is then staged with git (`make import` is followed by a commit), so that
    a new file in data/sumber/ or data/arsip/ is never left out of it.
    """
    from . import update

    before = package_files(args.root)
    report = update.import_document(args.root, Path(args.source), args.kantor, args.alasan, args.tanggal)
    print(report)
    for line in stage(args.root, before):
        print(line)
    return 0


#: What a maintainer types to add the package's changes to a commit by hand.
ADD_BY_HAND = "git add data datapackage.json"


def package_files(root: Path) -> dict[str, str]:
    """The SHA-256 of every file of the package (datapackage.json, data/), by path from root."""
    files = [root / "datapackage.json", *sorted((root / "data").rglob("*"))]
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in files
        if p.is_file()
    }


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    except OSError:
        return None  # no git on this computer


def stage(root: Path, before: dict[str, str]) -> list[str]:
    """Stage the package files that changed since `before` when root is a git work tree; tell which.

    Only the files this step changed are added (new, changed or removed), never other work.
    Without git, or outside a repository, the lines say what to add by hand.
    """
    after = package_files(root)
    changed = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    if not changed:
        return []
    named = ", ".join(changed)
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or top.returncode != 0 or Path(top.stdout.strip()).resolve() != root.resolve():
        return [
            f"Berkas yang berubah: {named}.",
            f"Folder ini bukan repositori git: tambahkan berkas itu ke git sebelum komit ({ADD_BY_HAND}).",
        ]
    added = _git(root, "add", "-A", "--", *changed)
    if added is None or added.returncode != 0:
        why = (
            added.stderr.strip().splitlines()[-1] if added and added.stderr.strip() else "git tidak berjalan"
        )
        return [
            f"Berkas yang berubah: {named}.",
            f"git add gagal ({why}); tambahkan sendiri dengan '{ADD_BY_HAND}' sebelum komit.",
        ]
    return [
        f"Ditambahkan ke git (git add), siap dikomit: {named}.",
        "Periksa dengan 'git status', lalu simpan: git commit -m \"<pesan>\" dan git push.",
    ]


def cmd_check_upload(args: argparse.Namespace) -> int:
    """Import the uploads in masukan/, build, report: `python -m kinerja check-upload --report FILE`."""
    from . import upload

    def optional(value: str) -> Path | None:
        return Path(value) if value else None

    description = ""
    if args.keterangan:
        description = Path(args.keterangan).read_text(encoding="utf-8", errors="replace")
    return upload.check(
        args.root, optional(args.report), optional(args.patch), optional(args.tree), description
    )


def cmd_prepare_upload(args: argparse.Namespace) -> int:
    """Bring the branch up to date with its target: `python -m kinerja prepare-upload --base COMMIT`."""
    from . import upload

    return upload.prepare(args.root, args.base, Path(args.report) if args.report else None)


def cmd_template(args: argparse.Namespace) -> int:
    """Write the realisation sheets (XLSX) per document: `python -m kinerja template`."""
    from . import update

    folder = Path(args.output) if args.output else args.root / paths.SHEETS
    for path in update.write_templates(args.root, folder, args.dokumen, args.timpa):
        print(f"Lembar realisasi ditulis: {update.display_path(path, args.root)}")
    print("Isi lembarnya, simpan, lalu impor dengan 'make import SRC=<berkas>'.")
    return 0


def cmd_deploy(args: argparse.Namespace) -> int:
    """Upload the built site, shard by shard, with rclone: `python -m kinerja deploy --tujuan R`.

    `--dry-run` prints the commands and touches nothing; `--rute` prints the routing table of
    site/shards.json (prefix and shard, longest first) for one domain that serves every shard.
    """
    from .outputs import deploy

    site = Path(args.situs)
    if args.rute:
        for prefix, shard in deploy.routes(site):
            print(f"{prefix or '(sisanya)'}\t{shard}")
        return 0
    if not args.tujuan:
        print("GAGAL: sebutkan tujuan rclone, misalnya --tujuan r2:kinerja-situs.", file=sys.stderr)
        return 2
    deploy.deploy(site, args.tujuan, args.dry_run)
    return 0


def make_parser() -> argparse.ArgumentParser:
    """The command-line parser, one subcommand per build step."""
    parser = argparse.ArgumentParser(prog="kinerja", description="Langkah pembangunan situs RKT.")
    parser.add_argument(
        "--root", type=Path, default=paths.PROJECT, help="folder proyek (berisi datapackage.json)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="periksa paket data").set_defaults(func=cmd_validate)
    sub.add_parser("generate", help="buat halaman dari paket data").set_defaults(func=cmd_generate)
    build = sub.add_parser("build", help="bangun situs ke site/ (atomik)")
    build.add_argument("--output", default="site")
    build.add_argument(
        "--engine",
        choices=sorted(pipeline.ENGINES),
        default=pipeline.ENGINE,
        help=f"mesin situs (bawaan: {pipeline.ENGINE}); properdocs untuk membandingkan halamannya",
    )
    build.set_defaults(func=cmd_build)
    check = sub.add_parser("check-upload", help="periksa unggahan di masukan/: impor, bangun, laporkan")
    check.add_argument("--report", default="", help="tulis laporan Markdown ke berkas ini (bawaan: layar)")
    check.add_argument("--patch", default="", help="tulis perubahan data sebagai patch git ke berkas ini")
    check.add_argument(
        "--tree", default="", help="tulis id pohon git hasil impor ke berkas ini (dengan --patch)"
    )
    check.add_argument(
        "--keterangan", default="", help="berkas berisi keterangan pull request (baris Alasan:, Tanggal:)"
    )
    check.set_defaults(func=cmd_check_upload)
    prepare = sub.add_parser(
        "prepare-upload", help="samakan cabang unggahan dengan cabang tujuan (main) sebelum diperiksa"
    )
    prepare.add_argument("--base", required=True, help="komit cabang tujuan, misalnya origin/main")
    prepare.add_argument("--report", default="", help="tulis laporan Markdown ke berkas ini bila gagal")
    prepare.set_defaults(func=cmd_prepare_upload)
    template = sub.add_parser(
        "template",
        help=f"tulis lembar realisasi (XLSX) per dokumen, bawaan ke {paths.SHEETS}/ (diabaikan git)",
    )
    template.add_argument("--output", default="", help=f"folder tujuan (bawaan: {paths.SHEETS}/)")
    template.add_argument(
        "--dokumen", default="", help="hanya dokumen ini, misalnya RKT24-S (data/dokumen.csv)"
    )
    template.add_argument(
        "--timpa", action="store_true", help="timpa lembar yang ada walau berisi isian yang belum diimpor"
    )
    template.set_defaults(func=cmd_template)
    cari = sub.add_parser(
        "cari", help="buat indeks pencarian untuk situs yang sudah dibangun (MkDocs/Zensical)"
    )
    cari.add_argument("--situs", default="site", help="folder situs yang sudah dibangun")
    cari.set_defaults(func=cmd_cari)
    dep = sub.add_parser(
        "deploy", help="unggah situs per shard (site/shards.json) ke object storage dengan rclone"
    )
    dep.add_argument("--situs", default="site", help="folder situs yang sudah dibangun")
    dep.add_argument("--tujuan", default="", help="tujuan rclone remote:ember, misalnya r2:kinerja-situs")
    dep.add_argument("--dry-run", action="store_true", help="cetak perintahnya saja; tidak ada yang diunggah")
    dep.add_argument("--rute", action="store_true", help="cetak tabel rute awalan → shard (terpanjang dulu)")
    dep.set_defaults(func=cmd_deploy)
    imp = sub.add_parser(
        "import", help="impor dokumen RKT (.txt, .docx atau .pdf) atau lembar realisasi (.xlsx)"
    )
    imp.add_argument("source")
    imp.add_argument(
        "--kantor",
        default="",
        help="kode kantor penanda tangan (data/kantor.csv), bila unitnya tidak terbaca",
    )
    imp.add_argument(
        "--alasan", default="", help="alasan revisi, bila dokumen merevisi dokumen yang sudah ada"
    )
    imp.add_argument(
        "--tanggal",
        default="",
        help="tanggal tanda tangan dokumen revisi, misalnya 2024-05-02, 2/5/2024 atau '2 Mei 2024'",
    )
    imp.set_defaults(func=cmd_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one step; problems become messages and a non-zero exit, never a traceback."""
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except KinerjaError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return error.exit_code
