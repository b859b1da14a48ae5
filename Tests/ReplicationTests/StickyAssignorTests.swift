import Replication
import Testing

/// Kafka's `AbstractStickyAssignorTest.verifyValidityAndBalance` balance rule: if a member holds two or more
/// partitions more than another, the other must not be able to take any of them.
private func isBalancedAsKafkaVerifies(_ assignment: GroupAssignment, members: [GroupMember]) -> Bool {
    let topics = Dictionary(uniqueKeysWithValues: members.map { ($0.memberID, Set($0.subscribedTopics)) })
    for aPartitions in assignment.values {
        for (b, bPartitions) in assignment where aPartitions.count > bPartitions.count + 1 {
            if aPartitions.contains(where: { topics[b]!.contains($0.topic) }) { return false }
        }
    }
    return true
}

@Suite("StickyAssignor general path")
struct StickyAssignorTests {
    // Kafka: AbstractStickyAssignorTest.testPoorRoundRobinAssignmentScenario.
    @Test func poorRoundRobinScenarioIsBalanced() {
        let partitions = Dictionary(uniqueKeysWithValues: (1...5).map { ("topic\($0)", $0 % 2 + 1) })
        let all = ["topic1", "topic2", "topic3", "topic4", "topic5"]
        let odd = ["topic1", "topic3", "topic5"]
        let members = [
            GroupMember(memberID: "consumer1", subscribedTopics: all),
            GroupMember(memberID: "consumer2", subscribedTopics: odd),
            GroupMember(memberID: "consumer3", subscribedTopics: odd),
            GroupMember(memberID: "consumer4", subscribedTopics: all),
        ]
        let assignment = StickyAssignor().assign(partitionsPerTopic: partitions, members: members)
        #expect(Set(assignment.values.flatMap { $0 }).count == 8)
        #expect(isBalancedAsKafkaVerifies(assignment, members: members))
    }

    @Test("random mixed subscriptions are balanced as Kafka's tests verify", arguments: mixedGroups)
    func mixedBalance(group: RandomGroup) {
        let assignment = StickyAssignor().assign(partitionsPerTopic: group.partitionsPerTopic, members: group.members)
        #expect(isBalancedAsKafkaVerifies(assignment, members: group.members))
    }

    @Test func leavingMemberOnlyMovesItsPartitions() {
        let topics = ["t1", "t2"]
        let first = StickyAssignor().assign(
            partitionsPerTopic: ["t1": 4, "t2": 5],
            members: ["a", "b", "c"].map { GroupMember(memberID: $0, subscribedTopics: topics) })
        let survivors = ["a", "b"].map {
            GroupMember(memberID: $0, subscribedTopics: topics, ownedPartitions: first[$0]!, generation: 1)
        }
        let second = StickyAssignor().assign(partitionsPerTopic: ["t1": 4, "t2": 5], members: survivors)
        for member in survivors { #expect(Set(member.ownedPartitions).isSubset(of: Set(second[member.memberID]!))) }
    }
}
