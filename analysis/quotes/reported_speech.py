"""Reported speech: the content a cue reports when no quotation mark stands next to it.

"X said (that) …", "told … that", "according to X, …", "…, X added" after a semicolon
or a dash, content before a trailing attribution ("…, the White House said.") and
around one inside the sentence ("Those who …, he said, must still register"). Where the
content starts (after "that", a hearer, an adjunct) and where it stops (a new clause, a
later cue with its own speaker) are decided here; the speaker look-ups are
:class:`~analysis.quotes.speaker_search.SpeakerSearch`'s.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from analysis.quotes.found_quotes import FoundQuotes, Quote, inside_any
from analysis.quotes.knowledge import Knowledge
from analysis.quotes.marks import DOUBLE_OPEN, DOUBLE_STRAIGHT, Pair
from analysis.quotes.mentions import Mention
from analysis.quotes.speaker_search import (
    ADJUNCTS,
    LEADING_ADJUNCT,
    WHO_GAP,
    WORD,
    ends_with_conjunction,
    words_in,
)

# ("insisted that was not part of the deal": "that" is the subject before a verb)
_THAT_OR_COLON = re.compile(
    r"\s*(?:,\s*)?(?:that\b(?!\s+(?:was|is|were|are|would|will|has|had|could|should|can|may|"
    r"might|must|wasn’t|wasn't|isn’t|isn't|won’t|won't)\b)|saying(?:\s+that)?\b|:)?\s*")
_END_ONLY = re.compile(r"\s*[.!?…]?\s*")
_COMMA_SPACE = re.compile(r",\s*")
_TAIL_IS_END = re.compile(
    r"\s*(?:(?:in|on|at|during|to|after|before|late|earlier|later)\s+"
    r"(?:(?!\bthat\b)[^,.;]){0,40}|"
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"tonight)(?:\s+(?:morning|afternoon|evening|night))?)?"
    r"\s*(?:[,.;!?…]|$)")
_ADJUNCT_TO_THAT = re.compile(
    r"\s*(?:(?:in|on|at|during|to|after|before|late|earlier|last|this|"
    r"later|again|also|publicly|privately|repeatedly)\b[^,.;“”\"]{0,60}?\s|"
    r"(?:[\w’'\-]+\s+){1,4}?(?=that\b)|"
    # a short adjunct between commas: "revealed, somewhat stiltedly, that …", "said,
    # without evidence, that …"
    r",\s*(?:[a-z]+\s+){0,3}[a-z]+,\s*)?(?=that\b)")
# after a hearer verb, the hearer and its adjuncts up to "that": "told a crowded banquet
# hall at a hotel in downtown Baltimore that …"
_HEARER_TO_THAT = re.compile(r"\s*(?:[\w’'\-]+\s+){1,12}?(?=that\b)")
_THAT = re.compile(r"\s*that\b")
_WORDS_THEN_THAT = re.compile(r"\s*(?:[\w’'\-]+\s+){1,4}?that")
# an adjunct of place or time after a hearer ("told ITV in an interview", "on Monday")
_PLACE_TIME_ADJUNCT = re.compile(
    r"\s*(?:in|on|at|during|after|before|last|earlier|later|this|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
TIME_ADJUNCT = re.compile(
    r"\s*(?:in|on|at|during|to|after|before|late|earlier|last|this|later|again|"
    r"also|publicly|privately|repeatedly|today|yesterday|tonight|recently|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# after a cue inside a sentence ("…, he said, …"): an optional time or place, the comma
_PARENTHETICAL_TAIL = re.compile(
    r"\s*(?:(?:in|on|at|during|last|this|earlier|later)\b(?:(?!\bthat\b)[^,.;:“”\"]){0,40})?"
    r",(?!\d)\s*(?=\w)")
ADVERBIAL_START = re.compile(
    r"(?:amid|as|after|before|while|despite|because|since|when|during|following|in|on|at|"
    r"with|for|from|by|according|ahead|until|without|under|over)\b", re.I)
_TO_VERB = re.compile(r"\s*to\s+(\w+)")
_ARTICLE_ONLY = re.compile(r"\s*(?:[Tt]he\s+)?")
_SEMICOLON = re.compile(r";")
_CONCESSIVE = re.compile(r",\s+(?:though|although|even though|whereas)\b")
_LEADING_CONJUNCTION = re.compile(r"(?:(?:but|and|so|yet|still)\s+)?", re.I)
# the last semicolon or dash before a trailing attribution ("…; …, she added")
_CLAUSE_BREAK = re.compile(r"(?:;|\s[—–]|\s--)\s*(?!.*(?:;|\s[—–]\s|\s--\s))", re.S)
_SUBORDINATE_IN = re.compile(r"(?:^|\s|[—–])(?:while|whereas|although|though|because|but|"
                             r"when|if|since)\s|\s[—–]|\s--", re.I)
# (not "with": "with Gorka noting …" is Gorka's; not "of"/"from": "a report from Bloomberg
# saying …" is the report's)
_PREPOSITION_END = re.compile(r"\b(?:to|for|against|at|on|in)\s+(?:the\s+)?$", re.I)
_PREPOSITION_RELATIVE = re.compile(
    r"\b(?:in|at|during|on|with|from|by|through|after|before|under|for|of)\s+(?:which|whom)\s+"
    r"(?:\S+\s+){0,2}$", re.I)
_CLOSING_MARKS = "”\"’'"
_SUBORDINATE_START = re.compile(r"(?:When|If|After|Before|Because|Although|Though|While|"
                                r"Since|Once|Until|Unless)\b")
# a contracted auxiliary: "he’ll", "they’re", "we’ve", "she’d", "I’m", and "’s" after the
# words of _S_SUBJECTS only (elsewhere it is the possessive)
_CONTRACTED_VERB = re.compile(r"[’'](?:ll|re|ve|d|m|s)$")
# "he’s expecting", "it’s over": an "’s" after these is "is"/"has", not a possessive
_S_SUBJECTS = frozenset({"he", "she", "it", "that", "there", "what", "who", "here"})
_JOIN_END = re.compile(r",(?:\s+(?:and|but))?\s*$")
_AND_CLAUSE = re.compile(r",\s+(?:and|but)\s+")
# "…, as The New York Times reported": the speaker comes right after ", as"
_AS_BEFORE = re.compile(r",\s+as\s+(?:(?:the|a|an)\s+)?(?:[\w’'.-]+\s+){0,3}$", re.I)
# where reported content stops: a new clause ("; …", ", adding …", ", amid …") or a
# second verb phrase of the speaker ("insisted X was Y and rounded on …")
_CUT_CONTENT = re.compile(
    r";|\s+(?:and|but)\s+(?=\w+ed\b)|,\s+(?:and|but)\s+(?:he|she|they)\s+(?=\w+ed\b)|"
    # (", and he railed against …": the writer goes on about the speaker)
    r",\s+(?:amid|while|as|after|before|despite|even as|"
    r"adding|saying|according to|though|although|even though|whereas|compared (?:with|to))\b"
    # ", blaming rising costs": a participle clause is the writer's, not the content
    r"|(?:,|(?<=,[”\"’]))\s+"
    r"(?!(?:something|nothing|anything|everything|king|thing|spring|string|during|including|"
    r"regarding|concerning|excluding)\b)[a-z]{3,}ing\b")
# after the last quoted stretch of a mixed quote, an adverbial clause is the writer's
_ADVERBIAL_AFTER_QUOTE = re.compile(
    # ("as toll mounts", "as the crowd cheered"; not "as president")
    r"\s*,?\s+(?:as(?=\s+(?:(?:the|a|an|he|she|they|it|we|I|[A-Z]\w*)\b|\w+\s+\w+(?:s|ed)\b))|"
    r"amid|while|after|before|"
    r"despite|because|since|when(?!\s+it\s+comes\b)|during|following|ahead of)\b")
# relative pronouns that can be the object of a cue ("which China claims as its own");
# "where"/"when" cannot ("the Capitol, where Harry Reid told reporters that …")
_RELATIVES = frozenset({"which", "that", "who", "whom"})
# a gerund cue after one of these belongs to the sentence's subject ("McConnell deflected
# questions before saying, “…”")
GERUND_LINK = re.compile(r"\b(?:before|after|while|when|by|without|then|upon)\s+$",
                         re.IGNORECASE)
# the hearer after "told": "Fox News", "the committee", "Britain’s ITV television station"
OBJECT_NP = re.compile(r"^(?:[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}"
                        r"(?:(?:\s+(?:television|radio|news))?\s+(?:station|network|channel|"
                        r"newspaper|program|programme|show|magazine|website)\b"
                        r"(?:\s+[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})?)?"
                        r"|the\s+\w+(?:\s+\w+)?)")
_OBJECT_STARTS = frozenset(
    "a an the this that these those its their his her our my your some no".split())


def has_clause(content: str, k: Knowledge, window: int = 14) -> bool:
    """True when ``content`` reads as a clause (it has a finite verb in its first
    ``window`` words)."""
    ws = [m.group(0).lower() for m in islice(WORD.finditer(content), window)]
    if not ws:
        return False
    if ws[0] == "that" or ws[0] in k.clause_subjects:
        return True  # "said he visits the library": a subject pronoun opens a clause
    for j, w in enumerate(ws):
        contracted = _CONTRACTED_VERB.search(w) if "’" in w or "'" in w else None
        base = w[: contracted.start()] if contracted else ""
        if contracted and w.endswith("s") and base not in _S_SUBJECTS:
            contracted = None  # "Smith’s plan": a possessive
        if contracted and (j or base in k.clause_subjects or base in _S_SUBJECTS):
            return True  # "he’ll welcome advice", "she’d go", "the plan’d fail"
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


class ReportedSpeech(FoundQuotes):
    """The reported-speech pass over the cues that no quotation mark claimed."""

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
        # "than those who did none, the study"; "… that they lean left: 42% say …"
        rel_zone = rel_zone[max(rel_zone.rfind(","), rel_zone.rfind(":")) + 1 :]
        if left is not None and _RELATIVES & set(rel_zone.lower().split()[-4:]) \
                and not _PREPOSITION_RELATIVE.search(rel_zone):
            # "which China claims as its own": a relative clause, not speech (but "a
            # speech in which he pledged that …" is)
            return
        before_cue = t[s : cue.start()].rstrip()
        if word.endswith("ing") and (before_cue.endswith((",", ",”", ',"', ",’", ",''"))
                                     or GERUND_LINK.search(t, s, cue.start())):
            # "…, warning that …": the subject of the main clause speaks, the speaker of
            # its own cue when it has one, also after a quote's comma ("… has “expanded
            # the party,” claiming that …") or a linking word ("…,” Clinton said, while
            # arguing …") ("“…” are sickening, Hollande said in Paris,
            # noting the Republican nominee “…”"), not the name before the comma ("he
            # rose to the defense of Sepp Blatter, …, saying …")
            left = self.main_speaker(s, cue.start()) or left
        elif word.endswith("ing") and left is not None and not t[left.end : cue.start()].strip() \
                and _PREPOSITION_END.search(t, max(s, left.start - 10), left.start):
            # "Thiel wrote in a statement to Wired explaining why …": the object of a
            # preposition does not speak for the participle after it
            left = self.main_speaker(s, cue.start())
        if ends_with_conjunction(before_cue):
            # "X said … but warned …"; else the sentence's subject: "Clinton, who …, did
            # not mention Trump by name, but told city leaders that …"; a quote found
            # before in the sentence speaks for it, not the subject of that quote's
            # clause ("Sean Spicer said the Republican Party was not in a crisis, and
            # urged that …")
            left = self.last_quote_speaker(s, cue.start()) or left \
                or self.subject(s, cue.start())
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
            if _SUBORDINATE_IN.search(lead, lead.rfind(",") + 1):
                # "X has said …, pointing to … — while his supporters have complained": a
                # clause of its own, whose cue reports nothing before it
                lead = ""
            else:
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
            hearer = OBJECT_NP.match(tail.lstrip())
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
            if not ADVERBIAL_START.match(t, after_from + mid.end()):
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
        if lemma in k.needs_object and not (mt and mt.end()):
            mt = _HEARER_TO_THAT.match(rest)
        if mt and mt.end() and (lemma in k.needs_object or not _WORDS_THEN_THAT.match(rest)
                                or TIME_ADJUNCT.match(rest)):
            a += mt.end()
            rest = t[a:e]
        elif lemma in k.needs_object:
            low = rest.lstrip().lower()
            skip = len(rest) - len(rest.lstrip())
            hearer_end = next((len(aud) for aud in k.audiences
                               if low.startswith(aud + " ") or low.startswith(aud + ",")),
                              None)
            if hearer_end is None and not low.startswith("that"):
                m = OBJECT_NP.match(rest.lstrip())
                if m:
                    hearer_end = m.end()
                elif not has_clause(rest, k):
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
        if not (has_that or inner_pairs or has_clause(content, k, window)):
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
        quoted = [(q.open, q.stop) for q in pairs]
        while a < b and t[a] in " ,":
            a += 1  # "pledged that, if elected, he would …": the content after the comma
        seg = t[a:b]
        inner = [q for q in pairs if a <= q.open < b]
        taken = next((q for q in inner if self.claimed(q.body)), None)
        if taken is not None:
            # a quotation already attributed as a direct quote ends the reported words
            # ("telling Mic in an interview on Monday, “…,” he said")
            b, need_clause = taken.open, True
            inner = [q for q in inner if q.open < b]
            if ADVERBIAL_START.match(t, a) or not t[a:b].strip(" ,:"):
                return
            seg = t[a:b]
        # a cut inside a quoted stretch does not count ("“…; …”"); one before a later
        # quoted stretch does ("he was “outraged”, arguing that “…”")
        # before a trailing attribution ("…, officials said") the words up to it are
        # what was said: only a semicolon ends them, not "…, though …", "…, including …"
        cut = _SEMICOLON if rule == "content before cue" else _CUT_CONTENT
        m = cut.search(seg)
        while m and (any(q.open < a + m.start() < q.stop for q in inner)
                     or m.group(0).lstrip()[:1] in ("a", "b")
                     and not has_clause(seg[: m.start()], self.k)):
            # (not "the heat and unsettled weather could last": "and" + a word in -ed
            # is a second verb only after a clause)
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
            if not _END_ONLY.fullmatch(t, c.end(), b) or inside_any(
                    c.start(), quoted):
                continue
            comma = t.rfind(",", a, c.start())
            sp = self.speaker_left(comma + 1, c.start()) if comma > a else None
            if sp is not None and sp.start > comma \
                    and _ARTICLE_ONLY.fullmatch(t, comma + 1, sp.start):  # ", the Courier said"
                b = comma
                break
        # "Protest groups say the restrictions are …, and the American Civil Liberties
        # Union of Ohio has already sued the city": a clause with a named subject of its
        # own after ", and" is the writer's
        new_subject = self.coordinated_subject(a, b, quoted)
        if new_subject is not None:
            b = new_subject[0]
            inner = [q for q in inner if q.open < b]
        for c in self.cues_in(a, b):  # "… is still possible but warn time is running out"
            before = t[a : c.start()]
            if ends_with_conjunction(before) and not inside_any(
                    c.start(), quoted):
                b = a + len(before.rstrip()) - 3
                b -= t[a:b].endswith(" a")  # "and" is one letter longer than "but"
                while b > a and t[b - 1] == " ":
                    b -= 1
                inner = [q for q in inner if q.open < b]
                break
        if a > cue.start():
            ss = self.sentence_of(p, cue.start())[0]
            who = t.rfind(", who ", ss, cue.start())
            if _SUBORDINATE_START.match(t, ss) and "," not in t[ss : cue.start()] \
                    or who >= 0 and "," not in t[who + 1 : cue.start()]:
                # (also the cue of a ", who" clause: "Sanders, who endorsed Canova and
                # said he would campaign with him, ultimately did not show up")
                # "When Francis said Mr. Trump ''is not Christian'' in answering a
                # question, he served up …": the content ends with the clause
                # (a comma right before a closing mark ends the clause too: "Although
                # Weiner admitted … that he had “been friends for some time,” he claimed")
                comma = next((i for i in range(a, b) if t[i] == "," and (
                    t[i + 1 : i + 2] in _CLOSING_MARKS or not inside_any(i, quoted))), None)
                if comma is not None:
                    b = comma + 2 if t[comma + 1 : comma + 2] in _CLOSING_MARKS else comma
                    inner = [q for q in inner if q.open < b]
        # (the quoted stretches after a cut no longer hold the content open)
        last_close = max((q.stop for q in inner), default=a)
        b = max(b, min(last_close, len(t)))
        if inner and _ADVERBIAL_AFTER_QUOTE.match(t, last_close) and last_close < b:
            b = last_close
        while b > a and t[b - 1] in " ,.;:!?…":
            b -= 1
        if b <= a or words_in(t, a, b, cap=2) < 2:
            return
        if need_clause and not has_clause(t[a:b], self.k, window):
            return  # "urged both sides to return …, warning that …": cut to no clause
        kind = "mixed" if any(a <= q.open < b for q in pairs) else "indirect"
        self.add(Quote(a, b, kind, cue.group(0), cue.start(), speaker, p, rule=rule))
