/*
 * app.js — the marsad dashboard: reads the JSON API of `marsad serve`
 * (docs/api.md) and draws a map (world-atlas country shapes with d3-geo,
 * offline), a timeline of events and dead per day that can be brushed, a
 * table of events, search, and an article with its entities and triggers
 * highlighted beside the events coded from it.  Text from the database is
 * only ever put in the page as text, never as HTML.
 */
"use strict";

const MAX_POINTS = 5000;        // the map shows at most this many events (5 pages)
const TABLE_ROWS = 500;

const TEXT = {
  ar: {
    title: "مرصد — أحداث من الأخبار العربية", search: "بحث", search_placeholder: "بحث في المقالات",
    country: "البلد", actor: "الفاعل", type: "النوع", since: "من", until: "إلى", min_dead: "قتلى على الأقل",
    apply: "تطبيق", reset: "إعادة", all: "الكل", date: "التاريخ", recipient: "المتلقي", where: "المكان",
    dead: "قتلى", trigger: "الفعل", article: "المقال", brush_hint: "اسحب على الخط الزمني لاختيار فترة",
    loading: "جار التحميل…", events_shown: (n, total) => `${n} حدثا معروضا من ${total}`,
    no_map: "الخريطة غير متاحة (لم تُبنَ ملفات world-atlas)", hits: n => `${n} نتيجة`,
    modality: "الصيغة", location: "المكان", goldstein: "غولدستاين", cluster: "العنقود", error: "خطأ",
    language: "English",
  },
  en: {
    title: "marsad — events from Arabic news", search: "Search", search_placeholder: "Search the articles",
    country: "Country", actor: "Actor", type: "Type", since: "From", until: "To", min_dead: "Min. dead",
    apply: "Apply", reset: "Reset", all: "All", date: "Date", recipient: "Recipient", where: "Where",
    dead: "Dead", trigger: "Trigger", article: "Article", brush_hint: "Drag on the timeline to pick a period",
    loading: "Loading…", events_shown: (n, total) => `${n} events shown of ${total}`,
    no_map: "Map unavailable (world-atlas files not built)", hits: n => `${n} results`,
    modality: "Modality", location: "Location", goldstein: "Goldstein", cluster: "Cluster", error: "Error",
    language: "العربية",
  },
};

// One colour per PLOVER type, cooperation in blues and greens, conflict in reds.
const TYPE_COLOURS = {
  AGREE: "#4e79a7", CONSULT: "#76b7b2", SUPPORT: "#59a14f", CONCEDE: "#8cd17d", COOPERATE: "#499894",
  AID: "#86bcb6", RETREAT: "#b6992d", REQUEST: "#f1ce63", ACCUSE: "#f28e2b", REJECT: "#ffbe7d",
  THREATEN: "#e15759", PROTEST: "#ff9d9a", SANCTION: "#b07aa1", MOBILIZE: "#d4a6c8", COERCE: "#9d7660",
  ASSAULT: "#c0392b",
};

let language = "ar";
let projection = null;
let lastStats = null;
const $ = sel => document.querySelector(sel);
const t = key => TEXT[language][key];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v != null) query.set(k, v);
  const response = await fetch(path + (query.toString() ? "?" + query : ""));
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.status);
  return body;
}

function filters({withDates = true} = {}) {
  const form = new FormData($("#filters"));
  const f = {};
  for (const name of ["country", "actor", "type", "since", "until", "min_dead"]) {
    const v = (form.get(name) || "").trim();
    if (v && (withDates || (name !== "since" && name !== "until"))) f[name] = name === "country" || name === "actor" ? v.toUpperCase() : v;
  }
  return f;
}

function status(text) { $("#status").textContent = text; }

/* ---- language ---- */

function applyLanguage() {
  document.documentElement.lang = language;
  document.documentElement.dir = language === "ar" ? "rtl" : "ltr";
  document.title = language === "ar" ? "مرصد" : "marsad";
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
  $("#language").textContent = t("language");
}

/* ---- map ---- */

