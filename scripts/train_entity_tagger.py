"""Train the entity tagger's CRF on GermEval 2014 and write presseschau/data/extract_entity_tagger.crfsuite.

Run: .venv/bin/python scripts/train_entity_tagger.py [--evaluate]

The model is trained on the whole development set that ships in data/germeval2014/ (CC-BY 4.0,
D. Benikova, C. Biemann, M. Reznicek), with the rules' labels as input: retrain it whenever the
rules or the word lists change. `--evaluate` first trains on each half and scores the other half,
which is what the model does on sentences it has not seen; training is deterministic.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from presseschau.extract.germeval import DEV_SET, score, select, table, train
from presseschau.extract.tagger import MODEL_PATH


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tsv", type=Path, default=DEV_SET)
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    parser.add_argument("--evaluate", action="store_true", help="score each half with a model of the other")
    args = parser.parse_args()
    if args.evaluate:
        with tempfile.TemporaryDirectory() as tmp:
            for trained, scored in (("tune", "holdout"), ("holdout", "tune")):
                model = Path(tmp) / f"{trained}.crfsuite"
                train(select(args.tsv, trained), model)
                print(f"trained on {trained}, scored on {scored}:")
                print(table(score(args.tsv, part=scored, model=model)))
    train(select(args.tsv), args.output)
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
