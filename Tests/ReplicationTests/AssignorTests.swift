import Replication
import Testing

extension AssignorVector {
    func check(_ actual: GroupAssignment) {
        #expect(Set(actual.keys) == Set(members.map(\.memberID)))
        for (member, partitions) in expected {
            if orderIsAsserted {
                #expect(actual[member] == partitions, "\(member)")
            } else {
                #expect(Set(actual[member] ?? []) == Set(partitions), "\(member)")
            }
        }
    }
}

@Suite("Consumer assignors (classic protocol)")
struct AssignorTests {
    @Test("every vector is present") func vectorCounts() throws {
        #expect(try AssignorVector.all("range").count == 12)
        #expect(try AssignorVector.all("roundrobin").count == 8)
        #expect(try AssignorVector.all("sticky_informational").count == 3)
    }

    @Test("RangeAssignor vectors", arguments: try AssignorVector.all("range"))
    func rangeVector(vector: AssignorVector) {
        vector.check(RangeAssignor().assign(partitionsPerTopic: vector.partitionsPerTopic, members: vector.members))
    }

    @Test("RoundRobinAssignor vectors", arguments: try AssignorVector.all("roundrobin"))
    func roundRobinVector(vector: AssignorVector) {
        vector.check(
            RoundRobinAssignor().assign(partitionsPerTopic: vector.partitionsPerTopic, members: vector.members))
    }

    @Test("StickyAssignor vectors", arguments: try AssignorVector.all("sticky_informational"))
    func stickyVector(vector: AssignorVector) {
        let result = StickyAssignor().assignWithDetails(
            partitionsPerTopic: vector.partitionsPerTopic, members: vector.members)
        vector.check(result.assignment)
        if let expected = vector.expectedTransferringOwnership {
            #expect(result.partitionsTransferringOwnership == expected)
        }
    }

    @Test(
        "CooperativeStickyAssignor: same target, moving partitions held back one rebalance",
        arguments: try AssignorVector.all("sticky_informational"))
    func cooperativeVector(vector: AssignorVector) {
        let result = CooperativeStickyAssignor().assignWithDetails(
            partitionsPerTopic: vector.partitionsPerTopic, members: vector.members)
        var target = result.assignment
        for (partition, owner) in result.partitionsTransferringOwnership {
            #expect(!(target[owner] ?? []).contains(partition))
            target[owner, default: []].append(partition)
        }
        vector.check(target)
    }

    @Test func cooperativeRevokesBeforeReassigning() {
        let members = [
            GroupMember(
                memberID: "consumer1", subscribedTopics: ["topic"],
                ownedPartitions: (0..<3).map { TopicPartition("topic", $0) }),
            GroupMember(memberID: "consumer2", subscribedTopics: ["topic"]),
        ]
        let first = CooperativeStickyAssignor().assign(partitionsPerTopic: ["topic": 3], members: members)
        #expect(first["consumer2"] == [])
        #expect(Set(first["consumer1"]!) == [TopicPartition("topic", 0), TopicPartition("topic", 1)])
    }

    @Test func javaStringOrderIsUTF16() {
        // U+FF21 (one UTF-16 unit) sorts after U+1F600 (a surrogate pair starting 0xD83D) in Java, not in Swift.
        #expect(JavaOrdering.isLess("\u{1F600}", "\u{FF21}"))
        #expect(JavaOrdering.hashCode("hello") == 99_162_322)
        #expect(JavaOrdering.hashCode("ab") == 97 * 31 + 98)
    }
}
