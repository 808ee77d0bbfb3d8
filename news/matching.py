"""The same quote across articles and outlets, and the wording differences between versions.

Outlets cut, split and re-punctuate quotes ("briefing.... that" / "briefing … that", one quote
or two, "[the raid]" inserted). Two quotes are versions of one when, compared word by word
(case, punctuation and quote marks ignored), most of the shorter one is found in the longer.
Candidates come from an index of shared word 4-grams, so grouping stays near-linear in the
number of quotes; :class:`difflib.SequenceMatcher` confirms each pair.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher

SHINGLE = 4
MIN_MATCHED_WORDS = 5
MIN_SHARE = 0.6
_NOT_WORD = re.compile(r"[^\w\s]+")


def words(text: str) -> list[str]:
    """Display words of a quote: whitespace tokens, punctuation kept."""
    return text.split()


def keys(text: str) -> list[str]:
    """Comparison keys of a quote's words: lower case, letters and digits only.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of str
        One key per whitespace token that has a letter or digit.
    """
    # Dropping everything but letters, digits and spaces keys each whitespace token at once.
    return _NOT_WORD.sub("", text.lower()).split()


def _shingles(ks: list[str]) -> set[tuple[str, ...]]:
    if len(ks) < SHINGLE:
        return {tuple(ks)} if len(ks) >= MIN_MATCHED_WORDS else set()
    return {tuple(ks[i : i + SHINGLE]) for i in range(len(ks) - SHINGLE + 1)}


def same_quote(a: str, b: str) -> bool:
    """Whether two quotes are versions of one another.

    Parameters
    ----------
    a, b : str
        Quote texts.

    Returns
    -------
    bool
        At least five words in common blocks, covering 60 % of the shorter quote.
    """
    ka, kb = keys(a), keys(b)
    if not ka or not kb:
        return False
    if ka == kb:  # a copy (a wire story in many papers): one block of every word
        return len(ka) >= MIN_MATCHED_WORDS
    sm = SequenceMatcher(None, ka, kb, autojunk=False)
    matched = sum(block.size for block in sm.get_matching_blocks() if block.size >= 2)
    return matched >= MIN_MATCHED_WORDS and matched >= MIN_SHARE * min(len(ka), len(kb))


class QuoteIndex:
    """Quotes grouped as they are added; a new quote joins (and may merge) existing groups."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._quotes: dict[str, None] = {}  # added quote ids, in order
        # Texts of the quotes that stand for their group under some shingle (the only ones a
        # new quote is compared with): a wire copy repeated thousands of times keeps one text.
        self._text: dict[str, str] = {}
        # shingle -> {group root when indexed: first quote of that group with this shingle}.
        # One entry per group keeps the index small when a quote is repeated thousands of times.
        self._by_shingle: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)

    def _find(self, q: str) -> str:
        root = q
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[q] != root:
            self._parent[q], q = root, self._parent[q]
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            # The smaller id names the group, so group ids do not depend on insertion order.
            lo, hi = sorted((ra, rb))
            self._parent[hi] = lo

    def add(self, quote_id: str, text: str, group: str | None = None) -> None:
        """Add a quote.

        Parameters
        ----------
        quote_id, text : str
            The quote.
        group : str, optional
            Its known group (quotes read back from a store): no comparison is made.
        """
        self._quotes[quote_id] = None
        self._parent.setdefault(quote_id, quote_id)
        shingles = _shingles(keys(text))
        if group is not None:
            self._parent.setdefault(group, group)
            self._union(quote_id, group)
        else:
            seen: set[str] = {self._find(quote_id)}
            for sh in shingles:
                for other in self._by_shingle.get(sh, {}).values():
                    root = self._find(other)
                    if root in seen:
                        continue
                    seen.add(root)
                    if same_quote(text, self._text[other]):
                        self._union(quote_id, other)
        root = self._find(quote_id)
        for sh in shingles:
            entry = self._by_shingle[sh]
            if root not in entry:
                entry[root] = quote_id
                self._text[quote_id] = text

    def group_of(self, quote_id: str) -> str:
        """Return the group id of a quote (the smallest quote id of its group)."""
        return self._find(quote_id)

    def groups(self) -> dict[str, str]:
        """Every quote id -> its group id."""
        return {q: self._find(q) for q in self._quotes}


def group_quotes(quotes: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Group quotes that are versions of one another.

    Parameters
    ----------
    quotes : iterable of (str, str)
        ``(quote id, text)``.

    Returns
    -------
    dict
        Quote id -> group id; the group id is the smallest quote id in the group.
    """
    index = QuoteIndex()
    for qid, text in sorted(quotes):
        index.add(qid, text)
    return index.groups()


def differences(versions: Mapping[str, str]) -> tuple[str, dict[str, list[tuple[str, str]]]]:
    """Word-level differences of each version against the longest one.

    Parameters
    ----------
    versions : mapping
        Quote id -> text, the members of one group.

    Returns
    -------
    tuple
        ``(reference id, {quote id: [(op, words), ...]})`` with ``op`` one of ``equal``,
        ``delete`` (words of the reference this version lacks), ``insert`` (words only this
        version has). The reference is compared over the stretch the version covers, so a
        version quoting half of it is not reported as deleting the other half.
    """
    ref_id = min(versions, key=lambda q: (-len(keys(versions[q])), q))
    ref_tokens = [t for t in words(versions[ref_id]) if keys(t)]
    ref_keys = [keys(t)[0] for t in ref_tokens]
    out: dict[str, list[tuple[str, str]]] = {}
    by_text: dict[str, list[tuple[str, str]]] = {}  # wire copies repeat a version verbatim
    for qid, text in versions.items():
        if text in by_text and qid != ref_id:
            out[qid] = by_text[text]
            continue
        tokens = [t for t in words(text) if keys(t)]
        ks = [keys(t)[0] for t in tokens]
        sm = SequenceMatcher(None, ref_keys, ks, autojunk=False)
        blocks = [b for b in sm.get_matching_blocks() if b.size]
        if qid == ref_id or not blocks:
            out[qid] = [("equal", " ".join(tokens))] if qid == ref_id else [("insert", text)]
            continue
        lo, hi = blocks[0].a, blocks[-1].a + blocks[-1].size
        sm = SequenceMatcher(None, ref_keys[lo:hi], ks, autojunk=False)
        ops: list[tuple[str, str]] = []
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag in ("delete", "replace"):
                ops.append(("delete", " ".join(ref_tokens[lo + i1 : lo + i2])))
            if tag in ("insert", "replace"):
                ops.append(("insert", " ".join(tokens[j1:j2])))
            if tag == "equal":
                ops.append(("equal", " ".join(tokens[j1:j2])))
        out[qid] = ops
        by_text[text] = ops
    return ref_id, out
