"""Topic proportions with evidence: how much of an article is about each named topic.

Topics are defined as data (``data/topics.yaml`` by default, or a user's copy): each has
*core* terms that put a sentence on the topic by themselves, *weak* terms that count
only with other evidence, and *exclusions* that cancel a term they overlap ("traded at"
is a share price, not trade). :func:`topic_proportions` decides every body sentence with
the terms that matched and the rule that decided, then reports shares by sentence, word
and paragraph, position, co-occurrence and the share on none of the topics.

Method: a tiered dictionary classifier, the transparent alternative to keyword counts
used in content analysis (Krippendorff, *Content Analysis*, 4th ed., 2018, ch. 11 on
dictionaries; Young & Soroka, "Affective News", *Political Communication* 29, 2012, on
validating lexicons against hand codes). Every decision is checkable sentence by
sentence; figures measured against hand labels are in ``docs/topics.md``.

Sentence rules, in order (the ``rule`` reported as evidence):

* ``core``: at least one core term not cancelled by an exclusion;
* ``weak-pair``: two different weak terms (from different groups when the topic groups
  its weak terms);
* ``weak+context``: one weak term, in a paragraph that already has a ``core`` or
  ``weak-pair`` sentence on the topic, or right after such a sentence;
* ``weak+article``: one weak term, in an article of which the topic is a theme: at
  least ``ARTICLE_THEME_MIN`` (2) of its body sentences, and at least
  ``ARTICLE_THEME_SHARE`` (a quarter) of them, are ``core`` or ``weak-pair`` on it.
  A weak term is ambiguous in general ("cargo", "levies", "the island") but, once an
  article is about the topic, it most often refers to it: the "one sense per discourse"
  tendency of Gale, Church & Yarowsky (1992, "One sense per discourse", HLT workshop).
  It never makes a topic present by itself, so article-level decisions are unchanged;
* otherwise a weak term alone is kept as rejected evidence (rule ``weak-alone``) and
  does not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from analysis import paths
from analysis.text import REFERENCE_DETERMINERS, REFERENCE_HEADS, REFERENCE_PRONOUNS

if TYPE_CHECKING:  # pragma: no cover
    from analysis.article import Article

DEFAULT_TOPICS_FILE = paths.TOPICS

CORE = "core"
WEAK = "weak"
EXCLUDE = "exclude"
RULE_CORE = "core"
RULE_WEAK_PAIR = "weak-pair"
RULE_WEAK_CONTEXT = "weak+context"
RULE_WEAK_ARTICLE = "weak+article"
RULE_WEAK_ALONE = "weak-alone"
RULE_REFERENCE = "reference+context"
# rules that put a sentence on a topic; "semantic" is added by analysis.topic_semantic
ON_TOPIC_RULES = frozenset(
    {RULE_CORE, RULE_WEAK_PAIR, RULE_WEAK_CONTEXT, RULE_WEAK_ARTICLE, RULE_REFERENCE,
     "semantic"}
)
# a topic is a theme of the article when its strong (core or weak-pair) sentences number
# at least ARTICLE_THEME_MIN and make up at least ARTICLE_THEME_SHARE of the body sentences
ARTICLE_THEME_MIN = 2
ARTICLE_THEME_SHARE = 0.25

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_TOPIC_KEYS = {"label", "description", "core", "weak", "exclude"}
_MAX_TERM = 120
_STR_TAG = "tag:yaml.org,2002:str"


class TopicFileError(ValueError):
    """A topics file that cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class Topic:
    """One topic: its terms by tier and a compiled pattern for each term.

    ``weak`` holds ``(term, group)`` pairs; a plain list of weak terms puts each term in
    a group of its own, so any two different weak terms make a pair.
    """

    id: str
    label: str
    description: str
    core: tuple[str, ...]
    weak: tuple[tuple[str, str], ...]
    exclude: tuple[str, ...]
    patterns: dict[str, tuple[re.Pattern, ...]] = field(compare=False, repr=False)

    def terms(self, tier: str) -> tuple[str, ...]:
        if tier == WEAK:
            return tuple(t for t, _ in self.weak)
        return self.core if tier == CORE else self.exclude


