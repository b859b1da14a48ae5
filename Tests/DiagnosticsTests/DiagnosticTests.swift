import Diagnostics
import ReplicaLabTestSupport
import Testing

struct DiagnosticTests {
    static let here = FileLocation(file: "a.md", line: 1, column: 1)
    static let input = Diagnostic.error("bad", at: here)
    static let failure = Diagnostic.failure("wrong", at: here)
    static let inputWarning = Diagnostic(.warning, kind: .input, at: here, "hmm")

    static let exitCodeCases: [([Diagnostic], Int32)] = [
        ([], 0),
        ([failure], 1),
        ([failure, failure], 1),
        ([input], 2),
        ([failure, input], 2),
        ([input, failure], 2),
        ([inputWarning], 0),
        ([inputWarning, failure], 1),
    ]

    @Test(arguments: exitCodeCases)
    func exitCode(_ diagnostics: [Diagnostic], expected: Int32) {
        #expect(diagnostics.exitCode == expected)
    }

    @Test func factoriesSetKindAndSeverity() {
        #expect(Self.input.kind == .input)
        #expect(Self.input.severity == .error)
        #expect(Self.failure.kind == .verification)
        #expect(Self.failure.severity == .error)
        #expect([Self.inputWarning].containsErrors == false)
        #expect([Self.inputWarning, Self.failure].containsErrors)
    }
}
