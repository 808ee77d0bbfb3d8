"""Per-article extraction: mentions, excerpts and quotes, all as spans into the article body.

Jurisdictions are found by one call, :func:`geo.geoparse.geoparse`. Everything else here is
rules over the sentences of the article read in order:

- a sentence is an excerpt when it reports an enforcement action, a policy or direct speech
  (a short line without final punctuation is a heading, not an excerpt);
- an excerpt is linked to the jurisdictions it names (``named``) and to those it refers to
  (``context``): "the county", "the sheriff", "her department" -> the latest county named
  before it (else the article's most mentioned county, else the county of the latest city);
  "the city", "the mayor" -> the latest city; "the state" -> the latest state; "the area" ->
  the latest city or county; "these areas", "those locations", "the raid", "the new measures"
  -> the jurisdictions of the latest linked sentence (at most three sentences back);
- a jurisdiction is the article's *focus* when it carries a large share of the article's
  mentions and references, or when an enforcement or policy sentence of the lead names it;
  every other one is *passing*.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from news.articles import find_captions
from news.classify import Figure, categories, find_figures
from news.quotes import (
    Quote,
    Speaker,
    SpeakerContext,
    attribute_quote,
    attributed_after,
    find_quote_spans,
    has_speech_verb,
    is_speech,
    person_spans,
    sentence_speaker,
)
from news.text import Sentence, paragraphs, split_sentences

if TYPE_CHECKING:
    from geo.geoparse import Mention

PIPELINE_VERSION = "1"
LEAD_SENTENCES = 3
TOPIC_WINDOW = 3

_ANAPHORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "county",
        re.compile(
            r"\b(?:[Tt]he|[Tt]hat|[Tt]his) county(?:\b|['\u2019])"
            r"|\b[Tt]he sheriff(?:['\u2019]s?)?\b"
            r"|\b(?:[Hh]er|[Hh]is|[Tt]he) department(?:\b|['\u2019])|\blocal sheriff\b"
            r"|\bsheriff['\u2019]s (?:office|department)\b"
        ),
    ),
    (
        "place",
        re.compile(
            r"\b(?:[Tt]he|[Tt]hat|[Tt]his) (?:city|town|village)(?:\b|['\u2019])"
            r"|\b[Tt]he mayor\b|\b[Cc]ity (?:officials|council|hall|police)\b|\b[Tt]he police\b"
        ),
    ),
    (
        "state",
        re.compile(
            r"\b(?:[Tt]he|[Tt]hat|[Tt]his) state(?:\b|['\u2019])(?! (?:department|of the union))"
            r"|\b[Tt]he governor\b|\b[Tt]he legislature\b|\bGov\.|\bGovernor\b"
            r"|\bstate (?:law|officials|lawmakers|legislature)\b"
        ),
    ),
    ("area", re.compile(r"\b[Tt]he (?:area|region|metro area|jurisdiction|locality)\b")),
    (
        "topic",
        re.compile(
            r"\b(?:[Tt]hose|[Tt]hese) (?:places|communities|areas|locations|jurisdictions|cities|"
            r"localities|counties|states)\b|\b[Tt]he (?:new )?(?:measures?|polic(?:y|ies))\b"
            r"|\b[Tt]he (?:raids?|operations?|sweeps?|case|arrests)\b"
        ),
    ),
)

# A named operation ("Operation Safe City") is where it was first said to take place.
_OPERATION = re.compile(r"\b(?P<op>(?:Operation|Project) [A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3})")

_OFFICIAL_TITLES = (
    r"(?:Sheriff|Mayor|Police Chief|Chief of Police|Governor|Gov\.|County Executive|"
    r"District Attorney|County Judge|Councilman|Councilwoman|Councilmember|Commissioner)"
)
_OFFICIAL_NAME = r"(?P<name>[A-Z][a-z][\w'\-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z][\w'\-]*){0,2})"
_TITLE_AFTER_PLACE = re.compile(rf"[ \t]+(?:County[ \t]+)?{_OFFICIAL_TITLES}[ \t]+{_OFFICIAL_NAME}")
_TITLE_OF_PLACE = re.compile(rf"\b{_OFFICIAL_TITLES}[ \t]+{_OFFICIAL_NAME},?[ \t]+of[ \t]+(?:the[ \t]+)?$")

Geoparser = Callable[[str], Sequence["Mention"]]


@dataclass(frozen=True)
class MentionHit:
    """A jurisdiction named in the body (from the geoparser, after person names are removed)."""

    start: int
    end: int
    text: str
    jurisdiction: str
    method: str
    confidence: float


@dataclass(frozen=True)
class Excerpt:
    """A sentence that reports something, with what it is about.

    Attributes
    ----------
    start, end, text
        The sentence as a span of the body.
    categories : tuple of str
        Any of ``enforcement``, ``policy``, ``quote``.
    jurisdictions : tuple of (str, str)
        ``(jurisdiction id, how)`` with how ``named`` or ``context``.
    speaker : str or None
        Who is quoted or reported, as written (anaphors resolved).
    figures : tuple of Figure
    """

    start: int
    end: int
    text: str
    categories: tuple[str, ...]
    jurisdictions: tuple[tuple[str, str], ...]
    speaker: str | None
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class QuoteHit:
    """A direct quote and the index of its excerpt in :attr:`ArticleAnalysis.excerpts`."""

    quote: Quote
    excerpt: int


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything extracted from one article body.

    Attributes
    ----------
    mentions : tuple of MentionHit
    excerpts : tuple of Excerpt
    quotes : tuple of QuoteHit
    roles : tuple of (str, str, int)
        ``(jurisdiction id, role, number of mentions)``, role ``focus`` or ``passing``.
    """

    mentions: tuple[MentionHit, ...] = ()
    excerpts: tuple[Excerpt, ...] = ()
    quotes: tuple[QuoteHit, ...] = ()
    roles: tuple[tuple[str, str, int], ...] = field(default_factory=tuple)

    def to_json(self) -> dict:
        """JSON-ready form (the extraction cache stores it)."""
        return {
            "mentions": [list(_mention_row(m)) for m in self.mentions],
            "excerpts": [
                {
                    "start": e.start,
                    "end": e.end,
                    "categories": list(e.categories),
                    "jurisdictions": [list(j) for j in e.jurisdictions],
                    "speaker": e.speaker,
                    "figures": [f.as_dict() for f in e.figures],
                }
                for e in self.excerpts
            ],
            "quotes": [
                [q.quote.start, q.quote.end, q.quote.speaker, q.quote.speaker_start,
                 q.quote.speaker_end, q.quote.continued, q.excerpt]
                for q in self.quotes
            ],
            "roles": [list(r) for r in self.roles],
        }

    @classmethod
    def from_json(cls, data: Mapping, text: str) -> ArticleAnalysis:
        """Rebuild from :meth:`to_json` output and the body it was computed on."""
        mentions = tuple(
            MentionHit(s, e, text[s:e], j, meth, conf) for s, e, j, meth, conf in data["mentions"]
        )
        excerpts = tuple(
            Excerpt(
                x["start"],
                x["end"],
                text[x["start"] : x["end"]],
                tuple(x["categories"]),
                tuple((j, how) for j, how in x["jurisdictions"]),
                x["speaker"],
                tuple(Figure(**f) for f in x["figures"]),
            )
            for x in data["excerpts"]
        )
        quotes = tuple(
            QuoteHit(Quote(s, e, text[s:e], spk, ss, se, bool(c)), ex)
            for s, e, spk, ss, se, c, ex in data["quotes"]
        )
        roles = tuple((j, r, int(n)) for j, r, n in data["roles"])
        return cls(mentions, excerpts, quotes, roles)


