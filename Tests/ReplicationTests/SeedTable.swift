import ReplicaLabTestSupport

/// The tables of `Tests/Fixtures/kafka/seed-table.md`, parsed: §2 per partition, §3 per broker.
struct SeedTable {
    /// §2: replicas (leader first) per partition, for the slide and for Kafka.
    var slidePartitions: [[Int]] = []
    var kafkaPartitions: [[Int]] = []
    /// §3: per broker row label, the leader, first-follower and second-follower cells.
    var slideRows: [(label: String, cells: [[String]])] = []
    var kafkaRows: [(label: String, cells: [[String]])] = []

    /// The parsed file; throws, naming the file, when it is missing.
    static func load() throws -> SeedTable {
        let text = try Repository.text(KafkaReference.seedTablePath)
        var table = SeedTable()
        var section = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                section = String(line.dropFirst(3).prefix(2))
                continue
            }
            guard line.hasPrefix("| ") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map(clean)
            if section == "2.", cells.count == 3, cells[0].hasPrefix("P"), Int(cells[0].dropFirst()) != nil {
                table.slidePartitions.append(brokerIDs(cells[1]))
                table.kafkaPartitions.append(brokerIDs(cells[2]))
            }
            if section == "3.", cells.count == 7, cells[0].hasPrefix("R") {
                let labels = cells.map { cell in
                    cell.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                }
                table.slideRows.append((cells[0], [labels[1], labels[3], labels[5]]))
                table.kafkaRows.append((cells[0], [labels[2], labels[4], labels[6]]))
            }
        }
        return table
    }

    private static func clean(_ cell: Substring) -> String {
        cell.replacingAll("**", with: "").replacingAll("≠", with: "").trimmingSpaces()
    }

    /// `B0 / B4 / B2` → `[0, 4, 2]`.
    private static func brokerIDs(_ cell: String) -> [Int] {
        cell.split(separator: "/").compactMap { Int($0.trimmingSpaces().dropFirst()) }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        String(self).split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
