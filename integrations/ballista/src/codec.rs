//! The codecs that carry each query's calendar, policy and at-risk
//! threshold inside its plans, from the client to the scheduler and from
//! the scheduler to the executors.
//!
//! DataFusion writes a scalar function into a serialised plan by name, and
//! asks the codec for an optional definition to go with it. For the SLA
//! functions that definition is their setup as JSON (the calendar in the
//! form of `data/munich-calendar.json`, the policy in the form of
//! `data/default-policy.json`, the threshold as `75%`), behind a short
//! marker; the receiving side rebuilds the same functions from it. A
//! scheduler or executor therefore needs no calendar of its own, and one
//! cluster serves clients with different calendars and policies. Every
//! other function and plan node goes to Ballista's own codecs unchanged.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use ballista_core::serde::{BallistaLogicalExtensionCodec, BallistaPhysicalExtensionCodec};
use datafusion::arrow::datatypes::SchemaRef;
use datafusion::catalog::TableProvider;
use datafusion::common::{Result, TableReference, exec_datafusion_err};
use datafusion::datasource::file_format::FileFormatFactory;
use datafusion::execution::TaskContext;
use datafusion::logical_expr::{AggregateUDF, Extension, LogicalPlan, ScalarUDF, WindowUDF};
use datafusion::physical_expr_common::physical_expr::proto_decode::PhysicalExprDecodeCtx;
use datafusion::physical_expr_common::physical_expr::proto_encode::PhysicalExprEncodeCtx;
use datafusion::physical_plan::{ExecutionPlan, PhysicalExpr};
use datafusion_proto::logical_plan::LogicalExtensionCodec;
use datafusion_proto::physical_plan::{PhysicalExtensionCodec, PhysicalProtoConverterExtension};
use serde_json::{Value, json};
use sla_clock::{Calendar, Policy, RiskThreshold};
use sla_clock_datafusion::SlaFunctions;

/// What starts a definition written by this codec; the JSON follows.
const MARKER: &[u8] = b"sla-clock/1\n";

/// The setup of `udf` as a function definition, or `None` for a function
/// that is not one of the SLA functions.
fn encode(udf: &ScalarUDF) -> Result<Option<Vec<u8>>> {
    let Some(functions) = SlaFunctions::of(udf) else {
        return Ok(None);
    };
    let setup = json!({
        "calendar": functions.calendar(),
        "policy": functions.policy(),
        "at_risk": functions.risk_threshold().map(|t| t.to_string()),
    });
    let mut buf = MARKER.to_vec();
    serde_json::to_writer(&mut buf, &setup)
        .map_err(|e| exec_datafusion_err!("cannot write the SLA setup of {}: {e}", udf.name()))?;
    Ok(Some(buf))
}

/// The functions of a definition written by [`encode`]: parsing a
/// calendar takes far longer than a lookup, and every task of a query
/// carries the same few definitions, so each distinct one is read once
/// per process.
#[derive(Default)]
struct Decoded(Mutex<HashMap<Vec<u8>, SlaFunctions>>);

impl Decoded {
    fn function(&self, name: &str, buf: &[u8]) -> Result<Option<Arc<ScalarUDF>>> {
        let Some(text) = buf.strip_prefix(MARKER) else {
            return Ok(None);
        };
        let mut cache = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let functions = match cache.get(text) {
            Some(f) => f.clone(),
            None => {
                let f = read_setup(text)
                    .map_err(|e| exec_datafusion_err!("the SLA setup sent with {name}: {e}"))?;
                // A handful of setups in a process's life; keep it bounded
                // all the same.
                if cache.len() >= 64 {
                    cache.clear();
                }
                cache.insert(text.to_vec(), f.clone());
                f
            }
        };
        functions
            .udf(name)
            .map(Some)
            .ok_or_else(|| exec_datafusion_err!("no SLA function is called {name}"))
    }
}

