"""Score extraction against the labelled evaluation set of ``tests/data/extraction/``.

The set holds real articles split by article into ``dev/`` and ``test/`` (develop on dev, report
test), plus annotations of the five seed articles of ``data/articles/``. Each split has one
annotation file, ``<split>.yaml``, mapping an article id (the file stem) to:

``required``
    A list of groups; each group is a list of acceptable jurisdiction ids (a place the article
    clearly names; alternatives when genuinely ambiguous, e.g. a city or its county). A group is
    found when the system mentions any of its ids.
``optional``
    Ids that are right but not required: neither found nor wrong when returned.
``forbidden``
    Readings the system must not return, each ``{id: ..., why: ...}`` or ``{name: ..., why: ...}``:
    an ``id`` is returned when a mention or an excerpt link carries it; a ``name`` is returned
    when a mention's text is that name (case ignored), whatever it resolved to.
``facts``
    ``{id, alt_ids, category, contains, speaker?}``: a fact holds when one excerpt of the article
    is linked to ``id`` (or one of ``alt_ids``), has ``category`` (``enforcement``, ``policy`` or
    ``quote``), contains the phrase ``contains`` and, for a quote, names the speaker. Phrases are
    compared with case, runs of white space and curly quotes/apostrophes normalised. The speaker
    matches when the last word of the annotated speaker (the surname, or the whole name of an
    agency such as ``ICE``) occurs as a word in the excerpt's speaker or in the speaker of a quote
    of that excerpt.

Scores: jurisdiction recall (required groups found / groups), precision (distinct mentioned ids
that are required or optional / distinct mentioned ids), forbidden readings returned, and facts
held overall and per category.
"""

from __future__ import annotations

import hashlib
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from geo import _lexicon as lex
from news.articles import ARTICLES_DIR, Article, ArticleError, load_article
from news.pipeline import ArticleAnalysis, analyze_text

REPO = Path(__file__).resolve().parent.parent
EVAL_DIR = REPO / "tests" / "data" / "extraction"
CATEGORIES = ("quote", "policy", "enforcement")
SPLITS = ("dev", "test", "seeds")
# An article is in dev when the first 8 hex digits of sha256(url), as an integer, mod 100 fall
# below this; chosen before any annotation so that the candidate pool split near 55/45.
DEV_SHARE = 60
# Front matter handed to the pipeline beside the body (the fields an Article carries).
_META_FIELDS = ("title", "outlet", "published", "url", "author", "place")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-",
                         "\u2013": "-"})


class AnnotationError(ValueError):
    """An annotation file that does not follow the schema; the message names the article."""


@dataclass(frozen=True)
class Fact:
    """One reported fact an excerpt must carry to its jurisdiction.

    Attributes
    ----------
    id : str
        The jurisdiction it is reported about.
    alt_ids : tuple of str
        Other acceptable jurisdictions (e.g. the county of a city).
    category : str
        ``enforcement``, ``policy`` or ``quote``.
    contains : str
        A few exact words of the sentence.
    speaker : str
        Who is quoted (quotes only; ``""`` otherwise).
    """

    id: str
    alt_ids: tuple[str, ...]
    category: str
    contains: str
    speaker: str = ""

    @property
    def ids(self) -> tuple[str, ...]:
        """The id and its alternatives."""
        return (self.id, *self.alt_ids)


@dataclass(frozen=True)
class Forbidden:
    """A reading the system must not return: an ``id`` or a mention ``name``, and why."""

    id: str
    name: str
    why: str

    def label(self) -> str:
        """Return the id or the name, for reports."""
        return self.id or repr(self.name)


@dataclass(frozen=True)
class Annotation:
    """What a careful reader says one article contains."""

    article: str
    required: tuple[tuple[str, ...], ...]
    optional: tuple[str, ...]
    forbidden: tuple[Forbidden, ...]
    facts: tuple[Fact, ...]


@dataclass
class ArticleScore:
    """The score of one article, with what went wrong (for ``--verbose``)."""

    article: str
    groups: int = 0
    groups_found: int = 0
    returned: int = 0
    returned_right: int = 0
    forbidden_hits: list[tuple[Forbidden, str]] = field(default_factory=list)
    facts: dict[str, list[int]] = field(default_factory=lambda: {c: [0, 0] for c in CATEGORIES})
    missed_groups: list[tuple[str, ...]] = field(default_factory=list)
    wrong: list[tuple[str, str]] = field(default_factory=list)  # (id, mention text)
    missed_facts: list[tuple[Fact, list[str]]] = field(default_factory=list)


