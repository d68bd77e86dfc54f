//! Marks the parts of a page that are not the article: bylines, author profiles and bios,
//! "derniers articles" lists, share and newsletter prompts, reader comments. They must count
//! neither as copied text (every article of a site shares them) nor as claims (a sidebar date is
//! not a fact of the story).
//!
//! The rules work on lines. A line that opens the page's tail (a byline, an author profile, a
//! list of other articles, a comment section) in the second half of the text marks everything
//! after it, since sites put those blocks after the article; elsewhere only the line itself is
//! marked, so an inline "Lire aussi" link does not swallow the rest of the story.

use std::ops::Range;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// Author line, contact e-mail, author profile, copyright.
    Byline,
    /// Lists of other articles ("Derniers articles", "À lire aussi").
    Related,
    /// A comment section, or the lines after the article's tail opened.
    Tail,
    /// Newsletter, social or sponsoring prompts, author bios.
    Promo,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Boilerplate {
    pub range: Range<usize>,
    pub kind: BoilerplateKind,
}

/// Line starts (lower case) that make a line a byline.
const BYLINE_STARTS: &[&str] = &[
    "texte :",
    "texte:",
    "texte et photos",
    "auteur :",
    "auteur:",
    "auteure :",
    "par :",
    "email :",
    "email:",
    "e-mail :",
    "e-mail:",
    "courriel :",
    "mail :",
    "photo :",
    "photos :",
    "crédit",
    "crédits",
    "credit:",
    "©",
    "copyright",
    "tous droits réservés",
    "all rights reserved",
    "profil de l'auteur",
    "profil de l’auteur",
    "à propos de l'auteur",
    "à propos de l’auteur",
    "about the author",
    "written by",
    "publié par",
    "rédigé par",
];

/// Headers of lists of other articles (lower case, line start).
const RELATED_STARTS: &[&str] = &[
    "derniers articles",
    "dernier articles",
    "derniers articles publiés",
    "articles récents",
    "sur le même sujet",
    "articles similaires",
    "articles liés",
    "vous aimerez aussi",
    "vous aimerez peut-être",
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "à voir aussi",
    "related articles",
    "related posts",
    "recent posts",
    "read more",
    "more stories",
    "see also",
];

/// Headers of comment sections.
const COMMENT_STARTS: &[&str] = &[
    "commentaires",
    "commentaire",
    "laisser un commentaire",
    "laissez un commentaire",
    "réagissez",
    "vos réactions",
    "comments",
    "leave a comment",
    "leave a reply",
    "répondre",
];

/// Phrases that mark a promotional line or an author bio wherever they appear in it.
/// Only imperatives addressed to the reader: words like "publicité" or "sponsoring" alone are
/// also the subject of real articles.
const PROMO_MARKERS: &[&str] = &[
    "contactez-nous",
    "abonnez-vous",
    "inscrivez-vous",
    "suivez-nous",
    "rejoignez-nous",
    "partagez cet article",
    "partager cet article",
    "notre newsletter",
    "subscribe to our",
    "follow us on",
    "sign up for our",
    "share this article",
    "contact us",
];

/// Sentences of a promotional paragraph (a bio, a prompt) that is dropped whole.
const MAX_BIO_SENTENCES: usize = 3;

/// Lines longer than this are prose, whatever word they start with.
const MAX_HEADER_LEN: usize = 80;

/// Finds the boilerplate of `text`, as sorted, non-overlapping byte ranges.
///
/// A rule marks at most the line or sentence it matches, but for a header line that opens the
/// page's tail in its last third: appending a promotional phrase to a copied article (or to a
/// one-line JSON record) must not hide the copy. A long line is read sentence by sentence.
pub fn detect(text: &str) -> Vec<Boilerplate> {
    let mut out: Vec<Boilerplate> = Vec::new();
    let half = text.len() / 2;
    // The tail, when a header opens it, is at most the last third of the text: a tail
    // dropped from further up could hold most of the article.
    let tail_from = text.len() - text.len() / 3;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let short = trimmed.len() <= MAX_HEADER_LEN;
        let near_end = offset > half;
        if !short && !near_end {
            // Long lines in the first half are prose: only short lines can be headers, and
            // promotional lines are looked for near the end. Lowercasing every paragraph of
            // every article would be most of this stage's cost.
            continue;
        }
        // Headers are short, so lowercasing them is cheap; promotional markers are ASCII,
        // so long lines near the end only need an ASCII fold.
        if !short {
            // Prose: only the sentences that carry a promotional marker are dropped.
            let lead = line.len() - line.trim_start().len();
            let body = &text[start + lead..start + lead + trimmed.len()];
            let lower = body.to_ascii_lowercase();
            if !PROMO_MARKERS.iter().any(|m| lower.contains(m)) {
                continue;
            }
            let sentences = crate::text::sentences::split(body);
            // A short paragraph of its own near the end is an author bio or a prompt: all of
            // it goes. Within a longer paragraph, or a text that is one line, only the
            // sentences that carry the marker do.
            if sentences.len() <= MAX_BIO_SENTENCES && body.len() < text.len() / 2 {
                out.push(Boilerplate {
                    range: start..offset,
                    kind: BoilerplateKind::Promo,
                });
                continue;
            }
            for range in sentences {
                let sentence = body[range.clone()].to_ascii_lowercase();
                if PROMO_MARKERS.iter().any(|m| sentence.contains(m)) {
                    let at = start + lead;
                    out.push(Boilerplate {
                        range: at + range.start..at + range.end,
                        kind: BoilerplateKind::Promo,
                    });
                }
            }
            continue;
        }
        let lower = trimmed.to_lowercase();
        let kind = if starts_with_any(&lower, BYLINE_STARTS) || is_contact(trimmed) {
            Some((BoilerplateKind::Byline, true))
        } else if starts_with_any(&lower, COMMENT_STARTS) {
            Some((BoilerplateKind::Tail, true))
        } else if starts_with_any(&lower, RELATED_STARTS) {
            // "Derniers articles" opens a list; "Lire aussi : titre" is a single inline link.
            let is_list_header = !lower.contains(':') || lower.trim_end().ends_with(':');
            Some((BoilerplateKind::Related, is_list_header))
        } else if near_end && PROMO_MARKERS.iter().any(|m| lower.contains(m)) {
            Some((BoilerplateKind::Promo, false))
        } else if is_signature(trimmed) {
            Some((BoilerplateKind::Byline, true))
        } else {
            None
        };
        if let Some((kind, opens_tail)) = kind {
            if opens_tail && start >= tail_from {
                out.push(Boilerplate {
                    range: start..text.len(),
                    kind,
                });
                return out;
            }
            out.push(Boilerplate {
                range: start..offset,
                kind,
            });
        }
    }
    out
}

