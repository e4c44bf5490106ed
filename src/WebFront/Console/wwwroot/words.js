// Words, not codes: what the API calls each anomaly and event kind (GET /admin/words, loaded once), each shown in
// Chinese and English with its code as the hover text; the class policy as sentences; the language switch, which
// shows either language or both (every pair is marked lang="zh-CN" / lang="en"); and the pager every growing list uses.
"use strict";

const languageStorage = "supervision.language";
let kindWords = { anomalies: {}, events: {} };

async function loadWords() {
  kindWords = await api("/admin/words");
}

// Both languages side by side, each marked, so the switch can hide one.
function bilingual(words, attributes) {
  return el("span", attributes, el("span", { lang: "zh-CN" }, words.zh), " ", el("span", { lang: "en" }, words.en));
}

// A sentence in both languages; each name the server said in it (a platform, a video: `names` of the answer) carries
// its code on hover.
function sentence(words, names = []) {
  return [el("p", { lang: "zh-CN" }, namedParts(words.zh, names)), el("p", { lang: "en" }, namedParts(words.en, names))];
}

function namedParts(text, names) {
  const said = (names ?? []).filter(n => n.name && text.includes(n.name)).sort((a, b) => b.name.length - a.name.length);
  if (!said.length) return [text];
  const pattern = new RegExp(said.map(n => n.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const code = said.find(n => n.name === match[0]).code;
    parts.push(text.slice(last, match.index), el("span", { class: "named", title: code, "data-code": code }, match[0]));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

const anomalyName = kind => kindWords.anomalies[kind] ?? { zh: kind, en: kind };
const eventName = kind => kindWords.events[kind] ?? { zh: kind, en: kind };
const anomalyKind = kind => bilingual(anomalyName(kind), { class: "kind", title: kind, "data-kind-code": kind });
const eventKind = kind => bilingual(eventName(kind), { class: "kind", title: kind, "data-kind-code": kind });
const anomalyLabel = kind => `${anomalyName(kind).zh} ${anomalyName(kind).en}`;

// Kinds with their counts, as a row of chips: "进度超过时钟 Progress ahead of the clock ×3".
function kindChips(kinds) {
  return el("ul", { class: "chips" }, kinds.map(k => el("li", null, anomalyKind(k.kind), el("b", null, ` ×${k.count}`))));
}

// The policy as a regulator says it (docs/checks.md: triggerType 0 fixed count, 1 fixed time, 2 increasing).
function policySentences(policy) {
  const check = policy.videoOnHook === 2 ? { zh: "人脸验证", en: "a face check" } : policy.videoOnHook === 1 ? { zh: "弹窗验证码", en: "a pop-up code" } : null;
  const n = policy.triggerValue;
  const when = policy.triggerType === 0 ? { zh: `每个视频 ${n} 次，均匀分布，最后一次在结尾`, en: `${n} times a video, spread evenly, the last at its end` }
    : policy.triggerType === 1 ? { zh: `每学习 ${n} 分钟一次`, en: n === 1 ? "every minute of study" : `every ${n} minutes of study` }
    : policy.triggerType === 2 ? { zh: `间隔递增：第 ${n}、${3 * n}、${6 * n} 分钟……`, en: `at growing intervals: after ${n}, ${3 * n}, ${6 * n} minutes …` }
    : { zh: "按默认间隔", en: "at the default interval" };
  const limit = policy.faceTimeLimit ? { zh: `${policy.faceTimeLimit} 分钟内完成`, en: `to be answered within ${policy.faceTimeLimit} min` } : { zh: "默认时限内完成", en: "within the default time" };
  return [
    ["实名认证 Real name", policy.realNameAuthentication ? { zh: "学习前须通过实名认证", en: "must pass the real-name check before studying" } : { zh: "不要求", en: "not required" }],
    ["每日学时上限 Daily limit", policy.studyHourLimit ? { zh: `每天最多计 ${policy.studyHourLimit} 小时 (${policy.studyHourLimit} h)`, en: `at most ${policy.studyHourLimit} h a day` } : { zh: "不限", en: "no limit" }],
    ["防挂机 Anti-idle check", check ? { zh: `${check.zh}，${when.zh}，${limit.zh}`, en: `${check.en} ${when.en}, ${limit.en}` } : { zh: "不抽查", en: "no checks" }],
    ["开始前人脸 Face at start", policy.videoStartFace ? { zh: "每次开始学习前须人脸验证", en: "a face check before each start" } : { zh: "不要求", en: "not required" }],
    ["录像 Recording", policy.videoPlayRecord ? { zh: "每个视频须提交学习录像", en: "a recording of each video studied" } : { zh: "不要求", en: "not required" }],
  ].map(([name, words]) => [name, bilingual(words)]);
}

// A pager for a list in the address: ?offset= moves, the rest of the address stays.
function pager(total, offset, pageSize, hrefOf) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.floor(offset / pageSize) + 1;
  return el("p", { class: "pager" },
    offset > 0 ? link(hrefOf(Math.max(0, offset - pageSize)), "‹ 上一页 Previous") : "",
    el("span", null, `第 ${page} / ${pages} 页，共 ${total} 条 · Page ${page} of ${pages}, ${total} in all`),
    offset + pageSize < total ? link(hrefOf(offset + pageSize), "下一页 Next ›") : "");
}

// A list that can grow but is answered whole (a class's students, its operator actions) is paged here.
function pageOf(rows, params, name, pageSize, hrefOf) {
  const offset = Math.max(0, Number(params.get(name) ?? 0) || 0);
  return { rows: rows.slice(offset, offset + pageSize), pager: rows.length > pageSize ? pager(rows.length, offset, pageSize, hrefOf) : "" };
}

// An empty list says so in words, and what would fill it.
function empty(id, words) {
  return el("p", { class: "empty", id }, el("span", { lang: "zh-CN" }, words.zh), " ", el("span", { lang: "en" }, words.en));
}

function withParams(base, params, changes) {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === "" || value === 0) next.delete(name);
    else next.set(name, value);
  }
  const text = next.toString();
  return text ? `${base}?${text}` : base;
}

function applyLanguage(language) {
  document.body.dataset.lang = language;
  localStorage.setItem(languageStorage, language);
}

function languageSwitch() {
  const chosen = localStorage.getItem(languageStorage) ?? "both";
  applyLanguage(chosen);
  return el("select", { id: "language", "aria-label": "语言 Language", onchange: event => applyLanguage(event.target.value) },
    [["both", "中文 + English"], ["zh", "中文"], ["en", "English"]].map(([value, text]) => el("option", { value, selected: value === chosen }, text)));
}
