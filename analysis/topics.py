"""Topic proportions with evidence: how much of an article is about each named topic.

Topics are defined as data (``data/topics.yaml`` by default, or a user's copy): each has
*core* terms that put a sentence on the topic by themselves, *weak* terms that count
only with other evidence, and *exclusions* that cancel a term they overlap ("traded at"
is a share price, not trade). :func:`topic_proportions` decides every body sentence with
the terms that matched and the rule that decided, then reports shares by sentence, word
and paragraph, position, co-occurrence and the share on none of the topics.

Method: a tiered dictionary classifier, the transparent alternative to keyword counts
used in content analysis (Krippendorff, *Content Analysis*, 4th ed., 2018, ch. 11 on
dictionaries; Young & Soroka, "Affective News", *Political Communication* 29, 2012, on
validating lexicons against hand codes). Every decision is checkable sentence by
sentence; figures measured against hand labels are in ``docs/topics.md``.

Sentence rules, in order (the ``rule`` reported as evidence):

* ``core``: at least one core term not cancelled by an exclusion;
* ``weak-pair``: two different weak terms (from different groups when the topic groups
  its weak terms, and from one of its ``pairs`` of groups when it lists them);
* ``weak+context``: one weak term, in a paragraph that already has a ``core`` or
  ``weak-pair`` sentence on the topic, or right after such a sentence;
* ``weak+article``: one weak term, in an article of which the topic is a theme
  (:mod:`analysis.topic_theme`, judged on the evidence of the rules above) with at
  least ``ARTICLE_THEME_MIN`` (2) ``core`` or ``weak-pair`` sentences on it. A weak
  term is ambiguous in general ("cargo", "levies", "the island") but, once an article
  is about the topic, it most often refers to it: the "one sense per discourse"
  tendency of Gale, Church & Yarowsky (1992, "One sense per discourse", HLT workshop).
  It never makes a topic present by itself, so article-level decisions are unchanged;
* otherwise a weak term alone is kept as rejected evidence (rule ``weak-alone``) and
  does not count.

What a matched term is worth: a name of an earlier state of the topic (``history``:
"Soviet Union" for Russia) is core in articles of its time, or undated ones that do not
frame it as past, and weak otherwise (:func:`current_eras`); a lower-case term inside a
title or an institution's name ("Trade Minister", "Institute for International
Economics") is not evidence by itself (:func:`in_name`); a longer weak phrase overrides
a core term it contains ("post-Soviet").

The lexicon (reading a topics file, matching terms) is :mod:`analysis.topic_lexicon`;
whether a topic is a main subject of the article (``theme``) is
:mod:`analysis.topic_theme`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.text import (
    NAME_HEADS,
    REFERENCE_DETERMINERS,
    REFERENCE_HEADS,
    REFERENCE_PRONOUNS,
)
from analysis.text import words as text_words
from analysis.topic_lexicon import (  # noqa: F401 - the lexicon's public names, re-exported
    CORE,
    DEFAULT_TOPICS_FILE,
    EXCLUDE,
    HISTORY,
    NAME_GROUP,
    WEAK,
    Topic,
    TopicFileError,
    TopicSet,
    build_topic,
    compile_term,
    load_topics,
    parse_topics,
    term_regex,
)
from analysis.topic_theme import headline_span, status, theme_evidence
from analysis.yaml_files import load_yaml_text

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

RULE_CORE = "core"
RULE_WEAK_PAIR = "weak-pair"
RULE_WEAK_CONTEXT = "weak+context"
RULE_WEAK_ARTICLE = "weak+article"
RULE_WEAK_ALONE = "weak-alone"
RULE_REFERENCE = "reference+context"
# rules that put a sentence on a topic; "semantic" is added by analysis.topic_semantic
ON_TOPIC_RULES = frozenset(
    {RULE_CORE, RULE_WEAK_PAIR, RULE_WEAK_CONTEXT, RULE_WEAK_ARTICLE, RULE_REFERENCE,
     "semantic"}
)
# weak+article needs the topic to be a theme (analysis.topic_theme) with at least
# ARTICLE_THEME_MIN sentences on it by their own terms (core or weak-pair)
ARTICLE_THEME_MIN = 2


# --- sentence decisions ---------------------------------------------------------------


@dataclass
class Decision:
    """The evidence for one topic in one sentence."""

    index: int
    terms: list[dict] = field(default_factory=list)
    rule: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def on_topic(self) -> bool:
        return self.rule in ON_TOPIC_RULES


def _greedy(hits: list[dict]) -> list[dict]:
    """Leftmost, then longest, non-overlapping matches (as a regex alternation would)."""
    hits.sort(key=lambda h: (h["start"], -h["end"]))
    out: list[dict] = []
    for h in hits:
        if not out or h["start"] >= out[-1]["end"]:
            out.append(h)
    return out


def _sentence_matches(topics: TopicSet, text: str, sent) -> list[dict[str, list[dict]]]:
    """Per topic, the tiers' matches in one sentence: ``[{tier: [hit, ...]}, ...]``."""
    index = topics.index
    raw: list[dict[str, list[dict]]] = [{} for _ in topics.topics]
    memo = index.memo
    lookup = index.lookup
    patterns = [t.patterns for t in topics.topics]
    end = sent.end
    for word in sent.words:
        found = memo.get(word.text)
        if found is None:
            found = lookup(word.text)
        for rel, ti, tier, i in found:
            pos = word.start + rel
            m = patterns[ti][tier][i].match(text, pos, end)
            if m:
                raw[ti].setdefault(tier, []).append({"start": m.start(), "end": m.end(), "i": i})
    return raw


