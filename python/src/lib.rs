//! `recoupe._native`: the library's stages over batches, for the Python package. Every function
//! takes and returns plain data (lists, NumPy arrays, JSON strings) so that a stage can run in
//! another process (a Ray worker) and its output cross a Parquet file; parameters travel as the
//! JSON of [`DedupParams`], validated here with the command line's messages. The GIL is released
//! while the work runs.

use numpy::ndarray::{Array2, ArrayView2};
use numpy::{IntoPyArray, PyArray1, PyArray2, PyReadonlyArray1, PyReadonlyArray2};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;

use recoupe::compare::CompareParams;
use recoupe::corpus::{self, Catalog, DocumentInfo, Format, LoadOptions, Stream};
use recoupe::dedup::{self, DedupParams, Pair, Relation, lsh, minhash};
use recoupe::report::{Scan, analysis::Analysis, markdown};

create_exception!(
    _native,
    RecoupeError,
    PyValueError,
    "An error of recoupe: a bad parameter or input, with the message the command line prints."
);

fn error(e: impl std::fmt::Display) -> PyErr {
    RecoupeError::new_err(e.to_string())
}

/// Full error chain, as the command line prints it (`cannot read x: No such file`).
fn library_error(e: recoupe::error::Error) -> PyErr {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    RecoupeError::new_err(message)
}

fn dedup_params(json: &str) -> PyResult<DedupParams> {
    let params: DedupParams =
        serde_json::from_str(json).map_err(|e| error(format!("parameters: {e}")))?;
    params.validate().map_err(library_error)?;
    Ok(params)
}

fn compare_params(json: &str) -> PyResult<CompareParams> {
    let params: CompareParams =
        serde_json::from_str(json).map_err(|e| error(format!("comparison parameters: {e}")))?;
    params.validate().map_err(library_error)?;
    Ok(params)
}

/// Merges `overrides` (a JSON object of the fields to change, `shingle` as `words:5`) into
/// the defaults, validates, and returns the full parameters' JSON.
fn merged<T: serde::Serialize + serde::de::DeserializeOwned>(
    defaults: T,
    overrides: &str,
) -> PyResult<String> {
    let mut value = serde_json::to_value(defaults).map_err(error)?;
    let changes: serde_json::Value =
        serde_json::from_str(overrides).map_err(|e| error(format!("parameters: {e}")))?;
    let serde_json::Value::Object(changes) = changes else {
        return Err(error("parameters: expected an object"));
    };
    for (key, v) in changes {
        let Some(slot) = value.get_mut(&key) else {
            return Err(error(format!("unknown parameter `{key}`")));
        };
        *slot = match (key.as_str(), v) {
            ("shingling", serde_json::Value::String(s)) => {
                let s: dedup::Shingling = s.parse().map_err(|e| error(format!("shingle: {e}")))?;
                serde_json::to_value(s).map_err(error)?
            }
            (_, v) => v,
        };
    }
    let typed: T = serde_json::from_value(value).map_err(|e| error(format!("parameters: {e}")))?;
    serde_json::to_string(&typed).map_err(error)
}

/// The near-duplicate parameters: the defaults of `recoupe scan` with `overrides` applied.
#[pyfunction]
fn dedup_parameters(overrides: &str) -> PyResult<String> {
    let json = merged(DedupParams::default(), overrides)?;
    dedup_params(&json)?;
    Ok(json)
}

/// The comparison parameters: the defaults of `recoupe report` with `overrides` applied.
#[pyfunction]
fn compare_parameters(overrides: &str) -> PyResult<String> {
    let json = merged(CompareParams::default(), overrides)?;
    compare_params(&json)?;
    Ok(json)
}

/// `(bands, rows, lsh_threshold)` the parameters give, as `scan` chooses them.
#[pyfunction]
fn banding(params: &str) -> PyResult<(usize, usize, f64)> {
    let p = dedup_params(params)?;
    let b = p.effective_banding();
    Ok((b.bands, b.rows, p.effective_lsh_threshold()))
}

/// Signatures and shingle counts, as [`sign`] returns them.
type Signed<'py> = (Bound<'py, PyArray2<u32>>, Bound<'py, PyArray1<u64>>);

