"""Linking sentences to the jurisdictions they report about, and recording how.

A sentence is linked to a jurisdiction by one of these mechanisms (:data:`LINK_CONFIDENCE`):

``named``
    the sentence names it (a geoparser mention inside the sentence);
``affiliation``
    a person the sentence quotes or names holds an office of it ("Lake County Sheriff Ann
    Ruiz", later "Ruiz said", "Ruiz's deputies"), or an office of its kind when the article is
    about one such jurisdiction ("Sheriff Ann Ruiz" in an article about Lake County);
``institution``
    an institution stands for it ("the council approved", "the county's jail", "the
    sheriff's office", "the state"): the latest jurisdiction of that kind named before, else
    the article's focus of that kind;
``coreference``
    the sentence continues the previous one ("It approved ...", "She added ...", "The
    measure ...", "those communities"): the previous sentence's jurisdictions, or the
    affiliation of the person a pronoun stands for;
``dateline`` / ``focus``
    a sentence that names no place, in an article about one jurisdiction, is about it,
    unless it is plainly national; the focus comes from the dateline when there is one.

Links other than ``named`` are context links: the panel says so, with a lower confidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

from geo import _lexicon as lex
from geo.text import PERSON_NAME, TITLE, TITLED_NAME, TextLayer, alternation, single_quoted
from news.quotes import commas_for_dashes, written_again

# How sure a link of each kind is. Measured on the dev split of tests/data/extraction: named
# links are the geoparser's; a context link is as good as the rule that made it.
LINK_CONFIDENCE: dict[str, float] = {
    "named": 1.0,
    "affiliation": 0.85,
    "dateline": 0.8,
    "institution": 0.7,
    "coreference": 0.7,
    "focus": 0.5,
}
CONTEXT_METHODS = frozenset(LINK_CONFIDENCE) - {"named"}
# How a link was made, in words (the panel shows it on each excerpt linked by context).
LINK_LABELS: dict[str, str] = {
    "named": "named in the sentence",
    "affiliation": "the speaker's or official's office",
    "institution": "an institution of the place (the council, the jail, the sheriff)",
    "coreference": "continues an earlier sentence about the place",
    "dateline": "the article's dateline",
    "focus": "the place the article is about",
}
# Marks that close a sentence or a quote: a line ending otherwise may be a heading.
_CLOSING_MARKS = frozenset('.!?:;"\u201d\u2019\')\u2026')
_OPENING_MARKS = frozenset('"\u201c')
_CLOSING_QUOTE_MARKS = frozenset('"\u201d')
# How many sentences back a continuation ("It approved ...") may reach.
COREFERENCE_WINDOW = 2
# ... and how many an act ("the existing statute") may reach back for the last sentence linked
# to a place.
ACT_WINDOW = 4
# A heading line ("Rock County Sheriff Tom Berg" above that sheriff's answer) has at
# most this many words and no closing punctuation; the paragraph under it is about its place.
HEADING_MAX_WORDS = 8
# A heading may give the office after the name, in apposition: "Tom Berg, the Lake County
# sheriff", "Tom Berg, a spokesman for the Lake County Sheriff's Office" (twice as many words
# allowed then: the shape itself says it is a heading).
_DESCRIBED_HEADING = re.compile(
    rf"{PERSON_NAME},[ \t]+(?:the|a|an)[ \t]+[^,.;:!?\"\u201c\u201d\n]+")
# An article is about one local jurisdiction when it carries this share of the local mentions
# (and is named at least twice), or is named in the lead or the dateline.
FOCUS_SHARE = 0.5
# ... or is named this many times as often as any other (so that places named in passing do
# not take the focus away from the one the article keeps returning to).
FOCUS_LEAD = 2.0
# ... or, between places none of which leads, is the only county the article names, when it
# writes of a county's offices or bodies this many times without a name ("Terrell County Judge
# Ann Ruiz ... Sheriff Tom Berg ... the Board of Supervisors"): it keeps returning to it.
KIND_REFERENCES = 2
LEAD_SENTENCES = 3
# The state an article is about, when no city or county is: the one that carries more than
# this share of its mentions (a state's cities and counties count for it).
STATE_SHARE = 0.5
# An institution ("the sheriff") stands for the jurisdiction of its kind named this many
# sentences before it, if any, before the article's focus.
RECENT_SENTENCES = 2


def link_confidence(how: str) -> float:
    """Return the confidence of a link made by ``how`` (see :data:`LINK_CONFIDENCE`)."""
    return LINK_CONFIDENCE[how]


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


_POSSESSIVE = r"(?:'s|\u2019s|s'|s\u2019)?"
# "the council", "the county's jail", "its board", "the Sheriff's Office", "county commissioners".
_INSTITUTION = re.compile(
    rf"\b(?:(?P<det>[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Oo]ur|[Ll]ocal|[Cc]ounty|[Cc]ity|[Ss]tate)"
    # "the present or future police chief": a pair of words before the office
    r"(?:(?:(?<=[Tt]he)|(?<=[Tt]his)|(?<=[Tt]hat)|(?<=[Ii]ts)|(?<=[Oo]ur))"
    r"[ \t]+(?!(?:county|city|state|town|local)\b)[a-z]+[ \t]+(?:or|and)(?=[ \t]+[a-z]))?"
    rf"(?:[ \t]+(?P<mid>county|city|state|town|local){_POSSESSIVE})?[ \t]+(?:[a-z]+[ \t]+)?)"
    rf"(?P<inst>{alternation(lex.INSTITUTION_KINDS)}){_POSSESSIVE}\b",
    re.I,
)
_MEMBERS = re.compile(rf"\b(?P<inst>{alternation(lex.INSTITUTION_MEMBERS)})\b", re.I)
# The capitalised words after an institution's word, up to three: "County Register" in "the
# Orange County Register" names a newspaper (lexicon MEDIA_WORDS), not a county's body.
_NAME_TAIL = re.compile(r"(?:[ \t]+[A-Z][\w'\u2019&\-]*){1,3}")


def _inside_outlet_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised word at ``[start, end)`` is part of a news outlet's name."""
    if not text[start:start + 1].isupper():
        return False
    tail = _NAME_TAIL.match(text, end)
    return tail is not None and any(
        part in lex.MEDIA_WORDS for word in tail.group().split() for part in (word, *word.split("-")))
# "a Virginia sheriff", "an Iowa county": a local office or body of some county or city of the
# state named, written with the state as its adjective (which one, the article tells)
_STATE_QUALIFIED = re.compile(
    r"\b[Aa]n?[ \t]+(?P<state>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]+"
    rf"(?P<inst>{alternation(k for k, v in lex.INSTITUTION_KINDS.items() if v in ('county', 'place'))})"
    r"(?![\w\-])"
)
# A town described rather than named: "the north-central Nebraska town", "the small farming
# village" (two or three words before the noun; "the town", "the city" are institutions above).
# Not "the Nebraska town of O'Neill" (named right after) nor "the city council" (a compound).
_SETTLEMENT_NOUNS = sorted(k for k, kind in lex.INSTITUTION_KINDS.items()
                           if kind == "place" and k in lex.PLACE_KIND_WORDS)
_DESCRIBED_TOWN = re.compile(
    rf"\b[Tt]he[ \t]+(?:[\w\-]+[ \t]+){{2,3}}?(?P<inst>{alternation(_SETTLEMENT_NOUNS)})\b"
    r"(?=[ \t]*(?:[.,;:!?)\u2019\u201d\"']|$)|[ \t]+(?:where|that|which|is|was|has|had|and|but"
    # "the third arrest in the southwestern Minnesota city this month": a time or a place
    # phrase after the noun ends the description too
    r"|this|last|since|on|in|at|during|over|until)\b)"
)
# "Officers there", "the jail there": the place just told of (not "there is", "over there").
_THERE = re.compile(
    r"\b(?!(?i:is|are|was|were|be|been|being|go|goes|went|gone|get|got|out|over|up|down|in|"
    r"from|then|and|or|but|that|if|not|so|while|when|where)\b)[A-Za-z]+[ \t]+there\b"
    r"(?![ \t]+(?:is|are|was|were|seems?|appears?|(?:has|have|had|will|would|may|might|could|"
    r"should|must|can)[ \t]+be(?:en)?)\b)"
)
_PLACE_NOUNS = re.compile(
    rf"\b(?:[Tt]hese|[Tt]hose|[Tt]he|[Bb]oth)[ \t]+(?:\w+[ \t]+)?(?P<noun>{alternation(lex.PLACE_NOUNS)})\b"
)
# ... and with a state's name as their adjective: "the two northwest Indiana counties"
_STATE_DESCRIBED_PLACES = re.compile(
    r"\b[Tt]he(?:[ \t]+[\w\-]+){0,2}[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+"
    rf"(?P<noun>{alternation(lex.PLACE_NOUNS)})\b"
)
# "the two northwest Indiana counties": a state's name as the adjective of places told of
# before, not the place the sentence is about
_STATE_AS_ADJECTIVE = re.compile(
    rf"[ \t]+(?:{alternation(lex.PLACE_NOUNS)})\b")
_DEFINITE_BEFORE = re.compile(r"\b[Tt]he(?:[ \t]+[\w\-]+){0,2}[ \t]+$")
# ("Of those arrested, 30 had convictions", "Among them": a part of the group just told of)
_CONTINUATION = re.compile(
    rf"^[\"\u201c(]?(?:(?:of|among)[ \t]+(?:them|those|these)|"
    rf"{alternation(lex.CONTINUATION_SUBJECTS)})\b", re.I)
