"""recoupe: near-duplicate news articles, and the facts their sources disagree on.

The stages of the ``recoupe`` command line over batches, from Python::

    import recoupe
    docs = [{"id": "a", "text": "..."}, {"id": "b", "text": "..."}]
    result = recoupe.scan(docs)                # the JSON of `recoupe scan --format json`, as a dict
    sigs, shingles = recoupe.sign([d["text"] for d in docs])   # uint32 (n, 128), as the CLI signs
    report = recoupe.report(docs)              # the JSON of `recoupe report --format json`

``recoupe.MinHash`` and ``recoupe.MinHashLSH`` follow datasketch's classes; ``recoupe.ray``
runs the scan on a Ray cluster. Every function releases the GIL while it works; errors are
``recoupe.RecoupeError`` (a ``ValueError``) with the command line's message.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from . import _native
from ._native import RecoupeError, __version__
from .lsh import MinHash, MinHashLSH

__all__ = [
    "Params",
    "CompareParams",
    "RecoupeError",
    "MinHash",
    "MinHashLSH",
    "sign",
    "band_keys",
    "bucket_pairs",
    "verify_pairs",
    "scan",
    "report",
    "claims",
    "__version__",
]

_OFF = object()


def _normalise_dedup(overrides: Mapping[str, Any]) -> dict:
    """Maps the command line's flag names onto the library's parameter fields."""
    out: dict = {}
    for key, value in overrides.items():
        key = key.replace("-", "_")
        if key == "shingle":
            out["shingling"] = value
        elif key in ("bands", "rows"):
            continue
        elif key == "no_passages":
            out["passages"] = not value
        else:
            out[key] = value
    bands, rows = overrides.get("bands"), overrides.get("rows")
    if (bands is None) != (rows is None):
        raise RecoupeError("banding: give both bands and rows, or neither")
    if bands is not None and rows is not None:
        out["banding"] = {"bands": int(bands), "rows": int(rows)}
    return out


@dataclass(frozen=True)
class Params:
    """Near-duplicate parameters: the flags of ``recoupe scan`` (``threshold``,
    ``containment``, ``passage_share`` (``None``: off), ``shingle`` (``"words:5"``,
    ``"chars:7"``), ``permutations``, ``seed``, ``lsh_threshold``, ``bands`` with ``rows``,
    ``passages``), with the same defaults and the same checks. Picklable: it is its JSON."""

    json: str = field(default_factory=lambda: _native.dedup_parameters("{}"))

    @classmethod
    def of(cls, **overrides: Any) -> "Params":
        return cls(_native.dedup_parameters(json.dumps(_normalise_dedup(overrides))))

    def as_dict(self) -> dict:
        return json.loads(self.json)

    @property
    def permutations(self) -> int:
        return int(self.as_dict()["permutations"])

    @property
    def seed(self) -> int:
        return int(self.as_dict()["seed"])

    @property
    def banding(self) -> Tuple[int, int, float]:
        """``(bands, rows, lsh_threshold)`` as ``scan`` chooses them."""
        return _native.banding(self.json)


@dataclass(frozen=True)
class CompareParams:
    """Comparison parameters: ``link_threshold``, ``review_below``, ``event_window_days``."""

    json: str = field(default_factory=lambda: _native.compare_parameters("{}"))

    @classmethod
    def of(cls, **overrides: Any) -> "CompareParams":
        clean = {k.replace("-", "_"): v for k, v in overrides.items()}
        return cls(_native.compare_parameters(json.dumps(clean)))


def _params(params: Optional[Params], overrides: Mapping[str, Any]) -> Params:
    if params is not None and overrides:
        raise RecoupeError("give either params or keyword parameters, not both")
    if params is not None:
        return params
    return Params.of(**overrides)


Document = Union[Mapping[str, Any], str]


def _jsonl(documents: Any) -> bytes:
    """Documents as the JSON Lines the command line reads: dicts with ``id``, ``text`` and the
    optional ``title``, ``source``, ``url``, ``published``, ``lang``; a bare string is a text
    whose id is its position."""
    lines = []
    for n, doc in enumerate(documents):
        if isinstance(doc, str):
            doc = {"id": str(n), "text": doc}
        elif not isinstance(doc, Mapping):
            raise RecoupeError(f"document {n}: expected a dict or a str, not {type(doc).__name__}")
        lines.append(json.dumps(doc, ensure_ascii=False, default=str))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _is_paths(inputs: Any) -> bool:
    if isinstance(inputs, (str, os.PathLike)):
        return True
    return (
        isinstance(inputs, Sequence)
        and len(inputs) > 0
        and all(isinstance(p, (str, os.PathLike)) for p in inputs)
        and all(os.path.exists(p) for p in inputs)
    )


def _paths(inputs: Any) -> list:
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    return [os.fspath(p) for p in inputs]


def sign(texts: Sequence[str], params: Optional[Params] = None, **overrides: Any):
    """MinHash signatures of ``texts``: ``(signatures, shingles)``, a ``uint32`` array of shape
    ``(len(texts), permutations)`` identical to the command line's for the same parameters,
    and each text's shingle count (0: nothing to compare; do not band it)."""
    p = _params(params, overrides)
    return _native.sign(list(texts), p.json)


