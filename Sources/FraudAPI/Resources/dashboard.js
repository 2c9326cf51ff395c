// The analyst's live page: polls the API, draws its own SVG charts, labels alerts and moves the champion.
// Written for this project; no libraries, no external assets.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const HISTORY = 90; // chart points (one per activity poll)
const history = [];
const $ = (id) => document.getElementById(id);

const tokenInput = $("token");
tokenInput.value = sessionStorage.getItem("fraud-token") || "";
tokenInput.addEventListener("change", () => {
  sessionStorage.setItem("fraud-token", tokenInput.value);
  tokenInput.classList.remove("needed");
  refreshAll();
});

// Asks for the token: the server answered 401 (payment reads, scoring and writes need it when it has one).
function askForToken() {
  tokenInput.classList.add("needed");
  tokenInput.placeholder = "token needed";
  if (document.activeElement !== tokenInput) tokenInput.focus();
}

// Calls the API; a problem-details answer becomes an Error carrying its detail, a 401 also asks for the token.
async function api(path, options = {}) {
  const headers = { "Content-Type": "application/json" };
  if (tokenInput.value) headers.Authorization = `Bearer ${tokenInput.value}`;
  const response = await fetch(path, { ...options, headers });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) askForToken();
  if (!response.ok) throw new Error(body.detail || `${response.status} ${response.statusText}`);
  return body;
}

