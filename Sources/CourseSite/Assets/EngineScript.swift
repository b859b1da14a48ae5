import BuiltInEngine

/// `engine.js`: ReplicaLab's engine compiled to WebAssembly (`scripts/build-wasm.sh`), gzipped and embedded as
/// base64, so it loads from `file://` without fetching anything, in a browser and under Node (`require` it, then
/// `await ReplicaLabEngine.ready`). It runs the code `replicalab run - --plain` runs (`ScriptRun` in
/// ScenarioLanguage): the same script and seed give the same bytes. The API is `globalThis.ReplicaLabEngine`:
///
/// - `ready`: a Promise, resolved once the module is compiled and has run a one-line script (rejected where
///   WebAssembly or DecompressionStream is missing);
/// - `run(scriptText, {seed, kafka}) → {exitCode, stdout, stderr}`;
/// - `steps(scriptText, {seed, kafka}) → {exitCode, diagnostics: [{line, column, severity, message}], steps: [{line,
///   text, output, expects: [{line, text, passed, actual}], state}]}` (see `ScriptRun.stepsJSON`);
/// - `judge(scriptText, firstGoalLine, {seed, kafka}) → {accepted, badInput, goals: [{line, text, passed, actual,
///   message, partition, explanation}]}`: an exercise's verdict, the lines from `firstGoalLine` (1-based) on being its
///   goals (see `ExerciseVerdict.json`: the verdict `replicalab exercise` and `check` give);
/// - `complete(text, offset, {seed, kafka}) → {from, to, candidates, usage}`: offsets are string indices (UTF-16), as
///   a textarea's `selectionStart`; a candidate replaces `text.slice(from, to)`;
/// - `help() → {groups: [{title, commands: [{name, usage, summary, example}]}], expectations: [{name, usage,
///   summary}]}`, generated from the command table.
///
/// The seed defaults to 1, as for `replicalab run`; `kafka` (`"4.0"`, a lesson's `kafka:`) is the release clusters behave
/// as unless their `cluster` line names one, the newest when absent. If the module ever traps (an engine bug), the call throws and a
/// fresh instance is made; `ready` is then a new Promise for it.
enum EngineScript {
    /// The file's name in the site.
    static let fileName = "engine.js"

    /// The script.
    static var javascript: String {
        prelude + "  var wasmGzipBase64 = \"" + BuiltInEngine.gzipBase64 + "\";\n" + body
    }

