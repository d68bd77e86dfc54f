//! A signature index: the MinHash signatures, LSH band tables and shingle sets of a reference
//! corpus in one file, so that new documents can be checked against an archive without reading
//! its texts again. The sets are kept because the gate's figures are exact, not estimates.
//!
//! Layout (little-endian, every section aligned to 8 bytes):
//!
//! ```text
//! magic "RECOUPIX" | version u32 | reserved u32 | total length u64 | header length u64
//! header (JSON: parameters and the documents' ids, origins and sizes)
//! signatures       n × permutations u32
//! band tables      bands × (m keys u64 sorted, then m documents u32), m = documents with shingles
//! set offsets      (n + 1) u64
//! shingle sets     u64, each document's sorted and distinct
//! checksum         xxh3-64 of everything before it
//! ```
//!
//! The file is memory-mapped: opening it reads the checksum's pass and the header, and a query
//! touches only the band tables and the sets of its candidates.

use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use super::lsh::{self, Banding};
use super::minhash::MinHasher;
use super::shingle::Shingling;
use super::{DedupParams, Pair, Signatures};
use crate::Progress;
use crate::corpus::Document;
use crate::error::{Error, Location, Result};

pub const MAGIC: &[u8; 8] = b"RECOUPIX";
/// Bumped on any change of the layout; older files are refused, never misread.
pub const VERSION: u32 = 1;
const FIXED_HEADER: usize = 32;

/// What the signatures were made with: a query must use the same, or it compares nothing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IndexParams {
    pub shingling: Shingling,
    pub permutations: usize,
    pub seed: u64,
    pub banding: Banding,
    /// The Jaccard similarity the banding was tuned for: pairs below it may be missed.
    pub lsh_threshold: f64,
}

impl IndexParams {
    pub fn of(params: &DedupParams) -> Self {
        IndexParams {
            shingling: params.shingling,
            permutations: params.permutations,
            seed: params.seed,
            banding: params.effective_banding(),
            lsh_threshold: params.effective_lsh_threshold(),
        }
    }
}

/// One reference document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    /// Where its text was read when the index was built.
    pub origin: Location,
    /// Shingle windows of its content, repeats included.
    pub shingles: usize,
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    created_by: String,
    params: IndexParams,
    documents: Vec<Entry>,
    /// Documents with at least one shingle: the length of each band table.
    banded: usize,
    set_values: usize,
}

enum Storage {
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

impl std::ops::Deref for Storage {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Storage::Mapped(m) => m,
            Storage::Owned(v) => v,
        }
    }
}

/// An open index, ready for queries.
pub struct Index {
    path: PathBuf,
    params: IndexParams,
    entries: Vec<Entry>,
    bytes: Storage,
    signatures: usize,
    bands: usize,
    banded: usize,
    offsets: usize,
    sets: Range<usize>,
}

/// The index file's bytes for `docs`, signed with `params`.
pub fn build(docs: &[Document], params: &DedupParams, progress: &dyn Progress) -> Result<Vec<u8>> {
    params.validate()?;
    let index_params = IndexParams::of(params);
    let (entries, signatures, sets) = sign_all(docs, &index_params, progress);
    Ok(encode(&index_params, &entries, &signatures, &sets))
}

fn sign_all(
    docs: &[Document],
    params: &IndexParams,
    progress: &dyn Progress,
) -> (Vec<Entry>, Signatures, Vec<Vec<u64>>) {
    let p = params.permutations;
    let hasher = MinHasher::new(p, params.seed);
    let mut flat = vec![0u32; docs.len() * p];
    progress.begin("signing", docs.len() as u64);
    let (entries, sets): (Vec<Entry>, Vec<Vec<u64>>) = docs
        .par_iter()
        .zip(flat.par_chunks_mut(p))
        .map_init(Vec::new, |tokens, (doc, sig)| {
            let mut set = super::sign(doc, params.shingling, &hasher, tokens, sig);
            let shingles = set.len();
            set.sort_unstable();
            set.dedup();
            progress.advance(1);
            let entry = Entry {
                id: doc.id.clone(),
                origin: doc.origin.clone(),
                shingles,
            };
            (entry, set)
        })
        .unzip();
    progress.end();
    (entries, Signatures::from_flat(p, flat), sets)
}

fn pad8(out: &mut Vec<u8>) {
    while !out.len().is_multiple_of(8) {
        out.push(0);
    }
}

