// Engine micro-benchmarks for Benchmarks/run.sh (not part of `swift test`): replication throughput with RF 3 and
// acks=all, and placement of 100,000 partitions on 1,000 brokers. Prints one JSON object per measurement.
import Dispatch
import Replication

/// Seconds taken by `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Produces `records` records in batches of `batch` to one RF 3 partition (min ISR 2) with acks=all, waiting for
/// each batch; every record is appended by the leader and copied by two followers.
func replicationThroughput(records: Int, batch: Int) throws -> [String: Double] {
    var cluster = Cluster(seed: 1)
    for id in 0..<3 { try cluster.addBroker(Broker(id: id)) }
    try cluster.createTopic(
        "t", partitions: 1, replicationFactor: 3, placement: .adminUtils(startIndex: 0),
        configs: ["min.insync.replicas": "2"])
    let values = [String](repeating: "v", count: batch)
    var acknowledged = 0
    let time = try seconds {
        for _ in 0..<(records / batch) {
            let request = try cluster.produceAndWait(to: TopicPartition("t", 0), values: values, acks: .all)
            if case .success(_, let count) = request.outcome { acknowledged += count }
        }
    }
    precondition(acknowledged == records, "only \(acknowledged) of \(records) records were acknowledged")
    let followerCopies = Double(records * 2)
    return [
        "records": Double(records), "batch": Double(batch), "seconds": time,
        "recordsPerSecond": Double(records) / time, "recordReplicationsPerSecond": followerCopies / time,
        "simulatedSeconds": Double(cluster.now.millisecondsSinceStart) / 1000,
    ]
}

/// AdminUtils placement of `partitions` partitions with RF 3 on `brokers` brokers in 10 racks, alone and as a
/// whole `createTopic` (placement plus the partitions' engine state).
func placement(partitions: Int, brokers: Int) throws -> [String: Double] {
    let list = (0..<brokers).map { Broker(id: $0, rack: "R\($0 * 10 / brokers + 1)") }
    var assignment: [[BrokerID]] = []
    let placeTime = try seconds {
        assignment = try AdminUtilsPlacement.assignReplicasToBrokers(
            list, partitions: partitions, replicationFactor: 3, fixedStartIndex: 0, startPartitionId: 0)
    }
    precondition(assignment.count == partitions)
    var cluster = Cluster(seed: 1)
    for broker in list { try cluster.addBroker(broker) }
    let createTime = try seconds {
        try cluster.createTopic(
            "t", partitions: partitions, replicationFactor: 3, placement: .adminUtils(startIndex: 0))
    }
    return [
        "partitions": Double(partitions), "brokers": Double(brokers), "placementSeconds": placeTime,
        "createTopicSeconds": createTime,
    ]
}

func json(_ name: String, _ values: [String: Double]) -> String {
    let fields = values.keys.sorted().map { "\"\($0)\": \(values[$0]!)" }
    return "{\"benchmark\": \"\(name)\", " + fields.joined(separator: ", ") + "}"
}

let arguments = CommandLine.arguments.dropFirst()
let records = arguments.first.flatMap(Int.init) ?? 1_000_000
print(json("replication", try replicationThroughput(records: records, batch: 1_000)))
print(json("placement", try placement(partitions: 100_000, brokers: 1_000)))
