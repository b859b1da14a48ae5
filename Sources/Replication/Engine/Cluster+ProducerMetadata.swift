/// What an isolated broker still believes about a partition it led when it was cut off: nobody can tell it that
/// the controller elected another leader, so it keeps acting as leader with its old epoch and ISR.
///
/// Kafka: a KRaft broker learns leadership only from the metadata log (`KRaftMetadataCache`,
/// `ReplicaManager.applyDelta`); cut off from the quorum it does not fence itself, and
/// `Partition.appendRecordsToLeader` goes on appending to its log as long as it is leader in its own state.
public struct FormerLeadership: Hashable, Sendable {
    /// The leader epoch it leads with.
    public var leaderEpoch: Int
    /// The ISR it knows (its own shrinks stay pending: the controller cannot commit them).
    public var isr: [BrokerID]
}

/// A record a former leader acknowledged while the producer's metadata still named it: it is not in the
/// controller's leader's log and disappears when the former leader truncates.
public struct FormerLeaderAcknowledgement: Hashable, Sendable {
    /// The broker that acknowledged it.
    public var broker: BrokerID
    /// Its offset in that broker's log.
    public var offset: Int64
    /// The leader epoch it was appended with.
    public var leaderEpoch: Int
}

extension Cluster {
    /// Where a producer's request for `id` goes: the leader its metadata names, when that broker still acts as
    /// leader; otherwise the controller's leader.
    ///
    /// Kafka: `Sender.sendProducerData` sends to the leader of `metadata.fetchMetadataSnapshot()`; the metadata is
    /// updated when `ProducerMetadata` says so (see `ProducerMetadata`). A named leader that no longer leads answers
    /// NOT_LEADER_OR_FOLLOWER (or its connection fails), which requests an update, and the batch goes to the new
    /// leader on its retry: that round is folded into this request. Only an isolated former leader, which still
    /// believes it leads, takes the records — so acks=1 writes land there until the metadata is updated.
    mutating func routeProduceRequest(
        to id: TopicPartition, batchID: ProducerBatchID?
    ) -> (leader: BrokerID?, leaderEpoch: Int, formerLeadership: FormerLeadership?) {
        // Read in place: a copy of the partition would retain and release its logs on every request.
        guard let current = readPartition(id, { (leader: $0.leader, leaderEpoch: $0.leaderEpoch) }) else {
            return (nil, 0, nil)
        }
        var metadata = producerMetadata(sending: batchID)
        // One lookup of the partition's entry when the metadata is current and knows it (the usual case): hashing
        // the topic name is most of the cost.
        var known: ProducerMetadata.Leader?
        if metadata.isUpdateDue(at: engine.now) {
            metadata.update(at: engine.now, leaders: metadataLeaders())
            known = metadata.leaders[id]
        } else {
            known = metadata.leaders[id]
            if known == nil {
                metadata.learn(metadataLeaders(topic: id.topic))
                known = metadata.leaders[id]
            }
        }
        var route = (leader: current.leader, leaderEpoch: current.leaderEpoch, formerLeadership: FormerLeadership?.none)
        if let named = known, named.broker != current.leader {
            if let broker = named.broker, let former = formerLeadership(of: broker, id) {
                route = (broker, former.leaderEpoch, former)
                note(
                    "\(id): the producer's metadata still names leader \(broker); broker \(broker) is cut off and still acts as leader (epoch \(former.leaderEpoch))"
                )
            } else {
                metadata.requestUpdate()
                metadata.update(at: engine.now, leaders: metadataLeaders())
            }
        }
        setProducerMetadata(metadata, sending: batchID)
        return route
    }

    /// The broker a named producer's next batch for `id` would go to (without updating its metadata).
    func producerTarget(for id: TopicPartition, _ client: ProducerClient) -> BrokerID? {
        let current = partition(id)?.leader
        guard !client.metadata.isUpdateDue(at: engine.now), let named = client.metadata.leaders[id]?.broker,
            named != current, formerLeadership(of: named, id) != nil
        else { return current }
        return named
    }

