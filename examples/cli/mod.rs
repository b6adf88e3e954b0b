//! What the example programs share: reading the command line and the
//! user's configuration files, and writing output that never panics.
// Each example uses only some of these.
#![allow(dead_code)]

use std::fmt;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use sla_clock::{Calendar, LifecyclePolicy, Policy, RiskThreshold};

/// The command-line arguments, or the exit status to stop with: success
/// after printing `usage` for `--help` or `-h`, 2 after an error for an
/// argument that is not UTF-8.
pub fn args(usage: &str) -> Result<Vec<String>, ExitCode> {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect::<Result<_, _>>()
        .map_err(|bad| fail(2, &format!("argument {bad:?} is not valid UTF-8")))?;
    if args.iter().any(|a| a == "--help" || a == "-h") {
        return Err(match print(format_args!("{usage}\n")) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        });
    }
    Ok(args)
}

/// Takes `--calendar FILE` out of `args` and loads that calendar (the form
/// of `data/munich-calendar.json`), or the default Munich calendar without
/// it. On failure, the exit status 2 to stop with, after saying why.
pub fn calendar(args: &mut Vec<String>, usage: &str) -> Result<Calendar, ExitCode> {
    match take_option(args, "--calendar", usage)? {
        None => Ok(Calendar::munich()),
        #[cfg(feature = "serde")]
        Some(path) => load(&path, "calendar", Calendar::from_json),
        #[cfg(not(feature = "serde"))]
        Some(path) => no_json(&path, "calendar"),
    }
}

/// Takes `--policy FILE` out of `args` and loads that policy (the form of
/// `data/default-policy.json`), or the default policy without it. On
/// failure, as [`calendar`].
pub fn policy(args: &mut Vec<String>, usage: &str) -> Result<Policy, ExitCode> {
    match take_option(args, "--policy", usage)? {
        None => Ok(Policy::default()),
        #[cfg(feature = "serde")]
        Some(path) => load(&path, "policy", Policy::from_json),
        #[cfg(not(feature = "serde"))]
        Some(path) => no_json(&path, "policy"),
    }
}

/// Takes `--policy FILE` out of `args` and loads that lifecycle policy
/// (the form of `data/lifecycle-policy.json`, or the flat form of
/// `data/default-policy.json` for the first response only), or the default
/// (the first response with the support policy's table) without it. On
/// failure, as [`calendar`].
pub fn lifecycle_policy(args: &mut Vec<String>, usage: &str) -> Result<LifecyclePolicy, ExitCode> {
    match take_option(args, "--policy", usage)? {
        None => Ok(LifecyclePolicy::default()),
        #[cfg(feature = "serde")]
        Some(path) => load(&path, "policy", LifecyclePolicy::from_json),
        #[cfg(not(feature = "serde"))]
        Some(path) => no_json(&path, "policy"),
    }
}

/// Reads the next line into `line` without its line end (LF, CR LF, or a
/// bare CR before the end of input), keeping at most `max` bytes of it, so
/// that memory stays the same whatever the input: `Ok(None)` at the end of
/// input, otherwise whether the whole line fitted.
pub fn next_line(
    input: &mut impl BufRead,
    line: &mut Vec<u8>,
    max: usize,
) -> io::Result<Option<bool>> {
    // One byte more than a line may hold, for a CR that turns out to end
    // it, and one more to tell that the line was longer.
    let kept = max + 2;
    line.clear();
    let mut seen = false;
    let mut cut = false;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        seen = true;
        let (part, used, ended) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], i + 1, true),
            None => (buf, buf.len(), false),
        };
        let room = kept - line.len();
        cut |= part.len() > room;
        line.extend_from_slice(&part[..part.len().min(room)]);
        input.consume(used);
        if ended {
            break;
        }
    }
    if !seen {
        return Ok(None);
    }
    // A file written on Windows ends its lines in CR LF, the last one
    // sometimes in a bare CR.
    if !cut && line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(!cut && line.len() <= max))
}

/// Removes `name VALUE` from `args` and returns the value, if the option
/// is there. Given twice, or without a value, is a usage error.
fn take_option(
    args: &mut Vec<String>,
    name: &str,
    usage: &str,
) -> Result<Option<String>, ExitCode> {
    let usage_error = |message: String| fail(2, &format!("{message}\n\n{usage}"));
    let Some(at) = args.iter().position(|a| a == name) else {
        return Ok(None);
    };
    if at + 1 >= args.len() || args[at + 1].starts_with("--") {
        return Err(usage_error(format!("option '{name}' needs a value")));
    }
    let value = args.remove(at + 1);
    args.remove(at);
    if args.iter().any(|a| a == name) {
        return Err(usage_error(format!(
            "option '{name}' is given more than once"
        )));
    }
    Ok(Some(value))
}

