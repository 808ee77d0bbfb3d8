"""Tokens of a text as the geoparser reads them: words, abbreviations, numbers, punctuation.

Each token keeps its character offsets, its normalized form (lower case, no accents, dots or
apostrophes; "Saint" -> "st"), and whether it starts a sentence or a line.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from geo import _lexicon as lex

# A title abbreviated after a space is a word of its own, not part of the abbreviation before
# it: "N.C. Rep. Ann Ruiz", "Calif. Sen. Tom Berg" (a state, then a title).
_TITLE_PARTS = "|".join(sorted({t[:-1] for t in lex.TITLES
                                if t.endswith(".") and t[:-1].isalpha()}))
_NAME_OPENERS = "|".join(sorted(lex.NAME_OPENING_DOT_WORDS))
_TOKEN_RE = re.compile(
    # D.C., U.S., W.Va., N. Y. (not "St. Paul." closing a sentence: a name after its "St.")
    rf"((?!(?:{_NAME_OPENERS})\.\s)[A-Z][a-z]{{0,3}}\.(?:(?:\s(?!(?:{_TITLE_PARTS})\.))?[A-Z][a-z]{{0,3}}\.)+)"
    r"|([^\W\d_]+(?:['\u2019][^\W\d_]+)*)"  # a word
    r"|(\d[\d,.]*\d|\d)"  # a number
    r"|(\S)"  # punctuation
)
_KINDS = ("", "a", "w", "n", "p")  # by the group that matched (match.lastindex)
_CANON = {"saint": "st", "sainte": "ste", "ft": "fort", "mt": "mount"}
_SENTENCE_END = frozenset(".!?:;")
_OPENERS = frozenset("\"'\u201c\u2018([\u00ab\u2014-")


@functools.lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    """Lower-case, strip accents, dots and apostrophes; canonical Saint/Fort/Mount."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(ch))
    key = text.lower().replace(".", "").replace("'", "").replace("\u2019", "")
    return _CANON.get(key, key)


@dataclass(slots=True)
class _Tokens:
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    norms: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # w word, a abbreviation, n number, p punct
    sentence_start: list[bool] = field(default_factory=list)
    line_start: list[bool] = field(default_factory=list)
    caps: list[bool] = field(default_factory=list)  # starts with a capital (_is_cap)


def _tokenize(text: str, dot_abbreviations: frozenset[str] = frozenset()) -> _Tokens:
    # The hot loop of the geoparser (every article, every token): locals, no per-token dicts.
    toks = _Tokens()
    starts, ends, texts, norms, kinds = toks.starts, toks.ends, toks.texts, toks.norms, toks.kinds
    n = len(text)
    consumed = 0
    dot_words = lex.DOT_WORDS
    norm = _norm
    for match in _TOKEN_RE.finditer(text):
        kind = _KINDS[match.lastindex or 4]
        start, end = match.span()
        if start < consumed:  # the dot of an abbreviation merged into its word
            continue
        word = match.group()
        if kind == "w":
            if len(word) > 3 and word[-2] in "'\u2019" and word[-1] in "sS":
                starts.append(start)
                ends.append(end - 2)
                texts.append(word[:-2])
                norms.append(norm(word[:-2]))
                kinds.append("w")
                starts.append(end - 2)
                ends.append(end)
                texts.append(word[-2:])
                norms.append("s")
                kinds.append("p")
                continue
            if end < n and text[end] == "." and (word in dot_words
                                                 or f"{word}." in dot_abbreviations):
                end += 1
                consumed = end
                word = text[start:end]
                kind = "a"
        starts.append(start)
        ends.append(end)
        texts.append(word)
        norms.append("s" if kind == "p" and word in "sS" else norm(word))
        kinds.append(kind)
    # Sentence and line starts: the first token, or one after . ! ? : or a line break,
    # skipping opening quotes and brackets.
    sentence_start, line_start = toks.sentence_start, toks.line_start
    function_words = lex.FUNCTION_WORDS
    fresh = True
    line = True
    previous_end = 0
    previous_kind = ""
    for word, kind, start, end in zip(texts, kinds, starts, ends, strict=True):
        gap = start - previous_end
        if gap and (text[previous_end] == "\n" if gap == 1
                    else text.find("\n", previous_end, start) >= 0):
            fresh = line = True
        elif previous_kind == "a" and word in function_words:
            fresh = True  # "in Washington, D.C. The mother...": the dot ended the sentence
        sentence_start.append(fresh)
        line_start.append(line)
        if kind == "p" and word in _OPENERS and fresh:
            pass
        elif kind == "p" and word in _SENTENCE_END:
            fresh = True
            line = False
        else:
            fresh = line = False
        previous_end = end
        previous_kind = kind
    toks.caps = [w[:1].isupper() for w in texts]
    return toks


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _is_upper(word: str) -> bool:
    if not word.isupper():  # most words: a lower-case letter, or no cased letter at all
        return False
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)

