import Replication

/// Draws a `Diagram` as inline SVG: no script, no external file, styled by the site's stylesheet (light and dark).
///
/// A page holds a picture per step, so the markup is terse and regular: coordinates are small integers, boxes,
/// replicas and log rows are placed by nested `svg`s, what pictures share is drawn from the page's `DiagramDefs`,
/// and styles are classes of the stylesheet. Geometry is always in attributes (Safari ignores CSS geometry on SVG).
///
/// The markup is written straight into the page with `HTMLWriter`: constant names and values, numbers as digits, and
/// every string from the scenario (labels, racks, the title) as escaped text.
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

    /// The picture as a node (see `write`).
    static func node(_ diagram: Diagram, title: String, description: String?, defs: inout DiagramDefs) -> HTMLNode {
        var html = HTMLWriter(reserving: 4096)
        write(diagram, title: title, description: description, defs: &defs, into: &html)
        return .formatted(html.takeBytes())
    }

    /// Writes the picture, titled, with `description` as its `desc` when there is one (on the site the step's "What
    /// changed" is the caption of the figure the picture is in: a copy in a `desc` would cost a page its words
    /// twice). Its shared pieces (boxes, chips, labels) go to `defs`, which the page writes once.
    static func write(
        _ diagram: Diagram, title: String, description: String?, defs: inout DiagramDefs, into html: inout HTMLWriter
    ) {
        func heading(_ html: inout HTMLWriter) {
            html.element(.svgTitle, text: title)
            if let description { html.element(.desc, text: description) }
        }
        defs.barPlace = 0
        if let compact = CompactLayout(diagram) {
            start(width: compact.width, height: compact.height, into: &html)
            heading(&html)
            compact.write(diagram, defs: &defs, into: &html)
            html.end(.svg)
            return
        }
        let layout = ClusterLayout(diagram.columns)
        var height = layout.height
        for log in diagram.logs {
            height += 12 + 17 + rowPitch * Double(log.bars.count + (log.lost.isEmpty ? 0 : 1))
        }
        if diagram.moreLogs > 0 { height += 14 + 4 }
        let logsWidth = diagram.logs.isEmpty ? 0 : labelWidth + barWidth + 6 + wordsWidth
        start(width: max(minimumWidth, layout.width, logsWidth), height: height + 2, into: &html)
        heading(&html)
        cluster(diagram.columns, layout: layout, defs: &defs, into: &html)
        var y = layout.height
        for log in diagram.logs {
            y += 12
            self.log(log, at: y, defs: &defs, into: &html)
            y += 17 + rowPitch * Double(log.bars.count + (log.lost.isEmpty ? 0 : 1))
        }
        if diagram.moreLogs > 0 {
            y += 14
            let more = diagram.moreLogs
            startText("lh", x: 0, y: y, into: &html)
            html.integer(more)
            html.text(more == 1 ? " more partition" : " more partitions")
            html.text(" changed (see the tables)")
            html.end(.text)
        }
        html.end(.svg)
    }

    /// The picture's `svg` start tag: drawn at 1.25 px a unit, scaled down to fit narrow screens.
    static func start(width: Double, height: Double, into html: inout HTMLWriter) {
        html.open(svg: .svg)
        html.attribute("class", "dg")
        html.startAttribute("viewBox")
        html.append("0 0 ")
        html.coordinate(width)
        html.append(" ")
        html.coordinate(height)
        html.endAttribute()
        html.attribute("width", (width * 1.25).rounded())
        html.attribute("role", "img")
        html.closeTag()
    }

    // MARK: The cluster

    /// Where the boxes go: racks as columns; without racks rows of up to three (two for four brokers).
    struct ClusterLayout {
        var chipWidth: Double
        var perRow: Int
        var boxHeight: Double
        var hasRacks: Bool
        /// The boxes, column by column.
        var grid: [[Diagram.BrokerBox]]
        var width: Double
        var height: Double

        init(_ columns: [Diagram.Column]) {
            // The widest label (2 characters when there is no replica) and the most marks (at least room for one).
            var characters: Int?
            var marks = 1
            var mostChips = 0
            var count = 0
            for column in columns {
                for broker in column.brokers {
                    count += 1
                    mostChips = max(mostChips, broker.replicas.count + (broker.moreReplicas > 0 ? 1 : 0))
                    for replica in broker.replicas {
                        characters = max(characters ?? 0, replica.label.count)
                        marks = max(marks, replica.marks.count)
                    }
                }
            }
            chipWidth = DiagramSVG.chipWidth(characters: characters ?? 2, marks: marks)
            perRow = max(1, Int((boxWidth - 10) / (chipWidth + 4)))
            boxHeight = 35 + Double(max(1, (mostChips + perRow - 1) / perRow)) * rowPitch
            hasRacks = columns.first?.rack != nil
            if hasRacks {
                grid = columns.map { $0.brokers }
            } else {
                let all = columns.flatMap { $0.brokers }
                grid = transpose(rows(all, perRow: count == 4 ? 2 : 3))
            }
            width = 0
            height = 0
            for (index, brokers) in grid.enumerated() {
                let x = Double(index) * (boxWidth + gap)
                let top = hasRacks && columns[index].rack != nil ? 16.0 : 0
                width = x + boxWidth
                height = max(height, top + Double(brokers.count) * (boxHeight + gap) - gap)
            }
        }
    }

    /// A box per broker with its state and its replicas.
    ///
    /// Every box is placed by a nested `svg` and drawn from shared pieces (its outline, its chips, its words):
    /// consecutive steps' pictures then differ only where the cluster did.
    static func cluster(
        _ columns: [Diagram.Column], layout: ClusterLayout, defs: inout DiagramDefs, into html: inout HTMLWriter
    ) {
        var drawn = 0
        for (index, brokers) in layout.grid.enumerated() {
            let x = Double(index) * (boxWidth + gap)
            var y = 0.0
            if layout.hasRacks, let rack = columns[index].rack {
                startText("rk", x: x + 2, y: 11, into: &html)
                html.text("Rack ")
                html.text(rack)
                html.end(.text)
                y = 16
            }
            for broker in brokers {
                let key = DiagramDefs.BoxKey(
                    broker: broker, x: x, y: y, height: layout.boxHeight, chipWidth: layout.chipWidth,
                    perRow: layout.perRow)
                box(key, at: drawn, defs: &defs, into: &html)
                drawn += 1
                y += layout.boxHeight + gap
            }
        }
        defs.lastBoxes.removeSubrange(min(drawn, defs.lastBoxes.count)...)
    }

    /// The box `key` draws, the `index`th of its picture: the last picture's box there when it is the same, else
    /// one drawn before, else drawn now.
    static func box(_ key: DiagramDefs.BoxKey, at index: Int, defs: inout DiagramDefs, into html: inout HTMLWriter) {
        if index < defs.lastBoxes.count, defs.lastBoxes[index].key == key {
            html.append(formatted: defs.lastBoxes[index].html)
            return
        }
        let drawn: [UInt8]
        if let known = defs.boxes[key] {
            drawn = known
        } else {
            var box = HTMLWriter(reserving: 512)
            drawBox(key, defs: &defs, into: &box)
            drawn = box.takeBytes()
            defs.boxes[key] = drawn
        }
        html.append(formatted: drawn)
        if index < defs.lastBoxes.count {
            defs.lastBoxes[index] = (key, drawn)
        } else {
            defs.lastBoxes.append((key, drawn))
        }
    }

    private static func drawBox(_ key: DiagramDefs.BoxKey, defs: inout DiagramDefs, into html: inout HTMLWriter) {
        let broker = key.broker
        let (chipWidth, perRow) = (key.chipWidth, key.perRow)
        let outline = defs.piece(.rect) { piece in
            piece.open(svg: .rect)
            piece.attribute("width", boxWidth)
            piece.attribute("height", key.height)
            piece.attribute("rx", "6")
            piece.attribute("class", boxClass)
            piece.closeEmptyTag()
        }
        var uses: [(id: Int, replica: Diagram.Replica)] = []
        uses.reserveCapacity(broker.replicas.count)
        let dim = isDimmed(broker.state)
        if !broker.replicas.isEmpty {
            let chip = defs.piece(.rect) { chipPiece(chipWidth, into: &$0) }
            for (index, replica) in broker.replicas.enumerated() {
                // A chip with its label is a shared piece: the same replica looks the same in every picture. The
                // chip's place in the box is part of the piece: a replica keeps its place from step to step, so
                // the pictures of a scenario draw the same piece with nothing but its role.
                let id = defs.piece(.g) { piece in
                    piece.open(svg: .g)
                    piece.startAttribute("transform")
                    piece.append("translate(")
                    piece.coordinate(7 + Double(index % perRow) * (chipWidth + 4))
                    piece.append(" ")
                    piece.coordinate(33 + Double(index / perRow) * rowPitch)
                    piece.append(")")
                    piece.endAttribute()
                    piece.closeTag()
                    DiagramDefs.use(chip, into: &piece)
                    piece.start(.text)
                    chipLabel(replica, x: 4, y: 12, dim: dim, into: &piece)
                    piece.end(.text)
                    piece.end(.g)
                }
                uses.append((id, replica))
            }
        }
        // The header is a shared piece too.
        let header = defs.piece(.text) { piece in
            piece.open(svg: .text)
            piece.attribute("x", "7")
            piece.attribute("y", "15")
            piece.attribute("font-family", sans)
            piece.closeTag()
            boxHeader(broker, into: &piece)
            piece.end(.text)
        }
        html.open(svg: .svg)
        html.startAttribute("class")
        html.append("b ")
        html.append(cssName(broker.state))
        if broker.isChanged { html.append(" hl") }
        html.endAttribute()
        if key.x != 0 { html.attribute("x", key.x) }
        if key.y != 0 { html.attribute("y", key.y) }
        html.closeTag()
        DiagramDefs.use(outline, into: &html)
        for (id, replica) in uses {
            DiagramDefs.use(id, into: &html) { roleClasses(replica, into: &$0) }
        }
        DiagramDefs.use(header, into: &html)
        // The words after the chips (drawn over them).
        if broker.moreReplicas > 0 {
            let index = broker.replicas.count
            html.start(.text)
            html.open(svg: .tspan)
            html.attribute("x", 9 + Double(index % perRow) * (chipWidth + 4))
            html.attribute("y", 45 + Double(index / perRow) * rowPitch)
            html.attribute("font-size", "10")
            html.attribute("style", "fill:var(--muted)")
            html.attribute("font-family", sans)
            html.closeTag()
            html.append("+")
            html.integer(broker.moreReplicas)
            html.end(.tspan)
            html.end(.text)
        }
        html.end(.svg)
    }

    /// A broker's name (bold), state symbol and state in words. A fenced broker (shut down and restarting ones
    /// always are) says so on a second line, or, in a one-line box, instead of its state word.
    static func boxHeader(_ broker: Diagram.BrokerBox, short: Bool = false, into html: inout HTMLWriter) {
        let fenced = broker.isFenced && broker.state != .shutDown && broker.state != .restarting
        html.open(svg: .tspan)
        html.attribute("font-size", "12")
        html.attribute("font-weight", "700")
        html.closeTag()
        html.append("B")
        html.integer(broker.id)
        html.end(.tspan)
        html.text(" ")
        html.text(BrokerStateHTML.symbol(broker.state))
        html.text(" ")
        html.text(fenced && short ? "fenced" : broker.state.rawValue)
        if fenced && !short {
            html.open(svg: .tspan)
            html.attribute("x", "7")
            html.attribute("dy", "13")
            html.attribute("font-size", "10")
            html.attribute("style", "fill:var(--muted)")
            html.closeTag()
            html.append("fenced")
            html.end(.tspan)
        }
    }

    /// The words of a box are in the system font; labels, offsets and titles in the monospace font.
    static let sans: StaticString = "system-ui, sans-serif"

    /// A replica's label at (x, y), with its marks: bold for the leader, faded on a broker that is not running.
    static func chipLabel(
        _ replica: Diagram.Replica, x: Double, y: Double, dim: Bool, into html: inout HTMLWriter
    ) {
        html.open(svg: .tspan)
        html.attribute("x", x)
        html.attribute("y", y)
        if replica.isLeader { html.attribute("font-weight", "700") }
        if dim { html.attribute("fill-opacity", "0.5") }
        html.closeTag()
        label(replica.label, marks: replica.marks, into: &html)
        html.end(.tspan)
    }

    // A box's outline and a chip take their look from custom properties that the classes of the elements around
    // them set (the stylesheet's `.dg .crashed`, `.dg .cl`, `.dg .hl`, …): inherited, they reach into a `use`'s
    // copy in every browser, where selectors do not.

    /// A broker box's outline: its state's stroke (`--bs`, `--bw`, `--bd`), or the highlight (`--bh`, `--bhw`).
    /// The look is the stylesheet's rule for this class alone, with no ancestor in the selector: such a rule matches
    /// the piece in the page's `defs` and its copy in a `use` alike, whichever of the two a browser styles.
    static let boxClass: StaticString = "dbx"
    /// A chip: its role's fill and stroke (`--cf`, `--cs`, `--cd`), faded on a broker that is not running (`--co`),
    /// or the highlight (`--ch`, `--chw`); a class-only rule as for `boxClass`.
    static let chipClass: StaticString = "dcp"

    /// A chip's outline, `width` wide: its `<rect`'s attributes and end.
    static func chipPiece(_ width: Double, x: Double? = nil, y: StaticString? = nil, into html: inout HTMLWriter) {
        html.open(svg: .rect)
        if let x { html.attribute("x", x) }
        if let y { html.attribute("y", y) }
        html.attribute("width", width)
        html.attribute("height", chipHeight)
        html.attribute("rx", "3")
        html.attribute("class", chipClass)
        html.closeEmptyTag()
    }

    /// Labels of chips on a broker that is not running fade with their chips (`--co`).
    static func isDimmed(_ state: BrokerState) -> Bool {
        state == .crashed || state == .shutDown || state == .restarting
    }

    static func chipWidth(characters: Int, marks: Int) -> Double { Double(8 + characters * 7 + marks * 7) }

    /// A state as a class name (`shut-down`).
    static func cssName(_ state: BrokerState) -> StaticString {
        switch state {
        case .up: "up"
        case .crashed: "crashed"
        case .stalled: "stalled"
        case .isolated: "isolated"
        case .shutDown: "shut-down"
        case .restarting: "restarting"
        }
    }

    /// The classes of a replica's chip: `cl` the leader (filled), `co` out of sync (dashed), `cn` no leader
    /// (dotted), `ch` changed by the step (highlighted); a follower in sync has none. As ` class="…"` unless
    /// `spaced`, where each is written with a leading space (after other classes).
    static func roleClasses(_ replica: Diagram.Replica, spaced: Bool = false, into html: inout HTMLWriter) {
        var first = !spaced
        func add(_ name: StaticString) {
            if first {
                html.startAttribute("class")
                first = false
            } else {
                html.append(" ")
            }
            html.append(name)
        }
        if replica.isLeader { add("cl") }
        if replica.marks.contains(.outOfSync) { add("co") }
        if replica.marks.contains(.noLeader) { add("cn") }
        if replica.isChanged { add("ch") }
        if !spaced && !first { html.endAttribute() }
    }

    /// A replica's label with its marks (`P0!`).
    static func label(_ text: String, marks: BrokerTable.Marks, into html: inout HTMLWriter) {
        html.text(text)
        for (mark, symbol, _) in BrokerTable.Marks.all where marks.contains(mark) {
            html.open(svg: .tspan)
            html.attribute("font-weight", "700")
            html.attribute("style", "fill:var(--bad)")
            html.closeTag()
            html.text(symbol)
            html.end(.tspan)
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

    /// The start tag of children placed at (x, y): a nested `svg`, shorter than a translated `g` (the stylesheet
    /// lets it overflow); `classes` writes its class attribute, if any.
    static func startPlace(
        x: Double, y: Double, into html: inout HTMLWriter, classes: (inout HTMLWriter) -> Void = { _ in }
    ) {
        html.open(svg: .svg)
        classes(&html)
        if x != 0 { html.attribute("x", x) }
        if y != 0 { html.attribute("y", y) }
        html.closeTag()
    }

    /// `<text class="…" x="…" y="…">`: its content follows, then `end(.text)`.
    static func startText(_ classes: StaticString, x: Double, y: Double, into html: inout HTMLWriter) {
        html.open(svg: .text)
        html.attribute("class", classes)
        html.attribute("x", x)
        html.attribute("y", y)
        html.closeTag()
    }
}
