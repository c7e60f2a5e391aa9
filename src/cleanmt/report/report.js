// cleanmt report: filters, popovers, sorting. Vanilla JS; it sets only textContent,
// never HTML, so document text stays text. State lives in the URL hash
// (#cat=quotes,casing&rule=QUO001&fix=1&hide=1&path=abc) so a filtered view can be shared.
(function () {
  "use strict";
  var $ = function (s, r) { return (r || document).querySelector(s); };
  var $$ = function (s, r) { return Array.prototype.slice.call((r || document).querySelectorAll(s)); };
  var state = { cats: new Set(), rules: new Set(), fix: false, hide: false, path: "" };
  var docs = $$("details.doc");
  var docRows = {};  // the summary table's row of each document
  $$("tr[data-doc]").forEach(function (tr) { docRows[tr.dataset.doc] = tr; });
  var pop = $("#pop");

  function passes(cat, rule, fx) {
    return (!state.cats.size || state.cats.has(cat)) &&
      (!state.rules.size || state.rules.has(rule)) &&
      (!state.fix || fx === "1");
  }

  function apply() {
    var total = 0;
    docs.forEach(function (doc) {
      var n = 0;
      $$("tr.finding", doc).forEach(function (tr) {
        var ok = passes(tr.dataset.cat, tr.dataset.rule, tr.dataset.fx);
        tr.hidden = !ok;
        if (ok) n++;
      });
      $$("mark.f", doc).forEach(function (m) {
        var cats = m.dataset.cat.split(" "), rules = m.dataset.rule.split(" "), fx = m.dataset.fx.split(" ");
        var ok = cats.some(function (c, i) { return passes(c, rules[i], fx[i]); });
        m.classList.toggle("off", !ok);
      });
      var pathOk = !state.path || doc.dataset.path.toLowerCase().indexOf(state.path) !== -1;
      doc.hidden = !pathOk || (state.hide && n === 0);
      var b = $("summary .match", doc);
      if (b) b.textContent = String(n);
      var row = docRows[doc.id];
      if (row) {
        var cell = $(".match", row);
        cell.textContent = String(n);
        cell.dataset.v = String(n);
        row.hidden = doc.hidden;
      }
      if (!doc.hidden) total += n;
    });
    $$("[data-filter-cat]").forEach(function (b) { b.setAttribute("aria-pressed", String(state.cats.has(b.dataset.filterCat))); });
    $$("[data-filter-rule]").forEach(function (b) { b.setAttribute("aria-pressed", String(state.rules.has(b.dataset.filterRule))); });
    $$(".rules-table tbody tr[data-rule]").forEach(function (tr) { tr.hidden = !passes(tr.dataset.cat, tr.dataset.rule, "1"); });
    $("#fix-only").checked = state.fix;
    $("#hide-empty").checked = state.hide;
    $("#path-filter").value = state.path;
    $("#match-count").textContent = total + (total === 1 ? " finding" : " findings") + " shown";
    document.documentElement.dataset.shown = String(total);
    writeHash();
  }

  function writeHash() {
    var parts = [];
    if (state.cats.size) parts.push("cat=" + Array.from(state.cats).join(","));
    if (state.rules.size) parts.push("rule=" + Array.from(state.rules).join(","));
    if (state.fix) parts.push("fix=1");
    if (state.hide) parts.push("hide=1");
    if (state.path) parts.push("path=" + encodeURIComponent(state.path));
    var h = parts.join("&");
    if (h !== location.hash.replace(/^#/, "") && (h || location.hash.indexOf("=") !== -1)) {
      history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
    }
  }

  function readHash() {
    var h = location.hash.replace(/^#/, "");
    if (h.indexOf("=") === -1) return false;  // a plain anchor (#d3): not a filter
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("="), k = kv.slice(0, i), v = decodeURIComponent(kv.slice(i + 1));
      if (k === "cat") state.cats = new Set(v.split(",").filter(Boolean));
      if (k === "rule") state.rules = new Set(v.split(",").filter(Boolean));
      if (k === "fix") state.fix = v === "1";
      if (k === "hide") state.hide = v === "1";
      if (k === "path") state.path = v.toLowerCase();
    });
    return true;
  }

  function toggle(set, v) { if (set.has(v)) set.delete(v); else set.add(v); apply(); }

  $$("[data-filter-cat]").forEach(function (b) { b.addEventListener("click", function () { toggle(state.cats, b.dataset.filterCat); }); });
  $$("[data-filter-rule]").forEach(function (b) { b.addEventListener("click", function () { toggle(state.rules, b.dataset.filterRule); }); });
  $("#fix-only").addEventListener("change", function (e) { state.fix = e.target.checked; apply(); });
  $("#hide-empty").addEventListener("change", function (e) { state.hide = e.target.checked; apply(); });
  $("#path-filter").addEventListener("input", function (e) { state.path = e.target.value.trim().toLowerCase(); apply(); });
  $("#clear").addEventListener("click", function () {
    state = { cats: new Set(), rules: new Set(), fix: false, hide: false, path: "" }; apply();
  });
  $("#expand").addEventListener("click", function () { docs.forEach(function (d) { if (!d.hidden) d.open = true; }); });
  $("#collapse").addEventListener("click", function () { docs.forEach(function (d) { d.open = false; }); });

  // the popover: a finding's rule, message and proposed fix, read from its table row
  function cellText(tr, i) { return tr.cells[i] ? tr.cells[i].textContent : ""; }
  function showPop(mark) {
    pop.textContent = "";
    mark.dataset.f.split(" ").forEach(function (id) {
      var tr = document.getElementById(id);
      var box = document.createElement("div");
      box.className = "pf";
      var head = document.createElement("div");
      head.className = "head";
      if (!tr) { head.textContent = mark.title; box.appendChild(head); pop.appendChild(box); return; }
      head.textContent = cellText(tr, 1) + " · " + cellText(tr, 2) + " · confidence " + cellText(tr, 3);
      var msg = document.createElement("div"); msg.className = "msg"; msg.textContent = cellText(tr, 5);
      var fix = document.createElement("div"); fix.className = "fix";
      fix.textContent = "«" + cellText(tr, 4) + "» " + cellText(tr, 6) + (tr.dataset.fx === "1" ? "  (fix applies it)" : "  (fix leaves it)");
      var link = document.createElement("a"); link.href = "#" + id; link.textContent = "row " + cellText(tr, 0);
      link.addEventListener("click", function (e) { e.preventDefault(); hidePop(); flash(tr); });
      box.appendChild(head); box.appendChild(msg); box.appendChild(fix); box.appendChild(link);
      pop.appendChild(box);
    });
    var r = mark.getBoundingClientRect();
    pop.hidden = false;
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8));
    pop.style.left = left + "px";
    pop.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  function hidePop() { pop.hidden = true; }
  function flash(el) {
    el.scrollIntoView({ block: "center" });
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1600);
  }
  document.addEventListener("click", function (e) {
    var mark = e.target.closest && e.target.closest("mark.f");
    if (mark && !mark.classList.contains("off")) { e.stopPropagation(); showPop(mark); return; }
    if (!pop.contains(e.target)) hidePop();
    var tr = e.target.closest && e.target.closest("tr.finding");
    if (tr) {
      var m = $$("mark.f", tr.closest("details")).filter(function (x) { return x.dataset.f.split(" ").indexOf(tr.id) !== -1; })[0];
      if (m) flash(m);
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hidePop();
    if (e.key === "Enter" && e.target.matches && e.target.matches("mark.f")) showPop(e.target);
  });

  // opening a document from a link (#d3) or the summary table
  function openTarget() {
    var id = location.hash.replace(/^#/, "");
    if (!id || id.indexOf("=") !== -1) return;
    var el = document.getElementById(id);
    if (!el) return;
    if (el.tagName === "DETAILS") { el.open = true; el.scrollIntoView(); return; }
    if (el.classList.contains("finding")) {  // a link to one finding (#d2-f5): its text and popover
      var doc = el.closest("details");
      doc.open = true;
      var m = $$("mark.f", doc).filter(function (x) { return x.dataset.f.split(" ").indexOf(id) !== -1; })[0];
      if (m) { m.scrollIntoView({ block: "center" }); showPop(m); } else { flash(el); }
    }
  }
  window.addEventListener("hashchange", openTarget);

  // sorting the documents table
  $$("table.sortable th[data-sort]").forEach(function (th) {
    th.addEventListener("click", function () {
      var table = th.closest("table"), body = table.tBodies[0], col = th.cellIndex;
      var num = th.dataset.sort === "num", asc = !th.classList.contains("asc");
      $$("th", table).forEach(function (x) { x.classList.remove("asc", "desc"); });
      th.classList.add(asc ? "asc" : "desc");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.v, y = b.cells[col].dataset.v;
        var c = num ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });

  readHash();
  apply();
  openTarget();
  document.documentElement.dataset.ready = "1";
})();
