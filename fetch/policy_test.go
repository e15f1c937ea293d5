package fetch_test

import (
	"net/netip"
	"testing"

	"github.com/qabot/qabot/fetch"
)

func TestPolicyCheck(t *testing.T) {
	tests := []struct {
		addr    string
		allowed bool
	}{
		{"93.184.216.34", true},
		{"1.1.1.1", true},
		{"2606:4700:4700::1111", true},
		{"127.0.0.1", false},
		{"127.255.255.254", false},
		{"::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:93.184.216.34", true},
		{"10.0.0.1", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"172.32.0.1", true},
		{"192.168.0.1", false},
		{"169.254.169.254", false},
		{"169.254.0.1", false},
		{"100.64.0.1", false},
		{"100.100.100.200", false},
		{"0.0.0.0", false},
		{"0.255.255.255", false},
		{"192.0.0.8", false},
		{"192.0.2.1", false},
		{"198.18.0.1", false},
		{"198.51.100.7", false},
		{"203.0.113.9", false},
		{"224.0.0.1", false},
		{"239.255.255.250", false},
		{"240.0.0.1", false},
		{"255.255.255.255", false},
		{"168.63.129.16", false},
		{"::", false},
		{"fe80::1", false},
		{"fe80::1%eth0", false},
		{"fc00::1", false},
		{"fd00:ec2::254", false},
		{"ff02::1", false},
		{"fec0::1", false},
		{"2001:db8::1", false},
		{"2001::1", false},
		{"2002:a00:1::", false},
		{"64:ff9b::7f00:1", false},
		{"100::1", false},
	}
	var p fetch.Policy
	for _, tt := range tests {
		err := p.Check(netip.MustParseAddr(tt.addr))
		if got := err == nil; got != tt.allowed {
			t.Errorf("Policy{}.Check(%s) = %v; want allowed %v", tt.addr, err, tt.allowed)
		}
		if err != nil && fetch.ReasonOf(err) != fetch.ReasonBlockedAddress {
			t.Errorf("Policy{}.Check(%s) reason = %q; want %q", tt.addr, fetch.ReasonOf(err), fetch.ReasonBlockedAddress)
		}
	}
	if err := p.Check(netip.Addr{}); err == nil {
		t.Errorf("Policy{}.Check(invalid) = nil; want refused")
	}
}

func TestPolicyAllow(t *testing.T) {
	allow, err := fetch.ParseAllow("10.1.0.0/16, 192.168.1.20 fd12::/16")
	if err != nil {
		t.Fatal(err)
	}
	p := fetch.Policy{Allow: allow}
	for addr, want := range map[string]bool{
		"10.1.2.3":        true,
		"10.2.0.1":        false,
		"192.168.1.20":    true,
		"192.168.1.21":    false,
		"::ffff:10.1.0.9": true,
		"fd12::5":         true,
		"fd13::5":         false,
		"127.0.0.1":       false,
		"169.254.169.254": false,
		"93.184.216.34":   true,
	} {
		if got := p.Check(netip.MustParseAddr(addr)) == nil; got != want {
			t.Errorf("Policy{%v}.Check(%s) allowed = %v; want %v", allow, addr, got, want)
		}
	}
	for _, bad := range []string{"10.0.0.0/33", "not-an-address", "10.0.0"} {
		if _, err := fetch.ParseAllow(bad); err == nil {
			t.Errorf("ParseAllow(%q) = nil error; want an error", bad)
		}
	}
}

// The Control hook is the last check before connect(2); it is called here
// directly, so that no test ever dials a refused address to prove it.
func TestPolicyControl(t *testing.T) {
	var p fetch.Policy
	for _, tt := range []struct {
		network, address string
		allowed          bool
	}{
		{"tcp4", "93.184.216.34:443", true},
		{"tcp6", "[2606:4700:4700::1111]:443", true},
		{"tcp4", "127.0.0.1:80", false},
		{"tcp6", "[::1]:80", false},
		{"tcp4", "169.254.169.254:80", false},
		{"tcp4", "10.0.0.1:80", false},
		{"tcp6", "[::ffff:10.0.0.1]:80", false},
		{"udp4", "93.184.216.34:53", false},
		{"tcp4", "news.example:80", false},
	} {
		err := p.Control(tt.network, tt.address, nil)
		if got := err == nil; got != tt.allowed {
			t.Errorf("Control(%s, %s) = %v; want allowed %v", tt.network, tt.address, err, tt.allowed)
		}
	}
	lo := fetch.Policy{Allow: loopback}
	if err := lo.Control("tcp4", "127.0.0.1:80", nil); err != nil {
		t.Errorf("Control with loopback allowed: %v", err)
	}
}
