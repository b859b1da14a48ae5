import Diagnostics
import Replication

extension ExpectationParser {
    /// `expect partition|assignment|read|lag|committed …`.
    static func parseClient(
        kind: Token, subject: [Token], value: [Token], hasSeparator: Bool, locate: (Int) -> SourceLocation
    ) -> (Expectation?, [Diagnostic]) {
        let synopsis = ExpectationTable.kinds.first { $0.name == kind.text }?.synopsis ?? kind.text
        func fail(_ message: String, at token: Token? = nil) -> (Expectation?, [Diagnostic]) {
            (nil, [.error(message, at: locate((token ?? kind).column), notes: [.init("usage: \(synopsis)")])])
        }
        guard hasSeparator, !value.isEmpty else {
            return fail("expected '== <value>' after 'expect \(kind.text) …'", at: subject.last)
        }
        let valueText = value.map { $0.text }.joined()
        let valueLocation = locate(value[0].column)
        func expectation(_ claim: Expectation.Claim) -> (Expectation?, [Diagnostic]) {
            (Expectation(claim: claim, valueLocation: valueLocation), [])
        }
        func offset() -> Int64?? {
            if valueText == "none" || valueText == "-" { return .some(nil) }
            return Int64(valueText).map { .some($0) }
        }
        switch kind.text {
        case "partition":
            guard subject.count == 2, subject[1].key == "key", let key = subject[1].value else {
                return fail("expected '<topic> key=<k>' after 'expect partition'", at: subject.first)
            }
            guard let partition = Int32(valueText).map(Int.init) else {
                return fail("expected a partition number, not '\(valueText)'", at: value[0])
            }
            return expectation(.partition(topic: subject[0].text, key: key, partition))
        case "assignment":
            guard subject.count == 2 else { return fail("expected '<group> <member>'", at: subject.first) }
            if valueText == "none" || valueText == "-" {
                return expectation(.assignment(group: subject[0].text, member: subject[1].text, []))
            }
            let parts = valueText.split(separator: ",").map { TopicPartition(parsing: String($0)) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
                return fail("expected partitions like orders-0,orders-1 or none, not '\(valueText)'", at: value[0])
            }
            return expectation(.assignment(group: subject[0].text, member: subject[1].text, Set(parts.map { $0! })))
        case "read":
            guard subject.count == 1, let tp = TopicPartition(parsing: subject[0].text) else {
                return fail("expected a partition like 'orders-0' after 'expect read'", at: subject.first)
            }
            let values =
                valueText == "none"
                ? [] : valueText.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return expectation(.read(tp, values))
        default:
            guard subject.count == 2, let tp = TopicPartition(parsing: subject[1].text) else {
                return fail("expected '<group> <topic>-<p>' after 'expect \(kind.text)'", at: subject.first)
            }
            guard let number = offset() else { return fail("expected a number or -, not '\(valueText)'", at: value[0]) }
            return expectation(
                kind.text == "lag"
                    ? .lag(group: subject[0].text, tp, number) : .committed(group: subject[0].text, tp, number))
        }
    }
}
