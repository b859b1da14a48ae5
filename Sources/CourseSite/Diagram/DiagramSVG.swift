import Replication

/// Draws a `Diagram` as inline SVG: no script, no external file, styled by the site's stylesheet (light and dark).
///
/// A page holds a picture per step, so the markup is terse and regular: coordinates are small integers, boxes,
/// replicas and log rows are placed by nested `svg`s, and styles are classes of the stylesheet.
enum DiagramSVG {
    // Layout, in SVG units: about 310 wide, so that on a phone (≈ 330 px for the picture) a unit is about a pixel
    // and the 11-unit text stays readable; on a wide screen it is drawn at 1.25 px a unit.
    static let boxWidth = 96.0
    static let gap = 8.0
    static let chipHeight = 16.0
    static let rowPitch = 20.0
    static let labelWidth = 42.0
    static let barWidth = 144.0
    static let minimumWidth = 310.0
    /// The number of offsets a bar is wide for: cells stay whole units wide up to 144 records, and the layout only
    /// changes when a log outgrows its bucket.
    static let buckets = [8, 12, 16, 24, 36, 48, 72, 144]

    static func scale(for offsets: Int) -> Int {
        let width = Int(barWidth)
        return buckets.first { $0 >= offsets } ?? (offsets + width - 1) / width * width
    }

    static func node(_ diagram: Diagram, title: String, description: String) -> HTMLNode {
        let heading: [HTMLNode] = [.element(.svgTitle, text: title), .element(.desc, text: description)]
        if let compact = compact(diagram) {
            return svg(width: compact.width, height: compact.height, heading + compact.nodes)
        }
        var children = heading
        let (cluster, clusterWidth, clusterHeight) = self.cluster(diagram.columns)
        children += cluster
        var y = clusterHeight
        for log in diagram.logs {
            y += 12
            children += self.log(log, at: y)
            y += 17 + rowPitch * Double(log.bars.count + (log.lost.isEmpty ? 0 : 1))
        }
        if diagram.moreLogs > 0 {
            y += 14
            let more = diagram.moreLogs
            children.append(
                text("lh", x: 0, y: y, "\(more) more partition\(more == 1 ? "" : "s") changed (see the tables)"))
            y += 4
        }
        return svg(width: max(minimumWidth, clusterWidth), height: y + 2, children)
    }

    /// The picture's `svg`: drawn at 1.25 px a unit, scaled down to fit narrow screens.
    private static func svg(width: Double, height: Double, _ children: [HTMLNode]) -> HTMLNode {
        .element(
            .svg,
            [
                .class("dg"), .init("viewBox", "0 0 \(number(width)) \(number(height))"),
                .init("width", number((width * 1.25).rounded())), .init("role", "img"),
            ], children)
    }

    // MARK: One partition, no racks

    static let compactBoxWidth = 84.0
    static let compactBarWidth = 96.0

    /// A cluster without racks whose only partition is the one whose log is drawn (most scenarios): a row per
    /// broker, its box holding its state, then its replica of the partition and that replica's log. The same
    /// picture as the general one with the replicas and their logs side by side, in half the markup.
    private static func compact(_ diagram: Diagram) -> (nodes: [HTMLNode], width: Double, height: Double)? {
        guard diagram.columns.count == 1, diagram.columns[0].rack == nil, diagram.logs.count == 1,
            diagram.moreLogs == 0, let log = diagram.logs.first,
            diagram.columns[0].brokers.allSatisfy({ box in box.replicas.allSatisfy { $0.label == log.label } })
        else { return nil }
        let bars = Dictionary(uniqueKeysWithValues: log.bars.map { ($0.broker, $0) })
        let cell = compactBarWidth / Double(log.scale)
        let barX = compactBoxWidth + 6 + chipWidth(characters: log.label.count, marks: 2) + 6
        func x(_ offset: Int) -> Double { barX + Double(offset) * cell }
        var rows: [HTMLNode] = []
        for (index, broker) in diagram.columns[0].brokers.enumerated() {
            var children: [HTMLNode] = [
                .element(
                    .rect,
                    [.init("y", "-10"), .init("width", number(compactBoxWidth)), .init("height", "20")]),
                .element(.text, [.init("x", "6"), .init("y", "4")], boxHeader(broker, short: true)),
            ]
            if let replica = broker.replicas.first {
                var classes = chipClasses(replica.isLeader, replica.marks)
                if replica.isChanged { classes += " hl" }
                children.append(
                    place(
                        classes, x: compactBoxWidth + 6, y: -8,
                        [
                            .element(
                                .rect,
                                [
                                    .init("width", number(chipWidth(characters: log.label.count, marks: 2))),
                                    .init("height", number(chipHeight)),
                                ]),
                            .element(
                                .text, [.init("x", "4"), .init("y", "12")], label(replica.label, marks: replica.marks)),
                        ]))
            }
            if let bar = bars[broker.id] {
                children += self.bar(bar, x: x, words: x(log.scale) + 6, label: false)
            }
            var classes = "b " + cssName(broker.state)
            if broker.isChanged { classes += " hl" }
            if bars[broker.id]?.isDown == true { classes += " dn" }
            rows.append(place(classes, x: 0, y: 28 + Double(index) * 24, children))
        }
        var height = 28 + Double(diagram.columns[0].brokers.count) * 24 - 12
        if !log.lost.isEmpty {
            rows.append(place("", x: 0, y: height + 12, lostRow(log, x: x, label: barX - 30, words: x(log.scale) + 6)))
            height += 24
        }
        var attributes: [HTMLAttribute] = []
        if cell >= 4 { attributes.append(.init("stroke-dasharray", "\(number(cell - 1)) 1")) }
        let nodes = [text("lh", x: 0, y: 11, logTitle(log)), .element(.g, attributes, rows)]
        return (nodes, max(minimumWidth, x(log.scale) + 6 + 110), height + 4)
    }

