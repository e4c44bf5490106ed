// The overview page and the class progress chart, drawn with Chart.js (vendor/, served by the front itself) from the
// operator API's aggregates. Each chart's numbers are also written in a table beneath it, for reading and for tests.
"use strict";

const palette = ["#17324d", "#c0392b", "#2e86c1", "#d68910", "#229954", "#7d3c98", "#839192", "#a04000", "#1abc9c", "#5d6d7e"];
const hours = seconds => Math.round(seconds / 36) / 100;
const minuteLabel = iso => chinaTime.format(new Date(iso)).slice(11, 16);

function chartBox(id, title, config, headers, rows) {
  const canvas = el("canvas", { id, role: "img", "aria-label": title });
  const box = el("section", { class: "chart" }, el("h3", null, title), el("div", { class: "chart-canvas" }, canvas),
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

function stacked(rows, keyOf, valueOf) {
  const days = [...new Set(rows.map(r => r.day))];
  const keys = [...new Set(rows.map(keyOf))];
  return {
    labels: days,
    datasets: keys.map((key, i) => ({
      label: key, backgroundColor: palette[i % palette.length],
      data: days.map(day => rows.filter(r => r.day === day && keyOf(r) === key).reduce((sum, r) => sum + valueOf(r), 0)),
    })),
  };
}

async function overviewView(view, params) {
  const span = params.get("hours") === "24" ? 24 : 1;
  const [minutes, credit, anomalies] = await Promise.all([
    api(`/admin/charts/activity?hours=${span}`), api("/admin/charts/credit?days=7"), api("/admin/charts/anomalies?days=7"),
  ]);
  const serverNow = minutes.length ? Date.parse(minutes[minutes.length - 1].minute) : Date.now();
  const line = everyMinute(minutes, serverNow - span * 3600_000 + 60_000, serverNow);
  const stackedBars = { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } };
  view.append(
    el("h2", null, "概览 Overview"),
    el("p", null, link("#/overview?hours=1", span === 1 ? "[最近一小时 last hour]" : "最近一小时 last hour"), " ",
      link("#/overview?hours=24", span === 24 ? "[最近一天 last day]" : "最近一天 last day")),
    chartBox("activity-chart", `在学人数与每秒上报 Active learners and reports a second (${span} h, per minute)`, {
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
      el("td", null, time(p.minute)), number(p.learners), number(p.reports), number(p.reportsPerSecond), number(p.credited)))),
    chartBox("credit-platform-chart", "每日学时（按学习平台）Credited hours a day per learning platform", {
      type: "bar", data: stacked(credit, r => r.platformCode, r => hours(r.credited)), options: stackedBars,
    }, ["日期 Day", "班级 Class", "学习平台 Platform", "学时 Hours", "秒 Seconds"],
    credit.map(r => el("tr", { "data-day": r.day, "data-class": r.classCode, "data-credited": r.credited },
      el("td", null, r.day), el("td", null, link(classHref(r.classCode), r.classCode)), el("td", null, r.platformCode),
      number(hours(r.credited)), number(r.credited)))),
    chartBox("credit-class-chart", "每日学时（按班级）Credited hours a day per class", {
      type: "bar", data: stacked(credit, r => r.classCode, r => hours(r.credited)), options: { ...stackedBars, plugins: { legend: { display: credit.length <= 40 } } },
    }, [], []),
    chartBox("anomaly-chart", "每日异常（按类型）Anomalies a day by kind", {
      type: "bar", data: stacked(anomalies, r => r.kind, r => r.count), options: stackedBars,
    }, ["日期 Day", "类型 Kind", "次数 Count"],
    anomalies.map(r => el("tr", { "data-day": r.day, "data-kind": r.kind, "data-count": r.count },
      el("td", null, r.day), el("td", null, link(`#/anomalies?kind=${r.kind}&from=${r.day}&to=${r.day}`, r.kind)), number(r.count)))));
}

// A class's students against the course's total duration: every video of every course on the class.
function progressChart(cls, students) {
  const total = cls.courses.flatMap(c => c.chapters).flatMap(ch => ch.resources).reduce((sum, r) => sum + r.durationSeconds, 0);
  const percent = s => total > 0 ? Math.min(100, Math.round(1000 * s.totalCredited / total) / 10) : 0;
  return chartBox("progress-chart", `学习进度 Progress against the course's ${duration(total)}`, {
    type: "bar",
    data: { labels: students.map(s => s.studentUserCode), datasets: [{ label: "% 进度 progress", data: students.map(percent), backgroundColor: palette[2] }] },
    options: { indexAxis: "y", scales: { x: { min: 0, max: 100 } } },
  }, ["学员 Student", "累计 Credited s", "进度 Progress %"],
  students.map(s => el("tr", { "data-student": s.studentUserCode, "data-progress": percent(s) },
    el("td", null, s.studentUserCode), number(s.totalCredited), number(percent(s)))));
}
