"""The quote scorer: its matching rules on a hand-made annotated article, and its command."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from presseschau.cli import app
from presseschau.evaluate_quotes import read_articles, score_quotes
from presseschau.models import Quote

TEXT = (
    "Die Ministerin Katrin Vogelsang kam am Montag nach Berlin. "
    "„Wir handeln jetzt“, sagte Vogelsang. "
    "Sie sagte, die Lage sei ernst. "
    "Die Zeitung „Die Welt“ berichtete darüber."
)


def span(text: str, part: str, after: int = 0) -> list[list[int]]:
    start = text.index(part, after)
    return [[start, start + len(part)]]


def annotation(kind: str, quote: str, speaker: str | None, after: int = 0) -> dict[str, object]:
    found: dict[str, object] = {"type": kind, "quote": {"text": quote, "spans": span(TEXT, quote)}}
    if speaker is not None:
        found["speaker"] = {"text": speaker, "spans": span(TEXT, speaker, after)}
    return found


def write_articles(path: Path) -> Path:
    article = {
        "doc_id": "1 - Vogelsang in Berlin (2025-03-03)",
        "title": "1 - Vogelsang in Berlin (2025-03-03)",
        "text": TEXT,
        "annotations": [
            annotation("Direct", "„Wir handeln jetzt“", "Vogelsang", TEXT.index("sagte")),
            annotation("Indirect", "die Lage sei ernst", "Sie", TEXT.index("Sie sagte")),
        ],
    }
    path.write_text(json.dumps(article, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_reads_the_title_as_headline_and_date(tmp_path: Path) -> None:
    (article,) = read_articles(write_articles(tmp_path / "a.jsonl"))
    assert (article.headline, article.published) == ("Vogelsang in Berlin", "2025-03-03")
    direct, indirect = article.quotes
    assert (direct.group, direct.pronoun, indirect.pronoun) == ("direct", False, True)
    assert indirect.referent == "Vogelsang"


def test_scores_quotes_speakers_and_leaves_terms_out(tmp_path: Path) -> None:
    scores = score_quotes(read_articles(write_articles(tmp_path / "a.jsonl")))
    assert scores.counts["direct_recall"] == [1, 1]
    # „Die Welt“ is a term: no quote claimed, so no false direct quote.
    assert scores.counts["direct_precision"] == [1, 1]
    assert scores.counts["indirect_recall"] == [1, 1]
    assert scores.counts["speaker_direct_named"] == [1, 1]
    # "Sie" resolved to Katrin Vogelsang is right: the article named her before.
    assert scores.counts["speaker_indirect"] == [1, 1]


def test_a_wrong_speaker_counts_against(tmp_path: Path) -> None:
    path = write_articles(tmp_path / "a.jsonl")
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["annotations"][0]["speaker"] = {"text": "Berlin", "spans": span(TEXT, "Berlin")}
    path.write_text(json.dumps(raw, ensure_ascii=False) + "\n", encoding="utf-8")
    scores = score_quotes(read_articles(path))
    assert scores.counts["speaker_direct_named"] == [0, 1]
    assert "Berlin" in scores.misses["speaker_direct_named"][0]


def test_command_prints_the_measures(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["eval-quotes", str(write_articles(tmp_path / "a.jsonl")), "--misses", "1"],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "direct_recall" in result.output and "speaker_indirect" in result.output


def test_words_annotated_twice_are_one_quote_with_either_speaker(tmp_path: Path) -> None:
    """The person quoted and the medium that relays the words: either is the speaker, and
    the words are one quote to find, not two."""
    path = write_articles(tmp_path / "a.jsonl")
    raw = json.loads(path.read_text(encoding="utf-8"))
    twice = dict(raw["annotations"][0], speaker={"text": "Berlin", "spans": span(TEXT, "Berlin")})
    raw["annotations"].append(twice)
    path.write_text(json.dumps(raw, ensure_ascii=False) + "\n", encoding="utf-8")
    scores = score_quotes(read_articles(path))
    assert scores.counts["direct_recall"] == [1, 1]
    assert scores.counts["speaker_direct_named"] == [1, 1]


def serious_situation_said_by(speaker_text: str, speaker_start: int) -> Quote:
    """Our indirect quote "die Lage sei ernst" of TEXT, with no canonical speaker name."""
    said = TEXT.index("die Lage sei ernst")
    return Quote(
        "die Lage sei ernst",
        None,
        said,
        said + len("die Lage sei ernst"),
        kind="indirect",
        speaker_text=speaker_text,
        speaker_start=speaker_start,
        speaker_end=speaker_start + len(speaker_text),
    )


def test_a_pronoun_read_as_the_phrase_it_points_to_is_right(tmp_path: Path) -> None:
    """ "Sie" annotated, ours the phrase the article named the speaker by before, without a
    canonical name ("Demnach" read as "die Vereinten Nationen"): the same speaker."""
    (article,) = read_articles(write_articles(tmp_path / "a.jsonl"))
    ours = serious_situation_said_by("Vogelsang", TEXT.index("Vogelsang", TEXT.index("sagte")))
    scores = score_quotes([article], lambda _: (ours,))
    assert scores.counts["speaker_indirect"] == [1, 1]


def test_a_pronoun_of_ours_read_as_a_role_agrees_by_the_role_word(tmp_path: Path) -> None:
    """Ours "Sie" resolved to the role "Ministerin" (no name); annotated "Sie", which points back
    to the phrase "Die Ministerin Katrin Vogelsang": the head nouns agree."""
    article = read_articles(write_articles(tmp_path / "a.jsonl"))[0]
    gold = next(q for q in article.quotes if q.pronoun)
    article = replace(article, quotes=(replace(gold, referent="Die Ministerin", referent_spans=((0, 14),)),))
    ours = replace(
        serious_situation_said_by("Sie", TEXT.index("Sie sagte")),
        speaker_kind="role",
        speaker_role="Ministerin",
    )
    assert score_quotes([article], lambda _: (ours,)).counts["speaker_indirect"] == [1, 1]
