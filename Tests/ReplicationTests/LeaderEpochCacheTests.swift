import Testing

@testable import Replication

@Suite struct LeaderEpochCacheTests {
    @Test func vectorsArePresent() throws {
        #expect(try EpochCacheCase.all().count >= 5)
    }

    @Test(arguments: try EpochCacheCase.all())
    func kafkaVector(_ vector: EpochCacheCase) {
        var cache = LeaderEpochCache()
        for assignment in vector.assignments {
            cache.assign(epoch: assignment.epoch, startOffset: Int64(assignment.startOffset))
        }
        #expect(cache.entries.map { [$0.epoch, Int($0.startOffset)] } == vector.entries)
        for query in vector.queries {
            let answer = cache.endOffsetFor(query.epoch, logEndOffset: Int64(query.logEndOffset))
            #expect([answer.epoch, Int(answer.endOffset)] == query.expected, "endOffsetFor(\(query.epoch))")
        }
    }

    @Test func truncateFromEndDropsLaterEpochs() {
        var cache = LeaderEpochCache()
        cache.assign(epoch: 0, startOffset: 0)
        cache.assign(epoch: 1, startOffset: 10)
        cache.assign(epoch: 2, startOffset: 15)
        cache.truncateFromEnd(12)
        #expect(cache.entries.map(\.epoch) == [0, 1])
        #expect(cache.endOffsetFor(0, logEndOffset: 12).endOffset == 10)
    }
}
