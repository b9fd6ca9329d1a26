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


def test_runs_of_articles_and_nouns_still_yield_listed_names_and_associations() -> None:
    # The reader skips runs of such words ("Der Vertrag") unless a listed name starts in them
    # or "e. V." follows.
    assert extract("Der Vertrag gilt. Die Freunde kamen.").mentions == ()
    mentions = extract("Das Alte Land lockt Besucher. Zuletzt klagte Die Freunde e. V. dagegen.").mentions
    assert [(m.surface, m.name, m.type) for m in mentions] == [
        ("Alte Land", "Altes Land", "LOC"),
        ("Freunde e. V.", "Freunde e. V.", "ORG"),
    ]


def test_different_people_with_one_surname_keep_their_names() -> None:
    body = "Anna Kessler traf Jonas Kessler. Später sprach Jonas Kessler allein."
    assert names(extract(body).mentions, "PER") == {"Anna Kessler", "Jonas Kessler"}


def test_corpus_knowledge_resolves_a_bare_surname() -> None:
    body = "Lawrows Reise nach Genf wurde abgesagt, Lawrow blieb in Moskau."
    # On its own the document only shows a person called "Lawrow" (the subject of "blieb").
    assert names(extract(body).mentions, "PER") == {"Lawrow"}
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


def spans(body: str) -> set[tuple[str, str]]:
    return {(m.surface, m.type) for m in extract(body).mentions}


def test_an_unlisted_name_beside_a_finite_verb_is_a_person() -> None:
    assert ("Wendrowski", "PER") in spans("Zuvor musste Wendrowski noch einmal antreten.")
    assert ("Kowalczyk", "PER") in spans("Im Mai erklärte Kowalczyk seinen Rücktritt.")
    # The first word of a sentence stands before its verb whatever it is.
    assert spans("Unklar war, wie es weitergeht.") == set()


def test_name_particles_after_a_first_name_join_the_name() -> None:
    assert ("Karl von Hohenfels", "PER") in spans("Gewählt wurde Karl von Hohenfels.")
    assert ("Anke van der Meulen", "PER") in spans("Es sprach Anke van der Meulen.")


def test_a_name_ending_in_an_initial_or_regnal_number_keeps_its_period() -> None:
    found = spans("Damals herrschte Ludwig XIV. über Frankreich, begleitet von Anna K. aus Köln.")
    assert {("Ludwig XIV.", "PER"), ("Anna K.", "PER")} <= found


def test_abbreviations_are_no_first_names() -> None:
    assert not {kind for surface, kind in spans("Der Gewinn lag bei 28,9 Mio. Euro.") if surface == "Mio"}


def test_street_names_are_places() -> None:
    assert ("Lindenhoferstraße", "LOC") in spans("Der Unfall geschah in der Lindenhoferstraße am Abend.")


def test_clubs_keep_their_numbers_and_branches_their_place() -> None:
    found = spans("Der 1. FC Weilerbach spielte gegen FC Rotstein 09, danach kam der THW Kiel.")
    assert {("1. FC Weilerbach", "ORG"), ("FC Rotstein 09", "ORG"), ("THW Kiel", "ORG")} <= found


def test_a_describing_noun_names_the_organisation_after_it() -> None:
    found = spans("Der Streit mit der Ölgesellschaft Petrovaro und der Firma Grotenkamp eskalierte.")
    assert ("Petrovaro", "ORG") in found
    assert ("Grotenkamp", "ORG") in found


def test_an_arabic_article_belongs_to_the_surname() -> None:
    mentions = extract("Der Machthaber Baschar al-Assad floh. Später lebte Assad in Moskau.").mentions
    people = [(m.surface, m.name) for m in mentions if m.type == "PER"]
    assert people == [("Baschar al-Assad", "Baschar al-Assad"), ("Assad", "Baschar al-Assad")]


def test_an_unlisted_name_after_a_place_word_is_a_place() -> None:
    found = spans("Die Gemeinde Velikarno liegt nahe der Grenze, die Männer kamen aus Tulkarevo.")
    assert {("Velikarno", "LOC"), ("Tulkarevo", "LOC")} <= found


def test_a_name_coordinated_with_a_typed_one_shares_its_type() -> None:
    assert ("Vendramont", "ORG") in spans("Geliefert haben Siemens und Vendramont die Züge.")


def test_romance_place_prefixes_open_a_place_name() -> None:
    assert ("Lido di Spina", "LOC") in spans("Die Urlauber fuhren zum Lido di Spina ans Meer.")


