/* Who met whom: a small force-directed layout drawn in SVG (our own code, no library).
   Nodes are actors coloured by country, sized by events; edges are shared events. */
(function () {
  "use strict";
  var data = document.getElementById("graph-data");
  var svg = document.getElementById("network");
  if (!data || !svg) { return; }
  var graph = JSON.parse(data.textContent);
  var NS = "http://www.w3.org/2000/svg";
  var W = 1000, H = 640;
  var nodes = graph.nodes, edges = graph.edges;
  var byId = {};
  nodes.forEach(function (n, i) {
    byId[n.id] = n;
    /* a deterministic start: a circle, grouped by country so allies start near each other */
    n.order = i;
  });
  var sorted = nodes.slice().sort(function (a, b) {
    return (a.country || "~").localeCompare(b.country || "~") || b.events - a.events;
  });
  sorted.forEach(function (n, i) {
    var angle = 2 * Math.PI * i / sorted.length;
    n.x = W / 2 + Math.cos(angle) * W * 0.3;
    n.y = H / 2 + Math.sin(angle) * H * 0.3;
    n.r = 6 + Math.min(16, 2.2 * Math.sqrt(n.events));
    n.links = [];
  });
  edges = edges.filter(function (e) { return byId[e.a] && byId[e.b]; });
  edges.forEach(function (e) { byId[e.a].links.push(e); byId[e.b].links.push(e); });

  function layout(iterations) {
    var k = Math.sqrt(W * H / Math.max(1, nodes.length)) * 0.42;
    var temperature = W / 10;
    for (var it = 0; it < iterations; it++) {
      nodes.forEach(function (n) { n.dx = 0; n.dy = 0; });
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y;
          var d = Math.sqrt(dx * dx + dy * dy) + 0.01;
          var force = k * k / d;
          a.dx += dx / d * force; a.dy += dy / d * force;
          b.dx -= dx / d * force; b.dy -= dy / d * force;
        }
      }
      edges.forEach(function (e) {
        var a = byId[e.a], b = byId[e.b];
        var dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var force = d * d / k * (1 + 0.3 * Math.log(e.n));
        a.dx -= dx / d * force; a.dy -= dy / d * force;
        b.dx += dx / d * force; b.dy += dy / d * force;
      });
      nodes.forEach(function (n) {
        /* gravity towards the centre keeps separate groups on screen and near each other */
        var gx = W / 2 - n.x, gy = (H / 2 - n.y) * 1.5;
        n.dx += gx * 0.06 * k / 20; n.dy += gy * 0.06 * k / 20;
        var d = Math.sqrt(n.dx * n.dx + n.dy * n.dy) + 0.01;
        var step = Math.min(d, temperature);
        n.x = Math.max(n.r + 70, Math.min(W - n.r - 70, n.x + n.dx / d * step));
        n.y = Math.max(n.r + 16, Math.min(H - n.r - 24, n.y + n.dy / d * step));
      });
      temperature = Math.max(1, temperature * 0.975);
    }
  }
  layout(nodes.length > 150 ? 160 : 300);

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }
  var edgeLayer = el("g", { "class": "edges" }, svg);
  var nodeLayer = el("g", { "class": "nodes" }, svg);
  var maxN = edges.reduce(function (m, e) { return Math.max(m, e.n); }, 1);
  edges.forEach(function (e) {
    e.line = el("line", { "class": "edge", "stroke-width": (1.5 + 4 * e.n / maxN).toFixed(1) }, edgeLayer);
    var title = el("title", {}, e.line);
    title.textContent = byId[e.a].name + " — " + byId[e.b].name + ": " + e.n + " (" + (e.first || "?") + " … " + (e.last || "?") + ")";
  });
  var labelled = nodes.length <= 40 ? nodes : nodes.slice(0, 40);  /* nodes come most active first */
  nodes.forEach(function (n) {
    n.g = el("g", { "class": "node", "tabindex": "0", "role": "link", "data-id": n.id }, nodeLayer);
    n.circle = el("circle", { r: n.r.toFixed(1), fill: n.colour }, n.g);
    var title = el("title", {}, n.g);
    title.textContent = n.name + (n.country ? " (" + n.country + ")" : "") + " · " + n.events;
    if (labelled.indexOf(n) >= 0) {
      n.label = el("text", { "text-anchor": "middle" }, n.g);
      n.label.textContent = n.name;
    }
  });

  function draw() {
    edges.forEach(function (e) {
      var a = byId[e.a], b = byId[e.b];
      e.line.setAttribute("x1", a.x.toFixed(1)); e.line.setAttribute("y1", a.y.toFixed(1));
      e.line.setAttribute("x2", b.x.toFixed(1)); e.line.setAttribute("y2", b.y.toFixed(1));
    });
    nodes.forEach(function (n) {
      n.circle.setAttribute("cx", n.x.toFixed(1)); n.circle.setAttribute("cy", n.y.toFixed(1));
      if (n.label) { n.label.setAttribute("x", n.x.toFixed(1)); n.label.setAttribute("y", (n.y + n.r + 13).toFixed(1)); }
    });
  }
  draw();

  function focus(n) {
    svg.classList.add("focus");
    n.g.classList.add("lit");
    n.links.forEach(function (e) {
      e.line.classList.add("lit");
      byId[e.a].g.classList.add("lit"); byId[e.b].g.classList.add("lit");
    });
  }
  function unfocus() {
    svg.classList.remove("focus");
    svg.querySelectorAll(".lit").forEach(function (x) { x.classList.remove("lit"); });
  }
  function point(ev) {
    var p = svg.createSVGPoint();
    p.x = ev.clientX; p.y = ev.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  var dragging = null, moved = false;
  nodes.forEach(function (n) {
    n.g.addEventListener("mouseenter", function () { if (!dragging) { focus(n); } });
    n.g.addEventListener("mouseleave", function () { if (!dragging) { unfocus(); } });
    n.g.addEventListener("focus", function () { focus(n); });
    n.g.addEventListener("blur", unfocus);
    n.g.addEventListener("pointerdown", function (ev) {
      dragging = n; moved = false;
      n.g.setPointerCapture(ev.pointerId);
    });
    n.g.addEventListener("pointermove", function (ev) {
      if (dragging !== n) { return; }
      var p = point(ev);
      if (Math.abs(p.x - n.x) + Math.abs(p.y - n.y) > 2) { moved = true; }
      n.x = Math.max(n.r, Math.min(W - n.r, p.x)); n.y = Math.max(n.r, Math.min(H - n.r, p.y));
      draw();
    });
    n.g.addEventListener("pointerup", function () {
      var wasMoved = moved;
      dragging = null;
      if (!wasMoved) { window.location.assign("/actor/" + n.id); }
    });
    n.g.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { window.location.assign("/actor/" + n.id); }
    });
  });
})();
