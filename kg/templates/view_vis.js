// govkg classic view (kg view --renderer vis): the nodes, edges and options pyvis's Network built
// are in the JSON block; this draws them with the vis-network pyvis ships and wires search, the
// type and relation filters and the evidence panel. Article text is data: it only ever reaches
// the page through textContent / createTextNode (vis-network writes a string title as innerText).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = data.meta;
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.i] = n; });
  var style = {};
  data.classes.forEach(function (c) { style[c.name] = c; });
  var typeOn = {}, predOn = {};
  data.classes.forEach(function (c) { typeOn[c.name] = true; });
  data.predicates.forEach(function (p) { predOn[p.name] = true; });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function colorOf(cls) { return (style[cls] || {color: "#8c8c8c"}).color; }
  function predName(p) { var x = data.allPredicates[p]; return x ? x.zh : p; }
  function tag(cls) {
    var s = style[cls];
    var t = el("span", s ? s.zh : cls, "tag");
    t.style.background = colorOf(cls);
    return t;
  }
  function showDate(d) {
    if (!d) return "";
    var m = /^--(\d{2})-(\d{2})/.exec(d);
    if (m) return (+m[1]) + "月" + (+m[2]) + "日 (year unknown 年份不详)";
    return d.slice(0, 10);
  }
  function dateRank(d) { return !d ? "3" : /^\d{4}/.test(d) ? "1" + d : "2" + d; }

  document.getElementById("title").textContent = meta.title;
  var notice = [];
  if (meta.omitted.nodes > 0) {
    var parts = meta.omitted.byClass.map(function (x) { return x[1] + " " + x[0]; });
    notice.push("Showing the " + meta.shown + " most connected of " + meta.total + " entities; left out " +
      meta.omitted.nodes + " entities (" + parts.join(", ") + ") and " + meta.omitted.edges +
      " relations. Use --focus NAME, --types, --predicates or --max-nodes to see them, " +
      "or the default canvas page (kg view without --renderer vis) for large graphs.");
  }
  if (meta.note) notice.push("Restricted to " + meta.note + ".");
  if (data.vis.edges.length > data.vis.responsiveLines) {
    notice.push("This classic page draws " + data.vis.edges.length + " lines; vis-network stays responsive up to about " +
      data.vis.responsiveLines + ". Draw less with --focus NAME or --max-nodes, or use the default canvas page.");
  }
  if (notice.length) {
    var nb = document.getElementById("notice");
    nb.textContent = notice.join(" ");
    nb.hidden = false;
  }
  document.getElementById("counts").textContent =
    meta.shown + " entities, " + meta.shownEdges + " relations drawn" +
    (meta.total > meta.shown ? " (of " + meta.total + ")" : "") + " · " + meta.source;

  // ---------------------------------------------------------------- network (built by pyvis)
  var nodes = new vis.DataSet(data.vis.nodes);
  var edges = new vis.DataSet(data.vis.edges);
  var nodesView = new vis.DataView(nodes, {filter: function (n) { return typeOn[n.cls]; }});
  var edgesView = new vis.DataView(edges, {filter: function (e) {
    return e.preds.some(function (p) { return predOn[p]; });
  }});
  var network = new vis.Network(document.getElementById("graph"), {nodes: nodesView, edges: edgesView},
    data.vis.options);
  network.once("afterDrawing", function () { document.body.setAttribute("data-ready", "1"); });

  // ---------------------------------------------------------------- filters (the legend)
  function checkbox(container, key, labelNodes, onChange) {
    var lab = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-key", key);
    box.addEventListener("change", function () { onChange(box.checked); });
    lab.appendChild(box);
    labelNodes.forEach(function (x) { lab.appendChild(x); });
    container.appendChild(lab);
    return box;
  }
  var typeBoxes = {};
  data.classes.forEach(function (c) {
    var sw = el("span", null, "swatch");
    sw.style.background = c.color;
    typeBoxes[c.name] = checkbox(document.getElementById("types"), c.name,
      [sw, el("span", c.zh + " " + c.en + " (" + c.count + ")")],
      function (on) { typeOn[c.name] = on; nodesView.refresh(); });
  });
  data.predicates.forEach(function (p) {
    checkbox(document.getElementById("preds"), p.name, [el("span", p.zh + " " + p.en)],
      function (on) { predOn[p.name] = on; edgesView.refresh(); });
  });

  // ---------------------------------------------------------------- search (over the drawn entities)
  var index = data.nodes.filter(function (n) { return n.x !== undefined; }).map(function (n) {
    return {n: n, keys: [n.l].concat(n.a).map(function (s) { return s.toLowerCase(); })};
  });
  var search = document.getElementById("search");
  var results = document.getElementById("results");
  var hits = [];
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    var exact = [], part = [];
    index.forEach(function (it) {
      if (it.keys.indexOf(q) >= 0) exact.push(it.n);
      else if (it.keys.some(function (k) { return k.indexOf(q) >= 0; })) part.push(it.n);
    });
    var rank = function (a, b) { return (b.g - a.g) || (a.l < b.l ? -1 : a.l > b.l ? 1 : 0); };
    return exact.sort(rank).concat(part.sort(rank)).slice(0, 30);
  }
  function showResults() {
    hits = find(search.value);
    results.textContent = "";
    hits.forEach(function (n, k) {
      var li = el("li");
      li.setAttribute("role", "option");
      if (k === 0) li.className = "active";
      var t = tag(n.c);
      t.className = "cls";
      li.appendChild(t);
      li.appendChild(el("span", n.l));
      if (n.a.length) li.appendChild(el("span", n.a.join(" / "), "alias"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(n); });
      results.appendChild(li);
    });
  }
  function choose(n) {
    results.textContent = "";
    search.value = n.l;
    focusNode(n.i);
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { if (!hits.length) showResults(); if (hits.length) choose(hits[0]); }
    if (ev.key === "Escape") results.textContent = "";
  });
  search.addEventListener("blur", function () { results.textContent = ""; });

  function focusNode(id) {
    var n = byId[id];
    if (!n || n.x === undefined) { showPanel(id); return; }
    if (!typeOn[n.c]) {  // the user asked for it by name: show its type again
      typeOn[n.c] = true;
      typeBoxes[n.c].checked = true;
      nodesView.refresh();
    }
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.2), animation: false});
    showPanel(id);
  }
  document.getElementById("fit").addEventListener("click", function () { network.fit({animation: false}); });

  // ---------------------------------------------------------------- side panel
  var relsOf = {};
  data.rels.forEach(function (r) {
    (relsOf[r[0]] = relsOf[r[0]] || []).push({dir: "out", r: r});
    if (r[2] !== r[0]) (relsOf[r[2]] = relsOf[r[2]] || []).push({dir: "in", r: r});
  });
  var postsOf = {};
  data.holdings.forEach(function (h) { (postsOf[h[0]] = postsOf[h[0]] || []).push(h); });

  function nodeLink(id) {
    var n = byId[id];
    if (!n) return el("span", "?");
    var drawn = n.x !== undefined;
    var a = el(drawn ? "a" : "span", n.l, drawn ? "node" : "");
    a.setAttribute("data-id", id);
    if (drawn) a.addEventListener("click", function () { focusNode(id); });
    return a;
  }
  function dateOf(r) {
    var ds = r[3].map(function (ev) { return ev[1] >= 0 ? data.articles[ev[1]][1] || "" : ""; })
      .filter(Boolean).sort(function (a, b) { return dateRank(a) < dateRank(b) ? -1 : 1; });
    return ds.length ? ds[0] : "";
  }
  function showPanel(id) {
    var n = byId[id];
    var panel = document.getElementById("panel");
    panel.textContent = "";
    if (!n) return;
    panel.setAttribute("data-id", id);
    panel.appendChild(el("h3", n.l));
    var cl = el("p");
    cl.appendChild(tag(n.c));
    if (n.s.length) cl.appendChild(el("span", " " + n.s.join(", ")));
    if (n.d) cl.appendChild(el("span", " · " + showDate(n.d)));
    panel.appendChild(cl);
    panel.appendChild(el("p", n.u, "src"));
    if (n.a.length) {
      panel.appendChild(el("h4", "Also called 别名"));
      panel.appendChild(el("p", n.a.join(" · ")));
    }
    var posts = postsOf[id] || [];
    if (posts.length) {
      panel.appendChild(el("h4", "Posts 职务"));
      var ul = el("ul");
      posts.forEach(function (h) {
        var li = el("li");
        li.appendChild(nodeLink(h[1]));
        li.appendChild(el("span", "  " + (showDate(h[2]) || "?") + " – " + (showDate(h[3]) || "?"), "src"));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    var rels = (relsOf[id] || []).slice().sort(function (a, b) {
      var da = dateRank(dateOf(a.r)), db = dateRank(dateOf(b.r));
      return da < db ? -1 : da > db ? 1 : 0;
    });
    panel.appendChild(el("h4", "Relations 关系 (" + rels.length + ")"));
    var list = el("ul");
    rels.forEach(function (x) {
      var r = x.r, li = el("li", null, "rel");
      var head = el("div");
      if (x.dir === "out") {
        head.appendChild(el("span", predName(r[1]) + " → ", "pred"));
        head.appendChild(nodeLink(r[2]));
      } else {
        head.appendChild(nodeLink(r[0]));
        head.appendChild(el("span", " → " + predName(r[1]), "pred"));
      }
      if (r[1] === "coattended") head.appendChild(el("span", "  ×" + r[4], "src"));
      li.appendChild(head);
      if (r[5] && r[5].length) {
        var evs = el("div", "Events together 共同参加: ", "src");
        r[5].forEach(function (e, k) { if (k) evs.appendChild(document.createTextNode(" · ")); evs.appendChild(nodeLink(e)); });
        li.appendChild(evs);
      }
      r[3].forEach(function (ev) {
        li.appendChild(el("blockquote", ev[0]));
        if (ev[1] >= 0) {
          var a = data.articles[ev[1]];
          li.appendChild(el("div", "《" + (a[0] || "(no headline)") + "》 " + showDate(a[1]) +
            (a[2] === "photo" ? " · photo" : "") + (a[3] ? " · " + a[3] : ""), "src"));
        }
      });
      if (!r[3].length && r[1] !== "coattended") li.appendChild(el("div", "(no evidence sentence in the graph)", "muted"));
      list.appendChild(li);
    });
    panel.appendChild(list);
  }
  network.on("click", function (params) {
    if (params.nodes.length) showPanel(params.nodes[0]);
  });

  // A handle for people poking at the page and for the browser tests.
  window.kgView = {renderer: "vis", network: network, nodes: nodes, edges: edges, nodesView: nodesView,
    edgesView: edgesView, focusNode: focusNode, showPanel: showPanel, data: data};
})();