const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
};
const svg = (tag, attributes = {}, text) => {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
};
const number = (value, digits = 0) => (value === undefined || value === null ? "–" : value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const percent = (value, digits = 2) => (value === undefined || value === null ? "–" : `${(value * 100).toFixed(digits)} %`);
const ms = (value) => (value === undefined || value === null ? "–" : `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`);

function setStatus(ok, text) {
  const status = $("status");
  status.textContent = text;
  status.className = `status ${ok ? "live" : "down"}`;
}

async function refreshActivity() {
  const activity = await api("/v1/reports/activity?window=10");
  $("throughput").textContent = number(activity.payments_per_second, 1);
  $("p50").textContent = ms(activity.latency_p50_ms);
  $("p99").textContent = ms(activity.latency_p99_ms);
  $("fraud-rate").textContent = percent(activity.fraud_rate);
  $("window-note").textContent = `(scored in the last ${activity.window_seconds} s, updated ${activity.until.slice(11)} UTC)`;
  history.push({ throughput: activity.payments_per_second, fraudRate: activity.fraud_rate || 0 });
  if (history.length > HISTORY) history.shift();
  drawChart();
}

// Two series on one SVG: payments/s on the left scale, fraud rate on the right scale.
function drawChart() {
  const chart = $("chart");
  chart.replaceChildren();
  const width = 900, height = 180, left = 46, right = 50, top = 10, bottom = 20;
  const maxThroughput = Math.max(1, ...history.map((p) => p.throughput)) * 1.15;
  const maxRate = Math.max(0.01, ...history.map((p) => p.fraudRate)) * 1.15;
  const x = (index) => left + (index * (width - left - right)) / (HISTORY - 1);
  const y = (value, max) => top + (height - top - bottom) * (1 - value / max);
  for (let step = 0; step <= 4; step++) {
    const level = (maxThroughput * step) / 4;
    chart.append(svg("line", { class: "grid", x1: left, x2: width - right, y1: y(level, maxThroughput), y2: y(level, maxThroughput) }));
    chart.append(svg("text", { x: 4, y: y(level, maxThroughput) + 4 }, number(level)));
    chart.append(svg("text", { x: width - right + 6, y: y((maxRate * step) / 4, maxRate) + 4 }, percent((maxRate * step) / 4, 1)));
  }
  const offset = HISTORY - history.length;
  const path = (key, max) => history.map((p, i) => `${i ? "L" : "M"}${x(offset + i).toFixed(1)},${y(p[key], max).toFixed(1)}`).join(" ");
  if (history.length > 1) {
    chart.append(svg("path", { class: "throughput", d: path("throughput", maxThroughput) }));
    chart.append(svg("path", { class: "fraud", d: path("fraudRate", maxRate) }));
  }
}

async function label(transNum, isFraud, row) {
  row.querySelectorAll("button").forEach((button) => { button.disabled = true; });
  try {
    await api("/v1/labels", { method: "POST", body: JSON.stringify({ trans_num: transNum, is_fraud: isFraud, labeled_by: "dashboard" }) });
    row.remove();
    refreshPerformance();
  } catch (error) {
    row.querySelectorAll("button").forEach((button) => { button.disabled = false; });
    alert(`Could not label ${transNum}: ${error.message}`);
  }
}

async function refreshAlerts() {
  const { alerts } = await api("/v1/alerts?unlabelled=true&limit=8");
  const body = $("alerts").querySelector("tbody");
  $("alerts-empty").hidden = alerts.length > 0;
  $("alert-count").textContent = alerts.length ? `(${alerts.length} newest unlabelled)` : "";
  body.replaceChildren(...alerts.map((alert) => {
    const reasons = el("td", {}, ...alert.reasons.map((reason) => el("span", { class: `reason ${reason.contribution > 0 ? "up" : "down"}` },
      `${reason.feature} = ${number(reason.value, 2)} (${reason.contribution > 0 ? "+" : ""}${number(reason.contribution, 2)})`)));
    const confirm = el("button", { class: "fraud confirm", "data-trans-num": alert.trans_num }, "Confirm fraud");
    const dismiss = el("button", { class: "dismiss", "data-trans-num": alert.trans_num }, "Dismiss");
    const row = el("tr", { "data-trans-num": alert.trans_num },
      el("td", {}, el("code", {}, alert.trans_num.slice(0, 12)), el("div", { class: "muted" }, `card ${alert.cc_num} · ${alert.trans_date_trans_time}`)),
      el("td", {}, `$${number(alert.amt, 2)}`),
      el("td", {}, number(alert.score, 3)),
      reasons,
      el("td", { class: "actions" }, confirm, " ", dismiss));
    confirm.addEventListener("click", () => label(alert.trans_num, true, row));
    dismiss.addEventListener("click", () => label(alert.trans_num, false, row));
    return row;
  }));
}

async function moveChampion(path, what) {
  const message = $("model-message");
  try {
    const moved = await api(path, { method: "POST", body: JSON.stringify({ reason: `${what} from the dashboard`, by: "dashboard" }) });
    message.textContent = `champion is now version ${moved.alias.version}`;
  } catch (error) {
    message.textContent = `${what} refused: ${error.message}`;
  }
  refreshModels();
}

async function refreshModels() {
  const { models } = await api("/v1/models");
  const body = $("models").querySelector("tbody");
  body.replaceChildren(...models.slice().reverse().map((model) => {
    const badges = el("td", {}, ...model.aliases.map((alias) => el("span", { class: `badge ${alias}` }, alias)));
    const actions = el("td", { class: "actions" });
    if (!model.aliases.includes("champion")) {
      const promote = el("button", { class: "promote", "data-version": model.version }, "Promote");
      promote.addEventListener("click", () => moveChampion(`/v1/models/${encodeURIComponent(model.version)}/promote`, "promotion"));
      actions.append(promote);
    }
    return el("tr", {}, el("td", {}, model.version), el("td", {}, model.model_type), el("td", {}, number(model.metrics.pr_auc, 3)), badges, actions);
  }));
}

async function refreshPerformance() {
  const p = await api("/v1/reports/performance");
  $("precision-recall").textContent = p.labelled ? `${percent(p.precision, 0)} / ${percent(p.recall, 0)}` : "no labels";
  const rows = [["labelled payments", number(p.labelled)], ["precision", percent(p.precision, 1)], ["recall", percent(p.recall, 1)], ["F1", number(p.f1, 3)],
    ["confirmed fraud caught / missed", `${p.true_positives} / ${p.false_negatives}`], ["false alarms", number(p.false_positives)]];
  $("performance").querySelector("tbody").replaceChildren(...rows.map(([name, value]) => el("tr", {}, el("th", {}, name), el("td", {}, value))));
}

// One bar per feature of the latest drift report, its threshold marked; drifted features in red.
async function refreshDrift() {
  const { reports } = await api("/v1/reports/drift?limit=1");
  const chart = $("drift");
  chart.replaceChildren();
  const report = reports[0] && reports[0].report;
  if (!report || !report.features) {
    $("drift-note").textContent = "(no drift report yet)";
    chart.setAttribute("viewBox", "0 0 900 30");
    chart.append(svg("text", { x: 4, y: 18 }, "Drift reports appear here once the monitor has written one."));
    return;
  }
  $("drift-note").textContent = `(${reports[0].created_at} UTC: ${percent(report.drift_share, 0)} of features drifted${report.dataset_drift ? ", dataset drift" : ""})`;
  const rowHeight = 20, labelWidth = 210, width = 900;
  const max = Math.max(...report.features.map((f) => Math.max(f.score || 0, f.threshold || 0)), 1e-9) * 1.1;
  chart.setAttribute("viewBox", `0 0 ${width} ${report.features.length * rowHeight + 6}`);
  report.features.forEach((feature, index) => {
    const y = index * rowHeight + 3;
    const scale = (value) => labelWidth + ((width - labelWidth - 170) * Math.max(0, value || 0)) / max;
    chart.append(svg("text", { x: 4, y: y + 12 }, feature.name));
    chart.append(svg("rect", { class: `bar${feature.drifted ? " drifted" : ""}`, x: labelWidth, y, height: rowHeight - 6, width: Math.max(1, scale(feature.score) - labelWidth) }));
    chart.append(svg("line", { class: "threshold", x1: scale(feature.threshold), x2: scale(feature.threshold), y1: y - 1, y2: y + rowHeight - 5 }));
    chart.append(svg("text", { x: width - 160, y: y + 12 }, `${feature.test} ${number(feature.score, 3)}`));
  });
}

// Runs `task` now and every `seconds`, marking the connection down while it fails; `refreshAll` runs them all now.
const tasks = [];
function every(seconds, task) {
  const run = () => task().then(() => setStatus(true, "live")).catch((error) => setStatus(false, `error: ${error.message}`));
  tasks.push(run);
  run();
  setInterval(run, seconds * 1000);
}
function refreshAll() { tasks.forEach((run) => run()); }

$("rollback").addEventListener("click", () => moveChampion("/v1/models/rollback", "rollback"));
every(1, refreshActivity);
every(2, refreshAlerts);
every(5, refreshModels);
every(5, refreshPerformance);
every(10, refreshDrift);
