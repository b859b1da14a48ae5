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

RUNS = 10
SIZE_BUDGET = 1_500_000
TIME_BUDGET_MS = 50.0
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Runs every case once cold, then RUNS times warm; prints a JSON document.
HARNESS = """
(function (root) {
  function measure(engine, cases, runs) {
    var out = [];
    cases.forEach(function (c, index) {
      var start = performance.now();
      var result = engine.run(c.text, { seed: c.seed });
      var cold = performance.now() - start;
      var warm = [];
      for (var i = 0; i < runs; i++) {
        start = performance.now();
        engine.run(c.text, { seed: c.seed });
        warm.push(performance.now() - start);
      }
      out.push({ name: c.name, exitCode: result.exitCode, cold: cold, warm: warm });
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
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        return None, None
    work = tempfile.mkdtemp()
    try:
        shutil.copy(engine, os.path.join(work, "engine.js"))
        page = """<!DOCTYPE html><meta charset="utf-8"><title>engine</title><pre id="out">waiting</pre>
<script>var loadStart = performance.now();</script>
<script src="engine.js"></script>
<script>%s
var cases = %s;
ReplicaLabEngine.ready.then(function () {
  var load = performance.now() - loadStart;
  document.getElementById("out").textContent = "RESULT" + JSON.stringify({ load: load, cases: measureEngine(ReplicaLabEngine, cases, %d) }) + "END";
}, function (error) { document.getElementById("out").textContent = "RESULT" + JSON.stringify({ error: String(error) }) + "END"; });
</script>""" % (HARNESS, json.dumps(cases).replace("</", "<\\/"), RUNS)
        with open(os.path.join(work, "index.html"), "w") as out:
            out.write(page)
        profile = os.path.join(work, "profile")
        result = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                 f"--user-data-dir={profile}", "--virtual-time-budget=120000", "--dump-dom",
                                 "file://" + os.path.join(work, "index.html")], capture_output=True, text=True,
                                timeout=600)
        match = re.search(r"RESULT(.*?)END", result.stdout, re.S)
        if not match:
            raise SystemExit("chromium gave no result:\n" + result.stdout[-2000:] + result.stderr[-2000:])
        text = match.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        version = subprocess.run([browser, "--version"], capture_output=True, text=True).stdout.strip()
        return json.loads(text), version
    finally:
        shutil.rmtree(work)


def summary(measured):
    cases = measured["cases"]
    colds = [c["cold"] for c in cases]
    warms = [statistics.median(c["warm"]) for c in cases]
    worst = max(cases, key=lambda c: max(c["cold"], statistics.median(c["warm"])))
    return {
        "load_ms": round(measured["load"], 1),
        "cold_ms": {"median": round(statistics.median(colds), 2), "max": round(max(colds), 2)},
        "warm_ms": {"median": round(statistics.median(warms), 2), "max": round(max(warms), 2)},
        "slowest": worst["name"],
        "within_budget": max(colds + warms) < TIME_BUDGET_MS,
        "per_scenario": {c["name"]: {"cold": round(c["cold"], 2), "warm": round(statistics.median(c["warm"]), 2)}
                         for c in cases},
    }


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
    with open(os.path.join(out, "engine.md"), "w") as file:
        file.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
