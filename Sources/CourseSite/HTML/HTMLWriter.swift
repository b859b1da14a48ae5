/// Writes HTML into a buffer of UTF-8 bytes as it goes: the one place that escapes.
///
/// `HTMLFormatter` formats `HTMLNode`s with it, and the parts a page repeats at every step (a scenario's steps) are
/// written with it directly, with no tree of nodes built and destroyed first. Text and markup stay apart as in
/// `HTMLNode`: a `String` only ever becomes text or an attribute value, both escaped (text escapes `&`, `<` and `>`;
/// attribute values, always double-quoted, also `"`; nothing else is needed in UTF-8 HTML); markup comes only from
/// constant tag and attribute names, `TrustedHTML` and nodes.
struct HTMLWriter {
    /// The HTML written so far.
    var bytes: [UInt8]

    init(reserving capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The HTML written, as a `String`.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Nodes

    /// Writes a node.
    mutating func write(_ node: HTMLNode) {
        switch node.storage {
        case .text(let text): self.text(text)
        case .trusted(let html): trusted(html)
        case .formatted(let html): bytes.append(contentsOf: html)
        }
    }

    // MARK: Elements

    /// An element: its start tag, children and end tag; a void element has only its start tag, an empty SVG element
    /// only a closing start tag (`<rect …/>`).
    mutating func element(_ tag: HTMLTag, _ attributes: [HTMLAttribute], _ children: [HTMLNode]) {
        if tag.isForeign && children.isEmpty {
            start(tag, attributes, closing: true)
            return
        }
        start(tag, attributes)
        guard !tag.isVoid else { return }
        for child in children { write(child) }
        end(tag)
    }

    /// About how many bytes an element's tags take (its attribute values may grow by their escapes).
    static func size(_ tag: HTMLTag, _ attributes: [HTMLAttribute]) -> Int {
        var size = 2 * tag.name.utf8CodeUnitCount + 5
        for attribute in attributes {
            size += attribute.name.utf8CodeUnitCount + (attribute.value?.utf8.count ?? 0) + 4
        }
        return size
    }

    /// `<tag a="v" …>` (`<tag a="v" …/>` when `closing`), for an element whose content follows, then `end`.
    mutating func start(_ tag: HTMLTag, _ attributes: [HTMLAttribute], closing: Bool = false) {
        open(tag)
        for attribute in attributes { write(attribute) }
        close(closing: closing)
    }

    /// `<tag>`.
    mutating func start(_ tag: HTMLTag) {
        open(tag)
        close()
    }

    /// `<tag a="v">`.
    mutating func start(_ tag: HTMLTag, _ attribute: HTMLAttribute) {
        open(tag)
        write(attribute)
        close()
    }

    /// `<tag a="v" b="w">`.
    mutating func start(_ tag: HTMLTag, _ first: HTMLAttribute, _ second: HTMLAttribute) {
        open(tag)
        write(first)
        write(second)
        close()
    }

    /// `<tag a="v" href="#anchor">` (`<tag href="#anchor">` without `attribute`), without making the `#anchor`
    /// string.
    mutating func start(_ tag: HTMLTag, _ attribute: HTMLAttribute? = nil, fragment anchor: String) {
        open(tag)
        if let attribute { write(attribute) }
        append(" href=\"#")
        escape(anchor, attribute: true)
        append("\">")
    }

    /// `</tag>`.
    mutating func end(_ tag: HTMLTag) {
        append("</")
        append(tag.name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// An element holding only text.
    mutating func element(_ tag: HTMLTag, text: String) {
        start(tag)
        self.text(text)
        end(tag)
    }

    /// An element with one attribute, holding only text.
    mutating func element(_ tag: HTMLTag, _ attribute: HTMLAttribute, text: String) {
        start(tag, attribute)
        self.text(text)
        end(tag)
    }

    // MARK: Content

    /// Text, escaped.
    mutating func text(_ text: String) {
        escape(text, attribute: false)
    }

    /// A number as text (digits need no escaping).
    mutating func text(_ number: Int) {
        append(String(number))
    }

    /// HTML a trusted author wrote, as it is.
    mutating func trusted(_ html: TrustedHTML) {
        append(html.html)
    }

    /// A line break in the source (between block elements, to keep the pages diffable).
    mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
    }

    // MARK: Bytes

    private mutating func open(_ tag: HTMLTag) {
        bytes.append(UInt8(ascii: "<"))
        append(tag.name)
    }

    private mutating func close(closing: Bool = false) {
        if closing { bytes.append(UInt8(ascii: "/")) }
        bytes.append(UInt8(ascii: ">"))
    }

    private mutating func write(_ attribute: HTMLAttribute) {
        bytes.append(UInt8(ascii: " "))
        append(attribute.name)
        guard let value = attribute.value else { return }
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        escape(value, attribute: true)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Constant markup (a name, a tag's brackets).
    mutating func append(_ constant: StaticString) {
        constant.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ html: String) {
        var html = html
        html.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Escapes text; most text (every table cell) has nothing to escape and is copied as it is. The text's bytes are
    /// scanned in place, and the runs between the characters to escape are copied whole.
    private mutating func escape(_ text: String, attribute: Bool) {
        var text = text
        text.withUTF8 { escape($0, attribute: attribute) }
    }

    private mutating func escape(_ text: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        var start = 0
        for index in text.indices {
            // Letters and most punctuation come after `>`, the last of the characters to escape.
            guard text[index] <= UInt8(ascii: ">") else { continue }
            let entity: StaticString
            switch text[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\"") where attribute: entity = "&quot;"
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
            append(entity)
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
    }
}
