"""Readability of an article: every published formula from one shared set of counts.

All counts are over the article's body sentences (``article.sentences``: standfirst
and paragraphs); headline, subheadings, captions, credits and the source line are never
counted. One pass over the words collects, per sentence, the numbers every formula
needs (words, syllables, letters, polysyllables, Gunning's complex words, Dale-Chall
unfamiliar words), so the article figures, the sentence grades and the paragraph grades
all come from the same counts.

This module is the facade: :func:`readability` assembles the ``analyze`` contract from
the modules that do the work, which it re-exports:

- :mod:`analysis.word_difficulty`: familiar words (Dale-Chall), Gunning's easy forms;
- :mod:`analysis.readability_counts`: the per-sentence counts;
- :mod:`analysis.readability_formulas`: the formulas, the consensus, the headline grade
  and what the numbers mean;
- :mod:`analysis.language`: which language the text is in;
- :mod:`analysis.readability_knowledge`: ``data/readability.yaml``, read on first use.

Importing it reads no file and patches nothing: textstat is pointed at the offline
dictionary (:mod:`analysis.textstat_offline`) the first time textstat is called.

Where this differs from textstat 0.7.13 it is because textstat departs from the
published formula; ``docs/readability.md`` lists each difference with its reason, and
``tests/test_readability.py`` shows both values. textstat remains the source of the
Dale-Chall word list and of the formulas for languages other than English.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from analysis import textstat_offline
from analysis.language import (
    clear_function_word_cache,
    detect_language,
    language_of_sentences,
)
from analysis.readability_counts import (
    Counts,
    Tally,
    clear_token_caches,
    count_sentences,
    counts_from_packed,
)
from analysis.readability_formulas import (
    CONSENSUS_FORMULAS,
    GRADE_FORMULAS,
    SCORE_NAMES,
    SMOG_MIN_SENTENCES,
    automated_readability_index,
    coleman_liau_index,
    consensus,
    dale_chall,
    dale_chall_level,
    dale_chall_new,
    dale_chall_new_grade,
    dale_chall_new_level,
    flesch_band,
    flesch_kincaid_grade,
    flesch_reading_ease,
    grade_meaning,
    gunning_fog,
    headline,
    linsear_write,
    packed_grade_entry,
    round2,
    scores,
    smog_index,
)
from analysis.readability_knowledge import (
    KNOWLEDGE_FILE,
    readability_knowledge,
    words_per_minute,
)
from analysis.text import Sentence
from analysis.word_difficulty import clear_word_form_cache, dale_chall_list, is_familiar_form

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

__all__ = [
    "CONSENSUS_FORMULAS",
    "GRADE_FORMULAS",
    "SMOG_MIN_SENTENCES",
    "Counts",
    "automated_readability_index",
    "clear_word_caches",
    "coleman_liau_index",
    "consensus",
    "count_sentences",
    "dale_chall",
    "dale_chall_level",
    "dale_chall_list",
    "dale_chall_new",
    "dale_chall_new_grade",
    "dale_chall_new_level",
    "detect_language",
    "flesch_band",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "grade_meaning",
    "gunning_fog",
    "headline",
    "is_familiar_form",
    "linsear_write",
    "readability",
    "readability_of_sentences",
    "readability_of_text",
    "scores",
    "smog_index",
    "textstat_scores",
    "words_per_minute",
]


def __getattr__(name: str) -> Any:
    """``KNOWLEDGE``, ``WORDS_PER_MINUTE`` and ``DATA`` as before the split, read from
    ``data/readability.yaml`` when first asked for, not at import (PEP 562)."""
    if name == "KNOWLEDGE":
        return readability_knowledge()
    if name == "WORDS_PER_MINUTE":
        return words_per_minute()
    if name == "DATA":
        return KNOWLEDGE_FILE
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def clear_word_caches() -> None:
    """Empty the per-word memo tables of the text layer and of readability (tokens of
    white-space chunks, syllables, word forms, per-token counts). They fill again as
    articles are read; the word lists and dictionaries stay loaded. For long-running
    processes that want the memory back, and for benchmarks of a cold start."""
    from analysis import text

    text._CHUNKS.clear()
    text.syllables.cache_clear()
    clear_word_form_cache()
    clear_token_caches()
    clear_function_word_cache()


_TEXTSTAT_LANGUAGE_FORMULAS: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "de": [("wiener_sachtextformel", {"variant": 1})],
    "es": [("fernandez_huerta", {}), ("szigriszt_pazos", {}), ("gutierrez_polini", {}),
           ("crawford", {})],
    "it": [("gulpease_index", {})],
}


def _other_language(sentences: Sequence[Sentence], lang: str) -> dict[str, Any]:
    """Scores for a text not in English: textstat's Flesch Reading Ease constants for
    the language (Amstad for German, Fernández Huerta for Spanish, Kandel & Moles for
    French, Flesch-Vacca for Italian, Douma for Dutch, Oborneva for Russian) on our
    counts with textstat's syllable counter for it, plus textstat's own formulas
    written for that language."""
    textstat_offline.install()
    from textstat.backend.counts._count_syllables import count_syllables
    from textstat.backend.utils.constants import LANG_CONFIGS

    out: dict[str, Any] = {"flesch_reading_ease": None, "language_scores": {}}
    cfg = LANG_CONFIGS.get(lang, {})
    n_words = sum(len(s.words) for s in sentences)
    if "fre_base" in cfg and n_words:
        try:
            syl = sum(count_syllables(w.text.lower(), lang) for s in sentences for w in s.words)
        except Exception:  # pyphen has no dictionary for this language
            syl = None
        if syl:
            out["syllables"] = syl
            out["flesch_reading_ease"] = (
                cfg["fre_base"]
                - cfg["fre_sentence_length"] * n_words / len(sentences)
                - cfg["fre_syll_per_word"] * syl / n_words
            )
    body = " ".join(s.text for s in sentences)
    from textstat.textstat import textstatistics

    ts = textstatistics()
    ts.set_lang(lang)
    for name, kwargs in _TEXTSTAT_LANGUAGE_FORMULAS.get(lang, []):
        try:
            out["language_scores"][name] = float(getattr(ts, name)(body, **kwargs))
        except Exception:
            out["language_scores"][name] = None
    return out


def _listed(words: list[str], total: int, limit: int = 6) -> str:
    """Up to ``limit`` distinct words, with an ellipsis when ``total`` has more."""
    shown = list(dict.fromkeys(words))[:limit]
    return ", ".join(shown) + (", …" if total > len(shown) else "")


def _words(n: int) -> str:
    return f"{n} word" if n == 1 else f"{n} words"


def _why(c: Counts, mean_len: float) -> str:
    parts = []
    if c.words > 1.5 * mean_len:
        parts.append(f"long: {c.words} words (article average {mean_len:.0f})")
    if c.long_word_list:
        n = len(c.long_word_list)
        parts.append(
            f"{_words(n)} of three or more syllables ({_listed(c.long_word_list, n)})"
        )
    if c.unfamiliar_word_list:
        long = set(c.long_word_list)
        other = [w for w in c.unfamiliar_word_list if w not in long]
        n = len(c.unfamiliar_word_list)
        if not other:
            which = "all among the long words"
        elif len(other) < n:
            which = f"besides long words: {_listed(other, len(other))}"
        else:
            which = _listed(other, len(other))
        parts.append(f"{_words(n)} not on the Dale-Chall list ({which})")
    return "; ".join(parts) or f"{c.words} words"




def readability_of_sentences(
    sentences: Sequence[Sentence], text: str, *, language: str | None = None,
    hardest: int = 5,
) -> dict[str, Any]:
    """:func:`readability` for a list of sentences of ``text`` (see there)."""
    lang = (language or language_of_sentences(sentences)).lower()
    lang = lang.split("_")[0].split("-")[0]
    if lang == "en":
        tally = Tally(sentences, text)
        sums = tally.sums
        lengths = list(map(len, tally.texts))
        packed = sum(sums)
        total = counts_from_packed(len(sentences), sum(lengths), packed)
    else:
        total = Counts(
            sentences=len(sentences), words=sum(len(s.words) for s in sentences)
        )

    result: dict[str, Any] = {
        "language": lang,
        "note": None,
        "sentences": total.sentences,
        "words": total.words,
        "syllables": total.syllables if lang == "en" else None,
        "letters": total.letters if lang == "en" else None,
        "complex_words": total.complex_words if lang == "en" else None,
        "polysyllabic_words": total.polysyllables if lang == "en" else None,
        "unfamiliar_words": total.unfamiliar_words if lang == "en" else None,
    }
    for k in SCORE_NAMES:
        result[k] = None
    result.update(
        {
            "consensus_range": None,
            "headline_grade": None,
            "headline_measure": None,
            "headline_range": None,
            "headline_meaning": None,
            "smog_valid": total.sentences >= SMOG_MIN_SENTENCES,
            "dale_chall_new_level": None,
            "flesch_band": None,
            "grade_meaning": None,
            "reading_time_minutes": round2(total.words / words_per_minute(), 1),
            "sentence_grades": [],
            "paragraph_grades": [],
            "hardest_sentences": [],
        }
    )
    if lang != "en":
        other = _other_language(sentences, lang)
        result["syllables"] = other.get("syllables")
        result["flesch_reading_ease"] = round2(other["flesch_reading_ease"])
        result["language_scores"] = {k: round2(v) for k, v in other["language_scores"].items()}
        result["flesch_band"] = None
        result["note"] = (
            f"The text is not in English (language: {lang}). The English grade formulas "
            "and word lists do not apply, so they are left empty"
            + (
                "; Flesch Reading Ease uses textstat's constants for this language."
                if result["flesch_reading_ease"] is not None
                else "; textstat has no formula for this language."
            )
        )
        return result
    if not total.words:
        result["note"] = "The article has no body text to measure."
        return result

    for k, v in scores(total).items():
        result[k] = round2(v)
    grade, spread, values = consensus(total)
    result["consensus_grade"] = round2(grade)
    result["consensus_spread"] = round2(spread)
    result["consensus_range"] = [round2(min(values)), round2(max(values))]
    top = headline(total)
    result["headline_grade"] = round2(top["headline_grade"])
    result["headline_measure"] = top["headline_measure"]
    result["headline_range"] = [round2(v) for v in top["headline_range"]]
    result["headline_meaning"] = grade_meaning(
        top["headline_grade"], "headline_news_typical_range"
    )
    result["dale_chall_new_level"] = dale_chall_new_level(dale_chall_new(total))
    result["flesch_band"] = flesch_band(result["flesch_reading_ease"])
    result["grade_meaning"] = grade_meaning(grade)
    if not result["smog_valid"]:
        result["note"] = (
            f"SMOG is defined on 30 sentences; this text has {total.sentences}, so its "
            "SMOG grade is scaled up from fewer sentences and is less reliable."
        )

    mean_len = total.words / total.sentences
    sentence_grades = []
    grades = []
    by_par: dict[int, list[int]] = {}  # paragraph -> [start, end, sentences, words, packed]
    for s, n, pk in zip(sentences, lengths, sums, strict=True):
        p = s.paragraph
        entry = packed_grade_entry(
            {"index": s.index, "start": s.start, "end": s.end, "paragraph": p}, n, 1, pk
        )
        grades.append(entry["grade"])
        sentence_grades.append(entry)
        par = by_par.get(p)
        if par is None:
            by_par[p] = [s.start, s.end, 1, n, pk]
        else:
            par[1] = s.end
            par[2] += 1
            par[3] += n
            par[4] += pk
    result["sentence_grades"] = sentence_grades

    paragraph_grades = []
    for p, (start, end, ns, n, pk) in by_par.items():
        paragraph_grades.append(packed_grade_entry(
            {"paragraph": p, "start": start, "end": end, "sentences": ns}, n, ns, pk
        ))
    result["paragraph_grades"] = paragraph_grades

    lowest = float("-inf")
    order = sorted(range(len(grades)), key=lambda i: -(grades[i] or lowest))[:hardest]
    hard = []
    for i in order:
        c = tally.counts(i)
        s = sentences[i]
        hard.append({
            "index": s.index,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            "grade": grades[i],
            "words": c.words,
            "long_words": list(dict.fromkeys(c.long_word_list)),
            "unfamiliar_words": list(dict.fromkeys(c.unfamiliar_word_list)),
            "why": _why(c, mean_len),
        })
    result["hardest_sentences"] = hard
    return result


def readability(article: Article, language: str | None = None) -> dict[str, Any]:
    """Readability of an article's body text, as a JSON-serialisable dict.

    Keys (numbers rounded to 2 decimals; null where a formula does not apply):
    ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``, ``smog_index``,
    ``coleman_liau_index``, ``automated_readability_index``, ``dale_chall`` (1948),
    ``dale_chall_new`` (1995 cloze score) with ``dale_chall_new_level``,
    ``linsear_write``, ``consensus_grade`` (mean of Flesch-Kincaid, Fog, SMOG,
    Coleman-Liau and ARI) with ``consensus_spread`` (max - min) and ``consensus_range``;
    ``headline_grade`` (the US grade the report leads with, higher is harder: the New
    Dale-Chall cloze score read as a grade, chosen by evidence, see
    :func:`analysis.readability_formulas.headline`) with ``headline_measure`` (its
    name), ``headline_range`` (lowest and highest grade over the headline and the
    grade formulas: its uncertainty) and ``headline_meaning`` (in words);
    counts ``sentences``, ``words``, ``syllables``, ``letters``, ``complex_words``
    (Gunning), ``polysyllabic_words``, ``unfamiliar_words`` (Dale-Chall);
    ``smog_valid`` (at least 30 sentences), ``reading_time_minutes`` (238 words per
    minute), ``flesch_band``, ``grade_meaning``, ``language``, ``note``;
    ``sentence_grades`` and ``paragraph_grades`` (consensus grade of each, with offsets
    into ``article.text``) and ``hardest_sentences`` (with the reasons).

    ``language`` (ISO 639-1) overrides detection. A text not in English gets a note
    and only the formulas textstat has for its language.
    """
    return readability_of_sentences(article.sentences, article.text, language=language)


def readability_of_text(text: str, language: str | None = None) -> dict[str, Any]:
    """:func:`readability` of a plain string taken as one body paragraph per line."""
    from analysis.article import Article, Block, Kind

    blocks = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            s = pos + line.index(stripped)
            blocks.append(Block(Kind.PARAGRAPH, s, s + len(stripped), stripped))
        pos += len(line)
    return readability(Article(id="text", text=text, blocks=blocks), language=language)


def textstat_scores(text: str) -> dict[str, float]:
    """textstat 0.7.13's nine formula functions on ``text`` (for comparison only)."""
    textstat_offline.install()
    import textstat

    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "coleman_liau_index": textstat.coleman_liau_index(text),
        "automated_readability_index": textstat.automated_readability_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
        "dale_chall_new": textstat.dale_chall_readability_score_v2(text),
        "linsear_write": textstat.linsear_write_formula(text),
    }
