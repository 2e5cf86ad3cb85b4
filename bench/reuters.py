"""Reuters-21578 (ModApte TRAINING split only) for tuning and checking topic themes.

Reuters-21578, Distribution 1.0 (David D. Lewis; 21,578 Reuters newswire stories of
1987 in 22 SGML files ``reut2-000.sgm`` ... ``reut2-021.sgm``) has no licence to
redistribute: the extracted copy lives in the git-ignored folder
``data/external/reuters21578/`` and its text is never committed::

    # 1. fetch a repository holding the original reut2-0NN.sgm files (a clone or its
    #    git dir; e.g. github mohanadarafe/Reuters-SPIMI-Indexer, folder data/)
    # 2. keep the ModApte training documents only
    .venv/bin/python bench/reuters.py extract --from /path/to/repo[.git] [--folder data]

**The test split is never read.** The ModApte split (the corpus README, section VIII.B)
is ``LEWISSPLIT="TRAIN"`` with ``TOPICS="YES"`` for training and ``LEWISSPLIT="TEST"``
with ``TOPICS="YES"`` for test. :func:`documents` looks at the attributes of each
document's opening ``<REUTERS ...>`` tag and, unless they are exactly the training
ones (:func:`is_modapte_train`), skips to the next opening tag without parsing, storing,
counting or printing anything of that document. :func:`load_split` refuses any split
name other than ``tune`` and ``dev``, both carved from the training split.

Our own hold-out: training documents whose ``NEWID`` is a multiple of 5 are the **dev**
part (about a fifth), the rest the **tune** part; rules are tuned on tune only, and
dev is the check that after-tuning figures are not only on what was tuned.

Each stored record: ``newid``, ``date`` (ISO ``YYYY-MM-DD`` from ``<DATE>``), ``topics``
and ``places`` (category lists), ``title``, ``dateline`` and ``body`` (entities such as
``&lt;`` decoded, control characters removed).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_ROOT = ROOT / "data" / "external" / "reuters21578"
SPLITS = ("tune", "dev")  # both inside the ModApte training split; test is never read
FILES = tuple(f"reut2-{i:03d}.sgm" for i in range(22))
_NOTE = (
    "Reuters-21578 training data not found in {root}: fetch a repository with the "
    "original reut2-0NN.sgm files, then run `.venv/bin/python bench/reuters.py extract "
    "--from <that path>` (keeps ModApte training documents only; test is never read)."
)
_OPEN = re.compile(rb"<REUTERS\b([^>]*)>")
_ATTR = re.compile(rb'([A-Z]+)="([^"]*)"')
_CLOSE = b"</REUTERS>"
_MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}


def is_modapte_train(attrs: dict[str, str]) -> bool:
    """True only for a ModApte training document: LEWISSPLIT="TRAIN" and TOPICS="YES"."""
    return attrs.get("LEWISSPLIT") == "TRAIN" and attrs.get("TOPICS") == "YES"


def dev_part(newid: int) -> bool:
    """Our fixed hold-out inside the training split: NEWID a multiple of 5."""
    return newid % 5 == 0


def documents(sgm: bytes) -> Iterator[dict]:
    """The ModApte training documents of one ``reut2-0NN.sgm`` file, parsed.

    Only the opening tag's attributes are read before deciding; any other document is
    skipped unparsed (its bytes are passed over to find the next opening tag)."""
    pos = 0
    while True:
        m = _OPEN.search(sgm, pos)
        if m is None:
            return
        attrs = {k.decode(): v.decode() for k, v in _ATTR.findall(m.group(1))}
        end = sgm.find(_CLOSE, m.end())
        end = len(sgm) if end < 0 else end
        pos = end
        if not is_modapte_train(attrs):
            continue  # test or unused: not parsed, stored, counted or printed
        yield _parse(attrs, sgm[m.end():end].decode("latin-1"))


def _field(doc: str, tag: str) -> str:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", doc, re.DOTALL)
    return m.group(1) if m else ""


def _clean(s: str) -> str:
    s = html.unescape(s)
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", s).replace("\r", "")


def _iso_date(raw: str) -> str | None:
    m = re.match(r"\s*(\d{1,2})-([A-Z]{3})-(\d{4})", raw)
    if not m or m.group(2) not in _MONTHS:
        return None
    return f"{m.group(3)}-{_MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"


def _parse(attrs: dict[str, str], doc: str) -> dict:
    return {
        "newid": int(attrs["NEWID"]),
        "date": _iso_date(_field(doc, "DATE")),
        "topics": re.findall(r"<D>(.*?)</D>", _field(doc, "TOPICS")),
        "places": re.findall(r"<D>(.*?)</D>", _field(doc, "PLACES")),
        "title": _clean(_field(doc, "TITLE")).strip(),
        "dateline": _clean(_field(doc, "DATELINE")).strip(),
        "body": _clean(_field(doc, "BODY")).replace("Reuter\n", "").strip(),
    }


def _read_sgm(source: Path, folder: str, name: str) -> bytes | None:
    tree = source / folder / name
    if tree.is_file():
        return tree.read_bytes()
    git_dir = source if (source / "objects").is_dir() else source / ".git"
    if not (git_dir / "objects").is_dir():
        return None
    path = f"{folder}/{name}" if folder else name
    out = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"HEAD:{path}"],
                         capture_output=True)
    return out.stdout if out.returncode == 0 else None


def extract(source: Path, folder: str = "data", dest: Path = DEFAULT_ROOT) -> dict[str, int]:
    """Write ``tune.jsonl`` and ``dev.jsonl`` (ModApte training documents only) under
    ``dest``; return how many documents each holds."""
    out: dict[str, list[dict]] = {s: [] for s in SPLITS}
    for name in FILES:
        data = _read_sgm(source, folder, name)
        if data is None:
            raise SystemExit(f"{source}: {folder}/{name} not found; pass --folder")
        for doc in documents(data):
            out["dev" if dev_part(doc["newid"]) else "tune"].append(doc)
    dest.mkdir(parents=True, exist_ok=True)
    for split, docs in out.items():
        with (dest / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return {s: len(d) for s, d in out.items()}


def load_split(split: str, root: Path = DEFAULT_ROOT) -> list[dict]:
    """The stored documents of ``tune`` or ``dev``; any other name is refused."""
    if split not in SPLITS:
        raise ValueError(f"split {split!r} is not allowed here: only {', '.join(SPLITS)} "
                         "(parts of ModApte training; Reuters-21578's test split is "
                         "reserved and never read)")
    path = root / f"{split}.jsonl"
    if not path.exists():
        raise FileNotFoundError(_NOTE.format(root=root))
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def to_article(doc: dict):
    """The document as the project's :class:`~analysis.article.Article`: the title (in
    Reuters' capitals) as headline, the body's paragraphs (Reuters indents each with
    spaces) as paragraphs, the first a standfirst when short, and the story's date as
    ``published``."""
    from analysis.article import parse_text

    paras = [" ".join(p.split()) for p in re.split(r"\n\s{2,}|\n\s*\n", doc["body"])]
    paras = [p for p in paras if p]
    title = " ".join(doc["title"].split()) or None
    text = "\n\n".join(([title] if title else []) + paras) + "\n"
    return parse_text(text, id=f"reuters-{doc['newid']}", title=title, published=doc["date"])


# --- gold labels and scoring -------------------------------------------------------------

# the project's topic -> how Reuters-21578 labels it: ("topics" or "places", category)
GOLD = {"trade": ("topics", "trade"), "russia": ("places", "ussr"),
        "taiwan": ("places", "taiwan")}


def gold_about(doc: dict) -> set[str]:
    """The topics a document is about by its Reuters labels (:data:`GOLD`).

    For trade, the TOPICS category ``trade`` (an economic subject category assigned by
    Reuters' indexers: trade is a subject of the story). For a country, its PLACES
    category: the corpus README says a place was assigned only when it was "a focus of
    the news story", which is the nearest Reuters has to "a main subject"; a story can
    have several foci (a US-Japan trade story has both), see :func:`gold_about_strict`."""
    return {tid for tid, (field, cat) in GOLD.items() if cat in doc[field]}


def gold_about_strict(doc: dict) -> set[str]:
    """As :func:`gold_about`, but a country only when the story has at most two PLACES
    (a story indexed to one or two countries is about them; one indexed to five, such as
    a round-up of crop estimates, has each as a lesser focus)."""
    out = gold_about(doc)
    if len(doc["places"]) > 2:
        out -= {tid for tid, (field, _) in GOLD.items() if field == "places"}
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def score(docs: list[dict], results: list[dict], gold=gold_about) -> dict:
    """Precision, recall and F1 of ``present`` and of ``theme`` against the gold
    labels, per topic of :data:`GOLD` and micro-averaged. ``results[i]`` is the
    ``topics`` output for ``docs[i]``."""
    out: dict[str, dict] = {}
    for key in ("present", "theme"):
        counts = {tid: [0, 0, 0] for tid in GOLD}
        for doc, res in zip(docs, results, strict=True):
            g = gold(doc)
            for tid in GOLD:
                pred, truth = bool(res[tid][key]), tid in g
                c = counts[tid]
                c[0] += pred and truth
                c[1] += pred and not truth
                c[2] += truth and not pred
        out[key] = {tid: _prf(*c) for tid, c in counts.items()}
        out[key]["micro"] = _prf(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return out


def run(split: str, topics=None, root: Path = DEFAULT_ROOT) -> tuple[list[dict], list[dict]]:
    """The stored documents of ``split`` that have a body (a few hundred are a title
    only, such as "BANK OF ENGLAND OFFERS EARLY HELP"), and the ``topics`` output for
    each."""
    from analysis.topics import load_topics, topic_proportions

    topics = topics if topics is not None else load_topics()
    docs = [d for d in load_split(split, root) if d["body"].strip()]
    return docs, [topic_proportions(to_article(d), topics) for d in docs]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("extract", help="keep ModApte training documents only")
    ex.add_argument("--from", dest="source", type=Path, required=True)
    ex.add_argument("--folder", default="data", help="folder of the .sgm files in it")
    args = ap.parse_args(argv)
    counts = extract(args.source, args.folder)
    print(f"stored in {DEFAULT_ROOT}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
