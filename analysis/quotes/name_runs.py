"""What a capitalised run names: split it into titles, modifiers and a name, and say
whether the name is a person, an organisation, an outlet, a country or a document
("Fed Chair Janet L. Yellen", "House Judiciary Committee Chairman Bob Goodlatte", "the
Taiwan Relations Act"). Called by :func:`analysis.quotes.mentions.find_mentions` for
each run of the body; reads the knowledge in ``data/speaker_roles.yaml`` and
``data/sides.yaml``."""

from __future__ import annotations

import re

from analysis.quotes.given_names import is_given_name
from analysis.quotes.knowledge import Knowledge
from analysis.quotes.mention_record import Mention

_DIGIT = re.compile(r"\d")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,6}")
_ROMAN = re.compile(r"[IVXLC]+")
_INDEFINITE_ARTICLE_BEFORE = re.compile(r"\b[Aa]n?\s+$")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
# "the" right before a word ("the King said", "the CNBC moderators")
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_NON_SPACE = re.compile(r"\S+")


def _title_at(tokens: list[str], i: int, k: Knowledge) -> int:
    """Number of tokens from ``i`` that form the longest known title (0 if none)."""
    if tokens[i].lower() not in k.title_first_words:
        return 0
    for n in range(min(k.max_title_words, len(tokens) - i), 0, -1):
        if " ".join(tokens[i : i + n]).lower() in k.titles:
            return n
    return 0


def _country_at(tokens: list[str], i: int, k: Knowledge) -> int:
    if tokens[i] not in k.alias_first_words:
        return 0
    for n in range(min(4, len(tokens) - i), 0, -1):
        phrase = " ".join(tokens[i : i + n])
        if phrase in k.alias_side and k.alias_side[phrase][1] != "metonym":
            return n
    return 0


def _org_type(name: str, k: Knowledge) -> str | None:
    if name in k.organisations:
        return k.organisations[name]
    if name in k.media:
        return "journalist"
    # the first head word in file order decides ("International Institute" -> institute)
    # (a hyphen joins two words of a name: "Chicago Sun-Times")
    found = [k.head_rank[w.rstrip(".")] for w in name.lower().replace("-", " ").split()
             if w.rstrip(".") in k.head_rank]  # ("Inc.", "Corp.")
    return k.org_heads_list[min(found)][1] if found else None


def _is_person_core(tokens: list[str], k: Knowledge, named: bool = False) -> bool:
    """Whether ``tokens`` can be a person's name; ``named``: an honorific stands before
    them ("Dr. Lena M. Park"), so place words ("Park") are surnames here."""
    if not 1 <= len(tokens) <= 4:
        return False
    last = len(tokens) - 1
    for j, t in enumerate(tokens):
        if t in k.pronoun_surnames and len(tokens) > 1:
            continue  # "He Yadong"
        if 0 < j < last and (t in k.name_particles or t.lower() in k.name_particles
                             and tokens[j + 1][:1].isupper()):
            continue  # "Ursula von der Leyen", "Marine Le Pen", "Charles De Gaulle"
        if j == 0 < last and t.lower() in k.name_particles and t[:1].isupper() \
                and tokens[1][:1].isupper():
            continue  # "De Blasio said", "Van Hollen said": a surname's particle
        if t in k.not_name_words and not named and not (
                0 < j < last and tokens[last] not in k.not_name_words
                and is_given_name(tokens[0])):
            # (a place word between a given name and a surname is a middle name:
            # "Kathleen Hall Jamieson"; "Madison Square Garden" ends in one)
            return False
        if t in k.not_names or t.lower() in k.connectors:
            return False
        if not t[:1].isupper() or _DIGIT.search(t):
            return False
        if t.isupper() and len(t) > 1 and len(tokens) == 1:
            return False  # an acronym alone is not a person
    return True


def side_of_name(name: str, k: Knowledge) -> str | None:
    hit = k.alias_side.get(name)
    return hit[0] if hit else None


