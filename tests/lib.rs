//! End-to-end tests, built as one binary (`cargo test --workspace`).

mod batch;
mod cli;
mod fixtures;
mod hostile;
mod invariants;
mod invented;
mod offsets;
mod pathological;
mod properties;
mod regressions;
mod review;
mod schema;