/// Reads a configuration file with the library's limit on its size
/// (`sla_clock::limits::MAX_CONFIG_BYTES`), never more than one byte past
/// it, and its loader, which skips a byte-order mark and reports the
/// mistake's kind, line and column.
#[cfg(feature = "serde")]
fn load<T>(path: &str, what: &str, parse: fn(&str) -> sla_clock::Result<T>) -> Result<T, ExitCode> {
    use sla_clock::limits::{MAX_CONFIG_BYTES, config_bytes};
    use std::io::Read;
    let cannot = |e: io::Error| fail(2, &format!("cannot read {what} file '{path}': {e}"));
    let mut text = Vec::new();
    std::fs::File::open(path)
        .map_err(cannot)?
        .take(MAX_CONFIG_BYTES as u64 + 1)
        .read_to_end(&mut text)
        .map_err(cannot)?;
    let json = config_bytes(&text).map_err(|_| {
        fail(
            2,
            &format!(
                "{what} file '{path}' is larger than the limit of {MAX_CONFIG_BYTES} bytes \
                 (sla_clock::limits::MAX_CONFIG_BYTES)"
            ),
        )
    })?;
    let text = std::str::from_utf8(json).map_err(|_| {
        fail(
            2,
            &format!("invalid {what} file '{path}': it is not UTF-8 text"),
        )
    })?;
    parse(text).map_err(|e| fail(2, &format!("invalid {what} file '{path}': {e}")))
}

/// Without the `serde` feature there is no reading of configuration.
#[cfg(not(feature = "serde"))]
fn no_json<T>(path: &str, what: &str) -> Result<T, ExitCode> {
    Err(fail(
        2,
        &format!(
            "cannot read {what} file '{path}': this build has no JSON support; \
             run the example with `cargo run --features serde --example ...`"
        ),
    ))
}

/// Takes `--json` out of `args`: whether the output is to be JSON, one
/// object a line, in the forms of `docs/SERVICE.md`. Without the `serde`
/// feature, the exit status 2 after saying how to get it.
pub fn json(args: &mut Vec<String>) -> Result<bool, ExitCode> {
    let before = args.len();
    args.retain(|a| a != "--json");
    let wanted = args.len() < before;
    if wanted && cfg!(not(feature = "serde")) {
        return Err(fail(
            2,
            "--json needs JSON support; run the example with \
             `cargo run --features serde --example ...`",
        ));
    }
    Ok(wanted)
}

/// An at-risk threshold as people write it on a command line: `80` or
/// `80%`, a whole percentage from 0 to 100.
pub fn risk_threshold(text: &str) -> Result<RiskThreshold, String> {
    let digits = text.strip_suffix('%').unwrap_or(text);
    match digits.parse::<u8>() {
        Ok(p) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            RiskThreshold::percent(p).map_err(|e| e.to_string())
        }
        _ => Err(format!(
            "invalid at-risk threshold '{text}'; expected a percentage from 0 to 100, \
             like 80 or 80%"
        )),
    }
}

/// Writes `text` to standard output as it is formatted, without holding
/// the whole of it. On failure, the exit status to stop with (see
/// [`write_failed`]).
pub fn print(text: impl fmt::Display) -> Result<(), ExitCode> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    write!(out, "{text}")
        .and_then(|()| out.flush())
        .map_err(write_failed)
}

/// How a program ends when standard output fails: quietly and with
/// success when the reader has gone (a closed pipe, as `head` expects),
/// otherwise (a full disk, say) with one error line and status 1.
pub fn write_failed(e: io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        ExitCode::SUCCESS
    } else {
        fail(1, &format!("cannot write output: {e}"))
    }
}

/// Prints `error: <message>` on standard error and returns `code`. Each
/// line of the message is made [`visible`]; if standard error itself fails
/// there is nowhere left to say so, and the status still tells.
pub fn fail(code: u8, message: &str) -> ExitCode {
    let lines: Vec<String> = message.split('\n').map(visible).collect();
    let _ = writeln!(io::stderr().lock(), "error: {}", lines.join("\n"));
    ExitCode::from(code)
}

/// `text` with every character escaped that would break a line of output
/// or not show: control characters (`\n`, `\r`, `\u{1b}`, NEL `\u{85}`),
/// line and paragraph separators (`\u{2028}`, `\u{2029}`, which
/// Unicode-aware line splitters treat as line ends), format characters
/// such as bidi overrides, and unassigned ones, by Rust's own notion of
/// printable (`char::escape_debug`). Quotes and backslashes stay as they
/// are.
pub fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\'' | '"' | '\\' => c.to_string(),
            c => c.escape_debug().to_string(),
        })
        .collect()
}

/// `1 field`, `3 fields`.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
