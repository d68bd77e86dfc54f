"""The 100-million-document Ray run planned on paper from a measured one: each figure is scaled
from the corpus, the command line's scan JSON and the Ray run's time, by the formula printed
beside it, assuming the larger archive has the same document size and duplicate rate.

    python plan.py CORPUS.jsonl SCAN.json RAY.time ONE_THREAD.time CORES [TARGET_DOCS]
"""

import json
import sys

import recoupe
from recoupe import _native


def wall(path):
    with open(path) as f:
        return float(f.read().split()[0])


def main():
    corpus, scan_json, ray_time, one_time, cores = sys.argv[1:6]
    target = int(sys.argv[6]) if len(sys.argv) > 6 else 100_000_000
    cores = int(cores)
    read = _native.read_file(corpus)
    n = len(read["id"])
    text = sum(len(t.encode("utf-8")) for t in read["text"]) / n
    info = sum(len(i) for i in read["info"]) / n
    ident = sum(len(i) for i in read["id"]) / n
    with open(scan_json) as f:
        scan = json.load(f)["dedup"]
    candidates = scan["candidates"] / n
    verified = len(scan["pairs"]) / n
    p = recoupe.Params()
    bands, rows, _ = p.banding
    perms = p.permutations
    ray_s, one_s = wall(ray_time), wall(one_time)
    scale = target / n

    def gb(x):
        return f"{x / 1e9:,.0f} GB" if x >= 1e10 else f"{x / 1e9:,.1f} GB"

    sig_row = perms * 4 + info + ident + 8 * 3
    band_bytes = target * bands * 32
    pair_bytes = target * candidates * 16
    join_bytes = target * candidates * 2 * (text + perms * 4 + ident)
    driver = target * (info + 16) + target * verified * 400
    core_h_cli = one_s * scale / 3600
    core_h_ray = ray_s * cores * scale / 3600
    lines = [
        f"## A {target:,}-document run on Ray, planned from the {n:,}-document one",
        "",
        f"Measured above on {n:,} documents: {text:,.0f} bytes of text, {info:,.0f} bytes of"
        f" metadata JSON per document; {candidates:.3f} candidate and {verified:.3f} verified"
        f" pairs per document; banding {bands}×{rows} of {perms} permutations; the Ray run"
        f" {ray_s:.1f} s wall on {cores} cores, the command line on one thread {one_s:.2f} s."
        f" Scaled ×{scale:,.0f} (same sizes and duplicate rate):",
        "",
        "| quantity | formula | at the target |",
        "|---|---|---:|",
        f"| input text | N × text | {gb(target * text)} |",
        f"| signatures stage (Parquet) | N × (4·P + metadata + id + 24) | {gb(target * sig_row)} |",
        f"| band-key shuffle | N × bands × 32 B | {gb(band_bytes)} |",
        f"| candidate pairs after distinct | N × candidates × 16 B | {gb(pair_bytes)} |",
        f"| join shuffle (both texts and signatures of each pair) | N × candidates × 2 × (text + 4·P + id) | {gb(join_bytes)} |",
        f"| driver memory (metadata, verified pairs at ~400 B) | N × (metadata + 16) + N × verified × 400 | {gb(driver)} |",
        f"| CPU at the command line's one-thread rate | one-thread s × N / n | {core_h_cli:,.0f} core-hours |",
        f"| CPU at this Ray run's rate (wall × cores) | Ray s × cores × N / n | {core_h_ray:,.0f} core-hours |",
        f"| wall time on 8 workers of 16 cores | the two rows above ÷ 128 | {core_h_cli * 60 / 128:,.0f}–{core_h_ray * 60 / 128:,.0f} min |",
        "",
        "Worker memory is set by the read stage: each task holds one input file's texts and their"
        " signatures, so it grows with the part size (not measured here: Ray's workers are not"
        " the timed process); the shuffles spill to Ray's object store and disk. The driver's share is the bound that does not spread: at this scale it"
        " needs the memory in the table for the documents' metadata, which the command line's"
        " JSON lists. The Ray rate here includes Ray's start and its fixed cost per stage, which"
        " dominate a run this small, so the upper figure overstates a long run's cost.",
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
