window.REPLICALAB_TOC=[
{"t":"Partitions, leaders and followers","u":"01-partitions-and-replicas.html","v":1},
{"t":"Producers write to leaders","u":"02-producers-write-to-leaders.html","v":1},
{"t":"In-sync replicas","u":"03-in-sync-replicas.html","v":1},
{"t":"Committed versus uncommitted","u":"04-committed-and-uncommitted.html","v":1},
{"t":"Minimum in-sync replicas","u":"05-minimum-in-sync-replicas.html","v":1},
{"t":"Leader election and data loss","u":"06-leader-election-and-data-loss.html","v":1},
{"t":"The producer","u":"07-the-producer.html","v":1},
{"t":"The consumer","u":"08-the-consumer.html","v":1},
{"t":"Glossary","u":"99-glossary.html","v":1}
];
