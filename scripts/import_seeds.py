"""Import the five seed page copies into data/articles/ as Markdown articles.

Metadata comes from ../shared/seeds/SOURCES.md (transcribed below, uncertainty kept in `notes` and
in the precision of `published`). The seeds are plain-text copies of pages, so the chrome lines
they carry are removed by the line rules below, kept here so the committed seed articles stay
reproducible. Every other article comes in through ``python -m news import`` (trafilatura on
the page itself); these rules are not used there.

    python scripts/import_seeds.py [--seeds DIR] [--out DIR] [--force]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

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


REPO = Path(__file__).resolve().parent.parent

SEEDS = REPO.parent / "shared" / "seeds"
OUT = REPO / "data" / "articles"

# (seed file, article id, front matter) — from SOURCES.md.
SEED_META: tuple[tuple[str, str, dict], ...] = (
    (
        "000_cc946a5e20e98f3d.txt",
        "2017-03-24-ibt-ice-raids-sanctuary-cities",
        {
            "title": "ICE reportedly detaining suspects in raids on 'sanctuary cities'",
            "outlet": "International Business Times",
            "published": "2017-03-24",
            "url": "",
            "notes": (
                "Seed 000_cc946a5e20e98f3d.txt. Original headline unknown: the title is the one of "
                "a Raw Story teaser of 2017-03-24 that quotes this article's first two sentences. "
                "Outlet probable, not certain (medium confidence: its 'Read: Sanctuary Cities 2017 "
                "Map' cross-link and Reuters caption style). Date approximate (from the teaser). "
                "URL unknown."
            ),
        },
    ),
    (
        "001_d9cbff8faf565f89.txt",
        "2017-03-24-infowars-ice-raids-retaliation",
        {
            "title": 'Amnesty Advocates Claim ICE Raids "Retaliation" Against Sanctuary Cities',
            "outlet": "Infowars",
            "published": "2017-03-24",
            "url": "https://www.infowars.com/amnesty-advocates-claim-ice-raids-retaliation-against-sanctuary-cities/",
            "notes": (
                "Seed 001_d9cbff8faf565f89.txt. Outlet, headline and URL high confidence; "
                "date approximate (medium confidence)."
            ),
        },
    ),
    (
        "002_9211f9f174568346.txt",
        "2017-03-24-vocativ-ramped-up-ice-raids",
        {
            "title": "Ramped-Up ICE Raids Seek To Force Sanctuary Cities Into Submission",
            "outlet": "Vocativ",
            "published": "2017-03-24",
            "url": "https://www.vocativ.com/414785/ramped-up-ice-raids-sanctuary-cities/",
            "notes": "Seed 002_9211f9f174568346.txt. All fields high confidence.",
        },
    ),
    (
        "003_2ef072dff8a01d4e.txt",
        "2017-03-24-madison365-ice-targeting-sanctuary-cities",
        {
            "title": "ICE Targeting Sanctuary Cities",
            "outlet": "Madison365",
            "published": "2017-03-24",
            "url": "http://madison365.com/ice-targeting-sanctuary-cities/",
            "notes": (
                "Seed 003_2ef072dff8a01d4e.txt. Outlet, headline and URL high confidence; date "
                "approximate (medium confidence: 'CNN reported Friday')."
            ),
        },
    ),
    (
        "004_87cee9a64524fbf7.txt",
        "2017-09-blastingnews-sanctuary-cities-targeted",
        {
            "title": "Sanctuary cities targeted by ICE raids",
            "outlet": "Blasting News",
            "published": "2017-09",
            "url": "https://us.blastingnews.com/news/2017/09/sanctuary-cities-targeted-by-ice-raids-002048517.html",
            "notes": (
                "Seed 004_87cee9a64524fbf7.txt. Blasting News US edition. Outlet high confidence; "
                "headline taken from the URL (medium confidence); published late September 2017 "
                "(Operation Safe City ran Sept 24-27, 2017), day unknown."
            ),
        },
    ),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--force", action="store_true", help="overwrite existing article files")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, slug, meta in SEED_META:
        raw = (args.seeds / name).read_text(encoding="utf-8")
        target = args.out / f"{slug}.md"
        if target.exists() and not args.force:
            print(f"exists, kept: {target}", file=sys.stderr)
            continue
        target.write_text(article_file_text(meta, raw), encoding="utf-8")
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