def test_a_role_word_before_a_listed_family_name_makes_a_person() -> None:
    assert ("Fischer", "PER") in spans("Das bestätigte der CDU-Politiker Fischer am Abend.")


def test_a_verb_used_as_a_noun_is_no_town() -> None:
    assert spans("Nach dem Eindringen der Kälte froren alle.") == set()


def test_an_abbreviated_company_form_keeps_its_period() -> None:
    assert ("Veltrano Inc.", "ORG") in spans("Er wechselte 2019 zur Softwarefirma Veltrano Inc. nach Boston.")


def test_an_institution_named_after_a_person_is_an_organisation() -> None:
    found = spans("Die Hedwig-Lauterbach-Stiftung förderte das Anton-Brenner-Gymnasium.")
    assert {("Hedwig-Lauterbach-Stiftung", "ORG"), ("Anton-Brenner-Gymnasium", "ORG")} <= found
    # A person's company is no institution's name.
    assert not any(kind == "ORG" for _, kind in spans("Die Trump-Unternehmen meldeten Verluste."))


def test_a_name_stops_before_a_noun_after_particles() -> None:
    found = spans("Am Freitag warf J. D. Vance den Europäern Zensur vor.")
    assert ("J. D. Vance", "PER") in found
    assert not any("Europäern" in surface for surface, _ in found)


def test_a_legal_form_ends_the_company_name() -> None:
    found = spans("Die Deutsche Bank AG und der Förderverein Altstadt e. V. spendeten.")
    assert {("Deutsche Bank AG", "ORG"), ("Förderverein Altstadt e. V.", "ORG")} <= found


def test_the_tagger_names_an_unlisted_company_without_a_cue() -> None:
    # "Lenovo" is in no word list and not in the tagger's training sentences; its Brown cluster
    # and its place in the sentence make it an organisation.
    assert ("Lenovo", "ORG") in spans("Der Umsatz von Lenovo stieg im dritten Quartal deutlich.")


def test_a_name_keeps_one_type_throughout_the_document() -> None:
    # Read alone, the tagger takes the first "Kreml" for a place and the second for an
    # organisation; in one document it is one entity, of the type the list gives.
    body = (
        "Diese hatte in den vergangenen drei Jahren versucht, die Regierung im Kreml nach dem "
        "völkerrechtswidrigen Einmarsch Russlands in die Ukraine international auszugrenzen. "
        "Laut Kreml wollen die Staatschefs über die Ukraine und globale Themen sprechen."
    )
    assert {m.type for m in extract(body).mentions if m.name == "Kreml"} == {"ORG"}


def test_an_acronym_defined_in_parentheses_and_its_long_form_are_organisations() -> None:
    # The long forms are in no word list and have no head word; the definition names them.
    found = spans("Die Kassenärztliche Bundesvereinigung (KBV) kritisierte das Gesetz.")
    assert {("Kassenärztliche Bundesvereinigung", "ORG"), ("KBV", "ORG")} <= found
    found = spans("Nach Angaben des Verbandes Deutscher Reeder (VDR) sanken die Frachtraten.")
    assert {("Verbandes Deutscher Reeder", "ORG"), ("VDR", "ORG")} <= found
    # A mixed-case acronym is no acronym to the word lists.
    assert ("BaKom", "ORG") in spans("Laut dem Bundesamt für Kommunikation (BaKom) ist das erlaubt.")
    # One common noun abbreviated is a term, no organisation.
    found = spans("Damals stellte er Fluorchlorkohlenwasserstoffe (FCKW) her.")
    assert ("Fluorchlorkohlenwasserstoffe", "ORG") not in found
    # A party after a person's name abbreviates nothing of it: the person stays a person.
    found = spans("Auch Bildungsminister Henry Tesch (CDU) lehnte den Vorschlag ab.")
    assert {("Henry Tesch", "PER"), ("CDU", "ORG")} <= found


def test_an_english_institution_head_makes_the_name_an_organisation() -> None:
    found = spans("Sie lernte am Lee Strasberg Theatre und an der Matthew Humberstone School.")
    assert {("Lee Strasberg Theatre", "ORG"), ("Matthew Humberstone School", "ORG")} <= found


def test_an_unlisted_acronym_before_a_hyphen_names_an_organisation_only_if_named_alone() -> None:
    assert not {kind for _surface, kind in spans("Miller hält den PSA-Test für unverzichtbar.")} & {"ORG"}
    body = "Die Leitung des THW in Bonn war überrascht. Die THW-Helfer kamen am Abend."
    assert [m.start for m in extract(body).mentions if m.surface == "THW"] == [16, 48]
