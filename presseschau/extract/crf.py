"""Linear-chain CRF inference over a CRFsuite model, for many short sequences at once (numpy).

CRFsuite trains the entity tagger (`germeval.train`). Tagging through its Python binding costs a
call per sequence and a string conversion and look-up per feature of every token: most of a
document's extraction time, since a document has a hundred short windows and each token two dozen
features. Here the weights are read from the model file once; the caller sums them per group of
features it can cache (all features of a word type, of a rule label, …), and Viterbi and the
marginals run on all of a document's windows together as array operations.

The model file (`crf1d_model.c` of CRFsuite, little-endian): a 48-byte header with the offsets of
the feature chunk ("FEAT": type, source, target, weight as float64 per feature; type 0 from an
attribute to a label, type 1 from a label to the next) and of the label and attribute string
tables (CQDB chunks whose records, id + size + NUL-terminated string, follow 24 + 256 × 8 bytes of
header and hash-table references).
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.intp]
Bools = npt.NDArray[np.bool_]

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("source", "<u4"), ("target", "<u4"), ("weight", "<f8")])
_CQDB_RECORDS = 24 + 256 * 8
_STATE, _TRANSITION = 0, 1


@dataclass(frozen=True)
class CrfModel:
    labels: tuple[str, ...]
    attributes: dict[str, int]
    """Attribute string → row of `state`."""
    state: Floats
    """Weight of each (attribute, label)."""
    transition: Floats
    """Weight of each (label, next label)."""

    def score(self, features: Iterable[str]) -> Floats:
        """The summed state weights of the features the model knows, one per label (the others
        weigh nothing, as in CRFsuite)."""
        rows = [row for feature in features if (row := self.attributes.get(feature)) is not None]
        return self.state[rows].sum(axis=0) if rows else np.zeros(len(self.labels))


def read_model(path: Path) -> CrfModel:
    """The labels, attributes and weights of a CRFsuite model file."""
    data = path.read_bytes()
    magic, _size, kind, _version, _, num_labels, num_attrs, off_features, off_labels, off_attrs, *_ = (
        _HEADER.unpack_from(data)
    )
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path}: not a CRFsuite linear-chain model")
    count = struct.unpack_from("<I", data, off_features + 8)[0]
    features = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_features + 12)
    state = np.zeros((num_attrs, num_labels))
    transition = np.zeros((num_labels, num_labels))
    kept = features[features["type"] == _STATE]
    np.add.at(state, (kept["source"], kept["target"]), kept["weight"])
    moves = features[features["type"] == _TRANSITION]
    np.add.at(transition, (moves["source"], moves["target"]), moves["weight"])
    labels = _strings(data, off_labels, num_labels)
    return CrfModel(
        labels=tuple(labels[k] for k in range(num_labels)),
        attributes={name: number for number, name in _strings(data, off_attrs, num_attrs).items()},
        state=state,
        transition=transition,
    )


def _strings(data: bytes, offset: int, count: int) -> dict[int, str]:
    """Id → string of the records of a CQDB chunk."""
    found = {}
    position = offset + _CQDB_RECORDS
    for _ in range(count):
        number, size = struct.unpack_from("<iI", data, position)
        found[number] = data[position + 8 : position + 7 + size].decode("utf-8")
        position += 8 + size
    return found


def viterbi(emissions: Floats, lengths: Ints, transition: Floats) -> Ints:
    """The best label sequence of each padded sequence: `emissions` (sequences, positions,
    labels), sorted by length, longest first. Ties go to the lower label, as in CRFsuite."""
    count, longest, labels = emissions.shape
    # Sequences still running at each position: a prefix of the rows, as they are sorted.
    active = (count - np.cumsum(np.bincount(lengths, minlength=longest))[:longest]).tolist()
    best = emissions[:, 0].copy()
    back = np.zeros((count, longest, labels), dtype=np.intp)
    for position in range(1, longest):
        rows = active[position]
        candidates = best[:rows, :, None] + transition  # (sequence, previous label, label)
        back[:rows, position] = candidates.argmax(axis=1)
        # The maximum is the very element argmax chose: the same float, without gathering it.
        best[:rows] = candidates.max(axis=1) + emissions[:rows, position]
    path = np.zeros((count, longest), dtype=np.intp)
    current = best.argmax(axis=1)
    numbers = np.arange(count)
    for position in range(longest - 1, 0, -1):
        rows = active[position]
        path[:rows, position] = current[:rows]
        current[:rows] = back[numbers[:rows], position, current[:rows]]
    path[:, 0] = current
    return path


def marginals(emissions: Floats, lengths: Ints, transition: Floats) -> Floats:
    """P(label at position | sequence) for each padded sequence, laid out as for `viterbi`:
    forward-backward, each step rescaled to sum 1 (as CRFsuite does) so that nothing overflows."""
    count, longest, _ = emissions.shape
    active = (count - np.cumsum(np.bincount(lengths, minlength=longest))[:longest]).tolist()
    state = np.exp(emissions - emissions.max(axis=2, keepdims=True))
    moves = np.exp(transition)
    forward = state.copy()
    forward[:, 0] /= forward[:, 0].sum(axis=1, keepdims=True)
    for position in range(1, longest):
        rows = active[position]
        step = (forward[:rows, position - 1] @ moves) * state[:rows, position]
        forward[:rows, position] = step / step.sum(axis=1, keepdims=True)
    backward = np.ones_like(state)
    for position in range(longest - 2, -1, -1):
        rows = active[position + 1]
        step = (state[:rows, position + 1] * backward[:rows, position + 1]) @ moves.T
        backward[:rows, position] = step / step.sum(axis=1, keepdims=True)
    joint = forward * backward
    return joint / joint.sum(axis=2, keepdims=True)
