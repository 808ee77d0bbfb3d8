"""The text layer of an article: paragraphs, sentences, dateline and people, as spans.

Computed once per article (:func:`text_layer`) and shared by the geoparser and the news
pipeline, so that both read the same sentences and the same people.

Sentences are rules, not a model: a period ends a sentence unless it belongs to an abbreviation ("U.S.",
"Feb.", "Sen.", "D.C."), an initial or an ellipsis followed by lower case; a sentence does not
end inside an open quotation (a quote of several sentences stays one sentence with its
attribution); a line break ends a sentence unless the line is hard-wrapped mid-sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from geo import _lexicon as lex

_SENTENCE_MARK = re.compile("[\"\u201c\u201d.!?\u2026]")
_CANDIDATE = re.compile(r"[.!?]+|\u2026+|\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_TIGHT_NEXT = re.compile(r"(?!(?i:com|org|net|gov|edu)\b)[\"\u201c]?[A-Z][a-z]+\b(?!\.[a-z])")


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``text == body[start:end]``; ``paragraph`` counts lines of the body."""

    start: int
    end: int
    text: str
    paragraph: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of a body, hard-wrapped lines joined.

    A line that ends without sentence punctuation and is followed by a line starting in lower
    case is a hard wrap, not a paragraph end.

    Parameters
    ----------
    text : str
        Article body.

    Returns
    -------
    list of (int, int)
        Stripped spans, in order.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    cur: list[int] | None = None
    for line in text.split("\n"):
        s = line.strip()
        if s:
            start = pos + line.index(s)
            end = start + len(s)
            if cur is not None and s[0].islower() and text[cur[1] - 1] not in ".!?:\"\u201d":
                cur[1] = end
            else:
                if cur is not None:
                    spans.append((cur[0], cur[1]))
                cur = [start, end]
        elif cur is not None:
            spans.append((cur[0], cur[1]))
            cur = None
        pos += len(line) + 1
    if cur is not None:
        spans.append((cur[0], cur[1]))
    return spans


def _is_abbreviation(text: str, dot: int, nxt: str) -> bool:
    """Whether the period at ``dot`` belongs to an abbreviation rather than ending a sentence."""
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if "." in word or len(word) == 1:
        # "U.S", "D.C", "a.m" or a single initial: an abbreviation unless a sentence opener follows
        # (initials "J." are followed by a surname, never by "The").
        return nxt.lower() not in lex.SENTENCE_OPENERS or len(word) == 1
    return word in lex.ABBREVIATIONS


def _next_word(text: str, i: int, limit: int) -> tuple[int, str]:
    """Index of the first non-space char at/after ``i`` and the word there."""
    while i < limit and text[i] in " \t\u00a0":
        i += 1
    m = re.match(r"[\"\u201c\u2018'(\[]*([\w\u2019']*)", text[i:limit])
    return i, (m.group(1) if m else "")


# An outlet in brackets and a dash after a state's abbreviation: the dateline goes on.
_OUTLET_DASH = re.compile(r"\([^()\n]{1,40}\)[ \t]*(?:\u2014|\u2013|--?)[ \t]")


