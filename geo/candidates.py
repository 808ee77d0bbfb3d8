"""Stage 1 of the geoparser: candidate spans.

The text is tokenized, people and storms are marked, and every capitalized n-gram that is a
gazetteer name becomes a :class:`_Cand` with all its readings (ids). Lists of counties ("Lake,
Porter and La Porte counties"), AP state abbreviations standing alone ("D-Calif.") and
misspellings of big places are candidates too. Nothing is resolved here.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from geo import _lexicon as lex
from geo.index import _deletes, _Index, _osa
from geo.tokens import _is_cap, _is_upper, _tokenize
from geo.weights import WEIGHTS as W

# Lower-case words inside one place name ("Fond du Lac", "Isle of Wight"), not list glue.
_NAME_CONNECTORS = lex.CONNECTORS - {"and", "in", "on", "the", "or"}
_POSSESSIVES = frozenset({"'s", "\u2019s"})
_DATELINE_END = frozenset({",", "-", "\u2014", "\u2013", "("})
# Last words of a jurisdiction's name: what follows them is its agency, not a firm.
_JURISDICTION_WORDS = frozenset({"county", "parish", "borough", "township"})


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
    nickname: bool = False  # "the Golden State"
    party: int = 0  # inside a legislator's tag "(D-Lake, Porter)": how many names the tag lists
    thing: str | None = None  # inside the name of a school or a natural area: not a mention
    outlet: bool = False  # inside an outlet's or a team's name: resolved last, supports nothing
    named_person: bool = False  # the surname of someone the article names in full
    actor: bool = False  # a big city's name before a speech verb ("Denver said")
    group: int = 0  # a list of counties ("Dodge, Washington and Wood counties"): its id
    edits: int = 0  # a misspelt county in a list of counties ("Orange, Duchess and Albany")


LEGISLATORS_LISTED = 12  # "Reps. A of X, B of Y, ... and H of Z": names read after one title


class _CandidateFinder:
    """Find candidate spans; the later stages subclass this to share the tokens."""

    def __init__(self, text: str, index: _Index, outlet_state: str | None = None,
                 outlet_place: str | None = None) -> None:
        self.text = text
        self.x = index
        self.outlet_state = outlet_state  # state id of the outlet's home (GeoContext)
        self.outlet_place = outlet_place  # id of the outlet's home town
        self.dateline_state: str | None = None
        self.dateline_places: tuple[str, ...] = ()  # the dateline's readings in its state
        self.state_cued: set[str] = set()
        self.senators_of: set[str] = set()  # states of U.S. senators named "Sen. X of <state>"
        self.t = _tokenize(text, index.dot_abbreviations)
        n = len(self.t.texts)
        self.n = n
        self.person = [False] * n
        self.storm = [False] * n
        self.thing: list[str | None] = [None] * n
        self.party: list[int] = [0] * n
        self.thing_span: list[tuple[int, int]] = [(0, 0)] * n  # the thing's whole name
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
        texts, kinds, caps, connectors = self.t.texts, self.t.kinds, self.t.caps, lex.CONNECTORS
        # Running counts of content words (words of letters, not connectors) and of capitalized
        # ones, so each sentence's counts are two differences.
        content = [kind == "w" and w.isalpha() and w.lower() not in connectors
                   for w, kind in zip(texts, kinds, strict=True)]
        words = [0, *accumulate(content)]
        capped = [0, *accumulate(c and cap for c, cap in zip(content, caps, strict=True))]
        start = 0
        sentence_start = self.t.sentence_start
        for k in range(1, self.n + 1):
            if k == self.n or sentence_start[k]:
                n_words = words[k] - words[start]
                if n_words >= 3 and capped[k] - capped[start] >= 0.75 * n_words:
                    out[start:k] = [True] * (k - start)
                start = k
        return out

    # -- helpers -----------------------------------------------------------------------------
    def _word(self, k: int) -> str:
        return self.t.texts[k] if 0 <= k < self.n else ""

    def _cap_word(self, k: int) -> bool:
        return 0 <= k < self.n and self.t.kinds[k] in "wa" and self.t.caps[k]

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
    def _opens_dateline(self, i: int) -> bool:
        """Whether token i may open a dateline.

        At a sentence's start, or after a date and a dash at a line's start ("May 5—CONCORD
        —", as syndicated copy writes it).
        """
        if self.t.sentence_start[i]:
            return True
        t = self.t
        return (i >= 3 and t.texts[i - 1] in _DATELINE_END and t.kinds[i - 2] == "n"
                and t.texts[i - 3].rstrip(".") in lex.MONTHS and t.line_start[i - 3])

    def _initial(self, k: int) -> bool:
        return (self.t.kinds[k] == "w" and len(self.t.texts[k]) == 1 and self.t.texts[k].isupper()
                and self._word(k + 1) == ".")

    def _name_run(self, k: int, limit: int) -> list[int]:
        """Capitalized name tokens from k on (initials skipped), stopping at place words."""
        run: list[int] = []
        first = k
        while k < self.n and len(run) < limit:
            if k and "\n" in self.text[self.t.ends[k - 1]:self.t.starts[k]]:
                break  # a name never runs over a line: "Sheriff Opposition" is a heading
            word = self.t.texts[k]
            if self.t.line_start[k] and k > first:
                break  # a name does not run on into the next line ("Sheriffs Want\n\nLaramie")
            if self._initial(k):
                run.append(k)
                k += 2
                continue
            if (self.t.kinds[k] in "wa" and self.t.caps[k] and not _is_upper(word)
                    and word not in lex.PLACE_WORDS and word not in lex.FUNCTION_WORDS):
                run.append(k)
                k += 1
                if k + 1 < self.n and self.t.texts[k] == "-" and self.t.caps[k + 1] \
                        and self.t.starts[k] == self.t.ends[k - 1] \
                        and self.t.ends[k] == self.t.starts[k + 1]:
                    k += 1  # a hyphenated name goes on: "Ann Garcia-Lopez", "Ben-David"
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
            elif (kinds[i] == "w" and self.t.caps[i] and i + 3 < self.n and texts[i + 2] == "."
                  and len(word) > 1 and not _is_upper(word)
                  and word not in lex.FUNCTION_WORDS and word not in lex.PLACE_MODIFIERS
                  and self._initial(i + 1) and self._cap_word(i + 3)
                  and len(texts[i + 3]) > 1 and not self._initial(i + 3)
                  and texts[i + 3] not in lex.PLACE_WORDS):
                self._person([i, i + 1, i + 3])  # "Tyrise M. Bell": a middle initial

    def _person(self, run: list[int]) -> None:
        for k in run:
            self.person[k] = True
        last = run[-1]
        if len(self.t.texts[last]) > 1:
            self.surnames.add(self.t.norms[last])

    def _big_place(self, i: int) -> bool:
        """Whether the word at i alone names a place of 50,000 or more ("Madison")."""
        return any((self.x.jur[j].population or 0) >= W.big_place
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

    def _cap_run_back(self, k: int) -> int:
        """Start of the capitalized run that ends just before token k ("Marion State")."""
        start = k
        while start > 0 and self._cap_word(start - 1) \
                and self.t.texts[start - 1] not in lex.FUNCTION_WORDS:
            start -= 1
        return start

    def _cap_run_forward(self, k: int) -> int:
        """End of the capitalized run (connectors of names inside, not "and") from token k."""
        end = k
        while end < self.n and (self._cap_word(end) or (
                self.t.texts[end] in _NAME_CONNECTORS and self._cap_word(end + 1))) \
                and self.t.texts[end] not in lex.FUNCTION_WORDS:
            end += 1
        return end

    def _mark_things(self) -> None:
        """Mark names of schools and natural areas: the places in them are not mentions.

        "Marion State University", "University of Kansas at Lawrence", "Golden Law School",
        "Harrison National Forest", "Bend River", "Lake Tahoe". Agencies of a jurisdiction
        ("Ohio State Highway Patrol", "Dane County Jail") are not marked: they report on it.
        """
        texts = self.t.texts
        for k in range(self.n):
            word = texts[k]
            spans: list[tuple[int, int, str]] = []
            if word in lex.ACADEMIC_WORDS or (word == "Law" and self._word(k + 1) == "School") \
                    or (word in lex.SCHOOL_LEVEL_WORDS and self._cap_word(k - 1) and (
                        self._word(k + 1) == "School" or word == "Elementary")):
                # (and a school's grade: "Lincoln High School", "Jefferson Elementary")
                spans.append((self._cap_run_back(k), k, "school"))
                if self._word(k + 1) == "of" and self._cap_word(k + 2):
                    end = self._cap_run_forward(k + 2)
                    if self._word(end) == "at" and self._cap_word(end + 1):
                        end = self._cap_run_forward(end + 1)
                    spans.append((k + 2, end, "school"))
            elif word == "State" and not self._cap_word(k + 1) and not (
                    self._word(k + 1) in _POSSESSIVES
                    and self._word(k + 2) in lex.STATE_POSSESSIVE_OFFICES) \
                    and self._school_state(k):
                # ("the McHenry County State's Attorney" is the county's office, not a school)
                spans.append((self._cap_run_back(k), k, "school"))
            elif word == "A" and self._word(k + 1) == "&" and self._word(k + 2) == "M":
                spans.append((self._cap_run_back(k), k, "school"))  # "Texas A&M"
            elif word in lex.NATURAL_AREA_WORDS or (
                    word in lex.NATURAL_AREA_AFTER_NATIONAL
                    and self._word(k - 1) in {"National", "State"}):
                head = k - 1 if word in lex.NATURAL_AREA_AFTER_NATIONAL else k
                start = self._cap_run_back(head)
                # "Yosemite National Park": "National Park" is part of the name too (a town
                # of that name exists); alone ("in National Park, N.J.") it is the town.
                spans.append((start, k + 1 if start < head else head, "natural area"))
            elif word in lex.NATURAL_AREA_BEFORE and self._cap_word(k + 1) \
                    and not self.t.sentence_start[k + 1]:
                spans.append((k + 1, self._cap_run_forward(k + 1), "natural area"))
            elif word in lex.CAMP_WORDS and not self._cap_word(k - 1) \
                    and self._cap_word(k + 1) and not self.t.sentence_start[k + 1]:
                spans.append((k + 1, self._cap_run_forward(k + 1), "camp or base"))
            elif word in lex.COURT_KINDS and self._word(k + 1) == "Court":
                start = self._cap_run_back(k)
                found = self._state_at(start) if start < k else None
                if not (found and found[1] == k) and not any(
                        self.t.norms[m] in _JURISDICTION_WORDS for m in range(start, k)):
                    spans.append((start, k, "court"))  # not "Ohio District Court" (the state's)
            elif word in lex.ASSOCIATION_WORDS:
                start = self._cap_run_back(k)
                state = self._state_at(start) if start < k else None
                if state is not None and self._word(state[1]) == "County" and state[1] + 1 < k:
                    # "the Iowa County Attorneys Association": Iowa's county attorneys, not
                    # Iowa County ("the Dane County Deputies Association" is left alone)
                    spans.append((start, k, "state association"))
            elif word in lex.COMPANY_WORDS:
                start = self._cap_run_back(k)
                # "Dane County Hospital" is the county's: a jurisdiction's name is no firm's
                if not any(self.t.norms[m] in _JURISDICTION_WORDS for m in range(start, k)):
                    spans.append((start, k, "company"))
            for start, end, what in spans:
                whole = (min(start, k), max(end, k + 1))
                for m in range(start, end):
                    old = self.thing_span[m]
                    # a longer name holding a shorter one is the thing: "Pearl River Foods"
                    if self.thing[m] is None or (whole[0] <= old[0] and old[1] < whole[1]):
                        self.thing[m] = f"in the name of a {what} ({word})"
                        self.thing_span[m] = whole

    def _school_state(self, k: int) -> bool:
        """Whether "X State" ending at token k is a university's short name ("Texas State").

        "State" after a state's name ends a name only to tell the state from its big city
        ("New York State", "Washington State"); elsewhere "Ohio State" is the university, and
        so is a town's name with "State" ("Boise State").
        """
        for start in range(max(0, k - 3), k):
            found = self._state_at(start)
            if found and found[1] == k and _is_cap(self.t.texts[start]):
                key = tuple(self.t.norms[start:k])
                return not any(self.x.jur[i].kind == "place"
                               and (self.x.jur[i].population or 0) >= W.big_city
                               for i in self.x.keys.get(key, ()))
        # "Penn State", "Boise State", "Kent State": a town's name and "State" is a school;
        # "Golden State", "Empire State" are names of their own (nicknames).
        start = self._cap_run_back(k)
        if start == k or self._key_at(start, min_len=k - start + 1):
            return False
        return tuple(self.t.norms[start:k]) in self.x.keys

    def _mark_party_tags(self) -> None:
        """Mark the names in legislators' tags: "(D-Lake, Porter)", "Sen. Ann Doe, R-Ashland,"."""
        texts = self.t.texts
        for k in range(self.n - 3):
            if texts[k] not in {"(", ","} or texts[k + 1] not in lex.PARTY_LETTERS \
                    or texts[k + 2] != "-" or self.t.ends[k + 1] != self.t.starts[k + 2]:
                continue
            end = k + 3
            if texts[k] == "(":
                while end < self.n and end < k + 16 and texts[end] != ")":
                    end += 1
                if end >= self.n or texts[end] != ")":
                    continue
            else:  # ", R-Ashland," names one home town or county
                end = self._cap_run_forward(k + 3)
            names = 1 + sum(texts[m] in {",", "and", "&"} for m in range(k + 3, end))
            for m in range(k + 3, end):
                self.party[m] = names
        # "Reps. Ann Ruiz of Lakeview, Tom Berg of Salem and ...", "State Sen. Ann Ruiz of
        # Lakeview": a legislator's home town, as a tag names it
        for k in range(self.n - 3):
            if texts[k] not in lex.LEGISLATOR_TITLES:
                continue
            m = k + 1
            for _ in range(LEGISLATORS_LISTED):
                if m < self.n and self.t.kinds[m] == "a":
                    m += 1  # initials written as one token: "J.R. Hoell"
                run = self._name_run(m, 4)
                if run and texts[run[-1] + 1: run[-1] + 2] == ["and"]:
                    # "Sens. Ann Ruiz and Lee Wu of Lakeview": two names sharing one "of"
                    second = self._name_run(run[-1] + 2, 4)
                    if second and texts[second[-1] + 1: second[-1] + 2] == ["of"]:
                        run = second
                if not run or texts[run[-1] + 1: run[-1] + 2] != ["of"]:
                    break
                end = self._cap_run_forward(run[-1] + 2)
                if end == run[-1] + 2:
                    break
                for h in range(run[-1] + 2, end):
                    self.party[h] = 1
                state = self._state_at(run[-1] + 2)
                if state is not None and state[1] == end and texts[k] in lex.SENATE_TITLES \
                        and self.t.norms[k - 1:k] != ["state"]:
                    self.senators_of.add(state[0])  # "Sens. Ann Ruiz and Lee Wu of Washington"
                m = end + 1 if texts[end: end + 1] in ([","], ["and"]) else self.n
                if texts[m: m + 1] == ["and"]:  # ", and"
                    m += 1

    # -- finding -----------------------------------------------------------------------------
    def _shape_ok(self, i: int, j: int, key: tuple[str, ...]) -> tuple[bool, bool]:
        """Whether the tokens i..j look like a name; second value: written in capitals."""
        texts, kinds = self.t.texts, self.t.kinds
        if key in self.x.lower_aliases and not self.t.caps[i]:
            # "the nation's capital": an alias in lower case, a name only after "the"
            return self.t.norms[i - 1:i] == ["the"], False
        # "the Buckeye state": a nickname with "state" in lower case is the nickname still
        lower_state = j - i > 1 and texts[j - 1] == "state" and key in self.x.nicknames
        if not self.t.caps[i] or not (self.t.caps[j - 1] or kinds[j - 1] == "p" or lower_state):
            return False, False
        upper = False
        for k in range(i, j):
            word = texts[k]
            if kinds[k] == "w":
                if not _is_cap(word) and word not in lex.CONNECTORS \
                        and not (lower_state and k == j - 1):
                    return False, False
                if _is_upper(word):
                    upper = True
        if upper:
            words = [texts[k] for k in range(i, j) if kinds[k] == "w"]
            if len(words) == 1 and words[0] in self.x.upper_aliases:
                upper = False  # "NYC", "LA": written in capitals by nature
            elif sum(len(w) for w in words) < 4 or not (
                    self._caps_line(i)
                    or (self._opens_dateline(i) and self._word(j) in _DATELINE_END)):
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
        kinds, norms = self.t.kinds, self.t.norms
        i = 0
        while i < self.n:
            if (kinds[i] not in "wa" or (not self.t.caps[i] and norms[i] not in self.x.lower_starts)
                    or self.person[i] or self.storm[i] or norms[i] not in self.x.lengths):
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
                        found.dateline = (upper and self._opens_dateline(i)
                                          and self._word(i + length) in _DATELINE_END)
                        break
            if found is None:
                state = self._abbreviated_state(i)
                if state is not None:
                    out.append(_Cand(i, i + 1, (state,), ("<abbr>",), forced_kind="state"))
                i += 1
                continue
            if found.key not in lex.NOT_PLACES:
                found.nickname = found.key in self.x.nicknames
                found.party = self.party[i]
                if found.party and i and self.party[i - 1] and self.t.kinds[i - 1] == "w":
                    # "Rep. Ann Ruiz of New Durham": a word of the tag's name before it
                    found.in_name = f"part of a longer name ({self.t.texts[i - 1]} ...)"
                inside = [self.thing[m] for m in range(found.i, found.j)]
                # "Fall River", "Moreno Valley": the thing's whole name is the town's
                if all(inside) and self.thing_span[found.i] != (found.i, found.j):
                    found.thing = inside[0]
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
        if word in lex.TITLES and self._word(i + 1) in lex.FIRST_NAMES and self._cap_word(i + 2):
            return None  # "In Richmond, Del. Ann Ruiz said": the title (Delegate), no state
        before = self._word(i - 1)
        if before in {",", "-"} or before in lex.PLACE_MODIFIERS:
            return state
        after = self._word(i + 1)
        if after.isalpha() and after.islower():
            return state  # "a Ga. pastor", "Mass. legislators"
        return None

    def _county_lists(self, cands: list[_Cand]) -> list[_Cand]:
        """Read the names of a list before "counties" as counties, one each.

        "Alameda and Santa Clara counties", "Lake, Porter and La Porte counties"; a list before
        a lower-case singular "county" too: "Fond du Lac and Dodge county families".
        """
        out: list[_Cand] = []
        texts = self.t.texts
        for p in range(self.n):
            word = texts[p]
            plural = word.lower() in {"counties", "parishes"}
            # "Dodge, Washington and Wood County"; not "Hidalgo, Travis County Judge Andy
            # Brown", where the county is written with an office, the words before it people
            titled = word in {"County", "Parish"} and self._word(p + 1) not in lex.TITLES
            if not plural and word not in lex.COUNTY_SUFFIXES and not (
                    titled and self._word(self._cap_run_back(p) - 1) in {",", "and", "or", "&"}):
                continue
            suffix = "county" if word.lower() in {"counties", "county"} else "parish"
            found: list[_Cand] = []
            only_state = None
            k = p - 1
            while k >= 0:
                end = k + 1
                while k >= 0 and (self._cap_word(k) or (
                        texts[k] in _NAME_CONNECTORS and self._cap_word(k - 1)
                        and self._cap_word(k + 1))
                        or (texts[k] in _POSSESSIVES and self._cap_word(k - 1))):  # St. Mary's
                    k -= 1
                start = k + 1
                if start == end:
                    break
                state = self._state_at(start)
                listed = self._word(start - 1) in {",", "and", "or", "&"} \
                    and (self._cap_word(start - 2) or self._word(start - 2) in _POSSESSIVES)
                if end == p and state is not None and state[1] == end and not titled \
                        and not listed:
                    # "Indiana counties" are the state's counties; "Lake, Porter and other
                    # Indiana counties" lists some of them before. A state's name ending a list
                    # ("Frederick and Washington counties") is a county.
                    if self._word(start - 1) != "other" \
                            or self._word(start - 2) not in {",", "and", "or"}:
                        break
                    only_state, k = state[0], start - 2
                    if k >= 1 and texts[k] == "and" and texts[k - 1] == ",":
                        k -= 2
                    else:
                        k -= 1
                    continue
                if state is not None and state[1] == end and start >= 2 \
                        and self._word(start - 1) == "in" \
                        and self.t.norms[start - 2] in lex.COUNTY_SUFFIXES:
                    break  # "Clark County in Washington and Lane County": the first one's state
                for s in range(start, end):
                    key = (*self.t.norms[s:end], suffix)
                    ids = tuple(i for i in self.x.keys.get(key, ())
                                if self.x.jur[i].kind == "county")
                    if ids:
                        found.append(_Cand(s, end, ids, key, forced_kind="county"))
                        break
                if k >= 1 and texts[k] == "and" and texts[k - 1] == ",":
                    k -= 2
                elif k >= 0 and texts[k] in {",", "and", "or", "&"}:
                    k -= 1
                else:
                    break
            if all(c.key[:-1] in self.x.state_names for c in found):
                found = []  # "Texas, Georgia and Florida counties": the states' counties
            if only_state is not None:
                for c in found:
                    c.ids = tuple(i for i in c.ids if self.x.jur[i].state == only_state)
                found = [c for c in found if c.ids]
            if titled:
                found = self._titled_list(found, p)
            if plural:
                found += self._counties_after(p + 1, suffix)
                # "Orange and Washington counties in New York": the state written after it
                after = self._list_state_after(max([p + 1, *(c.j for c in found)]))
                if after is not None:
                    found = [c for c in found if self._in_state(c, after)]
                    for c in found:
                        c.ids = tuple(i for i in c.ids if self._in_state_id(i, after))
            if plural or len(found) >= 2:
                for c in found:
                    c.group = p + 1  # one list: its counties tend to share a state
                out += found
        if out:
            taken = [(c.i, c.j) for c in out]
            cands = [c for c in cands if not any(c.i < j and i < c.j for i, j in taken)]
        return cands + out

    def _list_state_after(self, k: int) -> str | None:
        """Return the state of "in Texas" written at token k, right after a county list."""
        if self._word(k) != "in":
            return None
        found = self._state_at(k + 1)
        return found[0] if found else None

    def _titled_list(self, found: list[_Cand], p: int) -> list[_Cand]:
        """Keep the names of "Dodge, Washington and Wood County" that are counties of its state.

        The last name owns "County"; an earlier one is its county too unless the state has a
        sizeable town of that name ("Austin and Travis County": the city of Austin).
        """
        if len(found) < 2 or found[0].j != p:
            return []
        last = found[0]
        last.j = p + 1
        states = {self.x.jur[i].state for i in last.ids}
        kept = [last]
        for c in found[1:]:
            c.ids = tuple(i for i in c.ids if self.x.jur[i].state in states)
            towns = [i for key in (c.key[:-1],) for i in self.x.keys.get(key, ())
                     if self.x.jur[i].state in states and self.x.jur[i].kind == "place"
                     and (self.x.jur[i].population or 0) >= W.min_pop_unsupported]
            if not c.ids or towns:
                break
            kept.append(c)
        return kept if len(kept) >= 2 else []

    def _counties_after(self, k: int, suffix: str) -> list[_Cand]:
        """Read the list after "counties" and a dash, a colon, "of" or "including" as counties.

        "Five Georgia counties -- Gwinnett, Cobb and Hall --", "three counties: Lake, Porter
        and Jasper".
        """
        texts = self.t.texts
        while k < self.n and texts[k] in {"-", "\u2014", "\u2013", ":"}:
            k += 1
        # "Counties housing them so far include Orange, ...": a few lower-case words, a verb.
        verb = next((v for v in range(k, min(k + W.list_verb_reach + 1, self.n))
                     if texts[v] in lex.LIST_VERBS or not texts[v].islower()), None)
        opener = self._list_opener(k)
        if opener:  # "the counties of X and Y", "counties like X and Y", "such as"
            k += opener
        elif verb is not None and texts[verb] in lex.LIST_VERBS:
            k = verb + 1
        elif k == 0 or texts[k - 1] not in {"-", "\u2014", "\u2013", ":"}:
            return []
        found: list[_Cand] = []
        misses: list[tuple[int, int]] = []
        while k < self.n and self._cap_word(k):
            end = k
            while end < self.n and (self._cap_word(end) or (
                    texts[end] in _NAME_CONNECTORS and self._cap_word(end + 1))):
                end += 1
            key = (*self.t.norms[k:end], suffix)
            ids = tuple(i for i in self.x.keys.get(key, ()) if self.x.jur[i].kind == "county")
            if ids:
                found.append(_Cand(k, end, ids, key, forced_kind="county"))
            else:
                misses.append((k, end))
            if self._word(end) == "," and self._word(end + 1) in {"and", "or"}:
                end += 1
            if self._word(end) not in {",", "and", "or", "&"}:
                break
            k = end + 1
        if len(found) < 2:
            return []
        return found + self._misspelt_counties(found, misses, suffix)

    def _list_opener(self, k: int) -> int:
        """Return how many tokens a list opener written at token k takes ("like", "such as")."""
        if " ".join(self.t.norms[k:k + 2]) in lex.LIST_OPENERS:
            return 2
        return 1 if k < self.n and self.t.norms[k] in lex.LIST_OPENERS else 0

    def _misspelt_counties(self, found: list[_Cand], misses: list[tuple[int, int]],
                           suffix: str) -> list[_Cand]:
        """Read a list member one edit from a county of the list's state as that county.

        "Orange, Duchess, Westchester and Albany": Dutchess County, New York, the only county of
        the state most members lie in that is one edit from "Duchess".
        """
        votes: dict[str, int] = {}
        for c in found:
            for state in {self.x.jur[i].state or "" for i in c.ids}:
                votes[state] = votes.get(state, 0) + 1
        state = max(votes, key=lambda st: votes[st])
        if votes[state] < 2:
            return []
        out: list[_Cand] = []
        for s, e in misses:
            query = " ".join(self.t.norms[s:e])
            if len(query) < W.fuzzy_county_min:
                continue
            near = [j.id for j in self.x.jur.values()
                    if j.kind == "county" and j.state == state
                    and _osa(query, " ".join(_tokenize(j.name).norms[:-1])) == 1]
            if len(near) == 1:
                out.append(_Cand(s, e, (near[0],), (*self.t.norms[s:e], suffix),
                                 forced_kind="county", edits=1))
        return out

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


    # -- misspellings ------------------------------------------------------------------------
    def _misspelt(self, query: str, limit: int) -> tuple[int, str] | None:
        """Return the gazetteer name nearest a word within ``limit`` edits: (distance, name)."""
        seen = self.x.fuzzy_seen
        if (query, limit) in seen:
            return seen[query, limit]
        targets: set[str] = set()
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
        if len(seen) >= 100_000:
            seen.clear()
        seen[query, limit] = best
        return best

    def _fuzzy(self, covered: list[bool]) -> list[_Cand]:
        out: list[_Cand] = []
        texts, kinds, norms = self.t.texts, self.t.kinds, self.t.norms
        k = 0
        while k < self.n:
            if covered[k] or kinds[k] != "w" or not self.t.caps[k] or _is_upper(texts[k]) \
                    or self.person[k] or self.storm[k]:
                k += 1
                continue
            spans = [(k, k + 1)]
            if k + 1 < self.n and not covered[k + 1] and kinds[k + 1] == "w" \
                    and self.t.caps[k + 1] and not self.person[k + 1]:
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
                best = self._misspelt(query, 2 if len(query) >= 12 else 1)
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
            c.confidence = W.fuzzy_one_edit if d == 1 else W.fuzzy_two_edits
            c.method = f"fuzzy match to {self.x.jur[chosen].name} (edit distance {d})"
            out.append(c)
            k = e
        return out

