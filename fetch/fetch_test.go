package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qabot/qabot/fetch"
)

// No test of this package connects anywhere but the loopback interface.
// The guard refuses loopback addresses, so the tests that fetch for real
// allow 127.0.0.0/8 and ::1 for their httptest servers, and prove every
// other refusal with names resolved by a fake resolver and a tripwire
// dialer that fails the test if it is ever asked for another address.

var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}

func isLoopback(address string) bool {
	ap, err := netip.ParseAddrPort(address)
	return err == nil && ap.Addr().Unmap().IsLoopback()
}

// tripwire is a Dialer that dials loopback addresses through the guarded
// default dialer and fails the test on anything else, before any packet
// could leave.
type tripwire struct {
	t     testing.TB
	inner fetch.Dialer
	calls atomic.Int64
}

func newTripwire(t testing.TB, p fetch.Policy) *tripwire {
	return &tripwire{t: t, inner: fetch.NewDialer(p, time.Second)}
}

func (d *tripwire) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	d.calls.Add(1)
	if !isLoopback(address) {
		d.t.Errorf("tripwire: asked to dial %s %s, outside the loopback interface", network, address)
		return nil, errors.New("tripwire: refused")
	}
	return d.inner.DialContext(ctx, network, address)
}

// fakeResolver answers from a table; unknown names do not resolve.
type fakeResolver map[string][]netip.Addr

