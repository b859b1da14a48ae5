extension Cluster {
    /// After a controller write that may have moved a leader: schedules the automatic preferred election and the
    /// unclean election check when they are needed and not already scheduled.
    ///
    /// Kafka: `QuorumController.ControllerWriteEvent.run` calls `maybeScheduleNextBalancePartitionLeaders` and
    /// `maybeScheduleNextElectUncleanLeaders` after every write. Each schedules its deferred event one interval later
    /// (`leader.imbalance.check.interval.seconds`, `unclean.leader.election.interval.ms`) unless it is already
    /// scheduled (`ImbalanceSchedule.SCHEDULED`), and only while some partition's leader is not its preferred replica
    /// (`ReplicationControlManager.arePartitionLeadersImbalanced`: `imbalancedPartitions`, which holds leaderless
    /// partitions too) or some partition has no leader (`areSomePartitionsLeaderless`). Nothing cancels a scheduled
    /// check: it runs even if the imbalance is gone, and the write it is reschedules it if some remains. The
    /// "reschedule immediately" case (more than `maxElectionsPerImbalance`, 1000, elections pending) is not modelled.
    /// The balance check needs `auto.leader.rebalance.enable` (`leaderImbalanceCheckIntervalNs` is empty without it);
    /// the unclean one exists from 3.9 (KAFKA-12670). Only leader changes and new partitions change what they look
    /// at, so the engine asks after those (`controllerTasksMayBeDue`) instead of after every event.
    mutating func maybeScheduleControllerTasks() {
        engine.controllerTasksMayBeDue = false
        let config = engine.config
        if engine.balanceCheckAt == nil, config.autoLeaderRebalanceEnable, arePartitionLeadersImbalanced {
            let at = engine.now + config.leaderImbalanceCheckInterval
            engine.balanceCheckAt = at
            engine.queue.schedule(at: at, .electPreferred)
        }
        if engine.uncleanCheckAt == nil, behaviour.periodicUncleanElection, areSomePartitionsLeaderless {
            let at = engine.now + config.uncleanLeaderElectionInterval
            engine.uncleanCheckAt = at
            engine.queue.schedule(at: at, .electUnclean)
        }
    }

    /// The deferred preferred-election event runs (Kafka: the `maybeBalancePartitionLeaders` write event).
    mutating func runBalanceCheck() {
        engine.balanceCheckAt = nil
        balancePartitionLeaders()
        engine.controllerTasksMayBeDue = true
    }

    /// The deferred unclean-election event runs (Kafka: the `maybeElectUncleanLeaders` write event).
    mutating func runUncleanCheck() {
        engine.uncleanCheckAt = nil
        electUncleanLeaders()
        engine.controllerTasksMayBeDue = true
    }

    /// Kafka: `ReplicationControlManager.arePartitionLeadersImbalanced` — some leader is not `replicas[0]`
    /// (`PartitionRegistration.hasPreferredLeader`), a partition without a leader included.
    var arePartitionLeadersImbalanced: Bool {
        allPartitionIDs.contains { id in
            guard let state = partition(id) else { return false }
            return state.leader == nil || state.leader != state.preferredLeader
        }
    }

    /// Kafka: `ReplicationControlManager.areSomePartitionsLeaderless`.
    var areSomePartitionsLeaderless: Bool {
        allPartitionIDs.contains { partition($0)?.leader == nil }
    }
}
