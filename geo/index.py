"""The name index of a gazetteer: every name and alias as a token n-gram, built once per gazetteer."""

from __future__ import annotations

import re
import threading
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from geo import _lexicon as lex
from geo.gazetteer import Gazetteer, Jurisdiction
from geo.tokens import _is_upper, _tokenize
from geo.weights import WEIGHTS as W

_PARTICLE = re.compile(r"\b(La|De|Du|Le)(?=[A-Z][a-z])")


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
    nicknames: set[tuple[str, ...]]
    bare_counties: set[tuple[str, ...]]
    # Aliases written in lower case after "the" ("the nation's capital"), and their first words:
    # a name that opens on no capital, found only there.
    lower_aliases: frozenset[tuple[str, ...]] = frozenset()
    lower_starts: frozenset[str] = frozenset()
    # The nearest misspelt name of a query word, by (query, edit limit): the same capitalized
    # words come back article after article ("Enforcement", "Homeland").
    fuzzy_seen: dict[tuple[str, int], tuple[int, str] | None] = field(default_factory=dict)


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
    # Census joins French and Dutch particles ("LaPorte County", "DeKalb County"); news often
    # writes them apart ("La Porte County").
    spaced = _PARTICLE.sub(r"\1 ", j.name)
    if spaced != j.name:
        yield spaced


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
    lower_keys: set[tuple[str, ...]] = set()
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
                if name[:1].islower() and name == name.lower():
                    lower_keys.add(key)
            else:
                plain.add(key)
            if name == j.name:
                official.add((j.id, key))
            if j.kind == "state" and name == j.name:
                state_names[key] = j.id
    # A county's name without "County" when nothing else has that name ("Gwinnett", "Maui",
    # "DuPage"): news writes it bare for the county. Names with a town keep the town ("Boise"
    # is Boise City's); first names ("Travis") are people, common words words. Such a reading
    # needs support (geo.scoring): "the Reagan administration" is no Texas county.
    bare: dict[tuple[str, ...], list[str]] = defaultdict(list)
    bare_keys: set[tuple[str, ...]] = set()
    for key, county_ids in keys.items():
        short = key[:-1]
        if len(key) > 1 and key[-1] in lex.COUNTY_SUFFIXES and short not in keys \
                and (*short, "city") not in keys and " ".join(short) not in lex.COMMON_WORDS \
                and " ".join(short).title() not in lex.FIRST_NAMES:
            bare[key[:-1]] += [i for i in county_ids if i not in bare[key[:-1]]]
    for key, county_ids in bare.items():
        keys[key] = county_ids
        bare_keys.add(key)
        plain.add(key)
        mixed_keys.add(key)
    by_id = {j.id: j for j in jurisdictions}
    nicknames: set[tuple[str, ...]] = set()
    state_by_code = {j.state_abbr: j.id for j in jurisdictions if j.kind == "state"}
    for nickname, code in lex.STATE_NICKNAMES.items():
        if code in state_by_code:
            key = tuple(_tokenize(nickname).norms)
            keys[key] = [state_by_code[code]]
            plain.add(key)
            nicknames.add(key)
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
        if j.kind == "state" or (j.kind == "place" and (j.population or 0) >= W.fuzzy_target):
            target = " ".join(_tokenize(j.name).norms)
            if len(target) < 6:
                continue
            targets[target].append(j.id)
            for variant in _deletes(target, 2 if len(target) >= 12 else 1):
                fuzzy[variant].add(target)
    return _Index(
        keys=final,
        # (a lower-case alias names one place wherever it stands: "the nation's capital" needs no
        # "Washington" elsewhere, as "the District" does)
        the_only=the_keys - plain - lower_keys,
        upper_aliases=upper_aliases,
        upper_only=upper_keys - mixed_keys,
        lengths={k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()},
        jur=by_id,
        state_by_text=state_by_text,
        state_names=state_names,
        dot_abbreviations=frozenset(dot_abbreviations),
        fuzzy=dict(fuzzy),
        fuzzy_targets={k: tuple(v) for k, v in targets.items()},
        lower_aliases=frozenset(lower_keys),
        lower_starts=frozenset(k[0] for k in lower_keys),
        dc_place=dc_place,
        pop=pop,
        official=official,
        nicknames=nicknames,
        bare_counties=bare_keys,
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

