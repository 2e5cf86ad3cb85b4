"""Speaker mentions: names, bodies, countries, pronouns and unnamed sources in the body."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from analysis.quotes.capitalised_runs import capitalised_runs
from analysis.quotes.given_names import is_given_name
from analysis.quotes.knowledge import Knowledge, knowledge
from analysis.quotes.marks import DOUBLE_OPEN, DOUBLE_STRAIGHT, SINGLE_OPEN, SINGLE_STRAIGHT
from analysis.quotes.phrase_matcher import Hit
from analysis.quotes.unnamed_sources import anonymous_spans, indefinite_speakers, poll_shares
from analysis.word_difficulty import is_familiar_form

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

# --- speaker mentions ----------------------------------------------------------------


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


OPENING_MARKS = DOUBLE_OPEN + DOUBLE_STRAIGHT + SINGLE_OPEN + SINGLE_STRAIGHT + "("


def _title_at(tokens: list[str], i: int, k: Knowledge) -> int:
    """Number of tokens from ``i`` that form the longest known title (0 if none)."""
    if tokens[i].lower() not in k.title_first_words:
        return 0
    for n in range(min(k.max_title_words, len(tokens) - i), 0, -1):
        if " ".join(tokens[i : i + n]).lower() in k.titles:
            return n
    return 0


def _country_at(tokens: list[str], i: int, k: Knowledge) -> int:
    if tokens[i] not in k.alias_first_words:
        return 0
    for n in range(min(4, len(tokens) - i), 0, -1):
        phrase = " ".join(tokens[i : i + n])
        if phrase in k.alias_side and k.alias_side[phrase][1] != "metonym":
            return n
    return 0


def _org_type(name: str, k: Knowledge) -> str | None:
    if name in k.organisations:
        return k.organisations[name]
    if name in k.media:
        return "journalist"
    # the first head word in file order decides ("International Institute" -> institute)
    # (a hyphen joins two words of a name: "Chicago Sun-Times")
    found = [k.head_rank[w.rstrip(".")] for w in name.lower().replace("-", " ").split()
             if w.rstrip(".") in k.head_rank]  # ("Inc.", "Corp.")
    return k.org_heads_list[min(found)][1] if found else None


_DIGIT = re.compile(r"\d")


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


def _is_person_core(tokens: list[str], k: Knowledge, named: bool = False) -> bool:
    """Whether ``tokens`` can be a person's name; ``named``: an honorific stands before
    them ("Dr. Lena M. Park"), so place words ("Park") are surnames here."""
    if not 1 <= len(tokens) <= 4:
        return False
    last = len(tokens) - 1
    for j, t in enumerate(tokens):
        if t in k.pronoun_surnames and len(tokens) > 1:
            continue  # "He Yadong"
        if 0 < j < last and (t in k.name_particles or t.lower() in k.name_particles
                             and tokens[j + 1][:1].isupper()):
            continue  # "Ursula von der Leyen", "Marine Le Pen", "Charles De Gaulle"
        if j == 0 < last and t.lower() in k.name_particles and t[:1].isupper() \
                and tokens[1][:1].isupper():
            continue  # "De Blasio said", "Van Hollen said": a surname's particle
        if t in k.not_name_words and not named or t in k.not_names \
                or t.lower() in k.connectors:
            return False
        if not t[:1].isupper() or _DIGIT.search(t):
            return False
        if t.isupper() and len(t) > 1 and len(tokens) == 1:
            return False  # an acronym alone is not a person
    return True


def _side_of_name(name: str, k: Knowledge) -> str | None:
    hit = k.alias_side.get(name)
    return hit[0] if hit else None


def _lowercase_title_before(text: str, start: int, k: Knowledge, end: int | None = None
                            ) -> tuple[str | None, list[str]]:
    """A lower-case title just before ``start`` ("spokesman", "former secretary of state")
    and the modifier words before it ("former", "US"). A title set off by commas counts
    when it is a definite description and the name between the commas is its
    apposition: "The health secretary, Wes Streeting, said", "Germany’s chancellor, Olaf
    Scholz." (``end`` is the name's end); not "In a letter to the minister, Wes said"."""
    before = text[max(0, start - 80) : start]
    tail = before.rsplit(None, 1)  # the last word decides whether to look further
    if not tail:
        return None, []
    last = tail[-1].lower().strip(",")
    if last not in k.title_last_words and last not in k.former_markers \
            and tail[-1] not in k.alias_side:
        return None, []
    words = before.split()
    title = None
    comma = before.rstrip().endswith(",")
    if comma and not (end is not None and text[end : end + 1] in (",", ".")):
        return None, []
    for n in range(min(k.max_title_words, len(words)), 0, -1):
        phrase = " ".join(words[-n:]).lower().strip(",")
        if phrase not in k.titles:
            continue
        if not comma:
            title = " ".join(words[-n:])
            words = words[:-n]
            break
        # up to two words describe the title: "the health secretary", "the Ashford
        # manager"
        for extra in range(min(3, len(words) - n + 1)):
            rest = words[: len(words) - n - extra]
            if extra and words[len(words) - n - extra].endswith(","):
                break
            if _definite(rest, k):
                title = " ".join(words[len(words) - n - extra :]).rstrip(",")
                words = rest
                break
        break
    if comma and title is None:
        return None, []
    mods = []
    for w in reversed(words[-3:]):
        wl = w.lower().strip(",")
        if wl in k.former_markers or w.strip(",") in k.alias_side or wl in k.title_modifiers:
            mods.insert(0, w.strip(","))
        else:
            break
    return title, mods


