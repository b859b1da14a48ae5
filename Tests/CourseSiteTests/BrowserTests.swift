import Course
import CourseSite
import Foundation
import Testing

/// The site in a real browser: headless Chromium loads pages from `file://`, runs their scripts, and we read the DOM.
/// Skipped, with this reason, when Chromium is not installed (CI installs it).
@Suite(.enabled(if: Browser.chromium != nil, "Chromium is not installed (apt-get install -y chromium)"))
struct BrowserTests {
    static let lessons = [
        LessonFile(
            path: "Lessons/01-steps.md",
            bytes: Array(
                """
                # Steps

                The word quetzalcoatl appears only in this lesson.

                ```scenario walk
                cluster brokers=3
                topic t partitions=1 replication-factor=3
                crash 0
                advance 10s
                ```

                ```scenario stall
                cluster brokers=3
                topic t partitions=1 replication-factor=3
                stall 2
                produce t partition=0 value=a acks=1
                # (b) Broker 2 leaves the ISR.
                advance 45s
                describe t
                ```

                """.utf8)),
        LessonFile(path: "Lessons/02-other.md", bytes: Array("# Other\n\nNothing to see.\n".utf8)),
    ]

    /// Writes the rendered site into a fresh temporary folder.
    static func writeSite() throws -> URL {
        let course = CourseVerifier.verify(lessons)
        #expect(course.isVerified, "\(course.diagnostics)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "replicalab-site-\(UUID().uuidString)")
        for file in SiteRenderer.render(course) {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
        }
        return folder
    }

    /// `#%` is not valid percent-encoding: decoding it throws, which must not stop the steppers or the search.
    @Test func aMalformedHashBreaksNothing() throws {
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let dom = try Browser.dom(site.appendingPathComponent("01-steps.html").absoluteString + "#%")
        #expect(dom.contains("Step 1 of 4: cluster brokers=3"))
        #expect(dom.contains("class=\"scenario stepping\""))
        // The search is set up after the steppers: its form is shown.
        #expect(dom.contains("<form class=\"search\" role=\"search\">"))
    }

    @Test func theStepperShowsOneStepAndFollowsTheAddress() throws {
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let page = site.appendingPathComponent("01-steps.html").absoluteString
        let first = try Browser.dom(page)
        #expect(first.contains("Step 1 of 4: cluster brokers=3"))
        #expect(first.contains("class=\"scenario stepping\""))
        let third = try Browser.dom(page + "#scenario-walk/step-3")
        #expect(third.contains("Step 3 of 4: crash 0"))
        // Exactly one step is visible: the others carry the hidden attribute.
        let walk = try #require(third.split(separator: "id=\"scenario-stall\"").first)
        let hiddenSteps = walk.split(separator: "<li class=\"step\"").dropFirst().filter {
            $0.hasPrefix(" id=") && $0.prefix { $0 != ">" }.contains("hidden=\"\"")
        }
        #expect(hiddenSteps.count == 3)
    }

    /// The sidebar's contents come from the one shared `toc.js`, with the page's own lesson marked.
    @Test func theContentsAreBuiltFromTheSharedList() throws {
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let dom = try Browser.dom(site.appendingPathComponent("02-other.html").absoluteString)
        let nav = try #require(dom.split(separator: "id=\"course-contents\"").last)
        #expect(nav.contains("<a href=\"01-steps.html\">Steps</a>"))
        #expect(nav.contains("<a href=\"02-other.html\" aria-current=\"page\">Other</a>"))
        #expect(!nav.contains("toc-fallback"))
    }

    /// Following a link to another step of the same scenario shows that step.
    @Test func aLinkToAStepShowsIt() throws {
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let page = site.appendingPathComponent("01-steps.html").absoluteString
        let dom = try Browser.dom(page + "#scenario-walk/step-1", then: "location.hash = '#scenario-walk/step-4'")
        #expect(dom.contains("Step 4 of 4: advance 10s"))
    }

