/// Small inputs that several test targets share: the README's first example, as a script and as a lesson.
public enum Samples {
    /// The slide's cluster (6 brokers in 2 racks), a topic with Kafka's placement, and one true claim about it.
    public static let placementScript = """
        cluster brokers=6 racks=2
        topic t partitions=10 replication-factor=3 placement=admin-utils
        expect replicas t-6 == 0,4,2

        """

    /// What `placementScript` prints: every command but the `expect` line, with its output.
    public static let placementTranscript = """
        $ cluster brokers=6 racks=2
        6 brokers: R1 = 0,1,2; R2 = 3,4,5
        $ topic t partitions=10 replication-factor=3 placement=admin-utils
        Created topic t.

        """

    /// Every replica of a partition goes down, one after the other, each fenced before the next (min ISR 1, no
    /// final newline): on Kafka 4.0 the ISR keeps the last one, on 4.1 (eligible leader replicas) it ends empty.
    public static let lastReplicaDownScript = """
        cluster brokers=3
        topic t partitions=1 replication-factor=3 min.insync.replicas=1
        crash 2
        advance 9s
        crash 1
        advance 9s
        crash 0
        advance 9s
        """

    /// A lesson that verifies: a title, prose, the placement scenario (`slide`, two expectations) and its output
    /// block. Tests point into it: line 7 is the `topic` line, line 8 `expect replicas t-6 == 0,4,2` (the value at
    /// column 24), line 16 the output's `Created topic t.`.
    public static let goodLesson = """
        # Intro

        Some prose.

        ```scenario slide
        \(placementScript)expect leader t-0 == 0
        ```

        ```output
        \(placementTranscript)```

        """
}
