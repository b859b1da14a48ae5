import Replication
import ScenarioLanguage
import Testing

/// The arguments the command table declares, as editors read them for completion: the choices a synopsis lists
/// are values the parser accepts.
struct CommandArgumentsTests {
    static func parses(_ line: String) -> Bool {
        ScenarioParser.parse(line, sourceMap: .identity(file: "t", lineCount: 1)).diagnostics.isEmpty
    }

    @Test(arguments: CommandTable.commands.map(\.name))
    func everyKeyChoiceParses(command: String) throws {
        let spec = try #require(CommandTable.command(named: command))
        #expect(Self.parses(spec.example), "the example of \(command) does not parse")
        for key in spec.keyArguments {
            for choice in key.choices {
                var words = spec.example.split(separator: " ").map(String.init).filter { !$0.hasPrefix(key.name + "=") }
                words.append("\(key.name)=\(choice)")
                #expect(Self.parses(words.joined(separator: " ")), "\(command) \(key.name)=\(choice)")
            }
        }
    }

    @Test func choicesComeFromTheSynopsis() throws {
        let produce = try #require(CommandTable.command(named: "produce"))
        #expect(produce.keyArguments.first { $0.name == "acks" }?.choices == ["0", "1", "all"])
        #expect(produce.keyArguments.first { $0.name == "partition" }?.choices == [])
        #expect(produce.positionalArguments.map(\.name) == ["topic", "async"])
        #expect(produce.positionalArguments.map(\.choices) == [[], ["async"]])
        #expect(produce.positionalArguments.map(\.isRequired) == [true, false])
        #expect(CommandTable.command(named: "elect")?.positionalArguments.first?.choices == ["preferred", "unclean"])
        #expect(CommandTable.command(named: "crash")?.positionalArguments.last?.choices == ["lose-unflushed"])
        #expect(CommandTable.command(named: "groups")?.positionalArguments.first?.choices == ["describe"])
        #expect(CommandTable.command(named: "config")?.positionalArguments.first?.choices == ["broker"])
        #expect(
            CommandTable.command(named: "consume")?.keyArguments.first { $0.name == "from" }?.choices
                == ["earliest", "latest"])
        #expect(CommandTable.command(named: "topic")?.takesTopicConfigs == true)
        #expect(CommandTable.command(named: "describe")?.flagArguments.contains("--unavailable-partitions") == true)
        for line in ["elect unclean orders-0", "crash 1 lose-unflushed", "groups describe g", "produce t async"] {
            #expect(Self.parses(line), "\(line)")
        }
    }

    /// `config broker` takes the dynamic broker settings and no topic config; `config <topic>` topic configs only.
    @Test func theKeysOfConfigDependOnItsTarget() throws {
        let config = try #require(CommandTable.command(named: "config"))
        let broker = config.keyArguments(after: ["broker"])
        #expect(broker.keys.map(\.name) == EngineConfig.dynamicKeys)
        #expect(!broker.topicConfigs)
        let topic = config.keyArguments(after: ["orders"])
        #expect(topic.keys.isEmpty && topic.topicConfigs)
        let produce = try #require(CommandTable.command(named: "produce"))
        #expect(produce.keyArguments(after: ["orders"]).keys == produce.keyArguments)
    }
}
