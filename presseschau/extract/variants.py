"""Name variants across documents: the corpus-wide entity registry's matching rules.

Documents name one entity in many spellings: transliterations ("Selenskyj", "Zelensky",
"Selenskij"), typos, genitives, surname-only mentions, case ("NATO", "Nato"). Names are merged
by general rules, never by lists of known spellings:

1. the same spelling key (`names.fold`: case, accents, hyphens and transliteration pairs
   w/v, j/y/i, sch/sh, tsch/ch, z/s) — for names of at least six letters;
2. one edit apart on that key (a typo), for longer names, found through a deletion index so
   that a corpus of any size is matched in linear time;
3. a surname alone joins the one full name in the corpus that ends in it.

Guards keep people apart: persons merge only when their first names agree (same key, an
initial, or close spellings) and their surnames' first letters agree; a bare surname shared by
two full names stays on its own. An alias file (YAML) lets a user merge, rename or split.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from presseschau.extract.lexicon import DATA_DIR
from presseschau.extract.names import fold

DEFAULT_ALIASES = DATA_DIR / "aliases.yaml"
# Shorter keys differ by one letter too often between different names ("Meier"/"Maier").
_MIN_FOLDED = 6
_MIN_TYPO = 7
_FIRST_NAME_SIMILARITY = 80


@dataclass(frozen=True)
class RegistryEntry:
    """An entity the warehouse already knows: its canonical name and the variants seen."""

    canonical: str
    type: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Aliases:
    """A user's corrections: entities to merge or rename, and names to keep apart."""

    entities: tuple[RegistryEntry, ...] = ()
    keep_apart: frozenset[frozenset[str]] = field(default_factory=frozenset)


class AliasFileError(ValueError):
    """The alias file is not in the documented format; the message says where."""


def load_aliases(path: Path | None = None) -> Aliases:
    """Read an alias file; a missing default file means no aliases.

    Format (YAML)::

        entities:            # merge the variants into one entity, named `canonical`
          - canonical: Jane Example
            type: PER        # PER, ORG, LOC or MISC
            variants: [J. Example, Jane Exampel]
        keep_apart:          # never merge these two names, whatever the rules say
          - [John Sample, Jon Sampel]
    """
    path = path or DEFAULT_ALIASES
    if not path.exists():
        if path == DEFAULT_ALIASES:
            return Aliases()
        raise AliasFileError(f"{path}: no such alias file")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise AliasFileError(f"{path}: not valid YAML ({error})") from error
    if not isinstance(data, dict):
        raise AliasFileError(f"{path}: expected a mapping with 'entities' and 'keep_apart'")
    entities = []
    for number, item in enumerate(data.get("entities") or [], start=1):
        if not isinstance(item, dict) or not isinstance(item.get("canonical"), str):
            raise AliasFileError(f"{path}: entities[{number}] needs a 'canonical' name")
        kind = item.get("type", "PER")
        if kind not in ("PER", "ORG", "LOC", "MISC"):
            raise AliasFileError(f"{path}: entities[{number}] has unknown type {kind!r}")
        variants = tuple(str(v) for v in item.get("variants") or [])
        entities.append(RegistryEntry(item["canonical"], kind, variants))
    pairs = []
    for number, pair in enumerate(data.get("keep_apart") or [], start=1):
        if not isinstance(pair, list) or len(pair) != 2:
            raise AliasFileError(f"{path}: keep_apart[{number}] must be a pair of names")
        pairs.append(frozenset(str(name) for name in pair))
    return Aliases(tuple(entities), frozenset(pairs))


