// The operator's actions: approve a class, retry a dead delivery, review a borderline face check. Each asks for
// confirmation, goes through the operator API with the operator's name, and is recorded there as evidence.
"use strict";

async function act(question, path, done) {
  if (!confirm(question)) return;
  try {
    await api(path, "POST");
    done();
  } catch (error) {
    showError(error);
  }
}

const reload = () => route();

function approveButton(cls) {
  const again = cls.approval === "approved";
  return el("button", {
    type: "button", class: "action", id: "approve",
    onclick: () => act(again ? `重新批准并再次推送 ${cls.classCode}？ Approve ${cls.classCode} again and push it again?` : `批准 ${cls.classCode}？ Approve ${cls.classCode}?`,
      `/admin/classes/${encodeURIComponent(cls.classCode)}/approve`, reload),
  }, again ? "重新批准 Re-approve" : "批准 Approve");
}

const actionWords = {
  class_approval: "审核 Approval",
  delivery_retry: "重试推送 Delivery retried",
};

async function operatorActions(classCode) {
  const actions = await api(`/admin/classes/${encodeURIComponent(classCode)}/actions`);
  return el("section", null,
    el("h3", null, `操作记录 Operator actions (${actions.length})`),
    table(["时间 At", "操作 Action", "操作员 Operator", "来源 From", "详情 Details"],
      actions.map(a => el("tr", { "data-action": a.kind },
        el("td", null, time(a.at)), el("td", null, `${actionWords[a.kind] ?? a.kind}${a.details?.action ? ` · ${a.details.action}` : ""}`),
        el("td", null, a.details?.operator ?? ""), el("td", null, a.details?.address ?? ""),
        el("td", null, el("code", null, JSON.stringify(a.details))))), "operator-actions"));
}

async function deliveriesView(view, params) {
  const status = params.get("status") ?? "dead";
  const deliveries = await api(`/admin/deliveries?status=${encodeURIComponent(status)}`);
  const filter = el("p", { id: "delivery-filter" }, ["dead", "retrying", "pending", "delivered"].map(s =>
    [link(`#/deliveries?status=${s}`, s === status ? `[${s}]` : s), " "]));
  view.append(
    el("h2", null, `推送与拉取 Deliveries (1.12 push, 1.14 pull) · ${status} (${deliveries.length})`), filter,
    table(["编号 Id", "类型 Kind", "学习平台 Platform", "班级 Class", "状态 Status", "尝试 Attempts", "最后错误 Last error", "下次 Next attempt", ""],
      deliveries.map(d => el("tr", { "data-delivery": d.id },
        number(d.id), el("td", null, d.kind), el("td", null, d.platformCode),
        el("td", null, d.classCode ? link(classHref(d.classCode), d.classCode) : ""),
        el("td", { "data-status": d.status }, d.status), number(d.attempts), el("td", null, d.lastError ?? ""),
        el("td", null, d.nextAttemptAt ? time(d.nextAttemptAt) : ""),
        el("td", null, d.status === "dead" ? el("button", {
          type: "button", class: "action retry",
          onclick: () => act(`重试 ${d.kind} #${d.id}？ Try delivery #${d.id} again?`, `/admin/deliveries/${d.id}/retry`, reload),
        }, "重试 Retry") : ""))), "deliveries"));
}

async function faceReviewsView(view) {
  const pending = await api("/admin/face-reviews");
  view.append(
    el("h2", null, `人脸复核 Face checks to review (${pending.length})`),
    el("p", null, "比对分数落在阈值附近的人脸验证。学习平台已按阈值得到即时答复；复核在其后。判定“不是同一人”将作废该次验证通过后获得的学时，直到下一次验证通过。 ",
      "Face checks whose score fell near the threshold. The learning platform was answered at once by the threshold; the review comes after. ",
      "\"Not the same person\" voids the credit earned after that check passed, until the next passed check."),
    el("div", { id: "face-reviews" }, pending.map(reviewCard)));
}

function reviewCard(item) {
  const registered = el("img", { class: "review-photo", alt: `registered photo for ${item.photoId}`, "data-registered": item.photoId });
  const checked = el("img", { class: "review-photo", alt: `check photo ${item.photoId}`, "data-photo": item.photoId });
  blobUrl(`/admin/face-reviews/${item.photoId}/registered-photo`).then(url => { registered.src = url; }, showError);
  blobUrl(`/admin/check-photos/${item.photoId}`).then(url => { checked.src = url; }, showError);
  const decide = (decision, words) => el("button", {
    type: "button", class: "action", "data-decision": decision,
    onclick: () => act(`${words}：${item.studentUserCode}（${item.classCode}）？`, `/admin/face-reviews/${item.photoId}?decision=${decision}`, reload),
  }, words);
  return el("article", { class: "review", "data-review": item.photoId },
    el("div", { class: "photos" },
      el("figure", null, registered, el("figcaption", null, "登记照片 Registered photo")),
      el("figure", null, checked, el("figcaption", null, `验证照片 Check photo · ${time(item.at)}`))),
    facts([
      ["学员 Student", link(studentHref(item.classCode, item.studentUserCode), `${item.studentUserCode} (${item.classCode})`)],
      ["比对分数 Score", `${item.score.toFixed(3)} (阈值 threshold ${item.threshold} ± ${item.band})`],
      ["即时答复 Answered at once", item.machineDecision === "same" ? "通过 passed" : "未通过 not passed"],
      ["验证码 bizCode", item.bizCode],
    ]),
    el("p", null, decide("same_person", "同一人 Same person"), " ", decide("not_the_same_person", "不是同一人 Not the same person")));
}

const reviewWords = {
  under_review: "待复核 Under review (credit kept)",
  void: "已作废 Voided",
  clear: "已排除 Cleared",
};

// A crowd or bot flag keeps the learner's credit until an operator decides: void takes back what was credited in the
// class from the flag's start, clear keeps it.
function flagReview(anomaly) {
  const decide = (decision, words) => el("button", {
    type: "button", class: "action", "data-flag-decision": decision,
    onclick: () => act(`${words}：${anomaly.studentUserCode}（${anomaly.classCode}）？`, `/admin/flags/${anomaly.id}?decision=${decision}`, reload),
  }, words);
  return el("p", { class: "flag-review", "data-review": anomaly.review }, reviewWords[anomaly.review] ?? anomaly.review,
    anomaly.review === "under_review" ? [" ", decide("void", "作废学时 Void credit"), " ", decide("clear", "排除 Clear")] : "");
}
