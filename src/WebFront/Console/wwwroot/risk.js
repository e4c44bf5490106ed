// The regulator's first questions: who is cheating (learners ranked by what their anomalies withheld), and which classes
// and learning platforms are worst. Every figure is the API's (GET /admin/risk/*), summed from committed anomalies of
// one China day; every row leads to the learners behind it, and each learner to their day.
"use strict";

const riskPageSize = 25;

function riskQuery(params, limit = riskPageSize) {
  const query = new URLSearchParams();
  for (const name of ["day", "classCode", "platformCode", "kind", "offset"]) if (params.get(name)) query.set(name, params.get(name));
  query.set("limit", limit);
  return query;
}

// The same filters on every risk page; the address keeps them, so a view can be shared and reloaded.
function riskFilter(base, params, platforms, day) {
  return el("form", {
    id: "risk-filter",
    onsubmit: event => {
      event.preventDefault();
      const chosen = new URLSearchParams();
      for (const [name, value] of new FormData(event.target)) if (value.trim()) chosen.set(name, value.trim());
      location.hash = chosen.toString() ? `${base}?${chosen}` : base;
    },
  },
  el("label", null, "日期 Day", el("input", { type: "date", name: "day", value: params.get("day") ?? day })),
  el("label", null, "班级 Class", el("input", { name: "classCode", value: params.get("classCode") ?? "" })),
  el("label", null, "学习平台 Learning platform", el("select", { name: "platformCode" }, el("option", { value: "" }, "全部 all"),
    platforms.filter(p => p.role === "learning").map(p => el("option", { value: p.code, selected: params.get("platformCode") === p.code }, `${p.name} (${p.code})`)))),
  el("label", null, "类型 Kind", el("select", { name: "kind" }, el("option", { value: "" }, "全部 all"),
    Object.keys(kindWords.anomalies).map(k => el("option", { value: k, title: k, selected: params.get("kind") === k }, anomalyLabel(k))))),
  el("button", { type: "submit", class: "action" }, "筛选 Filter"));
}

// The learners' names from their classes' rosters, one call per class on the page (25 rows at most): a regulator reads
// who it is, the code beneath. A roster that cannot be read leaves the codes.
async function learnerNames(rows) {
  const views = await classViews(rows.map(r => r.classCode));
  return new Map(rows.map(r => [`${r.classCode}/${r.studentUserCode}`, learnerName(views, r.classCode, r.studentUserCode)]).filter(([, name]) => name));
}

function learnerRows(rows, offset, day, names, platforms) {
  const platformName = code => platforms.find(p => p.code === code)?.name;
  return rows.map((r, i) => el("tr", { "data-learner": `${r.classCode}/${r.studentUserCode}` },
    number(offset + i + 1),
    el("td", null, names.get(`${r.classCode}/${r.studentUserCode}`) ? [el("strong", null, names.get(`${r.classCode}/${r.studentUserCode}`)), el("br")] : "",
      link(`${studentHref(r.classCode, r.studentUserCode)}?day=${day}`, r.studentUserCode)),
    el("td", null, link(classHref(r.classCode), r.className ?? r.classCode), el("br"), el("small", null, r.classCode)),
    el("td", null, platformName(r.platformCode) ?? r.platformCode ?? "–", platformName(r.platformCode) ? [el("br"), el("small", null, r.platformCode)] : ""),
    el("td", null, kindChips(r.kinds)),
    number(r.anomalies),
    el("td", { class: "number", "data-withheld": r.withheldSeconds }, duration(r.withheldSeconds)),
    el("td", null, time(r.lastAt))));
}

function learnerTable(page, offset, names, platforms) {
  return table(["# 排名", "学员 Learner", "班级 Class", "学习平台 Platform", "异常 What they did", "次数 Anomalies", "扣除学时 Withheld", "最近 Last seen"],
    learnerRows(page.rows, offset, page.day, names, platforms), "risk-learners");
}

