window.REPLICALAB_SEARCH={"synonyms":[
["hw","high watermark","high-watermark","highwatermark"],
["leo","log end offset","log-end-offset","logendoffset"],
["isr","in-sync replicas","in sync replicas","in-sync replica","insync replicas"],
["min isr","min.insync.replicas","minimum in-sync replicas","min insync replicas","min-isr"],
["urp","under-replicated","under replicated","underreplicated","underreplicatedpartitions","under-replicated partitions"],
["elr","eligible leader replicas","eligible leader replica"],
["leader epoch","leaderepoch","leader-epoch"],
["idempotent producer","idempotence","enable.idempotence"],
["unclean election","unclean leader election","unclean.leader.election.enable"],
["rf","replication factor","replication-factor","replication.factor"],
["lso","last stable offset"]],
"pages":[
{"t":"Placement & racks","u":"01-placement.html","m":"Where the replicas of a topic go, as on the slides & in Kafka.","s":[
["Placement & racks","","Six brokers in two racks. The words in this table are searchable: Word quetzalcoatl The leader of t-0 is broker ; its replicas are . In code, {{hw t-0}} stays as written. Which broker leads t-1?",""],
["Summary","summary","Placement is deterministic.",""],
["Summary","summary-2","A second heading with the same text gets its own anchor.",""]]},
{"t":"Failures","u":"02-failures.html","m":"","s":[
["Failures","","A follower that stops fetching leaves the ISR; then every replica fails, and an unclean election loses data.",""],
["Practice","practice","Get broker 2 out of the ISR of orders-0 — see the placement lesson — with nothing lost. Markup such as this is not HTML here.",""]]},
{"t":"Escaping \u003cscript>","u":"03-escaping.html","m":"","s":[
["Escaping \u003cscript>","","",""]]},
{"t":"Clients","u":"04-clients.html","m":"","s":[
["Clients","","A lost response makes a producer without idempotence write twice; a second consumer makes the group rebalance.",""]]}]};
