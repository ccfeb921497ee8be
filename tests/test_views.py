"""The paragraph browser, driven as a student would: pick, step, read what it shows."""

import brink
from brink import views
from brink.static import render

CORPUS = brink.load()


def test_browser_starts_on_the_first_paragraph():
    browser = views.paragraph_browser(CORPUS)
    assert browser.paragraph.value == 1
    assert "Paragraph 1 of 9" in browser.shown.value
    assert browser.previous.disabled and not browser.next.disabled
    assert browser.paragraph.description == "Paragraph"  # a visible text label


def test_choosing_a_paragraph_shows_its_statements():
    browser = views.paragraph_browser(CORPUS)
    browser.paragraph.value = 7
    shown = browser.shown.value
    assert "Paragraph 7 of 9" in shown
    assert "5 statements in this paragraph" in shown
    assert "[S11]" in shown and "Sergey Lavrov and Dmitry Peskov: Partial quote" in shown
    assert shown.count("<mark") == 5


def test_buttons_step_and_stop_at_the_ends():
    browser = views.paragraph_browser(CORPUS, start=8)
    browser.next.click()
    assert browser.paragraph.value == 9 and browser.next.disabled
    browser.next.click()
    assert browser.paragraph.value == 9
    for _ in range(10):
        browser.previous.click()
    assert browser.paragraph.value == 1 and browser.previous.disabled


def test_widget_and_static_twin_show_the_same_paragraph():
    browser = views.paragraph_browser(CORPUS, start=4)
    assert browser.shown.value == render.paragraph_view(CORPUS, 4).html
    assert "Lavrov said that the United States&#x27; response" in browser.shown.value


def test_text_is_escaped_in_html():
    html = render.article(CORPUS).html
    assert "&quot;some grains of reason,&quot;" in html
    assert "“If it is up to the Russian Federation" in html


def test_statements_table_has_every_statement_and_headers():
    table = render.statements_table(CORPUS)
    assert table.html.count("<tr>") == 21  # header + 20 rows
    assert '<th scope="col"' in table.html and "<caption" in table.html
    assert "Words in the text: “If it is up to the Russian Federation" in table.text


def test_source_card_gives_the_publishers_clock_and_leaves_the_others_to_02():
    """Review P2: the card showed Moscow's time above notebook 02's question on it. Its clocks are data
    (``card_clocks``); the course's card keeps the publisher's, and a card with more lists each."""
    import dataclasses

    card = render.source_card(CORPUS).text
    assert "8:38 a.m. ET" in card and "Moscow" not in card
    several = dataclasses.replace(CORPUS, article=dataclasses.replace(CORPUS.article,
                                                                      card_clocks=("US Eastern", "Moscow", "Kyiv")))
    assert "8:38 a.m. ET (08:38 US Eastern; 16:38 Moscow; 15:38 Kyiv)" in render.source_card(several).text
    assert "Friday 28 January 2022" in card
