import Testing

/// One `leader_epoch_cache_endOffsetFor` case (Kafka: `LeaderEpochFileCacheTest`), named by its Kafka test method.
struct EpochCacheCase: Decodable, Sendable, CustomStringConvertible {
    /// One `assign(epoch, startOffset)` call: a two-number array in the file.
    struct Assignment: Decodable, Sendable {
        var epoch: Int
        var startOffset: Int

        init(from decoder: any Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            epoch = try pair.decode(Int.self)
            startOffset = try pair.decode(Int.self)
            guard pair.isAtEnd else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "expected [epoch, startOffset]"))
            }
        }
    }

    /// One `endOffsetFor(epoch, logEndOffset)` call and its answer, `[epoch, endOffset]`.
    struct Query: Decodable, Sendable {
        var epoch: Int
        var logEndOffset: Int
        var expected: [Int]

        enum CodingKeys: String, CodingKey {
            case epoch = "requested_epoch"
            case logEndOffset = "log_end_offset"
            case expected = "expected_epoch_and_end_offset"
        }
    }

    var name: String
    var assignments: [Assignment]
    /// The cache's entries afterwards, as `[epoch, startOffset]`.
    var entries: [[Int]]
    var queries: [Query]

    var description: String { name }

    static func all() throws -> [EpochCacheCase] {
        try KafkaReference.vectors(at: "leader_epoch_cache_endOffsetFor", "cases")
    }

    private enum CodingKeys: String, CodingKey {
        case provenance
        case assignments = "assign_sequence_epoch_startOffset"
        case entries = "resulting_entries"
        case queries = "endOffsetFor_queries"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(Provenance.self, forKey: .provenance).testMethod ?? "case"
        assignments = try container.decode([Assignment].self, forKey: .assignments)
        entries = try container.decode([[Int]].self, forKey: .entries)
        queries = try container.decode([Query].self, forKey: .queries)
    }
}
