"""What every report notebook starts from: the article, the analysis, the settings line.

:func:`load_section` reads the article, checks the language, loads the topics file and
runs :func:`analysis.pipeline.analyze_article` once, so every section shows the same
figures as ``python -m analysis analyze`` (and ``metrics.json``) for the same article and
parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analysis.article import Article


@dataclass
class SectionData:
    """The inputs of one report section."""

    article: Article
    result: dict[str, Any]  # the analyze result
    topic_set: Any  # analysis.topics.TopicSet
    topics_file: str
    language: str | None  # the ISO 639-1 code given, or None to detect
    settings_html: str  # the line naming the topics file and language, escaped

    @property
    def topic_labels(self) -> list[str]:
        return [t.label for t in self.topic_set]


def load_section(article_path: str, language: str = "auto",
                 topics_file: str = "data/topics.yaml") -> SectionData:
    """Load and analyse the article as the report notebooks do (see the module doc)."""
    from analysis.inputs import load_article
    from analysis.languages import check_language
    from analysis.pipeline import analyze_article
    from analysis.topics import load_topics
    from analysis.views.figures import settings_html

    article = load_article(article_path)
    code = check_language(language)
    topic_set = load_topics(topics_file)
    result = analyze_article(article, topics=topic_set, language=code)
    labels = [t.label for t in topic_set]
    return SectionData(article=article, result=result, topic_set=topic_set,
                       topics_file=topics_file, language=code,
                       settings_html=settings_html(topics_file, language, labels))
