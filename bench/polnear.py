"""Benchmark of the source analysis on PolNeAR (train and dev splits only).

PolNeAR (Newell, Margolin and Ruths, "An attribution relations corpus for political
news", LREC 2018; github.com/networkdynamics/PolNeAR) holds 1,008 articles on the 2016
US election from 7 publishers (breitbart, huff-post, nyt, politico, usa-today,
wash-post, west-journal), with brat attribution annotations: SOURCE, CUE and CONTENT
spans linked by one ``Attribution`` (or ``Attribution-no-source``) event each. The
repository ships the article texts (``data/<split>/text``), the annotations
(``data/<split>/attributions/<article>_<annotator>.ann``) and automatic CoreNLP
annotations (``data/<split>/corenlp``, with ``dcoref`` coreference chains).

**The test split is never read.** It is the project's independent check: this module
only knows the splits in :data:`SPLITS` (``train`` and ``dev``), lists and copies
nothing but ``data/train`` and ``data/dev`` when extracting, and :func:`load_split`
raises ``ValueError`` for any other split name. ``data/metadata.tsv`` (which lists the
test articles too) is not read either: publisher and annotator come from file names.

PolNeAR has no licence: its text is never committed. The extracted copy lives in the
git-ignored folder ``data/external/polnear/``::

    # 1. fetch the repository (github networkdynamics/PolNeAR) as a clone or git dir
    # 2. copy train and dev out of it (about 2 minutes: the CoreNLP files are parsed
    #    once and only their coreference chains are kept)
    .venv/bin/python bench/polnear.py extract --from /path/to/PolNeAR[.git]
    # 3. score train and dev; --limit N for the first N articles (publishers interleaved)
    .venv/bin/python bench/polnear.py [--limit N] [--errors N --split train|dev]

Gold quotes (:func:`load_split`), one per CONTENT span of an attribution event
(``Content`` and, rarely, ``Content2``):

- ``start``/``end``: the CONTENT span in the article text (first to last fragment when
  the span is discontinuous; ``fragments`` keeps the pieces). A CONTENT span whose
  fragments have the SOURCE or CUE between them ("“…,” she said. “…”") is cut there into
  several gold quotes (:func:`split_at_attribution`), the project's annotation
  convention for a quote split by its attribution; the first run of 2026-11-29 scored
  them as one span from the first fragment to the last, which no prediction could match;
- ``speaker``: the name part of the SOURCE span (:func:`canonical_source`: fragments
  joined, cut before appositives and relative clauses, a leading description swapped
  for the bare name that follows it, a final possessive dropped; ``source_text`` keeps
  the whole span). PolNeAR's annotation links no source to a name, so when that name
  part is a personal pronoun (:data:`PRONOUNS`), a relative pronoun (``who``,
  ``which``, ``that``) or a definite description (``the governor``, ``his campaign``),
  the CoreNLP ``dcoref`` chains that PolNeAR ships give its proper name
  (:func:`resolve_source`; automatic, so a little noisy) and ``speaker_from`` says
  ``"coref"``; otherwise, or when no chain names it, the name part stays as written
  (``speaker_from: "source"``). ``Attribution-no-source`` events give ``speaker:
  None`` (``speaker_from: "none"``). ``--no-coref`` scores without the chains;
- ``kind``, from the quotation marks of the text around the CONTENT span (double
  marks straight or curly; two apostrophes, which the NYT texts use as double marks,
  and two backticks as an opening one; single ``‘…’`` or word-initial ``'…'`` pairs;
  marks are paired per line, an unclosed mark runs to the end of its line as a
  run-on quote does):
  ``"direct"`` when each fragment of the content (trimmed of spaces and of ``.,;:``
  outside the marks) lies fully inside one pair of quotation marks; ``"mixed"`` when it
  does not but some quoted word lies inside the content; ``"indirect"`` when no quoted
  word does;
- ``cue_start``/``cue_end``, ``source_start``/``source_end``: first to last fragment
  of the CUE and SOURCE spans (``None`` without a source);
- ``in_headline``: the content lies in the article's first line group (its headline;
  USA Today texts add a second headline line after a semicolon), which the project
  never analyses; :func:`evaluate` leaves these out and counts them.

An article annotated by several annotators (18 of train and dev) is read in the
annotation of the first annotator id in sorted order.

Input to the project: a PolNeAR text is ``Headline.\\n\\nParagraph\\n\\nParagraph ...``,
the shape :func:`analysis.article.parse_text` expects, except that the headline ends
with a full stop (so parse_text would not take it for a headline) and sometimes runs
over two lines. :func:`to_article` therefore replaces the line breaks inside the
headline group with spaces (same length, so every offset still indexes the same text)
and passes that line as ``title``; it asserts that the text is unchanged outside the
headline and that every gold span and prediction slices the same characters.

Scores (:func:`evaluate`) are computed per article with
:func:`analysis.evaluation.score_attribution` and summed as counts per publisher and
overall (cross-checked against :func:`analysis.evaluation.pooled_attribution` when it
exists): quote-span P/R/F1 over all kinds; speaker accuracy over matched quotes;
quote+speaker F1 over direct and mixed quotes; recall of indirect (reported) speech;
distinct voices per article (:func:`analysis.evaluation.distinct_voices` on gold and
predicted speakers) as the mean absolute relative error over articles with at least
one gold voice and the share of articles within 25% of the gold count (an article
without gold voices is within only if none is predicted). Two more figures separate
what the project does not aim at from what it misses: the recall of indirect quotes
whose CUE holds a core speech verb (PolNeAR's indirect attributions also cover beliefs,
wishes and evaluations), and the speaker accuracy over matched quotes whose gold speaker
is a name (not a bare pronoun, a description or a phrase).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_ROOT = ROOT / "data" / "external" / "polnear"
SPLITS = ("train", "dev")  # the allow-list: PolNeAR's test split is never read
PUBLISHERS = ("breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post",
              "west-journal")
PRONOUNS = frozenset({
    "he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "me", "us", "his",
    "its", "their", "our", "my", "your", "hers", "theirs", "himself", "herself",
    "themselves", "itself",
})
KINDS = ("direct", "mixed", "indirect")
_NOTE = (
    "PolNeAR data not found in {root}: fetch github networkdynamics/PolNeAR (a clone or "
    "its git dir), then run `.venv/bin/python bench/polnear.py extract --from <that "
    "path>` (copies train and dev only; the test split is never read)."
)


def _check_split(split: str) -> None:
    if split not in SPLITS:
        raise ValueError(f"split {split!r} is not allowed here: only {', '.join(SPLITS)} "
                         "(PolNeAR's test split is reserved and never read)")


# --- extraction ------------------------------------------------------------------------


class _GitSource:
    """Files of a git directory (bare or not), read at HEAD with ``git cat-file``."""

    def __init__(self, git_dir: Path):
        self.git = ["git", "--git-dir", str(git_dir)]
        self.commit = subprocess.run(self.git + ["rev-parse", "HEAD"], check=True,
                                     capture_output=True, text=True).stdout.strip()
        self._cat = subprocess.Popen(self.git + ["cat-file", "--batch"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def list(self, folder: str) -> list[str]:
        out = subprocess.run(self.git + ["ls-tree", "-r", "--name-only", "HEAD", "--",
                                         folder], check=True, capture_output=True, text=True)
        return sorted(p for p in out.stdout.splitlines() if p.startswith(folder + "/"))

    def read(self, path: str) -> bytes:
        self._cat.stdin.write(f"HEAD:{path}\n".encode())
        self._cat.stdin.flush()
        header = self._cat.stdout.readline().split()
        if len(header) != 3:
            raise FileNotFoundError(path)
        data = self._cat.stdout.read(int(header[2]))
        self._cat.stdout.read(1)  # the newline after the object
        return data

    def close(self) -> None:
        self._cat.stdin.close()
        self._cat.wait()


class _TreeSource:
    """Files of a checked-out copy of the repository."""

    def __init__(self, root: Path):
        self.root = root
        self.commit = None

    def list(self, folder: str) -> list[str]:
        base = self.root / folder
        if not base.is_dir():
            return []
        return sorted(str(p.relative_to(self.root)) for p in base.iterdir() if p.is_file())

    def read(self, path: str) -> bytes:
        return (self.root / path).read_bytes()

    def close(self) -> None:
        pass


def _open_source(path: Path) -> _GitSource | _TreeSource:
    if (path / "data").is_dir():
        return _TreeSource(path)
    if (path / "HEAD").is_file() and (path / "objects").is_dir():
        return _GitSource(path)
    if (path / ".git").is_dir():
        return _GitSource(path / ".git")
    raise SystemExit(f"{path} is neither a PolNeAR work tree nor its git directory")


def _utf16_to_index(text: str) -> list[int] | None:
    """CoreNLP counts UTF-16 code units; a map to str indices when they differ."""
    if all(ord(c) <= 0xFFFF for c in text):
        return None
    out = []
    for i, c in enumerate(text):
        out.extend([i] * (2 if ord(c) > 0xFFFF else 1))
    out.append(len(text))
    return out


def coref_chains(xml: bytes, text: str) -> dict[str, list]:
    """The CoreNLP ``dcoref`` chains and proper names of one article as character spans.

    ``{"chains": [[mention, ...], ...], "names": [[start, end, ner], ...]}``: each
    mention is ``{"s", "e", "hs", "he", "rep", "name"}``, the mention's span, its head
    token's span, whether it is the chain's representative mention, and ``[start, end,
    ner]`` of its proper-name words (the NNP/NNPS run holding the head, else its first
    such run; ``None`` without one); ``names`` lists every NNP/NNPS run of the text with
    the named-entity tag of its last token.
    """
    root = ET.fromstring(xml)
    conv = _utf16_to_index(text)

    def pos(i: int) -> int:
        return conv[i] if conv else i

    sentences: dict[int, list[tuple[int, int, str, str]]] = {}
    runs_of: dict[int, list[list[int]]] = {}
    names = []
    for sent in root.iter("sentence"):
        toks = sent.find("tokens")
        if toks is None:
            continue
        sid = int(sent.get("id"))
        tl = sentences[sid] = [
            (pos(int(t.findtext("CharacterOffsetBegin"))),
             pos(int(t.findtext("CharacterOffsetEnd"))), t.findtext("POS") or "",
             t.findtext("NER") or "O")
            for t in toks]
        runs, cur = [], []
        for i, tok in enumerate(tl):
            if tok[2] in ("NNP", "NNPS"):
                cur.append(i)
            elif cur:
                runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        runs_of[sid] = runs
        names.extend([tl[r[0]][0], tl[r[-1]][1], tl[r[-1]][3]] for r in runs)
    chains = []
    doc = root.find("document")
    top = doc.find("coreference") if doc is not None else None
    for chain in (top if top is not None else []):
        mentions = []
        for m in chain.iter("mention"):
            sid = int(m.findtext("sentence"))
            toks = sentences.get(sid, [])
            a, b, h = (int(m.findtext(k)) - 1 for k in ("start", "end", "head"))
            if not (0 <= a < b <= len(toks) and 0 <= h < len(toks)):
                continue
            inside = [[i for i in r if a <= i < b] for r in runs_of[sid]]
            inside = [r for r in inside if r]
            run = next((r for r in inside if h in r), inside[0] if inside else None)
            mentions.append({
                "s": toks[a][0], "e": toks[b - 1][1], "hs": toks[h][0], "he": toks[h][1],
                "rep": m.get("representative") == "true",
                "name": [toks[run[0]][0], toks[run[-1]][1], toks[run[-1]][3]] if run
                else None})
        if mentions:
            chains.append(mentions)
    return {"chains": chains, "names": names}


def extract(source: Path, dest: Path = DEFAULT_ROOT) -> dict[str, dict]:
    """Copy the train and dev texts and annotations of a PolNeAR repository to ``dest``,
    with the CoreNLP coreference chains as compact JSON. Only ``data/train`` and
    ``data/dev`` are listed or read."""
    src = _open_source(source)
    counts: dict[str, dict] = {}
    try:
        for split in SPLITS:
            _check_split(split)
            out = dest / split
            for sub in ("text", "attributions", "coref"):
                (out / sub).mkdir(parents=True, exist_ok=True)
            texts = src.list(f"data/{split}/text")
            anns = src.list(f"data/{split}/attributions")
            for p in texts:
                (out / "text" / Path(p).name).write_bytes(src.read(p))
            for p in anns:
                (out / "attributions" / Path(p).name).write_bytes(src.read(p))
            n_coref, missing = 0, []
            for p in texts:
                name = Path(p).name[: -len(".txt")]
                try:
                    xml = src.read(f"data/{split}/corenlp/{name}.txt.xml")
                except FileNotFoundError:  # a snapshot may lack its largest files
                    missing.append(name)
                    continue
                text = src.read(p).decode("utf-8")
                chains = coref_chains(xml, text)
                (out / "coref" / f"{name}.json").write_text(json.dumps(chains), "utf-8")
                n_coref += 1
            counts[split] = {"texts": len(texts), "annotations": len(anns), "coref": n_coref,
                             "corenlp_missing": missing}
    finally:
        src.close()
    (dest / "SOURCE.json").write_text(json.dumps(
        {"repository": "github.com/networkdynamics/PolNeAR", "commit": src.commit,
         "splits": counts}, indent=2), "utf-8")
    return counts


# --- loading ---------------------------------------------------------------------------

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


def parse_ann(ann: str) -> tuple[dict[str, tuple[str, list[tuple[int, int]], str]],
                                 list[tuple[str, str, dict[str, list[str]]]]]:
    """Text-bound annotations ``{id: (type, fragments, first line of text)}`` and events
    ``[(id, type, {role: [ids]})]`` of a brat ``.ann`` file (roles lose their digits:
    ``Content2`` is ``Content``)."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events = []
    for line in ann.split("\n"):
        m = _T_LINE.match(line)
        if m:
            frags = [tuple(map(int, f.split())) for f in m.group(3).split(";")]
            spans[m.group(1)] = (m.group(2), frags, m.group(4))
            continue
        m = _E_LINE.match(line)
        if m:
            args = m.group(2).split()
            if not args:
                continue
            etype, _, _ = args[0].partition(":")
            roles: dict[str, list[str]] = defaultdict(list)
            for arg in args[1:]:
                role, _, tid = arg.partition(":")
                roles[role.rstrip("0123456789")].append(tid)
            events.append((m.group(1), etype, dict(roles)))
    return spans, events