async function drawBaseMap() {
  const map = $("#map");
  if (typeof d3 === "undefined" || !d3.geoPath || typeof topojson === "undefined") {
    map.append(svg("text", {x: 20, y: 40, class: "axis-label"}));
    map.lastChild.textContent = t("no_map");
    return;
  }
  const world = await (await fetch("countries-110m.json")).json();
  const countries = topojson.feature(world, world.objects.countries);
  projection = d3.geoNaturalEarth1().fitSize([960, 480], {type: "Sphere"});
  const path = d3.geoPath(projection);
  const base = svg("g", {id: "countries"});
  base.append(svg("path", {class: "sphere", d: path({type: "Sphere"})}));
  for (const feature of countries.features) {
    const shape = svg("path", {class: "country", d: path(feature) || ""});
    const title = svg("title");
    title.textContent = feature.properties.name;
    shape.append(title);
    base.append(shape);
  }
  map.append(base, svg("g", {id: "points"}));
}

function drawPoints(events) {
  const layer = $("#points");
  if (!layer || !projection) return;
  layer.replaceChildren();
  // biggest first, so small points stay clickable on top
  const located = events.filter(e => e.location && e.location.lat != null && e.location.lon != null)
    .sort((a, b) => (b.dead || 0) - (a.dead || 0));
  for (const e of located) {
    const xy = projection([e.location.lon, e.location.lat]);
    if (!xy) continue;
    const circle = svg("circle", {
      class: "point", cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: Math.min(2.5 + 1.5 * Math.sqrt(e.dead || 0), 24).toFixed(1),   // capped: one massacre must not hide the map
      fill: TYPE_COLOURS[e.event_type] || "#777", "data-id": e.id, "data-type": e.event_type,
    });
    const title = svg("title");
    title.textContent = `${e.date || ""} ${e.event_type} ${e.location.text || ""}${e.dead ? " †" + e.dead : ""}`;
    circle.append(title);
    circle.addEventListener("click", () => openArticle(e.article, e.id));
    layer.append(circle);
  }
  $("#legend").replaceChildren(...[...new Set(located.map(e => e.event_type))].sort().map(type =>
    el("span", {}, el("i", {style: `background:${TYPE_COLOURS[type] || "#777"}`}), type)));
}

/* ---- timeline with a brush ---- */

const dayNumber = date => Date.parse(date + "T00:00:00Z") / 86400000;
const dayString = n => new Date(n * 86400000).toISOString().slice(0, 10);

function drawTimeline(stats) {
  const chart = $("#timeline");
  chart.replaceChildren();
  const days = stats.days;
  if (!days.length) return;
  const first = dayNumber(days[0].date), last = dayNumber(days[days.length - 1].date);
  const span = Math.max(1, last - first + 1);
  const width = 940, height = 95, left = 10;
  const x = d => left + ((d - first) / span) * width;
  const maxEvents = Math.max(...days.map(d => d.events)), maxDead = Math.max(1, ...days.map(d => d.dead));
  const barWidth = Math.max(1, width / span);
  for (const d of days) {
    const h = (d.events / maxEvents) * height;
    const bar = svg("rect", {class: "bar", x: x(dayNumber(d.date)).toFixed(1), y: (100 - h).toFixed(1),
                             width: barWidth.toFixed(2), height: h.toFixed(1), "data-date": d.date});
    const title = svg("title");
    title.textContent = `${d.date}: ${d.events} / ${t("dead")} ${d.dead}`;
    bar.append(title);
    chart.append(bar);
  }
  const line = days.map((d, i) => `${i ? "L" : "M"}${x(dayNumber(d.date)).toFixed(1)},${(100 - (d.dead / maxDead) * height).toFixed(1)}`).join("");
  chart.append(svg("path", {class: "dead-line", d: line}));
  for (const [label, pos, anchor] of [[days[0].date, left, "start"], [days[days.length - 1].date, left + width, "end"]]) {
    const text = svg("text", {x: pos, y: 115, class: "axis-label", "text-anchor": anchor, direction: "ltr"});
    text.textContent = label;
    chart.append(text);
  }
  const brush = svg("rect", {class: "brush", y: 0, height: 100, width: 0, visibility: "hidden"});
  chart.append(brush);
  const toDay = event => {
    const box = chart.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * 960;
    return Math.round(first + Math.min(Math.max(px - left, 0), width) / width * span);
  };
  let start = null;
  chart.onmousedown = event => { start = toDay(event); brush.setAttribute("visibility", "visible"); };
  chart.onmousemove = event => {
    if (start == null) return;
    const end = toDay(event);
    brush.setAttribute("x", x(Math.min(start, end)));
    brush.setAttribute("width", Math.abs(x(end) - x(start)));
  };
  chart.onmouseup = event => {
    if (start == null) return;
    const end = toDay(event);
    const form = $("#filters");
    if (Math.abs(end - start) < 1) {
      form.since.value = form.until.value = "";       // a click clears the period
    } else {
      form.since.value = dayString(Math.min(start, end));
      form.until.value = dayString(Math.max(start, end));
    }
    start = null;
    reload({keepTimeline: true});
  };
  const form = $("#filters");
  if (form.since.value && form.until.value) {
    brush.setAttribute("visibility", "visible");
    brush.setAttribute("x", x(dayNumber(form.since.value)));
    brush.setAttribute("width", Math.max(1, x(dayNumber(form.until.value)) - x(dayNumber(form.since.value))));
  }
}