def _definite(words: list[str], k: Knowledge) -> bool:
    """Whether the words before a title make it a definite description: "the", a
    possessive ("Germany’s"), or "the"/a possessive before a country word ("the US")."""
    if not words:
        return False
    last = words[-1]
    if last in ("the", "The") or last.endswith(("’s", "'s")):
        return True
    return last in k.alias_side and len(words) >= 2 and _definite(words[:-1], k)


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
    if any(w.lower() in k.verb_forms or w.lower() in k.clause_words for w in chunk.split()):
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
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,6}")
_ROMAN = re.compile(r"[IVXLC]+")
_INDEFINITE_ARTICLE_BEFORE = re.compile(r"\b[Aa]n?\s+$")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
_DETERMINER = re.compile(r"^(?:[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+")
_FROM_ISSUER = re.compile(r"\s+(?:from|by|of)\s+")
_THE_BEFORE_WORD = re.compile(r"\b[Tt]he\s+$")
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
                mention = _classify_run(tokens[i:], off + rs + seg.find(tokens[i], len(
                    tokens[0])), end_char, text, k, named=honorific is not None)
            elif n == 1 and tokens[0][-1] != ".":
                mention = _classify_word(tokens[0], off + rs, end_char, text, k)
            else:
                mention = _classify_run(tokens, off + rs, end_char, text, k)
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
            b.side = b.side or _side_of_name(a.name, k)
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
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_NON_SPACE = re.compile(r"\S+")
_NEXT_WORD = re.compile(r"\s*([,.;:!?])|\s+(\w+)")


def _known_name(name: str, start: int, end: int, k: Knowledge
                ) -> tuple[bool, list[Mention] | None]:
    """A name the knowledge files know: an organisation, an outlet, a country or one of
    its institutions. ``(True, mentions)``, where mentions is None for a bare national
    adjective ("Chinese"), which names no speaker; ``(False, None)`` for any other name."""
    if "." in name and _DOTTED_ACRONYM.fullmatch(name):
        name = name.replace(".", "")  # "F.B.I.", "C.I.A.": New York Times style
    if name in k.organisations or name in k.media:
        kind = "media" if name in k.media else "org"
        typ = "journalist" if kind == "media" else k.organisations[name]
        return True, [Mention(start, end, name, kind, name, side=_side_of_name(name, k),
                              org_type=typ)]
    hit = k.alias_side.get(name)
    if hit:
        side, role = hit
        if role == "adjective" and name not in ("US", "U.S."):
            return True, None
        if role == "institution":
            return True, [Mention(start, end, name, "org", name, side=side,
                                  org_type=_org_type(name, k) or "government")]
        return True, [Mention(start, end, name, "country", k.alias_name[name], side=side)]
    return False, None


def _classify_word(word: str, start: int, end: int, text: str, k: Knowledge,
                   named: bool = False) -> list[Mention] | None:
    """:func:`_classify_run` for a run of one word, the most common case."""
    known, mentions = _known_name(word, start, end, k)
    if known:
        return mentions
    acronym = word.replace(".", "")
    if 3 <= len(acronym) <= 5 and acronym.isupper() and acronym.isalpha() \
            and acronym.lower() not in k.titles and acronym not in k.not_acronym_bodies \
            and not _ROMAN.fullmatch(acronym):
        # an unknown acronym of three letters or more is a body ("the FAA said", "F.A.A.
        # records"); two are mostly places ("Wilmington, N.C.")
        return [Mention(start, end, word, "org", word, org_type="organisation")]
    if word.lower() in k.titles and not named and word[1:].islower() \
            and not _THE_BEFORE_WORD.search(text, max(0, start - 4), start):
        # "King says …" after "Billie Jean King": a surname that is also a title, kept
        # only where a full name in the article has it (see find_mentions)
        return [Mention(start, end, word, "person_single", word)]
    if word.lower() in k.titles or not _is_person_core([word], k, named) \
            or word in k.party_words and not named:
        return None  # (a party label alone describes: "Republican front-runner Donald Trump")
    title, mods = _lowercase_title_before(text, start, k, end)
    return [Mention(start, end, word, "person_single", word, title=title, modifiers=mods)]


