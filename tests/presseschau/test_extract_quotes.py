"""Quotes and their speakers: attributed on evidence in the text, or None."""

from __future__ import annotations

import pytest

from presseschau.extract import extract
from presseschau.models import Quote

INTRO = "Die Ministerin Katrin Vogelsang und der Analyst Jonathan Pryce äußerten sich am Montag.\n"


def found(body: str) -> list[Quote]:
    quotes = list(extract(body).quotes)
    for quote in quotes:
        assert body[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert body[quote.speaker_start : quote.speaker_end] == quote.speaker_text
    return quotes


def quotes(body: str) -> list[tuple[str, str | None]]:
    """The quoted words (direct quotes and terms) with their speakers."""
    return [(q.text, q.speaker) for q in found(body) if q.kind in ("direct", "term")]


def speech(body: str) -> list[tuple[str, str, str | None, str | None]]:
    """Indirect and reported speech: (kind, text, cue, speaker)."""
    return [(q.kind, q.text, q.cue, q.speaker) for q in found(body) if q.kind in ("indirect", "reported")]


@pytest.mark.parametrize(
    "sentence",
    [
        "„Das ist ein guter Tag“, sagte Vogelsang.",
        "Vogelsang sagte: „Das ist ein guter Tag“",
        "»Das ist ein guter Tag«, erklärte Vogelsang in Brüssel.",
        "«Das ist ein guter Tag», betonte Vogelsang.",
        '"Das ist ein guter Tag", so Vogelsang.',
        "„Das ist ein guter Tag“, sagte die Ministerin Katrin Vogelsang am Abend.",
    ],
)
def test_quote_marks_and_attribution_patterns(sentence: str) -> None:
    assert quotes(INTRO + sentence) == [("Das ist ein guter Tag", "Katrin Vogelsang")]


def test_single_low_quotes_inside_a_sentence() -> None:
    body = INTRO + "Pryce nannte das Ergebnis ‚beachtlich‘."
    assert quotes(body) == [("beachtlich", "Jonathan Pryce")]


def test_fragment_belongs_to_the_subject() -> None:
    body = INTRO + "Pryce bezeichnete die Pläne der Regierung als „unrealistisch“."
    assert quotes(body) == [("unrealistisch", "Jonathan Pryce")]


def test_genitive_attribute_is_not_the_speaker() -> None:
    body = INTRO + "Der Plan sei „unrealistisch“, wie Vogelsangs Berater Jonathan Pryce deutlich machte."
    assert quotes(body) == [("unrealistisch", "Jonathan Pryce")]


def test_continued_quote_and_quote_only_paragraph() -> None:
    body = (
        INTRO
        + "„Wir handeln jetzt“, sagte Pryce. Das sei nötig. „Es gibt keine Alternative.“\n"
        + "„Die Zeit drängt.“"
    )
    assert quotes(body) == [
        ("Wir handeln jetzt", "Jonathan Pryce"),
        ("Es gibt keine Alternative.", "Jonathan Pryce"),
        ("Die Zeit drängt.", "Jonathan Pryce"),
    ]


def test_role_anaphor_resolves_only_when_one_person_fits() -> None:
    body = INTRO + "„Wir bleiben dran“, sagte die Ministerin."
    assert quotes(body) == [("Wir bleiben dran", "Katrin Vogelsang")]


def test_pronoun_resolves_to_the_last_person_of_its_gender() -> None:
    body = "Katrin Vogelsang kam spät. Sie nannte das Treffen „produktiv“."
    assert quotes(body) == [("produktiv", "Katrin Vogelsang")]
    mixed = "Katrin Vogelsang traf Jonathan Pryce. „Wir sind bereit“, sagte er."
    assert quotes(mixed) == [("Wir sind bereit", "Jonathan Pryce")]
    (quote,) = found(mixed)
    assert (quote.speaker_text, quote.speaker_kind) == ("er", "person")


def test_pronoun_without_anyone_before_keeps_no_speaker() -> None:
    (quote,) = found("„Wir sind bereit“, sagte er.")
    assert (quote.kind, quote.speaker, quote.speaker_text) == ("direct", None, "er")


def test_no_evidence_no_speaker() -> None:
    body = INTRO + "Der Begriff „Zeitenwende“ machte die Runde.\n„Zutiefst beleidigend“ für die Europäer"
    assert quotes(body) == [("Zeitenwende", None), ("Zutiefst beleidigend", None)]


def test_speaker_is_the_subject_of_the_verb_not_the_nearest_name() -> None:
    body = (
        "Kanzlerin Angela Merkel kam zu spät. "
        "Vizekanzler Guido Westerwelle widersprach Angela Merkel: „Das sehe ich anders.“"
    )
    assert quotes(body) == [("Das sehe ich anders.", "Guido Westerwelle")]
    apposition = "Markus Luthe, Geschäftsführer des Hotelverbands IHA, sagte: „Die Lage ist ernst.“"
    (quote,) = found(apposition)
    assert (quote.speaker, quote.speaker_text) == (
        "Markus Luthe",
        "Markus Luthe, Geschäftsführer des Hotelverbands IHA",
    )

    # A party name of parts joined by a slash stays one phrase: the subject is not the object.
    slashed = (
        "Die Haushaltspolitikerin von Bündnis 90/Die Grünen, Anja Hajduk, kritisierte die Pläne der "
        "Bundesregierung. Hier seien die Mittel „völlig unrealistisch“."
    )
    assert quotes(slashed) == [("völlig unrealistisch", "Anja Hajduk")]


def test_organisations_roles_and_groups_speak() -> None:
    (role,) = found("Ein Sprecher des Senders ProSieben sagte: „Wir prüfen das.“")
    assert (role.speaker_type, role.speaker_kind, role.speaker_role) == ("ORG", "role", "Sprecher")
    assert role.speaker_text == "Ein Sprecher des Senders ProSieben"
    (organisation,) = found("Die Konrad-Adenauer-Stiftung erklärte, die Lage sei ernst.")
    assert (organisation.speaker, organisation.speaker_kind) == ("Konrad-Adenauer-Stiftung", "organisation")
    (group,) = found("Hamas und Fatah erklärten am Abend, sie hätten sich geeinigt.")
    assert (group.speaker, group.speaker_kind, group.speaker_text) == (None, "group", "Hamas und Fatah")


def test_indirect_speech_and_its_cues() -> None:
    assert speech(INTRO + "Vogelsang sagte, die Lage sei ernst.") == [
        ("indirect", "die Lage sei ernst.", "sagte", "Katrin Vogelsang")
    ]
    assert speech("Die Polizei teilte am Montag mit, dass die Lage ruhig sei.") == [
        ("indirect", "dass die Lage ruhig sei.", "teilte … mit", None)
    ]
    assert speech(INTRO + "Die Lage sei ernst, sagte Pryce.") == [
        ("indirect", "Die Lage sei ernst", "sagte", "Jonathan Pryce")
    ]
    assert speech(INTRO + "Pryce zufolge soll der Vertrag unterschrieben sein.") == [
        ("indirect", "soll der Vertrag unterschrieben sein.", "zufolge", "Jonathan Pryce")
    ]
    (source,) = found("Nach Angaben der Polizei wurden drei Menschen verletzt.")
    assert (source.kind, source.speaker_text, source.speaker_kind) == (
        "indirect",
        "Angaben der Polizei",
        "organisation",
    )


def test_reported_speech_act() -> None:
    assert speech(INTRO + "Vogelsang forderte den Rücktritt des Ministers.") == [
        ("reported", "Vogelsang forderte den Rücktritt des Ministers.", "forderte", "Katrin Vogelsang")
    ]


def test_subjunctive_continues_the_speech_before() -> None:
    body = INTRO + "Vogelsang sagte, die Lage sei ernst. Es gebe keine Alternative. Dann fuhr sie ab."
    assert speech(body) == [
        ("indirect", "die Lage sei ernst.", "sagte", "Katrin Vogelsang"),
        ("indirect", "Es gebe keine Alternative.", None, "Katrin Vogelsang"),
    ]


def test_names_titles_and_scare_quotes_are_terms_without_speaker() -> None:
    body = (
        INTRO
        + "Vogelsang sprach mit dem Magazin „Der Spiegel“. "
        + "Die Regierung will „sofort“ handeln.\n„Neue Wege“\n"
    )
    terms = [(q.text, q.speaker, q.speaker_text) for q in found(body) if q.kind == "term"]
    assert terms == [("Der Spiegel", None, None), ("sofort", None, None), ("Neue Wege", None, None)]


def test_passive_speech_names_its_agent_or_nobody() -> None:
    (unnamed,) = found("Als Begründung wurde angegeben, die Kosten seien gestiegen.")
    assert (unnamed.kind, unnamed.speaker_text) == ("indirect", None)
    (agent,) = found("Der Vorschlag wurde von der Opposition scharf kritisiert.")
    assert (agent.kind, agent.speaker_text, agent.speaker_kind) == ("reported", "der Opposition", "group")
    (future,) = found("Die Grünen werden am Montag den Rücktritt fordern.")
    assert future.speaker_text == "Die Grünen"


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        # Speech does not become a name inside a speaker phrase ("Vogelsang von der „…“").
        ("Nach dem Treffen sprach Vogelsang von der „größten Herausforderung seit vielen Jahren“.", True),
        # Ordinary words in the clause of a speech act, its verb at the end.
        ("Die Verbände, die die Gefahr einer „Spaltung der Belegschaft“ beschwören, protestierten.", True),
        # After a noun for words said.
        ("Pryce ging mit den Worten „Wir sehen uns in einem Jahr wieder hier“ von der Bühne.", True),
        # A name in the clause of a speech verb stays a name.
        ("Vogelsang sagte der „Berliner Zeitung“, die Lage sei ernst.", False),
    ],
)
def test_speech_in_quotation_marks_is_a_quote_and_a_name_is_a_term(sentence: str, said: bool) -> None:
    (quoted,) = [q for q in found(INTRO + sentence) if q.kind in ("direct", "term")]
    assert quoted.kind == ("direct" if said else "term")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # "Der" before a feminine noun is dative: the subject follows the verb.
        ("Der örtlichen Zeitung sagte Pryce: „Wir bleiben hier.“", "Pryce"),
        # A place attached to the role before the apposition that names the person.
        (
            "Der Vorsitzende des Mieterbunds in Hamburg, Jonathan Pryce, kritisierte die Entscheidung "
            "scharf: „Das ist ein schwerer Fehler.“",
            "Der Vorsitzende des Mieterbunds in Hamburg, Jonathan Pryce",
        ),
        # A verb right after "und" shares the subject of the clause before; the phrase after it
        # is its object.
        (
            "Am Abend zogen Demonstranten vor das Rathaus und riefen Parolen wie „Wir bleiben hier“.",
            "Demonstranten",
        ),
        # A quoted name and its bracketed short form inside the apposition; the speech verb's
        # subject beats the source in its clause.
        (
            "Pryce, ein Sprecher der Initiative „Grüne Mitte“ (GM), kommentierte den Plan laut "
            "„hamburg.de“ mit folgenden Worten: „Wir bleiben hier.“",
            "Pryce, ein Sprecher der Initiative „Grüne Mitte“ (GM",
        ),
        # The one quoted is the object of "zitiert", past an adverb.
        ("Die Zeitung zitiert dazu Katrin Vogelsang mit den Worten: „Wir bleiben hier.“", "Katrin Vogelsang"),
    ],
)
def test_the_speaker_is_the_subject_the_clause_gives(sentence: str, speaker: str) -> None:
    (quote,) = [q for q in found(INTRO + sentence) if q.kind == "direct"]
    assert quote.speaker_text == speaker


