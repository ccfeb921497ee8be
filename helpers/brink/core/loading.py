"""Reading and checking a data folder.

One pass reads every file and collects every problem it finds, so a teacher who edits the data
sees the whole list at once instead of fixing one error per run. :func:`load` raises
:class:`~brink.problems.DataError` when anything is wrong; :func:`check` returns the list.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import tomllib
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args

from . import consistency
from .evidence import EvidenceError, locate, sentence_around, sentence_spans
from .exercises import read_exercises
from .fields import PLACEHOLDER, Entry, id_problem, kind_name
from .problems import DataError, Problem
from .records import (
    COPY_KINDS,
    DEFAULT_DOCUMENTS,
    DEFAULT_PARTIES,
    DEFAULT_ZONE,
    HEDGE_KINDS,
    LICENCES,
    RELATIONS,
    STORABLE,
    Actor,
    ActorKind,
    Article,
    Claim,
    Clock,
    Confidence,
    Corpus,
    Document,
    DocumentCheck,
    Event,
    Fidelity,
    Form,
    Hedge,
    Issue,
    Origin,
    Party,
    Period,
    Position,
    PositionKind,
    Precision,
    PrimarySource,
    Provision,
    QuoteCheck,
    Role,
    Source,
    Span,
    Stance,
    StanceValue,
    Statement,
    Status,
    Tense,
    Term,
    TimeExpression,
    Verb,
    VerbKind,
)
from .skills_check import read_check
from .timing import Resolution, resolve

DATA_DIR = Path(__file__).parents[1] / "data"
ARTICLE_TEXT = "article.txt"
# Every text needs these; every other file (time expressions, positions, events, verbs, hedges, quote checks,
# stances, drafts, roles, claims, glossary, exercises) is optional, and each view says what it needs when its file is absent.
REQUIRED_FILES = (ARTICLE_TEXT, "article.toml", "actors.toml", "statements.toml")

ACTOR_KINDS = get_args(ActorKind)
FORMS = get_args(Form)
FIDELITY = get_args(Fidelity)
PRECISIONS = get_args(Precision)
TENSES = get_args(Tense)
POSITION_KINDS = get_args(PositionKind)
STATUSES = get_args(Status)
ORIGINS = get_args(Origin)
STANCES = get_args(StanceValue)
VERB_KINDS = get_args(VerbKind)
CONFIDENCE = get_args(Confidence)

class Reader:
    """Reads one data folder; every method appends to ``self.problems`` instead of raising."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.problems: list[Problem] = []
        self.parties: tuple[Party, ...] = DEFAULT_PARTIES
        self.side_ids: tuple[str, ...] = tuple(p.id for p in DEFAULT_PARTIES)
        self.board_ids: tuple[str, ...] = tuple(p.id for p in DEFAULT_PARTIES if p.board)
        self.documents: tuple[Document, ...] = DEFAULT_DOCUMENTS
        self.drafts_heading = "In the draft"
        self.primary_source_ids: set[str] = set()  # documents.toml, once read
        self.paragraphs: tuple[str, ...] = ()
        self.text_names = ("the article", ARTICLE_TEXT)  # what self.paragraphs are, for messages
        self.parsed: dict[str, dict[str, Any]] = {}  # each file is parsed once per read

    # -- files -------------------------------------------------------------------------------
    def toml(self, name: str) -> dict[str, Any]:
        if name in self.parsed:  # each file is parsed once per read, however many readers it has
            return self.parsed[name]
        path = self.folder / name
        try:
            with path.open("rb") as handle:
                data = tomllib.load(handle)
            self.parsed[name] = data
            return data
        except FileNotFoundError:
            if name in REQUIRED_FILES:
                self.problems.append(Problem(name, None, None, "the file is missing",
                                             f"restore {name} in {self.folder} (`python -m brink new` writes a starter)"))
        except tomllib.TOMLDecodeError as error:
            self.problems.append(Problem(name, None, None, f"TOML syntax error: {error}",
                                         "correct the syntax at that line (quotes, commas, brackets)"))
        except UnicodeDecodeError:
            self.problems.append(Problem(name, None, None, "the file is not UTF-8 text", "save it as UTF-8"))
        except IsADirectoryError:
            self.problems.append(Problem(name, None, None, "this is a folder, not a file", f"replace it with the file {name}"))
        except OSError as error:
            self.problems.append(Problem(name, None, None, f"the file cannot be read ({error.strerror or error})",
                                         "check that it exists and that you may read it"))
        return {}

    def entries(self, name: str, key: str, also: tuple[str, ...] = ()) -> Iterable[Entry]:
        """Each ``[[key]]`` table of file ``name``, wrapped in an :class:`Entry` (``also``: other tables the file
        may hold, read by their own call)."""
        data = self.toml(name)
        if not data and name not in REQUIRED_FILES and not (self.folder / name).exists():
            return  # an optional file that is absent: nothing to read, nothing wrong
        if not data:
            return
        tables = data.get(key)
        extra = sorted(set(data) - {key, *also})
        if extra:
            self.problems.append(Problem(name, None, extra[0], "unknown top-level key",
                                         f"entries go in [[{key}]] tables"))
        if not isinstance(tables, list):
            self.problems.append(Problem(name, None, None, f"no [[{key}]] entries found",
                                         f"write each entry under a [[{key}]] header"))
            return
        for number, table in enumerate(tables, start=1):
            label = table.get("id") if isinstance(table.get("id"), str) else f"entry {number}"
            yield Entry(name, label, table, self.problems)

    def article_text(self) -> tuple[str, ...]:
        path = self.folder / ARTICLE_TEXT
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.problems.append(Problem(ARTICLE_TEXT, None, None, "the file is missing",
                                         "restore article.txt: one paragraph per line"))
            return ()
        except UnicodeDecodeError:
            self.problems.append(Problem(ARTICLE_TEXT, None, None, "the file is not UTF-8 text", "save it as UTF-8"))
            return ()
        except OSError as error:
            self.problems.append(Problem(ARTICLE_TEXT, None, None, f"the file cannot be read ({error.strerror or error})",
                                         "check that it is a file you may read, one paragraph per line"))
            return ()
        if text.startswith(PLACEHOLDER):
            self.problems.append(Problem(ARTICLE_TEXT, None, None, "it still holds the starter's placeholder lines",
                                         "paste the text, one paragraph per line, in place of every line there"))
            return ()
        paragraphs = tuple(text.removesuffix("\n").split("\n"))
        for number, paragraph in enumerate(paragraphs, start=1):
            if not paragraph.strip():
                self.problems.append(Problem(ARTICLE_TEXT, f"line {number}", None, "empty line",
                                             "remove it: every line is one paragraph"))
        return paragraphs

    # -- shared checks -----------------------------------------------------------------------
    def span(self, entry: Entry, field: str, text: str | None, paragraph: int | None) -> Span | None:
        if text is None or not self.paragraphs:
            return None
        try:
            return locate(self.paragraphs, text, paragraph, names=self.text_names)
        except EvidenceError as error:
            entry.problem(field, str(error), error.fix)
            return None

    def on_text(self, paragraphs: tuple[str, ...], names: tuple[str, str]) -> Reader:
        """This reader with another text in place of the article (a post of the before-and-after check): evidence is
        looked for there, and problems still go to the same list."""
        other = copy.copy(self)
        other.paragraphs, other.text_names = paragraphs, names
        return other

    def spans(self, entry: Entry, field: str, *, required: bool = True) -> tuple[Span, ...]:
        """Evidence given as "words", or as {text = "words", paragraph = N}, or a list of either."""
        value = entry.raw(field, required=required)
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        found = []
        for item in items:
            if isinstance(item, str):
                text, paragraph = item, None
            elif isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {"text", "paragraph"}:
                text, paragraph = item["text"], item.get("paragraph")
                if paragraph is not None and (isinstance(paragraph, bool) or not isinstance(paragraph, int)):
                    entry.problem(field, "paragraph must be a whole number", "write paragraph = 5")
                    continue
            else:
                entry.problem(field, "each piece of evidence must be text or {text = \"…\", paragraph = N}",
                              f'write {field} = ["words from the article"]')
                continue
            span = self.span(entry, field, text, paragraph)
            if span:
                found.append(span)
        if required and not items:
            entry.problem(field, "no evidence given", "quote at least one piece of the article")
        return tuple(found)

    def known_ids(self, entry: Entry, field: str, ids: Iterable[str], known: set[str], what: str) -> None:
        for value in ids:
            if value not in known:
                entry.problem(field, f"unknown {what} id {value!r}", f"use an id from actors.toml: {', '.join(sorted(known))}")

    def collect(self, file: str, key: str, kind: type, build: Callable[[Entry], dict[str, Any]],
                also: tuple[str, ...] = ()) -> list:
        """Each ``[[key]]`` entry of ``file`` built into a ``kind`` record; entries with problems are left out."""
        found = []
        for e in self.entries(file, key, also):
            record = build(e)
            e.finish()
            if e.ok:
                found.append(kind(**record))
        return self.unique(file, found)

    def unique(self, file: str, items: list) -> list:
        seen: set[str] = set()
        for item in items:
            if (problem := id_problem(file, item.id)) is not None:
                self.problems.append(problem)
            if item.id in seen:
                self.problems.append(Problem(file, item.id, "id", "this id is used twice", "give each entry its own id"))
            seen.add(item.id)
        return items

    # -- kinds -------------------------------------------------------------------------------
    def article(self) -> Article | None:
        data = self.toml("article.toml")
        if not data:
            return None
        table = data.get("article")
        if not isinstance(table, dict):
            self.problems.append(Problem("article.toml", None, None, "no [article] table", "put the metadata under [article]"))
            return None
        e = Entry("article.toml", "article", table, self.problems)
        time_text = e.text("published_time", required=False)
        time = None
        if time_text is not None:
            try:
                time = dt.time.fromisoformat(time_text)
            except ValueError:
                e.problem("published_time", f"{time_text!r} is not a time",
                          'write published_time = "08:38" (24-hour, in time_zone), or leave it out when unknown')
        zone = e.text("time_zone", required=False, default=DEFAULT_ZONE)
        clocks = self.clocks(e, zone)
        record = dict(
            outlet=e.text("outlet"), published=e.date("published"), rights=e.text("rights"),
            live_page_title=e.text("live_page_title", required=False, default=""),
            headline=e.text("headline", required=False, default=""),
            authors=e.texts("authors", required=False), published_time=time,
            published_time_label=e.text("published_time_label", required=False, default=""), time_zone=zone,
            url=e.text("url", required=False, default=""),
            missing_from_copy=e.texts("missing_from_copy", required=False),
            live_page_title_as_of=e.text("live_page_title_as_of", required=False, default=""),
            archive_check=e.text("archive_check", required=False, default=""),
            genre=e.text("genre", required=False, default="news report"),
            narrator=e.text("narrator", required=False, default="the reporter"),
            narrator_plural=e.text("narrator_plural", required=False, default=""),
            kind_of_text=e.text("kind_of_text", required=False, default=""),
            clocks=clocks,
            card_clocks=e.texts("card_clocks", required=False) or tuple(c.short for c in clocks if c.short),
            story_ends=e.date("story_ends", required=False), periods=self.periods(e),
            story_end_note=e.text("story_end_note", required=False, default=""),
        )
        for name in record["card_clocks"]:
            if name not in {c.short for c in clocks}:
                e.problem("card_clocks", f"{name!r} is not the short name of a clock", "use a `short` from clocks")
        e.finish()
        if not e.ok or not self.paragraphs:
            return None
        return Article(paragraphs=self.paragraphs, **record)

    def clocks(self, e: Entry, zone: str | None) -> tuple[Clock, ...]:
        """The clocks to show the publication on; by default only the publication's own zone."""
        from zoneinfo import ZoneInfo

        found = []
        for number, table in enumerate(e.raw("clocks", required=False) or [], start=1):
            if not isinstance(table, dict):
                e.problem("clocks", f"clock {number} is not a table", 'write {name = "Kyiv", zone = "Europe/Kyiv"}')
                continue
            c = Entry(e.file, f"article clock {number}", table, self.problems)
            record = dict(name=c.text("name"), zone=c.text("zone"), short=c.text("short", required=False, default=""))
            c.finish()
            if c.ok:
                try:
                    ZoneInfo(record["zone"])
                except (ValueError, KeyError):
                    c.problem("zone", f"{record['zone']!r} is not a time zone", 'use an IANA name such as "Europe/Kyiv"')
                    continue
                found.append(Clock(**record))
            else:
                e.ok = False
        if zone is not None:
            try:
                ZoneInfo(zone)
            except (ValueError, KeyError):
                e.problem("time_zone", f"{zone!r} is not a time zone", 'use an IANA name such as "America/New_York"')
                return tuple(found)
        return tuple(found) or (Clock(zone, zone, zone),)

    def periods(self, e: Entry) -> tuple[Period, ...]:
        found = []
        for number, table in enumerate(e.raw("periods", required=False) or [], start=1):
            if not isinstance(table, dict):
                e.problem("periods", f"period {number} is not a table",
                          'write {id = "winter", label = "…", start = 2021-12-01, end = 2022-02-28}')
                continue
            p = Entry(e.file, f"article period {number}", table, self.problems)
            record = dict(id=p.text("id"), label=p.text("label"), start=p.date("start"), end=p.date("end"))
            p.finish()
            if p.ok and record["end"] < record["start"]:
                p.problem("end", "the period ends before it starts", "swap start and end")
            if p.ok:
                found.append(Period(**record))
            else:
                e.ok = False
        return tuple(found)

    def read_parties(self) -> None:
        """The sides of the text (sides.toml), or the 0.1 article's when there is no such file."""
        if not (self.folder / "sides.toml").exists():
            return
        from .palette_names import COLOUR_NAMES

        def build(e: Entry) -> dict[str, Any]:
            colour = e.text("colour", required=False, default="black", choices=COLOUR_NAMES)
            return dict(id=e.text("id"), label=e.text("label"), colour=colour,
                        marker=e.text("marker", required=False, default="X"),
                        board=e.boolean("board", required=False), members=e.texts("members", required=False),
                        silent_note=e.text("silent_note", required=False, default=""))

        found = self.collect("sides.toml", "side", Party, build)
        ids = {p.id for p in found}
        for party in found:
            for member in party.members:
                if member not in ids:
                    self.problems.append(Problem("sides.toml", party.id, "members", f"unknown side {member!r}",
                                                 "name sides defined in this file"))
        if "none" not in ids:
            found.append(Party("none", "Other"))
        self.parties = tuple(found)
        self.side_ids = tuple(p.id for p in found)
        self.board_ids = tuple(p.id for p in found if p.board)

    def actors(self) -> list[Actor]:
        def build(e: Entry) -> dict[str, Any]:
            record = dict(id=e.text("id"), name=e.text("name"), kind=e.text("kind", choices=ACTOR_KINDS),
                          side=e.text("side", choices=self.side_ids), role=e.text("role"),
                          references=e.texts("references", allow_empty=True), speaks=e.boolean("speaks"),
                          note=e.text("note", required=False, default=""))
            for ref in record["references"]:
                if self.paragraphs and not any(ref in p for p in self.paragraphs):
                    e.problem("references", f"{ref!r} is not in the article", "copy the words exactly from article.txt")
            return record

        return self.collect("actors.toml", "actor", Actor, build)

    def statements(self, actor_ids: set[str]) -> list[Statement]:
        def build(e: Entry) -> dict[str, Any]:
            speakers = e.texts("speakers")
            about = e.texts("about", required=False)
            self.known_ids(e, "speakers", speakers, actor_ids, "actor")
            self.known_ids(e, "about", about, actor_ids, "actor")
            form = e.text("form", choices=FORMS)
            verb = e.text("verb", required=form != "narration")
            evidence = self.span(e, "evidence", e.text("evidence"), e.integer("paragraph", required=False))
            if evidence and verb:
                paragraph = self.paragraphs[evidence.paragraph - 1]
                start, end = sentence_around(paragraph, evidence.start, evidence.end)
                if verb not in paragraph[start:end]:
                    e.problem("verb", f"{verb!r} is not in the sentence that holds the evidence",
                              "copy the reporting verb exactly as printed")
            record = dict(id=e.text("id"), speakers=speakers, about=about, form=form, verb=verb,
                          evidence=evidence, fidelity=e.text("fidelity", choices=FIDELITY),
                          fidelity_note=e.text("fidelity_note", required=False, default=""))
            return record

        return self.collect("statements.toml", "statement", Statement, build)

    def time_expressions(self, published: dt.date | None) -> list[TimeExpression]:
        def build(e: Entry) -> dict[str, Any]:
            phrase = self.span(e, "phrase", e.text("phrase"), e.integer("paragraph", required=False))
            earliest = e.date("earliest", open_word="open")
            latest = e.date("latest", open_word="open")
            precision = e.text("precision", choices=PRECISIONS)
            if e.ok:
                _check_precision(e, earliest, latest, precision)
            record = dict(id=e.text("id"), phrase=phrase, earliest=earliest, latest=latest, precision=precision,
                          tense=e.text("tense", choices=TENSES), reasoning=e.text("reasoning"),
                          not_by_rule=e.text("not_by_rule", required=False, default=""))
            if e.ok and published:
                _check_rules(e, record, published)
            return record

        return self.collect("time_expressions.toml", "time_expression", TimeExpression, build)

    def positions(self, actor_ids: set[str]) -> list[Position]:
        def build(e: Entry) -> dict[str, Any]:
            voiced_by = e.texts("voiced_by", required=False, allow_empty=True)  # absent or []: not attributed
            self.known_ids(e, "voiced_by", voiced_by, actor_ids, "actor")
            record = dict(id=e.text("id"), side=e.text("side", choices=self.side_ids),
                          kind=e.text("kind", choices=POSITION_KINDS), summary=e.text("summary"),
                          status=_status(e), evidence=self.spans(e, "evidence"),
                          voiced_by=voiced_by, status_note=e.text("status_note", required=False, default=""))
            return record

        return self.collect("positions.toml", "position", Position, build)

    def events(self, published: dt.date | None) -> list[Event]:
        def build(e: Entry) -> dict[str, Any]:
            origin = e.text("origin", choices=ORIGINS)
            date, end_date = e.date("date"), e.date("end_date", required=False)
            if date and end_date and end_date < date:
                e.problem("end_date", f"ends ({end_date}) before it starts ({date})", "swap the dates or correct one")
            known = e.raw("known_on_publication")
            if known == "uncertain":
                known = None
            elif not isinstance(known, bool) and known is not None:
                e.problem("known_on_publication", f"expected true, false or \"uncertain\", found {kind_name(known)}",
                          'write known_on_publication = true, false or "uncertain"')
            evidence = self.spans(e, "evidence", required=origin == "text")
            sources = self.sources(e, required=origin == "context")
            confidence = e.text("confidence", required=bool(sources), choices=CONFIDENCE)
            if origin == "text" and not evidence and e.ok:
                e.problem("evidence", "an event from the text needs evidence", "quote the words that report it")
            if date and published and e.ok:
                _check_known(e, date, end_date or date, published, known)
            record = dict(id=e.text("id"), date=date, end_date=end_date, title=e.text("title"), origin=origin,
                          known_on_publication=known, evidence=evidence, sources=sources,
                          confidence=confidence, note=e.text("note", required=False, default=""),
                          mentions=e.texts("mentions", required=False))
            return record

        return self.collect("events.toml", "event", Event, build)

    def verbs(self, statement_ids: set[str], statements_by_id: dict[str, Statement]) -> list[Verb]:
        def build(e: Entry) -> dict[str, Any]:
            statements, verb = e.texts("statements"), e.text("verb")
            for sid in statements:
                if sid not in statement_ids:
                    e.problem("statements", f"unknown statement id {sid!r}", "use an id from statements.toml")
                    continue
                statement = statements_by_id.get(sid)
                if statement is None or verb is None or statement.evidence is None:
                    continue
                if statement.verb != verb and not (statement.form == "narration" and verb in statement.evidence.text):
                    e.problem("statements", f"{sid} reports its words with {statement.verb or 'no verb'!r}, not {verb!r}",
                              "list only statements that use this verb (or narration that contains it)")
            load = e.integer("load")
            if load is not None and not 0 <= load <= 3:
                e.problem("load", f"{load} is off the 0–3 scale", "choose 0 (neutral) to 3 (most loaded)")
            record = dict(id=e.text("id"), verb=verb, statements=statements,
                          kind=e.text("kind", choices=VERB_KINDS), load=load, why=e.text("why"))
            return record

        return self.collect("verbs.toml", "verb", Verb, build)

    def hedges(self, actor_ids: set[str]) -> list[Hedge]:
        def build(e: Entry) -> dict[str, Any]:
            holders = e.texts("holder")
            self.known_ids(e, "holder", holders, actor_ids, "actor")
            record = dict(id=e.text("id"), span=self.span(e, "text", e.text("text"), e.integer("paragraph", required=False)),
                          kind=e.text("kind", choices=HEDGE_KINDS), type=e.text("type"), holders=holders, note=e.text("note"))
            return record

        return self.collect("hedges.toml", "hedge", Hedge, build)

    def quote_checks(self, statement_ids: set[str]) -> list[QuoteCheck]:
        def build(e: Entry) -> dict[str, Any]:
            statement = e.text("statement")
            if statement and statement not in statement_ids:
                e.problem("statement", f"unknown statement id {statement!r}", "use an id from statements.toml")
            record = dict(id=e.text("id"), statement=statement,
                          in_text=self.span(e, "in_text", e.text("in_text"), e.integer("paragraph", required=False)),
                          in_source=e.text("in_source"), language=e.text("language"), change=e.text("change"),
                          gloss=e.text("gloss", required=False, default=""), sources=self.sources(e, required=True),
                          confidence=e.text("confidence", choices=CONFIDENCE))
            return record

        return self.collect("quote_checks.toml", "quote_check", QuoteCheck, build)

    def issues(self, position_ids: set[str], actor_ids: set[str]) -> list[Issue]:
        def build(e: Entry) -> dict[str, Any]:
            position = e.text("position")
            if position and position not in position_ids:
                e.problem("position", f"unknown position id {position!r}", "use an id from positions.toml")
            stances, seen = [], set()
            for number, table in enumerate(e.raw("stance", required=False) or [], start=1):
                if not isinstance(table, dict):
                    e.problem("stance", "expected [[issue.stance]] tables", "write each under an [[issue.stance]] header")
                    continue
                s = Entry(e.file, f"{e.label} stance {number}", table, self.problems)
                side, stance = s.text("side", choices=self.board_ids), s.text("stance", choices=STANCES)
                evidence = self.spans(s, "evidence", required=stance != "silent")
                voiced_by = s.texts("voiced_by", required=False, allow_empty=True) if "voiced_by" in table else None
                self.known_ids(s, "voiced_by", voiced_by or (), actor_ids, "actor")
                note = s.text("note", required=False, default="")
                if side in seen:
                    s.problem("side", f"{side} has two stances on this issue", "keep one")
                seen.add(side)
                s.finish()
                if s.ok:
                    stances.append(Stance(side, stance, evidence, voiced_by, note))
                else:
                    e.ok = False
            record = dict(id=e.text("id"), label=e.text("label"), position=position, stances=tuple(stances))
            return record

        return self.collect("stances.toml", "issue", Issue, build)

    def provisions(self, position_ids: set[str]) -> list[Provision]:
        def build(e: Entry) -> dict[str, Any]:
            reported = e.texts("reported_as", allow_empty=True)
            for pid in reported:
                if pid not in position_ids:
                    e.problem("reported_as", f"unknown position id {pid!r}", "use an id from positions.toml")
            article = e.integer("article", required=False)
            firm = e.boolean("article_firm", required=False)
            if article is not None and not firm:
                e.problem("article", "an article number is given without article_firm = true",
                          "use a number only where the fact base marks it firm (then add article_firm = true); "
                          "otherwise describe the provision without a number")
            if firm and article is None:
                e.problem("article_firm", "article_firm is set but no article number is given", "remove it or add the number")
            record = dict(id=e.text("id"), document=e.text("document", choices=[d.id for d in self.documents]),
                          summary=e.text("summary"),
                          reported_as=reported, sources=self.sources(e, required=True),
                          confidence=e.text("confidence", choices=CONFIDENCE), article=article,
                          wording=e.text("wording", required=False, default=""))
            return record

        return self.collect("drafts.toml", "provision", Provision, build, also=("document", "heading"))

    def read_documents(self) -> None:
        """The documents drafts.toml names ([[document]] id and title), and its table heading; the 0.1 article's
        two drafts when it names none."""
        data = self.toml("drafts.toml") if (self.folder / "drafts.toml").exists() else {}
        tables = data.get("document", [])
        heading = data.get("heading")
        if isinstance(heading, str) and heading.strip():
            self.drafts_heading = heading
        if not isinstance(tables, list) or not tables:
            return
        found = []
        for number, table in enumerate(tables, start=1):
            if not isinstance(table, dict):
                self.problems.append(Problem("drafts.toml", f"document {number}", None, "not a table",
                                             "write it under a [[document]] header"))
                continue
            d = Entry("drafts.toml", table.get("id") if isinstance(table.get("id"), str) else f"document {number}",
                      table, self.problems)
            record = dict(id=d.text("id"), title=d.text("title"))
            d.finish()
            if d.ok:
                found.append(Document(**record))
        self.documents = tuple(found)

    def roles(self) -> list[Role]:
        def build(e: Entry) -> dict[str, Any]:
            record = dict(id=e.text("id"), title=e.text("title"), delegation=e.text("delegation", choices=self.side_ids),
                          goals=e.texts("goals"), issues=e.texts("issues"), evidence=self.spans(e, "evidence"),
                          documents=e.texts("documents", required=False))
            for document in record["documents"]:
                if document not in self.primary_source_ids:
                    e.problem("documents", f"unknown document {document!r}", "use an id from documents.toml")
            return record

        return self.collect("roles.toml", "role", Role, build)

    def primary_sources(self) -> list[PrimarySource]:
        """documents.toml: each side's documents of the days around the text (issue 16)."""
        def build(e: Entry) -> dict[str, Any]:
            record: dict[str, Any] = dict(
                id=e.text("id"), side=e.text("side", choices=self.side_ids), issuer=e.text("issuer"),
                title=e.text("title"), date=e.date("date"), time_means=e.text("time_means"), url=e.text("url"),
                licence=e.text("licence", choices=LICENCES), licence_note=e.text("licence_note"),
                quote=e.text("quote"), notes=e.texts("notes", required=False),
                copy=e.text("copy", required=False, choices=COPY_KINDS, default="issuer"),
                via=e.text("via", required=False, default=""), copy_url=e.text("copy_url", required=False, default=""),
                zone_stated=e.boolean("zone_stated", required=False, default=True),
                page_found=e.boolean("page_found", required=False, default=True),
                text=e.texts("text", required=False))
            record.update(self.document_time(e))
            if record["copy"] != "issuer" and not (record["via"] and record["copy_url"]):
                e.problem("copy", "a copy that is not the issuer's page needs `via` and `copy_url`",
                          "name the site in via and link the copy in copy_url")
            if record["text"] and record["licence"] not in STORABLE:
                e.problem("text", f"the licence is {record['licence']!r}, so the text may not be stored",
                          "remove text, link the page in url, and quote one sentence in quote")
            if record["quote"] and record["text"] and not any(record["quote"] in t for t in record["text"]):
                e.problem("quote", "the quotation is not in the stored text", "copy it exactly from text")
            if record["quote"] and len(sentence_spans(record["quote"])) > 1:
                e.problem("quote", "quote at most one sentence", "shorten it to one sentence")
            record["checks"] = self.document_checks(e, record)
            return record

        found = self.collect("documents.toml", "document", PrimarySource, build)
        self.primary_source_ids = {d.id for d in found} | _declared_ids(self, "documents.toml", "document")
        return found

    def document_time(self, e: Entry) -> dict[str, Any]:
        """A time in a stated zone, or none."""
        from zoneinfo import ZoneInfo

        text = e.text("time", required=False)
        if text is None:
            return {}
        zone = e.text("zone")
        try:
            time = dt.time.fromisoformat(text)
        except ValueError:
            e.problem("time", f"{text!r} is not a time", 'write time = "16:15" (24-hour, in zone)')
            return {}
        try:
            ZoneInfo(zone or "")
        except (ValueError, KeyError, OSError):
            e.problem("zone", f"{zone!r} is not a time zone", 'use an IANA name such as "Europe/Moscow"')
            return {}
        return {"time": time, "zone": zone}

    def document_checks(self, e: Entry, record: dict[str, Any]) -> tuple[DocumentCheck, ...]:
        found = []
        tables = e.raw("check", required=False) or []
        if not isinstance(tables, list):
            e.problem("check", "expected [[document.check]] tables", "write each under a [[document.check]] header")
            return ()
        shown = " ".join((*record["text"], record["quote"]))
        for number, table in enumerate(tables, start=1):
            c = Entry(e.file, f"{e.label} check {number}", table if isinstance(table, dict) else {}, self.problems)
            post = self.span(c, "post", c.text("post"), None)
            words, relation = c.text("words"), c.text("relation", choices=RELATIONS)
            if words and words not in shown:
                c.problem("words", "these words are not in the document's text or quotation", "copy them exactly")
            check = dict(post=post, words=words, relation=relation, note=c.text("note"))
            c.finish()
            if c.ok and post is not None:
                found.append(DocumentCheck(**check))
            else:
                e.ok = False
        return tuple(found)

    def glossary(self) -> list[Term]:
        def build(e: Entry) -> dict[str, Any]:
            return dict(id=e.text("id"), term=e.text("term"), means=e.text("means"),
                        example=e.text("example", required=False, default=""),
                        source=e.text("source", required=False, default=""))

        return self.collect("glossary.toml", "term", Term, build)

    def claims(self, statement_ids: set[str], events: dict[str, Event]) -> list[Claim]:
        def build(e: Entry) -> dict[str, Any]:
            statement = e.text("statement")
            if statement and statement not in statement_ids:
                e.problem("statement", f"unknown statement id {statement!r}", "use an id from statements.toml")
            known, later = e.texts("known"), e.texts("outcome_events")
            for field, ids, wanted in (("known", known, True), ("outcome_events", later, False)):
                for event_id in ids:
                    event = events.get(event_id)
                    if event is None:
                        e.problem(field, f"unknown event id {event_id!r}", "use an id from events.toml")
                    elif (event.known_on_publication is True) is not wanted:
                        e.problem(field, f"{event_id} is {'not ' if wanted else ''}known at publication",
                                  "known lists events a reader could know at publication; outcome_events lists later "
                                  "ones, or ones whose timing is uncertain")
            record = dict(id=e.text("id"), statement=statement, question=e.text("question"), known=known,
                          outcome=e.text("outcome"), outcome_events=later)
            return record

        return self.collect("claims.toml", "claim", Claim, build)

    def sources(self, e: Entry, *, required: bool) -> tuple[Source, ...]:
        value = e.raw("sources", required=required)
        if value is None:
            return ()
        if not isinstance(value, list) or (required and not value):
            e.problem("sources", "expected a list of sources", 'write sources = [{issuer = "…", description = "…", url = "https://…"}]')
            return ()
        found = []
        for number, table in enumerate(value, start=1):
            if not isinstance(table, dict):
                e.problem("sources", f"source {number} is not a table", 'write {issuer = "…", description = "…", url = "…"}')
                continue
            inner = Entry(e.file, f"{e.label} source {number}", table, self.problems)
            url = inner.text("url")
            if url and not url.startswith(("https://", "http://")):
                inner.problem("url", f"{url!r} is not a web address", "give the full address, starting https://")
            # A copy on another site must say what kind of site it is; a source with no `via` is the issuer's own
            # page (as every 0.1 source without `via` was), so its label may be left out.
            has_via = "via" in table
            copy = inner.text("copy", required=has_via, choices=COPY_KINDS, default="issuer")
            via = inner.text("via", required=copy not in (None, "issuer"), default="")
            if copy == "issuer" and via and "copy" in table:
                inner.problem("via", "via names another site, but copy says the link is the issuer's own page",
                              'remove via, or set copy to the kind of site that holds the copy (e.g. "archive")')
            record = dict(issuer=inner.text("issuer"), description=inner.text("description"), url=url,
                          date=inner.date("date", required=False), via=via, copy=copy)
            inner.finish()
            if inner.ok:
                found.append(Source(**record))
            else:
                e.ok = False
        return tuple(found)


