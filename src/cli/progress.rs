//! Progress bars on stderr, shown only when stderr is a terminal and `--quiet` is not given.

use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressStyle};

pub struct Bars {
    enabled: bool,
    bar: Mutex<Option<ProgressBar>>,
}

impl Bars {
    pub fn new(enabled: bool) -> Self {
        Bars {
            enabled,
            bar: Mutex::new(None),
        }
    }
}

impl recoupe::Progress for Bars {
    fn begin(&self, stage: &'static str, total: u64) {
        if !self.enabled {
            return;
        }
        let bar = ProgressBar::new(total);
        // Bytes for reading, counts for the rest; rates without decimals, elapsed and left.
        let template = if stage == "reading" {
            "{msg:>10} [{bar:40}] {binary_bytes}/{binary_total_bytes} ({binary_bytes_per_sec}) \
             {elapsed} elapsed, {eta} left"
        } else {
            "{msg:>10} [{bar:40}] {human_pos}/{human_len} {elapsed} elapsed, {eta} left"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(stage);
        if let Ok(mut slot) = self.bar.lock() {
            *slot = Some(bar);
        }
    }

    fn advance(&self, n: u64) {
        if !self.enabled {
            return;
        }
        if let Ok(slot) = self.bar.lock()
            && let Some(bar) = slot.as_ref()
        {
            bar.inc(n);
        }
    }

    fn end(&self) {
        if let Ok(mut slot) = self.bar.lock()
            && let Some(bar) = slot.take()
        {
            bar.finish_and_clear();
        }
    }
}
