import Course
import CourseSite
import Foundation
import ReplicaLabTestSupport
import Testing

/// Finding and reading, in a real browser: the search over the course's own site (`Site/`, which must equal a fresh
/// build), tables at a phone's width, the keyboard and the stepper. Skipped, with this reason, when Chromium is not
/// installed (CI installs it).
@Suite(.enabled(if: Browser.chromium != nil, "Chromium is not installed (apt-get install -y chromium)"))
struct ReadingBrowserTests {
    static func site(_ page: String) -> String { Repository.url("Site/" + page).absoluteString }

    /// Each query returns first the lesson that teaches it: the one that defines it or is about it (its title,
    /// summary or a heading), before lessons that only use it.
    @Test func searchReturnsTheLessonThatTeachesAWordFirst() throws {
        let queries = [
            ("hw", "04-committed-and-uncommitted.html"), ("high watermark", "04-committed-and-uncommitted.html"),
            ("acks=all", "07-the-producer.html"), ("truncation", "04-committed-and-uncommitted.html"),
            ("truncates", "04-committed-and-uncommitted.html"), ("under-replicated", "03-in-sync-replicas.html"),
            ("URP", "03-in-sync-replicas.html"), ("min isr", "05-minimum-in-sync-replicas.html"),
            ("min.insync.replicas", "05-minimum-in-sync-replicas.html"), ("isr", "03-in-sync-replicas.html"),
            ("LEO", "04-committed-and-uncommitted.html"), ("unclean election", "06-leader-election-and-data-loss.html"),
        ]
        let results = try Browser.search(Self.site("index.html"), queries.map(\.0))
        for ((query, expected), hits) in zip(queries, results) {
            #expect(hits.first?.hasPrefix(expected) == true, "\(query): \(hits)")
        }
        // The glossary defines these words too: it comes right after the lesson that teaches them.
        for (query, hits) in zip(queries.map(\.0), results) where ["hw", "LEO"].contains(query) {
            #expect(hits.dropFirst().first?.hasPrefix("99-glossary.html") == true, "\(query): \(hits)")
        }
    }

    /// `min isr` puts the min-ISR lesson first, and "Coming back" (which has `min` inside a word) is no hit.
    @Test func minIsrFindsTheMinIsrLessonAndNoWordThatMerelyContainsMin() throws {
        let script = """
            var input = document.getElementById("search-input");
            input.value = "min isr"; input.dispatchEvent(new Event("input"));
            var text = document.querySelector(".search-results").textContent;
            var links = Array.prototype.map.call(document.querySelectorAll(".search-results a"), function (a) {
              return a.getAttribute("href"); });
            return JSON.stringify({ links: links, text: text,
              marks: Array.prototype.map.call(document.querySelectorAll(".search-results mark"), function (m) {
                return m.textContent.toLowerCase(); }) });
            """
        let json = try Browser.evaluate(Self.site("index.html"), steps: [Browser.focusSearch, script])
        let result = try JSONDecoder().decode(SearchResult.self, from: Data(json.utf8))
        #expect(result.links.first?.hasPrefix("05-minimum-in-sync-replicas.html") == true, "\(result.links)")
        #expect(!result.links.contains { $0.contains("coming-back") })
        #expect(!result.text.contains("Coming back"))
        // Snippets mark what matched, and only that.
        #expect(!result.marks.isEmpty)
        #expect(result.marks.allSatisfy { $0.contains("min") || $0.contains("isr") || $0.contains("in-sync") })
    }

    struct SearchResult: Decodable {
        var links: [String]
        var text: String
        var marks: [String]
    }

    /// `/` focuses the search from anywhere on a page, and the search is the first stop of the Tab order; the
    /// arrow keys go from the box into the results.
    @Test func slashFocusesTheSearchWhichIsFirstInTheTabOrder() throws {
        let script = """
            var focusable = Array.prototype.filter.call(
              document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]"),
              function (e) { return e.tabIndex >= 0 && !e.closest("[hidden]"); });
            var first = focusable[0].id;
            document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "/", bubbles: true, cancelable: true }));
            var focused = document.activeElement.id;
            var input = document.getElementById("search-input");
            input.value = "isr"; input.dispatchEvent(new Event("input"));
            input.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true, cancelable: true }));
            var down = document.activeElement.getAttribute("href");
            return [first, focused, down].join(" ");
            """
        let result = try Browser.evaluate(
            Self.site("03-in-sync-replicas.html"), width: 390, steps: [Browser.focusSearch, script])
        let parts = result.split(separator: " ").map(String.init)
        #expect(parts.count == 3, "\(result)")
        #expect(parts.first == "search-input")
        #expect(parts.dropFirst().first == "search-input")
        #expect(parts.last?.hasPrefix("03-in-sync-replicas.html") == true, "\(result)")
    }

