// Every word the UI shows, in one place, so Crossroads can be translated.
// Only wording lives here: which step is open, and why, comes from the engine.

export const text = {
  appName: "Crossroads",
  skipLink: "Skip to content",
  nav: { home: "Home", noContact: "No contact", settings: "Settings", safety: "Safety" },
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
    noContactTitle: "No contact",
    milestonesLabel: "Milestones (days)",
    milestonesHint: "Whole days from 1 to 3650, separated by commas.",
    notificationsToggle: "Show a notification when I reach a milestone",
    quietToggle: "Hold notifications during quiet hours",
    quietStart: "Quiet from",
    quietEnd: "until",
    save: "Save",
    autostartToggle: "Start Crossroads when I log in, so milestone reminders keep coming",
    autostartOn: "Crossroads will start, quietly in the tray, when you log in.",
    autostartOff: "Crossroads will not start by itself.",
  },

  noContact: {
    title: "No contact",
    emptyTitle: "Give yourself some space",
    emptyLead:
      "A few weeks without contact lets the hurt settle and your head clear. Crossroads counts the days with you and marks each milestone.",
    whenLegend: "When does it start?",
    startNow: "Now",
    startEarlier: "It started earlier, at my last contact",
    sinceLabel: "Date and time of your last contact",
    startButton: "Start no contact",
    rulesTitle: "The rules, for now",
    rules: [
      "No texts and no calls.",
      "No checking their social media.",
      "No driving or walking past their place.",
      "No meeting up, not even “just to talk”.",
    ],
    daysUnit: (n) => (n === 1 ? "day without contact" : "days without contact"),
    since: (when) => `Since ${when}.`,
    best: (n) => `Your best run: ${n} ${n === 1 ? "day" : "days"}.`,
    next: (days, when) => `Next milestone: day ${days}, ${when}.`,
    allReached: "You have reached every milestone on your list.",
    logTitle: "Log how it's going",
    logLead: "Two taps, no judgement. Slips happen; what matters is what you do next.",
    noteLabel: "Note (optional)",
    groups: {
      contact_slip: "I reached out",
      looking_slip: "I looked",
    },
    kinds: {
      texted: "I texted or called",
      replied: "I replied to them",
      met: "We met",
      checked_social: "I checked their social media",
      drove_by: "I drove or walked past their place",
      they_contacted: "They contacted me (I didn't answer)",
      urge_resisted: "I resisted an urge",
    },
    cancel: "Cancel",
    slipLogged: (best) =>
      `You reached out. That happens. Your best run was ${best} ${best === 1 ? "day" : "days"}; a new one starts now.`,
    lookLogged: "Logged. Looking doesn't end your streak, but it keeps the wound open. Be gentle with yourself.",
    theyLogged: "Logged. Not answering took strength.",
    todayTitle: "Today",
    todayEmpty: "Nothing logged today.",
    historyTitle: "Earlier streaks",
    historyItem: (days, ended, how) => `${days} ${days === 1 ? "day" : "days"}, ended ${ended} (${how})`,
    historyEmpty: "No earlier streaks. This is your first.",
    counts: (c) =>
      `Urges resisted: ${c.urges_resisted} · Looking slips: ${c.looking_slips} · They reached out: ${c.they_contacted}`,
    spaceTitle: "If they are the one reaching out",
    spaceLead:
      "You can ask for space kindly and clearly. Here is a message you could send yourself. Crossroads never sends anything.",
    spaceText:
      "I need some space right now to think things through. Please don't contact me for a while. I'll reach out when I'm ready.",
    copy: "Copy the message",
    copied: "Copied. Whether you send it is up to you.",
    copyFailed: "Couldn't copy. Select the text and copy it yourself.",
    open: "Open no contact",
    homeInvite: "No contact hasn't started yet.",
  },

  urge: {
    title: "You felt the urge, and you didn't act on it.",
    lead: "That counts. An urge rises and falls like a wave; most pass within ten to twenty minutes.",
    count: (n) => `Urges resisted so far: ${n}.`,
    insteadTitle: "Something to do instead",
    instead: [
      "Text a friend instead, about anything at all.",
      "Go for a ten-minute walk, without your phone if you can.",
      "Write down what you wanted to say. It stays here, on this computer.",
      "Put on a song that makes you feel strong.",
      "Drink a glass of water and take ten slow breaths.",
    ],
    timerTitle: "Ride it out",
    timerLead: "Start a ten-minute timer and let the wave pass.",
    timerStart: "Start a 10-minute timer",
    timerStop: "Stop the timer",
    timerDone: "Ten minutes. The wave passed, and you are still here. Well done.",
    back: "Back to no contact",
  },

  safety: {
    title: "Safety",
    lead: "You don't have to carry this alone. These lines are free or low-cost, confidential, and staffed by people who listen.",
    countryLabel: "Your country",
    crisis: "If you are thinking about ending your life",
    domestic_abuse: "If someone is hurting or frightening you",
    emergency: (n) => `Emergency: ${n}`,
    checked: (date, source) => `Source: ${source} · checked ${date}`,
    scamTitle: "A word of warning",
    scam:
      "Anyone who offers to bring an ex back with spells, charms, prayers for money or a paid “love doctor” is running a scam. No one can make another person love you, and they will keep asking for more money.",
    hideTitle: "Hide Crossroads quickly",
    hide: "Press Ctrl+Shift+H, or choose “Hide the window now” in the tray menu, and the window disappears at once. Crossroads keeps running in the tray.",
    cardTitle: "It sounds like things are really hard right now",
    cardLead: "What you wrote is saved. If you are thinking about hurting yourself, please talk to someone today. You deserve support.",
    cardMore: "All resources",
    cardClose: "Close",
  },

  fatalTitle: "Crossroads can't open your data",
  fatalHint: "Close any other Crossroads window and try again. Your entries have not been changed.",
  genericError: "Something went wrong. Nothing you wrote was lost; please try again.",
};
