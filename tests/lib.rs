//! End-to-end tests, built as one binary (`cargo test --workspace`).

mod batch;
mod cli;
