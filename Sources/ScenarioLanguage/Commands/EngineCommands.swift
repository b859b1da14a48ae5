import Diagnostics
import Replication

extension CommandTable {
    /// Commands that drive the replication engine: time, faults, elections, configs, produce, replica views.
    static let engineCommands: [CommandSpec] = [
        CommandSpec(
            name: "advance", synopsis: "advance <duration>",
            summary: "Lets simulated time pass (500ms, 30s, 2m) and prints what happened.", example: "advance 30s",
            positionals: [("duration", true)], keys: [],
            argumentKinds: ["duration": .duration],
            build: { reader in
                guard let text = reader.positional(0, name: "duration") else { return nil }
                guard let duration = Duration.parse(text) else {
                    reader.error("expected a duration like 500ms, 30s or 2m, not '\(text)'", at: "#0")
                    return nil
                }
                guard duration <= reader.limits.advance else {
                    reader.error(
                        "advance is limited to 1h per line (every 500 ms of it runs fetches)",
                        at: "#0", notes: [.init(Limits.whereToRaise)])
                    return nil
                }
                return .advance(duration)
            }),
        faultSpec(
            "crash", .crash, synopsis: "crash <broker> [lose-unflushed]",
            summary:
                "Kills a broker's process: clients see their connections close at once; its log survives, or with lose-unflushed only the flushed part does (then its host went down too, as with power-off).",
            example: "crash 1"),
        faultSpec(
            "power-off", .powerOff,
            summary:
                "The broker's host vanishes: it loses every unflushed record, and clients hear nothing until request.timeout.ms.",
            example: "power-off 1"),
        faultSpec(
            "restart", .restart,
            summary:
                "Starts a crashed or shut-down broker again; it registers once its old session has expired (at once if it was fenced) and is unfenced at its next heartbeat.",
            example: "restart 1"),
        faultSpec(
            "shutdown", .shutdown, summary: "Shuts a broker down cleanly (controlled shutdown).",
            example: "shutdown 2"),
        faultSpec(
            "stall", .stall, summary: "The broker stops fetching and receiving but stays alive and heartbeating.",
            example: "stall 3"),
        faultSpec("resume", .resume, summary: "A stalled broker fetches again.", example: "resume 3"),
        faultSpec(
            "isolate", .isolate, summary: "Cuts a broker off from the other brokers and the controller.",
            example: "isolate 2"),
        faultSpec("flush", .flush, summary: "Flushes every log of a broker to disk.", example: "flush 2"),
        CommandSpec(
            name: "slow", synopsis: "slow <broker> lag=<duration>",
            summary: "Every fetch response to the broker takes this long (lag=0ms undoes it).",
            example: "slow 3 lag=2s",
            positionals: [("broker", true)], keys: [("lag", true)],
            argumentKinds: ["broker": .broker, "lag": .duration],
            build: { reader in
                guard let broker = reader.positionalInt(0, name: "broker", in: 0...reader.limits.brokerID),
                    let lag = reader.optionalDuration("lag")
                else { return nil }
                return .fault(.slow(lag: lag), broker: broker)
            }),
        CommandSpec(
            name: "heal", synopsis: "heal [<broker>]",
            summary: "Reconnects an isolated broker, or every isolated broker.", example: "heal",
            positionals: [("broker", false)], keys: [],
            argumentKinds: ["broker": .broker],
            build: { reader in
                guard reader.positional(0, name: "broker") != nil else { return .heal(broker: nil) }
                guard let broker = reader.positionalInt(0, name: "broker", in: 0...reader.limits.brokerID) else {
                    return nil
                }
                return .heal(broker: broker)
            }),
        CommandSpec(
            name: "elect", synopsis: "elect preferred|unclean <topic>[-<p>]",
            summary: "Runs a leader election as kafka-leader-election.sh does.", example: "elect preferred orders-0",
            positionals: [("type", true), ("partition", true)], keys: [],
            argumentKinds: ["type": .words(["preferred", "unclean"]), "partition": .oneOf([.topic, .partition])],
            build: { reader in
                guard let type = reader.positional(0, name: "type"),
                    let target = reader.positional(1, name: "partition")
                else { return nil }
                switch type {
                case "preferred": return .elect(.preferred, target: target)
                case "unclean": return .elect(.unclean, target: target)
                default:
                    reader.error("the election type is preferred or unclean, not '\(type)'", at: "#0")
                    return nil
                }
            }),
        CommandSpec(
            name: "config", synopsis: "config <topic>|broker <key>=<value>",
            summary:
                "Changes a topic config, or with 'broker' a cluster-wide dynamic broker default (min.insync.replicas, "
                + "unclean.leader.election.enable, message.max.bytes); Kafka refuses read-only broker configs with "
                + "INVALID_REQUEST: those go on the cluster line (help configs).",
            example: "config orders unclean.leader.election.enable=true",
            positionals: [("topic", true)], keys: EngineConfig.keys.map { ($0, false) }, acceptsTopicConfigs: true,
            argumentKinds: brokerConfigKinds(adding: ["topic": .oneOf([.words(["broker"]), .topic])]),
            build: { reader in
                guard let target = reader.positional(0, name: "topic") else { return nil }
                let keys = reader.presentKeys
                guard keys.count == 1, let key = keys.first, let value = reader.optionalString(key) else {
                    reader.error("give exactly one <key>=<value>", at: "#0")
                    return nil
                }
                if target == "broker" {
                    guard EngineConfig.keys.contains(key) else {
                        reader.error(
                            "'\(key)' is not a broker setting", at: key,
                            notes: [
                                .init(
                                    "'config broker' changes \(EngineConfig.dynamicKeys.joined(separator: ", ")); "
                                        + "the other broker settings go on the cluster line (help configs)")
                            ])
                        return nil
                    }
                    return .config(topic: nil, key: key, value: value)
                }
                guard TopicConfig.named(key) != nil else {
                    reader.error("'\(key)' is not a topic config", at: key)
                    return nil
                }
                return .config(topic: target, key: key, value: value)
            }),
        CommandSpec(
            name: "produce",
            synopsis:
                "produce <topic> [partition=<p>] [key=<k>] [value=<v>] [count=<n>] [acks=0|1|all] [producer=<name>] [async]",
            summary:
                "Sends one produce request to the partition's leader (no retries), or with producer=<name> sends through that producer (retries, idempotence), and waits for the answer; without partition= a key picks it by murmur2, no key by the sticky partitioner.",
            example: "produce orders partition=0 value=r count=5 acks=all",
            positionals: [("topic", true), ("async", false)],
            keys: [
                ("partition", false), ("key", false), ("value", false), ("count", false), ("acks", false),
                ("producer", false),
            ],
            argumentKinds: [
                "topic": .topic, "async": .words(["async"]), "partition": .partitionNumber,
                "acks": .words(["all", "1", "0"]), "producer": .producer,
            ],
            build: { reader in
                guard let topic = reader.positional(0, name: "topic") else { return nil }
                let mode = reader.positional(1, name: "async")
                if let mode, mode != "async" {
                    reader.error("expected 'async' or key=value, not '\(mode)'", at: "#1")
                    return nil
                }
                let producer = reader.optionalString("producer")
                if producer != nil, reader.optionalString("acks") != nil {
                    reader.error("acks is a setting of the producer: give it on the 'producer' line", at: "acks")
                    return nil
                }
                let acksText =
                    reader.optionalChoice(
                        "acks", ["0", "1", "all", "-1"],
                        explanation:
                            "acks is whom the leader waits for before it answers: 0 no one, 1 itself, all (or -1) "
                            + "every in-sync replica; for every write to be on two replicas or more, use acks=all "
                            + "with min.insync.replicas=2"
                    ) ?? "all"
                let acks: Acks = acksText == "0" ? .none : acksText == "1" ? .leader : .all
                return .produce(
                    ProduceCommand(
                        topic: topic, partition: reader.optionalInt("partition", in: 0...reader.limits.partitions),
                        key: reader.optionalString("key"), value: reader.optionalString("value"),
                        count: reader.optionalInt("count", in: 1...reader.limits.records) ?? 1, acks: acks,
                        isAsync: mode != nil, producer: producer))
            }),
        CommandSpec(
            name: "replicas", synopsis: "replicas <topic>[-<p>]",
            summary:
                "Prints each replica of a partition: role, LEO, HW, latest epoch in its log, ISR membership, status, lag.",
            example: "replicas orders-0",
            positionals: [("partition", true)], keys: [],
            argumentKinds: ["partition": .oneOf([.topic, .partition])], isReadOnly: true,
            build: { reader in
                guard let target = reader.positional(0, name: "partition") else { return nil }
                return .replicas(target: target)
            }),
    ]

    private static func faultSpec(
        _ name: String, _ fault: Cluster.Fault, synopsis: String? = nil, summary: String, example: String
    ) -> CommandSpec {
        CommandSpec(
            name: name, synopsis: synopsis ?? "\(name) <broker>", summary: summary, example: example,
            positionals: name == "crash" ? [("broker", true), ("mode", false)] : [("broker", true)], keys: [],
            argumentKinds: name == "crash"
                ? ["broker": .broker, "mode": .words(["lose-unflushed"])] : ["broker": .broker],
            build: { reader in
                guard let broker = reader.positionalInt(0, name: "broker", in: 0...reader.limits.brokerID) else {
                    return nil
                }
                if let mode = reader.positional(1, name: "mode") {
                    guard mode == "lose-unflushed" else {
                        reader.error("expected 'lose-unflushed', not '\(mode)'", at: "#1")
                        return nil
                    }
                    return .fault(.crashLosingUnflushed, broker: broker)
                }
                return .fault(fault, broker: broker)
            })
    }
}