    /// At 390 px, every table and figure of every page fits, or scrolls in a scroller that shows it does (a hint and
    /// a faded edge), with the broker column kept in place; the page itself never scrolls sideways.
    @Test(arguments: [
        "01-partitions-and-replicas.html", "02-producers-write-to-leaders.html", "03-in-sync-replicas.html",
        "04-committed-and-uncommitted.html", "05-minimum-in-sync-replicas.html",
        "06-leader-election-and-data-loss.html", "07-the-producer.html", "08-the-consumer.html", "get-the-tool.html",
        "index.html",
    ])
    func onAPhoneNothingHidesAColumnWithoutACue(page: String) throws {
        let check = """
            var problems = [];
            var width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth > width + 1) problems.push("the page scrolls sideways");
            Array.prototype.forEach.call(document.querySelectorAll("main table"), function (table, i) {
              var wrap = table.closest(".table-wrap");
              if (!wrap) { problems.push("table " + i + " is in no scroller"); return; }
              if (wrap.scrollWidth > wrap.clientWidth + 1) {
                var hint = wrap.previousElementSibling;
                if (!wrap.classList.contains("more-right") && !wrap.classList.contains("more-left"))
                  problems.push("table " + i + " overflows without a faded edge");
                if (!hint || !hint.classList.contains("scroll-hint") || hint.hidden)
                  problems.push("table " + i + " overflows without a hint");
                if (wrap.getAttribute("tabindex") !== "0") problems.push("table " + i + " cannot be focused");
                var head = table.querySelector("tbody th");
                if (head && getComputedStyle(head).position !== "sticky" && table.className)
                  problems.push("table " + i + " does not keep its first column");
              }
            });
            Array.prototype.forEach.call(document.querySelectorAll("main figure"), function (figure, i) {
              if (figure.getBoundingClientRect().right > width + 1) problems.push("figure " + i + " is cut");
              var svg = figure.querySelector("svg");
              if (svg && svg.getBoundingClientRect().width > figure.clientWidth + 1) problems.push("picture " + i + " is cut");
            });
            Array.prototype.forEach.call(document.querySelectorAll("main pre"), function (pre, i) {
              if (pre.scrollWidth > pre.clientWidth + 1 && !pre.classList.contains("more-right") &&
                  !pre.classList.contains("more-left")) problems.push("pre " + i + " overflows without a cue");
            });
            return problems.length ? problems.join("; ") : "ok";
            """
        let result = try Browser.evaluate(
            Self.site(page), width: 390, steps: [Browser.showEveryStep, "return '';", check], budget: 5000)
        #expect(result == "ok", "\(page): \(result)")
    }

    /// Lesson 08's consumer group is a table whose CONSUMER-ID column is on screen at 1280 px.
    @Test func theConsumerIdColumnIsVisibleOnADesktop() throws {
        let check = """
            var table = document.querySelector("main .group-table");
            if (!table) return "no group table";
            var wrap = table.closest(".table-wrap");
            var heading = Array.prototype.find.call(table.querySelectorAll("thead th"), function (th) {
              return th.textContent === "CONSUMER-ID"; });
            if (!heading) return "no CONSUMER-ID column";
            var box = heading.getBoundingClientRect(), frame = wrap.getBoundingClientRect();
            return box.right <= frame.right + 1 && box.width > 0 ? "visible" : "hidden: " + box.right + " > " + frame.right;
            """
        let result = try Browser.evaluate(
            Self.site("08-the-consumer.html"), width: 1280, steps: [Browser.showEveryStep, "return '';", check])
        #expect(result == "visible")
    }

    /// A focused scroller takes the arrow keys: the table scrolls, and the step around it stays.
    @Test func arrowKeysScrollAFocusedTable() throws {
        let check = """
            var wrap = Array.prototype.find.call(document.querySelectorAll("main .table-wrap"), function (w) {
              return w.getAttribute("tabindex") === "0" && w.closest(".step"); });
            if (!wrap) return "no scrolling table";
            var step = wrap.closest(".step");
            var section = step.closest("section.scenario");
            var status = section.querySelector(".step-status").textContent;
            wrap.focus();
            var before = wrap.scrollLeft;
            wrap.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true, cancelable: true }));
            var after = wrap.scrollLeft;
            wrap.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", bubbles: true, cancelable: true }));
            var back = wrap.scrollLeft;
            return [before, after > before ? "right" : "stuck", back < after ? "left" : "stuck",
              section.querySelector(".step-status").textContent === status ? "same-step" : "stepped"].join(" ");
            """
        // A step of the consumer lesson whose group table is wider than a phone, shown by its address.
        let result = try Browser.evaluate(
            Self.site("08-the-consumer.html") + "#scenario-assignors/step-4", width: 390,
            steps: ["return '';", check])
        #expect(result == "0 right left same-step")
    }

