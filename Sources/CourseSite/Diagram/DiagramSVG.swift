import Replication

/// Draws a `Diagram` as inline SVG: no script, no external file, styled by the site's stylesheet (light and dark).
///
/// A page holds a picture per step, so the markup is terse and regular: coordinates are small integers, boxes,
/// replicas and log rows are placed by nested `svg`s, what pictures share is drawn from the page's `DiagramDefs`,
/// and styles are classes of the stylesheet. Geometry is always in attributes (Safari ignores CSS geometry on SVG).
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
    /// Room for a log's words after its bar, the longest being like `LEO 10→15 · HW 10→15`.
    static let wordsWidth = 136.0
    /// The number of offsets a bar is wide for: cells stay whole units wide up to 144 records, and the layout only
    /// changes when a log outgrows its bucket.
    static let buckets: [Int64] = [8, 12, 16, 24, 36, 48, 72, 144]

    static func scale(for offsets: Int64) -> Int64 {
        let width = Int64(barWidth)
        return buckets.first { $0 >= offsets } ?? (offsets + width - 1) / width * width
    }

    /// The picture, titled, with `description` as its `desc` when there is one (on the site the step's "What
    /// changed" is the caption of the figure the picture is in: a copy in a `desc` would cost a page its words twice).
    /// Its shared pieces (boxes, chips, labels) go to `defs`, which the page writes once.
    static func node(_ diagram: Diagram, title: String, description: String?, defs: inout DiagramDefs) -> HTMLNode {
        var heading: [HTMLNode] = [.element(.svgTitle, text: title)]
        if let description { heading.append(.element(.desc, text: description)) }
        if let compact = compact(diagram, defs: &defs) {
            return svg(width: compact.width, height: compact.height, heading + compact.nodes)
        }
        var children = heading
        let drawn: DrawnCluster
        if let last = defs.lastCluster, last.columns == diagram.columns {
            drawn = last.drawn
        } else {
            drawn = cluster(diagram.columns, defs: &defs)
            defs.lastCluster = (diagram.columns, drawn)
        }
        let (clusterWidth, clusterHeight) = (drawn.width, drawn.height)
        children += drawn.nodes
        var y = clusterHeight
        for log in diagram.logs {
            y += 12
            children += self.log(log, at: y, defs: &defs)
            y += 17 + rowPitch * Double(log.bars.count + (log.lost.isEmpty ? 0 : 1))
        }
        if diagram.moreLogs > 0 {
            y += 14
            let more = diagram.moreLogs
            children.append(
                text("lh", x: 0, y: y, "\(more) more partition\(more == 1 ? "" : "s") changed (see the tables)"))
            y += 4
        }
        let logsWidth = diagram.logs.isEmpty ? 0 : labelWidth + barWidth + 6 + wordsWidth
        return svg(width: max(minimumWidth, clusterWidth, logsWidth), height: y + 2, children)
    }

    /// The picture's `svg`: drawn at 1.25 px a unit, scaled down to fit narrow screens.
    static func svg(width: Double, height: Double, _ children: [HTMLNode]) -> HTMLNode {
        .element(
            .svg,
            [
                .class("dg"), .init("viewBox", "0 0 \(number(width)) \(number(height))"),
                .init("width", number((width * 1.25).rounded())), .init("role", "img"),
            ], children)
    }

    // MARK: The cluster

    /// A box per broker (racks as columns; without racks rows of up to three) with its state and its replicas.
    ///
    /// Every box is placed by a nested `svg` and drawn from shared pieces (its outline, its chips, its words):
    /// consecutive steps' pictures then differ only where the cluster did. (Closures rather than key paths here:
    /// this runs at every step, and a key path is read through the runtime.)
    /// The boxes of a picture, drawn, and the room they take.
    typealias DrawnCluster = (nodes: [HTMLNode], width: Double, height: Double)

    static func cluster(_ columns: [Diagram.Column], defs: inout DiagramDefs) -> DrawnCluster {
        let all = columns.flatMap { $0.brokers }
        let replicas = all.flatMap { $0.replicas }
        let chipWidth = Self.chipWidth(
            characters: replicas.map { $0.label.count }.max() ?? 2,
            marks: max(1, replicas.map { $0.marks.count }.max() ?? 0))
        let perRow = max(1, Int((boxWidth - 10) / (chipWidth + 4)))
        let mostChips = all.map { $0.replicas.count + ($0.moreReplicas > 0 ? 1 : 0) }.max() ?? 0
        let boxHeight = 35 + Double(max(1, (mostChips + perRow - 1) / perRow)) * rowPitch
        let hasRacks = columns.first?.rack != nil
        // With racks each rack is a column; without, the brokers fill rows of (at most) three boxes.
        let grid: [[Diagram.BrokerBox]] =
            hasRacks ? columns.map { $0.brokers } : transpose(rows(all, perRow: all.count == 4 ? 2 : 3))
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
                nodes.append(
                    box(broker, x: x, y: y, height: boxHeight, chipWidth: chipWidth, perRow: perRow, defs: &defs))
                y += boxHeight + gap
            }
            width = x + boxWidth
            height = max(height, y - gap)
        }
        return (nodes, width, height)
    }

    static func box(
        _ broker: Diagram.BrokerBox, x: Double, y: Double, height: Double, chipWidth: Double, perRow: Int,
        defs: inout DiagramDefs
    ) -> HTMLNode {
        let key = DiagramDefs.BoxKey(broker: broker, x: x, y: y, height: height, chipWidth: chipWidth, perRow: perRow)
        if let drawn = defs.boxes[key] { return drawn }
        let drawn = HTMLNode.formattedOnce(
            drawBox(broker, x: x, y: y, height: height, chipWidth: chipWidth, perRow: perRow, defs: &defs))
        defs.boxes[key] = drawn
        return drawn
    }

    private static func drawBox(
        _ broker: Diagram.BrokerBox, x: Double, y: Double, height: Double, chipWidth: Double, perRow: Int,
        defs: inout DiagramDefs
    ) -> HTMLNode {
        var children: [HTMLNode] = [
            defs.use(
                [], .rect,
                [.init("width", number(boxWidth)), .init("height", number(height)), rx(6), .class(boxClass)])
        ]
        let dim = isDimmed(broker.state)
        for (index, replica) in broker.replicas.enumerated() {
            // A chip with its label is a shared piece: the same replica looks the same in every picture.
            let outline = defs.use([], .rect, chipPiece(chipWidth))
            let label = chipLabel(replica, x: 4, y: 12, dim: dim)
            // The chip's place in the box is part of the piece: a replica keeps its place from step to step, so
            // the pictures of a scenario draw the same piece with nothing but its role.
            let place =
                "translate(\(number(7 + Double(index % perRow) * (chipWidth + 4)))"
                + " \(number(33 + Double(index / perRow) * rowPitch)))"
            let roles = roleClasses(replica)
            let attributes: [HTMLAttribute] = roles.isEmpty ? [] : [.class(String(roles.dropFirst()))]
            children.append(
                defs.use(
                    attributes, .g, [.init("transform", place)], [outline, .element(.text, [], [label])]))
        }
        var words: [HTMLNode] = []
        if broker.moreReplicas > 0 {
            let index = broker.replicas.count
            words.append(
                .element(
                    .tspan,
                    [
                        .init("x", number(9 + Double(index % perRow) * (chipWidth + 4))),
                        .init("y", number(45 + Double(index / perRow) * rowPitch)), .init("font-size", "10"),
                        .init("style", "fill:var(--muted)"),
                    ] + sans, text: "+\(broker.moreReplicas)"))
        }
        // The header is a shared piece too; the words after the chips (drawn over them).
        children.append(defs.use([], .text, [.init("x", "7"), .init("y", "15")] + sans, boxHeader(broker)))
        if !words.isEmpty { children.append(.element(.text, [], words)) }
        return place("b \(cssName(broker.state))" + (broker.isChanged ? " hl" : ""), x: x, y: y, children)
    }

    /// A broker's name (bold), state symbol and state in words. A fenced broker (shut down and restarting ones
    /// always are) says so on a second line, or, in a one-line box, instead of its state word.
    static func boxHeader(_ broker: Diagram.BrokerBox, short: Bool = false) -> [HTMLNode] {
        let fenced = broker.isFenced && broker.state != .shutDown && broker.state != .restarting
        let word = fenced && short ? "fenced" : broker.state.rawValue
        var header: [HTMLNode] = [
            .element(.tspan, [.init("font-size", "12"), .init("font-weight", "700")], text: "B\(broker.id)"),
            .text(" \(BrokerStateHTML.symbol(broker.state)) \(word)"),
        ]
        if fenced && !short {
            header.append(
                .element(
                    .tspan,
                    [
                        .init("x", "7"), .init("dy", "13"), .init("font-size", "10"),
                        .init("style", "fill:var(--muted)"),
                    ],
                    text: "fenced"))
        }
        return header
    }

    /// The words of a box are in the system font; labels, offsets and titles in the monospace font.
    static let sans: [HTMLAttribute] = [.init("font-family", "system-ui, sans-serif")]

    /// A replica's label at (x, y), with its marks: bold for the leader, faded on a broker that is not running.
    static func chipLabel(_ replica: Diagram.Replica, x: Double, y: Double, dim: Bool) -> HTMLNode {
        var attributes: [HTMLAttribute] = [.init("x", number(x)), .init("y", number(y))]
        if replica.isLeader { attributes.append(.init("font-weight", "700")) }
        if dim { attributes.append(.init("fill-opacity", "0.5")) }
        return .element(.tspan, attributes, label(replica.label, marks: replica.marks))
    }

    // A box's outline and a chip take their look from custom properties that the classes of the elements around
    // them set (the stylesheet's `.dg .crashed`, `.dg .cl`, `.dg .hl`, …): inherited, they reach into a `use`'s
    // copy in every browser, where selectors do not.

    /// A broker box's outline: its state's stroke (`--bs`, `--bw`, `--bd`), or the highlight (`--bh`, `--bhw`).
    /// The look is the stylesheet's rule for this class alone, with no ancestor in the selector: such a rule matches
    /// the piece in the page's `defs` and its copy in a `use` alike, whichever of the two a browser styles.
    static let boxClass = "dbx"
    /// A chip: its role's fill and stroke (`--cf`, `--cs`, `--cd`), faded on a broker that is not running (`--co`),
    /// or the highlight (`--ch`, `--chw`); a class-only rule as for `boxClass`.
    static let chipClass = "dcp"

    /// A chip's outline, `width` wide.
    static func chipPiece(_ width: Double) -> [HTMLAttribute] {
        [.init("width", number(width)), .init("height", number(chipHeight)), rx(3), .class(chipClass)]
    }

    /// Labels of chips on a broker that is not running fade with their chips (`--co`).
    static func isDimmed(_ state: BrokerState) -> Bool {
        state == .crashed || state == .shutDown || state == .restarting
    }

    static func rx(_ radius: Int) -> HTMLAttribute { .init("rx", String(radius)) }

    static func chipWidth(characters: Int, marks: Int) -> Double { Double(8 + characters * 7 + marks * 7) }

    static func cssName(_ state: BrokerState) -> String {
        state.rawValue.split(separator: " ").joined(separator: "-")
    }

    /// The classes of a replica's chip, each with a leading space: ` cl` the leader (filled), ` co` out of sync
    /// (dashed), ` cn` no leader (dotted), ` ch` changed by the step (highlighted); a follower in sync has none.
    static func roleClasses(_ replica: Diagram.Replica) -> String {
        var classes = replica.isLeader ? " cl" : ""
        if replica.marks.contains(.outOfSync) { classes += " co" }
        if replica.marks.contains(.noLeader) { classes += " cn" }
        if replica.isChanged { classes += " ch" }
        return classes
    }

    /// A replica's label with its marks (`P0!`).
    static func label(_ text: String, marks: BrokerTable.Marks) -> [HTMLNode] {
        [.text(text)]
            + BrokerTable.Marks.all.filter { marks.contains($0.mark) }.map {
                .element(.tspan, [.init("font-weight", "700"), .init("style", "fill:var(--bad)")], text: $0.symbol)
            }
    }

    static func rows<T>(_ items: [T], perRow: Int) -> [[T]] {
        stride(from: 0, to: items.count, by: perRow).map { Array(items[$0..<min(items.count, $0 + perRow)]) }
    }

    /// The columns of a grid given by rows (`[[a, b, c], [d]]` → `[[a, d], [b], [c]]`).
    static func transpose<T>(_ rows: [[T]]) -> [[T]] {
        let width = rows.map { $0.count }.max() ?? 0
        return (0..<width).map { column in rows.compactMap { column < $0.count ? $0[column] : nil } }
    }

    // MARK: Pieces

    /// Children placed at (x, y): a nested `svg`, shorter than a translated `g` (the stylesheet lets it overflow).
    static func place(_ classes: String, x: Double, y: Double, _ children: [HTMLNode]) -> HTMLNode {
        var attributes: [HTMLAttribute] = classes.isEmpty ? [] : [.class(classes)]
        if x != 0 { attributes.append(.init("x", number(x))) }
        if y != 0 { attributes.append(.init("y", number(y))) }
        return .element(.svg, attributes, children)
    }

    static func text(_ classes: String, x: Double, y: Double, _ content: String) -> HTMLNode {
        .element(.text, [.class(classes), .init("x", number(x)), .init("y", number(y))], text: content)
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
