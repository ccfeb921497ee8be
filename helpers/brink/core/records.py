"""The typed, frozen records that every part of brink reads.

Records hold data only. They are built (and checked) by :mod:`brink.core.loading`, so a record
that exists is a record that passed validation: offsets point at verbatim evidence, ids
resolve, dates are ordered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

DEFAULT_ZONE = "America/New_York"  # the publication zone when article.toml does not give one (the 0.1 default)

# The vocabularies of the data files. Each is a Literal, so a type checker knows the values; loading takes its
# allowed choices from here, and a test checks that every label map in the layers above covers every value.
ActorKind = Literal["person", "state", "organisation", "group", "institution", "media", "place", "document"]
Side = Literal[  # the 0.1 article's sides, the defaults when a folder has no sides.toml
    "russia", "us", "nato", "us-nato", "ukraine", "west", "media", "none"]
Form = Literal["quote", "partial-quote", "paraphrase", "narration"]
Fidelity = Literal["confirmed", "consistent", "partly-confirmed", "loose", "unconfirmed", "not-applicable"]
Precision = Literal["day", "month", "range", "open"]
Tense = Literal["past", "present", "future", "none"]
PositionKind = Literal["demand", "offer", "warning", "assessment", "refusal", "hope", "grievance"]
Status = Literal["ruled-out", "open", "under-review", "unclear"]
Origin = Literal["text", "context"]
StanceValue = Literal["demanded", "rejected", "open", "silent"]
VerbKind = Literal["neutral", "framing", "presupposition", "inference", "emotion"]
Confidence = Literal["High", "Medium"]

# What kind of site holds the copy a source links to. Every source says it, for every side alike:
# "issuer" when the link is the issuer's own page, otherwise the kind of site that re-published it.
# Ownership labels ("state-owned", "state-funded") are left out: the fact base gives none, for any side.
CopyKind = Literal["issuer", "archive", "news-agency", "news-site", "government-site",
                   "partisan-mirror", "aggregator", "translation-site", "research-site", "mailing-list",
                   "staging-site", "dataset"]
COPY_KINDS: tuple[str, ...] = get_args(CopyKind)


@dataclass(frozen=True)
class Span:
    """A verbatim piece of the article: ``article.paragraphs[paragraph - 1][start:end] == text``."""

    text: str
    paragraph: int  # 1-based
    start: int  # 0-based character offset into the paragraph
    end: int


@dataclass(frozen=True)
class Source:
    """Where an outside fact comes from: cite by issuer and date, link the best URL we have."""

    issuer: str  # who issued the text or report, e.g. "Russian Foreign Ministry"
    description: str  # what the document is, in our words (not a headline)
    url: str
    date: dt.date | None = None
    via: str = ""  # where our copy lives when the URL is not the issuer's own site
    copy: CopyKind = "issuer"  # what kind of site the URL is on


@dataclass(frozen=True)
class Clock:
    """A clock on which to show the moment of publication."""

    name: str  # as a table shows it: "US Eastern (New York)"
    zone: str  # an IANA zone: "America/New_York"
    short: str = ""  # as the source card shows it: "US Eastern"


@dataclass(frozen=True)
class Period:
    """A stretch of time the timeline can show."""

    id: str
    label: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Article:
    """Where the text comes from, and the facts about it that the course's views need. Everything a text can lack
    is optional, with the 0.1 article's choices as defaults, so a folder that was valid stays valid."""

    outlet: str
    published: dt.date
    rights: str
    paragraphs: tuple[str, ...]
    live_page_title: str = ""
    headline: str = ""
    authors: tuple[str, ...] = ()
    published_time: dt.time | None = None  # local time in ``time_zone``; None when not known
    published_time_label: str = ""  # as the outlet printed it, e.g. "8:38 a.m. ET"
    time_zone: str = DEFAULT_ZONE
    url: str = ""
    missing_from_copy: tuple[str, ...] = ()
    live_page_title_as_of: str = ""  # the time of the update the title was archived from, when not the post's own
    archive_check: str = ""  # which parts of the copy were checked against an archived original
    genre: str = "news report"  # news report, transcript, speech, statement, readout, article …
    narrator: str = "the reporter"  # how the text's own voice is named: "the reporter", "the White House" …
    narrator_plural: str = ""  # when the narrator is several people ("the reporters"); default: narrator
    kind_of_text: str = ""  # the source card's sentence on what kind of text this is
    clocks: tuple[Clock, ...] = ()
    card_clocks: tuple[str, ...] = ()  # the short names of the clocks the source card shows, in order
    story_ends: dt.date | None = None  # where the course's account of later events stops
    story_end_note: str = ""  # what the reveal says about the time after story_ends
    periods: tuple[Period, ...] = ()

    @property
    def time_label(self) -> str:
        """The publication time as printed, or "time of day unknown"."""
        if self.published_time is None:
            return "time of day unknown"
        return self.published_time_label or f"{self.published_time:%H:%M}"

    @property
    def published_at(self) -> dt.datetime:
        """The publication moment as an aware datetime in its own zone (midnight when the time is unknown)."""
        from zoneinfo import ZoneInfo

        return dt.datetime.combine(self.published, self.published_time or dt.time(0), ZoneInfo(self.time_zone))

    def published_in(self, zone: str) -> dt.datetime:
        """The publication moment on another clock, e.g. ``"Europe/Moscow"``."""
        from zoneinfo import ZoneInfo

        return self.published_at.astimezone(ZoneInfo(zone))


