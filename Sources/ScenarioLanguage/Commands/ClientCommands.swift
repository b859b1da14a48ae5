import Diagnostics
import Replication

extension CommandTable {
    /// Commands for producers, consumers and consumer groups.
    static let clientCommands: [CommandSpec] = [
        CommandSpec(
            name: "producer", synopsis: "producer <name> [<config>=<value> …]",
            summary:
                "Creates a named producer with Kafka's configs and current defaults (acks=all, enable.idempotence=true, retries=2147483647, request.timeout.ms=30000, delivery.timeout.ms=120000, max.in.flight.requests.per.connection=5, retry.backoff.ms=100, batch.size=16384, linger.ms=0, partitioner=sticky|round-robin).",
            example: "producer p enable.idempotence=false max.in.flight.requests.per.connection=2",
            positionals: [("name", true)], keys: ProducerConfig.keys.map { ($0, false) },
            argumentKinds: [
                "name": .text, "acks": .words(["all", "1", "0", "-1"]),
                "enable.idempotence": .words(["true", "false"]),
                "partitioner": .words(["sticky", "round-robin"]),
            ],
            build: { reader in
                guard let name = reader.positional(0, name: "name") else { return nil }
                var configs: [String: String] = [:]
                for key in reader.presentKeys { configs[key] = reader.optionalString(key) }
                return .producer(name: name, configs: configs)
            }),
        CommandSpec(
            name: "drop-responses", synopsis: "drop-responses <broker> [count=<n>]",
            summary:
                "The broker's next n produce responses (default 1) are lost on the way to the producer; it handled the requests.",
            example: "drop-responses 1 count=1",
            positionals: [("broker", true)], keys: [("count", false)],
            argumentKinds: ["broker": .broker],
            build: { reader in
                guard let broker = reader.positionalInt(0, name: "broker", in: 0...reader.limits.brokerID) else {
                    return nil
                }
                let count = reader.optionalInt("count", in: 0...reader.limits.records) ?? 1
                return .fault(.dropResponses(count: count), broker: broker)
            }),
        CommandSpec(
            name: "consume",
            synopsis: "consume <topic> [partition=<p>] [from=earliest|latest|<offset>] [max=<n>] [rack=<r>]",
            summary:
                "Reads like kafka-console-consumer with print.partition and print.offset (default from=earliest): only records below the high watermark; rack= fetches from a follower in that rack (KIP-392) when the cluster line sets replica.selector.class.",
            example: "consume orders partition=0 from=earliest",
            positionals: [("topic", true)],
            keys: [("partition", false), ("from", false), ("max", false), ("rack", false)],
            argumentKinds: [
                "topic": .topic, "partition": .partitionNumber, "from": .words(["earliest", "latest"]), "rack": .rack,
            ],
            build: { reader in
                guard let topic = reader.positional(0, name: "topic") else { return nil }
                let partition = reader.optionalInt("partition", in: 0...reader.limits.partitions)
                var start = Cluster.StartOffset.earliest
                if let from = reader.optionalString("from") {
                    switch from {
                    case "earliest": start = .earliest
                    case "latest": start = .latest
                    default:
                        guard let offset = reader.optionalInt("from", in: 0...Int(Int32.max)) else { return nil }
                        guard partition != nil else {
                            reader.error("from=<offset> needs partition=<p>, as --offset needs --partition", at: "from")
                            return nil
                        }
                        start = .offset(Int64(offset))
                    }
                }
                return .consume(
                    ConsumeCommand(
                        topic: topic, partition: partition, start: start,
                        max: reader.optionalInt("max", in: 1...reader.limits.records),
                        rack: reader.optionalString("rack")))
            }),
        CommandSpec(
            name: "join",
            synopsis:
                "join <group> member=<id> topics=<t1,t2,…> [assignor=range|roundrobin|sticky|cooperative-sticky] [instance=<id>] [rack=<r>] [enable.auto.commit=true|false] [auto.offset.reset=latest|earliest] [session.timeout.ms=<n>]",
            summary: "A consumer joins a classic consumer group, which rebalances.",
            example: "join g member=c1 topics=orders enable.auto.commit=false auto.offset.reset=earliest",
            positionals: [("group", true)],
            keys: [
                ("member", true), ("topics", true), ("assignor", false), ("instance", false), ("rack", false),
                ("enable.auto.commit", false), ("auto.offset.reset", false), ("session.timeout.ms", false),
            ],
            argumentKinds: [
                "group": .oneOf([.group, .text]), "topics": .topicList,
                "assignor": .words(["range", "roundrobin", "sticky", "cooperative-sticky"]), "rack": .rack,
                "enable.auto.commit": .words(["true", "false"]), "auto.offset.reset": .words(["latest", "earliest"]),
            ],
            build: { reader in
                guard let group = reader.positional(0, name: "group"), let member = reader.optionalString("member"),
                    let topics = reader.optionalString("topics")
                else { return nil }
                var options = JoinOptions(topics: topics.split(separator: ",").map(String.init))
                options.assignor =
                    reader.optionalChoice("assignor", ["range", "roundrobin", "sticky", "cooperative-sticky"])
                    ?? "range"
                options.instanceID = reader.optionalString("instance")
                options.rack = reader.optionalString("rack")
                options.autoCommit =
                    (reader.optionalChoice("enable.auto.commit", ["true", "false"]) ?? "true") == "true"
                options.resetToEarliest =
                    reader.optionalChoice("auto.offset.reset", ["latest", "earliest"]) == "earliest"
                // Kafka: the group coordinator rejects a session timeout outside group.min.session.timeout.ms (6000)
                // and group.max.session.timeout.ms (1800000) with INVALID_SESSION_TIMEOUT (ClassicGroup join checks).
                options.sessionTimeout = .milliseconds(
                    Int64(reader.optionalInt("session.timeout.ms", in: 6_000...1_800_000) ?? 45_000))
                return .group(.join(group: group, member: member, options: options))
            }),
        memberSpec(
            "leave",
            summary:
                "A consumer closes: a dynamic member leaves at once (LeaveGroup), a static one is expelled after its session timeout.",
            build: { .leave(group: $0, member: $1) }),
        memberSpec(
            "crash-consumer",
            summary: "A consumer process dies (no LeaveGroup, no commit); it is expelled after session.timeout.ms.",
            build: { .crash(group: $0, member: $1) }),
        CommandSpec(
            name: "poll", synopsis: "poll <group> member=<id> [max=<n>]",
            summary:
                "The member polls (max.poll.records=500): auto-commit of the previous poll's positions if due, then records from its positions.",
            example: "poll g member=c1 max=10",
            positionals: [("group", true)], keys: [("member", true), ("max", false)],
            argumentKinds: ["group": .group, "member": .member],
            build: { reader in
                guard let group = reader.positional(0, name: "group"), let member = reader.optionalString("member")
                else { return nil }
                let max = reader.optionalInt("max", in: 1...reader.limits.records) ?? 500
                return .group(.poll(group: group, member: member, max: max))
            }),
        memberSpec(
            "commit", summary: "The member commits its positions (commitSync).",
            build: { .commit(group: $0, member: $1) }
        ),
        CommandSpec(
            name: "groups", synopsis: "groups describe <group> [--members|--state]",
            summary: "Prints kafka-consumer-groups.sh --describe (LOG-END-OFFSET is the high watermark).",
            example: "groups describe g --members",
            positionals: [("action", true), ("group", true)], keys: [], flags: ["--members", "--state", "--offsets"],
            argumentKinds: ["action": .words(["describe"]), "group": .group], isReadOnly: true,
            build: { reader in
                guard let action = reader.positional(0, name: "action"), let group = reader.positional(1, name: "group")
                else { return nil }
                guard action == "describe" else {
                    reader.error("expected 'describe', not '\(action)'", at: "#0")
                    return nil
                }
                let flags = reader.flagsPresent
                if flags.count > 1 {
                    reader.error("give at most one of --members, --state, --offsets", at: "#1")
                    return nil
                }
                let view: ConsumerGroupDescription.View =
                    flags.first == "--members" ? .members : flags.first == "--state" ? .state : .offsets
                return .group(.describe(group: group, view: view))
            }),
    ]

    private static func memberSpec(
        _ name: String, summary: String, build: @escaping @Sendable (String, String) -> GroupCommand
    ) -> CommandSpec {
        CommandSpec(
            name: name, synopsis: "\(name) <group> member=<id>", summary: summary, example: "\(name) g member=c1",
            positionals: [("group", true)], keys: [("member", true)],
            argumentKinds: ["group": .group, "member": .member],
            build: { reader in
                guard let group = reader.positional(0, name: "group"), let member = reader.optionalString("member")
                else { return nil }
                return .group(build(group, member))
            })
    }
}
