"""Robustness probe: do the dev split's facts survive rewrites that must not change them?

Each variant rewrites every dev article in one way a different outlet or a different story of
the same shape would (the annotation rewritten to match), then scores the facts again. A fact
the system holds on the original but loses on a variant shows a rule fitted to the literal
text rather than to its shape. Dev only: the test split is never read here.

    python bench/perturb.py            # facts held per variant, and how many broke
    python bench/perturb.py -v         # each broken fact, with what the system did
    python bench/perturb.py --only names titles

Variants:

``names``        people's first names and surnames swapped for other names;
``placenames``   the same with surnames that are also US place names ("Warren", "Clay");
``shapes``       the same with surnames of other shapes ("O'Malley", "McAllister", "Garcia-Lopez");
``verbs``        "said"/"says" swapped for other reporting verbs ("stated", "added", ...);
``told``         "X said" written "X told reporters";
``according``    '"...," X said.' written '"...," according to X.';
``inverted``     '"...," Ruiz said' written '"...," said Ruiz' and the other way round;
``colon``        '"...," Ruiz said.' written 'Ruiz said: "..."';
``titles``       offices swapped for equivalent ones (Sheriff -> Undersheriff, Mayor ->
                 Deputy Mayor, Police Chief -> Police Commissioner, the jail -> the detention
                 center, Sheriff's Office <-> Sheriff's Department, ...);
``appositive``  "Lake County Sheriff Ann Ruiz said" written "Ann Ruiz, the Lake County sheriff,
                 said" (and "the mayor of X");
``lowertitle``   offices after a place in lower case ("Lake County sheriff Ann Ruiz");
``stateabbr``    the state after a place written another way (", Indiana" / ", Ind." / ", IN");
``chrome``       a 'Related:' line about another place after the second paragraph and a
                 contributor line from another city at the end;
``passing``      a paragraph about another place in passing ("A similar debate played out last
                 year in Portland, Oregon.") after the third;
``dateline``     an AP dateline of the article's first required city or county, where it has
                 none ("LAKE CITY, Fla. (AP) -- ");
``paragraphs``   every sentence its own paragraph (one-sentence paragraphs, a common style);
``single``       double quote marks written single (British and some wire styles);
``marks``        curly quotes made straight and straight ones curly; em dashes as "--";
``places``       counties and cities swapped for others of the same kind and state;
``pronoun``      a quote attributed to the surname that spoke just before ('"...," Ruiz said.'
                 after '..., Ruiz said.') written '"...," she added.';
``group``        a quoted person introduced with a colleague ("Ann Ruiz and Mara Okafor") and
                 later quotes attributed to her written '"...," they said.';
``agency``       an agency speaking by its acronym ('"...," ICE said', '..., ICE officials said')
                 written 'ICE officials said in a statement' the first time, 'the agency said' after;
``multipara``    a paragraph quoting several sentences split over paragraphs the news way (no
                 closing mark at the paragraph's end, the next opening with a mark);
``attribution``  '"...," Ruiz said.' closing a paragraph written '"..."' and a paragraph
                 "Ruiz said.";
``bytitle``      a titled person's later quotes attributed to the office ('"...," the sheriff
                 said.' after "Sheriff Ann Ruiz");
``origin``       a place named as an origin ("after a trip from Portland, Oregon") at the end
                 of a fact's sentence (two per article);
``spokes``       "Lake County Sheriff Ann Ruiz said" written "Ann Ruiz, a spokeswoman for the
                 Lake County Sheriff's Office, said" (and "for the Mayor of X").
``thecounty``    the article's only county, named again after its first mention, written as an
                 institution ("the county", "the county's jail");
``thecity``      the same for the article's only city ("the city", "the city's police");
``datelineonly`` the article's only city named in an AP dateline and nowhere else by name (later
                 mentions "the city");
``early``        a sentence about an unrelated place in another state as the second paragraph
                 (the lead's focus must stay);
``statelevel``   a paragraph about the state's law ("Across Georgia, lawmakers passed ...") after
                 the second, in an article about a city or county;
``countlist``    a list of three other cities of the state with counts ("agents arrested 12
                 people in A, 8 in B and 5 in C") after the second paragraph;
``split``        every paragraph of three sentences or more split in two.

Trap variants insert a paragraph after the second and also count the traps sprung: mentions
inside the inserted text that the geoparser should not return (or not in another state):

``orgs``         a firm, school, outlet or state court named after the article's first city
                 ("Several employees of Salem Foods Inc. attended"): no mention in it;
``district``     a legislator's tag of two counties of the article's state whose names other
                 states' counties have too ("(D-Humboldt, Nevada)"): both in that state;
``countylist``   three such counties in a list ("in Allegany, Essex and Hamilton counties");
``surname``      a person whose surname is a town of the article's state, in full with an
                 appositive, then by surname before "said": no mention.

The last three run on articles whose required jurisdictions all lie in one state.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import random
import re
import sys
from collections import Counter
from collections.abc import Callable

from geo import _lexicon as lex
from geo import load_gazetteer
from geo.text import text_layer
from news.articles import Article
from news.evaluation import (
    CATEGORIES,
    Annotation,
    Fact,
    analyze_article,
    fact_holds,
    load_split,
    normalise,
)

FIRST = ["Mara", "Tobias", "Lena", "Darnell", "Priya", "Owen", "Rosa", "Felix", "Ingrid",
         "Malik", "Greta", "Rafael", "Nadia", "Curtis", "Yolanda", "Emmett"]
SURNAMES = ["Okafor", "Lindqvist", "Brannigan", "Castellanos", "Whitcombe", "Nakamura",
            "Ferreira", "Kowalczyk", "Abernathy", "Szymanski", "Oyelaran", "Thibodeaux",
            "Vandermeer", "Quintero", "Haldane", "Mbeki"]
# Surnames that are also names of US places: a person must stay a person.
PLACE_SURNAMES = ["Warren", "Clay", "Marion", "Jackson", "Franklin", "Lincoln", "Hamilton",
                  "Madison", "Monroe", "Carroll", "Douglas", "Lawrence", "Logan", "Grant",
                  "Shelby", "Tyler"]
# Surnames of other shapes: apostrophes, inner capitals, hyphens, accents.
SHAPED_SURNAMES = ["O'Malley", "McAllister", "Garcia-Lopez", "DeLuca", "N\u00fa\u00f1ez", "O\u2019Rourke",
                   "MacLeod", "St. Clair", "LaFleur", "Ben-David", "D'Amato", "Ch\u00e1vez",
                   "FitzGerald", "Le\u00f3n", "DiNapoli", "Smith-Jones"]
VERBS = ["stated", "added", "noted", "explained", "remarked", "stressed"]
# Equivalent offices and institutions: (pattern, replacement). Each keeps the kind of
# jurisdiction the office belongs to.
TITLE_SWAPS: list[tuple[str, tuple[str, ...]]] = [
    (r"\bSheriff(?= [A-Z][a-z])", ("Undersheriff", "Chief Deputy", "Jail Administrator")),
    (r"\bsheriff(?=,| said| says)", ("undersheriff", "chief deputy", "jail administrator")),
    (r"\bMayor(?= [A-Z][a-z])", ("Deputy Mayor", "City Manager", "First Selectman")),
    (r"\bPolice Chief\b", ("Police Commissioner", "Public Safety Director", "Police Chief")),
    (r"\bpolice chief\b", ("police commissioner", "public safety director", "police chief")),
    (r"\bCounty Commissioner\b", ("County Executive", "County Judge", "County Administrator")),
    (r"\bSheriff's Office\b", ("Sheriff's Department", "Sheriff's Office", "Sheriff's Department")),
    (r"\bSheriff\u2019s Office\b", ("Sheriff\u2019s Department",) * 3),
    (r"\bsheriff's office\b", ("sheriff's department",) * 3),
    (r"\bthe county jail\b", ("the county detention center", "the county lockup",
                              "the county correctional facility")),
    (r"\bthe jail\b", ("the detention center", "the lockup", "the correctional facility")),
    (r"\bcity council\b", ("city commission", "board of aldermen", "town board")),
    (r"\bBoard of Supervisors\b", ("County Board", "County Commission", "Fiscal Court")),
]


@dataclasses.dataclass(frozen=True)
class Variant:
    """A rewritten article and its rewritten annotation."""

    article: Article
    annotation: Annotation
    # Spans of inserted trap text, each with the one state its mentions may lie in ("" for none
    # at all: "Salem Foods Inc." names no place the article reports on).
    traps: tuple[tuple[int, int, str], ...] = ()


def _rewrite(article: Article, ann: Annotation, fn: Callable[[str], str],
             ids: dict[str, str] | None = None) -> Variant:
    """Apply ``fn`` to the body and to each fact's phrase (and speaker); map ids."""
    ids = ids or {}
    text = fn(article.text)
    facts = []
    for f in ann.facts:
        contains = fn(f.contains)
        speaker = fn(f.speaker) if f.speaker else ""
        facts.append(Fact(ids.get(f.id, f.id), tuple(ids.get(a, a) for a in f.alt_ids),
                          f.category, contains, speaker))
    required = tuple(tuple(ids.get(i, i) for i in g) for g in ann.required)
    return Variant(dataclasses.replace(article, text=text),
                   dataclasses.replace(ann, facts=tuple(facts), required=required))