def known_names(entries: Iterable[RegistryEntry]) -> dict[str, tuple[str, str]]:
    """Single words the corpus has resolved, for `extract(known=...)`: each surname of a person
    known by full name (unless two people share it), and one-word names of places and
    organisations, mapped to (canonical name, type)."""
    known: dict[str, tuple[str, str]] = {}
    shared: set[str] = set()
    for entry in sorted(entries, key=lambda e: (e.type, e.canonical)):
        words = {entry.canonical, *entry.variants}
        if entry.type == "PER":
            words |= {_last_word(name) for name in words if " " in name.strip()}
        for word in words:
            if " " in word or not word:
                continue
            if word in known and known[word] != (entry.canonical, entry.type):
                shared.add(word)
            known.setdefault(word, (entry.canonical, entry.type))
    return {word: value for word, value in known.items() if word not in shared}


def assign_canonical(
    names: Iterable[tuple[str, str]] | Mapping[tuple[str, str], int],
    registry: Iterable[RegistryEntry],
    aliases: Aliases | None = None,
) -> dict[tuple[str, str], str]:
    """Map each (document-level canonical name, type) to its corpus-wide canonical name.

    Pass one pair per document that names the entity, or each pair with the number of documents
    that name it (how the warehouse counts a corpus's names): a spelling used by more documents
    wins when no registry entry or alias decides. The result is the same whatever the input order.
    """
    return _Matcher(Counter(names), list(registry), aliases or Aliases()).run()


class _Matcher:
    def __init__(
        self, counts: Counter[tuple[str, str]], registry: list[RegistryEntry], aliases: Aliases
    ) -> None:
        self.counts = counts
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}
        self.names: dict[tuple[str, str], set[str]] = {}
        """Root → the names in its cluster (for keep_apart checks)."""
        self.fixed: dict[tuple[str, str], tuple[int, str]] = {}
        """Root → (priority, name) a user (0) or the registry (1) gave the cluster."""
        self.forbidden = aliases.keep_apart
        alias_set = set(aliases.entities)
        for entry in (*aliases.entities, *sorted(registry, key=lambda e: (e.type, e.canonical))):
            anchor = (entry.canonical, entry.type)
            root = self._find(anchor)
            self.fixed.setdefault(root, (0 if entry in alias_set else 1, entry.canonical))
            for variant in entry.variants:
                self._union(anchor, (variant, entry.type), force=entry in alias_set)

    def run(self) -> dict[tuple[str, str], str]:
        nodes = sorted(set(self.counts) | set(self.parent))
        by_type: dict[str, list[tuple[str, str]]] = {}
        for node in nodes:
            self._find(node)
            by_type.setdefault(node[1], []).append(node)
        for kind, members in by_type.items():
            self._merge_same_key(members)
            self._merge_typos(members)
            if kind == "PER":
                self._merge_surnames(members)
        clusters: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for node in nodes:
            clusters.setdefault(self._find(node), []).append(node)
        result: dict[tuple[str, str], str] = {}
        for root, members in clusters.items():
            name = self._canonical(root, members)
            for member in members:
                if member in self.counts:
                    result[member] = name
        return result

    # -- union-find ------------------------------------------------------------------------

    def _find(self, node: tuple[str, str]) -> tuple[str, str]:
        if node not in self.parent:
            self.parent[node] = node
            self.names[node] = {node[0]}
            return node
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def _union(self, left: tuple[str, str], right: tuple[str, str], *, force: bool = False) -> None:
        a, b = self._find(left), self._find(right)
        if a == b:
            return
        fixed_a, fixed_b = self.fixed.get(a), self.fixed.get(b)
        if not force:
            # Never merge two entities the registry or the aliases already name differently,
            # nor names a user wants kept apart.
            if fixed_a and fixed_b and fixed_a[1] != fixed_b[1]:
                return
            if self.forbidden and any(
                frozenset((x, y)) in self.forbidden for x in self.names[a] for y in self.names[b]
            ):
                return
        keep, drop = (a, b) if len(self.names[a]) >= len(self.names[b]) else (b, a)
        self.parent[drop] = keep
        self.names[keep] |= self.names.pop(drop)
        best = min(f for f in (fixed_a, fixed_b) if f) if fixed_a or fixed_b else None
        self.fixed.pop(drop, None)
        if best:
            self.fixed[keep] = best

    # -- the rules -------------------------------------------------------------------------

    def _merge_same_key(self, members: list[tuple[str, str]]) -> None:
        groups: dict[str, list[tuple[str, str]]] = {}
        for node in members:
            groups.setdefault(_key(node), []).append(node)
        for group in groups.values():
            for node in group[1:]:
                if _compatible(group[0], node):
                    self._union(group[0], node)

    def _merge_typos(self, members: list[tuple[str, str]]) -> None:
        """Keys one edit apart (insertion, deletion, substitution, swap), via shared deletions."""
        index: dict[str, list[tuple[str, str]]] = {}
        for node in members:
            key = _key(node)
            if len(_surname_key(node)) < _MIN_TYPO:
                continue
            for variant in {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}:
                index.setdefault(variant, []).append(node)
        for group in index.values():
            for i, left in enumerate(group):
                for right in group[i + 1 :]:
                    if _key(left) != _key(right) and _compatible(left, right):
                        self._union(left, right)

    def _merge_surnames(self, members: list[tuple[str, str]]) -> None:
        """A bare surname ("Biden") joins the one full name that ends in it."""
        full_by_surname: dict[str, set[tuple[str, str]]] = {}
        for node in members:
            if " " in node[0]:
                full_by_surname.setdefault(_surname_key(node), set()).add(self._find(node))
        for node in members:
            if " " in node[0]:
                continue
            owners = full_by_surname.get(fold(node[0]), set())
            if len(owners) == 1:
                self._union(next(iter(owners)), node)

    def _canonical(self, root: tuple[str, str], members: list[tuple[str, str]]) -> str:
        """The alias or registry name, else the (full) name most documents use."""
        if root in self.fixed:
            return self.fixed[root][1]
        # Documents that call a person by the surname alone vote for that surname's spelling.
        votes: Counter[str] = Counter()
        for member in members:
            votes[_last_word(member[0])] += self.counts.get(member, 0)

        def preference(member: tuple[str, str]) -> tuple[bool, int, str]:
            full = member[1] == "PER" and " " in member[0]
            return (not full, -votes[_last_word(member[0])] - self.counts.get(member, 0), member[0])

        return min(members, key=preference)[0]


