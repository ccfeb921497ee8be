"""Close reading from the annotations: sentence types, verbs, hedges, voices, layers, and the reader."""

import matplotlib

matplotlib.use("Agg")

import itertools

import matplotlib.pyplot as plt
import pytest

import brink
from brink import views
from brink.core import reading
from brink.static import reader, reading_tables
from brink.views import figures as figures

CORPUS = brink.load()


def test_fourteen_sentences_and_their_types():
    types = [s.type for s in reading.sentences(CORPUS)]
    assert types == ["vague", "named-paraphrase", "quote", "partial-quote", "vague", "partial-quote", "reporter",
                     "partial-quote", "partial-quote", "vague", "named-paraphrase", "reporter", "partial-quote", "vague"]


def test_sentence_exercise_agrees_with_the_annotations():
    computed = {s.text: s.type for s in reading.sentences(CORPUS)}
    exercise = CORPUS.exercise("nb01-sentence-types")
    assert {c.id for c in exercise.categories} == {k for k, _ in reading.SENTENCE_TYPES}
    for item in exercise.items:
        assert item.span is not None and computed[item.text] == item.answer, item.id


def test_verb_exercise_and_verb_scale_agree():
    kinds = {v.id: v.kind for v in CORPUS.verbs}
    for item in CORPUS.exercise("nb01-verb-kinds").items:
        assert kinds[item.id] == item.answer, item.id
    for verb in CORPUS.verbs:
        for statement_id in verb.statements:
            statement = CORPUS.statement(statement_id)
            assert statement.verb == verb.verb or (statement.form == "narration" and verb.verb in statement.evidence.text)
    issue_verbs = {"said", "reiterated", "has signaled", "has indicated", "added", "have repeatedly denied", "arguing",
                   "were incensed", "have repeatedly said"}
    assert {v.verb for v in CORPUS.verbs} == issue_verbs


def test_hedge_exercise_agrees_with_the_hedges():
    hedges = [h.span for h in CORPUS.hedges if h.kind == "hedge"]
    for option in CORPUS.exercise("nb01-hedges-p5").options:
        overlaps = any(h.paragraph == option.span.paragraph and h.start < option.span.end and option.span.start < h.end
                       for h in hedges)
        assert overlaps == option.correct, option.id


def test_who_speaks_in_p7_agrees_with_the_statements():
    speakers = {a for s in CORPUS.statements_in(7) for a in s.speakers}
    for option in CORPUS.exercise("nb01-who-speaks-p7").options:
        assert (option.id in speakers) == option.correct, option.id


def test_quote_checks_point_inside_their_statements():
    for check in CORPUS.quote_checks:
        evidence = CORPUS.statement(check.statement).evidence
        assert check.in_text.paragraph == evidence.paragraph
        assert evidence.start <= check.in_text.start and check.in_text.end <= evidence.end
        assert check.confidence in {"High", "Medium"} and check.sources


def test_voices():
    counts = {v.actor: (v.quoted, v.paraphrased, v.own_words) for v in reading.voices(CORPUS)}
    assert counts["lavrov"] == (5, 3, 0)
    assert counts["reporter"] == (0, 0, 4)
    assert counts["ukraine"] == (0, 0, 0) and counts["putin"] == (0, 0, 0) and counts["nato"] == (0, 0, 0)
    assert "russia" not in counts and "us" not in counts  # their officials speak for them
    assert reading.statements_by_side(CORPUS) == {"russia": 12, "us": 2, "us-nato": 2, "nato": 0, "ukraine": 0,
                                                   "media": 4, "west": 0, "none": 0}  # every side an actor has


def test_layers_cover_each_paragraph_exactly():
    for number, paragraph in enumerate(CORPUS.article.paragraphs, start=1):
        runs = reading.layers(CORPUS, number)
        assert runs[0][0] == 0 and runs[-1][1] == len(paragraph)
        assert all(a[1] == b[0] for a, b in itertools.pairwise(runs))
    quoted = [paragraph[s:e] for s, e, k in reading.layers(CORPUS, 6) if k == "quoted"
              for paragraph in [CORPUS.article.paragraphs[5]]]
    assert quoted == ['"sets out a serious diplomatic path forward should Russia choose it."']


@pytest.mark.parametrize("mode", ["speaker", "form", "layer"])
def test_reader_modes_mark_words_and_explain_the_marks(mode):
    view = reader.reader(CORPUS, mode)
    assert "Key." in view.text and "Key." in view.html
    assert view.text.count("⟦") > 10
    assert "P9" in view.text


def test_reader_speaker_mode_tags_names_and_form_mode_tags_types():
    assert "⟦Sergey Lavrov: “If it is up to the Russian Federation" in reader.reader(CORPUS, "speaker", [3]).text
    assert "⟦vague: the Kremlin has signaled" in reader.reader(CORPUS, "form", [1]).text
    with pytest.raises(ValueError):
        reader.reader(CORPUS, "colour")


def test_reader_widget():
    view = views.reader_view(CORPUS)
    assert view.mode.description == "Highlight by" and view.paragraph.description == "Show"
    view.mode.value = "layer"
    view.paragraph.value = 6
    assert view.shown.value == reader.reader(CORPUS, "layer", [6]).html
    assert "<strong>P6</strong>" in view.shown.value and "<strong>P5</strong>" not in view.shown.value
    twin = view._repr_mimebundle_()
    assert all(f"Highlighted by {m}" in twin["text/plain"] for m in ("speaker", "form", "layer"))


def test_voices_figure_is_closed_reusable_and_described():
    before = plt.get_fignums()
    figure = figures.voices_figure(CORPUS)
    assert plt.get_fignums() == before  # built without pyplot, so nothing piles up
    assert len(figure.axes[0].patches) == 3 * len(reading.voices(CORPUS))
    fig, ax = plt.subplots()
    assert figures.voices_figure(CORPUS, ax=ax) is fig
    plt.close(fig)
    alt = figures.voices_alt(CORPUS)
    assert alt.startswith("Horizontal bar chart.") and "Ukraine" in alt and "Sergey Lavrov has the most, 8" in alt
    assert figures.png(figures.voices_figure(CORPUS)) == figures.png(figures.voices_figure(CORPUS))


def test_show_voices_displays_image_with_alt_then_caption_then_table(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.append((objs, kw)))
    views.show_voices(CORPUS)
    (data,), kw = shown[0]
    assert kw["metadata"]["image/png"]["alt"] == figures.voices_alt(CORPUS) == data["text/plain"]
    assert "What the chart shows." in shown[1][0][0].text
    assert "Statements per actor" in shown[2][0][0].text


def test_tables_render():
    for table in (reading_tables.sentences_table(CORPUS), reading_tables.verbs_table(CORPUS),
                  reading_tables.hedges_table(CORPUS), reading_tables.quote_checks_table(CORPUS)):
        assert "<caption" in table.html and "<th scope=\"col\"" in table.html and table.text
    assert "Russian Foreign Ministry, 28 Jan 2022" in reading_tables.quote_checks_table(CORPUS).text
