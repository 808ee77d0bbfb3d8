"""The app's plain helpers: escaping, highlighting, grouping, word counts, add-article checks."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from ui import add, data
from ui.text import Span, highlight_html, md_escape, safe_http_url

EVIL = '<script>window.__pwned=1</script> <img src=x onerror="alert(1)"> [x](javascript:alert(1))'


def test_md_escape_leaves_no_markup():
    out = md_escape(EVIL + " :red[hi] $x^2$ **b** :smile:")
    # no Markdown/HTML special character is left unescaped
    assert not re.search(r"(?<!\\)[<>\[\]()*$:`_]", out.replace("\\\\", ""))
    # every special character is escaped, so Markdown shows the text as typed
    assert out.replace("\\", "") == (EVIL + " :red[hi] $x^2$ **b** :smile:")


def test_safe_http_url():
    assert safe_http_url("https://www.vocativ.com/414785/x/") == "https://www.vocativ.com/414785/x/"
    for bad in ("javascript:alert(1)", "JAVASCRIPT://x", "data:text/html,hi", "//evil.com",
                "http://", "", None, 'https://a.com/"onmouseover=1'):
        assert safe_http_url(bad) is None


def test_highlight_escapes_and_nests():
    text = "Travis County adopted <b>a policy</b>. " + EVIL
    ex = [Span(0, 38, "policy", "Policies"), Span(39, len(text), "quote", 'x" onclick="y')]
    mentions = [Span(0, 13, "mention", "Travis County, TX")]
    out = highlight_html(text, ex, mentions, target=5)
    assert "<script>" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in out
    assert 'title="x&quot; onclick=&quot;y"' in out
    assert out.index('class="excerpt policy target"') < out.index('class="mention"')
    assert 'id="passage"' in out
    # the text itself is intact once tags are removed
    import html
    import re
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text


def test_highlight_shows_every_category_of_an_excerpt():
    out = highlight_html("Raids and a policy.", [Span(0, 19, "enforcement policy")], [])
    assert "linear-gradient(180deg, #fde0dd 0% 50%, #deebf7 50% 100%)" in out
    # an unknown class from the data cannot inject a style
    out = highlight_html("x", [Span(0, 1, 'policy" style="x')], [])
    assert 'style="x' not in out


def test_highlight_cuts_mentions_at_excerpt_edges():
    text = "aaaa bbbb cccc"
    out = highlight_html(text, [Span(0, 6, "policy")], [Span(3, 9, "mention")])
    assert out.count('class="mention"') == 2


@dataclass(frozen=True)
class Ex:
    id: int
    article: str
    start: int
    end: int
    text: str
    categories: tuple[str, ...]
    jurisdictions: tuple[str, ...] = ("48453",)
    speaker: str | None = None
    figures: tuple = ()
    outlet: str = "Vocativ"
    title: str = "T"
    published: str = "2017-03-24"


def test_group_and_csv():
    items = [Ex(1, "a", 0, 5, "one", ("policy",)), Ex(2, "a", 6, 9, 'two, "q"',
                                                       ("quote", "enforcement"), speaker="Austin",
                                                       figures=({"text": "51 people"},))]
    groups = data.group_excerpts(items)
    assert [len(groups[c]) for c in data.CATEGORIES] == [1, 1, 1]
    assert list(data.group_excerpts(items, ["quote"])) == ["quote"]
    rows = list(csv.reader(io.StringIO(data.excerpts_csv(items))))
    assert rows[0][0] == "excerpt" and len(rows) == 3
    assert rows[2][-1] == 'two, "q"' and rows[2][7] == "51 people"


@dataclass(frozen=True)
class J:
    id: str
    name: str
    display_name: str
    kind: str
    state: str | None
    parents: tuple[str, ...] = ()
    members: tuple[str, ...] = field(default_factory=tuple)


def test_parent_line_and_related():
    tx = J("48", "Texas", "Texas", "state", "48")
    travis = J("48453", "Travis County", "Travis County, TX", "county", "48", ("48",))
    austin = J("4805000", "Austin", "Austin, TX", "place", "48", ("48453", "48"))
    lookup = {j.id: j for j in (tx, travis, austin)}
    assert data.parent_line(austin, lookup) == "Austin, TX — in Travis County"
    assert data.parent_line(travis, lookup) == "Travis County, TX — in Texas"
    rel = data.related_jurisdictions(travis, [tx, travis, austin], lookup)
    assert [(r.id, r.relation) for r in rel] == [("48", "contains it"), ("4805000", "inside it")]
    rel = data.related_jurisdictions(austin, [tx, travis, austin], lookup)
    assert {r.id for r in rel} == {"48", "48453"}


@dataclass(frozen=True)
class A:
    id: str
    outlet: str
    text: str


def test_word_choices_are_counted_per_outlet():
    rows = data.word_choice_counts([
        A("1", "Infowars", "Illegal immigrants and illegal immigrant crime; raids."),
        A("2", "Vocativ", "undocumented immigrants, immigrants living in the U.S. illegally"),
    ])
    got = {(r["term"], r["outlet"]): r["count"] for r in rows}
    assert got[("illegal immigrant(s)", "Infowars")] == 2
    assert got[("illegal immigrant(s)", "Vocativ")] == 0
    assert got[("undocumented immigrant(s)", "Vocativ")] == 1
    assert got[("immigrants living in the U.S. illegally", "Vocativ")] == 1
    assert got[("raid(s)", "Infowars")] == 1


def test_diff_text():
    assert data.diff_text([("equal", ["We", "had"]), ("delete", ["a"]), ("insert", ["the"]),
                           ("equal", "briefing")]) == "We had [-a-] {+the+} briefing"


def test_add_checks_refuse_bad_input():
    ok = add.Draft("T", "Outlet", "2017-03", "https://x.org/a", "Travis County, Texas.")
    assert add.check_draft(ok) == []
    assert any("empty" in p for p in add.check_draft(ok.__class__(**{**ok.__dict__, "text": " "})))
    assert any("outlet" in p for p in add.check_draft(ok.__class__(**{**ok.__dict__,
                                                                       "outlet": ""})))
    assert add.check_draft(ok.__class__(**{**ok.__dict__, "url": "javascript:alert(1)"}))
    assert add.check_draft(ok.__class__(**{**ok.__dict__, "published": "March 2017"}))
    assert add.check_draft(ok.__class__(**{**ok.__dict__, "published": "2017-02-30"}))
    text, problem = add.decode_upload(b"x" * (add.MAX_BYTES + 1), "big.txt", "")
    assert text is None and "MB" in problem
    text, problem = add.decode_upload(b"\xff\xfe\x00bad", "bad.txt", "")
    assert text is None and "UTF-8" in problem
    assert add.decode_upload("héllo".encode(), "a.md", "ignored") == ("héllo", None)
    assert add.decode_upload(None, "", "pasted") == ("pasted", None)


def test_excerpt_card_says_when_a_link_is_by_context():
    from ui.views import link_note

    @dataclass
    class Linked:
        links: tuple = (("55025", "institution"), ("55", "named"))

    assert link_note(Linked(), "55025").startswith("Linked by context: an institution")
    assert "0.70" in link_note(Linked(), "55025")
    assert link_note(Linked(), "55") == ""  # named in the sentence
    assert link_note(Linked(), None) == ""


def test_choices_search_every_word_in_display_order():
    from ui.data import Choices

    c = Choices(("a", "b", "c", "d"), {"a": "Travis County, TX", "b": "Austin, TX",
                                       "c": "Travis Heights, TX", "d": "Dane County, WI"})
    assert c.search("", 2) == ["a", "b"]
    assert c.search("travis", 10) == ["a", "c"]
    assert c.search("TX county", 10) == ["a"]
    assert c.search("tx", 2) == ["a", "b"] and c.count("tx") == 3
    assert c.search("nowhere", 10) == [] and "d" in c and "x" not in c
    assert c.label("d") == "Dane County, WI" and c.label("x") == "x"


def test_counted_is_singular_for_one_only():
    from ui.text import counted

    assert counted(1, "excerpt") == "1 excerpt"
    assert counted(0, "excerpt") == "0 excerpts"
    assert counted(2, "policy", "policies") == "2 policies"
    assert counted(1, "policy", "policies") == "1 policy"
    assert counted(1204, "mention") == "1,204 mentions"
