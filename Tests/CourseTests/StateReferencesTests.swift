import Course
import Diagnostics
import ReplicaLabTestSupport
import Testing

/// Prose references, questions and `continues=`: numbers in the text come from the verified state.
struct StateReferencesTests {
    private func verify(_ text: String) -> (VerifiedLesson?, [Diagnostic]) {
        CourseVerifier.verify(LessonFile(path: "Lessons/01-refs.md", bytes: Array(text.utf8)))
    }

    private let scenario = """
        # Refs

        ```scenario s
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        produce t count=4
        crash 0
        advance 10s
        ```

        """

    @Test func referencesAreFilledFromTheScenarioAboveOrANamedStep() throws {
        let text =
            scenario + "Leader {{leader t-0}}, HW {{hw t-0}}, ISR at step 2 {{s/step-2: isr t-0}}, `{{hw t-0}}`.\n"
        let (lesson, diagnostics) = verify(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let verified = try #require(lesson)
        #expect(values(of: verified) == ["1", "4", "0,1,2"])
        // A reference inside code is not a reference.
        #expect(verified.lesson.references.count == 3)
    }

    @Test func badReferencesAreLocatedErrors() {
        let text = scenario + "\n{{hw t-9}} {{foo t-0}} {{nope: hw t-0}} {{s/step-9: hw t-0}}\n"
        let (_, diagnostics) = verify(text)
        #expect(
            diagnostics.sorted().map(\.message) == [
                "in {{foo t-0}}: unknown query 'foo' (one of: leader, isr, elr, last-known-elr, replicas, hw, leo, epoch, lost, read, lag, committed, assignment, generation, partition, leads, follows, time)",
                "in {{hw t-9}}: unknown partition 't-9'",
                "in {{nope: hw t-0}}: no scenario named 'nope' in this lesson",
                "in {{s/step-9: hw t-0}}: 'step-9' is not a step of 's' (it has steps 1 to 5)",
            ])
        #expect(diagnostics.allSatisfy { $0.location.line == 11 }, "\(diagnostics.map(\.location))")
        #expect(diagnostics.exitCode == 2)
    }

    @Test func aReferenceBeforeAnyScenarioMustNameOne() {
        let (_, diagnostics) = verify("# R\n\nToo early: {{hw t-0}}.\n")
        #expect(diagnostics.first?.message.contains("no scenario comes before this") == true)
    }

