extension Cluster {
    /// Kafka: `ClusterControlManager` — an acceptable leader is registered, unfenced and not shutting down.
    func isAcceptableLeader(_ broker: BrokerID) -> Bool { isIsrEligible(broker) }

    /// The controller fences a broker and takes it out of every ISR, electing new leaders where it led.
    ///
    /// Kafka: `ReplicationControlManager.handleBrokerFenced` → `generateLeaderAndIsrUpdates`; the last ISR member is
    /// kept (ELR off), so a partition whose only ISR member goes away has no leader until that member returns.
    mutating func fence(_ broker: BrokerID, reason: String) {
        guard engine.runtimes[broker]?.isFenced == false else { return }
        engine.runtimes[broker]?.isFenced = true
        note("controller fences broker \(broker) (\(reason))")
        for id in allPartitionIDs {
            guard let state = partition(id), state.isr.contains(broker) || state.leader == broker else { continue }
            var isr = state.isr.filter { $0 != broker }
            if isr.isEmpty { isr = state.isr }
            changePartition(id, isr: isr, election: .online)
        }
    }

    /// A restarted broker registers: a new broker epoch, fenced until a heartbeat shows it caught up the metadata.
    ///
    /// Kafka: `ClusterControlManager.registerBroker` (the new registration is fenced), then
    /// `BrokerHeartbeatManager` / `ReplicationControlManager.processBrokerHeartbeat` unfence it at a heartbeat once
    /// `currentMetadataOffset >= registerBrokerRecordOffset`; here at its next periodic heartbeat.
    mutating func register(_ broker: BrokerID) {
        guard engine.runtimes[broker]?.state == .restarting else { return }
        fence(broker, reason: "registration with a new broker epoch")
        engine.runtimes[broker]?.state = .up
        engine.runtimes[broker]?.lastHeartbeat = engine.now
        engine.queue.schedule(at: engine.now + engine.config.brokerSessionTimeout, .sessionExpiry(broker))
        note("broker \(broker) registers with the controller (fenced until its next heartbeat)")
    }

    /// The controller unfences a broker that heartbeats again and elects leaders for leaderless partitions.
    ///
    /// Kafka: `ReplicationControlManager.handleBrokerUnfenced` (elects over `partitionsWithNoLeader`).
    mutating func unfence(_ broker: BrokerID) {
        guard engine.runtimes[broker]?.isFenced == true else { return }
        engine.runtimes[broker]?.isFenced = false
        note("controller unfences broker \(broker)")
        electLeadersForLeaderlessPartitions()
        sendFetches(from: broker)
    }

    /// Runs an election on every partition without a leader (unclean where the topic allows it).
    mutating func electLeadersForLeaderlessPartitions(topic: String? = nil) {
        for id in allPartitionIDs where partition(id)?.leader == nil && (topic == nil || id.topic == topic) {
            changePartition(id, isr: partition(id)!.isr, election: .online)
        }
    }

    /// Applies a new target ISR and elects a leader for it; bumps the leader epoch when the leader changes.
    ///
    /// Kafka: `PartitionChangeBuilder.build` — ONLINE elections become UNCLEAN when the topic has
    /// `unclean.leader.election.enable=true`; an unclean leader's ISR is just itself.
    @discardableResult
    mutating func changePartition(_ id: TopicPartition, isr: [BrokerID], election: LeaderElection.Kind) -> Bool {
        guard var state = partition(id) else { return false }
        let unclean = topics[id.topic]?.config(TopicConfig.uncleanLeaderElectionEnable.name) == "true"
        let kind: LeaderElection.Kind = election == .online && unclean ? .unclean : election
        let result = LeaderElection.elect(
            kind, replicas: state.replicas, targetIsr: isr, currentLeader: state.leader,
            isAcceptable: isAcceptableLeader)
        let oldLeader = state.leader
        var newIsr = isr
        if result.isUnclean, let leader = result.leader {
            newIsr = [leader]
            state.uncleanElectionEpoch = state.leaderEpoch + (leader != state.leader ? 1 : 0)
            state.uncleanElectionStartOffset = state.logs[leader]?.logEndOffset ?? 0
        }
        guard newIsr != state.isr || result.leader != oldLeader else { return false }
        state.isr = newIsr
        state.partitionEpoch += 1
        state.pendingIsr = nil
        let leaderChanged = result.leader != oldLeader
        if leaderChanged {
            state.leader = result.leader
            state.leaderEpoch += 1
        }
        topics[id.topic]!.partitions[id.partition] = state
        let leaderText = result.leader.map(String.init) ?? "none"
        if leaderChanged {
            let how = result.isUnclean ? " (UNCLEAN election)" : ""
            note("\(id): Leader: \(leaderText) (epoch \(state.leaderEpoch))\(how), Isr: \(Self.csv(newIsr))")
            if result.leader != nil { becomeLeader(id, wasLeader: false) }
            // Kafka: the old leader completes fetches parked on the partition (`completeDelayedFetchOrProduceRequests`)
            // and the followers' fetchers move to the new leader as soon as they see the new metadata.
            if let oldLeader { wakeParkedFetches(at: oldLeader, for: id) }
            for follower in state.replicas where follower != result.leader { sendFetches(from: follower) }
        } else {
            note("\(id): Isr: \(Self.csv(newIsr))")
            maybeIncrementLeaderHighWatermark(id)
        }
        return leaderChanged
    }

