"""Unnamed sources in one paragraph: the spans that speak without a name.

* words of the ``anonymous`` lists ("two senior US officials", "a source familiar with
  the talks") and any noun before ", who <anonymity clause>" ("one engineer, who asked
  not to be named");
* an indefinite noun phrase next to a cue that no list names ("a friend said on
  Facebook", "“…,” says a narrator", "wrote one commenter");
* a definite description of a person next to a cue ("“…,” the woman said", "the RNC
  member told reporters"), its head a noun whose first sense is a person (WordNet);
* shares of those polled ("two in three said", "six in 10 saying").

:mod:`analysis.quotes.mentions` turns the spans into mentions; the word lists are in
``data/speaker_roles.yaml`` (``anonymous``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from analysis.quotes.knowledge import Knowledge
from analysis.quotes.phrase_matcher import Hit

_PREV_WORD = re.compile(r"([\w.’'\-]+)\s+$")
_NEXT_PLURAL = re.compile(r" ([a-z]{3,}s)\b")


def anonymous_spans(text: str, hits: dict[str, list[Hit]], k: Knowledge
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
        nxt = _NEXT_PLURAL.match(text, h.end())
        if nxt and nxt.group(1) not in k.verb_words:
            continue  # "other EU member states": the head is a modifier of a plural noun
        prev = _PREV_WORD.search(text, max(0, h.start() - 40), h.start())
        if prev and prev.group(1).isupper() and len(prev.group(1)) > 1 \
                and prev.group(1).lower() not in rules["words"]:
            continue  # "a CMA spokesperson" speaks for the CMA
        before = rules["before"].search(text, max(0, h.start() - 80), h.start())
        a = before.start() if before else h.start()
        out.append((a, after.end() if after else h.end(), head))
    for h in hits["who"]:
        if rules["clause"].match(text, h.start()):
            m = rules["noun_before"].search(text, max(0, h.start() - 120), h.start())
            if m:
                phrase = text[m.start() : m.end()].rstrip(" ,")
                out.append((m.start(), m.start() + len(phrase), m.group("head").lower()))
    return out


# an indefinite noun phrase: "a friend", "one commenter", "another longtime resident"
_INDEFINITE = (r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[A-Za-z][\w’'-]*\s+){0,2}?"
               r"(?P<head>[A-Za-z][\w-]*)")
_INDEFINITE_BEFORE = re.compile(
    rf"(?P<np>{_INDEFINITE})\s+(?:(?:also|later|then|once|recently|even|just|still|never|"
    rf"already|only|first|again|has|had|have)\s+)?$")
_INDEFINITE_AFTER = re.compile(
    rf"\s+(?P<np>(?<![\w-]){_INDEFINITE})(?=\s*[.,;:]|\s+(?:on|in|at|who|with|from)\b)")
_DETERMINERS = frozenset({"a", "an", "one", "another"})
_CLAUSE_EDGE = re.compile(r"(?:^|[.!?:;,”\"’—]\s*)$")


def indefinite_speakers(text: str, hits: dict[str, list[Hit]], k: Knowledge
                        ) -> list[tuple[int, int, str]]:
    """Unnamed speakers that no word list names, by their place next to a cue: an
    indefinite subject ("a friend said on Facebook", "one user wrote") or the subject
    of an inverted cue after a quote ("“…,” says a narrator.")."""
    rules = k.anon

    def keep(m: re.Match) -> bool:
        head = m.group("head")
        if head[0].isupper():  # "one senior Democrat said"; no other capitalised head
            return head in k.party_words and not any(
                w.lower() in rules["not_heads"] for w in m.group("np").split()[1:])
        return not (head in k.group_nouns or head in k.verb_forms
                    or head.endswith(("ly", "ing"))
                    or any(w.lower() in rules["not_heads"] for w in m.group("np").split()[1:]))

    def before(lo: int, cue: int) -> re.Match | None:
        # (most cues have no determiner in the six words before them: skip the search)
        near = text[lo:cue].lower().split()[-6:]
        return _INDEFINITE_BEFORE.search(text, lo, cue) \
            if not _DETERMINERS.isdisjoint(near) else None

    def after(cue_end: int) -> re.Match | None:
        return _INDEFINITE_AFTER.match(text, cue_end) \
            if text[cue_end : cue_end + 10].lstrip().lower().startswith(("a", "one")) else None

    # (a base form is no verb of a singular subject: "a ransom note")
    return _next_to_cues(text, hits, k, before, after, keep, lambda m, base: not base)


# a definite noun phrase ending right before a cue: "the woman", "the RNC member", "the
# presumptive Republican presidential nominee" (up to three words before the head)
_DEFINITE_BEFORE = re.compile(
    r"(?P<np>[Tt]he\s+(?P<mods>(?:[A-Za-z][\w’'.-]*\s+){0,3}?)(?P<head>[a-z][\w-]*))\s+"
    r"(?:(?:also|later|then|once|recently|even|just|still|never|already|only|first|again|"
    r"has|had|have)\s+)?$")
# the same after an inverted cue: "“…,” said the woman."
_DEFINITE_AFTER = re.compile(
    r"\s+(?P<np>(?<![\w-])[Tt]he\s+(?P<mods>(?:[A-Za-z][\w’'.-]*\s+){0,3}?)"
    r"(?P<head>[a-z][\w-]*))(?=\s*[.,;:]|\s+(?:on|in|at|who|with|from)\b)")
_THE = re.compile(r"\b[Tt]he\s")
# where a clause may open inside a window, and the last word before a cue (with an
# adverb or "have" after it)
_EDGE_THEN_WORD = re.compile(r"(?:^|(?<=[.!?:;,”\"’—])|(?<=[.!?:;,”\"’—]\s)|"
                             r"(?<=[.!?:;,”\"’—]\s\s))(?=[A-Za-z0-9])")
_LAST_WORD = re.compile(r"(?<![\w’'-])([a-z][\w-]*)\s+(?:(?:also|later|then|once|recently|"
                        r"even|just|still|never|already|only|often|have|had)\s+)?$")


def person_noun(word: str, k: Knowledge) -> bool:
    """Whether ``word`` (lower case) is a noun whose first sense is a person, or the
    plural of one ("protesters", "deputies", "women"): WordNet's exceptions, then its
    detachment rules for nouns (-s, -es, -ies -> -y, -men -> -man)."""
    nouns = k.person_nouns
    return word in nouns or word in k.person_plurals or word[-1:] == "s" and (
        word[:-1] in nouns or word[-3:] == "ies" and word[:-3] + "y" in nouns
        or word[-2:] == "es" and word[:-2] in nouns) \
        or word[-3:] == "men" and word[:-3] + "man" in nouns


def definite_speakers(text: str, hits: dict[str, list[Hit]], k: Knowledge
                      ) -> list[tuple[int, int, str]]:
    """Unnamed speakers named by a definite description of a person next to a cue: the
    subject ("“…,” the woman said", "the RNC member told reporters") or the subject of
    an inverted cue after a quote ("“…,” said the organizer"). The head is a noun whose
    first sense is a person (``data/person_nouns.yaml``). Left to other rules: heads the
    role and anonymous lists know ("the senator", "the spokesman") and a bare
    description resolved like "he" ("the billionaire said")."""
    rules = k.anon
    descriptions = {h.phrase for h in hits["desc"]}

    def keep(m: re.Match) -> bool:
        head, mods = m.group("head"), m.group("mods").split()
        # ("person" itself is WordNet's noun.Tops, not noun.person: the anonymous list's
        # heads that need a qualifier elsewhere count here, "the person said")
        if not (person_noun(head, k) or head in rules["qualified"]) or head in k.group_nouns \
                or head in rules["not_heads"] \
                or head in k.anon_heads and head not in rules["qualified"] \
                or head in k.verb_words \
                or not mods and head in descriptions:  # ("the haves": a verb, not a noun)
            return False
        # ("the plant’s owner" is the plant's, named elsewhere)
        return not any(w.lower() in rules["not_heads"] or w.lower() in k.verb_words
                       or w.endswith(("ing", "ly", "’s", "'s")) for w in mods)

    def before(lo: int, cue: int) -> re.Match | None:
        if "the " not in text[lo:cue].lower():
            return None
        # the nearest "the" first: "the wife of the candidate said" is not "the
        # candidate" (no clause edge before it)
        for t in reversed(list(_THE.finditer(text, lo, cue))):
            m = _DEFINITE_BEFORE.match(text, t.start(), cue)
            if m:
                return m
        return None

    def after(cue_end: int) -> re.Match | None:
        return _DEFINITE_AFTER.match(text, cue_end) \
            if text[cue_end : cue_end + 5].lstrip()[:4].lower() == "the " else None

    # (a base form goes with a plural subject only: "the women say")
    return _next_to_cues(text, hits, k, before, after, keep,
                         lambda m, base: not base or m.group("head")[-1] == "s")


# a bare plural or a share of one before a cue: "Farmers say", "Some of the women said",
# "Many longtime residents say" (up to two words before the head)
_PLURAL_BEFORE = re.compile(
    r"(?P<np>(?:(?:[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Ff]ew|[Aa]ll|[Bb]oth|[Oo]thers?|"
    r"[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|\d+)\s+(?:of\s+(?:the|those|these)\s+)?)?"
    r"(?P<mods>(?:[A-Za-z][\w’'-]*\s+){0,2}?)(?P<head>[a-z][\w-]*))\s+"
    r"(?:(?:also|later|then|once|recently|even|just|still|never|already|only|often|have|"
    r"had)\s+)?$")


def plural_speakers(text: str, hits: dict[str, list[Hit]], k: Knowledge
                    ) -> list[tuple[int, int, str]]:
    """Unnamed groups named by the plural of a person noun as the subject of a cue:
    "Farmers say", "Some of the women said", "Many longtime residents say". The head is
    the plural of a noun whose first sense is a person (``data/person_nouns.yaml``);
    heads the group and anonymous lists know ("police", "officials") are theirs."""
    rules = k.anon

    def keep(m: re.Match) -> bool:
        head, mods = m.group("head"), m.group("mods").split()
        plural = head in k.person_plurals or head[-1] == "s" and head not in k.person_nouns \
            or head[-3:] == "men"
        return plural and person_noun(head, k) \
            and head not in k.bare_groups and head not in k.anon_heads \
            and head not in k.group_nouns and head not in rules["not_heads"] \
            and not any(w.lower() in rules["not_heads"] or w.lower() in k.verb_words
                        or w[:1].isupper() or w.endswith(("’s", "'s")) for w in mods)

    def before(lo: int, cue: int) -> re.Match | None:
        # (most cues have no plural before them: look at the last word first)
        last = _LAST_WORD.search(text, lo, cue)
        if last is None or not (last.group(1)[-1:] == "s" or last.group(1)[-3:] == "men"
                                or last.group(1) in k.person_plurals):
            return None
        # the longest phrase that opens a clause: "Some of the women", not "women"
        for edge in _EDGE_THEN_WORD.finditer(text, lo, cue):
            m = _PLURAL_BEFORE.match(text, edge.end(), cue)
            if m and keep(m):
                return m
        return None

    # (a plural subject takes the base form: "Farmers say", "farmers said")
    return _next_to_cues(text, hits, k, before, lambda cue_end: None, keep,
                         lambda m, base: True)


def _next_to_cues(text: str, hits: dict[str, list[Hit]], k: Knowledge,
                  before: Callable[[int, int], re.Match | None],
                  after: Callable[[int], re.Match | None],
                  keep: Callable[[re.Match], bool],
                  agrees: Callable[[re.Match, bool], bool]) -> list[tuple[int, int, str]]:
    """The noun phrases (``np``, ``head``) that speak for the cues of ``text``: found by
    ``before`` as the subject ending at a cue and opening a clause ("a friend said"),
    else by ``after`` right after a cue that follows a quote ("“…,” says a narrator");
    ``keep`` judges a phrase, ``agrees`` a subject with the cue's form (True for a base
    form: "say")."""
    out = []
    for h in hits["cue"]:
        verb = h.group(0).lower()
        lemma = k.verb_forms.get(verb)
        if lemma is None:
            continue
        m = before(max(0, h.start() - 70), h.start())
        if m and keep(m) and agrees(m, lemma == verb) \
                and _CLAUSE_EDGE.search(text, max(0, m.start() - 3), m.start()):
            out.append((m.start("np"), m.end("np"), m.group("head")))
            continue
        if lemma in k.needs_object \
                or not _QUOTE_THEN_CUE.search(text, max(0, h.start() - 3), h.start()):
            continue
        m = after(h.end())
        if m and keep(m):
            out.append((m.start("np"), m.end("np"), m.group("head")))
    return out


# a share of those polled: "two in three", "six in 10" (found from the literal " in ",
# which the regex engine searches fast, then the number before it)
# "42% say they're liberal": a share written with a per cent sign, right before its verb
_PERCENT_SAYS = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d)?%(\s+(?:say|said|says|saying)\b)")
_SHARE_TAIL = re.compile(r" in (?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b"
                         r"(?!\s*(?:percent|per cent|%))")
_SHARE_HEAD = re.compile(r"(?<![\w-])(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|"
                         r"[Ee]ight|[Nn]ine|\d{1,2})$")


def poll_shares(text: str) -> list[tuple[int, int]]:
    """Spans of "two in three", "six in 10" and "42%" (before a speech verb) in
    ``text``."""
    out = []
    for m in _SHARE_TAIL.finditer(text):
        head = _SHARE_HEAD.search(text, max(0, m.start() - 6), m.start())
        if head:
            out.append((head.start(), m.end()))
    if "%" in text:
        out += [(m.start(), m.end() - len(m.group(1))) for m in _PERCENT_SAYS.finditer(text)]
        out.sort()
    return out
_QUOTE_THEN_CUE = re.compile(r"[,”\"’]\s*$")
