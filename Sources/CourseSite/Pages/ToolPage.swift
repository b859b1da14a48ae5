import Course
import LessonMarkdown

/// "Get the tool": how to build and install `replicalab` (as the README says), and the exact command of every
/// lesson's "Try it", with how to change a scenario when all you have is the binary.
struct ToolPage {
    static let pageName = "get-the-tool.html"
    static let title = "Get the tool"

    var lessons: [LessonRendering]

    var html: String {
        func code(_ lines: [String]) -> HTMLNode {
            .element(.pre, [.class("commands")], [.element(.code, text: lines.joined(separator: "\n"))])
        }
        func paragraph(_ nodes: [HTMLNode]) -> HTMLNode { .element(.p, [], nodes) }
        var body: [HTMLNode] = [
            .element(.h1, text: Self.title), .newline,
            paragraph([
                .text("Every scenario on this site runs at your terminal with "), .element(.code, text: "replicalab"),
                .text(
                    ", one program with the whole course inside: run a lesson step by step, change a scenario and see "
                        + "which claims break, or type commands at a prompt."),
            ]), .newline,
            .element(.h2, [.id("build")], text: "Build and install"), .newline,
            paragraph([
                .text("You need the Swift 6.3 toolchain on Linux and libcmark ("),
                .element(.code, text: "libcmark-dev"),
                .text(" on Debian and Ubuntu; the repository's "), .element(.code, text: "scripts/bootstrap.sh"),
                .text(" installs it). In a checkout of the ReplicaLab repository:"),
            ]), .newline,
            code([
                "scripts/bootstrap.sh",
                "# Swift's libraries inside the binary; only libcmark must be installed",
                "swift build -c release --static-swift-stdlib",
                "# or any folder on your PATH",
                "cp .build/release/replicalab ~/.local/bin/",
            ]), .newline,
            paragraph([
                .text("The course is compiled into the binary, so it works from any folder:")
            ]), .newline,
            code([
                "cd /tmp",
                "replicalab lessons                       # what there is to run",
                "replicalab run 03#stalled-follower --step",
                "replicalab play                          # type scenario commands at a prompt",
            ]), .newline,
            paragraph([
                .text("In "), .element(.code, text: "run --step"), .text(", Enter is the next step, "),
                .element(.code, text: "b"), .text(" goes back, "), .element(.code, text: "t"),
                .text(" shows the tables and "), .element(.code, text: "q"), .text(" quits."),
            ]), .newline,
            paragraph([
                .text("A lesson is its number, its slug or its file; "), .element(.code, text: "#"),
                .text(" adds a scenario and "), .element(.code, text: "/step-N"),
                .text(" a step, as this site's links write them. Where there is a "), .element(.code, text: "Lessons/"),
                .text(" folder (an author's checkout) the commands use it instead of the built-in course."),
            ]), .newline,
            .element(.h2, [.id("change-a-scenario")], text: "Change a scenario"), .newline,
            paragraph([
                .text("Start a sandbox from a lesson's scenario, save it as a script, edit it and run it again:")
            ]), .newline,
            code([
                "replicalab play --from 03#stalled-follower",
                "replicalab> save stalled.scenario",
                "replicalab> quit",
                "replicalab run stalled.scenario          # after editing it",
            ]), .newline,
            .element(.h2, [.id("try-it")], text: "Every “Try it”"), .newline,
            paragraph([
                .text("Each lesson ends with a "), .element(.em, text: "Try it"),
                .text(": a scenario to run and a change to make. The commands, exactly as the lessons give them:"),
            ]), .newline,
        ]
        var items: [HTMLNode] = []
        for lesson in lessons where !lesson.tryIt.isEmpty {
            items += [
                .element(
                    .li, [],
                    [
                        .element(.a, [.href(lesson.pageName + "#try-it")], text: lesson.title), .newline,
                        code(lesson.tryIt),
                    ]),
                .newline,
            ]
        }
        body.append(.element(.ol, [.class("try-list")], [.newline] + items))
        return Page(
            title: "\(Self.title) — \(SiteRenderer.courseTitle)", body: body,
            footer: Page.footer(lessons: lessons, lesson: nil)
        ).html
    }

    /// The commands of a lesson's "Try it" section: the lines of its code blocks that run `replicalab`.
    static func tryItCommands(_ lesson: VerifiedLesson) -> [String] {
        var commands: [String] = []
        var inTryIt = false
        for part in lesson.parts {
            switch part {
            case .heading(let heading):
                if heading.level > 1 { inTryIt = heading.text.lowercased() == "try it" }
            case .prose(let prose) where inTryIt:
                for case .html(let html) in prose.pieces {
                    for start in html.ranges(of: "<pre><code>") {
                        let rest = html[start.upperBound...]
                        let text = SearchIndex.decodedEntities(
                            rest[..<(rest.firstRange(of: "</code>")?.lowerBound ?? rest.endIndex)])
                        commands += text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("replicalab ") }
                    }
                }
            default: break
            }
        }
        return commands
    }
}

extension HTMLTag {
    static let em = HTMLTag("em")
}