def _mention_row(m: MentionHit) -> tuple:
    return (m.start, m.end, m.jurisdiction, m.method, m.confidence)


def kind_of(jurisdiction_id: str) -> str:
    """Tell the kind of a jurisdiction from the shape of its id.

    ``48`` is a state, ``48453`` a county, ``4805000`` a place, ``region:...`` a region.

    Parameters
    ----------
    jurisdiction_id : str

    Returns
    -------
    str
        ``state``, ``county``, ``place`` or ``region``.

    Raises
    ------
    ValueError
        For an id of no known shape.
    """
    if jurisdiction_id.startswith("region:"):
        return "region"
    kinds = {2: "state", 5: "county", 7: "place"}
    if jurisdiction_id.isdigit() and len(jurisdiction_id) in kinds:
        return kinds[len(jurisdiction_id)]
    raise ValueError(f"not a jurisdiction id: {jurisdiction_id!r}")


def _default_geoparser() -> Geoparser:
    from geo.geoparse import geoparse

    return geoparse


def _county_of_place(place_id: str) -> str | None:
    """Return the first county a place lies in, from the gazetteer (None if it knows none)."""
    from geo import JurisdictionNotFound, load_gazetteer

    try:
        parents = load_gazetteer().parents(place_id)
    except JurisdictionNotFound:
        return None
    return next((p.id for p in parents if p.kind == "county"), None)


