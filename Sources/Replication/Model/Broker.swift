/// A broker id, as in Kafka's `node.id`.
public typealias BrokerID = Int

/// One Kafka broker of the simulated cluster.
public struct Broker: Hashable, Sendable {
    /// The broker's `node.id`.
    public var id: BrokerID
    /// The broker's `broker.rack`, if it has one.
    public var rack: String?

    /// Creates a broker.
    public init(id: BrokerID, rack: String? = nil) {
        self.id = id
        self.rack = rack
    }

    /// The label the course's slides use: `R1-B0` for broker 0 in rack R1, `B0` without a rack.
    public var label: String {
        if let rack { return "\(rack)-B\(id)" }
        return "B\(id)"
    }
}
