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
