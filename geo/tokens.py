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

_TOKEN_RE = re.compile(
    r"(?P<abbr>[A-Z][a-z]{0,3}\.(?:\s?[A-Z][a-z]{0,3}\.)+)"  # D.C., U.S., W.Va., N. Y.
    r"|(?P<word>[^\W\d_]+(?:['\u2019][^\W\d_]+)*)"
    r"|(?P<num>\d[\d,.]*\d|\d)"
    r"|(?P<punct>\S)"
)
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


def _tokenize(text: str, dot_abbreviations: frozenset[str] = frozenset()) -> _Tokens:
    toks = _Tokens()
    n = len(text)
    consumed = 0
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup or "punct"
        start, end = match.span()
        if start < consumed:  # the dot of an abbreviation merged into its word
            continue
        word = match.group()
        if kind == "word":
            lower = word.lower()
            if len(word) > 3 and (lower.endswith("'s") or lower.endswith("\u2019s")):
                toks.starts.append(start)
                toks.ends.append(end - 2)
                toks.texts.append(word[:-2])
                toks.norms.append(_norm(word[:-2]))
                toks.kinds.append("w")
                start, end, word, kind = end - 2, end, word[-2:], "p"
            elif end < n and text[end] == "." and (word in lex.DOT_WORDS
                                                     or f"{word}." in dot_abbreviations):
                end += 1
                consumed = end
                word = text[start:end]
                kind = "a"
        toks.starts.append(start)
        toks.ends.append(end)
        toks.texts.append(word)
        toks.norms.append("s" if kind == "p" and word[-1:] in "sS" else _norm(word))
        toks.kinds.append({"word": "w", "abbr": "a", "num": "n"}.get(kind, kind[0]))
    # Sentence and line starts: the first token, or one after . ! ? : or a line break,
    # skipping opening quotes and brackets.
    fresh = True
    line = True
    previous_end = 0
    for i, word in enumerate(toks.texts):
        if "\n" in text[previous_end:toks.starts[i]]:
            fresh = line = True
        elif i and toks.kinds[i - 1] == "a" and word in lex.FUNCTION_WORDS:
            fresh = True  # "in Washington, D.C. The mother...": the dot ended the sentence
        toks.sentence_start.append(fresh)
        toks.line_start.append(line)
        kind = toks.kinds[i]
        if kind == "p" and word in _OPENERS and fresh:
            pass
        elif kind == "p" and word in _SENTENCE_END:
            fresh = True
            line = False
        else:
            fresh = line = False
        previous_end = toks.ends[i]
    return toks


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _is_upper(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)

