//! A unified diff of one file's change, for `--dry-run` to show what would be written.
//!
//! An observation file is a few dozen lines, so crate::diff's quadratic subsequence is
//! enough; a file too long for it is shown as all removed, then all added.

use crate::diff::{Op, ops};

/// Lines either side of a change that are shown with it.
const CONTEXT: usize = 2;
/// Above this many lines in either file the diff is not worked out.
const MAX_LINES: usize = 4000;

/// `before` and `after` as a unified diff under `--- file` and `+++ file` headers.
pub fn unified(file: &str, before: &str, after: &str) -> String {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let ops = ops(&old, &new, MAX_LINES);
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