/// Signs `texts`: `(signatures, shingles)`, an `(n, permutations)` `uint32` array identical to
/// the command line's for the same parameters, and each text's shingle count (0: no content,
/// whose signature must not be banded).
#[pyfunction]
fn sign<'py>(py: Python<'py>, texts: Vec<String>, params: &str) -> PyResult<Signed<'py>> {
    let p = dedup_params(params)?;
    let n = p.permutations;
    let (flat, counts) = py.detach(|| {
        let hasher = minhash::MinHasher::new(n, p.seed);
        let mut flat = vec![0u32; texts.len() * n];
        let counts: Vec<u64> = texts
            .par_iter()
            .zip(flat.par_chunks_mut(n))
            .map_init(Vec::new, |tokens, (text, sig)| {
                dedup::sign_text(text, p.shingling, &hasher, tokens, sig).len() as u64
            })
            .collect();
        (flat, counts)
    });
    let sigs = Array2::from_shape_vec((texts.len(), n), flat).map_err(error)?;
    Ok((sigs.into_pyarray(py), counts.into_pyarray(py)))
}

/// A contiguous copy of a 2-D array's rows when it is not already one.
fn rows_of(view: ArrayView2<'_, u32>) -> Vec<u32> {
    view.iter().copied().collect()
}

fn check_width(name: &str, width: usize, params: &DedupParams) -> PyResult<()> {
    if width != params.permutations {
        return Err(error(format!(
            "{name}: signatures of {width} values, but the parameters have {} permutations",
            params.permutations
        )));
    }
    Ok(())
}

/// The LSH bucket keys of each signature, an `(n, bands)` `uint64` array: the keys `scan`
/// groups documents by.
#[pyfunction]
fn band_keys<'py>(
    py: Python<'py>,
    signatures: PyReadonlyArray2<'py, u32>,
    params: &str,
) -> PyResult<Bound<'py, PyArray2<u64>>> {
    let p = dedup_params(params)?;
    let view = signatures.as_array();
    let (n, width) = view.dim();
    check_width("signatures", width, &p)?;
    let flat = view
        .as_slice()
        .map_or_else(|| rows_of(view), <[u32]>::to_vec);
    let banding = p.effective_banding();
    let keys = py.detach(|| {
        let mut keys = vec![0u64; n * banding.bands];
        keys.par_chunks_mut(banding.bands.max(1))
            .zip(flat.par_chunks(width.max(1)))
            .for_each_init(Vec::new, |bytes, (out, sig)| {
                for (band, k) in out.iter_mut().enumerate() {
                    *k = lsh::band_key(sig, band, banding.rows, bytes);
                }
            });
        keys
    });
    Ok(Array2::from_shape_vec((n, banding.bands), keys)
        .map_err(error)?
        .into_pyarray(py))
}

/// The candidate pairs of a share of the band keys (rows of `band`, `key`, `position`, in any
/// order): each bucket (one band, one key) gives [`bucket_pairs`]. A distributed run hashes the
/// keys into shares so that one call handles many buckets. An `(m, 2)` `uint64` array, smaller
/// position first, possibly with pairs repeated from several bands.
#[pyfunction]
fn partition_pairs<'py>(
    py: Python<'py>,
    band: PyReadonlyArray1<'py, u64>,
    key: PyReadonlyArray1<'py, u64>,
    position: PyReadonlyArray1<'py, u64>,
) -> PyResult<Bound<'py, PyArray2<u64>>> {
    let (band, key, position) = (band.as_array(), key.as_array(), position.as_array());
    if band.len() != key.len() || key.len() != position.len() {
        return Err(error("partition_pairs: the columns differ in length"));
    }
    let mut rows: Vec<(u64, u64, u64)> = (0..band.len())
        .map(|r| (band[r], key[r], position[r]))
        .collect();
    let out = py.detach(|| {
        rows.par_sort_unstable();
        rows.dedup();
        let mut out = Vec::new();
        let mut members = Vec::new();
        for bucket in rows.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
            members.clear();
            members.extend(bucket.iter().map(|r| r.2));
            lsh::bucket_pairs(&members, &mut out);
        }
        out
    });
    let flat: Vec<u64> = out.iter().flat_map(|&(a, b)| [a, b]).collect();
    Ok(Array2::from_shape_vec((out.len(), 2), flat)
        .map_err(error)?
        .into_pyarray(py))
}

