"""Date lines and stamps in text."""

import pytest

from presseschau.clean.dates import parse_date_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Stand: Montag, 24. Februar 2025, 13:14 Uhr", ("2025-02-24T13:14", False)),
        ("Aktualisiert am 03.03.2025 | 14:22 Uhr", ("2025-03-03T14:22", True)),
        ("2024-04-22", ("2024-04-22", False)),
        ("March 4, 2025", ("2025-03-04", False)),
        ("Veröffentlicht am 4. März 2025 von Anna Krüger", None),  # a byline beside the date
        ("Am 4. März 2025 telefonierte der Kanzler", None),
        ("Mitgliederversammlung 4. März 2025", None),  # a word that is no filler
    ],
)
def test_a_date_line_holds_a_date_and_filler_words_only(line: str, expected: tuple[str, bool] | None) -> None:
    assert parse_date_line(line) == expected
