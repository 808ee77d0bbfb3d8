"""Turn a plain-text page copy into an article file: strip site chrome, keep and mark captions.

The rules are general (they describe kinds of chrome, not particular pages); every removed line
is returned so that the article's front matter can record it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from news.articles import find_captions, render_article

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# Each rule: a name and a pattern a whole (stripped) line must match.
CHROME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # A link to another story: a headline (no final punctuation, mostly capitalised words).
    (
        "cross-link",
        re.compile(
            r"^(?:Read|READ|Read more|See also|Also read|More)[:\s]\s*\S.*[^.!?\"\u201d\u2019]$"
        ),
    ),
    ("related block", re.compile(r"^(?:Related(?: Articles| Stories| Posts)?|You may also like)$")),
    (
        "advertisement",
        re.compile(r"(?:\d+% off|\bin stock!|\bBuy now\b|\bShop now\b|Advertisement$)", re.I),
    ),
    ("comment counter", re.compile(r"^\d{1,4}(?: [Cc]omments?)?$")),
    (
        "timestamp",
        re.compile(
            rf"^{_MONTH} \d{{1,2}}(?:, \d{{4}})?"
            r"(?: at \d{1,2}:\d{2} ?[AP]M(?: [A-Z]{2,4})?)?$"
        ),
    ),
)


def _headline_like(line: str) -> bool:
    words = [w for w in line.split() if w[0].isalpha()]
    caps = sum(w[0].isupper() for w in words)
    return len(words) <= 20 and caps >= 0.6 * len(words)


@dataclass(frozen=True)
class Cleaned:
    """A cleaned page copy.

    Attributes
    ----------
    body : str
        The article text.
    stripped : tuple of str
        The removed lines, in order, each prefixed by the rule that removed it.
    captions : tuple of str
        Caption lines found in ``body``.
    """

    body: str
    stripped: tuple[str, ...]
    captions: tuple[str, ...]


def clean_page_text(raw: str, title: str = "") -> Cleaned:
    """Strip site chrome from a page copy.

    Removed: breadcrumbs (a first line ``Home ...`` ending in the headline), a headline line that
    repeats ``title``, cross-links ("Read: ...", "More ..."), "Related Articles" blocks,
    advertisements, lone comment counters and bare timestamps. Everything else is kept as is.

    Parameters
    ----------
    raw : str
        The page text.
    title : str, optional
        The article's headline, if known.

    Returns
    -------
    Cleaned
    """
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    stripped: list[str] = []
    norm_title = " ".join(title.split()).casefold()
    seen_text = False
    for line in lines:
        s = " ".join(line.split())
        rule = None
        if not s:
            kept.append("")
            continue
        home = s.startswith("Home ")
        if not seen_text and home and norm_title and s.casefold().endswith(norm_title):
            rule = "breadcrumb"
        elif not seen_text and norm_title and s.casefold() == norm_title:
            rule = "headline (kept as title)"
        else:
            for name, pattern in CHROME_RULES:
                # A comment counter or a bare timestamp only counts near the top of the page.
                if name in ("comment counter", "timestamp") and seen_text:
                    continue
                if pattern.search(s) and (name != "cross-link" or _headline_like(s)):
                    rule = name
                    break
        if rule:
            stripped.append(f"{rule}: {s}")
            continue
        kept.append(line.rstrip())
        # Body text starts at the first full sentence (a dek has no final punctuation).
        if len(s.split()) > 12 and s[-1] in ".!?\"\u201d\u2019":
            seen_text = True
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    text_caps = find_captions(body)
    captions = tuple(body[s:e] for s, e in text_caps)
    return Cleaned(body=body, stripped=tuple(stripped), captions=captions)


def article_file_text(meta: dict, raw: str) -> str:
    """Render a page copy as an article file: cleaned body, front matter with what was stripped.

    Parameters
    ----------
    meta : dict
        Front matter fields (``title``, ``outlet``, ``published``, ``url``, ...).
    raw : str
        The page text.

    Returns
    -------
    str
    """
    cleaned = clean_page_text(raw, str(meta.get("title", "")))
    meta = {**meta, "captions": list(cleaned.captions), "stripped": list(cleaned.stripped)}
    return render_article(meta, cleaned.body)