fn encode(
    params: &IndexParams,
    entries: &[Entry],
    signatures: &Signatures,
    sets: &[Vec<u64>],
) -> Vec<u8> {
    let Banding { bands, rows } = params.banding;
    let banded: Vec<u32> = (0..entries.len() as u32)
        .filter(|&i| !sets[i as usize].is_empty())
        .collect();
    let set_values: usize = sets.iter().map(Vec::len).sum();
    let header = Header {
        created_by: format!("recoupe {}", env!("CARGO_PKG_VERSION")),
        params: *params,
        documents: entries.to_vec(),
        banded: banded.len(),
        set_values,
    };
    // Plain data with string keys: serialisation cannot fail.
    let header = serde_json::to_vec(&header).unwrap_or_default();
    let tables: Vec<Vec<(u64, u32)>> = (0..bands)
        .into_par_iter()
        .map(|band| {
            let mut bytes = Vec::with_capacity(4 * rows);
            let mut keys: Vec<(u64, u32)> = banded
                .iter()
                .map(|&i| {
                    let key = lsh::band_key(signatures.get(i as usize), band, rows, &mut bytes);
                    (key, i)
                })
                .collect();
            keys.sort_unstable();
            keys
        })
        .collect();

    let mut out = Vec::with_capacity(
        FIXED_HEADER
            + header.len()
            + 8
            + signatures.as_flat().len() * 4
            + bands * banded.len() * 12
            + (entries.len() + 1 + set_values) * 8
            + 16,
    );
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&0u64.to_le_bytes()); // total length, filled in below
    out.extend_from_slice(&(header.len() as u64).to_le_bytes());
    out.extend_from_slice(&header);
    pad8(&mut out);
    for v in signatures.as_flat() {
        out.extend_from_slice(&v.to_le_bytes());
    }
    pad8(&mut out);
    for table in &tables {
        for (key, _) in table {
            out.extend_from_slice(&key.to_le_bytes());
        }
        for (_, doc) in table {
            out.extend_from_slice(&doc.to_le_bytes());
        }
        pad8(&mut out);
    }
    let mut offset = 0u64;
    out.extend_from_slice(&offset.to_le_bytes());
    for set in sets {
        offset += set.len() as u64;
        out.extend_from_slice(&offset.to_le_bytes());
    }
    for set in sets {
        for v in set {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    let total = (out.len() + 8) as u64;
    out[16..24].copy_from_slice(&total.to_le_bytes());
    let checksum = xxhash_rust::xxh3::xxh3_64(&out);
    out.extend_from_slice(&checksum.to_le_bytes());
    out
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

fn align8(n: usize) -> usize {
    n.div_ceil(8).saturating_mul(8)
}

/// Whether the file at `path` starts like an index (it may still be damaged).
pub fn is_index(path: &Path) -> bool {
    let mut magic = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic))
        .is_ok()
        && &magic == MAGIC
}

