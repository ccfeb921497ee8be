"""The article text is the seed, byte for byte, and the metadata matches facts.md §0."""

import datetime as dt
import hashlib

import brink
from brink.core.loading import DATA_DIR

# SHA-256 of the seed text minus its leading metadata token "date 2022-01-28".
ARTICLE_SHA256 = "6b5c7722c4ed8f7a1bed64f2b0cf35ae2f380b1633190e86d2c24f8478838092"


def test_article_text_is_pinned():
    assert hashlib.sha256((DATA_DIR / "article.txt").read_bytes()).hexdigest() == ARTICLE_SHA256


def test_nine_paragraphs_with_the_original_punctuation():
    article = brink.load().article
    text = "\n".join(article.paragraphs)
    assert len(article.paragraphs) == 9
    assert article.paragraphs[0].startswith("In spite of the ratcheting warnings")
    assert article.paragraphs[8].startswith("Some background:")
    assert text.count("“") == 1 and text.count("”") == 1  # one curly pair, in P3
    assert text.count('"') == 12  # six straight-quoted quotations
    assert text.count(" -- ") == 4
    assert "date 2022-01-28" not in text


def test_metadata():
    article = brink.load().article
    assert article.outlet == "CNN"
    assert article.published == dt.date(2022, 1, 28)
    assert article.published_time_label == "8:38 a.m. ET"
    assert article.authors == ("Eliza Mackintosh", "Vasco Cotovio")
    assert article.url.startswith("https://edition.cnn.com/")
    assert "not covered by this project's licence" in article.rights


def test_publication_moment_in_moscow_and_kyiv():
    article = brink.load().article
    assert article.published_in("Europe/Moscow").strftime("%H:%M") == "16:38"
    assert article.published_in("Europe/Kyiv").strftime("%H:%M") == "15:38"
