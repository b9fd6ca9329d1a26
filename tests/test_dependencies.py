"""Every library the shipped code imports is a pinned dependency of its own in pyproject.toml.

A module that arrives only as another package's dependency (numpy through pandas) works until
that package drops or moves it; a clean install then fails at import, far from the cause.
"""

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("presseschau", "flows", "schemas", "warehouse", "benchmarks")


def _imported_modules() -> set[str]:
    modules: set[str] = set()
    for package in SHIPPED:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    modules.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names) - set(SHIPPED)


def _declared() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = (Requirement(line) for line in project["dependencies"])
    return {canonicalize_name(requirement.name): str(requirement.specifier) for requirement in requirements}


def test_every_imported_library_is_a_pinned_dependency() -> None:
    declared = _declared()
    distributions = packages_distributions()
    providers = {module: distributions.get(module, [module]) for module in _imported_modules()}
    undeclared = {
        module: names
        for module, names in providers.items()
        if not {canonicalize_name(name) for name in names} & declared.keys()
    }
    assert not undeclared, f"imported but not declared in pyproject.toml's dependencies: {undeclared}"
    assert all(specifier.startswith("==") for specifier in declared.values()), declared


def test_the_check_sees_the_libraries_the_code_imports() -> None:
    # Guards the scan itself: a walk that found nothing would pass the test above vacuously.
    assert {"duckdb", "prefect", "pandera", "httpx", "trafilatura", "numpy"} <= _imported_modules()
