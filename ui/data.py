"""Plain data helpers shared by the pages: store records in, tables and groups out.

No Streamlit here. Records are the frozen dataclasses of ``news.store`` (read by attribute), so
the functions are tested with small hand-made instances.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import geopandas as gpd

from news.dates import display_date
from news.store import CATEGORIES  # the one list; pages import it from here too

if TYPE_CHECKING:
    from geo import Jurisdiction
    from news.store import ArticleRecord, ExcerptRecord, JurisdictionSummary

CATEGORY_LABELS = {"enforcement": "Enforcement actions", "policy": "Policies", "quote": "Quotes"}
# (singular, plural) of one excerpt of each category, for counts in running text
CATEGORY_NOUNS = {"enforcement": ("enforcement action", "enforcement actions"),
                  "policy": ("policy", "policies"), "quote": ("quote", "quotes")}
KINDS = ("state", "county", "place", "region")
KIND_LABELS = {"state": "State", "county": "County", "place": "City", "region": "Region"}
KIND_PLURALS = {"state": "States", "county": "Counties", "place": "Cities", "region": "Regions"}


def summary_row(s: JurisdictionSummary) -> dict[str, Any]:
    """A ``JurisdictionSummary`` as the flat row ``ui.map.build_map`` draws."""
    by = dict(getattr(s, "by_category", {}) or {})
    return {
        "id": s.id,
        "name": s.name,
        "display_name": s.display_name,
        "kind": s.kind,
        "state": s.state,
        "state_abbr": s.state_abbr,
        "lat": s.lat,
        "lon": s.lon,
        "n_excerpts": int(s.n_excerpts),
        "n_enforcement": int(by.get("enforcement", 0)),
        "n_policy": int(by.get("policy", 0)),
        "n_quote": int(by.get("quote", 0)),
        "n_mentions": int(s.n_mentions),
        "n_articles": len(tuple(s.articles)),
        "articles": list(s.articles),
        "outlets": list(s.outlets),
    }


def jurisdiction_frame(summaries: Sequence[JurisdictionSummary],
                       geometries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Join summaries and boundary geometries by id (a jurisdiction without geometry keeps None).

    Regions without a stored boundary get the union of their members' boundaries when those are
    in ``geometries`` (a ``members`` column of tuples, optional).
    """
    rows = [summary_row(s) for s in summaries]
    geom_by_id = dict(zip(geometries["id"], geometries.geometry, strict=True)) if len(
        geometries) else {}
    for row in rows:
        row["geometry"] = geom_by_id.get(row["id"])
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326") if rows else \
        gpd.GeoDataFrame({"id": [], "kind": [], "n_excerpts": []}, geometry=[], crs="EPSG:4326")


def group_excerpts(excerpts: Iterable[ExcerptRecord],
                   categories: Sequence[str] = CATEGORIES) -> dict[str, list[ExcerptRecord]]:
    """Excerpts per category, in ``categories`` order; an excerpt of two categories is in both."""
    groups: dict[str, list[ExcerptRecord]] = {c: [] for c in categories}
    for e in excerpts:
        for c in e.categories:
            if c in groups:
                groups[c].append(e)
    return groups


def excerpts_csv(excerpts: Iterable[ExcerptRecord]) -> str:
    """The excerpts as CSV text (what is on screen, for the download button)."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["excerpt", "article", "title", "outlet", "published", "categories", "speaker",
                "figures", "jurisdictions", "start", "end", "text"])
    for e in excerpts:
        w.writerow([e.id, e.article, e.title, e.outlet, e.published, ";".join(e.categories),
                    e.speaker or "", ";".join(_figure_text(f) for f in e.figures or ()),
                    ";".join(e.jurisdictions), e.start, e.end, e.text])
    return buf.getvalue()


def _figure_text(f: object) -> str:
    if hasattr(f, "text"):
        return str(f.text)
    if isinstance(f, Mapping):
        return str(f.get("text") or f.get("value") or f)
    if isinstance(f, list | tuple) and f:
        return str(f[0])
    return str(f)


def figures_text(figures: Iterable[object] | None) -> str:
    """The figures an excerpt reports, as one line ("51 people, 48 hours")."""
    return ", ".join(dict.fromkeys(_figure_text(f) for f in figures or ()))


@dataclass(frozen=True)
class Related:
    id: str
    label: str
    relation: str  # "contains it", "inside it", "member", "same state"


def parent_line(j: Jurisdiction | JurisdictionSummary, lookup: Mapping[str, Jurisdiction]) -> str:
    """'Austin, TX — in Travis County' / 'Travis County, TX — in Texas' / a region's members."""
    if j.kind == "region":
        names = [lookup[m].display_name for m in getattr(j, "members", ()) if m in lookup]
        return f"{j.display_name} — region of {', '.join(names)}" if names else j.display_name
    parents = [lookup[p] for p in j.parents if p in lookup]
    counties = [p.name for p in parents if p.kind == "county"]
    if counties:
        return f"{j.display_name} — in {' and '.join(counties)}"
    states = [p.name for p in parents if p.kind == "state"]
    if states:
        return f"{j.display_name} — in {states[0]}"
    return j.display_name


