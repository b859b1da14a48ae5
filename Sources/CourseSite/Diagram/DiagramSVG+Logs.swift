import Replication

/// The logs of a picture: a row per replica of a partition.
extension DiagramSVG {
    /// A partition's log: a header, then a row per replica with its records (committed, uncommitted, diverged from
    /// the leader), its high watermark as a tick and its LEO and HW in words; lost records in a row of their own.
    /// The rows sit in an `svg` whose origin is the start of the first bar; the record cells are a dash pattern.
    static func log(_ log: Diagram.PartitionLog, at top: Double, defs: inout DiagramDefs, into html: inout HTMLWriter) {
        let cell = barWidth / Double(log.scale)
        startText("lh", x: 0, y: top + 11, into: &html)
        logTitle(log, into: &html)
        html.end(.text)
        html.open(svg: .svg)
        html.attribute("x", labelWidth)
        html.attribute("y", top + 26)
        // Whole cells: a dash of (cell − 1) and a gap of 1 per record, inherited by the runs of records.
        if cell >= 4 { dashes(cell, into: &html) }
        guard !log.bars.isEmpty || !log.lost.isEmpty else { return html.closeEmptyTag() }
        html.closeTag()
        for (index, bar) in log.bars.enumerated() {
            startPlace(x: 0, y: Double(index) * rowPitch, into: &html) { html in
                if bar.isLeader && bar.isDown {
                    html.attribute("class", "l dn")
                } else if bar.isLeader {
                    html.attribute("class", "l")
                } else if bar.isDown {
                    html.attribute("class", "dn")
                }
            }
            self.bar(bar, origin: 0, cell: cell, words: barWidth + 6, label: true, defs: &defs, into: &html)
            html.end(.svg)
        }
        if !log.lost.isEmpty {
            startPlace(x: 0, y: Double(log.bars.count) * rowPitch, into: &html)
            lostRow(log, cell: cell, origin: 0, label: 2 - labelWidth, words: barWidth + 6, into: &html)
            html.end(.svg)
        }
        html.end(.svg)
    }

    /// ` stroke-dasharray="(cell − 1) 1"`.
    static func dashes(_ cell: Double, into html: inout HTMLWriter) {
        html.startAttribute("stroke-dasharray")
        html.coordinate(cell - 1)
        html.append(" 1")
        html.endAttribute()
    }

    /// `P0 · leader B1 · epoch 2 · HW 5`, as text.
    static func logTitle(_ log: Diagram.PartitionLog, into html: inout HTMLWriter) {
        html.text(log.label)
        if let leader = log.leader {
            html.text(" · leader B")
            html.integer(leader)
            html.text(" · epoch ")
            html.integer(log.leaderEpoch)
            html.text(" · HW ")
            html.integer(log.highWatermark ?? 0)
            if log.isUnclean { html.text(" · unclean") }
        } else {
            html.text(" · no leader (offline) · epoch ")
            html.integer(log.leaderEpoch)
        }
    }

    /// The row of lost records, along y = 0: offset k at `origin + k * cell`, the word "lost" at `label`, the offsets
    /// at `words`.
    static func lostRow(
        _ log: Diagram.PartitionLog, cell: Double, origin: Double, label: Double, words: Double,
        into html: inout HTMLWriter
    ) {
        func x(_ offset: Int64) -> Double { origin + Double(offset) * cell }
        startText("ll", x: label, y: 4, into: &html)
        html.text("lost")
        html.end(.text)
        let newly = Set(log.newlyLost)
        for range in OffsetRanges.ranges(log.lost) {
            run("ls", from: x(range.lowerBound), to: x(range.upperBound + 1), into: &html)
            if range.allSatisfy(newly.contains) {
                frame("nw", from: x(range.lowerBound), to: x(range.upperBound + 1), into: &html)
            }
        }
        startText(newly.isEmpty ? "lt" : "lt chg", x: words, y: 4, into: &html)
        html.text(OffsetRanges.text(log.lost))
        html.end(.text)
    }

    /// One replica's log along y = 0: offset k at `origin + k * cell`, `words` the LEO and HW; with `label`, the
    /// broker's name and marks first. A log the step did not change is a shared piece (it is often the same for many
    /// steps), drawn by a `use` whose piece is found once per page (`DiagramDefs.bars`).
    static func bar(
        _ bar: Diagram.Bar, origin: Double, cell: Double, words wordsX: Double, label: Bool, defs: inout DiagramDefs,
        into html: inout HTMLWriter
    ) {
        let place = defs.barPlace
        defs.barPlace += 1
        if bar.isChanged {
            return drawBar(bar, origin: origin, cell: cell, words: wordsX, label: label, into: &html)
        }
        let key = DiagramDefs.BarKey(bar: bar, origin: origin, cell: cell, words: wordsX, label: label)
        // The last picture's log in this place, else one drawn before, else drawn now.
        if place < defs.lastBars.count, defs.lastBars[place].key == key {
            return DiagramDefs.use(defs.lastBars[place].id, into: &html)
        }
        let id: Int
        if let known = defs.bars[key] {
            id = known
        } else {
            id = defs.piece(.g) { piece in
                piece.start(.g)
                drawBar(bar, origin: origin, cell: cell, words: wordsX, label: label, into: &piece)
                piece.end(.g)
            }
            defs.bars[key] = id
        }
        while defs.lastBars.count <= place { defs.lastBars.append((key, id)) }
        defs.lastBars[place] = (key, id)
        DiagramDefs.use(id, into: &html)
    }