@dataclass(frozen=True)
class TopicSet:
    """The topics of one file, in file order; ``source`` is the file they came from."""

    topics: tuple[Topic, ...]
    source: str

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.topics]

    def __iter__(self):
        return iter(self.topics)

    def __len__(self) -> int:
        return len(self.topics)

    @cached_property
    def index(self) -> _TermIndex:
        return _TermIndex(self)


# --- term patterns --------------------------------------------------------------------

_APOSTROPHES = "'’"
_JOINERS = " -‐‑"  # a space or hyphen inside a term


def term_regex(term: str) -> str:
    """The regular expression (without word boundaries) for one term.

    Spaces and hyphens match any run of spaces, hyphens or line breaks; apostrophes
    match straight or curly ones; a final ``*`` matches any word ending; otherwise the
    last word may take a plural ``s``/``es``.
    """
    t = term.strip()
    wildcard = t.endswith("*")
    if wildcard:
        t = t[:-1].rstrip()
    out = []
    i = 0
    while i < len(t):
        c = t[i]
        if c in _JOINERS:
            while i < len(t) and t[i] in _JOINERS:
                i += 1
            out.append(r"[\s\-‐‑]+")
            continue
        if c in _APOSTROPHES:
            out.append("['’]")
        else:
            out.append(re.escape(c))
        i += 1
    body = "".join(out)
    if wildcard:
        return body + r"\w*"
    if t[-1:].isalpha():
        return body + "(?:e?s)?"
    return body


def _case_sensitive(term: str) -> bool:
    return any(c.isupper() for c in term)


def compile_term(term: str) -> re.Pattern:
    """The whole-word pattern of one term. A term with a capital matches that
    capitalisation or ALL CAPS; an all-lower-case term matches any capitalisation.
    A term that ends in a symbol ("NT$") may be followed by a word ("NT$647bn")."""
    rx = term_regex(term)
    end = r"(?!\w)" if re.search(r"[\w*]$", term.strip()) else ""
    if _case_sensitive(term):
        upper = term.upper()
        if upper != term:
            rx = f"{rx}|{term_regex(upper)}"
        return re.compile(rf"(?<!\w)(?:{rx}){end}")
    return re.compile(rf"(?<!\w)(?:{rx}){end}", re.IGNORECASE)


def _build_topic(tid: str, label: str, description: str, core, weak, exclude) -> Topic:
    return Topic(
        id=tid,
        label=label,
        description=description,
        core=tuple(core),
        weak=tuple(weak),
        exclude=tuple(exclude),
        patterns={
            CORE: tuple(compile_term(t) for t in core),
            WEAK: tuple(compile_term(t) for t, _ in weak),
            EXCLUDE: tuple(compile_term(t) for t in exclude),
        },
    )


# --- the term index: candidate terms by the first word they start with ----------------

_EDGE = re.compile(r"^\W+|\W+$")
_SPLIT = re.compile(r"[\s\-‐‑]+")


_HYPHENS = re.compile(r"([\-‐‑])")
_EDGE_CHARS = "'\".,;:!?()[]{}“”‘’«»"


def _key(word: str) -> str:
    """A word reduced for look-up: lower case, straight apostrophes, no dots, no edges."""
    k = word.lower()
    if "’" in k:
        k = k.replace("’", "'")
    if "." in k:
        k = k.replace(".", "")
    k = k.strip(_EDGE_CHARS)
    return k if k.isalnum() or not k else _EDGE.sub("", k)


