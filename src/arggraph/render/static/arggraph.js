/* arggraph views: draws each <section class="ag-view"> from its JSON block.
 * Every text taken from the data is set with textContent, never innerHTML.
 * window.arggraph.views[key] exposes each drawn network (tests read it). */
(function () {
  "use strict";

  var views = {};
  /* Claims' details from the shared details files of a rendered folder (render):
   * loaded on first use with a <script> tag (works from file://, where fetch does not). */
  var loaded = { claims: {}, statements: {}, files: {} };
  var DIM = { background: "#eeeeee", border: "#dddddd" };
  var READABLE = 0.75; /* an argument map opens in a shape it shows whole at this zoom or more: 16 px text at 12 px */
  var LABEL_ALL = 0.7; /* the whole graph labels every claim from this zoom on */

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function readData(section) {
    var block = document.getElementById(section.getAttribute("data-blob"));
    return JSON.parse(block.textContent);
  }

  function init(section) {
    if (section.getAttribute("data-state")) return views[section.getAttribute("data-key")];
    section.setAttribute("data-state", "drawing");
    var data = readData(section);
    if (data.kind === "overview") return initOverview(section, data);
    var labels = facetLabels(data);
    data.nodes.forEach(function (node) {
      if (node.kind === "claim") node.title = tooltip(data.claims[node.id], node, labels);
      else node.title = "Inference: " + relationText(data, node.relation);
    });
    data.edges.forEach(function (edge) {
      edge.title = relationTitle(data, edge.relation);
    });
    var canvas = section.querySelector(".ag-canvas");
    var state = {
      data: data,
      nodes: null,
      edges: null,
      network: null,
      section: section,
      selected: null,
      hidden: {},
      dimmed: {},
      visibleClaims: data.counts.claims,
      visibleRelations: data.counts.relations,
      labelsAll: true,
      centralSize: null,
      draws: 0,
    };
    var physics = !!(data.options.physics && data.options.physics.enabled);
    /* Positions given: the camera and the labels it calls for are set before the first
     * drawing, so the map is drawn once before it is ready (every later change redraws). */
    var camera = physics || !data.nodes.length ? null : openingCamera(data, canvas);
    var nodes = new vis.DataSet(camera && data.kind === "graph" ? openingLabels(state, camera.scale) : data.nodes);
    var edges = new vis.DataSet(data.edges);
    var network = new vis.Network(canvas, { nodes: nodes, edges: edges }, data.options);
    state.nodes = nodes;
    state.edges = edges;
    state.network = network;
    views[data.key] = state;
    network.on("afterDrawing", function () { state.draws += 1; });
    if (camera) network.moveTo({ position: camera.position, scale: camera.scale, animation: false });

    function ready() {
      section.setAttribute("data-state", "ready");
      section.dispatchEvent(new Event("ag-ready"));
    }
    if (!data.nodes.length) {
      canvas.appendChild(make("p", "ag-hint ag-empty", "No claims in this view."));
      ready();
    } else if (physics) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        fitWithMargin(network);
        ready();
      });
    } else {
      network.once("afterDrawing", ready);
    }
    if (data.kind === "graph") {
      if (physics) section.addEventListener("ag-ready", function () { updateLabels(state); }, { once: true });
      var pending = false;
      network.on("zoom", function () {
        if (pending) return;
        pending = true;
        window.requestAnimationFrame(function () { pending = false; updateLabels(state); });
      });
    }
    if (data.regions && data.regions.length) {
      network.on("beforeDrawing", function (ctx) {
        drawRegions(ctx, data.regions);
      });
    }
    network.on("click", function (params) {
      var claimId = null;
      var relation = null;
      for (var i = 0; i < params.nodes.length; i++) {
        var node = nodes.get(params.nodes[i]);
        if (data.claims[params.nodes[i]]) claimId = params.nodes[i];
        else if (node && node.relation) relation = node.relation;
      }
      if (!claimId && !relation && params.edges.length) {
        var edge = edges.get(params.edges[0]);
        if (edge) relation = edge.relation;
      }
      if (claimId || !relation) select(state, claimId, true);
      else selectRelation(state, relation);
    });
    wireControls(state);
    applyFilters(state);
    return state;
  }

  /* The overview of a large graph: topics and questions, drawn once; a click on one
   * opens its map page (the page lists the same links for the keyboard). */
  function initOverview(section, data) {
    var canvas = section.querySelector(".ag-canvas");
    var camera = openingCamera(data, canvas);
    var nodes = new vis.DataSet(leadLabels(data.nodes, camera.scale));
    var edges = new vis.DataSet(data.edges);
    var network = new vis.Network(canvas, { nodes: nodes, edges: edges }, data.options);
    var state = { data: data, nodes: nodes, edges: edges, network: network, section: section, draws: 0 };
    views[data.key] = state;
    network.on("afterDrawing", function () { state.draws += 1; });
    network.moveTo({ position: camera.position, scale: camera.scale, animation: false });
    network.once("afterDrawing", function () {
      section.setAttribute("data-state", "ready");
      section.dispatchEvent(new Event("ag-ready"));
    });
    var pending = false;
    network.on("zoom", function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        nodes.update(leadLabels(data.nodes, network.getScale()).filter(function (n) { return n.lead; }));
      });
    });
    network.on("click", function (params) {
      var node = params.nodes.length ? nodes.get(params.nodes[0]) : null;
      if (node && node.href) window.location.href = node.href;
    });
    network.on("hoverNode", function (params) {
      canvas.style.cursor = nodes.get(params.node).href ? "pointer" : "";
    });
    network.on("blurNode", function () { canvas.style.cursor = ""; });
    var fit = section.querySelector(".ag-fit");
    if (fit) fit.addEventListener("click", function () { fitWithMargin(network); });
    return state;
  }

  /* The overview's largest topics ("lead"), largest first, labelled at 13 px on screen
   * at ``scale`` where the label does not overlap one already placed. */
  function leadLabels(list, scale) {
    var placed = [];
    return list.map(function (node) {
      if (!node.lead) return node;
      var free = placed.every(function (p) {
        return Math.abs(p.x - node.x) * scale > 170 || Math.abs(p.y - node.y) * scale > 50;
      });
      var copy = {};
      for (var k in node) if (Object.prototype.hasOwnProperty.call(node, k)) copy[k] = node[k];
      if (free) {
        placed.push(node);
        copy.font = { size: Math.max(14, Math.round(13 / scale)), color: node.font.color,
          background: "rgba(255, 255, 255, 0.85)" };
      }
      return copy;
    });
  }

  /* Fit, then zoom out a little: fit() counts nodes, not their labels. */
  function fitWithMargin(network) {
    network.fit({ animation: false });
    network.moveTo({ scale: network.getScale() * 0.9, animation: false });
  }

  /* The left, right and top of a map's bands. */
  function bandExtent(regions) {
    var bands = (regions || []).filter(function (r) { return r.kind === "band"; });
    if (!bands.length) return null;
    return {
      left: Math.min.apply(null, bands.map(function (b) { return b.x; })),
      right: Math.max.apply(null, bands.map(function (b) { return b.x + b.w; })),
      top: Math.min.apply(null, bands.map(function (b) { return b.y; })),
    };
  }

  /* An argument map comes in several shapes, widest first (two boxes a row per column,
   * one, narrow boxes): take the first the canvas shows whole at READABLE or more, else
   * the narrowest. Written into the data before the network exists (no second drawing). */
  function chooseMapShape(data, box) {
    var shapes = data.alternatives || [];
    var extent = bandExtent(data.regions);
    if (!shapes.length || !extent || (box.width - 16) / (extent.right - extent.left) >= READABLE) return;
    var chosen = shapes[shapes.length - 1];
    for (var i = 0; i < shapes.length - 1; i++) {
      var e = bandExtent(shapes[i].regions);
      if ((box.width - 16) / (e.right - e.left) >= READABLE) { chosen = shapes[i]; break; }
    }
    data.nodes.forEach(function (node, n) {
      node.x = chosen.xy[n][0];
      node.y = chosen.xy[n][1];
      if (node.kind === "claim") node.widthConstraint = { minimum: chosen.box, maximum: chosen.box };
    });
    data.regions = chosen.regions;
    data.box = chosen.box;
  }

  /* An argument map opens at its top, both sides whole: as wide as the canvas, at most
   * zoom 1 (its shape was chosen so that this is READABLE or more on any screen of
   * 330 px and wider). */
  function mapCamera(regions, box) {
    var extent = bandExtent(regions);
    if (!extent) return null;
    var scale = Math.min(1, (box.width - 16) / (extent.right - extent.left));
    var x = (extent.left + extent.right) / 2;
    return { position: { x: x, y: extent.top + box.height / 2 / scale - 8 / scale }, scale: scale };
  }

  /* Where a map with positions given opens: an argument map at its top (mapCamera),
   * any other fitted with a margin, as vis-network's fit would (nodes and regions). */
  function openingCamera(data, canvas) {
    var box = canvas.getBoundingClientRect();
    if (data.layout === "layered") {
      chooseMapShape(data, box);
      var map = mapCamera(data.regions, box);
      if (map) return map;
    }
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    function take(x0, y0, x1, y1) {
      if (x0 < minX) minX = x0;
      if (x1 > maxX) maxX = x1;
      if (y0 < minY) minY = y0;
      if (y1 > maxY) maxY = y1;
    }
    data.nodes.forEach(function (n) {
      var r = n.size || data.options.nodes.size || 14;
      take(n.x - r, n.y - r, n.x + r, n.y + r);
    });
    (data.regions || []).forEach(function (r) {
      if (r.kind === "band") take(r.x, r.y, r.x + r.w, r.y + r.h);
      else take(r.x - r.r - 20, r.y - r.r - 30 - Math.max(40, r.r / 4), r.x + r.r + 20, r.y + r.r + 20);
    });
    var scale = Math.min(1, box.width / ((maxX - minX) || 1), box.height / ((maxY - minY) || 1));
    return { position: { x: (minX + maxX) / 2, y: (minY + maxY) / 2 }, scale: scale * 0.9 };
  }

  /* The whole graph: its most connected claims keep a label of readable size at any
   * zoom; the others show theirs from LABEL_ALL on (their tooltip always). */
  function updateLabels(state) {
    var scale = state.network.getScale();
    var all = scale >= LABEL_ALL;
    var size = Math.max(14, Math.round(13 / scale));
    if (all === state.labelsAll && size === state.centralSize) return;
    var updates = labelChanges(state, all, size);
    if (updates.length) state.nodes.update(updates);
  }

  /* What the labels and the central claims' fonts become at a zoom (and record it). */
  function labelChanges(state, all, size) {
    var updates = [];
    state.data.nodes.forEach(function (node) {
      if (node.kind !== "claim") return;
      if (node.central) {
        if (size !== state.centralSize) updates.push({ id: node.id, font: fontOf(state, node, size) });
      } else if (all !== state.labelsAll) {
        updates.push({ id: node.id, label: all ? node.label : "" });
      }
    });
    state.labelsAll = all;
    state.centralSize = size;
    return updates;
  }

  /* The whole graph's nodes as they open at ``scale``: written into the data before
   * the network exists, since changing them afterwards would draw the map again. */
  function openingLabels(state, scale) {
    var changes = {};
    labelChanges(state, scale >= LABEL_ALL, Math.max(14, Math.round(13 / scale))).forEach(function (u) {
      changes[u.id] = u;
    });
    return state.data.nodes.map(function (node) {
      var change = changes[node.id];
      if (!change) return node;
      var copy = {};
      for (var k in node) if (Object.prototype.hasOwnProperty.call(node, k)) copy[k] = node[k];
      if ("label" in change) copy.label = change.label;
      if (change.font) copy.font = change.font;
      return copy;
    });
  }

  function fontOf(state, node, size) {
    var font = {};
    var base = node.font || {};
    for (var k in base) if (Object.prototype.hasOwnProperty.call(base, k)) font[k] = base[k];
    if (state.dimmed[node.id]) font.color = "#c8c8c8";
    if (node.central && state.data.kind === "graph") {
      font.size = size || state.centralSize || 14;
      font.background = "rgba(255, 255, 255, 0.85)";
    }
    return font;
  }

  function shorten(text, width) {
    text = text.split(/\s+/).join(" ");
    return text.length <= width ? text : text.slice(0, width - 1).trim() + "\u2026";
  }

  function statementOf(data, id) {
    if (data.claims[id]) return data.claims[id].statement;
    if (data.statements && id in data.statements) return data.statements[id];
    return id in loaded.statements ? loaded.statements[id] : id;
  }

  /* Labels of the view's topics and speakers by id (a summary names them by id). */
  function facetLabels(data) {
    var labels = { topics: {}, speakers: {} };
    ["topics", "speakers"].forEach(function (facet) {
      (data.facets[facet] || []).forEach(function (pair) { labels[facet][pair[0]] = pair[1]; });
    });
    return labels;
  }

  /* A claim's whole details: in the page, or from a details file once loaded (else null). */
  function detailsOf(data, id) {
    if (!data.details) return data.claims[id];
    return loaded.claims[id] || null;
  }

  /* Load the details file that holds claim ``id``, then call ``done(ok)``. */
  function loadDetails(data, id, done) {
    var file = data.details + data.claims[id].file;
    var entry = loaded.files[file];
    if (entry && entry.state !== "loading") return done(entry.state === "loaded");
    if (entry) return entry.waiting.push(done);
    entry = loaded.files[file] = { state: "loading", waiting: [done] };
    var script = document.createElement("script");
    script.src = file;
    function finish(ok) {
      entry.state = ok ? "loaded" : "failed";
      entry.waiting.splice(0).forEach(function (callback) { callback(ok); });
    }
    script.onload = function () { finish(true); };
    script.onerror = function () { finish(false); };
    document.head.appendChild(script);
  }

  function addDetails(block) {
    Object.keys(block.claims).forEach(function (id) { loaded.claims[id] = block.claims[id]; });
    Object.keys(block.statements).forEach(function (id) { loaded.statements[id] = block.statements[id]; });
  }

  /* "source" supports "target", for tooltips; an undercut's target is a relation. */
  function relationText(data, key, depth) {
    var rel = data.relations[key];
    depth = depth || 0;
    var target = !rel.undercut ? shorten(statementOf(data, rel.target), 60)
      : "the inference (" + (depth < 2 && data.relations[rel.target]
        ? relationText(data, rel.target, depth + 1) : rel.target) + ")";
    if (!rel.undercut) target = "\u201c" + target + "\u201d";
    return "\u201c" + shorten(statementOf(data, rel.source), 60) + "\u201d " + rel.kind + " " + target;
  }

  /* A relation's tooltip and details, the one place they are written: its ends and
   * kind, who draws it (their quote), and its note (a drafted relation's confidence). */
  function relationLines(data, key) {
    var rel = data.relations[key];
    var lines = [relationText(data, key) + (rel.undercut ? " (undercut: attacks the inference)" : "")];
    if (rel.by) lines.push(rel.by.speaker + ": \u201c" + shorten(rel.by.quote, 240) + "\u201d");
    if (rel.note) lines.push("Note: " + rel.note);
    return lines;
  }

  function relationTitle(data, key) {
    return relationLines(data, key).join("\n");
  }

  /* A plain-text tooltip: vis-network shows string titles with innerText. */
  function tooltip(claim, node, labels) {
    var statement = claim.statement.length > 240 ? claim.statement.slice(0, 239) + "\u2026" : claim.statement;
    var topics = claim.topics || node.topics.map(function (t) { return labels.topics[t] || t; });
    var holders = claim.holders || node.speakers.map(function (s) { return labels.speakers[s] || s; });
    var lines = [
      statement,
      "Topics: " + (topics.join(", ") || "none"),
      "Held by: " + holders.join(", "),
      "Status: " + claim.status + (claim.strength === null ? "" : ", strength " + claim.strength.toFixed(2)),
    ];
    if (claim.reason) lines.push(shorten(claim.reason, 300));
    if (node.guest) lines.push("(context: outside this view's selection)");
    return lines.join("\n");
  }

  function drawRegions(ctx, regions) {
    ctx.save();
    for (var i = 0; i < regions.length; i++) {
      var r = regions[i];
      if (r.kind === "band") {
        ctx.fillStyle = r.fill;
        ctx.fillRect(r.x, r.y, r.w, r.h);
        ctx.fillStyle = r.ink;
        ctx.textAlign = "left";
        if (r.lines) { /* what is beneath an answer: a thin rule, a smaller label */
          ctx.fillRect(r.x, r.y, r.w, 2);
          ctx.font = "16px system-ui, sans-serif";
          for (var l = 0; l < r.lines.length; l++) ctx.fillText(r.lines[l], r.x + 14, r.y + 22 + 20 * l);
          continue;
        }
        ctx.fillRect(r.x, r.y, r.w, 6);
        ctx.font = "bold 22px system-ui, sans-serif";
        ctx.fillText(r.label, r.x + 14, r.y + 32);
        continue;
      }
      ctx.beginPath();
      ctx.arc(r.x, r.y, r.r + 20, 0, 2 * Math.PI);
      ctx.fillStyle = "rgba(120, 144, 156, 0.07)";
      ctx.fill();
      var size = Math.max(40, Math.round(r.r / 4));
      ctx.font = "bold " + size + "px system-ui, sans-serif";
      ctx.fillStyle = "rgba(55, 71, 79, 0.75)";
      ctx.textAlign = "center";
      ctx.fillText(r.label, r.x, r.y - r.r - 30);
    }
    ctx.restore();
  }

  /* ------------------------------------------------------------ filters */

  function controlValue(section, facet) {
    var select = section.querySelector('select.ag-filter[data-facet="' + facet + '"]');
    return select ? select.value : "";
  }

  function relationVisible(state, key, kinds, claimShown, memo, depth) {
    if (key in memo) return memo[key];
    var rel = state.data.relations[key];
    memo[key] = false; /* a loop of undercuts resolves to hidden while it is being checked */
    var shown = kinds[rel.undercut ? "undercut" : rel.kind] && kinds[rel.kind] && claimShown[rel.source];
    if (shown) {
      if (rel.undercut) {
        shown = rel.target in state.data.relations &&
          (depth > 50 || relationVisible(state, rel.target, kinds, claimShown, memo, depth + 1));
      } else {
        shown = !!claimShown[rel.target];
      }
    }
    memo[key] = !!shown;
    return memo[key];
  }

  /* The claims a relation joins: its source and, along undercuts, the claim it argues about. */
  function relationEnds(data, key, depth) {
    var rel = data.relations[key];
    if (!rel) return [];
    if (!rel.undercut) return [rel.source, rel.target];
    return depth > 50 ? [rel.source] : [rel.source].concat(relationEnds(data, rel.target, (depth || 0) + 1));
  }

  function applyFilters(state) {
    var section = state.section;
    var data = state.data;
    var topic = controlValue(section, "topics");
    var speaker = controlValue(section, "speakers");
    var documentId = controlValue(section, "documents");
    var guestsBox = section.querySelector(".ag-guests");
    var guests = guestsBox ? guestsBox.checked : true;
    var kinds = { supports: true, rebuts: true, undercut: true };
    var boxes = section.querySelectorAll(".ag-kind");
    for (var b = 0; b < boxes.length; b++) kinds[boxes[b].value] = boxes[b].checked;

    var claimShown = {};
    data.nodes.forEach(function (node) {
      if (node.kind !== "claim") return;
      claimShown[node.id] = (!topic || node.topics.indexOf(topic) >= 0) &&
        (!speaker || node.speakers.indexOf(speaker) >= 0) &&
        (!documentId || node.documents.indexOf(documentId) >= 0) &&
        (guests || !node.guest);
    });
    var keys = Object.keys(data.relations);
    var touching = null;
    if (speaker) {
      /* a speaker's claims with every relation touching them, and the claims at their other ends */
      touching = {};
      var own = {};
      for (var id in claimShown) own[id] = claimShown[id];
      keys.forEach(function (key) {
        var ends = relationEnds(data, key, 0);
        var rel = data.relations[key];
        var kindOn = kinds[rel.undercut ? "undercut" : rel.kind] && kinds[rel.kind];
        if (!kindOn || !ends.some(function (end) { return own[end]; })) return;
        touching[key] = true;
        ends.forEach(function (end) { if (end in claimShown) claimShown[end] = true; });
      });
    }
    var memo = {};
    keys.forEach(function (key) { relationVisible(state, key, kinds, claimShown, memo, 0); });
    if (touching) {
      var shown = {};
      keys.forEach(function (key) {
        for (var k = key, d = 0; touching[key] && memo[k] && !shown[k] && d < 50; d++) {
          shown[k] = true; /* with the relations its undercuts attack */
          if (!data.relations[k].undercut) break;
          k = data.relations[k].target;
        }
      });
      keys.forEach(function (key) { memo[key] = !!shown[key]; });
    }
    var shownClaims = 0;
    var nodeUpdates = [];
    data.nodes.forEach(function (node) {
      var show = node.kind === "claim" ? claimShown[node.id] : !!memo[node.relation];
      if (node.kind === "claim" && show) shownClaims++;
      if (!!state.hidden[node.id] === !!show) nodeUpdates.push({ id: node.id, hidden: !show });
    });
    var shownRelations = keys.filter(function (key) { return memo[key]; }).length;
    var edgeUpdates = [];
    data.edges.forEach(function (edge) {
      if (!!state.hidden[edge.id] !== !memo[edge.relation]) {
        edgeUpdates.push({ id: edge.id, hidden: !memo[edge.relation] });
      }
    });
    /* only what changed: updating thousands of items on every change is slow */
    nodeUpdates.forEach(function (u) { state.hidden[u.id] = u.hidden; });
    edgeUpdates.forEach(function (u) { state.hidden[u.id] = u.hidden; });
    if (nodeUpdates.length) state.nodes.update(nodeUpdates);
    if (edgeUpdates.length) state.edges.update(edgeUpdates);
    state.visibleClaims = shownClaims;
    state.visibleRelations = shownRelations;
    var count = section.querySelector(".ag-count");
    if (count) {
      count.textContent = "Showing " + shownClaims + " of " + data.counts.claims + " claims and " +
        shownRelations + " of " + data.counts.relations + " relations.";
    }
  }

  /* ------------------------------------------------------------ search */

  function search(state, query) {
    var results = state.section.querySelector(".ag-results");
    if (!results) return [];
    results.textContent = "";
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) {
      state.network.unselectAll();
      return [];
    }
    var matches = Object.keys(state.data.claims).filter(function (id) {
      var text = state.data.claims[id].statement.toLowerCase();
      return words.every(function (w) { return text.indexOf(w) >= 0; });
    });
    results.appendChild(make("p", "ag-note", matches.length + (matches.length === 1 ? " claim matches." : " claims match.")));
    var list = make("ul", "ag-result-list");
    matches.slice(0, 30).forEach(function (id) {
      var item = make("li");
      var button = make("button", "ag-link", state.data.claims[id].statement);
      button.type = "button";
      button.addEventListener("click", function () { focusClaim(state, id); });
      item.appendChild(button);
      list.appendChild(item);
    });
    results.appendChild(list);
    state.network.selectNodes(matches.filter(function (id) {
      var node = state.nodes.get(id);
      return node && !node.hidden;
    }), false);
    return matches;
  }

  function focusClaim(state, id) {
    var node = state.nodes.get(id);
    if (node && node.hidden) {
      resetFilters(state);
    }
    state.network.selectNodes([id], false);
    state.network.focus(id, { scale: Math.max(state.network.getScale(), 1.0), animation: false });
    select(state, id);
  }

  function resetFilters(state) {
    var selects = state.section.querySelectorAll("select.ag-filter");
    for (var i = 0; i < selects.length; i++) selects[i].value = "";
    var boxes = state.section.querySelectorAll(".ag-kind, .ag-guests");
    for (var j = 0; j < boxes.length; j++) boxes[j].checked = true;
    applyFilters(state);
  }

  /* Reset: every filter, the search and the selection. */
  function resetAll(state) {
    var input = state.section.querySelector(".ag-search");
    if (input) input.value = "";
    search(state, "");
    resetFilters(state);
    select(state, null);
  }

  /* ------------------------------------------------------------ selection */

  function neighbours(state, id) {
    var found = {};
    found[id] = true;
    var queue = [id];
    while (queue.length) {
      var current = queue.pop();
      state.network.getConnectedNodes(current).forEach(function (other) {
        if (found[other]) return;
        found[other] = true;
        if (!state.data.claims[other]) queue.push(other); /* walk through junction dots */
      });
    }
    return found;
  }

  function highlight(state, id) {
    var data = state.data;
    var keep = id ? neighbours(state, id) : null;
    var updates = [];
    data.nodes.forEach(function (node) {
      var dim = !!keep && !keep[node.id];
      if (dim === !!state.dimmed[node.id]) return;
      state.dimmed[node.id] = dim;
      updates.push({ id: node.id, color: dim ? DIM : node.color, font: fontOf(state, node) });
    });
    if (updates.length) state.nodes.update(updates);
  }

  function select(state, id, tapped) {
    state.selected = id;
    highlight(state, id);
    showDetails(state, id);
    if (id && tapped) bringDetailsIntoView(state);
  }

  /* On a narrow screen the details sit below the map: bring them up to the reader. */
  function bringDetailsIntoView(state) {
    var panel = state.section.querySelector(".ag-details");
    var canvas = state.section.querySelector(".ag-canvas");
    if (!panel || !canvas) return;
    if (panel.getBoundingClientRect().top < canvas.getBoundingClientRect().bottom - 1) return;
    addBackButton(panel, canvas);
    panel.scrollIntoView({ block: "start" });
  }

  function addBackButton(panel, canvas) {
    var back = make("button", "ag-back-to-map", "\u2191 Back to the map");
    back.type = "button";
    back.addEventListener("click", function () { canvas.scrollIntoView({ block: "start" }); });
    panel.insertBefore(back, panel.firstChild);
  }

  function selectRelation(state, key) {
    state.selected = null;
    highlight(state, null);
    var panel = state.section.querySelector(".ag-details");
    if (!panel) return;
    panel.textContent = "";
    var rel = state.data.relations[key];
    panel.appendChild(make("h3", "ag-statement", rel.undercut ? "Undercut" : "Relation: " + rel.kind));
    relationLines(state.data, key).forEach(function (line, i) {
      panel.appendChild(make("p", i ? "ag-note" : null, line));
    });
    [rel.source, rel.undercut ? null : rel.target].forEach(function (id) {
      if (!id || !state.data.claims[id]) return;
      var button = make("button", "ag-link", statementOf(state.data, id));
      button.type = "button";
      button.addEventListener("click", function () { focusClaim(state, id); });
      var p = make("p");
      p.appendChild(button);
      panel.appendChild(p);
    });
    bringDetailsIntoView(state);
  }

  function claimList(state, title, items) {
    var box = make("div", "ag-block");
    box.appendChild(make("h4", null, title + " (" + items.length + ")"));
    if (!items.length) {
      box.appendChild(make("p", "ag-note", "none"));
      return box;
    }
    var list = make("ul");
    items.forEach(function (item) {
      var li = make("li");
      if (item.kind) li.appendChild(make("span", "ag-tag ag-" + item.kind, item.kind));
      if (item.id === null) {
        li.appendChild(make("span", null, "the inference " + item.of));
      } else if (state.data.claims[item.id]) {
        var button = make("button", "ag-link", statementOf(state.data, item.id));
        button.type = "button";
        button.addEventListener("click", function () { focusClaim(state, item.id); });
        li.appendChild(button);
      } else {
        li.appendChild(make("span", null, statementOf(state.data, item.id) + " (not in this view)"));
      }
      if (item.id !== null && item.of) {
        li.appendChild(make("span", "ag-note", " \u2014 against the inference " + item.of));
      }
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }

  function showDetails(state, id) {
    var panel = state.section.querySelector(".ag-details");
    if (!panel) return;
    panel.textContent = "";
    if (!id) {
      panel.appendChild(make("p", "ag-hint", "Click or tap a claim or an arrow to see its details."));
      return;
    }
    var claim = detailsOf(state.data, id);
    if (!claim) return showLoading(state, panel, id);
    panel.appendChild(make("h3", "ag-statement", claim.statement));
    var meta = make("p", "ag-meta");
    var badge = make("span", "ag-status ag-status-" + claim.status.replace(/\s+/g, "-"), claim.status);
    if (claim.reason) badge.title = claim.reason;
    meta.appendChild(badge);
    if (claim.strength !== null) meta.appendChild(make("span", null, " strength " + claim.strength.toFixed(2)));
    meta.appendChild(make("span", "ag-note", " \u00b7 id " + id));
    panel.appendChild(meta);
    if (claim.reason) panel.appendChild(make("p", "ag-reason", claim.reason));
    panel.appendChild(make("p", null, "Topics: " + (claim.topics.join(", ") || "none")));
    panel.appendChild(make("p", null, "Held by: " + claim.holders.join(", ")));
    var quotes = make("div", "ag-block");
    quotes.appendChild(make("h4", null, "Quotes (" + claim.quotes.length + ")"));
    claim.quotes.forEach(function (q) {
      var fig = make("figure", "ag-quote");
      fig.appendChild(make("blockquote", null, q.quote));
      var how = q.how === "implicit" ? " (implicit: the text leaves it unsaid; the words are the annotator's)"
        : q.how === "asked" ? " (asked as a question, not held)" : "";
      fig.appendChild(make("figcaption", null, "\u2014 " + q.speaker + ", in " + q.document + how));
      quotes.appendChild(fig);
    });
    panel.appendChild(quotes);
    panel.appendChild(claimList(state, "Supported by", claim.supporters));
    panel.appendChild(claimList(state, "Rebutted by", claim.rebutters));
    if (claim.undercutters.length) panel.appendChild(claimList(state, "Its inferences attacked by", claim.undercutters));
    panel.appendChild(claimList(state, "It argues", claim.outgoing));
    if (claim.note) panel.appendChild(make("p", "ag-note", "Note: " + claim.note));
  }

  /* The statement at once, the rest when its details file has loaded. */
  function showLoading(state, panel, id) {
    panel.appendChild(make("h3", "ag-statement", state.data.claims[id].statement));
    var note = make("p", "ag-note ag-loading", "Loading the details\u2026");
    panel.appendChild(note);
    loadDetails(state.data, id, function (ok) {
      if (ok && loaded.claims[id]) {
        if (state.selected !== id || !note.isConnected) return;
        var back = panel.querySelector(".ag-back-to-map");
        showDetails(state, id);
        if (!back) return;
        addBackButton(panel, state.section.querySelector(".ag-canvas"));
        panel.scrollIntoView({ block: "start" }); /* the page has grown: bring it up again */
        return;
      }
      note.textContent = "The details could not be read from " + state.data.details +
        " (keep the assets folder beside this page).";
    });
  }

  /* ------------------------------------------------------------ wiring */

  function wireControls(state) {
    var section = state.section;
    var selects = section.querySelectorAll("select.ag-filter");
    for (var i = 0; i < selects.length; i++) {
      selects[i].addEventListener("change", function () { applyFilters(state); });
    }
    var boxes = section.querySelectorAll(".ag-kind, .ag-guests");
    for (var j = 0; j < boxes.length; j++) {
      boxes[j].addEventListener("change", function () { applyFilters(state); });
    }
    var input = section.querySelector(".ag-search");
    if (input) {
      input.addEventListener("input", function () { search(state, input.value); });
      input.addEventListener("keydown", function (event) {
        if (event.key !== "Enter") return;
        var ids = state.network.getSelectedNodes();
        if (ids.length) state.network.fit({ nodes: ids, animation: false });
      });
    }
    var fit = section.querySelector(".ag-fit");
    if (fit) fit.addEventListener("click", function () { fitWithMargin(state.network); });
    var reset = section.querySelector(".ag-reset");
    if (reset) reset.addEventListener("click", function () { resetAll(state); });
  }

  /* ------------------------------------------------------------ tables (report) */

  function sortValue(cell, numeric) {
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    return numeric ? parseFloat(raw) || 0 : raw.trim().toLowerCase();
  }

  function wireTable(table) {
    var headers = table.querySelectorAll("thead th");
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.getAttribute("data-type") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortValue(a.cells[column], numeric);
          var y = sortValue(b.cells[column], numeric);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function filterTable(tableId) {
    var table = document.getElementById(tableId);
    var input = document.querySelector('.ag-table-filter[data-table="' + tableId + '"]');
    var status = document.querySelector('.ag-table-status[data-table="' + tableId + '"]');
    var words = (input ? input.value : "").toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = status ? status.value : "";
    var shown = 0;
    var rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var text = rows[i].textContent.toLowerCase();
      var show = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
        (!wanted || rows[i].getAttribute("data-status") === wanted);
      rows[i].hidden = !show;
      if (show) shown++;
    }
    var count = document.querySelector('.ag-table-count[data-table="' + tableId + '"]');
    if (count) count.textContent = shown + " of " + rows.length + " claims shown.";
    return shown;
  }

  function wireTables() {
    Array.prototype.forEach.call(document.querySelectorAll("table.ag-sortable"), wireTable);
    Array.prototype.forEach.call(
      document.querySelectorAll(".ag-table-filter, .ag-table-status"),
      function (control) {
        var tableId = control.getAttribute("data-table");
        control.addEventListener(control.tagName === "SELECT" ? "change" : "input", function () {
          filterTable(tableId);
        });
        filterTable(tableId);
      }
    );
  }

  function initAll() {
    var sections = document.querySelectorAll("section.ag-view");
    for (var i = 0; i < sections.length; i++) init(sections[i]);
  }

  function start() {
    wireTables();
    var sections = document.querySelectorAll("section.ag-view");
    var lazy = [];
    for (var i = 0; i < sections.length; i++) {
      if (sections[i].getAttribute("data-lazy") && "IntersectionObserver" in window) lazy.push(sections[i]);
      else init(sections[i]);
    }
    if (!lazy.length) return;
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          init(entry.target);
        }
      });
    }, { rootMargin: "200px" });
    lazy.forEach(function (section) { observer.observe(section); });
  }

  window.arggraph = {
    views: views,
    init: function (key) {
      var sections = document.querySelectorAll("section.ag-view");
      for (var i = 0; i < sections.length; i++) {
        if (sections[i].getAttribute("data-key") === key) return init(sections[i]);
      }
      return null;
    },
    initAll: initAll,
    applyFilters: function (key) { applyFilters(views[key]); },
    search: function (key, query) { return search(views[key], query); },
    filterTable: filterTable,
    addDetails: addDetails,
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