# "The district stated ...": a sentence whose subject is "the" and one noun, which may be the
# last word of an organisation's name written just before ("the Lake County School District").
_HEAD_SUBJECT = re.compile(r"^[\"\u201c(]?[Tt]he[ \t]+(?P<noun>[a-z]{3,})\b")
# "the measure", "the existing statute", "their raids": an act reported before; its modifiers may
# be two, one of them quoted ('the so-called "detainer" policy', which was read as naming no act).
_ACT_REFERENCE = re.compile(
    rf"\b(?:the|this|that|these|those|its|their)[ \t]+"
    r"(?:(?:[a-z\-]+|[\"\u201c\u2018][a-z\-]+[\"\u201d\u2019])[ \t]+){0,2}"
    rf"(?:{alternation(lex.ACT_NOUNS)})\b",
    re.I,
)
# "state law", "state and local police": the state's own (not "United States"; "statewide" is
# rather a group's reach, as in a statewide association quoted in a county's story).
# Written from its literal on (the lookbehinds read back over it) so that the engine finds
# "state" by a fast scan instead of trying the lookbehinds at every position; same matches as
# (?<!United )(?<!U\.S\. )(?<!of )\bstate(?:'s|\u2019s)?\b(?! of\b), 10x faster.
_STATE_WORD = re.compile(
    r"state(?<!\wstate)(?<!United state)(?<!U\.S\. state)(?<!of state)(?:'s|\u2019s)?\b(?! of\b)"
)
# "a border state", "another state", "every state": a state, not the one the article is in.
_ANY_STATE = re.compile(
    r"\b(?i:a|an|another|any|every|each|other|no|one)[ \t]+(?:[\w\-]+[ \t]+)?$"
)
_NOUN_ENDS = re.compile(
    r"[ \t]*(?:[,.;:!?\"\u201d)\u2014]|$|[ \t]+(?:that|which|who|where|or|and|to|in|with|like|"
    r"but|as|is|are|has|have|had|was|were|would|will|can|could|should|may|might|must|does|"
    r"do|did)\b)"
)
_STATE_BODY_WORDS = [
    k for k, v in (lex.INSTITUTION_KINDS | lex.OFFICE_KINDS).items() if v == "state" != k
]
_STATE_BODY = re.compile(rf"\b(?:{alternation(_STATE_BODY_WORDS)})(?![\w.])", re.I)
_COLLECTIVE = re.compile(rf"\b(?:{alternation(lex.COLLECTIVE_BODIES)})(?![\w'\u2019])", re.I)
_STATE_BILL = re.compile(
    rf"(?<![\w.])(?:{alternation(lex.STATE_BILL_PREFIXES)})[ \t]?\d+(?![\w.]*\d)"
)
_SENTENCE_END = ".!?\"'\u201d\u2019)"
_PRONOUN_SUBJECT = re.compile(r"^[\"\u201c(]?(?:He|She|His|Her)\b")
_NATIONAL = re.compile(rf"\b(?:{alternation(lex.NATIONAL_SCOPE)})\b", re.I)
# A national word after these is a circumstance of a local story, not its subject: "in the
# country illegally", "trained by the federal government", "money from Congress", "an effort
# by President Ann Ruiz's administration".
_CIRCUMSTANCE = re.compile(
    r"\b(?i:in|by|from|into|with)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.\-]*(?:'s|\u2019s)?[ \t]+){0,4}$"
)
_OFFICE = re.compile(rf"\b(?P<title>{alternation(lex.OFFICE_KINDS)})\b", re.I)
# "Lake County Sheriff Ann Ruiz", "Newark resident Ann Ruiz": a place right before a title.
_LOWER_TITLE = rf"(?:{alternation(lex.LOWER_TITLES)})(?![\w.])"
# The office may be of one of the place's bodies: "Madison Police Chief Carla Diaz", "Dane
# County Board Chair Tom Berg", "Lake County Sheriff's Office spokeswoman Ann Ruiz"; the name
# may stand after a comma: "the Travis County sheriff, Ann Ruiz,".
_TITLE_AFTER_PLACE = re.compile(
    rf"(?:[ \t]+(?:County|City|Parish|State))?(?:'s|\u2019s)?"
    rf"(?:[ \t]+(?:{alternation(lex.PLACE_WORDS)})(?:'s|\u2019s)?){{0,3}}[ \t]+"
    rf"(?P<title>(?:{TITLE}|{_LOWER_TITLE})(?:[ \t]+{TITLE})*)"
    # (the title's abbreviation may follow it in parentheses: "Attorney General (AG) Ann Ruiz")
    rf"(?:[ \t]+\([A-Z]{{2,5}}\))?(?:,[ \t]*|[ \t]+)(?P<name>{TITLED_NAME})"
)
# A person written straight after a county and reporting, with no title between: "Lake County's
# Ann Ruiz said", "Lake County Ann Ruiz told reporters" (the sheriff's title left out).
_NAME_AFTER_COUNTY = re.compile(
    rf"(?:'s|\u2019s)?[ \t]+(?P<name>{PERSON_NAME})[ \t]+(?P<verb>[a-z]+)\b"
)
# A legislator's party and district: "Rep. Ann Ruiz, D-Lake," / "Sen. Ann Ruiz (R-Lake)"; or
# the district alone in parentheses after a legislator's title and name: "Rep. Ann Ruiz (Lake)".
_DISTRICT_TAG = re.compile(
    rf"(?:(?P<legislator>{alternation(lex.LEGISLATOR_TITLES)})[ \t]+)?(?P<name>{PERSON_NAME})"
    rf"(?:(?:,[ \t]*|[ \t]*\()(?:{alternation(lex.PARTY_LETTERS)})\.?-|[ \t]*\((?(legislator)|(?!)))"
    r"[ \t]*$"
)
# What every district tag ends on, right before the place: the dash of "D-" or a bracket. Most
# places have neither before them, and this search (a scan for two characters) tells so at once.
_TAG_END = re.compile(r"[-(][ \t]*$")


def _district_tag(text: str, start: int) -> re.Match[str] | None:
    """Return the district tag ending right before ``start`` ("Rep. Ann Ruiz, D-"), or None."""
    window = max(0, start - 80)
    if _TAG_END.search(text, window, start) is None:
        return None
    return _DISTRICT_TAG.search(text, window, start)


# "Sheriff Ann Ruiz of Lake County", "Ann Ruiz, the Lake County sheriff," "Ann Ruiz, sheriff
# of Lake County", "Ann Ruiz, a spokeswoman for the Lake County Sheriff's Office": a person
# and the phrase that describes them, up to the next comma or the end of the clause.
_APPOSITIVE = re.compile(
    rf"(?P<name>{PERSON_NAME})(?:[ \t]+of|,[ \t]+(?:(?:the|a|an|who|its|[a-z]+[ \t]+of)\b)?"
    # "Ann Ruiz is the sheriff of Lake County"
    r"|[ \t]+(?:is|was|serves[ \t]+as|has[ \t]+been)[ \t]+(?:the|a|an)\b)"
    r"(?P<desc>[^,.;:\"\u201c\u201d()]{1,90})"
)
# A description that ties a person to the place it names: "a spokeswoman for Lake County",
# "sheriff of Lake County", "who leads the Lake County Immigrant Coalition".
_DESCRIBES_ROLE = re.compile(
    r"\b(?:for|of|with|at|leads|led|heads|headed|runs|ran|represents|represented|directs|"
    r"chairs|oversees|manages)\b"
)
# "bused from Texas", "out of the Lake County jail": a place named as where something came from.
_ORIGIN_BEFORE = re.compile(
    rf"\b(?:{alternation(lex.MOVEMENT_WORDS)})(?:[ \t]+[\w'\u2019\-]+){{0,4}}?[ \t]+"
    rf"(?:{alternation(lex.ORIGIN_WORDS)})[ \t]+(?:the[ \t]+)?$",
    re.I,
)
# A finite verb after "Name, ...": the words are a clause of their own, not what the person is
# ("who was elected sheriff" is what they are).
_FINITE = lex.AUXILIARIES - {"voted", "approved", "followed"}
_CLAUSE = re.compile(rf"(?!\s*(?:who|whose|which)\b).*\b(?:{alternation(_FINITE)})\b")
_BODY_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+$")
_TITLE_BEFORE = re.compile(rf"(?P<title>(?:[Ss]tate[ \t]+)?{TITLE}(?:[ \t]+{TITLE})*)[ \t]+$")
_TITLED = re.compile(rf"\b(?P<title>{TITLE}(?:[ \t]+{TITLE})*)[ \t]+(?P<name>{TITLED_NAME})")


@dataclass(frozen=True)
class Affiliation:
    """A person's office: the jurisdiction (or, unknown, its kind) they act for."""

    jurisdiction: str | None
    kind: str | None
    at: int = 0  # where the office is first written: a kind is resolved there
    office: str = ""  # the office word ("mayor"): whose it is, when its place is not in view


@dataclass(frozen=True)
class Focus:
    """What an article is about: one jurisdiction per kind at most, and how it was found."""

    by_kind: dict[str, str]
    how: str  # "dateline" or "focus"
    state_prominent: bool = False  # the article is as much about its state as its city
    # Places the lead names together, none of them the focus, and the article names no other
    # ("immigrants in Lake and Porter counties"): a sentence naming no place is about them all.
    peers: tuple[str, ...] = ()

    def get(self, kind: str) -> str | None:
        """Return the focus of a kind; ``local`` is the focus city, else the focus county."""
        if kind == "local":
            return self.by_kind.get("place") or self.by_kind.get("county")
        return self.by_kind.get(kind)

    @property
    def fallback(self) -> tuple[str, ...]:
        """Return the jurisdictions a sentence naming no place is about."""
        local = self.get("local")
        state = self.by_kind.get("state")
        if self.peers and not local:
            return self.peers
        if local and not (state and self.state_prominent):
            return (local,)
        return tuple(j for j in (local, state) if j)


