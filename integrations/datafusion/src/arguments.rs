//! Reading the functions' arguments: Arrow arrays or scalars of
//! timestamps, dates, texts and amounts of business time, row by row
//! without copying or allocating.
//!
//! Every reader is a view of one argument for one batch: a column (values
//! and validity) or a scalar that stands for every row. `get(row)` is a
//! bounds-checked load and a validity bit, so the kernels loop over rows
//! with no per-row allocation and no per-row type dispatch beyond one
//! `match` on the view.

use std::fmt;
use std::sync::Arc;

use datafusion::arrow::array::{
    Array, ArrayRef, AsArray, LargeStringArray, PrimitiveArray, StringArray, StringViewArray,
};
use datafusion::arrow::buffer::NullBuffer;
use datafusion::arrow::datatypes::{
    ArrowPrimitiveType, DataType, Date32Type, Date64Type, DurationMicrosecondType,
    DurationMillisecondType, DurationNanosecondType, DurationSecondType, Float64Type, Int64Type,
    TimeUnit, TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType,
};
use datafusion::common::{Result, ScalarValue, exec_err, plan_err};
use datafusion::logical_expr::ColumnarValue;
use sla_clock::chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use sla_clock::{BusinessDuration, Calendar};

/// The rows of one batch: the length of the array arguments, or 1 when
/// every argument is a scalar.
pub(crate) fn rows(args: &[ColumnarValue]) -> usize {
    args.iter()
        .find_map(|arg| match arg {
            ColumnarValue::Array(a) => Some(a.len()),
            ColumnarValue::Scalar(_) => None,
        })
        .unwrap_or(1)
}

/// The result as DataFusion wants it: a scalar when every argument was
/// one (a constant expression), otherwise the array.
pub(crate) fn output(args: &[ColumnarValue], array: ArrayRef) -> Result<ColumnarValue> {
    if args.iter().all(|a| matches!(a, ColumnarValue::Scalar(_))) {
        Ok(ColumnarValue::Scalar(ScalarValue::try_from_array(
            &array, 0,
        )?))
    } else {
        Ok(ColumnarValue::Array(array))
    }
}

/// One column of a primitive type, or a scalar standing for all rows.
pub(crate) enum Column<'a, T: ArrowPrimitiveType> {
    Array {
        values: &'a [T::Native],
        nulls: Option<&'a NullBuffer>,
    },
    Scalar(Option<T::Native>),
}

impl<'a, T: ArrowPrimitiveType> Column<'a, T> {
    fn array(array: &'a PrimitiveArray<T>) -> Self {
        Column::Array {
            values: array.values(),
            nulls: array.nulls(),
        }
    }

    #[inline]
    fn get(&self, row: usize) -> Option<T::Native> {
        match self {
            Column::Array { values, nulls } => match nulls {
                Some(n) if n.is_null(row) => None,
                _ => values.get(row).copied(),
            },
            Column::Scalar(v) => *v,
        }
    }
}

/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01 (Arrow's day 0).
pub(crate) const DAYS_FROM_CE_TO_1970: i32 = 719_163;

/// A timestamp argument of any unit, with or without a zone. Arrow keeps
/// timestamps as a count since 1970-01-01T00:00 UTC whatever the zone (the
/// zone only says how to display them); one without a zone is read as UTC.
pub(crate) struct Instants<'a> {
    unit: TimeUnit,
    column: Column<'a, Int64Type>,
}

impl<'a> Instants<'a> {
    /// The argument `arg`, which the signature coerced to a timestamp.
    pub(crate) fn new(arg: &'a ColumnarValue) -> Result<Self> {
        use ScalarValue as S;
        let (unit, column) = match arg {
            ColumnarValue::Array(a) => match a.data_type() {
                DataType::Timestamp(unit, _) => (*unit, int64_view(a, *unit)),
                other => return exec_err!("expected a timestamp column, found {other}"),
            },
            ColumnarValue::Scalar(s) => match s {
                S::TimestampSecond(v, _) => (TimeUnit::Second, Column::Scalar(*v)),
                S::TimestampMillisecond(v, _) => (TimeUnit::Millisecond, Column::Scalar(*v)),
                S::TimestampMicrosecond(v, _) => (TimeUnit::Microsecond, Column::Scalar(*v)),
                S::TimestampNanosecond(v, _) => (TimeUnit::Nanosecond, Column::Scalar(*v)),
                S::Null => (TimeUnit::Nanosecond, Column::Scalar(None)),
                other => return exec_err!("expected a timestamp, found {}", other.data_type()),
            },
        };
        Ok(Instants { unit, column })
    }

