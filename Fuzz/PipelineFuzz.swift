import Course
import CourseSite
import Diagnostics
import LessonMarkdown

#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer target: the whole `check` + `build` pipeline — parse, raw-HTML policy, verification, budgets,
/// rendering — on generated lessons. An input that starts with `#` is a lesson as it is (the regression corpus keeps
/// the adversarial lessons that way); any other input chooses a lesson from building blocks: prose with references,
/// typed placeholder characters, allowed and hostile inline HTML, links and images with any scheme, repeated
/// headings, raw HTML blocks, scenarios (named to collide), scenarios swallowed by raw HTML or an unclosed comment,
/// commented-out scenarios and scenario examples inside code blocks.
///
/// It checks that nothing is lost, forged or silently skipped:
/// - every diagnostic points inside the lesson;
/// - a generated scenario that CommonMark swallowed into raw HTML has a diagnostic at its line, and every scenario
///   written at the top level is one of the lesson's scenarios;
/// - a lesson that verifies renders to pages with only the site's own scripts (the theme line, its script files,
///   the goals of exercises as JSON data), SVG only in the site's pictures, nothing a lesson could run
///   (`javascript:`, event handlers, `<iframe>`, `<meta http-equiv>`, …) and unique element ids, and every `{{…}}`
///   reference of its prose is filled in exactly once.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: count))
    var expected: [GeneratedScenario] = []
    let bytes: [UInt8]
    if input.first == UInt8(ascii: "#") {
        bytes = input
    } else {
        var reader = ByteReader(input)
        var generator = LessonGenerator()
        bytes = Array(generator.lesson(from: &reader).utf8)
        expected = generator.scenarios
    }
    // FUZZ_PRINT=1 .build-fuzz/fuzz-pipeline <input> shows the lesson an input stands for.
    if getenv("FUZZ_PRINT") != nil {
        writeError(String(decoding: bytes, as: UTF8.self) + "\n")
    }
    let path = "Lessons/01-fuzz.md"
    // Lines end with `\n`, `\r\n` or a lone `\r` (CommonMark's line endings, as the parser counts them).
    let lineCount =
        bytes.indices.filter { index in
            bytes[index] == UInt8(ascii: "\n")
                || (bytes[index] == UInt8(ascii: "\r")
                    && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n")))
        }.count + 1
    let (lesson, diagnostics) = CourseVerifier.verify(LessonFile(path: path, bytes: bytes))
    for diagnostic in diagnostics {
        require(
            diagnostic.location.file == path && (1...lineCount).contains(diagnostic.location.line)
                && diagnostic.location.column >= 1,
            "diagnostic outside the lesson: \(diagnostic)")
    }
    for scenario in expected {
        switch scenario.fate {
        case .reported:
            require(
                diagnostics.contains { $0.location.line == scenario.line },
                "a scenario swallowed by raw HTML at line \(scenario.line) was skipped silently")
        case .runs:
            guard let lesson else { break }
            let lines =
                scenario.isExercise
                ? lesson.lesson.exercises.map(\.block.location.line)
                : lesson.lesson.scenarios.map(\.block.location.line)
            require(
                lines.contains(scenario.line),
                "the \(scenario.isExercise ? "exercise" : "scenario") at line \(scenario.line) is not one of the lesson's"
            )
        case .example:
            break
        }
    }
    guard let lesson, !diagnostics.containsErrors else { return 0 }
    let course = CourseVerifier.assemble([(lesson, diagnostics)])
    guard course.isVerified else { return 0 }
    for file in SiteRenderer.render(course) where file.path.hasSuffix(".html") {
        checkPage(file.contents, path: file.path)
    }
    // Every `{{…}}` reference is filled in, once: a typed placeholder character neither blanks nor forges one.
    let page = SiteRenderer.render(course).first { $0.path == "01-fuzz.html" }?.contents ?? ""
    let filled = page.split(separator: "<span class=\"live-value\"", omittingEmptySubsequences: false).count - 1
    require(
        filled == lesson.lesson.references.count, "\(filled) values for \(lesson.lesson.references.count) references")
    return 0
}

