"""The record of one speaker mention: where it stands in the text, what it is (a person,
a body, a country, a pronoun, an unnamed source) and what was read around it (title,
apposition, honorific, gender). Found by :mod:`analysis.quotes.mentions`."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Mention:
    """A stretch of body text that can speak: a name, body, country, pronoun or unnamed
    source. ``start``/``end`` cover the name itself (titles excluded), offsets into
    ``article.text``."""

    start: int
    end: int
    text: str
    kind: str  # person | org | media | country | document | pronoun | anonymous | group
    name: str
    side: str | None = None
    org_type: str | None = None
    title: str | None = None
    modifiers: list[str] = field(default_factory=list)  # words before the title
    apposition: str | None = None
    possessor: str | None = None  # "China" in "China’s Ministry of Foreign Affairs"
    possessive: bool = False  # the mention itself is followed by ’s
    paragraph: int = -1
    in_quote: bool = False
    honorific: str | None = None  # "Mr." in "Mr. Kelly"
    gender: str | None = None  # male | female, where an honorific or title shows it
