package mailer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// calParser is one independent reader of our calendars.
type calParser struct {
	name string
	// ready says why the parser cannot run here ("" when it can).
	ready func() string
	// required parsers fail under CI instead of skipping.
	required bool
	parse    func(b []byte) (seenCal, error)
	// quirk, when set, bends an expected event to a known bug of the parser.
	quirk func(want *seenEvent)
}

// pythonBin is Debian's interpreter, which has python3-icalendar (another python3 may come first in PATH).
const pythonBin = "/usr/bin/python3"

// calParsers are go-ical (always), python3-icalendar (required in CI) and ical.js (optional).
func calParsers() []calParser {
	return []calParser{
		{name: "go-ical", ready: func() string { return "" }, required: true, parse: seenByGoICal},
		{name: "python-icalendar", ready: pythonReady, required: true, parse: seenByPython, quirk: pythonQuirk},
		{name: "ical.js", ready: icalJSReady, parse: seenByICalJS},
	}
}

// requireParser skips the test when p cannot run, or fails it under CI when p is required.
func requireParser(t *testing.T, p calParser) {
	t.Helper()
	why := p.ready()
	if why == "" {
		return
	}
	if p.required && os.Getenv("CI") != "" {
		t.Fatalf("%s is required in CI: %s", p.name, why)
	}
	t.Skipf("%s not available: %s", p.name, why)
}

// pythonReady checks for /usr/bin/python3 with the icalendar module.
func pythonReady() string {
	if err := exec.Command(pythonBin, "-c", "import icalendar").Run(); err != nil {
		return fmt.Sprintf("%s -c 'import icalendar': %v; install with: apt-get install -y python3-icalendar", pythonBin, err)
	}
	return ""
}

// pythonQuirk: python3-icalendar 4.0 (Debian 12) reads an escaped backslash before an n (`\\n` in
// the file) as a newline, where RFC 5545 and go-ical read a backslash and an n: its unescape_char
// replaces in a fixed order. The escaping case holds such a pair on purpose.
func pythonQuirk(want *seenEvent) {
	want.Description = strings.ReplaceAll(want.Description, `\n`, "\n")
}

// seenByPython runs testdata/icalcheck.py on b.
func seenByPython(b []byte) (seenCal, error) {
	return runChecker(b, pythonBin, filepath.Join("testdata", "icalcheck.py"))
}

// icalJSDir holds the optional ical.js check: package.json, the script and (not committed) node_modules.
const icalJSDir = "testdata/icaljs"

// icalJSReady checks for node and an installed ical.js.
func icalJSReady() string {
	if _, err := exec.LookPath("node"); err != nil {
		return "node not found"
	}
	if _, err := os.Stat(filepath.Join(icalJSDir, "node_modules", "ical.js", "package.json")); err != nil {
		return "ical.js not installed; install with: npm ci --prefix mailer/testdata/icaljs"
	}
	return ""
}

// seenByICalJS runs testdata/icaljs/icalcheck.mjs on b.
func seenByICalJS(b []byte) (seenCal, error) {
	return runChecker(b, "node", filepath.Join(icalJSDir, "icalcheck.mjs"))
}

// runChecker feeds b to a checker script and decodes its JSON.
func runChecker(b []byte, bin string, args ...string) (seenCal, error) {
	var out, errOut bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(b), &out, &errOut
	if err := cmd.Run(); err != nil {
		return seenCal{}, fmt.Errorf("%s: %w: %s", bin, err, errOut.String())
	}
	var s seenCal
	if err := json.Unmarshal(out.Bytes(), &s); err != nil {
		return s, fmt.Errorf("%s output: %w: %s", bin, err, out.String())
	}
	return s, nil
}
