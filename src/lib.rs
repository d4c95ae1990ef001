//! Tualek: extract, review and export the figures in Lao and English documents.
//!
//! Layers, each knowing only those below it:
//! `model` (plain data) → `extract` (figure finder) → `store` (all SQL) →
//! `import` / `export` (file formats) → `app` (commands with inverses) → `cli`.

pub mod extract;
pub mod model;
pub mod text;
