"""Fail when modules of vitaalthuis import each other in a cycle (run by ``make lint``).

Imports inside functions count as well as module-level ones (grimp sees both): a lazy import that closes a
cycle is still a cycle in the design. Imports under ``if TYPE_CHECKING:`` do not count.
"""

from __future__ import annotations

import sys

import grimp


def cycles(package: str = "vitaalthuis") -> list[list[str]]:
    graph = grimp.build_graph(package, exclude_type_checking_imports=True)
    modules = sorted(graph.modules)
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if not imported.startswith(package):
                continue
            if state.get(imported) == 1:
                found.append([*path[path.index(imported):], imported])
            elif imported not in state:
                visit(imported)
        path.pop()
        state[module] = 2

    sys.setrecursionlimit(10_000)
    for module in modules:
        if module not in state:
            visit(module)
    return found


def main() -> int:
    found = cycles()
    for cycle in found:
        print("import cycle: " + " -> ".join(cycle))
    print(f"{len(found)} import cycle(s)")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
