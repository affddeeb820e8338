#!/usr/bin/env python3
"""`regpolicy watch` on loopback: whole-process times and peak memory (issue 14's speed targets).

usage: Benchmarks/watch.py REGPOLICY [RUNS]   (from the package root; a release build)

1. Ten unchanged sources (each answered 304): median wall time of a watch.
2. One changed AI Act-sized source (the AI Act OJ HTML, first version) onto a new repository,
   against `regpolicy run` of the same file into a new repository: medians.
3. A 64 MB body streamed to the cache (then refused: it is no act): peak RSS of the process.
"""
import json, os, resource, shutil, statistics, subprocess, sys, tempfile, time

rp = os.path.abspath(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 11
root = os.getcwd()
work = tempfile.mkdtemp(prefix="regpolicy-watch-bench-")
script = os.path.join(work, "script.json")
eprivacy = root + "/corpus/official/eprivacy/02002L0058-20060503_EN_consolidated.fmx.xml"
aiact = root + "/corpus/official/eu-ai-act/html/32024R1689_EN_OJ.html"
serve = {f"/s{i}": [{"file": eprivacy, "etag": f'"e{i}"'}] for i in range(10)}
serve["/aiact"] = [{"file": aiact, "etag": '"ai"'}]
serve["/big"] = [{"size": 64 << 20}]
json.dump(serve, open(script, "w"))
server = subprocess.Popen(["python3", root + "/Tests/Support/source_server.py", script], stdout=subprocess.PIPE)
port = int(server.stdout.readline())


def git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=b", "-c", "user.email=b@example.org", *args], cwd=cwd, check=True,
                   capture_output=True)


def repo(name, sources):
    path = os.path.join(work, name)
    git("init", "-q", path, cwd=work)
    with open(path + "/regpolicy.sources.yaml", "w") as f:
        f.write("sources:\n" + "".join(
            f"  - id: {i}\n    celex: {c}\n    url: http://127.0.0.1:{port}{p}\n" for i, c, p in sources))
    git("add", ".", cwd=path)
    git("commit", "-q", "-m", "sources", cwd=path)
    return path


def timed(args, cwd=root):
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, capture_output=True)
    return time.perf_counter() - start, done.returncode


try:
    # 3, measured first (RUSAGE_CHILDREN keeps the largest child so far): a 64 MB body, streamed
    # to the cache, then refused as no act; the peak RSS of that process.
    big = repo("big", [("big", "32002L0058", "/big")])
    done = subprocess.run([rp, "watch", "--repo", big, "--cache", os.path.join(work, "cachebig"),
                           "--max-bytes", str(80 << 20)], capture_output=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"64 MB body: exit {done.returncode}, peak RSS of the process {peak / 1024:.0f} MB "
          f"(target ≤ 128 MB)")
    # 1. Ten sources, locked: a first watch, the branches' locks merged into one on the main branch.
    ten = repo("ten", [(f"s{i}", "32002L0058", f"/s{i}") for i in range(10)])
    cache = os.path.join(work, "cache")
    subprocess.run([rp, "watch", "--repo", ten, "--cache", cache], capture_output=True)
    entries = []
    for i in range(10):
        lock = subprocess.run(["git", "show", f"regpolicy/s{i}-02002L0058-20060503:regpolicy.lock"], cwd=ten,
                              capture_output=True, text=True).stdout
        body = lock.split("sources:\n", 1)[1]
        entries.append(body)
    head = lock.split("sources:\n", 1)[0]
    with open(ten + "/regpolicy.lock", "w") as f:
        f.write(head + "sources:\n" + "".join(entries))
    git("add", ".", cwd=ten)
    git("commit", "-q", "-m", "lock", cwd=ten)
    times = []
    for _ in range(runs):
        seconds, status = timed([rp, "watch", "--repo", ten, "--cache", cache])
        assert status == 5, status
        times.append(seconds * 1000)
    print(f"watch, 10 unchanged sources (304 each): median {statistics.median(times):.1f} ms, "
          f"min {min(times):.1f} ms over {runs} runs (target 150 ms)")

    # 2. One changed AI Act-sized source against `run` of the same file.
    watch_times, run_times = [], []
    for k in range(max(3, runs // 2)):
        one = repo(f"one{k}", [("aiact", "32024R1689", "/aiact")])
        seconds, status = timed([rp, "watch", "--repo", one, "--cache", os.path.join(work, f"cache{k}")])
        assert status in (0, 6), status
        watch_times.append(seconds * 1000)
        plain = os.path.join(work, f"plain{k}")
        git("init", "-q", plain, cwd=work)
        seconds, status = timed([rp, "run", aiact, "--repo", plain])
        run_times.append(seconds * 1000)
    w, r = statistics.median(watch_times), statistics.median(run_times)
    print(f"one changed AI Act source → branch: watch {w:.0f} ms, run {r:.0f} ms, "
          f"difference {w - r:.0f} ms (target 100 ms)")

finally:
    server.kill()
    shutil.rmtree(work, ignore_errors=True)
