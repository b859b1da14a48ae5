import Replication
import ScenarioLanguage
import Testing

/// Tab completion at the `play` prompt: what is offered follows the kind the command table gives each argument, and
/// only values that exist now are offered.
struct LineCompletionTests {
    /// A sandbox with 12 brokers in two racks, a topic of 3 partitions, a producer and a consumer group.
    static var sandbox: Sandbox {
        var sandbox = Sandbox(seed: 1)
        for line in [
            "cluster brokers=12 racks=2", "topic orders partitions=3 replication-factor=3",
            "topic clicks partitions=2 replication-factor=2", "producer p", "join g member=c1 topics=orders",
        ] {
            guard case .step = sandbox.enter(line) else { fatalError("setup line failed: \(line)") }
        }
        return sandbox
    }

    static func offered(_ line: String) -> [String] { sandbox.completion(for: line).candidates }

    @Test func brokerArgumentsOfferBrokerIdsInNumericOrder() {
        #expect(Self.offered("crash ") == (0..<12).map(String.init))
        #expect(Self.offered("crash 1") == ["1", "10", "11"])
        #expect(Self.offered("stall ") == (0..<12).map(String.init))
        // Not topics: a topic is no broker.
        #expect(!Self.offered("crash ").contains("orders"))
    }

    @Test func partitionArgumentsOfferTheTopicsPartitions() {
        #expect(Self.offered("explain orders-") == ["orders-0", "orders-1", "orders-2"])
        #expect(Self.offered("explain ") == ["clicks-0", "clicks-1", "orders-0", "orders-1", "orders-2"])
        // elect and replicas take a topic or one of its partitions.
        #expect(Self.offered("elect preferred ord") == ["orders", "orders-0", "orders-1", "orders-2"])
        #expect(Self.offered("elect ") == ["preferred", "unclean"])
        #expect(Self.offered("expect leader orders-") == ["orders-0", "orders-1", "orders-2"])
        #expect(Self.offered("expect hw orders-0 ") == ["on", "=="])
        // `on` takes a broker holding a replica of the partition, in replica order.
        let replicas = Self.sandbox.runner.cluster?.partition(TopicPartition("orders", 0))?.replicas.map(String.init)
        #expect(replicas?.count == 3)
        #expect(Self.offered("expect leo orders-0 on ") == replicas)
        #expect(Self.offered("expect partition orders ") == ["key="])
        #expect(Self.offered("expect partition orders key=a ") == ["=="])
        #expect(Self.offered("expect leader orders-0 == ").isEmpty)
    }

