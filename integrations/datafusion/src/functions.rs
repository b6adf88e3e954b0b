//! The set of SQL functions on one calendar and policy, and how each is
//! declared to DataFusion (name, arguments, result type).

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use datafusion::arrow::datatypes::{DataType, TimeUnit};
use datafusion::common::{Result, plan_err};
use datafusion::execution::FunctionRegistry;
use datafusion::logical_expr::{
    ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};
use datafusion::prelude::SessionContext;
use sla_clock::{Calendar, Policy, Priority, RiskThreshold};

use crate::arguments::{Kind, zone_of};
use crate::setup::Setup;

/// The SQL functions on one calendar and policy, ready to register.
///
/// | function | result |
/// | --- | --- |
/// | `sla_due(priority, created)` | timestamp: the first-response due instant |
/// | `sla_status(priority, created, responded, now)` | text: `met`, `breached`, `at_risk` or `pending` |
/// | `business_time(start, end)` | double: signed business seconds |
/// | `business_duration(start, end)` | duration (ns): the same, exact |
/// | `business_add(ts, amount)` | timestamp: `amount` of business time after `ts` |
/// | `is_business_day(date)` | boolean |
/// | `next_open(ts)` | timestamp: `ts` when open, else the next opening |
/// | `local_date(ts)` | date: the instant's date in the calendar's zone |
/// | `sla_instant(text)`, `try_sla_instant(text)` | timestamp in the calendar's zone |
/// | `sla_priority(text)`, `try_sla_priority(text)` | text: `urgent`, `high`, `normal` or `low` |
///
/// See the [crate documentation](crate) for the types each accepts and
/// what each answers in detail.
///
/// # Example
///
/// ```
/// use datafusion::prelude::SessionContext;
/// use sla_clock::{Calendar, Policy, RiskThreshold};
/// use sla_clock_datafusion::SlaFunctions;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let ctx = SessionContext::new();
/// SlaFunctions::new(Calendar::munich(), Policy::default())
///     .with_risk_threshold(RiskThreshold::percent(75)?)
///     .register(&ctx);
/// let batches = ctx
///     .sql("SELECT sla_due('Dringend', TIMESTAMP '2026-12-18 15:00:00') AS due")
///     .await?
///     .collect()
///     .await?;
/// let text = datafusion::arrow::util::pretty::pretty_format_batches(&batches)?.to_string();
/// assert!(text.contains("2026-12-21T11:00:00"), "{text}"); // 12:00 in Munich, in UTC
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct SlaFunctions {
    setup: Arc<Setup>,
}

