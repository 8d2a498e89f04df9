#!/usr/bin/env python3
"""Prints claims, drawn at random, whose speaker or outlet differs between
two isnad CSVs of the same corpus, each with the text before it, for judging
a rule change by hand.

    python3 bench/sample_changes.py CORPUS.jsonl BEFORE.csv AFTER.csv SEED N [CONTEXT]

Claims are matched by doc_id, start and end; CONTEXT is how many characters
before the claim to show (500 by default). The same seed gives the same
sample for the same CSVs. A summary line first counts the claims gained,
lost and changed.
"""
import csv
import json
import random
import sys


def load(path):
    with open(path, encoding="utf-8", newline="") as f:
        return {(r["doc_id"], r["start"], r["end"]): r for r in csv.DictReader(f)}


def main() -> None:
    corpus, before_csv, after_csv = sys.argv[1], sys.argv[2], sys.argv[3]
    seed, n = int(sys.argv[4]), int(sys.argv[5])
    context = int(sys.argv[6]) if len(sys.argv) > 6 else 500
    before, after = load(before_csv), load(after_csv)
    changed = sorted(
        k for k in before if k in after and (before[k]["speaker"], before[k]["outlet"]) != (after[k]["speaker"], after[k]["outlet"])
    )
    gained = sum(1 for k in after if k not in before)
    lost = sum(1 for k in before if k not in after)
    print(f"changed {len(changed)} gained {gained} lost {lost}")
    random.seed(seed)
    picked = random.sample(changed, min(n, len(changed)))
    wanted = {k[0] for k in picked}
    docs = {}
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if str(d["id"]) in wanted:
                docs[str(d["id"])] = d["text"]
    for i, k in enumerate(picked):
        text, s = docs[k[0]], int(k[1])
        b, a = before[k], after[k]
        print(f"#{i} {k[0]} [{b['speaker']}|{b['outlet']}] => [{a['speaker']}|{a['outlet']}]")
        print("   ..." + text[max(0, s - context):s].replace("\n", " ⏎ ") + f" <<{text[s:s + 100]}>>")


if __name__ == "__main__":
    main()
