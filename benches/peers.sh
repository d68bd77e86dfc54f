#!/usr/bin/env bash
# recoupe next to the tools its users would pick instead, on generated corpora of each size
# asked, in one run: datasketch and rensa (PyPI, in a virtual environment made here) and gaoya
# (Rust, the `peer_gaoya` bench target), all with word 5-grams, 128 permutations, Jaccard 0.5;
# and recoupe's own Python package (python/, built here with maturin) three ways: its
# datasketch-shaped MinHashLSH, recoupe.scan in-process, and recoupe.ray.scan on a local Ray
# over the corpus split in parts (up to RAY_UP_TO documents, default 100000).
# For each: wall and CPU time, peak memory, docs/s, MB/s, and cluster-pair precision, recall
# and F1 against the generator's ground truth. Peers run up to PEERS_UP_TO documents (default
# 100000: past it rensa alone needs tens of GiB); recoupe runs at every size. Writes
# reports/benchmarks.md and reports/benchmarks.svg (the chart of the first size).
#
#   benches/peers.sh [DOCUMENTS...]          (default: 10000 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
peers_up_to=${PEERS_UP_TO:-100000}
ray_up_to=${RAY_UP_TO:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 1; }

venv=target/peers-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet datasketch==2.0.0 rensa==0.5.0
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r python/requirements-ci.txt
py="$venv/bin/python"
(cd python && VIRTUAL_ENV="$PWD/../$venv" PATH="$PWD/../$venv/bin:$PATH" maturin develop --release --locked --quiet)
versions=$("$py" -c 'import importlib.metadata as m; print(", ".join(f"{p} {m.version(p)}" for p in ("datasketch", "rensa", "ray")))')

cargo build --release --quiet
gaoya=$(cargo bench --no-run --bench peer_gaoya 2>&1 | grep -o 'target/release/deps/peer_gaoya-[0-9a-f]*' | head -n 1)
gaoya_version=$(grep -A1 '^name = "gaoya"' Cargo.lock | sed -n 's/version = "\(.*\)"/\1/p')
bin=target/release/recoupe

timed() {
  local name=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/$name.time" "$@" > /dev/null
}

tables=""
plan=""
chart=reports/benchmarks.svg
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n.jsonl"
  "$bin" gen -n "$n" --seed 7 -o "$corpus"
  runs=()
  timed recoupe "$bin" --quiet scan "$corpus" --format json --no-passages -o "$work/recoupe.json"
  runs+=("recoupe:$work/recoupe.json:$work/recoupe.time")
  timed recoupe-1-thread "$bin" --quiet --threads 1 scan "$corpus" --format json --no-passages -o "$work/recoupe-1.json"
  runs+=("recoupe-1-thread:$work/recoupe-1.json:$work/recoupe-1-thread.time")
  if [ "$n" -le "$peers_up_to" ]; then
    timed gaoya "$gaoya" "$corpus" "$work/gaoya.tsv"
    timed rensa "$py" benches/peers/peer.py rensa "$corpus" "$work/rensa.tsv"
    timed datasketch "$py" benches/peers/peer.py datasketch "$corpus" "$work/datasketch.tsv"
    timed recoupe-py-scan "$py" benches/peers/peer.py recoupe-py-scan "$corpus" "$work/py-scan.tsv"
    timed recoupe-py-lsh "$py" benches/peers/peer.py recoupe-py-lsh "$corpus" "$work/py-lsh.tsv"
    runs+=("gaoya:$work/gaoya.tsv:$work/gaoya.time"
      "rensa:$work/rensa.tsv:$work/rensa.time"
      "datasketch:$work/datasketch.tsv:$work/datasketch.time"
      "recoupe-py-scan:$work/py-scan.tsv:$work/recoupe-py-scan.time"
      "recoupe-py-lsh:$work/py-lsh.tsv:$work/recoupe-py-lsh.time")
  fi
  if [ "$n" -le "$ray_up_to" ]; then
    # Ray gives each input file to one task: parts let every core sign.
    mkdir -p "$work/parts"
    split -n "l/$(( $(nproc) * 4 ))" -d --additional-suffix=.jsonl "$corpus" "$work/parts/part-"
    timed recoupe-ray env RAY_USAGE_STATS_ENABLED=0 "$py" benches/peers/peer.py recoupe-ray "$work/parts" "$work/ray.tsv"
    runs+=("recoupe-ray:$work/ray.tsv:$work/recoupe-ray.time")
    rm -rf "$work/parts"
    # The largest size Ray ran at plans the 100-million-document run.
    plan=$("$py" benches/peers/plan.py "$corpus" "$work/recoupe.json" "$work/recoupe-ray.time" \
      "$work/recoupe-1-thread.time" "$(nproc)")
  fi
  table=$("$py" benches/peers/score.py "$corpus" "$chart" "${runs[@]}")
  chart=-
  tables+="## $n documents"$'\n\n'"$(echo "$table" | head -n 1)"$'\n\n'"$(echo "$table" | tail -n +2)"$'\n\n'
  rm -f "$corpus" "$work"/*.json "$work"/*.tsv
done

{
  echo "# recoupe next to datasketch, rensa and gaoya"
  echo
  echo "Produced by \`benches/peers.sh ${sizes[*]}\` on $(nproc) cores, $(date -u +%Y-%m-%d); $versions, gaoya $gaoya_version."
  echo "Corpora: \`recoupe gen -n N --seed 7\` (30% edited copies: light and heavy edits, reordered"
  echo "paragraphs, added boilerplate, truncation, an article inside a longer one). Peers run up to"
  echo "$peers_up_to documents."
  echo
  echo "![documents per second at ${sizes[0]} documents](benchmarks.svg)"
  echo
  echo -n "$tables"
  echo "Every tool reads the JSON Lines file and writes its pairs; times are the whole process"
  echo "(/usr/bin/time), peak memory its maximum resident set. recoupe reads the corpus in batches"
  echo "and keeps signatures and metadata, reading again the texts of candidate pairs. Peers: word"
  echo "5-grams of the lowercased text, 128 permutations, LSH at Jaccard 0.5, candidates kept when"
  echo "their estimated Jaccard reaches 0.5; gaoya and rensa use their bulk APIs and gaoya runs on"
  echo "both cores. recoupe: its own defaults (folded words, 5-grams, 128 permutations, Jaccard 0.5"
  echo "or containment 0.8, exact verification). Scores count the pairs inside each tool's clusters"
  echo "(connected components of its pairs). The last column is recoupe's (first row) speed-up."
  echo
  echo "recoupe-py-scan is \`recoupe.scan(path)\` from Python (the command line's pipeline"
  echo "in-process); recoupe-py-lsh the package's datasketch-shaped MinHash/MinHashLSH driven"
  echo "exactly as datasketch is above (same shingles; its own hash functions); recoupe-ray"
  echo "\`recoupe.ray.scan\` on a local Ray (all cores) over the corpus split in $(( $(nproc) * 4 ))"
  echo "parts, start-up of Ray included, up to $ray_up_to documents. Ray on one machine measures the"
  echo "pipeline's overhead, not a cluster's speed: each stage moves through Ray's object store."
  echo "Its CPU time and peak memory are the driver's alone (Ray's workers are not its children)."
  if [ -n "$plan" ]; then
    echo
    echo "$plan"
  fi
} > reports/benchmarks.md
cat reports/benchmarks.md
