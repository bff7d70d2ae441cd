/* Who met whom: a small force-directed layout drawn in SVG (our own code, no library).
   Nodes are actors coloured by country, sized by events; edges are shared events. */
(function () {
  "use strict";
  var data = document.getElementById("graph-data");
  var svg = document.getElementById("network");
  if (!data || !svg) { return; }
  var graph = JSON.parse(data.textContent);
  var NS = "http://www.w3.org/2000/svg";
  /* one unit of the drawing is one pixel up to 1000 px wide: labels keep their 12 px on a phone
     (a 1000-unit drawing shrunk to a phone's width made them 4 px), and a phone gets a taller box */
  var shown = svg.getBoundingClientRect().width || 1000;
  var W = Math.round(Math.max(300, Math.min(1000, shown)));
  var H = W >= 700 ? 640 : Math.round(W * 1.1);
  svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  var nodes = graph.nodes, edges = graph.edges;
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; });
  /* a deterministic start: nodes of one country start near each other, in a disc */
  var seed = 7;
  function random() { seed = (seed * 16807) % 2147483647; return (seed - 1) / 2147483646; }
  var sorted = nodes.slice().sort(function (a, b) {
    return (a.country || "~").localeCompare(b.country || "~") || b.events - a.events;
  });
  sorted.forEach(function (n, i) {
    var angle = 2 * Math.PI * i / sorted.length, radius = 0.15 + 0.3 * random();
    n.x = W / 2 + Math.cos(angle) * W * radius;
    n.y = H / 2 + Math.sin(angle) * H * radius;
    n.r = 6 + Math.min(14, 2 * Math.sqrt(n.events));
    n.links = [];
  });
  edges = edges.filter(function (e) { return byId[e.a] && byId[e.b]; });
  edges.forEach(function (e) { byId[e.a].links.push(e); byId[e.b].links.push(e); });

  /* Fruchterman–Reingold with a repulsion cut-off and a pull to the centre (so small separate
     groups pack around the big one instead of being pushed to the walls), then fit to the box. */
  function layout(iterations) {
    var k = Math.sqrt(W * H / Math.max(1, nodes.length)) * 0.55, cutoff2 = 9 * k * k;
    var temperature = k * 2;
    for (var it = 0; it < iterations; it++) {
      nodes.forEach(function (n) { n.dx = 0; n.dy = 0; });
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy;
          if (d2 > cutoff2) { continue; }
          var d = Math.sqrt(d2) + 0.01, force = k * k / d;
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
        n.dx += (W / 2 - n.x) * 0.08; n.dy += (H / 2 - n.y) * 0.12;
        var d = Math.sqrt(n.dx * n.dx + n.dy * n.dy) + 0.01, step = Math.min(d, temperature);
        n.x += n.dx / d * step; n.y += n.dy / d * step;
      });
      temperature = Math.max(k * 0.01, temperature * 0.97);
    }
    /* fit into the box, leaving room for labels */
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    nodes.forEach(function (n) { x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y); });
    var padX = Math.min(90, W * 0.12), padY = 30;
    var scale = Math.min((W - 2 * padX) / Math.max(1, x1 - x0), (H - 2 * padY - 14) / Math.max(1, y1 - y0), 3);
    var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    nodes.forEach(function (n) { n.x = W / 2 + (n.x - cx) * scale; n.y = H / 2 - 7 + (n.y - cy) * scale; });
  }
  layout(nodes.length > 150 ? 180 : 300);

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
  nodes.forEach(function (n) {
    n.g = el("g", { "class": "node", "tabindex": "0", "role": "link", "data-id": n.id }, nodeLayer);
    n.circle = el("circle", { r: n.r.toFixed(1), fill: n.colour }, n.g);
    var title = el("title", {}, n.g);
    title.textContent = n.name + (n.country ? " (" + n.country + ")" : "") + " · " + n.events;
    n.label = el("text", { "text-anchor": "middle" }, n.g);
    n.label.textContent = n.name;
    n.labelW = n.label.getComputedTextLength() || 6.4 * n.name.length;  /* measured, not guessed */
  });
  /* a label sits under its node, else above, right or left of it, inside the drawing; the most
     active nodes are labelled first, and a label that would cover another label or another node
     wherever it goes is left out (the name is in the node's tooltip) */
  var boxes = nodes.map(function (n) { return [n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r, n]; });
  function spots(n) {
    var w = n.labelW, below = Math.max(w / 2 + 2, Math.min(W - w / 2 - 2, n.x));
    return [[below, n.y + n.r + 13, "middle", below - w / 2, n.y + n.r + 2],
            [below, n.y - n.r - 5, "middle", below - w / 2, n.y - n.r - 16],
            [n.x + n.r + 4, n.y + 4, "start", n.x + n.r + 4, n.y - 7],
            [n.x - n.r - 4, n.y + 4, "end", n.x - n.r - 4 - w, n.y - 7]];
  }
  var placed = 0;
  nodes.forEach(function (n) {
    var spot = placed < 60 && spots(n).filter(function (s) {
      var box = [s[3], s[4], s[3] + n.labelW, s[4] + 14];
      return box[0] >= 0 && box[2] <= W && box[1] >= 0 && box[3] <= H && boxes.every(function (b) {
        return b[4] === n || box[2] < b[0] || box[0] > b[2] || box[3] < b[1] || box[1] > b[3];
      });
    })[0];
    if (!spot) { n.g.removeChild(n.label); n.label = null; return; }
    boxes.push([spot[3], spot[4], spot[3] + n.labelW, spot[4] + 14, null]);
    n.spot = [spot[0] - n.x, spot[1] - n.y];  /* kept relative: the label follows a dragged node */
    n.label.setAttribute("text-anchor", spot[2]);
    placed++;
  });

  function draw() {
    edges.forEach(function (e) {
      var a = byId[e.a], b = byId[e.b];
      e.line.setAttribute("x1", a.x.toFixed(1)); e.line.setAttribute("y1", a.y.toFixed(1));
      e.line.setAttribute("x2", b.x.toFixed(1)); e.line.setAttribute("y2", b.y.toFixed(1));
    });
    nodes.forEach(function (n) {
      n.circle.setAttribute("cx", n.x.toFixed(1)); n.circle.setAttribute("cy", n.y.toFixed(1));
      if (n.label) { n.label.setAttribute("x", (n.x + n.spot[0]).toFixed(1)); n.label.setAttribute("y", (n.y + n.spot[1]).toFixed(1)); }
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
