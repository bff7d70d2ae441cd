/* biên niên — small progressive enhancements; every page works without them.
   No innerHTML: text from the knowledge base only ever goes in through textContent. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  /* --- role timelines: a tooltip on hover, the evidence on click ------------------------------ */
  var tip = null;
  function showTip(target, lines, x, y) {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "tip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    tip.textContent = "";
    lines.forEach(function (line, i) {
      var el = document.createElement(i === 0 ? "div" : "q");
      el.textContent = line;
      tip.appendChild(el);
    });
    tip.hidden = false;
    var left = Math.min(x + 14, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(window.scrollX + 4, left) + "px";
    tip.style.top = (y + 16) + "px";
  }
  function hideTip() { if (tip) { tip.hidden = true; } }

  $all("a.band-link, a.dot-link").forEach(function (link) {
    var title = link.querySelector("title");
    var text = title ? title.textContent : "";
    if (title) { title.parentNode.removeChild(title); }  /* our tooltip replaces the native one */
    var block = link.dataset.ev ? document.getElementById(link.dataset.ev) : null;
    var quote = block ? block.querySelector("q") : null;
    var lines = [text];
    if (quote && quote.textContent) { lines.push(quote.textContent); }
    link.addEventListener("mousemove", function (ev) { showTip(link, lines, ev.pageX, ev.pageY); });
    link.addEventListener("mouseleave", hideTip);
    link.addEventListener("focus", function () {
      var r = link.getBoundingClientRect();
      showTip(link, lines, r.left + window.scrollX, r.bottom + window.scrollY - 10);
    });
    link.addEventListener("blur", hideTip);
    if (!block) { return; }
    link.addEventListener("click", function (ev) {
      ev.preventDefault();
      $all(".band-link.selected").forEach(function (l) { l.classList.remove("selected"); });
      $all(".ev-block.selected").forEach(function (b) { b.classList.remove("selected"); });
      $all('.band-link[data-ev="' + link.dataset.ev + '"]').forEach(function (l) { l.classList.add("selected"); });
      block.classList.add("selected");
      history.replaceState(null, "", "#" + block.id);
      block.scrollIntoView({ behavior: "smooth", block: "nearest" });
    });
  });

  /* --- article: switch highlight kinds, light up an event's sentences ------------------------- */
  var text = document.getElementById("article-text");
  if (text) {
    $all("#hl-legend input[data-kind]").forEach(function (box) {
      box.addEventListener("change", function () { text.classList.toggle("hide-" + box.dataset.kind, !box.checked); });
    });
    var sentences = function (list) {
      return (list || "").split(" ").filter(Boolean).map(function (i) { return $all('[data-s="' + i + '"]'); })
        .reduce(function (a, b) { return a.concat(b); }, []);
    };
    $all(".event-item[data-sentences]").forEach(function (item) {
      item.addEventListener("mouseenter", function () {
        sentences(item.dataset.sentences).forEach(function (s) { s.classList.add("s-hover"); });
      });
      item.addEventListener("mouseleave", function () {
        $all(".s-hover").forEach(function (s) { s.classList.remove("s-hover"); });
      });
    });
    $all("a.sref").forEach(function (a) {
      a.addEventListener("click", function (ev) {
        var idx = new URL(a.href).searchParams.get("s");
        var found = sentences(idx);
        if (!found.length) { return; }
        ev.preventDefault();
        $all(".s-hl").forEach(function (s) { s.classList.remove("s-hl"); });
        found.forEach(function (s) { s.classList.add("s-hl"); });
        history.replaceState(null, "", a.href);
        found[0].scrollIntoView({ behavior: "smooth", block: "center" });
      });
    });
    var first = document.querySelector(".s-hl");
    if (first) { first.scrollIntoView({ block: "center" }); }
  }

  /* --- API page: fill path parameters, leave empty ones out ---------------------------------- */
  $all("form.try").forEach(function (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var path = form.dataset.path;
      var query = new URLSearchParams();
      $all("input[name]", form).forEach(function (input) {
        if (input.dataset.in === "path") {
          path = path.replace("{" + input.name + "}", encodeURIComponent(input.value));
        } else if (input.value !== "") {
          query.append(input.name, input.value);
        }
      });
      var qs = query.toString();
      window.location.assign(path + (qs ? "?" + qs : ""));
    });
  });
})();
