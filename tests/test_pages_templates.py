"""The page templates escape by default: data printed without any filter stays inert text.

No site is built: pages are rendered from the real package with hostile text put
into its rows in memory, and read back as Markdown and as the HTML Python-Markdown
makes of them.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal

import jinja2
import markdown
import pytest
import yaml

from conftest import FIXTURE
from kinerja import model
from kinerja.outputs import fmt, pages, registry
from kinerja.outputs.pages import render

HOSTILE = "<script>alert(1)</script> {{ 7*7 }} [x](http://e.test) | *a* _b_ {% raw %}"
#: Text columns of each kind of row that the pages print.
TEXT_FIELDS = {
    "dokumen": ("judul_dicetak", "unit_dicetak", "tempat", "tanggal_dicetak", "jabatan_penanda_tangan",
                "nama_penanda_tangan"),
    "program": ("nama", "teks_dicetak"),
    "sasaran": ("teks",),
    "indikator": ("teks", "target_dicetak", "polaritas_alasan"),
    "anomali": ("teks_dicetak", "uraian", "dampak"),
}  # fmt: skip


def hostile_package() -> model.Package:
    """The real package with HOSTILE appended to every text the pages print."""
    pkg = model.load(FIXTURE)
    for kind, names in TEXT_FIELDS.items():
        for row in getattr(pkg, kind).values():
            for name in names:
                setattr(row, name, f"{getattr(row, name)} {HOSTILE}")
    for item in pkg.indikator.values():
        if item.program_dicetak:
            item.program_dicetak += f" {HOSTILE}"
    for program in pkg.program.values():
        for kode in program.kode:
            kode.nama_kegiatan += f" {HOSTILE}"
    for row in pkg.glosarium:
        row.keterangan += f" {HOSTILE}"
    for table in pkg.tables.values():
        table.title += f" {HOSTILE}"
        table.description += f" {HOSTILE}"
    return pkg


def split_front(page: str) -> tuple[dict, str]:
    """The front matter (parsed) and the Markdown body of a page."""
    assert page.startswith("---\n")
    front, body = page[4:].split("\n---\n", 1)
    return yaml.safe_load(front), body


def to_html(body: str) -> str:
    return markdown.markdown(body, extensions=["tables", "attr_list", "md_in_html", "admonition"])


def outside_code(body: str) -> str:
    """The Markdown outside fenced code blocks (the citation), where Markdown shows text as typed."""
    return re.sub(r"^(`{3,})\w*\n.*?\n\1$", "", body, flags=re.M | re.S)


def assert_inert(body: str) -> None:
    """No tag, template, link or emphasis from the data; the text itself readable as typed."""
    text = outside_code(body)
    assert "<script" not in text and "{{" not in text and "{%" not in text
    assert "](http://e.test)" not in text
    rendered = to_html(body)
    assert "<script" not in rendered and 'href="http://e.test"' not in rendered
    assert "<em>a</em>" not in rendered and "<em>b</em>" not in rendered
    assert HOSTILE in html.unescape(rendered)


def test_a_plain_expression_escapes_without_any_filter():
    template = render.ENV.from_string("Teks: {{ value }}")
    assert template.render(value=HOSTILE) == "Teks: " + fmt.teks(HOSTILE)
    assert_inert(template.render(value=HOSTILE))


def test_markup_from_a_helper_passes_and_plain_text_never_does():
    template = render.ENV.from_string("{{ link(label, target) }} {{ items|join(', ') }}")
    out = template.render(label="[a]", target=render.href("x.md"), items=["a_b", "<i>"])
    assert out == "[&#91;a&#93;](x.md) a&#95;b, &lt;i&gt;"
    with pytest.raises(TypeError, match="tujuan tautan"):
        template.render(label="a", target="javascript:alert(1)", items=[])


def test_numbers_and_dates_must_be_formatted():
    template = render.ENV.from_string("{{ value }}")
    assert template.render(value=56) == "56"
    for value in (Decimal("77.5"), 0.2, None, True):
        with pytest.raises(TypeError, match="tidak dapat dicetak"):
            template.render(value=value)
    assert render.ENV.from_string("{{ v|angka }} %").render(v=Decimal("1234.5")) == "1.234,5 %"


def test_identifiers_links_and_code_spans_stay_inert_when_odd():
    assert render.ident("6709.QGE.004") == "6709.QGE.004"
    assert render.ident("<b>1.") == fmt.teks("<b>1.")
    assert render.href("a b)<c>.md") == "a%20b%29%3Cc%3E.md"
    assert render.code("indikator_id") == "`indikator_id`"
    assert render.code("a`b") == fmt.teks("a`b")
    assert render.fenced("a ``` b", "text") == "````text\na ``` b\n````"
    assert render.abbr("a]: b\n<x>") == "a): b <x>"


def test_indicator_page_shows_hostile_text_inert():
    pkg = hostile_package()
    item = pkg.indikator["IK24-S03"]
    front, body = split_front(pages.indikator_page(pkg, item, 0))
    assert front["title"] == html.escape(f"{item.id} · {item.teks}", quote=True)
    assert "<" not in front["title"] + front["description"]
    assert re.search(
        rf"^# {re.escape(fmt.teks(item.teks))}(?: \{{ data-cari-bobot=\"[\d.]+\" \}})?$", body, re.M
    )
    assert_inert(body)


def test_every_generated_page_shows_hostile_text_inert(tmp_path):
    pkg = hostile_package()
    written = registry.write_pages(pkg, tmp_path, 0)
    assert len(written) > 100
    for path in written:
        text = path.read_text(encoding="utf-8")
        if path.name == "_singkatan.md":
            assert all(line.startswith("*[") for line in text.splitlines()), "definisi singkatan pecah"
            continue
        if path.name.startswith("_"):  # a fragment included by a hand-written page: no front matter
            body = text
        else:
            front, body = split_front(text)
            assert "<" not in front["title"] + front["description"], path
        text = outside_code(body)
        assert "{{" not in text and "<script" not in text and "](http://e.test)" not in text, path
        rendered = to_html(body)
        assert "<script" not in rendered and 'href="http://e.test"' not in rendered, path


def _nodes(node: jinja2.nodes.Node) -> list[jinja2.nodes.Node]:
    return [node, *(n for child in node.iter_child_nodes() for n in _nodes(child))]


#: Built-in filters that would print text marked safe or escaped for HTML only.
UNESCAPED_FILTERS = ("safe", "format", "forceescape", "urlize")


def _spelled_path(value: object) -> bool:
    return isinstance(value, str) and ("/" in value or ".md" in value) and not value.endswith(".j2")


def forbidden(source: str) -> list[str]:
    """What in a template could print data past the escaping or spell a path."""
    found = []
    for node in _nodes(render.ENV.parse(source)):
        if isinstance(node, jinja2.nodes.Concat):
            found.append("'~' (menggabung dengan escape HTML saja)")
        elif isinstance(node, jinja2.nodes.MarkSafe | jinja2.nodes.MarkSafeIfAutoescape):
            found.append("markup dari teks")
        elif isinstance(node, jinja2.nodes.EvalContextModifier):
            found.append("autoescape diubah")
        elif isinstance(node, jinja2.nodes.Filter) and node.name in UNESCAPED_FILTERS:
            found.append(f"filter {node.name}")
        elif isinstance(node, jinja2.nodes.Const) and _spelled_path(node.value):
            found.append(f"jalur {node.value!r} (jalur datang dari kinerja.paths)")
    return found


def test_templates_never_mark_data_safe_nor_spell_paths():
    names = render.ENV.list_templates(extensions=["j2"])
    assert {"indikator.md.j2", "sasaran.md.j2", "program.md.j2", "dokumen.md.j2"} <= set(names)
    for name in names:
        assert forbidden(render.ENV.loader.get_source(render.ENV, name)[0]) == [], name


@pytest.mark.parametrize(
    "source",
    [
        "{{ x|safe }}",
        "{{ a ~ b }}",
        "{{ '%s'|format(x) }}",
        "{% autoescape false %}{{ x }}{% endautoescape %}",
        "{{ link(x, href('../unduh.md')) }}",
    ],
)
def test_the_template_check_finds_what_it_forbids(source):
    assert forbidden(source)
