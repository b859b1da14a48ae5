/// Writes HTML into a buffer of UTF-8 bytes as it goes: the one place that escapes.
///
/// `HTMLFormatter` formats `HTMLNode`s with it, and the parts a page repeats at every step (a scenario's steps) are
/// written with it directly, with no tree of nodes built and destroyed first. Text and markup stay apart as in
/// `HTMLNode`: a `String` only ever becomes text or an attribute value, both escaped (text escapes `&`, `<` and `>`;
/// attribute values, always double-quoted, also `"`; nothing else is needed in UTF-8 HTML); markup comes only from
/// constant tag and attribute names, `TrustedHTML` and nodes.
///
/// A page is written in many small pieces (a tag's name, a quote, a cell's digits), so the writer keeps its own
/// buffer and copies each piece into the room it has, where `Array.append(contentsOf:)` cost about a hundred
/// instructions a piece however small. The buffer is copied on write: a copy of a writer is a writer of its own.
struct HTMLWriter {
    /// The buffer: its first `count` bytes are the HTML written, the rest of its `capacity` room for more.
    private var storage: ManagedBuffer<Void, UInt8>
    /// How many bytes `storage` holds.
    private var capacity: Int
    /// How many bytes of HTML were written.
    private(set) var count: Int

    init(reserving capacity: Int = 0) {
        let capacity = Swift.max(capacity, 64)
        storage = Self.buffer(capacity: capacity)
        self.capacity = capacity
        count = 0
    }