/// Stops with `message` on standard error (an optimised `precondition` would trap without it).
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { requireFailure(message()) }
}

func requireFailure(_ message: String) -> Never {
    writeError("pipeline fuzz target: \(message)\n")
    abort()
}

/// Writes to standard error unbuffered, so it is there even when the process aborts right after.
func writeError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}

/// What a verified lesson's page must never contain. Text is escaped (it has no `<`), so every `<…>` outside a
/// comment is markup: the site's own, or what a lesson got through. The site's own pictures are inline SVG at the start
/// of a `<figure class="diagram">`, up to its caption, and the pieces they share in one hidden `<svg class="dgd">`
/// (which holds no other `svg`): SVG is allowed there, and only the elements the site draws with.
func checkPage(_ page: String, path: String) {
    // The site's own scripts: the theme line that runs before the first paint, its files (the sandbox's only where a
    // page has a scenario or an exercise) and the goals of exercises (JSON data, never run).
    let siteScripts: Set<String> = [
        "script", "script src=\"toc.js\" defer", "script src=\"replicalab.js\" defer",
        "script src=\"engine.js\" defer", "script src=\"scenarios.js\" defer", "script src=\"sandbox.js\" defer",
        "script type=\"application/json\" data-goals",
    ]
    var scripts: [String: Int] = [:]
    let forbidden: Set<String> = ["iframe", "object", "embed", "base", "style", "svg", "math", "frame", "template"]
    // The attributes whose value a browser loads or follows as a URL (HTML's URL-valued attributes, SVG's href).
    let urlAttributes: Set<String> = [
        "href", "xlink:href", "src", "srcset", "action", "formaction", "poster", "background", "cite", "data",
        "ping", "manifest", "codebase", "longdesc", "usemap", "icon",
    ]
    let pictureElements: Set<String> = ["svg", "g", "rect", "path", "text", "tspan", "title", "desc", "use", "defs"]
    var inPicture = false
    var inSharedPieces = false
    // Comments (the site has none; a lesson may) hide their content from the browser: leave them out.
    var markup = ""
    var rest = Substring(page)
    while let open = rest.firstRange(of: "<!--") {
        markup += rest[..<open.lowerBound]
        guard let close = rest[open.upperBound...].firstRange(of: "-->") else {
            rest = ""
            break
        }
        rest = rest[close.upperBound...]
    }
    markup += rest
    for part in markup.split(separator: "<", omittingEmptySubsequences: false).dropFirst() {
        let tag = Array(part.prefix { $0 != ">" }.lowercased())
        let isEndTag = tag.first == "/"
        var index = isEndTag ? 1 : 0
        func isSpace(_ character: Character) -> Bool { character == " " || character == "\n" || character == "\t" }
        while index < tag.count, !isSpace(tag[index]), tag[index] != "/" { index += 1 }
        let name = String(tag[(isEndTag ? 1 : 0)..<index])
        if name == "script", !isEndTag {
            let opening = String(tag)
            require(siteScripts.contains(opening), "\(path): <\(opening)> is not one of the site's own scripts")
            scripts[opening, default: 0] += 1
        }
        if name == "figure", !isEndTag, String(tag).hasPrefix("figure class=\"diagram\"") {
            inPicture = true
            continue
        }
        if !inPicture, !inSharedPieces, !isEndTag,
            String(tag) == "svg class=\"dgd\" aria-hidden=\"true\" width=\"0\" height=\"0\""
        {
            inSharedPieces = true
            continue
        }
        if inSharedPieces {
            if name == "svg" && isEndTag {
                inSharedPieces = false
            } else {
                require(
                    pictureElements.contains(name) && name != "svg",
                    "\(path): <\(isEndTag ? "/" : "")\(name)> in the pictures' shared pieces")
            }
        } else if inPicture {
            // The caption ("What changed") after the picture is the page's ordinary markup.
            if (name == "figure" && isEndTag) || (name == "figcaption" && !isEndTag) {
                inPicture = false
            } else {
                require(pictureElements.contains(name), "\(path): <\(isEndTag ? "/" : "")\(name)> in a picture")
            }
        } else {
            require(!forbidden.contains(name), "\(path): <\(isEndTag ? "/" : "")\(name)> reached the page")
        }
        // Attributes: name, then an optional quoted or bare value.
        while index < tag.count {
            while index < tag.count, isSpace(tag[index]) || tag[index] == "/" { index += 1 }
            let start = index
            while index < tag.count, !isSpace(tag[index]), tag[index] != "=" { index += 1 }
            let attribute = String(tag[start..<index])
            var value = ""
            if index < tag.count, tag[index] == "=" {
                index += 1
                let quote = index < tag.count ? tag[index] : " "
                if quote == "\"" || quote == "'" {
                    index += 1
                    let valueStart = index
                    while index < tag.count, tag[index] != quote { index += 1 }
                    value = String(tag[valueStart..<index])
                    index += 1
                } else {
                    let valueStart = index
                    while index < tag.count, !isSpace(tag[index]) { index += 1 }
                    value = String(tag[valueStart..<index])
                }
            }
            require(!attribute.hasPrefix("on"), "\(path): an event handler in <\(String(tag))>")
            require(
                !(name == "meta" && attribute == "http-equiv"), "\(path): <meta http-equiv> reached the page")
            // A script URL matters where a browser follows the value; a data attribute or a title holding the
            // text "javascript:" (a scenario may be named so) is text.
            let url = value.filter { !isSpace($0) }.lowercased()
            let scriptURL = ["javascript:", "vbscript:", "data:text"].contains { url.hasPrefix($0) }
            require(
                !(urlAttributes.contains(attribute.lowercased()) && scriptURL),
                "\(path): a script URL in <\(String(tag))>")
        }
    }
    for (opening, count) in scripts where opening != "script type=\"application/json\" data-goals" {
        require(count == 1, "\(path): <\(opening)> is there \(count) times")
    }
    require(
        page.contains("<script>try{var t=localStorage.getItem(\"replicalab-theme\")"),
        "\(path): the inline script is not the site's theme line")
    let goals = scripts["script type=\"application/json\" data-goals", default: 0]
    let exercises = page.split(separator: "<section class=\"exercise\"", omittingEmptySubsequences: false).count - 1
    require(goals == exercises, "\(path): \(goals) goal scripts for \(exercises) exercises")
    var ids: Set<Substring> = []
    for part in page.split(separator: " id=\"", omittingEmptySubsequences: false).dropFirst() {
        let id = part.prefix { $0 != "\"" }
        require(ids.insert(id).inserted, "\(path): the element id '\(id)' is used twice")
    }
}

