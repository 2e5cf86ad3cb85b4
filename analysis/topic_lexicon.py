"""Topic lexicons: reading and checking a topics file, and matching its terms.

A topics file (``data/topics.yaml`` by default, or a user's copy; its header documents
the format) defines each topic's *core*, *weak* and *exclude* terms and, optionally,
the earlier states a topic has had (``history``: "Soviet Union" for Russia before 1992).
This module turns it into a :class:`TopicSet` with one compiled whole-word pattern per
term and a first-word index over all terms (:class:`TermIndex`), so that matching looks
up each word of a text once. What a match means for a sentence is decided in
:mod:`analysis.topics`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from analysis import paths
from analysis.yaml_files import SafeLoader

DEFAULT_TOPICS_FILE = paths.TOPICS

CORE = "core"
WEAK = "weak"
EXCLUDE = "exclude"
HISTORY = "history"

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_TOPIC_KEYS = {"label", "description", "core", "weak", "exclude", "history", "pairs"}
NAME_GROUP = "name"  # the weak group of a core term found inside a title or a name
_ERA_KEYS = {"label", "until", "core", "past"}
_MAX_TERM = 120
_STR_TAG = "tag:yaml.org,2002:str"


class TopicFileError(ValueError):
    """A topics file that cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class Era:
    """An earlier state of a topic ("Soviet Union" for Russia): its names are core
    evidence in articles of its time (published on or before ``until``) and, when the
    date is unknown, in texts that do not frame it as past; otherwise weak evidence.
    ``past`` holds the phrases that frame it as past ("post-Soviet", "former Soviet
    Union"): always weak, and they override the name they contain."""

    id: str
    label: str
    until: date
    core: tuple[str, ...]
    past: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    """One topic: its terms by tier and a compiled pattern for each term.

    ``weak`` holds ``(term, group)`` pairs; a plain list of weak terms puts each term in
    a group of its own, so any two different weak terms make a pair. An era's ``past``
    phrases are weak terms in the group named by the era's id; its names are the
    ``history`` tier, ``history_terms[i]`` being ``(term, index of its era)``.
    """

    id: str
    label: str
    description: str
    core: tuple[str, ...]
    weak: tuple[tuple[str, str], ...]
    exclude: tuple[str, ...]
    patterns: dict[str, tuple[re.Pattern, ...]] = field(compare=False, repr=False)
    eras: tuple[Era, ...] = ()
    pairs: frozenset[frozenset[str]] = frozenset()

    def is_pair(self, groups: set[str]) -> bool:
        """Whether weak terms of these groups make a ``weak-pair``: any two different
        groups, or, when the topic lists its ``pairs``, one of those combinations."""
        if len(groups) < 2:
            return False
        if not self.pairs:
            return True
        return any(p <= groups for p in self.pairs)

    @cached_property
    def folded(self) -> dict[str, tuple[bool, ...]]:
        """Per tier, whether each term is all lower case (matches any capitalisation)."""
        return {tier: tuple(bool(p.flags & re.IGNORECASE) for p in pats)
                for tier, pats in self.patterns.items()}

    @cached_property
    def history_terms(self) -> tuple[tuple[str, int], ...]:
        return tuple((t, i) for i, era in enumerate(self.eras) for t in era.core)

    def terms(self, tier: str) -> tuple[str, ...]:
        if tier == WEAK:
            return tuple(t for t, _ in self.weak)
        if tier == HISTORY:
            return tuple(t for t, _ in self.history_terms)
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
    def index(self) -> TermIndex:
        return TermIndex(self)


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
    capitalisation or ALL CAPS (and, when it starts in lower case, with its first letter
    capitalised, as at the start of a sentence); an all-lower-case term matches any
    capitalisation.
    A term that ends in a symbol ("NT$") may be followed by a word ("NT$647bn")."""
    rx = term_regex(term)
    end = r"(?!\w)" if re.search(r"[\w*]$", term.strip()) else ""
    if _case_sensitive(term):
        upper = term.upper()
        if upper != term:
            rx = f"{rx}|{term_regex(upper)}"
        if term[:1].islower():  # "former Soviet" also opens a sentence: "Former Soviet"
            rx = f"{rx}|{term_regex(term[:1].upper() + term[1:])}"
        return re.compile(rf"(?<!\w)(?:{rx}){end}")
    return re.compile(rf"(?<!\w)(?:{rx}){end}", re.IGNORECASE)


def build_topic(
    tid: str, label: str, description: str, core, weak, exclude, eras=(), pairs=()
) -> Topic:
    """A :class:`Topic` with its patterns compiled; an era's ``past`` phrases join the
    weak terms, in a group named by the era's id."""
    weak = list(weak) + [(t, era.id) for era in eras for t in era.past]
    history = [t for era in eras for t in era.core]
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
            HISTORY: tuple(compile_term(t) for t in history),
        },
        eras=tuple(eras),
        pairs=frozenset(frozenset(p) for p in pairs),
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


