from __future__ import annotations

import pytest

from presseschau.clean.byline import parse_byline


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Von Holger Zschäpitz Leitender Wirtschaftsredakteur", ("Holger Zschäpitz",)),
        ("Von Hanna Keller Gastautorin", ("Hanna Keller",)),
    ],
    ids=["adjective-and-compound", "compound"],
)
def test_compound_job_title_after_the_name_is_left_out(text: str, authors: tuple[str, ...]) -> None:
    # A job title is often a compound ending in a known one ("Wirtschafts|redakteur").
    byline = parse_byline(text, flattened=True)
    assert byline is not None and byline.authors == authors
