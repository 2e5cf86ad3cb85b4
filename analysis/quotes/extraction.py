"""Quote extraction: direct, mixed, indirect and floating quotes with their speaker."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

from analysis.quotes.knowledge import Knowledge
from analysis.quotes.marks import DOUBLE_OPEN, DOUBLE_STRAIGHT, Pair, quote_pairs
from analysis.quotes.mentions import Mention, body_scans, find_mentions
from analysis.quotes.phrase_matcher import Hit
from analysis.quotes.speaker_search import (
    ABBREVIATION,
    ADJUNCTS,
    LEADING_ADJUNCT,
    SENTENCE_STOP,
    WHO_GAP,
    WORD,
    SpeakerSearch,
    ends_with_conjunction,
    words_in,
)

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

_AFTER_CLOSE = re.compile(r"[,.!?…]?\s*")
# between a cue and its quotation mark: up to four short words ("said at a press
# conference, “…”", "told reporters: “…”")
_CUE_TO_MARK = re.compile(r"\s*(?:[A-Z]?[a-z]+\s+){0,3}?(?:[A-Z]?[a-z]+)?[:,]?\s*")
# a hearer and a short adjunct between a cue and its quote: "told reporters in Nashua
# last week, “…”" (never "that")
_HEARER_TO_MARK = re.compile(
    r"\s*(?:(?!that\b)[A-Z]?[a-z’']+\s+){1,6}?(?!that\b)[A-Z]?[a-z]+[:,]\s*")
# an adjunct of place or time between a cue and its quote: "Clinton said at a Fox News
# town hall on Monday, “…”"
_ADJUNCT_TO_MARK = re.compile(r"\s+(?:at|in|on|during|after|before|from)\s+"
                              r"(?:(?!that\b)[\w’'.-]+\s+){0,7}?[\w’'.-]+,\s*")
_THAT_OR_COLON = re.compile(r"\s*(?:,\s*)?(?:that\b|saying(?:\s+that)?\b|:)?\s*")
_END_ONLY = re.compile(r"\s*[.!?…]?\s*")
_VERB_AT_END = re.compile(r"\s+[a-z]+(?:ed|s)$")
_COMMA_SPACE = re.compile(r",\s*")
_TAIL_IS_END = re.compile(
    r"\s*(?:(?:in|on|at|during|to|after|before|late|earlier|later)\s+[^,.;]{0,40}|"
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"tonight)(?:\s+(?:morning|afternoon|evening|night))?)?"
    r"\s*(?:[,.;!?…]|$)")
_ADJUNCT_TO_THAT = re.compile(
    r"\s*(?:(?:in|on|at|during|to|after|before|late|earlier|last|this|"
    r"later|again|also|publicly|privately|repeatedly)\b[^,.;“”\"]{0,40}?\s|"
    r"(?:[\w’'\-]+\s+){1,4}?(?=that\b))?(?=that\b)")
_THAT = re.compile(r"\s*that\b")
# what follows a cue when a clause of its own starts there: a word, no comma or stop
_OWN_CLAUSE = re.compile(r"\s+[\w“\"‘']")
_WORDS_THEN_THAT = re.compile(r"\s*(?:[\w’'\-]+\s+){1,4}?that")
# an adjunct of place or time after a hearer ("told ITV in an interview", "on Monday")
_PLACE_TIME_ADJUNCT = re.compile(
    r"\s*(?:in|on|at|during|after|before|last|earlier|later|this|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_TIME_ADJUNCT = re.compile(
    r"\s*(?:in|on|at|during|to|after|before|late|earlier|last|this|later|again|"
    r"also|publicly|privately|repeatedly|today|yesterday|tonight|recently|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


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


# after a cue inside a sentence ("…, he said, …"): an optional time or place, the comma
_PARENTHETICAL_TAIL = re.compile(
    r"\s*(?:(?:in|on|at|during|last|this|earlier|later)\b[^,.;:“”\"]{0,40})?,\s*(?=\w)")
_ADVERBIAL_START = re.compile(
    r"(?:amid|as|after|before|while|despite|because|since|when|during|following|in|on|at|"
    r"with|for|from|by|according|ahead|until|without|under|over)\b", re.I)
# a lead after a closing mark that starts a new clause, not an attribution
_NEW_CLAUSE = re.compile(r"(?:and|but|or|so|yet|while|as|because|although|though|when|"
                         r"after|before|if|then|even)\b", re.I)
_TO_VERB = re.compile(r"\s*to\s+(\w+)")
_ARTICLE_ONLY = re.compile(r"\s*(?:[Tt]he\s+)?")
_SEMICOLON = re.compile(r";")
_CONCESSIVE = re.compile(r",\s+(?:though|although|even though|whereas)\b")
_LEADING_CONJUNCTION = re.compile(r"(?:(?:but|and|so|yet|still)\s+)?", re.I)
# the last semicolon or dash before a trailing attribution ("…; …, she added")
_CLAUSE_BREAK = re.compile(r"(?:;|\s[—–]|\s--)\s*(?!.*(?:;|\s[—–]\s|\s--\s))", re.S)
# a transcript turn's label: "Mr Malone:", "SMITH:", "Janet Yellen:" opening a paragraph
_TURN_LABEL = re.compile(r"([A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){0,3}):[ \t]+(?=\S)")
_UNNAMED_TURNS = {"Q": "Q", "Question": "Q", "A": "A", "Answer": "A"}
# an interview's key to its labels: "Q is Ms. Klein and A is Ms. Morales"
_INTERVIEW_KEY = re.compile(
    r"\b(Q|A|Question|Answer)\s+(?:is|was|stands for)\s+((?:[A-Z][\w.’'\-]*\s+){0,3}"
    r"[A-Z][\w’'\-]*)")
# where reported content stops: a new clause ("; …", ", adding …", ", amid …") or a
# second verb phrase of the speaker ("insisted X was Y and rounded on …")
_JOIN_END = re.compile(r",(?:\s+(?:and|but))?\s*$")
_AND_CLAUSE = re.compile(r",\s+(?:and|but)\s+")
# "…, as The New York Times reported": the speaker comes right after ", as"
_AS_BEFORE = re.compile(r",\s+as\s+(?:(?:the|a|an)\s+)?(?:[\w’'.-]+\s+){0,3}$", re.I)
_CUT_CONTENT = re.compile(
    r";|\s+(?:and|but)\s+(?=\w+ed\b)|,\s+(?:amid|while|as|after|before|despite|even as|"
    r"adding|saying|according to|though|although|even though|whereas)\b"
    # ", blaming rising costs": a participle clause is the writer's, not the content
    r"|,\s+(?!(?:something|nothing|anything|everything|king|thing|spring|string|during)\b)"
    r"[a-z]{3,}ing\b")
# after the last quoted stretch of a mixed quote, an adverbial clause is the writer's
_ADVERBIAL_AFTER_QUOTE = re.compile(
    r"\s*,?\s+(?:as|amid|while|after|before|despite|because|since|when|during|following|"
    r"ahead of)\b")
# relative pronouns that can be the object of a cue ("which China claims as its own");
# "where"/"when" cannot ("the Capitol, where Harry Reid told reporters that …")
_RELATIVES = frozenset({"which", "that", "who", "whom"})
# a gerund cue after one of these belongs to the sentence's subject ("McConnell deflected
# questions before saying, “…”")
_GERUND_LINK = re.compile(r"\b(?:before|after|while|when|by|without|then)\s+$", re.IGNORECASE)
# a mention right after one of these is an object, not a speaker ("a message to Trump:")
_OBJECT_BEFORE = re.compile(r"\b(?:to|for|with|about|against|at|on|of|from|toward|towards)"
                            r"\s+(?:the\s+)?$", re.IGNORECASE)


# the hearer after "told": "Fox News", "the committee", "Britain’s ITV television station"
_OBJECT_NP = re.compile(r"^(?:[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}"
                        r"(?:(?:\s+(?:television|radio|news))?\s+(?:station|network|channel|"
                        r"newspaper|program|programme|show|magazine|website)\b"
                        r"(?:\s+[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})?)?"
                        r"|the\s+\w+(?:\s+\w+)?)")
_SENT_END = re.compile(r"[.!?…]")






def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


_OBJECT_STARTS = frozenset(
    "a an the this that these those its their his her our my your some no".split())


def _has_clause(content: str, k: Knowledge, window: int = 14) -> bool:
    """True when ``content`` reads as a clause (it has a finite verb in its first
    ``window`` words)."""
    ws = [m.group(0).lower() for m in islice(WORD.finditer(content), window)]
    if not ws:
        return False
    if ws[0] == "that" or ws[0] in k.clause_subjects:
        return True  # "said he visits the library": a subject pronoun opens a clause
    for j, w in enumerate(ws):
        if w in k.clause_words or (j >= 1 and w.endswith("ed") and len(w) > 4):
            return True
        if j >= 1 and w in k.plural_verbs and ws[j - 1].endswith("s") \
                and not ws[j - 1].endswith(("ss", "us", "is")):
            return True  # "conservatives need to …"
        # "the pause sends a signal": a present-tense verb after its subject noun
        # phrase, before an object's determiner
        if 1 <= j < 8 and w.endswith("s") and not w.endswith(("ss", "us", "is")) \
                and len(w) > 3 and j + 1 < len(ws) and ws[j + 1] in _OBJECT_STARTS \
                and ws[j - 1] not in _OBJECT_STARTS:
            return True
    return False


class _Extractor(SpeakerSearch):
    """The passes that find quotes in each paragraph; the speaker look-ups they use are
    :class:`~analysis.quotes.speaker_search.SpeakerSearch`'s."""

    def __init__(self, article: Article):
        body = article.body
        self.scans = body_scans(article)
        self.cue_hits = [Hit(blk.start + h.start(), blk.start + h.end(), h.group(0))
                         for blk, sc in zip(body, self.scans, strict=True)
                         for h in sc["cue"]]
        self.cue_starts = [h.start() for h in self.cue_hits]
        self.pairs: list[list[Pair]] = [quote_pairs(b.text, b.start) for b in body]
        self.pair_spans = [(q.open, q.stop) for ps in self.pairs for q in ps]
        super().__init__(article, find_mentions(article, self.pair_spans, self.scans))
        self.quotes: list[Quote] = []
        # Indexes over self.quotes, so that each look-up costs what is near it rather
        # than every quote so far (an article of 1 MB has thousands): starts in order,
        # the quotes in that order, each quote's place in self.quotes, the quotes of
        # each paragraph in the order found, the cue positions, the longest quote.
        self._starts: list[int] = []
        self._by_start: list[Quote] = []
        self._seq: dict[int, int] = {}
        self._in_paragraph: dict[int, list[Quote]] = {}
        self._cue_at: set[int] = set()
        self._longest = 0
        self._interview: dict[str, Mention | None] | None = None  # built when "Q:" is met
        # documents named outside quotes, in text order (mentions are in text order)
        self._documents = [m for m in self.mentions if m.kind == "document" and not m.in_quote]
        self._document_starts = [m.start for m in self._documents]

    # helpers
    def add(self, q: Quote) -> None:
        if q.end <= q.start:
            return
        self._seq[id(q)] = len(self.quotes)
        self.quotes.append(q)
        i = bisect_right(self._starts, q.start)
        self._starts.insert(i, q.start)
        self._by_start.insert(i, q)
        self._in_paragraph.setdefault(q.paragraph, []).append(q)
        if q.cue_start is not None:
            self._cue_at.add(q.cue_start)
        self._longest = max(self._longest, q.end - q.start)

    def claimed(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quote found so far, or starts its cue."""
        if pos in self._cue_at:
            return True
        i = bisect_right(self._starts, pos)
        # only a quote starting within the longest quote's length before pos can cover it
        while i > 0 and self._starts[i - 1] > pos - self._longest:
            i -= 1
            if pos < self._by_start[i].end:
                return True
        return False

    def quotes_starting_in(self, a: int, b: int) -> list[Quote]:
        """The quotes found so far that start in [a, b), in the order they were found."""
        found = self._by_start[bisect_right(self._starts, a - 1):bisect_right(self._starts, b - 1)]
        return sorted(found, key=lambda q: self._seq[id(q)])

    def main_speaker(self, s: int, cue: int) -> Mention | None:
        """Who speaks for a cue that continues its sentence's main clause ("…, noting
        …", "… but warned …"): the speaker of the last quote found in the sentence
        before the cue, else the sentence's subject."""
        prev = [q for q in self.quotes_starting_in(s, cue) if q.speaker]
        return prev[-1].speaker if prev else self.subject(s, cue)

    def cues_in(self, a: int, b: int) -> list[re.Match]:
        i = bisect_right(self.cue_starts, a - 1)
        j = bisect_right(self.cue_starts, b - 1)
        return [h for h in self.cue_hits[i:j] if h.b <= b]

    # passes
    def run(self) -> list[Quote]:
        for p, block in enumerate(self.body):
            self.paragraph(p, block)
        self.quotes.sort(key=lambda q: q.start)
        return self.quotes

    def paragraph(self, p: int, block: Any) -> None:
        t = self.t
        pairs = self.pairs[p]
        pspans = [(q.open, q.stop) for q in pairs]
        used: set[int] = set()
        if self.transcript_turn(p, block):  # quotations inside a turn are part of it
            return
        # 1. cues right after a closing mark: “…,” he said / “…,” said X
        for qi, q in enumerate(pairs):
            after = q.stop if q.closed else q.close
            window_end = min(block.end, after + 160)
            if qi + 1 < len(pairs):
                window_end = min(window_end, pairs[qi + 1].open)
            a0 = _AFTER_CLOSE.match(t, after, window_end).end()
            cue = next(iter(self.cues_in(a0, window_end)), None)
            if cue is None or self.crosses_sentence(p, a0, cue.a):
                continue
            if cue.group(0).lower() in ("according to", "in the words of"):
                continue
            if self.introduces_next(q, cue, pairs[qi + 1] if qi + 1 < len(pairs) else None):
                continue  # "“Good Morning America” Tuesday, he said, “I never …”"
            speaker = None
            if a0 == cue.start():
                speaker = self.speaker_right(cue.end(), window_end)
            else:
                lead = t[a0 : cue.start()]
                if _NEW_CLAUSE.match(lead) or ADJUNCTS.match(lead):
                    continue  # "'' And in Fayetteville, he laughed", "'' but he denied"
                # up to 20 words: a name with an apposition or a relative clause ("Trent
                # Lott, who was Republican Senate majority leader under …, told")
                if words_in(lead, cap=21) <= 20:
                    # (not "“…,” host Dana Reyes spoke with X, who has said …": the
                    # relative clause reports speech of its own)
                    speaker = self.speaker_left(a0, cue.start(), relative=False)
            if speaker is None:
                continue
            # "On “Sunday Morning Futures,” Rep. Darrell Issa said Clinton's “judgment”
            # is in question": a cue followed at once by a clause of its own reports
            # that clause; the quoted stretch before it is a title, not its quote
            tail_from = speaker.end if a0 == cue.start() else cue.end()
            tail = t[tail_from : self.sentence_of(p, cue.start())[1]]
            if self.k.verb_forms.get(cue.group(0).lower()) in self.k.needs_object:
                hearer = _OBJECT_NP.match(tail.lstrip())  # "told ITV in an interview …"
                if hearer:
                    tail = tail.lstrip()[hearer.end():]
            if _OWN_CLAUSE.match(tail) and not _ADVERBIAL_START.match(tail.lstrip()) \
                    and not _TIME_ADJUNCT.match(tail) and "," not in " ".join(
                        tail.split()[:6]) \
                    and words_in(tail, cap=5) >= 4 and _has_clause(tail, self.k, 30):
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
            if cue is None or not (_CUE_TO_MARK.fullmatch(t[cue.end() : q.open])
                                   or _ADJUNCT_TO_MARK.fullmatch(t[cue.end() : q.open]) or (
                    self.k.verb_forms.get(cue.group(0).lower()) in self.k.needs_object
                    and _HEARER_TO_MARK.fullmatch(t[cue.end() : q.open]))):
                if colon:
                    end = s + len(before.rstrip()[:-1].rstrip())
                    # "the prime minister told the BBC: “…”": the speaker is before the
                    # cue, never its hearer
                    sp = self.speaker_left(s, cue.a) if cue is not None \
                        and cue.phrase.lower() not in self.k.direct_only else None
                    last = self.speaker_left(s, end) if sp is None else None
                    if last is not None and _OBJECT_BEFORE.search(t, max(s, last.start - 12),
                                                                 last.start):
                        # "McConnell delivered a blunt message to Trump: “…”": the one
                        # addressed is not the speaker
                        last = None
                    if last is not None and cue is not None \
                            and not t[cue.end() : last.start].strip() \
                            and self.k.verb_forms.get(cue.group(0).lower()) in self.k.needs_object:
                        # "Mr. Trump expressed admiration …, telling CNBC: “…”": the
                        # hearer; a participle's speaker is the main clause's subject
                        last = self.main_speaker(s, cue.start()) \
                            if cue.group(0).lower().endswith("ing") else None
                    sp = sp or last
                    verb = _VERB_AT_END.search(t[s:end])
                    if sp is None and verb:  # "Lopez smiled: ‘Ask me on Friday.’"
                        sp = self.speaker_left(s, s + verb.start() + 1)
                    if sp is None and words_in(t, s, end, cap=21) <= 20:
                        # "He also played up his strength in a general election: “…”":
                        # the subject of a short lead-in sentence
                        sp = self.subject(s, end)
                    if sp is not None:
                        self.add(Quote(q.body, q.close, "direct", ":", q.open - 1, sp, p,
                                       rule="colon"))
                        used.add(qi)
                continue
            sp = self.speaker_left(s, cue.start())
            if sp is None and self.k.verb_forms.get(cue.group(0).lower()) not in \
                    self.k.needs_object:
                # "said Smith, “…”"; but "telling Reuters, “…”": the hearer, not the speaker
                sp = self.speaker_right(cue.end(), q.open)
            if sp is None and cue.phrase.endswith("ing") and (
                    t[s : cue.a].rstrip().endswith(",")
                    or _GERUND_LINK.search(t, s, cue.a)):
                # "Williams lobbied to suspend open carry, saying, “…”", "McConnell
                # deflected questions before saying, “…”": the sentence's subject, or
                # the speaker of a cue before it in the sentence
                sp = self.main_speaker(s, cue.start())
            if sp is None:
                continue
            self.add(Quote(q.body, q.close, "direct", cue.group(0), cue.start(), sp, p,
                           rule="cue before quote"))
            used.add(qi)
        # 3. reported speech around the remaining cues
        for cue in self.cues_in(block.start, block.end):
            if _inside(cue.start(), pspans) or self.claimed(cue.start()) \
                    or cue.phrase.lower() in self.k.direct_only:
                continue
            self.reported(p, block, pairs, cue)
        # 4. quoted stretches without a cue
        for qi, q in enumerate(pairs):
            if qi in used or self.claimed(q.body):
                continue
            self.uncued(p, q, pairs)

    def introduces_next(self, q: Pair, cue: Hit, nxt: Pair | None) -> bool:
        """True when a cue after ``q`` introduces the next quotation instead ("“Good
        Morning America” Tuesday, he said, “I never …”"): only a speaker and a comma or
        colon stand between the cue and the next opening mark, and ``q`` does not end
        in a comma as the first half of a split quotation does."""
        if nxt is None or self.t[q.body : q.close].rstrip().endswith(","):
            return False
        between = self.t[cue.b : nxt.open].rstrip()
        return between.endswith((",", ":")) and words_in(between, cap=6) <= 5

    def attach_direct(self, p: int, q: Pair, pairs: list[Pair], cue: re.Match,
                      speaker: Mention, rule: str) -> None:
        s = self.clause_start(p, q.open, pairs)
        lead = self.t[s : q.open]
        # words before the mark make the quote mixed ("said the offer was “fair”"),
        # unless they end in a comma or colon that introduces it ("X weighed in,
        # telling Mic on Monday, “…,” he said")
        if words_in(lead, cap=1) >= 1 and not _SENT_END.search(lead.rstrip()[-1:] or ".") \
                and not lead.rstrip().endswith((",", ":")):
            self.add(Quote(s, (q.stop if q.closed else q.close), "mixed", cue.group(0),
                           cue.start(), speaker, p, rule=rule))
        else:
            self.add(Quote(q.body, q.close, "direct", cue.group(0), cue.start(), speaker, p,
                           rule=rule))

    def reported(self, p: int, block: Any, pairs: list[Pair], cue: re.Match) -> None:
        t, k = self.t, self.k
        word = cue.group(0).lower()
        s, e = self.sentence_of(p, cue.start())
        # extend the sentence over quotes that the splitter cut inside
        for q in pairs:
            if q.open < e < q.close:
                e = min(block.end, q.stop)
        if word in ("according to", "in the words of"):
            sp = self.speaker_right(cue.end(), e)
            if sp is None or sp.kind == "group" and t[cue.end() : sp.start].strip():
                # "according to three council staff members": the whole noun phrase
                sp = self.phrase_source(cue.end(), e, p) or sp
            if sp is None:
                return
            a0 = s
            earlier = [c for c in self.cues_in(s, cue.start()) if c.end() <= cue.start()]
            if earlier:
                # "…, as the Times reported on Tuesday, and he will …, according to three
                # people briefed": the clause after the earlier cue's conjunction
                joins = list(_AND_CLAUSE.finditer(t, earlier[-1].end(), cue.start()))
                if joins:
                    a0 = joins[-1].end()
            lead = t[a0 : cue.start()].rstrip(" ,")
            if words_in(lead, cap=3) >= 3:
                self.content(p, pairs, a0, a0 + len(lead), sp, cue, "according to (after)")
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
        if word.endswith("ing") and (before_cue.endswith((",", ",”", ',"', ",’", ",''"))
                                     or _GERUND_LINK.search(t, s, cue.start())):
            # "…, warning that …": the subject of the main clause speaks, the speaker of
            # its own cue when it has one, also after a quote's comma ("… has “expanded
            # the party,” claiming that …") or a linking word ("…,” Clinton said, while
            # arguing …") ("“…” are sickening, Hollande said in Paris,
            # noting the Republican nominee “…”"), not the name before the comma ("he
            # rose to the defense of Sepp Blatter, …, saying …")
            left = self.main_speaker(s, cue.start()) or left
        if ends_with_conjunction(before_cue):
            # "X said … but warned …"; else the sentence's subject: "Clinton, who …, did
            # not mention Trump by name, but told city leaders that …"; a quote found
            # before in the sentence speaks for it, not the subject of that quote's
            # clause ("Sean Spicer said the Republican Party was not in a crisis, and
            # urged that …")
            prev = [q for q in self.quotes_starting_in(s, cue.start()) if q.speaker]
            left = prev[-1].speaker if prev else left or self.main_speaker(s, cue.start())
        right = None
        if left is None and (not before_cue or before_cue[-1] in ",”\"’"):
            if lemma not in k.needs_object:  # "told lawmakers": the hearer, not the speaker
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
        as_cue = _AS_BEFORE.search(lead) if left else None
        if as_cue and words_in(lead[: as_cue.start()], cap=3) >= 3 \
                and _TAIL_IS_END.match(t, after_from, e):  # (not "as the UN warns of …")
            # "Roger Ailes also met with Mr. Trump that day, as The New York Times
            # reported on Tuesday, and he will …": "as X reported" vouches for the clause
            # before it; what follows is not its content
            a0 = s + len(_LEADING_CONJUNCTION.match(lead).group(0))
            self.content(p, pairs, a0, s + as_cue.start(), speaker, cue, "content before cue")
            return
        if left and not lead.rstrip().endswith(","):
            lead = lead[: lead.rfind(",") + 1]  # drop title words before the name
        if left and WHO_GAP.match(t, left.end, cue.start()):
            lead = ""  # "…, Paul Whitlock, who has said that …": the content follows
        tail = t[after_from:e]
        tail_is_end = _TAIL_IS_END.match(tail)
        if not tail_is_end and lemma in k.needs_object:
            # "…, Grassley told POLITICO.", "…, Smith told reporters on Monday."
            rest_low = tail.lstrip().lower()
            aud = next((len(w) for w in k.audiences if rest_low.startswith(w)
                        and not rest_low[len(w) : len(w) + 1].isalnum()), None)
            hearer = _OBJECT_NP.match(tail.lstrip())
            end = aud if aud is not None else hearer.end() if hearer else None
            rem = tail.lstrip()[end:] if end is not None else ""
            tail_is_end = end is not None and _TAIL_IS_END.match(rem) and not any(
                w.group(0).lower() in k.clause_subjects for w in islice(WORD.finditer(rem), 8))
        # "Prices rose in May; inflation will ease, she added.": the content is the
        # clause after the semicolon or dash, the first clause is the writer's
        cut = _CLAUSE_BREAK.search(lead)
        if cut and all(not (s < q.open < s + cut.end() < q.close) for q in pairs):
            s, lead = s + cut.end(), lead[cut.end() :]
        mid = _PARENTHETICAL_TAIL.match(tail) if left and lead.rstrip().endswith(",") else None
        if mid and words_in(t, after_from + mid.end(), e, cap=2) >= 2:
            # "Those who now have the right to vote, he said, must still register.": an
            # attribution inside the sentence; the words on either side are the content,
            # except a leading adjunct ("At one point, she said, she was …")
            lead_end = s + len(lead.rstrip().rstrip(",").rstrip())
            a0 = s + len(_LEADING_CONJUNCTION.match(lead).group(0))
            adjunct = LEADING_ADJUNCT.match(t[a0:lead_end] + ", ")
            if not (adjunct and adjunct.end() >= lead_end - a0) \
                    and words_in(t, a0, lead_end, cap=2) >= 2:
                self.content(p, pairs, a0, lead_end, speaker, cue, "content around cue")
            if not _ADVERBIAL_START.match(t, after_from + mid.end()):
                self.content(p, pairs, after_from + mid.end(), e, speaker, cue,
                             "content around cue")  # not "…, the White House said, amid …"
            return
        # a lead that is an adverbial ("Even after the complaint was filed, X continued
        # to say …", "On Tuesday, X wrote") is the writer's, not the content
        if lead.rstrip().endswith(",") and words_in(lead, cap=3) >= 3 and tail_is_end \
                and not ADJUNCTS.fullmatch(lead.lstrip()):
            self.content(p, pairs, s, s + len(lead.rstrip().rstrip(",").rstrip()), speaker, cue,
                         "content before cue")
            return
        # content after the cue: X said (that) …
        a = after_from
        rest = t[a:e]
        to_cue = _TO_VERB.match(rest)
        if to_cue and to_cue.group(1).lower() in k.verb_forms:
            return  # "continued to say that …": the second cue reports it
        mt = _ADJUNCT_TO_THAT.match(rest) \
            if lemma in k.needs_object or not _THAT.match(rest) else None
        if mt and mt.end() and (lemma in k.needs_object or not _WORDS_THEN_THAT.match(rest)
                                or _TIME_ADJUNCT.match(rest)):
            a += mt.end()
            rest = t[a:e]
        elif lemma in k.needs_object:
            low = rest.lstrip().lower()
            skip = len(rest) - len(rest.lstrip())
            hearer_end = next((len(aud) for aud in k.audiences
                               if low.startswith(aud + " ") or low.startswith(aud + ",")),
                              None)
            if hearer_end is None and not low.startswith("that"):
                m = _OBJECT_NP.match(rest.lstrip())
                if m:
                    hearer_end = m.end()
                elif not _has_clause(rest, k):
                    return
            if hearer_end is not None:
                skip += hearer_end
                after = rest.lstrip()[hearer_end:]
                if _PLACE_TIME_ADJUNCT.match(after):
                    # "told ITV on Monday he would …", "telling reporters on Thursday he
                    # viewed …", "told the Times Tuesday morning that …": the clause
                    # after the adjunct; "told ITV in an interview aired on Monday": none
                    subj = next((w for w in islice(WORD.finditer(after), 8)
                                 if w.group(0).lower() in k.clause_subjects
                                 or w.group(0).lower() == "that"), None)
                    if subj is None:
                        return
                    skip += subj.start()
            a += skip
            rest = t[a:e]
        m = _THAT_OR_COLON.match(rest)
        a += m.end()
        has_that = "that" in m.group(0) or ":" in m.group(0)
        # "While Sanders has pledged to support Clinton, Devine suggested that …": the
        # content ends where a later cue's own speaker starts its clause
        for later in self.cues_in(a, e):
            if "," not in t[a : later.start()]:
                continue  # (no clause joined before it: skip the look-up)
            other = self.speaker_left(a, later.start())
            join = _JOIN_END.search(t, a, other.start) if other is not None else None
            if join is not None:
                e = join.start()  # (", and Jones said that …" too)
                break
        content = t[a:e]
        inner_pairs = [q for q in pairs if a <= q.open < e]
        if not content.strip():
            return
        # "say" almost never takes a noun object, so its clause may have a long subject
        window = 30 if lemma == "say" else 14
        if not (has_that or inner_pairs or _has_clause(content, k, window)):
            return
        if (content.lstrip()[:1] in DOUBLE_OPEN + DOUBLE_STRAIGHT
                or content.lstrip().startswith("''")) and not has_that and (
                    not inner_pairs or self.claimed(inner_pairs[0].body)
                    or lemma in k.needs_object):
            # a quote straight after the cue was handled as direct; one that was not
            # ("Trump says “the game is soft” because “…”", no comma) is read here
            return
        self.content(p, pairs, a, e, speaker, cue, "content after cue",
                     need_clause=not (has_that or inner_pairs), window=window)

    def content(self, p: int, pairs: list[Pair], a: int, b: int, speaker: Mention,
                cue: re.Match, rule: str, need_clause: bool = False, window: int = 14
                ) -> None:
        t = self.t
        seg = t[a:b]
        inner = [q for q in pairs if a <= q.open < b]
        taken = next((q for q in inner if self.claimed(q.body)), None)
        if taken is not None:
            # a quotation already attributed as a direct quote ends the reported words
            # ("telling Mic in an interview on Monday, “…,” he said")
            b, need_clause = taken.open, True
            inner = [q for q in inner if q.open < b]
            if _ADVERBIAL_START.match(t, a) or not t[a:b].strip(" ,:"):
                return
            seg = t[a:b]
        # a cut inside a quoted stretch does not count ("“…; …”"); one before a later
        # quoted stretch does ("he was “outraged”, arguing that “…”")
        # before a trailing attribution ("…, officials said") the words up to it are
        # what was said: only a semicolon ends them, not "…, though …", "…, including …"
        cut = _SEMICOLON if rule == "content before cue" else _CUT_CONTENT
        m = cut.search(seg)
        while m and any(q.open < a + m.start() < q.stop for q in inner):
            m = cut.search(seg, m.end())
        if m:
            b = a + m.start()
            kept = [q for q in inner if q.open < b]
            # the quoted words that excused a clause were cut off: ask for one again
            need_clause = need_clause or bool(inner) and not kept
            inner = kept
        last_close = max((q.stop for q in inner), default=a)
        if m:
            # a concessive clause cut off leaves the clause the check already passed
            need_clause = need_clause and not _CONCESSIVE.match(m.group(0))
        for c in self.cues_in(a, b):
            # "X has argued that Y, two people familiar with her thinking said.": the
            # trailing attribution belongs to the whole sentence, not to X's content
            if not _END_ONLY.fullmatch(t, c.end(), b) or _inside(
                    c.start(), [(q.open, q.stop) for q in pairs]):
                continue
            comma = t.rfind(",", a, c.start())
            sp = self.speaker_left(comma + 1, c.start()) if comma > a else None
            if sp is not None and sp.start > comma \
                    and _ARTICLE_ONLY.fullmatch(t, comma + 1, sp.start):  # ", the Courier said"
                b = comma
                break
        for c in self.cues_in(a, b):  # "… is still possible but warn time is running out"
            before = t[a : c.start()]
            if ends_with_conjunction(before) and not _inside(
                    c.start(), [(q.open, q.stop) for q in pairs]):
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
        if b <= a or words_in(t, a, b, cap=2) < 2:
            return
        if need_clause and not _has_clause(t[a:b], self.k, window):
            return  # "urged both sides to return …, warning that …": cut to no clause
        kind = "mixed" if any(a <= q.open < b for q in pairs) else "indirect"
        self.add(Quote(a, b, kind, cue.group(0), cue.start(), speaker, p, rule=rule))

    def split_quote_speaker(self, p: int, q: Pair) -> Quote | None:
        """The quote whose attribution splits a quotation in two ("“This used to be
        Russia's back yard,” said Raffaello Pantucci, director of …, “but it is …”"):
        a direct quote of this paragraph whose cue stands between it and ``q``, with
        no sentence end between the cue and ``q``."""
        for x in reversed(self._in_paragraph.get(p, ())):
            if x.kind != "direct" or x.end > q.open:
                continue
            if x.cue_start is None or x.speaker is None or not x.end <= x.cue_start < q.open:
                return None
            if SENTENCE_STOP.search(ABBREVIATION.sub("", self.t[x.cue_start : q.open])):
                return None
            if not self.t[x.cue_start : q.open].rstrip().endswith((",", ":")):
                return None  # "… said in an interview aired on “New Day.”": a title
            return x
        return None

    def floating_speaker(self, p: int, q: Pair) -> tuple[Mention | None, str]:
        """The speaker of a quote that opens its sentence with no cue, in this order:
        the last quote before it in its paragraph; a lead-in line ending in a colon
        just before its paragraph ("Mo Elleithee, director of …, said:"); a quote with a
        cue later in its paragraph (news style attributes a paragraph once, "“…” He
        paused. “…,” Mr. Butterfield said."); the last quote of the paragraph before."""
        # only this paragraph's quotes and the one before's are ever consulted
        by_start = sorted(sorted(self._in_paragraph.get(p - 1, []) + self._in_paragraph.get(p, []),
                                 key=lambda x: self._seq[id(x)]), key=lambda x: x.start)
        here = [x for x in by_start if x.paragraph == p and x.start < q.open]
        if here:
            return here[-1].speaker, "floating"
        block = self.body[p]
        opens_paragraph = not self.t[block.start : q.open].strip()
        if opens_paragraph and p > 0 and self.body[p - 1].text.rstrip().endswith(":"):
            sp = self.lead_in_speaker(p - 1)
            if sp is not None:
                return sp, "lead-in line"
        later = [x for x in by_start if x.paragraph == p and x.start > q.open
                 and x.cue is not None and not x.floating and x.speaker is not None]
        if later:
            return later[0].speaker, "floating (attribution later in the paragraph)"
        if not opens_paragraph:
            # "Clinton touted her credentials as a co-sponsor. “We need to find ways …”":
            # a quote after a sentence of its own paragraph is that sentence's subject's
            s, _ = self.sentence_of(p, q.open - 1)
            if s < q.open and words_in(self.t, s, q.open, cap=41) <= 40:
                subject = self.subject(s, q.open)
                if subject is not None and subject.kind in ("person", "pronoun") \
                        and not subject.possessive:
                    return subject, "floating (subject of the sentence before)"
        prev = [x for x in by_start if x.paragraph == p - 1]
        return (prev[-1].speaker if prev else None), "floating"

    def lead_in_speaker(self, p: int) -> Mention | None:
        """The speaker of a paragraph ending in a colon: before or after its last cue
        ("…, said:", "said Smith:"), else the first person it names ("Jane Smith,
        director of …:")."""
        block = self.body[p]
        end = block.start + len(block.text.rstrip()) - 1  # the colon
        s, _ = self.sentence_of(p, end - 1)
        cues = self.cues_in(s, end)
        if cues:
            cue = cues[-1]
            return self.speaker_left(s, cue.a) or self.speaker_right(cue.b, end)
        if words_in(self.t, s, end, cap=31) > 30:
            return None
        # the subject after any leading adjunct ("When Wallace died in 1998, President
        # Clinton released the following statement:"), else the first person named
        subject = self.subject(s, end)
        if subject is not None and subject.kind in ("person", "org", "media", "country"):
            return subject
        return next((m for m in self.between(s, end) if m.kind == "person"), None)

    def interview_roles(self) -> dict[str, Mention | None]:
        """The people behind an interview's ``Q:`` and ``A:`` labels, found once, from the
        key the introduction gives ("In the exchange below, Q is Ms. Klein and A is Ms.
        Morales"). Without a key the labels stay unattributed: a guess from who is
        named most often proved wrong more often than right."""
        if self._interview is not None:
            return self._interview
        persons = [x for x in self.mentions if x.kind == "person" and not x.in_quote]
        roles: dict[str, Mention | None] = {"Q": None, "A": None}
        for key in _INTERVIEW_KEY.finditer(self.t):
            role = _UNNAMED_TURNS[key.group(1)]
            roles[role] = next((x for x in persons if key.start(2) <= x.start < key.end()),
                               roles[role])
        self._interview = roles
        return roles

    def transcript_turn(self, p: int, block: Any) -> bool:
        """A turn of a transcript: "Mr Malone: We have farmed here …", "SMITH: …". The
        words after the speaker's label are their direct quote. True when added."""
        m = _TURN_LABEL.match(block.text)
        if m is None:
            return False
        a, b = block.start + m.start(1), block.start + m.end(1)
        label = m.group(1).rstrip(".")
        if label in _UNNAMED_TURNS:
            # "Q:"/"A:": the interviewer and the interviewee the introduction names
            found = self.interview_roles()[_UNNAMED_TURNS[label]]
            speaker = Mention(a, b, m.group(1), "person", found.name, paragraph=p) \
                if found is not None else None
        else:
            speaker = next((x for x in self.between(a, b) if x.kind == "person"), None)
        if speaker is None and m.group(1).isupper():
            label = m.group(1).split()[-1]  # "SMITH": the person of that surname
            owner = next((x for x in self.mentions if x.kind == "person"
                          and x.name.split()[-1].upper() == label), None)
            if owner is not None:
                speaker = Mention(a, b, m.group(1), "person", owner.name, paragraph=p)
        if speaker is None:
            return False
        end = block.start + len(block.text.rstrip())
        self.add(Quote(block.start + m.end(), end, "direct", ":", b, speaker, p,
                       rule="transcript turn"))
        return True

    def uncued(self, p: int, q: Pair, pairs: list[Pair]) -> None:
        t = self.t
        s = self.clause_start(p, q.open, pairs)
        lead = t[s : q.open]
        n_words = words_in(t, q.body, q.close, cap=13)  # compared with 2 to 12
        if not lead.strip():
            if n_words < 2:
                return
            speaker, rule = self.floating_speaker(p, q)
            self.add(Quote(q.body, q.close, "direct", None, None, speaker, p,
                           floating=True, rule=rule))
            return
        split = self.split_quote_speaker(p, q)
        if split is not None:
            self.add(Quote(q.body, q.close, "direct", split.cue, split.cue_start, split.speaker,
                           p, rule="second part of a split quote"))
            return
        named = self.naming_speaker(s, q.open)
        if named is not None and n_words <= 12:
            sp, verb = named
            self.add(Quote(q.body, q.close, "direct", verb.group(1), verb.start(1), sp, p,
                           rule="naming verb"))
            return
        docs = self._documents[bisect_left(self._document_starts, s):
                               bisect_left(self._document_starts, q.open)]
        if docs and n_words >= 3:
            self.add(Quote(q.body, q.close, "direct", None, None, docs[-1], p,
                           rule="quoted document"))
            return
        if n_words >= 8:
            self.add(Quote(q.body, q.close, "direct", None, None, None, p,
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
        block.text.lstrip()) and q.start == after[0].body


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