@dataclass
class SplitScore:
    """Sums over the articles of one split."""

    split: str
    articles: list[ArticleScore] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def total(self, attr: str) -> int:
        """Sum of one counter over the articles."""
        return sum(getattr(a, attr) for a in self.articles)

    @property
    def forbidden(self) -> int:
        """Forbidden readings returned."""
        return sum(len(a.forbidden_hits) for a in self.articles)

    def facts(self, category: str | None = None) -> tuple[int, int]:
        """``(held, annotated)`` for one category, or all of them."""
        cats = CATEGORIES if category is None else (category,)
        held = sum(a.facts[c][0] for a in self.articles for c in cats)
        total = sum(a.facts[c][1] for a in self.articles for c in cats)
        return held, total

    @property
    def recall(self) -> float:
        """Required groups found over groups (1.0 with none)."""
        return _ratio(self.total("groups_found"), self.total("groups"))

    @property
    def precision(self) -> float:
        """Returned ids that are required or optional over returned ids (1.0 with none)."""
        return _ratio(self.total("returned_right"), self.total("returned"))

    def to_json(self) -> dict:
        """JSON-ready summary with the per-article details."""
        out: dict = {
            "split": self.split,
            "articles": len(self.articles),
            "errors": self.errors,
            "seconds": round(self.seconds, 3),
            "jurisdictions": {
                "recall": [self.total("groups_found"), self.total("groups")],
                "precision": [self.total("returned_right"), self.total("returned")],
                "forbidden": self.forbidden,
            },
            "facts": {"all": list(self.facts())} | {c: list(self.facts(c)) for c in CATEGORIES},
            "details": [],
        }
        for a in self.articles:
            out["details"].append({
                "article": a.article,
                "missed_required": [list(g) for g in a.missed_groups],
                "wrong": [list(w) for w in a.wrong],
                "forbidden": [{"reading": f.label(), "why": f.why, "as": shown}
                              for f, shown in a.forbidden_hits],
                "missed_facts": [
                    {"id": f.id, "alt_ids": list(f.alt_ids), "category": f.category,
                     "contains": f.contains, "speaker": f.speaker, "system": seen}
                    for f, seen in a.missed_facts
                ],
            })
        return out


def split_of(url: str) -> str:
    """Tell the split an article belongs to, from its URL alone (see ``DEV_SHARE``).

    Parameters
    ----------
    url : str
        The article's ``url`` front matter field, exactly as written.

    Returns
    -------
    str
        ``dev`` or ``test``.
    """
    bucket = int(hashlib.sha256(url.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "dev" if bucket < DEV_SHARE else "test"


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def normalise(text: str) -> str:
    """Fold case, curly quotes, dashes and runs of white space, for phrase comparison."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.casefold().split())


def _ids(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, (str, int)):
        value = [value]
    if not isinstance(value, list) or not value:
        raise AnnotationError(f"{where}: expected an id or a non-empty list of ids, got {value!r}")
    out = []
    for v in value:
        s = str(v).strip()
        if not s:
            raise AnnotationError(f"{where}: empty id")
        out.append(s)
    return tuple(out)


def parse_annotation(article: str, data: Mapping) -> Annotation:
    """Check and convert one article's annotation.

    Parameters
    ----------
    article : str
        The article id (for messages).
    data : mapping
        ``required``, ``optional``, ``forbidden``, ``facts`` as read from YAML.

    Returns
    -------
    Annotation

    Raises
    ------
    AnnotationError
        On any departure from the schema (unknown key, unknown category, a quote without speaker).
    """
    if not isinstance(data, Mapping):
        raise AnnotationError(f"{article}: expected a mapping, got {type(data).__name__}")
    unknown = set(data) - {"required", "optional", "forbidden", "facts", "notes"}
    if unknown:
        raise AnnotationError(f"{article}: unknown keys {sorted(unknown)}")
    required = tuple(_ids(g, f"{article}.required") for g in data.get("required") or [])
    optional = tuple(
        i for v in data.get("optional") or [] for i in _ids(v, f"{article}.optional")
    )
    forbidden = []
    for n, f in enumerate(data.get("forbidden") or []):
        where = f"{article}.forbidden[{n}]"
        if not isinstance(f, Mapping) or not f.get("why") or bool(f.get("id")) == bool(f.get("name")):
            raise AnnotationError(f"{where}: needs exactly one of 'id' or 'name', and 'why'")
        forbidden.append(Forbidden(str(f.get("id") or ""), str(f.get("name") or ""), str(f["why"])))
    facts = []
    for n, f in enumerate(data.get("facts") or []):
        where = f"{article}.facts[{n}]"
        if not isinstance(f, Mapping):
            raise AnnotationError(f"{where}: expected a mapping")
        extra = set(f) - {"id", "alt_ids", "category", "contains", "speaker"}
        if extra:
            raise AnnotationError(f"{where}: unknown keys {sorted(extra)}")
        category = str(f.get("category", ""))
        if category not in CATEGORIES:
            raise AnnotationError(f"{where}: category {category!r} is not one of {CATEGORIES}")
        contains = str(f.get("contains") or "").strip()
        if not contains:
            raise AnnotationError(f"{where}: 'contains' is empty")
        speaker = str(f.get("speaker") or "").strip()
        if category == "quote" and not speaker:
            raise AnnotationError(f"{where}: a quote needs a 'speaker'")
        (fid,) = _ids(f.get("id"), f"{where}.id")
        alt = _ids(f["alt_ids"], f"{where}.alt_ids") if f.get("alt_ids") else ()
        facts.append(Fact(fid, alt, category, contains, speaker))
    return Annotation(article, required, optional, tuple(forbidden), tuple(facts))


def load_annotations(path: Path) -> dict[str, Annotation]:
    """Read one split's annotation file.

    Parameters
    ----------
    path : Path
        A YAML mapping of article id to annotation.

    Returns
    -------
    dict of str to Annotation

    Raises
    ------
    AnnotationError
        If the file is not such a mapping or an annotation breaks the schema.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, Mapping):
        raise AnnotationError(f"{path}: expected a mapping of article id to annotation")
    return {str(k): parse_annotation(str(k), v) for k, v in data.items()}


def split_paths(split: str, root: Path | None = None) -> tuple[Path, Path]:
    """Return the articles folder and the annotation file of a split.

    Parameters
    ----------
    split : str
        ``dev``, ``test`` or ``seeds``.
    root : Path, optional
        The evaluation folder; defaults to ``tests/data/extraction/``.

    Returns
    -------
    tuple of Path
        ``(articles folder, annotation file)``.
    """
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS}")
    root = root or EVAL_DIR
    articles = ARTICLES_DIR if split == "seeds" else root / split
    return articles, root / f"{split}.yaml"