    /// The out-of-sync replica is marked with a visible `!` and hidden words, and the step shows the author's
    /// narration above its output.
    @Test func aStepShowsItsNarrationAndMarksTheOutOfSyncReplica() throws {
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let page = site.appendingPathComponent("01-steps.html").absoluteString
        let dom = try Browser.dom(page + "#scenario-stall/step-5")
        #expect(dom.contains("Step 5 of 6: advance 45s"))
        let step = try #require(
            dom.split(separator: "id=\"scenario-stall/step-5\"").last?.split(separator: "<details class=\"transcript\"")
                .first)
        let narration = try #require(
            step.range(of: "<div class=\"narration\"><p>(b) Broker 2 leaves the ISR.</p></div>"))
        let output = try #require(step.range(of: "<pre class=\"output\">"))
        #expect(narration.upperBound <= output.lowerBound)
        #expect(
            step.contains(
                "<span class=\"chip out-of-sync\">P0<span class=\"mark\" aria-hidden=\"true\">!</span><span class=\"visually-hidden\"> out of sync</span></span>"
            ))
        // One legend per page says what the marks mean.
        #expect(dom.components(separatedBy: "class=\"legend\"").count == 2)
    }

    /// Each step's picture is an accessible image: role img and a title, in a figure whose caption is the step's
    /// "What changed"; it draws the out-of-sync replica dashed and marked, and the logs' high watermark moving.
    @Test func aStepHasAnAccessiblePictureOfTheCluster() throws {
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let dom = try Browser.dom(
            site.appendingPathComponent("01-steps.html").absoluteString + "#scenario-stall/step-5")
        let step = try #require(
            dom.split(separator: "id=\"scenario-stall/step-5\"").last?.split(separator: "<li class=\"step\"").first)
        let figure = try #require(
            step.split(separator: "<figure class=\"diagram\">").dropFirst().first?.split(separator: "</figure>").first)
        #expect(figure.hasPrefix("<svg class=\"dg\""))
        #expect(figure.contains("role=\"img\"><title>The cluster after this step</title>"))
        let caption = try #require(
            figure.split(separator: "<figcaption class=\"changes\">").last?.split(separator: "</ul>").first)
        let sentences = caption.split(separator: "<li>").dropFirst().map {
            $0.replacingOccurrences(of: "</li>", with: "")
        }
        #expect(sentences.contains("B2 left the ISR of P0."))
        // "What changed" is said once: as the caption, not again beside the picture.
        #expect(!step.contains("<div class=\"changes\">"))
        // B2's row: its replica out of sync (class co: dashed) and changed (ch), its label marked with !, drawn from
        // a piece the page defines once.
        let row = try #require(
            figure.split(separator: "<svg class=\"b ").dropFirst().first { $0.contains(" co ch\"") })
        let head = try #require(row.split(separator: "href=\"#").dropFirst().first?.split(separator: "\"").first)
        let defs = try #require(dom.split(separator: "<svg class=\"dgd\"").last)
        let piece = try #require(
            defs.split(separator: "id=\"\(head)\"").dropFirst().first?.split(separator: "</g>").first)
        #expect(piece.contains("P0<tspan font-weight=\"700\" style=\"fill:var(--bad)\">!</tspan>"))
        // The chip's outline takes its dash from the row's class (`co` sets `--cd`) through a class-only rule, which
        // reaches the piece and its copy in the `use` in every browser.
        #expect(piece.contains("<rect x=\"90\" y=\"-8\" width=\"36\" height=\"16\" rx=\"3\" class=\"dcp\">"))
        let css = try String(contentsOf: site.appendingPathComponent("style.css"), encoding: .utf8)
        let chipRule = try #require(css.split(separator: "\n.dcp {").dropFirst().first?.split(separator: "}").first)
        #expect(chipRule.contains("stroke-dasharray: var(--cd)"))
        #expect(css.contains(".dg .co { --cf: none; --cs: var(--bad); --cd: 3 2; }"))
        // The leader's high watermark moved (a highlighted tick and words).
        #expect(figure.contains("<rect class=\"hw chg\" x=\""))
        #expect(figure.contains("<tspan class=\"chg\">HW 0→1</tspan>"))
    }

    /// A step that changes nothing shows, in the stepper, a copy of the last picture, without highlights.
    @Test func anUnchangedStepShowsTheLastPicture() throws {
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let dom = try Browser.dom(
            site.appendingPathComponent("01-steps.html").absoluteString + "#scenario-stall/step-6")
        let step = try #require(
            dom.split(separator: "id=\"scenario-stall/step-6\"").last?.split(separator: "<li class=\"step\"").first)
        #expect(step.contains("The cluster looks as after <a href=\"#scenario-stall/step-5\">step 5</a>."))
        #expect(step.contains("<figure class=\"diagram carried\"><svg class=\"dg\""))
    }

    @Test func searchFindsALessonByAWordOfItsProse() throws {
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let dom = try Browser.dom(site.appendingPathComponent("index.html").absoluteString + "?q=quetzal")
        let after = try #require(dom.split(separator: "<ul class=\"search-results\"").last)
        let results = try #require(after.split(separator: "</ul>").first)
        #expect(results.contains("<a href=\"01-steps.html\" class=\"hit\"><span class=\"hit-title\">Steps</span>"))
        #expect(results.contains("<mark>quetzalcoatl</mark>"))
        #expect(!results.contains("02-other.html"))
    }

    @Test func noPageRefersToAnythingOutsideTheSite() throws {
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let names = try FileManager.default.contentsOfDirectory(atPath: site.path)
        for name in names {
            let text = try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
            for marker in ["http://", "https://", "//cdn", "@import", "url("] {
                #expect(!text.contains(marker), "\(name) contains \(marker)")
            }
            // Every src/href points at a file of the site or an anchor.
            for attribute in ["src=\"", "href=\""] {
                for piece in text.split(separator: attribute).dropFirst() {
                    let target = String(piece.prefix { $0 != "\"" })
                    let file =
                        target.split(separator: "#", omittingEmptySubsequences: false).first.map(String.init) ?? ""
                    #expect(file.isEmpty || names.contains(file), "\(name) refers to \(target)")
                }
            }
        }
    }
}

