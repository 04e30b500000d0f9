package directory

import (
	"bytes"
	"unicode/utf8"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// checkEncoding strips a UTF-8 byte-order mark and refuses anything that is not UTF-8.
func checkEncoding(data []byte) ([]byte, error) {
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		return nil, &FileError{Code: UTF16}
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	if utf8.Valid(data) {
		return data, nil
	}
	bad := firstInvalid(data)
	return nil, &FileError{Code: NotUTF8, Line: 1 + bytes.Count(data[:bad], []byte{'\n'}), Value: guessCharset(data)}
}

// firstInvalid is the offset of the first byte that does not start a valid UTF-8 sequence.
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// guessCharset names the likely single-byte code page. Cyrillic words in Windows-1251 are runs of
// bytes 0xC0–0xFF; Western accented letters (Windows-1252, Latin-1) mostly stand alone between ASCII ones.
func guessCharset(data []byte) string {
	var high, pairs int
	for i, b := range data {
		if b < 0x80 {
			continue
		}
		high++
		if b >= 0xC0 && i > 0 && data[i-1] >= 0xC0 {
			pairs++
		}
	}
	if high > 0 && pairs*2 >= high {
		return "Windows-1251"
	}
	return "Windows-1252 or Latin-1"
}
