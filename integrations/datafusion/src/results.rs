//! Writing the functions' results row by row, and making them an Arrow
//! array at the end of the batch.
//!
//! Arrow's builders check their buffers and validity bitmap on every
//! append; in `sla_report`'s profile that came to about 45 instructions a
//! value, not inlined. Here a value is a store into a vector reserved for
//! the batch, and its validity another; the bitmap is packed once at the
//! end (and left out when every row has a value). Names from a fixed set
//! (priorities, statuses) are written as indices, and made `Utf8View`
//! names by one `take` per batch.

use datafusion::arrow::array::{ArrayRef, PrimitiveArray, StringViewArray};
use datafusion::arrow::buffer::{BooleanBuffer, Buffer, NullBuffer};
use datafusion::arrow::compute::take;
use datafusion::arrow::datatypes::{ArrowPrimitiveType, UInt32Type};
use datafusion::common::Result;

/// A column of primitive results.
pub(crate) struct Values<T: ArrowPrimitiveType> {
    values: Vec<T::Native>,
    valid: Validity,
}

impl<T: ArrowPrimitiveType> Values<T> {
    pub(crate) fn with_capacity(rows: usize) -> Self {
        Values {
            values: Vec::with_capacity(rows),
            valid: Validity::with_capacity(rows),
        }
    }

    #[inline]
    pub(crate) fn push(&mut self, value: T::Native) {
        self.values.push(value);
        self.valid.push(true);
    }

    #[inline]
    pub(crate) fn push_null(&mut self) {
        self.values.push(T::Native::default());
        self.valid.push(false);
    }

    pub(crate) fn finish(self) -> PrimitiveArray<T> {
        PrimitiveArray::new(self.values.into(), self.valid.finish())
    }
}

/// A column of names, each one of a few known in advance: the row's
/// index into them, made into the names at the end by Arrow's `take`
/// (which copies each row's 16-byte view; a name of up to 12 bytes
/// lives inside its view, so no text is copied).
pub(crate) struct Names {
    names: StringViewArray,
    indices: Values<UInt32Type>,
}

impl Names {
    /// Room for `rows` rows, each one of `names` or null.
    pub(crate) fn new(names: impl IntoIterator<Item = &'static str>, rows: usize) -> Self {
        Names {
            names: names.into_iter().map(Some).collect(),
            indices: Values::with_capacity(rows),
        }
    }

    /// Writes the `index`-th of the names.
    #[inline]
    pub(crate) fn push(&mut self, index: usize) {
        // A handful of names: the index fits.
        self.indices.push(index as u32);
    }

    #[inline]
    pub(crate) fn push_null(&mut self) {
        self.indices.push_null();
    }

    pub(crate) fn finish(self) -> Result<ArrayRef> {
        Ok(take(&self.names, &self.indices.finish(), None)?)
    }
}

/// Which rows have a value, packed into a bitmap at the end (a bit at a
/// time as rows come costs several times more).
struct Validity {
    valid: Vec<bool>,
    nulls: usize,
}

impl Validity {
    fn with_capacity(rows: usize) -> Self {
        Validity {
            valid: Vec::with_capacity(rows),
            nulls: 0,
        }
    }

    #[inline]
    fn push(&mut self, valid: bool) {
        self.valid.push(valid);
        self.nulls += usize::from(!valid);
    }

    /// The bitmap, or none when every row has a value.
    fn finish(self) -> Option<NullBuffer> {
        if self.nulls == 0 {
            return None;
        }
        // Sixty-four rows to a word, the first row in the lowest bit.
        let words: Vec<u64> = self
            .valid
            .chunks(64)
            .map(|rows| {
                rows.iter()
                    .rev()
                    .fold(0, |word, &valid| word << 1 | u64::from(valid))
            })
            .collect();
        let bits = BooleanBuffer::new(Buffer::from_vec(words), 0, self.valid.len());
        Some(NullBuffer::new(bits))
    }
}

#[cfg(test)]
mod tests {
    use datafusion::arrow::array::{Array, AsArray, Int64Array};
    use datafusion::arrow::datatypes::Int64Type;

    use super::*;

    #[test]
    fn names_read_back_as_written() {
        let mut names = Names::new(["urgent", "at_risk", "", "longer than twelve bytes"], 6);
        for i in [0, 1, 2, 3] {
            names.push(i);
        }
        names.push_null();
        names.push(1);
        let array = names.finish().unwrap();
        let read: Vec<Option<&str>> = array.as_string_view().iter().collect();
        assert_eq!(
            read,
            [
                Some("urgent"),
                Some("at_risk"),
                Some(""),
                Some("longer than twelve bytes"),
                None,
                Some("at_risk")
            ]
        );
    }

    #[test]
    fn values_keep_their_nulls() {
        let mut values = Values::<Int64Type>::with_capacity(70);
        let want: Vec<Option<i64>> = (0..70).map(|i| (i % 3 != 1).then_some(i)).collect();
        for v in &want {
            match v {
                Some(v) => values.push(*v),
                None => values.push_null(),
            }
        }
        assert_eq!(values.finish(), Int64Array::from(want));
        let mut all = Values::<Int64Type>::with_capacity(1);
        all.push(1);
        assert_eq!(all.finish().nulls(), None);
    }
}