def _mentions(text: str, geoparser: Geoparser) -> list[MentionHit]:
    people = person_spans(text)
    out = []
    for m in geoparser(text):
        start, end = int(m.start), int(m.end)
        if any(ps <= start and end <= pe for ps, pe in people):
            continue  # "Judge Andrew Austin": a person, whatever the geoparser thought
        out.append(
            MentionHit(start, end, text[start:end], str(m.jurisdiction_id), str(m.method),
                       float(m.confidence))
        )
    return out


def _find_quotes(
    text: str, sentences: list[Sentence], paras: list[tuple[int, int]], ctx: SpeakerContext
) -> tuple[dict[int, list[Quote]], dict[int, str]]:
    """Read the article in order: speech quotes and, for the other sentences, the speaker.

    Returns the quotes per sentence index (speakers attributed and resolved) and the resolved
    reporting subject of each sentence without a quote ("ICE denied ...", "He said ...").
    """
    spans = find_quote_spans(text, paras)
    by_sentence: dict[int, list[tuple[int, int, bool]]] = {}
    si = 0
    for s, e, cont in spans:
        while si < len(sentences) and sentences[si].end < s:
            si += 1
        if si < len(sentences) and sentences[si].start <= s:
            by_sentence.setdefault(si, []).append((s, e, cont))
    out: dict[int, list[Quote]] = {}
    reported: dict[int, str] = {}
    last: Quote | None = None
    last_para = -1
    for i, sent in enumerate(sentences):
        ctx.read_sentence(text, sent)
        cands = by_sentence.get(i, [])
        verb = has_speech_verb(sent.text) if cands else False
        quotes = [
            q for n, q in enumerate(cands)
            if is_speech(text[q[0] : q[1]], sent.text, verb)
            # the first half of a split quote: "We are," Emanuel added, "a welcoming city."
            or (len(text[q[0] : q[1]].split()) >= 2 and n + 1 < len(cands)
                and attributed_after(sent, q[1], cands[n + 1][0] - 1) is not None)
        ]
        if not quotes:
            spk = sentence_speaker(sent)
            if spk:
                reported[i] = ctx.resolve(spk).text
            continue
        found: list[Quote] = []
        for n, (s, e, cont) in enumerate(quotes):
            prev_end = quotes[n - 1][1] + 1 if n else sent.start
            next_start = quotes[n + 1][0] - 1 if n + 1 < len(quotes) else sent.end
            raw = attribute_quote(sent, s, e, prev_end, next_start)
            spk = ctx.resolve(raw) if raw else None
            if spk is None and found:
                spk = _speaker_of(found[-1])
            if spk is None and last is not None and sent.paragraph - last_para <= 1:
                # A quote alone in its paragraph continues the previous paragraph's speaker.
                spk = _speaker_of(last)
            if spk is None:
                q = Quote(s, e, text[s:e], None, None, None, cont)
            else:
                q = Quote(s, e, text[s:e], spk.text, spk.start, spk.end, cont)
            found.append(q)
        # Quotes attributed later in the sentence share that speaker ("...," he said. "...")
        first_spk = next((q for q in found if q.speaker), None)
        if first_spk is not None:
            found = [
                q if q.speaker else Quote(q.start, q.end, q.text, first_spk.speaker,
                                          first_spk.speaker_start, first_spk.speaker_end,
                                          q.continued)
                for q in found
            ]
        out[i] = found
        last = found[-1]
        last_para = sent.paragraph
    # A quote running over paragraphs is often attributed only in its last part.
    ordered = [(i, n) for i in sorted(out) for n in range(len(out[i]))]
    for (i, n), (j, m) in reversed(list(pairwise(ordered))):
        q, nxt = out[i][n], out[j][m]
        if q.speaker is None and q.continued and nxt.continued and nxt.speaker is not None:
            out[i][n] = Quote(q.start, q.end, q.text, nxt.speaker, nxt.speaker_start,
                              nxt.speaker_end, True)
    return out, reported


