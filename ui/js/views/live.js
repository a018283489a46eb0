// Step 4: live your life. The thought tally, today's mood, the activity log
// and the trigger plans. The engine keeps every rule (one mood a day, what
// a valid time is); this file lays out what it returns and asks before a
// replace.

import { api } from "../api.js";
import { dateField, display, pattern, toIso } from "../dates.js";
import { announce, h, pageTitle } from "../dom.js";
import { text } from "../strings.js";
import { formatClock, formatWhen } from "../format.js";
import { choiceGroup, clearFieldErrors, showFieldError } from "../forms.js";
import { offerCareAfterRedraw, supportLink, watchField } from "../care.js";

const t = text.live;

function errorSlot(id) {
  return h("p", { class: "field-error", id: `${id}-error`, hidden: true });
}

// `words`: free text, watched for words of crisis, with the Support link.
function field(id, label, control, hint, words = false) {
  if (words) watchField(control);
  return h(
    "div",
    { class: "field" },
    words ? h("div", { class: "label-row" }, h("label", { for: id }, label), supportLink(id)) : h("label", { for: id }, label),
    hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null,
    control,
    errorSlot(id),
  );
}

function thoughtCard(view, refresh) {
  const status = h("p", { class: "form-status", id: "thought-status", "aria-live": "polite" });
  const button = h("button", { type: "button", class: "primary big-button", id: "thought" }, t.thoughtButton);
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const after = await api.countThought();
      await refresh(t.thoughtCounted(after.thoughts_today), "#thought");
    } catch (error) {
      status.textContent = error.message || text.genericError;
      status.classList.add("error");
      button.disabled = false;
    }
  });
  return h(
    "section",
    { class: "card", "aria-labelledby": "thought-title" },
    h("h2", { id: "thought-title" }, t.thoughtTitle),
    h("p", { class: "muted" }, t.thoughtLead),
    h("div", { class: "actions" }, button, h("p", { class: "tally", id: "thoughts-today" }, t.thoughtsToday(view.thoughts_today))),
    status,
  );
}

function moodCard(view, refresh) {
  const today = view.mood_today;
  const options = [1, 2, 3, 4, 5].map((n) => [String(n), t.moods[n]]);
  const note = h("input", { type: "text", id: "mood_note", autocomplete: "off", "aria-describedby": "mood_note-error" });
  const confirm = h(
    "div",
    { class: "confirm", id: "mood-confirm", role: "group", "aria-labelledby": "mood-confirm-text", hidden: true },
    h("p", { id: "mood-confirm-text" }, t.moodConfirm),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "primary", id: "mood-replace-yes", onclick: () => send(true) }, t.moodConfirmYes),
      h("button", { type: "button", class: "secondary", id: "mood-replace-no", onclick: () => hideConfirm() }, t.moodConfirmNo),
    ),
  );
  const form = h(
    "form",
    { class: "card form", id: "mood-form", novalidate: true, "aria-labelledby": "mood-title" },
    h("h2", { id: "mood-title" }, t.moodTitle),
    today ? h("p", { id: "mood-today" }, t.moodToday(today.score)) : null,
    choiceGroup("score", t.moodLegend, options, null),
    field("mood_note", t.moodNote, note, null, true),
    h("p", { class: "form-error", id: "mood-error", role: "alert", hidden: true }),
    confirm,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "save-mood" }, today ? t.moodReplace : t.moodSave)),
  );

  function hideConfirm() {
    confirm.hidden = true;
    form.querySelector("#save-mood").focus();
  }

  async function send(replace) {
    clearFieldErrors(form);
    const picked = form.querySelector("input[name='score']:checked");
    // No choice reaches the engine as 0, which it refuses with its own words.
    const score = picked ? Number(picked.value) : 0;
    try {
      const after = await api.saveMood(score, note.value.trim() || null, replace);
      await refresh(t.moodSaved, after.care ? null : "#mood-today");
      await offerCareAfterRedraw(after.care, note);
    } catch (error) {
      confirm.hidden = true;
      showFieldError(form, error, form.querySelector("#mood-error"));
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (today && form.querySelector("input[name='score']:checked")) {
      // One mood a day: ask before the first one is replaced.
      confirm.hidden = false;
      confirm.querySelector("#mood-replace-yes").focus();
      return;
    }
    send(false);
  });
  confirm.addEventListener("keydown", (e) => {
    if (e.key === "Escape") hideConfirm();
  });
  return form;
}