class TermIndex:
    """Every term of a topic set, keyed by its first word, so that matching looks up each
    word of the text once (a dictionary look-up) and tries a term's full pattern only
    where its first word occurs. Wildcard terms are keyed by their stem and found by
    the word's prefixes of the stem lengths in use."""

    def __init__(self, topics: TopicSet) -> None:
        self.exact: dict[str, list[tuple[int, str, int]]] = {}
        self.prefix: dict[str, list[tuple[int, str, int]]] = {}
        for ti, topic in enumerate(topics.topics):
            for tier in (CORE, WEAK, EXCLUDE, HISTORY):
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
        self.memo: dict[str, tuple[tuple[int, int, str, int], ...]] = {}

    def lookup(self, word: str) -> tuple[tuple[int, int, str, int], ...]:
        """``(offset in word, topic, tier, term)`` of every term that may start in this
        word or in one of its hyphenated parts; memoised, as news repeats its words."""
        got = self.memo.get(word)
        if got is None:
            if len(self.memo) > 200_000:
                self.memo.clear()
            got = self.memo[word] = self._compute(word)
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


def _pairs(path: str, node: yaml.Node, tid: str, groups: set[str]) -> list[tuple[str, str]]:
    """The ``pairs:`` list of a topic: ``[group, group]`` combinations of weak groups."""
    if not isinstance(node, yaml.SequenceNode):
        raise _err(path, node, f"'{tid}' pairs must be a list of '- [group, group]' lines")
    out = []
    for item in node.value:
        if not isinstance(item, yaml.SequenceNode) or len(item.value) != 2:
            raise _err(path, item, f"a pair in '{tid}' pairs must name two weak groups")
        a, b = (_string(path, n, f"a group in '{tid}' pairs").strip() for n in item.value)
        for g, n in ((a, item.value[0]), (b, item.value[1])):
            if g not in groups:
                raise _err(path, n, f"'{tid}' pairs names '{g}', which is not one of its "
                           f"weak groups ({', '.join(sorted(groups))})")
        if a == b:
            raise _err(path, item, f"a pair in '{tid}' pairs names '{a}' twice")
        out.append((a, b))
    return out


def _eras(path: str, node: yaml.Node, tid: str) -> list[Era]:
    """The ``history:`` mapping of a topic: ``era_id: {label, until, core, past}``."""
    eras = []
    for knode, vnode in _mapping_items(path, node, f"'{tid}' history"):
        eid = knode.value
        if not _ID.match(eid):
            raise _err(path, knode, f"era id '{eid}' in '{tid}' history must be lower-case "
                       "letters, digits and '_', starting with a letter")
        fields = dict((k.value, (k, v)) for k, v in
                      _mapping_items(path, vnode, f"'{tid}' history '{eid}'"))
        for key, (k, _) in fields.items():
            if key not in _ERA_KEYS:
                raise _err(path, k, f"'{tid}' history '{eid}' has unknown key '{key}'; "
                           f"expected one of {', '.join(sorted(_ERA_KEYS))}")
        if "until" not in fields:
            raise _err(path, knode, f"'{tid}' history '{eid}' has no 'until' date")
        unode = fields["until"][1]
        try:
            until = date.fromisoformat(str(unode.value).strip())
        except (ValueError, AttributeError):
            raise _err(path, unode, f"'until' of '{tid}' history '{eid}' must be a date "
                       "such as 1991-12-25") from None
        core = _terms(path, fields["core"][1], f"'{tid}' history '{eid}' core") \
            if "core" in fields else []
        if not core:
            raise _err(path, knode, f"'{tid}' history '{eid}' has no core names")
        past = _terms(path, fields["past"][1], f"'{tid}' history '{eid}' past") \
            if "past" in fields else []
        label = _string(path, fields["label"][1], "an era label").strip() \
            if "label" in fields else eid
        eras.append(Era(eid, label, until, tuple(core), tuple(past)))
    return eras


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
        eras = _eras(path, fields["history"][1], tid) if "history" in fields else []
        groups = {g for _, g in weak} | {e.id for e in eras} | {NAME_GROUP}
        pairs = _pairs(path, fields["pairs"][1], tid, groups) if "pairs" in fields else []
        topics.append(build_topic(tid, label, description.strip(), core, weak, exclude, eras,
                                  pairs))
    return TopicSet(tuple(topics), path)


def parse_topics(text: str, source: str = "<topics>") -> TopicSet:
    """Topics from YAML text; errors name ``source`` and the line."""
    try:
        root = yaml.compose(text, Loader=SafeLoader)
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

