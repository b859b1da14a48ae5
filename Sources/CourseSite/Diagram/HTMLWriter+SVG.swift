/// The picture's markup, written piece by piece: an element's start tag opened, its attributes (constant names and
/// values, or numbers) and closed. Numbers are written as digits straight into the page, without making a `String`;
/// text still goes through `text(_:)`, which escapes, so a value from a scenario never becomes markup.
extension HTMLWriter {
    /// `<tag`: a start tag left open for its attributes, then `closeTag()` or `closeEmptyTag()`.
    mutating func open(svg tag: HTMLTag) {
        enclosed(UInt8(ascii: "<"), nil, tag.name, nil)
    }

    /// `>`: the open start tag is closed; the element's content follows, then `end`.
    mutating func closeTag() {
        byte(UInt8(ascii: ">"))
    }

    /// `/>`: the open start tag closes an SVG element with no content.
    mutating func closeEmptyTag() {
        write(upTo: 2) { start in
            start[0] = UInt8(ascii: "/")
            start[1] = UInt8(ascii: ">")
            return 2
        }
    }

    /// ` name="value"` with a constant value.
    mutating func attribute(_ name: StaticString, _ value: StaticString) {
        enclosed(UInt8(ascii: " "), nil, name, UInt8(ascii: "="))
        enclosed(UInt8(ascii: "\""), nil, value, UInt8(ascii: "\""))
    }

    /// ` name="1.5"`: a coordinate (`coordinate(_:)`).
    mutating func attribute(_ name: StaticString, _ value: Double) {
        startAttribute(name)
        coordinate(value)
        endAttribute()
    }

    /// ` name="`: an attribute whose value is written in parts (constants and numbers), then `endAttribute()`.
    mutating func startAttribute(_ name: StaticString) {
        enclosed(UInt8(ascii: " "), nil, name, UInt8(ascii: "="))
        byte(UInt8(ascii: "\""))
    }

    /// `"`: the end of an attribute's value.
    mutating func endAttribute() {
        byte(UInt8(ascii: "\""))
    }

    /// A coordinate with at most one decimal, rounded to tenths: `12`, `7.5`, `-3`. (As it always was spelled: a
    /// value between −1 and 0 with tenths is written without its sign, `-0.5` as `0.5`; no picture has one.)
    mutating func coordinate(_ value: Double) {
        let tenths = Int((value * 10).rounded())
        write(upTo: HTMLWriter.longestNumber + 2) { start in
            var length = HTMLWriter.write(tenths / 10, at: start)
            let fraction = tenths % 10
            if fraction != 0 {
                start[length] = UInt8(ascii: ".")
                start[length + 1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: fraction.magnitude)
                length += 2
            }
            return length
        }
    }

    /// An integer's decimal digits (with `-` when negative), as `String(value)` spells it.
    mutating func integer(_ value: Int) {
        text(value)
    }

    /// An offset or a count, as `integer(_:)`.
    mutating func integer(_ value: Int64) {
        integer(Int(value))
    }
}
