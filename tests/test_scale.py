"""The Dask path: per-article stage on a LocalCluster, Parquet, then the store — the same store as
a local run, and one-line errors when Dask cannot run."""
from __future__ import annotations

import builtins

import pytest
from click.testing import CliRunner

from biennien.cli import app
from biennien.run import ingest
from biennien.scale import cluster
from biennien.store import Store

from .conftest import SEEDS
from .test_run import _export, small_corpus, small_rounds

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")


def _sorted_lines(files: dict[str, str]) -> dict[str, list[str]]:
    return {name: sorted(text.splitlines()) for name, text in files.items()}


@pytest.mark.needs_shared
def test_dask_store_equals_local_store(tmp_path, monkeypatch):
    small_rounds(monkeypatch)
    paths = small_corpus(tmp_path)
    with Store(tmp_path / "local.db") as store:
        local = ingest(paths, store)
    parquet = tmp_path / "parquet"
    with Store(tmp_path / "dask.db") as store:
        dask = cluster.ingest(paths, store, "local", workers=2, parquet=parquet, part=40)
    assert (dask.new, dask.unchanged, dask.failed) == (local.new, local.unchanged, local.failed)
    assert dask.errors == local.errors
    assert len(list(parquet.glob("part-*.parquet"))) == 6  # 211 items in partitions of 40
    ours, theirs = _export(tmp_path / "dask.db", tmp_path / "o1"), _export(tmp_path / "local.db", tmp_path / "o2")
    assert _sorted_lines(ours) == _sorted_lines(theirs)
    assert ours == theirs  # even unsorted: loaded in input order, ids are assigned as in a local run


def test_missing_dask_is_one_line(tmp_path, monkeypatch):
    real = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(f"No module named {name!r}", name=name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    result = CliRunner().invoke(app, ["ingest", str(SEEDS), "--db", str(tmp_path / "kb.db"), "--dask", "local"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "error: --dask needs Dask and pyarrow (distributed is not installed): pip install 'biennien[dask]'"]


@pytest.mark.parametrize("args,message", [
    (["--dask", "somewhere"], "--dask takes local or a scheduler address"),
    (["--dask", "tcp://127.0.0.1:9"], "--parquet DIR must name storage"),
])
def test_bad_dask_arguments(tmp_path, args, message):
    result = CliRunner().invoke(app, ["ingest", str(SEEDS), "--db", str(tmp_path / "kb.db"), *args])
    assert result.exit_code == 2 and message in result.output


def test_unreachable_scheduler(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    with Store(tmp_path / "kb.db") as store, pytest.raises(cluster.ScaleError, match="cannot reach"):
        cluster.ingest([str(SEEDS)], store, "tcp://127.0.0.1:9", parquet=tmp_path / "pq")
