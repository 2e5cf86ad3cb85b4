"""The annotated article: escaped text, quotes marked by side with the speaker named,
sentence numbers and topics."""

from __future__ import annotations

from bs4 import BeautifulSoup

from analysis.article import parse_text
from analysis.pipeline import analyze_article
from analysis.views.annotated import annotated_html

TEXT = (
    "Council keeps library open\n\n"
    "The council voted on Monday to keep the library open.\n\n"
    "“We will not close <script>alert(1)</script> the library,” said Mayor Jane Holt.\n\n"
    "Russia was not discussed.\n"
)


def _page():
    article = parse_text(TEXT, id="t")
    result = analyze_article(article)
    return article, result, BeautifulSoup(annotated_html(article, result), "html.parser")


def test_article_text_is_escaped_not_run():
    _, _, soup = _page()
    assert soup.find("script") is None
    assert "<script>alert(1)</script>" in soup.get_text()


def test_the_quote_is_marked_with_its_speaker_and_every_sentence_is_numbered():
    article, result, soup = _page()
    assert len(result["quotes"]) == 1  # one direct quote, by the mayor (read off TEXT)
    marks = soup.select(".ann-article mark.ann-quote")
    assert len(marks) == 1
    assert marks[0]["title"].startswith("Jane Holt")
    assert "We will not close" in marks[0].get_text()
    assert soup.select_one(".ann-speaker").get_text() == "[Jane Holt]"
    numbers = [n.get_text() for n in soup.select(".ann-article .ann-number")]
    assert numbers == [str(i + 1) for i in range(len(article.sentences))]


def test_sentences_on_a_topic_carry_its_label():
    article, _, soup = _page()
    last = soup.find(id=f"sentence-{len(article.sentences)}")
    assert [t.get_text() for t in last.select(".ann-topic")] == ["Russia"]


def test_a_long_article_is_shown_up_to_the_cap_with_a_note():
    from analysis.article import parse_text
    from analysis.pipeline import analyze_article
    from analysis.views.annotated import annotated_html

    # 12 one-sentence paragraphs; with a cap of 5 sentences, 5 are shown (hand count)
    body = "\n\n".join(f"Paragraph number {i} says “it is fine,” she said." for i in range(12))
    article = parse_text("A long one\n\n" + body, id="long")
    result = analyze_article(article)
    html = annotated_html(article, result, max_sentences=5)
    assert 'id="sentence-5"' in html and 'id="sentence-6"' not in html
    assert "The first 5 of 12 sentences are shown here." in html
    assert "sentences are shown here" not in annotated_html(article, result)
