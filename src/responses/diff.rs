//! A unified diff of one file's change, for `--dry-run` to show what would be written.
//!
//! The longest common subsequence of lines is enough here: an observation file is a few
//! dozen lines. A file too long for that is shown as all removed, then all added.

/// Lines either side of a change that are shown with it.
const CONTEXT: usize = 2;
/// Above this many lines in either file the diff is not worked out.
const MAX_LINES: usize = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Gone,
    Added,
}

/// `before` and `after` as a unified diff under `--- file` and `+++ file` headers.
pub fn unified(file: &str, before: &str, after: &str) -> String {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let ops = ops(&old, &new);
    let mut out = format!("--- {file}\n+++ {file}\n");
    let changed: Vec<usize> = (0..ops.len()).filter(|&i| ops[i].0 != Op::Same).collect();
    let mut i = 0;
    while i < changed.len() {
        let start = changed[i].saturating_sub(CONTEXT);
        let mut end = changed[i];
        while i < changed.len() && changed[i] <= end + 2 * CONTEXT + 1 {
            end = changed[i];
            i += 1;
        }
        let end = (end + CONTEXT + 1).min(ops.len());
        let hunk = &ops[start..end];
        let (old_at, new_at) = ops[..start]
            .iter()
            .fold((1, 1), |(o, n), (op, _)| match op {
                Op::Same => (o + 1, n + 1),
                Op::Gone => (o + 1, n),
                Op::Added => (o, n + 1),
            });
        let old_len = hunk.iter().filter(|(op, _)| *op != Op::Added).count();
        let new_len = hunk.iter().filter(|(op, _)| *op != Op::Gone).count();
        out.push_str(&format!("@@ -{old_at},{old_len} +{new_at},{new_len} @@\n"));
        for (op, line) in hunk {
            let sign = match op {
                Op::Same => ' ',
                Op::Gone => '-',
                Op::Added => '+',
            };
            out.push(sign);
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn ops<'a>(old: &[&'a str], new: &[&'a str]) -> Vec<(Op, &'a str)> {
    if old.len() > MAX_LINES || new.len() > MAX_LINES {
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
    fn a_change_is_shown_with_its_context() {
        let diff = unified("o.md", "a\nb\nc\nd\ne\nf\n", "a\nb\nc\nd\nX\ne\nf\n");
        assert_eq!(
            diff,
            "--- o.md\n+++ o.md\n@@ -3,4 +3,5 @@\n c\n d\n+X\n e\n f\n"
        );
    }

    #[test]
    fn a_replaced_line_is_removed_then_added() {
        let diff = unified("o.md", "status: awaiting-response\n", "status: responded\n");
        assert_eq!(
            diff,
            "--- o.md\n+++ o.md\n@@ -1,1 +1,1 @@\n-status: awaiting-response\n+status: responded\n"
        );
    }
}
