"""The libraries stay free of Django, and the CLI starts with only core dependencies."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

LIBRARIES = ["migdex.index", "migdex.mobility", "migdex.linkage", "migdex.media"]


@pytest.mark.parametrize("module", LIBRARIES)
def test_library_does_not_import_django(module):
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} has not landed yet")
    code = (
        f"import sys, {module}\n"
        "leaked = sorted(m for m in sys.modules if m.startswith('django'))\n"
        "assert not leaked, leaked\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_cli_help_runs_without_spark_imported():
    code = (
        "import sys\n"
        "from migdex.cli import app\n"
        "assert 'pyspark' not in sys.modules\n"
        "assert 'django' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_help_exits_zero(run_cli):
    result = run_cli("--help")
    assert result.exit_code == 0
    assert "index" in result.stdout
