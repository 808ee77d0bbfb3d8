"""Direct quotes and who said them.

Quotes are found per paragraph (straight and curly marks; a quote left open at the end of a
paragraph continues when the next paragraph opens with a quote mark, the newspaper convention for
multi-paragraph quotes). A quoted phrase is speech, not a scare quote, when it is long or when
a reporting verb is in its sentence. A broadcast transcript's turn ("SALLY HERNANDEZ: ...") is its
speaker's speech, unless the speaker is the host or a reporter.

Speakers are kept as written ("U.S. Magistrate Judge Andrew Austin", "Judge Austin", "ICE").
Only anaphoric speakers are resolved, against the article read in order: "he"/"she" to the last
named person, "the statement" to the last source of a statement, "the judge" to the last named
person whose name carries that title. A resolved speaker points at the antecedent's span.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from geo import _lexicon as lex
from geo.text import (
    INITIALS,
    PERSON_NAME,
    TITLE,
    TITLED_NAME,
    Sentence,
    alternation,
    single_quoted,
    split_sentences,
)

VERBS = alternation(lex.REPORTING_VERBS)
# A capitalised word of a name: initials ("A.J."), an abbreviated title, a middle initial before
# the rest of the name ("Ricardo A. Samaniego", "Tony H. Pham"), a word.
_CAP = (rf"(?:[A-Z]\.(?:[A-Z]\.)+|(?:{alternation(lex.NAME_DOT_WORDS)})\.|"
        r"[A-Z]\.(?=[ \t]+[A-Z][a-z])|[A-Z][\w\u2019'\-]*)")
# Between its words, a connector or a particle of one or two words ("Ana de la Cruz").
_CONNECTOR = rf"(?:{alternation(lex.NAME_PARTICLES | lex.NAME_CONNECTORS)})"
NAME = rf"{_CAP}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_CAP})*"


def _undotted(words: frozenset[str]) -> str:
    # Role words end on a word boundary; "rep." and the like are titles, read elsewhere.
    return alternation(w for w in words if "." not in w)


# A role word may be plural: "the commissioners", "ICE agents", "council members".
PERSON_ROLES = rf"(?:{_undotted(lex.LOWER_TITLES | lex.SPEAKER_PLURALS)})(?:e?s)?"
_ROLE_WORDS = (lex.LOWER_TITLES | lex.SPEAKER_DOCUMENTS | lex.SPEAKER_BODIES | lex.SPEAKER_PLURALS
               | frozenset(lex.PERSON_NOUNS))
ROLES = (
    rf"(?:{_undotted(_ROLE_WORDS)})"
    r"(?:e?s)?"
)
# "the agency", "a sheriff's spokesperson", "the council members"
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
DESC = (
    rf"{_DETERMINER}[ \t]+"
    r"(?:[\w\-]+(?:['\u2019]s)?[ \t]+){0,4}?"
    rf"(?i:{ROLES})\b"  # "the Sheriff's Office" as "the sheriff's office"
)
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)"
# "officials said", "county officials said": a group without a determiner.
_NOT_QUALIFIER = r"(?:and|or|but|of|to|in|that|the|a|an|as|at|by|for|with|from)\b"
# (the qualifying word is entered at a word's start, or one letter into a word that opens on
# one of those: from further inside a word the match was found a letter before, so a pattern
# opening on a group is not tried at every letter)
GROUP = (
    rf"(?:(?:(?<![a-z])|(?<=(?={_NOT_QUALIFIER})[a-z]))(?!{_NOT_QUALIFIER})[a-z][\w\-]*[ \t]+)?"
    rf"(?:{alternation(lex.SPEAKER_PLURALS)}|(?:{_undotted(lex.LOWER_TITLES)})s)\b"
)
# "ICE spokesman James Schwab", "ICE officials": an organisation, a role and maybe a name.
# "ICE regional spokesman Tom Berg", "Latino Lakeview executive director Ann Ruiz": a role may
# be qualified (ROLE_MODIFIERS) and be two role words, before the name.
_ROLE_RUN = (rf"(?:(?:{alternation(lex.ROLE_MODIFIERS)})[ \t]+){{0,2}}"
             rf"{PERSON_ROLES}\b(?:[ \t]+{PERSON_ROLES}\b)?")
NAME_ROLE = rf"{NAME}(?:[ \t]+{_ROLE_RUN}(?:[ \t]+{NAME})?)?"
# "Bonta's office", "Ruiz's spokeswoman": speaking for a named person.
# Not when a full name follows the role: "the Police Department's deputy chief Ann Ruiz" is Ruiz
# (NAME_ROLE), not the department's deputy.
NAME_OFFICE = (rf"{NAME}['\u2019]s[ \t]+(?:{ROLES})\b"
               rf"(?![ \t]+(?:{_ROLE_RUN}[ \t]+)?[A-Z][a-z]+[ \t]+[A-Z][a-z])")
_NAME_OFFICE = re.compile(NAME_OFFICE)
SPEAKER = rf"(?:{DESC}|{NAME_OFFICE}|{NAME_ROLE}|{PRONOUN}|{GROUP})"
# What may stand between a speaker and the verb: "(D)", ", R-Denison,", ", herself an immigrant,".
APPOSITIVE = r"(?:[ \t]*\([^()\"\u201c\u201d]{1,30}\))?(?:,[^,\"\u201c\u201d]{1,80}){0,2},?"

# A speaker's age before the name: "11-year-old Ann Ruiz", "a 34-year-old farmworker, Ann Ruiz"
# (a descriptor, not part of the name; with it the name was read as no speaker at all)
_AGE = r"(?:(?:an?|the)[ \t]+)?\d{1,3}[-\u2010\u2011]year[-\u2010\u2011]old[ \t]+(?:[a-z][\w\-]*,?[ \t]+)?"
# (the verb may be capitalised: '"...," Said Ruiz.' is set as a sentence of its own by some
# papers; without it, "Said Ruiz" was read as a two-word name with no verb, and no speaker)
_POST_VERB_FIRST = re.compile(
    rf"^[\s,]*(?:[-\u2014\u2013]\s*)?(?P<verb>(?i:{VERBS}))\s+(?:{_AGE})?(?P<spk>{SPEAKER})"
)
# '"...," said board member, Ann Ruiz.': the role first, a comma, then the name closing the
# sentence (the role alone, or nothing, was read as the speaker). The role ends on a lower-case
# word, or the name opens on a known first name ('said Committee Member, Ann Ruiz'); not '"...,"
# said Tom Berg, Pike County Sheriff.', a name and then its office.
_POST_VERB_ROLE_NAME = re.compile(
    rf"^[\s,]*(?P<verb>{VERBS})[ \t]+(?:[\w\-]+[ \t]+){{0,3}}(?P<role>[\w\-]+),[ \t]+"
    # a first name and a surname at least ("said Sheriff Tom Berg, Republican." names no one)
    rf"(?=[A-Z][^ \t,.]*[ \t]+[A-Z])(?P<spk>{PERSON_NAME})"
    r"[ \t]*[.!?]?[ \t]*$"
)
# "of the Lake County Sheriff's Office", "from Sheriff Ann Ruiz": whose the speaker is
_OF_WHOM = rf"(?:[ \t]+(?:of|for|from|with|at)[ \t]+(?:the[ \t]+)?(?P<whom>{NAME}))?"
# "later", "quickly", "has", "would later": between a speaker and the verb
_AUXILIARY = r"(?:(?:also|later|then|has|have|had|would|will|\w+ly)\s+){0,2}"
# A lower-case word qualifying the title before a name: "state Sen. Ann Ruiz", "former Gov. Ann
# Ruiz", "then-Mayor Ann Ruiz" (the word is not part of the speaker's name)
_TITLE_QUALIFIER = rf"(?:[a-z][\w\-]*[ \t]+(?={TITLE}[ \t]))?"
# "of about 30 people" after a group: how many spoke ("the crowd of about 30 people yelled")
_HOW_MANY = (rf"(?:[ \t]+of[ \t]+(?:(?:{alternation(lex.APPROXIMATORS)})[ \t]+)?"
             r"\d[\d,]*[ \t]+[a-z]+)?")
_POST_SPK_FIRST = re.compile(
    rf"^[\s,]*(?:[-\u2014\u2013]\s*)?(?:{_AGE}|{_TITLE_QUALIFIER})(?P<spk>{SPEAKER}){_HOW_MANY}{_OF_WHOM}{APPOSITIVE}\s+{_AUXILIARY}"
    rf"(?P<verb>{VERBS}|was\s+quoted\s+as\s+saying)\b"
)
# '"..."\u2014Newark Mayor Ann Ruiz': a pull quote's source after a dash, and nothing else
_POST_DASH = re.compile(
    # (or a hyphen and a space: "- Rep. Ann Ruiz" on the line under the quote)
    r"^[ \t]*(?:\u2014|\u2013|--|-(?=[ \t]))"
    rf"[ \t]*(?P<spk>{NAME_ROLE})(?:,[^\"\u201c\u201d]{{1,80}})?[ \t]*\.?[ \t]*$"
)
# '"...," Ann Ruiz, general counsel for the association.': a person's name and role closing the
# sentence with no verb of saying (the quote ended on its comma, so what follows attributes it)
_POST_BARE = re.compile(
    rf"^[ \t]*(?P<spk>{PERSON_NAME}),[ \t]+(?:(?!{VERBS}\b)[^\"\u201c\u201d.!?;:])"
    rf"{{1,150}}[.!?]?[ \t]*$"
)
# '"...," according to Ruiz.': the source named after the quote
_POST_ACCORDING = re.compile(
    rf"^[\s,]*(?:[-\u2014\u2013]\s*)?[Aa]ccording[ \t]+to[ \t]+(?P<spk>{SPEAKER})"
    # "according to a statement from the Lake County Sheriff's Office": the source speaks
    rf"(?:[ \t]+(?:from|by|of)[ \t]+(?:the[ \t]+)?(?P<src>{NAME}))?"
)
_POST_READ = re.compile(
    r"^[\s,]*read\s+(?P<spk>(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}?"
    rf"(?:{alternation(lex.SPEAKER_DOCUMENTS)}))"
    rf"(?:\s+(?:from|by|of)\s+(?P<src>{NAME}|{DESC}))?"
)
# '"...," part of a statement from the ACLU of Colorado reads.': the document's source speaks
_POST_DOCUMENT = re.compile(
    r"^[\s,]*(?:(?:part|parts|an[ \t]+excerpt|excerpts)[ \t]+of[ \t]+)?(?:a|an|the)[ \t]+"
    rf"(?:[\w\-]+[ \t]+){{0,2}}?(?:{alternation(lex.SPEAKER_DOCUMENTS)})[ \t]+(?:from|by|of)[ \t]+"
    rf"(?:the[ \t]+)?(?P<src>{NAME})"
)
# '"...," Chief Ann Ruiz's message began.', '"...," the statement read.': a document speaks,
# for its source when it is written whose it is.
_DOCUMENT = rf"(?:[\w\-]+[ \t]+){{0,2}}?(?:{alternation(lex.SPEAKER_DOCUMENTS)})"
_POST_OWNED = re.compile(
    # ('"...," the ACLU's complaint said.': a determiner before the owner)
    rf"^[\s,]*(?:(?:[Tt]he[ \t]+)?(?P<src>{NAME})['\u2019]s[ \t]+{_DOCUMENT}"
    rf"|(?P<spk>{_DETERMINER}[ \t]+{_DOCUMENT}))"
    rf"[ \t]+(?:{alternation(lex.DOCUMENT_VERBS)})\b"
)
# "Ann Ruiz with Lakeview Cares said", "Sheriff Tom Berg in Lake County, Ind., says": whose or
# where the speaker is, between the speaker and the verb (the speaker is the one before it);
# "Rep. Ann Ruiz of Ohio's 9th District, said": a part of the place named after its possessive,
# closing on a capital (the speaker was read as "District"); not "a lawyer in Ruiz's office", a
# person's office
_WHOSE = (rf"(?:[ \t]+(?:in|of|for|from|with|at)[ \t]+(?:the[ \t]+)?(?P<whose>{NAME})"
          r"(?:['\u2019]s(?:[ \t]+[\w\-]+){0,2}?[ \t]+[A-Z][a-z][\w\-]*)?)?")
# A time phrase between a subject and its verb: "ICE last month told", "CBP on Tuesday said".
_WHEN = (rf"(?:(?:{alternation(lex.TIME_SHIFTERS)})[ \t]+(?:{alternation(lex.TIME_UNITS | lex.CALENDAR)})"
         rf"|on[ \t]+(?:{alternation(lex.CALENDAR)}))[ \t]+")
# (the verb perhaps in a perfect tense, as in _REPORTING: "Adams has said the plan would ...")
_PRE = re.compile(
    rf"(?P<spk>{SPEAKER}){_WHOSE}{APPOSITIVE}\s*(?:{_WHEN})?(?:\w+ly\s+|also\s+)?"
    rf"(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?P<verb>{VERBS})\b[^\"\u201c\u201d]*$"
)
# The sentence's subject when the reporting verb is coordinated or a participle: "X called the
# law ... and said:", "X appeared on television and said, ...", "X wrote to Y, urging him to
# act, writing, ..."; not a relative clause's ("X met Y, who said, ...").
# A naming verb, its object and maybe an article, right before the quote: 'called President
# Tom Berg a "bully"', 'calling it a "total victory"' (not passive: "a program called ...",
# "is called ..."; not "so-called")
_NAMING = (rf"(?<![\w\-])(?<!is )(?<!was )(?<!are )(?<!were )(?<!be )(?<!been )"
           rf"(?:{alternation(lex.NAMING_VERBS)})[ \t]+"
           r"(?:it|them|him|her|this|that|(?:the|his|her|their|its)[ \t]+[\w\-]+(?:[ \t]+[\w\-]+)?"
           r"|(?:[A-Z][\w.\-\u2019']*[ \t]+){0,3}[A-Z][\w.\-\u2019']*)(?:[ \t]+(?:an?|the))?")
_NAMED_AS = re.compile(rf"{_NAMING}[ \t]*[\"\u201c\u2018']$")  # (single marks too: wire style)
# (the subject may close on the comma of an appositive: "Ann Ruiz, a lawyer for the county, has
# voiced opposition to the bill, calling it ...")
# (and the verb may be a document's, its source the subject, the quote marked as an excerpt:
# "Ruiz released a statement reading in part, ...", "Ruiz issued a letter that read: ...")
_SUBJECT_THEN_VERB = re.compile(
    rf"^(?P<spk>{DESC}|{NAME_ROLE}),?\s(?:(?!\b(?:who|which)\b).)*"
    rf"(?:\b(?:{VERBS}|{alternation(lex.REPORTING_PARTICIPLES | lex.DOCUMENT_PARTICIPLES)})"
    rf"(?:\s+(?:{alternation(lex.EXCERPT_MARKERS)}))?\s*[:,]?|{_NAMING})\s*$", re.S
)


def named_as(text: str, sentence_start: int, qstart: int) -> bool:
    """Whether a quote is what its sentence's subject calls something ('called it a "..."').

    Parameters
    ----------
    text : str
        Article body.
    sentence_start : int
        Start of the quote's sentence.
    qstart : int
        Start of the quote (inside its mark).
    """
    return _NAMED_AS.search(text, max(sentence_start, qstart - 120), qstart) is not None
_REPORTING = re.compile(
    rf"(?P<spk>{SPEAKER}){APPOSITIVE}\s*(?:{_WHEN})?(?:\w+ly\s+)?"
    rf"(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?P<verb>{VERBS})\b"
)
_ACCORDING = re.compile(
    rf"\b[Aa]ccording to (?P<spk>{DESC}|{NAME}(?:\s+(?:officials?|spokes\w+|agents?|officers?|"
    rf"sources?|data|records|figures))?|(?:an?|the)\s+[\w\-\s]{{3,60}}?)(?=[,.;]| who\b| from\b)"
)
# "Ann Ruiz, a spokeswoman for the county, released a statement": a role in apposition, opening
# on a determiner (so that "Gov. Tom Berg, Ann Ruiz, ..." is not read as Berg's)
_ROLE_APPOSITIVE = r"(?:,[ \t]+(?:a|an|the|its|his|her|their)[ \t]+[^,\"\u201c\u201d]{1,80},)?"
_STATEMENT_SOURCE = re.compile(
    rf"(?:\b[Ii]n an? (?:written |emailed )?statement,\s*(?P<a>{NAME})"
    rf"|(?P<b>{NAME}),\s*in an? (?:written |emailed )?statement,"
    rf"|\b(?:statement|response) (?:from|by) (?:the )?(?P<c>{NAME})"
    # "ICE released a statement", "Tuesday, ICE issued a written response"
    rf"|(?P<d>{NAME}){_ROLE_APPOSITIVE}[ \t]+(?:released|issued|sent|provided|put[ \t]+out|posted|gave)"
    r"[ \t]+an?[ \t]+"
    r"(?:[\w\-]+[ \t]+){0,2}?(?:statement|response)"
    # "the Lake County Sheriff's Office said in a statement", "ICE told reporters Tuesday in a
    # statement": a later "the statement" is theirs
    rf"|(?P<e>{NAME}){_ROLE_APPOSITIVE}[ \t]+(?:{VERBS})(?:[ \t]+[\w\-]+){{0,2}}?[ \t]+in[ \t]+an?[ \t]+"
    r"(?:[\w\-]+[ \t]+)?(?:statement|response))"
)
# A titled name with the capitalised words before it: "U.S. Magistrate Judge Andrew Austin".
# The name opens with neither a title nor a place word, so that a title-like word inside a
# place's name is not the title: "King County Sheriff John Urquhart" is Sheriff John Urquhart,
# not "King" "County Sheriff John".
# (every match opens on a capital: the lookahead passes over other positions before the
# repetition is entered, twice as fast)
_TITLED_FULL = re.compile(
    rf"(?=[A-Z])(?:{_CAP}[ \t]+)*?{TITLE}(?:[ \t]+{TITLE})*[ \t]+"
    rf"(?!(?:{alternation(lex.PLACE_WORDS | lex.TITLES)})(?![\w.])){TITLED_NAME}"
)
# How far from a quote its attribution is looked for (characters).
_WINDOW = 300
_TITLE_WORD = re.compile(rf"\b{TITLE}")
_TITLE_CANDIDATE = re.compile(r"\b[A-Z][\w.\-]*")  # a set lookup is cheaper than TITLE's regex
_VERB_WORD = re.compile(rf"\b(?:{VERBS})\b")
_SPEECH_HINT = re.compile(
    rf"\b(?:{VERBS}|{alternation(lex.REPORTING_PARTICIPLES)}|according to|read)\b", re.I
)
# A bare name's own verb, right after it: "Maribel said", "Maribel later told".
_BARE_NAME_VERB = re.compile(rf"[ \t]+(?:\w+ly[ \t]+)?(?:{alternation(lex.SPEECH_VERBS)})\b")
_STOP_NAMES = frozenset(
    "The A An In On At For But And Or So If When While As This That These Those It Its "
    "However Meanwhile Still Also Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


@dataclass(frozen=True)
class Quote:
    """A direct quote. ``text == body[start:end]`` (inside the marks, trailing comma dropped).

    Attributes
    ----------
    start, end : int
        Span of the quoted words.
    text : str
        The quoted words.
    speaker : str or None
        As written, or the antecedent of "he"/"the statement"; None when unknown.
    speaker_start, speaker_end : int or None
        Span of ``speaker`` in the body.
    continued : bool
        Part of a quote running over several paragraphs.
    """

    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    continued: bool = False


@dataclass(frozen=True)
class Speaker:
    """Who speaks in a sentence or quote, as written and where."""

    text: str
    start: int
    end: int


# A phrase set off by a pair of dashes: "Ann Ruiz \u2014 the Lake County sheriff \u2014 said".
_DASHED = re.compile(
    r"(?:[ \t]*\u2014[ \t]*|[ \t]+(?:\u2013|--)[ \t]+)"
    "(?P<x>[^\u2014\u2013\"\u201c\u201d\n]{1,80}?)"
    r"(?:[ \t]*\u2014[ \t]*|[ \t]+(?:\u2013|--)[ \t]+)"
)


_CLOSING_MARKS = frozenset("\"\u201d\u2019'")
# What a dateline's dash follows: "LAKE CITY, Fla.", "WASHINGTON (AP)".
_DATELINE = re.compile(
    r"[A-Z][A-Z .'\-]{1,40}(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?(?:[ \t]*\([\w ]+\))?[ \t]*"
)


# (the linker and the speech step both read the body this way: the second asks the cache)
@functools.lru_cache(maxsize=8)
def written_again(text: str, word: str) -> bool:
    """Tell whether ``word`` stands in ``text`` more than once, as a whole word.

    A name written again ("Ann Ruiz ... Ruiz said") is one the article goes on with.
    """
    found = re.finditer(rf"\b{re.escape(word)}\b", text)
    return next(found, None) is not None and next(found, None) is not None


# (a body is read so by the speakers' step and again by the linker's)
@functools.lru_cache(maxsize=8)
def commas_for_dashes(text: str) -> str:
    """Write each phrase set off by a pair of dashes as one set off by commas, offsets kept.

    "Ann Ruiz \u2014 the Lake County sheriff \u2014 said" reads as "Ann Ruiz,   the Lake County
    sheriff,   said": an appositive either way, and the attribution patterns read commas.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        Of the same length as ``text``.
    """
    if "\u2014" not in text and "\u2013" not in text and "--" not in text:
        return text

    out, pos, done = [], 0, 0
    while (m := _DASHED.search(text, pos)) is not None:
        line = text.rfind("\n", 0, m.start()) + 1
        if _DATELINE.fullmatch(text, line, m.start()):
            pos = m.start("x")  # "LAKE CITY, Fla. \u2014 Ann Ruiz \u2014 the sheriff \u2014 said"
            continue
        if text[line : m.start()].rstrip()[-1:] in _CLOSING_MARKS:
            # '"..."\u2014Ann Ruiz \u2014 the mayor \u2014': the dash after a pull quote names its
            # source and opens no pair; the appositive after the name may
            pos = m.start("x")
            continue
        ls, le, rs, re_ = m.start(), m.start("x"), m.end("x"), m.end()
        out += [text[done:ls], ",", " " * (le - ls - 1), m.group("x"), ",", " " * (re_ - rs - 1)]
        pos = done = re_
    return "".join(out) + text[done:] if out else text


# A speaker's turn in a broadcast transcript: "SALLY HERNANDEZ: The public must ...", "BURNETT:
# With this action ...", "JOHN BURNETT, BYLINE: Starting next week ...".
# An interview printed with surnames ("Wu: No. We are not ..."): a surname in mixed case.
_TURN = re.compile(
    r"(?P<name>[A-Z][A-Z'\u2019\-]+(?:[ \t]+[A-Z][A-Z.'\u2019\-]*){0,3}"
    rf"|{alternation(lex.INTERVIEW_LABELS)}"
    # "Alisyn Camerota:", "Mayor Bill de Blasio:": a full name in mixed case, a particle allowed
    rf"|[A-Z][a-z][\w.'\u2019\-]*(?:[ \t]+(?:(?:{alternation(lex.NAME_PARTICLES)})[ \t]+)?"
    r"[A-Z][a-z][\w'\u2019\-]*){1,3}"
    r"|[A-Z][a-z][\w'\u2019\-]*)"
    r"(?:,[ \t]*(?P<role>[A-Z][A-Z .\-]{1,30}))?:[ \t]+(?=\S)"
)


def transcript_turns(text: str, paragraphs: list[tuple[int, int]]) -> dict[int, int]:
    """Find the paragraphs that are a speaker's turn in a broadcast transcript.

    A turn opens with its speaker's name in capitals and a colon. It is speech when the name is
    a person's (a known first name, or a surname the article writes in prose too) and not one
    of the transcript's own voices, the host and the reporters (``lex.TRANSCRIPT_NARRATORS``),
    whose later turns are written with their surname alone ("BURNETT:").

    An interview printed as questions and answers is read the same way: an answer ("A: ...")
    after a question ("Q: ...") is the speech of the one interviewed.

    Parameters
    ----------
    text : str
        Article body.
    paragraphs : list of (int, int)
        Paragraph spans.

    Returns
    -------
    dict of int to int
        Paragraph start -> where the turn's words begin (past the name and colon), for the
        turns that are speech.
    """
    out: dict[int, int] = {}
    speakers: set[str] = set()
    titles: set[str] = set()  # titles of those who took a turn by full name ("Mayor")
    narrators: set[str] = set()
    prose: dict[str, bool] = {}  # surname -> written in prose (one scan a name)
    full: dict[str, bool] = {}  # surname -> written after a first name or a title
    asked = False
    for ps, pe in paragraphs:
        if not text[ps : ps + 1].isupper() or ":" not in text[ps : min(pe, ps + 60)]:
            continue
        m = _TURN.match(text, ps, pe)
        if m is None:
            continue
        words = m.group("name").split()
        surname = words[-1]
        label = lex.INTERVIEW_LABELS.get(m.group("name"))
        if label is not None:
            asked = asked or label == "question"
            if label == "answer" and asked:
                out[ps] = m.end()
            continue
        if not surname.isupper():
            if len(words) > 1:
                # "Alisyn Camerota: So, ...", "Mayor Bill de Blasio: ...": a turn headed by a full
                # name in mixed case, when the article writes the surname again (a later turn
                # "Camerota:", the prose), and the name is a person's: a title or a known first
                # name first, or the surname heading a turn alone (not "Editor's Note:", "The
                # Great Depression:")
                if surname not in prose:
                    prose[surname] = written_again(text, surname) and (
                        words[0] in lex.TITLES or words[0] in lex.FIRST_NAMES
                        or re.search(rf"(?m)^{re.escape(surname)}:", text) is not None)
                if prose[surname]:
                    speakers.add(surname)
                    titles.update(w for w in words[:-1] if w in lex.TITLES)
                    out[ps] = m.end()
                continue
            # "Wu: No. ...": an interview's answer, when the article names "Sheriff Lee Wu" (a
            # first name or a title before the surname); "Mayor:", the title of one who took a
            # turn by full name; not "Note:" or "Update:"
            if surname not in full:
                full[surname] = _full_name_of(text, surname)  # one scan a name
            if full[surname] or surname in speakers or surname in titles:
                out[ps] = m.end()
            continue
        # "SHERIFF ANN RUIZ:": the name after the titles
        first = next((w for w in words[:-1] if w.title() not in lex.TITLES), surname)
        if m.group("role") and m.group("role").strip() in lex.TRANSCRIPT_NARRATORS:
            narrators.add(surname)
        elif len(words) == 1:
            # (or, after a question, "RUIZ: We will ...": the one interviewed, written "Mayor
            # Ruiz" in prose)
            if asked and surname not in speakers and (written := surname.title()) not in full:
                full[written] = _full_name_of(text, written)  # one scan a name
            if surname not in narrators and (
                    surname in speakers or (asked and full.get(surname.title(), False))):
                out[ps] = m.end()
        else:
            if first.title() not in lex.FIRST_NAMES and surname not in prose:
                prose[surname] = _named_in_prose(text, surname)  # one scan a name, truly
            if first.title() in lex.FIRST_NAMES or prose[surname]:
                speakers.add(surname)
                out[ps] = m.end()
    return out


def _full_name_of(text: str, surname: str) -> bool:
    """Whether the article writes the surname after a first name or a title ("Sheriff Lee Wu")."""
    for m in re.finditer(rf"\b(?P<w>[A-Z][\w.]*)[ \t]+{re.escape(surname)}\b", text):
        if m.group("w") in lex.FIRST_NAMES or m.group("w") in lex.TITLES:
            return True
    return False


def _named_in_prose(text: str, surname: str) -> bool:
    """Whether a name in capitals is written in prose too ("Sheriff Mara Okafor")."""
    return any(m.group()[:1].isupper() and not m.group().isupper()
               for m in re.finditer(rf"\b{re.escape(surname)}\b", text, re.I))


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Spans of quoted passages (inside the marks).

    Parameters
    ----------
    text : str
        Article body.
    paragraphs : list of (int, int)
        Paragraph spans (see :func:`geo.text.paragraphs`).

    Returns
    -------
    list of (int, int, bool)
        ``(start, end, continued)``; ``continued`` when the quote runs on over paragraphs.
    """
    out: list[tuple[int, int, bool]] = []
    carry = False
    turns = transcript_turns(text, paragraphs)
    for n, (ps, pe) in enumerate(paragraphs):
        if ps in turns:
            # A transcript's turn is its speaker's words, one quote a sentence, so that each
            # sentence carries its quote: "SALLY HERNANDEZ: The public must ... Our jail ..."
            sentences = split_sentences(text[:pe], [(turns[ps], pe)])
            out.extend((st.start, st.end, False) for st in sentences)
            carry = False
            continue
        open_at: int | None = None
        continued = carry
        carry = False
        marks = False
        nested = _nested_quotes(text, ps, pe)
        if nested:
            # '“... voting “Aye” and ... appeal.”': a quote quoting others in the same
            # curly marks, balanced in its paragraph; the outer quote is the speech
            out.extend((s, e, continued and k == 0) for k, (s, e) in enumerate(nested))
            continue
        for mark in _DOUBLE_MARK.finditer(text, ps, pe):  # the marks only, not every character
            i = mark.start()
            ch = mark.group()
            if len(ch) == 2 and ch not in _OPENING and open_at is None:
                continue  # a pair of closing singles with none open: single-quote style
            marks = True
            if ch in _OPENING or (ch == '"' and open_at is None):
                open_at = mark.end()
            elif ch not in _OPENING and open_at is not None:
                out.append((open_at, i, continued))
                open_at = None
                continued = False
        if open_at is not None:
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            if nxt is not None and text[nxt] in "\"\u201c":
                out.append((open_at, pe, True))
                carry = True
            elif COLON_BEFORE.search(text, ps, open_at):
                # A quote a colon introduces ("The sheriff wrote: \u201cDetainers are ...") left
                # unclosed, the next paragraph not going on with it: it is the paragraph's rest.
                out.append((open_at, pe, continued))
        if not marks:
            # Single quote marks (British and some wire styles), only in paragraphs without
            # double ones; an apostrophe has a letter on both sides and is never a mark here.
            out.extend((s, e, False) for s, e in single_quoted(text, ps, pe))
    spans = []
    for s, e, c in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
            e -= 1
        if e > s:
            spans.append((s, e, c))
    return spans