_TRIM = " \t\n.,;:"


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Spans of quoted stretches, marks included, paired per line (see the docstring)."""
    regions = []
    pos = 0
    for line in text.split("\n"):
        regions.extend((pos + s, pos + e) for s, e in _line_regions(line))
        pos += len(line) + 1
    return regions


_DOUBLE = re.compile(r"“|”|\"|''|``")


def _line_regions(line: str) -> list[tuple[int, int]]:
    out = []
    opened = None
    for m in _DOUBLE.finditer(line):
        mark = m.group(0)
        if opened is None:
            if mark != "”":
                opened = m.start()
        elif mark not in ("“", "``"):
            out.append((opened, m.end()))
            opened = None
        else:  # a new opening mark: the previous quote ran on without closing
            out.append((opened, m.start()))
            opened = m.start()
    if opened is not None:
        out.append((opened, len(line)))
    # single marks: ‘ or a straight ' at a word start opens; ’ or ' before a non-letter
    # closes (so the apostrophe of "don’t" does not)
    opened = None
    for i, c in enumerate(line):
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        if c == "‘" or (c == "'" and not before.isalnum() and before != "'"
                        and after.isalnum()):
            opened = i
        elif opened is not None and c in "’'" and not after.isalpha() and after != "'":
            out.append((opened, i + 1))
            opened = None
    return out


def quote_kind(fragments: list[tuple[int, int]], text: str,
               regions: list[tuple[int, int]]) -> str:
    """``direct``, ``mixed`` or ``indirect`` for a CONTENT span (see the docstring)."""
    inside = True
    some = False
    for s, e in fragments:
        frag = text[s:e]
        a = s + len(frag) - len(frag.lstrip(_TRIM))
        b = e - (len(frag) - len(frag.rstrip(_TRIM)))
        if a >= b:
            continue
        if not any(rs <= a and b <= re_ for rs, re_ in regions):
            inside = False
        for rs, re_ in regions:
            lo, hi = max(rs, s), min(re_, e)
            if lo < hi and re.search(r"\w", text[lo:hi]):
                some = True
    if inside and some:
        return "direct"
    return "mixed" if some else "indirect"


def _span_text(text: str, frags: list[tuple[int, int]]) -> str:
    return " ".join(" ".join(text[s:e] for s, e in frags).split())


_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself",
                              "i", "me", "my"})
_THING_PRONOUNS = frozenset({"it", "its", "itself"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
_RELATIVE = frozenset({"who", "whom", "whose", "which", "that"})
_NAME_NER = {"person": {"PERSON"}, "thing": {"ORGANIZATION", "LOCATION", "MISC"},
             "any": {"PERSON", "ORGANIZATION", "LOCATION", "MISC"}}
# what may stand between a name and its relative pronoun: ", ", " (R-Texas), "
_NAME_TO_RELATIVE = re.compile(r"^[\s,]*(?:\([^()]{0,40}\))?[\s,]*$")


def _wanted(pronoun: str) -> set[str]:
    """The entity tags a pronoun's antecedent name may have."""
    if pronoun in _PERSON_PRONOUNS:
        return _NAME_NER["person"]
    if pronoun in _THING_PRONOUNS or pronoun in _GROUP_PRONOUNS or pronoun in ("which", "that"):
        return _NAME_NER["thing"] | ({"PERSON"} if pronoun == "that" else set())
    return _NAME_NER["any"]


