"""Small rendering pieces shared by the pages (Streamlit calls; the data work is in ui.data)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from geo import GeoDataError
from news.dates import display_date
from news.linking import CONTEXT_METHODS, LINK_LABELS, link_confidence
from ui import cache
from ui.data import figures_text
from ui.text import md_escape

if TYPE_CHECKING:
    from news.store import ExcerptRecord

READER_PAGE = "pages/1_Articles.py"


def require_store() -> cache.StoreKey:
    """The current store key, or a clear message and a stopped page when data is missing."""
    from news.store import StoreUnavailable

    try:
        key = cache.store_key()
        errors = cache.load_errors(key)
    except (cache.StoreOffline, StoreUnavailable) as error:
        st.error(f"{error}. Nothing is lost: the page works again as soon as the store is "
                 "back; reload it in a moment.")
        st.stop()
    except cache.DataUnavailable as error:
        st.error(f"{error} The pages need the built article store to show anything; "
                 "run `python -m news build` once the news layer is installed.")
        st.stop()
    except (GeoDataError, FileNotFoundError) as error:  # a missing or corrupt data file
        st.error(f"The app's data could not be read: {error}")
        st.stop()
    if errors:
        with st.sidebar.expander(f"{len(errors)} article file(s) not loaded", icon="⚠️"):
            for e in errors:
                st.markdown(md_escape(f"{e.path}: {e.reason}"))
    return key


def link_note(e: ExcerptRecord, jurisdiction: str | None) -> str:
    """Say how an excerpt is linked to a jurisdiction, when by context; "" when named there."""
    how = dict(e.links).get(jurisdiction) if jurisdiction else None
    if how is None or how not in CONTEXT_METHODS:
        return ""
    return (f"Linked by context: {LINK_LABELS[how]} "
            f"(confidence {link_confidence(how):.2f})")


def small_text(text: str) -> str:
    """``text`` as one line of small grey Markdown, escaped (it is article data)."""
    return f":gray[:small[{md_escape(' '.join(text.split()))}]]"


def excerpt_card(
    e: ExcerptRecord, *, show_speaker: bool = True, jurisdiction: str | None = None
) -> None:
    """One excerpt: its text, outlet, article, date, speaker, figures, link and a reader link.

    ``jurisdiction``: the one the panel shows; an excerpt linked to it by context says so.
    The text and its details are one Markdown element (a card is three elements, not four:
    the panel draws up to 15 on every click); every piece of article data in it is escaped.
    """
    meta = " · ".join(str(x) for x in (e.outlet, e.title, display_date(e.published)) if x)
    extra = []
    if show_speaker and getattr(e, "speaker", None):
        extra.append(f"Speaker: {e.speaker}")
    figures = figures_text(getattr(e, "figures", ()))
    if figures:
        extra.append(f"Figures: {figures}")
    note = link_note(e, jurisdiction)
    if note:
        extra.append(note)
    details = small_text(meta) + ("  \n" + small_text(" · ".join(extra)) if extra else "")
    with st.container(border=True):
        st.markdown(f"{md_escape(e.text)}\n\n{details}")
        st.page_link(READER_PAGE, label="Read it in the article", icon=":material/article:",
                     query_params={"read": e.article, "at": str(e.start)})
