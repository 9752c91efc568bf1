//! End-to-end tests, built as one binary (`cargo test --workspace`).

mod cli;
mod invented;
mod offsets;
mod review;
mod schema;
