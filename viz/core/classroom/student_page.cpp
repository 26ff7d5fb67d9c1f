#include "core/classroom/student_page.hpp"

namespace shanzhi::viz::classroom {
namespace {

// The page's text in both languages travels inside the script; LANG below picks one. Polling
// every second (not WebSocket) keeps the server a plain request/response one and is plenty for
// a simulation the trainer advances a week at a time.
constexpr std::string_view page = R"HTML(<!DOCTYPE html>
<html lang="@LANG@"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shanzhi classroom</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:0;background:#f4f5f7;color:#222}
header{background:#24415e;color:#fff;padding:10px 16px;display:flex;justify-content:space-between;align-items:center}
header a{color:#cfe0f5;margin-left:8px}
main{max-width:760px;margin:0 auto;padding:12px 16px}
section{background:#fff;border-radius:6px;padding:12px 16px;margin:12px 0;box-shadow:0 1px 2px #0002}
label{display:block;margin:8px 0 2px;font-weight:600}
input,select{font-size:1rem;padding:4px 6px;width:12em}
button{font-size:1rem;padding:4px 12px;margin-left:6px;background:#2f6da3;color:#fff;border:0;border-radius:4px}
table{border-collapse:collapse;width:100%}td,th{padding:4px 6px;border-bottom:1px solid #e3e3e3;text-align:right}
td:first-child,th:first-child{text-align:left}
.error{color:#b00020;font-weight:600;min-height:1.2em}.note{color:#666;font-size:.9rem}
.lever{margin-bottom:10px}
</style></head><body>
<header><b id="title"></b><span><a href="?lang=zh">中文</a><a href="?lang=en">English</a></span></header>
<main>
<section id="join">
<label for="code" id="l_code"></label><input id="code" autocomplete="off">
<label for="name" id="l_name"></label><input id="name" maxlength="40">
<label for="street" id="l_street"></label><select id="street"><option value="" id="first_free"></option></select>
<p><button id="join_button"></button></p>
</section>
<section id="street_panel" hidden>
<h2 id="street_title"></h2><p id="week" class="note"></p>
<h3 id="h_levers"></h3><div id="levers"></div><p id="budget_note" class="note"></p>
<h3 id="h_outcomes"></h3>
<table><thead><tr><th></th><th id="th_street"></th><th id="th_district"></th></tr></thead><tbody id="outcomes"></tbody></table>
<svg id="plot" width="100%" height="160" viewBox="0 0 600 160" role="img"></svg>
<p class="note" id="plot_note"></p>
</section>
<p class="error" id="error"></p>
</main>
<script>
"use strict";
const LANG = "@LANG@";
const TEXT = {
 en: {title:"Shanzhi classroom — your street", code:"Join code (from the trainer)", name:"Your name",
  street:"Street", first_free:"the first free street", taken:"taken", join:"Join", levers:"Your street's levers",
  outcomes:"Outcomes this week", street_col:"Your street", district_col:"District", set:"Set", week:"Week ",
  own:"your setting", district_value:"district value", fiscal:"a change takes effect at the next fiscal year",
  in_force:"in force this year: ¥{value} (a new budget waits for the next fiscal year; under the six rules a budget never falls)",
  budget:"Budget envelope: at most ¥{ceiling} per community a year ({n} communities)",
  plot:"Satisfaction by week: your street (blue) and the district (grey)",
  "purchase.budget_per_community_yuan":"Purchase of services budget per community (¥/year)",
  "admin.task_cut_share":"Share of line departments' tasks the street stops (0–1)",
  "admin.admission_strictness":"How strictly the street refuses off-list tasks (0–1)",
  satisfaction_mean:"Satisfaction (0–100)", unmet_need_share:"Unmet needs", wait_mean_weeks:"Mean wait (weeks)",
  trust_street_mean:"Trust in the street office (0–100)", purchased_hours:"Purchased service hours / week",
  budget_per_community_yuan:"Purchase budget in force (¥/community/year)"},
 zh: {title:"善治课堂 — 你的街道", code:"加入码（培训师提供）", name:"你的名字",
  street:"街道", first_free:"第一个空闲街道", taken:"已有人", join:"加入", levers:"你的街道的政策杠杆",
  outcomes:"本周结果", street_col:"你的街道", district_col:"全区", set:"设定", week:"第 ",
  own:"你的设定", district_value:"区级数值", fiscal:"调整从下一财政年度起生效",
  in_force:"本年度在用：¥{value}（新预算从下一财政年度起执行；六项规定下预算只增不减）",
  budget:"预算上限：每个社区每年至多 ¥{ceiling}（{n} 个社区）",
  plot:"每周满意度：你的街道（蓝）与全区（灰）",
  "purchase.budget_per_community_yuan":"每个社区的政府购买服务预算（元/年）",
  "admin.task_cut_share":"街道削减的条线任务比例（0–1）",
  "admin.admission_strictness":"街道拒绝清单外任务的严格程度（0–1）",
  satisfaction_mean:"满意度（0–100）", unmet_need_share:"未满足需求比例", wait_mean_weeks:"平均等待（周）",
  trust_street_mean:"对街道办的信任（0–100）", purchased_hours:"购买服务小时/周",
  budget_per_community_yuan:"在用购买预算（元/社区/年）"}
};
const T = TEXT[LANG] || TEXT.en;
const $ = id => document.getElementById(id);
// A token in the address (#token=...) resumes a seat, e.g. on another device of the same student.
let token = new URLSearchParams(location.hash.slice(1)).get("token") || sessionStorage.getItem("shanzhi_token") || "";
let leversDrawn = false;

function fill() {
  $("title").textContent = T.title; $("l_code").textContent = T.code; $("l_name").textContent = T.name;
  $("l_street").textContent = T.street; $("join_button").textContent = T.join; $("h_levers").textContent = T.levers;
  $("h_outcomes").textContent = T.outcomes; $("th_street").textContent = T.street_col;
  $("th_district").textContent = T.district_col; $("plot_note").textContent = T.plot;
  $("first_free").textContent = T.first_free;
}
async function listStreets() {
  try {
    const body = await call("/api/streets");
    const select = $("street");
    for (const seat of body.streets) {
      const option = document.createElement("option");
      option.value = seat.street; option.disabled = seat.taken;
      option.textContent = seat.name + (seat.taken ? " (" + T.taken + ")" : "");
      select.appendChild(option);
    }
  } catch (e) { showError(e); }
}
function form(fields) { return new URLSearchParams(fields); }
async function call(path, options) {
  const res = await fetch(path, options);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}
function showError(e) { $("error").textContent = e ? e.message : ""; }

async function join() {
  try {
    const body = await call("/api/join", {method:"POST", body: form({code:$("code").value.trim(), name:$("name").value.trim(), street:$("street").value})});
    token = body.token; sessionStorage.setItem("shanzhi_token", token); showError(null); poll();
  } catch (e) { showError(e); }
}
async function setLever(key) {
  try { show(await call("/api/lever", {method:"POST", body: form({token, key, value: $("in_" + key).value})})); showError(null); }
  catch (e) { showError(e); }
}
function number(x, digits) { return Number(x).toLocaleString(LANG === "zh" ? "zh-CN" : "en", {maximumFractionDigits: digits}); }

function drawLevers(state) {
  const box = $("levers"); box.innerHTML = "";
  for (const lever of state.levers) {
    const div = document.createElement("div"); div.className = "lever";
    div.innerHTML = `<label for="in_${lever.key}">${T[lever.key]}</label>
      <input id="in_${lever.key}" type="number" min="${lever.min}" max="${lever.max}" step="any">
      <button data-key="${lever.key}">${T.set}</button> <span class="note" id="st_${lever.key}"></span>`;
    box.appendChild(div);
    div.querySelector("button").onclick = () => setLever(lever.key);
  }
  leversDrawn = true;
}
function show(state) {
  $("join").hidden = true; $("street_panel").hidden = false;
  $("street_title").textContent = state.street_name + " — " + state.student;
  $("week").textContent = T.week + state.week + (LANG === "zh" ? " 周" : "");
  if (!leversDrawn) drawLevers(state);
  for (const lever of state.levers) {
    const input = $("in_" + lever.key);
    if (document.activeElement !== input) input.value = lever.value;
    let status = lever.own ? T.own : T.district_value;
    // The budget in force can differ from the setting until the next fiscal year, or for good
    // when the six rules hold budgets from falling (只多不少): say which is in force and why.
    if (lever.key === "purchase.budget_per_community_yuan" && state.latest.budget_per_community_yuan !== lever.value)
      status += " · " + T.in_force.replace("{value}", number(state.latest.budget_per_community_yuan, 0));
    else if (lever.fiscal_year) status += " · " + T.fiscal;
    $("st_" + lever.key).textContent = status;
  }
  $("budget_note").textContent = T.budget.replace("{ceiling}", number(state.budget_ceiling_per_community_yuan, 0)).replace("{n}", state.communities);
  const rows = ["satisfaction_mean","unmet_need_share","wait_mean_weeks","trust_street_mean","purchased_hours","budget_per_community_yuan"];
  const cell = (k, v) => k === "unmet_need_share" ? number(100 * v, 1) + "%" : number(v, k === "budget_per_community_yuan" ? 0 : 2);
  $("outcomes").innerHTML = rows.map(k => `<tr><td>${T[k]}</td><td>${cell(k, state.latest[k])}</td><td>${cell(k, state.district_latest[k])}</td></tr>`).join("");
  drawPlot(state.satisfaction_by_week, state.district_satisfaction_by_week);
}
function drawPlot(mine, district) {
  const all = mine.concat(district); if (all.length === 0) return;
  let lo = Math.min(...all), hi = Math.max(...all); if (hi - lo < 1) { lo -= 0.5; hi += 0.5; }
  const x = i => 40 + 550 * (mine.length > 1 ? i / (mine.length - 1) : 0);
  const y = v => 150 - 140 * (v - lo) / (hi - lo);
  const line = (series, colour) => `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${series.map((v, i) => x(i) + "," + y(v)).join(" ")}"/>`;
  $("plot").innerHTML = `<text x="0" y="14" font-size="12">${number(hi, 1)}</text><text x="0" y="150" font-size="12">${number(lo, 1)}</text>` +
    line(district, "#999") + line(mine, "#2f6da3");
}
async function poll() {
  if (!token) return;
  try { show(await call("/api/state?token=" + encodeURIComponent(token))); showError(null); }
  catch (e) { showError(e); if (/token/.test(e.message)) { token = ""; sessionStorage.removeItem("shanzhi_token"); $("join").hidden = false; } }
}
fill();
listStreets();
$("join_button").onclick = join;
poll();
setInterval(poll, 1000);
</script></body></html>
)HTML";

}  // namespace

std::string student_page_html(std::string_view language) {
  const std::string_view lang = language == "zh" ? "zh" : "en";
  std::string html(page);
  for (auto at = html.find("@LANG@"); at != std::string::npos; at = html.find("@LANG@", at + lang.size()))
    html.replace(at, 6, lang);
  return html;
}

}  // namespace shanzhi::viz::classroom
