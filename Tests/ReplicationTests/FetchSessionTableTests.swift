import Testing

@testable import Replication

/// The fetch-session table answers what the dictionary by id it replaced answered, over seeded random writes,
/// removals, and sessions taken out and put back.
struct FetchSessionTableTests {
    @Test(arguments: [21, 22, 23, 24])
    func answersAsADictionaryWould(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var table = FetchSessionTable()
        var reference: [FetchSessionID: FetchSession] = [:]
        let partitions = [TopicPartition("t", 0), TopicPartition("t", 1), TopicPartition("u", 0)]
        var mismatches = 0
        for _ in 0..<2_000 {
            // Mostly new ids in ascending order, as the engine hands them out; sometimes an older one again.
            let id = FetchSessionID(Int(random.next() % 4 == 0 ? random.next() % 40 : 40 + random.next() % 200))
            switch random.next() % 6 {
            case 0:
                table[id] = nil
                reference[id] = nil
            case 1:
                if table.remove(id) != reference.removeValue(forKey: id) { mismatches += 1 }
            case 2:
                // Taken out, changed, put back, as the fetch paths do; the stand-in answers `contains` meanwhile.
                let taken = table.take(id)
                if taken != reference[id] { mismatches += 1 }
                guard var session = taken else { break }
                if !table.contains(follower: session.follower, leader: session.leader) { mismatches += 1 }
                if table.count != reference.count { mismatches += 1 }
                session.stage = random.next() % 2 == 0 ? .response([]) : .parked(deadline: .milliseconds(9))
                session.fetched.append(
                    FetchSession.Fetched(partition: partitions[Int(random.next() % 3)], leaderEpoch: 2, fetchOffset: 1))
                table[id] = session
                reference[id] = session
            default:
                var session = FetchSession(
                    id: id, follower: Int(random.next() % 4), leader: Int(random.next() % 4),
                    stage: random.next() % 2 == 0 ? .request : .parked(deadline: .milliseconds(5)))
                session.fetched = [
                    FetchSession.Fetched(
                        partition: partitions[Int(random.next() % 3)], leaderEpoch: 1, fetchOffset: 0)
                ]
                table[id] = session
                reference[id] = session
            }
            let probe = FetchSessionID(Int(random.next() % 240))
            if table[probe] != reference[probe] { mismatches += 1 }
            let follower = Int(random.next() % 4)
            let leader = Int(random.next() % 4)
            let hasFetch = reference.values.contains { $0.follower == follower && $0.leader == leader }
            if table.contains(follower: follower, leader: leader) != hasFetch { mismatches += 1 }
            if (table.leaderBits(of: follower) & (1 << UInt64(leader)) != 0) != hasFetch { mismatches += 1 }
            let partition = partitions[Int(random.next() % 3)]
            let parked = reference.values.filter { session in
                session.leader == leader && session.isParked && session.fetched.contains { $0.partition == partition }
            }
            if table.parkedIDs(at: leader, reading: partition) != parked.map(\.id).sorted() { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(table.count == reference.count)
        #expect(table.values == reference.values.sorted { $0.id < $1.id })
        let broker = 2
        table.removeAll { $0.follower == broker || $0.leader == broker }
        reference = reference.filter { $0.value.follower != broker && $0.value.leader != broker }
        #expect(table.values == reference.values.sorted { $0.id < $1.id })
    }
}

extension FetchSessionTable {
    /// The ids of the fetches parked at `leader` that read `partition`, ascending, as the engine finds them: one
    /// `firstParkedID` after another.
    func parkedIDs(at leader: BrokerID, reading partition: TopicPartition) -> [FetchSessionID] {
        var ids: [FetchSessionID] = []
        var last: FetchSessionID?
        while let id = firstParkedID(at: leader, reading: partition, after: last) {
            ids.append(id)
            last = id
        }
        return ids
    }
}