def _nested_quotes(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """Return the outer quotes of a paragraph whose curly double marks nest, else ``[]``.

    Only when every double mark of the paragraph is a curly one, they balance, and one opens
    inside another (a quote quoting someone in the same marks): the outermost spans.
    """
    opened = text.count("\u201c", ps, pe)
    if opened < 2 or opened != text.count("\u201d", ps, pe) or '"' in text[ps:pe]:
        return []
    spans: list[tuple[int, int]] = []
    depth, deepest, start = 0, 0, 0
    for mark in _DOUBLE_MARK.finditer(text, ps, pe):
        ch = mark.group()
        if ch == "\u201c":
            if depth == 0:
                start = mark.end()
            depth += 1
            deepest = max(deepest, depth)
        elif ch == "\u201d":
            depth -= 1
            if depth < 0:
                return []
            if depth == 0:
                spans.append((start, mark.start()))
        else:
            return []  # typewriter pairs: not this style
    return spans if depth == 0 and deepest > 1 else []


# The opening mark of a quote right after a colon: 'wrote: \u201c', 'said: "'
COLON_BEFORE = re.compile(r":[ \t]*(?:\"|\u201c|``)\Z")
# Double marks, and the typewriter's pairs of single ones (``...'' and \u2018\u2018...\u2019\u2019), which
# some sites print for them: '\u201cWe will,\u2019\u2019 said Ruiz'.
_DOUBLE_MARK = re.compile("[\"\u201c\u201d]|''|\u2019\u2019|``|\u2018\u2018")
_OPENING = frozenset({"\u201c", "``", "\u2018\u2018"})


def is_speech(quote_text: str, sentence_text: str, has_verb: bool | None = None) -> bool:
    """Tell a direct quote from a scare quote or a name in quotes.

    Parameters
    ----------
    quote_text : str
        The quoted words.
    sentence_text : str
        The sentence around them.
    has_verb : bool, optional
        Whether the sentence has a reporting verb, if already known (saves a scan per quote).

    Returns
    -------
    bool
        True for six words or more, for a turn of a transcript (see :func:`find_quote_spans`),
        or for three or more (not all capitalised, which is a name) with a reporting verb in the
        sentence.
    """
    words = quote_text.split()
    if len(words) >= 6:
        return True
    turn = _TURN.match(sentence_text) if ":" in sentence_text[:60] else None
    if turn is not None and sentence_text.startswith(quote_text, turn.end()):
        return True  # a transcript's or an interview's turn, however short: "A: No."
    if len(words) < 3 or reads_as_name(words):
        return False  # a scare quote or a name in quotes: "sanctuary", "Operation Safe City."
    return has_speech_verb(sentence_text) if has_verb is None else has_verb


def reads_as_name(words: list[str]) -> bool:
    """Tell whether a quote's words are all capitalised (a name in quotes, not speech)."""
    return all(w[:1].isupper() for w in words)


def has_speech_verb(sentence_text: str) -> bool:
    """Tell whether a sentence has a reporting verb ("said", "according to", ...)."""
    return bool(_SPEECH_HINT.search(sentence_text))


_PREPOSITION_BEFORE = re.compile(
    # (a determiner may come between: "an interview with The Lakeview Voice, Ruiz said")
    # (and the owner of the body, by its kind: "Rabbi Ann Ruiz of the city's Congregation Beth
    # Israel said")
    r"\b(?:in|of|from|at|to|for|with|by|on|near|across|outside|inside|into|about)\s+"
    r"(?:(?:the|a|an)\s+)?(?:[a-z]+['\u2019]s\s+)?$", re.I
)


def _object_of_preposition(sentence_text: str, start: int) -> bool:
    """Whether a candidate speaker follows a preposition ("a judge in Texas claimed")."""
    return bool(_PREPOSITION_BEFORE.search(sentence_text[max(0, start - 30) : start]))


def _is_document(speaker: str) -> bool:
    """Whether a speaker phrase ends on a document ("a statement", "the sheriff's letter")."""
    return speaker.split()[-1].lower() in lex.SPEAKER_DOCUMENTS


def _is_name(s: str) -> bool:
    return bool(s) and s[0].isupper() and s.split()[0] not in _STOP_NAMES


def _is_plural(name: str) -> bool:
    """Tell whether a speaker is several people ("Ann Ruiz and Tom Berg", "ICE officials")."""
    words = name.split()
    if "and" in words[1:-1] and words[-1][:1].isupper():
        return True
    head = words[-1].lower()
    if head in lex.SPEAKER_PLURALS:
        return True
    return head.endswith("s") and (head[:-1] in lex.LOWER_TITLES or head[:-2] in lex.LOWER_TITLES)


_INITIALS = re.compile(INITIALS)


def _is_person(name: str) -> bool:
    """Tell whether a written name denotes a person rather than an organisation."""
    tokens = name.split()
    if _TITLE_WORD.search(name):
        return True
    # a first name written as initials is a word of a name ("C.J. Karamargin"), an acronym is not
    return len(tokens) >= 2 and all(t[:1].isupper() and (not t.isupper() or _INITIALS.fullmatch(t))
                                    for t in tokens[-2:])


@dataclass
class SpeakerContext:
    """What an article has said so far about who speaks; read in order, updated as it goes."""

    persons: list[Speaker] = field(default_factory=list)
    sources: list[Speaker] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    places: frozenset[int] = frozenset()  # where the geoparser found places: not people
    groups: list[Speaker] = field(default_factory=list)  # plural speakers: what "they" is
    bodies: list[Speaker] = field(default_factory=list)  # organisations: what "the agency" is
    mentioned: set[int] = field(default_factory=set)  # people named, not subjects (starts)
    actors: list[Speaker] = field(default_factory=list)  # names acting mid-sentence
    genders: dict[str, str] = field(default_factory=dict)  # surname -> "m"/"f", when told
    roles: dict[str, set[str]] = field(default_factory=dict)  # surname -> roles given in prose
    interviewee: Speaker | None = None  # who answers an interview's questions ("Q: ...")
    acting: list[Speaker] = field(default_factory=list)  # organisations a sentence is about
    described: dict[str, Speaker] = field(default_factory=dict)  # role -> last unnamed speaker
    unnamed: list[Speaker] = field(default_factory=list)  # "the woman said": people not named
    text: str = ""  # the article's text (where a bare name is written)

    def note(self, spk: Speaker) -> None:
        """Record a named speaker."""
        self.speakers.append(spk)
        if _is_plural(spk.text):
            self.groups.append(spk)
            return
        last = spk.text.split()[-1]
        if _is_person(spk.text) or any(p.text.split()[-1] == last for p in self.persons):
            self.persons.append(spk)  # "Diossa said" after "Mayor James Diossa": he again
        else:
            self.bodies.append(spk)

    def resolve(self, spk: Speaker) -> Speaker:
        """Resolve an anaphoric speaker; a named one is recorded and returned as written."""
        low = spk.text.lower()
        if re.fullmatch(PRONOUN, spk.text):
            if low in ("he", "she") and not self.persons and self.actors:
                # the name that acted, unless someone spoke after it ("Now, Maribel said, ...")
                later = self._spoke_since(self.actors[-1].start, spk.start, lex.GENDER_PRONOUNS[low])
                return later or self.actors[-1]
            if low in ("he", "she") and not self.persons:
                # no one named as a person yet: the last one who spoke by name ("..., Lopez
                # says, ..."), not an organisation nor a group
                spoke = [p for p in self.speakers if not _is_plural(p.text)
                         and not any(w.isupper() for w in p.text.split())]
                if spoke:
                    return spoke[-1]
                # no one named at all: the one written by a common noun ("the woman said, ...";
                # '"...," she said.'), of the pronoun's sex when the noun tells it
                sex = lex.GENDER_PRONOUNS[low]
                told = next((u for u in reversed(self.unnamed)
                             if lex.PERSON_NOUNS.get(u.text.split()[-1].lower(), "") in ("", sex)),
                            None)
                if told is not None:
                    return told
            if low in ("he", "she") and self.persons:
                # the last person who spoke or acted, not one only named on the way, and not
                # one the article has shown to be of the other sex ("In her report, ...")
                sex = lex.GENDER_PRONOUNS[low]
                # a pronoun points back: not at someone its own sentence names after it ("He
                # also took aim at Gov. Tom Berg, saying ...": not Berg)
                before = [p for p in self.persons if p.start <= spk.start] or self.persons
                pool = [p for p in before if self.genders.get(_surname(p.text), sex) == sex]
                pool = pool or before
                person = next((p for p in reversed(pool) if p.start not in self.mentioned),
                              pool[-1])
                later = self._spoke_since(person.start, spk.start, sex)
                if later is not None:
                    # "State Sen. Ann Ruiz backed it. ... As she drove home, the woman said,
                    # she saw a deputy. '...,' she said.": the one who spoke last, written by
                    # a common noun or one bare name ("Maribel said"), not the last full name
                    self.persons.append(Speaker(later.text, spk.start, spk.end))
                    return later
                # "He says his office has always ...": the person speaks again here, as if named
                # here (a quote paragraph after this one, with no attribution, is theirs)
                self.persons.append(Speaker(person.text, spk.start, spk.end))
                return person
            if low == "it" and (self.sources or self.bodies):
                return self._latest(self.sources + self.bodies)
            if low == "they" and self.groups:
                return self._latest(self.groups)
            return spk
        desc = re.fullmatch(DESC, spk.text) is not None
        if desc or re.fullmatch(GROUP, spk.text):
            words = low.split()
            head = words[-1]
            if head in lex.SPEAKER_DOCUMENTS:
                if self.sources:
                    return self.sources[-1]
                return self.speakers[-1] if self.speakers else spk
            if _is_plural(spk.text):
                # "the council members", "officials": the last group named with that head
                # ("City Council members Ann Ruiz and Tom Berg", "ICE officials").
                found = next((g for g in reversed(self.groups) if head in g.text.lower()), None)
                if found is None:
                    self.groups.append(spk)
                    return spk
                return found
            if head in lex.SPEAKER_AGENCIES and len(words) == 2 and (self.bodies or self.acting):
                # "the agency": the organisation that spoke last, one named with that word
                # first ("the department" after "the Lake County Sheriff's Department"); when
                # none spoke yet, the one last written acting ("ICE arrested 40 people")
                pool = self.bodies or self.acting
                named = [b for b in pool if head in b.text.lower()]
                return named[-1] if named else pool[-1]
            if head in lex.PERSON_NOUNS:
                self.unnamed.append(spk)  # "the woman said": someone, not named
                return spk
            if head not in lex.LOWER_TITLES and head != "ag":
                return spk  # "the county said": the body, not someone named with its name
            role = lex.TITLE_ROLES.get(words[-1].upper(), head) if head == "ag" else head
            # "the Fresno sheriff": the place written with the role; not one whose name is
            # written with another place's ("Tulare County Sheriff Tom Berg")
            qual = {w for w in spk.text.split()[1:-1] if w[:1].isupper()}
            for p in reversed(self.persons):
                # "the governor" is "Gov. Bruce Rauner"
                titles = " ".join(lex.TITLE_ROLES.get(w, w) for w in p.text.split()).lower()
                titles += " " + " ".join(self.roles.get(_surname(p.text), ()))
                if qual and not qual & set(p.text.split()) and _place_before_title(p.text):
                    continue
                if re.search(rf"\b{re.escape(role)}", titles):
                    self.persons.append(p)  # the one who just spoke: what "he" is next
                    self.mentioned.discard(p.start)
                    return p
            if words[0] in ("a", "an"):
                self.described[head] = spk  # "an ICE spokeswoman said": someone new, unnamed
            elif words[0] == "the" and len(words) == 2:
                # '"...," the spokeswoman added.': the one introduced before with that role
                # ("an ICE spokeswoman said"), when no one named holds it
                return self.described.get(head, spk)
            return spk
        if spk.text in lex.TITLES and not spk.text.isupper():
            # "Mayor: Well, ..." in a transcript: the one who took a turn as "Mayor Bill de
            # Blasio:" (the last person named with that title)
            titled = next((p for p in reversed(self.persons) if p.text.split()[0] == spk.text
                           and len(p.text.split()) > 1), None)
            if titled is not None:
                return titled
        if lex.INTERVIEW_LABELS.get(spk.text) == "answer":
            # "A: ..." in an interview: the one interviewed, named before the first question
            return self.interviewee or (self.persons[-1] if self.persons else spk)
        if _is_name(spk.text) and spk.text.isupper() and len(spk.text.split()) >= 2:
            # A transcript's speaker, in capitals: the person the article named in prose
            # ("SALLY HERNANDEZ" is "Sheriff Sally Hernandez"), else a person as written
            last = spk.text.split()[-1].casefold()
            known = next((p for p in reversed(self.persons)
                          if _surname(p.text).casefold() == last), None)
            self.persons.append(known or spk)
            self.speakers.append(known or spk)
            return known or spk
        if _is_name(spk.text):
            self.note(spk)
        return spk

    def _spoke_since(self, since: int, until: int, sex: str) -> Speaker | None:
        """Return the last who spoke between ``since`` and ``until`` unnamed or by a bare name.

        Written by a common noun ("the woman") or a bare name ("Maribel"), not of the other sex.

        A bare name counts only when it is no body's (not all capitals, no plural) and the
        article writes no full name ending in it (then it is that person, already a person).
        """
        found: list[Speaker] = [u for u in self.unnamed if since < u.start < until
                                and lex.PERSON_NOUNS.get(u.text.split()[-1].lower(), "") in ("", sex)]
        found += [p for p in self.speakers if since < p.start < until and self._bare_name(p)
                  and lex.FIRST_NAME_SEX.get(p.text, sex) == sex
                  and self.genders.get(p.text, sex) == sex
                  and not any(q.text.split()[-1] == p.text for q in self.persons)]
        return max(found, key=lambda s: s.start) if found else None

    def _bare_name(self, spk: Speaker) -> bool:
        """Tell whether a one-word speaker is written as a person's bare name.

        The subject of its verb, opening its sentence or clause ("Maribel said", "Now, Maribel
        said,"); not a word with a modifier before it ("the two-term Democrat has said") nor an
        opener ("Likewise, ... she said"), nor an acronym or a common word.
        """
        word = spk.text
        if len(word.split()) != 1 or word.isupper() or _is_plural(word) or word in _STOP_NAMES \
                or word.lower() in lex.COMMON_WORDS or word.lower() in lex.SPEAKER_BODIES:
            return False
        before = self.text[max(0, spk.start - 3):spk.start].rstrip(" \t")
        return (not before or before[-1] in ",\n.!?\"\u201d") \
            and _BARE_NAME_VERB.match(self.text, spk.end) is not None

    @staticmethod
    def _latest(found: list[Speaker]) -> Speaker:
        return max(found, key=lambda s: s.start)

    def read_sentence(self, text: str, sentence: Sentence) -> None:
        """Pick up statement sources and titled people ("Judge Andrew Austin") of a sentence."""
        if self.interviewee is None and self.persons and sentence.text[1:2] == ":" \
                and lex.INTERVIEW_LABELS.get(sentence.text[:1]) == "question":
            self.interviewee = self.persons[-1]  # the first question: the one asked is named
        n_before = len(self.persons)
        # Cheap checks first: most sentences have neither a title nor a statement.
        words = _TITLE_CANDIDATE.findall(sentence.text)
        titled = _TITLED_FULL.finditer(sentence.text) if not lex.TITLES.isdisjoint(words) else ()
        for m in titled:
            words = m.group().split()
            if words[-1] in lex.PLACE_WORDS and (len(words) < 3 or words[-2] in lex.TITLES):
                continue  # "King County": a title-like word in a place's name ("Rep. Destin
                # Hall" is a person)
            s = sentence.start + m.start()
            self.persons.append(Speaker(m.group(), s, s + len(m.group())))
            if not (_SUBJECT_BEFORE.fullmatch(sentence.text, 0, m.start())
                    or _INVERTED_BEFORE.search(sentence.text, max(0, m.start() - 40), m.start())
                    or _VERB_AFTER.match(sentence.text, m.end())):
                # "The order was signed by Mayor Tom Berg.": named, but not who "he" is next
                self.mentioned.add(s)
        for m in _LOWER_TITLED.finditer(sentence.text):
            # "Butler County sheriff Richard Jones": a title in lower case, AP style
            s = sentence.start + m.start("name")
            if m.group("name").split()[0] not in _STOP_NAMES and s not in self.places:
                self.persons.append(Speaker(m.group("name"), s, m.end("name") + sentence.start))
                self._role(m)
        for m in _DESCRIBED_PERSON.finditer(sentence.text) if "," in sentence.text else ():
            # "Richard Jones, the Butler County sheriff,": a person, described
            s = sentence.start + m.start("name")
            if m.group("name").split()[0] not in _STOP_NAMES and s not in self.places:
                self.persons.append(Speaker(m.group("name"), s, m.end("name") + sentence.start))
                self._role(m)
        self._read_subject(sentence)
        for m in _ACRONYM.finditer(sentence.text) if "(" in sentence.text else ():
            # "U.S. Immigration and Customs Enforcement (ICE) arrested": what "the agency" is
            s = sentence.start + m.start("acr")
            self.acting.append(Speaker(m.group("acr"), s, s + len(m.group("acr"))))
        subject = _ACRONYM_SUBJECT.match(sentence.text)
        if subject is not None:
            s = sentence.start + subject.start("acr")
            self.acting.append(Speaker(subject.group("acr"), s, s + len(subject.group("acr"))))
        self._read_gender(sentence, n_before)
        for p in self.persons[n_before:]:
            # the first name, when the sentence did not tell: "Rep. Brian Ruiz" is a man
            sex = lex.FIRST_NAME_SEX.get(_first_name(p.text))
            if sex is not None:
                self.genders.setdefault(_surname(p.text), sex)
        if " and " in sentence.text:
            first: re.Match[str] | None = None
            for m in _NAMED_GROUP.finditer(sentence.text):
                s = sentence.start + m.start()
                if first is not None and _RELATIVE_OPEN.search(sentence.text, first.end(), m.start()):
                    # "Ann Ruiz and Tom Berg, who wrote it with Lee Wu and Ben Cho, thanked
                    # ...": the relative clause's people are not the subject, what "they" is
                    continue
                if not any(s <= p < s + len(m.group()) for p in self.places) \
                        and _people_together(_GROUP_SPLIT.split(m.group()), self.persons):
                    self.groups.append(Speaker(m.group(), s, s + len(m.group())))
                    first = first or m
        if "statement" not in sentence.text and "response" not in sentence.text:
            return
        for m in _STATEMENT_SOURCE.finditer(sentence.text):
            g = next(k for k in ("a", "b", "c", "d", "e") if m.group(k))
            name, s = m.group(g), sentence.start + m.start(g)
            word, _, rest = name.partition(" ")
            if word in _STOP_NAMES and _is_name(rest):
                # "The Lake County Sheriff's Office said in a statement": the name after it
                name, s = rest, s + len(word) + 1
            if _is_name(name):
                self.sources.append(Speaker(name, s, s + len(name)))
                if not _is_person(name):
                    self.bodies.append(self.sources[-1])


    def _role(self, m: re.Match[str]) -> None:
        """Note a role given in lower case: "Ann Ruiz, the county's sheriff" is "the sheriff"."""
        self.roles.setdefault(_surname(m.group("name")), set()).add(m.group("role").lower())

    def _read_gender(self, sentence: Sentence, n_before: int) -> None:
        """Note the sex of the one person a sentence is about, when a word of it tells.

        A title tells ("Councilwoman Ann Ruiz", "Mr. Ruiz"); so does a pronoun outside quotes
        in a sentence that names one person ("Ruiz said he would", "In her report, Ann Ruiz
        found"). What is known first stays.
        """
        for p in self.persons[n_before:]:
            sex = next((x for w in p.text.split() if (x := lex.GENDER_WORDS.get(w.lower()))), None)
            if sex is not None:
                self.genders.setdefault(_surname(p.text), sex)
        if not self.persons or _GENDER_WORD.search(sentence.text) is None:
            return
        prose = _QUOTED.sub(lambda q: " " * len(q.group()), sentence.text)  # offsets kept
        told = _SAID_PRONOUN.search(prose)
        if told and told.group("n").split()[0] not in _STOP_NAMES:
            # "Ruiz said she would": the pronoun right after the verb is its subject
            self.genders.setdefault(_surname(told.group("n")), lex.GENDER_PRONOUNS[told.group("p").lower()])
        opening = _OPENING_POSSESSIVE.match(prose)
        if opening:
            # "In her report, Attorney General Ann Ruiz found": the opening phrase's "her" is
            # the subject's
            at = sentence.start + opening.end()
            for p in self.persons[n_before:]:
                if p.start == at:
                    self.genders.setdefault(_surname(p.text), lex.GENDER_PRONOUNS[opening.group("p").lower()])
        named = {_surname(p.text) for p in self.persons[n_before:]}
        named |= {k for k in {_surname(p.text) for p in self.persons[:n_before]}
                  if re.search(rf"\b{re.escape(k)}\b", prose)}
        if len(named) != 1:
            return
        sexes = {lex.GENDER_PRONOUNS[w.lower()] for w in _GENDER_WORD.findall(prose)}
        if len(sexes) == 1:
            self.genders.setdefault(named.pop(), sexes.pop())

    def _read_subject(self, sentence: Sentence) -> None:
        """Note the person a sentence is about: what a later "he"/"she" stands for.

        "Tony McGee was driving", "Johnston addressed": a single word is a person only when it
        is a known surname or acts (a past-tense verb follows); places are never people.
        """
        if not self.persons:
            # Run-on text ("... last month Johnston addressed the resolutions"): a name that
            # acts mid-sentence, what "he" is only while no one else is known.
            for w in _ACTS_MIDWAY.finditer(sentence.text):
                s = sentence.start + w.start("name")
                if s not in self.places and w.group("name") not in _STOP_NAMES \
                        and w.group("name").split()[-1] not in lex.PLACE_WORDS:
                    # (not a body named after its place: "employees of Lakeview District Court
                    # attended")
                    self.actors.append(Speaker(w.group("name"), s, s + len(w.group("name"))))
        m = _APPOSED_SUBJECT.match(sentence.text) or _SUBJECT_PERSON.match(sentence.text)
        if not m:
            return
        name = m.group("name")
        start = sentence.start + m.start("name")
        words = name.split()
        first = re.sub(r"['\u2019]s$", "", words[0])  # "That's based on": no one
        if first in _STOP_NAMES or first in lex.FUNCTION_WORDS \
                or words[-1] in lex.PLACE_WORDS or start in self.places:
            return  # "He added", "The Tulsa County": not a newly named person
        known = {p.text.split()[-1] for p in self.persons}
        verb = m.group("verb")
        if len(words) == 1 and m.start("name") == 0 and verb.endswith("ed") \
                and _PARTICIPLE_PHRASE.match(sentence.text, m.end("verb")):
            return  # "First filed in March, the bill requires": an opening participle phrase
        if len(words) >= 2 or (words[0] in known and _VERB_FORM.fullmatch(verb)) \
                or verb.endswith("ed") or (m.groupdict().get("desc") or "").isdigit():  # "Maria, 34, has"
            self.persons.append(Speaker(name, start, start + len(name)))


# An organisation's acronym, defined after its name ("Immigration and Customs Enforcement (ICE)"),
# or an organisation acting as a sentence's subject ("On Tuesday, ICE arrested", "The Lake County
# Sheriff's Department arrested").
_ACRONYM = re.compile(r"[A-Z][a-z]+[ \t]+\((?P<acr>[A-Z]{2,6})\)")
_ACRONYM_SUBJECT = re.compile(
    r"(?:[^,\"\u201c\u201d]{1,60},[ \t]+)?(?:[Tt]he[ \t]+)?"
    rf"(?P<acr>[A-Z]{{2,6}}|{NAME}[ \t]+(?:{alternation(w.title() for w in lex.SPEAKER_AGENCIES)}))"
    r"[ \t]+[a-z]+(?:ed|s)\b"
)
# A sentence opening on a participle and its phrase, to a comma: "Speaking in Spanish, ",
# "Standing outside the jail, ", "Addressing reporters Monday, ", "Asked whether he would renew
# it, " (the subject comes after it)
_OPENING_PARTICIPLE = re.compile(r"[ \t]*[A-Z][a-z]+(?:ing|ed)[ \t]+[a-z][^,.;\"\u201c\u201d]{0,60},[ \t]*")
_PARTICIPLE_PHRASE = re.compile(
    r"[ \t]+(?:in|on|at|by|during|after|before|since|last|earlier)\b[^,.;\"\u201c\u201d]{0,40},"
)


_SAID_PRONOUN = re.compile(
    rf"(?P<n>{NAME})[ \t]+(?:{VERBS})[ \t]+(?:that[ \t]+)?(?P<p>he|she)\b"
)
_OPENING_POSSESSIVE = re.compile(r"[^,]{0,40}?\b(?P<p>[Hh]is|[Hh]er)\b[^,]{0,40},[ \t]+")
_GENDER_WORD = re.compile(rf"\b(?i:{alternation(lex.GENDER_PRONOUNS)})\b")
_QUOTED = re.compile("[\"\u201c][^\"\u201c\u201d]*[\"\u201d]?")


def _first_name(name: str) -> str:
    """Return the word before the surname, past middle initials ("Ann R. Ruiz" -> "Ann")."""
    return next((w for w in reversed(name.split()[:-1]) if not w.endswith(".")), "")


def _place_before_title(name: str) -> bool:
    """Tell whether a titled name is written with a place before its title.

    "Tulare County Sheriff Tom Berg" is; "Sheriff Tom Berg" is not.
    """
    words = name.split()
    at = next((i for i, w in enumerate(words) if w in lex.TITLES), 0)
    return any(w[:1].isupper() for w in words[:at])


def _surname(name: str) -> str:
    """Return the last word of a name without a possessive: what the article calls them."""
    return re.sub(r"['\u2019]s?$", "", name.split()[-1])


_ACTS_MIDWAY = re.compile(rf"\b[a-z][\w\-]*[ \t]+(?P<name>{PERSON_NAME})[ \t]+(?:also[ \t]+)?[a-z]+ed\b")
# People named together, what a later "they said" stands for: "Sheriff Ann Ruiz and Mara
# Okafor", "Council members Ann Ruiz, Tom Berg and Lee Wu".
# (a title or a name: a capital first, checked before the titles' repetition is entered)
_GROUP_MEMBER = rf"(?=[A-Z])(?:{TITLE}[ \t]+)*{PERSON_NAME}"
# A relative clause opened after a subject and not closed by a comma before what follows
_RELATIVE_OPEN = re.compile(r",[ \t]+(?:who|whom|whose|which)\b[^,;]*\Z")
_NAMED_GROUP = re.compile(
    rf"{_GROUP_MEMBER}(?:,[ \t]+{_GROUP_MEMBER})*,?[ \t]+and[ \t]+{_GROUP_MEMBER}"
)
# Where a titled name is the subject: only an opening phrase or capitalised words before it
# ("In Boston, Mayor Ann Ruiz"), or a verb after it ("..., Mayor Ann Ruiz said").
_SUBJECT_BEFORE = re.compile(r"(?:[^,\"\u201c\u201d]{0,60},[ \t]*)?[\"\u201c]?")
# The subject after its reporting verb, opening the clause: "However, noted Sheriff Ann Ruiz,
# this could ...", "Said Mayor Tom Berg: ...", "The jail is full, with more to come, says Sheriff
# Ann Ruiz." (not "Ruiz told Mayor Tom Berg").
_INVERTED_BEFORE = re.compile(rf"(?:^|,)[ \t]*(?:{VERBS})[ \t]+\Z", re.I)
# A verb in the present ("Sheriff Ann Ruiz also allows", "plans") ends on a consonant and "s",
# which leaves out "as", "this", "thus", "always", "across".
_VERB_AFTER = re.compile(rf"(?:,[^,\"\u201c\u201d]{{1,80}},)?[ \t]+(?:also[ \t]+)?"
                         rf"(?:{VERBS}|[a-z]+ed|[a-z]+[b-df-hj-np-rtvwxz]s)\b")
_GROUP_SPLIT = re.compile(r",?[ \t]+and[ \t]+|,[ \t]+")


def _people_together(members: list[str], persons: list[Speaker]) -> bool:
    """Tell people named together ("Sheriff Ann Ruiz and Tom Berg") from an organisation.

    "Immigration and Customs Enforcement" joins words, not people: each member is a full name
    or titled, and one is titled, a known first name or a surname already met.
    """
    known = {p.text.split()[-1] for p in persons}
    if any(n.split()[-1] in lex.PLACE_WORDS for n in members):
        return False
    if not all(_TITLE_WORD.match(n) or len(n.split()) >= 2 for n in members):
        return False
    return any(_TITLE_WORD.match(n) or n.split()[0] in lex.FIRST_NAMES or n.split()[-1] in known
               for n in members)
# The subject of a sentence, after an opening phrase ("On the morning of Aug. 7, Tony McGee
# was driving"): a capitalised name and a lowercase verb.
_SUBJECT_PERSON = re.compile(
    rf"^(?:[^,\"\u201c\u201d]{{1,60}},[ \t]+)?(?P<name>{PERSON_NAME})"
    # "Maria Lopez, whose brother was deported, wept", "Ann Ruiz, director of Vecinos Unidos,
    # welcomed it", "Ann Ruiz, 34, wept": a description between name and verb (a relative, a
    # determiner, a role, an age; not "Ann Ruiz, right, assists", a caption's position)
    rf"(?:,[ \t]+(?P<desc>(?:who|whose|a|an|the|{_undotted(lex.LOWER_TITLES | lex.ROLE_MODIFIERS)})\b"
    r"[^,\"\u201c\u201d]{0,80}|\d{1,3}),)?[ \t]+"
    r"(?:also[ \t]+|later[ \t]+)?(?P<verb>[a-z]+)\b"
)
# The subject named in apposition to a description that opens the sentence: "The farm's owner,
# Ann Ruiz, voted", "His lawyer, Tom Berg, has" (the name, not the one the description is of).
# ("Mr. Ruiz's boss, Ann Berg, voted": a courtesy title or an office may stand before the owner)
_APPOSED_SUBJECT = re.compile(
    rf"^(?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|(?:{TITLE}[ \t]+)?{_CAP}['\u2019]s)[ \t]+"
    rf"(?:[\w\-]+[ \t]+){{0,3}}?"
    rf"[a-z][\w\-]*,[ \t]+(?P<name>{PERSON_NAME}),[ \t]+(?:also[ \t]+|later[ \t]+)?"
    r"(?P<verb>[a-z]+)\b"
)
# A title in lower case before a full name: "Butler County sheriff Richard Jones".
_LOWER_TITLED = re.compile(
    rf"\b(?P<role>{PERSON_ROLES})[ \t]+"
    rf"(?P<name>[A-Z][a-z][\w\u2019'\-]*(?:[ \t]+[A-Z][a-z][\w\u2019'\-]*){{1,2}})"
)
# A full name and a description of the person: "Richard Jones, the Butler County sheriff,".
_DESCRIBED_PERSON = re.compile(
    rf"(?P<name>[A-Z][a-z][\w\u2019'\-]*(?:[ \t]+[A-Z][a-z][\w\u2019'\-]*){{1,2}}),[ \t]+"
    rf"(?:(?:the|a|an|its|their)[ \t]+(?:[\w\-]+[ \t]+){{0,4}}?"
    # "Ken Cuccinelli, acting director of ...": a role with no article, after its modifier
    rf"|(?:{alternation(lex.ROLE_MODIFIERS)})[ \t]+(?:[\w\-]+[ \t]+){{0,1}}?"
    # "Tom Berg, Springfield's mayor,", "Ann Ruiz, Lake County's sheriff,": the place's own
    rf"|(?:[A-Z][\w.\-]*[ \t]+){{0,2}}[A-Z][\w.\-]*['\u2019]s[ \t]+(?:[\w\-]+[ \t]+){{0,2}}?)"
    rf"(?P<role>{PERSON_ROLES})\b"
)
_VERB_FORM = re.compile(r"is|was|has|had|[a-z]+ed|[a-z]+s")


_DOCUMENT_FROM = re.compile(
    rf"\b(?:{alternation(lex.SPEAKER_DOCUMENTS)})[ \t]+(?:from|by)[ \t]+$", re.I
)
_PLACE_QUALIFIED = re.compile(
    rf",[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?,[ \t]+{TITLE}(?:[ \t]+{TITLE})*[ \t]+{PERSON_NAME}"
)
_NAME_APPOSITIVE = re.compile(rf",[ \t]*(?P<name>{PERSON_NAME}),?[ \t]*")
# A name in apposition closing a clause: ", Ann Ruiz." / ", Ann Ruiz, who ..."
# (after the rest of an office the speaker's match stopped short of: "the city['s police chief],")
_NAME_CLOSING = re.compile(
    rf"(?:['\u2019]s(?:[ \t]+[a-z][\w\-]*){{1,3}})?,[ \t]*(?P<name>{PERSON_NAME})(?=[ \t]*(?:[,.;!?]|$))"
)

# Where an office is held, then its holder closing the clause: " at the Lake County Jail, Lt. Ann
# Ruiz." (after "said Intake Supervisor")
_OFFICE_HOLDER = re.compile(
    rf"[ \t]+(?:at|of|for|with)[ \t]+(?:the[ \t]+)?{NAME},[ \t]*(?:{TITLE}[ \t]+)*"
    rf"(?P<name>{PERSON_NAME})(?=[ \t]*(?:[,.;!?]|$))"
)


def _speaker_at(sentence: Sentence, m: re.Match[str], group: str, offset: int) -> Speaker:
    s = sentence.start + offset + m.start(group)
    if m.group(group)[:1].isupper():
        # "Lake County, Ind., Sheriff Lee Wu": an office qualified by its place and state, AP
        # style; the commas would otherwise end the speaker at the place
        held = _PLACE_QUALIFIED.match(m.string, m.end(group))
        if held is not None:
            full = m.string[m.start(group) : held.end()]
            return Speaker(full, s, s + len(full))
    if group == "spk" and "verb" in m.re.groupindex and m.start("verb") < m.start(group) \
            and (re.fullmatch(DESC, m.group(group)) or _NAME_OFFICE.fullmatch(m.group(group))):
        # '"...," said the sheriff, Ann Ruiz.', 'said the group's director, Tom Berg, who ...':
        # the name in apposition after the office is the speaker
        named = _NAME_CLOSING.match(m.string, m.end(group))
        if named and named.group("name").split()[0] not in _STOP_NAMES:
            s = sentence.start + offset + named.start("name")
            return Speaker(named.group("name"), s, s + len(named.group("name")))
    if group == "spk" and "verb" in m.re.groupindex and m.start("verb") < m.start(group) \
            and (m.group(group).split()[0] in lex.TITLES or m.group(group).split()[-1] in lex.TITLES) \
            and _TITLED_FULL.fullmatch(m.group(group)) is None:
        # '"...," said Intake Supervisor at the Lake County Jail, Lt. Ann Ruiz.': an office
        # without a holder's name, where it is held, then the holder closing the clause
        named = _OFFICE_HOLDER.match(m.string, m.end(group))
        if named and named.group("name").split()[0] not in _STOP_NAMES:
            s = sentence.start + offset + named.start("name")
            return Speaker(named.group("name"), s, s + len(named.group("name")))
    if group == "spk" and "verb" in m.re.groupindex and m.group("verb") is not None \
            and (re.fullmatch(DESC, m.group(group)) or _NAME_OFFICE.fullmatch(m.group(group))):
        # "the county's sheriff, Laurie Smith, said", "Ruiz's spokesman, Tom Berg, said": the
        # name in apposition is the speaker; so after whose office it is: "the mayor of
        # Lakeview, Ann Ruiz, says"
        of = next((k for k in ("whom", "whose") if k in m.re.groupindex and m.group(k)), group)
        named = _NAME_APPOSITIVE.fullmatch(m.string, m.end(of), m.start("verb"))
        if named and named.group("name").split()[0] not in _STOP_NAMES:
            s = sentence.start + offset + named.start("name")
            return Speaker(named.group("name"), s, s + len(named.group("name")))
    return Speaker(m.group(group), s, s + len(m.group(group)))


# A full name closing a run of capitalised words ("... District of Tennessee Ann Ruiz"), not
# a body ("... Sheriff's Office").
_PERSON_AT_END = re.compile(rf"(?<![\w'\u2019])(?!(?:{alternation(lex.PLACE_WORDS)})\b)[A-Z][a-z]\w*"
                            rf"[ \t]+(?!(?:{alternation(lex.PLACE_WORDS)})\b)[A-Z][a-z][\w'\u2019\-]*$")


def _after_quote(sentence: Sentence, qend: int, next_start: int) -> tuple[int, str]:
    """Offset (in the sentence) and text between a quote's end and the next quote."""
    after_from = qend - sentence.start
    # Skip the closing punctuation and mark.
    while after_from < len(sentence.text) and sentence.text[after_from] in ",.!?\"'\u201d\u2019 ":
        after_from += 1
    end = max(after_from, min(next_start - sentence.start, after_from + _WINDOW))
    return after_from, sentence.text[after_from:end]


def attributed_after(sentence: Sentence, qend: int, next_start: int) -> Speaker | None:
    """Find a speaker written right after a quote (``"...," said X`` / ``"...," X said``).

    Parameters
    ----------
    sentence : Sentence
        The sentence holding the quote.
    qend : int
        End of the quote in the body.
    next_start : int
        Start of the next quote in the sentence (or the sentence end).

    Returns
    -------
    Speaker or None
    """
    after_from, after = _after_quote(sentence, qend, next_start)
    q = qend - sentence.start
    comma_closed = "," in sentence.text[max(0, q - 1) : q + 2]
    for pattern in (_POST_READ, _POST_OWNED, _POST_VERB_ROLE_NAME, _POST_VERB_FIRST,
                    _POST_SPK_FIRST, _POST_DOCUMENT, _POST_DASH, _POST_BARE):
        if pattern is _POST_BARE and (not comma_closed or next_start < sentence.end):
            continue
        m = pattern.match(after)
        if m:
            group = "src" if "src" in m.re.groupindex and m.group("src") else "spk"
            spk = m.group(group)
            if spk.split()[0] in _STOP_NAMES and not re.fullmatch(DESC, spk):
                continue
            if pattern is _POST_VERB_ROLE_NAME and not m.group("role").islower() \
                    and spk.split()[0] not in lex.FIRST_NAMES:
                continue
            whom = m.group("whom") if "whom" in m.re.groupindex else None
            if whom and _is_document(spk) \
                    and whom.split()[0] not in _STOP_NAMES:
                # '"...," a letter from Gov. Ann Ruiz said.': the one it is from speaks
                s = sentence.start + after_from + m.start("whom")
                return Speaker(whom, s, s + len(whom))
            if whom and spk.split()[-1] in lex.TITLES and _PERSON_AT_END.search(whom):
                # '"...," U.S. Attorney for the Western District Ann Ruiz says.': the office,
                # whose it is, and then who holds it
                s = sentence.start + after_from + m.start("spk")
                return Speaker(m.string[m.start("spk") : m.end("whom")], s,
                               s + m.end("whom") - m.start("spk"))
            return _speaker_at(sentence, m, group, after_from)
    return None


def attribute_quote(
    sentence: Sentence, qstart: int, qend: int, prev_end: int, next_start: int
) -> Speaker | None:
    """Find the speaker written next to a quote, unresolved.

    Only a bounded stretch of text on each side is read, so a pathological sentence (a megabyte
    of quotes) stays linear.

    Parameters
    ----------
    sentence : Sentence
        The sentence holding the quote.
    qstart, qend : int
        The quote's span in the body (inside the marks).
    prev_end : int
        End of the previous quote in the sentence (or the sentence start).
    next_start : int
        Start of the next quote in the sentence (or the sentence end).

    Returns
    -------
    Speaker or None
    """
    base = sentence.start
    turn = _TURN.match(sentence.text) if sentence.text[:1].isupper() else None
    if turn is not None and turn.end() == qstart - base:
        # "SALLY HERNANDEZ: The public must ...": a transcript's turn (see find_quote_spans)
        return Speaker(turn.group("name"), base + turn.start("name"), base + turn.end("name"))
    found = attributed_after(sentence, qend, next_start)
    if found is not None:
        return found
    after_from, after = _after_quote(sentence, qend, next_start)
    closing = _WOVEN_ATTRIBUTION.search(after) if next_start >= sentence.end else None
    if closing is not None and (re.fullmatch(DESC, closing.group("spk"))
                                or closing.group("spk").split()[0] not in _STOP_NAMES):
        # '"...engaged" in migrant round-ups, Sheriff Ann Ruiz said.': the quote runs on into
        # the sentence's own words, which end on the attribution
        return _speaker_at(sentence, closing, "spk", after_from)
    before_from = max(prev_end - base, qstart - base - _WINDOW)
    before = sentence.text[before_from : max(before_from, qstart - base)].rstrip("\"'\u201c\u2018")
    saying = _SAYING.search(before) if "saying" in before else None
    if saying is not None and saying.group("spk").split()[0] not in _STOP_NAMES:
        # 'The statement quoted Ruiz as saying "..."', 'a quote to Ruiz saying that "..."':
        # the one saying is the speaker, even as the object of a verb or a preposition
        return _speaker_at(sentence, saying, "spk", before_from)
    # "Speaking in Spanish, Ruiz said": an opening participle phrase is no speaker
    opener = _OPENING_PARTICIPLE.match(before) if before_from == 0 else None
    m = _PRE.search(before, opener.end() if opener else 0)
    if m and m.group("whose") and _is_document(m.group("spk")):
        # "A statement from the Lakeview Police Department said": the source speaks (below)
        m = _PRE.search(before, m.end("spk"))
    if m and m.group("spk").split()[0] in _STOP_NAMES and not re.fullmatch(DESC, m.group("spk")):
        first, _, rest = m.group("spk").partition(" ")
        crowd = _GROUP_AT_END.search(rest) if _PREPOSITION_BEFORE.search(first + " ") else None
        if crowd is not None and crowd.start("g") > 0:
            # "In Spanish protesters chanted", "At the rally organizers said": an opening phrase
            # with no comma, then a group in lower case, the subject
            s = sentence.start + before_from + m.start("spk") + len(first) + 1 + crowd.start("g")
            return Speaker(crowd.group("g"), s, s + len(crowd.group("g")))
        if _PREPOSITION_BEFORE.search(first + " ") is None and _is_name(rest) \
                and not _object_of_preposition(before, m.start("spk")):
            # "But Danielle Jurinsky, the ... councilwoman, calls": the name after the word (not
            # "with The Lakeview Voice, Ruiz said", a preposition's object).
            s = sentence.start + before_from + m.start("spk") + len(first) + 1
            return Speaker(rest, s, s + len(rest))
        # "In Boston, Mayor Martin Walsh called": the subject follows the opening phrase.
        comma = before.find(",", m.start("spk"), m.start("verb"))
        m = _PRE.search(before, comma + 1) if comma >= 0 else None
        if m and m.group("spk").split()[0] in _STOP_NAMES:
            m = None
    if m and (not _object_of_preposition(before, m.start("spk"))
              or _DOCUMENT_FROM.search(before, 0, m.start("spk")) is not None):
        # (after "a statement from", the object speaks: "A statement from the Lakeview Police
        # Department said officers \"...\"")
        return _speaker_at(sentence, m, "spk", before_from)
    if m:
        # "In a memo to Director Tae Johnson, Secretary Ann Ruiz said": the subject comes
        # after the one named as the object of a preposition.
        again = _PRE.search(before, m.end("spk"))
        if again and again.group("spk").split()[0] not in _STOP_NAMES \
                and not _object_of_preposition(before, again.start("spk")):
            return _speaker_at(sentence, again, "spk", before_from)
    if "ccording to" in before:
        # 'According to the sheriff, everything was "by the book."': the source opens the
        # sentence and no verb of saying introduces the quote.
        m = _ACCORDING.search(before)
        if m and (re.fullmatch(DESC, m.group("spk")) or m.group("spk").split()[0] not in _STOP_NAMES):
            return _speaker_at(sentence, m, "spk", before_from)
    if qstart - base <= _WINDOW:
        lead = sentence.text[: max(0, qstart - base)].rstrip("\"\u201c\u2018 ")
        m = _SUBJECT_THEN_VERB.match(lead)
        if m and re.fullmatch(PRONOUN, m.group("spk")):
            # "She also took aim at Gov. Tom Berg, saying ...": the subject says it, whoever
            # is named on the way
            return _speaker_at(sentence, m, "spk", 0)
        if m and m.group("spk").split()[0] in lex.FUNCTION_WORDS and "," in lead:
            # "After passage, the caucus wrote, ...": the subject follows the opening phrase
            comma = lead.index(",") + 1
            m = _SUBJECT_THEN_VERB.match(lead[comma:].lstrip())
            if m is not None:
                return _speaker_at(sentence, m, "spk", len(lead) - len(lead[comma:].lstrip()))
        if m and m.group("spk").split()[0] not in _STOP_NAMES:
            return _speaker_at(sentence, m, "spk", 0)
        if lead.endswith(("\u2014", "--")):
            # "Ruiz's answer was simple \u2014": a dash introduces the quote as a colon would
            lead = lead.rstrip("\u2014-").rstrip() + ":"
        if lead.endswith(":"):
            found = colon_subject(Sentence(sentence.start, sentence.start + len(lead), lead,
                                           sentence.paragraph))
            if found is not None:
                return found
    # Last: '"...," according to Ruiz.' (after a speaker written before the quote, "according
    # to" names where it was reported: 'Ruiz said, "...," according to the Times').
    m = _POST_ACCORDING.match(after)
    if m and (re.fullmatch(DESC, m.group("spk")) or m.group("spk").split()[0] not in _STOP_NAMES):
        document = m.group("src") and _is_document(m.group("spk"))
        return _speaker_at(sentence, m, "src" if document else "spk", after_from)
    return None


# A group in lower case closing a speaker match: "In Spanish protesters" (an opening phrase
# with no comma before the subject).
_GROUP_AT_END = re.compile(rf"[ \t](?P<g>(?-i:{GROUP}))$")
# A name right before "(as) saying (that)" and the quote: 'quoted Ruiz as saying "..."'.
_SAYING = re.compile(
    rf"(?<![\w'\u2019])(?P<spk>{NAME_ROLE})[ \t]+(?:as[ \t]+)?saying(?:[ \t]+that)?[ \t,:]*$"
)


def _after_opening(text: str, m: re.Match[str]) -> re.Match[str] | None:
    """Match a reporting subject right after the opening phrase a match began with."""
    comma = text.find(",", m.start("spk"), m.start("verb"))
    if comma < 0:
        return None
    pos = comma + 1
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    again = _REPORTING.match(text, pos)
    if again is None or again.group("spk").split()[0] in _STOP_NAMES:
        return None
    return again


def sentence_speaker(sentence: Sentence) -> Speaker | None:
    """Find the first reporting subject of a sentence ("ICE denied", "according to ICE officials").

    Parameters
    ----------
    sentence : Sentence

    Returns
    -------
    Speaker or None
    """
    best: tuple[int, Speaker] | None = None
    verbs = _VERB_WORD.search(sentence.text) is not None
    # "..., unless the person police sought was wanted, Melvin said.": an attribution closing
    # the sentence names who said all of it, whatever other names its clauses hold.
    closing = _CLOSING_ATTRIBUTION.search(sentence.text) if verbs else None
    if closing is not None and (re.fullmatch(DESC, closing.group("spk"))
                                or closing.group("spk").split()[0] not in _STOP_NAMES):
        return _speaker_at(sentence, closing, "spk", 0)
    for m in _REPORTING.finditer(sentence.text) if verbs else ():
        spk = m.group("spk")
        late = _NAME_BEFORE_VERB.search(sentence.text, m.end("spk"), m.start("verb"))
        if late and late.group("n").split()[0] not in _STOP_NAMES:
            # "ICE, unless the person has committed a crime, Melvin said": what looked like an
            # appositive left open ends on the subject, right before its verb.
            cand = _speaker_at(sentence, late, "n", 0)
        elif re.fullmatch(DESC, spk) or re.fullmatch(PRONOUN, spk):
            cand = _speaker_at(sentence, m, "spk", 0)
        elif spk.split()[0] in _STOP_NAMES:
            # "In a statement, ICE denied": drop the leading stop word and retry on the rest.
            rest = re.match(rf".*?\b(?P<spk>{NAME})$", spk)
            if not rest or rest.group("spk").split()[0] in _STOP_NAMES:
                # "On Thursday, he told reporters": the subject after the opening phrase.
                again = _after_opening(sentence.text, m)
                if again is None:
                    continue
                cand = _speaker_at(sentence, again, "spk", 0)
            else:
                s = sentence.start + m.start("spk") + rest.start("spk")
                cand = Speaker(rest.group("spk"), s, s + len(rest.group("spk")))
        else:
            cand = _speaker_at(sentence, m, "spk", 0)
        if _object_of_preposition(sentence.text, cand.start - sentence.start):
            continue
        best = (cand.start, cand)
        break
    if best is None and verbs:
        # "..., says Virginia legal expert Rich Kelsey.": the verb before its subject
        late = _VERB_THEN_SUBJECT.search(sentence.text)
        group = "desc" if late and late.group("desc") else "name"
        if late and late.group(group).split()[0] not in _STOP_NAMES:
            cand = _speaker_at(sentence, late, group, 0)
            best = (cand.start, cand)
    according = _ACCORDING.search(sentence.text) if "ccording to" in sentence.text else None
    if according:
        cand = _speaker_at(sentence, according, "spk", 0)
        if best is None or cand.start < best[0]:
            best = (cand.start, cand)
    return best[1] if best else None


# A name after the last comma, right before the verb (no comma closes it as an appositive).
_NAME_BEFORE_VERB = re.compile(
    rf",[ \t]*(?P<n>{NAME})[ \t]+(?:\w+ly[ \t]+)?(?:has[ \t]+|have[ \t]+|had[ \t]+)?(?:\w+ly[ \t]+)?$"
)
# A sentence that ends on its subject and reporting verb: "..., Ruiz said.", "..., ICE
# officials said in an email."
_CLOSING_ATTRIBUTION = re.compile(
    rf",[ \t]+(?P<spk>{SPEAKER})[ \t]+(?:also[ \t]+|later[ \t]+)?(?:{VERBS})"
    r"(?:[ \t]+(?:in|on|at|during|to|by|via|through)[ \t]+[^,.;:\"\u201c\u201d]{1,40})?"
    r"[ \t]*[.!?]?[ \t]*$"
)
# The same after a quote that runs on into the sentence, the subject perhaps with an appositive:
# '"..." in migrant round-ups, Ann Ruiz, the Lake County sheriff, said.'
_WOVEN_ATTRIBUTION = re.compile(
    rf",[ \t]+(?P<spk>{SPEAKER}){APPOSITIVE}[ \t]+(?:also[ \t]+|later[ \t]+)?(?:{VERBS})"
    r"(?:[ \t]+[^,.;:\"\u201c\u201d]{1,40})?"  # "in an email", "told reporters"
    r"[ \t]*[.!?]?[ \t]*$"
)
# A clause that ends on its reporting verb and subject: "..., says legal expert Ann Ruiz."
_VERB_THEN_SUBJECT = re.compile(
    rf",[ \t]+(?:{VERBS})[ \t]+(?:(?P<desc>{DESC})"
    rf"|(?:[\w\-]+[ \t]+){{0,4}}?(?P<name>(?:{TITLE}[ \t]+)*{PERSON_NAME}))"
    r"(?=[ \t]*(?:[.,;:]|$))"
)
# A sentence that only attributes: "Ruiz said.", "said Ann Ruiz, the county's sheriff."
_ATTRIBUTION_ONLY = re.compile(
    rf"^(?:(?P<a>{SPEAKER}){_WHOSE}[ \t]+(?:also[ \t]+|later[ \t]+)?(?:{VERBS})"
    rf"|(?:{VERBS})[ \t]+(?P<b>{SPEAKER}))\b(?P<tail>[^\"\u201c\u201d]{{0,80}}?)[.:]?$"
)
ATTRIBUTION_WORDS = 16
# A clause after an attribution's verb: the sentence reports something of its own ("... said
# that the city ...", "... said police will not ...").
_CLAUSE_AFTER = re.compile(rf"\b(?:that|{alternation(lex.AUXILIARIES)})\b")


def attribution_sentence(sentence: Sentence, bare: bool = False) -> Speaker | None:
    """Find the speaker of a short sentence that only attributes ("Ruiz said." after a quote).

    Parameters
    ----------
    sentence : Sentence
    bare : bool
        Only a sentence whose verb takes no clause of its own ("Ruiz said in a statement.",
        not "Chicago Mayor Ann Ruiz said police will not help."): for a paragraph after a quote
        that can as well continue the speaker before it.

    Returns
    -------
    Speaker or None
        None for a longer sentence or one that says something itself.
    """
    if len(sentence.text.split()) > ATTRIBUTION_WORDS:
        return None
    m = _ATTRIBUTION_ONLY.match(sentence.text)
    if m is not None and bare and _CLAUSE_AFTER.search(m.group("tail")):
        return None
    if not m:
        # a pull quote's source on the line after it: "\u2014 Lakeview Mayor Ann Ruiz"
        m = _POST_DASH.match(sentence.text)
        if m is None or m.group("spk").split()[0] in _STOP_NAMES:
            return None
        return _speaker_at(sentence, m, "spk", 0)
    group = "a" if m.group("a") else "b"
    if group == "a" and m.group("whose") and _is_document(m.group("a")):
        group = "whose"  # "A letter from Gov. Ann Ruiz said.": the one it is from speaks
    if m.group(group).split()[0] in _STOP_NAMES:
        return None
    return _speaker_at(sentence, m, group, 0)


def opening_attribution(sentence: Sentence) -> Speaker | None:
    """Find a speaker and verb of saying opening a sentence, whatever follows them.

    Used for the sentence after a quote that closes on "?" or "!": the sentence split there,
    though '"... than Trump?" Penzone asked during an interview with the Times, referring to
    ...' is one sentence, its attribution however long.
    """
    m = _ATTRIBUTION_OPENS.match(sentence.text)
    if m is None or m.group("spk").split()[0] in _STOP_NAMES:
        return None
    return _speaker_at(sentence, m, "spk", 0)


_ATTRIBUTION_OPENS = re.compile(
    rf"(?P<spk>{SPEAKER}){_WHOSE}[ \t]+(?:also[ \t]+|later[ \t]+)?(?:{VERBS})\b(?![ \t]+that\b)"
)


# A line that only names a speaker, maybe with a description and no final stop, over the quote
# paragraph it introduces: "Ann Ruiz, director of the Lakeview Justice Center" then '"We ..."'.
_SPEAKER_LINE = re.compile(
    rf"^[ \t]*(?:{TITLE}[ \t]+)*(?P<spk>{PERSON_NAME})(?:,[ \t]+[^\"\u201c\u201d.!?;:]{{1,150}})?[ \t]*$"
)


def speaker_line(sentence: Sentence) -> Speaker | None:
    """Find the person a line names when the line is only a name (and a description).

    Parameters
    ----------
    sentence : Sentence
        The line, a paragraph of its own.

    Returns
    -------
    Speaker or None
        None when the line says anything (a verb of saying, a final stop) or names one word.
    """
    m = _SPEAKER_LINE.match(sentence.text)
    if m is None or _VERB_WORD.search(sentence.text) is not None:
        return None
    words = m.group("spk").split()
    if len(words) < 2 or words[0] in _STOP_NAMES or words[-1] in lex.PLACE_WORDS:
        return None
    return _speaker_at(sentence, m, "spk", 0)


# "David Wright, a spokesperson for the Sheriff's Office": a name and the role it is given.
_NAMED_ROLE = re.compile(
    rf"(?P<name>{PERSON_NAME}),[ \t]+(?:a|an|the)[ \t]+(?:[\w\-]+(?:['\u2019]s)?[ \t]+){{0,3}}?"
    rf"(?P<role>{ROLES})\b"
)


# How far after an unnamed office holder the holder's name is looked for (characters): the
# sentence and the next ("Lakeville's mayor hailed ..." then "Mayor Ann Ruiz called ...").
_NAMED_NEXT = 400


def _titled_next(text: str, spk: Speaker) -> Speaker | None:
    """Find the one person named with the speaker's office right after it ("the city's mayor")."""
    role = spk.text.lower().split()[-1]
    end = min(len(text), spk.end + _NAMED_NEXT)
    found: dict[str, tuple[int, int]] = {}
    for m in _TITLED_FULL.finditer(text, spk.end, end):
        if role in {lex.TITLE_ROLES.get(w, w).lower() for w in m.group().split()}:
            found[_surname(m.group())] = (m.start(), m.end())
    # "Ann Ruiz, the Lakeville mayor," / "Ann Ruiz \u2014 the mayor \u2014": the name, then the
    # office (dashes read as commas in the window only: the work stays bounded per speaker)
    read = commas_for_dashes(text[spk.end : end])
    for m in _NAMED_ROLE.finditer(read):
        if m.group("role").lower() == role and m.group("name").split()[0] not in _STOP_NAMES:
            found.setdefault(_surname(m.group("name")),
                             (spk.end + m.start("name"), spk.end + m.end("name")))
    if len(found) != 1:
        return None
    ((s, e),) = found.values()
    return Speaker(text[s:e], s, e)


def named_later(text: str, spk: Speaker) -> Speaker | None:
    """Name an indefinite speaker by the one person the article later gives that role.

    '"...," a sheriff's spokesperson said.' and, further on, "Sgt. David Wright, a spokesperson
    for the Sheriff's Office": the spokesperson is Wright. Only when one name has the role.

    Parameters
    ----------
    text : str
        Article body.
    spk : Speaker
        The speaker as written ("a sheriff's spokesperson").

    Returns
    -------
    Speaker or None
    """
    words = spk.text.lower().split()
    if words[-1] in lex.LOWER_TITLES and (
            words[0] in ("a", "an", "the") or re.fullmatch(r"[A-Z][\w\-]*['\u2019]s", spk.text.split()[0])):
        # "Lakeville's mayor is hailing ..., calling it "..."" then "Mayor Ann Ruiz": the one
        # named with that office next
        later = _titled_next(text, spk)
        if later is not None:
            return later
    if words[0] not in ("a", "an") or not re.fullmatch(DESC, spk.text):
        return None
    found = {
        m.group("name"): m for m in _NAMED_ROLE.finditer(text, spk.end)
        if m.group("role").lower() == words[-1] and m.group("name").split()[0] not in _STOP_NAMES
    }
    if len(found) != 1:
        return None
    (m,) = found.values()
    return Speaker(m.group("name"), m.start("name"), m.end("name"))


_DESC = re.compile(DESC)
# "When asked, Ruiz was blunt:", "Sheriff Ann Ruiz put it this way:": the subject of a clause
# that introduces a quote with a colon and no verb of saying.
_COLON_SUBJECT = re.compile(
    rf"^(?:[^,\"\u201c\u201d]{{1,100}},[ \t]+)?(?P<spk>{DESC}|{NAME_ROLE}|(?-i:[Hh]e|[Ss]he))"
    rf"(?:,[^,\"\u201c\u201d]{{1,80}},)?[ \t]+[a-z][^\"\u201c\u201d]*:$"
)


def colon_subject(sentence: Sentence) -> Speaker | None:
    """Find the subject of a sentence that introduces a quote with a colon.

    Parameters
    ----------
    sentence : Sentence
        Ending with a colon.

    Returns
    -------
    Speaker or None
    """
    text = sentence.text.rstrip()
    m, offset = _COLON_SUBJECT.match(text), 0
    if m is not None and m.group("spk").split()[0] in _STOP_NAMES \
            and not _DESC.fullmatch(m.group("spk")):
        # ("The board released the following statement:": a determiner, not a stop word)
        # "As Ruiz put it:", "But Sheriff Ann Ruiz was blunt:": the subject after the word
        offset = m.start("spk") + len(m.group("spk").split()[0]) + 1
        m = _COLON_SUBJECT.match(text[offset:]) if text[offset - 1 : offset] == " " else None
        if m is not None and m.group("spk").split()[0] in _STOP_NAMES:
            m = None
    if m is None:
        return None
    found = _speaker_at(sentence, m, "spk", offset)
    owner = re.sub(r"['\u2019]s$", "", found.text)
    # "Ruiz's answer was simple:": whose the answer is speaks
    return Speaker(owner, found.start, found.start + len(owner)) if owner else found