/// `(bands, rows)` minimising the weighted false-positive and false-negative areas for
/// `threshold`: the choice behind `scan`'s banding, with any weights (datasketch uses 0.5, 0.5).
#[pyfunction]
fn optimal_banding(
    threshold: f64,
    permutations: usize,
    false_positive_weight: f64,
    false_negative_weight: f64,
) -> PyResult<(usize, usize)> {
    if !(threshold > 0.0 && threshold <= 1.0) {
        return Err(error(format!("threshold: {threshold} is not in (0, 1]")));
    }
    if !(1..=4096).contains(&permutations) {
        return Err(error(format!(
            "permutations: {permutations} is not between 1 and 4096"
        )));
    }
    let b = lsh::Banding::optimal(
        threshold,
        permutations,
        false_positive_weight,
        false_negative_weight,
    );
    Ok((b.bands, b.rows))
}

/// The candidate pairs of one bucket, given its members' positions: every pair, or a chain and
/// a star for a large bucket, as `scan` emits them. An `(m, 2)` `uint64` array, smaller first.
#[pyfunction]
fn bucket_pairs<'py>(
    py: Python<'py>,
    members: PyReadonlyArray1<'py, u64>,
) -> PyResult<Bound<'py, PyArray2<u64>>> {
    let mut members = members.as_array().to_vec();
    members.sort_unstable();
    members.dedup();
    let mut out = Vec::new();
    lsh::bucket_pairs(&members, &mut out);
    let flat: Vec<u64> = out.iter().flat_map(|&(a, b)| [a, b]).collect();
    Ok(Array2::from_shape_vec((out.len(), 2), flat)
        .map_err(error)?
        .into_pyarray(py))
}

/// Verifies candidate pairs, row by row, from both sides' ids, texts and signatures. Returns
/// the columns of the verified pairs: `row` (the input row), `a`, `b` (the smaller id first),
/// `relation`, `estimated_jaccard`, `jaccard`, `containment_a_in_b`, `containment_b_in_a`,
/// `shared_shingles`, and `details` (JSON of the passages and edits).
#[allow(clippy::too_many_arguments)]
#[pyfunction]
fn verify_pairs<'py>(
    py: Python<'py>,
    ids_a: Vec<String>,
    texts_a: Vec<String>,
    signatures_a: PyReadonlyArray2<'py, u32>,
    ids_b: Vec<String>,
    texts_b: Vec<String>,
    signatures_b: PyReadonlyArray2<'py, u32>,
    params: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let p = dedup_params(params)?;
    let (va, vb) = (signatures_a.as_array(), signatures_b.as_array());
    let n = ids_a.len();
    if [
        texts_a.len(),
        va.dim().0,
        ids_b.len(),
        texts_b.len(),
        vb.dim().0,
    ] != [n; 5]
    {
        return Err(error("verify_pairs: all columns must have the same length"));
    }
    check_width("signatures_a", va.dim().1, &p)?;
    check_width("signatures_b", vb.dim().1, &p)?;
    let (sa, sb) = (rows_of(va), rows_of(vb));
    let width = p.permutations;
    let lsh_threshold = p.effective_lsh_threshold();
    let found: Vec<(usize, Pair)> = py.detach(|| {
        (0..n)
            .into_par_iter()
            .map_init(
                || (Vec::new(), Vec::new()),
                |scratch, r| {
                    let row = r * width..(r + 1) * width;
                    let x = (ids_a[r].as_str(), texts_a[r].as_str(), &sa[row.clone()]);
                    let y = (ids_b[r].as_str(), texts_b[r].as_str(), &sb[row]);
                    dedup::resolve::verify_texts(x, y, &p, lsh_threshold, scratch)
                        .map(|pair| (r, pair))
                },
            )
            .flatten()
            .collect()
    });
    let out = PyDict::new(py);
    let column = |f: &dyn Fn(&Pair) -> f64| found.iter().map(|(_, p)| f(p)).collect::<Vec<_>>();
    out.set_item(
        "row",
        found.iter().map(|(r, _)| *r as u64).collect::<Vec<_>>(),
    )?;
    out.set_item(
        "a",
        found.iter().map(|(_, p)| p.a.clone()).collect::<Vec<_>>(),
    )?;
    out.set_item(
        "b",
        found.iter().map(|(_, p)| p.b.clone()).collect::<Vec<_>>(),
    )?;
    let relation = |p: &Pair| serde_json::to_value(p.relation).map_err(error);
    let relations = found
        .iter()
        .map(|(_, p)| Ok(relation(p)?.as_str().unwrap_or_default().to_string()))
        .collect::<PyResult<Vec<_>>>()?;
    out.set_item("relation", relations)?;
    out.set_item("estimated_jaccard", column(&|p| p.estimated_jaccard))?;
    out.set_item("jaccard", column(&|p| p.jaccard))?;
    out.set_item("containment_a_in_b", column(&|p| p.containment_a_in_b))?;
    out.set_item("containment_b_in_a", column(&|p| p.containment_b_in_a))?;
    out.set_item(
        "shared_shingles",
        found
            .iter()
            .map(|(_, p)| p.shared_shingles as u64)
            .collect::<Vec<_>>(),
    )?;
    let details = found
        .iter()
        .map(|(_, p)| {
            serde_json::to_string(&serde_json::json!({
                "passages": p.passages,
                "changes": p.changes,
            }))
            .map_err(error)
        })
        .collect::<PyResult<Vec<_>>>()?;
    out.set_item("details", details)?;
    Ok(out)
}

