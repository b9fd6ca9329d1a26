import random
import re

from presseschau.clean.outlets import _aliases, find_outlet
from presseschau.clean.resources import grouped_alternation


def _plain_find_outlet(texts: list[str]) -> str | None:
    """The plain reading: an alias with a lookbehind for the character before it."""
    branches = grouped_alternation(sorted(_aliases(), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w.-])(?:{branches})(?![\w-])")
    for text in texts:
        if match := pattern.search(text):
            return _aliases()[match[0]]
    return None


def test_an_outlet_is_found_where_a_lookbehind_for_the_character_before_finds_it() -> None:
    rng = random.Random(7)
    aliases = sorted(_aliases())
    pieces = [*aliases, "x", "ab", "-", ".", "_", "1", " ", "\n", "ä", "Die", "|"]
    for _ in range(3000):
        text = "".join(rng.choice(("", " ", "-", ".", "x", "ß")) + rng.choice(pieces) for _ in range(6))
        assert find_outlet([text]) == _plain_find_outlet([text]), text
    assert find_outlet(["Startseite", "Mehr von SPIEGEL+ und Politik"]) == "DER SPIEGEL"
    assert find_outlet(["meinSPIEGEL", "x.SPIEGEL", "SPIEGEL-Leser"]) is None
