"""Capitalised runs of a paragraph: the stretches that may name a speaker.

A run is a sequence of capitalised tokens (with the connectors a name may hold, "of",
"von"), split after a possessive ("China’s | Ministry of Foreign Affairs") and where a
sentence ends inside it, trimmed of trailing connectors, dates and a sentence's full
stop, and joined around "and" where two runs name one body ("the Food and Drug
Administration"). :mod:`analysis.quotes.mentions` says what each run is.
"""

from __future__ import annotations

import re
from typing import Any

from analysis.quotes.knowledge import Knowledge
from analysis.quotes.phrase_matcher import Hit

# "China’s", and a plural's or a name's in -s ("Sanders’ campaign")
_POSSESSIVE = re.compile(r"[’']s\b|(?<=s)[’'](?=\s)")
_PLURAL_POSSESSIVE = re.compile(r"[’'](?=\s+[a-z])")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_NON_SPACE = re.compile(r"\S+")
_FULL_STOP_WORD = re.compile(r"(\S+)\.(?=\s)")
_ARTICLE_BEFORE = re.compile(r"(?:\b[Tt]he|\b[Aa]n?) $")


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


def capitalised_runs(text: str, k: Knowledge) -> list[tuple[int, int, bool]]:
    """Capitalised runs of ``text`` as (start, end, ends_in_possessive), split after a
    possessive ("China’s | Ministry of Foreign Affairs") and trimmed of trailing
    connectors, dates and a sentence's full stop."""
    out = []
    not_names = k.not_names
    for m0 in k.run_re.finditer(text):
        raw = m0.group(0).replace("\xa0", " ")  # (a no-break space is a space here)
        if ". " not in raw and "’" not in raw and "'" not in raw and raw[-1] != ".":
            # plain words: the common case
            last = raw.rsplit(None, 1)[-1]
            if last not in not_names and last.lower() not in k.connectors:
                # "Bernie Sanders’ campaign": a possessive after a name in -s
                out.append((m0.start(), m0.end(), raw[-1] == "s" and _PLURAL_POSSESSIVE.match(
                    text, m0.end()) is not None))
            elif " " in raw:
                _trim_run(text, m0, k, out)
            continue
        # split where a sentence ends inside the run
        for m in (_split_at_sentence_end(text, m0, k) if ". " in raw else (m0,)):
            raw = m.group(0).replace("\xa0", " ")
            if "’" not in raw and "'" not in raw and not raw.endswith("."):
                last = raw.rsplit(None, 1)[-1]
                if last not in not_names and last.lower() not in k.connectors:
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
    names without an article ("Biden and White House officials"); "a" counts like "the"
    ("a Department of Health and Social Care spokesperson")."""
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
    if first and first[0] in ("The", "the", "A", "An"):
        first = first[1:]
    elif not _ARTICLE_BEFORE.search(text, max(0, a1 - 4), a1):
        return False
    second = text[a2:b2].split()
    if not first or not second:
        return False
    heads = k.head_rank
    if " ".join(first) in k.alias_side or text[a2:b2] in k.alias_side:
        return False
    # "the Department of Health and Social Care": opened by a head word with "of", the
    # name goes on after "and" even when "Health" is a head word of its own
    if len(first) >= 3 and first[0].lower() in heads and first[1] in ("of", "for"):
        return True
    return first[-1].lower() not in heads and second[-1].lower() in heads


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
        while words and (words[-1].lower() in k.connectors or words[-1].rstrip(".") in
                         k.not_names):
            words.pop()
            poss = False
        if not words:
            continue
        last = words[-1]
        if last.endswith(".") and len(last) > 2 and last not in k.alias_side and not \
                _INITIALS.fullmatch(last) and last.lower() not in k.titles \
                and last not in k.name_suffixes:
            words[-1] = last[:-1]  # a sentence's full stop, not "Jr."
        spans = [(w.start(), w.end()) for w in _NON_SPACE.finditer(text[a:b])]
        b2 = a + spans[len(words) - 1][1]
        if words[-1] != last:
            b2 -= 1
        out.append((a, b2, poss))