/// The files `paths` expand to, in the order `scan` reads them (directories walked).
#[pyfunction]
fn expand(py: Python<'_>, paths: Vec<String>) -> PyResult<Vec<String>> {
    if paths.iter().any(|p| p == "-") {
        return Err(error("standard input cannot be handed out to workers"));
    }
    let inputs: Vec<std::path::PathBuf> = paths.iter().map(Into::into).collect();
    py.detach(|| {
        let stream = Stream::open(&inputs, &LoadOptions::default()).map_err(library_error)?;
        Ok(stream
            .files()
            .map(|p| p.to_string_lossy().into_owned())
            .collect())
    })
}

/// Reads one file as `scan` does. Returns `{"id", "text", "info"}` columns of its documents in
/// reading order (`info`: the JSON of what the report lists of each), the JSON of its
/// diagnostics, and the bytes of text read.
#[pyfunction]
fn read_file<'py>(py: Python<'py>, path: String) -> PyResult<Bound<'py, PyDict>> {
    let inputs = [std::path::PathBuf::from(&path)];
    let (docs, diagnostics, bytes) = py.detach(|| {
        let stream = Stream::open(&inputs, &LoadOptions::default()).map_err(library_error)?;
        let mut docs = Vec::new();
        let summary = stream
            .read(|batch| {
                docs.extend(batch.documents);
                Ok(())
            })
            .map_err(library_error)?;
        Ok::<_, PyErr>((docs, summary.diagnostics, summary.bytes))
    })?;
    documents_dict(py, docs, &diagnostics, bytes)
}

/// Records parsed from JSON Lines in memory, named `name` in diagnostics, as [`read_file`]
/// returns a file's: for inputs the command line cannot read itself (a Parquet file turned into
/// JSON Lines by the caller), so that they are read by the same rules.
#[pyfunction]
fn read_jsonl<'py>(py: Python<'py>, name: &str, jsonl: &[u8]) -> PyResult<Bound<'py, PyDict>> {
    let corpus = py.detach(|| parse_jsonl(name, jsonl));
    documents_dict(py, corpus.documents, &corpus.diagnostics, corpus.bytes)
}

fn documents_dict<'py>(
    py: Python<'py>,
    docs: Vec<recoupe::corpus::Document>,
    diagnostics: &[recoupe::corpus::Diagnostic],
    bytes: u64,
) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    let infos = docs
        .iter()
        .map(|d| serde_json::to_string(&DocumentInfo::from(d)).map_err(error))
        .collect::<PyResult<Vec<_>>>()?;
    let diagnostics = diagnostics
        .iter()
        .map(|d| serde_json::to_string(d).map_err(error))
        .collect::<PyResult<Vec<_>>>()?;
    out.set_item("id", docs.iter().map(|d| d.id.clone()).collect::<Vec<_>>())?;
    out.set_item("info", infos)?;
    out.set_item("text", docs.into_iter().map(|d| d.text).collect::<Vec<_>>())?;
    out.set_item("diagnostics", diagnostics)?;
    out.set_item("bytes", bytes)?;
    Ok(out)
}

