import Testing

@testable import Replication

/// `ChunkedArray` reads, appends and truncates as an `Array` does, over seeded random operations; `withElement` reads
/// what the subscript reads.
struct ChunkedArrayTests {
    @Test(arguments: [31, 32, 33])
    func actsAsAnArrayWould(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var chunked = ChunkedArray<[Int]>()
        var reference: [[Int]] = []
        var mismatches = 0
        for step in 0..<3_000 {
            switch random.next() % 8 {
            case 0 where !reference.isEmpty:
                let target = Int(random.next() % UInt64(reference.count + 1))
                chunked.removeSubrange(target...)
                reference.removeSubrange(target...)
            case 1 where !reference.isEmpty:
                let position = Int(random.next() % UInt64(reference.count))
                chunked[position] = [step, -step]
                reference[position] = [step, -step]
            case 2:
                let values = (0..<Int(random.next() % 300)).map { [step, $0] }
                chunked.append(contentsOf: values[...])
                reference.append(contentsOf: values)
            default:
                chunked.append([step])
                reference.append([step])
            }
            if chunked.count != reference.count { mismatches += 1 }
            guard !reference.isEmpty else { continue }
            let position = Int(random.next() % UInt64(reference.count))
            if chunked.withElement(at: position, { $0 }) != reference[position] { mismatches += 1 }
            if chunked[position] != reference[position] { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(Array(chunked) == reference)
    }

    @Test func idTableReadsWhatTheSubscriptReads() {
        var table = IDTable<ProduceRequestID, [Int]>()
        for value in 0..<300 { table.append([value, value * 2]) }
        for raw in [-1, 0, 1, 128, 129, 300, 301] {
            let id = ProduceRequestID(raw)
            #expect(table.read(id) { $0 } == table[id])
        }
        #expect(table.read(ProduceRequestID(129)) { $0[1] } == 256)
    }
}