def test_speakers_named_by_a_number_or_a_particle() -> None:
    (age,) = found("Der Vater hinterließ einen Brief. Der 58-Jährige habe darin geschrieben, er müsse gehen.")
    assert age.speaker_text == "Der 58-Jährige"
    body = "Die Politikerin Ursula von der Leyen kam am Montag. Von der Leyen betonte, die Lage sei ernst."
    (particle,) = found(body)
    assert (particle.speaker_text, particle.speaker) == ("Von der Leyen", "Ursula von der Leyen")


def test_a_thing_before_the_verb_and_a_speaker_after_it() -> None:
    """Object first, subject after the verb: "der" before a person is nominative."""
    (reported, fragment) = found("Das Urteil bezeichnete der Anwalt des Klägers als „Skandal“.")
    assert reported.speaker_text == fragment.speaker_text == "der Anwalt des Klägers"


def test_one_sentence_is_reported_once_and_never_without_its_punctuation() -> None:
    body = INTRO + "Die Gewerkschaft bestätigte die Zahlen nicht und nannte sie übertrieben."
    assert [(kind, cue) for kind, _, cue, _ in speech(body)] == [("reported", "bestätigte")]
    # A "sentence" of 1,500 characters is text that lost its punctuation, not a speech act.
    run_on = "Vogelsang kritisierte " + " ".join(["die Pläne der Regierung und die Kosten"] * 40) + "."
    assert speech(INTRO + run_on) == []