def _last_word(name: str) -> str:
    return name.rsplit(None, 1)[-1] if name.strip() else name


def _key(node: tuple[str, str]) -> str:
    return fold(node[0])


def _surname_key(node: tuple[str, str]) -> str:
    return fold(_last_word(node[0]))


def _compatible(left: tuple[str, str], right: tuple[str, str]) -> bool:
    """May these two names be one entity? Guards for short names and different first names."""
    if left[1] != right[1]:
        return False
    a, b = left[0], right[0]
    if a.casefold() == b.casefold() or a.replace("-", " ").casefold() == b.replace("-", " ").casefold():
        return True
    if len(_surname_key(left)) < _MIN_FOLDED or len(_surname_key(right)) < _MIN_FOLDED:
        return False
    if left[1] != "PER":
        return _key(left) == _key(right)
    first_a, first_b = a.split()[:-1], b.split()[:-1]
    if _key(left)[:1] != _key(right)[:1] or _surname_key(left)[:1] != _surname_key(right)[:1]:
        return False
    return _same_first_names(first_a, first_b)


def _same_first_names(first_a: list[str], first_b: list[str]) -> bool:
    if not first_a or not first_b:
        return True
    a, b = fold(first_a[0]), fold(first_b[0])
    initial = len(first_a[0].rstrip(".")) == 1 or len(first_b[0].rstrip(".")) == 1
    if a == b or (initial and a[:1] == b[:1]):
        return True
    return fuzz.ratio(a, b) >= _FIRST_NAME_SIMILARITY
