"""Paragraphs and sentences of an article body, as spans into the text.

Rules, not a model: a period ends a sentence unless it belongs to an abbreviation ("U.S.",
"Feb.", "Sen.", "D.C."), an initial or an ellipsis followed by lower case; a sentence does not
end inside an open quotation (a quote of several sentences stays one sentence with its
attribution); a line break ends a sentence unless the line is hard-wrapped mid-sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_QUOTES = "\"\u201c"
CLOSE_QUOTES = "\"\u201d"
# Titles and other abbreviations that are never the end of a sentence when a capital follows.
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov lt gen col maj capt sgt cpl adm cmdr supt insp det atty
    hon rev fr sr jr st mt ft gov. pres sec no nos vol vs v etc inc corp co ltd bros dept univ
    jan feb mar apr jun jul aug sep sept oct nov dec ave blvd rd hwy approx est""".split()
)
# Abbreviations that may end a sentence ("... in the U.S. The next ...") when the next word
# is a typical sentence opener.
SENTENCE_OPENERS = frozenset(
    """the a an this that these those he she it they we i but and or so yet however in on at
    for after before when while if as his her their its our there here meanwhile still also
    according last next earlier later some many most""".split()
)
_CANDIDATE = re.compile(r"[.!?]+|\u2026+|\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


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
        return nxt.lower() not in SENTENCE_OPENERS or len(word) == 1
    return word in TITLE_ABBREVIATIONS


def _next_word(text: str, i: int, limit: int) -> tuple[int, str]:
    """Index of the first non-space char at/after ``i`` and the word there."""
    while i < limit and text[i] in " \t\u00a0":
        i += 1
    m = re.match(r"[\"\u201c\u2018'(\[]*([\w\u2019']*)", text[i:limit])
    return i, (m.group(1) if m else "")


def split_sentences(text: str) -> list[Sentence]:
    """Split a body into sentences.

    Parameters
    ----------
    text : str
        Article body.

    Returns
    -------
    list of Sentence
        Stripped, non-empty sentences in order; ``text[s.start:s.end] == s.text``.
    """
    out: list[Sentence] = []
    for pi, (pstart, pend) in enumerate(paragraphs(text)):
        start = pstart
        in_quote = False
        i = pstart
        while i < pend:
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
            elif ch in ".!?\u2026" and not in_quote:
                punct = i
            else:
                i += 1
                continue
            j = i
            while j < pend and text[j] in ".!?\u2026":
                j += 1
            # Closing quotes and brackets belong to the sentence they close.
            while j < pend and text[j] in "\"\u201d\u2019')]":
                if text[j] in "\"\u201d":
                    in_quote = False
                j += 1
            k, word = _next_word(text, j, pend)
            if k >= pend:
                i = j
                continue
            boundary = k > j and (
                word[:1].isupper() or word[:1].isdigit() or text[k] in "\"\u201c(["
            )
            single_dot = text[punct] == "." and (punct == 0 or text[punct - 1] not in ".")
            single_dot = single_dot and text[punct + 1 : punct + 2] != "."
            if boundary and single_dot and _is_abbreviation(text, punct, word):
                boundary = False
            if boundary and text[punct] == "\u2026" and not word[:1].isupper():
                boundary = False
            if boundary:
                out.append(Sentence(start, j, text[start:j], pi))
                start = k
            i = j
        if start < pend:
            out.append(Sentence(start, pend, text[start:pend], pi))
    return out
