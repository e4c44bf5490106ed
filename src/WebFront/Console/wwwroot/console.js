// The supervisor's console: reads the operator API (/admin/*) as the signed-in operator and shows what it answers.
// It holds no business rule; every figure on screen is one the API computed. Data is written with textContent
// only, so a name or detail sent by a platform can never become markup.
"use strict";

// The session from POST /admin/login, and who it is for: kept for the browser tab only.
const sessionStorageKey = "supervision.session";
const accountStorage = "supervision.account";
const roleStorage = "supervision.role";
const livePeriodMs = 2000;
const chinaTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit",
  hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
});

let objectUrls = [];
let refreshTimer = null;

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function table(headers, rows, id) {
  return el("table", { id },
    el("thead", null, el("tr", null, headers.map(h => el("th", null, h)))),
    el("tbody", null, rows));
}

const number = value => el("td", { class: "number" }, value);
const time = iso => chinaTime.format(new Date(iso));
const duration = seconds => {
  const h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
  return `${seconds} s (${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")})`;
};
const link = (href, text) => el("a", { href }, text);
// A name in words, its code on hover (and in data-code); the code itself where nothing names it.
const named = (name, code) => name ? el("span", { title: code, "data-code": code }, name) : code;
const classHref = code => `#/classes/${encodeURIComponent(code)}`;
const studentHref = (classCode, studentCode) => `${classHref(classCode)}/students/${encodeURIComponent(studentCode)}`;

class Unauthorized extends Error {}

function session() { return sessionStorage.getItem(sessionStorageKey); }

function signOut() {
  for (const name of [sessionStorageKey, accountStorage, roleStorage]) sessionStorage.removeItem(name);
}

// The session goes with every call; the front records each action under the session's account, whatever a page says.
async function request(path, method = "GET", body = undefined) {
  const headers = { Authorization: `Bearer ${session() ?? ""}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, cache: "no-store", body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    const answer = await response.json().catch(() => ({}));
    throw new Unauthorized(`登录已失效，请重新登录 Your session ended: log in again (${answer.returnCode ?? 401}: ${answer.returnMsg ?? ""})`);
  }
  return response;
}

async function api(path, method = "GET", body = undefined) {
  const answer = await (await request(path, method, body)).json();
  if (answer.returnCode !== "0") throw new Error(`${answer.returnCode}: ${answer.returnMsg}`);
  return answer.returnData;
}

async function blobUrl(path) {
  const response = await request(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  objectUrls.push(url);
  return url;
}

// A message that must survive the move to the login page: route() clears the banner of the page it leaves.
let carriedMessage = null;

function showError(error) {
  if (error instanceof Unauthorized) {
    signOut();
    if (!location.hash.startsWith("#/login")) {
      carriedMessage = error.message;
      location.hash = "#/login";
      return;
    }
  }
  showMessage(error.message);
}

function showMessage(text) {
  const banner = document.getElementById("error");
  banner.textContent = text;
  banner.hidden = false;
}

// ---- views ----

function loginView(view) {
  document.getElementById("nav").hidden = true;
  document.getElementById("live").hidden = true;
  const account = el("input", { id: "account", name: "username", autocomplete: "username", maxlength: 64, required: true, value: sessionStorage.getItem(accountStorage) ?? "" });
  const password = el("input", { type: "password", id: "password", name: "password", autocomplete: "current-password", required: true });
  view.append(el("form", {
    class: "login", id: "login",
    onsubmit: async event => {
      event.preventDefault();
      // The login answers its refusal in words (wrong password, locked for a while): shown here, on this page.
      const response = await fetch("/admin/login", {
        method: "POST", cache: "no-store", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ account: account.value, password: password.value }),
      });
      const answer = await response.json().catch(() => ({ returnCode: String(response.status), returnMsg: response.statusText }));
      if (answer.returnCode !== "0") {
        password.value = "";
        showMessage(`登录失败 Login refused (${answer.returnCode}): ${answer.returnMsg}`);
        return;
      }
      sessionStorage.setItem(sessionStorageKey, answer.returnData.token);
      sessionStorage.setItem(accountStorage, answer.returnData.account);
      sessionStorage.setItem(roleStorage, answer.returnData.role);
      location.hash = "#/classes";
    },
  },
  el("h2", null, "登录 Log in"),
  el("label", null, "账户 Account", account),
  el("label", null, "密码 Password", password),
  el("button", { type: "submit", class: "action" }, "登录 Log in")));
  (account.value ? password : account).focus();
}

async function classesView(view, params) {
  const search = params.get("search") ?? "";
  const offset = Number(params.get("offset") ?? 0);
  const pageSize = 50;
  const [page, platforms] = await Promise.all([
    api(`/admin/classes?search=${encodeURIComponent(search)}&offset=${offset}&limit=${pageSize}`), api("/admin/platforms").catch(() => []),
  ]);
  // A platform by its name, its code beneath.
  const platform = code => platforms.find(p => p.code === code)?.name ? [platforms.find(p => p.code === code).name, el("br"), el("small", null, code)] : code;
  const box = el("input", { type: "search", name: "search", value: search, placeholder: "班级编码 / 名称 / 机构" });
  view.append(
    el("h2", null, `班级 Classes (${page.total})`),
    el("form", { onsubmit: e => { e.preventDefault(); location.hash = `#/classes?search=${encodeURIComponent(box.value)}`; } },
      el("label", null, "搜索 Search", box), el("button", { type: "submit", class: "action" }, "搜索 Search")),
    table(["班级 Class", "名称 Name", "机构 Organisation", "学习平台 Learning platform", "业务平台 Business platform",
      "审核 Approval", "推送 Push (1.12)", "学员 Students", "课程 Courses", "接收 Received"],
    page.classes.map(c => el("tr", { "data-class": c.classCode },
      el("td", null, link(classHref(c.classCode), c.classCode)),
      el("td", null, c.trainClassName), el("td", null, c.orgName),
      el("td", null, platform(c.learningPlatformCode)), el("td", null, platform(c.businessPlatformCode)),
      el("td", { title: c.approval }, approvalWords(c.approval)), el("td", null, pushStatus(c)),
      number(c.studentCount), number(c.courseCount), el("td", null, time(c.receivedAt)))), "classes"),
    page.classes.length ? "" : empty("classes-empty", search
      ? { zh: `没有班级的编码、名称或机构包含“${search}”。`, en: `No class's code, name or organisation contains "${search}".` }
      : { zh: "还没有班级：业务平台推送班级（2.2）后会出现在这里。", en: "No class yet: classes appear here once a business platform pushes them (2.2)." }),
    pager(page.total, offset, pageSize, next => withParams("#/classes", params, { offset: next })));
}