# 0.1 had two statuses for "open" ("on the table", "open to talks") that meant the same (review C10). Data
# written for 0.1 keeps working: each old value reads as "open".
OLD_STATUSES = {"on-the-table": "open", "open-to-talks": "open"}


def _status(e: Entry) -> str | None:
    value = e.raw("status", required=False)
    if isinstance(value, str) and value in OLD_STATUSES:
        e.read.add("status")
        return OLD_STATUSES[value]
    return e.text("status", choices=STATUSES)


def _check_precision(e: Entry, earliest: dt.date | None, latest: dt.date | None, precision: str | None) -> None:
    if earliest and latest and latest < earliest:
        e.problem("latest", f"latest ({latest}) is before earliest ({earliest})", "swap them or correct one")
        return
    if precision == "day" and (earliest is None or earliest != latest):
        e.problem("precision", "a day needs earliest and latest on the same date", "set both to that day, or choose range")
    elif precision == "month" and not (
        earliest and latest and earliest.day == 1 and (latest + dt.timedelta(days=1)).day == 1
        and (earliest.year, earliest.month) == (latest.year, latest.month)
    ):
        e.problem("precision", "a month runs from its first to its last day",
                  "set earliest to the 1st and latest to the month's last day, or choose range")
    elif precision == "range" and (earliest is None or latest is None):
        e.problem("precision", "a range needs both ends", 'give both dates, or choose "open"')
    elif precision == "open" and earliest is not None and latest is not None:
        e.problem("precision", "an open expression has one end open", 'write "open" for the unknown end, or choose range')


