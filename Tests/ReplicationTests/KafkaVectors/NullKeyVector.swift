import ReplicaLabTestSupport
import Testing

/// One `producer_null_key` vector: how Kafka's producer picks a partition for records without a key.
struct NullKeyVector: Decodable, Sendable, CustomTestStringConvertible {
    /// What the vector checks; told apart by the keys of its `input`.
    enum Check: Sendable {
        case adaptive(Adaptive)
        case stickiness(Stickiness)
        case unavailable(Unavailable)
        case legacyRoundRobin(LegacyRoundRobin)
    }

    /// Kafka: `BuiltInPartitionerTest.adaptivePartitionsTest`.
    struct Adaptive: Decodable, Sendable {
        struct Input: Decodable, Sendable {
            var queueSizes: [Int]
            var partitionIDs: [Int]
            var stickyBatchSize: Int
            var bytesPerRecord: Int
            var iterations: Int

            enum CodingKeys: String, CodingKey {
                case queueSizes = "queue_sizes"
                case partitionIDs = "partition_ids"
                case stickyBatchSize = "sticky_batch_size_bytes"
                case bytesPerRecord = "bytes_per_record"
                case iterations
            }
        }

        struct Expected: Decodable, Sendable {
            var cumulativeFrequencyTable: [Int]
            var loadStatsRangeEnd: Int
            var timesEachPartitionChosen: [Int]

            enum CodingKeys: String, CodingKey {
                case cumulativeFrequencyTable = "cumulative_frequency_table"
                case loadStatsRangeEnd
                case timesEachPartitionChosen = "times_each_partition_chosen"
            }
        }

        var input: Input
        var expected: Expected
    }

    /// Kafka: `BuiltInPartitionerTest.testStickyPartitioning`.
    struct Stickiness: Decodable, Sendable {
        struct Input: Decodable, Sendable {
            var partitionCount: Int
            var stickyBatchSize: Int
            var appendSizes: [Int]

            enum CodingKeys: String, CodingKey {
                case partitionCount = "topic_partitions"
                case stickyBatchSize = "sticky_batch_size_bytes"
                case appendSizes = "append_sizes"
            }
        }

        struct Expected: Decodable, Sendable {
            var samePartitionForFirstThreeRecords: Bool
            var partitionChangesAfterThirdRecord: Bool

            enum CodingKeys: String, CodingKey {
                case samePartitionForFirstThreeRecords = "same_partition_for_first_3_records"
                case partitionChangesAfterThirdRecord = "partition_changes_after_3rd_record"
            }
        }

        var input: Input
        var expected: Expected
    }

    /// Kafka: `BuiltInPartitionerTest.unavailablePartitionsTest`.
    struct Unavailable: Decodable, Sendable {
        struct Topic: Decodable, Sendable {
            var partitions: Int
            var leaderless: [Int]
        }

        /// Topic name → its partitions and the leaderless ones.
        var input: [String: Topic]
        /// `<topic>_never` / `<topic>_always` → a partition.
        var expected: [String: Int]
    }

    /// Kafka 2.3: `DefaultPartitionerTest.testRoundRobin`.
    struct LegacyRoundRobin: Decodable, Sendable {
        struct Input: Decodable, Sendable {
            var partitionCount: Int
            var calls: Int

            enum CodingKeys: String, CodingKey {
                case partitionCount = "topicA_partitions"
                case calls = "calls_topicA"
            }
        }

        struct Expected: Decodable, Sendable {
            /// Partition (as text) → how often it was chosen.
            var countPerPartition: [String: Int]

            enum CodingKeys: String, CodingKey {
                case countPerPartition = "count_per_partition_topicA"
            }
        }

        var input: Input
        var expected: Expected
    }

    var name: String
    var check: Check

    var testDescription: String { name }

    static func all() throws -> [NullKeyVector] {
        try KafkaReference.vectors(at: "producer_null_key")
    }

    private enum CodingKeys: String, CodingKey {
        case name, input
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        let input = try container.nestedContainer(keyedBy: JSONKey.self, forKey: .input)
        if input.contains(JSONKey("queue_sizes")) {
            check = .adaptive(try Adaptive(from: decoder))
        } else if input.contains(JSONKey("append_sizes")) {
            check = .stickiness(try Stickiness(from: decoder))
        } else if input.contains(JSONKey("topicA")) {
            check = .unavailable(try Unavailable(from: decoder))
        } else if input.contains(JSONKey("topicA_partitions")) {
            check = .legacyRoundRobin(try LegacyRoundRobin(from: decoder))
        } else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath + [CodingKeys.input],
                    debugDescription: "vector '\(name)' checks something these tests do not know"))
        }
    }
}