def resolve_source(frags: list[tuple[int, int]], coref: dict, text: str) -> str | None:
    """The proper name a pronoun or a description source stands for, from PolNeAR's
    CoreNLP files; ``None`` when there is none.

    The ``dcoref`` chain is the one with a mention whose head lies in the source span
    (for a description such as ``the governor``, a mention that covers the whole
    description). Its names are those of its mentions whose head is a proper name and
    whose entity tag fits the source: PERSON for he/she/I, an organisation, place or
    other name for it and they, a person or an organisation for a description, any of
    these for we/you and relative pronouns. The speaker is the representative mention's
    name if it is one of them, else the longest. A relative pronoun (who, which, that)
    without a chain takes the proper name right before it (only a comma or a
    parenthesis between).
    """
    full = " ".join(text[s:e] for s, e in frags)
    source = canonical_source(full)
    low = source.lower()
    description = is_description(source)
    want = {"PERSON", "ORGANIZATION"} if description else _wanted(low)
    start = frags[0][0] + full.find(source.split()[0])
    end = start + len(source)
    for chain in coref.get("chains", []):
        if description:
            hit = any(m["s"] <= start and end <= m["e"] + 1 for m in chain)
        else:
            hit = any(s <= m["hs"] and m["he"] <= e for m in chain for s, e in frags)
        if not hit:
            continue
        named = [m for m in chain if m["name"] and m["name"][2] in want
                 and m["name"][0] <= m["hs"] and m["he"] <= m["name"][1]]
        rep = [m["name"] for m in named if m["rep"]]
        best = rep[0] if rep else max((m["name"] for m in named),
                                      key=lambda n: len(text[n[0]:n[1]].split()), default=None)
        if best:
            return " ".join(text[best[0]:best[1]].split())
    if low in _RELATIVE:
        before = [n for n in coref.get("names", []) if n[1] <= start and start - n[1] <= 60]
        if before:
            ns, ne, ner = max(before, key=lambda n: n[1])
            if ner in want and _NAME_TO_RELATIVE.match(text[ne:start]):
                return " ".join(text[ns:ne].split())
    return None


