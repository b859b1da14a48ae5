import Diagnostics
import Replication

/// Parses the words after `expect`: `<kind> <subject…> == <value…>`.
enum ExpectationParser {
    static func parse(
        _ tokens: [Token], line expectToken: Token, locate: (Int) -> SourceLocation
    ) -> (Expectation?, [Diagnostic]) {
        guard let kind = tokens.first else {
            return (
                nil,
                [
                    .error(
                        "'expect' needs a claim", at: locate(expectToken.column),
                        notes: [.init("one of: \(ExpectationTable.names.joined(separator: ", "))")])
                ]
            )
        }
        let rest = Array(tokens.dropFirst())
        let separator = rest.firstIndex { $0.text == "==" }
        let subject = separator.map { Array(rest[..<$0]) } ?? rest
        let value = separator.map { Array(rest[($0 + 1)...]) } ?? []
        let valueLocation = locate(value.first?.column ?? kind.column)
        func fail(_ message: String, at token: Token? = nil, notes: [Diagnostic.Note] = []) -> (
            Expectation?, [Diagnostic]
        ) {
            (nil, [.error(message, at: locate((token ?? kind).column), notes: notes)])
        }
        func usage(_ name: String) -> [Diagnostic.Note] {
            ExpectationTable.kinds.first { $0.name == name }.map { [.init("usage: \($0.synopsis)")] } ?? []
        }
        func partition() -> TopicPartition? {
            guard subject.count == 1 else { return nil }
            return TopicPartition(parsing: subject[0].text)
        }
        let valueText = value.map { $0.text }.joined()
        switch kind.text {
        case "leader", "replicas", "isr":
            guard let tp = partition() else {
                return fail(
                    "expected a partition like 'orders-0' after 'expect \(kind.text)'", at: subject.first,
                    notes: usage(kind.text))
            }
            guard separator != nil, !value.isEmpty else {
                return fail("expected '== <value>' after '\(tp)'", at: subject.last, notes: usage(kind.text))
            }
            if kind.text == "leader" {
                if valueText == "none" {
                    return (Expectation(claim: .leader(tp, nil), valueLocation: valueLocation), [])
                }
                // Broker ids are Kafka ints (32 bits), whatever `Int` is.
                guard let id = Int32(valueText).map(Int.init) else {
                    return fail("a leader is a broker id or 'none', not '\(valueText)'", at: value.first)
                }
                return (Expectation(claim: .leader(tp, id), valueLocation: valueLocation), [])
            }
            guard let ids = brokerList(valueText) else {
                return fail("expected broker ids separated by commas, not '\(valueText)'", at: value.first)
            }
            if kind.text == "replicas" {
                return (Expectation(claim: .replicas(tp, ids), valueLocation: valueLocation), [])
            }
            return (Expectation(claim: .isr(tp, Set(ids)), valueLocation: valueLocation), [])
        case "error":
            guard subject.count == 1, separator == nil else {
                return fail(
                    "expected one Kafka error name after 'expect error'", at: subject.dropFirst().first,
                    notes: usage("error"))
            }
            let name = subject[0].text
            guard name.allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }) || name.hasSuffix("Exception") else {
                return fail(
                    "'\(name)' is not a Kafka error name (they look like NOT_ENOUGH_REPLICAS)", at: subject[0])
            }
            return (Expectation(claim: .error(name), valueLocation: locate(subject[0].column)), [])
        case "hw", "epoch", "lost", "leo":
            var broker: BrokerID?
            var partitionTokens = subject
            if kind.text == "leo" || kind.text == "hw", subject.count == 3, subject[1].text == "on" {
                guard let id = Int(subject[2].text) else {
                    return fail("expected a broker id after 'on'", at: subject[2], notes: usage(kind.text))
                }
                broker = id
                partitionTokens = [subject[0]]
            }
            guard partitionTokens.count == 1, let tp = TopicPartition(parsing: partitionTokens[0].text) else {
                return fail(
                    "expected a partition like 'orders-0' after 'expect \(kind.text)'", at: subject.first,
                    notes: usage(kind.text))
            }
            guard separator != nil, !value.isEmpty else {
                return fail("expected '== <value>' after '\(tp)'", at: subject.last, notes: usage(kind.text))
            }
            if kind.text == "lost" {
                guard let offsets = offsetList(valueText) else {
                    return fail("expected offsets like 10, 0..4,7 or none, not '\(valueText)'", at: value.first)
                }
                return (Expectation(claim: .lost(tp, offsets), valueLocation: valueLocation), [])
            }
            guard let number = Int64(valueText) else {
                return fail("expected a number, not '\(valueText)'", at: value.first)
            }
            let claim: Expectation.Claim
            switch kind.text {
            case "hw": claim = .highWatermark(tp, broker, number)
            case "epoch": claim = .epoch(tp, number)
            default: claim = .logEndOffset(tp, broker, number)
            }
            return (Expectation(claim: claim, valueLocation: valueLocation), [])
        case "invariants":
            guard rest.count == 1, rest[0].text == "ok" else {
                return fail("expected 'expect invariants ok'", at: rest.first, notes: usage("invariants"))
            }
            return (Expectation(claim: .invariantsOK, valueLocation: locate(rest[0].column)), [])
        case "partition", "assignment", "read", "lag", "committed":
            return parseClient(
                kind: kind, subject: subject, value: value, hasSeparator: separator != nil, locate: locate)
        case "ok":
            guard rest.isEmpty else { return fail("'expect ok' takes no arguments", at: rest[0]) }
            return (Expectation(claim: .ok, valueLocation: locate(kind.column)), [])
        default:
            let notes = Suggestion.note(for: kind.text, in: ExpectationTable.names).map { [Diagnostic.Note($0)] } ?? []
            return fail("unknown expectation '\(kind.text)'", notes: notes)
        }
    }

    /// `10`, `90..99`, `0..4,7` or `none`, as sorted offsets.
    static func offsetList(_ text: String) -> [Int64]? {
        if text == "none" || text == "-" { return [] }
        var offsets: [Int64] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            if let (lowText, highText) = splitAtFirstDots(part) {
                guard let low = Int64(lowText), let high = Int64(highText), low <= high, high - low < 1_000_000
                else { return nil }
                offsets += Array(low...high)
            } else {
                guard let offset = Int64(part) else { return nil }
                offsets.append(offset)
            }
        }
        return Array(Set(offsets)).sorted()
    }

    /// `3..5` → (`3`, `5`): the text before and after the first `..`, or nil without one.
    private static func splitAtFirstDots(_ text: Substring) -> (Substring, Substring)? {
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == ".", next < text.endIndex, text[next] == "." {
                return (text[..<index], text[text.index(after: next)...])
            }
            index = next
        }
        return nil
    }

    /// `0,4,2` (spaces after commas allowed because value tokens are joined), or `none` for an empty list.
    static func brokerList(_ text: String) -> [BrokerID]? {
        if text == "none" || text == "-" { return [] }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let ids = parts.compactMap { Int32($0).map(Int.init) }
        return ids.count == parts.count ? ids : nil
    }
}
