/// How a consumer joins a group: the `join` line's settings, with Kafka's consumer defaults.
public struct JoinOptions: Hashable, Sendable {
    /// Subscribed topics.
    public var topics: [String]
    /// `partition.assignment.strategy` (one assignor: `range`, `roundrobin`, `sticky`, `cooperative-sticky`).
    public var assignor = "range"
    /// `group.instance.id` (static membership, KIP-345).
    public var instanceID: String?
    /// `client.rack` (KIP-392).
    public var rack: String?
    /// `enable.auto.commit` (default true).
    public var autoCommit = true
    /// `auto.offset.reset=earliest` instead of the default latest.
    public var resetToEarliest = false
    /// `session.timeout.ms` (default 45000).
    public var sessionTimeout = SimulatedDuration.seconds(45)

    /// Creates options for these topics.
    public init(topics: [String]) {
        self.topics = topics
    }
}

extension Cluster {
    /// A consumer joins a group (creating it), which starts a rebalance; a static member that comes back under its
    /// `group.instance.id` takes its old place without one.
    ///
    /// Kafka: `ClassicGroup` / `GroupMetadataManager.classicGroupJoin` (new member id `<client.id>-<UUID>`,
    /// `INCONSISTENT_GROUP_PROTOCOL` when no assignor is shared, `updateStaticMemberAndRebalance`).
    public mutating func join(group groupID: String, member name: String, options: JoinOptions) throws(KafkaError) {
        startPeriodicEvents()
        var group = engine.groups[groupID] ?? ConsumerGroup(groupID: groupID)
        if group.members.contains(where: { $0.clientID == name && !$0.isGone }) {
            throw KafkaError("IllegalStateException", "Consumer '\(name)' is already a member of group '\(groupID)'.")
        }
        if let protocolName = group.protocolName, !group.members.isEmpty, protocolName != options.assignor {
            throw KafkaError(
                "INCONSISTENT_GROUP_PROTOCOL",
                "The group member's supported protocols are incompatible with those of existing members or first group member tried to join with empty protocol type or empty protocol list."
            )
        }
        let serial = engine.lastMemberSerial.next
        engine.lastMemberSerial = serial
        var member = ConsumerGroupMember(
            memberID: "\(name)-\(Self.uuidText(seed: seed, serial: serial))", clientID: name,
            topics: options.topics, assignor: options.assignor)
        member.instanceID = options.instanceID
        member.rack = options.rack
        member.autoCommit = options.autoCommit
        member.resetToEarliest = options.resetToEarliest
        member.sessionTimeout = options.sessionTimeout
        member.nextAutoCommit = engine.now + member.autoCommitInterval
        member.lastHeartbeat = engine.now
        member.serial = serial
        if let instance = options.instanceID, let index = group.members.firstIndex(where: { $0.instanceID == instance })
        {
            let old = group.members[index]
            member.assignment = old.assignment
            group.members[index] = member
            engine.groups[groupID] = group
            note(
                "group \(groupID): static member \(instance) rejoins as \(member.memberID), keeping \(Self.text(old.assignment))"
            )
            if old.topics != member.topics || group.state != .stable {
                rebalance(groupID, reason: "static member \(instance) rejoined")
            }
            return
        }
        group.protocolName = options.assignor
        group.members.append(member)
        engine.groups[groupID] = group
        rebalance(groupID, reason: "\(member.memberID) joined")
    }

    /// A consumer closes: a dynamic member sends `LeaveGroup` (rebalance now); a static one does not, so the
    /// coordinator only notices when its session expires. Auto-commit commits the positions first.
    ///
    /// Kafka: `ConsumerCoordinator.onLeavePrepare` / `maybeAutoCommitOffsetsSync`, `AbstractCoordinator.maybeLeaveGroup`
    /// (dynamic members only).
    public mutating func leave(group groupID: String, member name: String) throws(KafkaError) {
        var group = try liveGroup(groupID)
        let index = try liveMemberIndex(name, in: group)
        if group.members[index].autoCommit && group.state == .stable { commitPositions(&group, index) }
        if group.members[index].instanceID != nil {
            engine.groups[groupID] = group
            markGone(groupID, index: index, what: "closes (static member: no LeaveGroup)")
            return
        }
        note("group \(groupID): \(group.members[index].memberID) leaves the group")
        group.members.remove(at: index)
        engine.groups[groupID] = group
        rebalance(groupID, reason: "a member left")
    }

    /// A consumer process dies: no `LeaveGroup`, no commit; the coordinator expels it after `session.timeout.ms`.
    public mutating func crashConsumer(group groupID: String, member name: String) throws(KafkaError) {
        let group = try liveGroup(groupID)
        let index = try liveMemberIndex(name, in: group)
        markGone(groupID, index: index, what: "crashes")
    }

    private mutating func markGone(_ groupID: String, index: Int, what: String) {
        var member = engine.groups[groupID]!.members[index]
        member.isGone = true
        member.lastHeartbeat = engine.now
        member.positions = [:]
        engine.groups[groupID]!.members[index] = member
        note("group \(groupID): consumer \(member.clientID) \(what)")
        engine.queue.schedule(at: engine.now + member.sessionTimeout, .consumerSessionExpiry(member.serial))
    }

    /// Kafka: `GroupMetadataManager.onClassicGroupSessionTimeout` → `removeMemberAndUpdateClassicGroup`.
    mutating func expireConsumerSession(serial: MemberSerial) {
        for groupID in engine.groups.keys.sorted() {
            guard let index = engine.groups[groupID]!.members.firstIndex(where: { $0.serial == serial }) else {
                continue
            }
            let member = engine.groups[groupID]!.members[index]
            guard member.isGone, engine.now >= member.lastHeartbeat + member.sessionTimeout else { return }
            engine.groups[groupID]!.members.remove(at: index)
            note(
                "group \(groupID): coordinator removes \(member.memberID) (session timeout \(member.sessionTimeout.milliseconds) ms)"
            )
            rebalance(groupID, reason: "session timeout")
            return
        }
    }

