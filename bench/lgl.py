"""Benchmark the geoparser on LGL (Local-Global Lexicon): US jurisdiction toponyms only.

Run from anywhere::

    python bench/lgl.py                 # the table: dev (even docids), test (odd), all
    python bench/lgl.py --errors 40     # plus sample errors, from the dev half only

Data: ``../shared/benchmarks/lgl/lgl.xml`` next to the repository (never copied into it); see
that folder's README. 588 local US news articles of 2009, every toponym with its span and its
GeoNames entry.

Protocol
--------
Gold (what we score against)
    The toponyms whose gaztag country is "United States" and whose GeoNames feature code is
    ADM1 (state), ADM2 (county or parish) or PPL* (populated place): the kinds of jurisdiction
    this project resolves. About 2,980 spans.
Predictions
    ``geo.geoparse.geoparse(text)`` on each article's text, with the committed gazetteer.
Matching
    *exact*: same start and end offsets. *overlap*: the spans share at least one character
    ("Washington, D.C." overlaps both gold "Washington" and gold "D.C.").
Precision
    A prediction is a true positive if it matches (exact / overlap) a gold US jurisdiction span,
    a false positive if it overlaps no LGL toponym at all, and it is left out of the precision
    denominator if it overlaps only toponyms outside the gold set (foreign places, rivers,
    parks, "United States", untagged toponyms): LGL tags those, so they are not spurious text,
    and whether calling them US jurisdictions is wrong is a resolution question this table does
    not grade. The script also prints a stricter precision that counts predictions lying only
    on foreign toponyms ("London" tagged as England's) as false positives. For *exact*
    precision a prediction that overlaps a gold span with other offsets counts as a false
    positive. LGL is not exhaustive (some real place names carry no tag), so
    precision is a lower bound.
Recall
    Gold spans matched (exact / overlap) by some prediction, over all gold spans.
Resolution
    Over the gold spans matched by overlap: the share whose overlapping prediction resolves to
    the right jurisdiction. States are right when the predicted id is the FIPS code of the gold
    admin1 state (for the District of Columbia, the state-equivalent 11 or the place 1150000);
    counties when it is the id the gazetteer gives the gold county name in that state (else by
    distance); places when the predicted jurisdiction's point lies within 161 km
    (100 miles) of the gold latitude/longitude, the usual LGL criterion.
Published figures
    Printed beside for orientation only: they are on *all* LGL toponyms (foreign ones too), with
    each paper's own matching rules, so they are not directly comparable.

The split into dev (even docids) and test (odd docids) is a discipline: rules were developed
looking only at dev errors; the test half is reported, not studied.
"""

from __future__ import annotations

import argparse
import math
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from geo import load_gazetteer
from geo.geoparse import Mention, explain, geoparse

REPO = Path(__file__).resolve().parents[1]
LGL = REPO.parent / "shared" / "benchmarks" / "lgl" / "lgl.xml"
# A git worktree of the repository (/work/wt/<name>) sits one level deeper than the main checkout.
LGL_CANDIDATES = (LGL, REPO.parents[1] / "shared" / "benchmarks" / "lgl" / "lgl.xml")

PUBLISHED = (
    ("Edinburgh Geoparser", ".72 / .55 / .62", ".76"),
    ("CLAVIN (Media Cloud CLIFF)", ".81 / .44 / .57", ".71"),
    ("Topocluster", ".81 / .64 / .71", ".63"),
    ("GeoTxt", ".80 / .59 / .68", ".68"),
    ("Mordecai 3 (gold spans given)", "—", ".83"),
)


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    phrase: str
    us: bool  # in the gold set: US and ADM1 / ADM2 / PPL*
    foreign: bool  # tagged with a country other than the United States
    fcode: str | None
    name: str | None
    admin1: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Article:
    docid: str
    text: str
    toponyms: tuple[Toponym, ...]


def load_lgl(path: Path = LGL) -> list[Article]:
    articles = []
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        toponyms = []
        for t in node.iter("toponym"):
            tag = t.find("gaztag")
            fcode = country = name = admin1 = None
            lat = lon = None
            if tag is not None:
                fcode = tag.findtext("fcode")
                country = tag.findtext("country")
                name = tag.findtext("name")
                admin1 = tag.findtext("admin1")
                lat = float(tag.findtext("lat") or "nan")
                lon = float(tag.findtext("lon") or "nan")
            us = country == "United States" and bool(fcode) and (
                fcode in {"ADM1", "ADM2"} or fcode.startswith("PPL"))
            foreign = bool(country) and country != "United States"
            toponyms.append(Toponym(int(t.findtext("start")), int(t.findtext("end")),
                                    t.findtext("phrase") or "", us, foreign, fcode, name, admin1,
                                    lat, lon))
        articles.append(Article(node.get("docid", ""), text, tuple(toponyms)))
    return articles


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