@pytest.mark.parametrize(
    ("sentence", "speaker_text", "speaker"),
    [
        # An extended attribute before a participle belongs to the phrase; its noun is the head.
        (
            "„Ich freue mich sehr auf den Auftritt“, schrieb die in New York City geborene Vogelsang.",
            "die in New York City geborene Vogelsang",
            "Katrin Vogelsang",
        ),
        (
            "Die das Unglück überlebende Katrin Vogelsang beschrieb den Hergang: „Die See war rau.“",
            "Die das Unglück überlebende Katrin Vogelsang",
            "Katrin Vogelsang",
        ),
        # Appositions and relative clauses between a conjunction's subject and its verb.
        (
            "Wie der Vorsitzende Richter, Jonathan Pryce, ausführte, hätte es „ein Blutbad gegeben“.",
            "der Vorsitzende Richter, Jonathan Pryce",
            "Jonathan Pryce",
        ),
        # … past an adverb; the cue whose speaker is read governs, not "verlangt" after it.
        (
            "Wie Pryce, der als Beobachter anwesend war, dazu feststellt, verlangt „der Tatbestand "
            "zumindest das Mitwissen“.",
            "Pryce",
            "Jonathan Pryce",
        ),
        # "zumal" opens a clause that ends in its verb.
        (
            "Die Strafe fiel mild aus, zumal Verteidiger Jonathan Pryce betont hatte, sein Mandant sei "
            "nicht „dissozial“.",
            "Verteidiger Jonathan Pryce",
            "Jonathan Pryce",
        ),
        # "heißt es" from someone, from a text before an inserted clause, on a page whose name
        # starts in lower case.
        (
            "„Alle Anzeichen deuten auf einen Anschlag hin“, hieß es vom Abgeordneten Jonathan Pryce.",
            "Abgeordneten Jonathan Pryce",
            "Jonathan Pryce",
        ),
        (
            "Im letzten Satz der Anordnung, die der Firma zugestellt wurde, heißt es: „Die Firma darf "
            "nichts enthüllen.“",
            "letzten Satz der Anordnung",
            None,
        ),
        (
            "Auf der documenta-Homepage heißt es: „Die Striche wurden wegen ihrer Form gewählt.“",
            "der documenta-Homepage",
            None,
        ),
        # The agent of a passive whose "werden" we do not read as the finite verb.
        (
            "Seine Werke werden von Kritikern als „Meilensteine der Musikgeschichte“ bezeichnet.",
            "Kritikern",
            None,
        ),
        # A verb after "und" shares the main clause's subject, not the phrase opening its clause.
        (
            "So hat sich etwa die Ministerin, Katrin Vogelsang, gerade dieser Tage dagegen ausgesprochen "
            "und behauptet, die Schulen kämen nur durch „Trickserei“ zustande.",
            "die Ministerin, Katrin Vogelsang",
            "Katrin Vogelsang",
        ),
        # A quantifier after the article.
        (
            "„Die Koalition widerspricht ihren Versprechen ganz eklatant“, meinen die beiden "
            "Neu-Mitglieder Katrin Vogelsang und Jonathan Pryce.",
            "die beiden Neu-Mitglieder Katrin Vogelsang und Jonathan Pryce",
            None,
        ),
        # After a quote and a comma, a subject before its verb opens a clause of its own.
        (
            "Pryce, der Gelb-Rot sah, nannte seinen Platzverweis „überzogen“, Bundestrainer Katrin "
            "Vogelsang bezeichnete die Karten als übertrieben.",
            "Pryce, der Gelb-Rot sah",
            "Jonathan Pryce",
        ),
        # Before a colon, a role the sentence opens with speaks, not a name after it.
        (
            "Der Ermittler, der als wichtiger Zeuge gilt, will nach dem Fall Pryce seine Arbeit "
            "einstellen: „Was Größeres kommt nicht nach!“",
            "Der Ermittler",
            None,
        ),
        # "zitiert" with no one after the one who quotes: that one; in the passive, the subject.
        ("„Ich zähle auf meine Anhänger und auf ihren Widerstand“, zitiert CNN.", "CNN", "CNN"),
        (
            "Er habe jedem Geld gegeben, „um uns zu vergnügen, was wir auch taten“, wie Pryce von der "
            "Zeitung zitiert wird.",
            "Pryce von der Zeitung",
            "Jonathan Pryce",
        ),
        # The subject of a second main clause stands right before its verb, after "und" or a comma.
        (
            "Die Menge skandierte Parolen wie „Weg mit ihm!“ und der sich selbst als Gegner der "
            "Regierung inszenierende Unternehmer Pryce rief aus: „Er ist der schlechteste Minister!“",
            "der sich selbst als Gegner der Regierung inszenierende Unternehmer Pryce",
            "Jonathan Pryce",
        ),
        (
            "Vogelsang wies diese Behauptung zurück, die Sprecherin der Fraktion, Ruth Pryce, erklärte: "
            "„Neiddebatten sind hier völlig fehl am Platz.“",
            "die Sprecherin der Fraktion, Ruth Pryce",
            "Ruth Pryce",
        ),
        # Quoted words in brackets right after who said them.
        (
            "Viele gratulierten, so der Leiter der Behörde, Jonathan Pryce („Mir fällt niemand ein, der "
            "es mehr verdient hätte.“), und andere.",
            "Jonathan Pryce",
            "Jonathan Pryce",
        ),
        # Words that stand written somewhere: the text or thing they stand in speaks.
        (
            "Derzeit steht in dem Gesetzentwurf noch der Passus: „Die Abdrücke sind nach der "
            "Aushändigung zu löschen.“",
            "dem Gesetzentwurf",
            None,
        ),
        ("Auf dem Transparent war die Parole „Autonome in Bewegung“ zu lesen.", "dem Transparent", None),
        # Coordinated heads past an adjective ("und derzeitiger Vorsitzender").
        (
            "Jonathan Pryce, Präsident der Universität und derzeitiger Vorsitzender der Konferenz, "
            "begrüßte den Beschluss als „wesentlichen Schritt für die Hochschulen“.",
            "Jonathan Pryce, Präsident der Universität und derzeitiger Vorsitzender der Konferenz",
            "Jonathan Pryce",
        ),
        # A sentence the splitter kept whole after a number: the cue's clause starts at the article.
        (
            "Ein Streik hätte Folgen für die Auslieferung des Modells 3. Ein Sprecher von Pryce teilte "
            "mit: „Jeder soll fair bezahlt werden.“",
            "Ein Sprecher von Pryce",
            "Jonathan Pryce",
        ),
        # Quoted words in the clause after a statement and whose it is, before the cue.
        (
            "Auf den Vorwurf der Ministerin Vogelsang, es handele sich um einen „sozialistischen "
            "Antrag“, mit dem man alle zwingen wolle, entgegneten die Unterstützer, dass alle "
            "eingebunden seien.",
            "den Vorwurf der Ministerin Vogelsang",
            "Katrin Vogelsang",
        ),
    ],
)
def test_speaker_phrase_and_name(sentence: str, speaker_text: str, speaker: str | None) -> None:
    *_, quote = [q for q in found(INTRO + sentence) if q.kind == "direct"]
    assert (quote.speaker_text, quote.speaker) == (speaker_text, speaker)