    /// Starts a rebalance: members prepare (auto-commit; eager protocols revoke everything) and rejoin at once; the
    /// coordinator then waits only for members that are gone, until their sessions expire.
    ///
    /// Kafka: `ClassicGroup` PreparingRebalance → CompletingRebalance → Stable; `ConsumerCoordinator.onJoinPrepare`.
    mutating func rebalance(_ groupID: String, reason: String) {
        guard var group = engine.groups[groupID] else { return }
        let cooperative = group.protocolName == "cooperative-sticky"
        for index in group.members.indices where !group.members[index].isGone {
            if group.members[index].autoCommit && group.state == .stable { commitPositions(&group, index) }
            if !cooperative { group.members[index].positions = [:] }
        }
        group.state = .preparingRebalance
        engine.groups[groupID] = group
        note("group \(groupID): rebalance (\(reason))")
        completeRebalanceIfReady(groupID)
        for member in group.members where member.isGone && engine.groups[groupID]?.state == .preparingRebalance {
            let expiry = member.lastHeartbeat + member.sessionTimeout
            note("group \(groupID): waiting for \(member.memberID) to rejoin (its session expires at \(expiry))")
        }
    }

    /// Finishes a rebalance once no member is awaited: the leader's assignor runs (twice for cooperative-sticky,
    /// whose first round only revokes partitions that move) and the generation goes up.
    mutating func completeRebalanceIfReady(_ groupID: String) {
        guard var group = engine.groups[groupID], group.state == .preparingRebalance,
            !group.members.contains(where: { $0.isGone })
        else { return }
        group.generation += 1
        guard !group.members.isEmpty else {
            group.state = .empty
            group.protocolName = nil
            engine.groups[groupID] = group
            note("group \(groupID): no members left (generation \(group.generation), Empty)")
            return
        }
        let assignor = GroupAssignor(rawValue: group.protocolName ?? "range") ?? .range
        var partitionsPerTopic: [String: Int] = [:]
        for topic in Set(group.members.flatMap { $0.topics }) {
            partitionsPerTopic[topic] = topics[topic]?.partitions.count
        }
        var assignment = assignor.assign(
            partitionsPerTopic: partitionsPerTopic, members: group.members.map { $0.asGroupMember })
        if group.protocolName == "cooperative-sticky" {
            let revoking = group.members.contains { member in
                member.assignment.contains { !(assignment[member.memberID] ?? []).contains($0) }
            }
            if revoking {
                apply(assignment, to: &group)
                note("group \(groupID): generation \(group.generation) revokes moving partitions: \(Self.text(group))")
                group.generation += 1
                assignment = assignor.assign(
                    partitionsPerTopic: partitionsPerTopic, members: group.members.map { $0.asGroupMember })
            }
        }
        apply(assignment, to: &group)
        group.state = .stable
        engine.groups[groupID] = group
        note("group \(groupID): generation \(group.generation) (\(assignor.name)): \(Self.text(group))")
    }

    private func apply(_ assignment: GroupAssignment, to group: inout ConsumerGroup) {
        for index in group.members.indices {
            let partitions = assignment[group.members[index].memberID] ?? []
            group.members[index].assignment = partitions
            group.members[index].positions = group.members[index].positions.filter { partitions.contains($0.key) }
        }
    }

    /// Commits a member's positions (the offsets after what its polls returned) with their leader epochs.
    ///
    /// Kafka: `SubscriptionState.allConsumed` — `OffsetAndMetadata(position.offset, position.offsetEpoch, "")`.
    func commitPositions(_ group: inout ConsumerGroup, _ index: Int) {
        let member = group.members[index]
        for (id, position) in member.positions {
            group.committed[id] = position
            group.committedEpochs[id] = member.positionEpochs[id]
        }
    }

    func liveGroup(_ groupID: String) throws(KafkaError) -> ConsumerGroup {
        guard let group = engine.groups[groupID] else {
            throw KafkaError("GROUP_ID_NOT_FOUND", "The group id \(groupID) was not found.")
        }
        return group
    }

    func liveMemberIndex(_ name: String, in group: ConsumerGroup) throws(KafkaError) -> Int {
        guard let index = group.members.firstIndex(where: { $0.clientID == name && !$0.isGone }) else {
            throw KafkaError(
                "UNKNOWN_MEMBER_ID", "The coordinator is not aware of this member (\(name) in group \(group.groupID)).")
        }
        return index
    }

    /// `c1 → t-0,t-1; c2 → t-2`.
    static func text(_ group: ConsumerGroup) -> String {
        group.members.map { "\($0.clientID) → \(text($0.assignment))" }.joined(separator: "; ")
    }

    static func text(_ partitions: [TopicPartition]) -> String {
        partitions.isEmpty ? "none" : partitions.sorted().map { $0.description }.joined(separator: ",")
    }

    /// A Kafka `Uuid.toString()` look-alike (22 URL-safe base64 characters) drawn from the scenario seed.
    static func uuidText(seed: UInt64, serial: MemberSerial) -> String {
        var generator = SplitMix64(seed: seed ^ (UInt64(serial.rawValue) &* 0xD1B5_4A32_D192_ED03))
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var text = ""
        var bits = generator.next()
        for index in 0..<22 {
            if index == 10 { bits = generator.next() }
            text.append(alphabet[Int(bits & 63)])
            bits >>= 6
        }
        return text
    }
}
