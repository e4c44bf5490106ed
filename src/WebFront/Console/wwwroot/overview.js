// The overview page and the class progress chart, drawn with Chart.js (vendor/, served by the front itself) from the
// operator API's aggregates. Each chart's numbers are also written in a table beneath it, for reading and for tests.
"use strict";

const palette = ["#17324d", "#c0392b", "#2e86c1", "#d68910", "#229954", "#7d3c98", "#839192", "#a04000", "#1abc9c", "#5d6d7e"];
const hours = seconds => Math.round(seconds / 36) / 100;
const minuteLabel = iso => chinaTime.format(new Date(iso)).slice(11, 16);

// A chart of horizontal bars is as tall as its bars need and names every one: Chart.js would otherwise skip every
// other label of a crowded axis, leaving bars nobody can name.
function chartBox(id, title, config, headers, rows) {
  const canvas = el("canvas", { id, role: "img", "aria-label": title });
  const area = el("div", { class: "chart-canvas" }, canvas);
  if (config.options?.indexAxis === "y") {
    area.style.height = `${Math.max(260, 60 + 26 * config.data.labels.length)}px`;
    config.options.scales = { ...config.options.scales, y: { ...config.options.scales?.y, ticks: { autoSkip: false } } };
  }
  const box = el("section", { class: "chart" }, el("h3", null, title), area,
    el("details", null, el("summary", null, "数据 Numbers"), table(headers, rows, `${id}-data`)));
  // Charts are drawn once the canvas is in the page, with no animation, so what is drawn is final at once.
  queueMicrotask(() => new Chart(canvas, { ...config, options: { animation: false, maintainAspectRatio: false, ...config.options } }));
  return box;
}

// Minutes without study are not stored; the line shows them as zero.
function everyMinute(points, fromMs, toMs) {
  const byMinute = new Map(points.map(p => [Date.parse(p.minute), p]));
  const minutes = [];
  for (let t = Math.floor(fromMs / 60000) * 60000; t <= toMs; t += 60000) {
    minutes.push(byMinute.get(t) ?? { minute: new Date(t).toISOString(), learners: 0, reports: 0, reportsPerSecond: 0, credited: 0 });
  }
  return minutes;
}

// A week of days is a stacked bar a day; with fewer than three days, bars of a day each would say nothing, so the
// chart shows one horizontal bar per key (kind, platform, class), a segment per day. Every dataset and every key keeps
// its code (dataset.code, data.codes) beside the words it is labelled with.
function daily(rows, codeOf, nameOf, valueOf) {
  const days = [...new Set(rows.map(r => r.day))];
  const codes = [...new Set(rows.map(codeOf))];
  const value = (day, code) => rows.filter(r => r.day === day && codeOf(r) === code).reduce((sum, r) => sum + valueOf(r), 0);
  if (days.length < 3) {
    return {
      type: "bar",
      data: {
        labels: codes.map(nameOf), codes,
        datasets: days.map((day, i) => ({ label: day, code: day, backgroundColor: palette[i % palette.length], maxBarThickness: 28, data: codes.map(code => value(day, code)) })),
      },
      options: { indexAxis: "y", scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } } },
    };
  }
  return {
    type: "bar",
    data: {
      labels: days, codes: days,
      datasets: codes.map((code, i) => ({ label: nameOf(code), code, backgroundColor: palette[i % palette.length], data: days.map(day => value(day, code)) })),
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
  };
}

// A chart with nothing to draw says so instead of drawing empty axes.
function chartOrEmpty(rows, id, title, config, headers, tableRows, emptyWords) {
  if (rows.length) return chartBox(id, title, config, headers, tableRows);
  return el("section", { class: "chart" }, el("h3", null, title), empty(`${id}-empty`, emptyWords));
}

// What needs the operator now: today's riskiest learners, how many learners and classes are flagged, the face checks
// waiting for a reviewer and the deliveries failing. Each figure is a link to the page that deals with it.
async function needsNow() {
  const [learners, classes, reviews, failing, platforms, messages] = await Promise.all([
    api("/admin/risk/learners?limit=5"), api("/admin/risk/classes?limit=1"),
    api("/admin/face-reviews?page=1&pageSize=1"), api("/admin/deliveries?status=failed&limit=500"), api("/admin/platforms"),
    api("/admin/grain-messages?limit=1"),
  ]);
  const names = await learnerNames(learners.rows);
  const card = (id, href, count, words) => el("a", { class: "card", id, href }, el("strong", null, String(count)), bilingual(words));
  return el("section", { id: "needs-now" },
    el("h3", null, `现在需要处理 What needs you now · ${learners.day}`),
    el("div", { class: "cards" },
      card("card-learners", "#/risk", learners.total, { zh: "名学员今天有异常", en: "learners with anomalies today" }),
      card("card-classes", "#/risk-groups", classes.total, { zh: "个班级涉及异常", en: "classes involved" }),
      card("card-reviews", "#/face-reviews", reviews.total, { zh: "名学员的人脸验证待复核", en: "learners' face checks to review" }),
      card("card-deliveries", "#/deliveries", failing.length, { zh: "个推送或拉取失败", en: "deliveries failing" }),
      // Shown only while some fail: a message between grains that cannot be handed over holds a learner's credit still.
      messages.total ? card("card-messages", "#/grain-messages", messages.total, { zh: "条内部消息送达失败", en: "messages between grains failing" }) : ""),
    learners.rows.length
      ? [el("h4", null, "今天风险最高的学员 Today's riskiest learners"), learnerTable(learners, 0, names, platforms), el("p", null, link("#/risk", "查看全部 See all ›"))]
      : empty("needs-now-empty", { zh: "今天还没有学员出现异常。", en: "No learner has had an anomaly today." }));
}

