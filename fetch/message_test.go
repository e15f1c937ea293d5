package fetch_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/qabot/qabot/fetch"
	"github.com/qabot/qabot/lang"
)

// Every refusal has a clear message in every language, with its
// placeholders filled.
func TestMessages(t *testing.T) {
	langs, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	errs := []*fetch.Error{
		{Reason: fetch.ReasonBadURL}, {Reason: fetch.ReasonScheme},
		{Reason: fetch.ReasonBlockedAddress, Addr: "10.0.0.1"}, {Reason: fetch.ReasonResolve},
		{Reason: fetch.ReasonRedirects, Limit: 5}, {Reason: fetch.ReasonTimeout},
		{Reason: fetch.ReasonTooLarge, Limit: 5 << 20}, {Reason: fetch.ReasonContentType, Type: "application/pdf"},
		{Reason: fetch.ReasonStatus, Status: 404}, {Reason: fetch.ReasonNetwork},
	}
	for _, l := range langs.Languages() {
		for _, fe := range errs {
			id, args, ok := fetch.Message(fe)
			if !ok {
				t.Fatalf("Message(%v) not ok", fe)
			}
			if !l.HasMessage(id) {
				t.Errorf("%s: no message %q", l.Code, id)
				continue
			}
			msg := l.Message(id, args)
			if strings.ContainsAny(msg, "{}") || msg == id {
				t.Errorf("%s: %s = %q; placeholders left", l.Code, id, msg)
			}
			for _, v := range args {
				if !strings.Contains(msg, v) {
					t.Errorf("%s: %s = %q; want it to say %q", l.Code, id, msg, v)
				}
			}
		}
	}
	if _, _, ok := fetch.Message(errors.New("other")); ok {
		t.Errorf("Message(plain error) ok; want false")
	}
	if _, args, _ := fetch.Message(&fetch.Error{Reason: fetch.ReasonTooLarge, Limit: 5 << 20}); args["max"] != "5 MB" {
		t.Errorf("too_large max = %q; want 5 MB", args["max"])
	}
}