func (r fakeResolver) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	if a, ok := r[strings.ToLower(host)]; ok {
		return a, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

func addrs(ss ...string) []netip.Addr {
	var out []netip.Addr
	for _, s := range ss {
		out = append(out, netip.MustParseAddr(s))
	}
	return out
}

var resolver = fakeResolver{
	"private.example":   addrs("10.1.2.3"),
	"metadata.example":  addrs("169.254.169.254"),
	"rebind.example":    addrs("93.184.216.34", "127.0.0.1"),
	"v6private.example": addrs("fd12:3456::1"),
	"mapped.example":    addrs("::ffff:192.168.0.1"),
	"news.example":      addrs("127.0.0.1"), // a public name for the loopback test server
}

const page = `<!doctype html><html><head><title>Harbour reopens</title></head><body><p>The harbour reopened on Monday.</p></body></html>`

// server is a loopback web server with the routes the tests need.
func server(t testing.TB) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "Harbour reopens\n\nThe harbour reopened on Monday.")
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // sniffed
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://10.0.0.1/admin", http.StatusFound)
	})
	mux.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-private-name", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://private.example/", http.StatusTemporaryRedirect)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/to-article", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/slow-headers", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(time.Minute):
		}
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for i := 0; i < 100; i++ {
			if _, err := fmt.Fprint(w, "<p>drip</p>"); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(600 * time.Millisecond): // a minute in all
			}
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(6<<20))
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("/huge-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := strings.Repeat("<p>filler</p>", 1000)
		for n := 0; n < 6<<20; n += len(chunk) {
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4")
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// guarded returns a Fetcher with the default policy (loopback refused),
// the fake resolver and a tripwire.
func guarded(t testing.TB) (*fetch.Fetcher, *tripwire) {
	d := newTripwire(t, fetch.Policy{})
	return fetch.New(fetch.Options{Resolver: resolver, Dialer: d, Timeout: 2 * time.Second}), d
}

// allowed returns a Fetcher whose policy allows the loopback test server.
func allowed(t testing.TB, opts fetch.Options) (*fetch.Fetcher, *tripwire) {
	opts.Policy = fetch.Policy{Allow: loopback}
	d := newTripwire(t, opts.Policy)
	opts.Resolver, opts.Dialer = resolver, d
	if opts.Timeout == 0 {
		opts.Timeout = 2 * time.Second
	}
	return fetch.New(opts), d
}

func TestFetchRefusesSSRF(t *testing.T) {
	srv := server(t)
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	tests := []struct {
		name, url string
		want      fetch.Reason
	}{
		{"loopback", "http://127.0.0.1/", fetch.ReasonBlockedAddress},
		{"loopback test server", srv.URL + "/article", fetch.ReasonBlockedAddress},
		{"loopback other", "http://127.1.2.3:8080/", fetch.ReasonBlockedAddress},
		{"ipv6 loopback", "http://[::1]/", fetch.ReasonBlockedAddress},
		{"ipv6 loopback test port", fmt.Sprintf("http://[::1]:%d/article", port), fetch.ReasonBlockedAddress},
		{"ipv4-mapped loopback", "http://[::ffff:127.0.0.1]/", fetch.ReasonBlockedAddress},
		{"localhost", fmt.Sprintf("http://localhost:%d/article", port), fetch.ReasonBlockedAddress},
		{"sub.localhost", "http://api.localhost/", fetch.ReasonBlockedAddress},
		{"metadata", "http://169.254.169.254/latest/meta-data/", fetch.ReasonBlockedAddress},
		{"metadata ipv6", "http://[fd00:ec2::254]/", fetch.ReasonBlockedAddress},
		{"alibaba metadata", "http://100.100.100.200/", fetch.ReasonBlockedAddress},
		{"azure wire server", "http://168.63.129.16/", fetch.ReasonBlockedAddress},
		{"private 10", "http://10.0.0.1/", fetch.ReasonBlockedAddress},
		{"private 172", "https://172.16.5.4/", fetch.ReasonBlockedAddress},
		{"private 192", "http://192.168.1.1/", fetch.ReasonBlockedAddress},
		{"unspecified", "http://0.0.0.0/", fetch.ReasonBlockedAddress},
		{"this network", "http://0.1.2.3/", fetch.ReasonBlockedAddress},
		{"broadcast", "http://255.255.255.255/", fetch.ReasonBlockedAddress},
		{"link-local v6", "http://[fe80::1]/", fetch.ReasonBlockedAddress},
		{"unique local v6", "http://[fc00::1]/", fetch.ReasonBlockedAddress},
		{"nat64 of private", "http://[64:ff9b::a00:1]/", fetch.ReasonBlockedAddress},
		{"6to4 of loopback", "http://[2002:7f00:1::]/", fetch.ReasonBlockedAddress},
		{"decimal address", "http://2130706433/", fetch.ReasonBlockedAddress},
		{"hex address", "http://0x7f000001/", fetch.ReasonBlockedAddress},
		{"octal address", "http://0177.0.0.1/", fetch.ReasonBlockedAddress},
		{"name resolving to private", "http://private.example/", fetch.ReasonBlockedAddress},
		{"name resolving to metadata", "http://metadata.example/latest", fetch.ReasonBlockedAddress},
		{"name resolving to public and loopback", "http://rebind.example/", fetch.ReasonBlockedAddress},
		{"name resolving to private v6", "http://v6private.example/", fetch.ReasonBlockedAddress},
		{"name resolving to mapped private", "http://mapped.example/", fetch.ReasonBlockedAddress},
		{"unknown name", "http://nowhere.example/", fetch.ReasonResolve},
		{"file", "file:///etc/passwd", fetch.ReasonScheme},
		{"ftp", "ftp://ftp.example.org/pub", fetch.ReasonScheme},
		{"gopher", "gopher://127.0.0.1:6379/_FLUSHALL", fetch.ReasonScheme},
		{"javascript", "javascript:alert(1)", fetch.ReasonScheme},
		{"data", "data:text/html,<p>hi</p>", fetch.ReasonScheme},
		{"credentials", "http://user:secret@news.example/", fetch.ReasonBadURL},
		{"empty", "   ", fetch.ReasonBadURL},
		{"no host", "http:///article", fetch.ReasonBadURL},
		{"bad port", "http://news.example:99999/", fetch.ReasonBadURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, d := guarded(t)
			_, err := f.Fetch(context.Background(), tt.url)
			if got := fetch.ReasonOf(err); got != tt.want {
				t.Fatalf("Fetch(%q) error = %v (reason %q); want reason %q", tt.url, err, got, tt.want)
			}
			if n := d.calls.Load(); n != 0 {
				t.Errorf("Fetch(%q) asked the dialer %d times; a refused address must never be dialled", tt.url, n)
			}
		})
	}
}

func TestFetchRefusesRedirects(t *testing.T) {
	srv := server(t)
	tests := []struct {
		path string
		want fetch.Reason
	}{
		{"/to-private", fetch.ReasonBlockedAddress},
		{"/to-metadata", fetch.ReasonBlockedAddress},
		{"/to-private-name", fetch.ReasonBlockedAddress},
		{"/to-file", fetch.ReasonScheme},
		{"/loop", fetch.ReasonRedirects},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			f, d := allowed(t, fetch.Options{})
			_, err := f.Fetch(context.Background(), srv.URL+tt.path)
			if got := fetch.ReasonOf(err); got != tt.want {
				t.Fatalf("Fetch(%s) error = %v (reason %q); want reason %q", tt.path, err, got, tt.want)
			}
			if d.calls.Load() == 0 {
				t.Errorf("Fetch(%s) never dialled the test server", tt.path)
			}
		})
	}
}

