"""``vitaalthuis --smoke-test`` passes in-process (the frozen build runs the same function)."""

from __future__ import annotations

import io

from vitaalthuis.selfcheck import run_smoke_test


def test_smoke_test_passes() -> None:
    out = io.StringIO()
    status = run_smoke_test(out)
    text = out.getvalue()
    assert status == 0, text
    assert "smoke test passed" in text
    for step in ("resources", "migrate", "score and store", "chart (Agg PNG)", "chart (Qt offscreen)"):
        assert f"ok   {step}" in text
