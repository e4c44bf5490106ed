// Operator accounts and the action log: who is signed in, the accounts (administrators make and change them), and
// every operator's actions with what each changed, before and after, a page at a time.
"use strict";

const roleWords = {
  viewer: "查看员 Viewer (reads)",
  reviewer: "审核员 Reviewer (also decides reviews and flags)",
  administrator: "管理员 Administrator (also changes policy, platforms, accounts)",
};

function showSignedIn() {
  const role = sessionStorage.getItem(roleStorage);
  document.getElementById("signed-in").textContent = `${sessionStorage.getItem(accountStorage) ?? ""} · ${roleWords[role]?.split(" (")[0] ?? role ?? ""}`;
  document.getElementById("nav-operators").hidden = role !== "administrator";
}

const loggedWords = {
  class_policy: "设定监管策略 Set a class's policy",
  class_approval: "批准班级 Approved a class",
  delivery_retry: "重试推送 Retried a delivery",
  catalogue_pull: "拉取课程目录 Pulled a catalogue",
  face_review: "人脸复核 Decided a face review",
  flag_decision: "标记处理 Decided a flag",
  operator_account: "操作员账户 Changed an operator account",
  platform_registration: "平台注册 Registered a platform",
};

// What an action changed, field by field, from the record its evidence kind stores (src/Contracts/Evidence/Details).
function beforeAndAfter(kind, d) {
  switch (kind) {
    case "class_policy": return [d.previous, d.policy];
    case "class_approval": return [{ approval: d.action === "approve" ? "waiting" : "approved" }, { approval: "approved", push: "queued" }];
    case "delivery_retry": return [{ status: "dead", attempts: d.attempts, lastError: d.lastError }, { status: "retrying" }];
    case "catalogue_pull": return [null, { pull: `queued #${d.deliveryId}` }];
    case "face_review": return [{ review: "pending", machine: d.machineDecision, score: d.score }, { review: d.decision }];
    case "flag_decision": return [{ review: "under_review" }, { review: d.decision, voidedSeconds: d.voidedSeconds }];
    case "operator_account": return [d.before, { ...d.after, ...(d.password ? { password: d.password } : {}) }];
    case "platform_registration":
      return [d.before && { ...d.before, outboundToken: d.before.outboundToken ? "set" : "none" },
        { ...d.after, password: d.password, outboundToken: d.outboundToken }];
    default: return [null, d];
  }
}

function changeList(before, after) {
  const names = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const shown = value => value === undefined || value === null ? "–" : typeof value === "object" ? JSON.stringify(value) : String(value);
  const rows = names.filter(n => !before || shown(before[n]) !== shown(after?.[n]));
  return rows.length
    ? el("ul", { class: "changes" }, rows.map(n => el("li", null, `${n}: `, before ? [el("del", null, shown(before[n])), " → "] : "", el("ins", null, shown(after?.[n])))))
    : "不变 no change";
}

function actionSubject(action) {
  const d = JSON.parse(action.details);
  if (action.classCode && action.studentUserCode) return link(studentHref(action.classCode, action.studentUserCode), `${action.studentUserCode} (${action.classCode})`);
  if (action.classCode) return link(classHref(action.classCode), action.classCode);
  if (d.account) return `账户 account ${d.account}`;
  return action.platformCode ? `平台 platform ${action.platformCode}` : "";
}

const actionPageSize = 50;

async function actionLogView(view, params) {
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  const chosen = new URLSearchParams();
  for (const name of ["operator", "kind"]) if (params.get(name)) chosen.set(name, params.get(name));
  const log = await api(`/admin/actions?${chosen}&page=${page}&pageSize=${actionPageSize}`);
  const pages = Math.max(1, Math.ceil(log.total / log.pageSize));
  const pageHref = n => `#/actions?${new URLSearchParams([...chosen, ["page", n]])}`;
  const form = el("form", {
    id: "action-filter",
    onsubmit: event => {
      event.preventDefault();
      const next = new URLSearchParams();
      for (const [name, value] of new FormData(event.target)) if (value) next.set(name, value.trim());
      location.hash = `#/actions?${next}`;
    },
  },
  el("label", null, "操作员 Operator", el("input", { name: "operator", value: params.get("operator") ?? "" })),
  el("label", null, "操作 Action", el("select", { name: "kind" }, el("option", { value: "" }, "全部 all"),
    Object.entries(loggedWords).map(([kind, words]) => el("option", { value: kind, selected: params.get("kind") === kind }, words)))),
  el("button", { type: "submit", class: "action" }, "筛选 Filter"));
  const rows = log.items.map(a => {
    const details = JSON.parse(a.details);
    const [before, after] = beforeAndAfter(a.kind, details);
    const words = a.kind === "operator_account" && details.action === "create" ? "新建操作员账户 Created an operator account" : loggedWords[a.kind] ?? a.kind;
    return el("tr", { "data-action": a.kind, "data-id": a.id },
      el("td", null, time(a.at)), el("td", { class: "operator" }, a.operator), el("td", null, words),
      el("td", null, actionSubject(a)), el("td", { class: "change" }, changeList(before, after)), el("td", null, a.address ?? ""));
  });
  view.append(
    el("h2", null, `操作记录 Action log (${log.total})`),
    el("p", null, "每一项操作员操作：谁、何时、从哪里、改了什么（之前 → 之后）。密码和令牌从不显示，只记“已更改”。 ",
      "Every operator's action: who, when, from where, and what it changed (before → after). Passwords and tokens are never shown, only that they changed."),
    form,
    log.items.length ? table(["时间 At", "操作员 Operator", "操作 Action", "对象 Subject", "之前 → 之后 Before → after", "来源 From"], rows, "action-log")
      : el("p", { id: "action-log-empty" }, "没有记录 No actions recorded under this filter"),
    el("p", { class: "pager" },
      page > 1 ? link(pageHref(page - 1), "‹ 上一页 Previous") : "",
      el("span", null, ` 第 ${page} / ${pages} 页 Page ${page} of ${pages} `),
      page < pages ? link(pageHref(page + 1), "下一页 Next ›") : ""));
}