_NAME_WORD = re.compile(r"[\w.&'’-]+")
_NAME_JOINERS = frozenset({"of", "for", "and", "on", "the", "&", "de"})


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def in_name(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether ``text[start:end]``, a capitalised word or phrase between ``lo`` and
    ``hi`` (its sentence), is part of a title or an institution's name: a run of
    capitalised words (joined by "of", "for", "and", ...) holding one of the name heads
    of ``data/text.yaml`` besides itself ("Commerce Secretary", "Trade Minister",
    "Institute for International Economics"). ALL-CAPS text is never taken for a name."""
    if not _capitalised(text[start:end]):
        return False
    run: list[str] = []
    for words in (_NAME_WORD.findall(text, end, hi),
                  _NAME_WORD.findall(text, lo, start)[::-1]):
        pending = 0
        for w in words:
            if _capitalised(w):
                run.append(w)
                pending = 0
            elif w.lower() in _NAME_JOINERS and pending < 2:
                pending += 1
            else:
                break
    own = {w.lower() for w in _NAME_WORD.findall(text[start:end])}
    return any(w.lower().rstrip(".") in NAME_HEADS and w.lower() not in own for w in run)


def _topic_hits(
    topic: Topic, text: str, raw: dict[str, list[dict]], current: frozenset[int] = frozenset(),
    bounds: tuple[int, int] | None = None,
) -> list[dict]:
    """Core and weak hits of one topic in one sentence, minus those an exclusion overlaps
    and weak hits inside a core one ("self-ruled" in "self-ruled island").

    A name of an earlier state (tier ``history``) is a core hit when its era is in
    ``current`` and a weak one (group: the era's id) otherwise. A longer weak phrase that
    contains a core hit overrides it ("post-Soviet", "Soviet-era" over "Soviet").
    A lower-case term matched inside a title or an institution's name (:func:`in_name`;
    ``bounds`` are the sentence's offsets) is not evidence by itself: a core term
    counts as weak (group :data:`NAME_GROUP`), a weak one not at all."""
    spans = [(h["start"], h["end"]) for h in raw.get(EXCLUDE, ())]
    core: list[dict] = list(raw.get(CORE, []))
    weak: list[dict] = [dict(h, group=topic.weak[h["i"]][1]) for h in raw.get(WEAK, [])]
    for h in raw.get(HISTORY, ()):
        era = topic.history_terms[h["i"]][1]
        if era in current:
            core.append(dict(h, hist=True))
        else:
            weak.append(dict(h, group=topic.eras[era].id, era=True, hist=True))
    core = _greedy(core)
    weak = _greedy(weak)
    if spans:
        core = [h for h in core if not any(a < h["end"] and h["start"] < b for a, b in spans)]
        weak = [h for h in weak if not any(a < h["end"] and h["start"] < b for a, b in spans)]
    if bounds is not None:
        lo, hi = bounds
        folded = topic.folded

        def named(h: dict, tier: str) -> bool:
            return (text[h["start"]].isupper() and "hist" not in h and folded[tier][h["i"]]
                    and in_name(text, h["start"], h["end"], lo, hi))

        demoted = [h for h in core if named(h, CORE)]
        if demoted:
            core = [h for h in core if h not in demoted]
        weak = [h for h in weak if not named(h, WEAK)]
        weak += [dict(h, group=NAME_GROUP) for h in demoted]
    if weak and core:
        core = [c for c in core if not any(
            w["start"] <= c["start"] and c["end"] <= w["end"] and w["end"] - w["start"]
            > c["end"] - c["start"] for w in weak)]
    found: list[dict] = []
    for c in core:
        found.append({"term": text[c["start"]:c["end"]], "tier": CORE,
                      "start": c["start"], "end": c["end"]})
    for w in weak:
        s, e = w["start"], w["end"]
        if any(c["start"] < e and s < c["end"] for c in core):
            continue
        hit = {"term": text[s:e], "tier": WEAK, "start": s, "end": e, "group": w["group"]}
        if w.get("era"):
            hit["era_name"] = True  # a name of an era framed as past or out of its time
        found.append(hit)
    found.sort(key=lambda h: h["start"])
    return found


def _weak_pair(topic: Topic, weak_hits: list[dict]) -> bool:
    return topic.is_pair({h["group"] for h in weak_hits if h["tier"] == WEAK})


def publication_date(article: Article) -> date | None:
    """The article's publication date from ``article.published`` (an ISO date, possibly
    with a time), or None when unknown or unreadable."""
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", article.published or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def current_eras(topic: Topic, article: Article, raws: list[list[dict]], ti: int
                 ) -> frozenset[int]:
    """Indices of the topic's eras whose names count as core in this article: those
    that had not ended when it was published or, when its date is unknown, those the
    text does not frame as past (none of the era's ``past`` phrases occurs in it)."""
    if not topic.eras:
        return frozenset()
    published = publication_date(article)
    if published is not None:
        return frozenset(i for i, era in enumerate(topic.eras) if published <= era.until)
    framed_past = {topic.weak[h["i"]][1] for raw in raws for h in raw[ti].get(WEAK, ())}
    return frozenset(i for i, era in enumerate(topic.eras) if era.id not in framed_past)


def sentence_decisions(article: Article, topics: TopicSet) -> dict[str, list[Decision]]:
    """For each topic, the decision on every body sentence that has any of its terms."""
    text = article.text
    sentences = article.sentences
    out: dict[str, list[Decision]] = {t.id: [] for t in topics}
    raws = [_sentence_matches(topics, text, sent) for sent in sentences]
    current: dict[str, frozenset[int]] = {}
    for ti, topic in enumerate(topics.topics):
        current[topic.id] = current_eras(topic, article, raws, ti)
        for sent, raw in zip(sentences, raws, strict=True):
            tiers = raw[ti]
            if CORE not in tiers and WEAK not in tiers and HISTORY not in tiers:
                continue
            hits = _topic_hits(topic, text, tiers, current[topic.id], (sent.start, sent.end))
            if not hits:
                continue
            d = Decision(sent.index, hits)
            if any(h["tier"] == CORE for h in hits):
                d.rule = RULE_CORE
            elif _weak_pair(topic, hits):
                d.rule = RULE_WEAK_PAIR
            else:
                d.rule = RULE_WEAK_ALONE
            out[topic.id].append(d)
    in_headline = None
    for tid, decisions in out.items():
        # one weak term counts in a paragraph already on the topic, or right after it
        strong = {d.index for d in decisions if d.rule in (RULE_CORE, RULE_WEAK_PAIR)}
        strong_pars = {sentences[i].paragraph for i in strong}
        for d in decisions:
            if d.rule == RULE_WEAK_ALONE and (
                    sentences[d.index].paragraph in strong_pars or d.index - 1 in strong):
                d.rule = RULE_WEAK_CONTEXT
        # a sentence without a term that opens by referring back ("It", "The two
        # ministers", "The self-ruled island") to a sentence on the topic right before
        # it, in the same paragraph, is on the topic too
        decided = {d.index for d in decisions}
        before = [d.index for d in decisions
                  if d.rule in (RULE_CORE, RULE_WEAK_PAIR, RULE_WEAK_CONTEXT)]
        for i in before:
            j = i + 1
            if j >= len(sentences) or j in decided \
                    or sentences[j].paragraph != sentences[i].paragraph:
                continue
            ref = _reference_opening(sentences[j])
            if ref is not None:
                s, e = ref
                decisions.append(Decision(j, [{"term": text[s:e], "tier": "reference",
                                               "start": s, "end": e}], RULE_REFERENCE,
                                          {"refers_to": i}))
        # one weak term anywhere counts when the topic is a theme of the article (judged
        # on the evidence above, as analysis.topic_theme reports it)
        if not any(d.rule == RULE_WEAK_ALONE for d in decisions):
            continue
        if in_headline is None:
            in_headline = headline_hits(article, topics, current)
        theme = theme_evidence({d.index: d.rule for d in decisions if d.on_topic},
                               len(sentences), in_headline[tid])
        if theme.theme and len(strong) >= ARTICLE_THEME_MIN:
            for d in decisions:
                if d.rule == RULE_WEAK_ALONE:
                    d.rule = RULE_WEAK_ARTICLE
    return out


def _reference_opening(sent) -> tuple[int, int] | None:
    """Offsets of the words that open ``sent`` by referring back to the sentence before
    (a pronoun, or a determiner, at most three words and a head; lists in
    ``data/text.yaml``), or None."""
    words = sent.words[:5]
    if not words:
        return None
    first = words[0].text.lower()
    if first in REFERENCE_PRONOUNS:
        return words[0].start, words[0].end
    if first not in REFERENCE_DETERMINERS:
        return None
    end = None
    for w in words[1:]:  # the last head within reach: "The two ministers"
        low = w.text.lower()
        if low.endswith(("’s", "'s")):
            low = low[:-2]
        if low in REFERENCE_HEADS:
            end = w.end
        elif end is not None:
            break
    return (words[0].start, end) if end is not None else None


class _Span:
    """A stretch of text shaped like a text-layer sentence (words and end), to match
    terms in the headline, which is not a body sentence."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.end = end
        self.words = text_words(text[start:end], start)


def headline_hits(
    article: Article, topics: TopicSet, current: dict[str, frozenset[int]] | None = None
) -> dict[str, list[dict]]:
    """Per topic, its term hits in the headline (offsets into the headline's text: the
    article's text, or the title when the headline is not in it). ``current``: per
    topic, the eras whose names count as core (:func:`current_eras`)."""
    span = headline_span(article)
    out: dict[str, list[dict]] = {t.id: [] for t in topics}
    if span is None:
        return out
    text, start, end = span
    raw = _sentence_matches(topics, text, _Span(text, start, end))
    for topic, tiers in zip(topics.topics, raw, strict=True):
        if CORE in tiers or WEAK in tiers or HISTORY in tiers:
            out[topic.id] = _topic_hits(topic, text, tiers, (current or {}).get(
                topic.id, frozenset()))
    return out


def eras_from_decisions(
    article: Article, topics: TopicSet, decisions: dict[str, list[Decision]]
) -> dict[str, frozenset[int]]:
    """:func:`current_eras` recovered from decisions already made: by date when known,
    else the eras none of whose ``past`` phrases was found in the body."""
    published = publication_date(article)
    out: dict[str, frozenset[int]] = {}
    for topic in topics:
        if not topic.eras:
            out[topic.id] = frozenset()
        elif published is not None:
            out[topic.id] = frozenset(
                i for i, era in enumerate(topic.eras) if published <= era.until)
        else:
            past = {h.get("group") for d in decisions.get(topic.id, ()) for h in d.terms
                    if h["tier"] == WEAK and not h.get("era_name")}
            out[topic.id] = frozenset(
                i for i, era in enumerate(topic.eras) if era.id not in past)
    return out


# --- proportions ------------------------------------------------------------------------


def _thirds(indices: list[int], n: int) -> list[int]:
    counts = [0, 0, 0]
    for i in indices:
        counts[min(2, (3 * i) // max(n, 1))] += 1
    return counts


def proportions_from_decisions(
    article: Article,
    topics: TopicSet,
    decisions: dict[str, list[Decision]],
    method: str = "lexicon",
) -> dict:
    """The ``topics`` section of the ``analyze`` output from per-sentence decisions.

    Shares are fractions in [0, 1] of the article's body sentences, body words (the text
    layer's word tokens) and body paragraphs that hold at least one sentence.
    """
    sentences = article.sentences
    n_sent = len(sentences)
    n_words = sum(len(s.words) for s in sentences)
    paragraphs = {s.paragraph for s in sentences}
    n_par = len(paragraphs)

    def share(x: int, n: int) -> float:
        return x / n if n else 0.0

    result: dict[str, Any] = {}
    on_topic: dict[str, set[int]] = {}
    in_headline = headline_hits(article, topics, eras_from_decisions(article, topics, decisions))
    for topic in topics:
        ds = decisions.get(topic.id, [])
        kept = sorted((d for d in ds if d.on_topic), key=lambda d: d.index)
        # the theme is judged without weak+article sentences, which need it first
        theme = theme_evidence(
            {d.index: d.rule for d in kept if d.rule != RULE_WEAK_ARTICLE}, n_sent,
            in_headline[topic.id])
        idx = [d.index for d in kept]
        on_topic[topic.id] = set(idx)
        words = sum(len(sentences[i].words) for i in idx)
        pars = sorted({sentences[i].paragraph for i in idx})
        thirds = _thirds(idx, n_sent)
        peak = None
        if idx:
            peak = ("beginning", "middle", "end")[max(range(3), key=lambda k: thirds[k])]
        result[topic.id] = {
            "label": topic.label,
            "description": topic.description,
            "present": bool(idx),
            "theme": theme.theme,
            "theme_score": theme.score,
            "status": status(bool(idx), theme.theme),
            "theme_evidence": theme.as_dict(),
            "sentence_count": len(idx),
            "word_count": words,
            "paragraph_count": len(pars),
            "sentence_share": share(len(idx), n_sent),
            "word_share": share(words, n_words),
            "paragraph_share": share(len(pars), n_par),
            "first_sentence": idx[0] if idx else None,
            "last_sentence": idx[-1] if idx else None,
            "position": {
                "mean": (sum(idx) / len(idx) + 0.5) / n_sent if idx else None,
                "thirds": thirds,
                "peak": peak,
            },
            "paragraphs": pars,
            "sentences": [
                {
                    "index": d.index,
                    "paragraph": sentences[d.index].paragraph,
                    "start": sentences[d.index].start,
                    "end": sentences[d.index].end,
                    "terms": d.terms,
                    "rule": d.rule,
                    **d.extra,
                }
                for d in kept
            ],
            "rejected": [
                {
                    "index": d.index,
                    "start": sentences[d.index].start,
                    "end": sentences[d.index].end,
                    "terms": d.terms,
                    "rule": d.rule,
                    **d.extra,
                }
                for d in sorted(ds, key=lambda d: d.index)
                if not d.on_topic
            ],
        }
    covered = set().union(*on_topic.values()) if on_topic else set()
    none_idx = [s.index for s in sentences if s.index not in covered]
    none_words = sum(len(sentences[i].words) for i in none_idx)
    none_pars = paragraphs - {sentences[i].paragraph for i in covered}
    result["_none"] = {
        "sentence_count": len(none_idx),
        "sentence_share": share(len(none_idx), n_sent),
        "word_share": share(none_words, n_words),
        "paragraph_share": share(len(none_pars), n_par),
    }
    ids = topics.ids
    result["_cooccurrence"] = {
        f"{a}|{b}": len(on_topic[a] & on_topic[b])
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
    }
    result["_meta"] = {
        "method": method,
        "topics_file": topics.source,
        "topics": ids,
        "sentences": n_sent,
        "words": n_words,
        "paragraphs": n_par,
    }
    return result


def topic_proportions(article: Article, topics: TopicSet | None = None) -> dict:
    """How much of the article's body is about each topic, with the evidence.

    Returns ``{topic_id: {...}, "_none": {...}, "_cooccurrence": {...}, "_meta": {...}}``;
    see ``docs/topics.md`` for every field. ``topics`` defaults to ``data/topics.yaml``.
    """
    topics = topics if topics is not None else load_topics()
    return proportions_from_decisions(article, topics, sentence_decisions(article, topics))


def sentence_topics(result: dict) -> dict[int, list[str]]:
    """Sentence index -> ids of the topics it is on, from a :func:`topic_proportions` result."""
    out: dict[int, list[str]] = {}
    for tid, entry in result.items():
        if tid.startswith("_"):
            continue
        for s in entry["sentences"]:
            out.setdefault(s["index"], []).append(tid)
    return out


# --- evaluation against hand labels ------------------------------------------------------

_LABEL = re.compile(r"^\s*\[(?P<topics>[^\]]*)\]\s*(?P<text>.*)$", re.DOTALL)


@dataclass
class LabelledArticle:
    """An article with hand labels: ``labels[i]`` is the set of topic ids of body
    sentence ``i`` of the text layer; ``about`` is the article-level label."""

    id: str
    article: Article
    labels: list[set[str]]
    about: set[str]


def build_labelled_article(record: dict) -> LabelledArticle:
    """An article from one record of ``tests/fixtures/topic_set/*.yaml`` (format in the
    folder's README): the text is built from the headline, an optional caption and the
    labelled sentences; labels go to every text-layer sentence a labelled one overlaps."""
    from analysis.article import parse_text

    parts = [record["headline"]]
    if record.get("caption"):
        parts.append(record["caption"])
    spans: list[tuple[int, int, set[str]]] = []
    pos = sum(len(p) + 2 for p in parts)
    paras = []
    for paragraph in record["paragraphs"]:
        chunks = []
        for raw in paragraph:
            m = _LABEL.match(raw)
            if not m:
                raise ValueError(f"{record.get('id')}: sentence without [labels]: {raw!r}")
            topics = {t.strip() for t in m.group("topics").split(",") if t.strip()}
            sentence = m.group("text").strip()
            spans.append((pos, pos + len(sentence), topics))
            chunks.append(sentence)
            pos += len(sentence) + 1
        paras.append(" ".join(chunks))
        pos += 1  # the paragraph's trailing space became a blank line: "\n\n" (2 chars)
    text = "\n\n".join(parts + paras) + "\n"
    article = parse_text(text, id=record["id"])
    labels = []
    for sent in article.sentences:
        got: set[str] = set()
        for s, e, topics in spans:
            if s < sent.end and sent.start < e:
                got |= topics
        labels.append(got)
    about = set(record["about"]) if "about" in record else set().union(*labels)
    return LabelledArticle(record["id"], article, labels, about)


def load_labelled_set(folder: str | Path) -> list[LabelledArticle]:
    """Every article of every ``*.yaml`` file in ``folder``, in file-name order."""
    out = []
    for path in sorted(Path(folder).glob("*.yaml")):
        for record in load_yaml_text(path.read_text(encoding="utf-8")) or []:
            out.append(build_labelled_article(record))
    return out