    /// The raw value of `row`, `None` for a null.
    #[inline]
    pub(crate) fn raw(&self, row: usize) -> Option<i64> {
        self.column.get(row)
    }

    /// The raw value as an instant: `Err` names it when chrono cannot hold
    /// it (hundreds of thousands of years away).
    #[inline]
    pub(crate) fn instant(&self, raw: i64) -> Result<DateTime<Utc>, Shown> {
        let t = match self.unit {
            TimeUnit::Second => DateTime::from_timestamp(raw, 0),
            TimeUnit::Millisecond => DateTime::from_timestamp_millis(raw),
            TimeUnit::Microsecond => DateTime::from_timestamp_micros(raw),
            TimeUnit::Nanosecond => Some(DateTime::from_timestamp_nanos(raw)),
        };
        t.ok_or(Shown::RawTimestamp(raw, self.unit))
    }

    /// The raw value as nanoseconds since 1970 UTC, for the crate's
    /// methods on them; `None` beyond what an `i64` of them holds (before
    /// 1677 or after 2262).
    #[inline]
    pub(crate) fn unix_nanos(&self, raw: i64) -> Option<i64> {
        match self.unit {
            TimeUnit::Second => raw.checked_mul(1_000_000_000),
            TimeUnit::Millisecond => raw.checked_mul(1_000_000),
            TimeUnit::Microsecond => raw.checked_mul(1_000),
            TimeUnit::Nanosecond => Some(raw),
        }
    }

    /// The unit of the raw values.
    pub(crate) fn unit(&self) -> TimeUnit {
        self.unit
    }

    /// `row` as it is shown in an error message.
    pub(crate) fn shown(&self, row: usize) -> Shown {
        match self.raw(row) {
            None => Shown::Null,
            Some(raw) => match self.instant(raw) {
                Ok(t) => Shown::Instant(t),
                Err(shown) => shown,
            },
        }
    }
}

/// A timestamp column's values as `i64`, whatever the unit.
fn int64_view(array: &ArrayRef, unit: TimeUnit) -> Column<'_, Int64Type> {
    fn view<T: ArrowPrimitiveType<Native = i64>>(a: &ArrayRef) -> Column<'_, Int64Type> {
        let p = a.as_primitive::<T>();
        Column::Array {
            values: p.values(),
            nulls: p.nulls(),
        }
    }
    match unit {
        TimeUnit::Second => view::<TimestampSecondType>(array),
        TimeUnit::Millisecond => view::<TimestampMillisecondType>(array),
        TimeUnit::Microsecond => view::<TimestampMicrosecondType>(array),
        TimeUnit::Nanosecond => view::<TimestampNanosecondType>(array),
    }
}