function approvalWords(approval) {
  return approval === "approved" ? "已批准 approved" : approval === "pending" ? "待审核 waiting for approval" : approval;
}

function pushStatus(c) {
  if (c.approval !== "approved") return "待审核 not approved";
  if (c.pushVersion === 0) return "未排队 not queued";
  if (c.deliveredVersion >= c.pushVersion) return `已送达 delivered (v${c.deliveredVersion})`;
  return `待送达 waiting (v${c.pushVersion}; delivered v${c.deliveredVersion})`;
}

function facts(pairs, id) {
  return el("dl", { class: "facts", id }, pairs.flatMap(([name, value]) => [el("dt", null, name), el("dd", null, value)]));
}

const studentPageSize = 50;

async function classView(view, classCode, params) {
  const [cls, students, platforms] = await Promise.all([
    api(`/admin/classes/${encodeURIComponent(classCode)}`),
    api(`/admin/classes/${encodeURIComponent(classCode)}/students`),
    api("/admin/platforms").catch(() => []),
  ]);
  const platform = code => platforms.find(p => p.code === code) ? `${platforms.find(p => p.code === code).name} (${code})` : code;
  const shown = pageOf(students, params, "offset", studentPageSize, next => withParams(classHref(classCode), params, { offset: next }));
  const titles = videoTitles(cls);
  const csvButton = el("button", { type: "button", class: "action", id: "download-csv", onclick: () => downloadCsv(classCode) }, "导出学时 CSV Export records");
  view.append(
    el("h2", null, `${cls.trainClassName} `, el("small", null, cls.classCode)),
    facts([
      ["机构 Organisation", `${cls.orgName} (${cls.orgCode})`],
      ["工种 Work", cls.workName ?? "–"],
      ["学习平台 Learning platform", platform(cls.learningPlatformCode)],
      ["业务平台 Business platform", platform(cls.businessPlatformCode)],
      ["审核 Approval", cls.approvedAt ? `${approvalWords(cls.approval)} · ${time(cls.approvedAt)}` : approvalWords(cls.approval)],
      ["推送 Push (1.12)", pushStatus(cls) + (cls.deliveredAt ? ` · ${time(cls.deliveredAt)}` : "")],
      ...policySentences(cls.policy),
    ], "class-facts"),
    el("p", null, csvButton, " ", approveButton(cls), " ", link(`#/risk?classCode=${encodeURIComponent(classCode)}`, "本班谁在作弊 Who is cheating in this class"), " ",
      link(`#/anomalies?classCode=${encodeURIComponent(classCode)}`, "本班异常明细 This class's anomalies")),
    proposedPolicy(cls),
    el("h3", null, `学员 Students (${students.length})`),
    students.length ? "" : empty("students-empty", { zh: "名册上还没有学员。", en: "No student on the roster yet." }),
    shown.pager,
    table(["学员 Student", "姓名 Name", "身份证 ID", "实名 Real-name", "在学 Studying", "今日 Today", "累计 Credited", "按视频 Per video"],
      shown.rows.map(s => el("tr", { "data-student": s.studentUserCode },
        el("td", null, link(studentHref(classCode, s.studentUserCode), s.studentUserCode)),
        el("td", null, s.studentName), el("td", null, s.cardNo),
        el("td", null, s.realNameVerified ? "✓ 已认证 yes" : "– 未认证 no"), el("td", null, s.studying ? "● 在学 studying" : "–"),
        el("td", { class: "number", "data-today": s.todayCredited }, duration(s.todayCredited)),
        el("td", { class: "number", "data-credited": s.totalCredited }, duration(s.totalCredited)),
        el("td", null, el("ul", null, s.credit.map(c => creditLine(c, titles)))))), "students"),
    progressChart(cls, shown.rows),
    await operatorActions(classCode));
}

