// Engine micro-benchmarks for Benchmarks/run.sh (not part of `swift test`): replication throughput with RF 3 and
// acks=all, the cost of idle simulated time, and placement of 100,000 partitions on 1,000 brokers. Prints one JSON
// object per measurement. `ReplicaLabBenchmarks [records] [names…]` runs the named ones (all by default);
// `ReplicaLabBenchmarks events < lessons.md` prints where the events of a course's scenarios go (ScenarioEvents).
import Dispatch
import Replication

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// This process's CPU time (user + system) so far, in seconds: on a shared machine it varies much less than wall
/// time.
func processCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Wall and CPU seconds taken by `body`.
func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let cpuStart = processCPUSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (wall, processCPUSeconds() - cpuStart)
}

/// Seconds taken by `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double { try measure(body).wall }

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
    let eventsBefore = cluster.eventCount
    let (time, cpu) = try measure {
        for _ in 0..<(records / batch) {
            let request = try cluster.produceAndWait(to: TopicPartition("t", 0), values: values, acks: .all)
            if case .success(_, let count) = request.outcome { acknowledged += count }
        }
    }
    precondition(acknowledged == records, "only \(acknowledged) of \(records) records were acknowledged")
    let followerCopies = Double(records * 2)
    let events = Double(cluster.eventCount - eventsBefore)
    return [
        "events": events, "nanosecondsPerEvent": time * 1e9 / events, "eventsPerSecond": events / time,
        "records": Double(records), "batch": Double(batch), "seconds": time, "cpuSeconds": cpu,
        "recordsPerSecond": Double(records) / time, "recordReplicationsPerSecond": followerCopies / time,
        "recordReplicationsPerCPUSecond": followerCopies / cpu,
        "simulatedSeconds": Double(cluster.now.millisecondsSinceStart) / 1000,
    ]
}

/// AdminUtils placement of `partitions` partitions with RF 3 on `brokers` brokers in 10 racks, alone, and a whole
/// `createTopic` (placement plus the partitions' engine state and first fetches) of `created` partitions: starting
/// each partition's followers scans every partition so far, so that part grows with the square of the count.
func placement(partitions: Int, brokers: Int, created: Int) throws -> [String: Double] {
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
            "t", partitions: created, replicationFactor: 3, placement: .adminUtils(startIndex: 0))
    }
    return [
        "partitions": Double(partitions), "brokers": Double(brokers), "placementSeconds": placeTime,
        "createdPartitions": Double(created), "createTopicSeconds": createTime,
    ]
}

/// Produce-heavy: `requests` acks=all requests of one record each, round-robin over a 10-partition RF 3 topic on 6
/// brokers, each waited for; every request is a leader append, two follower fetches and their responses.
func produceHeavy(requests: Int) throws -> [String: Double] {
    var cluster = Cluster(seed: 1)
    for id in 0..<6 { try cluster.addBroker(Broker(id: id, rack: "R\(id * 2 / 6 + 1)")) }
    try cluster.createTopic(
        "t", partitions: 10, replicationFactor: 3, placement: .adminUtils(startIndex: 0),
        configs: ["min.insync.replicas": "2"])
    cluster.advance(by: .seconds(1))
    let before = cluster.eventCount
    var acknowledged = 0
    let (time, cpu) = try measure {
        for index in 0..<requests {
            let request = try cluster.produceAndWait(
                to: TopicPartition("t", index % 10), values: ["v\(index)"], acks: .all)
            if case .success = request.outcome { acknowledged += 1 }
        }
    }
    precondition(acknowledged == requests, "only \(acknowledged) of \(requests) requests were acknowledged")
    let events = Double(cluster.eventCount - before)
    return [
        "requests": Double(requests), "seconds": time, "events": events, "eventsPerSecond": events / time,
        "nanosecondsPerEvent": time * 1e9 / events, "cpuSeconds": cpu,
        "cpuNanosecondsPerEvent": cpu * 1e9 / events,
    ]
}

/// An idle cluster as a lesson builds it (`cluster brokers=6 racks=2`, a topic of 10 partitions with RF 3, settled
/// for 10 s), then the wall time of letting `duration` of simulated time pass with nothing happening.
func idle(duration: SimulatedDuration, repeats: Int) throws -> [String: Double] {
    var cluster = Cluster(seed: 1)
    for id in 0..<6 { try cluster.addBroker(Broker(id: id, rack: "R\(id * 2 / 6 + 1)")) }
    try cluster.createTopic("t", partitions: 10, replicationFactor: 3, placement: .adminUtils(startIndex: 0))
    cluster.advance(by: .seconds(10))
    var times: [Double] = []
    var events: Int64 = 0
    for _ in 0..<repeats {
        var copy = cluster
        let before = copy.eventCount
        times.append(seconds { copy.advance(by: duration) })
        events = copy.eventCount - before
    }
    let time = times.sorted()[times.count / 2]
    return [
        "simulatedSeconds": Double(duration.milliseconds) / 1000, "seconds": time, "events": Double(events),
        "nanosecondsPerEvent": time * 1e9 / Double(max(events, 1)),
    ]
}

func json(_ name: String, _ values: [String: Double]) -> String {
    let fields = values.keys.sorted().map { "\"\($0)\": \(values[$0]!)" }
    return "{\"benchmark\": \"\(name)\", " + fields.joined(separator: ", ") + "}"
}

let arguments = CommandLine.arguments.dropFirst()
let records = arguments.first.flatMap(Int.init) ?? 1_000_000
let names = Set(arguments.filter { Int($0) == nil })
if names.contains("events") {
    var events = ScenarioEvents()
    for block in ScenarioEvents.scenarioBlocks(of: readStandardInput()) { events.run(block) }
    print(events.report())
    exit(0)
}
func wanted(_ name: String) -> Bool { names.isEmpty || names.contains(name) }
if wanted("replication") { print(json("replication", try replicationThroughput(records: records, batch: 1_000))) }
if wanted("produce") { print(json("produce", try produceHeavy(requests: 20_000))) }
if wanted("idle") {
    print(json("idle-1h", try idle(duration: .hours(1), repeats: 5)))
    print(json("idle-600s", try idle(duration: .seconds(600), repeats: 5)))
}
if wanted("placement") { print(json("placement", try placement(partitions: 100_000, brokers: 1_000, created: 1_000))) }
