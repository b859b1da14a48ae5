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
    private var ids: [String: String] = [:]
    private var pieces: [HTMLNode] = []

    /// Whether no picture used a piece.
    var isEmpty: Bool { pieces.isEmpty }

    /// The id of the piece `<tag attributes>children</tag>`, defined on first use. Ids are `D` and a number:
    /// heading and step anchors are lowercase, so they never collide.
    mutating func id(_ tag: HTMLTag, _ attributes: [HTMLAttribute], _ children: [HTMLNode] = []) -> String {
        let key = HTMLFormatter.format(.element(tag, attributes, children))
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
