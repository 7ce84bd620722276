"""The git side of the browser path: the branch brought up to date with main, the import as a patch.

The workflow imports on the tree it will commit: the pull request's branch with its target
branch (main) merged in. `prepare` does that merge in the check job; the job that pushes (which
runs no code of the pull request) repeats the same merge, applies the patch written by
`write_patch`, and pushes only if the result is the very tree the check job checked
(docs/keputusan.md, "Jalur peramban").
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import BuildError, ProblemsFound
from ..problems import CABANG_BENTROK, CABANG_TERTINGGAL

#: A merge that changes these is left to a person: GitHub refuses them from the workflow's token.
WORKFLOWS = ".github/workflows"
BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")
WHERE = "cabang pull request"


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run git in root as the workflow's bot; a failure is a BuildError in Indonesian with git's words."""
    command = ["git", "-c", f"user.name={BOT[0]}", "-c", f"user.email={BOT[1]}", *args]
    try:
        done = subprocess.run(command, cwd=root, capture_output=True, text=True)
    except OSError as error:
        raise BuildError(f"program git tidak dapat dijalankan ({error.strerror}). Pasang git.") from error
    if check and done.returncode != 0:
        raise BuildError(f"perintah 'git {' '.join(args[:2])}' gagal di {root}: {done.stderr.strip()}")
    return done


def prepare(root: Path, base: str) -> str:
    """Bring HEAD up to date with `base` (the target branch's commit) by a merge; the commit merged.

    Returns base's full commit id when it was merged, "" when HEAD already contains it. When git
    cannot merge without a person (both sides changed the same lines), or the merge would change
    files under .github/workflows, HEAD and the work tree are left as they were and ProblemsFound
    tells, in Indonesian, what to press on GitHub.
    """
    head = git(root, "rev-parse", "--verify", "HEAD^{commit}").stdout.strip()
    wanted = git(root, "rev-parse", "--verify", "--end-of-options", f"{base}^{{commit}}", check=False)
    if wanted.returncode != 0:
        raise BuildError(f"cabang tujuan '{base}' tidak ditemukan di salinan git {root}.")
    target = wanted.stdout.strip()
    if git(root, "merge-base", "--is-ancestor", target, head, check=False).returncode == 0:
        return ""
    merged = git(root, "merge", "--no-edit", "--no-stat", target, check=False)
    if merged.returncode != 0:
        conflicted = git(root, "diff", "--name-only", "--diff-filter=U", check=False).stdout.split()
        git(root, "merge", "--abort", check=False)
        if not conflicted:
            raise BuildError(f"git tidak dapat menggabungkan {base} ke cabang ini: {merged.stderr.strip()}")
        raise ProblemsFound([CABANG_BENTROK.at(WHERE, files=", ".join(conflicted))])
    changed = git(root, "diff", "--name-only", head, "HEAD", "--", WORKFLOWS).stdout.split()
    if changed:
        git(root, "reset", "--keep", "--quiet", head)
        raise ProblemsFound([CABANG_TERTINGGAL.at(WHERE, files=", ".join(changed))])
    return target


def write_patch(root: Path, target: Path, parts: list[str]) -> str:
    """Stage the changes under `parts`, write them as a binary git patch; the staged tree's id.

    The tree id is what the pushing job must arrive at after applying the patch to the same commit.
    """
    git(root, "add", "-A", "--", *parts)
    diff = subprocess.run(
        ["git", "diff", "--cached", "--binary", "--", *parts], cwd=root, check=True, capture_output=True
    ).stdout
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(diff)
    return git(root, "write-tree").stdout.strip()