    @Test func questionsTakeTheirAnswerFromTheVerifiedStep() throws {
        let text =
            scenario
            + "```question after=s/step-4\nWho leads right after the crash?\nanswer: leader t-0\n```\n\n```question\nAnd after fencing?\nanswer: leader t-0\n```\n"
        let (lesson, diagnostics) = verify(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let verified = try #require(lesson)
        let answers = verified.parts.compactMap { part -> String?? in
            if case .question(let question) = part { question.answer } else { nil }
        }
        #expect(answers == ["0", "1"])
        #expect(verified.lesson.questions.first?.prompt == ["Who leads right after the crash?"])
    }

    @Test func aQuestionsWhyAndPromptFillInTheirReferences() throws {
        let text =
            scenario
            + "```question after=s/step-4\nWho leads `t-0` right after the crash?\nanswer: leader t-0\n"
            + "why: the ISR was still {{s/step-4: isr t-0}} and the first of it leads\n```\n"
        let (lesson, diagnostics) = verify(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let question = try #require(
            lesson?.parts.compactMap { part -> VerifiedQuestion? in
                if case .question(let question) = part { question } else { nil }
            }.first)
        #expect(question.question.why == "the ISR was still {{s/step-4: isr t-0}} and the first of it leads")
        #expect(question.question.prompt == ["Who leads `t-0` right after the crash?"])
        #expect(question.prompt.pieces == [.html("Who leads <code>t-0</code> right after the crash?")])
        let why = try #require(question.why)
        #expect(why.pieces.count == 3)
        guard case .value(let isr, _) = why.pieces[1] else {
            Issue.record("the reference was not filled in: \(why.pieces)")
            return
        }
        #expect(isr == "0,1,2")
        #expect(why.text == "the ISR was still  and the first of it leads")
    }

    @Test func aBadReferenceInAWhyLineIsAnErrorAtTheLine() {
        let (_, diagnostics) = verify(scenario + "```question\nWhat now?\nanswer: leader t-0\nwhy: {{leader}}\n```\n")
        #expect(diagnostics.map(\.message) == ["in {{leader}}: 'leader' needs a partition like 'orders-0'"])
        #expect(diagnostics.first?.location == FileLocation(file: "Lessons/01-refs.md", line: 13, column: 6))
    }

    @Test func aQuestionWithoutAnAnswerOrWithABadOneIsAnError() {
        let (_, missing) = verify(scenario + "```question\nWhat now?\n```\n")
        #expect(missing.map(\.message).first?.hasPrefix("a question needs an 'answer: <query>' line") == true)
        let (_, bad) = verify(scenario + "```question\nWhat now?\nanswer: leader\n```\n")
        #expect(bad.map(\.message) == ["'leader' needs a partition like 'orders-0'"])
        #expect(bad.first?.location == FileLocation(file: "Lessons/01-refs.md", line: 12, column: 9))
    }

    @Test func aScenarioCanContinueAnEarlierOne() throws {
        let text =
            scenario
            + "```scenario after continues=s\nrestart 0\nadvance 3s\nexpect isr t-0 == 0,1,2\nexpect leader t-0 == 1\n```\n"
        let (lesson, diagnostics) = verify(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let continued = try #require(lesson?.scenarios.last)
        #expect(continued.transcript.steps.count == 4)
        #expect(continued.transcript.text.hasPrefix("$ restart 0\n"))
    }

    @Test func continuingAnUnknownOrLaterScenarioIsAnError() {
        let text = "# C\n\n```scenario a continues=b\ncluster brokers=1\n```\n\n```scenario b\ncluster brokers=1\n```\n"
        let (_, diagnostics) = verify(text)
        #expect(diagnostics.map(\.message) == ["'continues=b': no earlier scenario of this lesson is named 'b'"])
        let (_, unknownOption) = verify("# C\n\n```scenario a continue=b\ncluster brokers=1\n```\n")
        #expect(unknownOption.first?.notes.first?.message == "did you mean 'continues'?")
    }

    /// The values of the prose blocks of a verified lesson, in order.
    private func values(of lesson: VerifiedLesson) -> [String] {
        lesson.parts.flatMap { part -> [String] in
            guard case .prose(let prose) = part else { return [] }
            return prose.pieces.compactMap { if case .value(let value, _) = $0 { value } else { nil } }
        }
    }

    @Test func rawHTMLTablesHoldReferencesInTheirTextOnly() throws {
        let text =
            scenario
            + "<table>\n<tr><td title=\"{{hw t-0}}\">HW</td><td><code>Isr: {{s/step-4: isr t-0}}</code>, at {{time in s}}</td></tr>\n"
            + "<!-- {{leader t-0}} -->\n</table>\n"
        let (lesson, diagnostics) = verify(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let verified = try #require(lesson)
        #expect(values(of: verified) == ["0,1,2", "10\u{A0}s"])
        let html = verified.parts.compactMap { part -> String? in
            guard case .prose(let prose) = part else { return nil }
            return prose.pieces.map {
                switch $0 {
                case .html(let html): html
                case .value(let value, _): "[\(value)]"
                }
            }.joined()
        }.joined()
        // Braces in an attribute or a comment stay as written.
        #expect(html.contains("<td title=\"{{hw t-0}}\">HW</td><td><code>Isr: [0,1,2]</code>, at [10\u{A0}s]</td>"))
        #expect(html.contains("<!-- {{leader t-0}} -->"))
    }

    @Test func newQueriesResolveAndTheirMistakesAreLocated() throws {
        let shutdowns = """
            # Refs

            ```scenario down
            cluster brokers=3 kafka=4.1
            topic t partitions=1 replication-factor=3 min.insync.replicas=2
            shutdown 2
            shutdown 1
            shutdown 0
            ```

            ELR {{elr t-0}}, last known {{last-known-elr t-0}}, at {{down/step-4: time in ms}}.

            <table><tr><td>{{lag g t-0}}</td></tr></table>

            Then {{time in hours}}.

            """
        let (_, diagnostics) = verify(shutdowns)
        #expect(
            diagnostics.sorted().map(\.message) == [
                "in {{lag g t-0}}: unknown consumer group 'g'",
                "in {{time in hours}}: 'time' takes nothing, or 'in <unit>' with a unit of: ms, s, min",
            ])
        #expect(diagnostics.sorted().map(\.location.line) == [13, 15])
        #expect(diagnostics.exitCode == 2)
        let (good, problems) = verify(shutdowns.replacing(/\n<table>.*\n\nThen.*\n/, with: ""))
        #expect(problems.isEmpty, "\(problems)")
        #expect(try values(of: #require(good)) == ["0,1", "0", "0\u{A0}ms"])
    }

    @Test func aReferenceBrokenOverTwoLinesIsAnError() {
        let (_, diagnostics) = verify(scenario + "\nThe HW is {{s: hw\nt-0}} now.\n")
        #expect(
            diagnostics.map(\.message) == [
                "a '{{…}}' reference continues on the next line, so it is not filled in; keep it on one line"
            ])
        #expect(diagnostics.first?.location.line == 11)
    }

    @Test func anAssignmentReadsAsAListInProse() throws {
        let text = """
            # Refs

            ```scenario s
            cluster brokers=1
            topic t partitions=3 replication-factor=1
            join g member=c1 topics=t
            ```

            `c1` holds {{assignment g c1}} in generation {{generation g}}; a consumer reads {{read t-0}}.
            Broker 0 leads partitions {{leads 0 t}} and follows {{follows 0 t}}.

            """
        let (lesson, diagnostics) = verify(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(try values(of: #require(lesson)) == ["t-0, t-1, t-2", "1", "none", "0, 1, 2", "none"])
    }
}
