/// The search: loads `search-index.js` the first time a reader searches (a script element, which works on
/// `file://`), and ranks lessons by where the query's words stand: the title, the summary, a heading, a term the
/// lesson defines (in bold; the first lesson in course order that defines it teaches it), then how often the words
/// appear (BM25). Words match by stem (`truncation`, `truncates` and `truncated` are one word) and, from three
/// letters, by prefix; the synonym table turns `hw` into `high watermark` and back; `acks=all` and
/// `min.insync.replicas` are words in a row, so they match whole, and their parts match too.
///
/// `/` focuses the box, the arrow keys move through the results, Escape goes back. The status line, not the list,
/// is what a screen reader hears.
enum SearchScript {
    static let javascript = #"""
        (function () {
          var index = null;
          var waiting = [];

          function loadIndex(then) {
            if (window.REPLICALAB_SEARCH) { prepare(window.REPLICALAB_SEARCH); then(); return; }
            waiting.push(then);
            if (waiting.length > 1) return;
            var script = document.createElement("script");
            script.src = "search-index.js";
            script.onload = function () {
              if (!window.REPLICALAB_SEARCH) return;
              prepare(window.REPLICALAB_SEARCH);
              var calls = waiting; waiting = [];
              calls.forEach(function (call) { call(); });
            };
            document.head.appendChild(script);
          }

          // A light stemmer: one suffix off, then a doubled final consonant undone (committed → commit).
          var suffixes = [["ions", ""], ["ion", ""], ["ings", ""], ["ing", ""], ["ies", "y"], ["ied", "y"],
            ["ers", ""], ["er", ""], ["ed", ""], ["es", ""], ["e", ""], ["s", ""], ["ly", ""]];
          function stem(word) {
            if (word.length <= 4 || !/^[a-z]+$/.test(word)) return word;
            for (var i = 0; i < suffixes.length; i++) {
              var suffix = suffixes[i][0];
              if (word.length - suffix.length >= 3 && word.slice(-suffix.length) === suffix) {
                word = word.slice(0, -suffix.length) + suffixes[i][1];
                if (/([^aeioulsz])\1$/.test(word)) word = word.slice(0, -1);
                return word;
              }
            }
            return word;
          }

          // Words: runs of letters and digits, with their place in the text (for snippets).
          function tokens(text) {
            var out = [], pattern = /[A-Za-z0-9]+/g, match;
            while ((match = pattern.exec(text))) {
              var word = match[0].toLowerCase();
              out.push({ w: word, s: stem(word), i: match.index, e: match.index + match[0].length });
            }
            return out;
          }

          function prepare(data) {
            if (index) return;
            var pages = data.pages.map(function (page, order) {
              var sections = page.s.map(function (section, position) {
                return {
                  heading: section[0], anchor: section[1], text: section[2],
                  head: position === 0 ? [] : tokens(section[0]), words: tokens(section[2]),
                  defined: section[3] ? section[3].split("|").map(tokens) : []
                };
              });
              var length = sections.reduce(function (sum, s) { return sum + s.words.length; }, 0);
              return { title: page.t, url: page.u, order: order, reference: page.r === 1, titleWords: tokens(page.t),
                summary: tokens(page.m || ""), sections: sections, length: length };
            });
            var total = pages.reduce(function (sum, p) { return sum + p.length; }, 0);
            index = {
              pages: pages, average: Math.max(1, total / Math.max(1, pages.length)),
              synonyms: data.synonyms.map(function (group) { return group.map(tokens); })
            };
          }

          var stopWords = { a: 1, an: 1, and: 1, are: 1, "do": 1, does: 1, how: 1, "in": 1, is: 1, it: 1, of: 1,
            on: 1, or: 1, the: 1, to: 1, what: 1, when: 1, why: 1, with: 1 };

          // The query as concepts: a run of words that is an entry of the synonym table becomes that entry's group
          // (every entry a word sequence to look for); any other word is a concept of its own.
          function concepts(query) {
            var words = tokens(query), out = [], i = 0;
            function sameAt(alternative) {
              if (i + alternative.length > words.length) return false;
              return alternative.every(function (word, k) { return words[i + k].s === word.s; });
            }
            while (i < words.length) {
              var group = null, length = 0;
              index.synonyms.forEach(function (candidate) {
                candidate.forEach(function (alternative) {
                  if (alternative.length > length && sameAt(alternative)) { group = candidate; length = alternative.length; }
                });
              });
              if (group) {
                out.push({ alternatives: group, prefix: false });
                i += length;
              } else {
                var word = words[i];
                if (!stopWords[word.w] && (word.w.length > 1 || /[0-9]/.test(word.w))) {
                  out.push({ alternatives: [[word]], prefix: word.w.length >= 3 });
                }
                i += 1;
              }
            }
            return out;
          }

          // How well `alternative` matches the words at `j`: 1 for whole words, 0.5 when the last is a prefix.
          function matchAt(list, j, alternative, prefix) {
            if (j + alternative.length > list.length) return 0;
            var score = 1;
            for (var k = 0; k < alternative.length; k++) {
              var have = list[j + k], want = alternative[k];
              if (have.s === want.s || have.w === want.w) continue;
              if (prefix && k === alternative.length - 1 && have.w.indexOf(want.w) === 0) { score = 0.5; continue; }
              return 0;
            }
            return score;
          }

          // Every match of a concept in a word list: [start, length, weight].
          function matches(list, concept) {
            var found = [];
            for (var j = 0; j < list.length; j++) {
              var best = 0, length = 0;
              concept.alternatives.forEach(function (alternative) {
                var score = matchAt(list, j, alternative, concept.prefix);
                if (score > best || (score === best && score > 0 && alternative.length > length)) {
                  best = score; length = alternative.length;
                }
              });
              if (best > 0) { found.push([j, length, best]); j += length - 1; }
            }
            return found;
          }
          function weight(found) { return found.reduce(function (sum, m) { return sum + m[2]; }, 0); }
          function bm25(frequency, length) {
            var k1 = 1.2, b = 0.75;
            return frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * length / index.average));
          }

