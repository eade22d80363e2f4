"""An exported chart PNG is opaque in both colour schemes: every pixel has alpha 255, so the image reads the
same pasted on any background (a transparent dark chart would turn into dark lines on a dark slide).

Exported through the window's own path, ChartsView.export (tests/ui/test_charts_view.py checks the file)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.ui.conftest import TODAY
from vitaalthuis.services.demo import fill_demo_data


@pytest.fixture
def charts(qtbot, make_window, repo):  # type: ignore[no-untyped-def]
    fill_demo_data(repo, 60, today=TODAY)
    window = make_window()
    charts = window.home.charts
    window.home.tabs.setCurrentWidget(charts)
    qtbot.waitUntil(lambda: charts.canvas is not None)
    return charts


def alphas(path: Path) -> set[int]:
    """Every alpha value in the PNG, read back with Qt (32-bit ARGB whatever the file holds)."""
    image = QImage(str(path))
    assert not image.isNull()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    width, height = image.width(), image.height()
    assert width > 300 and height > 200
    data = bytes(image.constBits())[: image.sizeInBytes()]
    stride = image.bytesPerLine()
    # Format_ARGB32 is 0xAARRGGBB per pixel in native byte order: alpha is the last byte on little endian
    offset = 3 if sys.byteorder == "little" else 0
    return {data[row * stride + 4 * x + offset] for row in range(height) for x in range(width)}


@pytest.mark.parametrize("dimension", ["mhi5", "overview"])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_png_export_is_opaque(charts, qtbot, tmp_path: Path, dark: bool, dimension: str) -> None:  # type: ignore[no-untyped-def]
    from matplotlib.image import imread
    from PySide6.QtWidgets import QApplication

    from vitaalthuis.charts.figures import chart_state
    from vitaalthuis.ui import style

    app = QApplication.instance()
    style.apply(app, dark=dark)
    try:
        charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData(dimension))
        charts.redraw()
        assert charts.theme() == ("dark" if dark else "light")
        state = chart_state(charts.canvas.figure)
        assert state is not None and state.theme == charts.theme()
        target = charts.export(str(tmp_path / "chart.png"), "png")
    finally:
        style.apply(app, dark=False)
    assert alphas(target) == {255}
    pixels = imread(target)  # and as matplotlib reads it: RGB, or RGBA with every alpha 1.0
    assert pixels.ndim == 3 and pixels.shape[2] in (3, 4)
    if pixels.shape[2] == 4:
        assert float(pixels[..., 3].min()) == 1.0
    # the background is the theme's own: dark pixels in the dark scheme, light ones in the light scheme
    corner = pixels[2, 2, :3].mean()
    assert (corner < 0.5) if dark else (corner > 0.5)
