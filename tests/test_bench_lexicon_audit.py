"""bench/lexicon_audit.py: entries from a lexicon and from code, counted on a tiny corpus."""

from __future__ import annotations

import types
from pathlib import Path

from bench.lexicon_audit import (
    code_entries,
    count_articles,
    flag,
    group_alternatives,
    lexicon_entries,
    split_top_level,
)

CORPORA = {
    "seeds": ["The sheriff said ICE agents raided a farm.", "Deputies were rounded up."],
    "dev": ["A sheriff and a Sheriff's deputy.", "The council voted; agents left."],
    "test": ["Nothing here but the Mayor."],
    "lgl": ["The mayor of Springfield spoke.", "A sheriffs' meeting."],
}


def _lexicon() -> types.ModuleType:
    lex = types.ModuleType("fake_lexicon")
    lex.TITLES = frozenset({"Sheriff", "sheriff", "Mayor", "Ambassador"})  # type: ignore[attr-defined]
    lex.ROLES = {"council": "body"}  # type: ignore[attr-defined]
    lex.TERMS = (r"raid\w*", r"agents?|rounded up")  # type: ignore[attr-defined]
    lex.NOT_A_LIST = 3  # type: ignore[attr-defined]
    lex._private = ("sheriff",)  # type: ignore[attr-defined]
    return lex


def test_lexicon_entries_dedupe_case_and_split_stems() -> None:
    entries = lexicon_entries(_lexicon(), source="lex.py")
    by = {(e.source, e.literal.lower()) for e in entries}
    assert by == {("lex.py:TITLES", "ambassador"), ("lex.py:TITLES", "mayor"),
                  ("lex.py:TITLES", "sheriff"), ("lex.py:ROLES", "council"),
                  ("lex.py:TERMS", r"raid\w*"), ("lex.py:TERMS", "agents?"),
                  ("lex.py:TERMS", "rounded up")}


def test_counts_are_distinct_articles_word_bounded_case_insensitive() -> None:
    entries = {e.literal.lower(): e for e in lexicon_entries(_lexicon(), source="lex.py")}
    names = ["sheriff", "mayor", "ambassador", "council", r"raid\w*", "agents?", "rounded up"]
    counts = dict(zip(names, count_articles([entries[n] for n in names], CORPORA), strict=True))
    # "sheriff" twice in one dev article counts once; "sheriffs'" is not the word "sheriff"
    assert counts["sheriff"] == {"seeds": 1, "dev": 1, "test": 0, "lgl": 0}
    assert counts["mayor"] == {"seeds": 0, "dev": 0, "test": 1, "lgl": 1}
    assert counts["agents?"] == {"seeds": 1, "dev": 1, "test": 0, "lgl": 0}
    assert flag(counts["council"]) == "fitted?"
    assert flag(counts[r"raid\w*"]) == "fitted?"
    assert flag(counts["rounded up"]) == "fitted?"
    assert flag(counts["ambassador"]) == "dead"
    assert flag(counts["sheriff"]) == ""  # two articles of seeds + dev
    assert flag(counts["mayor"]) == ""  # test and LGL


def test_regex_alternatives_are_split_conservatively() -> None:
    assert split_top_level(r"a(?:b|c)|d") == ["a(?:b|c)", "d"]
    assert split_top_level(r"(?:b|c") == [r"(?:b|c"]  # a fragment: left whole
    assert split_top_level(r"[|]x|y") == ["[|]x", "y"]
    assert group_alternatives(r"\b(?:said|told)\s(?:him|her)") == ["said", "told", "him", "her"]


def test_code_entries_keep_only_words(tmp_path: Path) -> None:
    src = tmp_path / "mod.py"
    src.write_text(
        "import re\n"
        "A = re.compile(r'\\b(?:said|told|\\d+|x)\\b')\n"
        "B = re.search(rf'(?:{X})(?:rounded[ \\t]+up|deputies?)', t)\n"
        "C = re.compile(PATTERN)\n",
        encoding="utf-8",
    )
    entries = code_entries([src], root=tmp_path)
    assert [(e.source, e.literal) for e in entries] == [
        ("mod.py:2", "said"), ("mod.py:2", "told"),
        ("mod.py:3", "rounded[ \\t]+up"), ("mod.py:3", "deputies?"),
    ]
    counts = count_articles(entries, CORPORA)
    assert counts[2] == {"seeds": 1, "dev": 0, "test": 0, "lgl": 0}
    assert counts[3] == {"seeds": 1, "dev": 0, "test": 0, "lgl": 0}