_SEGMENTS = re.compile(r",|\(|\)|\s[—–-]+\s|—|\s(?:who|whose|which)\s")
_NAME_PIECE = re.compile(
    r"^(?!(?:[RDI]|Rep|Dem)-)(?:(?:[A-Z][\w.’'\-]*|de|da|del|van|von|der|al|bin|la|le|of)\s+){0,4}"
    r"[A-Z][\w.’'\-]*$")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


def canonical_source(source: str) -> str:
    """The name part of a SOURCE span.

    The span is cut into pieces at commas, parentheses, dashes and relative pronouns.
    The first piece is the speaker (``Jane Roe, a pollster who ...`` is ``Jane Roe``;
    ``Sen. John Doe (R-Ohio)`` is ``Sen. John Doe``) unless it is a description with
    lower-case words and a later piece is a bare name (``the party's state chairman,
    Sam Poe, a former ...`` is ``Sam Poe``). A final possessive goes (in ``Roe’s email
    said``, the source ``Roe’s`` is ``Roe``).
    """
    pieces = [" ".join(p.split()).strip(" .,;:") for p in _SEGMENTS.split(source)]
    pieces = [p for p in pieces if p]
    if not pieces:
        return " ".join(source.split())
    out = pieces[0]
    if not _NAME_PIECE.match(out) and any(w[:1].islower() for w in out.split()):
        out = next((p for p in pieces[1:] if _NAME_PIECE.match(p)), out)
    if out.endswith(".") and not re.search(r"\b[A-Z][a-z]?\.$", out):
        out = out[:-1]
    return _POSSESSIVE.sub("", out) or out


