// Package fetch downloads web pages for qabot without letting a URL a user
// typed reach anything but the public web: the "server-side request
// forgery" guard.
//
// Only http and https URLs are fetched. Every name is resolved by the
// Fetcher itself (through an injectable Resolver), every resolved address
// is checked against a Policy before a connection is tried, and the
// dialer's Control hook checks the address the socket is about to connect
// to once more, before any packet leaves; redirects go through the same
// path, so a redirect to a private address is refused like a link to one.
// Proxies from the environment are ignored (a proxy would connect on our
// behalf, out of the guard's sight). Redirects, time, size and content
// type are capped. Every refusal is an *Error with a Reason that front
// ends turn into a message in the user's language.
package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Defaults of Options.
const (
	DefaultMaxBytes     = 5 << 20
	DefaultMaxRedirects = 5
	DefaultTimeout      = 20 * time.Second
	DefaultDialTimeout  = 5 * time.Second
	DefaultUserAgent    = "qabot/1 (+https://github.com/qabot/qabot)"
)

// DefaultTypes are the content types a Fetcher accepts by default: web
// pages and plain text.
var DefaultTypes = []string{"text/html", "application/xhtml+xml", "text/plain"}

// A Resolver looks up the addresses of a host name; *net.Resolver is one.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// A Dialer opens connections; *net.Dialer is one. A Fetcher only ever
// asks it to dial an IP address the Policy allowed.
type Dialer interface {
	DialContext(ctx context.Context, network, address string) (net.Conn, error)
}

// Options configure a Fetcher. Every zero field has a working default.
type Options struct {
	// Policy says which addresses may be reached; its Allow list opens
	// private ranges for private deployments.
	Policy Policy
	// Resolver resolves host names. Default net.DefaultResolver.
	Resolver Resolver
	// Dialer connects to the resolved, allowed addresses. Default
	// NewDialer(Policy, DialTimeout), whose Control hook re-checks every
	// address. Tests pass one that fails if asked for anything else.
	Dialer Dialer
	// MaxBytes caps the size of a page (body bytes). Default 5 MB.
	MaxBytes int64
	// MaxRedirects caps the redirects followed. Default 5; negative
	// follows none.
	MaxRedirects int
	// Timeout bounds a whole fetch, redirects and body included.
	Timeout time.Duration
	// DialTimeout bounds one connection attempt.
	DialTimeout time.Duration
	// Types are the accepted media types. Default DefaultTypes.
	Types []string
	// UserAgent is sent with every request.
	UserAgent string
}

// A Page is a fetched document.
type Page struct {
	URL         string // the final URL, after redirects
	ContentType string // the Content-Type header (or the sniffed type when none)
	Body        []byte
}

// A Fetcher downloads pages. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client
}

// NewDialer returns the default Dialer: a net.Dialer whose Control hook
// applies policy to the address each socket connects to.
func NewDialer(policy Policy, timeout time.Duration) *net.Dialer {
	if timeout <= 0 {
		timeout = DefaultDialTimeout
	}
	return &net.Dialer{Timeout: timeout, KeepAlive: -1, Control: policy.Control}
}

// New returns a Fetcher with opts.
func New(opts Options) *Fetcher {
	if opts.Resolver == nil {
		opts.Resolver = net.DefaultResolver
	}
	if opts.DialTimeout <= 0 {
		opts.DialTimeout = DefaultDialTimeout
	}
	if opts.Dialer == nil {
		opts.Dialer = NewDialer(opts.Policy, opts.DialTimeout)
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.MaxRedirects == 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if len(opts.Types) == 0 {
		opts.Types = DefaultTypes
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	f := &Fetcher{opts: opts}
	tr := &http.Transport{
		Proxy:                  nil, // never: a proxy would connect out of the guard's sight
		DialContext:            f.dial,
		TLSClientConfig:        &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:    opts.DialTimeout,
		ResponseHeaderTimeout:  opts.Timeout,
		DisableKeepAlives:      true, // no idle connection outlives a fetch
		MaxResponseHeaderBytes: 64 << 10,
		ForceAttemptHTTP2:      true,
	}
	f.client = &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > max(opts.MaxRedirects, 0) {
				return &Error{Reason: ReasonRedirects, URL: req.URL.String(), Limit: int64(max(opts.MaxRedirects, 0))}
			}
			return checkURL(req.URL)
		},
	}
	return f
}

// Fetch downloads rawURL. Every refusal and failure is an *Error.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	u, err := ParseURL(rawURL)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{Reason: ReasonBadURL, URL: rawURL, Err: err}
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, f.classify(ctx, u.String(), err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &Error{Reason: ReasonStatus, URL: final, Status: resp.StatusCode}
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return nil, &Error{Reason: ReasonTooLarge, URL: final, Limit: f.opts.MaxBytes}
	}
	ctype := resp.Header.Get("Content-Type")
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	if err != nil {
		return nil, f.classify(ctx, final, err)
	}
	if int64(len(body)) > f.opts.MaxBytes {
		return nil, &Error{Reason: ReasonTooLarge, URL: final, Limit: f.opts.MaxBytes}
	}
	if ctype == "" {
		ctype = http.DetectContentType(body)
	}
	if !f.accepts(ctype) {
		return nil, &Error{Reason: ReasonContentType, URL: final, Type: mediaType(ctype)}
	}
	return &Page{URL: final, ContentType: ctype, Body: body}, nil
}

