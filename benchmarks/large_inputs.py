"""Large inputs: what a file of 1, 4 or 16 MB costs before it ends, loaded or refused.

For each shape of text (running text, short lines, one long line, HTML, markdown, mojibake,
paywall prompts) and size, one process times in CPU seconds
- the flow's cleaning of the file (`flows.steps.clean_batch`: decode, clean, or refuse) with
  the configured `max_body_chars`, which refuses all of these sizes: the cost before refusal;
- decoding and cleaning alone with no cap (`decode_bytes` + `clean_document`), which must grow
  in proportion to the size.

    python -m benchmarks.large_inputs [--mb 1 --mb 4 --mb 16] [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from benchmarks.articles import ArticleWriter


def _paragraphs(size: int, rng: random.Random) -> list[str]:
    """About `size` characters of the benchmark corpus's German paragraphs, in articles of 40."""
    paragraphs: list[str] = []
    total = 0
    while total < size:
        writer = ArticleWriter(rng)
        for block in (writer.block() for _ in range(40)):
            paragraphs.append(block.text)
            total += len(block.text) + 2
    return paragraphs


def _text(size: int, rng: random.Random) -> bytes:
    return "\n\n".join(_paragraphs(size, rng)).encode()


def _short_lines(size: int, rng: random.Random) -> bytes:
    """Lines of one or two words, like a page of navigation."""
    words = " ".join(_paragraphs(size // 2, rng)).split()
    return "".join(f"{word}\n" for word in words)[:size].encode()


def _one_line(size: int, rng: random.Random) -> bytes:
    return " ".join(_paragraphs(size, rng)).encode()


def _html(size: int, rng: random.Random) -> bytes:
    body = "".join(f"<p>{p}</p>\n" for p in _paragraphs(size, rng))
    head = "<!DOCTYPE html><html><head><title>Bericht</title></head>"
    return f"{head}<body><article>{body}</article></body></html>".encode()


def _markdown(size: int, rng: random.Random) -> bytes:
    parts = [f"## Abschnitt {n}\n\n{p}\n\n- **Punkt {n}**" for n, p in enumerate(_paragraphs(size, rng))]
    return ("# Bericht\n\n" + "\n\n".join(parts)).encode()


def _mojibake(size: int, rng: random.Random) -> bytes:
    """UTF-8 text that was read as Latin-1 and saved as UTF-8 again (what ftfy repairs)."""
    text = "\n\n".join(p.replace("u", "ü").replace("a", "ä") for p in _paragraphs(size * 3 // 4, rng))
    return text.encode().decode("latin-1").encode()


def _paywall_prompts(size: int, rng: random.Random) -> bytes:
    """Paywall prompts between short lines, with running text at the end."""
    unit = "Diesen Artikel weiterlesen mit Abo\nKurz\n"
    return (unit * (size // len(unit)) + "\n\n".join(_paragraphs(3_000, rng))).encode()


def _related_sections(size: int, rng: random.Random) -> bytes:
    """ "Mehr zum Thema" boxes of short teasers, with running text at the end."""
    unit = "Mehr zum Thema\nKurz gemeldet\n"
    return (unit * (size // len(unit)) + "\n\n".join(_paragraphs(3_000, rng))).encode()


def _flattened(size: int, rng: random.Random) -> bytes:
    """A page whose markup was stripped to one line without sentence marks."""
    return " ".join(p.replace(".", "") for p in _paragraphs(size, rng)).encode()


SHAPES: dict[str, Callable[[int, random.Random], bytes]] = {
    "text": _text,
    "short_lines": _short_lines,
    "one_line": _one_line,
    "html": _html,
    "markdown": _markdown,
    "mojibake": _mojibake,
    "paywall_prompts": _paywall_prompts,
    "related_sections": _related_sections,
    "flattened": _flattened,
}


def measure(
    megabytes: list[float], seed: int = 0, say: Callable[[str], None] = print
) -> list[dict[str, Any]]:
    from flows.steps import clean_batch
    from presseschau.clean import clean_document
    from presseschau.ingest import decode_bytes
    from presseschau.settings import load_settings

    cap = load_settings().max_body_chars
    results = []
    for shape, make in SHAPES.items():
        for mb in megabytes:
            data = make(int(mb * 1_000_000), random.Random(seed))
            raw = pd.DataFrame(
                [{"doc_id": shape, "content": data, "reject_reason": None, "reject_detail": None}]
            )
            started = time.process_time()
            flow_row = clean_batch(raw, cap).iloc[0]
            flow_seconds = time.process_time() - started
            started = time.process_time()
            decoded = decode_bytes(data)
            decode_seconds = time.process_time() - started
            started = time.process_time()
            body = clean_document(decoded.text, decoded.format).body
            clean_seconds = time.process_time() - started
            results.append(
                {
                    "shape": shape,
                    "megabytes": mb,
                    "format": decoded.format,
                    "flow_outcome": flow_row["reject_reason"] or flow_row["status"],
                    "flow_seconds": round(flow_seconds, 3),
                    "decode_seconds": round(decode_seconds, 3),
                    "clean_seconds": round(clean_seconds, 3),
                    "body_chars": len(body),
                }
            )
            say(_line(results[-1]))
    return results


def _line(result: dict[str, Any]) -> str:
    return (
        f"{result['shape']:>15} {result['megabytes']:>5g} MB ({result['format']}): flow "
        f"{result['flow_seconds']:.2f} s → {result['flow_outcome']}; no cap: decode "
        f"{result['decode_seconds']:.2f} s, clean {result['clean_seconds']:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, action="append", help="input size in MB (repeatable)")
    parser.add_argument("--output", help="JSON file for the results")
    args = parser.parse_args()
    results = measure(args.mb or [1, 4, 16])
    if args.output:
        Path(args.output).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
