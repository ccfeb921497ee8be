"""`python -m brink export` is a public contract (docs/data.md): shape, types and offsets."""

import json
import re
import subprocess
import sys

import pytest

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def exported() -> dict:
    result = subprocess.run([sys.executable, "-m", "brink", "export"], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_schema_and_top_level_keys(exported):
    assert exported["schema"] == "brink.article/1"
    assert set(exported) == {"schema", "article", "actors", "statements", "time_expressions", "positions", "events"}
    article = exported["article"]
    assert article["published"] == "2022-01-28" and article["outlet"] == "CNN"
    assert {"title", "url", "paragraphs"} <= set(article)


def test_round_trip_every_evidence_string_at_its_offsets(exported):
    paragraphs = exported["article"]["paragraphs"]

    def at(item, text_key):
        return paragraphs[item["paragraph"] - 1][item["start"] : item["end"]] == item[text_key]

    assert all(at(s, "evidence") for s in exported["statements"])
    assert all(at(t, "phrase") for t in exported["time_expressions"])
    assert all(at(e, "text") for p in exported["positions"] for e in p["evidence"])
    assert all(at(e, "text") for ev in exported["events"] for e in ev["evidence"])
    assert all(s["paragraph"] >= 1 for s in exported["statements"])  # 1-based


def test_dates_are_iso_or_null(exported):
    for t in exported["time_expressions"]:
        for key in ("earliest", "latest"):
            assert t[key] is None or ISO.match(t[key])
    for e in exported["events"]:
        assert ISO.match(e["date"]) and (e["end_date"] is None or ISO.match(e["end_date"]))
        assert e["known_on_publication"] in (True, False, None)
    open_ended = [t for t in exported["time_expressions"] if t["latest"] is None]
    assert open_ended, "open ends must be exported as null"


def test_documented_fields_are_present(exported):
    assert {"id", "name", "kind", "side"} <= set(exported["actors"][0])
    assert {"id", "speakers", "verb", "form", "evidence", "paragraph", "start", "end"} <= set(exported["statements"][0])
    assert {"id", "phrase", "paragraph", "start", "end", "earliest", "latest", "precision", "reasoning"} <= set(
        exported["time_expressions"][0])
    assert {"id", "side", "kind", "summary", "status", "evidence"} <= set(exported["positions"][0])
    assert {"id", "date", "end_date", "title", "origin", "known_on_publication", "evidence", "sources",
            "confidence"} <= set(exported["events"][0])


def test_export_refuses_broken_data(data_copy):
    (data_copy / "positions.toml").write_text("[[position]\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "brink", "export", str(data_copy)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1 and result.stdout == ""
    assert "python -m brink check" in result.stderr
