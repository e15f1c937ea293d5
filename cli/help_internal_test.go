package cli

import (
	"bytes"
	"context"
	"flag"
	"regexp"
	"strings"
	"testing"

	"github.com/qabot/qabot/lang"
)

// TestHelpComplete checks that every command's help names every flag it
// takes: in its synopsis, which the top-level help shows too, and with a
// line of its own in the command's help; and that the synopsis names no
// flag the command lacks.
func TestHelpComplete(t *testing.T) {
	run := func(args ...string) string {
		var out, errOut bytes.Buffer
		code := Run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &out, &errOut)
		if code != ExitOK || errOut.Len() > 0 {
			t.Fatalf("qabot %q = code %d, stderr %q", args, code, errOut.String())
		}
		return out.String()
	}
	top := run("--help")
	langs, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	a := &app{langs: langs}
	synFlag := regexp.MustCompile(`--([a-z-]+)`)
	for _, c := range subcommands() {
		t.Run(c.name, func(t *testing.T) {
			line := strings.TrimSpace("qabot " + c.name + " " + c.synopsis)
			if !strings.Contains(top, line+"\n") {
				t.Errorf("qabot --help lacks the line %q", line)
			}
			if c.name == "help" {
				return
			}
			own := run("help", c.name)
			if !strings.HasPrefix(own, "Usage: "+line+"\n") {
				t.Errorf("qabot help %s starts %q; want %q", c.name, strings.SplitN(own, "\n", 2)[0], "Usage: "+line)
			}
			var fs *flag.FlagSet
			if c.flags != nil {
				fs = c.flags(a)
			} else {
				fs = flag.NewFlagSet(c.name, flag.ContinueOnError)
			}
			fs.VisitAll(func(f *flag.Flag) {
				if !strings.Contains(c.synopsis, "--"+f.Name) {
					t.Errorf("synopsis of %s lacks --%s", c.name, f.Name)
				}
				if !strings.Contains(own, "\n  --"+f.Name) {
					t.Errorf("qabot help %s has no line for --%s", c.name, f.Name)
				}
			})
			for _, m := range synFlag.FindAllStringSubmatch(c.synopsis, -1) {
				if fs.Lookup(m[1]) == nil {
					t.Errorf("synopsis of %s names --%s, which it does not take", c.name, m[1])
				}
			}
		})
	}
}
