import Testing

/// One `murmur2_and_partition_for_key` vector: a key, Kafka's murmur2 of its UTF-8 bytes, and the partition
/// `DefaultPartitioner` picks for it at several partition counts.
struct Murmur2Vector: Decodable, Sendable, CustomTestStringConvertible {
    var key: String
    var murmur2: Int32
    var toPositive: Int32
    /// Partition count → partition.
    var partitionForCount: [Int: Int]

    var testDescription: String { key }

    static func all() throws -> [Murmur2Vector] {
        try KafkaReference.vectors(at: "murmur2_and_partition_for_key", "vectors")
    }

    enum CodingKeys: String, CodingKey {
        case key = "key_utf8"
        case murmur2 = "murmur2_int32"
        case toPositive
        case partitionForCount = "partition_for_num_partitions"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        murmur2 = try container.decode(Int32.self, forKey: .murmur2)
        toPositive = try container.decode(Int32.self, forKey: .toPositive)
        partitionForCount = try integerKeys(
            container.decode([String: Int].self, forKey: .partitionForCount),
            codingPath: container.codingPath + [CodingKeys.partitionForCount])
    }
}
