//! End-to-end tests, built as one binary (`cargo test --workspace`).

mod cli;
mod fixtures;
