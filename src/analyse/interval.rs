//! How far chance alone moves a share of a few cases: the 95% intervals the trends give.
//!
//! A panel reviews a dozen cases a meeting, so 3 of 12 becoming 1 of 8 is well within
//! what chance gives, and a reader who sees only the percentages takes it for a change.
//! This module owns the arithmetic that lets the trends say so honestly: Wilson's score
//! interval for one share, and Newcombe's hybrid score interval (method 10 of Newcombe
//! 1998, built from the two Wilson intervals) for the difference of two. Both stay
//! within their bounds at 0 of n, n of n and 0 of 0, where simpler intervals fail, and
//! neither ever gives NaN. It is pure arithmetic over counts; words belong to the view.

use serde::Serialize;

/// The normal deviate of a two-sided 95% interval, as Newcombe's worked values use it.
const Z: f64 = 1.96;

/// A range of fractions, `low` to `high`: from 0 to 1 for a share, from −1 to 1 for a
/// difference of two.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(into = "[f64; 2]")]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl From<Interval> for [f64; 2] {
    fn from(interval: Interval) -> [f64; 2] {
        [interval.low, interval.high]
    }
}

impl Interval {
    /// Both ends rounded to four places, as the data files print a share.
    pub fn rounded(self) -> Interval {
        Interval {
            low: round4(self.low),
            high: round4(self.high),
        }
    }

    /// Whether `value` lies within it, ends included.
    pub fn holds(self, value: f64) -> bool {
        self.low <= value && value <= self.high
    }
}

/// What a difference's interval says about the change from one share to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The whole interval is above 0: the share rose by more than chance gives.
    Up,
    /// The whole interval is below 0.
    Down,
    /// The interval holds 0: a change this size is within what chance gives.
    NoClearChange,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Up => "up",
            Verdict::Down => "down",
            Verdict::NoClearChange => "no-clear-change",
        }
    }
}

/// A change from an earlier share to a later one: `later − earlier`, its interval and
/// what that interval says.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    pub difference: f64,
    pub interval: Interval,
    pub verdict: Verdict,
}

/// `count` of `total` as a fraction; 0 of nothing is 0, so that no share is NaN.
pub fn fraction(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        count.min(total) as f64 / total as f64
    }
}

/// Wilson's 95% score interval for `count` of `total`. Of nothing, nothing is known:
/// the whole range, 0 to 1.
pub fn wilson(count: usize, total: usize) -> Interval {
    if total == 0 {
        return Interval {
            low: 0.0,
            high: 1.0,
        };
    }
    let count = count.min(total);
    let n = total as f64;
    let p = fraction(count, total);
    let z2 = Z * Z;
    let centre = p + z2 / (2.0 * n);
    let spread = Z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    let scale = 1.0 + z2 / n;
    // At 0 of n and n of n the formula meets its bound exactly, but only to within a
    // rounding error, which could put the share just outside its own interval.
    let low = if count == 0 {
        0.0
    } else {
        ((centre - spread) / scale).clamp(0.0, p)
    };
    let high = if count == total {
        1.0
    } else {
        ((centre + spread) / scale).clamp(p, 1.0)
    };
    Interval { low, high }
}

/// The change from `earlier` to `later`, each `(count, total)`, with Newcombe's hybrid
/// score interval for the difference (method 10 of Newcombe 1998).
pub fn change(earlier: (usize, usize), later: (usize, usize)) -> Change {
    let (p1, p2) = (fraction(later.0, later.1), fraction(earlier.0, earlier.1));
    let (w1, w2) = (wilson(later.0, later.1), wilson(earlier.0, earlier.1));
    let difference = p1 - p2;
    let below = ((p1 - w1.low).powi(2) + (w2.high - p2).powi(2)).sqrt();
    let above = ((w1.high - p1).powi(2) + (p2 - w2.low).powi(2)).sqrt();
    let interval = Interval {
        low: (difference - below).clamp(-1.0, difference),
        high: (difference + above).clamp(difference, 1.0),
    };
    let verdict = if interval.low > 0.0 {
        Verdict::Up
    } else if interval.high < 0.0 {
        Verdict::Down
    } else {
        Verdict::NoClearChange
    };
    Change {
        difference,
        interval,
        verdict,
    }
}

