"""Shared fixtures: the Rust reference, the `due` example's batch mode."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _target_dir() -> Path:
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return Path(json.loads(out)["target_directory"])


class DueBatch:
    """`cargo run --release --features serde --example due -- --batch`, run as
    its built binary."""

    def __init__(self, binary: Path):
        self.binary = binary

    def __call__(self, lines: list[str], *extra: str) -> list[str]:
        """One output line per input line: the due instant or 'error: <reason>'."""
        text = "".join(line + "\n" for line in lines)
        done = subprocess.run(
            [str(self.binary), *extra, "--batch"],
            input=text,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        # Exit status 1 when any line failed; 2 is a usage error.
        assert done.returncode in (0, 1), done.stderr
        out = done.stdout.splitlines()
        assert len(out) == len(lines), (lines, out, done.stderr)
        return out


@pytest.fixture(scope="session")
def due_batch() -> DueBatch:
    """The `due` example of the core crate, built in release mode once."""
    if shutil.which("cargo") is None:
        pytest.fail("cargo is needed for the comparison with the Rust `due --batch` example")
    subprocess.run(
        # serde: `--calendar FILE` reads JSON.
        ["cargo", "build", "--quiet", "--release", "--features", "serde", "--example", "due"],
        cwd=ROOT,
        check=True,
    )
    exe = "due.exe" if os.name == "nt" else "due"
    return DueBatch(_target_dir() / "release" / "examples" / exe)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return ROOT / "data"