    @Test func durationsAndValuesOfKeys() {
        #expect(Self.offered("advance ") == ArgumentKind.durationExamples)
        #expect(Self.offered("advance 3") == ["30s"])
        #expect(Self.offered("produce orders acks=") == ["acks=all", "acks=1", "acks=0"])
        #expect(Self.offered("produce orders partition=") == ["partition=0", "partition=1", "partition=2"])
        #expect(Self.offered("produce orders producer=") == ["producer=p"])
        #expect(Self.offered("slow 2 lag=1") == ["lag=1s", "lag=10s", "lag=1m"])
        #expect(Self.offered("poll g member=") == ["member=c1"])
        #expect(Self.offered("topic t2 placement=r") == ["placement=round-robin"])
        #expect(
            Self.offered("topic t2 unclean.leader.election.enable=") == [
                "unclean.leader.election.enable=true", "unclean.leader.election.enable=false",
            ])
        #expect(Self.offered("join g2 member=c2 topics=orders,") == ["topics=orders,clicks"])
    }

    @Test func keysAndFlagsFollowARequiredPositional() {
        // Until the topic is there, only topics.
        #expect(Self.offered("produce ") == ["clicks", "orders"])
        let keys = Self.offered("produce orders ")
        #expect(keys.starts(with: ["async", "partition=", "key=", "value="]))
        #expect(!Self.offered("produce orders acks=all ").contains("acks="))
        #expect(Self.offered("describe orders --under-r") == ["--under-replicated-partitions"])
        // `config broker` takes the dynamic broker settings, `config <topic>` topic configs, `cluster` every broker
        // setting.
        #expect(Self.offered("config broker replica.").isEmpty)
        #expect(Self.offered("config broker min.") == ["min.insync.replicas="])
        #expect(
            Self.offered("cluster brokers=3 replica.")
                == EngineConfig.keys.filter { $0.hasPrefix("replica.") }.map { $0 + "=" })
        #expect(Self.offered("config orders min.") == ["min.insync.replicas="])
        #expect(Self.offered("config ").starts(with: ["broker", "clicks", "orders"]))
    }

    @Test func aNewNameOffersNothingButTheUsage() {
        let completion = Self.sandbox.completion(for: "topic ")
        #expect(completion.candidates.isEmpty)
        #expect(completion.usage?.hasPrefix("usage: topic <name> partitions=<p>") == true)
        #expect(Self.offered("broker ") == ["12"])
    }

    @Test func commandWordsAndTheSandboxsOwn() {
        #expect(Self.offered("cr") == ["crash", "crash-consumer"])
        #expect(Self.offered("un") == ["undo"])
        #expect(Self.offered("expect ") == ExpectationTable.names)
        #expect(Self.offered("expect leo orders-0 ") == ["on", "=="])
        #expect(Self.offered("expect assignment g ") == ["c1"])
        #expect(Self.offered("let x = ") == StateQuery.Kind.allCases.map(\.rawValue))
        #expect(Self.offered("let x = lag ") == ["g"])
        #expect(Self.offered("let x = time ") == ["in"])
        #expect(Self.offered("let x = time in ") == ["ms", "s", "min"])
        #expect(Self.offered("let x = leo orders-0 ") == ["on"])
    }

    /// The terminal, the in-page editor and the language server complete from one place: what an editor lists
    /// with its details is what Tab offers as whole words.
    @Test func oneCompletionForTheTerminalAndTheEditor() {
        let cluster = Self.sandbox.runner.cluster
        let brokers = WordCompletion.complete("crash ", cluster: { cluster })
        #expect(brokers.candidates.map(\.label) == Self.offered("crash "))
        #expect(brokers.candidates.first?.detail?.hasPrefix("rack R1") == true)
        #expect(brokers.candidates.allSatisfy { $0.role == .value })
        let partitions = WordCompletion.complete("explain ", cluster: { cluster })
        #expect(partitions.candidates.first?.detail?.hasPrefix("leader ") == true)
        // A key's value: the labels start after `key=`, and the terminal puts the key back.
        let acks = WordCompletion.complete("produce orders acks=a", cluster: { cluster })
        #expect(acks.valueStart == 5)
        #expect(acks.candidates.map(\.label) == ["all", "1", "0"])
        let list = WordCompletion.complete("join g2 member=c2 topics=orders,c", cluster: { cluster })
        #expect(list.valueStart == "topics=orders,".utf8.count)
        #expect(list.candidates.map(\.label) == ["clicks"])
        // A topic config's default is marked.
        let unclean = WordCompletion.complete("topic t2 unclean.leader.election.enable=", cluster: { cluster })
        #expect(unclean.candidates.first { $0.label == "false" }?.detail == "default")
        // The producer's configs come from the table.
        #expect(
            Self.offered("producer q enable.idempotence=") == [
                "enable.idempotence=true", "enable.idempotence=false",
            ])
        // Every Kafka error the engine gives, after `expect error`; nothing inside a comment.
        #expect(
            Self.offered("expect error NOT_ENOUGH_") == ["NOT_ENOUGH_REPLICAS", "NOT_ENOUGH_REPLICAS_AFTER_APPEND"])
        #expect(Self.offered("crash 1 # then ").isEmpty)
    }

    /// After a failed command, its error comes first after `expect error` (the others follow by name).
    @Test func theLastErrorComesFirst() {
        var sandbox = Self.sandbox
        _ = sandbox.enter("topic orders partitions=1 replication-factor=1")
        let offered = sandbox.completion(for: "expect error ").candidates
        #expect(offered.first == "TOPIC_ALREADY_EXISTS")
        #expect(offered.count > 20)
        #expect(Set(offered).count == offered.count, "the last error is offered once")
    }

    /// The table's declarations are complete: each positional of each command says what it holds.
    @Test(arguments: CommandTable.commands.map(\.name))
    func everyPositionalHasAKind(_ name: String) throws {
        let spec = try #require(CommandTable.command(named: name))
        for positional in spec.positionalNames {
            #expect(spec.argumentKinds[positional] != nil, "\(name) <\(positional)> says nothing about what it holds")
        }
    }

    /// A kind is declared only for an argument the command has.
    @Test(arguments: CommandTable.commands.map(\.name))
    func everyKindNamesAnArgument(_ name: String) throws {
        let spec = try #require(CommandTable.command(named: name))
        for argument in spec.argumentKinds.keys {
            #expect(
                spec.positionalNames.contains(argument) || spec.keyNames.contains(argument),
                "\(name) declares a kind for '\(argument)', which it does not take")
        }
    }

    /// Every word completion offers for a command's arguments is a value the parser accepts: the command's example
    /// with that argument set to the word parses.
    @Test(arguments: CommandTable.commands.map(\.name))
    func everyOfferedWordParses(_ name: String) throws {
        let spec = try #require(CommandTable.command(named: name))
        for (argument, kind) in spec.argumentKinds {
            guard case .words(let words) = kind else { continue }
            for word in words {
                let text = Self.example(of: spec, with: argument, setTo: word)
                let (_, problems) = ScenarioParser.parse(text, sourceMap: .identity(file: "t", lineCount: 1))
                #expect(problems.isEmpty, "\(text): \(problems.map(\.message))")
            }
        }
    }

    /// The command's example with one argument set: a positional replaced (or added), a key replaced (or added).
    static func example(of spec: CommandSpec, with argument: String, setTo word: String) -> String {
        var words = spec.example.split(separator: " ").map(String.init)
        if let index = spec.positionalNames.firstIndex(of: argument) {
            let positions = words.indices.dropFirst().filter { !words[$0].contains("=") && !words[$0].hasPrefix("--") }
            if index < positions.count { words[positions[index]] = word } else { words.append(word) }
            return words.joined(separator: " ")
        }
        // `config` takes exactly one setting: a broker setting goes on `config broker`.
        if spec.name == "config" { return "config broker \(argument)=\(word)" }
        return (words.filter { !$0.hasPrefix(argument + "=") } + ["\(argument)=\(word)"]).joined(separator: " ")
    }
}
