"""Scores each tool's pairs against the generator's ground truth and prints the comparison as a
Markdown table, optionally with a throughput chart in SVG.

    python score.py CORPUS.jsonl SVG|- RUN...      RUN = name:pairs_file:time_file

SVG is where the throughput chart goes (`-`: no chart). The first run is the reference of the
speed-up column.

A pairs file is `id<TAB>id` lines, or recoupe's scan JSON. A time file is /usr/bin/time's
`%e %U %S %M` (wall s, user s, system s, peak KiB) on its last line. Pairs are scored as
clusters: the connected components of a tool's pairs, against the generator's clusters, every
pair inside a component counted, as a deduplication job would use them.
"""

import json
import sys
from collections import defaultdict
from itertools import combinations


def truth(corpus):
    clusters = defaultdict(list)
    ids, size = [], 0
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            size += len(line.encode("utf-8"))
            record = json.loads(line)
            ids.append(record["id"])
            if record.get("cluster"):
                clusters[record["cluster"]].append(record["id"])
    pairs = set()
    for members in clusters.values():
        pairs.update(combinations(sorted(members), 2))
    return ids, size, pairs


def read_pairs(path):
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as f:
            # The peers find near-duplicates (Jaccard); recoupe's pairs that only share
            # passages are another relation, scored apart from this comparison.
            return [(p["a"], p["b"]) for p in json.load(f)["dedup"]["pairs"]
                    if p.get("relation") != "shared_passages"]
    with open(path, encoding="utf-8") as f:
        return [tuple(line.rstrip("\n").split("\t")) for line in f if line.strip()]


def cluster_pairs(pairs):
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    groups = defaultdict(list)
    for x in list(parent):
        groups[find(x)].append(x)
    out = set()
    for members in groups.values():
        out.update(combinations(sorted(members), 2))
    return out


def read_time(path):
    with open(path, encoding="utf-8") as f:
        wall, user, system, kib = f.read().strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), int(kib) / 1024


def svg(rows, path):
    width, bar_h, left = 640, 26, 170
    top = 40
    height = top + len(rows) * (bar_h + 10) + 30
    best = max(r["docs_s"] for r in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="13">',
        f'<text x="{left}" y="22" font-weight="bold">documents per second (higher is better)</text>',
    ]
    for k, r in enumerate(rows):
        y = top + k * (bar_h + 10)
        w = max(1, int((width - left - 110) * r["docs_s"] / best))
        colour = "#c0392b" if r["name"].startswith("recoupe") else "#7f8c8d"
        parts.append(f'<text x="{left - 8}" y="{y + 18}" text-anchor="end">{r["name"]}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{w}" height="{bar_h}" fill="{colour}"/>')
        parts.append(
            f'<text x="{left + w + 6}" y="{y + 18}">{r["docs_s"]:,.0f} (F1 {r["f1"]:.3f})</text>'
        )
    parts.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts) + "\n")


def main():
    corpus, chart, runs = sys.argv[1], sys.argv[2], sys.argv[3:]
    ids, size, true_pairs = truth(corpus)
    n = len(ids)
    rows = []
    for run in runs:
        name, pairs_file, time_file = run.split(":")
        found = cluster_pairs(read_pairs(pairs_file))
        tp = len(found & true_pairs)
        precision = tp / len(found) if found else 1.0
        recall = tp / len(true_pairs) if true_pairs else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        wall, cpu, mib = read_time(time_file)
        rows.append(
            dict(name=name, wall=wall, cpu=cpu, mib=mib, docs_s=n / wall,
                 mb_s=size / 1e6 / wall, p=precision, r=recall, f1=f1)
        )
    recoupe = rows[0]
    lines = [
        "| tool | wall s | CPU s | peak MiB | docs/s | MB/s | precision | recall | F1 | recoupe's speed-up |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        ratio = recoupe["docs_s"] / r["docs_s"]
        lines.append(
            f'| {r["name"]} | {r["wall"]:.2f} | {r["cpu"]:.2f} | {r["mib"]:.0f} | '
            f'{r["docs_s"]:,.0f} | {r["mb_s"]:.1f} | {r["p"]:.4f} | {r["r"]:.4f} | '
            f'{r["f1"]:.4f} | {ratio:.1f}× |'
        )
    if chart != "-":
        svg(rows, chart)
    print(f"{n} documents, {size / 1e6:.1f} MB, {len(true_pairs)} true cluster pairs")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
