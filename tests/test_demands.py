"""The demands board, the stance matrix, the drafts comparison and the role cards, tied to the data."""

import matplotlib.pyplot as plt

import brink
from brink import views
from brink.core import demands
from brink.static import demands_tables
from brink.views import figures as figures

CORPUS = brink.load()


def test_every_board_entry_carries_verbatim_evidence_and_a_status():
    paragraphs = CORPUS.article.paragraphs
    columns = demands.board(CORPUS)
    assert list(columns) == ["russia", "us", "nato", "ukraine"]
    for entries in columns.values():
        for position in entries:
            assert position.status in demands_tables.STATUS
            assert position.evidence
            for span in position.evidence:
                assert paragraphs[span.paragraph - 1][span.start:span.end] == span.text


def test_ukraine_column_is_there_and_empty_on_purpose():
    assert demands.board(CORPUS)["ukraine"] == []
    view = demands_tables.board_view(CORPUS)
    assert "The text gives no Ukrainian position" in view.text and "Ukraine" in view.html


def test_joint_positions_appear_under_the_us_and_nato():
    columns = demands.board(CORPUS)
    joint = CORPUS.position("p16-core-demands-refused")
    assert joint in columns["us"] and joint in columns["nato"]
    shown = [p for entries in columns.values() for p in entries]
    assert CORPUS.position("p11-compromise-on-exercises") not in shown  # the reporters' view


def test_filters():
    only_russia = demands.board(CORPUS, side="russia")
    assert list(only_russia) == ["russia"]
    ruled_out = demands.board(CORPUS, status="ruled-out")
    assert all(p.status == "ruled-out" for entries in ruled_out.values() for p in entries)
    assert {p.id for p in ruled_out["russia"]} == {"p02-halt-nato-expansion", "p03-no-ukraine-in-nato", "p04-roll-back-nato"}


def test_status_exercise_agrees_with_the_positions():
    for item in CORPUS.exercise("nb03-status").items:
        assert CORPUS.position(item.id).status == item.answer, item.id


def test_status_is_words_and_an_icon():
    """Word first, so a keyboard user picks a status by typing its first letter (review U1)."""
    for key, meaning in demands_tables.STATUS.items():
        assert demands_tables.status_label(key) == f"{meaning.word} {meaning.icon}"
        assert demands_tables.status_label(key)[0].isalpha()


def test_board_widget_filters():
    board = views.demands_board(CORPUS)
    assert board.side.description == "Side" and board.status.description == "Status"
    assert board.shown.value.count("brink-entry") == sum(len(v) for v in demands.board(CORPUS).values())
    board.side.value = "nato"
    board.status.value = "ruled-out"
    assert "(side: NATO, status: Ruled out ✖)" in board.shown.value
    assert board.shown.value.count("brink-entry") == len(demands.board(CORPUS, "nato", "ruled-out")["nato"])
    assert "Ruled out" in board._repr_mimebundle_()["text/plain"]


def test_drafts_use_only_firm_article_numbers():
    numbered = {(p.document, p.article) for p in CORPUS.provisions if p.article}
    assert numbered == {("us-treaty", 4), ("nato-agreement", 6)}
    table = demands_tables.drafts_table(CORPUS).text
    assert "Article 4" in table and "Article 6" in table and "Article 5" not in table and "Article 7" not in table
    assert "Not mentioned in the text" in table  # the missiles provision


def test_an_unfirm_article_number_is_refused(data_copy):
    from datafiles import edit

    edit(data_copy, "drafts.toml", 'id = "nato-1997-forces"\ndocument = "nato-agreement"\n',
         'id = "nato-1997-forces"\ndocument = "nato-agreement"\narticle = 4\n')
    messages = [str(p) for p in brink.check(data_copy)]
    assert any("nato-1997-forces · article: an article number is given without article_firm" in m for m in messages)


def test_stances_have_evidence_and_ukraine_is_silent():
    for issue in CORPUS.issues:
        assert issue.stance("ukraine").stance == "silent"
        for stance in issue.stances:
            assert stance.stance == "silent" or stance.evidence
    alt = demands_tables.stance_alt(CORPUS)
    assert alt.startswith("Matrix chart.") and "Ukraine is not in the text on any issue." in alt


def test_stance_figure_uses_a_shape_per_stance():
    before = plt.get_fignums()
    figure = figures.stance_figure(CORPUS)
    assert plt.get_fignums() == before
    markers = {line.get_marker() for line in figure.axes[0].get_lines()}
    assert markers == {"^", "X", "D", "_"}
    words = {t.get_text() for t in figure.axes[0].texts}
    assert words == {"demanded", "rejected", "open", "not in the text"}


def test_role_cards_are_advisers_or_analysts_with_verbatim_evidence():
    assert {r.delegation for r in CORPUS.roles} == {"russia", "us", "nato", "ukraine", "none"}
    for role in CORPUS.roles:
        assert role.title.startswith(("Adviser", "Analyst"))
        assert not any(name in role.title for name in ("Putin", "Biden", "Lavrov", "Blinken", "Zelensky"))
        assert role.evidence
    cards = views.role_cards(CORPUS)
    assert cards.role.description == "Your role"
    cards.role.value = "analyst-osce"
    assert "You serve no single delegation" in cards.shown.value
    cards.role.value = "adviser-ukraine"
    assert "do not invent your government&#x27;s position" in cards.shown.value
    assert all(r.title in cards._repr_mimebundle_()["text/plain"] for r in CORPUS.roles)