@pytest.mark.parametrize(
    ("body", "speaker_text", "speaker"),
    [
        # Quoted words in the subjunctive, no cue: the subject of the sentence before reports them,
        # here after the verb, with its apposition.
        (
            "Am Rande der Sitzung nahm auch der Ministerpräsident, Jonathan Pryce, zu der Frage "
            "Stellung. Das Konto könne man „jetzt einlösen, oder auch später einlösen“.",
            "der Ministerpräsident, Jonathan Pryce",
            "Jonathan Pryce",
        ),
        # … after prepositional phrases and an auxiliary.
        (
            "An die Adresse der Prüfer in Brüssel hatte Vogelsang erfreuliche Zahlen zu melden. "
            "Erstmals sei das "
            "Land in der Lage, die Kriterien „aller Voraussicht nach“ einzuhalten.",
            "Vogelsang",
            "Katrin Vogelsang",
        ),
    ],
)
def test_reported_speech_without_cue_is_the_subject_before(
    body: str, speaker_text: str, speaker: str
) -> None:
    (quote,) = [q for q in found(INTRO + body) if q.kind == "direct"]
    assert (quote.speaker_text, quote.speaker) == (speaker_text, speaker)


def test_a_new_paragraph_opened_by_another_person_is_that_persons_speech() -> None:
    body = (
        INTRO + "Vogelsang glaubt, dass ein Verbot möglich sei. Sie geht davon aus, dass es kommt.\n\n"
        "Auch der Sprecher der Fraktion, Jonathan Pryce, will „in den kommenden Wochen sorgfältig "
        "prüfen“, ob ein Verbot angestrebt werden solle."
    )
    (quote,) = [q for q in found(body) if q.kind == "direct"]
    assert quote.speaker == "Jonathan Pryce"