/// A date argument: `Date32`, `Date64`, or a timestamp, whose date is
/// the local date in the calendar's zone.
pub(crate) enum Dates<'a> {
    Days(Column<'a, Date32Type>),
    Millis(Column<'a, Date64Type>),
    Instants(Instants<'a>),
}

impl<'a> Dates<'a> {
    pub(crate) fn new(arg: &'a ColumnarValue) -> Result<Self> {
        Ok(match arg {
            ColumnarValue::Array(a) => match a.data_type() {
                DataType::Date32 => Dates::Days(Column::array(a.as_primitive())),
                DataType::Date64 => Dates::Millis(Column::array(a.as_primitive())),
                _ => Dates::Instants(Instants::new(arg)?),
            },
            ColumnarValue::Scalar(ScalarValue::Date32(v)) => Dates::Days(Column::Scalar(*v)),
            ColumnarValue::Scalar(ScalarValue::Date64(v)) => Dates::Millis(Column::Scalar(*v)),
            ColumnarValue::Scalar(_) => Dates::Instants(Instants::new(arg)?),
        })
    }

    /// The date of `row`: `None` for a null, `Err` with the value shown
    /// when chrono cannot hold it.
    #[inline]
    pub(crate) fn get(&self, row: usize, calendar: &Calendar) -> Option<Result<NaiveDate, Shown>> {
        match self {
            Dates::Days(c) => c.get(row).map(|days| {
                days.checked_add(DAYS_FROM_CE_TO_1970)
                    .and_then(NaiveDate::from_num_days_from_ce_opt)
                    .ok_or(Shown::RawDate(i64::from(days), "days"))
            }),
            Dates::Millis(c) => c.get(row).map(|ms| {
                DateTime::from_timestamp_millis(ms)
                    .map(|t| t.date_naive())
                    .ok_or(Shown::RawDate(ms, "milliseconds"))
            }),
            Dates::Instants(i) => i.raw(row).map(|raw| {
                i.instant(raw)
                    .map(|t| t.with_timezone(&calendar.zone()).date_naive())
            }),
        }
    }

    pub(crate) fn shown(&self, row: usize, calendar: &Calendar) -> Shown {
        match self {
            Dates::Instants(i) => i.shown(row),
            _ => match self.get(row, calendar) {
                None => Shown::Null,
                Some(Ok(date)) => Shown::Date(date),
                Some(Err(shown)) => shown,
            },
        }
    }
}

/// A text argument: `Utf8`, `LargeUtf8` or `Utf8View`.
pub(crate) enum Texts<'a> {
    Utf8(&'a StringArray),
    Large(&'a LargeStringArray),
    View(&'a StringViewArray),
    Scalar(Option<&'a str>),
}

impl<'a> Texts<'a> {
    pub(crate) fn new(arg: &'a ColumnarValue) -> Result<Self> {
        use ScalarValue as S;
        Ok(match arg {
            ColumnarValue::Array(a) => match a.data_type() {
                DataType::Utf8 => Texts::Utf8(a.as_string()),
                DataType::LargeUtf8 => Texts::Large(a.as_string()),
                DataType::Utf8View => Texts::View(a.as_string_view()),
                other => return exec_err!("expected a text column, found {other}"),
            },
            ColumnarValue::Scalar(S::Utf8(v) | S::LargeUtf8(v) | S::Utf8View(v)) => {
                Texts::Scalar(v.as_deref())
            }
            ColumnarValue::Scalar(S::Null) => Texts::Scalar(None),
            ColumnarValue::Scalar(other) => {
                return exec_err!("expected text, found {}", other.data_type());
            }
        })
    }

    #[inline(always)]
    pub(crate) fn get(&self, row: usize) -> Option<&'a str> {
        #[inline(always)]
        fn at<'s>(
            a: &'s impl Array,
            row: usize,
            value: impl Fn(usize) -> &'s str,
        ) -> Option<&'s str> {
            (row < a.len() && a.is_valid(row)).then(|| value(row))
        }
        match *self {
            Texts::Utf8(a) => at(a, row, |i| a.value(i)),
            Texts::Large(a) => at(a, row, |i| a.value(i)),
            Texts::View(a) => at(a, row, |i| a.value(i)),
            Texts::Scalar(v) => v,
        }
    }

    pub(crate) fn shown(&self, row: usize) -> Shown {
        match self.get(row) {
            None => Shown::Null,
            Some(text) => Shown::Text(text.to_string()),
        }
    }
}

/// An amount of business time: seconds as a number, or an Arrow duration.
pub(crate) enum Amounts<'a> {
    Seconds(Column<'a, Int64Type>),
    FractionalSeconds(Column<'a, Float64Type>),
    Duration(TimeUnit, Column<'a, Int64Type>),
}

impl<'a> Amounts<'a> {
    pub(crate) fn new(arg: &'a ColumnarValue) -> Result<Self> {
        use ScalarValue as S;
        fn duration<T: ArrowPrimitiveType<Native = i64>>(a: &ArrayRef) -> Column<'_, Int64Type> {
            let p = a.as_primitive::<T>();
            Column::Array {
                values: p.values(),
                nulls: p.nulls(),
            }
        }
        Ok(match arg {
            ColumnarValue::Array(a) => match a.data_type() {
                DataType::Int64 => Amounts::Seconds(Column::array(a.as_primitive())),
                DataType::Float64 => Amounts::FractionalSeconds(Column::array(a.as_primitive())),
                DataType::Duration(unit) => Amounts::Duration(
                    *unit,
                    match unit {
                        TimeUnit::Second => duration::<DurationSecondType>(a),
                        TimeUnit::Millisecond => duration::<DurationMillisecondType>(a),
                        TimeUnit::Microsecond => duration::<DurationMicrosecondType>(a),
                        TimeUnit::Nanosecond => duration::<DurationNanosecondType>(a),
                    },
                ),
                other => return exec_err!("expected seconds or a duration, found {other}"),
            },
            ColumnarValue::Scalar(s) => match s {
                S::Int64(v) => Amounts::Seconds(Column::Scalar(*v)),
                S::Float64(v) => Amounts::FractionalSeconds(Column::Scalar(*v)),
                S::DurationSecond(v) => Amounts::Duration(TimeUnit::Second, Column::Scalar(*v)),
                S::DurationMillisecond(v) => {
                    Amounts::Duration(TimeUnit::Millisecond, Column::Scalar(*v))
                }
                S::DurationMicrosecond(v) => {
                    Amounts::Duration(TimeUnit::Microsecond, Column::Scalar(*v))
                }
                S::DurationNanosecond(v) => {
                    Amounts::Duration(TimeUnit::Nanosecond, Column::Scalar(*v))
                }
                S::Null => Amounts::Seconds(Column::Scalar(None)),
                other => {
                    return exec_err!(
                        "expected seconds or a duration, found {}",
                        other.data_type()
                    );
                }
            },
        })
    }

    /// The amount of `row`: `None` for a null, `Err` with the value shown
    /// for a number of seconds that is not finite.
    #[inline]
    pub(crate) fn get(&self, row: usize) -> Option<Result<BusinessDuration, Shown>> {
        const NANOS: i128 = 1_000_000_000;
        match self {
            Amounts::Seconds(c) => c
                .get(row)
                .map(|s| Ok(BusinessDuration::from_nanos(i128::from(s) * NANOS))),
            Amounts::FractionalSeconds(c) => c.get(row).map(|s| {
                let nanos = (s * 1e9).round();
                // Within i128 with room to spare; the crate refuses
                // anything that large as too large anyway.
                if nanos.is_finite() && nanos.abs() < 1e36 {
                    Ok(BusinessDuration::from_nanos(nanos as i128))
                } else {
                    Err(Shown::Seconds(s))
                }
            }),
            Amounts::Duration(unit, c) => c.get(row).map(|v| {
                let per = match unit {
                    TimeUnit::Second => NANOS,
                    TimeUnit::Millisecond => 1_000_000,
                    TimeUnit::Microsecond => 1_000,
                    TimeUnit::Nanosecond => 1,
                };
                Ok(BusinessDuration::from_nanos(i128::from(v) * per))
            }),
        }
    }

    pub(crate) fn shown(&self, row: usize) -> Shown {
        match self {
            Amounts::FractionalSeconds(c) => c.get(row).map_or(Shown::Null, Shown::Seconds),
            Amounts::Seconds(c) => c.get(row).map_or(Shown::Null, Shown::Int),
            Amounts::Duration(..) => match self.get(row) {
                None => Shown::Null,
                Some(Ok(d)) => Shown::Amount(d),
                Some(Err(shown)) => shown,
            },
        }
    }
}

/// One argument value as an error message quotes it: text in quotes,
/// instants in RFC 3339 UTC, `NULL` for a null.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Shown {
    Null,
    Text(String),
    Instant(DateTime<Utc>),
    Date(NaiveDate),
    Amount(BusinessDuration),
    Seconds(f64),
    Int(i64),
    RawTimestamp(i64, TimeUnit),
    RawDate(i64, &'static str),
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shown::Null => f.write_str("NULL"),
            // Quoted as SQL quotes text: a quote inside is doubled.
            Shown::Text(t) => write!(f, "'{}'", t.replace('\'', "''")),
            Shown::Instant(t) => f.write_str(&t.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
            Shown::Date(d) => write!(f, "{d}"),
            Shown::Amount(d) => write!(f, "'{d}'"),
            Shown::Seconds(s) => write!(f, "{s}"),
            Shown::Int(i) => write!(f, "{i}"),
            Shown::RawTimestamp(raw, unit) => {
                write!(f, "timestamp {raw} ({}s since 1970)", unit_name(*unit))
            }
            Shown::RawDate(raw, unit) => write!(f, "date {raw} ({unit} since 1970)"),
        }
    }
}

fn unit_name(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Second => "second",
        TimeUnit::Millisecond => "millisecond",
        TimeUnit::Microsecond => "microsecond",
        TimeUnit::Nanosecond => "nanosecond",
    }
}

/// What each argument may be, for the signatures' type coercion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    /// A timestamp of any unit and zone, kept as it is.
    Instant,
    /// `Date32`, `Date64`, or a timestamp (its local date).
    Date,
    /// Text of any of Arrow's three string types; a dictionary of text is
    /// unpacked.
    Text,
    /// Seconds (any integer is read as `Int64`, any float or decimal as
    /// `Float64`) or a `Duration` of any unit.
    Amount,
}