@dataclass(frozen=True)
class Party:
    """A side in the text: how it is named, how charts draw it (an Okabe-Ito colour name and a marker), whether
    the demands board gives it a column, and which sides a joint side speaks for."""

    id: str
    label: str
    colour: str = "black"
    marker: str = "X"
    board: bool = False
    members: tuple[str, ...] = ()
    silent_note: str = ""  # what the board says in this side's column when the text gives it no position at all


# The sides of the 0.1 article, used when a data folder has no sides.toml.
DEFAULT_PARTIES = (
    Party("russia", "Russia", "vermilion", "^", board=True),
    Party("us", "United States", "blue", "o", board=True),
    Party("nato", "NATO", "bluish green", "s", board=True),
    Party("ukraine", "Ukraine", "orange", "P", board=True,
          silent_note="The text gives no Ukrainian position: no Ukrainian official is quoted or paraphrased. "
                      "What would you need to know about Ukraine's view, and where could you find it?"),
    Party("us-nato", "US and NATO allies", "sky blue", "D", members=("us", "nato")),
    Party("west", "The West", "sky blue", "h"),
    Party("media", "Reporter", "reddish purple", "v"),
    Party("none", "Other", "black", "X"),
)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    side: str  # a side id (sides.toml; by default the values of Side)
    role: str
    references: tuple[str, ...]  # the words the text uses for the actor (each occurs in it)
    speaks: bool  # False when the text never gives this actor a voice
    note: str = ""


@dataclass(frozen=True)
class Statement:
    id: str
    speakers: tuple[str, ...]  # actor ids
    verb: str | None  # the reporting verb as printed; None for the reporter's own narration
    form: Form
    evidence: Span
    fidelity: Fidelity
    fidelity_note: str = ""
    about: tuple[str, ...] = ()  # actor ids the statement is about, when not its speakers


@dataclass(frozen=True)
class TimeExpression:
    id: str
    phrase: Span
    earliest: dt.date | None  # None: open towards the past
    latest: dt.date | None  # None: open towards the future
    precision: Precision
    reasoning: str
    tense: Tense  # what the sentence's verb says about direction
    not_by_rule: str = ""  # why the rules in brink.core.timing cannot date it (empty when they can)


@dataclass(frozen=True)
class Position:
    id: str
    side: str  # a side id (sides.toml; by default the values of Side)
    kind: PositionKind
    summary: str
    status: Status
    evidence: tuple[Span, ...]
    voiced_by: tuple[str, ...] = ()  # actor ids of whoever the text lets say it; () = not attributed
    status_note: str = ""


