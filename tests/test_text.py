"""The shared text layer: news-aware sentences, word tokens and syllables.

Expected values are hand-made: each sentence list was split by hand, each syllable
count is the word said aloud (CMUdict where it has the word).
"""

from __future__ import annotations

import pytest

from analysis.article import parse_text
from analysis.text import (
    Word,
    body_sentences,
    number_words,
    split_sentences,
    syllables,
    tokens,
    words,
)


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_titles_and_initialisms_do_not_end_sentences():
    t = "Dr. Smith said the U.S. economy grew by 3.5 percent last year. Analysts expected more."
    assert sents(t) == [
        "Dr. Smith said the U.S. economy grew by 3.5 percent last year.",
        "Analysts expected more.",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gen. Lee met Sen. Warren on Jan. 4 at 13:00. Nothing came of it.",
         ["Gen. Lee met Sen. Warren on Jan. 4 at 13:00.", "Nothing came of it."]),
        ("He met John F. Kennedy in 1961. It was brief.",
         ["He met John F. Kennedy in 1961.", "It was brief."]),
        ("The U.N. Security Council met. It adjourned.",
         ["The U.N. Security Council met.", "It adjourned."]),
        ("She moved to the U.S. It was 1990.", ["She moved to the U.S.", "It was 1990."]),
        ("Apple Inc. The company said so.", ["Apple Inc.", "The company said so."]),
        ("It cost No. 10 a lot. He said no. Officials agreed.",
         ["It cost No. 10 a lot.", "He said no.", "Officials agreed."]),
    ],
)
def test_abbreviations_end_a_sentence_only_before_an_opener(text, expected):
    assert sents(text) == expected


def test_closing_quote_after_the_stop_stays_with_its_sentence():
    t = "“We will not back down.” The minister left. “Why?” asked a reporter."
    assert sents(t) == [
        "“We will not back down.”",
        "The minister left.",
        "“Why?” asked a reporter.",
    ]


def test_quote_ending_in_comma_does_not_split():
    t = "“It has to bear responsibility for any actions”, he said. Then he left."
    assert sents(t) == [
        "“It has to bear responsibility for any actions”, he said.",
        "Then he left.",
    ]


def test_headline_line_without_a_stop_is_its_own_sentence():
    t = "Biden and Xi hold call\nThe two leaders spoke on Friday. They spoke for two hours."
    assert sents(t) == [
        "Biden and Xi hold call",
        "The two leaders spoke on Friday.",
        "They spoke for two hours.",
    ]


def test_paragraph_break_ends_a_sentence_and_hard_wrapped_lines_continue():
    wrapped = (
        "The delegation arrived in the capital late on Tuesday evening after a long\n"
        "delay at the border. Talks began at once.\n\nA second paragraph"
    )
    assert sents(wrapped) == [
        "The delegation arrived in the capital late on Tuesday evening after a long\n"
        "delay at the border.",
        "Talks began at once.",
        "A second paragraph",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It was found in the U.S. Officials said the risk was low.",
         ["It was found in the U.S.", "Officials said the risk was low."]),
        ("Shares rose at Acme Corp. Analysts expected more.",
         ["Shares rose at Acme Corp.", "Analysts expected more."]),
        # a capitalised singular, or a plural inside a longer name, continues
        ("The U.S. Army said it would help.", ["The U.S. Army said it would help."]),
        ("The U.S. Virgin Islands are small.", ["The U.S. Virgin Islands are small."]),
        # after an initial the capitalised word is a surname, even one that looks like a
        # plural (PolNeAR train: "Gallup’s Jeffrey M. Jones wrote" lost its speaker) ...
        ("“It will pass,” Jeffrey M. Jones wrote.", ["“It will pass,” Jeffrey M. Jones wrote."]),
        # ... while an opener after an initial still starts a sentence
        ("They chose Plan B. It failed.", ["They chose Plan B.", "It failed."]),
    ],
)
def test_capitalised_plural_then_lower_case_word_after_an_abbreviation_starts_a_sentence(
    text, expected
):
    assert sents(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Polls close at 10 p.m. Results are expected overnight.",
         ["Polls close at 10 p.m.", "Results are expected overnight."]),
        ("The fire broke out at 2:30 a.m. Sunday, police said.",
         ["The fire broke out at 2:30 a.m. Sunday, police said."]),
        ("It starts at 7:05 p.m. ET in Boston.", ["It starts at 7:05 p.m. ET in Boston."]),
    ],
)
def test_time_of_day_ends_a_sentence_unless_a_day_or_time_zone_follows(text, expected):
    assert sents(text) == expected


def test_one_word_subject_and_verb_after_a_company_ending_start_a_sentence():
    assert sents("He bid for BHP Group Ltd. BHP declined to comment.") == [
        "He bid for BHP Group Ltd.",
        "BHP declined to comment.",
    ]
    t = "Apple Inc. Chief Executive Tim Cook said so."
    assert sents(t) == [t]


def test_quoted_question_then_speaker_and_speech_verb_is_one_sentence():
    assert sents("“Are we favourites?” Guardiola asked reporters. He smiled.") == [
        "“Are we favourites?” Guardiola asked reporters.",
        "He smiled.",
    ]
    assert sents("“Why?” The minister left.") == ["“Why?”", "The minister left."]


def test_web_address_ends_a_sentence_like_a_word_but_e_g_does_not():
    t = "Details are on gov.uk. Write to claims@example.co.uk. Some, e.g. the North, rose."
    assert sents(t) == [
        "Details are on gov.uk.",
        "Write to claims@example.co.uk.",
        "Some, e.g. the North, rose.",
    ]


