//! Signatures of a corpus in one flat array: one allocation for all documents, and each band of
//! every document at a fixed stride, which is what banding and index files read.

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Signatures {
    permutations: usize,
    data: Vec<u32>,
}

impl Signatures {
    pub fn new(permutations: usize) -> Self {
        Signatures {
            permutations,
            data: Vec::new(),
        }
    }

    pub fn from_flat(permutations: usize, data: Vec<u32>) -> Self {
        assert!(permutations > 0 && data.len().is_multiple_of(permutations));
        Signatures { permutations, data }
    }

    pub fn permutations(&self) -> usize {
        self.permutations
    }

    pub fn len(&self) -> usize {
        self.data.len() / self.permutations.max(1)
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn get(&self, i: usize) -> &[u32] {
        &self.data[i * self.permutations..(i + 1) * self.permutations]
    }

    pub fn push(&mut self, signature: &[u32]) {
        assert_eq!(signature.len(), self.permutations);
        self.data.extend_from_slice(signature);
    }

    pub fn as_flat(&self) -> &[u32] {
        &self.data
    }
}