def _check_rules(e: Entry, record: dict, published: dt.date) -> None:
    """Where the date rules apply, the annotated dates must agree; where they do not, say why."""
    result = resolve(record["phrase"].text, published, record["tense"])
    if isinstance(result, Resolution):
        given = (record["earliest"], record["latest"], record["precision"])
        if given != (result.earliest, result.latest, result.precision):
            e.problem("earliest", f"the date rules give {result.earliest or 'open'} to {result.latest or 'open'} "
                                  f"({result.precision}): {result.clue}", "correct the dates, the precision or the tense")
        elif record["not_by_rule"]:
            e.problem("not_by_rule", "the date rules do date this phrase", "remove not_by_rule")
    elif not record["not_by_rule"]:
        e.problem("not_by_rule", f"the date rules cannot date this phrase ({result.reason})",
                  'say why in not_by_rule = "…", in a sentence')


def _check_known(e: Entry, start: dt.date, end: dt.date, published: dt.date, known: bool | None) -> None:
    """``known_on_publication`` must agree with the dates wherever the dates settle it."""
    if start > published and known is not False:
        e.problem("known_on_publication", f"the event starts after {published}, so no reader could know it",
                  "set known_on_publication = false")
    elif end < published and known is not True:
        e.problem("known_on_publication", f"the event ended before {published}, so it was known",
                  "set known_on_publication = true")