def split_sentences(text: str, paras: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Split a body into sentences.

    Parameters
    ----------
    text : str
        Article body.
    paras : list of (int, int), optional
        Its paragraphs, when already computed (:func:`paragraphs`).

    Returns
    -------
    list of Sentence
        Stripped, non-empty sentences in order; ``text[s.start:s.end] == s.text``.
    """
    out: list[Sentence] = []
    for pi, (pstart, pend) in enumerate(paras if paras is not None else paragraphs(text)):
        start = pstart
        in_quote = False
        i = pstart
        # Single quote marks hold a quote only in a paragraph without double ones (as the
        # quote finder reads them); a period inside one, but the last, ends no sentence.
        inside = [(s, e - 1) for s, e in single_quoted(text, pstart, pend)] \
            if _DOUBLE_MARK.search(text, pstart, pend) is None else []
        while i < pend:
            # Only quote marks and sentence punctuation matter: the loop below passes over
            # every other character, so jump to the next of these.
            mark = _SENTENCE_MARK.search(text, i, pend)
            if mark is None:
                break
            i = mark.start()
            ch = text[i]
            closes = ch == "\u201d" or (ch == '"' and in_quote)
            if ch == "\u201c" or (ch == '"' and not in_quote):
                in_quote = True
                i += 1
                continue
            if closes:
                in_quote = False
                # A quote that ends with its own period ends the sentence too: ... "Safe City." 317
                if i == pstart or text[i - 1] not in ".!?\u2026":
                    i += 1
                    continue
                punct = i - 1
            elif ch in ".!?\u2026" and not in_quote \
                    and not any(qs <= i < qe for qs, qe in inside):
                punct = i
            else:
                i += 1
                continue
            j = i
            while j < pend and text[j] in ".!?\u2026":
                j += 1
            # Closing quotes and brackets belong to the sentence they close; a straight quote
            # right before a word, outside a quote, opens the next one: 'in Aurora."The bulk"'.
            while j < pend and text[j] in "\"\u201d\u2019')]":
                if text[j] == '"' and not in_quote and text[j + 1 : j + 2].isalpha():
                    break
                if text[j] in "\"\u201d":
                    in_quote = False
                j += 1
            k, word = _next_word(text, j, pend)
            if k >= pend:
                i = j
                continue
            # Dirty text runs sentences together without a space: "on Wednesday.The claim".
            tight = k == j and text[punct] == "." and text[punct - 1 : punct].islower() \
                and _TIGHT_NEXT.match(text, k) is not None
            boundary = (k > j or tight) and (
                word[:1].isupper() or word[:1].isdigit() or text[k] in "\"\u201c(["
            )
            single_dot = text[punct] == "." and (punct == 0 or text[punct - 1] not in ".")
            single_dot = single_dot and text[punct + 1 : punct + 2] != "."
            if boundary and single_dot and _is_abbreviation(text, punct, word):
                boundary = False
            if boundary and text[k] == "(" and _OUTLET_DASH.match(text, k):
                boundary = False  # "JACKSON, Tenn. (AP) — Six people ...": a dateline
            if boundary and text[punct] == "\u2026" and not word[:1].isupper():
                boundary = False
            if boundary:
                out.append(Sentence(start, j, text[start:j], pi))
                start = k
            i = j
        if start < pend:
            out.append(Sentence(start, pend, text[start:pend], pi))
    return out


_DOUBLE_MARK = re.compile("[\"\u201c\u201d]")
# An opening mark: after a space or a bracket, or, for the curly one (never an apostrophe there),
# right after the punctuation of the sentence before: 'the law.\u2018I will not'.
_SINGLE_OPEN = re.compile(
    r"(?:(?:(?<=^)|(?<=[\s(\[\u2014\u2013-]))['\u2018]|(?<=[.!?,:;])\u2018)(?=[A-Za-z0-9(\[])"
)
# A quote inside a quote opens with a letter ("'90s" is an elision, not a nested quote).
_SINGLE_INNER = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013-]))['\u2018](?=[A-Za-z])")
# "Torres' family": a plural's apostrophe before a lower-case word, not the quote's end when
# a later mark can close it; before a function word ("drugs' and then") it closes the quote.
_PLURAL_POSSESSIVE = re.compile(r"s['\u2019][ \t]+(?P<w>[a-z]+)")
# A closing mark; a nested quote's may stand right before the outer one's: "a 'safe city.''"
_SINGLE_CLOSE = re.compile(
    r"(?<=[\w.,!?'\u2019])(?<![\s(\[])['\u2019](?=[\s.,;:!?)\]\u2014\u2013'\u2019-]|$)"
)


def _single_close(text: str, pos: int, end: int) -> re.Match[str] | None:
    """Find the mark closing a single quote opened before ``pos``, past the quotes nested in it."""
    depth = 0
    inner = _SINGLE_INNER.search(text, pos, end)
    c = _SINGLE_CLOSE.search(text, pos, end)
    while c is not None:
        if inner is not None and inner.start() < c.start():
            depth += 1  # "'My dad was arrested for the 'jail-able offense' of ...'"
            inner = _SINGLE_INNER.search(text, inner.end(), end)
            continue
        later = _SINGLE_CLOSE.search(text, c.end(), end)
        p = _PLURAL_POSSESSIVE.match(text, c.start() - 1)
        if p is not None and later is not None \
                and p.group("w").title() not in lex.FUNCTION_WORDS:
            c = later  # "the Garcias' family": an apostrophe
            continue
        if depth == 0:
            return c
        depth -= 1
        c = later
    return None


def single_quoted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside single quote marks in ``text[start:end]`` (British and some wire styles).

    An apostrophe has a letter on both sides and is never a mark here. A quote may hold another
    in single marks too; the outer one ends at its own closing mark.

    Parameters
    ----------
    text : str
    start, end : int
        The stretch to read (a paragraph).

    Returns
    -------
    list of (int, int)
        Inside the marks.
    """
    if "'" not in text[start:end] and "\u2018" not in text[start:end]:
        return []
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        o = _SINGLE_OPEN.search(text, pos, end)
        if not o:
            return out
        c = _single_close(text, o.end(), end)
        if not c:
            return out
        out.append((o.end(), c.start()))
        pos = c.end()


# Before an opening mark left open in its paragraph: the paragraph's start, or a colon ("The
# sheriff wrote: 'The only reason ...", the quote running on into the next paragraph).
_OPEN_LEFT_OPEN = re.compile(r"(?:^|(?<=\n)|(?<=:[ \t])|(?<=:))['\u2018](?=[A-Za-z])")


def double_marked(layer: TextLayer) -> TextLayer:
    """Return the layer with quotes in single marks written in double ones, offsets kept.

    In a paragraph without double marks, single ones hold its quotes (British and some wire
    styles, :func:`single_quoted`); readers of quotes and attributions that know the double
    marks read this one alike. A mark opening a paragraph or following a colon and left open
    in it is a quote running on into the next paragraph, the news way: it is opened too.
    Sentences keep their bounds. The layer itself when nothing is written otherwise.
    """
    text = layer.text
    if "'" not in text and "\u2018" not in text:
        return layer
    marks: dict[int, str] = {}
    for ps, pe in layer.paragraphs:
        if _DOUBLE_MARK.search(text, ps, pe) is not None:
            continue
        if text.find("'", ps, pe) < 0 and text.find("\u2018", ps, pe) < 0:
            continue  # no single mark to open a quote (most paragraphs, in curly-apostrophe text)
        spans = single_quoted(text, ps, pe)
        for s, e in spans:
            marks[s - 1] = "\u201c"
            marks[e] = "\u201d"
        after = spans[-1][1] + 1 if spans else ps
        left = _OPEN_LEFT_OPEN.search(text, after, pe)
        if left is not None:
            marks[left.start()] = "\u201c"
    if not marks:
        return layer
    chars = list(text)
    for at, mark in marks.items():
        chars[at] = mark
    marked = "".join(chars)
    return TextLayer(
        text=marked,
        paragraphs=layer.paragraphs,
        sentences=tuple(Sentence(s.start, s.end, marked[s.start : s.end], s.paragraph)
                        for s in layer.sentences),
        dateline=layer.dateline,
        persons=layer.persons,
    )


def alternation(words: Iterable[str]) -> str:
    r"""Build a regex alternation of literal words, longest first (so "Sen.-elect" beats "Sen.").

    The words are grouped by their first letter, case aside ("S(?:heriff|en\.)"), each group
    keeping that order: at any position only one group can match, so the matches (and
    captures) are those of the flat alternation, with or without ``re.I``, but the engine tries
    one group instead of every word (the title and verb alternations were the costliest
    searches of the pipeline; 5x faster). Words not starting in ASCII are left flat, since
    ``re.I`` folds some of them onto ASCII letters.
    """
    ordered = sorted(words, key=lambda w: (-len(w), w))
    if any(not w or not w[0].isascii() for w in ordered):
        return "|".join(re.escape(w) for w in ordered)
    groups: dict[str, list[str]] = {}
    for w in ordered:
        groups.setdefault(w[0].lower(), []).append(w)
    out = []
    for group in groups.values():
        if len(group) == 1:
            out.append(re.escape(group[0]))
        elif len({w[0] for w in group}) == 1:
            rest = "|".join(re.escape(w[1:]) for w in group)
            out.append(f"{re.escape(group[0][0])}(?:{rest})")
        else:  # "The", "the": the class of first letters, then the words as they are
            first = "".join(sorted({re.escape(w[0]) for w in group}))
            out.append(f"(?=[{first}])(?:{'|'.join(re.escape(w) for w in group)})")
    return "|".join(out)


# A titled person: one or more titles, then a capitalized name of one to three words
# ("Lake County Sheriff Ann Ruiz" -> "Ann Ruiz"; "Attorney General Jeff Sessions").
TITLE = rf"(?:{alternation(lex.TITLES)})(?![\w.])"
# A word of a name may open with an elided particle: "O'Malley", "D\u2019Amato". (Written from
# its capital on, not as an optional particle before it: a pattern that opens on a name then
# opens on a class of letters, and the engine skips to the next capital at once instead of
# trying the optional part at every position; the same matches, 1.3-3x faster searches.)
_NAME_WORD = r"[A-Z](?:['\u2019](?=[A-Z][a-z])[A-Z])?[a-z][\w\u2019'\-]*"
_PARTICLE = rf"(?:(?:{alternation(lex.NAME_PARTICLES)})[ \t]+)"
# A first name written as initials: "J.B. Pritzker", "C.J. Karamargin" (not "U.S. Marshals").
INITIALS = (rf"(?=[A-Z]\.[A-Z]\.)(?!(?:{alternation(lex.DOTTED_NON_INITIALS)})(?![\w.]))"
            r"[A-Z]\.(?:[A-Z]\.)+")
# A later word of a name is no weekday and no month written with its day: "Ann Ruiz Sept. 27
# signed", "Ann Ruiz Monday said" name Ann Ruiz (a month alone may be a middle name: "Mary June").
_NOT_DATE = (rf"(?!(?:{alternation(w for w in lex.CALENDAR if w.endswith('day'))})\b)"
             rf"(?!(?:{alternation(lex.MONTHS)})\.?[ \t]+\d)")
# A nickname in quotation marks may stand before the surname: 'Bernard C. “Jack” Ruiz' (the
# name was cut at the mark, and a pronoun's speaker with it).
_NICKNAME = r"(?:[\"\u201c][A-Z][a-z]+[\"\u201d][ \t]+)"
PERSON_NAME = (rf"{_NAME_WORD}(?:[ \t]+(?:[A-Z]\.[ \t]+)?{_NICKNAME}?{_PARTICLE}?{_NOT_DATE}"
               rf"{_NAME_WORD}){{0,2}}")
# The same, perhaps opening on initials: used after a title, which anchors the search ("Gov. J.B.
# Pritzker"); an optional opening in every unanchored scan would cost more than it finds.
# Initials may be written without their dots after a title: "Sheriff AJ Ruiz", "Commissioner JD
# Berg" (not "U.S." undotted: "the Attorney General US Attorney ..."); the name was not read, and
# the office written before it was not hers.
_UNDOTTED_INITIALS = (rf"(?!(?:{alternation(w.replace('.', '') for w in lex.DOTTED_NON_INITIALS)})\b)"
                      r"[A-Z]{2}(?![\w.])")
TITLED_NAME = rf"(?:(?:{INITIALS}|{_UNDOTTED_INITIALS})[ \t]+(?=[A-Z][a-z]))?{PERSON_NAME}"
_TITLED_PERSON = re.compile(rf"\b{TITLE}(?:[ \t]+{TITLE})*[ \t]+(?P<name>{TITLED_NAME})")
# AP style, a title in lower case after the body's name: "Lake County sheriff Ann Ruiz"
_LOWER_TITLED_PERSON = re.compile(
    rf"\b(?P<before>[A-Z][a-z]+)[ \t]+(?:{alternation(lex.LOWER_TITLES)})[ \t]+(?P<name>{PERSON_NAME})"
)
_STORM = re.compile(
    rf"\b(?:{alternation(lex.STORM_WORDS)})\s+"
    r"(?P<n>[A-Z][a-z]+(?:(?:,\s*|\s+and\s+)[A-Z][a-z]+)*)"
)
# "Credit: Ann Ruiz", "Photo by Ann Ruiz/AP": a photo credit names its photographer
_CREDITED = re.compile(
    rf"(?<![\w-])(?:{alternation(lex.CREDIT_MARKERS)})(?:[ \t]*:)?[ \t]+(?P<name>{PERSON_NAME})"
    r"(?=[ \t]*(?:$|[/|,(]))",
    re.MULTILINE,
)
_PERSON_AFTER = alternation(lex.SPEECH_VERBS)
# "said Ruiz in a letter": a reporting verb right before the surname
_SPEECH_BEFORE_NAME = re.compile(rf"\b(?:{alternation(lex.REPORTING_VERBS)})[ \t]+$")
_SPEECH_AFTER_NAME = re.compile(rf"(?:'s|\u2019s?)?,?\s+(?:{_PERSON_AFTER})\b")
# "OAKLAND, Calif. (AP) —", "Lake Charles, La. -", "WASHINGTON —": a place, an optional state
# and outlet, then a dash, at the start of one of the first paragraphs.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'\-]*(?:[ \t]+[A-Z][A-Za-z.'\-]*){0,3}"
    r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*)?)?)"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:\u2014|\u2013|--?)[ \t]+(?=\S)"
)
DATELINE_PARAGRAPHS = 3  # a dateline opens the body, after at most a headline and a byline


