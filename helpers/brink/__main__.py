"""Command line.

    python -m brink check [DIR]                  validate a data folder
    python -m brink export [DIR]                 the annotated article as JSON
    python -m brink lessons [--check]            regenerate (or verify) the answer keys in lessons/
    python -m brink journal export [--format F]  a student's saved answers as one readable file
    python -m brink handouts [NOTEBOOK ...]      printable student handouts and teacher editions
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

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


def _lessons(args: argparse.Namespace) -> int:
    from .keys import update

    corpus, _ = read(args.data or DATA_DIR)
    if corpus is None:
        print("The data has problems; run `python -m brink check` first.", file=sys.stderr)
        return 1
    lessons = Path(args.lessons)
    if not lessons.is_dir():
        print(f"No lessons folder at {lessons}; run this from the repository root or pass --lessons.", file=sys.stderr)
        return 1
    statuses, missing = update(corpus, lessons, write=not args.check)
    stale = [s for s in statuses if not s.current]
    for notebook in missing:
        print(f"No answer key for notebook {notebook}: add <!-- brink:keys {notebook} --> … <!-- /brink:keys --> "
              f"to its guide in {lessons}.")
    if args.check:
        for s in stale:
            print(f"Out of date: the key for {s.notebook} in {s.path}. Run `python -m brink lessons` to regenerate it.")
        if not stale and not missing:
            print(f"All {len(statuses)} answer keys in {lessons} match the exercise data.")
        return 1 if stale or missing else 0
    print(f"Updated {len(stale)} of {len(statuses)} answer keys in {lessons}.")
    return 1 if missing else 0


def _journal_export(args: argparse.Namespace) -> int:
    from .handin import BASENAME, collect, render
    from .journal import journal_dir

    folder = Path(args.dir) if args.dir else journal_dir()
    answers = collect(folder)
    text = render(answers, args.format)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    target = Path(args.output) if args.output else folder / f"{BASENAME}.{args.format}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"Could not write {target}: {error}", file=sys.stderr)
        return 1
    count = sum(len(rows) for rows in answers.values())
    print(f"Wrote {count} saved answer{'s' if count != 1 else ''} from {folder} to {target}.")
    return 0


def _handouts(args: argparse.Namespace) -> int:
    from .handouts import build

    notebooks = [Path(n) for n in args.notebooks] or sorted(Path("notebooks").glob("*.ipynb"))
    if not notebooks:
        print("No notebooks found; run this from the repository root or name them.", file=sys.stderr)
        return 1
    for notebook in notebooks:
        for handout in build(notebook, Path(args.out), Path(args.lessons), pdf=not args.no_pdf):
            print(f"{handout.edition:8} {handout.html}" + (f"  {handout.pdf}" if handout.pdf else ""))
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
    lessons = commands.add_parser("lessons", help="regenerate the answer keys in lessons/ from the exercise data")
    lessons.add_argument("--check", action="store_true", help="only compare; exit 1 if a key is out of date")
    lessons.add_argument("--lessons", default="lessons", help="the lessons folder (default: ./lessons)")
    lessons.add_argument("--data", help="a data folder other than the package's own")
    lessons.set_defaults(run=_lessons)
    handouts = commands.add_parser("handouts", help="build student handouts and teacher editions (HTML and PDF)")
    handouts.add_argument("notebooks", nargs="*", help="notebooks to build (default: notebooks/*.ipynb)")
    handouts.add_argument("--out", default="build/handouts", help="output folder (default: build/handouts)")
    handouts.add_argument("--lessons", default="lessons", help="the lessons folder (default: ./lessons)")
    handouts.add_argument("--no-pdf", action="store_true", help="write HTML only (no Chromium needed)")
    handouts.set_defaults(run=_handouts)
    journal = commands.add_parser("journal", help="work with saved answers")
    journal_commands = journal.add_subparsers(dest="journal_command", required=True)
    handin = journal_commands.add_parser("export", help="write all saved answers as one readable file")
    handin.add_argument("--dir", help="the answers folder (default: $BRINK_JOURNAL_DIR or ./my-answers)")
    handin.add_argument("--format", choices=("html", "md", "json"), default="html")
    handin.add_argument("--output", "-o", help="the file to write, or - for standard output")
    handin.set_defaults(run=_journal_export)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
