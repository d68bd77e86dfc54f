"""Types of the native module (python/src/lib.rs). ``params`` arguments are the JSON strings of
``recoupe.Params.json`` / ``recoupe.CompareParams.json``, validated by ``dedup_parameters`` /
``compare_parameters``; every function raises ``RecoupeError`` with the command line's message."""

from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, TypedDict

import numpy as np
import numpy.typing as npt

__version__: str
#: Past this many members a bucket yields a chain and a star rather than all its pairs.
MAX_BUCKET_PAIRS: int

class RecoupeError(ValueError): ...

class ReadFile(TypedDict):
    id: List[str]
    info: List[str]  # JSON of each document's DocumentInfo
    text: List[str]
    diagnostics: List[str]  # JSON of each Diagnostic
    bytes: int

#: Columns of ``verify_pairs``: row (index into the input pairs of each pair kept), a, b,
#: relation, estimated_jaccard, jaccard, containment_a_in_b, containment_b_in_a,
#: shared_shingles, details (JSON: passages and changes).
VerifiedPairs = Dict[str, List[Any]]
#: Columns of ``assemble_scan``: i, j (indices into the documents), then the columns above
#: but ``row``.
PairColumns = Mapping[str, Sequence[Any]]

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]

def dedup_parameters(overrides: str) -> str: ...
def compare_parameters(overrides: str) -> str: ...
def banding(params: str) -> Tuple[int, int, float]: ...
def sign(texts: Sequence[str], params: str) -> Tuple[U32, U64]: ...
def band_keys(signatures: U32, params: str) -> U64: ...
def bucket_pairs(members: U64) -> U64: ...
def optimal_banding(
    threshold: float, permutations: int, false_positive_weight: float, false_negative_weight: float
) -> Tuple[int, int]: ...
def partition_pairs(band: U64, key: U64, position: U64) -> U64: ...
def verify_pairs(
    ids_a: Sequence[str],
    texts_a: Sequence[str],
    signatures_a: U32,
    ids_b: Sequence[str],
    texts_b: Sequence[str],
    signatures_b: U32,
    params: str,
) -> VerifiedPairs: ...
def expand(paths: Sequence[str]) -> List[str]: ...
def read_file(path: str) -> ReadFile: ...
def assemble_scan(
    infos: Sequence[str],
    shingles: Sequence[int],
    pairs: PairColumns,
    candidates: int,
    diagnostics: Sequence[str],
    bytes: int,
    params: str,
) -> str: ...
def scan_paths(paths: Sequence[str], params: str) -> str: ...
def scan_jsonl(name: str, jsonl: bytes, params: str) -> str: ...
def report_paths(name: str, paths: Sequence[str], dedup: str, compare: str, format: str) -> str: ...
def report_jsonl(name: str, jsonl: bytes, dedup: str, compare: str, format: str) -> str: ...
def claims(text: str, id: str = "text", lang: Optional[str] = None, published: Optional[str] = None) -> str: ...
def hash_items(items: Sequence[bytes]) -> U64: ...
def sign_hashes(hashes: U64, permutations: int, seed: int) -> U32: ...
def shingles(text: str, params: str) -> U64: ...
