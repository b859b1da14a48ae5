import LessonMarkdown
import ScenarioLanguage

/// A scenario's section: its source, the stepper's controls, and each step with its narration, output, changes,
/// checks and the tables that changed.
enum ScenarioHTML {
    /// Writes the section, one step at a time (a step's view is made only when it is written).
    static func write<Failure: Error>(_ view: ScenarioView, into writer: inout ArticleWriter<Failure>) throws(Failure) {
        var attributes: [HTMLAttribute] = [
            .class("scenario"), .id(view.anchor), .init("aria-labelledby", view.anchor + "-title"),
            .init("data-steps", String(view.stepCount)), .init("data-scenario", view.reference),
        ]
        if let continues = view.continues { attributes.append(.init("data-continues", continues)) }
        writer.start(.section, attributes)
        writer.html.newline()
        writer.html.write(
            .element(
                .h3, [.class("scenario-title"), .id(view.anchor + "-title")],
                [
                    .element(
                        .a, [.class("anchor"), .href("#" + view.anchor)],
                        [.text("Scenario "), .element(.code, text: view.name)]),
                    .text(" "), view.verdict.node, .text(" "),
                    .element(.a, [.class("legend-link"), .href("#" + Legend.anchor)], text: "Marks"),
                ]))
        writer.html.newline()
        source(view.sourceLines, into: &writer.html)
        writer.html.newline()
        writer.html.write(stepper)
        writer.html.newline()
        if !view.leadingChecks.isEmpty {
            checks(view.leadingChecks, label: "Expectations checked before any command", into: &writer.html)
            writer.html.newline()
        }
        try writer.checkSize()
        writer.start(.ol, [.class("steps")])
        try writer.write(.newline)
        try view.forEachStep { (step: StepView) throws(Failure) in
            self.step(step, into: &writer.html, defs: &writer.diagramDefs, rows: &writer.brokerRows)
            writer.html.newline()
            try writer.checkSize()
        }
        writer.end(.ol)
        if let comparison = view.versionComparison {
            try writer.write(.group([.newline, VersionComparisonHTML.node(comparison)]))
        }
        writer.html.newline()
        PrintHTML.finalState(view, rows: &writer.brokerRows, into: &writer.html)
        writer.html.newline()
        writer.html.start(.details, .class("transcript"))
        writer.html.element(.summary, text: "Full transcript")
        writer.html.start(.pre)
        writer.html.start(.code)
        transcript(view.transcript, into: &writer.html)
        writer.html.end(.code)
        writer.html.end(.pre)
        writer.html.end(.details)
        writer.html.newline()
        try writer.checkSize()
        writer.end(.section)
    }

    /// The scenario's source, its lines numbered.
    private static func source(_ lines: [String], into html: inout HTMLWriter) {
        html.start(.details, .class("source"))
        html.start(.summary)
        html.text("Scenario source (")
        html.text(lines.count)
        html.text(lines.count == 1 ? " line)" : " lines)")
        html.end(.summary)
        html.start(.pre)
        html.start(.code)
        for (index, line) in lines.enumerated() {
            html.start(.span, .class("ln"), .ariaHidden)
            html.text(index + 1)
            html.end(.span)
            html.text(line)
            html.newline()
        }
        html.end(.code)
        html.end(.pre)
        html.end(.details)
    }

    /// The transcript's text (`Transcript.text`, what the `output` block holds), written line by line instead of
    /// joined into one string first: every command but the expectations as `$ <command>`, then its output lines.
    static func transcript(_ transcript: Transcript, into html: inout HTMLWriter) {
        for step in transcript.steps where !step.isExpectation {
            html.text("$ ")
            html.text(step.statement.text)
            html.newline()
            for line in step.output {
                html.text(line)
                html.newline()
            }
        }
    }

    /// The stepper's controls, shown by the script (without it every step is on the page); the same in every
    /// scenario, formatted once.
    private static let stepper: HTMLNode =
        .element(
            .div, [.class("stepper"), .hidden],
            [
                .element(.button, [.init("type", "button"), .init("data-action", "prev")], text: "← Previous"),
                .text(" "),
                .element(
                    .button, [.init("type", "button"), .init("data-action", "play"), .init("aria-pressed", "false")],
                    text: "▶ Play"),
                .text(" "),
                .element(.button, [.init("type", "button"), .init("data-action", "next")], text: "Next →"),
                .text(" "),
                .element(.span, [.class("step-status")]), .text(" "),
                // What a screen reader hears when the step changes: the step and what changed.
                .element(.span, [.class("step-announce visually-hidden"), .init("aria-live", "polite")]),
            ])

