"""Command line: ``python -m brink check [DIR]`` and ``python -m brink export [DIR]``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .loading import DATA_DIR, read


def _check(args: argparse.Namespace) -> int:
    folder = args.folder or DATA_DIR
    _, problems = read(folder)
    if not problems:
        print(f"All is well: the data in {folder} is complete and every piece of evidence is in the text.")
        return 0
    print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {folder}:")
    for problem in problems:
        print(f"  - {problem}")
    return 1


def _export(args: argparse.Namespace) -> int:
    from .export import to_json

    corpus, _ = read(args.folder or DATA_DIR)
    if corpus is None:
        print("Cannot export: the data has problems. Run `python -m brink check` to list them.", file=sys.stderr)
        return 1
    json.dump(to_json(corpus), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m brink", description="Tools for the brink course data.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate a data folder (the package's own by default)")
    check.add_argument("folder", nargs="?", help="a folder holding article.txt and the .toml files")
    check.set_defaults(run=_check)
    export = commands.add_parser("export", help="write the annotated article as JSON to stdout")
    export.add_argument("folder", nargs="?", help="a folder holding article.txt and the .toml files")
    export.set_defaults(run=_export)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
