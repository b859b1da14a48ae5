import LessonMarkdown

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
        var head: [HTMLNode] = [
            .newline,
            .element(
                .h3, [.class("scenario-title"), .id(view.anchor + "-title")],
                [
                    .element(
                        .a, [.class("anchor"), .href("#" + view.anchor)],
                        [.text("Scenario "), .element(.code, text: view.name)]),
                    .text(" "), view.verdict.node, .text(" "),
                    .element(.a, [.class("legend-link"), .href("#" + Legend.anchor)], text: "Marks"),
                ]),
            .newline, source(view.sourceLines), .newline, stepper, .newline,
        ]
        if !view.leadingChecks.isEmpty {
            head += [checks(view.leadingChecks, label: "before any command"), .newline]
        }
        try writer.write(.group(head))
        writer.start(.ol, [.class("steps")])
        try writer.write(.newline)
        try view.forEachStep { (step: StepView) throws(Failure) in
            let node = self.step(step, defs: &writer.diagramDefs, rows: &writer.brokerRows)
            try writer.write(.group([node, .newline]))
        }
        writer.end(.ol)
        if let comparison = view.versionComparison {
            try writer.write(.group([.newline, VersionComparisonHTML.node(comparison)]))
        }
        try writer.write(
            .group([
                .newline, PrintHTML.finalState(view), .newline,
                .element(
                    .details, [.class("transcript")],
                    [
                        .element(.summary, text: "Full transcript"),
                        .element(.pre, [], [.element(.code, text: view.transcript)]),
                    ]),
                .newline,
            ]))
        writer.end(.section)
    }

    private static func source(_ lines: [String]) -> HTMLNode {
        var code: [HTMLNode] = []
        for (index, line) in lines.enumerated() {
            code.append(.element(.span, [.class("ln"), .ariaHidden], text: String(index + 1)))
            code.append(.text(line + "\n"))
        }
        return .element(
            .details, [.class("source")],
            [
                .element(.summary, text: "Scenario source (\(lines.count) line\(lines.count == 1 ? "" : "s"))"),
                .element(.pre, [], [.element(.code, [], code)]),
            ])
    }

    /// The stepper's controls, shown by the script (without it every step is on the page).
    private static var stepper: HTMLNode {
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
    }

    private static func step(_ step: StepView, defs: inout DiagramDefs, rows: inout TableHTML.BrokerRows) -> HTMLNode {
        var summary: [HTMLNode] = [
            .element(
                .a, [.class("step-no"), .href("#" + step.id)],
                [
                    .text("Step \(step.number)"),
                    .element(.span, [.class("visually-hidden")], text: " of \(step.total)"),
                ]),
            .text(" "),
            .element(.code, [.class("command")], text: step.command),
        ]
        if let error = step.error {
            summary += [
                .text(" "),
                .element(
                    .span, [.class("outcome error")],
                    [.element(.span, [.ariaHidden], text: "⚠"), .text(" " + error)]),
            ]
        }
        var body: [HTMLNode] = [.newline, .element(.summary, [], summary), .newline]
        if !step.narration.isEmpty {
            body += [
                .element(.div, [.class("narration")], step.narration.map { .element(.p, text: $0) }), .newline,
            ]
        }
        if !step.output.isEmpty {
            body += [
                .element(
                    .pre, [.class("output")], [.element(.code, text: step.output.joined(separator: "\n"))]),
                .newline,
            ]
        }
        // "What changed", in words: the caption of the step's picture when it has one (so a screen reader hears it
        // with the picture, and the page carries the words once), else a block of its own.
        let changes: [HTMLNode] = [
            .element(.p, [.class("changes-label")], [.element(.strong, text: "What changed")]),
            .element(.ul, [], step.changes.map { .element(.li, text: $0) }),
        ]
        if let diagram = step.diagram {
            var figure: [HTMLNode] = [
                // The same title at every step (the step says which it is): it costs nothing compressed.
                DiagramSVG.node(
                    diagram, title: "The cluster after this step",
                    description: step.changes.isEmpty ? "Nothing changed." : nil, defs: &defs)
            ]
            if !step.changes.isEmpty {
                figure += [.newline, .element(.figcaption, [.class("changes")], changes)]
            }
            body += [.element(.figure, [.class("diagram")], figure), .newline]
        } else {
            if let same = step.samePictureAs {
                body += [
                    .element(
                        .p, [.class("same-picture")],
                        [
                            .text("The cluster looks as after "),
                            .element(
                                .a, [.href("#" + Anchor.step(scenario: step.scenario, number: same))],
                                text: "step \(same)"),
                            .text("."),
                        ]),
                    .newline,
                ]
            }
            if !step.changes.isEmpty { body += [.element(.div, [.class("changes")], changes), .newline] }
        }
        if !step.checks.isEmpty { body += [checks(step.checks, label: "after this step"), .newline] }
        if let state = step.state { body.append(self.state(state, rows: &rows)) }
        return .element(
            .li, [.class("step"), .id(step.id)], [.newline, .element(.details, [.init("open")], body), .newline])
    }

    private static func checks(_ checks: [CheckView], label: String) -> HTMLNode {
        .element(
            .ul, [.class("checks"), .ariaLabel("Expectations checked \(label)")],
            checks.map { check in
                .element(
                    .li, [.class(check.passed ? "pass" : "fail")],
                    [
                        .element(.span, [.ariaHidden], text: check.passed ? "✓" : "✗"), .text(" "),
                        .element(.code, text: check.statement), .text(" "),
                        .element(
                            .span, [.class("verdict")],
                            text: check.passed ? "holds" : "fails (actual: \(check.actual))"),
                    ])
            })
    }

    private static func state(_ state: StateView, rows: inout TableHTML.BrokerRows) -> HTMLNode {
        var nodes: [HTMLNode] = []
        if let table = state.brokerTable { nodes += [TableHTML.brokerTable(table, rows: &rows), .newline] }
        for table in state.replicaTables { nodes += [TableHTML.replicaTable(table), .newline] }
        if state.morePartitions > 0 {
            let more = state.morePartitions
            nodes += [
                .element(
                    .p, [.class("more")],
                    [
                        .text("\(more) more partition\(more == 1 ? "" : "s") changed; see "),
                        .element(.code, text: "kafka-topics.sh --describe"), .text("."),
                    ]),
                .newline,
            ]
        }
        for group in state.groups {
            nodes += [
                .element(
                    .figure, [.class("group")],
                    [
                        .element(
                            .figcaption, [],
                            [
                                .text("Consumer group "), .element(.code, text: group.name),
                                .text(" after step \(state.step) ("),
                                .element(.code, text: "kafka-consumer-groups.sh --describe"), .text(")"),
                            ]),
                        GroupTableHTML.node(group, step: state.step),
                    ]),
                .newline,
            ]
        }
        if let describe = state.describe {
            nodes += [
                .element(
                    .details, [.class("describe")],
                    [
                        .element(
                            .summary, [],
                            [.element(.code, text: "kafka-topics.sh --describe"), .text(" after step \(state.step)")]),
                        .element(.pre, [], [.element(.code, text: describe.joined(separator: "\n"))]),
                    ]),
                .newline,
            ]
        }
        return .group(nodes)
    }
}