@dataclass(frozen=True)
class Event:
    id: str
    date: dt.date
    end_date: dt.date | None
    title: str
    origin: Origin
    known_on_publication: bool | None  # None: whether it came before the moment of publication is not known
    evidence: tuple[Span, ...] = ()
    sources: tuple[Source, ...] = ()
    confidence: Confidence | None = None  # for context events
    note: str = ""
    mentions: tuple[str, ...] = ()  # phrases that name the event in the course's prose ("Biden's warning")


@dataclass(frozen=True)
class Verb:
    """A reporting verb and where it sits on the scale from neutral to loaded."""

    id: str
    verb: str
    statements: tuple[str, ...]
    kind: VerbKind
    load: int  # 0 (neutral) to 3
    why: str


# How words shape a claim: less sure, more sure, taking something for granted, or colouring it.
HedgeKind = Literal["hedge", "booster", "presupposition", "framing"]
HEDGE_KINDS: tuple[str, ...] = get_args(HedgeKind)


@dataclass(frozen=True)
class Hedge:
    """Words that make a claim sound less certain (hedge) or more (booster), take something for granted
    (presupposition), or colour it (framing). The reporters' own words count as much as a speaker's."""

    id: str
    span: Span
    kind: HedgeKind
    type: str
    holders: tuple[str, ...]  # actor ids: whose certainty or view the words carry, as the text presents it
    note: str


@dataclass(frozen=True)
class QuoteCheck:
    """A quotation in the text next to the same words in a source."""

    id: str
    statement: str
    in_text: Span
    in_source: str
    language: str
    change: str
    sources: tuple[Source, ...]
    confidence: Confidence
    gloss: str = ""


@dataclass(frozen=True)
class Stance:
    side: str  # a side with a board column (sides.toml)
    stance: StanceValue
    evidence: tuple[Span, ...] = ()
    voiced_by: tuple[str, ...] | None = None  # who says so, when not the side itself; () = not attributed
    note: str = ""


@dataclass(frozen=True)
class Issue:
    """One row of the demands matrix: an issue and each side's stance in the text."""

    id: str
    label: str
    position: str
    stances: tuple[Stance, ...]

    def stance(self, side: str) -> Stance:
        for stance in self.stances:
            if stance.side == side:
                return stance
        return Stance(side, "silent")


@dataclass(frozen=True)
class Document:
    """A document whose provisions the text summarises (drafts.toml's [[document]] tables)."""

    id: str
    title: str


# The 0.1 article's two drafts, used when drafts.toml names no [[document]].
DEFAULT_DOCUMENTS = (
    Document("us-treaty", "Draft treaty between the United States and Russia on security guarantees"),
    Document("nato-agreement", "Draft agreement on the security of Russia and the NATO member states"),
)


@dataclass(frozen=True)
class Provision:
    """A provision of Russia's December 2021 drafts, next to the text's summary of it."""

    id: str
    document: str  # a Document id
    summary: str
    reported_as: tuple[str, ...]  # position ids
    sources: tuple[Source, ...]
    confidence: Confidence
    article: int | None = None  # only where the fact base marks the number firm
    wording: str = ""


# A primary document's licence decides whether the course may store its text (issue 16): public-domain and cc-by
# may be stored; unconfirmed (a licence asserted by others, not seen on the issuer's own page) and copyright
# are linked, with one sentence quoted.
Licence = Literal["public-domain", "cc-by", "unconfirmed", "copyright"]
LICENCES: tuple[str, ...] = get_args(Licence)
STORABLE: tuple[Licence, ...] = ("public-domain", "cc-by")
# What a document does with words of the post: says the same, says more, says the opposite, or is about the same
# thing without containing the claim.
Relation = Literal["corroborates", "adds", "contradicts", "silent"]
RELATIONS: tuple[str, ...] = get_args(Relation)


@dataclass(frozen=True)
class DocumentCheck:
    """What one primary document does with words of the post."""

    post: Span  # the words of the post
    words: str  # the document's words, in its stored text or its quotation
    relation: Relation
    note: str


