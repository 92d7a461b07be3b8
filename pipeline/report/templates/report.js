// mechmine report: evidence behind a heatmap cell, relation filters and search. No network, no library.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("mechmine-data").textContent);
  const shown = new Set(data.articles.map(a => a.article_id));
  const titles = Object.fromEntries(data.articles.map(a => [a.article_id, a.title]));
  const mechNames = Object.fromEntries(data.mechanisms.map(m => [m.id, m.name]));

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }
  // text with marked ranges [[start, end, class], ...] (no overlap), as DOM nodes
  function marked(text, ranges) {
    const out = el("span");
    let pos = 0;
    for (const [s, e, cls] of ranges.filter(r => r[0] >= 0 && r[1] <= text.length).sort((a, b) => a[0] - b[0])) {
      if (s < pos) continue;
      out.append(text.slice(pos, s), el("mark", {class: cls}, text.slice(s, e)));
      pos = e;
    }
    out.append(text.slice(pos));
    return out;
  }
  function sentenceOf(r) {
    const base = r.sentence_start;
    return marked(r.sentence, [[r.subject_start - base, r.subject_end - base, "subj"],
                               [r.object_start - base, r.object_end - base, "obj"]]);
  }
  function flags(r) {
    const span = el("span");
    if (r.negated) span.append(el("span", {class: "flag neg"}, "negated"));
    if (r.hedged) span.append(el("span", {class: "flag hedge"}, "hedged"));
    if (r.subject_state) span.append(el("span", {class: "flag"}, "subject " + r.subject_state));
    return span;
  }
  function sentenceLink(r, content) {
    if (!shown.has(r.article_id)) return content;
    return el("a", {href: "#s-" + r.article_id + "-" + r.sentence_id, class: "to-sentence"}, content);
  }

  // heatmap cells -> evidence rows
  const panel = document.getElementById("evidence");
  function openCell(td) {
    document.querySelectorAll("td.selected").forEach(c => c.classList.remove("selected"));
    td.classList.add("selected");
    const [article, mech] = td.dataset.key.split("|");
    const items = data.cells[td.dataset.key] || [];
    document.getElementById("evidence-title").textContent =
      mechNames[mech] + " in “" + (titles[article] || article) + "”: " + items.length + " pieces of evidence";
    const body = document.getElementById("evidence-rows");
    body.replaceChildren(...items.map(item => {
      const r = item.relation !== undefined ? data.relations[item.relation] : null;
      let sentence = "";
      if (r) sentence = sentenceLink(r, sentenceOf(r));
      else if (item.context) sentence = marked(item.context.text, [[item.context.start, item.context.end, "span"]]);
      return el("tr", {class: "ev ev-" + item.type}, el("td", {}, item.type), el("td", {}, item.text),
                el("td", {class: "s"}, sentence), el("td", {}, r ? r.rule_id : ""),
                el("td", {}, r ? flags(r) : ""));
    }));
    panel.hidden = false;
    panel.scrollIntoView({block: "nearest"});
  }
  document.querySelectorAll("#heatmap td.hit").forEach(td => {
    td.addEventListener("click", () => openCell(td));
    td.addEventListener("keydown", ev => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); openCell(td); } });
  });

  // relation table: filters and search
  const LIMIT = 500;
  const selects = Array.from(document.querySelectorAll("#filters select"));
  const search = document.getElementById("search");
  function relationRow(r) {
    return el("tr", {"data-relation": r.relation_id},
      el("td", {}, r.subject_text, el("br"), el("span", {class: "meta"}, r.subject_label)),
      el("td", {}, el("b", {}, r.predicate)),
      el("td", {}, r.object_text, el("br"), el("span", {class: "meta"}, r.object_label)),
      el("td", {class: "pol-" + r.polarity}, r.polarity),
      el("td", {}, flags(r)), el("td", {}, r.evidence_level), el("td", {}, r.rule_id),
      el("td", {class: "s"}, sentenceLink(r, sentenceOf(r))),
      el("td", {}, shown.has(r.article_id) ? el("a", {href: "#a-" + r.article_id}, (titles[r.article_id] || "").slice(0, 40)) : r.article_id));
  }
  function render() {
    const wanted = selects.map(s => [s.dataset.field, s.value, s.dataset.bool === "1"]).filter(w => w[1] !== "");
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const hits = data.relations.filter(r => wanted.every(([f, v, b]) => b ? String(Boolean(r[f])) === v : r[f] === v)
      && words.every(w => (r.subject_text + " " + r.object_text + " " + r.sentence + " " + r.predicate).toLowerCase().includes(w)));
    document.getElementById("relation-rows").replaceChildren(...hits.slice(0, LIMIT).map(relationRow));
    document.getElementById("relation-count").textContent = hits.length + " of " + data.relations.length +
      " relations" + (hits.length > LIMIT ? " (first " + LIMIT + " shown: narrow the filters)" : "");
  }
  // a link to a sentence opens the article text it is in
  function reveal() {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const details = target && target.closest("details");
    if (details && !details.open) { details.open = true; target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  selects.forEach(s => s.addEventListener("change", render));
  search.addEventListener("input", render);
  render();
})();
