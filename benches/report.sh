#!/usr/bin/env bash
# The report at the scale of a newsroom archive: `gen --news` corpora of increasing size, each
# through `scan` and `report` (JSON, as a pipeline reads it), timed with /usr/bin/time, and the
# report scored against the planted facts (benches/news_truth.py); then 2,000 articles about
# one event on one day. Writes reports/report-scale.md.
#
#   benches/report.sh                          # 1,000, 10,000 and 100,000 documents
#   REPORT_SIZES="1000 10000 100000 1000000" benches/report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/recoupe"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sizes="${REPORT_SIZES:-1000 10000 100000}"
cores="$(nproc)"

# Wall seconds, CPU seconds (user + system) and peak memory (MB) of a command.
timed() {
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null
    read -r wall user sys kb <"$work/time"
    echo "$wall $(python3 -c "print(round($user + $sys, 1))") $((kb / 1024))"
}

rows=()
one() {
    local name="$1" corpus="$2" truth="$3"
    local mb
    mb="$(python3 -c "import os; print(round(os.path.getsize('$corpus') / 1e6, 1))")"
    read -r swall scpu smem < <(timed "$bin" scan -q "$corpus" -o "$work/scan.md")
    read -r rwall rcpu rmem < <(timed "$bin" report -q --format json "$corpus" -o "$work/report.json")
    local score
    score="$(python3 benches/news_truth.py "$work/report.json" "$truth" --json)"
    local recall accuracy false_conflicts conflicts
    read -r recall accuracy false_conflicts conflicts < <(python3 -c "
import json, sys
s = json.loads(sys.argv[1])
print(f\"{s['slot_recall']:.3f} {s['verdict_accuracy']:.3f} {s['false_conflicts']} {s['conflict_slots']}\")" "$score")
    local ratio rate
    ratio="$(python3 -c "print(round($rwall / max($swall, 0.01), 2))")"
    rate="$(python3 -c "print(round($mb / max($rwall, 0.01), 1))")"
    rows+=("| $name | $mb | $swall | $smem | $rwall | $rcpu | $rmem | $ratio | $rate | $recall | $accuracy | $false_conflicts / $conflicts |")
    echo "$name: scan ${swall}s ${smem}MB, report ${rwall}s ${rmem}MB, recall $recall, verdicts $accuracy" >&2
}

for n in $sizes; do
    "$bin" gen --news -q -n "$n" -o "$work/news.jsonl" --truth "$work/truth.jsonl"
    one "$n documents" "$work/news.jsonl" "$work/truth.jsonl"
done
"$bin" gen --news -q -n 2000 --events 1 -o "$work/one.jsonl" --truth "$work/one-truth.jsonl"
one "2,000 about one event" "$work/one.jsonl" "$work/one-truth.jsonl"

{
    echo "# The report at scale"
    echo
    echo "Written by \`benches/report.sh\` on $(date -u +%Y-%m-%d), $cores cores, $(git rev-parse --short HEAD)."
    echo "Corpora from \`recoupe gen --news -n N\` (seed 7: French news, about seven articles per"
    echo "event, twelve events a day, planted facts in \`--truth\`); the last row is \`--events 1\`."
    echo "Wall and CPU in seconds, peak memory (RSS) in MiB; the ratio is report wall over scan wall;"
    echo "MB/s is the corpus size over the report's wall time. Recall: planted facts whose sources"
    echo "share a slot (both sides of a planted difference); verdicts: planted facts whose slot has"
    echo "the planted verdict, over all planted facts; false conflicts: conflict slots holding no"
    echo "planted conflict, over all conflict slots (\`benches/news_truth.py\`)."
    echo
    echo "| corpus | MB | scan wall | scan MiB | report wall | report CPU | report MiB | ratio | MB/s | slot recall | verdicts | false conflicts |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
} >reports/report-scale.md
echo "wrote reports/report-scale.md" >&2