@dataclass(frozen=True)
class PrimarySource:
    """A document of the days around the text, from one side (documents.toml), to check the text against."""

    id: str
    side: str
    issuer: str
    title: str
    date: dt.date
    time_means: str  # what the time stands for: published on the site, the briefing began…
    url: str  # the issuer's own page, or its site when the page was not found (page_found = False)
    licence: Licence
    licence_note: str
    quote: str  # one sentence, shown for every document
    time: dt.time | None = None
    zone: str = ""  # the IANA zone of ``time``
    zone_stated: bool = True  # False when the zone is inferred, not shown by the issuer
    page_found: bool = True
    copy_url: str = ""  # the copy the course read, when it is not the issuer's page
    copy: CopyKind = "issuer"
    via: str = ""
    text: tuple[str, ...] = ()  # the paragraphs, only when the licence allows storing them
    notes: tuple[str, ...] = ()
    checks: tuple[DocumentCheck, ...] = ()

    @property
    def moment(self) -> dt.datetime | None:
        """When the document appeared, as an aware datetime; None when its time is not known."""
        from zoneinfo import ZoneInfo

        if self.time is None or not self.zone:
            return None
        return dt.datetime.combine(self.date, self.time, ZoneInfo(self.zone))


@dataclass(frozen=True)
class Term:
    """A word students need (glossary.toml): shown in a notebook where it first appears, and on the word wall."""

    id: str
    term: str
    means: str  # in words a 15-year-old can use
    example: str = ""  # an everyday example, never an answer from the text
    source: str = ""  # issuer and date, when the meaning carries an outside fact


@dataclass(frozen=True)
class Role:
    """A role card for the decision-point activity: an adviser or analyst, never a named leader."""

    id: str
    title: str
    delegation: str  # a side id (sides.toml), or "none" for an analyst
    goals: tuple[str, ...]
    issues: tuple[str, ...]
    evidence: tuple[Span, ...]
    documents: tuple[str, ...] = ()  # ids in documents.toml: the side's own words of those days, on the card


@dataclass(frozen=True)
class Claim:
    """A forward-looking statement: what a reader could know on 28 January, and what happened next."""

    id: str
    statement: str
    question: str
    known: tuple[str, ...]  # event ids known at publication
    outcome: str
    outcome_events: tuple[str, ...]  # event ids after publication


ExerciseType = Literal["single", "multiple", "classify", "date", "order", "rating", "text", "highlight"]
# What an answer looks like. Every layer that varies by exercise keeps one registry keyed by shape: checking
# (brink.core.checking.RULES), printing (brink.static.exercise_render.PRINTED), controls
# (brink.views.questions.CONTROLS) and keys (brink.exports.keys.KEY_TABLES).
Shape = Literal["one", "many", "classify", "order", "rating", "text"]


@dataclass(frozen=True)
class Kind:
    """What the type of an exercise decides, in one place."""

    shape: Shape
    judgement: bool = False  # committed and revealed, never marked right or wrong
    lettered: bool = False  # options are phrases in a paragraph, labelled (a), (b), … (highlight)


KINDS: dict[ExerciseType, Kind] = {
    "single": Kind("one"),
    "date": Kind("one"),
    "multiple": Kind("many"),
    "highlight": Kind("many", lettered=True),
    "classify": Kind("classify"),
    "order": Kind("order"),
    "rating": Kind("rating", judgement=True),
    "text": Kind("text", judgement=True),
}
EXERCISE_TYPES: tuple[str, ...] = get_args(ExerciseType)

# What a question asks a student to work out, in words a view can be checked against (review P2: answers sat on
# screen above their questions). Each view of ``brink.views`` says which of these it shows; a notebook may not
# show one above a question that asks it.
Fact = Literal["speaker", "form", "genre", "clock", "date", "order", "verb-kind", "hedge", "status", "outcome",
               "placement", "relation"]
FACTS: tuple[str, ...] = get_args(Fact)
CANT_TELL = "cant-tell"

