import dataclasses
import inspect
import random

import pytest

from presseschau.clean.blocks import Block

# The plain reading: a frozen dataclass with Block's fields and the `__init__` dataclasses writes.
_Reference = dataclasses.make_dataclass(
    "_Reference",
    [
        (field.name, field.type, dataclasses.field(default=field.default))
        for field in dataclasses.fields(Block)
    ],
    frozen=True,
)


def test_block_init_matches_a_plain_frozen_dataclass() -> None:
    # The hand-written `__init__` takes the fields in order, with the fields' defaults.
    parameters = list(inspect.signature(Block).parameters.values())
    assert [(p.name, p.default) for p in parameters] == [
        (f.name, f.default if f.default is not dataclasses.MISSING else inspect.Parameter.empty)
        for f in dataclasses.fields(Block)
    ]
    chance = random.Random(7)
    for _ in range(500):
        values = {
            "text": "".join(chance.choice("ab \t.\n") for _ in range(chance.randrange(6))),
            "kind": chance.choice(["p", "h", "li", "quote", "row"]),
            "links": chance.choice([0.0, 0.5, 1.0]),
            "level": chance.randrange(4),
            "targets": tuple(chance.choice(["/a", "/b"]) for _ in range(chance.randrange(3))),
            "set_off": chance.random() < 0.5,
        }
        given = dict(chance.sample(sorted(values.items()), chance.randrange(1, 7)))
        given.setdefault("text", values["text"])
        block, reference = Block(**given), _Reference(**given)
        assert vars(block) == vars(reference)
        assert repr(block).removeprefix("Block") == repr(reference).removeprefix("_Reference")
        assert block == Block(**given) and hash(block) == hash(Block(**given))
        assert dataclasses.replace(block, kind="h") == Block(**{**given, "kind": "h"})
        positional = [values[f.name] for f in dataclasses.fields(Block)]
        assert vars(Block(*positional)) == vars(_Reference(*positional))
        with pytest.raises(dataclasses.FrozenInstanceError):
            block.text = "x"  # type: ignore[misc]
