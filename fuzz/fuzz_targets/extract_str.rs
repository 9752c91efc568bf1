//! Any text through `extract`: never a panic; every span on character
//! boundaries inside the input, every mention verbatim, the same JSON on
//! every run.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants.rs"]
#[allow(dead_code)]
mod invariants;

fuzz_target!(|data: &[u8]| {
    // Every input counts: invalid bytes become U+FFFD rather than being
    // skipped, so the fuzzer's mutations all reach the extractor.
    let input = String::from_utf8_lossy(data);
    if let Err(why) = invariants::check_str(&input) {
        panic!("{why}");
    }
});
