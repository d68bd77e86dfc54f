pub mod corpus;
pub mod error;
pub mod text;