impl SlaFunctions {
    /// The functions on `calendar` with the targets of `policy`. Without an
    /// at-risk threshold `sla_status` never answers `at_risk`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Policy};
    /// use sla_clock_datafusion::SlaFunctions;
    ///
    /// let vienna = Calendar::builder(sla_clock::Tz::Europe__Vienna).weekdays("08:00-17:00").holidays_of("AT").build()?;
    /// let functions = SlaFunctions::new(vienna, Policy::default());
    /// assert_eq!(functions.udfs().len(), 12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(calendar: Calendar, policy: Policy) -> SlaFunctions {
        let targets = Priority::ALL.map(|p| policy.target(p).duration(&calendar));
        let zone = Arc::from(calendar.zone().name());
        let range = crate::fast::Range::of(&calendar);
        SlaFunctions {
            setup: Arc::new(Setup {
                calendar,
                policy,
                risk: None,
                targets,
                zone,
                range,
            }),
        }
    }

    /// The same functions, with `sla_status` answering `at_risk` once
    /// `threshold` of the target has elapsed (see
    /// [`SlaClock::with_risk_threshold`](sla_clock::SlaClock::with_risk_threshold)).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Policy, RiskThreshold};
    /// use sla_clock_datafusion::SlaFunctions;
    ///
    /// let functions = SlaFunctions::new(Calendar::munich(), Policy::default())
    ///     .with_risk_threshold(RiskThreshold::percent(80)?);
    /// assert_eq!(functions.risk_threshold(), Some(RiskThreshold::percent(80)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_risk_threshold(self, threshold: RiskThreshold) -> SlaFunctions {
        let mut setup = Setup::clone(&self.setup);
        setup.risk = Some(threshold);
        SlaFunctions {
            setup: Arc::new(setup),
        }
    }

    /// The calendar the functions compute on.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Policy};
    /// use sla_clock_datafusion::SlaFunctions;
    /// let functions = SlaFunctions::new(Calendar::munich(), Policy::default());
    /// assert_eq!(functions.calendar(), &Calendar::munich());
    /// ```
    pub fn calendar(&self) -> &Calendar {
        &self.setup.calendar
    }

    /// The policy whose targets `sla_due` and `sla_status` use.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Policy};
    /// use sla_clock_datafusion::SlaFunctions;
    /// let functions = SlaFunctions::new(Calendar::munich(), Policy::default());
    /// assert_eq!(functions.policy(), &Policy::default());
    /// ```
    pub fn policy(&self) -> &Policy {
        &self.setup.policy
    }

    /// The at-risk threshold, when one was set.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Policy};
    /// use sla_clock_datafusion::SlaFunctions;
    /// assert_eq!(SlaFunctions::new(Calendar::munich(), Policy::default()).risk_threshold(), None);
    /// ```
    pub fn risk_threshold(&self) -> Option<RiskThreshold> {
        self.setup.risk
    }

    /// Every function as a [`ScalarUDF`], for a
    /// [`SessionStateBuilder`](datafusion::execution::SessionStateBuilder)
    /// (`with_scalar_functions`) or a distributed engine's function
    /// registry.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Policy};
    /// use sla_clock_datafusion::SlaFunctions;
    ///
    /// let names: Vec<String> = SlaFunctions::new(Calendar::munich(), Policy::default())
    ///     .udfs()
    ///     .iter()
    ///     .map(|f| f.name().to_string())
    ///     .collect();
    /// assert!(names.contains(&"sla_due".to_string()));
    /// ```
    pub fn udfs(&self) -> Vec<Arc<ScalarUDF>> {
        Function::ALL
            .iter()
            .filter_map(|f| self.udf(f.name()))
            .collect()
    }

    /// The function called `name` (`sla_due`, `business_time`, …), or
    /// `None` when there is none of that name: for a codec that rebuilds
    /// one function of a plan on another machine.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Policy};
    /// use sla_clock_datafusion::SlaFunctions;
    ///
    /// let functions = SlaFunctions::new(Calendar::munich(), Policy::default());
    /// assert_eq!(functions.udf("sla_due").unwrap().name(), "sla_due");
    /// assert!(functions.udf("abs").is_none());
    /// ```
    pub fn udf(&self, name: &str) -> Option<Arc<ScalarUDF>> {
        Function::ALL
            .iter()
            .find(|f| f.name() == name)
            .map(|&function| {
                Arc::new(ScalarUDF::new_from_impl(SlaUdf {
                    function,
                    signature: Signature::user_defined(Volatility::Immutable),
                    setup: Arc::clone(&self.setup),
                }))
            })
    }

    /// The set a function of this crate belongs to (its calendar, policy
    /// and at-risk threshold), or `None` for any other function: what a
    /// plan's codec writes down so that another process computes with the
    /// same calendar and policy.
    ///
    /// # Example
    ///
    /// ```
    /// use datafusion::execution::FunctionRegistry;
    /// use datafusion::prelude::SessionContext;
    /// use sla_clock::{Calendar, Policy, RiskThreshold};
    /// use sla_clock_datafusion::SlaFunctions;
    ///
    /// let ctx = SessionContext::new();
    /// SlaFunctions::new(Calendar::munich(), Policy::default())
    ///     .with_risk_threshold(RiskThreshold::percent(80)?)
    ///     .register(&ctx);
    /// let status = ctx.udf("sla_status")?;
    /// let found = SlaFunctions::of(&status).unwrap();
    /// assert_eq!(found.risk_threshold(), Some(RiskThreshold::percent(80)?));
    /// let abs = ctx.udf("abs")?;
    /// assert!(SlaFunctions::of(&abs).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(udf: &ScalarUDF) -> Option<SlaFunctions> {
        udf.inner().downcast_ref::<SlaUdf>().map(|f| SlaFunctions {
            setup: Arc::clone(&f.setup),
        })
    }

    /// Registers every function on `ctx`, replacing functions of the same
    /// names.
    ///
    /// # Example
    ///
    /// ```
    /// use datafusion::execution::FunctionRegistry;
    /// use datafusion::prelude::SessionContext;
    /// use sla_clock::{Calendar, Policy};
    /// use sla_clock_datafusion::SlaFunctions;
    ///
    /// let ctx = SessionContext::new();
    /// SlaFunctions::new(Calendar::munich(), Policy::default()).register(&ctx);
    /// assert!(ctx.udf("sla_status").is_ok());
    /// ```
    pub fn register(&self, ctx: &SessionContext) {
        for udf in self.udfs() {
            ctx.register_udf(Arc::unwrap_or_clone(udf));
        }
    }

    /// Registers every function in a [`FunctionRegistry`], such as a
    /// `SessionState` being built for an executor.
    ///
    /// # Errors
    ///
    /// Whatever the registry reports.
    ///
    /// # Example
    ///
    /// ```
    /// use datafusion::execution::{FunctionRegistry, SessionStateBuilder};
    /// use sla_clock::{Calendar, Policy};
    /// use sla_clock_datafusion::SlaFunctions;
    ///
    /// let mut state = SessionStateBuilder::new().with_default_features().build();
    /// SlaFunctions::new(Calendar::munich(), Policy::default()).register_in(&mut state)?;
    /// assert!(state.udf("business_time").is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn register_in(&self, registry: &mut dyn FunctionRegistry) -> Result<()> {
        for udf in self.udfs() {
            registry.register_udf(udf)?;
        }
        Ok(())
    }
}