_DESCRIPTION_HEADS = frozenset({"the", "his", "her", "their", "its", "our", "my", "this",
                                "that", "these", "those"})


def is_description(speaker: str) -> bool:
    """``the chairman``, ``his spokesman``: a definite description without a name."""
    words = speaker.split()
    return (len(words) >= 2 and words[0].lower() in _DESCRIPTION_HEADS
            and not any(w[:1].isupper() for w in words[1:]))


def _article_entries(folder: Path) -> Iterator[tuple[str, Path, Path]]:
    for txt in sorted((folder / "text").glob("*.txt")):
        name = txt.name[: -len(".txt")]
        anns = sorted((folder / "attributions").glob(f"{name}_*.ann"))
        if anns:
            yield name, txt, anns[0]


def split_at_attribution(frags: list[tuple[int, int]], attribution: list[tuple[int, int]]
                         ) -> list[list[tuple[int, int]]]:
    """The pieces of one CONTENT span, cut where its SOURCE or CUE stands between two
    fragments ("“I feel bad,” she said. “I don't see him …”" is two quotes, as the
    project's annotation guidelines have it; fragments split only by a line break stay
    one quote, like a quotation continued over paragraphs)."""
    pieces = [[frags[0]]]
    for prev, nxt in zip(frags, frags[1:], strict=False):
        if any(prev[1] <= a and b <= nxt[0] for a, b in attribution):
            pieces.append([nxt])
        else:
            pieces[-1].append(nxt)
    return pieces


def load_split(split: str, root: Path = DEFAULT_ROOT, *, coref: bool = True) -> list[dict]:
    """The articles of PolNeAR's ``train`` or ``dev`` split with their gold quotes.

    Each item is ``{"id", "publisher", "annotator", "text", "headline_end", "gold"}``;
    gold quotes are described in the module docstring. Raises ``ValueError`` for any
    other split (``test`` included) and ``FileNotFoundError`` when the split was not
    extracted.
    """
    _check_split(split)
    folder = Path(root) / split
    if not (folder / "text").is_dir():
        raise FileNotFoundError(_NOTE.format(root=root))
    items = []
    for name, txt, ann_path in _article_entries(folder):
        text = txt.read_bytes().decode("utf-8")  # no newline translation: offsets stay
        spans, events = parse_ann(ann_path.read_bytes().decode("utf-8"))
        cpath = folder / "coref" / f"{name}.json"
        chains = json.loads(cpath.read_text("utf-8")) if coref and cpath.exists() else {}
        head_end = text.find("\n\n")
        head_end = head_end if head_end > 0 else 0
        regions = quoted_regions(text)
        gold = []
        for eid, etype, roles in events:
            if not etype.startswith("Attribution"):
                continue
            src = [f for tid in roles.get("Source", []) if tid in spans
                   for f in spans[tid][1]]
            cue = [f for tid in roles.get("Cue", []) if tid in spans for f in spans[tid][1]]
            if src:
                speaker = canonical_source(_span_text(text, src))
                speaker_from = "source"
                low = speaker.lower()
                if low in PRONOUNS or low in _RELATIVE or is_description(speaker):
                    resolved = resolve_source(src, chains, text)
                    if resolved:
                        speaker, speaker_from = resolved, "coref"
            else:
                speaker, speaker_from = None, "none"
            for tid in roles.get("Content", []):
                if tid not in spans:
                    continue
                for frags in split_at_attribution(sorted(spans[tid][1]), src + cue):
                    start, end = frags[0][0], frags[-1][1]
                    gold.append({
                        "start": start, "end": end, "fragments": frags,
                        "speaker": speaker, "speaker_from": speaker_from,
                        "source_text": _span_text(text, src) if src else None,
                        "kind": quote_kind(frags, text, regions),
                        "cue_start": min(s for s, _ in cue) if cue else None,
                        "cue_end": max(e for _, e in cue) if cue else None,
                        "source_start": min(s for s, _ in src) if src else None,
                        "source_end": max(e for _, e in src) if src else None,
                        "in_headline": start < head_end, "event": eid})
        gold.sort(key=lambda g: (g["start"], g["end"]))
        publisher = next((p for p in PUBLISHERS if name.startswith(p + "_")),
                         name.split("_", 1)[0])
        items.append({"id": name, "publisher": publisher,
                      "annotator": ann_path.stem[len(name) + 1:], "text": text,
                      "headline_end": head_end, "gold": gold})
    return items


def to_article(item: dict):
    """The project's :class:`~analysis.article.Article` of a PolNeAR item, with offsets
    into the same text (the headline's line breaks become spaces, nothing else moves)."""
    from analysis.article import Kind, parse_text

    text, head_end = item["text"], item["headline_end"]
    headline = text[:head_end].replace("\n", " ")
    given = headline + text[head_end:]
    assert len(given) == len(text) and given[head_end:] == text[head_end:]
    title = headline.strip() or None
    article = parse_text(given, id=item["id"], title=title, outlet=item["publisher"])
    if title:
        assert article.blocks[0].kind is Kind.HEADLINE, item["id"]
    for g in item["gold"]:
        if not g["in_headline"]:
            assert article.text[g["start"]:g["end"]] == text[g["start"]:g["end"]]
    return article


# --- evaluation ------------------------------------------------------------------------


