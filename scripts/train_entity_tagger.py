"""Train the entity tagger's CRF on GermEval 2014 and write presseschau/data/extract_entity_tagger.crfsuite.

Run: .venv/bin/python scripts/train_entity_tagger.py [--evaluate]

The model is trained on the whole development set that ships in data/germeval2014/ (CC-BY 4.0,
D. Benikova, C. Biemann, M. Reznicek), with the rules' labels as input: retrain it whenever the
rules or the word lists change. `--evaluate` first trains on each half and scores the other half,
which is what the model does on sentences it has not seen; training is deterministic. `--folds N`
adds N-fold cross-validation, `--curve` its learning curve (F1 by number of training sentences).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from presseschau.extract.germeval import DEV_SET, cross_validate, score, select, table, train
from presseschau.extract.tagger import MODEL_PATH


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tsv", type=Path, default=DEV_SET)
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    parser.add_argument("--evaluate", action="store_true", help="score each half with a model of the other")
    parser.add_argument("--folds", type=int, default=0, help="also score N-fold cross-validation")
    parser.add_argument(
        "--curve", action="store_true", help="with --folds: F1 by share of the training sentences"
    )
    args = parser.parse_args()
    if args.folds:
        sentences = select(args.tsv)
        training = len(sentences) * (args.folds - 1) // args.folds
        for share in (0.125, 0.25, 0.5, 1.0) if args.curve else (1.0,):
            print(f"{args.folds}-fold, {round(training * share)} training sentences per fold:")
            print(table(cross_validate(sentences, args.folds, share)))
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
