/// Reads a generator's choices from the fuzzer's bytes; zeros once they run out. Shared by the targets that turn
/// bytes into inputs (`runner`, `pipeline`).
struct ByteReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func next() -> Int {
        defer { index += 1 }
        return index < bytes.count ? Int(bytes[index]) : 0
    }

    mutating func pick<T>(_ choices: [T]) -> T { choices[next() % choices.count] }
}
