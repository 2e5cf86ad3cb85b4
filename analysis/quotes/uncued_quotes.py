"""Quotations with no cue next to them, and transcript turns.

A quotation that opens its sentence takes the speaker of the quote before it in its
paragraph, of a lead-in line ending in a colon, of a cue later in the paragraph, or of
the sentence before it; the second half of a quotation split by its attribution takes
the first half's; a quoted phrase after a naming verb ("called it “…”") or a document
named before it takes those; a long quotation without any stays unattributed. A
transcript's turn ("Mr Malone: …", "Q: …") is its speaker's direct quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from analysis.quotes.found_quotes import FoundQuotes, Quote
from analysis.quotes.marks import Pair
from analysis.quotes.mentions import Mention
from analysis.quotes.speaker_search import ABBREVIATION, SENTENCE_STOP, words_in

# a transcript turn's label: "Mr Malone:", "SMITH:", "Janet Yellen:" opening a paragraph
_TURN_LABEL = re.compile(r"([A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){0,3}):[ \t]+(?=\S)")
# a signature line: a dash, then the name ("- Hillary Clinton.", "—President Obama,
# tweeting after Clinton's speech.")
_SIGNATURE = re.compile(r"\s*[-–—]{1,2}\s*(?=[A-Z])(?=[^\n]{2,150}$)")
_TITLE_WORDS = re.compile(r"(?:[A-Z][\w.’'-]*\s+){0,3}")
_CONNECTIVE_LEAD = re.compile(
    r"\s*(?:(?:and|but|now|still|yet|so|then|also|later|again|instead|however|indeed|"
    r"meanwhile|moreover)\b,?\s*){1,2}", re.I)
_UNNAMED_TURNS = {"Q": "Q", "Question": "Q", "A": "A", "Answer": "A"}
# an interview's key to its labels: "Q is Ms. Klein and A is Ms. Morales"
_INTERVIEW_KEY = re.compile(
    r"\b(Q|A|Question|Answer)\s+(?:is|was|stands for)\s+((?:[A-Z][\w.’'\-]*\s+){0,3}"
    r"[A-Z][\w’'\-]*)")


class UncuedQuotes(FoundQuotes):
    """The passes for quotations without a cue next to them."""

    _interview: dict[str, Mention | None] | None = None  # built when "Q:" is met

    def split_quote_speaker(self, p: int, q: Pair) -> Quote | None:
        """The quote whose attribution splits a quotation in two ("“This used to be
        Russia's back yard,” said Raffaello Pantucci, director of …, “but it is …”"):
        a direct quote of this paragraph whose cue stands between it and ``q``, with
        no sentence end between the cue and ``q``."""
        for x in reversed(self.in_paragraph.get(p, ())):
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
        by_start = sorted(sorted(self.in_paragraph.get(p - 1, []) + self.in_paragraph.get(p, []),
                                 key=lambda x: self.order[id(x)]), key=lambda x: x.start)
        here = [x for x in by_start if x.paragraph == p and x.start < q.open]
        if here:
            return here[-1].speaker, "floating"
        block = self.body[p]
        opens_paragraph = not self.t[block.start : q.open].strip()
        if opens_paragraph and p + 1 < len(self.body) \
                and not self.t[q.stop : block.end].strip(" .\n"):
            # "“I will look into it.” ¶ - Hillary Clinton.": a line of its own after
            # the quotation, a dash and the speaker's name, signs it
            sign = self.body[p + 1]
            dash = _SIGNATURE.match(sign.text)
            if dash:
                first = next(iter(self.between(sign.start + dash.end(), sign.end)), None)
                named = first if first is not None \
                    and first.kind in ("person", "org", "media", "name") \
                    and _TITLE_WORDS.fullmatch(self.t, sign.start + dash.end(), first.start) \
                    else None  # (after a title: "-President Obama, tweeting …")
                if named is not None:
                    return named, "signature line after the quote"
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
        # not a question's asker ("Le Pen told CNN … when asked which candidate she
        # would back. ¶ “…”": the one who answers goes on)
        prev = [x for x in by_start if x.paragraph == p - 1
                and not (x.cue and self.k.verb_forms.get(x.cue.lower()) == "ask")]
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
        if not lead.strip() or _CONNECTIVE_LEAD.fullmatch(lead):
            # ("But “…”", "Now, “…”": a connective alone opens the sentence too)
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
        docs = self.documents[bisect_left(self.document_starts, s):
                               bisect_left(self.document_starts, q.open)]
        if docs and n_words >= 3:
            self.add(Quote(q.body, q.close, "direct", None, None, docs[-1], p,
                           rule="quoted document"))
            return
        if n_words >= 8:
            self.add(Quote(q.body, q.close, "direct", None, None, None, p,
                           rule="long quote without cue"))
