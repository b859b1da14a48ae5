/// Formats `HTMLNode`s as HTML, with `HTMLWriter` (which escapes).
enum HTMLFormatter {
    /// The HTML of a node.
    static func format(_ node: HTMLNode) -> String {
        var writer = HTMLWriter(reserving: 4096)
        writer.write(node)
        return writer.string
    }

    /// A whole document (the doctype, then the node) as UTF-8, in a buffer that starts with room for `capacity`
    /// bytes.
    static func documentBytes(reserving capacity: Int, _ node: HTMLNode) -> [UInt8] {
        var writer = HTMLWriter(reserving: capacity)
        writer.append("<!DOCTYPE html>\n")
        writer.write(node)
        writer.newline()
        return writer.bytes
    }

    /// Appends the HTML of a node.
    static func write(_ node: HTMLNode, into buffer: inout [UInt8]) {
        var writer = HTMLWriter(bytes: buffer)
        buffer = []
        writer.write(node)
        buffer = writer.bytes
    }
}
