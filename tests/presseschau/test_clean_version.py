"""Cleaning's version moves with its output.

A run cleans a stored document again only when `presseschau.clean.VERSION` differs from the
one that cleaned it (flows/inputs.py), so a change that makes something else of the same input
must raise the version. This test holds it to that: it fingerprints what cleaning makes of every
corpus page in every shape and of the samples, and fails when the output changed but the version
did not. After a change to the output, raise VERSION and record the fingerprint it prints.
"""

from __future__ import annotations

import hashlib
from dataclasses import astuple
from pathlib import Path

from presseschau.clean import VERSION, clean_document
from presseschau.corpus.build import build
from presseschau.ingest import decode_bytes
from tests.conftest import SAMPLES

# VERSION → fingerprint of its output on the samples and the corpus.
FINGERPRINTS = {
    1: "f0f7322f5aef848bb1751806855e4b067fef59c87a2a128ec2d5ec63abb1956a",
    2: "b9f699dc18dfe720bfce6573956832ad4caa413b8fdd566c1a9b2abc918f9f30",
    3: "6e8d3bee08691c9855ad36ec8f3b5078160e99c422e385fa8b9a4c85d7762704",
    4: "4b6debc362df3c5b1b1c2aab216b8720caebcf45c74af005c0f9c0709f72fe54",
    5: "d32256c7e41eca27e92947957dc19cf2a4e10d22cd6d4ffc73f82cbc47f4b158",
    6: "e1a200123503dcaebd440e9a66ab1651eee68f64be3b5d9e3bc63475e360b525",
    7: "8c213c4b1f169cbbb53c680fa734b103bbefd7109eb1e66ac76411bdd89d81a8",
    8: "cf9b8efd5e6460ae939172ba3c837e9dec9359d66cf9455f5f56783246b06f16",
    9: "2dcabd1af7dce8d21fe2707aae51ecea00613f98036015ebd2eced7582bba506",
    10: "2c529431e26c50bb09a6abe95879364f854df6643cce3b29a59e4840ebcd810e",
    11: "da91ed5c3de80a66279112042a437f7e3afe00fd342c50641feb39f65d54de74",
    12: "98bd25110a18eda9f87e5d0b49925c75b4440eebba3e27605a26d6a6d1d858e2",
    13: "acd0a3bfeac4dc60ff7cda806523eb569a46becf7d32b6e2b2c9fd3af238df36",
}


def _fingerprint(inputs: list[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for name, content in inputs:
        decoded = decode_bytes(content)
        digest.update(
            repr((name, decoded.format, astuple(clean_document(decoded.text, decoded.format)))).encode()
        )
    return digest.hexdigest()


def test_cleaning_output_changes_only_with_its_version(corpus_dir: Path) -> None:
    samples = [(path.name, path.read_bytes()) for path in sorted(SAMPLES.iterdir())]
    pages = [(f"{page.name} {page.shape}", page.content) for page in build(corpus_dir)]
    fingerprint = _fingerprint(samples + pages)
    assert fingerprint == FINGERPRINTS.get(VERSION), (
        f"cleaning's output is not what version {VERSION} made: raise presseschau.clean.VERSION "
        f"and record {fingerprint!r} for it in FINGERPRINTS"
    )
