"""Close reading, computed from the annotations: sentence types, voices, layers of the text.

Nothing here is typed by hand: each result follows from statements.toml, actors.toml and the article,
so correcting an annotation corrects every table, chart and key that uses it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .consistency import narrators
from .evidence import sentence_spans
from .records import Corpus, Statement

# Sentence types, strongest attribution first: a sentence takes the first type any statement in it has.
SENTENCE_TYPES = (
    ("quote", "Direct quote"),
    ("partial-quote", "Partial quote"),
    ("named-paraphrase", "Paraphrase of a named speaker"),
    ("vague", "Vague or institutional attribution"),
    ("reporter", "{Narrators} own voice"),
)
SENTENCE_LABELS = dict(SENTENCE_TYPES)  # templates: fill them with narrated()
NAMED_KINDS = ("person",)  # a paraphrase is "named" when every speaker is a named person
LAYERS = (
    ("quoted", "Quoted words: the speaker's own words, inside quotation marks"),
    ("attributed", "Attributed: {narrators} words for what someone said"),
    ("reporter", "{Narrators} own voice"),
)


def narrated(corpus: Corpus, template: str) -> str:
    """A label with the text's narrator filled in: {narrator} "the reporter", {Narrator} "The reporter",
    {narrators} "the reporter's", {Narrators} "The reporter's", {bare_narrators} "reporter's". For a readout whose
    narrator is "the White House", {Narrators} own voice reads "The White House's own voice"."""
    name = corpus.article.narrator

    def possessive(words: str) -> str:
        return words + ("'" if words.endswith("s") else "'s")

    def capital(words: str) -> str:
        return words[:1].upper() + words[1:]

    bare = name.removeprefix("the ")
    return template.format(narrator=name, Narrator=capital(name), narrators=possessive(name),
                           narrator_plural=corpus.article.narrator_plural or name,
                           Narrators=capital(possessive(name)), bare_narrator=bare, bare_narrators=possessive(bare),
                           Bare_narrators=capital(possessive(bare)))


def sentence_label(corpus: Corpus, kind: str) -> str:
    return narrated(corpus, SENTENCE_LABELS[kind])


@dataclass(frozen=True)
class Sentence:
    paragraph: int
    start: int
    end: int
    text: str
    statements: tuple[str, ...]
    type: str



def statement_type(corpus: Corpus, statement: Statement) -> str:
    """The sentence type one statement stands for."""
    if statement.form in ("quote", "partial-quote"):
        return statement.form
    if statement.form == "narration" or set(statement.speakers) <= narrators(corpus):
        return "reporter"
    named = all(corpus.actor(a).kind in NAMED_KINDS for a in statement.speakers)
    return "named-paraphrase" if named else "vague"


def sentences(corpus: Corpus) -> list[Sentence]:
    """Every sentence of the article with the statements in it and its type."""
    found = []
    for number, paragraph in enumerate(corpus.article.paragraphs, start=1):
        inside = corpus.statements_in(number)
        for start, end in sentence_spans(paragraph):
            held = [s for s in inside if s.evidence.start < end and s.evidence.end > start]
            types = {statement_type(corpus, s) for s in held}
            kind = next((k for k, _ in SENTENCE_TYPES if k in types), "reporter")
            found.append(Sentence(number, start, end, paragraph[start:end], tuple(s.id for s in held), kind))
    return found


@dataclass(frozen=True)
class Voice:
    actor: str
    name: str
    side: str
    quoted: int  # statements with the speaker's words in quotation marks (fully or in part)
    paraphrased: int
    own_words: int  # the reporter's narration

    @property
    def total(self) -> int:
        return self.quoted + self.paraphrased + self.own_words


def voice_rows(corpus: Corpus) -> list[str]:
    """Who gets a row in the voices chart: every possible speaker, and a state only when no one speaks for its side.

    Russia and the United States speak through their officials, so their officials get the rows; no one at
    all speaks for Ukraine, so Ukraine itself gets a row, and it shows 0. Anyone the text does credit with a
    statement always gets a row, so no statement is left out of the chart (review G).
    """
    speaking_sides = {a.side for a in corpus.actors if a.speaks}
    credited = {speaker for s in corpus.statements for speaker in s.speakers}
    return [a.id for a in corpus.actors
            if a.id in credited or (a.kind != "place" and (a.speaks or a.kind != "media")
                                    and (a.kind != "state" or a.side not in speaking_sides))]


def voices(corpus: Corpus) -> list[Voice]:
    """How often each possible speaker speaks, quoted or paraphrased; those who never do are listed with 0."""
    counts = {actor: [0, 0, 0] for actor in voice_rows(corpus)}
    for statement in corpus.statements:
        column = 0 if statement.form in ("quote", "partial-quote") else 2 if statement.form == "narration" else 1
        for speaker in statement.speakers:
            if speaker in counts:
                counts[speaker][column] += 1
    found = [Voice(a, corpus.actor(a).name, corpus.actor(a).side, *c) for a, c in counts.items()]
    return sorted(found, key=lambda v: (-v.total, -v.quoted, v.name))


def quoted_spans(paragraph: str) -> list[tuple[int, int]]:
    """Stretches of a paragraph inside quotation marks (curly or straight), marks included."""
    spans, open_at, straight_at = [], None, None
    for index, char in enumerate(paragraph):
        if char == "“":
            open_at = index
        elif char == "”" and open_at is not None:
            spans.append((open_at, index + 1))
            open_at = None
        elif char == '"':
            if straight_at is None:
                straight_at = index
            else:
                spans.append((straight_at, index + 1))
                straight_at = None
    return sorted(spans)


def layers(corpus: Corpus, number: int) -> list[tuple[int, int, str]]:
    """Paragraph ``number`` cut into runs of quoted words, attributed report and the reporter's own voice."""
    paragraph = corpus.article.paragraphs[number - 1]
    layer = ["reporter"] * len(paragraph)
    for statement in corpus.statements_in(number):
        if statement_type(corpus, statement) != "reporter":
            for i in range(statement.evidence.start, statement.evidence.end):
                layer[i] = "attributed"
    for start, end in quoted_spans(paragraph):
        for i in range(start, end):
            layer[i] = "quoted"
    runs, start = [], 0
    for i in range(1, len(paragraph) + 1):
        if i == len(paragraph) or layer[i] != layer[start]:
            runs.append((start, i, layer[start]))
            start = i
    return runs


def statements_by_side(corpus: Corpus) -> dict[str, int]:
    """How many statements come from each side (a statement with speakers on two sides counts for both)."""
    found: dict[str, set[str]] = {}
    for statement in corpus.statements:
        for speaker in statement.speakers:
            found.setdefault(corpus.actor(speaker).side, set()).add(statement.id)
    present = [p.id for p in corpus.parties if any(a.side == p.id for a in corpus.actors)]
    return {side: len(found.get(side, ())) for side in present}
