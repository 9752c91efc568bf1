//! End-to-end tests, built as one binary (`cargo test --workspace`).

mod cli;
mod fixtures;
mod invented;
mod offsets;
mod review;
mod schema;
