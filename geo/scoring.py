"""Stage 3 of the geoparser: weigh the features of each candidate and choose its reading.

Every weight and threshold is in :data:`WEIGHTS`.
"""

from __future__ import annotations

import math

from geo import _lexicon as lex
from geo.candidates import _Cand
from geo.features import _Anchors, _distance_km, _Features
from geo.weights import WEIGHTS as W

# How a state mention was recognised, by its candidate key (anything else: "state name").
_STATE_METHODS: dict[tuple[str, ...], str] = {
    ("<state>",): "state after a place", ("<abbr>",): "state abbreviation",
}
# Tokens a legislator's tag spans at most: "(D-Lake, Porter)" ... "(R-St. Joseph, Elkhart)".
_TAG_REACH = 16
# The method of a place read as a legislator's home, from a district tag ("D-Lake, Porter") or
# "Rep. Ann Ruiz of Lakeview"; news.pipeline keeps these places out of the story's focus.
DISTRICT_METHOD = "legislator's district"
# Weak reasons for which a name takes the reading the same name has elsewhere in the article.
_SAME_NAME_REASONS = frozenset({
    "common word", "small place name starting a sentence (often a surname)",
    "capitals without context", "small place without context", "a city's name as a speaker",
})


class _Scorer(_Features):
    """Resolve every candidate to one reading or drop it, with a method and a confidence."""

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
        if c.dateline and any((jur[i].population or 0) >= W.big_city for i in places):
            return max(places, key=lambda i: jur[i].population or 0), "city (dateline)"
        big = [i for i in places if (jur[i].population or 0) >= W.big_city]
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
        city = next((i for i in big if self._city_nearby(c, i)), None)
        if city is not None and states[0] not in self.state_cued | {self.dateline_state}:
            # After "New York City" (or "NYC", or "buses to New York") in the same paragraph,
            # and with no other place of the state named, "New York can not" is the city.
            return city, "city (the city named nearby)"
        if self.x.dc_place in big:
            # "Washington" alone in news is the capital unless the article points to the state.
            if self.x.dc_place in named_places:
                return self.x.dc_place, "capital (D.C. named in article)"
            if states[0] in (self.state_cued | {self.dateline_state, self.outlet_state}):
                return states[0], "state (the article means the state elsewhere)"
            return self.x.dc_place, "capital (national news usage)"
        return states[0], "state name, also a city's"

    def _city_nearby(self, c: _Cand, city: str) -> bool:
        """Whether a mention resolved to ``city`` lies in c's paragraph, a few sentences off."""
        starts, ends = self.t.starts, self.t.ends
        here = starts[c.i]
        for other in self._live:
            if other.chosen != city or other is c:
                continue
            a, b = sorted((ends[other.j - 1], here))
            if b - a <= W.city_nearby_chars and "\n" not in self.text[a:b]:
                return True
        return False

    def _resolve(self, cands: list[_Cand]) -> None:
        jur = self.x.jur
        live = [c for c in cands if c.drop is None and not c.outlet]
        self._list_items(live)
        neighbours = self._neighbours(live)
        self._listed = neighbours
        self._live = live
        self._groups: dict[int, list[_Cand]] = {}
        for c in live:
            if c.group:
                self._groups.setdefault(c.group, []).append(c)
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
            if c.actor:
                c.weak_reason = "a city's name as a speaker"
                continue
            kinds = {jur[i].kind for i in c.ids}
            if c.forced_kind == "state" or kinds == {"state"}:
                c.chosen, c.confidence = c.ids[0], W.conf_certain
                c.method = _STATE_METHODS.get(c.key, "state name")
                if c.nickname:
                    c.method = "state nickname"
                named_states.add(c.chosen)
            elif "state" in kinds and c.cue != "place" and c.party < 2 and not any(
                    (jur[i].population or 0) >= W.big_city for i in c.ids if jur[i].kind != "state"):
                # "Maine", "Nevada", "Virginia": the state, unless a qualifier made it a town.
                c.chosen = next(i for i in c.ids if jur[i].kind == "state")
                c.confidence, c.method = W.conf_name, "state name"
                named_states.add(c.chosen)
            elif c.edits:
                c.chosen, c.confidence = c.ids[0], W.fuzzy_one_edit
                c.method = f"fuzzy match to {jur[c.chosen].name} in a list of counties"
            elif c.qual is not None and len(c.ids) == 1:
                c.chosen, c.confidence = c.ids[0], W.conf_certain
                kind = jur[c.chosen].kind
                c.method = f"{'city' if kind == 'place' else kind}, state"
                named_states.add(c.qual)
            elif len(c.ids) == 1 and not (c.common or c.surname or c.world or c.upper
                                          or c.in_name or c.party
                                          or c.key in self.x.bare_counties) and (
                    jur[c.ids[0]].kind != "place"
                    or (jur[c.ids[0]].population or 0) >= W.min_pop_unsupported):
                c.chosen, c.confidence = c.ids[0], W.conf_name
                c.method = ("region" if jur[c.chosen].kind == "region"
                            else "unique name" if (c.chosen, c.key) in self.x.official
                            else "alias")
            if c.chosen and jur[c.chosen].kind in {"place", "county"}:
                anchors.append((n_, jur[c.chosen]))
                named_places.add(c.chosen)
        if self.outlet_place is not None:  # the outlet's home: as near as a place it names
            anchors.append((-1, jur[self.outlet_place]))
        # States named through their places count as weaker context.
        context_states = anchors.states()
        for c in live:
            if c.qual is not None:
                named_states.add(c.qual)
        # Every other name supports the readings near its own readings, by how ambiguous it
        # is: "Huntsville" and "Walker County" both have Texas readings, one inside the other.
        self._spatial_index(live)
        self.strong_keys = {c.key for c in live if c.chosen and c.confidence >= W.strong_min}
        # Pass 2 and 3: names with several readings, then again with the new anchors.
        for round_ in range(2):
            for n_, c in enumerate(live):
                if (c.chosen is not None and round_ == 0) or c.drop is not None or c.actor:
                    continue
                if round_ == 1 and c.chosen is not None:
                    continue
                kinds_near = [k for m in neighbours.get(n_, []) if (k := self._kind_of(live[m]))]
                # "(D-Humboldt, Nevada)": a tag of several names lists counties, not states; a
                # tag's one name that is a state's and a big city's ("R-Washington") is read as
                # a district, last: a county of the article's state, else the state, never D.C.
                choice = None if c.party else self._choose_kind(c, kinds_near, named_places)
                if choice is not None:
                    c.chosen, c.method = choice
                    c.confidence = (W.conf_kind_guess if c.method.endswith("also a city's")
                                    else W.conf_kind_cue if "(" in c.method else W.conf_name)
                    if jur[c.chosen].kind == "state":
                        named_states.add(c.chosen)
                    continue
                if (c.in_name or c.party) and round_ == 0:
                    continue  # decided last, once the article's plain mentions are known
                self._score(c, n_, named_states, context_states, anchors, final=round_ == 1)
                if c.chosen is not None:
                    self._index_choice(c)
                if c.chosen is not None and c.confidence >= W.anchor_min:
                    anchors.append((n_, jur[c.chosen]))
                    if not c.in_name and c.confidence >= W.strong_min:
                        self.strong_keys.add(c.key)
            context_states = anchors.states()
        self._same_name_same_place(live)
        self._county_named_alone(live)
        self._county_among_counties(live)
        # Outlets and teams last, on what the rest says: "the Houston Chronicle" tells nothing
        # of where the article's other names lie.
        for c in cands:
            if c.outlet and c.drop is None:
                choice = self._choose_kind(c, [], named_places)
                if choice is not None:
                    c.chosen, c.method = choice
                    c.confidence = W.conf_kind_cue if "(" in c.method else W.conf_name
                else:
                    self._score(c, -2, named_states, context_states, anchors, final=True)
                if c.chosen is None:
                    c.drop = c.weak_reason or "no reading"
        plain = {c.chosen for c in live if c.chosen and not c.the_only}
        for c in live:
            if c.the_only and c.chosen is not None and c.chosen not in plain:
                c.chosen, c.drop = None, "'the ...' alias without the name elsewhere"
            if c.chosen is None and c.drop is None:
                c.drop = c.weak_reason or "no reading"


    def _score(self, c: _Cand, n_: int, named_states: set[str], context_states: set[str],
               anchors: _Anchors, final: bool) -> None:
        jur = self.x.jur
        if c.party:
            self._score_district(c, named_states | context_states)
            return
        scored: list[tuple[float, str, str]] = []
        strong: dict[str, bool] = {}
        nearby: dict[str, bool] = {}
        close: dict[str, bool] = {}
        distance: dict[str, float] = {}  # km to the nearest other place the article names
        home = {self.dateline_state: W.dateline_state, self.outlet_state: W.outlet_state}
        home.pop(None, None)
        list_state = self._list_state(
            c, ({s for s in home if s}, named_states, context_states)) if c.group else None
        if list_state is not None and not any(jur[i].state == list_state for i in c.ids):
            list_state = None  # "Cook, Lake and Kenosha counties": Kenosha is Wisconsin's
        # An item of a bulleted list stands alone: places named only in other items of the
        # list (a roundup of towns far apart) are no evidence for a reading near them.
        other_items = self._other_items(n_)
        item_states = anchors.states(other_items) if other_items else context_states
        big_list = self._in_list_of_big_cities(n_)
        for i in c.ids:
            j = jur[i]
            if j.kind == "state":
                continue
            if list_state is not None and j.state != list_state:
                continue  # one list, one state: not Essex County, N.J., among New York's
            if c.forced_kind and j.kind != c.forced_kind:
                continue
            floor = {"place": W.floor_place, "county": W.floor_county,
                     "region": W.floor_region}[j.kind]
            score = math.log10(max(self.x.pop[i], floor))
            reason = "population prior"
            support = False
            if c.qual is not None:
                support = True
                reason = "city, state" if j.kind == "place" else f"{j.kind}, state"
                score += W.qualifier
            context = 0.0
            if j.state in named_states or (j.kind == "region" and named_states & set(j.parents)):
                context = W.state_named
                support = True
                if c.qual is None:
                    reason = "state named in article"
            elif j.state in item_states:
                context = W.state_of_places
                support = True
                if c.qual is None:
                    reason = "state of other places in article"
            cap = W.context_cap
            near = anchors.nearest_km(j, n_, other_items)
            if self.outlet_place is not None and near > W.near_km \
                    and _distance_km(j, jur[self.outlet_place]) <= W.outlet_km:
                near = W.near_km  # a local paper's own area, across a state line too
            # The dateline and the outlet's home say where a local paper's bare names lie:
            # near its home more surely than a named state does; across the state, as surely.
            home_weight = home.get(j.state, 0.0)
            if near > W.region_km and not any(
                    _distance_km(j, jur[h]) <= W.region_km for h in self.dateline_places):
                home_weight = min(home_weight, W.state_named)
            if home_weight > context:
                context = home_weight
                cap = max(cap, home_weight)
                support = True
                if c.qual is None:
                    reason = ("state of the dateline" if j.state == self.dateline_state
                              else "outlet's home state")
            strong[i] = (c.qual is not None or near <= W.near_km or c.cue == j.kind
                         or (j.state in named_states and self.x.pop[i] >= W.big_city)
                         or j.state in home)
            if near <= W.near_km:
                score += W.near
                support = True
                reason = "near other places in article" if c.qual is None else reason
            elif near <= W.region_km:
                score += W.region
                support = True
                reason = "near other places in article" if c.qual is None else reason
            if c.cue and c.cue == j.kind:
                score += W.cue
                support = True
            if list_state is not None and j.state == list_state:
                score += W.list_state
                support = True
                if c.qual is None and reason == "population prior":
                    reason = "in a list of one state's counties"
            if big_list and self.x.pop[i] >= W.big_city and j.kind == "place":
                score += W.list_scale
                support = True
                if c.qual is None:
                    reason = "in a list of big cities"
            vote, contained = self._support(c, j, self._items[n_] if n_ >= 0 else None)
            nearby[i] = near <= W.near_km or contained
            distance[i] = near
            close[i] = near <= W.near_km
            vote = min(vote, W.vote_cap)
            # Context from the article is capped, so that a hamlet in a state the article
            # names never outweighs a city a thousand times its size.
            score += min(cap, context + (W.vote * vote if vote >= W.vote_min else 0.0))
            if contained:
                score += W.contained
            if vote >= W.vote_min or contained:
                if not support:
                    reason = ("in a county named in article" if contained
                              else "other names in article lie near it")
                support = True
            scored.append((score, i, reason if support else "population prior"))
        if not scored:
            c.weak_reason = "no reading of this kind"
            return
        # (between readings that score the same, as two towns of one name and one state whose
        # sizes the gazetteer does not hold, the one nearer the article's other places)
        scored.sort(key=lambda s: (-s[0], distance.get(s[1], math.inf)))
        best, best_id, reason = scored[0]
        margin = best - scored[1][0] if len(scored) > 1 else W.conf_lone_margin
        j = jur[best_id]
        pop = self.x.pop[best_id] if j.kind == "place" else 0
        supported = reason != "population prior" or c.cue is not None
        big_enough = pop >= (W.min_pop_world if c.world else W.min_pop_unsupported)
        after_locative = bool(self.t.norms[c.i - 1:c.i]) and self.t.norms[c.i - 1] in lex.LOCATIVES
        strict_locative = (bool(self.t.norms[c.i - 1:c.i])
                           and self.t.norms[c.i - 1] in lex.STRICT_LOCATIVES)
        if c.in_name and not (close[best_id] or c.qual is not None or c.cue == j.kind
                              or c.key in self.strong_keys):
            c.weak_reason = c.in_name  # "Education Austin": a state named is not enough
            return
        # Far from the article's home a small place needs more than its size; with a home
        # (dateline, outlet) known, more than a cue too ("Vernon police" in a Connecticut paper).
        if c.key in self.x.bare_counties and not c.forced_kind and not (
                c.cue == "county" or nearby[best_id] or j.state in named_states
                or j.state in home):
            c.weak_reason = "a county's name without 'County', with no support"
            return
        where = set(home) or named_states
        if not where and context_states and j.kind == "place" \
                and pop < W.min_pop_unsupported and j.state not in context_states \
                and reason == "population prior" and c.qual is None and c.cue is None:
            # "Gwinnett County ... officials in Cobb": a hamlet of another state (Cobb, Calif.)
            # needs more than "in" when the article's places lie elsewhere.
            c.weak_reason = "small place far from the article's places, with no support"
            self._bare_county(c, context_states)
            return
        # Votes of other ambiguous names ("Gorham, Ossipee and Troy", each a town in several
        # states) are no support against the article's home or named states.
        if where and reason in ("population prior", "other names in article lie near it") \
                and c.qual is None \
                and (c.cue is None or (home and j.state not in named_states)) \
                and j.state not in where and pop < W.big_city:
            c.weak_reason = "small place far from the article's home, with no support"
            self._bare_county(c, where)
            return
        if c.dateline or (strict_locative and not c.world):
            supported = True
        # A common word is a place with its state written, as a big city after "in", or near
        # the article's places when its words say so ("Independence police") or it stands in
        # a list of places ("Lebanon and Mason"), or the outlet's own home, which a local paper
        # names bare ("two Buffalo churches" in a Buffalo paper).
        # A dateline in capitals is a place when its state is named in the article ("CONCORD -"
        # in a New Hampshire story).
        dateline_here = c.dateline and j.state in named_states
        if c.common and not dateline_here and not (c.qual is not None or (
                pop >= W.common_word_city and not self.t.sentence_start[c.i] and strict_locative)
                or (close[best_id] and (c.cue == j.kind or bool(self._listed.get(n_))))
                or (c.cue == j.kind and pop >= W.common_word_city)  # "Providence police"
                or best_id == self.outlet_place):
            c.weak_reason = "common word"
            return
        attribution = c.i >= 2 and self.t.norms[c.i - 2] in lex.ATTRIBUTION_BEFORE
        # "in Jackson's view": the locative governs the noun after the possessive, not the name
        attribution = attribution or self._word(c.j) in {"'s", "\u2019s"}
        if c.named_person and not (c.cue == j.kind or c.dateline or nearby[best_id]
                                   or (after_locative and not attribution)):
            c.weak_reason = "surname of a person named in the article"
            return
        if c.surname and not (strong[best_id] or (after_locative and not attribution)):
            c.weak_reason = "surname of a person in the article"
            return
        if c.initial and pop < W.big_city and not (strong[best_id] or c.upper or c.office):
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
        confidence = W.conf_base + W.conf_margin * (1 - math.exp(-margin))
        if c.surname:
            confidence *= W.surname_factor
            reason += "; also a surname in the article"
        if c.upper or c.in_name:
            confidence *= W.capitals_factor
        c.chosen, c.confidence, c.method = best_id, round(confidence, 3), reason

    def _list_state(self, c: _Cand, preferred: tuple[set[str], ...] = ()) -> str | None:
        """Return the state in which most names of c's county list have a county, if one wins.

        On a tie ("Perry, Boone and Clark counties" lie in Kentucky, Indiana, Ohio, ...), the
        one the article is about: its home (dateline, outlet), else a state it names, else the
        state of its places, when only one of the tied states is so.
        """
        counts: dict[str, int] = {}
        for other in self._groups.get(c.group, ()):
            for state in {self.x.jur[i].state for i in other.ids}:
                if state:
                    counts[state] = counts.get(state, 0) + 1
        if not counts:
            return None
        best = max(counts.values())
        winners = [s for s, n in counts.items() if n == best]
        if best < 2:
            return None
        if len(winners) == 1:
            return winners[0]
        for states in preferred:
            hits = [s for s in winners if s in states]
            if len(hits) == 1:
                return hits[0]
        return None

    def _same_name_same_place(self, live: list[_Cand]) -> None:
        """Give a name left out for want of support the reading it has elsewhere in the article.

        One sense per article: "Dublin's boards" after "Dublin, Ohio". Only for names dropped
        for weak evidence, never for names that are also someone's name in the article.
        """
        resolved: dict[tuple[str, ...], _Cand] = {}
        for c in live:
            if c.chosen is not None and c.confidence >= W.anchor_min and not c.party \
                    and (c.key not in resolved or c.confidence > resolved[c.key].confidence):
                resolved[c.key] = c
        for c in live:
            other = resolved.get(c.key)
            if other is None or c.chosen is not None or c.drop is not None \
                    or c.weak_reason not in _SAME_NAME_REASONS or other.chosen not in c.ids \
                    or c.key in self.person_keys or c.key[-1] in self.surnames:
                continue
            c.chosen = other.chosen
            c.confidence = min(other.confidence, W.conf_kind_cue)
            c.method = "same name elsewhere in article"

    def _bare_county(self, c: _Cand, states: set[str | None] | set[str]) -> None:
        """Read a name left out as a far town as the county of that name in the article's state.

        "Gwinnett County ... officials in Cobb and Hall": Cobb County and Hall County, Georgia,
        not the hamlets of other states; only when one such county exists there.
        """
        if c.party or c.in_name or c.key in self.person_keys or c.key[-1] in self.surnames:
            return
        counties = [i for suffix in lex.COUNTY_SUFFIXES
                    for i in self.x.keys.get((*c.key, suffix), ())
                    if self.x.jur[i].kind == "county" and self.x.jur[i].state in states]
        if len(counties) == 1:
            c.chosen, c.confidence = counties[0], W.conf_kind_guess
            c.method = "county of the article's state, its name alone"
            c.weak_reason = None

    def _county_named_alone(self, live: list[_Cand]) -> None:
        """Read a county's name standing alone as that county when no town there has the name.

        "El Paso County" in a Colorado article, then "the El Paso District Court": Colorado has
        no town called El Paso, so the name is the county's, not El Paso, Texas. In Texas the
        city of that name lies in the county and keeps the name. A town of the name in another
        county of the state does not keep it either: after "Nassau County", "the Nassau police
        commissioner" is the county's, not the village of Nassau upstate.
        """
        jur = self.x.jur
        counties: dict[tuple[str, ...], _Cand] = {}
        for c in live:
            if c.chosen is not None and jur[c.chosen].kind == "county" and len(c.key) > 1 \
                    and c.confidence >= W.anchor_min and not c.party:
                counties.setdefault(c.key[:-1], c)
        for c in live:
            county = counties.get(c.key)
            if county is None or c.chosen is None or c.qual is not None or c.party \
                    or jur[c.chosen].kind != "place":
                continue
            state = jur[county.chosen].state if county.chosen else None
            if any(jur[i].state == state and county.chosen in jur[i].parents for i in c.ids):
                continue
            c.chosen = county.chosen
            c.confidence = min(county.confidence, W.conf_kind_cue)
            c.method = "county named in article, its name alone"

    def _in_list_of_big_cities(self, n_: int) -> bool:
        """Whether the list the n-th name stands in names big cities of several states.

        "Atlanta, Baltimore, Denver, Houston and Miami": at least two other members of the list
        are read, every one as a city of at least ``big_city`` people, in two states or more.
        """
        if n_ < 0 or n_ not in self._listed:
            return False
        seen, todo = {n_}, [n_]
        while todo:
            for m in self._listed.get(todo.pop(), ()):
                if m not in seen:
                    seen.add(m)
                    todo.append(m)
        jur = self.x.jur
        read = [jur[chosen] for m in seen - {n_}
                if (chosen := self._live[m].chosen) is not None]
        return len(read) >= 2 and len({j.state for j in read}) >= 2 and all(
            j.kind == "place" and (j.population or 0) >= W.big_city for j in read)

    def _county_among_counties(self, live: list[_Cand]) -> None:
        """Read a small town's name as its county when its paragraph names only counties.

        "Ocean County sued last month. Cape May, which also renewed its agreement, may sue too":
        beside counties written in full, a local paper drops "County" from the next one; the
        town of that name (a few thousand people) is not what the paragraph is about. A town
        big enough to stand for itself keeps the name ("Harris County ... Houston").
        """
        jur, starts = self.x.jur, self.t.starts
        for c in live:
            if c.chosen is None or c.qual is not None or c.party or c.cue == "place" \
                    or jur[c.chosen].kind != "place" \
                    or (jur[c.chosen].population or 0) >= W.min_pop_unsupported:
                continue
            state = jur[c.chosen].state
            county = [i for suffix in lex.COUNTY_SUFFIXES
                      for i in self.x.keys.get((*c.key, suffix), ())
                      if jur[i].kind == "county" and jur[i].state == state]
            if len(county) != 1:
                continue
            here = starts[c.i]
            mates = [(o, jur[o.chosen]) for o in live if o is not c and o.chosen is not None
                     and jur[o.chosen].state == state and jur[o.chosen].kind != "state"
                     and "\n" not in self.text[min(here, starts[o.i]):max(here, starts[o.i])]]
            if mates and all(j.kind == "county" and o.key[-1] in lex.COUNTY_SUFFIXES
                             for o, j in mates):
                c.chosen, c.confidence = county[0], W.conf_kind_guess
                c.method = "county (its name alone among counties)"

    def _district_states(self, c: _Cand, article_states: set[str]) -> set[str]:
        """Return the state whose legislature the article's district tags belong to.

        The dateline's state; else the state the article names most (by its resolved names: the
        state itself and its places, the outlet's home state counting once), all of them on a
        tie. A story from a Massachusetts town that names New York once keeps "D-Winthrop" in
        Massachusetts.
        """
        if self.dateline_state is not None:
            return {self.dateline_state}
        counts: dict[str, int] = {}
        for other in self._live:
            if other.chosen is None or other.party:
                continue
            j = self.x.jur[other.chosen]
            state = j.id if j.kind == "state" else j.state
            if state in article_states:
                counts[state] = counts.get(state, 0) + 1
        if self.outlet_state is not None:
            counts[self.outlet_state] = counts.get(self.outlet_state, 0) + 1
        if not counts:
            return article_states
        top = max(counts.values())
        tied = {s for s, n in counts.items() if n == top}
        if len(tied) > 1:
            # "(D-Lake, Porter)": a district's names lie in one state; the one holding most
            tag = [o for o in self._live if o.party and abs(o.i - c.i) <= _TAG_REACH]
            held = {s: sum(any(self.x.jur[i].state == s for i in o.ids) for o in tag)
                    for s in tied}
            most = max(held.values())
            tied = {s for s in tied if held[s] == most}
        return tied

    def _score_district(self, c: _Cand, article_states: set[str]) -> None:
        """Resolve a name in a legislator's tag to a county (or town) of the article's states.

        "(D-Lake, Porter)" lists the counties of a district; "(R-Ashland)" names a home town,
        or a county where the state has no town of that name. Either lies in the state the
        article is about, never in another state.
        """
        jur = self.x.jur
        if c.in_name:
            # "Rep. Ann Ruiz of New Durham": the home is the whole name, not "Durham"
            c.weak_reason = "part of a longer name in a legislator's tag"
            return
        readings = [i for i in c.ids if jur[i].kind in {"place", "county"}
                    and jur[i].state in self._district_states(c, article_states)]
        counties = [i for i in readings if jur[i].kind == "county"]
        places = [i for i in readings if jur[i].kind == "place"]
        if c.party >= 2 and counties:
            readings = counties  # a district of several counties
        elif c.party == 1 and places:
            readings = places  # one name is the legislator's home town ("D-Los Angeles")
        if not readings:
            state = next((i for i in c.ids if jur[i].kind == "state"), None)
            if state is not None:
                # "Sens. Ann Ruiz and Lee Wu of Washington", "(D-Texas)": a member of Congress
                # names the state; never the capital or a town of another state
                c.chosen, c.confidence = state, W.conf_kind_cue
                c.method = f"{DISTRICT_METHOD} (a state's name)"
                return
            c.weak_reason = "legislator's district outside the article's states"
            return
        c.chosen = max(readings, key=lambda i: self.x.pop[i])
        c.confidence = W.conf_kind_cue
        c.method = f"{DISTRICT_METHOD} ({jur[c.chosen].kind} of the article's state)"
