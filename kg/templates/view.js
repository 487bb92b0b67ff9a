// govkg view: reads the JSON block and draws it on a canvas of its own, with search, filters,
// a time range, the evidence panel and exports. Article text is data: it only ever reaches the
// page through textContent / createTextNode (and is XML-escaped in an exported SVG).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = data.meta;
  var N = data.nodes;                 // N[i].i === i
  var L = data.edges;                 // drawn lines: [s, o, predicates, weight]
  var lang = "zh";
  var style = {};
  data.classes.forEach(function (c) { style[c.name] = c; });
  var typeOn = {}, predOn = {};
  data.classes.forEach(function (c) { typeOn[c.name] = true; });
  data.predicates.forEach(function (p) { predOn[p.name] = true; });

  // Level of detail, in screen pixels: below these, node labels and edge labels are not drawn.
  var LABEL_MIN_R = 3, LABEL_CAP = 200, EDGE_LABEL_SCALE = 1.2, EDGE_LABEL_CAP = 150, ARROW_SCALE = 0.5;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function $(id) { return document.getElementById(id); }
  function colorOf(cls) { return (style[cls] || {color: "#8c8c8c"}).color; }
  function nameOf(p) { var x = data.allPredicates[p] || data.predicates.find(function (q) { return q.name === p; }); return x ? x[lang] : p; }
  function className(c) { var s = style[c]; return s ? s[lang] : c; }
  function subName(s) { var x = data.subclasses[s]; return x ? x[lang] : s; }
  function tag(cls) {
    var t = el("span", className(cls), "tag");
    t.style.background = colorOf(cls);
    return t;
  }

  // ---------------------------------------------------------------- dates
  // "2024-03-05" has a year; "--04-22" (a month-day the text gave without one) does not, and is
  // shown as such and sorted after every dated fact, never as a raw string after 2025.
  function monthOf(d) {
    var m = /^(\d{4})-(\d{2})/.exec(d || "");
    return m ? (+m[1]) * 12 + (+m[2]) - 1 : -1;
  }
  function showDate(d) {
    if (!d) return "";
    var m = /^--(\d{2})-(\d{2})/.exec(d);
    if (m) return (+m[1]) + "月" + (+m[2]) + "日 (year unknown 年份不详)";
    return d.slice(0, 10);
  }
  function dateRank(d) { return !d ? "3" : /^\d{4}/.test(d) ? "1" + d : "2" + d; }
  function monthName(k) { var y = Math.floor(k / 12), m = k % 12 + 1; return y + "-" + (m < 10 ? "0" : "") + m; }

  // ---------------------------------------------------------------- graph structure
  var n = N.length;
  var drawable = new Uint8Array(n), shown = new Uint8Array(n), initial = new Uint8Array(n);
  N.forEach(function (x) { if (x.x !== undefined) { drawable[x.i] = 1; if (x.v) { shown[x.i] = initial[x.i] = 1; } } });
  var adj = [];
  for (var i = 0; i < n; i++) adj.push([]);
  var pairLine = new Map();
  L.forEach(function (e, k) {
    adj[e[0]].push(k);
    if (e[1] !== e[0]) adj[e[1]].push(k);
    pairLine.set(e[0] * n + e[1], k);
    pairLine.set(e[1] * n + e[0], k);
  });
  function other(k, i) { return L[k][0] === i ? L[k][1] : L[k][0]; }
  var relsOf = {};
  data.rels.forEach(function (r) {
    (relsOf[r[0]] = relsOf[r[0]] || []).push(r);
    if (r[2] !== r[0]) (relsOf[r[2]] = relsOf[r[2]] || []).push(r);
  });
  var postsOf = {};
  data.holdings.forEach(function (h) { (postsOf[h[0]] = postsOf[h[0]] || []).push(h); });
  function relDates(r) {
    var ds = r[3].map(function (ev) { return ev[1] >= 0 ? data.articles[ev[1]][1] || "" : ""; });
    r[5].forEach(function (e) { if (N[e] && N[e].d) ds.push(N[e].d); });
    if (r[1] === "attended" || r[1] === "chaired") { if (N[r[2]] && N[r[2]].d) ds.push(N[r[2]].d); }
    return ds.filter(Boolean).sort(function (a, b) { return dateRank(a) < dateRank(b) ? -1 : 1; });
  }
  // months of each drawn line (from the articles of its relations); lines with none are undated
  var lineMonths = L.map(function () { return []; });
  var undatedRels = 0, datedRels = 0, allMonths = new Set();
  data.rels.forEach(function (r) {
    var k = pairLine.get(r[0] * n + r[2]);
    var ms = relDates(r).map(monthOf).filter(function (m) { return m >= 0; });
    if (ms.length) datedRels++; else undatedRels++;
    ms.forEach(function (m) { allMonths.add(m); if (k !== undefined) lineMonths[k].push(m); });
  });
  var months = Array.from(allMonths).sort(function (a, b) { return a - b; });
  var time = {lo: 0, hi: months.length - 1, undated: true};
  function timeActive() { return months.length && (time.lo > 0 || time.hi < months.length - 1 || !time.undated); }
  function lineTimeOk(k) {
    var ms = lineMonths[k];
    if (!ms.length) return time.undated;
    var lo = months[time.lo], hi = months[time.hi];
    for (var j = 0; j < ms.length; j++) if (ms[j] >= lo && ms[j] <= hi) return true;
    return false;
  }

  // ---------------------------------------------------------------- what is visible
  var vis = new Uint8Array(n), visNodes = [], visLines = [], grid = new Map(), CELL = 64;
  var byDegree = N.filter(function (x) { return drawable[x.i]; }).sort(function (a, b) { return (b.g - a.g) || (a.i - b.i); })
    .map(function (x) { return x.i; });
  function recompute() {
    var base = new Uint8Array(n);
    for (var i = 0; i < n; i++) base[i] = shown[i] && drawable[i] && typeOn[N[i].c] ? 1 : 0;
    var lineOk = new Uint8Array(L.length), touched = new Uint8Array(n);
    var ta = timeActive();
    L.forEach(function (e, k) {
      if (!base[e[0]] || !base[e[1]]) return;
      if (!e[2].some(function (p) { return predOn[p]; })) return;
      if (ta && !lineTimeOk(k)) return;
      lineOk[k] = 1; touched[e[0]] = touched[e[1]] = 1;
    });
    visNodes = [];
    byDegree.forEach(function (i) {
      var ok = base[i] && (!ta || touched[i] || (N[i].d && monthOf(N[i].d) >= months[time.lo] && monthOf(N[i].d) <= months[time.hi]));
      vis[i] = ok ? 1 : 0;
      if (ok) visNodes.push(i);
    });
    visLines = [];
    for (var k = 0; k < L.length; k++) if (lineOk[k] && vis[L[k][0]] && vis[L[k][1]]) visLines.push(k);
    grid = new Map();
    visNodes.forEach(function (i) {
      var key = Math.floor(N[i].x / CELL) + "," + Math.floor(N[i].y / CELL);
      var c = grid.get(key);
      if (c) c.push(i); else grid.set(key, [i]);
    });
    sel = sel.filter(function (i) { return vis[i]; });
    updateCounts();
    updateTools();
    requestDraw();
  }

  // ---------------------------------------------------------------- canvas
  var canvas = $("canvas"), ctx = canvas.getContext("2d"), box = $("graph");
  var W = 0, H = 0, dpr = 1, cam = {x: 0, y: 0, s: 1};
  var sel = [], hover = -1, pending = false, edgeLabelCount = 0, frames = [], placed = [], firstDraw = null;
  function resize() {
    dpr = window.devicePixelRatio || 1;
    W = box.clientWidth; H = box.clientHeight;
    canvas.width = Math.max(1, Math.round(W * dpr)); canvas.height = Math.max(1, Math.round(H * dpr));
    canvas.style.width = W + "px"; canvas.style.height = H + "px";
    requestDraw();
  }
  function requestDraw() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; draw(); });
  }
  function sx(x) { return (x - cam.x) * cam.s + W / 2; }
  function sy(y) { return (y - cam.y) * cam.s + H / 2; }
  function wx(px) { return (px - W / 2) / cam.s + cam.x; }
  function wy(py) { return (py - H / 2) / cam.s + cam.y; }
  var FONT = "12px " + data.fonts, FONT_EDGE = "11px " + data.fonts;
  var textW = new Float32Array(n);
  // estimated, not measured: measureText on a few thousand names costs a whole frame, and
  // CJK glyphs are one em wide anyway
  function labelWidth(i) {
    if (!textW[i]) {
      var t = N[i].l, w = 0;
      for (var j = 0; j < t.length; j++) w += t.charCodeAt(j) > 0x2e80 ? 12 : 7;
      textW[i] = w + 1;
    }
    return textW[i];
  }
  function shapePath(shape, x, y, r) {
    switch (shape) {
      case "square": ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7); break;
      case "diamond": ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y); ctx.closePath(); break;
      case "triangle": ctx.moveTo(x, y - r); ctx.lineTo(x + r * 0.9, y + r * 0.7); ctx.lineTo(x - r * 0.9, y + r * 0.7); ctx.closePath(); break;
      case "triangleDown": ctx.moveTo(x, y + r); ctx.lineTo(x + r * 0.9, y - r * 0.7); ctx.lineTo(x - r * 0.9, y - r * 0.7); ctx.closePath(); break;
      case "star":
        for (var k = 0; k < 10; k++) {
          var a = -Math.PI / 2 + k * Math.PI / 5, rr = k % 2 ? r * 0.45 : r;
          if (k) ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a)); else ctx.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
        }
        ctx.closePath(); break;
      case "hexagon":
        for (var h = 0; h < 6; h++) {
          var b = h * Math.PI / 3;
          if (h) ctx.lineTo(x + r * Math.cos(b), y + r * Math.sin(b)); else ctx.moveTo(x + r * Math.cos(b), y + r * Math.sin(b));
        }
        ctx.closePath(); break;
      default: ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
  }
  var sprites = {};
  function sprite(c, st, r) {
    var key = c + "|" + r + "|" + dpr, sp = sprites[key];
    if (sp) return sp;
    sp = document.createElement("canvas");
    sp.width = sp.height = Math.ceil((2 * r + 4) * dpr);
    var g = sp.getContext("2d"), keep = ctx;
    g.scale(dpr, dpr);
    ctx = g;  // shapePath draws on ctx
    ctx.beginPath(); shapePath(st.shape, r + 2, r + 2, r);
    ctx.fillStyle = st.color; ctx.fill();
    ctx.strokeStyle = "rgba(40,40,40,.6)"; ctx.lineWidth = 0.8; ctx.stroke();
    ctx = keep;
    sprites[key] = sp;
    return sp;
  }
  function selectedSet() { var s = new Set(sel); return s; }
  function draw() {
    var t0 = performance.now();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, W, H);
    var s = cam.s, x0 = wx(-50), x1 = wx(W + 50), y0 = wy(-50), y1 = wy(H + 50);
    var selS = selectedSet(), near = new Set();
    sel.forEach(function (i) { adj[i].forEach(function (k) { if (vis[other(k, i)]) near.add(other(k, i)); }); });
    // edges: one path per width class, culled when both ends lie on one outer side of the view
    var paths = [[], [], []], hiLines = [], inView = [];
    for (var q = 0; q < visLines.length; q++) {
      var k = visLines[q], e = L[k], a = N[e[0]], b = N[e[1]];
      if ((a.x < x0 && b.x < x0) || (a.x > x1 && b.x > x1) || (a.y < y0 && b.y < y0) || (a.y > y1 && b.y > y1)) continue;
      if (selS.has(e[0]) || selS.has(e[1])) { hiLines.push(k); continue; }
      inView.push(k);
      paths[e[3] >= 4 ? 2 : e[3] >= 2 ? 1 : 0].push(k);
    }
    var lw = Math.max(0.5, Math.min(1, s * 1.2));  // thin: zoomed in, hundreds of hub lines cross the view
    paths.forEach(function (ks, w) {
      if (!ks.length) return;
      ctx.beginPath();
      ks.forEach(segment);
      ctx.strokeStyle = sel.length ? "#d5dadd" : "#a7b0b8";
      ctx.lineWidth = lw * (1 + 0.6 * w);
      ctx.stroke();
    });
    if (s >= ARROW_SCALE && inView.length < 4000) arrows(inView, sel.length ? "#cfd5d8" : "#98a3ab");
    if (hiLines.length) {
      ctx.beginPath();
      hiLines.forEach(segment);
      ctx.strokeStyle = "#263238"; ctx.lineWidth = Math.max(1.2, lw * 1.6); ctx.stroke();
      arrows(hiLines, "#263238");
    }
    // nodes: one path per class; a node under ~1 px is a square dot
    var byClass = {}, labelled = [];
    for (var v = 0; v < visNodes.length; v++) {
      var i = visNodes[v], p = N[i];
      if (p.x < x0 - 45 || p.x > x1 + 45 || p.y < y0 - 45 || p.y > y1 + 45) continue;
      (byClass[p.c] = byClass[p.c] || []).push(i);
    }
    Object.keys(byClass).forEach(function (c) {
      var st = style[c] || {color: "#8c8c8c", shape: "dot"}, ids = byClass[c], bigs = [];
      ctx.fillStyle = st.color;
      ctx.beginPath();
      ids.forEach(function (i) {
        var r = N[i].z * s * 0.5, x = sx(N[i].x), y = sy(N[i].y);
        if (r < 4) { r = Math.max(r, 1.2); ctx.rect(x - r, y - r, 2 * r, 2 * r); return; }  // too small to tell shapes apart
        if (r <= 40) { bigs.push(i); return; }
        shapePath(st.shape, x, y, r);
      });
      ctx.fill();
      if (s * 21 > 40) { ctx.strokeStyle = "rgba(40,40,40,.6)"; ctx.lineWidth = 0.8; ctx.stroke(); }
      // mid-sized shapes are stamped from a sprite per class and pixel size: thousands of
      // antialiased star and circle paths cost a software-rendered frame 20-90 ms
      bigs.forEach(function (i) {
        var r = Math.round(N[i].z * s * 0.5), sp = sprite(c, st, r);
        ctx.drawImage(sp, Math.round(sx(N[i].x)) - r - 2, Math.round(sy(N[i].y)) - r - 2, sp.width / dpr, sp.height / dpr);
      });
    });
    sel.forEach(function (i) {
      var r = Math.max(4, N[i].z * s * 0.5) + 3;
      ctx.beginPath(); ctx.arc(sx(N[i].x), sy(N[i].y), r, 0, 2 * Math.PI);
      ctx.strokeStyle = "#000"; ctx.lineWidth = 2.5; ctx.stroke();
    });
    // edge labels: the selection's always, the others only zoomed in and few
    ctx.font = FONT_EDGE; ctx.textAlign = "center"; ctx.textBaseline = "middle"; ctx.lineJoin = "round";
    var edgeLabels = hiLines.slice(0, 200);
    if (s >= EDGE_LABEL_SCALE && inView.length <= EDGE_LABEL_CAP * 4) edgeLabels = edgeLabels.concat(inView.slice(0, EDGE_LABEL_CAP));
    edgeLabelCount = 0;
    edgeLabels.forEach(function (k) {
      var e = L[k], ax = sx(N[e[0]].x), ay = sy(N[e[0]].y), bx = sx(N[e[1]].x), by = sy(N[e[1]].y);
      if (Math.abs(bx - ax) + Math.abs(by - ay) < 40) return;
      var t = e[2].map(nameOf).join(" / ") + (e[3] > 1 ? " ×" + e[3] : "");
      ctx.strokeStyle = "#fff"; ctx.lineWidth = 3; ctx.strokeText(t, (ax + bx) / 2, (ay + by) / 2);
      ctx.fillStyle = "#455a64"; ctx.fillText(t, (ax + bx) / 2, (ay + by) / 2);
      edgeLabelCount++;
    });
    // node labels: greedy by priority, none overlapping, only where a node is big enough to read
    ctx.font = FONT; ctx.textAlign = "left";
    var taken = [], TK = 40;
    function free(bx0, by0, bx1, by1) {
      for (var gx = Math.floor(bx0 / TK); gx <= Math.floor(bx1 / TK); gx++)
        for (var gy = Math.floor(by0 / TK); gy <= Math.floor(by1 / TK); gy++) {
          var c = taken[gx * 1000 + gy];
          if (c) for (var j = 0; j < c.length; j++) { var o = c[j]; if (bx0 < o[2] && bx1 > o[0] && by0 < o[3] && by1 > o[1]) return false; }
        }
      return true;
    }
    function take(b) {
      for (var gx = Math.floor(b[0] / TK); gx <= Math.floor(b[2] / TK); gx++)
        for (var gy = Math.floor(b[1] / TK); gy <= Math.floor(b[3] / TK); gy++) (taken[gx * 1000 + gy] = taken[gx * 1000 + gy] || []).push(b);
    }
    placed = [];
    function tryLabel(i, force) {
      var p = N[i], x = sx(p.x), y = sy(p.y);
      if (x < -100 || x > W + 100 || y < -20 || y > H + 20) return false;
      var r = Math.max(2, p.z * s * 0.5), w = labelWidth(i), bx0 = x - w / 2, by0 = y + r + 1, b = [bx0, by0, bx0 + w, by0 + 14];
      if (!force && !free(b[0], b[1], b[2], b[3])) return;
      take(b);
      placed.push([i, x, by0 + 7, force]);
    }
    var forced = sel.slice();
    if (hover >= 0 && vis[hover] && forced.indexOf(hover) < 0) forced.push(hover);
    forced.forEach(function (i) { tryLabel(i, true); });
    near.forEach(function (i) { if (!selS.has(i)) tryLabel(i, false); });
    var count = 0, tries = 0;
    for (var d = 0; d < visNodes.length && count < LABEL_CAP && tries < 4 * LABEL_CAP; d++) {
      var j = visNodes[d];
      if (N[j].z * s * 0.5 < LABEL_MIN_R) continue;  // visNodes is by degree: smaller ones follow, but not always
      if (selS.has(j) || near.has(j) || j === hover) continue;
      var before = placed.length;
      if (tryLabel(j, false) !== false) tries++;
      if (placed.length > before) count++;
    }
    // one fill for every label's backdrop (a stroked halo per label costs twice the text), then the text
    ctx.textAlign = "center";
    ctx.beginPath();
    placed.forEach(function (pl) { if (!pl[3]) { var tw = labelWidth(pl[0]) + 2; ctx.rect(pl[1] - tw / 2, pl[2] - 7, tw, 14); } });
    ctx.fillStyle = "rgba(255,255,255,.8)"; ctx.fill();
    ctx.fillStyle = "#222";
    placed.forEach(function (pl) { if (!pl[3]) ctx.fillText(N[pl[0]].l, pl[1], pl[2]); });
    placed.forEach(function (pl) {  // forced labels (selection, hover) last, on top, on an opaque box
      if (!pl[3]) return;
      var tw = labelWidth(pl[0]) + 6;
      ctx.fillStyle = "rgba(255,255,255,.95)"; ctx.fillRect(pl[1] - tw / 2, pl[2] - 8, tw, 16);
      ctx.strokeStyle = "#90a4ae"; ctx.lineWidth = 1; ctx.strokeRect(pl[1] - tw / 2, pl[2] - 8, tw, 16);
      ctx.fillStyle = "#000"; ctx.fillText(N[pl[0]].l, pl[1], pl[2]);
    });
    var dt = performance.now() - t0;
    frames.push(dt);
    if (frames.length > 500) frames.shift();
    if (firstDraw === null) {
      firstDraw = performance.now();
      document.body.setAttribute("data-ready", "1");
    }
  }
  // the part of a segment inside the view (Liang-Barsky), in screen pixels, or null
  function clip(ax, ay, bx, by) {
    var t0 = 0, t1 = 1, dx = bx - ax, dy = by - ay, m = 20;
    var ps = [-dx, dx, -dy, dy], qs = [ax + m, W + m - ax, ay + m, H + m - ay];
    for (var j = 0; j < 4; j++) {
      if (ps[j] === 0) { if (qs[j] < 0) return null; continue; }
      var t = qs[j] / ps[j];
      if (ps[j] < 0) { if (t > t1) return null; if (t > t0) t0 = t; } else { if (t < t0) return null; if (t < t1) t1 = t; }
    }
    return [ax + t0 * dx, ay + t0 * dy, ax + t1 * dx, ay + t1 * dy];
  }
  function segment(k) {
    var e = L[k], c = clip(sx(N[e[0]].x), sy(N[e[0]].y), sx(N[e[1]].x), sy(N[e[1]].y));
    if (c) { ctx.moveTo(c[0], c[1]); ctx.lineTo(c[2], c[3]); }
  }
  function arrows(ks, color) {
    ctx.beginPath();
    ks.forEach(function (k) {
      var e = L[k];
      if (e[2][0] === "coattended") return;
      var a = N[e[0]], b = N[e[1]], ax = sx(a.x), ay = sy(a.y), bx = sx(b.x), by = sy(b.y);
      var dx = bx - ax, dy = by - ay, len = Math.sqrt(dx * dx + dy * dy);
      var r = b.z * cam.s * 0.5;
      if (len < r + 12) return;
      var ux = dx / len, uy = dy / len, tx = bx - ux * (r + 1), ty = by - uy * (r + 1), h = Math.min(8, 3 + 3 * cam.s);
      if (tx < -10 || tx > W + 10 || ty < -10 || ty > H + 10) return;
      ctx.moveTo(tx, ty);
      ctx.lineTo(tx - ux * h - uy * h * 0.5, ty - uy * h + ux * h * 0.5);
      ctx.lineTo(tx - ux * h + uy * h * 0.5, ty - uy * h - ux * h * 0.5);
      ctx.closePath();
    });
    ctx.fillStyle = color; ctx.fill();
  }

  // ---------------------------------------------------------------- camera and pointer
  function fit(ids) {
    ids = ids || visNodes;
    if (!ids.length) { cam = {x: 0, y: 0, s: 1}; requestDraw(); return; }
    var a = Infinity, b = Infinity, c = -Infinity, d = -Infinity;
    ids.forEach(function (i) { var p = N[i]; a = Math.min(a, p.x); b = Math.min(b, p.y); c = Math.max(c, p.x); d = Math.max(d, p.y); });
    cam.x = (a + c) / 2; cam.y = (b + d) / 2;
    cam.s = Math.min(2, Math.min((W - 60) / Math.max(1, c - a + 60), (H - 60) / Math.max(1, d - b + 60)));
    requestDraw();
  }
  function centreOn(i, scale) {
    cam.x = N[i].x; cam.y = N[i].y;
    if (scale) cam.s = Math.max(cam.s, scale);
    requestDraw();
  }
  function nodeAt(px, py) {
    var x = wx(px), y = wy(py), best = -1, bd = Infinity, tol = 5 / cam.s;
    var reach = 22 + tol, gx0 = Math.floor((x - reach) / CELL), gx1 = Math.floor((x + reach) / CELL);
    var gy0 = Math.floor((y - reach) / CELL), gy1 = Math.floor((y + reach) / CELL);
    if ((gx1 - gx0) * (gy1 - gy0) > 400) return -1;  // too far out to pick a node by hand
    for (var gx = gx0; gx <= gx1; gx++) for (var gy = gy0; gy <= gy1; gy++) {
      var c = grid.get(gx + "," + gy);
      if (!c) continue;
      c.forEach(function (i) {
        var dx = N[i].x - x, dy = N[i].y - y, d = Math.sqrt(dx * dx + dy * dy);
        if (d <= Math.max(N[i].z * 0.5, 3 / cam.s) + tol && d < bd) { bd = d; best = i; }
      });
    }
    return best;
  }
  var tip = $("tip"), drag = null;
  function hideTip() { tip.hidden = true; if (hover >= 0) { hover = -1; requestDraw(); } }
  canvas.addEventListener("pointerdown", function (ev) {
    drag = {x: ev.clientX, y: ev.clientY, cx: cam.x, cy: cam.y, moved: false};
    canvas.setPointerCapture(ev.pointerId);
  });
  canvas.addEventListener("pointermove", function (ev) {
    var r = canvas.getBoundingClientRect();
    if (drag) {  // dragging always pans: nodes stay where the layout put them
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      if (drag.moved) { cam.x = drag.cx - dx / cam.s; cam.y = drag.cy - dy / cam.s; hideTip(); requestDraw(); }
      return;
    }
    var i = nodeAt(ev.clientX - r.left, ev.clientY - r.top);
    if (i !== hover) {
      hover = i;
      if (i >= 0) {
        var p = N[i];
        tip.textContent = p.l + " · " + className(p.c) + (p.s.length ? " · " + p.s.map(subName).join(", ") : "") + " · " + p.g + " relations";
        tip.hidden = false;
      } else tip.hidden = true;
      requestDraw();
    }
    if (i >= 0) { tip.style.left = (ev.clientX - r.left + 14) + "px"; tip.style.top = (ev.clientY - r.top + 14) + "px"; }
  });
  canvas.addEventListener("pointerup", function (ev) {
    var d = drag;
    drag = null;
    if (!d || d.moved) return;
    var r = canvas.getBoundingClientRect(), i = nodeAt(ev.clientX - r.left, ev.clientY - r.top);
    if (i < 0) { if (!ev.shiftKey) select([], true); return; }
    if (ev.shiftKey || ev.ctrlKey || ev.metaKey) {
      var s = sel.slice(), at = s.indexOf(i);
      if (at >= 0) s.splice(at, 1); else s.push(i);
      select(s, true);
    } else select([i], true);
  });
  canvas.addEventListener("pointerleave", hideTip);
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = canvas.getBoundingClientRect(), px = ev.clientX - r.left, py = ev.clientY - r.top;
    var bx = wx(px), by = wy(py);
    cam.s = Math.max(0.02, Math.min(8, cam.s * Math.exp(-ev.deltaY * 0.0015)));
    cam.x = bx - (px - W / 2) / cam.s; cam.y = by - (py - H / 2) / cam.s;
    hideTip();
    requestDraw();
  }, {passive: false});

  // ---------------------------------------------------------------- selection, deep links, history
  function linkName(i) {
    var p = N[i];
    return labelCount[p.l] === 1 ? p.l : p.u;
  }
  var labelCount = {};
  N.forEach(function (p) { labelCount[p.l] = (labelCount[p.l] || 0) + 1; });
  function select(ids, push) {
    sel = ids.filter(function (i) { return vis[i]; });
    var main = sel.length ? sel[sel.length - 1] : (ids.length ? ids[ids.length - 1] : -1);
    showPanel(main);
    updateTools();
    requestDraw();
    if (push) {
      var h = main >= 0 ? "#" + encodeURIComponent(linkName(main)) : "";
      if (location.hash !== h) {
        if (h) location.hash = h; else history.pushState(null, "", location.pathname + location.search);
      }
    }
  }
  function byName(name) {
    var hit = -1;
    N.forEach(function (p) { if (hit < 0 && p.u === name) hit = p.i; });
    if (hit < 0) N.forEach(function (p) { if (hit < 0 && p.l === name) hit = p.i; });
    if (hit < 0) N.forEach(function (p) { if (hit < 0 && p.a.indexOf(name) >= 0) hit = p.i; });
    return hit;
  }
  // Make node I and its neighbours part of the drawing, and every filter let it through.
  function reveal(i, withNeighbours) {
    if (!drawable[i]) return false;
    shown[i] = 1;
    if (withNeighbours) adj[i].forEach(function (k) { shown[other(k, i)] = 1; });
    if (!typeOn[N[i].c]) { typeOn[N[i].c] = true; if (typeBoxes[N[i].c]) typeBoxes[N[i].c].checked = true; }
    recompute();
    if (!vis[i]) { resetTime(); recompute(); }
    return true;
  }
  function goTo(i, push) {
    if (i < 0) return;
    if (reveal(i, true)) centreOn(i, 1.0);
    select([i], push);
  }
  function fromHash() {
    var h = location.hash.slice(1);
    if (!h) { select([], false); return; }
    var name;
    try { name = decodeURIComponent(h); } catch (e) { name = h; }
    var i = byName(name);
    if (i >= 0 && !(sel.length === 1 && sel[0] === i)) goTo(i, false);
  }
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("popstate", fromHash);

  // ---------------------------------------------------------------- neighbourhood tools
  function updateTools() {
    var some = sel.length > 0;
    ["expand", "hide", "only", "csv"].forEach(function (id) { $(id).disabled = !some; });
  }
  $("expand").addEventListener("click", function () {
    sel.forEach(function (i) { adj[i].forEach(function (k) { shown[other(k, i)] = 1; }); });
    recompute();
  });
  $("hide").addEventListener("click", function () {
    sel.forEach(function (i) { shown[i] = 0; });
    sel = [];
    showPanel(-1);
    recompute();
  });
  $("only").addEventListener("click", function () {
    var keep = new Uint8Array(n);
    sel.forEach(function (i) { keep[i] = 1; adj[i].forEach(function (k) { keep[other(k, i)] = 1; }); });
    shown = keep;
    recompute();
    fit();
  });
  $("reset").addEventListener("click", function () {
    shown = initial.slice();
    data.classes.forEach(function (c) { typeOn[c.name] = true; typeBoxes[c.name].checked = true; });
    data.predicates.forEach(function (p) { predOn[p.name] = true; predBoxes[p.name].checked = true; });
    resetTime();
    sel = [];
    recompute();
    fit();
    select([], true);
  });
  $("fit").addEventListener("click", function () { fit(); });

  // ---------------------------------------------------------------- legend, filters, time
  var typeBoxes = {}, predBoxes = {};
  function checkbox(container, key, on, labelNodes, onChange) {
    var lab = el("label"), b = el("input");
    b.type = "checkbox"; b.checked = on; b.setAttribute("data-key", key);
    b.addEventListener("change", function () { onChange(b.checked); });
    lab.appendChild(b);
    labelNodes.forEach(function (x) { lab.appendChild(x); });
    container.appendChild(lab);
    return b;
  }
  function buildLegend() {
    $("types").textContent = ""; $("preds").textContent = "";
    data.classes.forEach(function (c) {
      var sw = el("span", null, "swatch");
      sw.style.background = c.color;
      typeBoxes[c.name] = checkbox($("types"), c.name, typeOn[c.name], [sw, el("span", c[lang] + " (" + c.count + (c.total > c.count ? "/" + c.total : "") + ")")],
        function (on) { typeOn[c.name] = on; recompute(); });
    });
    data.predicates.forEach(function (p) {
      predBoxes[p.name] = checkbox($("preds"), p.name, predOn[p.name], [el("span", p[lang])],
        function (on) { predOn[p.name] = on; recompute(); });
    });
  }
  var loIn, hiIn, undIn, timeLabel;
  function buildTime() {
    var t = $("time");
    t.textContent = "";
    if (!months.length) {
      t.appendChild(el("p", "No dated article 无日期; " + undatedRels + " undated facts 条未注明日期", "muted"));
      return;
    }
    timeLabel = el("div", "", "range");
    loIn = el("input"); hiIn = el("input");
    [loIn, hiIn].forEach(function (x, k) {
      x.type = "range"; x.min = 0; x.max = months.length - 1; x.step = 1; x.value = k ? months.length - 1 : 0;
      x.id = k ? "time-hi" : "time-lo";
      x.setAttribute("aria-label", k ? "last month" : "first month");
      x.addEventListener("input", function () {
        var a = +loIn.value, b = +hiIn.value;
        if (a > b) { if (x === loIn) hiIn.value = a; else loIn.value = b; }
        time.lo = +loIn.value; time.hi = +hiIn.value;
        showTime(); recompute();
      });
      t.appendChild(x);
    });
    t.appendChild(timeLabel);
    undIn = checkbox(t, "undated", true, [el("span", "include " + undatedRels + " undated facts 含未注明日期")],
      function (on) { time.undated = on; showTime(); recompute(); });
    undIn.id = "time-undated";
    t.appendChild(el("p", datedRels + " dated facts, " + undatedRels + " undated (no article date, or a day without a year)", "muted"));
    showTime();
  }
  function showTime() { if (timeLabel) timeLabel.textContent = monthName(months[time.lo]) + " – " + monthName(months[time.hi]); }
  function resetTime() {
    time = {lo: 0, hi: months.length - 1, undated: true};
    if (loIn) { loIn.value = 0; hiIn.value = months.length - 1; undIn.checked = true; showTime(); }
  }
  function updateCounts() {
    $("counts").textContent = visNodes.length + " entities, " + visLines.length + " lines drawn of " + meta.known +
      " known" + (meta.total > meta.known ? " (" + meta.total + " in the graph)" : "") + " · " + meta.source;
  }

  // ---------------------------------------------------------------- search over every entity
  var index = N.filter(function (p) { return drawable[p.i]; }).map(function (p) {
    return {i: p.i, keys: [p.l].concat(p.a).map(function (s) { return s.toLowerCase(); })};
  });
  var search = $("search"), results = $("results"), msg = $("searchmsg"), hits = [], active = 0, SHOW = 30;
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    var exact = [], pre = [], part = [];
    index.forEach(function (it) {
      if (it.keys.indexOf(q) >= 0) exact.push(it.i);
      else if (it.keys.some(function (k) { return k.lastIndexOf(q, 0) === 0; })) pre.push(it.i);
      else if (it.keys.some(function (k) { return k.indexOf(q) >= 0; })) part.push(it.i);
    });
    var rank = function (a, b) { return (N[b].g - N[a].g) || (N[a].l < N[b].l ? -1 : N[a].l > N[b].l ? 1 : 0); };
    return exact.sort(rank).concat(pre.sort(rank), part.sort(rank));
  }
  function showResults() {
    var q = search.value.trim();
    var all = find(q);
    hits = all.slice(0, SHOW);
    active = 0;
    results.textContent = "";
    msg.hidden = !q;
    msg.textContent = !q ? "" : !all.length ? "No match for 无匹配: " + q :
      all.length > SHOW ? all.length + " matches; showing " + SHOW + ", " + (all.length - SHOW) + " more: type more to narrow 还有 " + (all.length - SHOW) + " 个"
        : all.length + (all.length === 1 ? " match" : " matches");
    hits.forEach(function (i, k) {
      var p = N[i], li = el("li");
      li.setAttribute("role", "option");
      li.id = "opt-" + k;
      if (k === 0) li.className = "active";
      li.appendChild(tag(p.c));
      li.appendChild(el("span", p.l));
      if (p.a.length) li.appendChild(el("span", p.a.join(" / "), "alias"));
      if (!shown[i]) li.appendChild(el("span", "not drawn 未显示", "alias"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(k); });
      results.appendChild(li);
    });
    search.setAttribute("aria-expanded", hits.length ? "true" : "false");
    markActive();
  }
  function markActive() {
    Array.prototype.forEach.call(results.children, function (li, k) { li.className = k === active ? "active" : ""; });
    if (results.children[active]) { results.children[active].scrollIntoView({block: "nearest"}); search.setAttribute("aria-activedescendant", "opt-" + active); }
  }
  function closeResults() { results.textContent = ""; msg.hidden = true; search.setAttribute("aria-expanded", "false"); }
  function choose(k) {
    var i = hits[k];
    if (i === undefined) return;
    closeResults();
    search.value = N[i].l;
    goTo(i, true);
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!results.children.length) { showResults(); return; }
      active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      markActive();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (!results.children.length) showResults();
      choose(active);
    } else if (ev.key === "Escape") {
      if (results.children.length || !msg.hidden) closeResults(); else search.value = "";
    }
  });
  search.addEventListener("blur", closeResults);

  // ---------------------------------------------------------------- the dossier panel
  function nodeLink(i) {
    var p = N[i];
    if (!p) return el("span", "?");
    var a = el(drawable[i] ? "a" : "span", p.l, drawable[i] ? "node" : "");
    a.setAttribute("data-id", i);
    if (drawable[i]) { a.href = "#" + encodeURIComponent(linkName(i)); }
    return a;
  }
  function artDate(ev) { return ev[1] >= 0 ? data.articles[ev[1]][1] || "" : ""; }
  function source(ev) {
    if (ev[1] < 0) return el("div", "(article unknown)", "src");
    var a = data.articles[ev[1]];
    var t = "《" + (a[0] || "(no headline)") + "》 " + (showDate(a[1]) || "undated 无日期") + (a[2] === "photo" ? " · photo" : "") + (a[3] ? " · " + a[3] : "");
    return el("div", t, "src");
  }
  var PRED_ORDER = ["coattended", "holdsPost", "memberOf", "chaired", "attended", "inspected", "organizedBy", "heldAt", "reviewed", "locatedIn"];
  function showPanel(id) {
    var panel = $("panel");
    panel.textContent = "";
    panel.removeAttribute("data-id");
    var p = N[id];
    if (!p) { panel.appendChild(el("p", "Click a node to see its posts and every relation with its evidence. 点击节点查看详情与证据。", "hint")); return; }
    document.body.classList.add("side-open");
    panel.setAttribute("data-id", id);
    var head = el("div", null, "head");
    head.appendChild(el("h3", p.l));
    var cl = el("p");
    cl.appendChild(tag(p.c));
    if (p.s.length) cl.appendChild(el("span", " " + p.s.map(subName).join(", ")));
    if (p.d) cl.appendChild(el("span", " · " + showDate(p.d)));
    head.appendChild(cl);
    panel.appendChild(head);
    panel.appendChild(el("p", p.u, "src iri"));
    if (p.a.length) panel.appendChild(el("p", "Also called 别名: " + p.a.join(" · ")));
    var seen = new Map();  // sentence -> where it was first shown: each sentence once
    // each sentence once, oldest first; a row backed by many articles shows three and a button
    function evidence(list, container, where) {
      var fresh = [];
      list.slice().sort(function (a, b) { return dateRank(artDate(a)) < dateRank(artDate(b)) ? -1 : 1; }).forEach(function (ev) {
        var key = ev[0] + "\u0000" + ev[1];
        if (seen.has(key)) { if (!fresh.length) container.appendChild(el("div", "↑ same sentence as under " + seen.get(key) + " 同上", "muted")); return; }
        seen.set(key, where);
        fresh.push(ev);
      });
      function add(a, b) {
        fresh.slice(a, b).forEach(function (ev) { container.insertBefore(el("blockquote", ev[0]), more); container.insertBefore(source(ev), more); });
      }
      var more = null;
      if (fresh.length > 3) {
        more = el("button", (fresh.length - 3) + " more sentences 更多证据", "more");
        more.type = "button";
        more.addEventListener("click", function () { add(3, fresh.length); more.remove(); });
        container.appendChild(more);
      }
      add(0, 3);
    }
    var rels = relsOf[id] || [];
    // co-attendance first on the co-attendance page
    var co = rels.filter(function (r) { return r[1] === "coattended"; }).sort(function (a, b) { return b[4] - a[4]; });
    if (co.length) {
      var dc = group("Attended with 共同参会 (" + co.length + ")", true, "co");
      listRows(dc, co, function (r, li) {
        var o = r[0] === id ? r[2] : r[0];
        li.appendChild(nodeLink(o));
        li.appendChild(el("span", "  ×" + r[4] + " events together", "src"));
        if (r[5].length) {
          var evs = el("div", "", "src");
          r[5].forEach(function (e, k) { if (k) evs.appendChild(document.createTextNode(" · ")); evs.appendChild(nodeLink(e)); if (N[e] && N[e].d) evs.appendChild(document.createTextNode(" " + showDate(N[e].d))); });
          li.appendChild(evs);
        }
      });
    }
    // posts with their dated spans
    var posts = postsOf[id] || [];
    var postRels = rels.filter(function (r) { return r[1] === "holdsPost" && r[0] === id; });
    if (posts.length || postRels.length) {
      var dp = group("Posts 职务", true, "posts");
      var ul = el("ul");
      var listed = new Set();
      posts.slice().sort(function (a, b) { return dateRank(a[2]) < dateRank(b[2]) ? -1 : 1; }).forEach(function (h) {
        listed.add(h[1]);
        var li = el("li");
        li.appendChild(nodeLink(h[1]));
        li.appendChild(el("span", "  " + (showDate(h[2]) || "?") + " – " + (showDate(h[3]) || "?"), "src"));
        ul.appendChild(li);
      });
      postRels.forEach(function (r) {
        if (listed.has(r[2])) return;
        var li = el("li");
        li.appendChild(nodeLink(r[2]));
        li.appendChild(el("span", "  (no dated span)", "src"));
        ul.appendChild(li);
      });
      dp.appendChild(ul);
    }
    // relations grouped by predicate, then by the entity at the other end (an event, a place)
    var byPred = {};
    rels.forEach(function (r) {
      if (r[1] === "coattended") return;
      var key = r[1] + (r[0] === id ? ">" : "<");
      (byPred[key] = byPred[key] || []).push(r);
    });
    var keys = Object.keys(byPred).sort(function (a, b) {
      var pa = PRED_ORDER.indexOf(a.slice(0, -1)), pb = PRED_ORDER.indexOf(b.slice(0, -1));
      return (pa - pb) || (a < b ? -1 : 1);
    });
    var total = rels.length;
    keys.forEach(function (key, gi) {
      var pred = key.slice(0, -1), out = key.slice(-1) === ">", list = byPred[key];
      var rows = new Map();
      list.forEach(function (r) {
        var o = out ? r[2] : r[0];
        if (!rows.has(o)) rows.set(o, []);
        rows.get(o).push(r);
      });
      var items = Array.from(rows.entries()).map(function (x) {
        var ds = [];
        x[1].forEach(function (r) { ds = ds.concat(relDates(r)); });
        ds.sort(function (a, b) { return dateRank(a) < dateRank(b) ? -1 : 1; });
        return {o: x[0], rs: x[1], date: ds[0] || ""};
      }).sort(function (a, b) { return dateRank(a.date) < dateRank(b.date) ? -1 : dateRank(a.date) > dateRank(b.date) ? 1 : (N[a.o].l < N[b.o].l ? -1 : 1); });
      var title = (out ? nameOf(pred) + " →" : "← " + nameOf(pred)) + " (" + items.length + ")";
      var g = group(title, total <= 200 || gi === 0, "rel-" + pred);
      listRows(g, items, function (it, li) {
        li.className = "rel";
        var hd = el("div");
        hd.appendChild(nodeLink(it.o));
        hd.appendChild(el("span", "  " + (showDate(it.date) || "undated 无日期"), "src"));
        li.appendChild(hd);
        var evs = [];
        it.rs.forEach(function (r) { evs = evs.concat(r[3]); });
        evidence(evs, li, nameOf(pred));
        if (!evs.length) li.appendChild(el("div", "(no evidence sentence in the graph)", "muted"));
      });
    });
    function group(title, open, key) {
      var d = el("details", null, "group");
      d.open = open;
      d.setAttribute("data-group", key);
      d.appendChild(el("summary", title));
      panel.appendChild(d);
      return d;
    }
    $("side").scrollTop = panel.offsetTop;  // the dossier at the top, the legend above it a scroll away
  }
  // long groups list their first rows and a button for the rest
  function listRows(container, items, render) {
    var ul = el("ul"), FIRST = 40;
    container.appendChild(ul);
    function add(a, b) { items.slice(a, b).forEach(function (it) { var li = el("li"); render(it, li); ul.appendChild(li); }); }
    add(0, FIRST);
    if (items.length > FIRST) {
      var more = el("button", "Show " + (items.length - FIRST) + " more 显示更多", "more");
      more.type = "button";
      more.addEventListener("click", function () { add(FIRST, items.length); more.remove(); });
      container.appendChild(more);
    }
  }
  $("panel").addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a.node") : null;
    if (!a) return;
    ev.preventDefault();
    goTo(+a.getAttribute("data-id"), true);
  });

  // ---------------------------------------------------------------- language
  $("lang").addEventListener("change", function () {
    lang = $("lang").value;
    document.documentElement.lang = lang === "zh" ? "zh" : "en";
    buildLegend();
    if (sel.length) showPanel(sel[sel.length - 1]);
    if (results.children.length) showResults();
    requestDraw();
  });

  // ---------------------------------------------------------------- exports
  function save(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function xml(s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }
  function svgText() {
    var x0 = wx(0), x1 = wx(W), y0 = wy(0), y1 = wy(H), f = function (v) { return v.toFixed(1); };
    var out = ['<svg xmlns="http://www.w3.org/2000/svg" width="' + W + '" height="' + H + '" viewBox="0 0 ' + W + " " + H + '">',
      '<rect width="100%" height="100%" fill="#fff"/>', '<g stroke="#a7b0b8" stroke-width="1">'];
    visLines.forEach(function (k) {
      var a = N[L[k][0]], b = N[L[k][1]];
      if ((a.x < x0 && b.x < x0) || (a.x > x1 && b.x > x1) || (a.y < y0 && b.y < y0) || (a.y > y1 && b.y > y1)) return;
      out.push('<line x1="' + f(sx(a.x)) + '" y1="' + f(sy(a.y)) + '" x2="' + f(sx(b.x)) + '" y2="' + f(sy(b.y)) + '"/>');
    });
    out.push("</g>");
    visNodes.forEach(function (i) {
      var p = N[i];
      if (p.x < x0 - 30 || p.x > x1 + 30 || p.y < y0 - 30 || p.y > y1 + 30) return;
      out.push('<circle cx="' + f(sx(p.x)) + '" cy="' + f(sy(p.y)) + '" r="' + f(Math.max(1.2, p.z * cam.s * 0.5)) +
        '" fill="' + colorOf(p.c) + '"><title>' + xml(p.l) + "</title></circle>");
    });
    out.push('<g font-size="12" text-anchor="middle" font-family="' + xml(data.fonts) + '">');
    placed.forEach(function (pl) { out.push('<text x="' + f(pl[1]) + '" y="' + f(pl[2] + 4) + '">' + xml(N[pl[0]].l) + "</text>"); });
    out.push("</g></svg>");
    return out.join("\n");
  }
  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // a spreadsheet must not read a cell as a formula
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function csvText() {
    var rows = [["subject", "predicate", "object", "sentence", "headline", "date", "source_file"]];
    var done = new Set();
    sel.forEach(function (i) {
      (relsOf[i] || []).forEach(function (r) {
        if (done.has(r)) return;
        done.add(r);
        var evs = r[3].length ? r[3] : [["", -1]];
        evs.forEach(function (ev) {
          var a = ev[1] >= 0 ? data.articles[ev[1]] : [null, null, null, null];
          rows.push([N[r[0]].l, r[1], N[r[2]].l, ev[0], a[0], a[1], a[3]]);
        });
      });
    });
    return "\ufeff" + rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }
  $("png").addEventListener("click", function () { draw(); canvas.toBlob(function (b) { save(b, "govkg-view.png"); }, "image/png"); });
  $("svg").addEventListener("click", function () { save(new Blob([svgText()], {type: "image/svg+xml"}), "govkg-view.svg"); });
  $("csv").addEventListener("click", function () { save(new Blob([csvText()], {type: "text/csv;charset=utf-8"}), "govkg-selection.csv"); });

  // ---------------------------------------------------------------- side panel on narrow windows
  $("sidetoggle").addEventListener("click", function () { document.body.classList.toggle("side-open"); document.body.classList.toggle("side-closed"); });
  $("sideclose").addEventListener("click", function () { document.body.classList.remove("side-open"); document.body.classList.add("side-closed"); });

  // ---------------------------------------------------------------- start
  document.getElementById("title").textContent = meta.title;
  var notice = [];
  if (meta.shown < meta.known) {
    var parts = meta.omitted.byClass.map(function (x) { return x[1] + " " + x[0]; });
    notice.push("Drawing the " + meta.shown + " most connected of " + meta.known + " entities (" + parts.join(", ") +
      " not drawn). Search finds every one of them and draws it with its neighbours.");
  }
  if (meta.note) notice.push("Restricted to " + meta.note + ".");
  if (notice.length) { $("notice").textContent = notice.join(" "); $("notice").hidden = false; }
  buildLegend();
  buildTime();
  resize();
  recompute();
  fit();
  if (window.ResizeObserver) new ResizeObserver(resize).observe(box); else window.addEventListener("resize", resize);
  if (location.hash) fromHash();

  // A handle for people poking at the page and for the browser tests.
  window.kgView = {
    data: data, frames: frames, get firstDraw() { return firstDraw; }, get cam() { return cam; },
    get selection() { return sel.slice(); }, get visibleNodes() { return visNodes.slice(); }, get visibleLines() { return visLines.length; },
    get edgeLabels() { return edgeLabelCount; }, get placedLabels() { return placed.map(function (p) { return p[0]; }); },
    isShown: function (i) { return !!vis[i]; }, draw: draw, fit: fit, goTo: goTo, select: select, showPanel: showPanel,
    moveTo: function (x, y, s) { cam.x = x; cam.y = y; cam.s = s; requestDraw(); },
    toScreen: function (i) { var r = canvas.getBoundingClientRect(); return [r.left + sx(N[i].x), r.top + sy(N[i].y)]; },
    svg: svgText, csv: csvText, byName: byName
  };
})();
