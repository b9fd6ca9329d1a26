"""Corpus-wide name variants: general merging rules, guards, registry and alias file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from presseschau.extract.variants import (
    DEFAULT_ALIASES,
    Aliases,
    AliasFileError,
    RegistryEntry,
    assign_canonical,
    known_names,
    load_aliases,
)


def same(*names: str, kind: str = "PER") -> bool:
    result = assign_canonical([(name, kind) for name in names], [])
    return len({result[(name, kind)] for name in names}) == 1


@pytest.mark.parametrize(
    "variants",
    [
        ("Sergej Lawrow", "Sergey Lavrov", "Sergei Lawrow"),
        ("Michail Chodorkowski", "Mikhail Khodorkovsky"),
        ("Andrij Melnyk", "Andrij Melnik"),
        ("Alexej Nawalny", "Alexei Navalny"),
        ("Jewgeni Prigoschin", "Yevgeny Prigozhin"),
    ],
)
def test_transliteration_variants_merge(variants: tuple[str, ...]) -> None:
    assert same(*variants)


def test_typo_and_bare_surname_merge_into_the_full_name() -> None:
    result = assign_canonical(
        [("Michail Chodorkowski", "PER"), ("Chodorkowksi", "PER"), ("Chodorkowski", "PER")], []
    )
    assert set(result.values()) == {"Michail Chodorkowski"}


@pytest.mark.parametrize(
    "pair",
    [
        ("Leonid Kutschma", "Leonid Kravchuk"),
        ("Hans Meier", "Hans Meyer"),
        ("Jan Müller", "Jan Möller"),
        ("Anna Lawrow", "Sergej Lawrow"),
    ],
)
def test_different_people_stay_apart(pair: tuple[str, str]) -> None:
    assert not same(*pair)


def test_bare_surname_of_two_people_stays_alone() -> None:
    result = assign_canonical([("Anna Kessler", "PER"), ("Jonas Kessler", "PER"), ("Kessler", "PER")], [])
    assert result[("Kessler", "PER")] == "Kessler"


def test_organisations_merge_on_case_and_hyphens_only_within_a_type() -> None:
    result = assign_canonical([("NATO", "ORG"), ("Nato", "ORG"), ("Nato", "ORG"), ("Nato", "LOC")], [])
    assert result[("NATO", "ORG")] == result[("Nato", "ORG")] == "Nato"
    assert result[("Nato", "LOC")] == "Nato"
    assert same("Baden-Württemberg", "Baden Württemberg", kind="LOC")


def test_spelling_used_by_most_documents_wins() -> None:
    names = [("Sergey Lavrov", "PER"), ("Sergej Lawrow", "PER"), ("Sergej Lawrow", "PER"), ("Lawrow", "PER")]
    assert set(assign_canonical(names, []).values()) == {"Sergej Lawrow"}


def test_result_does_not_depend_on_input_order() -> None:
    names = [
        ("Sergey Lavrov", "PER"),
        ("Sergej Lawrow", "PER"),
        ("Lawrow", "PER"),
        ("Andrij Melnyk", "PER"),
        ("Andrij Melnik", "PER"),
        ("NATO", "ORG"),
        ("Nato", "ORG"),
    ]
    expected = assign_canonical(names, [])
    shuffled = names[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert assign_canonical(shuffled, []) == expected


def test_registry_canonical_wins_and_keeps_entities_apart() -> None:
    registry = [
        RegistryEntry("Sergej Lawrow", "PER", ("Sergey Lavrov",)),
        RegistryEntry("Anna Lawrowa", "PER"),
    ]
    result = assign_canonical([("Sergei Lavrov", "PER"), ("Anna Lawrowa", "PER")], registry)
    assert result == {("Sergei Lavrov", "PER"): "Sergej Lawrow", ("Anna Lawrowa", "PER"): "Anna Lawrowa"}


def test_aliases_rename_merge_and_split(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "entities:\n"
        "  - canonical: Wiener Zeitung\n"
        "    type: ORG\n"
        "    variants: [WZ, Wiener Zeitung Online]\n"
        "keep_apart:\n"
        "  - [Andrij Melnyk, Andrij Melnik]\n",
        encoding="utf-8",
    )
    aliases = load_aliases(path)
    names = [
        ("WZ", "ORG"),
        ("Wiener Zeitung Online", "ORG"),
        ("Andrij Melnyk", "PER"),
        ("Andrij Melnik", "PER"),
    ]
    result = assign_canonical(names, [], aliases)
    assert result[("WZ", "ORG")] == result[("Wiener Zeitung Online", "ORG")] == "Wiener Zeitung"
    assert result[("Andrij Melnyk", "PER")] != result[("Andrij Melnik", "PER")]


def test_alias_file_errors_are_explained(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text("entities:\n  - type: PER\n", encoding="utf-8")
    with pytest.raises(AliasFileError, match="canonical"):
        load_aliases(path)
    with pytest.raises(AliasFileError, match="no such"):
        load_aliases(tmp_path / "missing.yaml")


def test_shipped_alias_file_is_valid_and_empty() -> None:
    assert DEFAULT_ALIASES.exists()
    assert load_aliases() == Aliases()


def test_known_names_give_surnames_and_single_word_names() -> None:
    registry = [
        RegistryEntry("Sergej Lawrow", "PER", ("Sergey Lavrov",)),
        RegistryEntry("Anna Kessler", "PER"),
        RegistryEntry("Jonas Kessler", "PER"),
        RegistryEntry("Europäische Union", "ORG", ("EU",)),
    ]
    known = known_names(registry)
    assert known["Lawrow"] == known["Lavrov"] == ("Sergej Lawrow", "PER")
    assert known["EU"] == ("Europäische Union", "ORG")
    assert "Kessler" not in known
