"""settings.toml: every default is used somewhere, and a user's file overrides what it names."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from biennien import settings

PACKAGE = Path(settings.__file__).resolve().parent


def test_every_setting_is_read_by_some_module():
    code = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    for section, values in settings.defaults().items():
        for key in values:
            assert re.search(rf'settings\.get\("{section}", "{key}"\)', code), f"{section}.{key} is read nowhere"


def _run(tmp_path: Path, toml: str, code: str) -> subprocess.CompletedProcess:
    (tmp_path / "mine.toml").write_text(toml, encoding="utf-8")
    env = {**os.environ, settings.ENV: str(tmp_path / "mine.toml")}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)


def test_a_users_file_overrides_the_keys_it_names(tmp_path):
    done = _run(tmp_path, "[ingest]\nbatch = 64\n[http]\noverview_ttl = 2\n",
                "from biennien import run, checks; from biennien.http import pages;"
                "print(run.BATCH, run.FIRST, checks.MAX_LIMIT, pages.OVERVIEW_TTL)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["64", "16", "500", "2.0"]


@pytest.mark.parametrize("toml, why", [("[ingest]\nbach = 1\n", "unknown setting ingest.bach"),
                                       ("[nowhere]\nx = 1\n", "unknown section [nowhere]"),
                                       ("[ingest]\nbatch = \"many\"\n", "ingest.batch must be a int")])
def test_a_bad_users_file_is_an_error_naming_the_key(tmp_path, toml, why):
    done = _run(tmp_path, toml, "import biennien.run")
    assert done.returncode != 0 and why in done.stderr
