// Every word the UI shows, in one place, so Crossroads can be translated.
// Only wording lives here: which step is open, and why, comes from the engine.

export const text = {
  appName: "Crossroads",
  skipLink: "Skip to content",
  nav: {
    home: "Home",
    dealbreakers: "Dealbreaker check",
    reflect: "1 · Reflect",
    vault: "2 · Too proud to beg",
    noContact: "3 · No contact",
    settings: "Settings",
    safety: "Safety",
    live: "4 · Live your life",
    journal: "Journal",
    progress: "Progress",
  },
  banner: "You deserve to be safe. Help is one click away:",
  bannerLink: "Safety",
  lockedTitle: "Not open yet",
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
    firstLead: "Five quick questions. You can change any of this later in Settings.",
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
    go: "Continue here",
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
      case "needs_no_looking_days":
        return text.lockNoLooking(reason);
      case "needs_reach_out_outcome":
        return "Opens if you reach out and you both want to try again.";
      case "not_offered":
        if (reason.why === "hurt_them") return "Not offered: Crossroads won't guide you back toward them. Support for you comes first.";
        return reason.why === "abuse"
          ? "Not offered: after what you went through, Crossroads will not guide you back toward them."
          : "Not offered: you chose to move on.";
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
      "No checking their profile or social media: looking counts as contact too.",
      "No driving or walking past their place: that counts too.",
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
      necessary_children: "Necessary: the children",
      necessary_home: "Necessary: our home or lease",
      necessary_work: "Necessary: work",
      necessary_other: "Necessary: something else practical",
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
      `Urges resisted: ${c.urges_resisted} · Looking slips: ${c.looking_slips} · They reached out: ${c.they_contacted} · Necessary contact: ${c.necessary_contact ?? 0}`,
    spaceTitle: "If they are the one reaching out",
    spaceLead:
      "You can ask for space kindly and clearly. If you choose to, you can copy this message and send it to them from your own phone. Crossroads never sends anything, and no message can promise how they will answer.",
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
    timerStarted: "The timer is running: ten minutes.",
    timerDone: "Ten minutes. You stayed with the urge for ten minutes without acting on it. That is what you did, whatever you feel now.",
    back: "Back to no contact",
  },

  safety: {
    title: "Safety",
    lead: "You don't have to carry this alone. These lines are free or low-cost, confidential, and staffed by people who listen.",
    countryLabel: "Your country",
    countryTitle: "Help lines",
    crisis: "If you are thinking about ending your life",
    domestic_abuse: "If someone is hurting or frightening you",
    emergency: (n) => `Emergency: ${n}`,
    checked: (date, source) => `Source: ${source} · checked ${date}`,
    scamTitle: "A word of warning",
    scam:
      "Anyone who offers to bring an ex back with spells, charms, prayers for money or a paid “love doctor” is running a scam. No one can make another person love you, and they will keep asking for more money.",
    hideTitle: "Hide Crossroads quickly",
    hide: "Press Ctrl+Shift+H, or choose “Hide the window now” in the tray menu, and the window disappears at once. Crossroads keeps running in the tray.",
    planLink: "Open my safety plan",
    cardTitle: "It sounds like things are really hard right now",
    cardLead: "What you wrote is saved. If you are thinking about hurting yourself, please talk to someone today. You deserve support.",
    cardMore: "All resources",
    cardClose: "Close",
  },

  dealbreakers: {
    title: "Before you begin: a few honest questions",
    lead: "Some relationships should not be rebuilt. Answer for yourself; nobody else will see this.",
    questions: [
      ["cheated", "Did they cheat on you?"],
      ["lied", "Did they lie to you about something big?"],
      ["put_down", "Did they put you down, again and again?"],
      ["abusive", "Were they verbally or physically abusive?"],
    ],
    abusiveHint:
      "Abuse is also control: taking or watching your money, checking your phone, cutting you off from friends or family, threats, or making you afraid.",
    oneWayTitle: "The path from here: moving on",
    oneWayLead:
      "After what you went through, Crossroads offers one path: moving on, with no contact, care for yourself, and closure. You can still reflect, and Safety is always here.",
    hurtOneWayLead:
      "Crossroads offers one path from here: moving on, with support for you. You can still reflect, and keep no contact.",
    keptNote: "Your answer about abuse stays as you gave it. To begin again, start a new program.",
    yes: "Yes",
    no: "No",
    submit: "See what this means",
    clearTitle: "Nothing here rules it out",
    clear: "You can go on to reflect on what happened.",
    toReflect: "Go to step 1: Reflect",
    recommendTitle: "Crossroads recommends not pursuing this relationship",
    reasons: {
      cheated:
        "People who cheated in one relationship were about three times as likely to cheat in their next one (Knopp et al., Archives of Sexual Behavior, 2017).",
      lied: "A big lie raises the question of what else was hidden, and whether trust can really come back.",
      put_down: "Being put down again and again wears away your sense of worth. Respect is what a relationship stands on.",
      abusive: "What you describe is abuse. It is not your fault, and you deserve to be safe.",
    },
    abuseNote:
      "Crossroads will not guide you back toward them. No contact and looking after yourself stay here for you, and so does the moving-on path.",
    therapist: "Talking it through with a therapist can help you see it clearly and look after yourself.",
    chooseTitle: "What would you like to do?",
    movingOn: "Take the moving-on path",
    acknowledge: "I have read the recommendation, and I choose to go on.",
    continue: "Go on anyway",
    chosen: { moving_on: "You chose the moving-on path.", continue: "You read the recommendation and chose to go on." },
  },

  reflect: {
    title: "Step 1 · Reflect",
    lead: "Look at why it ended, clearly and kindly. Your answers are saved as you type.",
    recent: (days) =>
      `It ended only ${days === 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`}. Judgement is foggy this close to it, so be gentle with yourself: reflecting comes first, and decisions can wait.`,
    prompts: {
      reason: ["What was the reason it ended?", ""],
      weight: [
        "Was it anger in one argument, or a habit that wore on one of you?",
        "How big is it, set against the whole relationship?",
      ],
      unmet_need: [
        "Was a real need left unmet?",
        "For example, they could never reassure you. That alone can mean the breakup was right.",
      ],
      repeated_arguments: ["What did you argue about, over and over?", ""],
      trait_given_up: ["Which trait of yours did they give up on?", "Try to name it without judging yourself."],
      pattern_details: ["If so, what keeps happening?", "A pattern won't go away by itself; naming it is the first step."],
    },
    patternLegend: "Has this come up in earlier relationships too?",
    patternOptions: [["yes", "Yes"], ["no", "No"], ["not_sure", "Not sure"]],
    growthTitle: "A plan to grow",
    wayLegend: "How will you work on it?",
    wayOptions: [["therapy", "Therapy"], ["journaling", "Journaling"], ["friend", "An honest friend"], ["other", "Another way"]],
    stepsLabel: "A small, concrete step",
    addStep: "Add step",
    noSteps: "No steps yet. Start with one small thing you could do this week.",
    decisionTitle: "Where do you stand?",
    decisionLead: "There is no wrong answer. Both paths count as success.",
    try: "I still want to try",
    moveOn: "I'd rather move on",
    decided: { try: "You decided you still want to try. Step 2 is open.", move_on: "You decided to move on. That takes courage." },
    saved: "Saved",
  },

  vault: {
    title: "Step 2 · Too proud to beg",
    lead:
      "Write what you want to send them. It stays here, on this computer: Crossroads has no way to send it. Begging lowers your value in their eyes, and right after a breakup is not the time for that talk.",
    newLabel: "A message you want to send",
    apology: "This is a sincere apology for something I really did wrong: keep it for step 5",
    keep: "Keep this draft",
    listTitle: "Your drafts",
    empty: "No drafts yet. Writing it down often takes the pressure off.",
    levels: { calm: "Reads calm", pleading: "Reads as pleading", desperate: "Reads as desperate" },
    why: {
      pleading: "Pleading puts your worth in their hands.",
      piled_up_apologies: "Apology after apology reads as begging, not as owning your part.",
      panicked_promises: "Promises made in panic are hard to believe, even for you.",
      despair: "This sounds like a lot of pain. Before anything about them: are you safe? Support is here for you, any time.",
      demands_answer: "Demanding an answer, or counting their silence, tells them the silence is working.",
      guilt: "Guilt may bring a reply, but not the feelings you want back.",
      pursuit: "Following them, online or in person, frightens people and keeps your wound open. This is the moment for no contact.",
    },
    pledgeTitle: "Your pledge",
    pledgeLead: "In your own words: what will you not do, and why?",
    pledgeLabel: "My pledge",
    pledgeButton: "Make my pledge",
    pledged: "Your pledge:",
    despairFirst: "What you wrote sounds like real pain. You come first: open Support for lines and your safety plan. The notes about begging can wait.",
    despairSupport: "Open Support",
  },

  backups: {
    title: "Backups",
    lead: "Crossroads keeps copies of your data on this computer: one from each of the last three starts, and one a day for a week. Restoring one replaces what you have now; what you have now is kept as a backup first.",
    none: "There are no backups yet. The first one is made the next time Crossroads starts.",
    unknownDate: "Unknown date",
    reason: { start: "made at start", daily: "daily", before_restore: "kept before a restore", old: "from an older version" },
    counts: (records, drafts, events) => `${records} records: ${drafts} ${drafts === 1 ? "draft" : "drafts"}, ${events} logged ${events === 1 ? "moment" : "moments"}`,
    notRestorable: "Made by an older version; it can't be restored.",
    empty: "Taken before you had written anything: nothing to bring back.",
    restore: "Restore",
    confirm: (what, damaged) =>
      damaged
        ? `Restore the backup from ${what}? The data that could not be opened is moved aside, not deleted.`
        : `Restore the backup from ${what}? What you have now is kept as a backup first.`,
    confirmYes: "Yes, restore it",
    confirmNo: "Cancel",
    restoring: "Restoring…",
    restored: "Restored. Your data is back as it was then.",
  },
  privacy: {
    title: "Privacy and passphrase",
    offLead: "You can protect what you write here with a passphrase. Everything you wrote is then stored encrypted on this computer, and Crossroads opens to a lock screen. Milestone reminders keep coming while it is locked; they never say what you wrote.",
    forgetWarning: "If you forget the passphrase, no one can recover your entries, not even us. Choose something you will remember, or write it down somewhere safe.",
    onLead: "A passphrase protects your entries. Crossroads locks when you hide its window, when you choose Lock, and after the idle time below.",
    passphrase: "Passphrase",
    newPassphrase: "New passphrase",
    currentPassphrase: "Current passphrase",
    repeat: "The same passphrase again",
    passphraseHint: "At least 8 characters. A few words you will remember work well.",
    removeHint: "Your entries will be stored without encryption again.",
    setPassphrase: "Set the passphrase",
    changePassphrase: "Change the passphrase",
    removePassphrase: "Remove the passphrase",
    lockNow: "Lock now",
    unlock: "Open",
    working: "One moment…",
    setDone: "Your entries are now encrypted.",
    changeDone: "The passphrase is changed.",
    removeDone: "The passphrase is removed.",
    lockedTitle: "Crossroads is locked",
    lockedLead: "Enter your passphrase to open it. Safety stays available without it.",
    lockAfter: "Lock after being idle for",
    lockAfterOptions: [["", "Never"], ["5", "5 minutes"], ["15", "15 minutes"], ["30", "30 minutes"], ["60", "1 hour"]],
    veryDiscreet: "Very discreet notifications",
    veryDiscreetHint: "Reminders then say only “Crossroads” and a neutral line: no days, nothing about contact or anyone. For screens others may see.",
    saved: "Saved",
  },
  damagedTitle: "Your saved data could not be read",
  damagedLead: "Nothing has been changed or deleted. You can restore one of the backups below; the data that could not be read is kept aside.",
  tooNewTitle: "This data is from a newer Crossroads",
  tooNewHint: "Nothing has been changed. Install the newer version of Crossroads to open it.",
  live: {
    title: "Step 4 · Live your life",
    lead: "Fill your days with the people and things that make you you. Every small entry counts, and the Progress page shows how it adds up.",
    thoughtTitle: "A thought about them",
    thoughtLead: "Thinking of them is normal. Tap it, let it pass, and go on with your day.",
    thoughtButton: "I thought about them",
    thoughtsToday: (n) => (n === 0 ? "No thoughts tapped today." : `Today: ${n} ${n === 1 ? "time" : "times"}.`),
    thoughtCounted: (n) => `Counted. ${n === 1 ? "Once" : `${n} times`} today. Let it pass.`,
    moodTitle: "How are you today?",
    moodLegend: "Your mood today, from 1 to 5",
    moods: { 1: "1 · Very low", 2: "2 · Low", 3: "3 · Okay", 4: "4 · Good", 5: "5 · Very good" },
    moodNote: "A note about today (optional)",
    moodSave: "Save today's mood",
    moodReplace: "Replace today's mood",
    moodToday: (score) => `Today's mood: ${text.live.moods[score]}.`,
    moodConfirm: "You have already noted a mood today. Replace it with this one?",
    moodConfirmYes: "Yes, replace it",
    moodConfirmNo: "Keep the first one",
    moodSaved: "Mood saved.",
    activityTitle: "Log an activity",
    activityLead: "Friends you saw, a workout, an old hobby, anything that mattered.",
    kindLegend: "What kind of activity?",
    kinds: { friends: "Friends", exercise: "Exercise", hobby: "Hobby", other: "Something meaningful" },
    whenLabel: "When",
    whenHint: "Leave as it is for now.",
    noteLabel: "Note (optional)",
    activitySave: "Log the activity",
    activityUpdate: "Save the change",
    activityCancel: "Cancel",
    activitySaved: "Activity logged.",
    activityUpdated: "Activity changed.",
    activityDeleted: "Activity removed.",
    todayTitle: "Today",
    todayEmpty: "Nothing logged today yet. One small thing is enough.",
    recentTitle: "Earlier",
    edit: "Edit",
    remove: "Remove",
    editLabel: (kind) => `Edit ${kind}`,
    removeLabel: (kind) => `Remove ${kind}`,
    triggersTitle: "Your trigger plans",
    triggersLead: "The moments that hurt, and what you will do instead. A reminder can nudge you at that hour; it never shows what you wrote.",
    triggersEmpty: "No plans yet. Think of one moment that hurts, and one thing to do instead.",
    triggerKindLegend: "What kind of moment?",
    triggerKinds: { time_of_day: "A time of day", place: "A place", situation: "A situation" },
    momentLabel: "The moment",
    momentHint: "For example: waking up, the hour they used to text, a café.",
    planLabel: "What I'll do instead",
    reminderLabel: "Daily reminder at (optional)",
    reminderHint: "A time like 07:30. Leave empty for no reminder.",
    triggerSave: "Save the plan",
    triggerUpdate: "Save the change",
    triggerSaved: "Plan saved.",
    triggerDeleted: "Plan removed.",
    reminderAt: (time) => `Reminder every day at ${time}.`,
    noReminder: "No reminder.",
    insteadPrefix: "Instead: ",
    progressLink: "See your progress",
    journalLink: "Write in your journal",
  },

  journal: {
    title: "Journal",
    lead: "Write whatever is on your mind. It stays on this computer.",
    promptTitle: "Today's prompt",
    usePrompt: "Answer this prompt",
    promptInUse: "Answering today's prompt.",
    dropPrompt: "Write freely instead",
    entryLabel: "Your entry",
    save: "Save the entry",
    update: "Save the change",
    cancel: "Cancel",
    saved: "Entry saved.",
    deleted: "Entry removed.",
    searchLabel: "Search your journal",
    search: "Search",
    clear: "Show all",
    listTitle: "Your entries",
    empty: "No entries yet. A few lines are enough.",
    noMatch: "No entry contains that.",
    matched: (n, total) => `${n} of ${total} ${total === 1 ? "entry" : "entries"}.`,
    edited: (when) => `changed ${when}`,
    edit: "Edit",
    remove: "Remove",
    prompts: {
      dealbreakers: [
        "What did you need from them that you never got?",
        "What would you tell a friend in your place?",
        "When did you last feel truly respected?",
        "What do you deserve in a relationship?",
      ],
      reflect: [
        "What do you understand today that you didn't a month ago?",
        "What is one thing you did well in the relationship?",
        "What is one thing you would do differently?",
        "What did the relationship teach you about yourself?",
      ],
      too_proud_to_beg: [
        "What do you want to say to them, that you won't send?",
        "What would you like them to see in you now?",
        "What does self-respect look like for you this week?",
        "What are you proud of not doing today?",
      ],
      no_contact: [
        "What was hardest about today, and how did you get through it?",
        "What did you do with the time you would have spent on them?",
        "Which urge passed today without you acting on it?",
        "What are you looking forward to this week?",
      ],
      live_your_life: [
        "Who made you smile lately?",
        "What did you do today just for yourself?",
        "Which old hobby would you like to pick up again?",
        "When did you feel most like yourself this week?",
      ],
      reach_out: [
        "What do you hope for, and what could you live with?",
        "What is your part in what went wrong?",
        "What do you need from them, said simply?",
        "How will you take care of yourself whatever they answer?",
      ],
      better_relationship: [
        "What did you do for the relationship this week?",
        "What do you appreciate about them today?",
        "What is one thing you would like to talk about calmly?",
        "What does respect look like between you now?",
      ],
    },
  },

  progress: {
    title: "Your progress",
    lead: "It hurts less as time goes on. These charts show it in your own numbers.",
    rangeLegend: "Show",
    ranges: { two_weeks: "2 weeks", three_months: "3 months", all_time: "All time" },
    empty: "Nothing to chart yet. Log a thought, a mood or an activity, and your progress starts here.",
    emptyLink: "Go to Live your life",
    summaryTitle: "In short",
    thoughtsTrend: (t) =>
      t.direction === "steady"
        ? `Your thoughts about them held at about ${t.to} a day over ${weeksText(t.weeks)}.`
        : `Your thoughts about them per day ${t.direction === "fell" ? "fell" : "rose"} from ${t.from} to ${t.to} over ${weeksText(t.weeks)}.`,
    moodTrend: (t) =>
      t.direction === "steady"
        ? `Your mood held at about ${t.to} out of 5 over ${weeksText(t.weeks)}.`
        : `Your mood ${t.direction === "rose" ? "rose" : "dipped"} from ${t.from} to ${t.to} out of 5 over ${weeksText(t.weeks)}.`,
    trendLater: "After two weeks of entries, a short summary of how things are changing appears here.",
    activitiesSummary: (n) => `${n} ${n === 1 ? "activity" : "activities"} in this period.`,
    streakSummary: (current, best) =>
      current === null || current === undefined
        ? "No contact hasn't started yet."
        : `No contact: day ${current}. Your best run: ${best} ${best === 1 ? "day" : "days"}.`,
    moodTitle: "Mood",
    thoughtsTitle: "Thoughts about them per day",
    activitiesTitle: "Activities per week",
    streakTitle: "Days without contact",
    noMoodYet: "No mood noted in this period.",
    noThoughtsYet: "Nothing tapped in this period.",
    noActivitiesYet: "No activities in this period.",
    noStreakYet: "No contact hasn't started in this period.",
    gapNote: "Days without entries are left as gaps, not zeros.",
    tableCaption: (title) => `${title}: the numbers`,
    dateHeader: "Date",
    weekHeader: "Week of",
    valueHeader: "Value",
    totalHeader: "Total",
    noEntry: "no entry",
    showTable: "Show the numbers",
    moodAlt: (points, from, to) => `Mood from ${from} to ${to}, 1 (very low) to 5 (very good). ${points}`,
    countAlt: (what, points, from, to) => `${what} from ${from} to ${to}. ${points}`,
    pointsAlt: (pairs) => (pairs.length ? pairs.join("; ") + "." : "No entries."),
  },

  // Steps 5 and 6, and moving on.
  endingsNav: {
    reachOut: "5 · Reach out",
    together: "6 · Together",
    movingOn: "Moving on",
    archive: "Archive",
  },
  lockNoLooking: (reason) =>
    reason.remaining >= reason.required
      ? `Opens after ${reason.required} days with neither contact nor looking; a look at their profile or their place starts this count again.`
      : `Opens after ${reason.required} days with neither contact nor looking: ${reason.remaining} to go.`,

  reachOut: {
    title: "Reach out",
    lead: "One calm, honest conversation, in person. Plan it here; nothing is ever sent from Crossroads.",
    moreTime: "More time is better. If you are not sure yet, wait: the plan keeps.",
    bothOfYou:
      "They ended it, so trying again takes both of you. If they say no, that is an answer, not a failure.",
    listen: "Listen more than you talk. Let them finish; ask before you explain.",
    planTitle: "Your conversation plan",
    saved: "Saved.",
    notes: {
      meet: ["Ask to meet in person", "A short, calm message asking for a coffee or a walk. No big talk in writing."],
      what_went_wrong: ["What went wrong", "As you see it now, after time to think."],
      took_time: ["You took time, and want to try", "That you stepped back to think, and what you realised."],
      my_part: ["Your part", "What you did, said plainly, without piling apologies."],
      my_needs: ["What you need from them", "One or two needs, named kindly."],
      move_forward: ["How to move forward", "What would be different this time."],
      want_to_try: ["Whether they want to try", "How you will ask, and how you will take a no."],
      questions: ["Questions to ask them", "What has been on your mind since? Do you want to try again? What would you need?"],
    },
    coachTitle: "The coach",
    coachClear: "Reads calm: no blame, contempt or pressure.",
    categories: {
      blame: "Reads as blame",
      contempt: "Reads as contempt",
      pressure: "Reads as pressure",
    },
    suggest: {
      always_never: "“Always” and “never” start a defence. Try one moment instead: “When … happened, I felt … What I need is …”",
      your_fault: "Fault makes them defend. Try: “My part was … I felt … and I need …”",
      if_you_had: "“If you had…” argues with the past. Try: “I wish we had … Next time I need …”",
      you_ruined: "Try naming what it meant to you: “I was hurt when … I need …”",
      you_made_me: "Try owning the feeling: “I felt … when … What would help me is …”",
      insult: "Contempt ends the talk. Say what you felt, not what they are: “I felt … I need …”",
      ultimatum: "A deadline or a threat takes away their choice. Try: “Take the time you need. I’d like to hear your answer when you are ready.”",
      demand: "Try asking, not demanding: “Would you be willing to …?”",
    },
    apologyTitle: "A sincere apology",
    apologyLead: "An apology you kept in the drafts vault can be part of the talk.",
    apologyNone: "No apology kept yet. In the drafts vault, tick “Keep as a sincere apology” on a draft.",
    apologyPick: "Use this apology",
    apologyUsed: "In your plan:",
    apologyRemove: "Take it out",
    outcomeTitle: "How did it go?",
    outcomeLead: "After you have talked, record the answer. Either way, you did something brave.",
    outcomes: {
      want_to_try: "We both want to try",
      not_yet: "Not yet: we will talk again",
      no: "They don't want to try",
    },
    outcomeLegend: "The outcome",
    outcomeButton: "Record the outcome",
    history: (n) => (n === 1 ? "Talked once so far." : `Talked ${n} times so far.`),
    notYetNote: "Not yet. Take care of yourself meanwhile; step 5 stays open.",
  },

  together: {
    title: "A better relationship",
    lead: "Respect over romance: it is what lasts. Clear the air, agree on what changes, and keep checking in.",
    lists: {
      bothered_me: ["What bothered me", "Things that hurt or wore you down."],
      bothered_them: ["What bothered them", "In their words, as they told you."],
      on_the_table: ["On the table", "Secrets or worries to bring into the open."],
      i_ask: ["What I ask of them", ""],
      they_ask: ["What they ask of me", ""],
      my_commitments: ["My commitments", "Including what I will change."],
      their_commitments: ["Their commitments", "Including what they will change."],
      own_rules: ["Our own house rules", "Beside the three below."],
    },
    clearAir: "Clear the air",
    commitments: "Commitments",
    addLabel: (title) => `Add to “${title}”`,
    add: "Add",
    remove: "Remove",
    removeLabel: (text) => `Remove “${text}”`,
    empty: "Nothing here yet.",
    rulesTitle: "House rules",
    ruleCheckIn: "A regular check-in with each other",
    ruleCooldown: "A cooldown when an argument heats up",
    ruleTherapy: "Couples therapy",
    everyLabel: "Check in every",
    unitLabel: "Weeks or months",
    units: { week: "weeks", month: "months" },
    remindersLabel: "Remind me when a check-in is due",
    firstLabel: "First (or next) check-in, optional",
    firstHint: "Leave empty to count one cadence from today.",
    cooldownLabel: "Cooldown length (minutes)",
    saveRules: "Save house rules",
    nextCheckIn: (when) => `Next check-in: ${when}.`,
    noReminders: "Check-in reminders are off.",
    cooldownTitle: "Cooldown",
    cooldownLead: "When it heats up, pause. Breathe, walk, drink some water. Come back when the timer ends.",
    cooldownStart: (m) => `Start a ${m}-minute cooldown`,
    cooldownLeft: (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")} left`,
    cooldownStop: "Stop the cooldown",
    cooldownOver: "Time is up. Go back to the talk when you are both ready.",
    checkInTitle: "Check-in",
    checkInLead: "A few quiet minutes together. Short answers are fine.",
    checkIn: {
      i_feel: "How I feel",
      they_feel: "How they feel",
      works: "What works",
      does_not: "What does not",
      change: "One thing to change",
    },
    checkInSave: "Save the check-in",
    historyTitle: "Earlier check-ins",
    historyEmpty: "Your check-ins will be kept here, for months and years.",
  },

  movingOn: {
    title: "Moving on",
    lead: "This is a good ending too. Close the chapter in your own words; nothing here is ever sent.",
    chooseTitle: "Take the moving-on path",
    chooseLead:
      "You can choose this at any time. Steps that lead back to them close; no contact and looking after yourself stay, counted as days of moving on.",
    chooseButton: "I choose to move on",
    chooseConfirm: "Reaching out and step 6 will close for this program. Your notes, days and drafts stay.",
    chooseYes: "Yes, I choose to move on",
    chooseCancel: "Not now",
    fields: {
      note: ["A note to close the chapter", "To them, or to yourself. It is never sent."],
      learned: ["What I learned", ""],
      work_on: ["What I will work on", ""],
      next_time: ["What I want next time", ""],
    },
    closeTitle: "Close this program",
    closeLead: "When you are ready: keep it in the archive, readable and unchangeable, or erase it. Then you can start afresh.",
    archiveButton: "Archive this program",
    archived: "Archived. It is kept, read-only, under Archive.",
    eraseTitle: "Erase instead",
    eraseLead: (word) => `Erasing removes this program for good: every answer, draft, note and day. Type “${word}” to confirm.`,
    eraseWord: "erase",
    eraseLabel: "Confirmation word",
    eraseButton: "Erase this program",
    erased: "Erased.",
    backupsNote: "The automatic backups of the last days still hold a copy until they are replaced.",
    newProgram: "Start a new program",
  },

  archive: {
    title: "Archive",
    lead: "Programs you closed, kept as they were. They can be read, not changed.",
    empty: "Nothing archived.",
    archivedOn: (when) => `Archived ${when}.`,
    open: "Read",
    about: (name, days) => `About ${name}. Best run without contact: ${days} ${days === 1 ? "day" : "days"}.`,
    endings: { together: "Ended back together.", moving_on: "Ended moving on, with closure." },
    counts: (drafts, checkIns) => `${drafts} ${drafts === 1 ? "draft" : "drafts"}, ${checkIns} ${checkIns === 1 ? "check-in" : "check-ins"}.`,
    back: "All archived programs",
  },

  homeEndings: {
    movingOnTitle: "Moving on",
    movingOnLead: "You chose yourself. Close the chapter in your own words, at your own pace.",
    movingOnGo: "Open your closure notes",
    daysUnit: (n) => (n === 1 ? "day of moving on" : "days of moving on"),
    togetherTitle: "Together again",
    togetherLead: "You both chose to try. Keep the house rules, and keep checking in.",
    togetherGo: "Open “A better relationship”",
    otherPath: "Would you rather move on? That path is open at any time.",
    otherPathLink: "Moving on",
    archives: (n) => (n === 1 ? "One earlier program is archived." : `${n} earlier programs are archived.`),
  },

  fatalTitle: "Crossroads can't open your data",
  fatalHint: "Close any other Crossroads window and try again. Your entries have not been changed.",
  genericError: "Something went wrong, and what you just did may not have been saved. Please try again.",

  // ---- Care (issue 8): the card, the country, the safety plan, after abuse.
  care: {
    support: "Support",
    supportLabel: "Support: help lines and your safety plan",
    announce: "Help lines are shown above. Your text is kept as you wrote it.",
    titles: {
      higher: "Please stay safe right now",
      lower: "That sounds really heavy",
      danger: "You deserve to be safe",
      asked: "Support, whenever you need it",
    },
    leads: {
      higher:
        "What you wrote is kept as you wrote it. If you might act on these thoughts, call the emergency number now, or a line below. Your own plan is here too.",
      lower:
        "What you wrote is kept. Feeling hopeless or trapped after a breakup is common, and it can ease. Would your plan help right now, or a voice on a line?",
      danger:
        "What you wrote is kept. If someone is hurting, threatening or controlling you, it is not your fault. These lines help, confidentially.",
      asked: "Lines that answer, and your own plan. Nothing here is sent anywhere.",
    },
    notAllDay: (country, emergency) =>
      `In ${country}, no crisis line answers around the clock for everyone. Outside its hours, call ${emergency}.`,
    notListed:
      "Your country isn't on Crossroads' list. If you are in danger, call your local emergency number first. This free directory lists helplines in many countries:",
    noCountry:
      "Crossroads doesn't know your country yet, so it won't guess. If you are in danger, call your local emergency number first. This free directory lists helplines in many countries:",
    chooseCountry: "Choose your country, to see its lines here",
    planTitle: "Your safety plan",
    planEmpty: "A safety plan, in your own words, helps in the hardest moments.",
    planMake: "Make one now",
    planLink: "My safety plan",
    groundingTitle: "Right now, for one minute",
    grounding:
      "Put both feet on the floor. Name five things you can see, four you can hear, three you can touch. Breathe out slowly, longer than you breathe in.",
  },

  country: {
    label: "Your country",
    hint: "So Crossroads shows help lines that reach you. It never guesses.",
    choose: "Choose your country…",
    notListed: "My country isn't listed",
    save: "Save country",
    saved: "Saved. Safety shows this country's lines first.",
  },

  plan: {
    title: "My safety plan",
    lead:
      "A plan for the hardest moments, in your own words. It stays on this computer. Fill in what you can; you can come back to it any time.",
    fields: {
      warning_signs: ["My warning signs", "The thoughts, moods or moments that tell me a crisis may be coming."],
      calming: ["What calms me, on my own", "Things I can do by myself: a walk, music, a shower, a pet."],
      people_places: ["People and places that help", "Where I can go, and who can take my mind off it."],
      who_to_call: ["Who I can call", "Friends, family, a doctor. The lines of your country are listed below."],
      safer_surroundings: ["Making my surroundings safer", "What I can put away, or ask someone to keep for me, for now."],
    },
    short: {
      who_to_call: "Who to call",
      calming: "What calms you",
      people_places: "People and places",
    },
    save: "Save my plan",
    saved: "Saved.",
    linesTitle: "Lines for your country",
    openFromSafety: "My safety plan",
    openFromSafetyLead: "Your own plan for the hardest moments: warning signs, what calms you, who to call.",
  },

  afterAbuse: {
    title: "If they reach out",
    lead: "You don't owe them an answer, and you don't have to explain.",
    steps: [
      "Don't engage: no reply is a complete answer.",
      "Keep a record: save messages, calls and dates, somewhere they can't see.",
      "If you feel unsafe, call the abuse line or the emergency number.",
    ],
  },

  necessary: {
    group: "Necessary contact",
    lead: "Children, a shared home, work: some contact can't wait. It doesn't end your streak. Keep it short, and about the practical matter only.",
    logged: "Logged. Necessary contact doesn't end your streak. Short and practical is enough.",
  },

  clocks: {
    lookingNote:
      "Two clocks: the day count above counts days without contact. Reaching out (step 5) waits for days with neither contact nor looking, so checking their profile or driving past sets that one back.",
  },

  hurtThem: {
    question: "Have you hurt them, or been afraid you might?",
    hint: "Optional, and only for you. An honest answer helps Crossroads help you.",
    notAnswered: "I'd rather not say",
    title: "Wanting to stop is a strong first step",
    body:
      "Crossroads won't guide you back toward them. Support exists for people who want to stop hurting a partner: your doctor or a counsellor can help you find a programme near you, confidentially. In the UK, the Respect Phoneline helps people who are worried their behaviour is abusive.",
  },
};

function weeksText(n) {
  return n === 1 ? "a week" : `${n} weeks`;
}
