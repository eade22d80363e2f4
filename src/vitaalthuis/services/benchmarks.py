"""The national figures shipped with the app (resources/benchmarks), loaded once.

Beside :func:`vitaalthuis.services.tips.shipped_library`, its twin for the tips. A damaged figures file is
caught by the tests before it ships; at run time it only means the comparisons are not shown.
"""

from __future__ import annotations

import functools

from vitaalthuis.domain.benchmarks import BenchmarkDataError, BenchmarkSet, load_benchmarks


@functools.cache
def shipped_benchmarks() -> BenchmarkSet | None:
    try:
        return load_benchmarks()
    except (BenchmarkDataError, OSError):  # never a reason to fail the window
        return None
