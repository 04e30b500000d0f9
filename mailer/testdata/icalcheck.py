"""Reads one iCalendar object on stdin and prints, as JSON, what python3-icalendar found in it.

An independent check of Convene's calendars (mailer/ical_parsers_test.go reads the
output). Run with Debian's interpreter:
    /usr/bin/python3 mailer/testdata/icalcheck.py < invite.ics
"""
import datetime
import json
import sys

from icalendar import Calendar


def text(component, name):
    """A text property, unescaped, or "" when absent."""
    prop = component.get(name)
    return "" if prop is None else str(prop)


def when(component, name):
    """A date-time as UTC ISO text and its zone: "UTC", a TZID, "" if floating."""
    prop = component.get(name)
    if prop is None:
        return "", ""
    dt = prop.dt
    if not isinstance(dt, datetime.datetime):
        return dt.isoformat(), "DATE"
    if dt.tzinfo is None:
        return dt.isoformat(), ""
    utc = dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return utc, dt.tzname() or ""


def address(prop):
    """An ORGANIZER or ATTENDEE value with the parameters Convene writes."""
    params = {key.upper(): str(value) for key, value in prop.params.items()}
    return {"value": str(prop), "cn": params.get("CN", ""),
            "role": params.get("ROLE", ""), "partstat": params.get("PARTSTAT", ""),
            "rsvp": params.get("RSVP", "")}


def attendees(component):
    """Every ATTENDEE of a component."""
    found = component.get("attendee")
    if found is None:
        return []
    if not isinstance(found, list):
        found = [found]
    return [address(a) for a in found]


def alarms(component):
    """Every VALARM's action, trigger (seconds) and description."""
    return [{"action": text(sub, "action"),
             "trigger_seconds": int(sub.decoded("trigger").total_seconds()),
             "description": text(sub, "description")}
            for sub in component.subcomponents if sub.name == "VALARM"]


def event(ev):
    """What one VEVENT says."""
    out = {"uid": text(ev, "uid"), "summary": text(ev, "summary"),
           "description": text(ev, "description"), "location": text(ev, "location"),
           "url": text(ev, "url"), "status": text(ev, "status"),
           "sequence": int(ev.decoded("sequence")) if "sequence" in ev else -1,
           "attendees": attendees(ev), "alarms": alarms(ev),
           "errors": [str(e) for e in ev.errors]}
    for name, key in (("dtstart", "start"), ("dtend", "end"), ("dtstamp", "stamp")):
        out[key], out[key + "_zone"] = when(ev, name)
    org = ev.get("organizer")
    out["organizer"] = None if org is None else address(org)
    return out


def main():
    cal = Calendar.from_ical(sys.stdin.buffer.read())
    json.dump({"method": text(cal, "method"), "version": text(cal, "version"),
               "prodid": text(cal, "prodid"), "calscale": text(cal, "calscale"),
               "errors": [str(e) for e in cal.errors],
               "events": [event(c) for c in cal.walk("VEVENT")]},
              sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