def _person_words(name: str) -> list[str]:
    """The words of a name that are a person's: no possessive, no suffix ("Jr."), and nothing
    for a body ("Lake County Sheriff's Office" is an annotated speaker but no person)."""
    words = [re.sub(r"['\u2019]s$", "", w) for w in name.split()]
    if any(w.rstrip(".") in lex.PLACE_WORDS or w.lower() in lex.INSTITUTION_KINDS for w in words):
        return []
    return [w for w in words if w.rstrip(".") not in lex.NAME_SUFFIXES]


def _plain_surname(text: str, last: str) -> bool:
    """Whether every use of a surname in the text is the person's: never beside another
    capitalized word save the name's own ("Rep. Rick House", "House said"; not "House Bill
    1105", "the White House", which a swap would rewrite too)."""
    for m in re.finditer(rf"\b{re.escape(last)}\b", text):
        before = re.search(r"([A-Z][\w.'\u2019-]*)[ \t]+$", text[max(0, m.start() - 30):m.start()])
        after = re.match(r"[ \t]+[A-Z]", text[m.end():])
        if after or (before and before.group(1) not in lex.TITLES
                     and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]+", before.group(1))):
            return False
    return True


def _people(article: Article, ann: Annotation) -> list[str]:
    """Full names of the article's people: annotated speakers and titled names."""
    layer = text_layer(article.text)
    names = {f.speaker for f in ann.facts if f.speaker}
    names |= {article.text[s:e] for s, e in layer.persons}
    names = {" ".join(_person_words(n)) for n in names}
    return sorted(n for n in names
                  if len(n.split()) >= 2 and all(w[:1].isupper() for w in n.split()))


def _swap_names(article: Article, ann: Annotation, pool: list[str], seed: int) -> Variant:
    rng = random.Random(seed)
    firsts = [n for n in FIRST if n not in article.text]
    lasts = [n for n in pool if n not in article.text]
    rng.shuffle(firsts)
    rng.shuffle(lasts)
    table: dict[str, str] = {}
    for name in _people(article, ann):
        words = name.split()
        first, last = words[0], words[-1]
        if not _plain_surname(article.text, last):
            continue
        if last not in table and lasts:
            table[last] = lasts.pop()
        # A first name keeps the sex the system reads in it ("Leland Moore ... he said" must
        # not become "Rosa Moore ... he said"); one it reads none in gets one it reads none in.
        sex = lex.FIRST_NAME_SEX.get(first)
        fits = [n for n in firsts if (lex.FIRST_NAME_SEX.get(n, sex) == sex if sex
                                      else n not in lex.FIRST_NAME_SEX)]
        if len(words) >= 2 and first not in table and fits:
            table[first] = fits[-1]
            firsts.remove(fits[-1])
    if not table:
        return Variant(article, ann)
    table |= {k.upper(): v.upper() for k, v in table.items()  # transcripts: "ANN RUIZ:"
              if k.upper() not in table}
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(table, key=len, reverse=True)))})\b")
    return _rewrite(article, ann, lambda t: pattern.sub(lambda m: table[m.group()], t))


def v_names(article: Article, ann: Annotation, seed: int) -> Variant:
    return _swap_names(article, ann, SURNAMES, seed)


def v_shapes(article: Article, ann: Annotation, seed: int) -> Variant:
    return _swap_names(article, ann, SHAPED_SURNAMES, seed)


def v_placenames(article: Article, ann: Annotation, seed: int) -> Variant:
    return _swap_names(article, ann, PLACE_SURNAMES, seed)


def v_verbs(article: Article, ann: Annotation, seed: int) -> Variant:
    def fn(t: str) -> str:
        n = iter(range(10**6))
        return re.sub(r"\bsaid\b", lambda m: VERBS[(next(n) + seed) % len(VERBS)], t)
    return _rewrite(article, ann, fn)


def v_told(article: Article, ann: Annotation, seed: int) -> Variant:
    return _rewrite(article, ann, lambda t: re.sub(
        r"\b([A-Z][a-z]+|he|she|He|She) said\b", r"\1 told reporters", t))


def v_according(article: Article, ann: Annotation, seed: int) -> Variant:
    name = r"((?:[A-Z][a-z.]+ ){0,3}[A-Z][a-z]+)"
    def fn(t: str) -> str:
        t = re.sub(rf'([,.?!]["\u201d]) {name} said\.', r"\1 according to \2.", t)
        return re.sub(rf'([,.?!]["\u201d]) said {name}\.', r"\1 according to \2.", t)
    return _rewrite(article, ann, fn)


_ATTRIB_NAME = r"((?:[A-Z][a-z.]+[ \t]){0,4}[A-Z][a-z][\w'\-]*)"


def v_inverted(article: Article, ann: Annotation, seed: int) -> Variant:
    """'"...," Ruiz said.' written '"...," said Ruiz.' and the other way round."""
    def fn(t: str) -> str:
        t = re.sub(rf'([,?!]["\u201d]) {_ATTRIB_NAME} said\b', r"\1 said \2<<", t)
        t = re.sub(rf'([,?!]["\u201d]) said {_ATTRIB_NAME}(?=[.,])',
                   lambda m: m.group() if m.group(2).split()[-1] in _ABBREVIATED  # "Sen. Ann Ruiz"
                   else f"{m.group(1)} {m.group(2)} said", t)
        return t.replace("<<", "")
    return _rewrite(article, ann, fn)


def v_colon(article: Article, ann: Annotation, seed: int) -> Variant:
    """'"Q," Ruiz said.' written 'Ruiz said: "Q."' (the attribution before the quote)."""
    def fn(t: str) -> str:
        return re.sub(
            rf'(^|\n)(["\u201c])([^"\u201c\u201d\n]{{10,400}}?),(["\u201d]) {_ATTRIB_NAME} said\.',
            lambda m: f"{m.group(1)}{m.group(5)} said: {m.group(2)}{m.group(3)}.{m.group(4)}", t)
    return _rewrite(article, ann, fn)


def v_titles(article: Article, ann: Annotation, seed: int) -> Variant:
    def fn(t: str) -> str:
        for pat, reps in TITLE_SWAPS:
            t = re.sub(pat, reps[seed % len(reps)], t)
        return t
    return _rewrite(article, ann, fn)


# (not a party or a tenure before the office: "Democratic Mayor Jim Kenney" is no place's)
_TITLED_OFFICIAL = re.compile(
    r"\b(?!(?:Democratic|Republican|Former|Acting|Interim)\b)"
    r"(?P<place>(?:[A-Z][a-z]+ ){1,3}(?:County|Parish)|[A-Z][a-z]+(?: [A-Z][a-z]+)?) "
    r"(?P<title>Sheriff|Commissioner|Executive|Mayor|Police Chief|Attorney) "
    r"(?P<name>[A-Z][a-z]+ [A-Z][a-z][\w'\-]*)(?P<end>[.,]?)"
)