// Any operator's own password: the current one, then the new; every session of the account ends, this one too.
function passwordView(view) {
  const current = el("input", { type: "password", name: "currentPassword", autocomplete: "current-password", required: true });
  const replacement = el("input", { type: "password", name: "password", autocomplete: "new-password", minlength: 12, required: true });
  view.append(el("form", {
    class: "login", id: "own-password",
    onsubmit: async event => {
      event.preventDefault();
      try {
        await api("/admin/me/password", "PUT", { currentPassword: current.value, password: replacement.value });
        signOut();
        carriedMessage = "密码已更改，请重新登录 Password changed: log in again";
        location.hash = "#/login";
      } catch (error) {
        showError(error);
      }
    },
  },
  el("h2", null, "修改密码 Change your password"),
  el("label", null, "当前密码 Current password", current),
  el("label", null, "新密码 New password (12+)", replacement),
  el("button", { type: "submit", class: "action" }, "修改 Change")));
}

async function operatorsView(view) {
  const accounts = await api("/admin/operators");
  const roleSelect = (name, selected) => el("select", { name }, Object.entries(roleWords).map(([role, words]) => el("option", { value: role, selected: role === selected }, words)));
  const create = el("form", {
    id: "new-operator",
    onsubmit: event => {
      event.preventDefault();
      const form = new FormData(event.target);
      act(`创建账户 ${form.get("account")}？ Create the account ${form.get("account")}?`, "/admin/operators", reload, "POST",
        { account: form.get("account"), role: form.get("role"), password: form.get("password") });
    },
  },
  el("label", null, "账户 Account", el("input", { name: "account", autocomplete: "off", maxlength: 64, required: true })),
  el("label", null, "角色 Role", roleSelect("role", "viewer")),
  el("label", null, "初始密码 First password (12+)", el("input", { type: "password", name: "password", autocomplete: "new-password", minlength: 12, required: true })),
  el("button", { type: "submit", class: "action" }, "创建 Create"));
  const path = account => `/admin/operators/${encodeURIComponent(account)}`;
  view.append(
    el("h2", null, `操作员账户 Operator accounts (${accounts.length})`),
    table(["账户 Account", "角色 Role", "状态 Standing", "创建 Created", "更改 Changed", ""],
      accounts.map(a => el("tr", { "data-account": a.account },
        el("td", null, a.account),
        el("td", null, el("select", {
          "aria-label": `role of ${a.account}`,
          onchange: event => act(`把 ${a.account} 的角色改为 ${event.target.value}？ Make ${a.account} a ${event.target.value}?`, path(a.account), reload, "PUT", { role: event.target.value }),
        }, Object.entries(roleWords).map(([role, words]) => el("option", { value: role, selected: role === a.role }, words)))),
        el("td", null, a.disabled ? "已停用 disabled" : "可用 active"),
        el("td", null, `${time(a.createdAt)} · ${a.createdBy}`), el("td", null, time(a.changedAt)),
        el("td", null,
          el("button", {
            type: "button", class: "action",
            onclick: () => act(`${a.disabled ? "启用" : "停用"} ${a.account}？ ${a.disabled ? "Enable" : "Disable"} ${a.account}?`, path(a.account), reload, "PUT", { disabled: !a.disabled }),
          }, a.disabled ? "启用 Enable" : "停用 Disable"), " ",
          el("button", {
            type: "button", class: "action",
            onclick: () => {
              const password = prompt(`${a.account} 的新密码（至少 12 个字符） New password for ${a.account} (12 characters at least)`);
              if (password) act(`更改 ${a.account} 的密码？ Change ${a.account}'s password?`, path(a.account), reload, "PUT", { password });
            },
          }, "重设密码 Reset password")))), "operators"),
    el("h3", null, "新账户 New account"),
    create);
}
