"""Quote extraction: direct, mixed, indirect and floating quotes, and speaker mentions.

The method is rules over the shared text layer (``article.body`` blocks and
``article.sentences``), in the tradition of the Gender Gap Tracker's quote extractor
(Asr et al. 2021, "The Gender Gap Tracker", PLOS ONE 16(1)) without its parser:

1. **Quote marks** are paired per paragraph. Curly and straight double marks are the
   primary marks; single marks nested inside them are left alone; a paragraph with no
   double marks may use single marks (British style). An opening mark with no closing
   mark ends at the paragraph's end (news style repeats the opening mark on the next
   paragraph when a quote runs on), and a stray mark never raises.
2. **Cues** are speech verbs from ``data/speech_verbs.yaml`` outside quote marks. A cue
   right after a closing mark (``”, he said``) or right before an opening mark
   (``said: “``) makes that quoted stretch *direct* (*mixed* when unquoted words of the
   same clause come before it). Otherwise the cue introduces reported speech: the
   clause after it (``X said (that) …``, ``X told reporters …``) or before it
   (``…, the White House said``), *mixed* if it holds quoted words, else *indirect*.
3. **Floating quotes**: a quoted stretch that opens a sentence with no cue is given the
   speaker of the previous quote in its paragraph or the paragraph before.
4. **Speakers** are mentions found by :func:`find_mentions`: capitalised names with
   titles stripped off, organisations, countries and their capitals, documents,
   pronouns and anonymous sources (``officials said``), from ``data/speaker_roles.yaml``
   and ``data/sides.yaml``. Resolving pronouns and surnames is ``analysis.sources``.

Scoring against hand annotations is :mod:`analysis.evaluation`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

import yaml

from analysis.paths import DATA

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

# --- knowledge -----------------------------------------------------------------------

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_STRAIGHT = '"'
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
SINGLE_STRAIGHT = "'"
_DOUBLE_ANY = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_STRAIGHT
_ALL_MARKS = _DOUBLE_ANY + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_STRAIGHT

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_CAP_TOKEN = rf"(?:[{_UPPER}][\w.\-’']*\w\.?|[{_UPPER}]\.?(?:[{_UPPER}]\.)*)"
_CONNECTORS = {"of", "for", "on", "de", "da", "del", "van", "von", "der", "al", "bin", "ibn",
               "la", "le", "the"}
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*", re.UNICODE)


_KEY = re.compile(r"\w+")


class Hit:
    """A phrase found in a text, with the ``re.Match`` methods the extractor uses."""

    __slots__ = ("_s", "_e", "_t")

    def __init__(self, start: int, end: int, text: str):
        self._s, self._e, self._t = start, end, text

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self, _: int = 0) -> str:
        return self._t


class _Word:
    """A ``\\w+`` run as the lexicon reads it (start offset and text)."""

    __slots__ = ("start", "text")

    def __init__(self, start: int, text: str):
        self.start, self.text = start, text


class Lexicon:
    """Whole-word lookup of many literal phrases in several categories at once.

    Phrases are keyed by their first word, so a text is scanned with one dictionary
    lookup per word instead of a regular expression with hundreds of alternatives tried
    at every character: the speed the 5 ms budget needs. Within a category the longest
    phrase at a position wins and hits do not overlap.
    """

    def __init__(self) -> None:
        # first word -> [(phrase, category, len(phrase), characters that may not follow)]
        self.by_first: dict[str, list[tuple[str, str, int, str]]] = {}
        self.no_suffix: dict[str, str] = {}
        self._one: dict[str, dict[str, list[tuple[str, str, int, str]]]] = {}

    def add(self, phrases: list[str], category: str, *, any_case: bool = False,
            no_suffix: str = "") -> None:
        self.no_suffix[category] = no_suffix
        self._one.clear()
        variants = set()
        for ph in phrases:
            variants.add(ph)
            if any_case:
                variants.update({ph.lower(), ph[:1].upper() + ph[1:]})
        for ph in variants:
            m = _KEY.match(ph)
            if m:
                self.by_first.setdefault(m.group(0), []).append(
                    (ph, category, len(ph), no_suffix))
        for cands in self.by_first.values():
            cands.sort(key=lambda c: -c[2])

    def _only(self, category: str) -> dict[str, list[tuple[str, str, int, str]]]:
        """The phrases of one category, keyed by first word (built once)."""
        one = self._one.get(category)
        if one is None:
            one = {}
            for first, cands in self.by_first.items():
                mine = [c for c in cands if c[1] == category]
                if mine:
                    one[first] = mine
            self._one[category] = one
        return one

    def scan(self, text: str, a: int = 0, b: int | None = None, only: str | None = None
             ) -> dict[str, list[Hit]]:
        """Hits of every category in ``text[a:b]``, each list in text order; with
        ``only``, the hits of that one category (the same hits, found faster)."""
        b = len(text) if b is None else b
        words = [_Word(m.start(), m.group(0)) for m in _KEY.finditer(text, a, b)]
        if only is None:
            return self._scan(text, words, b, 0, self.by_first, self.no_suffix)
        return self._scan(text, words, b, 0, self._only(only), (only,))

    def scan_words(self, text: str, words: Any, b: int, offset: int = 0
                   ) -> dict[str, list[Hit]]:
        """Hits of every category at the given words of ``text`` (objects with ``start``
        and ``text``, such as the shared text layer's ``Word``; their offsets minus
        ``offset`` index ``text``), none ending after ``b``."""
        return self._scan(text, words, b, offset, self.by_first, self.no_suffix)

    @staticmethod
    def _scan(text: str, words: Any, b: int, offset: int,
              by_first: dict[str, list[tuple[str, str, int, str]]], categories: Any
              ) -> dict[str, list[Hit]]:
        out: dict[str, list[Hit]] = {c: [] for c in categories}
        # the next hit of a category starts at or after the end of its last hit, so the
        # longest phrase at a position (candidates are longest first) is the one kept
        last_end = dict.fromkeys(categories, 0)
        n = len(text)
        get = by_first.get
        for w in words:
            word = w.text
            cands = get(word)
            if cands is None:
                if word.isalnum():
                    continue
                m = _KEY.match(word)  # "China’s", "U.S.", "US-led": look up the first part
                if m is None:
                    continue
                cands = get(m.group(0))
                if cands is None:
                    continue
            s = w.start - offset
            if s > 0 and text[s - 1] in "’'-":
                continue
            for ph, cat, length, no_suffix in cands:
                if s < last_end[cat]:
                    continue
                e = s + length
                if e <= b and text.startswith(ph, s) and not (
                        e < n and (text[e].isalnum() or text[e] == "_"
                                   or text[e] in no_suffix)):
                    out[cat].append(Hit(s, e, ph))
                    last_end[cat] = e
        return out


@dataclass(frozen=True)
class Knowledge:
    """Everything read from the YAML files under ``data/``, compiled once."""

    verb_forms: dict[str, str]  # form -> lemma
    needs_object: frozenset[str]
    audiences: tuple[str, ...]
    phrases: tuple[tuple[str, bool], ...]  # (text, speaker_after)
    clause_words: frozenset[str]
    clause_subjects: frozenset[str]
    naming_verbs: frozenset[str]
    titles: dict[str, dict]  # lower-case phrase -> {type, side?, generic?}
    max_title_words: int
    title_last_words: frozenset[str]
    title_first_words: frozenset[str]
    former_markers: frozenset[str]
    org_heads: dict[str, str]
    org_heads_list: tuple[tuple[str, str], ...]
    head_rank: dict[str, int]
    organisations: dict[str, str]
    media: frozenset[str]
    documents: frozenset[str]
    group_nouns: dict[str, str]
    bare_groups: dict[str, str]
    not_names: frozenset[str]
    not_name_words: frozenset[str]
    types: tuple[dict, ...]
    sides: dict[str, dict]
    alias_side: dict[str, tuple[str, str]]  # alias -> (side, name|adjective|metonym|institution)
    alias_name: dict[str, str]  # alias -> its side's speaker_name, else the alias itself
    alias_first_words: frozenset[str]
    lexicon: Lexicon
    anon: dict[str, Any]
    run_re: re.Pattern
    description_re: re.Pattern


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))


def _anonymous_rules(anon: dict) -> dict[str, Any]:
    """Small anchored patterns built from the ``anonymous`` word lists."""
    dets = _alternation(anon.get("determiners") or ["a"])
    mods = _alternation(anon.get("modifiers") or ["senior"])
    quals = _alternation(anon.get("qualifiers") or ["familiar with"])
    clauses = _alternation(anon.get("anonymity_clauses") or ["asked not to be named"])
    return {
        "qualified": {str(h).lower() for h in anon.get("qualified_heads") or []},
        # words before a head, matched at the end of the text before it
        "before": re.compile(rf"(?:\b(?:{dets})\s+)?(?:\b(?:{mods})\s+){{0,3}}$", re.I),
        "after": re.compile(rf"\s+(?:{quals})\s+(?:(?:the|an?|his|her|their)\s+)?[\w\-]+",
                            re.I),
        "clause": re.compile(rf"who\s+(?:{clauses})", re.I),
        "noun_before": re.compile(r"\b(?:an?|one)\s+(?:[a-z\-]+\s+){0,2}?[a-z]+,?\s*$", re.I),
    }


def _read_yaml(name: str) -> Any:
    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """Load and compile ``speech_verbs.yaml``, ``speaker_roles.yaml`` and ``sides.yaml``."""
    verbs = _read_yaml("speech_verbs.yaml")
    roles = _read_yaml("speaker_roles.yaml")
    sides = _read_yaml("sides.yaml")

    verb_forms = {f.lower(): lemma for lemma, forms in verbs["verbs"].items() for f in forms or []}
    phrases = tuple((p["text"].lower(), bool(p.get("speaker_after"))) for p in verbs["phrases"])
    # verbs match in lower case only ("the United States" is not a cue); phrases may
    # also open a sentence ("According to …")
    cue_words = list(verb_forms) + [p for p, _ in phrases]
    cue_words += [p[:1].upper() + p[1:] for p, _ in phrases]
    cue_words.sort(key=len, reverse=True)
    lexicon = Lexicon()
    lexicon.add(cue_words, "cue", no_suffix="’'-")

    titles = {str(k).lower(): dict(v) for k, v in roles["titles"].items()}
    alias_side: dict[str, tuple[str, str]] = {}
    for side, entry in sides.items():
        for role in ("institutions", "metonyms", "adjectives", "names"):
            for alias in entry.get(role) or []:
                alias_side[str(alias)] = (str(side), role[:-1] if role != "names" else "name")
    aliases = sorted(alias_side, key=len, reverse=True)
    lexicon.add(aliases, "alias")
    lexicon.add(["he", "she", "they", "it"], "pronoun", any_case=True)
    anon = roles.get("anonymous") or {}
    lexicon.add(list(anon.get("heads") or []) + list(anon.get("qualified_heads") or []),
                "anon", any_case=True)
    lexicon.add(["who"], "who")
    lexicon.add([str(d) for d in roles.get("descriptions") or []], "desc")
    lexicon.add([t for t in titles if t[:1].isalpha()], "title", any_case=True, no_suffix="-")
    group_nouns = {str(k).lower(): v for k, v in roles["group_nouns"].items()}
    bare = {str(k).lower(): v for k, v in (roles.get("bare_groups") or {}).items()}
    lexicon.add(list(bare), "bare", any_case=True)
    lexicon.add([g for g in group_nouns if " " not in g], "ghead")
    not_name_words = frozenset(
        "War Games Olympics Olympic Cup Day Summit Street Square Sea Ocean River Mountains "
        "Island Islands Province Region City Republic Kingdom States Affairs Crisis Revolution "
        "Initiative Road Belt Valley Strait Gulf Peninsula Airport Station Stadium Hall Museum "
        "Festival Prize Award Church Mosque Temple Wall Bridge Park Internet Covid COVID Year "
        "Eve Christmas Easter Ramadan Eid Winter Summer Spring Autumn Fall North South East "
        "West Northern Southern Eastern Western Central Middle Act".split())
    return Knowledge(
        verb_forms=verb_forms,
        needs_object=frozenset(verbs.get("needs_object") or []),
        audiences=tuple(sorted((a.lower() for a in verbs.get("audiences") or []),
                               key=len, reverse=True)),
        phrases=phrases,
        clause_words=frozenset(w.lower() for w in verbs.get("clause_words") or []),
        clause_subjects=frozenset(w.lower() for w in verbs.get("clause_subjects") or []),
        naming_verbs=frozenset(w.lower() for w in verbs.get("naming_verbs") or []),
        titles=titles,
        max_title_words=max(len(t.split()) for t in titles),
        title_last_words=frozenset(t.split()[-1] for t in titles),
        title_first_words=frozenset(t.split()[0] for t in titles if t.split()),
        former_markers=frozenset(roles.get("former_markers") or []),
        org_heads={str(k).lower(): v for k, v in roles["org_heads"].items()},
        org_heads_list=tuple((str(k).lower(), v) for k, v in roles["org_heads"].items()),
        head_rank={str(k).lower(): i for i, k in enumerate(roles["org_heads"])},
        organisations={str(k): v for k, v in roles["organisations"].items()},
        media=frozenset(roles.get("media_outlets") or []),
        documents=frozenset(roles.get("documents") or []),
        anon=_anonymous_rules(anon),
        group_nouns=group_nouns,
        bare_groups=bare,
        not_names=frozenset(roles.get("not_names") or []),
        not_name_words=not_name_words,
        types=tuple(roles["types"]),
        sides=sides,
        alias_side=alias_side,
        alias_name={a: sides[side].get("speaker_name") or a
                    for a, (side, _) in alias_side.items()},
        alias_first_words=frozenset(a.split()[0] for a in alias_side if a.split()),
        lexicon=lexicon,
        description_re=_YEAR_OLD,
        run_re=re.compile(
            _CAP_TOKEN + r"(?:[ \t]+(?:(?:" + "|".join(sorted(_CONNECTORS)) + r")[ \t]+)*"
            + _CAP_TOKEN + r")*"
        ),
    )


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
    found = [k.head_rank[w] for w in name.lower().split() if w in k.head_rank]
    return k.org_heads_list[min(found)][1] if found else None


_DIGIT = re.compile(r"\d")


def _is_person_core(tokens: list[str], k: Knowledge) -> bool:
    if not 1 <= len(tokens) <= 4:
        return False
    for t in tokens:
        if t in k.not_name_words or t in k.not_names or t.lower() in _CONNECTORS:
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
        if wl in k.former_markers or w.strip(",") in k.alias_side or wl in ("acting", "deputy",
                                                                             "senior", "top"):
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


_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[A-Za-z\-]+\s+){0,2}?$")


def _anonymous_spans(text: str, hits: dict[str, list[Hit]], k: Knowledge
                     ) -> list[tuple[int, int, str]]:
    """Unnamed sources in one paragraph: "two senior US officials", "a source familiar
    with the talks", "one engineer, who asked not to be named"."""
    rules = k.anon
    out = []
    for h in hits["anon"]:
        head = h.group(0).lower()
        after = rules["after"].match(text, h.end())
        if head in rules["qualified"] and not after:
            continue
        before = rules["before"].search(text, max(0, h.start() - 80), h.start())
        a = before.start() if before else h.start()
        out.append((a, after.end() if after else h.end(), head))
    for h in hits["who"]:
        if rules["clause"].match(text, h.start()):
            m = rules["noun_before"].search(text, max(0, h.start() - 60), h.start())
            if m:
                phrase = text[m.start() : m.end()].rstrip(" ,")
                out.append((m.start(), m.start() + len(phrase), phrase.split()[-1].lower()))
    return out


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
    out: list[Mention] = []
    singles: list[tuple[Mention, bool]] = []  # (mention, titled)
    for p, block in enumerate(article.body):
        btext, off = block.text, block.start
        taken: list[tuple[int, int]] = []
        for rs, re_, possessive in _runs(btext, k):
            seg = btext[rs:re_]
            tokens = seg.split()
            i, n = 0, len(tokens)
            while i < n and tokens[i] in not_names:
                i += 1
            if i == n:
                continue
            end_char = off + re_
            if i:
                mention = _classify_run(tokens[i:], off + rs + seg.find(tokens[i]), end_char,
                                        text, k)
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
                if mm.kind == "person_single":
                    singles.append((mm, bool(mm.title)))
                else:
                    taken.append((mm.start, mm.end))
                    out.append(mm)
        hits = scans[p] if scans is not None else k.lexicon.scan(btext)
        for h in hits["pronoun"]:
            if quoted(off + h.start()):
                continue  # a pronoun inside a quote never speaks
            out.append(Mention(off + h._s, off + h._e, h._t, "pronoun", h._t.lower(),
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
        for a, b, _head in _anonymous_spans(btext, hits, k):
            a, b = off + a, off + b
            if any(x < b and a < y for x, y in taken):
                continue
            taken.append((a, b))
            out.append(Mention(a, b, text[a:b], "anonymous", text[a:b].strip(), paragraph=p,
                               in_quote=quoted(a)))
        for h in hits["bare"]:
            a, b = off + h.start(), off + h.end()
            if any(x < b and a < y for x, y in taken):
                continue
            taken.append((a, b))
            head = h.group(0).lower()
            out.append(Mention(a, b, h.group(0), "group", head, paragraph=p,
                               org_type=k.bare_groups.get(head), in_quote=quoted(a)))
        for h in hits["ghead"]:
            m = _THE_BEFORE.search(btext, max(0, h.start() - 40), h.start())
            if not m:
                continue
            a, b = off + m.start(), off + h.end()
            if any(x < b and a < y for x, y in taken):
                continue
            out.append(Mention(a, b, text[a:b], "group", text[a:b], paragraph=p,
                               org_type=k.group_nouns.get(h.group(0).lower()),
                               in_quote=quoted(a)))
        alias_side, alias_name = k.alias_side, k.alias_name
        for h in hits["alias"]:
            word = h._t
            side, role = alias_side[word]
            out.append(Mention(off + h._s, off + h._e, word, "side_word", alias_name[word],
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
    for m, titled in singles:
        owners = by_word.get(m.name, [])
        if owners:
            before = [f for f in owners if f.start < m.start]
            owner = (before[-1] if before else owners[0])
            m.kind, m.name = "person", owner.name
            out.append(m)
        elif titled or m.name in titled_singles:
            m.kind = "person"
            out.append(m)
        elif not m.in_quote and not any(x.start < m.end and m.start < x.end
                                        for x in by_para.get(m.paragraph, ())):
            m.kind = "name"  # an unknown single name: it may speak ("Brightline said")
            out.append(m)
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
# precompiled patterns of the hot paths (the re module's cache lookup is not free)
_APPOSITION = re.compile(r",\s+([^,.;:“”\"]{3,120}?)(?=[,.;:“”\"]|$)")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_NON_SPACE = re.compile(r"\S+")
_IS_WAS = re.compile(r"\s*(?:is|was)\b")
_GAP_PUNCT = re.compile(r"[,.;:“”\"]")
_AFTER_CLOSE = re.compile(r"[,.!?…]?\s*")
_SENTENCE_STOP = re.compile(r"[.!?;]")
_CUE_TO_MARK = re.compile(r"\s*(?:[A-Z]?[a-z]+\s+){0,4}?[:,]?\s*")
_THAT_OR_COLON = re.compile(r"\s*(?:,\s*)?(?:that\b|:)?\s*")
_END_ONLY = re.compile(r"\s*[.!?…]?\s*")
_FULL_STOP_WORD = re.compile(r"(\S+)\.(?=\s)")
_YEAR_OLD = re.compile(r"\b(\d+-year-old)\b")
_COMMA_THE_END = re.compile(r",\s*(?:the\s+)?$")
_SUBJECT_VERB = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:\w+ed|was|is|has|had|have|were|are|will|would)\b")
_FROM_BY = re.compile(r"\s(?:from|by)\s+")
_PARTICIPLE = re.compile(r"\s(?:[a-z]+ed|published|issued|released|seen)\b")
_ARTICLE_START = re.compile(r"^(?:the|a|an)\s+", re.I)
_VERB_AT_END = re.compile(r"\s+[a-z]+(?:ed|s)$")
_COMMA_SPACE = re.compile(r",\s*")
_TAIL_IS_END = re.compile(
    r"\s*(?:(?:in|on|at|during|to|after|before|late|earlier|later)\s+[^,.;]{0,40})?"
    r"\s*(?:[,.;!?…]|$)")
_ADJUNCT_TO_THAT = re.compile(
    r"\s*(?:(?:in|on|at|during|to|after|before|late|earlier|last|this|"
    r"later|again|also|publicly|privately|repeatedly)\b[^,.;“”\"]{0,40}?\s|"
    r"(?:[\w’'\-]+\s+){1,4}?(?=that\b))?(?=that\b)")
_THAT = re.compile(r"\s*that\b")
_WORDS_THEN_THAT = re.compile(r"\s*(?:[\w’'\-]+\s+){1,4}?that")
_TIME_ADJUNCT = re.compile(
    r"\s*(?:in|on|at|during|to|after|before|late|earlier|last|this|later|again|"
    r"also|publicly|privately|repeatedly)\b")
_RELATIVE_END = re.compile(r",\s*(?:who|which)\s+(?:(?:has|have|had)\s+)?$")
_NEXT_WORD = re.compile(r"\s*([,.;:!?])|\s+(\w+)")


def _split_at_sentence_end(text: str, m: Any, k: Knowledge) -> list[Any]:
    """A capitalised run split where a full word ends a sentence inside it ("on
    Saturday. Calder described …"); initials, abbreviations and titles ("U.S.",
    "Dr.", "Sen.") keep their run."""
    out: list[Any] = []
    a = m.start()
    for t in _FULL_STOP_WORD.finditer(m.group(0)):
        word = t.group(1)
        if len(word) > 3 and word[1:].islower() and (word + ".").lower() not in k.titles:
            cut = m.start() + t.end()
            out.append(Hit(a, cut, text[a:cut]))
            a = cut + len(text[cut : m.end()]) - len(text[cut : m.end()].lstrip())
    if a < m.end():
        out.append(Hit(a, m.end(), text[a : m.end()]))
    return out


def _runs(text: str, k: Knowledge) -> list[tuple[int, int, bool]]:
    """Capitalised runs of ``text`` as (start, end, ends_in_possessive), split after a
    possessive ("China’s | Ministry of Foreign Affairs") and trimmed of trailing
    connectors, dates and a sentence's full stop."""
    out = []
    not_names = k.not_names
    for m0 in k.run_re.finditer(text):
        raw = m0.group(0)
        if ". " not in raw and "’" not in raw and "'" not in raw and raw[-1] != ".":
            # plain words: the common case
            last = raw.rsplit(None, 1)[-1]
            if last not in not_names and last.lower() not in _CONNECTORS:
                out.append((m0.start(), m0.end(), False))
            elif " " in raw:
                _trim_run(text, m0, k, out)
            continue
        # split where a sentence ends inside the run
        for m in (_split_at_sentence_end(text, m0, k) if ". " in raw else (m0,)):
            raw = m.group(0)
            if "’" not in raw and "'" not in raw and not raw.endswith("."):
                last = raw.rsplit(None, 1)[-1]
                if last not in not_names and last.lower() not in _CONNECTORS:
                    out.append((m.start(), m.end(), False))
                    continue
                if " " not in raw:
                    continue
            _trim_run(text, m, k, out)
    return _join_coordinated_names(text, out, k) if " and " in text or " & " in text else out


def _join_coordinated_names(text: str, runs: list[tuple[int, int, bool]], k: Knowledge
                            ) -> list[tuple[int, int, bool]]:
    """Join two runs around "and" that name one body: "the Nursing and Midwifery
    Council", "the Food and Drug Administration", "the Department of Health and Social
    Care". The article before the first run scopes over the whole coordinated name, and
    the name is completed by an organisation head word at its end or opened by one
    with "of" ("Department of ..."). Not joined: two bodies ("the Senate and House",
    whose first part already ends in a head word), a country ("the US and China"), or
    names without the article ("Biden and White House officials")."""
    out: list[tuple[int, int, bool]] = []
    for run in runs:
        if out:
            a1, b1, poss1 = out[-1]
            a2, b2, poss2 = run
            if not poss1 and text[b1:a2] in (" and ", " & ") \
                    and _one_coordinated_name(text, a1, b1, a2, b2, k):
                out[-1] = (a1, b2, poss2)
                continue
        out.append(run)
    return out


def _one_coordinated_name(text: str, a1: int, b1: int, a2: int, b2: int, k: Knowledge
                          ) -> bool:
    first = text[a1:b1].split()
    if first and first[0] in ("The", "the"):
        first = first[1:]
    elif text[max(0, a1 - 4) : a1] not in ("the ", "The "):
        return False
    second = text[a2:b2].split()
    if not first or not second:
        return False
    heads = k.head_rank
    if first[-1].lower() in heads or " ".join(first) in k.alias_side \
            or text[a2:b2] in k.alias_side:
        return False
    opened = len(first) >= 3 and first[0].lower() in heads and first[1] in ("of", "for")
    return second[-1].lower() in heads or opened


def _trim_run(text: str, m: Any, k: Knowledge, out: list[tuple[int, int, bool]]) -> None:
    """Add the pieces of one run to ``out``: split after a possessive, trimmed of
    trailing connectors, dates and a sentence's full stop."""
    pieces = []
    a = m.start()
    for pm in _POSSESSIVE.finditer(text, m.start(), m.end()):
        pieces.append((a, pm.start(), True))
        a = pm.end()
    pieces.append((a, m.end(), False))
    for a, b, poss in pieces:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        a += lead
        seg = seg.strip()
        words = seg.split()
        while words and (words[-1].lower() in _CONNECTORS or words[-1].rstrip(".") in
                         k.not_names):
            words.pop()
            poss = False
        if not words:
            continue
        last = words[-1]
        if last.endswith(".") and len(last) > 2 and last not in k.alias_side and not \
                _INITIALS.fullmatch(last) and last.lower() not in k.titles:
            words[-1] = last[:-1]
        spans = [(w.start(), w.end()) for w in _NON_SPACE.finditer(text[a:b])]
        b2 = a + spans[len(words) - 1][1]
        if words[-1] != last:
            b2 -= 1
        out.append((a, b2, poss))


def _known_name(name: str, start: int, end: int, k: Knowledge
                ) -> tuple[bool, list[Mention] | None]:
    """A name the knowledge files know: an organisation, an outlet, a country or one of
    its institutions. ``(True, mentions)``, where mentions is None for a bare national
    adjective ("Chinese"), which names no speaker; ``(False, None)`` for any other name."""
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


def _classify_word(word: str, start: int, end: int, text: str, k: Knowledge
                   ) -> list[Mention] | None:
    """:func:`_classify_run` for a run of one word, the most common case."""
    known, mentions = _known_name(word, start, end, k)
    if known:
        return mentions
    if word.lower() in k.titles or not _is_person_core([word], k):
        return None
    title, mods = _lowercase_title_before(text, start, k, end)
    return [Mention(start, end, word, "person_single", word, title=title, modifiers=mods)]


def _nth_end(text: str, n: int) -> int:
    """End offset of the ``n``-th white-space separated token of ``text`` (1-based)."""
    ends = [m.end() for m in _NON_SPACE.finditer(text)]
    return ends[min(n, len(ends)) - 1] if ends and n > 0 else 0


def _classify_run(tokens: list[str], start: int, end: int, text: str, k: Knowledge
                  ) -> list[Mention] | None:
    """Split one capitalised run into title + name and say what the name is."""
    if len(tokens) == 1 and not tokens[0].endswith("."):
        return _classify_word(tokens[0], start, end, text, k)
    full = text[start:end]
    if "." in full:  # (a token ending in "." is part of ``full``)
        tokens = [t.rstrip(".") if t.endswith(".") and t.lower() not in k.titles
                  and not _INITIALS.fullmatch(t) else t for t in tokens]
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
        if c and i + c < len(tokens):
            mods.append(" ".join(tokens[i : i + c]))
            i += c
            continue
        if any(_title_at(tokens, j, k) for j in range(i + 1, min(len(tokens) - 1, i + 3))):
            mods.append(tokens[i])  # "Velorian Foreign Minister …": a modifier of the title
            i += 1
            continue
        break
    core = tokens[i:]
    if not core:
        return None
    for j, t in enumerate(core):
        # "Dana Whitfield of the Tech Workers Coalition": a person, then their organisation
        if t in ("of", "for", "at") and 2 <= j <= 4 and _is_person_core(core[:j], k) \
                and not _org_type(" ".join(core[:j]), k):
            rest = core[j + 1 :]
            while rest and rest[0].lower() in _CONNECTORS:
                rest = rest[1:]
            if not rest:
                break
            first = _classify_run(tokens[: i + j], start, start + _nth_end(text[start:end], i + j),
                                  text, k)
            org_start = start + _nth_end(text[start:end], len(tokens) - len(rest)) - len(rest[0])
            second = _classify_run(rest, org_start, end, text, k)
            if first and second:
                first[0].apposition = text[start + _nth_end(text[start:end], i + j) : end].strip()
                return first + second
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
    if not _is_person_core(core, k):
        return None
    title = " ".join(title_words) if title_words else None
    pre_title, pre_mods = _lowercase_title_before(text, start, k, end)
    if title is None and pre_title:
        title = pre_title
    mods = pre_mods + mods
    if len(core) == 1:
        return [Mention(cstart, cend, core_full, "person_single", core_text, title=title,
                        modifiers=mods)]
    return [Mention(cstart, cend, core_full, "person", core_text, title=title, modifiers=mods)]


# --- quote marks -----------------------------------------------------------------------


@dataclass
class Pair:
    """One quoted stretch: ``open``/``close`` are the mark positions (``close`` is the
    paragraph end when the mark is missing); ``inner`` excludes the marks."""

    open: int
    close: int
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _is_opening_context(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–-/:" + _ALL_MARKS) and not nxt.isspace()


_MARK_RE = re.compile("[" + re.escape(_ALL_MARKS) + "]")


def quote_pairs(text: str, offset: int = 0) -> list[Pair]:
    """Pair the quotation marks of one paragraph; never raises.

    Double marks are primary; a paragraph without them uses single marks, where a
    closing ``’`` followed by a letter is an apostrophe (``it’s``), not a mark.
    """
    double = any(c in text for c in _DOUBLE_ANY)
    pairs: list[Pair] = []
    open_at: int | None = None
    for mark in _MARK_RE.finditer(text):
        i, ch = mark.start(), mark.group(0)
        if double:
            if ch not in _DOUBLE_ANY:
                continue
            if ch in DOUBLE_OPEN:
                is_open = True
            elif ch in DOUBLE_CLOSE:
                is_open = open_at is None and _is_opening_context(text, i) and ch != "»"
            else:
                is_open = open_at is None
        else:
            if ch not in SINGLE_OPEN + SINGLE_CLOSE + SINGLE_STRAIGHT:
                continue
            nxt = text[i + 1] if i + 1 < len(text) else " "
            prev = text[i - 1] if i > 0 else " "
            if ch in SINGLE_OPEN or (ch == SINGLE_STRAIGHT and open_at is None):
                is_open = _is_opening_context(text, i) and nxt.isalnum()
                if not is_open:
                    continue
            else:  # ’ or a straight ' closing
                if nxt.isalnum() or prev.isspace() or open_at is None:
                    continue
                is_open = False
        if is_open:
            if open_at is not None:  # a second opening mark: the first never closed
                end = len(text[:i].rstrip())
                pairs.append(Pair(offset + open_at, offset + end, False))
            open_at = i
        elif open_at is not None:
            pairs.append(Pair(offset + open_at, offset + i, True))
            open_at = None
    if open_at is not None:
        if double or text[open_at + 1 :].strip():
            end = len(text.rstrip())
            if not double and end - open_at > 200:
                return pairs  # a lone single mark is more likely an apostrophe
            pairs.append(Pair(offset + open_at, offset + end, False))
    return [p for p in pairs if p.close > p.open + 1]


# --- quotes ----------------------------------------------------------------------------


@dataclass
class Quote:
    """One extracted quote before speaker resolution."""

    start: int
    end: int
    kind: str  # direct | mixed | indirect
    cue: str | None
    cue_start: int | None
    speaker: Mention | None
    paragraph: int
    floating: bool = False
    rule: str = ""


_ALLOWED_GAP = re.compile(
    r"^(?:\s+(?:of|from)\s+[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3})?"  # "X of Ohio"
    r"(?:\s*,\s*(?:[^,.;:“”\"]|“[^“”]{1,60}”|\"[^\"]{1,60}\"){1,160}?,)?"
    r"(?:\s+and\s+(?:his|her|their)\s+(?:colleagues|co-authors|team|fellow \w+))?"
    r"(?:\s*(?:has|have|had|also|later|then|however|again|"
    r"previously|earlier|repeatedly|further|once|too|herself|himself|itself|themselves|"
    r"has also|had also|on \w+day|in a statement|recently|today|yesterday|simply|just|"
    r"flatly|firmly|publicly|privately|quickly|immediately|separately))*\s*$",
    re.IGNORECASE,
)
_LEADING_ADJUNCT = re.compile(
    r"^(?:while|although|though|as|after|before|when|if|because|since|despite|in|at|on|"
    r"under|amid|for|with|by|during|\w+ing|\w+ed)\b[^,]{0,120},\s*", re.IGNORECASE)
# where reported content stops: a new clause ("; …", ", adding …", ", amid …") or a
# second verb phrase of the speaker ("insisted X was Y and rounded on …")
_CUT_CONTENT = re.compile(
    r";|\s+(?:and|but)\s+(?=\w+ed\b)|,\s+(?:amid|while|as|after|before|despite|even as|"
    r"adding|saying|according to)\b"
    # ", blaming rising costs": a participle clause is the writer's, not the content
    r"|,\s+(?!(?:something|nothing|anything|everything|king|thing|spring|string|during)\b)"
    r"[a-z]{3,}ing\b")
# after the last quoted stretch of a mixed quote, an adverbial clause is the writer's
_ADVERBIAL_AFTER_QUOTE = re.compile(
    r"\s*,?\s+(?:as|amid|while|after|before|despite|because|since|when|during|following|"
    r"ahead of)\b")
_RELATIVES = frozenset({"which", "that", "who", "whom", "whose", "where"})


def _ends_with_conjunction(text: str) -> bool:
    """True when ``text`` ends with the word "and" or "but" (a coordinated verb)."""
    tail = text.rstrip()[-4:].lower()
    return tail in (" and", " but") or tail[-3:] in ("and", "but") and len(text.rstrip()) == 3
_OBJECT_NP = re.compile(r"^(?:[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}|the\s+\w+(?:\s+\w+)?)")
_SENT_END = re.compile(r"[.!?…]")
_WORD_RE = re.compile(r"\b([A-Za-z]+)\b")
_SOURCE_PHRASE = re.compile(r"\s*((?:[\w’'\-]+\s+){0,9}?[\w’'\-]+)\s*(?=[,.;]|$)")
_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,3}\.")


def _sentence_bounds(article: Article) -> dict[int, list[tuple[int, int]]]:
    by_block: dict[int, list[tuple[int, int]]] = {}
    for s in article.sentences:
        by_block.setdefault(s.block, []).append((s.start, s.end))
    return by_block


def _words_in(text: str, a: int = 0, b: int | None = None, cap: int | None = None) -> int:
    """Number of words (``_WORD`` matches) in ``text[a:b]``; with ``cap``, the count stops
    at ``cap`` (enough to compare it with a threshold below ``cap``)."""
    b = len(text) if b is None else b
    if cap is None:
        return len(_WORD.findall(text, a, b))
    n = 0
    for _ in _WORD.finditer(text, a, b):
        n += 1
        if n == cap:
            break
    return n


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


_OBJECT_STARTS = frozenset(
    "a an the this that these those its their his her our my your some no".split())


def _has_clause(content: str, k: Knowledge) -> bool:
    """True when ``content`` reads as a clause (it has a finite verb early on)."""
    ws = [m.group(0).lower() for m in islice(_WORD.finditer(content), 14)]
    if not ws:
        return False
    if ws[0] == "that" or ws[0] in k.clause_subjects:
        return True  # "said he visits the library": a subject pronoun opens a clause
    for j, w in enumerate(ws):
        if w in k.clause_words or (j >= 1 and w.endswith("ed") and len(w) > 4):
            return True
        # "the pause sends a signal": a present-tense verb after its subject noun
        # phrase, before an object's determiner
        if 1 <= j < 8 and w.endswith("s") and not w.endswith(("ss", "us", "is")) \
                and len(w) > 3 and j + 1 < len(ws) and ws[j + 1] in _OBJECT_STARTS \
                and ws[j - 1] not in _OBJECT_STARTS:
            return True
    return False


class _Extractor:
    def __init__(self, article: Article):
        self.a = article
        self.t = article.text
        self.k = knowledge()
        body_blocks = [i for i, b in enumerate(article.blocks) if b.is_body]
        self.block_index = {bi: p for p, bi in enumerate(body_blocks)}
        self.body = article.body
        self.scans = body_scans(article)
        self.cue_hits = [Hit(blk.start + h.start(), blk.start + h.end(), h.group(0))
                         for blk, sc in zip(self.body, self.scans, strict=True)
                         for h in sc["cue"]]
        self.cue_starts = [h.start() for h in self.cue_hits]
        self.pairs: list[list[Pair]] = [quote_pairs(b.text, b.start) for b in self.body]
        self.pair_spans = [(q.open, q.close + 1) for ps in self.pairs for q in ps]
        self.mentions = find_mentions(article, self.pair_spans, self.scans)
        self.speakable = [m for m in self.mentions if not m.in_quote and m.kind != "side_word"]
        self.speak_starts = [m.start for m in self.speakable]
        sb = _sentence_bounds(article)
        self.sentences = [sb.get(bi, []) for bi in body_blocks]
        self.quotes: list[Quote] = []

    # helpers
    def sentence_of(self, p: int, pos: int) -> tuple[int, int]:
        block = self.body[p]
        for s, e in self.sentences[p]:
            if s <= pos < e:
                return s, e
        return block.start, block.end

    def clause_start(self, p: int, pos: int, pairs: list[Pair]) -> int:
        """Start of the sentence holding ``pos``, moved back over quotes it runs into."""
        s, _ = self.sentence_of(p, pos)
        for q in pairs:
            if q.open < s < q.close and q.close < pos:
                s = q.close + 1
        return s

    def speaker_left(self, a: int, cue: int) -> Mention | None:
        """The speaker before a cue: the nearest mention whose gap to the cue is only
        adverbs, auxiliaries or an apposition; else, for a cue after "and", the subject
        of the earlier verb."""
        cands = [m for m in self.between(a, cue) if m.end <= cue]
        for m in reversed(cands):
            gap = self.t[m.end : cue]
            if len(gap) > 200:
                break
            if m.kind in ("org", "country", "name", "media") and self.title_gap(gap):
                return m  # "a Department of Health spokesperson said": the body speaks
            if ("." in gap or ";" in gap or ":" in gap) and "“" not in gap and '"' not in gap:
                continue  # _ALLOWED_GAP passes these marks only inside quotation marks
            pre = self.t[max(a, m.start - 8 - len(m.title or "")) : m.start]
            if m.title and pre.rstrip().endswith(m.title):
                pre = pre.rstrip()[: -len(m.title)]  # ", Cllr Steve Ratcliffe, said"
            if _ALLOWED_GAP.match(gap) or (not gap.strip(", ") and _COMMA_THE_END.search(
                    pre)):
                if m.kind == "pronoun" and m.name == "it" and _IS_WAS.match(
                                                                      self.t[m.end:cue]):
                    return None
                return m
        if _ends_with_conjunction(self.t[a:cue]):
            subj = [m for m in cands if _SUBJECT_VERB.match(self.t[m.end : cue])]
            persons = [m for m in subj if m.kind == "person"]
            if persons:
                return persons[-1]
            if subj:
                return subj[-1]
        return None

    def title_gap(self, gap: str) -> bool:
        """True when ``gap`` is one to three lower-case words ending in a known title
        ("spokesperson", "regional officer")."""
        if len(gap) > 40 or not gap.islower():
            return False
        words = gap.split()
        if not 1 <= len(words) <= 3 or not all(w.isalpha() for w in words):
            return False
        return any(" ".join(words[i:]) in self.k.titles for i in range(len(words)))

    def between(self, a: int, b: int) -> list[Mention]:
        """Speakable mentions starting in [a, b), in text order."""
        return self.speakable[bisect_left(self.speak_starts, a) : bisect_left(self.speak_starts, b)]

    def subject(self, s: int, limit: int) -> Mention | None:
        """The subject of the sentence starting at ``s``: its first mention after any
        leading adjunct, within its first six words."""
        m = _LEADING_ADJUNCT.match(self.t, s, limit)
        a = m.end() if m else s
        head_end = a + len(" ".join(self.t[a:limit].split()[:6]))
        return next(iter(self.between(a, head_end)), None)

    def speaker_right(self, cue_end: int, limit: int) -> Mention | None:
        found = self.between(cue_end, limit)
        if not found:
            return None
        gap = _ABBREVIATION.sub("", self.t[cue_end : found[0].start])  # "said Dr. Vos"
        if len(gap) > 60 or _GAP_PUNCT.search(gap):
            return None
        first = found[0]
        if first.kind != "person" and len(found) > 1 and found[1].kind == "person":
            # "said Unite regional officer Mark Delaney", "said resident Jane Morris":
            # the words before the name are its title
            between = self.t[first.end : found[1].start]
            if not between.strip() or self.title_gap(between):
                return found[1]
        return first

    def phrase_source(self, a: int, e: int, p: int) -> Mention | None:
        """The noun phrase after "according to" when it holds no known mention ("a large
        study published Monday" -> "a large study"; "estimates from the chamber of
        mining companies" -> "the chamber of mining companies")."""
        m = _SOURCE_PHRASE.match(self.t, a, e)
        if not m:
            return None
        start, phrase = m.start(1), m.group(1)
        frm = _FROM_BY.search(phrase)
        if frm:
            start, phrase = start + frm.end(), phrase[frm.end() :]
        part = _PARTICIPLE.search(phrase)
        if part:
            phrase = phrase[: part.start()]
        name = _ARTICLE_START.sub("", phrase)
        if not name or _words_in(phrase, cap=9) > 8:
            return None
        return Mention(start, start + len(phrase), phrase, "group", name, paragraph=p)

    def add(self, q: Quote) -> None:
        if q.end <= q.start:
            return
        self.quotes.append(q)

    def claimed(self, pos: int) -> bool:
        for q in self.quotes:
            if q.start <= pos < q.end or q.cue_start == pos:
                return True
        return False

    def cues_in(self, a: int, b: int) -> list[re.Match]:
        i = bisect_right(self.cue_starts, a - 1)
        j = bisect_right(self.cue_starts, b - 1)
        return [h for h in self.cue_hits[i:j] if h._e <= b]

    # passes
    def run(self) -> list[Quote]:
        for p, block in enumerate(self.body):
            self.paragraph(p, block)
        self.quotes.sort(key=lambda q: q.start)
        return self.quotes

    def paragraph(self, p: int, block: Any) -> None:
        t = self.t
        pairs = self.pairs[p]
        pspans = [(q.open, q.close + 1) for q in pairs]
        used: set[int] = set()
        # 1. cues right after a closing mark: “…,” he said / “…,” said X
        for qi, q in enumerate(pairs):
            after = q.close + 1 if q.closed else q.close
            window_end = min(block.end, after + 160)
            if qi + 1 < len(pairs):
                window_end = min(window_end, pairs[qi + 1].open)
            a0 = _AFTER_CLOSE.match(t, after, window_end).end()
            cue = next(iter(self.cues_in(a0, window_end)), None)
            if cue is None or _SENTENCE_STOP.search(t, a0, cue._s):
                continue
            if cue.group(0).lower() in ("according to", "in the words of"):
                continue
            speaker = None
            if a0 == cue.start():
                speaker = self.speaker_right(cue.end(), window_end)
            else:
                lead = t[a0 : cue.start()]
                if _words_in(lead, cap=13) <= 12:
                    speaker = self.speaker_left(a0, cue.start())
            if speaker is None:
                continue
            self.attach_direct(p, q, pairs, cue, speaker, "cue after quote")
            used.add(qi)
        # 2. cues right before an opening mark: X said: “…” / X said, “…”
        for qi, q in enumerate(pairs):
            if qi in used:
                continue
            s = self.clause_start(p, q.open, pairs)
            before = t[s : q.open]
            if not before.rstrip().endswith((":", ",")):
                continue
            cues = self.cues_in(s, q.open)
            cue = cues[-1] if cues else None
            colon = before.rstrip().endswith(":")
            if cue is None or not _CUE_TO_MARK.fullmatch(
                                               t[cue.end() : q.open]):
                if colon:
                    end = s + len(before.rstrip()[:-1].rstrip())
                    sp = self.speaker_left(s, end)
                    verb = _VERB_AT_END.search(t[s:end])
                    if sp is None and verb:  # "Lopez smiled: ‘Ask me on Friday.’"
                        sp = self.speaker_left(s, s + verb.start() + 1)
                    if sp is not None:
                        self.add(Quote(q.open + 1, q.close, "direct", ":", q.open - 1, sp, p,
                                       rule="colon"))
                        used.add(qi)
                continue
            sp = self.speaker_left(s, cue.start()) or self.speaker_right(cue.end(), q.open)
            if sp is None:
                continue
            self.add(Quote(q.open + 1, q.close, "direct", cue.group(0), cue.start(), sp, p,
                           rule="cue before quote"))
            used.add(qi)
        # 3. reported speech around the remaining cues
        for cue in self.cues_in(block.start, block.end):
            if _inside(cue.start(), pspans) or self.claimed(cue.start()):
                continue
            self.reported(p, block, pairs, cue)
        # 4. quoted stretches without a cue
        for qi, q in enumerate(pairs):
            if qi in used or self.claimed(q.open + 1):
                continue
            self.uncued(p, q, pairs)

    def attach_direct(self, p: int, q: Pair, pairs: list[Pair], cue: re.Match,
                      speaker: Mention, rule: str) -> None:
        s = self.clause_start(p, q.open, pairs)
        lead = self.t[s : q.open]
        if _words_in(lead, cap=1) >= 1 and not _SENT_END.search(lead.rstrip()[-1:] or "."):
            self.add(Quote(s, q.close + (1 if q.closed else 0), "mixed", cue.group(0),
                           cue.start(), speaker, p, rule=rule))
        else:
            self.add(Quote(q.open + 1, q.close, "direct", cue.group(0), cue.start(), speaker, p,
                           rule=rule))

    def reported(self, p: int, block: Any, pairs: list[Pair], cue: re.Match) -> None:
        t, k = self.t, self.k
        word = cue.group(0).lower()
        s, e = self.sentence_of(p, cue.start())
        # extend the sentence over quotes that the splitter cut inside
        for q in pairs:
            if q.open < e < q.close:
                e = min(block.end, q.close + 1)
        if word in ("according to", "in the words of"):
            sp = self.speaker_right(cue.end(), e) or self.phrase_source(cue.end(), e, p)
            if sp is None:
                return
            lead = t[s : cue.start()].rstrip(" ,")
            if _words_in(lead, cap=3) >= 3:
                self.content(p, pairs, s, s + len(lead), sp, cue, "according to (after)")
                return
            m = _COMMA_SPACE.search(t[sp.end : e])
            if m:
                a = sp.end + m.end()
                self.content(p, pairs, a, e, sp, cue, "according to (before)")
            return
        lemma = k.verb_forms.get(word, "")
        left = self.speaker_left(self.clause_start(p, cue.start(), pairs), cue.start())
        rel_zone = t[s : left.start] if left is not None else ""
        rel_zone = rel_zone[rel_zone.rfind(",") + 1 :]  # "than those who did none, the study"
        if left is not None and _RELATIVES & set(rel_zone.lower().split()[-4:]):
            return  # "which China claims as its own": a relative clause, not speech
        before_cue = t[s : cue.start()].rstrip()
        if left is None and word.endswith("ing") and before_cue.endswith(","):
            left = self.subject(s, cue.start())  # "…, warning that …": the subject speaks
        if left is None and _ends_with_conjunction(before_cue):
            prev = [q for q in self.quotes if s <= q.start < cue.start() and q.speaker]
            left = prev[-1].speaker if prev else None  # "X said … but warned …"
        right = None
        if left is None and (not before_cue or before_cue[-1] in ",”\"’"):
            right = self.speaker_right(cue.end(), e)  # inverted: "…, said Samir Puri"
        speaker = left or right
        if speaker is None:
            return
        after_from = right.end if right else cue.end()
        if right and right.apposition:
            idx = t.find(right.apposition, right.end, e + 1)
            if idx >= 0:
                after_from = idx + len(right.apposition)
        # content before the cue: "…, the White House said."
        head = speaker.start if left else cue.start()
        lead = t[s:head]
        if left and not lead.rstrip().endswith(","):
            lead = lead[: lead.rfind(",") + 1]  # drop title words before the name
        tail = t[after_from:e]
        tail_is_end = _TAIL_IS_END.match(tail)
        if lead.rstrip().endswith(",") and _words_in(lead, cap=3) >= 3 and tail_is_end:
            self.content(p, pairs, s, s + len(lead.rstrip().rstrip(",").rstrip()), speaker, cue,
                         "content before cue")
            return
        # content after the cue: X said (that) …
        a = after_from
        rest = t[a:e]
        mt = _ADJUNCT_TO_THAT.match(rest) \
            if lemma in k.needs_object or not _THAT.match(rest) else None
        if mt and mt.end() and (lemma in k.needs_object or not _WORDS_THEN_THAT.match(rest)
                                or _TIME_ADJUNCT.match(rest)):
            a += mt.end()
            rest = t[a:e]
        elif lemma in k.needs_object:
            low = rest.lstrip().lower()
            skip = len(rest) - len(rest.lstrip())
            for aud in k.audiences:
                if low.startswith(aud + " ") or low.startswith(aud + ","):
                    skip += len(aud)
                    break
            else:
                m = _OBJECT_NP.match(rest.lstrip())
                if m and not low.startswith("that"):
                    skip += m.end()
                elif not low.startswith("that") and not _has_clause(rest, k):
                    return
            a += skip
            rest = t[a:e]
        m = _THAT_OR_COLON.match(rest)
        a += m.end()
        has_that = "that" in m.group(0) or ":" in m.group(0)
        content = t[a:e]
        inner_pairs = [q for q in pairs if a <= q.open < e]
        if not content.strip():
            return
        if not (has_that or inner_pairs or _has_clause(content, k)):
            return
        if content.lstrip()[:1] in DOUBLE_OPEN + DOUBLE_STRAIGHT and not has_that:
            return  # a quote straight after the cue was handled as direct
        self.content(p, pairs, a, e, speaker, cue, "content after cue",
                     need_clause=not (has_that or inner_pairs))

    def content(self, p: int, pairs: list[Pair], a: int, b: int, speaker: Mention,
                cue: re.Match, rule: str, need_clause: bool = False) -> None:
        t = self.t
        seg = t[a:b]
        inner = [q for q in pairs if a <= q.open < b]
        last_close = max((q.close + 1 for q in inner), default=a)
        m = _CUT_CONTENT.search(seg)
        while m and a + m.start() < last_close:
            m = _CUT_CONTENT.search(seg, m.end())
        if m:
            b = a + m.start()
        for c in self.cues_in(a, b):
            # "X has argued that Y, two people familiar with her thinking said.": the
            # trailing attribution belongs to the whole sentence, not to X's content
            if not _END_ONLY.fullmatch(t, c.end(), b) or _inside(
                    c.start(), [(q.open, q.close + 1) for q in pairs]):
                continue
            comma = t.rfind(",", a, c.start())
            sp = self.speaker_left(comma + 1, c.start()) if comma > a else None
            if sp is not None and sp.start > comma and not t[comma + 1 : sp.start].strip(" "):
                b = comma
                break
        for c in self.cues_in(a, b):  # "… is still possible but warn time is running out"
            before = t[a : c.start()]
            if _ends_with_conjunction(before) and not _inside(
                    c.start(), [(q.open, q.close + 1) for q in pairs]):
                b = a + len(before.rstrip()) - 3
                b -= t[a:b].endswith(" a")  # "and" is one letter longer than "but"
                while b > a and t[b - 1] == " ":
                    b -= 1
                break
        b = max(b, min(last_close, len(t)))
        if inner and _ADVERBIAL_AFTER_QUOTE.match(t, last_close) and last_close < b:
            b = last_close
        while b > a and t[b - 1] in " ,.;:!?…":
            b -= 1
        if b <= a or _words_in(t, a, b, cap=2) < 2:
            return
        if need_clause and not _has_clause(t[a:b], self.k):
            return  # "urged both sides to return …, warning that …": cut to no clause
        kind = "mixed" if any(a <= q.open < b for q in pairs) else "indirect"
        self.add(Quote(a, b, kind, cue.group(0), cue.start(), speaker, p, rule=rule))

    def naming_speaker(self, s: int, open_: int) -> tuple[Mention, re.Match] | None:
        """The speaker of a quoted phrase given by a naming verb in the same clause
        ("Calder described the game as ‘a free hit’", "X, which has called the exodus a
        “slow-motion crisis”"), with the verb's match; None without one."""
        verb = None
        for m in _WORD_RE.finditer(self.t, s, open_):
            if m.group(1).lower() in self.k.naming_verbs and self.t[m.start() - 1] != "-":
                verb = m
        if verb is None or _SENTENCE_STOP.search(self.t[verb.end() : open_]):
            return None
        sp = self.speaker_left(s, verb.start())
        if sp is None:  # a relative clause: the speaker is the noun before "which"
            rel = _RELATIVE_END.search(self.t[s : verb.start()])
            if rel:
                sp = self.speaker_left(s, s + rel.start())
        return (sp, verb) if sp is not None else None

    def uncued(self, p: int, q: Pair, pairs: list[Pair]) -> None:
        t = self.t
        s = self.clause_start(p, q.open, pairs)
        lead = t[s : q.open]
        n_words = _words_in(t, q.open + 1, q.close, cap=13)  # compared with 2 to 12
        if not lead.strip():
            if n_words < 2:
                return
            prev = sorted((x for x in self.quotes if x.paragraph in (p, p - 1)
                           and x.start < q.open), key=lambda x: x.start)
            speaker = prev[-1].speaker if prev else None
            self.add(Quote(q.open + 1, q.close, "direct", None, None, speaker, p,
                           floating=True, rule="floating"))
            return
        named = self.naming_speaker(s, q.open)
        if named is not None and n_words <= 12:
            sp, verb = named
            self.add(Quote(q.open + 1, q.close, "direct", verb.group(1), verb.start(1), sp, p,
                           rule="naming verb"))
            return
        docs = [m for m in self.mentions if m.kind == "document" and s <= m.start < q.open]
        if docs and n_words >= 3:
            self.add(Quote(q.open + 1, q.close, "direct", None, None, docs[-1], p,
                           rule="quoted document"))
            return
        if n_words >= 8:
            self.add(Quote(q.open + 1, q.close, "direct", None, None, None, p,
                           rule="long quote without cue"))


def _continues(prev: Quote, q: Quote, ex: _Extractor) -> bool:
    """True when ``q`` opens the paragraph after ``prev`` with a quotation mark while
    ``prev`` ran to the end of its paragraph with its mark left open: news style for one
    quotation continued over paragraphs."""
    if prev.kind == "indirect" or q.kind != "direct" or q.paragraph != prev.paragraph + 1:
        return False
    before = ex.pairs[prev.paragraph]
    if not before or before[-1].closed or before[-1].close != prev.end:
        return False
    after = ex.pairs[q.paragraph]
    block = ex.body[q.paragraph]
    return bool(after) and after[0].open == block.start + len(block.text) - len(
        block.text.lstrip()) and q.start == after[0].open + 1


def _join(pieces: list[Quote]) -> Quote:
    """One quote from the pieces of a quotation continued over paragraphs: the speaker of
    the first piece with a cue (the attribution may come in any of the paragraphs), else
    the first piece's."""
    cued = [x for x in pieces if not x.floating and x.speaker is not None]
    lead = cued[0] if cued else pieces[0]
    return Quote(pieces[0].start, pieces[-1].end, pieces[0].kind, lead.cue, lead.cue_start,
                 lead.speaker, pieces[-1].paragraph, floating=not cued,
                 rule=lead.rule + " (continued over paragraphs)")


def extract_quotes(article: Article) -> tuple[list[Quote], list[Mention]]:
    """Quotes of the article's body text in text order, and all speaker mentions.

    A quotation continued over several paragraphs (opening mark repeated at each
    paragraph, closing mark only at the end) is returned as one quote spanning the
    paragraphs: ``article.text[start:end]`` then holds the paragraph breaks and the
    repeated opening marks (docs/sources.md gives the reason).
    """
    ex = _Extractor(article)
    quotes = ex.run()
    # one quote per span: drop a quote wholly inside an earlier, longer one unless it
    # is a nested attribution (its own cue inside the outer quote's span)
    kept: list[Quote] = []
    for q in quotes:
        if kept and q.start < kept[-1].end and q.end <= kept[-1].end:
            outer = kept[-1]
            nested = (q.cue_start is not None and outer.start <= q.cue_start < outer.end
                      and outer.cue_start is not None and not q.start <= outer.cue_start < q.end
                      and q.kind != "direct")
            if not nested:
                continue
        kept.append(q)
    joined: list[Quote] = []
    run: list[Quote] = []
    for q in kept:
        if run and _continues(run[-1], q, ex):
            run.append(q)
            continue
        if run:
            joined.append(_join(run) if len(run) > 1 else run[0])
        run = [q]
    if run:
        joined.append(_join(run) if len(run) > 1 else run[0])
    return joined, ex.mentions
