#!/usr/bin/env bash
# Query-mode benchmark: 1,000 new documents checked against a reference of 100,000, from an
# index and from the texts, with wall time, CPU time and peak memory of each step. Writes the
# table to reports/gate-query.md (and prints it).
#
#   benches/gate_query.sh [REFERENCE_DOCS] [NEW_DOCS]     (defaults 100000 1000)
#
# The corpus comes from `recoupe gen` (seeded): the new documents are its last ones, so some
# are edited copies of reference documents, as drafts reusing an archive would be.
set -euo pipefail
cd "$(dirname "$0")/.."
reference=${1:-100000}
new=${2:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=target/release/recoupe
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 1; }

"$bin" gen -n $((reference + new)) --seed 11 -o "$work/all.jsonl"
head -n "$reference" "$work/all.jsonl" > "$work/reference.jsonl"
tail -n "$new" "$work/all.jsonl" > "$work/new.jsonl"

rows=()
# Runs a step under /usr/bin/time and keeps: name, wall s, CPU s, peak MiB, exit code.
step() {
  local name=$1
  shift
  local code=0
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > "$work/out" 2> "$work/err" || code=$?
  if [ "$code" -ge 2 ]; then
    cat "$work/err" >&2
    echo "step '$name' failed (exit $code)" >&2
    exit 1
  fi
  # /usr/bin/time puts "Command exited with non-zero status" before the figures.
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  rows+=("| $name | $wall | $(printf "%.2f" "$(echo "$user + $sys" | bc)") | $((rss / 1024)) | $code |")
}

step "index build ($reference documents)" "$bin" --quiet index build "$work/reference.jsonl" -o "$work/reference.idx"
step "gate $new new --against the index" "$bin" --quiet gate "$work/new.jsonl" --against "$work/reference.idx" --format json -o "$work/from-index.json"
step "same, duplicates only (--max-conflicts off)" "$bin" --quiet gate "$work/new.jsonl" --against "$work/reference.idx" --max-conflicts off --format json -o "$work/dups-only.json"
step "gate $new new --against the texts" "$bin" --quiet gate "$work/new.jsonl" --against "$work/reference.jsonl" --format json -o "$work/from-texts.json"

# The index must answer as the texts do.
if ! cmp -s <(grep -v '"version"' "$work/from-index.json") <(grep -v '"version"' "$work/from-texts.json"); then
  echo "the index and the texts gave different findings" >&2
  exit 1
fi
findings=$(grep -c '"rule": "near-duplicate"\|"rule": "containment"' "$work/from-index.json" || true)
index_mib=$(( $(stat -c %s "$work/reference.idx") / 1048576 ))
text_mib=$(( $(stat -c %s "$work/reference.jsonl") / 1048576 ))

{
  echo "# Query mode: $new new documents against $reference"
  echo
  echo "Produced by \`benches/gate_query.sh $reference $new\` on $(nproc) cores ($(date -u +%Y-%m-%d))."
  echo "Reference: $text_mib MiB of JSON Lines from \`recoupe gen\`; its index: $index_mib MiB."
  echo "Pair findings (same from the index and from the texts): $findings."
  echo
  echo "| step | wall s | CPU s | peak MiB | exit |"
  echo "| --- | --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Exit 1 is the gate tripping on the copies, as it should."
} | tee reports/gate-query.md
