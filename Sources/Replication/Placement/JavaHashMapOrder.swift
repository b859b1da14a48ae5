/// The iteration order of a `java.util.HashMap` that only ever had keys inserted (never removed).
///
/// Kafka's `StripedReplicaPlacer.RackList` keeps its racks in a `HashMap<Optional<String>, Rack>` and draws random
/// numbers while iterating it, so the order is part of the algorithm's output.
///
/// Java: `HashMap.hash` spreads the key's `hashCode` as `h ^ (h >>> 16)`; the bucket is `hash & (capacity − 1)`;
/// the table starts at 16 buckets and doubles (`resize`) once `size > 0.75 · capacity`, or when a bucket's chain
/// reaches 9 nodes while the table is smaller than 64 (`treeifyBin` resizes instead of treeifying). `resize` splits
/// every chain into a low and a high chain keeping relative order, and `putVal` appends to a chain's tail, so
/// iteration is: by bucket index in the final table, then by insertion order. Tree bins (a chain of 9+ keys with a
/// table of 64+ buckets) are not modelled: they need 9 rack names colliding in one bucket.
public enum JavaHashMapOrder {
    /// Java: `String.hashCode` — `s[0]·31^(n−1) + … + s[n−1]` over UTF-16 code units, in wrapping 32-bit arithmetic.
    public static func stringHashCode(_ string: String) -> Int32 {
        var h: Int32 = 0
        for unit in string.utf16 { h = h &* 31 &+ Int32(unit) }
        return h
    }

    /// Java: `Optional.hashCode` of an `Optional<String>` — the string's hash, or 0 when empty (no rack).
    public static func rackHashCode(_ rack: String?) -> Int32 {
        rack.map(stringHashCode) ?? 0
    }

    /// Java: `HashMap.hash` — `h ^ (h >>> 16)`.
    public static func spread(_ hashCode: Int32) -> Int32 {
        let bits = UInt32(bitPattern: hashCode)
        return Int32(bitPattern: bits ^ (bits >> 16))
    }

    /// The indices of `hashCodes` (distinct keys, in insertion order) in the order a `HashMap` iterates them.
    public static func iterationOrder(hashCodes: [Int32]) -> [Int] {
        let capacity = finalCapacity(hashCodes: hashCodes)
        let buckets = hashCodes.map { Int(UInt32(bitPattern: spread($0)) & UInt32(capacity - 1)) }
        // A stable sort by bucket keeps insertion order inside a bucket.
        return hashCodes.indices.sorted { (buckets[$0], $0) < (buckets[$1], $1) }
    }

    /// The iteration order of rack keys (`Optional<String>`), given in insertion order.
    public static func iterationOrder(racks: [String?]) -> [String?] {
        iterationOrder(hashCodes: racks.map(rackHashCode)).map { racks[$0] }
    }

    /// Java: the table length after inserting these keys one by one (`putVal`, `treeifyBin`, `resize`).
    static func finalCapacity(hashCodes: [Int32]) -> Int {
        let treeifyThreshold = 8
        let minTreeifyCapacity = 64
        var capacity = 16
        var inserted: [Int32] = []
        func chainLength(of hash: Int32, capacity: Int) -> Int {
            let mask = UInt32(capacity - 1)
            let bucket = UInt32(bitPattern: spread(hash)) & mask
            return inserted.count { UInt32(bitPattern: spread($0)) & mask == bucket }
        }
        for hash in hashCodes {
            // putVal walks the chain; appending at binCount ≥ TREEIFY_THRESHOLD − 1 calls treeifyBin.
            let before = chainLength(of: hash, capacity: capacity)
            inserted.append(hash)
            if before >= treeifyThreshold && capacity < minTreeifyCapacity { capacity *= 2 }
            // ++size > threshold → resize (threshold = 0.75 · capacity).
            if inserted.count > capacity * 3 / 4 { capacity *= 2 }
        }
        return capacity
    }
}
