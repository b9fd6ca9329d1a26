"""Entity mentions: gazetteers, cues, document-level canonical names, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from presseschau.extract import extract
from presseschau.models import ENTITY_TYPES, Mention

FIXTURES = Path(__file__).parent.parent / "fixtures" / "extract"


@pytest.fixture(scope="module")
def article() -> tuple[str, tuple[Mention, ...]]:
    body = (FIXTURES / "gipfel_paris.txt").read_text(encoding="utf-8")
    return body, extract(body, published="2024-05-14").mentions


def names(mentions: tuple[Mention, ...], kind: str) -> set[str]:
    return {m.name for m in mentions if m.type == kind}


def test_every_mention_points_at_its_surface(article: tuple[str, tuple[Mention, ...]]) -> None:
    body, mentions = article
    assert mentions
    for mention in mentions:
        assert body[mention.start : mention.end] == mention.surface
        assert mention.type in ENTITY_TYPES


def test_people_get_their_full_name_throughout(article: tuple[str, tuple[Mention, ...]]) -> None:
    _body, mentions = article
    assert names(mentions, "PER") == {"Emmanuel Macron", "Katrin Vogelsang", "Jonathan Pryce"}
    surfaces = {m.surface for m in mentions if m.name == "Emmanuel Macron"}
    # Role words stay outside the mention; a later surname, a compound and a typo resolve.
    assert surfaces == {"Emmanuel Macron", "Macron", "Macorn"}


def test_places_and_organisations(article: tuple[str, tuple[Mention, ...]]) -> None:
    _body, mentions = article
    assert {"Paris", "Frankreich", "Europa", "Washington", "Ostfrankreich", "Naher Osten"} <= names(
        mentions, "LOC"
    )
    assert {"NATO", "Stiftung Warentest", "Hamburger Sparkasse", "Council on Foreign Relations"} <= names(
        mentions, "ORG"
    )


def test_genitive_and_declension_resolve_to_the_base_name() -> None:
    body = "Die Pläne Frankreichs stießen im Nahen Osten und bei Sprechern des Weißen Hauses auf Kritik."
    found = {(m.surface, m.name) for m in extract(body).mentions}
    assert ("Frankreichs", "Frankreich") in found
    assert ("Nahen Osten", "Naher Osten") in found
    assert ("Weißen Hauses", "Weißes Haus") in found


def test_hyphen_compounds_mention_their_entity() -> None:
    body = "Die EU-Staaten und die Nato-Verbündeten berieten, der Pentagon-Chef schwieg."
    found = {(m.surface, m.name, m.type) for m in extract(body).mentions}
    assert ("EU", "EU", "ORG") in found
    assert ("Nato", "NATO", "ORG") in found
    assert ("Pentagon", "Pentagon", "ORG") in found


def test_genitive_of_a_person_before_a_noun() -> None:
    body = "Bundeskanzlerin Helga Brandtner reiste ab. Brandtners Sprecher bestätigte die Reise."
    mentions = extract(body).mentions
    assert [(m.surface, m.name) for m in mentions] == [
        ("Helga Brandtner", "Helga Brandtner"),
        ("Brandtners", "Helga Brandtner"),
    ]


def test_role_cue_makes_an_unknown_word_a_person() -> None:
    mentions = extract("Der Regierungssprecher Oskarsson wies die Vorwürfe zurück.").mentions
    assert [(m.name, m.type) for m in mentions] == [("Oskarsson", "PER")]


def test_ordinary_nouns_and_sentence_starts_are_no_entities() -> None:
    body = "Die Regierung plant eine Reform. Eigentlich wollte niemand die Verhandlungen verlängern."
    assert extract(body).mentions == ()


def test_different_people_with_one_surname_keep_their_names() -> None:
    body = "Anna Kessler traf Jonas Kessler. Später sprach Jonas Kessler allein."
    assert names(extract(body).mentions, "PER") == {"Anna Kessler", "Jonas Kessler"}


def test_corpus_knowledge_resolves_a_bare_surname() -> None:
    body = "Lawrows Reise nach Genf wurde abgesagt, Lawrow blieb in Moskau."
    assert names(extract(body).mentions, "PER") == set()
    known = {"Lawrow": ("Sergej Lawrow", "PER")}
    mentions = extract(body, known=known).mentions
    assert [(m.surface, m.name) for m in mentions if m.type == "PER"] == [
        ("Lawrows", "Sergej Lawrow"),
        ("Lawrow", "Sergej Lawrow"),
    ]


def test_headline_context_names_people_the_body_calls_by_surname() -> None:
    body = "Vogelsangs Besuch in Rom verlief ruhig, Pryce blieb in London."
    headline = "Außenministerin Katrin Vogelsang trifft Analyst Jonathan Pryce"
    mentions = extract(body, context=headline).mentions
    assert [(m.surface, m.name) for m in mentions if m.type == "PER"] == [
        ("Vogelsangs", "Katrin Vogelsang"),
        ("Pryce", "Jonathan Pryce"),
    ]
    assert all(body[m.start : m.end] == m.surface for m in mentions)


def test_a_speech_cue_names_a_person_and_catches_the_typo() -> None:
    body = "„Wir bleiben“, sagte Oskarsson. Später reiste Oskarssen nach Oslo."
    mentions = extract(body).mentions
    assert [(m.surface, m.name) for m in mentions if m.type == "PER"] == [
        ("Oskarsson", "Oskarsson"),
        ("Oskarssen", "Oskarsson"),
    ]