def v_appositive(article: Article, ann: Annotation, seed: int) -> Variant:
    """"Lake County Sheriff Ann Ruiz said" written "Ann Ruiz, the Lake County sheriff, said"."""
    def fn(t: str) -> str:
        def rep(m: re.Match[str]) -> str:
            if m.group("place").split()[0] in ("The", "A", "An", "In", "On", "And", "But") \
                    or any(w in lex.TITLES for w in m.group("name").split()):
                return m.group()  # (not "Attorney General Maura Healey": no name there)
            title = m.group("title").lower()
            desc = (f"the {m.group('place')} {title}" if m.group("place").endswith(("County", "Parish"))
                    else f"the {title} of {m.group('place')}")
            heading = m.end() == len(t) or t[m.end()] == "\n"  # a line naming who answers below
            tail = m.group("end") or ("" if heading else ",")
            return f"{m.group('name')}, {desc}{tail}"
        return _TITLED_OFFICIAL.sub(rep, t)
    return _rewrite(article, ann, fn)


CHROME = [
    ("Related: Immigrant advocates rally outside the Capitol in Portland, Oregon",
     "Reporter Lena Okafor contributed from Phoenix, Arizona."),
    ("READ MORE: What to know about immigration courts in Miami",
     "This story was produced in partnership with Tucson public radio."),
]


def v_chrome(article: Article, ann: Annotation, seed: int) -> Variant:
    """A page's chrome about other places: a 'Related:' line after the second paragraph and a
    contributor line at the end (neither reports anything)."""
    related, tail = CHROME[seed % len(CHROME)]
    layer = text_layer(article.text)
    paras = layer.paragraphs
    at = paras[min(1, len(paras) - 1)][1]
    text = article.text[:at] + "\n\n" + related + article.text[at:].rstrip() + "\n\n" + tail + "\n"
    return Variant(dataclasses.replace(article, text=text), ann)


def v_lowertitle(article: Article, ann: Annotation, seed: int) -> Variant:
    """Offices after a place in lower case, AP style: "Lake County sheriff Ann Ruiz"."""
    def fn(t: str) -> str:
        return re.sub(r"\b(County|City|Parish) (Sheriff|Commissioner|Executive|Attorney|Mayor|"
                      r"Police Chief|Clerk)(?= [A-Z][a-z])",
                      lambda m: f"{m.group(1)} {m.group(2).lower()}", t)
    return _rewrite(article, ann, fn)


def v_stateabbr(article: Article, ann: Annotation, seed: int) -> Variant:
    """A state after a place written another way: "Lake County, Indiana" / ", Ind." / ", IN"."""
    global _GAZ
    gaz = _GAZ = _GAZ or load_gazetteer()
    states = [j for j in gaz if j.kind == "state" and len(j.abbreviations) >= 2]
    forms = {}
    for j in states:
        names = (j.name, *j.abbreviations)
        for n in names:
            forms[n] = names
    pattern = re.compile(r"(?<=[a-z], )(" + "|".join(
        re.escape(n) for n in sorted(forms, key=len, reverse=True)) + r")(?![\w])(?!,? [A-Z])")

    def fn(t: str) -> str:
        def rep(m: re.Match[str]) -> str:
            names = forms[m.group(1)]
            others = [n for n in names if n != m.group(1)]
            return others[seed % len(others)]
        return pattern.sub(rep, t)
    return _rewrite(article, ann, fn)


PASSING = [
    "A similar debate played out last year in Portland, Oregon.",
    "Officials in Tucson, Arizona, weighed a comparable plan in 2019.",
]


def v_passing(article: Article, ann: Annotation, seed: int) -> Variant:
    """A sentence about another place, in passing, as a paragraph after the third."""
    at = _free_break(article.text, 2)
    text = article.text[:at] + "\n\n" + PASSING[seed % len(PASSING)] + article.text[at:]
    return Variant(dataclasses.replace(article, text=text), ann)


def v_dateline(article: Article, ann: Annotation, seed: int) -> Variant:
    """An AP dateline ("LAKE CITY, Fla. (AP) --") of the article's first required city or
    county, for an article that has none."""
    global _GAZ
    gaz = _GAZ = _GAZ or load_gazetteer()
    layer = text_layer(article.text)
    if layer.dateline is not None or re.match(r"\s*[A-Z][\w.'\u2019 -]{1,40}:", article.text):
        return Variant(article, ann)  # (no dateline atop a transcript's first speaker label)

    def cluster(jid: str) -> str | None:
        j = gaz.find(jid)
        if j is None or j.kind not in ("place", "county"):
            return None
        return jid if j.kind == "county" else next((p for p in j.parents if len(p) == 5), jid)

    def named(jid: str) -> int:
        return len(re.findall(rf"\b{re.escape(gaz.get(jid).name)}\b", article.text))

    # Only the story of a place has that place's dateline: not the state's story (a city's
    # dateline atop it says the story is the city's), nor one of several cities told of alike
    # (the first is not where the others' mayors speak): the place must be named at least
    # twice as often as any other.
    first = cluster(ann.required[0][0]) if ann.required else None
    if first is None:
        return Variant(article, ann)
    count: dict[str, int] = {}
    for g in ann.required:
        if (c := cluster(g[0])) is not None:
            count[c] = count.get(c, 0) + named(g[0]) + (named(c) if c != g[0] else 0)
    if any(n * 2 > count[first] for c, n in count.items() if c != first):
        return Variant(article, ann)
    for group in ann.required:
        j = gaz.find(group[0])
        if j is not None and j.kind in ("place", "county") and j.state:
            state = gaz.get(j.state)
            abbr = next((a for a in state.abbreviations if "." in a), state.name)
            head = f"{j.name.upper()}, {abbr} (AP) \u2014 "
            body = article.text.lstrip()
            text = article.text[: len(article.text) - len(body)] + head + body
            return Variant(dataclasses.replace(article, text=text), ann)
    return Variant(article, ann)


def v_paragraphs(article: Article, ann: Annotation, seed: int) -> Variant:
    layer = text_layer(article.text)
    out = []
    last = 0
    for s in layer.sentences:
        out.append(article.text[last:s.start])
        if out[-1] and "\n" not in out[-1]:
            out[-1] = "\n\n"
        out.append(s.text)
        last = s.end
    out.append(article.text[last:])
    return Variant(dataclasses.replace(article, text="".join(out)), ann)


def v_marks(article: Article, ann: Annotation, seed: int) -> Variant:
    text = article.text
    if "\u201c" in text:
        text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    else:
        # marks alternate, opening first, in each paragraph (a mark glued to the next word may
        # close: 'those cities."Migrants who ...' in a body whose spaces were lost)
        def curl(para: re.Match[str]) -> str:
            n = iter(range(10**6))
            return re.sub('"', lambda _: "\u201c" if next(n) % 2 == 0 else "\u201d", para.group())
        text = re.sub(r"[^\n]+", curl, text).replace("'", "\u2019")
    text = text.replace(" \u2014 ", " -- ").replace("\u2014", " -- ")
    return Variant(dataclasses.replace(article, text=text), ann)


def v_single(article: Article, ann: Annotation, seed: int) -> Variant:
    """Double quote marks written single (the British and some wire styles)."""
    def fn(t: str) -> str:
        t = t.replace("\u201c", "\u2018").replace("\u201d", "\u2019")
        t = re.sub(r'"(?=\w)', "\u2018", t)
        return t.replace('"', "\u2019")
    return _rewrite(article, ann, fn)


_GAZ = None


def _city_ok(c, text: str, gaz) -> bool:
    return (c.kind == "place" and (c.population or 0) >= 10000 and c.name not in text
            and " " not in c.name and len(gaz.lookup(c.name)) == 1)