/* ---- table ---- */

const party = p => p ? (p.country || p.org || "") + (p.sector ? "/" + p.sector : "") : "";

function drawTable(events) {
  $("#events tbody").replaceChildren(...events.slice(0, TABLE_ROWS).map(e =>
    el("tr", {"data-id": e.id, onclick: () => openArticle(e.article, e.id)},
       el("td", {dir: "ltr"}, e.date || "—"), el("td", {}, e.event_type), el("td", {title: e.actor ? e.actor.text : ""}, party(e.actor)),
       el("td", {title: e.recipient ? e.recipient.text : ""}, party(e.recipient)),
       el("td", {}, e.location ? e.location.text : ""), el("td", {}, e.dead ?? ""),
       el("td", {dir: "rtl"}, e.trigger.text), el("td", {dir: "ltr"}, e.article))));
}

/* ---- article ---- */

function highlighted(text, entities, events, selectedId) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const entityAt = new Array(bytes.length).fill(null), eventAt = new Array(bytes.length).fill(null);
  for (const x of entities)
    for (let i = Math.max(0, x.start); i < Math.min(x.end, bytes.length); i++) entityAt[i] ??= x.type;
  for (const e of events)
    for (let i = Math.max(0, e.trigger.start); i < Math.min(e.trigger.end, bytes.length); i++) eventAt[i] = e.id;
  const parts = [];
  let from = 0;
  for (let i = 1; i <= bytes.length; i++) {
    if (i < bytes.length && entityAt[i] === entityAt[from] && eventAt[i] === eventAt[from]) continue;
    const piece = decoder.decode(bytes.subarray(from, i));
    const entity = entityAt[from], eventId = eventAt[from];
    if (eventId) {
      parts.push(el("mark", {class: "trigger" + (eventId === selectedId ? " selected" : "") + (entity ? ` ent ent-${entity}` : ""),
                             "data-event": eventId, title: t("trigger")}, piece));
    } else if (entity) {
      parts.push(el("span", {class: `ent ent-${entity}`, title: entity}, piece));
    } else {
      parts.push(piece);
    }
    from = i;
  }
  return parts;
}

function codedEvent(e, selected) {
  const row = (label, value) => value == null || value === "" ? [] : [el("dt", {}, label), el("dd", {}, String(value))];
  return el("div", {class: "coded" + (selected ? " selected" : ""), "data-event": e.id},
    el("strong", {}, e.event_type + (e.mode ? " / " + e.mode : "")),
    el("dl", {},
       ...row(t("actor"), e.actor && `${e.actor.text} (${party(e.actor)})`),
       ...row(t("recipient"), e.recipient && `${e.recipient.text} (${party(e.recipient)})`),
       ...row(t("location"), e.location && `${e.location.text}${e.location.country ? " (" + e.location.country + ")" : ""}`),
       ...row(t("date"), e.date), ...row(t("modality"), e.modality), ...row(t("dead"), e.dead),
       ...row(t("trigger"), e.trigger.text), ...row(t("goldstein"), e.goldstein),
       ...row(t("cluster"), e.cluster && `${e.cluster} (${e.cluster_articles})`)));
}

