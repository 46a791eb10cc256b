//! A judgement's colour and the ink that reads on it: the colour is only ever a mark
//! beside the judgement's words, and the words must meet WCAG AA contrast on it.

/// A colour that marks a judgement, with the text colour that reads on it at WCAG AA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Swatch {
    /// `RRGGBB`, without the `#`.
    pub fill: [u8; 3],
    pub ink: [u8; 3],
}

impl Swatch {
    pub fn of(hex: &str) -> Option<Swatch> {
        let hex = hex.trim_start_matches('#');
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        let fill = [byte(0)?, byte(2)?, byte(4)?];
        // Whichever of black and white contrasts more with the fill; for every colour
        // that is at least 4.58:1, above AA's 4.5:1 for normal text.
        let l = luminance(fill);
        let ink = if (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) {
            [0x00, 0x00, 0x00]
        } else {
            [0xff, 0xff, 0xff]
        };
        Some(Swatch { fill, ink })
    }

    pub fn fill_hex(&self) -> String {
        hex(self.fill)
    }

    pub fn ink_hex(&self) -> String {
        hex(self.ink)
    }

    /// The contrast ratio of the ink on the fill.
    pub fn contrast(&self) -> f64 {
        let (a, b) = (luminance(self.fill), luminance(self.ink));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

fn hex(rgb: [u8; 3]) -> String {
    format!("{:02X}{:02X}{:02X}", rgb[0], rgb[1], rgb[2])
}

/// WCAG 2's relative luminance.
fn luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}