async function riskView(view, params) {
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const [page, platforms] = await Promise.all([api(`/admin/risk/learners?${riskQuery(params)}`), api("/admin/platforms")]);
  const names = await learnerNames(page.rows);
  view.append(
    el("h2", null, `谁在作弊 Who is cheating · ${page.day} (${page.total} 名学员 learners)`),
    el("p", { class: "lead" }, ...sentence({
      zh: "当天有异常的学员，按被扣除的学时排序（其次按异常次数、最近时间）。点击学员查看其当天经过与验证照片。",
      en: "Learners with anomalies that day, ranked by the seconds their anomalies withheld from credit, then by count, then by the latest. Click a learner for their day and their check photos.",
    })),
    riskFilter("#/risk", params, platforms, page.day),
    page.rows.length ? learnerTable(page, offset, names, platforms) : empty("risk-learners-empty", {
      zh: `${page.day} 没有学员出现异常（在此筛选条件下）。`, en: `No learner had an anomaly on ${page.day} under these filters.`,
    }),
    pager(page.total, offset, riskPageSize, next => withParams("#/risk", params, { offset: next })));
}

// A class row names its platform; a platform row is its platform, so it has no such column.
function groupTable(page, id, nameHeader, hrefOf, nameOf, platformNames) {
  const perClass = id === "risk-classes";
  return table([nameHeader, perClass ? "学习平台 Platform" : null, "涉及学员 Flagged learners", "异常 Kinds", "次数 Anomalies", "扣除学时 Withheld", "最近 Last seen"].filter(Boolean),
    page.rows.map(g => el("tr", { "data-group": g.code ?? "" },
      el("td", null, link(hrefOf(g), nameOf(g))),
      perClass ? el("td", null, named(platformNames?.get(g.platformCode), g.platformCode) ?? "–") : null,
      el("td", { class: "number" }, link(hrefOf(g), String(g.learners))),
      el("td", null, kindChips(g.kinds)),
      number(g.anomalies),
      el("td", { class: "number", "data-withheld": g.withheldSeconds }, duration(g.withheldSeconds)),
      el("td", null, time(g.lastAt)))), id);
}

async function riskGroupsView(view, params) {
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const [platformPage, classPage, platforms] = await Promise.all([
    api(`/admin/risk/platforms?${riskQuery(new URLSearchParams([...params].filter(([n]) => n !== "offset")), 50)}`),
    api(`/admin/risk/classes?${riskQuery(params)}`),
    api("/admin/platforms"),
  ]);
  const day = classPage.day;
  const names = new Map(platforms.map(p => [p.code, p.name]));
  const learnersOf = changes => withParams("#/risk", new URLSearchParams([...params].filter(([n]) => n !== "offset")), { day, ...changes });
  view.append(
    el("h2", null, `最差的班级与平台 Worst classes and platforms · ${day}`),
    riskFilter("#/risk-groups", params, platforms, day),
    el("h3", null, `学习平台 Learning platforms (${platformPage.total})`),
    platformPage.rows.length
      ? groupTable(platformPage, "risk-platforms", "学习平台 Platform", g => learnersOf({ platformCode: g.code }), g => g.code ? `${names.get(g.code) ?? g.code} (${g.code})` : "未知 unknown")
      : empty("risk-platforms-empty", { zh: "当天没有平台的学员出现异常。", en: "No platform's learners had an anomaly that day." }),
    el("h3", null, `班级 Classes (${classPage.total})`),
    classPage.rows.length
      ? groupTable(classPage, "risk-classes", "班级 Class", g => learnersOf({ classCode: g.code }), g => `${g.name ?? g.code} (${g.code})`, names)
      : empty("risk-classes-empty", { zh: "当天没有班级的学员出现异常。", en: "No class's learners had an anomaly that day." }),
    pager(classPage.total, offset, riskPageSize, next => withParams("#/risk-groups", params, { offset: next })));
}
