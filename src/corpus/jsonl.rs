//! JSON Lines: one object per line. Only the configured fields are decoded; every other field is
//! skipped without being built, which keeps parsing close to the speed of reading.

use std::fmt;

use rayon::prelude::*;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

use super::decode;
use super::meta::{Key, Meta};
use super::walk::Unit;
use super::{Address, DiagnosticKind, Loaded};
use crate::error::Location;

/// Names of the fields of a record. `text` is required; `id` defaults to `<file>:<line>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonlFields {
    pub id: String,
    pub text: String,
    pub title: String,
    pub source: String,
    pub url: String,
    pub published: String,
    pub lang: String,
}

impl Default for JsonlFields {
    fn default() -> Self {
        JsonlFields {
            id: "id".into(),
            text: "text".into(),
            title: "title".into(),
            source: "source".into(),
            url: "url".into(),
            published: "published".into(),
            lang: "lang".into(),
        }
    }
}

#[derive(Clone, Copy)]
enum Field {
    Text,
    Meta(Key),
}

impl JsonlFields {
    fn field(&self, name: &str) -> Option<Field> {
        Some(if name == self.text {
            Field::Text
        } else if name == self.id {
            Field::Meta(Key::Id)
        } else if name == self.title {
            Field::Meta(Key::Title)
        } else if name == self.source {
            Field::Meta(Key::Source)
        } else if name == self.url {
            Field::Meta(Key::Url)
        } else if name == self.published {
            Field::Meta(Key::Published)
        } else if name == self.lang {
            Field::Meta(Key::Lang)
        } else {
            return None;
        })
    }
}

#[derive(Default)]
struct Record {
    text: Option<String>,
    /// Metadata values as found, set on the document after parsing so that problems can be
    /// reported with the line.
    meta: Vec<(Key, String)>,
}

struct RecordSeed<'a>(&'a JsonlFields);

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Record;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Record, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = Record;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
        let mut record = Record::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match self.0.field(&key) {
                Some(Field::Text) => {
                    record.text = map.next_value::<Option<String>>()?;
                }
                Some(Field::Meta(k)) => {
                    if let Some(v) = map.next_value::<Option<Scalar>>()? {
                        record.meta.push((k, v.0));
                    }
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(record)
    }
}

/// A metadata value: a string, or a number or boolean written as one (ids are often numbers).
struct Scalar(String);

impl<'de> de::Deserialize<'de> for Scalar {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Where a chunk of a JSON Lines file starts: its unit, byte offset and line number.
#[derive(Debug, Clone, Copy)]
pub(super) struct ChunkStart {
    pub unit: u32,
    pub offset: u64,
    pub line: usize,
}

/// Reads the records of `bytes`, whole lines of `unit` from `start` on.
pub(super) fn read(
    unit: &Unit,
    start: ChunkStart,
    bytes: &[u8],
    fields: &JsonlFields,
    out: &mut Loaded,
) {
    // Lines are decoded and parsed in parallel (a corpus is often one large file) and merged
    // in file order. A newline byte never occurs inside a UTF-8 sequence, so splitting the
    // bytes before decoding is safe.
    let mut lines: Vec<(usize, &[u8])> = Vec::new();
    let mut from = 0;
    for end in memchr::memchr_iter(b'\n', bytes) {
        lines.push((from, &bytes[from..end]));
        from = end + 1;
    }
    if from < bytes.len() {
        lines.push((from, &bytes[from..]));
    }
    let parts: Vec<Loaded> = lines
        .par_iter()
        .enumerate()
        .with_min_len(256)
        .map(|(i, &(at, line))| {
            let mut part = Loaded::default();
            let address = Address {
                unit: start.unit,
                line: start.line + i,
                start: start.offset + at as u64,
                len: line.len(),
            };
            read_record(unit, address, line, fields, &mut part);
            part
        })
        .collect();
    for part in parts {
        out.append(part);
    }
}

/// Reads the one record at `address`, whose bytes are `line` (its newline excluded).
pub(super) fn read_record(
    unit: &Unit,
    address: Address,
    line: &[u8],
    fields: &JsonlFields,
    out: &mut Loaded,
) {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let text = decode::decode(&unit.path, line, address.line, out);
    if read_line(unit, address.line, &text, fields, out) {
        out.addresses.push(address);
    }
}

/// Parses one line; whether it gave a document.
fn read_line(
    unit: &Unit,
    line_no: usize,
    line: &str,
    fields: &JsonlFields,
    out: &mut Loaded,
) -> bool {
    let location = Location::line(&unit.path, line_no);
    if line.trim().is_empty() {
        return false;
    }
    let mut de = serde_json::Deserializer::from_str(line);
    let record = RecordSeed(fields)
        .deserialize(&mut de)
        .and_then(|r| de.end().map(|()| r));
    let record = match record {
        Ok(record) => record,
        Err(e) => {
            out.warn(
                location,
                DiagnosticKind::MalformedLine,
                format!("skipped: malformed JSON line: {e}"),
            );
            return false;
        }
    };
    let Some(body) = record.text.filter(|t| !t.trim().is_empty()) else {
        out.warn(
            location,
            DiagnosticKind::Empty,
            format!("skipped: no text in field {:?}", fields.text),
        );
        return false;
    };
    let mut meta = Meta::default();
    for (key, value) in &record.meta {
        meta.set(*key, value, &location, out);
    }
    let default_id = format!("{}:{line_no}", unit.id);
    out.documents
        .push(meta.into_document(default_id, body, location));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn unit() -> Unit {
        Unit {
            path: PathBuf::from("c.jsonl"),
            format: None,
            id: "c".into(),
            spool: None,
            stream: false,
            found: false,
        }
    }

    #[test]
    fn records_bad_lines_and_custom_fields() {
        let input = concat!(
            "{\"doc_id\": 7, \"body\": \"Un texte.\", \"extra\": {\"x\": [1,2]}, \"date\": \"2024-06-19\"}\n",
            "\n",
            "{\"doc_id\": \"b\", \"body\": \"Deux\"\n",
            "{\"body\": \"Sans id.\", \"date\": \"demain\"}\n",
            "{\"doc_id\": \"c\", \"body\": \"  \"}\n",
            "[1, 2]\n",
        );
        let fields = JsonlFields {
            id: "doc_id".into(),
            text: "body".into(),
            published: "date".into(),
            ..JsonlFields::default()
        };
        let mut out = Loaded::default();
        let start = ChunkStart {
            unit: 0,
            offset: 0,
            line: 1,
        };
        read(&unit(), start, input.as_bytes(), &fields, &mut out);
        let ids: Vec<_> = out.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["7", "c:4"]);
        assert_eq!(
            out.documents[0].published.unwrap().to_string(),
            "2024-06-19"
        );
        let found: Vec<_> = out
            .diagnostics
            .iter()
            .map(|d| (d.location.line.unwrap(), d.kind))
            .collect();
        assert_eq!(
            found,
            [
                (3, DiagnosticKind::MalformedLine),
                (4, DiagnosticKind::BadField),
                (5, DiagnosticKind::Empty),
                (6, DiagnosticKind::MalformedLine),
            ]
        );
    }
}
