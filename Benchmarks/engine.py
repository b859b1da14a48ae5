#!/usr/bin/env python3
"""Measures the WebAssembly engine (Site/engine.js): its size, and how long each lesson scenario takes to run in
Node and in headless Chromium loading a page from file://.

  Benchmarks/engine.py [SITE]      SITE defaults to Site; writes Benchmarks/results/engine.json and engine.md

Per scenario: cold is the first run of a fresh engine (the page or process just loaded; the module compiled once
`ReplicaLabEngine.ready` resolved, which is measured apart as load), warm is the median of the next RUNS runs.
Budgets: engine.js under 1.5 MB, every lesson scenario under 50 ms (cold and warm) in both.
"""
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 10
SIZE_BUDGET = 1_500_000
TIME_BUDGET_MS = 50.0
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Runs every case once cold, then RUNS times warm; prints a JSON document.
HARNESS = """
(function (root) {
  function measure(engine, cases, runs) {
    var out = [];
    // CPU time where the runtime tells it (Node): on a machine shared with other work it is what the run cost.
    var cpu = typeof process !== "undefined" && process.cpuUsage ? function () {
      var used = process.cpuUsage();
      return (used.user + used.system) / 1000;
    } : null;
    cases.forEach(function (c, index) {
      var start = performance.now(), startCPU = cpu && cpu();
      var result = engine.run(c.text, { seed: c.seed });
      var cold = performance.now() - start, coldCPU = cpu && cpu() - startCPU;
      var warm = [], warmCPU = [];
      for (var i = 0; i < runs; i++) {
        start = performance.now();
        startCPU = cpu && cpu();
        engine.run(c.text, { seed: c.seed });
        warm.push(performance.now() - start);
        if (cpu) warmCPU.push(cpu() - startCPU);
      }
      out.push({ name: c.name, exitCode: result.exitCode, cold: cold, warm: warm, coldCPU: coldCPU, warmCPU: warmCPU });
    });
    return out;
  }
  root.measureEngine = measure;
})(typeof globalThis !== "undefined" ? globalThis : this);
"""


def scenarios():
    """Every scenario block of Lessons/, with the lesson's seed."""
    cases = []
    for name in sorted(os.listdir(os.path.join(ROOT, "Lessons"))):
        if not name.endswith(".md"):
            continue
        text = open(os.path.join(ROOT, "Lessons", name), encoding="utf-8").read()
        seed = re.search(r"^seed:\s*(\d+)", text, re.M)
        blocks = re.findall(r"^```scenario[^\n]*\n(.*?)^```", text, re.M | re.S)
        for index, block in enumerate(blocks):
            cases.append({"name": f"{name[:2]}#{index + 1}", "text": block, "seed": int(seed.group(1)) if seed else 1})
    return cases


def node(engine, cases):
    work = tempfile.mkdtemp()
    try:
        with open(os.path.join(work, "cases.json"), "w") as out:
            json.dump(cases, out)
        script = HARNESS + """
var start = performance.now();
var engine = require(process.argv[2]);
engine.ready.then(function () {
  var load = performance.now() - start;
  var cases = JSON.parse(require("fs").readFileSync(process.argv[3], "utf8"));
  console.log(JSON.stringify({ load: load, cases: measureEngine(engine, cases, %d) }));
});
""" % RUNS
        with open(os.path.join(work, "run.js"), "w") as out:
            out.write(script)
        result = subprocess.run(["node", os.path.join(work, "run.js"), os.path.abspath(engine),
                                 os.path.join(work, "cases.json")], capture_output=True, text=True, check=True)
        return json.loads(result.stdout), subprocess.run(["node", "--version"], capture_output=True,
                                                          text=True).stdout.strip()
    finally:
        shutil.rmtree(work)


def chromium(engine, cases):
    """Loads a page from file:// that loads engine.js with a script tag, and reads the measurements back over the
    DevTools protocol (--remote-debugging-pipe): --dump-dom would need --virtual-time-budget to wait for them, and
    virtual time stops performance.now() while a script runs."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        return None, None
    work = tempfile.mkdtemp()
    try:
        shutil.copy(engine, os.path.join(work, "engine.js"))
        page = """<!DOCTYPE html><meta charset="utf-8"><title>engine</title>
