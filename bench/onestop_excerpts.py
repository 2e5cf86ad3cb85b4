"""OneStopEnglish excerpts: each article's three levels cut at the same paragraph
boundaries into passages of at least 120 words, so that a readability measure can be
checked on what an editor grades (a few paragraphs), not only on whole texts.

The three versions of an article do not have the same paragraphs: teachers merge,
split and drop them when they simplify. So each simpler version is aligned with the
advanced one paragraph by paragraph, by shared content words, in both directions:

- every paragraph of the simpler version goes to its most similar advanced paragraph,
  and every advanced paragraph to its most similar paragraph of the simpler version,
  both in reading order (a monotone alignment: the best total similarity, by dynamic
  programming);
- a cut between advanced paragraphs ``j`` and ``j + 1`` and between simpler paragraphs
  ``i`` and ``i + 1`` is *consistent* when both alignments keep everything before the
  cut before it and everything after it after it.

An article is cut where the cut is consistent for both simpler versions at once, as
soon as every level's passage since the last cut has at least :data:`MIN_WORDS` words;
a remainder shorter than that joins the last excerpt. An article with no consistent
cut is one excerpt (its whole text). Only the development split is read: it is the
only split in the repository.

Run ``.venv/bin/python bench/onestop_excerpts.py`` for the number of excerpts and
their lengths.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT / "data" / "datasets" / "onestopenglish" / "readability_dev.jsonl"
MIN_WORDS = 120
LEVELS = (0, 1, 2)  # elementary, intermediate, advanced

_WORD = re.compile(r"[^\W\d_]+")
# words too common to say which paragraph is which (articles, pronouns, auxiliaries)
_COMMON = frozenset(
    "the a an and or but of to in on at by for with from as is are was were be been "
    "it its this that these those he she they we you i his her their our your them him "
    "not no so if than then there which who what when where how have has had do does did "
    "will would can could should may might also said says about into more most very".split()
)


def words(text: str) -> int:
    """Number of white-space separated words (the unit of :data:`MIN_WORDS`)."""
    return len(text.split())


def content_keys(paragraph: str) -> frozenset[str]:
    """The paragraph's content words, lower case and cut to their first five letters so
    that ``elected`` and ``election`` or ``buy`` and ``buying`` meet."""
    return frozenset(
        w[:5] for w in _WORD.findall(paragraph.lower()) if len(w) > 2 and w not in _COMMON
    )


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set's keys found in the other (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def monotone_alignment(src: Sequence[frozenset[str]], dst: Sequence[frozenset[str]]) -> list[int]:
    """For each paragraph of ``src`` the index of a paragraph of ``dst``, never going
    back (non-decreasing), with the greatest total :func:`similarity`."""
    n, m = len(src), len(dst)
    if not n:
        return []
    sim = [[similarity(s, d) for d in dst] for s in src]
    # best[i][j]: best total for src[: i + 1] with src[i] -> dst[j]
    best = [[0.0] * m for _ in range(n)]
    back = [[0] * m for _ in range(n)]
    best[0] = sim[0][:]
    for i in range(1, n):
        run_best, run_arg = float("-inf"), 0
        for j in range(m):
            if best[i - 1][j] > run_best:
                run_best, run_arg = best[i - 1][j], j
            best[i][j] = run_best + sim[i][j]
            back[i][j] = run_arg
    j = max(range(m), key=lambda k: (best[n - 1][k], -k))
    out = [0] * n
    for i in range(n - 1, -1, -1):
        out[i] = j
        j = back[i][j]
    return out


def consistent_cuts(simpler: Sequence[str], advanced: Sequence[str]) -> dict[int, int]:
    """Consistent cuts between a simpler version and the advanced one: ``{j: i}`` where
    cutting after advanced paragraph ``j`` and after simpler paragraph ``i`` keeps both
    alignments on their side of the cut (see the module docstring)."""
    ks = [content_keys(p) for p in simpler]
    ka = [content_keys(p) for p in advanced]
    s_to_a = monotone_alignment(ks, ka)
    a_to_s = monotone_alignment(ka, ks)
    cuts = {}
    for j in range(len(advanced) - 1):
        for i in range(len(simpler) - 1):
            if (
                s_to_a[i] <= j < s_to_a[i + 1]
                and a_to_s[j] <= i < a_to_s[j + 1]
            ):
                cuts[j] = i
    return cuts


def cut_group(levels: dict[int, str], min_words: int = MIN_WORDS) -> list[dict[int, str]]:
    """One article's three versions (``{level: text}``, paragraphs separated by
    ``\\n``) as aligned excerpts: a list of ``{level: excerpt text}``, each excerpt made
    of whole paragraphs and, in every level, at least ``min_words`` words (unless the
    whole version is shorter)."""
    paras = {lv: [p for p in levels[lv].split("\n") if p.strip()] for lv in LEVELS}
    adv = paras[2]
    cuts = {lv: consistent_cuts(paras[lv], adv) for lv in (0, 1)}
    shared = sorted(set(cuts[0]) & set(cuts[1]))
    bounds: list[dict[int, int]] = []  # each: {level: index of its last paragraph}
    start = {lv: 0 for lv in LEVELS}
    for j in shared:
        end = {0: cuts[0][j], 1: cuts[1][j], 2: j}
        if all(end[lv] >= start[lv] for lv in LEVELS) and all(
            words(" ".join(paras[lv][start[lv] : end[lv] + 1])) >= min_words for lv in LEVELS
        ):
            bounds.append(end)
            start = {lv: end[lv] + 1 for lv in LEVELS}
    last = {lv: len(paras[lv]) - 1 for lv in LEVELS}
    rest_short = any(
        words(" ".join(paras[lv][start[lv] :])) < min_words for lv in LEVELS
    )
    if bounds and rest_short:
        bounds[-1] = last  # a short remainder joins the last excerpt
    else:
        bounds.append(last)
    out = []
    begin = {lv: 0 for lv in LEVELS}
    for end in bounds:
        out.append({lv: "\n".join(paras[lv][begin[lv] : end[lv] + 1]) for lv in LEVELS})
        begin = {lv: end[lv] + 1 for lv in LEVELS}
    return out


def load_records(path: Path = DATASET) -> list[dict]:
    """The development split's records (``{"id", "group", "level", "text"}``)."""
    if "test" in path.name.lower():
        raise ValueError(f"{path}: only the development split may be read")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def excerpts(records: Sequence[dict], min_words: int = MIN_WORDS) -> list[dict]:
    """Every group's aligned excerpts as records ``{"id", "group", "level", "text"}``,
    where ``group`` names the article and the excerpt (``<article>#<k>``), so that the
    three levels of one passage share a group."""
    by_group: dict[str, dict[int, str]] = {}
    for r in records:
        by_group.setdefault(r["group"], {})[r["level"]] = r["text"]
    out = []
    for group, levels in by_group.items():
        if set(levels) != set(LEVELS):
            continue
        for k, ex in enumerate(cut_group(levels, min_words)):
            for lv in LEVELS:
                out.append({"id": f"{group}#{k}-{lv}", "group": f"{group}#{k}", "level": lv,
                            "article": group, "text": ex[lv]})
    return out


def main() -> None:
    ex = excerpts(load_records())
    groups = {e["group"] for e in ex}
    lengths = sorted(words(e["text"]) for e in ex)
    print(f"{len(groups)} excerpts x 3 levels from {len({e['article'] for e in ex})} articles; "
          f"words per excerpt: min {lengths[0]}, median {lengths[len(lengths) // 2]}, "
          f"max {lengths[-1]}")


if __name__ == "__main__":
    sys.exit(main())
