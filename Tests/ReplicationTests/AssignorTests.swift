import Foundation
import Replication
import Testing

/// Builds assignor inputs from a `consumer_assignors` vector.
private struct AssignorCase {
    var partitionsPerTopic: [String: Int]
    var members: [GroupMember]
    var expected: [String: [TopicPartition]]
    var orderIsAsserted: Bool

    init(_ v: [String: Any]) {
        let input = v["input"] as! [String: Any]
        partitionsPerTopic = input["partitions_per_topic"] as! [String: Int]
        let allTopics = partitionsPerTopic.keys.sorted()
        let memberSpecs = (input["members"] ?? input["generation2_members"]) as! [String: [String: Any]]
        members = memberSpecs.map { id, spec in
            GroupMember(
                memberID: id, groupInstanceID: spec["group_instance_id"] as? String,
                subscribedTopics: spec["subscribed_topics"] as? [String] ?? allTopics,
                ownedPartitions: (spec["owned"] as? [String] ?? []).map { TopicPartition(parsing: $0)! })
        }
        expected = (v["expected_assignment"] as! [String: [String]]).mapValues {
            $0.map { TopicPartition(parsing: $0)! }
        }
        orderIsAsserted = v["expected_order_within_member_is_asserted"] as? Bool ?? false
    }

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

private func vectors(_ kind: String) -> [Vector] {
    let section = KafkaVectors.section("consumer_assignors") as! [String: Any]
    return (section[kind] as! [[String: Any]]).map { Vector(name: $0["name"] as! String, object: $0) }
}

@Suite("Consumer assignors (classic protocol)")
struct AssignorTests {
    static let range = vectors("range")
    static let roundRobin = vectors("roundrobin")
    static let sticky = vectors("sticky_informational")

    @Test("every shared vector is present") func vectorCounts() {
        #expect(Self.range.count == 12 && Self.roundRobin.count == 8 && Self.sticky.count == 3)
    }

    @Test("RangeAssignor vectors", arguments: range)
    func rangeVector(vector: Vector) {
        let c = AssignorCase(vector.object)
        c.check(RangeAssignor().assign(partitionsPerTopic: c.partitionsPerTopic, members: c.members))
    }

    @Test("RoundRobinAssignor vectors", arguments: roundRobin)
    func roundRobinVector(vector: Vector) {
        let c = AssignorCase(vector.object)
        c.check(RoundRobinAssignor().assign(partitionsPerTopic: c.partitionsPerTopic, members: c.members))
    }

    @Test("StickyAssignor vectors", arguments: sticky)
    func stickyVector(vector: Vector) {
        let v = vector.object
        let c = AssignorCase(v)
        let result = StickyAssignor().assignWithDetails(partitionsPerTopic: c.partitionsPerTopic, members: c.members)
        c.check(result.assignment)
        if let transferring = v["expected_partitions_transferring_ownership"] as? [String: String] {
            let expected = Dictionary(
                uniqueKeysWithValues: transferring.map { (TopicPartition(parsing: $0.key)!, $0.value) })
            #expect(result.partitionsTransferringOwnership == expected)
        }
    }

    @Test("CooperativeStickyAssignor: same target, moving partitions held back one rebalance", arguments: sticky)
    func cooperativeVector(vector: Vector) {
        let c = AssignorCase(vector.object)
        let result = CooperativeStickyAssignor().assignWithDetails(
            partitionsPerTopic: c.partitionsPerTopic, members: c.members)
        var target = result.assignment
        for (partition, owner) in result.partitionsTransferringOwnership {
            #expect(!(target[owner] ?? []).contains(partition))
            target[owner, default: []].append(partition)
        }
        c.check(target)
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
