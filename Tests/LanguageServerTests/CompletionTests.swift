import LanguageServer
import Testing

/// Completion from the command table, with the values that exist at the line.
struct CompletionTests {
    static let lesson = """
        # Completion

        ```scenario setup
        cluster brokers=4 racks=2
        topic orders partitions=2 replication-factor=3
        join g member=c1 topics=orders
        producer p
        crash 3
        ```

        ```scenario next continues=setup
        broker 4
        x
        ```

        """

    /// The labels offered at a position after replacing `line` with `text` (the cursor at its end).
    static func labels(typing text: String, onLine line: Int, in lesson: String = lesson) -> [String] {
        var harness = ServerHarness()
        var lines = lesson.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line] = text
        harness.open("01-c.md", lines.joined(separator: "\n"))
        let result = harness.request(
            "textDocument/completion",
            [
                "textDocument": ServerHarness.document("01-c.md"),
                "position": ServerHarness.position(line, text.utf16.count),
            ])
        return result?["items"]?.array?.compactMap { $0["label"]?.string } ?? []
    }

    @Test func theFirstWordIsACommand() {
        let labels = Self.labels(typing: "", onLine: 12)
        #expect(labels.first == "cluster")
        #expect(labels.contains("expect") && labels.contains("let") && labels.contains("crash-consumer"))
    }

    @Test func brokerIdsAreThoseThatExistAtThatLine() {
        // Line 12 comes after `broker 4` in a scenario that continues one with brokers 0–3.
        #expect(Self.labels(typing: "crash ", onLine: 12) == ["0", "1", "2", "3", "4"])
        // In the first scenario, before `crash 3`: brokers 0–3 only.
        #expect(Self.labels(typing: "restart ", onLine: 7) == ["0", "1", "2", "3"])
        #expect(Self.labels(typing: "broker ", onLine: 12) == ["5"])
    }

    @Test func keysOfTheCommandAndChoicesOfAKey() {
        let keys = Self.labels(typing: "topic t ", onLine: 12)
        #expect(keys.starts(with: ["partitions=", "replication-factor=", "placement=", "start-index=", "seed="]))
        #expect(keys.contains("min.insync.replicas="))
        #expect(Self.labels(typing: "topic t partitions=3 ", onLine: 12).first == "replication-factor=")
        #expect(Self.labels(typing: "topic t placement=", onLine: 12) == ["admin-utils", "round-robin", "striped"])
        // The kind's values first (all, the default, leads), then any the synopsis adds.
        #expect(Self.labels(typing: "produce orders acks=", onLine: 12) == ["all", "1", "0"])
        #expect(Self.labels(typing: "topic t unclean.leader.election.enable=", onLine: 12) == ["true", "false"])
        #expect(Self.labels(typing: "elect ", onLine: 12) == ["preferred", "unclean"])
        #expect(Self.labels(typing: "describe orders ", onLine: 12).allSatisfy { $0.hasPrefix("--") })
    }

    @Test func topicsPartitionsGroupsMembersAndProducers() {
        #expect(Self.labels(typing: "describe ", onLine: 12).first == "orders")
        #expect(Self.labels(typing: "elect preferred ", onLine: 12) == ["orders", "orders-0", "orders-1"])
        #expect(Self.labels(typing: "expect hw ", onLine: 12) == ["orders-0", "orders-1"])
        #expect(Self.labels(typing: "poll ", onLine: 12) == ["g"])
        #expect(Self.labels(typing: "poll g member=", onLine: 12) == ["c1"])
        #expect(Self.labels(typing: "produce orders producer=", onLine: 12) == ["p"])
        #expect(Self.labels(typing: "produce orders partition=", onLine: 12) == ["0", "1"])
        #expect(Self.labels(typing: "join h member=c2 topics=", onLine: 12) == ["orders"])
        #expect(Self.labels(typing: "consume orders rack=", onLine: 12) == ["R1", "R2"])
        #expect(Self.labels(typing: "expect assignment g ", onLine: 12) == ["c1"])
        #expect(Self.labels(typing: "expect leo orders-0 on ", onLine: 12).count == 3)
    }

    @Test func configKeysDependOnTheTarget() {
        let broker = Self.labels(typing: "config broker ", onLine: 12)
        // `config broker` offers the dynamic settings only; the read-only ones go on the cluster line.
        #expect(broker.contains("min.insync.replicas=") && !broker.contains("replica.lag.time.max.ms="))
        #expect(Self.labels(typing: "cluster brokers=3 ", onLine: 12).contains("replica.lag.time.max.ms="))
        let topic = Self.labels(typing: "config orders ", onLine: 12)
        #expect(topic.contains("min.insync.replicas=") && !topic.contains("replica.lag.time.max.ms="))
        #expect(Self.labels(typing: "config ", onLine: 12) == ["broker", "orders"])
    }

    @Test func expectationsAndKafkaErrors() {
        let kinds = Self.labels(typing: "expect ", onLine: 12)
        #expect(kinds.first == "leader" && kinds.contains("invariants"))
        let errors = Self.labels(typing: "expect error ", onLine: 12)
        #expect(errors.contains("NOT_ENOUGH_REPLICAS") && errors.contains("INVALID_REPLICATION_FACTOR"))
        #expect(Self.labels(typing: "expect error NOT_ENOUGH_REPLICAS ", onLine: 12).isEmpty)
        // `expect hw` reads a follower's HW too (`on <broker>`), as its synopsis says.
        #expect(Self.labels(typing: "expect hw orders-0 ", onLine: 12) == ["on", "=="])
        #expect(Self.labels(typing: "expect hw orders-0 on ", onLine: 12).count == 3)
        #expect(Self.labels(typing: "expect hw orders-0 on 1 ", onLine: 12) == ["=="])
        #expect(Self.labels(typing: "expect hw orders-0 == ", onLine: 12).isEmpty)
        #expect(Self.labels(typing: "expect partition orders ", onLine: 12) == ["key="])
        #expect(Self.labels(typing: "expect invariants ", onLine: 12) == ["ok"])
        #expect(Self.labels(typing: "expect lag g ", onLine: 12) == ["orders-0", "orders-1"])
        #expect(Self.labels(typing: "let x = ", onLine: 12).first == "leader")
    }

    /// Inside a prose `{{…}}`: where to read (scenarios and their steps above) and the query, word by word, against
    /// the state the reference reads.
    @Test func referencesInProse() {
        let start = Self.labels(typing: "The HW is {{", onLine: 14)
        #expect(start.starts(with: ["setup:", "setup/step-1:"]))
        #expect(start.contains("setup/step-5:") && start.contains("hw") && start.contains("last-known-elr"))
        #expect(Self.labels(typing: "Lag {{setup: lag ", onLine: 14) == ["g"])
        #expect(Self.labels(typing: "Lag {{lag g ", onLine: 14) == ["orders-0", "orders-1"])
        #expect(Self.labels(typing: "At {{setup/step-2: time in ", onLine: 14) == ["ms", "s", "min"])
        #expect(Self.labels(typing: "At {{time ", onLine: 14) == ["in"])
        // Without a name, the last scenario above that ran (`next` has a line that does not parse yet).
        #expect(Self.labels(typing: "ISR {{isr ", onLine: 14) == ["orders-0", "orders-1"])
        // A finished reference is prose again; a reference to a scenario that does not exist offers nothing.
        #expect(Self.labels(typing: "HW {{hw orders-0}} and ", onLine: 14).isEmpty)
        #expect(Self.labels(typing: "HW {{nope: hw ", onLine: 14).isEmpty)
    }

    @Test func scenarioNamesAfterContinues() {
        let lesson = Self.lesson + "```scenario third\ncluster brokers=1\n```\n"
        let line = Self.lesson.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(Self.labels(typing: "```scenario third continues=", onLine: line, in: lesson) == ["setup", "next"])
        #expect(Self.labels(typing: "```scenario third ", onLine: line, in: lesson) == ["continues=", "versions="])
        // Options may come without a name.
        #expect(Self.labels(typing: "```scenario ", onLine: line, in: lesson) == ["continues=", "versions="])
        #expect(Self.labels(typing: "```scenario third versions=", onLine: line, in: lesson).contains("4.1"))
        #expect(Self.labels(typing: "```scenario third versions=4.0,", onLine: line, in: lesson).first == "3.6")
    }

    @Test func nothingInACommentOrInProse() {
        #expect(Self.labels(typing: "crash 1 # then ", onLine: 12).isEmpty)
        #expect(Self.labels(typing: "Some prose ", onLine: 1).isEmpty)
    }

    @Test func theStateWorksWhileAFenceIsNotClosedYet() {
        // A new scenario at the end of the lesson, its fence not closed: check rejects the lesson, completion goes on.
        let lesson = "# Open\n\n```scenario a\ncluster brokers=2\n\n"
        #expect(Self.labels(typing: "crash ", onLine: 4, in: lesson) == ["0", "1"])
    }

    @Test func eachItemCarriesTheCommandsHelpAndReplacesTheWordTyped() throws {
        var harness = ServerHarness()
        harness.open("01-c.md", Self.lesson.replacingOccurrences(of: "\nx\n", with: "\ncra\n"))
        let result = harness.request(
            "textDocument/completion",
            ["textDocument": ServerHarness.document("01-c.md"), "position": ServerHarness.position(12, 3)])
        let crash = try #require(result?["items"]?.array?.first { $0["label"] == "crash" })
        #expect(crash["documentation"]?["value"]?.string?.contains("Kills a broker's process") == true)
        #expect(crash["textEdit"]?["range"]?["start"]?["character"] == 0)
        #expect(crash["textEdit"]?["range"]?["end"]?["character"] == 3)
    }
}