def _nth_start(text: str, n: int) -> int:
    """Start offset of the ``n``-th white-space separated token of ``text`` (1-based)."""
    starts = [m.start() for m in _NON_SPACE.finditer(text)]
    return starts[min(n, len(starts)) - 1] if starts and n > 0 else 0


def _nth_end(text: str, n: int) -> int:
    """End offset of the ``n``-th white-space separated token of ``text`` (1-based)."""
    ends = [m.end() for m in _NON_SPACE.finditer(text)]
    return ends[min(n, len(ends)) - 1] if ends and n > 0 else 0


def _classify_run(tokens: list[str], start: int, end: int, text: str, k: Knowledge,
                  named: bool = False) -> list[Mention] | None:
    """Split one capitalised run into title + name and say what the name is; ``named``:
    an honorific stood before the run."""
    if len(tokens) == 1 and (not tokens[0].endswith(".")
                             or _DOTTED_ACRONYM.fullmatch(tokens[0])):
        return _classify_word(tokens[0], start, end, text, k, named)
    full = text[start:end]
    if "." in full:  # (a token ending in "." is part of ``full``)
        tokens = [t.rstrip(".") if t.endswith(".") and t.lower() not in k.titles
                  and not _INITIALS.fullmatch(t) and t not in k.name_suffixes else t
                  for t in tokens]
    known, mentions = _known_name(full, start, end, k)
    if known:
        return mentions
    if tokens[-1] in k.documents and len(tokens) >= 2:
        return [Mention(start, end, full, "document", full)]
    # strip titles and country modifiers from the front
    i = 0
    title_words: list[str] = []
    mods: list[str] = []
    while i < len(tokens):
        n = _title_at(tokens, i, k)
        if n:
            title_words = tokens[i : i + n]
            i += n
            continue
        c = _country_at(tokens, i, k)
        if c and i + c < len(tokens) and not (
                i + c == len(tokens) - 1 and tokens[-1].lower() in k.head_rank):
            # (not "UK Steel", "US Steel": a country and one head word name a body)
            mods.append(" ".join(tokens[i : i + c]))
            i += c
            continue
        if any(_title_at(tokens, j, k) for j in range(i + 1, min(len(tokens) - 1, i + 3))):
            mods.append(tokens[i])  # "Velorian Foreign Minister …": a modifier of the title
            i += 1
            continue
        if tokens[i] in k.party_words and i + 1 < len(tokens) \
                and not _org_type(" ".join(tokens[i:]), k):
            mods.append(tokens[i])  # "Republican Marco Rubio": a party label
            i += 1
            continue
        break
    # "House Democrat Nancy Pelosi", "Senate Intelligence Ranking Democrat Dianne
    # Feinstein": a party label inside the run, then a given name and a surname; the
    # words up to the label describe the person
    for j in range(len(tokens) - 3, i - 1, -1):
        if tokens[j] in k.party_words and is_given_name(tokens[j + 1]):
            mods.extend(tokens[i : j + 1])
            i = j + 1
            break
    body: list[Mention] = []
    if not title_words:
        # "House Judiciary Committee Chairman Bob Goodlatte": a body, its title, then a
        # given name and a surname; the body describes the person, and is a mention of
        # its own for "the district" to refer back to
        for j in range(i + 1, len(tokens) - 2):
            n = _title_at(tokens, j, k)
            if n and 2 <= len(tokens) - j - n <= 3 and is_given_name(tokens[j + n]):
                words = " ".join(tokens[i:j])
                mods.append(words)
                if j - i >= 2 and (typ := _org_type(words, k)):
                    b0 = start + _nth_start(text[start:end], i + 1)
                    b1 = start + _nth_end(text[start:end], j)
                    body = [Mention(b0, b1, text[b0:b1], "org", text[b0:b1], org_type=typ,
                                    side=_side_of_name(text[b0:b1], k))]
                title_words = tokens[j : j + n]
                i = j + n
                break
    while title_words and i < len(tokens) - 1 and tokens[i] in ("of", "for", "at", "the"):
        i += 1  # "CEO of Washington Restaurant Association": the title's organisation
    core = tokens[i:]
    if not core:
        return None
    for j, t in enumerate(core):
        # "Dana Whitfield of the Tech Workers Coalition": a person, then their organisation
        # ("Larry Smith on Hot Air": the outlet)
        if t in ("of", "for", "at", "on") and 2 <= j <= 4 and _is_person_core(core[:j], k) \
                and not _org_type(" ".join(core[:j]), k):
            rest = core[j + 1 :]
            while rest and rest[0].lower() in k.connectors:
                rest = rest[1:]
            if not rest:
                break
            first = _classify_run(tokens[: i + j], start, start + _nth_end(text[start:end], i + j),
                                  text, k)
            org_start = start + _nth_start(text[start:end], len(tokens) - len(rest) + 1)
            second = _classify_run(rest, org_start, end, text, k)
            if second and second[0].kind in ("person", "person_single"):
                # "on Hot Air", "of Acme Partners": what a person is of is a body
                second = [Mention(second[0].start, second[0].end, second[0].text, "org",
                                  second[0].text, org_type="organisation")]
            if first:  # "of North Carolina": a place, no mention of its own
                first[0].apposition = text[start + _nth_end(text[start:end], i + j) : end].strip()
                return first + (second or [])
            break
    core_text = " ".join(core)
    cstart = start + len(text[start:end]) - len(text[start:end].split(None, i)[-1]) if i \
        else start
    cend = end
    core_full = text[cstart:cend]
    org_type = _org_type(core_full, k)
    if org_type and (len(core) > 1 or core_full in k.organisations or core_full in k.media):
        kind = "media" if core_full in k.media else "org"
        return [Mention(cstart, cend, core_full, kind, core_full,
                        side=_side_of_name(core_full, k), org_type=org_type)]
    if core_full in k.alias_side and not title_words:
        side, role = k.alias_side[core_full]
        if role in ("name", "metonym"):
            return [Mention(cstart, cend, core_full, "country",
                            k.sides[side].get("speaker_name") or core_full, side=side)]
    if core_full in k.places and not title_words and not named:
        return None  # "San Francisco", "New Hampshire": a place, never a voice
    last = core[-1]
    if not named and not title_words and len(core) > 1:
        if last in k.party_words and last.isupper():
            # "the Rockingham County GOP": the party's local body
            return [Mention(cstart, cend, core_full, "org", core_full,
                            org_type="organisation")]
        if last in k.party_words:
            # "a Nevada Democrat", "the Wisconsin Republican": a description, no name
            return [Mention(cstart, cend, core_full, "anonymous", core_full)]
        if k.alias_side.get(last, ("", ""))[1] == "adjective":
            return None  # "an African American delegate": a description, no name
        if last.lower() in k.bare_groups or last[-1:] == "s" and k.alias_side.get(
                last[:-1], ("", ""))[1] == "adjective":
            # "Congressional Republicans", "African Americans": a group, no person (the
            # bare group "Republicans" speaks for it)
            return None
    if not _is_person_core(core, k, named):
        # "Chicago Alderperson Jason C. Ervin": words no list knows, then a given name
        # and a surname (with initials): the person, described by the words before
        for j in range(1, len(core) - 1):
            if is_given_name(core[j]) and len(core) - j <= 4 and core[j - 1][-1:] != "," \
                    and _is_person_core(core[j:], k):
                p0 = cstart + _nth_start(core_full, j + 1)
                return [Mention(p0, cend, text[p0:cend], "person", " ".join(core[j:]),
                                title=" ".join(title_words) or None,
                                modifiers=mods + [" ".join(core[:j])])]
        return None
    if not title_words and not named and _INDEFINITE_ARTICLE_BEFORE.search(
            text, max(0, start - 4), start) and _LOWER_WORD_AFTER.match(text, end):
        return None  # "a New Hampshire Elks lodge": a modifier, no person
    title = " ".join(title_words) if title_words else None
    pre_title, pre_mods = _lowercase_title_before(text, start, k, end)
    if title is None and pre_title:
        title = pre_title
    mods = pre_mods + mods
    if len(core) == 1:
        return [Mention(cstart, cend, core_full, "person_single", core_text, title=title,
                        modifiers=mods)]
    return body + [Mention(cstart, cend, core_full, "person", core_text, title=title,
                           modifiers=mods)]


