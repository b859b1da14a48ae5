import Replication

/// The logs of a picture: a row per replica of a partition.
extension DiagramSVG {
    /// A partition's log: a header, then a row per replica with its records (committed, uncommitted, diverged from
    /// the leader), its high watermark as a tick and its LEO and HW in words; lost records in a row of their own.
    /// The rows sit in an `svg` whose origin is the start of the first bar; the record cells are a dash pattern.
    static func log(_ log: Diagram.PartitionLog, at top: Double, defs: inout DiagramDefs) -> [HTMLNode] {
        let cell = barWidth / Double(log.scale)
        func x(_ offset: Int64) -> Double { Double(offset) * cell }
        var rows: [HTMLNode] = []
        for (index, bar) in log.bars.enumerated() {
            var classes: [String] = []
            if bar.isLeader { classes.append("l") }
            if bar.isDown { classes.append("dn") }
            rows.append(
                place(
                    classes.joined(separator: " "), x: 0, y: Double(index) * rowPitch,
                    self.bar(bar, origin: 0, cell: cell, words: barWidth + 6, label: true, defs: &defs)))
        }
        if !log.lost.isEmpty {
            rows.append(
                place(
                    "", x: 0, y: Double(log.bars.count) * rowPitch,
                    lostRow(log, x: x, label: 2 - labelWidth, words: barWidth + 6)))
        }
        // Whole cells: a dash of (cell − 1) and a gap of 1 per record, inherited by the runs of records.
        var attributes: [HTMLAttribute] = [.init("x", number(labelWidth)), .init("y", number(top + 26))]
        if cell >= 4 { attributes.append(.init("stroke-dasharray", "\(number(cell - 1)) 1")) }
        return [text("lh", x: 0, y: top + 11, logTitle(log)), .element(.svg, attributes, rows)]
    }

    static func logTitle(_ log: Diagram.PartitionLog) -> String {
        var title = log.label
        if let leader = log.leader {
            title += " · leader B\(leader) · epoch \(log.leaderEpoch) · HW \(log.highWatermark ?? 0)"
            if log.isUnclean { title += " · unclean" }
        } else {
            title += " · no leader (offline) · epoch \(log.leaderEpoch)"
        }
        return title
    }

    /// The row of lost records, along y = 0.
    static func lostRow(_ log: Diagram.PartitionLog, x: (Int64) -> Double, label: Double, words: Double)
        -> [HTMLNode]
    {
        var lost: [HTMLNode] = [text("ll", x: label, y: 4, "lost")]
        let newly = Set(log.newlyLost)
        for range in OffsetRanges.ranges(log.lost) {
            lost.append(run("ls", from: x(range.lowerBound), to: x(range.upperBound + 1)))
            if range.allSatisfy(newly.contains) {
                lost.append(frame("nw", from: x(range.lowerBound), to: x(range.upperBound + 1)))
            }
        }
        lost.append(
            .element(
                .text, [.class(newly.isEmpty ? "lt" : "lt chg"), .init("x", number(words)), .init("y", "4")],
                text: OffsetRanges.text(log.lost)))
        return lost
    }

    /// One replica's log along y = 0: offset k at `origin + k * cell`, `words` the LEO and HW; with `label`, the
    /// broker's name and marks first. A log the step did not change is a shared piece (it is often the same for many
    /// steps), drawn by a `use` that is made once per page (`DiagramDefs.bars`).
    static func bar(
        _ bar: Diagram.Bar, origin: Double, cell: Double, words wordsX: Double, label: Bool, defs: inout DiagramDefs
    ) -> [HTMLNode] {
        if bar.isChanged { return drawBar(bar, origin: origin, cell: cell, words: wordsX, label: label, defs: &defs) }
        let key = DiagramDefs.BarKey(bar: bar, origin: origin, cell: cell, words: wordsX, label: label)
        if let drawn = defs.bars[key] { return [drawn] }
        let drawn = drawBar(bar, origin: origin, cell: cell, words: wordsX, label: label, defs: &defs)
        defs.bars[key] = drawn[0]
        return drawn
    }

