"""The seed report as a document: findings first, every section, figures equal to the
``analyze`` output, contents, provenance, the annotated article; and the empty states
and custom topics of an article without quotes.

The seed report is rendered once per session (tests/conftest.py). Expected figures come
from ``python -m analysis analyze`` run as a separate process on the same article, or
from hashlib over the input files; the seed's unheard parties (Russia, Taiwan) were read
off the article by hand: no Russian or Taiwanese speaker is quoted in it.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from analysis.paths import NOTEBOOKS, ROOT, SEED_ARTICLE

SEED_HEADLINE = "US, China discuss Russia as Biden and Xi hold call"
CUSTOM_TOPICS = Path(__file__).parent / "fixtures" / "topics_custom.yaml"
NO_QUOTES = Path(__file__).parent / "fixtures" / "report" / "no-quotes-energy.txt"
ORDER = ["overview", "readability", "sources", "topics", "voices_topics", "annotated",
         "appendix"]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def analyzed():
    proc = subprocess.run([sys.executable, "-m", "analysis", "analyze", str(SEED_ARTICLE)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def soup(seed_report):
    return BeautifulSoup(seed_report.html.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def pdf_pages(seed_report):
    return [_squash(p.extract_text() or "") for p in PdfReader(seed_report.pdf).pages]


def _section(soup, name):
    found = soup.select_one(f'section[data-section="{name}"]')
    assert found is not None, name
    return found


def test_sections_come_in_the_documents_order():
    listed = yaml.safe_load((NOTEBOOKS / "report.yaml").read_text())["sections"]
    assert listed == ORDER


def test_page_one_carries_the_headline_and_the_key_findings(pdf_pages, analyzed):
    first = pdf_pages[0]
    assert SEED_HEADLINE in first and "Key findings" in first
    grade = analyzed["readability"]["headline_grade"]  # the report's headline measure
    assert f"The article reads at US grade {grade:.1f}" in first
    assert "The article is about Russia; it only mentions Taiwan and Trade." in first
    assert f"{analyzed['diversity']['distinct_sources']} voices in " in first
    assert "no Russian or Taiwanese voice is quoted" in first


def test_key_figures_equal_the_analyze_output(soup, analyzed):
    figures = {
        a["href"]: a.select_one(".finding-value").get_text()
        for a in soup.select(".report-findings a.finding-figure")
    }
    assert figures["#section-readability"] == f"{analyzed['readability']['headline_grade']:.1f}"
    assert figures["#section-sources"] == str(analyzed["diversity"]["distinct_sources"])
    russia = analyzed["topics"]["russia"]
    assert figures["#section-topics"] == f"Russia {100 * russia['sentence_share']:.0f}%"
    assert figures["#section-voices_topics"] == "Russia, Taiwan"


def test_metrics_json_is_the_analyze_output(seed_report, analyzed):
    metrics = json.loads(seed_report.metrics.read_text(encoding="utf-8"))
    assert metrics == analyzed


def test_each_section_shows_its_figures_from_the_analyze_output(soup, analyzed):
    r = analyzed["readability"]
    readability = _section(soup, "readability").get_text()
    assert f"{r['headline_grade']:.1f}" in readability
    assert f"{r['consensus_grade']:.1f}" in readability
    sources = _section(soup, "sources").get_text()
    for s in analyzed["sources"]:
        assert s["name"] in sources
    topics = _squash(_section(soup, "topics").get_text())
    t = analyzed["topics"]["taiwan"]
    assert "Taiwan: the article only mentions it" in topics
    assert "Russia: the article is about it" in topics
    assert f"{t['sentence_count']} of 30 sentences ({100 * t['sentence_share']:.0f}%)" in topics
    voices = _squash(_section(soup, "voices_topics").get_text())
    assert ("Russia (21 of 30 sentences) and Taiwan (6 of 30 sentences) are discussed, but "
            "no Russian or Taiwanese voice is quoted anywhere in the article.") in voices
    rows = {tr.th.get_text(): [td.get_text() for td in tr.find_all("td")]
            for tr in _section(soup, "voices_topics").select("table.voices-topics tbody tr")}
    assert rows["Russia"][-1] == "Russia: never quoted"
    assert rows["Russia"][0] == str(analyzed["topics"]["russia"]["sentence_count"])


def test_every_section_names_the_topics_file_used(soup):
    for name in ORDER:
        line = _section(soup, name).select_one(".report-settings")
        assert line is not None and "data/topics.yaml" in line.get_text(), name


def test_contents_link_to_every_section_and_the_pdf_gives_page_numbers(soup, pdf_pages):
    links = [a["href"] for a in soup.select("nav.report-toc-screen a")]
    assert links == [f"#section-{n}" for n in ORDER]
    for href in links:
        assert soup.find(id=href[1:]) is not None
    contents = next(p for p in pdf_pages[1:4] if "Contents" in p and "Method and provenance" in p)
    assert re.search(r"Key findings\W*1\b", contents)
    assert re.search(r"Method and provenance\W*\d+", contents)


def test_figures_are_vector_images_with_alt_text_and_captions(soup):
    figures = soup.select("figure.report-figure")
    assert len(figures) >= 5
    for f in figures:
        img = f.find("img")
        assert img["src"].startswith("data:image/svg+xml;base64,")
        assert img["alt"].strip()
        assert f.figcaption.get_text().strip()


def test_no_table_has_a_stray_header_row(soup):
    for table in soup.select("table"):
        head = table.find("thead")
        if head is not None:
            assert len(head.find_all("tr")) == 1, table.get_text()[:80]


def test_annotated_article_marks_every_quote_with_its_speaker_and_side(soup, analyzed):
    ann = _section(soup, "annotated")
    marks = ann.select("mark.ann-quote")
    titled = {m["title"].split(" (")[0] for m in marks}
    for q in analyzed["quotes"]:
        assert q["speaker"] in titled
    marked = _squash(" ".join(m.get_text() for m in marks))
    for q in analyzed["quotes"]:
        assert _squash(q["text"])[:40] in marked
    assert len(ann.select(".ann-article .ann-hard")) == 5
    assert len(ann.select(".ann-article .ann-number")) == analyzed["readability"]["sentences"]
    assert ann.select_one(".ann-legend") is not None


def test_provenance_records_the_inputs_and_versions(soup):
    text = _section(soup, "appendix").select_one("table.report-provenance").get_text()
    assert hashlib.sha256(SEED_ARTICLE.read_bytes()).hexdigest() in text
    topics = ROOT / "data" / "topics.yaml"
    assert hashlib.sha256(topics.read_bytes()).hexdigest() in text
    assert "news-article-report" in text and "weasyprint" in text and "Python" in text
    assert re.search(r"Git commit\s*([0-9a-f]{40}|unknown)", text)


@pytest.fixture(scope="module")
def no_quotes(tmp_path_factory):
    from analysis.report import render_report

    out = tmp_path_factory.mktemp("reports") / "no-quotes"
    result = render_report(NO_QUOTES, params={"topics_file": str(CUSTOM_TOPICS)},
                           formats=("html",), out_dir=out)
    return BeautifulSoup(result.html.read_text(encoding="utf-8"), "html.parser")


def test_an_article_without_quotes_says_so_instead_of_drawing_empty_charts(no_quotes):
    sources = _section(no_quotes, "sources")
    assert sources.select("figure") == []
    empty = " ".join(p.get_text() for p in sources.select(".report-empty"))
    assert "No one is quoted, so there is no share of voice to chart." in empty
    assert "No one is quoted" in _section(no_quotes, "overview").get_text()


def test_a_custom_topics_file_is_named_in_every_section(no_quotes):
    for name in ORDER:
        line = _section(no_quotes, name).select_one(".report-settings").get_text()
        assert "topics_custom.yaml" in line and "Energy" in line, name
        assert "data/topics.yaml" not in _section(no_quotes, name).get_text(), name
    assert "Energy is the main topic" in _section(no_quotes, "overview").get_text()
