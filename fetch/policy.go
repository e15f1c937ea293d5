package fetch

import (
	"net/netip"
	"strings"
	"syscall"
)

// A Policy decides which addresses a Fetcher may connect to. The zero
// value refuses every special-purpose address (loopback, private, link
// local, cloud metadata, carrier-grade NAT, documentation, multicast,
// reserved, and IPv6 forms that embed IPv4 addresses) and allows the rest
// of the public internet.
type Policy struct {
	// Allow lists prefixes that are allowed even though they are special,
	// for private deployments ("10.1.0.0/16" where the intranet's news
	// site lives). An empty list allows none.
	Allow []netip.Prefix
}

// blocked are the special-purpose ranges of the IANA IPv4 and IPv6
// special-purpose address registries (RFC 6890 and its updates) that are
// not already caught by the netip predicates in Policy.Check, plus the
// metadata services of cloud providers that sit on public addresses.
var blocked = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",         // "this network"
		"100.64.0.0/10",     // carrier-grade NAT (also Alibaba's metadata at 100.100.100.200)
		"192.0.0.0/24",      // IETF protocol assignments
		"192.0.2.0/24",      // TEST-NET-1
		"192.88.99.0/24",    // 6to4 relay anycast
		"198.18.0.0/15",     // benchmarking
		"198.51.100.0/24",   // TEST-NET-2
		"203.0.113.0/24",    // TEST-NET-3
		"240.0.0.0/4",       // reserved, and the broadcast address
		"168.63.129.16/32",  // Azure's wire server and metadata
		"::/128",            // unspecified
		"64:ff9b::/96",      // NAT64: embeds an IPv4 address
		"64:ff9b:1::/48",    // local NAT64
		"100::/64",          // discard-only
		"2001::/23",         // IETF protocol assignments (Teredo, ORCHIDs, ...)
		"2001:db8::/32",     // documentation
		"2002::/16",         // 6to4: embeds an IPv4 address
		"3fff::/20",         // documentation
		"5f00::/16",         // segment routing
		"fec0::/10",         // deprecated site-local
		"fd00:ec2::254/128", // AWS metadata over IPv6 (also inside fc00::/7)
		"::ffff:0:0:0/96",   // IPv4-translated
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

// Check returns nil when the policy allows a connection to addr, and a
// *Error with ReasonBlockedAddress otherwise.
func (p Policy) Check(addr netip.Addr) error {
	if p.allowed(addr) {
		return nil
	}
	return &Error{Reason: ReasonBlockedAddress, Addr: addr.String()}
}

func (p Policy) allowed(addr netip.Addr) bool {
	if !addr.IsValid() {
		return false
	}
	addr = addr.WithZone("")
	for _, pre := range p.Allow {
		if pre.Contains(addr) || pre.Contains(addr.Unmap()) {
			return true
		}
	}
	// An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is the IPv4 address.
	addr = addr.Unmap()
	switch {
	case addr.IsLoopback(), addr.IsPrivate(), addr.IsUnspecified(),
		addr.IsLinkLocalUnicast(), addr.IsLinkLocalMulticast(),
		addr.IsInterfaceLocalMulticast(), addr.IsMulticast():
		return false
	}
	for _, pre := range blocked {
		if pre.Contains(addr) {
			return false
		}
	}
	return true
}

// Control is a net.Dialer Control hook that refuses a connection the
// policy does not allow. It runs after name resolution, on the address the
// socket is about to connect to, before any packet leaves; it is the last
// line of the Fetcher's defence (the first is the check of every resolved
// address), so that no path through net/http can reach a refused address.
func (p Policy) Control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return &Error{Reason: ReasonBlockedAddress, Addr: address, Err: err}
	}
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return &Error{Reason: ReasonBlockedAddress, Addr: address}
	}
	return p.Check(ap.Addr())
}

// ParseAllow reads an allow-list: comma- or space-separated prefixes
// ("10.0.0.0/8, fd12::/16") or single addresses ("192.168.1.20").
func ParseAllow(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
		if strings.Contains(f, "/") {
			p, err := netip.ParsePrefix(f)
			if err != nil {
				return nil, err
			}
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, err
		}
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}