/// The verified pairs of a distributed run, as columns.
#[derive(FromPyObject)]
struct PairColumns {
    #[pyo3(item)]
    i: Vec<u32>,
    #[pyo3(item)]
    j: Vec<u32>,
    #[pyo3(item)]
    a: Vec<String>,
    #[pyo3(item)]
    b: Vec<String>,
    #[pyo3(item)]
    relation: Vec<String>,
    #[pyo3(item)]
    estimated_jaccard: Vec<f64>,
    #[pyo3(item)]
    jaccard: Vec<f64>,
    #[pyo3(item)]
    containment_a_in_b: Vec<f64>,
    #[pyo3(item)]
    containment_b_in_a: Vec<f64>,
    #[pyo3(item)]
    shared_shingles: Vec<u64>,
    #[pyo3(item)]
    details: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Details {
    passages: Vec<dedup::Passage>,
    changes: Vec<dedup::changes::Change>,
}

/// The end of a distributed scan, on the driver: from every document's info and shingle count
/// (in reading order), the verified pairs (`i`, `j`: indices into the documents), the number
/// of candidate pairs, the diagnostics and bytes read, the JSON `recoupe scan --format json`
/// writes for the same corpus.
#[allow(clippy::too_many_arguments)]
#[pyfunction]
fn assemble_scan(
    py: Python<'_>,
    infos: Vec<String>,
    shingles: Vec<u64>,
    pairs: PairColumns,
    candidates: usize,
    diagnostics: Vec<String>,
    bytes: u64,
    params: &str,
) -> PyResult<String> {
    let p = dedup_params(params)?;
    if infos.len() != shingles.len() {
        return Err(error("assemble_scan: infos and shingles differ in length"));
    }
    let n = pairs.i.len();
    let lengths = [
        pairs.j.len(),
        pairs.a.len(),
        pairs.b.len(),
        pairs.relation.len(),
        pairs.estimated_jaccard.len(),
        pairs.jaccard.len(),
        pairs.containment_a_in_b.len(),
        pairs.containment_b_in_a.len(),
        pairs.shared_shingles.len(),
        pairs.details.len(),
    ];
    if lengths != [n; 10] {
        return Err(error("assemble_scan: the pair columns differ in length"));
    }
    py.detach(|| {
        let mut infos: Vec<DocumentInfo> = infos
            .iter()
            .map(|s| serde_json::from_str(s).map_err(|e| error(format!("document info: {e}"))))
            .collect::<PyResult<_>>()?;
        let mut diagnostics: Vec<corpus::Diagnostic> = diagnostics
            .iter()
            .map(|s| serde_json::from_str(s).map_err(|e| error(format!("diagnostic: {e}"))))
            .collect::<PyResult<_>>()?;
        let mut found = Vec::with_capacity(n);
        for r in 0..n {
            let (i, j) = (pairs.i[r], pairs.j[r]);
            if i as usize >= infos.len() || j as usize >= infos.len() {
                return Err(error(format!("pair {r}: document index out of range")));
            }
            let relation: Relation =
                serde_json::from_value(serde_json::Value::String(pairs.relation[r].clone()))
                    .map_err(|e| error(format!("pair {r}: relation: {e}")))?;
            let details: Details = serde_json::from_str(&pairs.details[r])
                .map_err(|e| error(format!("pair {r}: details: {e}")))?;
            found.push((
                i,
                j,
                Pair {
                    a: pairs.a[r].clone(),
                    b: pairs.b[r].clone(),
                    relation,
                    estimated_jaccard: pairs.estimated_jaccard[r],
                    jaccard: pairs.jaccard[r],
                    containment_a_in_b: pairs.containment_a_in_b[r],
                    containment_b_in_a: pairs.containment_b_in_a[r],
                    shared_shingles: pairs.shared_shingles[r] as usize,
                    passages: details.passages,
                    changes: details.changes,
                },
            ));
        }
        // Ids were used by the workers before the driver saw them all: a repeated id cannot be
        // renamed as `scan` does, so it is refused.
        let mut ids: Vec<&str> = infos.iter().map(|d| d.id.as_str()).collect();
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(error(format!(
                "the id `{}` is given to more than one document: a distributed scan needs \
                 unique ids",
                w[0]
            )));
        }
        let members: Vec<(&str, Option<chrono::NaiveDate>)> =
            infos.iter().map(|d| (d.id.as_str(), d.published)).collect();
        let counts = shingles.iter().map(|&c| c as usize).collect();
        let result = dedup::assemble(
            &members,
            counts,
            p.effective_banding(),
            p.effective_lsh_threshold(),
            candidates,
            found,
        );
        drop(members);
        diagnostics.extend(corpus::rename_duplicate_ids(&mut infos));
        infos.sort_by(|x, y| x.id.cmp(&y.id));
        let catalog = Catalog {
            documents: infos,
            diagnostics,
            bytes,
        };
        Ok(Scan::new(catalog, p, result).to_json())
    })
}

