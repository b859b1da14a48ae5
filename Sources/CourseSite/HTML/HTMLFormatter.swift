/// Formats `HTMLNode`s as HTML, with `HTMLWriter` (which escapes).
enum HTMLFormatter {
    /// The HTML of a node.
    static func format(_ node: HTMLNode) -> String {
        var writer = HTMLWriter(reserving: 4096)
        writer.write(node)
        return writer.string
    }

    /// Appends the HTML of a node (an element is its HTML already, and is copied as it is).
    static func write(_ node: HTMLNode, into buffer: inout [UInt8]) {
        if case .formatted(let html) = node.storage {
            buffer.append(contentsOf: html)
            return
        }
        var writer = HTMLWriter(reserving: node.size)
        writer.write(node)
        buffer.append(contentsOf: writer.takeBytes())
    }
}