func TestFetchHostile(t *testing.T) {
	srv := server(t)
	tests := []struct {
		name, path string
		opts       fetch.Options
		want       fetch.Reason
	}{
		{"slow headers", "/slow-headers", fetch.Options{Timeout: 200 * time.Millisecond}, fetch.ReasonTimeout},
		{"slow body", "/slow-body", fetch.Options{Timeout: 300 * time.Millisecond}, fetch.ReasonTimeout},
		{"huge by length", "/huge", fetch.Options{}, fetch.ReasonTooLarge},
		{"huge chunked", "/huge-chunked", fetch.Options{}, fetch.ReasonTooLarge},
		{"small cap", "/article", fetch.Options{MaxBytes: 20}, fetch.ReasonTooLarge},
		{"pdf", "/pdf", fetch.Options{}, fetch.ReasonContentType},
		{"sniffed image", "/image", fetch.Options{}, fetch.ReasonContentType},
		{"gone", "/gone", fetch.Options{}, fetch.ReasonStatus},
		{"no redirects allowed", "/to-article", fetch.Options{MaxRedirects: -1}, fetch.ReasonRedirects},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := allowed(t, tt.opts)
			// The slow handlers answer in full after a minute, so a timeout
			// reason proves the fetch gave up first; no wall-clock bound.
			_, err := f.Fetch(context.Background(), srv.URL+tt.path)
			if got := fetch.ReasonOf(err); got != tt.want {
				t.Fatalf("Fetch(%s) error = %v (reason %q); want reason %q", tt.path, err, got, tt.want)
			}
		})
	}
}

func TestFetchPages(t *testing.T) {
	srv := server(t)
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	tests := []struct {
		name, url, wantURL, wantType string
	}{
		{"html", srv.URL + "/article", srv.URL + "/article", "text/html; charset=utf-8"},
		{"plain", srv.URL + "/plain", srv.URL + "/plain", "text/plain"},
		{"sniffed", srv.URL + "/untyped", srv.URL + "/untyped", "text/html; charset=utf-8"},
		{"redirect", srv.URL + "/to-article", srv.URL + "/article", "text/html; charset=utf-8"},
		{"through the resolver", fmt.Sprintf("http://news.example:%d/article", port), fmt.Sprintf("http://news.example:%d/article", port), "text/html; charset=utf-8"},
		{"no scheme", fmt.Sprintf("news.example:%d/plain", port), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := allowed(t, fetch.Options{})
			p, err := f.Fetch(context.Background(), tt.url)
			if tt.wantURL == "" {
				// https is assumed, and the test server speaks http.
				if got := fetch.ReasonOf(err); got != fetch.ReasonNetwork {
					t.Fatalf("Fetch(%q) error = %v; want a network error (https to an http server)", tt.url, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Fetch(%q): %v", tt.url, err)
			}
			if p.URL != tt.wantURL || p.ContentType != tt.wantType {
				t.Errorf("Fetch(%q) = URL %q type %q; want %q %q", tt.url, p.URL, p.ContentType, tt.wantURL, tt.wantType)
			}
			if !strings.Contains(string(p.Body), "harbour reopened") {
				t.Errorf("Fetch(%q) body = %q", tt.url, p.Body)
			}
		})
	}
}

func TestFetchCancelled(t *testing.T) {
	srv := server(t)
	f, _ := allowed(t, fetch.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := f.Fetch(ctx, srv.URL+"/slow-headers")
	if got := fetch.ReasonOf(err); got != fetch.ReasonTimeout {
		t.Fatalf("Fetch cancelled: error = %v (reason %q); want %q", err, got, fetch.ReasonTimeout)
	}
}

func TestFetchConcurrent(t *testing.T) {
	srv := server(t)
	f, _ := allowed(t, fetch.Options{})
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := f.Fetch(context.Background(), srv.URL+"/article"); err != nil {
				t.Errorf("Fetch: %v", err)
			}
		}()
	}
	wg.Wait()
}
