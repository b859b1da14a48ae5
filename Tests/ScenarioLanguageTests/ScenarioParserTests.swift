import Diagnostics
import ReplicaLabTestSupport
import Replication
import ScenarioLanguage
import Testing

struct ScenarioParserTests {
    static let file = "Lessons/01-a.md"

    /// Parses `text` as if its first line were line 10 of the lesson, indented by two spaces.
    static func parse(_ text: String) -> (Script, [Diagnostic]) {
        let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let map = SourceMap(
            file: file, lines: Array(10..<(10 + count)), columnOffsets: Array(repeating: 2, count: count))
        let result = ScenarioParser.parse(text, sourceMap: map)
        return (result.script, result.diagnostics)
    }

    static func at(_ line: Int, _ column: Int) -> FileLocation {
        FileLocation(file: file, line: line, column: column)
    }

    @Test func validScriptParsesEveryCommand() throws {
        let (script, diagnostics) = Self.parse(
            """
            # a comment
            cluster brokers=6 racks=2
            broker 6 rack=R3
            topic t partitions=10 replication-factor=3 placement=round-robin start-index=1 min.insync.replicas=2

            add-partitions t count=12
            describe t --under-replicated-partitions
            brokers t
            expect leader t-0 == 0
            expect replicas t-1 == 3, 1, 4
            expect isr t-1 == 4,3,1
            expect ok
            expect error INVALID_REPLICATION_FACTOR
            """)
        #expect(diagnostics.isEmpty)
        #expect(script.statements.count == 11)
        let commands = script.statements.map(\.command)
        #expect(commands[0] == .cluster(brokers: 6, racks: 2, kafka: nil, settings: [:]))
        #expect(commands[1] == .broker(id: 6, rack: "R3"))
        #expect(
            commands[2]
                == .topic(
                    name: "t", partitions: 10, replicationFactor: 3, placement: .roundRobin(startIndex: 1),
                    configs: ["min.insync.replicas": "2"]))
        #expect(commands[3] == .addPartitions(topic: "t", count: 12))
        #expect(commands[4] == .describe(topic: "t", filter: .underReplicatedPartitions))
        #expect(commands[5] == .brokers(topic: "t"))
        #expect(script.statements[0].location == Self.at(11, 3))
        #expect(script.statements[0].text == "cluster brokers=6 racks=2")
        #expect(script.statements[3].lineIndex == 5)
    }

    @Test func topicDefaultsToAdminUtilsFromIndexZero() {
        let (script, diagnostics) = Self.parse("topic t partitions=1 replication-factor=1")
        #expect(diagnostics.isEmpty)
        #expect(
            script.statements.first?.command
                == .topic(
                    name: "t", partitions: 1, replicationFactor: 1, placement: .adminUtils(startIndex: 0), configs: [:])
        )
    }

    @Test func misspeltCommandSuggestsTheCommand() {
        let (script, diagnostics) = Self.parse("cluster brokers=3\ntopik t partitions=1 replication-factor=1")
        #expect(script.statements.count == 1)
        #expect(
            diagnostics == [
                .error("unknown command 'topik'", at: Self.at(11, 3), notes: [.init("did you mean 'topic'?")])
            ])
        #expect(diagnostics.exitCode == 2)
    }

    @Test func unknownKeySuggestsReplicationFactor() {
        let (_, diagnostics) = Self.parse("topic t partitions=1 replication=3")
        #expect(
            diagnostics.sorted() == [
                .error(
                    "'topic' needs replication-factor=<value>", at: Self.at(10, 3),
                    notes: [.init("usage: " + CommandTable.command(named: "topic")!.synopsis)]),
                .error(
                    "unknown key 'replication' for 'topic'", at: Self.at(10, 24),
                    notes: [.init("did you mean 'replication-factor'?")]),
            ])
    }

    @Test func missingRequiredKeyIsReportedAtTheCommand() {
        let (_, diagnostics) = Self.parse("cluster racks=2")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "'cluster' needs brokers=<value>")
        #expect(diagnostics.first?.location == Self.at(10, 3))
        #expect(
            diagnostics.first?.notes.first?.message
                == "usage: cluster brokers=<n> [racks=<k>] [kafka=<version>] [<broker config>=<value> …]")
    }

    @Test func missingPositionalIsReported() {
        let (_, diagnostics) = Self.parse("add-partitions count=3")
        #expect(diagnostics.map(\.message) == ["'add-partitions' needs <topic>"])
    }

    @Test(arguments: [
        ("cluster brokers=x", "brokers must be a whole number, not 'x'", 17),
        ("cluster brokers=0", "brokers must be at least 1, not 0", 17),
        ("cluster brokers=20000", "brokers=20000 is above the limit of 1000", 17),
        ("cluster brokers=6 racks=7", "racks=7 is more than brokers=6: every rack needs a broker", 25),
        ("broker x1", "<id> must be a whole number, not 'x1'", 8),
        ("topic t partitions=3 replication-factor=two", "replication-factor must be a whole number, not 'two'", 41),
        (
            "topic t partitions=3 replication-factor=1 placement=round-robbin",
            "placement must be one of admin-utils, round-robin, striped, not 'round-robbin'", 53
        ),
    ])
    func badValuesAreReportedAtTheValue(_ text: String, message: String, column: Int) {
        let (script, diagnostics) = Self.parse(text)
        #expect(script.statements.isEmpty)
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.first?.location == Self.at(10, column + 2))
    }

    @Test func unknownTopicConfigSuggestsTheConfig() {
        let (_, diagnostics) = Self.parse("topic t partitions=1 replication-factor=1 retention.msx=5")
        #expect(
            diagnostics == [
                .error(
                    "unknown topic config 'retention.msx' for 'topic'", at: Self.at(10, 45),
                    notes: [.init("did you mean 'retention.ms'?")])
            ])
    }

    @Test func invalidTopicConfigValueIsKafkasMessageAtTheValue() {
        let (_, diagnostics) = Self.parse("topic t partitions=1 replication-factor=1 min.insync.replicas=abc")
        #expect(
            diagnostics.map(\.message) == [
                "Invalid value abc for configuration min.insync.replicas: Not a number of type INT"
            ])
        #expect(diagnostics.first?.location == Self.at(10, 65))
    }

    @Test func duplicateKeyIsReportedAtTheSecondOccurrence() {
        let (_, diagnostics) = Self.parse("cluster brokers=3 brokers=4")
        #expect(diagnostics == [.error("'brokers' is given twice", at: Self.at(10, 21))])
    }

    @Test func unexpectedPositionalSuggestsKeyValue() {
        let (_, diagnostics) = Self.parse("cluster brokers")
        #expect(diagnostics.first { $0.message == "unexpected argument 'brokers' for 'cluster'" } != nil)
        #expect(
            diagnostics.flatMap(\.notes).map(\.message).contains(
                "did you mean 'brokers'? (arguments are written key=value)"))
    }

    @Test func everyProblemIsCollected() {
        let (script, diagnostics) = Self.parse(
            "clustr brokers=3\ncluster brokers=3\ndescrib t\nexpect replica t-0 == 1")
        #expect(script.statements.count == 1)
        #expect(diagnostics.map(\.location.line) == [10, 12, 13])
        #expect(diagnostics[2].message == "unknown expectation 'replica'")
        #expect(diagnostics[2].location.column == 10)
        #expect(diagnostics[2].notes.map(\.message) == ["did you mean 'replicas'?"])
    }

    @Test func expectationValuesAreLocated() throws {
        let (script, diagnostics) = Self.parse("expect replicas t-6 == 0,4,2\nexpect error INVALID_CONFIG")
        #expect(diagnostics.isEmpty)
        guard case .expect(let replicas) = try #require(script.statements.first).command else {
            Issue.record("not an expectation")
            return
        }
        #expect(replicas.claim == .replicas(TopicPartition("t", 6), [0, 4, 2]))
        #expect(replicas.valueLocation == Self.at(10, 26))
        guard case .expect(let error) = script.statements[1].command else { return }
        #expect(error.claim == .error("INVALID_CONFIG"))
        #expect(error.valueLocation == Self.at(11, 16))
    }

    @Test(arguments: [
        ("expect leader t-0 == x", "a leader is a broker id or 'none', not 'x'", 22),
        ("expect replicas t-0 == 1,,2", "expected broker ids separated by commas, not '1,,2'", 24),
        ("expect leader t0 == 1", "expected a partition like 'orders-0' after 'expect leader'", 15),
        ("expect leader t-0", "expected '== <value>' after 't-0'", 15),
        (
            "expect error not_an_error",
            "'not_an_error' is not a Kafka error name (they look like NOT_ENOUGH_REPLICAS)", 14
        ),
        ("expect ok now", "'expect ok' takes no arguments", 11),
        ("expect", "'expect' needs a claim", 1),
    ])
    func badExpectations(_ text: String, message: String, column: Int) {
        let (script, diagnostics) = Self.parse(text)
        #expect(script.statements.isEmpty)
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.first?.location == Self.at(10, column + 2))
    }
}
