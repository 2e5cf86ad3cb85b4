"""Speaker resolution: which source a quote's speaker mention stands for.

:class:`SpeakerResolver` takes the mentions of one article (:mod:`analysis.quotes`) and
resolves each quote's speaker mention, in text order. The rules (all deterministic):

- a surname or single name word ("Puri", "Yu") is the full name met elsewhere in the
  body (done when mentions are found);
- ``he``/``she`` is the most recent person quoted in the last three paragraphs, else
  the most recent person named before it, never one of the other gender where a name,
  an honorific or an earlier pronoun shows it;
- ``it`` is the most recent organisation or country that was the subject of a
  sentence ("China, which …, has not. … It has also insisted …"), else the most
  recent organisation or country quoted;
- ``they`` is the most recent group, organisation, country or anonymous source quoted;
- a role refers back to the person named with it ("the senator" -> "Sen. Bernie
  Sanders"), a description to the person described with it ("the retired
  neurosurgeon" -> "Ben Carson, a retired neurosurgeon"), and "the ministry said" is
  the last ministry named;
- a capital or seat of power speaks for its country ("Beijing said" -> China).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property, lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from analysis.quotes import LEADING_ADJUNCT, Mention, Quote, knowledge
from analysis.quotes.given_names import given_name_gender, is_given_name, weak_gender
from analysis.quotes.speaker_search import EMPLOYER_BEFORE, names_a_thing

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

__all__ = ["SpeakerResolver"]

_NON_SPACE = re.compile(r"\S+")
_ASKS = re.compile(r"\s+(?:\w+\s+){0,2}?(?:asked|pressed|questioned|urged|invited|told)\s+"
                   r"(him|her)\b")
_LOWER_WORD = re.compile(r"\b[a-z][a-z’']*\b")
_SUBJECT_LEAD = re.compile(r"(?:[^,.;:“”\"]{0,60},\s*)?")
# a longer fronted adjunct of several comma-separated parts ("Charismatic and soulful,
# and with an emotional force that could transfix voters, Mr. Clinton was …")
_LONG_LEAD = re.compile(r"[^.;:“”\"]{0,160},\s*")


def _subjects(article: Article, mentions: list[Mention]) -> list[tuple[int, Mention]]:
    """(sentence start, subject) for sentences whose subject is an organisation or
    country; a sentence whose subject is ``it`` keeps the previous subject."""
    out = []
    speakable = [m for m in mentions if not m.in_quote and m.kind != "side_word"]
    starts = [m.start for m in speakable]
    text = article.text
    n = len(starts)
    for s in article.sentences:
        i = bisect_left(starts, s.start)
        if i == n or starts[i] >= s.end:
            continue  # no mention in the sentence
        # (the adjunct pattern needs a comma)
        m = LEADING_ADJUNCT.match(s.text) if "," in s.text else None
        offset = s.start + (m.end() if m else 0)
        # the length of the sentence's first three words joined by single spaces
        head = [w.end() - w.start() for w in islice(_NON_SPACE.finditer(text, offset, s.end), 3)]
        head_end = offset + sum(head) + max(len(head) - 1, 0)
        i = bisect_left(starts, offset, i)
        first = speakable[i] if i < n and starts[i] < head_end else None
        if first is None or first.kind == "pronoun":
            continue
        if first.kind in ("country", "org", "group", "media"):
            out.append((s.start, first))
    return out


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Country names and adjectives of ``sides.yaml``, lower-cased ("german", "us")."""
    return frozenset(a.lower() for a in knowledge().alias_side)


_SHORT_FORM_SKIP = frozenset({"of", "and", "for", "the", "on", "&"})


# a person's description after the name ("Ben Carson, a retired neurosurgeon,") and
# before it ("the trust's chief nurse, Dr Samuel Okoro"; "retired neurosurgeon Ben
# Carson"), read by _Resolver.described
_DESCRIBED_AFTER = re.compile(r",\s+(?!who\b|which\b)([^,.;:“”\"()]{3,80}?)(?=[,.;:()]|$)")
_DESCRIBED_BEFORE = re.compile(
    r"(?:^|[.;:!?“”\"(]\s*|\b(?:the|The|a|A|an|An)\s)((?:[\w’'-]+\s+){0,5}?[\w’'-]+)"
    r",?\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$")

_QUALIFIER_AFTER = re.compile(r"\s+(?:in|of|from|at|for)\s")
_PREPOSITION = re.compile(r"\s+(?:of|for|at|in|with|from|to|on|who|which|and|since)\s+")
_LINKS = frozenset({"and", "or", "but", "that", "than", "as"})


