#!/usr/bin/env python3
"""Writes a synthetic ReplicaLab course: N lessons x M scenarios x S steps, with realistic prose.

Usage: generate.py OUT_DIR --lessons N [--scenarios M] [--steps S] [--records R]

The lessons are written without `output` blocks; run `replicalab check --update OUT_DIR` afterwards to add the
engine's transcripts (the harness does), so the corpus verifies exactly as a hand-written course would.
Everything is derived from the lesson number: the same arguments always give the same bytes.
"""
import argparse
import os
import random

TOPICS = ["orders", "payments", "clicks", "invoices", "audit", "metrics", "ledger", "events"]
WORDS = [
    "replica", "leader", "follower", "partition", "broker", "rack", "high watermark", "log end offset",
    "in-sync replica set", "controller", "leader epoch", "fetch request", "produce request", "acknowledgement",
    "session timeout", "truncation", "election", "assignment", "offset", "record batch",
]
SENTENCES = [
    "A **{w}** is what the {v} keeps track of when a broker falls behind.",
    "When the {w} changes, every follower notices it on its next `fetch`, at most 500 ms later.",
    "Kafka never moves the {w} backwards on a leader; the engine checks that after every event.",
    "The `{c}` command shows the {w} exactly as `kafka-topics.sh --describe` would print it.",
    "With `acks=all` the producer waits until the {w} covers its records, so a crash cannot lose them.",
    "A broker that stops heartbeating is fenced by the controller after `broker.session.timeout.ms`.",
    "Read the table row by row: each broker leads some partitions and follows others, and the {w} tells which.",
    "If the {w} shrinks below `min.insync.replicas`, producers with `acks=all` get `NOT_ENOUGH_REPLICAS`.",
    "The simulation is deterministic, so the same scenario always prints the same {w} at the same time.",
    "Compare this with the previous step: only the {w} of one partition moved, and the {v} explains why.",
]
HEADINGS = [
    "Why the {w} matters", "Watching the {w}", "What happens to the {w} on a crash", "The {w} after a restart",
    "A stalled follower and the {w}", "Summary",
]


RACK_ALTERNATED = [0, 3, 1, 4, 2, 5]


def paragraph(rng, sentences=4):
    out = []
    for _ in range(sentences):
        out.append(rng.choice(SENTENCES).format(w=rng.choice(WORDS), v=rng.choice(WORDS), c=rng.choice(
            ["describe", "brokers", "replicas"])))
    return " ".join(out)


def wrap(text, width=110):
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "\n".join(lines)


def scenario_lines(rng, topic, steps, records):
    """A scenario of `steps` statements: a 6-broker, 2-rack cluster, one RF 3 topic with min ISR 2, then rounds of
    acks=all produces, crashes and restarts, stalls (ISR shrink and expand) and the describe/brokers/replicas views.
    `records` > 0 replaces the rounds with one produce of that many records (cost growth in records)."""
    partitions = 6
    head = [
        "cluster brokers=6 racks=2",
        f"topic {topic} partitions={partitions} replication-factor=3 min.insync.replicas=2",
    ]
    if records:
        return head + [
            f"produce {topic} partition=0 count={records} acks=all",
            "expect ok",
            f"expect hw {topic}-0 == {records}",
            f"replicas {topic}-0",
            "expect invariants ok",
        ]
    body = []
    produced = [0] * partitions
    round_ = 0
    while len(head) + len(body) < steps:
        p = (round_ + rng.randrange(partitions)) % partitions
        crashed = (round_ * 5 + 1) % 6
        stalled = (crashed + 2) % 6
        # AdminUtils places partition q (< 6) on positions q, q+1, q+2 of the rack-alternated list 0,3,1,4,2,5:
        # the stalled broker follows the partition one position before it, whose ISR then shrinks and expands.
        follows = (RACK_ALTERNATED.index(stalled) - 1) % partitions
        count = 1 + rng.randrange(5)
        produced[p] += count
        after = 1 + rng.randrange(3)
        body += [
            f"produce {topic} partition={p} count={count} acks=all",
            "expect ok",
            f"expect hw {topic}-{p} == {produced[p]}",
            f"crash {crashed}",
            "advance 10s",
            f"describe {topic} --under-replicated-partitions",
            f"produce {topic} partition={p} count={after} acks=all",
            "expect ok",
            f"restart {crashed}",
            "advance 2s",
            f"stall {stalled}",
            f"produce {topic} partition={follows} count=2 acks=1",
            "advance 45s",
            f"replicas {topic}-{p}",
            f"resume {stalled}",
            "advance 2s",
            "expect invariants ok",
            f"expect lost {topic}-{p} == none",
            f"brokers {topic}",
            f"describe {topic}",
        ]
        produced[p] += after
        produced[follows] += 2
        round_ += 1
    return head + body[: max(0, steps - len(head))]


def lesson(number, width, scenarios, steps, records, total):
    rng = random.Random(number)
    slug = f"replication-topic-{number}"
    title = f"Replication, part {number}: {rng.choice(WORDS)}s under failure"
    out = [
        "---",
        f"summary: How the {rng.choice(WORDS)} behaves when brokers crash, stall and come back (synthetic lesson {number}).",
        "---",
        f"# {title}",
        "",
        wrap(paragraph(rng, 5)),
        "",
    ]
    if number > 1:
        prev = f"{number - 1:0{width}d}-replication-topic-{number - 1}.md"
        out += [f"This lesson builds on [the previous one]({prev}); read it first.", ""]
    for index in range(scenarios):
        out += [f"## {rng.choice(HEADINGS).format(w=rng.choice(WORDS))} ({index + 1})", "", wrap(paragraph(rng)), ""]
        topic = rng.choice(TOPICS)
        out += [f"```scenario s{index + 1}"] + scenario_lines(rng, topic, steps, records) + ["```", ""]
        out += [wrap(paragraph(rng, 3)), ""]
    return slug, "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--lessons", type=int, required=True)
    parser.add_argument("--scenarios", type=int, default=3)
    parser.add_argument("--steps", type=int, default=24)
    parser.add_argument("--records", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    width = 2  # the page name is the number with at least two digits, so links use that form too
    for number in range(1, args.lessons + 1):
        slug, text = lesson(number, width, args.scenarios, args.steps, args.records, args.lessons)
        with open(os.path.join(args.out, f"{number:0{width}d}-{slug}.md"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