    private static let prelude = #"""
        // ReplicaLab's engine, compiled to WebAssembly from the Swift sources of Replication, Diagnostics and
        // ScenarioLanguage (scripts/build-wasm.sh), sources SHA-256 \#(BuiltInEngine.sourcesHash).
        // It runs what `replicalab run - --plain` runs: the same script and seed give the same bytes.
        // API: ReplicaLabEngine.ready, run(text, {seed, kafka}), steps(text, {seed, kafka}),
        // judge(text, firstGoalLine, {seed, kafka}), complete(text, offset, {seed, kafka}), help().
        (function (root) {
          "use strict";

        """#

    private static let body = #"""
          var encoder = new TextEncoder();
          var decoder = new TextDecoder("utf-8");
          var compiled = null;
          var exports = null;

          function bytesOfBase64(text) {
            if (typeof Buffer !== "undefined") return new Uint8Array(Buffer.from(text, "base64"));
            var binary = atob(text);
            var bytes = new Uint8Array(binary.length);
            for (var index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
            return bytes;
          }

          function gunzip(bytes) {
            if (typeof DecompressionStream === "undefined") {
              return Promise.reject(new Error("ReplicaLabEngine needs DecompressionStream (a current browser or Node 18+)"));
            }
            var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
            return new Response(stream).arrayBuffer();
          }

          // A fresh instance, warmed up by a one-line script: the engine's tables are made on first use, and that
          // belongs to getting ready, not to the first script a reader runs.
          function instantiate() {
            return WebAssembly.instantiate(compiled, {}).then(function (instance) {
              exports = instance.exports;
              api.run("cluster brokers=1\ntopic t partitions=1 replication-factor=1\nexpect leader t-0 == 0\n");
            });
          }

          function load() {
            if (typeof WebAssembly === "undefined") return Promise.reject(new Error("ReplicaLabEngine needs WebAssembly"));
            return gunzip(bytesOfBase64(wasmGzipBase64))
              .then(function (wasm) { return WebAssembly.compile(wasm); })
              .then(function (module) { compiled = module; return instantiate(); });
          }

          // Calls an export with the text's UTF-8 bytes (and more arguments); returns {code, texts}.
          function call(name, text, more) {
            if (!exports) throw new Error("ReplicaLabEngine is not ready: await ReplicaLabEngine.ready");
            var engine = exports;
            var bytes = encoder.encode(String(text));
            var input = engine.replicalab_alloc(bytes.length);
            new Uint8Array(engine.memory.buffer, input, bytes.length).set(bytes);
            var block;
            try {
              block = engine[name].apply(null, [input, bytes.length].concat(more));
            } catch (error) {
              // A trap leaves the instance in an unknown state: make a fresh one.
              exports = null;
              api.ready = instantiate();
              throw new Error("the engine stopped (" + error.message + "); it is being restarted");
            }
            var result = answer(engine, block);
            engine.replicalab_free(input);
            return result;
          }

          // Reads an answer block: u32 code, u32 n, n lengths, n UTF-8 texts.
          function answer(engine, block) {
            var view = new DataView(engine.memory.buffer);
            var code = view.getInt32(block, true);
            var count = view.getUint32(block + 4, true);
            var offset = block + 8 + 4 * count;
            var texts = [];
            for (var index = 0; index < count; index++) {
              var length = view.getUint32(block + 8 + 4 * index, true);
              texts.push(decoder.decode(new Uint8Array(engine.memory.buffer, offset, length)));
              offset += length;
            }
            engine.replicalab_free(block);
            return { code: code, texts: texts };
          }

          function seedOf(options) {
            var seed = options && options.seed !== undefined && options.seed !== null ? options.seed : 1;
            return BigInt.asUintN(64, BigInt(seed));
          }

          // `KafkaVersion.rawValue` of a release written "4.0" (0, the newest, when absent or unreadable).
          function kafkaOf(options) {
            var match = options && options.kafka ? /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(String(options.kafka)) : null;
            return match ? Number(match[1]) * 100 + Number(match[2]) : 0;
          }

          var api = {
            ready: null,
            run: function (scriptText, options) {
              var result = call("replicalab_run", scriptText, [seedOf(options), kafkaOf(options)]);
              return { exitCode: result.code, stdout: result.texts[0], stderr: result.texts[1] };
            },
            steps: function (scriptText, options) {
              return JSON.parse(call("replicalab_steps", scriptText, [seedOf(options), kafkaOf(options)]).texts[0]);
            },
            judge: function (scriptText, firstGoalLine, options) {
              var result = call("replicalab_judge", scriptText, [firstGoalLine, seedOf(options), kafkaOf(options)]);
              return JSON.parse(result.texts[0]);
            },
            complete: function (text, offset, options) {
              text = String(text);
              var cursor = Math.max(0, Math.min(text.length, offset === undefined ? text.length : offset));
              var bytes = encoder.encode(text.slice(0, cursor)).length;
              var result = JSON.parse(call("replicalab_complete", text, [bytes, seedOf(options), kafkaOf(options)]).texts[0]);
              var from = decoder.decode(encoder.encode(text).slice(0, result.from)).length;
              return { from: from, to: cursor, candidates: result.candidates, usage: result.usage };
            },
            help: function () {
              if (!exports) throw new Error("ReplicaLabEngine is not ready: await ReplicaLabEngine.ready");
              return JSON.parse(answer(exports, exports.replicalab_help()).texts[0]);
            }
          };
          api.ready = load();
          root.ReplicaLabEngine = api;
          if (typeof module !== "undefined" && module.exports) module.exports = api;
        })(typeof globalThis !== "undefined" ? globalThis : this);

        """#
}
