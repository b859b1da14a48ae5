import Foundation
import Replication
import Testing

@Suite("Kafka murmur2 and keyed partitioning")
struct Murmur2Tests {
    static let vectors: [Vector] = {
        let section = KafkaVectors.section("murmur2_and_partition_for_key") as! [String: Any]
        return (section["vectors"] as! [[String: Any]]).map { Vector(name: $0["key_utf8"] as! String, object: $0) }
    }()

    @Test("every shared vector is present") func vectorCount() {
        #expect(Self.vectors.count >= 18)
    }

    @Test("murmur2 matches Kafka", arguments: vectors)
    func murmur2(vector: Vector) {
        let v = vector.object
        let key = v["key_utf8"] as! String
        #expect(Murmur2.hash(utf8: key) == Int32((v["murmur2_int32"] as! NSNumber).int64Value))
    }

    @Test("toPositive matches Kafka", arguments: vectors)
    func toPositive(vector: Vector) {
        let v = vector.object
        let hash = Murmur2.hash(utf8: v["key_utf8"] as! String)
        #expect(Murmur2.toPositive(hash) == Int32((v["toPositive"] as! NSNumber).int64Value))
    }

    @Test("partition for key matches Kafka for every partition count", arguments: vectors)
    func partitionForKey(vector: Vector) {
        let v = vector.object
        let key = v["key_utf8"] as! String
        let expected = v["partition_for_num_partitions"] as! [String: Int]
        #expect(!expected.isEmpty)
        for (count, partition) in expected {
            #expect(DefaultPartitioner.partition(forKey: key, partitionCount: Int(count)!) == partition, "n=\(count)")
        }
    }

    @Test func emptyKeyIsHashedNotNull() {
        #expect(Murmur2.hash(utf8: "") == 275_646_681)
    }

    @Test func toPositiveIsNotAbs() {
        #expect(Murmur2.toPositive(Int32.min) == 0)
        #expect(Murmur2.toPositive(-1) == Int32.max)
    }

    @Test func hashOfBytesEqualsHashOfUTF8String() {
        #expect(Murmur2.hash(Array("héllo".utf8)) == Murmur2.hash(utf8: "héllo"))
    }
}
