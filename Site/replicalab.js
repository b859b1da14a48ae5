"use strict";
(function () {
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  // Percent-decoded text. Text that is not valid percent-encoding (a hash `#%`) is taken as written: it must
  // not stop this and every later part of the script.
  function decoded(text) {
    try { return decodeURIComponent(text); } catch (error) { return text; }
  }

  function setUpContents() {
    var lessons = window.REPLICALAB_TOC;
    var fallback = document.querySelector("#course-contents .toc-fallback");
    if (!lessons || !fallback) return;
    var here = decoded(location.pathname.split("/").pop());
    var list = document.createElement("ol");
    list.className = "toc";
    lessons.forEach(function (lesson) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = lesson.u;
      link.textContent = lesson.t;
      if (lesson.u === here) link.setAttribute("aria-current", "page");
      var mark = document.createElement("span");
      mark.className = lesson.v ? "toc-mark" : "toc-mark bad";
      mark.setAttribute("aria-label", lesson.v ? "verified" : "not verified");
      mark.textContent = lesson.v ? "✓" : "✗";
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(mark);
      list.appendChild(item);
    });
    fallback.parentNode.replaceChild(list, fallback);
  }

  function setUpStepper(section) {
    var steps = Array.prototype.slice.call(section.querySelectorAll("li.step"));
    var controls = section.querySelector(".stepper");
    if (steps.length < 2 || !controls) return;
    var status = controls.querySelector(".step-status");
    var playButton = controls.querySelector("[data-action=play]");
    var announcer = controls.querySelector(".step-announce");
    var current = 0;
    var timer = null;
    section.classList.add("stepping");
    controls.hidden = false;

    // A step whose cluster looks as after an earlier one shows that step's picture (a copy, marked as
    // carried over: nothing in it is highlighted, since nothing changed).
    function carryPicture(step) {
      var note = step.querySelector(".same-picture");
      if (!note || step.querySelector(".diagram")) return;
      var link = note.querySelector("a");
      var source = link && document.getElementById(decoded(link.hash.slice(1)));
      var picture = source && source.querySelector(".diagram");
      if (!picture) return;
      var copy = picture.cloneNode(true);
      copy.classList.add("carried");
      // Its caption is the other step's "What changed"; the note beside it says which step it is from.
      var caption = copy.querySelector("figcaption");
      if (caption) caption.parentNode.removeChild(caption);
      note.parentNode.insertBefore(copy, note);
    }

    function show(index, announce) {
      current = Math.max(0, Math.min(steps.length - 1, index));
      carryPicture(steps[current]);
      steps.forEach(function (step, i) {
        step.hidden = i !== current;
        var details = step.querySelector("details");
        if (details) details.open = true;
      });
      var command = steps[current].querySelector(".command");
      status.textContent = "Step " + (current + 1) + " of " + steps.length +
        (command ? ": " + command.textContent : "");
      // The buttons stay focusable at either end (aria-disabled, not disabled): focus never falls to the page.
      controls.querySelector("[data-action=prev]").setAttribute("aria-disabled", String(current === 0));
      controls.querySelector("[data-action=next]").setAttribute("aria-disabled", String(current === steps.length - 1));
      if (announce && history.replaceState) history.replaceState(null, "", "#" + steps[current].id);
      // What a screen reader hears: the step, and what changed in it.
      if (announcer && announce) {
        var changes = Array.prototype.map.call(steps[current].querySelectorAll(".changes li"), function (item) {
          return item.textContent;
        });
        announcer.textContent = status.textContent + ". " +
          (changes.length ? changes.join(" ") : "Nothing changed in the cluster.");
      }
    }

    function stop() {
      if (timer) clearInterval(timer);
      timer = null;
      playButton.setAttribute("aria-pressed", "false");
      playButton.textContent = "▶ Play";
    }

    controls.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button") : event.target;
      if (!button || button.getAttribute("aria-disabled") === "true") return;
      var action = button.getAttribute("data-action");
      if (action === "prev") { stop(); show(current - 1, true); }
      if (action === "next") { stop(); show(current + 1, true); }
      if (action === "play") {
        if (timer) { stop(); return; }
        if (current === steps.length - 1) show(0, true);
        playButton.setAttribute("aria-pressed", "true");
        playButton.textContent = "❚❚ Pause";
        timer = setInterval(function () {
          if (current >= steps.length - 1) { stop(); return; }
          show(current + 1, true);
        }, reduceMotion ? 4000 : 2000);
      }
    });
    section.addEventListener("keydown", function (event) {
      var tag = event.target.tagName;
      if (event.defaultPrevented || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
      if (event.key === "ArrowRight") { stop(); show(current + 1, true); event.preventDefault(); }
      if (event.key === "ArrowLeft") { stop(); show(current - 1, true); event.preventDefault(); }
    });
    function stepOfAddress() {
      var target = decoded(location.hash.slice(1));
      return steps.findIndex(function (step) { return step.id === target; });
    }
    // A link to a step (from the prose, another step, or the address bar) shows that step.
    window.addEventListener("hashchange", function () {
      var index = stepOfAddress();
      if (index >= 0) { stop(); show(index, true); steps[index].scrollIntoView(); }
    });
    var start = stepOfAddress();
    show(start >= 0 ? start : 0, false);
    if (start >= 0) steps[start].scrollIntoView();
  }

  // A link to the legend opens it.
  function setUpLegend() {
    var legend = document.getElementById("legend");
    if (!legend) return;
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.legend-link");
      if (link) legend.open = true;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpContents();
    setUpLegend();
    Array.prototype.forEach.call(document.querySelectorAll("section.scenario"), setUpStepper);
  });
})();
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
(function () {
  var themeKey = "replicalab-theme";

  function setUpTheme() {
    var label = document.querySelector(".topbar .theme");
    var select = document.getElementById("theme-choice");
    if (!label || !select) return;
    label.hidden = false;
    var saved = null;
    try { saved = localStorage.getItem(themeKey); } catch (error) { saved = null; }
    select.value = saved === "light" || saved === "dark" ? saved : "system";
    select.addEventListener("change", function () {
      var value = select.value;
      try {
        if (value === "system") localStorage.removeItem(themeKey); else localStorage.setItem(themeKey, value);
      } catch (error) { /* private mode: the choice lasts for this page */ }
      if (value === "light" || value === "dark") document.documentElement.setAttribute("data-theme", value);
      else document.documentElement.removeAttribute("data-theme");
    });
  }

  // What a scroller is called, for the screen reader that lands on it.
  function nameOf(element) {
    var caption = element.querySelector("caption");
    if (caption) return caption.textContent;
    var table = element.querySelector("table[aria-label]");
    if (table) return table.getAttribute("aria-label");
    return "Scrollable text";
  }

  function update(element) {
    var overflows = element.scrollWidth > element.clientWidth + 1;
    element.classList.toggle("overflows", overflows);
    element.classList.toggle("more-left", overflows && element.scrollLeft > 1);
    element.classList.toggle("more-right",
      overflows && element.scrollLeft + element.clientWidth < element.scrollWidth - 1);
    if (overflows && !element.hasAttribute("tabindex")) {
      element.setAttribute("tabindex", "0");
      element.setAttribute("data-scroller", "");
      if (!element.hasAttribute("role") && element.tagName !== "PRE") element.setAttribute("role", "region");
      if (!element.hasAttribute("aria-label")) element.setAttribute("aria-label", nameOf(element));
    } else if (!overflows && element.hasAttribute("data-scroller")) {
      element.removeAttribute("tabindex");
      element.removeAttribute("data-scroller");
    }
    var hint = element.previousElementSibling;
    if (hint && hint.classList.contains("scroll-hint")) hint.hidden = !overflows;
  }

  function setUpScrollers() {
    // Tables written in a lesson's prose scroll in a wrapper of their own, like the generated ones.
    Array.prototype.forEach.call(document.querySelectorAll("main table"), function (table) {
      if (table.parentNode.classList.contains("table-wrap")) return;
      var wrap = document.createElement("div");
      wrap.className = "table-wrap";
      table.parentNode.insertBefore(wrap, table);
      wrap.appendChild(table);
    });
    var scrollers = Array.prototype.slice.call(document.querySelectorAll("main .table-wrap, main pre"));
    scrollers.forEach(function (element) {
      if (element.classList.contains("table-wrap")) {
        var hint = document.createElement("p");
        hint.className = "scroll-hint";
        hint.setAttribute("aria-hidden", "true");
        hint.hidden = true;
        hint.textContent = "⇆ Scroll sideways for more columns";
        element.parentNode.insertBefore(hint, element);
      }
      element.addEventListener("scroll", function () { update(element); }, { passive: true });
      // The arrow keys scroll a focused scroller (and do not reach the stepper around it).
      element.addEventListener("keydown", function (event) {
        if (event.target !== element || !element.classList.contains("overflows")) return;
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        var left = null;
        if (event.key === "ArrowRight") left = element.scrollLeft + 48;
        if (event.key === "ArrowLeft") left = element.scrollLeft - 48;
        if (event.key === "Home") left = 0;
        if (event.key === "End") left = element.scrollWidth;
        if (left === null) return;
        element.scrollLeft = left;
        update(element);
        event.preventDefault();
        event.stopPropagation();
      });
    });
    // Measured now, when the window changes, and when a step or a details element is shown (a hidden
    // scroller has no width to measure).
    function updateAll() { scrollers.forEach(update); }
    updateAll();
    window.addEventListener("resize", updateAll);
    window.addEventListener("load", updateAll);
    if (window.MutationObserver) {
      new MutationObserver(function (records) {
        records.forEach(function (record) {
          var target = record.target;
          if (target.hidden) return;
          scrollers.forEach(function (element) { if (target.contains(element)) update(element); });
        });
      }).observe(document.querySelector("main") || document.body,
        { attributes: true, subtree: true, attributeFilter: ["hidden", "open"] });
    }
  }

  // Printing opens every closed details (the print stylesheet prints prose and each scenario's final state).
  function setUpPrinting() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
        d.open = true;
        return true;
      });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (d) { d.open = false; });
      opened = [];
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpTheme();
    setUpScrollers();
    setUpPrinting();
  });
})();
