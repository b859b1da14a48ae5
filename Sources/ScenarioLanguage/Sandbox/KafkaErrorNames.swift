/// The Kafka errors a scenario can meet, for completion after `expect error`: the names the engine gives outcomes,
/// each with the description Kafka's `org.apache.kafka.common.protocol.Errors` gives it (or, for an exception
/// without a protocol error code, what the engine raises it for). A test keeps this list in step with the engine.
enum KafkaErrorNames {
    /// Name and description.
    static let all: [(name: String, description: String)] = [
        (
            "AdminOperationException",
            "Kafka's admin tools refuse the operation (AdminUtils: e.g. placing replicas across racks that cannot hold them)."
        ),
        (
            "AdminCommandFailedException",
            "kafka-topics refuses the command before sending it (e.g. a broker listed twice in --replica-assignment)."
        ),
        ("ConfigException", "A producer config has an invalid name or value (KafkaProducer's constructor)."),
        ("COORDINATOR_LOAD_IN_PROGRESS", "The coordinator is loading and hence can't process requests."),
        ("COORDINATOR_NOT_AVAILABLE", "The coordinator is not available."),
        (
            "CORRUPT_MESSAGE",
            "This message has failed its CRC checksum, exceeds the valid size, has a null key for a compacted topic, or is otherwise corrupt."
        ),
        ("ELECTION_NOT_NEEDED", "Leader election not needed for topic partition."),
        ("ELIGIBLE_LEADERS_NOT_AVAILABLE", "Eligible topic partition leaders are not available."),
        ("FENCED_LEADER_EPOCH", "The leader epoch in the request is older than the epoch on the broker."),
        ("GROUP_ID_NOT_FOUND", "The group id does not exist."),
        (
            "IllegalArgumentException",
            "A client call with an invalid argument (e.g. sending to a partition that does not exist)."
        ),
        (
            "IllegalStateException",
            "A client call in the wrong state (e.g. a producer or a group member that already exists)."
        ),
        (
            "INCONSISTENT_GROUP_PROTOCOL",
            "The group member's supported protocols are incompatible with those of existing members or first group member tried to join with empty protocol type or empty protocol list."
        ),
        ("INVALID_CONFIG", "Configuration is invalid."),
        ("INVALID_PARTITIONS", "Number of partitions is below 1."),
        (
            "INVALID_REQUEST",
            "This most likely occurs because of a request being malformed by the client library or the message was sent to an incompatible broker. See the broker logs for more details."
        ),
        ("INVALID_PRODUCER_EPOCH", "Producer attempted to produce with an old epoch."),
        ("INVALID_REPLICA_ASSIGNMENT", "Replica assignment in request is invalid."),
        ("INVALID_REPLICATION_FACTOR", "Replication factor is below 1 or larger than the number of available brokers."),
        ("INVALID_TOPIC_EXCEPTION", "The request attempted to perform an operation on an invalid topic."),
        ("KAFKA_STORAGE_ERROR", "Disk error when trying to access log file on the disk."),
        (
            "LEADER_NOT_AVAILABLE",
            "There is no leader for this topic-partition as we are in the middle of a leadership election."
        ),
        (
            "MESSAGE_TOO_LARGE",
            "The request included a message larger than the max message size the server will accept."
        ),
        ("NETWORK_EXCEPTION", "The server disconnected before a response was received."),
        ("NumberFormatException", "kafka-topics could not read a broker id of --replica-assignment as a number."),
        ("NOT_COORDINATOR", "This is not the correct coordinator."),
        ("NOT_ENOUGH_REPLICAS", "Messages are rejected since there are fewer in-sync replicas than required."),
        (
            "NOT_ENOUGH_REPLICAS_AFTER_APPEND",
            "Messages are written to the log, but to fewer in-sync replicas than required."
        ),
        (
            "NOT_LEADER_OR_FOLLOWER",
            "For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition."
        ),
        (
            "OFFSET_NOT_AVAILABLE",
            "The leader high watermark has not caught up from a recent leader election so the offsets cannot be guaranteed to be monotonically increasing."
        ),
        ("OUT_OF_ORDER_SEQUENCE_NUMBER", "The broker received an out of order sequence number."),
        ("PREFERRED_LEADER_NOT_AVAILABLE", "The preferred leader was not available."),
        ("REBALANCE_IN_PROGRESS", "The group is rebalancing, so a rejoin is needed."),
        ("REQUEST_TIMED_OUT", "The request timed out."),
        (
            "TimeoutException",
            "The producer gave up on a record: delivery.timeout.ms passed before it was acknowledged."
        ),
        ("TOPIC_ALREADY_EXISTS", "Topic with this name already exists."),
        ("UNKNOWN_LEADER_EPOCH", "The leader epoch in the request is newer than the epoch on the broker."),
        ("UNKNOWN_MEMBER_ID", "The coordinator is not aware of this member."),
        ("UNKNOWN_TOPIC_OR_PARTITION", "This server does not host this topic-partition."),
    ]
}