class SpeakerResolver:
    def __init__(self, article: Article, mentions: list[Mention]):
        self.k = knowledge()
        self.a = article
        self.mentions = mentions
        self._subjects: list[tuple[int, Mention]] | None = None  # built when "it" is met
        self._subject_starts: list[int] = []
        self.sent_starts = [s.start for s in article.sentences]
        self.mention_starts = [x.start for x in mentions]
        # mentions are in text order, so their paragraphs never decrease either
        self.mention_paragraphs = [x.paragraph for x in mentions]
        self.done: list[tuple[Quote, Mention | None, str | None]] = []
        self.done_paragraphs: list[int] = []  # quotes are resolved in text order
        self.spoke: set[int] = set()  # ids of the mentions that have spoken
        self._after_verb: dict[int, bool] = {}  # mention start -> a verb before it
        self._chain_memo: dict[int, tuple[Mention | None, str | None]] = {}
        self.bodies: dict[str, Mention] = {}  # "district" -> the body "the district" was
        # a person's gender where an honorific or a gendered title shows it ("Ms.
        # Alvarez", "the spokeswoman"); he/she never refers to a person of the other
        self.gender: dict[str, str] = {}
        for x in mentions:
            if x.gender and x.kind == "person":
                self.gender.setdefault(x.name, x.gender)
        # or where the given name of a full name shows it ("Hillary Clinton"); a name
        # only mostly of one gender gives way when no other antecedent fits ("Lindsey
        # Graham … He added")
        self.guessed: set[str] = set()
        # single unknown names that are given names ("his wife, Jane,"), with the
        # gender the name shows
        self.given_only: set[str] = set()
        for x in mentions:
            if x.kind == "name" and is_given_name(x.name):
                self.given_only.add(x.name)
                if g := given_name_gender(x.name):
                    self.gender.setdefault(x.name, g)
                    if weak_gender(x.name):
                        self.guessed.add(x.name)
            elif x.kind == "person" and x.name not in self.gender:
                first = x.name.split(maxsplit=1)
                if len(first) == 2 and (g := given_name_gender(first[0])):
                    self.gender[x.name] = g
                    if weak_gender(first[0]):
                        self.guessed.add(x.name)

    def record(self, q: Quote, via: Mention | None, key: str | None) -> None:
        """Note a resolved quote: later pronouns and "the company" look back at it."""
        self.done.append((q, via, key))
        self.done_paragraphs.append(q.paragraph)
        if via is not None:
            self.spoke.add(id(via))

    def before(self, m: Mention, paragraphs: int) -> list[Mention]:
        """The mentions that start before ``m``, in its paragraph and the ``paragraphs``
        before it, in text order: where every look-back for an antecedent searches, so
        that its cost does not grow with the article."""
        lo = bisect_left(self.mention_paragraphs, m.paragraph - paragraphs)
        return self.mentions[lo : bisect_left(self.mention_starts, m.start)]

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """A body's short form: the initials of a name of several words ("FAA" is the
        Federal Aviation Administration, "CMA" the Competition and Markets Authority);
        built when an acronym first speaks."""
        found: dict[str, str] = {}
        for x in self.mentions:
            if x.kind in ("org", "media") and " " in x.name:
                initials = "".join(w[0] for w in x.name.split()
                                   if w[0].isupper() and w.lower() not in _SHORT_FORM_SKIP)
                if len(initials) >= 2:
                    found.setdefault(initials, x.name)
        return found

    def key(self, m: Mention) -> str:
        if m.kind == "anonymous":
            return re.sub(r"^(?:the|a|an)\s+", "", " ".join(m.name.lower().split()))
        if m.kind == "org" and m.name.replace(".", "").isupper():
            return self.acronyms.get(m.name.replace(".", ""), m.name)
        return m.name

    def resolve(self, q: Quote) -> tuple[Mention | None, str | None]:
        m = q.speaker
        if m is None:
            return None, None
        if m.kind == "pronoun":
            return self.pronoun(m, q)
        if m.kind == "group":
            return self.group(m)
        if m.kind == "anonymous" and m.text[:4] in ("the ", "The "):
            # "the official said", "the spokeswoman added": the unnamed source met
            # before with the same head noun ("a senior administration official"), or
            # the person last described with it ("Ben Carson, a retired neurosurgeon",
            # "the trust's chief nurse, Dr Samuel Okoro"), whichever is nearer
            # (every word of the description: "the chief nurse" is not "a nurse at the
            # unit", "the Senate Democratic leader" not "a former NAACP leader")
            words = m.text.lower().split()[1:]
            head = words[-1]
            best, best_start = self.described(m, words)
            # ("the person", "the people": the unnamed source last quoted, whatever
            # its noun: "Another source familiar with … said … the person added")
            generic = words == [head] and head in self.k.anon["qualified"]
            for _, mm, key in reversed(self.done):
                if mm is not None and mm.kind == "anonymous" and mm is not m \
                        and mm.start > best_start \
                        and (generic or set(words) <= set(mm.text.lower().split())):
                    best, best_start = (mm, key), mm.start
            if best is not None:
                return best
            if head in self.k.group_nouns:  # "the spokesperson" of a body named before
                m.org_type = m.org_type or self.k.group_nouns[head]
                return self.group(m)
        if m.kind == "anonymous":
            org = self.employer(m)
            if org is not None:  # "a spokesperson for the company": Harwell's spokesperson
                return m, f"{org.name} {self.head_of(m)}"
        return m, self.key(m)

    def described(self, m: Mention, words: list[str]
                  ) -> tuple[tuple[Mention, str] | None, int]:
        """The last person before ``m`` described with all of ``words``, ``words[-1]``
        the head (:attr:`person_descriptions`). Returns the person with its key and its
        start (-1 when none)."""
        for x, seen in reversed(self.person_descriptions.get(words[-1], ())):
            if x.end <= m.start and all(w in seen for w in words):
                return (x, self.key(x)), x.start
        return None, -1

    @cached_property
    def person_descriptions(self) -> dict[str, list[tuple[Mention, frozenset[str]]]]:
        """Each head noun's described persons in text order, with the description's
        words: in an apposition after the name ("Ben Carson, a retired neurosurgeon,"),
        in one before it ("the trust's chief nurse, Dr Samuel Okoro") or in the words
        right before it ("retired neurosurgeon Ben Carson"). Built when a definite
        description first speaks."""
        t = self.a.text
        out: dict[str, list[tuple[Mention, frozenset[str]]]] = {}
        for x in self.mentions:
            if x.kind != "person" or x.in_quote:
                continue
            # the description's head is its last word before any preposition ("a
            # former pollster for Bill Clinton"), and the words before a name hold no
            # verb or conjunction ("former NAACP leader and a Sanders supporter")
            after = _DESCRIBED_AFTER.match(t, x.end, min(len(t), x.end + 100))
            before = _DESCRIBED_BEFORE.search(t, max(0, x.start - 80), x.start)
            for seen in (_PREPOSITION.split(after.group(1))[0].lower().split() if after else (),
                         before.group(1).lower().split() if before else ()):
                if seen and not any(w in self.k.verb_words or w in _LINKS for w in seen):
                    out.setdefault(seen[-1], []).append((x, frozenset(seen)))
        return out

    def head_of(self, m: Mention) -> str:
        """The head noun of an unnamed source before its qualifier ("spokesperson")."""
        words = re.split(r"\s+(?:for|at)\s+", m.text, maxsplit=1)[0].split()
        return words[-1].lower()

    def employer(self, m: Mention) -> Mention | None:
        """The organisation an unnamed source speaks for, when the description names it
        by a noun that refers back ("a spokesperson for the company", "a company
        spokeswoman"): the last organisation named before with that type."""
        words = m.text.lower().split()
        head = self.head_of(m)
        at = words.index(head) if head in words else len(words)
        # before the head ("a company spokeswoman") or definite after it ("for the
        # company"); "a nurse at a hospital in …" names a new place, not one met before
        nouns = [w for j, w in enumerate(words) if self.k.group_nouns.get(w) == "organisation"
                 and w != head and (j < at or words[j - 1] == "the")]
        if not nouns:
            return None
        orgs = [x for x in self.before(m, 5) if x.kind == "org" and not x.in_quote
                and x.end <= m.start and x.paragraph >= m.paragraph - 5]
        # "for the district": a body whose name holds the noun before any other body
        named = [x for x in orgs if any(n in x.name.lower().split() for n in nouns)]
        return (named or orgs)[-1] if orgs else None

    def pronoun(self, m: Mention, q: Quote) -> tuple[Mention | None, str | None]:
        lo = bisect_left(self.done_paragraphs, q.paragraph - 3)
        recent = [(qq, mm, k) for qq, mm, k in self.done[lo:]
                  if mm is not None and qq.paragraph >= q.paragraph - 3]
        if m.name in ("he", "she"):
            return self.he_she(m, recent)
        if m.name == "it":
            if self._subjects is None:
                self._subjects = _subjects(self.a, self.mentions)
                self._subject_starts = [s for s, _ in self._subjects]  # sentence order
            i = bisect_left(self._subject_starts, m.start)
            if i:
                subj = self._subjects[i - 1][1]
                return subj, self.key(subj)
            for _, mm, k in reversed(recent):
                if mm.kind in ("org", "country", "media", "group"):
                    return mm, k
            return None, None
        for _, mm, k in reversed(recent):  # they
            if mm.kind in ("anonymous", "group", "org", "country"):
                return mm, k
        return None, None

    def he_she(self, m: Mention, recent: list, depth: int = 0
               ) -> tuple[Mention | None, str | None]:
        # the nearest of: a person named earlier in this paragraph, or the last
        # person (or singular unnamed source) quoted
        # a possessor ("Christie Watson’s book") is not the antecedent of a subject
        # pronoun; the subject of a sentence of the previous paragraph can be ("Tom
        # Adeyemi, who …, has thought about leaving. … ¶ “…,” he says.")
        # (a single given name is a person too: "his wife, Jane, called for …")
        here = [(x.start, x, x.name) for x in self.before(m, 1)
                if (x.kind == "person" or x.kind == "name" and x.name in self.given_only)
                and not x.in_quote and not x.possessive and x.end <= m.start
                and not names_a_thing(self.a.text, x, self.k) and (
                    x.paragraph == m.paragraph and (not self.after_verb(x) or self.is_subject(x))
                    and not EMPLOYER_BEFORE.search(self.a.text, max(0, x.start - 5), x.start)
                    or x.paragraph == m.paragraph - 1 and self.is_subject(x))]
        # a name inside the reported words of a quote whose speaker is a person is no
        # antecedent of the next speaker's he/she ("Whether the Clinton or Trump model
        # …, said Jake Horowitz. “…,” he said": Horowitz, not Trump)
        spans = [(qq.start, qq.end) for qq, mm, _ in recent
                 if qq.kind != "direct" and mm.kind == "person" and qq.end <= m.start]
        if spans:
            here = [c for c in here if not any(a <= c[0] < b for a, b in spans)]
        # a single unknown name that has spoken ("“…,” Bob said.") is a person too
        quoted = [(qq.start, mm, k) for qq, mm, k in recent
                  if mm.kind in ("person", "name") or (
                      mm.kind == "anonymous" and not mm.name.lower().endswith("s"))]
        # a role standing for a person named earlier ("The manager was full of
        # praise. ‘…,’ he said.") is an antecedent like the name itself
        role_groups = [(x, holder) for x in self.before(m, 1)
                       if x.kind == "group" and not x.in_quote and x.end <= m.start and (
                           x.paragraph == m.paragraph
                           or x.paragraph == m.paragraph - 1 and self.is_subject(x))
                       and (holder := self.role_holder(x)) is not None]
        roles = [(x.end, holder, holder.name) for x, holder in role_groups]
        # a name inside the role ("the Ashford manager") is not a person of its own
        here = [c for c in here if not any(x.start <= c[1].start and c[1].end <= x.end
                                           for x, _ in role_groups)]
        want = "male" if m.name == "he" else "female"
        if m.text.lower() not in ("he", "she"):
            # a description resolved like "he" ("the 46-year-old", "the Scot") has the
            # gender its noun shows ("the businesswoman"), else fits either
            head = m.text.lower().split()[-1]
            want = "female" if head.endswith(("woman", "ess")) else "male" \
                if head.endswith("man") else None
        # "Senator Whitcomb asked her to describe one. “…,” she said": the asker is
        # not the one who answers
        obj = "him" if m.name == "he" else "her"
        # an earlier "he" of the same person carries it on: "Ted Cruz … is calling for
        # rivals to drop out. ¶ Though he did not mention Rubio, … ¶ He declared that …"
        # (the pronoun stands for its own antecedent, where it stands)
        chain = self.chained(m, depth)
        candidates = here + quoted + roles + ([chain] if chain else [])
        fits = [c for c in candidates
                if (want is None or self.gender.get(c[2]) in (None, want))
                and not self.asks(c[1], obj)]
        best = max(fits, key=lambda c: c[0], default=None)
        if best is None:
            # (not a name that modifies a thing: "The LA Pride parade")
            persons = [x for x in self.before(m, 2) if x.kind == "person" and x.end <= m.start
                       and not x.in_quote and x.paragraph >= m.paragraph - 2
                       and (want is None or self.gender.get(x.name) in (None, want))
                       and not names_a_thing(self.a.text, x, self.k)]
            best = (0, persons[-1], persons[-1].name) if persons else None
        if best is None:
            guessed = [c for c in candidates
                       if c[2] in self.guessed and not self.asks(c[1], obj)]
            best = max(guessed, key=lambda c: c[0], default=None)
            if best is not None and want is not None:
                self.gender[best[2]] = want  # the pronoun knows better than the name
                self.guessed.discard(best[2])
        if best is None:
            return None, None
        if best[1].kind == "person" and want is not None:
            self.gender.setdefault(best[2], want)  # "she" tells the gender from now on
        return best[1], best[2]

    def chained(self, m: Mention, depth: int) -> tuple[int, Mention, str] | None:
        """The nearest earlier he/she of the same form outside quotes, in this paragraph
        or the two before, as a candidate standing for its own antecedent."""
        if depth >= 20:
            return None
        for x in reversed(self.before(m, 2)):
            if x.kind != "pronoun" or x.name != m.name or x.in_quote or x.start >= m.start:
                continue
            res = self._chain_memo.get(x.start)
            if res is None:
                lo = bisect_left(self.done_paragraphs, x.paragraph - 3)
                recent = [(qq, mm, k) for qq, mm, k in self.done[lo:]
                          if mm is not None and qq.start < x.start
                          and qq.paragraph >= x.paragraph - 3]
                res = self.he_she(x, recent, depth + 1)
                self._chain_memo[x.start] = res
            return (x.start, res[0], res[1]) if res[0] is not None else None
        return None

    def role_holder(self, m: Mention) -> Mention | None:
        """The person a definite role description refers back to ("the prime minister",
        "the health secretary", "the German chancellor"): the nearest person named
        earlier whose title, modifiers or apposition hold every word of the
        description (country words may be left out, "the German chancellor" = "Olaf
        Scholz, Germany's chancellor"); in the standfirst, the first person named later
        with that role. None when the description is not a person's role or no one holds
        it."""
        words = [w.strip("’'").lower() for w in m.text.split()]
        if not words or words[0] != "the" or words[-1] not in self.k.title_last_words:
            return None
        words = [w for w in words[1:] if not w.endswith(("’s", "'s"))]
        countries = _country_words()
        abbr = self.k.title_abbreviations

        def holds(x: Mention) -> bool:
            if x.kind != "person" or x.in_quote:
                return False
            held = " ".join(filter(None, [x.title, x.apposition, *x.modifiers])).lower()
            have = set(held.replace("-", " ").replace(",", " ").split())
            # "Sen. Bernie Sanders" holds "the senator"
            have |= {abbr[w] for w in have if w in abbr}
            return words[-1] in have and all(w in have or w in countries for w in words)

        earlier = [x for x in self.mentions if x.start < m.start]
        found = next((x for x in reversed(earlier) if holds(x)), None)
        if found is None and m.paragraph == 0:
            # the standfirst names a role before the body names the person ("The
            # company's chief executive said …" ¶ … "Calder's chief executive, Gregory T.
            # Nolan,"): the first person later given that role
            found = next((x for x in self.mentions[len(earlier):] if holds(x)), None)
        return found

    def asks(self, x: Mention, obj: str) -> bool:
        """True when ``x`` asks or presses a "him"/"her" (``obj``) right after its name."""
        m = _ASKS.match(self.a.text, x.end)
        return m is not None and m.group(1).lower() == obj

    def after_verb(self, x: Mention) -> bool:
        """True when a verb stands before ``x`` in its sentence, so that ``x`` is an
        object, not the subject ("… attempts to tie Hillary Clinton to …"): a lower-case
        word that is an auxiliary, a common irregular past or a speech verb, or ends in
        -ed. Titles before the name ("landlord Gareth Hughes") are no verbs."""
        known = self._after_verb.get(x.start)
        if known is not None:
            return known
        i = bisect_left(self.sent_starts, x.start + 1) - 1
        k = self.k
        found = i >= 0 and any(
            w in k.verb_words or len(w) > 4 and w.endswith("ed")
            for w in _LOWER_WORD.findall(self.a.text, self.sent_starts[i], x.start))
        self._after_verb[x.start] = found
        return found

    def is_subject(self, x: Mention) -> bool:
        """True when ``x`` opens its sentence, after a comma-ended adjunct that names
        no person, body or pronoun ("Back in Leicester, Tom Adeyemi …", "Charismatic
        and soulful, and with an emotional force that could transfix voters, Mr.
        Clinton was …"; not "Trump attacked Jeb Bush, Marco Rubio …")."""
        i = bisect_left(self.sent_starts, x.start + 1) - 1
        if i < 0:
            return False
        s = self.sent_starts[i]
        lead = self.a.text[s : x.start]
        # "On a later panel, Dr. Lena M. Park", "House Intelligence Republican Mike Pompeo"
        for before in (x.honorific, x.title, " ".join(x.modifiers)):
            if before and lead.rstrip().endswith(before):
                lead = lead.rstrip()[: -len(before)]
        if not (_SUBJECT_LEAD.fullmatch(lead) or _LONG_LEAD.fullmatch(lead)):
            return False
        # the lead is an adjunct only when it names no person, body or pronoun that
        # could be the subject (a group is more often an object: "transfix voters")
        lo = bisect_left(self.mention_starts, s)
        return not any(y.kind in ("person", "org", "pronoun")
                       for y in self.mentions[lo : bisect_left(self.mention_starts, x.start)])

    def group(self, m: Mention) -> tuple[Mention | None, str | None]:
        # a role refers back to the person last named with it: "Prime Minister Boris
        # Johnson … ¶ “…,” the prime minister said"
        person = self.role_holder(m)
        if person is not None:
            return person, person.name
        # an apposition names its noun: "Brightline, the software company, announced"
        i = bisect_left(self.mention_starts, m.start)
        for x in self.mentions[max(0, i - 3) : i]:
            if x.kind in ("name", "org") and not x.in_quote and x.end <= m.start \
                    and re.fullmatch(r",\s*", self.a.text[x.end : m.start]):
                return x, x.name
        head = m.text.split()[-1].lower()
        # (a body named with the head, also a role named by its owner: "The Clinton
        # campaign suggested …" ¶ "the campaign said")
        # (a plain description of a body or a document, not of a person's office: "the
        # longtime senator" is no "Texas senator" named before; not "the government in
        # Beijing")
        plain = not any(w[:1].isupper() for w in m.text.split()[1:-1]) \
            and not _QUALIFIER_AFTER.match(self.a.text, m.end) \
            and (head not in self.k.titles or head in self.k.generic_titles)
        orgs = [x for x in self.mentions if x.end <= m.start and not x.in_quote and (
                    x.kind == "org" or plain and x.kind == "group" and x is not m
                    and x.text.split()[-1].lower() == head
                    and any(w[:1].isupper() for w in x.text.split()[1:-1]))
                and head in x.name.lower().split()]
        if orgs:
            x = orgs[-1]
            return x, x.name if x.kind == "org" else re.sub(
                r"^(?:the|an?)\s+", "", " ".join(x.text.split()), flags=re.I)
        if any(w[:1].isupper() for w in m.text.split()[1:-1]):
            # "the Dalmoran embassy": a named body of its own, not the last one met
            return m, re.sub(r"^(?:the|an?)\s+", "", " ".join(m.text.split()), flags=re.I)
        if m.text[:1] in "Tt" and m.org_type in ("organisation", "government") \
                and (head not in self.k.titles or head in self.k.generic_titles):
            # (a person's office is never a body: "the senator said" is not the Senate;
            # "the spokesperson said" speaks for the body named before)
            # "the company said": the organisation or unknown name named last, nearby
            # an unknown capitalised word counts only once it has spoken ("Brightline
            # said …"), not a sentence's first word ("Growth will slow …")
            spoke = self.spoke
            near = [x for x in self.before(m, 3) if x.kind == "org" and not x.in_quote
                    and x.end <= m.start and x.paragraph >= m.paragraph - 3
                    and (x.org_type or "organisation") == m.org_type or x.kind == "name"
                    and id(x) in spoke and x.end <= m.start
                    and x.paragraph >= m.paragraph - 3 and not x.in_quote]
            if near:
                self.bodies[head] = near[-1]
                return near[-1], near[-1].name
            if head in self.bodies:  # "the district" again, far from its name
                return self.bodies[head], self.bodies[head].name
        if m.text[:1] not in "Tt":
            return m, m.name
        return m, re.sub(r"^(?:the|an?|its|his|her|their)\s+", "",
                         " ".join(m.text.lower().split()))

