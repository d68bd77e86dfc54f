//! Document metadata shared by every reader: field names, aliases and date parsing, so that
//! front matter, HTML `<meta>` tags and JSON records mean the same thing by `published`.

use chrono::NaiveDate;

use super::{DiagnosticKind, Document, Loaded};
use crate::error::Location;

#[derive(Debug, Default, Clone)]
pub(super) struct Meta {
    pub id: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub lang: Option<String>,
}

/// The metadata keys recoupe knows, with their aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    Id,
    Title,
    Source,
    Url,
    Published,
    Lang,
}

impl Key {
    pub fn parse(key: &str) -> Option<Key> {
        Some(match key.trim().to_ascii_lowercase().as_str() {
            "id" => Key::Id,
            "title" | "titre" => Key::Title,
            "source" | "outlet" | "publisher" | "author" | "site" => Key::Source,
            "url" | "link" => Key::Url,
            "published" | "date" | "published_at" | "pubdate" => Key::Published,
            "lang" | "language" | "langue" => Key::Lang,
            _ => return None,
        })
    }
}

impl Meta {
    /// Sets a field; an unusable value (a date we cannot read) is reported and left unset.
    pub fn set(&mut self, key: Key, value: &str, location: &Location, out: &mut Loaded) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let slot = match key {
            Key::Id => &mut self.id,
            Key::Title => &mut self.title,
            Key::Source => &mut self.source,
            Key::Url => &mut self.url,
            Key::Lang => &mut self.lang,
            Key::Published => {
                match parse_date(value) {
                    Some(date) => self.published = Some(date),
                    None => out.warn(
                        location.clone(),
                        DiagnosticKind::BadField,
                        format!(
                            "field published: cannot read date {value:?} (expected YYYY-MM-DD, an RFC 3339 time or DD/MM/YYYY); kept without a date"
                        ),
                    ),
                }
                return;
            }
        };
        *slot = Some(value.to_string());
    }

    pub fn into_document(self, default_id: String, text: String, origin: Location) -> Document {
        Document {
            id: self.id.unwrap_or(default_id),
            title: self.title,
            source: self.source,
            url: self.url,
            published: self.published,
            lang: self.lang.map(|l| l.to_ascii_lowercase()),
            text,
            origin,
            lines_in_file: false,
        }
    }
}

/// Reads the calendar date of a timestamp: `2024-06-19`, `2024-06-19T08:30:00+02:00`,
/// `2024/06/19`, `19/06/2024`. The time of day is dropped: relative dates resolve by day.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    let head: String = value.chars().take(10).collect();
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y"] {
        if let Ok(date) = NaiveDate::parse_from_str(&head, fmt) {
            let rest = &value[head.len()..];
            // Anything after the date must look like a time, not more digits of something else.
            if rest.is_empty() || rest.starts_with(['T', 't', ' ']) {
                return Some(date);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_shapes() {
        let d = NaiveDate::from_ymd_opt(2024, 6, 19);
        assert_eq!(parse_date("2024-06-19"), d);
        assert_eq!(parse_date("2024-06-19T08:30:00+02:00"), d);
        assert_eq!(parse_date("19/06/2024"), d);
        assert_eq!(parse_date("2024-06-19 08:30"), d);
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("2024-06-190"), None);
        assert_eq!(parse_date("hier"), None);
    }
}
