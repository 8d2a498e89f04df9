#!/usr/bin/env python3
"""Prints claims drawn at random from an isnad CSV, each with the text before
it, for checking attribution by hand on articles without gold.

    python3 bench/sample_claims.py CORPUS.jsonl CLAIMS.csv SEED N [EXCLUDE.jsonl]

CORPUS.jsonl is the input isnad read (id and text fields), CLAIMS.csv its
output; documents whose id is in EXCLUDE.jsonl (the development set by
default) are left out, so the sample is held out. The same seed gives the same
sample for the same CSV.
"""
import csv
import json
import random
import sys


def main() -> None:
    corpus, pred, seed, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    exclude = sys.argv[5] if len(sys.argv) > 5 else "../shared/eval/dev.jsonl"
    try:
        held = {json.loads(line)["id"] for line in open(exclude, encoding="utf-8")}
    except OSError:
        held = set()
    docs = {}
    for line in open(corpus, encoding="utf-8"):
        d = json.loads(line)
        docs[str(d["id"])] = d["text"]
    rows = [r for r in csv.DictReader(open(pred, encoding="utf-8")) if r["doc_id"] not in held]
    random.seed(seed)
    for i, r in enumerate(random.sample(rows, min(n, len(rows)))):
        text = docs[r["doc_id"]]
        s, e = int(r["start"]), int(r["end"])
        before = text[max(0, s - 220):s].replace("\n", " ⏎ ")
        print(f"#{i} {r['doc_id']} speaker=[{r['speaker']}] type={r['speaker_type']} "
              f"title=[{r['speaker_title']}] outlet=[{r['outlet']}] cue={r['cue_text']}")
        print(f"   ...{before} <<{text[s:e][:160]}>>")


if __name__ == "__main__":
    main()