          function rank(query) {
            var wanted = concepts(query);
            if (wanted.length === 0) return [];
            // The lesson that teaches a concept: the first, in course order, that defines it.
            var teacher = wanted.map(function (concept) {
              var first = index.pages.find(function (page) {
                return page.sections.some(function (section) {
                  return section.defined.some(function (term) { return matches(term, concept).length > 0; });
                });
              });
              return first ? first.order : -1;
            });
            var results = [];
            index.pages.forEach(function (page) {
              var score = 0, all = true;
              page.sections.forEach(function (section) { section.score = 0; section.hits = 0; });
              wanted.forEach(function (concept, c) {
                var found = false, frequency = 0, heading = false, defined = false;
                // A title hit counts more the more of the title it covers ("isr" is all of "In-sync replicas").
                var inTitle = matches(page.titleWords, concept);
                if (inTitle.length) {
                  var covered = inTitle.reduce(function (sum, m) { return sum + m[1]; }, 0);
                  score += 60 + 60 * covered / page.titleWords.length;
                  found = true;
                }
                if (matches(page.summary, concept).length) { score += 40; found = true; }
                page.sections.forEach(function (section) {
                  var inHeading = matches(section.head, concept).length > 0;
                  var isDefined = section.defined.some(function (term) { return matches(term, concept).length > 0; });
                  var count = weight(matches(section.words, concept));
                  frequency += count;
                  heading = heading || inHeading;
                  defined = defined || isDefined;
                  section.score += (inHeading ? 25 : 0) + (isDefined ? 15 : 0) + 10 * bm25(count, section.words.length);
                  if (inHeading || isDefined || count > 0) section.hits += 1;
                });
                if (heading) score += 25;
                if (defined) score += 15;
                if (teacher[c] === page.order) score += 30;
                score += 10 * bm25(frequency, page.length);
                if (!(found || frequency > 0 || heading || defined)) all = false;
              });
              if (!all || score <= 0) return;
              var sections = page.sections.filter(function (s) { return s.hits > 0; })
                .sort(function (a, b) { return b.score - a.score; }).slice(0, 2)
                .map(function (s) { return { heading: s.heading, anchor: s.anchor, text: s.text, words: s.words, first: s === page.sections[0] }; });
              results.push({ page: page, score: score, sections: sections });
            });
            results.sort(function (a, b) { return b.score - a.score || a.page.order - b.page.order; });
            // A reference page (the glossary) defines nearly every word in a heading of its own; the best lesson
            // comes first, the reference right after it.
            var firstLesson = results.findIndex(function (r) { return !r.page.reference; });
            if (firstLesson > 0) results.unshift(results.splice(firstLesson, 1)[0]);
            results.wanted = wanted;
            return results;
          }

