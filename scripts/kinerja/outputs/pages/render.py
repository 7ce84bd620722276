"""The Jinja2 environment of the page templates, where every value is escaped unless it is Markup.

`{{ value }}` prints a plain str through fmt.teks (HTML escaped, Markdown and
Jinja syntax turned into entities), so data cannot become markup by a
forgotten call. What is markup on purpose (links, numbers and dates in
Indonesian form, identifiers, code spans, the chart) comes from the filters
and globals below, which return markupsafe.Markup. Templates never use
`|safe`, and never join data with `~` or `|format` (those escape HTML only);
test_pages_templates.py checks both.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from ... import paths
from .. import chart, fmt
from ..labels import ARAH_LABEL, KATEGORI_LABEL, PERIODE_LABEL, PERUBAHAN_LABEL, SEL_LABEL

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Codes and file names that Markdown reads as plain text; anything else goes through fmt.teks.
_PLAIN_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]*")
#: Characters a link target keeps as they are; the rest is percent-encoded, so that no target
#: can close its Markdown link or autolink.
_URL_SAFE = "/:#?&=%~"


def as_markup(value: object) -> Markup:
    """A value as it may appear on a page: Markup kept, text through fmt.teks, integers as digits.

    Anything else (Decimal, float, date, None) is refused: numbers and dates
    have Indonesian forms (|angka, |tanggal) that a template must ask for.
    """
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return Markup(fmt.teks(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return Markup(value)
    raise TypeError(f"nilai {value!r} ({type(value).__name__}) tidak dapat dicetak langsung di halaman")


def href(path: str) -> Markup:
    """A link target built by kinerja.paths, percent-encoded where it could end the link."""
    return Markup(quote(path, safe=_URL_SAFE))


def ident(value: str) -> Markup:
    """An identifier, budget code or file name (IK24-S01, 6709.QGE.004) printed as it is.

    fmt.teks would turn the leading '6709.' of a code into entities (it could
    start a numbered list at the start of a line); codes only ever stand inside
    a sentence or a table cell. Values that are not plain codes go through fmt.teks.
    """
    return Markup(value) if _PLAIN_CODE.fullmatch(value) else as_markup(value)


def code(value: str | Iterable[str]) -> Markup:
    """A Markdown code span (`indikator_id`); a list is joined with ', '.

    Inside a code span Markdown shows every character as typed, so only a
    backtick or a line break could escape it: such values are printed as text.
    """
    text = value if isinstance(value, str) else ", ".join(value)
    if "`" in text or "\n" in text or "\r" in text:
        return as_markup(text)
    return Markup(f"`{text}`")


def fenced(text: str, language: str) -> Markup:
    """A fenced code block whose fence is longer than any run of backticks in the text."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return Markup(f"{fence}{language}\n{text}\n{fence}")


def yaml(value: str | int) -> Markup:
    """A piece of a double-quoted front-matter value: html.escape, then escaped for YAML.

    The theme prints title and description without escaping, so HTML is
    escaped first. Both steps work character by character, so escaping each
    piece equals escaping the whole value; the template writes the quotes.
    """
    return Markup(fmt.yaml_string(html.escape(str(value), quote=True))[1:-1])


def abbr(value: str) -> Markup:
    """A word or title of an abbreviation definition (*[PPPK]: title), as the abbr extension reads it.

    The extension escapes both when it writes <abbr title>; only a bracket or a
    line break could end the definition early, so brackets become parentheses
    and runs of white space one space.
    """
    return Markup(" ".join(value.replace("[", "(").replace("]", ")").split()))


def label(identifier: str) -> Markup:
    """A code as a small label beside the name it belongs to (lists show names, codes stay findable)."""
    return Markup('<span class="kode">') + ident(identifier) + Markup("</span>")


def indent(levels: int) -> Markup:
    """Leading spaces that nest a Markdown list item `levels` deep (four per level)."""
    return Markup("    " * levels)


def angka(value: Decimal | int) -> Markup:
    """A number in Indonesian form (77,5 · 1.234)."""
    return Markup(fmt.angka(value))


def nilai_satuan(value: Decimal, satuan: str) -> Markup:
    """Value and unit ('77,5 %'); a unit code without a label is printed as escaped text."""
    if satuan in fmt.SATUAN_LABEL:
        return Markup(fmt.nilai_satuan(value, satuan))
    return Markup(f"{fmt.angka(value)} ") + as_markup(satuan)


def tanggal(day: date) -> Markup:
    """A date in Indonesian form (1 Maret 2024)."""
    return Markup(fmt.tanggal(day))


def tanggal_epoch(epoch: int) -> Markup:
    """A timestamp as an Indonesian date (UTC)."""
    return Markup(fmt.tanggal_epoch(epoch))


def join(items: Iterable[object], separator: str = "") -> Markup:
    """Jinja's join, with the items escaped like any printed value (the built-in escapes HTML only)."""
    return Markup(html.escape(separator) if not isinstance(separator, Markup) else separator).join(
        as_markup(item) for item in items
    )


def link(label: object, target: Markup) -> Markup:
    """A Markdown link: the label is escaped as any value, the target must come from a path helper."""
    if not isinstance(target, Markup):
        raise TypeError(f"tujuan tautan {target!r} harus dibuat oleh page() atau href()")
    return Markup(f"[{as_markup(label)}]({target})")


@jinja2.pass_context
def page(context: jinja2.runtime.Context, kind: str, identifier: str) -> Markup:
    """The link target of a row's page from the page being rendered (`here`: its kind, or None)."""
    here = context["here"]
    if here is None:
        return href(paths.section_link(kind, identifier))
    return href(paths.page_link(here, kind, identifier))


#: How the templates are read; the compiled-template cache is keyed by these too (see _compiled_cache).
_OPTIONS: dict[str, Any] = {
    "autoescape": True,
    "keep_trailing_newline": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "auto_reload": False,
}


def _compiled_cache() -> jinja2.BytecodeCache:
    """Jinja's cache of compiled templates, in its per-user folder, so a build does not compile them again.

    Jinja checks each entry against the template's source and its own and Python's versions; the
    file names also carry a digest of the options above, the template folder and Jinja's version, so
    that code compiled with other options is never read. The pages are the same with or without it.
    """
    spec = repr((sorted(_OPTIONS.items()), TEMPLATES.as_posix(), jinja2.__version__))
    digest = hashlib.sha256(spec.encode("utf-8")).hexdigest()[:16]
    return jinja2.FileSystemBytecodeCache(pattern=f"__kinerja_{digest}_%s.cache")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        finalize=as_markup,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=_compiled_cache(),
        **_OPTIONS,
    )
    env.filters.update(
        ident=ident,
        code=code,
        fenced=fenced,
        yaml=yaml,
        abbr=abbr,
        angka=angka,
        nilai_satuan=nilai_satuan,
        tanggal=tanggal,
        tanggal_epoch=tanggal_epoch,
        join=join,
        constraints=fmt.constraints_text,
    )
    env.globals.update(
        link=link,
        page=page,
        svg=chart.svg,
        indent=indent,
        label=label,
        kategori=KATEGORI_LABEL,
        periode=PERIODE_LABEL,
        arah=ARAH_LABEL,
        perubahan=PERUBAHAN_LABEL,
        sel=SEL_LABEL,
        line_break=Markup("  "),  # two spaces end a Markdown line with <br>
        here=None,
    )
    return env


ENV = _environment()


def template(name: str, **context: object) -> str:
    """The text of one page: the template `name` (a file in templates/) filled with `context`."""
    return ENV.get_template(name).render(**context)