# The before-and-after check (data/check.toml): the skills it measures, in the order the class report lists them,
# each with the words a teacher reads in the report.
Skill = Literal["attribution", "hedges", "dating", "status", "hindsight"]
SKILLS: dict[Skill, str] = {
    "attribution": "Attribution: whose claim, in whose words",
    "hedges": "Hedges: how sure a claim is",
    "dating": "Dating a time word",
    "status": "The status of a demand",
    "hindsight": "Keeping hindsight apart",
}
When = Literal["before", "after"]
WHEN: tuple[str, ...] = get_args(When)


@dataclass(frozen=True)
class CheckForm:
    """One form of the before-and-after check: a short invented news post, asked in one notebook."""

    id: str  # "A", "B"
    when: When
    notebook: str  # the notebook that asks it
    title: str
    published: dt.date  # a full date, so weekdays can be checked; the post shows it without the year
    time: str
    note: str  # says the post is invented
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Option:
    """One choice in a single, multiple, date or highlight exercise, with its own feedback."""

    id: str
    text: str
    correct: bool
    feedback: str  # why this choice is right, or what misconception it shows
    next: str  # one next step
    span: Span | None = None  # highlight: where the phrase is in the paragraph
    value: dt.date | None = None  # date: the calendar date this option stands for


@dataclass(frozen=True)
class Category:
    id: str
    label: str


@dataclass(frozen=True)
class Item:
    """One thing to classify or to put in order."""

    id: str
    text: str
    feedback: str  # why the right answer is right
    next: str
    answer: str | None = None  # classify: the right category id
    misconceptions: tuple[tuple[str, str], ...] = ()  # classify: (wrong category id, what that choice shows)
    event: str | None = None  # order: the event id that fixes its date
    span: Span | None = None  # when the item quotes the article
    when: tuple[Any, Any] | None = None  # order: (earliest, latest) it can have happened, or its rank (n, n)

    def precedes(self, other: Item) -> bool:
        """True when this item certainly came first; items whose dates overlap may come in either order."""
        return self.when is not None and other.when is not None and self.when[1] < other.when[0]


@dataclass(frozen=True)
class Exercise:
    id: str
    notebook: str  # the notebook's file stem, e.g. "00-start-here"
    type: ExerciseType
    prompt: str
    explanation: str  # the model answer or the explanation shown after checking or revealing
    evidence: tuple[Span, ...]  # the words in the text that decide it
    title: str = ""
    predict: bool = False  # predict -> commit -> reveal, even for a type that has a right answer
    options: tuple[Option, ...] = ()
    categories: tuple[Category, ...] = ()
    items: tuple[Item, ...] = ()
    order: tuple[str, ...] = ()  # order: item ids, earliest first
    scale: tuple[str, ...] = ()  # rating: the label of each point, 0 first
    model_rating: int | None = None
    rating_feedback: tuple[str, ...] = ()  # rating: what each point on the scale would claim
    paragraph: int | None = None  # highlight: the paragraph to read
    time_expression: str | None = None  # date: the annotated expression that decides the answer
    rubric: tuple[str, ...] = ()  # text and rating: what a good answer does
    next: str = ""  # the next step after a judgement item is revealed
    justify: str = ""  # when set, the student also writes one line of evidence, with this as its label
    asks: tuple[Fact, ...] | None = None  # what the student works out (None: not stated in the data)
    claim: str = ""  # a judgement that rates a claim of claims.toml: the class report sets it against the outcome
    check_form: str = ""  # an item of the before-and-after check: the form (data/check.toml) whose post it is about
    skill: Skill | None = None  # check items: the skill it measures

    @property
    def file(self) -> str:
        """The data file that holds it, for messages that say what to fix."""
        return "check.toml" if self.check_form else f"exercises/{self.notebook}.toml"

    @property
    def judgement(self) -> bool:
        """Judgement items are committed, then revealed; factual items are checked and may be retried."""
        return self.predict or KINDS[self.type].judgement

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(f"exercise {self.id} has no option {option_id!r}")

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"exercise {self.id} has no item {item_id!r}")

    def positions(self, item_id: str) -> tuple[int, int]:
        """Order: the places (1-based, first and last) an item may take; a range when the dates allow either order."""
        item = self.item(item_id)
        before = sum(other.precedes(item) for other in self.items)
        after = sum(item.precedes(other) for other in self.items)
        return before + 1, len(self.items) - after