    /// A link to `#scenario-…/step-N` followed after the page loaded moves the stepper; after the last step the
    /// focus stays on the stepper (the Next button, marked disabled), and the live region says what changed.
    @Test func stepLinksAreFollowedAndFocusStaysAfterTheLastStep() throws {
        let site = try BrowserTests.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let page = site.appendingPathComponent("01-steps.html").absoluteString
        let follow = """
            location.hash = "#scenario-walk/step-3";
            return "";
            """
        let check = """
            var section = document.getElementById("scenario-walk");
            var status = section.querySelector(".step-status").textContent;
            var announced = section.querySelector(".step-announce").textContent;
            var next = section.querySelector("[data-action=next]");
            next.focus();
            next.click();
            var last = section.querySelector(".step-status").textContent;
            next.click();
            return JSON.stringify({ status: status, announced: announced, last: last,
              focused: document.activeElement === next, disabled: next.getAttribute("aria-disabled"),
              after: section.querySelector(".step-status").textContent });
            """
        let json = try Browser.evaluate(page, steps: [follow, check])
        let result = try JSONDecoder().decode(StepperResult.self, from: Data(json.utf8))
        #expect(result.status == "Step 3 of 4: crash 0")
        #expect(result.announced.hasPrefix("Step 3 of 4: crash 0. "))
        #expect(result.announced.contains("B0 is now crashed"), "\(result.announced)")
        #expect(result.last == "Step 4 of 4: advance 10s")
        #expect(result.focused)
        #expect(result.disabled == "true")
        #expect(result.after == "Step 4 of 4: advance 10s")
    }

    struct StepperResult: Decodable {
        var status: String
        var announced: String
        var last: String
        var focused: Bool
        var disabled: String?
        var after: String
    }

    /// The theme switch sets the theme at once and remembers it; the next page starts in it before it paints.
    @Test func theThemeSwitchIsRememberedAcrossPages() throws {
        let choose = """
            var select = document.getElementById("theme-choice");
            select.value = "dark"; select.dispatchEvent(new Event("change"));
            return "";
            """
        let check = """
            return [document.documentElement.getAttribute("data-theme"), localStorage.getItem("replicalab-theme"),
              getComputedStyle(document.body).backgroundColor].join("|");
            """
        let result = try Browser.evaluate(Self.site("index.html"), steps: [choose, check])
        #expect(result == "dark|dark|rgb(20, 24, 29)")
    }
}

extension Browser {
    /// Focuses the search box, which loads the search index.
    static let focusSearch = "document.getElementById('search-input').focus(); return '';"

    /// Shows every step of every scenario (the stepper shows one at a time).
    static let showEveryStep = """
        Array.prototype.forEach.call(document.querySelectorAll("li.step"), function (s) { s.hidden = false; });
        return "";
        """

    /// Runs `steps` (function bodies, each returning a string) in `url` loaded in a frame `width` px wide, 400 ms
    /// apart, and returns what the last one returned.
    static func evaluate(_ url: String, width: Int = 1280, steps: [String], budget: Int = 4000) throws -> String {
        let harness = FileManager.default.temporaryDirectory.appendingPathComponent("harness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: harness, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: harness) }
        let list = try String(decoding: JSONEncoder().encode(steps), as: UTF8.self)
        let html = """
            <!DOCTYPE html><body style="margin:0"><iframe id="f" style="width:\(width)px;height:900px;border:0"
            src="\(url)"></iframe><pre id="out"></pre><script>
            var f = document.getElementById("f"), steps = \(list), i = 0, last = "";
            function next() {
              try { last = String(f.contentWindow.eval("(function () {" + steps[i] + "\\n})()")); }
              catch (error) { last = "error: " + error; }
              i += 1;
              if (i < steps.length) setTimeout(next, 400);
              // The markers are built here so that the harness's own source never contains them.
              else document.getElementById("out").textContent = "RES" + "ULT[" + last + "]RES" + "ULT";
            }
            f.onload = function () { setTimeout(next, 400); };
            </script>
            """
        try Data(html.utf8).write(to: harness.appendingPathComponent("index.html"))
        let dom = try load(harness.appendingPathComponent("index.html").absoluteString, budget: budget)
        let body = try #require(dom.split(separator: "RESULT[").last?.split(separator: "]RESULT").first)
        return String(body).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The result links of each query, in order (typed one after another into the search of `url`).
    static func search(_ url: String, _ queries: [String]) throws -> [[String]] {
        let list = try String(decoding: JSONEncoder().encode(queries), as: UTF8.self)
        let script = """
            var input = document.getElementById("search-input");
            return JSON.stringify(\(list).map(function (query) {
              input.value = query; input.dispatchEvent(new Event("input"));
              return Array.prototype.map.call(document.querySelectorAll(".search-results a.hit:not(.more)"),
                function (a) { return a.getAttribute("href"); });
            }));
            """
        let json = try evaluate(url, steps: [focusSearch, script])
        return try JSONDecoder().decode([[String]].self, from: Data(json.utf8))
    }
}
