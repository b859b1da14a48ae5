/// The site's script: the course contents in the sidebar (from `toc.js`), the scenario stepper (which also shows an
/// unchanged step the last picture), opening the legend from its links, and the search box. Each is a function of its
/// own that finds its elements and does nothing when they are missing; without the script every step is on the page
/// with its picture where the cluster changed, and the sidebar links to the course index.
enum Script {
    static let javascript = #"""
        "use strict";
        (function () {
          var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

          // Percent-decoded text. Text that is not valid percent-encoding (a hash `#%`) is taken as written: it must
          // not stop this and every later part of the script.
          function decoded(text) {
            try { return decodeURIComponent(text); } catch (error) { return text; }
          }

          function setUpContents() {
            var lessons = window.REPLICALAB_TOC;
            var fallback = document.querySelector("#course-contents .toc-fallback");
            if (!lessons || !fallback) return;
            var here = decoded(location.pathname.split("/").pop());
            var list = document.createElement("ol");
            list.className = "toc";
            lessons.forEach(function (lesson) {
              var item = document.createElement("li");
              var link = document.createElement("a");
              link.href = lesson.u;
              link.textContent = lesson.t;
              if (lesson.u === here) link.setAttribute("aria-current", "page");
              var mark = document.createElement("span");
              mark.className = lesson.v ? "toc-mark" : "toc-mark bad";
              mark.setAttribute("aria-label", lesson.v ? "verified" : "not verified");
              mark.textContent = lesson.v ? "✓" : "✗";
              item.appendChild(link);
              item.appendChild(document.createTextNode(" "));
              item.appendChild(mark);
              list.appendChild(item);
            });
            fallback.parentNode.replaceChild(list, fallback);
          }

          function setUpStepper(section) {
            var steps = Array.prototype.slice.call(section.querySelectorAll("li.step"));
            var controls = section.querySelector(".stepper");
            if (steps.length < 2 || !controls) return;
            var status = controls.querySelector(".step-status");
            var playButton = controls.querySelector("[data-action=play]");
            var current = 0;
            var timer = null;
            section.classList.add("stepping");
            controls.hidden = false;

            // A step whose cluster looks as after an earlier one shows that step's picture (a copy, marked as
            // carried over: nothing in it is highlighted, since nothing changed).
            function carryPicture(step) {
              var note = step.querySelector(".same-picture");
              if (!note || step.querySelector(".diagram")) return;
              var link = note.querySelector("a");
              var source = link && document.getElementById(decoded(link.hash.slice(1)));
              var picture = source && source.querySelector(".diagram");
              if (!picture) return;
              var copy = picture.cloneNode(true);
              copy.classList.add("carried");
              note.parentNode.insertBefore(copy, note);
            }

            function show(index, announce) {
              current = Math.max(0, Math.min(steps.length - 1, index));
              carryPicture(steps[current]);
              steps.forEach(function (step, i) {
                step.hidden = i !== current;
                var details = step.querySelector("details");
                if (details) details.open = true;
              });
              var command = steps[current].querySelector(".command");
              status.textContent = "Step " + (current + 1) + " of " + steps.length +
                (command ? ": " + command.textContent : "");
              controls.querySelector("[data-action=prev]").disabled = current === 0;
              controls.querySelector("[data-action=next]").disabled = current === steps.length - 1;
              if (announce && history.replaceState) history.replaceState(null, "", "#" + steps[current].id);
            }

            function stop() {
              if (timer) clearInterval(timer);
              timer = null;
              playButton.setAttribute("aria-pressed", "false");
              playButton.textContent = "▶ Play";
            }

            controls.addEventListener("click", function (event) {
              var action = event.target.getAttribute("data-action");
              if (action === "prev") { stop(); show(current - 1, true); }
              if (action === "next") { stop(); show(current + 1, true); }
              if (action === "play") {
                if (timer) { stop(); return; }
                if (current === steps.length - 1) show(0, true);
                playButton.setAttribute("aria-pressed", "true");
                playButton.textContent = "❚❚ Pause";
                timer = setInterval(function () {
                  if (current >= steps.length - 1) { stop(); return; }
                  show(current + 1, true);
                }, reduceMotion ? 4000 : 2000);
              }
            });
            section.addEventListener("keydown", function (event) {
              if (event.target.tagName === "INPUT") return;
              if (event.key === "ArrowRight") { stop(); show(current + 1, true); event.preventDefault(); }
              if (event.key === "ArrowLeft") { stop(); show(current - 1, true); event.preventDefault(); }
            });
            function stepOfAddress() {
              var target = decoded(location.hash.slice(1));
              return steps.findIndex(function (step) { return step.id === target; });
            }
            // A link to a step (from the prose, another step, or the address bar) shows that step.
            window.addEventListener("hashchange", function () {
              var index = stepOfAddress();
              if (index >= 0) { stop(); show(index, false); steps[index].scrollIntoView(); }
            });
            var start = stepOfAddress();
            show(start >= 0 ? start : 0, false);
            if (start >= 0) steps[start].scrollIntoView();
          }

          function setUpSearch() {
            var form = document.querySelector("form.search");
            var index = window.REPLICALAB_SEARCH;
            if (!form || !index) return;
            form.hidden = false;
            var input = form.querySelector("input");
            var results = form.querySelector(".search-results");
            form.addEventListener("submit", function (event) { event.preventDefault(); });
            input.addEventListener("input", search);
            // A search can be linked to: index.html?q=isr
            var query = new URLSearchParams(location.search).get("q");
            if (query) { input.value = query; search(); }
            function search() {
              var terms = input.value.toLowerCase().split(/[^a-z0-9._-]+/).filter(function (t) { return t.length >= 2; });
              results.textContent = "";
              if (terms.length === 0) return;
              var words = Object.keys(index.words);
              var matches = null;
              terms.forEach(function (term) {
                var pages = {};
                words.forEach(function (word) {
                  if (word.indexOf(term) === 0) index.words[word].forEach(function (p) { pages[p] = true; });
                });
                index.pages.forEach(function (page, i) {
                  if (page.t.toLowerCase().indexOf(term) >= 0) pages[i] = true;
                });
                matches = matches === null ? pages : Object.keys(matches).reduce(function (acc, p) {
                  if (pages[p]) acc[p] = true;
                  return acc;
                }, {});
              });
              var found = Object.keys(matches || {}).map(Number).sort(function (a, b) { return a - b; });
              if (found.length === 0) {
                var none = document.createElement("li");
                none.textContent = "No lesson mentions that.";
                results.appendChild(none);
                return;
              }
              found.forEach(function (p) {
                var page = index.pages[p];
                var item = document.createElement("li");
                var link = document.createElement("a");
                link.href = page.u;
                link.textContent = page.t;
                item.appendChild(link);
                var headings = page.h.filter(function (h) {
                  return terms.some(function (t) { return h[0].toLowerCase().indexOf(t) >= 0; });
                });
                if (headings.length) {
                  var list = document.createElement("ul");
                  headings.forEach(function (h) {
                    var sub = document.createElement("li");
                    var a = document.createElement("a");
                    a.href = page.u + "#" + h[1];
                    a.textContent = h[0];
                    sub.appendChild(a);
                    list.appendChild(sub);
                  });
                  item.appendChild(list);
                }
                results.appendChild(item);
              });
            }
          }

          // A link to the legend opens it.
          function setUpLegend() {
            var legend = document.getElementById("legend");
            if (!legend) return;
            document.addEventListener("click", function (event) {
              var link = event.target.closest && event.target.closest("a.legend-link");
              if (link) legend.open = true;
            });
          }

          document.addEventListener("DOMContentLoaded", function () {
            setUpContents();
            setUpLegend();
            Array.prototype.forEach.call(document.querySelectorAll("section.scenario"), setUpStepper);
            setUpSearch();
          });
        })();

        """#
}
