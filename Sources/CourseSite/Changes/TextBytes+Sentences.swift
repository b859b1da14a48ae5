import Replication

/// The pieces of the sentences and captions of a step's changes.
extension TextBytes {
    /// `from → to`.
    mutating func append(_ from: Int64, to: Int64) {
        append(from)
        append(" → ")
        append(to)
    }

    /// `B1 0 → 3, B2 0 → 3`.
    mutating func append(_ moves: [(broker: BrokerID, from: Int64, to: Int64)]) {
        for (index, move) in moves.enumerated() {
            if index > 0 { append(", ") }
            append("B")
            append(Int64(move.broker))
            append(" ")
            append(move.from, to: move.to)
        }
    }

    /// `<lead><partition><middle><moves>.`: a sentence about one partition's brokers (`Log end offset (LEO) of P0: B1
    /// 0 → 3.`).
    static func sentence(
        _ lead: StaticString, _ partition: String, _ middle: StaticString,
        moves: [(broker: BrokerID, from: Int64, to: Int64)]
    ) -> String {
        var text = TextBytes()
        text.append(lead)
        text.append(partition)
        text.append(middle)
        text.append(moves)
        return text.sentence()
    }

    /// The bytes with the sentence's full stop, as a string.
    mutating func sentence() -> String {
        append(".")
        return text
    }
}
