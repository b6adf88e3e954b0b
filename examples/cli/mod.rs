//! What the example programs share: reading the command line.

use std::process::ExitCode;

/// The command-line arguments, or the exit status to stop with: success
/// after printing `usage` for `--help` or `-h`, 2 after an error for an
/// argument that is not UTF-8.
pub fn args(usage: &str) -> Result<Vec<String>, ExitCode> {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect::<Result<_, _>>()
        .map_err(|bad| {
            eprintln!("error: argument {bad:?} is not valid UTF-8");
            ExitCode::from(2)
        })?;
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{usage}");
        return Err(ExitCode::SUCCESS);
    }
    Ok(args)
}

/// `1 field`, `3 fields`.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