function activityForm(view, refresh) {
  let editing = null;
  const options = view.activity_kinds.map((k) => [k, t.kinds[k]]);
  const when = dateField({ id: "when", "aria-describedby": "when-hint when-error" }, "datetime");
  const note = h("input", { type: "text", id: "note", autocomplete: "off", "aria-describedby": "note-error" });
  const submit = h("button", { type: "submit", class: "primary", id: "log-activity" }, t.activitySave);
  const cancel = h("button", { type: "button", class: "link", id: "activity-cancel", hidden: true }, t.activityCancel);
  const form = h(
    "form",
    { class: "card form", id: "activity-form", novalidate: true, "aria-labelledby": "activity-title" },
    h("h2", { id: "activity-title" }, t.activityTitle),
    h("p", { class: "muted" }, t.activityLead),
    choiceGroup("kind", t.kindLegend, options, "friends"),
    field("when", t.whenLabel, when, t.whenHint),
    field("note", t.noteLabel, note, null, true),
    h("p", { class: "form-error", id: "activity-error", role: "alert", hidden: true }),
    h("div", { class: "actions" }, submit, cancel),
  );
  const reset = () => {
    editing = null;
    submit.textContent = t.activitySave;
    cancel.hidden = true;
  };
  cancel.addEventListener("click", () => {
    form.reset();
    reset();
    clearFieldErrors(form);
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const input = {
      kind: form.querySelector("input[name='kind']:checked")?.value ?? "other",
      when: toIso(when.value, "datetime") || null,
      note: note.value.trim() || null,
    };
    try {
      const after = editing === null ? await api.logActivity(input) : await api.updateActivity(editing, input);
      const message = editing === null ? t.activitySaved : t.activityUpdated;
      await refresh(message, after.care ? null : "#activities-today");
      await offerCareAfterRedraw(after.care, note);
    } catch (error) {
      showFieldError(form, error, form.querySelector("#activity-error"));
    }
  });
  // Puts an activity into the form to be changed.
  form.edit = (activity) => {
    editing = activity.id;
    form.querySelector(`input[name='kind'][value='${activity.kind}']`).checked = true;
    when.value = display(activity.local, "datetime");
    note.value = activity.note ?? "";
    submit.textContent = t.activityUpdate;
    cancel.hidden = false;
    form.querySelector(`input[name='kind']:checked`).focus();
  };
  return form;
}

function activityItem(a, form, refresh, { timeOnly }) {
  const kind = t.kinds[a.kind];
  return h(
    "li",
    { "data-kind": a.kind, "data-id": a.id },
    h("span", { class: "when" }, formatWhen(a.at, { timeOnly })),
    " ",
    h("strong", {}, kind),
    a.note ? h("span", { class: "note" }, ` — ${a.note}`) : null,
    h(
      "span",
      { class: "row-actions" },
      h("button", { type: "button", class: "link", "aria-label": t.editLabel(kind), onclick: () => form.edit(a) }, t.edit),
      h(
        "button",
        {
          type: "button",
          class: "link",
          "aria-label": t.removeLabel(kind),
          onclick: async () => {
            await api.deleteActivity(a.id);
            await refresh(t.activityDeleted);
          },
        },
        t.remove,
      ),
    ),
  );
}

function todayCard(view, form, refresh) {
  return h(
    "section",
    { class: "card", "aria-labelledby": "life-today-title" },
    h("h2", { id: "life-today-title" }, t.todayTitle),
    view.activities_today.length
      ? h("ul", { class: "entries", id: "activities-today", tabindex: "-1" }, view.activities_today.map((a) => activityItem(a, form, refresh, { timeOnly: true })))
      : h("p", { class: "muted", id: "activities-today", tabindex: "-1" }, t.todayEmpty),
    view.activities_recent.length
      ? [
          h("h3", { class: "subhead" }, t.recentTitle),
          h("ul", { class: "entries", id: "activities-recent" }, view.activities_recent.map((a) => activityItem(a, form, refresh, { timeOnly: false }))),
        ]
      : null,
  );
}

