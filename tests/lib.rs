//! End-to-end tests, built as one binary (`cargo test --workspace`).

mod cli;
mod fixtures;
mod invented;
mod offsets;
mod review;
mod schema;
mod hostile;
mod invariants;
mod pathological;
mod properties;
mod regressions;