ENV_DATA = "BRINK_DATA"
_chosen: Path | None = None  # set by use()


def data_dir() -> Path:
    """The data folder in use: the one given to ``brink.use(folder)``, else ``$BRINK_DATA``, else the package's own
    article. Every default in brink (``load()``, every view, ``python -m brink check``, ``export``, ``lessons``,
    ``handouts``) reads it, so a teacher points the whole course at another text in one place."""
    if _chosen is not None:
        return _chosen
    value = os.environ.get(ENV_DATA, "").strip()
    return Path(value).expanduser() if value else DATA_DIR


def use(folder: str | Path | None) -> Corpus:
    """Point ``load()`` and every view at another data folder (``None``: back to ``$BRINK_DATA`` or the package's
    own). Returns its corpus, so a notebook cell shows at once whether the folder is valid."""
    global _chosen
    corpus = load(folder) if folder is not None else None
    _chosen = Path(folder).expanduser() if folder is not None else None
    return corpus or load()


def read(folder: str | Path | None = None) -> tuple[Corpus | None, list[Problem]]:
    """Read a data folder; return the corpus (None when anything is wrong) and every problem."""
    reader = Reader(Path(folder) if folder is not None else data_dir())
    reader.paragraphs = reader.article_text()
    reader.read_parties()
    reader.read_documents()
    article = reader.article()
    actors = reader.actors()
    actor_ids = {a.id for a in actors}
    # Entries that failed are dropped above, so their ids still count as known here:
    actor_ids |= _declared_ids(reader, "actors.toml", "actor")
    expressions = reader.time_expressions(article.published if article else None)
    events = reader.events(article.published if article else None)
    exercises = read_exercises(reader, {t.id: t for t in expressions}, {e.id: e for e in events})
    check_forms, check_items = read_check(reader, {x.id for x in exercises})
    statements = reader.statements(actor_ids)
    statement_ids = {s.id for s in statements} | _declared_ids(reader, "statements.toml", "statement")
    positions = reader.positions(actor_ids)
    position_ids = {p.id for p in positions} | _declared_ids(reader, "positions.toml", "position")
    corpus = Corpus(
        article=article,
        actors=tuple(actors),
        statements=tuple(statements),
        time_expressions=tuple(expressions),
        positions=tuple(positions),
        events=tuple(events),
        exercises=(*exercises, *check_items),
        verbs=tuple(reader.verbs(statement_ids, {s.id: s for s in statements})),
        hedges=tuple(reader.hedges(actor_ids)),
        quote_checks=tuple(reader.quote_checks(statement_ids)),
        issues=tuple(reader.issues(position_ids, actor_ids)),
        provisions=tuple(reader.provisions(position_ids)),
        primary_sources=tuple(reader.primary_sources()),
        roles=tuple(reader.roles()),
        glossary=tuple(reader.glossary()),
        claims=tuple(reader.claims(statement_ids, {e.id: e for e in events})),
        check_forms=check_forms,
        parties=reader.parties,
        documents=reader.documents,
        drafts_heading=reader.drafts_heading,
    )
    problems = reader.problems
    if article is not None and not problems:  # across files only once each file is clean: no cascades
        problems += consistency.check(corpus)
    return (None if problems or article is None else corpus), problems


