#!/usr/bin/env bash
# Throughput and memory benchmark on the shared corpora. Prints a Markdown
# table; BENCHMARKS.md records the results.
#
#   bench/run.sh            # full run (ant-news 98 MB, a 1 GB repeat, saudinewsnet)
#   QUICK=1 bench/run.sh    # skip the 1 GB run
#   PGO=1 bench/run.sh      # time the profile-guided build of bench/pgo.sh
#
# Needs: ../shared/corpus beside the repository, ripgrep, python3,
# /usr/bin/time (installed with apt-get when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus}
eval_dir=${EVAL:-../shared/eval}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null; }; }
need rg ripgrep
need python3 python3
[ -x /usr/bin/time ] || { apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null; }

if [ -n "${PGO:-}" ]; then
    isnad=$(bench/pgo.sh)
else
    # The build for corpus-scale runs (Cargo.toml): --release with
    # whole-program optimisation.
    cargo build --profile release-lto --quiet
    isnad=target/release-lto/isnad
fi
echo "binary: $isnad"

# The floor: only finding the common markers.
markers='قال|قالت|يقول|تقول|أضاف|أضافت|تابع|تابعت|أكد|أكدت|أشار|أشارت|أوضح|أوضحت|صرح|ذكر|ذكرت|أعلن|أعلنت|وفق|وفقا|حسب|بحسب|حسبما'

zcat "$corpus/ant-news.jsonl.gz" > "$work/ant.jsonl"
zcat "$corpus/saudinewsnet.jsonl.gz" > "$work/snn.jsonl"
mb() { python3 -c "import os,sys; print(os.path.getsize(sys.argv[1])/1e6)" "$1"; }

# run NAME CMD...: wall seconds and peak RSS (KB) of one command, best of 3.
run() {
    local name=$1; shift
    local best=999999 rss=0
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$work/t" "$@" > /dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
        read -r secs kb < "$work/t"
        if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$secs" "$best"; then best=$secs; rss=$kb; fi
    done
    echo "$name $best $rss"
}

ant_mb=$(mb "$work/ant.jsonl")
snn_mb=$(mb "$work/snn.jsonl")
{
    run isnad_2t "$isnad" extract "$work/ant.jsonl" -o "$work/out.csv" -q --threads 2
    run isnad_1t "$isnad" extract "$work/ant.jsonl" -o "$work/out.csv" -q --threads 1
    run rg rg -o "$markers" "$work/ant.jsonl"
    run isnad_snn "$isnad" extract "$work/snn.jsonl" -o "$work/out.csv" -q
} > "$work/results"
base_secs=$(/usr/bin/time -f "%e" python3 "$eval_dir/baseline_re.py" "$work/snn.jsonl" 2>&1 >/dev/null | tail -1)

if [ -z "${QUICK:-}" ]; then
    for _ in $(seq 10); do cat "$work/ant.jsonl"; done > "$work/big.jsonl"
    big_mb=$(mb "$work/big.jsonl")
    /usr/bin/time -f "%e %M" -o "$work/t" "$isnad" extract "$work/big.jsonl" -o "$work/big.csv" -q
    read -r big_secs big_kb < "$work/t"
fi

python3 - "$work/results" "$ant_mb" "$snn_mb" "$base_secs" "${big_mb:-0}" "${big_secs:-0}" "${big_kb:-0}" <<'PY'
import sys
rows = {l.split()[0]: (float(l.split()[1]), int(l.split()[2])) for l in open(sys.argv[1])}
ant, snn, base = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
big_mb, big_s, big_kb = float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
t2, r2 = rows["isnad_2t"]; t1, r1 = rows["isnad_1t"]; trg, rrg = rows["rg"]; tsnn, rsnn = rows["isnad_snn"]
print("| measurement | time (s) | MB/s | peak RSS (MB) |")
print("| --- | --- | --- | --- |")
print(f"| isnad extract, ant-news {ant:.0f} MB, 2 threads | {t2:.2f} | {ant/t2:.1f} | {r2/1024:.0f} |")
print(f"| isnad extract, ant-news, 1 thread | {t1:.2f} | {ant/t1:.1f} | {r1/1024:.0f} |")
print(f"| rg -o markers, ant-news | {trg:.2f} | {ant/trg:.1f} | {rrg/1024:.0f} |")
print(f"| isnad extract, saudinewsnet {snn:.0f} MB, 2 threads | {tsnn:.2f} | {snn/tsnn:.1f} | {rsnn/1024:.0f} |")
print(f"| baseline_re.py, saudinewsnet | {base:.2f} | {snn/base:.1f} | - |")
if big_mb:
    print(f"| isnad extract, ant-news x10 ({big_mb:.0f} MB), 2 threads | {big_s:.2f} | {big_mb/big_s:.1f} | {big_kb/1024:.0f} |")
print()
print(f"- isnad / rg time ratio: {t2/trg:.2f}")
print(f"- 2 threads vs 1 thread: {t1/t2:.2f}x")
print(f"- isnad vs baseline_re.py on saudinewsnet: {base/tsnn:.1f}x faster")
PY
