/* The live event screen: fetch live.json every few seconds and redraw the charts in place.
   Plain polling over HTTP, so it works behind any proxy. Everything is built with DOM
   calls and textContent, never HTML strings; widths are SVG attributes, never inline styles.
   Every word shown comes from the page (#live-words, in the page's language), and numbers
   are written for the page's locale: live.json's own words are English keys. The survey's
   words in live.json (question text, answer labels) come already in the page's language. */
(function () {
  "use strict";
  var root = document.getElementById("live");
  if (!root || !window.fetch) { return; }
  var url = root.getAttribute("data-live-url");
  var status = document.getElementById("live-status");
  var SVG = "http://www.w3.org/2000/svg";
  var EVERY = 4000;
  var failures = 0;
  var timer = null;
  var HIDDEN = "hidden";  // live.json's display of a count hidden so a small one cannot be worked out
  var words = readWords();
  if (!words) { return; }
  var lang = document.documentElement.lang || undefined;
  var numbers = makeFormat({});
  var percents = makeFormat({ style: "percent", maximumFractionDigits: 0 });
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;

  function readWords() {
    var block = document.getElementById("live-words");
    try { return JSON.parse(block.textContent); } catch (e) { return null; }
  }

  function makeFormat(options) {
    try { return new Intl.NumberFormat(lang, options); } catch (e) { return null; }
  }

  function fill(text, name, value) {
    return text.split("{" + name + "}").join(value);
  }

  function number(n) {
    return numbers ? numbers.format(n) : String(n);
  }

  function shown(cell, threshold) {
    if (!cell.suppressed && cell.count !== null) { return number(cell.count); }
    if (cell.display === HIDDEN) { return words.hidden; }
    return fill(words.fewer_than, "n", number(threshold));
  }

  function people(cell, threshold) {
    var forms = words.person_count;
    var form = forms[plurals ? plurals.select(cell.count || 0) : "other"] || forms.other;
    return fill(form, "shown", shown(cell, threshold));
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function bar(width) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 100 10");
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("focusable", "false");
    var track = document.createElementNS(SVG, "rect");
    track.setAttribute("class", "track");
    track.setAttribute("width", "100");
    track.setAttribute("height", "10");
    svg.appendChild(track);
    if (width) {
      var fill = document.createElementNS(SVG, "rect");
      fill.setAttribute("class", "fill");
      fill.setAttribute("width", String(width));
      fill.setAttribute("height", "10");
      svg.appendChild(fill);
    }
    return svg;
  }

  function bars(item, threshold) {
    var table = el("table", "bars");
    var answered = shown(item.answered, threshold);
    var caption = fill(words.answered, "shown", answered);
    if (item.withheld) {
      caption = item.answered.suppressed ? words.too_few : fill(words.answered_hidden, "shown", answered);
    }
    table.appendChild(el("caption", "", caption));
    var head = el("thead");
    var headRow = el("tr");
    [words.answer, "", words.people].forEach(function (text) {
      var th = el("th", "", text);
      th.setAttribute("scope", "col");
      if (!text) { th.setAttribute("aria-hidden", "true"); }
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    table.appendChild(head);
    var body = el("tbody");
    item.bars.forEach(function (b) {
      var row = el("tr", b.cell.suppressed ? "suppressed" : "");
      var label = el("th");
      label.setAttribute("scope", "row");
      if (b.rank) { label.appendChild(el("span", "rank", String(b.rank))); label.appendChild(document.createTextNode(" ")); }
      label.appendChild(document.createTextNode(b.label));
      var chart = el("td", "bar");
      chart.setAttribute("aria-hidden", "true");
      chart.appendChild(bar(b.width));
      var count = el("td", "count", shown(b.cell, threshold));
      if (b.percent !== null) {
        var share = percents ? percents.format(b.percent / 100) : b.percent + "%";
        count.appendChild(document.createTextNode(" "));
        count.appendChild(el("span", "pct", "(" + share + ")"));
      }
      row.appendChild(label);
      row.appendChild(chart);
      row.appendChild(count);
      body.appendChild(row);
    });
    table.appendChild(body);
    return table;
  }

  function wordList(item, threshold) {
    if (!item.words.length) {
      return el("p", "empty", words.no_words);
    }
    var list = el("ol", "words");
    item.words.forEach(function (w) {
      var li = el("li");
      li.appendChild(el("span", "word", w.word));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "count", people(w.cell, threshold)));
      list.appendChild(li);
    });
    return list;
  }

  function sameItems(sections, items) {
    if (sections.length !== items.length) { return false; }
    for (var i = 0; i < items.length; i += 1) {
      if (sections[i].getAttribute("data-item") !== items[i].question_id) { return false; }
    }
    return true;
  }

  function reloadOnce() {
    // An item was hidden or shown (perhaps from another window): the server draws the new
    // set of sections. Never more than once in 10 seconds, whatever happens.
    var last = Number(window.sessionStorage.getItem("engage-live-reload") || 0);
    if (Date.now() - last > 10000) {
      window.sessionStorage.setItem("engage-live-reload", String(Date.now()));
      window.location.reload();
    }
  }

  function render(data) {
    var sections = root.querySelectorAll("[data-item]");
    if (!sameItems(sections, data.items)) { reloadOnce(); return; }
    data.items.forEach(function (item, i) {
      var chart = sections[i].querySelector(".chart");
      while (chart.firstChild) { chart.removeChild(chart.firstChild); }
      chart.appendChild(item.kind === "words" ? wordList(item, data.threshold) : bars(item, data.threshold));
    });
    ["taking_part", "sent", "answering"].forEach(function (name) {
      var cell = document.querySelector("[data-cell='" + name + "']");
      if (cell) { cell.textContent = shown(data[name], data.threshold); }
    });
    if (status) { status.textContent = fill(words.updated_at, "when", data.built_at.slice(11, 19)); }
  }

  function schedule() {
    window.clearTimeout(timer);
    // Back off while the server or the network is struggling; at most every 30 seconds.
    timer = window.setTimeout(poll, Math.min(EVERY * Math.pow(2, failures), 30000));
  }

  function poll() {
    if (document.hidden) { schedule(); return; }
    fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (!response.ok || type.indexOf("json") === -1) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (data) {
        failures = 0;
        document.body.classList.remove("stale");
        render(data);
      })
      .catch(function () {
        failures = Math.min(failures + 1, 3);
        document.body.classList.add("stale");
        if (status) { status.textContent = words.stale; }
      })
      .then(schedule);
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { failures = 0; poll(); }
  });
  schedule();
}());