// classify turns an error of the HTTP client into an *Error.
func (f *Fetcher) classify(ctx context.Context, u string, err error) error {
	var fe *Error
	if errors.As(err, &fe) {
		out := *fe
		if out.URL == "" {
			out.URL = u
		}
		return &out
	}
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) || ctx.Err() != nil:
		return &Error{Reason: ReasonTimeout, URL: u, Err: err}
	}
	return &Error{Reason: ReasonNetwork, URL: u, Err: err}
}

func (f *Fetcher) accepts(ctype string) bool {
	mt := mediaType(ctype)
	for _, t := range f.opts.Types {
		if strings.EqualFold(mt, t) {
			return true
		}
	}
	return false
}

func mediaType(ctype string) string {
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		mt, _, _ = strings.Cut(ctype, ";")
	}
	return strings.ToLower(strings.TrimSpace(mt))
}

// dial is the transport's DialContext: it resolves the host itself,
// refuses it when any of its addresses is not allowed (a name that
// resolves to both a public and a private address is a rebinding trick),
// and dials the allowed IP addresses in turn, so that the connection goes
// exactly where the check said.
func (f *Fetcher) dial(ctx context.Context, network, address string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, &Error{Reason: ReasonBadURL, Err: err}
	}
	addrs, err := f.resolve(ctx, host)
	if err != nil {
		return nil, err
	}
	for _, a := range addrs {
		if err := f.opts.Policy.Check(a); err != nil {
			return nil, err
		}
	}
	var last error
	for _, a := range addrs {
		conn, err := f.opts.Dialer.DialContext(ctx, network, netip.AddrPortFrom(a, mustPort(port)).String())
		if err == nil {
			return conn, nil
		}
		last = err
		if ctx.Err() != nil {
			break
		}
	}
	return nil, last
}

func mustPort(s string) uint16 {
	p, _ := strconv.ParseUint(s, 10, 16)
	return uint16(p)
}

// resolve returns the addresses of host: itself when it is an IP
// address, else what the Resolver says.
func (f *Fetcher) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	if a, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return []netip.Addr{a.WithZone("")}, nil
	}
	if isLocalName(host) {
		// No resolver is asked: the policy decides on the loopback
		// addresses themselves.
		return []netip.Addr{netip.IPv6Loopback(), netip.AddrFrom4([4]byte{127, 0, 0, 1})}, nil
	}
	addrs, err := f.opts.Resolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		if ctx.Err() != nil {
			return nil, &Error{Reason: ReasonTimeout, Err: err}
		}
		return nil, &Error{Reason: ReasonResolve, Addr: host, Err: err}
	}
	if len(addrs) == 0 {
		return nil, &Error{Reason: ReasonResolve, Addr: host}
	}
	return addrs, nil
}

// isLocalName reports the names that always mean this machine (RFC
// 6761). Other names are judged by
// the addresses they resolve to.
func isLocalName(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	return h == "localhost" || strings.HasSuffix(h, ".localhost")
}

// ParseURL parses and checks a URL a user gave: http or https, a host,
// no user name or password. A URL without a scheme gets https.
func ParseURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, &Error{Reason: ReasonBadURL}
	}
	// Discord wraps links in <...> to suppress their preview.
	raw = strings.TrimSuffix(strings.TrimPrefix(raw, "<"), ">")
	if !strings.Contains(raw, "://") {
		scheme, _, found := strings.Cut(raw, ":")
		switch {
		case found && (strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https")):
			return nil, &Error{Reason: ReasonBadURL, URL: clip(raw)}
		case found && !strings.ContainsAny(scheme, "./"):
			// "file:/etc/passwd", "javascript:...", "gopher:..."
			return nil, &Error{Reason: ReasonScheme, URL: clip(raw)}
		}
		raw = "https://" + raw // "example.com/news/story"
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, &Error{Reason: ReasonBadURL, URL: clip(raw), Err: err}
	}
	if err := checkURL(u); err != nil {
		return nil, err
	}
	u.Fragment = ""
	return u, nil
}

// checkURL is the part of ParseURL every redirect goes through too.
func checkURL(u *url.URL) error {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return &Error{Reason: ReasonScheme, URL: clip(u.String())}
	}
	if u.User != nil {
		return &Error{Reason: ReasonBadURL, URL: clip(u.Redacted()), Err: errors.New("user names and passwords are not allowed in URLs")}
	}
	host := u.Hostname()
	if host == "" {
		return &Error{Reason: ReasonBadURL, URL: clip(u.String()), Err: errors.New("no host")}
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return &Error{Reason: ReasonBadURL, URL: clip(u.String()), Err: fmt.Errorf("bad port %q", p)}
		}
	}
	if _, err := netip.ParseAddr(host); err != nil && looksNumeric(host) {
		// 2130706433, 0x7f.1, 017700000001: forms of IPv4 addresses that
		// some resolvers read as 127.0.0.1 and others as names.
		return &Error{Reason: ReasonBlockedAddress, URL: clip(u.String()), Addr: host}
	}
	return nil
}

// looksNumeric reports a host made only of digits, dots and hex prefixes:
// never a real name (top-level domains are not numeric), often an
// obfuscated address.
func looksNumeric(host string) bool {
	labels := strings.Split(strings.TrimSuffix(host, "."), ".")
	last := strings.ToLower(labels[len(labels)-1])
	if last == "" {
		return false
	}
	if strings.HasPrefix(last, "0x") {
		return true
	}
	for _, r := range last {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func clip(s string) string {
	const n = 200
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
