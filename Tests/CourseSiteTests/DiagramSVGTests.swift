import Replication
import ScenarioLanguage
import Testing

@testable import CourseSite

/// The picture's SVG as written into the page: numbers spelled as they always were, and what is kept from picture to
/// picture (boxes, unchanged logs) the same bytes as drawing it afresh.
struct DiagramSVGTests {
    /// The bytes `write` appends.
    static func written(_ write: (inout HTMLWriter) -> Void) -> String {
        var html = HTMLWriter()
        write(&html)
        return html.string
    }

    static let integers: [Int] = [
        0, 1, -1, 9, 10, -10, 11, 99, 100, 101, 999, 1000, 4096, 65_535, 1_000_000, -123_456_789,
        999_999_999_999_999_999, 1_000_000_000_000_000_000, -1_000_000_000_000_000_000, Int.max, Int.min,
        Int.max - 1, Int.min + 1,
    ]

    @Test(arguments: integers)
    func integersAreSpelledAsStringSpellsThem(value: Int) {
        #expect(Self.written { $0.integer(value) } == String(value))
        #expect(Self.written { $0.integer(Int64(value)) } == String(Int64(value)))
    }

    /// Every power of ten and its neighbours, both signs.
    @Test func powersOfTenAndTheirNeighbours() {
        var power = 1
        while true {
            for value in [power - 1, power, power + 1, -power + 1, -power, -power - 1] {
                #expect(Self.written { $0.integer(value) } == String(value))
            }
            let (next, overflow) = power.multipliedReportingOverflow(by: 10)
            if overflow { break }
            power = next
        }
    }

    /// A coordinate as `String`s spelled it before: tenths, rounded; a whole number without its decimal.
    static func spelled(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }

    static let coordinates: [Double] = [
        0, 0.04, 0.05, 0.5, 0.95, 0.96, 1, 1.25, 7.5, 12, 17, 36, 42, 96, 144, 150, 310, 387.5, 2.0 / 3, 144.0 / 36,
        144.0 / 72 - 1, 96.0 / 144, -0.04, -0.5, -1, -1.5, -7, -40, -1.96, 123_456.75, 1e9 + 0.35,
    ]

    @Test(arguments: coordinates)
    func coordinatesAreSpelledAsBefore(value: Double) {
        #expect(Self.written { $0.coordinate(value) } == Self.spelled(value))
    }

    /// The pictures of a seeded random scenario (`StepMemoryTests.script`), by step (`DiagramTests.pictures`).
    static func pictures(seed: Int) -> [(step: Int, diagram: Diagram)] {
        DiagramTests.pictures(StepMemoryTests.script(seed: UInt64(seed))).enumerated().compactMap { index, picture in
            picture.diagram.map { (index + 1, $0) }
        }
    }

    /// Each picture of seeded random scenarios (faults, elections, produce; with and without racks, one topic or
    /// two), written with what the page keeps (the last picture's boxes, the boxes and unchanged logs drawn before)
    /// and written again with nothing kept: the same bytes, and the same shared pieces defined.
    @Test(arguments: 0..<16)
    func keptBoxesAndLogsAreThoseDrawnAfresh(seed: Int) throws {
        var kept = DiagramDefs()
        var pictures = 0
        var reused = 0
        for (step, diagram) in Self.pictures(seed: seed) {
            var fresh = kept
            fresh.boxes = [:]
            fresh.lastBoxes = []
            fresh.bars = [:]
            fresh.lastBars = []
            let boxesBefore = kept.boxes.count
            let page = Self.written {
                DiagramSVG.write(diagram, title: "t", description: nil, defs: &kept, into: &$0)
            }
            let afresh = Self.written {
                DiagramSVG.write(diagram, title: "t", description: nil, defs: &fresh, into: &$0)
            }
            #expect(page == afresh, "step \(step)")
            #expect(HTMLFormatter.format(kept.node) == HTMLFormatter.format(fresh.node), "step \(step)")
            pictures += 1
            if kept.boxes.count == boxesBefore { reused += 1 }
        }
        // The scenarios draw pictures whose boxes were all drawn before.
        #expect(pictures > 10 && reused > 0)
    }

    /// Every highlight cleared, one by one.
    static func cleared(_ diagram: Diagram) -> Diagram {
        var diagram = diagram
        for column in diagram.columns.indices {
            for broker in diagram.columns[column].brokers.indices {
                diagram.columns[column].brokers[broker].isChanged = false
                for replica in diagram.columns[column].brokers[broker].replicas.indices {
                    diagram.columns[column].brokers[broker].replicas[replica].isChanged = false
                }
            }
        }
        for log in diagram.logs.indices {
            diagram.logs[log].newlyLost = []
            for bar in diagram.logs[log].bars.indices {
                diagram.logs[log].bars[bar].previousLogEndOffset = nil
                diagram.logs[log].bars[bar].previousHighWatermark = nil
                diagram.logs[log].bars[bar].truncated = nil
            }
        }
        return diagram
    }

    /// A picture's state (what two steps compare to share a picture) and the boxes kept for the next step are the
    /// picture with every highlight cleared, over seeded random scenarios with faults and elections.
    @Test(arguments: 0..<12)
    func theStateIsThePictureWithoutItsHighlights(seed: Int) {
        var highlighted = 0
        for (step, diagram) in Self.pictures(seed: seed) {
            #expect(diagram.state == Self.cleared(diagram), "step \(step)")
            #expect(Diagram.unhighlighted(diagram.columns) == Self.cleared(diagram).columns, "step \(step)")
            highlighted += diagram.highlightsBoxes ? 1 : 0
        }
        #expect(highlighted > 0)
    }

    /// Text from a scenario stays text in the picture: a rack's name with markup is escaped.
    @Test func aRackNameIsEscaped() {
        let box = Diagram.BrokerBox(
            id: 0, state: .up, isFenced: false,
            replicas: [.init(label: "P<0>", isLeader: true, marks: [], isChanged: false)], moreReplicas: 0,
            isChanged: false)
        let diagram = Diagram(columns: [.init(rack: "r\"&<b>", brokers: [box])], logs: [], moreLogs: 0)
        var defs = DiagramDefs()
        let page = Self.written {
            DiagramSVG.write(diagram, title: "a <b>", description: "x & y", defs: &defs, into: &$0)
        }
        #expect(page.contains("<text class=\"rk\" x=\"2\" y=\"11\">Rack r\"&amp;&lt;b&gt;</text>"))
        #expect(page.contains("<title>a &lt;b&gt;</title><desc>x &amp; y</desc>"))
        #expect(!page.contains("<b>"))
        #expect(HTMLFormatter.format(defs.node).contains(">P&lt;0&gt;</tspan>"))
    }
}
