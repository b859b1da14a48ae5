import Diagnostics
import Replication

/// Captured values: `let <name> = <query>` stores a value of the cluster's state, and later lines use it as `$name`,
/// so a lesson never hard-codes a number the engine decides.
///
/// ```
/// let before = hw orders-0
/// produce orders count=3
/// expect hw orders-0 == $before   # fails: the HW moved
/// ```
public enum Variables {
    /// Whether a token mentions `$name`.
    static func references(in text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "$")) else { return false }  // most tokens: no Character is formed
        var previous: Character?
        for character in text {
            if previous == "$", character.isLetter || character == "_" { return true }
            previous = character
        }
        return false
    }

    /// Parses `let <name> = <query>`.
    static func parseLet(_ line: Lexer.Line, lineIndex: Int, locate: @escaping (Int) -> SourceLocation) -> (
        Statement?, [Diagnostic]
    ) {
        let tokens = line.tokens
        let location = locate(tokens[0].column)
        let usage = [Diagnostic.Note("usage: let <name> = <query>, e.g. let before = hw orders-0")]
        guard tokens.count >= 4, tokens[2].text == "=" else {
            return (nil, [.error("expected 'let <name> = <query>'", at: location, notes: usage)])
        }
        let name = tokens[1].text
        guard let first = name.first, first.isLetter || first == "_",
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
        else {
            return (nil, [.error("'\(name)' is not a name: use letters, digits and _", at: locate(tokens[1].column))])
        }
        let queryText = tokens.dropFirst(3).map { $0.text }.joined(separator: " ")
        switch StateQuery.parse(queryText) {
        case .failure(let error):
            return (nil, [.error(error.message, at: locate(tokens[3].column), notes: usage)])
        case .success(let query):
            return (
                Statement(
                    command: .letValue(name: name, query: query), text: line.text, location: location,
                    lineIndex: lineIndex, argumentLocations: ["#0": locate(tokens[3].column)]),
                []
            )
        }
    }

    /// Replaces every `$name` of `line` by its value; the unknown names, with their 1-based columns.
    static func substitute(_ line: String, values: [String: String]) -> (text: String, unknown: [(String, Int)]) {
        var out = ""
        var unknown: [(String, Int)] = []
        let characters = Array(line)
        var index = 0
        var column = 1
        while index < characters.count {
            let character = characters[index]
            if character == "$", index + 1 < characters.count,
                characters[index + 1].isLetter || characters[index + 1] == "_"
            {
                var end = index + 1
                while end < characters.count,
                    characters[end].isLetter || characters[end].isNumber || characters[end] == "_"
                {
                    end += 1
                }
                let name = String(characters[(index + 1)..<end])
                if let value = values[name] {
                    out += value
                } else {
                    unknown.append((name, column))
                    out += String(characters[index..<end])
                }
                column += String(characters[index..<end]).utf8.count
                index = end
                continue
            }
            out.append(character)
            column += String(character).utf8.count
            index += 1
        }
        return (out, unknown)
    }
}
