/// A lesson's article, formatted piece by piece (a heading, a prose block, a scenario's step, …) and measured as it
/// grows: `check` sees the size after every piece and may stop the rendering by throwing. A build checks the page's
/// byte budget there, so a lesson of many steps with large pictures stops at the budget instead of costing
/// gigabytes first.
struct ArticleWriter<Failure: Error> {
    /// The HTML so far; a piece written here directly is measured by `checkSize`.
    var html = HTMLWriter(reserving: 65_536)
    /// What the page's pictures share, written once at the end of the article (`finishPictures`).
    var diagramDefs = DiagramDefs()
    /// The broker tables' rows formatted so far (most rows repeat from step to step).
    var brokerRows = TableHTML.BrokerRows()
    /// Called with the size of the HTML after every piece.
    private let check: (Int) throws(Failure) -> Void

    init(checking check: @escaping (Int) throws(Failure) -> Void) {
        self.check = check
    }

    /// Appends a piece, then checks the size.
    mutating func write(_ node: HTMLNode) throws(Failure) {
        html.write(node)
        try checkSize()
    }

    /// Checks the size after a piece written to `html` directly.
    func checkSize() throws(Failure) {
        try check(html.count)
    }

    /// Appends an element's start tag; its content follows piece by piece, then `end`.
    mutating func start(_ tag: HTMLTag, _ attributes: [HTMLAttribute] = []) {
        html.start(tag, attributes)
    }

    /// Appends an element's end tag.
    mutating func end(_ tag: HTMLTag) {
        html.end(tag)
    }

    /// Writes the pieces the pictures share, if any picture was drawn.
    mutating func finishPictures() throws(Failure) {
        guard !diagramDefs.isEmpty else { return }
        try write(.group([diagramDefs.node, .newline]))
    }
}

/// A lesson's page passed its byte budget while it was rendered; the rendering stopped there.
public struct PageTooLarge: Error, Hashable, Sendable {
    /// The size of the page's article when the rendering stopped (just past the budget).
    public var renderedBytes: Int
}
