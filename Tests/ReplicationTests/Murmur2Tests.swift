import Replication
import Testing

@Suite("Kafka murmur2 and keyed partitioning")
struct Murmur2Tests {
    @Test("every vector is present") func vectorCount() throws {
        #expect(try Murmur2Vector.all().count >= 18)
    }

    @Test("murmur2 matches Kafka", arguments: try Murmur2Vector.all())
    func murmur2(vector: Murmur2Vector) {
        #expect(Murmur2.hash(utf8: vector.key) == vector.murmur2)
    }

    @Test("toPositive matches Kafka", arguments: try Murmur2Vector.all())
    func toPositive(vector: Murmur2Vector) {
        #expect(Murmur2.toPositive(Murmur2.hash(utf8: vector.key)) == vector.toPositive)
    }

    @Test("partition for key matches Kafka for every partition count", arguments: try Murmur2Vector.all())
    func partitionForKey(vector: Murmur2Vector) {
        #expect(!vector.partitionForCount.isEmpty)
        for (count, partition) in vector.partitionForCount.sorted(by: { $0.key < $1.key }) {
            #expect(DefaultPartitioner.partition(forKey: vector.key, partitionCount: count) == partition, "n=\(count)")
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