    // MARK: The cluster

    /// A box per broker (racks as columns; without racks rows of up to three) with its state and its replicas.
    ///
    /// Every box, replica and log row is an element of its own placed by a nested `svg`, with the same inner
    /// coordinates: consecutive steps' pictures then differ only where the cluster did, and compress to little.
    private static func cluster(_ columns: [Diagram.Column]) -> (nodes: [HTMLNode], width: Double, height: Double) {
        let all = columns.flatMap(\.brokers)
        let replicas = all.flatMap(\.replicas)
        let chipWidth = Self.chipWidth(
            characters: replicas.map(\.label.count).max() ?? 2, marks: max(1, replicas.map(\.marks.count).max() ?? 0))
        let perRow = max(1, Int((boxWidth - 10) / (chipWidth + 4)))
        let mostChips = all.map { $0.replicas.count + ($0.moreReplicas > 0 ? 1 : 0) }.max() ?? 0
        let boxHeight = 35 + Double(max(1, (mostChips + perRow - 1) / perRow)) * rowPitch
        let hasRacks = columns.first?.rack != nil
        // With racks each rack is a column; without, the brokers fill rows of (at most) three boxes.
        let grid: [[Diagram.BrokerBox]] =
            hasRacks ? columns.map(\.brokers) : transpose(rows(all, perRow: all.count == 4 ? 2 : 3))
        var nodes: [HTMLNode] = []
        var width = 0.0
        var height = 0.0
        for (index, brokers) in grid.enumerated() {
            let x = Double(index) * (boxWidth + gap)
            var y = 0.0
            if hasRacks, let rack = columns[index].rack {
                nodes.append(text("rk", x: x + 2, y: 11, "Rack \(rack)"))
                y = 16
            }
            for broker in brokers {
                nodes.append(box(broker, x: x, y: y, height: boxHeight, chipWidth: chipWidth, perRow: perRow))
                y += boxHeight + gap
            }
            width = x + boxWidth
            height = max(height, y - gap)
        }
        return (nodes, width, height)
    }

    private static func box(
        _ broker: Diagram.BrokerBox, x: Double, y: Double, height: Double, chipWidth: Double, perRow: Int
    ) -> HTMLNode {
        var children: [HTMLNode] = [
            .element(.rect, [.init("width", number(boxWidth)), .init("height", number(height))]),
            .element(.text, [.init("x", "7"), .init("y", "15")], boxHeader(broker, short: false)),
        ]
        for (index, replica) in broker.replicas.enumerated() {
            var classes = chipClasses(replica.isLeader, replica.marks)
            if replica.isChanged { classes += " hl" }
            children.append(
                place(
                    classes, x: 7 + Double(index % perRow) * (chipWidth + 4), y: 33 + Double(index / perRow) * rowPitch,
                    [
                        .element(.rect, [.init("width", number(chipWidth)), .init("height", number(chipHeight))]),
                        .element(
                            .text, [.init("x", "4"), .init("y", "12")], label(replica.label, marks: replica.marks)),
                    ]))
        }
        if broker.moreReplicas > 0 {
            let index = broker.replicas.count
            children.append(
                text(
                    "mr", x: 9 + Double(index % perRow) * (chipWidth + 4), y: 45 + Double(index / perRow) * rowPitch,
                    "+\(broker.moreReplicas)"))
        }
        return place("b \(cssName(broker.state))" + (broker.isChanged ? " hl" : ""), x: x, y: y, children)
    }

    /// A broker's name, state symbol and state in words. A fenced broker (shut down and restarting ones always
    /// are) says so on a second line, or, in a one-line box, instead of its state word.
    private static func boxHeader(_ broker: Diagram.BrokerBox, short: Bool) -> [HTMLNode] {
        let fenced = broker.isFenced && broker.state != .shutDown && broker.state != .restarting
        let word = fenced && short ? "fenced" : broker.state.rawValue
        var header: [HTMLNode] = [
            .element(.tspan, [.class("bn")], text: "B\(broker.id)"),
            .text(" \(BrokerStateHTML.symbol(broker.state)) \(word)"),
        ]
        if fenced && !short {
            header.append(.element(.tspan, [.class("bw"), .init("x", "7"), .init("dy", "13")], text: "fenced"))
        }
        return header
    }