/// `recoupe scan --format json` on `paths`, read exactly as the command line reads them.
#[pyfunction]
fn scan_paths(py: Python<'_>, paths: Vec<String>, params: &str) -> PyResult<String> {
    let p = dedup_params(params)?;
    let inputs: Vec<std::path::PathBuf> = paths.iter().map(Into::into).collect();
    py.detach(|| {
        let stream = Stream::open(&inputs, &LoadOptions::default()).map_err(library_error)?;
        let (catalog, result) = dedup::run_stream(&stream, &p, &()).map_err(library_error)?;
        Ok(Scan::new(catalog, p, result).to_json())
    })
}

fn parse_jsonl(name: &str, jsonl: &[u8]) -> corpus::Corpus {
    corpus::parse(name, jsonl, Some(Format::Jsonl), &LoadOptions::default())
}

/// `scan` on documents given as JSON Lines in memory (one object per line, the fields the
/// command line reads: `id`, `text`, `title`, `published`…), named `name` in the output.
#[pyfunction]
fn scan_jsonl(py: Python<'_>, name: &str, jsonl: &[u8], params: &str) -> PyResult<String> {
    let p = dedup_params(params)?;
    py.detach(|| {
        let corpus = parse_jsonl(name, jsonl);
        let result = dedup::run(&corpus.documents, &p, &()).map_err(library_error)?;
        Ok(Scan::new((&corpus).into(), p, result).to_json())
    })
}

fn analyse(
    name: String,
    corpus: &corpus::Corpus,
    dedup: DedupParams,
    compare: CompareParams,
    format: &str,
) -> PyResult<String> {
    let result = dedup::run(&corpus.documents, &dedup, &()).map_err(library_error)?;
    let extraction = recoupe::claims::extract_all(&corpus.documents);
    let copies = recoupe::compare::Copies::of_pairs(&result.pairs);
    let comparison =
        recoupe::compare::compare_with(&corpus.documents, &extraction, &compare, &copies)
            .map_err(library_error)?;
    let analysis = Analysis::new(
        name,
        corpus,
        dedup,
        result,
        compare,
        &extraction,
        comparison,
    );
    Ok(match format {
        "markdown" => markdown::render(&analysis),
        _ => analysis.to_json(),
    })
}

fn check_format(format: &str) -> PyResult<()> {
    if format == "json" || format == "markdown" {
        Ok(())
    } else {
        Err(error(format!(
            "format: `{format}` is not one of json, markdown"
        )))
    }
}

/// `recoupe report` on `paths`: JSON (schema recoupe.report/2) or Markdown.
#[pyfunction]
fn report_paths(
    py: Python<'_>,
    name: String,
    paths: Vec<String>,
    dedup: &str,
    compare: &str,
    format: &str,
) -> PyResult<String> {
    let (d, c) = (dedup_params(dedup)?, compare_params(compare)?);
    check_format(format)?;
    let inputs: Vec<std::path::PathBuf> = paths.iter().map(Into::into).collect();
    py.detach(|| {
        let corpus = corpus::load(&inputs, &LoadOptions::default()).map_err(library_error)?;
        analyse(name, &corpus, d, c, format)
    })
}

