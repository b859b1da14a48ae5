#!/usr/bin/env bash
# Refreshes the repository's copies of Kafka's reference material (test vectors, the seed table, the classic
# scenarios, the algorithms) from ../shared/kafka/, which sits beside the repository on the project's own machines
# and in CI but never on a user's. The copies are listed in Tests/Fixtures/kafka/copies.txt; the tests read only
# them. Review the diff (`git diff`, then `swift test --disable-xctest`) before committing.
#
#   scripts/sync-kafka-reference.sh [FOLDER]     FOLDER defaults to ../shared/kafka
set -euo pipefail
cd "$(dirname "$0")/.."

source_folder="${1:-../shared/kafka}"
if [ ! -d "$source_folder" ]; then
  echo "sync-kafka-reference: $source_folder does not exist; there is nothing to refresh from" >&2
  exit 1
fi

changed=0
while read -r name copy; do
  case "$name" in '' | '#'*) continue ;; esac
  if [ ! -f "$source_folder/$name" ]; then
    echo "sync-kafka-reference: $source_folder/$name is missing (listed in Tests/Fixtures/kafka/copies.txt)" >&2
    exit 1
  fi
  if ! cmp -s "$source_folder/$name" "$copy"; then
    mkdir -p "$(dirname "$copy")"
    install -m 644 "$source_folder/$name" "$copy"
    echo "updated $copy"
    changed=1
  fi
done < Tests/Fixtures/kafka/copies.txt

if [ "$changed" = 0 ]; then
  echo "every copy matches $source_folder"
fi
