import Diagnostics
import Replication

extension ScenarioRunner {
    /// Runs `producer`, `consume` and the consumer-group commands; nil when a diagnostic was reported.
    mutating func runClientCommand(_ statement: Statement, on cluster: inout Cluster) -> (
        output: [String], outcome: Outcome
    )? {
        do {
            switch statement.command {
            case .producer(let name, let configs):
                let client = try cluster.createProducer(name, config: ProducerConfig(configs, kafka: cluster.kafka))
                let config = client.config
                var parts = ["acks=\(config.acks.rawValue)", "enable.idempotence=\(config.enableIdempotence)"]
                if let id = client.producerID { parts.append("producer id \(id), epoch \(client.producerEpoch)") }
                return (["Created producer \(name) (\(parts.joined(separator: ", ")))."], .ok)
            case .consume(let command):
                guard cluster.topics[command.topic] != nil else {
                    report(
                        "unknown topic '\(command.topic)'", statement, at: statement.location(of: "#0"),
                        candidates: Array(cluster.topics.keys))
                    return nil
                }
                let records = cluster.consume(
                    topic: command.topic, partition: command.partition, from: command.start,
                    max: command.max ?? Int.max, rack: command.rack)
                return (records.map(Self.line) + ["Processed a total of \(records.count) messages"], .ok)
            case .group(let command):
                return try runGroupCommand(command, on: &cluster)
            default:
                return nil
            }
        } catch {
            return (["error: \(error.name): \(error.message)"], .kafkaError(error))
        }
    }

    private func runGroupCommand(_ command: GroupCommand, on cluster: inout Cluster) throws(KafkaError) -> (
        output: [String], outcome: Outcome
    ) {
        switch command {
        case .join(let group, let member, let options):
            for topic in options.topics where cluster.topics[topic] == nil {
                throw KafkaError("UNKNOWN_TOPIC_OR_PARTITION", "Topic '\(topic)' does not exist.")
            }
            try cluster.join(group: group, member: member, options: options)
            let id = cluster.groups[group]?.members.last { $0.clientID == member }?.memberID ?? member
            return (["\(member) joined group \(group) as \(id)"], .ok)
        case .leave(let group, let member):
            try cluster.leave(group: group, member: member)
            return (["\(member) left group \(group)"], .ok)
        case .crash(let group, let member):
            try cluster.crashConsumer(group: group, member: member)
            return ([], .ok)
        case .poll(let group, let member, let max):
            let records = try cluster.poll(group: group, member: member, max: max)
            if cluster.groups[group]?.state != .stable {
                return (["\(member) waits: group \(group) is rebalancing"], .ok)
            }
            return (
                records.map(Self.line) + ["\(member) polled \(records.count) record\(records.count == 1 ? "" : "s")"],
                .ok
            )
        case .commit(let group, let member):
            let offsets = try cluster.commit(group: group, member: member)
            let text = offsets.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            return (["\(member) committed \(text.isEmpty ? "nothing" : text)"], .ok)
        case .describe(let group, let view):
            return (ConsumerGroupDescription(cluster: cluster, group: group, view: view).lines, .ok)
        }
    }

    /// `Partition:0\tOffset:3\tvalue` (kafka-console-consumer with print.partition and print.offset).
    static func line(_ record: ConsumedRecord) -> String {
        "Partition:\(record.partition.partition)\tOffset:\(record.offset)\t\(record.value)"
    }

    /// `produce … producer=<name>`: one line per record with its outcome.
    mutating func runProducerSend(
        _ command: ProduceCommand, producer: String, on cluster: inout Cluster, statement: Statement
    ) -> (output: [String], outcome: Outcome)? {
        guard cluster.producer(named: producer) != nil else {
            report(
                "unknown producer '\(producer)'", statement, at: statement.location(of: "producer"),
                candidates: cluster.producers.map { $0.name })
            return nil
        }
        do {
            if command.isAsync {
                let ids = try cluster.send(
                    producer: producer, topic: command.topic, partition: command.partition, key: command.key,
                    values: command.values, isAsync: true)
                let batches = ids.compactMap { cluster.batches[$0] }
                // A batch still in the accumulator (lingering, or held back) is queued; one that left is sent.
                return (
                    batches.map {
                        let records = "\($0.values.count) record\($0.values.count == 1 ? "" : "s")"
                        let state = $0.attempts == 0 ? "queued" : "sent"
                        return "\(producer): batch \($0.id) to \($0.partition) (\(records)) \(state) (async)"
                    }, .ok
                )
            }
            let sentAt = cluster.now
            let batches = try cluster.sendAndWait(
                producer: producer, topic: command.topic, partition: command.partition, key: command.key,
                values: command.values)
            var outcome = Outcome.ok
            var lines: [String] = []
            for batch in batches {
                let after = (batch.completedAt ?? cluster.now) - sentAt
                let attempts = "\(batch.attempts) attempt\(batch.attempts == 1 ? "" : "s")"
                for (index, value) in batch.values.enumerated() {
                    let head = "\(batch.partition) \(value):"
                    switch batch.outcome {
                    case .acknowledged(let base):
                        lines.append(
                            base.map { "\(head) offset \($0 + Int64(index)) (after \(after), \(attempts))" }
                                ?? "\(head) sent (acks=0, no offset)")
                    case .failed(let error):
                        outcome = .kafkaError(error)
                        lines.append("\(head) error \(error.name) (after \(after), \(attempts)): \(error.message)")
                    case .unknown(let timeout, let last):
                        outcome = .kafkaError(timeout)
                        let lastText = last.map { "; last error \($0.name)" } ?? ""
                        lines.append("\(head) unknown (after \(after), \(attempts)): \(timeout)\(lastText)")
                    case nil:
                        lines.append("\(head) pending")
                    }
                }
            }
            return (lines, outcome)
        } catch {
            return (["error: \(error.name): \(error.message)"], .kafkaError(error))
        }
    }
}
