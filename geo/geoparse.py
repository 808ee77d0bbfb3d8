"""Find the US jurisdictions a text names and resolve each to its id.

The finder is dictionary driven: every name and alias of the gazetteer is tokenized once per
gazetteer into an n-gram index, and the text is scanned for the longest capitalized n-gram that
is a name (all-capital words only in headlines and datelines, "NYC"-style aliases aside). Each
hit then goes through rules that fix what a naive lookup gets wrong, all of them general
(nothing is keyed to one article):

* people: a name after a title ("Judge Austin", "Sheriff Sally Hernandez") or after a known first
  name ("Andrew Austin", "Bryan Cox") is a person; a surname seen in a person's name is a person
  again before a speech verb ("Austin said") and otherwise needs strong support; any name
  followed by a speech verb ("Peabody says") is a person.
* names inside longer names ("Kyra Jennings", "Webb Center", "Hugley-Green", "McPherson &
  Jacobsen", "St. John's Hospital") are kept only with strong support (a state written after
  them, another place nearby, the same name standing alone elsewhere); street names ("Clark
  Drive") never. Offices of a jurisdiction ("Madison Mayor", "Austin Police Department",
  "Tarrant County Medical Examiner") are mentions of it.
* storms: names after "Hurricane(s)", "Tropical Storm", "Typhoon" are storms everywhere in the
  article ("Hurricanes Irma and Harvey").
* outlets and teams: a place name in a capitalized run with a newspaper or team word ("New York
  Times", "Texas Tribune", "Houston Chronicle", "Dallas Cowboys") is the outlet, not a place the
  article reports on.
* common words ("Mobile", "Justice", "Homeland", "Liberty") are places only with a state after
  them, or for big cities after "in"/"at"; sentence-initial small places (often surnames) need
  support.
* foreign places: countries ("Mexico", "India", the country Georgia) are not US jurisdictions
  unless a state follows them ("Mexico, Mo."); world cities ("Paris", "Dublin") need US context.
* qualifiers: "Austin, Texas", "Austin, TX", "Portland, Ore.", "Travis County, Texas", "Texas'
  Travis County" restrict the name to that state (a name with no place in that state is dropped:
  "Fairfield, Conn." is not Fairfield, Calif.); "Alameda and Santa Clara counties" yields one
  county per name; AP abbreviations stand alone after a party dash ("D-Calif.").
* kind cues: "Madison Mayor" is a city, "Dane County Sheriff" a county, "New York State",
  "upstate New York", "New York Gov." a state; a name in a list ("New York, Los Angeles and
  Chicago") takes the kind of its neighbours; a capitalized dateline ("NEW YORK (Reuters) -") is
  the city. "Washington" alone is the capital unless the article points to the state (its
  places, "Washington state", a list of states). "Washington, D.C.", "Washington D.C." and "D.C."
  resolve to the place 1150000, not the state-equivalent 11: the news means the city, and the
  map draws the place (the two share one boundary).
* context: a name with several readings prefers the one in a state the article names, inside a
  county the article names, near the article's other places (half-degree cells, weighted by how
  ambiguous the other names are), then the most populous (counties by the people of their
  cities). Context never lets a hamlet beat a city a thousand times its size. Small places with
  no support are left out.
* misspellings of states and cities of 300,000 or more ("Massachusets"), on capitalized words
  that are not names of people, with a lower confidence.

Every mention records, in ``method``, the rule that decided it, and a confidence in 0..1.
"""

from __future__ import annotations

import functools
import math
import re
import threading
import unicodedata
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from geo import _lexicon as lex
from geo.gazetteer import Gazetteer, Jurisdiction, load_gazetteer