def _interleaved(items: list[dict]) -> list[dict]:
    """Items ordered so that any prefix holds the publishers in turn."""
    by_pub: dict[str, list[dict]] = defaultdict(list)
    for it in items:
        by_pub[it["publisher"]].append(it)
    order = []
    for i in range(max((len(v) for v in by_pub.values()), default=0)):
        order.extend(v[i] for _, v in sorted(by_pub.items()) if i < len(v))
    return order


_COUNTS = ("articles", "gold", "predicted", "matched", "speaker_ok", "qs_tp", "qs_gold",
           "qs_predicted", "reported_gold", "reported_found", "voices_n", "voices_within",
           "voices_gold_zero", "said_gold", "said_found", "named_matched", "named_ok",
           "known_matched", "known_ok")
# The core verbs of reported speech, fixed here (not the project's list, which is what is
# being measured): PolNeAR's indirect attributions also include beliefs, wishes and
# evaluations ("X wants ...", "X blamed Y for ..."), so the reported-speech recall is
# also given over the indirect quotes whose CUE holds one of these words.
_SAID_CUE = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|according to|add|adds|added|adding|"
    r"write|writes|wrote|writing|claim|claims|claimed|claiming|state|states|stated|stating|"
    r"announce|announces|announced|announcing|argue|argues|argued|arguing|insist|insists|"
    r"insisted|insisting|note|notes|noted|noting|explain|explains|explained|explaining)\b",
    re.IGNORECASE)


def _summary(c: dict) -> dict:
    from analysis.evaluation import prf

    span = prf(c["matched"], c["predicted"] - c["matched"], c["gold"] - c["matched"])
    qs = prf(c["qs_tp"], c["qs_predicted"] - c["qs_tp"], c["qs_gold"] - c["qs_tp"])
    return {
        **{k: c[k] for k in _COUNTS},
        "span_precision": span["precision"], "span_recall": span["recall"],
        "span_f1": span["f1"],
        "speaker_accuracy": c["speaker_ok"] / c["matched"] if c["matched"] else 0.0,
        "quote_speaker_precision": qs["precision"], "quote_speaker_recall": qs["recall"],
        "quote_speaker_f1": qs["f1"],
        "reported_recall": (c["reported_found"] / c["reported_gold"]
                            if c["reported_gold"] else 1.0),
        "voices_mare": c["voices_err"] / c["voices_n"] if c["voices_n"] else 0.0,
        "voices_within_25": c["voices_within"] / c["articles"] if c["articles"] else 0.0,
        "voices_gold_mean": c["voices_gold"] / c["articles"] if c["articles"] else 0.0,
        "voices_predicted_mean": c["voices_pred"] / c["articles"] if c["articles"] else 0.0,
        "said_recall": c["said_found"] / c["said_gold"] if c["said_gold"] else 1.0,
        "named_speaker_accuracy": c["named_ok"] / c["named_matched"] if c["named_matched"]
        else 0.0,
        "known_speaker_accuracy": c["known_ok"] / c["known_matched"] if c["known_matched"]
        else 0.0,
        "gold_by_kind": dict(c["kinds"]),
        "gold_headline_excluded": c["headline"],
        "gold_no_source": c["no_source"],
        "gold_speaker_from_coref": c["from_coref"],
    }


def _context(text: str, s: int, e: int, width: int = 150) -> str:
    a, b = max(0, s - width), min(len(text), e + width)
    return (text[a:s] + "[[" + text[s:e] + "]]" + text[e:b]).replace("\n", " ⏎ ")


def unresolved_pronoun(g: dict) -> bool:
    """A gold speaker that is a bare pronoun no coreference chain named ("he", "they",
    "who"): it says nothing of who spoke, so no speaker a system names can match it."""
    return g["speaker"] is not None and g["speaker_from"] != "coref" and (
        g["speaker"].lower() in PRONOUNS or g["speaker"].lower() in _RELATIVE)


def _detail(g: dict) -> str:
    """What kind of gold attribution an error is about."""
    if g["speaker"] is None:
        return "gold has no source"
    low = g["speaker"].lower()
    if low in PRONOUNS or low in _RELATIVE or is_description(g["speaker"]):
        return "gold source is an unresolved pronoun or description"
    if g["speaker_from"] == "coref":
        return "gold source named through coreference"
    return "gold source is a name" if _NAME_PIECE.match(g["speaker"]) else \
        "gold source is a group or phrase"


def _article_errors(item: dict, pred: list[dict], gold: list[dict]) -> list[dict]:
    from analysis.evaluation import match_quotes, same_speaker

    pairs = dict(match_quotes(pred, gold))
    out = []
    for gi, g in enumerate(gold):
        base = {"article": item["id"], "publisher": item["publisher"], "gold": g,
                "detail": f"{g['kind']}, {_detail(g)}"}
        if gi in pairs:
            p = pred[pairs[gi]]
            if not same_speaker(p.get("speaker"), g["speaker"]):
                kind = "no speaker predicted" if not p.get("speaker") else "wrong speaker"
                out.append({**base, "type": kind, "predicted": p})
            continue
        overlap = [p for p in pred if min(p["end"], g["end"]) > max(p["start"], g["start"])]
        out.append({**base, "type": "quote span mismatch" if overlap else "quote missed",
                    "predicted": overlap[0] if overlap else None})
    used = set(pairs.values())
    for pi, p in enumerate(pred):
        overlaps = any(min(p["end"], g["end"]) > max(p["start"], g["start"]) for g in gold)
        if pi not in used and not overlaps:
            out.append({"article": item["id"], "publisher": item["publisher"], "gold": None,
                        "type": "spurious quote", "predicted": p,
                        "detail": f"predicted {p['kind']}"})
    return out