def v_places(article: Article, ann: Annotation, seed: int) -> Variant:
    """Counties and cities swapped for others of the same state, cities kept in their county."""
    global _GAZ
    gaz = _GAZ = _GAZ or load_gazetteer()
    rng = random.Random(seed)
    text = article.text
    ids = {i for g in ann.required for i in g} | {i for f in ann.facts for i in f.ids}
    names = {gaz.get(i).name for i in ids if gaz.find(i) is not None}
    table: dict[str, str] = {}
    idmap: dict[str, str] = {}

    def county_of(pid: str) -> str | None:
        return next((p for p in gaz.get(pid).parents if len(p) == 5), None)

    def take(old_id: str, old: str, new_id: str, new: str) -> None:
        table[old] = new
        idmap[old_id] = new_id

    def usable(name: str) -> bool:
        return (name in text or name.upper() in text) \
            and not any(name in o or o in name for o in table)

    for jid in sorted(i for i in ids if len(i) == 5 and gaz.find(i) is not None):
        j = gaz.get(jid)
        stem = j.name.removesuffix(" County")
        if stem == j.name or stem in names or not usable(stem):
            continue  # "Kenosha" is the city too: the bare name would be ambiguous
        cities = [i for i in ids if len(i) == 7 and gaz.find(i) is not None
                  and county_of(i) == jid and usable(gaz.get(i).name)
                  and not re.search(rf"\b{re.escape(gaz.get(i).name)} County\b", text)]
        pool = []
        for c in gaz.children(jid[:2]):
            cstem = c.name.removesuffix(" County")
            if c.kind != "county" or c.id == jid or cstem == c.name or cstem in text \
                    or " " in cstem or gaz.lookup(cstem):
                continue
            inside = [x for x in gaz.children(c.id) if _city_ok(x, text, gaz)
                      and county_of(x.id) == c.id]
            if len(inside) >= len(cities):
                pool.append((c, inside))
        if not pool:
            continue
        c, inside = rng.choice(pool)
        take(jid, stem, c.id, c.name.removesuffix(" County"))
        for old, new in zip(cities, rng.sample(inside, len(cities)), strict=True):
            take(old, gaz.get(old).name, new.id, new.name)
    for jid in sorted(i for i in ids if len(i) == 7 and gaz.find(i) is not None):
        j = gaz.get(jid)
        county = county_of(jid)
        if jid in idmap or county is None or not usable(j.name) \
                or re.search(rf"\b{re.escape(j.name)} County\b", text):
            continue
        pool = [x for x in gaz.children(county) if x.id != jid and _city_ok(x, text, gaz)
                and county_of(x.id) == county]
        if pool:
            new = rng.choice(pool)
            take(jid, j.name, new.id, new.name)
    if not table:
        return Variant(article, ann)
    table |= {k.upper(): v.upper() for k, v in table.items()}  # datelines: "LAS VEGAS (AP) -"
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(table, key=len, reverse=True)))})\b")
    return _rewrite(article, ann, lambda t: pattern.sub(lambda m: table[m.group()], t), idmap)


_CLOSE = "[,.?!][\"\u201d]"
# '"...," Ruiz said.' / '"...," said Ruiz.' (the surname only) / '..., Ruiz said.'
_ATTRIBUTED = re.compile(
    rf"(?m)(?P<pre>{_CLOSE} |, |^)(?:(?P<a>[A-Z][a-z]+) (?:said|says)|(?:said|says) (?P<b>[A-Z][a-z]+))"
    r"(?=[ .,])"
)


def _pronoun_of(text: str, ann: Annotation, surname: str) -> str | None:
    """ "he" or "she" for the annotated speaker of that surname: her first name's sex, else the
    article's own pronoun right after her full name."""
    for full in {f.speaker for f in ann.facts if f.speaker.split()[-1:] == [surname]}:
        sex = lex.FIRST_NAME_SEX.get(full.split()[0]) if len(full.split()) >= 2 else None
        if sex is None and (at := text.find(full)) >= 0:
            after = re.search(r"\b(he|his|him|she|her)\b", text[at + len(full): at + len(full) + 300])
            sex = None if after is None else "m" if after.group(1) in ("he", "his", "him") else "f"
        if sex is not None:
            return "he" if sex == "m" else "she"
    return None


def v_pronoun(article: Article, ann: Annotation, seed: int) -> Variant:
    """A quote attributed to the one who spoke just before gets a pronoun, of the sex her first
    name tells (or the article's own pronoun after her full name); none where neither tells."""
    text = article.text
    out, last, pos, prev = [], None, 0, 0
    for m in _ATTRIBUTED.finditer(text):
        name = m.group("a") or m.group("b")
        gap, prev = text[prev:m.start()], m.end()
        # the one who spoke last, with no one else named as speaking or acting in between
        others = set(re.findall(
            r"\b[A-Z][a-z]+(?= [a-z]+ed\b| said\b| says\b| has\b| had\b| is\b| was\b)", gap))
        pronoun = _pronoun_of(text, ann, name)
        if pronoun and not m.group("pre"):
            pronoun = pronoun.capitalize()  # opening its paragraph
        if name == last and pronoun and m.group("pre") != ", " and gap.count("\n\n") <= 2 \
                and others <= {name, "He", "She"} and not re.search(r"\bsaid [A-Z]", gap):
            out.append(text[pos:m.start()] + m.group("pre") + f"{pronoun} added")
            pos = m.end()
        last = name
    if not out:
        return Variant(article, ann)
    return Variant(dataclasses.replace(article, text="".join(out) + text[pos:]), ann)


# A verb in the past after the pair (present verbs would need rewriting to agree with two).
_PAIR_SAYS = re.compile(r"[ \t]+(?:said|told|wrote|spoke|met|led|sent|took|gave|[a-z]{2,}ed)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says)[ \t]+(?:[A-Z][\w.]*[ \t]+){0,4}$")
# What in the text between the pair and "they said" would make "they" someone else's or the pair
# no longer the last to speak: a singular pronoun for her, another speaker, a plural that speaks.
_NOT_THEIRS = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|him|hers)\b|[A-Z][a-z]+[ \t]+(?:said|says|told|added)\b"
    r"|\b(?:said|says|noted|added|explained)[ \t]+[A-Z]|\b[a-z]+s[ \t]+(?:said|say|says|argued|argue)\b")


def v_group(article: Article, ann: Annotation, seed: int) -> Variant:
    """The first quoted person speaks with a colleague ("Ann Ruiz and Mara Okafor said ..."); the
    next quote of hers, if nothing in between is another's, is "they said"."""
    rng = random.Random(seed)
    text = article.text
    speakers = [f.speaker for f in ann.facts if f.category == "quote" and len(f.speaker.split()) >= 2]
    for full in dict.fromkeys(speakers):
        at = text.find(full)
        end = at + len(full)
        # the pair must be the one who speaks there: "Ann Ruiz said", '"...," said Ann Ruiz.'
        if at < 0 or not (_PAIR_SAYS.match(text, end) or (
                _SAID_BEFORE.search(text, max(0, at - 60), at) and text[end:end + 1] == ".")):
            continue
        surname = full.split()[-1]
        m = re.compile(rf"({_CLOSE}) (?:(?:{re.escape(surname)}|he|she) (?P<v>said|says)|(?P<w>said|says) "
                       rf"{re.escape(surname)})(?=[.,])").search(text, end)
        if m is None:
            continue
        verb = _PAIR_SAYS.match(text, end)
        gap = text[verb.end() if verb else end : m.start()]
        if gap.count("\n\n") > 1 or _NOT_THEIRS.search(gap):
            continue
        mate = f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"
        verb_then = "said" if "said" in (m.group("v"), m.group("w")) else "say"
        text = (f"{text[:end]} and {mate}{text[end:m.start()]}{m.group(1)} they {verb_then}"
                f"{text[m.end():]}")
        return Variant(dataclasses.replace(article, text=text), ann)
    return Variant(article, ann)


_ACRONYM_SAID = re.compile(
    rf"(?m)({_CLOSE} |, |^)(?:(?P<a>[A-Z]{{2,5}})(?: officials)? said|said (?P<b>[A-Z]{{2,5}}))(?=[ .,])"
)


def v_agency(article: Article, ann: Annotation, seed: int) -> Variant:
    """An agency's later quotes attributed to "the agency", the first to its officials."""
    seen: set[str] = set()

    def rep(m: re.Match[str]) -> str:
        name = m.group("a") or m.group("b")
        if name in seen:
            return f"{m.group(1)}{'The' if not m.group(1) else 'the'} agency said"
        seen.add(name)
        return f"{m.group(1)}{name} officials said in a statement"
    return Variant(dataclasses.replace(article, text=_ACRONYM_SAID.sub(rep, article.text)), ann)