fn read_setup(text: &[u8]) -> Result<SlaFunctions, String> {
    let mut setup: Value = serde_json::from_slice(text).map_err(|e| e.to_string())?;
    let calendar: Calendar =
        serde_json::from_value(setup["calendar"].take()).map_err(|e| format!("calendar: {e}"))?;
    let policy: Policy =
        serde_json::from_value(setup["policy"].take()).map_err(|e| format!("policy: {e}"))?;
    let functions = SlaFunctions::new(calendar, policy);
    Ok(match setup["at_risk"].as_str() {
        None => functions,
        Some(t) => functions.with_risk_threshold(
            t.parse::<RiskThreshold>()
                .map_err(|e| format!("at_risk: {e}"))?,
        ),
    })
}

impl fmt::Debug for Decoded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Decoded")
    }
}

/// The function methods of both codecs, the same text in each: an SLA
/// function's definition is its setup ([`encode`], [`Decoded::function`]);
/// every other function, and every aggregate and window function, goes to
/// Ballista's codec (`self.inner`) unchanged.
macro_rules! function_methods {
    () => {
        fn try_decode_udf(&self, name: &str, buf: &[u8]) -> Result<Arc<ScalarUDF>> {
            match self.decoded.function(name, buf)? {
                Some(udf) => Ok(udf),
                None => self.inner.try_decode_udf(name, buf),
            }
        }

        fn try_encode_udf(&self, node: &ScalarUDF, buf: &mut Vec<u8>) -> Result<()> {
            match encode(node)? {
                Some(definition) => {
                    buf.extend_from_slice(&definition);
                    Ok(())
                }
                None => self.inner.try_encode_udf(node, buf),
            }
        }

        fn try_decode_udaf(&self, name: &str, buf: &[u8]) -> Result<Arc<AggregateUDF>> {
            self.inner.try_decode_udaf(name, buf)
        }

        fn try_encode_udaf(&self, node: &AggregateUDF, buf: &mut Vec<u8>) -> Result<()> {
            self.inner.try_encode_udaf(node, buf)
        }

        fn try_decode_udwf(&self, name: &str, buf: &[u8]) -> Result<Arc<WindowUDF>> {
            self.inner.try_decode_udwf(name, buf)
        }

        fn try_encode_udwf(&self, node: &WindowUDF, buf: &mut Vec<u8>) -> Result<()> {
            self.inner.try_encode_udwf(node, buf)
        }
    };
}

/// Ballista's logical codec, with the SLA functions' setup carried along.
/// The client gives it to its session (see [`crate::client_config`]) and
/// the scheduler uses it to read the client's plans.
#[derive(Debug)]
pub struct SlaLogicalCodec {
    inner: Arc<dyn LogicalExtensionCodec>,
    decoded: Decoded,
}

impl Default for SlaLogicalCodec {
    fn default() -> Self {
        SlaLogicalCodec {
            inner: Arc::new(BallistaLogicalExtensionCodec::default()),
            decoded: Decoded::default(),
        }
    }
}

impl LogicalExtensionCodec for SlaLogicalCodec {
    fn try_decode(
        &self,
        buf: &[u8],
        inputs: &[LogicalPlan],
        ctx: &TaskContext,
    ) -> Result<Extension> {
        self.inner.try_decode(buf, inputs, ctx)
    }

    fn try_encode(&self, node: &Extension, buf: &mut Vec<u8>) -> Result<()> {
        self.inner.try_encode(node, buf)
    }

    fn try_decode_table_provider(
        &self,
        buf: &[u8],
        table_ref: &TableReference,
        schema: SchemaRef,
        ctx: &TaskContext,
    ) -> Result<Arc<dyn TableProvider>> {
        self.inner
            .try_decode_table_provider(buf, table_ref, schema, ctx)
    }

    fn try_encode_table_provider(
        &self,
        table_ref: &TableReference,
        node: Arc<dyn TableProvider>,
        buf: &mut Vec<u8>,
    ) -> Result<()> {
        self.inner.try_encode_table_provider(table_ref, node, buf)
    }

    fn try_decode_file_format(
        &self,
        buf: &[u8],
        ctx: &TaskContext,
    ) -> Result<Arc<dyn FileFormatFactory>> {
        self.inner.try_decode_file_format(buf, ctx)
    }