/// Which function a [`SlaUdf`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Function {
    Due,
    Status,
    BusinessTime,
    BusinessDuration,
    BusinessAdd,
    IsBusinessDay,
    NextOpen,
    LocalDate,
    Instant { lenient: bool },
    Priority { lenient: bool },
}

impl Function {
    const ALL: [Function; 12] = [
        Function::Due,
        Function::Status,
        Function::BusinessTime,
        Function::BusinessDuration,
        Function::BusinessAdd,
        Function::IsBusinessDay,
        Function::NextOpen,
        Function::LocalDate,
        Function::Instant { lenient: false },
        Function::Instant { lenient: true },
        Function::Priority { lenient: false },
        Function::Priority { lenient: true },
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Function::Due => "sla_due",
            Function::Status => "sla_status",
            Function::BusinessTime => "business_time",
            Function::BusinessDuration => "business_duration",
            Function::BusinessAdd => "business_add",
            Function::IsBusinessDay => "is_business_day",
            Function::NextOpen => "next_open",
            Function::LocalDate => "local_date",
            Function::Instant { lenient: false } => "sla_instant",
            Function::Instant { lenient: true } => "try_sla_instant",
            Function::Priority { lenient: false } => "sla_priority",
            Function::Priority { lenient: true } => "try_sla_priority",
        }
    }

    /// The parameters, by name and kind.
    fn parameters(self) -> &'static [(&'static str, Kind)] {
        match self {
            Function::Due => &[("priority", Kind::Text), ("created", Kind::Instant)],
            Function::Status => &[
                ("priority", Kind::Text),
                ("created", Kind::Instant),
                ("responded", Kind::Instant),
                ("now", Kind::Instant),
            ],
            Function::BusinessTime | Function::BusinessDuration => {
                &[("start", Kind::Instant), ("end", Kind::Instant)]
            }
            Function::BusinessAdd => &[("ts", Kind::Instant), ("amount", Kind::Amount)],
            Function::IsBusinessDay => &[("date", Kind::Date)],
            Function::NextOpen | Function::LocalDate => &[("ts", Kind::Instant)],
            Function::Instant { .. } | Function::Priority { .. } => &[("text", Kind::Text)],
        }
    }

    /// The result type for arguments of types `args` (already coerced).
    fn return_type(self, args: &[DataType], setup: &Setup) -> DataType {
        let timestamp = |zone| DataType::Timestamp(TimeUnit::Nanosecond, zone);
        match self {
            // Instants keep the zone (or its absence) of the instant they
            // come from, so that comparing them with it never converts.
            Function::Due => timestamp(zone_of(&args[1])),
            Function::BusinessAdd | Function::NextOpen => timestamp(zone_of(&args[0])),
            Function::Instant { .. } => timestamp(Some(Arc::clone(&setup.zone))),
            Function::Status | Function::Priority { .. } => DataType::Utf8View,
            Function::BusinessTime => DataType::Float64,
            Function::BusinessDuration => DataType::Duration(TimeUnit::Nanosecond),
            Function::IsBusinessDay => DataType::Boolean,
            Function::LocalDate => DataType::Date32,
        }
    }
}

