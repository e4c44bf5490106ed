// The operator's actions: approve a class, retry a dead delivery, review a borderline face check. Each asks for
// confirmation, goes through the operator API with the operator's name, and is recorded there as evidence.
"use strict";

async function act(question, path, done, method = "POST", body = undefined) {
  if (!confirm(question)) return;
  try {
    await api(path, method, body);
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

// A weaker policy the business platform re-pushed after approval: not in force, not pushed, until the operator takes it.
function proposedPolicy(cls) {
  if (!cls.proposedPolicy) return "";
  const proposal = Object.fromEntries(Object.entries(cls.proposedPolicy).filter(([, value]) => value !== null));
  return el("section", { id: "proposed-policy", class: "proposal" },
    el("h3", null, "待决策略 Proposed policy: weaker, waiting for you"),
    el("p", null, `业务平台 ${cls.businessPlatformCode} 重新推送了一份较弱的监管策略；它未生效，也未推送给学习平台。 `
      + `Business platform ${cls.businessPlatformCode} re-pushed a weaker policy; it is not in force and has not been pushed on.`),
    facts(policySentences(cls.proposedPolicy), "proposed-facts"),
    el("button", {
      type: "button", class: "action", id: "accept-proposal",
      onclick: () => act(`采用较弱的策略并推送 ${cls.classCode}？ Put the weaker policy in force for ${cls.classCode} and push it?`,
        `/admin/classes/${encodeURIComponent(cls.classCode)}/policy`, reload, "PUT", proposal),
    }, "采用此策略 Accept this policy"));
}

const actionWords = {
  class_policy: "监管策略 Policy",
  class_approval: "审核 Approval",
  delivery_retry: "重试推送 Delivery retried",
};

async function operatorActions(classCode) {
  const actions = await api(`/admin/classes/${encodeURIComponent(classCode)}/actions`);
  return el("section", null,
    el("h3", null, `操作记录 Operator actions (${actions.length})`),
    table(["时间 At", "操作 Action", "操作员 Operator", "来源 From", "之前 → 之后 Before → after"],
      // ClassApprovalEvidence and ClassPolicyEvidence name the operator; a push applied or held names its platform (by).
      // What changed reads as the action log reads it, field by field; the stored record stays a click away.
      actions.map(a => el("tr", { "data-action": a.kind },
        el("td", null, time(a.at)), el("td", null, `${actionWords[a.kind] ?? a.kind}${a.details?.action ? ` · ${a.details.action}` : ""}`),
        el("td", null, a.details?.operator ?? a.details?.by ?? ""), el("td", null, a.details?.address ?? ""),
        el("td", null, changeList(...beforeAndAfter(a.kind, a.details ?? {})),
          el("details", null, el("summary", null, "数字 Numbers"), el("code", null, JSON.stringify(a.details)))))), "operator-actions"));
}

const deliveryStatuses = {
  failed: { zh: "失败待处理（重试中与已放弃）", en: "failing (retrying and dead)" },
  retrying: { zh: "重试中", en: "retrying" },
  dead: { zh: "已放弃，待人工重试", en: "dead, waiting for you" },
  pending: { zh: "待发送", en: "pending" },
  delivered: { zh: "已送达", en: "delivered" },
};

const deliveryKinds = {
  push: { zh: "班级推送 (1.12)", en: "class push (1.12)" },
  pull: { zh: "拉取课程目录 (1.14)", en: "catalogue pull (1.14)" },
};

const deliveryPageSize = 50;

// The default view is every delivery that is failing, retrying or dead, so a push still being retried is seen before it dies.
async function deliveriesView(view, params) {
  const status = params.get("status") ?? "failed";
  const deliveries = await api(`/admin/deliveries?status=${encodeURIComponent(status)}`);
  const words = deliveryStatuses[status] ?? { zh: status, en: status };
  const filter = el("p", { id: "delivery-filter" }, "显示 Show: ", Object.entries(deliveryStatuses).map(([s, w]) =>
    s === status ? el("strong", { "data-status": s }, bilingual(w)) : link(`#/deliveries?status=${s}`, `${w.zh} ${w.en}`)));
  const shown = pageOf(deliveries, params, "offset", deliveryPageSize, next => withParams("#/deliveries", params, { offset: next }));
  view.append(
    el("h2", null, `推送与拉取 Deliveries (1.12 push, 1.14 pull) · `, bilingual(words), ` (${deliveries.length})`), filter,
    deliveries.length ? table(["编号 Id", "类型 Kind", "学习平台 Platform", "班级 Class", "状态 Status", "尝试 Attempts", "最后错误 Last error", "下次 Next attempt", ""],
      shown.rows.map(d => el("tr", { "data-delivery": d.id },
        number(d.id), el("td", { title: d.kind }, bilingual(deliveryKinds[d.kind] ?? { zh: d.kind, en: d.kind })), el("td", null, d.platformCode),
        el("td", null, d.classCode ? link(classHref(d.classCode), d.classCode) : ""),
        el("td", { "data-status": d.status, title: d.status }, bilingual(deliveryStatuses[d.status] ?? { zh: d.status, en: d.status })),
        number(d.attempts), el("td", null, d.lastError ?? ""),
        el("td", null, d.status === "retrying" || d.status === "pending" ? time(d.nextAttemptAt) : ""),
        el("td", null, d.status === "dead" ? el("button", {
          type: "button", class: "action retry",
          onclick: () => act(`重试 ${d.kind} #${d.id}？ Try delivery #${d.id} again?`, `/admin/deliveries/${d.id}/retry`, reload),
        }, "重试 Retry") : ""))), "deliveries")
      : empty("deliveries-empty", status === "failed"
        ? { zh: "没有失败的推送或拉取：所有调用都已送达或尚未到期。", en: "Nothing is failing: every call was delivered or is not due yet." }
        : { zh: `没有状态为“${words.zh}”的调用。`, en: `No call is ${words.en}.` }),
    shown.pager);
}

const reviewPageSize = 20;

// One card per learner in a class, however many of their attempts fell in the band; the riskiest first unless the
// reviewer asks for the newest. Filters and the page live in the address, so a page can be shared and reloaded.
async function faceReviewsView(view, params) {
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  const chosen = new URLSearchParams();
  for (const name of ["platformCode", "classCode", "sort"]) if (params.get(name)) chosen.set(name, params.get(name));
  const [queue, platforms] = await Promise.all([
    api(`/admin/face-reviews?${chosen}&page=${page}&pageSize=${reviewPageSize}`),
    api("/admin/platforms"),
  ]);
  const views = await classViews(queue.items.map(i => i.classCode));
  const platformNames = new Map(platforms.map(p => [p.code, p.name]));
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  const pageHref = n => `#/face-reviews?${new URLSearchParams([...chosen, ["page", n]])}`;
  const form = el("form", {
    id: "review-filter",
    onsubmit: event => {
      event.preventDefault();
      const next = new URLSearchParams();
      for (const [name, value] of new FormData(event.target)) if (value) next.set(name, value.trim());
      location.hash = `#/face-reviews?${next}`;
    },
  },
  el("label", null, "学习平台 Learning platform", el("select", { name: "platformCode" }, el("option", { value: "" }, "全部 all"),
    platforms.filter(p => p.role === "learning").map(p => el("option", { value: p.code, selected: params.get("platformCode") === p.code }, `${p.code} · ${p.name}`)))),
  el("label", null, "班级 Class", el("input", { name: "classCode", value: params.get("classCode") ?? "" })),
  el("label", null, "排序 Order", el("select", { name: "sort" },
    el("option", { value: "risk", selected: params.get("sort") !== "newest" }, "风险 Riskiest first"),
    el("option", { value: "newest", selected: params.get("sort") === "newest" }, "最新 Newest first"))),
  el("button", { type: "submit", class: "action" }, "筛选 Filter"));
  const pager = el("p", { class: "pager" },
    page > 1 ? link(pageHref(page - 1), "‹ 上一页 Previous") : "",
    el("span", null, ` 第 ${page} / ${pages} 页 Page ${page} of ${pages} `),
    page < pages ? link(pageHref(page + 1), "下一页 Next ›") : "");
  view.append(
    el("h2", null, `人脸复核 Face checks to review (${queue.total} 名学员 learners)`),
    el("p", null, "比对分数落在阈值附近的人脸验证，每名学员一张卡片，风险最高的照片在前。学习平台已按阈值得到即时答复；复核在其后。判定“不是同一人”将作废该次验证通过后获得的学时，直到下一次验证通过。 ",
      "Face checks whose score fell near the threshold, one card per learner showing their riskiest photo. The learning platform was answered at once by the threshold; the review comes after. ",
      "\"Not the same person\" voids the credit earned after that check passed, until the next passed check."),
    form,
    queue.items.length ? el("div", { id: "face-reviews" }, queue.items.map(item => reviewCard(item, views, platformNames))) : empty("face-reviews-empty", {
      zh: "没有待复核的人脸验证：比对分数落在阈值附近的照片会出现在这里。",
      en: "Nothing to review: face checks whose score falls near the threshold appear here.",
    }),
    pager);
}

// A card names the learner, the class and the platform in words, the codes on hover.
function reviewCard(item, views, platformNames) {
  const studentName = learnerName(views, item.classCode, item.studentUserCode);
  const className = views.get(item.classCode)?.trainClassName;
  const registered = el("img", { class: "review-photo", alt: `registered photo compared with ${item.photoId}`, "data-registered": item.photoId });
  const checked = el("img", { class: "review-photo", alt: `check photo ${item.photoId}`, "data-photo": item.photoId });
  blobUrl(`/admin/face-reviews/${item.photoId}/registered-photo`).then(url => { registered.src = url; }, showError);
  blobUrl(`/admin/check-photos/${item.photoId}`).then(url => { checked.src = url; }, showError);
  const decide = (decision, words) => el("button", {
    type: "button", class: "action", "data-decision": decision,
    onclick: () => act(`${words}：${studentName ?? item.studentUserCode}（${className ?? item.classCode}）？`, `/admin/face-reviews/${item.photoId}?decision=${decision}`, reload),
  }, words);
  const reference = item.referenceDigest
    ? `比对时的登记照 Registered photo as compared · ${item.referenceDigest.slice(0, 12)}`
    : "检查时登记的照片（现取，比对内容未保存）Photo registered at the check, fetched now: the compared bytes were not kept";
  return el("article", { class: "review", "data-review": item.photoId },
    el("div", { class: "photos" },
      el("figure", null, registered, el("figcaption", { class: item.referenceDigest ? "reference" : "reference unkept" }, reference)),
      el("figure", null, checked, el("figcaption", null, `验证照片 Check photo · ${time(item.at)}`))),
    facts([
      ["学员 Student", el("a", { href: studentHref(item.classCode, item.studentUserCode), title: item.studentUserCode, "data-code": item.studentUserCode },
        studentName ?? item.studentUserCode)],
      ["班级 Class", el("a", { href: classHref(item.classCode), title: item.classCode, "data-code": item.classCode }, className ?? item.classCode)],
      ["学习平台 Platform", named(platformNames.get(item.platformCode), item.platformCode) ?? "–"],
      ["比对分数 Score", `${item.score.toFixed(3)} (阈值 threshold ${item.threshold} ± ${item.band})`],
      ["即时答复 Answered at once", item.machineDecision === "same" ? "通过 passed" : "未通过 not passed"],
      ["带内尝试 Attempts in the band", `${item.attempts} (通过 passed ${item.passes}) · 最近 latest ${time(item.latestAt)}`],
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