def band_keys(signatures: np.ndarray, params: Optional[Params] = None, **overrides: Any) -> np.ndarray:
    """LSH bucket keys, a ``uint64`` array of shape ``(n, bands)``: two documents are
    candidates when they share a key in one column."""
    p = _params(params, overrides)
    sig = np.ascontiguousarray(signatures, dtype=np.uint32)
    if sig.ndim != 2:
        raise RecoupeError(f"signatures: expected a 2-D array, not {sig.ndim}-D")
    return _native.band_keys(sig, p.json)


def bucket_pairs(members: Sequence[int]) -> np.ndarray:
    """The candidate pairs of one bucket of document positions, as ``scan`` emits them."""
    return _native.bucket_pairs(np.asarray(members, dtype=np.uint64))


def verify_pairs(
    a: Tuple[Sequence[str], Sequence[str], np.ndarray],
    b: Tuple[Sequence[str], Sequence[str], np.ndarray],
    params: Optional[Params] = None,
    **overrides: Any,
) -> dict:
    """Verifies candidate pairs row by row from ``(ids, texts, signatures)`` of each side:
    exact Jaccard, containment both ways, shared passages. Returns columns of the pairs kept
    (``row`` is the input row); see the Parquet schema in python/README.md."""
    p = _params(params, overrides)
    (ia, ta, sa), (ib, tb, sb) = a, b
    return _native.verify_pairs(
        list(ia),
        list(ta),
        np.ascontiguousarray(sa, dtype=np.uint32),
        list(ib),
        list(tb),
        np.ascontiguousarray(sb, dtype=np.uint32),
        p.json,
    )


def scan(
    documents: Union[Iterable[Document], str, os.PathLike, Sequence[str]],
    params: Optional[Params] = None,
    *,
    name: str = "python",
    **overrides: Any,
) -> dict:
    """``recoupe scan --format json`` as a dict: on paths (files or directories, read as the
    command line reads them) or on documents in memory (dicts or strings)."""
    p = _params(params, overrides)
    if _is_paths(documents):
        return json.loads(_native.scan_paths(_paths(documents), p.json))
    return json.loads(_native.scan_jsonl(name, _jsonl(documents), p.json))


def report(
    documents: Union[Iterable[Document], str, os.PathLike, Sequence[str]],
    params: Optional[Params] = None,
    compare: Optional[CompareParams] = None,
    *,
    name: Optional[str] = None,
    format: str = "json",
    **overrides: Any,
) -> Union[dict, str]:
    """``recoupe report``: the JSON (as a dict) or the Markdown (``format="markdown"``) of the
    fact-checker's report, on paths or on documents in memory."""
    p = _params(params, overrides)
    c = compare if compare is not None else CompareParams()
    if _is_paths(documents):
        paths = _paths(documents)
        title = name or os.path.splitext(os.path.basename(os.path.normpath(paths[0])))[0]
        out = _native.report_paths(title, paths, p.json, c.json, format)
    else:
        out = _native.report_jsonl(name or "python", _jsonl(documents), p.json, c.json, format)
    return json.loads(out) if format == "json" else out


def claims(
    text: str, *, id: str = "text", lang: Optional[str] = None, published: Optional[str] = None
) -> dict:
    """The checkable facts of one text: claims (values normalised, with their frame), quotes
    and names, as ``recoupe claims --format json`` gives them for one document. ``published``
    (``YYYY-MM-DD``) anchors relative dates."""
    return json.loads(_native.claims(text, id, lang, published))
