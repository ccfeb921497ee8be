"""Command line: `python -m brink …`.

    python -m brink check [DIR]                  validate a data folder
    python -m brink export [DIR]                 the annotated article as JSON
    python -m brink lessons [--check]            regenerate (or verify) the answer keys in lessons/
    python -m brink journal export [--format F]  a student's saved answers as one readable file
    python -m brink handouts [NOTEBOOK ...]      printable student handouts and teacher editions
    python -m brink release [NOTEBOOK ...]       open the held answers for a whole class (classroom mode)
    python -m brink new FOLDER                   a starter data folder for your own text
    python -m brink class report HAND-INS… -o F  one page of what a class handed in (--format json)

Every command answers in words: a bad argument, a missing folder or a broken pipe gives one line that says
what to do and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..core import giveaways
from ..core.loading import data_dir, read


class Failure(Exception):
    """A one-line answer to the user; the command exits with status 1."""


class Parser(argparse.ArgumentParser):
    """argparse, with its errors on one line instead of a usage block."""

    def error(self, message: str):  # type: ignore[override]
        raise Failure(f"{self.prog}: {message} (see `{self.prog} --help`)")


def _data_folder(value: str | None) -> Path:
    folder = Path(value) if value else data_dir()
    if not folder.is_dir():
        what = "is a file, not a folder" if folder.exists() else "does not exist"
        raise Failure(f"{folder} {what}: give the folder that holds article.txt and the .toml files.")
    return folder


def _check(args: argparse.Namespace) -> int:
    folder = _data_folder(args.folder)
    corpus, problems = read(folder)
    if not problems:
        print(f"All is well: the data in {folder} is complete and every piece of evidence is in the text.")
        hints = giveaways.warnings(corpus) if corpus is not None else []
        if hints:
            print(f"{len(hints)} warning{'s' if len(hints) != 1 else ''}: options that give the answer away "
                  "(students can score without reading):")
            for hint in hints:
                print(f"  - {hint}")
        return 0
    print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {folder}:")
    for problem in problems:
        print(f"  - {problem}")
    return 1


def _export(args: argparse.Namespace) -> int:
    from .article_json import to_json

    folder = _data_folder(args.folder)
    corpus, _ = read(folder)
    if corpus is None:
        raise Failure(f"Cannot export: the data in {folder} has problems. Run `python -m brink check {folder}` to list them.")
    json.dump(to_json(corpus), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _lessons(args: argparse.Namespace) -> int:
    from .keys import update

    corpus, _ = read(_data_folder(args.data))
    if corpus is None:
        raise Failure("The data has problems; run `python -m brink check` first.")
    lessons = Path(args.lessons)
    if not lessons.is_dir():
        raise Failure(f"No lessons folder at {lessons}; run this from the repository root or pass --lessons.")
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
    from ..core.journal import journal_dir
    from .handin import BASENAME, HandinError, gather, render, write

    folder = Path(args.dir) if args.dir else journal_dir()
    try:
        collected = gather(folder)
    except HandinError as error:
        raise Failure(str(error)) from None
    if args.output == "-":
        sys.stdout.write(render(collected.answers, args.format))
        return 0
    target = Path(args.output) if args.output else folder / f"{BASENAME}.{args.format}"
    try:
        write(collected, args.format, target)
    except OSError as error:
        raise Failure(f"Could not write {target} ({error.strerror or error}); any earlier file there is unchanged.") from None
    print(collected.summary(str(target)))
    return 1 if collected.unreadable else 0


def _handouts(args: argparse.Namespace) -> int:
    from .handouts import build, build_reveal, build_summative, build_word_wall, default_paper, find_chromium

    notebooks = [Path(n) for n in args.notebooks] or sorted(Path("notebooks").glob("*.ipynb"))
    if not notebooks:
        raise Failure("No notebooks found; run this from the repository root or name them.")
    for notebook in notebooks:
        if not notebook.is_file() or notebook.suffix != ".ipynb":
            raise Failure(f"{notebook} is not a notebook file: name .ipynb files, for example notebooks/00-start-here.ipynb.")
    if not args.no_pdf and find_chromium() is None:
        chosen = os.environ.get("BRINK_CHROMIUM", "").strip()
        where = f"at BRINK_CHROMIUM={chosen}" if chosen else "on this computer"
        raise Failure(f"No Chrome or Chromium was found {where} to print the PDFs: add --no-pdf for HTML only (print "
                      "it from any browser), install Chrome or Chromium, or set BRINK_CHROMIUM to its path.")
    paper = args.paper or default_paper()
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise Failure(f"Cannot write handouts to {out} ({error.strerror or error}): choose another --out folder.") from None
    for notebook in notebooks:
        try:
            made = build(notebook, out, Path(args.lessons), pdf=not args.no_pdf, paper=paper)
        except OSError as error:
            raise Failure(f"Could not build the handouts for {notebook} ({error.strerror or error}).") from None
        except Exception as error: # a notebook that does not parse or run
            raise Failure(f"Could not build the handouts for {notebook}: {type(error).__name__}: "
                          f"{str(error).splitlines()[0] if str(error) else ''}") from None
        for handout in made:
            print(f"{handout.edition:9} {handout.html}" + (f"  {handout.pdf}" if handout.pdf else ""))
    extras = [lambda: build_word_wall(out, pdf=not args.no_pdf, paper=paper),
              lambda: build_reveal(out, pdf=not args.no_pdf, paper=paper)]
    if (Path(args.lessons) / "summative-task.md").exists():
        extras.append(lambda: build_summative(out, Path(args.lessons), pdf=not args.no_pdf, paper=paper))
    for make in extras:
        try:
            extra = make()
        except OSError as error:
            raise Failure(f"Could not build a course-wide handout ({error.strerror or error}).") from None
        if extra is not None:
            print(f"{extra.edition:9} {extra.html}" + (f"  {extra.pdf}" if extra.pdf else ""))
    return 0


def _new(args: argparse.Namespace) -> int:
    from .starter import write_starter

    folder = Path(args.folder)
    try:
        written = write_starter(folder)
    except FileExistsError as error:
        raise Failure(str(error)) from None
    except OSError as error:
        raise Failure(f"Could not write the starter in {folder} ({error.strerror or error}).") from None
    print(f"Wrote {len(written)} starter files in {folder}. Paste your text into article.txt, fill in each TODO, then "
          f"run `python -m brink check {folder}`: it names what is left, file by file.")
    return 0


def _class_report(args: argparse.Namespace) -> int:
    from ..core.class_report import read_handins, summarise
    from ..core.loading import load
    from .class_report import write_report

    missing = [p for p in args.handins if not Path(p).exists()]
    if missing:
        raise Failure(f"{missing[0]} does not exist: name hand-in files (.json) or folders that hold them.")
    handins, skipped = read_handins(args.handins)
    if not handins:
        reasons = f" ({skipped[0].file}: {skipped[0].reason})" if skipped else " (no files were found there)"
        raise Failure(f"No hand-in could be read{reasons}. Students export theirs with "
                      "`python -m brink journal export --format json`.")
    corpus = load()
    report = summarise(corpus, handins, skipped)
    notebooks = {e.notebook for e in corpus.exercises}
    if args.released is None:
        released: frozenset[str] = frozenset()
    else:
        unknown = [n for n in args.released if n not in notebooks]
        if unknown:
            raise Failure(f"{unknown[0]} is not a notebook of this course; name one of: {', '.join(sorted(notebooks))}.")
        released = frozenset(args.released or notebooks)
    target = Path(args.output or f"class-report.{args.format}")
    try:
        write_report(corpus, report, target, args.format, released=released)
    except OSError as error:
        raise Failure(f"Could not write {target} ({error.strerror or error}); any earlier file there is unchanged.") from None
    print(f"{len(report.handins)} hand-ins read, {len(report.skipped)} skipped; written to {target}.")
    for skip in report.skipped:
        print(f"  skipped {skip.file}: {skip.reason}")
    return 0


def _release(args: argparse.Namespace) -> int:
    from ..core.modes import ENV_RELEASE_DIR, release_dir, write_release

    folder = Path(args.dir) if args.dir else release_dir()
    if folder is None:
        raise Failure(f"No release folder: pass --dir, or set {ENV_RELEASE_DIR} to the folder every student server "
                      "reads.")
    if not folder.is_dir():
        raise Failure(f"{folder} is not a folder: create it where every student server can read it, or pass --dir.")
    try:
        path = write_release(folder, args.notebooks or None, withdraw=args.withdraw)
    except OSError as error:
        raise Failure(f"Could not write the release in {folder} ({error.strerror or error}).") from None
    what = ", ".join(args.notebooks) if args.notebooks else "every notebook"
    print(f"{'Withdrawn' if args.withdraw else 'Released'}: {what} ({path}). Students press their "
          "\"Has my teacher opened it?\" or \"Show what happened next\" button; nothing needs a restart.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()  # a closed pipe shows here, where it can be answered, not at exit
        return code
    except Failure as failure:
        print(str(failure), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`... | head`): stop quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except Exception as error: # the last guard: words, never a traceback
        first = str(error).splitlines()[0] if str(error) else ""
        print(f"brink stopped on an unexpected error ({type(error).__name__}: {first}). Please report it with the "
              "command you ran.", file=sys.stderr)
        return 1


def _main(argv: Sequence[str] | None = None) -> int:
    parser = Parser(prog="python -m brink", description="Tools for the brink course data.")
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
    handouts.add_argument("--paper", choices=("a4", "letter"),
                          help="paper size (default: $BRINK_PAPER, else Letter where the locale's country uses it, else A4)")
    handouts.set_defaults(run=_handouts)
    journal = commands.add_parser("journal", help="work with saved answers")
    journal_commands = journal.add_subparsers(dest="journal_command", required=True)
    handin = journal_commands.add_parser("export", help="write all saved answers as one readable file")
    handin.add_argument("--dir", help="the answers folder (default: $BRINK_JOURNAL_DIR or ./my-answers)")
    handin.add_argument("--format", choices=("html", "md", "json"), default="html")
    handin.add_argument("--output", "-o", help="the file to write, or - for standard output")
    handin.set_defaults(run=_journal_export)
    new = commands.add_parser("new", help="write a starter data folder for your own text")
    new.add_argument("folder", help="a new, empty folder")
    new.set_defaults(run=_new)
    klass = commands.add_parser("class", help="what a class handed in")
    class_commands = klass.add_subparsers(dest="class_command", required=True)
    report = class_commands.add_parser("report", help="one page from many hand-in files: counts, wrong answers, "
                                                      "what students wrote")
    report.add_argument("handins", nargs="+", help="hand-in files (.json) or folders of them")
    report.add_argument("--output", "-o", help="the file to write (default: class-report.html or .json)")
    report.add_argument("--format", choices=("html", "json"), default="html")
    report.add_argument("--released", nargs="*", metavar="NOTEBOOK",
                        help="show the keys and model answers of predictions for these notebooks, once you have "
                             "released them to the class (no names: every notebook); held by default")
    report.set_defaults(run=_class_report)
    release = commands.add_parser("release", help="open the held answers and hindsight for a whole class")
    release.add_argument("notebooks", nargs="*", help="notebooks to open, e.g. 05-what-could-a-reader-know "
                                                      "(default: every notebook)")
    release.add_argument("--dir", help="the release folder every student server reads (default: $BRINK_RELEASE_DIR)")
    release.add_argument("--withdraw", action="store_true", help="close these notebooks again")
    release.set_defaults(run=_release)
    args = parser.parse_args(argv)
    return args.run(args)
