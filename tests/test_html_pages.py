"""The one pass over the built site's pages (outputs/html_pages.py): which pages, in which order."""

from __future__ import annotations

from pathlib import Path

from kinerja.outputs import html_pages


def test_html_files_lists_every_page_in_the_order_of_a_sorted_glob(tmp_path: Path) -> None:
    """Folders sort before a sibling whose name continues with '-' or '.', as sorted paths do (a plain
    string sort would put "a-b/" before "a/"); files that are not HTML are left out."""
    for name in ("a/b.html", "a-b/c.html", "a.html", "a/z/index.html", "b.css", "a/data.json", "ä/x.html"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<p>x</p>", encoding="utf-8")
    expected = [path.relative_to(tmp_path).as_posix() for path in sorted(tmp_path.rglob("*.html"))]
    assert html_pages.html_files(tmp_path) == expected
    assert expected.index("a/b.html") < expected.index("a-b/c.html")


def test_rewrite_pages_leaves_the_kept_pages_alone(tmp_path: Path) -> None:
    """A page of the build cache (skip) is neither read nor changed; the others are, once."""
    for name in ("kept/index.html", "new/index.html"):
        (tmp_path / name).parent.mkdir(parents=True)
        (tmp_path / name).write_text("<p>lama</p>", encoding="utf-8")
    changed = html_pages.rewrite_pages(
        tmp_path, lambda page: page.replace("lama", "baru"), skip={"kept/index.html"}
    )
    assert changed == 1
    assert (tmp_path / "kept/index.html").read_text(encoding="utf-8") == "<p>lama</p>"
    assert (tmp_path / "new/index.html").read_text(encoding="utf-8") == "<p>baru</p>"