class Scorer:
    def __init__(self, gaz) -> None:
        self.gaz = gaz
        self.counts = dict.fromkeys(
            ("tp_exact", "fp_exact", "tp_overlap", "fp_overlap", "excluded", "gold",
             "found_exact", "found_overlap", "resolved", "right", "foreign"), 0)
        self.by_kind: dict[str, list[int]] = {}
        self.errors: list[tuple[str, str, str]] = []

    def right(self, gold: Toponym, mention: Mention) -> bool:
        j = self.gaz.find(mention.jurisdiction_id)
        if j is None:
            return False
        if gold.fcode == "ADM1":
            state = self.gaz.state(gold.admin1 or gold.name or "")
            if state is not None:
                # The District of Columbia is both a state-equivalent and the place 1150000
                # ("Washington, D.C."); either id is the District.
                return j.id == state.id or (state.id == "11" and j.state == "11")
        if gold.fcode == "ADM2" and gold.name and gold.admin1:
            counties = self.gaz.lookup(gold.name, state=gold.admin1, kind="county")
            if counties:
                return j.id == counties[0].id
        if gold.lat is None or math.isnan(gold.lat):
            return False
        return _km(j.lat, j.lon, gold.lat, gold.lon) <= 161.0

    def add(self, article: Article, mentions: list[Mention]) -> None:
        c = self.counts
        gold = [t for t in article.toponyms if t.us]
        for m in mentions:
            hits = [t for t in article.toponyms if _overlaps(m.start, m.end, t.start, t.end)]
            us_hits = [t for t in hits if t.us]
            if us_hits:
                c["tp_overlap"] += 1
                if any(t.start == m.start and t.end == m.end for t in us_hits):
                    c["tp_exact"] += 1
                else:
                    c["fp_exact"] += 1
            elif hits:
                c["excluded"] += 1
                if all(t.foreign for t in hits):
                    c["foreign"] += 1
            else:
                c["fp_overlap"] += 1
                c["fp_exact"] += 1
                self.errors.append(("FP", article.docid, self._context(article.text, m.start,
                                                                       m.end, m.method)))
        for g in gold:
            kind = "ADM1" if g.fcode == "ADM1" else "ADM2" if g.fcode == "ADM2" else "PPL"
            row = self.by_kind.setdefault(kind, [0, 0, 0])
            row[0] += 1
            c["gold"] += 1
            over = [m for m in mentions if _overlaps(m.start, m.end, g.start, g.end)]
            if any(m.start == g.start and m.end == g.end for m in over):
                c["found_exact"] += 1
            if not over:
                self.errors.append(("FN", article.docid,
                                    self._context(article.text, g.start, g.end, g.fcode or "")))
                continue
            c["found_overlap"] += 1
            row[1] += 1
            c["resolved"] += 1
            if self.right(g, over[0]):
                c["right"] += 1
                row[2] += 1
            else:
                j = self.gaz.find(over[0].jurisdiction_id)
                shown = j.display_name if j else over[0].jurisdiction_id
                self.errors.append(("WRONG", article.docid, self._context(
                    article.text, g.start, g.end,
                    f"gold {g.name}, {g.admin1} ({g.fcode}); got {shown} by {over[0].method}")))

    @staticmethod
    def _context(text: str, start: int, end: int, note: str) -> str:
        left = text[max(0, start - 50):start].replace("\n", " ")
        right = text[end:end + 30].replace("\n", " ")
        return f"...{left}[[{text[start:end]}]]{right}...  ({note})"

    def row(self) -> dict[str, float]:
        c = self.counts

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        pe = c["tp_exact"] / max(1, c["tp_exact"] + c["fp_exact"])
        po = c["tp_overlap"] / max(1, c["tp_overlap"] + c["fp_overlap"])
        re_ = c["found_exact"] / max(1, c["gold"])
        ro = c["found_overlap"] / max(1, c["gold"])
        return {"P_exact": pe, "R_exact": re_, "F1_exact": f1(pe, re_), "P_overlap": po,
                "R_overlap": ro, "F1_overlap": f1(po, ro),
                "resolved": c["right"] / max(1, c["resolved"]), "gold": c["gold"],
                "excluded": c["excluded"], "foreign": c["foreign"],
                "P_strict": c["tp_overlap"] / max(1, c["tp_overlap"] + c["fp_overlap"]
                                                  + c["foreign"])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=int, default=0,
                        help="print this many sample errors of each type (dev half only)")
    parser.add_argument("--explain", metavar="DOCID", help="show every candidate of one article")
    parser.add_argument("--data", type=Path, default=None,
                        help="lgl.xml (default: shared/benchmarks/lgl/lgl.xml beside the checkout)")
    args = parser.parse_args(argv)
    path = args.data or next((p for p in LGL_CANDIDATES if p.exists()), LGL)
    if not path.exists():
        parser.error(f"LGL data not found at {path}; pass --data PATH/lgl.xml")

    gaz = load_gazetteer()
    articles = load_lgl(path)
    if args.explain:
        article = next(a for a in articles if a.docid == args.explain)
        for row in explain(article.text, gaz):
            print(row)
        return 0
    geoparse("warm-up: Austin, Texas", gaz)  # builds the name index once, outside the timing
    scorers = {"dev (even docids)": Scorer(gaz), "test (odd docids)": Scorer(gaz),
               "all": Scorer(gaz)}
    started, cpu_started = time.perf_counter(), time.process_time()
    for article in articles:
        mentions = geoparse(article.text, gaz)
        half = "dev (even docids)" if int(article.docid) % 2 == 0 else "test (odd docids)"
        scorers[half].add(article, mentions)
        scorers["all"].add(article, mentions)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    n_chars = sum(len(a.text) for a in articles)

    print(f"LGL, US jurisdiction toponyms (gold country United States, fcode ADM1/ADM2/PPL*); "
          f"{len(articles)} articles, {n_chars / len(articles):.0f} characters on average")
    print(f"geoparse: {1000 * cpu / len(articles):.2f} ms CPU per article "
          f"({1000 * elapsed / len(articles):.2f} ms wall; one core, scoring included)\n")
    header = (f"{'split':<19} {'gold':>5} | {'P':>5} {'R':>5} {'F1':>5} (exact) | "
              f"{'P':>5} {'R':>5} {'F1':>5} (overlap) | {'resolved':>8} | {'left out of P':>13}")
    print(header)
    print("-" * len(header))
    for name, scorer in scorers.items():
        r = scorer.row()
        print(f"{name:<19} {r['gold']:>5} | {r['P_exact']:>5.3f} {r['R_exact']:>5.3f} "
              f"{r['F1_exact']:>5.3f}         | {r['P_overlap']:>5.3f} {r['R_overlap']:>5.3f} "
              f"{r['F1_overlap']:>5.3f}           | {r['resolved']:>8.3f} | {r['excluded']:>13}")
    print("\nresolved = right jurisdiction among gold spans found (overlap): state / county by id,"
          " place within 161 km")
    print("left out of P = predictions overlapping only LGL toponyms outside the gold set; of "
          "those, the ones on foreign toponyms")
    for name, scorer in scorers.items():
        r = scorer.row()
        print(f"  {name}: {r['foreign']} on foreign toponyms; counting them as false positives, "
              f"P (overlap) = {r['P_strict']:.3f}")
    print("\nby gold kind (all):  kind   gold  recall(overlap)  resolved")
    for kind, (gold, found, right) in sorted(scorers["all"].by_kind.items()):
        print(f"                     {kind:<5} {gold:>5}  {found / gold:>15.3f}  "
              f"{right / max(1, found):>8.3f}")
    print("\nPublished on LGL, ALL toponyms (foreign included), their own matching; "
          "for orientation only:")
    print(f"  {'system':<32} {'P / R / F1':<18} {'resolved within 161 km'}")
    for system, prf, acc in PUBLISHED:
        print(f"  {system:<32} {prf:<18} {acc}")
    print("  (Gritta et al. 2018 'What's missing in geographical parsing?'; Halterman 2023)")

    if args.errors:
        dev = scorers["dev (even docids)"]
        for kind in ("FP", "FN", "WRONG"):
            rows = [e for e in dev.errors if e[0] == kind]
            print(f"\n== dev {kind}: {len(rows)}")
            step = max(1, len(rows) // args.errors)
            for _, docid, context in rows[::step][:args.errors]:
                print(f"  {docid}: {context}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