    init(bytes: [UInt8]) {
        self.init(reserving: bytes.count + 256)
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// The HTML written so far.
    var bytes: [UInt8] {
        storage.withUnsafeMutablePointerToElements { Array(UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// The HTML written so far; the writer is empty afterwards.
    mutating func takeBytes() -> [UInt8] {
        let taken = bytes
        count = 0
        return taken
    }

    /// Calls `body` with the HTML written so far, in place.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        storage.withUnsafeMutablePointerToElements { body(UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// Forgets the HTML written, keeping the buffer to write again.
    mutating func removeAll() {
        count = 0
    }

    /// The HTML written, as a `String`.
    var string: String {
        storage.withUnsafeMutablePointerToElements {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    // MARK: Nodes

    /// Writes a node.
    mutating func write(_ node: HTMLNode) {
        switch node.storage {
        case .text(let text): self.text(text)
        case .trusted(let html): trusted(html)
        case .formatted(let html): html.withUnsafeBufferPointer { append($0) }
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
        enclosed(UInt8(ascii: "<"), UInt8(ascii: "/"), tag.name, UInt8(ascii: ">"))
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

    /// A number as text, its digits written straight into the buffer (digits need no escaping).
    mutating func text(_ number: Int) {
        let start = room(Self.longestNumber)
        count += Self.write(number, at: start)
    }

    /// The most bytes `write(_:at:)` writes: `Int.min` in decimal.
    static let longestNumber = 20

    /// Writes `number` in decimal at `start` (room for `longestNumber` bytes), as `String(number)` spells it, and
    /// returns how many bytes it wrote.
    @inline(__always)
    static func write(_ number: Int, at start: UnsafeMutablePointer<UInt8>) -> Int {
        // The magnitude as unsigned, so that `Int.min` has one too.
        var magnitude = number.magnitude
        var digits = 1
        var limit: UInt = 10
        while magnitude >= limit {
            digits += 1
            guard limit <= UInt.max / 10 else { break }
            limit *= 10
        }
        let length = digits + (number < 0 ? 1 : 0)
        var index = length
        repeat {
            index -= 1
            start[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        if number < 0 { start[0] = UInt8(ascii: "-") }
        return length
    }

    /// HTML a trusted author wrote, as it is.
    mutating func trusted(_ html: TrustedHTML) {
        append(string: html.html)
    }

    /// A line break in the source (between block elements, to keep the pages diffable).
    mutating func newline() {
        byte(UInt8(ascii: "\n"))
    }

    // MARK: Bytes

    private mutating func open(_ tag: HTMLTag) {
        enclosed(UInt8(ascii: "<"), nil, tag.name, nil)
    }

    private mutating func close(closing: Bool = false) {
        if closing { byte(UInt8(ascii: "/")) }
        byte(UInt8(ascii: ">"))
    }

    private mutating func write(_ attribute: HTMLAttribute) {
        byte(UInt8(ascii: " "))
        append(attribute.name)
        guard let value = attribute.value else { return }
        append("=\"")
        escape(value, attribute: true)
        byte(UInt8(ascii: "\""))
    }

    /// Constant markup (a name, a tag's brackets).
    mutating func append(_ constant: StaticString) {
        if constant.hasPointerRepresentation {
            append(UnsafeBufferPointer(start: constant.utf8Start, count: constant.utf8CodeUnitCount))
        } else {
            constant.withUTF8Buffer { append($0) }
        }
    }

    /// Markup a `String` holds (trusted HTML). Named apart from `append(_: StaticString)`: a literal in this file
    /// resolves to that one, copied as it is, rather than made into a `String` first.
    private mutating func append(string html: String) {
        if html.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var html = html
            html.withUTF8 { append($0) }
        }
    }

    /// HTML this writer (or another) formatted earlier, copied as it is.
    mutating func append(formatted html: [UInt8]) {
        html.withUnsafeBufferPointer { append($0) }
    }

    /// HTML this writer (or another) formatted earlier, copied as it is.
    mutating func append(formatted html: UnsafeBufferPointer<UInt8>) {
        append(html)
    }

    /// One byte of markup.
    mutating func byte(_ byte: UInt8) {
        room(1).initialize(to: byte)
        count += 1
    }

    /// Copies bytes to the end of the HTML.
    private mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress else { return }
        room(source.count).initialize(from: start, count: source.count)
        count += source.count
    }

    /// Where the next `length` bytes go, after making room for them in a buffer of this writer's own.
    /// `first`, `second` (when set), `constant` and `last` (when set), with one check for room: a tag's name and its
    /// punctuation are most of the writes of a page, and each check costs as much as the bytes.
    @inline(__always)
    mutating func enclosed(_ first: UInt8, _ second: UInt8?, _ constant: StaticString, _ last: UInt8?) {
        guard constant.hasPointerRepresentation else {
            byte(first)
            if let second { byte(second) }
            append(constant)
            if let last { byte(last) }
            return
        }
        let length = constant.utf8CodeUnitCount
        let start = room(length + 3)
        var next = start
        next.initialize(to: first)
        next += 1
        if let second {
            next.initialize(to: second)
            next += 1
        }
        next.initialize(from: constant.utf8Start, count: length)
        next += length
        if let last {
            next.initialize(to: last)
            next += 1
        }
        count += next - start
    }

    /// Writes at most `length` bytes with one check for room: `body` gets the address they go to and returns how
    /// many it wrote.
    @inline(__always)
    mutating func write(upTo length: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        let start = room(length)
        count += body(start)
    }

    @inline(__always)
    private mutating func room(_ length: Int) -> UnsafeMutablePointer<UInt8> {
        if capacity - count < length || !isKnownUniquelyReferenced(&storage) { grow(length) }
        return storage.withUnsafeMutablePointerToElements { $0 + count }
    }

    /// Moves the HTML into a new buffer with room for `length` more bytes: twice as large when it is full, so that
    /// appending stays amortised constant; as large when it is only shared with another writer (a copy).
    @inline(never)
    private mutating func grow(_ length: Int) {
        let needed = count + length
        let capacity = needed <= self.capacity ? self.capacity : Swift.max(needed, 2 * self.capacity)
        let grown = Self.buffer(capacity: capacity)
        let count = self.count
        storage.withUnsafeMutablePointerToElements { old in
            grown.withUnsafeMutablePointerToElements { $0.initialize(from: old, count: count) }
        }
        storage = grown
        self.capacity = capacity
    }

    private static func buffer(capacity: Int) -> ManagedBuffer<Void, UInt8> {
        ManagedBuffer<Void, UInt8>.create(minimumCapacity: capacity) { _ in }
    }

    /// Escapes text; most text (every table cell) has nothing to escape and is copied as it is. The text's bytes are
    /// scanned in place, and the runs between the characters to escape are copied whole.
    private mutating func escape(_ text: String, attribute: Bool) {
        if text.utf8.withContiguousStorageIfAvailable({ escape($0, attribute: attribute) }) == nil {
            var text = text
            text.withUTF8 { escape($0, attribute: attribute) }
        }
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
            append(UnsafeBufferPointer(rebasing: text[start..<index]))
            append(entity)
            start = index + 1
        }
        append(UnsafeBufferPointer(rebasing: text[start...]))
    }
}