def v_multipara(article: Article, ann: Annotation, seed: int) -> Variant:
    """Quotes of several sentences split over paragraphs, each part but the last left open."""
    text = article.text
    layer = text_layer(text)
    out, pos = [], 0
    for ps, pe in layer.paragraphs:
        para = text[ps:pe]
        if para[:1] not in "\"\u201c":
            continue
        mark = para[0]
        close = "\u201d" if mark == "\u201c" else '"'
        end = para.find(close, 1)
        inner = para[1:end] if end > 0 else ""
        cut = [m.end() for m in re.finditer(r"[.!?] (?=[A-Z])", inner)]
        if not cut:
            continue
        k = cut[seed % len(cut)]
        out.append(text[pos : ps + 1 + k - 1] + "\n\n" + mark)
        pos = ps + 1 + k
    if not out:
        return Variant(article, ann)
    return Variant(dataclasses.replace(article, text="".join(out) + text[pos:]), ann)


def v_attribution(article: Article, ann: Annotation, seed: int) -> Variant:
    """'"...," Ruiz said.' ending a paragraph becomes '"..."' and a paragraph 'Ruiz said.'."""
    pattern = re.compile(
        r"^(?P<q>[\"\u201c][^\n]*?),(?P<m>[\"\u201d]) (?P<a>(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+ said"
        r"|said (?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)\.$", re.M)
    def rep(m: re.Match[str]) -> str:
        who = m.group("a")
        if who.startswith("said "):
            who = f"{who.removeprefix('said ')} said"
        return f"{m.group('q')}.{m.group('m')}\n\n{who}."
    text = pattern.sub(rep, article.text)
    return Variant(dataclasses.replace(article, text=text), ann)


def v_spokes(article: Article, ann: Annotation, seed: int) -> Variant:
    """"Lake County Sheriff Ann Ruiz" becomes "Ann Ruiz, a spokeswoman for the Lake County
    Sheriff's Office," (the office speaks through her; "spokesman" or "spokesperson" as her
    first name tells); not where the article tells of her office again ("the sheriff said",
    "Sheriff Ruiz"), which would then be someone else's."""
    text = article.text

    def fn(t: str) -> str:
        def rep(m: re.Match[str]) -> str:
            place, title, name = m.group("place"), m.group("title"), m.group("name")
            first, surname = name.split()[0], name.split()[-1]
            if place.split()[0] in ("The", "A", "An", "In", "On", "And", "But") \
                    or any(w in lex.TITLES for w in name.split()):
                return m.group()  # "Attorney General Maura Healey", "Mayor Pro Tem Roy ..."
            if re.search(rf"\b[Tt]he {title.split()[-1].lower()}\b|\b{title} {surname}\b", text):
                return m.group()  # the office held is told again ("the sheriff said"): hers
            role = {"f": "spokeswoman", "m": "spokesman"}.get(
                lex.FIRST_NAME_SEX.get(first, ""), "spokesperson")
            body = {"Sheriff": f"the {place} Sheriff's Office", "Police Chief":
                    f"the {place} Police Department"}.get(title, f"the {title} of {place}")
            heading = m.end() == len(t) or t[m.end()] == "\n"  # a line naming who answers below
            return f"{name}, a {role} for {body}{m.group('end') or ('' if heading else ',')}"
        return _TITLED_OFFICIAL.sub(rep, t)
    return _rewrite(article, ann, fn)


_TITLE_INTRO = re.compile(
    r"\b(?P<title>Sheriff|Mayor|Gov\.|Governor|Judge|Police Chief|Commissioner|Councilwoman|"
    r"Councilman|Sen\.|Rep\.|Attorney General) [A-Z][a-z]+ (?P<last>[A-Z][a-z]+)\b"
)
_TITLE_WORDS = {"Gov.": "governor", "Sen.": "senator", "Rep.": "representative"}


def v_bytitle(article: Article, ann: Annotation, seed: int) -> Variant:
    """A titled person's later quotes attributed to the office: '"...," the sheriff said.'."""
    text = article.text
    titles: dict[str, tuple[str, int]] = {}  # surname -> (office, where introduced)
    for m in _TITLE_INTRO.finditer(text):
        office = _TITLE_WORDS.get(m.group("title"), m.group("title").lower())
        titles.setdefault(m.group("last"), (office, m.end()))
    if not titles:
        return Variant(article, ann)
    alt = "|".join(map(re.escape, titles))
    pattern = re.compile(rf"({_CLOSE}) (?:(?P<a>{alt}) said|said (?P<b>{alt}))(?=[ .,])")

    def rep(m: re.Match[str]) -> str:
        office, since = titles[m.group("a") or m.group("b")]
        return f"{m.group(1)} the {office} said" if m.start() > since else m.group()
    return Variant(dataclasses.replace(article, text=pattern.sub(rep, text)), ann)


ORIGINS = ["after a trip from Portland, Oregon", "after a flight from Tucson, Arizona"]
ORIGIN_FACTS = 2  # sentences rewritten per article


def v_origin(article: Article, ann: Annotation, seed: int) -> Variant:
    """A place named as an origin at the end of a fact's sentence ("... on Thursday after a
    trip from Portland, Oregon."), for the first two facts that are not quotes."""
    text = article.text
    layer = text_layer(text)
    ends: set[int] = set()
    for f in ann.facts:
        at = text.find(f.contains) if f.category != "quote" else -1
        i = layer.sentence_at(at) if at >= 0 else -1
        if i < 0:
            continue
        sent = layer.sentences[i]
        if sent.text.endswith(".") and sent.text[-2:-1].isalnum() \
                and not re.search("[\"\u201c\u201d]", sent.text):
            ends.add(sent.end - 1)
        if len(ends) >= ORIGIN_FACTS:
            break
    for end in sorted(ends, reverse=True):
        text = text[:end] + " " + ORIGINS[seed % len(ORIGINS)] + text[end:]
    return Variant(dataclasses.replace(article, text=text), ann)


# '"Q," Ruiz said.' / '"Q," said Ruiz.' closing a paragraph, the quote opening it: the shape the
# quote-focused variants below rewrite.
_QUOTE_SAID = re.compile(
    rf'(?m)(?:^|(?<=[.!?] ))(?P<o>["\u201c])(?P<q>[^"\u201c\u201d\n]{{10,600}}?),(?P<c>["\u201d]) '
    rf'(?:(?P<a>{_ATTRIB_NAME}) (?:said|says)|(?:said|says) (?P<b>{_ATTRIB_NAME}))\.(?= |$)'
)


# Words written with a dot before a name: the lexicon's dotted titles ("Rev.", "Atty.") and "St."
_ABBREVIATED = {w[:-1] for w in lex.TITLES if w.endswith(".") and "-" not in w} | {"St"}


def _lower_first(q: str, text: str) -> str | None:
    """The quote with its first word in lower case, when the article writes that word so."""
    first = q.split()[0]
    if first.lower() == first or not re.search(rf"\b{re.escape(first.lower())}\b", text):
        return None
    return first.lower() + q[len(first):]


def _quote_said(article: Article, ann: Annotation,
                fn: Callable[[re.Match[str], str], str | None]) -> Variant:
    """Rewrite each quote paragraph of the _QUOTE_SAID shape with ``fn(match, speaker)``."""
    def rep(m: re.Match[str]) -> str:
        who = m.group("a") or m.group("b")
        if who.split()[-1] in _ABBREVIATED:
            return m.group()  # '"Q," said Sen. Ann Ruiz.': the match stopped at the title
        out = fn(m, who)
        return m.group() if out is None else out
    text = _QUOTE_SAID.sub(rep, article.text)
    return Variant(dataclasses.replace(article, text=text), ann)


def v_before(article: Article, ann: Annotation, seed: int) -> Variant:
    """'"Q," Ruiz said.' written 'Ruiz said, "Q."' (the attribution first, with a comma)."""
    def fn(m: re.Match[str], who: str) -> str:
        return f"{who} said, {m.group('o')}{m.group('q')}.{m.group('c')}"
    return _quote_said(article, ann, fn)


