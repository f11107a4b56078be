"""Running on Dask when Dask cannot be used: one clean line, no traceback (no cluster is started)."""

from __future__ import annotations

import sys

import pytest

from frontmap.cli import main

pytest.importorskip("distributed")


@pytest.fixture
def corpus(tmp_path):
    paths = []
    for i in range(2):
        p = tmp_path / f"report_{i}.txt"
        p.write_text("Volunteers delivered water to Izium and Kupiansk.", encoding="utf-8")
        paths.append(str(p))
    return paths


def cli(capsys, *argv):
    code = main([*map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_unreachable_scheduler_is_one_clean_line(corpus, capsys):
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code, out, err = cli(capsys, "extract", *corpus, "--scheduler", "tcp://127.0.0.1:9")
    assert code == 1 and out == ""
    assert err.startswith("frontmap: cannot reach the Dask scheduler 'tcp://127.0.0.1:9'")
    assert len(err.strip().splitlines()) == 1


def test_without_dask_installed_the_message_says_what_to_install(corpus, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    code, out, err = cli(capsys, "check", *corpus, "--workers", "2")
    assert code == 1 and out == ""
    assert err.startswith("frontmap: running on Dask needs the distributed package")
    assert "pip install 'frontmap[dask]'" in err and len(err.strip().splitlines()) == 1
