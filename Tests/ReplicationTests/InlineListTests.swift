import Testing

@testable import Replication

/// An inline list holds what an array holds: the same elements in the same order, equal and hashed alike, whether it
/// has none, one (inline) or more.
struct InlineListTests {
    @Test(arguments: [31, 32, 33])
    func holdsWhatAnArrayHolds(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var mismatches = 0
        for _ in 0..<500 {
            let count = Int(random.next() % 5)
            var list = InlineList<Int>()
            var reference: [Int] = []
            for _ in 0..<count {
                let element = Int(random.next() % 7)
                list.append(element)
                reference.append(element)
            }
            if Array(list) != reference || list.count != reference.count || list.isEmpty != reference.isEmpty {
                mismatches += 1
            }
            if list.first != reference.first || list.last != reference.last { mismatches += 1 }
            var visited: [Int] = []
            list.forEach { visited.append($0) }
            if visited != reference { mismatches += 1 }
            // Built from the array, the list is equal to the one appended to, and hashes alike.
            let copy = InlineList(reference)
            if copy != list || copy.hashValue != list.hashValue { mismatches += 1 }
            // Equal exactly when the arrays are.
            let other = (0..<Int(random.next() % 5)).map { _ in Int(random.next() % 7) }
            if (InlineList(other) == list) != (other == reference) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func anArrayLiteralIsAList() {
        let list: InlineList = [3, 1, 2]
        #expect(Array(list) == [3, 1, 2])
        #expect(list[0] == 3 && list[2] == 2)
        let empty: InlineList<Int> = []
        #expect(empty.isEmpty && empty.first == nil && empty.startIndex == empty.endIndex)
    }

    /// A fetch response of one slice carries it inline; the follower appends what it carries as from an array.
    @Test func aFetchResponseCarriesTheLeadersSlices() {
        var leader = ReplicaLog()
        leader.append(RecordSlice(RecordBatch(baseOffset: 0, leaderEpoch: 0, values: ["a", "b"])))
        leader.append(RecordSlice(RecordBatch(baseOffset: 2, leaderEpoch: 1, values: ["c"])))
        var records = InlineList<RecordSlice>()
        leader.forEachSlice(from: 1, to: leader.logEndOffset) { records.append($0) }
        #expect(Array(records) == leader.slices(from: 1, to: 3))
        #expect(records.count == 2 && records.last?.endOffset == 3)
    }
}