    /// What `broker` believes about leading `id` while isolated, when it led it as it was cut off.
    func formerLeadership(of broker: BrokerID, _ id: TopicPartition) -> FormerLeadership? {
        guard let runtime = engine.runtimes[broker], runtime.state == .isolated else { return nil }
        return runtime.leadershipWhenIsolated[id]
    }

    /// Remembers what an isolated broker leads as it is cut off (see `FormerLeadership`).
    mutating func rememberLeadershipWhenIsolated(_ broker: BrokerID) {
        var led: [TopicPartition: FormerLeadership] = [:]
        for id in allPartitionIDs {
            guard let state = partition(id), state.leader == broker else { continue }
            led[id] = FormerLeadership(leaderEpoch: state.leaderEpoch, isr: state.isr)
        }
        engine.runtimes[broker]?.leadershipWhenIsolated = led
    }

    /// A produce answer that requests a metadata update: a disconnect, a timeout, or an `InvalidMetadataException`.
    ///
    /// Kafka: `Sender.completeBatch` (`error.exception() instanceof InvalidMetadataException` →
    /// `metadata.requestUpdate`) and `NetworkClient.processDisconnection` → `handleServerDisconnect` (a closed
    /// connection, and a request timeout, which closes it). NETWORK_EXCEPTION is an `InvalidMetadataException` too.
    mutating func requestMetadataUpdate(after request: ProduceRequest) {
        guard case .failure(let error) = request.outcome, error.requestsMetadataUpdate else { return }
        var metadata = producerMetadata(sending: request.batchID)
        metadata.requestUpdate()
        setProducerMetadata(metadata, sending: request.batchID)
    }

    /// Remembers records a former leader acknowledged (they are not in the controller's leader's log).
    mutating func rememberFormerLeaderAcknowledgement(_ request: ProduceRequest, base: Int64, count: Int) {
        guard let broker = request.leader, let log = partition(request.partition)?.logs[broker] else { return }
        for offset in base..<(base + Int64(count)) {
            let epoch = log.epoch(at: offset) ?? request.leaderEpoch
            engine.oracle.acknowledgeOnFormerLeader(
                request.partition, FormerLeaderAcknowledgement(broker: broker, offset: offset, leaderEpoch: epoch))
        }
    }

    /// After `broker`'s log of `id` was truncated: the records it acknowledged as a former leader that are gone are
    /// lost (`expect lost`).
    mutating func reportFormerLeaderRecordsLost(_ id: TopicPartition, broker: BrokerID) {
        let lost = engine.oracle.formerLeaderRecordsLost(id, broker: broker, log: partition(id)?.logs[broker])
        if !lost.isEmpty {
            note(
                "\(id): records lost at offsets \(Self.ranges(lost.sorted())) (acknowledged by broker \(broker) while it was cut off)"
            )
        }
    }

    /// The leaders a metadata answer gives now, for every partition or one topic's.
    private func metadataLeaders(topic: String? = nil) -> [TopicPartition: ProducerMetadata.Leader] {
        var leaders: [TopicPartition: ProducerMetadata.Leader] = [:]
        for id in allPartitionIDs where topic == nil || id.topic == topic {
            guard let state = partition(id) else { continue }
            leaders[id] = ProducerMetadata.Leader(broker: state.leader, epoch: state.leaderEpoch)
        }
        return leaders
    }

    /// The metadata of the producer that sends `batchID`; nil is the anonymous producer of `produce` lines.
    private func producerMetadata(sending batchID: ProducerBatchID?) -> ProducerMetadata {
        if let batchID, let producer = engine.batches[batchID]?.producer {
            return engine.producers[producer.rawValue].metadata
        }
        return engine.defaultProducerMetadata
    }

    private mutating func setProducerMetadata(_ metadata: ProducerMetadata, sending batchID: ProducerBatchID?) {
        if let batchID, let producer = engine.batches[batchID]?.producer {
            engine.producers[producer.rawValue].metadata = metadata
        } else {
            engine.defaultProducerMetadata = metadata
        }
    }
}
