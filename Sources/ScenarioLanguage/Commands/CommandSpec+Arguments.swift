import Replication

/// One argument of a command, as the command table declares it: for tools that help write scenarios (completion in
/// the language server), so they offer exactly what the parser accepts.
public struct ArgumentSpec: Hashable, Sendable {
    /// The argument's name: a positional's placeholder (`broker`, `topic`) or a key (`partitions`).
    public var name: String
    /// Whether the command needs it.
    public var isRequired: Bool
    /// The literal values the command's synopsis lists for it (`acks=0|1|all` → 0, 1, all); empty when its values
    /// are open (a number, a name).
    public var choices: [String]
}

extension CommandSpec {
    /// The positional arguments, in order.
    public var positionalArguments: [ArgumentSpec] {
        let words = synopsisArgumentWords.filter { !$0.contains("=") && !$0.hasPrefix("--") }
        return positionals.enumerated().map { index, positional in
            ArgumentSpec(
                name: positional.name, isRequired: positional.required,
                choices: index < words.count ? Self.literalChoices(words[index]) : [])
        }
    }

    /// The `key=value` arguments (without the topic configs a command may also take).
    public var keyArguments: [ArgumentSpec] {
        let words = synopsisArgumentWords
        return keys.map { key in
            let word = words.first { $0.hasPrefix(key.name + "=") }
            return ArgumentSpec(
                name: key.name, isRequired: key.required,
                choices: word.map { Self.literalChoices(String($0.dropFirst(key.name.count + 1))) } ?? [])
        }
    }

    /// The `key=value` arguments the command takes after `arguments` (the whole words after the command), and
    /// whether it takes topic configs too: `config broker` takes the dynamic broker settings only (the read-only
    /// ones go on the `cluster` line), `config <topic>` the topic's configs.
    public func keyArguments(after arguments: [String]) -> (keys: [ArgumentSpec], topicConfigs: Bool) {
        guard name == "config", let target = arguments.first(where: { !$0.contains("=") && !$0.hasPrefix("--") })
        else { return (keyArguments, acceptsTopicConfigs) }
        let keys = keyArguments.filter {
            target == "broker" ? EngineConfig.dynamicKeys.contains($0.name) : !EngineConfig.keys.contains($0.name)
        }
        return (keys, target != "broker")
    }

    /// The `--flag` words the command accepts.
    public var flagArguments: [String] { flags }

    /// Whether the command also takes topic configs as keys (`min.insync.replicas=2`).
    public var takesTopicConfigs: Bool { acceptsTopicConfigs }

    /// The words of the synopsis after the command, without the brackets that mark optional ones.
    private var synopsisArgumentWords: [String] {
        synopsis.split(separator: " ").dropFirst().map { word in
            String(word.filter { $0 != "[" && $0 != "]" })
        }
        .filter { !$0.isEmpty && $0 != "…" }
    }

    /// `admin-utils|round-robin|striped` → the three; placeholders (`<offset>`, `<topic>`) are not literal values.
    private static func literalChoices(_ word: String) -> [String] {
        word.split(separator: "|").map(String.init).filter { !$0.contains("<") && !$0.isEmpty }
    }
}