def evaluate(split: str, root: Path = DEFAULT_ROOT, limit: int | None = None, *,
             coref: bool = True, keep_errors: bool = False) -> dict:
    """Scores of the source analysis on a split, overall and per publisher (counts summed
    over articles, ratios computed from the sums)."""
    from analysis import evaluation
    from analysis.evaluation import match_quotes, same_speaker, score_attribution
    from analysis.sources import analyze_sources

    items = _interleaved(load_split(split, root, coref=coref))
    if limit is not None:
        items = items[:limit]
    totals: dict[str, Counter] = defaultdict(Counter)
    scores: dict[str, list[dict]] = defaultdict(list)
    kinds = ("direct", "mixed")
    errors = []
    t0 = time.perf_counter()
    for item in items:
        article = to_article(item)
        result = analyze_sources(article)
        pred = []
        for q in result["quotes"]:
            assert article.text[q["start"]:q["end"]] == item["text"][q["start"]:q["end"]]
            pred.append({"start": q["start"], "end": q["end"], "speaker": q["speaker"],
                         "kind": q["kind"], "cue": q["cue"]})
        gold = [g for g in item["gold"] if not g["in_headline"]]
        s = score_attribution(pred, gold, kinds)
        vg, vp = s["voices_gold"], s["voices_predicted"]
        said = [g for g in gold if g["kind"] == "indirect" and g["cue_start"] is not None
                and _SAID_CUE.search(item["text"][g["cue_start"]:g["cue_end"]])]
        named = [(gi, pi) for gi, pi in match_quotes(pred, gold)
                 if _detail(gold[gi]) in ("gold source is a name",
                                          "gold source named through coreference")]
        # matched quotes whose gold speaker is identifiable: not a bare pronoun that
        # CoreNLP's chains left unnamed ("he" alone says nothing of who spoke)
        known = [(gi, pi) for gi, pi in match_quotes(pred, gold)
                 if not unresolved_pronoun(gold[gi])]
        row = Counter({
            "known_matched": len(known),
            "known_ok": sum(same_speaker(pred[pi]["speaker"], gold[gi]["speaker"])
                            for gi, pi in known),
            "said_gold": len(said), "said_found": len(match_quotes(pred, said)),
            "named_matched": len(named),
            "named_ok": sum(same_speaker(pred[pi]["speaker"], gold[gi]["speaker"])
                            for gi, pi in named),
            "articles": 1, "gold": s["gold"], "predicted": s["predicted"],
            "matched": s["matched"], "speaker_ok": s["speaker_ok"],
            "qs_tp": s["quote_speaker_tp"],
            "qs_gold": s.get("quote_speaker_gold", sum(g["kind"] in kinds for g in gold)),
            "qs_predicted": s.get("quote_speaker_predicted",
                                  sum(p["kind"] in kinds for p in pred)),
            "reported_gold": s["reported_gold"], "reported_found": s["reported_found"],
            "voices_gold": vg, "voices_pred": vp,
            "voices_within": abs(vp - vg) <= 0.25 * vg if vg else vp == 0,
            "headline": len(item["gold"]) - len(gold),
            "no_source": sum(g["speaker"] is None for g in gold),
            "from_coref": sum(g["speaker_from"] == "coref" for g in gold),
        })
        if vg:
            row["voices_n"] = 1
            row["voices_err"] = abs(vp - vg) / vg
        else:
            row["voices_gold_zero"] = 1
        for key in ("overall", item["publisher"]):
            scores[key].append(s)
            totals[key].update(row)
            totals[key + "/kinds"].update(g["kind"] for g in gold)
        if keep_errors:
            errors.extend({**e, "text": item["text"]} for e in _article_errors(item, pred, gold))
    seconds = time.perf_counter() - t0
    out_rows = {}
    for key in ["overall", *sorted(k for k in totals if "/" not in k and k != "overall")]:
        c = Counter({k: 0 for k in (*_COUNTS, "voices_err", "voices_gold", "voices_pred",
                                    "headline", "no_source", "from_coref")})
        c.update(totals[key])
        c["kinds"] = {k: totals[key + "/kinds"][k] for k in KINDS}
        out_rows[key] = _summary(c)
        pooled = getattr(evaluation, "pooled_attribution", None)
        if pooled is not None:  # the project's own pooling must agree with these sums
            ref = pooled(scores[key])
            for k in ("speaker_accuracy", "quote_speaker_f1", "reported_recall",
                      "voices_within_25"):
                assert abs(ref[k] - out_rows[key][k]) < 0.0006, (key, k, ref[k])
    out = {"split": split, "articles": len(items), "seconds": round(seconds, 2),
           "coref": coref, "overall": out_rows["overall"],
           "by_publisher": {k: v for k, v in out_rows.items() if k != "overall"}}
    if keep_errors:
        out["errors"] = errors
    return out


# --- output ----------------------------------------------------------------------------


