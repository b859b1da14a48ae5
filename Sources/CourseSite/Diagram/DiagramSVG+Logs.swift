import Replication

/// The logs of a picture: a row per replica of a partition.
extension DiagramSVG {
    /// A partition's log: a header, then a row per replica with its records (committed, uncommitted, diverged from
    /// the leader), its high watermark as a tick and its LEO and HW in words; lost records in a row of their own.
    /// The rows sit in an `svg` whose origin is the start of the first bar; the record cells are a dash pattern.
    static func log(_ log: Diagram.PartitionLog, at top: Double) -> [HTMLNode] {
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
                    self.bar(bar, x: x, words: barWidth + 6, label: true)))
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
                .text, [.class(newly.isEmpty ? "lt" : "lt chg"), .init("x", number(words))],
                text: OffsetRanges.text(log.lost)))
        return lost
    }

    /// One replica's log along y = 0: `x` places offsets, `words` the LEO and HW; with `label`, the broker's name
    /// and marks first.
    static func bar(_ bar: Diagram.Bar, x: (Int64) -> Double, words wordsX: Double, label: Bool) -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        if label {
            let marks = BrokerTable.Marks.all.filter { bar.marks.contains($0.mark) }.map { $0.symbol }.joined()
            nodes.append(text("bl", x: 2 - labelWidth, y: 4, "B\(bar.broker)" + marks))
        }
        let kept = bar.divergedFrom ?? bar.logEndOffset
        if bar.committedEnd > 0 { nodes.append(run("lc", from: x(0), to: x(bar.committedEnd))) }
        if kept > bar.committedEnd { nodes.append(run("lu", from: x(bar.committedEnd), to: x(kept))) }
        if bar.logEndOffset > kept { nodes.append(run("ld", from: x(kept), to: x(bar.logEndOffset))) }
        // What the step changed: records truncated (dotted frame), records appended (highlighted frame).
        if let truncated = bar.truncated, truncated.upperBound > bar.logEndOffset {
            nodes.append(frame("tr", from: x(max(truncated.lowerBound, bar.logEndOffset)), to: x(truncated.upperBound)))
        }
        if let previous = bar.previousLogEndOffset, previous < bar.logEndOffset {
            nodes.append(frame("nw", from: x(previous), to: x(bar.logEndOffset)))
        }
        // The high watermark's tick: its height, width and centring are the stylesheet's (`.dg .hw`).
        nodes.append(
            .element(
                .rect,
                [
                    .class(bar.previousHighWatermark == nil ? "hw" : "hw chg"),
                    .init("x", number(x(bar.highWatermark))),
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
        nodes.append(.element(.text, [.class("lt"), .init("x", number(wordsX))], words))
        return nodes
    }

    /// Records `from..<to`: a 12-unit-thick stroke along y = 0 (cut into cells by the dash pattern).
    static func run(_ kind: String, from: Double, to: Double) -> HTMLNode {
        .element(.path, [.class(kind), .init("d", "M\(number(from)) 0h\(number(to - from))")])
    }

    /// A frame around records `from..<to` (its top and height are the stylesheet's: `.dg .nw`, `.dg .tr`).
    static func frame(_ kind: String, from: Double, to: Double) -> HTMLNode {
        .element(.rect, [.class(kind), .init("x", number(from - 1)), .init("width", number(to - from + 1))])
    }
}