/// `report` on documents given as JSON Lines in memory.
#[pyfunction]
fn report_jsonl(
    py: Python<'_>,
    name: String,
    jsonl: &[u8],
    dedup: &str,
    compare: &str,
    format: &str,
) -> PyResult<String> {
    let (d, c) = (dedup_params(dedup)?, compare_params(compare)?);
    check_format(format)?;
    py.detach(|| {
        let corpus = parse_jsonl(&name, jsonl);
        analyse(name, &corpus, d, c, format)
    })
}

/// The claims, quotes and names of one text, as the JSON of `recoupe claims` for one document.
#[pyfunction]
#[pyo3(signature = (text, id="text".to_string(), lang=None, published=None))]
fn claims(
    py: Python<'_>,
    text: String,
    id: String,
    lang: Option<String>,
    published: Option<String>,
) -> PyResult<String> {
    let published = match published {
        Some(s) => Some(
            corpus::parse_date(&s)
                .ok_or_else(|| error(format!("published: `{s}` is not a date")))?,
        ),
        None => None,
    };
    py.detach(|| {
        let mut doc = corpus::Document::new(id, text, recoupe::error::Location::file("<python>"));
        doc.lang = lang;
        doc.published = published;
        serde_json::to_string(&recoupe::claims::extract(&doc)).map_err(error)
    })
}

/// Hashes of items for a datasketch-style `MinHash.update`: xxh3 of each item's bytes, the
/// hash recoupe gives its shingles.
#[pyfunction]
fn hash_items<'py>(py: Python<'py>, items: Vec<Vec<u8>>) -> Bound<'py, PyArray1<u64>> {
    items
        .iter()
        .map(|b| xxhash_rust::xxh3::xxh3_64(b))
        .collect::<Vec<_>>()
        .into_pyarray(py)
}

/// The MinHash signature of a set of 64-bit hashes (shingles or items), `permutations` values.
#[pyfunction]
fn sign_hashes<'py>(
    py: Python<'py>,
    hashes: PyReadonlyArray1<'py, u64>,
    permutations: usize,
    seed: u64,
) -> PyResult<Bound<'py, PyArray1<u32>>> {
    if !(1..=4096).contains(&permutations) {
        return Err(error(format!(
            "permutations: {permutations} is not between 1 and 4096"
        )));
    }
    let hashes = hashes.as_array().to_vec();
    let sig = py.detach(|| {
        let mut sig = vec![0u32; permutations];
        minhash::MinHasher::new(permutations, seed).sign(&hashes, &mut sig);
        sig
    });
    Ok(sig.into_pyarray(py))
}

/// The shingle hashes of a text, with recoupe's boilerplate detection and shingling.
#[pyfunction]
fn shingles<'py>(
    py: Python<'py>,
    text: String,
    params: &str,
) -> PyResult<Bound<'py, PyArray1<u64>>> {
    let p = dedup_params(params)?;
    let set = py.detach(|| {
        let bp = recoupe::text::boilerplate::detect(&text);
        dedup::shingle::shingle_set(&text, &bp, p.shingling)
    });
    Ok(set.into_pyarray(py))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("RecoupeError", m.py().get_type::<RecoupeError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MAX_BUCKET_PAIRS", lsh::MAX_BUCKET_PAIRS)?;
    m.add_function(wrap_pyfunction!(dedup_parameters, m)?)?;
    m.add_function(wrap_pyfunction!(compare_parameters, m)?)?;
    m.add_function(wrap_pyfunction!(banding, m)?)?;
    m.add_function(wrap_pyfunction!(sign, m)?)?;
    m.add_function(wrap_pyfunction!(band_keys, m)?)?;
    m.add_function(wrap_pyfunction!(bucket_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(optimal_banding, m)?)?;
    m.add_function(wrap_pyfunction!(partition_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(verify_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(expand, m)?)?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    m.add_function(wrap_pyfunction!(read_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(assemble_scan, m)?)?;
    m.add_function(wrap_pyfunction!(scan_paths, m)?)?;
    m.add_function(wrap_pyfunction!(scan_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(report_paths, m)?)?;
    m.add_function(wrap_pyfunction!(report_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(claims, m)?)?;
    m.add_function(wrap_pyfunction!(hash_items, m)?)?;
    m.add_function(wrap_pyfunction!(sign_hashes, m)?)?;
    m.add_function(wrap_pyfunction!(shingles, m)?)?;
    Ok(())
}
