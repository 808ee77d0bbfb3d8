"""Every weight and threshold the geoparser's scoring uses, in one named table.

Unless a line says otherwise, a value was set by hand by reading the errors of the LGL dev half
(even docids of ``shared/benchmarks/lgl/lgl.xml``, run with ``python bench/lgl.py --errors N``)
and checked against the seed articles; the LGL test half (odd docids) is reported, not studied.
Values added for the news traps were checked on the extraction dev split
(``tests/data/extraction/dev``, ``python bench/extraction.py --split dev``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Weights:
    """Score terms (log10-population units) and thresholds of geoparse's scoring stage.

    A reading's score starts at log10 of its population (floored per kind) and adds the terms
    below for each kind of evidence; the best-scoring reading wins if it has support or is big.
    """

    # -- population --------------------------------------------------------------------------
    floor_place: int = 1_000  # a hamlet scores like a village of 1,000
    floor_county: int = 30_000  # counties carry the people of their cities (LGL dev)
    floor_region: int = 1_000_000
    min_pop_unsupported: int = 20_000  # a lone place name with no context must be this big
    min_pop_world: int = 100_000  # a US city named like a world city wins without context
    big_city: int = 100_000  # a state name that is also a city this big is ambiguous
    big_place: int = 50_000  # "Madison Common Council": a first name that is a big place
    common_word_city: int = 50_000  # a common word is a city only this big after "in"
    speaking_city: int = 100_000  # "Denver said": a city this big acts through its government
    fuzzy_target: int = 300_000  # misspellings are matched to places this big (and states)
    # -- evidence, added to log10(population) ------------------------------------------------
    qualifier: float = 5.0  # "Austin, Texas": the state written beside the name
    state_named: float = 2.5  # the article names the state (capped with `context_cap`)
    state_of_places: float = 1.0  # the article names places in that state
    near: float = 2.5  # another resolved place of the article within `near_km`
    near_km: float = 40.0
    region: float = 1.2  # another resolved place within `region_km`
    region_km: float = 120.0
    cue: float = 3.0  # the words around it name its kind ("Dane County Sheriff")
    vote: float = 1.2  # per unit of other names' readings in the neighbouring half-degree cells
    vote_cap: float = 2.0
    vote_min: float = 0.3  # less than this is noise
    context_cap: float = 3.0  # a hamlet never beats a city 1,000 times its size on context
    contained: float = 2.0  # a county the article names contains it (or it contains one)
    # the dateline names the state (news dev split): the strongest, for a reading within
    # `region_km` of the dateline's town or of the article's places; farther, as `state_named`
    dateline_state: float = 4.0
    list_state: float = 2.0  # the state most names of a county list share (news dev split)
    # a big reading in a list whose other members are big cities of several states ("Atlanta,
    # Denver, Houston and Miami"): a list names places of one scale (extraction dev split)
    list_scale: float = 3.0
    outlet_state: float = 2.5  # the outlet's home state (GeoContext.state), as strong as a named one
    # a place this close to the outlet's home town is near it, as a place named within `near_km`
    # is: a local paper covers its area, across a state line too (extraction dev split)
    outlet_km: float = 80.0
    # "New York" is the city when the city was named this close before or after it, in the
    # same paragraph (extraction dev split; LGL, where a whole article's reach was too far)
    city_nearby_chars: int = 300
    list_verb_reach: int = 5  # "counties housing them so far include X, Y": words to the verb
    list_kind_reach: int = 12  # "cities like A, B and C": tokens back from a member to "like"
    # -- ambiguity weight of another name's readings when it supports a reading nearby -------
    vote_unique: float = 1.0
    vote_few: float = 0.6  # 2..5 readings
    vote_many: float = 0.3
    # -- confidence --------------------------------------------------------------------------
    conf_certain: float = 0.95  # a state, or a name with its state written beside it
    conf_name: float = 0.9  # a unique name, a state name
    conf_kind_cue: float = 0.8  # state-or-city decided by the words around it
    conf_kind_guess: float = 0.6  # state-or-city decided by nothing ("Washington" alone)
    conf_base: float = 0.5  # scored: 0.5 + 0.45 * (1 - exp(-margin))
    conf_margin: float = 0.45
    conf_lone_margin: float = 3.0  # the margin of a name with one reading
    surname_factor: float = 0.7  # also a surname of someone in the article
    capitals_factor: float = 0.85  # in capitals, or inside a longer name
    anchor_min: float = 0.7  # a resolved place this sure supports the others
    strong_min: float = 0.8  # a name this sure supports the same name inside longer names
    fuzzy_one_edit: float = 0.6
    fuzzy_two_edits: float = 0.45
    fuzzy_county_min: int = 5  # a misspelt county in a county list has at least this many letters


WEIGHTS = Weights()
