"""The GermEval scorer: exact spans, PER/LOC/ORG only, -deriv/-part left out."""

from __future__ import annotations

from pathlib import Path

from presseschau.extract.germeval import Scores, read_sentences, score

SAMPLE = Path(__file__).parent.parent / "fixtures" / "extract" / "germeval_sample.tsv"


def test_reads_entities_as_character_spans() -> None:
    first, second = read_sentences(SAMPLE)
    assert first.text.startswith("Gestern traf Angela Merkel in Berlin")
    spans = {(first.text[start:end], kind) for start, end, kind in first.entities}
    assert spans == {("Angela Merkel", "PER"), ("Berlin", "LOC"), ("Deutschen Bank", "ORG")}
    assert second.entities == frozenset(
        {(second.text.index("Brüssel"), second.text.index("Brüssel") + 7, "LOC")}
    )
    assert len(second.ignored) == 2


def test_scores_the_sample_perfectly() -> None:
    result = score(SAMPLE)
    assert result["all"] == Scores(tp=4, fp=0, fn=0)
    assert result["all"].f1 == 1.0


def test_score_arithmetic() -> None:
    scores = Scores(tp=6, fp=2, fn=4)
    assert (scores.precision, scores.recall) == (0.75, 0.6)
    assert round(scores.f1, 4) == 0.6667
    assert Scores(0, 0, 0).f1 == 0.0


def test_corpus_pass_uses_no_gold_and_keeps_the_sample_perfect() -> None:
    assert score(SAMPLE, corpus=True)["all"] == Scores(tp=4, fp=0, fn=0)
