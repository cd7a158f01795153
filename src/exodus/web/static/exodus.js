// Exodus dashboard: draws the charts with Plotly (served by Exodus itself) and makes every
// node, link, bar and point lead to the people and facts behind it. No inline script anywhere:
// data comes from JSON endpoints or <script type="application/json"> blocks, and every piece of
// text from the store is put in the page with textContent, never as HTML.
"use strict";

(function () {
  const CONFIG = { displaylogo: false, responsive: true, displayModeBar: false };
  const FONT = { family: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size: 12, color: "#1f2933" };
  const COLORS = ["#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#dc2626", "#65a30d",
                  "#9333ea", "#0d9488", "#ea580c", "#4f46e5"];

  const href = {
    person: (name) => "/person/" + encodeURIComponent(name),
    org: (name) => "/org/" + encodeURIComponent(name),
    fact: (id) => "/fact/" + encodeURIComponent(id),
  };

  // A DOM element with text children only (strings become text nodes).
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function link(url, text, cls) {
    return el("a", { href: url, class: cls }, text);
  }

  function readJSON(id) {
    const node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function message(div, text) {
    div.replaceChildren(el("p", { class: "muted chart-message" }, text));
  }

  function color(name) {
    let h = 0;
    for (const c of name) h = (h * 31 + c.codePointAt(0)) >>> 0;
    return COLORS[h % COLORS.length];
  }

  // Text for Plotly, which reads a few HTML tags in labels: show them as text instead.
  function plain(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function fade(hex, alpha) {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  }

  // One move as a list item: the person, where from and to, when, why, and the facts.
  function moveItem(move) {
    const item = el("li", { class: "move" }, link(href.person(move.person), move.person, "person"), " ");
    item.append(link(href.org(move.from_org), move.from_org, "org"), " → ",
                link(href.org(move.to_org), move.to_org, "org"));
    // left_text/joined_text say whether a date is stated or only a bound ("left by 2024-08-09").
    const when = [move.left_text && "left " + move.left_text, move.joined_text && "joined " + move.joined_text]
      .filter(Boolean);
    if (when.length) item.append(" ", el("span", { class: "muted" }, "(" + when.join(", ") + ")"));
    for (const reason of move.reasons || []) item.append(" ", el("span", { class: "tag" }, reason));
    move.facts.forEach((id, i) => item.append(" ", link(href.fact(id), i === 0 ? "fact" : "fact " + (i + 1), "fact-link")));
    return item;
  }

  function showMoves(panel, title, orgs, moves) {
    const list = el("ul", { class: "plain moves" });
    for (const move of moves) list.append(moveItem(move));
    const head = el("h3", {}, title);
    const orgLinks = el("p", {}, ...orgs.flatMap((org, i) => [i ? " · " : "", link(href.org(org), org + " roster", "org")]));
    panel.replaceChildren(head, orgLinks, list);
  }

  // The part of the Sankey whose people are listed goes into the address (`from`, `to`), as the table's
  // links put it there, so a copied link shows the same list; the table row of that flow is marked.
  function rememberPick(from, to) {
    const params = new URLSearchParams(window.location.search);
    params.delete("from");
    params.delete("to");
    if (from) params.set("from", from);
    if (to) params.set("to", to);
    const query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + "#flow-detail");
    for (const row of document.querySelectorAll("table.flows tbody tr[data-from]")) {
      const picked = row.dataset.from === from && row.dataset.to === to;
      row.classList.toggle("picked", picked);
      if (picked) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    }
  }

  // Plotly draws a link's value only on hover: write it on the link. Largest first, each at the middle of
  // its curve or, when a number already written is there, further along it; a number with no free place
  // on its link is left out (the node labels and the table below the chart have them all).
  const ALONG = [0.5, 0.35, 0.65, 0.2, 0.8];

  function pointOn(link, t) {
    // Plotly's link: a cubic curve from (x0, y0) to (x1, y1) with both control points at the middle x.
    const x0 = link.source.x1, x1 = link.target.x0, mid = (x0 + x1) / 2, u = 1 - t;
    return [x0 * u * u * u + 3 * mid * u * t + x1 * t * t * t,
            link.y0 * (u * u * u + 3 * u * u * t) + link.y1 * (3 * u * t * t + t * t * t)];
  }

  function labelLinks(div) {
    const group = div.querySelector("g.sankey");
    if (!group) return;
    group.querySelectorAll("text.link-count").forEach((node) => node.remove());
    const links = [...group.querySelectorAll("path.sankey-link")]
      .map((path) => path.__data__ && path.__data__.link)
      .filter((link) => link && link.source && link.target)
      .sort((a, b) => b.value - a.value);
    // In the page's coordinates: the node labels sit in groups of their own, moved by transforms.
    const box = (node) => node.getBoundingClientRect();
    const placed = [...group.querySelectorAll(".sankey-node .node-label")].map(box);
    const overlaps = (b) => placed.some((p) => b.left < p.right + 2 && p.left < b.right + 2 &&
                                               b.top < p.bottom && p.top < b.bottom);
    for (const link of links) {
      const text = document.createElementNS("http://www.w3.org/2000/svg", "text");
      text.setAttribute("class", "link-count");
      text.setAttribute("text-anchor", "middle");
      text.setAttribute("dominant-baseline", "central");
      text.textContent = String(link.value);
      group.append(text);
      const free = ALONG.find((t) => {
        const [x, y] = pointOn(link, t);
        text.setAttribute("x", x);
        text.setAttribute("y", y);
        return !overlaps(box(text));
      });
      if (free === undefined) text.remove();
      else placed.push(box(text));
    }
  }

  // A node's label, its name shortened to `room` characters when the chart is too narrow for both columns'
  // labels (they share the space between the columns); the full name is in the hover text, the list of
  // people and the table below the chart.
  function nodeLabel(name, count, room) {
    const tail = ` (${count})`;
    const chars = [...name];
    if (chars.length + tail.length <= room) return name + tail;
    return chars.slice(0, Math.max(3, room - tail.length - 1)).join("").trimEnd() + "…" + tail;
  }

  function drawSankey(div, data) {
    if (!data.links.length) {
      message(div, "No moves between organizations in this date range.");
      return;
    }
    const panel = document.getElementById("flow-detail");
    const nodeColors = data.nodes.map((n) => color(n.org));
    const names = data.nodes.map((n) => n.org);
    // On a phone, a smaller font and labels that each keep to half the width (about 0.62 em a character).
    const narrow = div.clientWidth < 600;
    const font = narrow ? { ...FONT, size: 10 } : FONT;
    const room = narrow ? Math.floor((div.clientWidth - 48) / 2 / (font.size * 0.62)) - 1 : Infinity;
    const trace = {
      type: "sankey",
      arrangement: "fixed",
      valueformat: "d",
      node: {
        // The count is part of the label: Plotly shows a node's value only on hover.
        label: data.nodes.map((n) => plain(nodeLabel(n.org, n.moves.length, room))),
        color: nodeColors,
        pad: 14,
        thickness: 16,
        line: { width: 0 },
        customdata: data.nodes.map((n) => plain((n.side === "from" ? "left " : "joined ") + n.org)),
        hovertemplate: "%{customdata}: %{value} move(s)<extra></extra>",
      },
      link: {
        source: data.links.map((l) => l.source),
        target: data.links.map((l) => l.target),
        value: data.links.map((l) => l.value),
        label: data.links.map((l) => plain(`${names[l.source]} → ${names[l.target]}: ${l.value}`)),
        color: data.links.map((l) => fade(nodeColors[l.source], 0.35)),
        customdata: data.links.map((l) => plain(l.moves.map((m) => m.person).slice(0, 6).join(", "))),
        hovertemplate: "%{label}<br>%{customdata}<extra></extra>",
      },
    };
    const height = Math.max(360, Math.min(1400, 26 * Math.max(...["from", "to"].map((side) =>
      data.nodes.filter((n) => n.side === side).length))));
    const layout = { font, margin: { l: 8, r: 8, t: 8, b: 8 }, height, paper_bgcolor: "rgba(0,0,0,0)" };
    Plotly.newPlot(div, [trace], layout, CONFIG).then(() => {
      labelLinks(div);
      div.on("plotly_afterplot", () => labelLinks(div));
      div.on("plotly_click", (event) => {
        const point = event.points && event.points[0];
        if (!point) return;
        if (point.source !== undefined && point.target !== undefined && !("sourceLinks" in point)) {
          const l = data.links[point.index ?? point.pointNumber];
          const a = data.nodes[l.source].org, b = data.nodes[l.target].org;
          showMoves(panel, `${a} → ${b}: ${l.value} move(s)`, [a, b], l.moves);
          rememberPick(a, b);
        } else {
          const n = data.nodes[point.index ?? point.pointNumber];
          const verb = n.side === "from" ? "Left" : "Joined";
          showMoves(panel, `${verb} ${n.org}: ${n.moves.length} move(s)`, [n.org], n.moves);
          rememberPick(n.side === "from" ? n.org : null, n.side === "to" ? n.org : null);
        }
        panel.scrollIntoView({ block: "nearest" });
      });
    });
  }

  // The flows of a date range scan the store; on a large one the server answers 503 with Retry-After
  // while it computes them (and keeps them afterwards): say so, and ask again.
  function sankey(div, tries = 0) {
    fetch(div.dataset.src, { headers: { accept: "application/json" } })
      .then((r) => {
        const retry = parseInt(r.headers.get("retry-after") || "", 10);
        if (r.status === 503 && retry > 0 && tries < 24) {
          message(div, "Computing the flows over the whole store…");
          setTimeout(() => sankey(div, tries + 1), retry * 1000);
          return null;
        }
        return r.json().then((body) => (r.ok ? body : Promise.reject(new Error(body.detail || r.statusText))));
      })
      .then((data) => data && (div.replaceChildren(), drawSankey(div, data)))
      .catch((err) => message(div, "The flows could not be loaded: " + err.message));
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  function timeline(div) {
    const data = readJSON("timeline-data");
    if (!data || (!data.stints.length && !data.events.length)) {
      message(div, "Nothing dated to draw.");
      return;
    }
    const traces = [];
    const orgs = [];
    for (const s of data.stints) {
      // A bound ("by 2024-08-09", "as of 2024-03-01") is drawn to that date and named as a bound on hover;
      // a move that never took effect is drawn faint.
      const start = s.start || s.start_by || s.first_seen;
      if (!start) continue;
      if (!orgs.includes(s.org)) orgs.push(s.org);
      const end = s.end || s.end_by || (s.ended ? start : today());
      const label = plain(`${s.org}: ${s.from_text || start} – ${s.until_text || "now"}`);
      traces.push({
        type: "scatter", mode: "lines", x: [start, end], y: [plain(s.org), plain(s.org)], showlegend: false,
        line: { width: 14, color: fade(color(s.org), s.reversed_by ? 0.2 : s.end || s.end_by ? 0.75 : 0.45) },
        customdata: [s.facts[0], s.facts[s.facts.length - 1]],
        text: [label, label],
        hovertemplate: "%{text}<extra></extra>",
      });
    }
    const symbols = { joined: "circle", left: "x", founded: "star", role: "diamond", member: "square",
                      group_event: "triangle-up", invested: "triangle-down" };
    const byKind = {};
    for (const e of data.events) {
      if (!e.date || !e.org) continue;
      if (!orgs.includes(e.org)) orgs.push(e.org);
      (byKind[e.kind] = byKind[e.kind] || []).push(e);
    }
    for (const [kind, events] of Object.entries(byKind)) {
      traces.push({
        type: "scatter", mode: "markers", name: kind, x: events.map((e) => e.date), y: events.map((e) => plain(e.org)),
        marker: { symbol: symbols[kind] || "circle", size: 11, color: "#111827", line: { width: 1, color: "#fff" } },
        customdata: events.map((e) => e.id),
        text: events.map((e) => plain((e.evidence || "").slice(0, 120))),
        hovertemplate: kind + " %{y} %{x}<br>%{text}<extra></extra>",
      });
    }
    if (!traces.length) {
      message(div, "Nothing dated to draw.");
      return;
    }
    // The organizations' names make their own margin (automargin); on a phone, a smaller font leaves the
    // dates more room.
    const narrow = div.clientWidth < 600;
    const layout = {
      font: narrow ? { ...FONT, size: 10 } : FONT, height: Math.max(220, 70 + 42 * orgs.length),
      margin: { l: narrow ? 8 : 150, r: narrow ? 12 : 20, t: 10, b: 40 },
      xaxis: { type: "date", gridcolor: "#e5e7eb" }, yaxis: { automargin: true, type: "category" },
      legend: { orientation: "h", y: -0.25 }, paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
      hovermode: "closest",
    };
    Plotly.newPlot(div, traces, layout, CONFIG).then(() => {
      div.on("plotly_click", (event) => {
        const point = event.points && event.points[0];
        if (point && point.customdata) window.location.href = href.fact(point.customdata);
      });
    });
  }

  function movements(div) {
    const data = readJSON("movements-data");
    const years = data ? data.by_year : [];
    if (!years.length) {
      message(div, "No dated arrivals or departures.");
      return;
    }
    const panel = document.getElementById("movement-detail");
    const x = years.map((y) => y.year);
    const index = years.map((_, i) => i);
    const traces = [
      { type: "bar", name: "arrivals", x, y: years.map((y) => y.arrivals.length), marker: { color: "#059669" },
        customdata: index, hovertemplate: "%{x}: %{y} arrival(s)<extra></extra>" },
      { type: "bar", name: "departures", x, y: years.map((y) => -y.departures.length), marker: { color: "#dc2626" },
        customdata: index, text: years.map((y) => String(y.departures.length)), textposition: "none",
        hovertemplate: "%{x}: %{text} departure(s)<extra></extra>" },
    ];
    const layout = { font: FONT, barmode: "relative", height: 300, margin: { l: 40, r: 10, t: 10, b: 40 },
                     xaxis: { type: "category" }, yaxis: { zeroline: true, gridcolor: "#e5e7eb" },
                     legend: { orientation: "h", y: -0.2 }, paper_bgcolor: "rgba(0,0,0,0)",
                     plot_bgcolor: "rgba(0,0,0,0)" };
    Plotly.newPlot(div, traces, layout, CONFIG).then(() => {
      div.on("plotly_click", (event) => {
        const point = event.points && event.points[0];
        if (!point) return;
        const year = years[point.customdata];
        const side = point.data.name;
        const list = el("ul", { class: "plain moves" });
        for (const m of year[side]) {
          const item = el("li", {}, link(href.person(m.person || ""), m.person || "?", "person"), " ",
                          el("span", { class: "muted" }, m.date), " ");
          for (const reason of m.reasons || []) item.append(el("span", { class: "tag" }, reason), " ");
          item.append(link(href.fact(m.fact), "fact", "fact-link"));
          list.append(item);
        }
        panel.replaceChildren(el("h3", {}, `${side} in ${year.year}: ${year[side].length}`), list);
      });
    });
  }

  function scrollToEvidence() {
    for (const box of document.querySelectorAll(".article-text")) {
      const mark = box.querySelector("mark.evidence");
      if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 60);
    }
  }

  function start() {
    scrollToEvidence();
    const charts = [["sankey", sankey], ["timeline", timeline], ["movements", movements]];
    for (const [id, draw] of charts) {
      const div = document.getElementById(id);
      if (!div) continue;
      if (!window.Plotly) {
        message(div, "The chart library did not load.");
        continue;
      }
      try {
        draw(div);
      } catch (err) {
        message(div, "The chart could not be drawn: " + err.message);
      }
    }
  }

  document.addEventListener("DOMContentLoaded", start);
})();
