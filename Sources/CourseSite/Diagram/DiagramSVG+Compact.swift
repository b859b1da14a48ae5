/// The picture of a cluster without racks whose only partition is drawn: a row per broker.
extension DiagramSVG {
    static let compactBoxWidth = 84.0
    static let compactBarWidth = 96.0

    /// A cluster without racks whose only partition is the one whose log is drawn (most scenarios): a row per
    /// broker, its box holding its state, then its replica of the partition and that replica's log. The same
    /// picture as the general one with the replicas and their logs side by side, in half the markup.
    static func compact(_ diagram: Diagram, defs: inout DiagramDefs)
        -> (nodes: [HTMLNode], width: Double, height: Double)?
    {
        guard diagram.columns.count == 1, diagram.columns[0].rack == nil, diagram.logs.count == 1,
            diagram.moreLogs == 0, let log = diagram.logs.first,
            diagram.columns[0].brokers.allSatisfy({ box in box.replicas.allSatisfy { $0.label == log.label } })
        else { return nil }
        let bars = Dictionary(uniqueKeysWithValues: log.bars.map { ($0.broker, $0) })
        let cell = compactBarWidth / Double(log.scale)
        let chipX = compactBoxWidth + 6
        let chipWidth = chipWidth(characters: log.label.count, marks: 2)
        let barX = chipX + chipWidth + 6
        func x(_ offset: Int64) -> Double { barX + Double(offset) * cell }
        var rows: [HTMLNode] = []
        for (index, broker) in diagram.columns[0].brokers.enumerated() {
            var classes = "b " + cssName(broker.state)
            if broker.isChanged { classes += " hl" }
            let isDown = bars[broker.id]?.isDown == true
            if isDown { classes += " dn" }
            // The box, its state, the chip and their words are one shared piece: the row's classes give the box and
            // the chip their look (see `boxClass`, `chipClass`).
            var head: [HTMLNode] = [
                .element(
                    .rect,
                    [
                        .init("y", "-10"), .init("width", number(compactBoxWidth)), .init("height", "20"), rx(6),
                        .class(boxClass),
                    ])
            ]
            var words: [HTMLNode] = [.element(.tspan, [.init("x", "6")] + sans, boxHeader(broker, short: true))]
            if let replica = broker.replicas.first {
                classes += roleClasses(replica)
                head.append(.element(.rect, [.init("x", number(chipX)), .init("y", "-8")] + chipPiece(chipWidth)))
                // A row of a broker that is down fades as a whole (`.dg .dn`): its chip not a second time.
                words.append(chipLabel(replica, x: chipX + 4, y: 4, dim: isDimmed(broker.state) && !isDown))
            }
            head.append(.element(.text, [.init("y", "4"), .init("style", "fill:var(--fg)")], words))
            var children = [defs.use([], .g, [], head)]
            if let bar = bars[broker.id] {
                children += self.bar(bar, origin: barX, cell: cell, words: x(log.scale) + 6, label: false, defs: &defs)
            }
            rows.append(place(classes, x: 0, y: 28 + Double(index) * 24, children))
        }
        var height = 28 + Double(diagram.columns[0].brokers.count) * 24 - 12
        if !log.lost.isEmpty {
            rows.append(place("", x: 0, y: height + 12, lostRow(log, x: x, label: barX - 30, words: x(log.scale) + 6)))
            height += 24
        }
        var attributes: [HTMLAttribute] = [.class("k")]
        if cell >= 4 { attributes.append(.init("stroke-dasharray", "\(number(cell - 1)) 1")) }
        let nodes = [text("lh", x: 0, y: 11, logTitle(log)), .element(.g, attributes, rows)]
        return (nodes, max(minimumWidth, x(log.scale) + 6 + wordsWidth), height + 4)
    }
}
