"""The parsed news article: blocks of the original text, each with character offsets.

A plain-text article of the shape news sites export looks like this::

    Headline without a final stop

    Standfirst: one paragraph that sums the story up.

    Alt text of the photo
    Caption of the photo [File: Photographer/Agency]

    Body paragraph. “A quote,” she said.

    ‘A subheading’

    More body paragraphs …

    Source: Al Jazeera

:func:`parse_text` turns such text into an :class:`Article` whose blocks keep
``start``/``end`` offsets into the exact string it was given, so every figure an
analysis reports can be traced back to the text (``article.text[b.start:b.end]``).
Only the standfirst and body paragraphs are *body text*; headline, subheadings,
photo alt text, captions, credits and the ``Source:`` line are kept for display
and for cited media, and no analysis counts them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from analysis.text import Sentence


class ArticleError(ValueError):
    """Input that cannot be read as an article; the message says what and where."""


class Kind(StrEnum):
    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    PARAGRAPH = "paragraph"
    SUBHEADING = "subheading"
    IMAGE_ALT = "image_alt"
    CAPTION = "caption"
    CREDIT = "credit"
    SOURCE_LINE = "source_line"


BODY_KINDS = frozenset({Kind.STANDFIRST, Kind.PARAGRAPH})


@dataclass(frozen=True)
class Block:
    """One typed stretch of the article; ``text == article.text[start:end]``."""

    kind: Kind
    start: int
    end: int
    text: str

    @property
    def is_body(self) -> bool:
        return self.kind in BODY_KINDS


@dataclass(frozen=True)
class Credit:
    """A photo credit such as ``[File: Alexei Druzhinin/Kremlin via Sputnik and EPA]``."""

    start: int
    end: int
    text: str
    photographer: str | None
    agencies: tuple[str, ...]


@dataclass
class Article:
    """A news article parsed into blocks with offsets into ``text``."""

    id: str
    text: str
    blocks: list[Block]
    credits: list[Credit] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    source_path: str | None = None

    @property
    def headline(self) -> str | None:
        for b in self.blocks:
            if b.kind is Kind.HEADLINE:
                return b.text
        return self.title

    def blocks_of(self, *kinds: Kind) -> list[Block]:
        return [b for b in self.blocks if b.kind in kinds]

    @property
    def standfirst(self) -> str | None:
        found = self.blocks_of(Kind.STANDFIRST)
        return found[0].text if found else None

    @property
    def body(self) -> list[Block]:
        """Standfirst and body paragraphs, in order: the text every analysis counts."""
        return [b for b in self.blocks if b.is_body]

    @property
    def source_line(self) -> str | None:
        found = self.blocks_of(Kind.SOURCE_LINE)
        return found[0].text if found else None

    @property
    def source_outlet(self) -> str | None:
        """The outlet named by a trailing ``Source:`` line, e.g. ``Al Jazeera``."""
        line = self.source_line
        if not line:
            return None
        return _SOURCE_LINE.match(line).group("outlet").strip()

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Body sentences from the shared text layer (computed once per article)."""
        from analysis.text import body_sentences

        return body_sentences(self)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Start offsets of :attr:`sentences`, in order (for bisecting)."""
        return [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> Sentence | None:
        """The body sentence holding character ``pos``, or None between sentences."""
        i = bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    @property
    def slug(self) -> str:
        return slugify(self.id)


# names Windows reserves for devices, whatever the extension: never a folder name
_RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{d}{i}" for d in ("com", "lpt") for i in range(1, 10)])


def slugify(value: str) -> str:
    """A safe folder name for ``value``: ASCII letters, digits and single hyphens, at most
    80 characters, never empty, never a path (``../x`` gives ``x``), never a reserved
    device name."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", value).lower()[:80].strip("-")
    if slug in _RESERVED_NAMES:
        slug += "-article"
    return slug or "article"


# --- plain-text parsing -------------------------------------------------------------

