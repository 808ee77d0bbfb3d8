"""Progress of long work: the build's lines on a pipe, with and without a known total."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from news.__main__ import main
from news.progress import UNKNOWN_TOTAL_STEP, Progress

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "data" / "articles"


def test_progress_lines_on_a_pipe(tmp_path):
    out = tmp_path / "progress.txt"
    with out.open("w") as stream:
        p = Progress(40, stream)
        for _ in range(40):
            p.update(1)
        p.finish()
    lines = out.read_text().splitlines()
    # The first article, then one line per 10%.
    assert [line.split()[1] for line in lines] == ["1/40"] + [f"{n}/40" for n in range(4, 41, 4)]


def test_progress_without_a_total_is_a_line_every_step():
    stream = io.StringIO()
    p = Progress(None, stream)
    for _ in range(2 * UNKNOWN_TOTAL_STEP + 5):
        p.update(1)
    p.finish()
    counts = [line.split()[1].rstrip(",") for line in stream.getvalue().splitlines()]
    assert counts == ["1", str(UNKNOWN_TOTAL_STEP), str(2 * UNKNOWN_TOTAL_STEP)]


def test_the_serial_build_shows_its_progress(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURES, articles)
    out, err = io.StringIO(), io.StringIO()
    db = tmp_path / "store.sqlite"
    status = main(["build", "--articles", str(articles), "--database", f"sqlite:///{db}",
                   "--no-cache"], out=out, err=err)
    assert status == 0, err.getvalue()
    n = len(list(articles.glob("*.md")))
    assert f"articles {n}/{n} (100%)" in err.getvalue()
    assert f"{n} articles ({n} extracted" in out.getvalue()