@dataclass(frozen=True)
class Corpus:
    """The article and everything said about it, as loaded from one data folder."""

    article: Article
    actors: tuple[Actor, ...]
    statements: tuple[Statement, ...]
    time_expressions: tuple[TimeExpression, ...]
    positions: tuple[Position, ...]
    events: tuple[Event, ...]
    exercises: tuple[Exercise, ...] = ()
    verbs: tuple[Verb, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    quote_checks: tuple[QuoteCheck, ...] = ()
    issues: tuple[Issue, ...] = ()
    provisions: tuple[Provision, ...] = ()
    roles: tuple[Role, ...] = ()
    glossary: tuple[Term, ...] = ()
    primary_sources: tuple[PrimarySource, ...] = ()
    claims: tuple[Claim, ...] = ()
    check_forms: tuple[CheckForm, ...] = ()  # the before-and-after check; its items are in ``exercises``
    parties: tuple[Party, ...] = DEFAULT_PARTIES
    documents: tuple[Document, ...] = DEFAULT_DOCUMENTS
    drafts_heading: str = "In the draft"  # the drafts table's column for the documents' own words
    _index: dict = field(default_factory=dict, repr=False, compare=False)

    def party(self, side: str) -> Party:
        return next((p for p in self.parties if p.id == side), Party(side, side))

    @property
    def board(self) -> tuple[Party, ...]:
        """The sides the demands board and the stance matrix give a column, in the data's order."""
        return tuple(p for p in self.parties if p.board)

    def document(self, document_id: str) -> Document:
        return next((d for d in self.documents if d.id == document_id), Document(document_id, document_id))

    def actor(self, actor_id: str) -> Actor:
        return self._lookup("actors", actor_id)

    def statement(self, statement_id: str) -> Statement:
        return self._lookup("statements", statement_id)

    def position(self, position_id: str) -> Position:
        return self._lookup("positions", position_id)

    def event(self, event_id: str) -> Event:
        return self._lookup("events", event_id)

    def time_expression(self, expression_id: str) -> TimeExpression:
        return self._lookup("time_expressions", expression_id)

    def exercise(self, exercise_id: str) -> Exercise:
        return self._lookup("exercises", exercise_id)

    def primary_source(self, source_id: str) -> PrimarySource:
        return self._lookup("primary_sources", source_id)

    def term(self, term_id: str) -> Term:
        return self._lookup("glossary", term_id)

    def exercises_for(self, notebook: str) -> tuple[Exercise, ...]:
        """The questions a notebook teaches with (the items of the before-and-after check are not among them)."""
        return tuple(e for e in self.exercises if e.notebook == notebook and not e.check_form)

    def check_form(self, form_id: str) -> CheckForm:
        return self._lookup("check_forms", form_id)

    def check_items(self, form_id: str | None = None) -> tuple[Exercise, ...]:
        """The items of one form of the before-and-after check (of every form when ``form_id`` is None)."""
        return tuple(e for e in self.exercises if e.check_form and form_id in (None, e.check_form))

    def statements_in(self, paragraph: int) -> tuple[Statement, ...]:
        """Statements whose evidence lies in paragraph ``paragraph`` (1-based), in reading order."""
        found = [s for s in self.statements if s.evidence.paragraph == paragraph]
        return tuple(sorted(found, key=lambda s: (s.evidence.start, s.evidence.end)))

    def _lookup(self, kind: str, key: str):
        table = self._index.get(kind)
        if table is None:
            table = {item.id: item for item in getattr(self, kind)}
            self._index[kind] = table
        try:
            return table[key]
        except KeyError:
            what = "glossary term" if kind == "glossary" else kind[:-1].replace("_", " ")
            raise KeyError(f"no {what} with id {key!r}") from None