impl Kind {
    /// The type `given` is cast to, or a planning error naming the
    /// function, the argument and what it accepts.
    pub(crate) fn coerce(
        self,
        function: &str,
        parameter: &str,
        given: &DataType,
    ) -> Result<DataType> {
        use DataType as D;
        let accepted = match (self, given) {
            (_, D::Null) => Some(match self {
                Kind::Instant | Kind::Date => D::Timestamp(TimeUnit::Nanosecond, None),
                Kind::Text => D::Utf8,
                Kind::Amount => D::Int64,
            }),
            (_, D::Dictionary(_, values)) => return self.coerce(function, parameter, values),
            (Kind::Instant | Kind::Date, D::Timestamp(..)) => Some(given.clone()),
            (Kind::Date, D::Date32 | D::Date64) => Some(given.clone()),
            (Kind::Text, D::Utf8 | D::LargeUtf8 | D::Utf8View) => Some(given.clone()),
            (Kind::Amount, D::Duration(_)) => Some(given.clone()),
            (Kind::Amount, t) if t.is_integer() => Some(D::Int64),
            (Kind::Amount, t) if t.is_floating() || t.is_decimal() => Some(D::Float64),
            _ => None,
        };
        match accepted {
            Some(t) => Ok(t),
            None => plan_err!(
                "{function}: argument {parameter} must be {}, found {given}",
                self.description()
            ),
        }
    }

    fn description(self) -> &'static str {
        match self {
            Kind::Instant => {
                "a timestamp (without a zone it is read as UTC; text can be read with sla_instant)"
            }
            Kind::Date => "a date or a timestamp",
            Kind::Text => "text",
            Kind::Amount => "seconds (a number) or a duration",
        }
    }
}

/// The row's inputs as a call, for an error message:
/// `sla_due('asap', 2026-12-18T15:00:00Z)`.
pub(crate) fn call(function: &str, inputs: &[Shown]) -> String {
    let mut text = String::from(function);
    text.push('(');
    for (i, input) in inputs.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(&input.to_string());
    }
    text.push(')');
    text
}

/// The zone of a timestamp type, for results of the same type.
pub(crate) fn zone_of(t: &DataType) -> Option<Arc<str>> {
    match t {
        DataType::Timestamp(_, zone) => zone.clone(),
        _ => None,
    }
}
