#!/usr/bin/env bash
# Builds target/pgo/release-lto/isnad with profile-guided optimisation: an
# instrumented build runs over arabic-newspapers (a corpus the benchmark does
# not time), and the release-lto build then uses that profile. About 4 minutes
# on two cores; the output is byte-identical to the plain build.
#
#   bench/pgo.sh                  # prints the binary's path
#   PGO=1 bench/run.sh            # benchmarks it instead of the plain build
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus}
profdata="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/llvm-profdata"
[ -x "$profdata" ] || rustup component add llvm-tools >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

RUSTFLAGS="-Cprofile-generate=$work/profile" cargo build --profile release-lto --quiet --target-dir target/pgo-gen
zcat "$corpus/arabic-newspapers.jsonl.gz" > "$work/train.jsonl"
target/pgo-gen/release-lto/isnad extract "$work/train.jsonl" -o "$work/train.csv" -q
"$profdata" merge -o "$work/isnad.profdata" "$work/profile"
RUSTFLAGS="-Cprofile-use=$work/isnad.profdata" cargo build --profile release-lto --quiet --target-dir target/pgo
echo target/pgo/release-lto/isnad
