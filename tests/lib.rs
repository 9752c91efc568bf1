//! End-to-end tests, built as one binary (`cargo test --workspace`).

mod cli;
mod hostile;
mod invariants;
mod pathological;
mod properties;
mod regressions;