<script>var loadStart = performance.now();</script>
<script src="engine.js"></script>
<script>%s
var cases = %s;
window.measured = ReplicaLabEngine.ready.then(function () {
  var load = performance.now() - loadStart;
  return JSON.stringify({ load: load, cases: measureEngine(ReplicaLabEngine, cases, %d) });
});
</script>""" % (HARNESS, json.dumps(cases).replace("</", "<\\/"), RUNS)
        with open(os.path.join(work, "index.html"), "w") as out:
            out.write(page)
        to_browser_read, to_browser_write = os.pipe()
        from_browser_read, from_browser_write = os.pipe()
        # The browser reads commands from its fd 3 and writes answers to its fd 4.
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                   f"--user-data-dir={os.path.join(work, 'profile')}", "--remote-debugging-pipe",
                   "file://" + os.path.join(work, "index.html")]
        # The shell puts the pipes at the browser's fds 3 and 4, then becomes the browser.
        process = subprocess.Popen(
            ["bash", "-c", f'exec "$@" 3<&{to_browser_read} 4>&{from_browser_write}', "bash"] + command,
            pass_fds=(to_browser_read, from_browser_write), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        buffered = b""

        def send(message):
            os.write(to_browser_write, json.dumps(message).encode() + b"\0")

        def answer(id):
            nonlocal buffered
            while True:
                while b"\0" in buffered:
                    raw, buffered = buffered.split(b"\0", 1)
                    message = json.loads(raw)
                    if message.get("id") == id:
                        return message
                chunk = os.read(from_browser_read, 1 << 16)
                if not chunk:
                    raise SystemExit("chromium closed the DevTools pipe")
                buffered += chunk

        try:
            send({"id": 1, "method": "Browser.getVersion"})
            version = answer(1)["result"]["product"]
            target = None
            for attempt in range(100):
                send({"id": 2 + attempt, "method": "Target.getTargets"})
                pages = [t for t in answer(2 + attempt)["result"]["targetInfos"]
                         if t["type"] == "page" and t["url"].startswith("file://")]
                if pages:
                    target = pages[0]["targetId"]
                    break
                time.sleep(0.1)
            send({"id": 200, "method": "Target.attachToTarget", "params": {"targetId": target, "flatten": True}})
            session = answer(200)["result"]["sessionId"]
            for attempt in range(600):
                send({"id": 300 + attempt, "sessionId": session, "method": "Runtime.evaluate",
                      "params": {"expression": "window.measured", "awaitPromise": True, "returnByValue": True}})
                result = answer(300 + attempt)["result"]["result"]
                if result.get("type") == "string":
                    return json.loads(result["value"]), version
                time.sleep(0.1)
            raise SystemExit("chromium gave no result")
        finally:
            process.kill()
            process.wait()
    finally:
        shutil.rmtree(work)


def summary(measured):
    cases = measured["cases"]
    colds = [c["cold"] for c in cases]
    warms = [statistics.median(c["warm"]) for c in cases]
    worst = max(cases, key=lambda c: max(c["cold"], statistics.median(c["warm"])))
    result = {
        "load_ms": round(measured["load"], 1),
        "cold_ms": {"median": round(statistics.median(colds), 2), "max": round(max(colds), 2)},
        "warm_ms": {"median": round(statistics.median(warms), 2), "max": round(max(warms), 2)},
        "slowest": worst["name"],
        "within_budget": max(colds + warms) < TIME_BUDGET_MS,
        "per_scenario": {c["name"]: {"cold": round(c["cold"], 2), "warm": round(statistics.median(c["warm"]), 2)}
                         for c in cases},
    }
    if cases[0].get("warmCPU"):
        cold_cpu = [c["coldCPU"] for c in cases]
        warm_cpu = [statistics.median(c["warmCPU"]) for c in cases]
        result["cpu_cold_ms"] = {"median": round(statistics.median(cold_cpu), 2), "max": round(max(cold_cpu), 2)}
        result["cpu_warm_ms"] = {"median": round(statistics.median(warm_cpu), 2), "max": round(max(warm_cpu), 2)}
        result["cpu_within_budget"] = max(cold_cpu + warm_cpu) < TIME_BUDGET_MS
    return result


def main():
    site = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Site")
    engine = os.path.join(site, "engine.js")
    cases = scenarios()
    size = os.path.getsize(engine)
    node_result, node_version = node(engine, cases)
    browser_result, browser_version = chromium(engine, cases)
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    results = {
        "machine": f"{os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.machine()}",
        "command": "Benchmarks/engine.py",
        "runs_per_scenario": {"cold": 1, "warm": RUNS},
        "scenarios": len(cases),
        "engine_js_bytes": size,
        "engine_js_within_budget": size < SIZE_BUDGET,
        "node": dict(version=node_version, **summary(node_result)),
    }
    if browser_result is not None and "error" not in browser_result:
        results["chromium"] = dict(version=browser_version, **summary(browser_result))
    out = os.path.join(ROOT, "Benchmarks", "results")
    with open(os.path.join(out, "engine.json"), "w") as file:
        json.dump(results, file, indent=2, sort_keys=True)
        file.write("\n")
    lines = [
        "# The WebAssembly engine (Site/engine.js)", "",
        f"Machine: {results['machine']}. Command: `Benchmarks/engine.py`. {len(cases)} lesson scenarios; cold = the",
        f"first run after the engine loaded, warm = median of the next {RUNS} runs. Budgets: engine.js < 1.5 MB,",
        f"every scenario < {TIME_BUDGET_MS:.0f} ms.", "",
        f"engine.js: {size:,} bytes ({'within' if size < SIZE_BUDGET else 'OVER'} budget)", "",
        "| runtime | load (ms) | cold median / max (ms) | warm median / max (ms) | slowest | within budget |",
        "|---|---|---|---|---|---|",
    ]
    for key in ("node", "chromium"):
        if key in results:
            r = results[key]
            lines.append(f"| {r['version']} | {r['load_ms']} | {r['cold_ms']['median']} / {r['cold_ms']['max']} | "
                         f"{r['warm_ms']['median']} / {r['warm_ms']['max']} | {r['slowest']} | "
                         f"{'yes' if r['within_budget'] else 'NO'} |")
    if "cpu_warm_ms" in results["node"]:
        r = results["node"]
        lines += ["", f"Node, CPU time (what a run costs, whatever else the machine runs): cold median / max "
                      f"{r['cpu_cold_ms']['median']} / {r['cpu_cold_ms']['max']} ms, warm median / max "
                      f"{r['cpu_warm_ms']['median']} / {r['cpu_warm_ms']['max']} ms "
                      f"({'within' if r['cpu_within_budget'] else 'OVER'} budget)."]
    load = os.getloadavg()[0]
    results["load_average"] = round(load, 1)
    lines += ["", f"Load average when measured: {load:.1f} (the machine is shared; wall times grow with it)."]
    with open(os.path.join(out, "engine.json"), "w") as file:
        json.dump(results, file, indent=2, sort_keys=True)
        file.write("\n")
    with open(os.path.join(out, "engine.md"), "w") as file:
        file.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
