#!/usr/bin/env bash
# recoupe next to the tools its users would pick instead, on one generated corpus in one run:
# datasketch and rensa (PyPI, in a virtual environment made here) and gaoya (Rust, the
# `peer_gaoya` bench target). Same shingles (word 5-grams), 128 permutations, Jaccard 0.5.
# For each: wall and CPU time, peak memory, docs/s, MB/s, and cluster-pair precision, recall
# and F1 against the generator's ground truth. Writes reports/benchmarks.md and .svg.
#
#   benches/peers.sh [DOCUMENTS]          (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 1; }

venv=target/peers-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet datasketch==2.0.0 rensa==0.5.0
fi
py="$venv/bin/python"
versions=$("$py" -c 'import importlib.metadata as m; print(", ".join(f"{p} {m.version(p)}" for p in ("datasketch", "rensa")))')

cargo build --release --quiet
gaoya=$(cargo bench --no-run --bench peer_gaoya 2>&1 | grep -o 'target/release/deps/peer_gaoya-[0-9a-f]*' | head -n 1)
gaoya_version=$(grep -A1 '^name = "gaoya"' Cargo.lock | sed -n 's/version = "\(.*\)"/\1/p')
bin=target/release/recoupe

"$bin" gen -n "$n" --seed 7 -o "$work/corpus.jsonl"

timed() {
  local name=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/$name.time" "$@" > /dev/null
}
timed recoupe "$bin" --quiet scan "$work/corpus.jsonl" --format json --no-passages -o "$work/recoupe.json"
timed recoupe-1-thread "$bin" --quiet --threads 1 scan "$work/corpus.jsonl" --format json --no-passages -o "$work/recoupe-1.json"
timed gaoya "$gaoya" "$work/corpus.jsonl" "$work/gaoya.tsv"
timed rensa "$py" benches/peers/peer.py rensa "$work/corpus.jsonl" "$work/rensa.tsv"
timed datasketch "$py" benches/peers/peer.py datasketch "$work/corpus.jsonl" "$work/datasketch.tsv"

table=$("$py" benches/peers/score.py "$work/corpus.jsonl" reports \
  "recoupe:$work/recoupe.json:$work/recoupe.time" \
  "recoupe-1-thread:$work/recoupe-1.json:$work/recoupe-1-thread.time" \
  "gaoya:$work/gaoya.tsv:$work/gaoya.time" \
  "rensa:$work/rensa.tsv:$work/rensa.time" \
  "datasketch:$work/datasketch.tsv:$work/datasketch.time")

{
  echo "# recoupe next to datasketch, rensa and gaoya"
  echo
  echo "Produced by \`benches/peers.sh $n\` on $(nproc) cores, $(date -u +%Y-%m-%d); $versions, gaoya $gaoya_version."
  echo "Corpus: \`recoupe gen -n $n --seed 7\` (30% edited copies: light and heavy edits, reordered"
  echo "paragraphs, added boilerplate, truncation, an article inside a longer one)."
  echo
  echo "$table" | head -n 1
  echo
  echo "$table" | tail -n +2
  echo
  echo "![documents per second](benchmarks.svg)"
  echo
  echo "Every tool reads the JSON Lines file and writes its pairs; times are the whole process"
  echo "(/usr/bin/time). Peers: word 5-grams of the lowercased text, 128 permutations, LSH at"
  echo "Jaccard 0.5, candidates kept when their estimated Jaccard reaches 0.5; gaoya and rensa use"
  echo "their bulk APIs and gaoya runs on both cores. recoupe: its own defaults (folded words,"
  echo "5-grams, 128 permutations, Jaccard 0.5 or containment 0.8, exact verification)."
  echo "Scores count the pairs inside each tool's clusters (connected components of its pairs)."
} > reports/benchmarks.md
cat reports/benchmarks.md
