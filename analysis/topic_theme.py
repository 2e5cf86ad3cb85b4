"""Is a topic a main subject of the article (a *theme*), or only mentioned?

``present`` (:mod:`analysis.topics`) says that at least one body sentence is on a topic.
A reader sorting 10,000 articles wants a second answer: is the article *about* it?
:func:`theme_evidence` answers from evidence a reader can see in the report, the cues
news writing puts on its subject (the inverted pyramid: the headline and the lead name
what the story is about; van Dijk, *News as Discourse*, 1988, ch. 2 on the thematic
structure of news; Bell, *The Language of News Media*, 1991, ch. 8 on the lead):

* ``headline``: the headline has a core term of the topic (weak terms, even two, do
  not count: "TAIWAN BUYS U.S. SOYBEANS" names a dealing, not trade as a subject);
* ``lead``: one of the first ``LEAD_SENTENCES`` body sentences (the standfirst or lead
  paragraph) is on the topic by its own terms (``core`` or ``weak-pair``);
* ``share``: the share of body sentences on the topic, counted as full at
  ``SHARE_FULL`` (a topic on a third of the sentences is as central as shares can show);
* ``strength``: the share of the topic's sentences decided by a core term, not by weak
  or contextual evidence.

``theme_score`` is the points the four cues earn (:data:`POINTS`: headline 7, lead 6,
share 4, strength 2, the last two in proportion) over the 19 points there are, so it is
in [0, 1]; ``theme`` is ``present and theme_score >= THRESHOLD`` (0.6). So a headline
and a lead make a theme by themselves; either one needs a large share of the sentences
besides. Every part is returned, so the report can say why. Points, threshold, lead
and share scale were chosen by a grid search for the best macro F1 over the three
default topics on the tune part of Reuters-21578's ModApte training split
(``bench/reuters.py``), then checked once on its dev part; figures before and after in
``docs/topics.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

# the points each cue earns in full; theme_score is the points earned over their sum
POINTS = {"headline": 7, "lead": 6, "share": 4, "strength": 2}
WEIGHTS = {k: v / sum(POINTS.values()) for k, v in POINTS.items()}
THRESHOLD = 0.6
SHARE_FULL = 1 / 3  # sentence share at which the "share" cue counts fully
LEAD_SENTENCES = 2  # the lead: the first two body sentences

# rules that decide a sentence by its own terms (no context needed)
OWN_EVIDENCE_RULES = frozenset({"core", "weak-pair"})


@dataclass(frozen=True)
class ThemeEvidence:
    """The cues of one topic in one article and the score they give."""

    headline: bool
    headline_terms: tuple[str, ...]
    lead: bool
    share: float
    strength: float
    score: float
    theme: bool

    def as_dict(self) -> dict:
        """The ``theme_evidence`` object of the ``analyze`` output."""
        return {
            "headline": self.headline,
            "headline_terms": list(self.headline_terms),
            "lead": self.lead,
            "sentence_share": round(self.share, 4),
            "core_share": round(self.strength, 4),
            "points": dict(POINTS),
            "threshold": THRESHOLD,
        }


def theme_evidence(
    rules: dict[int, str],
    n_sentences: int,
    headline_hits: list[dict],
) -> ThemeEvidence:
    """The theme cues and score of one topic.

    ``rules`` maps the index of each body sentence on the topic to the rule that decided
    it; ``n_sentences`` is the number of body sentences; ``headline_hits`` are the
    topic's term hits in the headline (``tier``). Scores are fractions in [0, 1]."""
    present = bool(rules)
    core = [h for h in headline_hits if h["tier"] == "core"]
    headline = bool(core)
    lead = any(i < LEAD_SENTENCES and r in OWN_EVIDENCE_RULES for i, r in rules.items())
    share = len(rules) / n_sentences if n_sentences else 0.0
    strength = sum(r == "core" for r in rules.values()) / len(rules) if rules else 0.0
    score = (
        WEIGHTS["headline"] * headline
        + WEIGHTS["lead"] * lead
        + WEIGHTS["share"] * min(1.0, share / SHARE_FULL)
        + WEIGHTS["strength"] * strength
    ) if present else 0.0
    score = round(min(1.0, max(0.0, score)), 4)
    return ThemeEvidence(
        headline=headline,
        headline_terms=tuple(h["term"] for h in core),
        lead=lead,
        share=share,
        strength=strength,
        score=score,
        theme=present and score >= THRESHOLD,
    )


def status(present: bool, theme: bool) -> str:
    """``"about"`` (a theme), ``"mentioned"`` (present, not a theme) or ``"absent"``."""
    return "about" if theme else "mentioned" if present else "absent"


def headline_span(article: Article) -> tuple[str, int, int] | None:
    """The text to look for headline evidence in, with its offsets: the headline block
    of ``article.text`` when there is one, else the title given with the article
    (offsets then into the title itself), else None."""
    for b in article.blocks:
        if b.kind == "headline":
            return article.text, b.start, b.end
    if article.title:
        return article.title, 0, len(article.title)
    return None