def related_jurisdictions(j: Jurisdiction | JurisdictionSummary,
                          in_view: Sequence[JurisdictionSummary] | ViewSummaries,
                          lookup: Mapping[str, Jurisdiction]) -> list[Related]:
    """Jurisdictions one click away from ``j``: its county and state, the cities in a county,
    the counties and cities of a state, a region's members; those in view first.

    ``in_view``: the view's summaries, or its :class:`ViewSummaries`, whose index of what lies
    inside each jurisdiction spares a click the scan of the whole view (6,500 jurisdictions at
    10,000 articles).
    """
    view = in_view if isinstance(in_view, ViewSummaries) else _ViewIndex.of(in_view)
    out: dict[str, Related] = {}
    for p in j.parents:
        if p in lookup:
            out[p] = Related(p, lookup[p].display_name, "contains it")
    for m in getattr(j, "members", ()) or ():
        if m in lookup:
            out[m] = Related(m, lookup[m].display_name, "member")
    inside = [(s, "inside it") for s in view.inside.get(j.id, ())]
    if j.kind == "region":
        inside += [(s, "member") for s in view.member_of.get(j.id, ())]
    for s, relation in inside:
        if s.id != j.id and s.id not in out:
            out[s.id] = Related(s.id, s.display_name, relation)
    rel = list(out.values())
    rel.sort(key=lambda r: (r.id not in view.by_id, r.relation != "contains it", r.label))
    return rel


@dataclass(frozen=True)
class _ViewIndex:
    """What :func:`related_jurisdictions` reads of a view (see :class:`ViewSummaries`)."""

    by_id: Mapping[str, JurisdictionSummary]
    inside: Mapping[str, tuple[JurisdictionSummary, ...]]
    member_of: Mapping[str, tuple[JurisdictionSummary, ...]]

    @classmethod
    def of(cls, summaries: Iterable[JurisdictionSummary]) -> _ViewIndex:
        rows = list(summaries)
        inside: dict[str, list[JurisdictionSummary]] = defaultdict(list)
        member_of: dict[str, list[JurisdictionSummary]] = defaultdict(list)
        for s in rows:
            for p in dict.fromkeys(s.parents or ()):
                inside[p].append(s)
            for m in dict.fromkeys(getattr(s, "members", ()) or ()):
                member_of[m].append(s)
        return cls({s.id: s for s in rows}, {k: tuple(v) for k, v in inside.items()},
                   {k: tuple(v) for k, v in member_of.items()})


# Word choices: the same people and acts named differently across outlets. Each group is a
# list of (label, regex); counts are whole-word, case-insensitive, from the article text.
WORD_CHOICES: dict[str, list[tuple[str, str]]] = {
    "people": [
        ("illegal immigrant(s)", r"illegal immigrants?"),
        ("illegal alien(s)", r"illegal aliens?"),
        ("undocumented immigrant(s)", r"undocumented immigrants?"),
        ("undocumented resident(s)", r"undocumented residents?"),
        ("immigrants living in the U.S. illegally", r"immigrants living in the U\.?S\.? illegally"),
    ],
    "acts": [
        ("raid(s)", r"raids?"),
        ("operation(s)", r"operations?"),
        ("sweep(s)", r"sweeps?"),
        ("arrest(s)", r"arrests?"),
        ("deportation(s)", r"deportations?"),
    ],
    "places": [
        ("sanctuary cities / city", r"sanctuary cit(?:y|ies)"),
        ("sanctuary jurisdiction(s)", r"sanctuary jurisdictions?"),
        ("immigrant sanctuaries", r"immigrant sanctuar(?:y|ies)"),
        ("self-declared sanctuary", r"self-declared sanctuary"),
        ("so-called sanctuary", r"so-called [\"“']?sanctuary"),
    ],
}


def word_choice_counts(articles: Iterable[ArticleRecord]) -> list[dict[str, Any]]:
    """Rows (group, term, outlet, count) counted from each article's text, per outlet."""
    compiled = {g: [(label, re.compile(rf"\b{rx}\b", re.IGNORECASE)) for label, rx in terms]
                for g, terms in WORD_CHOICES.items()}
    counts: dict[tuple[str, str, str], int] = Counter()
    outlets = set()
    for a in articles:
        outlets.add(a.outlet)
        for g, patterns in compiled.items():
            for label, rx in patterns:
                counts[(g, label, a.outlet)] += len(rx.findall(a.text))
    rows = []
    for g, terms in WORD_CHOICES.items():
        for label, _ in terms:
            for o in sorted(outlets):
                rows.append({"group": g, "term": label, "outlet": o,
                             "count": counts[(g, label, o)]})
    return rows