impl Index {
    /// Opens and checks the index at `path`: a file that is not an index, of another version,
    /// truncated or altered is refused with an error naming it.
    pub fn open(path: &Path) -> Result<Index> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        // SAFETY: the map is read-only; the file is checked (checksum) before use, and a file
        // changed under us while mapped can only yield wrong figures, never unsafety, because
        // every read below is bounds-checked.
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| Error::io(path, e))?;
        Index::from_storage(path, Storage::Mapped(map))
    }

    /// Reads an index from its bytes (as [`build`] returns them); `name` is used in errors.
    pub fn from_bytes(name: &Path, bytes: Vec<u8>) -> Result<Index> {
        Index::from_storage(name, Storage::Owned(bytes))
    }

    fn from_storage(path: &Path, bytes: Storage) -> Result<Index> {
        let damaged = |message: String| Error::Input {
            location: Location::file(path),
            message,
        };
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(damaged(
                "not a recoupe index (build one with `recoupe index build`)".into(),
            ));
        }
        if bytes.len() < FIXED_HEADER + 8 {
            return Err(damaged(format!(
                "damaged index: truncated to {} bytes",
                bytes.len()
            )));
        }
        let version = u32_at(&bytes, 8);
        if version != VERSION {
            return Err(damaged(format!(
                "index format version {version}; this recoupe ({}) reads version {VERSION}: \
                 rebuild the index with `recoupe index build`",
                env!("CARGO_PKG_VERSION")
            )));
        }
        let total = u64_at(&bytes, 16);
        if total != bytes.len() as u64 {
            return Err(damaged(format!(
                "damaged index: {} bytes where its header says {total} (truncated or appended to)",
                bytes.len()
            )));
        }
        let body = bytes.len() - 8;
        let mut hasher = Xxh3::new();
        hasher.update(&bytes[..body]);
        if hasher.digest() != u64_at(&bytes, body) {
            return Err(damaged(
                "damaged index: checksum mismatch (the file was altered or corrupted); \
                 rebuild it with `recoupe index build`"
                    .into(),
            ));
        }
        let header_len = u64_at(&bytes, 24) as usize;
        let header_end = FIXED_HEADER.saturating_add(header_len);
        let header: Header = bytes
            .get(FIXED_HEADER..header_end)
            .ok_or_else(|| damaged("damaged index: header runs past the end".into()))
            .and_then(|h| {
                serde_json::from_slice(h)
                    .map_err(|e| damaged(format!("damaged index: unreadable header ({e})")))
            })?;
        let n = header.documents.len();
        let p = header.params.permutations;
        let Banding { bands, rows } = header.params.banding;
        let inconsistent = || damaged("damaged index: inconsistent parameters or sizes".into());
        if p == 0
            || header.params.shingling.k == 0
            || bands == 0
            || rows == 0
            || bands.checked_mul(rows).is_none_or(|c| c > p)
            || header.banded > n
        {
            return Err(inconsistent());
        }
        // Sizes from a header are checked for overflow: a crafted header with a valid
        // checksum must get an error, not a panic or a wrapped offset.
        let layout = || -> Option<(usize, usize, usize, usize, usize, usize)> {
            let signatures = align8(header_end);
            let band_tables = align8(signatures.checked_add(n.checked_mul(p)?.checked_mul(4)?)?);
            let band_len = align8(header.banded.checked_mul(12)?);
            let offsets = band_tables.checked_add(bands.checked_mul(band_len)?)?;
            let sets_start = offsets.checked_add(n.checked_add(1)?.checked_mul(8)?)?;
            let sets_end = sets_start.checked_add(header.set_values.checked_mul(8)?)?;
            Some((
                signatures,
                band_tables,
                band_len,
                offsets,
                sets_start,
                sets_end,
            ))
        };
        let (signatures, band_tables, _, offsets, sets_start, sets_end) =
            layout().ok_or_else(inconsistent)?;
        if sets_end != body {
            return Err(damaged(format!(
                "damaged index: its sections take {sets_end} bytes, the file has {body}"
            )));
        }
        let index = Index {
            path: path.to_path_buf(),
            params: header.params,
            entries: header.documents,
            bytes,
            signatures,
            bands: band_tables,
            banded: header.banded,
            offsets,
            sets: sets_start..sets_end,
        };
        // The offsets must climb within the sets, or a set would be read out of place.
        let mut last = 0;
        for i in 0..=n {
            let o = index.offset(i);
            if o < last || o > header.set_values {
                return Err(damaged("damaged index: set offsets out of order".into()));
            }
            last = o;
        }
        Ok(index)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn params(&self) -> &IndexParams {
        &self.params
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Size of the file (or bytes) behind the index.
    pub fn size(&self) -> usize {
        self.bytes.len()
    }

    fn offset(&self, i: usize) -> usize {
        u64_at(&self.bytes, self.offsets + i * 8) as usize
    }

    /// Document `i`'s signature, into `out`.
    pub fn signature(&self, i: usize, out: &mut Vec<u32>) {
        let p = self.params.permutations;
        let start = self.signatures + i * p * 4;
        out.clear();
        out.extend((0..p).map(|k| u32_at(&self.bytes, start + k * 4)));
    }

    /// Document `i`'s sorted, distinct shingles, into `out`.
    pub fn set(&self, i: usize, out: &mut Vec<u64>) {
        out.clear();
        let (from, to) = (self.offset(i), self.offset(i + 1));
        let base = self.sets.start;
        out.extend((from..to).map(|k| u64_at(&self.bytes, base + k * 8)));
    }

    /// The documents whose band `band` has key `key`, appended to `out`.
    pub fn bucket(&self, band: usize, key: u64, out: &mut Vec<u32>) {
        let m = self.banded;
        let table = self.bands + band * align8(m * 12);
        let key_at = |k: usize| u64_at(&self.bytes, table + k * 8);
        // First position whose key is not below `key`.
        let (mut lo, mut hi) = (0, m);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if key_at(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let docs = table + m * 8;
        while lo < m && key_at(lo) == key {
            let doc = u32_at(&self.bytes, docs + lo * 4);
            if (doc as usize) < self.entries.len() {
                out.push(doc);
            }
            lo += 1;
        }
    }

    /// The index's bytes with `docs` added. Ids already in the index are refused: a document
    /// is added once, and a changed one goes in a rebuilt index.
    pub fn add(&self, docs: &[Document], progress: &dyn Progress) -> Result<Vec<u8>> {
        let known: rustc_hash::FxHashMap<&str, &Entry> =
            self.entries.iter().map(|e| (e.id.as_str(), e)).collect();
        if let Some((doc, old)) = docs
            .iter()
            .find_map(|d| known.get(d.id.as_str()).map(|e| (d, e)))
        {
            return Err(Error::Input {
                location: doc.origin.clone(),
                message: format!(
                    "document {:?} is already in the index {} (read from {}); \
                     rebuild the index to replace it",
                    doc.id,
                    self.path.display(),
                    old.origin
                ),
            });
        }
        let (new_entries, new_signatures, new_sets) = sign_all(docs, &self.params, progress);
        let mut entries = self.entries.clone();
        entries.extend(new_entries);
        let mut signatures = Signatures::new(self.params.permutations);
        let mut scratch = Vec::new();
        for i in 0..self.len() {
            self.signature(i, &mut scratch);
            signatures.push(&scratch);
        }
        for i in 0..new_signatures.len() {
            signatures.push(new_signatures.get(i));
        }
        let mut sets: Vec<Vec<u64>> = (0..self.len())
            .map(|i| {
                let mut set = Vec::new();
                self.set(i, &mut set);
                set
            })
            .collect();
        sets.extend(new_sets);
        Ok(encode(&self.params, &entries, &signatures, &sets))
    }
}

/// Writes index bytes to `path` as any output is written ([`crate::output`]): atomically, keeping
/// the mode of the file replaced and a symbolic link's target, never over one of `inputs`.
pub fn write(path: &Path, inputs: &crate::output::Inputs, bytes: &[u8]) -> Result<()> {
    crate::output::write(path, inputs, bytes)
}

/// Holds the lock that makes writers of one index take turns: two `index add` runs on one file
/// would otherwise both read the old index and the second rename would drop the first's
/// documents. The lock is on the index's directory, since the file itself is replaced (a new
/// inode) by every write; it is released when the value is dropped.
pub struct WriteLock(#[allow(dead_code)] std::fs::File);

impl WriteLock {
    pub fn take(path: &Path) -> Result<WriteLock> {
        let target = crate::output::resolve(path)?;
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        let handle = std::fs::File::open(&dir).map_err(|e| Error::io(&dir, e))?;
        handle.lock().map_err(|e| Error::io(&dir, e))?;
        Ok(WriteLock(handle))
    }
}

/// What a query found: pairs `(new document, reference document)`, `a` new and `b` reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryResult {
    /// Pairs proposed by the band tables before verification.
    pub candidates: usize,
    /// Sorted by `(a, b)`.
    pub pairs: Vec<Pair>,
}

/// Checks each of `docs` against the index: the reference documents it duplicates or reuses,
/// or that reuse it, with exact figures. `params` gives the thresholds; its shingling,
/// permutations and seed must be the index's.
pub fn query(
    index: &Index,
    docs: &[Document],
    params: &DedupParams,
    progress: &dyn Progress,
) -> Result<QueryResult> {
    params.validate()?;
    let ip = index.params;
    if (params.shingling, params.permutations, params.seed)
        != (ip.shingling, ip.permutations, ip.seed)
    {
        return Err(Error::parameter(
            "index",
            format!(
                "{} was built with shingles {}, {} permutations, seed {}; the query asks for \
                 shingles {}, {} permutations, seed {}",
                index.path.display(),
                ip.shingling,
                ip.permutations,
                ip.seed,
                params.shingling,
                params.permutations,
                params.seed
            ),
        ));
    }
    let hasher = MinHasher::new(ip.permutations, ip.seed);
    let Banding { bands, rows } = ip.banding;
    progress.begin("querying", docs.len() as u64);
    let found: Vec<(usize, Vec<Pair>)> = docs
        .par_iter()
        .map_init(
            || {
                let sig = vec![0u32; ip.permutations];
                (
                    sig,
                    Vec::new(),
                    Vec::new(),
                    Vec::new(),
                    Vec::new(),
                    Vec::new(),
                )
            },
            |(sig, tokens, bytes, candidates, ref_set, ref_sig), doc| {
                let mut set = super::sign(doc, ip.shingling, &hasher, tokens, sig);
                set.sort_unstable();
                set.dedup();
                candidates.clear();
                if !set.is_empty() {
                    for band in 0..bands {
                        let key = lsh::band_key(sig, band, rows, bytes);
                        index.bucket(band, key, candidates);
                    }
                }
                candidates.sort_unstable();
                candidates.dedup();
                let mut pairs = Vec::new();
                for &c in candidates.iter() {
                    let c = c as usize;
                    index.set(c, ref_set);
                    index.signature(c, ref_sig);
                    let new = (doc.id.as_str(), set.as_slice(), sig.as_slice());
                    let reference = (
                        index.entries[c].id.as_str(),
                        ref_set.as_slice(),
                        ref_sig.as_slice(),
                    );
                    pairs.extend(super::verify(new, reference, params, ip.lsh_threshold));
                }
                progress.advance(1);
                (candidates.len(), pairs)
            },
        )
        .collect();
    progress.end();
    let candidates = found.iter().map(|(c, _)| c).sum();
    let mut pairs: Vec<Pair> = found.into_iter().flat_map(|(_, p)| p).collect();
    pairs.sort_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
    Ok(QueryResult { candidates, pairs })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> Document {
        Document {
            lines_in_file: true,
            ..Document::new(id, text, Location::line(format!("{id}.txt"), 1))
        }
    }

    fn story(n: usize) -> String {
        (0..n)
            .map(|i| format!("mot{} terme{} ", i * 7 % 101, i * 13 % 97))
            .collect()
    }

    #[test]
    fn round_trip_finds_the_copy_and_refuses_damage() {
        let reference = vec![doc("r1", &story(200)), doc("r2", "un tout autre texte")];
        let params = DedupParams::default();
        let bytes = build(&reference, &params, &()).unwrap();
        let index = Index::from_bytes(Path::new("mem.idx"), bytes.clone()).unwrap();
        assert_eq!(index.len(), 2);
        let new = vec![doc("n1", &story(200).replace("mot3 ", "MOTX "))];
        let result = query(&index, &new, &params, &()).unwrap();
        assert_eq!(result.pairs.len(), 1);
        assert_eq!(
            (result.pairs[0].a.as_str(), result.pairs[0].b.as_str()),
            ("n1", "r1")
        );

        let refused = |b: Vec<u8>| {
            Index::from_bytes(Path::new("bad.idx"), b)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(refused(bytes[..bytes.len() / 2].to_vec()).contains("truncated"));
        for at in [40, bytes.len() / 2, bytes.len() - 9] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x10;
            assert!(refused(flipped).contains("checksum"), "flip at {at}");
        }
        let mut other = bytes.clone();
        other[8] = 9;
        assert!(refused(other).contains("version 9"));
        assert!(refused(b"hello".to_vec()).contains("not a recoupe index"));
    }

    /// Damage that keeps the checksum valid (a crafted file) gets an error or an answer, never
    /// a panic.
    #[test]
    fn resealed_damage_never_panics() {
        let reference = vec![doc("r1", &story(120)), doc("r2", &story(40)), doc("r3", "")];
        let params = DedupParams::default();
        let bytes = build(&reference, &params, &()).unwrap();
        let new = vec![doc("n1", &story(120))];
        let mut state = 7u64;
        for round in 0..400 {
            let mut b = bytes.clone();
            for _ in 0..1 + round % 3 {
                let r = crate::dedup::minhash::splitmix64(&mut state) as usize;
                let at = 8 + r % (b.len() - 16);
                b[at] = (r >> 32) as u8;
            }
            let body = b.len() - 8;
            let sum = xxhash_rust::xxh3::xxh3_64(&b[..body]);
            b[body..].copy_from_slice(&sum.to_le_bytes());
            if let Ok(index) = Index::from_bytes(Path::new("crafted.idx"), b) {
                let _ = query(&index, &new, &params, &());
            }
        }
    }

    #[test]
    fn added_documents_are_found_and_known_ids_refused() {
        let params = DedupParams::default();
        let bytes = build(&[doc("r1", &story(50))], &params, &()).unwrap();
        let index = Index::from_bytes(Path::new("a.idx"), bytes).unwrap();
        let grown = index.add(&[doc("r2", &story(300))], &()).unwrap();
        let grown = Index::from_bytes(Path::new("b.idx"), grown).unwrap();
        assert_eq!(grown.len(), 2);
        let result = query(&grown, &[doc("n", &story(300))], &params, &()).unwrap();
        let matched: Vec<&str> = result.pairs.iter().map(|p| p.b.as_str()).collect();
        assert!(matched.contains(&"r2"), "{matched:?}");
        let err = grown.add(&[doc("r1", "x y z")], &()).unwrap_err();
        assert!(err.to_string().contains("already in the index"), "{err}");
    }
}
