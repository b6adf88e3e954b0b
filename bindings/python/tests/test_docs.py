"""The examples in the docstrings (Rust and Python) and in the README run as
written; the stubs name what the module has."""

from __future__ import annotations

import ast
import doctest
import inspect
import re
from pathlib import Path

import pytest

import sla_clock
from sla_clock import _columns, _native

HERE = Path(__file__).resolve().parents[1]


def docstrings():
    """Every docstring of the package, named."""
    yield "sla_clock", sla_clock.__doc__
    for name in sla_clock.__all__:
        obj = getattr(sla_clock, name)
        if inspect.isclass(obj) and issubclass(obj, BaseException):
            continue
        if inspect.isclass(obj) or callable(obj):
            yield name, obj.__doc__
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if not attr.startswith("_") and getattr(member, "__doc__", None):
                    yield f"{name}.{attr}", member.__doc__


@pytest.mark.parametrize("name, doc", [d for d in docstrings() if d[1] and ">>>" in d[1]])
def test_docstring_examples(name, doc):
    parser = doctest.DocTestParser()
    globs = {**vars(sla_clock), "np": pytest.importorskip("numpy")}
    test = parser.get_doctest(doc, globs, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0, f"{runner.failures} example(s) of {name} failed (see output)"


def test_every_public_name_has_a_docstring():
    for name, doc in docstrings():
        assert doc and doc.strip(), name


def test_readme_example_runs():
    """The README's ```python blocks run (its API sketch is ```py)."""
    text = (HERE / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks
    namespace: dict = {}  # one after the other, as a reader runs them
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)


def test_stubs_cover_the_module():
    package = HERE / "python" / "sla_clock"
    stub = ast.parse((package / "__init__.pyi").read_text())
    native = ast.parse((package / "_native.pyi").read_text())
    names = {
        n.name for n in stub.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))
    } | {
        t.id for n in stub.body if isinstance(n, ast.AnnAssign) for t in [n.target] if isinstance(t, ast.Name)
    } | {
        a.asname or a.name for n in stub.body if isinstance(n, ast.ImportFrom) for a in n.names
    }
    assert set(sla_clock.__all__) <= names
    classes = {n.name: n for n in native.body if isinstance(n, ast.ClassDef)}
    for cls in (_native.Calendar, _native.Policy, _native.SlaClock, _native.Reading, _native.Lifecycle, _native.LifecyclePolicy):
        stubbed = {m.name for m in classes[cls.__name__].body if isinstance(m, ast.FunctionDef)}
        public = {a for a in vars(cls) if not a.startswith("_")}
        assert public <= stubbed, (cls.__name__, public - stubbed)
    assert (HERE / "python" / "sla_clock" / "py.typed").exists()
    assert callable(_columns.due_many)
