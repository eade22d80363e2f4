"""Write or check a SHA256SUMS file in the format of ``sha256sum`` (GNU coreutils).

    python tools/checksums.py --output dist/SHA256SUMS dist/vitaalthuis_0.1.0_amd64.deb dist/*.cdx.json
    python tools/checksums.py --check dist/SHA256SUMS      # where sha256sum is missing (Windows, macOS)

Each line is ``<64 hex digits><two spaces><file name>``, sorted by file name. The names are relative to the
folder of the SHA256SUMS file, so ``cd dist && sha256sum -c SHA256SUMS`` (or ``shasum -a 256 -c``) checks
them. Every artefact must lie in that folder or below it. Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

CHUNK = 1 << 20


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def lines(output: Path, files: list[Path]) -> list[str]:
    """The SHA256SUMS lines of ``files``, named relative to the folder of ``output``."""
    folder = output.resolve().parent
    entries: dict[str, str] = {}
    for path in files:
        resolved = path.resolve()
        if not resolved.is_file():
            raise ValueError(f"{path}: not a file")
        try:
            name = resolved.relative_to(folder).as_posix()
        except ValueError:
            raise ValueError(f"{path}: not inside {folder}, the folder of {output.name}") from None
        if "\n" in name or "\\" in name or "\r" in name:
            raise ValueError(f"{path}: a file name with a line break or a backslash cannot be listed")
        entries[name] = sha256(resolved)
    return [f"{entries[name]}  {name}" for name in sorted(entries)]


def write(output: Path, files: list[Path]) -> list[str]:
    listed = lines(output, files)
    output.write_text("".join(line + "\n" for line in listed), encoding="utf-8", newline="\n")
    return listed


def check(sums: Path) -> list[str]:
    """The problems found when checking ``sums``: one line per missing or changed file; [] when all match."""
    folder = sums.resolve().parent
    problems = []
    listed = 0
    for number, line in enumerate(sums.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        listed += 1
        digest, sep, name = line.partition("  ")
        if not sep:  # binary mode of sha256sum: "<hex> *<name>"
            digest, sep, name = line.partition(" *")
        if not sep or len(digest) != 64:
            problems.append(f"{sums.name}:{number}: not a sha256sum line")
            continue
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif sha256(path) != digest.lower():
            problems.append(f"{name}: FAILED (the checksum differs)")
    if not listed:
        problems.append(f"{sums.name}: lists no files")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", "-o", type=Path, help="the SHA256SUMS file to write")
    parser.add_argument("--check", "-c", type=Path, metavar="SHA256SUMS", help="check the files it lists")
    parser.add_argument("files", nargs="*", type=Path, help="the artefacts to list (with --output)")
    args = parser.parse_args(argv)
    if args.check is not None:
        if args.output is not None or args.files:
            parser.error("--check takes no --output and no files")
        problems = check(args.check)
        for problem in problems:
            print(problem, file=sys.stderr)
        if not problems:
            print(f"checksums.py: every file in {args.check} matches")
        return 1 if problems else 0
    if args.output is None or not args.files:
        parser.error("give --output SHA256SUMS and the files to list, or --check SHA256SUMS")
    try:
        listed = write(args.output, args.files)
    except ValueError as error:
        print(f"checksums.py: {error}", file=sys.stderr)
        return 1
    print(f"checksums.py: {args.output} ({len(listed)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
