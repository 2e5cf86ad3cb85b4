"""Quote extraction: direct, mixed, indirect and floating quotes with their speaker.

The passes run paragraph by paragraph: cues right after a closing mark ("“…,” he said")
and right before an opening one ("X said: “…”") here; then reported speech around the
remaining cues (:mod:`analysis.quotes.reported_speech`); then quotations without a cue
and transcript turns (:mod:`analysis.quotes.uncued_quotes`). A quotation continued over
paragraphs is joined into one quote at the end.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from analysis.quotes.found_quotes import Quote, inside_any
from analysis.quotes.marks import Pair
from analysis.quotes.mentions import Mention
from analysis.quotes.phrase_matcher import Hit
from analysis.quotes.reported_speech import (
    ADVERBIAL_START,
    GERUND_LINK,
    OBJECT_NP,
    TIME_ADJUNCT,
    ReportedSpeech,
    has_clause,
)
from analysis.quotes.speaker_search import ADJUNCTS, ends_with_conjunction, words_in
from analysis.quotes.uncued_quotes import UncuedQuotes

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

__all__ = ["Quote", "extract_quotes"]

_AFTER_CLOSE = re.compile(r"[,.!?…]?\s*")
# between a cue and its quotation mark: up to four short words ("said at a press
# conference, “…”", "told reporters: “…”")
_CUE_TO_MARK = re.compile(r"\s*(?:[A-Z]?[a-z]+\s+){0,3}?(?:[A-Z]?[a-z]+)?[:,]?\s*")
# a hearer and a short adjunct between a cue and its quote: "told reporters in Nashua
# last week, “…”" (never "that")
_HEARER_TO_MARK = re.compile(
    r"\s*(?:(?!that\b)(?:[A-Z]?[a-z’']+|[A-Z]{2,})\s+){0,6}?(?!that\b)(?:[A-Z]?[a-z]+|[A-Z]{2,})"
    r"[:,]\s*")  # ("told POLITICO, “…”")
# an adjunct of place or time between a cue and its quote: "Clinton said at a Fox News
# town hall on Monday, “…”"
_ADJUNCT_TO_MARK = re.compile(r"\s+(?:at|in|on|during|after|before|from)\s+"
                              r"(?:(?!that\b)[\w’'.-]+\s+){0,7}?[\w’'.-]+,\s*")
# a question the quote answers, after the cue (and its hearer): "told Congress when
# asked last month about the email inquiry: “…”"
_ASKED_TO_MARK = re.compile(r"\s*(?:(?!that\b)[A-Z]?[a-z’']+\s+){0,3}?(?:when|after|as)\s+"
                            r"(?:being\s+|he\s+was\s+|she\s+was\s+)?asked\b"
                            r"[^.;:“”\"]{0,80}[:,]\s*")
_WHEN_BEFORE = re.compile(r"\b(?:when|after|as)\s+(?:being\s+|he\s+was\s+|she\s+was\s+)?$")
_VERB_AT_END = re.compile(r"\s+[a-z]+(?:ed|s)$")
# what follows a cue when a clause of its own starts there: a word, no comma or stop
_OWN_CLAUSE = re.compile(r"\s+[\w“\"‘']")
# a lead after a closing mark that starts a new clause, not an attribution
_NEW_CLAUSE = re.compile(r"(?:and|but|or|so|yet|while|as|because|although|though|when|"
                         r"after|before|if|then|even)\b", re.I)
# a mention right after one of these is an object, not a speaker ("a message to Trump:")
_OBJECT_BEFORE = re.compile(r"\b(?:to|for|with|about|against|at|on|of|from|toward|towards)"
                            r"\s+(?:the\s+)?$", re.IGNORECASE)
# a source named as where the quotation comes from: "More from the report: “…”", "- Pew
# Research: “…”" (its own line), "From Jones: “…”"
_FROM_SOURCE = re.compile(r"(?:^|[-–—.!?]\s+|[-–—]\s*)(?:[Mm]ore\s+)?[Ff]rom\s+(?:the\s+)?$")
_SENT_END = re.compile(r"[.!?…]")
_ADJUNCT_THAT = re.compile(r"\s*(?:,\s*[^,.;“”\"]{1,40},)?\s*that\s+(?!(?:night|day|morning|"
                           r"afternoon|evening|week|weekend|month|year|time|point)\b)")


class _Extractor(ReportedSpeech, UncuedQuotes):
    """The passes that find quotes in each paragraph, in order."""

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
            if a0 == cue.start() and cue.group(0).lower().endswith("ing") \
                    and self.k.verb_forms.get(cue.group(0).lower()) in self.k.needs_object:
                # "… as “fantastic,” telling reporters during a visit to Scotland that …":
                # what follows is the hearer; the participle's speaker is the main
                # clause's (but "“…?” asked Mr. Manafort": the one who asks)
                speaker = self.main_speaker(self.clause_start(p, q.open, pairs), cue.start())
            elif a0 == cue.start():
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
                    if speaker is not None and "," in t[a0 : speaker.start] \
                            and self.sentence_of(p, a0)[0] >= a0:
                        # "“… Statue of Liberty bows head in anguish.” This sort of
                        # opining, CNN claimed, violates …": a sentence of its own after
                        # the quote, its subject after a comma, is no attribution (but
                        # "“…” Mayor John Smith said.", "“…!” the nominee, Donald Trump,
                        # tweeted" are)
                        speaker = None
            if speaker is None:
                continue
            # "On “Sunday Morning Futures,” Rep. Darrell Issa said Clinton's “judgment”
            # is in question": a cue followed at once by a clause of its own reports
            # that clause; the quoted stretch before it is a title, not its quote
            tail_from = speaker.end if a0 == cue.start() else cue.end()
            tail = t[tail_from : self.sentence_of(p, cue.start())[1]]
            if self.k.verb_forms.get(cue.group(0).lower()) in self.k.needs_object:
                hearer = OBJECT_NP.match(tail.lstrip())  # "told ITV in an interview …"
                if hearer:
                    tail = tail.lstrip()[hearer.end():]
            if _OWN_CLAUSE.match(tail) and not ADVERBIAL_START.match(tail.lstrip()) \
                    and not TIME_ADJUNCT.match(tail) and "," not in " ".join(
                        tail.split()[:6]) \
                    and words_in(tail, cap=5) >= 4 and has_clause(tail, self.k, 30) \
                    or _ADJUNCT_THAT.match(tail):
                # (also "“….” She also said, without evidence, that “…”": the cue's
                # "that" reports what follows, not the quote before it)
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
            cues = [c for c in self.cues_in(s, q.open)
                    if not (c.group(0).lower() == "asked"
                            and _WHEN_BEFORE.search(t, max(s, c.start() - 14), c.start()))]
            cue = cues[-1] if cues else None
            colon = before.rstrip().endswith(":")
            if cue is not None and cue.group(0)[0].isupper() and " " not in cue.group(0):
                # "Said Dorothy Poynter, who grew up with Ali, “We were all so proud of
                # him.”": a sentence opened by its cue, then the speaker
                sp = self.speaker_right(cue.end(), q.open)
                if sp is not None:
                    self.add(Quote(q.body, q.close, "direct", cue.group(0), cue.start(), sp,
                                   p, rule="cue before quote"))
                    used.add(qi)
                continue
            if cue is None or not (_CUE_TO_MARK.fullmatch(t[cue.end() : q.open])
                                   or _ADJUNCT_TO_MARK.fullmatch(t[cue.end() : q.open])
                                   or _ASKED_TO_MARK.fullmatch(t[cue.end() : q.open]) or (
                    self.k.verb_forms.get(cue.group(0).lower()) in self.k.needs_object
                    and _HEARER_TO_MARK.fullmatch(t[cue.end() : q.open]))):
                if colon:
                    end = s + len(before.rstrip()[:-1].rstrip())
                    # "the prime minister told the BBC: “…”": the speaker is before the
                    # cue, never its hearer
                    sp = self.speaker_left(s, cue.a) if cue is not None \
                        and cue.phrase.lower() not in self.k.direct_only else None
                    last = self.speaker_left(s, end) if sp is None else None
                    if sp is None and last is None:
                        # "More from the report: “…”", "- More from Jones: “…”"
                        named = [m for m in self.between(s, end) if m.end == end]
                        if named and _FROM_SOURCE.search(t[s : named[-1].start]):
                            last = named[-1]
                    if last is not None and _OBJECT_BEFORE.search(t, max(s, last.start - 12),
                                                                 last.start) \
                            and not _FROM_SOURCE.search(t[s : last.start]):
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
                    or GERUND_LINK.search(t, s, cue.a)):
                # "Williams lobbied to suspend open carry, saying, “…”", "McConnell
                # deflected questions before saying, “…”": the sentence's subject, or
                # the speaker of a cue before it in the sentence
                sp = self.main_speaker(s, cue.start())
            if sp is None and ends_with_conjunction(t[s : cue.a]):
                # "Suu Kyi, 70, said it was too early … but added, “…”": the subject of
                # the verb the cue is coordinated with
                sp = self.main_speaker(s, cue.start())
            if sp is None:
                continue
            self.add(Quote(q.body, q.close, "direct", cue.group(0), cue.start(), sp, p,
                           rule="cue before quote"))
            used.add(qi)
        # 3. reported speech around the remaining cues
        for cue in self.cues_in(block.start, block.end):
            if inside_any(cue.start(), pspans) or self.claimed(cue.start()) \
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
