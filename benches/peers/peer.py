"""datasketch or rensa, run as their users would on a JSON Lines corpus: word 5-gram shingles of
the lowercased text, MinHash with 128 permutations, an LSH index at Jaccard 0.5 (datasketch's own banding; for
rensa, whose bands must divide the permutations, the divisor nearest the threshold), each document inserted then queried, and the candidates
kept when their estimated Jaccard reaches the threshold. Writes `id<TAB>id` pairs.

recoupe's Python package three ways: `recoupe-py-lsh`, its datasketch-shaped MinHash and
MinHashLSH on the same shingles as datasketch (code moved from datasketch by changing imports);
`recoupe-py-scan`, `recoupe.scan` on the file (the command line's pipeline in-process);
`recoupe-ray`, `recoupe.ray.scan` on CORPUS (a directory of parts) on a local Ray with every core.

    python peer.py datasketch|rensa|recoupe-py-lsh|recoupe-py-scan|recoupe-ray CORPUS PAIRS.tsv [THRESHOLD] [PERMUTATIONS]
"""

import json
import re
import sys

WORD = re.compile(r"\w+")


def shingles(text, k=5):
    tokens = WORD.findall(text.lower())
    if len(tokens) < k:
        return [" ".join(tokens)]
    return [" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)]


def read(path):
    ids, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            ids.append(record["id"])
            texts.append(record["text"])
    return ids, texts


def query_pairs(lsh, hashes, threshold):
    """Each document queried against the index, its candidates kept at the threshold: the
    same protocol for every MinHash library."""
    for i, m in enumerate(hashes):
        for j in lsh.query(m):
            if j > i and m.jaccard(hashes[j]) >= threshold:
                yield i, j


def run_datasketch(texts, threshold, perms):
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=perms)
    hashes = []
    for i, text in enumerate(texts):
        m = MinHash(num_perm=perms, seed=1)
        m.update_batch([s.encode("utf-8") for s in shingles(text)])
        lsh.insert(i, m)
        hashes.append(m)
    yield from query_pairs(lsh, hashes, threshold)


def run_rensa(texts, threshold, perms):
    from rensa import RMinHash, RMinHashLSH

    # rensa needs bands that divide the permutations: the divisor whose S-curve knee
    # (1/b)^(1/r) is nearest the threshold.
    divisors = [b for b in range(1, perms + 1) if perms % b == 0]
    bands = min(divisors, key=lambda b: abs((1 / b) ** (b / perms) - threshold))
    hashes = RMinHash.from_token_sets([shingles(t) for t in texts], perms, 1)
    lsh = RMinHashLSH(threshold=threshold, num_perm=perms, num_bands=bands)
    lsh.insert_many(hashes, 0)
    yield from query_pairs(lsh, hashes, threshold)


def run_recoupe_lsh(texts, threshold, perms):
    import recoupe

    lsh = recoupe.MinHashLSH(threshold=threshold, num_perm=perms)
    hashes = []
    with lsh.insertion_session() as session:
        for i, text in enumerate(texts):
            m = recoupe.MinHash(num_perm=perms, seed=1)
            m.update_batch([s.encode("utf-8") for s in shingles(text)])
            session.insert(i, m)
            hashes.append(m)
    yield from query_pairs(lsh, hashes, threshold)


def scan_pairs(result):
    # As score.py reads the command line's JSON: pairs that only share passages are another
    # relation than the near-duplicates the peers find.
    for pair in result["dedup"]["pairs"]:
        if pair["relation"] != "shared_passages":
            yield pair["a"], pair["b"]


def main():
    tool, corpus, out = sys.argv[1], sys.argv[2], sys.argv[3]
    threshold = float(sys.argv[4]) if len(sys.argv) > 4 else 0.5
    perms = int(sys.argv[5]) if len(sys.argv) > 5 else 128
    if tool in ("recoupe-py-scan", "recoupe-ray"):
        # The scans read the input themselves, with recoupe's defaults as the command line.
        if tool == "recoupe-py-scan":
            import recoupe

            result = recoupe.scan(corpus, no_passages=True)
        else:
            import ray
            import recoupe.ray

            ray.init(include_dashboard=False, log_to_driver=False)
            result = recoupe.ray.scan(corpus, no_passages=True)
        with open(out, "w", encoding="utf-8") as f:
            for a, b in scan_pairs(result):
                f.write(f"{a}\t{b}\n")
        return
    ids, texts = read(corpus)
    run = {"datasketch": run_datasketch, "rensa": run_rensa, "recoupe-py-lsh": run_recoupe_lsh}[tool]
    with open(out, "w", encoding="utf-8") as f:
        for i, j in run(texts, threshold, perms):
            f.write(f"{ids[i]}\t{ids[j]}\n")


if __name__ == "__main__":
    main()