def _speaker_of(q: Quote) -> Speaker | None:
    if q.speaker is None or q.speaker_start is None or q.speaker_end is None:
        return None
    return Speaker(q.speaker, q.speaker_start, q.speaker_end)


def analyze_text(
    text: str,
    meta: Mapping | None = None,
    *,
    geoparser: Geoparser | None = None,
) -> ArticleAnalysis:
    """Extract mentions, excerpts and quotes from an article body; writes nothing.

    Parameters
    ----------
    text : str
        The body, exactly as it will be stored (offsets index into it).
    meta : mapping, optional
        The front matter, accepted for the add-article preview; extraction reads the body only
        (captions are found in it by their photo credit).
    geoparser : callable, optional
        ``text -> list of Mention``; defaults to :func:`geo.geoparse.geoparse`.

    Returns
    -------
    ArticleAnalysis
    """
    geoparser = geoparser or _default_geoparser()
    del meta  # the body alone decides what is extracted
    paras = paragraphs(text)
    sentences = split_sentences(text)
    mentions = _mentions(text, geoparser)
    ctx = SpeakerContext()
    quotes_by_sentence, reported = _find_quotes(text, sentences, paras, ctx)

    salience = Counter(m.jurisdiction for m in mentions)
    by_kind: dict[str, list[MentionHit]] = {}
    for m in mentions:
        by_kind.setdefault(kind_of(m.jurisdiction), []).append(m)

    def latest(kind: str, before: int) -> str | None:
        cands = [m for m in by_kind.get(kind, []) if m.start < before]
        if cands:
            return cands[-1].jurisdiction
        return None

    def most_salient(kind: str) -> str | None:
        ids = [j for j, _ in salience.most_common() if kind_of(j) == kind]
        return ids[0] if ids else None

    def resolve(kind: str, at: int, sentence_start: int) -> str | None:
        if kind == "county":
            # The sentence's own county, or the county of the city it names, comes first:
            # "raids in Austin ... her department" is Austin's county, not one named earlier.
            own = [m for m in mentions if sentence_start <= m.start < at]
            for m in reversed(own):
                k = kind_of(m.jurisdiction)
                if k == "county":
                    return m.jurisdiction
                if k == "place" and (c := _county_of_place(m.jurisdiction)):
                    return c
            j = latest("county", at) or most_salient("county")
            if j is None:
                place = latest("place", at) or most_salient("place")
                j = _county_of_place(place) if place else None
            return j
        if kind == "place":
            return latest("place", at) or most_salient("place")
        if kind == "state":
            return latest("state", at) or most_salient("state")
        # "the area": the nearest city or county before it
        cands = [
            m for m in mentions if m.start < at and kind_of(m.jurisdiction) in ("place", "county")
        ]
        return cands[-1].jurisdiction if cands else None

    officials = _officials(text, mentions)
    # A short line of its own without final punctuation is a heading or a label ("Arrests"),
    # not a report.
    headings = {
        (s, e) for s, e in paras
        if len(text[s:e].split()) <= 6 and text[e - 1] not in ".!?\"\u201d\u2019"
    }
    excerpts: list[Excerpt] = []
    quote_hits: list[QuoteHit] = []
    topic: list[tuple[int, tuple[str, ...]]] = []  # (sentence index, linked ids)
    references: Counter[str] = Counter()
    operations: dict[str, tuple[str, ...]] = {}  # "Operation Safe City" -> where it took place
    captions = find_captions(text)
    mi = 0
    for si, sent in enumerate(sentences):
        named: list[str] = []
        while mi < len(mentions) and mentions[mi].start < sent.end:
            if mentions[mi].start >= sent.start:
                named.append(mentions[mi].jurisdiction)
            mi += 1
        context: list[str] = []
        for kind, pattern in _ANAPHORS:
            for match in pattern.finditer(sent.text):
                if kind == "topic":
                    recent = [ids for k, ids in topic if si - k <= TOPIC_WINDOW]
                    if recent and not named:
                        context.extend(recent[-1])
                    continue
                j = resolve(kind, sent.start + match.start(), sent.start)
                if j:
                    context.append(j)
                    references[j] += 1
                break
        for match in _OPERATION.finditer(sent.text):
            op = match.group("op")
            if op in operations:
                context.extend(operations[op])
            elif named:
                operations[op] = tuple(dict.fromkeys(named))
        quotes = quotes_by_sentence.get(si, [])
        if quotes:
            speaker = next((q.speaker for q in quotes if q.speaker), None)
        else:
            speaker = reported.get(si)
        if speaker:
            # "Sheriff Jane Doe said" after "Sangamon County Sheriff Jane Doe": her county.
            surname = speaker.split()[-1]
            if surname in officials:
                context.append(officials[surname])
        named_u = tuple(dict.fromkeys(named))
        context_u = tuple(j for j in dict.fromkeys(context) if j not in named_u)
        in_caption = any(cs <= sent.start < ce for cs, ce in captions)
        if (named_u or context_u) and not in_caption:
            topic.append((si, named_u + context_u))
        cats = categories(sent.text, bool(quotes))
        if not cats or (sent.start, sent.end) in headings:
            continue
        ex = Excerpt(
            start=sent.start,
            end=sent.end,
            text=sent.text,
            categories=cats,
            jurisdictions=tuple((j, "named") for j in named_u)
            + tuple((j, "context") for j in context_u),
            speaker=speaker,
            figures=tuple(find_figures(text, sent.start, sent.end)),
        )
        for q in quotes:
            quote_hits.append(QuoteHit(q, len(excerpts)))
        excerpts.append(ex)

    roles = _roles(mentions, excerpts, references, sentences, captions)
    return ArticleAnalysis(tuple(mentions), tuple(excerpts), tuple(quote_hits), roles)


