"""Quote extraction: direct, mixed, indirect and floating quotes, and speaker mentions.

The method is rules over the shared text layer (``article.body`` blocks and
``article.sentences``), in the tradition of the Gender Gap Tracker's quote extractor
(Asr et al. 2021, "The Gender Gap Tracker", PLOS ONE 16(1)) without its parser:

1. **Quote marks** are paired per paragraph. Curly and straight double marks are the
   primary marks; single marks nested inside them are left alone; a paragraph with no
   double marks may use single marks (British style). An opening mark with no closing
   mark ends at the paragraph's end (news style repeats the opening mark on the next
   paragraph when a quote runs on), and a stray mark never raises.
2. **Cues** are speech verbs from ``data/speech_verbs.yaml`` outside quote marks. A cue
   right after a closing mark (``”, he said``) or right before an opening mark
   (``said: “``) makes that quoted stretch *direct* (*mixed* when unquoted words of the
   same clause come before it). Otherwise the cue introduces reported speech: the
   clause after it (``X said (that) …``, ``X told reporters …``) or before it
   (``…, the White House said``), *mixed* if it holds quoted words, else *indirect*.
3. **Floating quotes**: a quoted stretch that opens a sentence with no cue is given the
   speaker of the previous quote in its paragraph or the paragraph before.
4. **Speakers** are mentions found by :func:`find_mentions`: capitalised names with
   titles stripped off, organisations, countries and their capitals, documents,
   pronouns and anonymous sources (``officials said``), from ``data/speaker_roles.yaml``
   and ``data/sides.yaml``. Resolving pronouns and surnames is ``analysis.speaker_resolution``.

Scoring against hand annotations is :mod:`analysis.evaluation`.

The package has one module per concern:

- :mod:`~analysis.quotes.phrase_matcher`: :class:`Lexicon`, many literal phrases found in
  one pass over the words of a text;
- :mod:`~analysis.quotes.knowledge`: the YAML files compiled once into a :class:`Knowledge`;
- :mod:`~analysis.quotes.given_names`: the gender a given name shows (for he/she);
- :mod:`~analysis.quotes.marks`: quotation marks paired per paragraph;
- :mod:`~analysis.quotes.capitalised_runs`: the capitalised runs that may name a speaker;
- :mod:`~analysis.quotes.unnamed_sources`: the spans of unnamed speakers (listed words,
  indefinite subjects of a cue, poll shares);
- :mod:`~analysis.quotes.mentions`: speaker mentions (names, bodies, pronouns, unnamed
  sources), from those runs and the lexicon;
- :mod:`~analysis.quotes.speaker_search`: where the speaker of a cue is (before it, after
  it, the subject of its sentence);
- :mod:`~analysis.quotes.found_quotes`: the :class:`Quote` record and the quotes found so
  far, which every pass consults;
- :mod:`~analysis.quotes.extraction`: the passes in order, and cues next to quotation
  marks;
- :mod:`~analysis.quotes.reported_speech`: the content a cue reports without quotation
  marks;
- :mod:`~analysis.quotes.uncued_quotes`: quotations without a cue, and transcript turns.
"""

from analysis.quotes.extraction import extract_quotes
from analysis.quotes.found_quotes import Quote
from analysis.quotes.knowledge import Knowledge, knowledge
from analysis.quotes.marks import Pair, quote_pairs
from analysis.quotes.mentions import Mention, body_scans, find_mentions
from analysis.quotes.phrase_matcher import Hit, Lexicon
from analysis.quotes.speaker_search import LEADING_ADJUNCT, SpeakerSearch

__all__ = [
    "LEADING_ADJUNCT", "Hit", "Knowledge", "Lexicon", "Mention", "Pair", "Quote", "SpeakerSearch",
    "body_scans", "extract_quotes", "find_mentions", "knowledge", "quote_pairs",
]
