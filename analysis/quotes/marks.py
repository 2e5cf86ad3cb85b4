"""Quotation marks paired per paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_STRAIGHT = '"'
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
SINGLE_STRAIGHT = "'"
DOUBLE_ANY = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_STRAIGHT
ALL_MARKS = DOUBLE_ANY + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_STRAIGHT



@dataclass
class Pair:
    """One quoted stretch: ``open``/``close`` are the positions of the marks' first
    characters (``close`` is the paragraph end when the mark is missing); ``body`` is
    where the quoted words start and ``stop`` is just past the closing mark. Marks are
    one character, or two where typewriter text doubles them (``''``, ````` `` `````)."""

    open: int
    close: int
    closed: bool
    open_width: int = 1
    close_width: int = 1

    @property
    def body(self) -> int:
        return self.open + self.open_width

    @property
    def stop(self) -> int:
        return self.close + self.close_width

    @property
    def inner(self) -> tuple[int, int]:
        return self.body, self.close


def _is_opening_context(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–-/:" + ALL_MARKS) and not nxt.isspace()


def _is_closing_context(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and prev not in "([{" and (nxt.isspace() or nxt in ".,;:!?)")


# two apostrophes or two backticks stand for a double mark in typewriter text (the NYT
# archive's ``''Guarantees are good,'' said …``)
# (three apostrophes close a single quotation and the double one around it:
# "''I would use the word 'old-school,''' said …")
_MARK_RE = re.compile("'''|''|``|[" + re.escape(ALL_MARKS) + "]")
_DOUBLED = {"'''": DOUBLE_STRAIGHT, "''": DOUBLE_STRAIGHT, "``": DOUBLE_OPEN[0]}


def quote_pairs(text: str, offset: int = 0) -> list[Pair]:
    """Pair the quotation marks of one paragraph; never raises.

    Double marks are primary; a paragraph without them uses single marks, where a
    closing ``’`` followed by a letter is an apostrophe (``it’s``), not a mark.
    """
    double = any(c in text for c in DOUBLE_ANY) or "''" in text or "``" in text
    pairs: list[Pair] = []
    open_at: int | None = None
    open_width = 1
    for mark in _MARK_RE.finditer(text):
        i, ch = mark.start(), mark.group(0)
        width = len(ch)
        ch = _DOUBLED.get(ch, ch)
        if double:
            if ch not in DOUBLE_ANY:
                continue
            if ch in DOUBLE_OPEN:
                # an opening mark typed where a closing one belongs ("“It’s unusual,“
                # said …"): after a word or punctuation and before a space, it closes
                is_open = not (open_at is not None and ch == "“" and _is_closing_context(text, i))
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
                pairs.append(Pair(offset + open_at, offset + end, False, open_width))
            open_at, open_width = i, width
        elif open_at is not None:
            pairs.append(Pair(offset + open_at, offset + i, True, open_width, width))
            open_at = None
    if open_at is not None:
        if double or text[open_at + 1 :].strip():
            end = len(text.rstrip())
            if not double and end - open_at > 200:
                return pairs  # a lone single mark is more likely an apostrophe
            pairs.append(Pair(offset + open_at, offset + end, False, open_width))
    return [p for p in pairs if p.close > p.body]