    /// The controller's automatic preferred-leader election, every `leader.imbalance.check.interval.seconds`.
    ///
    /// Kafka: `ReplicationControlManager.maybeBalancePartitionLeaders` — a PREFERRED election
    /// (`PartitionChangeBuilder`, `Election.PREFERRED`) for every partition in `imbalancedPartitions` (leader is not
    /// `replicas[0]`); it moves the leader only when the preferred replica is in the ISR and unfenced. KRaft has no
    /// `leader.imbalance.per.broker.percentage` threshold. The batch limit (`maxElectionsPerImbalance`, 1000) is not
    /// modelled.
    mutating func balancePartitionLeaders() {
        for id in allPartitionIDs {
            guard let state = partition(id), let preferred = state.preferredLeader, state.leader != preferred else {
                continue
            }
            let result = LeaderElection.elect(
                .preferred, replicas: state.replicas, targetIsr: state.isr, currentLeader: state.leader,
                isAcceptable: isAcceptableLeader)
            guard result.leader == preferred else { continue }
            note("controller: auto leader rebalance moves \(id) back to its preferred leader \(preferred)")
            changePartition(id, isr: state.isr, election: .preferred)
        }
    }

    /// The controller's periodic unclean election, every `unclean.leader.election.interval.ms` (5 min).
    ///
    /// Kafka (≥ 3.9, KAFKA-12670): `ReplicationControlManager.maybeElectUncleanLeaders`, run by the `QuorumController`
    /// periodic task "electUnclean" — an UNCLEAN election (`PartitionChangeBuilder`) for every leaderless partition
    /// whose topic has `unclean.leader.election.enable=true`. Enabling the config does not elect by itself.
    mutating func electUncleanLeaders() {
        for id in allPartitionIDs {
            guard let state = partition(id), state.leader == nil,
                topics[id.topic]?.config(TopicConfig.uncleanLeaderElectionEnable.name) == "true"
            else { continue }
            changePartition(id, isr: state.isr, election: .unclean)
        }
    }

    /// Runs a preferred or unclean election on one partition, as `kafka-leader-election.sh` does.
    ///
    /// Returns Kafka's error when nothing could change (`ELECTION_NOT_NEEDED`, `PREFERRED_LEADER_NOT_AVAILABLE`,
    /// `ELIGIBLE_LEADERS_NOT_AVAILABLE`).
    public mutating func elect(_ kind: LeaderElection.Kind, partition id: TopicPartition) throws(KafkaError) {
        startPeriodicEvents()
        guard let state = partition(id) else {
            throw .unknownTopicOrPartition("This server does not host this topic-partition.")
        }
        if kind == .preferred {
            guard state.leader != state.preferredLeader else {
                throw KafkaError("ELECTION_NOT_NEEDED", "Leader election not needed for topic partition.")
            }
            let result = LeaderElection.elect(
                .preferred, replicas: state.replicas, targetIsr: state.isr, currentLeader: state.leader,
                isAcceptable: isAcceptableLeader)
            guard result.leader == state.preferredLeader else {
                throw KafkaError(
                    "PREFERRED_LEADER_NOT_AVAILABLE", "The preferred leader was not available.")
            }
            changePartition(id, isr: state.isr, election: .preferred)
        } else {
            guard state.leader == nil else {
                throw KafkaError("ELECTION_NOT_NEEDED", "Leader election not needed for topic partition.")
            }
            let result = LeaderElection.elect(
                .unclean, replicas: state.replicas, targetIsr: state.isr, currentLeader: nil,
                isAcceptable: isAcceptableLeader)
            guard result.leader != nil else {
                throw KafkaError(
                    "ELIGIBLE_LEADERS_NOT_AVAILABLE", "Eligible topic partition leaders are not available.")
            }
            changePartition(id, isr: state.isr, election: .unclean)
        }
        afterEvent()
    }
}
