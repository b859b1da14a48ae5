/// The `replication` section: follower fetch state (Kafka: `ReplicaTest`) and ISR / high watermark cases (Kafka:
/// `PartitionTest`). The tests replay the cases by hand; what they read from the file is listed here.
enum ReplicationVectors {
    /// A vector's name, to check that the cases a test replays are still in the file.
    struct Named: Decodable, Sendable {
        var name: String
    }

    /// One `follower_fetch_state` vector; only the fetch-sequence vectors have `fetches`.
    struct FollowerFetchState: Decodable, Sendable {
        struct Fetch: Decodable, Sendable {
            struct Expected: Decodable, Sendable {
                var logEndOffset: Int64
                var lastFetchLeaderLogEndOffset: Int64
                var lastCaughtUpTimeMs: Time
            }

            var followerFetchOffset: Int64
            var leaderEndOffset: Int64
            var expected: Expected
        }

        /// A time in milliseconds, or words that mean the time of the fetch (`"T"`, `"T (time of previous fetch…)"`).
        enum Time: Decodable, Sendable {
            case milliseconds(Int64)
            case fetchTime(String)

            init(from decoder: any Decoder) throws {
                let value = try decoder.singleValueContainer()
                if let number = try? value.decode(Int64.self) {
                    self = .milliseconds(number)
                } else {
                    self = .fetchTime(try value.decode(String.self))
                }
            }
        }

        var name: String
        /// Fetches all at the same time T, each with the state after it.
        var fetches: [Fetch]?

        enum CodingKeys: String, CodingKey {
            case name
            case fetches = "fetches_all_at_time_T"
        }
    }

    static func followerFetchState() throws -> [FollowerFetchState] {
        try KafkaReference.vectors(at: "replication", "follower_fetch_state")
    }

    static func partitionIsrHighWatermarkNames() throws -> [String] {
        try KafkaReference.vectors([Named].self, at: "replication", "partition_isr_hw").map(\.name)
    }
}
