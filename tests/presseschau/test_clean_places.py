import gc

from presseschau.clean.places import _place_names, is_place


def test_place_names_are_not_walked_by_the_garbage_collector() -> None:
    # Every full collection walks the containers it tracks; the gazetteer's some 130,000 names
    # are held where it need not (a dict of strings to None), yet looked up as in a set.
    names = _place_names()
    assert not gc.is_tracked(names)
    assert len(names) > 100_000


def test_is_place_answers_as_a_set_of_the_names_would() -> None:
    names = frozenset(_place_names())
    for name in ("München", "Moskau", "Riad", "Bayern", "MÜNCHEN", "Zwiebelkuchen", "Hamburg "):
        stripped = name.strip()
        plain = stripped in names or (stripped.isupper() and stripped.title() in names)
        assert is_place(name) == plain, name
    assert is_place("MÜNCHEN") and not is_place("Zwiebelkuchen")
