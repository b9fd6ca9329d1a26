"""The tagger's own CRF inference against CRFsuite's, on the shipped model and a real article:
the same weights, the same best labels, the same label probabilities."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from presseschau.extract.crf import marginals, read_model, viterbi
from presseschau.extract.entities import rule_entities
from presseschau.extract.tagger import MODEL_PATH, Window, features, read_rules, sentence_tokens, windows
from presseschau.extract.text import split_sentences, tokenize

ARTICLE = Path(__file__).parent.parent / "fixtures" / "extract" / "gipfel_paris.txt"


@pytest.fixture(scope="module")
def crfsuite() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


@pytest.fixture(scope="module")
def article() -> tuple[str, list[Window], list[list[list[str]]]]:
    body = ARTICLE.read_text(encoding="utf-8")
    sentences = split_sentences(body)
    tokens = tokenize(body, sentences)
    result, cues = rule_entities(body, tokens)
    rule = read_rules(tokens, result.mentions, cues)[0]
    spans = windows(tokens, rule, sentence_tokens(tokens, sentences))
    return body, spans, [features(tokens, rule, window) for window in spans]


def test_reads_the_weights_crfsuite_wrote(crfsuite: pycrfsuite.Tagger) -> None:
    model = read_model(MODEL_PATH)
    info = crfsuite.info()
    assert list(model.labels) == crfsuite.labels()
    assert set(model.attributes) == set(info.attributes)
    label = {name: number for number, name in enumerate(model.labels)}
    # CRFsuite's dump prints six decimals.
    for (attribute, name), weight in info.state_features.items():
        assert model.state[model.attributes[attribute], label[name]] == pytest.approx(weight, abs=1e-6)
    for (before, after), weight in info.transitions.items():
        assert model.transition[label[before], label[after]] == pytest.approx(weight, abs=1e-6)


def test_best_labels_and_probabilities_are_crfsuites(
    crfsuite: pycrfsuite.Tagger, article: tuple[str, list[Window], list[list[list[str]]]]
) -> None:
    model = read_model(MODEL_PATH)
    _, spans, items = article
    assert len(spans) >= 20
    for window_items in items:
        scores = np.stack([model.score(item) for item in window_items])[None]
        lengths = np.array([len(window_items)])
        ours = [model.labels[k] for k in viterbi(scores, lengths, model.transition)[0]]
        assert ours == crfsuite.tag(window_items)
        chances = marginals(scores, lengths, model.transition)[0]
        for position in range(len(window_items)):
            for number, label in enumerate(model.labels):
                assert chances[position, number] == pytest.approx(
                    crfsuite.marginal(label, position), abs=1e-6
                )


def test_padded_windows_decode_as_each_alone() -> None:
    model = read_model(MODEL_PATH)
    generator = np.random.default_rng(7)
    lengths = np.array([9, 5, 5, 2, 1])
    scores = generator.normal(0, 3, size=(len(lengths), int(lengths.max()), len(model.labels)))
    together = viterbi(scores, lengths, model.transition)
    chances = marginals(scores, lengths, model.transition)
    for row, length in enumerate(lengths.tolist()):
        alone = scores[row : row + 1, :length]
        assert (together[row, :length] == viterbi(alone, lengths[row : row + 1], model.transition)[0]).all()
        assert np.allclose(
            chances[row, :length], marginals(alone, lengths[row : row + 1], model.transition)[0]
        )
