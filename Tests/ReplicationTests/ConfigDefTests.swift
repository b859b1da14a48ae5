import Replication
import Testing

/// The one table of settings: every key is read by the part of the engine it configures, and its default is valid.
struct ConfigDefTests {
    @Test(arguments: ConfigDef.keys)
    func defaultIsValid(_ key: ConfigKey) {
        #expect(key.validate(key.defaultValue) == nil, "\(key.name)")
    }

    @Test(arguments: ConfigDef.keys(of: .broker))
    func everyBrokerKeyIsReadByTheEngine(_ key: ConfigKey) {
        var config = EngineConfig()
        #expect(config.set(key.name, key.defaultValue) == nil)
        #expect(config.set(key.name, "not-a-value").map { $0.hasPrefix("Invalid value not-a-value") } ?? false)
    }

    @Test(arguments: ConfigDef.keys(of: .producer))
    func everyProducerKeyIsReadByTheProducer(_ key: ConfigKey) throws {
        let config = try ProducerConfig([key.name: key.defaultValue])
        #expect(config == (try ProducerConfig([:])))
    }

    /// Kafka: `DynamicBrokerConfig.AllDynamicConfigs` holds the log defaults (`DynamicLogConfig.ReconfigurableConfigs`)
    /// and none of the replication, KRaft and controller settings the simulation knows.
    @Test func onlyTheClusterWideLogDefaultsAreDynamic() {
        #expect(
            EngineConfig.dynamicKeys == ["message.max.bytes", "min.insync.replicas", "unclean.leader.election.enable"])
        for key in ConfigDef.keys(of: .topic) {
            if let synonym = key.brokerSynonym {
                #expect(ConfigDef.key(synonym, of: .broker)?.isDynamic == true, "\(synonym)")
            }
        }
    }

    /// Kafka: `ConfigDef.parseType` — an INT above Integer.MAX_VALUE is "Not a number of type INT".
    @Test func typesAreKafkas() {
        let minIsr = TopicConfig.minInsyncReplicas
        #expect(
            minIsr.validate("2147483648")
                == "Invalid value 2147483648 for configuration min.insync.replicas: Not a number of type INT")
        #expect(
            minIsr.validate("0") == "Invalid value 0 for configuration min.insync.replicas: Value must be at least 1")
        #expect(TopicConfig.uncleanLeaderElectionEnable.validate("TRUE") == nil)
        #expect(ConfigDef.key("retention.ms", of: .topic)?.validate("2147483648") == nil)
    }

    @Test func clusterWideDefaultsApplyBelowTopicOverrides() throws {
        var cluster = Cluster()
        try cluster.addBroker(Broker(id: 0))
        try cluster.createTopic("a", partitions: 1, replicationFactor: 1, placement: .roundRobin(startIndex: 0))
        try cluster.createTopic(
            "b", partitions: 1, replicationFactor: 1, placement: .roundRobin(startIndex: 0),
            configs: ["min.insync.replicas": "1"])
        try cluster.setBrokerConfig("min.insync.replicas", "2")
        #expect(cluster.minInsyncReplicas(of: "a") == 2)
        #expect(cluster.minInsyncReplicas(of: "b") == 1)
        #expect(cluster.describedConfigs(of: "a").map { "\($0.name)=\($0.value)" } == ["min.insync.replicas=2"])
        #expect(
            throws: KafkaError(
                "INVALID_REQUEST", "Cannot update these configs dynamically: Set(replica.lag.time.max.ms)")
        ) {
            try cluster.setBrokerConfig("replica.lag.time.max.ms", "1000")
        }
    }
}