    /// A log's parts; in a shared piece (a log the step did not change) each part has the class-only twin of its
    /// class (see `pieceStyles`).
    private static func drawBar(
        _ bar: Diagram.Bar, origin: Double, cell: Double, words wordsX: Double, label: Bool,
        into html: inout HTMLWriter
    ) {
        func x(_ offset: Int64) -> Double { origin + Double(offset) * cell }
        let isChanged = bar.isChanged
        func paint(_ kind: StaticString, _ piece: StaticString) {
            html.attribute("class", isChanged ? kind : piece)
        }
        if label {
            html.open(svg: .text)
            paint("bl", "pbl")
            html.attribute("x", 2 - labelWidth)
            html.attribute("y", "4")
            if bar.isLeader { html.attribute("font-weight", "700") }
            html.closeTag()
            html.append("B")
            html.integer(bar.broker)
            for (mark, symbol, _) in BrokerTable.Marks.all where bar.marks.contains(mark) { html.text(symbol) }
            html.end(.text)
        }
        let kept = bar.divergedFrom ?? bar.logEndOffset
        func run(_ kind: StaticString, _ piece: StaticString, from: Int64, to: Int64) {
            html.open(svg: .path)
            paint(kind, piece)
            path(from: x(from), to: x(to), into: &html)
            html.closeEmptyTag()
        }
        if bar.committedEnd > 0 { run("lc", "plc", from: 0, to: bar.committedEnd) }
        if kept > bar.committedEnd { run("lu", "plu", from: bar.committedEnd, to: kept) }
        if bar.logEndOffset > kept { run("ld", "pld", from: kept, to: bar.logEndOffset) }
        // What the step changed: records truncated (dotted frame), records appended (highlighted frame).
        if let truncated = bar.truncated, truncated.upperBound > bar.logEndOffset {
            frame(
                "tr", from: x(max(truncated.lowerBound, bar.logEndOffset)), to: x(truncated.upperBound), into: &html)
        }
        if let previous = bar.previousLogEndOffset, previous < bar.logEndOffset {
            frame("nw", from: x(previous), to: x(bar.logEndOffset), into: &html)
        }
        // The high watermark's tick, centred on its offset; a changed one is highlighted (and drawn wider).
        html.open(svg: .rect)
        if isChanged {
            html.attribute("class", bar.previousHighWatermark == nil ? "hw" : "hw chg")
        } else {
            html.attribute("class", "phw")
        }
        html.attribute("x", x(bar.highWatermark) - 1)
        html.attribute("y", "-9")
        html.attribute("width", "2")
        html.attribute("height", "18")
        html.closeEmptyTag()
        html.open(svg: .text)
        paint("lt", "plt")
        html.attribute("x", wordsX)
        html.attribute("y", "4")
        html.closeTag()
        if let previous = bar.previousLogEndOffset {
            changed("LEO ", from: previous, to: bar.logEndOffset, into: &html)
        } else {
            html.text("LEO ")
            html.integer(bar.logEndOffset)
        }
        html.text(" · ")
        if let previous = bar.previousHighWatermark {
            changed("HW ", from: previous, to: bar.highWatermark, into: &html)
        } else {
            html.text("HW ")
            html.integer(bar.highWatermark)
        }
        html.end(.text)
    }

    /// `<tspan class="chg">LEO 3→5</tspan>`.
    private static func changed(_ name: StaticString, from: Int64, to: Int64, into html: inout HTMLWriter) {
        html.open(svg: .tspan)
        html.attribute("class", "chg")
        html.closeTag()
        html.append(name)
        html.integer(from)
        html.text("→")
        html.integer(to)
        html.end(.tspan)
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

    /// ` d="M(from) 0h(to − from)"`: records `from..<to` as a 12-unit-thick stroke along y = 0 (cut into cells by
    /// the dash pattern).
    static func path(from: Double, to: Double, into html: inout HTMLWriter) {
        html.startAttribute("d")
        html.append("M")
        html.coordinate(from)
        html.append(" 0h")
        html.coordinate(to - from)
        html.endAttribute()
    }

    /// Records `from..<to` of a kind (a class of their own).
    static func run(_ kind: StaticString, from: Double, to: Double, into html: inout HTMLWriter) {
        html.open(svg: .path)
        html.attribute("class", kind)
        path(from: from, to: to, into: &html)
        html.closeEmptyTag()
    }

    /// A frame around records `from..<to`.
    static func frame(_ kind: StaticString, from: Double, to: Double, into html: inout HTMLWriter) {
        html.open(svg: .rect)
        html.attribute("class", kind)
        html.attribute("x", from - 1)
        html.attribute("y", "-7")
        html.attribute("width", to - from + 1)
        html.attribute("height", "14")
        html.closeEmptyTag()
    }
}
