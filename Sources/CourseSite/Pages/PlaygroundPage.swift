import Course
import ScenarioLanguage

/// `play.html`: an empty sandbox, or one started from a step of a lesson (`play.html#from=03/stalled-follower/step-4`,
/// the state `replicalab play --from 03#stalled-follower/step-4` starts from), and the commands' help, generated when
/// the site is built from the table the parser uses (so it shows without scripts and never drifts). It loads the
/// engine with the page (a lesson's page loads it when a reader first opens a sandbox).
struct PlaygroundPage {
    var lessons: [LessonRendering]

    var html: String {
        let body = HTMLNode.group([
            .element(
                .article, [.class("playground-page")],
                [
                    .newline, .element(.h1, text: "Playground"), .newline,
                    .element(
                        .p, [],
                        [
                            .text(
                                "Write scenario commands and run them on ReplicaLab's engine, here in your browser. "
                                    + "Start from nothing, or from any step of a lesson: every step has an "
                                    + "“Open in playground” link. At a terminal, "),
                            .element(.code, text: "replicalab play"), .text(" is the same sandbox."),
                        ]),
                    .newline,
                    .element(
                        .p, [.class("sandbox-needs-script")],
                        [
                            .text("The playground runs the engine in your browser and needs JavaScript; "),
                            .element(.code, text: "replicalab play"),
                            .text(" does the same at a terminal. The commands are below."),
                        ]),
                    .newline,
                    .element(
                        .div,
                        [
                            .class("playground"), .init("data-playground"),
                            .init("data-seed", String(CourseVerifier.defaultSeed)),
                        ]), .newline,
                    Self.help, .newline,
                ]),
            .newline,
        ])
        return Page(
            title: "Playground — \(SiteRenderer.courseTitle)", body: [body],
            footer: Page.footer(lessons: lessons, lesson: nil), hasSandbox: true,
            scripts: [EngineScript.fileName, SiteFiles.scenarios]
        ).html
    }

    /// The commands by what a learner wants to do, as `help` lists them at the `play` prompt.
    static var help: HTMLNode {
        var nodes: [HTMLNode] = [
            .newline, .element(.h2, [.id("commands")], text: "Commands"), .newline,
        ]
        let groups = CommandHelp.groups + (CommandHelp.ungrouped.isEmpty ? [] : [("More", CommandHelp.ungrouped)])
        for (title, commands) in groups {
            var entries: [HTMLNode] = []
            for name in commands {
                if let spec = CommandTable.command(named: name) {
                    entries += entry(spec.synopsis, spec.summary, example: spec.example)
                } else if name == "expect" {
                    for kind in ExpectationTable.kinds { entries += entry(kind.synopsis, kind.summary) }
                } else if let details = CommandHelp.details(for: name), let usage = details.first {
                    entries += entry(
                        String(usage.dropFirst("usage: ".count)), details.dropFirst().joined(separator: " "))
                }
            }
            nodes += [.element(.h3, text: title), .newline, .element(.dl, [.class("commands")], entries), .newline]
        }
        return .element(.section, [.class("command-help"), .ariaLabel("Commands")], nodes)
    }

    private static func entry(_ synopsis: String, _ summary: String, example: String? = nil) -> [HTMLNode] {
        var description: [HTMLNode] = [.text(summary)]
        if let example { description += [.text(" Example: "), .element(.code, text: example)] }
        return [.element(.dt, [], [.element(.code, text: synopsis)]), .element(.dd, [], description), .newline]
    }
}