function triggersCard(view, refresh) {
  let editing = null;
  const moment = h("input", { type: "text", id: "moment", autocomplete: "off", "aria-describedby": "moment-hint moment-error" });
  const plan = h("textarea", { id: "plan", rows: 3, "aria-describedby": "plan-error" });
  const reminder = h("input", {
    type: "text",
    id: "reminder",
    inputmode: "numeric",
    placeholder: pattern("time"),
    autocomplete: "off",
    class: "short",
    "aria-describedby": "reminder-hint reminder-error",
  });
  const submit = h("button", { type: "submit", class: "primary", id: "save-trigger" }, t.triggerSave);
  const cancel = h("button", { type: "button", class: "link", hidden: true }, t.activityCancel);
  const form = h(
    "form",
    { class: "form", id: "trigger-form", novalidate: true },
    choiceGroup(
      "trigger_kind",
      t.triggerKindLegend,
      Object.entries(t.triggerKinds),
      "time_of_day",
    ),
    field("moment", t.momentLabel, moment, t.momentHint, true),
    field("plan", t.planLabel, plan, null, true),
    field("reminder", t.reminderLabel, reminder, t.reminderHint),
    h("p", { class: "form-error", id: "trigger-error", role: "alert", hidden: true }),
    h("div", { class: "actions" }, submit, cancel),
  );
  cancel.addEventListener("click", () => {
    editing = null;
    form.reset();
    submit.textContent = t.triggerSave;
    cancel.hidden = true;
    clearFieldErrors(form);
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const input = {
      kind: form.querySelector("input[name='trigger_kind']:checked")?.value ?? "situation",
      moment: moment.value,
      plan: plan.value,
      reminder: toIso(reminder.value, "time") || null,
    };
    try {
      const after = await api.saveTrigger(editing, input);
      await refresh(t.triggerSaved, after.care ? null : "#triggers");
      await offerCareAfterRedraw(after.care, moment, plan);
    } catch (error) {
      showFieldError(form, error, form.querySelector("#trigger-error"));
    }
  });
  const edit = (tr) => {
    editing = tr.id;
    form.querySelector(`input[name='trigger_kind'][value='${tr.kind}']`).checked = true;
    moment.value = tr.moment;
    plan.value = tr.plan;
    reminder.value = tr.reminder ? display(tr.reminder, "time") : "";
    submit.textContent = t.triggerUpdate;
    cancel.hidden = false;
    moment.focus();
  };
  const list = view.triggers.length
    ? h(
        "ul",
        { class: "plans", id: "triggers", tabindex: "-1" },
        view.triggers.map((tr) =>
          h(
            "li",
            { class: "plan", "data-id": tr.id },
            h("p", { class: "eyebrow" }, t.triggerKinds[tr.kind]),
            h("p", { class: "plan-moment" }, tr.moment),
            h("p", { class: "plan-text" }, t.insteadPrefix, tr.plan),
            h("p", { class: "muted reminder" }, tr.reminder ? t.reminderAt(formatClock(tr.reminder)) : t.noReminder),
            h(
              "p",
              { class: "row-actions" },
              h("button", { type: "button", class: "link", "aria-label": `${t.edit}: ${tr.moment}`, onclick: () => edit(tr) }, t.edit),
              h(
                "button",
                {
                  type: "button",
                  class: "link",
                  "aria-label": `${t.remove}: ${tr.moment}`,
                  onclick: async () => {
                    await api.deleteTrigger(tr.id);
                    await refresh(t.triggerDeleted);
                  },
                },
                t.remove,
              ),
            ),
          ),
        ),
      )
    : h("p", { class: "muted", id: "triggers", tabindex: "-1" }, t.triggersEmpty);
  return h(
    "section",
    { class: "card", "aria-labelledby": "triggers-title" },
    h("h2", { id: "triggers-title" }, t.triggersTitle),
    h("p", { class: "muted" }, t.triggersLead),
    list,
    form,
  );
}

let current = null;
// The tray's "I thought about them" counts in the background: redraw the tally.
window.addEventListener("crossroads:thought", () => {
  if (current?.root.isConnected) current.refresh();
});

export async function render() {
  const root = h("div", { class: "live" });
  const status = h("p", { class: "form-status", id: "life-status" });

  async function refresh(message, focusCss) {
    const view = await api.life();
    const form = activityForm(view, refresh);
    root.replaceChildren(
      pageTitle(t.title),
      h("p", { class: "lead" }, t.lead),
      status,
      thoughtCard(view, refresh),
      moodCard(view, refresh),
      form,
      todayCard(view, form, refresh),
      triggersCard(view, refresh),
      h(
        "p",
        { class: "actions" },
        h("a", { href: "#/progress", class: "button-link", id: "to-progress" }, t.progressLink),
        h("a", { href: "#/journal" }, t.journalLink),
      ),
    );
    status.textContent = message || "";
    if (message) announce(message);
    if (focusCss) root.querySelector(focusCss)?.focus({ preventScroll: true });
  }

  current = { root, refresh };
  await refresh();
  return root;
}