    static func chipWidth(characters: Int, marks: Int) -> Double { Double(8 + characters * 7 + marks * 7) }

    private static func cssName(_ state: BrokerState) -> String {
        state.rawValue.split(separator: " ").joined(separator: "-")
    }

    /// A replica's box: filled for the leader, outlined for a follower, dashed when out of sync, dotted when its
    /// partition has no leader.
    static func chipClasses(_ isLeader: Bool, _ marks: BrokerTable.Marks) -> String {
        var classes = isLeader ? "c l" : "c"
        if marks.contains(.outOfSync) { classes += " o" }
        if marks.contains(.noLeader) { classes += " n" }
        return classes
    }

    /// A replica's label with its marks (`P0!`).
    static func label(_ text: String, marks: BrokerTable.Marks) -> [HTMLNode] {
        [.text(text)]
            + BrokerTable.Marks.all.filter { marks.contains($0.mark) }.map {
                .element(.tspan, [.class("m")], text: $0.symbol)
            }
    }

    private static func rows<T>(_ items: [T], perRow: Int) -> [[T]] {
        stride(from: 0, to: items.count, by: perRow).map { Array(items[$0..<min(items.count, $0 + perRow)]) }
    }

    /// The columns of a grid given by rows (`[[a, b, c], [d]]` → `[[a, d], [b], [c]]`).
    private static func transpose<T>(_ rows: [[T]]) -> [[T]] {
        let width = rows.map(\.count).max() ?? 0
        return (0..<width).map { column in rows.compactMap { column < $0.count ? $0[column] : nil } }
    }

    // MARK: Logs

    /// A partition's log: a header, then a row per replica with its records (committed, uncommitted, diverged from
    /// the leader), its high watermark as a tick and its LEO and HW in words; lost records in a row of their own.
    /// The rows sit in an `svg` whose origin is the start of the first bar; the record cells are a dash pattern.
    private static func log(_ log: Diagram.PartitionLog, at top: Double) -> [HTMLNode] {
        let cell = barWidth / Double(log.scale)
        func x(_ offset: Int) -> Double { Double(offset) * cell }
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

    private static func logTitle(_ log: Diagram.PartitionLog) -> String {
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
    private static func lostRow(_ log: Diagram.PartitionLog, x: (Int) -> Double, label: Double, words: Double)
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
        lost.append(text(newly.isEmpty ? "lt" : "lt chg", x: words, y: 4, OffsetRanges.text(log.lost)))
        return lost
    }

    /// One replica's log along y = 0: `x` places offsets, `words` the LEO and HW; with `label`, the broker's name
    /// and marks first.
    private static func bar(_ bar: Diagram.Bar, x: (Int) -> Double, words wordsX: Double, label: Bool) -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        if label {
            let marks = BrokerTable.Marks.all.filter { bar.marks.contains($0.mark) }.map(\.symbol).joined()
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
        nodes.append(
            .element(
                .path,
                [
                    .class(bar.previousHighWatermark == nil ? "hw" : "hw chg"),
                    .init("d", "M\(number(x(bar.highWatermark)))-9v18"),
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
        nodes.append(.element(.text, [.class("lt"), .init("x", number(wordsX)), .init("y", "4")], words))
        return nodes
    }

    /// Records `from..<to`: a 12-unit-thick stroke along y = 0 (cut into cells by the dash pattern).
    private static func run(_ kind: String, from: Double, to: Double) -> HTMLNode {
        .element(.path, [.class(kind), .init("d", "M\(number(from)) 0h\(number(to - from))")])
    }

    /// A frame around records `from..<to`.
    private static func frame(_ kind: String, from: Double, to: Double) -> HTMLNode {
        let width = number(to - from + 1)
        return .element(.path, [.class(kind), .init("d", "M\(number(from - 1))-7h\(width)v14h-\(width)z")])
    }

    // MARK: Pieces

    /// Children placed at (x, y): a nested `svg`, shorter than a translated `g` (the stylesheet lets it overflow).
    private static func place(_ classes: String, x: Double, y: Double, _ children: [HTMLNode]) -> HTMLNode {
        var attributes: [HTMLAttribute] = classes.isEmpty ? [] : [.class(classes)]
        if x != 0 { attributes.append(.init("x", number(x))) }
        if y != 0 { attributes.append(.init("y", number(y))) }
        return .element(.svg, attributes, children)
    }

    private static func text(_ classes: String, x: Double, y: Double, _ content: String) -> HTMLNode {
        .element(.text, [.class(classes), .init("x", number(x)), .init("y", number(y))], text: content)
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
