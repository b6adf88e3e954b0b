//! What is measured over a ticket's life, and the targets for it.

use std::fmt;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::policy::Policy;

/// One of the four clocks of a ticket's life
/// ([`docs/LIFECYCLE.md`](crate::doc::lifecycle) section 2).
///
/// | metric | a cycle runs from | to |
/// | --- | --- | --- |
/// | `first_response` | `created` | the first `agent_reply` (or `solved`) |
/// | `next_response` | a `customer_reply` after the first agent reply | the next `agent_reply` (or `solved`) |
/// | `periodic_update` | each `agent_reply` (and a reopening after one) | the next `agent_reply` or `solved`; paused while waiting |
/// | `resolution` | `created` | `solved`; paused while waiting; a reopening resumes it |
///
/// With the `serde` feature a metric is written as its name.
///
/// # Example
///
/// ```
/// use sla_clock::Metric;
///
/// assert_eq!(Metric::ALL.map(Metric::name), ["first_response", "next_response", "periodic_update", "resolution"]);
/// assert_eq!(Metric::Resolution.to_string(), "resolution");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Metric {
    /// Time to the first public reply: the support policy's
    /// "Reaktionszeit".
    FirstResponse,
    /// Time from a customer's message to support's next reply.
    NextResponse,
    /// Time between support's status updates while work goes on.
    PeriodicUpdate,
    /// Time to the solution, over the ticket's whole life.
    Resolution,
}

impl Metric {
    /// All four, in the order reports list them.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Metric;
    /// assert_eq!(Metric::ALL[0], Metric::FirstResponse);
    /// ```
    pub const ALL: [Metric; 4] = [
        Metric::FirstResponse,
        Metric::NextResponse,
        Metric::PeriodicUpdate,
        Metric::Resolution,
    ];

    /// The metric's name: `first_response`, `next_response`,
    /// `periodic_update` or `resolution`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Metric;
    /// assert_eq!(Metric::PeriodicUpdate.name(), "periodic_update");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Metric::FirstResponse => "first_response",
            Metric::NextResponse => "next_response",
            Metric::PeriodicUpdate => "periodic_update",
            Metric::Resolution => "resolution",
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The targets of every metric: for each a [`Policy`] (a target per
/// priority), or `None` when the metric is not measured.
///
/// The default measures the first response only, with the support
/// policy's table ([`Policy::default`]). A [`Policy`] converts into the
/// same: first response only, with its targets.
///
/// With the `serde` feature a lifecycle policy is read in either of two
/// forms: per metric,
/// `{"first_response": {"urgent": {"business_hours": 4}, ...}, "resolution": {...}}`
/// (a metric left out is not measured; every metric given needs all four
/// priorities), or the flat form of a [`Policy`],
/// `{"urgent": {"business_hours": 4}, "high": ..., "normal": ..., "low": ...}`,
/// which keeps meaning first response only. It is written per metric,
/// leaving out the metrics not measured. `data/lifecycle-policy.json`
/// measures all four.
///
/// # Example
///
/// ```
/// use sla_clock::{LifecyclePolicy, Metric, Policy, Priority, ResponseTarget};
///
/// let policy = LifecyclePolicy {
///     resolution: Some(Policy {
///         urgent: ResponseTarget::BusinessDays(2),
///         high: ResponseTarget::BusinessDays(5),
///         normal: ResponseTarget::BusinessDays(10),
///         low: ResponseTarget::BusinessDays(20),
///     }),
///     ..LifecyclePolicy::default()
/// };
/// assert_eq!(policy.targets(Metric::FirstResponse), Some(Policy::default()));
/// assert_eq!(policy.targets(Metric::Resolution).map(|p| p.target(Priority::High)), Some(ResponseTarget::BusinessDays(5)));
/// assert_eq!(policy.targets(Metric::NextResponse), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct LifecyclePolicy {
    /// Targets for [`Metric::FirstResponse`].
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub first_response: Option<Policy>,
    /// Targets for [`Metric::NextResponse`].
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub next_response: Option<Policy>,
    /// Targets for [`Metric::PeriodicUpdate`].
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub periodic_update: Option<Policy>,
    /// Targets for [`Metric::Resolution`].
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub resolution: Option<Policy>,
}

impl Default for LifecyclePolicy {
    /// The first response with the support policy's table; nothing else
    /// measured.
    ///
    /// ```
    /// use sla_clock::{LifecyclePolicy, Policy};
    /// let policy = LifecyclePolicy::default();
    /// assert_eq!(policy.first_response, Some(Policy::default()));
    /// assert_eq!(policy.resolution, None);
    /// ```
    fn default() -> Self {
        LifecyclePolicy::from(Policy::default())
    }
}

impl From<Policy> for LifecyclePolicy {
    /// The first response with `policy`'s targets; nothing else measured.
    ///
    /// ```
    /// use sla_clock::{LifecyclePolicy, Metric, Policy};
    /// let policy = LifecyclePolicy::from(Policy::default());
    /// assert_eq!(policy, LifecyclePolicy::default());
    /// assert_eq!(policy.targets(Metric::PeriodicUpdate), None);
    /// ```
    fn from(policy: Policy) -> Self {
        LifecyclePolicy {
            first_response: Some(policy),
            next_response: None,
            periodic_update: None,
            resolution: None,
        }
    }
}

impl LifecyclePolicy {
    /// The targets of `metric`, or `None` when it is not measured.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{LifecyclePolicy, Metric, Policy};
    /// assert_eq!(LifecyclePolicy::default().targets(Metric::FirstResponse), Some(Policy::default()));
    /// ```
    pub fn targets(&self, metric: Metric) -> Option<Policy> {
        match metric {
            Metric::FirstResponse => self.first_response,
            Metric::NextResponse => self.next_response,
            Metric::PeriodicUpdate => self.periodic_update,
            Metric::Resolution => self.resolution,
        }
    }
}

#[cfg(feature = "serde")]
impl LifecyclePolicy {
    /// Reads a lifecycle policy from JSON text (the form of
    /// `data/lifecycle-policy.json`, or the flat form of
    /// `data/default-policy.json` for the first response only).
    ///
    /// # Errors
    ///
    /// As [`Policy::from_json`](crate::Policy::from_json).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{LifecyclePolicy, ResponseTarget};
    /// let policy = LifecyclePolicy::from_json(r#"{"resolution": {"urgent": {"business_days": 2},
    ///     "high": {"business_days": 5}, "normal": {"business_days": 10}, "low": {"business_days": 20}}}"#)?;
    /// assert_eq!(policy.resolution.unwrap().urgent, ResponseTarget::BusinessDays(2));
    /// assert!(policy.first_response.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> crate::Result<LifecyclePolicy> {
        crate::wire::from_json(text, "lifecycle policy")
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer};