/// A scenario (or exercise) the generator wrote, with its line and what must become of it.
struct GeneratedScenario {
    enum Fate {
        /// Written at the top level: it is one of the lesson's scenarios.
        case runs
        /// Swallowed by raw HTML or an unclosed comment: a diagnostic must say so at its line.
        case reported
        /// Inside a code example or a closed comment: neither run nor required to be reported as an error.
        case example
    }

    var line: Int
    var fate: Fate
    /// An `exercise` block rather than a `scenario`.
    var isExercise = false
}

/// Builds a lesson from the fuzzer's bytes, remembering where each scenario is and what must become of it.
struct LessonGenerator {
    private(set) var scenarios: [GeneratedScenario] = []
    private var lines: [String] = []
    /// An unclosed comment swallowed everything from here on.
    private var isSwallowed = false

    static let names = ["a_b", "a-b", "A.B", "s", "s", "1", "2", "setup", "x y"]
    /// What may follow a scenario's name: nothing mostly, options valid and not, a second name.
    static let options = [
        "", "", "", " continues=setup", " versions=4.0,4.1", " versions=3.6,4.1", " versions=4.1,4.1", " versions=4.0",
        " versions=9.9,4.1", " kafka=4.0", " continues=setup versions=4.0,4.1", " versions=4.0,4.1 versions=3.9,4.0",
        " extra",
    ]
    static let frontMatter = ["seed: 7", "kafka: 4.0", "kafka: 3.6", "kafka: 9", "title: T", "minutes: 5"]
    /// The sections of an exercise, whole and broken.
    static let exerciseParts = [
        ["# task", "Shrink the ISR of t-0 {{isr t-0}}; <b>b</b> <script>x</script> [l](javascript:x)."],
        // No blank line: in a `<details>` it would end the HTML block and the rest would not be swallowed.
        ["# task"], ["stray line"],
        ["# start", "cluster brokers=3", "topic t partitions=1 replication-factor=3"],
        ["# start", "cluster brokers=1", "topic t partitions=1 replication-factor=1", "produce t value=a"],
        ["# goal", "expect isr t-0 == 0"], ["# goal", "expect hw t-0 == 1"], ["# goal", "produce t value=b"],
        ["# goal"], ["# goal", "expect nonsense"],
        [
            "# solution", "cluster brokers=3", "topic t partitions=1 replication-factor=3", "stall 1", "stall 2",
            "advance 31s",
        ],
        ["# solution", "cluster brokers=1", "topic t partitions=1 replication-factor=1", "produce t value=a"],
        ["# solution"], ["# solution", "crash 7"],
    ]
    static let scripts = [
        ["cluster brokers=3", "topic t partitions=2 replication-factor=3", "expect invariants ok"],
        ["cluster brokers=1", "topic t partitions=1 replication-factor=1", "produce t value=\"\u{1B}]52;c;x\u{7}\""],
        ["cluster brokers=2", "expect ok"],
        ["crash 0", "advance 1s", "expect invariants ok"],
        ["topik t", "cluster brokers=0"],
        ["cluster brokers=5", "topic t partitions=300 replication-factor=3", "advance 1ms", "describe t"],
    ]
    static let words = [
        "leader", "ISR", "{{hw t-0}}", "{{leader t-0}}", "\u{E000}", "\u{E001}", "\u{E002}a", "{{", "}}",
        "&#xE000;", "**bold**", "`code \u{E000}`", "::warning::x", "##[error]y", "\u{1B}[2J",
    ]
    static let inline = [
        "<code>x</code>", "<b>b</b>", "<span title=\"\u{E000}\">s</span>", "<a href=\"02-b.md#x\">l</a>",
        "<a href=\"https://kafka.apache.org\">k</a>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "<a href=\"jav&#x61;script:alert(1)\">j</a>", "<span class=\"verified\">✓</span>", "<iframe src=x>",
        "<a href=\"javascript&colon;x\">c</a>", "<img src=\"data:image/svg+xml,x\">", "<!-- c -->", "<br>",
        "<kbd>k</kbd>",
    ]
    static let links = [
        "[l](02-b.md)", "[l](#scenario-s)", "[l](https://x)", "[l](javascript:alert(1))", "![i](javascript:x)",
        "![i](https://x/i.png)", "[l](\u{E000})", "[l](data:text/html,x \"t\u{E000}\")", "[l](JaVaScRiPt:x)",
    ]
    static let headings = [
        "Same", "Same", "Scenario s", "Scenario s title", "Search input", "Course contents", "Same-2",
    ]
    static let blocks = [
        "<table>\n<thead><tr><th scope=\"col\">a</th></tr></thead>\n<tbody><tr><td>1</td></tr></tbody>\n</table>",
        "<div>\n<style>body{}</style>\n</div>", "<meta http-equiv=\"refresh\" content=\"0\">",
        "<details>\n<summary>s</summary>\n\nText {{hw t-0}}.\n\n</details>", "<div onclick=\"x()\">d</div>",
        "<!DOCTYPE html>", "<p>p</p>", "<pre>\nkeep\n</pre>",
    ]

