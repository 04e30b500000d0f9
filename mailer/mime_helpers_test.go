package mailer_test

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
)

// mimePart is one node of a parsed MIME tree.
type mimePart struct {
	Type     string            // media type, lower case
	Params   map[string]string // Content-Type parameters
	Header   map[string][]string
	Body     []byte // decoded body of a leaf
	Children []*mimePart
}

// shape renders the tree as type{child,child}.
func (p *mimePart) shape() string {
	if len(p.Children) == 0 {
		return p.Type
	}
	var parts []string
	for _, c := range p.Children {
		parts = append(parts, c.shape())
	}
	return p.Type + "{" + strings.Join(parts, ",") + "}"
}

// find returns the first part of the given media type, depth first.
func (p *mimePart) find(mediaType string) *mimePart {
	if p.Type == mediaType {
		return p
	}
	for _, c := range p.Children {
		if f := c.find(mediaType); f != nil {
			return f
		}
	}
	return nil
}

// parseMessage parses a raw message into its header and MIME tree.
func parseMessage(t *testing.T, raw []byte) (*mail.Message, *mimePart) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("read message: %v", err)
	}
	root, err := parsePart(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), map[string][]string(msg.Header), msg.Body)
	if err != nil {
		t.Fatalf("parse MIME: %v", err)
	}
	return msg, root
}

// parsePart parses one part with its content type and body.
func parsePart(ct, cte string, hdr map[string][]string, body io.Reader) (*mimePart, error) {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return nil, err
	}
	p := &mimePart{Type: mt, Params: params, Header: hdr}
	if !strings.HasPrefix(mt, "multipart/") {
		p.Body, err = io.ReadAll(body)
		if err == nil && strings.EqualFold(cte, "base64") {
			p.Body, err = base64.StdEncoding.DecodeString(strings.NewReplacer("\r", "", "\n", "").Replace(string(p.Body)))
		}
		return p, err
	}
	mr := multipart.NewReader(body, params["boundary"])
	for {
		np, err := mr.NextPart()
		if err == io.EOF {
			return p, nil
		}
		if err != nil {
			return nil, err
		}
		c, err := parsePart(np.Header.Get("Content-Type"), np.Header.Get("Content-Transfer-Encoding"), np.Header, np)
		if err != nil {
			return nil, err
		}
		p.Children = append(p.Children, c)
	}
}

// header returns a part header's first value.
func (p *mimePart) header(name string) string {
	for k, v := range p.Header {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}