def test_an_expletive_subject_names_nobody() -> None:
    """ "Es" opening the sentence is no speaker: the subject of the sentence before reports."""
    body = (
        INTRO + "Der Betreiber, Vogelsang, begann damit, Wasser einzuleiten. Es soll sich um Wasser "
        "handeln, das „schwach radioaktiv“ sein soll."
    )
    (quote,) = [q for q in found(body) if q.kind == "direct"]
    assert quote.speaker == "Katrin Vogelsang"


def test_laut_before_a_verb_is_the_adjective() -> None:
    body = (
        INTRO + "Kritik war laut geworden und mündete in eine Andeutung, dass Gruppen mit „fremden Kräften“ "
        "arbeiteten."
    )
    assert [q.cue for q in found(body) if q.kind == "indirect"] == []


def test_passive_speech_without_agent_speaks_for_the_medium_it_stood_in() -> None:
    body = (
        INTRO
        + "Der Auftrag wurde in einer Erklärung des Ministeriums als „Geschäft des Jahrhunderts“ bezeichnet."
    )
    (quote,) = [q for q in found(body) if q.kind == "direct"]
    assert quote.speaker_text == "einer Erklärung des Ministeriums"
    # A place is no medium.
    body = INTRO + "Der Auftrag wurde in Berlin als „Geschäft des Jahrhunderts“ bezeichnet."
    (quote,) = [q for q in found(body) if q.kind == "direct"]
    assert quote.speaker_text is None


