//! Percentages. A share of one whole, such as the judgements of every case, is rounded by
//! the largest-remainder method so that the column adds up to 100%: rounding each share
//! on its own gives 101% or 99% often enough for a reader to doubt every number.

/// `count` of `total` as a whole percentage, rounded on its own.
pub fn share(count: usize, total: usize) -> u32 {
    if total == 0 {
        0
    } else {
        ((count as f64 / total as f64) * 100.0).round() as u32
    }
}

/// `count` of `total` as a fraction to three places, as report.json and themes.csv give
/// it for other tools.
pub fn fraction(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        (count as f64 / total as f64 * 1000.0).round() / 1000.0
    }
}

/// Whole percentages of `total` for `parts`, adding up to exactly 100 when the parts add
/// up to `total`. Each part gets its percentage rounded down; the points left over go to
/// the parts with the largest remainders, ties to the earlier part.
pub fn largest_remainder(parts: &[usize], total: usize) -> Vec<u32> {
    if total == 0 {
        return vec![0; parts.len()];
    }
    let sum: usize = parts.iter().sum();
    if sum != total {
        // Not one whole: each share stands alone.
        return parts.iter().map(|&p| share(p, total)).collect();
    }
    let total = total as u128;
    let mut shares: Vec<u32> = parts
        .iter()
        .map(|&p| (p as u128 * 100 / total) as u32)
        .collect();
    let left = 100 - shares.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // Remainders compared exactly, as numerators over `total`.
    order.sort_by_key(|&i| std::cmp::Reverse(parts[i] as u128 * 100 % total));
    for &i in order.iter().take(left as usize) {
        shares[i] += 1;
    }
    shares
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn thirds_add_up() {
        assert_eq!(largest_remainder(&[1, 1, 1], 3), [34, 33, 33]);
        assert_eq!(largest_remainder(&[3, 5, 8], 16), [19, 31, 50]);
        assert_eq!(largest_remainder(&[0, 0], 0), [0, 0]);
        assert_eq!(largest_remainder(&[2], 4), [50]);
        assert_eq!(share(3, 16), 19);
    }

    #[test]
    fn the_sample_judgements_add_up_to_a_hundred() {
        // 16 cases as 7 / 6 / 3: rounded one by one they give 44 + 38 + 19 = 101.
        assert_eq!(share(7, 16) + share(6, 16) + share(3, 16), 101);
        assert_eq!(largest_remainder(&[7, 6, 3], 16).iter().sum::<u32>(), 100);
    }

    proptest! {
        #[test]
        fn shares_of_a_whole_add_up_and_stay_within_one_point(parts in proptest::collection::vec(0usize..500, 1..12)) {
            let total: usize = parts.iter().sum();
            let shares = largest_remainder(&parts, total);
            if total > 0 {
                prop_assert_eq!(shares.iter().sum::<u32>(), 100);
                for (&p, &s) in parts.iter().zip(&shares) {
                    let exact = p as f64 * 100.0 / total as f64;
                    prop_assert!((f64::from(s) - exact).abs() < 1.0, "{} vs {}", s, exact);
                }
            }
        }
    }
}
