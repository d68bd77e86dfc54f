//! Colour on the terminal: `--color auto` colours a stream only when it is a terminal and
//! `NO_COLOR` is not set (<https://no-color.org>), nor `TERM=dumb`; `always` and `never` decide
//! alone. Files and pipes get no escape codes unless asked.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use super::args::ColorChoice;

static STDERR: AtomicBool = AtomicBool::new(false);

/// Whether a stream that `is_terminal` gets colour under `choice`.
pub fn enabled(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

/// Decides once, at start, for stderr; [`stdout`] is asked where it is written.
pub fn init(choice: ColorChoice) {
    STDERR.store(
        enabled(choice, std::io::stderr().is_terminal()),
        Ordering::Relaxed,
    );
}

pub fn stdout(choice: ColorChoice) -> bool {
    enabled(choice, std::io::stdout().is_terminal())
}

/// `error:`, `warning:` or `note:` for stderr, coloured when stderr is.
pub fn label(word: &str) -> String {
    let code = match word {
        "error" => "1;31",
        "warning" => "1;33",
        _ => "1;36",
    };
    match STDERR.load(Ordering::Relaxed) {
        true => format!("\x1b[{code}m{word}:\x1b[0m"),
        false => format!("{word}:"),
    }
}
