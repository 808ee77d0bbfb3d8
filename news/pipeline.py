"""Per-article extraction: mentions, excerpts and quotes, all as spans into the article body.

:func:`analyze_text` is a sequence of named steps over one shared text layer
(:func:`geo.text.text_layer`):

1. :func:`find_mentions`: the jurisdictions the body names (:func:`geo.geoparse.geoparse`);
2. :func:`find_speech`: direct quotes and who said them, and the reporting subject of every
   other sentence, read in order (anaphors resolved, a quote's speaker also found in the
   sentence or paragraph next to it);
3. :func:`link_and_classify`: every sentence linked to the jurisdictions it reports about
   (:mod:`news.linking`, each link recording how it was made) and classified; a sentence that
   reports an enforcement action, a policy or direct speech is an excerpt (a short line
   without final punctuation is a heading, not an excerpt);
4. :func:`article_roles`: a jurisdiction is the article's *focus* when it carries a large share
   of the article's mentions and references, or when an enforcement or policy sentence of the
   lead names it; every other one is *passing*.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from geo import _lexicon as lex
from geo.geoparse import GeoContext
from geo.scoring import DISTRICT_METHOD
from geo.text import PERSON_NAME, Sentence, TextLayer, alternation, double_marked, text_layer
from news.articles import find_captions
from news.classify import Figure, categories, find_figures
from news.linking import CONTEXT_METHODS, Linker, end_of_lead, in_spans, kind_of
from news.quotes import (
    COLON_BEFORE,
    Quote,
    Speaker,
    SpeakerContext,
    attribute_quote,
    attributed_after,
    attribution_sentence,
    colon_subject,
    commas_for_dashes,
    find_quote_spans,
    has_speech_verb,
    is_speech,
    named_as,
    named_later,
    opening_attribution,
    reads_as_name,
    sentence_speaker,
    speaker_line,
)

if TYPE_CHECKING:
    from geo.geoparse import Mention

PIPELINE_VERSION = "2"

# A named operation ("Operation Safe City") is where it was first said to take place.
# "The list included five Kansas counties: ...", "The measure covers Dane and Rock counties": an
# act told of just before, as the subject of a sentence that names where it applies.
_ACT_SUBJECT = re.compile(
    rf"^[\"\u201c(]?(?:The|This|That|These|Those|Its|Their)[ \t]+(?:[a-z\-]+[ \t]+)?"
    rf"(?:{alternation(lex.ACT_NOUNS)})\b"
)
# How many sentences back the act a subject refers to may have been reported.
ACT_SUBJECT_WINDOW = 4
_OPERATION = re.compile(r"\b(?P<op>(?:Operation|Project) [A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3})")
# (what it opens on, found by a fast scan for the words: most sentences name no operation)
_NAMES_OPERATION = re.compile(r"(?:Operation|Project) [A-Z]")

__all__ = ["ArticleAnalysis", "Excerpt", "MentionHit", "QuoteHit", "analyze_text", "kind_of"]

Geoparser = Callable[[str], Sequence["Mention"]]  # text -> mentions (tests pass their own)


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
        ``(jurisdiction id, how)``, how one of :data:`news.linking.LINK_CONFIDENCE` (``named``,
        ``affiliation``, ``institution``, ``coreference``, ``dateline``, ``focus``).
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


def outlet_context(meta: Mapping | None) -> GeoContext | None:
    """Return the geoparser's context from front matter's ``place`` ("Smyrna, DE"), if any.

    A place that names no US state is ignored here: the article loader refuses it with a reason.
    """
    place = str((meta or {}).get("place") or "").strip()
    if not place:
        return None
    try:
        return GeoContext.from_place(place)
    except ValueError:
        return None


def _default_geoparser() -> Callable[..., Sequence[Mention]]:
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


_CITY_OF_COUNTY: dict[str, str | None] = {}


def _city_of_county(county_id: str) -> str | None:
    """Return the city that is the same government as a county (an independent city), or None.

    "Norfolk city" (51710), a county-equivalent, is the city of Norfolk (5157000).
    """
    if county_id in _CITY_OF_COUNTY:
        return _CITY_OF_COUNTY[county_id]
    from geo import load_gazetteer

    gaz = load_gazetteer()
    county = gaz.find(county_id)
    found = None
    if county is not None and county.kind == "county" and county.lsad == "city":
        name = county.name.removesuffix(" city")
        found = next((c.id for c in gaz.children(county_id) if c.kind == "place"
                      and c.name == name and c.parents[:1] == (county_id,)), None)
    _CITY_OF_COUNTY[county_id] = found
    return found


def find_mentions(
    layer: TextLayer, geoparser: Geoparser | None = None, context: GeoContext | None = None
) -> list[MentionHit]:
    """Step 1: the jurisdictions the body names, people's names left out.

    Parameters
    ----------
    layer : TextLayer
        The body's text layer.
    geoparser : callable, optional
        ``text -> list of Mention``; :func:`geo.geoparse.geoparse` (given the layer) by default.
    context : GeoContext, optional
        The outlet's home, for the default geoparser: it decides bare local names.

    Returns
    -------
    list of MentionHit
        In order of the body.
    """
    text = layer.text
    found = (geoparser(text) if geoparser is not None
             else _default_geoparser()(text, layer=layer, context=context))
    speakers = _speaker_names(text) if found else []
    surnames = {text[s:e].split()[-1] for s, e in speakers}
    out = []
    for m in found:
        start, end = int(m.start), int(m.end)
        if layer.in_person(start, end):
            continue  # "Judge Andrew Austin": a person, whatever the geoparser thought
        if getattr(m, "part_of", ""):
            continue  # "Ohio State University": named, but not a place the article reports on
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e in speakers) \
                or text[start:end] in surnames:
            continue  # "said Ann Warren", later "Warren": a speaker's name, not Warren, MI
        out.append(
            MentionHit(start, end, text[start:end], str(m.jurisdiction_id), str(m.method),
                       float(m.confidence))
        )
    return out


# A full name next to a reporting verb: "said Ann Warren.", "Ann Warren, whose son was held, said".
_SPEAKER_NAME = re.compile(
    rf"\b(?:{alternation(lex.REPORTING_VERBS)})[ \t]+(?P<a>{PERSON_NAME})(?=[ \t]*(?:[,.;]|$))"
    rf"|(?P<b>{PERSON_NAME})(?:,[^,\"\u201c\u201d]{{1,60}},)?[ \t]+(?:{alternation(lex.SPEECH_VERBS)})\b"
)
# "Ann Ruiz said": a person who speaks (inside a quote span, its end was misread).
_SAYS = re.compile(rf"[ \t]+(?:{alternation(lex.SPEECH_VERBS)})\b")
# (a direction before a name makes it a region's: "Southeastern Massachusetts revealed")
_NOT_NAME_WORDS = lex.TITLES | lex.PLACE_WORDS | lex.FUNCTION_WORDS | lex.CALENDAR \
    | lex.MEDIA_WORDS | lex.PLACE_MODIFIERS


def _speaker_names(text: str) -> list[tuple[int, int]]:
    """Spans of people's full names written beside a reporting verb.

    A place the geoparser found inside one but not the whole of it is part of a name ("said
    Ann Warren"), and so is the surname alone later; a whole run that is a place ("Kansas City
    said") is left to the geoparser.
    """
    out = []
    for m in _SPEAKER_NAME.finditer(text):
        group = "a" if m.group("a") else "b"
        start, end = m.span(group)
        # "Denver\u2019s Mike Johnston says": a possessive before the name is whose the person
        # is (a place's, an agency's), not a word of the name
        owner = _POSSESSIVE_WORD.search(text, start, end)
        if owner is not None:
            start = owner.end()
        words = text[start:end].split()
        if len(words) >= 2 and _NOT_NAME_WORDS.isdisjoint(words):
            out.append((start, end))
    return out


_POSSESSIVE_WORD = re.compile(r"\w['\u2019]s?[ \t]+(?=[A-Z])")


@dataclass(frozen=True)
class Speech:
    """Step 2's result: who speaks where.

    Attributes
    ----------
    quotes : dict
        Sentence index -> its direct quotes, speakers attributed and resolved.
    reported : dict
        Sentence index (of a sentence without a quote) -> its resolved reporting subject.
    persons : dict
        Sentence index -> the last person named before it (what "he"/"she" stands for).
    """

    quotes: dict[int, list[Quote]]
    reported: dict[int, str]
    persons: dict[int, str]

    def speaker(self, index: int) -> str | None:
        """Who speaks in a sentence: its first attributed quote, else its reporting subject."""
        quotes = self.quotes.get(index, [])
        if quotes:
            return next((q.speaker for q in quotes if q.speaker), None)
        return self.reported.get(index)


def _quote_candidates(
    text: str, sentences: Sequence[Sentence], paras: Sequence[tuple[int, int]]
) -> dict[int, list[tuple[int, int, bool]]]:
    """Quoted spans per sentence index."""
    by_sentence: dict[int, list[tuple[int, int, bool]]] = {}
    si = 0
    for s, e, cont in find_quote_spans(text, list(paras)):
        while si < len(sentences) and sentences[si].end < s:
            si += 1
        if si < len(sentences) and sentences[si].start <= s:
            by_sentence.setdefault(si, []).append((s, e, cont))
    return by_sentence


_ASKED_OR_EXCLAIMED = ("?\u201d", "!\u201d", "?\"", "!\"")


def _paragraph_speaker(
    sentences: Sequence[Sentence], i: int, ctx: SpeakerContext, continues: bool = False,
    after_speech: bool = False,
) -> Speaker | None:
    """Find a quote's speaker in the sentences next to it.

    A following short attribution ("Ruiz said.") in its paragraph or the next, or a
    preceding sentence ending in a colon. A quote that ``continues`` an attributed quote of its
    own paragraph ('"...," Ruiz said. "We mean it."') takes no attribution from the next
    paragraph: that one opens with someone else's words ("Sheriff Tom Berg said ...");
    a quote paragraph ``after_speech`` (the paragraph before it quoted someone) takes from the
    next paragraph only a bare attribution ("Berg said."), not one that reports something of
    its own ("Chicago Mayor Tom Berg said police will not help."): the quote continues the
    speaker before, as in one-sentence paragraphs.
    """
    sent = sentences[i]
    reach = 0 if continues else 1
    if i + 1 < len(sentences) and sentences[i + 1].paragraph - sent.paragraph <= reach:
        spk = attribution_sentence(sentences[i + 1], bare=after_speech
                                   and sentences[i + 1].paragraph != sent.paragraph)
        if spk is None and sentences[i + 1].paragraph == sent.paragraph \
                and sent.text.rstrip().endswith(_ASKED_OR_EXCLAIMED):
            # '"... than Trump?" Penzone asked during an interview ..., referring to ...': the
            # split after the question mark cut the quote from its attribution
            spk = opening_attribution(sentences[i + 1])
        if spk is not None:
            return ctx.resolve(spk)
    if i > 0 and sentences[i - 1].text.rstrip().endswith(":"):
        spk = sentence_speaker(sentences[i - 1]) or colon_subject(sentences[i - 1])
        if spk is not None:
            return ctx.resolve(spk)
    line = sentences[i - 1] if i > 0 else None
    if line is not None and line.paragraph == sent.paragraph - 1 \
            and (i < 2 or sentences[i - 2].paragraph != line.paragraph):
        # A paragraph that only names someone ("Ann Ruiz, director of the Lakeview Justice
        # Center") over the quote paragraph: theirs, as a transcript's turn is
        spk = speaker_line(line)
        if spk is not None and spk.start not in ctx.places:
            return ctx.resolve(spk)
    return None


def find_speech(layer: TextLayer, mentions: Sequence[MentionHit] = ()) -> Speech:
    """Step 2: direct quotes and, for the other sentences, the speaker, read in order.

    Parameters
    ----------
    layer : TextLayer
    mentions : sequence of MentionHit
        The places named: a sentence's subject there is a place, not a person "he" stands for.

    Returns
    -------
    Speech
    """
    text, sentences = layer.text, layer.sentences
    read = commas_for_dashes(text)
    if read is not text:
        # Attributions are read with dashed appositives as comma ones; quotes from the text.
        sentences = tuple(Sentence(s.start, s.end, read[s.start : s.end], s.paragraph)
                          for s in sentences)
    if (opening := layer.dateline_end) is not None and layer.dateline is not None \
            and any(layer.dateline[0] <= m.start < layer.dateline[1] for m in mentions):
        # The dateline (a place's, not "Javier Salazar — the sheriff — says") is no
        # sentence's subject: "NEWBURGH, N.Y. (AP) — Ann Ruiz, the mayor's press
        # secretary, said ..." is read from "Ann Ruiz".
        sentences = tuple(Sentence(opening, s.end, read[opening : s.end], s.paragraph)
                          if s.start <= opening < s.end else s for s in sentences)
    by_sentence = _quote_candidates(text, sentences, layer.paragraphs)
    ctx = SpeakerContext(places=frozenset(m.start for m in mentions), text=text)
    out: dict[int, list[Quote]] = {}
    reported: dict[int, str] = {}
    persons: dict[int, str] = {}
    last: Quote | None = None
    last_para = -1
    prose_before = _prose_before(layer)
    guessed: set[tuple[int, int]] = set()  # (sentence, quote) whose speaker is a guess
    for i, sent in enumerate(sentences):
        if ctx.persons:
            persons[i] = ctx.persons[-1].text
            lead = _LEAD_PRONOUN.match(sent.text)
            if lead:
                # "She said the county ...": the last person of her sex, when the article told
                sex = lex.GENDER_PRONOUNS[lead.group(1).lower()]
                persons[i] = next((p.text for p in reversed(ctx.persons)
                                   if ctx.genders.get(p.text.split()[-1], sex) == sex),
                                  persons[i])
        ctx.read_sentence(text, sent)
        cands = by_sentence.get(i, [])
        verb = has_speech_verb(sent.text) if cands else False
        before = prose_before[sent.paragraph]
        follows_speech = last is not None and last_para >= before
        introduced = bool(cands) and i > 0 and sentences[i - 1].text.rstrip().endswith(":")
        quotes = [
            q for n, q in enumerate(cands)
            if is_speech(text[q[0] : q[1]], sent.text, verb)
            # the first half of a split quote: "We are," Emanuel added, "a welcoming city."
            or (len(text[q[0] : q[1]].split()) >= 2 and n + 1 < len(cands)
                and attributed_after(sent, q[1], cands[n + 1][0] - 1) is not None)
            # a whole sentence of two words or more, however few, that is speech after speech
            # ('"...," Ruiz said. "We mean it."'), a quote a colon introduces ('Ruiz released a
            # statement saying:' then '"We do not conduct raids."') or part of a quote running
            # over paragraphs (q[2]: '"We needed beds.' then a paragraph opening '"They ...')
            or ((follows_speech or introduced or q[2]) and _whole_sentence(sent, q)
                and len(text[q[0] : q[1]].split()) >= 2)
            # ... or a colon introduces in its own sentence, to the sentence's end: 'As Ruiz
            # put it: "We are not criminals."'
            or (sent.end - q[1] <= 3 and len(text[q[0] : q[1]].split()) >= 2
                and COLON_BEFORE.search(text, sent.start, q[0]) is not None)
            # a quote that is its whole paragraph, of three words or more not all capitalised
            # (a name or a title): '"We are not immigration agents."' alone, then the speaker's
            # paragraph; a scare quote stands inside a sentence, never alone
            or _whole_paragraph(text, layer.paragraphs[sent.paragraph], q)
            # what the subject calls something, however short: 'called the plan a "disaster"'
            or (not reads_as_name(text[q[0] : q[1]].split())
                and named_as(text, sent.start, q[0]))
        ]
        if not quotes:
            spk = sentence_speaker(sent)
            if spk:
                reported[i] = ctx.resolve(spk).text
            continue
        found: list[Quote] = []
        recent_from = layer.paragraphs[max(0, before)][0]
        for n, (s, e, cont) in enumerate(quotes):
            prev_end = quotes[n - 1][1] + 1 if n else sent.start
            next_start = quotes[n + 1][0] - 1 if n + 1 < len(quotes) else sent.end
            raw = attribute_quote(sent, s, e, prev_end, next_start)
            spk = ctx.resolve(raw) if raw else None
            if spk is None and found:
                spk = _speaker_of(found[-1])
            if spk is None:
                spk = _paragraph_speaker(sentences, i, ctx, continues=last is not None
                                         and last_para == sent.paragraph
                                         and last.speaker is not None,
                                         after_speech=follows_speech and last is not None
                                         and last.speaker is not None and not cont)
            if spk is None and last is not None and last_para >= before:
                # A quote alone in its paragraph continues the previous paragraph's speaker.
                spk = _speaker_of(last)
                guessed.add((i, n))
            outside = [p for p in ctx.persons[-3:] if p.start >= recent_from
                       and (not s <= p.start < e or _SAYS.match(text, p.end))] \
                if spk is None else []
            if outside:
                # A quote paragraph after one that introduces a person is theirs: "Sheriff
                # Ann Ruiz signed the agreement." then "'We will do everything we can.'" (not a
                # person the quote itself names: "as 'a rejection of President Trump's ...'")
                spk = outside[-1]
                guessed.add((i, n))
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
    _carry_back_speakers(out, guessed)
    for found in out.values():
        # '"...," a sheriff's spokesperson said.', named further on
        for n, q in enumerate(found):
            spk = _speaker_of(q)
            later = named_later(text, spk) if spk is not None else None
            if later is not None:
                found[n] = Quote(q.start, q.end, q.text, later.text, later.start, later.end,
                                 q.continued)
    return Speech(out, reported, persons)


_LEAD_PRONOUN = re.compile(r"^[\"\u201c(]?(He|She|His|Her)\b")


def _prose_before(layer: TextLayer) -> list[int]:
    """For each paragraph, the paragraph of prose before it (-1 for none).

    A line without final punctuation between two paragraphs ("Related: ...", a heading) is
    page furniture: a quote after it still continues, or is introduced by, the prose before.
    """
    out, last = [], -1
    for n, (_, e) in enumerate(layer.paragraphs):
        out.append(last)
        if layer.text[e - 1] in ".!?:\"'\u201d\u2019)":
            last = n
    return out


def _whole_paragraph(text: str, para: tuple[int, int], quote: tuple[int, int, bool]) -> bool:
    """Whether a quote of three words or more, not all capitalised, is its whole paragraph."""
    if quote[0] - para[0] > 1 or para[1] - quote[1] > 3:
        return False
    words = text[quote[0] : quote[1]].split()
    return len(words) >= 3 and not reads_as_name(words)


def _whole_sentence(sent: Sentence, quote: tuple[int, int, bool]) -> bool:
    """Whether a quote is the whole sentence, give or take its marks and punctuation."""
    return quote[0] - sent.start <= 1 and sent.end - quote[1] <= 3


def _carry_back_speakers(out: dict[int, list[Quote]], guessed: set[tuple[int, int]]) -> None:
    """Give an unattributed part of a quote running over paragraphs its last part's speaker.

    A speaker only guessed from the paragraphs before (``guessed``) gives way to the one the
    quote's last part is attributed to: the attribution closes the whole quote.
    """
    ordered = [(i, n) for i in sorted(out) for n in range(len(out[i]))]
    for (i, n), (j, m) in reversed(list(pairwise(ordered))):
        q, nxt = out[i][n], out[j][m]
        if (q.speaker is None or (i, n) in guessed) and q.continued and nxt.continued \
                and nxt.speaker is not None and (j, m) not in guessed:
            out[i][n] = Quote(q.start, q.end, q.text, nxt.speaker, nxt.speaker_start,
                              nxt.speaker_end, True)
            guessed.discard((i, n))


def _speaker_of(q: Quote) -> Speaker | None:
    if q.speaker is None or q.speaker_start is None or q.speaker_end is None:
        return None
    return Speaker(q.speaker, q.speaker_start, q.speaker_end)


def _headings(layer: TextLayer) -> set[tuple[int, int]]:
    """Short lines of their own without final punctuation: headings and labels ("Arrests")."""
    text = layer.text
    return {
        (s, e) for s, e in layer.paragraphs
        if len(text[s:e].split()) <= 6 and text[e - 1] not in ".!?\"\u201d\u2019"
    }


def _home(context: GeoContext | None) -> tuple[str | None, str | None]:
    """Return the outlet's home as (state id, place or county id), each None when unknown."""
    if context is None:
        return None, None
    from geo import load_gazetteer

    try:
        return context.resolve(load_gazetteer())
    except ValueError:
        return None, None


def link_and_classify(
    layer: TextLayer,
    mentions: Sequence[MentionHit],
    speech: Speech,
    captions: Sequence[tuple[int, int]],
    context: GeoContext | None = None,
    *,
    marked: TextLayer | None = None,
) -> tuple[list[Excerpt], list[QuoteHit]]:
    """Step 3: link every sentence to what it reports about; keep the ones that report.

    Parameters
    ----------
    layer : TextLayer
    mentions : sequence of MentionHit
    speech : Speech
    captions : sequence of (int, int)
        The body's photo captions (``news.articles.find_captions``).
    context : GeoContext, optional
        The outlet's home: it decides the article's focus between equals (:class:`Linker`).
    marked : TextLayer, optional
        The layer with quotes in single marks written in double ones
        (:func:`geo.text.double_marked`): the linker reads that one; excerpts keep the body's text.

    Returns
    -------
    (list of Excerpt, list of QuoteHit)
    """
    text = layer.text
    linker = Linker(
        marked or layer, [(m.start, m.end, m.jurisdiction) for m in mentions], _county_of_place,
        _home(context), captions, _city_of_county,
        frozenset(m.start for m in mentions if m.method.startswith(DISTRICT_METHOD)),
    )
    focus_ids = set(linker.focus.by_kind.values())
    headings = _headings(layer)
    operations: dict[str, tuple[str, ...]] = {}  # "Operation Safe City" -> where it took place
    excerpts: list[Excerpt] = []
    quote_hits: list[QuoteHit] = []
    named_in = _named_per_sentence(layer.sentences, mentions)
    lists = _colon_lists(layer)
    list_items = {j: i for i, items in lists.items() for j in items}
    categories_of: dict[int, tuple[str, ...]] = {}
    for si, sent in enumerate(layer.sentences):
        # A sentence that introduces a list ("These counties said they will not honor
        # detainers:") names the places of its items.
        named = list(dict.fromkeys(
            named_in[si] + [j for k in lists.get(si, ()) for j in named_in[k]]
        ))
        operation_places: list[str] = []
        for m in _OPERATION.finditer(sent.text) if _NAMES_OPERATION.search(sent.text) else ():
            op = m.group("op")
            if op in operations:
                operation_places.extend(operations[op])
            elif named:
                operations[op] = tuple(named)
        speaker = speech.speaker(si)
        quotes = speech.quotes.get(si, [])
        cats = categories(sent.text, bool(quotes))
        item_of = list_items.get(si)
        figures = tuple(find_figures(text, sent.start, sent.end)) \
            if cats or item_of is not None else ()
        if item_of is not None and not cats and figures:
            cats = categories_of.get(item_of, ())  # "- Denver: 2,500" reports what its list does
        if not cats and named and _ACT_SUBJECT.match(sent.text):
            # "The list included five Kansas counties: ...": what the act reported just before is
            cats = next((c for k in range(si - 1, max(-1, si - 1 - ACT_SUBJECT_WINDOW), -1)
                         if (c := tuple(x for x in categories_of.get(k, ()) if x != "quote"))),
                        ())
        categories_of[si] = cats
        links = linker.link(si, named, speaker, speech.persons.get(si), bool(cats))
        # A statewide voice (a state association's spokeswoman, the attorney general, a
        # legislator) quoted in an article about one county or city speaks about it too; the
        # legislator's district tag ("Assemblyman Ann Ruiz, D-Las Vegas,") and the focus's own
        # bodies ("jails") do not make the quote another place's.
        voice: list[tuple[str, str]] = []
        if quotes:
            tags = linker.tag_named(si)
            voice = [(j, how) for j, how in links
                     if not (how == "named" and j in tags)
                     and not (how in CONTEXT_METHODS and j in focus_ids and kind_of(j) != "state")]
        if voice and all(kind_of(j) == "state" and how in _THROUGH_SPEAKER for j, how in voice):
            local = linker.focus.get("local")
            if local and local[:2] == voice[0][0] and not linker.focus.state_prominent \
                    and all(j != local for j, _ in links):
                links += ((local, "focus"),)
        if operation_places:
            linked = {j for j, _ in links}
            links += tuple((j, "coreference") for j in dict.fromkeys(operation_places)
                           if j not in linked)
        if not cats or ((sent.start, sent.end) in headings and item_of is None):
            continue
        for q in quotes:
            quote_hits.append(QuoteHit(q, len(excerpts)))
        excerpts.append(Excerpt(
            start=sent.start,
            end=sent.end,
            text=sent.text,
            categories=cats,
            jurisdictions=links,
            speaker=speaker,
            figures=figures,
        ))
    return excerpts, quote_hits


_THROUGH_SPEAKER = frozenset({"affiliation", "institution"})


def _named_per_sentence(
    sentences: Sequence[Sentence], mentions: Sequence[MentionHit]
) -> list[list[str]]:
    """Return the jurisdictions each sentence names, in order, each once."""
    out: list[list[str]] = []
    mi = 0
    for sent in sentences:
        named: list[str] = []
        while mi < len(mentions) and mentions[mi].start < sent.end:
            if mentions[mi].start >= sent.start:
                named.append(mentions[mi].jurisdiction)
            mi += 1
        out.append(list(dict.fromkeys(named)))
    return out


_BULLET = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25e6\u2023*\-\u2013\u2014]|\d{1,2}[.)])[ \t]")
LIST_ITEM_WORDS = 8  # an unmarked list item is a short line without final punctuation


