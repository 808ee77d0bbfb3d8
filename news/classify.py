"""What a sentence reports: enforcement actions, policies (and quotes, decided elsewhere); figures.

Lexicons of stems (:data:`geo._lexicon.ENFORCEMENT_TERMS`, :data:`geo._lexicon.POLICY_TERMS`)
matched on word boundaries. A sentence can be in several categories.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from geo import _lexicon as lex


def _scan(term: str) -> Iterator[tuple[int, str, int]]:
    r"""Yield ``(index, char, depth)`` for each bracket and bar of a regex outside any class.

    Escapes and character classes are skipped: "[]|^]" holds a literal bar, "\(" no bracket.
    """
    depth = 0
    i = 0
    while i < len(term):
        ch = term[i]
        if ch == "\\":
            i += 1
        elif ch == "[":  # a class, to its closing bracket
            i += 2 if term[i + 1 : i + 2] == "^" else 1
            if term[i : i + 1] == "]":
                i += 1
            while i < len(term) and term[i] != "]":
                i += 2 if term[i] == "\\" else 1
        elif ch == "(":
            depth += 1
            yield i, ch, depth
        elif ch == ")":
            yield i, ch, depth
            depth -= 1
        elif ch == "|":
            yield i, ch, depth
        i += 1


def _alternatives(term: str) -> list[str]:
    """Split a regex on its top-level bars: "ab|c(?:d|e)" -> ["ab", "c(?:d|e)"]."""
    bars = [i for i, ch, depth in _scan(term) if ch == "|" and depth == 0]
    return [term[a + 1 : b] for a, b in zip([-1, *bars], [*bars, len(term)], strict=True)]


def _expanded(term: str) -> list[str]:
    """Split a term into the alternatives it is made of, leading groups distributed over the rest.

    "(?:ICE|federal) agents?" -> ["ICE agents?", "federal agents?"], "(?:traffic )?stops?" ->
    ["traffic stops?", "stops?"]: the same matches at every position, but each alternative now
    opens on a plain letter where it can, so it joins that letter's group.
    """
    parts = _alternatives(term)
    if len(parts) > 1:
        return [x for part in parts for x in _expanded(part)]
    if not term.startswith("(?:"):
        return [term]
    close = next(i for i, ch, depth in _scan(term) if ch == ")" and depth == 1)
    inner, rest = _alternatives(term[3:close]), term[close + 1 :]
    if rest[:1] == "?" and rest[1:2] not in ("?", "+"):
        inner, rest = [*inner, ""], rest[1:]
    elif rest[:1] in ("*", "+", "{", "?"):
        return [term]  # a repeated group: left as it is
    return [x for alt in inner for x in _expanded(alt + rest)]


def _lexicon_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    r"""Match any term on word boundaries: a match wherever ``\b(?:t1|t2|...)(?!\w)`` has one.

    Terms are first split into their alternatives (:func:`_expanded`). Those that start with a
    plain letter or digit are grouped by it ("a(?:rrest\w*|gents?)"), behind ``(?=\w)``: at each
    position the engine then tries one group instead of every term, and skips spaces and
    punctuation at once (this search was the costliest step of the classifier; 4x faster, and
    2-3x again once the leading groups were distributed). The other terms keep the plain ``\b``.
    The pattern only tells whether a sentence matches (:func:`categories`): which alternative
    matches first may differ from the flat alternation's.
    """
    groups: dict[str, list[str]] = {}
    other: list[str] = []
    for term in (alt for t in terms for alt in _expanded(t)):
        if term[:1].isalnum() and term[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(term[0].lower(), []).append(term[1:])
        else:
            other.append(term)
    grouped = "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items())
    alternatives = [f"(?=\\w)(?:{grouped})"] if grouped else []
    # A lookahead, not \b, ends each term: "287(g)" ends in a bracket.
    return re.compile(rf"\b(?:{'|'.join(alternatives + other)})(?!\w)", re.I)


ENFORCEMENT = _lexicon_pattern(lex.ENFORCEMENT_TERMS)
POLICY = _lexicon_pattern(lex.POLICY_TERMS)
_MONTHS = "|".join(lex.MONTHS)
_FIGURE = re.compile(
    r"(?<![\w.,:/$-])(?P<qual>(?:nearly|almost|over|more than|about|around|some|at least|up to|"
    r"fewer than|less than|roughly|approximately)\s+)?"
    r"(?P<cur>\$)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?P<pct>\s*%|\s+percent|\s+per cent)?"
    r"(?P<scale>\s+(?:million|billion|thousand))?"
    r"(?![\w:/-]|\.\d|,\d)",
    re.I,
)
_DIGIT = re.compile(r"\d")
_LABEL_BEFORE = re.compile(
    r"(?:\b[A-Z]{1,3}\.?|\b(?:[A-Z]\.){1,3}|\b(?:Proposition|Prop\.|Section|Rule|Title|Chapter|"
    r"Article|No\.|Number|Route|Highway|Interstate|District|Precinct|Measure|Bill|Act|Amendment|"
    r"Ward|Room|Suite|Case))\s+$"
)
_UNIT_STOP = frozenset(
    """of the a an were was are is had have has in from to for and or by on at that who which
    with as than this these those their its it be been being per into out over under""".split()
)
_UNIT_NOUNS = frozenset(
    "people person percent dollars hours days weeks months years children men women".split()
)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


@dataclass(frozen=True)
class Figure:
    """A number reported in a sentence, with what it counts.

    Attributes
    ----------
    start, end : int
        Span in the body of the number and its unit words ("51 people").
    text : str
        ``body[start:end]``.
    value : float
        The number, scale applied ("11.1 million" -> 11100000.0).
    unit : str
        The counted words ("people", "illegal immigrants", "hours", "percent"), or "".
    qualifier : str
        "nearly", "over", ... or "".
    """

    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str = ""

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
        }


def categories(sentence: str, has_quote: bool) -> tuple[str, ...]:
    """Categories of a sentence, in the fixed order enforcement, policy, quote.

    Parameters
    ----------
    sentence : str
        The sentence text.
    has_quote : bool
        Whether it holds direct speech.

    Returns
    -------
    tuple of str
    """
    out = []
    if ENFORCEMENT.search(sentence):
        out.append("enforcement")
    if POLICY.search(sentence):
        out.append("policy")
    if has_quote:
        out.append("quote")
    return tuple(out)


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Numbers with their units in a span of the body; dates, years and times are left out.

    Parameters
    ----------
    text : str
        Article body.
    start, end : int
        The span to look in (a sentence).

    Returns
    -------
    list of Figure
    """
    end = len(text) if end is None else end
    if _DIGIT.search(text, start, end) is None:
        return []  # most sentences: no number at all, and no need to try _FIGURE at each word
    out: list[Figure] = []
    for m in _FIGURE.finditer(text, start, end):
        raw = m.group("num")
        before = text[max(start, m.start() - 12) : m.start()]
        if re.search(rf"\b(?:{_MONTHS})\.?\s+$", before):
            continue  # "Feb. 7", "March 24"
        if _LABEL_BEFORE.search(before):
            continue  # "SB 54", "Proposition 187", "No. 5", "Interstate 35": names, not counts
        value = float(raw.replace(",", ""))
        pct, scale = m.group("pct"), m.group("scale")
        if not pct and not scale and "," not in raw and "." not in raw:
            if 1800 <= value <= 2100 and len(raw) == 4:
                continue  # a year
        if scale:
            value *= _SCALE[scale.strip().lower()]
        unit_words: list[str] = []
        fig_end = m.end()
        if pct:
            unit = "percent"
        elif m.group("cur"):
            unit = "dollars"
        else:
            # The counted noun phrase: up to three words, ending at the first plural or unit noun.
            rest = text[fig_end:end]
            while len(unit_words) < 3:
                w = re.match(r"[ \t]+([A-Za-z][A-Za-z\-]*)", rest)
                acronym = w is not None and w.group(1).isupper() and len(w.group(1)) <= 5
                if not w or w.group(1).lower() in _UNIT_STOP or (
                    w.group(1)[0].isupper() and not acronym
                ):
                    break
                word = w.group(1)
                unit_words.append(word)
                fig_end += w.end()
                rest = rest[w.end() :]
                if word.lower() in _UNIT_NOUNS or (word.endswith("s") and not word.endswith("ss")):
                    break
            unit = " ".join(unit_words)
        s = m.start()
        out.append(
            Figure(
                start=s,
                end=fig_end,
                text=text[s:fig_end],
                value=value,
                unit=unit,
                qualifier=(m.group("qual") or "").strip().lower(),
            )
        )
    return out
