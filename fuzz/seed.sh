#!/usr/bin/env bash
# Starting inputs for the fuzzers, made from the bundled corpus (not kept in git: libFuzzer
# grows these directories as it runs).
set -euo pipefail
cd "$(dirname "$0")"
for t in text html jsonl claims compare index; do mkdir -p "corpus/$t"; done
cp ../corpus/*.md corpus/text/
cp ../corpus/*.md corpus/claims/
python3 - <<'PY'
import glob, json
bodies = [open(p, encoding="utf-8").read().split("\n---\n", 1)[1] for p in sorted(glob.glob("../corpus/*.md"))]
with open("corpus/jsonl/seeds.jsonl", "w", encoding="utf-8") as f:
    for i, b in enumerate(bodies):
        f.write(json.dumps({"id": f"s{i}", "text": b[:800], "published": "2024-06-19"}, ensure_ascii=False) + "\n")
paras = "".join(f"<p>{p}</p>" for p in bodies[0][:1500].split("\n") if p)
with open("corpus/html/page.html", "w", encoding="utf-8") as f:
    f.write(f'<!doctype html><html lang="fr"><head><title>T</title></head><body><nav>menu</nav>'
            f"<article><h1>Titre</h1>{paras}</article></body></html>")
with open("corpus/compare/two.txt", "wb") as f:
    f.write(b"\0".join(b[:1200].encode() for b in bodies[:3]))
PY
cargo run --quiet --release --manifest-path ../Cargo.toml -- --quiet index build ../corpus \
  --permutations 16 -o corpus/index/seed.idx
