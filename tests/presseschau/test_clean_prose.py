"""Counting prose in runs of a flattened page's tokens."""

from random import Random

from presseschau.clean.prose import (
    _FUNCTION,
    _INFORMAL_ADDRESS,
    _IS_WORD,
    _NO_WORD,
    _POLITE,
    _PUNCTUATION,
    _SITE,
    POLITE_ADDRESS,
    PROSE_DENSITY,
    PROSE_MIN_WORDS,
    SITE_SHARE,
    RunTally,
    _word_class,
    measure_text,
    prose_of,
)
from presseschau.clean.resources import data_lines, function_words


def test_a_run_counts_every_token_and_its_function_words() -> None:
    tokens = ["Menü", "Politik", "Der", "Kanzler", "hat", "am", "Montag", "in", "Berlin", "gesprochen"]
    tally = RunTally(tokens)

    run = tally.measure(2, len(tokens))

    # der, hat, am, in; the menu words before the run are not counted.
    assert (run.words, run.function, run.site) == (8, 4, 0)
    assert run.sentence and not run.heading


def test_the_polite_address_opening_a_run_may_be_they_and_elsewhere_addresses_the_reader() -> None:
    tokens = ["Sie", "sagten", "Ihre", "Daten", "seien", "sicher"]
    tally = RunTally(tokens)

    assert tally.measure(0, len(tokens)).site == 1  # "Ihre" only
    assert tally.measure(2, len(tokens)).site == 0  # "Ihre" opens this run
    assert tally.measure(1, len(tokens)).site == 1


def test_every_run_counts_what_its_tokens_count_one_by_one() -> None:
    tokens = ["Wenn", "Sie", "den", "Newsletter", "abonnieren", "teilen", "wir", "die", "Daten", "nicht"]
    tally = RunTally(tokens)
    singles = [tally.measure(index, index + 1) for index in range(len(tokens))]

    for low in range(len(tokens) + 1):
        for high in range(low, len(tokens) + 1):
            run = tally.measure(low, high)
            assert run.function == sum(single.function for single in singles[low:high])
            # Only the run's first token may be the polite "Sie" read as "they".
            site = sum(tally.site_flags()[low + 1 : high]) + singles[low].site if high > low else 0
            assert run.site == site


def test_an_empty_run_counts_nothing() -> None:
    tally = RunTally(["Sie"])

    empty = tally.measure(1, 1, min_density=0.25)

    assert (empty.words, empty.function, empty.site, empty.min_density) == (0, 0, 0, 0.25)
    assert not empty.is_prose


def test_a_line_counts_its_words_function_words_and_site_words_but_no_lone_marks() -> None:
    # "–" is no word; sie, der, hat, am, in, für, ihre are function words; "Sie" opening the
    # line may be "they", "Ihre" and "Newsletter" (data/site_words.txt) are the site talking.
    prose = measure_text("Sie sagen – der Kanzler hat am Montag in Berlin für Ihre Newsletter gesprochen.")

    assert (prose.words, prose.function, prose.site) == (13, 7, 2)
    assert prose.sentence and not prose.heading


def test_a_line_without_words_counts_nothing() -> None:
    prose = measure_text("– – ***")

    assert (prose.words, prose.function, prose.site) == (0, 0, 0)


def test_a_confirmations_sign_off_to_the_reader_is_the_sites() -> None:
    for text in (
        "Sie haben den Newsletter für die Küste bestellt. Wir wünschen Ihnen eine anregende Lektüre.",
        "Ihr Zugang ist jetzt freigeschaltet. Wir wünschen Ihnen viel Lesevergnügen.",
    ):
        assert measure_text(text).is_site, text


def test_a_comment_sections_rules_are_the_sites_and_an_article_may_name_a_comment() -> None:
    rules = "Die Redaktion prüft jeden Kommentar vor der Freischaltung nach der Netiquette."
    assert measure_text(rules).is_site
    article = (
        "In einem Kommentar für die Zeitung schrieb die Ministerin am Montag, die Reform komme für "
        "die meisten Familien im Land zu spät."
    )
    assert measure_text(article).is_prose


def test_a_sentence_asking_the_reader_to_act_is_the_sites_and_a_question_or_quote_is_not() -> None:
    # A newsletter's pitch: two "Sie" in 22 words, under the site share without its imperative.
    pitch = (
        "Beginnen Sie den frühen Morgen mit den Nachrichten aus der ganzen Region und lesen Sie "
        "am Sonntag die schönsten langen Reportagen der Woche."
    )
    assert measure_text(pitch).is_site
    assert not measure_text(pitch).is_prose
    # An interview's question and a quoted imperative address someone else: still prose.
    question = (
        "Glauben Sie, dass die kleine Stadt am Fluss den teuren Umbau des alten Bahnhofs in "
        "den kommenden zwei Jahren noch schaffen kann?"
    )
    quoted = (
        "Der Bürgermeister sagte am Abend vor dem Rat: „Stellen Sie sich den neuen Platz vor "
        "dem alten Bahnhof mit vielen Bäumen und Bänken vor.“"
    )
    assert measure_text(question).site == 1
    assert measure_text(quoted).is_prose


