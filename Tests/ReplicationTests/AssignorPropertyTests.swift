import Replication
import Testing

/// Random groups drawn from a seeded generator, so every failure replays.
struct RandomGroup: CustomTestStringConvertible, Sendable {
    let seed: UInt64
    let partitionsPerTopic: [String: Int]
    let members: [GroupMember]
    var testDescription: String { "seed \(seed)" }

    init(seed: UInt64, identicalSubscriptions: Bool) {
        self.seed = seed
        var rng = SplitMix64(seed: seed)
        let topicCount = Int.random(in: 1...4, using: &rng)
        let topics = (0..<topicCount).map { "t\($0)" }
        let counts = Dictionary(uniqueKeysWithValues: topics.map { ($0, Int.random(in: 1...8, using: &rng)) })
        partitionsPerTopic = counts
        let memberCount = Int.random(in: 1...6, using: &rng)
        let all = topics.flatMap { t in (0..<counts[t]!).map { TopicPartition(t, $0) } }.shuffled(using: &rng)
        var members: [GroupMember] = []
        for i in 0..<memberCount {
            var subscribed = topics
            if !identicalSubscriptions {
                subscribed = topics.filter { _ in Bool.random(using: &rng) }
                if subscribed.isEmpty { subscribed = [topics.randomElement(using: &rng)!] }
            }
            // A previous generation: a random slice of partitions, never owned twice.
            let owned = all.enumerated().filter { $0.offset % (memberCount + 1) == i }.map(\.element)
            members.append(
                GroupMember(
                    memberID: "consumer-\(Int.random(in: 0...99, using: &rng))-\(i)",
                    groupInstanceID: Bool.random(using: &rng) ? "instance-\(i)" : nil,
                    subscribedTopics: subscribed, ownedPartitions: owned, generation: 1))
        }
        self.members = members
    }
}

let identicalGroups = (UInt64(1)...60).map { RandomGroup(seed: $0, identicalSubscriptions: true) }
let mixedGroups = (UInt64(1)...60).map { RandomGroup(seed: $0, identicalSubscriptions: false) }

private func targets(_ g: RandomGroup) -> [(String, GroupAssignment)] {
    let cooperative = CooperativeStickyAssignor().assignWithDetails(
        partitionsPerTopic: g.partitionsPerTopic, members: g.members)
    var target = cooperative.assignment
    for (partition, owner) in cooperative.partitionsTransferringOwnership {
        target[owner, default: []].append(partition)
    }
    return [
        ("range", RangeAssignor().assign(partitionsPerTopic: g.partitionsPerTopic, members: g.members)),
        ("roundrobin", RoundRobinAssignor().assign(partitionsPerTopic: g.partitionsPerTopic, members: g.members)),
        ("sticky", StickyAssignor().assign(partitionsPerTopic: g.partitionsPerTopic, members: g.members)),
        ("cooperative-sticky target", target),
    ]
}

@Suite("Assignor properties")
struct AssignorPropertyTests {
    @Test(
        "every partition of a subscribed topic goes to exactly one subscriber", arguments: identicalGroups + mixedGroups
    )
    func exactlyOnce(group: RandomGroup) {
        let subscribed = Set(group.members.flatMap(\.subscribedTopics))
        let expected = group.partitionsPerTopic.filter { subscribed.contains($0.key) }
            .flatMap { t, n in (0..<n).map { TopicPartition(t, $0) } }
        for (name, assignment) in targets(group) {
            let assigned = assignment.values.flatMap { $0 }
            #expect(assigned.count == expected.count, "\(name)")
            #expect(Set(assigned) == Set(expected), "\(name)")
            #expect(Set(assignment.keys) == Set(group.members.map(\.memberID)), "\(name)")
            for member in group.members {
                #expect(
                    assignment[member.memberID]!.allSatisfy { member.subscribedTopics.contains($0.topic) }, "\(name)")
            }
        }
    }

    @Test("identical subscriptions: counts differ by at most one (range: per topic)", arguments: identicalGroups)
    func balanced(group: RandomGroup) {
        for (name, assignment) in targets(group) {
            if name == "range" {
                for topic in group.partitionsPerTopic.keys {
                    let counts = assignment.values.map { $0.filter { $0.topic == topic }.count }
                    #expect(counts.max()! - counts.min()! <= 1, "range \(topic)")
                }
            } else {
                let counts = assignment.values.map(\.count)
                #expect(counts.max()! - counts.min()! <= 1, "\(name)")
            }
        }
    }

    @Test("sticky with identical subscriptions keeps owned partitions within quota", arguments: identicalGroups)
    func stickiness(group: RandomGroup) {
        let assignment = StickyAssignor().assign(partitionsPerTopic: group.partitionsPerTopic, members: group.members)
        let total = group.partitionsPerTopic.values.reduce(0, +)
        let minQuota = total / group.members.count
        for member in group.members {
            let kept = Set(assignment[member.memberID]!).intersection(member.ownedPartitions).count
            #expect(kept >= min(member.ownedPartitions.count, minQuota), "\(member.memberID)")
        }
    }
}
