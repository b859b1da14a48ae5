import LanguageServer
import Testing

struct JSONTests {
    @Test func parsesAndWritesRoundTrip() throws {
        let text = #"{"a":[1,-2.5,true,false,null,"x\n\"y\u00e9\ud83d\ude00"],"b":{}}"#
        let value = try JSON.parse(text)
        #expect(value["a"]?.array?.count == 6)
        #expect(value["a"]?.array?[0] == .integer(1))
        #expect(value["a"]?.array?[1] == .number(-2.5))
        #expect(value["a"]?.array?[5].string == "x\n\"yé😀")
        #expect(try JSON.parse(value.serialized) == value)
    }
}

/// The reader rejects what RFC 8259 rejects, with a position, and never recurses without bound.
struct JSONEdgeTests {
    @Test(arguments: [
        "", " ", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", ".5", "-", "1e", "tru", "nul", "\"\\x\"",
        "\"\\u12\"", "\"a\u{01}b\"", "\"open", "1 2", "{1:2}", "1e400",
    ])
    func malformedDocumentsAreErrors(text: String) {
        #expect(throws: JSONParseError.self) { try JSON.parse(text) }
    }

    @Test func invalidUTF8InAStringIsAnError() {
        #expect(throws: JSONParseError.self) { try JSON.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func nestingIsBounded() throws {
        let deep = String(repeating: "[", count: JSON.maximumDepth) + String(repeating: "]", count: JSON.maximumDepth)
        #expect(try JSON.parse(deep).array != nil)
        let deeper = "[" + deep + "]"
        #expect(throws: JSONParseError.self) { try JSON.parse(deeper) }
    }

    @Test func numbersKeepIntegersExact() throws {
        #expect(try JSON.parse("9007199254740993") == .integer(9_007_199_254_740_993))
        #expect(try JSON.parse("-0") == .integer(0))
        #expect(try JSON.parse("1e2") == .number(100))
        #expect(try JSON.parse("99999999999999999999") == .number(1e20))
        #expect(JSON.number(2.0).serialized == "2")
        #expect(JSON.number(.infinity).serialized == "null")
        #expect(try JSON.parse("2.5").integer == nil)
    }

    @Test func loneSurrogatesBecomeTheReplacementCharacter() throws {
        #expect(try JSON.parse(#""\ud800x""#) == .string("\u{FFFD}x"))
        #expect(try JSON.parse(#""\udc00""#) == .string("\u{FFFD}"))
        #expect(try JSON.parse(#""\ud83d\u0041""#) == .string("\u{FFFD}A"))
    }

    @Test func theWriterEscapesControlCharactersAndSortsKeys() {
        let value: JSON = ["b": "tab\there\u{01}\u{7F}", "a": [nil, true, 1]]
        #expect(value.serialized == #"{"a":[null,true,1],"b":"tab\there\u0001\u007f"}"#)
    }
}
