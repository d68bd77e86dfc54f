"""MinHash and MinHashLSH objects in the spirit of datasketch's, over recoupe's signing.

A datasketch user switches with an import: ``from recoupe import MinHash, MinHashLSH``. The
methods they use keep their names and meaning (``update``, ``update_batch``, ``jaccard``,
``hashvalues``, ``insert``, ``query``, ``remove``); values differ from datasketch's because the
hash and the permutations are recoupe's. ``MinHash.from_text`` signs a whole text with the
command line's shingling, so its ``hashvalues`` equal a row of ``recoupe.sign``.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Dict, Hashable, Iterable, Iterator, List, Optional, Set, Tuple

import numpy as np

from . import _native
from ._native import RecoupeError

_EMPTY = np.uint32(0xFFFFFFFF)


class MinHash:
    """A MinHash signature of a set, built item by item (``update``) or from a text
    (``from_text``)."""

    def __init__(self, num_perm: int = 128, seed: int = 1, hashvalues: Optional[np.ndarray] = None):
        if hashvalues is not None:
            values = np.array(hashvalues, dtype=np.uint32)
            if values.ndim != 1:
                raise RecoupeError("hashvalues: expected a 1-D array")
            num_perm = len(values)
        else:
            values = np.full(int(num_perm), _EMPTY, dtype=np.uint32)
        if not 1 <= num_perm <= 4096:
            raise RecoupeError(f"permutations: {num_perm} is not between 1 and 4096")
        self.num_perm = int(num_perm)
        self.seed = int(seed)
        self.hashvalues = values

    @classmethod
    def from_text(cls, text: str, num_perm: int = 128, seed: int = 1, shingle: str = "words:5") -> "MinHash":
        """The signature `recoupe scan` computes for this text with these parameters."""
        params = _native.dedup_parameters(
            json.dumps({"permutations": num_perm, "seed": seed, "shingling": shingle})
        )
        sigs, _ = _native.sign([text], params)
        return cls(num_perm=num_perm, seed=seed, hashvalues=sigs[0])

    @classmethod
    def bulk(cls, texts: Iterable[str], num_perm: int = 128, seed: int = 1, shingle: str = "words:5") -> List["MinHash"]:
        """``from_text`` for many texts at once, signed in parallel."""
        params = _native.dedup_parameters(
            json.dumps({"permutations": num_perm, "seed": seed, "shingling": shingle})
        )
        sigs, _ = _native.sign(list(texts), params)
        return [cls(num_perm=num_perm, seed=seed, hashvalues=row) for row in sigs]

    def update(self, b: bytes) -> None:
        """Adds one item (bytes)."""
        self.update_batch([b])

    def update_batch(self, items: Iterable[bytes]) -> None:
        """Adds many items (bytes) at once."""
        items = [bytes(x) for x in items]
        if not items:
            return
        hashes = _native.hash_items(items)
        sig = _native.sign_hashes(hashes, self.num_perm, self.seed)
        np.minimum(self.hashvalues, sig, out=self.hashvalues)

    def _check(self, other: "MinHash") -> None:
        if self.num_perm != other.num_perm or self.seed != other.seed:
            raise RecoupeError(
                "cannot compare MinHash objects of different permutations or seeds "
                f"({self.num_perm}/{self.seed} and {other.num_perm}/{other.seed})"
            )

    def jaccard(self, other: "MinHash") -> float:
        """Estimated Jaccard similarity: the share of equal positions."""
        self._check(other)
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / self.num_perm

    def merge(self, other: "MinHash") -> None:
        """Becomes the signature of the union of both sets."""
        self._check(other)
        np.minimum(self.hashvalues, other.hashvalues, out=self.hashvalues)

    def is_empty(self) -> bool:
        return bool(np.all(self.hashvalues == _EMPTY))

    def digest(self) -> np.ndarray:
        return self.hashvalues.copy()

    def copy(self) -> "MinHash":
        return MinHash(self.num_perm, self.seed, self.hashvalues.copy())

    def __len__(self) -> int:
        return self.num_perm

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, MinHash)
            and self.seed == other.seed
            and np.array_equal(self.hashvalues, other.hashvalues)
        )

    def __repr__(self) -> str:
        return f"MinHash(num_perm={self.num_perm}, seed={self.seed})"


class MinHashLSH:
    """An LSH index of MinHash signatures: ``query`` returns the keys whose signatures share
    a band with the one given (candidates of Jaccard near ``threshold`` or above).

    ``weights`` are those of the false positives and false negatives when choosing the banding,
    datasketch's (0.5, 0.5) by default; ``recoupe scan`` uses (0.2, 0.8), as it verifies every
    candidate. ``params=(bands, rows)`` sets the banding instead."""

    def __init__(
        self,
        threshold: float = 0.9,
        num_perm: int = 128,
        weights: Tuple[float, float] = (0.5, 0.5),
        params: Optional[Tuple[int, int]] = None,
    ):
        if params is None:
            bands, rows = _native.optimal_banding(float(threshold), int(num_perm), weights[0], weights[1])
        else:
            bands, rows = int(params[0]), int(params[1])
        self.threshold = threshold
        self.h = int(num_perm)
        self.b, self.r = bands, rows
        self._params = _native.dedup_parameters(
            json.dumps({"permutations": self.h, "banding": {"bands": bands, "rows": rows}})
        )
        self.hashtables: List[Dict[int, Set[Hashable]]] = [dict() for _ in range(bands)]
        self.keys: Dict[Hashable, np.ndarray] = {}

    def _band_keys(self, minhashes: List[MinHash]) -> np.ndarray:
        for m in minhashes:
            if m.num_perm != self.h:
                raise RecoupeError(
                    f"a MinHash of {m.num_perm} permutations given to an index of {self.h}"
                )
        sigs = np.stack([m.hashvalues for m in minhashes]).astype(np.uint32, copy=False)
        return _native.band_keys(np.ascontiguousarray(sigs), self._params)

    def insert(self, key: Hashable, minhash: MinHash, check_duplication: bool = True) -> None:
        self.insert_batch([(key, minhash)], check_duplication)

    def insert_batch(self, items: Iterable[Tuple[Hashable, MinHash]], check_duplication: bool = True) -> None:
        """Inserts many ``(key, minhash)`` at once, banded in one native call."""
        items = list(items)
        if not items:
            return
        if check_duplication:
            seen = set()
            for key, _ in items:
                if key in self.keys or key in seen:
                    raise ValueError(f"the key {key!r} is already in the index")
                seen.add(key)
        keys = self._band_keys([m for _, m in items])
        for (key, _), row in zip(items, keys):
            self.keys[key] = row
            for table, k in zip(self.hashtables, row.tolist()):
                table.setdefault(k, set()).add(key)

    @contextmanager
    def insertion_session(self) -> Iterator["_Session"]:
        """Collects inserts and bands them in one batch at the end of the block."""
        session = _Session()
        yield session
        self.insert_batch(session.items)

    def query(self, minhash: MinHash) -> List[Hashable]:
        row = self._band_keys([minhash])[0].tolist()
        out: Set[Hashable] = set()
        for table, k in zip(self.hashtables, row):
            out.update(table.get(k, ()))
        return list(out)

    def remove(self, key: Hashable) -> None:
        if key not in self.keys:
            raise ValueError(f"the key {key!r} is not in the index")
        for table, k in zip(self.hashtables, self.keys.pop(key).tolist()):
            bucket = table.get(k)
            if bucket is not None:
                bucket.discard(key)
                if not bucket:
                    del table[k]

    def __contains__(self, key: Hashable) -> bool:
        return key in self.keys

    def __len__(self) -> int:
        return len(self.keys)

    def is_empty(self) -> bool:
        return not self.keys


class _Session:
    def __init__(self) -> None:
        self.items: List[Tuple[Hashable, MinHash]] = []

    def insert(self, key: Hashable, minhash: MinHash) -> None:
        self.items.append((key, minhash))
