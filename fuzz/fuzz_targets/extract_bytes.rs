//! Any bytes through `extract_bytes`: never a panic; a record whose spans
//! fit the decoded text and match `extract` on it, or an error of a kind
//! bytes can cause with its offset inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants.rs"]
#[allow(dead_code)]
mod invariants;

fuzz_target!(|data: &[u8]| {
    if let Err(why) = invariants::check_bytes(data) {
        panic!("{why}");
    }
});