def test_calls_to_act_are_looked_for_only_where_the_reader_is_addressed() -> None:
    # No polite address (or only a sentence-opening "Sie", "they"): no call to act is counted.
    assert measure_text("Der Rat tagte am Abend im alten Rathaus.").site == 0
    assert measure_text("Sie kamen am Morgen mit dem Zug zurück.").site == 0
    assert measure_text("Melden Sie sich jetzt an.").site == 2


def test_a_request_opened_by_bitte_is_a_call_to_act_and_a_quoted_one_is_not() -> None:
    # One "Sie" in 20 words: under the site share without its polite imperative.
    request = (
        "Bitte haben Sie Verständnis dafür, dass wir nicht jede Zuschrift beantworten können und "
        "manche erst nach einiger Zeit erscheinen."
    )
    assert measure_text(request).is_site
    quoted = (
        "„Bitte helfen Sie uns beim Aufräumen“, rief die Vorsitzende des Vereins den Nachbarn am "
        "Samstagmorgen vor dem alten Vereinsheim zu."
    )
    assert measure_text(quoted).is_prose


def _word_class_with_every_prefix(token: str) -> int:
    """`_word_class` as it read before the site prefixes were grouped by their first
    character: every token asked about every listed prefix."""
    lines = data_lines("site_words.txt")
    words = frozenset(line for line in lines if not line.endswith("*"))
    prefixes = tuple(line[:-1] for line in lines if line.endswith("*"))
    bare = token.strip(_PUNCTUATION)
    folded = bare.casefold()
    site = folded in _INFORMAL_ADDRESS or folded in words or folded.startswith(prefixes)
    is_word = token.isalnum() or not _NO_WORD.fullmatch(token)
    return (
        is_word * _IS_WORD
        | (folded in function_words()) * _FUNCTION
        | site * _SITE
        | (bare in POLITE_ADDRESS) * _POLITE
    )


def test_a_tokens_flags_are_what_asking_every_list_and_site_prefix_gives() -> None:
    # The site prefixes are grouped by their first character, and the words listed whole
    # (function words, site words, the informal address) looked up in one table of flags.
    lines = data_lines("site_words.txt")
    # Made-up tokens: listed prefixes and words cut short, run on, in capitals, behind a letter
    # or a mark, with punctuation around them; function words; words in other scripts.
    pieces = (
        [line.rstrip("*") for line in lines]
        + sorted(function_words())
        + sorted(_INFORMAL_ADDRESS)
        + [
            "der",
            "Sie",
            "Ihre",
            "du",
            "Straße",
            "İstanbul",
            "ǅ",
            "ß",
        ]
    )
    random = Random(24)
    tokens = ["", "–", "„", "Sie", "cookie", "Cookie-Banner", "ecookie", "ßtraße"]
    for _ in range(6000):
        piece = random.choice(pieces)
        piece = piece[: random.randint(0, len(piece) + 1)] + random.choice(["", "s", "n", "-Seite", "en"])
        piece = random.choice([piece, piece.upper(), piece.capitalize(), random.choice("aeßÄx„") + piece])
        tokens.append(random.choice(["", "„", "(", "-"]) + piece + random.choice(["", ",", ".", "“", ":)"]))

    for token in tokens:
        assert _word_class(token) == _word_class_with_every_prefix(token), token


def test_the_site_and_prose_readings_are_what_the_counts_tell() -> None:
    # Made-up counts around the thresholds: no words, few, the prose minimum; shares of
    # function and site words just under, at and over theirs; closed or not, headings. The
    # readings, once properties, are fields made with the counts: here the properties' formulas.
    random = Random(2024)
    for _ in range(5000):
        words = random.choice([0, 1, PROSE_MIN_WORDS - 1, PROSE_MIN_WORDS, random.randint(0, 200)])
        prose = prose_of(
            words,
            random.randint(0, words),
            random.choice([0, 1, words // 10, (words + 9) // 10, random.randint(0, words)]),
            random.random() < 0.8,
            random.random() < 0.2,
            random.choice([PROSE_DENSITY, 0.25, words and random.randint(0, words) / words]),
        )
        site = prose.words > 0 and prose.site / prose.words >= SITE_SHARE
        plain = (
            prose.sentence
            and not prose.heading
            and prose.words >= PROSE_MIN_WORDS
            and prose.density >= prose.min_density
            and not site
        )
        assert (prose.is_site, prose.is_prose) == (site, plain), prose