def article_meta(article: Article) -> dict[str, str]:
    """Return the front matter fields the pipeline may use (``place`` when the article has it)."""
    return {k: v for k in _META_FIELDS if (v := getattr(article, k, ""))}


def analyze_article(article: Article) -> ArticleAnalysis:
    """Run the pipeline on one article as the store's build does: the body, plus its metadata."""
    return analyze_text(article.text, article_meta(article))


_NAME_SUFFIXES = frozenset(normalise(w) for w in lex.NAME_SUFFIXES)


def _speaker_key(wanted: str) -> str:
    """Return the word a speaker is known by: the last word, past a suffix ("Jr.", "III")."""
    words = normalise(wanted).split()
    if len(words) > 1 and words[-1].rstrip(".") in _NAME_SUFFIXES:
        return words[-2].rstrip(",")
    return words[-1]


def _speaker_matches(wanted: str, said: Iterable[str | None]) -> bool:
    key = _speaker_key(wanted)
    pattern = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
    return any(s and pattern.search(normalise(s)) for s in said)


def _excerpt_speakers(analysis: ArticleAnalysis, index: int) -> list[str | None]:
    speakers = [analysis.excerpts[index].speaker]
    speakers += [h.quote.speaker for h in analysis.quotes if h.excerpt == index]
    return speakers


def fact_holds(fact: Fact, analysis: ArticleAnalysis) -> bool:
    """Tell whether one excerpt of the analysis carries the fact (see the module docstring)."""
    phrase = normalise(fact.contains)
    for i, e in enumerate(analysis.excerpts):
        if fact.category not in e.categories or phrase not in normalise(e.text):
            continue
        if not {j for j, _ in e.jurisdictions} & set(fact.ids):
            continue
        if fact.category == "quote" and not _speaker_matches(fact.speaker, _excerpt_speakers(analysis, i)):
            continue
        return True
    return False


def _what_system_did(fact: Fact, analysis: ArticleAnalysis) -> list[str]:
    phrase = normalise(fact.contains)
    seen = []
    for i, e in enumerate(analysis.excerpts):
        if phrase in normalise(e.text):
            links = ", ".join(f"{j}({how})" for j, how in e.jurisdictions) or "no link"
            spk = "; ".join(sorted({s for s in _excerpt_speakers(analysis, i) if s})) or "-"
            seen.append(f"linked {links}; categories {'/'.join(e.categories)}; speaker {spk}")
    return seen or ["no excerpt contains the phrase (sentence not extracted, or split elsewhere)"]