    mutating func lesson(from bytes: inout ByteReader) -> String {
        if bytes.next() % 4 == 0 { append(["---", bytes.pick(Self.frontMatter), "---"]) }
        append(["# Fuzzed \(bytes.pick(Self.words))", ""])
        var parts = 0
        while !bytes.isAtEnd, parts < 14 {
            parts += 1
            switch bytes.next() % 12 {
            case 0, 1: prose(&bytes)
            case 2: append(["## \(bytes.pick(Self.headings))", ""])
            case 3: append([bytes.pick(Self.blocks), ""])
            case 4, 5: scenario(&bytes, prefix: [], fate: .runs)
            case 6:
                scenario(
                    &bytes, prefix: ["<details>", "<summary>s</summary>"], fate: .reported, suffix: ["</details>"])
            case 7:
                // A stray comment opener: it hides the rest of the lesson.
                append(["<!-- \(bytes.pick(Self.words))", ""])
                isSwallowed = true
            case 8: scenario(&bytes, prefix: ["<!--"], fate: .example, suffix: ["-->"])
            case 10: exercise(&bytes, prefix: [], fate: .runs)
            case 11:
                exercise(
                    &bytes, prefix: ["<details>", "<summary>e</summary>"], fate: .reported, suffix: ["</details>"])
            default: scenario(&bytes, prefix: ["````markdown"], fate: .example, suffix: ["````"])
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func append(_ more: [String]) {
        for line in more {
            lines += line.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // The first `-->` ends the stray comment (CommonMark ends the HTML block at that line).
            if line.contains("-->") { isSwallowed = false }
        }
    }

    private mutating func prose(_ bytes: inout ByteReader) {
        var words: [String] = []
        for _ in 0..<(1 + bytes.next() % 8) {
            switch bytes.next() % 3 {
            case 0: words.append(bytes.pick(Self.words))
            case 1: words.append(bytes.pick(Self.inline))
            default: words.append(bytes.pick(Self.links))
            }
        }
        append([words.joined(separator: " "), ""])
    }

    private mutating func scenario(
        _ bytes: inout ByteReader, prefix: [String], fate: GeneratedScenario.Fate, suffix: [String] = []
    ) {
        append(prefix)
        let name = bytes.next() % 3 == 0 ? "" : " " + bytes.pick(Self.names)
        let options = bytes.pick(Self.options)
        scenarios.append(
            GeneratedScenario(line: lines.count + 1, fate: isSwallowed && fate == .runs ? .reported : fate))
        append(["```scenario\(name)\(options)"] + bytes.pick(Self.scripts) + ["```"])
        if bytes.next() % 4 == 0 { append(["", "```output", "$ cluster brokers=3", "stale", "```"]) }
        append(suffix + [""])
    }

    /// An exercise: mostly its four sections in order (the solutions right or wrong), sometimes a section missing,
    /// repeated or broken.
    private mutating func exercise(
        _ bytes: inout ByteReader, prefix: [String], fate: GeneratedScenario.Fate, suffix: [String] = []
    ) {
        append(prefix)
        let name = bytes.next() % 8 == 0 ? "" : " " + bytes.pick(Self.names)
        var body: [String] = []
        if bytes.next() % 3 == 0 {
            for _ in 0..<(1 + bytes.next() % 6) { body += bytes.pick(Self.exerciseParts) }
        } else {
            body +=
                Self.exerciseParts[0] + Self.exerciseParts[3 + bytes.next() % 2]
                + Self.exerciseParts[5 + bytes.next() % 2] + Self.exerciseParts[10 + bytes.next() % 2]
        }
        scenarios.append(
            GeneratedScenario(
                line: lines.count + 1, fate: isSwallowed && fate == .runs ? .reported : fate, isExercise: true))
        append(["```exercise\(name)"] + body + ["```"])
        append(suffix + [""])
    }
}