_SOURCE_LINE = re.compile(r"^\s*Source\s*:\s*(?P<outlet>\S.{0,80}?)\s*$", re.IGNORECASE)
# A trailing photo credit: “… [File: Aly Song/Reuters]”, “[Photo: AP]”, “(Reuters)”.
_CREDIT = re.compile(
    r"\s*\[(?P<inner>(?:(?:File|Photo|Image|Picture)(?: photo)?\s*:\s*)?[^\[\]]{2,120})\]\s*$",
    re.IGNORECASE,
)


def _credit(line: str) -> re.Match | None:
    """The trailing photo credit of a caption line, if any (cheap test first)."""
    return _CREDIT.search(line) if line.endswith("]") else None


_CREDIT_PREFIX = re.compile(r"^(?:File|Photo|Image|Picture)(?: photo)?\s*:\s*", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_QUOTE_CHARS = "\"'“”‘’«»"
_HARD_WRAP_MIN = 50  # a line this long without final punctuation reads as hard-wrapped


def _lines_with_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, trimmed of its line break and surrounding spaces."""
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(raw)
    return out


def _groups(text: str) -> list[list[tuple[int, int]]]:
    """Lines grouped into blocks separated by blank lines."""
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for s, e in _lines_with_offsets(text):
        if s >= e:
            if current:
                groups.append(current)
                current = []
        else:
            current.append((s, e))
    if current:
        groups.append(current)
    return groups


def _is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """True for prose wrapped at a fixed width: long lines, no final stop, no credits.

    A photo's alt-text line above its credited caption is also long and unpunctuated,
    so a group with a credit is never wrapped prose; and wrapped prose either runs to
    three or more lines or continues mid-sentence (a lower-case start).
    """
    if len(lines) < 2 or any(_credit(text[s:e]) for s, e in lines):
        return False
    if not all(e - s >= _HARD_WRAP_MIN and not _TERMINAL.search(text[s:e]) for s, e in lines[:-1]):
        return False
    return len(lines) >= 3 or any(text[s:e][:1].islower() for s, e in lines[1:])


def _looks_like_heading(line: str) -> bool:
    """A subheading: a short line without final punctuation."""
    words = line.strip(_QUOTE_CHARS + " ").split()
    return 0 < len(words) <= 14 and not _TERMINAL.search(line.rstrip(_QUOTE_CHARS))


# Headlines run longer than subheadings (Guardian and feature headlines often reach 20
# words) and may ask or exclaim, but they do not end with a full stop.
_HEADLINE_MAX_WORDS = 25


def _looks_like_headline(line: str) -> bool:
    """The first line of an article as a headline: short, one line, no final full stop."""
    words = line.split()
    end = line.rstrip(_QUOTE_CHARS + " ")
    return 0 < len(words) <= _HEADLINE_MAX_WORDS and not end.endswith((".", ";", ","))


def parse_credit(start: int, end: int, text: str) -> Credit:
    """Split a credit such as ``File: Alexei Druzhinin/Kremlin via Sputnik and EPA``."""
    inner = _CREDIT_PREFIX.sub("", text.strip().strip("[]()").strip())
    photographer = None
    rest = inner
    if "/" in inner:
        photographer, rest = (p.strip() for p in inner.split("/", 1))
    agencies = tuple(
        a.strip() for a in re.split(r"\s+via\s+|\s+and\s+|\s*[,/&]\s*", rest) if a.strip()
    )
    return Credit(start, end, text, photographer or None, agencies)


# The longest paragraph analysed as one, in characters. News paragraphs run to a few
# hundred characters and long-form ones past 2,000; a "paragraph" of 100,000 is a text
# without line breaks (a scrape, a transcript dump). Several look-ups work within a
# paragraph, so a longer one is cut at sentence ends into pieces of at most this size,
# which keeps the cost of an analysis linear in the article's length.
MAX_PARAGRAPH_CHARS = 10_000
_PIECE_END = re.compile(r"[.!?…][”’\"')\]]*\s+")


def _paragraph_pieces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``text[s:e]`` as one piece, or cut after sentence ends (else at a space, else
    anywhere) into pieces of at most :data:`MAX_PARAGRAPH_CHARS`."""
    pieces = []
    while e - s > MAX_PARAGRAPH_CHARS:
        limit = s + MAX_PARAGRAPH_CHARS
        cut = None
        for m in _PIECE_END.finditer(text, s + MAX_PARAGRAPH_CHARS // 2, limit):
            cut = m.end()
        if cut is None:
            space = text.rfind(" ", s + 1, limit)
            cut = space + 1 if space > s else limit
        end = cut
        while end > s and text[end - 1].isspace():
            end -= 1
        if end > s:
            pieces.append((s, end))
        s = cut
    pieces.append((s, e))
    return pieces


def parse_text(
    text: str,
    *,
    id: str = "article",
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    source_path: str | None = None,
) -> Article:
    """Parse a plain-text article into typed blocks with offsets into ``text``.

    Raises :class:`ArticleError` when the text holds no words at all.
    """
    if not text or not text.strip():
        raise ArticleError("the article is empty (no text after removing white space)")
    if not re.search(r"\w", text):
        raise ArticleError("the article has no words (only punctuation or symbols)")

    # Split each blank-line-separated group into paragraphs: one per line, unless the
    # group is hard-wrapped prose, which is one paragraph spanning its lines.
    paragraphs: list[list[tuple[int, int]]] = []
    group_of: dict[int, int] = {}  # paragraph start offset -> index of its blank-line group
    for gi, group in enumerate(_groups(text)):
        for line in group:
            group_of[line[0]] = gi
        if _is_hard_wrapped(text, group):
            paragraphs.append(group)
        else:
            paragraphs.extend([line] for line in group)

    blocks: list[Block] = []
    credits: list[Credit] = []

    def add(kind: Kind, s: int, e: int) -> None:
        blocks.append(Block(kind, s, e, text[s:e]))

    n = len(paragraphs)
    seen_body = False
    for i, lines in enumerate(paragraphs):
        s, e = lines[0][0], lines[-1][1]
        chunk = text[s:e]
        gi = group_of[s]
        same_group_next = i + 1 < n and group_of[paragraphs[i + 1][0][0]] == gi
        credit = _credit(chunk) if len(lines) == 1 else None

        if i == 0 and title is None and len(lines) == 1 and _looks_like_headline(chunk) and n > 1:
            add(Kind.HEADLINE, s, e)
        elif i == 0 and title is not None and chunk.strip() == title.strip():
            add(Kind.HEADLINE, s, e)
        elif i == n - 1 and _SOURCE_LINE.match(chunk):
            add(Kind.SOURCE_LINE, s, e)
        elif credit:
            cs = s + credit.start() + (len(credit.group(0)) - len(credit.group(0).lstrip()))
            if cs > s:
                add(Kind.CAPTION, s, s + len(text[s:cs].rstrip()))
            add(Kind.CREDIT, cs, e)
            credits.append(parse_credit(cs, e, text[cs:e]))
        elif (
            same_group_next
            and len(paragraphs[i + 1]) == 1
            and _credit(text[paragraphs[i + 1][0][0] : paragraphs[i + 1][0][1]])
        ):
            # the line above a credited caption, in the same group, is the photo's alt text
            add(Kind.IMAGE_ALT, s, e)
        elif (
            blocks
            and blocks[-1].kind is Kind.HEADLINE
            and not seen_body
            and len(chunk.split()) <= 60
            and i + 1 < n
        ):
            add(Kind.STANDFIRST, s, e)
            seen_body = True
        elif seen_body and len(lines) == 1 and _looks_like_heading(chunk) and i + 1 < n:
            add(Kind.SUBHEADING, s, e)
        else:
            for ps, pe in _paragraph_pieces(text, s, e):
                add(Kind.PARAGRAPH, ps, pe)
            seen_body = True

    if not any(b.is_body for b in blocks):
        # a text of one line (or headings only) is still an article: its lines are its body
        blocks = [
            Block(Kind.PARAGRAPH, b.start, b.end, b.text)
            if b.kind in (Kind.HEADLINE, Kind.SUBHEADING)
            else b
            for b in blocks
        ]
    return Article(
        id=id,
        text=text,
        blocks=blocks,
        credits=credits,
        title=title,
        outlet=outlet,
        published=published,
        url=url,
        source_path=source_path,
    )
