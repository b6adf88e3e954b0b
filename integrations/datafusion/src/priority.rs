//! Priorities read from text, each distinct spelling parsed once.

use sla_clock::Priority;

/// Reads priorities with the crate's parser (English or German, any
/// case), remembering the spellings seen: a column of priorities holds a
/// handful of spellings, so most rows cost one comparison of a few bytes
/// and no parsing.
pub(crate) struct PriorityLookup<'a> {
    /// The spelling last seen in each of 64 slots, chosen by [`slot`]: the
    /// usual spellings each get a slot of their own, so a row in any mix
    /// of them is one comparison.
    slots: [Option<(&'a str, Priority)>; SLOTS],
    /// The spellings seen so far, up to [`REMEMBERED`].
    seen: Vec<(&'a str, Priority)>,
}

const SLOTS: usize = 64;

/// How many spellings are remembered: the seven words in three letter
/// cases and some more. A column with more (every case variation under
/// the sun) parses the rest each time.
const REMEMBERED: usize = 32;

impl Default for PriorityLookup<'_> {
    fn default() -> Self {
        PriorityLookup {
            slots: [None; SLOTS],
            seen: Vec::new(),
        }
    }
}

impl<'a> PriorityLookup<'a> {
    #[inline]
    pub(crate) fn get(&mut self, text: &'a str) -> sla_clock::Result<Priority> {
        let slot = slot(text.as_bytes());
        if let Some((known, p)) = self.slots[slot]
            && same_text(known.as_bytes(), text.as_bytes())
        {
            return Ok(p);
        }
        let p = match self
            .seen
            .iter()
            .find(|(s, _)| same_text(s.as_bytes(), text.as_bytes()))
        {
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

/// The slot of a spelling: its length and first, second and last bytes,
/// multiplied by a constant chosen so that the seven words (`urgent`,
/// `high`, `normal`, `low`, `dringend`, `hoch`, `niedrig`) in lower case,
/// capitalised and in upper case land in 21 different slots (tested).
/// Lower and upper case differ by 32 in a byte, so a plain sum of bytes
/// modulo a power of two would put every case of a word in one slot,
/// and a column that mixes them would miss on every other row.
#[inline(always)]
fn slot(text: &[u8]) -> usize {
    let byte = |i: usize| u32::from(text.get(i).copied().unwrap_or(0));
    let last = u32::from(text.last().copied().unwrap_or(0));
    let key = byte(0) | byte(1) << 8 | last << 16 | (text.len() as u32) << 24;
    (key.wrapping_mul(0xd66b_829f) >> 26) as usize
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
    fn the_usual_spellings_have_slots_of_their_own() {
        let mut slots = std::collections::BTreeMap::new();
        for word in [
            "urgent", "high", "normal", "low", "dringend", "hoch", "niedrig",
        ] {
            let capitalised = word[..1].to_uppercase() + &word[1..];
            for spelling in [word.to_string(), capitalised, word.to_uppercase()] {
                let slot = slot(spelling.as_bytes());
                assert!(slot < SLOTS);
                if let Some(other) = slots.insert(slot, spelling.clone()) {
                    panic!("{spelling} and {other} share slot {slot}");
                }
            }
        }
        assert_eq!(slots.len(), 21);
    }

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
