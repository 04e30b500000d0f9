package handlers

import (
	"net"
	"strings"
)

// parseCIDR accepts a CIDR range or a single address.
func parseCIDR(s string) (net.IP, *net.IPNet, error) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "/") {
		if strings.Contains(s, ":") {
			s += "/128"
		} else {
			s += "/32"
		}
	}
	return net.ParseCIDR(s)
}
