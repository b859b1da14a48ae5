/// The picture of a cluster without racks whose only partition is drawn: a row per broker.
extension DiagramSVG {
    static let compactBoxWidth = 84.0
    static let compactBarWidth = 96.0

    /// A cluster without racks whose only partition is the one whose log is drawn (most scenarios): a row per
    /// broker, its box holding its state, then its replica of the partition and that replica's log. The same
    /// picture as the general one with the replicas and their logs side by side, in half the markup.
    struct CompactLayout {
        var log: Diagram.PartitionLog
        var cell: Double
        var chipX: Double
        var chipWidth: Double
        var barX: Double
        var width: Double
        var height: Double

        init?(_ diagram: Diagram) {
            guard diagram.columns.count == 1, diagram.columns[0].rack == nil, diagram.logs.count == 1,
                diagram.moreLogs == 0, let log = diagram.logs.first,
                diagram.columns[0].brokers.allSatisfy({ box in box.replicas.allSatisfy { $0.label == log.label } })
            else { return nil }
            self.log = log
            cell = compactBarWidth / Double(log.scale)
            chipX = compactBoxWidth + 6
            chipWidth = DiagramSVG.chipWidth(characters: log.label.count, marks: 2)
            barX = chipX + chipWidth + 6
            width = 0
            height = 28 + Double(diagram.columns[0].brokers.count) * 24 - 12
            if !log.lost.isEmpty { height += 24 }
            width = max(minimumWidth, x(log.scale) + 6 + wordsWidth)
            height += 4
        }

        func x(_ offset: Int64) -> Double { barX + Double(offset) * cell }

        /// The rows of the picture, after its title.
        func write(_ diagram: Diagram, defs: inout DiagramDefs, into html: inout HTMLWriter) {
            startText("lh", x: 0, y: 11, into: &html)
            logTitle(log, into: &html)
            html.end(.text)
            html.open(svg: .g)
            html.attribute("class", "k")
            if cell >= 4 { dashes(cell, into: &html) }
            let brokers = diagram.columns[0].brokers
            guard !brokers.isEmpty || !log.lost.isEmpty else { return html.closeEmptyTag() }
            html.closeTag()
            for (index, broker) in brokers.enumerated() {
                row(broker, at: 28 + Double(index) * 24, defs: &defs, into: &html)
            }
            if !log.lost.isEmpty {
                let top = 28 + Double(brokers.count) * 24 - 12
                startPlace(x: 0, y: top + 12, into: &html)
                lostRow(log, cell: cell, origin: barX, label: barX - 30, words: x(log.scale) + 6, into: &html)
                html.end(.svg)
            }
            html.end(.g)
        }

        /// A broker's row: its box, its state, the chip and their words are one shared piece (the row's classes give
        /// the box and the chip their look, see `boxClass`, `chipClass`), then the replica's log.
        private func row(
            _ broker: Diagram.BrokerBox, at y: Double, defs: inout DiagramDefs, into html: inout HTMLWriter
        ) {
            let bar = log.bars.first { $0.broker == broker.id }
            let isDown = bar?.isDown == true
            let replica = broker.replicas.first
            let (chipX, chipWidth) = (chipX, chipWidth)
            let head = defs.piece(.g) { piece in
                piece.start(.g)
                piece.open(svg: .rect)
                piece.attribute("y", "-10")
                piece.attribute("width", compactBoxWidth)
                piece.attribute("height", "20")
                piece.attribute("rx", "6")
                piece.attribute("class", boxClass)
                piece.closeEmptyTag()
                if replica != nil { chipPiece(chipWidth, x: chipX, y: "-8", into: &piece) }
                piece.open(svg: .text)
                piece.attribute("y", "4")
                piece.attribute("style", "fill:var(--fg)")
                piece.closeTag()
                piece.open(svg: .tspan)
                piece.attribute("x", "6")
                piece.attribute("font-family", sans)
                piece.closeTag()
                boxHeader(broker, short: true, into: &piece)
                piece.end(.tspan)
                if let replica {
                    // A row of a broker that is down fades as a whole (`.dg .dn`): its chip not a second time.
                    chipLabel(replica, x: chipX + 4, y: 4, dim: isDimmed(broker.state) && !isDown, into: &piece)
                }
                piece.end(.text)
                piece.end(.g)
            }
            startPlace(x: 0, y: y, into: &html) { html in
                html.startAttribute("class")
                html.append("b ")
                html.append(cssName(broker.state))
                if broker.isChanged { html.append(" hl") }
                if isDown { html.append(" dn") }
                if let replica { roleClasses(replica, spaced: true, into: &html) }
                html.endAttribute()
            }
            DiagramDefs.use(head, into: &html)
            if let bar {
                DiagramSVG.bar(
                    bar, origin: barX, cell: cell, words: x(log.scale) + 6, label: false, defs: &defs, into: &html)
            }
            html.end(.svg)
        }
    }
}
