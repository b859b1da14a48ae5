/// `sandbox.js`: the sandboxes. On a lesson's page every scenario gets an editor holding its script (from the page's
/// source block; a scenario that `continues=` another runs that one's lines first, unseen), Run / Reset / Share, and
/// the run's steps compared with the verified ones the page shows; each step links to the playground started there.
/// An exercise's sandbox judges the reader's script with the exercise's goal lines appended. The playground starts
/// empty, from a shared script, or from a lesson's step (`scenarios.js`). The engine (`engine.js`, WebAssembly) is
/// loaded when a reader first opens a sandbox, not with the page. Without scripts nothing of this appears.
enum SandboxScript {
    static let javascript = #"""
        "use strict";
        // Sandboxes: every scenario of a lesson page, each exercise and the playground become editors whose scripts run on
        // the engine compiled to WebAssembly (engine.js, loaded when a reader first opens a sandbox). Without scripts, or
        // where the engine cannot load, the page shows what it shows without them.
        (function () {
          var enginePromise = null;
          var loadedEngine = null;
          var sandboxCount = 0;

          // The engine, loaded once: engine.js defines ReplicaLabEngine, whose `ready` settles when its WebAssembly runs.
          function engine() {
            if (enginePromise) return enginePromise;
            enginePromise = new Promise(function (resolve, reject) {
              function whenReady() {
                var found = window.ReplicaLabEngine;
                Promise.resolve(found.ready).then(function () { loadedEngine = found; resolve(found); }, reject);
              }
              if (window.ReplicaLabEngine) { whenReady(); return; }
              var tag = document.createElement("script");
              tag.src = "engine.js";
              tag.async = true;
              tag.onload = function () {
                if (window.ReplicaLabEngine) whenReady(); else reject(new Error("engine.js did not define the engine"));
              };
              tag.onerror = function () { reject(new Error("engine.js could not be loaded")); };
              document.head.appendChild(tag);
            });
            enginePromise.catch(function () { enginePromise = null; });
            return enginePromise;
          }

          // Scripts in addresses: base64url of their UTF-8 bytes, without padding.
          function encodeScript(text) {
            var bytes = new TextEncoder().encode(text);
            var binary = "";
            for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
            return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
          }
          function decodeScript(code) {
            try {
              var binary = atob(code.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((code.length + 3) % 4));
              var bytes = new Uint8Array(binary.length);
              for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
              return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
            } catch (error) {
              return null;
            }
          }

          function element(tag, className, text) {
            var node = document.createElement(tag);
            if (className) node.className = className;
            if (text !== undefined) node.textContent = text;
            return node;
          }
          function lines(text) { return text.split(/\r\n|\n|\r/); }
          function seedOption(seed) {
            var number = Number(seed);
            return Number.isSafeInteger(number) ? number : seed;
          }
          function same(a, b) {
            return String(a || "").replace(/[ \t]+$/gm, "").replace(/\n+$/, "") ===
              String(b || "").replace(/[ \t]+$/gm, "").replace(/\n+$/, "");
          }

          // One sandbox in `root`: an editor with line numbers, Run / Reset / Share, and the run's results.
          // options: script (the text to start with), seed, kafka (the release clusters behave as unless their `cluster`
          // line names one: the lesson's), prelude (lines run first: the scenarios this one continues),
          // verified (the verified steps to compare with), goals (an exercise's hidden expect lines), share (a function from
          // the encoded script to the address fragment), label, autorun.
          function Sandbox(root, options) {
            var id = "sandbox-" + (++sandboxCount);
            var prelude = options.prelude || [];
            var engineOptions = { seed: seedOption(options.seed), kafka: options.kafka || null };
            var original = options.original !== undefined ? options.original : options.script;
            root.setAttribute("data-sandbox", "");
            root.classList.add("sandbox");
            root.textContent = "";

            var label = element("label", "sandbox-label", options.label || "Script");
            label.htmlFor = id;
            var hint = element("span", "sandbox-hint", "Ctrl+Enter runs · Ctrl+Space completes · Tab leaves the editor");
            hint.id = id + "-hint";
            var head = element("div", "sandbox-head");
            head.appendChild(label);
            head.appendChild(hint);

            var frame = element("div", "editor");
            // The line numbers: out of the flow, so the editor alone sets the height, and moved as the editor scrolls.
            var gutter = element("div", "gutter");
            gutter.setAttribute("aria-hidden", "true");
            var numbers = element("div", "numbers");
            gutter.appendChild(numbers);
            var editor = element("textarea");
            editor.id = id;
            editor.setAttribute("data-editor", "");
            editor.setAttribute("aria-describedby", hint.id);
            editor.setAttribute("spellcheck", "false");
            editor.setAttribute("autocapitalize", "off");
            editor.setAttribute("autocomplete", "off");
            editor.setAttribute("autocorrect", "off");
            editor.setAttribute("wrap", "off");
            if (options.placeholder) editor.placeholder = options.placeholder;
            editor.value = options.script;
            frame.appendChild(gutter);
            frame.appendChild(editor);
            // What the engine would complete at the caret (as `play` does on Tab): the command's usage and the words that
            // fit, to tap on a phone; Ctrl+Space takes the only one, or moves to the first.
            var suggestions = element("div", "suggestions");
            suggestions.setAttribute("aria-label", "Completions");
            suggestions.hidden = true;

            var actions = element("div", "sandbox-actions");
            function button(action, text, glyph) {
              var b = element("button", null, text);
              if (glyph) {
                var mark = element("span", null, glyph + " ");
                mark.setAttribute("aria-hidden", "true");
                b.insertBefore(mark, b.firstChild);
              }
              b.type = "button";
              b.setAttribute("data-action", action);
              actions.appendChild(b);
              return b;
            }
            var runButton = button("run", "Run", "▶");
            button("reset", "Reset");
            button("share", "Share");
            var status = element("span", "sandbox-status");
            status.setAttribute("role", "status");
            actions.appendChild(status);
            var shareBox = element("input", "share-link");
            shareBox.readOnly = true;
            shareBox.hidden = true;
            shareBox.setAttribute("aria-label", "Link to this script");
            var output = element("div", "sandbox-output");
            output.setAttribute("data-output", "");

            root.appendChild(head);
            root.appendChild(frame);
            root.appendChild(suggestions);
            root.appendChild(actions);
            root.appendChild(shareBox);
            root.appendChild(output);

            var marks = {};
            var notes = {};
            function drawGutter() {
              var count = lines(editor.value).length;
              numbers.textContent = "";
              gutter.style.width = (String(count).length + 2.2) + "ch";
              for (var n = 1; n <= count; n++) {
                var number = element("span", marks[n] || null, String(n));
                if (marks[n] && notes[n]) number.title = notes[n];
                numbers.appendChild(number);
              }
              editor.rows = Math.min(Math.max(count + 1, 4), 24);
              follow();
            }
            editor.addEventListener("input", function () { marks = {}; drawGutter(); suggestSoon(); });
            editor.addEventListener("click", function () { suggestSoon(); });
            function follow() { numbers.style.transform = "translateY(" + -editor.scrollTop + "px)"; }
            editor.addEventListener("scroll", follow);
            editor.addEventListener("keydown", function (event) {
              // The stepper of the scenario around uses the arrow keys; in the editor they move the caret.
              event.stopPropagation();
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
              if (event.key === " " && event.ctrlKey) {
                event.preventDefault();
                var found = suggest();
                if (found && found.candidates.length === 1) take(found, found.candidates[0]);
                else if (suggestions.querySelector("button")) suggestions.querySelector("button").focus();
              }
              if (event.key === "Escape") suggestions.hidden = true;
            });
            suggestions.addEventListener("keydown", function (event) {
              event.stopPropagation();
              if (event.key === "Escape") { suggestions.hidden = true; editor.focus(); }
            });

            var suggestTimer = null;
            function suggestSoon() {
              clearTimeout(suggestTimer);
              suggestTimer = setTimeout(suggest, 150);
            }
            // The completions at the caret, shown under the editor (only once the engine is loaded: typing never loads it).
            function suggest() {
              if (!loadedEngine || !loadedEngine.complete) return null;
              var before = prelude.length ? prelude.join("\n") + "\n" : "";
              var found;
              try {
                found = loadedEngine.complete(before + editor.value, before.length + editor.selectionEnd, engineOptions);
              } catch (error) {
                return null;
              }
              var from = found.from - before.length, to = found.to - before.length;
              var typed = editor.value.slice(Math.max(from, 0), to);
              // A word already typed in full is not offered again.
              found = { from: from, to: to, usage: found.usage,
                candidates: (found.candidates || []).filter(function (c) { return c !== typed; }) };
              suggestions.textContent = "";
              if (found.usage) suggestions.appendChild(element("code", "usage", found.usage));
              found.candidates.slice(0, 12).forEach(function (candidate) {
                var b = element("button", null, candidate);
                b.type = "button";
                b.addEventListener("click", function () { take(found, candidate); });
                suggestions.appendChild(b);
              });
              suggestions.hidden = !suggestions.firstChild || found.from < 0;
              return found.from < 0 ? null : found;
            }
            function take(found, candidate) {
              var text = editor.value;
              // A whole word is followed by a space, as at a shell, so the next word's completions follow; `key=` is not.
              var rest = text.slice(found.to);
              var taken = candidate + (/=$/.test(candidate) || /^[ \t]/.test(rest) ? "" : " ");
              editor.value = text.slice(0, found.from) + taken + rest;
              var caret = found.from + taken.length;
              editor.focus();
              editor.setSelectionRange(caret, caret);
              marks = {};
              drawGutter();
              suggest();
            }
            drawGutter();
            // Reaching the editor loads the engine, so completion and the first run need not wait for it.
            root.addEventListener("focusin", function () { engine().catch(function () {}); });

            function goToLine(line) {
              var all = lines(editor.value);
              var start = 0;
              for (var i = 0; i < line - 1 && i < all.length; i++) start += all[i].length + 1;
              editor.focus();
              editor.setSelectionRange(start, start + (all[line - 1] || "").length);
              var height = editor.scrollHeight / Math.max(all.length, 1);
              editor.scrollTop = Math.max(0, (line - 3) * height);
            }
            function lineButton(line, text) {
              var b = element("button", "line-link", text || "line " + line);
              b.type = "button";
              b.addEventListener("click", function () { goToLine(line); });
              return b;
            }

            // Where a line of the script the engine ran is: in the scenarios run first, the editor, or the goals.
            function place(line) {
              var own = line - prelude.length;
              if (own < 1) return { where: "prelude", line: line };
              var count = lines(editor.value).length;
              if (own > count) return { where: "goal", line: own - count };
              return { where: "editor", line: own };
            }

            function run() {
              var text = editor.value;
              var script = prelude.concat(lines(text)).concat(options.goals || []).join("\n");
              runButton.disabled = true;
              status.textContent = "Running…";
              output.setAttribute("aria-busy", "true");
              engine().then(function (found) {
                // After a trap the engine makes a fresh instance; `ready` is then a new promise.
                return Promise.resolve(found.ready).then(function () { return found; });
              }).then(function (found) {
                return Promise.resolve(found.steps(script, engineOptions)).then(function (steps) {
                  return Promise.resolve(found.run(script, engineOptions)).then(function (transcript) {
                    show(steps, transcript, found, script);
                  });
                });
              }).catch(function (error) {
                output.textContent = "";
                output.appendChild(element("p", "sandbox-error",
                  "The engine could not run here (" + (error && error.message || error) + "). " +
                  "At a terminal, replicalab run - reads a script from standard input."));
                status.textContent = "Not run.";
              }).then(function () {
                runButton.disabled = false;
                output.removeAttribute("aria-busy");
              });
            }

            function checkItem(expect) {
              var item = element("li", expect.passed ? "pass" : "fail");
              var mark = element("span", null, expect.passed ? "✓" : "✗");
              mark.setAttribute("aria-hidden", "true");
              item.appendChild(mark);
              item.appendChild(document.createTextNode(" "));
              item.appendChild(element("code", null, expect.text));
              item.appendChild(document.createTextNode(" "));
              item.appendChild(element("span", "verdict", expect.passed ? "holds" : "fails (actual: " + expect.actual + ")"));
              return item;
            }

            // The first step where this run and the verified one differ: its line and why.
            function departure(steps) {
              var verified = options.verified;
              if (!verified) return null;
              for (var i = 0; i < Math.max(steps.length, verified.length); i++) {
                var mine = steps[i], theirs = verified[i];
                if (!theirs) return { line: mine.line, why: "the verified run has no step " + (i + 1) };
                if (!mine) return { line: null, why: "the verified run goes on with " + theirs.text };
                if (mine.text.trim() !== theirs.text.trim()) return { line: mine.line, why: "the verified run has " + theirs.text };
                if (!same(mine.output, theirs.output)) return { line: mine.line, why: "its output differs" };
                var checks = mine.expects.filter(function (e) { return place(e.line).where === "editor"; });
                if (checks.length !== theirs.checks.length) return { line: mine.line, why: "its checks differ" };
                for (var j = 0; j < checks.length; j++) {
                  var a = checks[j], b = theirs.checks[j];
                  if (a.text.trim() !== b.text.trim() || a.passed !== b.passed || (!a.passed && a.actual !== b.actual)) {
                    return { line: place(a.line).line, why: "the verified run " + (b.passed ? "has " + b.text + " hold" : "checks " + b.text) };
                  }
                }
              }
              return null;
            }

            function show(result, transcript, found, script) {
              output.textContent = "";
              marks = {};
              notes = {};
              var diagnostics = result.diagnostics || [];
              var allSteps = result.steps || [];
              var ownSteps = allSteps.filter(function (step) { return place(step.line).where === "editor"; })
                .map(function (step) { return Object.assign({}, step, { line: place(step.line).line }); });
              var expects = [];
              allSteps.forEach(function (step) { expects = expects.concat(step.expects || []); });
              var ownExpects = expects.filter(function (e) { return place(e.line).where === "editor"; });
              var failed = ownExpects.filter(function (e) { return !e.passed; }).length;
              // A failed expectation is also an error diagnostic; its step shows it (✗ and the actual value), so the list
              // keeps the other problems and the gutter marks every line.
              var failedLines = {};
              expects.forEach(function (e) { if (!e.passed) failedLines[e.line] = true; });
              var problems = diagnostics.filter(function (d) { return !(d.severity === "error" && failedLines[d.line]); });
              var errors = problems.filter(function (d) { return d.severity === "error"; }).length;

              var summary = element("p", "sandbox-summary");
              var words = [];
              if (errors) words.push(errors + (errors === 1 ? " error" : " errors"));
              words.push(ownSteps.length + (ownSteps.length === 1 ? " step" : " steps"));
              if (ownExpects.length) {
                words.push(failed ? "✗ " + failed + " of " + ownExpects.length + " expectations fail"
                  : "✓ " + ownExpects.length + (ownExpects.length === 1 ? " expectation holds" : " expectations hold"));
              }
              summary.textContent = words.join(" · ");
              output.appendChild(summary);

              if (options.goals) output.appendChild(verdict(found, script));

              diagnostics.forEach(function (d) {
                var at = place(d.line);
                if (at.where !== "editor" || !failedLines[d.line]) return;
                marks[at.line] = "error";
                notes[at.line] = (notes[at.line] ? notes[at.line] + "\n" : "") + d.severity + ": " + d.message;
              });
              if (problems.length) {
                var list = element("ul", "diagnostics");
                problems.forEach(function (d) {
                  var at = place(d.line);
                  var item = element("li", d.severity === "error" ? "error" : "note");
                  if (at.where === "editor") {
                    marks[at.line] = "error";
                    notes[at.line] = (notes[at.line] ? notes[at.line] + "\n" : "") + d.severity + ": " + d.message;
                    item.appendChild(lineButton(at.line, "line " + at.line + ", column " + d.column));
                  } else {
                    item.appendChild(document.createTextNode((at.where === "goal" ? "goal " : "earlier scenario, ") +
                      "line " + at.line));
                  }
                  item.appendChild(document.createTextNode(": " + d.severity + ": " + d.message));
                  list.appendChild(item);
                });
                output.appendChild(list);
              }

              // A script that did not parse has no steps to compare: its errors say where it went wrong.
              var departs = errors && !ownSteps.length ? null : departure(ownSteps);
              if (departs) {
                if (departs.line) {
                  marks[departs.line] = (marks[departs.line] ? marks[departs.line] + " " : "") + "departs";
                  notes[departs.line] = (notes[departs.line] ? notes[departs.line] + "\n" : "") + "departs: " + departs.why;
                }
                var note = element("p", "departs");
                note.appendChild(element("strong", null, "Your run departs from the verified one "));
                if (departs.line) {
                  note.appendChild(document.createTextNode("at "));
                  note.appendChild(lineButton(departs.line));
                } else {
                  note.appendChild(document.createTextNode("at the end"));
                }
                note.appendChild(document.createTextNode(": " + departs.why + "."));
                output.appendChild(note);
              } else if (options.verified && !errors) {
                output.appendChild(element("p", "matches", "Your run matches the verified one, step for step."));
              }

              var ol = element("ol", "sandbox-steps");
              var lastState = null;
              ownSteps.forEach(function (step) {
                var item = element("li", departs && departs.line === step.line ? "step departs" : "step");
                var title = element("p", "step-head");
                title.appendChild(lineButton(step.line));
                title.appendChild(document.createTextNode(" "));
                title.appendChild(element("code", "command", step.text));
                item.appendChild(title);
                if (step.output) item.appendChild(element("pre", "output", step.output.replace(/\n$/, "")));
                var checks = (step.expects || []).filter(function (e) { return place(e.line).where === "editor"; });
                if (checks.length) {
                  var ul = element("ul", "checks");
                  checks.forEach(function (e) { ul.appendChild(checkItem(e)); });
                  item.appendChild(ul);
                }
                if (step.state) {
                  // The broker table first; kafka-topics --describe and the groups (wide, long) one click away.
                  var at = step.state.indexOf("\n\n");
                  var brokers = at < 0 ? step.state : step.state.slice(0, at);
                  var rest = at < 0 ? "" : step.state.slice(at + 2);
                  var figure = element("figure", "state");
                  figure.appendChild(element("figcaption", null, step.state === lastState
                    ? "Brokers after line " + step.line + " (unchanged)" : "Brokers after line " + step.line));
                  figure.appendChild(element("pre", null, brokers));
                  if (rest) {
                    var more = element("details", "describe");
                    more.appendChild(element("summary", null, "kafka-topics --describe" +
                      (rest.indexOf("GROUP") >= 0 ? " and consumer groups" : "")));
                    more.appendChild(element("pre", null, rest));
                    figure.appendChild(more);
                  }
                  item.appendChild(figure);
                  lastState = step.state;
                }
                ol.appendChild(item);
              });
              if (ownSteps.length) output.appendChild(ol);

              if (transcript) {
                var full = element("details", "transcript");
                full.appendChild(element("summary", null, "Full transcript (exit code " + transcript.exitCode + ")"));
                full.appendChild(element("pre", null, (transcript.stdout || "") + (transcript.stderr || "")));
                output.appendChild(full);
              }
              drawGutter();
              status.textContent = "Done: the results are below.";
              if (options.afterRun) options.afterRun(ownSteps);
            }

            // An exercise's verdict, judged by the engine: the verdict `replicalab exercise` and `check` give
            // (ExerciseVerdict): accepted when the script runs and every goal holds on the state it leaves.
            function verdict(found, script) {
              var judged = found.judge(script, prelude.length + lines(editor.value).length + 1, engineOptions);
              var failing = judged.goals.filter(function (goal) { return !goal.passed; })[0];
              var box = element("p", "exercise-verdict");
              box.classList.add(judged.accepted ? "accepted" : "rejected");
              box.setAttribute("data-verdict", judged.accepted ? "accepted" : "rejected");
              if (judged.accepted) {
                box.textContent = "✓ Accepted: every goal holds.";
                return box;
              }
              if (judged.badInput || !failing) {
                box.textContent = "✗ Not yet: fix the errors first.";
                return box;
              }
              if (/^not checked/.test(failing.message)) {
                box.textContent = "✗ Not yet: the run stopped before the goals were checked.";
                return box;
              }
              box.appendChild(document.createTextNode("✗ Not yet: "));
              box.appendChild(element("code", null, failing.text));
              box.appendChild(document.createTextNode(
                failing.actual === null ? " does not hold (" + failing.message + ")." : " fails (actual: " + failing.actual + ")."));
              if (!failing.explanation) return box;
              // Why, in the engine's words: `explain` of the partition the goal is about, in the state the script left.
              var holder = element("div", "exercise-why");
              holder.appendChild(box);
              var details = element("details");
              details.appendChild(element("summary", null, "Why? (explain " + failing.partition + ")"));
              details.appendChild(element("pre", null, failing.explanation));
              holder.appendChild(details);
              return holder;
            }

            function reset() {
              editor.value = original;
              marks = {};
              drawGutter();
              output.textContent = "";
              status.textContent = "Back to the original script.";
              shareBox.hidden = true;
              // A shared script in the address would come back on reload: the address forgets it.
              var prefix = "#" + options.share("");
              if (location.hash.indexOf(prefix) === 0 && history.replaceState) {
                history.replaceState(null, "", location.pathname + location.search + (options.home ? "#" + options.home : ""));
              }
            }

            function share() {
              var fragment = options.share(encodeScript(editor.value));
              var address = location.href.split("#")[0] + "#" + fragment;
              if (history.replaceState) history.replaceState(null, "", "#" + fragment);
              shareBox.value = address;
              shareBox.hidden = false;
              shareBox.focus();
              shareBox.select();
              var copied = navigator.clipboard && navigator.clipboard.writeText
                ? navigator.clipboard.writeText(address) : Promise.reject(new Error("no clipboard"));
              copied.then(function () { status.textContent = "Link copied."; },
                function () { status.textContent = "Copy the link below."; });
            }

            actions.addEventListener("click", function (event) {
              var target = event.target.closest ? event.target.closest("[data-action]") : event.target;
              var action = target && target.getAttribute("data-action");
              if (action === "run") run();
              if (action === "reset") reset();
              if (action === "share") share();
            });

            this.root = root;
            this.editor = editor;
            this.run = run;
            this.setScript = function (text) { editor.value = text; marks = {}; drawGutter(); output.textContent = ""; };
            if (options.autorun) run();
          }

          // A scenario section's lines, as the page shows them in its source (without the line numbers).
          function sourceLines(section) {
            var code = section.querySelector("details.source pre code");
            if (!code) return null;
            var copy = code.cloneNode(true);
            Array.prototype.forEach.call(copy.querySelectorAll(".ln"), function (n) { n.remove(); });
            var text = copy.textContent.replace(/\n$/, "");
            return lines(text);
          }

          // The steps the page shows as verified, to compare a reader's run with.
          function verifiedSteps(section) {
            return Array.prototype.map.call(section.querySelectorAll("li.step"), function (step) {
              var command = step.querySelector(".command");
              var out = step.querySelector("pre.output");
              return {
                text: command ? command.textContent : "",
                output: out ? out.textContent : "",
                checks: Array.prototype.map.call(step.querySelectorAll("ul.checks > li"), function (check) {
                  var verdictText = (check.querySelector(".verdict") || {}).textContent || "";
                  var actual = /^fails \(actual: ([\s\S]*)\)$/.exec(verdictText);
                  return {
                    text: (check.querySelector("code") || {}).textContent || "",
                    passed: check.classList.contains("pass"),
                    actual: actual ? actual[1] : null,
                  };
                }),
              };
            });
          }

          // The lines of the scenarios a section continues (continues=, down the chain), earliest first.
          function preludeOf(section) {
            var chain = [];
            var seen = {};
            var next = section.getAttribute("data-continues");
            while (next && !seen[next]) {
              seen[next] = true;
              var earlier = document.getElementById(next);
              if (!earlier) break;
              chain = (sourceLines(earlier) || []).concat(chain);
              next = earlier.getAttribute("data-continues");
            }
            return chain;
          }

          // A shared script in the address: `#<section id>/script=<base64url>`.
          function sharedScript(key) {
            var hash = location.hash.slice(1);
            var prefix = key + "/script=";
            return hash.indexOf(prefix) === 0 ? decodeScript(hash.slice(prefix.length)) : null;
          }

          function setUpScenario(section, article) {
            var lineList = sourceLines(section);
            if (!lineList) return;
            var lesson = article.getAttribute("data-lesson");
            var reference = section.getAttribute("data-scenario");
            var details = element("details", "sandbox-details");
            var summary = element("summary", null, "Edit and run this scenario");
            var pencil = element("span", null, "✎ ");
            pencil.setAttribute("aria-hidden", "true");
            summary.insertBefore(pencil, summary.firstChild);
            details.appendChild(summary);
            var root = element("div");
            details.appendChild(root);
            var source = section.querySelector("details.source");
            source.parentNode.insertBefore(details, source.nextSibling);
            var shared = sharedScript(section.id);
            new Sandbox(root, {
              script: shared !== null ? shared : lineList.join("\n"),
              original: lineList.join("\n"),
              seed: article.getAttribute("data-seed"),
              kafka: article.getAttribute("data-kafka"),
              prelude: preludeOf(section),
              verified: verifiedSteps(section),
              share: function (code) { return section.id + "/script=" + code; },
              home: section.id,
              label: "Scenario " + reference + (section.getAttribute("data-continues") ? " (runs after the scenario it continues)" : ""),
            });
            details.addEventListener("toggle", function () { if (details.open) engine().catch(function () {}); });
            if (shared !== null) {
              details.open = true;
              details.scrollIntoView();
            }
            // Each step opens in the playground, started from there.
            Array.prototype.forEach.call(section.querySelectorAll("li.step"), function (step, index) {
              var body = step.querySelector("details") || step;
              var p = element("p", "play-link");
              var link = element("a", null, "Open in playground");
              link.href = "play.html#from=" + lesson + "/" + encodeURIComponent(reference) + "/step-" + (index + 1);
              p.appendChild(link);
              body.appendChild(p);
            });
          }

          function setUpExercise(section, article) {
            var root = section.querySelector("[data-sandbox]");
            if (!root) return;
            var given = root.querySelector("textarea, [data-script], pre code, pre");
            var script = given ? (given.value !== undefined && given.tagName === "TEXTAREA" ? given.value : given.textContent) : "";
            var goalsNode = section.querySelector("script[data-goals]");
            var goals = [];
            try {
              var parsed = JSON.parse(goalsNode ? goalsNode.textContent : "[]");
              goals = Array.isArray(parsed) ? parsed : (parsed.goals || parsed.lines || []);
            } catch (error) { goals = []; }
            var key = section.id || "exercise-" + section.getAttribute("data-exercise");
            var shared = sharedScript(key);
            new Sandbox(root, {
              script: shared !== null ? shared : script.replace(/\n$/, ""),
              original: script.replace(/\n$/, ""),
              seed: section.getAttribute("data-seed") || (article ? article.getAttribute("data-seed") : "1"),
              kafka: article ? article.getAttribute("data-kafka") : null,
              goals: goals,
              share: function (code) { return key + "/script=" + code; },
              home: key,
              label: "Your solution",
            });
            if (shared !== null) section.scrollIntoView();
          }

          // The playground: `#from=<lesson>/<scenario>[/step-<n>]` starts from a lesson's step, `#script=<base64url>` from
          // a shared script, anything else from nothing.
          function setUpPlayground(root) {
            var fallback = document.querySelector(".sandbox-needs-script");
            if (fallback) fallback.hidden = true;
            var params = {};
            location.hash.slice(1).split("&").forEach(function (pair) {
              var at = pair.indexOf("=");
              if (at > 0) params[pair.slice(0, at)] = pair.slice(at + 1);
            });
            var start = { script: "", seed: root.getAttribute("data-seed") || "1", kafka: null };
            var origin = element("p", "playground-origin");
            if (params.from !== undefined) {
              var found = resolveStart(decodeURIComponentSafe(params.from));
              if (found.error) {
                origin.classList.add("sandbox-error");
                origin.textContent = found.error;
              } else {
                start = found;
                origin.appendChild(document.createTextNode("Started from "));
                var back = element("a", null, found.description);
                back.href = found.href;
                origin.appendChild(back);
                origin.appendChild(document.createTextNode(": the state "));
                origin.appendChild(element("code", null, "replicalab play --from " + found.cli));
                origin.appendChild(document.createTextNode(" starts from. Add lines below and run them."));
              }
            } else if (params.script !== undefined) {
              var decoded = decodeScript(params.script);
              if (decoded === null) {
                origin.classList.add("sandbox-error");
                origin.textContent = "The link's script could not be read; it may have been cut short.";
              } else {
                start.script = decoded;
              }
              if (params.seed) start.seed = params.seed;
              if (params.kafka) start.kafka = decodeURIComponentSafe(params.kafka);
            }
            if (origin.firstChild) root.appendChild(origin);
            var now = element("div", "playground-now");
            var box = element("div");
            root.appendChild(now);
            root.appendChild(box);
            new Sandbox(box, {
              script: start.script,
              seed: start.seed,
              kafka: start.kafka,
              label: "Scenario script",
              placeholder: "cluster brokers=3\ntopic orders partitions=1 replication-factor=3\ncrash 1\nadvance 30s\ndescribe orders",
              share: function (code) {
                return "script=" + code + (String(start.seed) !== (root.getAttribute("data-seed") || "1") ? "&seed=" + start.seed : "") +
                  (start.kafka ? "&kafka=" + encodeURIComponent(start.kafka) : "");
              },
              autorun: !!start.script && params.from !== undefined,
              afterRun: function (steps) {
                now.textContent = "";
                var last = steps[steps.length - 1];
                if (!last || !last.state) return;
                var figure = element("figure", "state now");
                figure.appendChild(element("figcaption", null, "The cluster now (after line " + last.line + ")"));
                figure.appendChild(element("pre", null, last.state));
                now.appendChild(figure);
              },
            });
          }

          function decodeURIComponentSafe(text) {
            try { return decodeURIComponent(text); } catch (error) { return text; }
          }

          // `<lesson>/<scenario>[/step-<n>]` (as `play --from <lesson>#<scenario>[/step-<n>]` takes it) → the lines to
          // start from: the scenarios it continues, whole, then its own lines through step n and the checks after it.
          function resolveStart(from) {
            var lessons = window.REPLICALAB_SCENARIOS || [];
            var parts = from.split("/");
            var stepPart = parts.length > 2 ? parts.pop() : null;
            var lessonName = parts[0] || "", scenarioName = parts[1] || "";
            var lesson = lessons.filter(function (l) {
              return l.n === lessonName || Number(l.n) === Number(lessonName) && /^\d+$/.test(lessonName) ||
                l.s === lessonName || l.u === lessonName || l.u === lessonName + ".html";
            })[0];
            if (!lesson) {
              return { error: "There is no lesson " + lessonName + "; the lessons are " + lessons.map(function (l) { return l.n; }).join(", ") + "." };
            }
            var index = -1;
            lesson.c.forEach(function (s, i) {
              if (index < 0 && (s.m === scenarioName || s.a === scenarioName || "scenario-" + s.m === scenarioName)) index = i;
            });
            if (index < 0 && /^\d+$/.test(scenarioName) && lesson.c[Number(scenarioName) - 1]) index = Number(scenarioName) - 1;
            if (index < 0) {
              return {
                error: "Lesson " + lesson.n + " has no scenario " + scenarioName + "; it has " +
                  lesson.c.map(function (s, i) { return s.m || String(i + 1); }).join(", ") + ".",
              };
            }
            var scenario = lesson.c[index];
            var count = scenario.l.length;
            var step = null;
            if (stepPart !== null) {
              var match = /^step-(\d+)$/.exec(stepPart);
              step = match ? Number(match[1]) : 0;
              if (!step || step > scenario.e.length) {
                return { error: "Scenario " + (scenario.m || index + 1) + " has " + scenario.e.length + " steps; there is no " + stepPart + "." };
              }
              count = scenario.e[step - 1];
            }
            var script = [];
            scenario.p.forEach(function (earlier) { script = script.concat(lesson.c[earlier].l); });
            script = script.concat(scenario.l.slice(0, count));
            var name = scenario.m || String(index + 1);
            return {
              script: script.join("\n"),
              seed: lesson.seed,
              kafka: lesson.kafka,
              description: lesson.t + ", scenario " + name + (step ? ", after step " + step : ""),
              href: lesson.u + "#" + scenario.a + (step ? "/step-" + step : ""),
              cli: lesson.n + "#" + name + (step ? "/step-" + step : ""),
            };
          }

          document.addEventListener("DOMContentLoaded", function () {
            var article = document.querySelector("article[data-lesson]");
            if (article) {
              Array.prototype.forEach.call(article.querySelectorAll("section.scenario"), function (section) {
                setUpScenario(section, article);
              });
            }
            Array.prototype.forEach.call(document.querySelectorAll("section.exercise[data-exercise]"), function (section) {
              setUpExercise(section, article);
            });
            var playground = document.querySelector("[data-playground]");
            if (playground) {
              setUpPlayground(playground);
              // A new start typed into the address bar starts the playground again.
              window.addEventListener("hashchange", function () {
                if (/^#(from|script)=/.test(location.hash)) location.reload();
              });
            }
          });
        })();

        """#
}
