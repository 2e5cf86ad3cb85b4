"""The same input and parameters give the same report: metrics.json byte for byte, the
HTML apart from the run date, the PDF apart from its creation date (issue 12, item 5).
Two real renders of the overview and appendix sections (the appendix holds the
provenance, with its timestamp)."""

from __future__ import annotations

import re

from analysis.paths import ROOT, SEED_ARTICLE
from analysis.report import render_report

SECTIONS = [ROOT / "notebooks" / "overview.ipynb", ROOT / "notebooks" / "appendix.ipynb"]
# what may differ between two runs: the date and time of the run
RUN_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December) \d{4}")


def _render(out):
    return render_report(SEED_ARTICLE, formats=("html", "pdf"), out_dir=out,
                         notebooks=SECTIONS)


def test_two_runs_give_the_same_report_but_for_the_run_date(tmp_path):
    a, b = _render(tmp_path / "a"), _render(tmp_path / "b")
    assert a.metrics.read_bytes() == b.metrics.read_bytes()
    html_a = a.html.read_text(encoding="utf-8")
    html_b = b.html.read_text(encoding="utf-8")
    assert RUN_DATE.sub("<date>", html_a) == RUN_DATE.sub("<date>", html_b)
    # the PDF: the same pages with the same text; its page streams are compressed, so
    # the run's timestamp in the provenance cannot be masked in the bytes themselves
    from pypdf import PdfReader

    pages_a, pages_b = PdfReader(a.pdf).pages, PdfReader(b.pdf).pages
    assert len(pages_a) == len(pages_b)
    for pa, pb in zip(pages_a, pages_b, strict=True):
        assert RUN_DATE.sub("<date>", pa.extract_text()) == \
            RUN_DATE.sub("<date>", pb.extract_text())