fn starts_with_any(lower: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| {
        lower.starts_with(p)
            && lower[p.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A line that holds an e-mail address and little else.
fn is_contact(line: &str) -> bool {
    line.split_whitespace().count() <= 4
        && line.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            matches!(w.split_once('@'), Some((user, domain)) if !user.is_empty() && domain.contains('.'))
        })
}

/// "Par Jean Dupont" / "By Jane Doe": a short line of "par"/"by" and capitalised names.
fn is_signature(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if !matches!(first, "Par" | "par" | "By" | "by" | "PAR" | "BY") {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    (1..=5).contains(&rest.len())
        && !line.ends_with('.')
        && rest.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "et" | "and" | "de")
        })
}

/// The share of `text`'s non-blank bytes that lie outside `boilerplate`.
pub fn content_share(text: &str, boilerplate: &[Boilerplate]) -> f64 {
    if boilerplate.is_empty() {
        return 1.0;
    }
    // Bytes, not characters: the share is the same to a few percent and this runs on every
    // document of a scan.
    let blank = |s: &str| s.bytes().filter(|b| !b.is_ascii_whitespace()).count();
    let total = blank(text);
    if total == 0 {
        return 1.0;
    }
    let marked: usize = boilerplate
        .iter()
        .map(|b| blank(&text[b.range.clone()]))
        .sum();
    1.0 - marked as f64 / total as f64
}

/// Whether the byte at `pos` lies in boilerplate.
pub fn covers(boilerplate: &[Boilerplate], pos: usize) -> bool {
    boilerplate.iter().any(|b| b.range.contains(&pos))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<(&str, BoilerplateKind)> {
        detect(text)
            .into_iter()
            .map(|b| (text[b.range].trim(), b.kind))
            .collect()
    }

    #[test]
    fn tail_after_byline_is_marked() {
        let body = "Un long article sur la visite, avec des faits et des chiffres.\n".repeat(4);
        let text = format!(
            "{body}Texte : Jean Dupont\nEmail : jd@exemple.fr\nDerniers articles\n- 14 novembre 2024 Sport\nUn commentaire de lecteur."
        );
        let found = marked(&text);
        assert_eq!(found.len(), 1);
        assert!(found[0].0.starts_with("Texte : Jean Dupont"));
        assert!(found[0].0.ends_with("commentaire de lecteur."));
    }

    #[test]
    fn inline_links_and_early_bylines_mark_one_line() {
        let text = "Par Jean Dupont\nPremier paragraphe.\nÀ lire aussi : Le sommet de Pékin\nSuite de l'article.\nSuite encore, assez longue pour que la fin soit loin.\n";
        let found = marked(text);
        assert_eq!(
            found,
            [
                ("Par Jean Dupont", BoilerplateKind::Byline),
                (
                    "À lire aussi : Le sommet de Pékin",
                    BoilerplateKind::Related
                )
            ]
        );
    }

    #[test]
    fn prose_that_starts_like_a_byline_is_kept() {
        let text = "Par ailleurs, les discussions ont duré deux heures.\nCommentaires des experts : la visite est historique et tout le monde en parle depuis des semaines.\n";
        assert!(marked(text).is_empty());
    }

    #[test]
    fn a_promotional_sentence_drops_only_itself() {
        let story = "Le conseil municipal a voté mardi un budget de 12 millions d'euros pour \
                     rénover les trois écoles du quartier nord, dont les travaux commenceront en mars.";
        let text = format!("{story} Suivez-nous sur Twitter.");
        let found = marked(&text);
        assert_eq!(
            found,
            [("Suivez-nous sur Twitter.", BoilerplateKind::Promo)]
        );
        let bp = detect(&text);
        assert!(content_share(&text, &bp) > 0.8);
        // Split over lines, a promotional line is still only itself.
        let text = format!(
            "{story}\nAbonnez-vous à notre newsletter pour ne rien manquer de l'actualité locale et régionale."
        );
        assert_eq!(marked(&text).len(), 1);
        assert!(marked(&text)[0].0.starts_with("Abonnez-vous"));
    }

    #[test]
    fn a_tail_opened_above_the_last_third_is_only_its_line() {
        let para = "Un paragraphe de l'article avec des faits et des chiffres précis.\n";
        let text = format!("{para}Commentaires\n{}", para.repeat(3));
        let found = marked(&text);
        assert_eq!(found, [("Commentaires", BoilerplateKind::Tail)]);
    }

    #[test]
    fn promo_bio_is_marked() {
        let text = "Un article sur la visite, avec des faits et des chiffres.\nPassionné et dévoué, j'explore l'information. Pour explorer les options de sponsoring, contactez-nous.";
        assert_eq!(marked(text)[0].1, BoilerplateKind::Promo);
    }
}
