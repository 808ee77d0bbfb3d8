"""Show untrusted article text safely: escaped Markdown for widgets, escaped HTML for highlights.

Article text and metadata come from anyone who can add an article. Streamlit's Markdown renders
links, images, ``:color[...]`` directives, emoji shortcodes and LaTeX, so text shown through
``st.markdown`` goes through :func:`md_escape` first, which backslash-escapes every ASCII
punctuation character (CommonMark treats each such escape as the literal character). The
highlighted reader is HTML built here with every piece of article text passed through
``html.escape``; nothing else of the article reaches the page unescaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^%@])")


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` and its noun, in the singular for one: "1 excerpt", "1,204 policies"."""
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"


def md_escape(text: str) -> str:
    """Escape ``text`` so that ``st.markdown`` shows it literally (no links, HTML, math)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    # Keep paragraph breaks; single newlines would otherwise be joined by Markdown.
    return escaped.replace("\n", "  \n")


def safe_http_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL with a host, else None (no javascript:)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(c in url for c in '"<>\\ \n\r\t'):
        return None
    return url


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of an article: ``[start, end)`` with a CSS class and a title."""

    start: int
    end: int
    css: str
    title: str = ""


# Colours per category (the same in the reader legend and the highlight).
CATEGORY_COLORS = {
    "enforcement": "#fde0dd",
    "policy": "#deebf7",
    "quote": "#e5f5e0",
    "mention": "#fff3b0",
}

READER_CSS = """
<style>
.reader { white-space: pre-wrap; font-size: 1rem; line-height: 1.65; }
.reader .enforcement { background: #fde0dd; }
.reader .policy { background: #deebf7; }
.reader .quote { background: #e5f5e0; }
.reader .excerpt { border-radius: 3px; -webkit-box-decoration-break: clone;
    box-decoration-break: clone; }
.reader .mention { background: #fff3b0; border-bottom: 2px solid #d4a000; font-weight: 600; }
.reader .target { outline: 2px solid #0b5cad; }
.reader-legend span { padding: 1px 6px; margin-right: 8px; border-radius: 3px; }
</style>
"""


def highlight_html(text: str, excerpts: Iterable[Span], mentions: Iterable[Span],
                   *, target: int | None = None) -> str:
    """The article body as escaped HTML with excerpts and mentions highlighted.

    Excerpts (sentences) are outer spans, mentions (names) inner spans; a mention that crosses
    an excerpt edge is cut at the edge so that the tags always nest. ``target`` marks the
    excerpt that starts at that offset (the passage a link points to) with an anchor.
    """
    n = len(text)
    ex = sorted((s for s in excerpts if 0 <= s.start < s.end <= n), key=lambda s: s.start)
    # Drop excerpts overlapping a previous one: sentences do not overlap, so this is a guard.
    kept: list[Span] = []
    for s in ex:
        if not kept or s.start >= kept[-1].end:
            kept.append(s)
    ms = sorted((s for s in mentions if 0 <= s.start < s.end <= n), key=lambda s: s.start)

    out: list[str] = []

    def emit_text(a: int, b: int) -> None:
        # mentions inside [a, b)
        pos = a
        for m in ms:
            if m.end <= a or m.start >= b:
                continue
            ms_a, ms_b = max(m.start, a), min(m.end, b)
            if ms_a < pos:
                continue
            out.append(html.escape(text[pos:ms_a]))
            out.append(f'<span class="mention" title="{html.escape(m.title)}">'
                       f"{html.escape(text[ms_a:ms_b])}</span>")
            pos = ms_b
        out.append(html.escape(text[pos:b]))

    pos = 0
    for s in kept:
        emit_text(pos, s.start)
        classes = s.css.split()
        css = "excerpt " + " ".join(html.escape(c) for c in classes)
        colors = [CATEGORY_COLORS[c] for c in classes if c in CATEGORY_COLORS]
        style = ""
        if len(colors) > 1:  # one band per category (the colours are ours, not the article's)
            step = 100 / len(colors)
            bands = ", ".join(f"{c} {i * step:.0f}% {(i + 1) * step:.0f}%"
                              for i, c in enumerate(colors))
            style = f' style="background: linear-gradient(180deg, {bands});"'
        anchor = ""
        if target is not None and s.start <= target < s.end:
            css += " target"
            anchor = ' id="passage"'
        out.append(f'<span class="{css}"{anchor}{style} title="{html.escape(s.title)}">')
        emit_text(s.start, s.end)
        out.append("</span>")
        pos = s.end
    emit_text(pos, n)
    return f'<div class="reader">{"".join(out)}</div>'


def legend_html(labels: Sequence[tuple[str, str]]) -> str:
    """A one-line legend: (css class, label) pairs; labels are escaped."""
    cells = "".join(
        f'<span style="background:{CATEGORY_COLORS.get(css, "#eee")}">{html.escape(label)}</span>'
        for css, label in labels
    )
    return f'<div class="reader-legend">{cells}</div>'
