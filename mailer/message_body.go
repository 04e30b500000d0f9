package mailer

import (
	"io"
	"sync"
)

// A message's parts are written straight from the stored strings while go-mail encodes them,
// instead of from copies made when the message is built (go-mail's Add…String copies): with
// 20 KB bodies and thousands of messages, the copies were a sixth of a fan-out's allocations,
// and so of its garbage collection.

// chunkSize is how much of a body is handed to the encoder at a time.
const chunkSize = 8 << 10

// chunks are the reusable buffers bodies pass through on their way to the encoder.
var chunks = sync.Pool{New: func() any { b := make([]byte, chunkSize); return &b }}

// stringWriter writes s, each time it is called (a message may be written more than once).
func stringWriter(s string) func(io.Writer) (int64, error) {
	return func(w io.Writer) (int64, error) { return writeString(w, s) }
}

// bytesWriter writes b, each time it is called.
func bytesWriter(b []byte) func(io.Writer) (int64, error) {
	return func(w io.Writer) (int64, error) {
		n, err := w.Write(b)
		return int64(n), err
	}
}

// writeString writes s to w through a pooled buffer: converting s to a []byte for w.Write would
// copy all of it.
func writeString(w io.Writer, s string) (int64, error) {
	if sw, ok := w.(io.StringWriter); ok {
		n, err := sw.WriteString(s)
		return int64(n), err
	}
	bp := chunks.Get().(*[]byte)
	defer chunks.Put(bp)
	var n int64
	for len(s) > 0 {
		k := copy(*bp, s)
		m, err := w.Write((*bp)[:k])
		n += int64(m)
		if err != nil {
			return n, err
		}
		s = s[k:]
	}
	return n, nil
}
