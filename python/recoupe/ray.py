"""``recoupe scan`` on a Ray cluster, with Ray Data: the same parameters and the same JSON.

The stages, each a Ray Data step whose output can be written to Parquet (``stage_dir``) for
Spark or Daft to take over (schemas in python/README.md):

1. **read and sign** (``map_batches`` over the input files): each worker reads whole files
   with the command line's reader and signs their documents. Every document gets a
   ``position`` (file number × 2³² + record number), the order ``scan`` reads them in.
2. **band keys**: one row per (document, band) with its bucket key, hashed into ``partitions``
   shares.
3. **candidate pairs** (``groupby`` share → ``map_groups``): each bucket's pairs, by the rule
   ``scan`` uses (all pairs, or a chain and a star past 64 members), then made distinct.
4. **verification**: the pairs joined with both documents' texts and signatures (two hash
   joins), verified exactly (Jaccard, containment, shared passages).
5. **assembly** on the driver: connected components, story groups and the JSON, by the very
   code of ``recoupe scan`` (``dedup::assemble``).

Inputs are what the command line reads (JSON Lines, text, Markdown, HTML) and Parquet files
(given, or found under the directories given), whose rows are read as JSON Lines records with
the same fields (``id``, ``text``, ``title``, ``published``…; polars reads them). Workers read the
input files themselves: on a cluster the paths must be on storage every node sees (NFS, a
mounted bucket). Document ids must be unique (``scan`` renames repeats; a
distributed run cannot, and says so).
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional, Sequence, Union

import numpy as np

from . import Params, _native, _params, _paths

__all__ = ["scan"]

#: Marks the row that carries a file's diagnostics and byte count rather than a document.
_FILE_ROW = 0xFFFFFFFF


def _read(path: str) -> "_native.ReadFile":
    if _is_parquet(path):
        import polars as pl

        # Its rows as JSON Lines records, read by the command line's rules for them (fields
        # `id`, `text`, `title`, `published`…; a missing or empty text is a diagnostic).
        try:
            records = pl.read_parquet(path).write_ndjson()
        except Exception as e:  # polars' errors have no common base worth naming
            raise _native.RecoupeError(f"{path}: not a readable Parquet file: {e}") from e
        return _native.read_jsonl(path, records.encode("utf-8"))
    return _native.read_file(path)


def _is_parquet(path: str) -> bool:
    return path.lower().endswith(".parquet")


def _expand(paths: List[str]) -> List[str]:
    """The command line's files (its order), then the Parquet files given or found under the
    directories given, sorted by path: the command line skips Parquet, Ray reads it."""
    others = [p for p in paths if not (_is_parquet(p) and os.path.isfile(p))]
    files = _native.expand(others) if others else []
    parquet = {p for p in paths if _is_parquet(p) and os.path.isfile(p)}
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, names in os.walk(p):
                parquet.update(os.path.join(root, n) for n in names if _is_parquet(n))
    return files + sorted(parquet)


def _read_and_sign(batch: Dict[str, np.ndarray], params: str) -> Dict[str, Any]:
    positions: List[int] = []
    nbytes: List[int] = []
    ids: List[str] = []
    texts: List[str] = []
    infos: List[str] = []
    kinds: List[str] = []
    diagnostics: List[str] = []
    for file_no, path in zip(batch["file"].tolist(), batch["path"].tolist()):
        read = _read(path)
        base = int(file_no) << 32
        n = len(read["id"])
        if n >= _FILE_ROW:
            raise _native.RecoupeError(f"{path}: more than {_FILE_ROW - 1} records in one file")
        positions.extend(base + r for r in range(n))
        ids.extend(read["id"])
        texts.extend(read["text"])
        infos.extend(read["info"])
        kinds.extend(["document"] * n)
        diagnostics.extend([""] * n)
        nbytes.extend([0] * n)
        positions.append(base + _FILE_ROW)
        ids.append("")
        texts.append("")
        infos.append("")
        kinds.append("file")
        diagnostics.append(json.dumps(read["diagnostics"]))
        nbytes.append(int(read["bytes"]))
    sigs, shingles = _native.sign(texts, params)
    is_file = np.array([k == "file" for k in kinds], dtype=bool)
    shingles = np.where(is_file, 0, shingles).astype(np.uint64)
    return {
        "position": np.array(positions, dtype=np.uint64),
        "kind": np.array(kinds, dtype=object),
        "id": np.array(ids, dtype=object),
        "text": np.array(texts, dtype=object),
        "info": np.array(infos, dtype=object),
        "shingles": shingles,
        # Raw bytes rather than a tensor column: plain binary survives joins and Parquet.
        "signature": np.array([row.tobytes() for row in sigs], dtype=object),
        "diagnostics": np.array(diagnostics, dtype=object),
        "bytes": np.array(nbytes, dtype=np.uint64),
    }


def _signatures(column: Sequence[bytes], permutations: int) -> np.ndarray:
    if len(column) == 0:
        return np.zeros((0, permutations), dtype=np.uint32)
    return np.frombuffer(b"".join(column), dtype=np.uint32).reshape(len(column), permutations)


def _band_rows(batch: Dict[str, np.ndarray], params: str, permutations: int, partitions: int) -> Dict[str, np.ndarray]:
    keys = _native.band_keys(_signatures(list(batch["signature"]), permutations), params)
    n, bands = keys.shape
    band = np.tile(np.arange(bands, dtype=np.uint64), n)
    key = keys.reshape(-1)
    position = np.repeat(batch["position"].astype(np.uint64), bands)
    return {
        "band": band,
        "key": key,
        "position": position,
        "share": ((key ^ band) % np.uint64(partitions)).astype(np.int64),
    }


def _share_pairs(group: Dict[str, np.ndarray], partitions: int) -> Dict[str, np.ndarray]:
    pairs = _native.partition_pairs(
        group["band"].astype(np.uint64), group["key"].astype(np.uint64), group["position"].astype(np.uint64)
    )
    return {
        "pa": pairs[:, 0],
        "pb": pairs[:, 1],
        "share": ((pairs[:, 0] * np.uint64(0x9E3779B97F4A7C15) ^ pairs[:, 1]) % np.uint64(partitions)).astype(np.int64),
    }


def _distinct(group: Dict[str, np.ndarray]) -> Dict[str, np.ndarray]:
    pairs = np.unique(np.stack([group["pa"], group["pb"]], axis=1).astype(np.uint64), axis=0)
    return {"pa": pairs[:, 0], "pb": pairs[:, 1]}


def _verify(batch: Dict[str, np.ndarray], params: str, permutations: int) -> Dict[str, np.ndarray]:
    out = _native.verify_pairs(
        list(batch["id_a"]),
        list(batch["text_a"]),
        _signatures(list(batch["signature_a"]), permutations),
        list(batch["id_b"]),
        list(batch["text_b"]),
        _signatures(list(batch["signature_b"]), permutations),
        params,
    )
    rows = np.asarray(out.pop("row"), dtype=np.int64)
    columns = {k: np.asarray(v, dtype=object if k in ("a", "b", "relation", "details") else None) for k, v in out.items()}
    columns["pa"] = np.asarray(batch["pa"])[rows].astype(np.uint64)
    columns["pb"] = np.asarray(batch["pb"])[rows].astype(np.uint64)
    return columns


def scan(
    paths: Union[str, os.PathLike, Sequence[Union[str, os.PathLike]]],
    params: Optional[Params] = None,
    *,
    partitions: Optional[int] = None,
    stage_dir: Optional[Union[str, os.PathLike]] = None,
    **overrides: Any,
) -> dict:
    """Runs the scan of ``paths`` (files or directories, JSON Lines, text, Markdown or HTML) on
    the Ray cluster ``ray.init`` connected to (a local one if none), and returns the dict of
    ``recoupe scan --format json`` for the same inputs and parameters.

    ``partitions``: shares of the shuffles (default: four per CPU of the cluster).
    ``stage_dir``: write each stage's output there as Parquet (``signatures/``,
    ``band_keys/``, ``pairs/``, ``verified/``)."""
    import ray
    import ray.data
    from ray.data.expressions import col

    p = _params(params, overrides)
    if not ray.is_initialized():
        ray.init()
    permutations = p.permutations
    if partitions is None:
        partitions = max(1, int(ray.cluster_resources().get("CPU", 1)) * 4)
    files = _expand(_paths(paths))
    stage = os.fspath(stage_dir) if stage_dir is not None else None

    def keep(ds, name):
        if stage is not None:
            ds.write_parquet(os.path.join(stage, name))
        return ds

    inputs = ray.data.from_items([{"file": i, "path": f} for i, f in enumerate(files)])
    signed = inputs.map_batches(
        _read_and_sign,  # type: ignore[arg-type]  # Ray's stubs do not type fn_kwargs
        batch_size=1,
        fn_kwargs={"params": p.json},
        batch_format="numpy",
    ).materialize()
    keep(signed.drop_columns(["text"]), "signatures")

    # What the driver keeps of each document: its info and shingle count, as scan does.
    meta = signed.select_columns(["position", "kind", "info", "shingles", "diagnostics", "bytes"]).take_all()
    meta.sort(key=lambda r: int(r["position"]))
    docs = [r for r in meta if r["kind"] == "document"]
    index = {int(r["position"]): n for n, r in enumerate(docs)}
    # Each file row holds the JSON list of its diagnostics, each already JSON.
    diagnostics = [d for r in meta if r["kind"] == "file" for d in json.loads(r["diagnostics"])]
    total_bytes = sum(int(r["bytes"]) for r in meta if r["kind"] == "file")

    # An expression rather than a lambda: Ray evaluates it on whole Arrow blocks.
    documents = signed.filter(expr=(col("kind") == "document") & (col("shingles") > 0))
    bands = keep(
        documents.map_batches(
            _band_rows,
            fn_kwargs={"params": p.json, "permutations": permutations, "partitions": partitions},
            batch_format="numpy",
        ),
        "band_keys",
    )
    pairs = (
        bands.groupby("share", num_partitions=partitions)
        .map_groups(_share_pairs, fn_kwargs={"partitions": partitions}, batch_format="numpy")
        .groupby("share", num_partitions=partitions)
        .map_groups(_distinct, batch_format="numpy")
        .materialize()
    )
    keep(pairs, "pairs")
    candidates = pairs.count()

    verified_rows = []
    if candidates:
        side = documents.select_columns(["position", "id", "text", "signature"])
        a = side.rename_columns({"position": "pa", "id": "id_a", "text": "text_a", "signature": "signature_a"})
        b = side.rename_columns({"position": "pb", "id": "id_b", "text": "text_b", "signature": "signature_b"})
        joined = pairs.join(a, "inner", partitions, on=("pa",)).join(b, "inner", partitions, on=("pb",))
        verified = joined.map_batches(
            _verify, fn_kwargs={"params": p.json, "permutations": permutations}, batch_format="numpy"
        ).materialize()
        keep(verified, "verified")
        verified_rows = verified.take_all()

    columns: Dict[str, list] = {
        k: []
        for k in (
            "i", "j", "a", "b", "relation", "estimated_jaccard", "jaccard",
            "containment_a_in_b", "containment_b_in_a", "shared_shingles", "details",
        )
    }
    for r in verified_rows:
        columns["i"].append(index[int(r["pa"])])
        columns["j"].append(index[int(r["pb"])])
        for k in ("a", "b", "relation", "details"):
            columns[k].append(str(r[k]))
        for k in ("estimated_jaccard", "jaccard", "containment_a_in_b", "containment_b_in_a"):
            columns[k].append(float(r[k]))
        columns["shared_shingles"].append(int(r["shared_shingles"]))
    out = _native.assemble_scan(
        [r["info"] for r in docs],
        [int(r["shingles"]) for r in docs],
        columns,
        candidates,
        diagnostics,
        total_bytes,
        p.json,
    )
    return json.loads(out)