_MULTIWORD_OFFICES = [k for k in lex.OFFICE_KINDS if " " in k]


def _office_kind(title: str) -> str | None:
    words = title.lower().split()
    if "state" in words:  # "State Representative", "state Sen."
        return "state"
    for word in words:
        # The body written with the office decides: "County Executive", "City Manager",
        # "Police Commissioner" (a city's, whatever a bare commissioner is), "Jail Administrator";
        # a possessive is the body itself speaking ("the sheriff's office"), not an office.
        kind = lex.INSTITUTION_KINDS.get(word)
        if kind and kind != "local":
            return kind
    joined = " ".join(words)
    for office in _MULTIWORD_OFFICES:
        if office in joined:  # "Lt. Gov.", "Chief Deputy"
            return lex.OFFICE_KINDS[office]
    for word in reversed(words):
        if word in lex.OFFICE_KINDS:
            return lex.OFFICE_KINDS[word]
    return None


def _surname(name: str) -> str:
    """Return the last word of a name without its possessive ("Eric Adams'" -> "Adams")."""
    last = name.split()[-1].rstrip(".,")
    for end in ("'s", "\u2019s", "'", "\u2019"):
        if last.endswith(end):
            return last[: -len(end)]
    return last


def _description_kind(desc: str) -> str | None:
    """Return the kind of jurisdiction a description's office or body is of, if it says."""
    office = _OFFICE.search(desc)
    if office:
        return _office_kind(office.group("title"))
    inst = _INSTITUTION.search(desc)
    if inst is None:
        return None
    kind = lex.INSTITUTION_KINDS[inst.group("inst").lower()]
    if kind == "local":
        qualifier = (inst.group("mid") or inst.group("det") or "").lower()
        kind = {"city": "place", "town": "place", "county": "county"}.get(qualifier, "")
    return kind or None


def _office_word(words: str) -> str:
    """Return the office a title or description names, or "" ("Gov." -> "governor")."""
    office = _OFFICE.search(" ".join(lex.TITLE_ROLES.get(w, w) for w in words.split()))
    return office.group("title").lower() if office else ""


def _appositives(text: str) -> Iterator[re.Match[str]]:
    """Every name-and-description pair, a description also read as the next name.

    "Customs Enforcement, Richard Jones, the Butler County sheriff, said": the first pair's
    description ("Richard Jones") is the second pair's name.
    """
    pos = 0
    while (m := _APPOSITIVE.search(text, pos)) is not None:
        yield m
        pos = max(m.start("desc"), m.start() + 1)


def affiliations(text: str, mentions: Sequence[tuple[int, int, str]]) -> dict[str, Affiliation]:
    """People's offices: surname -> the jurisdiction they act for.

    Parameters
    ----------
    text : str
        Article body.
    mentions : sequence of (int, int, str)
        ``(start, end, jurisdiction id)`` of the places named, in order.

    Returns
    -------
    dict
        Surname -> :class:`Affiliation`. A place written with the title wins over an office of
        a known kind with no place.
    """
    out: dict[str, Affiliation] = {}
    for start, end, jid in mentions:
        m = _TITLE_AFTER_PLACE.match(text, end)
        if m:
            out[_surname(m.group("name"))] = Affiliation(jid, kind_of(jid), start,
                                                         _office_word(m.group("title")))
        elif kind_of(jid) == "county" and text[start:end].split()[-1].lower() in lex.COUNTY_SUFFIXES \
                and (named := _NAME_AFTER_COUNTY.match(text, end)) \
                and named.group("verb") in lex.REPORTING_VERBS \
                and len(named.group("name").split()) >= 2:
            out.setdefault(_surname(named.group("name")), Affiliation(jid, "county", start))
        tag = _district_tag(text, start)
        if tag and not jid.startswith("region:"):
            # "Rep. Ann Ruiz, D-Lake": a legislator of the state her district lies in.
            out.setdefault(_surname(tag.group("name")), Affiliation(jid[:2], "state", start))
    # A description after the name: the first place named in it.
    for m in _appositives(text):
        name = m.group("name").split()
        surname = _surname(m.group("name"))
        if len(name) < 2 or name[0] in lex.FUNCTION_WORDS or (
            surname in out and out[surname].jurisdiction
        ):
            continue
        ns, ne = m.span("name")
        if any(s < ne and ns < e for s, e, _ in mentions):
            continue  # "Waukegan, a city in Lake County": a place, not a person
        ds, de = m.span("desc")
        if text[ne : ne + 1] == "," and _CLAUSE.match(text, ds, de):
            continue  # "According to Ann Ruiz, all seven detainees were moved to ...": a clause
        inside = [jid for s, e, jid in mentions if ds <= s and e <= de]
        # with what came before it: "sheriff of" in "Ann Ruiz, sheriff of Lake County"
        desc = text[ne:de]
        if not inside:
            if not _OFFICE.search(desc) and (titled := _TITLED.match(m.group("name"))) \
                    and _office_kind(titled.group("title")):
                # "Mayor Ann Ruiz, joined by county officials,": the title written with the
                # name is her office; a body the description names is company, not office
                continue
            # "Tom Berg, the county board chair,": an office of a kind, resolved where written
            kind = _description_kind(desc)
            if kind and surname not in out:
                out[surname] = Affiliation(None, kind, m.start(), _office_word(desc))
            continue
        if _OFFICE.search(desc) or _DESCRIBES_ROLE.search(desc) \
                or any(w in lex.LOWER_TITLES for w in desc.lower().split()):
            # the title before the name, or read as its first words ("Assemblyman Ann Ruiz")
            titled = _TITLE_BEFORE.search(text, max(0, ns - 60), ns) \
                or _TITLED.match(m.group("name"))
            if titled and _office_kind(titled.group("title")) == "state" \
                    and kind_of(inside[0]) in ("place", "county"):
                # "State Rep. Ann Ruiz of Lakeview": a legislator from the town, of the state
                # (as with a district tag)
                out[surname] = Affiliation(inside[0][:2], "state", m.start())
                continue
            out[surname] = Affiliation(inside[0], kind_of(inside[0]), m.start(), _office_word(desc))
    for m in _TITLED.finditer(text):
        surname = _surname(m.group("name"))
        # The body before the title says whose office it is: "City Manager", "Jail Administrator".
        body = _BODY_BEFORE.search(text, max(0, m.start() - 30), m.start())
        title = f"{body.group(1)} {m.group('title')}" if body else m.group("title")
        if surname in out:
            continue
        kind = _office_kind(title)
        if kind is None and body and lex.INSTITUTION_KINDS.get(body.group(1).lower()) == "local":
            # "Board Chair Roger Garcia" after "the County Board": the board written before
            # ("Council Chair Ann Ruiz" with no body of a kind written: the local body of the
            # place the article is about, read as an institution is)
            kind = _qualified_body(text, body.group(1), m.start()) or "local"
        office = _office_word(m.group("title"))
        if kind and not body and office in lex.OFFICE_BODIES:
            # "Legislator Ann Ruiz" after "the Nassau County Legislature": the county's
            kind = _qualified_body(text, lex.OFFICE_BODIES[office], m.start()) or kind
        if kind:
            out[surname] = Affiliation(None, kind, m.start(), office)
    for m in _BODY_ROLE_NAME.finditer(text):
        # "sheriff's spokeswoman Ann Ruiz", "jail spokeswoman Ann Ruiz", "Sheriff's Office
        # spokesperson Ann Ruiz": the body's kind
        surname = _surname(m.group("name"))
        body_word = re.sub(r"['\u2019]s\b", "", m.group("body"))
        if surname not in out and (kind := _office_kind(body_word)):
            out[surname] = Affiliation(None, kind, m.start())
    return out


# (the body's word is possessive, "++": a shorter prefix of it is followed by a letter, which
# nothing after it accepts, so giving letters back could never match and only cost time)
_BODY_ROLE_NAME = re.compile(
    rf"\b(?P<body>[A-Za-z]++(?:['\u2019]s)?(?:[ \t]+(?i:office|department))?)[ \t]+{_LOWER_TITLE}"
    rf"[ \t]+(?P<name>{PERSON_NAME})"
)


_QUALIFIED_BODY_REACH = 600  # characters back to the body written with its kind


def _qualified_body(text: str, body: str, at: int) -> str | None:
    """Return the kind of the body last written with it before ``at`` ("the County Board")."""
    found = None
    for q in re.finditer(rf"\b(County|City|Town|State)[ \t]+{re.escape(body)}\b",
                         text[max(0, at - _QUALIFIED_BODY_REACH) : at], re.I):
        found = q.group(1).lower()
    return {"city": "place", "town": "place"}.get(found, found) if found else None


