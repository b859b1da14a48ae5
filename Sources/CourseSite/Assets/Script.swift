/// The site's script: the course contents in the sidebar (from `toc.js`), the scenario stepper (which also shows an
/// unchanged step the last picture), and opening the legend from its links (the search is `SearchScript`). Each is a function of its
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
            var announcer = controls.querySelector(".step-announce");
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
              // Its caption is the other step's "What changed"; the note beside it says which step it is from.
              var caption = copy.querySelector("figcaption");
              if (caption) caption.parentNode.removeChild(caption);
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
              // The buttons stay focusable at either end (aria-disabled, not disabled): focus never falls to the page.
              controls.querySelector("[data-action=prev]").setAttribute("aria-disabled", String(current === 0));
              controls.querySelector("[data-action=next]").setAttribute("aria-disabled", String(current === steps.length - 1));
              if (announce && history.replaceState) history.replaceState(null, "", "#" + steps[current].id);
              // What a screen reader hears: the step, and what changed in it.
              if (announcer && announce) {
                var changes = Array.prototype.map.call(steps[current].querySelectorAll(".changes li"), function (item) {
                  return item.textContent;
                });
                announcer.textContent = status.textContent + ". " +
                  (changes.length ? changes.join(" ") : "Nothing changed in the cluster.");
              }
            }

            function stop() {
              if (timer) clearInterval(timer);
              timer = null;
              playButton.setAttribute("aria-pressed", "false");
              playButton.textContent = "▶ Play";
            }

            controls.addEventListener("click", function (event) {
              var button = event.target.closest ? event.target.closest("button") : event.target;
              if (!button || button.getAttribute("aria-disabled") === "true") return;
              var action = button.getAttribute("data-action");
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
              var tag = event.target.tagName;
              if (event.defaultPrevented || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
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
              if (index >= 0) { stop(); show(index, true); steps[index].scrollIntoView(); }
            });
            var start = stepOfAddress();
            show(start >= 0 ? start : 0, false);
            if (start >= 0) steps[start].scrollIntoView();
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
          });
        })();

        """#
}