def _colon_lists(layer: TextLayer) -> dict[int, list[int]]:
    """Find lists introduced by a sentence that ends its paragraph with a colon.

    Returns intro sentence index -> its item sentences.

    An item is a paragraph that opens with a bullet or a number ("- Denver: 2,500", "1) Lake
    County"), or a short line without final punctuation.
    """
    sentences = layer.sentences
    out: dict[int, list[int]] = {}
    for i, sent in enumerate(sentences):
        if not sent.text.endswith(":") or (
            i + 1 < len(sentences) and sentences[i + 1].paragraph == sent.paragraph
        ):
            continue
        items: list[int] = []
        j = i + 1
        while j < len(sentences):
            t = sentences[j].text
            bullet = _BULLET.match(t) is not None
            short = len(t.split()) <= LIST_ITEM_WORDS and t[-1] not in ".!?\"\u201d"
            if not (bullet or short) or (items and sentences[j].paragraph
                                          == sentences[items[-1]].paragraph and not bullet):
                break
            items.append(j)
            j += 1
        if items:
            out[i] = items
    return out


def analyze_text(
    text: str,
    meta: Mapping | None = None,
    *,
    geoparser: Geoparser | None = None,
    layer: TextLayer | None = None,
) -> ArticleAnalysis:
    """Extract mentions, excerpts and quotes from an article body; writes nothing.

    The entry point of the store build, the add-article preview and ``bench/extraction.py``.

    Parameters
    ----------
    text : str
        The body, exactly as it will be stored (offsets index into it).
    meta : mapping, optional
        The front matter. Extraction reads the body, and ``place`` (the outlet's home, "Smyrna,
        DE") as the geoparser's context; captions are found in the body by their photo credit.
    geoparser : callable, optional
        ``text -> list of Mention``; defaults to :func:`geo.geoparse.geoparse`.
    layer : TextLayer, optional
        The body's text layer, when the caller has it already.

    Returns
    -------
    ArticleAnalysis
    """
    layer = layer if layer is not None else text_layer(text)
    context = outlet_context(meta)
    mentions = find_mentions(layer, geoparser, context)
    # Quotes in single marks are read as double ones are (the marks only: offsets are kept).
    marked = double_marked(layer)
    speech = find_speech(marked, mentions)
    captions = find_captions(layer.text)
    excerpts, quote_hits = link_and_classify(layer, mentions, speech, captions, context,
                                             marked=marked)
    roles = article_roles(layer, mentions, excerpts, captions)
    return ArticleAnalysis(tuple(mentions), tuple(excerpts), tuple(quote_hits), roles)


