"""Where the speaker of a cue is: the mention before it, after it, or the subject of
its sentence, with the gaps a speaker and its cue may have between them.

:class:`SpeakerSearch` holds the article's speakable mentions and sentences and answers
those questions for the quote extraction (:mod:`analysis.quotes.extraction`), which
decides where the quotes are."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

import analysis.text as text_layer
from analysis.quotes.knowledge import Knowledge, knowledge
from analysis.quotes.mentions import Mention
from analysis.quotes.name_runs import THE_BEFORE
from analysis.quotes.unnamed_sources import person_noun

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article
    from analysis.quotes.marks import Pair

# a word as the quote rules count them (hyphens and apostrophes inside)
WORD = re.compile(r"\w+(?:[’'\-]\w+)*", re.UNICODE)
# "the chief executive of Lakeshore Health", "a fellow at the Brookings Institution": a
# name after "of"/"at"/"for" (and "the") is an employer. (The callers' five-character
# look-back cannot hold "of the ": only the nine-character one reads "the" here.)
EMPLOYER_BEFORE = re.compile(r"\b(?:of|at|for)\s+(?:the\s+)?$")
# a short capitalised word ending in a full stop: a title or an initial ("Sen.", "W.")
ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,3}\.")
SENTENCE_STOP = re.compile(r"[.!?;]")
# an adverbial that opens a sentence, up to its comma ("In a statement on Monday, …")
LEADING_ADJUNCT = re.compile(
    r"^(?:while|although|though|as|after|before|when|if|because|since|despite|in|at|on|"
    r"under|amid|for|with|by|during|\w+ing|\w+ed)\b[^,]{0,120},\s*", re.IGNORECASE)
# one or more of them, each maybe after "even"/"just": "On Tuesday, even as shares were
# tumbling, "
ADJUNCTS = re.compile(r"(?:(?:(?:even|just|only|shortly|soon|long|right)\s+)?"
                      + LEADING_ADJUNCT.pattern[1:] + ")+", re.I)

_WORD_RE = re.compile(r"\b([A-Za-z]+)\b")
_SUBJECT_VERB = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:\w+ed|was|is|has|had|have|were|are|will|would)\b")
_SOURCE_PHRASE = re.compile(r"\s*((?:[\w’'\-]+\s+){0,9}?[\w’'\-]+)\s*(?=[,.;]|$)")
_RELATIVE_END = re.compile(r",\s*(?:who|which)\s+(?:(?:has|have|had)\s+)?$")
_PARTICIPLE = re.compile(r"\s(?:[a-z]+ed|published|issued|released|seen)\b")
_LOWER = re.compile(r"\b[a-z]")
# a place: after "in", "from", …, or after such a place and a comma ("in Columbus, Ohio")
# "in Wilmington, N.C.": the mention after the comma is part of the place; not after a
# date ("in October, Donald Trump said")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|from|near|outside|inside|across)\s+"
    r"(?:(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*,\s+)?$")
_PREPOSITION = re.compile(r"\s*(?:in|on|at|to|with|from|during|after|before)\s+")
# a closed relative clause of any shape between a person and the cue: "Sandy Phillips,
# who lost her daughter … in Aurora, Colorado, in July 2012, said"
_WHO_CLAUSE = re.compile(r"\s*,\s*who\s[^.;:“”\"]{1,200},\s*")
# a noun phrase and its "of" before a name: "the wife of ", "the former CEO of "
_NOUN_OF = re.compile(r"\b(?:the|a|an)\s+((?:[\w-]+\s+){0,2}[\w-]+)\s+(?:of|at)\s+$", re.I)
_PARTY_TAG = re.compile(r"\((?:[DRI]|Ind|Dem|Rep)-[A-Z][A-Za-z. ]{1,14}\)")
_AND_HIS = re.compile(r"\s+and\s+(?:his|her|their)\s+(?:\w+\s+)?")
# ", and the American Civil Liberties Union …": a conjunction before a named subject (a
# nationality word before the name may stand apart: "the American | Civil Liberties …")
_AND_NEW_SUBJECT = re.compile(r",\s+(?:and|but)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?$")
_NAMED_SUBJECT_VERB = re.compile(
    r"\s+(?:(?:already|also|now|then|later|still|[a-z]+ly)\s+)?"
    r"(?:has|have|had|is|was|were|are|will|would|[a-z]+ed)\b")
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|been|being|became|becomes)\s+"
                            r"(?:(?:a|an|the|one|another)\s+)?(?:[\w’'-]+\s+){0,3}$")
_WHO_WORD = re.compile(r" who[’']?\w*\b")
_OWNED_ROLE_THEN_NAME = re.compile(r"[’']s?\s+[^,.;:“”\"]{1,60},\s*")
# between two people of one subject: a party tag, then "and" (or, earlier in a list, a
# comma), then the second person's title words ("and former Maryland governor")
_TITLE_WORDS = r"(?:[a-z][a-z\-]*\s+|[A-Z][a-z]+\.?\s+){0,4}"
_AND_LINK = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?,?\s*and\s+" + _TITLE_WORDS)
_LIST_LINK = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?,\s*" + _TITLE_WORDS)
_LAST_WORD = re.compile(r"(\w+)\s+$")
# "Friends of Mr. Clinton's who …": an unnamed source's "of" and its owner
_OF_OWNER = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*[’']s?")
_OF_BETWEEN = re.compile(r"\s+of\s+(?:the\s+)?")
_LOWER_WORD = re.compile(r"\s+([a-z]+)\b")
_COMMA_AFTER_NAME = re.compile(r"\s*(?:[,.;]|$)")
_MEDIA_NOUN_GAP = re.compile(r"\s+(?:newspaper|tabloid|daily|paper|magazine|website|network|"
                             r"broadcaster|channel|station|agency|outlet|weekly)\s+")
_THAT_WORD = re.compile(r"\bthat\b", re.I)
_IS_WAS = re.compile(r"\s*(?:is|was)\b")
WHO_GAP = re.compile(r"\s*,\s*who\b")
# between a role and the name in its apposition: ", ", " at the time, ", " then, "
_QUOTE_MARK = re.compile(r"[“”\"]|''")
_WORDS = re.compile(r"(?<![\w’'-])[a-z][a-z’']*")  # lower-case words: verbs, not "State"
_ROLE_TO_NAME = re.compile(r"(?:\s+(?:at\s+the\s+time|then|now|in\s+\d{4}|since\s+\d{4}))?"
                           r"\s*,\s*")
_GAP_PUNCT = re.compile(r"[,.;:“”\"]")
_FROM_BY = re.compile(r"\s(?:from|by)\s+")
# a person's apposition up to the organisation of its title: ", president and CEO of "
_OPEN_APPOSITION = re.compile(
    r",\s+(?:the\s+|an?\s+)?[a-z][^,.;:“”\"]{0,60}?\s(?:of|at|for)\s+(?:the\s+)?")
# a person's apposition up to a description inside it: ", an African-", ", 67, a retired
# customer service ", ", the fund's lawyer, treasurer and " (not ", and officials")
_APPOSITION_START = re.compile(
    r",(?!\s*(?:and|but|or|while|as|when|after|before|because|although|though|so|"
    r"who|which|where)\b)[^.;:“”\"]{0,80}")
_COMMA_THE_END = re.compile(r",\s*(?:the\s+)?$")
_ARTICLE_START = re.compile(r"^(?:the|a|an)\s+", re.I)


def words_in(text: str, a: int = 0, b: int | None = None, cap: int | None = None) -> int:
    """Number of words (``WORD`` matches) in ``text[a:b]``; with ``cap``, the count stops
    at ``cap`` (enough to compare it with a threshold below ``cap``)."""
    b = len(text) if b is None else b
    if cap is None:
        return len(WORD.findall(text, a, b))
    n = 0
    for _ in WORD.finditer(text, a, b):
        n += 1
        if n == cap:
            break
    return n


_CONJUNCTION_END = re.compile(
    r"(?:(?:^|\s)(?:and|but)(?:\s+(?:now|then|also|later|still|even|again|quickly|"
    r"repeatedly|publicly|privately))?|,\s*then)\s*$", re.IGNORECASE)


def ends_with_conjunction(text: str) -> bool:
    """True when ``text`` ends with the word "and" or "but" (a coordinated verb), with
    at most one adverb after it ("…, but now said"), or with ", then" ("offered him a
    job, then says …")."""
    return _CONJUNCTION_END.search(text[-30:]) is not None


def _drop_stop(m: re.Match) -> str:
    """An :data:`ABBREVIATION` without its full stop."""
    return m.group(0)[:-1]


def names_a_thing(text: str, m: Mention, k: Knowledge, lo: int = 0) -> bool:
    """True for a name between "the" and a noun ("the CNBC moderators", "The Clinton
    approach"): it modifies the thing named, so it is neither a subject nor the person a
    he/she stands for. A verb after it ("the FBI said", "the Foundation acknowledged")
    keeps it a name. ``lo``: where the look-back for "the" may start."""
    if not THE_BEFORE.search(text, max(lo, m.start - 4), m.start):
        return False
    w = _LOWER_WORD.match(text, m.end)
    return bool(w) and w.group(1) not in k.verb_words \
        and not w.group(1).endswith("ed")


class SpeakerSearch:
    """Speaker look-ups over one article's body: ``t`` is the article text, ``body`` its
    body blocks, ``sentences`` the (start, end) of each body block's sentences, and
    ``speakable`` the mentions that can speak (outside quotation marks), in text
    order."""

    def __init__(self, article: Article, mentions: list[Mention]):
        self.t = article.text
        self.k = knowledge()
        self.body = article.body
        self.mentions = mentions
        self.speakable = [m for m in mentions if not m.in_quote and m.kind != "side_word"]
        self.speak_starts = [m.start for m in self.speakable]
        by_block: dict[int, list[tuple[int, int]]] = {}
        for s in article.sentences:
            by_block.setdefault(s.block, []).append((s.start, s.end))
        self.sentences = [by_block.get(bi, []) for bi, b in enumerate(article.blocks)
                          if b.is_body]

    def sentence_of(self, p: int, pos: int) -> tuple[int, int]:
        block = self.body[p]
        for s, e in self.sentences[p]:
            if s <= pos < e:
                return s, e
        return block.start, block.end

    def crosses_sentence(self, p: int, a: int, b: int) -> bool:
        """True when ``a`` and ``b`` lie in different sentences of the text layer (whose
        splitter knows titles and initials: "Mr. Kelly", "Janet L. Yellen") or a
        semicolon stands between them."""
        return ";" in self.t[a:b] or b >= self.sentence_of(p, a)[1]

    def clause_start(self, p: int, pos: int, pairs: list[Pair]) -> int:
        """Start of the sentence holding ``pos``, moved back over quotes it runs into."""
        s, _ = self.sentence_of(p, pos)
        for q in pairs:
            if q.open < s < q.close and q.close < pos:
                s = q.stop
        return s

    def speaker_left(self, a: int, cue: int, relative: bool = True) -> Mention | None:
        """The speaker before a cue: the nearest mention whose gap to the cue is only
        adverbs, auxiliaries or an apposition (or, with ``relative``, ", who": see
        :meth:`relative_gap`); else, for a cue after "and", the subject of the earlier
        verb."""
        cands = [m for m in self.between(a, cue) if m.end <= cue]
        head = self.restrictive_head(a, cue, cands, relative)
        if head is not None:
            return head
        for i in range(len(cands) - 1, -1, -1):
            m = cands[i]
            gap = self.gap(m, cue)
            if len(gap) > 200:
                break
            if m.possessive:
                continue  # "Mexico's ambassador …, said": the owner does not speak
            before = self.t[max(a, m.start - 12) : m.start]
            if " of " in before or " and " in before:
                prev = next((x for x in reversed(cands[:i]) if x.end <= m.start), None)
                if m.kind == "anonymous" and prev is not None and prev.kind == "person" \
                        and _AND_HIS.fullmatch(self.t, prev.end, m.start) \
                        and self.k.allowed_gap.match(gap):
                    return prev  # "Vos and her colleagues wrote": the one named leads
                if prev is not None and prev.kind == "anonymous" \
                        and m.kind not in ("org", "country", "media") \
                        and m.text.rsplit(None, 1)[-1].lower() not in self.k.org_heads \
                        and _OF_BETWEEN.fullmatch(self.t, prev.end, m.start):
                    # "Allies of the senator say": the allies speak, not the senator
                    # (but "officials of the ministry said": the body, as for its
                    # spokesman)
                    m = prev
            noun_of = _NOUN_OF.search(self.t, max(a, m.start - 40), m.start) \
                if m.kind != "anonymous" else None
            if noun_of and (m.kind in ("person", "person_single", "name")
                            or not self.title_gap(" " + noun_of.group(1).lower() + " ") and (
                                m.kind not in ("group", "pronoun") or person_noun(
                                    noun_of.group(1).rsplit(None, 1)[-1].lower(), self.k))):
                continue  # "the wife of John Smith said": she speaks, not John Smith (but
                # "a senior vice president at Calder told": the body speaks for its officer);
                # before a role or a body, only a person's noun: "the wife of the mayor",
                # not "a wide array of economists", "the head of the agency"
            if m.kind == "anonymous" and i and cands[i - 1].kind == "person" \
                    and gap.rstrip().endswith(",") \
                    and _APPOSITION_START.fullmatch(self.t, cands[i - 1].end, m.start):
                continue  # "Christopher Harvey, an African-American delegate from …, said"
            if m.kind not in ("org", "media") \
                    and not (m.kind == "person" and WHO_GAP.match(gap)) \
                    and (loc := _LOCATIVE_BEFORE.search(self.t, max(a, m.start - 40), m.start)) \
                    and not ("," in loc.group(0) and m.kind in ("person", "name")
                             and m.text not in self.k.places):
                # a place: "Trump, speaking at a rally in Wilmington, N.C., warned" (but
                # "On Sunday night in South Carolina, Clinton said": after the place's
                # comma, a name that is no place is the subject)
                continue
            if m.kind in ("org", "country", "name", "media") and self.title_gap(gap) \
                    or m.kind == "media" and _MEDIA_NOUN_GAP.fullmatch(gap):
                # "a Department of Health spokesperson said": the body speaks; "the
                # nationalist Global Times tabloid said": the outlet
                return m
            if ("." in gap or ";" in gap or ":" in gap) and "“" not in gap and '"' not in gap:
                continue  # allowed_gap passes these marks only inside quotation marks
            pre = self.t[max(a, m.start - 8 - len(m.title or "")) : m.start]
            if m.title and pre.rstrip().endswith(m.title):
                pre = pre.rstrip()[: -len(m.title)]  # ", Cllr Steve Ratcliffe, said"
            if self.k.allowed_gap.match(gap) or (not gap.strip(", ") and _COMMA_THE_END.search(
                    pre)) or relative and self.relative_gap(gap, cue) \
                    or m.kind == "person" and _WHO_CLAUSE.fullmatch(gap):
                if m.kind == "pronoun" and m.name == "it" and _IS_WAS.match(
                                                                      self.t[m.end:cue]):
                    return None
                if m.kind != "person" and EMPLOYER_BEFORE.search(
                        self.t, max(a, m.start - 9), m.start):
                    # "Anthony Anton, president and CEO of Washington Restaurant
                    # Association stated": the body is the title's, the person before
                    # the apposition speaks even when its closing comma is missing
                    person = next((x for x in reversed(cands[:i]) if x.kind == "person"
                                   and not x.possessive and _OPEN_APPOSITION.fullmatch(
                                       self.t, x.end, m.start)), None)
                    if person is not None:
                        return person
                if gap.lstrip().startswith(",") and (m.kind != "person" or EMPLOYER_BEFORE.search(
                        self.t, max(a, m.start - 5), m.start)):
                    # "Christopher M. Shelton, the president of the Communications
                    # Workers of America, which endorsed Mr. Sanders, said": the body
                    # sits in the apposition of the person who speaks
                    person = next((x for x in reversed(cands[:i]) if x.kind == "person"
                                   and not x.possessive
                                   and self.k.allowed_gap.match(self.gap(x, cue))), None)
                    if person is not None:
                        return person
                return self.first_conjunct(m, cands[:i]) if m.kind in ("person", "name") \
                    else m
        if ends_with_conjunction(self.t[a:cue]):
            # not the subject of a reported clause ("said it was too early … but added")
            subj = [m for m in cands if _SUBJECT_VERB.match(self.t[m.end : cue])
                    and not self.reported_clause_subject(m)]
            persons = [m for m in subj if m.kind == "person"]
            if persons:
                return persons[-1]
            if subj:
                return subj[-1]
        return None

    def first_conjunct(self, m: Mention, before: list[Mention]) -> Mention:
        """The first person of a coordinated subject that ends with ``m`` ("Sen. Bernie
        Sanders (Vt.) and former Maryland governor Martin O'Malley have said", "Carson,
        Fiorina and Huckabee said"): the quote goes to the one named first. The link to
        ``m`` must be "and" ("A spokeswoman for Ms. Castillo, Jessica Tran, said" is an
        apposition), and the first person must open its clause."""
        chain = [m]
        for x in reversed(before):
            if x.end > chain[-1].start or self.t[x.start - 1 : x.start] == "(":
                continue  # (not the state of a party tag: "Bernie Sanders (Vt.) and …")
            link = _AND_LINK if len(chain) == 1 else _LIST_LINK
            if x.kind not in ("person", "name") or x.possessive \
                    or not link.fullmatch(self.t, x.end, chain[-1].start):
                break
            chain.append(x)
        if len(chain) == 1:
            return m
        first = chain[-1]
        s = self.sentence_of(first.paragraph, first.start)[0]
        lead = self.t[s : first.start]
        for before_name in (first.honorific, first.title, " ".join(first.modifiers)):
            if before_name and lead.rstrip().endswith(before_name):
                lead = lead.rstrip()[: -len(before_name)]
        return first if not lead.strip() or lead.rstrip().endswith(",") else m

    def restrictive_head(self, a: int, cue: int, cands: list[Mention], relative: bool = True
                         ) -> Mention | None:
        """The noun a "who" clause running up to the cue belongs to: "a White House
        official who spoke anonymously to discuss internal strategy said", "Many of the
        local GOP leaders who’d rather be working for … Ben Carson said" (not the names
        inside the clause), "Sanders, who endorsed Canova in late May and said …" (the
        cue inside the clause)."""
        w = self.t.rfind(" who", max(a, cue - 200), cue)
        if w < 0 or not _WHO_WORD.match(self.t, w) or _GAP_PUNCT.search(self.t, w, cue):
            return None
        head = max((m for m in cands if m.end <= w), key=lambda m: (m.end, -m.start),
                   default=None)
        if head is not None and head.possessive:
            # "Friends of Mr. Clinton's who have seen him … say": the friends
            head = max((m for m in cands if m.end <= head.start and m.kind == "anonymous"),
                       key=lambda m: (m.end, -m.start), default=None)
        if head is not None and head.kind == "anonymous" \
                and _OF_OWNER.fullmatch(self.t, head.end, w):
            return head
        between = self.t[head.end : w] if head is not None else ""
        if "," in between:
            # ", who": only where a relative clause may speak (see ``speaker_left``), and
            # not "who asked not to be named"
            word = WORD.match(self.t, cue)
            if not relative or word is None \
                    or self.k.verb_forms.get(word.group(0).lower()) in self.k.not_relative_cues:
                return None
        if head is None or between.strip(" ,") \
                or head.kind not in ("person", "anonymous", "group", "name") or head.possessive \
                or _COPULA_BEFORE.search(self.t, max(a, head.start - 50), head.start):
            return None  # (not "Raynard Jackson … is a Virginia resident who crossed …")
        if head.kind != "person":
            # "Chelsea Nguyen, 52, a homemaker who attended a Clinton rally …, said": the
            # person whose apposition holds the clause
            person = next((x for x in reversed(cands) if x.kind == "person"
                           and x.end <= head.start and not x.possessive
                           and _APPOSITION_START.fullmatch(self.t, x.end, head.start)), None)
            if person is not None:
                return person
            if self.t[max(a, head.start - 3) : head.start].strip() == ",":
                return None  # an apposition of something else
        return head

    def coordinated_subject(self, a: int, b: int, quoted: list[tuple[int, int]],
                            last: bool = False) -> tuple[int, Mention] | None:
        """The first (with ``last``, the last) named subject of a clause joined by ",
        and"/", but" in [a, b), outside ``quoted`` spans, with the comma's position
        ("…, and the American Civil Liberties Union of Ohio has already sued the
        city")."""
        if ", and " not in self.t[a:b] and ", but " not in self.t[a:b]:
            return None  # (the common case, at the cost of one substring search)
        found = self.between(a, b)
        for x in reversed(found) if last else found:
            if x.kind not in ("person", "name", "org", "media", "country") or x.possessive:
                continue
            join = _AND_NEW_SUBJECT.search(self.t, max(a, x.start - 24), x.start)
            if join is not None and _NAMED_SUBJECT_VERB.match(self.t, x.end) \
                    and not any(o < join.start() < c for o, c in quoted):
                return join.start(), x
        return None

    def reported_clause_subject(self, m: Mention) -> bool:
        """True when ``m`` comes right after a speech verb or "that" ("said it was …")."""
        word = _LAST_WORD.search(self.t, max(0, m.start - 20), m.start)
        return word is not None and (word.group(1) == "that"
                                     or word.group(1) in self.k.verb_forms)

    def relative_gap(self, gap: str, cue: int) -> bool:
        """True for ", who" before a speech verb: the person named before speaks ("from
        Mike Lee, who declared …", "Paul Whitlock, who has said repeatedly that …",
        "Lynch, who told Congress: “…”"); not "who asked not to be named" (the verbs of
        ``not_relative_cues``), not "which maintains relations" (a body's relative
        clause is rarely its speech)."""
        m = WHO_GAP.match(gap)
        if m is None or not self.k.allowed_gap.match(gap[m.end():]):
            return False
        word = WORD.match(self.t, cue)
        lemma = self.k.verb_forms.get(word.group(0).lower()) if word else None
        return lemma is not None and lemma not in self.k.not_relative_cues

    def gap(self, m: Mention, cue: int) -> str:
        """The text between a mention and a cue, with the full stops of initials, titles
        and party tags dropped ("George W. Bush, told" -> "George W Bush, told",
        "(D-Calif.)" -> "(D-Calif)")."""
        gap = self.t[m.end : cue]
        if "." not in gap:
            return gap
        if gap[:1] == "." and m.text.rsplit(None, 1)[-1].lower() in text_layer.NAME_ENDINGS:
            gap = gap[1:]  # "Apple Inc. said": the name's own full stop
        if "(" in gap:  # "(D-Calif.)": a party tag's state, however long its short form
            gap = _PARTY_TAG.sub(lambda t: t.group(0).replace(".", ""), gap)
        return ABBREVIATION.sub(_drop_stop, gap)

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
        m = ADJUNCTS.match(self.t, s, limit)
        a = m.end() if m else s
        head_end = a + len(" ".join(self.t[a:limit].split()[:6]))
        # a name between "the" and a noun is a modifier ("the CNBC moderators")
        found = [x for x in self.between(a, head_end)
                 if not names_a_thing(self.t, x, self.k, lo=a)]
        if len(found) > 1 and found[0].possessive and found[1].kind == "person" \
                and found[1].start - found[0].end <= 4:
            found = found[1:]  # "The Blaze’s Matt Walsh": the owner is no subject
        first = next(iter(found), None)
        if first is not None and not _QUOTE_MARK.search(self.t, a, first.start) and any(
                w.group(0) in self.k.verb_words
                for w in _WORDS.finditer(self.t, a, first.start)):
            # "The businessman has praised Putin, saying …": after a verb, an object (a
            # quotation's words before it are left alone)
            return None
        if first is not None and first.possessive:
            # "France’s far-right National Front party leader, Marine Le Pen, voiced …":
            # the role the owner opens is set off by the name it belongs to
            named = next((x for x in self.between(first.end, limit) if x.kind == "person"), None)
            if named is not None and _OWNED_ROLE_THEN_NAME.fullmatch(self.t, first.end,
                                                                     named.start):
                return named
        if first is not None and first.kind != "person":
            # "Cleveland Police Chief Calvin Williams": the person the title words name
            person = next((x for x in found if x.kind == "person"
                           and not _LOWER.search(self.t, first.end, x.start)), None)
            return person or first
        return first

    def speaker_right(self, cue_end: int, limit: int) -> Mention | None:
        found = self.between(cue_end, limit)
        if not found:
            return None
        gap = ABBREVIATION.sub("", self.t[cue_end : found[0].start])  # "said Dr. Vos"
        if len(gap) > 60 or _GAP_PUNCT.search(gap) or _PREPOSITION.fullmatch(gap) \
                or _THAT_WORD.search(gap):
            # "said in a statement": the statement does not speak; "…, said that Sanders
            # had …": the name after "that" is in the reported clause
            return None
        if found[0].possessive:
            # "said Clinton’s top aide Jake Sullivan": not Clinton; "said Trump's remarks
            # have …": no one
            found = found[1:]
            if not found:
                return None
        first = found[0]
        if first.kind != "person":
            named = next((x for x in found[1:] if x.kind == "person" and x.start >= first.end),
                         None)
            if named is not None and _ROLE_TO_NAME.fullmatch(self.t, first.end, named.start) \
                    and _COMMA_AFTER_NAME.match(self.t, named.end):
                # "said the company’s chief executive, John J. Ferriola.", "wrote the
                # American ambassador at the time, John E. Herbst.": the name is the
                # role's apposition
                return named
        if len(found) > 1 and found[1].kind == "person":
            # "said Unite regional officer Mark Delaney", "said resident Jane Morris",
            # "said Priorities spokesman Justin Barasky": the words before the name are
            # its title (and a body before them is its employer)
            between = self.t[first.end : found[1].start]
            if first.kind != "person" and not between.strip() or self.title_gap(between):
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
        if not name or words_in(phrase, cap=9) > 8:
            return None
        return Mention(start, start + len(phrase), phrase, "group", name, paragraph=p)

    def naming_speaker(self, s: int, open_: int) -> tuple[Mention, re.Match] | None:
        """The speaker of a quoted phrase given by a naming verb in the same clause
        ("Calder described the game as ‘a free hit’", "X, which has called the exodus a
        “slow-motion crisis”"), with the verb's match; None without one."""
        verb = None
        for m in _WORD_RE.finditer(self.t, s, open_):
            if m.group(1).lower() in self.k.naming_verbs and self.t[m.start() - 1] != "-":
                verb = m
        if verb is None or SENTENCE_STOP.search(self.t[verb.end() : open_]):
            return None
        sp = self.speaker_left(s, verb.start())
        if sp is None:  # a relative clause: the speaker is the noun before "which"
            rel = _RELATIVE_END.search(self.t[s : verb.start()])
            if rel:
                sp = self.speaker_left(s, s + rel.start())
        return (sp, verb) if sp is not None else None