def score_article(annotation: Annotation, analysis: ArticleAnalysis) -> ArticleScore:
    """Score one article's analysis against its annotation.

    Parameters
    ----------
    annotation : Annotation
    analysis : ArticleAnalysis
        What the pipeline extracted from that article.

    Returns
    -------
    ArticleScore
    """
    s = ArticleScore(annotation.article)
    mentioned: dict[str, str] = {}
    for m in analysis.mentions:
        mentioned.setdefault(m.jurisdiction, m.text)
    linked = {j for e in analysis.excerpts for j, _ in e.jurisdictions}
    for group in annotation.required:
        s.groups += 1
        if set(group) & set(mentioned):
            s.groups_found += 1
        else:
            s.missed_groups.append(group)
    right = {j for g in annotation.required for j in g} | set(annotation.optional)
    for j, text in mentioned.items():
        s.returned += 1
        if j in right:
            s.returned_right += 1
        else:
            s.wrong.append((j, text))
    names = {normalise(m.text): m for m in analysis.mentions}
    for f in annotation.forbidden:
        if f.id and (f.id in mentioned or f.id in linked):
            s.forbidden_hits.append((f, mentioned.get(f.id, "(excerpt link)")))
        elif f.name and (hit := names.get(normalise(f.name))):
            s.forbidden_hits.append((f, hit.jurisdiction))
    for fact in annotation.facts:
        s.facts[fact.category][1] += 1
        if fact_holds(fact, analysis):
            s.facts[fact.category][0] += 1
        else:
            s.missed_facts.append((fact, _what_system_did(fact, analysis)))
    return s


def load_split(split: str, root: Path | None = None) -> list[tuple[Article, Annotation]]:
    """Load the articles of a split with their annotations.

    Every annotated article must load and every article of the folder must be annotated (the
    seeds excepted: only annotated seeds are scored).

    Raises
    ------
    AnnotationError
        If an article cannot be loaded, is not annotated, or an annotation has no article.
    """
    folder, ann_path = split_paths(split, root)
    annotations = load_annotations(ann_path)
    paths = {p.stem: p for p in sorted(folder.glob("*.md"))}
    missing = sorted(set(annotations) - set(paths))
    if missing:
        raise AnnotationError(f"{ann_path}: annotated articles not found in {folder}: {missing}")
    if split != "seeds":
        unannotated = sorted(set(paths) - set(annotations))
        if unannotated:
            raise AnnotationError(f"{folder}: articles without annotation: {unannotated}")
    out = []
    for article_id, ann in annotations.items():
        article = load_article(paths[article_id], folder)
        if isinstance(article, ArticleError):
            raise AnnotationError(str(article))
        out.append((article, ann))
    return out


def score_split(
    split: str,
    root: Path | None = None,
    analyze: Callable[[Article], ArticleAnalysis] | None = None,
) -> SplitScore:
    """Run the pipeline on every article of a split and score it.

    Parameters
    ----------
    split : str
        ``dev``, ``test`` or ``seeds``.
    root : Path, optional
        The evaluation folder; defaults to ``tests/data/extraction/``.
    analyze : callable, optional
        ``Article -> ArticleAnalysis``; defaults to :func:`analyze_article`.

    Returns
    -------
    SplitScore
    """
    run = analyze or analyze_article
    result = SplitScore(split)
    start = time.perf_counter()
    for article, ann in load_split(split, root):
        result.articles.append(score_article(ann, run(article)))
    result.seconds = time.perf_counter() - start
    return result


def summary_rows(scores: Sequence[SplitScore]) -> list[list[str]]:
    """Build the printed table: one row per measure, one column per split."""

    def frac(num: int, den: int) -> str:
        return f"{num}/{den} ({100 * num / den:.0f}%)" if den else "-"

    rows = [["measure", *(s.split for s in scores)]]
    rows.append(["articles", *(str(len(s.articles)) for s in scores)])
    rows.append(["jurisdictions recall",
                 *(frac(s.total("groups_found"), s.total("groups")) for s in scores)])
    rows.append(["jurisdictions precision",
                 *(frac(s.total("returned_right"), s.total("returned")) for s in scores)])
    rows.append(["forbidden readings returned", *(str(s.forbidden) for s in scores)])
    rows.append(["facts", *(frac(*s.facts()) for s in scores)])
    for c in CATEGORIES:
        rows.append([f"  {c}", *(frac(*s.facts(c)) for s in scores)])
    rows.append(["seconds", *(f"{s.seconds:.1f}" for s in scores)])
    return rows
