"""Synthetic German article content: a cast of people and organisations, sentences with
dates, amounts and quotes, combined at random from the word lists in vocabulary.toml.

Everything draws from one `random.Random`, so an article is a pure function of its seed.
"""

from __future__ import annotations

import datetime as dt
import random
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

Vocabulary = dict[str, list[str]]

_FIRST_DAY = dt.date(2015, 1, 1).toordinal()
_LAST_DAY = dt.date(2025, 12, 31).toordinal()


@cache
def vocabulary() -> Vocabulary:
    with open(Path(__file__).with_name("vocabulary.toml"), "rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class Block:
    """A body block: a paragraph, or a subheading when `heading` is set."""

    text: str
    heading: bool = False


@dataclass(frozen=True)
class Head:
    """What a page states about its article besides the body."""

    title: str
    lead: str
    place: str
    published: dt.datetime
    authors: tuple[str, ...]
    outlet: str
    domain: str


class ArticleWriter:
    """Writes one article: its head, then body blocks on demand (the page decides how many)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = vocabulary()
        self.published = dt.datetime.fromordinal(rng.randint(_FIRST_DAY, _LAST_DAY)).replace(
            hour=rng.randint(5, 22), minute=rng.randrange(60)
        )
        # The cast: each person keeps one role through the article.
        self.roles = {self._new_person(): self.pick("roles") for _ in range(rng.randint(3, 6))}
        self.people = list(self.roles)
        self.orgs = [self._new_org() for _ in range(rng.randint(1, 3))]
        self.places = rng.sample(self.words["places"], 3)
        self.topic = self.pick("topics")
        self._introduced: set[str] = set()

    def pick(self, key: str) -> str:
        return self.rng.choice(self.words[key])

    def head(self) -> Head:
        outlet, domain = self.pick("outlets").split("|")
        authors = tuple(self._new_person() for _ in range(self.rng.choice((0, 1, 1, 1, 2, 3))))
        first = self.people[0]
        title = self.rng.choice(
            (
                f"{first.split()[-1]} will {self.topic} beschleunigen",
                f"Streit um {self.topic} in {self.places[0]}",
                f"{self.orgs[0]}: {self._money()} für {self.topic}",
                f"Was das Projekt {self.topic} für {self.places[0]} bedeutet",
            )
        )
        return Head(title, self.sentence(), self.places[0], self.published, authors, outlet, domain)

    def block(self) -> Block:
        if self.rng.random() < 0.12:
            return Block(self._fill(self.pick("subheadings")), heading=True)
        sentences = [self.sentence() for _ in range(self.rng.randint(2, 6))]
        if self.rng.random() < 0.45:
            sentences.insert(self.rng.randrange(len(sentences) + 1), self.quote())
        return Block(" ".join(sentences))

    def sentence(self) -> str:
        return self._fill(self.pick("sentences"))

    def quote(self) -> str:
        speaker = self._person()
        said = f"{self.pick('quote_openers')} {self.pick('quote_objects')} {self.pick('quote_verbs')}"
        said = said.format(topic=self.topic)
        verb = self.pick("speech_verbs")
        opening, closing = self.rng.choice((("„", "“"), ('"', '"'), ("»", "«")))
        if self.rng.random() < 0.5:
            return f"{opening}{said}{closing}, {verb} {speaker}."
        return f"{speaker} {verb}: {opening}{said}.{closing}"

    def _fill(self, template: str) -> str:
        # Only draw what the template uses: fewer draws keep generation fast.
        slots = {
            "person": self._person,
            "person2": self._person,
            "titled": self._titled,
            "described": self._described,
            "org": lambda: self.rng.choice(self.orgs),
            "body": self._public_body,
            "association": self._association,
            "place": lambda: self.rng.choice(self.places),
            "place2": lambda: self.pick("places"),
            "topic": lambda: self.topic,
            "when": self._when,
            "year": lambda: str(self.published.year - self.rng.randint(0, 8)),
            "money": self._money,
            "share": self._share,
            "count": self._count,
            "minutes": lambda: str(self.rng.randint(20, 240)),
            "percent": lambda: str(self.rng.randint(12, 88)),
        }
        return template.format(**{key: make() for key, make in slots.items() if "{" + key in template})

    def _new_person(self) -> str:
        return f"{self.pick('first_names')} {self.pick('surnames')}"

    def _person(self) -> str:
        return self._mention(self.rng.choice(self.people))

    def _mention(self, name: str) -> str:
        """Full name at first mention, mostly the surname afterwards, as newspapers write."""
        if name in self._introduced and self.rng.random() < 0.7:
            return name.split(" ", 1)[1]
        self._introduced.add(name)
        return name

    def _titled(self) -> str:
        name = self.rng.choice(self.people)
        return f"{self.roles[name]} {self._mention(name)}"

    def _described(self) -> str:
        name = self.rng.choice(self.people)
        return f"{self._mention(name)}, {self.roles[name]} der {self.rng.choice(self.orgs)}"

    def _new_org(self) -> str:
        return f"{self.pick('org_stems')}{self.pick('org_heads')} {self.pick('org_legal_forms')}"

    def _public_body(self) -> str:
        return self.pick("public_bodies").format(field=self.pick("fields"))

    def _association(self) -> str:
        return self.pick("associations").format(group=self.pick("groups"))

    def _when(self) -> str:
        day = self.published - dt.timedelta(days=self.rng.randint(0, 400))
        month = self.words["months"][day.month - 1]
        return self.rng.choice(
            (
                f"am {self.words['weekdays'][day.weekday()]}",
                f"am {day.day}. {month} {day.year}",
                f"am {day.day}. {month}",
                f"im {month} {day.year}",
                f"Ende {month}",
                f"am {day:%d.%m.%Y}",
                f"im Jahr {day.year}",
                "vor zwei Wochen",
            )
        )

    def _money(self) -> str:
        unit = self.pick("money_units")
        if unit.startswith(("Millionen", "Milliarden")):
            whole, tenth = self.rng.randint(1, 900), self.rng.randint(0, 9)
            return f"{whole},{tenth} {unit}" if tenth else f"{whole} {unit}"
        return f"{_german_thousands(self.rng.randint(20, 250_000))} {unit}"

    def _share(self) -> str:
        return f"{self.rng.randint(1, 60)},{self.rng.randint(1, 9)} Prozent"

    def _count(self) -> str:
        return f"{_german_thousands(self.rng.randint(2, 90_000))} {self.pick('count_units')}"


def _german_thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")
