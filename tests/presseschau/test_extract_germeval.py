"""The GermEval scorer (exact spans, PER/LOC/ORG only, -deriv/-part left out) and the tagger's
training and held-out gate."""

from __future__ import annotations

from pathlib import Path

from presseschau.extract.germeval import DEV_SET, Scores, read_sentences, score, select, table, train
from presseschau.extract.tagger import MODEL_PATH

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


def test_the_tagger_holds_its_scores_on_sentences_it_was_not_trained_on(tmp_path: Path) -> None:
    # Trained on the even sentences of the development set, scored on the odd ones: what the
    # tagger does on text it has not seen. Floors just under the figures reached.
    model = tmp_path / "tune.crfsuite"
    train(select(DEV_SET, "tune"), model)
    result = score(DEV_SET, part="holdout", model=model)
    floors = {"PER": 0.775, "LOC": 0.735, "ORG": 0.575, "all": 0.715}
    assert all(result[kind].f1 >= floor for kind, floor in floors.items()), table(result)


def test_the_shipped_model_is_the_one_the_script_trains(tmp_path: Path) -> None:
    # The model reads the rules' output: a change to the rules or word lists needs a retrained
    # model (scripts/train_entity_tagger.py), and training is deterministic.
    model = tmp_path / "all.crfsuite"
    train(select(DEV_SET), model)
    assert model.read_bytes() == MODEL_PATH.read_bytes(), "run scripts/train_entity_tagger.py"