def outlet_table(articles: Iterable[ArticleRecord],
                 summaries: Iterable[JurisdictionSummary]) -> list[dict[str, Any]]:
    """Per outlet: articles, their dates and the jurisdictions it mentions (from the filtered
    summaries); ``dates`` is the first and the last article's date, as people read them."""
    n_articles: Counter[str] = Counter()
    dated: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        n_articles[a.outlet] += 1
        if a.published:
            dated[a.outlet].append(a.published)
    juris: dict[str, set[str]] = defaultdict(set)
    for s in summaries:
        for o in s.outlets:
            juris[o].add(s.display_name)
    return [{"outlet": o, "articles": n_articles[o], "dates": _date_span(dated[o]),
             "jurisdictions": len(juris[o]), "names": ", ".join(sorted(juris[o]))}
            for o in sorted(n_articles)]


def _date_span(published: list[str]) -> str:
    if not published:
        return "undated"
    # ISO text sorts like the dates (a month or a year before the days in it)
    first, last = display_date(min(published)), display_date(max(published))
    return first if first == last else f"{first} to {last}"


def diff_text(ops: Iterable[tuple[str, str | Sequence[str]]]) -> str:
    """A word diff as plain text: '[-removed-] {+added+}' around the changed words."""
    parts = []
    for op, words in ops:
        w = words if isinstance(words, str) else " ".join(words)
        if not w:
            continue
        if op in ("equal", "=", " "):
            parts.append(w)
        elif op in ("delete", "-", "removed"):
            parts.append(f"[-{w}-]")
        elif op in ("insert", "+", "added"):
            parts.append(f"{{+{w}+}}")
        else:  # replace or unknown: show as is
            parts.append(w)
    return " ".join(parts)


@dataclass(frozen=True)
class Choices:
    """A long list of options (ids in display order, their labels), searched on the server.

    A widget that listed every option would send every label on each rerun (10,000 article
    titles are ~800 KB); the page sends the first matches of what the user typed instead.
    ``group``: an optional value per id (an article's outlet).
    """

    ids: tuple[str, ...]
    labels: Mapping[str, str]
    group: Mapping[str, str] | None = None
    _folded: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_folded", tuple(self.labels[i].casefold() for i in self.ids))

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, option: object) -> bool:
        return option in self.labels

    def label(self, option: str) -> str:
        return self.labels.get(option, option)

    def search(self, query: str, limit: int) -> list[str]:
        """The first ``limit`` ids (display order) whose label holds every word of ``query``
        (case-insensitive); with no words, the first ``limit`` ids."""
        words = query.casefold().split()
        if not words:
            return list(self.ids[:limit])
        out = []
        for option, text in zip(self.ids, self._folded, strict=True):
            if all(w in text for w in words):
                out.append(option)
                if len(out) >= limit:
                    break
        return out

    def count(self, query: str) -> int:
        """How many labels hold every word of ``query``."""
        words = query.casefold().split()
        return sum(all(w in text for w in words) for text in self._folded)


def article_choices(articles: Iterable[ArticleRecord]) -> Choices:
    """The sidebar's article filter: "title (outlet, date)" in store order, outlet as group."""
    rows = list(articles)
    return Choices(tuple(a.id for a in rows),
                   {a.id: f"{a.title} ({a.outlet}, {display_date(a.published)})" for a in rows},
                   {a.id: a.outlet for a in rows})


@dataclass(frozen=True)
class ViewSummaries:
    """The jurisdictions of a view: ``ranked`` most reported first, ``by_id``, and ``choices``
    for the find box ("name (kind) — n excerpts", in the same order); ``inside`` and
    ``member_of``: per id, the view's jurisdictions that name it as a parent or as a member
    (read by :func:`related_jurisdictions`)."""

    ranked: tuple[JurisdictionSummary, ...]
    by_id: Mapping[str, JurisdictionSummary]
    choices: Choices
    inside: Mapping[str, tuple[JurisdictionSummary, ...]] = field(default_factory=dict)
    member_of: Mapping[str, tuple[JurisdictionSummary, ...]] = field(default_factory=dict)


def view_summaries(summaries: Iterable[JurisdictionSummary]) -> ViewSummaries:
    """Rank a view's summaries (most excerpts, then mentions, then name) and index them."""
    top = tuple(sorted(summaries, key=lambda s: (-s.n_excerpts, -s.n_mentions, s.display_name)))
    choices = Choices(tuple(s.id for s in top),
                      {s.id: f"{s.display_name} ({KIND_LABELS.get(s.kind, s.kind)}) — "
                             f"{s.n_excerpts}" for s in top})
    index = _ViewIndex.of(top)
    return ViewSummaries(top, index.by_id, choices, index.inside, index.member_of)


def excerpt_heads(excerpts: Iterable[ExcerptRecord], first: int,
                  categories: Sequence[str] = CATEGORIES
                  ) -> dict[str, tuple[int, list[ExcerptRecord]]]:
    """Per category: how many excerpts, and the first ``first`` of them (what a panel shows
    before "Show all")."""
    return {c: (len(items), items[:first])
            for c, items in group_excerpts(excerpts, categories).items()}
