#!/usr/bin/env python3
"""Language server latency: how long after a change the diagnostics arrive, as an editor sees it.

Builds ReplicaLab in release mode, starts `replicalab lsp` on a copy of Lessons/, opens the longest lesson (the
most lines), and measures
  - cold: from starting the process to the first diagnostics of the opened lesson (the server verifies the lesson
    and, for links between lessons, every other lesson of the folder), and
  - warm: for every scenario of the lesson in turn, over several rounds, from sending a change inside that scenario
    (a comment appended to its first line, so the scenario and every scenario that continues it run again) to
    receiving the diagnostics of that version,
with the default debounce (20 ms: publishing waits until the lesson has been still that long) and with none (the
analysis alone). Writes Benchmarks/results/lsp.md and lsp.json; the goal is diagnostics in under 100 ms.

    python3 Benchmarks/lsp.py [--rounds 10]
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "Benchmarks", "results")


class Client:
    """A minimal LSP client over the server's standard input and output."""

    def __init__(self, executable, debounce, cwd):
        self.started = time.perf_counter()
        self.process = subprocess.Popen([executable, "lsp", "--debounce", str(debounce)], cwd=cwd,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 1

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        headers = b""
        while not headers.endswith(b"\r\n\r\n"):
            byte = self.process.stdout.read(1)
            if not byte:
                raise SystemExit("the server exited")
            headers += byte
        length = int(headers.split(b"Content-Length:")[1].split(b"\r\n")[0])
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        ident = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == ident:
                return message

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri, version):
        while True:
            message = self.receive()
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri \
                    and params.get("version") == version:
                return params["diagnostics"]

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.process.wait(timeout=30)


def scenario_first_lines(text):
    """The 0-based line of each scenario's first content line, with the scenario's name."""
    lines = text.split("\n")
    found = []
    for index, line in enumerate(lines):
        if line.startswith("```scenario"):
            words = line.split()
            found.append((index + 1, words[1] if len(words) > 1 else f"#{len(found) + 1}"))
    return found, lines


def session(executable, lessons, lesson, debounce, rounds):
    path = os.path.join(lessons, lesson)
    uri = "file://" + path
    text = open(path, encoding="utf-8").read()
    client = Client(executable, debounce, os.path.dirname(lessons))
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    client.notify("initialized", {})
    client.notify("textDocument/didOpen",
                  {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    first = client.diagnostics(uri, 1)
    cold = time.perf_counter() - client.started
    if first:
        raise SystemExit(f"{lesson} does not verify: {first}")
    scenarios, lines = scenario_first_lines(text)
    version = 1
    latencies = {name: [] for _, name in scenarios}
    for round_number in range(rounds):
        for line, name in scenarios:
            version += 1
            edit = f"  # edit {round_number}"
            # Appending a comment changes the scenario's text (it runs again) but not what it does.
            character = len(lines[line].encode("utf-16-le")) // 2
            start = time.perf_counter()
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": line, "character": character},
                                              "end": {"line": line, "character": character}}, "text": edit}]})
            diagnostics = client.diagnostics(uri, version)
            latencies[name].append(time.perf_counter() - start)
            if diagnostics:
                raise SystemExit(f"unexpected diagnostics after editing {name}: {diagnostics}")
            lines[line] += edit
    client.close()
    every = [value for values in latencies.values() for value in values]
    return {
        "debounceMs": debounce, "coldSeconds": cold, "edits": len(every),
        "medianMs": statistics.median(every) * 1000, "p90Ms": sorted(every)[int(len(every) * 0.9)] * 1000,
        "maxMs": max(every) * 1000,
        "perScenario": {name: {"medianMs": statistics.median(values) * 1000, "maxMs": max(values) * 1000}
                        for name, values in latencies.items()},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=10)
    options = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "replicalab"], cwd=ROOT, check=True)
    executable = os.path.join(ROOT, ".build", "release", "replicalab")
    work = tempfile.mkdtemp(prefix="replicalab-lsp-bench-")
    try:
        lessons = os.path.join(work, "Lessons")
        shutil.copytree(os.path.join(ROOT, "Lessons"), lessons)
        names = sorted(name for name in os.listdir(lessons) if name.endswith(".md"))
        lesson = max(names, key=lambda name: open(os.path.join(lessons, name), encoding="utf-8").read().count("\n"))
        runs = [session(executable, lessons, lesson, debounce, options.rounds) for debounce in (20, 0)]
    finally:
        shutil.rmtree(work)
    machine = f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    result = {"lesson": lesson, "rounds": options.rounds, "machine": machine, "runs": runs}
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "lsp.json"), "w") as out:
        json.dump(result, out, indent=2, sort_keys=True)
        out.write("\n")
    rows = ["| debounce | edits | median | p90 | max | cold start to first diagnostics |", "|---:|---:|---:|---:|---:|---:|"]
    for run in runs:
        rows.append(f"| {run['debounceMs']} ms | {run['edits']} | {run['medianMs']:.1f} ms | {run['p90Ms']:.1f} ms "
                    f"| {run['maxMs']:.1f} ms | {run['coldSeconds'] * 1000:.0f} ms |")
    scenarios = ["| scenario | median (debounce 0) | max (debounce 0) |", "|---|---:|---:|"]
    for name, values in runs[1]["perScenario"].items():
        scenarios.append(f"| {name} | {values['medianMs']:.1f} ms | {values['maxMs']:.1f} ms |")
    goal = "met" if runs[0]["maxMs"] < 100 else "missed"
    text = "\n".join([
        "# Language server latency", "",
        f"`Benchmarks/lsp.py`, release build, {machine}. The longest lesson, `{lesson}`: each of its scenarios edited "
        f"in turn, {options.rounds} rounds; time from sending the change to receiving the diagnostics of that "
        "version, as the editor sees it.", "",
        *rows, "",
        f"Goal, diagnostics in under 100 ms after a change (default debounce, every edit): **{goal}**.", "",
        *scenarios, "",
    ])
    with open(os.path.join(RESULTS, "lsp.md"), "w") as out:
        out.write(text)
    print(text)


if __name__ == "__main__":
    main()