def v_midquote(article: Article, ann: Annotation, seed: int) -> Variant:
    """'"S1. S2," Ruiz said.' written '"S1," Ruiz said. "S2."' (attribution mid-quote)."""
    def fn(m: re.Match[str], who: str) -> str | None:
        q = m.group("q")
        cut = [c.start() for c in re.finditer(r"\. (?=[A-Z])", q)]
        if not cut:
            return None
        k = cut[seed % len(cut)]
        return (f"{m.group('o')}{q[:k]},{m.group('c')} {who} said. "
                f"{m.group('o')}{q[k + 2:]}.{m.group('c')}")
    return _quote_said(article, ann, fn)


def v_partial(article: Article, ann: Annotation, seed: int) -> Variant:
    """'"Q," Ruiz said.' written 'Ruiz said that "q."' (a quote inside the reporting sentence)."""
    def fn(m: re.Match[str], who: str) -> str | None:
        q = _lower_first(m.group("q"), article.text)
        return None if q is None else f"{who} said that {m.group('o')}{q}.{m.group('c')}"
    return _quote_said(article, ann, fn)


OUTLETS = ["The Daily Ledger", "Channel 7 News", "the Herald-Tribune"]


def v_toldoutlet(article: Article, ann: Annotation, seed: int) -> Variant:
    """'"Q," Ruiz said.' written '"Q," Ruiz told The Daily Ledger.' (an outlet, not a person)."""
    outlet = OUTLETS[seed % len(OUTLETS)]
    def fn(m: re.Match[str], who: str) -> str:
        return f"{m.group('o')}{m.group('q')},{m.group('c')} {who} told {outlet}."
    return _quote_said(article, ann, fn)


def v_wrote(article: Article, ann: Annotation, seed: int) -> Variant:
    """'"Q," Ruiz said.' written '"Q," Ruiz wrote in a statement.' (or 'in an email')."""
    where = ("in a statement", "in an email", "on Facebook")[seed % 3]
    def fn(m: re.Match[str], who: str) -> str:
        return f"{m.group('o')}{m.group('q')},{m.group('c')} {who} wrote {where}."
    return _quote_said(article, ann, fn)


def v_accbefore(article: Article, ann: Annotation, seed: int) -> Variant:
    """'"Q," Ruiz said.' written 'According to Ruiz, "q."' (the source first, no verb)."""
    def fn(m: re.Match[str], who: str) -> str | None:
        q = _lower_first(m.group("q"), article.text)
        return None if q is None else f"According to {who}, {m.group('o')}{q}.{m.group('c')}"
    return _quote_said(article, ann, fn)


def v_saidappos(article: Article, ann: Annotation, seed: int) -> Variant:
    """'"Q," Ruiz said.' after "Sheriff Ann Ruiz" written '"Q," said Ruiz, the sheriff.' (the
    office in apposition after the name, closing the paragraph)."""
    offices = {m.group("last"): _TITLE_WORDS.get(m.group("title"), m.group("title").lower())
               for m in _TITLE_INTRO.finditer(article.text)}
    def fn(m: re.Match[str], who: str) -> str | None:
        office = offices.get(who.split()[-1])
        if office is None:
            return None
        return f"{m.group('o')}{m.group('q')},{m.group('c')} said {who}, the {office}."
    return _quote_said(article, ann, fn)


def v_dashappos(article: Article, ann: Annotation, seed: int) -> Variant:
    """"Lake County Sheriff Ann Ruiz said" written "Ann Ruiz \u2014 the Lake County sheriff \u2014
    said" (an appositive between em dashes)."""
    def fn(t: str) -> str:
        def rep(m: re.Match[str]) -> str:
            if m.group("place").split()[0] in ("The", "A", "An", "In", "On", "And", "But") \
                    or m.group("place") in ("County", "Parish") or t[m.end():m.end() + 1] in "'\u2019" \
                    or any(w in lex.TITLES for w in m.group("name").split()):
                return m.group()
            title = m.group("title").lower()
            desc = (f"the {m.group('place')} {title}" if m.group("place").endswith(("County", "Parish"))
                    else f"the {title} of {m.group('place')}")
            if m.group("end") == ".":
                return f"{m.group('name')}, {desc}."
            return f"{m.group('name')} \u2014 {desc} \u2014{m.group('end') or ''}"
        return _TITLED_OFFICIAL.sub(rep, t).replace("\u2014,", "\u2014")
    return _rewrite(article, ann, fn)


_FULL_NAME_AT = re.compile(r"\b(?P<first>[A-Z][a-z]+) (?P<last>[A-Z][a-z][\w'\-]*)\b")


def v_courtesy(article: Article, ann: Annotation, seed: int) -> Variant:
    """A quoted person's later surname references written with a courtesy title ("Mr. Ruiz",
    "Ms. Ruiz"), the newspaper-of-record style; the title's sex from the article's own pronoun
    after the name ("he"/"she"), else none is added."""
    text = article.text
    speakers = {f.speaker for f in ann.facts if f.category == "quote" and len(f.speaker.split()) >= 2}
    table: dict[str, tuple[str, int]] = {}
    for full in speakers:
        at = text.find(full)
        last = full.split()[-1]
        if at < 0 or not re.fullmatch(r"[A-Z][a-z][\w'\-]*", last):
            continue
        after = re.search(r"\b(he|his|him|she|her)\b", text[at + len(full): at + len(full) + 300])
        if after is None:
            continue
        title = "Mr." if after.group(1) in ("he", "his", "him") else "Ms."
        table[last] = (title, at + len(full))
    if not table:
        return Variant(article, ann)
    pattern = re.compile(rf"(?<![A-Z][a-z]\. )(?<![A-Z][a-z] )\b({'|'.join(map(re.escape, table))})\b")
    def rep(m: re.Match[str]) -> str:
        title, since = table[m.group(1)]
        if re.search(r"[A-Z][\w.'\u2019-]*[ \t]$", text[max(0, m.start() - 30):m.start()]):
            return m.group()  # the full name again ("Rep. Jesse Petrea"): no "Jesse Mr. Petrea"
        return f"{title} {m.group(1)}" if m.start() > since else m.group()
    return Variant(dataclasses.replace(article, text=pattern.sub(rep, text)), ann)
# Names of things built from a place's name: firms, schools, outlets, state courts.
ORG_SUFFIXES = ["Foods Inc.", "Community College", "Herald", "Farms LLC", "Savings Bank",
                "District Court", "Poultry Co.", "Daily News"]


def _article_state(ann: Annotation) -> str | None:
    """The one state all of the article's required jurisdictions lie in, if there is one."""
    global _GAZ
    gaz = _GAZ = _GAZ or load_gazetteer()
    counts: dict[str, int] = {}
    for group in ann.required:
        j = gaz.find(group[0])
        if j is not None:
            state = j.id if j.kind == "state" else j.state
            if state:
                counts[state] = counts.get(state, 0) + 1
    return next(iter(counts)) if len(counts) == 1 else None


def _free_break(text: str, after: int) -> int:
    """Where a paragraph can go after paragraph ``after`` (0-based): the first break from there
    on that no paragraph leans across. An outlet puts nothing between a paragraph and the next
    when the next opens on a quote (unattributed, or "she said") or a pronoun, or follows
    "... wrote the following:"."""
    paras = text_layer(text).paragraphs
    at = paras[min(after, len(paras) - 1)][1]
    for (_, end), (start, _) in itertools.pairwise(paras[after:]):
        if not re.match(r"[\"\u201c\u2018']|(?:He|She|They|His|Her|Their|It|Its)\b", text[start:]) \
                and not text[:end].rstrip().endswith(":"):
            return end
    return at


def _insert(article: Article, ann: Annotation, sentence: str,
            spans: list[tuple[str, str]]) -> Variant:
    """Insert a paragraph after the second (or the first free break after it, see
    :func:`_free_break`); ``spans``: (text inside it, allowed state)."""
    at = _free_break(article.text, 1)
    head = article.text[:at] + "\n\n"
    text = head + sentence + article.text[at:]
    traps = []
    for part, state in spans:
        k = sentence.index(part)
        traps.append((len(head) + k, len(head) + k + len(part), state))
    return Variant(dataclasses.replace(article, text=text), ann, tuple(traps))


