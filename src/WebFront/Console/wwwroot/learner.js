// What happened to one learner on one China day: their anomalies, and a timeline in sentences (the API words each
// evidence row; runs of reports are told as one line), with each check photo beside its score and judgement, and the
// class policy they studied under, in words. The day is in the address (?day=), today by default.
"use strict";

const endReasons = {
  superseded: { zh: "开始了另一个视频", en: "another video was started" },
  other_class: { zh: "本人在其他班级开始学习", en: "started in another class" },
  other_platform: { zh: "本人在其他平台开始学习", en: "started on another platform" },
};

const chinaDay = iso => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(iso));
const dayAfter = (day, days) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// Consecutive reports of one session read as one line: "12:00–12:30 · 31 reports, 1,800 s credited".
function storyOf(events) {
  const lines = [];
  for (const event of events) {
    const last = lines[lines.length - 1];
    if (event.kind === "report" && last?.kind === "report" && last.sessionId === event.sessionId) last.reports.push(event);
    else lines.push(event.kind === "report" ? { kind: "report", sessionId: event.sessionId, reports: [event] } : event);
  }
  return lines;
}

function reportLine(line, titles) {
  const newest = line.reports[0], oldest = line.reports[line.reports.length - 1];
  const video = titles.get(newest.resCode)?.video ?? newest.resCode ?? "";
  const credited = line.reports.reduce((sum, r) => sum + r.credited, 0);
  const refused = line.reports.filter(r => r.outcome !== "0").length;
  const words = line.reports.length === 1 ? newest.words : {
    zh: `${line.reports.length} 次上报（视频《${video}》），播放到第 ${newest.details?.playTime ?? "–"} 秒，共计入 ${credited} 秒${refused ? `；${refused} 次被拒绝` : ""}`,
    en: `${line.reports.length} reports (video "${video}"), played to ${newest.details?.playTime ?? "–"} s, ${credited} s credited${refused ? `; ${refused} refused` : ""}`,
  };
  return el("tr", { "data-kind": "report", "data-reports": line.reports.length },
    el("td", null, line.reports.length === 1 ? time(newest.at) : `${time(oldest.at).slice(11)}–${time(newest.at).slice(11)}`),
    el("td", null, eventKind("report")),
    el("td", { class: "words" }, sentence(words)),
    el("td", null, refused ? bilingual({ zh: `${refused} 次拒绝`, en: `${refused} refused` }) : bilingual(newest.outcomeWords)),
    el("td", { class: "number" }, credited),
    el("td"));
}

// A check photo, fetched with the admin key, captioned with what was decided about it.
function checkPhoto(photoId, caption) {
  const image = el("img", { class: "check-photo", alt: `check photo ${photoId}`, "data-photo": photoId });
  blobUrl(`/admin/check-photos/${photoId}`).then(url => { image.src = url; }, showError);
  return el("figure", { class: "check" }, image, el("figcaption", null, caption));
}

// Why a swap's photo was not kept when the swap was recorded (SwapPhoto.notKept); the fetch's own words follow in English.
const notKeptWords = {
  not_fetched: { zh: "换照片时无法获取，未保存", en: "could not be fetched at the swap: not kept" },
  not_an_image: { zh: "换照片时取到的不是图片，未保存", en: "not an image at the swap: not kept" },
};
const keptBeforeSwapsKept = { zh: "当时未保存（此异常记录于保存换照片证据之前）", en: "not kept at the time (recorded before swaps kept their photos)" };

// A swap's two registered photos as the server kept them when it recorded the swap, never fetched now: each captioned
// in words with its SHA-256 (in full on hover), or, where nothing was kept, why not.
function swapPhotos(anomaly) {
  const photo = (side, kept, caption) => {
    if (!kept?.sha256) {
      const why = kept ? notKeptWords[kept.notKept] ?? { zh: kept.notKept, en: kept.notKept } : keptBeforeSwapsKept;
      return el("figure", { class: "check unkept", "data-swap-unkept": side },
        el("p", { class: "unkept" }, bilingual(why), kept?.why ? ` (${kept.why})` : ""), el("figcaption", null, bilingual(caption)));
    }
    const image = el("img", { class: "check-photo", alt: caption.en, "data-swap": side });
    blobUrl(`/admin/anomalies/${anomaly.id}/photos/${side}`).then(url => { image.src = url; }, showError);
    return el("figure", { class: "check" }, image, el("figcaption", null, bilingual(caption), el("br"),
      el("span", { class: "digest", title: kept.sha256, "data-sha256": kept.sha256 }, `SHA-256 ${kept.sha256.slice(0, 16)}…`)));
  };
  const details = anomaly.details ?? {};
  return el("div", { class: "photos swap", "data-swap-anomaly": anomaly.id },
    details.previous ? photo("before", details.previousPhoto, { zh: "换照片之前登记的照片", en: "the photo registered before" }) : "",
    photo("after", details.currentPhoto, { zh: `换上的照片（${time(anomaly.at)}）`, en: `the photo swapped in at ${time(anomaly.at)}` }));
}

