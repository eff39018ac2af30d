/* The live event screen: fetch live.json every few seconds and redraw the charts in place.
   Plain polling over HTTP, so it works behind any proxy. Everything is built with DOM
   calls and textContent, never HTML strings; widths are SVG attributes, never inline styles. */
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

  function bars(item) {
    var table = el("table", "bars");
    var caption = item.answered.display + " answered";
    if (item.withheld) {
      caption = item.answered.suppressed ? "Too few answers to show yet"
        : caption + " · hidden while a small number could be worked out";
    }
    table.appendChild(el("caption", "", caption));
    var head = el("thead");
    var headRow = el("tr");
    ["Answer", "", "People"].forEach(function (text) {
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
      var count = el("td", "count", b.cell.display);
      if (b.percent !== null) {
        count.appendChild(document.createTextNode(" "));
        count.appendChild(el("span", "pct", "(" + b.percent + "%)"));
      }
      row.appendChild(label);
      row.appendChild(chart);
      row.appendChild(count);
      body.appendChild(row);
    });
    table.appendChild(body);
    return table;
  }

  function words(item, threshold) {
    if (!item.words.length) {
      return el("p", "empty", "No word has been used by " + threshold + " or more people yet.");
    }
    var list = el("ol", "words");
    item.words.forEach(function (w) {
      var li = el("li");
      li.appendChild(el("span", "word", w.word));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "count", w.cell.display + " people"));
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
      chart.appendChild(item.kind === "words" ? words(item, data.threshold) : bars(item));
    });
    ["taking_part", "sent", "answering"].forEach(function (name) {
      var cell = document.querySelector("[data-cell='" + name + "']");
      if (cell) { cell.textContent = data[name].display; }
    });
    if (status) { status.textContent = data.built_at.slice(11, 19) + " UTC"; }
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
        if (status) { status.textContent = "not updating: check the connection, or sign in again"; }
      })
      .then(schedule);
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { failures = 0; poll(); }
  });
  schedule();
}());
