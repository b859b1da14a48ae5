import Course
import CourseSite
import Foundation
import ReplicaLabTestSupport
import Replication
import Testing

/// The sandboxes in a real browser, on the real engine: headless Chromium loads a site from `file://` with
/// `engine.js` (the engine compiled to WebAssembly), the test types into the editors and presses their buttons (over
/// the DevTools pipe, waiting in real time), and reads the DOM. Skipped, with the reason, without Chromium.
@Suite(.enabled(if: Browser.chromium != nil, "Chromium is not installed (apt-get install -y chromium)"))
struct SandboxBrowserTests {
    static let lesson = """
        # Sandbox

        ```scenario walk
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        produce t partition=0 value=a count=2
        expect hw t-0 == 2
        # Broker 2 goes.
        crash 2
        advance 10s
        expect isr t-0 == 0,1
        ```

        ```scenario more continues=walk
        restart 2
        advance 10s
        expect isr t-0 == 0,1,2
        ```

        ```exercise lose-a-broker
        # task
        Get broker 2 out of the ISR of `t-0`.
        # start
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        # goal
        expect isr t-0 == 0,1
        # solution
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        crash 2
        advance 10s
        ```

        """

    static func course() -> VerifiedCourse {
        CourseVerifier.verify([LessonFile(path: "Lessons/01-sandbox.md", bytes: Array(lesson.utf8))])
    }

