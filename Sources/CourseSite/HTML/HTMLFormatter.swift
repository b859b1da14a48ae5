/// Formats `HTMLNode`s as HTML, with `HTMLWriter` (which escapes).
enum HTMLFormatter {
    /// The HTML of a node.
    static func format(_ node: HTMLNode) -> String {
        var writer = HTMLWriter(reserving: 4096)
        writer.write(node)
        return writer.string
    }

    /// Appends the HTML of a node.
    static func write(_ node: HTMLNode, into buffer: inout [UInt8]) {
        var writer = HTMLWriter(bytes: buffer)
        buffer = []
        writer.write(node)
        buffer = writer.bytes
    }
}
