/// Something the engine noticed while running: a broken invariant or lost data, with when it happened.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    /// What kind of finding.
    public enum Kind: String, Hashable, Sendable {
        /// The leader is not in the ISR.
        case leaderNotInIsr = "LeaderInIsr"
        /// The leader's HW is above some ISR member's LEO.
        case highWatermarkAboveIsrLogEnd = "HighWatermarkBelowIsrLogEnd"
        /// The HW of a leader went backwards within one leader epoch.
        case highWatermarkDecreased = "HighWatermarkMonotonic"
        /// A record below the HW is missing on an ISR member.
        case strongIsr = "StrongIsr"
        /// Two replicas disagree below the smaller of their HWs.
        case logMatching = "LogMatching"
        /// An acknowledged acks=all (or committed) record was lost although every election was clean.
        case committedRecordLost = "NoCommittedRecordLost"
        /// An unclean election lost committed data (what a lesson on unclean election wants to show).
        case dataLoss = "DataLoss"

        /// Whether this kind is an invariant break (data loss after an unclean election is not: it is allowed).
        public var isInvariantBreak: Bool { self != .dataLoss }
    }

    /// When.
    public var time: SimulatedInstant
    /// What.
    public var kind: Kind
    /// Which partition.
    public var partition: TopicPartition
    /// Details.
    public var message: String

    public var description: String { "[\(time)] \(kind.rawValue) \(partition): \(message)" }
}