def article_roles(
    layer: TextLayer, mentions: Sequence[MentionHit], excerpts: Sequence[Excerpt],
    captions: Sequence[tuple[int, int]],
) -> tuple[tuple[str, str, int], ...]:
    """Step 4: each jurisdiction's role in the article, ``focus`` or ``passing``.

    Parameters
    ----------
    layer : TextLayer
    mentions : sequence of MentionHit
    excerpts : sequence of Excerpt
    captions : sequence of (int, int)
        The body's photo captions (``news.articles.find_captions``): not part of the lead.

    Returns
    -------
    tuple of (str, str, int)
        ``(jurisdiction id, role, number of mentions)``.
    """
    counts = Counter(m.jurisdiction for m in mentions)
    references = Counter(
        j for e in excerpts for j, how in e.jurisdictions
        if how in CONTEXT_METHODS - {"focus", "dateline"}
    )
    score = Counter(counts) + references
    if not score:
        return ()
    threshold = max(2.0, 0.4 * max(score.values()))
    lead_end = end_of_lead(layer, captions)
    lead_reporting: set[str] = set()
    reporting: set[str] = set()
    for e in excerpts:
        if {"enforcement", "policy"} & set(e.categories):
            ids = {j for j, _ in e.jurisdictions}
            reporting |= ids
            if e.start < lead_end and not in_spans(e.start, captions):
                lead_reporting |= {j for j, how in e.jurisdictions if how == "named"}
    roles = []
    for j in sorted(score, key=lambda j: (-score[j], j)):
        focus = (score[j] >= threshold and j in reporting) or j in lead_reporting
        roles.append((j, "focus" if focus else "passing", counts.get(j, 0)))
    return tuple(roles)