    private static func drawBar(
        _ bar: Diagram.Bar, origin: Double, cell: Double, words wordsX: Double, label: Bool, defs: inout DiagramDefs
    ) -> [HTMLNode] {
        func x(_ offset: Int64) -> Double { origin + Double(offset) * cell }
        let isChanged = bar.isChanged
        var nodes: [HTMLNode] = []
        // In a shared piece, the class-only twin of each class (see `pieceStyles`).
        func paint(_ kind: String) -> HTMLAttribute {
            .class(isChanged ? kind : "p" + kind)
        }
        if label {
            let marks = BrokerTable.Marks.all.filter { bar.marks.contains($0.mark) }.map { $0.symbol }.joined()
            var attributes = [paint("bl"), .init("x", number(2 - labelWidth)), .init("y", "4")]
            if bar.isLeader { attributes.append(.init("font-weight", "700")) }
            nodes.append(.element(.text, attributes, text: "B\(bar.broker)" + marks))
        }
        let kept = bar.divergedFrom ?? bar.logEndOffset
        func run(_ kind: String, from: Int64, to: Int64) -> HTMLNode {
            .element(.path, [paint(kind), .init("d", "M\(number(x(from))) 0h\(number(x(to) - x(from)))")])
        }
        if bar.committedEnd > 0 { nodes.append(run("lc", from: 0, to: bar.committedEnd)) }
        if kept > bar.committedEnd { nodes.append(run("lu", from: bar.committedEnd, to: kept)) }
        if bar.logEndOffset > kept { nodes.append(run("ld", from: kept, to: bar.logEndOffset)) }
        // What the step changed: records truncated (dotted frame), records appended (highlighted frame).
        if let truncated = bar.truncated, truncated.upperBound > bar.logEndOffset {
            nodes.append(frame("tr", from: x(max(truncated.lowerBound, bar.logEndOffset)), to: x(truncated.upperBound)))
        }
        if let previous = bar.previousLogEndOffset, previous < bar.logEndOffset {
            nodes.append(frame("nw", from: x(previous), to: x(bar.logEndOffset)))
        }
        // The high watermark's tick, centred on its offset; a changed one is highlighted (and drawn wider).
        nodes.append(
            .element(
                .rect,
                [
                    isChanged ? .class(bar.previousHighWatermark == nil ? "hw" : "hw chg") : paint("hw"),
                    .init("x", number(x(bar.highWatermark) - 1)), .init("y", "-9"), .init("width", "2"),
                    .init("height", "18"),
                ]))
        var words: [HTMLNode] = []
        if let previous = bar.previousLogEndOffset {
            words.append(.element(.tspan, [.class("chg")], text: "LEO \(previous)→\(bar.logEndOffset)"))
        } else {
            words.append(.text("LEO \(bar.logEndOffset)"))
        }
        words.append(.text(" · "))
        if let previous = bar.previousHighWatermark {
            words.append(.element(.tspan, [.class("chg")], text: "HW \(previous)→\(bar.highWatermark)"))
        } else {
            words.append(.text("HW \(bar.highWatermark)"))
        }
        nodes.append(.element(.text, [paint("lt"), .init("x", number(wordsX)), .init("y", "4")], words))
        return isChanged ? nodes : [defs.use([], .g, [], nodes)]
    }

    /// The looks of a log's parts, each the rule of two classes: `.dg .lc` for a part the step changed, drawn in the
    /// picture, and `.plc` for a part of a shared piece. A rule with no ancestor in its selector matches the piece in
    /// the page's `defs` and its copy in a `use` alike, whichever a browser styles (the `.dg` selector does not reach
    /// into a copy). The cells' dash pattern is inherited from the `use`.
    static let pieceStyles: [(kind: String, style: String)] = [
        ("bl", "fill: var(--fg);"),
        ("lc", "fill: none; stroke: var(--committed); stroke-width: 12;"),
        ("lu", "fill: none; stroke: var(--uncommitted); stroke-width: 12;"),
        ("ld", "fill: none; stroke: var(--bad); stroke-width: 12; opacity: 0.35;"),
        ("hw", "fill: var(--fg); stroke: none;"),
        ("lt", "fill: var(--fg); font-size: 10.5px;"),
    ]

    /// `pieceStyles` as stylesheet rules.
    static var logStylesheet: String {
        pieceStyles.map { ".dg .\($0.kind), .p\($0.kind) { \($0.style) }" }.joined(separator: "\n")
    }

    /// Records `from..<to`: a 12-unit-thick stroke along y = 0 (cut into cells by the dash pattern).
    static func run(_ kind: String, from: Double, to: Double) -> HTMLNode {
        .element(.path, [.class(kind), .init("d", "M\(number(from)) 0h\(number(to - from))")])
    }

    /// A frame around records `from..<to`.
    static func frame(_ kind: String, from: Double, to: Double) -> HTMLNode {
        .element(
            .rect,
            [
                .class(kind), .init("x", number(from - 1)), .init("y", "-7"), .init("width", number(to - from + 1)),
                .init("height", "14"),
            ])
    }
}
