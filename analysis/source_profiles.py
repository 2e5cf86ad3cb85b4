"""Source profiles: a source's type, role, affiliation and side, with the evidence.

:func:`speaker_profile` reads the words around a source's mentions (titles,
appositions, organisations, side words) with the rules of ``data/speaker_roles.yaml``
and ``data/sides.yaml``; each decision is listed in ``evidence`` with the words that
made it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from analysis.quotes import Knowledge, Mention, knowledge

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

__all__ = ["government_orgs", "speaker_profile"]

_TYPE_OF_KIND = {"country": "government", "media": "journalist", "anonymous": "anonymous",
                 "document": "document"}


def _ev(field: str, value: Any, words_: str | None, rule: str) -> dict[str, Any]:
    return {"field": field, "value": value, "words": words_, "rule": rule}


def _side_words(text: str, k: Knowledge) -> tuple[str, str] | None:
    """The first side named in ``text`` that is not a place after "in"/"from"."""
    for m in k.lexicon.scan(text, only="alias")["alias"]:
        if re.search(r"\b(?:in|from|to|near|outside)\s+$", text[: m.start()]):
            continue
        side, _ = k.alias_side[m.group(0)]
        return side, m.group(0)
    return None


def _type_default_side(typ: str, k: Knowledge) -> str | None:
    for t in k.types:
        if t["name"] == typ:
            return t.get("default_side")
    return None


def _title_in(text: str, k: Knowledge) -> str | None:
    """The longest known title in ``text`` (leftmost among equals)."""
    found = k.lexicon.scan(text.lower(), only="title")["title"]
    if not found:
        return None
    best = max(found, key=lambda m: (len(m.group(0)), -m.start()))
    return text[best.start() : best.end()]


def government_orgs(mentions: list[Mention]) -> list[Mention]:
    return [x for x in mentions if x.kind == "org" and x.org_type == "government"]


def speaker_profile(mentions: list[Mention], all_mentions: list[Mention], article: Article,
                    government_orgs: list[Mention] | None = None, *,
                    all_starts: list[int] | None = None,
                    government_starts: list[int] | None = None) -> dict[str, Any]:
    """Type, role, affiliation and side of one source from its mentions, with evidence.

    ``mentions`` are the mentions of this source (the first is the richest one used for
    the name); ``all_mentions`` supply affiliations met in the same sentence.
    ``government_orgs`` is ``all_mentions``' government bodies when the caller has
    them already (one list for all the sources of an article); ``all_starts`` and
    ``government_starts`` are those lists' start offsets, likewise, so that the cost
    for one source does not grow with the article.
    """
    k = knowledge()
    ev: list[dict[str, Any]] = []
    lead = mentions[0]
    kind = lead.kind
    role = affiliation = side = None
    typ = _TYPE_OF_KIND.get(kind)

    if kind == "person":
        title = next((m.title for m in mentions if m.title), None)
        mods = next((m.modifiers for m in mentions if m.title or m.modifiers), [])
        appos_m = next((m for m in mentions if m.apposition), None)
        appos = appos_m.apposition if appos_m else None
        if title:
            role = title
            ev.append(_ev("role", role, title, "title before the name"))
        elif appos:
            role = _title_in(appos, k)
            if role:
                ev.append(_ev("role", role, appos, "title in the apposition"))
        # affiliation: an organisation in the apposition, else a government body named
        # earlier in the same sentence ("At a briefing of China’s Ministry …, spokesman X")
        aff: Mention | None = None
        if appos_m is not None:
            a0 = article.text.find(appos, appos_m.end)
            starts = all_starts if all_starts is not None else [x.start for x in all_mentions]
            aff = next((x for x in all_mentions[bisect_left(starts, a0):]
                        if x.kind in ("org", "media") and a0 <= x.start < a0 + len(appos)),
                       None)
        if aff is None:
            gov = government_orgs if government_orgs is not None else government_orgs(
                all_mentions)
            for m in mentions if gov else ():
                sent = article.sentence_at(m.start)
                if sent is None:
                    continue
                # gov is in text order: only those starting in this sentence before m
                starts = (government_starts if government_starts is not None
                          else [x.start for x in gov])
                cands = [x for x in gov[bisect_left(starts, sent.start):
                                        bisect_left(starts, m.start)]
                         if sent.start <= x.start and x.end <= m.start]
                if cands:
                    aff = cands[-1]
                    break
        if aff is not None:
            affiliation = aff.name
            ev.append(_ev("affiliation", affiliation, aff.text, "organisation named beside"))
        info = k.titles.get(role.lower()) if role else None
        former = [w for w in mods if w.lower() in k.former_markers]
        if appos and re.search(r"\b(?:former|ex-|retired)\b", appos.lower()):
            former.append("former")
        if info:
            typ = info["type"]
            ev.append(_ev("type", typ, role, "title"))
            generic = role.lower() in k.generic_titles
            if generic and aff is not None and aff.org_type not in (None, "government"):
                typ = aff.org_type
                ev.append(_ev("type", typ, aff.text, "generic title: type of the organisation"))
            elif generic and aff is None and appos:
                # "the plant director", "president of an industry lobby": the group noun
                noun = next((w for w in re.findall(r"[a-z]+", appos.lower())
                             if k.group_nouns.get(w) == "organisation"), None)
                if noun is not None:
                    typ = "organisation"
                    ev.append(_ev("type", typ, noun, "generic title: organisation noun"))
        elif aff is not None and aff.org_type:
            typ = aff.org_type
            ev.append(_ev("type", typ, aff.text, "type of the organisation"))
        else:
            typ = "other"
            ev.append(_ev("type", typ, None, "no title or affiliation found"))
        if former and typ == "government":
            typ = "former official"
            ev.append(_ev("type", typ, " ".join(former), "former marker before the title"))
        # side
        for w in mods:
            if w in k.alias_side:
                side = k.alias_side[w][0]
                ev.append(_ev("side", side, w, "country word before the title"))
                break
        if side is None and aff is not None and aff.side:
            side = aff.side
            ev.append(_ev("side", side, aff.possessor or aff.text, "side of the affiliation"))
        if side is None and appos and typ not in ("journalist",):
            hit = _side_words(appos, k)
            if hit:
                side = hit[0]
                ev.append(_ev("side", side, hit[1], "country word in the apposition"))
        if side is None and info and info.get("side"):
            side = info["side"]
            ev.append(_ev("side", side, role, "country the title implies"))
    elif kind == "country":
        role = "government"
        side = lead.side
        ev.append(_ev("type", typ, lead.text, "country or capital as speaker (its government)"))
        ev.append(_ev("side", side, lead.text, "country named"))
    elif kind in ("org", "media", "group"):
        typ = lead.org_type or ("journalist" if kind == "media" else "organisation")
        ev.append(_ev("type", typ, lead.text, "organisation as speaker"))
        side = lead.side
        if side:
            ev.append(_ev("side", side, lead.possessor or lead.text, "side of the organisation"))
    elif kind == "anonymous":
        role = lead.name
        ev.append(_ev("type", typ, lead.text, "unnamed source pattern"))
        hit = _side_words(lead.text, k) or _side_words(lead.text.title(), k)
        if hit:
            side = hit[0]
            ev.append(_ev("side", side, hit[1], "country word in the description"))
    elif kind == "document":
        ev.append(_ev("type", typ, lead.text, "name ends in a document word"))
        return {"type": typ, "role": None, "affiliation": None, "side": None, "evidence": ev}
    typ = typ or "other"
    if side is None:
        side = _type_default_side(typ, k) or "unknown"
        ev.append(_ev("side", side, None, f"default side of type '{typ}'"))
    return {"type": typ, "role": role, "affiliation": affiliation, "side": side, "evidence": ev}