function photoCell(event) {
  const face = event.details?.face;
  if (face?.photoId) {
    return checkPhoto(face.photoId, [
      `分数 score ${face.score === null || face.score === undefined ? "–" : face.score.toFixed(3)} / 阈值 threshold ${face.threshold}`, el("br"), bilingual(event.outcomeWords)]);
  }
  if (event.kind === "face_review" && event.details?.photoId) {
    return checkPhoto(event.details.photoId, bilingual(event.details.decision === "same_person"
      ? { zh: "复核：是本人", en: "reviewed: the same person" } : { zh: "复核：不是本人", en: "reviewed: not the same person" }));
  }
  return "";
}

// The server's sentence names the video and platforms by name (their codes on hover).
function eventLine(event) {
  return el("tr", { "data-kind": event.kind },
    el("td", null, time(event.at)),
    el("td", null, eventKind(event.kind)),
    el("td", { class: "words" }, sentence(event.words, event.names),
      event.details ? el("details", null, el("summary", null, "数字 Numbers"), el("code", null, JSON.stringify(event.details))) : ""),
    el("td", { "data-outcome": event.outcome }, bilingual(event.outcomeWords)),
    el("td", { class: "number" }, event.credited || ""),
    el("td", null, photoCell(event)));
}

async function studentView(view, classCode, studentCode, params) {
  const base = `/admin/classes/${encodeURIComponent(classCode)}/students/${encodeURIComponent(studentCode)}`;
  const [{ student, anomalies }, timeline, cls] = await Promise.all([
    api(base), api(`${base}/timeline?limit=5000`), api(`/admin/classes/${encodeURIComponent(classCode)}`),
  ]);
  const day = params.get("day") ?? student.today;
  const dayHref = d => `${studentHref(classCode, studentCode)}?day=${d}`;
  const ofDay = timeline.filter(e => chinaDay(e.at) === day);
  const dayAnomalies = anomalies.filter(a => chinaDay(a.at) === day);
  const name = cls.students.find(s => s.studentUserCode === studentCode)?.studentName;
  const titles = videoTitles(cls);
  view.append(
    el("h2", null, name ? `${name} ` : "", `${studentCode} `, el("small", null, link(classHref(classCode), `${cls.trainClassName} (${classCode})`))),
    el("p", { class: "pager", id: "day-switch" }, link(dayHref(dayAfter(day, -1)), "‹ 前一天 Day before"),
      el("strong", null, `${day}`), day < student.today ? link(dayHref(dayAfter(day, 1)), "后一天 Day after ›") : "",
      day !== student.today ? link(dayHref(student.today), "今天 Today") : ""),
    facts([
      ["累计 Credited", duration(student.totalCredited)],
      [`今日 Today (${student.today})`, duration(student.todayCredited)],
      ["实名 Real-name verified", bilingual(student.realNameVerified ? { zh: "已认证", en: "yes" } : { zh: "未认证", en: "no" })],
      ["当前会话 Open session", student.openSession ? [named(titles.get(student.openSession.resCode)?.video, student.openSession.resCode),
        ` · ${time(student.openSession.startedAt)}${student.openSession.pausedAt ? " · 暂停 paused" : ""}`] : "–"],
    ], "student-facts"),
    el("h3", null, "本班监管策略 The class's policy"),
    facts(policySentences(cls.policy), "student-policy"),
    el("h3", { class: "anomaly" }, `${day} 异常 Anomalies that day (${dayAnomalies.length}; 全部 all days ${anomalies.length})`),
    dayAnomalies.length ? anomalyTable(dayAnomalies, true, titles) : empty("anomalies-empty", { zh: "当天没有异常。", en: "No anomaly that day." }),
    el("h3", null, `${day} 经过 What happened that day (newest first)`),
    ofDay.length
      ? table(["时间 At", "事件 Event", "经过 What happened", "结果 Outcome", "学时 Credited s", "照片 Photo"],
        storyOf(ofDay).map(line => line.reports ? reportLine(line, titles) : eventLine(line)), "timeline")
      : empty("timeline-empty", { zh: "当天没有任何记录。", en: "Nothing was recorded that day." }),
    el("h3", null, "会话 Sessions"),
    sessionsTable(student, titles));
}

function sessionsTable(student, titles) {
  const sessions = [student.openSession, ...student.recentSessions].filter(Boolean);
  if (!sessions.length) return empty("sessions-empty", { zh: "还没有学习会话。", en: "No study session yet." });
  return table(["开始 Started", "视频 Video", "结束 Ended", "原因 Reason", "上报 Reports", "学时 Credited"],
    sessions.map(s => el("tr", null,
      el("td", null, time(s.startedAt)), el("td", null, named(titles.get(s.resCode)?.video, s.resCode)),
      el("td", null, s.endedAt ? time(s.endedAt) : s.pausedAt ? `暂停 paused ${time(s.pausedAt)}` : "进行中 open"),
      el("td", { title: s.endReason ?? "" }, s.endReason ? bilingual(endReasons[s.endReason] ?? { zh: s.endReason, en: s.endReason }) : ""),
      number(s.reports), number(s.credited))), "sessions");
}
