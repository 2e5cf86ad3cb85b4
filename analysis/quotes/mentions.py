"""Speaker mentions: names, bodies, countries, pronouns and unnamed sources in the body."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any

from analysis.quotes.capitalised_runs import capitalised_runs
from analysis.quotes.knowledge import Knowledge, knowledge
from analysis.quotes.marks import DOUBLE_OPEN, DOUBLE_STRAIGHT, SINGLE_OPEN, SINGLE_STRAIGHT
from analysis.quotes.mention_record import Mention
from analysis.quotes.name_runs import classify_run, classify_word, side_of_name
from analysis.quotes.phrase_matcher import Hit
from analysis.quotes.unnamed_sources import (
    anonymous_spans,
    definite_speakers,
    indefinite_speakers,
    plural_speakers,
    poll_shares,
)
from analysis.word_difficulty import is_familiar_form

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article


OPENING_MARKS = DOUBLE_OPEN + DOUBLE_STRAIGHT + SINGLE_OPEN + SINGLE_STRAIGHT + "("
_SENTENCE_OPENER = re.compile(r"(?:^|[.!?…][”’\"')\]]*\s+|\n\s*|[“\"]\s*)$")
_WORD_AHEAD = re.compile(r"\s+([a-z]+)")


def _next_word(text: str, pos: int) -> str:
    """The lower-case word right after ``pos`` (after white space only), or ""."""
    m = _WORD_AHEAD.match(text, pos)
    return m.group(1) if m else ""


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a paragraph, a sentence or a quotation."""
    return bool(_SENTENCE_OPENER.search(text, max(0, pos - 4), pos))


def _former_opener(word: str, pos: int, text: str, k: Knowledge) -> bool:
    """Whether the first word of a capitalised run is a title's modifier capitalised
    only because it opens the sentence ("Former Pennsylvania governor Ed Rendell",
    "Acting Ohio secretary …"): the run after it is no name of its own."""
    low = word.lower()
    return (low in k.former_markers or low in k.title_modifiers) and _opens_sentence(text, pos)


def _apposition_after(text: str, end: int, k: Knowledge) -> str | None:
    """The apposition after a name: ``, senior fellow at the IISS,`` or
    ``, Al Jazeera’s correspondent in Beijing.``"""
    if text[end : end + 1] != ",":
        return None  # no comma, no apposition: skip the pattern
    m = _APPOSITION.match(text[end : end + 140])
    if not m:
        return None
    chunk = m.group(1).strip()
    first = chunk.split()[0]
    lower = chunk.lower()
    if first.lower() in ("who", "which", "and", "but", "as"):
        return None
    if any(w.lower() in k.verb_words for w in chunk.split()):
        return None
    if first[:1].islower() and (" of " in lower or " at " in lower
                                or _POSSESSIVE.search(chunk)):
        return chunk  # a lower-case description with an organisation
    return chunk if k.lexicon.scan(lower, only="title")["title"] else None