def _shared_counties(state: str, text: str) -> list[str]:
    """Bare names of the state's counties that other states have counties of too ("Lake")."""
    global _GAZ
    gaz = _GAZ = _GAZ or load_gazetteer()
    out = []
    for c in gaz.children(state):
        stem = c.name.removesuffix(" County")
        if c.kind != "county" or stem == c.name or " " in stem or stem in text:
            continue
        others = [j for j in gaz.lookup(c.name) if j.kind == "county" and j.state != state]
        if others:
            out.append(stem)
    return sorted(out)


def v_orgs(article: Article, ann: Annotation, seed: int) -> Variant:
    """A firm, school, outlet or court named after the article's first city, in passing."""
    global _GAZ
    gaz = _GAZ = _GAZ or load_gazetteer()
    for group in ann.required:
        j = gaz.find(group[0])
        if j is not None and j.kind == "place" and j.name in article.text:
            org = f"{j.name} {ORG_SUFFIXES[(seed + len(article.text)) % len(ORG_SUFFIXES)]}"
            return _insert(article, ann, f"Several employees of {org} attended the meeting.",
                           [(org, "")])
    return Variant(article, ann)


def v_district(article: Article, ann: Annotation, seed: int) -> Variant:
    """A legislator's tag listing two counties of the article's state ("(D-Lake, Porter)"),
    each a county's name in other states too."""
    state = _article_state(ann)
    if state is None:
        return Variant(article, ann)
    names = _shared_counties(state, article.text)
    if len(names) < 2:
        return Variant(article, ann)
    rng = random.Random(seed + len(article.text))
    a, b = rng.sample(names, 2)
    tag = f"(D-{a}, {b})"
    return _insert(article, ann, f"State Sen. Mara Okafor {tag} backed the measure.",
                   [(tag, state)])


def v_countylist(article: Article, ann: Annotation, seed: int) -> Variant:
    """Three counties of the article's state in a list, each a county's name elsewhere too."""
    state = _article_state(ann)
    if state is None:
        return Variant(article, ann)
    names = _shared_counties(state, article.text)
    if len(names) < 3:
        return Variant(article, ann)
    rng = random.Random(seed + len(article.text))
    a, b, c = rng.sample(names, 3)
    listed = f"{a}, {b} and {c} counties"
    return _insert(article, ann, f"Sheriffs in {listed} signed a similar letter.",
                   [(listed, state)])


def v_surname(article: Article, ann: Annotation, seed: int) -> Variant:
    """A person whose surname is a town of the article's state, in full then by surname."""
    global _GAZ
    gaz = _GAZ = _GAZ or load_gazetteer()
    state = _article_state(ann)
    if state is None:
        return Variant(article, ann)
    towns = sorted(j.name for j in gaz if j.kind == "place" and j.state == state
                   and " " not in j.name and j.name.isalpha()
                   and 5_000 <= (j.population or 0) <= 200_000 and j.name not in article.text)
    if not towns:
        return Variant(article, ann)
    town = random.Random(seed + len(article.text)).choice(towns)
    sentence = (f"Tobias {town}, a pastor who attended the meeting, disagreed. "
                f"\u201cWe were not consulted,\u201d {town} said.")
    return _insert(article, ann, sentence, [(f"Tobias {town}", ""), (f"\u201d {town} said", "")])

def _only_of_kind(ann: Annotation, kind_len: int) -> str | None:
    """The article's only jurisdiction of a kind (5: county, 7: place) among its ids, if one."""
    ids = {i for g in ann.required for i in g} | {i for f in ann.facts for i in f.ids}
    ids |= set(ann.optional)
    found = {i for i in ids if len(i) == kind_len and i.isdigit()}
    return found.pop() if len(found) == 1 else None


def _as_institution(text: str, name: str, word: str, keep_first: bool = True) -> str:
    """Every mention of ``name`` after the first written "the <word>" (sentence case kept), or
    dropped before an office or a body ("Lake County Sheriff Ann Ruiz" -> "Sheriff Ann Ruiz")."""
    gaz = _gazetteer()
    states = "|".join(re.escape(n) for j in gaz if j.kind == "state"
                      for n in (j.name, *j.abbreviations))
    pat = re.compile(rf"(?P<the>\b[Tt]he )?\b{re.escape(name)}(?![\w-])(?P<poss>'s|\u2019s)?"
                     rf"(?:,? (?:{states})(?![\w])(?:,(?= ))?)?")
    out, pos, seen = [], 0, False
    for m in pat.finditer(text):
        if not seen and keep_first:
            seen = True
            continue
        prev = re.search(r"([A-Z][\w.'\u2019-]*)[ \t]$", text[max(0, m.start() - 30):m.start()])
        if prev and not m.group("the") and prev.group(1) not in lex.FUNCTION_WORDS \
                and not text[max(0, m.start() - 30):m.start()].rstrip().endswith(tuple(".!?")):
            continue  # part of a longer name ("ICE Newark", "Latino Memphis"): no place's
        before = text[max(0, m.start() - 2) : m.start()]
        start_of_sentence = m.start() == 0 or before in (". ", "\n\n") or before.endswith("\n") \
            or (m.group("the") or "").startswith("T")
        if not m.group("poss") and re.match(r" [A-Z][a-z]", text[m.end() : m.end() + 3]):
            # "Denver Mayor Mike Johnston": the office alone; "the Lake County Department of
            # Corrections": "the county Department of Corrections" (a body's county kept in
            # view: "the Department of Corrections" alone is as much the state's)
            rep = f"{m.group('the')}{word} " if m.group("the") else ""
        else:
            rep = ("The " if start_of_sentence else "the ") + word + (m.group("poss") or "")
        out.append(text[pos:m.start()] + rep)
        pos = m.end()
    return "".join(out) + text[pos:]


def _gazetteer():
    global _GAZ
    _GAZ = _GAZ or load_gazetteer()
    return _GAZ


def v_thecounty(article: Article, ann: Annotation, seed: int) -> Variant:
    """The article's only county, after its first mention, written "the county"."""
    jid = _only_of_kind(ann, 5)
    j = _gazetteer().find(jid) if jid else None
    if j is None or article.text.count(j.name) < 2:
        return Variant(article, ann)
    return _rewrite_text_only(article, ann, _as_institution(article.text, j.name, "county"))


def v_thecity(article: Article, ann: Annotation, seed: int) -> Variant:
    """The article's only city, after its first mention, written "the city"."""
    jid = _only_of_kind(ann, 7)
    j = _gazetteer().find(jid) if jid else None
    if j is None or len(re.findall(rf"\b{re.escape(j.name)}\b(?! County)", article.text)) < 2 \
            or re.search(rf"\b{re.escape(j.name)} (?:County|Parish)\b", article.text) \
            or any(o.kind == "state" for o in _gazetteer().lookup(j.name)):
        return Variant(article, ann)  # (not "New York": "New York state courthouses")
    text = _as_institution(article.text, j.name, "city")
    return _rewrite_text_only(article, ann, text)


def _rewrite_text_only(article: Article, ann: Annotation, text: str) -> Variant:
    """The body rewritten; facts whose phrase the rewrite changed are left out by the scorer."""
    return Variant(dataclasses.replace(article, text=text), ann)


def v_datelineonly(article: Article, ann: Annotation, seed: int) -> Variant:
    """The only city named in an AP dateline, and written "the city" everywhere else."""
    jid = _only_of_kind(ann, 7)
    j = _gazetteer().find(jid) if jid else None
    layer = text_layer(article.text)
    if j is None or layer.dateline is not None or not j.state \
            or re.search(rf"\b{re.escape(j.name)} (?:County|Parish)\b", article.text) \
            or not re.search(rf"\b{re.escape(j.name)}\b", article.text) \
            or any(o.kind == "state" for o in _gazetteer().lookup(j.name)):
        return Variant(article, ann)
    state = _gazetteer().get(j.state)
    abbr = next((a for a in state.abbreviations if "." in a), state.name)
    body = article.text.lstrip()
    text = f"{j.name.upper()}, {abbr} (AP) \u2014 " + _as_institution(body, j.name, "city", False)
    return _rewrite_text_only(article, ann, text)