def person_spans(text: str) -> list[tuple[int, int]]:
    """Spans of names that are people or storms, not places ("Judge Andrew Austin").

    A titled name ("Sheriff", "Judge", ... from the lexicon) is a person, unless its last word
    is a place word ("King County"); so is any later bare occurrence of its surname followed by
    a speech verb ("Austin said"). Storm names after "Hurricane(s)" are included.

    Parameters
    ----------
    text : str
        Article body.

    Returns
    -------
    list of (int, int)
        Sorted, distinct spans.
    """
    spans: list[tuple[int, int]] = []
    surnames: set[str] = set()
    for m in _TITLED_PERSON.finditer(text):
        words = m.group("name").split()
        if words[-1] in lex.PLACE_WORDS:
            continue
        spans.append((m.start("name"), m.end("name")))
        surnames.add(words[-1])
    for m in _LOWER_TITLED_PERSON.finditer(text):
        words = m.group("name").split()
        if m.group("before") in lex.FUNCTION_WORDS or words[-1] in lex.PLACE_WORDS \
                or words[0] in lex.FUNCTION_WORDS:
            continue  # "The sheriff", "the county sheriff In ..."
        spans.append((m.start("name"), m.end("name")))
        surnames.add(words[-1])
    if surnames:
        # Only the small alternation of this article's surnames is compiled per article; the
        # speech verbs after it are compiled once (compiling them per article cost a sixth of
        # the whole extraction). Longest first, so "Lees said" is not lost to "Lee".
        alt = "|".join(re.escape(s) for s in sorted(surnames, key=lambda s: (-len(s), s)))
        surname = re.compile(rf"\b(?:{alt})")
        pos = 0
        while (hit := surname.search(text, pos)) is not None:
            if _SPEECH_AFTER_NAME.match(text, hit.end()) \
                    or _SPEECH_BEFORE_NAME.search(text, max(0, hit.start() - 16), hit.start()):
                spans.append((hit.start(), hit.end()))
                pos = hit.end()
            else:
                pos = hit.start() + 1
    # (each pattern opens on a word of its list: most bodies hold none of them)
    for m in _STORM.finditer(text) if any(w in text for w in lex.STORM_WORDS) else ():
        spans.append((m.start("n"), m.end("n")))
    for m in _CREDITED.finditer(text) if any(w in text for w in lex.CREDIT_MARKERS) else ():
        # (not an agency named after its place: "Photo: Lake County Sheriff's Office")
        if not any(w in lex.PLACE_WORDS or w.lower() in lex.INSTITUTION_KINDS
                   for w in m.group("name").split()):
            spans.append((m.start("name"), m.end("name")))
    return sorted(set(spans))


