"""Who is talked about: the media an article cites and the entities it mentions.

:func:`cited_media` lists photo-credit agencies and the publishing outlet (cited,
never voices); :func:`entity_mentions` counts the people, bodies and countries the
article names, for "talked about but not heard" (:mod:`analysis.diversity`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from analysis.quotes import Mention, knowledge

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

__all__ = ["cited_media", "entity_mentions"]


def cited_media(article: Article) -> list[dict[str, Any]]:
    """Photo-credit agencies and the publishing outlet: cited media, never voices.

    Each is ``{"name", "kind", "start", "end"}`` with ``kind`` ``photo_credit`` or
    ``publisher`` and offsets of the name in ``article.text`` (of the credit or
    ``Source:`` line when the name is not found verbatim).
    """
    out: list[dict[str, Any]] = []
    for credit in article.credits:
        for agency in credit.agencies:
            pos = article.text.find(agency, credit.start, credit.end)
            s, e = (pos, pos + len(agency)) if pos >= 0 else (credit.start, credit.end)
            out.append({"name": agency, "kind": "photo_credit", "start": s, "end": e})
    outlet = article.source_outlet
    if outlet:
        line = next((b for b in article.blocks if b.kind.value == "source_line"), None)
        if line is not None:
            pos = article.text.find(outlet, line.start, line.end)
            s, e = (pos, pos + len(outlet)) if pos >= 0 else (line.start, line.end)
            out.append({"name": outlet, "kind": "publisher", "start": s, "end": e})
    return out


def entity_mentions(article: Article, mentions: list[Mention]) -> list[dict[str, Any]]:
    """People, organisations and countries the body talks about, with mention counts.

    Countries are counted by their names, demonyms and capitals (``data/sides.yaml``),
    so "Russian", "Moscow" and "Russia" are three mentions of Russia.
    """
    k = knowledge()
    ents: dict[str, dict[str, Any]] = {}

    def bump(name: str, kind: str, side: str | None, s: int, e: int) -> None:
        ent = ents.setdefault(name, {"name": name, "kind": kind, "side": side, "mentions": 0,
                                     "first_start": s, "first_end": e})
        ent["mentions"] += 1

    for m in mentions:
        if m.kind == "person":
            bump(m.name, "person", None, m.start, m.end)
        elif m.kind in ("org", "media") and not (m.name in k.alias_side
                                                 and k.alias_side[m.name][1] != "institution"):
            bump(m.name, "organisation", m.side, m.start, m.end)
    for m in mentions:
        if m.kind == "side_word" and m.org_type != "institution" and \
                k.sides[m.side].get("speaker_name"):
            bump(m.name, "country", m.side, m.start, m.end)
    return sorted(ents.values(), key=lambda x: (-x["mentions"], x["first_start"]))

