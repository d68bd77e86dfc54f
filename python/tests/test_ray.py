"""recoupe.ray.scan on a real two-node Ray cluster (a head and a worker, each its own raylet,
started with ``ray start`` on loopback in a temporary directory) gives the command line's JSON.

Skipped when Ray is not installed, unless RECOUPE_REQUIRE_RAY=1 (CI sets it), which turns the
skip into a failure so that CI cannot pass without running it."""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

import pytest

if os.environ.get("RECOUPE_REQUIRE_RAY") != "1":
    pytest.importorskip("ray")
    pytest.importorskip("polars")  # Ray Data's hash join needs it

import recoupe  # noqa: E402
import recoupe.ray  # noqa: E402

CLI = os.environ.get("RECOUPE_BIN") or shutil.which("recoupe") or os.path.join(
    os.path.dirname(__file__), "..", "..", "target", "release", "recoupe"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ray(*args, env):
    # `ray` beside this interpreter: the one whose site-packages hold recoupe.
    ray_cli = os.path.join(os.path.dirname(sys.executable), "ray")
    subprocess.run([ray_cli, *args], check=True, env=env, stdout=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def cluster():
    import ray

    # A short path: Ray's socket paths live under the temp dir and are limited to 107 bytes.
    temp = tempfile.mkdtemp(prefix="rr")
    port = _free_port()
    # Token authentication (Ray's default for `ray start`) would write ~/.ray/auth_token; a
    # cluster on loopback that lives for one test needs none, and nothing outside the temporary
    # directory is touched. The driver reads the same setting from its environment.
    os.environ["RAY_AUTH_MODE"] = "disabled"
    env = dict(os.environ, RAY_USAGE_STATS_ENABLED="0")
    common = ["--node-ip-address=127.0.0.1", "--num-cpus=1", "--disable-usage-stats"]
    try:
        _ray(
            "start", "--head", f"--port={port}", f"--temp-dir={temp}", "--include-dashboard=false",
            *common, env=env,
        )
        _ray("start", f"--address=127.0.0.1:{port}", *common, env=env)
        ray.init(address=f"127.0.0.1:{port}", _temp_dir=temp, log_to_driver=False)
        yield ray
    finally:
        if ray.is_initialized():
            ray.shutdown()
        subprocess.run(
            [os.path.join(os.path.dirname(sys.executable), "ray"), "stop", "--force"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(temp, ignore_errors=True)


def test_cluster_has_two_nodes(cluster):
    alive = [n for n in cluster.nodes() if n["Alive"]]
    assert len(alive) == 2


def test_ray_scan_is_the_cli_json(cluster, tmp_path):
    # Two files, one of them JSON Lines with a broken line, so that positions across files and
    # the diagnostics travel through the cluster too.
    inputs = tmp_path / "in"
    inputs.mkdir()
    gen = tmp_path / "gen.jsonl"
    subprocess.run([CLI, "gen", "-n", "120", "-q", "-o", str(gen)], check=True)
    lines = gen.read_text().splitlines()
    first, second = inputs / "a.jsonl", inputs / "b.jsonl"
    first.write_text("\n".join(lines[:70]) + "\n{not json\n")
    second.write_text("\n".join(lines[70:]) + "\n")
    gen.unlink()
    out = tmp_path / "cli.json"
    subprocess.run([CLI, "scan", str(inputs), "--format", "json", "-o", str(out)], check=True)
    expected = json.loads(out.read_text())
    assert expected["dedup"]["pairs"], "the generated corpus should hold near-duplicates"

    stages = tmp_path / "stages"
    got = recoupe.ray.scan(str(inputs), partitions=3, stage_dir=str(stages))
    assert got == expected
    for stage in ("signatures", "band_keys", "pairs", "verified"):
        assert any(p.suffix == ".parquet" for p in (stages / stage).iterdir()), stage


def test_ray_scan_with_other_parameters(cluster, tmp_path):
    path = tmp_path / "c.jsonl"
    subprocess.run([CLI, "gen", "-n", "50", "-q", "-o", str(path)], check=True)
    out = tmp_path / "cli.json"
    subprocess.run(
        [CLI, "scan", str(path), "--shingle", "words:3", "--threshold", "0.6", "--format", "json", "-o", str(out)],
        check=True,
    )
    got = recoupe.ray.scan(str(path), shingle="words:3", threshold=0.6)
    assert got == json.loads(out.read_text())


def test_ray_scan_reads_parquet_as_the_cli_reads_the_same_records(cluster, tmp_path):
    import polars as pl

    jsonl = tmp_path / "c.jsonl"
    subprocess.run([CLI, "gen", "-n", "80", "-q", "-o", str(jsonl)], check=True)
    parts = tmp_path / "parquet"
    parts.mkdir()
    frame = pl.read_ndjson(jsonl)
    frame[:50].write_parquet(parts / "part-0.parquet")
    frame[50:].write_parquet(parts / "part-1.parquet")
    out = tmp_path / "cli.json"
    subprocess.run([CLI, "scan", str(jsonl), "--format", "json", "-o", str(out)], check=True)
    expected = json.loads(out.read_text())
    got = recoupe.ray.scan(str(parts))
    assert got["dedup"] == expected["dedup"]
    assert got["dedup"]["pairs"]
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"not parquet at all")
    with pytest.raises(Exception, match="broken.parquet"):
        recoupe.ray.scan(str(broken))
