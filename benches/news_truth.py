#!/usr/bin/env python3
"""Scores a `recoupe report --format json` against the planted facts of `recoupe gen --news --truth`.

A planted fact is *found* when one slot holds claims of two of its sources (copies of one wire
dispatch are one source); for a planted difference the slot must hold both sides (the changed
figure and the base, the two claimants' counts, both days' tolls). Its verdict is right when that
slot's verdict is the planted one. A conflict slot that holds no planted conflict (both sides of
it) is a false conflict.

Usage: news_truth.py REPORT.json TRUTH.jsonl [--json]
Prints one line of figures (or a JSON object with --json).
"""

import json
import sys
from collections import Counter, defaultdict


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    with open(args[0], encoding="utf-8") as f:
        report = json.load(f)
    slots = report["comparison"]["slots"]
    # (document) -> [(start, end, slot index)]
    by_doc = defaultdict(list)
    for k, slot in enumerate(slots):
        for c in slot["claims"]:
            by_doc[c["document"]].append((c["span"]["start"], c["span"]["end"], k))

    found = Counter()
    right = Counter()
    total = Counter()
    confusion = Counter()
    true_conflict_slots = set()
    with open(args[1], encoding="utf-8") as f:
        for line in f:
            fact = json.loads(line)
            planted = fact["verdict"]
            total[planted] += 1
            # slot -> sides and sources of the fact's claims it holds
            held = defaultdict(lambda: (set(), set()))
            for c in fact["claims"]:
                for start, end, k in by_doc.get(c["document"], ()):
                    if overlaps((start, end), (c["start"], c["end"])):
                        held[k][0].add(c["variant"])
                        held[k][1].add(c["source"])
            if planted == "conflict":
                true_conflict_slots.update(k for k, (sides, _) in held.items() if len(sides) == 2)
            best = None
            for k, (sides, sources) in sorted(held.items()):
                ok = len(sources) >= 2 and (planted == "agree" or len(sides) == 2)
                if ok and (best is None or len(sources) > len(held[best][1])):
                    best = k
            if best is None:
                confusion[(planted, "not found")] += 1
                continue
            found[planted] += 1
            verdict = slots[best]["verdict"]["kind"]
            confusion[(planted, verdict)] += 1
            if verdict == planted:
                right[planted] += 1

    conflicts = [k for k, s in enumerate(slots) if s["verdict"]["kind"] == "conflict"]
    false_conflicts = sum(1 for k in conflicts if k not in true_conflict_slots)
    n = sum(total.values())
    figures = {
        "facts": n,
        "slot_recall": sum(found.values()) / n if n else 0.0,
        "verdict_accuracy": sum(right.values()) / n if n else 0.0,
        "verdict_accuracy_of_found": sum(right.values()) / max(1, sum(found.values())),
        "false_conflicts": false_conflicts,
        "conflict_slots": len(conflicts),
        "per_verdict": {
            v: {"facts": total[v], "found": found[v], "right": right[v]} for v in sorted(total)
        },
        "confusion": {f"{p} -> {v}": c for (p, v), c in sorted(confusion.items())},
    }
    if "--json" in sys.argv:
        print(json.dumps(figures, indent=1))
    else:
        per = ", ".join(
            f"{v} {right[v]}/{found[v]}/{total[v]}" for v in sorted(total)
        )
        print(
            f"facts {n}: slot recall {figures['slot_recall']:.3f}, verdict accuracy "
            f"{figures['verdict_accuracy']:.3f} ({figures['verdict_accuracy_of_found']:.3f} of found), "
            f"false conflicts {false_conflicts}/{len(conflicts)}; right/found/planted: {per}"
        )


if __name__ == "__main__":
    main()