def _officials(text: str, mentions: list[MentionHit]) -> dict[str, str]:
    """Map officials' surnames to their jurisdiction.

    Recognised forms: "Sangamon County Sheriff Jane Doe", "Madison Mayor Paul Soglin" (a
    jurisdiction right before a title) and "Sheriff Jane Doe of Sangamon County" (after it).
    """
    out: dict[str, str] = {}
    for m in mentions:
        after = _TITLE_AFTER_PLACE.match(text, m.end)
        if after:
            out[after.group("name").split()[-1]] = m.jurisdiction
        before = _TITLE_OF_PLACE.search(text, max(0, m.start - 80), m.start)
        if before:
            out[before.group("name").split()[-1]] = m.jurisdiction
    return out


def _roles(
    mentions: list[MentionHit],
    excerpts: list[Excerpt],
    references: Counter[str],
    sentences: list[Sentence],
    captions: tuple[tuple[int, int], ...],
) -> tuple[tuple[str, str, int], ...]:
    counts = Counter(m.jurisdiction for m in mentions)
    score = Counter(counts) + references
    if not score:
        return ()
    threshold = max(2.0, 0.4 * max(score.values()))
    body = [s for s in sentences if not any(cs <= s.start < ce for cs, ce in captions)]
    lead_end = body[min(LEAD_SENTENCES, len(body)) - 1].end if body else 0
    lead_reporting: set[str] = set()
    reporting: set[str] = set()
    for e in excerpts:
        if {"enforcement", "policy"} & set(e.categories):
            ids = {j for j, _ in e.jurisdictions}
            reporting |= ids
            if e.start < lead_end and not any(cs <= e.start < ce for cs, ce in captions):
                lead_reporting |= {j for j, how in e.jurisdictions if how == "named"}
    roles = []
    for j in sorted(score, key=lambda j: (-score[j], j)):
        focus = (score[j] >= threshold and j in reporting) or j in lead_reporting
        roles.append((j, "focus" if focus else "passing", counts.get(j, 0)))
    return tuple(roles)