def in_spans(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether offset ``at`` lies in one of ``spans`` (``(start, end)``, end excluded)."""
    return any(s <= at < e for s, e in spans)


def end_of_lead(layer: TextLayer, captions: Sequence[tuple[int, int]]) -> int:
    """Return where the lead ends (0 for a text without sentences).

    That is after the first :data:`LEAD_SENTENCES` sentences that are no photo caption
    (``captions``).
    """
    body = [s for s in layer.sentences if not in_spans(s.start, captions)]
    return body[min(LEAD_SENTENCES, len(body)) - 1].end if body else 0


def _one_sentence(layer: TextLayer, starts: Sequence[int]) -> bool:
    """Whether the offsets ``starts`` all lie in one sentence of the text."""
    return layer.sentence_at(min(starts)) == layer.sentence_at(max(starts))


def article_focus(
    layer: TextLayer,
    mentions: Sequence[tuple[int, int, str]],
    parent_county: Callable[[str], str | None],
    home: tuple[str | None, str | None] = (None, None),
    captions: Sequence[tuple[int, int]] = (),
) -> Focus:
    """Find the jurisdictions an article is about, per kind.

    The dateline's place comes first (its county, when the article names that county and the
    city no more than in the dateline, or the only county of its state the article names, more
    often than the city, when it never names the city's own). Otherwise a city or county
    (counted with the cities in it) is the focus when it is the only one named, when it is
    named at least twice and carries :data:`FOCUS_SHARE` of the local mentions or
    :data:`FOCUS_LEAD` times as many as any other city or county, or when it is the only one
    named in the lead;
    between equals, the outlet's home decides. The state is the focus's, else the state that
    carries more than half of the article's mentions (its cities and counties included), else
    the outlet's home state among the most named, or when the article names no state.

    Parameters
    ----------
    layer : TextLayer
    mentions : sequence of (int, int, str)
        ``(start, end, jurisdiction id)`` in order.
    parent_county : callable
        Place id -> the id of its county, or None.
    home : (str or None, str or None)
        The outlet's home: (state id, place or county id), when known.
    captions : sequence of (int, int)
        Photo captions: counted with the places named, but not part of the lead (a picture may
        be of another place or day than the story it runs with).

    Returns
    -------
    Focus
    """
    home_state, home_local = home
    by_kind: dict[str, str] = {}
    peers: tuple[str, ...] = ()
    how = "focus"
    if layer.dateline:
        ds, de = layer.dateline
        named = [j for s, e, j in mentions if ds <= s and e <= de]
        body = Counter(j[:2] for s, e, j in mentions
                       if not (ds <= s and e <= de) and not j.startswith("region:"))
        if body and body.most_common(1)[0][1] >= 2 \
                and not {j[:2] for j in named} & body.keys():
            # "WASHINGTON - Arizona sheriffs haven't been ordered ...": a bureau's dateline,
            # in a state the body never names, atop a story about another state's places
            named = []
        for j in named:
            by_kind.setdefault(kind_of(j), j)
        if named:
            how = "dateline"
        place = by_kind.get("place")
        county = parent_county(place) if place else None
        if place and county:
            times = Counter(j for _, _, j in mentions)
            others = Counter(j for _, _, j in mentions
                             if kind_of(j) == "county" and j[:2] == place[:2])
            if times[county] > times[place] or (times[place] == 1 and times[county]):
                # "SALT LAKE CITY -" atop a story about Salt Lake County: the county's story; so
                # is "HAMILTON, Ohio -" atop one that names Butler County and not Hamilton
                del by_kind["place"]
                by_kind["county"] = county
            elif not times[county] and len(others) == 1 \
                    and (other := others.most_common(1)[0])[1] > times[place]:
                # "FAIRFAX, Va. -" (the city) atop a story about Fairfax County, the only county
                # named, more often than the city: the county's story
                del by_kind["place"]
                by_kind["county"] = other[0]
    local = [(s, j) for s, _, j in mentions if kind_of(j) in ("place", "county")]
    if not mentions and home_local:
        by_kind[kind_of(home_local)] = home_local  # a local paper's story that names no place
    if not any(k in by_kind for k in ("place", "county")) and local:
        # A city and its county are one story: count them together.
        cluster = {j: (j if kind_of(j) == "county" else parent_county(j) or j) for _, j in local}
        clusters = Counter(cluster[j] for _, j in local)
        lead_end = end_of_lead(layer, captions)
        in_lead = list(dict.fromkeys(cluster[j] for s, j in local
                                     if s < lead_end and not in_spans(s, captions)))
        top: str | None
        top, n = clusters.most_common(1)[0]
        runner_up = clusters.most_common(2)[1][1] if len(clusters) > 1 else 0
        if len(clusters) > 1 and not (n >= 2 and (n >= FOCUS_SHARE * len(local)
                                                  or n >= FOCUS_LEAD * runner_up)):
            # the only one the lead names, named at least twice or as often as any other
            top = in_lead[0] if len(in_lead) == 1 and (
                clusters[in_lead[0]] >= 2 or clusters[in_lead[0]] == n) else None
            referred = _referred_by_kind(layer.text, mentions)
            if referred is not None:
                top = cluster[referred]
            if top is None and (opener := _lead_subject(layer, local, captions)) is not None:
                top = cluster[opener]
            home_cluster = _cluster_of(home_local, parent_county)
            if top is None and home_cluster and clusters.get(home_cluster) == n and (
                    n >= 2 or any(j == home_local for _, j in local)):
                # a local paper's story, between places named as often; once each, when the
                # paper's home itself is among them ("the mayors of Boston, Denver and
                # Lakeville" in a Lakeville paper; not "Los Angeles and Orange counties" in a
                # Los Angeles paper, two counties told of together)
                top = home_cluster
        if top is None and len(clusters) > 1:
            # Between equals, the only one in the state the article names most by itself (not
            # as "Portland, Oregon"): "The Kenosha County Sheriff's Office" in a story about
            # Wisconsin's jails, beside Portland told of in passing.
            text = layer.text
            ends = {e for _, e, _ in mentions}
            states = Counter(j for s, _, j in mentions if kind_of(j) == "state"
                             and not (text[s - 2 : s] == ", " and s - 2 in ends))
            ranked = states.most_common(2)
            in_state = [c for c, k in clusters.items() if k == n and ranked
                        and c[:2] == ranked[0][0]]
            if len(in_state) == 1 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
                top = in_state[0]
        if top is not None and len(clusters) == 1 and n == 1 and not in_lead:
            # The only city or county named, once, past the lead, in another state than the one
            # the article keeps naming: told of in passing ("A similar debate played out in
            # Portland, Oregon" in a New Jersey story), not what the article is about.
            states = Counter(j[:2] for _, _, j in mentions if not j.startswith("region:"))
            if states.most_common(1)[0][0] != top[:2]:
                top = None
        if home_local and not in_lead and not layer.dateline and len(clusters) > 1 \
                and _cluster_of(home_local, parent_county) not in clusters \
                and sum(kind_of(j) == "state" for _, _, j in mentions) \
                + len(_STATE_BODY.findall(layer.text)) < 2:
            # A local paper's story whose lead names no city or county, nor the paper's home
            # anywhere, and later names several: its own town's story ("Students held signs
            # ..."), the places told of past the lead ("operations in Austin, San Antonio and
            # Houston. ... removals in San Antonio"); unless it is the state's story ("Senate
            # Bill 4 ... passed by the Senate", with its senators' districts).
            top = None
            by_kind[kind_of(home_local)] = home_local
        if top is None and len(clusters) > 1 and len(set(clusters.values())) == 1 \
                and len({c[:2] for c in clusters}) == 1 \
                and _one_sentence(layer, [s for s, _ in local]):
            # Named together in one sentence and as often as each other, the only ones named:
            # the article is about them all ("immigrants in Lake and Porter counties ...").
            peers = tuple(dict.fromkeys(cluster[j] for _, j in local))
        if top is not None:
            members = Counter(j for _, j in local if cluster[j] == top)
            best = members.most_common(1)[0][0]
            by_kind[kind_of(best)] = best
            if kind_of(top) == "county":
                by_kind["county"] = top
    place = by_kind.get("place")
    if place and "county" not in by_kind and (its_county := parent_county(place)):
        # A county's institutions ("the jail", "the sheriff") in an article about its city.
        by_kind["county"] = its_county
    local_focus = by_kind.get("place") or by_kind.get("county")
    if "state" not in by_kind:
        states = Counter(j[:2] for _, _, j in mentions if not j.startswith("region:"))
        if local_focus:
            by_kind["state"] = local_focus[:2]
        elif states:
            top_state, n = states.most_common(1)[0]
            if n > STATE_SHARE * states.total():
                by_kind["state"] = top_state
            elif home_state and states[home_state] == n:
                by_kind["state"] = home_state
        elif home_state:
            by_kind["state"] = home_state
    state = by_kind.get("state")
    prominent = False
    if state and local_focus:
        # (not the dateline: "NASHVILLE, Tenn. -" says where the reporter filed, and the
        # state there only where the city is; the body tells what the story is about)
        ds, de = layer.dateline or (0, 0)
        times = Counter(j for s, _, j in mentions if not ds <= s < de)
        local_count = sum(n for j, n in times.items() if j in (by_kind.get("place"),
                                                                by_kind.get("county")))
        # The state's own bodies and officers count for it ("lawmakers", "the governor").
        state_count = times[state] + len(_STATE_BODY.findall(layer.text))
        prominent = state_count >= 2 and state_count >= local_count
    return Focus(by_kind, how, prominent, peers)


# A county's offices and bodies written without its name ("Sheriff Ann Ruiz", "the Board of
# Supervisors", "the county jail"; "the county", "her county" in lower case), not many counties'
# at once ("sheriffs", "county jails"): what an article about one county keeps returning to.
_COUNTY_BODY = re.compile(
    r"\bcounty\b(?!-)|(?i:\b(?:" + alternation(
        k for k, v in (lex.INSTITUTION_KINDS | lex.OFFICE_KINDS).items()
        if v == "county" and k != "county" and k not in lex.COLLECTIVE_BODIES
    ) + r")\b)"
)


def _lead_subject(layer: TextLayer, local: Sequence[tuple[int, str]],
                  captions: Sequence[tuple[int, int]]) -> str | None:
    """Return the city or county the article's first sentence opens on as its subject.

    "Howard County is ending its contract ... at the detention center in Jessup": the place
    that acts in the lead is the story's, the others are where things are.
    """
    first = next((s for s in layer.sentences if not in_spans(s.start, captions)
                  and (layer.dateline is None or s.end > layer.dateline[1])), None)
    if first is None:
        return None
    start = first.start
    if layer.dateline_end is not None and first.start <= layer.dateline_end < first.end:
        start = layer.dateline_end
    for s, j in local:
        if s == start and _SUBJECT_VERB.match(layer.text, s):
            return j
        if s > start:
            break
    return None


# A place's name and the word after it that makes it a sentence's subject: a verb in lower case
# ("is ending", "voted", "will close") or a possessive ("Denver's mayor")
# (not a conjunction or a preposition: "Lake and Porter counties have ..." are told of together)
_SUBJECT_VERB = re.compile(
    r"[A-Z][\w.\-]*(?:[ \t]+[A-Z][\w.\-]*)*"
    r"(?:['\u2019]s[ \t]|[ \t]+(?!(?:and|or|nor|of|in|at|to|for|with|on|by|from|as)\b)[a-z]+\b)"
)


def _referred_by_kind(text: str, mentions: Sequence[tuple[int, int, str]]) -> str | None:
    """Return the only county named, if the text then writes of a county's bodies often enough.

    That is :data:`KIND_REFERENCES` times (:data:`_COUNTY_BODY`) after its name, not counting
    an office written with it ("Lake County Sheriff Ann Ruiz"); else None.
    """
    named = [(e, j) for _, e, j in mentions if kind_of(j) == "county"]
    if not named or any(j != named[0][1] for _, j in named):
        return None
    end, county = named[0]
    found = 0
    for m in _COUNTY_BODY.finditer(text, end):
        if text[end : m.start()].strip():
            found += 1
            if found >= KIND_REFERENCES:
                return county
    return None


_CHROME_LABEL = re.compile(rf"[ \t]*(?:{alternation(lex.CHROME_LABELS)})[ \t]*:", re.I)


def _chrome_starts(layer: TextLayer, mentions: Sequence[tuple[int, int, str]]) -> frozenset[int]:
    """Return the starts of mentions in lines of page chrome ("Related: ... in Portland")."""
    text = layer.text
    chrome = [(s, e) for s, e in layer.paragraphs
              if text[e - 1] not in _SENTENCE_END and _CHROME_LABEL.match(text, s, e)]
    return frozenset(m for m, _, _ in mentions if any(s <= m < e for s, e in chrome))


_FIELD_OFFICE_BEFORE = re.compile(
    rf"\b(?:{alternation(lex.FIELD_OFFICE_AGENCIES)})(?:'s|\u2019s)?[ \t]+"
    r"(?:the[ \t]+|(?:office[ \t]+)?in[ \t]+)?$"
)
_FIELD_OFFICE_AFTER = re.compile(r"[ \t]+(?i:field|area|sub-?)[ \t]?(?i:office)")
_BASED = re.compile(r"[\-\u2010\u2011\u2013][ \t]?based\b", re.I)
# "the largest in Nebraska", "the state's second-biggest jail in Texas": a comparison's scope
_SCOPE_BEFORE = re.compile(
    rf"\b(?:[a-z]+-)?(?:{alternation(lex.SIZE_SUPERLATIVES)})(?:[ \t]+[\w'\u2019\-]+){{0,3}}?"
    r"[ \t]+in[ \t]+$", re.I)


def _origin_starts(text: str, mentions: Sequence[tuple[int, int, str]]) -> frozenset[int]:
    """Return the starts of mentions that name an origin or a base, not where things happen.

    "bused from Portland, Oregon", "a Bluffton-based attorney"; and a state as the scope of a
    comparison, "the raid was the largest in Nebraska", or as the adjective of places told of
    before, "the two northwest Indiana counties".
    """
    out: set[int] = set()
    prev_end, prev_origin = -1, False
    for s, e, j in mentions:
        if kind_of(j) == "state" and (
                _SCOPE_BEFORE.search(text, max(0, s - 60), s)
                or (_STATE_AS_ADJECTIVE.match(text, e)
                    and _DEFINITE_BEFORE.search(text, max(0, s - 40), s))):
            out.add(s)
            prev_end, prev_origin = e, False
            continue
        near = text[max(0, s - 12) : s].lower()  # cheap test first: most places have no "from"
        here = (("from" in near or "out of" in near)
                and _ORIGIN_BEFORE.search(text, max(0, s - 60), s) is not None) or (
            prev_origin and text[prev_end:s] == ", ") or (  # the state after an origin city
            _BASED.match(text, e) is not None) or (  # "a Bluffton-based attorney": her base
            _FIELD_OFFICE_BEFORE.search(text, max(0, s - 50), s) is not None
            or _FIELD_OFFICE_AFTER.match(text, e) is not None)  # "ICE Newark" is an office
        if here:
            out.add(s)
        prev_end, prev_origin = e, here
    return frozenset(out)


def _elsewhere_starts(
    layer: TextLayer,
    mentions: Sequence[tuple[int, int, str]],
    home_state: str | None,
) -> frozenset[int]:
    """Return the starts of mentions of a place in another state, told of once for comparison.

    A city or county named once (its name written once), past the first sentence, whose
    state is named nowhere but right after it ("in Tucson, Arizona"), in an article that
    otherwise names places of another state (once will do when the place is written with its
    state, twice otherwise), in a state other than the outlet's home: with its state's mention.
    """
    if not layer.sentences or len(mentions) < 3:
        return frozenset()
    text = layer.text
    first_end = layer.sentences[0].end
    candidates: list[list[int]] = []
    by_state: dict[str, list[int]] = {}
    for k, (_, _, o) in enumerate(mentions):
        if not o.startswith("region:"):
            by_state.setdefault(o[:2], []).append(k)
    for i, (s, e, j) in enumerate(mentions):
        if s < first_end or j.startswith("region:") or kind_of(j) == "state" \
                or j[:2] == home_state or text.count(text[s:e]) > 1:
            continue
        own = by_state.get(j[:2], [])
        qualifier = i + 1 < len(mentions) and mentions[i + 1][2] == j[:2] \
            and text[e : mentions[i + 1][0]] in (", ", " ")
        if own == ([i, i + 1] if qualifier else [i]):
            candidates.append(own)
    # The other state counts by mentions that are not such places themselves ("a reporter in
    # Austin, Texas" does not make Texas the article's state). A place written with its state
    # ("Portland, Oregon") is told of from afar: one mention of another state's place, even
    # a bare one named once ("a new day for Dane County"), is enough; a bare one needs two.
    def other_states(told: set[int]) -> int:
        states = Counter(j[:2] for k, (_, _, j) in enumerate(mentions)
                         if not j.startswith("region:") and k not in told)
        return states.most_common(1)[0][1] if states else 0

    qualified = {k for c in candidates if len(c) == 2 for k in c}
    afar = other_states(qualified)
    near = other_states({k for c in candidates for k in c})
    return frozenset(mentions[k][0] for c in candidates for k in c
                     if (afar >= 1 if len(c) == 2 else near >= 2))


LISTED_PLACES = 3  # places named together in one sentence that make a list


def _listed_starts(layer: TextLayer, mentions: Sequence[tuple[int, int, str]]) -> frozenset[int]:
    """Return the starts of mentions of cities or counties listed together, each named once.

    A sentence past the first naming :data:`LISTED_PLACES` or more of them, none named (or
    written) anywhere else in the article.
    """
    text = layer.text
    times = Counter(j for _, _, j in mentions)
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for s, e, j in mentions:
        if kind_of(j) in ("place", "county"):
            by_sentence.setdefault(layer.sentence_at(s), []).append((s, e, j))
    out: set[int] = set()
    for i, found in by_sentence.items():
        if i > 0 and len({j for _, _, j in found}) >= LISTED_PLACES and all(
            times[j] == 1 and text.count(text[s:e]) == 1 for s, e, j in found
        ):
            out.update(s for s, _, _ in found)
    return frozenset(out)


def _cluster_of(jid: str | None, parent_county: Callable[[str], str | None]) -> str | None:
    if jid is None or kind_of(jid) != "place":
        return jid
    return parent_county(jid) or jid


_OF_PLACE = re.compile(r"[ \t]+(?:of|in|for|at)[ \t]+(?:the[ \t]+)?")


def _names_its_place(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int]]
) -> bool:
    """Whether an institution at ``text[start:end]`` is written with its place.

    "the Okmulgee County Jail" (the place inside or right before it), "the sheriff of Dane
    County" (right after it); otherwise another place in the sentence is not its place: "The
    jail is one of two in the state, with the Okmulgee County Jail".
    """
    of = _OF_PLACE.match(text, end)
    after = of.end() if of else -1
    return any((s < end and e >= start - 2) or s == after for s, e in spans)


_QUOTED = re.compile(r"\u201c[^\u201c\u201d]*\u201d?|\"[^\"]*\"?")


def _is_national(text: str) -> bool:
    """Whether a sentence is plainly national: a national word that is not a circumstance.

    Words inside a quote are the speaker's, not the sentence's scope: "'We fled our
    country,' said a woman whose husband was detained" is about the local arrests.
    """
    if _NATIONAL.search(text) is None:
        return False
    unquoted = _QUOTED.sub(lambda q: " " * len(q.group()), text)
    if unquoted == text:  # no double marks: single ones hold the quotes, if any
        for qs, qe in single_quoted(text, 0, len(text)):
            unquoted = unquoted[:qs] + " " * (qe - qs) + unquoted[qe:]
    return any(
        not _CIRCUMSTANCE.search(unquoted, max(0, m.start() - 50), m.start())
        for m in _NATIONAL.finditer(unquoted)
    )


@dataclass
class SentenceLinks:
    """The links of one sentence, in the order they were found; the first way wins."""

    links: dict[str, str]

    def add(self, jurisdiction: str | None, how: str) -> None:
        """Add a link unless the jurisdiction is linked already."""
        if jurisdiction and jurisdiction not in self.links:
            self.links[jurisdiction] = how

    def pairs(self) -> tuple[tuple[str, str], ...]:
        """``(jurisdiction id, how)`` pairs, named first."""
        named = [(j, h) for j, h in self.links.items() if h == "named"]
        return tuple(named + [(j, h) for j, h in self.links.items() if h != "named"])


class Linker:
    """Links the sentences of one article, read in order.

    Parameters
    ----------
    layer : TextLayer
    mentions : sequence of (int, int, str)
        ``(start, end, jurisdiction id)`` of the places named, in order.
    parent_county : callable
        Place id -> the id of its county, or None.
    home : (str or None, str or None)
        The outlet's home (state id, place or county id), when known (:func:`article_focus`).
    captions : sequence of (int, int)
        Photo captions: they describe a picture, so no later sentence continues them.
    city_of_county : callable, optional
        County id -> the city that is the same government (an independent city: "Norfolk
        city", Virginia), or None: the sheriff of such a county is the city's.
    districts : frozenset of int
        Starts of mentions the geoparser read as a legislator's home ("Rep. Ann Ruiz of
        Lakeview"), besides the district tags read here.
    """

    def __init__(
        self,
        layer: TextLayer,
        mentions: Sequence[tuple[int, int, str]],
        parent_county: Callable[[str], str | None],
        home: tuple[str | None, str | None] = (None, None),
        captions: Sequence[tuple[int, int]] = (),
        city_of_county: Callable[[str], str | None] = lambda _: None,
        districts: frozenset[int] = frozenset(),
    ) -> None:
        self.layer = layer
        self.city_of_county = city_of_county
        self.captions = tuple(captions)
        self.mentions = list(mentions)
        self._starts = [s for s, _, _ in self.mentions]
        self._named_ids = frozenset(j for _, _, j in self.mentions)
        # The dateline says where the reporter filed from; the article's focus weighs it, but
        # it is not a sentence that "the commission" a sentence later continues.
        ds, de = layer.dateline or (0, 0)
        self._dateline_starts = frozenset(s for s, _, _ in self.mentions if ds <= s < de)
        self.parent_county = parent_county
        # "Ann Ruiz \u2014 the Lake County sheriff \u2014 said": an appositive like a comma one
        self.people = affiliations(commas_for_dashes(layer.text), self.mentions)
        # Places named as where people or things came from ("bused from Texas"): not where
        # the article's events happen, so neither its focus nor what its institutions stand for.
        self._origin_starts = _origin_starts(layer.text, self.mentions)
        # ... and so are places named only in a line of page chrome ("Related: ... in Portland,
        # Oregon", a heading: a paragraph without final punctuation).
        chrome = _chrome_starts(layer, self.mentions)
        # ... and so are places of another state named once, past the first sentence, with their
        # state ("Officials in Tucson, Arizona, weighed a comparable plan"), when the article
        # keeps naming another state: told of for comparison, even in the lead.
        located = [m for m in self.mentions
                   if m[0] not in self._origin_starts and m[0] not in chrome]
        elsewhere = _elsewhere_starts(layer, located, home[0])
        # ... and so are places listed together, each named once ("agents arrested 12 people in
        # Kenosha, 8 in Racine and 5 in Beloit"): a survey, not the story's place.
        self._listed = listed = _listed_starts(layer, located)
        # ... and so are places named only in a legislator's district tag ("Sen. Ann Ruiz
        # (D-Lake, Porter)"): where the legislator is from, not where the story happens.
        text = layer.text
        # (and those the geoparser read as a legislator's home: "Reps. Ann Ruiz of Lakeview")
        self._tagged = set(districts)
        prev_end = -1
        for s, e, _ in self.mentions:
            # the tag's later places too: "(D-Lake, Porter)"
            if _district_tag(text, s) or (
                    prev_end >= 0 and text[prev_end:s] in (", ", " and ", ", and ")):
                self._tagged.add(s)
                prev_end = e
            else:
                prev_end = -1
        located = [m for m in located if m[0] not in elsewhere and m[0] not in listed
                   and m[0] not in self._tagged]
        self.focus = article_focus(layer, located or self.mentions, parent_county, home,
                                   self.captions)
        # Places named once and outside the focus: told of in passing ("a similar debate played
        # out in Portland"); what follows them is still about the focus.
        # (a name written again, even where it was not read as the place, is not in passing:
        # "the Austin metro area" ... "whether Austin is being targeted")
        text = layer.text
        times = Counter(j for _, _, j in self.mentions)
        for s, e, j in self.mentions:
            if times[j] == 1 and text.count(text[s:e]) > 1:
                times[j] = 2
        in_focus = set(self.focus.by_kind.values())
        lead_end = end_of_lead(layer, self.captions)
        in_lead = {j for s, _, j in self.mentions if s < lead_end and s not in chrome
                   and s not in elsewhere and not in_spans(s, self.captions)}
        # (nor is the place of an official written again by name: "Lake County Sheriff Ann Ruiz
        # said ... Ruiz said ... The sheriff's office holds them" speaks for Lake County)
        spoken = {a.jurisdiction for surname, a in self.people.items()
                  if a.jurisdiction is not None and written_again(text, surname)}
        self._passing = {
            j for j, n in times.items()
            if n == 1 and in_focus and j not in in_focus and j not in in_lead and j not in spoken
            and (parent_county(j) if kind_of(j) == "place" else None) not in in_focus
        }
        # ... and so is the county of a city told of in passing ("the sheriff" after "in
        # Portland" reads Portland's county), unless the article names that county itself.
        self._passing |= {
            c for j in self._passing if kind_of(j) == "place"
            and (c := parent_county(j)) is not None and c not in times and c not in in_focus
        }
        # A state named once, none of whose cities or counties the article names, in an article
        # whose focus is another state: told of in passing, even in the lead ("he was arrested
        # in Ohio" in a Georgia story), so "the state Senate" a paragraph later is the focus's.
        focus_state = self.focus.by_kind.get("state")
        if focus_state:
            local_states = {j[:2] for j in times if kind_of(j) in ("place", "county")}
            self._passing |= {j for j, n in times.items() if n == 1 and kind_of(j) == "state"
                              and j != focus_state and j not in local_states}
        # (sentence index, its links, whether it reports something) of linked sentences
        self.history: list[tuple[int, tuple[tuple[str, str], ...], bool]] = []
        self._spoke: dict[int, str | None] = {}  # sentence -> who speaks in it
        self._surveys: set[int] = set()  # sentences that list places (see _listed_starts)
        # sentences under a heading line naming an official, linked through it: the answer
        # printed under "Rock County Sheriff Tom Berg" runs on until the next place named
        self._under_heading: set[int] = set()
        self._surnames = (
            re.compile(rf"\b(?:{alternation(self.people)})\b") if self.people else None
        )
        # (places in a district tag, self._tagged: the sentence names them, but a later "the
        # bill" is not about them)

    def _latest(self, kind: str, before: int, since: int = 0) -> str | None:
        kinds = ("place", "county") if kind == "local" else (kind,)
        for s, _, j in reversed(self.mentions):
            if since <= s < before and kind_of(j) in kinds and j not in self._passing \
                    and s not in self._origin_starts and s not in self._listed \
                    and s not in self._tagged:  # a legislator's home is not the story's
                return j
        return None

    def _last_naming(self, noun: str, index: int) -> tuple[int, tuple[tuple[str, str], ...], bool] | None:
        """Return the last history entry within :data:`ACT_WINDOW` that reports and names ``noun``."""
        word = re.compile(rf"\b{re.escape(noun)}\b", re.I)
        for entry in reversed(self.history):
            if index - entry[0] > ACT_WINDOW:
                return None
            if entry[2] and word.search(self.layer.sentences[entry[0]].text):
                return entry
        return None

    def _named_by_head(self, noun: str, index: int) -> list[str]:
        """Return what the name ending in ``noun`` holds, in the sentences just before ``index``.

        "the Lake County School District" ends in "District": "the district" a sentence later
        is that body, and Lake County the place it stands for. Only the last such name within
        :data:`COREFERENCE_WINDOW` sentences counts; places in it are read off the mentions.
        """
        tail = re.compile(rf"(?:[ \t]+[A-Z][\w\u2019'.\-]*){{0,4}}[ \t]+{re.escape(noun.capitalize())}\b")
        text = self.layer.text
        sentences = self.layer.sentences
        for k in range(index - 1, max(-1, index - 1 - COREFERENCE_WINDOW), -1):
            sent = sentences[k]
            found = [j for s, e, j in self._between(sent.start, sent.end)
                     if s not in self._origin_starts and tail.match(text, e, sent.end)]
            if found:
                return found[-1:]
        return []

    def tag_named(self, index: int) -> set[str]:
        """Return what sentence ``index`` names only inside legislators' district tags."""
        sent = self.layer.sentences[index]
        there = self._between(sent.start, sent.end)
        return {j for _, _, j in there} - {j for s, _, j in there if s not in self._tagged}

    def _between(self, since: int, before: int) -> list[tuple[int, int, str]]:
        """Mentions starting in ``[since, before)``, in order."""
        return self.mentions[bisect_left(self._starts, since) : bisect_left(self._starts, before)]

    def _named_between(self, kind: str, since: int, before: int,
                       dateline: bool = True) -> list[str]:
        """Jurisdictions of a kind named in ``[since, before)``, latest last, each once.

        A county is also named by a city in it ("in Austin" names Travis County's sheriff).
        With ``dateline`` False, places named in the dateline are left out.
        """
        found: list[str] = []
        for s, _, j in self._between(since, before):
            if s in self._origin_starts or s in self._tagged \
                    or (not dateline and s in self._dateline_starts):
                # "the sheriff" in a sentence telling of migrants bused from Texas; "the board"
                # after "Sen. Ann Ruiz (D-Los Angeles)": a legislator's home is not the story's
                continue
            k = kind_of(j)
            if kind == "county" and k == "place":
                j = self.parent_county(j) or ""
                k = "county" if j else k
            if k == kind or (kind == "local" and k in ("place", "county")):
                if j in found:
                    found.remove(j)
                found.append(j)
        return found

    def _recent(self, kind: str, at: int) -> str | None:
        """Return the jurisdiction of a kind named in this sentence or the ones just before.

        In this sentence, the latest one; in the sentences before, the only one: after "in
        Chicago, St. Louis and Kansas City", "the sheriff's office" is none of theirs, and the
        article's focus decides.
        """
        i = self.layer.sentence_at(at)
        if i < 0:
            return None
        sentences = self.layer.sentences
        here = sentences[i].start
        found = self._named_between(kind, here, at)
        if found:
            return found[-1]
        # A line without final punctuation is a heading or the page's chrome ("Related: ...
        # in Portland, Oregon"), not a sentence an institution continues.
        kinds = ("place", "county") if kind == "local" else (kind,)
        linked = {k: [j for j, how in pairs if how in ("institution", "affiliation")
                      and kind_of(j) in kinds]
                  for k, pairs, _ in self.history[-1:]
                  if k == i - 1 and all(how != "named" for _, how in pairs)}
        # what the sentences before name, and what the one just before, naming no place, stood
        # for by its institutions or officials ("the county has prohibited ...", then "The local
        # officials have also instructed ...")
        before = [(j, sentences[k].paragraph) for k in range(max(0, i - RECENT_SENTENCES), i)
                  if sentences[k].text[-1:] in _SENTENCE_END
                  for j in self._named_between(kind, sentences[k].start, sentences[k].end,
                                               dateline=False)
                  + linked.get(k, [])]
        found = list(dict.fromkeys(j for j, _ in before))
        if kind == "local" and len(found) > 1:
            # a city named and its county's institution ("Austin ... the sheriff's") are one place
            named = {j for k in range(max(0, i - RECENT_SENTENCES), i)
                     for j in self._named_between(kind, sentences[k].start, sentences[k].end)}
            counties = {self.parent_county(j) for j in found if kind_of(j) == "place"}
            found = [j for j in found if j in named or j not in counties]
        if len(found) > 1:
            # one named in the sentence's own paragraph: "The Delaware County Sheriff's Office
            # said ... The sheriff's office said ..." after a paragraph on another county's
            found = list(dict.fromkeys(j for j, p in before if p == sentences[i].paragraph))
        if len(found) != 1:
            return None
        if found[0] in self._passing \
                and all(p != sentences[i].paragraph for _, p in before):
            return None  # a place told of in passing, in a paragraph before: the focus decides
        return found[0]

    def _of_kind(self, kind: str, at: int) -> str | None:
        """Return the jurisdiction an institution of a kind stands for, read at offset ``at``.

        One of that kind named in the sentence or just before, else the article's focus of
        that kind, else the latest one named.
        """
        j = self._recent(kind, at)
        if j is None and kind == "county" and (j := self.focus.get(kind)) is not None \
                and j not in self._named_ids:
            # The focus city's county, never named: "the county" rather points back at the
            # county the article does name ("Leaders from El Paso County and the cities of
            # Dallas and Austin ... Leaders from the county")
            j = self._latest(kind, at) or j
        j = j or self.focus.get(kind)
        if j is None and kind != "local":  # "local police" is any city's unless one is told
            j = self._latest(kind, at)
            if j is None and kind == "county":
                place = self._latest("place", at)
                j = self.parent_county(place) if place else None
            if j is None and kind == "state":
                local = self._latest("local", at)
                j = local[:2] if local and not local.startswith("region:") else None
        return j

    def _origins(self, start: int, end: int) -> set[str]:
        """Return the places every mention of which in ``[start, end)`` is an origin."""
        origin: dict[str, bool] = {}
        for s, _, j in self._between(start, end):
            origin[j] = origin.get(j, True) and s in self._origin_starts
        return {j for j, o in origin.items() if o}

    def _office_place(self, kind: str, at: int) -> str | None:
        """Return the jurisdiction an office of a kind written at ``at`` is of.

        One of that kind named before it in its sentence, else the article's focus of that
        kind, else as an institution read at the sentence's end (one named later in it, or just
        before it): "Sheriff's Office spokesperson Ann Ruiz said detainees were moved to the
        Plymouth County jail" in a Bristol County story speaks for Bristol County.
        """
        i = self.layer.sentence_at(at)
        # (not the dateline's place: where the reporter filed from is no one's office)
        before = self._named_between(kind, self.layer.sentences[i].start, at, dateline=False) \
            if i >= 0 else []
        if before:
            return before[-1]
        return self.focus.get(kind) or self._of_kind(kind, self._sentence_end(at))

    def _county_town(self, at: int) -> str | None:
        """Return the one town the article names in the county in view at ``at``, if one.

        "Mayor Ann Ruiz" in a story about Lake County, no town in view where she is written
        and no other holder of her office placed: the mayor of the town of that county the
        article names (later).
        """
        county = self.focus.get("county") or self._latest("county", at)
        if county is None:
            return None
        towns = [j for j in self._named_ids
                 if kind_of(j) == "place" and self.parent_county(j) == county]
        return towns[0] if len(towns) == 1 else None

    def _heading(self, index: int) -> bool:
        """Whether sentence ``index`` is a heading line naming someone.

        A whole paragraph of a few words, a person's name among them, with no closing
        punctuation ("Lake County Sheriff Ann Ruiz" above her answer); not an item of a list of
        places.
        """
        sent = self.layer.sentences[index]
        words = sent.text.split()
        alone = all(other.paragraph != sent.paragraph
                    for other in self.layer.sentences[max(0, index - 1):index + 2]
                    if other is not sent)
        if not alone or not 0 < len(words) <= 2 * HEADING_MAX_WORDS \
                or sent.text.rstrip()[-1:] in _CLOSING_MARKS:
            return False
        if _DESCRIBED_HEADING.fullmatch(sent.text.rstrip(" \t,")):
            return True  # "Tom Berg, a spokesman for the Lake County Sheriff's Office"
        if len(words) > HEADING_MAX_WORDS:
            return False
        persons = self.layer.persons
        k = bisect_left(persons, (sent.start, -1))
        return k < len(persons) and persons[k][1] <= sent.end

    def _sentence_end(self, at: int) -> int:
        i = self.layer.sentence_at(at)
        return self.layer.sentences[i].end if i >= 0 else at

    def _person(self, name: str | None, at: int) -> str | None:
        if not name:
            return None
        if " and " in name:
            # "Sheriff Ann Ruiz and Tom Berg said": the first of them whose office is known
            for part in re.split(r",?[ \t]+and[ \t]+|,[ \t]+", name):
                if part and (found := self._person(part, at)):
                    return found
            return None
        aff = self.people.get(_surname(name))
        if aff is None:
            # "the Sheriff's Office said" after "Lake County Sheriff Ann Ruiz": the office
            # is the one whose holder the article placed, the latest written before it
            office = _office_word(re.sub(r"['\u2019]s\b", "", name))
            held = [a for a in self.people.values()
                    if office and a.office == office and a.jurisdiction and a.at <= at]
            if held:
                return max(held, key=lambda a: a.at).jurisdiction
            kind = _office_kind(name)
            if kind is None and name.split()[-1][:1].isupper():
                # "Sheriff's Office spokeswoman Ann Ruiz", "jail spokeswoman Ann Ruiz": a person
                # speaking for the body written before the role
                kind = _office_kind(re.sub(r"['\u2019]s\b", "", name))
            return self._of_kind(kind, self._sentence_end(at)) if kind else None
        # An office with no place is of the jurisdiction in view in the sentence it is first
        # written in: "Sheriff Ann Ruiz announced that Lake County had left the program".
        if aff.jurisdiction or not aff.kind:
            return aff.jurisdiction
        found = self._office_place(aff.kind, aff.at)
        if found is None and aff.office:
            # "Fabien Levy, the mayor's press secretary," before any city is in view: the
            # office of the one who holds it in the article ("Mayor Eric Adams", later)
            found = next((j for other in self.people.values()
                          if other is not aff and other.office == aff.office
                          and (j := other.jurisdiction or self._of_kind(
                              aff.kind, self._sentence_end(other.at)))), None)
        if found is None and aff.kind == "place":
            found = self._county_town(aff.at)
        return found

    def link(
        self,
        index: int,
        named: Sequence[str],
        speaker: str | None,
        pronoun_person: str | None,
        reports: bool = True,
    ) -> tuple[tuple[str, str], ...]:
        """Link sentence ``index``.

        Parameters
        ----------
        index : int
            Index of the sentence in the layer.
        named : sequence of str
            Ids the sentence names, in order.
        speaker : str or None
            Who is quoted or reported, anaphors resolved ("Lake County Sheriff Ann Ruiz").
        pronoun_person : str or None
            The person a leading "He"/"She"/"His"/"Her" stands for, if any.
        reports : bool
            Whether the sentence reports something (has a category): only such a sentence is
            what a later "the measure" refers back to.

        Returns
        -------
        tuple of (str, str)
            ``(jurisdiction id, how)``.
        """
        sent = self.layer.sentences[index]
        text = sent.text
        self._spoke[index] = speaker
        out = SentenceLinks({})
        for j in named:
            out.add(j, "named")
        spans = [(s - sent.start, e - sent.start)
                 for s, e, _ in self._between(sent.start, sent.end)] if named else []
        # Places named only as where something came from ("after being bused from Texas"): the
        # sentence is still about where it happens, read as if it named no place.
        origins = self._origins(sent.start, sent.end) if named else set()
        # ... nor are legislators' home towns ("eight Republicans backed the move: Reps. Ann
        # Ruiz of Lakeview, ..."): the sentence is about the legislature's act
        homes = self.tag_named(index) if named and self._tagged else set()
        located = [j for j in named if j not in origins and j not in homes]
        named_kinds = {kind_of(j) for j in located}
        own = self._person(speaker, sent.start)
        out.add(own, "affiliation")
        if self._surnames is not None:
            for m in self._surnames.finditer(text):
                out.add(self._person(m.group(), sent.start), "affiliation")
        if pronoun_person and _PRONOUN_SUBJECT.match(text):
            out.add(self._person(pronoun_person, sent.start), "coreference")
        for m in chain(_INSTITUTION.finditer(text), _MEMBERS.finditer(text)):
            if _inside_outlet_name(text, m.start("inst"), m.end("inst")):
                continue  # "told the Wisconsin State Journal": a newspaper, not the state
            kind = lex.INSTITUTION_KINDS[m.group("inst").lower()]
            groups = m.groupdict()
            qualifier = (groups.get("mid") or groups.get("det") or "").lower()
            if qualifier == "local" and self.focus.state_prominent:
                continue  # "state law bars local police from ...": any city's, not one's
            if kind == "local" and qualifier in ("county", "city", "town", "state"):
                kind = {"city": "place", "town": "place"}.get(qualifier, qualifier)
            if (kind in named_kinds or (kind == "local" and named_kinds & {"place", "county"})) \
                    and _names_its_place(text, m.start(), m.end("inst"), spans):
                continue  # "the Okmulgee County Jail", "the sheriff of Dane County"
            if own is not None and qualifier == "our" and (
                    kind_of(own) == kind or (kind == "local" and kind_of(own) in ("place", "county"))):
                # '"It keeps our county safe," Ruiz said': the speaker's own, not the county
                # another official spoke for just before
                out.add(own, "affiliation")
                continue
            out.add(self._of_kind(kind, sent.start + m.start()), "institution")
        for m in _STATE_QUALIFIED.finditer(text) if "state" in named_kinds else ():
            # "he claimed a Virginia sheriff violated his rights": the county or city of that
            # state the article is about (its focus, or one just named), never another state's
            at = sent.start + m.start("state")
            state = next((j for s, _, j in self._between(at, at + 1) if kind_of(j) == "state"), None)
            if state is not None:
                local = self._of_kind(lex.INSTITUTION_KINDS[m.group("inst")], sent.start + m.start())
                if local is not None and local[:2] == state:
                    out.add(local, "institution")
        if "place" not in named_kinds:
            for m in _DESCRIBED_TOWN.finditer(text):
                # "east of the north-central Nebraska town": the town the article is about, in
                # the state the description names, if it names one
                town = self._of_kind("place", sent.start + m.start())
                states = {j for _, _, j in self._between(sent.start + m.start(), sent.start + m.end())
                          if kind_of(j) == "state"}
                if town is not None and (not states or town[:2] in states):
                    out.add(town, "coreference")
        if not located:
            # A pronoun continues the sentence before; an act or places ("the measure", "those
            # communities") the last one that reported something.
            subject = _CONTINUATION.search(text) is not None
            noun = _PLACE_NOUNS.search(text) or _STATE_DESCRIBED_PLACES.search(text)
            places = noun is not None or ("there" in text and _THERE.search(text) is not None)
            # "both counties" point back at counties, not at a city and its state just named
            noun_kind = lex.PLACE_NOUN_KINDS.get(noun.group("noun")) if noun is not None else None
            act = None if subject or places else _ACT_REFERENCE.search(text)
            if subject or places or act:
                entries: Iterator[tuple[int, tuple[tuple[str, str], ...], bool]] = \
                    reversed(self.history)
                same = None
                if act is not None and self.history \
                        and self.layer.sentences[self.history[-1][0]].paragraph != sent.paragraph:
                    # "the bill" opening a paragraph is the last reported act written with that
                    # noun ("the bill passed 70-45"), past a paragraph in between about
                    # something else (within its paragraph, the sentence before decides)
                    same = self._last_naming(act.group().split()[-1], index)
                    if same is not None:
                        entries = chain((same,), entries)
                for k, pairs, reported in entries:
                    if not (subject or reported) or (k in self._surveys and not places):
                        continue
                    if noun_kind and not subject and pairs \
                            and all(j in self._passing and kind_of(j) != noun_kind
                                    for j, _ in pairs):
                        continue  # an aside of another kind of place: the story's are before
                    if (not places or index - k > 1) and pairs \
                            and all(j in self._passing for j, _ in pairs) \
                            and self.layer.sentences[k].paragraph != sent.paragraph \
                            and not (same is not None and k == same[0] and index - k == 1):
                        # (but "the bill" right after the sentence that wrote "a bill" is that
                        # bill, in a place told of once: "In Maine, lawmakers passed a bill."
                        # then "At the time, Gov. Ann Ruiz called the bill ...")
                        # "A similar debate played out in Portland." is not what "it" or "the
                        # measure" is about; "those cities" right after it do point back at its
                        # places, but "there" a sentence later is the story's own place: the
                        # story goes on from before the aside
                        continue
                    # an act reaches further back than a pronoun, past sentences that carry
                    # no place (a quote paragraph between "Voters upheld the law" and "the
                    # existing statute")
                    if index - k <= (COREFERENCE_WINDOW if subject or places else ACT_WINDOW):
                        for j, _ in pairs:
                            out.add(j, "coreference")
                        if act is not None and pairs \
                                and act.group().split()[-1].lower() in lex.LAW_NOUNS \
                                and all(kind_of(j) in ("place", "county") for j, _ in pairs):
                            # "Under the new law, police can't ask ..." after a county official
                            # spoke of it: a law is a state's act (a county or city passes
                            # ordinances), so it is the state's as well
                            out.add(pairs[0][0][:2], "coreference")
                    break
        for m in chain(_STATE_WORD.finditer(text), _COLLECTIVE.finditer(text),
                       _STATE_BILL.finditer(text)):
            if _ANY_STATE.search(text, max(0, m.start() - 30), m.start()) \
                    and _NOUN_ENDS.match(text, m.end()):
                # "we are not a border state or district", "like any other state": no state's
                # own ("any state funding" is the state's money)
                continue
            if "state" not in named_kinds:
                out.add(self._of_kind("state", sent.start + m.start()), "institution")
        # (links are only added from here on: a sentence linked now stays linked)
        national = not out.links.keys() - origins and _is_national(text)
        if not out.links.keys() - origins and not national and self.history:
            # A paragraph keeps to its place: "In Lake County, agents arrested 12 people. ...
            # Advocates set up a hotline."
            # So does the paragraph under a heading line that names a place ("Rock County
            # Sheriff Tom Berg", then "Yes. We will honor every detainer.").
            # The answer may run over several paragraphs (one sentence each, in some styles):
            # each paragraph of it, to the next place named, is under the heading.
            k, pairs, _ = self.history[-1]
            before = self.layer.sentences[k].paragraph
            under = before == sent.paragraph - 1 and (k in self._under_heading or self._heading(k))
            # So does a quote paragraph that goes on with the words of the one who spoke in the
            # paragraph before ('"...," the mayor of San Diego, Ann Ruiz, says.' then '"They
            # stayed over an hour."', one sentence a paragraph): the same quote, split.
            opens = index == 0 or self.layer.sentences[index - 1].paragraph != sent.paragraph
            goes_on = before == sent.paragraph - 1 and opens and speaker is not None \
                and self._spoke.get(k) == speaker and text[:1] in _OPENING_MARKS \
                and text.rstrip()[-1:] in _CLOSING_QUOTE_MARKS  # (no attribution of its own)
            if (before == sent.paragraph or under or goes_on) and k not in self._surveys:
                for j, _ in pairs:
                    out.add(j, "coreference")
                if under or k in self._under_heading:
                    self._under_heading.add(index)
        if not out.links.keys() - origins and (head := _HEAD_SUBJECT.match(text)) is not None:
            # "The district stated that ..." after "the Minidoka County School District
            # released a statement", linked by nothing else: the body named just before by a
            # name ending in that noun, and the place its name holds
            for j in self._named_by_head(head.group("noun"), index):
                out.add(j, "institution")
        if not out.links.keys() - origins and not national:
            for j in self.focus.fallback:
                out.add(j, "dateline" if self.focus.how == "dateline" and kind_of(j) != "state"
                        else "focus")
        for j, how in list(out.links.items()):
            if how != "named" and kind_of(j) == "county":
                out.add(self.city_of_county(j), how)
        pairs = out.pairs()
        in_caption = in_spans(sent.start, self.captions)
        # A survey of places ("agents arrested 12 people in A, 8 in B and 5 in C") is not what
        # the next sentence continues ("This was different," the attorney said), unless it
        # points back at places ("those locations").
        if self._listed and any(st in self._listed
                                for st, _, _ in self._between(sent.start, sent.end)):
            self._surveys.add(index)
        if pairs and not in_caption and any(h != "focus" and h != "dateline" for _, h in pairs):
            tagged = {j for st, _, j in self._between(sent.start, sent.end)
                      if st in self._tagged} if self._tagged else ()
            carried = tuple((j, h) for j, h in pairs if not (h == "named" and j in tagged))
            self.history.append((index, carried, reports))
        return pairs
