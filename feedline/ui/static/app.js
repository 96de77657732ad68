// feedline review UI: small enhancements over server-rendered pages (works without them).
"use strict";
(function () {
  const csrf = document.body.dataset.csrf || "";

  function searchableSelects() {
    document.querySelectorAll("select.searchable").forEach(function (select) {
      const wrap = document.createElement("div");
      wrap.className = "searchable-wrap";
      const input = document.createElement("input");
      input.type = "search";
      input.placeholder = "Search fields…";
      input.setAttribute("aria-label", "Search fields for column " + (select.dataset.column || ""));
      input.disabled = select.disabled;
      select.parentNode.insertBefore(wrap, select);
      wrap.appendChild(input);
      wrap.appendChild(select);
      input.addEventListener("input", function () {
        const needle = input.value.trim().toLowerCase();
        let first = null;
        Array.from(select.options).forEach(function (o) {
          const hit = !needle || o.value === "" || o.text.toLowerCase().includes(needle) || o.value.toLowerCase().includes(needle);
          o.hidden = !hit;
          if (hit && o.value && !first) first = o;
        });
        if (needle && first) select.value = first.value;
      });
    });
  }

  function liveSpace() {
    const live = document.getElementById("live");
    if (!live || !live.dataset.live) return;
    const url = "/ui/spaces/" + live.dataset.space + "/status.json";
    const shown = {};
    document.querySelectorAll("[data-job]").forEach(function (el) { shown[el.dataset.job] = el.dataset.status; });
    async function poll() {
      try {
        const resp = await fetch(url, { headers: { Accept: "application/json" } });
        if (resp.status === 401) { window.location.reload(); return; }
        const data = await resp.json();
        let changed = false;
        Object.entries(data.jobs).forEach(function ([id, job]) {
          if (shown[id] !== job.status) changed = true;
          const row = document.querySelector('tr[data-job="' + id + '"] progress');
          if (row) row.value = job.progress;
        });
        if (changed) { window.location.reload(); return; }
        live.textContent = "";
      } catch (err) {
        live.textContent = "Lost contact with the server; retrying…";
      }
      setTimeout(poll, 1000);
    }
    setTimeout(poll, 700);
  }

  function sendStatus() {
    const box = document.getElementById("send-status");
    if (!box) return;
    async function poll() {
      const resp = await fetch("/ui/jobs/" + box.dataset.job + ".json", { headers: { Accept: "application/json" } });
      const job = await resp.json();
      if (!resp.ok) { box.className = "notice error"; box.textContent = job.error ? job.error.message : "Could not read the delivery."; return; }
      if (!job.final) {
        box.textContent = "Sending… " + Math.round(job.progress) + "%" + (job.info ? " — " + job.info : "");
        setTimeout(poll, 700);
        return;
      }
      const message = (job.outcome && job.outcome.message) || job.info || job.status;
      box.className = "notice " + (job.status === "complete" ? "ok" : "error");
      box.textContent = (job.status === "complete" ? "Sent: " : "Sending failed: ") + message;
      box.dataset.done = job.status;
    }
    poll();
  }

  function grid() {
    const table = document.getElementById("grid");
    if (!table) return;
    const sheet = table.dataset.sheet;
    let active = null;

    function cells(row) { return Array.from(row.querySelectorAll("td.cell")); }
    function focusCell(td) {
      if (!td) return;
      if (active) active.tabIndex = -1;
      active = td;
      td.tabIndex = 0;
      td.focus();
    }
    function move(td, dr, dc) {
      const row = td.parentElement;
      const list = cells(row);
      const i = list.indexOf(td);
      if (dc) return focusCell(list[Math.max(0, Math.min(list.length - 1, i + dc))]);
      let target = dr > 0 ? row.nextElementSibling : row.previousElementSibling;
      if (target) focusCell(cells(target)[i]);
    }
    function edit(td) {
      if (td.classList.contains("ro") || td.querySelector("input.edit")) return;
      const span = td.querySelector(".v");
      const old = span.textContent;
      const input = document.createElement("input");
      input.className = "edit";
      input.value = old;
      input.setAttribute("aria-label", "New value for " + td.dataset.field);
      span.hidden = true;
      td.appendChild(input);
      input.focus();
      input.select();
      let done = false;
      function finish(save, then) {
        if (done) return;
        done = true;
        if (!save || input.value === old) {
          input.remove(); span.hidden = false; focusCell(td); if (then) then(td); return;
        }
        store(td, input.value, then);
      }
      input.addEventListener("keydown", function (e) {
        if (e.key === "Enter") { e.preventDefault(); finish(true); }
        else if (e.key === "Escape") { e.preventDefault(); finish(false); }
        else if (e.key === "Tab") { e.preventDefault(); finish(true, function (c) { move(c, 0, e.shiftKey ? -1 : 1); }); }
        e.stopPropagation();
      });
      input.addEventListener("blur", function () { finish(true); });
    }
    async function store(td, value, then) {
      const row = td.parentElement;
      const id = parseInt(row.dataset.id, 10);
      const field = td.dataset.field;
      td.classList.add("saving");
      let resp;
      try {
        resp = await fetch("/ui/sheets/" + sheet + "/cells", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, Accept: "application/json" },
          body: JSON.stringify({ id: id, field: field, value: value }),
        });
      } catch (err) { resp = null; }
      if (!resp || !resp.ok) {
        let msg = "The change was not saved.";
        try { const body = await resp.json(); msg += " " + body.error.message; } catch (err) { /* keep the short message */ }
        td.classList.remove("saving");
        const input = td.querySelector("input.edit");
        if (input) input.remove();
        td.querySelector(".v").hidden = false;
        alert(msg);
        focusCell(td);
        return;
      }
      const data = await resp.json();
      const wasInvalid = row.classList.contains("invalid");
      Object.entries(data.rows).forEach(function ([rid, html]) {
        const old = table.querySelector('tr[data-id="' + rid + '"]');
        if (!old) return;
        const tpl = document.createElement("tbody");
        tpl.innerHTML = html.trim();
        old.replaceWith(tpl.firstElementChild);
      });
      ["rows", "valid", "invalid"].forEach(function (k) {
        const el = document.querySelector('[data-count="' + k + '"]');
        if (el && data.counts[k] !== undefined) el.textContent = Number(data.counts[k]).toLocaleString("en-US");
      });
      const taught = document.getElementById("taught-status");
      const said = Object.values(data.taught || {}).flatMap(function (values) {
        return Object.entries(values).map(function ([text, option]) { return "\u201c" + text + "\u201d as " + option; });
      });
      if (taught && said.length) {
        taught.textContent = "The next deliveries of " + taught.dataset.space + " read " + said.join(", ") + ".";
        taught.hidden = false;
      }
      const byField = data.counts.by_field || {};
      table.querySelectorAll("thead th[data-field]").forEach(function (th) {
        const badge = th.querySelector(".errcount");
        const n = Object.values(byField[th.dataset.field] || {}).reduce(function (a, b) { return a + b; }, 0);
        if (badge && !n) badge.remove();
        else if (badge) badge.firstChild.textContent = n.toLocaleString("en-US");
      });
      const fresh = table.querySelector('tr[data-id="' + id + '"] td[data-field="' + field + '"]');
      if (fresh) {
        if (wasInvalid && !fresh.parentElement.classList.contains("invalid")) fresh.classList.add("just-fixed");
        focusCell(fresh);
        if (then) then(fresh);
      }
    }
    // Messages show beside their cell, above the scrolling grid (never clipped by it).
    function placeTip(e) {
      const td = e.target.closest && e.target.closest("td.cell");
      const tip = td && td.querySelector(".tip");
      if (!tip) return;
      const box = td.getBoundingClientRect();
      tip.style.left = Math.max(4, Math.min(box.left, window.innerWidth - 290)) + "px";
      tip.style.top = (box.bottom + 4 + 60 > window.innerHeight ? box.top - 40 : box.bottom + 4) + "px";
    }
    table.addEventListener("mouseover", placeTip);
    table.addEventListener("focusin", placeTip);
    const first = table.querySelector("td.cell");
    if (first) first.tabIndex = 0;
    table.addEventListener("click", function (e) { const td = e.target.closest("td.cell"); if (td) focusCell(td); });
    table.addEventListener("dblclick", function (e) { const td = e.target.closest("td.cell"); if (td) edit(td); });
    table.addEventListener("keydown", function (e) {
      const td = e.target.closest("td.cell");
      if (!td || e.target !== td) return;
      const keys = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
      if (keys[e.key]) { e.preventDefault(); move(td, keys[e.key][0], keys[e.key][1]); }
      else if (e.key === "Enter" || e.key === "F2") { e.preventDefault(); edit(td); }
      else if (e.key === "Home") { e.preventDefault(); focusCell(cells(td.parentElement)[0]); }
      else if (e.key === "End") { e.preventDefault(); const l = cells(td.parentElement); focusCell(l[l.length - 1]); }
      else if (e.key === " ") { e.preventDefault(); const box = td.parentElement.querySelector(".sel input"); if (box) box.checked = !box.checked; }
    });
    const all = document.getElementById("select-all");
    if (all) all.addEventListener("change", function () {
      table.querySelectorAll("tbody .sel input").forEach(function (b) { b.checked = all.checked; });
    });
  }

  function confirms() {
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (e) { if (!window.confirm(form.dataset.confirm)) e.preventDefault(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    searchableSelects(); liveSpace(); sendStatus(); grid(); confirms();
  });
})();
