/// Why a partition is in its state, in words: who leads and why, who is out of the ISR and since when, why the high
/// watermark is where it is, and what a produce with each `acks` setting would get now.
public struct PartitionExplanation: Hashable, Sendable {
    /// The explanation, one paragraph per line.
    public var lines: [String]

    /// Explains a partition; nil when it does not exist.
    public init?(cluster: Cluster, partition id: TopicPartition) {
        guard let state = cluster.partition(id), let topic = cluster.topics[id.topic] else { return nil }
        var lines: [String] = []
        let now = cluster.now
        // "Never" (`distantPast`) reads as the start of the clock.
        func time(_ instant: SimulatedInstant) -> String { max(.start, instant).description }
        let behaviour = cluster.behaviour
        let effectiveMinIsr = cluster.effectiveMinIsr(id)
        let unclean =
            behaviour.controllerHonoursUncleanLeaderElection
            && cluster.isUncleanLeaderElectionEnabled(topic.name)
        func name(_ broker: BrokerID) -> String { "B\(broker)" }
        func list(_ brokers: [BrokerID]) -> String {
            brokers.isEmpty ? "none" : brokers.map(String.init).joined(separator: ",")
        }

        // Leadership. Kafka: PartitionChangeBuilder.electLeader (ONLINE keeps a valid leader, else the first ISR
        // replica in assignment order).
        if let leader = state.leader {
            var sentence = "\(name(leader)) leads \(id) in leader epoch \(state.leaderEpoch)."
            if leader == state.preferredLeader {
                sentence += " It is the preferred leader (first in Replicas: \(list(state.replicas)))."
            } else if let preferred = state.preferredLeader {
                let reason =
                    cluster.state(of: preferred) != .up
                    ? "is \(cluster.state(of: preferred).rawValue)"
                    : state.isr.contains(preferred) ? "is back in the ISR" : "is not in the ISR"
                sentence +=
                    " The preferred leader \(name(preferred)) \(reason); leadership moved to the first ISR replica in assignment order."
                if state.isr.contains(preferred) && cluster.state(of: preferred) == .up {
                    sentence += " A preferred leader election (`elect preferred \(id)`) would move it back."
                }
            }
            lines.append(sentence)
        } else if behaviour.eligibleLeaderReplicas && state.isr.isEmpty
            && !(state.elr.isEmpty && state.lastKnownElr.isEmpty)
        {
            // Kafka 4.1: PartitionChangeBuilder.isValidNewLeader (an ELR member while the ISR is empty) and
            // canElectLastKnownLeader.
            var sentence =
                "\(id) has no leader (`Leader: none`) and its ISR is empty, so neither producers nor consumers can use it."
            if !state.elr.isEmpty {
                sentence +=
                    " Its eligible leader replicas (Elr: \(list(state.elr))) left the ISR while it was below min.insync.replicas, so they hold every committed record: the first of them to come back is elected cleanly (Kafka \(cluster.kafka.text), ELR on)."
            } else {
                sentence +=
                    " No eligible leader replica is left (a broker that restarts after a crash leaves the ELR); when the last known leader \(name(state.lastKnownElr[0])) (LastKnownElr) returns, Kafka elects it, as an unclean election."
            }
            lines.append(sentence)
        } else {
            let live = state.replicas.filter { cluster.state(of: $0) == .up }
            var sentence =
                "\(id) has no leader (`Leader: none`): no replica in the ISR (\(list(state.isr))) is alive, so neither producers nor consumers can use it."
            if let candidate = live.first {
                sentence +=
                    unclean
                    ? " unclean.leader.election.enable=true, so \(name(candidate)) (the first live replica) may be elected even though it is not in the ISR — losing what it does not have."
                    : " With unclean.leader.election.enable=false (the default since Kafka 0.11) Kafka waits for an ISR replica to return rather than elect \(name(candidate)), which could lose committed records."
            }
            lines.append(sentence)
        }

        // ISR membership. Kafka: Partition.maybeShrinkIsr / maybeExpandIsr, ReplicationControlManager.handleBrokerFenced.
        let maxLag = cluster.engine.config.replicaLagTimeMax
        var isrSentence = "The ISR is \(list(state.isr)) (\(state.isr.count) of \(state.replicas.count) replicas)."
        for broker in state.replicas where broker != state.leader {
            let runtime = cluster.state(of: broker)
            let fetch = state.followerStates[broker]
            let caughtUp = fetch.map { " It last caught up at \(time($0.lastCaughtUpTime))." } ?? ""
            if state.elr.contains(broker) {
                isrSentence +=
                    " \(name(broker)) is an eligible leader replica (Elr): it left the ISR while the ISR was below min.insync.replicas, so it has every committed record and may lead cleanly if the ISR empties (Kafka \(cluster.kafka.text), ELR on)."
            } else if !state.isr.contains(broker) {
                switch runtime {
                case .crashed, .shutDown, .restarting:
                    isrSentence +=
                        " \(name(broker)) is out: it is \(runtime.rawValue), and the controller removes a broker from every ISR once it is fenced (no heartbeat for broker.session.timeout.ms)."
                case .stalled, .isolated:
                    isrSentence +=
                        " \(name(broker)) is out: it is \(runtime.rawValue) and stopped catching up; a follower leaves the ISR once it has not caught up for replica.lag.time.max.ms (\(SimulatedTime.text(maxLag))).\(caughtUp)"
                case .up:
                    isrSentence +=
                        " \(name(broker)) is out and catching up: it rejoins once its log end offset reaches the leader's high watermark.\(caughtUp)"
                }
            } else if let fetch, let leaderLEO = state.leaderLog?.logEndOffset, fetch.logEndOffset != leaderLEO,
                now - fetch.lastCaughtUpTime > .zero
            {
                let deadline = fetch.lastCaughtUpTime + maxLag
                isrSentence +=
                    " \(name(broker)) is in the ISR but behind the leader (log end offset \(max(0, fetch.logEndOffset)) of \(leaderLEO));"
                    + (now > deadline
                        ? " it has not caught up for more than \(SimulatedTime.text(maxLag)), so the leader's next ISR check removes it."
                        : " it stays in the ISR at least until \(time(deadline)) unless it catches up.")
            }
        }
        lines.append(isrSentence)

        // High watermark. Kafka: Partition.maybeIncrementLeaderHW (3.7+: frozen below the effective min ISR).
        if let leaderLog = state.leaderLog {
            let hw = leaderLog.highWatermark
            let leo = leaderLog.logEndOffset
            var sentence = "The high watermark is \(hw) and the leader's log end offset \(leo)"
            if hw == leo {
                sentence += ": every record is committed."
            } else {
                sentence +=
                    ": offsets \(hw)..\(leo - 1) are on the leader but not committed, and consumers cannot read them yet."
                if state.isr.count < effectiveMinIsr && behaviour.highWatermarkWaitsForMinIsr {
                    sentence +=
                        " The high watermark is frozen because the ISR (\(state.isr.count)) is smaller than min.insync.replicas (\(effectiveMinIsr)) — Kafka 3.7 and later do not advance it then, even for acks=1 writes."
                } else if let slowest = state.maximalIsr.filter({ $0 != state.leader }).min(by: {
                    (state.logs[$0]?.logEndOffset ?? 0) < (state.logs[$1]?.logEndOffset ?? 0)
                }) {
                    sentence +=
                        " It waits for \(name(slowest)), the ISR member with the smallest log end offset (\(state.logs[slowest]?.logEndOffset ?? 0))."
                }
            }
            lines.append(sentence)
        }

        // What a produce would get now. Kafka: Partition.appendRecordsToLeader (min ISR check for acks=all only).
        if state.leader == nil {
            lines.append("A produce now fails whatever its acks: there is no leader to write to.")
        } else if state.isr.count < effectiveMinIsr {
            lines.append(
                "A produce with acks=all now fails with NOT_ENOUGH_REPLICAS (ISR \(state.isr.count) < min.insync.replicas \(effectiveMinIsr)) and nothing is written; acks=1 and acks=0 are accepted by the leader, "
                    + (behaviour.highWatermarkWaitsForMinIsr
                        ? "but stay invisible until the ISR grows back."
                        : "and on Kafka \(cluster.kafka.text) become readable as soon as the ISR has them.")
            )
        } else {
            lines.append(
                "A produce with acks=all now is accepted and acknowledged once all \(state.maximalIsr.count) ISR replicas have it; acks=1 is acknowledged as soon as the leader has written it."
            )
        }
        self.lines = lines
    }
}