    fn try_encode_file_format(
        &self,
        buf: &mut Vec<u8>,
        node: Arc<dyn FileFormatFactory>,
    ) -> Result<()> {
        self.inner.try_encode_file_format(buf, node)
    }

    function_methods!();
}

/// Ballista's physical codec, with the SLA functions' setup carried along:
/// the scheduler writes the stages' plans with it, the executors read them.
#[derive(Debug)]
pub struct SlaPhysicalCodec {
    inner: Arc<dyn PhysicalExtensionCodec>,
    decoded: Decoded,
}

impl Default for SlaPhysicalCodec {
    fn default() -> Self {
        SlaPhysicalCodec {
            inner: Arc::new(BallistaPhysicalExtensionCodec::default()),
            decoded: Decoded::default(),
        }
    }
}

impl PhysicalExtensionCodec for SlaPhysicalCodec {
    fn try_decode(
        &self,
        buf: &[u8],
        inputs: &[Arc<dyn ExecutionPlan>],
        ctx: &TaskContext,
        proto_converter: &dyn PhysicalProtoConverterExtension,
    ) -> Result<Arc<dyn ExecutionPlan>> {
        self.inner.try_decode(buf, inputs, ctx, proto_converter)
    }

    fn try_encode(
        &self,
        node: Arc<dyn ExecutionPlan>,
        buf: &mut Vec<u8>,
        proto_converter: &dyn PhysicalProtoConverterExtension,
    ) -> Result<()> {
        self.inner.try_encode(node, buf, proto_converter)
    }

    function_methods!();

    fn try_decode_expr(
        &self,
        buf: &[u8],
        inputs: &[Arc<dyn PhysicalExpr>],
        ctx: &PhysicalExprDecodeCtx<'_>,
    ) -> Result<Arc<dyn PhysicalExpr>> {
        self.inner.try_decode_expr(buf, inputs, ctx)
    }

    fn try_encode_expr(
        &self,
        node: &Arc<dyn PhysicalExpr>,
        buf: &mut Vec<u8>,
        ctx: &PhysicalExprEncodeCtx<'_>,
    ) -> Result<()> {
        self.inner.try_encode_expr(node, buf, ctx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_definition_rebuilds_the_same_functions() {
        let vienna = Calendar::builder(sla_clock::Tz::Europe__Vienna)
            .weekdays("08:00-17:00")
            .holidays_of("AT")
            .build()
            .unwrap();
        let sent = SlaFunctions::new(vienna, Policy::default())
            .with_risk_threshold(RiskThreshold::percent(60).unwrap());
        let codec = SlaPhysicalCodec::default();
        let udf = sent.udf("sla_status").unwrap();
        let mut buf = Vec::new();
        codec.try_encode_udf(&udf, &mut buf).unwrap();
        assert!(buf.starts_with(MARKER));
        let got = codec.try_decode_udf("sla_status", &buf).unwrap();
        let got = SlaFunctions::of(&got).unwrap();
        assert_eq!(got.calendar(), sent.calendar());
        assert_eq!(got.policy(), sent.policy());
        assert_eq!(got.risk_threshold(), sent.risk_threshold());
        // Any function of the set comes back under its own name.
        let other = LogicalExtensionCodec::try_decode_udf(
            &SlaLogicalCodec::default(),
            "business_time",
            &buf,
        )
        .unwrap();
        assert_eq!(other.name(), "business_time");
    }

    #[test]
    fn other_functions_are_left_to_ballista() {
        let abs = datafusion::functions::math::abs();
        let mut buf = Vec::new();
        SlaLogicalCodec::default()
            .try_encode_udf(&abs, &mut buf)
            .unwrap();
        assert!(buf.is_empty());
    }

    #[test]
    fn a_broken_definition_fails_with_the_function_named() {
        let mut buf = MARKER.to_vec();
        buf.extend_from_slice(b"{\"calendar\": 1}");
        let err = SlaPhysicalCodec::default()
            .try_decode_udf("sla_due", &buf)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("sent with sla_due") && err.contains("calendar"),
            "{err}"
        );
    }
}
