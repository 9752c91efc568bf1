//! A tiny seeded generator for the tests that build many texts from
//! pieces: the same inputs on every run, no dependency.

/// Knuth's 64-bit linear congruential generator (MMIX constants).
pub(crate) struct Lcg(pub(crate) u64);

impl Lcg {
    /// Steps the generator and returns its whole new state (callers take
    /// the high bits, which vary most).
    pub(crate) fn step(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0
    }
}
