import Foundation
import ScenarioLanguage
import Testing

/// The README documents every command of the scenario language, spelled as the parser accepts it.
struct DocumentationTests {
    private static let readme: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }()

    private static func markdown(_ synopsis: String) -> String {
        "`" + synopsis.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") + "`"
    }

    @Test(arguments: CommandTable.commands.map(\.synopsis))
    func everyCommandIsInTheReadme(_ synopsis: String) {
        #expect(Self.readme.contains(Self.markdown(synopsis)), "README.md does not document \(synopsis)")
    }

    @Test(arguments: ExpectationTable.kinds.map(\.synopsis))
    func everyExpectationIsInTheReadme(_ synopsis: String) {
        #expect(Self.readme.contains(Self.markdown(synopsis)), "README.md does not document \(synopsis)")
    }
}
