#!/usr/bin/env bash
# The inputs that once exhausted recoupe, timed: many short documents naming nobody, a large
# generated corpus through `report`, thousands of names in one document, thousands of quotes in
# one sentence, and hostile HTML. Writes reports/bounds.md (wall time, peak memory, output size).
#
#   benches/bounds.sh            # all cases
#   BOUNDS_GEN=5000 benches/bounds.sh   # a smaller generated corpus
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/recoupe"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
gen_n="${BOUNDS_GEN:-20000}"

python3 - "$work" <<'PY'
import json, random, sys
work = sys.argv[1]
random.seed(3)
places = ["salle", "mairie", "stade", "concert", "marché", "réunion", "école", "gare", "parc", "musée"]
with open(f"{work}/short.jsonl", "w", encoding="utf-8") as f:
    for i in range(100_000):
        a, b = random.choice(places), random.choice(places)
        text = f"il y avait {random.randint(10, 900)} personnes dans la {a} et la {b} hier soir."
        f.write(json.dumps({"id": f"d{i}", "text": text, "published": "2024-06-%02d" % random.randint(1, 28)}, ensure_ascii=False) + "\n")
syl = ["ka", "lo", "mi", "ra", "te", "no", "vu", "zi", "pe", "do", "su", "ga"]
name = lambda: "".join(random.choice(syl) for _ in range(3)).capitalize()
with open(f"{work}/names.txt", "w", encoding="utf-8") as f:
    f.write(" ".join(f"{name()} {name()} est venu." for _ in range(10_000)))
with open(f"{work}/quotes.txt", "w", encoding="utf-8") as f:
    f.write("Il a dit " + " ".join(f"« voici le mot numero {i} de la liste »," for i in range(10_000)) + " selon Jean Dupont.")
with open(f"{work}/deep.html", "w") as f:
    f.write("<body>" + "<div>" * 100_000 + "bas" + "</div>" * 100_000 + "</body>")
with open(f"{work}/attrs.html", "w") as f:
    f.write("<body><p" + "".join(f" a{i}=x" for i in range(500_000)) + ">texte</p></body>")
PY
"$bin" gen -n "$gen_n" --seed 7 -o "$work/gen.jsonl"

rows=()
run() {
  local label="$1"; shift
  local out="$work/out"
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" -o "$out" >/dev/null 2>"$work/err" || true
  read -r wall kb < <(tail -n 1 "$work/time")
  local size
  size=$(stat -c %s "$out" 2>/dev/null || echo 0)
  rows+=("| $label | $wall s | $((kb / 1024)) MiB | $(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }') MiB |")
  rm -f "$out"
}
run "report, 100,000 short documents naming nobody" "$bin" --quiet report "$work/short.jsonl" --format json
run "gate (default checks), the same" "$bin" --quiet gate "$work/short.jsonl" --no-config
run "report, $gen_n generated documents (recoupe gen --seed 7)" "$bin" --quiet report "$work/gen.jsonl" --format json
run "claims, 10,000 names in one document" "$bin" --quiet claims "$work/names.txt" --format json
run "claims, 10,000 quotes in one sentence" "$bin" --quiet claims "$work/quotes.txt" --format json
run "scan, 100,000 nested <div> and 500,000 attributes (HTML)" "$bin" --quiet scan "$work/deep.html" "$work/attrs.html"

mkdir -p reports
{
  echo "# Bounds: inputs that once exhausted recoupe"
  echo
  echo "\`benches/bounds.sh\` on $(nproc) cores, $(date -u +%Y-%m-%d), recoupe $("$bin" --version | cut -d' ' -f2)."
  echo
  echo "| case | wall | peak memory | output |"
  echo "|---|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} > reports/bounds.md
cat reports/bounds.md
