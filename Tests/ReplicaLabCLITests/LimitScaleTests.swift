import Foundation
import ReplicaLabTestSupport
import Testing

/// `REPLICALAB_LIMIT_SCALE` raises the caps for stress runs; without it a lesson over a cap is an input error.
struct LimitScaleTests {
    @Test func theScaleRaisesTheLineCap() throws {
        let lines =
            ["cluster brokers=1", "topic t partitions=1 replication-factor=1"]
            + Array(repeating: "describe t", count: 1_500)
        let lesson = "# Long\n\n```scenario long\n" + lines.joined(separator: "\n") + "\n```\n"
        let workspace = try Workspace(lessons: ["01-long.md": lesson])
        let capped = try workspace.run(["check"])
        #expect(capped.status == 2)
        #expect(capped.stderr.contains("a scenario has at most 1000 lines"))
        #expect(capped.stderr.contains("REPLICALAB_LIMIT_SCALE"))
        let scaled = try workspace.run(["check"], environment: ["REPLICALAB_LIMIT_SCALE": "2"])
        #expect(scaled.status == 0, "\(scaled.stderr)")
    }
}