def _lowercase_title_before(text: str, start: int, k: Knowledge, end: int | None = None
                            ) -> tuple[str | None, list[str]]:
    """A lower-case title just before ``start`` ("spokesman", "former secretary of state")
    and the modifier words before it ("former", "US"). A title set off by commas counts
    when it is a definite description and the name between the commas is its
    apposition: "The health secretary, Wes Streeting, said", "Germany’s chancellor, Olaf
    Scholz." (``end`` is the name's end); not "In a letter to the minister, Wes said"."""
    before = text[max(0, start - 80) : start]
    tail = before.rsplit(None, 1)  # the last word decides whether to look further
    if not tail:
        return None, []
    last = tail[-1].lower().strip(",")
    if last not in k.title_last_words and last not in k.former_markers \
            and tail[-1] not in k.alias_side:
        return None, []
    words = before.split()
    title = None
    comma = before.rstrip().endswith(",")
    if comma and not (end is not None and text[end : end + 1] in (",", ".")):
        return None, []
    for n in range(min(k.max_title_words, len(words)), 0, -1):
        phrase = " ".join(words[-n:]).lower().strip(",")
        if phrase not in k.titles:
            continue
        if not comma:
            title = " ".join(words[-n:])
            words = words[:-n]
            break
        # up to two words describe the title: "the health secretary", "the Ashford
        # manager"
        for extra in range(min(3, len(words) - n + 1)):
            rest = words[: len(words) - n - extra]
            if extra and words[len(words) - n - extra].endswith(","):
                break
            if _definite(rest, k):
                title = " ".join(words[len(words) - n - extra :]).rstrip(",")
                words = rest
                break
        break
    if comma and title is None:
        return None, []
    mods = []
    for w in reversed(words[-3:]):
        wl = w.lower().strip(",")
        if wl in k.former_markers or w.strip(",") in k.alias_side or wl in k.title_modifiers:
            mods.insert(0, w.strip(","))
        else:
            break
    return title, mods


def _definite(words: list[str], k: Knowledge) -> bool:
    """Whether the words before a title make it a definite description: "the", a
    possessive ("Germany’s"), or "the"/a possessive before a country word ("the US")."""
    if not words:
        return False
    last = words[-1]
    if last in ("the", "The") or last.endswith(("’s", "'s")):
        return True
    return last in k.alias_side and len(words) >= 2 and _definite(words[:-1], k)


def _known_name(name: str, start: int, end: int, k: Knowledge
                ) -> tuple[bool, list[Mention] | None]:
    """A name the knowledge files know: an organisation, an outlet, a country or one of
    its institutions. ``(True, mentions)``, where mentions is None for a bare national
    adjective ("Chinese"), which names no speaker; ``(False, None)`` for any other name."""
    if "." in name and _DOTTED_ACRONYM.fullmatch(name):
        name = name.replace(".", "")  # "F.B.I.", "C.I.A.": New York Times style
    if name in k.organisations or name in k.media:
        kind = "media" if name in k.media else "org"
        typ = "journalist" if kind == "media" else k.organisations[name]
        return True, [Mention(start, end, name, kind, name, side=side_of_name(name, k),
                              org_type=typ)]
    hit = k.alias_side.get(name)
    if hit:
        side, role = hit
        if role == "adjective" and name not in ("US", "U.S."):
            return True, None
        if role == "institution":
            return True, [Mention(start, end, name, "org", name, side=side,
                                  org_type=_org_type(name, k) or "government")]
        return True, [Mention(start, end, name, "country", k.alias_name[name], side=side)]
    return False, None


def classify_word(word: str, start: int, end: int, text: str, k: Knowledge,
                   named: bool = False) -> list[Mention] | None:
    """:func:`_classify_run` for a run of one word, the most common case."""
    known, mentions = _known_name(word, start, end, k)
    if known:
        return mentions
    acronym = word.replace(".", "")
    if 3 <= len(acronym) <= 5 and acronym.isupper() and acronym.isalpha() \
            and acronym.lower() not in k.titles and acronym not in k.not_acronym_bodies \
            and not _ROMAN.fullmatch(acronym):
        # an unknown acronym of three letters or more is a body ("the FAA said", "F.A.A.
        # records"); two are mostly places ("Wilmington, N.C.")
        return [Mention(start, end, word, "org", word, org_type="organisation")]
    if word.lower() in k.titles and not named and word[1:].islower() \
            and not THE_BEFORE.search(text, max(0, start - 4), start):
        # "King says …" after "Billie Jean King": a surname that is also a title, kept
        # only where a full name in the article has it (see find_mentions)
        return [Mention(start, end, word, "person_single", word)]
    if word.lower() in k.titles or not _is_person_core([word], k, named) \
            or word in k.party_words and not named:
        return None  # (a party label alone describes: "Republican front-runner Donald Trump")
    title, mods = _lowercase_title_before(text, start, k, end)
    return [Mention(start, end, word, "person_single", word, title=title, modifiers=mods)]