def find_dateline(text: str, paras: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Span of the dateline's place ("OAKLAND, Calif."), if the body opens with one.

    Parameters
    ----------
    text : str
        Article body.
    paras : list of (int, int)
        Its paragraphs (:func:`paragraphs`).

    Returns
    -------
    (int, int) or None
    """
    for ps, pe in paras[:DATELINE_PARAGRAPHS]:
        m = _DATELINE.match(text, ps, pe)
        if m and len(text[m.end() : pe].split()) >= 4:
            return m.start("place"), m.end("place")
    return None


@dataclass(frozen=True)
class TextLayer:
    """What every reader of an article shares, computed once (:func:`text_layer`).

    Attributes
    ----------
    text : str
        The body; every span indexes into it.
    paragraphs : tuple of (int, int)
    sentences : tuple of Sentence
    dateline : (int, int) or None
        The dateline's place.
    persons : tuple of (int, int)
        Names of people and storms (:func:`person_spans`).
    """

    text: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    dateline: tuple[int, int] | None
    persons: tuple[tuple[int, int], ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def dateline_end(self) -> int | None:
        """Where the dateline's words end, after its outlet and dash ("OAKLAND, Calif. (AP) — ")."""
        if self.dateline is None:
            return None
        m = _DATELINE.match(self.text, self.dateline[0])
        return m.end() if m else None

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding (or last starting before) ``offset``; -1 before all."""
        return bisect_right(self._starts, offset) - 1

    def in_person(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside a person's (or storm's) name."""
        i = bisect_right(self.persons, (start, len(self.text) + 1)) - 1
        return i >= 0 and self.persons[i][0] <= start and end <= self.persons[i][1]


def text_layer(text: str) -> TextLayer:
    """Compute the text layer of a body.

    Parameters
    ----------
    text : str
        Article body, exactly as stored.

    Returns
    -------
    TextLayer
    """
    paras = paragraphs(text)
    return TextLayer(
        text=text,
        paragraphs=tuple(paras),
        sentences=tuple(split_sentences(text, paras)),
        dateline=find_dateline(text, paras),
        persons=tuple(person_spans(text)),
    )
