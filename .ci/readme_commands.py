#!/usr/bin/env python3
"""Runs every shell block of README.md as written, so that the README works
when copied.

Each ```sh block runs as one bash script (`set -eo pipefail`) from the
repository root, in a virtual environment of its own so that `pip` and
`maturin develop` work as a reader's would. Outputs the README states are
checked:

- a comment that starts with a digit after a command (`cmd   # 2026-...`)
  is that command's whole output;
- comment lines that end a block are the output of the block's last
  command.

The commands .ci/run already runs as written in steps of their own (the
test command, bindings/python/ci.sh) are named in ALREADY_RUN and not run
twice.

Usage: python3 .ci/readme_commands.py [README.md]
"""

import os
import re
import subprocess
import sys
import tempfile
import time

ALREADY_RUN = {
    "cargo test --all-features -p sla-clock -p sla-clock-schema-check",
    "bash bindings/python/ci.sh",
}


def blocks(text):
    """(first line number, lines) of each ```sh block."""
    found, current, start = [], None, 0
    for number, line in enumerate(text.splitlines(), 1):
        if current is None:
            if line.strip() in ("```sh", "```bash"):
                current, start = [], number + 1
        elif line.strip() == "```":
            found.append((start, current))
            current = None
        else:
            current.append(line)
    return found


def strip_comment(line):
    """The command of a line and its trailing comment (outside quotes)."""
    quote = None
    for i, c in enumerate(line):
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip(), line[i + 1 :].strip()
    return line.rstrip(), ""


def run(script, env):
    with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as f:
        f.write("set -eo pipefail\n" + script + "\n")
        path = f.name
    try:
        return subprocess.run(
            ["bash", path], env=env, capture_output=True, text=True, timeout=1800
        )
    finally:
        os.unlink(path)


def main():
    readme = sys.argv[1] if len(sys.argv) > 1 else "README.md"
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    venv = tempfile.mkdtemp(prefix="readme-venv-")
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    env = dict(os.environ, VIRTUAL_ENV=venv)
    env["PATH"] = os.path.join(venv, "bin") + os.pathsep + env["PATH"]
    failures = 0
    for start, lines in blocks(text):
        # Trailing comment-only lines: the output of the last command.
        expected_tail = []
        while lines and lines[-1].startswith("# "):
            expected_tail.insert(0, lines.pop()[2:])
        # One script per command, a command being a line and the lines it
        # continues (a trailing backslash, or an open quote or pipe).
        commands, pending = [], ""
        for line in lines:
            pending = pending + "\n" + line if pending else line
            if pending.endswith("\\") or pending.count("'") % 2 or line.lstrip().startswith("|"):
                continue
            commands.append(pending)
            pending = ""
        if pending:
            commands.append(pending)
        script, checks = [], []
        for i, command in enumerate(commands):
            code, comment = strip_comment(command)
            if code.strip() in ALREADY_RUN:
                print(f"README.md:{start}: `{code.strip()}` is a step of .ci/run")
                continue
            last = i == len(commands) - 1
            expected = None
            if comment[:1].isdigit():
                expected = comment
            elif last and expected_tail:
                expected = "\n".join(expected_tail)
            script.append((code, expected))
        if not script:
            continue
        started = time.monotonic()
        # Run the block as one script (a `cd` or `.` carries on), with each
        # checked command's output written to a file of its own.
        outdir = tempfile.mkdtemp(prefix="readme-out-")
        body = []
        for n, (code, expected) in enumerate(script):
            if expected is None:
                body.append(code)
            else:
                body.append(f"{{ {code}\n}} > {outdir}/{n}.out")
        result = run("\n".join(body), env)
        took = time.monotonic() - started
        if result.returncode != 0:
            failures += 1
            print(f"README.md:{start}: FAILED (exit {result.returncode}, {took:.0f} s)")
            print(result.stdout[-3000:], result.stderr[-3000:], sep="\n")
            continue
        wrong = False
        for n, (code, expected) in enumerate(script):
            if expected is None:
                continue
            with open(f"{outdir}/{n}.out", encoding="utf-8") as f:
                got = f.read().rstrip("\n")
            if got != expected:
                wrong = True
                print(f"README.md:{start}: `{code.strip()}` printed\n{got}\nbut the README says\n{expected}")
        if wrong:
            failures += 1
        else:
            print(f"README.md:{start}: ok ({len(script)} commands, {took:.0f} s)")
    if failures:
        print(f"{failures} README block(s) failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
