/// `kafka-topics --create --replica-assignment 0:1:2,1:2:0`: the tool's parsing and the controller's checks.
extension Cluster {
    /// Parses a replica assignment as `kafka-topics` does: partitions separated by `,`, their replicas by `:`.
    ///
    /// Kafka: `TopicCommand.parseReplicaAssignment` — `Integer.parseInt` of each trimmed id (a
    /// `NumberFormatException` otherwise), no duplicate within a partition (`AdminCommandFailedException`), every
    /// partition as many replicas as the first (`AdminOperationException`), checked partition by partition.
    public static func parseReplicaAssignment(_ text: String) throws(KafkaError) -> [[BrokerID]] {
        var assignment: [[BrokerID]] = []
        // Java's String.split drops trailing empty strings: "0:1," is one partition.
        for partition in Self.javaSplit(text, ",") {
            var replicas: [BrokerID] = []
            for part in Self.javaSplit(partition, ":") {
                let trimmed = String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
                guard let id = Int32(trimmed) else {
                    throw KafkaError("NumberFormatException", "For input string: \"\(trimmed)\"")
                }
                replicas.append(BrokerID(id))
            }
            var seen: [BrokerID] = []
            var duplicates: [BrokerID] = []
            for id in replicas {
                if seen.contains(id) {
                    if !duplicates.contains(id) { duplicates.append(id) }
                } else {
                    seen.append(id)
                }
            }
            if !duplicates.isEmpty {
                throw KafkaError(
                    "AdminCommandFailedException",
                    "Partition replica lists may not contain duplicate entries: "
                        + duplicates.map(String.init).joined(separator: ","))
            }
            assignment.append(replicas)
            if replicas.count != assignment[0].count {
                throw KafkaError(
                    "AdminOperationException",
                    "Partition \(assignment.count - 1) has different replication factor: ["
                        + replicas.map(String.init).joined(separator: ", ") + "]")
            }
        }
        return assignment
    }

    /// The controller's checks of a manual assignment and each partition's first ISR.
    ///
    /// Kafka: `ReplicationControlManager.createTopic` → `validateManualPartitionAssignment` for each partition in turn
    /// (every broker registered, none twice, as many replicas as the partitions before), then its ISR: the active
    /// replicas, none → INVALID_REPLICA_ASSIGNMENT.
    func validateManualAssignment(_ assignment: [[BrokerID]]) throws(KafkaError) {
        for (partition, replicas) in assignment.enumerated() {
            if replicas.isEmpty {
                throw KafkaError(
                    "INVALID_REPLICA_ASSIGNMENT", "The manual partition assignment includes an empty replica list.")
            }
            var previous: BrokerID?
            for id in replicas.sorted() {
                if brokers[id] == nil {
                    throw KafkaError(
                        "INVALID_REPLICA_ASSIGNMENT",
                        "The manual partition assignment includes broker \(id), but no such broker is registered.")
                }
                if id == previous {
                    throw KafkaError(
                        "INVALID_REPLICA_ASSIGNMENT",
                        "The manual partition assignment includes the broker \(id) more than once.")
                }
                previous = id
            }
            if partition > 0, replicas.count != assignment[0].count {
                throw KafkaError(
                    "INVALID_REPLICA_ASSIGNMENT",
                    "The manual partition assignment includes a partition with \(replicas.count) replica(s), but this is not consistent with previous partitions, which have \(assignment[0].count) replica(s)."
                )
            }
            if !replicas.contains(where: isIsrEligible) {
                throw KafkaError(
                    "INVALID_REPLICA_ASSIGNMENT",
                    "All brokers specified in the manual partition assignment for partition \(partition) are fenced or in controlled shutdown."
                )
            }
        }
    }

    /// Java's `String.split(regex)` for a one-character literal: trailing empty strings removed.
    private static func javaSplit(_ text: some StringProtocol, _ separator: Character) -> [Substring] {
        var parts = String(text).split(separator: separator, omittingEmptySubsequences: false)
        while parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        return parts
    }
}
