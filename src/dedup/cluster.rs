//! Clusters: connected components of the verified duplicate edges, by union-find.

/// Disjoint sets with path halving and union by size: near-linear in the number of edges.
#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    pub fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x
    }

    pub fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (big, small) = if self.size[ra as usize] >= self.size[rb as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
    }

    /// Every set, singletons included, each sorted, in the order of their first members.
    pub fn groups(&mut self) -> Vec<Vec<u32>> {
        let mut index: rustc_hash::FxHashMap<u32, usize> = Default::default();
        let mut out: Vec<Vec<u32>> = Vec::new();
        for i in 0..self.parent.len() as u32 {
            let root = self.find(i);
            let k = *index.entry(root).or_insert_with(|| {
                out.push(Vec::new());
                out.len() - 1
            });
            out[k].push(i);
        }
        out
    }
}

/// The components with two or more members, each sorted, the list sorted by first member.
pub fn components(n: usize, edges: impl IntoIterator<Item = (u32, u32)>) -> Vec<Vec<u32>> {
    let mut uf = UnionFind::new(n);
    for (a, b) in edges {
        uf.union(a, b);
    }
    let mut out = uf.groups();
    out.retain(|g| g.len() > 1);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_join_and_singletons_are_dropped() {
        let c = components(7, [(5, 6), (0, 3), (3, 4), (4, 0)]);
        assert_eq!(c, [vec![0, 3, 4], vec![5, 6]]);
    }
}
