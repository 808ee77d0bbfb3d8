"""Add an article: paste or upload it, preview what the pipeline finds, then save it."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ui import cache
from ui.add import MAX_BYTES, Draft, analyze, check_draft, decode_upload, save
from ui.data import CATEGORY_LABELS
from ui.sidebar import sidebar
from ui.text import md_escape
from ui.views import READER_PAGE, require_store

st.set_page_config(page_title="Add an article · Sanctuary Map", page_icon=":heavy_plus_sign:",
                   layout="wide")

key = require_store()
sidebar(cache.articles(key), cache.outlets(key))
st.title("Add an article")
st.caption("The article is saved as a file under data/articles/ and the store is updated; "
           "nothing is written if anything is wrong.")

with st.form("add_article_form"):
    title = st.text_input("Title", max_chars=500)
    outlet = st.text_input("Outlet", max_chars=200, help="The publication, e.g. Vocativ.")
    c1, c2 = st.columns(2)
    published = c1.text_input("Published", placeholder="YYYY-MM-DD, YYYY-MM or YYYY",
                              help="As precise as you know it; leave empty if unknown.")
    url = c2.text_input("URL", placeholder="https://…")
    pasted = st.text_area("Article text", height=260, placeholder="Paste the article here…")
    upload = st.file_uploader("…or upload a .txt or .md file", type=["txt", "md"])
    b1, b2 = st.columns(2)
    preview_clicked = b1.form_submit_button("Preview", icon=":material/visibility:")
    save_clicked = b2.form_submit_button("Save", type="primary", icon=":material/save:")

if preview_clicked or save_clicked:
    text, problem = decode_upload(upload.getvalue() if upload is not None else None,
                                  upload.name if upload is not None else "", pasted)
    draft = Draft(title=title, outlet=outlet, published=published, url=url, text=text or "")
    problems = [problem] if problem else check_draft(draft)
    if problems:
        for p in problems:
            st.error(md_escape(p))  # may quote an uploaded file name
        st.stop()

    if preview_clicked:
        analysis = analyze(draft.text)
        gaz = cache.gazetteer()
        roles = {jid: (role, n) for jid, role, n in analysis.roles}
        ids = list(dict.fromkeys(m.jurisdiction for m in analysis.mentions))
        st.subheader(f"Jurisdictions found ({len(ids)})")
        if not ids:
            st.warning("No US jurisdiction was found in this text; it would not appear on "
                       "the map.")
        for role, heading in (("focus", "About"), ("passing", "Named in passing")):
            names = []
            for jid in ids:
                if roles.get(jid, ("passing", 0))[0] != role:
                    continue
                j = gaz.find(jid)
                n = sum(1 for m in analysis.mentions if m.jurisdiction == jid)
                names.append(f"{j.display_name if j else jid} ({n})")
            if names:
                st.markdown(f"**{heading}:** " + md_escape(", ".join(names)))
        st.subheader(f"Excerpts found ({len(analysis.excerpts)})")
        for e in analysis.excerpts:
            with st.container(border=True):
                st.markdown(md_escape(e.text))
                cats = ", ".join(CATEGORY_LABELS.get(c, c) for c in e.categories)
                who = f" · speaker: {e.speaker}" if getattr(e, "speaker", None) else ""
                st.caption(md_escape(cats + who))
        st.caption("Nothing was saved. Press Save to add the article.")

    if save_clicked:
        article_id, error = save(draft, cache.database())
        if error:
            st.error(md_escape(error))
            st.stop()
        cache.clear_store_cache()
        st.success(md_escape(f"Saved as {article_id} at {dt.datetime.now():%H:%M}."))
        st.page_link(READER_PAGE, label="Read it", icon=":material/article:",
                     query_params={"read": article_id})

st.caption(f"Limits: text files up to {MAX_BYTES // 1024 // 1024} MB, UTF-8.")