async function openArticle(id, eventId) {
  try {
    const a = await api("/api/articles/" + encodeURIComponent(id));
    $("#article").hidden = false;
    $("#article-title").textContent = a.title || a.id;
    $("#article-meta").replaceChildren(el("span", {dir: "ltr"}, [a.id, a.source, a.date].filter(Boolean).join(" · ")));
    $("#article-text").replaceChildren(...highlighted(a.text, a.entities, a.events, eventId));
    $("#article-events").replaceChildren(...a.events.map(e => codedEvent(e, e.id === eventId)));
    const mark = document.querySelector(`#article-text mark[data-event="${CSS.escape(eventId || "")}"]`);
    if (mark) mark.scrollIntoView({block: "center"});
    $("#article").scrollIntoView({block: "nearest"});
  } catch (error) {
    status(`${t("error")}: ${error.message}`);
  }
}

/* ---- search ---- */

function snippet(text) {
  // the API marks matches with U+0001 ... U+0002
  return text.split(/(\u0001[^\u0002]*\u0002)/).map(part =>
    part.startsWith("\u0001") ? el("b", {}, part.slice(1, -1)) : part);
}

async function search(query) {
  const box = $("#search-results");
  try {
    const result = await api("/api/search", {q: query, limit: 30});
    box.hidden = false;
    box.replaceChildren(el("p", {}, t("hits")(result.count)), el("ol", {}, ...result.hits.map(h =>
      el("li", {onclick: () => openArticle(h.id, null)},
         el("strong", {}, h.title || h.id), " ", el("small", {dir: "ltr"}, h.date || ""), el("br"), ...snippet(h.snippet || "")))));
  } catch (error) {
    box.hidden = false;
    box.replaceChildren(el("p", {}, `${t("error")}: ${error.message}`));
  }
}

/* ---- loading ---- */

async function loadEvents(f) {
  const events = [];
  let cursor = null;
  do {
    const page = await api("/api/events", {...f, limit: 1000, cursor});
    events.push(...page.events);
    cursor = page.next;
  } while (cursor && events.length < MAX_POINTS);
  return events;
}

async function reload({keepTimeline = false} = {}) {
  document.body.dataset.ready = "0";
  status(t("loading"));
  try {
    const f = filters();
    const [events, stats] = await Promise.all([loadEvents(f), api("/api/stats", f)]);
    if (!keepTimeline) drawTimeline(await api("/api/stats", filters({withDates: false})));
    lastStats = stats;
    drawPoints(events);
    drawTable(events);
    status(t("events_shown")(events.length, stats.events));
  } catch (error) {
    status(`${t("error")}: ${error.message}`);
  }
  document.body.dataset.ready = "1";
}

async function fillChoices() {
  const stats = await api("/api/stats");
  $("#countries").replaceChildren(...stats.countries.map(c => el("option", {value: c.country}, `${c.country} (${c.events})`)));
  const select = $("#filters select[name=type]");
  for (const type of stats.types) select.append(el("option", {value: type.type}, `${type.type} (${type.events})`));
}

async function main() {
  applyLanguage();
  $("#language").addEventListener("click", () => {
    language = language === "ar" ? "en" : "ar";
    applyLanguage();
    if (lastStats) status(t("events_shown")($("#events tbody").children.length, lastStats.events));
  });
  $("#filters").addEventListener("submit", event => { event.preventDefault(); reload(); });
  $("#filters").addEventListener("reset", () => setTimeout(reload, 0));
  $("#search-form").addEventListener("submit", event => {
    event.preventDefault();
    const q = $("#search").value.trim();
    if (q) search(q);
  });
  $("#close-article").addEventListener("click", () => { $("#article").hidden = true; });
  try {
    await drawBaseMap();
  } catch (error) {
    status(`${t("no_map")}: ${error.message}`);
  }
  await fillChoices().catch(error => status(`${t("error")}: ${error.message}`));
  await reload();
}

main();
