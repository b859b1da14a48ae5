/// The script's part for reading: the theme switch (light, dark or the system's, remembered), scrollers (tables and
/// preformatted text wider than the screen) that take the arrow keys and show that there is more to the side, and
/// printing with every `details` open.
enum ReadingScript {
    /// Runs in the head, before the first paint: the reader's chosen theme, so the page never flashes the other one.
    static let themeBeforePaint: StaticString = """
        try{var t=localStorage.getItem("replicalab-theme");if(t==="light"||t==="dark")\
        document.documentElement.setAttribute("data-theme",t)}catch(e){}
        """

    static let javascript = #"""
        (function () {
          var themeKey = "replicalab-theme";

          function setUpTheme() {
            var label = document.querySelector(".topbar .theme");
            var select = document.getElementById("theme-choice");
            if (!label || !select) return;
            label.hidden = false;
            var saved = null;
            try { saved = localStorage.getItem(themeKey); } catch (error) { saved = null; }
            select.value = saved === "light" || saved === "dark" ? saved : "system";
            select.addEventListener("change", function () {
              var value = select.value;
              try {
                if (value === "system") localStorage.removeItem(themeKey); else localStorage.setItem(themeKey, value);
              } catch (error) { /* private mode: the choice lasts for this page */ }
              if (value === "light" || value === "dark") document.documentElement.setAttribute("data-theme", value);
              else document.documentElement.removeAttribute("data-theme");
            });
          }

          // What a scroller is called, for the screen reader that lands on it.
          function nameOf(element) {
            var caption = element.querySelector("caption");
            if (caption) return caption.textContent;
            var table = element.querySelector("table[aria-label]");
            if (table) return table.getAttribute("aria-label");
            return "Scrollable text";
          }

          function update(element) {
            var overflows = element.scrollWidth > element.clientWidth + 1;
            element.classList.toggle("overflows", overflows);
            element.classList.toggle("more-left", overflows && element.scrollLeft > 1);
            element.classList.toggle("more-right",
              overflows && element.scrollLeft + element.clientWidth < element.scrollWidth - 1);
            if (overflows && !element.hasAttribute("tabindex")) {
              element.setAttribute("tabindex", "0");
              element.setAttribute("data-scroller", "");
              if (!element.hasAttribute("role") && element.tagName !== "PRE") element.setAttribute("role", "region");
              if (!element.hasAttribute("aria-label")) element.setAttribute("aria-label", nameOf(element));
            } else if (!overflows && element.hasAttribute("data-scroller")) {
              element.removeAttribute("tabindex");
              element.removeAttribute("data-scroller");
            }
            var hint = element.previousElementSibling;
            if (hint && hint.classList.contains("scroll-hint")) hint.hidden = !overflows;
          }

          function setUpScrollers() {
            // Tables written in a lesson's prose scroll in a wrapper of their own, like the generated ones.
            Array.prototype.forEach.call(document.querySelectorAll("main table"), function (table) {
              if (table.parentNode.classList.contains("table-wrap")) return;
              var wrap = document.createElement("div");
              wrap.className = "table-wrap";
              table.parentNode.insertBefore(wrap, table);
              wrap.appendChild(table);
            });
            var scrollers = Array.prototype.slice.call(document.querySelectorAll("main .table-wrap, main pre"));
            scrollers.forEach(function (element) {
              if (element.classList.contains("table-wrap")) {
                var hint = document.createElement("p");
                hint.className = "scroll-hint";
                hint.setAttribute("aria-hidden", "true");
                hint.hidden = true;
                hint.textContent = "⇆ Scroll sideways for more columns";
                element.parentNode.insertBefore(hint, element);
              }
              element.addEventListener("scroll", function () { update(element); }, { passive: true });
              // The arrow keys scroll a focused scroller (and do not reach the stepper around it).
              element.addEventListener("keydown", function (event) {
                if (event.target !== element || !element.classList.contains("overflows")) return;
                if (event.altKey || event.ctrlKey || event.metaKey) return;
                var left = null;
                if (event.key === "ArrowRight") left = element.scrollLeft + 48;
                if (event.key === "ArrowLeft") left = element.scrollLeft - 48;
                if (event.key === "Home") left = 0;
                if (event.key === "End") left = element.scrollWidth;
                if (left === null) return;
                element.scrollLeft = left;
                update(element);
                event.preventDefault();
                event.stopPropagation();
              });
            });
            // Measured now, when the window changes, and when a step or a details element is shown (a hidden
            // scroller has no width to measure).
            function updateAll() { scrollers.forEach(update); }
            updateAll();
            window.addEventListener("resize", updateAll);
            window.addEventListener("load", updateAll);
            if (window.MutationObserver) {
              new MutationObserver(function (records) {
                records.forEach(function (record) {
                  var target = record.target;
                  if (target.hidden) return;
                  scrollers.forEach(function (element) { if (target.contains(element)) update(element); });
                });
              }).observe(document.querySelector("main") || document.body,
                { attributes: true, subtree: true, attributeFilter: ["hidden", "open"] });
            }
          }

          // Printing opens every closed details (the print stylesheet prints prose and each scenario's final state).
          function setUpPrinting() {
            var opened = [];
            window.addEventListener("beforeprint", function () {
              opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
                d.open = true;
                return true;
              });
            });
            window.addEventListener("afterprint", function () {
              opened.forEach(function (d) { d.open = false; });
              opened = [];
            });
          }

          document.addEventListener("DOMContentLoaded", function () {
            setUpTheme();
            setUpScrollers();
            setUpPrinting();
          });
        })();

        """#
}
