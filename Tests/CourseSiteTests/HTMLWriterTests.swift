import Replication
import Testing

@testable import CourseSite

/// `HTMLWriter` against the plain definitions of what it writes: escaping character by character, numbers as
/// `String(_:)` spells them, and the buffer's bytes as the pieces written one after the other.
struct HTMLWriterTests {
    /// The definition: `&`, `<` and `>` always become entities, `"` only in an attribute value.
    static func escaped(_ text: String, attribute: Bool) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    static let edgeTexts = [
        "", "&", "<", ">", "\"", "'", "&&", "<>", "a&b", "&amp;", "<script>\"x\"</script>", "é&é", "→<✓>",
        "🙂\"🙂", String(repeating: "x", count: 1000) + "&", String(repeating: "<", count: 300), " = ; ? / 0 9 @",
    ]

    /// Random text from an alphabet of the characters to escape, their neighbours and multi-byte characters.
    static func randomTexts(seed: UInt64, count: Int) -> [String] {
        let alphabet: [Character] = ["&", "<", ">", "\"", "'", "=", "?", ";", " ", "a", "Z", "0", "é", "→", "🙂", "\n"]
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            String(
                (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
    }

    @Test func textEscapesAmpersandsAndAngleBracketsOnly() {
        for text in Self.edgeTexts + Self.randomTexts(seed: 7, count: 300) {
            var writer = HTMLWriter()
            writer.text(text)
            #expect(writer.string == Self.escaped(text, attribute: false))
            #expect(writer.count == writer.bytes.count)
        }
    }

    @Test func anAttributeValueAlsoEscapesQuotes() {
        for value in Self.edgeTexts + Self.randomTexts(seed: 11, count: 300) {
            var writer = HTMLWriter()
            writer.start(.span, .init("title", value))
            writer.end(.span)
            #expect(writer.string == "<span title=\"\(Self.escaped(value, attribute: true))\"></span>")
        }
    }

    @Test func aNumberIsWrittenAsItsDecimalDigits() {
        var numbers = [0, 1, -1, 9, -9, 10, -10, 99, 100, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        while power <= Int.max / 10 {
            power *= 10
            numbers += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        var generator = SplitMix64(seed: 3)
        for _ in 0..<1000 {
            numbers.append(Int(truncatingIfNeeded: generator.next()))
            numbers.append(Int.random(in: -100_000...100_000, using: &generator))
        }
        for number in numbers {
            var writer = HTMLWriter()
            writer.text(number)
            #expect(writer.string == String(number))
        }
    }

    /// Many pieces into a writer that starts with no room: it grows, and holds every piece in order.
    @Test func aWriterHoldsEveryPieceInOrderAsItGrows() {
        var generator = SplitMix64(seed: 5)
        for capacity in [0, 1, 16, 4096] {
            var writer = HTMLWriter(reserving: capacity)
            var expected = ""
            for text in Self.randomTexts(seed: UInt64(capacity), count: 200) {
                switch Int.random(in: 0..<5, using: &generator) {
                case 0:
                    writer.text(text)
                    expected += Self.escaped(text, attribute: false)
                case 1:
                    let number = Int.random(in: -5000...5000, using: &generator)
                    writer.text(number)
                    expected += String(number)
                case 2:
                    writer.element(.code, .class(text), text: text)
                    expected +=
                        "<code class=\"\(Self.escaped(text, attribute: true))\">\(Self.escaped(text, attribute: false))</code>"
                case 3:
                    writer.trusted(TrustedHTML(lessonHTML: text))
                    expected += text
                default:
                    writer.newline()
                    writer.append("<hr>")
                    expected += "\n<hr>"
                }
                #expect(writer.count == expected.utf8.count)
            }
            #expect(writer.string == expected)
            #expect(writer.bytes == Array(expected.utf8))
            let taken = writer.takeBytes()
            #expect(taken == Array(expected.utf8))
            #expect(writer.count == 0 && writer.string.isEmpty)
        }
    }

    /// A writer made from bytes continues after them; a copy of a writer is its own.
    @Test func aWriterContinuesAfterItsBytesAndCopiesAreIndependent() {
        var writer = HTMLWriter(bytes: Array("<p>".utf8))
        writer.text("a<b")
        var copy = writer
        copy.end(.p)
        writer.text(7)
        #expect(writer.string == "<p>a&lt;b7")
        #expect(copy.string == "<p>a&lt;b</p>")
        var buffer = Array("x".utf8)
        HTMLFormatter.write(.element(.strong, text: "&"), into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "x<strong>&amp;</strong>")
    }

    /// The pieces written with one check for room (a tag's name with its punctuation, an attribute, a coordinate)
    /// are the bytes written one at a time, from string literals and from single-character constants alike (a
    /// `StaticString` of one scalar has no pointer to copy from), in a writer that grows and in a copy.
    @Test func tagsAndAttributesAreTheirPiecesOneAfterAnother() {
        let scalar: StaticString = "\u{2192}"
        var html = HTMLWriter(reserving: 1)
        html.open(svg: .rect)
        html.attribute("rx", "3")
        html.attribute("x", scalar)
        html.attribute("y", 12.25)
        html.startAttribute("class")
        html.append("a b")
        html.endAttribute()
        html.closeEmptyTag()
        let copy = html
        html.start(.tspan)
        html.coordinate(-3.5)
        html.text(Int.min)
        html.end(.tspan)
        html.end(HTMLTag(scalar))
        #expect(copy.string == "<rect rx=\"3\" x=\"\u{2192}\" y=\"12.3\" class=\"a b\"/>")
        #expect(html.string == copy.string + "<tspan>-3.5\(Int.min)</tspan></\u{2192}>")
    }

    /// `TextBytes` (a sentence or a caption) spells numbers as `String(_:)` does, and holds text and constants in
    /// order.
    @Test func textBytesAreThePiecesAsStrings() {
        for value: Int64 in [0, 7, -7, 10, 99, 100, -100, 1_000_000, .max, .min] {
            var text = TextBytes()
            text.append("n=")
            text.append(value)
            text.append(" é")
            #expect(text.text == "n=\(value) é")
        }
        var moves = TextBytes()
        moves.append([(broker: 1, from: 0, to: 3), (broker: 12, from: -1, to: 10)])
        #expect(moves.sentence() == "B1 0 → 3, B12 -1 → 10.")
    }
}
