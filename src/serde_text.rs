//! Serde through a type's one text form: `Display` to write, `FromStr` to
//! read (the pattern of semver's `serializer.collect_str(self)`), so the
//! JSON form of a value is what it prints and what its parser reads.

/// Implements `Serialize` and `Deserialize` for `$ty` through its text
/// form.
macro_rules! as_text {
    ($($ty:ty),+ $(,)?) => {$(
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                text.parse().map_err(crate::error::de)
            }
        }
    )+};
}

pub(crate) use as_text;