// What the classes on a page call themselves, their learners and their videos: one GET /admin/classes/{c} a class (the
// class alone: no learner is woken). A class that cannot be read leaves its codes.
async function classViews(codes) {
  const unique = [...new Set(codes.filter(Boolean))];
  const views = await Promise.all(unique.map(c => api(`/admin/classes/${encodeURIComponent(c)}`).catch(() => null)));
  return new Map(unique.map((c, i) => [c, views[i]]));
}

const learnerName = (views, classCode, studentCode) => views.get(classCode)?.students.find(s => s.studentUserCode === studentCode)?.studentName;

// Each video of a class by its code: its title and its course's.
function videoTitles(cls) {
  return new Map((cls?.courses ?? []).flatMap(course => course.chapters.flatMap(chapter => chapter.resources.map(r =>
    [r.resCode, { video: r.title, course: course.title ?? course.courseCode }]))));
}

// "安全生产法规 / 第一讲 法律责任: 1,200 s", each name with its code on hover.
function creditLine(credit, titles) {
  const title = titles.get(credit.resCode);
  return el("li", { "data-res": credit.resCode }, named(title?.course, credit.courseCode), " / ", named(title?.video, credit.resCode), `: ${credit.seconds} s`);
}

async function downloadCsv(classCode) {
  try {
    const url = await blobUrl(`/admin/classes/${encodeURIComponent(classCode)}/records.csv`);
    const anchor = el("a", { href: url, download: `${classCode}-study-records.csv` });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } catch (error) {
    showError(error);
  }
}

// A person's own anomaly (a swapped photo) is in no class: it counts for every class the person is on. On a learner's
// day (drillDown) a swap shows the photo before it beside the one swapped in.
function anomalyTable(anomalies, drillDown = false, titles = new Map()) {
  return table(["时间 At", "类型 Kind", "班级 Class", "学员 Student", "视频 Video", "原因 Why"],
    anomalies.map(a => el("tr", { "data-anomaly": a.kind },
      el("td", null, time(a.at)), el("td", { class: "anomaly" }, anomalyKind(a.kind)),
      el("td", null, a.classCode ? link(classHref(a.classCode), a.classCode) : bilingual({ zh: "本人（所有班级）", en: "the person (every class)" }, { class: "person" })),
      el("td", null, a.classCode && a.studentUserCode ? link(studentHref(a.classCode, a.studentUserCode), a.studentUserCode) : ""),
      el("td", null, named(titles.get(a.resCode)?.video, a.resCode) ?? ""),
      el("td", { class: "words" }, sentence(a.words, a.names), a.review ? flagReview(a) : "",
        drillDown && a.kind === "photo_changed_after_study" ? swapPhotos(a) : "",
        el("details", null, el("summary", null, "数字 Numbers"), el("code", null, JSON.stringify(a.details)))))), "anomalies");
}

// A day in the filter is a calendar day in China (UTC+8), the day study hours are counted in.
const dayStart = day => `${day}T00:00:00+08:00`;
const nextDay = day => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const anomalyPageSize = 100;