__all__ = ["Mention", "geoparse"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One span of text that names a US jurisdiction.

    Attributes
    ----------
    start, end : int
        Character offsets into the source text; ``text == source[start:end]``.
    text : str
        The span as written ("Travis County", "Washington D.C.", "Massachusets").
    jurisdiction_id : str
        The id it resolves to ("48453", "1150000", "25", "region:san-francisco-bay-area").
    confidence : float
        How sure the resolution is, 0..1.
    method : str
        Why this id: "city, state", "county, state", "state name", "alias", "region",
        "state named in article", "near other places", "population prior", "fuzzy", ...
    """

    start: int
    end: int
    text: str
    jurisdiction_id: str
    confidence: float
    method: str


# --------------------------------------------------------------------------------------------
# Tokens

_TOKEN_RE = re.compile(
    r"(?P<abbr>[A-Z][a-z]{0,3}\.(?:\s?[A-Z][a-z]{0,3}\.)+)"  # D.C., U.S., W.Va., N. Y.
    r"|(?P<word>[^\W\d_]+(?:['\u2019][^\W\d_]+)*)"
    r"|(?P<num>\d[\d,.]*\d|\d)"
    r"|(?P<punct>\S)"
)
# Single-dot abbreviations that belong to their word ("St. Louis", "Ft. Worth", "Sen.").
_DOT_WORDS = frozenset({
    "St", "Ste", "Ft", "Mt", "Pt", "Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov",
    "Govs", "Gen", "Lt", "Sgt", "Capt", "Cpl", "Rev", "Jr", "Sr", "Det", "Col", "Maj", "Prof",
    "Atty", "Dir", "Cmdr", "Adm", "Del", "Co", "Corp", "Inc", "Ave", "Blvd", "Rd", "No", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Mx",
})
_CANON = {"saint": "st", "sainte": "ste", "ft": "fort", "mt": "mount"}
_SENTENCE_END = frozenset(".!?:;")
_OPENERS = frozenset("\"'\u201c\u2018([\u00ab\u2014-")
_LOCATIVES = frozenset({
    "in", "at", "from", "to", "near", "into", "outside", "around", "across", "throughout",
    "toward", "towards", "of", "via", "through", "within", "inside", "between", "and",
})
_DATELINE_END = frozenset({",", "-", "\u2014", "\u2013", "("})
_STREET_WORDS = frozenset({
    "Drive", "Dr.", "Road", "Rd.", "Street", "St.", "Avenue", "Ave.", "Lane", "Ln.", "Boulevard",
    "Blvd.", "Parkway", "Pkwy.", "Highway", "Hwy.", "Pike", "Way", "Trail", "Circle", "Terrace",
    "Expressway", "Freeway", "Turnpike", "Route", "Place", "Alley", "Plaza",
})
_INSTITUTION_WORDS = (lex.PLACE_WORDS | lex.CITY_CUES | lex.COUNTY_CUES | lex.STATE_CUES
                      | lex.TITLES) - _STREET_WORDS
# Institutions often named after people ("Webb Center", "Lee Academy", "Fithian House"), unlike
# the offices of a jurisdiction ("Madison Police", "Travis County Sheriff").
_BUILDING_WORDS = frozenset({
    "Center", "Centre", "House", "Hall", "Academy", "University", "College", "Mall", "Memorial",
    "Foundation", "Society", "Club", "Inn", "Museum", "Church", "Hospital", "Arena", "Stadium",
    "Park", "Library", "Institute", "Company", "Co.", "Inc.", "Corp.", "Energy", "Bank",
})
_CALENDAR = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
})
# Multi-word names that are institutions far more often than the small places they also name.
_NOT_PLACES = frozenset({("white", "house"), ("wall", "street"), ("capitol", "hill"),
                         ("supreme", "court"), ("main", "street"), ("santa", "claus")})
_STRICT_LOCATIVES = frozenset({
    "in", "at", "near", "outside", "from", "into", "through", "throughout", "across", "around",
})
_LIST_GLUE = (
    (",",), ("and",), ("or",), (",", "and"), (",", "or"), ("as", "well", "as"),
    (",", "as", "well", "as"), ("&",), ("/",), ("to",), ("-",), ("\u2013",),
)


@functools.lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    """Lower-case, strip accents, dots and apostrophes; canonical Saint/Fort/Mount."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(ch))
    key = text.lower().replace(".", "").replace("'", "").replace("\u2019", "")
    return _CANON.get(key, key)


@dataclass(slots=True)
class _Tokens:
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    norms: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # w word, a abbreviation, n number, p punct
    sentence_start: list[bool] = field(default_factory=list)
    line_start: list[bool] = field(default_factory=list)


def _tokenize(text: str, dot_abbreviations: frozenset[str] = frozenset()) -> _Tokens:
    toks = _Tokens()
    n = len(text)
    consumed = 0
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup or "punct"
        start, end = match.span()
        if start < consumed:  # the dot of an abbreviation merged into its word
            continue
        word = match.group()
        if kind == "word":
            lower = word.lower()
            if len(word) > 3 and (lower.endswith("'s") or lower.endswith("\u2019s")):
                toks.starts.append(start)
                toks.ends.append(end - 2)
                toks.texts.append(word[:-2])
                toks.norms.append(_norm(word[:-2]))
                toks.kinds.append("w")
                start, end, word, kind = end - 2, end, word[-2:], "p"
            elif end < n and text[end] == "." and (word in _DOT_WORDS
                                                     or f"{word}." in dot_abbreviations):
                end += 1
                consumed = end
                word = text[start:end]
                kind = "a"
        toks.starts.append(start)
        toks.ends.append(end)
        toks.texts.append(word)
        toks.norms.append("s" if kind == "p" and word[-1:] in "sS" else _norm(word))
        toks.kinds.append({"word": "w", "abbr": "a", "num": "n"}.get(kind, kind[0]))
    # Sentence and line starts: the first token, or one after . ! ? : or a line break,
    # skipping opening quotes and brackets.
    fresh = True
    line = True
    previous_end = 0
    for i, word in enumerate(toks.texts):
        if "\n" in text[previous_end:toks.starts[i]]:
            fresh = line = True
        elif i and toks.kinds[i - 1] == "a" and word in lex.FUNCTION_WORDS:
            fresh = True  # "in Washington, D.C. The mother...": the dot ended the sentence
        toks.sentence_start.append(fresh)
        toks.line_start.append(line)
        kind = toks.kinds[i]
        if kind == "p" and word in _OPENERS and fresh:
            pass
        elif kind == "p" and word in _SENTENCE_END:
            fresh = True
            line = False
        else:
            fresh = line = False
        previous_end = toks.ends[i]
    return toks


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _is_upper(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# --------------------------------------------------------------------------------------------
# The name index, built once per gazetteer


@dataclass(slots=True)
class _Index:
    keys: dict[tuple[str, ...], tuple[str, ...]]
    the_only: set[tuple[str, ...]]
    upper_aliases: set[str]
    upper_only: set[tuple[str, ...]]
    lengths: dict[str, tuple[int, ...]]
    jur: dict[str, Jurisdiction]
    state_by_text: dict[str, str]
    state_names: dict[tuple[str, ...], str]
    dot_abbreviations: frozenset[str]
    fuzzy: dict[str, set[str]]
    fuzzy_targets: dict[str, tuple[str, ...]]
    dc_place: str | None
    pop: dict[str, int]
    official: set[tuple[str, tuple[str, ...]]]


def _name_variants(j: Jurisdiction) -> Iterable[str]:
    yield j.name
    yield from j.aliases
    # Consolidated city-counties carry Census names news never uses:
    # "Louisville/Jefferson County metro government (balance)" -> "Louisville",
    # "Macon-Bibb County" -> "Macon".
    lowered = j.name.lower()
    if j.kind == "place" and ("(balance)" in lowered or "government" in lowered
                              or ("-" in j.name and lowered.endswith(" county"))):
        yield re.split(r"[-/(]| metro| unified| consolidated", j.name)[0].strip()
    # A hyphenated county name is distinctive without "County": "Miami-Dade police".
    if j.kind == "county" and "-" in j.name and j.name.endswith(" County"):
        yield j.name[: -len(" County")]


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def _build_index(gaz: Gazetteer) -> _Index:
    jurisdictions: list[Jurisdiction]
    try:
        jurisdictions = list(gaz)
    except TypeError:  # a gazetteer that only offers the documented names() API
        ids = {i for group in gaz.names().values() for i in group}
        jurisdictions = [gaz.get(i) for i in sorted(ids)]
    keys: dict[tuple[str, ...], list[str]] = defaultdict(list)
    plain: set[tuple[str, ...]] = set()
    the_keys: set[tuple[str, ...]] = set()
    upper_aliases: set[str] = set()
    state_by_text: dict[str, str] = {}
    state_names: dict[tuple[str, ...], str] = {}
    dot_abbreviations: set[str] = set()
    dc_place = None
    upper: list[tuple[Jurisdiction, str]] = []
    upper_keys: set[tuple[str, ...]] = set()
    official: set[tuple[str, tuple[str, ...]]] = set()
    mixed_keys: set[tuple[str, ...]] = set()
    for j in jurisdictions:
        if j.kind == "state":
            for abbreviation in (j.state_abbr or "", *j.abbreviations):
                if abbreviation:
                    state_by_text[abbreviation] = j.id
                    state_by_text[abbreviation.replace(" ", "")] = j.id
                    if abbreviation.endswith(".") and abbreviation.count(".") == 1:
                        dot_abbreviations.add(abbreviation)
        if j.kind == "place" and j.state == "11":
            dc_place = j.id
        for name in _name_variants(j):
            if not name:
                continue
            is_the = name.lower().startswith("the ")
            if is_the:
                name = name[4:]
            toks = _tokenize(name, frozenset(dot_abbreviations))
            key = tuple(toks.norms)
            if not key or all(k in "s,.()" for k in key):
                continue
            if _is_upper(name) and len(toks.texts) == 1:
                upper.append((j, toks.texts[0]))
                upper_keys.add(key)
            else:
                mixed_keys.add(key)
            if j.id not in keys[key]:
                keys[key].append(j.id)
            if is_the:
                the_keys.add(key)
            else:
                plain.add(key)
            if name == j.name:
                official.add((j.id, key))
            if j.kind == "state" and name == j.name:
                state_names[key] = j.id
    by_id = {j.id: j for j in jurisdictions}
    # All-caps aliases are trusted when they abbreviate the name ("NYC", "LA", "SF") or appear in
    # another alias ("DC" in "Washington DC"); airport codes ("ATL", "DEN") are not.
    for j, alias in upper:
        names = [j.name, *j.aliases]
        initials = {"".join(w[0] for w in n.split() if w[:1].isupper()) for n in names}
        words = {w for n in names if n != alias for w in n.replace(",", " ").split()}
        if alias.replace(".", "") in initials or alias in words or "." in alias:
            upper_aliases.add(alias)

    def prior(i: str) -> tuple[int, float]:
        j = by_id[i]
        return ({"state": 0, "region": 1, "place": 2, "county": 3}[j.kind],
                -(j.population or 0))

    final = {k: tuple(sorted(v, key=prior)) for k, v in keys.items()}
    # Counties carry no population: use the people of the cities in them, so that "Cook County"
    # alone is Chicago's county, not Minnesota's.
    pop = {j.id: j.population or 0 for j in jurisdictions}
    for j in jurisdictions:
        if j.kind == "place" and j.population and len(j.parents) > 1 and j.parents[0] in pop:
            county = by_id[j.parents[0]]
            if not county.population:
                pop[county.id] += j.population
    lengths: dict[str, set[int]] = defaultdict(set)
    for key in final:
        lengths[key[0]].add(len(key))
    # Fuzzy targets: states and places of 300,000 or more, by their full lower-case name.
    fuzzy: dict[str, set[str]] = defaultdict(set)
    targets: dict[str, list[str]] = defaultdict(list)
    for j in jurisdictions:
        if j.kind == "state" or (j.kind == "place" and (j.population or 0) >= 300_000):
            target = " ".join(_tokenize(j.name).norms)
            if len(target) < 6:
                continue
            targets[target].append(j.id)
            for variant in _deletes(target, 2 if len(target) >= 12 else 1):
                fuzzy[variant].add(target)
    return _Index(
        keys=final,
        the_only=the_keys - plain,
        upper_aliases=upper_aliases,
        upper_only=upper_keys - mixed_keys,
        lengths={k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()},
        jur=by_id,
        state_by_text=state_by_text,
        state_names=state_names,
        dot_abbreviations=frozenset(dot_abbreviations),
        fuzzy=dict(fuzzy),
        fuzzy_targets={k: tuple(v) for k, v in targets.items()},
        dc_place=dc_place,
        pop=pop,
        official=official,
    )


_INDEXES: weakref.WeakKeyDictionary[Gazetteer, _Index] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _index_for(gaz: Gazetteer) -> _Index:
    with _LOCK:
        index = _INDEXES.get(gaz)
        if index is None:
            index = _INDEXES[gaz] = _build_index(gaz)
        return index


def _osa(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein plus adjacent transpositions)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for k in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[k - 1] else 1
            current[k] = min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost)
            if i > 1 and k > 1 and a[i - 1] == b[k - 2] and a[i - 2] == b[k - 1]:
                current[k] = min(current[k], previous2[k - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _distance_km(a: Jurisdiction, b: Jurisdiction) -> float:
    """Equirectangular distance: within a few percent of the great circle under 500 km."""
    dx = (b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 111.2 * math.hypot(dx, b.lat - a.lat)


class _Anchors:
    """Jurisdictions already resolved in an article, each with the mentions that name it.

    A place named fifty times is one anchor with fifty positions, so measuring how near a
    reading lies to the article's other places costs one distance per distinct place, not one
    per mention (which made long texts quadratic).
    """

    def __init__(self) -> None:
        self._by_id: dict[str, tuple[Jurisdiction, set[int]]] = {}

    def append(self, anchor: tuple[int, Jurisdiction]) -> None:
        position, jurisdiction = anchor
        self._by_id.setdefault(jurisdiction.id, (jurisdiction, set()))[1].add(position)

    def states(self) -> set[str]:
        return {j.state for j, _ in self._by_id.values() if j.state}

    def nearest_km(self, reading: Jurisdiction, position: int) -> float:
        """Distance to the nearest other anchored place named somewhere but at ``position``."""
        return min((_distance_km(reading, a) for a, positions in self._by_id.values()
                    if a.id != reading.id and positions != {position}), default=math.inf)


# --------------------------------------------------------------------------------------------
# Parsing one text

_MIN_POP_UNSUPPORTED = 20_000  # a lone place name with no context must be at least this big
_MIN_POP_WORLD = 100_000  # a US city named like a world city wins without context from here
_NEAR_KM = 40.0
_REGION_KM = 120.0
_GEORGIA_COUNTRY_CUES = frozenset({
    "tbilisi", "ossetia", "abkhazia", "saakashvili", "caucasus", "georgians", "soviet",
    "russia", "russian", "armenia", "azerbaijan", "batumi", "kutaisi",
})


@dataclass(slots=True)
class _Cand:
    i: int
    j: int
    ids: tuple[str, ...]
    key: tuple[str, ...]
    drop: str | None = None
    qual: str | None = None  # state id written after or before the name
    cue: str | None = None  # kind suggested by the words around it
    forced_kind: str | None = None
    common: bool = False
    surname: bool = False
    in_name: str | None = None  # inside a longer name: needs strong support
    the_only: bool = False  # "the District", "the Valley": only if named plainly elsewhere
    dateline: bool = False
    office: bool = False  # followed by an office or institution of the place
    initial: bool = False  # a single word starting a sentence
    world: bool = False
    upper: bool = False
    chosen: str | None = None
    confidence: float = 0.0
    method: str = ""
    weak_reason: str | None = None


class _Parser:
    def __init__(self, text: str, index: _Index) -> None:
        self.text = text
        self.x = index
        self.t = _tokenize(text, index.dot_abbreviations)
        n = len(self.t.texts)
        self.n = n
        self.person = [False] * n
        self.storm = [False] * n
        self.surnames: set[str] = set()
        self.person_keys: set[tuple[str, ...]] = set()
        self.strong_keys: set[tuple[str, ...]] = set()
        self.storm_names: set[str] = set()
        self.lower_seen = {nm for nm, tx, k in zip(self.t.norms, self.t.texts, self.t.kinds,
                                                  strict=True) if k == "w" and tx.islower()}
        self._line_caps: dict[int, bool] = {}
        self.title_case = self._title_case_sentences()

    def _title_case_sentences(self) -> list[bool]:
        """Per token: whether its sentence is a headline in title case ("Water Main Repaired")."""
        out = [False] * self.n
        start = 0
        for k in range(1, self.n + 1):
            if k == self.n or self.t.sentence_start[k]:
                words = [w for w, kind in zip(self.t.texts[start:k], self.t.kinds[start:k],
                                              strict=True) if kind == "w" and w.isalpha()]
                content = [w for w in words if w.lower() not in lex.CONNECTORS]
                if len(content) >= 3 and sum(_is_cap(w) for w in content) >= 0.75 * len(content):
                    out[start:k] = [True] * (k - start)
                start = k
        return out

    # -- helpers -----------------------------------------------------------------------------
    def _word(self, k: int) -> str:
        return self.t.texts[k] if 0 <= k < self.n else ""

    def _cap_word(self, k: int) -> bool:
        return 0 <= k < self.n and self.t.kinds[k] in "wa" and _is_cap(self.t.texts[k])

    def _caps_line(self, k: int) -> bool:
        """Whether the line holding token k is written in capitals (a headline, a dateline)."""
        start = self.text.rfind("\n", 0, self.t.starts[k]) + 1
        cached = self._line_caps.get(start)
        if cached is None:
            end = self.text.find("\n", start)
            line = self.text[start:end if end >= 0 else len(self.text)]
            letters = [c for c in line if c.isalpha()]
            cached = bool(letters) and sum(c.isupper() for c in letters) >= 0.6 * len(letters)
            self._line_caps[start] = cached
        return cached

    # -- people and storms -------------------------------------------------------------------
    def _initial(self, k: int) -> bool:
        return (self.t.kinds[k] == "w" and len(self.t.texts[k]) == 1 and self.t.texts[k].isupper()
                and self._word(k + 1) == ".")

    def _name_run(self, k: int, limit: int) -> list[int]:
        """Capitalized name tokens from k on (initials skipped), stopping at place words."""
        run: list[int] = []
        while k < self.n and len(run) < limit:
            word = self.t.texts[k]
            if self._initial(k):
                run.append(k)
                k += 2
                continue
            if (self.t.kinds[k] in "wa" and _is_cap(word) and not _is_upper(word)
                    and word not in lex.PLACE_WORDS and word not in lex.FUNCTION_WORDS):
                run.append(k)
                k += 1
                continue
            break
        return run

    def _mark_people(self) -> None:
        texts, kinds = self.t.texts, self.t.kinds
        for i in range(self.n):
            word = texts[i]
            if kinds[i] not in "wa":
                continue
            if word in lex.TITLES or (word.islower() and word in lex.LOWER_TITLES):
                k = i + 1
                while k < self.n and texts[k] in lex.TITLES:  # "Magistrate Judge Andrew Austin"
                    k += 1
                run = self._name_run(k, 4)
                if run and not (word.islower() and self.t.sentence_start[run[0]]):
                    self._person(run)
            elif word in lex.FIRST_NAMES and not self.person[i] \
                    and (self.t.norms[i],) not in self.x.state_names:
                run = self._name_run(i + 1, 3)
                if not run:
                    continue
                if self._word(run[-1] + 1) in lex.PLACE_WORDS and self._big_place(i):
                    continue  # "Madison Common Council"; but "George Washington High School"
                if self._key_at(i, min_len=2):
                    continue  # "Jordan Valley", "Santa Clara": the words form a place name
                self._person([i, *run])

    def _person(self, run: list[int]) -> None:
        for k in run:
            self.person[k] = True
        last = run[-1]
        if len(self.t.texts[last]) > 1:
            self.surnames.add(self.t.norms[last])

    def _big_place(self, i: int) -> bool:
        """Whether the word at i alone names a place of 50,000 or more ("Madison")."""
        return any((self.x.jur[j].population or 0) >= 50_000
                   for j in self.x.keys.get((self.t.norms[i],), ()))

    def _key_at(self, i: int, min_len: int = 1) -> tuple[str, ...] | None:
        for length in self.x.lengths.get(self.t.norms[i], ()):
            if length >= min_len and i + length <= self.n:
                key = tuple(self.t.norms[i:i + length])
                if key in self.x.keys:
                    return key
        return None

    def _mark_storms(self) -> None:
        texts = self.t.texts
        for i in range(self.n):
            if texts[i] not in lex.STORM_WORDS:
                continue
            k = i + 1
            while k < self.n:
                if self._cap_word(k) and texts[k] not in lex.FUNCTION_WORDS:
                    self.storm[k] = True
                    self.storm_names.add(self.t.norms[k])
                    k += 1
                elif texts[k] in {",", "and", "&"} and self._cap_word(k + 1):
                    k += 1
                else:
                    break

    # -- finding -----------------------------------------------------------------------------
    def _shape_ok(self, i: int, j: int, key: tuple[str, ...]) -> tuple[bool, bool]:
        """Whether the tokens i..j look like a name; second value: written in capitals."""
        texts, kinds = self.t.texts, self.t.kinds
        if not _is_cap(texts[i]) or not (_is_cap(texts[j - 1]) or kinds[j - 1] == "p"):
            return False, False
        upper = False
        for k in range(i, j):
            word = texts[k]
            if kinds[k] == "w":
                if not _is_cap(word) and word not in lex.CONNECTORS:
                    return False, False
                if _is_upper(word):
                    upper = True
        if upper:
            words = [texts[k] for k in range(i, j) if kinds[k] == "w"]
            if len(words) == 1 and words[0] in self.x.upper_aliases:
                upper = False  # "NYC", "LA": written in capitals by nature
            elif sum(len(w) for w in words) < 4 or not (
                    self._caps_line(i)
                    or (self.t.sentence_start[i] and self._word(j) in _DATELINE_END)):
                return False, True
        if len(key) == 1 and len(texts[i]) < 2:
            return False, False
        if key in self.x.upper_only and texts[i] not in self.x.upper_aliases:
            return False, False  # "La Nina" is not "LA"
        if key in self.x.the_only:
            if self.t.norms[i - 1:i] != ["the"] or self._cap_word(j):
                return False, upper
        return True, upper

    def _find(self) -> list[_Cand]:
        out: list[_Cand] = []
        texts, kinds, norms = self.t.texts, self.t.kinds, self.t.norms
        i = 0
        while i < self.n:
            if (kinds[i] not in "wa" or not _is_cap(texts[i]) or self.person[i] or self.storm[i]
                    or norms[i] not in self.x.lengths):
                state = self._abbreviated_state(i) if kinds[i] == "a" else None
                if state is not None:
                    out.append(_Cand(i, i + 1, (state,), ("<abbr>",), forced_kind="state"))
                i += 1
                continue
            found = None
            for length in self.x.lengths[norms[i]]:
                if i + length > self.n:
                    continue
                key = tuple(norms[i:i + length])
                ids = self.x.keys.get(key)
                if ids:
                    ok, upper = self._shape_ok(i, i + length, key)
                    if ok:
                        found = _Cand(i, i + length, ids, key, upper=upper,
                                      the_only=key in self.x.the_only)
                        found.dateline = (upper and self.t.sentence_start[i]
                                          and self._word(i + length) in _DATELINE_END)
                        break
            if found is None:
                state = self._abbreviated_state(i)
                if state is not None:
                    out.append(_Cand(i, i + 1, (state,), ("<abbr>",), forced_kind="state"))
                i += 1
                continue
            if found.key not in _NOT_PLACES:
                out.append(found)
            i = found.j
        return out

    def _abbreviated_state(self, i: int) -> str | None:
        """Return the state of an AP abbreviation standing alone ("D-W.Va.", "Western Mass.").

        Abbreviations with two dots ("W.Va.", "S.C.") are states wherever they stand; one-dot
        ones ("Ind.", "Mass.", "Pa.") only after a comma, a party dash or a direction word.
        """
        word = self.t.texts[i]
        state = self.x.state_by_text.get(word)
        if state is None or self.t.kinds[i] != "a" or word == "U.S.":
            return None
        if word.count(".") >= 2:
            return state
        before = self._word(i - 1)
        if before in {",", "-"} or before in lex.PLACE_MODIFIERS:
            return state
        after = self._word(i + 1)
        if after.isalpha() and after.islower():
            return state  # "a Ga. pastor", "Mass. legislators"
        return None

    def _county_lists(self, cands: list[_Cand]) -> list[_Cand]:
        """'Alameda and Santa Clara counties': one county per name before the plural."""
        out: list[_Cand] = []
        texts = self.t.texts
        for p in range(self.n):
            plural = texts[p].lower()
            if plural not in {"counties", "parishes"}:
                continue
            suffix = "county" if plural == "counties" else "parish"
            k = p - 1
            while k >= 0:
                end = k + 1
                while k >= 0 and self._cap_word(k):
                    k -= 1
                start = k + 1
                if start == end:
                    break
                if self._state_at(start) is not None and self._state_at(start)[1] == end:
                    break  # "Indiana counties" are the state's counties
                for s in range(start, end):
                    key = (*self.t.norms[s:end], suffix)
                    ids = tuple(i for i in self.x.keys.get(key, ())
                                if self.x.jur[i].kind == "county")
                    if ids:
                        out.append(_Cand(s, end, ids, key, forced_kind="county"))
                        break
                if k >= 1 and texts[k] == "and" and texts[k - 1] == ",":
                    k -= 2
                elif k >= 0 and texts[k] in {",", "and", "or", "&"}:
                    k -= 1
                else:
                    break
        if out:
            taken = [(c.i, c.j) for c in out]
            cands = [c for c in cands if not any(c.i < j and i < c.j for i, j in taken)]
        return cands + out

    # -- rules -------------------------------------------------------------------------------
    def _state_at(self, k: int) -> tuple[str, int] | None:
        """Return the state written at token k ("Texas", "TX", "Tex.", "W.Va.") and its end."""
        if k >= self.n:
            return None
        word = self.t.texts[k]
        state = self.x.state_by_text.get(word)
        if state and (self.t.kinds[k] == "a" or word.endswith(".") or word.isupper()):
            return state, k + 1
        for length in self.x.lengths.get(self.t.norms[k], ()):
            key = tuple(self.t.norms[k:k + length])
            if k + length <= self.n and key in self.x.state_names and _is_cap(word):
                return self.x.state_names[key], k + length
        return None

    def _filter(self, cands: list[_Cand]) -> list[_Cand]:
        texts, norms = self.t.texts, self.t.norms
        extra: list[_Cand] = []
        qualifier_tokens: set[int] = set()
        for c in cands:
            nxt = self._word(c.j)
            words = [texts[k] for k in range(c.i, c.j) if self.t.kinds[k] != "p"]
            phrase = " ".join(w.title() if c.upper else w for w in words)
            single = len(c.key) == 1
            # Qualifiers: "Austin, Texas", "Austin, TX", "Texas' Travis County". A name that is
            # itself a state ("Oregon, Illinois") is read as a list, not as a town.
            qualifiable = not any(self.x.jur[i].kind == "state" for i in c.ids)
            if nxt == "," and qualifiable:
                found = self._state_at(c.j + 1)
                if found and (self._in_state(c, found[0]) or not self._list_follows(found[1])):
                    state, end = found
                    qualifier_tokens.update(range(c.j + 1, end))
                    extra.append(_Cand(c.j + 1, end, (state,), ("<state>",),
                                       forced_kind="state"))
                    if self._in_state(c, state):
                        c.qual = state
                    else:
                        # "Fairfield, Conn.": a town the gazetteer lacks (a New England town
                        # is no Census place); not the Fairfield of another state.
                        c.drop = "no place of this name in the state written after it"
                        continue
            if c.qual is None and qualifiable and c.i >= 2 \
                    and texts[c.i - 1] in {"'s", "\u2019s", "'", "\u2019"}:
                before = self._state_before(c.i - 1)
                if before and self._in_state(c, before):
                    c.qual = before
            if c.qual is not None:
                c.ids = tuple(i for i in c.ids if self._in_state_id(i, c.qual))
            if self._part_of_other_name(c):
                continue
            c.cue = self._cue(c)
            # Outlets and teams: "New York Times", "Dallas Cowboys".
            media = [texts[k] for k in range(c.j, min(c.j + 3, self.n))
                     if texts[k] in lex.MEDIA_WORDS or texts[k].split("-")[0] in lex.MEDIA_WORDS]
            run_end = c.j
            while run_end < self.n and (self._cap_word(run_end) or texts[run_end] == "-"):
                run_end += 1
            if c.qual is None and c.key[-1] not in {"county", "parish"} and any(
                    texts[k] in lex.MEDIA_WORDS for k in range(c.j, run_end)):
                c.drop = f"outlet or team name ({phrase} {media[0] if media else nxt})"
                continue
            if single and c.qual is None and texts[c.i] in lex.PLACE_MODIFIERS:
                c.drop = "direction word"
                continue
            # Storms named anywhere in the article.
            if single and norms[c.i] in self.storm_names and c.qual is None:
                c.drop = "storm name"
                continue
            # Countries and world cities.
            if phrase in lex.COUNTRIES and c.qual is None:
                if not any(self.x.jur[i].kind == "state" for i in c.ids):
                    if c.office or c.cue == "place":
                        c.world = True  # "Lebanon Street Superintendent", "Jordan Elementary"
                    else:
                        c.drop = "country"
                        continue
                if self._georgia_country(c):
                    c.drop = "the country, not the state"
                    continue
            if (phrase in lex.WORLD_CITIES or phrase in lex.PROVINCES) and c.qual is None:
                c.world = True
            # Common words, sentence-initial capitals.
            if single and c.qual is None:
                word = texts[c.i]
                if word in lex.FUNCTION_WORDS:
                    c.drop = "function word"
                    continue
                if norms[c.i] in lex.COMMON_WORDS or norms[c.i] in self.lower_seen:
                    c.common = True
            # A surname of a person named in the article, with a speech verb after it.
            if single and norms[c.i] in self.surnames and c.qual is None:
                after = self._word(c.j)
                if after in {",", "'s", "\u2019s"}:
                    after = self._word(c.j + 1)
                if after in lex.SPEECH_VERBS or after in {"'s", "\u2019s"}:
                    c.drop = "person named earlier in the article"
                    continue
                c.surname = True
            if single and c.qual is None and self.t.sentence_start[c.i]:
                c.initial = True
        for c in cands:
            if c.key in self.person_keys and c.in_name is None and c.qual is None:
                c.surname = True
        if qualifier_tokens:
            cands = [c for c in cands
                     if not any(k in qualifier_tokens for k in range(c.i, c.j))]
        return cands + extra

    def _part_of_other_name(self, c: _Cand) -> bool:
        """Drop a name that is part of a person's, a street's or an institution's name.

        "Clark Drive", "Bishop Paulk", "Peabody says", "Kyra Jennings", "Ford Mustang",
        "Charlotte Graham", "Brookhaven National Laboratory"; but not "Austin Police
        Department", "Madison Common Council", "Greater Houston", "Austin, Texas".
        """
        if c.qual is not None or any(self.x.jur[i].kind == "state" for i in c.ids):
            return False
        texts = self.t.texts
        nxt, after = self._word(c.j), c.j
        if nxt in _STREET_WORDS:
            c.drop = f"street name ({nxt})"
            return True
        if len(c.key) == 1 and texts[c.i] in lex.TITLES and self._cap_word(c.j):
            c.drop = "title before a name"
            return True
        if nxt in {",", "\u2019s", "'s"} and self._word(c.j + 1) in lex.SPEECH_VERBS:
            after = c.j + 1
        if (self._word(after) in lex.SPEECH_VERBS and self._word(after) != "who"
                and self.t.norms[c.i - 1:c.i] != ["of"]
                and not (c.i and self.t.norms[c.i - 1] in _LOCATIVES)):
            c.drop = "person (speech verb after the name)"
            return True
        if self.title_case[c.i]:
            return False
        if c.key[-1] in {"county", "parish", "borough"}:
            return False  # "Tarrant County Medical Examiner" names the county
        if nxt == "&" and self._cap_word(c.j + 1):
            c.in_name = f"name of a firm ({texts[c.i]} & {texts[c.j + 1]})"
            return False
        if c.key[0] in {"st", "ste"} and nxt in {"'s", "\u2019s"}:
            c.in_name = "a saint's name (St. John's Hospital)"
            return False
        starts, ends = self.t.starts, self.t.ends
        for dash, other in ((c.i - 1, c.i - 2), (c.j, c.j + 1)):
            if other < 0 or other >= self.n or self._word(dash) != "-":
                continue
            left, right = (other, c.i) if other < c.i else (c.j - 1, other)
            glued = ends[left] == starts[dash] and ends[dash] == starts[right]
            if (glued and self._cap_word(other) and self._key_at(other) is None
                    and len(self.t.texts[other]) > 1):  # not a party: "R-Ashland"
                # "Hugley-Green" is a surname; "Paris-Henry County" names two places.
                c.in_name = f"part of a hyphenated name ({self.text[starts[left]:ends[right]]})"
                self.person_keys.add(c.key)
                return False
        # Soft rules: the name sits inside a longer capitalized name. Kept only with strong
        # support (a qualifier, a place nearby, the same name elsewhere on its own).
        prev = c.i - 1
        if (prev >= 0 and self.t.kinds[prev] == "w" and _is_cap(texts[prev])
                and not _is_upper(texts[prev]) and texts[prev] not in lex.PLACE_MODIFIERS
                and texts[prev] not in lex.FUNCTION_WORDS and texts[prev] not in _CALENDAR
                and not (self.t.sentence_start[prev] and texts[prev] not in lex.FIRST_NAMES
                         and texts[prev].lower() in self.lower_seen)):
            c.in_name = f"part of a longer name ({texts[prev]} {texts[c.i]})"
            self.person_keys.add(c.key)
            return False
        run = []
        k = c.j
        while k < self.n and len(run) < 4 and (self._cap_word(k) or self._initial(k)) \
                and not self.t.sentence_start[k] and self.t.texts[k] not in lex.FUNCTION_WORDS:
            run.append(k)
            k += 2 if self._initial(k) else 1
        if not run or self._state_at(run[0]) is not None:
            return False
        institution = [k for k in run if texts[k] in _INSTITUTION_WORDS or texts[k] in _CALENDAR]
        if not institution:
            c.in_name = f"part of a longer name ({texts[c.j - 1]} {texts[run[0]]})"
        elif not all(texts[k] in _BUILDING_WORDS for k in institution):
            c.office = True  # "Youngstown State University", "Mansfield Public Library"
        elif all(texts[k] in _BUILDING_WORDS for k in institution):
            c.in_name = f"name of a building or society ({texts[c.j - 1]} {texts[run[-1]]})"
        return False

    def _in_state_id(self, jurisdiction_id: str, state: str) -> bool:
        j = self.x.jur[jurisdiction_id]
        if j.kind == "region":
            return state in j.parents or any(m[:2] == state for m in j.members)
        return j.kind != "state" and j.state == state

    def _in_state(self, c: _Cand, state: str) -> bool:
        return any(self._in_state_id(i, state) for i in c.ids)

    def _list_follows(self, k: int) -> bool:
        """Whether a list of names goes on at token k (", Denver", "and Chicago")."""
        if self._word(k) == "," and self._word(k + 1) == "and":
            k += 1
        return self._word(k) in {",", "and"} and self._cap_word(k + 1) and \
            self._key_at(k + 1) is not None

    def _state_before(self, k: int) -> str | None:
        """Return the state whose name ends just before token k ("Texas' Travis County")."""
        for start in range(max(0, k - 3), k):
            found = self._state_at(start)
            if found and found[1] == k:
                return found[0]
        return None

    def _georgia_country(self, c: _Cand) -> bool:
        before = [w.lower() for w in self.t.texts[max(0, c.i - 3):c.i]]
        if before[-2:] in (["republic", "of"], ["country", "of"], ["nation", "of"]):
            return True
        return bool(_GEORGIA_COUNTRY_CUES & set(self.t.norms)) and not (
            {"atlanta", "savannah", "augusta", "macon", "athens"} & set(self.t.norms))

    def _cue(self, c: _Cand) -> str | None:
        """Return the kind of jurisdiction the words around a name point to."""
        nxt = self._word(c.j)
        before = self.t.norms[max(0, c.i - 2):c.i]
        if nxt in lex.STATE_CUES or before[-1:] in (["upstate"], ["downstate"]) \
                or before == ["state", "of"]:
            return "state"
        if nxt in {"'s", "\u2019s"} and self._word(c.j + 1).lower() in {
                "governor", "legislature", "attorney", "lawmakers", "senators"}:
            return "state"
        if nxt in lex.COUNTY_CUES:
            return "county"
        if nxt in lex.CITY_CUES or before in (["city", "of"], ["town", "of"], ["village", "of"]):
            return "place"
        return None

    # -- resolution --------------------------------------------------------------------------
    def _neighbours(self, cands: list[_Cand]) -> dict[int, list[int]]:
        """Candidates joined into a list by commas and 'and': index -> neighbour indexes."""
        out: dict[int, list[int]] = defaultdict(list)
        for a in range(len(cands) - 1):
            b = a + 1
            gap = tuple(self.t.norms[cands[a].j:cands[b].i])
            if gap in _LIST_GLUE:
                out[a].append(b)
                out[b].append(a)
        return out

    def _choose_kind(self, c: _Cand, neighbour_kinds: list[str],
                     named_places: set[str]) -> tuple[str, str] | None:
        """For a name that is a state and also a big place: (id, method), or None for state."""
        jur = self.x.jur
        states = [i for i in c.ids if jur[i].kind == "state"]
        places = [i for i in c.ids if jur[i].kind != "state"]
        if not states:
            return None
        if c.cue == "state":
            return states[0], "state (words around it)"
        if c.dateline and any((jur[i].population or 0) >= 100_000 for i in places):
            return max(places, key=lambda i: jur[i].population or 0), "city (dateline)"
        big = [i for i in places if (jur[i].population or 0) >= 100_000]
        if not big:
            return states[0], "state name"
        if c.cue == "place":
            return big[0], "city (words around it)"
        if neighbour_kinds:
            n_states = sum(k == "state" for k in neighbour_kinds)
            n_other = len(neighbour_kinds) - n_states
            if n_other > n_states:
                return big[0], "city (in a list of cities)"
            if n_states > n_other:
                return states[0], "state (in a list of states)"
        if any(jur[i].state == states[0] and i not in big for i in named_places):
            return states[0], "state (its places named in article)"
        if self.x.dc_place in big:
            # "Washington" alone in news is the capital unless the article points to the state.
            if self.x.dc_place in named_places:
                return self.x.dc_place, "capital (D.C. named in article)"
            return self.x.dc_place, "capital (national news usage)"
        return states[0], "state name, also a city's"

    def _resolve(self, cands: list[_Cand]) -> None:
        jur = self.x.jur
        live = [c for c in cands if c.drop is None]
        neighbours = self._neighbours(live)
        named_states: set[str] = set()
        anchors = _Anchors()
        named_places: set[str] = set()
        # An article that names foreign places and no US state takes no town on its name and
        # size alone: it needs US context ("Woodstock" in a story from Ontario).
        if not any(c.qual or c.forced_kind == "state" or any(jur[i].kind == "state" for i in c.ids)
                   for c in live) and self._foreign_names():
            for c in live:
                c.world = True
        # Pass 1: what needs no context.
        for n_, c in enumerate(live):
            kinds = {jur[i].kind for i in c.ids}
            if c.forced_kind == "state" or kinds == {"state"}:
                c.chosen, c.confidence = c.ids[0], 0.95
                c.method = {("<state>",): "state after a place",
                            ("<abbr>",): "state abbreviation"}.get(c.key, "state name")
                named_states.add(c.chosen)
            elif "state" in kinds and c.cue != "place" and not any(
                    (jur[i].population or 0) >= 100_000 for i in c.ids if jur[i].kind != "state"):
                # "Maine", "Nevada", "Virginia": the state, unless a qualifier made it a town.
                c.chosen = next(i for i in c.ids if jur[i].kind == "state")
                c.confidence, c.method = 0.9, "state name"
                named_states.add(c.chosen)
            elif c.qual is not None and len(c.ids) == 1:
                c.chosen, c.confidence = c.ids[0], 0.95
                kind = jur[c.chosen].kind
                c.method = f"{'city' if kind == 'place' else kind}, state"
                named_states.add(c.qual)
            elif len(c.ids) == 1 and not (c.common or c.surname or c.world or c.upper
                                          or c.in_name) and (
                    jur[c.ids[0]].kind != "place"
                    or (jur[c.ids[0]].population or 0) >= _MIN_POP_UNSUPPORTED):
                c.chosen, c.confidence = c.ids[0], 0.9
                c.method = ("region" if jur[c.chosen].kind == "region"
                            else "unique name" if (c.chosen, c.key) in self.x.official
                            else "alias")
            if c.chosen and jur[c.chosen].kind in {"place", "county"}:
                anchors.append((n_, jur[c.chosen]))
                named_places.add(c.chosen)
        # States named through their places count as weaker context.
        context_states = anchors.states()
        for c in live:
            if c.qual is not None:
                named_states.add(c.qual)
        # Every other name supports the readings near its own readings, by how ambiguous it
        # is: "Huntsville" and "Walker County" both have Texas readings, one inside the other.
        self._spatial_index(live)
        self.strong_keys = {c.key for c in live if c.chosen and c.confidence >= 0.8}
        # Pass 2 and 3: names with several readings, then again with the new anchors.
        for round_ in range(2):
            for n_, c in enumerate(live):
                if (c.chosen is not None and round_ == 0) or c.drop is not None:
                    continue
                if round_ == 1 and c.chosen is not None:
                    continue
                kinds_near = [self._kind_of(live[m]) for m in neighbours.get(n_, [])]
                kinds_near = [k for k in kinds_near if k]
                choice = self._choose_kind(c, kinds_near, named_places)
                if choice is not None:
                    c.chosen, c.method = choice
                    c.confidence = (0.6 if c.method.endswith("also a city's") else
                                    0.8 if "(" in c.method else 0.9)
                    if jur[c.chosen].kind == "state":
                        named_states.add(c.chosen)
                    continue
                if c.in_name and round_ == 0:
                    continue  # decided last, once the article's plain mentions are known
                self._score(c, n_, named_states, context_states, anchors, final=round_ == 1)
                if c.chosen is not None and c.confidence >= 0.7:
                    anchors.append((n_, jur[c.chosen]))
                    if not c.in_name and c.confidence >= 0.8:
                        self.strong_keys.add(c.key)
            context_states = anchors.states()
        plain = {c.chosen for c in live if c.chosen and not c.the_only}
        for c in live:
            if c.the_only and c.chosen is not None and c.chosen not in plain:
                c.chosen, c.drop = None, "'the ...' alias without the name elsewhere"
            if c.chosen is None and c.drop is None:
                c.drop = c.weak_reason or "no reading"

    def _foreign_names(self) -> set[str]:
        """Countries, world cities and provinces the text names ("England", "Ontario")."""
        texts, found = self.t.texts, set()
        foreign = lex.COUNTRIES | lex.WORLD_CITIES | lex.PROVINCES
        for i in range(self.n):
            if not self._cap_word(i):
                continue
            for length in (1, 2, 3):
                phrase = " ".join(texts[i:i + length])
                if phrase in foreign and phrase not in {"America", "Georgia"}:
                    found.add(phrase)
        return found

    def _spatial_index(self, live: list[_Cand]) -> None:
        """Index every reading of every name by half-degree cell and by containing county."""
        jur = self.x.jur
        self.cells: dict[tuple[int, int], dict[tuple[str, ...], float]] = defaultdict(dict)
        self.id_keys: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        self.parent_keys: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for c in live:
            ids = (c.chosen,) if c.chosen else c.ids
            readings = [i for i in ids if jur[i].kind in {"place", "county"}]
            if not readings or c.drop:
                continue
            weight = 1.0 if len(readings) == 1 else 0.6 if len(readings) <= 5 else 0.3
            for i in readings:
                j = jur[i]
                cell = self.cells[(math.floor(j.lat * 2), math.floor(j.lon * 2))]
                cell[c.key] = max(cell.get(c.key, 0.0), weight)
                self.id_keys[i].add(c.key)
                for parent in j.parents[:-1]:
                    self.parent_keys[parent].add(c.key)

    def _support(self, c: _Cand, j: Jurisdiction) -> tuple[float, bool]:
        """Other names with a reading near j (weighted by their ambiguity); containment."""
        row, col = math.floor(j.lat * 2), math.floor(j.lon * 2)
        best: dict[tuple[str, ...], float] = {}
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for key, weight in self.cells.get((row + dr, col + dc), {}).items():
                    if key != c.key and weight > best.get(key, 0.0):
                        best[key] = weight
        contained = bool(self.parent_keys.get(j.id, set()) - {c.key}) or any(
            self.id_keys.get(parent, set()) - {c.key} for parent in j.parents[:-1])
        return sum(best.values()), contained

    def _kind_of(self, c: _Cand) -> str | None:
        if c.chosen is not None:
            return "state" if self.x.jur[c.chosen].kind == "state" else "place"
        kinds = {self.x.jur[i].kind for i in c.ids}
        if kinds == {"state"}:
            return "state"
        if "state" not in kinds:
            return "place"
        return None

    def _score(self, c: _Cand, n_: int, named_states: set[str], context_states: set[str],
               anchors: _Anchors, final: bool) -> None:
        jur = self.x.jur
        scored: list[tuple[float, str, str]] = []
        strong: dict[str, bool] = {}
        for i in c.ids:
            j = jur[i]
            if j.kind == "state":
                continue
            if c.forced_kind and j.kind != c.forced_kind:
                continue
            floor = {"place": 1_000, "county": 30_000, "region": 1_000_000}[j.kind]
            score = math.log10(max(self.x.pop[i], floor))
            reason = "population prior"
            support = False
            if c.qual is not None:
                support = True
                reason = "city, state" if j.kind == "place" else f"{j.kind}, state"
                score += 5
            context = 0.0
            if j.state in named_states or (j.kind == "region" and named_states & set(j.parents)):
                context = 2.5
                support = True
                if c.qual is None:
                    reason = "state named in article"
            elif j.state in context_states:
                context = 1.0
                support = True
                if c.qual is None:
                    reason = "state of other places in article"
            near = anchors.nearest_km(j, n_)
            strong[i] = (c.qual is not None or near <= _NEAR_KM or c.cue == j.kind
                         or (j.state in named_states and self.x.pop[i] >= 100_000))
            if near <= _NEAR_KM:
                score += 2.5
                support = True
                reason = "near other places in article" if c.qual is None else reason
            elif near <= _REGION_KM:
                score += 1.2
                support = True
                reason = "near other places in article" if c.qual is None else reason
            if c.cue and c.cue == j.kind:
                score += 3
                support = True
            vote, contained = self._support(c, j)
            vote = min(vote, 2.0)
            # Context from the article is capped, so that a hamlet in a state the article
            # names never outweighs a city a thousand times its size.
            score += min(3.0, context + (1.2 * vote if vote >= 0.3 else 0.0))
            if contained:
                score += 2.0
            if vote >= 0.3 or contained:
                if not support:
                    reason = ("in a county named in article" if contained
                              else "other names in article lie near it")
                support = True
            scored.append((score, i, reason if support else "population prior"))
        if not scored:
            c.weak_reason = "no reading of this kind"
            return
        scored.sort(key=lambda s: -s[0])
        best, best_id, reason = scored[0]
        margin = best - scored[1][0] if len(scored) > 1 else 3.0
        j = jur[best_id]
        pop = self.x.pop[best_id] if j.kind == "place" else 0
        supported = reason != "population prior" or c.cue is not None
        big_enough = pop >= (_MIN_POP_WORLD if c.world else _MIN_POP_UNSUPPORTED)
        after_locative = bool(self.t.norms[c.i - 1:c.i]) and self.t.norms[c.i - 1] in _LOCATIVES
        strict_locative = (bool(self.t.norms[c.i - 1:c.i])
                           and self.t.norms[c.i - 1] in _STRICT_LOCATIVES)
        if c.in_name and not (strong[best_id] or c.key in self.strong_keys):
            c.weak_reason = c.in_name
            return
        if c.dateline or (strict_locative and not c.world):
            supported = True
        if c.common and not (c.qual is not None or (
                pop >= 50_000 and not self.t.sentence_start[c.i] and strict_locative)):
            c.weak_reason = "common word"
            return
        if c.surname and not (strong[best_id] or after_locative):
            c.weak_reason = "surname of a person in the article"
            return
        if c.initial and pop < 100_000 and not (strong[best_id] or c.upper or c.office):
            c.weak_reason = "small place name starting a sentence (often a surname)"
            return
        if c.upper and not c.dateline and not supported and not big_enough:
            c.weak_reason = "capitals without context"
            return
        if not supported and not big_enough and j.kind != "county" and not (
                final and len(c.key) > 1 and not c.world
                and (not (named_states | context_states)
                     or j.state in named_states | context_states)):
            c.weak_reason = "small place without context"
            return
        confidence = 0.5 + 0.45 * (1 - math.exp(-margin))
        if c.surname:
            confidence *= 0.7
            reason += "; also a surname in the article"
        if c.upper or c.in_name:
            confidence *= 0.85
        c.chosen, c.confidence, c.method = best_id, round(confidence, 3), reason

    # -- misspellings ------------------------------------------------------------------------
    def _fuzzy(self, covered: list[bool]) -> list[_Cand]:
        out: list[_Cand] = []
        texts, kinds, norms = self.t.texts, self.t.kinds, self.t.norms
        k = 0
        while k < self.n:
            if covered[k] or kinds[k] != "w" or not _is_cap(texts[k]) or _is_upper(texts[k]) \
                    or self.person[k] or self.storm[k]:
                k += 1
                continue
            spans = [(k, k + 1)]
            if k + 1 < self.n and not covered[k + 1] and kinds[k + 1] == "w" \
                    and _is_cap(texts[k + 1]) and not self.person[k + 1]:
                spans.insert(0, (k, k + 2))
            hit = None
            for s, e in spans:
                query = " ".join(norms[s:e])
                if len(query) < 7 or query in lex.COMMON_WORDS or texts[s] in lex.FIRST_NAMES \
                        or texts[s] in lex.FUNCTION_WORDS or (query,) in self.x.keys:
                    continue
                if self.t.norms[s] in self.surnames or (
                        self._cap_word(s - 1) and not self.t.sentence_start[s]):
                    continue  # "Tom Grisham ... Grisham", "Catherine A.R. Wethington"
                limit = 2 if len(query) >= 12 else 1
                targets = set()
                for variant in _deletes(query, limit):
                    targets |= self.x.fuzzy.get(variant, set())
                best = None
                for target in targets:
                    if target[0] != query[0]:
                        continue
                    d = _osa(query, target)
                    if len(query) > len(target) and query.startswith(target[:-1]):
                        continue  # "Georgian", "Texans": demonyms, not misspellings
                    if d <= limit and (best is None or d < best[0]):
                        best = (d, target)
                if best:
                    hit = (s, e, best)
                    break
            if hit is None:
                k += 1
                continue
            s, e, (d, target) = hit
            ids = self.x.fuzzy_targets[target]
            states = [i for i in ids if self.x.jur[i].kind == "state"]
            chosen = states[0] if states else max(ids, key=lambda i: self.x.jur[i].population or 0)
            c = _Cand(s, e, (chosen,), tuple(norms[s:e]))
            c.chosen = chosen
            c.confidence = 0.6 if d == 1 else 0.45
            c.method = f"fuzzy match to {self.x.jur[chosen].name} (edit distance {d})"
            out.append(c)
            k = e
        return out

    # -- all together ------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        self._mark_people()
        self._mark_storms()
        cands = self._find()
        cands = self._county_lists(cands)
        cands.sort(key=lambda c: c.i)
        cands = self._filter(cands)
        cands.sort(key=lambda c: c.i)
        self._resolve(cands)
        covered = [False] * self.n
        for c in cands:
            for k in range(c.i, c.j):
                covered[k] = True
        cands = [c for c in cands if c.chosen is not None and c.drop is None]
        cands += self._fuzzy(covered)
        mentions: list[Mention] = []
        last_end = -1
        for c in sorted(cands, key=lambda c: (self.t.starts[c.i], -self.t.ends[c.j - 1])):
            start, end = self.t.starts[c.i], self.t.ends[c.j - 1]
            if start < last_end:
                continue
            mentions.append(Mention(start, end, self.text[start:end], c.chosen,
                                    round(c.confidence, 3), c.method))
            last_end = end
        return mentions

    def explain(self) -> list[tuple[str, str, str | None, str]]:
        """Debug view: every candidate with its fate (used by the benchmark's error report)."""
        self._mark_people()
        self._mark_storms()
        cands = self._filter(sorted(self._county_lists(self._find()), key=lambda c: c.i))
        cands.sort(key=lambda c: c.i)
        self._resolve(cands)
        return [(self.text[self.t.starts[c.i]:self.t.ends[c.j - 1]], c.drop or "", c.chosen,
                 c.method) for c in cands]


def geoparse(text: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Find every US state, county, city and named region a text names.

    Parameters
    ----------
    text : str
        Any text; offsets in the result index into it.
    gazetteer : Gazetteer, optional
        The gazetteer to resolve against; :func:`geo.load_gazetteer` by default. Its name index
        is built once per gazetteer and kept while the gazetteer lives.

    Returns
    -------
    list[Mention]
        Sorted by ``start``, non-overlapping, each with ``text == source[start:end]``, the id it
        resolves to, a confidence and the method that decided it.
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    if not text:
        return []
    return _Parser(text, _index_for(gaz)).run()


def explain(text: str, gazetteer: Gazetteer | None = None) -> list[tuple[str, str, str | None, str]]:
    """Return every candidate name with why it was kept or dropped: (span, drop, id, method).

    A debugging aid for the benchmark and for reading odd results; :func:`geoparse` is the API.
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    return _Parser(text, _index_for(gaz)).explain()
