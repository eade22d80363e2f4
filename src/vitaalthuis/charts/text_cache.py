"""Rendered texts, remembered: the Agg renderer draws a text it drew before as one image, not glyph by glyph.

A redraw of the overview draws about seventy texts (tick labels, titles, band words) that rarely change;
matplotlib 3.11 lays each one out and renders it glyph by glyph on every draw, about half a millisecond a
text, 40 % of the redraw. :class:`TextCache`, an invisible artist that every chart figure carries (drawn
first), makes the Agg renderer drawing the figure keep each text's coverage mask, keyed by everything that
shapes its pixels: the string, the font and its size, the dpi, the angle, antialiasing, hinting and the
position's fraction of a pixel. A text drawn again at the same sub-pixel offset is then blended in one call,
with the colour and clipping of that draw: the same pixels (tests/charts/test_text_cache.py). Other renderers
(SVG export) draw as always, and so does a matplotlib before 3.11, which drew a text in one call anyway.
No pyplot, no Qt.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

import matplotlib as mpl
import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import FontProperties, findfont

MAX_TEXTS = 2048  # masks kept, most recently used (a tick label's is well under 1 KB): a few MB at most
# matplotlib 3.11 and later draw a text glyph by glyph (in Python); before, in one call: nothing to gain there
AVAILABLE = hasattr(RendererAgg, "_draw_text_glyphs_and_boxes")
_MASKS: OrderedDict[Hashable, tuple[np.ndarray, int, int] | None] = OrderedDict()
# It leans on two internals of matplotlib's Agg renderer; should they ever move, the first failing draw
# empties this and every text is drawn the usual way (logged once), never a broken chart.
_working = [True]


def clear_text_cache() -> None:
    _MASKS.clear()


def cached_texts() -> int:
    return len(_MASKS)


class TextCache(Artist):
    """Draws nothing; when drawn (first of its figure's artists) by an Agg renderer, makes that renderer
    draw texts through the cache."""

    def __init__(self) -> None:
        super().__init__()
        self.set_zorder(-1e9)  # before the axes and the figure's texts
        self.set_in_layout(False)

    def draw(self, renderer: Any) -> None:
        # an instance attribute, as RendererAgg sets draw_markers and others on itself; not while something
        # else has replaced draw_text for the moment (draw_without_rendering makes it draw nothing)
        if AVAILABLE and isinstance(renderer, RendererAgg) and "draw_text" not in vars(renderer):
            renderer.draw_text = _CachedDrawText(renderer, type(renderer).draw_text)  # type: ignore[method-assign]
        self.stale = False


def ensure_text_cache(figure: Any) -> None:
    """Give ``figure`` its :class:`TextCache` (once; ``Figure.clear()`` removes it with the other artists)."""
    if not any(isinstance(artist, TextCache) for artist in figure.artists):
        figure.add_artist(TextCache())


class _CachedDrawText:
    def __init__(self, renderer: RendererAgg, draw_text: Any) -> None:
        self.renderer = renderer
        self.draw_text = draw_text  # the class's own, unbound

    def __call__(self, gc: Any, x: float, y: float, s: str, prop: FontProperties, angle: float,
                 ismath: bool | str = False, mtext: Any = None) -> None:
        renderer = self.renderer
        if ismath or not s or not _working:
            self.draw_text(renderer, gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
            return
        try:
            self._draw_cached(gc, x, y, s, prop, angle, mtext)
        except Exception:  # a matplotlib whose internals moved: draw as matplotlib does, from now on
            _working.clear()
            logging.getLogger(__name__).exception("text cache switched off; texts are drawn as usual")
            self.draw_text(renderer, gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    def _draw_cached(self, gc: Any, x: float, y: float, s: str, prop: FontProperties, angle: float,
                     mtext: Any) -> None:
        renderer = self.renderer
        # y runs downwards here; FreeType places glyphs from the bottom: the fraction that counts is the
        # one of the height above the bottom edge
        up = renderer.height - y
        col, row = math.floor(x), math.floor(up)
        fx, fy = x - col, up - row  # exact; rounded to FreeType's 1/64 steps, turned texts would differ
        key = (s, findfont(prop), tuple(prop.get_family()), prop.get_style(), prop.get_variant(),
               prop.get_weight(), prop.get_stretch(), prop.get_size_in_points(), renderer.dpi, angle,
               bool(gc.get_antialiased()), mpl.rcParams["text.hinting"], mpl.rcParams["text.hinting_factor"],
               _features(mtext), fx, fy)
        try:
            entry = _MASKS[key]
            _MASKS.move_to_end(key)
        except KeyError:
            entry = _MASKS[key] = _render_mask(self.draw_text, renderer, gc, s, prop, angle, mtext, fx, fy)
            while len(_MASKS) > MAX_TEXTS:
                _MASKS.popitem(last=False)
        if entry is None:  # only spaces
            return
        mask, left, top = entry
        # draw_text_image takes the left column and the row below the image's bottom (rows counted down)
        renderer._renderer.draw_text_image(mask, col + left, int(renderer.height) - row + top + mask.shape[0],
                                           0, gc)


def _features(mtext: Any) -> Hashable:
    """Font features and language of a text (matplotlib 3.10 and later; None before)."""
    if mtext is None:
        return None
    features = getattr(mtext, "get_fontfeatures", lambda: None)()
    language = getattr(mtext, "get_language", lambda: None)()
    return (tuple(features) if features else None, language if isinstance(language, Hashable) else
            repr(language))


def _render_mask(draw_text: Any, renderer: RendererAgg, gc: Any, s: str, prop: FontProperties, angle: float,
                 mtext: Any, fx: float, fy: float) -> tuple[np.ndarray, int, int] | None:
    """The coverage of ``s`` drawn with its origin ``fx``, ``fy`` pixels right of and above a pixel corner,
    as (mask, left, top): the mask's first column and row relative to that corner (rows counted down).

    Drawn on a scratch canvas around the origin, big enough by a generous guess from the font size (measuring
    the text would cost as much as drawing it); should the text reach the canvas's edge, on a bigger one."""
    em = prop.get_size_in_points() * renderer.dpi / 72
    turn = math.radians(angle)
    for reach in (1.0, 2.0, 4.0, 8.0):
        # the text's box along its baseline: from one em before the origin to one em past len(s) ems, from
        # one em below the baseline to two above; turned with the text
        corners = [(u * math.cos(turn) - v * math.sin(turn), u * math.sin(turn) + v * math.cos(turn))
                   for u in (-em * reach, em * (len(s) + 1) * reach) for v in (-em * reach, 2 * em * reach)]
        left = math.ceil(-min(c[0] for c in corners)) + 4
        below = math.ceil(-min(c[1] for c in corners)) + 4
        width = left + math.ceil(max(c[0] for c in corners)) + 4
        height = below + math.ceil(max(c[1] for c in corners)) + 4
        canvas = RendererAgg(width, height, renderer.dpi)
        pen = canvas.new_gc()
        pen.set_foreground((0.0, 0.0, 0.0, 1.0))
        pen.set_antialiased(gc.get_antialiased())
        # the origin at (left + fx) right of the canvas's left edge and (below + fy) above its bottom edge
        draw_text(canvas, pen, left + fx, height - (below + fy), s, prop, angle, ismath=False, mtext=mtext)
        pen.restore()
        alpha = np.asarray(canvas.buffer_rgba())[:, :, 3]
        rows, cols = np.flatnonzero(alpha.any(axis=1)), np.flatnonzero(alpha.any(axis=0))
        if not len(rows):
            return None
        if rows[0] > 0 and cols[0] > 0 and rows[-1] < height - 1 and cols[-1] < width - 1:
            break  # all of it on the canvas
    mask = np.ascontiguousarray(alpha[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1])
    # the corner is column `left`, and the row whose bottom edge is `below` above the canvas's bottom
    return mask, int(cols[0]) - left, int(rows[0]) - (height - below)
