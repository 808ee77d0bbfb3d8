"""Import the five seed page copies into data/articles/ as Markdown articles.

Metadata comes from ../shared/seeds/SOURCES.md (transcribed below, uncertainty kept in `notes` and
in the precision of `published`). The chrome rules are the general ones of news.importer.

    python scripts/import_seeds.py [--seeds DIR] [--out DIR] [--force]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from news.importer import article_file_text

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
