extension Cluster {
    /// Applies a broker setting as read from `server.properties` when the brokers start (`cluster … <key>=<value>`):
    /// read-only and cluster-wide ones alike; returns Kafka's complaint when the name or value is invalid.
    public mutating func setStartupConfig(_ key: String, _ value: String) throws(KafkaError) {
        if let problem = engine.config.set(key, value) { throw .invalidConfig(problem) }
    }

    /// Changes a cluster-wide broker default on a running cluster (`config broker <key>=<value>`, i.e.
    /// `kafka-configs --alter --entity-type brokers --entity-default`).
    ///
    /// Kafka: `ConfigAdminManager.validateBrokerConfigChange` → `DynamicBrokerConfig.validateConfigs`: a read-only
    /// config (`DynamicConfig.Broker.nonDynamicProps`) fails with `ConfigException("Cannot update these configs
    /// dynamically: Set(<name>)")`, which the broker answers as INVALID_REQUEST (KAFKA-13609 keeps that code);
    /// only then are the values' types checked (`validateConfigTypes`).
    public mutating func setBrokerConfig(_ key: String, _ value: String) throws(KafkaError) {
        if let config = ConfigDef.key(key, of: .broker), !config.isDynamic {
            throw KafkaError("INVALID_REQUEST", "Cannot update these configs dynamically: Set(\(key))")
        }
        if let problem = engine.config.set(key, value) { throw .invalidConfig(problem) }
        // A new min ISR default can unfreeze or freeze high watermarks (as `config <topic>` does).
        startPeriodicEvents()
        for id in allPartitionIDs { maybeIncrementLeaderHighWatermark(id) }
        afterEvent()
    }

    /// The value a topic config has for `topic`: the topic's own, else the cluster-wide default (its broker synonym,
    /// set with `config broker` or on the `cluster` line), else Kafka's default.
    ///
    /// Kafka: `LogConfig.fromProps(KafkaConfig.extractLogConfigMap, overrides)` on the broker;
    /// `ConfigurationControlManager.getTopicConfig` (topic, then cluster default, then static) on the controller.
    public func topicConfig(_ topic: String, _ key: ConfigKey) -> String {
        if let own = topics[topic]?.configs[key.name] { return own }
        if let synonym = key.brokerSynonym, let clusterWide = engine.config.topicDefaults[synonym] {
            return clusterWide
        }
        return key.defaultValue
    }

    /// `min.insync.replicas` of a topic as a number.
    public func minInsyncReplicas(of topic: String) -> Int {
        // The parsed values `topicConfig` would give: the topic's own, else the cluster-wide one, else Kafka's.
        if let position = lookUpTopicPosition(of: topic), let own = topics.values[position].ownMinInsyncReplicas {
            return own
        }
        return engine.config.clusterMinInsyncReplicas ?? Self.defaultMinInsyncReplicas
    }

    /// `max.message.bytes` of a topic as a number: the parsed values `topicConfig` would give.
    ///
    /// Read where the topic is stored (every produce asks): `topics.values[position]` copied the whole topic out.
    mutating func maxMessageBytes(of topic: String) -> Int {
        if let position = topicPosition(of: topic), let own = ownMaxMessageBytes(of: position) { return own }
        return engine.config.clusterMaxMessageBytes
            ?? Int(TopicConfig.maxMessageBytes.defaultValue) ?? Topic.fallbackMaxMessageBytes
    }

    /// The topic's own `max.message.bytes` at `position` of `topics`, read in place.
    private mutating func ownMaxMessageBytes(of position: Dictionary<String, Topic>.Index) -> Int? {
        engine.fetchRoutes.isHeld = true
        defer { engine.fetchRoutes.isHeld = false }
        return Self.ownMaxMessageBytes(of: &topics.values[position])
    }

    private static func ownMaxMessageBytes(of topic: inout Topic) -> Int? { topic.ownMaxMessageBytes }

    /// `effectiveMinIsr` read where the topic is stored (the HW update asks on every fetch): one topic lookup and no
    /// copy of the topic or the partition.
    ///
    /// Reads `kafka.behaviour`, not `behaviour`: a call of a method of the cluster from this mutating one copied the
    /// whole cluster value (650 bytes) to pass it, on every fetch. Kafka's default is parsed only when neither the
    /// topic nor the cluster sets the value.
    mutating func effectiveMinIsrInPlace(_ id: TopicPartition) -> Int {
        let clusterWide = engine.config.clusterMinInsyncReplicas
        let isCapped = kafka.behaviour.effectiveMinIsrCappedByReplicas
        guard let position = topicPosition(of: id.topic) else { return clusterWide ?? Self.defaultMinInsyncReplicas }
        engine.fetchRoutes.isHeld = true
        defer { engine.fetchRoutes.isHeld = false }
        return Self.effectiveMinIsr(
            of: &topics.values[position], partition: id.partition, clusterWide: clusterWide, isCapped: isCapped)
    }

    /// The topic's own min ISR, else `clusterWide`, else Kafka's default, capped by the partition's replica count
    /// when `isCapped`.
    private static func effectiveMinIsr(
        of topic: inout Topic, partition: Int, clusterWide: Int?, isCapped: Bool
    ) -> Int {
        let configured = topic.ownMinInsyncReplicas ?? clusterWide ?? defaultMinInsyncReplicas
        guard isCapped, partition >= 0, partition < topic.partitions.count else { return configured }
        return min(configured, topic.partitions[partition].replicas.count)
    }

    /// Kafka's default `min.insync.replicas` as a number.
    private static var defaultMinInsyncReplicas: Int {
        Int(clamping: Int64(TopicConfig.minInsyncReplicas.defaultValue) ?? 1)
    }

    /// Whether a topic has `unclean.leader.election.enable=true`, its own or the cluster-wide default.
    func isUncleanLeaderElectionEnabled(_ topic: String) -> Bool {
        topicConfig(topic, TopicConfig.uncleanLeaderElectionEnable).lowercased() == "true"
    }

    /// The configs `kafka-topics --describe` lists under `Configs`: every one whose value does not come from Kafka's
    /// default, so a topic's own ones and the cluster-wide ones it inherits, sorted by name.
    ///
    /// Kafka: `TopicCommand.TopicService.describeTopic` prints `config.entries()` filtered by `!entry.isDefault()`,
    /// and an entry from `DYNAMIC_DEFAULT_BROKER_CONFIG` or `STATIC_BROKER_CONFIG` is not a default one.
    public func describedConfigs(of topic: String) -> [(name: String, value: String)] {
        // A config set on the topic or cluster-wide has that value (`topicConfig`), never Kafka's default.
        TopicDescription.describedConfigs(own: topics[topic]?.configs ?? [:], clusterWide: engine.config.topicDefaults)
    }
}
