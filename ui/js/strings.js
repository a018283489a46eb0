// Every word the UI shows, in one place, so Crossroads can be translated.
// Only wording lives here: which step is open, and why, comes from the engine.

export const text = {
  appName: "Crossroads",
  skipLink: "Skip to content",
  nav: { home: "Home", settings: "Settings" },
  saved: "Saved.",
  saving: "Saving…",

  welcome: {
    title: "Welcome to Crossroads",
    lead:
      "A quiet place for the weeks after a breakup. It walks with you one step at a time, toward one of two good endings: back together on better terms, or moving on with closure.",
    privacyTitle: "Your privacy, in plain words",
    privacy: [
      "Everything you write stays on this computer, in one folder that only Crossroads uses.",
      "Crossroads never goes online: no account, no tracking, no ads.",
      "It will never send a message to anyone, and that includes them. Drafts stay drafts.",
      "Notifications are discreet: no names and nothing you wrote.",
    ],
    begin: "Begin",
  },

  profile: {
    firstTitle: "A little about the breakup",
    firstLead: "Four quick questions. You can change any of this later in Settings.",
    editTitle: "About the breakup",
    exName: "What should we call them?",
    exNameHint: "A name or a nickname. Only you will see it, and it never appears in notifications.",
    pronouns: "Which pronouns should we use for them?",
    pronounOptions: [
      ["he", "he / him"],
      ["she", "she / her"],
      ["they", "they / them"],
    ],
    breakupDate: "When did it end?",
    breakupDateHint: "The day it happened, as best you remember.",
    endedBy: "Who ended it?",
    endedByOptions: [
      ["me", "I did"],
      ["them", "They did"],
      ["mutual", "We decided together"],
    ],
    saveFirst: "Save and continue",
    saveEdit: "Save changes",
    errorSummary: "Please check the highlighted answer.",
  },

  home: {
    title: "Your path",
    lead: "Each step opens when you are ready for it: because of what you have done and the time that has passed, not because you clicked Next.",
    next: "Where you are now",
    stepsTitle: "The program",
    aboutTitle: "About the breakup",
    about: (days, endedBy) => {
      const when = days === 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
      const who = { me: "You ended it", them: "They ended it", mutual: "You ended it together" }[endedBy];
      return `${who}, ${when}.`;
    },
    edit: "Edit",
  },

  status: { locked: "Locked", open: "Open", done: "Done" },
  step: (number) => (number ? `Step ${number}` : "Before you start"),

  steps: {
    dealbreakers: {
      title: "The dealbreaker check",
      purpose: "Four honest questions, so you never rebuild something that hurt you.",
    },
    reflect: {
      title: "Reflect",
      purpose: "Look at why it ended, clearly and kindly, before you decide anything.",
    },
    too_proud_to_beg: {
      title: "Too proud to beg",
      purpose: "Write what you want to send. It stays here, unsent.",
    },
    no_contact: {
      title: "No contact",
      purpose: "A few weeks of space, counted day by day.",
    },
    live_your_life: {
      title: "Live your life",
      purpose: "Friends, movement, old hobbies: the things that make you you.",
    },
    reach_out: {
      title: "Reach out",
      purpose: "A calm, honest conversation, if you still want one.",
    },
    better_relationship: {
      title: "A better relationship",
      purpose: "Clear the air, and build something that lasts.",
    },
  },

  lockReason(reason) {
    switch (reason.code) {
      case "needs_profile":
        return "Opens once you have told Crossroads a little about the breakup.";
      case "needs_step":
        return `Opens after “${text.steps[reason.step].title}”.`;
      case "needs_no_contact_days":
        return reason.remaining >= reason.required
          ? `Opens after ${reason.required} days in a row without contact.`
          : `Opens after ${reason.required} days without contact: ${reason.remaining} to go.`;
      case "needs_reach_out_outcome":
        return "Opens if you reach out and you both want to try again.";
      default:
        return "Not open yet.";
    }
  },

  settings: {
    title: "Settings",
    notificationsTitle: "Notifications",
    notificationsLead:
      "Crossroads tells you about milestones with a small desktop notification. It never shows their name or anything you wrote.",
    testButton: "Send a test notification",
    testSent: "A test notification was sent. If you did not see it, check your desktop's notification settings.",
    dataTitle: "Your data",
    dataLead: "Everything is stored in this folder on this computer, with automatic backups next to it:",
    version: (v) => `Crossroads ${v}`,
  },

  fatalTitle: "Crossroads can't open your data",
  fatalHint: "Close any other Crossroads window and try again. Your entries have not been changed.",
  genericError: "Something went wrong. Nothing you wrote was lost; please try again.",
};
