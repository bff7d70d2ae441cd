// The map page: Natural Earth countries (vendored world-atlas) drawn with d3-geo, one circle per
// place with events, sized by how many; a click lists them with links to their articles.
(function () {
  "use strict";
  const svg = document.getElementById("map");
  const data = JSON.parse(document.getElementById("map-data").textContent);
  const list = document.getElementById("map-list");
  const NS = "http://www.w3.org/2000/svg";
  const W = 960, H = 520;
  const REGION = { type: "Feature", geometry: { type: "Polygon",  // Vietnam and its neighbours
    coordinates: [[[96, 4], [96, 27], [118, 27], [118, 4], [96, 4]]] } };

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const k in attrs) node.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(node);
    return node;
  }

  function html(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (const k in attrs || {}) node.setAttribute(k, attrs[k]);
    return node;
  }

  function show(point) {
    list.replaceChildren();
    list.appendChild(html("h2", (point.place || "") + " · " + point.events.length + " " + data.strings.events));
    const ul = html("ul", null, { class: "map-events" });
    for (const e of point.events) {
      const li = html("li", null, { "data-event": String(e.id) });
      li.appendChild(html("time", e.date || "?"));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(html("span", e.type, { class: "type type-" + e.type }));
      li.appendChild(document.createTextNode(" " + (e.who || "")));
      for (const s of e.sources) {
        const i = s.sentence_index;
        const href = "/article/" + encodeURIComponent(s.doc_id) + (Number.isInteger(i) ? "?s=" + i + "#s-" + i : "");
        const a = html("a", s.title || data.strings.article, { href: href, class: "src" });
        li.appendChild(html("br"));
        li.appendChild(a);
      }
      ul.appendChild(li);
    }
    list.appendChild(ul);
    list.appendChild(html("a", data.strings.on_events, { href: data.events_url, class: "small" }));
  }

  function draw(world) {
    const view = svg.dataset.view === "region" ? REGION : { type: "Sphere" };
    const projection = svg.dataset.view === "region" ? d3.geoMercator() : d3.geoNaturalEarth1();
    projection.fitExtent([[8, 8], [W - 8, H - 8]], view);
    const path = d3.geoPath(projection);
    svg.replaceChildren();
    el("path", { d: path({ type: "Sphere" }) || "", class: "sphere" }, svg);
    const land = el("g", { class: "countries" }, svg);
    for (const f of topojson.feature(world, world.objects.countries).features) {
      const d = path(f);
      if (d) el("path", { d: d, class: "country" }, land).appendChild(el("title", {})).textContent = f.properties.name;
    }
    const dots = el("g", { class: "points" }, svg);
    const biggest = Math.max(1, ...data.points.map(p => p.events.length));
    data.points.forEach((p, n) => {
      const xy = projection([p.lon, p.lat]);
      if (!xy || xy[0] < 0 || xy[0] > W || xy[1] < 0 || xy[1] > H) return;
      const r = 4 + 14 * Math.sqrt(p.events.length / biggest);
      const c = el("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1), tabindex: "0",
        class: "point quad-" + p.quad, "data-point": String(n), "data-place": p.place || "" }, dots);
      el("title", {}, c).textContent = (p.place || "") + ": " + p.events.length;
      c.addEventListener("click", () => show(p));
      c.addEventListener("keydown", ev => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); show(p); } });
    });
    svg.dataset.drawn = String(dots.childElementCount);
  }

  fetch("/static/vendor/world-atlas/countries-50m.json")
    .then(r => r.json())
    .then(world => {
      draw(world);
      document.querySelectorAll(".map-views a").forEach(a => a.addEventListener("click", ev => {
        ev.preventDefault();
        svg.dataset.view = a.dataset.view;
        document.querySelectorAll(".map-views a").forEach(b => b.toggleAttribute("aria-current", b === a));
        history.replaceState(null, "", a.href);
        draw(world);
      }));
    });
})();
