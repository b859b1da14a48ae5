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
    /// Each piece's id, by the piece's HTML.
    private var ids: [PieceKey: String] = [:]
    private var pieces: [HTMLNode] = []
    /// The HTML of the piece being looked up (kept to reuse its storage: most lookups find a piece already defined).
    private var key = PieceKey()

    /// A piece's HTML as a dictionary key, hashed as one run of bytes (an array of bytes hashes byte by byte).
    private struct PieceKey: Hashable {
        var bytes: [UInt8] = []

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// The broker boxes drawn so far, formatted, by what they are drawn from: a box looks the same at every step
    /// its broker does not change, and is formatted once (its pieces are defined by then, so it is the same HTML).
    var boxes: [BoxKey: HTMLNode] = [:]

    /// The logs drawn so far that their step did not change, by what they are drawn from: such a log is a shared
    /// piece, and the `use` that draws it is made once.
    var bars: [BarKey: HTMLNode] = [:]

    /// The boxes of the last picture drawn with them, by its columns: consecutive pictures mostly share their boxes,
    /// and drawing the same columns again defines no piece and gives the same nodes (every box is in `boxes`).
    var lastCluster: (columns: [Diagram.Column], drawn: DiagramSVG.DrawnCluster)?

    /// What an unchanged log is drawn from (see `DiagramSVG.bar`).
    struct BarKey: Hashable {
        var bar: Diagram.Bar
        var origin: Double
        var cell: Double
        var words: Double
        var label: Bool
    }

    /// What a broker box is drawn from.
    struct BoxKey: Hashable {
        var broker: Diagram.BrokerBox
        var x: Double
        var y: Double
        var height: Double
        var chipWidth: Double
        var perRow: Int
    }

    /// Whether no picture used a piece.
    var isEmpty: Bool { pieces.isEmpty }

    /// The id of the piece `<tag attributes>children</tag>`, defined on first use. Ids are `D` and a number:
    /// heading and step anchors are lowercase, so they never collide.
    mutating func id(_ tag: HTMLTag, _ attributes: [HTMLAttribute], _ children: [HTMLNode] = []) -> String {
        key.bytes.removeAll(keepingCapacity: true)
        HTMLFormatter.write(.element(tag, attributes, children), into: &key.bytes)
        if let id = ids[key] { return id }
        let id = "D\(pieces.count)"
        ids[key] = id
        pieces.append(.element(tag, [.id(id)] + attributes, children))
        return id
    }

    /// `<use href="#id">` of the piece, with the use's own attributes (class, place) first.
    mutating func use(
        _ attributes: [HTMLAttribute], _ tag: HTMLTag, _ pieceAttributes: [HTMLAttribute],
        _ children: [HTMLNode] = []
    ) -> HTMLNode {
        .element(.use, attributes + [.href("#" + id(tag, pieceAttributes, children))])
    }

    /// The hidden `svg` holding the pieces, in the order they were first used.
    var node: HTMLNode {
        .element(
            .svg, [.class("dgd"), .ariaHidden, .init("width", "0"), .init("height", "0")],
            [.element(.defs, [], pieces)])
    }
}
