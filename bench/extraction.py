"""Score extraction on the labelled evaluation set: dev, test and the five seeds.

Run (once the project is installed; while developing, ``PYTHONPATH=$PWD`` from the worktree)::

    python bench/extraction.py                  # the table for dev, test and seeds
    python bench/extraction.py --split dev -v   # dev only, each miss with what the system did
    python bench/extraction.py --json           # machine-readable

Develop on ``dev`` only; ``test`` is reported, never tuned on. The set, its provenance and the
annotation guidelines: ``tests/data/extraction/README.md``; the scoring rules:
``news/evaluation.py``.

Each article runs through the pipeline as the store's build runs it (``news.articles.load_article``
then ``news.pipeline.analyze_text`` on the body, with the article's front matter). The reference
column is what issue 11 reported for the team's 24 unseen articles when it was filed (not a run
of this script); it is the bar the current figures are read against.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

from news.evaluation import CATEGORIES, SPLITS, SplitScore, score_split, summary_rows

# Issue 11 as filed: the previous version on the team's 24 unseen articles (held by the team).
REFERENCE = {
    "articles": "24",
    "jurisdictions recall": "68/68 (100%)",
    "jurisdictions precision": "-",
    "forbidden readings returned": "10",
    "facts": "53/94 (56%)",
    "  quote": "5/19 (26%)",
    "  policy": "31/55 (56%)",
    "  enforcement": "17/20 (85%)",
    "seconds": "-",
}


def print_table(scores: list[SplitScore]) -> None:
    rows = summary_rows(scores)
    rows[0].append("issue 11 reference")
    for row in rows[1:]:
        row.append(REFERENCE.get(row[0], "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                        enumerate(zip(row, widths, strict=True))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def print_details(score: SplitScore) -> None:
    print(f"\n== {score.split}: misses ==")
    for a in score.articles:
        lines = []
        for group in a.missed_groups:
            lines.append(f"  missed jurisdiction: {' | '.join(group)}")
        for j, text in a.wrong:
            lines.append(f"  wrong jurisdiction: {j} from {text!r}")
        for f, shown in a.forbidden_hits:
            lines.append(f"  FORBIDDEN {f.label()} returned ({shown}): {f.why}")
        for f, seen in a.missed_facts:
            alt = f" (or {', '.join(f.alt_ids)})" if f.alt_ids else ""
            spk = f", speaker {f.speaker}" if f.speaker else ""
            lines.append(f"  missed {f.category} fact -> {f.id}{alt}{spk}: \"{f.contains}\"")
            lines.extend(f"      system: {s}" for s in seen)
        if lines:
            print(a.article)
            print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, action="append",
                        help="score only this split (repeatable); default: all three")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list each missed fact and each missed, wrong or forbidden jurisdiction")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = parser.parse_args(argv)
    splits = args.split or list(SPLITS)
    start = time.perf_counter()
    scores = []
    for split in splits:
        print(f"scoring {split} ...", file=sys.stderr, flush=True)
        scores.append(score_split(split))
    elapsed = time.perf_counter() - start
    if args.json:
        print(json.dumps({"splits": [s.to_json() for s in scores], "seconds": round(elapsed, 3)},
                         indent=2))
        return 0
    print_table(scores)
    per_article = [s.seconds / len(s.articles) for s in scores if s.articles]
    print(f"\nelapsed {elapsed:.1f} s (first split includes loading the gazetteer); "
          f"seconds per article by split: "
          + ", ".join(f"{s.split} {s.seconds / max(1, len(s.articles)):.2f}" for s in scores)
          + (f"; median {statistics.median(per_article):.2f}" if per_article else ""))
    print("facts: an excerpt linked to the annotated jurisdiction, with its category "
          f"({', '.join(CATEGORIES)}), containing the phrase, naming the speaker for quotes")
    if args.verbose:
        for s in scores:
            print_details(s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