async function anomaliesView(view, params) {
  const kinds = Object.keys(kindWords.anomalies);
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const query = new URLSearchParams({ limit: anomalyPageSize + 1, offset });
  if (params.get("classCode")) query.set("classCode", params.get("classCode"));
  if (params.get("kind")) query.set("kind", params.get("kind"));
  if (params.get("from")) query.set("since", dayStart(params.get("from")));
  if (params.get("to")) query.set("until", dayStart(nextDay(params.get("to"))));
  const form = el("form", {
    id: "anomaly-filter",
    onsubmit: event => {
      event.preventDefault();
      const chosen = new URLSearchParams();
      for (const [name, value] of new FormData(event.target)) if (value) chosen.set(name, value);
      location.hash = `#/anomalies?${chosen}`;
    },
  },
  el("label", null, "班级 Class", el("input", { name: "classCode", value: params.get("classCode") ?? "" })),
  el("label", null, "类型 Kind", el("select", { name: "kind" }, el("option", { value: "" }, "全部 all"),
    kinds.map(k => el("option", { value: k, title: k, selected: params.get("kind") === k }, anomalyLabel(k))))),
  el("label", null, "从 From", el("input", { type: "date", name: "from", value: params.get("from") ?? "" })),
  el("label", null, "到 To", el("input", { type: "date", name: "to", value: params.get("to") ?? "" })),
  el("button", { type: "submit", class: "action" }, "筛选 Filter"));
  const list = el("div", { id: "anomaly-list" });
  view.append(el("h2", null, "异常 Anomalies (every report that raised one)"),
    el("p", { class: "lead" }, "按学员汇总见 For a summary per learner see ", link("#/risk", "谁在作弊 Who is cheating"), "."), form, list);

  // New anomalies appear while the page is open, without a reload. One row more than a page says whether a next page exists.
  const load = async () => {
    const answered = await api(`/admin/anomalies?${query}`);
    const anomalies = answered.slice(0, anomalyPageSize);
    const more = answered.length > anomalyPageSize;
    list.replaceChildren(
      el("p", null, `${anomalies.length} 条 shown (newest first, from ${offset + (anomalies.length ? 1 : 0)})`),
      anomalies.length ? anomalyTable(anomalies) : empty("anomalies-empty", { zh: "没有符合筛选条件的异常。", en: "No anomaly matches these filters." }),
      el("p", { class: "pager" },
        offset > 0 ? link(withParams("#/anomalies", params, { offset: Math.max(0, offset - anomalyPageSize) }), "‹ 上一页 Newer") : "",
        more ? link(withParams("#/anomalies", params, { offset: offset + anomalyPageSize }), "下一页 Older ›") : ""));
  };
  await load();
  refreshTimer = setInterval(() => load().catch(showError), livePeriodMs);
}

// ---- live counters ----

async function refreshLive() {
  if (!session()) return;
  try {
    const live = await api("/admin/activity");
    document.getElementById("active-learners").textContent = live.activeLearners;
    document.getElementById("reports-per-second").textContent = live.reportsPerSecond.toFixed(1);
  } catch (error) {
    if (error instanceof Unauthorized) showError(error);
  }
}

// ---- routing ----

async function route() {
  clearInterval(refreshTimer);
  refreshTimer = null;
  objectUrls.forEach(url => URL.revokeObjectURL(url));
  objectUrls = [];
  document.getElementById("error").hidden = true;
  if (carriedMessage) showMessage(carriedMessage);
  carriedMessage = null;
  const view = document.getElementById("view");
  view.replaceChildren();

  const [path, queryText] = (location.hash.slice(1) || "/classes").split("?");
  const params = new URLSearchParams(queryText ?? "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (!session() || parts[0] === "login") {
    loginView(view);
    return;
  }

  document.getElementById("nav").hidden = false;
  showSignedIn();
  document.getElementById("live").hidden = false;
  refreshLive();
  view.setAttribute("aria-busy", "true");
  try {
    if (!Object.keys(kindWords.anomalies).length) await loadWords();
    if (parts[0] === "risk") await riskView(view, params);
    else if (parts[0] === "risk-groups") await riskGroupsView(view, params);
    else if (parts[0] === "anomalies") await anomaliesView(view, params);
    else if (parts[0] === "overview") await overviewView(view, params);
    else if (parts[0] === "deliveries") await deliveriesView(view, params);
    else if (parts[0] === "grain-messages") await messagesView(view, params);
    else if (parts[0] === "face-reviews") await faceReviewsView(view, params);
    else if (parts[0] === "actions") await actionLogView(view, params);
    else if (parts[0] === "operators") await operatorsView(view);
    else if (parts[0] === "password") passwordView(view);
    else if (parts[0] === "classes" && parts[2] === "students" && parts[3]) await studentView(view, parts[1], parts[3], params);
    else if (parts[0] === "classes" && parts[1]) await classView(view, parts[1], params);
    else await classesView(view, params);
  } catch (error) {
    showError(error);
  } finally {
    view.removeAttribute("aria-busy");
  }
}

document.getElementById("logout").addEventListener("click", () => {
  signOut();
  location.hash = "#/login";
});
document.querySelector("header").append(languageSwitch());
window.addEventListener("hashchange", route);
route();
setInterval(refreshLive, livePeriodMs);