          // A piece of the section's text around its first match, the matched words marked.
          function snippet(section, wanted) {
            var spans = [];
            wanted.forEach(function (concept) {
              matches(section.words, concept).forEach(function (m) {
                spans.push([section.words[m[0]].i, section.words[m[0] + m[1] - 1].e]);
              });
            });
            spans.sort(function (a, b) { return a[0] - b[0]; });
            var text = section.text;
            var from = spans.length ? Math.max(0, spans[0][0] - 60) : 0;
            var to = Math.min(text.length, from + 190);
            if (from > 0) { var space = text.indexOf(" ", from); if (space >= 0 && space < spans[0][0]) from = space + 1; }
            if (to < text.length) { var last = text.lastIndexOf(" ", to); if (last > from) to = last; }
            var nodes = [];
            if (from > 0) nodes.push(document.createTextNode("…"));
            var at = from;
            spans.forEach(function (span) {
              if (span[0] < at || span[1] > to) return;
              nodes.push(document.createTextNode(text.slice(at, span[0])));
              var mark = document.createElement("mark");
              mark.textContent = text.slice(span[0], span[1]);
              nodes.push(mark);
              at = span[1];
            });
            nodes.push(document.createTextNode(text.slice(at, to) + (to < text.length ? "…" : "")));
            return nodes;
          }

          function setUpSearch() {
            var form = document.querySelector("form.search");
            if (!form) return;
            form.hidden = false;
            var input = form.querySelector("input");
            var results = form.querySelector(".search-results");
            var status = form.querySelector(".search-status");
            form.addEventListener("submit", function (event) {
              event.preventDefault();
              var first = results.querySelector("a");
              if (first) first.focus();
            });
            input.addEventListener("focus", function () { loadIndex(function () {}); form.classList.add("open"); });
            input.addEventListener("input", function () { loadIndex(search); });
            form.addEventListener("focusout", function (event) {
              if (!event.relatedTarget || !form.contains(event.relatedTarget)) form.classList.remove("open");
            });
            form.addEventListener("focusin", function () { form.classList.add("open"); });

            function links() { return Array.prototype.slice.call(results.querySelectorAll("a")); }
            form.addEventListener("keydown", function (event) {
              var all = links();
              var at = all.indexOf(document.activeElement);
              if (event.key === "ArrowDown" && all.length) {
                all[Math.min(all.length - 1, at + 1)].focus();
                event.preventDefault();
              } else if (event.key === "ArrowUp" && at >= 0) {
                if (at === 0) input.focus(); else all[at - 1].focus();
                event.preventDefault();
              } else if (event.key === "Escape") {
                if (at >= 0) { input.focus(); } else { input.value = ""; search(); }
                event.preventDefault();
              }
            });

            // `/` anywhere but in a text field focuses the search.
            document.addEventListener("keydown", function (event) {
              if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
              var target = event.target;
              var tag = target && target.tagName;
              if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
              event.preventDefault();
              input.focus();
              input.select();
            });

            // A search can be linked to: index.html?q=isr
            var query = new URLSearchParams(location.search).get("q");
            if (query) { input.value = query; form.classList.add("open"); loadIndex(search); }

            function search() {
              results.textContent = "";
              var text = input.value.trim();
              if (!text || !index) { status.textContent = ""; return; }
              var ranked = rank(text);
              var wanted = ranked.wanted || [];
              var found = ranked.slice(0, 8);
              if (found.length === 0) {
                status.textContent = "No lesson mentions “" + text + "”.";
                return;
              }
              status.textContent = found.length + (found.length === 1 ? " lesson matches" : " lessons match") +
                " “" + text + "”. Down arrow to go through them.";
              found.forEach(function (result) {
                var item = document.createElement("li");
                result.sections.forEach(function (section, n) {
                  var link = document.createElement("a");
                  link.href = result.page.url + (section.anchor ? "#" + section.anchor : "");
                  link.className = n === 0 ? "hit" : "hit more";
                  if (n === 0) {
                    var title = document.createElement("span");
                    title.className = "hit-title";
                    title.textContent = result.page.title;
                    link.appendChild(title);
                  }
                  if (!section.first) {
                    var name = document.createElement("span");
                    name.className = "hit-section";
                    name.textContent = (n === 0 ? " › " : "› ") + section.heading;
                    link.appendChild(name);
                  }
                  if (n > 0 && section.first) link.appendChild(document.createTextNode("› Introduction"));
                  var snip = document.createElement("span");
                  snip.className = "snippet";
                  snippet(section, wanted).forEach(function (node) { snip.appendChild(node); });
                  link.appendChild(snip);
                  item.appendChild(link);
                });
                results.appendChild(item);
              });
            }
          }

          window.REPLICALAB_RANK = function (query) {
            if (!index && window.REPLICALAB_SEARCH) prepare(window.REPLICALAB_SEARCH);
            if (!index) return null;
            return rank(query).map(function (r) {
              return { url: r.page.url, score: Math.round(r.score * 10) / 10,
                sections: r.sections.map(function (s) { return s.anchor; }) };
            });
          };

          document.addEventListener("DOMContentLoaded", setUpSearch);
        })();

        """#
}
