//! Priorities read from text, each distinct spelling parsed once.

use sla_clock::Priority;

/// Reads priorities with the crate's parser (English or German, any
/// case), remembering the spellings seen: a column of priorities holds a
/// handful of spellings, so most rows cost one comparison of a few bytes
/// and no parsing.
#[derive(Default)]
pub(crate) struct PriorityLookup<'a> {
    /// The spelling last seen in each of 16 slots, chosen by the text's
    /// length and first byte: the usual spellings (`urgent`, `high`,
    /// `normal`, `low`, their German words) each get a slot of their own,
    /// so a row in any order of priorities is one comparison.
    slots: [Option<(&'a str, Priority)>; 16],
    /// The spellings seen so far, at most a few (four priorities in two
    /// languages and a few letter cases).
    seen: Vec<(&'a str, Priority)>,
}

/// How many spellings are remembered; a column with more (every case
/// variation under the sun) parses the rest each time.
const REMEMBERED: usize = 16;

impl<'a> PriorityLookup<'a> {
    #[inline]
    pub(crate) fn get(&mut self, text: &'a str) -> sla_clock::Result<Priority> {
        let first = text.as_bytes().first().copied().unwrap_or(0);
        let slot = (text.len() + usize::from(first)) % 16;
        if let Some((known, p)) = self.slots[slot]
            && same_text(known.as_bytes(), text.as_bytes())
        {
            return Ok(p);
        }
        let p = match self.seen.iter().find(|(s, _)| *s == text) {
            Some(&(_, p)) => p,
            None => {
                let p: Priority = text.parse()?;
                if self.seen.len() < REMEMBERED {
                    self.seen.push((text, p));
                }
                p
            }
        };
        self.slots[slot] = Some((text, p));
        Ok(p)
    }
}

/// `a == b` for the few bytes of a priority's spelling with two loads
/// each instead of a call to `memcmp` (which the profile showed as the
/// lookup's largest cost): texts of 4 to 8 bytes compare as their first
/// and last four bytes, which together cover every byte.
#[inline(always)]
fn same_text(a: &[u8], b: &[u8]) -> bool {
    let four = |s: &[u8], at: usize| {
        s.get(at..at + 4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
    };
    match a.len() {
        n if n != b.len() => false,
        n @ 4..=8 => four(a, 0) == four(b, 0) && four(a, n - 4) == four(b, n - 4),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_compare_as_bytes() {
        let texts = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abce",
            "bbcd",
            "abcde",
            "abcdf",
            "xbcde",
            "urgent",
            "urgenT",
            "Urgent",
            "normal",
            "dringend",
            "dringenD",
            "Dringend",
            "niedrig",
            "abcdefghi",
            "abcdefghj",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(same_text(a.as_bytes(), b.as_bytes()), a == b, "{a} {b}");
            }
        }
    }

    #[test]
    fn spellings_in_either_language_and_any_case() {
        let mut lookup = PriorityLookup::default();
        for (text, want) in [
            ("urgent", Priority::Urgent),
            ("urgent", Priority::Urgent),
            ("DRINGEND", Priority::Urgent),
            ("Hoch", Priority::High),
            ("urgent", Priority::Urgent),
            ("niedrig", Priority::Low),
        ] {
            assert_eq!(lookup.get(text).unwrap(), want, "{text}");
        }
        assert_eq!(
            lookup.get("asap").unwrap_err().kind(),
            sla_clock::ErrorKind::Priority
        );
    }
}
