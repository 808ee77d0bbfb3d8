"""Stage 2 of the geoparser: features of each candidate.

What the words around a name say (a qualifying state, a cue such as "Mayor" or "County", a list
it stands in, being part of a person's, a street's, an outlet's or an institution's name, a common
word, a surname) and what the rest of the article says (states it names, places near each
reading, counties containing it). Features are facts, not decisions: scoring weighs them.
"""

from __future__ import annotations

import math
from collections import defaultdict

from geo import _lexicon as lex
from geo.candidates import _Cand, _CandidateFinder
from geo.gazetteer import Jurisdiction
from geo.tokens import _is_upper
from geo.weights import WEIGHTS as W

# Words back from a name to the office of the one who speaks of it ("Mayor Ann Ruiz said on
# Tuesday that New York").
_OFFICE_REACH = 12
# A dateline opens the article: within its first characters, and ends in one of these marks.
_DATELINE_REACH = 600
_DATELINE_MARKS = frozenset({"(", "\u2014", "\u2013", "-", "_"})
_INSTITUTION_WORDS = (lex.PLACE_WORDS | lex.CITY_CUES | lex.COUNTY_CUES | lex.STATE_CUES
                      | lex.TITLES) - lex.STREET_WORDS
# Last words of a name that make it a jurisdiction's, never a person's ("Cook County said").
_JURISDICTION_SUFFIXES = frozenset({"county", "parish", "borough", "city", "township", "village"})
_LIST_GLUE = (
    (",",), ("and",), ("or",), (",", "and"), (",", "or"), ("as", "well", "as"),
    (",", "as", "well", "as"), ("&",), ("/",), ("to",), ("-",), ("\u2013",),
)


def _span_text(finder: _CandidateFinder, c: _Cand) -> str:
    """Return the text of a candidate's span."""
    return finder.text[finder.t.starts[c.i]:finder.t.ends[c.j - 1]]


def _media_word(word: str) -> bool:
    """Tell whether a word names an outlet or team, alone or in a compound ("Reporter-News")."""
    return word in lex.MEDIA_WORDS or any(part in lex.MEDIA_WORDS for part in word.split("-"))


