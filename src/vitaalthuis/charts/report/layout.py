"""The report's text layout: page geometry, text styles, and the engine that wraps and places text.

Text is laid out here, not by matplotlib: every line is wrapped by measuring it in DejaVu Sans (the font
the PDF embeds), blocks are kept together where they fit, and a page break only ever falls between rows.
A laid-out page is plain data (:class:`Page`: text, boxes and rules at inch positions); ``render`` draws it.

matplotlib is imported only when text is measured (:class:`Fonts`), so importing this module costs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from vitaalthuis.domain.scales import Scale

if TYPE_CHECKING:
    from vitaalthuis.charts.series import Dimension

PAGE_W, PAGE_H = 8.27, 11.69  # A4 portrait, inches
LEFT, TOP, BOTTOM = 0.8, 0.85, 11.69 - 0.9  # body: from TOP to BOTTOM, measured from the top of the page
WIDTH = PAGE_W - 2 * LEFT
BODY_HEIGHT = BOTTOM - TOP
RULED_SPACING = 0.36  # inches between writing lines
FONT = "DejaVu Sans"  # bundled with matplotlib: Dutch characters, ≥, typographic quotes and dashes
INK, MUTED, RULE, SHADE = "#1F2328", "#59636E", "#AEB7C0", "#EEF2F5"  # the light chart theme's colours
SCALE_OWN = "#8CC3E6"  # the user's own band on a scale: the light theme's line colour, lightened


@dataclass(frozen=True, slots=True)
class Style:
    size: float  # points
    weight: str = "normal"
    color: str = INK
    leading: float = 1.38

    @property
    def line(self) -> float:
        return self.size * self.leading / 72.0

    @property
    def baseline(self) -> float:
        """From the top of a line box to its baseline."""
        return self.size * (0.8 + (self.leading - 1.0) / 2.0) / 72.0


TITLE = Style(19.0, "bold", leading=1.3)
H2 = Style(12.0, "bold", leading=1.45)
H3 = Style(10.5, "bold", leading=1.45)
BODY = Style(9.5)
STRONG = Style(9.5, "bold")
SMALL = Style(8.5, color=MUTED)
SMALL_INK = Style(8.5, leading=1.32)
SMALL_STRONG = Style(8.5, "bold", leading=1.32)
RUNNING = Style(7.5, color=MUTED)
DEMO_MARK = Style(7.5, "bold")  # the line on every page of a report of demo data: in ink, not muted
DEMO_MARK_Y = PAGE_H - 0.74  # between the body (BOTTOM) and the running footer


# --- page model: text, boxes and rules at inch positions from the top left of the page ----------------------


@dataclass(frozen=True, slots=True)
class TextOp:
    x: float
    y: float  # top of the line box
    text: str
    style: Style
    ha: str = "left"


@dataclass(frozen=True, slots=True)
class BoxOp:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class RuleOp:
    x0: float
    x1: float
    y: float


@dataclass(frozen=True, slots=True)
class ScaleOp:
    """A dimension's small scale, as on its card: the category bands (the user's own band in the accent
    colour), a mark for this week, the end labels under it and, under the user's band, the national shares."""

    x: float
    y: float
    w: float
    scale: Scale
    low_label: str
    high_label: str
    band_note: str


SCALE_BAR_H, SCALE_MARK_H = 0.13, 0.1  # inches: the bar, and the triangle above it
SCALE_HEIGHT = SCALE_MARK_H + SCALE_BAR_H + 2 * SMALL.line + 0.04

Op = TextOp | BoxOp | RuleOp | ScaleOp


@dataclass
class Page:
    ops: list[Op] = field(default_factory=list)
    charts: tuple[Literal["overview"] | Dimension, ...] = ()  # drawn between TOP and chart_bottom
    chart_bottom: float = BOTTOM
    ruled_from: float | None = None  # writing lines from here to the bottom of the body
    header: bool = True


def shifted(op: Op, dy: float) -> Op:
    if isinstance(op, TextOp):
        return TextOp(op.x, op.y + dy, op.text, op.style, op.ha)
    if isinstance(op, BoxOp):
        return BoxOp(op.x, op.y + dy, op.w, op.h)
    if isinstance(op, ScaleOp):
        return ScaleOp(op.x, op.y + dy, op.w, op.scale, op.low_label, op.high_label, op.band_note)
    return RuleOp(op.x0, op.x1, op.y + dy)


