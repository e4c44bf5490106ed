// The messages between grains that keep failing (GET /admin/grain-messages): a passed check that should release a
// learner's credit, or a reviewer's rejection that should take it back, which the dispatcher could not hand over. Each
// says what it is, to whom (the learner by name), how many attempts of how many, why it failed in words (the stored
// error on hover) and since when; a dead one can be retried by an administrator.
"use strict";

const messagePageSize = 50;

const messageStatuses = {
  failed: { zh: "失败（重试中与已放弃）", en: "failing (retrying and dead)" },
  retrying: { zh: "重试中", en: "retrying" },
  dead: { zh: "已放弃，待人工重试", en: "dead, waiting for you" },
};

async function messagesView(view, params) {
  const status = messageStatuses[params.get("status")] ? params.get("status") : "failed";
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const page = await api(`/admin/grain-messages?status=${status}&offset=${offset}&limit=${messagePageSize}`);
  const views = await classViews(page.rows.map(m => m.classCode));
  const filter = el("p", { id: "message-filter" }, "显示 Show: ", Object.entries(messageStatuses).map(([s, w]) =>
    s === status ? el("strong", { "data-status": s }, bilingual(w)) : link(`#/grain-messages?status=${s}`, `${w.zh} ${w.en}`)));
  view.append(
    el("h2", null, "失败的内部消息 Messages between grains that keep failing · ", bilingual(messageStatuses[status]), ` (${page.total})`),
    el("p", { class: "lead" }, ...sentence({
      zh: "验证通过后放行学时、复核判定后收回学时，都是集群内部的消息，与引起它们的改动一同提交，由分发器送达。这里列出屡次送达失败的消息：学员的学时在送达之前不会变化。",
      en: "A passed check releasing a learner's credit and a review taking it back are messages inside the cluster, committed with the change that sends them and handed over by the dispatcher. These are the ones it keeps failing to hand over: the learner's credit does not change until they arrive.",
    })),
    filter,
    page.rows.length ? table(["编号 Id", "消息 What", "学员 To", "尝试 Attempts", "最后错误 Last error", "自 Since", "状态 Status", ""],
      page.rows.map(m => messageRow(m, views)), "grain-messages")
      : empty("grain-messages-empty", status === "failed"
        ? { zh: "没有失败的内部消息：每条都已送达或仍在首次送达的时限内。", en: "No message between grains is failing: every one was handed over or is still within its first attempt." }
        : { zh: `没有状态为“${messageStatuses[status].zh}”的内部消息。`, en: `No message between grains is ${messageStatuses[status].en}.` }),
    pager(page.total, offset, messagePageSize, next => withParams("#/grain-messages", params, { offset: next })));
}

function messageRow(message, views) {
  const name = learnerName(views, message.classCode, message.studentUserCode);
  const className = views.get(message.classCode)?.trainClassName;
  const subject = message.kind === "pass" ? { zh: `验证码 ${message.subject}`, en: `check ${message.subject}` } : { zh: `验证照片 #${message.subject}`, en: `check photo #${message.subject}` };
  return el("tr", { "data-message": message.id, "data-kind": message.kind },
    number(message.id),
    el("td", { title: message.kind }, bilingual(message.kindWords), el("br"), el("small", null, bilingual(subject))),
    el("td", null, el("a", { href: studentHref(message.classCode, message.studentUserCode), title: message.studentUserCode, "data-code": message.studentUserCode }, name ?? message.studentUserCode),
      el("br"), el("small", null, el("a", { href: classHref(message.classCode), title: message.classCode, "data-code": message.classCode }, className ?? message.classCode))),
    el("td", { class: "number" }, `${message.attempts} / ${message.attemptLimit}`),
    el("td", { class: "words", title: message.lastError ?? "" }, message.errorWords ? sentence(message.errorWords) : "–"),
    el("td", null, time(message.createdAt)),
    el("td", { "data-status": message.status, title: message.status }, bilingual(messageStatuses[message.status] ?? { zh: message.status, en: message.status }),
      message.status === "retrying" ? [el("br"), el("small", null, `下次 next ${time(message.nextAttemptAt)}`)] : ""),
    el("td", null, message.status === "dead" ? el("button", {
      type: "button", class: "action retry",
      onclick: () => act(`重试消息 #${message.id}？ Try message #${message.id} again?`, `/admin/deliveries/${message.id}/retry`, reload),
    }, "重试 Retry") : ""));
}
