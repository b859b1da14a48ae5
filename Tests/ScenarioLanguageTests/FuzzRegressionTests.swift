import Diagnostics
import Testing

@testable import ScenarioLanguage

/// Inputs found by fuzzing (Fuzz/corpus/parser/regression-*) and the line-ending rules they pinned down.
struct FuzzRegressionTests {
    static func parse(_ text: String) -> (Script, [Diagnostic]) {
        ScenarioParser.parse(text, sourceMap: .identity(file: "s", lineCount: 3))
    }

    /// `"\r% "`: a lone carriage return ends a line, as it does in lessons.
    @Test func loneCarriageReturnEndsALine() {
        let (_, problems) = Self.parse("\r% ")
        #expect(problems.map(\.location.line) == [2])
    }

    /// A CRLF script is one statement per line ("\r\n" is a single Character in Swift).
    @Test func crlfScriptHasOneStatementPerLine() {
        let (script, problems) = Self.parse("cluster brokers=3\r\ntopic t partitions=1 replication-factor=1\r\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(script.statements.count == 2)
        #expect(script.statements.map(\.text) == ["cluster brokers=3", "topic t partitions=1 replication-factor=1"])
    }
}