/// Headless Chromium, if installed.
enum Browser {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The DOM after the page's scripts ran (and, with `then`, after a script of the test ran once the page loaded).
    static func dom(_ url: String, then script: String? = nil) throws -> String {
        var url = url
        var folder: URL?
        if let script {
            // A page of our own frames the site's page, runs the script in it once loaded and prints its DOM.
            let harness = FileManager.default.temporaryDirectory.appendingPathComponent("harness-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: harness, withIntermediateDirectories: true)
            let html = """
                <!DOCTYPE html><iframe id="f" src="\(url)"></iframe><script>
                var f = document.getElementById("f");
                f.onload = function () { setTimeout(function () {
                  f.contentWindow.eval(\(String(reflecting: script)));
                  setTimeout(function () {
                    document.body.textContent = f.contentDocument.documentElement.outerHTML;
                  }, 300); }, 300); };
                </script>
                """
            try Data(html.utf8).write(to: harness.appendingPathComponent("index.html"))
            url = harness.appendingPathComponent("index.html").absoluteString
            folder = harness
        }
        defer { if let folder { try? FileManager.default.removeItem(at: folder) } }
        let dom = try load(url)
        guard script != nil else { return dom }
        return dom.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The DOM of `url` once its scripts ran for `budget` ms of virtual time.
    static func load(_ url: String, budget: Int = 3000) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--virtual-time-budget=\(budget)",
            "--allow-file-access-from-files",
            "--user-data-dir=\(profile.path)", "--dump-dom", url,
        ]
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dom-\(UUID().uuidString).html")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Chromium normally exits once the virtual time budget is spent; never let a stuck browser hang the suite.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            Issue.record("Chromium did not finish loading \(url) within 60 s")
        }
        process.waitUntilExit()
        try handle.close()
        return try String(contentsOf: output, encoding: .utf8)
    }
}
