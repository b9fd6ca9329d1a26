"""The entity tagger's windows and scores (the CRF itself: test_extract_crf.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from presseschau.extract.entities import rule_entities
from presseschau.extract.tagger import (
    MODEL_PATH,
    _Layout,
    _scorer,
    features,
    read_rules,
    sentence_tokens,
    windows,
)
from presseschau.extract.text import split_sentences, tokenize

ARTICLE = Path(__file__).parent.parent / "fixtures" / "extract" / "gipfel_paris.txt"


def _windows(body: str) -> list[str]:
    sentences = split_sentences(body)
    tokens = tokenize(body, sentences)
    result, cues = rule_entities(body, tokens)
    rule = read_rules(tokens, result.mentions, cues)[0]
    spans = windows(tokens, rule, sentence_tokens(tokens, sentences))
    return [body[tokens.start[w.begin] : tokens.end[w.stop - 1]] for w in spans]


def test_windows_open_at_names_and_unlisted_words_only() -> None:
    # A capitalised function word at a sentence start or a role word alone names nothing; a
    # name opens a window with one word either side, an unlisted word too.
    body = "Die Regierung tagte. In Berlin war es kalt, sagte Kritiker Schulz. Am Nachmittag kam Xqzvrblt an."
    assert _windows(body) == ["In Berlin war", "Kritiker Schulz", "kam Xqzvrblt an"]


def test_the_tagger_sums_the_weights_of_the_features_crfsuite_reads() -> None:
    # The tagger caches summed weights per word type, rule label and gap; per token they add up to
    # the weights of the feature strings CRFsuite is trained on.
    body = ARTICLE.read_text(encoding="utf-8")
    sentences = split_sentences(body)
    tokens = tokenize(body, sentences)
    result, cues = rule_entities(body, tokens)
    rule = read_rules(tokens, result.mentions, cues)[0]
    scorer = _scorer(MODEL_PATH)
    types = scorer.vocabulary.numbers(tokens.text)
    layout = _Layout.of(rule, sentence_tokens(tokens, sentences), scorer.vocabulary.seeds[types])
    assert layout is not None
    spans = layout.windows()
    assert spans == windows(tokens, rule, sentence_tokens(tokens, sentences))
    items = [features(tokens, rule, window) for window in spans]
    scores = scorer.emissions(tokens, rule, types, layout)
    expected = np.concatenate([[scorer.model.score(item) for item in window_items] for window_items in items])
    assert np.allclose(scores, expected)
