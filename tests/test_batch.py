"""newsfuse batch: output format, failures recorded, resume after SIGKILL without duplicates."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsfuse.batch import run_batch


def make_clusters(n: int, seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    towns = ["Lakeport", "Riverton", "Hillsdale", "Marston", "Oakvale", "Brookfield"]
    things = ["bridge", "school", "hospital", "library", "stadium", "harbor"]
    out = []
    for i in range(n):
        town, thing = rng.choice(towns), rng.choice(things)
        docs = []
        for d in range(3):
            sents = [
                f"Officials in {town} said on Tuesday that the {thing} would close for repairs after inspectors found damage.",
                f"The mayor of {town} told reporters that the work on the {thing} could take {rng.randint(2, 9)} months.",
                f"Residents near the {thing} were asked to use other routes while crews worked through the weekend.",
                f"A spokesperson for the county said the repairs would cost about {rng.randint(2, 40)} million dollars.",
                f"Engineers first raised concerns about the {thing} in a report published {rng.randint(2, 6)} years ago.",
            ]
            rng.shuffle(sents)
            docs.append({"text": " ".join(sents), "source": f"Outlet {d + 1}"})
        out.append({"id": f"c{i:04d}", "documents": docs, "summaries": [f"The {thing} in {town} closed."]})
    return out


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def read_out(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n"), "output must end with a complete line"
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_batch_writes_records_and_records_failures(tmp_path: Path) -> None:
    rows = make_clusters(6)
    rows.insert(3, {"id": "empty", "documents": ["", "   "]})  # nothing to summarize
    rows.insert(5, {"id": "nodocs", "title": "no documents key"})
    src = tmp_path / "in.jsonl"
    write_jsonl(src, rows)
    with src.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    out = tmp_path / "out.jsonl"
    stats = run_batch(src, out, words=30, workers=1, progress=False)
    recs = {r["id"]: r for r in read_out(out)}
    assert set(recs) == {r["id"] for r in rows} | {"line-9"}
    assert stats.done == 6 and stats.failed == 3
    for r in rows:
        if r["id"] in ("empty", "nodocs"):
            assert set(recs[r["id"]]) == {"id", "error"}
            assert recs[r["id"]]["error"]
            continue
        rec = recs[r["id"]]
        assert set(rec) == {"id", "summary", "sentences", "seconds"}
        assert rec["summary"] and rec["sentences"] and rec["seconds"] >= 0
        assert {"text", "sources", "origin", "outlets"} <= set(rec["sentences"][0])
        assert rec["summary"] == " ".join(s["text"] for s in rec["sentences"])
    assert "not valid JSON" in recs["line-9"]["error"]


def test_batch_resume_repairs_truncated_line_and_skips_done(tmp_path: Path) -> None:
    rows = make_clusters(12)
    src, out = tmp_path / "in.jsonl.gz", tmp_path / "out.jsonl"
    import gzip

    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in rows)
    run_batch(src, out, words=30, workers=1, progress=False)
    first = read_out(out)
    # keep 5 finished lines plus half of the 6th, as a crash mid-write would
    lines = out.read_text().splitlines(keepends=True)
    out.write_text("".join(lines[:5]) + lines[5][: len(lines[5]) // 2])
    stats = run_batch(src, out, words=30, workers=2, progress=False)
    assert stats.skipped == 5 and stats.done == 7
    again = read_out(out)
    assert Counter(r["id"] for r in again) == Counter(r["id"] for r in rows)
    assert {r["id"]: r["summary"] for r in again} == {r["id"]: r["summary"] for r in first}


def test_batch_rejects_two_budgets(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, make_clusters(1))
    r = subprocess.run([sys.executable, "-m", "newsfuse", "batch", str(src), "--out", str(tmp_path / "o.jsonl"),
                        "--words", "10", "--sentences", "2"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "only one length budget" in r.stderr and "Traceback" not in r.stderr


def test_batch_resumes_after_sigkill_without_duplicates(tmp_path: Path) -> None:
    rows = make_clusters(200, seed=1)
    rows[57] = {"id": rows[57]["id"], "documents": ["", " \n "]}  # fails, and the run goes on
    src, out = tmp_path / "clusters.jsonl", tmp_path / "briefs.jsonl"
    write_jsonl(src, rows)
    cmd = [sys.executable, "-m", "newsfuse", "batch", str(src), "--out", str(out), "--words", "40", "-q"]
    proc = subprocess.Popen(cmd + ["--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    killed_at = None
    try:
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 25:
                os.killpg(proc.pid, signal.SIGKILL)  # the batch and its workers: nothing gets to clean up
                killed_at = out.read_bytes().count(b"\n")
                break
            time.sleep(0.01)
    finally:
        if proc.poll() is None and killed_at is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    assert killed_at is not None, f"batch finished before it could be killed: {proc.stderr.read() if proc.stderr else ''}"
    assert killed_at < len(rows), "kill came too late to test resuming"
    partial = out.read_bytes().count(b"\n")
    r = subprocess.run(cmd + ["--workers", "2"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert f"{partial} skipped" in r.stderr
    recs = read_out(out)
    counts = Counter(rec["id"] for rec in recs)
    assert counts == Counter(row["id"] for row in rows), "every id exactly once"
    by_id = {rec["id"]: rec for rec in recs}
    assert set(by_id[rows[57]["id"]]) == {"id", "error"}
    assert sum("error" in rec for rec in recs) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX only")
def test_ray_flag_without_ray_says_how_to_install(tmp_path: Path) -> None:
    pytest.importorskip("newsfuse")
    try:
        import ray  # noqa: F401

        pytest.skip("ray is installed: the missing-package message cannot be shown")
    except ImportError:
        pass
    src = tmp_path / "in.jsonl"
    write_jsonl(src, make_clusters(2))
    r = subprocess.run([sys.executable, "-m", "newsfuse", "batch", str(src), "--out", str(tmp_path / "o.jsonl"),
                        "--ray", "-q"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "pip install 'newsfuse[ray]'" in r.stderr


def test_batch_records_unparsable_lines_and_goes_on(tmp_path: Path) -> None:
    """A line nested too deeply for the JSON parser, or with a 5,000-digit number, stopped the whole run
    with 'internal error: RecursionError' before any line was written; now each is one error record."""
    rows = make_clusters(3)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps(rows[0]) + "\n" + '{"id": "deep", "documents": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
                   + '{"id": ' + "9" * 5000 + ', "documents": ["a"]}\n' + json.dumps(rows[1]) + "\n"
                   + json.dumps(rows[2]) + "\n", encoding="utf-8")
    stats = run_batch(src, out, words=30, workers=1, progress=False)
    recs = {r["id"]: r for r in read_out(out)}
    assert stats.done == 3 and stats.failed == 2
    assert recs["line-2"] == {"id": "line-2", "error": "line 2 is not valid JSON (nested too deeply)"}
    assert recs["line-3"] == {"id": "line-3", "error": "line 3 is not valid JSON (a number has more than 4300 digits)"}
    assert all("summary" in recs[r["id"]] for r in rows)


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_truncated_gzip_keeps_the_clusters_before_the_damage(tmp_path: Path, workers: int) -> None:
    """A .jsonl.gz cut short (a crashed download) gave 'newsfuse: aborted' (click turns EOFError into Abort)
    from the line count, before any work. Now the clusters before the damage are summarized and kept, then the
    run ends with one line naming the file and what is wrong, exit 2; a rerun skips what is done."""
    import gzip

    rows = make_clusters(40, seed=3)
    whole = gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode())
    src, out = tmp_path / "cut.jsonl.gz", tmp_path / "out.jsonl"
    src.write_bytes(whole[: len(whole) // 2])
    cmd = [sys.executable, "-m", "newsfuse", "batch", str(src), "--out", str(out), "--words", "30", "-q",
           "--workers", str(workers)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert "cut.jsonl.gz: cannot read clusters (the file is truncated" in r.stderr
    recs = read_out(out)
    assert 0 < len(recs) < len(rows)
    assert [rec["id"] for rec in recs] == [row["id"] for row in rows[: len(recs)]] or workers > 1
    assert Counter(rec["id"] for rec in recs) == Counter(row["id"] for row in rows[: len(recs)])
    assert f"stopped after {len(recs)} clusters ({len(recs)} summarized" in r.stderr
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and f"0 summarized, 0 failed, {len(recs)} skipped" in again.stderr
    assert read_out(out) == recs


def _start_batch(tmp_path: Path, seed: int) -> tuple[list[dict], Path, list[str], subprocess.Popen[str]]:
    """300 clusters, a batch of them started on 2 workers in its own process group, returned once it has
    written 10 lines (or after 60 s): the rows, the out file, the command (without --workers) and the process."""
    rows = make_clusters(300, seed=seed)
    src, out = tmp_path / "clusters.jsonl", tmp_path / "briefs.jsonl"
    write_jsonl(src, rows)
    cmd = [sys.executable, "-m", "newsfuse", "batch", str(src), "--out", str(out), "--words", "40", "-q"]
    proc = subprocess.Popen(cmd + ["--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n") >= 10):
        time.sleep(0.02)
    return rows, out, cmd, proc


def test_batch_sigterm_stops_workers_and_keeps_finished_lines(tmp_path: Path) -> None:
    """`kill PID` killed the main process at once (exit 143, no message) and left its pool's worker processes
    running with nobody to collect them. Now it stops like Ctrl-C: workers stopped, one line, exit 143."""
    rows, out, cmd, proc = _start_batch(tmp_path, seed=2)
    try:
        proc.send_signal(signal.SIGTERM)  # the main process only, as `kill PID` does
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 143, err
    assert err.strip() == "newsfuse: terminated"
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):  # no worker left in the run's process group
        os.killpg(proc.pid, 0)
    partial = read_out(out)
    assert 10 <= len(partial) < len(rows)
    r = subprocess.run(cmd + ["--workers", "2"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert Counter(rec["id"] for rec in read_out(out)) == Counter(row["id"] for row in rows)


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x01binary", b"my notes\nlast line without a newline",
                                     b'{"id": "a", "summary": "s"}\nnot a record\n'])
def test_batch_refuses_an_out_file_that_is_not_its_output(tmp_path: Path, content: bytes) -> None:
    """--out naming some other file cut its last line off (as a crash remnant) and appended to it; now the
    run stops before touching it, exit 2."""
    src, out = tmp_path / "in.jsonl", tmp_path / "notes.txt"
    write_jsonl(src, make_clusters(2))
    out.write_bytes(content)
    r = subprocess.run([sys.executable, "-m", "newsfuse", "batch", str(src), "--out", str(out), "-q", "--workers", "1"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert r.stderr.startswith(f"newsfuse: error: {out} is not a newsfuse batch output (")
    assert r.stderr.endswith("give a new --out file; nothing was changed\n") and len(r.stderr.splitlines()) == 1
    assert out.read_bytes() == content


def test_batch_resume_keeps_a_whole_last_record_and_drops_zeros(tmp_path: Path) -> None:
    """A last record missing only its newline is kept (not redone); zero bytes a crash left are cut."""
    rows = make_clusters(3)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, rows)
    run_batch(src, out, words=30, workers=1, progress=False)
    whole = out.read_bytes()
    out.write_bytes(whole[:-1])
    assert run_batch(src, out, words=30, workers=1, progress=False).skipped == 3
    assert out.read_bytes() == whole
    out.write_bytes(whole + b"\0" * 512)
    assert run_batch(src, out, words=30, workers=1, progress=False).skipped == 3
    assert out.read_bytes() == whole
    out.write_bytes(whole + b'{"i')  # a record cut after three bytes
    assert run_batch(src, out, words=30, workers=1, progress=False).skipped == 3
    assert out.read_bytes() == whole


def test_batch_says_when_an_id_repeats_in_the_input(tmp_path: Path) -> None:
    """A second cluster with an id an earlier line has was counted as 'skipped (already done)' on the first
    run, as if it had been summarized before; now it is counted and named as a repeated id."""
    rows = make_clusters(3)
    rows.append({**make_clusters(1, seed=9)[0], "id": rows[0]["id"]})
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, rows)
    stats = run_batch(src, out, words=30, workers=1, progress=False)
    assert (stats.done, stats.skipped, stats.repeated) == (3, 0, 1)
    assert "0 skipped (already done), 1 skipped (id repeated in the input), 4 in input" in stats.line()
    assert [r["id"] for r in read_out(out)] == [r["id"] for r in rows[:3]]
    again = run_batch(src, out, words=30, workers=1, progress=False)
    assert (again.done, again.skipped, again.repeated) == (0, 3, 1)


def test_batch_writes_a_lone_surrogate_id_and_resumes_past_it(tmp_path: Path) -> None:
    """An id holding "\\ud800" (valid JSON) made writing its line raise UnicodeEncodeError: the whole run
    stopped with 'internal error'. The line is now written with the id as a JSON escape."""
    rows = make_clusters(2)
    rows[0]["id"] = "c\ud800"
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, rows)  # json.dumps keeps it as the escape \ud800
    stats = run_batch(src, out, words=30, workers=1, progress=False)
    assert (stats.done, stats.failed) == (2, 0)
    assert [r["id"] for r in read_out(out)] == ["c\ud800", rows[1]["id"]]
    assert run_batch(src, out, words=30, workers=1, progress=False).skipped == 2


def test_batch_out_that_cannot_be_made_or_is_not_a_file(tmp_path: Path) -> None:
    """--out under a file (no folder can be made there), a device, or a name too long gave 'internal error'
    (exit 1); /dev/zero as --out was read to the end to resume, which never comes."""
    from newsfuse.errors import InputError

    src = tmp_path / "in.jsonl"
    write_jsonl(src, make_clusters(1))
    (tmp_path / "file").write_text("")
    with pytest.raises(InputError, match=f"cannot write {tmp_path / 'file' / 'out.jsonl'}: "):
        run_batch(src, tmp_path / "file" / "out.jsonl", workers=1, progress=False)
    with pytest.raises(InputError, match="cannot read .*: File name too long"):
        run_batch(src, tmp_path / ("a" * 5000), workers=1, progress=False)
    with pytest.raises(InputError, match="cannot read .*: File name too long"):
        run_batch(tmp_path / ("a" * 5000), tmp_path / "out.jsonl", workers=1, progress=False)
    for device in ("/dev/zero", "/dev/null"):
        if Path(device).exists():
            with pytest.raises(InputError, match=f"--out {device} is not a regular file"):
                run_batch(src, device, workers=1, progress=False)


def test_batch_full_disk_keeps_the_lines_written_and_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write failing mid-run (ENOSPC) gave 'internal error: OSError' (exit 1); now one line saying how many
    lines are kept, and the rerun carries on from there."""
    import errno

    from newsfuse import batch
    from newsfuse.errors import InputError

    rows = make_clusters(5)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, rows)
    real = batch._write_line
    calls = []

    def full_after_two(fh: Any, record: dict) -> None:
        calls.append(1)
        if len(calls) > 2:
            fh.write('{"id": "half')  # as a failing write leaves it
            fh.flush()
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fh, record)

    monkeypatch.setattr(batch, "_write_line", full_after_two)
    with pytest.raises(InputError, match="cannot write .*out.jsonl: No space left on device \\(2 lines written by "
                                         "this run are kept; rerun the same command to carry on\\)"):
        run_batch(src, out, words=30, workers=1, progress=False)
    monkeypatch.setattr(batch, "_write_line", real)
    stats = run_batch(src, out, words=30, workers=1, progress=False)
    assert (stats.skipped, stats.done) == (2, 3)
    assert Counter(r["id"] for r in read_out(out)) == Counter(r["id"] for r in rows)


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry.name))
    return kids


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_batch_worker_killed_by_the_system_is_one_line(tmp_path: Path) -> None:
    """A worker killed from outside (the out-of-memory killer) gave 'internal error: BrokenProcessPool: A process
    in the process pool was terminated abruptly ...'; now one line saying what is kept and what to do."""
    rows, out, cmd, proc = _start_batch(tmp_path, seed=4)
    try:
        workers = _children(proc.pid)
        assert workers, "no worker processes found"
        os.kill(max(workers), signal.SIGKILL)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 1, err
    assert len(err.splitlines()) == 1 and err.startswith("newsfuse: error: a worker process died"), err
    kept = len(read_out(out))
    assert f"the {kept} lines written by this run are kept" in err
    r = subprocess.run(cmd + ["--workers", "2"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert Counter(rec["id"] for rec in read_out(out)) == Counter(row["id"] for row in rows)


def _dead(pid: int) -> bool:
    """Exited (or a zombie: exited, waiting for whoever adopted it to reap it)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except OSError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
def test_batch_workers_die_with_a_main_process_killed_by_sigkill(tmp_path: Path) -> None:
    """`kill -9` of the main process (or the out-of-memory killer) left its worker processes running for good,
    waiting on a queue nobody feeds; now each worker asks Linux to kill it when its parent dies."""
    _, _, _, proc = _start_batch(tmp_path, seed=5)
    try:
        workers = _children(proc.pid)
        assert workers, "no worker processes found"
        os.kill(proc.pid, signal.SIGKILL)  # the main process only: nothing gets to stop the workers
        proc.wait(timeout=10)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not all(_dead(pid) for pid in workers):
            time.sleep(0.05)
        assert [pid for pid in workers if not _dead(pid)] == [], "workers outlived the main process"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_batch_starts_no_more_workers_than_the_work_or_the_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """`--workers 100000` forked until memory ran out (the out-of-memory killer took the main process and left
    ~4,400 workers), `--workers 3000` ran 20 clusters in 96 s instead of 1 s. Now the pool is at most one worker
    per task and WORKERS_PER_CPU per core, and a lowered request is said in one line."""
    from newsfuse import batch
    from newsfuse.workers import WORKERS_PER_CPU

    asked: list[int] = []
    real = batch.ProcessPoolExecutor

    def recording_pool(max_workers: int, **kw: Any) -> Any:
        asked.append(max_workers)
        return real(max_workers=min(max_workers, 2), **kw)  # the test itself never starts thousands

    monkeypatch.setattr(batch, "ProcessPoolExecutor", recording_pool)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, make_clusters(6))
    stats = run_batch(src, out, words=20, workers=3000, progress=False, chunk_size=2)
    assert stats.done == 6 and asked == [3]  # 6 clusters in chunks of 2
    assert capsys.readouterr().err == "newsfuse batch: --workers 3000 lowered to 3 (only 6 clusters, 2 per task)\n"
    write_jsonl(src, make_clusters(20))
    run_batch(src, tmp_path / "out2.jsonl", words=20, workers=100_000, progress=False, chunk_size=2)
    assert asked[-1] == 2 * WORKERS_PER_CPU
    assert capsys.readouterr().err == (f"newsfuse batch: --workers 100000 lowered to {2 * WORKERS_PER_CPU} "
                                       f"(at most {WORKERS_PER_CPU} per core, 2 cores here)\n")
    run_batch(src, tmp_path / "out3.jsonl", words=20, workers=None, progress=False, chunk_size=2)
    assert asked[-1] == 2 and capsys.readouterr().err == ""  # the default, one per core, says nothing


@pytest.mark.parametrize("name", ["in.jsonl", "in.jsonl.gz"])
def test_batch_records_a_line_that_is_not_utf8_and_goes_on(tmp_path: Path, name: str) -> None:
    """One Latin-1 byte on line 3 stopped the whole run ('cannot read clusters (not UTF-8 text ...)'), exit 2,
    losing the good lines read with it, and every rerun stopped at the same place. Now that line is one error
    record naming the byte and its offset in the line's bytes, and the rest is summarized; a rerun skips all."""
    import gzip

    rows = make_clusters(4)
    lines = [json.dumps(r).encode() for r in rows]
    lines.insert(2, '{"id": "caf\u00e9", "documents": ["Caf\u00e9 '.encode() + b"caf\xe9 closed.\"]}")
    body = b"\n".join(lines) + b"\n"
    src, out = tmp_path / name, tmp_path / "out.jsonl"
    src.write_bytes(gzip.compress(body) if name.endswith(".gz") else body)
    stats = run_batch(src, out, words=20, workers=1, progress=False)
    assert (stats.done, stats.failed) == (4, 1)
    recs = read_out(out)
    assert [r["id"] for r in recs] == [rows[0]["id"], rows[1]["id"], "line-3", rows[2]["id"], rows[3]["id"]]
    offset = lines[2].index(b"\xe9")
    assert recs[2] == {"id": "line-3", "error": f"line 3 is not UTF-8 text (byte 0xe9 at offset {offset} of the line)"}
    again = run_batch(src, out, words=20, workers=1, progress=False)
    assert (again.done, again.failed, again.skipped) == (0, 0, 5)


def test_batch_refuses_an_input_that_is_binary_or_not_utf8_at_all(tmp_path: Path) -> None:
    """A line that is not UTF-8 is one error record (above), but a wholly binary or Latin-1 input is refused
    at once, as before, instead of filling --out with an error record per 'line'."""
    from newsfuse.errors import InputError

    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    for body in (bytes(range(256)) * 64, '{"id": "a", "documents": ["\u00e9t\u00e9 \u00e0 l\u00e0"]}\n'.encode("latin-1") * 50):
        src.write_bytes(body)
        with pytest.raises(InputError, match="in.jsonl is not a JSONL file of clusters: .*; nothing was written$"):
            run_batch(src, out, words=20, workers=1, progress=False)
        assert not out.exists()


def test_batch_ids_that_are_not_ids_and_ids_that_collide(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"id": null was written as "None", an object id as "{'x': 1}", true as "True"; a line with no id took its
    bare line number, which a real id 5 then collided with; and 5 after "5" was dropped with only a count. Now a
    line without a usable id is `line-N`, as an error line is, and the first repeated id is named on stderr."""
    from newsfuse.batch import batch_command

    docs = make_clusters(1)[0]["documents"]
    ids: list[Any] = [None, {"x": 1}, [1], True, "", "missing", 5, "5", "c"]
    rows = [{"documents": docs} if i == "missing" else {"id": i, "documents": docs} for i in ids]
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, rows)
    stats = run_batch(src, out, words=20, workers=1, progress=False)
    assert [r["id"] for r in read_out(out)] == ["line-1", "line-2", "line-3", "line-4", "line-5", "line-6", "5", "c"]
    assert (stats.done, stats.repeated) == (8, 1)
    out.unlink()
    with pytest.raises(SystemExit) as e:
        batch_command.main([str(src), "--out", str(out), "--words", "20", "--workers", "1", "-q"])
    assert e.value.code == 0
    assert capsys.readouterr().err.splitlines()[0] == (
        'newsfuse batch: 1 cluster not summarized: the id of an earlier line of the input (the first: "5"; ids '
        'compare as text, so 5 and "5" are one id)')


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_batch_reads_a_named_pipe_without_counting_it_first(tmp_path: Path) -> None:
    """Counting a pipe's lines for the progress bar used it up before the run: nothing was summarized."""
    import threading

    fifo = tmp_path / "clusters.fifo"
    os.mkfifo(fifo)
    rows = make_clusters(3)

    def feed() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in rows)

    result: list[Any] = []
    writer = threading.Thread(target=feed, daemon=True)
    runner = threading.Thread(target=lambda: result.append(
        run_batch(fifo, tmp_path / "out.jsonl", words=40, workers=1, progress=False)), daemon=True)
    writer.start()
    runner.start()
    runner.join(timeout=30)
    assert result, "the batch waited for a pipe it had already read to its end"
    stats = result[0]
    assert (stats.done, stats.total) == (3, 3)
    assert [r["id"] for r in read_out(tmp_path / "out.jsonl")] == [r["id"] for r in rows]


def test_batch_a_small_input_with_one_line_that_is_not_utf8_is_summarized_but_that_line(tmp_path: Path) -> None:
    """The whole-input check refused a three-line file for one Latin-1 line (a share of bad characters in a small
    file); only an input mostly not UTF-8 is refused, and here the bad line is one error record."""
    rows = make_clusters(3)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [json.dumps(r).encode("utf-8") for r in rows]
    lines[1] = json.dumps({"id": "x", "documents": ["caf\u00e9 au lait is served at the bridge."]}, ensure_ascii=False).encode("latin-1")
    src.write_bytes(b"\n".join(lines) + b"\n")
    stats = run_batch(src, out, words=20, workers=1, progress=False)
    recs = read_out(out)
    assert (stats.done, stats.failed) == (2, 1)
    assert recs[1]["id"] == "line-2" and "not UTF-8" in recs[1]["error"]


def test_a_worker_takes_a_main_process_it_cannot_look_up_as_alive(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without /proc (a sandbox), every eval worker took its main process for dead and left at once, and the pool
    started it again for ever; a process that exists is alive unless /proc says it is a zombie."""
    import builtins

    from newsfuse import workers

    real_open = builtins.open

    def no_proc(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path).startswith("/proc/"):
            raise FileNotFoundError(path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", no_proc)
    assert workers._gone(os.getpid()) is False
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # reaped: the pid is free
    assert workers._gone(child.pid) is True


# --- a directory of story folders ------------------------------------------------------------------------

FIXTURES = Path(__file__).resolve().parent / "fixtures"
STORIES = ("caddow-slide", "millbrook", "tarn-quake", "veyra-plant")  # captions/exports, text, newswire, PDF/Word


def story_tree(tmp_path: Path, names: tuple[str, ...] = STORIES) -> Path:
    """tmp_path/stories/NAME: copies of the project's own fixture folders, one story each."""
    import shutil

    root = tmp_path / "stories"
    for name in names:
        shutil.copytree(FIXTURES / name, root / name)
    return root


def _summarize_folder(folder: Path, words: int | None = None, bytes: int | None = None) -> tuple[dict, list[str]]:
    """What `newsfuse summarize FOLDER --words N (or --bytes B) --format json` gives, and its warnings."""
    from newsfuse import summarize
    from newsfuse.load import load_inputs

    notes: list[str] = []
    return summarize(load_inputs([str(folder)], warn=notes.append), words=words, bytes=bytes).to_dict(), notes


def test_batch_dir_writes_one_line_per_story_folder_as_summarize_does(tmp_path: Path) -> None:
    """A folder of story folders: one line per subfolder, sorted by name, its id the folder's name, its brief the
    one `newsfuse summarize FOLDER` gives; the loader's warnings are the line's "notes" (only when there are
    some, so a line without them has the keys of a JSONL cluster's). Two workers write the same lines."""
    root = story_tree(tmp_path)
    out = tmp_path / "out.jsonl"
    stats = run_batch(root, out, words=40, workers=1, progress=False)
    assert (stats.done, stats.failed, stats.total) == (len(STORIES), 0, len(STORIES))
    recs = read_out(out)
    assert [r["id"] for r in recs] == sorted(STORIES)
    for rec in recs:
        brief, notes = _summarize_folder(root / rec["id"], 40)
        assert rec["summary"] == brief["summary"] and rec["sentences"] == brief["sentences"]
        assert rec.get("notes", []) == notes
        assert set(rec) == {"id", "summary", "sentences", "seconds"} | ({"notes"} if notes else set())
    assert recs[0]["notes"], "caddow-slide's automatic captions are skipped with a warning"
    r = subprocess.run([sys.executable, "-m", "newsfuse", "batch", str(root), "--out", str(tmp_path / "two.jsonl"),
                        "--words", "40", "--workers", "2", "-q"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stderr.splitlines() == [f"newsfuse batch: {len(STORIES)} summarized, 0 failed, 0 skipped (already done), "
                                     f"{len(STORIES)} in input, " + r.stderr.split(" in input, ")[1].strip()]
    two = {rec["id"]: rec for rec in read_out(tmp_path / "two.jsonl")}
    assert {k: (v["summary"], v.get("notes")) for k, v in two.items()} == {
        rec["id"]: (rec["summary"], rec.get("notes")) for rec in recs}


class _Any:
    def __eq__(self, other: object) -> bool:
        return True


ANY = _Any()


def test_batch_dir_resumes_after_a_partial_out(tmp_path: Path) -> None:
    root = story_tree(tmp_path, ("harlow-ridge", "millbrook", "marigold-ferry"))
    out = tmp_path / "out.jsonl"
    run_batch(root, out, words=30, workers=1, progress=False)
    whole = read_out(out)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text(lines[0] + lines[1][: len(lines[1]) // 2], encoding="utf-8")  # killed mid-write of the second
    stats = run_batch(root, out, words=30, workers=2, progress=False)
    assert (stats.skipped, stats.done) == (1, 2)
    assert sorted(read_out(out), key=lambda r: r["id"]) == [{**r, "seconds": ANY} for r in whole]


def test_batch_dir_records_a_folder_with_nothing_readable_and_goes_on(tmp_path: Path) -> None:
    """A story folder that is empty, holds only a corrupt PDF, only binary data, or (with --depth 1) only
    subfolders is one {"id", "error"} line with summarize's one-line reason; the other stories are summarized. (A
    folder of only subfolders is a shelf: by default its empty subfolder is the story, an empty directory.)"""
    root = story_tree(tmp_path, ("millbrook",))
    (root / "a-empty").mkdir()
    (root / "b-corrupt-pdf").mkdir()
    (root / "b-corrupt-pdf" / "scan.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    (root / "c-binary").mkdir()
    (root / "c-binary" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8)
    (root / "d-nested" / "2026").mkdir(parents=True)
    stats = run_batch(root, tmp_path / "out.jsonl", words=30, workers=1, progress=False, depth=1)
    recs = {r["id"]: r for r in read_out(tmp_path / "out.jsonl")}
    assert (stats.done, stats.failed) == (1, 4)
    assert list(recs) == ["a-empty", "b-corrupt-pdf", "c-binary", "d-nested", "millbrook"]
    for name in ("a-empty", "b-corrupt-pdf", "c-binary", "d-nested"):
        assert set(recs[name]) == {"id", "error"}, recs[name]
    assert recs["a-empty"]["error"] == f"{root / 'a-empty'} is an empty directory"
    assert "scan.pdf" in recs["b-corrupt-pdf"]["error"] and "PDF" in recs["b-corrupt-pdf"]["error"]
    assert "photo.txt" in recs["c-binary"]["error"]
    assert recs["d-nested"]["error"] == f"{root / 'd-nested'} has no files (its subdirectories are not read)"
    assert "summary" in recs["millbrook"]
    run_batch(root, tmp_path / "deep.jsonl", words=30, workers=1, progress=False)
    deep = {r["id"]: r for r in read_out(tmp_path / "deep.jsonl")}
    assert list(deep) == ["a-empty", "b-corrupt-pdf", "c-binary", "d-nested/2026", "millbrook"]
    assert deep["d-nested/2026"] == {"id": "d-nested/2026", "error": f"{root / 'd-nested' / '2026'} is an empty directory"}


def test_batch_dir_without_story_folders_is_one_line_exit_2(tmp_path: Path) -> None:
    """An empty directory, or one holding only hidden folders, or only loose files: one line, exit 2, nothing
    written; loose files get the command that summarizes them as one story."""
    root = tmp_path / "stories"
    (root / ".git").mkdir(parents=True)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsfuse", "batch", str(root), "--out", str(out), "-q"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and r.stderr == (f"newsfuse: error: {root} has no story folders (it is empty): batch reads "
                                              "each subfolder of a directory as one story\n")
    (root / "a.txt").write_text("A story told in a loose file.\n", encoding="utf-8")
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1
    assert r.stderr.endswith(f"(only 1 file): batch reads each subfolder of a directory as one story; to summarize its "
                             f"files as one story: newsfuse summarize {root}\n")
    assert not out.exists()


def test_batch_dir_loose_files_are_named_and_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Files directly in the directory (a manifest, a stray page) are not a story: said in one line, not read. The
    README, hidden files and --out itself are not named; a saved page's NAME_files folder beside NAME.html is not a
    story; hidden and "_" folders are skipped; --out inside a story folder (it would be read as a file of that
    story) is refused."""
    import shutil

    from newsfuse.errors import InputError

    root = story_tree(tmp_path, ("millbrook",))
    (root / "manifest.csv").write_text("id,title\nmillbrook,Water main\n", encoding="utf-8")
    (root / "page.html").write_text("<html><body><p>A page saved here.</p></body></html>", encoding="utf-8")
    (root / "page_files").mkdir()
    (root / "page_files" / "style.txt").write_text("body { color: red }", encoding="utf-8")
    (root / "README.md").write_text("# Our stories\n", encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"\0\0")
    (root / "__MACOSX" / "millbrook").mkdir(parents=True)
    (root / ".cache").mkdir()
    out = root / "briefs.jsonl"
    stats = run_batch(root, out, words=30, workers=1, progress=False)
    assert (stats.total, stats.done) == (1, 1)
    assert [r["id"] for r in read_out(out)] == ["millbrook"]
    assert capsys.readouterr().err.splitlines() == [
        f"newsfuse batch: 2 files directly in {root} not read (manifest.csv, page.html): each story is a subfolder",
        "newsfuse batch: not read as stories: page_files (the files of the saved page beside it)",
    ]
    (root / "-").mkdir()  # not standard input, when the directory is "."
    shutil.copy(FIXTURES / "millbrook" / "02-valley-radio.html", root / "-")
    monkeypatch.chdir(root)
    assert run_batch(Path("."), tmp_path / "dot.jsonl", words=30, workers=1, progress=False).done == 2
    assert [r["id"] for r in read_out(tmp_path / "dot.jsonl")] == ["-", "millbrook"]
    with pytest.raises(InputError, match=r"--out .*millbrook/briefs.jsonl is inside the story folder .*millbrook: "):
        run_batch(root, root / "millbrook" / "briefs.jsonl", words=30, workers=1, progress=False)
    assert not (root / "millbrook" / "briefs.jsonl").exists()


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="POSIX links")
def test_batch_dir_link_loops_do_not_hang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Links that loop (to themselves, to the directory, to a story's own folder or above it) end the run
    normally: a link back to the directory is not a story, a loop is no folder at all, a link to a story
    folder elsewhere is a story."""
    root = story_tree(tmp_path, ("millbrook",))
    (root / "self").symlink_to(root)
    (root / "up").symlink_to(tmp_path)
    (root / "loop").symlink_to(root / "loop")
    (root / "millbrook" / "again").symlink_to(root / "millbrook")
    (root / "millbrook" / "loop.txt").symlink_to(root / "millbrook" / "loop.txt")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_text((FIXTURES / "millbrook" / "03-county-wire.txt").read_text(),
                                                   encoding="utf-8")
    (root / "linked").symlink_to(tmp_path / "elsewhere")
    stats = run_batch(root, tmp_path / "out.jsonl", words=30, workers=1, progress=False)
    assert (stats.total, stats.done, stats.failed) == (2, 2, 0)
    assert [r["id"] for r in read_out(tmp_path / "out.jsonl")] == ["linked", "millbrook"]
    assert capsys.readouterr().err.splitlines() == [
        f"newsfuse batch: not read as stories: self (a link back to {root}), up (a link back to {root})"]


def test_batch_dir_ships_folder_paths_not_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Ray path gets each story as its folder's absolute path (a Ray worker may run on another machine, in
    another directory) and reads it there: the driver never holds a story's documents."""
    import pickle

    from newsfuse import batch

    root = story_tree(tmp_path, ("millbrook", "harlow-ridge"))
    shipped: list[int] = []

    def fake_ray(chunks: Any, budget: Any, workers: int, emit: Any) -> None:
        for chunk in chunks:
            assert all(isinstance(docs, Path) and docs.is_absolute() for _, docs in chunk)
            shipped.append(len(pickle.dumps(chunk)))
            emit(batch.summarize_chunk(pickle.loads(pickle.dumps(chunk)), budget))

    monkeypatch.setattr(batch, "_run_ray", fake_ray)
    monkeypatch.chdir(root.parent)
    stats = run_batch(Path(root.name), tmp_path / "out.jsonl", words=30, workers=2, progress=False, use_ray=True)
    assert stats.done == 2 and len(shipped) == 2 and max(shipped) < 1000


def test_batch_dir_lists_thousands_of_folders_without_opening_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A tree of thousands of stories starts at once: the listing is names only, sorted, no story read."""
    from newsfuse import batch

    root = tmp_path / "stories"
    for i in range(3000):
        (root / f"s{i:05d}").mkdir(parents=True)
    monkeypatch.setattr("newsfuse.load.load_inputs", lambda *a, **k: pytest.fail("a story read by the listing"))
    t0 = time.perf_counter()
    tree = batch.story_folders(root)
    assert time.perf_counter() - t0 < 2.0
    assert tree.folders == [f"s{i:05d}" for i in range(3000)] and tree.loose == [] and tree.unread == []



def _duc_docsets(root: Path) -> Path:
    """Two DUC-style docsets of SGML newswire files (no suffix) under ``root``."""
    from test_newswire import AQUAINT2, DUC, NYT

    for docset, files in {"d30001t": {"APW19990312.0101": DUC, "NYT19990313.0042": NYT},
                          "d30002t": {"XIN_ENG_20050611.0077": AQUAINT2}}.items():
        (root / docset).mkdir(parents=True)
        for name, text in files.items():
            (root / docset / name).write_text(text, encoding="utf-8")
    return root


def test_batch_dir_reads_a_duc_style_tree_of_docsets(tmp_path: Path) -> None:
    """A DUC/TAC tree: one folder per docset, each holding SGML newswire files named by their document numbers
    (no suffix): one line per docset, as `newsfuse summarize DOCSET` reads it."""
    root = _duc_docsets(tmp_path / "duc2004" / "docs")
    out = tmp_path / "out.jsonl"
    assert run_batch(root, out, bytes=665, workers=1, progress=False).done == 2
    recs = read_out(out)
    assert [r["id"] for r in recs] == ["d30001t", "d30002t"]
    for rec in recs:
        assert rec["summary"] == _summarize_folder(root / rec["id"], bytes=665)[0]["summary"]
    assert "Halden" in recs[0]["summary"] and "<" not in recs[0]["summary"]


def _move_away_after_the_first_chunk(monkeypatch: pytest.MonkeyPatch, root: Path) -> Callable[[], None]:
    """Make batch's worker rename ``root`` (to ``moved`` beside it) once its first chunk is done; the function returned
    restores the worker and puts ``root`` back."""
    from newsfuse import batch

    real = batch.summarize_chunk
    moved = root.parent / "moved"

    def then_move(chunk: Any, budget: Any) -> Any:
        done = real(chunk, budget)
        if root.exists():
            root.rename(moved)
        return done

    def put_back() -> None:
        monkeypatch.setattr(batch, "summarize_chunk", real)
        moved.rename(root)

    monkeypatch.setattr(batch, "summarize_chunk", then_move)
    return put_back


def test_batch_dir_moved_away_mid_run_stops_in_one_line_and_a_rerun_carries_on(tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The directory renamed during a run wrote an error line ("no such file or directory") for every story left,
    exit 0, and a rerun skipped them all as done."""
    from newsfuse.errors import InputError

    root = tmp_path / "stories"
    for name in ("a", "b", "c"):
        (root / name).mkdir(parents=True)
        (root / name / "1.txt").write_text("The council met on Monday. It approved the harbor budget.")
    out = tmp_path / "out.jsonl"
    put_back = _move_away_after_the_first_chunk(monkeypatch, root)
    with pytest.raises(InputError, match=f"^{root} is gone \\(moved or deleted during the run\\): stopped; the 1 lines "
                                         "written by this run are kept"):
        run_batch(root, out, words=30, workers=1, progress=False)
    assert [r["id"] for r in read_out(out)] == ["a"] and "error" not in read_out(out)[0]
    put_back()
    stats = run_batch(root, out, words=30, workers=1, progress=False)
    assert (stats.skipped, stats.done, stats.failed) == (1, 2, 0)


def test_batch_out_on_a_read_only_place_says_so_without_lines_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """(opening --out failing said "0 lines written by this run are kept; rerun the same command to carry on")"""
    import builtins
    import errno

    from newsfuse.errors import InputError

    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, make_clusters(1))
    real_open = builtins.open

    def read_only(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(out) and "a" in mode:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", read_only)
    with pytest.raises(InputError, match=f"^cannot write {out}: Read-only file system$"):
        run_batch(src, out, words=30, workers=1, progress=False)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_batch_dir_names_pipes_sockets_and_devices_in_a_story_folder_and_never_opens_them(tmp_path: Path) -> None:
    """(they were passed over in silence, and a folder of only a pipe was "an empty directory")"""
    import socket

    root = tmp_path / "stories"
    (root / "a").mkdir(parents=True)
    (root / "a" / "1.txt").write_text("The council met on Monday. It approved the harbor budget.")
    os.mkfifo(root / "a" / "2.txt")
    (root / "a" / "3.txt").symlink_to("/dev/zero")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(root / "a" / "4.txt"))
        (root / "b").mkdir()
        os.mkfifo(root / "b" / "only.txt")
        out = tmp_path / "out.jsonl"
        start = time.monotonic()
        stats = run_batch(root, out, words=30, workers=1, progress=False)
    assert time.monotonic() - start < 30 and (stats.done, stats.failed) == (1, 1)
    a, b = read_out(out)
    assert a["summary"] and a["notes"] == [f"skipped: {root / 'a' / n} is not a regular file (a pipe, a socket or a "
                                           "device): not read" for n in ("2.txt", "3.txt", "4.txt")]
    assert b["error"] == f"{root / 'b' / 'only.txt'} is not a regular file (a pipe, a socket or a device): not read"


# --- a directory tree deeper than one level ---------------------------------------------------------------


def _copy_story(name: str, dest: Path) -> None:
    import shutil

    shutil.copytree(FIXTURES / name, dest)


def test_batch_dir_walks_shelves_of_years_and_ids_are_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder of years holding folders of stories gave one error line per year ("has no files (its subdirectories
    are not read)"). A folder of only subfolders is a shelf: each story's id is its path below IN, its brief the one
    `newsfuse summarize FOLDER` gives; Ray gets absolute paths; the CLI gives the same lines on two workers."""
    from newsfuse import batch

    root = tmp_path / "stories"
    _copy_story("millbrook", root / "2024" / "2024-05-14-millbrook")
    _copy_story("harlow-ridge", root / "2024" / "2024-11-02-harlow-ridge")
    _copy_story("tarn-quake", root / "2025" / "2025-01-09-tarn-quake")
    (root / "2025" / ".thumbnails").mkdir()
    (root / "2025" / "README.md").write_text("# 2025\n", encoding="utf-8")  # a shelf's README does not make a story
    out = tmp_path / "out.jsonl"
    stats = run_batch(root, out, words=40, workers=1, progress=False)
    ids = ["2024/2024-05-14-millbrook", "2024/2024-11-02-harlow-ridge", "2025/2025-01-09-tarn-quake"]
    assert (stats.total, stats.done, stats.failed, stats.unread) == (3, 3, 0, 0)
    recs = read_out(out)
    assert [r["id"] for r in recs] == ids
    for rec in recs:
        brief, notes = _summarize_folder(root / rec["id"], 40)
        assert rec["summary"] == brief["summary"] and rec["sentences"] == brief["sentences"]
        assert rec.get("notes", []) == notes
    shipped: list[Path] = []

    def fake_ray(chunks: Any, budget: Any, workers: int, emit: Any) -> None:
        for chunk in chunks:
            shipped.extend(docs for _, docs in chunk)
            emit([{"id": cid, "summary": "", "sentences": []} for cid, _ in chunk])

    monkeypatch.setattr(batch, "_run_ray", fake_ray)
    monkeypatch.chdir(tmp_path)
    run_batch(Path("stories"), tmp_path / "ray.jsonl", words=40, workers=2, progress=False, use_ray=True)
    assert shipped == [root / i for i in ids] and all(p.is_absolute() for p in shipped)
    r = subprocess.run([sys.executable, "-m", "newsfuse", "batch", str(root), "--out", str(tmp_path / "two.jsonl"),
                        "--words", "40", "--workers", "2", "-q"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stderr.startswith("newsfuse batch: 3 summarized, 0 failed, 0 skipped"), r.stderr
    assert sorted((x["id"], x["summary"]) for x in read_out(tmp_path / "two.jsonl")) == [
        (x["id"], x["summary"]) for x in recs]


def test_batch_dir_reads_a_duc_like_three_level_tree_and_depth_limits_it(tmp_path: Path) -> None:
    """corpus/duc2004/docs/d30001t/APW...: three shelves down to the docsets; --depth 2 stops at docs/, whose line
    says its subfolders are not read, and the run names what it did not read."""
    root = tmp_path / "corpus"
    _duc_docsets(root / "duc2004" / "docs")
    out = tmp_path / "out.jsonl"
    assert run_batch(root, out, bytes=665, workers=1, progress=False).done == 2
    recs = read_out(out)
    assert [r["id"] for r in recs] == ["duc2004/docs/d30001t", "duc2004/docs/d30002t"]
    for rec in recs:
        assert rec["summary"] == _summarize_folder(root / rec["id"], bytes=665)[0]["summary"]
    r = subprocess.run([sys.executable, "-m", "newsfuse", "batch", str(root), "--out", str(tmp_path / "d2.jsonl"),
                        "--bytes", "665", "--depth", "2", "--workers", "1", "-q"], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    assert read_out(tmp_path / "d2.jsonl") == [
        {"id": "duc2004/docs", "error": f"{root / 'duc2004' / 'docs'} has no files (its subdirectories are not read)"}]
    assert r.stderr.splitlines()[0] == "newsfuse batch: not read: duc2004/docs's 2 subfolders (deeper than --depth 2)"
    r = subprocess.run([sys.executable, "-m", "newsfuse", "batch", str(root), "--out", str(tmp_path / "d0.jsonl"),
                        "--depth", "0"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1 and "--depth" in r.stderr
    r = subprocess.run([sys.executable, "-m", "newsfuse", "batch", "--help"], capture_output=True, text=True, timeout=60)
    assert "--depth" in r.stdout and "shelf" in r.stdout


def test_batch_dir_a_folder_of_files_and_subfolders_is_a_story_and_its_subfolders_are_read(tmp_path: Path) -> None:
    """A TAC-like topic folder holding a description file and its docsets: the topic's own files are one story
    (as `newsfuse summarize TOPIC` reads them) and each docset is a story too, in depth-first order; a saved
    page's NAME_files folder and hidden folders inside a story are not stories."""
    root = tmp_path / "tac"
    topic = root / "D1001A"
    _copy_story("millbrook", topic)
    _copy_story("harlow-ridge", topic / "D1001A-A")
    _copy_story("marigold-ferry", topic / "D1001A-B")
    (topic / "02-valley-radio_files").mkdir()  # beside millbrook's 02-valley-radio.html
    (topic / "02-valley-radio_files" / "x.txt").write_text("body { color: red }", encoding="utf-8")
    (topic / ".git").mkdir()
    (topic / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    stats = run_batch(root, out, words=30, workers=1, progress=False)
    assert (stats.done, stats.failed) == (3, 0)
    recs = read_out(out)
    assert [r["id"] for r in recs] == ["D1001A", "D1001A/D1001A-A", "D1001A/D1001A-B"]
    assert recs[0]["summary"] == _summarize_folder(topic, 30)[0]["summary"]
    assert recs[2]["summary"] == _summarize_folder(topic / "D1001A-B", 30)[0]["summary"]


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="POSIX links")
def test_batch_dir_link_cycles_two_levels_down_end_and_are_named(tmp_path: Path) -> None:
    """Links deep in the tree that lead back up it (to a shelf, to IN, to a folder above IN), through a folder
    outside IN and back, or to themselves: the walk ends, reads each story once, and names the links it did not
    follow; a link to a story folder outside IN is followed."""
    root = tmp_path / "stories"
    _copy_story("millbrook", root / "2024" / "a")
    (root / "2024" / "a" / "up").symlink_to(root / "2024")
    (root / "2024" / "a" / "top").symlink_to(root)
    (root / "2024" / "a" / "above").symlink_to(tmp_path)
    (root / "2024" / "a" / "self").symlink_to(root / "2024" / "a" / "self")
    (root / "2024" / "shelf" / "inner").mkdir(parents=True)
    (root / "2024" / "shelf" / "inner" / "back").symlink_to(root / "2024" / "shelf")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "a.txt").write_text((FIXTURES / "millbrook" / "03-county-wire.txt").read_text(),
                                                encoding="utf-8")
    (tmp_path / "outside" / "round").symlink_to(root / "2024" / "b")
    (root / "2024" / "b").mkdir()
    (root / "2024" / "b" / "out").symlink_to(tmp_path / "outside")
    start = time.monotonic()
    stats = run_batch(root, tmp_path / "out.jsonl", words=30, workers=1, progress=False)
    assert time.monotonic() - start < 60
    recs = {r["id"]: r for r in read_out(tmp_path / "out.jsonl")}
    assert list(recs) == ["2024/a", "2024/b/out", "2024/shelf/inner"]
    assert "summary" in recs["2024/a"] and "summary" in recs["2024/b/out"]
    assert recs["2024/shelf/inner"]["error"].endswith("inner has no files (its subdirectories are not read)")
    assert (stats.done, stats.failed, stats.unread) == (2, 1, 5)
    assert stats.unread_note() == ("not read: 2024/a/above (a link back up the tree), 2024/a/top (a link back up the "
                                   "tree), 2024/a/up (a link back up the tree), and 2 more")


def test_batch_dir_nested_resumes_and_refuses_out_inside_a_shelf(tmp_path: Path) -> None:
    from newsfuse.errors import InputError

    root = tmp_path / "stories"
    for year, name in (("2024", "harlow-ridge"), ("2024", "millbrook"), ("2025", "marigold-ferry")):
        _copy_story(name, root / year / name)
    out = tmp_path / "out.jsonl"
    run_batch(root, out, words=30, workers=1, progress=False)
    whole = read_out(out)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text(lines[0] + lines[1][: len(lines[1]) // 2], encoding="utf-8")  # killed mid-write of the second
    stats = run_batch(root, out, words=30, workers=2, progress=False)
    assert (stats.skipped, stats.done, stats.total) == (1, 2, 3)
    assert sorted(read_out(out), key=lambda r: r["id"]) == [{**r, "seconds": ANY} for r in whole]
    assert [r["id"] for r in whole] == ["2024/harlow-ridge", "2024/millbrook", "2025/marigold-ferry"]
    with pytest.raises(InputError, match=r"--out .*2025/briefs.jsonl is inside the story folder .*/stories/2025: "):
        run_batch(root, root / "2025" / "briefs.jsonl", words=30, workers=1, progress=False)
    assert not (root / "2025" / "briefs.jsonl").exists()
    (root / "2025" / ".runs").mkdir()  # a hidden folder is not read: --out may live there
    assert run_batch(root, root / "2025" / ".runs" / "o.jsonl", words=30, workers=1, progress=False).done == 3


def test_batch_dir_nested_moved_away_mid_run_stops_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsfuse.errors import InputError

    root = tmp_path / "stories"
    for year in ("2024", "2025"):
        for name in ("a", "b"):
            (root / year / name).mkdir(parents=True)
            (root / year / name / "1.txt").write_text("The council met on Monday. It approved the harbor budget.")
    put_back = _move_away_after_the_first_chunk(monkeypatch, root)
    out = tmp_path / "out.jsonl"
    with pytest.raises(InputError, match=f"^{root} is gone \\(moved or deleted during the run\\): stopped; the 1 lines"):
        run_batch(root, out, words=30, workers=1, progress=False)
    assert [r["id"] for r in read_out(out)] == ["2024/a"]
    put_back()
    assert run_batch(root, out, words=30, workers=1, progress=False).done == 3


def test_batch_dir_walk_streams_a_tree_of_thousands_of_stories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first story of 40 shelves of 100 comes after listing a shelf, not the tree; no story is opened."""
    from newsfuse import batch

    root = tmp_path / "stories"
    for s in range(40):
        for i in range(100):
            (root / f"y{s:03d}" / f"s{i:03d}").mkdir(parents=True)
            (root / f"y{s:03d}" / f"s{i:03d}" / "1.txt").touch()
    monkeypatch.setattr("newsfuse.load.load_inputs", lambda *a, **k: pytest.fail("a story read by the listing"))
    listed: list[str] = []
    real = batch._list
    monkeypatch.setattr(batch, "_list", lambda folder, *a: listed.append(str(folder)) or real(folder, *a))
    walk = batch.walk_stories(root, batch.story_folders(root))
    assert next(walk) == ("y000", "s000") and len(listed) == 3  # IN, the first shelf, the first story
    t0 = time.perf_counter()
    rest = list(walk)
    assert time.perf_counter() - t0 < 10
    assert len(rest) == 3999 and rest[-1] == ("y039", "s099") and rest == sorted(rest)


def test_batch_dir_summarizes_a_story_beside_its_damaged_export_and_says_so(tmp_path: Path) -> None:
    """A story folder of good articles and a news API export cut short was one error line (the articles lost); its
    articles are summarized now, the export named in the line's notes (found by scripts/fuzz_inputs.py)."""
    story = tmp_path / "in" / "heron-lake"
    story.mkdir(parents=True)
    (story / "01-heron-lake-gazette.txt").write_text(
        "The Heron Lake footbridge reopened on Friday after three weeks of repairs, the parks department said. "
        "Crews replaced 40 rotten planks and a handrail that a fallen oak had bent in March.", encoding="utf-8")
    (story / "02-newsapi.json").write_text('{"status": "ok", "articles": [{"title": "Heron', encoding="utf-8")
    stats = run_batch(tmp_path / "in", tmp_path / "out.jsonl", words=30, workers=1, progress=False)
    [rec] = read_out(tmp_path / "out.jsonl")
    assert (stats.done, stats.failed) == (1, 0) and "footbridge reopened" in rec["summary"]
    assert [n for n in rec["notes"] if "02-newsapi.json is not valid JSON" in n], rec["notes"]


def test_batch_dir_a_story_folder_holding_a_file_of_two_clusters_says_what_batch_can_do(tmp_path: Path) -> None:
    """summarize asks for --cluster ID, an option batch has not: batch's line says to give the folder one
    cluster's file (the fuzz helper's finding)."""
    story = tmp_path / "in" / "two"
    story.mkdir(parents=True)
    (story / "clusters.jsonl").write_text(
        '{"id": "a", "documents": ["The ferry resumed service on Monday after the storm."]}\n'
        '{"id": "b", "documents": ["The library opened a second branch on Tuesday in the old mill."]}\n',
        encoding="utf-8")
    stats = run_batch(tmp_path / "in", tmp_path / "out.jsonl", words=30, workers=1, progress=False)
    [rec] = read_out(tmp_path / "out.jsonl")
    assert (stats.done, stats.failed) == (0, 1)
    assert "2 clusters in" in rec["error"] and "give the story folder one cluster's file" in rec["error"]
    assert "--cluster" not in rec["error"]

def test_a_line_says_when_figures_differ() -> None:
    """A brief that states a toll outlets give differently carries ``disputes`` in its line (and only then)."""
    from newsfuse.batch import summarize_one

    nine = {"text": "Nine people died when the ferry capsized off Garrow Point on Sunday, the harbor master said. "
                    "Divers searched the wreck through the night.", "source": "Garrow Post"}
    seven = {"text": "Seven people died when the ferry capsized off Garrow Point on Sunday, the coast guard said. "
                     "The ferry was carrying 40 passengers.", "source": "Coast Radio"}
    budget = {"words": 40, "sentences": None, "bytes": None}
    line = summarize_one("c1", [nine, seven], budget)
    assert [f["count"] for f in line["disputes"][0]["figures"]] in ([9, 7], [7, 9]), line
    seven["text"] = seven["text"].replace("Seven people died", "At least seven people died")
    assert "disputes" not in summarize_one("c2", [nine, seven], budget)