/// `value` to four places; a difference that rounds to nothing is 0, never −0.
pub fn round4(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0 + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn four(interval: Interval) -> (f64, f64) {
        let rounded = interval.rounded();
        (rounded.low, rounded.high)
    }

    #[test]
    fn wilson_gives_newcombe_s_worked_value() {
        // Newcombe (1998), Statistics in Medicine 17, 857–872, table I: 81 of 263.
        assert_eq!(four(wilson(81, 263)), (0.2553, 0.3662));
        // Table I's others: 15 of 148, 0 of 20 and 1 of 29.
        assert_eq!(four(wilson(15, 148)), (0.0624, 0.1605));
        assert_eq!(four(wilson(0, 20)), (0.0, 0.1611));
        assert_eq!(four(wilson(1, 29)), (0.0061, 0.1718));
    }

    #[test]
    fn newcombe_s_hybrid_interval_gives_the_published_values() {
        // Newcombe (1998), Statistics in Medicine 17, 873–890, table II, method 10.
        let c = change((48, 80), (56, 70));
        assert_eq!(four(c.interval), (0.0524, 0.3339));
        assert_eq!(c.verdict, Verdict::Up);
        let c = change((3, 10), (9, 10));
        assert_eq!(four(c.interval), (0.1705, 0.809));
        assert_eq!(c.verdict, Verdict::Up);
        // The same change read the other way round is a fall with the mirrored interval.
        let c = change((9, 10), (3, 10));
        assert_eq!(four(c.interval), (-0.809, -0.1705));
        assert_eq!(c.verdict, Verdict::Down);
    }

    #[test]
    fn the_issue_s_example_is_no_clear_change() {
        // 3 of 12 then 1 of 8: the interval runs from about −43 to +26 points.
        let c = change((3, 12), (1, 8));
        assert_eq!(round4(c.difference), -0.125);
        assert!(c.interval.low < -0.4 && c.interval.high > 0.25, "{c:?}");
        assert_eq!(c.verdict, Verdict::NoClearChange);
    }

    #[test]
    fn the_edges_never_give_nan() {
        assert_eq!(
            wilson(0, 0),
            Interval {
                low: 0.0,
                high: 1.0
            }
        );
        assert_eq!(wilson(0, 5).low, 0.0);
        assert_eq!(wilson(5, 5).high, 1.0);
        assert!(wilson(5, 5).low < 1.0 && wilson(0, 5).high > 0.0);
        // A count above its total is read as all of it, never a share above 1.
        assert_eq!(wilson(7, 5), wilson(5, 5));
        for (earlier, later) in [
            ((0, 0), (0, 0)),
            ((0, 0), (3, 4)),
            ((0, 5), (5, 5)),
            ((5, 5), (0, 5)),
            ((0, 9), (0, 9)),
        ] {
            let c = change(earlier, later);
            assert!(!c.difference.is_nan() && !c.interval.low.is_nan());
            assert!(c.interval.holds(c.difference), "{earlier:?} {later:?}");
            assert!(c.interval.low >= -1.0 && c.interval.high <= 1.0);
        }
        assert_eq!(change((0, 9), (0, 9)).verdict, Verdict::NoClearChange);
        assert!(round4(-0.00001).is_sign_positive());
        assert_eq!(change((0, 20), (20, 20)).verdict, Verdict::Up);
    }

    #[test]
    fn an_interval_is_written_as_a_pair() {
        let json = serde_json::to_string(&wilson(81, 263).rounded()).unwrap();
        assert_eq!(json, "[0.2553,0.3662]");
        assert_eq!(Verdict::NoClearChange.id(), "no-clear-change");
        let json = serde_json::to_string(&Verdict::NoClearChange).unwrap();
        assert_eq!(json, "\"no-clear-change\"");
    }

    proptest! {
        #[test]
        fn a_share_lies_within_its_interval_within_0_and_1(total in 0usize..2000, seed in 0usize..2001) {
            let count = if total == 0 { 0 } else { seed % (total + 1) };
            let i = wilson(count, total);
            let p = fraction(count, total);
            prop_assert!(0.0 <= i.low && i.low <= p && p <= i.high && i.high <= 1.0, "{count}/{total}: {i:?}");
        }

        #[test]
        fn a_difference_lies_within_its_interval(
            n1 in 0usize..300, a in 0usize..301, n2 in 0usize..300, b in 0usize..301,
        ) {
            let earlier = (if n1 == 0 { 0 } else { a % (n1 + 1) }, n1);
            let later = (if n2 == 0 { 0 } else { b % (n2 + 1) }, n2);
            let c = change(earlier, later);
            prop_assert!(-1.0 <= c.interval.low && c.interval.holds(c.difference) && c.interval.high <= 1.0, "{c:?}");
            // A clear change is always in the direction of the difference itself.
            match c.verdict {
                Verdict::Up => prop_assert!(c.difference > 0.0 && c.interval.low > 0.0),
                Verdict::Down => prop_assert!(c.difference < 0.0 && c.interval.high < 0.0),
                Verdict::NoClearChange => prop_assert!(c.interval.holds(0.0)),
            }
        }
    }
}
