// Reads one iCalendar object on stdin and prints, as JSON, what ical.js (Thunderbird's
// parser) found in it: an optional independent check of Convene's calendars
// (mailer/ical_parsers_test.go reads the output).
//   npm ci --prefix mailer/testdata/icaljs
//   node mailer/testdata/icaljs/icalcheck.mjs < invite.ics
import ICAL from "ical.js";
import { readFileSync } from "node:fs";

const text = (c, name) => {
  const v = c.getFirstPropertyValue(name);
  return v === null || v === undefined ? "" : String(v);
};

// when is a date-time as UTC ISO text and its zone: "UTC", a TZID, "" if floating.
const when = (c, name) => {
  const p = c.getFirstProperty(name);
  if (!p) return ["", ""];
  const t = p.getFirstValue();
  let zone = p.getParameter("tzid") || "";
  if (t.zone === ICAL.Timezone.utcTimezone) zone = "UTC";
  const iso = t.toJSDate().toISOString().replace(/\.\d{3}Z$/, "Z");
  return [zone === "" ? t.toString() : iso, zone];
};

const address = (p) => ({
  value: String(p.getFirstValue()),
  cn: p.getParameter("cn") || "",
  role: p.getParameter("role") || "",
  partstat: p.getParameter("partstat") || "",
  rsvp: p.getParameter("rsvp") || "",
});

const event = (ev) => {
  const out = {
    uid: text(ev, "uid"), summary: text(ev, "summary"), description: text(ev, "description"),
    location: text(ev, "location"), url: text(ev, "url"), status: text(ev, "status"),
    sequence: ev.hasProperty("sequence") ? ev.getFirstPropertyValue("sequence") : -1,
    attendees: ev.getAllProperties("attendee").map(address),
    alarms: ev.getAllSubcomponents("valarm").map((a) => ({
      action: text(a, "action"),
      trigger_seconds: a.getFirstPropertyValue("trigger").toSeconds(),
      description: text(a, "description"),
    })),
    errors: [],
  };
  for (const [name, key] of [["dtstart", "start"], ["dtend", "end"], ["dtstamp", "stamp"]]) {
    [out[key], out[key + "_zone"]] = when(ev, name);
  }
  const org = ev.getFirstProperty("organizer");
  out.organizer = org ? address(org) : null;
  return out;
};

const cal = new ICAL.Component(ICAL.parse(readFileSync(0, "utf8")));
process.stdout.write(JSON.stringify({
  method: text(cal, "method"), version: text(cal, "version"),
  prodid: text(cal, "prodid"), calscale: text(cal, "calscale"), errors: [],
  events: cal.getAllSubcomponents("vevent").map(event),
}));
