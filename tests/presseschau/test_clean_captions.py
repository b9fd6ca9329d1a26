"""Captions and credits of pictures (presseschau.clean.captions)."""

from __future__ import annotations

from presseschau.clean.blocks import Block
from presseschau.clean.captions import credit_of, is_slide_caption, remove_captions

_TEXT = "Der Verein hat am Sonntag sein drittes Spiel in Folge gewonnen, vor mehr als zehntausend Zuschauern."


def test_a_caption_apart_from_its_credit_shows_itself_by_the_pictures_button_or_who_stands_where() -> None:
    blocks = [
        Block(_TEXT),
        Block("Vergrößern Ein schmaler Steg führt über den Bach zum Hof."),
        Block("© Max Muster"),
        Block(_TEXT),
        Block("Marco Hollmann (l.) und Pawel Kowalczyk haben einen guten Draht."),
        Block("Foto:"),
        Block("WITTERS"),
        Block(_TEXT),
    ]
    kept, credits, captions = remove_captions(blocks)
    assert [block.text for block in kept] == [_TEXT] * 3
    assert credits == ("Max Muster", "WITTERS")
    assert captions == (
        "Ein schmaler Steg führt über den Bach zum Hof.",
        "Marco Hollmann (l.) und Pawel Kowalczyk haben einen guten Draht.",
    )
    # A sentence opening with the verb, and a party's position in brackets, are the article's.
    sentences = [Block("Vergrößern lässt sich das Bild nicht."), Block("Die Linke (links) stimmte dagegen.")]
    assert remove_captions(sentences)[0] == sentences


def test_a_licence_a_cover_pictures_label_or_a_spaced_abbreviation_closes_a_credit() -> None:
    assert credit_of("Netz der Vereine. Zum Vergrößern das Bild klicken. CC-BY-SA 2.0") == "CC-BY-SA 2.0"
    assert credit_of("Titelbild: Morel Antoine/ABACA") == "Morel Antoine/ABACA"
    assert credit_of("Der Chor zieht ab. Bild: Yannick Perrot/Theater St . Gallen") == (
        "Yannick Perrot/Theater St . Gallen"
    )
    # An article's text may end with the licence it stands under; a sentence is no credit.
    assert credit_of(f"{_TEXT} {_TEXT} {_TEXT} Dieser Text steht unter der Lizenz CC BY-NC") is None
    assert credit_of("Foto: Er kam. Dann ging er") is None


def test_a_caption_set_as_a_heading_is_a_caption_when_it_runs_longer_than_headings_do() -> None:
    caption = 'Ein Wendepunkt in "Sturm": Der singende Chor wird zur Meute, jagt den Fremden aus dem Dorf.'
    heading = Block("Das Spiel in Bildern. Foto: Ana Ruiz", "h")
    kept, credits, captions = remove_captions([Block(f"{caption} Bild: Yannick Perrot", "h"), heading])
    assert (kept, credits, captions) == ([heading], ("Yannick Perrot",), (caption,))


def test_a_slide_counter_opens_a_gallerys_caption_and_nothing_else() -> None:
    assert is_slide_caption("3/7 Am Abend zog die Feuerwehr in Chur ein Auto aus dem Fluss.")
    assert not is_slide_caption("24/7 Stunden geöffnet")  # no slide 24 of 7
    assert not is_slide_caption("2024/25 war eine gute Saison")
