"""Figures, colours and the settings line shared by every report notebook.

* :data:`OKABE_ITO` is the colour-blind-safe palette of Okabe and Ito (2008, "Color
  Universal Design", https://jfly.uni-koeln.de/color/), used by every chart, and
  :func:`side_colour` gives each side of a source one colour from it.
* :func:`figure_html` turns a matplotlib figure into a ``<figure>`` holding an SVG
  (vector, sharp in print) with alt text and a caption; the page's stylesheet numbers
  the figures ("Figure 1.") across the whole report with a CSS counter.
* :func:`settings_html` is the line under each section title naming the topics file
  (path and SHA-256) and the language the section was computed with.
"""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# Okabe & Ito (2008): black, orange, sky blue, bluish green, yellow, blue, vermillion,
# reddish purple; black is kept for text and rules, so charts start at orange.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000"]
GREY = "#999999"
NO_SIDE_COLOUR = GREY
# Sides that recur get fixed colours, so a side looks the same in every chart and in the
# annotated article; any other side takes the next free colour of the palette.
FIXED_SIDE_COLOURS = {
    "US": "#0072B2",
    "China": "#D55E00",
    "Russia": "#CC79A7",
    "independent": "#009E73",
    "media": "#E69F00",
    "Ukraine": "#F0E442",
    "Taiwan": "#56B4E9",
    "no side": GREY,
}

plt.rcParams.update({
    "svg.fonttype": "none",  # text stays text in the SVG: selectable, small, sharp
    "font.family": "DejaVu Sans",
    "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO),
})


def side_colours(sides: list[str]) -> dict[str, str]:
    """One colour per side: the fixed ones above, then unused palette colours in turn."""
    used = {FIXED_SIDE_COLOURS[s] for s in sides if s in FIXED_SIDE_COLOURS}
    free = [c for c in OKABE_ITO[:-1] if c not in used]
    out: dict[str, str] = {}
    for s in sides:
        if s in FIXED_SIDE_COLOURS:
            out[s] = FIXED_SIDE_COLOURS[s]
        else:
            out[s] = free.pop(0) if free else GREY
    return out


def figure_svg(fig: Any) -> str:
    """The figure as SVG text (the figure is closed afterwards)."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def figure_html(fig: Any, caption: str, alt: str) -> str:
    """A ``<figure>``: the chart as an embedded SVG image with ``alt`` text, and
    ``caption`` below it (both plain text, escaped here). Numbered by the stylesheet."""
    svg = figure_svg(fig)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        '<figure class="report-figure">'
        f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(alt)}">'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def empty_state_html(sentence: str) -> str:
    """A section part with nothing to show, said in a sentence instead of a bare chart."""
    return f'<p class="report-empty">{html.escape(sentence)}</p>'


def settings_html(topics_file: str | Path, language: str | None, topic_labels: list[str]
                  ) -> str:
    """The line under a section title: the topics file used (path, its topics, the
    first 12 hex digits of its SHA-256) and the language setting, escaped."""
    from analysis.paths import display_path, resolve
    from analysis.provenance import file_sha256

    p = resolve(topics_file)
    lang = "detected from the text" if language in (None, "", "auto") else language
    return (
        '<p class="report-settings">Topics file: '
        f"<code>{html.escape(display_path(p))}</code> "
        f"({html.escape(', '.join(topic_labels))}; SHA-256 {file_sha256(p)[:12]}…) · "
        f"language: {html.escape(str(lang))}</p>"
    )
