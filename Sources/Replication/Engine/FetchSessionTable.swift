/// The outstanding follower fetches, by ascending session id.
///
/// A dictionary by id hashed the id on every lookup, and its scans (is there a fetch from this follower to that
/// leader? which parked fetches read this partition?) copied every session, retaining and releasing its arrays. Ids
/// are handed out in ascending order, so a new session is almost always appended; the table has a few sessions per
/// broker, so a lookup is a binary search and a scan reads the fields it compares where they are stored.
///
/// Two tables are equal when they hold the same sessions, as two dictionaries were: the order is the ids'.
struct FetchSessionTable: Hashable, Sendable {
    /// The sessions, by ascending id (each id once).
    private(set) var values: [FetchSession] = []

    /// Creates an empty table.
    init() {}

    /// How many fetches are outstanding.
    var count: Int { values.count }

    /// The session with this id, if it is outstanding; setting nil removes it.
    subscript(id: FetchSessionID) -> FetchSession? {
        get {
            let position = insertionPosition(of: id)
            guard position < values.count, values[position].id == id else { return nil }
            return values[position]
        }
        set {
            let position = insertionPosition(of: id)
            let isPresent = position < values.count && values[position].id == id
            switch (newValue, isPresent) {
            case (let session?, true): values[position] = session
            case (let session?, false) where position == values.count: values.append(session)
            case (let session?, false): values.insert(session, at: position)
            case (nil, true): values.remove(at: position)
            case (nil, false): break
            }
        }
    }

    /// Removes the session with this id and returns it (moved out: its arrays are not retained a second time).
    mutating func remove(_ id: FetchSessionID) -> FetchSession? {
        let position = insertionPosition(of: id)
        guard position < values.count, values[position].id == id else { return nil }
        return values.remove(at: position)
    }

    /// Moves the session with this id out of the table, leaving in its place a stand-in with the same id, follower,
    /// leader and stage (a response's list left out) but no list of partitions read: the caller changes the session
    /// without copying its arrays and puts it back with the subscript before anything else reads it as a whole.
    /// `contains` answers for the stand-in as for the session.
    mutating func take(_ id: FetchSessionID) -> FetchSession? {
        let position = insertionPosition(of: id)
        guard position < values.count, values[position].id == id else { return nil }
        let stage: FetchSession.Stage
        switch values[position].stage {
        case .request: stage = .request
        case .parked(let deadline): stage = .parked(deadline: deadline)
        case .response: stage = .response([])
        }
        var session = FetchSession(
            id: id, follower: values[position].follower, leader: values[position].leader, stage: stage)
        swap(&session, &values[position])
        return session
    }

    /// Whether `follower` has a fetch outstanding with `leader`.
    func contains(follower: BrokerID, leader: BrokerID) -> Bool {
        values.withUnsafeBufferPointer { sessions in
            for index in sessions.indices {
                if sessions[index].follower == follower, sessions[index].leader == leader { return true }
            }
            return false
        }
    }

    /// The leaders with an id below 64 that `follower` has a fetch outstanding with, as bits (bit `n` for leader `n`):
    /// one scan of the table answers `contains` for every leader a follower fetches from.
    func leaderBits(of follower: BrokerID) -> UInt64 {
        values.withUnsafeBufferPointer { sessions in
            var bits: UInt64 = 0
            for index in sessions.indices where sessions[index].follower == follower {
                let leader = sessions[index].leader
                if leader >= 0 && leader < 64 { bits |= 1 << UInt64(leader) }
            }
            return bits
        }
    }

    /// The least id after `after` (of all, when nil) of a fetch parked at `leader` that reads `partition`: the
    /// parked fetches an append wakes are found one at a time, without a list of their ids (an allocation per append).
    func firstParkedID(
        at leader: BrokerID, reading partition: TopicPartition, after: FetchSessionID?
    ) -> FetchSessionID? {
        let start = after.map { position(after: $0) } ?? 0
        return values.withUnsafeBufferPointer { sessions in
            for index in start..<sessions.count where sessions[index].leader == leader && sessions[index].isParked {
                if sessions[index].fetched.contains(where: { $0.partition == partition }) { return sessions[index].id }
            }
            return nil
        }
    }

    /// Removes the sessions that `shouldRemove` selects.
    mutating func removeAll(where shouldRemove: (FetchSession) -> Bool) {
        values.removeAll(where: shouldRemove)
    }

    /// The position of the first session whose id is greater than `id`.
    private func position(after id: FetchSessionID) -> Int {
        let position = insertionPosition(of: id)
        return position < values.count && values[position].id == id ? position + 1 : position
    }

    /// The position of `id` in `values`, or where it would be inserted: the end for a new id, the common case.
    private func insertionPosition(of id: FetchSessionID) -> Int {
        values.withUnsafeBufferPointer { sessions in
            guard let last = sessions.last, id <= last.id else { return sessions.count }
            var low = 0
            var high = sessions.count
            while low < high {
                let middle = (low + high) / 2
                if sessions[middle].id < id { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }
}