class _TermIndex:
    """Every term of a topic set, keyed by its first word, so that matching looks up each
    word of the text once (a dictionary look-up) and tries a term's full pattern only
    where its first word occurs. Wildcard terms are keyed by their stem and found by
    the word's prefixes of the stem lengths in use."""

    def __init__(self, topics: TopicSet) -> None:
        self.exact: dict[str, list[tuple[int, str, int]]] = {}
        self.prefix: dict[str, list[tuple[int, str, int]]] = {}
        for ti, topic in enumerate(topics.topics):
            for tier in (CORE, WEAK, EXCLUDE):
                for i, term in enumerate(topic.terms(tier)):
                    t = term.strip()
                    wildcard = t.endswith("*")
                    first = _SPLIT.split(t.rstrip("*").strip(), maxsplit=1)
                    key = _key(first[0])
                    if wildcard and len(first) == 1:
                        self.prefix.setdefault(key, []).append((ti, tier, i))
                    else:
                        self.exact.setdefault(key, []).append((ti, tier, i))
        self.prefix_lengths = sorted({len(k) for k in self.prefix})
        self._memo: dict[str, tuple[tuple[int, int, str, int], ...]] = {}

    def lookup(self, word: str) -> tuple[tuple[int, int, str, int], ...]:
        """``(offset in word, topic, tier, term)`` of every term that may start in this
        word or in one of its hyphenated parts; memoised, as news repeats its words."""
        got = self._memo.get(word)
        if got is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            got = self._memo[word] = self._compute(word)
        return got

    def _compute(self, word: str) -> tuple[tuple[int, int, str, int], ...]:
        exact, prefix, lengths = self.exact, self.prefix, self.prefix_lengths
        parts = [(word, 0)]
        if "-" in word or "‐" in word or "‑" in word:
            pos = 0
            for piece in _HYPHENS.split(word):
                if piece and piece not in "-‐‑":
                    parts.append((piece, pos))
                pos += len(piece)
        out: dict[tuple[int, int, str, int], None] = {}
        for text, pos in parts:
            k = _key(text)
            if not k:
                continue
            keys = [k]
            if k[-1] == "'" or k.endswith("'s"):
                keys.append(k.rsplit("'", 1)[0])
            if k[-1] == "s":
                keys.append(k[:-1])
                if k.endswith("es"):
                    keys.append(k[:-2])
            for kk in keys:
                entries = exact.get(kk)
                if entries:
                    for entry in entries:
                        out[(pos, *entry)] = None
            for n in lengths:
                if n > len(k):
                    break
                entries = prefix.get(k[:n])
                if entries:
                    for entry in entries:
                        out[(pos, *entry)] = None
        return tuple(out)


# --- loading and validating a topics file ------------------------------------------------


def _err(path: str, node: Any, message: str) -> TopicFileError:
    line = f", line {node.start_mark.line + 1}" if node is not None else ""
    return TopicFileError(f"{path}{line}: {message}")


