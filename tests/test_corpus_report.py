"""The corpus report, rendered for real: analyse a small corpus, execute the corpus
notebook, convert to HTML and PDF; figures checked against the results database."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from batch_corpus import run, write_corpus


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path, Path]:
    tmp = tmp_path_factory.mktemp("corpus-report")
    corpus = tmp / "week.jsonl"
    write_corpus(corpus, 12)
    out = tmp / "out"
    proc = run("report", str(corpus), "--out", str(out), "--workers", "2")
    return proc, out, corpus


def test_corpus_report_renders_html_pdf_and_keeps_its_database(rendered):
    proc, out, _ = rendered
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "corpus.ipynb", "report.html", "report.pdf", "results.duckdb"]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "12 articles from week.jsonl" in html
    for heading in ("The corpus", "How the articles spread", "Whose words fill the corpus",
                    "What the articles are about", "By outlet and by month",
                    "Articles that stand out"):
        assert heading in html, heading
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(out / "report.pdf").pages)
    assert "Whose words fill the corpus" in text


def test_corpus_report_figures_equal_the_database(rendered):
    import duckdb

    _, out, _ = rendered
    html = (out / "report.html").read_text(encoding="utf-8")
    con = duckdb.connect(str(out / "results.duckdb"), read_only=True)
    # the corpus cycles through 4 short texts and the seed (every fifth record)
    n, quotes = con.execute("SELECT count(*), (SELECT count(*) FROM quotes) FROM articles"
                            ).fetchone()
    assert n == 12
    assert f"<td>{quotes:,}</td>" in html  # "Quotes found"
    median, = con.execute("SELECT median(coalesce(headline_grade, consensus_grade)) "
                          "FROM readability").fetchone()
    assert f"<td>{median:.1f}</td>" in html
    # the most quoted named voice over the corpus, and its quoted words
    name, words = con.execute(
        "SELECT name, sum(quoted_words) AS w FROM sources "
        "WHERE type NOT IN ('document', 'anonymous') GROUP BY name ORDER BY w DESC, name "
        "LIMIT 1").fetchone()
    assert f"<td>{name}</td>" in html and f"<td>{int(words):,}</td>" in html
    con.close()


def test_corpus_report_from_a_database_and_usage_errors(rendered, tmp_path):
    _, out, _ = rendered
    again = tmp_path / "again"
    proc = run("report", str(out / "results.duckdb"), "--out", str(again), "--format", "html")
    assert proc.returncode == 0, proc.stderr
    assert (again / "report.html").exists() and not (again / "results.duckdb").exists()
    bad = run("report", str(out / "results.duckdb"), "-p", "language", "en",
              "--out", str(tmp_path / "x"))
    assert bad.returncode == 2 and "a corpus report takes none" in bad.stderr
