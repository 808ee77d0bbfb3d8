"""Add articles: import files or URLs, or paste one article; preview, then save."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from news.importing import summary, upload_items, url_items
from ui import cache
from ui.add import (
    MAX_BYTES,
    MAX_ITEMS,
    UPLOAD_TYPES,
    Draft,
    analyze,
    check_draft,
    decode_upload,
    describe,
    importer,
    keepable,
    result_lines,
    save,
)
from ui.data import CATEGORY_LABELS
from ui.settings import allow_private_urls
from ui.sidebar import sidebar
from ui.text import md_escape
from ui.views import READER_PAGE, require_store

st.set_page_config(page_title="Add an article · Sanctuary Map", page_icon=":heavy_plus_sign:",
                   layout="wide")

key = require_store()
sidebar(cache.article_choices(key), cache.outlets(key))
st.title("Add an article")
paste_tab, import_tab = st.tabs(["Paste one article", "Import files or URLs"])

# The import tab is drawn first: the paste form below stops the script on a bad draft.
with import_tab:
    st.caption("Saved web pages (.html), text (.txt, .md), PDF with a text layer and Word "
               "(.docx) files, or the URLs of article pages and RSS/Atom feeds. Check shows what "
               "was read; Import adds the new ones and skips the ones already stored.")
    files = st.file_uploader("Files", type=list(UPLOAD_TYPES), accept_multiple_files=True,
                             key="import_files")
    urls = st.text_area("URLs, one per line", key="import_urls", height=120,
                        placeholder="https://…")
    private = allow_private_urls()
    if not private:
        st.caption("Addresses inside this server's network (loopback, private, link-local) "
                   "are refused; the operator can allow them (see the README).")
    b1, b2 = st.columns(2)
    check_clicked = b1.button("Check", key="import_check", icon=":material/fact_check:")
    import_clicked = b2.button("Import", key="import_go", type="primary",
                               icon=":material/download:")
    if check_clicked or import_clicked:
        uploads = files or []
        items = upload_items((f.name, f.getvalue()) for f in uploads) + url_items(urls)
        db = cache.database()
        # Read results are kept for the Import that follows a Check of the same input, so
        # that nothing is fetched twice.
        signature = (tuple((f.file_id, f.name, f.size) for f in uploads), urls, private, db.url)
        if not items:
            st.error("Choose files or type URLs first.")
        elif len(items) > MAX_ITEMS:
            st.error(f"{len(items)} items: the page imports up to {MAX_ITEMS} at a time. "
                     "For a bigger collection use the command line (python -m news import).")
        else:
            imp = importer(cache.ARTICLES_DIR, db, allow_private=private)
            with st.status(f"Reading {len(items)} item(s)…", expanded=True) as status:
                bar = st.progress(0.0, text="Reading…")

                def progress(done: int, total: int, verb: str = "Read") -> None:
                    bar.progress(done / total if total else 1.0, text=f"{verb} {done} of {total}")

                kept = st.session_state.get("import_read")
                if import_clicked and kept and kept[0] == signature:
                    results = kept[1]
                else:
                    results = list(imp.read(items, progress))
                    st.session_state["import_read"] = (signature, keepable(results))
                if check_clicked:
                    outcomes = imp.preview(results)
                    status.update(label=f"Read {len(results)} item(s); nothing was saved.",
                                  state="complete", expanded=False)
                else:
                    outcomes = list(imp.write(results, lambda d, t: progress(d, t, "Saved")))
                    st.session_state.pop("import_read", None)
                    cache.clear_store_cache()
                    status.update(label=summary(o.status for o in outcomes),
                                  state="error" if any(o.status == "failed" for o in outcomes)
                                  else "complete", expanded=False)
            # The command's lines, as plain text (a code block renders nothing of them).
            lines = result_lines(outcomes, cache.REPO)
            if import_clicked:
                lines.append(summary(o.status for o in outcomes))
            st.code("\n".join(lines), language=None, wrap_lines=True)
            if check_clicked:
                ready = [o for o in outcomes if o.status == "ready"]
                st.markdown(md_escape(f"{len(ready)} new, "
                                      f"{sum(o.status == 'duplicate' for o in outcomes)} already "
                                      f"stored, {sum(o.status == 'failed' for o in outcomes)} "
                                      "failed. Press Import to add the new ones."))
                for o in outcomes:
                    with st.container(border=True):
                        if o.draft is not None:
                            view = describe(o.draft)
                            st.markdown("**" + md_escape(view.title) + "**")
                            st.caption(md_escape(f"{view.details} · {view.words} words · "
                                                 f"from {o.origin}"))
                            st.markdown(md_escape(view.beginning))
                        if o.status != "ready":
                            shown = st.error if o.status == "failed" else st.info
                            shown(md_escape(o.line))
            else:
                for o in outcomes:
                    if o.status == "imported" and o.article:
                        title = o.draft.title if o.draft is not None and o.draft.title else o.article
                        st.page_link(READER_PAGE, label=md_escape(f"Read: {title}"),
                                     icon=":material/article:", query_params={"read": o.article})

with paste_tab:
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
            analysis, failure = analyze(draft.text)
            if analysis is None:
                st.error(md_escape(failure or ""))
                st.stop()
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
