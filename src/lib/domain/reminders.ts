// The words of a cue or a reminder, as one small message (subject, a few lines, one link) rendered as plain text and
// HTML. Pure: the tick decides who and when (src/lib/server/notify/), this decides what it says.
import { formatDay, type IsoDate } from "./dates";

export interface Message {
  subject: string;
  lines: string[];
  link: { label: string; url: string };
}

/** The ledger's kind of each scheduled send (NotificationSend.kind) and the mail's kind. */
export const SEND_KINDS = {
  digest: "digest",
  cue: "cue",
  ritual: "ritual-reminder",
  actionDue: "action-due",
  actionOverdue: "action-overdue",
  barrier: "barrier-reminder",
  survey: "survey-reminder",
  surveySummary: "survey-summary",
} as const;

export function cueMessage(c: { behaviourTitle: string; message: string; logUrl: string }): Message {
  return {
    subject: `Cue: ${c.behaviourTitle}`,
    lines: [c.message, `When you have done it (or missed it), one tap logs it.`],
    link: { label: `Log “${c.behaviourTitle}”`, url: c.logUrl },
  };
}

export function ritualReminder(r: { title: string; date: IsoDate; startTime: string | null; url: string }): Message {
  const when = `${formatDay(r.date)}${r.startTime ? ` at ${r.startTime}` : ""}`;
  return {
    subject: `Tomorrow: ${r.title}`,
    lines: [`${r.title} meets tomorrow, ${when}.`, "Look at the agenda beforehand and add what you want to raise."],
    link: { label: "Open the agenda", url: r.url },
  };
}

export function actionReminder(a: { title: string; dueOn: IsoDate; overdue: boolean; url: string }): Message {
  return a.overdue
    ? {
        subject: `Overdue: ${a.title}`,
        lines: [`Your action “${a.title}” was due ${formatDay(a.dueOn)}.`, "Close it, or change its due date."],
        link: { label: "Open the action", url: a.url },
      }
    : {
        subject: `Due today: ${a.title}`,
        lines: [`Your action “${a.title}” is due today.`],
        link: { label: "Open the action", url: a.url },
      };
}

export function barrierReminder(b: { title: string; url: string }): Message {
  return {
    subject: `Evidence wanted: ${b.title}`,
    lines: [
      `An intervention is under way on the barrier “${b.title}”.`,
      "Record the before-and-after evidence to mark it removed, or move it on.",
    ],
    link: { label: "Open the barrier", url: b.url },
  };
}

export function surveyReminder(s: { title: string; closesOn: IsoDate; url: string }): Message {
  return {
    subject: `Closes tomorrow: ${s.title}`,
    lines: [
      `The survey “${s.title}” takes its last responses tomorrow, ${formatDay(s.closesOn)}.`,
      "It takes a few minutes, and there are no right answers: what gets in the way is what we want to learn.",
    ],
    link: { label: "Answer the survey", url: s.url },
  };
}

export function surveyClosingSummary(s: {
  title: string;
  closesOn: IsoDate;
  responses: number;
  doers: number;
  nonDoers: number;
  url: string;
}): Message {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return {
    subject: `Closes tomorrow: ${s.title} (${n(s.responses, "response", "responses")})`,
    lines: [
      `Your survey “${s.title}” closes tomorrow, ${formatDay(s.closesOn)}: ${n(s.responses, "response", "responses")}, ` +
        `${n(s.doers, "doer", "doers")} and ${n(s.nonDoers, "non-doer", "non-doers")} so far.`,
      "Everyone who has not answered yet was reminded today. Change the closing day on the survey's page if you need more time.",
    ],
    link: { label: "Open the survey", url: s.url },
  };
}

export function renderText(m: Message): string {
  return `${[...m.lines, "", `${m.link.label}: ${m.link.url}`].join("\n")}\n`;
}

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function renderHtml(m: Message): string {
  return (
    `<!doctype html><html><body>${m.lines.map((l) => `<p>${escape(l)}</p>`).join("")}` +
    `<p><a href="${escape(m.link.url)}">${escape(m.link.label)}</a></p></body></html>`
  );
}
