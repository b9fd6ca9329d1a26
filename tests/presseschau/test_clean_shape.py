"""What a block's text looks like: white space, matching keys."""

from presseschau.clean.shape import matching_key, normalise_space, single_spaced


def test_white_space_of_every_kind_becomes_single_spaces() -> None:
    assert normalise_space(" Der  Kanzler\thatte\u00a0gesprochen \n") == "Der Kanzler hatte gesprochen"
    assert normalise_space("Der Kanzler hatte gesprochen ") == "Der Kanzler hatte gesprochen"


def test_only_printable_text_without_double_spaces_is_single_spaced_however_often_asked() -> None:
    for _ in range(2):  # the second answer comes from the cache
        assert single_spaced("Der Kanzler hatte gesprochen.")
        assert not single_spaced("Der Kanzler\u00a0hatte gesprochen.")
        assert not single_spaced("Der  Kanzler")


def test_a_matching_key_has_no_list_marker_edges_or_case() -> None:
    assert matching_key("- Mehr  zum THEMA: ") == "mehr zum thema"
    assert matching_key("© Straße 2024") == "© strasse 2024"
