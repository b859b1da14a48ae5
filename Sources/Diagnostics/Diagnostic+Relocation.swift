extension Diagnostic {
    /// The diagnostic with its location and every note's location moved by `move`.
    ///
    /// Used to place a diagnostic computed against one source map (a scenario run once, wherever its block was)
    /// at the positions of another (where the block is now).
    public func relocated(_ move: (SourceLocation) -> SourceLocation) -> Diagnostic {
        var moved = self
        moved.location = move(location)
        moved.notes = notes.map { note in
            var note = note
            note.location = note.location.map(move)
            return note
        }
        return moved
    }
}

extension SourceMap {
    /// The map with every line start moved by `move` (a line's column 1 is where `move` puts it).
    public func relocated(_ move: (SourceLocation) -> SourceLocation) -> SourceMap {
        var lines: [Int] = []
        var offsets: [Int] = []
        var file = self.file
        for index in self.lines.indices {
            let start = move(location(line: index, column: 1))
            file = start.file
            lines.append(start.line)
            offsets.append(start.column - 1)
        }
        return SourceMap(file: file, lines: lines, columnOffsets: offsets)
    }
}
