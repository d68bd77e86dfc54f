//! Names of the library's enums as people read them in a report (`less than`, `person`,
//! `decade`), taken from their JSON names so that the two never drift apart: a report shows no
//! Rust names such as `LessThan` or `Unknown`.

use serde::Serialize;

/// `LessThan` → `less than`; a value that is not a plain enum gives an empty string.
pub fn of(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s.replace(['_', '-'], " "),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::entities::EntityKind;
    use crate::claims::{ClaimKind, Grain, Modifier};

    #[test]
    fn enums_read_as_words() {
        assert_eq!(of(&Modifier::LessThan), "less than");
        assert_eq!(of(&Grain::Decade), "decade");
        assert_eq!(of(&ClaimKind::Count), "count");
        assert_eq!(of(&EntityKind::Organisation), "organisation");
    }
}
