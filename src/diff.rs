//! The longest common subsequence of two runs of text, the one diff every comparison
//! shares: `responses --dry-run` shows a file's lines changing, `changes` a point's words.
//!
//! A quadratic table is enough for what is compared here (an observation file of a few
//! dozen lines, a point of a few dozen words); past `limit` items on either side the runs
//! are given as all removed, then all added, so a pasted log cannot make a diff slow.

/// What happened to one item between the old run and the new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Same,
    Gone,
    Added,
}

/// Each item of `old` and `new` once, in order, marked kept, removed or added.
pub fn ops<'a>(old: &[&'a str], new: &[&'a str], limit: usize) -> Vec<(Op, &'a str)> {
    if old.len() > limit || new.len() > limit {
        let gone = old.iter().map(|l| (Op::Gone, *l));
        return gone.chain(new.iter().map(|l| (Op::Added, *l))).collect();
    }
    // lengths[i][j]: the common subsequence of old[i..] and new[j..].
    let width = new.len() + 1;
    let mut lengths = vec![0u32; (old.len() + 1) * width];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            lengths[i * width + j] = if old[i] == new[j] {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            out.push((Op::Same, old[i]));
            i += 1;
            j += 1;
        } else if i < old.len()
            && (j == new.len() || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1])
        {
            out.push((Op::Gone, old[i]));
            i += 1;
        } else {
            out.push((Op::Added, new[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_items_are_kept_and_the_rest_removed_then_added() {
        let ops = ops(&["a", "b", "c"], &["a", "x", "c"], 10);
        assert_eq!(
            ops,
            vec![
                (Op::Same, "a"),
                (Op::Gone, "b"),
                (Op::Added, "x"),
                (Op::Same, "c")
            ]
        );
    }

    #[test]
    fn past_the_limit_everything_is_replaced() {
        let ops = ops(&["a", "b"], &["a", "b"], 1);
        assert_eq!(ops.iter().filter(|(op, _)| *op == Op::Same).count(), 0);
        assert_eq!(ops.len(), 4);
    }
}