    /// A step, written straight into the page: a page has a step per command, so its markup is not built as nodes
    /// first (only the picture and the tables are).
    private static func step(
        _ step: StepView, into html: inout HTMLWriter, defs: inout DiagramDefs, rows: inout TableHTML.BrokerRows
    ) {
        html.start(.li, .class("step"), .id(step.id))
        html.newline()
        html.start(.details, .init("open"))
        html.newline()
        html.start(.summary)
        html.start(.a, .class("step-no"), fragment: step.id)
        html.text("Step ")
        html.text(step.number)
        html.start(.span, .class("visually-hidden"))
        html.text(" of ")
        html.text(step.total)
        html.end(.span)
        html.end(.a)
        html.text(" ")
        html.element(.code, .class("command"), text: step.command)
        if let error = step.error {
            html.text(" ")
            html.start(.span, .class("outcome error"))
            html.element(.span, .ariaHidden, text: "⚠")
            html.text(" ")
            html.text(error)
            html.end(.span)
        }
        html.end(.summary)
        html.newline()
        if !step.narration.isEmpty {
            html.start(.div, .class("narration"))
            for paragraph in step.narration { html.element(.p, text: paragraph) }
            html.end(.div)
            html.newline()
        }
        if !step.output.isEmpty {
            html.start(.pre, .class("output"))
            html.start(.code)
            for (index, line) in step.output.enumerated() {
                if index > 0 { html.newline() }
                html.text(line)
            }
            html.end(.code)
            html.end(.pre)
            html.newline()
        }
        // "What changed", in words: the caption of the step's picture when it has one (so a screen reader hears it
        // with the picture, and the page carries the words once), else a block of its own.
        if let diagram = step.diagram {
            html.start(.figure, .class("diagram"))
            // The same title at every step (the step says which it is): it costs nothing compressed.
            DiagramSVG.write(
                diagram, title: "The cluster after this step",
                description: step.changes.isEmpty ? "Nothing changed." : nil, defs: &defs, into: &html)
            if !step.changes.isEmpty {
                html.newline()
                html.start(.figcaption, .class("changes"))
                changes(step.changes, into: &html)
                html.end(.figcaption)
            }
            html.end(.figure)
            html.newline()
        } else {
            if let same = step.samePictureAs {
                html.start(.p, .class("same-picture"))
                html.text("The cluster looks as after ")
                html.start(.a, fragment: Anchor.step(scenario: step.scenario, number: same))
                html.text("step ")
                html.text(same)
                html.end(.a)
                html.text(".")
                html.end(.p)
                html.newline()
            }
            if !step.changes.isEmpty {
                html.start(.div, .class("changes"))
                changes(step.changes, into: &html)
                html.end(.div)
                html.newline()
            }
        }
        if !step.checks.isEmpty {
            checks(step.checks, label: "Expectations checked after this step", into: &html)
            html.newline()
        }
        if let state = step.state { self.state(state, into: &html, rows: &rows) }
        html.end(.details)
        html.newline()
        html.end(.li)
    }

    /// What a step changed, in words.
    private static func changes(_ changes: [String], into html: inout HTMLWriter) {
        html.start(.p, .class("changes-label"))
        html.element(.strong, text: "What changed")
        html.end(.p)
        html.start(.ul)
        for change in changes { html.element(.li, text: change) }
        html.end(.ul)
    }

    /// The expectations checked at a point and their verdicts; `label` names the point for a screen reader.
    private static func checks(_ checks: [CheckView], label: String, into html: inout HTMLWriter) {
        html.start(.ul, .class("checks"), .ariaLabel(label))
        for check in checks {
            html.start(.li, .class(check.passed ? "pass" : "fail"))
            html.element(.span, .ariaHidden, text: check.passed ? "✓" : "✗")
            html.text(" ")
            html.element(.code, text: check.statement)
            html.text(" ")
            html.start(.span, .class("verdict"))
            if check.passed {
                html.text("holds")
            } else {
                html.text("fails (actual: ")
                html.text(check.actual)
                html.text(")")
            }
            html.end(.span)
            html.end(.li)
        }
        html.end(.ul)
    }

    private static func state(_ state: StateView, into html: inout HTMLWriter, rows: inout TableHTML.BrokerRows) {
        if let table = state.brokerTable {
            TableHTML.brokerTable(table, rows: &rows, into: &html)
            html.newline()
        }
        for table in state.replicaTables {
            TableHTML.replicaTable(table, into: &html)
            html.newline()
        }
        if state.morePartitions > 0 {
            let more = state.morePartitions
            html.start(.p, .class("more"))
            html.text(more)
            html.text(more == 1 ? " more partition changed; see " : " more partitions changed; see ")
            html.element(.code, text: "kafka-topics.sh --describe")
            html.text(".")
            html.end(.p)
            html.newline()
        }
        for group in state.groups {
            html.start(.figure, .class("group"))
            html.start(.figcaption)
            html.text("Consumer group ")
            html.element(.code, text: group.name)
            html.text(" after step ")
            html.text(state.step)
            html.text(" (")
            html.element(.code, text: "kafka-consumer-groups.sh --describe")
            html.text(")")
            html.end(.figcaption)
            html.write(GroupTableHTML.node(group, step: state.step))
            html.end(.figure)
            html.newline()
        }
        if let describe = state.describe {
            html.start(.details, .class("describe"))
            html.start(.summary)
            html.element(.code, text: "kafka-topics.sh --describe")
            html.text(" after step ")
            html.text(state.step)
            html.end(.summary)
            html.start(.pre)
            html.start(.code)
            for (index, line) in describe.enumerated() {
                if index > 0 { html.newline() }
                html.text(line)
            }
            html.end(.code)
            html.end(.pre)
            html.end(.details)
            html.newline()
        }
    }
}
