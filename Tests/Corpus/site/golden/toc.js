window.REPLICALAB_TOC=[
{"t":"Placement & racks","u":"01-placement.html","v":1},
{"t":"Failures","u":"02-failures.html","v":1},
{"t":"Escaping \u003cscript>","u":"03-escaping.html","v":1},
{"t":"Clients","u":"04-clients.html","v":1}
];