def _nth_start(text: str, n: int) -> int:
    """Start offset of the ``n``-th white-space separated token of ``text`` (1-based)."""
    starts = [m.start() for m in _NON_SPACE.finditer(text)]
    return starts[min(n, len(starts)) - 1] if starts and n > 0 else 0


def _nth_end(text: str, n: int) -> int:
    """End offset of the ``n``-th white-space separated token of ``text`` (1-based)."""
    ends = [m.end() for m in _NON_SPACE.finditer(text)]
    return ends[min(n, len(ends)) - 1] if ends and n > 0 else 0


def classify_run(tokens: list[str], start: int, end: int, text: str, k: Knowledge,
                  named: bool = False) -> list[Mention] | None:
    """Split one capitalised run into title + name and say what the name is; ``named``:
    an honorific stood before the run."""
    if len(tokens) == 1 and (not tokens[0].endswith(".")
                             or _DOTTED_ACRONYM.fullmatch(tokens[0])):
        return classify_word(tokens[0], start, end, text, k, named)
    full = text[start:end]
    if "." in full:  # (a token ending in "." is part of ``full``)
        tokens = [t.rstrip(".") if t.endswith(".") and t.lower() not in k.titles
                  and not _INITIALS.fullmatch(t) and t not in k.name_suffixes else t
                  for t in tokens]
    known, mentions = _known_name(full, start, end, k)
    if known:
        return mentions
    if tokens[-1] in k.documents and len(tokens) >= 2:
        return [Mention(start, end, full, "document", full)]
    # strip titles and country modifiers from the front
    i = 0
    title_words: list[str] = []
    mods: list[str] = []
    while i < len(tokens):
        n = _title_at(tokens, i, k)
        if n:
            title_words = tokens[i : i + n]
            i += n
            continue
        c = _country_at(tokens, i, k)
        if c and i + c < len(tokens) and not (
                i + c == len(tokens) - 1 and tokens[-1].lower() in k.head_rank):
            # (not "UK Steel", "US Steel": a country and one head word name a body)
            mods.append(" ".join(tokens[i : i + c]))
            i += c
            continue
        if any(_title_at(tokens, j, k) for j in range(i + 1, min(len(tokens) - 1, i + 3))):
            mods.append(tokens[i])  # "Velorian Foreign Minister …": a modifier of the title
            i += 1
            continue
        if tokens[i] in k.party_words and i + 1 < len(tokens) \
                and not _org_type(" ".join(tokens[i:]), k):
            mods.append(tokens[i])  # "Republican Marco Rubio": a party label
            i += 1
            continue
        break
    # "House Democrat Nancy Pelosi", "Senate Intelligence Ranking Democrat Dianne
    # Feinstein": a party label inside the run, then a given name and a surname; the
    # words up to the label describe the person
    for j in range(len(tokens) - 3, i - 1, -1):
        if tokens[j] in k.party_words and is_given_name(tokens[j + 1]):
            mods.extend(tokens[i : j + 1])
            i = j + 1
            break
    body: list[Mention] = []
    if not title_words:
        # "House Judiciary Committee Chairman Bob Goodlatte": a body, its title, then a
        # given name and a surname; the body describes the person, and is a mention of
        # its own for "the district" to refer back to
        for j in range(i + 1, len(tokens) - 2):
            n = _title_at(tokens, j, k)
            if n and 2 <= len(tokens) - j - n <= 3 and is_given_name(tokens[j + n]):
                words = " ".join(tokens[i:j])
                mods.append(words)
                if j - i >= 2 and (typ := _org_type(words, k)):
                    b0 = start + _nth_start(text[start:end], i + 1)
                    b1 = start + _nth_end(text[start:end], j)
                    body = [Mention(b0, b1, text[b0:b1], "org", text[b0:b1], org_type=typ,
                                    side=side_of_name(text[b0:b1], k))]
                title_words = tokens[j : j + n]
                i = j + n
                break
    while title_words and i < len(tokens) - 1 and tokens[i] in ("of", "for", "at", "the"):
        i += 1  # "CEO of Washington Restaurant Association": the title's organisation
    core = tokens[i:]
    if not core:
        return None
    for j, t in enumerate(core):
        # "Dana Whitfield of the Tech Workers Coalition": a person, then their organisation
        # ("Larry Smith on Hot Air": the outlet)
        if t in ("of", "for", "at", "on") and 2 <= j <= 4 and _is_person_core(core[:j], k) \
                and not _org_type(" ".join(core[:j]), k):
            rest = core[j + 1 :]
            while rest and rest[0].lower() in k.connectors:
                rest = rest[1:]
            if not rest:
                break
            first = classify_run(tokens[: i + j], start, start + _nth_end(text[start:end], i + j),
                                  text, k)
            org_start = start + _nth_start(text[start:end], len(tokens) - len(rest) + 1)
            second = classify_run(rest, org_start, end, text, k)
            if second and second[0].kind in ("person", "person_single"):
                # "on Hot Air", "of Acme Partners": what a person is of is a body
                second = [Mention(second[0].start, second[0].end, second[0].text, "org",
                                  second[0].text, org_type="organisation")]
            if first:  # "of North Carolina": a place, no mention of its own
                first[0].apposition = text[start + _nth_end(text[start:end], i + j) : end].strip()
                return first + (second or [])
            break
    core_text = " ".join(core)
    cstart = start + len(text[start:end]) - len(text[start:end].split(None, i)[-1]) if i \
        else start
    cend = end
    core_full = text[cstart:cend]
    org_type = _org_type(core_full, k)
    if org_type and (len(core) > 1 or core_full in k.organisations or core_full in k.media):
        kind = "media" if core_full in k.media else "org"
        return [Mention(cstart, cend, core_full, kind, core_full,
                        side=side_of_name(core_full, k), org_type=org_type)]
    if core_full in k.alias_side and not title_words:
        side, role = k.alias_side[core_full]
        if role in ("name", "metonym"):
            return [Mention(cstart, cend, core_full, "country",
                            k.sides[side].get("speaker_name") or core_full, side=side)]
    if core_full in k.places and not title_words and not named:
        return None  # "San Francisco", "New Hampshire": a place, never a voice
    last = core[-1]
    if not named and not title_words and len(core) > 1:
        if last in k.party_words and last.isupper():
            # "the Rockingham County GOP": the party's local body
            return [Mention(cstart, cend, core_full, "org", core_full,
                            org_type="organisation")]
        if last in k.party_words:
            # "a Nevada Democrat", "the Wisconsin Republican": a description, no name
            return [Mention(cstart, cend, core_full, "anonymous", core_full)]
        if k.alias_side.get(last, ("", ""))[1] == "adjective":
            return None  # "an African American delegate": a description, no name
        if last.lower() in k.bare_groups or last[-1:] == "s" and k.alias_side.get(
                last[:-1], ("", ""))[1] == "adjective":
            # "Congressional Republicans", "African Americans": a group, no person (the
            # bare group "Republicans" speaks for it)
            return None
    if not _is_person_core(core, k, named):
        # "Chicago Alderperson Jason C. Ervin": words no list knows, then a given name
        # and a surname (with initials): the person, described by the words before
        for j in range(1, len(core) - 1):
            if is_given_name(core[j]) and len(core) - j <= 4 and core[j - 1][-1:] != "," \
                    and _is_person_core(core[j:], k):
                p0 = cstart + _nth_start(core_full, j + 1)
                return [Mention(p0, cend, text[p0:cend], "person", " ".join(core[j:]),
                                title=" ".join(title_words) or None,
                                modifiers=mods + [" ".join(core[:j])])]
        return None
    if not title_words and not named and _INDEFINITE_ARTICLE_BEFORE.search(
            text, max(0, start - 4), start) and _LOWER_WORD_AFTER.match(text, end):
        return None  # "a New Hampshire Elks lodge": a modifier, no person
    title = " ".join(title_words) if title_words else None
    pre_title, pre_mods = _lowercase_title_before(text, start, k, end)
    if title is None and pre_title:
        title = pre_title
    mods = pre_mods + mods
    if len(core) == 1:
        return [Mention(cstart, cend, core_full, "person_single", core_text, title=title,
                        modifiers=mods)]
    return body + [Mention(cstart, cend, core_full, "person", core_text, title=title,
                           modifiers=mods)]