/// One of the functions, as DataFusion sees it.
#[derive(Debug)]
pub(crate) struct SlaUdf {
    function: Function,
    signature: Signature,
    setup: Arc<Setup>,
}

impl PartialEq for SlaUdf {
    fn eq(&self, other: &Self) -> bool {
        self.function == other.function && self.setup == other.setup
    }
}

impl Eq for SlaUdf {}

impl Hash for SlaUdf {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Equal functions hash equal: the calendar (which has no `Hash`)
        // is left to `eq`.
        self.function.hash(state);
        self.setup.policy.hash(state);
        self.setup.risk.hash(state);
        self.setup.zone.hash(state);
    }
}

impl ScalarUDFImpl for SlaUdf {
    fn name(&self) -> &str {
        self.function.name()
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        let parameters = self.function.parameters();
        if arg_types.len() != parameters.len() {
            let names: Vec<&str> = parameters.iter().map(|(n, _)| *n).collect();
            return plan_err!(
                "{} takes {} argument{} ({}), found {}",
                self.name(),
                parameters.len(),
                if parameters.len() == 1 { "" } else { "s" },
                names.join(", "),
                arg_types.len()
            );
        }
        parameters
            .iter()
            .zip(arg_types)
            .map(|((name, kind), given)| kind.coerce(self.name(), name, given))
            .collect()
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        // Called with the coerced types; check them again for callers that
        // skip coercion (a hand-built physical plan).
        let coerced = self.coerce_types(arg_types)?;
        Ok(self.function.return_type(&coerced, &self.setup))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let setup = &self.setup;
        let a = &args.args;
        let rows = crate::arguments::rows(a);
        let array = match self.function {
            Function::Due => crate::due::sla_due(setup, a, rows, args.return_type())?,
            Function::BusinessAdd => crate::due::business_add(setup, a, rows, args.return_type())?,
            Function::Status => crate::status::sla_status(setup, a, rows)?,
            Function::BusinessTime => crate::business_time::seconds(setup, a, rows)?,
            Function::BusinessDuration => crate::business_time::duration(setup, a, rows)?,
            Function::IsBusinessDay => crate::days::is_business_day(setup, a, rows)?,
            Function::NextOpen => crate::days::next_open(setup, a, rows, args.return_type())?,
            Function::LocalDate => crate::days::local_date(setup, a, rows)?,
            Function::Instant { lenient } => crate::text::sla_instant(setup, a, rows, lenient)?,
            Function::Priority { lenient } => crate::text::sla_priority(a, rows, lenient)?,
        };
        crate::arguments::output(a, array)
    }
}