class Fonts:
    """Line wrapping by measured width, in the font the PDF uses (unhinted, as the PDF backend measures)."""

    def __init__(self) -> None:
        from matplotlib.font_manager import FontProperties
        from matplotlib.textpath import TextToPath

        self._measure = TextToPath().get_text_width_height_descent
        self._props: dict[tuple[float, str], Any] = {}
        self._widths: dict[tuple[str, float, str], float] = {}
        self._font_properties = FontProperties

    def width(self, text: str, style: Style) -> float:
        """The width of ``text`` in inches; remembered, since the same words come back again and again."""
        key = (text, style.size, style.weight)
        if key not in self._widths:
            size = (style.size, style.weight)
            if size not in self._props:
                self._props[size] = self._font_properties(family=FONT, size=style.size, weight=style.weight)
            self._widths[key] = float(self._measure(text, self._props[size], ismath=False)[0]) / 72.0
        return self._widths[key]

    def wrap(self, text: str, style: Style, width: float) -> list[str]:
        """Greedy wrapping; a line's width is the sum of its words and spaces (kerning between a word and
        the next space is left out: a hair, covered by the margin kept)."""
        width *= 0.98
        space = self.width(" ", style)
        lines: list[str] = []
        for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n"):
            line, line_width = "", 0.0
            for word in paragraph.split():
                word_width = self.width(word, style)
                if line and line_width + space + word_width <= width:
                    line, line_width = f"{line} {word}", line_width + space + word_width
                    continue
                if line:
                    lines.append(line)
                while word_width > width:  # a long address: split after a / or - where it can
                    fits = [i for i in range(1, len(word)) if self.width(word[:i], style) <= width] or [1]
                    breaks = [i for i in fits if word[i - 1] in "/-?&_." and i > len(word) // 4]
                    cut = breaks[-1] if breaks else fits[-1]
                    lines.append(word[:cut])
                    word = word[cut:]
                    word_width = self.width(word, style)
                line, line_width = word, word_width
            lines.append(line)
        return lines


class Block:
    """Rows of laid-out text, y relative to the row's top. A page break may fall between rows only."""

    def __init__(self, fonts: Fonts) -> None:
        self.fonts = fonts
        self.rows: list[tuple[float, list[Op]]] = []

    @property
    def height(self) -> float:
        return sum(h for h, _ in self.rows)

    def gap(self, height: float) -> None:
        self.rows.append((height, []))

    def lines(self, text: str, style: Style, *, x: float = LEFT, width: float = WIDTH) -> None:
        for line in self.fonts.wrap(text, style, width):
            self.rows.append((style.line, [TextOp(x, 0.0, line, style)]))

    def pair(self, label: str, value: str, label_style: Style, value_style: Style, *, label_width: float,
             more: Sequence[tuple[str, Style]] = (), label_more: Sequence[tuple[str, Style]] = ()) -> None:
        """A label column and a value column (plus more paragraphs under each), kept on one page; only a
        value longer than half a page (a very long note) may continue on the next page."""
        left: list[Op] = []
        left_height = 0.0
        for text, style in ((label, label_style), *label_more):
            for line in self.fonts.wrap(text, style, label_width - 0.15):
                left.append(TextOp(LEFT, left_height, line, style))
                left_height += style.line
        right = [(line, style) for text, style in ((value, value_style), *more)
                 for line in self.fonts.wrap(text, style, WIDTH - label_width)]
        x = LEFT + label_width
        if sum(style.line for _, style in right) <= BODY_HEIGHT / 2:
            ops, y = list(left), 0.0
            for line, style in right:
                ops.append(TextOp(x, y, line, style))
                y += style.line
            self.rows.append((max(left_height, y), ops))
            return
        head, y = list(left), 0.0
        while right and (y < left_height or not head[len(left):]):
            line, style = right.pop(0)
            head.append(TextOp(x, y, line, style))
            y += style.line
        self.rows.append((max(left_height, y), head))
        for line, style in right:
            self.rows.append((style.line, [TextOp(x, 0.0, line, style)]))

    def scale(self, scale: Scale, low_label: str, high_label: str, band_note: str, *,
              width: float = WIDTH * 0.6) -> None:
        self.rows.append((SCALE_HEIGHT, [ScaleOp(LEFT, 0.0, width, scale, low_label, high_label, band_note)]))

    def boxed(self, head: str, text: str, head_style: Style, style: Style, *, pad: float = 0.14) -> None:
        """A shaded box: a bold first line, then the text."""
        ops: list[Op] = [BoxOp(LEFT, 0.0, WIDTH, 0.0)]
        y = pad
        for content, line_style in ((head, head_style), (text, style)):
            for line in self.fonts.wrap(content, line_style, WIDTH - 2 * pad):
                ops.append(TextOp(LEFT + pad, y, line, line_style))
                y += line_style.line
        height = y + pad
        ops[0] = BoxOp(LEFT, 0.0, WIDTH, height)
        self.rows.append((height, ops))


class Flow:
    """Places blocks on pages from top to bottom, starting a new page when a row does not fit."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.y = TOP

    @property
    def room(self) -> float:
        return BOTTOM - self.y

    def new_page(self, page: Page | None = None, *, y: float = TOP) -> Page:
        self.pages.append(page or Page())
        self.y = y
        return self.pages[-1]

    def add(self, block: Block, *, keep: bool | int = False) -> None:
        """``keep``: True keeps the whole block on one page where it fits on one; an int keeps that many
        first rows together (a heading with what follows)."""
        rows = block.rows if keep is True else block.rows[: int(keep)]
        needed = sum(h for h, _ in rows)
        if keep and needed > self.room and needed <= BODY_HEIGHT:
            self.new_page()
        for height, ops in block.rows:
            if height > self.room and self.y > TOP:
                self.new_page()
            if not ops and self.y == TOP:  # no empty space at the top of a page
                continue
            self.pages[-1].ops.extend(shifted(op, self.y) for op in ops)
            self.y += height
