"""Reading many articles on Dask: a 2-worker local cluster gives the same output as one process.

One small cluster (two worker processes, one thread each, no dashboard) serves the module; the CLI's
``--workers 2`` starts its own once.  Everything runs on this machine: no network.
"""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

import pytest

import frontmap as fm
from frontmap.cli import main
from frontmap.corpus import COLUMNS, Doc, chunk_size, chunks, expand_paths
from frontmap.corpus.tasks import read_docs

distributed = pytest.importorskip("distributed")
dask_geopandas = pytest.importorskip("dask_geopandas")

# Made-up reports naming real towns; each file differs so that order matters.
REPORTS = [
    "Ukrainian units entered Balakliia, about 74 km southeast of Kharkiv, on Thursday.",
    "Volunteers delivered water to Izium and Kupiansk over the weekend.",
    "Shelling hit Kherson, some 60 km west of Nova Kakhovka, on Monday.",
    "Officials said about 3,000 square kilometres had been retaken near Izium.",
    "Residents of Irpin, north-west of Kyiv, returned home.",
]


@pytest.fixture(scope="module")
def cluster():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as c,
        distributed.Client(c) as client,
    ):
        yield c, client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    paths = []
    for i in range(12):
        p = folder / f"report_{i:02d}.txt"
        p.write_text(f"{REPORTS[i % len(REPORTS)]} Report number {i}.\n", encoding="utf-8")
        paths.append(str(p))
    return paths


def cli(capsys, *argv):
    code = main([*map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_frontmap_and_read_do_not_import_dask():
    code = (
        "import sys, frontmap as fm; fm.read('Izium lies 120 km southeast of Kharkiv.'); "
        "print(sorted(m for m in ('dask', 'distributed', 'dask_geopandas') if m in sys.modules))"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_chunks_do_not_depend_on_the_workers():
    assert [chunk_size(n) for n in (1, 20, 33, 600, 10**6)] == [1, 1, 2, 19, 64]
    assert [len(c) for c in chunks(list(range(600)))] == [19] * 31 + [11]


def test_articles_survive_pickling_with_their_polygons(corpus):
    (outcome,) = read_docs(
        [Doc(0, "x.txt", "Shelling hit towns across Kharkiv Oblast and Ukraine.")], want="article"
    )
    article = pickle.loads(pickle.dumps(outcome.value))
    places = {m.place.name: m.place for m in article.mentions}
    assert places["Ukraine"].geometry.geom_type.endswith("Polygon")
    assert fm.geometry.area_km2(places["Ukraine"].geometry) > 500_000


def test_extract_on_a_cluster_equals_one_process(cluster, corpus, capsys):
    _, client = cluster
    code, one, err = cli(capsys, "extract", *corpus, "--format", "jsonl")
    assert code == 0, err
    address = client.scheduler.address
    code, many, err = cli(
        capsys, "extract", *corpus, "--format", "jsonl", "--scheduler", address, "--chunk-size", "2"
    )
    assert code == 0, err
    assert many == one
    assert [json.loads(line)["source"] for line in many.splitlines()] == corpus


def test_workers_2_starts_a_local_cluster_same_output_and_problems_in_order(corpus, tmp_path, capsys):
    missing = str(tmp_path / "missing.txt")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    files = [*corpus[:5], missing, *corpus[5:8], str(binary), *corpus[8:]]
    one = cli(capsys, "check", *files, "--format", "json")
    many = cli(capsys, "check", *files, "--format", "json", "--workers", "2", "--progress")
    assert one[0] == many[0] == 1
    assert many[1] == one[1] and json.loads(one[1])
    problems = [line for line in many[2].replace("\r", "\n").splitlines() if line.startswith("frontmap:")]
    assert problems == one[2].splitlines()
    assert len(problems) == 2 and repr(missing) in problems[0] and repr(str(binary)) in problems[1]
    assert "reading" in many[2]  # the progress bar, asked for on a stderr that is not a terminal


def test_the_program_on_2_workers_writes_what_it_writes_alone(corpus, tmp_path):
    """``python -m frontmap``, a process of its own that forks its workers, as a user runs it."""
    import subprocess

    written = []
    for workers in ("1", "2"):
        out = tmp_path / f"out_{workers}.json"
        argv = [sys.executable, "-m", "frontmap", "extract", *corpus, "-o", str(out), "--workers", workers]
        subprocess.run(argv, capture_output=True, check=True, timeout=120)
        written.append(out.read_bytes())
    assert written[1] == written[0]
    assert [a["source"] for a in json.loads(written[0])] == corpus


def test_parquet_parts_are_the_same_from_a_cluster(cluster, corpus, tmp_path, capsys):
    import geopandas as gpd

    _, client = cluster
    here, there = tmp_path / "here.parquet", tmp_path / "there.parquet"
    assert cli(capsys, "extract", *corpus, "--format", "parquet", "-o", here, "--chunk-size", "5")[0] == 0
    argv = ["extract", *corpus, "--format", "parquet", "-o", there, "--chunk-size", "5"]
    assert cli(capsys, *argv, "--scheduler", client.scheduler.address)[0] == 0
    names = sorted(p.name for p in here.iterdir())
    assert names == sorted(p.name for p in there.iterdir()) == [
        "part.00000.parquet", "part.00001.parquet", "part.00002.parquet"
    ]  # fmt: skip
    a, b = gpd.read_parquet(here), gpd.read_parquet(there)
    assert a.equals(b) and list(a.columns) == [*COLUMNS, "geometry"]
    assert sorted(a.chunk.unique()) == [0, 1, 2]


def test_read_corpus_on_a_client(cluster, corpus):
    _, client = cluster
    gdf = fm.read_corpus(corpus, client=client, chunk_size=4)
    assert isinstance(gdf, dask_geopandas.GeoDataFrame) and gdf.npartitions == 3
    df = gdf.compute()
    assert df.crs == "EPSG:4326"
    assert sorted(df.source.unique()) == sorted(corpus)
    mention = df[(df.record == "mention") & (df.text == "Balakliia")].iloc[0]
    text = Path(mention.source).read_text(encoding="utf-8")
    assert text[mention.start : mention.end] == "Balakliia" and "Balakliia" in mention.sentence
    claim = df[(df.record == "claim") & (df.kind == "distance")].iloc[0]
    assert claim.value == 74 and claim.unit == "km" and claim.anchor_name == "Kharkiv"
    assert claim.geometry is not None and json.loads(claim.data)["text"] == claim.text


def test_read_corpus_from_a_bag_of_records(cluster):
    import dask.bag as db

    _, client = cluster
    records = [
        {"text": REPORTS[0], "source": "wire/1", "published": "2022-09-08"},
        ("wire/2", REPORTS[1]),
        REPORTS[2],
    ]
    df = client.compute(fm.read_corpus(db.from_sequence(records, npartitions=2))).result()
    assert set(df.source) == {"wire/1", "wire/2", "partition 1 item 0"}
    assert set(df[df.source == "wire/1"].published) == {"2022-09-08"}


def test_read_corpus_names_an_unreadable_file(tmp_path, corpus):
    missing = tmp_path / "gone.txt"
    gdf = fm.read_corpus([corpus[0], missing])
    with pytest.raises(fm.InputError, match=r"gone\.txt"):
        gdf.compute(scheduler="sync")
    kept = fm.read_corpus([corpus[0], missing], errors="skip").compute(scheduler="sync")
    assert set(kept.source) == {corpus[0]}


def test_a_pattern_that_matches_nothing_is_named(tmp_path):
    with pytest.raises(fm.InputError, match="no file matches"):
        expand_paths(str(tmp_path / "*.txt"))
