"""Access to the shipped read-only data in ``resources/``.

In a wheel or a frozen build the folder is inside the package (``vitaalthuis/resources``) and found through
:mod:`importlib.resources`. In a source checkout with an editable install it stays at the top of the
repository (the project's fixed layout), beside ``src/``; that location is the fallback.
"""

from __future__ import annotations

import functools
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


class ResourceMissingError(FileNotFoundError):
    """The resources folder or a file in it is not where the build should have put it."""


@functools.cache
def resource_root() -> Traversable:
    packaged = resources.files("vitaalthuis") / "resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    raise ResourceMissingError(f"VitaalThuis resources not found (looked in {packaged} and {checkout})")


def resource(*parts: str) -> Traversable:
    """A file or folder below ``resources/``; raises :class:`ResourceMissingError` when absent."""
    node = resource_root()
    for part in parts:
        node = node / part
    if not (node.is_file() or node.is_dir()):
        raise ResourceMissingError(f"resource missing: {'/'.join(parts)}")
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")
