extension Cluster {
    /// Kafka: `ClusterControlManager` — an acceptable leader is registered, unfenced and not shutting down.
    func isAcceptableLeader(_ broker: BrokerID) -> Bool { isIsrEligible(broker) }

    /// The controller fences a broker and takes it out of every ISR, electing new leaders where it led.
    ///
    /// Kafka: `ReplicationControlManager.handleBrokerFenced` → `generateLeaderAndIsrUpdates`. With ELR off the last
    /// ISR member is kept (`PartitionChangeBuilder.build` does not write an empty ISR), so a partition whose only ISR
    /// member goes away has no leader until that member returns; with ELR on the ISR becomes empty and the member
    /// moves to the ELR (`maybePopulateTargetElr`). Fencing does not remove a broker from any ELR.
    mutating func fence(_ broker: BrokerID, reason: String) {
        guard engine.runtimes[broker]?.isFenced == false else { return }
        engine.runtimes[broker]?.isFenced = true
        note("controller fences broker \(broker) (\(reason))")
        for id in allPartitionIDs {
            guard let state = partition(id), state.isr.contains(broker) || state.leader == broker else { continue }
            changePartition(id, isr: state.isr.filter { $0 != broker }, election: .online)
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
        if engine.runtimes[broker]?.stoppedUncleanly == true {
            engine.runtimes[broker]?.stoppedUncleanly = false
            handleUncleanShutdown(of: broker)
        }
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
    /// `unclean.leader.election.enable=true` and the controller honours it (3.9+); an unclean leader's ISR is just
    /// itself. With ELR on: `maybePopulateTargetElr`, then `tryElection` (an ELR member elected while the ISR is empty
    /// becomes the ISR), `maybeUpdateRecordElr` (an unclean election clears the ELR), the empty ISR written, and
    /// `maybeUpdateLastKnownLeader`. `uncleanShutdown` is the broker whose unclean shutdown the controller handles
    /// (`setUncleanShutdownReplicas`): not acceptable as leader, and out of the ELR.
    @discardableResult
    mutating func changePartition(
        _ id: TopicPartition, isr: [BrokerID], election: LeaderElection.Kind, uncleanShutdown: BrokerID? = nil
    ) -> Bool {
        guard var state = partition(id) else { return false }
        let elrOn = behaviour.eligibleLeaderReplicas
        let unclean =
            behaviour.controllerHonoursUncleanLeaderElection
            && isUncleanLeaderElectionEnabled(id.topic)
        let kind: LeaderElection.Kind = election == .online && unclean ? .unclean : election
        var targetElr = elrOn ? eligibleLeaderReplicas(of: state, targetIsr: isr, uncleanShutdown: uncleanShutdown) : []
        let result = LeaderElection.elect(
            kind, replicas: state.replicas, targetIsr: isr, targetElr: targetElr,
            lastKnownElr: elrOn ? state.lastKnownElr : [], currentLeader: state.leader,
            isAcceptable: { $0 != uncleanShutdown && isAcceptableLeader($0) })
        let oldLeader = state.leader
        var newIsr = isr
        if result.leader != oldLeader, let leader = result.leader {
            if result.isFromElr {
                newIsr = [leader]
                targetElr.removeAll { $0 == leader }
            } else if result.isUnclean {
                newIsr = [leader]
                targetElr = []
                state.uncleanElectionEpoch = state.leaderEpoch + 1
                state.uncleanElectionStartOffset = state.logs[leader]?.logEndOffset ?? 0
            }
        }
        // Kafka: with ELR off an empty target ISR is not written: the last member stays.
        if newIsr.isEmpty && !elrOn { newIsr = state.isr }
        let lastKnownElr =
            elrOn ? lastKnownLeader(of: state, newIsr: newIsr, newLeader: result.leader) : state.lastKnownElr
        guard
            newIsr != state.isr || result.leader != oldLeader || targetElr != state.elr
                || lastKnownElr != state.lastKnownElr
        else { return false }
        state.isr = newIsr
        state.elr = targetElr
        state.lastKnownElr = lastKnownElr
        state.partitionEpoch += 1
        state.pendingIsr = nil
        let leaderChanged = result.leader != oldLeader
        if leaderChanged {
            state.leader = result.leader
            state.leaderEpoch += 1
            engine.controllerTasksMayBeDue = true
        }
        modifyPartition(id) { $0 = state }
        let leaderText = result.leader.map(String.init) ?? "none"
        let elrText = elrOn ? elrSummary(state) : ""
        if leaderChanged {
            let how = result.isFromElr ? " (from the ELR)" : result.isUnclean ? " (UNCLEAN election)" : ""
            note(
                "\(id): Leader: \(leaderText) (epoch \(state.leaderEpoch))\(how), Isr: \(Self.isrText(newIsr))\(elrText)"
            )
            if result.leader != nil { becomeLeader(id, wasLeader: false) }
            // Kafka: the old leader completes fetches parked on the partition (`completeDelayedFetchOrProduceRequests`)
            // and the followers' fetchers move to the new leader as soon as they see the new metadata.
            if let oldLeader { wakeParkedFetches(at: oldLeader, for: id) }
            for follower in state.replicas where follower != result.leader { sendFetches(from: follower) }
            // Kafka: a producer that holds batches for the partition sends them once its metadata names a leader.
            for producer in engine.producers where !(producer.deques[id]?.isEmpty ?? true) {
                engine.queue.schedule(at: engine.now, .producerSend(producer.index))
            }
        } else {
            note("\(id): Isr: \(Self.isrText(newIsr))\(elrText)")
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
                .preferred, replicas: state.replicas, targetIsr: state.isr, targetElr: state.elr,
                lastKnownElr: state.lastKnownElr, currentLeader: state.leader, isAcceptable: isAcceptableLeader)
            guard result.leader == preferred else { continue }
            note("controller: auto leader rebalance moves \(id) back to its preferred leader \(preferred)")
            changePartition(id, isr: state.isr, election: .preferred)
        }
    }

    /// The controller's periodic unclean election, every `unclean.leader.election.interval.ms` (5 min).
    ///
    /// Kafka (≥ 3.9, KAFKA-12670): `ReplicationControlManager.maybeElectUncleanLeaders`, run by the `QuorumController`
    /// periodic task "electUnclean" — an UNCLEAN election (`PartitionChangeBuilder`) for every leaderless partition
    /// whose topic has `unclean.leader.election.enable=true`. Enabling the config does not elect by itself. Earlier
    /// releases have no such task.
    mutating func electUncleanLeaders() {
        guard behaviour.periodicUncleanElection else { return }
        for id in allPartitionIDs {
            guard let state = partition(id), state.leader == nil,
                isUncleanLeaderElectionEnabled(id.topic)
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
        // Kafka: ReplicationControlManager.electLeader answers UNKNOWN_TOPIC_OR_PARTITION for that partition.
        guard topics[id.topic] != nil else { throw .unknownTopicOrPartition("No such topic as \(id.topic)") }
        guard let state = partition(id) else { throw .unknownTopicOrPartition("No such partition as \(id)") }
        if kind == .preferred {
            guard state.leader != state.preferredLeader else {
                throw KafkaError("ELECTION_NOT_NEEDED", "Leader election not needed for topic partition.")
            }
            let result = LeaderElection.elect(
                .preferred, replicas: state.replicas, targetIsr: state.isr, targetElr: state.elr,
                lastKnownElr: state.lastKnownElr, currentLeader: state.leader, isAcceptable: isAcceptableLeader)
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
                .unclean, replicas: state.replicas, targetIsr: state.isr, targetElr: state.elr,
                lastKnownElr: state.lastKnownElr, currentLeader: nil, isAcceptable: isAcceptableLeader)
            guard result.leader != nil else {
                throw KafkaError(
                    "ELIGIBLE_LEADERS_NOT_AVAILABLE", "Eligible topic partition leaders are not available.")
            }
            changePartition(id, isr: state.isr, election: .unclean)
        }
        afterEvent()
    }
}
