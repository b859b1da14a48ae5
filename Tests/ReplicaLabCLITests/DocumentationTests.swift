import ReplicaLabTestSupport
import ScenarioLanguage
import Testing

/// The README documents every command of the scenario language, spelled as the parser accepts it.
struct DocumentationTests {
    private static func readme() throws -> String { try Repository.text("README.md") }

    private static func markdown(_ synopsis: String) -> String {
        "`" + synopsis.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") + "`"
    }

    @Test(arguments: CommandTable.commands.map(\.synopsis))
    func everyCommandIsInTheReadme(_ synopsis: String) throws {
        #expect(try Self.readme().contains(Self.markdown(synopsis)), "README.md does not document \(synopsis)")
    }

    @Test(arguments: ExpectationTable.kinds.map(\.synopsis))
    func everyExpectationIsInTheReadme(_ synopsis: String) throws {
        #expect(try Self.readme().contains(Self.markdown(synopsis)), "README.md does not document \(synopsis)")
    }
}