def test_heisst_es_von_needs_the_phrase_after_the_verb() -> None:
    """ "vom Sonntag" before "heißt" is no one who speaks."""
    body = (
        INTRO + "Er griff den Tenor der Medien auf, in denen es zu den Protesten vom Sonntag heißt, die "
        "Opposition sei ein „Papiertiger“."
    )
    assert all(q.speaker_text != "Sonntag" for q in found(body))


def test_a_role_anaphor_means_the_person_introduced_by_that_very_role_word() -> None:
    """ "Bundespräsident" and "Bundestagspräsident" share the role "präsident": "der
    Bundespräsident" is the one person the text named with that word."""
    body = (
        "Bundespräsident Horst Köhler hat den Bundestag aufgelöst. Bundestagspräsident Wolfgang Thierse "
        "nahm die Auflösung an. „Es gibt keine Alternative“, sagte der Bundespräsident."
    )
    assert quotes(body) == [("Es gibt keine Alternative", "Horst Köhler")]


def test_a_thing_before_the_verb_and_a_pronoun_after_it() -> None:
    """ "Deren Haltung bezeichnete er als „…“": the thing cannot speak, the pronoun is the subject."""
    body = INTRO + "Pryce kam spät. Deren Haltung bezeichnete er als „zutiefst verlogen“."
    assert quotes(body) == [("zutiefst verlogen", "Jonathan Pryce")]


def test_reporting_of_something_is_reported_speech() -> None:
    """ "berichten von" is the act of reporting (annotated Reported), "berichten, dass" says; the
    present plural "werfen … vor" is "vorwerfen" like its other forms."""
    body = INTRO + "Augenzeugen berichteten von einem lauten Knall. Die Behörden werfen Pryce Betrug vor."
    assert [(kind, cue) for kind, _, cue, _ in speech(body)] == [
        ("reported", "berichteten … von"),
        ("reported", "werfen … vor"),
    ]
    said = INTRO + "Pryce berichtete, die Lage sei ernst."
    assert speech(said) == [("indirect", "die Lage sei ernst.", "berichtete", "Jonathan Pryce")]


def test_a_speech_act_before_a_colon_and_quote_reports_nothing_besides_it() -> None:
    body = INTRO + "Pryce warf den Behörden vor: „Eine Prüfung fand nie statt.“"
    assert speech(body) == []
    assert quotes(body) == [("Eine Prüfung fand nie statt.", "Jonathan Pryce")]
