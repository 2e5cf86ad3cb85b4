"""Properties every analysis keeps on any text (hypothesis).

For arbitrary Unicode text, and for text built from the pieces news is made of (quotation
marks of every kind, unbalanced ones, abbreviations, very long sentences, no punctuation,
right-to-left script, combining characters, headline, credit and ``Source:`` lines):

- nothing raises (the parser may refuse a text without words, with ``ArticleError``);
- every offset slices inside the text, and every span slices to the text it claims;
- shares lie in [0, 1] and counts are non-negative;
- the same input gives the same output, in this process and in another with a different
  ``PYTHONHASHSEED``.

``make test`` runs the bounded ``default`` profile; ``make properties`` runs the ``long``
one (``HYPOTHESIS_PROFILE=long``); its last result is in the README.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis.article import Article, ArticleError, parse_text
from analysis.paths import ROOT
from analysis.pipeline import analyze_article
from analysis.readability import readability
from analysis.sources import analyze_sources
from analysis.topics import topic_proportions

# No deadline: the machine is shared and timing is not a property (benchmarks are in bench/).
settings.register_profile(
    "default", max_examples=60, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long", max_examples=3000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# --- news-like text --------------------------------------------------------------------

QUOTE_MARKS = ['"', "“", "”", "‘", "’", "'", "''", "``", "«", "»", "‹", "›", "„", "‚",
               "「", "」", "« ", " »", "\u201f", "\u2033"]
WORDS = ["the", "minister", "said", "says", "told", "reporters", "according", "to",
         "officials", "warned", "that", "China", "Russia", "Taiwan", "trade", "tariffs",
         "Ukraine", "he", "she", "it", "they", "added", "in", "a", "statement", "on",
         "Friday", "Beijing", "Washington", "sanctions", "war", "invasion", "Kremlin",
         "spokesman", "Zhao", "Lijian", "Antony", "Blinken", "Biden", "Xi", "Putin",
         "and", "of", "for", "at", "with", "people", "familiar", "matter", "plans"]
ABBREVIATIONS = ["Mr.", "Mrs.", "Ms.", "Dr.", "U.S.", "U.K.", "Sen.", "Gov.", "Rep.",
                 "Gen.", "Lt.", "St.", "Jan.", "No.", "vs.", "etc.", "e.g.", "i.e.",
                 "a.m.", "p.m.", "Inc.", "Corp.", "(R-Fla.)", "D.C.", "Wilmington, N.C.,"]
PUNCTUATION = [".", ",", ";", ":", "!", "?", "…", "...", " - ", " — ", "–", "(", ")", "[",
               "]", "/", "%", "$", "13:00 GMT", "1,000", "3.5%", "2022", "$1.2bn"]
EXOTIC = ["قال الوزير", "שלום עולם", "\u202e", "\u202c", "\u200f", "\u200e",
          "e\u0301", "\u0301", "a\u0308\u0308", "\u200d", "\ufeff", "👩‍👩‍👧", "ß", "İ",
          "ﬁ", "Ⅻ", "٣", "\u00a0", "\u2028", "\u2029", "\t", "\r\n", "\r", "\x00",
          "\ud7ff", "\U0001d400", "中国外交部", "Москва заявила"]
LINES = ["\nUS, China discuss Russia as Biden and Xi hold call\n",
         "\nSource: Al Jazeera and news agencies\n", "\nSource:\n",
         "\n[File: Leah Millis/Reuters]\n", "\n[File:\n", "\nBy Katrina Yu\n",
         "\n\n", "\n", "\n- ", "\n* ", "\nQ: ", "\nA: ", "\nUPDATE\n"]
SEPARATORS = ["", " ", " ", " ", "\n", "\n\n", "\r\n", "\x0c", "\x85", "\u2028", "\x1e"]


@st.composite
def long_sentence(draw: st.DrawFn) -> str:
    """Hundreds of words with no punctuation at all."""
    n = draw(st.integers(min_value=50, max_value=400))
    return " ".join(draw(st.sampled_from(WORDS)) for _ in range(3)) * (n // 3)


PIECE = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(ABBREVIATIONS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(EXOTIC),
    st.sampled_from(LINES),
    st.text(max_size=8),
    long_sentence(),
)


@st.composite
def news_like(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(PIECE, max_size=80))
    out = []
    for piece in pieces:
        out.append(draw(st.sampled_from(SEPARATORS)))
        out.append(piece)
    return "".join(out)


@st.composite
def quoted_paragraphs(draw: st.DrawFn) -> str:
    """Paragraphs of the shapes quote extraction looks for, with any quotation marks,
    balanced or not: '<open>words<close>, Name said.' and 'Name said: <open>words'."""
    paras = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        opening = draw(st.sampled_from(QUOTE_MARKS + [""]))
        closing = draw(st.sampled_from(QUOTE_MARKS + [""]))
        said = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30)))
        who = draw(st.sampled_from(["Mr. Zhao", "Dr. Samir Puri", "the U.S. envoy",
                                    "Sen. Marco Rubio (R-Fla.)", "he", "a spokesman",
                                    "قال", "Zoë Ça\u0301rdenas", ""]))
        cue = draw(st.sampled_from(["said", "says", "told reporters", "warned", "added", ""]))
        if draw(st.booleans()):
            paras.append(f"{opening}{said},{closing} {who} {cue}.")
        else:
            paras.append(f"{who} {cue}: {opening}{said}.{closing}")
    return "\n\n".join(paras)


ANY_TEXT = st.one_of(st.text(max_size=600), news_like(), quoted_paragraphs())

# --- the properties --------------------------------------------------------------------


def parse_or_refuse(text: str) -> Article | None:
    """The parsed article, or None when the parser refuses a text without words (the
    one refusal it documents; anything else it raises is a failure)."""
    try:
        return parse_text(text)
    except ArticleError:
        assert not text.strip() or not re.search(r"\w", text), "refused a text with words"
        return None


def check_span(text: str, start: Any, end: Any, where: str) -> None:
    assert isinstance(start, int) and isinstance(end, int), where
    assert 0 <= start <= end <= len(text), f"{where}: [{start}, {end}) outside 0..{len(text)}"


def check_offsets_and_figures(text: str, value: Any, where: str = "result") -> None:
    """Walk a result: every start/end pair (also ``x_start``/``x_end``) slices inside
    the text, a ``text`` beside it is that slice, shares lie in [0, 1], ints are >= 0."""
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{where}.{key}"
            if isinstance(item, bool) or item is None:
                continue
            if isinstance(item, int):
                assert item >= 0, f"{here} = {item}"
            if isinstance(item, float) and ("share" in key or key.endswith("_normalised")
                                            or key in {"gini_simpson", "mean"}):
                assert 0.0 <= item <= 1.0, f"{here} = {item}"
        for key in value:
            if key.endswith("start") and isinstance(value[key], int):
                end_key = key[: -len("start")] + "end"
                assert end_key in value, f"{where}.{key} without {end_key}"
                check_span(text, value[key], value[end_key], f"{where}.{key}")
            if key.endswith("start") and value[key] is None:
                end_key = key[: -len("start")] + "end"
                assert value.get(end_key) is None, f"{where}.{end_key} without {key}"
        if isinstance(value.get("start"), int) and isinstance(value.get("text"), str):
            assert value["text"] == text[value["start"] : value["end"]], where
        for key, item in value.items():
            check_offsets_and_figures(text, item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            check_offsets_and_figures(text, item, f"{where}[{i}]")
    elif isinstance(value, float):
        assert value == value, f"{where} is NaN"


def cuts_a_word(text: str, start: int, end: int) -> bool:
    """True when [start, end) begins or ends inside a run of letters or digits."""
    return (0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum()) or (
        0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    )


def check_article(article: Article) -> None:
    text = article.text
    previous_end = 0
    for block in article.blocks:
        check_span(text, block.start, block.end, f"block {block.kind}")
        assert block.text == text[block.start : block.end]
        assert block.start >= previous_end, "blocks overlap or go backwards"
        previous_end = block.end
    for credit in article.credits:
        check_span(text, credit.start, credit.end, "credit")
        assert credit.text == text[credit.start : credit.end]
    previous_end = 0
    for i, sentence in enumerate(article.sentences):
        assert sentence.index == i
        check_span(text, sentence.start, sentence.end, f"sentence {i}")
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.start >= previous_end, "sentences overlap or go backwards"
        previous_end = sentence.end
        for word in sentence.words:
            assert sentence.start <= word.start < word.end <= sentence.end
            assert word.text == text[word.start : word.end]


def check_quotes(article: Article, voices: dict[str, Any]) -> None:
    text = article.text
    ids = {s["id"] for s in voices["sources"]}
    for q in voices["quotes"]:
        assert q["start"] < q["end"], "an empty quote"
        assert q["text"] == text[q["start"] : q["end"]]
        if q["speaker_start"] is not None:
            span = text[q["speaker_start"] : q["speaker_end"]]
            # a speaker span is a whole name or pronoun: some words, nothing cut in half
            assert span.strip() == span and re.search(r"\w", span), repr(span)
            assert not cuts_a_word(text, q["speaker_start"], q["speaker_end"]), repr(span)
        assert (q["speaker"] is None) == (q["source_id"] is None)
        assert q["source_id"] is None or q["source_id"] in ids
    starts = [q["start"] for q in voices["quotes"]]
    assert starts == sorted(starts), "quotes are not in text order"
    for s in voices["sources"]:
        assert s["quotes"] == sum(q["source_id"] == s["id"] for q in voices["quotes"])
    diversity = voices["diversity"]
    for entity in diversity.get("talked_about_not_heard") or []:
        assert not cuts_a_word(text, entity["first_start"], entity["first_end"]), entity
    if voices["quotes"]:
        assert diversity["quotes"] == len(voices["quotes"])
        assert diversity["distinct_sources"] == len(voices["sources"])
    by_source = diversity.get("share_of_voice", {}).get("by_source") or []
    if by_source:  # shares of the attributed quotes, rounded to 4 places each
        assert abs(sum(row["share_quotes"] for row in by_source) - 1) <= 1e-4 * len(by_source)


def check_topics(article: Article, result: dict[str, Any]) -> None:
    sentences = article.sentences
    for topic, figures in result.items():
        if topic.startswith("_"):
            continue
        for s in figures["sentences"]:
            sentence = sentences[s["index"]]
            assert (s["start"], s["end"]) == (sentence.start, sentence.end)
            for term in s["terms"]:
                assert sentence.start <= term["start"] < term["end"] <= sentence.end
                assert not cuts_a_word(article.text, term["start"], term["end"]), term
        assert figures["sentence_count"] == len(figures["sentences"])


def check_everything(text: str) -> None:
    article = parse_or_refuse(text)
    if article is None:
        return
    check_article(article)
    result = analyze_article(article)
    check_offsets_and_figures(article.text, result)
    check_quotes(article, {k: result[k] for k in ("quotes", "sources", "diversity")})
    check_topics(article, result["topics"])
    again = analyze_article(parse_text(text))
    assert json.dumps(again, sort_keys=False) == json.dumps(result, sort_keys=False)


@given(ANY_TEXT)
def test_the_parser_keeps_offsets_inside_the_text(text):
    article = parse_or_refuse(text)
    if article is not None:
        check_article(article)


@given(ANY_TEXT)
def test_readability_figures_are_in_range_on_any_text(text):
    article = parse_or_refuse(text)
    if article is not None:
        r = readability(article)
        check_offsets_and_figures(text, r)


@given(ANY_TEXT)
@example("0B told/0/TOLD")  # found by the long run: the speaker was "B", cut out of "0B"
def test_quote_and_speaker_spans_slice_to_what_they_claim(text):
    article = parse_or_refuse(text)
    if article is not None:
        voices = analyze_sources(article)
        check_offsets_and_figures(text, voices)
        check_quotes(article, voices)


@given(ANY_TEXT)
def test_topic_evidence_lies_inside_its_sentence(text):
    article = parse_or_refuse(text)
    if article is not None:
        result = topic_proportions(article)
        check_offsets_and_figures(text, result)
        check_topics(article, result)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ANY_TEXT)
@example("Mr. Smith said: “We will go to the U.S. soon,” he told reporters.")
@example("''Quoted with typewriter marks,'' the spokesman said. «Et puis», dit-il.")
def test_the_whole_analysis_holds_every_property_and_repeats_itself(text):
    check_everything(text)


# --- the same output in another process -------------------------------------------------

FIXED_TEXTS = [
    "US, China discuss Russia as Biden and Xi hold call\n\n"
    "“Beijing has a responsibility,” said Antony Blinken, the U.S. secretary of state. "
    "Mr. Zhao told reporters: ‘We oppose sanctions.’ He added that trade would go on.\n\n"
    "Source: Al Jazeera and news agencies",
    "''Typewriter quotes,'' Dr. Puri said. «Guillemets» and „low marks“ and an "
    "unclosed “quote that never ends\n\nقال الوزير إن \u202eRTL e\u0301 Zoë said so.",
    "no punctuation at all " * 120,
]

_DUMP = (
    "import json, sys\n"
    "from analysis.article import parse_text\n"
    "from analysis.pipeline import analyze_article\n"
    "texts = json.loads(sys.stdin.read())\n"
    "print(json.dumps([analyze_article(parse_text(t)) for t in texts], ensure_ascii=False))\n"
)


def _dump_in_subprocess(hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    proc = subprocess.run([sys.executable, "-c", _DUMP], input=json.dumps(FIXED_TEXTS),
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.mark.slow
def test_the_analysis_is_the_same_under_another_hash_seed():
    first = _dump_in_subprocess("1")
    assert first == _dump_in_subprocess("4242")
    assert json.loads(first)[0]["quotes"], "the fixed texts should exercise quote extraction"