    /// The site with the engine, in a fresh temporary folder.
    static func writeSite() throws -> URL {
        let course = course()
        #expect(course.isVerified, "\(course.diagnostics)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "replicalab-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in SiteRenderer.render(course) {
            try Data(file.contents.utf8).write(to: folder.appendingPathComponent(file.path))
        }
        return folder
    }

    /// Sets the value of the editor `selector` finds, as typing would.
    static func type(_ selector: String, _ text: String) -> String {
        "var e = document.querySelector(\(Browser.jsString(selector))); e.value = \(Browser.jsString(text));"
            + " e.dispatchEvent(new Event('input'));"
    }

    /// A condition: the page has an element `selector` finds.
    static func exists(_ selector: String) -> String {
        "document.querySelector(\(Browser.jsString(selector)))"
    }

    static func click(_ selector: String) -> String {
        "document.querySelector(\(Browser.jsString(selector))).click();"
    }

    static let walk =
        lesson.split(separator: "```").dropFirst().first.map {
            $0.split(separator: "\n").dropFirst().joined(separator: "\n")
        } ?? ""

    /// A reader changes a scenario and runs it: the run shows the changed result, the failed expectation marked ✗
    /// with its actual value, and the first line where it departs from the verified run.
    @Test func aChangedScenarioRunsAndShowsWhereItDeparts() throws {
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let editor = "#scenario-walk [data-editor]"
        let changed = Self.walk.replacingOccurrences(of: "crash 2", with: "crash 1")
        let dom = try Browser.drive(
            site.appendingPathComponent("01-sandbox.html").absoluteString,
            [(Self.exists(editor), Self.type(editor, changed) + Self.click("#scenario-walk [data-action=run]"))],
            until: "document.querySelector('#scenario-walk [data-output] .sandbox-summary')")
        let output = try #require(
            dom.split(separator: "data-output=\"\"").dropFirst().first?.split(separator: "</section>").first)
        #expect(
            output.contains(
                "<li class=\"fail\"><span aria-hidden=\"true\">✗</span> <code>expect isr t-0 == 0,1</code> "
                    + "<span class=\"verdict\">fails (actual: 0,2)</span></li>"))
        #expect(
            output.contains("<li class=\"pass\"><span aria-hidden=\"true\">✓</span> <code>expect hw t-0 == 2</code>"))
        #expect(output.contains("controller fences broker 1"))
        // The run departs at line 6, `crash 1`, and the gutter marks that line.
        #expect(output.contains("<strong>Your run departs from the verified one </strong>at "))
        #expect(output.contains("line 6</button>: the verified run has crash 2.</p>"))
        #expect(
            output.contains(
                "<li class=\"step departs\"><p class=\"step-head\"><button class=\"line-link\" type=\"button\">"
                    + "line 6</button> <code class=\"command\">crash 1</code>"))
        let walk = try #require(dom.split(separator: "id=\"scenario-walk\"").last)
        #expect(walk.contains("<span class=\"departs\" title=\"departs: the verified run has crash 2\">6</span>"))
        // Every step opens in the playground, started there.
        #expect(
            walk.contains("<p class=\"play-link\"><a href=\"play.html#from=01/walk/step-4\">Open in playground</a></p>")
        )
        // The failed expectation's line is marked too, with the engine's message.
        #expect(
            walk.contains(
                "<span class=\"error\" title=\"error: expectation failed: ISR of t-0 is 0,2, expected 0,1\">8</span>"))
    }

    /// Share puts the script in the address; opening that address restores it into the scenario's editor.
    @Test func aSharedLinkRestoresTheScript() throws {
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let editor = "#scenario-walk [data-editor]"
        let changed = Self.walk + "\ndescribe t  # ünïcode ✓"
        let shared = try Browser.drive(
            site.appendingPathComponent("01-sandbox.html").absoluteString,
            [(Self.exists(editor), Self.type(editor, changed) + Self.click("#scenario-walk [data-action=share]"))],
            until: "location.hash.indexOf('/script=') > 0")
        let address = try #require(
            shared.split(separator: " data-href=\"").dropFirst().first?.split(separator: "\"").first.map(String.init))
        #expect(address.contains("01-sandbox.html#scenario-walk/script="))
        let restored = try Browser.drive(address, [], until: "document.querySelector(\(Browser.jsString(editor)))")
        let walk = try #require(restored.split(separator: "id=\"scenario-walk\"").last)
        #expect(walk.contains("<details class=\"sandbox-details\" open=\"\">"))
        #expect(walk.contains("data-value=\"\(changed)\""))
    }

    /// `play.html#from=<lesson>/<scenario>/step-<n>` starts from the lines `play --from` starts from (a scenario that
    /// continues another: that one's lines first) and shows the state there, as the verified run has it.
    @Test func thePlaygroundStartsFromAStepOfALesson() throws {
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let dom = try Browser.drive(
            site.appendingPathComponent("play.html").absoluteString + "#from=01/more/step-1", [],
            until: "document.querySelector('.playground-now figure')")
        #expect(dom.contains("data-value=\"\(Self.walk)\nrestart 2\""))
        #expect(dom.contains("<code>replicalab play --from 01#more/step-1</code>"))
        let more = try #require(Self.course().lessons.first?.scenarios.last)
        let cluster = try #require(more.transcript.timeline.entries.first?.command.cluster)
        let now = try #require(dom.split(separator: "class=\"playground-now\"").last?.split(separator: "</pre>").first)
        #expect(now.contains(BrokerTable(cluster: cluster).textLines.joined(separator: "\n")))

        // Step 3 of walk ends with its check; the comment above step 4 narrates step 4, so it is left out.
        let third = try Browser.drive(
            site.appendingPathComponent("play.html").absoluteString + "#from=01/walk/step-3", [],
            until: "document.querySelector('.playground-now figure')")
        let lines = Self.walk.split(separator: "\n").prefix(4).joined(separator: "\n")
        #expect(third.contains("data-value=\"\(lines)\""))
    }

    /// Under the editor the engine offers what fits at the caret, as `play` does on Tab; a tap takes it.
    @Test func theEditorOffersCompletions() throws {
        let editor = "[data-editor]"
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let dom = try Browser.drive(
            site.appendingPathComponent("play.html").absoluteString,
            [
                // A first run loads the engine; completion never waits for it.
                (Self.exists(editor), Self.type(editor, "cluster brokers=3") + Self.click("[data-action=run]")),
                (
                    Self.exists(".sandbox-summary"),
                    Self.type(editor, "cluster brokers=3\ncra")
                        + " e.focus(); e.setSelectionRange(e.value.length, e.value.length);"
                ),
                (
                    "[...document.querySelectorAll('.suggestions button')].find((b) => b.textContent === 'crash')",
                    "[...document.querySelectorAll('.suggestions button')].find((b) => b.textContent === 'crash').click();"
                ),
            ],
            until: "document.querySelector('.suggestions button')")
        #expect(dom.contains("data-value=\"cluster brokers=3\ncrash \""))
        // After `crash `, the brokers.
        #expect(
            dom.contains("<button type=\"button\">0</button>"),
            "\(dom.split(separator: "class=\"suggestions\"").last?.prefix(400) ?? "")")
    }

    /// A lesson on an older Kafka runs its sandboxes there: lesson 06 shows Kafka 4.0, where the partition keeps its
    /// last replica in the ISR; run on the newest Kafka (with eligible leader replicas) the unchanged scenario would
    /// show an empty ISR and depart from the verified run at its last step.
    @Test func aLessonsSandboxesRunOnTheLessonsKafka() throws {
        let lesson = """
            ---
            kafka: 4.0
            ---
            # Last replica

            ```scenario last
            \(Samples.lastReplicaDownScript)
            expect isr t-0 == 0
            ```

            ```exercise keep-it
            # task
            Take every broker down.
            # start
            cluster brokers=3
            topic t partitions=1 replication-factor=3 min.insync.replicas=1
            # goal
            expect isr t-0 == 0
            expect leader t-0 == none
            # solution
            \(Samples.lastReplicaDownScript)
            ```

            """
        let course = CourseVerifier.verify([LessonFile(path: "Lessons/01-old.md", bytes: Array(lesson.utf8))])
        #expect(course.isVerified, "\(course.diagnostics)")
        let site = try TemporaryFolder(prefix: "replicalab-kafka")
        for file in SiteRenderer.render(course) { try site.write(file.contents, to: file.path) }
        let page = site.url("01-old.html").absoluteString
        #expect(try String(contentsOf: site.url("01-old.html"), encoding: .utf8).contains("data-kafka=\"4.0\""))
        let dom = try Browser.drive(
            page,
            [(Self.exists("#scenario-last [data-editor]"), Self.click("#scenario-last [data-action=run]"))],
            until: "document.querySelector('#scenario-last [data-output] .sandbox-summary')")
        let output = try #require(dom.split(separator: "id=\"scenario-last\"").last)
        #expect(output.contains("Your run matches the verified one, step for step."))
        #expect(output.contains("<span class=\"verdict\">holds</span>"))
        let exercise = "[data-exercise=keep-it]"
        let solved = try Browser.drive(
            page,
            [
                (
                    Self.exists("\(exercise) [data-editor]"),
                    Self.type("\(exercise) [data-editor]", course.lessons[0].lesson.exercises[0].solutions[0].text)
                        + Self.click("\(exercise) [data-action=run]")
                )
            ],
            until: "document.querySelector('\(exercise) [data-verdict]')")
        #expect(solved.contains("data-verdict=\"accepted\">✓ Accepted: every goal holds.</p>"))
    }

    /// An exercise's sandbox judges the script with the goals appended: the start fails a goal (shown with its
    /// actual value), a solution is accepted.
    @Test func anExerciseIsJudgedByItsGoals() throws {
        let site = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let page = site.appendingPathComponent("01-sandbox.html").absoluteString
        let exercise = "[data-exercise=lose-a-broker]"
        let start = try Browser.drive(
            page,
            [("document.querySelector('\(exercise) [data-editor]')", Self.click("\(exercise) [data-action=run]"))],
            until: "document.querySelector('\(exercise) [data-verdict]')")
        #expect(
            start.contains(
                "data-verdict=\"rejected\">✗ Not yet: <code>expect isr t-0 == 0,1</code> fails (actual: 0,1,2).</p>"))
        // Why, in the engine's words: `explain` of the goal's partition in the state the script left.
        #expect(start.contains("<summary>Why? (explain t-0)</summary><pre>"))
        #expect(start.contains("The ISR is 0,1,2 (3 of 3 replicas)."))
        let solution = "cluster brokers=3\ntopic t partitions=1 replication-factor=3\ncrash 2\nadvance 10s"
        let solved = try Browser.drive(
            page,
            [
                (
                    "document.querySelector('\(exercise) [data-editor]')",
                    Self.type("\(exercise) [data-editor]", solution) + Self.click("\(exercise) [data-action=run]")
                )
            ],
            until: "document.querySelector('\(exercise) [data-verdict]')")
        #expect(solved.contains("data-verdict=\"accepted\">✓ Accepted: every goal holds.</p>"))
    }
}

extension Browser {
    /// Opens `url` in Chromium (over the DevTools pipe, waiting in real time); for each action waits until its
    /// condition (a JavaScript expression in the page) holds, then runs its script in the page; then waits until
    /// `until` holds and returns the page's DOM, each editor's value copied into its `data-value` attribute and the
    /// page's address into the root's `data-href`.
    static func drive(_ url: String, _ actions: [(when: String, run: String)], until: String) throws -> String {
        let browser = try DevToolsPipe(chromium: try #require(chromium))
        try browser.open(url)
        let steps = actions.map { "await until(() => eval(\(jsString($0.when)))); eval(\(jsString($0.run)));" }
        let dom = try browser.evaluate(
            steps.joined(separator: "\n") + """

                await until(() => eval(\(jsString(until))));
                document.querySelectorAll("[data-editor]").forEach((e) => e.setAttribute("data-value", e.value));
                document.documentElement.setAttribute("data-href", location.href);
                return document.documentElement.outerHTML;
                """)
        return dom.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A JavaScript string literal (JSON's escaping).
    static func jsString(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