def _declared_ids(reader: Reader, name: str, key: str) -> set[str]:
    """Ids declared in a file already read (entries that failed checks still count as declared)."""
    tables = reader.parsed.get(name, {}).get(key, [])
    if not isinstance(tables, list):
        return set()
    return {t["id"] for t in tables if isinstance(t, dict) and isinstance(t.get("id"), str)}


def check(folder: str | Path | None = None) -> list[Problem]:
    """Every problem in a data folder; an empty list means it is clean."""
    return read(folder)[1]


def load(folder: str | Path | None = None) -> Corpus:
    """The article and all its annotations (from :func:`data_dir` unless ``folder`` is given); raises
    :class:`DataError` listing every problem. A folder is read once and read again only when a file in it changes,
    so forty questions on one page do not read it forty times, and an edit shows on the next call."""
    path = (Path(folder) if folder is not None else data_dir()).expanduser().resolve()
    return _load(path, _fingerprint(path))


def _fingerprint(folder: Path) -> tuple:
    """What changes when a data file changes: each file's name, size and modification time."""
    if folder == DATA_DIR.resolve():  # the package's own data does not change under a running course
        return ()
    try:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    except OSError:
        return ("unreadable",)


@lru_cache(maxsize=8)
def _load(folder: Path, fingerprint: tuple) -> Corpus:
    corpus, problems = read(folder)
    if problems or corpus is None:
        raise DataError(problems)
    return corpus