def _mapping_items(path: str, node: yaml.Node, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise _err(path, node, f"{what} must be a mapping of 'key: value' lines")
    seen: dict[str, yaml.Node] = {}
    for k, _ in node.value:
        if not isinstance(k, yaml.ScalarNode):
            raise _err(path, k, f"{what} has a key that is not a plain word")
        if k.value in seen:
            raise _err(
                path, k, f"{what} has '{k.value}' twice (first on line "
                f"{seen[k.value].start_mark.line + 1}); keep one"
            )
        seen[k.value] = k
    return node.value


def _string(path: str, node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag != _STR_TAG:
        shown = node.value if isinstance(node, yaml.ScalarNode) else "a list or mapping"
        raise _err(
            path, node, f"{what} must be text, not {shown!r}; put it in quotes if it is "
            "a number, yes/no or empty"
        )
    return node.value


def _term(path: str, node: yaml.Node, what: str) -> str:
    term = _string(path, node, what).strip()
    if not term or term == "*":
        raise _err(path, node, f"{what} is empty; remove it")
    if len(term) > _MAX_TERM:
        raise _err(path, node, f"{what} is longer than {_MAX_TERM} characters")
    if "*" in term[:-1]:
        raise _err(path, node, f"{what} {term!r} has '*' inside; '*' is allowed only at the end")
    if not re.match(r"\w", term):
        raise _err(path, node, f"{what} {term!r} must start with a letter or digit")
    return term


def _terms(path: str, node: yaml.Node, what: str) -> list[str]:
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise _err(path, node, f"{what} must be a list of terms, one '- term' per line")
    return [_term(path, item, f"a term in {what}") for item in node.value]


def _parse_topics(path: str, root: yaml.Node | None) -> TopicSet:
    if root is None:
        raise TopicFileError(f"{path}: the file is empty; it needs a 'topics:' mapping")
    top = dict((k.value, (k, v)) for k, v in _mapping_items(path, root, "the file"))
    for key, (knode, _) in top.items():
        if key not in ("topics", "version"):
            raise _err(path, knode, f"unknown key '{key}' at the top; expected 'topics:'")
    if "topics" not in top:
        raise _err(path, root, "no 'topics:' mapping found")
    tnode = top["topics"][1]
    items = _mapping_items(path, tnode, "'topics'")
    if not items:
        raise _err(path, tnode, "'topics' is empty; define at least one topic")
    topics = []
    for knode, vnode in items:
        tid = knode.value
        if not _ID.match(tid):
            raise _err(
                path, knode, f"topic id '{tid}' must be lower-case letters, digits and '_', "
                "starting with a letter (put the display name in 'label')"
            )
        fields = dict((k.value, (k, v)) for k, v in _mapping_items(path, vnode, f"topic '{tid}'"))
        for key, (k, _) in fields.items():
            if key not in _TOPIC_KEYS:
                raise _err(
                    path, k, f"topic '{tid}' has unknown key '{key}'; "
                    f"expected one of {', '.join(sorted(_TOPIC_KEYS))}"
                )
        if "label" not in fields:
            raise _err(path, knode, f"topic '{tid}' has no 'label'")
        label = _string(path, fields["label"][1], f"the label of '{tid}'").strip()
        if not label:
            raise _err(path, fields["label"][1], f"the label of '{tid}' is empty")
        description = ""
        if "description" in fields:
            description = _string(path, fields["description"][1], f"the description of '{tid}'")
        core = _terms(path, fields["core"][1], f"'{tid}' core") if "core" in fields else []
        weak: list[tuple[str, str]] = []
        if "weak" in fields:
            wnode = fields["weak"][1]
            if isinstance(wnode, yaml.MappingNode):
                for gk, gv in _mapping_items(path, wnode, f"'{tid}' weak"):
                    weak += [(t, gk.value) for t in _terms(path, gv, f"'{tid}' weak {gk.value}")]
            else:
                weak = [(t, t.lower()) for t in _terms(path, wnode, f"'{tid}' weak")]
        exclude = (
            _terms(path, fields["exclude"][1], f"'{tid}' exclude") if "exclude" in fields else []
        )
        if not core and not weak:
            raise _err(path, knode, f"topic '{tid}' has no core or weak terms")
        topics.append(_build_topic(tid, label, description.strip(), core, weak, exclude))
    return TopicSet(tuple(topics), path)


def parse_topics(text: str, source: str = "<topics>") -> TopicSet:
    """Topics from YAML text; errors name ``source`` and the line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise TopicFileError(f"{source}{where}: not valid YAML ({problem})") from None
    return _parse_topics(source, root)


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> TopicSet:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TopicFileError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    return parse_topics(text, path)


def load_topics(path: str | Path | None = None) -> TopicSet:
    """Load and check a topics file (``None``: the default ``data/topics.yaml``).

    Raises :class:`TopicFileError` naming the file and line of the first problem.
    """
    if path is None:
        p = DEFAULT_TOPICS_FILE
    else:
        from analysis.paths import resolve

        p = resolve(path)
    if not p.exists():
        raise TopicFileError(f"{p}: no such topics file")
    if p.is_dir():
        raise TopicFileError(f"{p}: is a directory, not a topics file")
    return _load_cached(str(p), p.stat().st_mtime)


# --- sentence decisions ---------------------------------------------------------------


@dataclass
class Decision:
    """The evidence for one topic in one sentence."""

    index: int
    terms: list[dict] = field(default_factory=list)
    rule: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def on_topic(self) -> bool:
        return self.rule in ON_TOPIC_RULES


def _greedy(hits: list[dict]) -> list[dict]:
    """Leftmost, then longest, non-overlapping matches (as a regex alternation would)."""
    hits.sort(key=lambda h: (h["start"], -h["end"]))
    out: list[dict] = []
    for h in hits:
        if not out or h["start"] >= out[-1]["end"]:
            out.append(h)
    return out


def _sentence_matches(topics: TopicSet, text: str, sent) -> list[dict[str, list[dict]]]:
    """Per topic, the tiers' matches in one sentence: ``[{tier: [hit, ...]}, ...]``."""
    index = topics.index
    raw: list[dict[str, list[dict]]] = [{} for _ in topics.topics]
    memo = index._memo
    lookup = index.lookup
    patterns = [t.patterns for t in topics.topics]
    end = sent.end
    for word in sent.words:
        found = memo.get(word.text)
        if found is None:
            found = lookup(word.text)
        for rel, ti, tier, i in found:
            pos = word.start + rel
            m = patterns[ti][tier][i].match(text, pos, end)
            if m:
                raw[ti].setdefault(tier, []).append({"start": m.start(), "end": m.end(), "i": i})
    return raw


def _topic_hits(topic: Topic, text: str, raw: dict[str, list[dict]]) -> list[dict]:
    """Core and weak hits of one topic in one sentence, minus those an exclusion overlaps
    and weak hits inside a core one ("self-ruled" in "self-ruled island")."""
    spans = [(h["start"], h["end"]) for h in raw.get(EXCLUDE, ())]
    found: list[dict] = []
    core_spans: list[tuple[int, int]] = []
    for tier in (CORE, WEAK):
        for h in _greedy(raw.get(tier, [])):
            s, e = h["start"], h["end"]
            if any(a < e and s < b for a, b in spans):
                continue
            if tier == WEAK and any(a < e and s < b for a, b in core_spans):
                continue
            hit = {"term": text[s:e], "tier": tier, "start": s, "end": e}
            if tier == WEAK:
                hit["group"] = topic.weak[h["i"]][1]
            else:
                core_spans.append((s, e))
            found.append(hit)
    found.sort(key=lambda h: h["start"])
    return found


def _weak_pair(weak_hits: list[dict]) -> bool:
    return len({h["group"] for h in weak_hits}) >= 2


def sentence_decisions(article: Article, topics: TopicSet) -> dict[str, list[Decision]]:
    """For each topic, the decision on every body sentence that has any of its terms."""
    text = article.text
    sentences = article.sentences
    out: dict[str, list[Decision]] = {t.id: [] for t in topics}
    for sent in sentences:
        raw = _sentence_matches(topics, text, sent)
        for topic, tiers in zip(topics.topics, raw, strict=True):
            if CORE not in tiers and WEAK not in tiers:
                continue
            hits = _topic_hits(topic, text, tiers)
            if not hits:
                continue
            d = Decision(sent.index, hits)
            if any(h["tier"] == CORE for h in hits):
                d.rule = RULE_CORE
            elif _weak_pair(hits):
                d.rule = RULE_WEAK_PAIR
            else:
                d.rule = RULE_WEAK_ALONE
            out[topic.id].append(d)
    for decisions in out.values():
        # one weak term counts in a paragraph already on the topic, or right after it,
        # or anywhere in an article of which the topic is a theme
        strong = {d.index for d in decisions if d.rule in (RULE_CORE, RULE_WEAK_PAIR)}
        strong_pars = {sentences[i].paragraph for i in strong}
        theme = len(strong) >= max(ARTICLE_THEME_MIN, ARTICLE_THEME_SHARE * len(sentences))
        for d in decisions:
            if d.rule != RULE_WEAK_ALONE:
                continue
            if sentences[d.index].paragraph in strong_pars or d.index - 1 in strong:
                d.rule = RULE_WEAK_CONTEXT
            elif theme:
                d.rule = RULE_WEAK_ARTICLE
        # a sentence without a term that opens by referring back ("It", "The two
        # ministers", "The self-ruled island") to a sentence on the topic right before
        # it, in the same paragraph, is on the topic too
        decided = {d.index for d in decisions}
        before = [d.index for d in decisions
                  if d.rule in (RULE_CORE, RULE_WEAK_PAIR, RULE_WEAK_CONTEXT)]
        for i in before:
            j = i + 1
            if j >= len(sentences) or j in decided \
                    or sentences[j].paragraph != sentences[i].paragraph:
                continue
            ref = _reference_opening(sentences[j])
            if ref is not None:
                s, e = ref
                decisions.append(Decision(j, [{"term": text[s:e], "tier": "reference",
                                               "start": s, "end": e}], RULE_REFERENCE,
                                          {"refers_to": i}))
    return out


def _reference_opening(sent) -> tuple[int, int] | None:
    """Offsets of the words that open ``sent`` by referring back to the sentence before
    (a pronoun, or a determiner, at most three words and a head; lists in
    ``data/text.yaml``), or None."""
    words = sent.words[:5]
    if not words:
        return None
    first = words[0].text.lower()
    if first in REFERENCE_PRONOUNS:
        return words[0].start, words[0].end
    if first not in REFERENCE_DETERMINERS:
        return None
    end = None
    for w in words[1:]:  # the last head within reach: "The two ministers"
        low = w.text.lower()
        if low.endswith(("’s", "'s")):
            low = low[:-2]
        if low in REFERENCE_HEADS:
            end = w.end
        elif end is not None:
            break
    return (words[0].start, end) if end is not None else None


# --- proportions ------------------------------------------------------------------------


def _thirds(indices: list[int], n: int) -> list[int]:
    counts = [0, 0, 0]
    for i in indices:
        counts[min(2, (3 * i) // max(n, 1))] += 1
    return counts


def proportions_from_decisions(
    article: Article,
    topics: TopicSet,
    decisions: dict[str, list[Decision]],
    method: str = "lexicon",
) -> dict:
    """The ``topics`` section of the ``analyze`` output from per-sentence decisions.

    Shares are fractions in [0, 1] of the article's body sentences, body words (the text
    layer's word tokens) and body paragraphs that hold at least one sentence.
    """
    sentences = article.sentences
    n_sent = len(sentences)
    n_words = sum(len(s.words) for s in sentences)
    paragraphs = {s.paragraph for s in sentences}
    n_par = len(paragraphs)

    def share(x: int, n: int) -> float:
        return x / n if n else 0.0

    result: dict[str, Any] = {}
    on_topic: dict[str, set[int]] = {}
    for topic in topics:
        ds = decisions.get(topic.id, [])
        kept = sorted((d for d in ds if d.on_topic), key=lambda d: d.index)
        idx = [d.index for d in kept]
        on_topic[topic.id] = set(idx)
        words = sum(len(sentences[i].words) for i in idx)
        pars = sorted({sentences[i].paragraph for i in idx})
        thirds = _thirds(idx, n_sent)
        peak = None
        if idx:
            peak = ("beginning", "middle", "end")[max(range(3), key=lambda k: thirds[k])]
        result[topic.id] = {
            "label": topic.label,
            "description": topic.description,
            "present": bool(idx),
            "sentence_count": len(idx),
            "word_count": words,
            "paragraph_count": len(pars),
            "sentence_share": share(len(idx), n_sent),
            "word_share": share(words, n_words),
            "paragraph_share": share(len(pars), n_par),
            "first_sentence": idx[0] if idx else None,
            "last_sentence": idx[-1] if idx else None,
            "position": {
                "mean": (sum(idx) / len(idx) + 0.5) / n_sent if idx else None,
                "thirds": thirds,
                "peak": peak,
            },
            "paragraphs": pars,
            "sentences": [
                {
                    "index": d.index,
                    "paragraph": sentences[d.index].paragraph,
                    "start": sentences[d.index].start,
                    "end": sentences[d.index].end,
                    "terms": d.terms,
                    "rule": d.rule,
                    **d.extra,
                }
                for d in kept
            ],
            "rejected": [
                {
                    "index": d.index,
                    "start": sentences[d.index].start,
                    "end": sentences[d.index].end,
                    "terms": d.terms,
                    "rule": d.rule,
                    **d.extra,
                }
                for d in sorted(ds, key=lambda d: d.index)
                if not d.on_topic
            ],
        }
    covered = set().union(*on_topic.values()) if on_topic else set()
    none_idx = [s.index for s in sentences if s.index not in covered]
    none_words = sum(len(sentences[i].words) for i in none_idx)
    none_pars = paragraphs - {sentences[i].paragraph for i in covered}
    result["_none"] = {
        "sentence_count": len(none_idx),
        "sentence_share": share(len(none_idx), n_sent),
        "word_share": share(none_words, n_words),
        "paragraph_share": share(len(none_pars), n_par),
    }
    ids = topics.ids
    result["_cooccurrence"] = {
        f"{a}|{b}": len(on_topic[a] & on_topic[b])
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
    }
    result["_meta"] = {
        "method": method,
        "topics_file": topics.source,
        "topics": ids,
        "sentences": n_sent,
        "words": n_words,
        "paragraphs": n_par,
    }
    return result


def topic_proportions(article: Article, topics: TopicSet | None = None) -> dict:
    """How much of the article's body is about each topic, with the evidence.

    Returns ``{topic_id: {...}, "_none": {...}, "_cooccurrence": {...}, "_meta": {...}}``;
    see ``docs/topics.md`` for every field. ``topics`` defaults to ``data/topics.yaml``.
    """
    topics = topics if topics is not None else load_topics()
    return proportions_from_decisions(article, topics, sentence_decisions(article, topics))


def sentence_topics(result: dict) -> dict[int, list[str]]:
    """Sentence index -> ids of the topics it is on, from a :func:`topic_proportions` result."""
    out: dict[int, list[str]] = {}
    for tid, entry in result.items():
        if tid.startswith("_"):
            continue
        for s in entry["sentences"]:
            out.setdefault(s["index"], []).append(tid)
    return out


# --- evaluation against hand labels ------------------------------------------------------

_LABEL = re.compile(r"^\s*\[(?P<topics>[^\]]*)\]\s*(?P<text>.*)$", re.DOTALL)


@dataclass
class LabelledArticle:
    """An article with hand labels: ``labels[i]`` is the set of topic ids of body
    sentence ``i`` of the text layer; ``about`` is the article-level label."""

    id: str
    article: Article
    labels: list[set[str]]
    about: set[str]


def build_labelled_article(record: dict) -> LabelledArticle:
    """An article from one record of ``tests/fixtures/topic_set/*.yaml`` (format in the
    folder's README): the text is built from the headline, an optional caption and the
    labelled sentences; labels go to every text-layer sentence a labelled one overlaps."""
    from analysis.article import parse_text

    parts = [record["headline"]]
    if record.get("caption"):
        parts.append(record["caption"])
    spans: list[tuple[int, int, set[str]]] = []
    pos = sum(len(p) + 2 for p in parts)
    paras = []
    for paragraph in record["paragraphs"]:
        chunks = []
        for raw in paragraph:
            m = _LABEL.match(raw)
            if not m:
                raise ValueError(f"{record.get('id')}: sentence without [labels]: {raw!r}")
            topics = {t.strip() for t in m.group("topics").split(",") if t.strip()}
            sentence = m.group("text").strip()
            spans.append((pos, pos + len(sentence), topics))
            chunks.append(sentence)
            pos += len(sentence) + 1
        paras.append(" ".join(chunks))
        pos += 1  # the paragraph's trailing space became a blank line: "\n\n" (2 chars)
    text = "\n\n".join(parts + paras) + "\n"
    article = parse_text(text, id=record["id"])
    labels = []
    for sent in article.sentences:
        got: set[str] = set()
        for s, e, topics in spans:
            if s < sent.end and sent.start < e:
                got |= topics
        labels.append(got)
    about = set(record["about"]) if "about" in record else set().union(*labels)
    return LabelledArticle(record["id"], article, labels, about)


def load_labelled_set(folder: str | Path) -> list[LabelledArticle]:
    """Every article of every ``*.yaml`` file in ``folder``, in file-name order."""
    out = []
    for path in sorted(Path(folder).glob("*.yaml")):
        for record in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            out.append(build_labelled_article(record))
    return out
