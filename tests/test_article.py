"""The plain-text article parser on the seed article and on shapes real articles take.

Expected values are read off the seed file by eye (see data/articles/…txt).
"""

from __future__ import annotations

import pytest

from analysis.article import ArticleError, Kind, parse_credit, parse_text
from analysis.paths import SEED_ARTICLE

SEED = SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed():
    return parse_text(SEED, id="seed")


def test_seed_headline_and_standfirst(seed):
    assert seed.headline == "US, China discuss Russia as Biden and Xi hold call"
    assert seed.standfirst.startswith("The US says Beijing has a ‘responsibility")
    assert seed.standfirst.endswith("Russian invasion of Ukraine.")


def test_seed_captions_alt_text_and_credits(seed):
    alts = [b.text for b in seed.blocks_of(Kind.IMAGE_ALT)]
    captions = [b.text for b in seed.blocks_of(Kind.CAPTION)]
    credits = [b.text for b in seed.blocks_of(Kind.CREDIT)]
    assert alts == [
        "Chinese and U.S. flags flutter outside a company building in Shanghai, China",
        "Vladimir Putin and Xi Jinping exchange chit chat in front of their respective flags "
        "during a February meeting in Beijing",
    ]
    assert captions[0] == "Chinese and US leaders discuss Russia's ongoing invasion of Ukraine"
    assert captions[1].startswith("Xi and Putin have met more than 30 times since 2013")
    assert captions[1].endswith("Winter Olympic Games")
    assert credits == [
        "[File: Aly Song/Reuters]",
        "[File: Alexei Druzhinin/Kremlin via Sputnik and EPA]",
    ]
    assert [c.photographer for c in seed.credits] == ["Aly Song", "Alexei Druzhinin"]
    assert [c.agencies for c in seed.credits] == [("Reuters",), ("Kremlin", "Sputnik", "EPA")]


def test_seed_subheading_and_source_line(seed):
    assert [b.text for b in seed.blocks_of(Kind.SUBHEADING)] == ["‘Berating China’"]
    assert seed.source_line == "Source: Al Jazeera"
    assert seed.source_outlet == "Al Jazeera"


def test_seed_body_is_standfirst_plus_24_paragraphs(seed):
    # Counted by hand: 24 prose paragraphs between the standfirst and the Source line,
    # not counting the two photo blocks and the subheading.
    assert len(seed.blocks_of(Kind.PARAGRAPH)) == 24
    assert len(seed.body) == 25
    assert seed.body[1].text.startswith("United States President Joe Biden")
    assert seed.body[-1].text.startswith("In recent years, amid concerns")


def test_every_block_slices_back_to_its_text(seed):
    for block in seed.blocks:
        assert SEED[block.start : block.end] == block.text
    for credit in seed.credits:
        assert SEED[credit.start : credit.end] == credit.text


def test_captions_and_credits_are_never_body(seed):
    body_text = " ".join(b.text for b in seed.body)
    assert "Aly Song" not in body_text
    assert "chit chat" not in body_text
    assert "Source: Al Jazeera" not in body_text
    assert "Berating China" not in body_text


def test_hard_wrapped_paragraph_is_one_paragraph():
    text = (
        "Headline of a wrapped story\n\n"
        "This paragraph was wrapped by an email client at a fixed width so\n"
        "that its lines break in the middle of the sentence and continue on\n"
        "the next line.\n\n"
        "Second paragraph.\n"
    )
    a = parse_text(text)
    assert [b.kind for b in a.blocks] == [Kind.HEADLINE, Kind.STANDFIRST, Kind.PARAGRAPH]
    assert a.body[0].text.endswith("continue on\nthe next line.")


def test_lines_without_blank_lines_are_paragraphs():
    text = "First paragraph here.\nSecond paragraph here.\nThird one."
    a = parse_text(text)
    assert [b.text for b in a.body] == [
        "First paragraph here.",
        "Second paragraph here.",
        "Third one.",
    ]


def test_single_line_article_is_body():
    a = parse_text("Just one short line")
    assert [b.kind for b in a.blocks] == [Kind.PARAGRAPH]


def test_credit_with_slashes_and_via():
    c = parse_credit(0, 10, "[Photo: Jane Doe/AP via Getty Images]")
    assert c.photographer == "Jane Doe"
    assert c.agencies == ("AP", "Getty Images")


@pytest.mark.parametrize("text", ["", "   \n\t\n", "— … —"])
def test_empty_or_wordless_text_is_refused(text):
    with pytest.raises(ArticleError):
        parse_text(text)


@pytest.mark.parametrize(
    "headline",
    [
        "‘I loved the job. I couldn’t afford to stay’: the nurses leaving Britain for Australia",
        "Is China about to invade Taiwan?",
        "Exports fall for a third month as tariffs bite across the region’s ports and factories",
    ],
)
def test_long_quoted_or_question_headlines_are_headlines(headline):
    text = f"{headline}\n\nThe first paragraph of the story. It goes on.\n\nA second paragraph.\n"
    a = parse_text(text)
    assert a.headline == headline
    assert a.blocks[0].kind is Kind.HEADLINE


def test_a_first_line_ending_in_a_full_stop_is_body_not_headline():
    a = parse_text("Officials met on Tuesday.\n\nThey talked for an hour.\n")
    assert not a.blocks_of(Kind.HEADLINE)


def test_a_paragraph_past_the_limit_is_cut_at_sentence_ends(monkeypatch):
    import analysis.article as art

    monkeypatch.setattr(art, "MAX_PARAGRAPH_CHARS", 40)
    # 3 sentences of 20 characters each (19 + the space after): cuts fall after the
    # last sentence end between characters 20 and 40 of each remaining piece
    text = "Headline here\n\nOne two three four. Five six seven eig. Nine ten eleven tw."
    a = art.parse_text(text)
    pieces = [b.text for b in a.body]
    assert pieces == ["One two three four. Five six seven eig.", "Nine ten eleven tw."]
    # the pieces are exact slices of the text, so offsets still hold
    assert all(a.text[b.start:b.end] == b.text for b in a.body)


def test_a_paragraph_without_sentence_ends_is_cut_at_spaces(monkeypatch):
    import analysis.article as art

    monkeypatch.setattr(art, "MAX_PARAGRAPH_CHARS", 10)
    a = art.parse_text("Title line\n\naaaa bbbb cccc dddd")
    assert [b.text for b in a.body] == ["aaaa bbbb", "cccc dddd"]


@pytest.mark.parametrize("title, slug", [
    ("../../etc/passwd", "etc-passwd"),
    ("/absolute/path", "absolute-path"),
    ("CON", "con-article"),
    ("lpt1", "lpt1-article"),
    ("...", "article"),
    ("Ünïcode only ☃", "n-code-only"),
    ("x" * 79 + " tail", "x" * 79),  # cut at 80, then the dangling hyphen goes
])
def test_slugs_are_safe_folder_names(title, slug):
    from analysis.article import slugify

    assert slugify(title) == slug
    assert slugify("a" * 300) == "a" * 80