EARLY = [("Officials in Tucson, Arizona, weighed a comparable plan in 2019.", ("Tucson", "Arizona")),
         ("A similar debate played out last year in Portland, Oregon.", ("Portland", "Oregon")),
         ("Lawmakers in Raleigh, North Carolina, took up a similar bill.",
          ("Raleigh", "North Carolina"))]


def v_early(article: Article, ann: Annotation, seed: int) -> Variant:
    """A sentence about an unrelated place, as the second paragraph."""
    at = _free_break(article.text, 0)
    line = next(ln for ln, words in EARLY[seed % 2 :] + EARLY[: seed % 2]
                if not any(w in article.text for w in words))
    text = article.text[:at] + "\n\n" + line + article.text[at:]
    return Variant(dataclasses.replace(article, text=text), ann)


def _local_state(ann: Annotation) -> str | None:
    """The state of the article's only county or city, if it has one and most of the article's
    facts are of that state (not D.C. atop a story about Arizona's sheriffs, "WASHINGTON -")."""
    jid = _only_of_kind(ann, 5) or _only_of_kind(ann, 7)
    states = Counter(f.id[:2] for f in ann.facts if f.id[:2].isdigit())
    if not jid or not states or states.most_common(1)[0][0] != jid[:2]:
        return None
    return jid[:2]


def v_statelevel(article: Article, ann: Annotation, seed: int) -> Variant:
    """A paragraph about the state's law after the second, in a city's or county's story."""
    sid = _local_state(ann)
    if sid is None or _gazetteer().find(sid) is None:
        return Variant(article, ann)
    state = _gazetteer().get(sid).name
    line = (f"Across {state}, lawmakers passed a law last year that requires jails to honor "
            f"detainers, and the governor signed it in May.")
    at = _free_break(article.text, 1)
    text = article.text[:at] + "\n\n" + line + article.text[at:]
    return Variant(dataclasses.replace(article, text=text), ann)


def v_countlist(article: Article, ann: Annotation, seed: int) -> Variant:
    """Three other cities of the state with counts, as a paragraph after the second."""
    sid = _local_state(ann)
    gaz = _gazetteer()
    if sid is None or gaz.find(sid) is None:
        return Variant(article, ann)
    rng = random.Random(seed)
    ids = {i for g in ann.required for i in g} | {i for f in ann.facts for i in f.ids}
    counties = {i for i in ids if len(i) == 5} | {
        p for i in ids if len(i) == 7 and gaz.find(i) is not None
        for p in gaz.get(i).parents if len(p) == 5}
    pool = sorted((c for co in gaz.children(sid) if co.kind == "county" and co.id not in counties
                   for c in gaz.children(co.id) if _city_ok(c, article.text, gaz)),
                  key=lambda c: c.id)
    pool = list({c.id: c for c in pool}.values())
    if len(pool) < 3:
        return Variant(article, ann)
    a, b, c = rng.sample(pool, 3)
    line = (f"Elsewhere in {gaz.get(sid).name}, agents arrested 12 people in {a.name}, 8 in "
            f"{b.name} and 5 in {c.name}.")
    at = _free_break(article.text, 1)
    text = article.text[:at] + "\n\n" + line + article.text[at:]
    return Variant(dataclasses.replace(article, text=text), ann)


def v_split(article: Article, ann: Annotation, seed: int) -> Variant:
    """Every paragraph of three sentences or more split in two after its first half."""
    layer = text_layer(article.text)
    cuts = []
    for ps, pe in layer.paragraphs:
        inside = [s for s in layer.sentences if ps <= s.start < pe]
        if len(inside) >= 3:
            cuts.append(inside[len(inside) // 2].start)
    text = article.text
    for at in reversed(cuts):
        text = text[:at].rstrip(" \t") + "\n\n" + text[at:]
    return Variant(dataclasses.replace(article, text=text), ann)


VARIANTS: dict[str, Callable[[Article, Annotation, int], Variant]] = {
    "names": v_names, "placenames": v_placenames, "verbs": v_verbs, "told": v_told,
    "according": v_according, "inverted": v_inverted, "colon": v_colon, "titles": v_titles,
    "appositive": v_appositive, "lowertitle": v_lowertitle, "stateabbr": v_stateabbr,
    "chrome": v_chrome, "passing": v_passing, "dateline": v_dateline,
    "paragraphs": v_paragraphs, "marks": v_marks, "single": v_single,
    "places": v_places, "shapes": v_shapes, "bytitle": v_bytitle, "pronoun": v_pronoun, "group": v_group,
    "agency": v_agency, "multipara": v_multipara, "attribution": v_attribution, "spokes": v_spokes,
    "origin": v_origin, "before": v_before, "midquote": v_midquote, "partial": v_partial,
    "toldoutlet": v_toldoutlet, "wrote": v_wrote, "accbefore": v_accbefore, "saidappos": v_saidappos,
    "dashappos": v_dashappos, "courtesy": v_courtesy,
    "thecounty": v_thecounty, "thecity": v_thecity,
    "datelineonly": v_datelineonly, "early": v_early, "statelevel": v_statelevel,
    "countlist": v_countlist, "split": v_split, "orgs": v_orgs, "district": v_district,
    "countylist": v_countylist, "surname": v_surname,
}


def _held(article: Article, ann: Annotation) -> list[tuple[Fact, bool]]:
    analysis = analyze_article(article)
    return [(f, fact_holds(f, analysis)) for f in ann.facts]


def _sprung(var: Variant) -> list[str]:
    """The mentions that fell into a variant's traps: 'text -> id' for each."""
    if not var.traps:
        return []
    global _GAZ
    gaz = _GAZ = _GAZ or load_gazetteer()
    out = []
    for m in analyze_article(var.article).mentions:
        for start, end, state in var.traps:
            if m.start < end and start < m.end:
                j = gaz.find(m.jurisdiction)
                where = (j.id if j.kind == "state" else j.state) if j is not None else None
                if not state or where != state:
                    out.append(f"{m.text} -> {m.jurisdiction} ({m.method})")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(VARIANTS))
    parser.add_argument("--seeds", type=int, default=1, help="random draws per variant")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    pairs = load_split("dev")
    base_by = {ann.article: _held(a, ann) for a, ann in pairs}
    total_held = sum(h for rows in base_by.values() for _, h in rows)
    total = sum(len(rows) for rows in base_by.values())
    print(f"{'variant':<12} {'facts held':>14} {'broke':>6} {'gained':>7}  by category (broke); "
          "traps sprung / set")
    print(f"{'original':<12} {total_held:>5}/{total:<8}")
    broke_all = 0
    for name in args.only or VARIANTS:
        held = n = broke = gained = sprung = set_ = 0
        by_cat = dict.fromkeys(CATEGORIES, 0)
        details = []
        for seed in range(args.seeds):
            for article, ann in pairs:
                var = VARIANTS[name](article, ann, seed)
                rows = _held(var.article, var.annotation)
                if var.traps:
                    set_ += 1
                    hits = _sprung(var)
                    sprung += bool(hits)
                    if hits and args.verbose:
                        details.append(f"  {ann.article}: TRAP {'; '.join(hits)}")
                analysis = None
                for (_, h0), (f1, h1) in zip(base_by[ann.article], rows, strict=True):
                    if normalise(f1.contains) not in normalise(var.article.text):
                        continue  # the rewrite changed the phrase itself
                    n += 1
                    held += h1
                    if h0 and not h1:
                        broke += 1
                        by_cat[f1.category] += 1
                        if args.verbose:
                            from news.evaluation import _what_system_did
                            analysis = analysis or analyze_article(var.article)
                            details.append(
                                f"  {ann.article}: {f1.category} -> {f1.id} "
                                f"{'(' + f1.speaker + ') ' if f1.speaker else ''}"
                                f"\"{f1.contains}\"\n      "
                                + "\n      ".join(_what_system_did(f1, analysis)))
                    elif h1 and not h0:
                        gained += 1
        broke_all += broke
        cats = ", ".join(f"{c} {k}" for c, k in by_cat.items() if k)
        traps = f"; traps {sprung}/{set_}" if set_ else ""
        print(f"{name:<12} {held:>5}/{n:<8} {broke:>6} {gained:>7}  {cats}{traps}")
        for d in details:
            print(d)
    print(f"total broken: {broke_all}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