def test_sentence_may_open_with_a_currency_sign_or_a_lower_case_brand():
    t = "Jobs fell in June. £3.5bn was set aside. eBay said it would cut 1,000 jobs."
    assert sents(t) == [
        "Jobs fell in June.",
        "£3.5bn was set aside.",
        "eBay said it would cut 1,000 jobs.",
    ]


def test_list_set_out_one_item_a_line_gives_one_sentence_per_item():
    t = "The measures are:\na freeze on fuel duty\na 2p cut in National Insurance"
    assert sents(t) == ["The measures are:", "a freeze on fuel duty",
                        "a 2p cut in National Insurance"]
    bullets = "He listed three demands\n- higher pay\n- shorter hours\n• a pension"
    assert sents(bullets) == ["He listed three demands", "- higher pay", "- shorter hours",
                              "• a pension"]


def test_colon_at_a_line_end_before_prose_does_not_split():
    t = ("The governor said on Friday that the decision was final and added:\n"
         "“We need to see the job through, whatever the markets think of it.”")
    assert sents(t) == [t]


def test_offsets_slice_back_to_the_sentence_and_word():
    text = "Headline here\n\nFirst paragraph, with “quotes”. Second one.\n"
    a = parse_text(text + "\nAnother paragraph here.\n", id="t")
    for s in body_sentences(a):
        assert a.text[s.start : s.end] == s.text
        for w in s.words:
            assert a.text[w.start : w.end] == w.text


def test_sentence_tokens_are_the_texts_of_its_words_whichever_comes_first():
    """``tokens`` (one findall, for readability) and ``words`` (records with offsets) must
    never disagree; checked on the seed, where figures, curly apostrophes, U.S.-style
    initialisms and compounds all occur, in both orders of first use."""
    from pathlib import Path

    seed = Path(__file__).resolve().parent.parent / "data" / "articles"
    text = next(seed.glob("aljazeera-*.txt")).read_text(encoding="utf-8")
    tokens_first = parse_text(text, id="a").sentences
    words_first = parse_text(text, id="b").sentences
    assert len(tokens_first) > 20
    for s, t in zip(tokens_first, words_first, strict=True):
        toks = s.tokens
        ws = t.words
        assert toks == tuple(w.text for w in s.words) == tuple(w.text for w in ws) == t.tokens
        assert s == t


def test_tokens_by_chunk_equal_the_texts_of_words_on_random_text():
    """:func:`tokens` tokenises white-space chunks on their own (memoised); that must
    give exactly the tokens of the whole text. Random strings over an alphabet of the
    characters the word pattern treats specially (dots, apostrophes, hyphens, currency,
    digits, separators, odd white space), fixed seed so a failure is repeatable."""
    import random

    rng = random.Random(20261128)
    alphabet = list("aZ9.,:;'’-‐%$£_ \t\n\u2028\x1c\xa0“”é") + ["U.S.", "13:00", "it’s"]
    for _ in range(3000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert tokens(t) == tuple(w.text for w in words(t)), repr(t)


def test_sentence_compares_by_value_and_has_no_stray_attributes():
    a = parse_text("Headline here\n\nOne sentence here. Another one.\n", id="a")
    s = a.sentences[0]
    with pytest.raises(AttributeError):
        s.txt = "a typo"  # slotted: a misspelt field fails loudly
    again = body_sentences(a)[0]
    assert again == s and hash(again) == hash(s) and again is not s
    assert again != a.sentences[1]
    assert "One sentence here." in repr(s)


def test_odd_text_never_raises():
    for t in ["", "   ", "...", "“", "a.b.c.", "?!", "\n\n\n", "Ünïcödé … ‘x’"]:
        split_sentences(t)
        words(t)


def test_word_tokens_keep_figures_contractions_and_compounds_whole():
    t = "Ukraine’s $200,000 budget: the U.S.-led 5,000-word in-depth plan rose 20% in the 1970s."
    assert [w.text for w in words(t)] == [
        "Ukraine’s", "$200,000", "budget", "the", "U.S.-led", "5,000-word", "in-depth",
        "plan", "rose", "20%", "in", "the", "1970s",
    ]
    assert words("ab cd", 10) == (Word(10, 12, "ab"), Word(13, 15, "cd"))


@pytest.mark.parametrize(
    "token, spoken",
    [
        ("2023", "twenty twenty three"),
        ("1905", "nineteen oh five"),
        ("2005", "two thousand five"),
        ("$200,000", "two hundred thousand dollars"),
        ("20%", "twenty percent"),
        ("13:00", "thirteen hundred"),
        ("3.5", "three point five"),
        ("2nd", "second"),
        ("£5bn", "five billion pounds"),
    ],
)
def test_figures_are_read_aloud(token, spoken):
    assert " ".join(number_words(token)) == spoken


@pytest.mark.parametrize(
    "word, n",
    [
        ("2023", 5),  # twen-ty twen-ty three
        ("$200,000", 7),  # two hun-dred thou-sand dol-lars
        ("20%", 4),  # twen-ty per-cent
        ("1979’s", 6),  # nine-teen sev-en-ty nine's
        ("Ukraine’s", 2),  # curly apostrophe: CMUdict's ukraine's
        ("it’s", 1),
        ("didn’t", 2),
        ("self-ruled", 2),  # self + ruled
        ("Biden-Xi", 3),  # bi-den + xi
        ("NSA", 3),  # en-es-ay
        ("U.N.", 2),
        ("Dr", 2),  # doc-tor
        ("Gen", 3),  # gen-er-al
        ("economy", 4),
        ("Jiechi", 2),  # not in CMUdict: vowel groups ie, i
    ],
)
def test_syllables_as_read_aloud(word, n):
    assert syllables(word) == n
