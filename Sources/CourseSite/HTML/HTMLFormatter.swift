/// Writes `HTMLNode`s as HTML: the one place that escapes.
///
/// Text escapes `&`, `<` and `>`; attribute values (always double-quoted) also `"`. Nothing else is needed in UTF-8
/// HTML. Every element gets its end tag except void elements and empty SVG elements (`<rect …/>`).
enum HTMLFormatter {
    /// The HTML of a node.
    static func format(_ node: HTMLNode) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        write(node, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// A whole document (the doctype, then the node) as UTF-8, in a buffer that starts with room for `capacity`
    /// bytes.
    static func documentBytes(reserving capacity: Int, _ node: HTMLNode) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(capacity)
        append("<!DOCTYPE html>\n", into: &buffer)
        write(node, into: &buffer)
        buffer.append(UInt8(ascii: "\n"))
        return buffer
    }

    /// Appends the HTML of a node.
    static func write(_ node: HTMLNode, into buffer: inout [UInt8]) {
        switch node.storage {
        case .text(let text):
            escape(text, attribute: false, into: &buffer)
        case .trusted(let html):
            buffer.append(contentsOf: html.html.utf8)
        case .group(let nodes):
            for child in nodes { write(child, into: &buffer) }
        case .element(let tag, let attributes, let children):
            if tag.isForeign && children.isEmpty {
                writeStartTag(tag, attributes, closing: true, into: &buffer)
                return
            }
            writeStartTag(tag, attributes, into: &buffer)
            guard !tag.isVoid else { return }
            for child in children { write(child, into: &buffer) }
            writeEndTag(tag, into: &buffer)
        }
    }

    /// Appends an element's start tag (`<tag a="v">`; `<tag a="v"/>` when `closing`), for an element whose content
    /// is written piece by piece (a scenario's steps).
    static func writeStartTag(
        _ tag: HTMLTag, _ attributes: [HTMLAttribute], closing: Bool = false, into buffer: inout [UInt8]
    ) {
        buffer.append(UInt8(ascii: "<"))
        append(tag.name, into: &buffer)
        for attribute in attributes {
            buffer.append(UInt8(ascii: " "))
            append(attribute.name, into: &buffer)
            if let value = attribute.value {
                buffer.append(contentsOf: "=\"".utf8)
                escape(value, attribute: true, into: &buffer)
                buffer.append(UInt8(ascii: "\""))
            }
        }
        buffer.append(contentsOf: closing ? "/>".utf8 : ">".utf8)
    }

    /// Appends an element's end tag.
    static func writeEndTag(_ tag: HTMLTag, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: "</".utf8)
        append(tag.name, into: &buffer)
        buffer.append(UInt8(ascii: ">"))
    }

    private static func append(_ name: StaticString, into buffer: inout [UInt8]) {
        name.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    /// Escapes text; most text (every table cell) has nothing to escape and is copied as it is. The text's bytes are
    /// scanned in place, and the runs between the characters to escape are copied whole.
    static func escape(_ text: String, attribute: Bool, into buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { escape($0, attribute: attribute, into: &buffer) }
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, attribute: Bool, into buffer: inout [UInt8]) {
        var start = 0
        for index in bytes.indices {
            // Letters and most punctuation come after `>`, the last of the characters to escape.
            guard bytes[index] <= UInt8(ascii: ">") else { continue }
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\"") where attribute: entity = "&quot;"
            default: continue
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            append(entity, into: &buffer)
            start = index + 1
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
}
