package directory

import (
	"errors"
	"strings"
	"testing"
)

// mustParse parses a file that must be readable.
func mustParse(t *testing.T, data string) *Result {
	t.Helper()
	res, err := Parse([]byte(data))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return res
}

func TestParseMessyButReadable(t *testing.T) {
	data := "\uFEFFEmail;NAME;Department;interests;Language\r\n" +
		"ana@example.com;\"Ana\r\nLopez\";Sales;\"go;sql\";ru-RU\r\n" +
		"\r\n" +
		";;;;\r\n" +
		"bo@example.com;Bo;Data;seo, ppc;Deutsch\r\n"
	res := mustParse(t, data)
	if len(res.Errors) != 0 || len(res.Rows) != 2 {
		t.Fatalf("rows %d errors %v", len(res.Rows), res.Errors)
	}
	ana, bo := res.Rows[0], res.Rows[1]
	if ana.Line != 2 || ana.Person.Name != "Ana Lopez" || ana.Person.Language != "ru" || ana.Person.Timezone != "UTC" {
		t.Errorf("ana = %+v", ana)
	}
	if strings.Join(ana.Person.Interests, "|") != "go|sql" || strings.Join(bo.Person.Interests, "|") != "seo|ppc" {
		t.Errorf("interests %v %v", ana.Person.Interests, bo.Person.Interests)
	}
	if bo.Line != 6 || bo.Person.Language != "en" {
		t.Errorf("bo = %+v", bo)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Code != UnknownLanguage || res.Warnings[0].Line != 6 {
		t.Errorf("warnings %+v", res.Warnings)
	}
}

func TestParseBadRowsAreReportedAndSkipped(t *testing.T) {
	data := "timezone,email,name\n" +
		"Europe/Berlin,ok@example.com,Ok\n" +
		"UTC,not-an-address,Bad\n" +
		"Mars/Olympus,mars@example.com,Martian\n" +
		"UTC,OK@Example.COM,Again\n" +
		"UTC,,No address\n" +
		"UTC,extra@example.com,Extra,field\n" +
		"UTC,\"quote@example.com,Q\n"
	res := mustParse(t, data)
	want := []Problem{{3, InvalidEmail, "not-an-address"}, {4, UnknownTimezone, "Mars/Olympus"},
		{5, DuplicateEmail, "2"}, {6, MissingEmail, ""}, {7, TooManyFields, "4"}, {8, BadQuotes, ""}}
	if len(res.Errors) != len(want) {
		t.Fatalf("errors %+v", res.Errors)
	}
	for i, w := range want {
		if res.Errors[i] != w {
			t.Errorf("error %d = %+v, want %+v (%s)", i, res.Errors[i], w, res.Errors[i].Message())
		}
	}
	if len(res.Rows) != 1 || res.Rows[0].Person.Email != "ok@example.com" {
		t.Errorf("rows %+v", res.Rows)
	}
	if !strings.Contains(res.Errors[1].Message(), `"Mars/Olympus"`) {
		t.Errorf("time zone message %q", res.Errors[1].Message())
	}
}

func TestParseRefusesWholeFile(t *testing.T) {
	cp1251 := []byte("email,name\nanna@example.com,\xC0\xED\xED\xE0 \xD1\xEC\xE8\xF0\xED\xEE\xE2\xE0\n")
	latin1 := []byte("email,name\nj@example.com,Jos\xE9 Garc\xEDa\n")
	cases := []struct {
		name, code, says string
		data             []byte
	}{
		{"windows-1251", NotUTF8, "looks like Windows-1251", cp1251},
		{"latin-1", NotUTF8, "Windows-1252", latin1},
		{"utf-16", UTF16, "UTF-16", []byte{0xFF, 0xFE, 'e', 0}},
		{"no email column", NoEmailColumn, "found: name, department", []byte("name,department\nAna,Sales\n")},
		{"empty", Empty, "empty", []byte("\uFEFF\r\n\r\n")},
	}
	for _, c := range cases {
		_, err := Parse(c.data)
		var fe *FileError
		if !errors.As(err, &fe) || fe.Code != c.code || !strings.Contains(fe.Error(), c.says) {
			t.Errorf("%s: got %v", c.name, err)
		}
	}
}

func TestParseUnknownColumnsAndShortRows(t *testing.T) {
	res := mustParse(t, "email,phone,name,department\nshort@example.com\n")
	if len(res.Rows) != 1 || len(res.Warnings) != 1 || res.Warnings[0].Value != "phone" {
		t.Fatalf("rows %+v warnings %+v", res.Rows, res.Warnings)
	}
}

// TestParseCityIsTheLocation: HR exports name the location column City.
func TestParseCityIsTheLocation(t *testing.T) {
	res := mustParse(t, "Email,City\nana@example.com,Berlin\n")
	if len(res.Rows) != 1 || res.Rows[0].Person.Location != "Berlin" || len(res.Warnings) != 0 {
		t.Fatalf("rows %+v warnings %+v", res.Rows, res.Warnings)
	}
}
