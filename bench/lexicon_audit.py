"""Audit the extraction code's literals: in how many articles does each one match?

Usage::

    python bench/lexicon_audit.py              # totals per list, then the flagged entries
    python bench/lexicon_audit.py --all        # plus one row per entry
    python bench/lexicon_audit.py --lgl PATH   # lgl.xml elsewhere

Issue 11: "no literal in the extraction code matches only one article". Every entry of
``geo/_lexicon.py``'s lists, sets and dicts (keys), every stem of its regular-expression lists
(split on top-level ``|``), and every plain-word alternative inside a regular expression written
in ``geo/*.py`` and ``news/*.py`` (``(?:said|told)``: the alternatives of each group that holds a
``|``, kept only when they are words) is searched case-insensitively on word boundaries in four
corpora: the seeds (``data/articles/``), the extraction set's dev and test splits
(``tests/data/extraction/``) and LGL (``../shared/benchmarks/lgl/lgl.xml``). Only counts are
printed: no test article's text or id.

Flags: ``fitted?`` when the entry matches exactly one article of seeds + dev and none of test or
LGL (written for that article, or general vocabulary that is merely rare: a reader decides);
``dead`` when it matches nothing anywhere.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

CORPORA = ("seeds", "dev", "test", "lgl")
# A regular expression's alternative that is only words: letters, spaces, apostrophes,
# hyphens, escaped dots / hyphens / spaces, \s, and an optional plural at the end.
_WORDY = re.compile(r"(?:[A-Za-z'\u2019 \-]|\\[.\-' ]|\\s[+*]?|\[ \\t\][+*]?)+(?:s\?)?")
# A stem list of the lexicon (regular expressions, not words): any item with regex syntax.
_REGEX_SYNTAX = re.compile(r"\\[wWdDsSb]|\(\?|[\w)\]][?*+]|\[")
_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


@dataclass(frozen=True)
class Entry:
    """One literal: where it is written, how it reads, and the pattern that counts it."""

    source: str  # "geo/_lexicon.py:TITLES" or "news/quotes.py:123"
    literal: str
    pattern: re.Pattern[str]
    needle: str = ""  # lowercase text every match contains: a cheap test before the search


def split_top_level(pattern: str) -> list[str]:
    """Split a regular expression's source on its top-level ``|`` (none inside groups or sets).

    Returns the source whole when it is not balanced (a fragment): conservative.
    """
    parts, depth, start, i, in_set = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_set:
            in_set = c != "]"
        elif c == "[":
            in_set = True
            if pattern[i + 1:i + 2] == "]":  # "[]...]": a literal bracket first
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return [pattern]
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    if depth != 0 or in_set:
        return [pattern]
    parts.append(pattern[start:])
    return parts


def group_alternatives(pattern: str) -> list[str]:
    """Return the alternatives of every balanced group holding a ``|``, and of the top level.

    ``r"\\b(?:said|told)\\s(?:him|her)"`` gives ``said, told, him, her``. Groups left open in a
    fragment (an f-string's constant part) are skipped.
    """
    out: list[str] = []
    stack: list[int] = []
    i, in_set = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_set:
            in_set = c != "]"
        elif c == "[":
            in_set = True
        elif c == "(":
            stack.append(i)
        elif c == ")" and stack:
            begin = stack.pop()
            body = pattern[begin + 1:i]
            body = re.sub(r"^\?(?:[:>]|<?[=!]|P<\w+>|[aiLmsux-]+:)", "", body)
            alts = split_top_level(body)
            if len(alts) > 1:
                out.extend(alts)
        i += 1
    top = split_top_level(pattern)
    if len(top) > 1:
        out.extend(top)
    return out


def wordy(alternative: str) -> bool:
    """Whether a regex alternative is plain words (at least two letters, starting with one)."""
    return (bool(_WORDY.fullmatch(alternative)) and alternative[:1].isalpha()
            and sum(ch.isalpha() for ch in alternative) >= 2)


def _bounded(source: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{source})(?!\w)", re.I)


def _items(value: object) -> list[str] | None:
    """The strings of a lexicon value (list, tuple, set, dict keys), or None if not a word list."""
    if isinstance(value, dict):
        value = list(value)
    if not isinstance(value, (list, tuple, set, frozenset)):
        return None
    items = [" ".join(v) if isinstance(v, tuple) else v for v in value]
    if not items or not all(isinstance(v, str) for v in items):
        return None
    return sorted(items, key=lambda v: (v.lower(), v)) if isinstance(value, (set, frozenset)) else items


def lexicon_entries(module: ModuleType, source: str = "geo/_lexicon.py") -> list[Entry]:
    """Every entry of the lexicon's word and stem lists, deduplicated case-insensitively per list.

    A list whose items use regex syntax is a list of stems: each stem (split on top-level ``|``)
    is counted as the classifier matches it, ``\\b(?:stem)(?!\\w)``. Other items are words.
    """
    entries: list[Entry] = []
    for name, value in vars(module).items():
        if name.startswith("_") or not name.isupper():
            continue
        items = _items(value)
        if items is None:
            continue
        stems = any(_REGEX_SYNTAX.search(item) for item in items)
        seen: set[str] = set()
        for item in items:
            for part in split_top_level(item) if stems else [item]:
                if not part.strip() or part.lower() in seen:
                    continue
                seen.add(part.lower())
                try:
                    pattern = (re.compile(rf"\b(?:{part})(?!\w)", re.I) if stems
                               else _bounded(re.escape(part)))
                except re.error:
                    continue
                entries.append(Entry(f"{source}:{name}", part, pattern,
                                     "" if stems else part.lower()))
    return entries


def _pattern_fragments(node: ast.expr) -> list[str]:
    """The constant text of a pattern argument: a string, or an f-string's constant parts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    return []


def code_entries(paths: Iterable[Path], root: Path = REPO) -> list[Entry]:
    """Plain-word alternatives of the regular expressions written in these files.

    Only ``re.compile``/``re.search``/... calls whose pattern is a string literal (or an
    f-string's literal parts) are read; one entry per file and alternative.
    """
    entries: list[Entry] = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        seen: set[str] = set()
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args
                    and isinstance(node.func, ast.Attribute) and node.func.attr in _CALLS
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"):
                continue
            for fragment in _pattern_fragments(node.args[0]):
                for alt in group_alternatives(fragment):
                    if not wordy(alt) or alt.lower() in seen:
                        continue
                    seen.add(alt.lower())
                    try:
                        pattern = _bounded(alt)
                    except re.error:
                        continue
                    words = re.findall(r"[a-z]+", re.sub(r"\\.|\[[^\]]*\]|s\?$", " ", alt.lower()))
                    needle = max(words, key=len, default="")
                    entries.append(Entry(f"{rel}:{node.lineno}", alt, pattern, needle))
    return entries


def count_articles(entries: Sequence[Entry],
                   corpora: dict[str, Sequence[str]]) -> list[dict[str, int]]:
    """For each entry, the number of distinct articles of each corpus it matches."""
    lowered = {name: [(text, text.lower()) for text in texts] for name, texts in corpora.items()}
    return [{name: sum(1 for text, low in pairs
                       if entry.needle in low and entry.pattern.search(text))
             for name, pairs in lowered.items()} for entry in entries]


def flag(counts: dict[str, int]) -> str:
    """``fitted?``: one article of seeds + dev and none of test or LGL; ``dead``: none at all."""
    if not any(counts.values()):
        return "dead"
    if (counts.get("seeds", 0) + counts.get("dev", 0) == 1 and not counts.get("test", 0)
            and not counts.get("lgl", 0)):
        return "fitted?"
    return ""


def load_corpora(lgl: Path | None) -> dict[str, list[str]]:
    """The texts (title and body) of the seeds, dev, test and LGL articles."""
    from news.articles import load_articles
    from news.evaluation import split_paths

    corpora: dict[str, list[str]] = {}
    for split in ("seeds", "dev", "test"):
        folder, _ = split_paths(split)
        articles, _errors = load_articles(folder)
        corpora[split] = [f"{a.title}\n{a.text}" for a in articles]
    corpora["lgl"] = []
    if lgl is not None and lgl.exists():
        from bench.lgl import load_lgl
        corpora["lgl"] = [a.text for a in load_lgl(lgl)]
    return corpora


def all_entries() -> list[Entry]:
    """The lexicon's entries first, then the regex alternatives of geo/ and news/."""
    from geo import _lexicon

    files = sorted(p for d in ("geo", "news") for p in (REPO / d).glob("*.py")
                   if p.name != "_lexicon.py")
    return lexicon_entries(_lexicon) + code_entries(files)


def _list_name(source: str) -> str:
    """A lexicon list's name, or the file of a code regex (its totals are per file)."""
    return source if source.startswith("geo/_lexicon.py") else source.rsplit(":", 1)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="print a row per entry too")
    parser.add_argument("--lgl", type=Path, default=None, help="lgl.xml (default: as bench/lgl.py)")
    args = parser.parse_args(argv)
    lgl = args.lgl
    if lgl is None:
        from bench.lgl import LGL_CANDIDATES
        lgl = next((p for p in LGL_CANDIDATES if p.exists()), None)
    corpora = load_corpora(lgl)
    entries = all_entries()
    counts = count_articles(entries, corpora)
    sizes = "  ".join(f"{k} {len(v)}" for k, v in corpora.items())
    print(f"articles: {sizes}   entries: {len(entries)}")

    head = f"{'entry':<44} {'seeds':>5} {'dev':>5} {'test':>5} {'lgl':>5}  flag"
    def row(e: Entry, c: dict[str, int]) -> str:
        return (f"{e.literal[:44]:<44} {c['seeds']:>5} {c['dev']:>5} {c['test']:>5} "
                f"{c['lgl']:>5}  {flag(c)}")

    totals: dict[str, list[int]] = {}
    for e, c in zip(entries, counts, strict=True):
        n = sum(c.values())
        t = totals.setdefault(_list_name(e.source), [0, 0, 0, 0])
        t[0] += 1
        t[1 if n >= 2 else 2 if n == 1 else 3] += 1
    print(f"\n== totals per list (articles over all corpora) ==\n"
          f"{'list':<44} {'entries':>7} {'>=2':>5} {'one':>5} {'zero':>5}")
    for name, (n, many, one, zero) in totals.items():
        print(f"{name:<44} {n:>7} {many:>5} {one:>5} {zero:>5}")
    grand = [sum(t[i] for t in totals.values()) for i in range(4)]
    print(f"{'all':<44} {grand[0]:>7} {grand[1]:>5} {grand[2]:>5} {grand[3]:>5}")

    for title, want in (("fitted? (one seeds+dev article, no test or LGL article)", "fitted?"),
                        ("dead (no article anywhere)", "dead")):
        print(f"\n== {title} ==\n{'source':<40} {head}")
        for e, c in zip(entries, counts, strict=True):
            if flag(c) == want:
                print(f"{e.source[:40]:<40} {row(e, c)}")
    if args.all:
        print(f"\n== every entry ==\n{'source':<40} {head}")
        for e, c in zip(entries, counts, strict=True):
            print(f"{e.source[:40]:<40} {row(e, c)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
