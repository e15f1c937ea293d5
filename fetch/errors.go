package fetch

import (
	"errors"
	"fmt"
	"strconv"
)

// A Reason says why a fetch was refused or failed. Front ends turn it into
// a message in the user's language: the message id is "fetch_" + Reason.
type Reason string

// Reasons.
const (
	ReasonBadURL         Reason = "bad_url"         // not a URL, or no host
	ReasonScheme         Reason = "scheme"          // not http or https
	ReasonBlockedAddress Reason = "blocked_address" // a private, loopback, link-local, metadata or other special address
	ReasonResolve        Reason = "resolve"         // the name does not resolve
	ReasonRedirects      Reason = "redirects"       // too many redirects
	ReasonTimeout        Reason = "timeout"         // the server was too slow
	ReasonTooLarge       Reason = "too_large"       // the page is over the size cap
	ReasonContentType    Reason = "content_type"    // not an HTML or text page
	ReasonStatus         Reason = "status"          // the server answered with an error status
	ReasonNetwork        Reason = "network"         // the connection failed
)

// An Error is a refused or failed fetch. Reason is for people (and is all
// a user should be shown, through the localised message); the other
// fields are for logs.
type Error struct {
	Reason Reason
	URL    string // the URL being fetched when it failed (after redirects)
	Addr   string // the address refused, for ReasonBlockedAddress
	Status int    // the HTTP status, for ReasonStatus
	Limit  int64  // the cap, for ReasonTooLarge (bytes) and ReasonRedirects (count)
	Type   string // the content type refused, for ReasonContentType
	Err    error  // the underlying error, if any
}

func (e *Error) Error() string {
	msg := "fetch"
	if e.URL != "" {
		msg += " " + e.URL
	}
	switch e.Reason {
	case ReasonBlockedAddress:
		msg += ": address not allowed"
		if e.Addr != "" {
			msg += " (" + e.Addr + ")"
		}
	case ReasonStatus:
		msg += fmt.Sprintf(": server answered %d", e.Status)
	case ReasonTooLarge:
		msg += fmt.Sprintf(": page larger than %d bytes", e.Limit)
	case ReasonRedirects:
		msg += fmt.Sprintf(": more than %d redirects", e.Limit)
	case ReasonContentType:
		msg += fmt.Sprintf(": content type %q is not a web page", e.Type)
	default:
		msg += ": " + string(e.Reason)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// ReasonOf returns the Reason of err, or "" when err is not from a fetch.
func ReasonOf(err error) Reason {
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Reason
	}
	return ""
}

// Message returns the id of the message that explains err to a user
// ("fetch_" + its Reason) and the values of its placeholders, for the
// message catalogues of package lang. ok is false when err is not from a
// fetch.
func Message(err error) (id string, args map[string]string, ok bool) {
	var fe *Error
	if !errors.As(err, &fe) {
		return "", nil, false
	}
	args = map[string]string{}
	switch fe.Reason {
	case ReasonTooLarge:
		args["max"] = humanBytes(fe.Limit)
	case ReasonRedirects:
		args["max"] = strconv.FormatInt(fe.Limit, 10)
	case ReasonStatus:
		args["status"] = strconv.Itoa(fe.Status)
	case ReasonContentType:
		args["type"] = fe.Type
		if fe.Type == "" {
			args["type"] = "?"
		}
	}
	return "fetch_" + string(fe.Reason), args, true
}

// humanBytes writes a size the way people read it: "5 MB", "64 KB".
func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}