    use super::LifecyclePolicy;
    use crate::policy::{Policy, ResponseTarget};

    /// Both forms' fields side by side: which form a file is in shows in
    /// which fields it has.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Written {
        first_response: Option<Policy>,
        next_response: Option<Policy>,
        periodic_update: Option<Policy>,
        resolution: Option<Policy>,
        urgent: Option<ResponseTarget>,
        high: Option<ResponseTarget>,
        normal: Option<ResponseTarget>,
        low: Option<ResponseTarget>,
    }

    impl<'de> Deserialize<'de> for LifecyclePolicy {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let w = Written::deserialize(d)?;
            let per_metric = LifecyclePolicy {
                first_response: w.first_response,
                next_response: w.next_response,
                periodic_update: w.periodic_update,
                resolution: w.resolution,
            };
            let metrics = [
                ("first_response", w.first_response.is_some()),
                ("next_response", w.next_response.is_some()),
                ("periodic_update", w.periodic_update.is_some()),
                ("resolution", w.resolution.is_some()),
            ];
            let flat = [
                ("urgent", w.urgent),
                ("high", w.high),
                ("normal", w.normal),
                ("low", w.low),
            ];
            let metric_given = metrics.iter().find(|(_, given)| *given).map(|(n, _)| *n);
            let priority_given = flat.iter().find(|(_, t)| t.is_some()).map(|(n, _)| *n);
            match (metric_given, priority_given) {
                (Some(metric), Some(priority)) => Err(D::Error::custom(format!(
                    "a lifecycle policy is either per metric (first_response, next_response, \
                     periodic_update, resolution) or the flat form (urgent, high, normal, low) \
                     for the first response only, not both: found '{metric}' and '{priority}'"
                ))),
                (Some(_), None) => Ok(per_metric),
                (None, Some(_)) => {
                    let target = |(name, t): (&'static str, Option<ResponseTarget>)| {
                        t.ok_or_else(|| D::Error::missing_field(name))
                    };
                    Ok(LifecyclePolicy::from(Policy {
                        urgent: target(flat[0])?,
                        high: target(flat[1])?,
                        normal: target(flat[2])?,
                        low: target(flat[3])?,
                    }))
                }
                (None, None) => Err(D::Error::custom(
                    "a lifecycle policy measures at least one metric: first_response, \
                     next_response, periodic_update or resolution",
                )),
            }
        }
    }
}