async function overviewView(view, params) {
  const span = params.get("hours") === "24" ? 24 : 1;
  const [minutes, credit, anomalies, now, platforms] = await Promise.all([
    api(`/admin/charts/activity?hours=${span}`), api("/admin/charts/credit?days=7"), api("/admin/charts/anomalies?days=7"), needsNow(),
    api("/admin/platforms"),
  ]);
  const platformNames = new Map(platforms.map(p => [p.code, p.name]));
  const serverNow = minutes.length ? Date.parse(minutes[minutes.length - 1].minute) : Date.now();
  const line = everyMinute(minutes, serverNow - span * 3600_000 + 60_000, serverNow);
  const kindName = code => anomalyLabel(code);
  view.append(
    el("h2", null, "概览 Overview"),
    now,
    el("p", null, link("#/overview?hours=1", span === 1 ? "[最近一小时 last hour]" : "最近一小时 last hour"), " ",
      link("#/overview?hours=24", span === 24 ? "[最近一天 last day]" : "最近一天 last day")),
    chartOrEmpty(minutes, "activity-chart", `在学人数与每秒上报 Active learners and reports a second (${span} h, per minute)`, {
      type: "line",
      data: {
        labels: line.map(p => minuteLabel(p.minute)),
        datasets: [
          { label: "在学人数 Learners", data: line.map(p => p.learners), borderColor: palette[0], yAxisID: "y", pointRadius: 0 },
          { label: "每秒上报 Reports / s", data: line.map(p => p.reportsPerSecond), borderColor: palette[1], yAxisID: "rate", pointRadius: 0 },
        ],
      },
      options: { scales: { y: { beginAtZero: true, position: "left" }, rate: { beginAtZero: true, position: "right" } } },
    }, ["分钟 Minute", "在学 Learners", "上报 Reports", "每秒 / s", "学时 Credited s"],
    minutes.map(p => el("tr", { "data-minute": p.minute },
      el("td", null, time(p.minute)), number(p.learners), number(p.reports), number(p.reportsPerSecond), number(p.credited))),
    { zh: `最近 ${span} 小时没有学习上报。`, en: `No study was reported in the last ${span} h.` }),
    chartOrEmpty(credit, "credit-platform-chart", "每日学时（按学习平台）Credited hours a day per learning platform",
      daily(credit, r => r.platformCode, code => platformNames.get(code) ?? code, r => hours(r.credited)),
      ["日期 Day", "班级 Class", "学习平台 Platform", "学时 Hours", "秒 Seconds"],
      credit.map(r => el("tr", { "data-day": r.day, "data-class": r.classCode, "data-credited": r.credited },
        el("td", null, r.day), el("td", null, el("a", { href: classHref(r.classCode), title: r.classCode, "data-code": r.classCode }, r.className ?? r.classCode)),
        el("td", null, named(platformNames.get(r.platformCode), r.platformCode)),
        number(hours(r.credited)), number(r.credited))),
      { zh: "最近 7 天没有计入学时。", en: "No study was credited in the last 7 days." }),
    chartOrEmpty(credit, "credit-class-chart", "每日学时（按班级）Credited hours a day per class", (() => {
      const classNames = new Map(credit.map(r => [r.classCode, r.className ?? r.classCode]));
      const config = daily(credit, r => r.classCode, code => classNames.get(code), r => hours(r.credited));
      return { ...config, options: { ...config.options, plugins: { legend: { display: new Set(credit.map(r => r.classCode)).size <= 40 } } } };
    })(), ["日期 Day", "班级 Class", "学时 Hours"],
    credit.map(r => el("tr", { "data-day": r.day, "data-class": r.classCode },
      el("td", null, r.day), el("td", null, el("a", { href: classHref(r.classCode), title: r.classCode, "data-code": r.classCode }, r.className ?? r.classCode)),
      number(hours(r.credited)))),
    { zh: "最近 7 天没有计入学时。", en: "No study was credited in the last 7 days." }),
    chartOrEmpty(anomalies, "anomaly-chart", "每日异常（按类型）Anomalies a day by kind",
      daily(anomalies, r => r.kind, kindName, r => r.count),
      ["日期 Day", "类型 Kind", "次数 Count"],
      anomalies.map(r => el("tr", { "data-day": r.day, "data-kind": r.kind, "data-count": r.count },
        el("td", null, r.day), el("td", null, link(`#/anomalies?kind=${r.kind}&from=${r.day}&to=${r.day}`, anomalyKind(r.kind))), number(r.count))),
      { zh: "最近 7 天没有异常。", en: "No anomaly in the last 7 days." }));
}

// A class's students against the course's total duration: every video of every course on the class.
function progressChart(cls, students) {
  const total = cls.courses.flatMap(c => c.chapters).flatMap(ch => ch.resources).reduce((sum, r) => sum + r.durationSeconds, 0);
  const percent = s => total > 0 ? Math.min(100, Math.round(1000 * s.totalCredited / total) / 10) : 0;
  if (!students.length) return "";
  return chartBox("progress-chart", `学习进度 Progress against the course's ${duration(total)}`, {
    type: "bar",
    data: { labels: students.map(s => s.studentName ? `${s.studentName} ${s.studentUserCode}` : s.studentUserCode), datasets: [{ label: "% 进度 progress", data: students.map(percent), backgroundColor: palette[2], maxBarThickness: 28 }] },
    options: { indexAxis: "y", scales: { x: { min: 0, max: 100 } } },
  }, ["学员 Student", "累计 Credited s", "进度 Progress %"],
  students.map(s => el("tr", { "data-student": s.studentUserCode, "data-progress": percent(s) },
    el("td", null, named(s.studentName, s.studentUserCode)), number(s.totalCredited), number(percent(s)))));
}
