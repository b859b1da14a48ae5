/// The shapes and labels a page's pictures share, each written once in a hidden `svg` at the end of the page and
/// drawn where needed with `<use href="#…">`.
///
/// A page holds a picture per step and consecutive pictures mostly repeat each other (the same boxes, chips and
/// labels), so each distinct piece is defined once, however many pictures draw it. Geometry lives in attributes,
/// never in CSS properties such as `width` or `y` (Safari does not apply those to SVG elements). A piece's look
/// comes from the `use` that draws it (fill, stroke and font are inherited), or from stylesheet rules whose selector
/// is a single class (`.dbx`, `.plc`, …): a selector with an ancestor (`.dg .lc`) does not reach into a `use`'s copy
/// the same way in every browser, a class alone matches the piece and its copy alike.
struct DiagramDefs {
    /// Each piece's number (its id is `D` and the number), by the piece's HTML.
    private var ids: [PieceKey: Int] = [:]
    /// The pieces defined so far, in the order they were first used, each with its id.
    private var pieces = HTMLWriter()
    private var count = 0
    /// The HTML of the piece being looked up (kept to reuse its storage: most lookups find a piece already defined).
    private var key = PieceKey()
    /// Where the piece being looked up is written (kept to reuse its buffer).
    private var scratch = HTMLWriter(reserving: 512)

    /// A piece's HTML as a dictionary key, hashed as one run of bytes (an array of bytes hashes byte by byte).
    private struct PieceKey: Hashable {
        var bytes: [UInt8] = []

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// The broker boxes drawn so far, as their HTML, by what they are drawn from: a box looks the same at every step
    /// its broker does not change, and is written once (its pieces are defined by then, so it is the same HTML).
    var boxes: [BoxKey: [UInt8]] = [:]

    /// The boxes of the last picture, in the order it drew them: consecutive pictures mostly draw the same boxes in
    /// the same places, which compare equal far more cheaply than they hash.
    var lastBoxes: [(key: BoxKey, html: [UInt8])] = []

    /// The pieces of the logs drawn so far that their step did not change, by what they are drawn from: such a log
    /// is a shared piece, and its HTML is made once.
    var bars: [BarKey: Int] = [:]

    /// The unchanged logs of the last picture, by their place in it (the `lastBoxes` of logs), and the place of the
    /// next log drawn in the current picture.
    var lastBars: [(key: BarKey, id: Int)] = []
    var barPlace = 0

    /// What an unchanged log is drawn from (see `DiagramSVG.bar`).
    struct BarKey: Hashable {
        var bar: Diagram.Bar
        var origin: Double
        var cell: Double
        var words: Double
        var label: Bool
    }

    /// What a broker box is drawn from. Hashed by its broker's id, state, place and number of replicas only (the
    /// labels are strings, slow to hash): boxes that differ otherwise are told apart by `==`.
    struct BoxKey: Hashable {
        var broker: Diagram.BrokerBox
        var x: Double
        var y: Double
        var height: Double
        var chipWidth: Double
        var perRow: Int

        func hash(into hasher: inout Hasher) {
            hasher.combine(broker.id)
            hasher.combine(broker.state)
            hasher.combine(broker.isChanged)
            hasher.combine(broker.replicas.count)
            hasher.combine(x)
            hasher.combine(y)
        }
    }

    /// Whether no picture used a piece.
    var isEmpty: Bool { count == 0 }

    /// The number of the piece `body` writes (an element, from its `<tag` on), defined on first use. Ids are `D`
    /// and a number: heading and step anchors are lowercase, so they never collide.
    mutating func piece(_ tag: HTMLTag, _ body: (inout HTMLWriter) -> Void) -> Int {
        scratch.removeAll()
        body(&scratch)
        key.bytes.removeAll(keepingCapacity: true)
        scratch.withBytes { key.bytes.append(contentsOf: $0) }
        if let id = ids[key] { return id }
        let id = count
        count += 1
        ids[key] = id
        // `<tag id="Dn"` and the rest of the piece after its `<tag`.
        pieces.open(svg: tag)
        pieces.startAttribute("id")
        pieces.append("D")
        pieces.integer(id)
        pieces.endAttribute()
        key.bytes.withUnsafeBufferPointer {
            pieces.append(formatted: UnsafeBufferPointer(rebasing: $0[(1 + tag.name.utf8CodeUnitCount)...]))
        }
        return id
    }

    /// `<use href="#Dn"/>` of the piece numbered `id` (after the use's own class, when `classes` writes one).
    static func use(_ id: Int, into html: inout HTMLWriter, classes: (inout HTMLWriter) -> Void = { _ in }) {
        html.open(svg: .use)
        classes(&html)
        html.startAttribute("href")
        html.append("#D")
        html.integer(id)
        html.endAttribute()
        html.closeEmptyTag()
    }

    /// The hidden `svg` holding the pieces, in the order they were first used.
    var node: HTMLNode {
        var html = HTMLWriter(reserving: pieces.count + 80)
        html.start(.svg, [.class("dgd"), .ariaHidden, .init("width", "0"), .init("height", "0")])
        html.start(.defs)
        pieces.withBytes { html.append(formatted: $0) }
        html.end(.defs)
        html.end(.svg)
        return .formatted(html.takeBytes())
    }
}