_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[A-Za-z’'\-]+\s+){0,2}?$")  # "the paper's editorial board"
# "a joint statement", "an internal email": documents and outlets may speak without "the"
_A_BEFORE = re.compile(r"\b(?:[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[A-Za-z\-]+\s+){0,2}?$")


# "a New York Times/CBS News poll", "the latest Reuters/Ipsos survey": a poll's sponsors
_POLL_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:(?:new|latest|recent|national|"
                          r"new national)\s+)?(?:[A-Z][\w.&’'\-]*(?:(?:/|\s+|-)[A-Z][\w.&’'\-]*)"
                          r"{0,5}\s+)?$")
_POLL_HEADS = frozenset({"poll", "survey"})
# "the"/"a" before a coordinated name ("a Department of Health and Social Care spokesperson")
_ISSUED = re.compile(r"\b(?:issued|released|put out|published|sent)\s+$")
_COMMA_BEFORE = re.compile(r",\s+$")
_NAME_GAP = re.compile(r",?\s*$")
_COMMA_THEN = re.compile(r",\s*")
_DETERMINER = re.compile(r"^(?:[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+")
_FROM_ISSUER = re.compile(r"\s+(?:from|by|of)\s+")
# an adverb that opens a sentence ("Significantly, …", "Ultimately, …"); not "Connolly"
_ADVERB_LY = re.compile(r"(?:al|ic|ous|ent|ant|ate|ive|ed|ing|ful|ious)ly$")
_NEXT_TOKEN = re.compile(r"\s*([\w’'\-]+)")


def _issuer_end(text: str, end: int, k: Knowledge) -> int:
    """End of "from <issuer>" after a document or statement ("a joint statement from
    the two agencies said"): up to five words, stopping before a cue or punctuation;
    ``end`` itself when no issuer follows."""
    m = _FROM_ISSUER.match(text, end)
    if m is None:
        return end
    pos, last = m.end(), end
    for _ in range(5):
        w = _NEXT_TOKEN.match(text, pos)
        if w is None or w.group(1).lower() in k.verb_forms:
            break
        pos = last = w.end()
    return last


def _relation_after(text: str, end: int, k: Knowledge) -> int | None:
    """End of a relation noun or an owned body after a possessive ("’s son", "'s chief
    of staff", "’s campaign")."""
    rest = text[end : end + 40]
    if rest.startswith(("’s ", "'s ")):
        skip = 3
    elif rest.startswith(("’ ", "' ")) and text[end - 1 : end] == "s":
        skip = 2  # "Bernie Sanders’ campaign"
    else:
        return None
    low = rest[skip:].lower()
    for noun in k.owned_nouns:
        if low.startswith(noun) and not low[len(noun) : len(noun) + 1].isalpha():
            return end + skip + len(noun)
    return None


def body_scans(article: Article) -> list[dict[str, list[Hit]]]:
    """Lexicon hits of each body block, offsets relative to the block's text, found
    at the words of the shared text layer (``article.sentences``)."""
    lexicon = knowledge().lexicon
    by_block: dict[int, list[Any]] = {}
    for sent in article.sentences:
        by_block.setdefault(sent.block, []).extend(sent.words)
    return [lexicon.scan_words(block.text, by_block.get(bi, ()), len(block.text), block.start)
            for bi, block in enumerate(article.blocks) if block.is_body]


def find_mentions(article: Article, quote_spans: list[tuple[int, int]] | None = None,
                  scans: list[dict[str, list[Hit]]] | None = None) -> list[Mention]:
    """Every mention in the body that could be a speaker, in text order.

    Persons are capitalised runs of 1-4 name words after any titles are removed; a
    single word is a person only after a title ("President Putin") or as a word of a
    full name met elsewhere in the body (surname back-reference). ``quote_spans`` marks
    mentions inside direct quotes (``in_quote``), which can be talked about but never
    speak.
    """
    k = knowledge()
    text = article.text
    spans = sorted(quote_spans or [])
    span_starts = [a for a, _ in spans]
    span_ends = [b for _, b in spans]

    def quoted(pos: int) -> bool:
        i = bisect_right(span_starts, pos) - 1
        return i >= 0 and pos < span_ends[i]

    not_names = k.not_names
    sentence_starts = {s.start for s in article.sentences}
    out: list[Mention] = []
    singles: list[tuple[Mention, bool]] = []  # (mention, titled)
    for p, block in enumerate(article.body):
        btext, off = block.text, block.start
        taken: list[tuple[int, int]] = []
        first_out, first_single = len(out), len(singles)  # this paragraph's mentions
        if _CREDIT_LINE.match(btext):
            continue  # a photo credit on its own line ("John Moore/Getty Images."): no voice
        dateline_end = -1
        for rs, re_, possessive in capitalised_runs(btext, k):
            seg = btext[rs:re_]
            if _PARTY_TAG.match(seg):
                continue  # "(D-Calif.)", "R-Texas": a party and state, no one's name
            if not btext[:rs].strip() and len(seg) > 2 and seg.isupper() \
                    and (dateline := _DATELINE_END.match(btext, re_)):
                # "NEW YORK —", "SAN JUAN, Puerto Rico (AP) —", "PARIS, Aug 31 (Reuters) -":
                # the place and the agency in it name no one
                dateline_end = dateline.end()
                continue
            if rs < dateline_end:
                continue
            tokens = seg.split()
            i, n = 0, len(tokens)
            honorific = None
            if n > 1 and tokens[0].rstrip(".") in k.honorifics:
                honorific, i = tokens[0], 1  # "Mr. Kelly", "Ms Alvarez": a person follows
            elif n > 1 and tokens[0] in k.pronoun_surnames and tokens[1] not in not_names:
                pass  # "He Yadong": the surname, then the given name
            elif n > 1 and tokens[0] in k.inverted_openers and _opens_sentence(text, off + rs):
                i = 1  # "Said Dorothy Poynter, …": the cue, then the speaker
            else:
                while i < n and tokens[i] in not_names:
                    i += 1
                if i == 0 and n > 1 and _former_opener(tokens[0], off + rs, text, k):
                    i = 1  # "Former Pennsylvania governor Ed Rendell"
                elif 0 < i < n - 1 and tokens[i].rstrip(".") in k.honorifics:
                    honorific, i = tokens[i], i + 1  # "But Mr. Netanyahu did not …"
            if i == n:
                continue
            end_char = off + re_
            if i:
                mention = classify_run(tokens[i:], off + rs + seg.find(tokens[i], len(
                    tokens[0])), end_char, text, k, named=honorific is not None)
            elif n == 1 and tokens[0][-1] != ".":
                mention = classify_word(tokens[0], off + rs, end_char, text, k)
            else:
                mention = classify_run(tokens, off + rs, end_char, text, k)
            if not mention:
                continue
            for mm in mention:
                mm.paragraph = p
                mm.in_quote = quoted(mm.start)
                mm.possessive = possessive and mm.end == end_char
                if honorific is not None and mm.kind in ("person", "person_single"):
                    mm.honorific = honorific
                    mm.gender = k.honorifics[honorific.rstrip(".")]
                elif mm.title:
                    mm.gender = (k.titles.get(mm.title.lower()) or {}).get("gender")
                if mm.kind == "person_single":
                    singles.append((mm, bool(mm.title or mm.honorific)))
                else:
                    taken.append((mm.start, mm.end))
                    out.append(mm)
        hits = scans[p] if scans is not None else k.lexicon.scan(btext)
        for h in hits["pronoun"]:
            if quoted(off + h.start()):
                continue  # a pronoun inside a quote never speaks
            if h.phrase in k.pronoun_surnames and off + h.a not in sentence_starts \
                    and btext[: h.a].rstrip()[-1:] not in OPENING_MARKS:
                # "“…,” He said.": capitalised inside a sentence, the surname
                singles.append((Mention(off + h.a, off + h.b, h.phrase, "person_single",
                                        h.phrase, paragraph=p), False))
                continue
            out.append(Mention(off + h.a, off + h.b, h.phrase, "pronoun", h.phrase.lower(),
                               paragraph=p))
        descs = [(h.start(), h.end()) for h in hits["desc"]]
        if "year-old" in btext:
            descs += [(m.start(1), m.end(1)) for m in k.description_re.finditer(btext)]
        for a, b in descs:
            # "The Scot, who …, added", "said the 19-year-old": resolved like "he"/"she"
            if btext[max(0, a - 4) : a] not in ("the ", "The ") or quoted(off + a):
                continue
            nxt = _NEXT_WORD.match(btext, b)
            if nxt and (nxt.group(1) or nxt.group(2).lower() in k.verb_forms):
                out.append(Mention(off + a - 4, off + b, btext[a - 4 : b], "pronoun", "he",
                                   paragraph=p))
        # a body before an unnamed source speaks through it ("a Department of Health
        # spokesperson"); a person before one is described by it only after a comma
        # ("Tom Ellery, an analyst"), not in "Clinton aides"
        anonymous = anonymous_spans(btext, hits, k) if hits["anon"] or hits["who"] else ()
        if anonymous:
            here = out[first_out:]
            body_ends = {m.end for m in here if m.kind in ("org", "media", "country", "group")}
            persons = [m for m in here if m.kind == "person"]
            persons += [m for m, _ in singles[first_single:]]
            person_ends = {m.end for m in persons}
            person_starts = {m.start for m in persons}
        for a, b, _head in anonymous:
            a, b = off + a, off + b
            if b + 1 in person_starts and text[b : b + 1] == " ":
                continue  # "spokesman Justin Barasky": a title before the name
            # a country inside the description is its modifier ("EU officials")
            if any(x < b and a < y and not (a <= x and y <= b) for x, y in taken):
                continue
            gap = _NAME_GAP.search(text, max(off, a - 3), a)
            if gap and (gap.start() in body_ends and "," not in gap.group(0)
                        or gap.start() in person_ends and "," in gap.group(0)):
                continue  # "a Department of Health spokesperson", "Tom Ellery, an analyst"
            taken.append((a, b))
            out.append(Mention(a, b, text[a:b], "anonymous", text[a:b].strip(), paragraph=p,
                               in_quote=quoted(a)))
        for a, b, _head in indefinite_speakers(btext, hits, k) if hits["cue"] else ():
            a, b = off + a, off + b
            if any(x < b and a < y for x, y in taken) or quoted(a):
                continue
            taken.append((a, b))
            out.append(Mention(a, b, text[a:b], "anonymous", text[a:b].strip(), paragraph=p))
        for a, b, _head in definite_speakers(btext, hits, k) if hits["cue"] else ():
            # "“…,” the woman said", "the RNC member told": a name inside is a modifier
            a, b = off + a, off + b
            if any(x < b and a < y and not (a < x and y <= b) for x, y in taken) or quoted(a):
                continue
            taken.append((a, b))
            out.append(Mention(a, b, text[a:b], "anonymous", text[a:b].strip(), paragraph=p))
        for a, b, head in plural_speakers(btext, hits, k) if hits["cue"] else ():
            # "Some of the women said", "Farmers say": a group of people
            phrase = btext[a:b]
            a, b = off + a, off + b
            if any(x < b and a < y for x, y in taken) or quoted(a):
                continue
            taken.append((a, b))
            out.append(Mention(a, b, phrase, "group", head, paragraph=p, org_type="other"))
        for a, b in poll_shares(btext):  # "Two in three said", "six in 10 saying"
            phrase = btext[a:b]
            a, b = off + a, off + b
            if any(x < b and a < y for x, y in taken) or quoted(a):
                continue
            taken.append((a, b))
            out.append(Mention(a, b, phrase, "group", phrase.lower(), paragraph=p,
                               org_type="other"))
        for h in hits["bare"]:
            a, b = off + h.start(), off + h.end()
            if any(x < b and a < y for x, y in taken):
                continue
            taken.append((a, b))
            head = h.group(0).lower()
            out.append(Mention(a, b, h.group(0), "group", head, paragraph=p,
                               org_type=k.bare_groups.get(head), in_quote=quoted(a)))
        for h in hits["ghead"]:
            if h.group(0)[0].isupper() and btext[max(0, h.start() - 30) : h.start()].find(
                    "he ") < 0:
                continue  # a capitalised role counts only after "the" ("the Prime Minister")
            head_type = k.group_nouns.get(h.group(0).lower())
            said_by = head_type == "document" or h.group(0).lower() == "statement"
            m = _THE_BEFORE.search(btext, max(0, h.start() - 40), h.start())
            if h.group(0).lower() in _POLL_HEADS:
                m = _POLL_BEFORE.search(btext, max(0, h.start() - 60), h.start()) or m
            if not m and (said_by or head_type == "journalist"):
                m = _A_BEFORE.search(btext, max(0, h.start() - 40), h.start())
            if not m:
                continue
            a, b = off + m.start(), off + h.end()
            if said_by:  # "a joint statement from the two agencies", "the letter by …"
                if _ISSUED.search(btext, max(0, m.start() - 20), m.start()):
                    continue  # "the campaign released a statement": the campaign speaks
                b = off + _issuer_end(btext, h.end(), k)
            # a name inside the description is a modifier ("the influential US daily")
            if any(x < b and a < y and not (a < x and y <= b) for x, y in taken):
                continue
            name = _DETERMINER.sub("", text[a:b]) if text[a:a + 1] not in "Tt" else text[a:b]
            out.append(Mention(a, b, text[a:b], "group", name, paragraph=p,
                               org_type=head_type, in_quote=quoted(a)))
        alias_side, alias_name = k.alias_side, k.alias_name
        for h in hits["alias"]:
            word = h.phrase
            side, role = alias_side[word]
            out.append(Mention(off + h.a, off + h.b, word, "side_word", alias_name[word],
                               side, role, None, [], None, None, False, p, True))
    # full names met anywhere decide which single words are people
    by_word: dict[str, list[Mention]] = {}
    for f in out:
        if f.kind == "person":
            for w in f.name.split():
                by_word.setdefault(w, []).append(f)
    titled_singles = {m.name for m, titled in singles if titled}
    by_para: dict[int, list[Mention]] = {}
    for x in out:
        by_para.setdefault(x.paragraph, []).append(x)
    # each word's owners' starts, to find the last owner before a single word by
    # bisection when they are in text order (they nearly always are)
    owner_starts = {w: [f.start for f in fs] for w, fs in by_word.items()}
    in_order = {w: all(a <= b for a, b in zip(st, st[1:], strict=False))
                for w, st in owner_starts.items()}
    for m, titled in singles:
        owners = by_word.get(m.name, [])
        if not owners and m.name.lower() in k.titles:
            continue  # a title alone ("the President"), no one's surname here
        if owners:
            if in_order[m.name]:
                i = bisect_left(owner_starts[m.name], m.start)
                owner = owners[i - 1] if i else owners[0]
            else:
                before = [f for f in owners if f.start < m.start]
                owner = (before[-1] if before else owners[0])
            m.kind, m.name = "person", owner.name
            out.append(m)
        elif titled or m.name in titled_singles:
            m.kind = "person"
            out.append(m)
        elif m.name in k.pronoun_surnames:
            m.kind, m.name = "pronoun", m.name.lower()  # no one of that name: "He" is "he"
            out.append(m)
        elif m.name in k.places and not _opens_sentence(text, m.start):
            # "in Ohio", "from Benghazi": a place, unless a person of that name was
            # met; a sentence's first word may be a noun ("Union says …")
            continue
        elif not m.in_quote and not any(x.start < m.end and m.start < x.end
                                        for x in by_para.get(m.paragraph, ())) \
                and not (_opens_sentence(text, m.start)
                         and (is_familiar_form(m.name.lower()) or _ADVERB_LY.search(m.name))
                         and _next_word(text, m.end) not in k.verb_forms):
            # an unknown single name may speak ("Brightline said"); a familiar English
            # word capitalised only because it opens a sentence ("Hours later, …",
            # "Inside the hall, …", "Having announced …") is not one, unless a speech
            # verb follows it ("Bob said", "Others say")
            m.kind = "name"
            out.append(m)
    # "Donald Trump’s son", "the senator’s spokeswoman": a person named by a relation;
    # "Trump’s campaign", "Powell’s office": a body named by its owner. Not after a
    # comma that follows a name: "Corey Lewandowski, Trump’s campaign manager," is an
    # apposition of the name before it
    name_ends = {x.end for x in out if x.kind in ("person", "name")}
    person_starts = {x.start for x in out if x.kind in ("person", "person_single", "name")}
    person_starts |= {x.start for x, _ in singles}
    for m in [x for x in out if x.possessive and x.kind in ("person", "org", "country", "name")
              and not x.in_quote]:
        rel = _relation_after(text, m.end, k)
        comma = _COMMA_BEFORE.search(text, max(0, m.start - 4), m.start)
        if rel is None or comma and comma.start() in name_ends:
            continue
        named = _COMMA_THEN.match(text, rel)
        if named and named.end() in person_starts:
            continue  # "Sanders’s campaign manager, Jeff Weaver,": the name is the person
        noun = text[m.end : rel].lower().lstrip("’'s").lstrip()
        kind, org_type = ("org", "organisation") if noun in k.possessed_bodies else (
            "person", None)
        side = None
        if kind == "org":
            # "China’s foreign ministry": the body's own type, the country's side
            org_type = k.org_heads.get(noun.rsplit(None, 1)[-1]) or org_type
            side = m.side if m.kind == "country" else None
        out.append(Mention(m.start, rel, text[m.start : rel], kind, text[m.start : rel],
                           org_type=org_type, paragraph=m.paragraph, possessor=m.name,
                           side=side))
    # possessors: "China’s Ministry …" -> the ministry's possessor is China
    out.sort(key=lambda x: (x.start, -x.end))
    linkable = [m for m in out if m.kind != "side_word"]
    for a, b in zip(linkable, linkable[1:], strict=False):
        if a.possessive and b.kind in ("org", "media") and 0 < b.start - a.end <= 4:
            b.possessor = a.name
            b.side = b.side or side_of_name(a.name, k)
    for m in out:
        if m.kind == "person" and m.apposition is None and not m.in_quote:
            m.apposition = _apposition_after(text, m.end, k)
    return out


_POSSESSIVE = re.compile(r"[’']s\b")
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][a-z]*\.?$")
# what follows a dateline's place: ", Calif.", "(AP)", then a dash
_DATELINE_END = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+(?:[A-Z][\w.]*|\d{1,2}))?)?\s*"
                           r"(?:\([^()]{1,30}\)\s*)?[—–-]")  # (", Aug 31 (Reuters) -")
# a paragraph that is only a photo credit: "John Moore/Getty Images.", "AP Photo/Evan Vucci"
# capitalised words on both sides of the slash ("John Moore/Getty Images.", "AP Photo/
# Evan Vucci"), not a sentence ("A CNN/ORC poll said he led.")
_CREDIT_LINE = re.compile(r"[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,4} ?/ ?"
                          r"[A-Z][\w.&’'\-]*(?: (?:[A-Z&][\w.&’'\-]*|via|for|of|and|the)){0,6}"
                          r"\.?\s*$")
# precompiled patterns of the hot paths (the re module's cache lookup is not free)
_APPOSITION = re.compile(r",\s+([^,.;:“”\"]{3,120}?)(?=[,.;:“”\"]|$)")
_NEXT_WORD = re.compile(r"\s*([,.;:!?])|\s+(\w+)")