def _distance_km(a: Jurisdiction, b: Jurisdiction) -> float:
    """Equirectangular distance: within a few percent of the great circle under 500 km."""
    dx = (b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 111.2 * math.hypot(dx, b.lat - a.lat)


def _holds_other(keys: set[tuple[str, ...]] | None, key: tuple[str, ...]) -> bool:
    """Whether ``keys`` holds a key other than ``key`` (``keys - {key}``, without building it)."""
    if not keys:
        return False
    return len(keys) > 1 or key not in keys


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

    def states(self, skip: frozenset[int] = frozenset()) -> set[str]:
        """States of the anchored places named somewhere but at the positions in ``skip``."""
        return {j.state for j, positions in self._by_id.values()
                if j.state and not positions <= skip}

    def nearest_km(self, reading: Jurisdiction, position: int,
                   skip: frozenset[int] = frozenset()) -> float:
        """Distance to the nearest other anchored place named elsewhere than ``position``.

        Places named only at ``position`` or at the positions in ``skip`` do not count.
        """
        skip = skip | {position}
        nearest = math.inf  # (a loop, not min() over a generator: read for every reading)
        for a, positions in self._by_id.values():
            if a.id != reading.id and not positions <= skip:
                km = _distance_km(reading, a)
                if km < nearest:
                    nearest = km
        return nearest



class _Features(_CandidateFinder):
    """Compute the features of each candidate (see the module docstring)."""

    _items: list[int | None]  # per live candidate: its bulleted list item, set by _list_items

    def _filter(self, cands: list[_Cand]) -> list[_Cand]:
        texts, norms = self.t.texts, self.t.norms
        extra: list[_Cand] = []
        qualifier_tokens: set[int] = set()
        unknown_here: set[tuple[str, ...]] = set()  # names whose written state lacks them
        group_at = {c.i: c.group for c in cands if c.group}  # county lists' members
        states_named = {c.ids[0] for c in cands
                        if len(c.ids) == 1 and self.x.jur[c.ids[0]].kind == "state"}
        # Counties the article names in full ("Middlesex County"), by the name without "County";
        # not inside a thing's name ("the Iowa County Attorneys Association" is no Iowa County)
        named_counties: dict[tuple[str, ...], tuple[str, ...]] = {}
        for c in cands:
            if len(c.key) > 1 and c.key[-1] in lex.COUNTY_SUFFIXES and c.drop is None \
                    and c.thing is None:
                named_counties[c.key[:-1]] = tuple(
                    i for i in c.ids if self.x.jur[i].kind == "county")
        for c in cands:
            if c.nickname and (self.t.norms[c.i - 1:c.i] != ["the"] or self._cap_word(c.j)):
                c.drop = "state nickname inside a longer name"
                continue
            if c.key[-1] not in lex.COUNTY_SUFFIXES and self.t.norms[c.i - 1:c.i] == ["the"] \
                    and all(self.x.jur[i].kind == "county" for i in c.ids) and not c.forced_kind \
                    and not self._cap_word(c.j) and self._word(c.j) not in lex.INSTITUTION_KINDS:
                c.drop = "'the' before a county's bare name ('the Hill', not 'the Gwinnett jail')"
                continue
            # "the Central Valley" standing alone (a comma, "and", "of" after it); not "the
            # Green Valley Community Center", "the North Shore stadiums"
            if len(c.key) > 1 and texts[c.j - 1] in lex.LANDFORM_WORDS \
                    and self.t.norms[c.i - 1:c.i] == ["the"] and not c.forced_kind \
                    and (c.j >= self.n or self.t.kinds[c.j] == "p"
                         or (self._word(c.j).islower()
                             and self._word(c.j).title() in lex.FUNCTION_WORDS)) \
                    and all(self.x.jur[i].kind == "place"
                            and (self.x.jur[i].population or 0) < W.big_city for i in c.ids):
                c.drop = "a region named by its landform ('the Central Valley'), not a town"
                continue
            if self._brand(c):
                c.drop = f"a broadcaster's brand ({_span_text(self, c)})"
                continue
            if self._city_nickname(c):
                c.drop = "a city's nickname ('the Queen City')"
                continue
            if c.party:
                # A legislator's district: counties (or towns) of the article's state.
                c.ids = c.ids + tuple(
                    i for suffix in lex.COUNTY_SUFFIXES
                    for i in self.x.keys.get((*c.key, suffix), ()))
            nxt = self._word(c.j)
            words = [texts[k] for k in range(c.i, c.j) if self.t.kinds[k] != "p"]
            phrase = " ".join(w.title() if c.upper else w for w in words)
            single = len(c.key) == 1
            # Qualifiers: "Austin, Texas", "Austin, TX", "Texas' Travis County". A name that is
            # itself a state ("Oregon, Illinois") is read as a list, not as a town.
            qualifiable = not any(self.x.jur[i].kind == "state" for i in c.ids) \
                and not (c.j + 1 < self.n and self.party[c.j + 1]) \
                and not (c.group and group_at.get(c.j + 1) == c.group)
            # "(D-Humboldt, Nevada)", "Humboldt, Nevada and Sierra counties": lists, no state
            if nxt == "," and qualifiable:
                found = self._state_at(c.j + 1)
                if found and self._longer_name_at(c.j + 1, found[1]):
                    found = None  # "According to Adams, New York City has ...": no qualifier
                if found and texts[c.j + 1] in lex.TITLES and self._word(found[1]) in lex.FIRST_NAMES \
                        and self._cap_word(found[1] + 1):
                    found = None  # "In Richmond, Del. Ann Ruiz said": a delegate, not Delaware
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
                        unknown_here.add(c.key)
                        continue
            if c.qual is None and qualifiable and c.i >= 2 \
                    and texts[c.i - 1] in {"'s", "\u2019s", "'", "\u2019"}:
                before = self._state_before(c.i - 1)
                if before and self._in_state(c, before) and self.thing[c.i - 2] is None:
                    # not "the University of Minnesota's Northrop Auditorium"
                    c.qual = before
            if c.qual is None and qualifiable:
                c.qual = self._state_in_after(c)
            if c.qual is not None:
                c.ids = tuple(i for i in c.ids if self._in_state_id(i, c.qual))
            if self._part_of_other_name(c):
                continue
            c.cue = self._cue(c)
            self._county_named(c)
            self._county_short_form(c, named_counties)
            # Outlets and teams: "New York Times", "Dallas Cowboys".
            media = [texts[k] for k in range(c.j, min(c.j + 3, self.n)) if _media_word(texts[k])]
            run_end = c.j
            # In a title-case headline every word is capitalized: only the name's next words.
            limit = min(c.j + 3, self.n) if self.title_case[c.i] else self.n
            while run_end < limit and (self._cap_word(run_end) or texts[run_end] == "-"):
                run_end += 1
            # A county's name takes its outlet's word right after it ("the Orange County
            # Register", "the Bucks County Courier Times"), not an office's ("Register of Deeds")
            county_outlet = c.key[-1] in lex.COUNTY_SUFFIXES and _media_word(nxt) \
                and self._word(c.j + 1) not in {"of", "-"} and self._cap_word(c.j)
            if c.qual is None and (c.key[-1] not in lex.COUNTY_SUFFIXES or county_outlet) and any(
                    _media_word(texts[k]) for k in range(c.j, run_end)):
                # Named (LGL tags "Augusta" in "the Augusta Herald"), but not reported on.
                c.thing = f"in the name of an outlet or team ({phrase} {media[0] if media else nxt})"
                c.outlet = True
                continue
            publication = self._publication_cue(c)
            if publication:
                # not kept as an outlet's name: after "told" it is as often a person ("told Hoover.")
                c.drop = f"a publication's name ({publication} {phrase})"
                continue
            if single and c.qual is None and texts[c.i] in lex.PLACE_MODIFIERS:
                c.drop = "direction word"
                continue
            # Storms named anywhere in the article.
            if single and norms[c.i] in self.storm_names and c.qual is None:
                c.drop = "storm name"
                continue
            # Countries and world cities.
            if c.qual is None and f"{phrase} {nxt}" in lex.WORLD_CITIES:
                # "Mexico City", "Guatemala City": the start of a world city's name (a US place
                # of the whole name, "Panama City", is a candidate of its own)
                c.drop = f"in a world city's name ({phrase} {nxt})"
                continue
            if phrase in lex.COUNTRIES and c.qual is None:
                if not any(self.x.jur[i].kind == "state" for i in c.ids):
                    at_home = tuple(i for i in c.ids if self.x.jur[i].state in states_named)
                    if c.office or c.cue == "place":
                        c.world = True  # "Lebanon Street Superintendent", "Jordan Elementary"
                    elif not self._foreign_names() - {phrase}:
                        # "Palestine" in a story from Texas that names no other foreign place:
                        # a town if the article's states or places support it
                        c.ids, c.world = at_home or c.ids, True
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
                if norms[c.i] in lex.COMMON_WORDS or norms[c.i] in self.lower_seen \
                        or word in lex.LANDFORM_WORDS:  # "the Panhandle", "the Peninsula"
                    c.common = True
            # A surname of a person named in the article, with a speech verb after it.
            if single and norms[c.i] in self.surnames and c.qual is None:
                after = self._word(c.j)
                if after in {",", "'s", "\u2019s"}:
                    after = self._word(c.j + 1)
                if after in lex.SPEECH_VERBS or after in {"'s", "\u2019s"}:
                    c.drop = "person named earlier in the article"
                    continue
                c.surname = c.named_person = True
            if single and c.qual is None and self.t.sentence_start[c.i]:
                c.initial = True
        spoken = {c.key for c in cands if c.drop == "person (speech verb after the name)"}
        for c in cands:
            if c.key in self.person_keys and c.in_name is None and c.qual is None:
                c.surname = True
            if c.key in spoken and c.drop is None and c.in_name \
                    and c.in_name.startswith("part of a longer name") and c.i \
                    and self._cap_word(c.i - 1):
                # "Tobias Muskego ... Muskego said": the same name speaks, a person's
                c.drop = "person (the name speaks elsewhere in the article)"
                continue
            if c.key in unknown_here and c.drop is None and c.qual is None:
                # One sense per article: "Fairfield, Conn." is a town the gazetteer lacks, and
                # so is "Fairfield" later; not Fairfield, Calif.
                c.drop = "same name as one with no place in the state written after it"
        if qualifier_tokens:
            cands = [c for c in cands
                     if not any(k in qualifier_tokens for k in range(c.i, c.j))]
        self.dateline_state, self.dateline_places = self._dateline(cands, extra)
        self.state_cued = {i for c in cands if c.cue == "state" and c.drop is None
                           for i in c.ids if self.x.jur[i].kind == "state"} | self.senators_of
        return cands + extra

    def _state_in_after(self, c: _Cand) -> str | None:
        """Return the state of "Springfield in western Oregon": "in", a direction, a state.

        The state binds the name as a comma would ("Springfield, Oregon"), so a state named in
        another sentence does not pull it elsewhere. Only a state's name, not an abbreviation,
        only a state that has a reading of the name, and not the first of a list of states.
        """
        k = c.j
        if self.t.norms[k:k + 1] != ["in"]:
            return None
        k += 1
        if self._word(k).capitalize() in lex.PLACE_MODIFIERS:
            k += 1
        found = self._state_at(k)
        if found is None or self.t.kinds[k] == "a" or self._word(k).endswith(".") \
                or self._word(k).isupper() or self._longer_name_at(k, found[1]) \
                or self._list_follows(found[1]):  # "counties named Franklin in Iowa, New York"
            return None
        return found[0] if self._in_state(c, found[0]) else None

    def _publication_cue(self, c: _Cand) -> str | None:
        """Return the words that make a name a publication's ("a piece for New York."), if any.

        A magazine or paper may bear a place's bare name; words of writing for or talking to it
        before the name, and the clause's end (or "magazine") after it, tell it from the place
        (lexicon OUTLET_BEFORE, OUTLET_AFTER). A list going on after it is places.
        """
        if c.qual is not None or self._word(c.j) not in lex.OUTLET_AFTER or (
                c.j < self.n and self.t.texts[c.j] == "," and self._list_follows(c.j)):
            return None
        norms = self.t.norms
        for length in (2, 1):
            before = tuple(norms[max(0, c.i - length):c.i])
            if len(before) == length and before in lex.OUTLET_BEFORE:
                return " ".join(self.t.texts[c.i - length:c.i])
        return None

    def _brand(self, c: _Cand) -> bool:
        """Whether the name is part of a station's brand: "Denver7", "NBC10 Philadelphia".

        So is a name in the outlet's credit between a dateline and its dash: "REDWOOD CITY
        (CBS SF) \u2014", "BURLEY, Idaho (KMVT/KSVT) \u2014".
        """
        t = self.t
        if c.j < self.n and t.ends[c.j - 1] == t.starts[c.j] and t.texts[c.j].isdigit():
            return True
        if self._in_dateline_credit(c):
            return True
        return (c.i >= 2 and t.kinds[c.i - 1] == "n" and t.ends[c.i - 2] == t.starts[c.i - 1]
                and t.texts[c.i - 2].isupper() and len(t.texts[c.i - 2]) >= 2)

    def _in_dateline_credit(self, c: _Cand) -> bool:
        """Whether the name stands in the parentheses between a dateline and its dash."""
        t, texts = self.t, self.t.texts
        p = c.i - 1
        while p >= max(0, c.i - 6) and texts[p] != "(":
            if texts[p] == ")" or t.sentence_start[p]:
                return False
            p -= 1
        q = c.j
        while q < min(self.n, c.j + 6) and texts[q] != ")":
            q += 1
        if p < 1 or q >= self.n or texts[p] != "(" or texts[q] != ")" \
                or self._word(q + 1) not in {"\u2014", "\u2013", "-", "--"}:
            return False
        o = p - 1  # back to the line's first token, over the dateline's place and state
        while o > 0 and not t.line_start[o] and p - o <= 6:
            o -= 1
        return bool(t.line_start[o]) and self._opens_dateline(o) and all(
            t.kinds[k] != "w" or t.caps[k] for k in range(o, p))

    def _city_nickname(self, c: _Cand) -> bool:
        """Whether "the X City" is a nickname ("the Queen City", "the Alamo City agreed").

        News writes a town's name without "the"; "the" + "X City" standing alone (before a
        verb or a punctuation mark, not "the Charles City crash") is a big city's nickname.
        """
        if self.t.norms[c.i - 1:c.i] != ["the"] or c.the_only or c.qual is not None:
            return False
        end = c.j
        if c.key[-1] != "city":
            if self._word(end) != "City":
                return False
            end += 1
        after = self._word(end)
        if not (end >= self.n or self.t.kinds[end] == "p"  # "the Queen City's council"
                or after in lex.SPEECH_VERBS or after in lex.AUXILIARIES):
            return False  # "the Charles City crash", "the Forrest City police"
        return all((self.x.jur[i].population or 0) < W.min_pop_unsupported for i in c.ids
                   if self.x.jur[i].kind == "place")

    def _county_named(self, c: _Cand) -> None:
        """Read "counties named Franklin", "a county called Lake" as the county of that name."""
        before = self.t.norms[max(0, c.i - 2):c.i]
        if c.qual is not None or c.forced_kind or before[-1:] not in (["named"], ["called"]) \
                or before[:1] not in (["county"], ["counties"], ["parish"], ["parishes"]):
            return
        suffix = "parish" if before[0].startswith("parish") else "county"
        counties = tuple(i for i in self.x.keys.get((*c.key, suffix), ())
                         if self.x.jur[i].kind == "county")
        if counties:
            c.ids, c.forced_kind, c.cue = counties, "county", "county"

    def _county_short_form(self, c: _Cand, named_counties: dict[tuple[str, ...],
                                                                 tuple[str, ...]]) -> None:
        """Read "Middlesex" as Middlesex County when the article names the county in full.

        Only when the words say county ("the county of El Paso", "Frederick is one of 36
        counties") or the towns of that name in the county are small next to it.
        """
        counties = named_counties.get(c.key)
        if not counties or c.qual is not None or c.forced_kind or c.in_name \
                or c.key in self.person_keys or c.key[-1] in self.surnames:
            return
        jur = self.x.jur
        towns = [i for i in c.ids if jur[i].kind == "place" and jur[i].parents[:1]
                 and jur[i].parents[0] in counties]
        if c.cue == "county" or (c.cue is None and all(
                (jur[i].population or 0) < W.big_place for i in towns)):
            c.ids = counties
            c.forced_kind = "county"
            c.cue = "county"

    def _dateline(self, cands: list[_Cand],
                  qualifiers: list[_Cand]) -> tuple[str | None, tuple[str, ...]]:
        """Return the state of the article's dateline and the readings of its place there.

        "DOVER, Del. (Outlet) \u2014", "Dover, Del. -": the dateline opens one of the first
        lines, a place, its state, then a bracketed outlet or a dash.
        """
        ends = {q.i: q for q in qualifiers}
        for c in cands:
            if self.t.starts[c.i] > _DATELINE_REACH:
                break
            q = ends.get(c.j + 1)
            if q is None or not self.t.line_start[c.i]:
                continue
            if self._word(q.j) in _DATELINE_MARKS:
                return q.ids[0], self._readings_in(c, q.ids[0])
        for c in cands:
            if self.t.starts[c.i] > _DATELINE_REACH:
                break
            if c.dateline and c.drop is None and self.t.line_start[c.i] \
                    and self._word(c.j) in _DATELINE_MARKS \
                    and not any(self.x.jur[i].kind == "state" for i in c.ids):  # "NEW YORK (AP)"
                # "SEATTLE (AP) -": AP writes big cities alone; the biggest reading is meant,
                # or a local paper's own town ("COLUMBUS -" in a Nebraska paper)
                places = [i for i in c.ids if self.x.jur[i].kind == "place"]
                if any(self.x.jur[i].state == self.outlet_state for i in places):
                    return self.outlet_state, self._readings_in(c, self.outlet_state)
                best = max(places, key=lambda i: self.x.jur[i].population or 0, default=None)
                if best is not None and (self.x.jur[best].population or 0) >= W.big_city:
                    state = self.x.jur[best].state
                    return state, self._readings_in(c, state)
        return None, ()

    def _readings_in(self, c: _Cand, state: str | None) -> tuple[str, ...]:
        """Return the readings of a candidate that lie in a state."""
        return tuple(i for i in c.ids if self.x.jur[i].state == state
                     and self.x.jur[i].kind != "state")

    def _part_of_other_name(self, c: _Cand) -> bool:
        """Drop a name that is part of a person's, a street's or an institution's name.

        "Clark Drive", "Bishop Paulk", "Peabody says", "Kyra Jennings", "Ford Mustang",
        "Charlotte Graham", "Brookhaven National Laboratory"; but not "Austin Police
        Department", "Madison Common Council", "Greater Houston", "Austin, Texas".
        """
        if c.qual is not None:
            return False
        nxt = self._word(c.j)
        if " ".join(self.t.texts[c.i:c.j]) in lex.STATE_BILL_PREFIXES and nxt[:1].isdigit():
            c.drop = "a bill's number"  # "SF 481" (Senate File 481) is no San Francisco
            return True
        if any(self.x.jur[i].kind == "state" for i in c.ids):
            # "Washington Street", "Pennsylvania Avenue": a street named after a state (or its
            # namesake city) is no mention of either; "Ohio Route 7" is the state's road
            if nxt in lex.STREET_WORDS and nxt not in lex.HIGHWAY_WORDS:
                c.drop = f"street name ({nxt})"
                return True
            return False
        texts = self.t.texts
        after = c.j
        if nxt in lex.STREET_WORDS:
            c.drop = f"street name ({nxt})"
            return True
        city_state = self._big_city_after_in(c) if nxt == "in" else None
        if city_state is not None:
            here = tuple(i for i in c.ids if self.x.jur[i].state == city_state)
            if not here:
                c.drop = f"a park or neighborhood of the city after it (in {texts[c.j + 1]})"
                return True
            c.ids = here  # "Highland Park in Detroit": the Michigan town
        if len(c.key) == 1 and texts[c.i] in lex.TITLES and self._cap_word(c.j):
            c.drop = "title before a name"
            return True
        if nxt in {",", "\u2019s", "'s"} and self._word(c.j + 1) in lex.SPEECH_VERBS:
            after = c.j + 1
        if (self._word(after) in lex.SPEECH_VERBS and self._word(after) != "who" and not c.party
                and c.key[-1] not in _JURISDICTION_SUFFIXES  # "Travis County sued"
                and self.t.norms[c.i - 1:c.i] != ["of"]
                and not (c.i and self.t.norms[c.i - 1] in lex.LOCATIVES)):
            if not self._city_as_actor(c):
                c.drop = "person (speech verb after the name)"
                return True
            c.actor = True  # the city itself if the article names it elsewhere as a place
            return False
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
                    and self.t.texts[other] not in lex.PARTY_LETTERS):  # not a party: "R-Ashland"
                # "Hugley-Green" is a surname; "Paris-Henry County" names two places.
                c.in_name = f"part of a hyphenated name ({self.text[starts[left]:ends[right]]})"
                self.person_keys.add(c.key)
                return False
        if c.i and texts[c.i - 1] in {"U.S.", "US"}:
            c.in_name = f"part of a federal name (U.S. {texts[c.i]})"  # "U.S. Marshall"
            return False
        possessive = self._possessive_name(c)
        if possessive:
            # "Martha's Vineyard", "Norman's Welding": a name of its own, whatever is near
            c.drop = f"part of a possessive name ({possessive})"
            return True
        # Soft rules: the name sits inside a longer capitalized name. Kept only with strong
        # support (a qualifier, a place nearby, the same name elsewhere on its own).
        prev = c.i - 1
        if (prev >= 0 and self.t.kinds[prev] == "w" and self.t.caps[prev]
                and not _is_upper(texts[prev]) and texts[prev] not in lex.PLACE_MODIFIERS
                and texts[prev] not in lex.FUNCTION_WORDS and texts[prev] not in lex.CALENDAR
                and not (self.t.sentence_start[prev] and texts[prev] not in lex.FIRST_NAMES
                         and texts[prev].lower() in self.lower_seen)):
            c.in_name = f"part of a longer name ({texts[prev]} {texts[c.i]})"
            self.person_keys.add(c.key)
            if self._described_as_someone(c.j):
                c.drop = f"person ({texts[prev]} {texts[c.i]}, described as someone)"
                return True
            return False
        run: list[int] = []
        k = c.j
        while k < self.n and len(run) < 4 and (self._cap_word(k) or self._initial(k)) \
                and not self.t.sentence_start[k] and self.t.texts[k] not in lex.FUNCTION_WORDS:
            run.append(k)
            k += 2 if self._initial(k) else 1
        if not run or self._state_at(run[0]) is not None:
            return False
        institution = [k for k in run if texts[k] in _INSTITUTION_WORDS or texts[k] in lex.CALENDAR]
        if not institution:
            c.in_name = f"part of a longer name ({texts[c.j - 1]} {texts[run[0]]})"
        elif not all(texts[k] in lex.BUILDING_WORDS for k in institution):
            c.office = True  # "Youngstown State University", "Mansfield Public Library"
        elif all(texts[k] in lex.BUILDING_WORDS for k in institution):
            c.in_name = f"name of a building or society ({texts[c.j - 1]} {texts[run[-1]]})"
        return False


    def _big_city_after_in(self, c: _Cand) -> str | None:
        """Return the state of a big city written after "X in", when it is only a city.

        "Forest Park in St. Louis", "Lincoln Park in Chicago" name a park or a neighborhood, no
        town of another state; "Highland Park in Detroit" is the town of the city's state. A
        state or county after "in" ("Aurora in Colorado") is a qualifier, read elsewhere.
        """
        k = c.j + 1
        key = self._key_at(k) if k < self.n and self._cap_word(k) else None
        if key is None:
            return None
        after = [self.x.jur[i] for i in self.x.keys[key]]
        if not after or any(j.kind != "place" for j in after) \
                or (after[0].population or 0) < W.big_city:
            return None
        return after[0].state

    def _described_as_someone(self, k: int) -> bool:
        """Whether an appositive at token k describes a person: ", a pastor", ", who"."""
        if self._word(k) != ",":
            return False
        after = self._word(k + 1)
        if after == "who":
            return True
        noun = self._word(k + 2)
        return after in {"a", "an"} and noun.islower() and noun.isalpha() \
            and noun not in lex.PLACE_KIND_WORDS

    def _possessive_name(self, c: _Cand) -> str | None:
        """Return the possessive name a place name is part of ("Martha's Vineyard"), if any.

        What a first name owns ("Vineyard"), and the first name owning a capitalized thing
        ("Martha"), unless a big place has that first name ("Austin's Travis County").
        """
        texts, starts, ends = self.t.texts, self.t.starts, self.t.ends
        apostrophes = {"'s", "\u2019s"}
        if c.i >= 2 and texts[c.i - 1] in apostrophes and texts[c.i - 2] in lex.FIRST_NAMES \
                and ends[c.i - 2] == starts[c.i - 1] and not self._big_place(c.i - 2):
            return self.text[starts[c.i - 2]:ends[c.j - 1]]
        owned = c.j + 1
        if len(c.key) == 1 and texts[c.i] in lex.FIRST_NAMES and self._word(c.j) in apostrophes \
                and ends[c.j - 1] == starts[c.j] and self._cap_word(owned) \
                and texts[owned] not in _INSTITUTION_WORDS and not self._big_place(c.i):
            return self.text[starts[c.i]:ends[owned]]
        return None

    def _city_as_actor(self, c: _Cand) -> bool:
        """Whether "Denver said", "Denver agreed" may be the city speaking through its government.

        A big city's name, not a first name, not the name of anyone in the article; it is read
        as the city only where the article names that city elsewhere (one sense per article).
        """
        if c.key in self.person_keys or self.t.norms[c.j - 1] in self.surnames \
                or self.t.texts[c.i] in lex.FIRST_NAMES or self.person[c.i]:
            return False
        return any(self.x.jur[i].kind == "place"
                   and (self.x.jur[i].population or 0) >= W.speaking_city for i in c.ids)

    def _georgia_country(self, c: _Cand) -> bool:
        before = [w.lower() for w in self.t.texts[max(0, c.i - 3):c.i]]
        if before[-2:] in (["republic", "of"], ["country", "of"], ["nation", "of"]):
            return True
        return bool(lex.GEORGIA_COUNTRY_CUES & set(self.t.norms)) and not (
            {"atlanta", "savannah", "augusta", "macon", "athens"} & set(self.t.norms))

    def _cue(self, c: _Cand) -> str | None:
        """Return the kind of jurisdiction the words around a name point to."""
        nxt = self._word(c.j)
        before = self.t.norms[max(0, c.i - 2):c.i]
        if nxt in lex.STATE_CUES or before[-1:] in (["upstate"], ["downstate"]) \
                or before == ["state", "of"]:
            return "state"
        has_state = any(self.x.jur[i].kind == "state" for i in c.ids)
        if has_state and nxt in lex.STATE_CUE_WORDS:
            return "state"  # "Washington law", "Washington voters"
        if has_state and len(before) == 2 and before[1] == "in" and before[0] in lex.COUNTY_SUFFIXES:
            return "state"  # "St. Lawrence County in New York": a county lies in a state
        if has_state and self._in_law_name(c):
            return "state"  # "the Keep Washington Working Act": the state's law
        if nxt in {"'s", "\u2019s"} and any(  # "Washington's two U.S. senators"
                self._word(k).lower() in lex.STATE_CUE_WORDS for k in range(c.j + 1, c.j + 5)):
            return "state"
        if nxt in lex.COUNTY_CUES or before == ["county", "of"]:
            return "county"
        if nxt in {"is", "was", "became", "remains"} and any(  # "Frederick is one of 36 counties"
                self.t.norms[k] in {"county", "counties"} and self.t.texts[k].islower()
                for k in range(c.j + 1, min(c.j + 8, self.n))):
            return "county"
        if nxt in lex.CITY_CUES or before in (["city", "of"], ["town", "of"], ["village", "of"]) \
                or (before[-1:] == ["of"] and before[0] in lex.CITY_CUES):  # "the mayor of X"
            return "place"
        if has_state and before[-1:] == ["to"] and self._moved_to(c.i - 1):
            return "place"  # "sent buses to New York": the city of a state's name
        if has_state and any((self.x.jur[i].population or 0) >= W.big_city for i in c.ids):
            office = self._office_before(c)
            if office in ("place", "state"):
                return office  # "Mayor Ann Ruiz said New York ...": the mayor's city
        return self._list_kind(c)

    def _office_before(self, c: _Cand) -> str | None:
        """Return the kind of the nearest office named before a name in its sentence, if any.

        "Mayor Ann Ruiz said New York had taken in 100,000 people": a mayor speaks of her city;
        "Gov. Tom Berg said New York ...": a governor of his state (lexicon OFFICE_KINDS).
        """
        k = c.i - 1
        while k >= 0 and c.i - k <= _OFFICE_REACH:
            kind = lex.OFFICE_KINDS.get(self.t.norms[k])
            if kind is not None:
                return kind
            if self.t.sentence_start[k]:
                break
            k -= 1
        return None

    def _in_law_name(self, c: _Cand) -> bool:
        """Whether the name is inside a law's name ("Keep Washington Working Act").

        The capitalized words after it, up to three, end in one of
        :data:`geo._lexicon.LAW_NAME_WORDS`.
        """
        k = c.j
        while k < min(c.j + 4, self.n) and self._cap_word(k):
            if self.t.texts[k] in lex.LAW_NAME_WORDS:
                return True
            k += 1
        return False

    def _list_kind(self, c: _Cand) -> str | None:
        """Return the kind a plural noun gives the list a name stands in.

        "cities like Jordan and Savage" are towns (not a common word, not the country);
        "counties such as Lake and Sumter" are counties. Reads back a bounded stretch of
        names and commas to the list's opener, so a name costs at most ``list_kind_reach``.
        """
        texts, k = self.t.texts, c.i - 1
        low = max(0, c.i - W.list_kind_reach)
        while k >= low and (texts[k] in {",", "and", "or", "&"} or self._cap_word(k)):
            k -= 1
        for width in (2, 1):
            start = k - width + 1
            if start >= 1 and self._list_opener(start) == width:
                return lex.LIST_KIND_NOUNS.get(self.t.norms[start - 1])
        return None

    def _moved_to(self, to: int) -> bool:
        """Whether the "to" at token ``to`` ends a movement of people ("sent buses ... to")."""
        k = to - 1
        while k >= max(0, to - 8) and not self.t.sentence_start[k + 1]:
            if self.t.norms[k] in lex.MOVEMENT_WORDS:
                return True
            k -= 1
        return False

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

    def _list_items(self, live: list[_Cand]) -> None:
        """Note the bulleted list item each candidate stands in (its line's start), or None.

        A line opening with a bullet mark (lexicon BULLET_MARKS) or "1." / "1)" is an item.
        """
        items: list[int | None] = []
        for c in live:
            begin = self.text.rfind("\n", 0, self.t.starts[c.i]) + 1
            line = self.text[begin:begin + 8].lstrip(" \t")
            number = line.split(" ", 1)[0]
            bullet = (line[:1] in lex.BULLET_MARKS and line[1:2] in {" ", "\t"}) or (
                number[:-1].isdigit() and len(number) <= 3 and number[-1:] in {".", ")"})
            items.append(begin if bullet else None)
        self._items = items

    def _other_items(self, n_: int) -> frozenset[int]:
        """Positions of the candidates in list items other than candidate n_'s own item."""
        item = self._items[n_] if 0 <= n_ < len(self._items) else None
        if item is None:
            return frozenset()
        return frozenset(m for m, other in enumerate(self._items)
                         if other is not None and other != item)

    def _spatial_index(self, live: list[_Cand]) -> None:
        """Index every reading of every name by half-degree cell and by containing county."""
        jur = self.x.jur
        # which list items each name stands in (None: outside any), for _support
        self.key_items: dict[tuple[str, ...], set[int | None]] = defaultdict(set)
        for c, item in zip(live, self._items, strict=True):
            self.key_items[c.key].add(item)
        self.cells: dict[tuple[int, int], dict[tuple[str, ...], float]] = defaultdict(dict)
        self.id_keys: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        self.parent_keys: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for c in live:
            ids = (c.chosen,) if c.chosen else c.ids
            readings = [i for i in ids if jur[i].kind in {"place", "county"}]
            if not readings or c.drop:
                continue
            weight = (W.vote_unique if len(readings) == 1 else W.vote_few if len(readings) <= 5
                      else W.vote_many)
            for i in readings:
                j = jur[i]
                cell = self.cells[(math.floor(j.lat * 2), math.floor(j.lon * 2))]
                cell[c.key] = max(cell.get(c.key, 0.0), weight)
                self.id_keys[i].add(c.key)
                for parent in j.parents[:-1]:
                    self.parent_keys[parent].add(c.key)
        if self.outlet_place is not None:  # the outlet's home supports the readings near it
            j = jur[self.outlet_place]
            self.cells[(math.floor(j.lat * 2), math.floor(j.lon * 2))][("<outlet>",)] = W.vote_unique
            for parent in j.parents[:-1]:
                self.parent_keys[parent].add(("<outlet>",))

    def _longer_name_at(self, k: int, end: int) -> bool:
        """Whether a capitalized place name longer than the state's starts at token k."""
        longer = self._key_at(k, min_len=end - k + 1)
        return longer is not None and all(self._cap_word(m) for m in range(k, k + len(longer)))

    def _index_choice(self, c: _Cand) -> None:
        """Keep only the chosen reading of a name just resolved in the spatial index.

        "El Paso County", once read as Colorado's, no longer holds El Paso, Texas, for a later
        "El Paso" in the same pass.
        """
        jur = self.x.jur
        for i in c.ids:
            j = jur[i]
            if i == c.chosen or j.kind not in {"place", "county"}:
                continue
            self.id_keys[i].discard(c.key)
            for parent in j.parents[:-1]:
                self.parent_keys[parent].discard(c.key)
            self.cells[(math.floor(j.lat * 2), math.floor(j.lon * 2))].pop(c.key, None)
        if c.chosen is None or jur[c.chosen].kind not in {"place", "county"}:
            return
        j = jur[c.chosen]
        self.id_keys[j.id].add(c.key)
        for parent in j.parents[:-1]:
            self.parent_keys[parent].add(c.key)
        cell = self.cells[(math.floor(j.lat * 2), math.floor(j.lon * 2))]
        cell[c.key] = max(cell.get(c.key, 0.0), W.vote_unique)

    def _support(self, c: _Cand, j: Jurisdiction, item: int | None = None) -> tuple[float, bool]:
        """Other names with a reading near j (weighted by their ambiguity); containment.

        In a list item (``item``), names standing only in other items of the list do not vote.
        """
        row, col = math.floor(j.lat * 2), math.floor(j.lon * 2)
        best: dict[tuple[str, ...], float] = {}
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for key, weight in self.cells.get((row + dr, col + dc), {}).items():
                    if key == c.key or weight <= best.get(key, 0.0):
                        continue
                    where = self.key_items.get(key)
                    if item is not None and where and None not in where and item not in where:
                        continue
                    best[key] = weight
        contained = _holds_other(self.parent_keys.get(j.id), c.key) or any(
            _holds_other(self.id_keys.get(parent), c.key) for parent in j.parents[:-1])
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

