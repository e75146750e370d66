// The review queue: accept, reject or edit proposals, export the accepted ones as a
// YAML patch for 'arggraph apply'. Reads its data from #ag-rv-data; sets text only
// through textContent; works offline.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ag-rv-data").textContent);
  var proposals = {};
  data.proposals.forEach(function (p) { proposals[p.id] = p; });
  var claims = {};
  data.claims.forEach(function (c) { claims[c.id] = c; });
  var statements = {};
  var url = null;

  function cards() { return Array.prototype.slice.call(document.querySelectorAll(".ag-rv-card")); }

  function setState(card, state) {
    card.dataset.state = state;
    card.querySelector(".ag-rv-accept").setAttribute("aria-pressed", String(state === "accepted"));
    card.querySelector(".ag-rv-reject").setAttribute("aria-pressed", String(state === "rejected"));
    counts();
  }

  function counts() {
    var n = { accepted: 0, rejected: 0, pending: 0 };
    cards().forEach(function (c) { n[c.dataset.state] += 1; });
    Object.keys(n).forEach(function (k) {
      document.getElementById("ag-rv-" + k).textContent = String(n[k]);
    });
  }

  cards().forEach(function (card) {
    card.querySelector(".ag-rv-accept").addEventListener("click", function () {
      setState(card, card.dataset.state === "accepted" ? "pending" : "accepted");
    });
    card.querySelector(".ag-rv-reject").addEventListener("click", function () {
      setState(card, card.dataset.state === "rejected" ? "pending" : "rejected");
    });
    card.querySelector(".ag-rv-kind-select").addEventListener("change", function (e) {
      card.querySelector(".ag-rv-kind").textContent = e.target.value;
    });
    var box = card.querySelector(".ag-rv-statement");
    box.addEventListener("input", function () {
      // one statement per claim: keep every card of the claim in step
      statements[box.dataset.claim] = box.value;
      document.querySelectorAll(".ag-rv-statement").forEach(function (other) {
        if (other !== box && other.dataset.claim === box.dataset.claim) { other.value = box.value; }
      });
    });
  });

  document.getElementById("ag-rv-accept-all").addEventListener("click", function () {
    cards().forEach(function (card) { if (card.dataset.state === "pending") { setState(card, "accepted"); } });
  });

  function attribution(claim) {
    var q = claim.quote;
    var a = { speaker: claim.speaker, document: q.document, quote: q.quote };
    if (q.start !== null) { a.start = q.start; a.end = q.end; }
    return a;
  }

  function patch() {
    var mergeInto = {}, added = {}, relations = [];
    cards().forEach(function (card) {
      if (card.dataset.state !== "accepted") { return; }
      var p = proposals[card.dataset.proposal];
      var kind = card.querySelector(".ag-rv-kind-select").value;
      if (kind === "merge") { mergeInto[p.claim] = p.other; return; }
      added[p.claim] = true;
      if (kind === "new") { return; }
      if (p.scope === "within") { added[p.other] = true; }
      var sameWay = p.source !== null && (p.kind === "supports" || p.kind === "rebuts");
      relations.push({
        source: sameWay ? p.source : p.claim,
        target: sameWay ? p.target : p.other,
        kind: kind
      });
    });
    function resolve(id) { return mergeInto[id] || id; }
    var out = { arggraph_patch: 1, graph: data.graph, document: {}, speakers: [], claims: [], attributions: [], relations: [] };
    ["id", "title", "kind", "path"].forEach(function (k) {
      if (data.document[k]) { out.document[k] = data.document[k]; }
    });
    var speakers = {};
    function speaker(claim) {
      if (!speakers[claim.speaker]) {
        speakers[claim.speaker] = true;
        out.speakers.push({ id: claim.speaker, name: claim.speaker_name });
      }
    }
    data.claims.forEach(function (claim) {
      if (mergeInto[claim.id]) {
        speaker(claim);
        out.attributions.push({ claim: mergeInto[claim.id], attribution: attribution(claim) });
      } else if (added[claim.id]) {
        speaker(claim);
        var statement = statements[claim.id] !== undefined ? statements[claim.id] : claim.statement;
        var c = { id: claim.id, statement: statement.trim() || claim.statement };
        if (claim.topics.length) { c.topics = claim.topics; }
        c.attributions = [attribution(claim)];
        out.claims.push(c);
      }
    });
    var seen = {};
    relations.forEach(function (r) {
      var s = resolve(r.source), t = resolve(r.target), key = s + "\u0000" + t;
      if (s === t || seen[key]) { return; }
      seen[key] = true;
      out.relations.push({ source: s, target: t, kind: r.kind, note: "Accepted in review of " + data.document.id });
    });
    return out;
  }

  function scalar(v) {
    return typeof v === "string" ? JSON.stringify(v) : String(v);
  }

  // Block-style YAML; strings double-quoted as JSON, which YAML reads the same.
  function yaml(value, indent) {
    var pad = " ".repeat(indent), lines = [];
    Object.keys(value).forEach(function (key) {
      var v = value[key];
      if (Array.isArray(v)) {
        if (!v.length) { lines.push(pad + key + ": []"); return; }
        lines.push(pad + key + ":");
        v.forEach(function (item) {
          if (item !== null && typeof item === "object") {
            var inner = yaml(item, indent + 4);
            inner[0] = pad + "  - " + inner[0].slice(indent + 4);
            lines.push.apply(lines, inner);
          } else {
            lines.push(pad + "  - " + scalar(item));
          }
        });
      } else if (v !== null && typeof v === "object") {
        lines.push(pad + key + ":");
        lines.push.apply(lines, yaml(v, indent + 2));
      } else {
        lines.push(pad + key + ": " + scalar(v));
      }
    });
    return lines;
  }

  document.getElementById("ag-rv-build").addEventListener("click", function () {
    var text = "# arggraph patch: accepted in the review queue\n" + yaml(patch(), 0).join("\n") + "\n";
    document.getElementById("ag-rv-patch").textContent = text;
    if (url) { URL.revokeObjectURL(url); }
    url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
    var link = document.getElementById("ag-rv-download");
    link.href = url;
    link.hidden = false;
  });
  counts();
})();
