pub mod corpus;
pub mod error;
