import Replication

/// The picture of the cluster after a step, decided apart from how it is drawn: racks as columns, brokers with their
/// state, each broker's replicas, and the logs of the partitions the step is about, with what the step changed.
///
/// Built from the cluster after the step and the step's typed changes (`StepChanges`) only, so it shows exactly
/// what the "What changed" list says.
struct Diagram: Hashable {
    /// A rack (or, without racks, all brokers) and its brokers.
    struct Column: Hashable {
        /// The rack's name; nil when the brokers have no racks.
        var rack: String?
        var brokers: [BrokerBox]
    }

    /// One broker and the replicas it holds.
    struct BrokerBox: Hashable {
        var id: BrokerID
        var state: BrokerState
        /// Fenced by the controller (it cannot lead or be in the ISR until unfenced).
        var isFenced: Bool
        /// Its replicas, in topic and partition order (a replica keeps its place when its role changes).
        var replicas: [Replica]
        /// Replicas not drawn (a box shows at most `replicaLimit`).
        var moreReplicas: Int
        /// The step changed its state.
        var isChanged: Bool
    }

    /// A replica on a broker.
    struct Replica: Hashable {
        /// `P0`, or `orders-0` when the cluster has several topics.
        var label: String
        var isLeader: Bool
        /// Out of sync, no leader (and, as the engine grows, any other mark the broker table knows).
        var marks: BrokerTable.Marks
        /// The step changed its role, ISR membership or its partition's leadership.
        var isChanged: Bool
    }

    /// The log of one partition: a bar per replica, in assignment order.
    struct PartitionLog: Hashable {
        var label: String
        var leader: BrokerID?
        var leaderEpoch: Int
        /// The leader's high watermark; nil without a leader (the partition has none).
        var highWatermark: Int64?
        /// The current leader was elected uncleanly (from outside the ISR).
        var isUnclean: Bool
        /// Offsets `0..<scale` fit the bars' width.
        var scale: Int64
        var bars: [Bar]
        /// Offsets of acknowledged or committed records that are gone.
        var lost: [Int64]
        /// How many of them the step lost.
        var newlyLost: [Int64]
    }

    /// One replica's log.
    struct Bar: Hashable {
        var broker: BrokerID
        var isLeader: Bool
        var marks: BrokerTable.Marks
        /// The broker is not running (crashed, shut down, restarting): its log is on disk only.
        var isDown: Bool
        var logEndOffset: Int64
        /// The replica's own high watermark (a follower's trails the leader's).
        var highWatermark: Int64
        /// Records below this offset are committed (below the partition's high watermark, and the leader's records).
        var committedEnd: Int64
        /// Records from this offset on differ from the leader's log (they will be truncated); nil when none do.
        var divergedFrom: Int64?
        /// The step moved the log end offset from here.
        var previousLogEndOffset: Int64?
        /// The step moved the replica's high watermark from here.
        var previousHighWatermark: Int64?
        /// Records the step removed from this log.
        var truncated: Range<Int64>?

        /// Whether the step moved its LEO or HW or removed records (an unchanged log is a shared piece).
        var isChanged: Bool { previousLogEndOffset != nil || previousHighWatermark != nil || truncated != nil }
    }

    var columns: [Column]
    var logs: [PartitionLog]
    /// Partitions the step touched whose logs are not drawn.
    var moreLogs: Int

    /// The diagram without what the step changed: two steps with equal states draw the same picture. (Only what is
    /// set is cleared: an array written to is copied, and most boxes and logs share their arrays with the last
    /// picture's, which then compare equal at once.)
    var state: Diagram {
        var state = self
        state.columns = Self.unhighlighted(columns)
        for log in state.logs.indices {
            if !state.logs[log].newlyLost.isEmpty { state.logs[log].newlyLost = [] }
            guard state.logs[log].bars.contains(where: { $0.isChanged }) else { continue }
            for bar in state.logs[log].bars.indices where state.logs[log].bars[bar].isChanged {
                state.logs[log].bars[bar].previousLogEndOffset = nil
                state.logs[log].bars[bar].previousHighWatermark = nil
                state.logs[log].bars[bar].truncated = nil
            }
        }
        return state
    }

    /// `columns` without highlights: the boxes of a step that changes none of them.
    static func unhighlighted(_ columns: [Column]) -> [Column] {
        var columns = columns
        for column in columns.indices {
            guard columns[column].brokers.contains(where: { $0.isChanged || $0.replicas.contains { $0.isChanged } })
            else { continue }
            for broker in columns[column].brokers.indices {
                if columns[column].brokers[broker].isChanged { columns[column].brokers[broker].isChanged = false }
                guard columns[column].brokers[broker].replicas.contains(where: { $0.isChanged }) else { continue }
                for replica in columns[column].brokers[broker].replicas.indices {
                    columns[column].brokers[broker].replicas[replica].isChanged = false
                }
            }
        }
        return columns
    }
}
