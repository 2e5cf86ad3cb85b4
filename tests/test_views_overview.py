"""The overview section's facts, on a small article counted by hand."""

from __future__ import annotations

from analysis.article import parse_text
from analysis.views.overview import facts_table_html, overview

# Headline, standfirst (4 words, 1 sentence), one paragraph of two sentences
# (5 + 7 words), and a source line: 16 body words in 3 sentences.
TEXT = (
    "Council keeps library open\n\n"
    "The vote was close.\n\n"
    "The council met on Monday. It voted to keep the library open.\n\n"
    "Source: Local News"
)


def test_overview_counts_body_words_and_sentences_only():
    facts = overview(parse_text(TEXT, id="council"))
    assert facts["headline"] == "Council keeps library open"
    assert facts["standfirst"] == "The vote was close."
    assert facts["outlet"] == "Local News"  # from the source line
    assert facts["source_line"] == "Source: Local News"
    assert (facts["words"], facts["sentences"], facts["paragraphs"]) == (16, 3, 1)
    assert (facts["subheadings"], facts["photos"]) == (0, 0)
    assert facts["reading_minutes"] == 1  # ceil(16 / 238)


def test_facts_table_escapes_article_text():
    article = parse_text(TEXT.replace("library", "<script>x()</script>"), id="council")
    table = facts_table_html(overview(article))
    assert "<script>" not in table
    assert "&lt;script&gt;x()&lt;/script&gt;" in table