def markdown_table(result: dict) -> str:
    head = ("| rows | articles | gold quotes (dir/mix/ind) | predicted | span P | span R | "
            "span F1 | speaker acc. (matched) | quote+speaker F1 (dir+mix) | "
            "reported recall | voices gold/pred per article | voices MARE | "
            "voices within 25% |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    rows = [("overall", result["overall"]), *result["by_publisher"].items()]
    for name, r in rows:
        k = r["gold_by_kind"]
        lines.append(
            f"| {name} | {r['articles']} | {r['gold']} ({k['direct']}/{k['mixed']}/"
            f"{k['indirect']}) | {r['predicted']} | {r['span_precision']:.3f} | "
            f"{r['span_recall']:.3f} | {r['span_f1']:.3f} | {r['speaker_accuracy']:.3f} "
            f"({r['speaker_ok']}/{r['matched']}) | {r['quote_speaker_f1']:.3f} | "
            f"{r['reported_recall']:.3f} ({r['reported_found']}/{r['reported_gold']}) | "
            f"{r['voices_gold_mean']:.1f}/{r['voices_predicted_mean']:.1f} | "
            f"{r['voices_mare']:.3f} | {r['voices_within_25']:.3f} |")
    o = result["overall"]
    lines.append("")
    lines.append(
        f"{result['split']} overall: reported-speech recall over indirect quotes whose cue is "
        f"a core speech verb (say, tell, according to, add, write, claim, state, announce, "
        f"argue, insist, note, explain) {o['said_recall']:.3f} ({o['said_found']}/"
        f"{o['said_gold']}); speaker accuracy over matched quotes whose gold speaker is a "
        f"name {o['named_speaker_accuracy']:.3f} ({o['named_ok']}/{o['named_matched']}); "
        f"over matched quotes whose gold speaker is identifiable (all but bare pronouns that "
        f"no coreference chain names, {o['matched'] - o['known_matched']} quotes) "
        f"{o['known_speaker_accuracy']:.3f} ({o['known_ok']}/{o['known_matched']}).")
    lines.append("")
    lines.append(
        f"{result['split']}: {result['articles']} articles in {result['seconds']} s; "
        f"gold quotes by kind {o['gold_by_kind']}; {o['gold_no_source']} gold quotes "
        f"have no source; {o['gold_speaker_from_coref']} pronoun or description sources "
        f"named through CoreNLP coreference{'' if result['coref'] else ' (off)'}; "
        f"{o['gold_headline_excluded']} headline attributions left out.")
    return "\n".join(lines)


def print_errors(errors: list[dict], n: int, seed: int = 0) -> None:
    """Up to ``n`` sample errors, spread over the failure types and grouped by type."""
    by_type: dict[str, list[dict]] = defaultdict(list)
    for e in errors:
        by_type[e["type"]].append(e)
    rng = random.Random(seed)
    picks: dict[str, list[dict]] = {}
    pools = {t: rng.sample(v, len(v)) for t, v in sorted(by_type.items())}
    taken = 0
    while taken < n and any(pools.values()):
        for t, pool in pools.items():
            if pool and taken < n:
                picks.setdefault(t, []).append(pool.pop())
                taken += 1
    for t, sample in picks.items():
        print(f"\n### {t} ({len(by_type[t])} in all)\n")
        for detail, k in Counter(e["detail"] for e in by_type[t]).most_common():
            print(f"- {k} {detail}")
        print()
        for e in sample:
            g, p = e["gold"], e["predicted"]
            if g:
                print(f"- {e['article']} | gold {g['kind']}: speaker {g['speaker']!r} "
                      f"(source {g['source_text']!r}, {g['speaker_from']}) | predicted: "
                      + (f"{p['kind']} speaker {p['speaker']!r}" if p else "nothing"))
                print(f"  {_context(e['text'], g['start'], g['end'])}")
            else:
                print(f"- {e['article']} | predicted {p['kind']} speaker {p['speaker']!r}, "
                      "no gold attribution there")
                print(f"  {_context(e['text'], p['start'], p['end'])}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", nargs="?", default="run", choices=("run", "extract"))
    ap.add_argument("--from", dest="source", type=Path,
                    help="extract: the PolNeAR clone or git directory")
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--limit", type=int, default=None,
                    help="first N articles of each split (publishers interleaved)")
    ap.add_argument("--splits", nargs="+", default=list(SPLITS), choices=SPLITS)
    ap.add_argument("--errors", type=int, default=0, help="print N sample errors")
    ap.add_argument("--split", default="train", choices=SPLITS,
                    help="the split the --errors samples come from")
    ap.add_argument("--no-coref", action="store_true",
                    help="gold speaker of pronoun sources: the pronoun itself")
    ap.add_argument("--json", type=Path, help="also write the scores to this JSON file")
    args = ap.parse_args(argv)

    if args.command == "extract":
        if args.source is None:
            ap.error("extract needs --from <PolNeAR clone or git dir>")
        counts = extract(args.source, args.root)
        print(f"extracted to {args.root}: {counts}")
        return 0
    if not (args.root / "train" / "text").is_dir():
        print(_NOTE.format(root=args.root))
        return 0
    results = {}
    splits = list(dict.fromkeys(args.splits + ([args.split] if args.errors else [])))
    for split in splits:
        res = evaluate(split, args.root, args.limit, coref=not args.no_coref,
                       keep_errors=bool(args.errors) and split == args.split)
        print(f"\n## PolNeAR {split}\n")
        print(markdown_table(res))
        if args.errors and split == args.split:
            print(f"\n## Sample errors ({split})")
            print_errors(res.pop("errors"), args.errors)
        results[split] = res
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
